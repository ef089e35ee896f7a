/* ll-framework.h: the learning behaviours that observations look for
 *
 * A framework names groups of behaviours ("learning muscles"), each with a
 * one-line description, and the developmental scale on which a behaviour
 * is judged in a lesson. Behaviours and groups have stable identifiers
 * (lower-case words joined by hyphens) that observations refer to, so that
 * a behaviour can be renamed without losing what was recorded about it.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LL_FRAMEWORK_ERROR (ll_framework_error_quark ())
GQuark ll_framework_error_quark (void);

typedef enum {
  LL_FRAMEWORK_ERROR_INVALID,     /* a rule below is broken */
  LL_FRAMEWORK_ERROR_IN_USE,      /* a change would lose behaviours in use */
  LL_FRAMEWORK_ERROR_NOT_FRAMEWORK, /* a file that holds something else */
  LL_FRAMEWORK_ERROR_NEWER,       /* a file from a newer version of the app */
} LlFrameworkError;

typedef struct
{
  char *id;
  char *name;
  char *description;
} LlBehaviour;

#define LL_TYPE_FRAMEWORK (ll_framework_get_type ())
G_DECLARE_FINAL_TYPE (LlFramework, ll_framework, LL, FRAMEWORK, GObject)

LlFramework       *ll_framework_new                (const char   *name,
                                                    const char   *description);
/* A deep copy, which may then be edited. */
LlFramework       *ll_framework_copy               (LlFramework  *self);

const char        *ll_framework_get_name           (LlFramework  *self);
void               ll_framework_set_name           (LlFramework  *self,
                                                    const char   *name);
const char        *ll_framework_get_description    (LlFramework  *self);
void               ll_framework_set_description    (LlFramework  *self,
                                                    const char   *description);

/* The scale's levels, lowest first (the default: not yet seen, emerging,
 * developing, embedded). */
const char * const *ll_framework_get_scale         (LlFramework  *self);
void               ll_framework_set_scale          (LlFramework  *self,
                                                    const char * const *levels);

/* Groups, in order. ll_framework_add_group() returns the new group's index. */
guint              ll_framework_get_n_groups       (LlFramework  *self);
guint              ll_framework_add_group          (LlFramework  *self,
                                                    const char   *id,
                                                    const char   *name,
                                                    const char   *description);
const char        *ll_framework_get_group_id       (LlFramework  *self,
                                                    guint         group);
const char        *ll_framework_get_group_name     (LlFramework  *self,
                                                    guint         group);
const char        *ll_framework_get_group_description (LlFramework *self,
                                                    guint         group);

/* Behaviours of a group, in order. */
guint              ll_framework_get_n_behaviours   (LlFramework  *self,
                                                    guint         group);
const LlBehaviour *ll_framework_get_behaviour      (LlFramework  *self,
                                                    guint         group,
                                                    guint         index);
void               ll_framework_add_behaviour      (LlFramework  *self,
                                                    guint         group,
                                                    const char   *id,
                                                    const char   *name,
                                                    const char   *description);
/* Editing: a group's or a behaviour's name and description (their
 * identifiers stay, so that observations keep referring to them), taking
 * one away, and moving a behaviour to @to within its group. Whether the
 * result may replace a framework in use is for
 * ll_framework_can_replace() to say. */
void               ll_framework_set_group          (LlFramework  *self,
                                                    guint         group,
                                                    const char   *name,
                                                    const char   *description);
void               ll_framework_remove_group       (LlFramework  *self,
                                                    guint         group);
void               ll_framework_set_behaviour      (LlFramework  *self,
                                                    guint         group,
                                                    guint         index,
                                                    const char   *name,
                                                    const char   *description);
void               ll_framework_remove_behaviour   (LlFramework  *self,
                                                    guint         group,
                                                    guint         index);
void               ll_framework_move_behaviour     (LlFramework  *self,
                                                    guint         group,
                                                    guint         from,
                                                    guint         to);
/* Moves a behaviour to the end of the group @to_group; its identifier
 * stays, so that what observations recorded of it stays too. */
void               ll_framework_move_behaviour_to_group (LlFramework *self,
                                                    guint         group,
                                                    guint         index,
                                                    guint         to_group);
/* An identifier made from @name that no group or behaviour of the
 * framework has yet ("active-listening", "active-listening-2"). */
char              *ll_framework_make_id            (LlFramework  *self,
                                                    const char   *name);

/* The behaviour with @id in any group, and its group; NULL if none. */
const LlBehaviour *ll_framework_find_behaviour     (LlFramework  *self,
                                                    const char   *id,
                                                    guint        *group);
/* Every behaviour's id, in order, NULL-terminated. */
GStrv              ll_framework_dup_behaviour_ids  (LlFramework  *self);

/* Checks the rules: a name, at least one group, every group with at least
 * one behaviour, identifiers well formed and used once in the framework,
 * every behaviour named, a scale of two to nine distinct levels. */
gboolean           ll_framework_validate           (LlFramework  *self,
                                                    GError      **error);
/* Whether @replacement may take the place of @self, which observations
 * use: it is valid and keeps every behaviour in @in_use (ids). */
gboolean           ll_framework_can_replace        (LlFramework  *self,
                                                    LlFramework  *replacement,
                                                    const char * const *in_use,
                                                    GError      **error);

/* Whether @id is a well-formed identifier: lower-case ASCII letters and
 * digits in words joined by single hyphens, at most 64 characters. */
gboolean           ll_framework_id_is_valid        (const char   *id);

/* The frameworks that ship with the app, written in our own words:
 * Building Learning Power's four groups and seventeen capacities, and a
 * seven-dimension learning-power set. Transfer full. */
GPtrArray         *ll_framework_list_builtin       (void);

G_END_DECLS
