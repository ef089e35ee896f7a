/* ll-docbook-document.c: a workbook's documents, ready for output
 *
 * The model keeps rich text as DocBook fragments, which only this module
 * may parse; here they become nodes, so that the writer and the print
 * layout both receive a complete tree.
 */
#define G_LOG_DOMAIN "ll-docbook"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ll-docbook.h"
#include "ll-docbook-private.h"
#include "ll-workbook.h"

gboolean
ll_docbook_has_fragments (const LlDocNode *node)
{
  if (node->type == LL_DOC_FRAGMENT)
    return TRUE;
  for (guint i = 0; i < node->children->len; i++)
    if (ll_docbook_has_fragments (g_ptr_array_index (node->children, i)))
      return TRUE;
  return FALSE;
}

gboolean
ll_docbook_resolve_node (LlDocNode  *node,
                         GError    **error)
{
  for (guint i = 0; i < node->children->len; i++)
    {
      LlDocNode *child = g_ptr_array_index (node->children, i);
      g_autoptr(LlDocNode) body = NULL;

      if (child->type != LL_DOC_FRAGMENT)
        {
          if (!ll_docbook_resolve_node (child, error))
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
  return ll_docbook_resolve_node (doc->body, error);
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

/* What the narrative editor shows: paragraphs, lists, quotations and one
 * level of sub-headings. Anything else is reduced to those, counted in
 * @counts so that the user can be told. */
enum {
  SIMPLIFIED_TABLES,
  SIMPLIFIED_VARLISTS,
  SIMPLIFIED_HEADINGS,
  SIMPLIFIED_NESTED_LISTS,
  SIMPLIFIED_IMAGES,
  N_SIMPLIFIED
};

static void simplify_blocks (GPtrArray *blocks, guint depth, guint *counts);

static LlDocNode *
new_para (const char *text)
{
  LlDocNode *para = ll_doc_node_new (LL_DOC_PARA);

  ll_doc_node_append (para, ll_doc_node_new_text (text));
  return para;
}

/* Replaces blocks[i] by @replacement (a list of blocks, consumed). */
static guint
splice (GPtrArray *blocks,
        guint      i,
        GPtrArray *replacement)
{
  guint n = replacement->len;

  g_ptr_array_remove_index (blocks, i);
  for (guint k = 0; k < n; k++)
    g_ptr_array_insert (blocks, i + k, g_steal_pointer (&replacement->pdata[k]));
  g_ptr_array_set_size (replacement, 0);
  return n;
}

static void
simplify_blocks (GPtrArray *blocks,
                 guint      depth,
                 guint     *counts)
{
  for (guint i = 0; i < blocks->len; i++)
    {
      LlDocNode *node = g_ptr_array_index (blocks, i);
      g_autoptr(GPtrArray) repl = g_ptr_array_new_with_free_func ((GDestroyNotify) ll_doc_node_free);

      switch (node->type)
        {
        case LL_DOC_TABLE:
          /* one paragraph per row, cells separated by semicolons */
          counts[SIMPLIFIED_TABLES]++;
          if (node->title != NULL)
            g_ptr_array_add (repl, new_para (node->title));
          for (guint r = 0; r < node->children->len; r++)
            {
              LlDocNode *row = g_ptr_array_index (node->children, r);
              g_autoptr(GString) line = g_string_new (NULL);

              for (guint c = 0; c < row->children->len; c++)
                {
                  g_autofree char *cell = ll_doc_node_get_text (g_ptr_array_index (row->children, c));

                  if (c > 0)
                    g_string_append (line, "; ");
                  g_string_append (line, cell);
                }
              g_ptr_array_add (repl, new_para (line->str));
            }
          i += splice (blocks, i, repl) - 1;
          break;

        case LL_DOC_VARLIST:
          /* "term: value" paragraphs */
          counts[SIMPLIFIED_VARLISTS]++;
          for (guint e = 0; e < node->children->len; e++)
            {
              LlDocNode *entry = g_ptr_array_index (node->children, e);
              g_autofree char *value = ll_doc_node_get_text (entry);
              g_autofree char *line = g_strdup_printf ("%s: %s", entry->title ? entry->title : "", value);

              g_ptr_array_add (repl, new_para (line));
            }
          i += splice (blocks, i, repl) - 1;
          break;

        case LL_DOC_FIGURE:
        case LL_DOC_IMAGE:
          /* the editor shows no pictures: a figure keeps its caption */
          counts[SIMPLIFIED_IMAGES]++;
          if (node->type == LL_DOC_FIGURE && node->title != NULL && node->title[0] != '\0')
            g_ptr_array_add (repl, new_para (node->title));
          i += splice (blocks, i, repl) - 1;
          break;

        case LL_DOC_SECTION:
        case LL_DOC_CHAPTER:
          /* depth 0: a narrative section; 1: a sub-heading in it */
          if (depth >= 2)
            {
              /* deeper than a sub-heading: a bold paragraph, then its blocks */
              LlDocNode *heading = ll_doc_node_new (LL_DOC_PARA);
              LlDocNode *strong = ll_doc_node_append (heading, ll_doc_node_new (LL_DOC_STRONG));

              counts[SIMPLIFIED_HEADINGS]++;
              ll_doc_node_append (strong, ll_doc_node_new_text (node->title ? node->title : ""));
              g_ptr_array_add (repl, heading);
              simplify_blocks (node->children, depth + 1, counts);
              for (guint k = 0; k < node->children->len; k++)
                g_ptr_array_add (repl, g_steal_pointer (&node->children->pdata[k]));
              g_ptr_array_set_size (node->children, 0);
              i += splice (blocks, i, repl) - 1;
            }
          else
            simplify_blocks (node->children, depth + 1, counts);
          break;

        case LL_DOC_ITEMIZED_LIST:
        case LL_DOC_ORDERED_LIST:
          /* one level of lists: each item becomes one paragraph of text */
          for (guint k = 0; k < node->children->len; k++)
            {
              LlDocNode *item = g_ptr_array_index (node->children, k);
              gboolean plain = item->children->len == 1
                               && ((LlDocNode *) g_ptr_array_index (item->children, 0))->type == LL_DOC_PARA;

              if (!plain)
                {
                  g_autofree char *text = ll_doc_node_get_text (item);

                  counts[SIMPLIFIED_NESTED_LISTS]++;
                  g_ptr_array_set_size (item->children, 0);
                  ll_doc_node_append (item, new_para (text));
                }
            }
          break;

        case LL_DOC_BLOCKQUOTE:
          {
            /* quotations hold paragraphs */
            g_autofree char *text = NULL;
            gboolean plain = TRUE;

            /* Word and pandoc write who said it as a last paragraph
             * starting with a dash: that is the attribution */
            if (node->attr == NULL && node->children->len > 1)
              {
                LlDocNode *last = g_ptr_array_index (node->children, node->children->len - 1);
                g_autofree char *said = last->type == LL_DOC_PARA ? ll_doc_node_get_text (last) : NULL;
                const char *dashes[] = { "— ", "– ", "―", "-- " };

                for (guint d = 0; said != NULL && d < G_N_ELEMENTS (dashes); d++)
                  if (g_str_has_prefix (g_strstrip (said), dashes[d]))
                    {
                      node->attr = g_strstrip (g_strdup (said + strlen (dashes[d])));
                      g_ptr_array_remove_index (node->children, node->children->len - 1);
                      break;
                    }
              }

            for (guint k = 0; k < node->children->len; k++)
              plain = plain && ((LlDocNode *) g_ptr_array_index (node->children, k))->type == LL_DOC_PARA;
            if (!plain)
              {
                text = ll_doc_node_get_text (node);
                counts[SIMPLIFIED_NESTED_LISTS]++;
                g_ptr_array_set_size (node->children, 0);
                ll_doc_node_append (node, new_para (text));
              }
          }
          break;

        case LL_DOC_BODY:
        case LL_DOC_PARA:
        case LL_DOC_LIST_ITEM:
        case LL_DOC_VARLIST_ENTRY:
        case LL_DOC_ROW:
        case LL_DOC_ENTRY:
        case LL_DOC_TEXT:
        case LL_DOC_EMPHASIS:
        case LL_DOC_STRONG:
        case LL_DOC_LINK:
        case LL_DOC_FRAGMENT:
        default:
          break;
        }
    }
}

static void
add_simplification_notes (GPtrArray   *notes,
                          const guint *counts)
{
  if (counts[SIMPLIFIED_IMAGES] > 0)
    g_ptr_array_add (notes, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
      "%u image was left out: the editor cannot show images.",
      "%u images were left out: the editor cannot show images.", counts[SIMPLIFIED_IMAGES]),
      counts[SIMPLIFIED_IMAGES]));
  if (counts[SIMPLIFIED_TABLES] > 0)
    g_ptr_array_add (notes, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
      "%u table became paragraphs, one for each row.",
      "%u tables became paragraphs, one for each row.", counts[SIMPLIFIED_TABLES]),
      counts[SIMPLIFIED_TABLES]));
  if (counts[SIMPLIFIED_VARLISTS] > 0)
    g_ptr_array_add (notes, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
      "%u list of terms became paragraphs.",
      "%u lists of terms became paragraphs.", counts[SIMPLIFIED_VARLISTS]),
      counts[SIMPLIFIED_VARLISTS]));
  if (counts[SIMPLIFIED_HEADINGS] > 0)
    g_ptr_array_add (notes, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
      "%u heading nested below a sub-heading became a bold paragraph.",
      "%u headings nested below a sub-heading became bold paragraphs.", counts[SIMPLIFIED_HEADINGS]),
      counts[SIMPLIFIED_HEADINGS]));
  if (counts[SIMPLIFIED_NESTED_LISTS] > 0)
    g_ptr_array_add (notes, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
      "%u list item or quotation with more than one paragraph became plain text.",
      "%u list items or quotations with more than one paragraph became plain text.",
      counts[SIMPLIFIED_NESTED_LISTS]), counts[SIMPLIFIED_NESTED_LISTS]));
}

/* Appends to @prepared's body a section titled @title holding the blocks
 * of @container as one stored fragment, as a kind's import takes them. */
static gboolean
add_prepared_section (LlDoc            *prepared,
                      const char       *title,
                      const LlDocNode  *container,
                      guint            *n_sections,
                      GError          **error)
{
  g_autofree char *fragment = ll_docbook_write_blocks (container, error);
  LlDocNode *section;
  LlDocNode *text;

  if (fragment == NULL)
    return FALSE;
  section = ll_doc_add_section (prepared->body, title);
  text = ll_doc_node_append (section, ll_doc_node_new (LL_DOC_FRAGMENT));
  text->text = g_steal_pointer (&fragment);
  (*n_sections)++;
  return TRUE;
}

/**
 * ll_docbook_import_doc:
 * @doc: a document that ll_docbook_read_file() or ll_docbook_read_string()
 *   returned; its blocks are taken, and the caller still frees it
 * @notes: (inout) (optional): sentences saying what was simplified are
 *   appended to it, on success only
 *
 * Adds @doc to @workbook as a new vision narrative, through the vision
 * kind's import (ll-document-kind.h): each top-level section becomes a
 * section, and what comes before the first section becomes an
 * introduction. Touches the workbook: main thread only. On error nothing
 * is added.
 */
LlNarrative *
ll_docbook_import_doc (LlWorkbook  *workbook,
                       LlDoc       *doc,
                       GPtrArray   *notes,
                       GError     **error)
{
  g_autoptr(LlDoc) prepared = ll_doc_new ("vision", 0, doc->title);
  g_autoptr(LlDocNode) intro = ll_doc_node_new (LL_DOC_BODY);
  g_autoptr(GPtrArray) new_notes = g_ptr_array_new_with_free_func (g_free);
  guint counts[N_SIMPLIFIED] = { 0 };
  guint n_sections = 0;
  gint64 id;

  g_return_val_if_fail (LL_IS_WORKBOOK (workbook), NULL);
  g_return_val_if_fail (doc != NULL && doc->body != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  simplify_blocks (doc->body->children, 0, counts);
  add_simplification_notes (new_notes, counts);
  g_free (prepared->author);
  prepared->author = g_strdup (doc->author);

  /* Each top-level section's blocks become one stored fragment, under its
   * heading; what comes before the first section is an introduction. */
  for (guint i = 0; i < doc->body->children->len; i++)
    {
      LlDocNode *node = g_ptr_array_index (doc->body->children, i);

      if (node == NULL)
        continue;
      if (node->type != LL_DOC_SECTION && node->type != LL_DOC_CHAPTER)
        {
          ll_doc_node_append (intro, g_steal_pointer (&doc->body->children->pdata[i]));
          continue;
        }
      if (intro->children->len > 0 && n_sections == 0
          && !add_prepared_section (prepared, _("Introduction"), intro, &n_sections, error))
        return NULL;
      if (!add_prepared_section (prepared, node->title ? node->title : "", node, &n_sections, error))
        return NULL;
    }
  /* no sections at all: the whole text is one */
  if (n_sections == 0
      && !add_prepared_section (prepared, doc->title && doc->title[0] ? doc->title : _("Introduction"),
                                intro, &n_sections, error))
    return NULL;

  id = ll_workbook_import_doc (workbook, "vision", prepared, error);
  if (id == 0)
    return NULL;
  if (notes != NULL)
    for (guint i = 0; i < new_notes->len; i++)
      g_ptr_array_add (notes, g_steal_pointer (&new_notes->pdata[i]));
  return ll_workbook_find_narrative (workbook, id);
}

/**
 * ll_docbook_import_narrative:
 * @notes: (out) (optional): sentences saying what was simplified
 *
 * Reads the DocBook 5 article at @path and adds it to @workbook as
 * ll_docbook_import_doc() does. On error nothing is added.
 */
LlNarrative *
ll_docbook_import_narrative (LlWorkbook  *workbook,
                             const char  *path,
                             GPtrArray  **notes,
                             GError     **error)
{
  g_autoptr(GPtrArray) all_notes = NULL;
  g_autoptr(LlDoc) doc = NULL;
  LlNarrative *narrative;

  g_return_val_if_fail (LL_IS_WORKBOOK (workbook), NULL);

  doc = ll_docbook_read_file (path, &all_notes, error);
  if (doc == NULL)
    return NULL;
  if (all_notes == NULL)
    all_notes = g_ptr_array_new_with_free_func (g_free);
  narrative = ll_docbook_import_doc (workbook, doc, all_notes, error);
  if (narrative != NULL && notes != NULL)
    *notes = g_steal_pointer (&all_notes);
  return narrative;
}
