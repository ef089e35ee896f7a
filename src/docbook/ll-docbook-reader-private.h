/* ll-docbook-reader-private.h: what the parts of the DocBook reader share
 *
 * The reader is split by concern:
 *   ll-docbook-reader.c        the entry points, the error sentences, the
 *                              check that stops the walk, and the notes on
 *                              what was simplified
 *   ll-docbook-read-kinds.c    what each DocBook element is to the reader
 *   ll-docbook-read-blocks.c   paragraphs, lists, quotations, tables and
 *                              unknown elements
 *   ll-docbook-read-inlines.c  text, emphasis, links, quotes, footnotes
 *   ll-docbook-read-info.c     titles and the document's metadata
 * The mapping is described at the top of ll-docbook-reader.c.
 */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

#include "ll-docbook-private.h"

G_BEGIN_DECLS

typedef enum {
  K_UNKNOWN,
  K_IGNORE,         /* dropped silently: index terms, anchors, remarks */
  K_TITLE,          /* read by the parent */
  K_INFO,
  K_PARA,
  K_FORMALPARA,
  K_SECTION,
  K_ITEMIZED,
  K_ORDERED,
  K_LISTITEM,
  K_SIMPLELIST,
  K_MEMBER,
  K_VARLIST,
  K_VARENTRY,
  K_TERM,
  K_BLOCKQUOTE,
  K_ATTRIBUTION,
  K_TABLE,
  K_TABLE_PART,
  K_ADMONITION,
  K_PREFORMATTED,
  K_IMAGE,
  K_FIGURE,
  K_FOOTNOTE,
  K_BRIDGEHEAD,
  K_BLOCK,          /* a block wrapper: its blocks are kept */
  K_EMPHASIS,
  K_LINK,
  K_ULINK,
  K_QUOTE,
  K_XREF,
  K_INLINE,         /* an inline wrapper: its text is kept */
} Kind;

/* The state of one walk: what was simplified, for the notes, and the first
 * error, which stops the walk. */
typedef struct
{
  guint    images;
  guint    footnotes;
  guint    boxes;
  guint    preformatted;
  guint    xrefs;
  guint    unknown;
  guint    in_unknown;
  guint    quotes;
  guint    unloaded;      /* images whose file could not be used */
  guint    flags;         /* LlDocBookReadFlags */
  const char *image_folder;
  GError  *error;
} Reader;

/* Whether the walk may go on at @depth (ll-docbook-reader.c). */
gboolean    ll_docbook_reader_ok            (Reader      *rd,
                                             guint        depth);

/* What elements are (ll-docbook-read-kinds.c). */
gboolean    ll_docbook_is_docbook           (xmlNodePtr   node);
Kind        ll_docbook_kind_of              (xmlNodePtr   node);
gboolean    ll_docbook_is_named             (xmlNodePtr   node,
                                             const char  *name);
/* An attribute as GLib memory, or NULL. */
char       *ll_docbook_get_prop             (xmlNodePtr   node,
                                             const char  *name,
                                             const char  *ns);

/* Blocks (ll-docbook-read-blocks.c). */
void        ll_docbook_read_block_children  (Reader      *rd,
                                             xmlNodePtr   parent,
                                             LlDocNode   *target,
                                             guint        depth);
void        ll_docbook_read_block_node      (Reader      *rd,
                                             xmlNodePtr   node,
                                             LlDocNode   *target,
                                             guint        depth);
/* An element that the reader does not know, read as blocks or as text. */
void        ll_docbook_read_unknown         (Reader      *rd,
                                             xmlNodePtr   node,
                                             LlDocNode   *target,
                                             gboolean     block,
                                             guint        depth);

/* Inlines (ll-docbook-read-inlines.c). */
void        ll_docbook_read_inline_node     (Reader      *rd,
                                             xmlNodePtr   node,
                                             LlDocNode   *target,
                                             guint        depth);
void        ll_docbook_read_inline_children (Reader      *rd,
                                             xmlNodePtr   parent,
                                             LlDocNode   *target,
                                             guint        depth);
void        ll_docbook_append_text          (LlDocNode   *target,
                                             const char  *text);
/* The words of @node on one line: for titles, terms and metadata. */
char       *ll_docbook_read_line            (Reader      *rd,
                                             xmlNodePtr   node,
                                             guint        depth);

/* Images and figures, with LL_DOCBOOK_READ_IMAGES (ll-docbook-read-media.c). */
void        ll_docbook_read_mediaobject     (Reader      *rd,
                                             xmlNodePtr   node,
                                             LlDocNode   *target,
                                             guint        depth);
void        ll_docbook_read_figure          (Reader      *rd,
                                             xmlNodePtr   node,
                                             LlDocNode   *target,
                                             guint        depth);
/* The bytes of the PNG or JPEG file that @fileref names inside @folder,
 * or NULL: never a file outside it, nor anything but a regular file. */
GBytes     *ll_docbook_load_image           (const char  *folder,
                                             const char  *fileref);

/* Titles and metadata (ll-docbook-read-info.c). */
/* The first <@name> child of @node, or of its <info>. */
xmlNodePtr  ll_docbook_find_child           (xmlNodePtr   node,
                                             const char  *name);
/* The title of @node, or "" if it has none. */
char       *ll_docbook_read_title           (Reader      *rd,
                                             xmlNodePtr   node,
                                             guint        depth);
/* Sets the title, subtitle, authors, date and language of @doc from those
 * of @root. */
void        ll_docbook_read_info            (Reader      *rd,
                                             xmlNodePtr   root,
                                             LlDoc       *doc);

G_END_DECLS
