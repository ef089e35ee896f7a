/* test-observations-page.c: the Observations place in the window: a new
 * observation from the keyboard shortcut, its details and focus, live
 * notes, the list that follows it, search, and what reaches the workbook
 * (display suite) */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "ll-live-notes.h"
#include "ll-observation-filters.h"
#include "ll-framework-editor.h"
#include "ll-observations-page.h"
#include "ll-sample.h"
#include "ll-test-gui.h"
#include "ll-test-util.h"
#include "ll-window.h"
#include "ll-workbook-observations.h"

static LlApplication *app;

typedef struct
{
  char     *dir;
  char     *path;
  LlWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = ll_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "Test.llw", NULL);
  ll_test_make_workbook (f->path);
  f->window = ll_window_new (GTK_APPLICATION (app));
  g_assert_true (ll_window_open_path (f->window, f->path));
  gtk_window_present (GTK_WINDOW (f->window));
  ll_test_iterate_briefly ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  ll_test_destroy_all_windows ();
  ll_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static LlObservationsPage *
page (Fixture *f)
{
  GObject *child = G_OBJECT (ll_window_lookup_place (f->window, "observations"));

  g_assert_nonnull (child);
  return LL_OBSERVATIONS_PAGE (child);
}

static gpointer
page_child (Fixture    *f,
            const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (page (f)), LL_TYPE_OBSERVATIONS_PAGE, name);

  g_assert_nonnull (child);
  return child;
}

/* The first widget of @type under @root whose title or label is @title. */
static GtkWidget *
find_row (GtkWidget  *root,
          GType       type,
          const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && ADW_IS_PREFERENCES_ROW (child)
          && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
        return child;
      found = find_row (child, type, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_check (GtkWidget  *root,
            const char *row_title)
{
  GtkWidget *row = find_row (root, ADW_TYPE_ACTION_ROW, row_title);

  g_assert_nonnull (row);
  return adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));
}

static LlWorkbook *
read_back (Fixture *f)
{
  ll_workbook_flush (ll_window_get_workbook (f->window), NULL);
  return ll_test_read_back (f->path);
}

static void
test_new_and_fill (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(LlWorkbook) back = NULL;
  g_autoptr(LlObservation) stored = NULL;
  g_autoptr(LlObservationItem) item = NULL;
  GListModel *shown;
  LlLiveNotes *notes = page_child (f, "live_notes");
  GtkWidget *subject, *perseverance;
  GtkStack *stack = page_child (f, "stack");
  gint64 id;

  ll_window_set_place (f->window, "observations");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  /* Ctrl+Shift+N makes one in this place */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-item", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "form");
  id = ll_observations_page_get_current_id (page (f));
  g_assert_cmpint (id, >, 0);

  subject = find_row (GTK_WIDGET (page (f)), ADW_TYPE_ENTRY_ROW, "S_ubject");
  g_assert_nonnull (subject);
  gtk_editable_set_text (GTK_EDITABLE (subject), "Geography");
  perseverance = find_check (GTK_WIDGET (page (f)), "Perseverance");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (perseverance), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_check (GTK_WIDGET (page (f)), "Noticing")), TRUE);

  /* the live notes follow the focus: a note tagged from the keyboard */
  gtk_widget_grab_focus (GTK_WIDGET (notes));
  ll_test_iterate_briefly ();
  ll_test_press_key (GTK_WIDGET (f->window), GDK_KEY_1, GDK_CONTROL_MASK);
  ll_test_press_key (GTK_WIDGET (f->window), GDK_KEY_2, GDK_ALT_MASK);
  gtk_editable_set_text (ll_live_notes_get_entry (notes), "Maps compared side by side");
  g_signal_emit_by_name (ll_live_notes_get_entry (notes), "activate");

  /* back to the list, which shows the edits */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page (f)), "observations.back", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
  shown = ll_observations_page_get_shown (page (f));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  item = g_list_model_get_item (shown, 0);
  g_assert_cmpstr (ll_observation_item_get_string (item, "subject"), ==, "Geography");
  g_assert_cmpstr (ll_observation_item_get_string (item, "focus"), ==, "Noticing, Perseverance");

  /* search as you type: found by the note's words, and not by others */
  gtk_editable_set_text (GTK_EDITABLE (page_child (f, "search_entry")), "maps");
  g_signal_emit_by_name (page_child (f, "search_entry"), "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (page_child (f, "search_entry")), "volcano");
  g_signal_emit_by_name (page_child (f, "search_entry"), "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  g_assert_true (gtk_widget_get_visible (page_child (f, "results_label")));
  gtk_editable_set_text (GTK_EDITABLE (page_child (f, "search_entry")), "");
  g_signal_emit_by_name (page_child (f, "search_entry"), "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);

  /* all of it is in the workbook */
  back = read_back (f);
  stored = ll_workbook_open_observation (back, id, NULL);
  g_assert_nonnull (stored);
  g_assert_cmpstr (ll_observation_get_text (stored, LL_OBSERVATION_SUBJECT), ==, "Geography");
  g_assert_cmpstr (ll_observation_get_text (stored, LL_OBSERVATION_FOCUS), ==, "noticing perseverance");
  g_assert_cmpuint (g_list_model_get_n_items (ll_observation_get_notes (stored)), ==, 1);
  {
    g_autoptr(LlObservationNote) note = g_list_model_get_item (ll_observation_get_notes (stored), 0);

    g_assert_cmpstr (ll_observation_note_get_behaviours (note), ==, "noticing");
    g_assert_cmpstr (ll_observation_note_get_text (note), ==, "Maps compared side by side");
  }
  g_assert_cmpuint (ll_observation_get_tally (stored, "perseverance"), ==, 1);
}

/* Opening from the list, and the level of a focus behaviour. */
static void
test_open_and_level (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlObservation) observation = NULL;
  g_autoptr(LlWorkbook) back = NULL;
  g_autoptr(LlObservation) stored = NULL;
  LlWorkbook *workbook = ll_window_get_workbook (f->window);
  AdwComboRow *level;
  const char *evidence = NULL;

  observation = ll_workbook_add_observation (workbook, "2026-02-10", &error);
  g_assert_no_error (error);
  ll_observation_set_text (observation, LL_OBSERVATION_FOCUS, "questioning");
  ll_window_set_place (f->window, "observations");
  ll_test_iterate_briefly ();
  g_signal_emit_by_name (page_child (f, "column_view"), "activate", 0);
  g_assert_cmpint (ll_observations_page_get_current_id (page (f)), ==, ll_observation_get_id (observation));

  level = ADW_COMBO_ROW (find_row (GTK_WIDGET (page (f)), ADW_TYPE_COMBO_ROW, "Questioning"));
  g_assert_nonnull (level);
  /* "Not given", then the scale: Developing is the third level */
  adw_combo_row_set_selected (level, 3);
  gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (page (f)), ADW_TYPE_ENTRY_ROW,
                                                 "Evidence of Questioning")),
                         "Pupils asked why twice");
  back = read_back (f);
  stored = ll_workbook_open_observation (back, ll_observation_get_id (observation), NULL);
  g_assert_cmpint (ll_observation_get_level (stored, "questioning", &evidence), ==, 2);
  g_assert_cmpstr (evidence, ==, "Pupils asked why twice");
}

/* The drop-down of the filter bar that a screen reader calls @label. */
static GtkDropDown *
find_dropdown (GtkWidget  *root,
               const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkDropDown *found;

      if (GTK_IS_DROP_DOWN (child) && g_strcmp0 (gtk_widget_get_tooltip_text (child), label) == 0)
        return GTK_DROP_DOWN (child);
      found = find_dropdown (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Chooses @value in the drop-down as a person would, by its position
 * among the choices it offers. */
static void
choose (GtkDropDown *dropdown,
        const char  *value)
{
  GListModel *choices = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (choices), i), value))
      {
        gtk_drop_down_set_selected (dropdown, i);
        return;
      }
  g_error ("the drop-down offers no “%s”", value);
}

static guint
n_listed (Fixture *f)
{
  GtkSelectionModel *model = gtk_column_view_get_model (page_child (f, "column_view"));

  return g_list_model_get_n_items (G_LIST_MODEL (model));
}

/* Every listed observation has @value for @property. */
static void
assert_all_listed (Fixture    *f,
                   const char *property,
                   const char *value)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (page_child (f, "column_view")));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LlObservationItem) item = g_list_model_get_item (model, i);

      g_assert_cmpstr (ll_observation_item_get_string (item, property), ==, value);
    }
}

/* The filter bar over the sample's year: each choice narrows the list to
 * the observations that have it, choices combine with each other and
 * with the search, the label says how many are shown, and Clear Filters
 * brings the year back. */
static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sample = g_build_filename (f->dir, "Sample.llw", NULL);
  GtkWidget *bar;
  GtkLabel *results;
  guint all, by_teacher, by_both;

  g_assert_true (ll_sample_generate (sample, 1, &error));
  g_assert_no_error (error);
  g_assert_true (ll_window_open_path (f->window, sample));
  ll_window_set_place (f->window, "observations");
  ll_test_iterate_briefly ();
  bar = page_child (f, "filters");
  results = page_child (f, "results_label");
  all = n_listed (f);
  g_assert_cmpuint (all, ==, 40);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (results)));

  /* the teachers offered are those observed, sorted; choosing one narrows */
  choose (find_dropdown (bar, "Teacher"), "Chloe Bennett");
  ll_test_iterate_briefly ();
  by_teacher = n_listed (f);
  g_assert_cmpuint (by_teacher, >, 0);
  g_assert_cmpuint (by_teacher, <, all);
  assert_all_listed (f, "teacher", "Chloe Bennett");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (results)));
  {
    g_autofree char *says = g_strdup_printf ("Showing %u of %u observations.", by_teacher, all);

    g_assert_cmpstr (gtk_label_get_text (results), ==, says);
  }

  /* a status as well: both hold for every row */
  choose (find_dropdown (bar, "Status"), "Closed");
  ll_test_iterate_briefly ();
  by_both = n_listed (f);
  g_assert_cmpuint (by_both, <=, by_teacher);
  assert_all_listed (f, "teacher", "Chloe Bennett");
  assert_all_listed (f, "status", "Closed");

  /* a term no observation of hers falls in leaves nothing, and says so */
  choose (find_dropdown (bar, "Status"), "Planned");
  ll_test_iterate_briefly ();
  if (n_listed (f) == 0)
    g_assert_cmpstr (gtk_label_get_text (results), ==, "No observation passes these filters.");

  /* Clear Filters brings the whole year back */
  ll_observation_filters_clear (LL_OBSERVATION_FILTERS (bar));
  ll_test_iterate_briefly ();
  g_assert_cmpuint (n_listed (f), ==, all);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (results)));

  /* a behaviour: every listed observation has it in its focus */
  choose (find_dropdown (bar, "Behaviour in the focus"), "Noticing");
  ll_test_iterate_briefly ();
  g_assert_cmpuint (n_listed (f), >, 0);
  {
    GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (page_child (f, "column_view")));

    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      {
        g_autoptr(LlObservationItem) item = g_list_model_get_item (model, i);

        g_assert_nonnull (strstr (ll_observation_item_get_string (item, "focus"), "Noticing"));
      }
  }
  ll_observation_filters_clear (LL_OBSERVATION_FILTERS (bar));

  /* follow-ups due: a date that has come, and not closed */
  ll_observation_filters_set_due (LL_OBSERVATION_FILTERS (bar), TRUE);
  ll_test_iterate_briefly ();
  {
    GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (page_child (f, "column_view")));
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      {
        g_autoptr(LlObservationItem) item = g_list_model_get_item (model, i);
        const char *follow_up = ll_observation_item_get_string (item, "follow-up");

        g_assert_true (follow_up[0] != '\0' && strcmp (follow_up, today) <= 0);
        g_assert_cmpstr (ll_observation_item_get_string (item, "status-id"), !=, "closed");
      }
  }
}

/* Trends and Frameworks are a click away from the year's list: the trends
 * take the place of the list until Back, and the frameworks open in a
 * window of their own over the main one. */
static void
test_trends_and_frameworks (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlObservation) observation = NULL;
  GtkStack *stack = page_child (f, "stack");
  GtkWidget *trends = NULL;
  GtkWindow *editor;

  /* an observation brings the list, and the frameworks with it */
  observation = ll_workbook_add_observation (ll_window_get_workbook (f->window), "2026-03-02", &error);
  g_assert_no_error (error);
  ll_window_set_place (f->window, "observations");
  ll_test_iterate_briefly ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");

  trends = ll_test_find_widget (GTK_WIDGET (page (f)), GTK_TYPE_BUTTON, "_Trends");
  g_assert_nonnull (trends);
  g_signal_emit_by_name (trends, "clicked");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "trends");
  g_assert_true (ll_test_wait_for ((LlTestCondition) gtk_widget_get_mapped, page_child (f, "trends_view")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page (f)), "observations.back", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");

  g_signal_emit_by_name (ll_test_find_widget (GTK_WIDGET (page (f)), GTK_TYPE_BUTTON, "_Frameworks…"), "clicked");
  editor = ll_test_wait_for_toplevel (LL_TYPE_FRAMEWORK_EDITOR, NULL);
  g_assert_true (gtk_window_get_transient_for (editor) == GTK_WINDOW (f->window));
  g_assert_cmpstr (gtk_window_get_title (editor), ==, "Frameworks of Learning Behaviours");
}

/* A new observation may follow the workbook's other framework: its focus
 * offers that framework's behaviours, and the list names them; once it
 * records a behaviour it keeps its framework, and the row says why. */
static void
test_other_framework (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(LlWorkbook) back = NULL;
  g_autoptr(LlObservation) stored = NULL;
  GtkWidget *row;
  gint64 id;

  ll_window_set_place (f->window, "observations");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-item", NULL));
  id = ll_observations_page_get_current_id (page (f));
  row = find_row (GTK_WIDGET (page (f)), ADW_TYPE_COMBO_ROW, "_Framework");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_visible (row));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 0);
  g_assert_nonnull (find_row (GTK_WIDGET (page (f)), ADW_TYPE_ACTION_ROW, "Perseverance"));

  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 1);
  ll_test_iterate_briefly ();
  g_assert_null (find_row (GTK_WIDGET (page (f)), ADW_TYPE_ACTION_ROW, "Perseverance"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_check (GTK_WIDGET (page (f)), "Critical curiosity")), TRUE);

  /* it records a behaviour now: the first framework is refused, here */
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 0);
  ll_test_iterate_briefly ();
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 1);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "already records"));
  g_assert_nonnull (find_row (GTK_WIDGET (page (f)), ADW_TYPE_ACTION_ROW, "Critical curiosity"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page (f)), "observations.back", NULL));
  {
    g_autoptr(LlObservationItem) item = g_list_model_get_item (ll_observations_page_get_shown (page (f)), 0);

    g_assert_cmpstr (ll_observation_item_get_string (item, "focus"), ==, "Critical curiosity");
  }
  back = read_back (f);
  {
    g_autoptr(GPtrArray) frameworks = ll_workbook_list_frameworks (back, NULL);
    g_autoptr(GArray) ids = ll_workbook_dup_framework_ids (back, NULL);

    stored = ll_workbook_open_observation (back, id, NULL);
    g_assert_nonnull (stored);
    g_assert_cmpint (ll_observation_get_number (stored, LL_OBSERVATION_FRAMEWORK), ==, g_array_index (ids, gint64, 1));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  int status;

  app = ll_test_gui_init_app (&argc, &argv, &data_home);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/observations-page/new-and-fill", test_new_and_fill);
  ADD ("/observations-page/open-and-level", test_open_and_level);
  ADD ("/observations-page/filters", test_filters);
  ADD ("/observations-page/trends-and-frameworks", test_trends_and_frameworks);
  ADD ("/observations-page/other-framework", test_other_framework);
#undef ADD

  status = g_test_run ();
  g_clear_object (&app);
  ll_test_rm_rf (data_home);
  return status;
}
