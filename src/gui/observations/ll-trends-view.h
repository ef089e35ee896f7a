/* ll-trends-view.h: the trends of a year's observations: how often each
 * learning behaviour was seen developing or embedded, term by term, as a
 * chart and as a table with the same figures, for every year group or
 * one; the chart can be saved as a PNG or SVG image */
#pragma once

#include <gtk/gtk.h>

#include "ll-workbook.h"

G_BEGIN_DECLS

#define LL_TYPE_TRENDS_VIEW (ll_trends_view_get_type ())
G_DECLARE_FINAL_TYPE (LlTrendsView, ll_trends_view, LL, TRENDS_VIEW, GtkWidget)

GtkWidget  *ll_trends_view_new             (void);
void        ll_trends_view_set_workbook    (LlTrendsView *self,
                                            LlWorkbook   *workbook);
/* Reads the figures again (after observations changed). */
void        ll_trends_view_refresh         (LlTrendsView *self);
/* Shows the year group @year_group (as shown), or every one for NULL;
 * FALSE if no observation names it. */
gboolean    ll_trends_view_choose_year_group (LlTrendsView *self,
                                            const char   *year_group);
/* Writes the chart as shown to @path: SVG when it ends in ".svg", PNG
 * otherwise. */
gboolean    ll_trends_view_write_chart     (LlTrendsView *self,
                                            const char   *path,
                                            GError      **error);

G_END_DECLS
