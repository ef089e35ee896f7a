/* test-chart.c: charts of learning behaviours, as files and on paper
 * (displayless) */
#include "config.h"

#include <math.h>
#include <string.h>
#include <sys/stat.h>

#include <cairo-pdf.h>
#include <glib/gstdio.h>

#include "ll-chart.h"
#include "ll-test-util.h"

static const char * const axes[] = {
  "Absorption", "Managing distractions", "Noticing", "Perseverance",
  "Questioning", "Making links", "Imagining", "Reasoning", "Capitalising",
  "Planning", "Revising", "Distilling", "Meta-learning",
  "Interdependence", "Collaboration", "Empathy and listening", "Imitation",
};
static const char * const groups[] = {
  "Resilience", "Resilience", "Resilience", "Resilience",
  "Resourcefulness", "Resourcefulness", "Resourcefulness", "Resourcefulness", "Resourcefulness",
  "Reflectiveness", "Reflectiveness", "Reflectiveness", "Reflectiveness",
  "Reciprocity", "Reciprocity", "Reciprocity", "Reciprocity",
};
static const double autumn[] = { .2, .3, .25, .4, .3, .2, .15, .35, .1, .2, .25, .1, .05, .3, .45, .3, .2 };
static const double spring[] = { .35, .4, .3, .55, .45, .3, .2, .4, .2, .3, .35, .2, .1, .4, .6, .4, .25 };
static double summer[G_N_ELEMENTS (axes)];

static LlChart
blp_chart (void)
{
  static LlChartSeries series[3];

  for (guint i = 0; i < G_N_ELEMENTS (axes); i++)
    summer[i] = i == 6 ? NAN : MIN (spring[i] + 0.15, 1);
  series[0] = (LlChartSeries) { "Autumn term 2025", autumn };
  series[1] = (LlChartSeries) { "Spring term 2026", spring };
  series[2] = (LlChartSeries) { "Summer term 2026", summer };
  return (LlChart) {
    .title = "Year 7: developing or embedded",
    .n_axes = G_N_ELEMENTS (axes), .axes = axes, .groups = groups,
    .n_series = 3, .series = series,
  };
}

static void
test_files (void)
{
  g_autofree char *dir = ll_test_make_tmpdir ();
  LlChart chart = blp_chart ();
  const char *keep = g_getenv ("LL_KEEP_CHARTS");

  for (LlChartLayout layout = LL_CHART_RADAR; layout <= LL_CHART_SMALL_MULTIPLES; layout++)
    {
      g_autofree char *png = g_strdup_printf ("%s/chart-%d.png", keep != NULL ? keep : dir, layout);
      g_autofree char *svg = g_strdup_printf ("%s/chart-%d.svg", keep != NULL ? keep : dir, layout);
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      cairo_surface_t *image;
      GStatBuf info;

      g_assert_true (ll_chart_write (&chart, layout, LL_CHART_PNG, 900, 700, png, &error));
      g_assert_no_error (error);
      g_assert_true (ll_chart_write (&chart, layout, LL_CHART_SVG, 600, 480, svg, &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_stat (png, &info), ==, 0);
      g_assert_cmpint (info.st_mode & 0777, ==, 0600);
      g_assert_cmpint (g_stat (svg, &info), ==, 0);
      g_assert_cmpint (info.st_mode & 0777, ==, 0600);

      image = cairo_image_surface_create_from_png (png);
      g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (image), ==, 900);
      g_assert_cmpint (cairo_image_surface_get_height (image), ==, 700);
      cairo_surface_destroy (image);
      g_assert_true (g_file_get_contents (svg, &text, NULL, NULL));
      g_assert_nonnull (strstr (text, "<svg"));
    }

  /* a folder that cannot be written to: one sentence */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (ll_chart_write (&chart, LL_CHART_RADAR, LL_CHART_PNG, 100, 100, "/proc/chart.png", &error));
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, "chart.png"));
  }
  ll_test_rm_rf (dir);
}

/* On paper the chart says what it shows in words: every behaviour, every
 * group and every series by name, and the scale in per cent. */
static void
test_printed_words (void)
{
  g_autofree char *dir = ll_test_make_tmpdir ();
  g_autofree char *pdf = g_build_filename (dir, "chart.pdf", NULL);
  g_autofree char *text = NULL;
  LlChart chart = blp_chart ();
  cairo_surface_t *surface = cairo_pdf_surface_create (pdf, 595, 842);
  cairo_t *cr = cairo_create (surface);

  ll_chart_draw (cr, &chart, LL_CHART_RADAR, 20, 20, 555, 600);
  cairo_show_page (cr);
  ll_chart_draw (cr, &chart, LL_CHART_SMALL_MULTIPLES, 20, 20, 555, 400);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  text = ll_test_pdf_text (pdf);
  for (guint i = 0; i < G_N_ELEMENTS (axes); i++)
    {
      g_auto(GStrv) words = g_strsplit (axes[i], " ", 2);

      g_assert_nonnull (strstr (text, words[0]));
    }
  g_assert_nonnull (strstr (text, "Resourcefulness"));
  g_assert_nonnull (strstr (text, "Reciprocity"));
  g_assert_nonnull (strstr (text, "Spring term 2026"));
  g_assert_nonnull (strstr (text, "75%"));
  g_assert_nonnull (strstr (text, "Year 7: developing or embedded"));
  ll_test_rm_rf (dir);
}

static void
test_too_few_axes (void)
{
  static const double values[] = { .5, .5 };
  static const char * const two[] = { "Planning", "Revising" };
  LlChartSeries series = { "Autumn", values };
  LlChart chart = { NULL, 2, two, NULL, 1, &series };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 200, 200);
  cairo_t *cr = cairo_create (surface);

  /* says why rather than drawing a line */
  ll_chart_draw (cr, &chart, LL_CHART_RADAR, 0, 0, 200, 200);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/chart/files", test_files);
  g_test_add_func ("/chart/printed-words", test_printed_words);
  g_test_add_func ("/chart/too-few-axes", test_too_few_axes);
  return g_test_run ();
}
