/* ll-chart.c: charts of learning behaviours, drawn with Cairo and Pango */
#define G_LOG_DOMAIN "ll-chart"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "ll-chart.h"

#define FONT "Sans"
#define N_STYLES 4

/* Each series: a dash, a marker and a grey that stay apart in print */
static const double dashes[N_STYLES][2] = { { 0, 0 }, { 6, 3 }, { 2, 2 }, { 9, 3 } };
static const double greys[N_STYLES] = { 0.0, 0.35, 0.2, 0.5 };

typedef enum { MARK_CIRCLE, MARK_SQUARE, MARK_TRIANGLE, MARK_DIAMOND } Mark;

static void
set_style (cairo_t *cr,
           guint    series,
           double   line_width)
{
  guint style = series % N_STYLES;

  cairo_set_source_rgb (cr, greys[style], greys[style], greys[style]);
  cairo_set_line_width (cr, line_width);
  if (dashes[style][0] > 0)
    {
      double scaled[2] = { dashes[style][0] * line_width / 1.5, dashes[style][1] * line_width / 1.5 };

      cairo_set_dash (cr, scaled, 2, 0);
    }
  else
    cairo_set_dash (cr, NULL, 0, 0);
}

static void
draw_mark (cairo_t *cr,
           guint    series,
           double   x,
           double   y,
           double   size)
{
  cairo_save (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  switch ((Mark) (series % N_STYLES))
    {
    case MARK_CIRCLE:
      cairo_arc (cr, x, y, size, 0, 2 * G_PI);
      break;
    case MARK_SQUARE:
      cairo_rectangle (cr, x - size, y - size, 2 * size, 2 * size);
      break;
    case MARK_TRIANGLE:
      cairo_move_to (cr, x, y - size * 1.2);
      cairo_line_to (cr, x + size * 1.1, y + size * 0.8);
      cairo_line_to (cr, x - size * 1.1, y + size * 0.8);
      cairo_close_path (cr);
      break;
    case MARK_DIAMOND:
    default:
      cairo_move_to (cr, x, y - size * 1.3);
      cairo_line_to (cr, x + size * 1.3, y);
      cairo_line_to (cr, x, y + size * 1.3);
      cairo_line_to (cr, x - size * 1.3, y);
      cairo_close_path (cr);
      break;
    }
  cairo_fill (cr);
  cairo_restore (cr);
}

static PangoLayout *
text_layout (cairo_t    *cr,
             const char *text,
             double      size,
             gboolean    bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* Shows @text with its anchor at @x, @y: @ax and @ay from 0 (left, top)
 * to 1 (right, bottom). Text wider than @max_width (if above 0) wraps
 * between words, its lines aligned towards the anchor. */
static void
show_text (cairo_t    *cr,
           const char *text,
           double      size,
           gboolean    bold,
           double      max_width,
           double      x,
           double      y,
           double      ax,
           double      ay)
{
  g_autoptr(PangoLayout) layout = text_layout (cr, text, size, bold);
  PangoRectangle logical;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  if (max_width > 0 && logical.width > max_width)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
      pango_layout_set_alignment (layout, ax < 0.25 ? PANGO_ALIGN_LEFT : ax > 0.75 ? PANGO_ALIGN_RIGHT
                                                                       : PANGO_ALIGN_CENTER);
      pango_layout_get_pixel_extents (layout, NULL, &logical);
      /* the box is the layout's width; the lines sit inside it */
      logical.width = (int) max_width;
      logical.x = 0;
    }
  cairo_move_to (cr, x - ax * logical.width - logical.x, y - ay * logical.height - logical.y);
  pango_cairo_show_layout (cr, layout);
}

static double
axis_angle (guint i,
            guint n)
{
  /* the first axis straight up, then clockwise */
  return -G_PI / 2 + 2 * G_PI * i / n;
}

static void
draw_series (cairo_t       *cr,
             const LlChart *chart,
             guint          series,
             double         cx,
             double         cy,
             double         radius,
             double         line_width,
             gboolean       marks,
             gboolean       faint)
{
  const double *values = chart->series[series].values;
  gboolean drawing = FALSE;

  cairo_new_path (cr);
  for (guint i = 0; i <= chart->n_axes; i++)
    {
      guint axis = i % chart->n_axes;
      double value = values[axis];
      double angle = axis_angle (axis, chart->n_axes);

      if (isnan (value))
        {
          /* an axis without data breaks the line */
          drawing = FALSE;
          continue;
        }
      value = CLAMP (value, 0, 1);
      if (drawing)
        cairo_line_to (cr, cx + cos (angle) * radius * value, cy + sin (angle) * radius * value);
      else
        cairo_move_to (cr, cx + cos (angle) * radius * value, cy + sin (angle) * radius * value);
      drawing = TRUE;
    }
  set_style (cr, series, line_width);
  /* the first term under each later one, light and solid */
  if (faint)
    {
      cairo_set_source_rgb (cr, 0.72, 0.72, 0.72);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  cairo_stroke (cr);
  if (!marks)
    return;
  for (guint axis = 0; axis < chart->n_axes; axis++)
    if (!isnan (values[axis]))
      {
        double angle = axis_angle (axis, chart->n_axes);
        double value = CLAMP (values[axis], 0, 1);

        draw_mark (cr, series, cx + cos (angle) * radius * value, cy + sin (angle) * radius * value,
                   line_width * 1.8);
      }
}

/* The rings, the spokes, and the borders between groups. */
static void
draw_grid (cairo_t       *cr,
           const LlChart *chart,
           double         cx,
           double         cy,
           double         radius,
           double         scale,
           gboolean       ring_labels)
{
  cairo_save (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_source_rgb (cr, 0.78, 0.78, 0.78);
  cairo_set_line_width (cr, 0.6 * scale);
  for (guint ring = 1; ring <= 4; ring++)
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, cx, cy, radius * ring / 4, 0, 2 * G_PI);
    }
  for (guint axis = 0; axis < chart->n_axes; axis++)
    {
      double angle = axis_angle (axis, chart->n_axes);

      cairo_move_to (cr, cx, cy);
      cairo_line_to (cr, cx + cos (angle) * radius, cy + sin (angle) * radius);
    }
  cairo_stroke (cr);

  /* a group starts half-way between its first axis and the one before */
  if (chart->groups != NULL)
    {
      cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
      cairo_set_line_width (cr, 1.2 * scale);
      for (guint axis = 0; axis < chart->n_axes; axis++)
        {
          guint before = (axis + chart->n_axes - 1) % chart->n_axes;
          double angle;

          if (g_strcmp0 (chart->groups[axis], chart->groups[before]) == 0)
            continue;
          angle = axis_angle (axis, chart->n_axes) - G_PI / chart->n_axes;
          cairo_move_to (cr, cx, cy);
          cairo_line_to (cr, cx + cos (angle) * radius, cy + sin (angle) * radius);
        }
      cairo_stroke (cr);
    }

  if (ring_labels)
    {
      cairo_set_source_rgb (cr, 0.4, 0.4, 0.4);
      for (guint ring = 1; ring <= 4; ring++)
        {
          g_autofree char *label = g_strdup_printf ("%u%%", ring * 25);

          show_text (cr, label, 7 * scale, FALSE, 0, cx + 2 * scale, cy - radius * ring / 4, 0, 1);
        }
    }
  cairo_restore (cr);
}

/* Behaviour labels round the circle; group names beyond them. */
static void
draw_labels (cairo_t       *cr,
             const LlChart *chart,
             double         cx,
             double         cy,
             double         radius,
             double         scale)
{
  double label_width = 92 * scale;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  for (guint axis = 0; axis < chart->n_axes; axis++)
    {
      double angle = axis_angle (axis, chart->n_axes);
      double c = cos (angle), s = sin (angle);

      /* away from the circle: right of it on the right, left on the left,
       * so that neighbours near the top and bottom do not meet */
      double ax = c > 0.05 ? 0 : c < -0.05 ? 1 : 0.5;

      show_text (cr, chart->axes[axis], 9 * scale, FALSE, label_width,
                 cx + c * (radius + 6 * scale), cy + s * (radius + 6 * scale), ax, 0.5 - 0.5 * s);
    }
  if (chart->groups != NULL)
    {
      for (guint axis = 0; axis < chart->n_axes;)
        {
          guint first = axis, last = axis;
          double angle, c, s;

          while (last + 1 < chart->n_axes && g_strcmp0 (chart->groups[last + 1], chart->groups[first]) == 0)
            last++;
          angle = (axis_angle (first, chart->n_axes) + axis_angle (last, chart->n_axes)) / 2;
          c = cos (angle);
          s = sin (angle);
          show_text (cr, chart->groups[first], 10 * scale, TRUE, label_width,
                     cx + c * (radius + 78 * scale), cy + s * (radius + 56 * scale),
                     c > 0.05 ? 0 : c < -0.05 ? 1 : 0.5, 0.5 - 0.5 * s);
          axis = last + 1;
        }
    }
  cairo_restore (cr);
}

/* One line per series: its dash and marker, then its name. */
static double
draw_legend (cairo_t       *cr,
             const LlChart *chart,
             double         x,
             double         y,
             double         width,
             double         scale)
{
  double line = 14 * scale;

  for (guint series = 0; series < chart->n_series; series++)
    {
      double ly = y + series * line + line / 2;

      cairo_new_path (cr);
      cairo_move_to (cr, x, ly);
      cairo_line_to (cr, x + 28 * scale, ly);
      set_style (cr, series, 1.5 * scale);
      cairo_stroke (cr);
      draw_mark (cr, series, x + 14 * scale, ly, 2.7 * scale);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      show_text (cr, chart->series[series].label, 9 * scale, FALSE, width - 34 * scale,
                 x + 34 * scale, ly, 0, 0.5);
    }
  return chart->n_series * line;
}

static void
draw_radar (cairo_t       *cr,
            const LlChart *chart,
            double         x,
            double         y,
            double         width,
            double         height)
{
  double scale = CLAMP (MIN (width, height) / 500, 0.6, 1.6);
  double title_height = chart->title != NULL ? 22 * scale : 0;
  double legend_height = chart->n_series * 14 * scale + 8 * scale;
  double cx = x + width / 2;
  double room = MIN (width, height - title_height - legend_height);
  double radius = MAX (room / 2 - (chart->groups != NULL ? 95 : 70) * scale, 10);
  double cy = y + title_height + (height - title_height - legend_height) / 2;

  if (chart->title != NULL)
    {
      cairo_set_source_rgb (cr, 0, 0, 0);
      show_text (cr, chart->title, 13 * scale, TRUE, width, x + width / 2, y, 0.5, 0);
    }
  draw_grid (cr, chart, cx, cy, radius, scale, TRUE);
  for (guint series = 0; series < chart->n_series; series++)
    draw_series (cr, chart, series, cx, cy, radius, 1.8 * scale, TRUE, FALSE);
  draw_labels (cr, chart, cx, cy, radius, scale);
  draw_legend (cr, chart, x + width / 2 - 80 * scale, y + height - legend_height, 200 * scale, scale);
}

/* Small labels round a small radar: the groups, or else the behaviours. */
static void
draw_sector_names (cairo_t       *cr,
                   const LlChart *chart,
                   double         cx,
                   double         cy,
                   double         radius,
                   double         scale)
{
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
  for (guint axis = 0; axis < chart->n_axes;)
    {
      guint first = axis, last = axis;
      double angle, c, s;

      while (chart->groups != NULL && last + 1 < chart->n_axes
             && g_strcmp0 (chart->groups[last + 1], chart->groups[first]) == 0)
        last++;
      angle = (axis_angle (first, chart->n_axes) + axis_angle (last, chart->n_axes)) / 2;
      c = cos (angle);
      s = sin (angle);
      show_text (cr, chart->groups != NULL ? chart->groups[first] : chart->axes[first], 8 * scale, FALSE,
                 70 * scale, cx + c * (radius + 4 * scale), cy + s * (radius + 4 * scale),
                 c > 0.05 ? 0 : c < -0.05 ? 1 : 0.5, 0.5 - 0.5 * s);
      axis = last + 1;
    }
  cairo_restore (cr);
}

/* One small radar per series, over the first in faint: change by term. */
static void
draw_small_multiples (cairo_t       *cr,
                      const LlChart *chart,
                      double         x,
                      double         y,
                      double         width,
                      double         height)
{
  guint n = MAX (chart->n_series, 1);
  guint columns = (guint) ceil (sqrt (n * width / MAX (height, 1)));
  guint rows;
  double cell_width, cell_height, title_height;

  columns = CLAMP (columns, 1, n);
  rows = (n + columns - 1) / columns;
  title_height = chart->title != NULL ? 22 * CLAMP (MIN (width, height) / 400, 0.6, 2.0) : 0;
  cell_width = width / columns;
  cell_height = (height - title_height) / rows;
  if (chart->title != NULL)
    {
      cairo_set_source_rgb (cr, 0, 0, 0);
      show_text (cr, chart->title, 13 * CLAMP (MIN (width, height) / 400, 0.6, 2.0), TRUE, width,
                 x + width / 2, y, 0.5, 0);
    }
  for (guint series = 0; series < chart->n_series; series++)
    {
      double cx0 = x + (series % columns) * cell_width;
      double cy0 = y + title_height + (series / columns) * cell_height;
      double scale = CLAMP (MIN (cell_width, cell_height) / 250, 0.4, 1.5);
      double radius = MAX (MIN (cell_width, cell_height - 18 * scale) / 2 - 34 * scale, 5);
      double cx = cx0 + cell_width / 2;
      double cy = cy0 + 18 * scale + (cell_height - 18 * scale) / 2;

      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      show_text (cr, chart->series[series].label, 9 * scale, TRUE, cell_width, cx, cy0 + 2 * scale, 0.5, 0);
      draw_grid (cr, chart, cx, cy, radius, scale, FALSE);
      if (series > 0)
        draw_series (cr, chart, 0, cx, cy, radius, 1.2 * scale, FALSE, TRUE);
      draw_series (cr, chart, series, cx, cy, radius, 1.6 * scale, TRUE, FALSE);
      draw_sector_names (cr, chart, cx, cy, radius, scale);
    }
  if (chart->n_series > 1)
    {
      g_autofree char *note = g_strdup_printf (_("Faint: %s"), chart->series[0].label);

      cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
      show_text (cr, note, 8 * CLAMP (MIN (width, height) / 500, 0.6, 1.6), FALSE, 0,
                 x + width, y + height, 1, 1);
    }
}

void
ll_chart_draw (cairo_t       *cr,
               const LlChart *chart,
               LlChartLayout  layout,
               double         x,
               double         y,
               double         width,
               double         height)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (chart != NULL);

  if (chart->n_axes < 3)
    {
      /* a radar needs three axes; say so rather than draw a line */
      cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
      show_text (cr, _("A chart needs at least three behaviours."), 11, FALSE, width,
                 x + width / 2, y + height / 2, 0.5, 0.5);
      return;
    }
  cairo_save (cr);
  switch (layout)
    {
    case LL_CHART_RADAR:
      draw_radar (cr, chart, x, y, width, height);
      break;
    case LL_CHART_SMALL_MULTIPLES:
      draw_small_multiples (cr, chart, x, y, width, height);
      break;
    default:
      g_assert_not_reached ();
    }
  cairo_restore (cr);
}

gboolean
ll_chart_write (const LlChart  *chart,
                LlChartLayout   layout,
                LlChartFormat   format,
                double          width,
                double          height,
                const char     *path,
                GError        **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  int fd;

  g_return_val_if_fail (chart != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* created private before anything is written into it */
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0 || fchmod (fd, 0600) != 0)
    {
      int saved = errno;
      g_autofree char *name = g_filename_display_basename (path);

      if (fd >= 0)
        close (fd);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), _("“%s” could not be written: %s."),
                   name, g_strerror (saved));
      return FALSE;
    }
  close (fd);

  if (format == LL_CHART_SVG)
    surface = cairo_svg_surface_create (path, width, height);
  else
    surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (width), (int) ceil (height));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  ll_chart_draw (cr, chart, layout, 0, 0, width, height);
  cairo_destroy (cr);
  if (format == LL_CHART_PNG)
    status = cairo_surface_write_to_png (surface, path);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_IO, _("“%s” could not be written: %s."), name,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
ll_chart_render_png (const LlChart *chart,
                     LlChartLayout  layout,
                     int            width,
                     int            height)
{
  cairo_surface_t *surface;
  GByteArray *png;
  cairo_t *cr;

  g_return_val_if_fail (chart != NULL, NULL);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cr = cairo_create (surface);
  png = g_byte_array_new ();

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  ll_chart_draw (cr, chart, layout, 0, 0, width, height);
  cairo_destroy (cr);
  cairo_surface_write_to_png_stream (surface, append_bytes, png);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (png);
}
