/* ll-person.h: one member of staff or of a programme */
#pragma once

#include <glib-object.h>

#include "ll-role.h"

G_BEGIN_DECLS

#define LL_TYPE_PERSON (ll_person_get_type ())
G_DECLARE_FINAL_TYPE (LlPerson, ll_person, LL, PERSON, GObject)

/* Properties: "id" (gint64, read-only), "name" (string), "role" (LlRole),
 * "role-label" (string, read-only, translated). Setting a property writes it
 * to the workbook at once. */
gint64       ll_person_get_id          (LlPerson   *self);
const char  *ll_person_get_name        (LlPerson   *self);
void         ll_person_set_name        (LlPerson   *self,
                                        const char *name);
LlRole       ll_person_get_role        (LlPerson   *self);
void         ll_person_set_role        (LlPerson   *self,
                                        LlRole      role);
const char  *ll_person_get_role_label  (LlPerson   *self);

G_END_DECLS
