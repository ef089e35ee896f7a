/* ll-programme.c: the leadership programme of a workbook */
#define G_LOG_DOMAIN "ll-portfolio"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ll-portfolio-private.h"
#include "ll-programme.h"

G_DEFINE_BOXED_TYPE (LlProgramme, ll_programme, ll_programme_copy, ll_programme_free)

gboolean
_ll_set_str (char       **dest,
             const char  *value)
{
  if (value == NULL)
    value = "";
  if (*dest != NULL && g_str_equal (*dest, value))
    return FALSE;
  g_free (*dest);
  *dest = g_strdup (value);
  return TRUE;
}

LlStudySession *
ll_study_session_new (void)
{
  LlStudySession *session = g_new0 (LlStudySession, 1);

  session->term = g_strdup ("");
  session->date = g_strdup ("");
  session->host_school = g_strdup ("");
  session->theme = g_strdup ("");
  return session;
}

void
ll_study_session_free (LlStudySession *session)
{
  if (session == NULL)
    return;
  g_free (session->term);
  g_free (session->date);
  g_free (session->host_school);
  g_free (session->theme);
  g_free (session);
}

LlClusterMeeting *
ll_cluster_meeting_new (void)
{
  LlClusterMeeting *meeting = g_new0 (LlClusterMeeting, 1);

  meeting->date = g_strdup ("");
  meeting->host_school = g_strdup ("");
  meeting->leaders = g_array_new (FALSE, FALSE, sizeof (gint64));
  return meeting;
}

void
ll_cluster_meeting_free (LlClusterMeeting *meeting)
{
  if (meeting == NULL)
    return;
  g_free (meeting->date);
  g_free (meeting->host_school);
  g_array_unref (meeting->leaders);
  g_free (meeting);
}

void
ll_portfolio_rule_free (LlPortfolioRule *rule)
{
  if (rule == NULL)
    return;
  g_free (rule->kind);
  g_free (rule);
}

/* The last day of twelve months from @start, as YYYY-MM-DD (1 September
 * to 31 August), or "" when @start is not a date. */
static char *
year_after (const char *start)
{
  GDate date;
  char buffer[16];

  g_date_clear (&date, 1);
  if (start == NULL || strlen (start) != 10)
    return g_strdup ("");
  g_date_set_parse (&date, start);
  if (!g_date_valid (&date))
    return g_strdup ("");
  g_date_add_months (&date, 12);
  g_date_subtract_days (&date, 1);
  g_snprintf (buffer, sizeof buffer, "%04u-%02u-%02u", g_date_get_year (&date),
              (guint) g_date_get_month (&date), g_date_get_day (&date));
  return g_strdup (buffer);
}

LlProgramme *
ll_programme_new (const char *start_date)
{
  LlProgramme *programme = g_new0 (LlProgramme, 1);

  programme->title = g_strdup (_("Leading Active Learning"));
  programme->certifying_body = g_strdup ("");
  programme->start_date = g_strdup (start_date != NULL ? start_date : "");
  programme->end_date = year_after (start_date);
  programme->cohort = g_strdup ("");
  programme->hub = g_strdup ("");
  programme->sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) ll_study_session_free);
  programme->meetings = g_ptr_array_new_with_free_func ((GDestroyNotify) ll_cluster_meeting_free);
  programme->rules = g_ptr_array_new_with_free_func ((GDestroyNotify) ll_portfolio_rule_free);
  return programme;
}

LlProgramme *
ll_programme_copy (const LlProgramme *programme)
{
  LlProgramme *copy;

  g_return_val_if_fail (programme != NULL, NULL);

  copy = ll_programme_new (NULL);
  copy->id = programme->id;
  _ll_set_str (&copy->title, programme->title);
  _ll_set_str (&copy->certifying_body, programme->certifying_body);
  _ll_set_str (&copy->start_date, programme->start_date);
  _ll_set_str (&copy->end_date, programme->end_date);
  _ll_set_str (&copy->cohort, programme->cohort);
  _ll_set_str (&copy->hub, programme->hub);
  copy->facilitator_id = programme->facilitator_id;
  for (guint i = 0; i < programme->sessions->len; i++)
    {
      const LlStudySession *from = g_ptr_array_index (programme->sessions, i);
      LlStudySession *to = ll_study_session_new ();

      to->id = from->id;
      _ll_set_str (&to->term, from->term);
      _ll_set_str (&to->date, from->date);
      _ll_set_str (&to->host_school, from->host_school);
      _ll_set_str (&to->theme, from->theme);
      g_ptr_array_add (copy->sessions, to);
    }
  for (guint i = 0; i < programme->meetings->len; i++)
    {
      const LlClusterMeeting *from = g_ptr_array_index (programme->meetings, i);
      LlClusterMeeting *to = ll_cluster_meeting_new ();

      to->id = from->id;
      _ll_set_str (&to->date, from->date);
      _ll_set_str (&to->host_school, from->host_school);
      g_array_append_vals (to->leaders, from->leaders->data, from->leaders->len);
      g_ptr_array_add (copy->meetings, to);
    }
  for (guint i = 0; i < programme->rules->len; i++)
    {
      const LlPortfolioRule *from = g_ptr_array_index (programme->rules, i);
      LlPortfolioRule *to = g_new0 (LlPortfolioRule, 1);

      to->kind = g_strdup (from->kind);
      to->minimum = from->minimum;
      g_ptr_array_add (copy->rules, to);
    }
  return copy;
}

void
ll_programme_free (LlProgramme *programme)
{
  if (programme == NULL)
    return;
  g_free (programme->title);
  g_free (programme->certifying_body);
  g_free (programme->start_date);
  g_free (programme->end_date);
  g_free (programme->cohort);
  g_free (programme->hub);
  g_ptr_array_unref (programme->sessions);
  g_ptr_array_unref (programme->meetings);
  g_ptr_array_unref (programme->rules);
  g_free (programme);
}

const LlPortfolioRule *
ll_programme_find_rule (const LlProgramme *programme,
                        const char        *kind)
{
  g_return_val_if_fail (programme != NULL, NULL);

  for (guint i = 0; i < programme->rules->len; i++)
    {
      const LlPortfolioRule *rule = g_ptr_array_index (programme->rules, i);

      if (g_strcmp0 (rule->kind, kind) == 0)
        return rule;
    }
  return NULL;
}

gboolean
ll_programme_contains_date (const LlProgramme *programme,
                            const char        *date)
{
  g_return_val_if_fail (programme != NULL, FALSE);

  if (date == NULL || *date == '\0')
    return FALSE;
  /* ISO dates sort as text */
  if (programme->start_date[0] != '\0' && strcmp (date, programme->start_date) < 0)
    return FALSE;
  if (programme->end_date[0] != '\0' && strcmp (date, programme->end_date) > 0)
    return FALSE;
  return TRUE;
}

gboolean
ll_programme_meeting_led_by (const LlProgramme *programme,
                             gint64             meeting_id,
                             gint64             person_id)
{
  g_return_val_if_fail (programme != NULL, FALSE);

  for (guint i = 0; i < programme->meetings->len; i++)
    {
      const LlClusterMeeting *meeting = g_ptr_array_index (programme->meetings, i);

      if (meeting->id != meeting_id)
        continue;
      for (guint j = 0; j < meeting->leaders->len; j++)
        if (g_array_index (meeting->leaders, gint64, j) == person_id)
          return TRUE;
    }
  return FALSE;
}

const char *
ll_rule_kind_to_label (const char *kind)
{
  static const struct {
    const char *kind;
    const char *label;
  } labels[] = {
    { LL_RULE_CLUSTER_REFLECTIONS, N_("Reflections on cluster group meetings") },
    { LL_RULE_LED_CLUSTER_REFLECTION, N_("A reflection on a cluster meeting you led") },
    { LL_RULE_STORY_PART_WORDS, N_("The analytical story of the work-based activity") },
    { LL_RULE_OUTCOMES_PRESENTED, N_("The outcomes presented to staff") },
    { LL_RULE_ENTRIES_IN_YEAR, N_("Entries dated within the programme's year") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (kind, labels[i].kind) == 0)
      return g_dgettext (GETTEXT_PACKAGE, labels[i].label);
  /* a rule from a newer version of the program */
  return kind;
}
