/* ll-document-kind-private.h: what the workbook does with the kinds */
#pragma once

#include "ll-document-info.h"
#include "ll-document-kind.h"

G_BEGIN_DECLS

/* One new object of every kind in the table, in its order (see
 * ll-document-kinds.c). */
GPtrArray *_ll_document_kinds_new          (void);

/* Gives the kind its workbook, and loads it. */
gboolean   _ll_document_kind_load          (LlDocumentKind  *self,
                                            LlWorkbook      *workbook,
                                            GError         **error);
/* Keeps the kind's share of the list of documents in step. */
void       _ll_document_kind_add_info      (LlDocumentKind  *self,
                                            LlDocumentInfo  *info);
void       _ll_document_kind_remove_info   (LlDocumentKind  *self,
                                            gint64           id);

G_END_DECLS
