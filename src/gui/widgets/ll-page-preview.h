/* ll-page-preview.h: a document's pages as they will print, one under
 * another, drawn by the same layout as print and PDF */
#pragma once

#include <gtk/gtk.h>

#include "ll-doc.h"

G_BEGIN_DECLS

#define LL_TYPE_PAGE_PREVIEW (ll_page_preview_get_type ())
G_DECLARE_FINAL_TYPE (LlPagePreview, ll_page_preview, LL, PAGE_PREVIEW, GtkWidget)

GtkWidget *ll_page_preview_new         (void);
/* Lays @doc (its fragments resolved; may be NULL: nothing) out on A4 and
 * shows its pages. @doc is not referenced afterwards. */
void       ll_page_preview_set_doc     (LlPagePreview *self,
                                        const LlDoc   *doc);
int        ll_page_preview_get_n_pages (LlPagePreview *self);

G_END_DECLS
