/* ll-document-chooser.c: which document a command (export, print) is for
 *
 * What the user is looking at is what they mean: the document open in the
 * place is taken without asking. Otherwise a dialog lists the workbook's
 * documents, one check button each, with the one in hand chosen at first.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ll-document-chooser.h"

typedef struct
{
  LlDocumentChosenFunc  chosen;
  /* the documents, and their check buttons, in the same order */
  GPtrArray            *infos;
  GPtrArray            *checks;
} ChooserData;

static void
chooser_data_free (ChooserData *data)
{
  g_ptr_array_unref (data->infos);
  g_ptr_array_unref (data->checks);
  g_free (data);
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             GtkWindow        *parent)
{
  ChooserData *data = g_object_get_data (G_OBJECT (dialog), "ll-chooser-data");

  if (g_strcmp0 (response, "choose") != 0)
    return;

  for (guint i = 0; i < data->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (data->checks, i)))
      {
        data->chosen (parent, g_ptr_array_index (data->infos, i));
        return;
      }
}

GtkWidget *
ll_document_chooser_run (GtkWindow            *parent,
                         LlWorkbook           *workbook,
                         gint64                current,
                         gint64                preselect,
                         const char           *heading,
                         const char           *accept_label,
                         LlDocumentChosenFunc  chosen)
{
  GListModel *documents;
  guint n;
  GtkWidget *dialog;
  GtkWidget *list;
  GtkCheckButton *group = NULL;
  ChooserData *data;
  guint preselected = 0;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LL_IS_WORKBOOK (workbook), NULL);
  g_return_val_if_fail (chosen != NULL, NULL);

  documents = ll_workbook_get_documents (workbook);
  n = g_list_model_get_n_items (documents);
  if (n == 0)
    return NULL;

  for (guint i = 0; i < n && current > 0; i++)
    {
      g_autoptr(LlDocumentInfo) info = g_list_model_get_item (documents, i);

      if (ll_document_info_get_id (info) == current)
        {
          chosen (parent, info);
          return NULL;
        }
    }
  if (n == 1)
    {
      g_autoptr(LlDocumentInfo) info = g_list_model_get_item (documents, 0);

      chosen (parent, info);
      return NULL;
    }

  data = g_new0 (ChooserData, 1);
  data->chosen = chosen;
  data->infos = g_ptr_array_new_with_free_func (g_object_unref);
  data->checks = g_ptr_array_new ();
  for (guint i = 0; i < n; i++)
    {
      LlDocumentInfo *info = g_list_model_get_item (documents, i);

      if (preselect > 0 && ll_document_info_get_id (info) == preselect)
        preselected = i;
      g_ptr_array_add (data->infos, info);
    }

  dialog = adw_message_dialog_new (parent, heading, _("Choose the document."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "choose", accept_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "choose",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "choose");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < n; i++)
    {
      LlDocumentInfo *info = g_ptr_array_index (data->infos, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      if (group != NULL)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
      else
        group = GTK_CHECK_BUTTON (check);
      if (i == preselected)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     ll_document_info_get_title (info));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      g_ptr_array_add (data->checks, check);
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  g_object_set_data_full (G_OBJECT (dialog), "ll-chooser-data", data,
                          (GDestroyNotify) chooser_data_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (response_cb), parent, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}
