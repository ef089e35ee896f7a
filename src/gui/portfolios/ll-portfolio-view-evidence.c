/* ll-portfolio-view-evidence.c: the evidence under the entry shown
 *
 * Each file that supports the entry (with the participant shown: each
 * that supports none) is a row that opens: a thumbnail for a picture, its
 * caption or name, its type and size, and inside the caption to edit, a
 * button that shows it (a picture full size, in a window; anything else
 * with the system's application, from a private copy) and one that
 * removes it. Files are added with Add Evidence… or by dropping them on
 * the entry. A picture's bytes are read only while it is shown.
 */
#define G_LOG_DOMAIN "ll-portfolios"

#include "config.h"

#include <glib/gi18n.h>

#include "ll-file-chooser.h"
#include "ll-portfolio-evidence.h"
#include "ll-portfolio-view-private.h"

#define THUMBNAIL_SIZE 48

static gint64
shown_entry_id (LlPortfolioView *self)
{
  return self->entry != NULL ? ll_portfolio_entry_get_id (self->entry) : 0;
}

static void
clear_rows (LlPortfolioView *self)
{
  for (guint i = 0; i < self->evidence_rows->len; i++)
    adw_preferences_group_remove (self->evidence_group, g_ptr_array_index (self->evidence_rows, i));
  g_ptr_array_set_size (self->evidence_rows, 0);
}

/* A picture, scaled down, from bytes read now and let go once decoded. */
static GdkTexture *
load_texture (LlPortfolioView *self,
              LlEvidence      *evidence)
{
  g_autoptr(GBytes) bytes = ll_portfolio_read_evidence (self->portfolio, evidence, NULL);

  return bytes != NULL ? gdk_texture_new_from_bytes (bytes, NULL) : NULL;
}

static void
caption_changed_cb (AdwEntryRow     *row,
                    LlPortfolioView *self)
{
  LlEvidence *evidence = g_object_get_data (G_OBJECT (row), "ll-evidence");
  g_autoptr(GError) error = NULL;

  if (self->loading || self->portfolio == NULL)
    return;
  if (!ll_portfolio_set_evidence_caption (self->portfolio, evidence, gtk_editable_get_text (GTK_EDITABLE (row)),
                                          &error))
    _ll_portfolio_view_report (self, error);
}

static void
show_picture (LlPortfolioView *self,
              LlEvidence      *evidence)
{
  g_autoptr(GdkTexture) texture = load_texture (self, evidence);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *window, *toolbar, *box, *picture;

  if (texture == NULL)
    return;
  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), ll_evidence_get_label (evidence));
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 680);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  toolbar = adw_header_bar_new ();
  gtk_box_append (GTK_BOX (box), toolbar);
  picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_widget_set_vexpand (picture, TRUE);
  gtk_picture_set_alternative_text (GTK_PICTURE (picture), ll_evidence_get_label (evidence));
  gtk_box_append (GTK_BOX (box), picture);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
}

static void
launched_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    g_warning ("The evidence could not be opened: %s", error->message);
}

static void
show_clicked_cb (GtkButton       *button,
                 LlPortfolioView *self)
{
  LlEvidence *evidence = g_object_get_data (G_OBJECT (button), "ll-evidence");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;

  if (ll_evidence_get_is_image (evidence))
    {
      show_picture (self, evidence);
      return;
    }
  /* a private copy, for the system's application to open */
  path = ll_portfolio_dup_evidence_copy (self->portfolio, evidence, NULL, &error);
  if (path == NULL)
    {
      _ll_portfolio_view_report (self, error);
      return;
    }
  uri = g_filename_to_uri (path, NULL, NULL);
  if (uri != NULL)
    g_app_info_launch_default_for_uri_async (uri, NULL, NULL, launched_cb, NULL);
}

static void
remove_clicked_cb (GtkButton       *button,
                   LlPortfolioView *self)
{
  LlEvidence *evidence = g_object_get_data (G_OBJECT (button), "ll-evidence");
  g_autoptr(GError) error = NULL;

  if (!ll_portfolio_remove_evidence (self->portfolio, evidence, &error))
    _ll_portfolio_view_report (self, error);
}

static GtkWidget *
evidence_row (LlPortfolioView *self,
              LlEvidence      *evidence)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *caption = adw_entry_row_new ();
  GtkWidget *actions = adw_action_row_new ();
  GtkWidget *show = gtk_button_new_with_mnemonic (ll_evidence_get_is_image (evidence) ? _("_View") : _("_Open"));
  GtkWidget *remove = gtk_button_new_with_mnemonic (_("_Remove"));
  g_autofree char *size = g_format_size (ll_evidence_get_size (evidence));
  /* TRANSLATORS: a file of evidence: its type, then its size */
  g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), ll_evidence_type_to_label (ll_evidence_get_mime_type (evidence)),
                                               size);
  gboolean editable = ll_portfolio_get_editable (self->portfolio);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ll_evidence_get_label (evidence));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  if (ll_evidence_get_is_image (evidence))
    {
      g_autoptr(GdkTexture) texture = load_texture (self, evidence);
      GtkWidget *thumbnail = texture != NULL ? gtk_picture_new_for_paintable (GDK_PAINTABLE (texture))
                                             : gtk_image_new_from_icon_name ("image-missing-symbolic");

      if (GTK_IS_PICTURE (thumbnail))
        {
          gtk_picture_set_can_shrink (GTK_PICTURE (thumbnail), TRUE);
          gtk_picture_set_alternative_text (GTK_PICTURE (thumbnail), ll_evidence_get_label (evidence));
        }
      gtk_widget_set_size_request (thumbnail, THUMBNAIL_SIZE, THUMBNAIL_SIZE);
      gtk_widget_set_valign (thumbnail, GTK_ALIGN_CENTER);
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), thumbnail);
    }
  else
    adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), gtk_image_new_from_icon_name ("text-x-generic-symbolic"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (caption), _("_Caption"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (caption), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (caption), ll_evidence_get_caption (evidence));
  gtk_widget_set_sensitive (caption, editable);
  g_object_set_data_full (G_OBJECT (caption), "ll-evidence", g_object_ref (evidence), g_object_unref);
  g_signal_connect (caption, "changed", G_CALLBACK (caption_changed_cb), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), caption);

  /* TRANSLATORS: the file's name and its SHA-256, which says it is the same file */
  {
    g_autofree char *about = g_strdup_printf (_("%s, SHA-256 %.16s…"), ll_evidence_get_name (evidence),
                                              ll_evidence_get_sha256 (evidence));

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (actions), about);
    adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (actions), FALSE);
  }
  gtk_widget_set_valign (show, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "destructive-action");
  gtk_widget_set_visible (remove, editable);
  g_object_set_data_full (G_OBJECT (show), "ll-evidence", g_object_ref (evidence), g_object_unref);
  g_object_set_data_full (G_OBJECT (remove), "ll-evidence", g_object_ref (evidence), g_object_unref);
  g_signal_connect (show, "clicked", G_CALLBACK (show_clicked_cb), self);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (actions), show);
  adw_action_row_add_suffix (ADW_ACTION_ROW (actions), remove);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), actions);
  return row;
}

static void
evidence_changed_cb (GListModel      *evidence,
                     guint            position,
                     guint            removed,
                     guint            added,
                     LlPortfolioView *self)
{
  _ll_portfolio_view_fill_evidence (self);
}

/* Watches the evidence of the portfolio shown now. */
static void
watch (LlPortfolioView *self)
{
  GListModel *evidence = self->portfolio != NULL ? ll_portfolio_get_evidence (self->portfolio, NULL) : NULL;

  if (evidence == self->evidence)
    return;
  if (self->evidence != NULL)
    g_clear_signal_handler (&self->evidence_handler, self->evidence);
  g_set_object (&self->evidence, evidence);
  if (evidence != NULL)
    self->evidence_handler = g_signal_connect (evidence, "items-changed", G_CALLBACK (evidence_changed_cb), self);
}

void
_ll_portfolio_view_fill_evidence (LlPortfolioView *self)
{
  gint64 entry_id = shown_entry_id (self);
  gboolean editable = self->portfolio != NULL && ll_portfolio_get_editable (self->portfolio);
  gboolean was_loading = self->loading;
  guint shown = 0;

  watch (self);
  self->loading = TRUE;
  clear_rows (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "portfolio.add-evidence", editable);
  for (guint i = 0; self->evidence != NULL && i < g_list_model_get_n_items (self->evidence); i++)
    {
      g_autoptr(LlEvidence) evidence = g_list_model_get_item (self->evidence, i);
      GtkWidget *row;

      if (ll_evidence_get_entry_id (evidence) != entry_id)
        continue;
      row = evidence_row (self, evidence);
      adw_preferences_group_add (self->evidence_group, row);
      g_ptr_array_add (self->evidence_rows, row);
      shown++;
    }
  adw_preferences_group_set_description (self->evidence_group,
                                         entry_id == 0
                                         ? _("Files that support no entry in particular. Drop files here or add "
                                             "them; they are kept inside the workbook.")
                                         : _("Photographs, documents and data that support this entry. Drop files "
                                             "here or add them; they are kept inside the workbook."));
  gtk_widget_set_visible (GTK_WIDGET (self->evidence_group), self->portfolio != NULL && (editable || shown > 0));
  self->loading = was_loading;
}

/* Adds @file to the entry shown; says so when it is refused. */
static gboolean
add_file (LlPortfolioView *self,
          GFile           *file)
{
  g_autoptr(GError) error = NULL;

  if (self->portfolio == NULL)
    return FALSE;
  watch (self);
  if (ll_portfolio_add_evidence (self->portfolio, file, shown_entry_id (self), NULL, NULL, &error) == NULL)
    {
      _ll_portfolio_view_report (self, error);
      return FALSE;
    }
  return TRUE;
}

static void
chosen_cb (GtkWidget  *owner,
           const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  add_file (LL_PORTFOLIO_VIEW (owner), file);
}

static void
add_evidence_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LlPortfolioView *self = LL_PORTFOLIO_VIEW (widget);

  ll_file_chooser_run (widget, &self->chooser, GTK_FILE_CHOOSER_ACTION_OPEN, _("Add Evidence"), _("_Add"),
                       NULL, NULL, NULL, chosen_cb);
}

static gboolean
drop_cb (GtkDropTarget   *target,
         const GValue    *value,
         double           x,
         double           y,
         LlPortfolioView *self)
{
  GSList *files = g_value_get_boxed (value);
  gboolean added = FALSE;

  if (self->portfolio == NULL || !ll_portfolio_get_editable (self->portfolio))
    return FALSE;
  for (GSList *l = files; l != NULL; l = l->next)
    added |= add_file (self, l->data);
  return added;
}

void
_ll_portfolio_view_class_init_evidence (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "portfolio.add-evidence", NULL, add_evidence_action);
}

void
_ll_portfolio_view_init_evidence (LlPortfolioView *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  self->evidence_rows = g_ptr_array_new ();
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->body_stack), GTK_EVENT_CONTROLLER (target));
}

void
_ll_portfolio_view_dispose_evidence (LlPortfolioView *self)
{
  ll_file_chooser_clear (&self->chooser);
  if (self->evidence != NULL)
    g_clear_signal_handler (&self->evidence_handler, self->evidence);
  g_clear_object (&self->evidence);
  g_clear_pointer (&self->evidence_rows, g_ptr_array_unref);
}
