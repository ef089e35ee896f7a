/* ll-doc.h: the neutral document tree that every document kind builds and
 * that the DocBook writer and the print layout both consume.
 *
 * It is deliberately a small subset of DocBook 5 so that one tree can be
 * written as XML and laid out on paper without either output knowing about
 * the other.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  /* blocks */
  LL_DOC_BODY,            /* the root; children are blocks */
  LL_DOC_SECTION,         /* title = heading; children are blocks */
  LL_DOC_PARA,            /* children are inlines */
  LL_DOC_ITEMIZED_LIST,   /* children are LL_DOC_LIST_ITEM */
  LL_DOC_ORDERED_LIST,    /* children are LL_DOC_LIST_ITEM */
  LL_DOC_LIST_ITEM,       /* children are blocks */
  LL_DOC_BLOCKQUOTE,      /* attr = attribution (may be NULL); children blocks */
  LL_DOC_VARLIST,         /* a list of labelled values; children LL_DOC_VARLIST_ENTRY */
  LL_DOC_VARLIST_ENTRY,   /* title = term; children are blocks */
  LL_DOC_TABLE,           /* title = caption (may be NULL); children LL_DOC_ROW, the first is the header */
  LL_DOC_ROW,             /* children LL_DOC_ENTRY */
  LL_DOC_ENTRY,           /* children are inlines */
  LL_DOC_CHAPTER,         /* a book's division: title = heading; children are blocks
                           * and sections */
  LL_DOC_FIGURE,          /* title = caption; one child, an LL_DOC_IMAGE */
  LL_DOC_IMAGE,           /* image = the picture and its description; no children */
  /* inlines */
  LL_DOC_TEXT,            /* text */
  LL_DOC_EMPHASIS,        /* children are inlines */
  LL_DOC_STRONG,          /* children are inlines */
  LL_DOC_LINK,            /* attr = URI; children are inlines */
  /* stored rich text */
  LL_DOC_FRAGMENT,        /* text = a DocBook 5 block fragment, as the editor stores it;
                           * ll_docbook_resolve_fragments() turns it into nodes before output */
} LlDocNodeType;

typedef struct _LlDocNode LlDocNode;

/* A picture in a document. The bytes are kept as they came (a PNG or a
 * JPEG file), never decoded here. */
typedef struct
{
  GBytes *bytes;         /* the PNG or JPEG file; NULL when only described */
  char   *mime_type;     /* "image/png" or "image/jpeg"; NULL when unknown */
  char   *fileref;       /* the file it was read from or is written as; may be NULL */
  guint   pixel_width;   /* 0 when unknown */
  guint   pixel_height;
  double  width;         /* printed width in points; 0: the pixel size at
                          * 150 dpi, capped to the width of the text */
  char   *alt;           /* what a screen reader says instead: never NULL */
} LlDocImage;

struct _LlDocNode
{
  LlDocNodeType  type;
  char          *title;     /* SECTION, CHAPTER, VARLIST_ENTRY, TABLE, FIGURE */
  char          *text;      /* TEXT */
  char          *attr;      /* BLOCKQUOTE attribution, LINK href */
  GPtrArray     *children;  /* of LlDocNode, owned */
  LlDocImage    *image;     /* IMAGE, owned */
};

/* The root of a document: an article holds blocks and sections; a book
 * holds chapters (LL_DOC_CHAPTER) only. */
typedef enum {
  LL_DOC_ARTICLE,
  LL_DOC_BOOK,
} LlDocRoot;

typedef struct
{
  char *date;     /* ISO 8601 date, YYYY-MM-DD */
  char *remark;   /* what the revision was, e.g. its name */
} LlDocRevision;

typedef struct
{
  char      *kind;       /* "school", "vision", ... */
  gint64     id;
  char      *title;
  char      *subtitle;   /* may be NULL */
  char      *author;     /* personal name, may be NULL */
  char      *date;       /* ISO 8601 date, YYYY-MM-DD, may be NULL */
  char      *lang;       /* xml:lang, "en-GB" unless set */
  LlDocNode *body;       /* LL_DOC_BODY */
  GPtrArray *revisions;  /* of LlDocRevision, oldest first: the revision history */
  LlDocRoot  root;       /* LL_DOC_ARTICLE unless made by ll_doc_new_book() */
} LlDoc;

LlDocNode  *ll_doc_node_new            (LlDocNodeType  type);
LlDocNode  *ll_doc_node_new_text       (const char    *text);
void        ll_doc_node_free           (LlDocNode     *node);
LlDocNode  *ll_doc_node_copy           (const LlDocNode *node);
LlDocNode  *ll_doc_node_append         (LlDocNode     *parent,
                                        LlDocNode     *child);
gboolean    ll_doc_node_is_inline      (const LlDocNode *node);
char       *ll_doc_node_get_text       (const LlDocNode *node);

/* Builders: each appends to @parent and returns the new node. */
LlDocNode  *ll_doc_add_section         (LlDocNode     *parent,
                                        const char    *title);
LlDocNode  *ll_doc_add_para            (LlDocNode     *parent,
                                        const char    *text);
LlDocNode  *ll_doc_add_list            (LlDocNode     *parent,
                                        gboolean       ordered);
LlDocNode  *ll_doc_add_list_item       (LlDocNode     *list,
                                        const char    *text);
LlDocNode  *ll_doc_add_varlist_entry   (LlDocNode     *varlist,
                                        const char    *term,
                                        const char    *text);
LlDocNode  *ll_doc_add_row             (LlDocNode     *table,
                                        const char    *first_cell,
                                        ...) G_GNUC_NULL_TERMINATED;

/* A book's chapter, appended to @body (a book's LL_DOC_BODY). */
LlDocNode  *ll_doc_add_chapter         (LlDocNode     *body,
                                        const char    *title);
/* An image of @bytes, which must be a PNG or a JPEG file (otherwise NULL
 * with @error in G_IO_ERROR), described by @alt for screen readers. */
LlDocNode  *ll_doc_node_new_image      (GBytes        *bytes,
                                        const char    *alt,
                                        GError       **error);
LlDocNode  *ll_doc_add_image           (LlDocNode     *parent,
                                        GBytes        *bytes,
                                        const char    *alt,
                                        GError       **error);
/* A figure: the image with @caption under it. Returns the figure. */
LlDocNode  *ll_doc_add_figure          (LlDocNode     *parent,
                                        const char    *caption,
                                        GBytes        *bytes,
                                        const char    *alt,
                                        GError       **error);

/* Whether @data is a PNG or a JPEG file, by its signature, with its MIME
 * type and pixel size read from its header (each may be NULL). */
gboolean    ll_doc_image_sniff         (const guint8  *data,
                                        gsize          length,
                                        const char   **mime_type,
                                        guint         *pixel_width,
                                        guint         *pixel_height);
LlDocImage *ll_doc_image_copy          (const LlDocImage *image);
void        ll_doc_image_free          (LlDocImage    *image);
/* The width in points at which @image prints on a text @text_width wide,
 * before any fitting to the page's height. */
double      ll_doc_image_print_width   (const LlDocImage *image,
                                        double         text_width);

void        ll_doc_add_revision        (LlDoc         *doc,
                                        const char    *date,
                                        const char    *remark);

LlDoc      *ll_doc_new                 (const char    *kind,
                                        gint64         id,
                                        const char    *title);
/* A new book: add chapters to its body with ll_doc_add_chapter(). */
LlDoc      *ll_doc_new_book            (const char    *kind,
                                        gint64         id,
                                        const char    *title);
void        ll_doc_free                (LlDoc         *doc);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LlDocNode, ll_doc_node_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LlDoc, ll_doc_free)

G_END_DECLS
