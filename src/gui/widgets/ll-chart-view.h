/* ll-chart-view.h: a chart of learning behaviours on screen (see
 * ll-chart.h), drawn in the text colour of the theme, read by a screen
 * reader as an image with a label and a description */
#pragma once

#include <gtk/gtk.h>

#include "ll-chart.h"

G_BEGIN_DECLS

#define LL_TYPE_CHART_VIEW (ll_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (LlChartView, ll_chart_view, LL, CHART_VIEW, GtkWidget)

GtkWidget      *ll_chart_view_new          (void);
/* Shows @chart (NULL: nothing), which must stay alive while it is shown;
 * @label and @description are what a screen reader reads for it: the
 * chart's title, and what it shows in words. */
void            ll_chart_view_set_chart    (LlChartView    *self,
                                            const LlChart  *chart,
                                            const char     *label,
                                            const char     *description);
void            ll_chart_view_set_layout   (LlChartView    *self,
                                            LlChartLayout   layout);
LlChartLayout   ll_chart_view_get_layout   (LlChartView    *self);

G_END_DECLS
