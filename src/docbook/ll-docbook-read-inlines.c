/* ll-docbook-read-inlines.c: DocBook text and inline elements into the
 * neutral tree
 *
 * The tree holds text, emphasis, strong emphasis and links; quotations
 * become quotation marks, footnotes words in square brackets, and a block
 * where only text can go keeps its words.
 */
#define G_LOG_DOMAIN "ll-docbook"

#include "config.h"

#include "ll-docbook-reader-private.h"

void
ll_docbook_read_inline_children (Reader     *rd,
                                 xmlNodePtr  parent,
                                 LlDocNode  *target,
                                 guint       depth)
{
  for (xmlNodePtr child = parent->children; child != NULL && rd->error == NULL; child = child->next)
    ll_docbook_read_inline_node (rd, child, target, depth + 1);
}

void
ll_docbook_append_text (LlDocNode  *target,
                        const char *text)
{
  ll_doc_node_append (target, ll_doc_node_new_text (text));
}

char *
ll_docbook_read_line (Reader     *rd,
                      xmlNodePtr  node,
                      guint       depth)
{
  g_autoptr(LlDocNode) tmp = ll_doc_node_new (LL_DOC_PARA);
  g_autofree char *text = NULL;

  ll_docbook_read_inline_children (rd, node, tmp, depth);
  text = ll_doc_node_get_text (tmp);
  return ll_docbook_clean_line (text);
}

void
ll_docbook_read_inline_node (Reader     *rd,
                             xmlNodePtr  node,
                             LlDocNode  *target,
                             guint       depth)
{
  Kind kind;

  if (!ll_docbook_reader_ok (rd, depth))
    return;
  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      ll_docbook_append_text (target, (const char *) node->content);
      return;
    }
  if (node->type != XML_ELEMENT_NODE)
    return;

  kind = ll_docbook_kind_of (node);
  switch (kind)
    {
    case K_EMPHASIS:
      {
        g_autofree char *role = ll_docbook_get_prop (node, "role", NULL);
        gboolean strong = role != NULL && (g_ascii_strcasecmp (role, "bold") == 0
                                           || g_ascii_strcasecmp (role, "strong") == 0);
        LlDocNode *emphasis = ll_doc_node_new (strong ? LL_DOC_STRONG : LL_DOC_EMPHASIS);

        ll_doc_node_append (target, emphasis);

        ll_docbook_read_inline_children (rd, node, emphasis, depth);
      }
      break;

    case K_LINK:
    case K_ULINK:
      {
        g_autofree char *href = NULL;

        if (kind == K_LINK)
          href = ll_docbook_get_prop (node, "href", LL_XLINK_NS);
        else
          href = ll_docbook_get_prop (node, "url", NULL);
        if (href != NULL && href[0] != '\0')
          {
            LlDocNode *link = ll_doc_node_append (target, ll_doc_node_new (LL_DOC_LINK));

            link->attr = g_steal_pointer (&href);
            ll_docbook_read_inline_children (rd, node, link, depth);
          }
        else
          {
            if (xmlHasProp (node, BAD_CAST "linkend") != NULL)
              rd->xrefs++;
            ll_docbook_read_inline_children (rd, node, target, depth);
          }
      }
      break;

    case K_QUOTE:
      {
        /* “double” outside, ‘single’ inside */
        gboolean outer = rd->quotes % 2 == 0;

        ll_docbook_append_text (target, outer ? "\xe2\x80\x9c" : "\xe2\x80\x98");
        rd->quotes++;
        ll_docbook_read_inline_children (rd, node, target, depth);
        rd->quotes--;
        ll_docbook_append_text (target, outer ? "\xe2\x80\x9d" : "\xe2\x80\x99");
      }
      break;

    case K_FOOTNOTE:
      {
        g_autofree char *note = NULL;

        rd->footnotes++;
        note = ll_docbook_read_line (rd, node, depth);
        if (note[0] != '\0')
          {
            g_autofree char *bracketed = g_strdup_printf (" [%s]", note);

            ll_docbook_append_text (target, bracketed);
          }
      }
      break;

    case K_IMAGE:
      rd->images++;
      break;

    case K_XREF:
      rd->xrefs++;
      break;

    case K_INLINE:
      ll_docbook_read_inline_children (rd, node, target, depth);
      break;

    case K_TITLE:
    case K_INFO:
    case K_IGNORE:
      break;

    case K_UNKNOWN:
      ll_docbook_read_unknown (rd, node, target, FALSE, depth);
      break;

    case K_ADMONITION:
    case K_PREFORMATTED:
    case K_PARA:
    case K_FORMALPARA:
    case K_SECTION:
    case K_ITEMIZED:
    case K_ORDERED:
    case K_LISTITEM:
    case K_SIMPLELIST:
    case K_MEMBER:
    case K_VARLIST:
    case K_VARENTRY:
    case K_TERM:
    case K_BLOCKQUOTE:
    case K_ATTRIBUTION:
    case K_TABLE:
    case K_TABLE_PART:
    case K_FIGURE:
    case K_BRIDGEHEAD:
    case K_BLOCK:
    default:
      /* a block where only text can go (in a table cell, a footnote, a
       * title): keep its words, set apart by spaces */
      if (kind == K_ADMONITION)
        rd->boxes++;
      else if (kind == K_PREFORMATTED)
        rd->preformatted++;
      ll_docbook_append_text (target, " ");
      ll_docbook_read_inline_children (rd, node, target, depth);
      ll_docbook_append_text (target, " ");
      break;
    }
}
