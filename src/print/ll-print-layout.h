/* ll-print-layout.h: paginates the neutral document tree with Pango and
 * draws its pages on any cairo context (a print, a preview or a PDF).
 *
 * The layout knows nothing about GtkPrintOperation, so that it can be
 * exercised on a plain cairo PDF surface as well.
 */
#pragma once

#include <pango/pangocairo.h>

#include "ll-doc.h"

G_BEGIN_DECLS

typedef struct _LlPrintLayout LlPrintLayout;

/* Lays out @doc on pages of @page_width × @page_height points with the
 * given margins (points), using fonts from @context, and paginates it at
 * once. @doc is not referenced afterwards. */
LlPrintLayout *ll_print_layout_new          (const LlDoc   *doc,
                                             PangoContext  *context,
                                             double         page_width,
                                             double         page_height,
                                             double         margin_top,
                                             double         margin_right,
                                             double         margin_bottom,
                                             double         margin_left);
void           ll_print_layout_free         (LlPrintLayout *self);

/* The number of pages; at least 1. */
int            ll_print_layout_get_n_pages  (LlPrintLayout *self);

/* Draws page @page_nr (counted from 0) on @cr, whose user space is in
 * points with the origin at the top left corner of the paper. */
void           ll_print_layout_draw_page    (LlPrintLayout *self,
                                             cairo_t       *cr,
                                             int            page_nr);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LlPrintLayout, ll_print_layout_free)

G_END_DECLS
