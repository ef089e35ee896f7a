/* ll-narrative-editor-actions.c: what the writing desk does: sections added,
 * moved and removed; revisions saved, read, compared and restored */
#define G_LOG_DOMAIN "ll-narrative-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "ll-gui-util.h"
#include "ll-narrative-editor-private.h"
#include "ll-revision-compare.h"
#include "ll-revision-view.h"

/* Telling the user */

void
ll_narrative_editor_show_error (LlNarrativeEditor *self,
                                const char        *heading,
                                const GError      *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
ll_narrative_editor_toast (LlNarrativeEditor *self,
                           const char        *markup)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (markup));
}

static GtkWidget *
new_dialog (LlNarrativeEditor *self,
            const char        *heading,
            const char        *body,
            const char        *response,
            const char        *response_label,
            AdwResponseAppearance appearance)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    response, response_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), response, appearance);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog),
                                           appearance == ADW_RESPONSE_DESTRUCTIVE ? "cancel" : response);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  /* The answer applies to the narrative shown when the question was asked. */
  g_object_set_data_full (G_OBJECT (dialog), "ll-narrative", g_object_ref (self->narrative),
                          g_object_unref);
  return dialog;
}

static gboolean
still_current (LlNarrativeEditor *self,
               AdwMessageDialog  *dialog)
{
  return self->narrative != NULL
         && g_object_get_data (G_OBJECT (dialog), "ll-narrative") == self->narrative;
}

/* Revisions */

LlRevision *
ll_narrative_editor_get_selected_revision (LlNarrativeEditor *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (LL_IS_NARRATIVE_EDITOR (self), NULL);

  row = gtk_list_box_get_selected_row (self->revisions_list);
  if (row == NULL || self->narrative == NULL)
    return NULL;
  return g_object_get_data (G_OBJECT (row), "ll-revision");
}

void
ll_narrative_editor_select_revision (LlNarrativeEditor *self,
                                     LlRevision        *revision)
{
  g_return_if_fail (LL_IS_NARRATIVE_EDITOR (self));

  for (int i = 0; ; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->revisions_list, i);

      if (row == NULL)
        break;
      if (g_object_get_data (G_OBJECT (row), "ll-revision") == revision)
        {
          gtk_list_box_select_row (self->revisions_list, row);
          return;
        }
    }
  gtk_list_box_unselect_all (self->revisions_list);
}

static const char *
revision_icon (LlRevision *revision)
{
  switch (ll_revision_get_kind (revision))
    {
    case LL_REVISION_NAMED:
      return "starred-symbolic";
    case LL_REVISION_BEFORE_RESTORE:
      return "edit-undo-symbolic";
    case LL_REVISION_SESSION:
    default:
      return "document-open-recent-symbolic";
    }
}

GtkWidget *
ll_narrative_editor_create_revision_row (gpointer item,
                                         gpointer user_data)
{
  LlRevision *revision = item;
  guint words = ll_revision_get_words (revision);
  g_autofree char *date = ll_format_friendly_date (ll_revision_get_created (revision), NULL);
  g_autofree char *words_text = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new_from_icon_name (revision_icon (revision));
  GtkWidget *title = gtk_label_new (ll_revision_get_label (revision));
  GtkWidget *detail;

  words_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u word", "%u words", words), words);
  /* Translators: a revision's date and size, "Today at 14:05 · 812 words" */
  subtitle = g_strdup_printf (_("%s · %s"), date, words_text);
  detail = gtk_label_new (subtitle);

  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_margin_top (icon, 2);
  gtk_widget_add_css_class (icon, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  /* wrapping labels ask for their whole length: keep the pane narrow */
  gtk_label_set_max_width_chars (GTK_LABEL (title), 24);
  /* wrapping labels ask for their whole length: keep the pane narrow */
  gtk_label_set_max_width_chars (GTK_LABEL (title), 24);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (detail), 24);
  gtk_label_set_max_width_chars (GTK_LABEL (detail), 24);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), detail);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), text);
  /* read as a row: its name and when it was saved */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  ll_revision_get_label (revision)[0] != '\0' ? ll_revision_get_label (revision) : date,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "ll-revision", g_object_ref (revision), g_object_unref);
  return row;
}

static void
save_revision_response_cb (AdwMessageDialog  *dialog,
                           const char        *response,
                           LlNarrativeEditor *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autoptr(GError) error = NULL;
  g_autofree char *markup = NULL;
  LlRevision *revision;

  if (g_strcmp0 (response, "save") != 0 || !still_current (self, dialog))
    return;

  ll_narrative_editor_flush (self);
  revision = ll_narrative_save_revision (self->narrative, gtk_editable_get_text (entry), &error);
  if (revision == NULL)
    {
      ll_narrative_editor_show_error (self, _("Could Not Save the Revision"), error);
      return;
    }
  g_object_set (self, "show-revisions", TRUE, NULL);
  ll_narrative_editor_select_revision (self, revision);
  markup = g_markup_printf_escaped (_("Saved the revision “%s”"), ll_revision_get_label (revision));
  ll_narrative_editor_toast (self, markup);
}

static void
revision_name_changed_cb (GtkEditable      *entry,
                          AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "save", name[0] != '\0');
}

static void
save_revision_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LlNarrativeEditor *self = LL_NARRATIVE_EDITOR (widget);
  GtkWidget *dialog;
  GtkWidget *entry;

  if (self->narrative == NULL || self->read_only)
    return;

  dialog = new_dialog (self, _("Save Revision"),
                       _("Give this version a name you will recognise later, such as “Draft for governors”."),
                       "save", _("_Save"), ADW_RESPONSE_SUGGESTED);
  entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Name of the revision"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Name of the revision"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save", FALSE);
  g_signal_connect_object (entry, "changed", G_CALLBACK (revision_name_changed_cb), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (save_revision_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
read_revision_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LlNarrativeEditor *self = LL_NARRATIVE_EDITOR (widget);
  LlRevision *revision = ll_narrative_editor_get_selected_revision (self);
  GtkWidget *view;

  if (revision == NULL)
    return;
  view = ll_revision_view_new (self->narrative, revision);
  gtk_window_set_transient_for (GTK_WINDOW (view), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_present (GTK_WINDOW (view));
}

static void
compare_revision_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  LlNarrativeEditor *self = LL_NARRATIVE_EDITOR (widget);
  LlRevision *revision = ll_narrative_editor_get_selected_revision (self);
  GtkWidget *compare;

  if (revision == NULL)
    return;
  /* compare with what is on the screen, not what was last written */
  ll_narrative_editor_flush (self);
  compare = ll_revision_compare_new (self->narrative, revision);
  gtk_window_set_transient_for (GTK_WINDOW (compare), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_present (GTK_WINDOW (compare));
}

static void
restore_response_cb (AdwMessageDialog  *dialog,
                     const char        *response,
                     LlNarrativeEditor *self)
{
  LlRevision *revision = g_object_get_data (G_OBJECT (dialog), "ll-revision");
  g_autoptr(GError) error = NULL;
  g_autofree char *markup = NULL;

  if (g_strcmp0 (response, "restore") != 0 || !still_current (self, dialog))
    return;

  ll_narrative_editor_flush (self);
  if (!ll_narrative_restore_revision (self->narrative, revision, &error))
    {
      ll_narrative_editor_show_error (self, _("Could Not Restore the Revision"), error);
      return;
    }
  markup = g_markup_printf_escaped (_("Restored “%s”. The previous text was kept as a revision."),
                                    ll_revision_get_label (revision));
  ll_narrative_editor_toast (self, markup);
}

static void
restore_revision_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  LlNarrativeEditor *self = LL_NARRATIVE_EDITOR (widget);
  LlRevision *revision = ll_narrative_editor_get_selected_revision (self);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (revision == NULL || self->read_only)
    return;

  /* Translators: %s is the name of a revision */
  heading = g_strdup_printf (_("Restore “%s”?"), ll_revision_get_label (revision));
  dialog = new_dialog (self, heading, _("The current text will be kept as a revision first."),
                       "restore", _("_Restore"), ADW_RESPONSE_SUGGESTED);
  g_object_set_data_full (G_OBJECT (dialog), "ll-revision", g_object_ref (revision), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Sections */

static void
focus_heading (LlNarrativeEditor  *self,
               LlNarrativeSection *section)
{
  LlNarrativeSectionRow *row = ll_narrative_editor_find_row (self, section);

  if (row == NULL)
    return;
  self->current_section = section;
  gtk_widget_grab_focus (GTK_WIDGET (ll_narrative_section_row_get_heading (row)));
  ll_narrative_editor_scroll_to (self, section);
}

static void
add_section_at (LlNarrativeEditor *self,
                guint              position)
{
  g_autoptr(GError) error = NULL;
  LlNarrativeSection *section;

  if (self->narrative == NULL || self->read_only)
    return;
  ll_narrative_editor_flush (self);
  section = ll_narrative_add_section (self->narrative, position, _("New Section"), &error);
  if (section == NULL)
    {
      ll_narrative_editor_show_error (self, _("Could Not Add a Section"), error);
      return;
    }
  focus_heading (self, section);
}

static void
add_section_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LlNarrativeEditor *self = LL_NARRATIVE_EDITOR (widget);
  guint position = G_MAXUINT;

  if (self->narrative == NULL)
    return;
  /* after the section the writer is in, or at the end */
  if (self->current_section != NULL
      && ll_narrative_editor_find_section (self, ll_narrative_section_get_id (self->current_section),
                                           &position))
    position++;
  add_section_at (self, position);
}

static void
add_section_after_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  LlNarrativeEditor *self = LL_NARRATIVE_EDITOR (widget);
  guint position;

  if (ll_narrative_editor_find_section (self, g_variant_get_int64 (parameter), &position))
    add_section_at (self, position + 1);
}

static void
move_section (LlNarrativeEditor  *self,
              LlNarrativeSection *section,
              int                 delta)
{
  g_autoptr(GError) error = NULL;
  guint position, n;
  GtkListBoxRow *outline_row;

  if (section == NULL || self->read_only
      || !ll_narrative_editor_find_section (self, ll_narrative_section_get_id (section), &position))
    return;
  n = g_list_model_get_n_items (ll_narrative_get_sections (self->narrative));
  if ((delta < 0 && position == 0) || (delta > 0 && position + 1 >= n))
    return;
  ll_narrative_editor_flush (self);
  if (!ll_narrative_move_section (self->narrative, section, position + delta, &error))
    {
      ll_narrative_editor_show_error (self, _("Could Not Move the Section"), error);
      return;
    }
  self->current_section = section;
  outline_row = gtk_list_box_get_row_at_index (self->outline_list, position + delta);
  if (outline_row != NULL)
    gtk_list_box_select_row (self->outline_list, outline_row);
  ll_narrative_editor_scroll_to (self, section);
  ll_narrative_editor_update_actions (self);
}

static void
move_section_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LlNarrativeEditor *self = LL_NARRATIVE_EDITOR (widget);
  int delta = g_str_has_suffix (action_name, "-up") ? -1 : 1;

  if (parameter != NULL)
    move_section (self, ll_narrative_editor_find_section (self, g_variant_get_int64 (parameter), NULL),
                  delta);
  else
    move_section (self, self->current_section, delta);
}

static void
remove_response_cb (AdwMessageDialog  *dialog,
                    const char        *response,
                    LlNarrativeEditor *self)
{
  LlNarrativeSection *section = g_object_get_data (G_OBJECT (dialog), "ll-section");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "remove") != 0 || !still_current (self, dialog))
    return;
  ll_narrative_editor_flush (self);
  if (!ll_narrative_remove_section (self->narrative, section, &error))
    ll_narrative_editor_show_error (self, _("Could Not Remove the Section"), error);
}

static void
remove_section_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LlNarrativeEditor *self = LL_NARRATIVE_EDITOR (widget);
  LlNarrativeSection *section;
  g_autofree char *heading = NULL;
  const char *title;
  GtkWidget *dialog;

  section = ll_narrative_editor_find_section (self, g_variant_get_int64 (parameter), NULL);
  if (section == NULL || self->read_only)
    return;

  title = ll_narrative_section_get_title (section);
  /* Translators: %s is a section's heading */
  heading = g_strdup_printf (_("Remove “%s”?"), title[0] != '\0' ? title : _("Untitled Section"));
  dialog = new_dialog (self, heading,
                       _("The section and its text will be removed from the narrative. Saved revisions still hold it."),
                       "remove", _("_Remove"), ADW_RESPONSE_DESTRUCTIVE);
  g_object_set_data_full (G_OBJECT (dialog), "ll-section", g_object_ref (section), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_narrative_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  LlNarrativeEditor *self = LL_NARRATIVE_EDITOR (widget);

  if (self->narrative == NULL || self->read_only)
    return;
  /* the Vision place asks, deletes and goes back to its list */
  gtk_widget_activate_action (widget, "vision.delete", "x", ll_narrative_get_id (self->narrative));
}

static void
leave_distraction_free_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  ll_narrative_editor_set_distraction_free (LL_NARRATIVE_EDITOR (widget), FALSE);
}

void
ll_narrative_editor_update_actions (LlNarrativeEditor *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean writable = self->narrative != NULL && !self->read_only;
  gboolean selected = ll_narrative_editor_get_selected_revision (self) != NULL;
  gboolean current = self->current_section != NULL;
  guint position = 0, n = 0;

  if (current)
    {
      ll_narrative_editor_find_section (self, ll_narrative_section_get_id (self->current_section),
                                        &position);
      n = g_list_model_get_n_items (ll_narrative_get_sections (self->narrative));
    }

  gtk_widget_action_set_enabled (widget, "editor.save-revision", writable);
  gtk_widget_action_set_enabled (widget, "editor.add-section", writable);
  gtk_widget_action_set_enabled (widget, "editor.add-section-after", writable);
  gtk_widget_action_set_enabled (widget, "editor.move-section-up", writable);
  gtk_widget_action_set_enabled (widget, "editor.move-section-down", writable);
  /* the first section cannot go up, nor the last down */
  gtk_widget_action_set_enabled (widget, "editor.move-up", writable && current && position > 0);
  gtk_widget_action_set_enabled (widget, "editor.move-down", writable && current && position + 1 < n);
  ll_narrative_editor_update_row_actions (self);
  gtk_widget_action_set_enabled (widget, "editor.remove-section", writable);
  gtk_widget_action_set_enabled (widget, "editor.delete-narrative", writable);
  gtk_widget_action_set_enabled (widget, "editor.read-revision", selected);
  gtk_widget_action_set_enabled (widget, "editor.compare-revision", selected);
  gtk_widget_action_set_enabled (widget, "editor.restore-revision", writable && selected);
  gtk_widget_action_set_enabled (widget, "editor.leave-distraction-free", self->distraction_free);
}

void
ll_narrative_editor_class_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_property_action (widget_class, "editor.show-outline", "show-outline");
  gtk_widget_class_install_property_action (widget_class, "editor.show-revisions", "show-revisions");
  gtk_widget_class_install_property_action (widget_class, "editor.show-prompts", "show-prompts");
  gtk_widget_class_install_property_action (widget_class, "editor.distraction-free", "distraction-free");
  gtk_widget_class_install_action (widget_class, "editor.leave-distraction-free", NULL,
                                   leave_distraction_free_action);
  gtk_widget_class_install_action (widget_class, "editor.save-revision", NULL, save_revision_action);
  gtk_widget_class_install_action (widget_class, "editor.read-revision", NULL, read_revision_action);
  gtk_widget_class_install_action (widget_class, "editor.compare-revision", NULL, compare_revision_action);
  gtk_widget_class_install_action (widget_class, "editor.restore-revision", NULL, restore_revision_action);
  gtk_widget_class_install_action (widget_class, "editor.add-section", NULL, add_section_action);
  gtk_widget_class_install_action (widget_class, "editor.add-section-after", "x", add_section_after_action);
  gtk_widget_class_install_action (widget_class, "editor.move-section-up", "x", move_section_action);
  gtk_widget_class_install_action (widget_class, "editor.move-section-down", "x", move_section_action);
  gtk_widget_class_install_action (widget_class, "editor.move-up", NULL, move_section_action);
  gtk_widget_class_install_action (widget_class, "editor.move-down", NULL, move_section_action);
  gtk_widget_class_install_action (widget_class, "editor.remove-section", "x", remove_section_action);
  gtk_widget_class_install_action (widget_class, "editor.delete-narrative", NULL, delete_narrative_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.distraction-free", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "editor.distraction-free", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "editor.leave-distraction-free", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "editor.save-revision", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "editor.show-outline", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "editor.show-revisions", NULL);
}
