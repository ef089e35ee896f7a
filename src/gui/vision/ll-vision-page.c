/* ll-vision-page.c: the Vision place: the workbook's vision narratives,
 * and the editor of the one being written */
#define G_LOG_DOMAIN "ll-vision-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ll-docbook.h"
#include "ll-file-chooser.h"
#include "ll-gui-util.h"
#include "ll-narrative-row.h"
#include "ll-vision-page.h"

struct _LlVisionPage
{
  GtkWidget          parent_instance;

  LlWorkbook        *workbook;
  GtkNativeDialog   *chooser;
  /* the import under way, or NULL; its task owns it */
  struct _ImportData *import;

  /* template widgets */
  AdwToastOverlay   *toast_overlay;
  GtkStack          *stack;
  AdwStatusPage     *empty_page;
  GtkWidget         *empty_buttons;
  GtkWidget         *list_buttons;
  GtkListBox        *list_box;
  LlNarrativeEditor *editor;
};

static void ll_vision_page_place_init (LlPlaceInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LlVisionPage, ll_vision_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (LL_TYPE_PLACE, ll_vision_page_place_init))

enum {
  PROP_0,
  PROP_WORKBOOK,
  PROP_EDITING,
  PROP_DISTRACTION_FREE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
read_only (LlVisionPage *self)
{
  return self->workbook == NULL || ll_workbook_get_read_only (self->workbook);
}

static void
show_message (LlVisionPage *self,
              const char   *heading,
              const char   *body)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
update_list_page (LlVisionPage *self)
{
  gboolean any = self->workbook != NULL
                 && g_list_model_get_n_items (ll_workbook_get_narratives (self->workbook)) > 0;
  gboolean ro = read_only (self);

  gtk_widget_set_visible (self->empty_buttons, !ro);
  gtk_widget_set_visible (self->list_buttons, !ro);
  adw_status_page_set_description (self->empty_page,
                                   ro
                                   ? _("This workbook holds no vision narrative yet, and it is read-only: save a copy to start one.")
                                   : _("Write the school’s vision for learning as a narrative, with the questions of the leadership strategy beside you. Keep revisions as it grows, compare them, and share it with staff when it is ready."));
  if (!ll_vision_page_get_editing (self))
    gtk_stack_set_visible_child_name (self->stack, any ? "list" : "empty");
}

void
ll_vision_page_show_list (LlVisionPage *self)
{
  gboolean was_editing;

  g_return_if_fail (LL_IS_VISION_PAGE (self));

  was_editing = ll_vision_page_get_editing (self);
  ll_narrative_editor_set_distraction_free (self->editor, FALSE);
  ll_narrative_editor_set_narrative (self->editor, NULL, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "list");
  update_list_page (self);
  if (was_editing)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITING]);
}

static void
open_narrative (LlVisionPage *self,
                LlNarrative  *narrative,
                gboolean      in_title)
{
  gboolean was_editing;

  was_editing = ll_vision_page_get_editing (self);
  ll_narrative_editor_set_narrative (self->editor, narrative, read_only (self));
  gtk_stack_set_visible_child_name (self->stack, "editor");
  if (!was_editing)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITING]);
  /* the button or row that opened it has gone: the hands go to the text */
  ll_narrative_editor_focus_start (self->editor, in_title);
}

void
ll_vision_page_open_narrative (LlVisionPage *self,
                               LlNarrative  *narrative)
{
  g_return_if_fail (LL_IS_VISION_PAGE (self));
  g_return_if_fail (LL_IS_NARRATIVE (narrative));

  open_narrative (self, narrative, FALSE);
}

LlNarrative *
ll_vision_page_new_narrative (LlVisionPage *self)
{
  g_autoptr(GError) error = NULL;
  LlNarrative *narrative;

  g_return_val_if_fail (LL_IS_VISION_PAGE (self), NULL);

  if (read_only (self))
    return NULL;
  narrative = ll_workbook_add_narrative (self->workbook, _("Our Vision for Learning"), &error);
  if (narrative == NULL)
    {
      show_message (self, _("Could Not Add a Narrative"), error->message);
      return NULL;
    }
  open_narrative (self, narrative, TRUE);
  return narrative;
}

static void
show_import_notes (LlVisionPage *self,
                   GPtrArray    *notes)
{
  g_autoptr(GString) body = g_string_new (_("The file holds things a narrative cannot keep as they were:"));

  for (guint i = 0; i < notes->len; i++)
    {
      g_string_append (body, "\n• ");
      g_string_append (body, g_ptr_array_index (notes, i));
    }
  show_message (self, _("Imported with Some Simplifications"), body->str);
}

/* Import: the file is read and parsed in a worker; what it holds is added
 * to the workbook here, on the main thread, where the model lives. */

typedef struct _ImportData
{
  char         *path;
  LlWorkbook   *workbook;        /* the one the import was asked for */
  GCancellable *cancellable;     /* the read's: follows the caller's */
  GCancellable *caller;
  gulong        caller_handler;
  AdwToast     *toast;
} ImportData;

static void
import_data_free (ImportData *data)
{
  ll_gui_unfollow_cancellable (data->caller, &data->caller_handler);
  g_clear_object (&data->caller);
  g_clear_object (&data->cancellable);
  g_clear_object (&data->workbook);
  g_clear_object (&data->toast);
  g_free (data->path);
  g_free (data);
}

static void
update_import_action (LlVisionPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "vision.import",
                                 !read_only (self) && self->import == NULL);
}

/* Forgets the import under way, cancelled or ended, so that its callback
 * leaves the page alone. */
static void
forget_import (LlVisionPage *self,
               gboolean      cancel)
{
  ImportData *data = self->import;

  if (data == NULL)
    return;
  self->import = NULL;
  if (cancel)
    g_cancellable_cancel (data->cancellable);
  if (data->toast != NULL)
    adw_toast_dismiss (data->toast);
  g_clear_object (&data->toast);
  update_import_action (self);
}

static void
import_read_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LlVisionPage *self = g_task_get_source_object (task);
  ImportData *data = g_task_get_task_data (task);
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(LlDoc) doc = NULL;
  LlNarrative *narrative = NULL;
  /* Only the import that the page still waits for may touch it: not one
   * from before the page was disposed or given another workbook. */
  gboolean current = self->import == data;

  doc = ll_docbook_read_file_finish (result, &notes, &error);
  if (current)
    forget_import (self, FALSE);
  if (doc != NULL && (!current || self->workbook != data->workbook
                      || g_cancellable_is_cancelled (data->cancellable)))
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                         _("The import was cancelled."));
  else if (doc != NULL)
    narrative = ll_docbook_import_doc (self->workbook, doc, notes, &error);

  if (narrative == NULL)
    {
      if (current && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *name = g_filename_display_basename (data->path);
          g_autofree char *heading = NULL;

          /* Translators: %s is a file name */
          heading = g_strdup_printf (_("Could Not Import “%s”"), name);
          show_message (self, heading, error->message);
        }
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  ll_vision_page_open_narrative (self, narrative);
  if (notes->len > 0)
    show_import_notes (self, notes);
  g_task_return_pointer (task, g_object_ref (narrative), g_object_unref);
}

/**
 * ll_vision_page_import_file_async:
 *
 * Imports the DocBook article at @path as a new narrative and opens it; the
 * user is told what was simplified, or why nothing was imported. The file
 * is read off the main thread; meanwhile the Import action is disabled and
 * a toast says what is happening. One import at a time: another fails with
 * G_IO_ERROR_PENDING. Disposing the page, or giving it another workbook,
 * cancels it; so does @cancellable.
 */
void
ll_vision_page_import_file_async (LlVisionPage        *self,
                                  const char          *path,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = NULL;
  g_autofree char *markup = NULL;
  ImportData *data;

  g_return_if_fail (LL_IS_VISION_PAGE (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ll_vision_page_import_file_async);

  if (read_only (self))
    {
      g_task_return_new_error (task, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_READ_ONLY,
                               _("This workbook is read-only."));
      return;
    }
  if (self->import != NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               _("Another file is being imported."));
      return;
    }

  data = g_new0 (ImportData, 1);
  data->path = g_strdup (path);
  data->workbook = g_object_ref (self->workbook);
  data->cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    {
      data->caller = g_object_ref (cancellable);
      data->caller_handler = ll_gui_follow_cancellable (data->cancellable, cancellable);
    }
  g_task_set_task_data (task, data, (GDestroyNotify) import_data_free);

  name = g_filename_display_basename (path);
  /* Translators: %s is a file name; toast titles are Pango markup */
  markup = g_markup_printf_escaped (_("Importing “%s”…"), name);
  data->toast = adw_toast_new (markup);
  adw_toast_set_timeout (data->toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (data->toast));
  self->import = data;
  update_import_action (self);

  ll_docbook_read_file_async (path, data->cancellable, import_read_cb, g_steal_pointer (&task));
}

/**
 * ll_vision_page_import_file_finish:
 *
 * Returns: (transfer full): the new narrative, or %NULL with @error set.
 */
LlNarrative *
ll_vision_page_import_file_finish (LlVisionPage  *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (LL_IS_VISION_PAGE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ll_vision_page_import_file_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
ll_vision_page_get_importing (LlVisionPage *self)
{
  g_return_val_if_fail (LL_IS_VISION_PAGE (self), FALSE);

  return self->import != NULL;
}

void
ll_vision_page_flush (LlVisionPage *self)
{
  g_return_if_fail (LL_IS_VISION_PAGE (self));

  ll_narrative_editor_flush (self->editor);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  return ll_narrative_row_new (item, read_only (LL_VISION_PAGE (user_data)));
}

static void
clear_chooser (LlVisionPage *self)
{
  ll_file_chooser_clear (&self->chooser);
}

void
ll_vision_page_set_workbook (LlVisionPage *self,
                             LlWorkbook   *workbook)
{
  g_return_if_fail (LL_IS_VISION_PAGE (self));
  g_return_if_fail (workbook == NULL || LL_IS_WORKBOOK (workbook));

  if (self->workbook == workbook)
    return;

  ll_vision_page_show_list (self);
  clear_chooser (self);
  forget_import (self, TRUE);
  gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  if (self->workbook != NULL)
    g_signal_handlers_disconnect_by_data (ll_workbook_get_narratives (self->workbook), self);
  g_set_object (&self->workbook, workbook);
  if (workbook != NULL)
    {
      gtk_list_box_bind_model (self->list_box, ll_workbook_get_narratives (workbook),
                               create_row, self, NULL);
      g_signal_connect_object (ll_workbook_get_narratives (workbook), "items-changed",
                               G_CALLBACK (update_list_page), self, G_CONNECT_SWAPPED);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "vision.new", !read_only (self));
  update_import_action (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "vision.delete", !read_only (self));
  update_list_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKBOOK]);
}

LlWorkbook *
ll_vision_page_get_workbook (LlVisionPage *self)
{
  g_return_val_if_fail (LL_IS_VISION_PAGE (self), NULL);

  return self->workbook;
}

gboolean
ll_vision_page_get_editing (LlVisionPage *self)
{
  g_return_val_if_fail (LL_IS_VISION_PAGE (self), FALSE);

  return ll_narrative_editor_get_narrative (self->editor) != NULL;
}

gboolean
ll_vision_page_get_distraction_free (LlVisionPage *self)
{
  g_return_val_if_fail (LL_IS_VISION_PAGE (self), FALSE);

  return ll_narrative_editor_get_distraction_free (self->editor);
}

gint64
ll_vision_page_get_current_document_id (LlVisionPage *self)
{
  LlNarrative *narrative;

  g_return_val_if_fail (LL_IS_VISION_PAGE (self), 0);

  narrative = ll_narrative_editor_get_narrative (self->editor);
  return narrative != NULL ? ll_narrative_get_id (narrative) : 0;
}

gint64
ll_vision_page_get_chosen_document_id (LlVisionPage *self)
{
  GtkListBoxRow *row;
  GtkWidget *focus;
  g_autoptr(LlNarrative) narrative = NULL;

  g_return_val_if_fail (LL_IS_VISION_PAGE (self), 0);

  if (ll_vision_page_get_editing (self))
    return ll_vision_page_get_current_document_id (self);
  if (self->workbook == NULL)
    return 0;
  /* the row the keyboard is on, or the one selected */
  row = NULL;
  focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
    if (GTK_IS_LIST_BOX_ROW (w) && gtk_widget_get_parent (w) == GTK_WIDGET (self->list_box))
      {
        row = GTK_LIST_BOX_ROW (w);
        break;
      }
  if (row == NULL)
    row = gtk_list_box_get_selected_row (self->list_box);
  if (row == NULL)
    return 0;
  narrative = g_list_model_get_item (ll_workbook_get_narratives (self->workbook),
                                     gtk_list_box_row_get_index (row));
  return narrative != NULL ? ll_narrative_get_id (narrative) : 0;
}

LlNarrativeEditor *
ll_vision_page_get_editor (LlVisionPage *self)
{
  g_return_val_if_fail (LL_IS_VISION_PAGE (self), NULL);

  return self->editor;
}

GtkListBox *
ll_vision_page_get_list (LlVisionPage *self)
{
  g_return_val_if_fail (LL_IS_VISION_PAGE (self), NULL);

  return self->list_box;
}

void
ll_vision_page_set_folded (LlVisionPage *self,
                           gboolean      folded)
{
  g_return_if_fail (LL_IS_VISION_PAGE (self));

  ll_narrative_editor_set_folded (self->editor, folded);
}

/* The place in the window */

static const char *
place_get_name (LlPlace *place)
{
  return "vision";
}

static const char *
place_get_title (LlPlace *place)
{
  return _("Vision");
}

static const char *
place_get_icon_name (LlPlace *place)
{
  return "document-edit-symbolic";
}

static void
place_set_workbook (LlPlace    *place,
                    LlWorkbook *workbook)
{
  ll_vision_page_set_workbook (LL_VISION_PAGE (place), workbook);
}

static void
place_flush (LlPlace *place)
{
  ll_vision_page_flush (LL_VISION_PAGE (place));
}

static gint64
place_get_current_document_id (LlPlace *place)
{
  return ll_vision_page_get_current_document_id (LL_VISION_PAGE (place));
}

static gint64
place_get_chosen_document_id (LlPlace *place)
{
  return ll_vision_page_get_chosen_document_id (LL_VISION_PAGE (place));
}

static void
place_new_document (LlPlace *place)
{
  gtk_widget_activate_action (GTK_WIDGET (place), "vision.new", NULL);
}

static gboolean
place_get_editing (LlPlace *place)
{
  return ll_vision_page_get_editing (LL_VISION_PAGE (place));
}

static gboolean
place_get_distraction_free (LlPlace *place)
{
  return ll_vision_page_get_distraction_free (LL_VISION_PAGE (place));
}

static void
place_set_folded (LlPlace  *place,
                  gboolean  folded)
{
  ll_vision_page_set_folded (LL_VISION_PAGE (place), folded);
}

static void
ll_vision_page_place_init (LlPlaceInterface *iface)
{
  iface->get_name = place_get_name;
  iface->get_title = place_get_title;
  iface->get_icon_name = place_get_icon_name;
  iface->set_workbook = place_set_workbook;
  iface->flush = place_flush;
  iface->get_current_document_id = place_get_current_document_id;
  iface->get_chosen_document_id = place_get_chosen_document_id;
  iface->new_document = place_new_document;
  iface->get_editing = place_get_editing;
  iface->get_distraction_free = place_get_distraction_free;
  iface->set_folded = place_set_folded;
}

/* Actions */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ll_vision_page_new_narrative (LL_VISION_PAGE (widget));
}

static void
import_chosen (GtkWidget  *widget,
               const char *path)
{
  ll_vision_page_import_file_async (LL_VISION_PAGE (widget), path, NULL, NULL, NULL);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LlVisionPage *self = LL_VISION_PAGE (widget);
  g_autoptr(GtkFileFilter) filter = NULL;

  if (read_only (self) || self->import != NULL)
    return;
  filter = ll_file_filter_new_docbook ();
  ll_file_chooser_run (widget, &self->chooser, GTK_FILE_CHOOSER_ACTION_OPEN,
                       _("Import DocBook"), _("_Import"), filter, NULL, NULL,
                       import_chosen);
}

static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ll_vision_page_show_list (LL_VISION_PAGE (widget));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LlVisionPage *self = LL_VISION_PAGE (widget);
  LlNarrative *narrative;

  if (self->workbook == NULL)
    return;
  narrative = ll_workbook_find_narrative (self->workbook, g_variant_get_int64 (parameter));
  if (narrative != NULL)
    ll_vision_page_open_narrative (self, narrative);
}

static const char *
title_or_untitled (LlNarrative *narrative)
{
  const char *title = ll_narrative_get_title (narrative);

  return title[0] != '\0' ? title : _("Untitled Narrative");
}

gboolean
ll_vision_page_delete_narrative (LlVisionPage  *self,
                                 LlNarrative   *narrative,
                                 GError       **error)
{
  g_autoptr(LlNarrative) doomed = NULL;
  g_autofree char *markup = NULL;

  g_return_val_if_fail (LL_IS_VISION_PAGE (self), FALSE);
  g_return_val_if_fail (LL_IS_NARRATIVE (narrative), FALSE);

  if (read_only (self))
    {
      g_set_error_literal (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_READ_ONLY,
                           _("This workbook is read-only."));
      return FALSE;
    }
  doomed = g_object_ref (narrative);
  /* the editor writes what waits, then lets go of it */
  if (ll_narrative_editor_get_narrative (self->editor) == narrative)
    ll_vision_page_show_list (self);
  if (!ll_workbook_remove_narrative (self->workbook, narrative, error))
    return FALSE;
  /* Translators: %s is the title of a narrative */
  markup = g_markup_printf_escaped (_("Deleted “%s”"), title_or_untitled (doomed));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (markup));
  return TRUE;
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    LlVisionPage     *self)
{
  LlNarrative *narrative = g_object_get_data (G_OBJECT (dialog), "ll-narrative");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0 || self->workbook == NULL
      || ll_workbook_find_narrative (self->workbook, ll_narrative_get_id (narrative)) != narrative)
    return;
  if (!ll_vision_page_delete_narrative (self, narrative, &error))
    show_message (self, _("Could Not Delete the Narrative"), error->message);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LlVisionPage *self = LL_VISION_PAGE (widget);
  g_autofree char *heading = NULL;
  LlNarrative *narrative;
  GtkWidget *dialog;

  if (read_only (self))
    return;
  narrative = ll_workbook_find_narrative (self->workbook, g_variant_get_int64 (parameter));
  if (narrative == NULL)
    return;

  /* Translators: %s is the title of a narrative */
  heading = g_strdup_printf (_("Delete “%s”?"), title_or_untitled (narrative));
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading,
                                   _("The narrative and all its revisions will be deleted. This cannot be undone."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "ll-narrative", g_object_ref (narrative), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
editor_distraction_free_cb (LlVisionPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISTRACTION_FREE]);
}

/* GObject */

static void
ll_vision_page_dispose (GObject *object)
{
  LlVisionPage *self = LL_VISION_PAGE (object);

  if (self->editor != NULL)
    ll_narrative_editor_set_narrative (self->editor, NULL, TRUE);
  clear_chooser (self);
  /* the task holds the page until its callback, which then sees that it
   * is no longer awaited and touches nothing */
  forget_import (self, TRUE);
  if (self->workbook != NULL)
    g_signal_handlers_disconnect_by_data (ll_workbook_get_narratives (self->workbook), self);
  g_clear_object (&self->workbook);
  gtk_widget_dispose_template (GTK_WIDGET (self), LL_TYPE_VISION_PAGE);

  G_OBJECT_CLASS (ll_vision_page_parent_class)->dispose (object);
}

static void
ll_vision_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LlVisionPage *self = LL_VISION_PAGE (object);

  switch (prop_id)
    {
    case PROP_WORKBOOK:
      g_value_set_object (value, self->workbook);
      break;
    case PROP_EDITING:
      g_value_set_boolean (value, ll_vision_page_get_editing (self));
      break;
    case PROP_DISTRACTION_FREE:
      g_value_set_boolean (value, ll_vision_page_get_distraction_free (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_vision_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LlVisionPage *self = LL_VISION_PAGE (object);

  switch (prop_id)
    {
    case PROP_WORKBOOK:
      ll_vision_page_set_workbook (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_vision_page_class_init (LlVisionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ll_vision_page_dispose;
  object_class->get_property = ll_vision_page_get_property;
  object_class->set_property = ll_vision_page_set_property;

  properties[PROP_WORKBOOK] =
    g_param_spec_object ("workbook", NULL, NULL, LL_TYPE_WORKBOOK,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_EDITING] =
    g_param_spec_boolean ("editing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DISTRACTION_FREE] =
    g_param_spec_boolean ("distraction-free", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LL_TYPE_NARRATIVE_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/leadinglearning/LeadingLearning/ll-vision-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LlVisionPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LlVisionPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LlVisionPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, LlVisionPage, empty_buttons);
  gtk_widget_class_bind_template_child (widget_class, LlVisionPage, list_buttons);
  gtk_widget_class_bind_template_child (widget_class, LlVisionPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, LlVisionPage, editor);
  gtk_widget_class_bind_template_callback (widget_class, editor_distraction_free_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "vision.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "vision.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "vision.show-list", NULL, show_list_action);
  gtk_widget_class_install_action (widget_class, "vision.open", "x", open_action);
  gtk_widget_class_install_action (widget_class, "vision.delete", "x", delete_action);
}

static void
ll_vision_page_init (LlVisionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "vision.new", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "vision.import", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "vision.delete", FALSE);
  update_list_page (self);
}

GtkWidget *
ll_vision_page_new (void)
{
  return g_object_new (LL_TYPE_VISION_PAGE, NULL);
}
