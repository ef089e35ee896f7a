#pragma once

#include "ll-document-info.h"

G_BEGIN_DECLS

LlDocumentInfo *_ll_document_info_new        (const char     *kind,
                                              gint64          id,
                                              const char     *title);
void            _ll_document_info_set_title  (LlDocumentInfo *self,
                                              const char     *title);

G_END_DECLS
