/* ll-observation-summary.c: a term's observations as one document */
#define G_LOG_DOMAIN "ll-observation"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "ll-observation-summary.h"
#include "ll-store-observation.h"

/* The id of a term's summary among a workbook's documents is made from the
 * term, so that it stays the same: 2025-autumn is -20250. Summaries are
 * made, not stored, and their ids are below zero so that they never meet
 * a stored document's. */
static gint64
summary_id (const LlTerm *term)
{
  return -((gint64) term->year * 10 + (gint64) term->season);
}

static void
add_counts (LlDocNode  *body,
            LlStore    *store,
            const char *from,
            const char *until,
            GError    **error,
            gboolean   *ok)
{
  g_autoptr(GPtrArray) years = NULL;
  guint observations = 0, teachers = 0, observers = 0;
  g_autofree char *line = NULL;
  g_autofree char *teacher_part = NULL;
  g_autofree char *observer_part = NULL;
  LlDocNode *table;

  if (!ll_store_count_observations (store, from, until, &observations, &teachers, &observers, error)
      || (years = ll_store_count_by_year_group (store, from, until, error)) == NULL)
    {
      *ok = FALSE;
      return;
    }
  teacher_part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u teacher", "%u teachers", teachers),
                                  teachers);
  observer_part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u observer", "%u observers", observers),
                                   observers);
  /* TRANSLATORS: "23 observations of 12 teachers by 3 observers." */
  line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u observation of %s by %s.",
                                       "%u observations of %s by %s.", observations),
                          observations, teacher_part, observer_part);
  ll_doc_add_para (body, line);
  if (years->len == 0)
    return;
  table = ll_doc_node_append (ll_doc_add_section (body, _("By year group")), ll_doc_node_new (LL_DOC_TABLE));
  ll_doc_add_row (table, _("Year group"), _("Observations"), NULL);
  for (guint i = 0; i < years->len; i++)
    {
      LlStoreMark *year = g_ptr_array_index (years, i);
      g_autofree char *n = g_strdup_printf ("%d", year->value);

      ll_doc_add_row (table, year->behaviour[0] != '\0' ? year->behaviour : _("Not given"), n, NULL);
    }
}

static gboolean
add_behaviours (LlDocNode                *body,
                const LlObservationTrend *trend,
                guint                     term,
                GBytes                   *chart,
                gboolean                  named,
                GError                  **error)
{
  const char * const *scale = ll_framework_get_scale (trend->framework);
  guint n_levels = g_strv_length ((char **) scale);
  g_autofree char *heading = named
    /* TRANSLATORS: a section of a termly summary, for one framework of several */
    ? g_strdup_printf (_("Learning behaviours: %s"), ll_framework_get_name (trend->framework))
    : g_strdup (_("Learning behaviours"));
  LlDocNode *section = ll_doc_add_section (body, heading);
  LlDocNode *table;
  g_autofree char *reached_heading = NULL;
  g_autofree char *intro = NULL;

  /* "Developing or embedded", from the framework's own scale */
  if (n_levels >= 2)
    {
      /* the second in lower case as it is read in the sentence */
      const char *top = scale[n_levels - 1];
      char first[8] = { 0 };

      g_unichar_to_utf8 (g_unichar_tolower (g_utf8_get_char (top)), first);
      reached_heading = g_strdup_printf (_("%s or %s%s"), scale[n_levels - 2], first, g_utf8_next_char (top));
    }
  else
    reached_heading = g_strdup (_("Reached"));
  intro = g_strdup_printf (_("How often each behaviour of %s was given a level, and in what share of "
                             "those observations it was %s."),
                           ll_framework_get_name (trend->framework), reached_heading);
  ll_doc_add_para (section, intro);

  if (chart != NULL)
    {
      g_autofree char *caption = g_strdup_printf (_("%s: the share %s, by behaviour"),
                                                  trend->term_labels[term], reached_heading);
      g_autofree char *alt = g_strdup_printf (_("A radar chart of the share of observations in which each "
                                                "behaviour was %s; the table below gives the figures."),
                                              reached_heading);

      if (ll_doc_add_figure (section, caption, chart, alt, error) == NULL)
        return FALSE;
    }

  table = ll_doc_node_append (section, ll_doc_node_new (LL_DOC_TABLE));
  ll_doc_add_row (table, _("Group"), _("Behaviour"), _("Observations"), reached_heading, NULL);
  for (guint b = 0; b < trend->n_behaviours; b++)
    {
      guint observed = trend->observed[term * trend->n_behaviours + b];
      double share = ll_observation_trend_share (trend, term, b);
      g_autofree char *n = g_strdup_printf ("%u", observed);
      g_autofree char *percent = isnan (share) ? g_strdup ("—") : g_strdup_printf ("%.0f%%", share * 100);

      ll_doc_add_row (table, trend->groups[b], trend->names[b], n, percent, NULL);
    }
  return TRUE;
}

static gboolean
add_steps (LlDocNode   *body,
           LlStore     *store,
           const char  *from,
           const char  *until,
           GError     **error)
{
  g_autoptr(GPtrArray) steps = ll_store_list_agreed_steps (store, from, until, error);
  LlDocNode *list;

  if (steps == NULL)
    return FALSE;
  if (steps->len == 0)
    return TRUE;
  list = ll_doc_add_list (ll_doc_add_section (body, _("Next steps agreed")), FALSE);
  for (guint i = 0; i < steps->len; i++)
    {
      LlStoreNoteRow *step = g_ptr_array_index (steps, i);
      /* TRANSLATORS: a next step, then the year group and subject it came from */
      g_autofree char *item = g_strdup_printf (_("%s (%s, %s)"), step->text, step->year_group, step->subject);

      ll_doc_add_list_item (list, item);
    }
  return TRUE;
}

LlDoc *
ll_observation_summary_build_doc (LlStore                          *store,
                                  const LlObservationTrend * const *trends,
                                  GBytes                   * const *charts,
                                  guint                             n_trends,
                                  guint                             term,
                                  const char                       *school,
                                  GError                          **error)
{
  const LlObservationTrend *trend;
  LlDoc *doc;
  g_autofree char *title = NULL;
  char from[11], until[11];
  gboolean ok = TRUE;

  g_return_val_if_fail (LL_IS_STORE (store), NULL);
  g_return_val_if_fail (trends != NULL && n_trends > 0, NULL);
  trend = trends[0];
  g_return_val_if_fail (trend != NULL && term < trend->n_terms, NULL);

  ll_term_get_range (&trend->terms[term], from, until);
  /* TRANSLATORS: e.g. "Observations, Spring term 2026" */
  title = g_strdup_printf (_("Observations, %s"), trend->term_labels[term]);
  doc = ll_doc_new ("observation-summary", summary_id (&trend->terms[term]), title);
  if (school != NULL && school[0] != '\0')
    doc->subtitle = g_strdup (school);

  add_counts (doc->body, store, from, until, error, &ok);
  for (guint i = 0; ok && i < n_trends; i++)
    ok = add_behaviours (doc->body, trends[i], term, charts != NULL ? charts[i] : NULL, n_trends > 1, error);
  if (!ok || !add_steps (doc->body, store, from, until, error))
    {
      ll_doc_free (doc);
      return NULL;
    }
  return doc;
}
