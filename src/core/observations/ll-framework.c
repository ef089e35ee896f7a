/* ll-framework.c: the learning behaviours that observations look for */
#define G_LOG_DOMAIN "ll-framework"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ll-framework.h"

#define MAX_ID_LENGTH 64
#define MIN_LEVELS 2
#define MAX_LEVELS 9

typedef struct
{
  char      *id;
  char      *name;
  char      *description;
  GPtrArray *behaviours;   /* of LlBehaviour */
} Group;

struct _LlFramework
{
  GObject    parent_instance;
  char      *name;
  char      *description;
  GStrv      scale;
  GPtrArray *groups;       /* of Group */
};

G_DEFINE_FINAL_TYPE (LlFramework, ll_framework, G_TYPE_OBJECT)
G_DEFINE_QUARK (ll-framework-error-quark, ll_framework_error)

static void
behaviour_free (gpointer data)
{
  LlBehaviour *behaviour = data;

  g_free (behaviour->id);
  g_free (behaviour->name);
  g_free (behaviour->description);
  g_free (behaviour);
}

static void
group_free (gpointer data)
{
  Group *group = data;

  g_free (group->id);
  g_free (group->name);
  g_free (group->description);
  g_ptr_array_unref (group->behaviours);
  g_free (group);
}

static void
ll_framework_finalize (GObject *object)
{
  LlFramework *self = LL_FRAMEWORK (object);

  g_free (self->name);
  g_free (self->description);
  g_strfreev (self->scale);
  g_ptr_array_unref (self->groups);
  G_OBJECT_CLASS (ll_framework_parent_class)->finalize (object);
}

static void
ll_framework_class_init (LlFrameworkClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ll_framework_finalize;
}

static void
ll_framework_init (LlFramework *self)
{
  const char * const levels[] = {
    N_("Not yet seen"), N_("Emerging"), N_("Developing"), N_("Embedded"), NULL,
  };

  self->groups = g_ptr_array_new_with_free_func (group_free);
  self->scale = g_new0 (char *, G_N_ELEMENTS (levels));
  for (guint i = 0; levels[i] != NULL; i++)
    self->scale[i] = g_strdup (_(levels[i]));
}

LlFramework *
ll_framework_new (const char *name,
                  const char *description)
{
  LlFramework *self = g_object_new (LL_TYPE_FRAMEWORK, NULL);

  self->name = g_strdup (name != NULL ? name : "");
  self->description = g_strdup (description != NULL ? description : "");
  return self;
}

LlFramework *
ll_framework_copy (LlFramework *self)
{
  LlFramework *copy;

  g_return_val_if_fail (LL_IS_FRAMEWORK (self), NULL);

  copy = ll_framework_new (self->name, self->description);
  ll_framework_set_scale (copy, (const char * const *) self->scale);
  for (guint g = 0; g < self->groups->len; g++)
    {
      Group *group = g_ptr_array_index (self->groups, g);
      guint index = ll_framework_add_group (copy, group->id, group->name, group->description);

      for (guint b = 0; b < group->behaviours->len; b++)
        {
          LlBehaviour *behaviour = g_ptr_array_index (group->behaviours, b);

          ll_framework_add_behaviour (copy, index, behaviour->id, behaviour->name, behaviour->description);
        }
    }
  return copy;
}

const char *
ll_framework_get_name (LlFramework *self)
{
  g_return_val_if_fail (LL_IS_FRAMEWORK (self), NULL);
  return self->name;
}

void
ll_framework_set_name (LlFramework *self,
                       const char  *name)
{
  g_return_if_fail (LL_IS_FRAMEWORK (self));
  g_free (self->name);
  self->name = g_strdup (name != NULL ? name : "");
}

const char *
ll_framework_get_description (LlFramework *self)
{
  g_return_val_if_fail (LL_IS_FRAMEWORK (self), NULL);
  return self->description;
}

void
ll_framework_set_description (LlFramework *self,
                              const char  *description)
{
  g_return_if_fail (LL_IS_FRAMEWORK (self));
  g_free (self->description);
  self->description = g_strdup (description != NULL ? description : "");
}

const char * const *
ll_framework_get_scale (LlFramework *self)
{
  g_return_val_if_fail (LL_IS_FRAMEWORK (self), NULL);
  return (const char * const *) self->scale;
}

void
ll_framework_set_scale (LlFramework        *self,
                        const char * const *levels)
{
  g_return_if_fail (LL_IS_FRAMEWORK (self));
  g_return_if_fail (levels != NULL);

  if (levels == (const char * const *) self->scale)
    return;
  g_strfreev (self->scale);
  self->scale = g_strdupv ((char **) levels);
}

guint
ll_framework_get_n_groups (LlFramework *self)
{
  g_return_val_if_fail (LL_IS_FRAMEWORK (self), 0);
  return self->groups->len;
}

guint
ll_framework_add_group (LlFramework *self,
                        const char  *id,
                        const char  *name,
                        const char  *description)
{
  Group *group;

  g_return_val_if_fail (LL_IS_FRAMEWORK (self), 0);

  group = g_new0 (Group, 1);
  group->id = g_strdup (id != NULL ? id : "");
  group->name = g_strdup (name != NULL ? name : "");
  group->description = g_strdup (description != NULL ? description : "");
  group->behaviours = g_ptr_array_new_with_free_func (behaviour_free);
  g_ptr_array_add (self->groups, group);
  return self->groups->len - 1;
}

static Group *
get_group (LlFramework *self,
           guint        group)
{
  g_return_val_if_fail (LL_IS_FRAMEWORK (self), NULL);
  g_return_val_if_fail (group < self->groups->len, NULL);
  return g_ptr_array_index (self->groups, group);
}

const char *
ll_framework_get_group_id (LlFramework *self,
                           guint        group)
{
  Group *found = get_group (self, group);

  return found != NULL ? found->id : NULL;
}

const char *
ll_framework_get_group_name (LlFramework *self,
                             guint        group)
{
  Group *found = get_group (self, group);

  return found != NULL ? found->name : NULL;
}

const char *
ll_framework_get_group_description (LlFramework *self,
                                    guint        group)
{
  Group *found = get_group (self, group);

  return found != NULL ? found->description : NULL;
}

guint
ll_framework_get_n_behaviours (LlFramework *self,
                               guint        group)
{
  Group *found = get_group (self, group);

  return found != NULL ? found->behaviours->len : 0;
}

const LlBehaviour *
ll_framework_get_behaviour (LlFramework *self,
                            guint        group,
                            guint        index)
{
  Group *found = get_group (self, group);

  g_return_val_if_fail (found != NULL && index < found->behaviours->len, NULL);
  return g_ptr_array_index (found->behaviours, index);
}

void
ll_framework_add_behaviour (LlFramework *self,
                            guint        group,
                            const char  *id,
                            const char  *name,
                            const char  *description)
{
  Group *found = get_group (self, group);
  LlBehaviour *behaviour;

  g_return_if_fail (found != NULL);

  behaviour = g_new0 (LlBehaviour, 1);
  behaviour->id = g_strdup (id != NULL ? id : "");
  behaviour->name = g_strdup (name != NULL ? name : "");
  behaviour->description = g_strdup (description != NULL ? description : "");
  g_ptr_array_add (found->behaviours, behaviour);
}

void
ll_framework_set_group (LlFramework *self,
                        guint        group,
                        const char  *name,
                        const char  *description)
{
  Group *found = get_group (self, group);

  g_return_if_fail (found != NULL);

  g_free (found->name);
  found->name = g_strdup (name != NULL ? name : "");
  g_free (found->description);
  found->description = g_strdup (description != NULL ? description : "");
}

void
ll_framework_remove_group (LlFramework *self,
                           guint        group)
{
  g_return_if_fail (get_group (self, group) != NULL);

  g_ptr_array_remove_index (self->groups, group);
}

void
ll_framework_set_behaviour (LlFramework *self,
                            guint        group,
                            guint        index,
                            const char  *name,
                            const char  *description)
{
  Group *found = get_group (self, group);
  LlBehaviour *behaviour;

  g_return_if_fail (found != NULL && index < found->behaviours->len);

  behaviour = g_ptr_array_index (found->behaviours, index);
  g_free (behaviour->name);
  behaviour->name = g_strdup (name != NULL ? name : "");
  g_free (behaviour->description);
  behaviour->description = g_strdup (description != NULL ? description : "");
}

void
ll_framework_remove_behaviour (LlFramework *self,
                               guint        group,
                               guint        index)
{
  Group *found = get_group (self, group);

  g_return_if_fail (found != NULL && index < found->behaviours->len);

  g_ptr_array_remove_index (found->behaviours, index);
}

void
ll_framework_move_behaviour (LlFramework *self,
                             guint        group,
                             guint        from,
                             guint        to)
{
  Group *found = get_group (self, group);
  gpointer behaviour;

  g_return_if_fail (found != NULL && from < found->behaviours->len);

  to = MIN (to, found->behaviours->len - 1);
  if (to == from)
    return;
  behaviour = g_ptr_array_steal_index (found->behaviours, from);
  g_ptr_array_insert (found->behaviours, (int) to, behaviour);
}

void
ll_framework_move_behaviour_to_group (LlFramework *self,
                                      guint        group,
                                      guint        index,
                                      guint        to_group)
{
  Group *found = get_group (self, group);
  Group *to = get_group (self, to_group);

  g_return_if_fail (found != NULL && to != NULL && index < found->behaviours->len);

  if (found == to)
    return;
  g_ptr_array_add (to->behaviours, g_ptr_array_steal_index (found->behaviours, index));
}

static gboolean
id_taken (LlFramework *self,
          const char  *id)
{
  for (guint g = 0; g < self->groups->len; g++)
    {
      Group *group = g_ptr_array_index (self->groups, g);

      if (g_str_equal (group->id, id))
        return TRUE;
    }
  return ll_framework_find_behaviour (self, id, NULL) != NULL;
}

char *
ll_framework_make_id (LlFramework *self,
                      const char  *name)
{
  g_autoptr(GString) id = g_string_new (NULL);
  g_autofree char *ascii = NULL;
  g_autofree char *base = NULL;

  g_return_val_if_fail (LL_IS_FRAMEWORK (self), NULL);

  /* lower-case letters and digits, in words joined by single hyphens */
  ascii = g_str_to_ascii (name != NULL ? name : "", "C");
  for (const char *c = ascii; *c != '\0' && id->len < 48; c++)
    {
      if (g_ascii_isalnum (*c))
        g_string_append_c (id, g_ascii_tolower (*c));
      else if (id->len > 0 && id->str[id->len - 1] != '-')
        g_string_append_c (id, '-');
    }
  while (id->len > 0 && id->str[id->len - 1] == '-')
    g_string_truncate (id, id->len - 1);
  if (id->len == 0)
    g_string_append (id, "behaviour");
  base = g_strdup (id->str);
  for (guint n = 2; id_taken (self, id->str); n++)
    {
      g_string_truncate (id, 0);
      g_string_append_printf (id, "%s-%u", base, n);
    }
  return g_string_free (g_steal_pointer (&id), FALSE);
}

const LlBehaviour *
ll_framework_find_behaviour (LlFramework *self,
                             const char  *id,
                             guint       *group)
{
  g_return_val_if_fail (LL_IS_FRAMEWORK (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint g = 0; g < self->groups->len; g++)
    {
      Group *found = g_ptr_array_index (self->groups, g);

      for (guint b = 0; b < found->behaviours->len; b++)
        {
          LlBehaviour *behaviour = g_ptr_array_index (found->behaviours, b);

          if (g_str_equal (behaviour->id, id))
            {
              if (group != NULL)
                *group = g;
              return behaviour;
            }
        }
    }
  return NULL;
}

GStrv
ll_framework_dup_behaviour_ids (LlFramework *self)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  g_return_val_if_fail (LL_IS_FRAMEWORK (self), NULL);

  for (guint g = 0; g < self->groups->len; g++)
    {
      Group *group = g_ptr_array_index (self->groups, g);

      for (guint b = 0; b < group->behaviours->len; b++)
        g_strv_builder_add (ids, ((LlBehaviour *) g_ptr_array_index (group->behaviours, b))->id);
    }
  return g_strv_builder_end (ids);
}

gboolean
ll_framework_id_is_valid (const char *id)
{
  gsize length;

  if (id == NULL)
    return FALSE;
  length = strlen (id);
  if (length == 0 || length > MAX_ID_LENGTH || id[0] == '-' || id[length - 1] == '-')
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    {
      if (*p == '-' && p[1] == '-')
        return FALSE;
      if (*p != '-' && !g_ascii_islower (*p) && !g_ascii_isdigit (*p))
        return FALSE;
    }
  return TRUE;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static gboolean
invalid (GError    **error,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError    **error,
         const char *format,
         ...)
{
  va_list args;

  if (error == NULL)
    return FALSE;
  g_return_val_if_fail (*error == NULL, FALSE);
  va_start (args, format);
  *error = g_error_new_valist (LL_FRAMEWORK_ERROR, LL_FRAMEWORK_ERROR_INVALID, format, args);
  va_end (args);
  return FALSE;
}

static gboolean
validate_id (GHashTable  *seen,
             const char  *id,
             const char  *name,
             GError     **error)
{
  if (!ll_framework_id_is_valid (id))
    return invalid (error, _("“%s” has the identifier “%s”: identifiers are lower-case words "
                             "joined by hyphens, such as “making-links”."), name, id);
  if (!g_hash_table_add (seen, (gpointer) id))
    return invalid (error, _("The identifier “%s” is used twice: each group and behaviour "
                             "needs its own."), id);
  return TRUE;
}

gboolean
ll_framework_validate (LlFramework  *self,
                       GError      **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) levels = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_levels;

  g_return_val_if_fail (LL_IS_FRAMEWORK (self), FALSE);

  if (is_blank (self->name))
    return invalid (error, _("The framework has no name."));
  n_levels = g_strv_length (self->scale);
  if (n_levels < MIN_LEVELS || n_levels > MAX_LEVELS)
    return invalid (error,
                    g_dngettext (GETTEXT_PACKAGE,
                                 "The scale of “%s” has %u level: a scale needs two to nine.",
                                 "The scale of “%s” has %u levels: a scale needs two to nine.",
                                 n_levels),
                    self->name, n_levels);
  for (guint i = 0; i < n_levels; i++)
    if (is_blank (self->scale[i]) || !g_hash_table_add (levels, self->scale[i]))
      return invalid (error, _("Each level of the scale of “%s” needs a name of its own."), self->name);
  if (self->groups->len == 0)
    return invalid (error, _("“%s” has no groups of behaviours."), self->name);

  for (guint g = 0; g < self->groups->len; g++)
    {
      Group *group = g_ptr_array_index (self->groups, g);

      if (is_blank (group->name))
        return invalid (error, _("Group %u of “%s” has no name."), g + 1, self->name);
      if (!validate_id (ids, group->id, group->name, error))
        return FALSE;
      if (group->behaviours->len == 0)
        return invalid (error, _("The group “%s” has no behaviours."), group->name);
      for (guint b = 0; b < group->behaviours->len; b++)
        {
          LlBehaviour *behaviour = g_ptr_array_index (group->behaviours, b);

          if (is_blank (behaviour->name))
            return invalid (error, _("Behaviour %u of the group “%s” has no name."), b + 1, group->name);
          if (!validate_id (ids, behaviour->id, behaviour->name, error))
            return FALSE;
        }
    }
  return TRUE;
}

gboolean
ll_framework_can_replace (LlFramework        *self,
                          LlFramework        *replacement,
                          const char * const *in_use,
                          GError            **error)
{
  g_autoptr(GString) lost = NULL;
  guint n_lost = 0;

  g_return_val_if_fail (LL_IS_FRAMEWORK (self), FALSE);
  g_return_val_if_fail (LL_IS_FRAMEWORK (replacement), FALSE);

  if (!ll_framework_validate (replacement, error))
    return FALSE;
  for (guint i = 0; in_use != NULL && in_use[i] != NULL; i++)
    {
      const LlBehaviour *old;

      if (ll_framework_find_behaviour (replacement, in_use[i], NULL) != NULL)
        continue;
      old = ll_framework_find_behaviour (self, in_use[i], NULL);
      if (lost == NULL)
        lost = g_string_new (NULL);
      else
        g_string_append (lost, _(", "));
      g_string_append_printf (lost, "“%s”", old != NULL ? old->name : in_use[i]);
      n_lost++;
    }
  if (n_lost > 0)
    {
      g_set_error (error, LL_FRAMEWORK_ERROR, LL_FRAMEWORK_ERROR_IN_USE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Observations record %s, so it cannot be taken out of the framework: "
                                "rename it or move it to another group instead.",
                                "Observations record %s, so they cannot be taken out of the framework: "
                                "rename them or move them to another group instead.",
                                n_lost),
                   lost->str);
      return FALSE;
    }
  return TRUE;
}
