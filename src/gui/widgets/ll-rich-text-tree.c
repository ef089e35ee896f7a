/* ll-rich-text-tree.c: between LlRichText's buffer and the LL_DOC_BODY tree
 *
 * Loading a tree into the buffer and building one from it, following the
 * mapping described at the top of ll-rich-text.c.
 */
#define G_LOG_DOMAIN "ll-rich-text"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ll-rich-text-private.h"

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
  g_autofree char *clean = ll_rich_text_one_line (text);
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
        link = ll_rich_text_get_link_tag (ld->self, node->attr);
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
    case LL_DOC_CHAPTER:
    case LL_DOC_FIGURE:
    case LL_DOC_IMAGE:
    case LL_DOC_FRAGMENT:
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

  return !ll_rich_text_is_blank (text);
}

static void
loader_plain_line (Loader     *ld,
                   BlockStyle  style,
                   const char *text,
                   guint       flags)
{
  if (ll_rich_text_is_blank (text))
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
        case LL_DOC_CHAPTER:
        case LL_DOC_FIGURE:
        case LL_DOC_IMAGE:
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
        case LL_DOC_FRAGMENT:
        default:
          g_assert_not_reached ();
        }
    }
}

void
ll_rich_text_load_tree (LlRichText      *self,
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
  ll_rich_text_clear_queue (&self->undo);
  ll_rich_text_clear_queue (&self->redo);
  ll_rich_text_update_undo_actions (self);
  ll_rich_text_update_word_count (self);
  ll_rich_text_update_toolbar (self);
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
  ll_rich_text_line_bounds (line_start, &start, &end, FALSE);
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

          if (ll_rich_text_is_xml_space (c))
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

      run.flags = ll_rich_text_flags_at (self, &iter);
      run.link = ll_rich_text_link_at (&iter);
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
            node->attr = g_strdup (ll_rich_text_link_href (run->link));
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
      BlockStyle style = ll_rich_text_style_at (self, &iter);
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
