/* ll-docbook-private.h: what the writer and the reader share
 *
 * Both sides agree on one canonical form of the tree (whitespace collapsed,
 * inlines wrapped in paragraphs, sections after the other blocks, rows
 * padded, characters that XML 1.0 forbids removed), so that what the reader
 * gives back is exactly what the writer wrote: write -> read -> write is
 * stable.
 */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

#include "ll-docbook.h"

G_BEGIN_DECLS

#define LL_DOCBOOK_NS        "http://docbook.org/ns/docbook"
#define LL_XLINK_NS          "http://www.w3.org/1999/xlink"
/* Levels of element nesting, the same limit as libxml2's own without
 * XML_PARSE_HUGE. */
#define LL_DOCBOOK_MAX_DEPTH 256
#define LL_DOCBOOK_MAX_SIZE  ((gsize) 32 * 1024 * 1024)

/* Removes what XML 1.0 cannot hold (control characters, invalid UTF-8)
 * (ll-docbook-clean.c). */
char      *ll_docbook_clean_text     (const char      *text);
/* As clean_text, then collapses whitespace to single spaces and trims:
 * for titles, terms, attributions and metadata. Never NULL. */
char      *ll_docbook_clean_line     (const char      *text);
/* A URI that xsd:anyURI accepts: trimmed, with the few characters that it
 * rejects percent-encoded. Never NULL. */
char      *ll_docbook_clean_href     (const char      *href);

/* A new LL_DOC_BODY that holds the canonical form of the block children of
 * @container. @allow_sections: whether sections may appear at this level;
 * @need_block: whether an empty result gets an empty paragraph; @level:
 * the depth at which the writer puts the blocks (1 in a fragment, 2 in an
 * article). Fails with LL_DOCBOOK_ERROR_TOO_DEEP unless the writer can
 * write the result there within LL_DOCBOOK_MAX_DEPTH. */
LlDocNode *ll_docbook_canonicalize   (const LlDocNode *container,
                                      gboolean         allow_sections,
                                      gboolean         need_block,
                                      guint            level,
                                      GError         **error);
/* The same for the body of a book: only chapters (ll-docbook-tree-book.c). */
LlDocNode *ll_docbook_canonicalize_book (const LlDocNode *container,
                                         GError         **error);
/* The canonical form of an image: cleaned, its bytes kept only if they
 * are a PNG or a JPEG, its width rounded; an image with neither bytes nor
 * a file name becomes a paragraph of its description, or nothing
 * (ll-docbook-tree-media.c). */
LlDocNode *ll_docbook_canon_image    (const LlDocNode *image);
/* Appends to @out the canonical form of the blocks of @src (not sections:
 * their headings become bold paragraphs), at @depth (ll-docbook-tree.c). */
gboolean   ll_docbook_canon_plain_blocks (GPtrArray     *src,
                                          GPtrArray     *out,
                                          guint          depth,
                                          GError       **error);
/* Appends to @out the canonical form of the figure @src: a figure with a
 * caption and an image, or what it holds (ll-docbook-tree-media.c). */
gboolean   ll_docbook_canon_figure   (const LlDocNode *src,
                                      GPtrArray       *out,
                                      guint            depth,
                                      GError         **error);
/* A width as DocBook writes it ("144pt", "52.5pt"), and back from any
 * DocBook length; 0 when it cannot be read. */
char      *ll_docbook_format_width   (double           points);
double     ll_docbook_parse_width    (const char      *length);
/* The name of the folder for the images of the XML file at @path:
 * "report.xml" gives "report-images" (ll-docbook-write-media.c). */
char      *ll_docbook_media_folder_name (const char   *path);
/* Writes @xml to @path as ll_docbook_write_contents() does, with the files
 * of @media (of LlDocBookMedia, may be NULL) in a folder beside it, the
 * folder replaced as a whole and only once every file is written. */
gboolean   ll_docbook_write_with_media  (const char   *path,
                                         const char   *xml,
                                         gsize         length,
                                         GPtrArray    *media,
                                         GError      **error);

/* The levels of elements that the writer writes for the canonical block
 * @node, its own element included (ll-docbook-writer.c). */
guint      ll_docbook_written_depth  (const LlDocNode *node);

/* Whether @node holds LL_DOC_FRAGMENT nodes, and replacing them by the
 * blocks they hold (ll-docbook-document.c). */
gboolean   ll_docbook_has_fragments  (const LlDocNode *node);
gboolean   ll_docbook_resolve_node   (LlDocNode       *node,
                                      GError         **error);

/* Replaces @path by @length bytes of @xml atomically (ll-docbook-write-media.c). */
gboolean   ll_docbook_write_contents (const char      *path,
                                      const char      *xml,
                                      gsize            length,
                                      GError         **error);

/* Error sentences shared by reading and writing (ll-docbook-reader.c). */
void       ll_docbook_set_too_deep   (GError         **error,
                                      gboolean         writing);
void       ll_docbook_set_write_error (GError        **error,
                                       const char     *path,
                                       const char     *detail);
void       ll_docbook_set_too_large  (GError         **error);

/* Parses @length bytes of @data with no DTD, no declarations and at most
 * @max_depth levels of nesting; %NULL with @error in LL_DOCBOOK_ERROR when
 * the input is refused (ll-docbook-parse.c). Free with xmlFreeDoc(). */
xmlDocPtr  ll_docbook_parse_safely   (const char      *data,
                                      gsize            length,
                                      guint            max_depth,
                                      GError         **error);
/* The bytes of @path, refused past LL_DOCBOOK_MAX_SIZE whatever its size
 * said, before or while reading (ll-docbook-parse.c). */
GString   *ll_docbook_load_file      (const char      *path,
                                      GError         **error);

G_END_DECLS
