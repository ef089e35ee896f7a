/* ll-docbook.h: DocBook 5 output and safe input of the neutral tree */
#pragma once

#include <gio/gio.h>

#include "ll-doc.h"

/* The workbook and its narratives are only named here: the DocBook layer
 * reads and writes the neutral tree, and ll-docbook-document.c alone
 * reaches into a workbook. */
typedef struct _LlWorkbook LlWorkbook;
typedef struct _LlNarrative LlNarrative;

G_BEGIN_DECLS

#define LL_DOCBOOK_ERROR (ll_docbook_error_quark ())

typedef enum {
  LL_DOCBOOK_ERROR_MALFORMED,    /* not well-formed XML */
  LL_DOCBOOK_ERROR_UNSAFE,       /* a DTD, an entity or an external reference */
  LL_DOCBOOK_ERROR_TOO_LARGE,    /* over the size limit */
  LL_DOCBOOK_ERROR_TOO_DEEP,     /* nested deeper than the limit */
  LL_DOCBOOK_ERROR_NOT_DOCBOOK,  /* well-formed, but not a DocBook 5 document */
  LL_DOCBOOK_ERROR_IO,           /* the file could not be read or written */
} LlDocBookError;

GQuark    ll_docbook_error_quark     (void);

/* Writes @doc as a DocBook 5 <article>, or <book> of <chapter>s
 * (version 5.0, xml:lang, <info> with title, author and date). Images are
 * written as <mediaobject>s (in a <figure> when they have a caption) whose
 * fileref names a file in a folder beside the XML. */
char     *ll_docbook_write_string    (const LlDoc  *doc,
                                      gsize        *length,
                                      GError      **error);
/* With the images to go beside it */
typedef struct
{
  char   *name;    /* the file's path relative to the XML: "report-images/1.png" */
  GBytes *bytes;
} LlDocBookMedia;

void      ll_docbook_media_free      (LlDocBookMedia *media);
char     *ll_docbook_write_string_with_media (const LlDoc  *doc,
                                              const char   *media_folder,
                                              GPtrArray   **media,
                                              gsize        *length,
                                              GError      **error);
/* Writes the XML to @path and the images into a folder beside it, named
 * after it ("report.xml", "report-images/1.png"), all readable by their
 * owner only. A failure leaves @path and the folder as they were. */
gboolean  ll_docbook_write_file      (const LlDoc  *doc,
                                      const char   *path,
                                      GError      **error);

/* Reads a DocBook 5 article safely: no network, no DTD, no entity
 * expansion, with depth and size limits. What the tree cannot represent is
 * kept as text; each simplification adds a sentence to *@notes (may be NULL). */
LlDoc    *ll_docbook_read_string     (const char   *data,
                                      gsize         length,
                                      GPtrArray   **notes,
                                      GError      **error);
LlDoc    *ll_docbook_read_file       (const char   *path,
                                      GPtrArray   **notes,
                                      GError      **error);

typedef enum {
  LL_DOCBOOK_READ_DEFAULT = 0,       /* what the narrative editor holds: a
                                      * book is read as an article, images
                                      * are left out */
  LL_DOCBOOK_READ_BOOKS   = 1 << 0,  /* a <book> stays a book of chapters */
  LL_DOCBOOK_READ_IMAGES  = 1 << 1,  /* <mediaobject>s become images, and
                                      * <figure>s figures */
} LlDocBookReadFlags;

/* As ll_docbook_read_string(), keeping what @flags says. With
 * LL_DOCBOOK_READ_IMAGES, an image has its description and file name but
 * no bytes, unless @image_folder (may be NULL) names a folder that the
 * caller trusts: then a fileref naming a regular PNG or JPEG file inside
 * it, of reasonable size, is loaded. Nothing outside it is ever read. */
LlDoc    *ll_docbook_read_string_full (const char          *data,
                                       gsize                length,
                                       LlDocBookReadFlags   flags,
                                       const char          *image_folder,
                                       GPtrArray          **notes,
                                       GError             **error);
LlDoc    *ll_docbook_read_file_full   (const char          *path,
                                       LlDocBookReadFlags   flags,
                                       const char          *image_folder,
                                       GPtrArray          **notes,
                                       GError             **error);

/* A fragment for storing one part of a document, such as the body of a
 * section in the rich-text editor: the block children of @container as a
 * sequence of DocBook elements, each declaring the DocBook namespace (no
 * XML declaration, no root element; "" when there are no blocks). */
char      *ll_docbook_write_blocks   (const LlDocNode  *container,
                                      GError          **error);
/* Reads a fragment that ll_docbook_write_blocks() wrote, as safely as
 * ll_docbook_read_string(), into a new LL_DOC_BODY. Writing the result
 * again gives back the same string. */
LlDocNode *ll_docbook_read_blocks    (const char       *fragment,
                                      GPtrArray       **notes,
                                      GError          **error);

/* Replaces each LL_DOC_FRAGMENT of @doc by the blocks it holds. */
gboolean  ll_docbook_resolve_fragments (LlDoc      *doc,
                                        GError    **error);
/* The complete tree of one of @workbook's documents, fragments resolved:
 * what export and print use. */
LlDoc    *ll_docbook_build_doc         (LlWorkbook *workbook,
                                        gint64      document_id,
                                        GError    **error);

/* Adds the DocBook 5 article at @path to @workbook as a new narrative.
 * *@notes (may be NULL) receives sentences saying what was simplified. */
LlNarrative *ll_docbook_import_narrative (LlWorkbook  *workbook,
                                          const char  *path,
                                          GPtrArray  **notes,
                                          GError     **error);
/* The second half of that, for a document already read (for instance by
 * ll_docbook_read_file_async()): takes @doc's blocks (the caller still
 * frees @doc) and appends to @notes (may be NULL) what was simplified.
 * Touches the workbook, so main thread only. The narrative belongs to the
 * workbook. */
LlNarrative *ll_docbook_import_doc       (LlWorkbook  *workbook,
                                          LlDoc       *doc,
                                          GPtrArray   *notes,
                                          GError     **error);

/* Off the main thread. The LlDoc is built on the main thread (the model is
 * not thread-safe), then canonicalised, serialised and written, atomically
 * and with its images as ll_docbook_write_file() writes them,
 * in a worker: @doc (transfer full) belongs to the operation from here.
 * Cancelled before the file is replaced, it fails with G_IO_ERROR_CANCELLED
 * and leaves @path as it was; once replaced, it succeeds. */
void      ll_docbook_write_file_async  (LlDoc               *doc,
                                        const char          *path,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean  ll_docbook_write_file_finish (GAsyncResult        *result,
                                        GError             **error);
/* ll_docbook_read_file() in a worker; cancelled, the callback comes at once
 * with G_IO_ERROR_CANCELLED. *@notes as for ll_docbook_read_file(). */
void      ll_docbook_read_file_async   (const char          *path,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
LlDoc    *ll_docbook_read_file_finish  (GAsyncResult        *result,
                                        GPtrArray          **notes,
                                        GError             **error);

G_END_DECLS
