/* ll-role.h: the roles people hold in a school or a programme */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  LL_ROLE_HEADTEACHER,
  LL_ROLE_SENIOR_LEADER,
  LL_ROLE_MIDDLE_LEADER,
  LL_ROLE_TEACHER,
  LL_ROLE_TEACHING_ASSISTANT,
  LL_ROLE_LEARNING_SUPPORT_ASSISTANT,
  LL_ROLE_FACILITATOR,
  LL_ROLE_TUTOR,
  LL_N_ROLES
} LlRole;

#define LL_TYPE_ROLE (ll_role_get_type ())
GType        ll_role_get_type      (void);

/* The stable identifier stored in workbooks, e.g. "senior-leader". */
const char  *ll_role_to_id         (LlRole      role);
/* Returns FALSE if @id names no role. */
gboolean     ll_role_from_id       (const char *id,
                                    LlRole     *role);
/* The translated label shown to users, e.g. "Senior leader". */
const char  *ll_role_to_label      (LlRole      role);

G_END_DECLS
