/* ll-observation-trend.c: shares of behaviours developing or embedded */
#define G_LOG_DOMAIN "ll-observation"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ll-observation-trend-private.h"
#include "ll-observation-trend.h"
#include "ll-store-observation.h"

void
ll_observation_trend_free (LlObservationTrend *trend)
{
  if (trend == NULL)
    return;
  g_clear_object (&trend->framework);
  g_free (trend->terms);
  g_strfreev (trend->term_labels);
  g_strfreev (trend->keys);
  g_strfreev (trend->names);
  g_strfreev (trend->groups);
  g_free (trend->observed);
  g_free (trend->reached);
  g_free (trend);
}

static int
compare_terms (gconstpointer a,
               gconstpointer b)
{
  return ll_term_compare (a, b);
}

/* Every term in which there are observations. */
static GArray *
terms_with_observations (LlStore  *store,
                         GError  **error)
{
  g_auto(GStrv) months = ll_store_dup_observation_months (store, error);
  GArray *terms;

  if (months == NULL)
    return NULL;
  terms = g_array_new (FALSE, FALSE, sizeof (LlTerm));
  for (guint i = 0; months[i] != NULL; i++)
    {
      g_autofree char *date = g_strconcat (months[i], "-01", NULL);
      LlTerm term;

      if (!ll_term_from_date (date, &term))
        continue;
      if (terms->len == 0 || ll_term_compare (&g_array_index (terms, LlTerm, terms->len - 1), &term) != 0)
        g_array_append_val (terms, term);
    }
  g_array_sort (terms, compare_terms);
  return terms;
}

LlObservationTrend *
ll_observation_trend_new (LlStore      *store,
                          gint64        framework_id,
                          const LlTerm *terms,
                          guint         n_terms,
                          const char   *year_group,
                          GError      **error)
{
  g_autoptr(LlObservationTrend) trend = g_new0 (LlObservationTrend, 1);
  g_autoptr(GArray) found = NULL;
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_levels, b = 0;

  g_return_val_if_fail (LL_IS_STORE (store), NULL);

  trend->framework = ll_store_load_framework (store, framework_id, error);
  if (trend->framework == NULL)
    return NULL;
  if (n_terms == 0)
    {
      found = terms_with_observations (store, error);
      if (found == NULL)
        return NULL;
      terms = (const LlTerm *) found->data;
      n_terms = found->len;
    }
  trend->n_terms = n_terms;
  trend->terms = g_memdup2 (terms, sizeof (LlTerm) * MAX (n_terms, 1));
  trend->term_labels = g_new0 (char *, n_terms + 1);
  for (guint t = 0; t < n_terms; t++)
    trend->term_labels[t] = ll_term_dup_label (&terms[t]);

  trend->keys = ll_framework_dup_behaviour_ids (trend->framework);
  trend->n_behaviours = g_strv_length (trend->keys);
  trend->names = g_new0 (char *, trend->n_behaviours + 1);
  trend->groups = g_new0 (char *, trend->n_behaviours + 1);
  for (guint g = 0; g < ll_framework_get_n_groups (trend->framework); g++)
    for (guint i = 0; i < ll_framework_get_n_behaviours (trend->framework, g); i++, b++)
      {
        trend->names[b] = g_strdup (ll_framework_get_behaviour (trend->framework, g, i)->name);
        trend->groups[b] = g_strdup (ll_framework_get_group_name (trend->framework, g));
        g_hash_table_insert (index, trend->keys[b], GUINT_TO_POINTER (b + 1));
      }

  /* the top two levels of the scale: developing and embedded by default */
  n_levels = g_strv_length ((char **) ll_framework_get_scale (trend->framework));
  trend->threshold = (int) MAX (n_levels, 2) - 2;
  trend->observed = g_new0 (guint, MAX (n_terms * trend->n_behaviours, 1));
  trend->reached = g_new0 (guint, MAX (n_terms * trend->n_behaviours, 1));

  for (guint t = 0; t < n_terms; t++)
    {
      char from[11], until[11];
      g_autoptr(GPtrArray) shares = NULL;

      ll_term_get_range (&terms[t], from, until);
      shares = ll_store_list_shares (store, framework_id, from, until, year_group, trend->threshold, error);
      if (shares == NULL)
        return NULL;
      for (guint i = 0; i < shares->len; i++)
        {
          LlStoreShare *share = g_ptr_array_index (shares, i);
          guint at = GPOINTER_TO_UINT (g_hash_table_lookup (index, share->behaviour));

          /* a behaviour no longer in the framework has no axis */
          if (at == 0)
            continue;
          trend->observed[t * trend->n_behaviours + at - 1] = share->observed;
          trend->reached[t * trend->n_behaviours + at - 1] = share->reached;
        }
    }
  return g_steal_pointer (&trend);
}

double
ll_observation_trend_share (const LlObservationTrend *trend,
                            guint                     term,
                            guint                     behaviour)
{
  guint at;

  g_return_val_if_fail (trend != NULL, NAN);
  g_return_val_if_fail (term < trend->n_terms && behaviour < trend->n_behaviours, NAN);

  at = term * trend->n_behaviours + behaviour;
  if (trend->observed[at] == 0)
    return NAN;
  return (double) trend->reached[at] / trend->observed[at];
}
