/* ll-print-layout-build.c: flattens the document tree into items
 *
 * Every block becomes one or more items: a run of wrapped text (a Pango
 * layout with its lines measured), a table row or a rule, each with the
 * space it wants around it and whether it must stay with what follows.
 * Tables are laid out in ll-print-layout-table.c, images and figures in
 * ll-print-layout-image.c and the title block in ll-print-layout-title.c.
 */
#define G_LOG_DOMAIN "ll-print"

#include "config.h"

#include <string.h>

#include "ll-print-layout-private.h"
#include "ll-text.h"

static void build_children (Builder         *b,
                            const State     *st,
                            const LlDocNode *node);

/* Helpers */

PangoFontDescription *
ll_print_font_new (double   size,
                   gboolean bold,
                   gboolean italic)
{
  PangoFontDescription *desc = pango_font_description_new ();

  pango_font_description_set_family (desc, FONT_FAMILY);
  pango_font_description_set_size (desc, (int) (size * PANGO_SCALE + 0.5));
  if (bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  if (italic)
    pango_font_description_set_style (desc, PANGO_STYLE_ITALIC);
  return desc;
}

void
ll_print_append_escaped (GString    *out,
                         const char *text)
{
  g_autofree char *valid = NULL;
  g_autofree char *escaped = NULL;

  if (text == NULL)
    return;
  /* Pango rejects invalid UTF-8 in markup; never let user text break it */
  valid = g_utf8_make_valid (text, -1);
  escaped = g_markup_escape_text (valid, -1);
  g_string_append (out, escaped);
}

/* Sets @markup on @layout; text that Pango cannot parse falls back to the
 * plain text so that nothing is lost and nothing warns. */
static void
layout_set_markup (PangoLayout *layout,
                   const char  *markup)
{
  g_autoptr(GError) error = NULL;
  PangoAttrList *attrs = NULL;
  g_autofree char *text = NULL;

  if (pango_parse_markup (markup, -1, 0, &attrs, &text, NULL, &error))
    {
      pango_layout_set_text (layout, text, -1);
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  else
    {
      g_warning ("Unexpected markup error: %s", error->message);
      pango_layout_set_text (layout, markup, -1);
    }
}

static gboolean
uri_differs (const char *text,
             const char *uri)
{
  gsize ulen = strlen (uri);
  gsize tlen = strlen (text);

  if (g_str_has_prefix (uri, "mailto:"))
    {
      uri += strlen ("mailto:");
      ulen -= strlen ("mailto:");
    }
  /* "https://example.org/" and "https://example.org" read the same */
  if (ulen > 0 && uri[ulen - 1] == '/')
    ulen--;
  if (tlen > 0 && text[tlen - 1] == '/')
    tlen--;
  return ulen != tlen || strncmp (text, uri, ulen) != 0;
}

static void
append_inline_markup (GString         *out,
                      const LlDocNode *node)
{
  switch (node->type)
    {
    case LL_DOC_TEXT:
      ll_print_append_escaped (out, node->text);
      break;

    case LL_DOC_EMPHASIS:
      g_string_append (out, "<i>");
      for (guint i = 0; i < node->children->len; i++)
        append_inline_markup (out, g_ptr_array_index (node->children, i));
      g_string_append (out, "</i>");
      break;

    case LL_DOC_STRONG:
      g_string_append (out, "<b>");
      for (guint i = 0; i < node->children->len; i++)
        append_inline_markup (out, g_ptr_array_index (node->children, i));
      g_string_append (out, "</b>");
      break;

    case LL_DOC_LINK:
      {
        g_autofree char *text = ll_doc_node_get_text (node);

        g_string_append (out, LINK_MARKUP);
        if (*text == '\0' && node->attr != NULL)
          ll_print_append_escaped (out, node->attr);
        else
          for (guint i = 0; i < node->children->len; i++)
            append_inline_markup (out, g_ptr_array_index (node->children, i));
        g_string_append (out, "</span>");
        if (node->attr != NULL && *node->attr != '\0' && *text != '\0' &&
            uri_differs (text, node->attr))
          {
            g_string_append (out, " " URI_MARKUP "(");
            ll_print_append_escaped (out, node->attr);
            g_string_append (out, ")</span>");
          }
      }
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
      /* A block where inlines were expected: keep its text, one per line */
      if (node->title != NULL)
        {
          if (out->len > 0)
            g_string_append_c (out, '\n');
          ll_print_append_escaped (out, node->title);
        }
      for (guint i = 0; i < node->children->len; i++)
        {
          const LlDocNode *child = g_ptr_array_index (node->children, i);

          if (!ll_doc_node_is_inline (child) && out->len > 0)
            g_string_append_c (out, '\n');
          append_inline_markup (out, child);
        }
      break;
    }
}

char *
ll_print_children_markup (const LlDocNode *node)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < node->children->len; i++)
    append_inline_markup (out, g_ptr_array_index (node->children, i));
  return g_string_free (out, FALSE);
}

static char *
roman (int n)
{
  static const struct { int value; const char *digits; } table[] = {
    { 1000, "m" }, { 900, "cm" }, { 500, "d" }, { 400, "cd" },
    { 100, "c" }, { 90, "xc" }, { 50, "l" }, { 40, "xl" },
    { 10, "x" }, { 9, "ix" }, { 5, "v" }, { 4, "iv" }, { 1, "i" },
  };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    while (n >= table[i].value)
      {
        g_string_append (out, table[i].digits);
        n -= table[i].value;
      }
  return g_string_free (out, FALSE);
}

static char *
list_marker (gboolean ordered,
             int      depth,
             int      number)
{
  static const char *bullets[] = { "•", "◦", "▪" };

  if (!ordered)
    return g_strdup (bullets[depth % G_N_ELEMENTS (bullets)]);

  switch (depth % 3)
    {
    case 1:
      if (number <= 26)
        return g_strdup_printf ("%c.", 'a' + number - 1);
      return g_strdup_printf ("%d.", number);
    case 2:
      {
        g_autofree char *r = roman (number);

        return g_strdup_printf ("%s.", r);
      }
    default:
      return g_strdup_printf ("%d.", number);
    }
}

/* Items */

void
ll_print_item_free (Item *item)
{
  g_clear_object (&item->layout);
  g_clear_object (&item->marker);
  g_free (item->tops);
  g_free (item->bottoms);
  g_free (item->baselines);
  g_free (item->line_x);
  g_clear_pointer (&item->cells, g_ptr_array_unref);
  g_clear_object (&item->pixbuf);
  g_clear_pointer (&item->jpeg, g_bytes_unref);
  g_free (item);
}

static void
item_measure_lines (Item *item)
{
  PangoLayoutIter *iter;
  guint n = (guint) pango_layout_get_line_count (item->layout);
  guint i = 0;

  item->n_lines = n;
  item->tops = g_new0 (double, n);
  item->bottoms = g_new0 (double, n);
  item->baselines = g_new0 (double, n);
  item->line_x = g_new0 (double, n);

  iter = pango_layout_get_iter (item->layout);
  do
    {
      PangoRectangle logical;
      int y0, y1;

      if (i >= n)
        break;
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      item->tops[i] = pango_units_to_double (y0);
      item->bottoms[i] = pango_units_to_double (y1);
      item->baselines[i] = pango_units_to_double (pango_layout_iter_get_baseline (iter));
      item->line_x[i] = pango_units_to_double (logical.x);
      i++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

PangoLayout *
ll_print_new_pango_layout (LlPrintLayout  *self,
                           const char     *markup,
                           double          size,
                           gboolean        bold,
                           gboolean        italic,
                           double          width,
                           double          spacing,
                           PangoAlignment  align)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *desc = ll_print_font_new (size, bold, italic);

  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  if (width > 0)
    pango_layout_set_width (layout, pango_units_from_double (width));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, align);
  if (spacing > 0)
    pango_layout_set_line_spacing (layout, (float) spacing);
  layout_set_markup (layout, markup);
  return layout;
}

Item *
ll_print_add_item (Builder  *b,
                   ItemKind  kind)
{
  Item *item = g_new0 (Item, 1);

  item->kind = kind;
  g_ptr_array_add (b->self->items, item);
  return item;
}

static Item *
last_item (Builder *b)
{
  GPtrArray *items = b->self->items;

  return items->len > 0 ? g_ptr_array_index (items, items->len - 1) : NULL;
}

Item *
ll_print_add_text (Builder         *b,
                   const State     *st,
                   const char      *markup,
                   const TextStyle *style)
{
  LlPrintLayout *self = b->self;
  Item *prev = last_item (b);
  Item *item;

  item = ll_print_add_item (b, ITEM_TEXT);
  item->x = st->indent;
  item->width = MAX (self->content_w - st->indent - st->right_indent, 72.0);
  item->space_before = style->before;
  item->space_after = style->after;
  item->splittable = TRUE;
  item->colour = style->colour;
  item->layout = ll_print_new_pango_layout (self, markup, style->size, style->bold,
                                            style->italic || st->italic, item->width,
                                            style->spacing, style->align);
  item_measure_lines (item);

  item->n_bars = st->n_bars;
  for (guint i = 0; i < st->n_bars; i++)
    {
      item->bar_x[i] = st->bar_x[i];
      item->bar_id[i] = st->bar_id[i];
      item->bar_join[i] = (prev != NULL && prev->kind == ITEM_TEXT &&
                           i < prev->n_bars && prev->bar_id[i] == st->bar_id[i]);
    }

  if (b->pending_marker != NULL)
    {
      PangoRectangle logical;

      item->marker = ll_print_new_pango_layout (self, b->pending_marker, style->size, FALSE,
                                                FALSE, -1, 0, PANGO_ALIGN_LEFT);
      pango_layout_get_extents (item->marker, NULL, &logical);
      item->marker_x = b->pending_marker_right - pango_units_to_double (logical.width);
      g_clear_pointer (&b->pending_marker, g_free);
    }
  return item;
}

static TextStyle
body_style (const State *st)
{
  TextStyle style = {
    .size = BODY_SIZE,
    .spacing = BODY_SPACING,
    .colour = COLOUR_BODY,
    .after = st->para_after,
    .align = PANGO_ALIGN_LEFT,
  };

  return style;
}

static void
add_para (Builder     *b,
          const State *st,
          const char  *markup)
{
  TextStyle style = body_style (st);

  ll_print_add_text (b, st, markup, &style);
}

/* Ensures at least @after points below the last item, for the end of a
 * list, quotation or table. */
void
ll_print_bump_space_after (Builder *b,
                           double   after)
{
  Item *item = last_item (b);

  if (item != NULL)
    item->space_after = MAX (item->space_after, after);
}

/* Blocks */

static void
build_heading (Builder     *b,
               const State *st,
               const char  *title,
               int          depth)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  TextStyle style = {
    .bold = TRUE,
    .spacing = 1.05,
    .colour = COLOUR_HEADING,
    .align = PANGO_ALIGN_LEFT,
  };
  Item *item;

  switch (depth)
    {
    case 0:
      /* a chapter's title, at the top of its page */
      style.size = 20.0;
      style.after = 12.0;
      break;
    case 1:
      style.size = 16.0;
      style.before = 22.0;
      style.after = 7.0;
      break;
    case 2:
      style.size = 13.5;
      style.before = 16.0;
      style.after = 5.0;
      break;
    case 3:
      style.size = 12.0;
      style.before = 12.0;
      style.after = 4.0;
      break;
    default:
      style.size = BODY_SIZE;
      style.italic = TRUE;
      style.before = 10.0;
      style.after = 3.0;
      break;
    }

  ll_print_append_escaped (markup, title);
  item = ll_print_add_text (b, st, markup->str, &style);
  item->keep_with_next = TRUE;
  item->splittable = FALSE;
}

static void
build_list (Builder         *b,
            const State     *st,
            const LlDocNode *node)
{
  gboolean ordered = node->type == LL_DOC_ORDERED_LIST;
  State inner = *st;
  int number = 0;

  inner.indent = st->indent + LIST_INDENT;
  inner.para_after = 3.0;
  if (ordered)
    inner.ordered_depth++;
  else
    inner.itemized_depth++;

  for (guint i = 0; i < node->children->len; i++)
    {
      const LlDocNode *child = g_ptr_array_index (node->children, i);

      if (child->type != LL_DOC_LIST_ITEM)
        {
          build_children (b, &inner, child);
          continue;
        }

      g_free (b->pending_marker);
      b->pending_marker = list_marker (ordered,
                                       ordered ? st->ordered_depth : st->itemized_depth,
                                       ++number);
      b->pending_marker_right = inner.indent - MARKER_GAP;
      build_children (b, &inner, child);
      /* An empty item still shows its bullet or number */
      if (b->pending_marker != NULL)
        add_para (b, &inner, "");
    }
  ll_print_bump_space_after (b, st->para_after);
}

static void
build_quote (Builder         *b,
             const State     *st,
             const LlDocNode *node)
{
  State inner = *st;
  guint first = b->self->items->len;

  inner.indent = st->indent + QUOTE_INDENT;
  inner.right_indent = st->right_indent + QUOTE_INDENT;
  inner.italic = TRUE;
  inner.para_after = 6.0;
  if (inner.n_bars < MAX_BARS)
    {
      inner.bar_x[inner.n_bars] = st->indent + 6.0;
      inner.bar_id[inner.n_bars] = ++b->next_bar_id;
      inner.n_bars++;
    }

  build_children (b, &inner, node);

  if (node->attr != NULL && *node->attr != '\0')
    {
      g_autoptr(GString) markup = g_string_new ("— ");
      TextStyle style = {
        .size = 10.0,
        .spacing = BODY_SPACING,
        .colour = COLOUR_MUTED,
        .before = 2.0,
        .after = 6.0,
        .align = PANGO_ALIGN_LEFT,
      };
      State attribution = inner;

      attribution.italic = FALSE;
      ll_print_append_escaped (markup, node->attr);
      ll_print_add_text (b, &attribution, markup->str, &style);
    }

  if (b->self->items->len > first)
    {
      Item *item = g_ptr_array_index (b->self->items, first);

      item->space_before = MAX (item->space_before, 4.0);
    }
  ll_print_bump_space_after (b, MAX (st->para_after, 10.0));
}

static void
build_varlist_entry (Builder         *b,
                     const State     *st,
                     const LlDocNode *entry)
{
  State inner = *st;

  if (entry->title != NULL)
    {
      g_autoptr(GString) markup = g_string_new (NULL);
      TextStyle style = body_style (st);
      Item *item;

      style.bold = TRUE;
      style.before = 6.0;
      style.after = 1.0;
      ll_print_append_escaped (markup, entry->title);
      item = ll_print_add_text (b, st, markup->str, &style);
      item->keep_with_next = TRUE;
      item->splittable = FALSE;
    }
  inner.indent = st->indent + VARLIST_INDENT;
  inner.para_after = 3.0;
  build_children (b, &inner, entry);
}

static void
build_varlist (Builder         *b,
               const State     *st,
               const LlDocNode *node)
{
  for (guint i = 0; i < node->children->len; i++)
    {
      const LlDocNode *child = g_ptr_array_index (node->children, i);

      if (child->type == LL_DOC_VARLIST_ENTRY)
        build_varlist_entry (b, st, child);
      else
        build_children (b, st, child);
    }
  ll_print_bump_space_after (b, st->para_after);
}

static void
build_block (Builder         *b,
             const State     *st,
             const LlDocNode *node)
{
  switch (node->type)
    {
    case LL_DOC_SECTION:
      {
        State inner = *st;

        inner.section_depth++;
        if (node->title != NULL)
          build_heading (b, st, node->title, inner.section_depth);
        build_children (b, &inner, node);
      }
      break;

    case LL_DOC_CHAPTER:
      {
        guint first = b->self->items->len;

        if (node->title != NULL && *node->title != '\0')
          build_heading (b, st, node->title, 0);
        build_children (b, st, node);
        if (b->self->items->len > first)
          ((Item *) g_ptr_array_index (b->self->items, first))->page_break = TRUE;
      }
      break;

    case LL_DOC_FIGURE:
    case LL_DOC_IMAGE:
      ll_print_build_image (b, st, node);
      break;

    case LL_DOC_PARA:
    case LL_DOC_ENTRY:
      {
        g_autofree char *markup = ll_print_children_markup (node);

        add_para (b, st, markup);
      }
      break;

    case LL_DOC_ITEMIZED_LIST:
    case LL_DOC_ORDERED_LIST:
      build_list (b, st, node);
      break;

    case LL_DOC_BLOCKQUOTE:
      build_quote (b, st, node);
      break;

    case LL_DOC_VARLIST:
      build_varlist (b, st, node);
      break;

    case LL_DOC_VARLIST_ENTRY:
      build_varlist_entry (b, st, node);
      break;

    case LL_DOC_TABLE:
      ll_print_build_table (b, st, node);
      break;

    case LL_DOC_FRAGMENT:
      {
        /* Callers resolve stored rich text into nodes first
         * (ll_docbook_build_doc); should one reach here, print its words
         * rather than lose them. */
        g_autofree char *text = ll_text_from_fragment (node->text);
        g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

        for (guint i = 0; lines[i] != NULL; i++)
          if (lines[i][0] != '\0')
            {
              g_autofree char *markup = g_markup_escape_text (lines[i], -1);

              add_para (b, st, markup);
            }
      }
      break;

    case LL_DOC_BODY:
    case LL_DOC_LIST_ITEM:
    case LL_DOC_ROW:
    case LL_DOC_TEXT:
    case LL_DOC_EMPHASIS:
    case LL_DOC_STRONG:
    case LL_DOC_LINK:
    default:
      build_children (b, st, node);
      break;
    }
}

/* Block children of @node; runs of stray inlines become paragraphs. */
static void
build_children (Builder         *b,
                const State     *st,
                const LlDocNode *node)
{
  g_autoptr(GString) run = g_string_new (NULL);
  gboolean in_run = FALSE;

  if (ll_doc_node_is_inline (node))
    {
      append_inline_markup (run, node);
      add_para (b, st, run->str);
      return;
    }

  for (guint i = 0; i < node->children->len; i++)
    {
      const LlDocNode *child = g_ptr_array_index (node->children, i);

      if (ll_doc_node_is_inline (child))
        {
          append_inline_markup (run, child);
          in_run = TRUE;
          continue;
        }
      if (in_run)
        {
          add_para (b, st, run->str);
          g_string_truncate (run, 0);
          in_run = FALSE;
        }
      build_block (b, st, child);
    }
  if (in_run)
    add_para (b, st, run->str);
}

/**
 * ll_print_layout_build:
 * Fills @self->items from @doc.
 */
void
ll_print_layout_build (LlPrintLayout *self,
                       const LlDoc   *doc)
{
  Builder b = { 0 };
  State st = { 0 };

  b.self = self;
  st.para_after = PARA_AFTER;
  ll_print_build_title (&b, &st, doc);
  if (doc->body != NULL)
    build_children (&b, &st, doc->body);
  g_free (b.pending_marker);
}
