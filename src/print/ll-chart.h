/* ll-chart.h: charts of learning behaviours, drawn with Cairo and Pango
 *
 * A radar chart puts one axis per behaviour around a circle, grouped into
 * the framework's groups, and draws each series (a period, say) as a
 * closed line whose distance from the centre is a share from 0 to 1. It
 * is meant to be read without colour: each series has its own dash and
 * marker, and the legend shows both. Small multiples draw one small radar
 * per series, each over the first series in faint, to show change.
 * Nothing here needs a display: the same drawing goes to the screen, to
 * print, and to PNG and SVG files.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  const char   *label;     /* e.g. "Autumn term 2025" */
  const double *values;    /* one per axis, from 0 to 1; NAN where unknown */
} LlChartSeries;

typedef struct
{
  const char          *title;       /* may be NULL */
  guint                n_axes;
  const char * const  *axes;        /* the behaviours */
  const char * const  *groups;      /* the group of each axis, or NULL */
  guint                n_series;
  const LlChartSeries *series;
} LlChart;

typedef enum {
  LL_CHART_RADAR,
  LL_CHART_SMALL_MULTIPLES,
} LlChartLayout;

typedef enum {
  LL_CHART_PNG,
  LL_CHART_SVG,
} LlChartFormat;

/* Draws @chart in the rectangle @x, @y, @width × @height of @cr, in the
 * current source's colour family (black on white when printing). */
void      ll_chart_draw   (cairo_t        *cr,
                           const LlChart  *chart,
                           LlChartLayout   layout,
                           double          x,
                           double          y,
                           double          width,
                           double          height);
/* Writes @chart as a @width × @height (points for SVG, pixels for PNG)
 * image file, readable by its owner only. */
gboolean  ll_chart_write  (const LlChart  *chart,
                           LlChartLayout   layout,
                           LlChartFormat   format,
                           double          width,
                           double          height,
                           const char     *path,
                           GError        **error);

/* @chart as a PNG file's bytes, @width × @height pixels. */
GBytes   *ll_chart_render_png (const LlChart *chart,
                               LlChartLayout  layout,
                               int            width,
                               int            height);

G_END_DECLS
