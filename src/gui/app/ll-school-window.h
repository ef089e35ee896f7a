/* ll-school-window.h: School and People: the school's details and its staff */
#pragma once

#include <adwaita.h>

#include "ll-workbook.h"

G_BEGIN_DECLS

#define LL_TYPE_SCHOOL_WINDOW (ll_school_window_get_type ())
G_DECLARE_FINAL_TYPE (LlSchoolWindow, ll_school_window, LL, SCHOOL_WINDOW, AdwPreferencesWindow)

LlSchoolWindow *ll_school_window_new          (LlWorkbook     *workbook);
LlWorkbook     *ll_school_window_get_workbook (LlSchoolWindow *self);

/* Adds a person named "New person" and puts the cursor in their name. */
LlPerson       *ll_school_window_add_person   (LlSchoolWindow *self);
/* Asks whether to remove @person; returns the question (an
 * AdwMessageDialog), which removes them on its "remove" response. */
GtkWindow      *ll_school_window_ask_remove_person (LlSchoolWindow *self,
                                                    LlPerson       *person);

G_END_DECLS
