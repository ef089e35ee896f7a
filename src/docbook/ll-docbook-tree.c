/* ll-docbook-tree.c: the canonical form of the tree that the DocBook writer
 * writes and the reader gives back
 *
 * The writer never writes a tree as it is given: it first makes a canonical
 * copy, which is always schema-valid once written, and the reader ends by
 * making the same copy of what it read. Canonicalizing is idempotent and the
 * writer maps a canonical tree to XML one to one, so write -> read -> write
 * gives back the same string.
 */
#define G_LOG_DOMAIN "ll-docbook"

#include "config.h"

#include <string.h>

#include "ll-docbook-private.h"

static inline gboolean
is_xml_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Inline content ------------------------------------------------------- */

static gboolean
check_depth (guint    depth,
             GError **error)
{
  if (depth <= LL_DOCBOOK_MAX_DEPTH)
    return TRUE;
  ll_docbook_set_too_deep (error, TRUE);
  return FALSE;
}

static gboolean
has_visible (GPtrArray *inlines)
{
  for (guint i = 0; i < inlines->len; i++)
    {
      LlDocNode *node = g_ptr_array_index (inlines, i);

      if (node->type != LL_DOC_TEXT)
        return TRUE;
      for (const char *p = node->text; *p != '\0'; p++)
        if (!is_xml_space (*p))
          return TRUE;
    }
  return FALSE;
}

static gboolean
is_blank_text (const LlDocNode *node)
{
  if (node->type != LL_DOC_TEXT)
    return FALSE;
  for (const char *p = node->text; p != NULL && *p != '\0'; p++)
    if (!is_xml_space (*p))
      return FALSE;
  return TRUE;
}

static gboolean canon_inlines (GPtrArray  *src,
                               GPtrArray  *out,
                               guint       depth,
                               GError    **error);

static void
add_text (GPtrArray  *out,
          const char *text)
{
  g_ptr_array_add (out, ll_doc_node_new_text (text));
}

/* A block met where inlines belong: keep its words, space-separated. */
static gboolean
flatten_block (const LlDocNode  *node,
               GPtrArray        *out,
               guint             depth,
               GError          **error)
{
  add_text (out, " ");
  if (node->type == LL_DOC_IMAGE && node->image != NULL && node->image->alt != NULL)
    {
      /* where a picture cannot go, what it shows is said in words */
      g_autofree char *alt = ll_docbook_clean_text (node->image->alt);

      add_text (out, alt);
      add_text (out, " ");
    }
  if (node->title != NULL && node->title[0] != '\0')
    {
      g_autofree char *title = ll_docbook_clean_text (node->title);

      add_text (out, title);
      add_text (out, " ");
    }
  if (node->type == LL_DOC_BLOCKQUOTE && node->attr != NULL)
    {
      if (!canon_inlines (node->children, out, depth + 1, error))
        return FALSE;
      add_text (out, " ");
      {
        g_autofree char *attr = ll_docbook_clean_text (node->attr);

        add_text (out, attr);
      }
    }
  else if (!canon_inlines (node->children, out, depth + 1, error))
    return FALSE;
  add_text (out, " ");
  return TRUE;
}

static gboolean
canon_inlines (GPtrArray  *src,
               GPtrArray  *out,
               guint       depth,
               GError    **error)
{
  /* @depth is that of the elements made here; text alone makes none, so
   * that a paragraph of text as deep as the writer goes canonicalizes
   * again once it has been read back */
  for (guint i = 0; i < src->len; i++)
    {
      const LlDocNode *node = g_ptr_array_index (src, i);

      if (node->type != LL_DOC_TEXT)
        {
          if (!check_depth (depth, error))
            return FALSE;
          break;
        }
    }

  for (guint i = 0; i < src->len; i++)
    {
      const LlDocNode *node = g_ptr_array_index (src, i);

      switch (node->type)
        {
        case LL_DOC_TEXT:
          {
            LlDocNode *text = ll_doc_node_new (LL_DOC_TEXT);

            text->text = ll_docbook_clean_text (node->text);
            g_ptr_array_add (out, text);
          }
          break;

        case LL_DOC_EMPHASIS:
        case LL_DOC_STRONG:
          {
            LlDocNode *copy = ll_doc_node_new (node->type);

            g_ptr_array_add (out, copy);
            if (!canon_inlines (node->children, copy->children, depth + 1, error))
              return FALSE;
          }
          break;

        case LL_DOC_LINK:
          {
            g_autofree char *href = ll_docbook_clean_href (node->attr);
            g_autoptr(GPtrArray) kids = NULL;

            kids = g_ptr_array_new_with_free_func ((GDestroyNotify) ll_doc_node_free);
            if (!canon_inlines (node->children, kids, depth + 1, error))
              return FALSE;
            if (href[0] == '\0')
              {
                /* a link to nowhere is just its text */
                for (guint k = 0; k < kids->len; k++)
                  g_ptr_array_add (out, g_steal_pointer (&kids->pdata[k]));
                g_ptr_array_set_size (kids, 0);
              }
            else
              {
                LlDocNode *link = ll_doc_node_new (LL_DOC_LINK);

                link->attr = g_steal_pointer (&href);
                if (!has_visible (kids))
                  {
                    /* DocBook shows the address of an empty link */
                    g_autofree char *shown = ll_docbook_clean_line (node->attr);

                    ll_doc_node_append (link, ll_doc_node_new_text (shown));
                  }
                else
                  {
                    for (guint k = 0; k < kids->len; k++)
                      g_ptr_array_add (link->children, g_steal_pointer (&kids->pdata[k]));
                    g_ptr_array_set_size (kids, 0);
                  }
                g_ptr_array_add (out, link);
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
          if (!flatten_block (node, out, depth, error))
            return FALSE;
          break;
        }
    }
  return TRUE;
}

/* Joins neighbouring text nodes, at every level. */
static void
merge_texts (GPtrArray *inlines)
{
  guint i = 0;

  while (i < inlines->len)
    {
      LlDocNode *node = g_ptr_array_index (inlines, i);

      if (node->type == LL_DOC_TEXT)
        {
          LlDocNode *next;

          if (i + 1 < inlines->len
              && (next = g_ptr_array_index (inlines, i + 1))->type == LL_DOC_TEXT)
            {
              char *joined = g_strconcat (node->text, next->text, NULL);

              g_free (node->text);
              node->text = joined;
              g_ptr_array_remove_index (inlines, i + 1);
              continue;
            }
        }
      else
        merge_texts (node->children);
      i++;
    }
}

/* Collapses whitespace runs to one space across the whole inline content
 * of a block, as a DocBook processor reads it; *@space says whether the
 * text so far ends in a space (TRUE at the start: leading space goes). */
static void
collapse (GPtrArray *inlines,
          gboolean  *space)
{
  guint i = 0;

  while (i < inlines->len)
    {
      LlDocNode *node = g_ptr_array_index (inlines, i);

      if (node->type == LL_DOC_TEXT)
        {
          GString *out = g_string_sized_new (strlen (node->text));

          for (const char *p = node->text; *p != '\0'; p++)
            {
              if (is_xml_space (*p))
                {
                  if (!*space)
                    g_string_append_c (out, ' ');
                  *space = TRUE;
                }
              else
                {
                  g_string_append_c (out, *p);
                  *space = FALSE;
                }
            }
          if (out->len == 0)
            {
              g_string_free (out, TRUE);
              g_ptr_array_remove_index (inlines, i);
              continue;
            }
          g_free (node->text);
          node->text = g_string_free (out, FALSE);
        }
      else
        collapse (node->children, space);
      i++;
    }
}

/* Drops the space at the end of the last text, wherever it is nested. */
static gboolean
trim_trailing (GPtrArray *inlines)
{
  for (guint i = inlines->len; i > 0; i--)
    {
      LlDocNode *node = g_ptr_array_index (inlines, i - 1);

      if (node->type == LL_DOC_TEXT)
        {
          gsize len = strlen (node->text);

          if (len > 0 && node->text[len - 1] == ' ')
            node->text[len - 1] = '\0';
          if (node->text[0] == '\0')
            g_ptr_array_remove_index (inlines, i - 1);
          return TRUE;
        }
      if (trim_trailing (node->children))
        return TRUE;
    }
  return FALSE;
}

static void
normalize_inlines (GPtrArray *inlines)
{
  gboolean space = TRUE;

  merge_texts (inlines);
  collapse (inlines, &space);
  trim_trailing (inlines);
}

/* A PARA or ENTRY holding the canonical form of @src, a list of inlines. */
static LlDocNode *
canon_inline_block (LlDocNodeType   type,
                    GPtrArray      *src,
                    guint           depth,
                    GError        **error)
{
  LlDocNode *block = ll_doc_node_new (type);

  if (!canon_inlines (src, block->children, depth + 1, error))
    {
      ll_doc_node_free (block);
      return NULL;
    }
  normalize_inlines (block->children);
  return block;
}

/* Blocks -------------------------------------------------------------- */

static gboolean canon_blocks (GPtrArray  *src,
                              GPtrArray  *out,
                              gboolean    allow_sections,
                              guint       depth,
                              GError    **error);

static GPtrArray *
borrowed_array (void)
{
  return g_ptr_array_new ();
}

static LlDocNode *
strong_para (const char *title)
{
  g_autofree char *clean = ll_docbook_clean_line (title);
  LlDocNode *para;
  LlDocNode *strong;

  if (clean[0] == '\0')
    return NULL;
  para = ll_doc_node_new (LL_DOC_PARA);
  strong = ll_doc_node_append (para, ll_doc_node_new (LL_DOC_STRONG));
  ll_doc_node_append (strong, ll_doc_node_new_text (clean));
  return para;
}

static void
add_block (GPtrArray *out,
           LlDocNode *block)
{
  if (block != NULL)
    g_ptr_array_add (out, block);
}

/* Children that need at least one block get an empty paragraph. */
static void
ensure_block (LlDocNode *node)
{
  if (node->children->len == 0)
    ll_doc_node_append (node, ll_doc_node_new (LL_DOC_PARA));
}

static gboolean
canon_block_list (const LlDocNode  *src,
                  GPtrArray        *out,
                  guint             depth,
                  GError          **error)
{
  LlDocNode *list = ll_doc_node_new (src->type);
  g_autoptr(GPtrArray) run = borrowed_array ();
  gboolean ok = TRUE;

  for (guint i = 0; ok && i <= src->children->len; i++)
    {
      const LlDocNode *child = i < src->children->len ? g_ptr_array_index (src->children, i) : NULL;

      if (child != NULL && child->type != LL_DOC_LIST_ITEM)
        {
          g_ptr_array_add (run, (gpointer) child);
          continue;
        }
      if (run->len > 0)
        {
          /* stray content between the items becomes an item of its own */
          LlDocNode *item = ll_doc_node_new (LL_DOC_LIST_ITEM);

          ok = canon_blocks (run, item->children, FALSE, depth + 2, error);
          if (item->children->len > 0)
            ll_doc_node_append (list, item);
          else
            ll_doc_node_free (item);
          g_ptr_array_set_size (run, 0);
        }
      if (ok && child != NULL)
        {
          LlDocNode *item = ll_doc_node_append (list, ll_doc_node_new (LL_DOC_LIST_ITEM));

          ok = canon_blocks (child->children, item->children, FALSE, depth + 2, error);
          ensure_block (item);
        }
    }
  /* DocBook has no empty lists */
  if (ok && list->children->len > 0)
    g_ptr_array_add (out, list);
  else
    ll_doc_node_free (list);
  return ok;
}

static gboolean
canon_varlist (const LlDocNode  *src,
               GPtrArray        *out,
               guint             depth,
               GError          **error)
{
  LlDocNode *varlist = ll_doc_node_new (LL_DOC_VARLIST);
  g_autoptr(GPtrArray) run = borrowed_array ();
  gboolean ok = TRUE;

  for (guint i = 0; ok && i <= src->children->len; i++)
    {
      const LlDocNode *child = i < src->children->len ? g_ptr_array_index (src->children, i) : NULL;

      if (child != NULL && child->type != LL_DOC_VARLIST_ENTRY)
        {
          g_ptr_array_add (run, (gpointer) child);
          continue;
        }
      if (run->len > 0)
        {
          LlDocNode *entry = ll_doc_node_new (LL_DOC_VARLIST_ENTRY);

          entry->title = g_strdup ("");
          ok = canon_blocks (run, entry->children, FALSE, depth + 2, error);
          if (entry->children->len > 0)
            ll_doc_node_append (varlist, entry);
          else
            ll_doc_node_free (entry);
          g_ptr_array_set_size (run, 0);
        }
      if (ok && child != NULL)
        {
          LlDocNode *entry = ll_doc_node_append (varlist, ll_doc_node_new (LL_DOC_VARLIST_ENTRY));

          entry->title = ll_docbook_clean_line (child->title);
          ok = canon_blocks (child->children, entry->children, FALSE, depth + 2, error);
          ensure_block (entry);
        }
    }
  if (ok && varlist->children->len > 0)
    g_ptr_array_add (out, varlist);
  else
    ll_doc_node_free (varlist);
  return ok;
}

static gboolean
canon_table (const LlDocNode  *src,
             GPtrArray        *out,
             guint             depth,
             GError          **error)
{
  LlDocNode *table = ll_doc_node_new (LL_DOC_TABLE);
  g_autofree char *title = ll_docbook_clean_line (src->title);
  guint cols = 1;

  if (title[0] != '\0')
    table->title = g_steal_pointer (&title);

  for (guint i = 0; i < src->children->len; i++)
    {
      const LlDocNode *child = g_ptr_array_index (src->children, i);
      LlDocNode *row;

      if (is_blank_text (child))
        continue;
      row = ll_doc_node_append (table, ll_doc_node_new (LL_DOC_ROW));
      if (child->type == LL_DOC_ROW)
        {
          for (guint k = 0; k < child->children->len; k++)
            {
              LlDocNode *cell = g_ptr_array_index (child->children, k);
              LlDocNode *entry;

              if (cell->type == LL_DOC_ENTRY)
                entry = canon_inline_block (LL_DOC_ENTRY, cell->children, depth + 2, error);
              else
                {
                  g_autoptr(GPtrArray) one = borrowed_array ();

                  g_ptr_array_add (one, cell);
                  entry = canon_inline_block (LL_DOC_ENTRY, one, depth + 2, error);
                }
              if (entry == NULL)
                {
                  ll_doc_node_free (table);
                  return FALSE;
                }
              ll_doc_node_append (row, entry);
            }
        }
      else
        {
          /* anything else in a table becomes a row of one cell */
          g_autoptr(GPtrArray) one = borrowed_array ();
          LlDocNode *entry;

          g_ptr_array_add (one, (gpointer) child);
          entry = canon_inline_block (LL_DOC_ENTRY, one, depth + 2, error);
          if (entry == NULL)
            {
              ll_doc_node_free (table);
              return FALSE;
            }
          ll_doc_node_append (row, entry);
        }
      cols = MAX (cols, row->children->len);
    }

  /* CALS wants every row as wide as the table */
  for (guint i = 0; i < table->children->len; i++)
    {
      LlDocNode *row = g_ptr_array_index (table->children, i);

      while (row->children->len < cols)
        ll_doc_node_append (row, ll_doc_node_new (LL_DOC_ENTRY));
    }

  if (table->children->len > 0)
    g_ptr_array_add (out, table);
  else
    ll_doc_node_free (table);
  return TRUE;
}

static gboolean
canon_section (const LlDocNode  *src,
               GPtrArray        *extra,
               GPtrArray        *out,
               guint             depth,
               GError          **error)
{
  LlDocNode *section = ll_doc_node_new (LL_DOC_SECTION);
  g_autoptr(GPtrArray) children = borrowed_array ();
  gboolean ok;

  g_ptr_array_add (out, section);
  section->title = ll_docbook_clean_line (src->title);
  for (guint i = 0; i < src->children->len; i++)
    g_ptr_array_add (children, g_ptr_array_index (src->children, i));
  if (extra != NULL)
    for (guint i = 0; i < extra->len; i++)
      g_ptr_array_add (children, g_ptr_array_index (extra, i));
  ok = canon_blocks (children, section->children, TRUE, depth + 1, error);
  ensure_block (section);
  return ok;
}

/* Blocks other than sections, and runs of inlines as paragraphs. */
gboolean
ll_docbook_canon_plain_blocks (GPtrArray  *src,
                               GPtrArray  *out,
                               guint       depth,
                               GError    **error)
{
  g_autoptr(GPtrArray) run = borrowed_array ();

  if (!check_depth (depth, error))
    return FALSE;

  for (guint i = 0; i <= src->len; i++)
    {
      const LlDocNode *node = i < src->len ? g_ptr_array_index (src, i) : NULL;
      gboolean ok = TRUE;

      if (node != NULL && ll_doc_node_is_inline (node))
        {
          g_ptr_array_add (run, (gpointer) node);
          continue;
        }
      if (run->len > 0)
        {
          LlDocNode *para = canon_inline_block (LL_DOC_PARA, run, depth, error);

          if (para == NULL)
            return FALSE;
          /* whitespace between blocks is not a paragraph */
          if (para->children->len > 0)
            g_ptr_array_add (out, para);
          else
            ll_doc_node_free (para);
          g_ptr_array_set_size (run, 0);
        }
      if (node == NULL)
        break;

      switch (node->type)
        {
        case LL_DOC_PARA:
        case LL_DOC_ENTRY:
          {
            LlDocNode *para = canon_inline_block (LL_DOC_PARA, node->children, depth, error);

            ok = para != NULL;
            add_block (out, para);
          }
          break;

        case LL_DOC_SECTION:
        case LL_DOC_CHAPTER:
        case LL_DOC_VARLIST_ENTRY:
          /* where a section cannot go, its heading becomes a bold line */
          add_block (out, strong_para (node->title));
          ok = ll_docbook_canon_plain_blocks (node->children, out, depth + 1, error);
          break;

        case LL_DOC_BODY:
        case LL_DOC_LIST_ITEM:
          ok = ll_docbook_canon_plain_blocks (node->children, out, depth + 1, error);
          break;

        case LL_DOC_ROW:
          for (guint k = 0; ok && k < node->children->len; k++)
            {
              const LlDocNode *cell = g_ptr_array_index (node->children, k);
              g_autoptr(GPtrArray) one = borrowed_array ();

              g_ptr_array_add (one, (gpointer) cell);
              ok = ll_docbook_canon_plain_blocks (one, out, depth + 1, error);
            }
          break;

        case LL_DOC_ITEMIZED_LIST:
        case LL_DOC_ORDERED_LIST:
          ok = canon_block_list (node, out, depth, error);
          break;

        case LL_DOC_BLOCKQUOTE:
          {
            LlDocNode *quote = ll_doc_node_new (LL_DOC_BLOCKQUOTE);
            g_autofree char *attr = ll_docbook_clean_line (node->attr);

            g_ptr_array_add (out, quote);
            if (attr[0] != '\0')
              quote->attr = g_steal_pointer (&attr);
            ok = canon_blocks (node->children, quote->children, FALSE, depth + 1, error);
            ensure_block (quote);
          }
          break;

        case LL_DOC_VARLIST:
          ok = canon_varlist (node, out, depth, error);
          break;

        case LL_DOC_TABLE:
          ok = canon_table (node, out, depth, error);
          break;

        case LL_DOC_IMAGE:
          add_block (out, ll_docbook_canon_image (node));
          break;

        case LL_DOC_FIGURE:
          ok = ll_docbook_canon_figure (node, out, depth, error);
          break;

        case LL_DOC_TEXT:
        case LL_DOC_EMPHASIS:
        case LL_DOC_STRONG:
        case LL_DOC_LINK:
        case LL_DOC_FRAGMENT:
        default:
          g_assert_not_reached ();
        }
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static gboolean
canon_blocks (GPtrArray  *src,
              GPtrArray  *out,
              gboolean    allow_sections,
              guint       depth,
              GError    **error)
{
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GPtrArray) extras = NULL;

  if (!allow_sections)
    return ll_docbook_canon_plain_blocks (src, out, depth, error);

  /* DocBook puts a section's own blocks before its subsections: what
   * follows a section without a heading of its own belongs to it. */
  before = borrowed_array ();
  sections = borrowed_array ();
  extras = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < src->len; i++)
    {
      const LlDocNode *node = g_ptr_array_index (src, i);

      if (node->type == LL_DOC_SECTION || node->type == LL_DOC_CHAPTER)
        {
          g_ptr_array_add (sections, (gpointer) node);
          g_ptr_array_add (extras, borrowed_array ());
        }
      else if (sections->len == 0)
        g_ptr_array_add (before, (gpointer) node);
      else
        g_ptr_array_add (g_ptr_array_index (extras, extras->len - 1), (gpointer) node);
    }

  if (!ll_docbook_canon_plain_blocks (before, out, depth, error))
    return FALSE;
  for (guint i = 0; i < sections->len; i++)
    if (!canon_section (g_ptr_array_index (sections, i), g_ptr_array_index (extras, i),
                        out, depth, error))
      return FALSE;
  return TRUE;
}

LlDocNode *
ll_docbook_canonicalize (const LlDocNode  *container,
                         gboolean          allow_sections,
                         gboolean          need_block,
                         guint             level,
                         GError          **error)
{
  g_autoptr(LlDocNode) body = ll_doc_node_new (LL_DOC_BODY);

  g_return_val_if_fail (container != NULL, NULL);
  g_return_val_if_fail (level >= 1, NULL);

  if (!canon_blocks (container->children, body->children, allow_sections, 1, error))
    return NULL;
  if (need_block)
    ensure_block (body);

  /* The depth counted above bounds the walk of any tree. The writer nests
   * some things deeper than the tree does (a heading's <title>, a table's
   * <tgroup>, <tbody> and <row>, a term's <listitem>, the paragraph that an
   * empty item gets) and the blocks of an article sit inside <article>:
   * what is written is measured here, so that a tree that canonicalizes is
   * always one that the writer can write, and then read back. */
  for (guint i = 0; i < body->children->len; i++)
    if (level - 1 + ll_docbook_written_depth (g_ptr_array_index (body->children, i))
        > LL_DOCBOOK_MAX_DEPTH)
      {
        ll_docbook_set_too_deep (error, TRUE);
        return NULL;
      }
  return g_steal_pointer (&body);
}
