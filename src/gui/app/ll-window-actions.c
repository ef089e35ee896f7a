/* ll-window-actions.c: what the main window's menu does: file choosers,
 * new, open, save a copy, export and print */
#define G_LOG_DOMAIN "ll-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ll-application.h"
#include "ll-docbook.h"
#include "ll-document-chooser.h"
#include "ll-file-chooser.h"
#include "ll-gui-util.h"
#include "ll-print.h"
#include "ll-window-private.h"

/* "name" → "name.llw", leaving "name.llw" alone */
static char *
with_workbook_extension (const char *path)
{
  g_autofree char *lower = g_utf8_strdown (path, -1);

  if (g_str_has_suffix (lower, LL_WORKBOOK_EXTENSION))
    return g_strdup (path);
  return g_strconcat (path, LL_WORKBOOK_EXTENSION, NULL);
}

/* Opens @path the way the user expects from a menu: presents a window that
 * shows it already, or uses this window if it is empty, or a new one. */
void
ll_window_open_from_menu (LlWindow   *self,
                          const char *path)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (LL_IS_APPLICATION (app))
    ll_application_open_path (LL_APPLICATION (app), path, self);
  else
    ll_window_open_path (self, path);
}

static void
show_in_window (LlWindow   *self,
                LlWorkbook *workbook)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  LlWindow *window = self;

  if (self->workbook != NULL && app != NULL)
    window = ll_window_new (app);
  ll_window_set_workbook (window, workbook);
  gtk_window_present (GTK_WINDOW (window));
}

gboolean
ll_window_create_workbook_at (LlWindow   *self,
                              const char *path)
{
  g_autoptr(LlWorkbook) workbook = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (LL_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  workbook = ll_workbook_create (path, &error);
  if (workbook == NULL)
    {
      g_autofree char *name = ll_window_display_basename (path);
      g_autofree char *heading = NULL;

      /* Translators: %s is a file name */
      heading = g_strdup_printf (_("Could Not Create “%s”"), name);
      ll_window_show_message (self, heading, error->message);
      return FALSE;
    }
  show_in_window (self, workbook);
  return TRUE;
}

gboolean
ll_window_save_copy_to_path (LlWindow   *self,
                             const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *abs = NULL;
  g_autofree char *markup = NULL;
  AdwToast *toast;

  g_return_val_if_fail (LL_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->workbook == NULL)
    return FALSE;

  name = ll_window_display_basename (path);
  ll_window_flush_places (self);
  if (!ll_workbook_save_copy (self->workbook, path, &error))
    {
      g_autofree char *heading = NULL;

      /* Translators: %s is a file name */
      heading = g_strdup_printf (_("Could Not Save “%s”"), name);
      ll_window_show_message (self, heading, error->message);
      return FALSE;
    }

  abs = ll_gui_path_to_setting (path);
  /* Toast titles are Pango markup in libadwaita 1.2: escape the name. */
  markup = g_markup_printf_escaped (_("Copy saved as “%s”"), name);
  toast = adw_toast_new (markup);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-recent");
  adw_toast_set_action_target_value (toast, g_variant_new_string (abs));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  return TRUE;
}

/* Export: the tree is built on the main thread, where the model lives;
 * serialising and writing happen in a worker (ll_docbook_write_file_async). */

typedef struct
{
  char         *path;
  GCancellable *cancellable;     /* the write's: follows the two below */
  GCancellable *window_life;
  GCancellable *caller;
  gulong        window_handler;
  gulong        caller_handler;
} ExportData;

static void
export_data_free (ExportData *data)
{
  ll_gui_unfollow_cancellable (data->window_life, &data->window_handler);
  ll_gui_unfollow_cancellable (data->caller, &data->caller_handler);
  g_clear_object (&data->window_life);
  g_clear_object (&data->caller);
  g_clear_object (&data->cancellable);
  g_free (data->path);
  g_free (data);
}

static void
report_export (LlWindow     *self,
               const char   *path,
               const GError *error)
{
  g_autofree char *name = ll_window_display_basename (path);
  g_autofree char *markup = NULL;

  if (error != NULL)
    {
      g_autofree char *heading = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Translators: %s is a file name */
      heading = g_strdup_printf (_("Could Not Export “%s”"), name);
      ll_window_show_message (self, heading, error->message);
      return;
    }
  /* Toast titles are Pango markup in libadwaita 1.2: escape the name. */
  markup = g_markup_printf_escaped (_("Exported “%s”"), name);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (markup));
}

static void
export_written_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LlWindow *self = g_task_get_source_object (task);
  ExportData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  ll_docbook_write_file_finish (result, &error);
  /* a window that was closed meanwhile is not shown anything */
  if (!g_cancellable_is_cancelled (self->cancellable))
    report_export (self, data->path, error);
  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * ll_window_export_docbook_to_path_async:
 *
 * Exports one of the workbook's documents to @path as DocBook, off the main
 * thread, and tells the user how it went (a toast or a dialog) when it
 * ends. Closing the window cancels it; so does @cancellable.
 */
void
ll_window_export_docbook_to_path_async (LlWindow            *self,
                                        gint64               document_id,
                                        const char          *path,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LlDoc) doc = NULL;
  ExportData *data;

  g_return_if_fail (LL_IS_WINDOW (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ll_window_export_docbook_to_path_async);

  if (self->workbook == NULL || g_cancellable_is_cancelled (self->cancellable))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                               _("No workbook is open."));
      return;
    }

  ll_window_flush_places (self);
  /* Fragments stay as they are stored: the worker resolves them. */
  doc = ll_workbook_build_doc (self->workbook, document_id, &error);
  if (doc == NULL)
    {
      report_export (self, path, error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data = g_new0 (ExportData, 1);
  data->path = g_strdup (path);
  data->cancellable = g_cancellable_new ();
  data->window_life = g_object_ref (self->cancellable);
  data->window_handler = ll_gui_follow_cancellable (data->cancellable, data->window_life);
  if (cancellable != NULL)
    {
      data->caller = g_object_ref (cancellable);
      data->caller_handler = ll_gui_follow_cancellable (data->cancellable, cancellable);
    }
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);

  ll_docbook_write_file_async (g_steal_pointer (&doc), path, data->cancellable,
                               export_written_cb, g_steal_pointer (&task));
}

gboolean
ll_window_export_docbook_to_path_finish (LlWindow      *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  g_return_val_if_fail (LL_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ll_window_export_docbook_to_path_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* File choosers */

static void
run_chooser (LlWindow             *self,
             GtkFileChooserAction  action,
             const char           *title,
             const char           *accept_label,
             const char           *suggested_name,
             gboolean              workbooks_only,
             LlFileChosenFunc      done)
{
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autoptr(GFile) folder = NULL;

  if (workbooks_only)
    filter = ll_file_filter_new_workbooks ();
  /* what is saved goes beside the workbook, at first */
  if (self->workbook != NULL && action == GTK_FILE_CHOOSER_ACTION_SAVE)
    {
      g_autoptr(GFile) file = g_file_new_for_path (ll_workbook_get_path (self->workbook));

      folder = g_file_get_parent (file);
    }
  ll_file_chooser_run (GTK_WIDGET (self), &self->chooser, action, title, accept_label,
                       filter, suggested_name, folder, done);
}

static void
new_workbook_chosen (GtkWidget  *widget,
                     const char *path)
{
  LlWindow *self = LL_WINDOW (widget);
  g_autofree char *full = with_workbook_extension (path);

  ll_window_create_workbook_at (self, full);
}

static void
open_chosen (GtkWidget  *widget,
             const char *path)
{
  LlWindow *self = LL_WINDOW (widget);

  ll_window_open_from_menu (self, path);
}

gboolean
ll_window_save_to_new_place (LlWindow   *self,
                             const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *markup = NULL;

  g_return_val_if_fail (LL_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->workbook == NULL)
    return FALSE;

  name = ll_window_display_basename (path);
  ll_window_flush_places (self);
  if (!ll_workbook_save_to_new_place (self->workbook, path, &error))
    {
      g_autofree char *heading = NULL;

      /* Translators: %s is a file name */
      heading = g_strdup_printf (_("Could Not Save “%s”"), name);
      ll_window_show_message (self, heading, error->message);
      return FALSE;
    }
  /* Toast titles are Pango markup in libadwaita 1.2: escape the name. */
  markup = g_markup_printf_escaped (_("Saved as “%s”; changes now go there"), name);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (markup));
  return TRUE;
}

static void
new_place_chosen (GtkWidget  *widget,
                  const char *path)
{
  LlWindow *self = LL_WINDOW (widget);
  g_autofree char *full = with_workbook_extension (path);

  ll_window_save_to_new_place (self, full);
}

static void
save_copy_chosen (GtkWidget  *widget,
                  const char *path)
{
  LlWindow *self = LL_WINDOW (widget);
  g_autofree char *full = with_workbook_extension (path);

  ll_window_save_copy_to_path (self, full);
}

static void
export_chosen (GtkWidget  *widget,
               const char *path)
{
  LlWindow *self = LL_WINDOW (widget);

  ll_window_export_docbook_to_path_async (self, self->chosen_document, path,
                                          NULL, NULL, NULL);
}

/* Choosing a document */

static void
print_done_cb (const GError *error,
               gpointer      user_data)
{
  g_autoptr(LlWindow) self = user_data;

  if (error != NULL && gtk_widget_get_realized (GTK_WIDGET (self)))
    ll_window_show_message (self, _("Could Not Print"), error->message);
}

static void
export_document_chosen (GtkWindow      *parent,
                        LlDocumentInfo *info)
{
  LlWindow *self = LL_WINDOW (parent);
  g_autofree char *name = NULL;

  if (self->workbook == NULL)
    return;
  self->chosen_document = ll_document_info_get_id (info);
  name = g_strdup_printf ("%s.xml", ll_document_info_get_title (info));
  g_strdelimit (name, "/", '-');
  run_chooser (self, GTK_FILE_CHOOSER_ACTION_SAVE, _("Export as DocBook"),
               _("_Export"), name, FALSE, export_chosen);
}

static void
print_document_chosen (GtkWindow      *parent,
                       LlDocumentInfo *info)
{
  LlWindow *self = LL_WINDOW (parent);
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkPageSetup) page_setup = NULL;
  g_autofree char *paper = NULL;
  LlDoc *doc;

  if (self->workbook == NULL)
    return;
  doc = ll_docbook_build_doc (self->workbook, ll_document_info_get_id (info), &error);
  if (doc == NULL)
    {
      ll_window_show_message (self, _("Could Not Print"), error->message);
      return;
    }
  paper = g_settings_get_string (self->settings, "paper-size");
  page_setup = ll_print_page_setup_new (paper);
  /* The print operation owns the document from here, and holds the
   * window until it ends. */
  ll_print_run_dialog (GTK_WINDOW (self), doc, page_setup,
                       print_done_cb, g_object_ref (self));
}

/* Export and print take the document of the place shown, or ask. */
static void
choose_document (LlWindow             *self,
                 const char           *heading,
                 const char           *accept_label,
                 LlDocumentChosenFunc  chosen)
{
  LlPlace *place;

  if (self->workbook == NULL)
    return;

  /* export and print what is on the screen */
  ll_window_flush_places (self);
  place = ll_window_get_current_place (self);
  ll_document_chooser_run (GTK_WINDOW (self), self->workbook,
                           place != NULL ? ll_place_get_current_document_id (place) : 0,
                           place != NULL ? ll_place_get_chosen_document_id (place) : 0,
                           heading, accept_label, chosen);
}

/* Actions */

static void
new_workbook_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  run_chooser (LL_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_SAVE, _("New Workbook"),
               _("_Create"), _("Untitled Workbook.llw"), TRUE, new_workbook_chosen);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  run_chooser (LL_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN, _("Open Workbook"),
               _("_Open"), NULL, TRUE, open_chosen);
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autofree char *path = ll_gui_path_from_setting (g_variant_get_string (parameter, NULL));

  if (path != NULL)
    ll_window_open_from_menu (LL_WINDOW (widget), path);
}

static void
save_copy_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LlWindow *self = LL_WINDOW (widget);
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;

  if (self->workbook == NULL)
    return;

  base = ll_window_display_basename (ll_workbook_get_path (self->workbook));
  if (g_str_has_suffix (base, LL_WORKBOOK_EXTENSION))
    base[strlen (base) - strlen (LL_WORKBOOK_EXTENSION)] = '\0';
  /* Translators: the suggested name of a copy; %s is the workbook's file name */
  name = g_strdup_printf (_("%s (Copy).llw"), base);
  run_chooser (self, GTK_FILE_CHOOSER_ACTION_SAVE, _("Save a Copy"),
               _("_Save"), name, TRUE, save_copy_chosen);
}

void
ll_window_choose_new_place (LlWindow *self)
{
  g_autofree char *base = NULL;

  if (self->workbook == NULL)
    return;
  base = ll_window_display_basename (ll_workbook_get_path (self->workbook));
  run_chooser (self, GTK_FILE_CHOOSER_ACTION_SAVE, _("Save to a New Place"),
               _("_Save"), base, TRUE, new_place_chosen);
}

/* With a path, saves there; with "", asks where. */
static void
save_to_new_place_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  LlWindow *self = LL_WINDOW (widget);
  const char *path = g_variant_get_string (parameter, NULL);

  if (path[0] != '\0')
    ll_window_save_to_new_place (self, path);
  else
    ll_window_choose_new_place (self);
}

static void
export_docbook_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  choose_document (LL_WINDOW (widget), _("Export as DocBook"), _("_Export…"),
                   export_document_chosen);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  choose_document (LL_WINDOW (widget), _("Print"), _("_Print…"), print_document_chosen);
}

static void
school_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ll_window_show_school_window (LL_WINDOW (widget));
}

/* Ctrl+Shift+N: the main "new" of the place shown. */
static void
new_item_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LlWindow *self = LL_WINDOW (widget);
  LlPlace *place;

  if (self->workbook == NULL)
    return;
  place = ll_window_get_current_place (self);
  if (place == NULL || !ll_place_can_new_document (place))
    return;
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  ll_place_new_document (place);
}

static void
no_recent_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  /* a placeholder in the menu: never enabled */
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

void
ll_window_class_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-workbook", NULL, new_workbook_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.no-recent", NULL, no_recent_action);
  gtk_widget_class_install_action (widget_class, "win.save-copy", NULL, save_copy_action);
  gtk_widget_class_install_action (widget_class, "win.save-to-new-place", "s", save_to_new_place_action);
  gtk_widget_class_install_action (widget_class, "win.export-docbook", NULL, export_docbook_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.school", NULL, school_action);
  gtk_widget_class_install_action (widget_class, "win.new-item", NULL, new_item_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
}

void
ll_window_clear_chooser (LlWindow *self)
{
  ll_file_chooser_clear (&self->chooser);
}
