/* test-trends.c: the trends of a year's observations as a chart and a
 * table, by year group, saved as images (display suite) */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "ll-chart-view.h"
#include "ll-resources.h"
#include "ll-sample.h"
#include "ll-test-gui.h"
#include "ll-test-util.h"
#include "ll-trends-view.h"
#include "ll-workbook-observations.h"

typedef struct
{
  char         *dir;
  char         *path;
  LlWorkbook   *workbook;
  GtkWindow    *window;
  LlTrendsView *view;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gboolean sample = GPOINTER_TO_INT (data);

  f->dir = ll_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "Trends.llw", NULL);
  if (sample)
    g_assert_true (ll_sample_generate (f->path, 1, &error));
  else
    ll_test_make_workbook (f->path);
  g_assert_no_error (error);
  f->workbook = ll_workbook_open (f->path, LL_WORKBOOK_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 900, 900);
  f->view = LL_TRENDS_VIEW (ll_trends_view_new ());
  ll_trends_view_set_workbook (f->view, f->workbook);
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  gtk_window_present (f->window);
  ll_test_iterate_briefly ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  ll_test_destroy_all_windows ();
  g_clear_object (&f->workbook);
  ll_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* The texts of the labels under @widget, in order, joined by "|". */
static void
collect_labels (GtkWidget *widget,
                GString   *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    g_string_append_printf (out, "%s|", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, out);
}

static char *
table_text (Fixture *f)
{
  GString *out = g_string_new (NULL);

  ll_test_iterate_briefly ();
  collect_labels (ll_test_find_widget (GTK_WIDGET (f->view), GTK_TYPE_COLUMN_VIEW, NULL), out);
  return g_string_free (out, FALSE);
}

/* The figure in the table for the first behaviour in the first term, as
 * the table writes it ("3 of 5 (60%)"), worked out from the workbook. */
static char *
expected_first_cell (Fixture    *f,
                     const char *year_group)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlObservationTrend) trend = ll_workbook_dup_observation_trend (f->workbook, 0, year_group, &error);

  g_assert_no_error (error);
  for (guint b = 0; b < trend->n_behaviours; b++)
    if (trend->observed[b] > 0)
      return g_strdup_printf ("|%s|%u of %u (%.0f%%)|", trend->names[b], trend->reached[b], trend->observed[b],
                              100.0 * trend->reached[b] / trend->observed[b]);
  return NULL;
}

/* A year of the sample's observations shows as a chart with a table of
 * every figure, a column a term; choosing a year group narrows both. */
static void
test_chart_and_table (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlObservationTrend) all = ll_workbook_dup_observation_trend (f->workbook, 0, NULL, &error);
  g_auto(GStrv) year_groups = ll_workbook_dup_observed_year_groups (f->workbook, &error);
  GtkColumnView *table = GTK_COLUMN_VIEW (ll_test_find_widget (GTK_WIDGET (f->view), GTK_TYPE_COLUMN_VIEW, NULL));
  GtkDropDown *year_group = GTK_DROP_DOWN (ll_test_find_widget (GTK_WIDGET (f->view), GTK_TYPE_DROP_DOWN,
                                                               "Year group"));
  GtkWidget *area = ll_test_find_widget (GTK_WIDGET (f->view), LL_TYPE_CHART_VIEW, NULL);
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *narrowed = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (all->n_terms, >=, 2);
  g_assert_cmpuint (g_strv_length (year_groups), >=, 2);
  /* Reception and the years in the order of their numbers */
  for (guint i = 1; year_groups[i] != NULL; i++)
    if (g_str_has_prefix (year_groups[i - 1], "Year ") && g_str_has_prefix (year_groups[i], "Year "))
      g_assert_cmpint (atoi (year_groups[i - 1] + 5), <, atoi (year_groups[i] + 5));

  g_assert_true (gtk_widget_get_mapped (area));
  g_assert_cmpint (ll_chart_view_get_layout (LL_CHART_VIEW (area)), ==, LL_CHART_RADAR);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (table)), ==, 1 + all->n_terms);
  text = table_text (f);
  for (guint t = 0; t < all->n_terms; t++)
    g_assert_nonnull (strstr (text, all->term_labels[t]));
  expected = expected_first_cell (f, NULL);
  g_assert_nonnull (expected);
  g_assert_nonnull (strstr (text, expected));

  /* one term, chosen in the second drop-down: a column for it alone */
  {
    GtkWidget *choices = gtk_widget_get_parent (GTK_WIDGET (year_group));
    GtkDropDown *period = GTK_DROP_DOWN (ll_test_find_widget (GTK_WIDGET (f->view), GTK_TYPE_DROP_DOWN, "Period"));
    g_assert_true (GTK_IS_BOX (choices));
    g_assert_true (GTK_IS_DROP_DOWN (period));
    g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (period)), ==, 1 + all->n_terms);
    gtk_drop_down_set_selected (period, all->n_terms);
    g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (table)), ==, 2);
    g_clear_pointer (&text, g_free);
    text = table_text (f);
    g_assert_nonnull (strstr (text, all->term_labels[all->n_terms - 1]));
    g_assert_null (strstr (text, all->term_labels[0]));
    gtk_drop_down_set_selected (period, 0);
    g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (table)), ==, 1 + all->n_terms);
  }

  /* one year group, chosen as the drop-down chooses it: one whose first
   * figure differs from the whole school's, so that the table must change */
  {
    guint chosen = G_MAXUINT;

    for (guint i = 0; year_groups[i] != NULL && chosen == G_MAXUINT; i++)
      {
        g_autofree char *cell = expected_first_cell (f, year_groups[i]);

        if (cell != NULL && g_strcmp0 (cell, expected) != 0)
          chosen = i;
      }
    g_assert_cmpuint (chosen, !=, G_MAXUINT);
    gtk_drop_down_set_selected (year_group, chosen + 1);
    g_clear_pointer (&text, g_free);
    text = table_text (f);
    narrowed = expected_first_cell (f, year_groups[chosen]);
    g_assert_nonnull (strstr (text, narrowed));
    g_assert_null (strstr (text, expected));
  }
  g_assert_true (ll_trends_view_choose_year_group (f->view, NULL));
  g_assert_cmpuint (gtk_drop_down_get_selected (year_group), ==, 0);
  g_assert_false (ll_trends_view_choose_year_group (f->view, "Year 99"));
}

/* The chart is saved as the user sees it: a PNG or an SVG, by the name's
 * ending, readable by its owner only. */
static void
test_save_chart (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *png = g_build_filename (f->dir, "Trends.png", NULL);
  g_autofree char *svg = g_build_filename (f->dir, "Trends.svg", NULL);
  g_autofree char *png_bytes = NULL;
  g_autofree char *svg_text = NULL;
  GtkWidget *each_term = ll_test_find_widget (GTK_WIDGET (f->view), GTK_TYPE_TOGGLE_BUTTON, "_Each Term");
  GtkWidget *save = ll_test_find_widget (GTK_WIDGET (f->view), GTK_TYPE_BUTTON, "Save Chart…");
  gsize length = 0;
  GStatBuf st;

  g_assert_nonnull (each_term);
  g_assert_nonnull (save);
  g_assert_true (gtk_widget_get_sensitive (save));
  /* as Space or Enter on it does: the button shows the press, then toggles */
  gtk_widget_activate (each_term);
  g_assert_true (ll_test_wait_for ((LlTestCondition) gtk_toggle_button_get_active, each_term));
  g_assert_cmpint (ll_chart_view_get_layout (LL_CHART_VIEW (ll_test_find_widget (GTK_WIDGET (f->view), LL_TYPE_CHART_VIEW, NULL))),
                   ==, LL_CHART_SMALL_MULTIPLES);

  g_assert_true (ll_trends_view_write_chart (f->view, png, &error));
  g_assert_no_error (error);
  g_assert_true (ll_trends_view_write_chart (f->view, svg, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (png, &png_bytes, &length, NULL));
  g_assert_cmpuint (length, >, 8);
  g_assert_cmpmem (png_bytes, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_true (g_file_get_contents (svg, &svg_text, NULL, NULL));
  g_assert_nonnull (strstr (svg_text, "<svg"));
  g_assert_cmpint (g_stat (png, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0077, ==, 0);
  g_assert_cmpint (g_stat (svg, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0077, ==, 0);
}

/* With more than one framework, the trends follow the one chosen: the
 * sample's observations use the first, so the second has none yet. */
static void
test_framework_choice (Fixture       *f,
                       gconstpointer  data)
{
  GtkDropDown *year_group = GTK_DROP_DOWN (ll_test_find_widget (GTK_WIDGET (f->view), GTK_TYPE_DROP_DOWN,
                                                               "Year group"));
  GtkDropDown *framework = GTK_DROP_DOWN (ll_test_find_widget (GTK_WIDGET (f->view), GTK_TYPE_DROP_DOWN,
                                                              "Framework"));
  AdwStatusPage *empty = ADW_STATUS_PAGE (ll_test_find_widget (GTK_WIDGET (f->view), ADW_TYPE_STATUS_PAGE, NULL));

  g_assert_true (framework != year_group);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (framework)));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (framework)), ==, 2);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (empty)));
  gtk_drop_down_set_selected (framework, 1);
  ll_test_iterate_briefly ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (empty)));
  gtk_drop_down_set_selected (framework, 0);
  ll_test_iterate_briefly ();
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (empty)));
}

/* A workbook without observations says what will show here, and has no
 * chart to save. */
static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "None.png", NULL);
  GtkWidget *save = ll_test_find_widget (GTK_WIDGET (f->view), GTK_TYPE_BUTTON, "Save Chart…");
  AdwStatusPage *empty = ADW_STATUS_PAGE (ll_test_find_widget (GTK_WIDGET (f->view), ADW_TYPE_STATUS_PAGE, NULL));

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (empty)));
  g_assert_cmpstr (adw_status_page_get_title (empty), ==, "No Trends Yet");
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_false (ll_trends_view_write_chart (f->view, path, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  adw_init ();
  g_assert_nonnull (ll_get_resource ());

#define ADD(name, sample, func) \
  g_test_add (name, Fixture, GINT_TO_POINTER (sample), fixture_set_up, func, fixture_tear_down)
  ADD ("/trends/chart-and-table", TRUE, test_chart_and_table);
  ADD ("/trends/save-chart", TRUE, test_save_chart);
  ADD ("/trends/framework-choice", TRUE, test_framework_choice);
  ADD ("/trends/empty", FALSE, test_empty);
#undef ADD
  return g_test_run ();
}
