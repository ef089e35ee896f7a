/* ll-test-gui.c: helpers shared by the display tests */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ll-resources.h"
#include "ll-test-gui.h"
#include "ll-test-util.h"
#include "ll-window.h"

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

gboolean
ll_test_wait_for (LlTestCondition condition,
                  gpointer        data)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  guint wake = g_timeout_add (10, wake_cb, NULL);
  gboolean ok;

  while (!(ok = condition (data)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
  return ok;
}

void
ll_test_iterate_briefly (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

typedef struct
{
  GType       type;
  const char *heading;
  GtkWindow  *found;
} FindToplevel;

static gboolean
find_toplevel (gpointer data)
{
  FindToplevel *find = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  find->found = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (!G_TYPE_CHECK_INSTANCE_TYPE (window, find->type)
          || !gtk_widget_get_visible (GTK_WIDGET (window)))
        continue;
      if (find->heading != NULL && ADW_IS_MESSAGE_DIALOG (window)
          && strstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)),
                     find->heading) == NULL)
        continue;
      find->found = window;
      return TRUE;
    }
  return FALSE;
}

GtkWindow *
ll_test_find_toplevel (GType       type,
                       const char *heading)
{
  FindToplevel find = { type, heading, NULL };

  find_toplevel (&find);
  return find.found;
}

GtkWindow *
ll_test_wait_for_toplevel (GType       type,
                           const char *heading)
{
  FindToplevel find = { type, heading, NULL };

  g_assert_true (ll_test_wait_for (find_toplevel, &find));
  return find.found;
}

static gboolean
no_toplevels (gpointer data)
{
  return g_list_model_get_n_items (gtk_window_get_toplevels ()) == 0;
}

/* The next window to destroy: dialogs before the windows they belong to,
 * since a dialog that outlives its parent trips up GTK. */
static GtkWindow *
next_window_to_destroy (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      /* The shortcuts window belongs to its application window, which
       * destroys it. */
      if (GTK_IS_SHORTCUTS_WINDOW (window))
        continue;
      if (gtk_window_get_transient_for (window) != NULL)
        return window;
      if (found == NULL)
        found = window;
    }
  return found;
}

void
ll_test_destroy_all_windows (void)
{
  GtkWindow *window;

  while ((window = next_window_to_destroy ()) != NULL)
    gtk_window_destroy (window);
  g_assert_true (ll_test_wait_for (no_toplevels, NULL));
}

void
ll_test_make_workbook (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlWorkbook) workbook = ll_workbook_create (path, &error);

  g_assert_no_error (error);
  ll_school_set_name (ll_workbook_get_school (workbook), LL_TEST_SCHOOL_NAME);
  g_assert_nonnull (ll_workbook_add_person (workbook, "Mrs Ada Hughes",
                                            LL_ROLE_HEADTEACHER, &error));
  g_assert_no_error (error);
  ll_workbook_close (workbook);
}

/* Whether no window's workbook has changes waiting to be written. */
static gboolean
all_written (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      LlWorkbook *workbook = LL_IS_WINDOW (window) ? ll_window_get_workbook (LL_WINDOW (window)) : NULL;

      if (workbook != NULL && ll_workbook_get_unsaved (workbook))
        return FALSE;
    }
  return TRUE;
}

LlWorkbook *
ll_test_read_back (const char *path)
{
  g_autoptr(GError) error = NULL;
  LlWorkbook *workbook;

  /* changes reach the file within a second of being made */
  ll_test_wait_for (all_written, NULL);
  workbook = ll_workbook_open (path, LL_WORKBOOK_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  return workbook;
}

LlApplication *
ll_test_gui_init_app (int    *argc,
                      char ***argv,
                      char  **data_home)
{
  LlApplication *app;

  /* The default workbook goes to a private folder, never the real one. */
  *data_home = ll_test_make_tmpdir ();
  g_setenv ("XDG_DATA_HOME", *data_home, TRUE);

  gtk_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  adw_init ();
  g_assert_nonnull (ll_get_resource ());

  app = g_object_new (LL_TYPE_APPLICATION,
                      "application-id", APPLICATION_ID,
                      "flags", G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN,
                      "resource-base-path", "/org/leadinglearning/LeadingLearning",
                      NULL);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  return app;
}

/* Presses @keyval on the focused widget as GTK delivers it: the key
 * controllers from the window down to the focus in their capture phase,
 * then back up in their bubble phase; Tab unhandled moves the focus. */
void
ll_test_press_key (GtkWidget       *window,
                   guint            keyval,
                   GdkModifierType  state)
{
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
    g_ptr_array_insert (chain, 0, w);
  for (int phase = 0; phase < 2; phase++)
    for (guint k = 0; k < chain->len; k++)
      {
        GtkWidget *w = g_ptr_array_index (chain, phase == 0 ? k : chain->len - 1 - k);
        g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (w);

        for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
          {
            g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);
            gboolean handled = FALSE;

            if (!GTK_IS_EVENT_CONTROLLER_KEY (c)
                || gtk_event_controller_get_propagation_phase (c) != (phase == 0 ? GTK_PHASE_CAPTURE : GTK_PHASE_BUBBLE))
              continue;
            g_signal_emit_by_name (c, "key-pressed", keyval, 0, state, &handled);
            if (handled)
              return;
          }
      }
  if (keyval == GDK_KEY_Tab)
    gtk_widget_child_focus (window, (state & GDK_SHIFT_MASK) ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD);
}

GtkWidget *
ll_test_find_widget (GtkWidget  *root,
                     GType       type,
                     const char *text)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      const char *label = GTK_IS_BUTTON (root) ? gtk_button_get_label (GTK_BUTTON (root)) : NULL;
      const char *title = ADW_IS_PREFERENCES_ROW (root)
                          ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)) : NULL;

      if (text == NULL || g_strcmp0 (label, text) == 0 || g_strcmp0 (title, text) == 0
          || g_strcmp0 (gtk_widget_get_tooltip_text (root), text) == 0)
        return root;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ll_test_find_widget (child, type, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}
