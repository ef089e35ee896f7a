/* ll-print.h: printing and PDF export of the neutral tree */
#pragma once

#include <gtk/gtk.h>

#include "ll-doc.h"
#include "ll-print-pages.h"

G_BEGIN_DECLS

#define LL_PRINT_ERROR (ll_print_error_quark ())

typedef enum {
  LL_PRINT_ERROR_FAILED,
} LlPrintError;

/* Called once when a print job ends: @error is NULL when it was printed or
 * cancelled, and otherwise says in one sentence what went wrong. */
typedef void (*LlPrintDoneFunc) (const GError *error,
                                 gpointer      user_data);

GQuark        ll_print_error_quark     (void);

/* A new portrait page setup for @paper, "a4" or "letter" (any case); NULL
 * or anything else gives A4. */
GtkPageSetup *ll_print_page_setup_new  (const char     *paper);
/* The same in @orientation: certificates are A4 landscape. */
GtkPageSetup *ll_print_page_setup_new_oriented (const char         *paper,
                                                GtkPageOrientation  orientation);

/* Writes @doc to a PDF at @path with no dialog and no display. @page_setup
 * may be NULL for A4 portrait. An existing file at @path is replaced only
 * once the new one is complete. */
gboolean      ll_print_export_pdf      (const LlDoc    *doc,
                                        GtkPageSetup   *page_setup,
                                        const char     *path,
                                        GError        **error);

/* Opens the print dialog (with preview) for @doc over @parent and returns
 * at once. Ownership of @doc passes here; it is freed when the job ends.
 * @page_setup may be NULL for A4 portrait. Print settings chosen in the
 * dialog are remembered for the rest of the session. @done (may be NULL)
 * is called once at the end, with an error to show the user if printing
 * failed. */
void          ll_print_run_dialog      (GtkWindow      *parent,
                                        LlDoc          *doc,
                                        GtkPageSetup   *page_setup,
                                        LlPrintDoneFunc done,
                                        gpointer        user_data);

/* The same for fixed pages (ll-print-pages.h), on the paper of their page
 * setup. The dialog takes ownership of @pages. */
gboolean      ll_print_export_pages_pdf (LlPrintPages    *pages,
                                         const char      *path,
                                         GError         **error);
void          ll_print_run_pages_dialog (GtkWindow       *parent,
                                         LlPrintPages    *pages,
                                         LlPrintDoneFunc  done,
                                         gpointer         user_data);

G_END_DECLS
