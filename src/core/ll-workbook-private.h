/* ll-workbook-private.h: what the files of each kind of document use of
 * the workbook */
#pragma once

#include "ll-document-kind.h"
#include "ll-pending.h"
#include "ll-store.h"
#include "ll-workbook.h"

G_BEGIN_DECLS

LlStore   *_ll_workbook_get_store          (LlWorkbook *self);
LlPending *_ll_workbook_get_pending        (LlWorkbook *self);
/* Keeps the list of documents in step with the kind's own. */
void       _ll_workbook_add_document       (LlWorkbook *self,
                                            const char *kind,
                                            gint64      id,
                                            const char *title);
void       _ll_workbook_remove_document    (LlWorkbook *self,
                                            gint64      id);
void       _ll_workbook_set_document_title (LlWorkbook *self,
                                            gint64      id,
                                            const char *title);
/* The workbook's one object of the kind @type. */
LlDocumentKind *_ll_workbook_get_kind_of_type (LlWorkbook *self,
                                               GType       type);

G_END_DECLS
