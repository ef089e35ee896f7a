/* ll-rich-text-edit.c: how LlRichText follows and records editing
 *
 * Every change to the buffer passes through the buffer's signals here,
 * which keep each line to one style, carry formatting on into typed text,
 * and record the undo history (why it is our own: see ll-rich-text.c).
 * Keys that end lists and quotations, and plain-text pasting, are here too.
 */
#define G_LOG_DOMAIN "ll-rich-text"

#include "config.h"

#include <string.h>

#include "ll-rich-text-private.h"

typedef struct
{
  GtkTextTag *tag;
  int         start;
  int         end;
} TagRun;

typedef struct
{
  char       *text;
  GArray     *runs;       /* of TagRun */
  int         insert;
  int         bound;
  BlockStyle  tail_style;
} Snapshot;

/* Snapshots and undo ------------------------------------------------------ */

static void
snapshot_free (Snapshot *snap)
{
  g_free (snap->text);
  g_array_unref (snap->runs);
  g_free (snap);
}

static Snapshot *
snapshot_take (LlRichText *self)
{
  Snapshot *snap = g_new0 (Snapshot, 1);
  g_autoptr(GHashTable) last = g_hash_table_new (NULL, NULL);   /* tag -> run index + 1 */
  GtkTextIter start, end, iter;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  snap->text = gtk_text_iter_get_slice (&start, &end);
  snap->runs = g_array_new (FALSE, FALSE, sizeof (TagRun));
  snap->tail_style = self->tail_style;

  iter = start;
  while (!gtk_text_iter_is_end (&iter))
    {
      g_autoptr(GSList) tags = gtk_text_iter_get_tags (&iter);
      GtkTextIter next = iter;
      int from = gtk_text_iter_get_offset (&iter);
      int to;

      gtk_text_iter_forward_to_tag_toggle (&next, NULL);
      to = gtk_text_iter_get_offset (&next);
      for (GSList *l = tags; l != NULL; l = l->next)
        {
          guint index = GPOINTER_TO_UINT (g_hash_table_lookup (last, l->data));
          TagRun *prev = index > 0 ? &g_array_index (snap->runs, TagRun, index - 1) : NULL;

          if (prev != NULL && prev->end == from)
            prev->end = to;
          else
            {
              TagRun run = { l->data, from, to };

              g_array_append_val (snap->runs, run);
              g_hash_table_insert (last, l->data, GUINT_TO_POINTER (snap->runs->len));
            }
        }
      iter = next;
    }

  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, gtk_text_buffer_get_insert (self->buffer));
  snap->insert = gtk_text_iter_get_offset (&iter);
  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, gtk_text_buffer_get_selection_bound (self->buffer));
  snap->bound = gtk_text_iter_get_offset (&iter);
  return snap;
}

/* Replaces the text by @text, changing only the part that differs so that
 * the view keeps its place. */
static void
replace_text (LlRichText *self,
              const char *text)
{
  g_autofree char *old = NULL;
  GtkTextIter start, end;
  const char *o, *n, *oe, *ne;
  int prefix = 0, suffix = 0;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  old = gtk_text_iter_get_slice (&start, &end);
  o = old;
  n = text;
  while (*o != '\0' && *n != '\0')
    {
      const char *on = g_utf8_next_char (o);
      const char *nn = g_utf8_next_char (n);

      if (on - o != nn - n || memcmp (o, n, on - o) != 0)
        break;
      o = on;
      n = nn;
      prefix++;
    }
  oe = old + strlen (old);
  ne = text + strlen (text);
  while (oe > o && ne > n)
    {
      const char *op = g_utf8_prev_char (oe);
      const char *np = g_utf8_prev_char (ne);

      if (oe - op != ne - np || memcmp (op, np, oe - op) != 0)
        break;
      oe = op;
      ne = np;
      suffix++;
    }

  gtk_text_buffer_get_iter_at_offset (self->buffer, &start, prefix);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &end,
                                      gtk_text_buffer_get_char_count (self->buffer) - suffix);
  if (!gtk_text_iter_equal (&start, &end))
    gtk_text_buffer_delete (self->buffer, &start, &end);
  if (ne > n)
    gtk_text_buffer_insert (self->buffer, &start, n, ne - n);
}

static void
snapshot_restore (LlRichText     *self,
                  const Snapshot *snap)
{
  GtkTextIter start, end;

  self->internal++;
  replace_text (self, snap->text);
  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_all_tags (self->buffer, &start, &end);
  for (guint i = 0; i < snap->runs->len; i++)
    {
      const TagRun *run = &g_array_index (snap->runs, TagRun, i);

      gtk_text_buffer_get_iter_at_offset (self->buffer, &start, run->start);
      gtk_text_buffer_get_iter_at_offset (self->buffer, &end, run->end);
      gtk_text_buffer_apply_tag (self->buffer, run->tag, &start, &end);
    }
  self->tail_style = snap->tail_style;
  gtk_text_buffer_get_iter_at_offset (self->buffer, &start, snap->insert);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &end, snap->bound);
  gtk_text_buffer_select_range (self->buffer, &start, &end);
  self->internal--;

  self->pending_valid = FALSE;
  self->last_change = CHANGE_OTHER;
  gtk_text_view_scroll_mark_onscreen (self->view, gtk_text_buffer_get_insert (self->buffer));
  gtk_widget_queue_draw (GTK_WIDGET (self->view));
  ll_rich_text_update_word_count (self);
  ll_rich_text_update_toolbar (self);
  ll_rich_text_emit_changed (self);
}

void
ll_rich_text_clear_queue (GQueue *queue)
{
  g_queue_clear_full (queue, (GDestroyNotify) snapshot_free);
}

void
ll_rich_text_update_undo_actions (LlRichText *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "rich-text.undo",
                                 self->editable && !g_queue_is_empty (&self->undo));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "rich-text.redo",
                                 self->editable && !g_queue_is_empty (&self->redo));
}

static void
push_undo (LlRichText *self)
{
  g_queue_push_head (&self->undo, snapshot_take (self));
  while (g_queue_get_length (&self->undo) > MAX_UNDO)
    snapshot_free (g_queue_pop_tail (&self->undo));
  ll_rich_text_clear_queue (&self->redo);
  ll_rich_text_update_undo_actions (self);
}

/* Called before every change that the user makes: remembers the state to
 * go back to, once per user action, grouping typing by word. */
static void
record_change (LlRichText *self,
               ChangeKind  kind,
               int         start,
               int         end,
               gboolean    space)
{
  if (self->in_user_action && self->action_recorded)
    return;
  if (self->in_user_action)
    self->action_recorded = TRUE;

  if (kind == CHANGE_TYPING && self->last_change == CHANGE_TYPING
      && start == self->change_offset && !(space && !self->last_typed_space))
    {
      self->change_offset = end;
      self->last_typed_space = space;
      return;
    }
  if (kind == CHANGE_ERASING && self->last_change == CHANGE_ERASING
      && (end == self->change_offset || start == self->change_offset))
    {
      self->change_offset = start;
      return;
    }

  push_undo (self);
  self->last_change = kind;
  self->change_offset = kind == CHANGE_TYPING ? end : start;
  self->last_typed_space = space;
}

void
ll_rich_text_begin_format (LlRichText *self)
{
  gtk_text_buffer_begin_user_action (self->buffer);
  record_change (self, CHANGE_OTHER, 0, 0, FALSE);
  self->last_change = CHANGE_OTHER;
  self->internal++;
}

void
ll_rich_text_end_format (LlRichText *self)
{
  self->internal--;
  gtk_text_buffer_end_user_action (self->buffer);
  gtk_widget_queue_draw (GTK_WIDGET (self->view));
  ll_rich_text_update_toolbar (self);
  ll_rich_text_emit_changed (self);
}

/* Buffer signals ---------------------------------------------------------- */

static void
begin_user_action_cb (LlRichText *self)
{
  self->in_user_action = TRUE;
  self->action_recorded = FALSE;
}

static void
end_user_action_cb (LlRichText *self)
{
  self->in_user_action = FALSE;
}

static void
insert_text_cb (GtkTextBuffer *buffer,
                GtkTextIter   *location,
                const char    *text,
                int            len,
                LlRichText    *self)
{
  int offset = gtk_text_iter_get_offset (location);
  glong n_chars = g_utf8_strlen (text, len);
  gboolean single = n_chars == 1 && !ll_rich_text_is_line_break (g_utf8_get_char (text));
  GtkTextIter prev = *location;
  GtkTextIter next = *location;

  if (self->internal > 0)
    return;

  record_change (self, single ? CHANGE_TYPING : CHANGE_OTHER, offset, offset + (int) n_chars,
                 single && g_unichar_isspace (g_utf8_get_char (text)));

  self->insert_style = ll_rich_text_style_at (self, location);
  self->insert_at_line_end = gtk_text_iter_ends_line (location);
  self->insert_link = NULL;
  self->insert_flags = 0;
  if (self->pasting)
    return;

  /* Typing carries on the formatting of the text before it, or of the
   * paragraph's first character at its start. */
  if (!gtk_text_iter_starts_line (location) && gtk_text_iter_backward_char (&prev))
    {
      GtkTextTag *link = ll_rich_text_link_at (&prev);

      self->insert_flags = ll_rich_text_flags_at (self, &prev);
      if (link != NULL && gtk_text_iter_has_tag (&next, link))
        self->insert_link = link;
    }
  else if (!gtk_text_iter_ends_line (&next))
    self->insert_flags = ll_rich_text_flags_at (self, &next);

  if (self->pending_valid && self->pending_offset == offset)
    self->insert_flags = self->pending_flags;
}

static void
insert_text_after_cb (GtkTextBuffer *buffer,
                      GtkTextIter   *location,
                      const char    *text,
                      int            len,
                      LlRichText    *self)
{
  GtkTextIter start = *location;
  GtkTextIter end = *location;

  if (self->internal > 0)
    return;

  self->internal++;
  gtk_text_iter_backward_chars (&start, (int) g_utf8_strlen (text, len));

  for (guint s = 0; s < N_STYLES; s++)
    if (s != self->insert_style)
      gtk_text_buffer_remove_tag (buffer, self->style_tags[s], &start, &end);
  gtk_text_buffer_apply_tag (buffer, self->style_tags[self->insert_style], &start, &end);

  ll_rich_text_remove_inline_tags (self, &start, &end);
  if (self->insert_flags & INLINE_STRONG)
    gtk_text_buffer_apply_tag (buffer, self->strong_tag, &start, &end);
  if (self->insert_flags & INLINE_EMPHASIS)
    gtk_text_buffer_apply_tag (buffer, self->emphasis_tag, &start, &end);
  if (self->insert_link != NULL)
    gtk_text_buffer_apply_tag (buffer, self->insert_link, &start, &end);

  ll_rich_text_normalize_lines (self, &start, &end);
  if (gtk_text_iter_is_end (&end) && gtk_text_iter_starts_line (&end))
    self->tail_style = self->insert_style;

  /* Enter at the end of a sub-heading or an attribution goes on with an
   * ordinary paragraph. */
  if (len == 1 && text[0] == '\n' && self->insert_at_line_end
      && (self->insert_style == STYLE_HEADING || self->insert_style == STYLE_ATTRIBUTION))
    ll_rich_text_set_line_style (self, &end, STYLE_PARA);

  if (self->pending_valid && self->pending_offset == gtk_text_iter_get_offset (&start))
    self->pending_offset = gtk_text_iter_get_offset (&end);
  self->internal--;

  gtk_widget_queue_draw (GTK_WIDGET (self->view));
  ll_rich_text_update_word_count (self);
  ll_rich_text_update_toolbar (self);
  ll_rich_text_emit_changed (self);
}

static void
delete_range_cb (GtkTextBuffer *buffer,
                 GtkTextIter   *start,
                 GtkTextIter   *end,
                 LlRichText    *self)
{
  int from = gtk_text_iter_get_offset (start);
  int to = gtk_text_iter_get_offset (end);

  if (self->internal > 0)
    return;

  record_change (self, ABS (to - from) == 1 ? CHANGE_ERASING : CHANGE_OTHER,
                 MIN (from, to), MAX (from, to), FALSE);

  /* The iters may come in either order. */
  if (from > to)
    {
      GtkTextIter *tmp = start;

      start = end;
      end = tmp;
    }
  self->delete_sets_tail = gtk_text_iter_starts_line (start) && gtk_text_iter_is_end (end);
  if (self->delete_sets_tail)
    self->delete_tail_style = ll_rich_text_style_at (self, start);
}

static void
delete_range_after_cb (GtkTextBuffer *buffer,
                       GtkTextIter   *start,
                       GtkTextIter   *end,
                       LlRichText    *self)
{
  if (self->internal > 0)
    return;

  self->internal++;
  ll_rich_text_normalize_lines (self, start, start);
  if (self->delete_sets_tail)
    self->tail_style = self->delete_tail_style;
  self->delete_sets_tail = FALSE;
  self->internal--;

  gtk_widget_queue_draw (GTK_WIDGET (self->view));
  ll_rich_text_update_word_count (self);
  ll_rich_text_update_toolbar (self);
  ll_rich_text_emit_changed (self);
}

/* Block tags can arrive from elsewhere, as when text is dragged within the
 * view: keep each line to one style. */
static void
apply_tag_after_cb (GtkTextBuffer *buffer,
                    GtkTextTag    *tag,
                    GtkTextIter   *start,
                    GtkTextIter   *end,
                    LlRichText    *self)
{
  if (self->internal > 0)
    return;
  for (guint s = 0; s < N_STYLES; s++)
    if (tag == self->style_tags[s])
      {
        GtkTextIter a = *start, b = *end;

        self->internal++;
        ll_rich_text_normalize_lines (self, &a, &b);
        self->internal--;
        gtk_widget_queue_draw (GTK_WIDGET (self->view));
        return;
      }
}

static void
mark_set_cb (GtkTextBuffer     *buffer,
             const GtkTextIter *location,
             GtkTextMark       *mark,
             LlRichText        *self)
{
  if (mark != gtk_text_buffer_get_insert (buffer)
      && mark != gtk_text_buffer_get_selection_bound (buffer))
    return;
  if (mark == gtk_text_buffer_get_insert (buffer)
      && gtk_text_iter_get_offset (location) != self->pending_offset)
    self->pending_valid = FALSE;
  if (mark == gtk_text_buffer_get_insert (buffer))
    self->last_change = CHANGE_OTHER;
  ll_rich_text_update_toolbar (self);
}

static void
undo_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  LlRichText *self = LL_RICH_TEXT (widget);
  Snapshot *snap;

  if (!self->editable || g_queue_is_empty (&self->undo))
    return;
  g_queue_push_head (&self->redo, snapshot_take (self));
  snap = g_queue_pop_head (&self->undo);
  snapshot_restore (self, snap);
  snapshot_free (snap);
  ll_rich_text_update_undo_actions (self);
}

static void
redo_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  LlRichText *self = LL_RICH_TEXT (widget);
  Snapshot *snap;

  if (!self->editable || g_queue_is_empty (&self->redo))
    return;
  g_queue_push_head (&self->undo, snapshot_take (self));
  snap = g_queue_pop_head (&self->redo);
  snapshot_restore (self, snap);
  snapshot_free (snap);
  ll_rich_text_update_undo_actions (self);
}

/* Keys and pasting -------------------------------------------------------- */

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                LlRichText            *self)
{
  GtkTextIter insert, start, end;
  BlockStyle style;

  if (!self->editable || !gtk_widget_has_focus (GTK_WIDGET (self->view)))
    return FALSE;
  if (gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end))
    return FALSE;
  state &= gtk_accelerator_get_default_mod_mask ();
  gtk_text_buffer_get_iter_at_mark (self->buffer, &insert, gtk_text_buffer_get_insert (self->buffer));
  style = ll_rich_text_style_at (self, &insert);

  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter)
      && (state & ~GDK_SHIFT_MASK) == 0 && ll_rich_text_line_is_blank (&insert))
    {
      /* Enter on an empty item ends the list; on an empty quotation line
       * it asks who said it; on an empty attribution it ends the quote. */
      if (style == STYLE_BULLET || style == STYLE_NUMBER || style == STYLE_ATTRIBUTION)
        {
          ll_rich_text_set_block_style (self, STYLE_PARA, FALSE);
          return TRUE;
        }
      if (style == STYLE_QUOTE)
        {
          ll_rich_text_set_block_style (self, STYLE_ATTRIBUTION, FALSE);
          return TRUE;
        }
    }

  /* Backspace at the start of an item makes it a paragraph again. */
  if (keyval == GDK_KEY_BackSpace && state == 0 && gtk_text_iter_starts_line (&insert)
      && (style == STYLE_BULLET || style == STYLE_NUMBER
          || style == STYLE_QUOTE || style == STYLE_ATTRIBUTION))
    {
      ll_rich_text_set_block_style (self, STYLE_PARA, FALSE);
      return TRUE;
    }
  return FALSE;
}

static void
paste_text_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  g_autoptr(LlRichText) self = data;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  GString *clean;

  if (text == NULL || self->view == NULL || !self->editable)
    return;

  /* Every kind of line break starts a new paragraph. */
  clean = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r' && p[1] == '\n')
        continue;
      if (ll_rich_text_is_line_break (c))
        g_string_append_c (clean, '\n');
      else
        g_string_append_unichar (clean, c);
    }

  gtk_text_buffer_begin_user_action (self->buffer);
  gtk_text_buffer_delete_selection (self->buffer, TRUE, TRUE);
  self->pasting = TRUE;
  gtk_text_buffer_insert_interactive_at_cursor (self->buffer, clean->str, (int) clean->len, TRUE);
  self->pasting = FALSE;
  gtk_text_buffer_end_user_action (self->buffer);
  g_string_free (clean, TRUE);
  gtk_text_view_scroll_mark_onscreen (self->view, gtk_text_buffer_get_insert (self->buffer));
}

static void
paste_clipboard_cb (GtkTextView *view,
                    LlRichText  *self)
{
  /* Only plain text comes in: formatting from elsewhere would not survive
   * being saved as DocBook, and should not look as if it did. */
  g_signal_stop_emission_by_name (view, "paste-clipboard");
  if (!self->editable)
    return;
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (view)), NULL,
                                 paste_text_cb, g_object_ref (self));
}

/* Setting up -------------------------------------------------------------- */

void
ll_rich_text_edit_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "rich-text.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "rich-text.redo", NULL, redo_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "rich-text.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "rich-text.redo", NULL);
}

void
ll_rich_text_edit_init (LlRichText *self)
{
  GtkEventController *keys;

  g_signal_connect (self->buffer, "insert-text", G_CALLBACK (insert_text_cb), self);
  g_signal_connect_after (self->buffer, "insert-text", G_CALLBACK (insert_text_after_cb), self);
  g_signal_connect (self->buffer, "delete-range", G_CALLBACK (delete_range_cb), self);
  g_signal_connect_after (self->buffer, "delete-range", G_CALLBACK (delete_range_after_cb), self);
  g_signal_connect_after (self->buffer, "apply-tag", G_CALLBACK (apply_tag_after_cb), self);
  g_signal_connect (self->buffer, "mark-set", G_CALLBACK (mark_set_cb), self);
  g_signal_connect_swapped (self->buffer, "begin-user-action", G_CALLBACK (begin_user_action_cb), self);
  g_signal_connect_swapped (self->buffer, "end-user-action", G_CALLBACK (end_user_action_cb), self);
  g_signal_connect (self->view, "paste-clipboard", G_CALLBACK (paste_clipboard_cb), self);

  /* before the text view, which would insert the newline or delete */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}
