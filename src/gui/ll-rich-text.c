/* ll-rich-text.c: the rich-text editor for narrative sections
 *
 * The buffer holds one paragraph per line. Every character carries exactly
 * one block tag, the style of its line (its newline included): paragraph,
 * sub-heading, bulleted or numbered item, quotation or attribution. The
 * last line can be empty and so carry no character; its style is kept in
 * tail_style. Inline formatting is the "strong" and "emphasis" tags and
 * one tag per link address (holding the href as object data).
 *
 * Mapping to the LL_DOC_BODY tree (the stored form is its DocBook fragment):
 * - each non-blank line is one block; blank lines are dropped;
 * - a sub-heading starts a SECTION titled with its text, holding the blocks
 *   after it until the next sub-heading (DocBook allows no blocks after a
 *   nested section, so this is the canonical shape);
 * - consecutive bulleted lines make one ITEMIZED_LIST of LIST_ITEMs of one
 *   PARA each, numbered lines one ORDERED_LIST;
 * - consecutive quotation lines make one BLOCKQUOTE of PARAs, and an
 *   attribution line right after them its attr (an attribution line on its
 *   own is a quotation with an attribution only);
 * - inline runs nest as LINK outside STRONG outside EMPHASIS, neighbours
 *   with the same formatting are merged, and whitespace is collapsed as
 *   DocBook reads it, so the tree is already in the writer's canonical form.
 * Headings and attributions are plain strings in the tree, so formatting
 * inside them is not kept.
 *
 * Bullets, numbers and the attribution dash are drawn in the margin by the
 * text view rather than stored as text, so they cannot be edited or
 * selected and numbers follow the items as they come and go.
 *
 * Undo: GtkTextBuffer's own history records text only, never tags (so
 * undoing a deletion would bring words back without their bold, and bold
 * itself could not be undone). This editor keeps its own history of
 * snapshots (text, tags, cursor) taken before each user action, with
 * typing grouped by word.
 */
#define G_LOG_DOMAIN "ll-rich-text"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ll-docbook.h"
#include "ll-rich-text.h"

#define MAX_UNDO 200
/* The view's margin. A tag's left margin replaces it rather than adding
 * to it, so indents are given as MARGIN + indent. */
#define MARGIN 18
#define LINK_HREF_KEY "ll-rich-text-href"

typedef enum {
  STYLE_PARA,
  STYLE_HEADING,
  STYLE_BULLET,
  STYLE_NUMBER,
  STYLE_QUOTE,
  STYLE_ATTRIBUTION,
  N_STYLES
} BlockStyle;

enum {
  INLINE_STRONG   = 1 << 0,
  INLINE_EMPHASIS = 1 << 1,
};

typedef enum {
  CHANGE_OTHER,
  CHANGE_TYPING,
  CHANGE_ERASING,
} ChangeKind;

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

/* The text view, which draws list markers and quotation bars */

#define LL_TYPE_RICH_TEXT_VIEW (ll_rich_text_view_get_type ())

G_DECLARE_FINAL_TYPE (LlRichTextView, ll_rich_text_view, LL, RICH_TEXT_VIEW, GtkTextView)

struct _LlRichTextView
{
  GtkTextView  parent_instance;
  LlRichText  *owner;   /* unowned: the view is the owner's child */
};

G_DEFINE_FINAL_TYPE (LlRichTextView, ll_rich_text_view, GTK_TYPE_TEXT_VIEW)

struct _LlRichText
{
  GtkWidget        parent_instance;

  GtkWidget       *toolbar;
  GtkTextView     *view;
  GtkToggleButton *paragraph_button;
  GtkToggleButton *heading_button;
  GtkToggleButton *bold_button;
  GtkToggleButton *italic_button;
  GtkToggleButton *link_button;
  GtkToggleButton *bullets_button;
  GtkToggleButton *numbers_button;
  GtkToggleButton *quote_button;
  GtkPopover      *link_popover;
  GtkEntry        *link_entry;
  GtkWidget       *link_remove_button;

  GtkTextBuffer   *buffer;
  GtkTextTag      *style_tags[N_STYLES];
  GtkTextTag      *strong_tag;
  GtkTextTag      *emphasis_tag;
  GHashTable      *link_tags;        /* href -> GtkTextTag, owned by the table */
  GtkTextMark     *link_start;
  GtkTextMark     *link_end;
  BlockStyle       tail_style;

  GQueue           undo;             /* of Snapshot, newest first */
  GQueue           redo;
  gboolean         in_user_action;
  gboolean         action_recorded;
  ChangeKind       last_change;
  int              change_offset;
  gboolean         last_typed_space;

  guint            internal;         /* we are changing the buffer ourselves */
  gboolean         pasting;

  /* bold or italic chosen with nothing selected, for the next typing */
  gboolean         pending_valid;
  guint            pending_flags;
  int              pending_offset;

  /* what an insertion inherits, worked out before it happens */
  BlockStyle       insert_style;
  gboolean         insert_at_line_end;
  guint            insert_flags;
  GtkTextTag      *insert_link;

  /* a deletion that leaves the last line empty hands its style on */
  gboolean         delete_sets_tail;
  BlockStyle       delete_tail_style;

  guint            word_count;
  gboolean         editable;
  char            *accessible_label;
};

G_DEFINE_FINAL_TYPE (LlRichText, ll_rich_text, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SHOW_TOOLBAR,
  PROP_EDITABLE,
  PROP_WORD_COUNT,
  PROP_ACCESSIBLE_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* how far each style is indented beyond MARGIN */
static const int style_indent[N_STYLES] = { 0, 0, 28, 28, 32, 52 };

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update_toolbar     (LlRichText *self);
static void update_word_count  (LlRichText *self);

/* Small helpers ----------------------------------------------------------- */

static gboolean
is_xml_space (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static gboolean
is_line_break (gunichar c)
{
  return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029;
}

/* @text on one line: line breaks become spaces. */
static char *
one_line (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_line_break (c))
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static void
line_bounds (const GtkTextIter *iter,
             GtkTextIter       *start,
             GtkTextIter       *end,
             gboolean           with_newline)
{
  *start = *iter;
  gtk_text_iter_set_line_offset (start, 0);
  *end = *start;
  if (!gtk_text_iter_ends_line (end))
    gtk_text_iter_forward_to_line_end (end);
  if (with_newline && !gtk_text_iter_is_end (end))
    gtk_text_iter_forward_char (end);
}

static char *
line_text (const GtkTextIter *iter)
{
  GtkTextIter start, end;

  line_bounds (iter, &start, &end, FALSE);
  return gtk_text_iter_get_slice (&start, &end);
}

static gboolean
line_is_blank (const GtkTextIter *iter)
{
  g_autofree char *text = line_text (iter);

  return is_blank (text);
}

static const char *
link_href (GtkTextTag *tag)
{
  return g_object_get_data (G_OBJECT (tag), LINK_HREF_KEY);
}

static gboolean
is_inline_tag (LlRichText *self,
               GtkTextTag *tag)
{
  return tag == self->strong_tag || tag == self->emphasis_tag || link_href (tag) != NULL;
}

static GtkTextTag *
link_at (const GtkTextIter *iter)
{
  g_autoptr(GSList) tags = gtk_text_iter_get_tags (iter);

  for (GSList *l = tags; l != NULL; l = l->next)
    if (link_href (l->data) != NULL)
      return l->data;
  return NULL;
}

static guint
flags_at (LlRichText        *self,
          const GtkTextIter *iter)
{
  guint flags = 0;

  if (gtk_text_iter_has_tag (iter, self->strong_tag))
    flags |= INLINE_STRONG;
  if (gtk_text_iter_has_tag (iter, self->emphasis_tag))
    flags |= INLINE_EMPHASIS;
  return flags;
}

static void
get_link_color (GdkRGBA *color)
{
  /* libadwaita 1.2's accent_color, which is meant for text */
  if (adw_style_manager_get_dark (adw_style_manager_get_default ()))
    gdk_rgba_parse (color, "#78aeed");
  else
    gdk_rgba_parse (color, "#1c71d8");
}

static GtkTextTag *
get_link_tag (LlRichText *self,
              const char *href)
{
  GtkTextTag *tag = g_hash_table_lookup (self->link_tags, href);
  GdkRGBA color;

  if (tag != NULL)
    return tag;
  get_link_color (&color);
  tag = gtk_text_buffer_create_tag (self->buffer, NULL,
                                    "underline", PANGO_UNDERLINE_SINGLE,
                                    "foreground-rgba", &color,
                                    NULL);
  g_object_set_data_full (G_OBJECT (tag), LINK_HREF_KEY, g_strdup (href), g_free);
  g_hash_table_insert (self->link_tags, g_strdup (href), tag);
  return tag;
}

static void
style_manager_dark_cb (LlRichText *self)
{
  GHashTableIter iter;
  gpointer tag;
  GdkRGBA color;

  get_link_color (&color);
  g_hash_table_iter_init (&iter, self->link_tags);
  while (g_hash_table_iter_next (&iter, NULL, &tag))
    g_object_set (tag, "foreground-rgba", &color, NULL);
}

/* Removes strong, emphasis and links from [start, end). */
static void
remove_inline_tags (LlRichText        *self,
                    const GtkTextIter *start,
                    const GtkTextIter *end)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  GtkTextIter iter = *start;

  while (gtk_text_iter_compare (&iter, end) < 0)
    {
      g_autoptr(GSList) tags = gtk_text_iter_get_tags (&iter);

      for (GSList *l = tags; l != NULL; l = l->next)
        if (is_inline_tag (self, l->data) && !g_ptr_array_find (found, l->data, NULL))
          g_ptr_array_add (found, l->data);
      if (!gtk_text_iter_forward_to_tag_toggle (&iter, NULL))
        break;
    }
  for (guint i = 0; i < found->len; i++)
    gtk_text_buffer_remove_tag (self->buffer, found->pdata[i], start, end);
}

/* Block styles ------------------------------------------------------------ */

/* The style of the line that holds @iter: the block tag of its first
 * tagged character, or tail_style for an empty last line. */
static BlockStyle
style_at (LlRichText        *self,
          const GtkTextIter *iter)
{
  GtkTextIter it = *iter;

  gtk_text_iter_set_line_offset (&it, 0);
  if (gtk_text_iter_is_end (&it))
    return self->tail_style;
  while (TRUE)
    {
      for (guint s = 0; s < N_STYLES; s++)
        if (gtk_text_iter_has_tag (&it, self->style_tags[s]))
          return s;
      if (gtk_text_iter_ends_line (&it) || !gtk_text_iter_forward_char (&it)
          || gtk_text_iter_is_end (&it))
        break;
    }
  return STYLE_PARA;
}

static void
set_line_style (LlRichText        *self,
                const GtkTextIter *iter,
                BlockStyle         style)
{
  GtkTextIter start, end;

  line_bounds (iter, &start, &end, TRUE);
  if (gtk_text_iter_is_end (&end))
    self->tail_style = style;
  if (gtk_text_iter_equal (&start, &end))
    return;
  for (guint s = 0; s < N_STYLES; s++)
    if (s != style)
      gtk_text_buffer_remove_tag (self->buffer, self->style_tags[s], &start, &end);
  gtk_text_buffer_apply_tag (self->buffer, self->style_tags[style], &start, &end);
}

/* Gives every line from @start's to @end's one style throughout. */
static void
normalize_lines (LlRichText        *self,
                 const GtkTextIter *start,
                 const GtkTextIter *end)
{
  int first = gtk_text_iter_get_line (start);
  int last = gtk_text_iter_get_line (end);

  for (int line = first; line <= last; line++)
    {
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_line (self->buffer, &iter, line);
      set_line_style (self, &iter, style_at (self, &iter));
    }
}

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
  update_word_count (self);
  update_toolbar (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
clear_queue (GQueue *queue)
{
  g_queue_clear_full (queue, (GDestroyNotify) snapshot_free);
}

static void
update_undo_actions (LlRichText *self)
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
  clear_queue (&self->redo);
  update_undo_actions (self);
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

static void
begin_format (LlRichText *self)
{
  gtk_text_buffer_begin_user_action (self->buffer);
  record_change (self, CHANGE_OTHER, 0, 0, FALSE);
  self->last_change = CHANGE_OTHER;
  self->internal++;
}

static void
end_format (LlRichText *self)
{
  self->internal--;
  gtk_text_buffer_end_user_action (self->buffer);
  gtk_widget_queue_draw (GTK_WIDGET (self->view));
  update_toolbar (self);
  g_signal_emit (self, signals[CHANGED], 0);
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
  gboolean single = n_chars == 1 && !is_line_break (g_utf8_get_char (text));
  GtkTextIter prev = *location;
  GtkTextIter next = *location;

  if (self->internal > 0)
    return;

  record_change (self, single ? CHANGE_TYPING : CHANGE_OTHER, offset, offset + (int) n_chars,
                 single && g_unichar_isspace (g_utf8_get_char (text)));

  self->insert_style = style_at (self, location);
  self->insert_at_line_end = gtk_text_iter_ends_line (location);
  self->insert_link = NULL;
  self->insert_flags = 0;
  if (self->pasting)
    return;

  /* Typing carries on the formatting of the text before it, or of the
   * paragraph's first character at its start. */
  if (!gtk_text_iter_starts_line (location) && gtk_text_iter_backward_char (&prev))
    {
      GtkTextTag *link = link_at (&prev);

      self->insert_flags = flags_at (self, &prev);
      if (link != NULL && gtk_text_iter_has_tag (&next, link))
        self->insert_link = link;
    }
  else if (!gtk_text_iter_ends_line (&next))
    self->insert_flags = flags_at (self, &next);

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

  remove_inline_tags (self, &start, &end);
  if (self->insert_flags & INLINE_STRONG)
    gtk_text_buffer_apply_tag (buffer, self->strong_tag, &start, &end);
  if (self->insert_flags & INLINE_EMPHASIS)
    gtk_text_buffer_apply_tag (buffer, self->emphasis_tag, &start, &end);
  if (self->insert_link != NULL)
    gtk_text_buffer_apply_tag (buffer, self->insert_link, &start, &end);

  normalize_lines (self, &start, &end);
  if (gtk_text_iter_is_end (&end) && gtk_text_iter_starts_line (&end))
    self->tail_style = self->insert_style;

  /* Enter at the end of a sub-heading or an attribution goes on with an
   * ordinary paragraph. */
  if (len == 1 && text[0] == '\n' && self->insert_at_line_end
      && (self->insert_style == STYLE_HEADING || self->insert_style == STYLE_ATTRIBUTION))
    set_line_style (self, &end, STYLE_PARA);

  if (self->pending_valid && self->pending_offset == gtk_text_iter_get_offset (&start))
    self->pending_offset = gtk_text_iter_get_offset (&end);
  self->internal--;

  gtk_widget_queue_draw (GTK_WIDGET (self->view));
  update_word_count (self);
  update_toolbar (self);
  g_signal_emit (self, signals[CHANGED], 0);
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
    self->delete_tail_style = style_at (self, start);
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
  normalize_lines (self, start, start);
  if (self->delete_sets_tail)
    self->tail_style = self->delete_tail_style;
  self->delete_sets_tail = FALSE;
  self->internal--;

  gtk_widget_queue_draw (GTK_WIDGET (self->view));
  update_word_count (self);
  update_toolbar (self);
  g_signal_emit (self, signals[CHANGED], 0);
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
        normalize_lines (self, &a, &b);
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
  update_toolbar (self);
}

/* Words and the toolbar --------------------------------------------------- */

static guint
count_words (const char *text)
{
  guint words = 0;
  gboolean counted = FALSE;

  /* a run of non-spaces is a word if it holds a letter or a digit: a dash
   * on its own is not */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        counted = FALSE;
      else if (!counted && g_unichar_isalnum (c))
        {
          words++;
          counted = TRUE;
        }
    }
  return words;
}

static void
update_word_count (LlRichText *self)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  guint words;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  text = gtk_text_iter_get_slice (&start, &end);
  words = count_words (text);
  if (words == self->word_count)
    return;
  self->word_count = words;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORD_COUNT]);
}

/* The formatting that typing at the cursor would get. */
static guint
cursor_flags (LlRichText *self)
{
  GtkTextIter insert, start, end;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &insert, gtk_text_buffer_get_insert (self->buffer));
  if (gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end))
    return flags_at (self, &start);
  if (self->pending_valid && self->pending_offset == gtk_text_iter_get_offset (&insert))
    return self->pending_flags;
  start = insert;
  if (!gtk_text_iter_starts_line (&start) && gtk_text_iter_backward_char (&start))
    return flags_at (self, &start);
  if (!gtk_text_iter_ends_line (&insert))
    return flags_at (self, &insert);
  return 0;
}

static GtkTextTag *
cursor_link (LlRichText  *self,
             GtkTextIter *where)
{
  GtkTextIter insert, prev;
  GtkTextTag *link;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &insert, gtk_text_buffer_get_insert (self->buffer));
  if ((link = link_at (&insert)) != NULL)
    {
      *where = insert;
      return link;
    }
  prev = insert;
  if (!gtk_text_iter_starts_line (&prev) && gtk_text_iter_backward_char (&prev)
      && (link = link_at (&prev)) != NULL)
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
    margin += style_indent[self->tail_style];
  if (gtk_text_view_get_left_margin (self->view) != margin)
    gtk_text_view_set_left_margin (self->view, margin);
}

static void
update_toolbar (LlRichText *self)
{
  GtkTextIter insert, where;
  BlockStyle style;
  guint flags;

  if (self->view == NULL)
    return;
  update_tail_margin (self);
  gtk_text_buffer_get_iter_at_mark (self->buffer, &insert, gtk_text_buffer_get_insert (self->buffer));
  style = style_at (self, &insert);
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

static void
set_block_style (LlRichText *self,
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
      all = style_at (self, &iter) == style;
    }
  if (all && !toggle)
    return;
  if (all)
    style = STYLE_PARA;

  begin_format (self);
  for (int line = first; line <= last; line++)
    {
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_line (self->buffer, &iter, line);
      set_line_style (self, &iter, style);
    }
  end_format (self);
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
      update_toolbar (self);
      return;
    }

  for (iter = start; gtk_text_iter_compare (&iter, &end) < 0 && all; gtk_text_iter_forward_char (&iter))
    if (!gtk_text_iter_ends_line (&iter) && !gtk_text_iter_has_tag (&iter, tag))
      all = FALSE;

  begin_format (self);
  if (all)
    gtk_text_buffer_remove_tag (self->buffer, tag, &start, &end);
  else
    gtk_text_buffer_apply_tag (self->buffer, tag, &start, &end);
  end_format (self);
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
    set_block_style (self, STYLE_PARA, FALSE);
  else if (g_str_equal (name, "rich-text.heading"))
    set_block_style (self, STYLE_HEADING, TRUE);
  else if (g_str_equal (name, "rich-text.bullets"))
    set_block_style (self, STYLE_BULLET, TRUE);
  else if (g_str_equal (name, "rich-text.numbers"))
    set_block_style (self, STYLE_NUMBER, TRUE);
  else if (g_str_equal (name, "rich-text.attribution"))
    set_block_style (self, STYLE_ATTRIBUTION, TRUE);
  else if (g_str_equal (name, "rich-text.quote"))
    {
      GtkTextIter insert;

      /* the quotation button also takes an attribution out of the quotation */
      gtk_text_buffer_get_iter_at_mark (self->buffer, &insert, gtk_text_buffer_get_insert (self->buffer));
      if (style_at (self, &insert) == STYLE_ATTRIBUTION)
        set_block_style (self, STYLE_PARA, FALSE);
      else
        set_block_style (self, STYLE_QUOTE, TRUE);
    }
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
  update_undo_actions (self);
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
  update_undo_actions (self);
}

/* Links ------------------------------------------------------------------- */

static char *
normalize_href (const char *text)
{
  g_autofree char *href = g_strstrip (one_line (text));

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
    link = link_at (&start);

  gtk_text_buffer_move_mark (self->buffer, self->link_start, &start);
  gtk_text_buffer_move_mark (self->buffer, self->link_end, &end);

  gtk_editable_set_text (GTK_EDITABLE (self->link_entry), link != NULL ? link_href (link) : "");
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

  begin_format (self);
  {
    g_autoptr(GPtrArray) found = g_ptr_array_new ();
    GtkTextIter iter = start;

    while (gtk_text_iter_compare (&iter, &end) < 0)
      {
        GtkTextTag *link = link_at (&iter);

        if (link != NULL && !g_ptr_array_find (found, link, NULL))
          g_ptr_array_add (found, link);
        if (!gtk_text_iter_forward_to_tag_toggle (&iter, NULL))
          break;
      }
    for (guint i = 0; i < found->len; i++)
      gtk_text_buffer_remove_tag (self->buffer, found->pdata[i], &start, &end);
  }
  if (href != NULL)
    gtk_text_buffer_apply_tag (self->buffer, get_link_tag (self, href), &start, &end);
  end_format (self);
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
  style = style_at (self, &insert);

  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter)
      && (state & ~GDK_SHIFT_MASK) == 0 && line_is_blank (&insert))
    {
      /* Enter on an empty item ends the list; on an empty quotation line
       * it asks who said it; on an empty attribution it ends the quote. */
      if (style == STYLE_BULLET || style == STYLE_NUMBER || style == STYLE_ATTRIBUTION)
        {
          set_block_style (self, STYLE_PARA, FALSE);
          return TRUE;
        }
      if (style == STYLE_QUOTE)
        {
          set_block_style (self, STYLE_ATTRIBUTION, FALSE);
          return TRUE;
        }
    }

  /* Backspace at the start of an item makes it a paragraph again. */
  if (keyval == GDK_KEY_BackSpace && state == 0 && gtk_text_iter_starts_line (&insert)
      && (style == STYLE_BULLET || style == STYLE_NUMBER
          || style == STYLE_QUOTE || style == STYLE_ATTRIBUTION))
    {
      set_block_style (self, STYLE_PARA, FALSE);
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
      if (is_line_break (c))
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

/* Loading a tree ---------------------------------------------------------- */

typedef struct
{
  int        start;
  BlockStyle style;
} LineInfo;

typedef struct
{
  LlRichText *self;
  GArray     *lines;
  gboolean    open;            /* a line is being filled */
  guint       nested_sections;
  guint       nested_lists;
  guint       other_blocks;
} Loader;

static int
end_offset (LlRichText *self)
{
  return gtk_text_buffer_get_char_count (self->buffer);
}

static void
loader_begin_line (Loader     *ld,
                   BlockStyle  style)
{
  LineInfo info = { end_offset (ld->self), style };

  g_array_append_val (ld->lines, info);
  ld->open = TRUE;
}

static void
loader_end_line (Loader *ld)
{
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (ld->self->buffer, &end);
  gtk_text_buffer_insert (ld->self->buffer, &end, "\n", 1);
  ld->open = FALSE;
}

static void
loader_text (Loader     *ld,
             const char *text,
             guint       flags,
             GtkTextTag *link)
{
  g_autofree char *clean = one_line (text);
  GtkTextIter start, end;
  int from = end_offset (ld->self);

  if (clean[0] == '\0')
    return;
  gtk_text_buffer_get_end_iter (ld->self->buffer, &end);
  gtk_text_buffer_insert (ld->self->buffer, &end, clean, -1);
  gtk_text_buffer_get_iter_at_offset (ld->self->buffer, &start, from);
  gtk_text_buffer_get_end_iter (ld->self->buffer, &end);
  if (flags & INLINE_STRONG)
    gtk_text_buffer_apply_tag (ld->self->buffer, ld->self->strong_tag, &start, &end);
  if (flags & INLINE_EMPHASIS)
    gtk_text_buffer_apply_tag (ld->self->buffer, ld->self->emphasis_tag, &start, &end);
  if (link != NULL)
    gtk_text_buffer_apply_tag (ld->self->buffer, link, &start, &end);
}

static void
loader_inlines (Loader          *ld,
                const LlDocNode *node,
                guint            flags,
                GtkTextTag      *link)
{
  switch (node->type)
    {
    case LL_DOC_TEXT:
      loader_text (ld, node->text, flags, link);
      return;
    case LL_DOC_STRONG:
      flags |= INLINE_STRONG;
      break;
    case LL_DOC_EMPHASIS:
      flags |= INLINE_EMPHASIS;
      break;
    case LL_DOC_LINK:
      if (node->attr != NULL && node->attr[0] != '\0')
        link = get_link_tag (ld->self, node->attr);
      break;
    case LL_DOC_BODY:
    case LL_DOC_SECTION:
    case LL_DOC_PARA:
    case LL_DOC_ITEMIZED_LIST:
    case LL_DOC_ORDERED_LIST:
    case LL_DOC_LIST_ITEM:
    case LL_DOC_BLOCKQUOTE:
    case LL_DOC_VARLIST:
    case LL_DOC_VARLIST_ENTRY:
    case LL_DOC_TABLE:
    case LL_DOC_ROW:
    case LL_DOC_ENTRY:
    default:
      break;
    }
  for (guint i = 0; i < node->children->len; i++)
    loader_inlines (ld, g_ptr_array_index (node->children, i), flags, link);
}

static gboolean
has_words (const LlDocNode *node)
{
  g_autofree char *text = ll_doc_node_get_text (node);

  return !is_blank (text);
}

static void
loader_plain_line (Loader     *ld,
                   BlockStyle  style,
                   const char *text,
                   guint       flags)
{
  if (is_blank (text))
    return;
  loader_begin_line (ld, style);
  loader_text (ld, text, flags, NULL);
  loader_end_line (ld);
}

static void
loader_blocks (Loader          *ld,
               const LlDocNode *container,
               BlockStyle       style,
               guint            depth)
{
  for (guint i = 0; i < container->children->len; i++)
    {
      const LlDocNode *node = g_ptr_array_index (container->children, i);

      if (ll_doc_node_is_inline (node) || node->type == LL_DOC_PARA || node->type == LL_DOC_ENTRY)
        {
          if (!has_words (node))
            continue;
          loader_begin_line (ld, style);
          loader_inlines (ld, node, 0, NULL);
          loader_end_line (ld);
          continue;
        }

      switch (node->type)
        {
        case LL_DOC_SECTION:
          if (depth > 0 || style != STYLE_PARA)
            ld->nested_sections++;
          if (style == STYLE_PARA)
            loader_plain_line (ld, STYLE_HEADING, node->title, 0);
          else
            loader_plain_line (ld, style, node->title, INLINE_STRONG);
          loader_blocks (ld, node, style, depth + 1);
          break;

        case LL_DOC_ITEMIZED_LIST:
        case LL_DOC_ORDERED_LIST:
          {
            BlockStyle item = node->type == LL_DOC_ORDERED_LIST ? STYLE_NUMBER : STYLE_BULLET;

            if (style != STYLE_PARA)
              ld->nested_lists++;
            if (style == STYLE_QUOTE)
              item = STYLE_QUOTE;
            for (guint k = 0; k < node->children->len; k++)
              {
                const LlDocNode *child = g_ptr_array_index (node->children, k);

                if (child->type == LL_DOC_LIST_ITEM)
                  loader_blocks (ld, child, item, depth);
                else
                  {
                    g_autoptr(LlDocNode) wrapper = ll_doc_node_new (LL_DOC_BODY);

                    /* borrow the child for a moment */
                    g_ptr_array_set_free_func (wrapper->children, NULL);
                    g_ptr_array_add (wrapper->children, (gpointer) child);
                    loader_blocks (ld, wrapper, item, depth);
                  }
              }
          }
          break;

        case LL_DOC_LIST_ITEM:
        case LL_DOC_BODY:
          loader_blocks (ld, node, style, depth);
          break;

        case LL_DOC_BLOCKQUOTE:
          if (style != STYLE_PARA)
            ld->other_blocks++;
          loader_blocks (ld, node, STYLE_QUOTE, depth);
          if (node->attr != NULL)
            loader_plain_line (ld, style == STYLE_QUOTE ? STYLE_QUOTE : STYLE_ATTRIBUTION,
                               node->attr, 0);
          break;

        case LL_DOC_VARLIST:
          ld->other_blocks++;
          for (guint k = 0; k < node->children->len; k++)
            {
              const LlDocNode *entry = g_ptr_array_index (node->children, k);

              loader_plain_line (ld, style, entry->title, INLINE_STRONG);
              loader_blocks (ld, entry, style, depth);
            }
          break;

        case LL_DOC_VARLIST_ENTRY:
          ld->other_blocks++;
          loader_plain_line (ld, style, node->title, INLINE_STRONG);
          loader_blocks (ld, node, style, depth);
          break;

        case LL_DOC_TABLE:
        case LL_DOC_ROW:
          /* each row a line, its cells separated by a dash */
          ld->other_blocks++;
          if (node->type == LL_DOC_TABLE)
            loader_plain_line (ld, style, node->title, INLINE_STRONG);
          for (guint k = 0; k < node->children->len; k++)
            {
              const LlDocNode *row = node->type == LL_DOC_TABLE
                                     ? g_ptr_array_index (node->children, k) : node;
              gboolean first = TRUE;

              if (!has_words (row))
                {
                  if (node->type == LL_DOC_ROW)
                    break;
                  continue;
                }
              loader_begin_line (ld, style);
              for (guint c = 0; c < row->children->len; c++)
                {
                  const LlDocNode *cell = g_ptr_array_index (row->children, c);

                  if (!has_words (cell))
                    continue;
                  if (!first)
                    loader_text (ld, " – ", 0, NULL);
                  loader_inlines (ld, cell, 0, NULL);
                  first = FALSE;
                }
              loader_end_line (ld);
              if (node->type == LL_DOC_ROW)
                break;
            }
          break;

        case LL_DOC_PARA:
        case LL_DOC_ENTRY:
        case LL_DOC_TEXT:
        case LL_DOC_EMPHASIS:
        case LL_DOC_STRONG:
        case LL_DOC_LINK:
        default:
          g_assert_not_reached ();
        }
    }
}

static void
load_tree (LlRichText      *self,
           const LlDocNode *body,
           GPtrArray       *notes)
{
  Loader ld = { self, g_array_new (FALSE, FALSE, sizeof (LineInfo)), FALSE, 0, 0, 0 };
  GtkTextIter start, end;

  self->internal++;
  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_delete (self->buffer, &start, &end);
  gtk_text_buffer_remove_all_tags (self->buffer, &start, &end);

  if (body != NULL)
    loader_blocks (&ld, body, STYLE_PARA, 0);

  /* drop the newline after the last line */
  if (ld.lines->len > 0)
    {
      gtk_text_buffer_get_end_iter (self->buffer, &end);
      start = end;
      gtk_text_iter_backward_char (&start);
      gtk_text_buffer_delete (self->buffer, &start, &end);
    }
  for (guint i = 0; i < ld.lines->len; i++)
    {
      const LineInfo *line = &g_array_index (ld.lines, LineInfo, i);

      gtk_text_buffer_get_iter_at_offset (self->buffer, &start, line->start);
      if (i + 1 < ld.lines->len)
        gtk_text_buffer_get_iter_at_offset (self->buffer, &end,
                                            g_array_index (ld.lines, LineInfo, i + 1).start);
      else
        gtk_text_buffer_get_end_iter (self->buffer, &end);
      gtk_text_buffer_apply_tag (self->buffer, self->style_tags[line->style], &start, &end);
    }
  self->tail_style = ld.lines->len > 0
                     ? g_array_index (ld.lines, LineInfo, ld.lines->len - 1).style
                     : STYLE_PARA;

  gtk_text_buffer_get_start_iter (self->buffer, &start);
  gtk_text_buffer_place_cursor (self->buffer, &start);
  self->internal--;

  self->pending_valid = FALSE;
  self->last_change = CHANGE_OTHER;
  clear_queue (&self->undo);
  clear_queue (&self->redo);
  update_undo_actions (self);
  update_word_count (self);
  update_toolbar (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->view));

  if (notes != NULL)
    {
      if (ld.nested_sections > 0)
        g_ptr_array_add (notes, g_strdup (_("Headings within headings were all shown at one level.")));
      if (ld.nested_lists > 0)
        g_ptr_array_add (notes, g_strdup (_("Lists within lists or quotations were flattened to one level.")));
      if (ld.other_blocks > 0)
        g_ptr_array_add (notes, g_strdup (_("Tables, term lists and nested quotations were turned into ordinary paragraphs.")));
    }
  g_array_unref (ld.lines);
}

/* Building a tree --------------------------------------------------------- */

typedef struct
{
  char       *text;
  guint       flags;
  GtkTextTag *link;
} InlineRun;

static void
inline_run_clear (gpointer data)
{
  g_free (((InlineRun *) data)->text);
}

/* The runs of one line, with whitespace collapsed as DocBook reads it. */
static GArray *
line_runs (LlRichText        *self,
           const GtkTextIter *line_start)
{
  GArray *runs = g_array_new (FALSE, FALSE, sizeof (InlineRun));
  GtkTextIter start, end, iter;
  gboolean space = TRUE;

  g_array_set_clear_func (runs, inline_run_clear);
  line_bounds (line_start, &start, &end, FALSE);
  iter = start;
  while (gtk_text_iter_compare (&iter, &end) < 0)
    {
      GtkTextIter next = iter;
      g_autofree char *raw = NULL;
      GString *text;
      InlineRun run;

      gtk_text_iter_forward_to_tag_toggle (&next, NULL);
      if (gtk_text_iter_compare (&next, &end) > 0)
        next = end;
      raw = gtk_text_iter_get_text (&iter, &next);
      text = g_string_new (NULL);
      for (const char *p = raw; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (is_xml_space (c))
            {
              if (!space)
                g_string_append_c (text, ' ');
              space = TRUE;
            }
          else if (c >= 0x20 && c != 0x7f && !(c >= 0x80 && c < 0xa0) && c != 0xfffe && c != 0xffff)
            {
              g_string_append_unichar (text, c);
              space = FALSE;
            }
        }

      run.flags = flags_at (self, &iter);
      run.link = link_at (&iter);
      iter = next;
      if (text->len == 0)
        {
          g_string_free (text, TRUE);
          continue;
        }
      run.text = g_string_free (text, FALSE);

      /* neighbours with the same formatting are one run */
      if (runs->len > 0)
        {
          InlineRun *prev = &g_array_index (runs, InlineRun, runs->len - 1);

          if (prev->flags == run.flags && prev->link == run.link)
            {
              char *joined = g_strconcat (prev->text, run.text, NULL);

              g_free (prev->text);
              g_free (run.text);
              prev->text = joined;
              continue;
            }
        }
      g_array_append_val (runs, run);
    }

  /* no space at the end */
  if (runs->len > 0)
    {
      InlineRun *last = &g_array_index (runs, InlineRun, runs->len - 1);
      gsize len = strlen (last->text);

      if (len > 0 && last->text[len - 1] == ' ')
        last->text[len - 1] = '\0';
      if (last->text[0] == '\0')
        g_array_remove_index (runs, runs->len - 1);
    }
  return runs;
}

/* Nests runs [from, to) under @parent: links outermost (level 0), then
 * strong (1), then emphasis (2), then text (3). */
static void
add_runs (LlDocNode *parent,
          GArray    *runs,
          guint      from,
          guint      to,
          guint      level)
{
  guint i = from;

  while (i < to)
    {
      const InlineRun *run = &g_array_index (runs, InlineRun, i);
      guint j = i + 1;
      gboolean has;

      if (level == 3)
        {
          ll_doc_node_append (parent, ll_doc_node_new_text (run->text));
          i++;
          continue;
        }
      while (j < to)
        {
          const InlineRun *other = &g_array_index (runs, InlineRun, j);

          if ((level == 0 && other->link != run->link)
              || (level == 1 && (other->flags & INLINE_STRONG) != (run->flags & INLINE_STRONG))
              || (level == 2 && (other->flags & INLINE_EMPHASIS) != (run->flags & INLINE_EMPHASIS)))
            break;
          j++;
        }
      has = (level == 0 && run->link != NULL)
            || (level == 1 && (run->flags & INLINE_STRONG))
            || (level == 2 && (run->flags & INLINE_EMPHASIS));
      if (has)
        {
          LlDocNodeType type = level == 0 ? LL_DOC_LINK : level == 1 ? LL_DOC_STRONG : LL_DOC_EMPHASIS;
          LlDocNode *node = ll_doc_node_append (parent, ll_doc_node_new (type));

          if (level == 0)
            node->attr = g_strdup (link_href (run->link));
          add_runs (node, runs, i, j, level + 1);
        }
      else
        add_runs (parent, runs, i, j, level + 1);
      i = j;
    }
}

static char *
runs_text (GArray *runs)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < runs->len; i++)
    g_string_append (out, g_array_index (runs, InlineRun, i).text);
  return g_string_free (out, FALSE);
}

LlDocNode *
ll_rich_text_get_blocks (LlRichText *self)
{
  LlDocNode *body;
  LlDocNode *container;
  LlDocNode *list = NULL;
  LlDocNode *quote = NULL;
  GtkTextIter iter;

  g_return_val_if_fail (LL_IS_RICH_TEXT (self), NULL);

  body = ll_doc_node_new (LL_DOC_BODY);
  container = body;
  gtk_text_buffer_get_start_iter (self->buffer, &iter);
  do
    {
      BlockStyle style = style_at (self, &iter);
      g_autoptr(GArray) runs = line_runs (self, &iter);
      LlDocNode *para;

      if (runs->len == 0)
        continue;

      if (style != STYLE_BULLET && style != STYLE_NUMBER)
        list = NULL;
      if (style != STYLE_QUOTE && style != STYLE_ATTRIBUTION)
        quote = NULL;

      switch (style)
        {
        case STYLE_HEADING:
          {
            LlDocNode *section = ll_doc_node_append (body, ll_doc_node_new (LL_DOC_SECTION));

            section->title = runs_text (runs);
            container = section;
          }
          break;

        case STYLE_BULLET:
        case STYLE_NUMBER:
          {
            LlDocNodeType type = style == STYLE_NUMBER ? LL_DOC_ORDERED_LIST : LL_DOC_ITEMIZED_LIST;
            LlDocNode *item;

            if (list == NULL || list->type != type)
              list = ll_doc_node_append (container, ll_doc_node_new (type));
            item = ll_doc_node_append (list, ll_doc_node_new (LL_DOC_LIST_ITEM));
            para = ll_doc_node_append (item, ll_doc_node_new (LL_DOC_PARA));
            add_runs (para, runs, 0, runs->len, 0);
          }
          break;

        case STYLE_QUOTE:
          if (quote == NULL)
            quote = ll_doc_node_append (container, ll_doc_node_new (LL_DOC_BLOCKQUOTE));
          para = ll_doc_node_append (quote, ll_doc_node_new (LL_DOC_PARA));
          add_runs (para, runs, 0, runs->len, 0);
          break;

        case STYLE_ATTRIBUTION:
          if (quote == NULL)
            quote = ll_doc_node_append (container, ll_doc_node_new (LL_DOC_BLOCKQUOTE));
          quote->attr = runs_text (runs);
          /* what follows is another quotation */
          quote = NULL;
          break;

        case STYLE_PARA:
        case N_STYLES:
        default:
          para = ll_doc_node_append (container, ll_doc_node_new (LL_DOC_PARA));
          add_runs (para, runs, 0, runs->len, 0);
          break;
        }
    }
  while (gtk_text_iter_forward_line (&iter));

  return body;
}

/* Drawing markers in the margin ------------------------------------------- */

static void
draw_text (GtkTextView    *view,
           GtkSnapshot    *snapshot,
           const char     *text,
           int             right,
           int             left,
           const GdkRectangle *loc,
           const GdkRGBA  *color)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (view), text);
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (right >= 0 ? right - width : left,
                                                loc->y + (loc->height - height) / 2));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/* The number of the item at @iter: one more than the non-blank numbered
 * lines before it in the same run (blank lines are dropped on saving, so
 * they do not break a list). */
static guint
count_numbers_before (LlRichText        *self,
                      const GtkTextIter *iter)
{
  GtkTextIter it = *iter;
  guint n = 0;

  gtk_text_iter_set_line_offset (&it, 0);
  while (gtk_text_iter_backward_line (&it))
    {
      if (line_is_blank (&it))
        continue;
      if (style_at (self, &it) != STYLE_NUMBER)
        break;
      n++;
    }
  return n;
}

static void
ll_rich_text_view_snapshot_layer (GtkTextView      *text_view,
                                  GtkTextViewLayer  layer,
                                  GtkSnapshot      *snapshot)
{
  LlRichTextView *view = LL_RICH_TEXT_VIEW (text_view);
  LlRichText *self = view->owner;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  GdkRectangle visible;
  GtkTextIter iter;
  GdkRGBA color, dim, bar;
  guint number;
  int last_line = -1;
  int y_top;

  if (layer != GTK_TEXT_VIEW_LAYER_BELOW_TEXT || self == NULL || self->buffer != buffer)
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (text_view)), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  dim = color;
  dim.alpha *= 0.55f;
  bar = color;
  bar.alpha *= 0.2f;

  gtk_text_view_get_visible_rect (text_view, &visible);

  if (gtk_text_buffer_get_char_count (buffer) == 0 && self->editable)
    {
      GdkRectangle loc;

      gtk_text_buffer_get_start_iter (buffer, &iter);
      gtk_text_view_get_iter_location (text_view, &iter, &loc);
      draw_text (text_view, snapshot, _("Start writing…"), -1, loc.x, &loc, &dim);
    }

  gtk_text_view_get_line_at_y (text_view, &iter, visible.y, &y_top);
  gtk_text_iter_set_line_offset (&iter, 0);
  number = count_numbers_before (self, &iter);

  while (gtk_text_iter_get_line (&iter) != last_line)
    {
      BlockStyle style = style_at (self, &iter);
      gboolean blank = line_is_blank (&iter);
      int y, height;
      GdkRectangle loc;

      last_line = gtk_text_iter_get_line (&iter);
      gtk_text_view_get_line_yrange (text_view, &iter, &y, &height);
      if (y > visible.y + visible.height)
        break;
      gtk_text_view_get_iter_location (text_view, &iter, &loc);

      if (style == STYLE_NUMBER)
        {
          g_autofree char *label = g_strdup_printf ("%u.", blank ? number + 1 : ++number);

          draw_text (text_view, snapshot, label, loc.x - 8, 0, &loc, &color);
        }
      else if (!blank)
        number = 0;

      if (style == STYLE_BULLET)
        draw_text (text_view, snapshot, "•", loc.x - 10, 0, &loc, &color);
      else if (style == STYLE_QUOTE)
        gtk_snapshot_append_color (snapshot, &bar,
                                   &GRAPHENE_RECT_INIT (loc.x - 18, y, 3, height));
      else if (style == STYLE_ATTRIBUTION)
        {
          draw_text (text_view, snapshot, "—", loc.x - 6, 0, &loc, &dim);
          if (blank)
            draw_text (text_view, snapshot, _("Who said it?"), -1, loc.x, &loc, &dim);
        }

      /* forward_line() stops at the end, which may be the start of an
       * empty last line that still needs its marker */
      if (!gtk_text_iter_forward_line (&iter) && !gtk_text_iter_starts_line (&iter))
        break;
    }
}

static void
ll_rich_text_view_class_init (LlRichTextViewClass *klass)
{
  GtkTextViewClass *text_view_class = GTK_TEXT_VIEW_CLASS (klass);

  text_view_class->snapshot_layer = ll_rich_text_view_snapshot_layer;
}

static void
ll_rich_text_view_init (LlRichTextView *self)
{
}

/* The widget -------------------------------------------------------------- */

static void
ll_rich_text_dispose (GObject *object)
{
  LlRichText *self = LL_RICH_TEXT (object);
  GtkWidget *child;

  if (self->view != NULL)
    LL_RICH_TEXT_VIEW (self->view)->owner = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), LL_TYPE_RICH_TEXT);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->view = NULL;
  clear_queue (&self->undo);
  clear_queue (&self->redo);
  if (self->buffer != NULL)
    g_signal_handlers_disconnect_by_data (self->buffer, self);
  g_clear_object (&self->buffer);

  G_OBJECT_CLASS (ll_rich_text_parent_class)->dispose (object);
}

static void
ll_rich_text_finalize (GObject *object)
{
  LlRichText *self = LL_RICH_TEXT (object);

  g_clear_pointer (&self->link_tags, g_hash_table_unref);
  g_free (self->accessible_label);

  G_OBJECT_CLASS (ll_rich_text_parent_class)->finalize (object);
}

static void
ll_rich_text_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LlRichText *self = LL_RICH_TEXT (object);

  switch (prop_id)
    {
    case PROP_SHOW_TOOLBAR:
      g_value_set_boolean (value, ll_rich_text_get_show_toolbar (self));
      break;
    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;
    case PROP_WORD_COUNT:
      g_value_set_uint (value, self->word_count);
      break;
    case PROP_ACCESSIBLE_LABEL:
      g_value_set_string (value, self->accessible_label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_rich_text_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  LlRichText *self = LL_RICH_TEXT (object);

  switch (prop_id)
    {
    case PROP_SHOW_TOOLBAR:
      ll_rich_text_set_show_toolbar (self, g_value_get_boolean (value));
      break;
    case PROP_EDITABLE:
      ll_rich_text_set_editable (self, g_value_get_boolean (value));
      break;
    case PROP_ACCESSIBLE_LABEL:
      ll_rich_text_set_accessible_label (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
load_css (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (loaded || display == NULL)
    return;
  loaded = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider,
                                       "/org/leadinglearning/LeadingLearning/ll-rich-text.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
ll_rich_text_class_init (LlRichTextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ll_rich_text_dispose;
  object_class->finalize = ll_rich_text_finalize;
  object_class->get_property = ll_rich_text_get_property;
  object_class->set_property = ll_rich_text_set_property;

  properties[PROP_SHOW_TOOLBAR] =
    g_param_spec_boolean ("show-toolbar", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_WORD_COUNT] =
    g_param_spec_uint ("word-count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ACCESSIBLE_LABEL] =
    g_param_spec_string ("accessible-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LlRichText::changed:
   * Emitted after every change the user makes, text or formatting, but
   * not when the content is set from outside.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);

  g_type_ensure (LL_TYPE_RICH_TEXT_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/leadinglearning/LeadingLearning/ll-rich-text.ui");
  gtk_widget_class_bind_template_child (widget_class, LlRichText, toolbar);
  gtk_widget_class_bind_template_child (widget_class, LlRichText, view);
  gtk_widget_class_bind_template_child (widget_class, LlRichText, paragraph_button);
  gtk_widget_class_bind_template_child (widget_class, LlRichText, heading_button);
  gtk_widget_class_bind_template_child (widget_class, LlRichText, bold_button);
  gtk_widget_class_bind_template_child (widget_class, LlRichText, italic_button);
  gtk_widget_class_bind_template_child (widget_class, LlRichText, link_button);
  gtk_widget_class_bind_template_child (widget_class, LlRichText, bullets_button);
  gtk_widget_class_bind_template_child (widget_class, LlRichText, numbers_button);
  gtk_widget_class_bind_template_child (widget_class, LlRichText, quote_button);
  gtk_widget_class_bind_template_child (widget_class, LlRichText, link_popover);
  gtk_widget_class_bind_template_child (widget_class, LlRichText, link_entry);
  gtk_widget_class_bind_template_child (widget_class, LlRichText, link_remove_button);
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
  gtk_widget_class_install_action (widget_class, "rich-text.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "rich-text.redo", NULL, redo_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_b, GDK_CONTROL_MASK, "rich-text.bold", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "rich-text.italic", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK, "rich-text.link", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "rich-text.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "rich-text.redo", NULL);
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

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ll-rich-text");
  /* the toolbar and the text as one group, which the owner may name; the
   * text itself is named by the accessible-label property */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  load_css ();
}

static GtkTextTag *
create_style_tag (GtkTextBuffer *buffer,
                  const char    *name,
                  BlockStyle     style,
                  const char    *first_property,
                  ...)
{
  GtkTextTag *tag = gtk_text_buffer_create_tag (buffer, name, NULL);
  va_list args;

  /* comfortable spacing inside wrapped paragraphs, whatever the style */
  g_object_set (tag,
                "pixels-inside-wrap", 4,
                "left-margin", MARGIN + style_indent[style],
                NULL);
  va_start (args, first_property);
  if (first_property != NULL)
    g_object_set_valist (G_OBJECT (tag), first_property, args);
  va_end (args);
  return tag;
}

static void
ll_rich_text_init (LlRichText *self)
{
  GtkEventController *keys;
  GtkTextIter start;

  self->editable = TRUE;
  self->pending_offset = -1;
  g_queue_init (&self->undo);
  g_queue_init (&self->redo);
  self->link_tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_widget_init_template (GTK_WIDGET (self));
  LL_RICH_TEXT_VIEW (self->view)->owner = self;
  gtk_text_view_set_left_margin (self->view, MARGIN);
  gtk_text_view_set_right_margin (self->view, MARGIN);

  self->buffer = g_object_ref (gtk_text_view_get_buffer (self->view));
  /* the buffer's own history cannot undo formatting: see the top */
  gtk_text_buffer_set_enable_undo (self->buffer, FALSE);

  self->style_tags[STYLE_PARA] =
    create_style_tag (self->buffer, "ll-para", STYLE_PARA, "pixels-below-lines", 12, NULL);
  self->style_tags[STYLE_HEADING] =
    create_style_tag (self->buffer, "ll-heading", STYLE_HEADING,
                      "weight", PANGO_WEIGHT_BOLD,
                      "scale", 1.2,
                      "pixels-above-lines", 12,
                      "pixels-below-lines", 8,
                      NULL);
  self->style_tags[STYLE_BULLET] =
    create_style_tag (self->buffer, "ll-bullet", STYLE_BULLET,
                      "pixels-below-lines", 6,
                      NULL);
  self->style_tags[STYLE_NUMBER] =
    create_style_tag (self->buffer, "ll-number", STYLE_NUMBER,
                      "pixels-below-lines", 6,
                      NULL);
  self->style_tags[STYLE_QUOTE] =
    create_style_tag (self->buffer, "ll-quote", STYLE_QUOTE,
                      "right-margin", MARGIN + 24,
                      "style", PANGO_STYLE_ITALIC,
                      "pixels-below-lines", 8,
                      NULL);
  self->style_tags[STYLE_ATTRIBUTION] =
    create_style_tag (self->buffer, "ll-attribution", STYLE_ATTRIBUTION,
                      "scale", 0.92,
                      "pixels-below-lines", 14,
                      NULL);
  self->strong_tag = gtk_text_buffer_create_tag (self->buffer, "ll-strong",
                                                 "weight", PANGO_WEIGHT_BOLD, NULL);
  self->emphasis_tag = gtk_text_buffer_create_tag (self->buffer, "ll-emphasis",
                                                   "style", PANGO_STYLE_ITALIC, NULL);

  gtk_text_buffer_get_start_iter (self->buffer, &start);
  self->link_start = gtk_text_buffer_create_mark (self->buffer, NULL, &start, TRUE);
  self->link_end = gtk_text_buffer_create_mark (self->buffer, NULL, &start, FALSE);

  g_signal_connect (self->buffer, "insert-text", G_CALLBACK (insert_text_cb), self);
  g_signal_connect_after (self->buffer, "insert-text", G_CALLBACK (insert_text_after_cb), self);
  g_signal_connect (self->buffer, "delete-range", G_CALLBACK (delete_range_cb), self);
  g_signal_connect_after (self->buffer, "delete-range", G_CALLBACK (delete_range_after_cb), self);
  g_signal_connect_after (self->buffer, "apply-tag", G_CALLBACK (apply_tag_after_cb), self);
  g_signal_connect (self->buffer, "mark-set", G_CALLBACK (mark_set_cb), self);
  g_signal_connect_swapped (self->buffer, "begin-user-action", G_CALLBACK (begin_user_action_cb), self);
  g_signal_connect_swapped (self->buffer, "end-user-action", G_CALLBACK (end_user_action_cb), self);
  g_signal_connect (self->view, "paste-clipboard", G_CALLBACK (paste_clipboard_cb), self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_manager_dark_cb), self, G_CONNECT_SWAPPED);

  /* before the text view, which would insert the newline or delete */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  ll_rich_text_set_accessible_label (self, NULL);
  update_undo_actions (self);
  update_toolbar (self);
}

/* Public API -------------------------------------------------------------- */

GtkWidget *
ll_rich_text_new (void)
{
  return g_object_new (LL_TYPE_RICH_TEXT, NULL);
}

void
ll_rich_text_set_blocks (LlRichText      *self,
                         const LlDocNode *body)
{
  g_return_if_fail (LL_IS_RICH_TEXT (self));

  load_tree (self, body, NULL);
}

gboolean
ll_rich_text_set_fragment (LlRichText  *self,
                           const char  *docbook_fragment,
                           GPtrArray  **notes,
                           GError     **error)
{
  g_autoptr(LlDocNode) body = NULL;

  g_return_val_if_fail (LL_IS_RICH_TEXT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  body = ll_docbook_read_blocks (docbook_fragment != NULL ? docbook_fragment : "", notes, error);
  if (body == NULL)
    return FALSE;
  if (notes != NULL && *notes == NULL)
    *notes = g_ptr_array_new_with_free_func (g_free);
  load_tree (self, body, notes != NULL ? *notes : NULL);
  return TRUE;
}

char *
ll_rich_text_get_fragment (LlRichText  *self,
                           GError     **error)
{
  g_autoptr(LlDocNode) body = NULL;

  g_return_val_if_fail (LL_IS_RICH_TEXT (self), NULL);

  body = ll_rich_text_get_blocks (self);
  return ll_docbook_write_blocks (body, error);
}

guint
ll_rich_text_get_word_count (LlRichText *self)
{
  g_return_val_if_fail (LL_IS_RICH_TEXT (self), 0);

  return self->word_count;
}

GtkTextBuffer *
ll_rich_text_get_buffer (LlRichText *self)
{
  g_return_val_if_fail (LL_IS_RICH_TEXT (self), NULL);

  return self->buffer;
}

GtkTextView *
ll_rich_text_get_text_view (LlRichText *self)
{
  g_return_val_if_fail (LL_IS_RICH_TEXT (self), NULL);

  return self->view;
}

gboolean
ll_rich_text_get_show_toolbar (LlRichText *self)
{
  g_return_val_if_fail (LL_IS_RICH_TEXT (self), FALSE);

  return gtk_widget_get_visible (self->toolbar);
}

void
ll_rich_text_set_show_toolbar (LlRichText *self,
                               gboolean    show_toolbar)
{
  g_return_if_fail (LL_IS_RICH_TEXT (self));

  show_toolbar = !!show_toolbar;
  if (show_toolbar == gtk_widget_get_visible (self->toolbar))
    return;
  gtk_widget_set_visible (self->toolbar, show_toolbar);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_TOOLBAR]);
}

gboolean
ll_rich_text_get_editable (LlRichText *self)
{
  g_return_val_if_fail (LL_IS_RICH_TEXT (self), FALSE);

  return self->editable;
}

void
ll_rich_text_set_editable (LlRichText *self,
                           gboolean    editable)
{
  static const char * const format_actions[] = {
    "rich-text.bold", "rich-text.italic", "rich-text.paragraph", "rich-text.heading",
    "rich-text.bullets", "rich-text.numbers", "rich-text.quote", "rich-text.attribution",
    "rich-text.link",
  };

  g_return_if_fail (LL_IS_RICH_TEXT (self));

  editable = !!editable;
  if (editable == self->editable)
    return;
  self->editable = editable;
  gtk_text_view_set_editable (self->view, editable);
  gtk_text_view_set_cursor_visible (self->view, editable);
  for (guint i = 0; i < G_N_ELEMENTS (format_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), format_actions[i], editable);
  update_undo_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->view));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}

const char *
ll_rich_text_get_accessible_label (LlRichText *self)
{
  g_return_val_if_fail (LL_IS_RICH_TEXT (self), NULL);

  return self->accessible_label;
}

void
ll_rich_text_set_accessible_label (LlRichText *self,
                                   const char *label)
{
  g_return_if_fail (LL_IS_RICH_TEXT (self));

  if (self->accessible_label != NULL && g_strcmp0 (label, self->accessible_label) == 0)
    return;
  g_free (self->accessible_label);
  self->accessible_label = g_strdup (label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label != NULL ? label : _("Text"),
                                  -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCESSIBLE_LABEL]);
}
