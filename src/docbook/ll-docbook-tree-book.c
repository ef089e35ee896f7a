/* ll-docbook-tree-book.c: the canonical form of a book
 *
 * A book holds chapters only. It is made from the canonical form of an
 * article's body (ll-docbook-tree.c), whose plain blocks come first and
 * its sections after them.
 */
#define G_LOG_DOMAIN "ll-docbook"

#include "config.h"

#include "ll-docbook-private.h"

/**
 * ll_docbook_canonicalize_book:
 * The canonical body of a book: chapters only. A section at the top is a
 * chapter; what comes before the first chapter is a chapter with no
 * title, and what follows a chapter belongs to it.
 */
LlDocNode *
ll_docbook_canonicalize_book (const LlDocNode  *container,
                              GError          **error)
{
  g_autoptr(LlDocNode) body = ll_docbook_canonicalize (container, TRUE, FALSE, 2, error);
  LlDocNode *lead = NULL;
  guint i = 0;

  if (body == NULL)
    return NULL;

  /* canonical form puts the plain blocks first, then the sections */
  while (i < body->children->len)
    {
      LlDocNode *node = g_ptr_array_index (body->children, i);

      if (node->type == LL_DOC_SECTION)
        {
          node->type = LL_DOC_CHAPTER;
          i++;
          continue;
        }
      if (lead == NULL)
        {
          lead = ll_doc_node_new (LL_DOC_CHAPTER);
          lead->title = g_strdup ("");
        }
      ll_doc_node_append (lead, g_steal_pointer (&body->children->pdata[i]));
      g_ptr_array_remove_index (body->children, i);
    }
  if (lead != NULL)
    {
      g_ptr_array_insert (body->children, 0, lead);
      /* one level deeper than the blocks were measured at */
      if (1 + ll_docbook_written_depth (lead) > LL_DOCBOOK_MAX_DEPTH)
        {
          ll_docbook_set_too_deep (error, TRUE);
          return NULL;
        }
    }
  return g_steal_pointer (&body);
}
