/* ll-document-info.h: one entry in a workbook's list of documents */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LL_TYPE_DOCUMENT_INFO (ll_document_info_get_type ())
G_DECLARE_FINAL_TYPE (LlDocumentInfo, ll_document_info, LL, DOCUMENT_INFO, GObject)

/* Properties: "kind" (e.g. "school"), "id" (gint64), "title" (string). */
const char  *ll_document_info_get_kind   (LlDocumentInfo *self);
gint64       ll_document_info_get_id     (LlDocumentInfo *self);
const char  *ll_document_info_get_title  (LlDocumentInfo *self);

G_END_DECLS
