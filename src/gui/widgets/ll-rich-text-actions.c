/* ll-rich-text-actions.c: LlRichText's formatting actions and toolbar
 *
 * The rich-text.* actions, the toolbar buttons' state at the cursor, the
 * overflow menu, and the link popover.
 */
#define G_LOG_DOMAIN "ll-rich-text"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ll-rich-text-private.h"

static guint
cursor_flags (LlRichText *self)
{
  GtkTextIter insert, start, end;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &insert, gtk_text_buffer_get_insert (self->buffer));
  if (gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end))
    return ll_rich_text_flags_at (self, &start);
  if (self->pending_valid && self->pending_offset == gtk_text_iter_get_offset (&insert))
    return self->pending_flags;
  start = insert;
  if (!gtk_text_iter_starts_line (&start) && gtk_text_iter_backward_char (&start))
    return ll_rich_text_flags_at (self, &start);
  if (!gtk_text_iter_ends_line (&insert))
    return ll_rich_text_flags_at (self, &insert);
  return 0;
}

static GtkTextTag *
cursor_link (LlRichText  *self,
             GtkTextIter *where)
{
  GtkTextIter insert, prev;
  GtkTextTag *link;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &insert, gtk_text_buffer_get_insert (self->buffer));
  if ((link = ll_rich_text_link_at (&insert)) != NULL)
    {
      *where = insert;
      return link;
    }
  prev = insert;
  if (!gtk_text_iter_starts_line (&prev) && gtk_text_iter_backward_char (&prev)
      && (link = ll_rich_text_link_at (&prev)) != NULL)
    {
      *where = prev;
      return link;
    }
  return NULL;
}

/* An empty last line has no character to carry its style's indent, and
 * the view's own margin applies to it alone (every styled line sets its
 * margin through its tag): so the view's margin follows that line. */
static void
update_tail_margin (LlRichText *self)
{
  GtkTextIter end;
  int margin = MARGIN;

  gtk_text_buffer_get_end_iter (self->buffer, &end);
  if (gtk_text_iter_starts_line (&end))
    margin += ll_rich_text_style_indent[self->tail_style];
  if (gtk_text_view_get_left_margin (self->view) != margin)
    gtk_text_view_set_left_margin (self->view, margin);
}

void
ll_rich_text_update_toolbar (LlRichText *self)
{
  GtkTextIter insert, where;
  BlockStyle style;
  guint flags;

  if (self->view == NULL)
    return;
  update_tail_margin (self);
  gtk_text_buffer_get_iter_at_mark (self->buffer, &insert, gtk_text_buffer_get_insert (self->buffer));
  style = ll_rich_text_style_at (self, &insert);
  flags = cursor_flags (self);

  gtk_toggle_button_set_active (self->paragraph_button, style == STYLE_PARA);
  gtk_toggle_button_set_active (self->heading_button, style == STYLE_HEADING);
  gtk_toggle_button_set_active (self->bullets_button, style == STYLE_BULLET);
  gtk_toggle_button_set_active (self->numbers_button, style == STYLE_NUMBER);
  gtk_toggle_button_set_active (self->quote_button,
                                style == STYLE_QUOTE || style == STYLE_ATTRIBUTION);
  gtk_toggle_button_set_active (self->bold_button, (flags & INLINE_STRONG) != 0);
  gtk_toggle_button_set_active (self->italic_button, (flags & INLINE_EMPHASIS) != 0);
  gtk_toggle_button_set_active (self->link_button, cursor_link (self, &where) != NULL);
}

/* Formatting -------------------------------------------------------------- */

/* The lines that a block style applies to: those of the selection, less a
 * last line that the selection only touches at its start. */
static void
selected_lines (LlRichText *self,
                int        *first,
                int        *last)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end);
  *first = gtk_text_iter_get_line (&start);
  *last = gtk_text_iter_get_line (&end);
  if (*last > *first && gtk_text_iter_starts_line (&end))
    (*last)--;
}

void
ll_rich_text_set_block_style (LlRichText *self,
                              BlockStyle  style,
                              gboolean    toggle)
{
  int first, last;
  gboolean all = TRUE;

  if (!self->editable)
    return;
  selected_lines (self, &first, &last);
  for (int line = first; line <= last && all; line++)
    {
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_line (self->buffer, &iter, line);
      all = ll_rich_text_style_at (self, &iter) == style;
    }
  if (all && !toggle)
    return;
  if (all)
    style = STYLE_PARA;

  ll_rich_text_begin_format (self);
  for (int line = first; line <= last; line++)
    {
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_line (self->buffer, &iter, line);
      ll_rich_text_set_line_style (self, &iter, style);
    }
  ll_rich_text_end_format (self);
}

static void
toggle_inline (LlRichText *self,
               guint       flag)
{
  GtkTextTag *tag = flag == INLINE_STRONG ? self->strong_tag : self->emphasis_tag;
  GtkTextIter start, end, iter;
  gboolean all = TRUE;

  if (!self->editable)
    return;
  if (!gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end))
    {
      /* nothing selected: the choice applies to what is typed next */
      gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, gtk_text_buffer_get_insert (self->buffer));
      self->pending_flags = cursor_flags (self) ^ flag;
      self->pending_offset = gtk_text_iter_get_offset (&iter);
      self->pending_valid = TRUE;
      ll_rich_text_update_toolbar (self);
      return;
    }

  for (iter = start; gtk_text_iter_compare (&iter, &end) < 0 && all; gtk_text_iter_forward_char (&iter))
    if (!gtk_text_iter_ends_line (&iter) && !gtk_text_iter_has_tag (&iter, tag))
      all = FALSE;

  ll_rich_text_begin_format (self);
  if (all)
    gtk_text_buffer_remove_tag (self->buffer, tag, &start, &end);
  else
    gtk_text_buffer_apply_tag (self->buffer, tag, &start, &end);
  ll_rich_text_end_format (self);
}

static void
bold_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  toggle_inline (LL_RICH_TEXT (widget), INLINE_STRONG);
}

static void
italic_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  toggle_inline (LL_RICH_TEXT (widget), INLINE_EMPHASIS);
}

static void
block_action (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  LlRichText *self = LL_RICH_TEXT (widget);

  if (g_str_equal (name, "rich-text.paragraph"))
    ll_rich_text_set_block_style (self, STYLE_PARA, FALSE);
  else if (g_str_equal (name, "rich-text.heading"))
    ll_rich_text_set_block_style (self, STYLE_HEADING, TRUE);
  else if (g_str_equal (name, "rich-text.bullets"))
    ll_rich_text_set_block_style (self, STYLE_BULLET, TRUE);
  else if (g_str_equal (name, "rich-text.numbers"))
    ll_rich_text_set_block_style (self, STYLE_NUMBER, TRUE);
  else if (g_str_equal (name, "rich-text.attribution"))
    ll_rich_text_set_block_style (self, STYLE_ATTRIBUTION, TRUE);
  else if (g_str_equal (name, "rich-text.quote"))
    {
      GtkTextIter insert;

      /* the quotation button also takes an attribution out of the quotation */
      gtk_text_buffer_get_iter_at_mark (self->buffer, &insert, gtk_text_buffer_get_insert (self->buffer));
      if (ll_rich_text_style_at (self, &insert) == STYLE_ATTRIBUTION)
        ll_rich_text_set_block_style (self, STYLE_PARA, FALSE);
      else
        ll_rich_text_set_block_style (self, STYLE_QUOTE, TRUE);
    }
}

/* Links ------------------------------------------------------------------- */

static char *
normalize_href (const char *text)
{
  g_autofree char *href = g_strstrip (ll_rich_text_one_line (text));

  if (href[0] == '\0')
    return g_strdup ("");
  if (g_uri_peek_scheme (href) != NULL)
    return g_steal_pointer (&href);
  if (strchr (href, '@') != NULL && strchr (href, '/') == NULL)
    return g_strconcat ("mailto:", href, NULL);
  return g_strconcat ("https://", href, NULL);
}

static void
link_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  LlRichText *self = LL_RICH_TEXT (widget);
  GtkTextIter start, end, where;
  GtkTextTag *link;
  GdkRectangle rect, end_rect;
  double x, y;

  if (!self->editable)
    return;

  link = cursor_link (self, &where);
  if (!gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end))
    {
      if (link != NULL)
        {
          /* the whole of the link at the cursor */
          start = end = where;
          if (!gtk_text_iter_starts_tag (&start, link))
            gtk_text_iter_backward_to_tag_toggle (&start, link);
          gtk_text_iter_forward_to_tag_toggle (&end, link);
        }
      else if (gtk_text_iter_inside_word (&start) || gtk_text_iter_ends_word (&start))
        {
          /* the word at the cursor */
          if (!gtk_text_iter_starts_word (&start))
            gtk_text_iter_backward_word_start (&start);
          if (!gtk_text_iter_ends_word (&end))
            gtk_text_iter_forward_word_end (&end);
        }
    }
  else if (link == NULL)
    link = ll_rich_text_link_at (&start);

  gtk_text_buffer_move_mark (self->buffer, self->link_start, &start);
  gtk_text_buffer_move_mark (self->buffer, self->link_end, &end);

  gtk_editable_set_text (GTK_EDITABLE (self->link_entry), link != NULL ? ll_rich_text_link_href (link) : "");
  gtk_widget_set_visible (self->link_remove_button, link != NULL);

  /* point at the text the link is for */
  gtk_text_view_get_iter_location (self->view, &start, &rect);
  gtk_text_view_get_iter_location (self->view, &end, &end_rect);
  if (end_rect.y == rect.y && end_rect.x > rect.x)
    rect.width = end_rect.x - rect.x;
  gtk_text_view_buffer_to_window_coords (self->view, GTK_TEXT_WINDOW_WIDGET,
                                         rect.x, rect.y, &rect.x, &rect.y);
  if (gtk_widget_translate_coordinates (GTK_WIDGET (self->view), GTK_WIDGET (self),
                                        rect.x, rect.y, &x, &y))
    {
      rect.x = (int) x;
      rect.y = (int) y;
      rect.width = MAX (rect.width, 1);
      gtk_popover_set_pointing_to (self->link_popover, &rect);
    }
  gtk_popover_popup (self->link_popover);
  gtk_widget_grab_focus (GTK_WIDGET (self->link_entry));
}

static void
set_link (LlRichText *self,
          const char *href)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &start, self->link_start);
  gtk_text_buffer_get_iter_at_mark (self->buffer, &end, self->link_end);

  if (gtk_text_iter_equal (&start, &end) && href == NULL)
    return;

  /* one step to undo, even when the address is typed in as the text */
  gtk_text_buffer_begin_user_action (self->buffer);
  if (gtk_text_iter_equal (&start, &end))
    {
      /* nothing to make a link of: the address becomes the text, between
       * the marks (the start one stays put, the end one moves on) */
      gtk_text_buffer_insert_interactive (self->buffer, &start, href, -1, TRUE);
      gtk_text_buffer_get_iter_at_mark (self->buffer, &start, self->link_start);
      gtk_text_buffer_get_iter_at_mark (self->buffer, &end, self->link_end);
    }

  ll_rich_text_begin_format (self);
  {
    g_autoptr(GPtrArray) found = g_ptr_array_new ();
    GtkTextIter iter = start;

    while (gtk_text_iter_compare (&iter, &end) < 0)
      {
        GtkTextTag *link = ll_rich_text_link_at (&iter);

        if (link != NULL && !g_ptr_array_find (found, link, NULL))
          g_ptr_array_add (found, link);
        if (!gtk_text_iter_forward_to_tag_toggle (&iter, NULL))
          break;
      }
    for (guint i = 0; i < found->len; i++)
      gtk_text_buffer_remove_tag (self->buffer, found->pdata[i], &start, &end);
  }
  if (href != NULL)
    gtk_text_buffer_apply_tag (self->buffer, ll_rich_text_get_link_tag (self, href), &start, &end);
  ll_rich_text_end_format (self);
  gtk_text_buffer_end_user_action (self->buffer);
}

static void
link_apply_cb (LlRichText *self)
{
  g_autofree char *href = normalize_href (gtk_editable_get_text (GTK_EDITABLE (self->link_entry)));

  gtk_popover_popdown (self->link_popover);
  set_link (self, href[0] != '\0' ? href : NULL);
}

static void
link_remove_cb (LlRichText *self)
{
  gtk_popover_popdown (self->link_popover);
  set_link (self, NULL);
}

static void
link_popover_closed_cb (LlRichText *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

/* The overflow menu ------------------------------------------------------- */

/* The menu offers what the toolbar had no room for: the history goes
 * first, then the paragraph styles (see ll-rich-text-toolbar.c). */
static void
more_button_create_popup (GtkMenuButton *button,
                          gpointer       data)
{
  LlRichText *self = data;
  GMenuModel *menus[] = { self->wide_menu, self->medium_menu, self->narrow_menu };
  guint n = ll_rich_text_toolbar_get_n_collapsed (LL_RICH_TEXT_TOOLBAR (self->toolbar));
  GMenuModel *menu = menus[MIN (n, G_N_ELEMENTS (menus) - 1)];

  if (gtk_menu_button_get_menu_model (button) != menu)
    gtk_menu_button_set_menu_model (button, menu);
}

/* Setting up -------------------------------------------------------------- */

void
ll_rich_text_actions_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, link_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, link_remove_cb);
  gtk_widget_class_bind_template_callback (widget_class, link_popover_closed_cb);

  gtk_widget_class_install_action (widget_class, "rich-text.bold", NULL, bold_action);
  gtk_widget_class_install_action (widget_class, "rich-text.italic", NULL, italic_action);
  gtk_widget_class_install_action (widget_class, "rich-text.paragraph", NULL, block_action);
  gtk_widget_class_install_action (widget_class, "rich-text.heading", NULL, block_action);
  gtk_widget_class_install_action (widget_class, "rich-text.bullets", NULL, block_action);
  gtk_widget_class_install_action (widget_class, "rich-text.numbers", NULL, block_action);
  gtk_widget_class_install_action (widget_class, "rich-text.quote", NULL, block_action);
  gtk_widget_class_install_action (widget_class, "rich-text.attribution", NULL, block_action);
  gtk_widget_class_install_action (widget_class, "rich-text.link", NULL, link_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_b, GDK_CONTROL_MASK, "rich-text.bold", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "rich-text.italic", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK, "rich-text.link", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "rich-text.heading", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "rich-text.paragraph", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_8, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "rich-text.bullets", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_7, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "rich-text.numbers", NULL);
  /* what Shift+8 and Shift+7 type on British and American keyboards */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_asterisk, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "rich-text.bullets", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ampersand, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "rich-text.numbers", NULL);
}

void
ll_rich_text_actions_init (LlRichText *self)
{
  LlRichTextToolbar *toolbar = LL_RICH_TEXT_TOOLBAR (self->toolbar);

  /* the history has keys everyone knows; paragraph styles go next */
  ll_rich_text_toolbar_add_collapsible (toolbar, self->history_group);
  ll_rich_text_toolbar_add_collapsible (toolbar, self->style_group);
  gtk_menu_button_set_create_popup_func (self->more_button, more_button_create_popup, self, NULL);
}
