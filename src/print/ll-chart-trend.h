/* ll-chart-trend.h: the trend of observations as a chart */
#pragma once

#include "ll-chart.h"
#include "ll-observation-trend.h"

G_BEGIN_DECLS

/* A radar of @n_terms terms of @trend from @first_term: one series per
 * term, one axis per behaviour, grouped as the framework groups them.
 * The chart points into @trend, which must outlive it; free it with
 * ll_chart_trend_free(). */
LlChart *ll_chart_trend_new  (const LlObservationTrend *trend,
                              guint                     first_term,
                              guint                     n_terms,
                              const char               *title);
void     ll_chart_trend_free (LlChart                  *chart);

G_END_DECLS
