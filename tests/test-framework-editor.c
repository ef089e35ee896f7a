/* test-framework-editor.c: a school edits its framework of learning
 * behaviours in the window, and the workbook follows; a behaviour that an
 * observation refers to stays (display suite) */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "ll-framework-editor.h"
#include "ll-resources.h"
#include "ll-test-gui.h"
#include "ll-test-util.h"
#include "ll-workbook-observations.h"

typedef struct
{
  char       *dir;
  char       *path;
  LlWorkbook *workbook;
  GtkWidget  *editor;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlObservation) observation = NULL;

  f->dir = ll_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "Frameworks.llw", NULL);
  ll_test_make_workbook (f->path);
  f->workbook = ll_workbook_open (f->path, LL_WORKBOOK_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  /* the frameworks come with the first observation, whose focus is noticing */
  observation = ll_workbook_add_observation (f->workbook, "2026-03-02", &error);
  g_assert_no_error (error);
  ll_observation_set_text (observation, LL_OBSERVATION_FOCUS, "noticing");
  g_assert_true (ll_workbook_flush (f->workbook, &error));

  f->editor = ll_framework_editor_new (f->workbook);
  gtk_window_present (GTK_WINDOW (f->editor));
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

static gboolean
set_flag (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* The framework as another program reads it from the file, a second
 * after the last change: as long as a change may wait to be written. */
static LlFramework *
read_back_framework (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlWorkbook) other = NULL;
  gboolean waited = FALSE;

  g_timeout_add (1000, set_flag, &waited);
  while (!waited)
    g_main_context_iteration (NULL, TRUE);
  other = ll_test_read_back (f->path);
  g_autoptr(GPtrArray) frameworks = ll_workbook_list_frameworks (other, &error);

  g_assert_no_error (error);
  return g_object_ref (g_ptr_array_index (frameworks, 0));
}

static void
test_rename_and_describe (Fixture       *f,
                          gconstpointer  data)
{
  GtkWidget *noticing = ll_test_find_widget (f->editor, ADW_TYPE_EXPANDER_ROW, "Noticing");
  GtkWidget *name = NULL;
  GtkWidget *description = NULL;
  g_autoptr(LlFramework) framework = NULL;

  g_assert_nonnull (noticing);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (noticing), TRUE);
  name = ll_test_find_widget (noticing, ADW_TYPE_ENTRY_ROW, "_Name");
  description = ll_test_find_widget (noticing, ADW_TYPE_ENTRY_ROW, "_Description");
  gtk_editable_set_text (GTK_EDITABLE (name), "Spotting patterns");
  gtk_editable_set_text (GTK_EDITABLE (description), "Seeing what is there, and what repeats.");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (noticing)), ==, "Spotting patterns");

  framework = read_back_framework (f);
  g_assert_cmpstr (ll_framework_find_behaviour (framework, "noticing", NULL)->name, ==, "Spotting patterns");
  g_assert_cmpstr (ll_framework_find_behaviour (framework, "noticing", NULL)->description, ==,
                   "Seeing what is there, and what repeats.");

  /* an empty name is not taken: the row says so and the file keeps the last */
  gtk_editable_set_text (GTK_EDITABLE (name), "");
  g_assert_true (gtk_widget_has_css_class (name, "error"));
  g_clear_object (&framework);
  framework = read_back_framework (f);
  g_assert_cmpstr (ll_framework_find_behaviour (framework, "noticing", NULL)->name, ==, "Spotting patterns");
}

static void
test_remove_and_add (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *noticing = ll_test_find_widget (f->editor, ADW_TYPE_EXPANDER_ROW, "Noticing");
  GtkWidget *absorption = ll_test_find_widget (f->editor, ADW_TYPE_EXPANDER_ROW, "Absorption");
  GtkWidget *add = NULL;
  g_autoptr(LlFramework) framework = NULL;

  g_assert_nonnull (noticing);
  g_assert_nonnull (absorption);
  /* in the observation's focus: it stays, in the window and in the file */
  g_signal_emit_by_name (ll_test_find_widget (noticing, GTK_TYPE_BUTTON, "_Remove Behaviour"), "clicked");
  g_assert_true (ll_test_find_widget (f->editor, ADW_TYPE_EXPANDER_ROW, "Noticing") == noticing);
  framework = read_back_framework (f);
  g_assert_nonnull (ll_framework_find_behaviour (framework, "noticing", NULL));

  /* in no observation: it goes */
  g_signal_emit_by_name (ll_test_find_widget (absorption, GTK_TYPE_BUTTON, "_Remove Behaviour"), "clicked");
  g_assert_null (ll_test_find_widget (f->editor, ADW_TYPE_EXPANDER_ROW, "Absorption"));
  g_clear_object (&framework);
  framework = read_back_framework (f);
  g_assert_null (ll_framework_find_behaviour (framework, "absorption", NULL));

  /* a new one, open for its name */
  add = ll_test_find_widget (ll_test_find_widget (f->editor, ADW_TYPE_ACTION_ROW, "Add Behaviour"), GTK_TYPE_BUTTON, NULL);
  g_signal_emit_by_name (add, "clicked");
  g_assert_nonnull (ll_test_find_widget (f->editor, ADW_TYPE_EXPANDER_ROW, "New behaviour"));
  g_clear_object (&framework);
  framework = read_back_framework (f);
  g_assert_nonnull (ll_framework_find_behaviour (framework, "new-behaviour", NULL));
}

/* A group's name and description are the school's to change; a school's
 * own framework starts as a copy. */
static void
test_groups_and_copy (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlFramework) framework = NULL;
  g_autoptr(LlWorkbook) other = NULL;
  g_autoptr(GPtrArray) frameworks = NULL;
  GtkWidget *about = ll_test_find_widget (f->editor, ADW_TYPE_EXPANDER_ROW, "About This Group");
  GtkWidget *name;
  guint group = 0;

  g_assert_nonnull (about);
  name = ll_test_find_widget (about, ADW_TYPE_ENTRY_ROW, "Group _name");
  gtk_editable_set_text (GTK_EDITABLE (name), "Sticking With It");
  framework = read_back_framework (f);
  g_assert_nonnull (ll_framework_find_behaviour (framework, "noticing", &group));
  g_assert_cmpstr (ll_framework_get_group_name (framework, group), ==, "Sticking With It");
  gtk_editable_set_text (GTK_EDITABLE (name), "  ");
  g_assert_true (gtk_widget_has_css_class (name, "error"));
  g_clear_object (&framework);
  framework = read_back_framework (f);
  g_assert_cmpstr (ll_framework_get_group_name (framework, group), ==, "Sticking With It");

  g_signal_emit_by_name (ll_test_find_widget (f->editor, GTK_TYPE_BUTTON, "Make a _Copy"), "clicked");
  other = ll_test_read_back (f->path);
  frameworks = ll_workbook_list_frameworks (other, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (frameworks->len, ==, 3);
  g_assert_cmpstr (ll_framework_get_name (g_ptr_array_index (frameworks, 2)), ==,
                   "Building Learning Power (copy)");
}

/* A behaviour moves within its group, in the window and in the file; a
 * framework no observation uses can be removed, one in use stays. */
static void
test_move_and_remove_framework (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlFramework) framework = NULL;
  GtkWidget *absorption = ll_test_find_widget (f->editor, ADW_TYPE_EXPANDER_ROW, "Absorption");
  guint group = 0;

  /* as by the keyboard: Tab to the button, then Space */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (absorption), TRUE);
  ll_test_iterate_briefly ();
  g_assert_true (gtk_widget_grab_focus (ll_test_find_widget (absorption, GTK_TYPE_BUTTON, "Move Down")));
  g_signal_emit_by_name (ll_test_find_widget (absorption, GTK_TYPE_BUTTON, "Move Down"), "clicked");
  framework = read_back_framework (f);
  /* the keyboard stays on the button, to move it again */
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (f->editor)),
                                         ll_test_find_widget (absorption, GTK_TYPE_BUTTON, "Move Down"))
                 || gtk_window_get_focus (GTK_WINDOW (f->editor))
                    == ll_test_find_widget (absorption, GTK_TYPE_BUTTON, "Move Down"));
  g_assert_nonnull (ll_framework_find_behaviour (framework, "absorption", &group));
  g_assert_cmpstr (ll_framework_get_behaviour (framework, group, 1)->id, ==, "absorption");
  g_assert_cmpstr (ll_framework_get_behaviour (framework, group, 0)->id, ==, "managing-distractions");
  /* the rows follow: Managing distractions now comes first after the group's own row */
  g_assert_true (gtk_widget_get_next_sibling (ll_test_find_widget (f->editor, ADW_TYPE_EXPANDER_ROW,
                                                                   "Managing distractions"))
                 == absorption);

  /* the first framework is in use */
  g_signal_emit_by_name (ll_test_find_widget (f->editor, GTK_TYPE_BUTTON, "_Remove Framework"), "clicked");
  ll_test_iterate_briefly ();
  {
    g_autoptr(LlWorkbook) other = ll_test_read_back (f->path);
    g_autoptr(GPtrArray) frameworks = ll_workbook_list_frameworks (other, &error);

    g_assert_cmpuint (frameworks->len, ==, 2);
  }
  /* a copy of it is not */
  g_signal_emit_by_name (ll_test_find_widget (f->editor, GTK_TYPE_BUTTON, "Make a _Copy"), "clicked");
  {
    g_autoptr(LlWorkbook) other = ll_test_read_back (f->path);
    g_autoptr(GPtrArray) frameworks = ll_workbook_list_frameworks (other, &error);

    g_assert_cmpuint (frameworks->len, ==, 3);
  }
  {
    AdwPreferencesPage *shown = adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (f->editor));

    g_assert_cmpstr (adw_preferences_page_get_title (shown), ==, "Building Learning Power (copy)");
    g_signal_emit_by_name (ll_test_find_widget (GTK_WIDGET (shown), GTK_TYPE_BUTTON, "_Remove Framework"),
                           "clicked");
  }
  ll_test_iterate_briefly ();
  {
    g_autoptr(LlWorkbook) other = ll_test_read_back (f->path);
    g_autoptr(GPtrArray) frameworks = ll_workbook_list_frameworks (other, &error);

    g_assert_cmpuint (frameworks->len, ==, 2);
  }
}

/* A school adds a group of its own, moves behaviours into it and out of
 * the others, and removes a group; a group whose behaviours observations
 * recorded stays. */
static void
test_add_and_remove_groups (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(LlFramework) framework = NULL;
  GtkWidget *row, *choice, *name;
  guint group = 0, groups;

  framework = read_back_framework (f);
  groups = ll_framework_get_n_groups (framework);
  g_signal_emit_by_name (ll_test_find_widget (f->editor, GTK_TYPE_BUTTON, "Add _Group"), "clicked");
  ll_test_iterate_briefly ();
  /* the new group's name has the keyboard, ready to be typed */
  name = gtk_window_get_focus (GTK_WINDOW (f->editor));
  g_assert_nonnull (name);
  name = gtk_widget_get_ancestor (name, ADW_TYPE_ENTRY_ROW);
  g_assert_nonnull (name);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "New group");
  gtk_editable_set_text (GTK_EDITABLE (name), "Thinking Aloud");
  g_clear_object (&framework);
  framework = read_back_framework (f);
  g_assert_cmpuint (ll_framework_get_n_groups (framework), ==, groups + 1);
  g_assert_cmpstr (ll_framework_get_group_name (framework, groups), ==, "Thinking Aloud");
  g_assert_nonnull (ll_framework_find_behaviour (framework, "new-behaviour", &group));
  g_assert_cmpuint (group, ==, groups);

  /* Noticing, in the observation's focus, moves into it and keeps its records */
  row = ll_test_find_widget (f->editor, ADW_TYPE_EXPANDER_ROW, "Noticing");
  choice = ll_test_find_widget (row, ADW_TYPE_COMBO_ROW, "_Group");
  g_assert_nonnull (choice);
  {
    GtkStringObject *offered = g_list_model_get_item (adw_combo_row_get_model (ADW_COMBO_ROW (choice)), groups);

    g_assert_cmpstr (gtk_string_object_get_string (offered), ==, "Thinking Aloud");
    g_object_unref (offered);
  }
  adw_combo_row_set_selected (ADW_COMBO_ROW (choice), groups);
  ll_test_iterate_briefly ();
  g_clear_object (&framework);
  framework = read_back_framework (f);
  g_assert_nonnull (ll_framework_find_behaviour (framework, "noticing", &group));
  g_assert_cmpuint (group, ==, groups);
  /* its row is in the new group's rows now, open */
  row = ll_test_find_widget (f->editor, ADW_TYPE_EXPANDER_ROW, "Noticing");
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP))),
                   ==, "Thinking Aloud");

  /* the group that holds it now cannot go */
  {
    GtkWidget *about = g_object_get_data (G_OBJECT (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP)),
                                          "about-row");

    g_signal_emit_by_name (ll_test_find_widget (about, GTK_TYPE_BUTTON, "Remove _Group"), "clicked");
    ll_test_iterate_briefly ();
    g_clear_object (&framework);
    framework = read_back_framework (f);
    g_assert_cmpuint (ll_framework_get_n_groups (framework), ==, groups + 1);
  }

  /* the first group, whose behaviours no observation recorded, can */
  g_signal_emit_by_name (ll_test_find_widget (ll_test_find_widget (f->editor, ADW_TYPE_EXPANDER_ROW, "About This Group"),
                                              GTK_TYPE_BUTTON, "Remove _Group"),
                         "clicked");
  ll_test_iterate_briefly ();
  g_clear_object (&framework);
  framework = read_back_framework (f);
  g_assert_cmpuint (ll_framework_get_n_groups (framework), ==, groups);
  g_assert_null (ll_framework_find_behaviour (framework, "absorption", NULL));
  g_assert_null (ll_test_find_widget (f->editor, ADW_TYPE_EXPANDER_ROW, "Absorption"));
  g_assert_nonnull (ll_framework_find_behaviour (framework, "noticing", NULL));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  adw_init ();
  g_assert_nonnull (ll_get_resource ());
  /* GTK 4.8 warns from the cursor's blink when a test moves the focus out
   * of an entry row by gtk_widget_grab_focus() rather than by a key */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/framework-editor/rename-and-describe", test_rename_and_describe);
  ADD ("/framework-editor/remove-and-add", test_remove_and_add);
  ADD ("/framework-editor/groups-and-copy", test_groups_and_copy);
  ADD ("/framework-editor/move-and-remove-framework", test_move_and_remove_framework);
  ADD ("/framework-editor/add-and-remove-groups", test_add_and_remove_groups);
#undef ADD
  return g_test_run ();
}
