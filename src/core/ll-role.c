/* ll-role.c: the roles people hold in a school or a programme */
#define G_LOG_DOMAIN "ll-role"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ll-role.h"

static const struct {
  const char *id;
  const char *label;
} roles[LL_N_ROLES] = {
  [LL_ROLE_HEADTEACHER]                = { "headteacher", N_("Headteacher") },
  [LL_ROLE_SENIOR_LEADER]              = { "senior-leader", N_("Senior leader") },
  [LL_ROLE_MIDDLE_LEADER]              = { "middle-leader", N_("Middle leader") },
  [LL_ROLE_TEACHER]                    = { "teacher", N_("Teacher") },
  [LL_ROLE_TEACHING_ASSISTANT]         = { "teaching-assistant", N_("Teaching assistant") },
  [LL_ROLE_LEARNING_SUPPORT_ASSISTANT] = { "learning-support-assistant", N_("Learning support assistant") },
  [LL_ROLE_FACILITATOR]                = { "facilitator", N_("Facilitator") },
  [LL_ROLE_TUTOR]                      = { "tutor", N_("Tutor") },
};

GType
ll_role_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      static GEnumValue values[LL_N_ROLES + 1];
      GType type;

      for (int i = 0; i < LL_N_ROLES; i++)
        values[i] = (GEnumValue) { i, roles[i].id, roles[i].id };
      values[LL_N_ROLES] = (GEnumValue) { 0, NULL, NULL };
      type = g_enum_register_static (g_intern_static_string ("LlRole"), values);
      g_once_init_leave (&type_id, type);
    }
  return type_id;
}

const char *
ll_role_to_id (LlRole role)
{
  g_return_val_if_fail (role < LL_N_ROLES, NULL);
  return roles[role].id;
}

gboolean
ll_role_from_id (const char *id,
                 LlRole     *role)
{
  if (id == NULL)
    return FALSE;
  for (int i = 0; i < LL_N_ROLES; i++)
    if (g_str_equal (id, roles[i].id))
      {
        *role = i;
        return TRUE;
      }
  return FALSE;
}

const char *
ll_role_to_label (LlRole role)
{
  g_return_val_if_fail (role < LL_N_ROLES, NULL);
  return g_dgettext (GETTEXT_PACKAGE, roles[role].label);
}
