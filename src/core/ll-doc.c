/* ll-doc.c: the neutral document tree */
#define G_LOG_DOMAIN "ll-doc"

#include "config.h"

#include <stdarg.h>

#include "ll-doc.h"

LlDocNode *
ll_doc_node_new (LlDocNodeType type)
{
  LlDocNode *node = g_new0 (LlDocNode, 1);

  node->type = type;
  node->children = g_ptr_array_new_with_free_func ((GDestroyNotify) ll_doc_node_free);
  return node;
}

LlDocNode *
ll_doc_node_new_text (const char *text)
{
  LlDocNode *node = ll_doc_node_new (LL_DOC_TEXT);

  node->text = g_strdup (text ? text : "");
  return node;
}

void
ll_doc_node_free (LlDocNode *node)
{
  if (node == NULL)
    return;
  g_free (node->title);
  g_free (node->text);
  g_free (node->attr);
  g_ptr_array_unref (node->children);
  g_clear_pointer (&node->image, ll_doc_image_free);
  g_free (node);
}

/**
 * ll_doc_node_copy:
 * Returns a deep copy of @node.
 */
LlDocNode *
ll_doc_node_copy (const LlDocNode *node)
{
  LlDocNode *copy = ll_doc_node_new (node->type);

  copy->title = g_strdup (node->title);
  copy->text = g_strdup (node->text);
  copy->attr = g_strdup (node->attr);
  if (node->image != NULL)
    copy->image = ll_doc_image_copy (node->image);
  for (guint i = 0; i < node->children->len; i++)
    g_ptr_array_add (copy->children, ll_doc_node_copy (g_ptr_array_index (node->children, i)));
  return copy;
}

/**
 * ll_doc_node_append:
 * Appends @child (taking ownership) to @parent and returns @child.
 */
LlDocNode *
ll_doc_node_append (LlDocNode *parent,
                    LlDocNode *child)
{
  g_return_val_if_fail (parent != NULL, NULL);
  g_return_val_if_fail (child != NULL, NULL);

  g_ptr_array_add (parent->children, child);
  return child;
}

gboolean
ll_doc_node_is_inline (const LlDocNode *node)
{
  switch (node->type)
    {
    case LL_DOC_TEXT:
    case LL_DOC_EMPHASIS:
    case LL_DOC_STRONG:
    case LL_DOC_LINK:
      return TRUE;
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
      return FALSE;
    }
}

static void
revision_free (LlDocRevision *revision)
{
  g_free (revision->date);
  g_free (revision->remark);
  g_free (revision);
}

void
ll_doc_add_revision (LlDoc      *doc,
                     const char *date,
                     const char *remark)
{
  LlDocRevision *revision = g_new0 (LlDocRevision, 1);

  revision->date = g_strdup (date);
  revision->remark = g_strdup (remark);
  g_ptr_array_add (doc->revisions, revision);
}

static void
collect_text (const LlDocNode *node,
              GString         *out)
{
  if (node->type == LL_DOC_TEXT)
    g_string_append (out, node->text);
  for (guint i = 0; i < node->children->len; i++)
    collect_text (g_ptr_array_index (node->children, i), out);
}

/**
 * ll_doc_node_get_text:
 * Returns the concatenated text of @node and its descendants.
 */
char *
ll_doc_node_get_text (const LlDocNode *node)
{
  GString *out = g_string_new (NULL);

  collect_text (node, out);
  return g_string_free (out, FALSE);
}

LlDocNode *
ll_doc_add_section (LlDocNode  *parent,
                    const char *title)
{
  LlDocNode *section = ll_doc_node_new (LL_DOC_SECTION);

  section->title = g_strdup (title);
  return ll_doc_node_append (parent, section);
}

LlDocNode *
ll_doc_add_chapter (LlDocNode  *body,
                    const char *title)
{
  LlDocNode *chapter = ll_doc_node_new (LL_DOC_CHAPTER);

  chapter->title = g_strdup (title);
  return ll_doc_node_append (body, chapter);
}

LlDocNode *
ll_doc_add_para (LlDocNode  *parent,
                 const char *text)
{
  LlDocNode *para = ll_doc_node_new (LL_DOC_PARA);

  if (text != NULL)
    ll_doc_node_append (para, ll_doc_node_new_text (text));
  return ll_doc_node_append (parent, para);
}

LlDocNode *
ll_doc_add_list (LlDocNode *parent,
                 gboolean   ordered)
{
  return ll_doc_node_append (parent,
                             ll_doc_node_new (ordered ? LL_DOC_ORDERED_LIST
                                                      : LL_DOC_ITEMIZED_LIST));
}

LlDocNode *
ll_doc_add_list_item (LlDocNode  *list,
                      const char *text)
{
  LlDocNode *item = ll_doc_node_new (LL_DOC_LIST_ITEM);

  if (text != NULL)
    ll_doc_add_para (item, text);
  return ll_doc_node_append (list, item);
}

LlDocNode *
ll_doc_add_varlist_entry (LlDocNode  *varlist,
                          const char *term,
                          const char *text)
{
  LlDocNode *entry = ll_doc_node_new (LL_DOC_VARLIST_ENTRY);

  entry->title = g_strdup (term);
  ll_doc_add_para (entry, text);
  return ll_doc_node_append (varlist, entry);
}

LlDocNode *
ll_doc_add_row (LlDocNode  *table,
                const char *first_cell,
                ...)
{
  LlDocNode *row = ll_doc_node_new (LL_DOC_ROW);
  va_list args;

  va_start (args, first_cell);
  for (const char *cell = first_cell; cell != NULL; cell = va_arg (args, const char *))
    {
      LlDocNode *entry = ll_doc_node_new (LL_DOC_ENTRY);

      ll_doc_node_append (entry, ll_doc_node_new_text (cell));
      ll_doc_node_append (row, entry);
    }
  va_end (args);
  return ll_doc_node_append (table, row);
}

LlDoc *
ll_doc_new (const char *kind,
            gint64      id,
            const char *title)
{
  LlDoc *doc = g_new0 (LlDoc, 1);

  doc->kind = g_strdup (kind);
  doc->id = id;
  doc->title = g_strdup (title);
  doc->lang = g_strdup ("en-GB");
  doc->body = ll_doc_node_new (LL_DOC_BODY);
  doc->revisions = g_ptr_array_new_with_free_func ((GDestroyNotify) revision_free);
  return doc;
}

/**
 * ll_doc_new_book:
 * A new document whose root is a book: its body holds chapters.
 */
LlDoc *
ll_doc_new_book (const char *kind,
                 gint64      id,
                 const char *title)
{
  LlDoc *doc = ll_doc_new (kind, id, title);

  doc->root = LL_DOC_BOOK;
  return doc;
}

void
ll_doc_free (LlDoc *doc)
{
  if (doc == NULL)
    return;
  g_free (doc->kind);
  g_free (doc->title);
  g_free (doc->subtitle);
  g_free (doc->author);
  g_free (doc->date);
  g_free (doc->lang);
  ll_doc_node_free (doc->body);
  g_ptr_array_unref (doc->revisions);
  g_free (doc);
}
