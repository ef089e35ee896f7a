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

struct _LlDocNode
{
  LlDocNodeType  type;
  char          *title;     /* SECTION, VARLIST_ENTRY, TABLE */
  char          *text;      /* TEXT */
  char          *attr;      /* BLOCKQUOTE attribution, LINK href */
  GPtrArray     *children;  /* of LlDocNode, owned */
};

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

void        ll_doc_add_revision        (LlDoc         *doc,
                                        const char    *date,
                                        const char    *remark);

LlDoc      *ll_doc_new                 (const char    *kind,
                                        gint64         id,
                                        const char    *title);
void        ll_doc_free                (LlDoc         *doc);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LlDocNode, ll_doc_node_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LlDoc, ll_doc_free)

G_END_DECLS
