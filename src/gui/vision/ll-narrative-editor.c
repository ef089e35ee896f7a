/* ll-narrative-editor.c: the headteacher's writing desk: one vision
 * narrative, its sections, outline and revisions
 *
 * This file holds the widget itself: its properties, keeping what the
 * writer works on in view, the title, author and status, the saved sign,
 * the revisions pane's list, the panes and distraction-free mode, and
 * setting the narrative. The sections' rows are in
 * ll-narrative-editor-sections.c, the outline and word counts in
 * ll-narrative-editor-outline.c, and the actions in
 * ll-narrative-editor-actions.c. */
#define G_LOG_DOMAIN "ll-narrative-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ll-gui-util.h"
#include "ll-narrative-editor-private.h"

#define SAVED_SHOWN_MS 1500

G_DEFINE_FINAL_TYPE (LlNarrativeEditor, ll_narrative_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_NARRATIVE,
  PROP_READ_ONLY,
  PROP_SHOW_OUTLINE,
  PROP_SHOW_REVISIONS,
  PROP_SHOW_PROMPTS,
  PROP_DISTRACTION_FREE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Keeping what the writer works on in view. The viewport's own
 * scroll-to-focus shows a whole focused widget, which for a long section
 * means scrolling to its end at a click, and it does not follow the cursor
 * while typing (the text views are not scrollable themselves). Instead,
 * once the page is laid out, show the cursor of the focused text, or the
 * focused field, with a little room around it. */

#define FOLLOW_MARGIN 48

static void
stop_following (LlNarrativeEditor *self)
{
  /* a frame clock that went with its window has let go of its handlers */
  if (self->follow_id != 0 && g_signal_handler_is_connected (self->follow_clock, self->follow_id))
    g_signal_handler_disconnect (self->follow_clock, self->follow_id);
  self->follow_id = 0;
  g_clear_object (&self->follow_clock);
}

static void
follow_focus_cb (GdkFrameClock     *clock,
                 LlNarrativeEditor *self)
{
  GtkWidget *focus = self->root != NULL ? gtk_root_get_focus (self->root) : NULL;
  GtkWidget *viewport = gtk_scrolled_window_get_child (self->scroller);
  GtkWidget *content = viewport != NULL ? gtk_widget_get_first_child (viewport) : NULL;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  graphene_rect_t bounds;
  double value, page, top, bottom;

  stop_following (self);
  if (focus == NULL || content == NULL || !gtk_widget_is_ancestor (focus, content))
    return;

  if (GTK_IS_TEXT_VIEW (focus))
    {
      GtkTextView *view = GTK_TEXT_VIEW (focus);
      GdkRectangle cursor;
      int x, y;

      gtk_text_view_get_cursor_locations (view, NULL, &cursor, NULL);
      gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, cursor.x, cursor.y, &x, &y);
      if (!gtk_widget_compute_bounds (focus, content, &bounds))
        return;
      bounds.origin.y += y;
      bounds.size.height = cursor.height;
    }
  else if (!gtk_widget_compute_bounds (focus, content, &bounds))
    return;

  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  top = bounds.origin.y - FOLLOW_MARGIN;
  bottom = bounds.origin.y + MIN (bounds.size.height, page / 2) + FOLLOW_MARGIN;
  if (top < value)
    gtk_adjustment_set_value (adjustment, top);
  else if (bottom > value + page)
    gtk_adjustment_set_value (adjustment, MIN (top, bottom - page));
}

void
_ll_narrative_editor_follow_focus (LlNarrativeEditor *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock == NULL || self->follow_id != 0)
    return;
  self->follow_clock = g_object_ref (clock);
  self->follow_id = g_signal_connect (clock, "after-paint", G_CALLBACK (follow_focus_cb), self);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_LAYOUT);
}

static void
root_focus_cb (LlNarrativeEditor *self)
{
  _ll_narrative_editor_follow_focus (self);
}

static void
ll_narrative_editor_root (GtkWidget *widget)
{
  LlNarrativeEditor *self = LL_NARRATIVE_EDITOR (widget);

  GTK_WIDGET_CLASS (ll_narrative_editor_parent_class)->root (widget);
  self->root = gtk_widget_get_root (widget);
  g_signal_connect_object (self->root, "notify::focus-widget", G_CALLBACK (root_focus_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
ll_narrative_editor_unroot (GtkWidget *widget)
{
  LlNarrativeEditor *self = LL_NARRATIVE_EDITOR (widget);

  stop_following (self);
  if (self->root != NULL)
    g_signal_handlers_disconnect_by_func (self->root, root_focus_cb, self);
  self->root = NULL;
  GTK_WIDGET_CLASS (ll_narrative_editor_parent_class)->unroot (widget);
}

/* The title: a text view rather than an entry, so that a long title
 * wraps onto several lines instead of running off the page. It holds a
 * single paragraph: Enter moves on to the author, and line breaks that
 * come with pasted text become spaces. */

static char *
title_text (LlNarrativeEditor *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (self->title_buffer, &start, &end);
  return gtk_text_buffer_get_text (self->title_buffer, &start, &end, FALSE);
}

static void
title_insert_text_cb (LlNarrativeEditor *self,
                      GtkTextIter       *location,
                      const char        *text,
                      int                len,
                      GtkTextBuffer     *buffer)
{
  g_autoptr(GString) flat = NULL;
  gboolean in_break = FALSE;

  if (len < 0)
    len = strlen (text);
  if (memchr (text, '\n', len) == NULL && memchr (text, '\r', len) == NULL)
    return;

  /* each run of line breaks becomes one space, none at either end */
  flat = g_string_sized_new (len);
  for (int i = 0; i < len; i++)
    {
      if (text[i] == '\n' || text[i] == '\r')
        {
          in_break = TRUE;
          continue;
        }
      if (in_break && flat->len > 0)
        g_string_append_c (flat, ' ');
      in_break = FALSE;
      g_string_append_c (flat, text[i]);
    }
  g_signal_stop_emission_by_name (buffer, "insert-text");
  if (flat->len > 0)
    gtk_text_buffer_insert (buffer, location, flat->str, flat->len);
}

static gboolean
title_key_pressed_cb (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      LlNarrativeEditor     *self)
{
  GtkWidget *first;

  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return FALSE;
  /* on to the writing itself: the start of the first section's text */
  first = ll_narrative_editor_get_section_row (self, 0);
  if (first != NULL)
    _ll_narrative_editor_focus_text (self, LL_NARRATIVE_SECTION_ROW (first), 0);
  else
    /* without selecting the author's name, which a key would replace */
    gtk_entry_grab_focus_without_selecting (self->author_entry);
  return TRUE;
}

static void
update_title_placeholder (LlNarrativeEditor *self)
{
  gtk_widget_set_visible (self->title_placeholder,
                          gtk_text_buffer_get_char_count (self->title_buffer) == 0);
}

static void
update_title (LlNarrativeEditor *self)
{
  const char *title = self->narrative ? ll_narrative_get_title (self->narrative) : "";

  adw_window_title_set_title (self->window_title,
                              title[0] != '\0' ? title : _("Untitled Narrative"));
  adw_window_title_set_subtitle (self->window_title,
                                 self->narrative
                                 ? ll_narrative_status_to_label (ll_narrative_get_status (self->narrative))
                                 : "");
  if (self->narrative != NULL)
    {
      g_autofree char *shown = title_text (self);

      if (g_strcmp0 (shown, title) != 0)
        {
          self->loading = TRUE;
          /* a title that comes from the narrative is not the writer's to undo */
          gtk_text_buffer_begin_irreversible_action (self->title_buffer);
          gtk_text_buffer_set_text (self->title_buffer, title, -1);
          gtk_text_buffer_end_irreversible_action (self->title_buffer);
          self->loading = FALSE;
        }
    }
}

static gboolean
hide_saved_cb (gpointer data)
{
  LlNarrativeEditor *self = data;

  self->saved_id = 0;
  gtk_revealer_set_reveal_child (self->saved_revealer, FALSE);
  return G_SOURCE_REMOVE;
}

static void
modified_cb (LlNarrativeEditor *self)
{
  /* A quiet sign that the text is safe: never while some of it is not. */
  if (ll_narrative_get_unsaved (self->narrative))
    {
      g_clear_handle_id (&self->saved_id, g_source_remove);
      gtk_revealer_set_reveal_child (self->saved_revealer, FALSE);
      return;
    }
  gtk_revealer_set_reveal_child (self->saved_revealer, TRUE);
  g_clear_handle_id (&self->saved_id, g_source_remove);
  self->saved_id = g_timeout_add (SAVED_SHOWN_MS, hide_saved_cb, self);
}

static void
title_changed_cb (LlNarrativeEditor *self)
{
  g_autofree char *title = NULL;

  update_title_placeholder (self);
  if (self->loading || self->narrative == NULL || self->read_only)
    return;
  title = title_text (self);
  ll_narrative_set_title (self->narrative, title);
}

static void
author_entry_changed_cb (LlNarrativeEditor *self)
{
  if (self->loading || self->narrative == NULL || self->read_only)
    return;
  ll_narrative_set_author (self->narrative, gtk_editable_get_text (GTK_EDITABLE (self->author_entry)));
}

static void
status_selected_cb (LlNarrativeEditor *self)
{
  guint selected = gtk_drop_down_get_selected (self->status_dropdown);

  if (self->loading || self->narrative == NULL || self->read_only || selected > LL_NARRATIVE_ADOPTED)
    return;
  ll_narrative_set_status (self->narrative, (LlNarrativeStatus) selected);
}

static void
narrative_author_cb (LlNarrativeEditor *self)
{
  const char *author = ll_narrative_get_author (self->narrative);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->author_entry)), author) != 0)
    {
      self->loading = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->author_entry), author);
      self->loading = FALSE;
    }
}

static void
narrative_status_cb (LlNarrativeEditor *self)
{
  self->loading = TRUE;
  gtk_drop_down_set_selected (self->status_dropdown, ll_narrative_get_status (self->narrative));
  self->loading = FALSE;
  update_title (self);
}

static void
revision_selected_cb (LlNarrativeEditor *self)
{
  ll_narrative_editor_update_actions (self);
}

static void
revision_activated_cb (LlNarrativeEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.read-revision", NULL);
}

static void
revisions_changed_cb (LlNarrativeEditor *self)
{
  gboolean any = self->narrative != NULL
                 && g_list_model_get_n_items (ll_narrative_get_revisions (self->narrative)) > 0;

  gtk_stack_set_visible_child_name (self->revisions_stack, any ? "list" : "empty");
  ll_narrative_editor_update_actions (self);
}

/* Panes and modes */

static void
update_panes (LlNarrativeEditor *self)
{
  gboolean df = self->distraction_free;

  adw_flap_set_reveal_flap (self->outline_flap, self->show_outline && !df);
  adw_flap_set_reveal_flap (self->revisions_flap, self->show_revisions && !df);
  gtk_widget_set_visible (GTK_WIDGET (self->header_bar), !df);
  gtk_widget_set_visible (self->leave_button, df);
  gtk_revealer_set_reveal_child (self->banner_revealer, self->read_only && !df);
  if (df)
    gtk_widget_add_css_class (GTK_WIDGET (self), "distraction-free");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "distraction-free");
}

static void
set_boolean (LlNarrativeEditor *self,
             gboolean          *field,
             gboolean           value,
             guint              prop_id)
{
  value = !!value;
  if (*field == value)
    return;
  *field = value;
  update_panes (self);
  ll_narrative_editor_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
flap_revealed_cb (LlNarrativeEditor *self,
                  GParamSpec        *pspec,
                  AdwFlap           *flap)
{
  gboolean revealed = adw_flap_get_reveal_flap (flap);

  /* A folded pane closed by a click beside it stays closed. */
  if (self->distraction_free)
    return;
  if (flap == self->outline_flap)
    set_boolean (self, &self->show_outline, revealed, PROP_SHOW_OUTLINE);
  else
    set_boolean (self, &self->show_revisions, revealed, PROP_SHOW_REVISIONS);
}

static void
outline_folded_cb (LlNarrativeEditor *self)
{
  /* Narrow, the outline would cover the text: it waits to be asked for. */
  if (adw_flap_get_folded (self->outline_flap))
    set_boolean (self, &self->show_outline, FALSE, PROP_SHOW_OUTLINE);
}

gboolean
ll_narrative_editor_get_distraction_free (LlNarrativeEditor *self)
{
  g_return_val_if_fail (LL_IS_NARRATIVE_EDITOR (self), FALSE);

  return self->distraction_free;
}

void
ll_narrative_editor_set_distraction_free (LlNarrativeEditor *self,
                                          gboolean           distraction_free)
{
  g_return_if_fail (LL_IS_NARRATIVE_EDITOR (self));

  set_boolean (self, &self->distraction_free, distraction_free, PROP_DISTRACTION_FREE);
}

void
ll_narrative_editor_set_folded (LlNarrativeEditor *self,
                                gboolean           folded)
{
  g_return_if_fail (LL_IS_NARRATIVE_EDITOR (self));

  adw_header_bar_set_show_start_title_buttons (self->header_bar, folded);
  /* At a phone's width the title needs the room: prompts and revisions
   * stay in the narrative's menu. */
  gtk_widget_set_visible (self->prompts_button, !folded);
  gtk_widget_set_visible (self->revisions_button, !folded);
}

/* The narrative */

static void
disconnect_narrative (LlNarrativeEditor *self)
{
  if (self->narrative == NULL)
    return;
  _ll_narrative_editor_remember_place (self);
  ll_narrative_editor_flush (self);
  g_clear_pointer (&self->show_prompts_binding, g_binding_unbind);
  g_signal_handlers_disconnect_by_data (self->narrative, self);
  g_signal_handlers_disconnect_by_data (ll_narrative_get_sections (self->narrative), self);
  g_signal_handlers_disconnect_by_data (ll_narrative_get_revisions (self->narrative), self);
  g_clear_object (&self->narrative);
  self->current_section = NULL;
}

void
ll_narrative_editor_set_narrative (LlNarrativeEditor *self,
                                   LlNarrative       *narrative,
                                   gboolean           read_only)
{
  g_return_if_fail (LL_IS_NARRATIVE_EDITOR (self));
  g_return_if_fail (narrative == NULL || LL_IS_NARRATIVE (narrative));

  if (self->narrative == narrative && self->read_only == read_only)
    return;

  disconnect_narrative (self);
  gtk_list_box_bind_model (self->outline_list, NULL, NULL, NULL, NULL);
  gtk_list_box_bind_model (self->revisions_list, NULL, NULL, NULL, NULL);
  self->read_only = read_only;
  /* rows are made for one narrative and one mode */
  _ll_narrative_editor_sync_rows (self);

  if (narrative != NULL)
    {
      self->narrative = g_object_ref (narrative);
      /* one way: the editor writes the narrative itself, unless read-only */
      self->show_prompts_binding =
        g_object_bind_property (narrative, "show-prompts", self, "show-prompts",
                                G_BINDING_SYNC_CREATE);
      g_signal_connect_object (narrative, "notify::title", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (narrative, "notify::author", G_CALLBACK (narrative_author_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (narrative, "notify::status", G_CALLBACK (narrative_status_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (narrative, "notify::word-count", G_CALLBACK (_ll_narrative_editor_update_words), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (narrative, "notify::modified", G_CALLBACK (modified_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (narrative, "notify::unsaved", G_CALLBACK (modified_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (ll_narrative_get_sections (narrative), "items-changed",
                               G_CALLBACK (_ll_narrative_editor_sync_rows), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (ll_narrative_get_revisions (narrative), "items-changed",
                               G_CALLBACK (revisions_changed_cb), self, G_CONNECT_SWAPPED);
      gtk_list_box_bind_model (self->outline_list, ll_narrative_get_sections (narrative),
                               _ll_narrative_editor_create_outline_row, NULL, NULL);
      gtk_list_box_bind_model (self->revisions_list, ll_narrative_get_revisions (narrative),
                               ll_narrative_editor_create_revision_row, NULL, NULL);
      update_title (self);
      narrative_author_cb (self);
      narrative_status_cb (self);
    }

  gtk_text_view_set_editable (self->title_view, !read_only);
  gtk_editable_set_editable (GTK_EDITABLE (self->author_entry), !read_only);
  gtk_widget_set_sensitive (GTK_WIDGET (self->status_dropdown), !read_only);
  gtk_widget_set_visible (self->add_section_button, !read_only);
  _ll_narrative_editor_sync_rows (self);
  _ll_narrative_editor_update_words (self);
  revisions_changed_cb (self);
  outline_folded_cb (self);
  update_panes (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  gtk_revealer_set_reveal_child (self->saved_revealer, FALSE);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NARRATIVE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

LlNarrative *
ll_narrative_editor_get_narrative (LlNarrativeEditor *self)
{
  g_return_val_if_fail (LL_IS_NARRATIVE_EDITOR (self), NULL);

  return self->narrative;
}

gboolean
ll_narrative_editor_get_read_only (LlNarrativeEditor *self)
{
  g_return_val_if_fail (LL_IS_NARRATIVE_EDITOR (self), TRUE);

  return self->read_only;
}

GtkListBox *
ll_narrative_editor_get_outline (LlNarrativeEditor *self)
{
  g_return_val_if_fail (LL_IS_NARRATIVE_EDITOR (self), NULL);

  return self->outline_list;
}

GtkListBox *
ll_narrative_editor_get_revisions_list (LlNarrativeEditor *self)
{
  g_return_val_if_fail (LL_IS_NARRATIVE_EDITOR (self), NULL);

  return self->revisions_list;
}

/* GObject */

static void
ll_narrative_editor_dispose (GObject *object)
{
  LlNarrativeEditor *self = LL_NARRATIVE_EDITOR (object);

  disconnect_narrative (self);
  g_clear_handle_id (&self->saved_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), LL_TYPE_NARRATIVE_EDITOR);

  G_OBJECT_CLASS (ll_narrative_editor_parent_class)->dispose (object);
}

static void
ll_narrative_editor_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LlNarrativeEditor *self = LL_NARRATIVE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_NARRATIVE:
      g_value_set_object (value, self->narrative);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    case PROP_SHOW_OUTLINE:
      g_value_set_boolean (value, self->show_outline);
      break;
    case PROP_SHOW_REVISIONS:
      g_value_set_boolean (value, self->show_revisions);
      break;
    case PROP_SHOW_PROMPTS:
      g_value_set_boolean (value, self->show_prompts);
      break;
    case PROP_DISTRACTION_FREE:
      g_value_set_boolean (value, self->distraction_free);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_narrative_editor_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  LlNarrativeEditor *self = LL_NARRATIVE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SHOW_OUTLINE:
      set_boolean (self, &self->show_outline, g_value_get_boolean (value), PROP_SHOW_OUTLINE);
      break;
    case PROP_SHOW_REVISIONS:
      set_boolean (self, &self->show_revisions, g_value_get_boolean (value), PROP_SHOW_REVISIONS);
      break;
    case PROP_SHOW_PROMPTS:
      if (self->show_prompts == g_value_get_boolean (value))
        break;
      self->show_prompts = g_value_get_boolean (value);
      /* the narrative keeps it in the workbook */
      if (self->narrative != NULL && !self->read_only)
        ll_narrative_set_show_prompts (self->narrative, self->show_prompts);
      g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_DISTRACTION_FREE:
      ll_narrative_editor_set_distraction_free (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_narrative_editor_class_init (LlNarrativeEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = ll_narrative_editor_dispose;
  object_class->get_property = ll_narrative_editor_get_property;
  object_class->set_property = ll_narrative_editor_set_property;
  widget_class->root = ll_narrative_editor_root;
  widget_class->unroot = ll_narrative_editor_unroot;

  properties[PROP_NARRATIVE] =
    g_param_spec_object ("narrative", NULL, NULL, LL_TYPE_NARRATIVE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SHOW_OUTLINE] = g_param_spec_boolean ("show-outline", NULL, NULL, TRUE, rw);
  properties[PROP_SHOW_REVISIONS] = g_param_spec_boolean ("show-revisions", NULL, NULL, FALSE, rw);
  properties[PROP_SHOW_PROMPTS] = g_param_spec_boolean ("show-prompts", NULL, NULL, TRUE, rw);
  properties[PROP_DISTRACTION_FREE] = g_param_spec_boolean ("distraction-free", NULL, NULL, FALSE, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/leadinglearning/LeadingLearning/ll-narrative-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LlNarrativeEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LlNarrativeEditor, header_bar);
  gtk_widget_class_bind_template_child (widget_class, LlNarrativeEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, LlNarrativeEditor, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, LlNarrativeEditor, revisions_flap);
  gtk_widget_class_bind_template_child (widget_class, LlNarrativeEditor, outline_flap);
  gtk_widget_class_bind_template_child (widget_class, LlNarrativeEditor, outline_list);
  gtk_widget_class_bind_template_child (widget_class, LlNarrativeEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, LlNarrativeEditor, title_view);
  gtk_widget_class_bind_template_child (widget_class, LlNarrativeEditor, title_buffer);
  gtk_widget_class_bind_template_child (widget_class, LlNarrativeEditor, title_placeholder);
  gtk_widget_class_bind_template_child (widget_class, LlNarrativeEditor, author_entry);
  gtk_widget_class_bind_template_child (widget_class, LlNarrativeEditor, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LlNarrativeEditor, sections_box);
  gtk_widget_class_bind_template_child (widget_class, LlNarrativeEditor, add_section_button);
  gtk_widget_class_bind_template_child (widget_class, LlNarrativeEditor, words_label);
  gtk_widget_class_bind_template_child (widget_class, LlNarrativeEditor, saved_revealer);
  gtk_widget_class_bind_template_child (widget_class, LlNarrativeEditor, leave_button);
  gtk_widget_class_bind_template_child (widget_class, LlNarrativeEditor, prompts_button);
  gtk_widget_class_bind_template_child (widget_class, LlNarrativeEditor, revisions_button);
  gtk_widget_class_bind_template_child (widget_class, LlNarrativeEditor, revisions_stack);
  gtk_widget_class_bind_template_child (widget_class, LlNarrativeEditor, revisions_list);
  _ll_narrative_editor_class_init_outline (widget_class);
  gtk_widget_class_bind_template_callback (widget_class, title_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, title_insert_text_cb);
  gtk_widget_class_bind_template_callback (widget_class, author_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, flap_revealed_cb);
  gtk_widget_class_bind_template_callback (widget_class, outline_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, revision_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, revision_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ll-narrative-editor");

  ll_narrative_editor_class_install_actions (widget_class);
}

static void
ll_narrative_editor_init (LlNarrativeEditor *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  GtkEventController *key;

  self->show_outline = TRUE;
  self->show_prompts = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = LL_NARRATIVE_DRAFT; i <= LL_NARRATIVE_ADOPTED; i++)
    gtk_string_list_append (statuses, ll_narrative_status_to_label (i));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
  ll_gui_name_drop_down (self->status_dropdown, _("Status"));
  key = gtk_event_controller_key_new ();
  /* before the text view turns Enter into a new line */
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect_object (key, "key-pressed", G_CALLBACK (title_key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->title_view), key);
  update_title_placeholder (self);
  update_panes (self);
  _ll_narrative_editor_update_words (self);
  revisions_changed_cb (self);
  ll_narrative_editor_update_actions (self);
}

GtkWidget *
ll_narrative_editor_new (void)
{
  return g_object_new (LL_TYPE_NARRATIVE_EDITOR, NULL);
}
