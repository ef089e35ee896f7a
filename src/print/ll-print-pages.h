/* ll-print-pages.h: fixed pages, drawn exactly, beside the flowing layout
 *
 * Some things print as pages that are designed rather than laid out: a
 * certificate for each participant of a cohort, for instance. Their source
 * says how many pages there are and draws each one with Cairo and Pango,
 * in points, on paper of a page setup of its choosing; ll-print.c prints
 * and exports them through the same GtkPrintOperation as documents.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct
{
  /* The number of pages; at least 1 */
  int   (*get_n_pages) (gpointer  user_data);
  /* Draws page @page_nr (from 0) on @cr, whose user space is in points
   * with the origin at the paper's top left corner, on a page @width ×
   * @height points. Nothing is drawn but what this draws: no margins, no
   * page numbers. */
  void  (*draw_page)   (gpointer  user_data,
                        cairo_t  *cr,
                        int       page_nr,
                        double    width,
                        double    height);
} LlPrintPagesFuncs;

typedef struct _LlPrintPages LlPrintPages;

/* A source of fixed pages. @funcs is copied; @page_setup (may be NULL for
 * A4 portrait) is referenced; @title names the print job and the PDF (may
 * be NULL); @destroy (may be NULL) frees @user_data with the source. */
LlPrintPages *ll_print_pages_new            (const LlPrintPagesFuncs *funcs,
                                             GtkPageSetup            *page_setup,
                                             const char              *title,
                                             gpointer                 user_data,
                                             GDestroyNotify           destroy);
void          ll_print_pages_free           (LlPrintPages            *pages);

int           ll_print_pages_get_n_pages    (LlPrintPages            *pages);
GtkPageSetup *ll_print_pages_get_page_setup (LlPrintPages            *pages);
const char   *ll_print_pages_get_title      (LlPrintPages            *pages);
void          ll_print_pages_draw_page      (LlPrintPages            *pages,
                                             cairo_t                 *cr,
                                             int                      page_nr,
                                             double                   width,
                                             double                   height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LlPrintPages, ll_print_pages_free)

G_END_DECLS
