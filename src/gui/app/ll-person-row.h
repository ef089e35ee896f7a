/* ll-person-row.h: one person in School and People: name, role, remove */
#pragma once

#include <adwaita.h>

#include "ll-person.h"

G_BEGIN_DECLS

#define LL_TYPE_PERSON_ROW (ll_person_row_get_type ())
G_DECLARE_FINAL_TYPE (LlPersonRow, ll_person_row, LL, PERSON_ROW, AdwEntryRow)

GtkWidget  *ll_person_row_new          (LlPerson    *person);
LlPerson   *ll_person_row_get_person   (LlPersonRow *self);
GtkDropDown *ll_person_row_get_role_dropdown (LlPersonRow *self);
GtkButton  *ll_person_row_get_remove_button  (LlPersonRow *self);

G_END_DECLS
