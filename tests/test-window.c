/* test-window.c: the main window, School and People, and the dialogs, as a
 * user meets them (display suite) */
#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ll-application.h"
#include "ll-person-row.h"
#include "ll-preferences-window.h"
#include "ll-resources.h"
#include "ll-school-window.h"
#include "ll-test-gui.h"
#include "ll-test-util.h"
#include "ll-vision-page.h"
#include "ll-narrative-editor.h"
#include "ll-rich-text.h"
#include "ll-portfolio-view.h"
#include "ll-window.h"


static LlApplication *app;
static char *data_home;

typedef struct
{
  char     *dir;
  char     *path;
  LlWindow *window;
} Fixture;

/* Reading the file as another program would */

static char *
stored_school_name (const char *path)
{
  g_autoptr(LlWorkbook) workbook = ll_test_read_back (path);
  char *name = g_strdup (ll_school_get_name (ll_workbook_get_school (workbook)));

  ll_workbook_close (workbook);
  return name;
}

static guint
stored_people (const char *path)
{
  g_autoptr(LlWorkbook) workbook = ll_test_read_back (path);
  guint n = g_list_model_get_n_items (ll_workbook_get_people (workbook));

  ll_workbook_close (workbook);
  return n;
}

/* Fixture */

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

static gpointer
window_child (LlWindow   *window,
              const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (window), LL_TYPE_WINDOW, name);

  g_assert_nonnull (child);
  return child;
}

static gpointer
school_child (GtkWindow  *window,
              const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (window), LL_TYPE_SCHOOL_WINDOW, name);

  g_assert_nonnull (child);
  return child;
}

static GtkWidget *
vision_page (LlWindow *window)
{
  LlPlace *place = ll_window_lookup_place (window, "vision");

  g_assert_nonnull (place);
  return GTK_WIDGET (place);
}

/* Tests */

static void
test_title (Fixture       *f,
            gconstpointer  data)
{
  AdwWindowTitle *title = window_child (f->window, "window_title");
  LlWorkbook *workbook = ll_window_get_workbook (f->window);

  g_assert_nonnull (workbook);
  g_assert_cmpstr (adw_window_title_get_title (title), ==, LL_TEST_SCHOOL_NAME);
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "Test.llw");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, LL_TEST_SCHOOL_NAME);

  /* the title follows the school's name */
  ll_school_set_name (ll_workbook_get_school (workbook), "Riverside Academy");
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "Riverside Academy");

  /* the workbook is remembered */
  {
    g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
    g_auto(GStrv) recent = g_settings_get_strv (settings, "recent-workbooks");
    g_autofree char *last = g_settings_get_string (settings, "last-workbook");

    g_assert_nonnull (recent[0]);
    g_assert_cmpstr (recent[0], ==, f->path);
    g_assert_cmpstr (last, ==, f->path);
  }
}

static void
test_places (Fixture       *f,
             gconstpointer  data)
{
  static const char * const places[] = { "vision", "observations", "portfolios", "certificates" };
  GtkListBox *list = window_child (f->window, "sidebar_list");
  GtkStack *stack = window_child (f->window, "stack");

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "vision");

  /* clicking a row (activation) and moving the selection both switch */
  for (int i = G_N_ELEMENTS (places) - 1; i >= 0; i--)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);

      g_signal_emit_by_name (row, "activate");
      g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, places[i]);
      g_assert_cmpstr (ll_window_get_place (f->window), ==, places[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, i));
      g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, places[i]);
    }
}

static void
test_menu (Fixture       *f,
           gconstpointer  data)
{
  GtkMenuButton *button = window_child (f->window, "menu_button");
  GMenuModel *menu = gtk_menu_button_get_menu_model (button);
  GMenuModel *recent = window_child (f->window, "recent_menu");
  g_autofree char *target = NULL;

  g_assert_nonnull (menu);
  g_assert_cmpint (g_menu_model_get_n_items (menu), >, 0);

  /* the recent list names this workbook */
  g_assert_cmpint (g_menu_model_get_n_items (recent), >=, 1);
  g_assert_true (g_menu_model_get_item_attribute (recent, 0, G_MENU_ATTRIBUTE_TARGET, "s", &target));
  g_assert_cmpstr (target, ==, f->path);

  /* actions that need a workbook are enabled */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.school", NULL));
  ll_test_wait_for_toplevel (LL_TYPE_SCHOOL_WINDOW, NULL);
}

static void
test_save_copy (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *copy = g_build_filename (f->dir, "Copy.llw", NULL);
  g_autofree char *name = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GtkWindow *dialog;

  g_assert_true (ll_window_save_copy_to_path (f->window, copy));
  name = stored_school_name (copy);
  g_assert_cmpstr (name, ==, LL_TEST_SCHOOL_NAME);

  /* names that look like markup are shown as they are */
  {
    g_autofree char *odd = g_build_filename (f->dir, "R&D <copy>.llw", NULL);

    g_assert_true (ll_window_save_copy_to_path (f->window, odd));
    ll_test_iterate_briefly ();
  }

  /* a copy never overwrites: the user is told, and the file stays */
  before = ll_test_file_checksum (copy);
  g_assert_false (ll_window_save_copy_to_path (f->window, copy));
  dialog = ll_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, "Copy.llw");
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (f->window));
  after = ll_test_file_checksum (copy);
  g_assert_cmpstr (before, ==, after);
}

/* Waiting for an asynchronous operation */

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

static gboolean
have_result (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static gboolean
export_docbook (LlWindow      *window,
                gint64         document_id,
                const char    *path,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  ll_window_export_docbook_to_path_async (window, document_id, path, cancellable,
                                          store_result_cb, &result);
  /* asynchronous: the callback never comes before the call returns */
  g_assert_null (result);
  g_assert_true (ll_test_wait_for (have_result, &result));
  return ll_window_export_docbook_to_path_finish (window, result, error);
}

static void
test_export_docbook (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *xml = g_build_filename (f->dir, "Profile.xml", NULL);
  g_autofree char *cancelled = g_build_filename (f->dir, "Cancelled.xml", NULL);
  g_autofree char *nowhere = g_build_filename (f->dir, "no such folder", "Profile.xml", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  GListModel *documents = ll_workbook_get_documents (ll_window_get_workbook (f->window));
  g_autoptr(LlDocumentInfo) info = NULL;
  GtkWindow *dialog;

  g_assert_cmpint (g_list_model_get_n_items (documents), >=, 1);
  info = g_list_model_get_item (documents, 0);
  g_assert_true (export_docbook (f->window, ll_document_info_get_id (info), xml, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (xml, G_FILE_TEST_IS_REGULAR));
  ll_test_assert_docbook_valid (xml);
  g_assert_true (g_file_get_contents (xml, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, LL_TEST_SCHOOL_NAME));

  /* cancelled: no file, and no dialog */
  g_cancellable_cancel (cancellable);
  g_assert_false (export_docbook (f->window, ll_document_info_get_id (info), cancelled,
                                  cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_false (g_file_test (cancelled, G_FILE_TEST_EXISTS));
  ll_test_iterate_briefly ();
  g_assert_null (ll_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL));

  /* a folder that is not there: the user is told why */
  g_assert_false (export_docbook (f->window, ll_document_info_get_id (info), nowhere, NULL, &error));
  g_assert_nonnull (error);
  dialog = ll_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, "Could Not Export");
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (f->window));
}

/* Closing the window while an export runs: the callback comes, the file is
 * either complete or absent, and the closed window shows nothing. */
static void
test_export_then_close (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *xml = g_build_filename (f->dir, "Closing.xml", NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LlWindow) window = g_object_ref (f->window);
  GListModel *documents = ll_workbook_get_documents (ll_window_get_workbook (f->window));
  g_autoptr(LlDocumentInfo) info = g_list_model_get_item (documents, 0);

  ll_window_export_docbook_to_path_async (window, ll_document_info_get_id (info), xml, NULL,
                                          store_result_cb, &result);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_true (ll_test_wait_for (have_result, &result));
  if (ll_window_export_docbook_to_path_finish (window, result, &error))
    ll_test_assert_docbook_valid (xml);
  else
    {
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_false (g_file_test (xml, G_FILE_TEST_EXISTS));
    }
  ll_test_iterate_briefly ();
  g_assert_null (ll_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL));
}

static void
test_preferences (Fixture       *f,
                  gconstpointer  data)
{
  GtkWindow *preferences;
  AdwComboRow *paper;
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "app.preferences", NULL));
  preferences = ll_test_wait_for_toplevel (LL_TYPE_PREFERENCES_WINDOW, NULL);

  /* the paper size row writes the setting */
  paper = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                        LL_TYPE_PREFERENCES_WINDOW,
                                                        "paper_size_row"));
  g_assert_cmpuint (adw_combo_row_get_selected (paper), ==, 0);
  adw_combo_row_set_selected (paper, 1);
  g_assert_cmpint (g_settings_get_enum (settings, "paper-size"), ==, 1);
  adw_combo_row_set_selected (paper, 0);
  g_assert_cmpint (g_settings_get_enum (settings, "paper-size"), ==, 0);
}

/* An accelerator in one spelling: "<Shift><Control>B" and "<Control><Shift>b"
 * are the same keys. Ctrl+Shift+asterisk and ampersand are what Ctrl+Shift+8
 * and 7 type on British and American keyboards: the same keys too. */
static char *
canonical_accel (const char *accel)
{
  guint key = 0;
  GdkModifierType mods = 0;

  g_assert_true (gtk_accelerator_parse (accel, &key, &mods));
  key = gdk_keyval_to_lower (key);
  if (key == GDK_KEY_asterisk)
    key = GDK_KEY_8;
  else if (key == GDK_KEY_ampersand)
    key = GDK_KEY_7;
  return gtk_accelerator_name (key, mods);
}

static void
add_accels (GHashTable *set,
            const char *accels,
            const char *where)
{
  g_auto(GStrv) each = g_strsplit (accels, " ", -1);

  for (guint i = 0; each[i] != NULL; i++)
    {
      /* a range, "<Control>1...<Control>9", stands for both its ends */
      g_auto(GStrv) ends = g_strsplit (each[i], "...", 2);

      for (guint j = 0; ends[j] != NULL; j++)
        if (ends[j][0] != '\0')
          g_hash_table_insert (set, canonical_accel (ends[j]), g_strdup (where));
    }
}

static void add_named_shortcuts (GHashTable *set,
                                 GtkWidget  *widget,
                                 const char *name);

/* The keyboard shortcuts that @widget's class installs. */
static void
add_class_shortcuts (GHashTable *set,
                     GtkWidget  *widget)
{
  add_named_shortcuts (set, widget, NULL);
}

/* Those of @widget's shortcut controller called @name (NULL: of every
 * shortcut controller it has). */
static void
add_named_shortcuts (GHashTable *set,
                     GtkWidget  *widget,
                     const char *name)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  g_object_ref_sink (widget);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller)
          || (name != NULL && g_strcmp0 (gtk_event_controller_get_name (GTK_EVENT_CONTROLLER (controller)), name) != 0))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          g_autofree char *accel = NULL;

          if (!GTK_IS_KEYVAL_TRIGGER (trigger))
            continue;
          accel = gtk_accelerator_name (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)),
                                        gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)));
          add_accels (set, accel, G_OBJECT_TYPE_NAME (widget));
        }
    }
  g_object_unref (widget);
}

static void
collect_shown (GHashTable *set,
               GtkWidget  *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_SHORTCUTS_SHORTCUT (child))
        {
          g_autofree char *accel = NULL;
          g_autofree char *action = NULL;
          g_autofree char *title = NULL;

          g_object_get (child, "accelerator", &accel, "action-name", &action, "title", &title, NULL);
          if (action != NULL)
            {
              g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), action);

              g_assert_nonnull (accels[0]);
              for (guint i = 0; accels[i] != NULL; i++)
                add_accels (set, accels[i], title);
            }
          if (accel != NULL)
            add_accels (set, accel, title);
        }
      collect_shown (set, child);
    }
}

static void
test_shortcuts (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GHashTable) installed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(GStrv) actions = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  GHashTableIter iter;
  const char *accel, *where;
  GtkWindow *window;
  guint missing = 0;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-help-overlay", NULL));
  window = ll_test_wait_for_toplevel (GTK_TYPE_SHORTCUTS_WINDOW, NULL);

  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), actions[i]);

      for (guint j = 0; accels[j] != NULL; j++)
        add_accels (installed, accels[j], actions[i]);
    }
  add_class_shortcuts (installed, ll_rich_text_new ());
  add_class_shortcuts (installed, ll_narrative_editor_new ());
  add_class_shortcuts (installed, ll_vision_page_new ());
  {
    /* a portfolio's contents move their entry chosen */
    GtkWidget *view = g_object_ref_sink (ll_portfolio_view_new ());

    add_named_shortcuts (installed, g_object_ref (GTK_WIDGET (gtk_widget_get_template_child (view, LL_TYPE_PORTFOLIO_VIEW,
                                                                                             "outline"))),
                         "ll-contents-keys");
    g_object_unref (view);
  }
  /* the live notes read these keys in their own key handler */
  add_accels (installed, "<Control>1 <Control>9 <Alt>1 <Alt>9 <Alt>BackSpace", "LlLiveNotes");
  collect_shown (shown, GTK_WIDGET (window));

  /* each shortcut that works is listed, and each one listed works */
  g_hash_table_iter_init (&iter, installed);
  while (g_hash_table_iter_next (&iter, (gpointer *) &accel, (gpointer *) &where))
    if (!g_hash_table_contains (shown, accel))
      {
        g_printerr ("%s (%s) is not in the Keyboard Shortcuts window\n", accel, where);
        missing++;
      }
  g_hash_table_iter_init (&iter, shown);
  while (g_hash_table_iter_next (&iter, (gpointer *) &accel, (gpointer *) &where))
    if (!g_hash_table_contains (installed, accel))
      {
        g_printerr ("“%s” (%s) in the Keyboard Shortcuts window does nothing\n", where, accel);
        missing++;
      }
  g_assert_cmpuint (missing, ==, 0);
}

static void
test_new_in_place (Fixture       *f,
                   gconstpointer  data)
{
  g_auto(GStrv) actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (app), "<Control><Shift>n");
  LlVisionPage *page = LL_VISION_PAGE (vision_page (f->window));

  g_assert_nonnull (actions[0]);
  g_assert_null (actions[1]);
  g_assert_false (ll_vision_page_get_editing (page));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), actions[0], NULL));
  g_assert_true (ll_vision_page_get_editing (page));
  g_assert_cmpuint (g_list_model_get_n_items (ll_workbook_get_narratives (ll_window_get_workbook (f->window))), ==, 1);
}

static void
test_about (Fixture       *f,
            gconstpointer  data)
{
  GtkWindow *about;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "app.about", NULL));
  about = ll_test_wait_for_toplevel (ADW_TYPE_ABOUT_WINDOW, NULL);
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  /* its icon is found, installed or not (the tests run from the build) */
  g_assert_true (gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (about))),
                                          adw_about_window_get_application_icon (ADW_ABOUT_WINDOW (about))));
}

static void
test_open_twice (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *other = g_build_filename (f->dir, "Other.llw", NULL);
  LlWindow *window;

  /* a workbook shown already is presented, not opened twice */
  window = ll_application_open_path (app, f->path, NULL);
  g_assert_true (window == f->window);

  /* another opens in a window of its own */
  ll_test_make_workbook (other);
  window = ll_application_open_path (app, other, f->window);
  g_assert_nonnull (window);
  g_assert_true (window != f->window);
  g_assert_true (ll_window_shows_path (window, other));
  g_assert_true (ll_window_shows_path (f->window, f->path));
}

static void
test_school_edit (Fixture       *f,
                  gconstpointer  data)
{
  GtkWindow *school = ll_window_show_school_window (f->window);
  GtkTextView *address;
  g_autofree char *name = NULL;

  g_assert_nonnull (school);
  g_assert_true (gtk_window_get_transient_for (school) == GTK_WINDOW (f->window));
  g_assert_false (gtk_window_get_modal (school));
  g_assert_cmpstr (gtk_editable_get_text (school_child (school, "name_row")), ==, LL_TEST_SCHOOL_NAME);

  gtk_editable_set_text (school_child (school, "name_row"), "Riverside Academy");
  name = stored_school_name (f->path);
  g_assert_cmpstr (name, ==, "Riverside Academy");

  gtk_editable_set_text (school_child (school, "urn_row"), "123456");
  gtk_editable_set_text (school_child (school, "local_authority_row"), "Somerset");
  address = school_child (school, "address_view");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (address), "1 High Street\nTaunton", -1);

  {
    g_autoptr(LlWorkbook) reader = ll_test_read_back (f->path);
    LlSchool *stored = ll_workbook_get_school (reader);

    g_assert_cmpstr (ll_school_get_urn (stored), ==, "123456");
    g_assert_cmpstr (ll_school_get_local_authority (stored), ==, "Somerset");
    g_assert_cmpstr (ll_school_get_address (stored), ==, "1 High Street\nTaunton");
    ll_workbook_close (reader);
  }

  /* the main window's title follows */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "Riverside Academy");
}

static void
test_school_people (Fixture       *f,
                    gconstpointer  data)
{
  GtkWindow *school = ll_window_show_school_window (f->window);
  GtkListBox *list = school_child (school, "people_list");
  GtkButton *add = school_child (school, "add_person_button");
  guint before = stored_people (f->path);
  GtkListBoxRow *row;
  GtkWidget *focus;
  GtkWindow *dialog;

  g_assert_cmpuint (before, ==, 1);
  row = gtk_list_box_get_row_at_index (list, 0);
  g_assert_true (LL_IS_PERSON_ROW (row));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Mrs Ada Hughes");

  /* Add Person adds, and puts the cursor in the new name */
  g_signal_emit_by_name (add, "clicked");
  g_assert_cmpuint (stored_people (f->path), ==, before + 1);
  row = gtk_list_box_get_row_at_index (list, before);
  g_assert_nonnull (row);
  focus = gtk_root_get_focus (GTK_ROOT (school));
  g_assert_nonnull (focus);
  g_assert_true (focus == GTK_WIDGET (row) || gtk_widget_is_ancestor (focus, GTK_WIDGET (row)));

  /* name and role are stored as they change */
  gtk_editable_set_text (GTK_EDITABLE (row), "Mr Tom Reed");
  gtk_drop_down_set_selected (ll_person_row_get_role_dropdown (LL_PERSON_ROW (row)),
                              LL_ROLE_MIDDLE_LEADER);
  {
    g_autoptr(LlWorkbook) reader = ll_test_read_back (f->path);
    g_autoptr(LlPerson) person = g_list_model_get_item (ll_workbook_get_people (reader), before);

    g_assert_cmpstr (ll_person_get_name (person), ==, "Mr Tom Reed");
    g_assert_cmpint (ll_person_get_role (person), ==, LL_ROLE_MIDDLE_LEADER);
    ll_workbook_close (reader);
  }

  /* an emptied name is not stored: a person keeps a name */
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  {
    g_autoptr(LlWorkbook) reader = ll_test_read_back (f->path);
    g_autoptr(LlPerson) person = g_list_model_get_item (ll_workbook_get_people (reader), before);

    g_assert_cmpstr (ll_person_get_name (person), ==, "Mr Tom Reed");
    ll_workbook_close (reader);
  }

  /* remove asks first; cancelling keeps the person */
  g_signal_emit_by_name (ll_person_row_get_remove_button (LL_PERSON_ROW (row)), "clicked");
  dialog = ll_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, "Remove");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_assert_cmpuint (stored_people (f->path), ==, before + 1);

  g_signal_emit_by_name (ll_person_row_get_remove_button (LL_PERSON_ROW (row)), "clicked");
  dialog = ll_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, "Remove");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "remove");
  g_assert_cmpuint (stored_people (f->path), ==, before);
  g_assert_null (gtk_list_box_get_row_at_index (list, before));
}

static gboolean
revealed (gpointer data)
{
  return gtk_revealer_get_child_revealed (data);
}

static void
test_read_only (void)
{
  g_autofree char *dir = ll_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "Locked.llw", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  LlWindow *window;
  GtkWindow *school;
  GtkRevealer *banner;

  ll_test_make_workbook (path);
  g_assert_cmpint (g_chmod (path, 0400), ==, 0);
  before = ll_test_file_checksum (path);

  window = ll_window_new (GTK_APPLICATION (app));
  if (g_access (path, W_OK) != 0)
    g_assert_true (ll_window_open_path (window, path));
  else
    {
      /* root may write anything: open it as the core opens unwritable files */
      g_autoptr(LlWorkbook) workbook = ll_workbook_open (path, LL_WORKBOOK_OPEN_READ_ONLY, &error);

      g_assert_no_error (error);
      ll_window_set_workbook (window, workbook);
    }
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ll_workbook_get_read_only (ll_window_get_workbook (window)));

  banner = window_child (window, "banner_revealer");
  g_assert_true (gtk_revealer_get_reveal_child (banner));
  g_assert_true (ll_test_wait_for (revealed, banner));

  school = ll_window_show_school_window (window);
  g_assert_false (gtk_widget_is_sensitive (school_child (school, "name_row")));
  g_assert_false (gtk_widget_is_sensitive (school_child (school, "urn_row")));
  g_assert_false (gtk_widget_is_sensitive (school_child (school, "address_view")));
  g_assert_false (gtk_widget_is_sensitive (school_child (school, "add_person_button")));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (gtk_list_box_get_row_at_index (school_child (school, "people_list"), 0))));

  /* a change that cannot be written is reported once, in a dialog */
  ll_school_set_name (ll_workbook_get_school (ll_window_get_workbook (window)), "Changed");
  ll_school_set_name (ll_workbook_get_school (ll_window_get_workbook (window)), "Changed again");
  {
    GtkWindow *dialog = ll_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, "Changes Could Not Be Saved");
    GListModel *toplevels = gtk_window_get_toplevels ();
    guint dialogs = 0;

    g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

        dialogs += ADW_IS_MESSAGE_DIALOG (w);
      }
    g_assert_cmpuint (dialogs, ==, 1);
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "close");
  }

  /* a copy can still be saved, and is writable */
  {
    g_autofree char *copy = g_build_filename (dir, "Unlocked.llw", NULL);

    g_assert_true (ll_window_save_copy_to_path (window, copy));
    g_assert_cmpint (g_access (copy, W_OK), ==, 0);
  }

  ll_test_destroy_all_windows ();
  after = ll_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  ll_test_rm_rf (dir);
}

/* A file name that is not UTF-8 (made on another system, or by an old
 * program): the workbook opens, its name shows readably, and it is
 * remembered, so that the next start opens it again. */
static void
test_non_utf8_name (void)
{
  g_autofree char *dir = ll_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "Sch\xe9ma.llw", NULL);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *last = NULL;
  g_auto(GStrv) recent = NULL;
  g_autofree char *label = NULL;
  LlWindow *window;
  GtkWindow *active;
  GMenuModel *menu;

  g_assert_false (g_utf8_validate (path, -1, NULL));
  ll_test_make_workbook (path);
  window = ll_window_new (GTK_APPLICATION (app));
  g_assert_true (ll_window_open_path (window, path));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (g_utf8_validate (adw_window_title_get_subtitle (window_child (window, "window_title")),
                                  -1, NULL));
  menu = window_child (window, "recent_menu");
  g_assert_true (g_menu_model_get_item_attribute (menu, 0, G_MENU_ATTRIBUTE_LABEL, "s", &label));
  g_assert_nonnull (strstr (label, "Sch"));
  g_assert_true (g_str_has_suffix (label, "ma.llw"));

  gtk_window_close (GTK_WINDOW (window));
  ll_test_destroy_all_windows ();
  last = g_settings_get_string (settings, "last-workbook");
  recent = g_settings_get_strv (settings, "recent-workbooks");
  g_assert_true (g_utf8_validate (last, -1, NULL));
  g_assert_cmpstr (last, ==, recent[0]);

  /* the next start opens it again */
  g_settings_set_boolean (settings, "sample-offered", TRUE);
  g_application_activate (G_APPLICATION (app));
  active = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (LL_IS_WINDOW (active));
  g_assert_nonnull (ll_window_get_workbook (LL_WINDOW (active)));
  g_assert_cmpstr (ll_workbook_get_path (ll_window_get_workbook (LL_WINDOW (active))), ==, path);

  /* and the recent menu opens it too */
  ll_test_destroy_all_windows ();
  window = ll_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-recent", "s", recent[0]));
  g_assert_nonnull (ll_window_get_workbook (window));
  g_assert_cmpstr (ll_workbook_get_path (ll_window_get_workbook (window)), ==, path);

  ll_test_destroy_all_windows ();
  g_settings_reset (settings, "last-workbook");
  g_settings_reset (settings, "recent-workbooks");
  ll_test_rm_rf (dir);
}

static void
test_bad_file (void)
{
  g_autofree char *dir = ll_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "bad.llw", NULL);
  g_autofree char *good = g_build_filename (dir, "Good.llw", NULL);
  g_autofree char *default_path = g_build_filename (data_home, "leading-learning", "Workbook.llw", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint8 bytes[4096];
  LlWindow *window;
  GtkWindow *dialog;
  GRand *rand = g_rand_new_with_seed (42);

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = g_rand_int_range (rand, 0, 256);
  g_rand_free (rand);
  g_assert_true (g_file_set_contents (path, (const char *) bytes, sizeof bytes, NULL));
  before = ll_test_file_checksum (path);

  /* from the command line, with no window yet: the error shows over a
   * window that says no workbook is open, and nothing is created */
  g_assert_null (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_unlink (default_path);
  window = ll_application_open_path (app, path, NULL);
  g_assert_null (window);
  dialog = ll_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, "bad.llw");
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Could Not Open “bad.llw”");
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), !=, "");
  /* the file does end in .llw: the message says what is wrong instead */
  g_assert_null (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "ending in"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "holds something else"));
  g_assert_true (LL_IS_WINDOW (gtk_window_get_transient_for (dialog)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_window_get_transient_for (dialog))));
  window = LL_WINDOW (gtk_window_get_transient_for (dialog));
  g_assert_null (ll_window_get_workbook (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window_child (window, "main_stack")), ==, "empty");
  g_assert_false (g_file_test (default_path, G_FILE_TEST_EXISTS));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "close");

  /* over a window that shows a workbook, the workbook stays */
  ll_test_make_workbook (good);
  g_assert_true (ll_window_open_path (window, good));
  g_assert_false (ll_window_open_path (window, path));
  ll_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, "bad.llw");
  g_assert_nonnull (ll_window_get_workbook (window));

  ll_test_destroy_all_windows ();
  after = ll_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  ll_test_rm_rf (dir);
}

/* Keyboard */

/* Presses Tab up to 30 times from the focus there is: fails if the place
 * changes or the focus lands on something not shown; returns whether
 * @reached held for a focused widget on the way. */
static gboolean
tab_through (LlWindow *window,
             gboolean (*reached) (GtkWidget *focus, gpointer data),
             gpointer  data)
{
  for (guint i = 0; i < 30; i++)
    {
      GtkWidget *focus;

      ll_test_press_key (GTK_WIDGET (window), GDK_KEY_Tab, 0);
      focus = gtk_root_get_focus (GTK_ROOT (window));
      g_assert_cmpstr (ll_window_get_place (window), ==, "vision");
      if (focus == NULL)
        continue;
      if (!gtk_widget_get_mapped (focus))
        g_error ("Tab stopped on a %s that is not shown", G_OBJECT_TYPE_NAME (focus));
      if (reached (focus, data))
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_new_narrative (GtkWidget *focus,
                  gpointer   data)
{
  return GTK_IS_ACTIONABLE (focus)
         && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (focus)), "vision.new") == 0;
}

static gboolean
is_narrative_row (GtkWidget *focus,
                  gpointer   data)
{
  return GTK_IS_LIST_BOX_ROW (focus)
         && gtk_widget_get_parent (focus) == GTK_WIDGET (ll_vision_page_get_list (data));
}

static gboolean
in_editor (GtkWidget *focus,
           gpointer   data)
{
  return GTK_IS_TEXT_VIEW (focus)
         && gtk_widget_is_ancestor (focus, GTK_WIDGET (ll_vision_page_get_editor (data)));
}

static void
test_tab_leaves_sidebar (Fixture       *f,
                         gconstpointer  data)
{
  LlVisionPage *page = LL_VISION_PAGE (vision_page (f->window));
  LlNarrative *narrative;
  g_autoptr(GError) error = NULL;

  /* from start-up */
  gtk_root_set_focus (GTK_ROOT (f->window), NULL);
  g_assert_true (tab_through (f->window, is_new_narrative, NULL));

  /* from the sidebar, whose places stay put */
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (window_child (f->window, "sidebar_list"), 0)));
  g_assert_true (tab_through (f->window, is_new_narrative, NULL));

  narrative = ll_workbook_add_narrative (ll_window_get_workbook (f->window), "Our Vision", &error);
  g_assert_no_error (error);
  ll_test_iterate_briefly ();
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (window_child (f->window, "sidebar_list"), 0)));
  g_assert_true (tab_through (f->window, is_narrative_row, page));

  ll_vision_page_open_narrative (page, narrative);
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (window_child (f->window, "sidebar_list"), 0)));
  g_assert_true (tab_through (f->window, in_editor, page));

  /* arrows still go from place to place */
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (window_child (f->window, "sidebar_list"), 0)));
  g_signal_emit_by_name (window_child (f->window, "sidebar_list"), "move-cursor", GTK_MOVEMENT_DISPLAY_LINES, 1, FALSE, FALSE);
  g_assert_cmpstr (ll_window_get_place (f->window), ==, "observations");
}

static gboolean
window_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static void
test_school_focus (Fixture       *f,
                   gconstpointer  data)
{
  GtkWindow *school = ll_window_show_school_window (f->window);
  GtkWidget *focus;
  g_autofree char *name = NULL;
  int start, end;

  g_assert_true (ll_test_wait_for (window_mapped, school));
  ll_test_iterate_briefly ();

  /* nothing is selected for the first key to replace */
  /* the cursor is in the school's name, at its end */
  focus = gtk_root_get_focus (GTK_ROOT (school));
  g_assert_nonnull (focus);
  g_assert_true (GTK_IS_EDITABLE (focus));
  g_assert_true (gtk_widget_is_ancestor (focus, school_child (school, "name_row")));
    {
      g_assert_false (gtk_editable_get_selection_bounds (GTK_EDITABLE (focus), &start, &end));
      g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (focus)), ==,
                       g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (focus)), -1));
      /* a key typed adds to the name rather than replacing it */
      gtk_editable_insert_text (GTK_EDITABLE (focus), "s", 1, &start);
      name = stored_school_name (f->path);
      g_assert_cmpstr (name, ==, LL_TEST_SCHOOL_NAME "s");
    }
}

/* The title of the document that the document chooser has chosen. */
static const char *
chosen_document_title (GtkWindow *dialog)
{
  GtkWidget *list = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *check = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));

      if (GTK_IS_CHECK_BUTTON (check) && gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
        return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
    }
  return NULL;
}

static void
test_chooser_preselects (Fixture       *f,
                         gconstpointer  data)
{
  LlVisionPage *page = LL_VISION_PAGE (vision_page (f->window));
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;
  const char *actions[] = { "win.export-docbook", "win.print" };
  g_autoptr(LlNarrative) second = NULL;

  ll_workbook_add_narrative (ll_window_get_workbook (f->window), "Our Vision", &error);
  g_assert_no_error (error);
  ll_workbook_add_narrative (ll_window_get_workbook (f->window), "Another Vision", &error);
  g_assert_no_error (error);
  ll_test_iterate_briefly ();
  second = g_list_model_get_item (ll_workbook_get_narratives (ll_window_get_workbook (f->window)), 1);

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      /* with the second narrative in the list where the keyboard is */
      gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (ll_vision_page_get_list (page), 1)));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), actions[i], NULL));
      dialog = ll_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL);
      g_assert_cmpstr (chosen_document_title (dialog), ==, ll_narrative_get_title (second));
      gtk_window_destroy (dialog);
      ll_test_iterate_briefly ();
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = ll_test_gui_init_app (&argc, &argv, &data_home);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/window/title", test_title);
  ADD ("/window/places", test_places);
  ADD ("/window/menu", test_menu);
  ADD ("/window/save-copy", test_save_copy);
  ADD ("/window/export-docbook", test_export_docbook);
  ADD ("/window/export-then-close", test_export_then_close);
  ADD ("/window/preferences", test_preferences);
  ADD ("/window/shortcuts", test_shortcuts);
  ADD ("/window/new-in-place", test_new_in_place);
  ADD ("/window/about", test_about);
  ADD ("/window/open-twice", test_open_twice);
  ADD ("/window/tab-leaves-sidebar", test_tab_leaves_sidebar);
  ADD ("/window/chooser-preselects", test_chooser_preselects);
  ADD ("/school/edit", test_school_edit);
  ADD ("/school/focus", test_school_focus);
  ADD ("/school/people", test_school_people);
#undef ADD
  g_test_add_func ("/window/read-only", test_read_only);
  g_test_add_func ("/window/bad-file", test_bad_file);
  g_test_add_func ("/window/non-utf8-name", test_non_utf8_name);

  status = g_test_run ();

  g_clear_object (&app);
  ll_test_rm_rf (data_home);
  g_free (data_home);
  return status;
}
