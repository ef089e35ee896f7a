/* ll-chart-trend.c: the trend of observations as a chart */
#define G_LOG_DOMAIN "ll-chart"

#include "config.h"

#include "ll-chart-trend.h"

LlChart *
ll_chart_trend_new (const LlObservationTrend *trend,
                    guint                     first_term,
                    guint                     n_terms,
                    const char               *title)
{
  LlChart *chart;
  LlChartSeries *series;

  g_return_val_if_fail (trend != NULL, NULL);
  g_return_val_if_fail (first_term + n_terms <= trend->n_terms, NULL);

  chart = g_new0 (LlChart, 1);
  series = g_new0 (LlChartSeries, MAX (n_terms, 1));
  for (guint t = 0; t < n_terms; t++)
    {
      double *values = g_new (double, MAX (trend->n_behaviours, 1));

      for (guint b = 0; b < trend->n_behaviours; b++)
        values[b] = ll_observation_trend_share (trend, first_term + t, b);
      series[t].label = trend->term_labels[first_term + t];
      series[t].values = values;
    }
  chart->title = g_strdup (title);
  chart->n_axes = trend->n_behaviours;
  chart->axes = (const char * const *) trend->names;
  chart->groups = (const char * const *) trend->groups;
  chart->n_series = n_terms;
  chart->series = series;
  return chart;
}

void
ll_chart_trend_free (LlChart *chart)
{
  if (chart == NULL)
    return;
  for (guint t = 0; t < chart->n_series; t++)
    g_free ((double *) chart->series[t].values);
  g_free ((LlChartSeries *) chart->series);
  g_free ((char *) chart->title);
  g_free (chart);
}
