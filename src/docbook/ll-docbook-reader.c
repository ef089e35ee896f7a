/* ll-docbook-reader.c: DocBook 5 into the neutral tree
 *
 * The input is parsed safely first (ll-docbook-parse.c: no DTD, no
 * declarations, limits on size and nesting); what is read here is an
 * xmlDoc that has passed those checks.
 *
 * Mapping keeps every word that the tree can hold; what it cannot hold
 * (images, footnotes, boxes, ...) is simplified and counted, and each kind
 * of simplification becomes one sentence in the notes.
 *
 * This file holds the entry points, the error sentences and the notes;
 * the mapping itself is in ll-docbook-read-*.c (see
 * ll-docbook-reader-private.h).
 */
#define G_LOG_DOMAIN "ll-docbook"

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/tree.h>

#include "ll-docbook-reader-private.h"

G_DEFINE_QUARK (ll-docbook-error-quark, ll_docbook_error)

/* Error sentences ------------------------------------------------------ */

void
ll_docbook_set_too_deep (GError   **error,
                         gboolean   writing)
{
  if (writing)
    g_set_error (error, LL_DOCBOOK_ERROR, LL_DOCBOOK_ERROR_TOO_DEEP,
                 _("This document is nested too deeply to be saved as DocBook "
                   "(more than %d levels)."), LL_DOCBOOK_MAX_DEPTH);
  else
    g_set_error (error, LL_DOCBOOK_ERROR, LL_DOCBOOK_ERROR_TOO_DEEP,
                 _("This file is nested too deeply to open (more than %d levels): "
                   "it may be damaged or made to cause harm."), LL_DOCBOOK_MAX_DEPTH);
}

void
ll_docbook_set_write_error (GError     **error,
                            const char  *path,
                            const char  *detail)
{
  if (path != NULL)
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, LL_DOCBOOK_ERROR, LL_DOCBOOK_ERROR_IO,
                   _("The document could not be saved as “%s”: %s"), name, detail);
    }
  else
    g_set_error_literal (error, LL_DOCBOOK_ERROR, LL_DOCBOOK_ERROR_IO,
                         _("The document could not be written as DocBook: "
                           "the computer may be short of memory."));
}

static void
set_not_docbook (GError **error)
{
  g_set_error_literal (error, LL_DOCBOOK_ERROR, LL_DOCBOOK_ERROR_NOT_DOCBOOK,
                       _("This file is XML but not a DocBook 5 article, chapter, "
                         "section or book, so it cannot be opened here."));
}

/* Stopping the walk ---------------------------------------------------- */

gboolean
ll_docbook_reader_ok (Reader *rd,
                      guint   depth)
{
  if (rd->error != NULL)
    return FALSE;
  /* the parser has bounded the depth already; this keeps the walk bounded
   * even if that ever changed */
  if (depth > LL_DOCBOOK_MAX_DEPTH + 2)
    {
      ll_docbook_set_too_deep (&rd->error, FALSE);
      return FALSE;
    }
  return TRUE;
}

/* Notes ---------------------------------------------------------------- */

static void G_GNUC_PRINTF (2, 3)
add_note (GPtrArray  *notes,
          const char *format,
          ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (notes, g_strdup_vprintf (format, args));
  va_end (args);
}

static void
take_notes (Reader     *rd,
            GPtrArray **notes)
{
  GPtrArray *out;

  if (notes == NULL)
    return;
  if (*notes == NULL)
    *notes = g_ptr_array_new_with_free_func (g_free);
  out = *notes;

  if (rd->images > 0 && (rd->flags & LL_DOCBOOK_READ_IMAGES))
    add_note (out, g_dngettext (GETTEXT_PACKAGE,
                                "%u image was left out: it was within a line of text, "
                                "or named no file.",
                                "%u images were left out: they were within a line of text, "
                                "or named no file.",
                                rd->images), rd->images);
  else if (rd->images > 0)
    add_note (out, g_dngettext (GETTEXT_PACKAGE,
                                "%u image was left out: the editor cannot show images.",
                                "%u images were left out: the editor cannot show images.",
                                rd->images), rd->images);
  if (rd->footnotes > 0)
    add_note (out, g_dngettext (GETTEXT_PACKAGE,
                                "%u footnote was put into the text in square brackets: "
                                "the editor has no footnotes.",
                                "%u footnotes were put into the text in square brackets: "
                                "the editor has no footnotes.",
                                rd->footnotes), rd->footnotes);
  if (rd->boxes > 0)
    add_note (out, g_dngettext (GETTEXT_PACKAGE,
                                "%u note, tip or warning box was turned into "
                                "ordinary paragraphs.",
                                "%u note, tip or warning boxes were turned into "
                                "ordinary paragraphs.",
                                rd->boxes), rd->boxes);
  if (rd->preformatted > 0)
    add_note (out, g_dngettext (GETTEXT_PACKAGE,
                                "%u block of fixed layout, such as program code, became "
                                "an ordinary paragraph and lost its line breaks.",
                                "%u blocks of fixed layout, such as program code, became "
                                "ordinary paragraphs and lost their line breaks.",
                                rd->preformatted), rd->preformatted);
  if (rd->xrefs > 0)
    add_note (out, g_dngettext (GETTEXT_PACKAGE,
                                "%u cross-reference within the document was removed, "
                                "keeping any words it had.",
                                "%u cross-references within the document were removed, "
                                "keeping any words they had.",
                                rd->xrefs), rd->xrefs);
  if (rd->unloaded > 0)
    add_note (out, g_dngettext (GETTEXT_PACKAGE,
                                "%u image file could not be used, so only its description "
                                "was kept: it is missing, too large, outside the document’s "
                                "folder, or not a PNG or JPEG image.",
                                "%u image files could not be used, so only their descriptions "
                                "were kept: they are missing, too large, outside the document’s "
                                "folder, or not PNG or JPEG images.",
                                rd->unloaded), rd->unloaded);
  if (rd->unknown > 0)
    add_note (out, g_dngettext (GETTEXT_PACKAGE,
                                "%u part that the editor does not recognise was kept "
                                "as plain text.",
                                "%u parts that the editor does not recognise were kept "
                                "as plain text.",
                                rd->unknown), rd->unknown);
}

/* Entry points --------------------------------------------------------- */

/* The canonical form of what was read, refused, as the parser would have
 * refused it, when writing it at @level would nest too deeply. */
static LlDocNode *
canonicalize_read (const LlDocNode  *raw,
                   gboolean          book,
                   guint             level,
                   GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  LlDocNode *body = book ? ll_docbook_canonicalize_book (raw, &local_error)
                         : ll_docbook_canonicalize (raw, TRUE, FALSE, level, &local_error);

  if (body == NULL)
    {
      if (g_error_matches (local_error, LL_DOCBOOK_ERROR, LL_DOCBOOK_ERROR_TOO_DEEP))
        ll_docbook_set_too_deep (error, FALSE);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
    }
  return body;
}

static gboolean
is_docbook_root (xmlNodePtr root)
{
  static const char * const roots[] = { "article", "section", "chapter", "book", NULL };

  return ll_docbook_is_docbook (root) && g_strv_contains (roots, (const char *) root->name);
}

/* A book's divisions, each a chapter whatever DocBook calls it (chapter,
 * preface, appendix, part, ...); anything else canonical form puts in the
 * chapter before it. */
static void
read_book (Reader     *rd,
           xmlNodePtr  root,
           LlDocNode  *body)
{
  for (xmlNodePtr child = root->children; child != NULL && rd->error == NULL; child = child->next)
    {
      if (child->type == XML_ELEMENT_NODE && ll_docbook_kind_of (child) == K_SECTION)
        {
          LlDocNode *chapter = ll_doc_node_append (body, ll_doc_node_new (LL_DOC_CHAPTER));

          chapter->title = ll_docbook_read_title (rd, child, 2);
          ll_docbook_read_block_children (rd, child, chapter, 2);
        }
      else
        ll_docbook_read_block_node (rd, child, body, 2);
    }
}

/**
 * ll_docbook_read_string:
 * Reads a DocBook 5 article (or chapter, section or book) safely. Returns
 * %NULL with @error in LL_DOCBOOK_ERROR on failure; on success, appends to
 * *@notes (creating it if NULL) one sentence for each kind of content that
 * had to be simplified.
 */
LlDoc *
ll_docbook_read_string (const char  *data,
                        gsize        length,
                        GPtrArray  **notes,
                        GError     **error)
{
  return ll_docbook_read_string_full (data, length, LL_DOCBOOK_READ_DEFAULT, NULL, notes, error);
}

/**
 * ll_docbook_read_string_full:
 * As ll_docbook_read_string(), keeping books (LL_DOCBOOK_READ_BOOKS) and
 * images (LL_DOCBOOK_READ_IMAGES) as @flags say; images are loaded only
 * from inside @image_folder, when it is given.
 */
LlDoc *
ll_docbook_read_string_full (const char          *data,
                             gsize                length,
                             LlDocBookReadFlags   flags,
                             const char          *image_folder,
                             GPtrArray          **notes,
                             GError             **error)
{
  gboolean book;
  g_autoptr(LlDoc) doc = NULL;
  g_autoptr(LlDocNode) raw = NULL;
  xmlDocPtr xml;
  xmlNodePtr root;
  Reader rd = { 0 };

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  xml = ll_docbook_parse_safely (data, length, LL_DOCBOOK_MAX_DEPTH, error);
  if (xml == NULL)
    return NULL;
  root = xmlDocGetRootElement (xml);
  if (!is_docbook_root (root))
    {
      xmlFreeDoc (xml);
      set_not_docbook (error);
      return NULL;
    }

  rd.flags = flags;
  rd.image_folder = image_folder;
  book = (flags & LL_DOCBOOK_READ_BOOKS) && ll_docbook_is_named (root, "book");
  doc = book ? ll_doc_new_book ("imported", 0, NULL) : ll_doc_new ("imported", 0, NULL);
  ll_docbook_read_info (&rd, root, doc);

  raw = ll_doc_node_new (LL_DOC_BODY);
  if (book)
    read_book (&rd, root, raw);
  else
    ll_docbook_read_block_children (&rd, root, raw, 1);
  xmlFreeDoc (xml);
  if (rd.error != NULL)
    {
      g_propagate_error (error, rd.error);
      return NULL;
    }

  ll_doc_node_free (doc->body);
  doc->body = canonicalize_read (raw, book, 2, error);
  if (doc->body == NULL)
    return NULL;

  take_notes (&rd, notes);
  return g_steal_pointer (&doc);
}

/**
 * ll_docbook_read_file:
 * As ll_docbook_read_string(), from a file; a file over the size limit is
 * refused before it is read.
 */
LlDoc *
ll_docbook_read_file (const char  *path,
                      GPtrArray  **notes,
                      GError     **error)
{
  return ll_docbook_read_file_full (path, LL_DOCBOOK_READ_DEFAULT, NULL, notes, error);
}

/**
 * ll_docbook_read_file_full:
 * As ll_docbook_read_string_full(), from a file.
 */
LlDoc *
ll_docbook_read_file_full (const char          *path,
                           LlDocBookReadFlags   flags,
                           const char          *image_folder,
                           GPtrArray          **notes,
                           GError             **error)
{
  GString *data;
  LlDoc *doc;

  g_return_val_if_fail (path != NULL, NULL);

  data = ll_docbook_load_file (path, error);
  if (data == NULL)
    return NULL;
  doc = ll_docbook_read_string_full (data->str, data->len, flags, image_folder, notes, error);
  g_string_free (data, TRUE);
  return doc;
}

/**
 * ll_docbook_read_blocks:
 * Reads a fragment written by ll_docbook_write_blocks() into a new
 * LL_DOC_BODY, with the same safety as ll_docbook_read_string().
 */
LlDocNode *
ll_docbook_read_blocks (const char  *fragment,
                        GPtrArray  **notes,
                        GError     **error)
{
  static const char open[] = "<ll-fragment>";
  static const char close[] = "</ll-fragment>";
  g_autoptr(LlDocNode) raw = NULL;
  LlDocNode *body;
  GString *wrapped;
  xmlDocPtr xml;
  gsize length;
  Reader rd = { 0 };

  g_return_val_if_fail (fragment != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  length = strlen (fragment);
  if (length > LL_DOCBOOK_MAX_SIZE)
    {
      ll_docbook_set_too_large (error);
      return NULL;
    }

  /* A fragment has many roots; give it one. The wrapper is on the first
   * line, so that line numbers in errors stay right, and it counts as one
   * more level of nesting. */
  wrapped = g_string_sized_new (length + sizeof open + sizeof close);
  g_string_append (wrapped, open);
  g_string_append_len (wrapped, fragment, length);
  g_string_append (wrapped, close);
  xml = ll_docbook_parse_safely (wrapped->str, wrapped->len, LL_DOCBOOK_MAX_DEPTH + 1, error);
  g_string_free (wrapped, TRUE);
  if (xml == NULL)
    return NULL;

  raw = ll_doc_node_new (LL_DOC_BODY);
  ll_docbook_read_block_children (&rd, xmlDocGetRootElement (xml), raw, 0);
  xmlFreeDoc (xml);
  if (rd.error != NULL)
    {
      g_propagate_error (error, rd.error);
      return NULL;
    }

  body = canonicalize_read (raw, FALSE, 1, error);
  if (body != NULL)
    take_notes (&rd, notes);
  return body;
}
