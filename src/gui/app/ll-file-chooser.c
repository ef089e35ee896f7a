/* ll-file-chooser.c: the native file choosers, set up one way
 *
 * Every chooser is modal over its owner's window, offers at most one
 * filter, and answers with a path; its owner keeps it in a slot of its
 * own, so that opening another, or disposing the owner, closes it.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ll-file-chooser.h"
#include "ll-workbook.h"

typedef struct
{
  GtkNativeDialog  **slot;
  LlFileChosenFunc   done;
} ChooserData;

void
ll_file_chooser_clear (GtkNativeDialog **slot)
{
  g_return_if_fail (slot != NULL);

  if (*slot != NULL)
    {
      gtk_native_dialog_destroy (*slot);
      g_clear_object (slot);
    }
}

static void
response_cb (GtkNativeDialog *chooser,
             int              response,
             GtkWidget       *owner)
{
  ChooserData *data = g_object_get_data (G_OBJECT (chooser), "ll-chooser-data");
  LlFileChosenFunc done = data->done;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if (file != NULL)
        path = g_file_get_path (file);
    }

  /* the slot holds the last reference: @data goes with it */
  if (*data->slot == chooser)
    ll_file_chooser_clear (data->slot);

  if (path != NULL)
    done (owner, path);
}

void
ll_file_chooser_run (GtkWidget             *owner,
                     GtkNativeDialog      **slot,
                     GtkFileChooserAction   action,
                     const char            *title,
                     const char            *accept_label,
                     GtkFileFilter         *filter,
                     const char            *suggested_name,
                     GFile                 *folder,
                     LlFileChosenFunc       done)
{
  GtkFileChooserNative *chooser;
  GtkRoot *root;
  ChooserData *data;

  g_return_if_fail (GTK_IS_WIDGET (owner));
  g_return_if_fail (slot != NULL);
  g_return_if_fail (filter == NULL || GTK_IS_FILE_FILTER (filter));
  g_return_if_fail (folder == NULL || G_IS_FILE (folder));
  g_return_if_fail (done != NULL);

  ll_file_chooser_clear (slot);

  root = gtk_widget_get_root (owner);
  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         action, accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (filter != NULL)
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);

  data = g_new0 (ChooserData, 1);
  data->slot = slot;
  data->done = done;
  g_object_set_data_full (G_OBJECT (chooser), "ll-chooser-data", data, g_free);
  g_signal_connect_object (chooser, "response", G_CALLBACK (response_cb), owner, 0);
  *slot = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (*slot);
}

GtkFileFilter *
ll_file_filter_new_workbooks (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Leading Learning workbooks"));
  gtk_file_filter_add_pattern (filter, "*" LL_WORKBOOK_EXTENSION);
  gtk_file_filter_add_mime_type (filter, "application/x-leading-learning-workbook");
  return filter;
}

GtkFileFilter *
ll_file_filter_new_docbook (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("DocBook articles"));
  gtk_file_filter_add_pattern (filter, "*.xml");
  gtk_file_filter_add_pattern (filter, "*.dbk");
  gtk_file_filter_add_mime_type (filter, "application/docbook+xml");
  return filter;
}
