/* ll-docbook-document.c: a workbook's documents, ready for output
 *
 * The model keeps rich text as DocBook fragments, which only this module
 * may parse; here they become nodes, so that the writer and the print
 * layout both receive a complete tree.
 */
#define G_LOG_DOMAIN "ll-docbook"

#include "config.h"

#include "ll-docbook.h"

static gboolean
resolve_node (LlDocNode  *node,
              GError    **error)
{
  for (guint i = 0; i < node->children->len; i++)
    {
      LlDocNode *child = g_ptr_array_index (node->children, i);
      g_autoptr(LlDocNode) body = NULL;

      if (child->type != LL_DOC_FRAGMENT)
        {
          if (!resolve_node (child, error))
            return FALSE;
          continue;
        }
      body = ll_docbook_read_blocks (child->text ? child->text : "", NULL, error);
      if (body == NULL)
        return FALSE;
      /* replace the fragment by its blocks, in place */
      g_ptr_array_remove_index (node->children, i);
      for (guint k = 0; k < body->children->len; k++)
        g_ptr_array_insert (node->children, i + k, g_steal_pointer (&body->children->pdata[k]));
      i += body->children->len;
      i--;
      g_ptr_array_set_size (body->children, 0);
    }
  return TRUE;
}

/**
 * ll_docbook_resolve_fragments:
 * Replaces every LL_DOC_FRAGMENT in @doc by the blocks it holds.
 */
gboolean
ll_docbook_resolve_fragments (LlDoc   *doc,
                              GError **error)
{
  g_return_val_if_fail (doc != NULL, FALSE);
  return resolve_node (doc->body, error);
}

/**
 * ll_docbook_build_doc:
 * The complete tree of one of @workbook's documents, for export and print.
 */
LlDoc *
ll_docbook_build_doc (LlWorkbook  *workbook,
                      gint64       document_id,
                      GError     **error)
{
  g_autoptr(LlDoc) doc = ll_workbook_build_doc (workbook, document_id, error);

  if (doc == NULL || !ll_docbook_resolve_fragments (doc, error))
    return NULL;
  return g_steal_pointer (&doc);
}
