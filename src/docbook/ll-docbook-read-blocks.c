/* ll-docbook-read-blocks.c: DocBook blocks into the neutral tree
 *
 * Paragraphs, sections, lists, quotations and tables map onto the nodes of
 * the same name; boxes, figures and headings that the tree cannot hold
 * become ordinary paragraphs, and an element the reader does not know
 * keeps its words.
 */
#define G_LOG_DOMAIN "ll-docbook"

#include "config.h"

#include <string.h>

#include "ll-docbook-reader-private.h"


void
ll_docbook_read_block_children (Reader     *rd,
                                xmlNodePtr  parent,
                                LlDocNode  *target,
                                guint       depth)
{
  for (xmlNodePtr child = parent->children; child != NULL && rd->error == NULL; child = child->next)
    ll_docbook_read_block_node (rd, child, target, depth + 1);
}

static gboolean
is_block_kind (Kind kind)
{
  switch (kind)
    {
    case K_PARA:
    case K_FORMALPARA:
    case K_SECTION:
    case K_ITEMIZED:
    case K_ORDERED:
    case K_LISTITEM:
    case K_SIMPLELIST:
    case K_VARLIST:
    case K_VARENTRY:
    case K_BLOCKQUOTE:
    case K_TABLE:
    case K_ADMONITION:
    case K_PREFORMATTED:
    case K_FIGURE:
    case K_BRIDGEHEAD:
    case K_BLOCK:
      return TRUE;
    case K_UNKNOWN:
    case K_IGNORE:
    case K_TITLE:
    case K_INFO:
    case K_MEMBER:
    case K_TERM:
    case K_ATTRIBUTION:
    case K_TABLE_PART:
    case K_IMAGE:
    case K_FOOTNOTE:
    case K_EMPHASIS:
    case K_LINK:
    case K_ULINK:
    case K_QUOTE:
    case K_XREF:
    case K_INLINE:
    default:
      return FALSE;
    }
}

/* A heading that the tree cannot hold as one becomes a bold paragraph. */
static void
append_title_para (Reader     *rd,
                   xmlNodePtr  node,
                   LlDocNode  *target,
                   gboolean    bold,
                   guint       depth)
{
  g_autofree char *title = ll_docbook_read_title (rd, node, depth);
  LlDocNode *para;

  if (title[0] == '\0')
    return;
  para = ll_doc_node_append (target, ll_doc_node_new (LL_DOC_PARA));
  if (bold)
    para = ll_doc_node_append (para, ll_doc_node_new (LL_DOC_STRONG));
  ll_docbook_append_text (para, title);
}

static gboolean
has_content (LlDocNode *para)
{
  for (guint i = 0; i < para->children->len; i++)
    {
      LlDocNode *child = g_ptr_array_index (para->children, i);

      if (child->type != LL_DOC_TEXT)
        return TRUE;
      for (const char *p = child->text; *p != '\0'; p++)
        if (!g_ascii_isspace (*p))
          return TRUE;
    }
  return FALSE;
}

/* DocBook lets lists, tables and the like sit inside a paragraph; the tree
 * does not, so the paragraph is split round them. */
static void
read_para (Reader     *rd,
           xmlNodePtr  node,
           LlDocNode  *target,
           guint       depth)
{
  LlDocNode *para = ll_doc_node_new (LL_DOC_PARA);
  gboolean split = FALSE;

  for (xmlNodePtr child = node->children; child != NULL && rd->error == NULL; child = child->next)
    {
      if (child->type == XML_ELEMENT_NODE && is_block_kind (ll_docbook_kind_of (child)))
        {
          if (has_content (para))
            ll_doc_node_append (target, para);
          else
            ll_doc_node_free (para);
          para = ll_doc_node_new (LL_DOC_PARA);
          split = TRUE;
          ll_docbook_read_block_node (rd, child, target, depth + 1);
        }
      else
        ll_docbook_read_inline_node (rd, child, para, depth + 1);
    }
  if (!split || has_content (para))
    ll_doc_node_append (target, para);
  else
    ll_doc_node_free (para);
}

static void
read_list (Reader        *rd,
           xmlNodePtr     node,
           LlDocNodeType  type,
           LlDocNode     *target,
           guint          depth)
{
  LlDocNode *list = ll_doc_node_new (type);

  append_title_para (rd, node, target, TRUE, depth);
  for (xmlNodePtr child = node->children; child != NULL && rd->error == NULL; child = child->next)
    {
      Kind kind = child->type == XML_ELEMENT_NODE ? ll_docbook_kind_of (child) : K_UNKNOWN;

      if (kind == K_LISTITEM)
        {
          LlDocNode *item = ll_doc_node_append (list, ll_doc_node_new (LL_DOC_LIST_ITEM));

          ll_docbook_read_block_children (rd, child, item, depth + 1);
        }
      else if (kind == K_MEMBER)
        {
          LlDocNode *item = ll_doc_node_append (list, ll_doc_node_new (LL_DOC_LIST_ITEM));
          LlDocNode *para = ll_doc_node_append (item, ll_doc_node_new (LL_DOC_PARA));

          ll_docbook_read_inline_children (rd, child, para, depth + 1);
        }
      else if (kind == K_ORDERED && type == LL_DOC_ORDERED_LIST && list->children->len > 0
               && ll_docbook_is_named (child, "substeps"))
        {
          /* <substeps> belongs to the step before it */
          LlDocNode *item = g_ptr_array_index (list->children, list->children->len - 1);

          ll_docbook_read_block_node (rd, child, item, depth + 1);
        }
      else
        ll_docbook_read_block_node (rd, child, list, depth + 1);
    }
  ll_doc_node_append (target, list);
}

static void
read_varlist (Reader     *rd,
              xmlNodePtr  node,
              LlDocNode  *target,
              guint       depth)
{
  LlDocNode *varlist = ll_doc_node_new (LL_DOC_VARLIST);

  append_title_para (rd, node, target, TRUE, depth);
  for (xmlNodePtr child = node->children; child != NULL && rd->error == NULL; child = child->next)
    {
      LlDocNode *entry;
      GString *terms;

      if (child->type != XML_ELEMENT_NODE || ll_docbook_kind_of (child) != K_VARENTRY)
        {
          ll_docbook_read_block_node (rd, child, varlist, depth + 1);
          continue;
        }
      entry = ll_doc_node_append (varlist, ll_doc_node_new (LL_DOC_VARLIST_ENTRY));
      terms = g_string_new (NULL);
      for (xmlNodePtr part = child->children; part != NULL && rd->error == NULL; part = part->next)
        {
          Kind kind = part->type == XML_ELEMENT_NODE ? ll_docbook_kind_of (part) : K_UNKNOWN;

          if (kind == K_TERM)
            {
              g_autofree char *term = ll_docbook_read_line (rd, part, depth + 2);

              if (terms->len > 0 && term[0] != '\0')
                g_string_append (terms, ", ");
              g_string_append (terms, term);
            }
          else if (kind == K_LISTITEM)
            ll_docbook_read_block_children (rd, part, entry, depth + 2);
          else
            ll_docbook_read_block_node (rd, part, entry, depth + 2);
        }
      entry->title = g_string_free (terms, FALSE);
    }
  ll_doc_node_append (target, varlist);
}

static void
read_blockquote (Reader     *rd,
                 xmlNodePtr  node,
                 LlDocNode  *target,
                 guint       depth)
{
  LlDocNode *quote = ll_doc_node_append (target, ll_doc_node_new (LL_DOC_BLOCKQUOTE));

  append_title_para (rd, node, quote, TRUE, depth);
  for (xmlNodePtr child = node->children; child != NULL && rd->error == NULL; child = child->next)
    {
      if (child->type == XML_ELEMENT_NODE && ll_docbook_kind_of (child) == K_ATTRIBUTION)
        {
          g_free (quote->attr);
          quote->attr = ll_docbook_read_line (rd, child, depth + 1);
        }
      else
        ll_docbook_read_block_node (rd, child, quote, depth + 1);
    }
}

typedef struct
{
  GPtrArray *head;
  GPtrArray *body;
  GPtrArray *foot;
} Rows;

static void
read_rows (Reader     *rd,
           xmlNodePtr  node,
           GPtrArray  *rows,
           Rows       *all,
           guint       depth)
{
  for (xmlNodePtr child = node->children; child != NULL && rd->error == NULL; child = child->next)
    {
      const char *name = (const char *) child->name;
      Kind kind = child->type == XML_ELEMENT_NODE ? ll_docbook_kind_of (child) : K_UNKNOWN;

      if (!ll_docbook_reader_ok (rd, depth + 1))
        return;
      if (kind == K_IMAGE)
        rd->images++;
      if (kind != K_TABLE_PART)
        continue;
      if (strcmp (name, "tgroup") == 0 || strcmp (name, "tbody") == 0)
        read_rows (rd, child, all->body, all, depth + 1);
      else if (strcmp (name, "thead") == 0)
        read_rows (rd, child, all->head, all, depth + 1);
      else if (strcmp (name, "tfoot") == 0)
        read_rows (rd, child, all->foot, all, depth + 1);
      else if (strcmp (name, "row") == 0 || strcmp (name, "tr") == 0)
        {
          LlDocNode *row = ll_doc_node_new (LL_DOC_ROW);

          g_ptr_array_add (rows, row);
          for (xmlNodePtr cell = child->children; cell != NULL; cell = cell->next)
            if (rd->error == NULL && cell->type == XML_ELEMENT_NODE
                && ll_docbook_kind_of (cell) == K_TABLE_PART)
              {
                LlDocNode *entry = ll_doc_node_append (row, ll_doc_node_new (LL_DOC_ENTRY));

                ll_docbook_read_inline_children (rd, cell, entry, depth + 2);
              }
        }
    }
}

static void
read_table (Reader     *rd,
            xmlNodePtr  node,
            LlDocNode  *target,
            guint       depth)
{
  LlDocNode *table = ll_doc_node_append (target, ll_doc_node_new (LL_DOC_TABLE));
  xmlNodePtr caption = ll_docbook_find_child (node, "caption");
  Rows all;

  table->title = ll_docbook_read_title (rd, node, depth);
  if (table->title[0] == '\0' && caption != NULL)
    {
      g_free (table->title);
      table->title = ll_docbook_read_line (rd, caption, depth + 1);
    }

  all.head = g_ptr_array_new ();
  all.body = g_ptr_array_new ();
  all.foot = g_ptr_array_new ();
  read_rows (rd, node, all.body, &all, depth);
  for (guint i = 0; i < all.head->len; i++)
    ll_doc_node_append (table, g_ptr_array_index (all.head, i));
  for (guint i = 0; i < all.body->len; i++)
    ll_doc_node_append (table, g_ptr_array_index (all.body, i));
  for (guint i = 0; i < all.foot->len; i++)
    ll_doc_node_append (table, g_ptr_array_index (all.foot, i));
  g_ptr_array_unref (all.head);
  g_ptr_array_unref (all.body);
  g_ptr_array_unref (all.foot);
}

void
ll_docbook_read_unknown (Reader     *rd,
                         xmlNodePtr  node,
                         LlDocNode  *target,
                         gboolean    block,
                         guint       depth)
{
  /* keep what it says; count it once, however deeply it nests */
  if (rd->in_unknown == 0)
    rd->unknown++;
  rd->in_unknown++;
  if (block)
    {
      append_title_para (rd, node, target, TRUE, depth);
      ll_docbook_read_block_children (rd, node, target, depth);
    }
  else
    ll_docbook_read_inline_children (rd, node, target, depth);
  rd->in_unknown--;
}

void
ll_docbook_read_block_node (Reader     *rd,
                            xmlNodePtr  node,
                            LlDocNode  *target,
                            guint       depth)
{
  Kind kind;

  if (!ll_docbook_reader_ok (rd, depth))
    return;
  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      /* text among blocks: canonical form makes it a paragraph, or drops
       * it if it is only whitespace */
      ll_docbook_append_text (target, (const char *) node->content);
      return;
    }
  if (node->type != XML_ELEMENT_NODE)
    return;

  kind = ll_docbook_kind_of (node);
  switch (kind)
    {
    case K_PARA:
      read_para (rd, node, target, depth);
      break;

    case K_FORMALPARA:
      append_title_para (rd, node, target, TRUE, depth);
      ll_docbook_read_block_children (rd, node, target, depth);
      break;

    case K_SECTION:
      {
        LlDocNode *section = ll_doc_node_append (target, ll_doc_node_new (LL_DOC_SECTION));

        section->title = ll_docbook_read_title (rd, node, depth);
        ll_docbook_read_block_children (rd, node, section, depth);
      }
      break;

    case K_ITEMIZED:
    case K_SIMPLELIST:
      read_list (rd, node, LL_DOC_ITEMIZED_LIST, target, depth);
      break;

    case K_ORDERED:
      read_list (rd, node, LL_DOC_ORDERED_LIST, target, depth);
      break;

    case K_VARLIST:
      read_varlist (rd, node, target, depth);
      break;

    case K_BLOCKQUOTE:
      read_blockquote (rd, node, target, depth);
      break;

    case K_TABLE:
      read_table (rd, node, target, depth);
      break;

    case K_ADMONITION:
      rd->boxes++;
      append_title_para (rd, node, target, TRUE, depth);
      ll_docbook_read_block_children (rd, node, target, depth);
      break;

    case K_PREFORMATTED:
      {
        LlDocNode *para = ll_doc_node_append (target, ll_doc_node_new (LL_DOC_PARA));

        rd->preformatted++;
        ll_docbook_read_inline_children (rd, node, para, depth);
      }
      break;

    case K_FIGURE:
      if ((rd->flags & LL_DOCBOOK_READ_IMAGES)
          && (ll_docbook_is_named (node, "figure") || ll_docbook_is_named (node, "informalfigure")))
        {
          ll_docbook_read_figure (rd, node, target, depth);
          break;
        }
      append_title_para (rd, node, target, FALSE, depth);
      ll_docbook_read_block_children (rd, node, target, depth);
      break;

    case K_BRIDGEHEAD:
      {
        LlDocNode *para = ll_doc_node_append (target, ll_doc_node_new (LL_DOC_PARA));
        LlDocNode *strong = ll_doc_node_append (para, ll_doc_node_new (LL_DOC_STRONG));

        ll_docbook_read_inline_children (rd, node, strong, depth);
      }
      break;

    case K_LISTITEM:
    case K_BLOCK:
    case K_TABLE_PART:
      ll_docbook_read_block_children (rd, node, target, depth);
      break;

    case K_VARENTRY:
    case K_MEMBER:
    case K_TERM:
    case K_ATTRIBUTION:
      /* out of place: keep the words */
      ll_docbook_read_block_children (rd, node, target, depth);
      break;

    case K_TITLE:
    case K_INFO:
    case K_IGNORE:
      break;

    case K_UNKNOWN:
      ll_docbook_read_unknown (rd, node, target, TRUE, depth);
      break;

    case K_IMAGE:
      if ((rd->flags & LL_DOCBOOK_READ_IMAGES) && ll_docbook_is_named (node, "mediaobject"))
        ll_docbook_read_mediaobject (rd, node, target, depth);
      else
        ll_docbook_read_inline_node (rd, node, target, depth);
      break;

    case K_FOOTNOTE:
    case K_EMPHASIS:
    case K_LINK:
    case K_ULINK:
    case K_QUOTE:
    case K_XREF:
    case K_INLINE:
    default:
      ll_docbook_read_inline_node (rd, node, target, depth);
      break;
    }
}
