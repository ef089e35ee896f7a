/* ll-docbook-writer.c: the tree as DocBook 5, by xmlTextWriter
 *
 * The tree is first put in canonical form (ll-docbook-tree.c), which makes
 * the output schema-valid whatever the tree holds; this file then maps each
 * canonical node to one element. Indentation is written by hand rather than
 * by xmlTextWriterSetIndent, which would also indent inside paragraphs and
 * so change their text.
 */
#define G_LOG_DOMAIN "ll-docbook"

#include "config.h"

#include <libxml/xmlwriter.h>

#include "ll-docbook-private.h"

typedef struct
{
  xmlTextWriterPtr  writer;
  guint             depth;   /* open elements */
  gboolean          failed;
  GError          **error;
  const char       *media_folder;  /* where images with bytes are named to go */
  GPtrArray        *media;         /* of LlDocBookMedia, or NULL */
  guint             n_media;
} Writer;

static void
fail_write (Writer *wr)
{
  if (!wr->failed)
    ll_docbook_set_write_error (wr->error, NULL, NULL);
  wr->failed = TRUE;
}

static void
check (Writer *wr,
       int     rc)
{
  if (rc < 0)
    fail_write (wr);
}

static void
indent (Writer *wr,
        guint   level)
{
  static const char spaces[] = "                                                                ";
  guint n = level * 2;

  if (wr->failed)
    return;
  check (wr, xmlTextWriterWriteRaw (wr->writer, BAD_CAST "\n"));
  while (n > 0 && !wr->failed)
    {
      guint chunk = MIN (n, sizeof spaces - 1);

      check (wr, xmlTextWriterWriteRawLen (wr->writer, BAD_CAST spaces, (int) chunk));
      n -= chunk;
    }
}

static void
start (Writer     *wr,
       const char *name)
{
  if (wr->failed)
    return;
  if (++wr->depth > LL_DOCBOOK_MAX_DEPTH)
    {
      ll_docbook_set_too_deep (wr->error, TRUE);
      wr->failed = TRUE;
      return;
    }
  check (wr, xmlTextWriterStartElement (wr->writer, BAD_CAST name));
}

static void
end (Writer *wr)
{
  if (wr->failed)
    return;
  wr->depth--;
  check (wr, xmlTextWriterEndElement (wr->writer));
}

static void
attr (Writer     *wr,
      const char *name,
      const char *value)
{
  if (wr->failed)
    return;
  check (wr, xmlTextWriterWriteAttribute (wr->writer, BAD_CAST name, BAD_CAST value));
}

static void
text (Writer     *wr,
      const char *value)
{
  if (wr->failed || value == NULL || value[0] == '\0')
    return;
  check (wr, xmlTextWriterWriteString (wr->writer, BAD_CAST value));
}

static void
text_element (Writer     *wr,
              const char *name,
              const char *value)
{
  start (wr, name);
  text (wr, value);
  end (wr);
}

static gboolean
has_link (const LlDocNode *node)
{
  if (node->type == LL_DOC_LINK)
    return TRUE;
  for (guint i = 0; i < node->children->len; i++)
    if (has_link (g_ptr_array_index (node->children, i)))
      return TRUE;
  return FALSE;
}

static void
write_inlines (Writer          *wr,
               const LlDocNode *node)
{
  for (guint i = 0; i < node->children->len && !wr->failed; i++)
    {
      const LlDocNode *child = g_ptr_array_index (node->children, i);

      switch (child->type)
        {
        case LL_DOC_TEXT:
          text (wr, child->text);
          break;
        case LL_DOC_EMPHASIS:
          start (wr, "emphasis");
          write_inlines (wr, child);
          end (wr);
          break;
        case LL_DOC_STRONG:
          start (wr, "emphasis");
          attr (wr, "role", "strong");
          write_inlines (wr, child);
          end (wr);
          break;
        case LL_DOC_LINK:
          start (wr, "link");
          attr (wr, "xlink:href", child->attr);
          write_inlines (wr, child);
          end (wr);
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
          /* canonical form has no blocks among inlines */
          g_assert_not_reached ();
        }
    }
}

static void write_block (Writer          *wr,
                         const LlDocNode *node,
                         guint            level,
                         gboolean         top);

static void
write_blocks (Writer          *wr,
              const LlDocNode *node,
              guint            level)
{
  for (guint i = 0; i < node->children->len && !wr->failed; i++)
    {
      indent (wr, level);
      write_block (wr, g_ptr_array_index (node->children, i), level, FALSE);
    }
}

static void
write_row (Writer          *wr,
           const LlDocNode *row,
           guint            level)
{
  indent (wr, level);
  start (wr, "row");
  for (guint i = 0; i < row->children->len; i++)
    {
      indent (wr, level + 1);
      start (wr, "entry");
      write_inlines (wr, g_ptr_array_index (row->children, i));
      end (wr);
    }
  indent (wr, level);
  end (wr);
}

static void
write_table (Writer          *wr,
             const LlDocNode *table,
             guint            level)
{
  const LlDocNode *first = g_ptr_array_index (table->children, 0);
  g_autofree char *cols = g_strdup_printf ("%u", first->children->len);
  guint body_from = table->children->len > 1 ? 1 : 0;

  if (table->title != NULL)
    {
      indent (wr, level + 1);
      text_element (wr, "title", table->title);
    }
  indent (wr, level + 1);
  start (wr, "tgroup");
  attr (wr, "cols", cols);
  /* CALS needs a body, so a table of one row has no header */
  if (body_from == 1)
    {
      indent (wr, level + 2);
      start (wr, "thead");
      write_row (wr, first, level + 3);
      indent (wr, level + 2);
      end (wr);
    }
  indent (wr, level + 2);
  start (wr, "tbody");
  for (guint i = body_from; i < table->children->len; i++)
    write_row (wr, g_ptr_array_index (table->children, i), level + 3);
  indent (wr, level + 2);
  end (wr);
  indent (wr, level + 1);
  end (wr);
}

static void
namespaces (Writer          *wr,
            const LlDocNode *node)
{
  attr (wr, "xmlns", LL_DOCBOOK_NS);
  if (node == NULL || has_link (node))
    attr (wr, "xmlns:xlink", LL_XLINK_NS);
}

/* <imageobject> and <textobject> inside an open <mediaobject>. An image
 * with bytes is named after its place among them, in the media folder. */
static void
write_image (Writer           *wr,
             const LlDocImage *image,
             guint             level)
{
  g_autofree char *fileref = NULL;

  if (image->bytes != NULL)
    {
      const char *ext = g_strcmp0 (image->mime_type, "image/jpeg") == 0 ? "jpg" : "png";
      const char *folder = wr->media_folder != NULL ? wr->media_folder : "images";
      g_autofree char *name = g_strdup_printf ("%s/%u.%s", folder, ++wr->n_media, ext);

      fileref = ll_docbook_clean_href (name);
      if (wr->media != NULL)
        {
          LlDocBookMedia *media = g_new0 (LlDocBookMedia, 1);

          media->name = g_steal_pointer (&name);
          media->bytes = g_bytes_ref (image->bytes);
          g_ptr_array_add (wr->media, media);
        }
    }
  else
    fileref = g_strdup (image->fileref);

  indent (wr, level + 1);
  start (wr, "imageobject");
  indent (wr, level + 2);
  start (wr, "imagedata");
  attr (wr, "fileref", fileref);
  if (image->width > 0)
    {
      g_autofree char *width = ll_docbook_format_width (image->width);

      attr (wr, "contentwidth", width);
    }
  if (image->mime_type != NULL)
    attr (wr, "format", g_strcmp0 (image->mime_type, "image/jpeg") == 0 ? "JPEG" : "PNG");
  end (wr);
  indent (wr, level + 1);
  end (wr);
  if (image->alt != NULL && image->alt[0] != '\0')
    {
      indent (wr, level + 1);
      start (wr, "textobject");
      indent (wr, level + 2);
      text_element (wr, "phrase", image->alt);
      indent (wr, level + 1);
      end (wr);
    }
}

static void
write_block (Writer          *wr,
             const LlDocNode *node,
             guint            level,
             gboolean         top)
{
  switch (node->type)
    {
    case LL_DOC_PARA:
      start (wr, "para");
      if (top)
        namespaces (wr, node);
      write_inlines (wr, node);
      end (wr);
      return;

    case LL_DOC_SECTION:
    case LL_DOC_CHAPTER:
      start (wr, node->type == LL_DOC_CHAPTER ? "chapter" : "section");
      if (top)
        namespaces (wr, node);
      indent (wr, level + 1);
      text_element (wr, "title", node->title);
      write_blocks (wr, node, level + 1);
      break;

    case LL_DOC_FIGURE:
      start (wr, "figure");
      if (top)
        namespaces (wr, node);
      indent (wr, level + 1);
      text_element (wr, "title", node->title);
      indent (wr, level + 1);
      start (wr, "mediaobject");
      write_image (wr, ((LlDocNode *) g_ptr_array_index (node->children, 0))->image, level + 1);
      indent (wr, level + 1);
      end (wr);
      break;

    case LL_DOC_IMAGE:
      start (wr, "mediaobject");
      if (top)
        namespaces (wr, node);
      write_image (wr, node->image, level);
      break;

    case LL_DOC_ITEMIZED_LIST:
    case LL_DOC_ORDERED_LIST:
      start (wr, node->type == LL_DOC_ORDERED_LIST ? "orderedlist" : "itemizedlist");
      if (top)
        namespaces (wr, node);
      for (guint i = 0; i < node->children->len; i++)
        {
          indent (wr, level + 1);
          start (wr, "listitem");
          write_blocks (wr, g_ptr_array_index (node->children, i), level + 2);
          indent (wr, level + 1);
          end (wr);
        }
      break;

    case LL_DOC_BLOCKQUOTE:
      start (wr, "blockquote");
      if (top)
        namespaces (wr, node);
      if (node->attr != NULL)
        {
          indent (wr, level + 1);
          text_element (wr, "attribution", node->attr);
        }
      write_blocks (wr, node, level + 1);
      break;

    case LL_DOC_VARLIST:
      start (wr, "variablelist");
      if (top)
        namespaces (wr, node);
      for (guint i = 0; i < node->children->len; i++)
        {
          const LlDocNode *entry = g_ptr_array_index (node->children, i);

          indent (wr, level + 1);
          start (wr, "varlistentry");
          indent (wr, level + 2);
          text_element (wr, "term", entry->title);
          indent (wr, level + 2);
          start (wr, "listitem");
          write_blocks (wr, entry, level + 3);
          indent (wr, level + 2);
          end (wr);
          indent (wr, level + 1);
          end (wr);
        }
      break;

    case LL_DOC_TABLE:
      start (wr, node->title != NULL ? "table" : "informaltable");
      if (top)
        namespaces (wr, node);
      write_table (wr, node, level);
      break;

    case LL_DOC_BODY:
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
      /* canonical form has only the blocks above at block level */
      g_assert_not_reached ();
    }
  indent (wr, level);
  end (wr);
}

/* The depth of the elements under a paragraph or an entry. */
static guint
inlines_depth (const LlDocNode *node)
{
  guint depth = 0;

  for (guint i = 0; i < node->children->len; i++)
    {
      const LlDocNode *child = g_ptr_array_index (node->children, i);

      if (child->type != LL_DOC_TEXT)
        {
          guint below = 1 + inlines_depth (child);

          depth = MAX (depth, below);
        }
    }
  return depth;
}

static guint
blocks_depth (const LlDocNode *node)
{
  guint depth = 0;

  for (guint i = 0; i < node->children->len; i++)
    {
      guint child = ll_docbook_written_depth (g_ptr_array_index (node->children, i));

      depth = MAX (depth, child);
    }
  return depth;
}

/* What write_block() nests, element by element. Each child is measured
 * once (MAX() would evaluate it twice, at every level). */
guint
ll_docbook_written_depth (const LlDocNode *node)
{
  guint depth = 0;
  guint below;

  switch (node->type)
    {
    case LL_DOC_PARA:
      return 1 + inlines_depth (node);

    case LL_DOC_SECTION:
    case LL_DOC_CHAPTER:
      /* <title>, then the blocks */
      below = blocks_depth (node);
      return 1 + MAX (1, below);

    case LL_DOC_IMAGE:
      /* <imageobject><imagedata/>, <textobject><phrase> */
      return 3;

    case LL_DOC_FIGURE:
      /* <title>, <mediaobject> */
      return 4;

    case LL_DOC_ITEMIZED_LIST:
    case LL_DOC_ORDERED_LIST:
      /* <listitem>, then its blocks */
      for (guint i = 0; i < node->children->len; i++)
        {
          below = 1 + blocks_depth (g_ptr_array_index (node->children, i));
          depth = MAX (depth, below);
        }
      return 1 + depth;

    case LL_DOC_BLOCKQUOTE:
      /* <attribution>, then the blocks */
      below = blocks_depth (node);
      return 1 + MAX (node->attr != NULL ? 1u : 0u, below);

    case LL_DOC_VARLIST:
      /* <varlistentry>, with <term> and <listitem>, then its blocks */
      for (guint i = 0; i < node->children->len; i++)
        {
          below = 2 + blocks_depth (g_ptr_array_index (node->children, i));
          depth = MAX (depth, below);
        }
      return 1 + depth;

    case LL_DOC_TABLE:
      /* <title> is shallower than <tgroup>, <thead> or <tbody>, <row>,
       * <entry>, then the inlines */
      for (guint i = 0; i < node->children->len; i++)
        {
          const LlDocNode *row = g_ptr_array_index (node->children, i);

          for (guint k = 0; k < row->children->len; k++)
            {
              below = inlines_depth (g_ptr_array_index (row->children, k));
              depth = MAX (depth, below);
            }
        }
      return 1 + 4 + depth;

    case LL_DOC_BODY:
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
      /* canonical form has only the blocks above at block level */
      g_assert_not_reached ();
    }
  return depth;
}

static gboolean
writer_open (Writer          *wr,
             xmlBufferPtr    *buffer,
             GError         **error)
{
  wr->error = error;
  *buffer = xmlBufferCreate ();
  if (*buffer == NULL)
    {
      fail_write (wr);
      return FALSE;
    }
  wr->writer = xmlNewTextWriterMemory (*buffer, 0);
  if (wr->writer == NULL)
    {
      xmlBufferFree (*buffer);
      *buffer = NULL;
      fail_write (wr);
      return FALSE;
    }
  return TRUE;
}

static char *
writer_close (Writer       *wr,
              xmlBufferPtr  buffer,
              gsize        *length)
{
  char *result = NULL;

  if (!wr->failed)
    check (wr, xmlTextWriterFlush (wr->writer));
  xmlFreeTextWriter (wr->writer);
  if (!wr->failed)
    {
      gsize len = (gsize) xmlBufferLength (buffer);

      result = g_strndup ((const char *) xmlBufferContent (buffer), len);
      if (length != NULL)
        *length = len;
    }
  xmlBufferFree (buffer);
  return result;
}

static LlDocNode *
canonical_body (const LlDoc      *doc,
                const LlDocNode  *body,
                GError          **error)
{
  if (doc->root == LL_DOC_BOOK)
    return ll_docbook_canonicalize_book (body, error);
  return ll_docbook_canonicalize (body, TRUE, TRUE, 2, error);
}

/**
 * ll_docbook_write_string:
 * Returns @doc as a DocBook 5 article or book, or %NULL with @error set
 * (only when the tree is nested too deeply or memory runs out). Images
 * are named as if in a folder "images" beside the XML.
 */
char *
ll_docbook_write_string (const LlDoc  *doc,
                         gsize        *length,
                         GError      **error)
{
  return ll_docbook_write_string_with_media (doc, "images", NULL, length, error);
}

/**
 * ll_docbook_write_string_with_media:
 * @media_folder: the folder, relative to the XML, that its images go in
 * @media: (out) (optional): a new array of LlDocBookMedia, the image files
 *   to write, by their names relative to the XML, in document order
 *
 * As ll_docbook_write_string(), naming each image that has its bytes
 * @media_folder/1.png, @media_folder/2.jpg, ... in the XML.
 */
char *
ll_docbook_write_string_with_media (const LlDoc  *doc,
                                    const char   *media_folder,
                                    GPtrArray   **media,
                                    gsize        *length,
                                    GError      **error)
{
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(LlDocNode) body = NULL;
  char *result;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *author = NULL;
  g_autofree char *date = NULL;
  g_autofree char *lang = NULL;
  Writer wr = { 0 };
  xmlBufferPtr buffer;

  g_return_val_if_fail (doc != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (doc->body != NULL && ll_docbook_has_fragments (doc->body))
    {
      /* stored rich text that the caller did not resolve */
      g_autoptr(LlDocNode) resolved = ll_doc_node_copy (doc->body);

      if (!ll_docbook_resolve_node (resolved, error))
        return NULL;
      body = canonical_body (doc, resolved, error);
    }
  else if (doc->body != NULL)
    body = canonical_body (doc, doc->body, error);
  else
    {
      g_autoptr(LlDocNode) empty = ll_doc_node_new (LL_DOC_BODY);

      body = canonical_body (doc, empty, error);
    }
  if (body == NULL)
    return NULL;

  title = ll_docbook_clean_line (doc->title);
  subtitle = ll_docbook_clean_line (doc->subtitle);
  author = ll_docbook_clean_line (doc->author);
  date = ll_docbook_clean_line (doc->date);
  lang = ll_docbook_clean_line (doc->lang);
  if (lang[0] == '\0')
    {
      g_free (lang);
      lang = g_strdup ("en-GB");
    }

  if (!writer_open (&wr, &buffer, error))
    return NULL;
  files = g_ptr_array_new_with_free_func ((GDestroyNotify) ll_docbook_media_free);
  wr.media_folder = media_folder != NULL ? media_folder : "images";
  wr.media = files;

  check (&wr, xmlTextWriterStartDocument (wr.writer, NULL, "UTF-8", NULL));
  start (&wr, doc->root == LL_DOC_BOOK ? "book" : "article");
  namespaces (&wr, NULL);
  attr (&wr, "version", "5.0");
  attr (&wr, "xml:lang", lang);

  indent (&wr, 1);
  start (&wr, "info");
  indent (&wr, 2);
  text_element (&wr, "title", title);
  if (subtitle[0] != '\0')
    {
      indent (&wr, 2);
      text_element (&wr, "subtitle", subtitle);
    }
  if (author[0] != '\0')
    {
      indent (&wr, 2);
      start (&wr, "author");
      text_element (&wr, "personname", author);
      end (&wr);
    }
  if (date[0] != '\0')
    {
      indent (&wr, 2);
      text_element (&wr, "date", date);
    }
  if (doc->revisions != NULL && doc->revisions->len > 0)
    {
      indent (&wr, 2);
      start (&wr, "revhistory");
      for (guint i = 0; i < doc->revisions->len; i++)
        {
          const LlDocRevision *revision = g_ptr_array_index (doc->revisions, i);
          g_autofree char *rev_date = ll_docbook_clean_line (revision->date);
          g_autofree char *remark = ll_docbook_clean_line (revision->remark);

          indent (&wr, 3);
          start (&wr, "revision");
          indent (&wr, 4);
          text_element (&wr, "date", rev_date);
          if (remark[0] != '\0')
            {
              indent (&wr, 4);
              text_element (&wr, "revremark", remark);
            }
          indent (&wr, 3);
          end (&wr);
        }
      indent (&wr, 2);
      end (&wr);
    }
  indent (&wr, 1);
  end (&wr);

  write_blocks (&wr, body, 1);
  indent (&wr, 0);
  end (&wr);
  if (!wr.failed)
    check (&wr, xmlTextWriterEndDocument (wr.writer));

  result = writer_close (&wr, buffer, length);
  if (result != NULL && media != NULL)
    *media = g_steal_pointer (&files);
  return result;
}

/**
 * ll_docbook_write_blocks:
 * Returns the block children of @container as a DocBook fragment: a
 * sequence of elements, one after another, each declaring the DocBook
 * namespace. ll_docbook_read_blocks() reads it back.
 */
char *
ll_docbook_write_blocks (const LlDocNode  *container,
                         GError          **error)
{
  g_autoptr(LlDocNode) body = NULL;
  gboolean allow_sections;
  Writer wr = { 0 };
  xmlBufferPtr buffer;

  g_return_val_if_fail (container != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  allow_sections = container->type == LL_DOC_BODY || container->type == LL_DOC_SECTION;
  body = ll_docbook_canonicalize (container, allow_sections, FALSE, 1, error);
  if (body == NULL)
    return NULL;

  if (!writer_open (&wr, &buffer, error))
    return NULL;
  for (guint i = 0; i < body->children->len && !wr.failed; i++)
    {
      write_block (&wr, g_ptr_array_index (body->children, i), 0, TRUE);
      if (!wr.failed)
        check (&wr, xmlTextWriterWriteRaw (wr.writer, BAD_CAST "\n"));
    }
  return writer_close (&wr, buffer, NULL);
}
