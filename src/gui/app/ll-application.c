/* ll-application.c: the application: actions, settings, windows */
#define G_LOG_DOMAIN "ll-application"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <glib-unix.h>
#include <signal.h>

#include "ll-application.h"
#include "ll-gui-util.h"
#include "ll-cli.h"
#include "ll-gui-util.h"
#include "ll-preferences-window.h"
#include "ll-resources.h"
#include "ll-sample.h"
#include "ll-window.h"

/* The project's home page, shown in the About window. */
#define LL_WEBSITE "https://leadinglearning.org.uk"

struct _LlApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (LlApplication, ll_application, ADW_TYPE_APPLICATION)

static char *
dup_data_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "leading-learning", NULL);
}

char *
ll_application_dup_default_path (void)
{
  g_autofree char *dir = dup_data_dir ();

  return g_build_filename (dir, "Workbook" LL_WORKBOOK_EXTENSION, NULL);
}

static char *
dup_sample_path (void)
{
  g_autofree char *dir = dup_data_dir ();

  /* Translators: the file name of the sample workbook */
  return g_build_filename (dir, _("Sample School.llw"), NULL);
}

static gboolean
ensure_data_dir (GError **error)
{
  g_autofree char *dir = dup_data_dir ();

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (dir);

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("The folder “%s” could not be made: %s."),
                   display, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* A new window on the default workbook, made if missing. If that fails,
 * the window says so and stays empty. */
static LlWindow *
new_default_window (LlApplication *self)
{
  g_autofree char *path = ll_application_dup_default_path ();
  g_autoptr(LlWorkbook) workbook = NULL;
  g_autoptr(GError) error = NULL;
  LlWindow *window;

  window = ll_window_new (GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (window));

  if (ensure_data_dir (&error))
    {
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        workbook = ll_workbook_open (path, LL_WORKBOOK_OPEN_DEFAULT, &error);
      else
        workbook = ll_workbook_create (path, &error);
    }

  if (workbook != NULL)
    ll_window_set_workbook (window, workbook);
  else
    ll_window_show_open_error (window, path, error);
  return window;
}

/* The window that tells the user a workbook could not be opened: the
 * active one, or a new one that shows no workbook. Nothing is created on
 * disk for it, so that a failure never leaves an empty workbook behind. */
static LlWindow *
window_for_error (LlApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  LlWindow *window;

  if (LL_IS_WINDOW (active))
    return LL_WINDOW (active);
  window = ll_window_new (GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static LlWindow *
find_window_for_path (LlApplication *self,
                      const char    *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (LL_IS_WINDOW (l->data) && ll_window_shows_path (l->data, path))
      return l->data;
  return NULL;
}

LlWindow *
ll_application_open_path (LlApplication *self,
                          const char    *path,
                          LlWindow      *parent)
{
  g_autoptr(LlWorkbook) workbook = NULL;
  g_autoptr(GError) error = NULL;
  LlWindow *window;

  g_return_val_if_fail (LL_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (parent == NULL || LL_IS_WINDOW (parent), NULL);

  window = find_window_for_path (self, path);
  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return window;
    }

  workbook = ll_workbook_open (path, LL_WORKBOOK_OPEN_DEFAULT, &error);
  if (workbook == NULL)
    {
      window = parent != NULL ? parent : window_for_error (self);
      gtk_window_present (GTK_WINDOW (window));
      ll_window_show_open_error (window, path, error);
      return NULL;
    }

  if (parent != NULL && ll_window_get_workbook (parent) == NULL)
    window = parent;
  else
    window = ll_window_new (GTK_APPLICATION (self));
  ll_window_set_workbook (window, workbook);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/* First start */

static void
sample_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    LlWindow         *window)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (window));
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (LL_IS_APPLICATION (app))
    g_settings_set_boolean (LL_APPLICATION (app)->settings, "sample-offered", TRUE);

  if (g_strcmp0 (response, "sample") != 0)
    return;

  path = dup_sample_path ();
  if (!g_file_test (path, G_FILE_TEST_EXISTS)
      && (!ensure_data_dir (&error) || !ll_sample_generate (path, 1, &error)))
    {
      ll_window_show_open_error (window, path, error);
      return;
    }
  ll_window_open_path (window, path);
}

static void
offer_sample (LlApplication *self,
              LlWindow      *window)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (window),
                                   _("Explore a Sample School?"),
                                   _("The sample workbook holds a fictional school with its staff and documents, so you can see how everything fits together before you start your own."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "empty", _("_Start Empty"),
                                    "sample", _("_Open Sample"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "sample",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "sample");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "empty");
  g_signal_connect_object (dialog, "response", G_CALLBACK (sample_response_cb), window, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GApplication */

static void
ll_application_activate (GApplication *app)
{
  LlApplication *self = LL_APPLICATION (app);
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autofree char *setting = NULL;
  g_autofree char *last = NULL;
  LlWindow *window;

  if (active != NULL)
    {
      gtk_window_present (active);
      return;
    }

  if (!g_settings_get_boolean (self->settings, "sample-offered"))
    {
      window = new_default_window (self);
      if (ll_window_get_workbook (window) != NULL)
        offer_sample (self, window);
      return;
    }

  setting = g_settings_get_string (self->settings, "last-workbook");
  last = ll_gui_path_from_setting (setting);
  if (g_settings_get_boolean (self->settings, "reopen-last-workbook")
      && last != NULL && g_file_test (last, G_FILE_TEST_IS_REGULAR))
    ll_application_open_path (self, last, NULL);
  else
    new_default_window (self);
}

static void
ll_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  LlApplication *self = LL_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);

      if (path != NULL)
        ll_application_open_path (self, path, NULL);
      else
        {
          g_autofree char *uri = g_file_get_uri (files[i]);
          g_autoptr(GError) error = NULL;
          LlWindow *window = window_for_error (self);

          g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Only workbooks on this computer can be opened. Copy the file to a folder here first."));
          ll_window_show_open_error (window, uri, error);
        }
    }
}

static gboolean
ll_application_local_command_line (GApplication   *app,
                                   char         ***arguments,
                                   int            *exit_status)
{
  if (ll_cli_maybe_run (*arguments, exit_status))
    return TRUE;

  return G_APPLICATION_CLASS (ll_application_parent_class)->local_command_line (app, arguments, exit_status);
}

/* Actions */

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (app));

  /* Close each window, so that each remembers its size and workbook. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (app);
  LlPreferencesWindow *preferences = ll_preferences_window_new ();

  gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  gtk_window_set_application (GTK_WINDOW (preferences), app);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (app);
  const char *developers[] = { _("Leading Learning developers"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "application-name", _("Leading Learning"),
                        "application-icon", APPLICATION_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("Leading Learning developers"),
                        "developers", developers,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", LL_WEBSITE,
                        "comments", _("Leading Learning helps school leaders build a culture of active, independent learning: draft the school’s vision, hold developmental lesson observations, gather evidence portfolios for the leadership programme and print certificates. Everything stays in one workbook on your computer."),
                        /* Translators: put your names here, one a line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

/* SIGTERM and SIGHUP (log-out, shut-down, kill): what waits to be written
 * is written, and the windows close as they do when the user quits. */
static gboolean
quit_on_signal (gpointer data)
{
  GtkApplication *app = GTK_APPLICATION (data);
  GList *windows = g_list_copy_deep (gtk_application_get_windows (app),
                                     (GCopyFunc) (void (*) (void)) g_object_ref, NULL);

  for (GList *l = windows; l != NULL; l = l->next)
    if (LL_IS_WINDOW (l->data))
      ll_window_close_for_shutdown (l->data);
  g_list_free_full (windows, g_object_unref);
  g_application_quit (G_APPLICATION (app));
  return G_SOURCE_CONTINUE;
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = quit_activated },
  { .name = "preferences", .activate = preferences_activated },
  { .name = "about", .activate = about_activated },
};

/* Names for screen readers, given to each window as it is shown: its
 * buttons with mnemonics, and the search button of the Keyboard Shortcuts
 * window, which GTK leaves unnamed. */
static void
name_search_buttons (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_TOGGLE_BUTTON (child) && gtk_button_get_label (GTK_BUTTON (child)) == NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _("Search Shortcuts"), -1);
      name_search_buttons (child);
    }
}

static void
window_mapped_cb (GtkWidget *window)
{
  ll_gui_name_controls (window);
  if (GTK_IS_SHORTCUTS_WINDOW (window))
    name_search_buttons (window);
}

static void
toplevels_changed_cb (GListModel *toplevels,
                      guint       position,
                      guint       removed,
                      guint       added)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (g_object_get_data (G_OBJECT (window), "ll-named") != NULL)
        continue;
      g_object_set_data (G_OBJECT (window), "ll-named", GINT_TO_POINTER (TRUE));
      g_signal_connect (window, "map", G_CALLBACK (window_mapped_cb), NULL);
      if (gtk_widget_get_mapped (window))
        window_mapped_cb (window);
    }
}

static void
ll_application_startup (GApplication *app)
{
  LlApplication *self = LL_APPLICATION (app);
  static const struct {
    const char *action;
    const char *accels[2];
  } accels[] = {
    { "win.new-workbook", { "<Control>n", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.new-item", { "<Control><Shift>n", NULL } },
    { "win.save-copy", { "<Control><Shift>s", NULL } },
    { "win.export-docbook", { "<Control>e", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.close", { "<Control>w", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.quit", { "<Control>q", NULL } },
  };

  G_APPLICATION_CLASS (ll_application_parent_class)->startup (app);

  g_unix_signal_add (SIGTERM, quit_on_signal, app);
  g_unix_signal_add (SIGHUP, quit_on_signal, app);

  /* Not before: the command line and --help work without the schema. */
  self->settings = g_settings_new (APPLICATION_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action,
                                           accels[i].accels);

  /* Run from its build folder, the app's icon is not installed: About
   * and the windows would show a broken one. Only then, look for it in
   * the source tree the program was built from. */
  if (gdk_display_get_default () != NULL)
    {
      GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());

      if (!gtk_icon_theme_has_icon (theme, APPLICATION_ID)
          && g_file_test (LL_SOURCE_ICONS_DIR, G_FILE_TEST_IS_DIR))
        gtk_icon_theme_add_search_path (theme, LL_SOURCE_ICONS_DIR);
    }
  gtk_window_set_default_icon_name (APPLICATION_ID);

  g_signal_connect (gtk_window_get_toplevels (), "items-changed", G_CALLBACK (toplevels_changed_cb), NULL);
}

static void
ll_application_finalize (GObject *object)
{
  LlApplication *self = LL_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ll_application_parent_class)->finalize (object);
}

static void
ll_application_class_init (LlApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  /* Links the compiled resources in from the static library; they
   * register themselves as the program loads. */
  g_assert (ll_get_resource () != NULL);

  object_class->finalize = ll_application_finalize;
  app_class->startup = ll_application_startup;
  app_class->activate = ll_application_activate;
  app_class->open = ll_application_open;
  app_class->local_command_line = ll_application_local_command_line;
}

static void
ll_application_init (LlApplication *self)
{
  const GOptionEntry *entries = ll_cli_get_option_entries ();

  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));

  /* Only for --help: ll_cli_maybe_run() has handled these before GApplication
   * parses anything. Flags that GOption allows only on callbacks are
   * dropped, as it would warn about them. */
  for (guint i = 0; entries[i].long_name != NULL; i++)
    {
      GOptionFlags flags = entries[i].flags;

      if (entries[i].arg != G_OPTION_ARG_CALLBACK)
        flags &= ~(G_OPTION_FLAG_NO_ARG | G_OPTION_FLAG_OPTIONAL_ARG | G_OPTION_FLAG_FILENAME);
      g_application_add_main_option (G_APPLICATION (self), entries[i].long_name,
                                     entries[i].short_name, flags, entries[i].arg,
                                     entries[i].description, entries[i].arg_description);
    }
}

LlApplication *
ll_application_new (void)
{
  return g_object_new (LL_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/leadinglearning/LeadingLearning",
                       NULL);
}
