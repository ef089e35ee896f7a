/* ll-narrative-editor-outline.c: the writing desk's outline pane, one
 * row per section with its heading and words, going to the section it
 * names; and the footer's word count and reading time */
#define G_LOG_DOMAIN "ll-narrative-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "ll-narrative-editor-private.h"
#include "ll-text.h"

/* The outline */

static gboolean
words_to_label (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  guint words = g_value_get_uint (from);

  g_value_take_string (to, g_strdup_printf ("%u", words));
  return TRUE;
}

static gboolean
title_to_label (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  const char *title = g_value_get_string (from);

  g_value_set_string (to, title != NULL && title[0] != '\0' ? title : _("Untitled Section"));
  return TRUE;
}

static void
name_outline_row (GtkWidget *row)
{
  LlNarrativeSection *section = g_object_get_data (G_OBJECT (row), "ll-section");
  const char *title;
  guint words;
  g_autofree char *description = NULL;

  if (section == NULL)
    return;
  title = ll_narrative_section_get_title (section);
  words = ll_narrative_section_get_word_count (section);
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u word", "%u words", words), words);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title[0] != '\0' ? title : _("Untitled Section"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

GtkWidget *
_ll_narrative_editor_create_outline_row (gpointer item,
                                         gpointer user_data)
{
  LlNarrativeSection *section = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *words = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  /* the pane keeps its width whatever the headings */
  gtk_label_set_max_width_chars (GTK_LABEL (title), 18);
  gtk_label_set_width_chars (GTK_LABEL (title), 18);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (words, "dim-label");
  gtk_widget_add_css_class (words, "numeric");
  gtk_widget_add_css_class (words, "caption");
  gtk_widget_set_tooltip_text (words, _("Words in this section"));
  g_object_bind_property_full (section, "title", title, "label", G_BINDING_SYNC_CREATE,
                               title_to_label, NULL, NULL, NULL);
  g_object_bind_property_full (section, "word-count", words, "label", G_BINDING_SYNC_CREATE,
                               words_to_label, NULL, NULL, NULL);
  g_object_bind_property (title, "label", row, "tooltip-text", G_BINDING_SYNC_CREATE);
  /* a screen reader reads the heading and its words, as they change */
  g_signal_connect_object (section, "notify::title", G_CALLBACK (name_outline_row), row, G_CONNECT_SWAPPED);
  g_signal_connect_object (section, "notify::word-count", G_CALLBACK (name_outline_row), row, G_CONNECT_SWAPPED);
  g_object_set_data (G_OBJECT (row), "ll-section", section);
  name_outline_row (row);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), words);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
outline_row_activated_cb (LlNarrativeEditor *self,
                          GtkListBoxRow     *row)
{
  g_autoptr(LlNarrativeSection) section = NULL;

  if (self->narrative == NULL)
    return;
  section = g_list_model_get_item (ll_narrative_get_sections (self->narrative),
                                   gtk_list_box_row_get_index (row));
  if (section != NULL)
    {
      self->current_section = section;
      ll_narrative_editor_scroll_to (self, section);
    }
  if (adw_flap_get_folded (self->outline_flap))
    adw_flap_set_reveal_flap (self->outline_flap, FALSE);
}

static void
outline_row_selected_cb (LlNarrativeEditor *self,
                         GtkListBoxRow     *row)
{
  g_autoptr(LlNarrativeSection) section = NULL;

  if (row == NULL || self->narrative == NULL)
    return;
  section = g_list_model_get_item (ll_narrative_get_sections (self->narrative),
                                   gtk_list_box_row_get_index (row));
  if (section != NULL)
    self->current_section = section;
  ll_narrative_editor_update_actions (self);
}

/* The footer: words and reading time */

void
_ll_narrative_editor_update_words (LlNarrativeEditor *self)
{
  guint words = self->narrative ? ll_narrative_get_word_count (self->narrative) : 0;
  guint minutes = ll_text_reading_minutes (words);
  g_autofree char *words_text = NULL;
  g_autofree char *text = NULL;

  words_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u word", "%u words", words), words);
  if (minutes > 0)
    /* Translators: "1,234 words · 6 min read" */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u min read", "%s · %u min read", minutes),
                            words_text, minutes);
  else
    text = g_strdup (words_text);
  gtk_label_set_label (self->words_label, text);
}

void
_ll_narrative_editor_class_init_outline (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, outline_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, outline_row_selected_cb);
}
