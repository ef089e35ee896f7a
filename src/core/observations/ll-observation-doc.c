/* ll-observation-doc.c: an observation as a document */
#define G_LOG_DOMAIN "ll-observation"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ll-observation-doc.h"
#include "ll-term.h"

static const char *
behaviour_name (LlFramework *framework,
                const char  *key)
{
  const LlBehaviour *behaviour = framework != NULL ? ll_framework_find_behaviour (framework, key, NULL) : NULL;

  return behaviour != NULL ? behaviour->name : key;
}

/* "Perseverance, Questioning" for "perseverance questioning". */
static char *
behaviour_names (LlFramework *framework,
                 const char  *keys)
{
  g_auto(GStrv) words = g_strsplit (keys, " ", -1);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (names->len > 0)
        g_string_append (names, _(", "));
      g_string_append (names, behaviour_name (framework, words[i]));
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static gboolean
has_text (const char *text)
{
  return text != NULL && text[0] != '\0';
}

static void
add_entry (LlDocNode  *varlist,
           const char *term,
           const char *value)
{
  if (has_text (value))
    ll_doc_add_varlist_entry (varlist, term, value);
}

/* A section with a stored rich text, or nothing when it is empty. */
static void
add_fragment_section (LlDocNode  *body,
                      const char *title,
                      const char *fragment)
{
  LlDocNode *section, *node;

  if (!has_text (fragment))
    return;
  section = ll_doc_add_section (body, title);
  node = ll_doc_node_new (LL_DOC_FRAGMENT);
  node->text = g_strdup (fragment);
  ll_doc_node_append (section, node);
}

static void
add_details (LlDocNode                *body,
             LlObservation            *observation,
             const LlObservationNames *names,
             LlFramework              *framework)
{
  LlDocNode *section = ll_doc_add_section (body, _("The lesson"));
  LlDocNode *details = ll_doc_node_append (section, ll_doc_node_new (LL_DOC_VARLIST));
  g_autofree char *focus = behaviour_names (framework, ll_observation_get_text (observation, LL_OBSERVATION_FOCUS));
  g_autofree char *time = NULL;
  g_autofree char *date = ll_date_dup_long (ll_observation_get_text (observation, LL_OBSERVATION_DATE));
  const char *start = ll_observation_get_text (observation, LL_OBSERVATION_START);
  gint64 duration = ll_observation_get_number (observation, LL_OBSERVATION_DURATION);

  if (has_text (start) && duration > 0)
    time = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, for %d minute", "%s, for %d minutes",
                                         (gulong) duration),
                            start, (int) duration);
  else if (duration > 0)
    time = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute", "%d minutes", (gulong) duration),
                            (int) duration);
  else
    time = g_strdup (start);

  add_entry (details, _("Date"), date);
  add_entry (details, _("Time"), time);
  add_entry (details, _("Teacher"), names->teacher);
  add_entry (details, _("Observer"), names->observer);
  add_entry (details, _("Class"), ll_observation_get_text (observation, LL_OBSERVATION_CLASS_GROUP));
  add_entry (details, _("Year group"), ll_observation_get_text (observation, LL_OBSERVATION_YEAR_GROUP));
  add_entry (details, _("Subject"), ll_observation_get_text (observation, LL_OBSERVATION_SUBJECT));
  add_entry (details, _("Focus"), focus);
  if (framework != NULL)
    add_entry (details, _("Framework"), ll_framework_get_name (framework));
  add_entry (details, _("Status"), ll_observation_status_to_label (ll_observation_get_status (observation)));
}

static void
add_notes (LlDocNode     *body,
           LlObservation *observation,
           LlFramework   *framework)
{
  GListModel *notes = ll_observation_get_notes (observation);
  guint n = g_list_model_get_n_items (notes);
  LlDocNode *table;

  if (n == 0)
    return;
  table = ll_doc_node_append (ll_doc_add_section (body, _("Notes from the lesson")),
                              ll_doc_node_new (LL_DOC_TABLE));
  ll_doc_add_row (table, _("Minute"), _("Behaviours"), _("Note"), NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LlObservationNote) note = g_list_model_get_item (notes, i);
      g_autofree char *minute = g_strdup_printf ("%u", ll_observation_note_get_minute (note));
      g_autofree char *tags = behaviour_names (framework, ll_observation_note_get_behaviours (note));

      ll_doc_add_row (table, minute, tags, ll_observation_note_get_text (note), NULL);
    }
}

/* Every behaviour the observation touched: its focus first, then the
 * framework's order, then any the framework no longer has. */
static GPtrArray *
touched_behaviours (LlObservation *observation,
                    LlFramework   *framework)
{
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) focus = g_strsplit (ll_observation_get_text (observation, LL_OBSERVATION_FOCUS), " ", -1);
  g_auto(GStrv) all = framework != NULL ? ll_framework_dup_behaviour_ids (framework) : NULL;

  for (guint i = 0; focus[i] != NULL; i++)
    if (focus[i][0] != '\0' && !g_ptr_array_find_with_equal_func (keys, focus[i], g_str_equal, NULL))
      g_ptr_array_add (keys, g_strdup (focus[i]));
  for (guint i = 0; all != NULL && all[i] != NULL; i++)
    if ((ll_observation_get_tally (observation, all[i]) > 0
         || ll_observation_get_level (observation, all[i], NULL) >= 0)
        && !g_ptr_array_find_with_equal_func (keys, all[i], g_str_equal, NULL))
      g_ptr_array_add (keys, g_strdup (all[i]));
  return keys;
}

static void
add_behaviours (LlDocNode     *body,
                LlObservation *observation,
                LlFramework   *framework)
{
  g_autoptr(GPtrArray) keys = touched_behaviours (observation, framework);
  const char * const *scale = framework != NULL ? ll_framework_get_scale (framework) : NULL;
  guint n_levels = scale != NULL ? g_strv_length ((char **) scale) : 0;
  LlDocNode *table;

  if (keys->len == 0)
    return;
  table = ll_doc_node_append (ll_doc_add_section (body, _("Learning behaviours")),
                              ll_doc_node_new (LL_DOC_TABLE));
  ll_doc_add_row (table, _("Behaviour"), _("Times seen"), _("Level"), _("Evidence"), NULL);
  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);
      const char *evidence = NULL;
      int level = ll_observation_get_level (observation, key, &evidence);
      g_autofree char *seen = g_strdup_printf ("%u", ll_observation_get_tally (observation, key));
      g_autofree char *level_text = NULL;

      if (level >= 0 && (guint) level < n_levels)
        level_text = g_strdup (scale[level]);
      else if (level >= 0)
        level_text = g_strdup_printf ("%d", level + 1);
      else
        level_text = g_strdup ("");
      ll_doc_add_row (table, behaviour_name (framework, key), seen, level_text, evidence, NULL);
    }
}

static void
add_next_steps (LlDocNode     *body,
                LlObservation *observation)
{
  g_auto(GStrv) steps = g_strsplit (ll_observation_get_text (observation, LL_OBSERVATION_NEXT_STEPS), "\n", -1);
  LlDocNode *section = NULL;
  LlDocNode *more = NULL;
  gboolean first = TRUE;

  for (guint i = 0; steps[i] != NULL; i++)
    {
      g_autofree char *step = g_strstrip (g_strdup (steps[i]));

      if (step[0] == '\0')
        continue;
      if (section == NULL)
        section = ll_doc_add_section (body, _("Next steps"));
      if (first)
        {
          g_autofree char *agreed = g_strdup_printf (_("Agreed: %s"), step);

          ll_doc_add_para (section, agreed);
          first = FALSE;
          continue;
        }
      if (more == NULL)
        more = ll_doc_add_list (section, FALSE);
      ll_doc_add_list_item (more, step);
    }
}

LlDoc *
ll_observation_build_doc (LlObservation            *observation,
                          const LlObservationNames *names,
                          LlFramework              *framework)
{
  LlDoc *doc;
  const char *follow_up;

  g_return_val_if_fail (LL_IS_OBSERVATION (observation), NULL);
  g_return_val_if_fail (names != NULL, NULL);

  doc = ll_doc_new ("observation", ll_observation_get_id (observation),
                    has_text (names->title) ? names->title : _("Lesson observation"));
  if (has_text (names->school))
    doc->subtitle = g_strdup (names->school);
  if (has_text (names->observer))
    doc->author = g_strdup (names->observer);
  if (has_text (ll_observation_get_text (observation, LL_OBSERVATION_DATE)))
    doc->date = g_strdup (ll_observation_get_text (observation, LL_OBSERVATION_DATE));

  /* A sheet for the follow-up conversation: the lesson, then what the two
   * talk about, and the notes taken in the lesson last, to look back at. */
  add_details (doc->body, observation, names, framework);
  add_fragment_section (doc->body, _("Context"), ll_observation_get_text (observation, LL_OBSERVATION_CONTEXT));
  add_behaviours (doc->body, observation, framework);
  add_fragment_section (doc->body, _("Strengths"), ll_observation_get_text (observation, LL_OBSERVATION_STRENGTHS));
  add_fragment_section (doc->body, _("Questions for the dialogue"),
                        ll_observation_get_text (observation, LL_OBSERVATION_QUESTIONS));
  add_next_steps (doc->body, observation);
  add_fragment_section (doc->body, _("The teacher’s reflection"),
                        ll_observation_get_text (observation, LL_OBSERVATION_REFLECTION));
  follow_up = ll_observation_get_text (observation, LL_OBSERVATION_FOLLOW_UP);
  if (has_text (follow_up))
    {
      g_autofree char *when = ll_date_dup_long (follow_up);
      g_autofree char *line = g_strdup_printf (_("Follow-up on %s."), when);

      ll_doc_add_para (ll_doc_add_section (doc->body, _("Follow-up")), line);
    }
  add_notes (doc->body, observation, framework);
  return doc;
}
