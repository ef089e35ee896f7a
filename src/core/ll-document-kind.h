/* ll-document-kind.h: what each kind of document does for the workbook
 *
 * Every kind of document (the school profile, vision narratives, lesson
 * observations, summaries of observations) is an object that implements
 * LlDocumentKind, in a folder of its own under src/core/. The workbook
 * makes one object of every kind in the table of ll-document-kinds.c
 * when it opens, and goes through them for the list of documents, for
 * export and print, for the check and for the sample workbook, so that
 * nothing outside a kind's folder needs to know its name. A kind that
 * can take documents from outside (DocBook) says how in import_doc. */
#pragma once

#include <gio/gio.h>

#include "ll-doc.h"
#include "ll-store.h"

G_BEGIN_DECLS

typedef struct _LlWorkbook LlWorkbook;

#define LL_TYPE_DOCUMENT_KIND (ll_document_kind_get_type ())
G_DECLARE_INTERFACE (LlDocumentKind, ll_document_kind, LL, DOCUMENT_KIND, GObject)

struct _LlDocumentKindInterface
{
  GTypeInterface parent_iface;

  /* Required: the kind as the document table stores it, e.g. "vision";
   * kinds that are made, not stored, have an ID of their own too. */
  const char          *(*get_id)         (LlDocumentKind  *self);
  /* The tables the kind keeps its documents in, NULL-terminated, for the
   * check; NULL for none. */
  const char * const  *(*get_tables)     (LlDocumentKind  *self);
  /* Reads from the workbook's store what the kind needs while the
   * workbook is open; its entries in the list of documents are already
   * there (see ll_document_kind_get_documents()). */
  gboolean             (*load)           (LlDocumentKind  *self,
                                          LlWorkbook      *workbook,
                                          GError         **error);
  /* The kind's documents as they are now, of LlDocumentInfo; by default
   * those of ll_document_kind_get_documents(). Kinds whose documents are
   * made, not stored, make them here. */
  GPtrArray           *(*list_documents) (LlDocumentKind  *self,
                                          GError         **error);
  /* Whether the document @id is one of the kind's; by default, whether
   * it is in ll_document_kind_get_documents(). */
  gboolean             (*owns)           (LlDocumentKind  *self,
                                          gint64           id);
  /* How people write the ID of the document @id, for instance on the
   * command line; by default its number. */
  char                *(*dup_name)       (LlDocumentKind  *self,
                                          gint64           id);
  /* The document of the kind that @name names, as dup_name() writes it;
   * by default a number that the kind owns. */
  gboolean             (*id_from_name)   (LlDocumentKind  *self,
                                          const char      *name,
                                          gint64          *id);
  /* Required: the neutral tree of the document @id, which the kind owns. */
  LlDoc               *(*build_doc)      (LlDocumentKind  *self,
                                          gint64           id,
                                          GError         **error);
  /* The kind's part of the integrity check of @store, once its tables
   * are known to be there: appends a line to @report for each problem
   * and returns FALSE when it found any. */
  gboolean             (*check)          (LlDocumentKind  *self,
                                          LlStore         *store,
                                          GString         *report);
  /* Adds the kind's part of the sample workbook to the new @store; @scale
   * (>= 1) multiplies the amount. Kinds run in the order of the table,
   * each in transactions of its own. */
  gboolean             (*add_sample)     (LlDocumentKind  *self,
                                          LlStore         *store,
                                          guint            scale,
                                          GError         **error);
  /* Adds @doc, read from outside, to the workbook as a new document of
   * the kind; its ID, or 0 with @error. @doc's body holds sections
   * (LL_DOC_SECTION, title = the heading) whose one child is the rich
   * text as an LL_DOC_FRAGMENT, as the layer that read it prepared it
   * (the core reads no DocBook). By default the kind imports nothing. */
  gint64               (*import_doc)     (LlDocumentKind  *self,
                                          LlDoc           *doc,
                                          GError         **error);
};

const char          *ll_document_kind_get_id         (LlDocumentKind  *self);
/* The tables the check requires for this kind, NULL-terminated. */
const char * const  *ll_document_kind_get_tables     (LlDocumentKind  *self);
/* The workbook the kind belongs to, or NULL before it is loaded and for
 * the kinds that the check and the sample use. */
LlWorkbook          *ll_document_kind_get_workbook   (LlDocumentKind  *self);
/* The kind's entries in the workbook's list of documents: a GListModel of
 * LlDocumentInfo, in the order of the workbook's list. Made documents are
 * not in it. */
GListModel          *ll_document_kind_get_documents  (LlDocumentKind  *self);
/* The kind's documents as they are now, made ones included: a new array
 * of LlDocumentInfo, or NULL with @error. */
GPtrArray           *ll_document_kind_list_documents (LlDocumentKind  *self,
                                                      GError         **error);
gboolean             ll_document_kind_owns           (LlDocumentKind  *self,
                                                      gint64           id);
/* The document's ID as people write it: "12", "summary-2025-autumn". */
char                *ll_document_kind_dup_name       (LlDocumentKind  *self,
                                                      gint64           id);
/* Whether @name names one of the kind's documents, and which. */
gboolean             ll_document_kind_id_from_name   (LlDocumentKind  *self,
                                                      const char      *name,
                                                      gint64          *id);
/* Builds the neutral tree of the document @id for export and print. */
LlDoc               *ll_document_kind_build_doc      (LlDocumentKind  *self,
                                                      gint64           id,
                                                      GError         **error);
/* The kind's part of the check; TRUE when it found nothing wrong. */
gboolean             ll_document_kind_check          (LlDocumentKind  *self,
                                                      LlStore         *store,
                                                      GString         *report);
/* Adds the kind's sample content, if it has any. */
gboolean             ll_document_kind_add_sample     (LlDocumentKind  *self,
                                                      LlStore         *store,
                                                      guint            scale,
                                                      GError         **error);

/* Whether the kind can import documents (import_doc). */
gboolean             ll_document_kind_can_import     (LlDocumentKind  *self);
gint64               ll_document_kind_import_doc     (LlDocumentKind  *self,
                                                      LlDoc           *doc,
                                                      GError         **error);

G_END_DECLS
