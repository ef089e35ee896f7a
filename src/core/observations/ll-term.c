/* ll-term.c: school terms in England, for grouping observations */
#define G_LOG_DOMAIN "ll-term"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "ll-term.h"

static const char * const season_ids[] = { "autumn", "spring", "summer" };

gboolean
ll_term_from_date (const char *iso_date,
                   LlTerm     *term)
{
  int year, month, day;
  char tail;

  g_return_val_if_fail (term != NULL, FALSE);

  if (iso_date == NULL || strlen (iso_date) != 10
      || sscanf (iso_date, "%4d-%2d-%2d%c", &year, &month, &day, &tail) != 3
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;
  if (month >= 9)
    *term = (LlTerm) { year, LL_TERM_AUTUMN };
  else if (month <= 3)
    *term = (LlTerm) { year - 1, LL_TERM_SPRING };
  else
    *term = (LlTerm) { year - 1, LL_TERM_SUMMER };
  return TRUE;
}

void
ll_term_get_range (const LlTerm *term,
                   char          start[11],
                   char          end[11])
{
  g_return_if_fail (term != NULL);

  switch (term->season)
    {
    case LL_TERM_AUTUMN:
      g_snprintf (start, 11, "%04d-09-01", term->year);
      g_snprintf (end, 11, "%04d-01-01", term->year + 1);
      break;
    case LL_TERM_SPRING:
      g_snprintf (start, 11, "%04d-01-01", term->year + 1);
      g_snprintf (end, 11, "%04d-04-01", term->year + 1);
      break;
    case LL_TERM_SUMMER:
    default:
      g_snprintf (start, 11, "%04d-04-01", term->year + 1);
      g_snprintf (end, 11, "%04d-09-01", term->year + 1);
      break;
    }
}

char *
ll_term_dup_label (const LlTerm *term)
{
  g_return_val_if_fail (term != NULL, NULL);

  switch (term->season)
    {
    case LL_TERM_AUTUMN:
      return g_strdup_printf (_("Autumn term %d"), term->year);
    case LL_TERM_SPRING:
      return g_strdup_printf (_("Spring term %d"), term->year + 1);
    case LL_TERM_SUMMER:
    default:
      return g_strdup_printf (_("Summer term %d"), term->year + 1);
    }
}

char *
ll_term_dup_id (const LlTerm *term)
{
  g_return_val_if_fail (term != NULL, NULL);
  return g_strdup_printf ("%04d-%s", term->year, season_ids[term->season]);
}

gboolean
ll_term_from_id (const char *id,
                 LlTerm     *term)
{
  g_autofree char *season = NULL;
  gint64 year;

  g_return_val_if_fail (term != NULL, FALSE);

  if (id == NULL || strlen (id) < 6 || id[4] != '-')
    return FALSE;
  {
    g_autofree char *digits = g_strndup (id, 4);

    if (!g_ascii_string_to_signed (digits, 10, 1000, 9999, &year, NULL))
      return FALSE;
  }
  for (guint i = 0; i < G_N_ELEMENTS (season_ids); i++)
    if (g_str_equal (id + 5, season_ids[i]))
      {
        *term = (LlTerm) { (int) year, (LlTermSeason) i };
        return TRUE;
      }
  return FALSE;
}

int
ll_term_compare (const LlTerm *a,
                 const LlTerm *b)
{
  if (a->year != b->year)
    return a->year < b->year ? -1 : 1;
  return (int) a->season - (int) b->season;
}

char *
ll_date_dup_long (const char *iso_date)
{
  int year, month, day;
  char tail;
  g_autoptr(GDateTime) date = NULL;

  if (iso_date == NULL)
    return g_strdup ("");
  if (strlen (iso_date) != 10 || sscanf (iso_date, "%4d-%2d-%2d%c", &year, &month, &day, &tail) != 3
      || (date = g_date_time_new_utc (year, month, day, 0, 0, 0)) == NULL)
    return g_strdup (iso_date);
  /* TRANSLATORS: a date as in "4 March 2026", see g_date_time_format() */
  return g_date_time_format (date, _("%-d %B %Y"));
}
