/* ll-print.c: GtkPrintOperation glue for the page layout and for fixed
 * pages (ll-print-pages.h), which share all of it
 *
 * Export runs the operation synchronously with no dialog, which works
 * without a display; the print dialog runs asynchronously so that the
 * window stays responsive while the job is prepared.
 */
#define G_LOG_DOMAIN "ll-print"

#include "config.h"

#include <cairo.h>
#ifdef CAIRO_HAS_PDF_SURFACE
#include <cairo-pdf.h>
#endif
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ll-print.h"
#include "ll-print-layout.h"
#include "ll-print-pages.h"

/* About 22 mm all round: generous for reading, and more than any printer's
 * unprintable edge. */
#define MARGIN_TOP     64.0
#define MARGIN_BOTTOM  60.0
#define MARGIN_SIDE    62.0

G_DEFINE_QUARK (ll-print-error-quark, ll_print_error)

/* Settings chosen in the print dialog, kept for the rest of the session */
static GtkPrintSettings *session_settings;

/* One print or export: of a document, laid out here, or of fixed pages */
typedef struct
{
  const LlDoc     *doc;
  LlDoc           *owned_doc;
  LlPrintPages    *pages;
  LlPrintPages    *owned_pages;
  LlPrintLayout   *layout;
  LlPrintDoneFunc  done;
  gpointer         user_data;
  gboolean         finished;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_pointer (&job->layout, ll_print_layout_free);
  g_clear_pointer (&job->owned_doc, ll_doc_free);
  g_clear_pointer (&job->owned_pages, ll_print_pages_free);
  g_free (job);
}

static const char *
job_title (const PrintJob *job)
{
  if (job->pages != NULL)
    return ll_print_pages_get_title (job->pages);
  return job->doc != NULL ? job->doc->title : NULL;
}

/* The message of @error without a final full stop, to end our sentence */
static char *
message_clause (const GError *error)
{
  char *msg = g_strdup (error != NULL ? error->message : "");
  gsize len = strlen (msg);

  while (len > 0 && (msg[len - 1] == '.' || g_ascii_isspace (msg[len - 1])))
    msg[--len] = '\0';
  return msg;
}

GtkPageSetup *
ll_print_page_setup_new (const char *paper)
{
  return ll_print_page_setup_new_oriented (paper, GTK_PAGE_ORIENTATION_PORTRAIT);
}

GtkPageSetup *
ll_print_page_setup_new_oriented (const char         *paper,
                                  GtkPageOrientation  orientation)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  GtkPaperSize *size;

  if (paper != NULL && g_ascii_strcasecmp (paper, "letter") == 0)
    size = gtk_paper_size_new (GTK_PAPER_NAME_LETTER);
  else
    size = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  gtk_page_setup_set_orientation (setup, orientation);
  gtk_page_setup_set_paper_size_and_default_margins (setup, size);
  gtk_paper_size_free (size);
  return setup;
}

static void
on_begin_print (GtkPrintOperation *op,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  PangoContext *pango = gtk_print_context_create_pango_context (context);
  GtkPageSetup *setup = gtk_print_context_get_page_setup (context);
  double hard_top = gtk_page_setup_get_top_margin (setup, GTK_UNIT_POINTS);
  double hard_bottom = gtk_page_setup_get_bottom_margin (setup, GTK_UNIT_POINTS);
  double hard_left = gtk_page_setup_get_left_margin (setup, GTK_UNIT_POINTS);
  double hard_right = gtk_page_setup_get_right_margin (setup, GTK_UNIT_POINTS);

  if (job->pages != NULL)
    {
      g_object_unref (pango);
      gtk_print_operation_set_n_pages (op, ll_print_pages_get_n_pages (job->pages));
      return;
    }

  /* Preview and print may each begin; lay out afresh for this context */
  g_clear_pointer (&job->layout, ll_print_layout_free);
  job->layout = ll_print_layout_new (job->doc, pango,
                                     gtk_print_context_get_width (context),
                                     gtk_print_context_get_height (context),
                                     MAX (MARGIN_TOP, hard_top + 24.0),
                                     MAX (MARGIN_SIDE, hard_right),
                                     MAX (MARGIN_BOTTOM, hard_bottom + 24.0),
                                     MAX (MARGIN_SIDE, hard_left));
  g_object_unref (pango);
  gtk_print_operation_set_n_pages (op, ll_print_layout_get_n_pages (job->layout));
}

static void
on_draw_page (GtkPrintOperation *op,
              GtkPrintContext   *context,
              int                page_nr,
              PrintJob          *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

#ifdef CAIRO_HAS_PDF_SURFACE
  if (page_nr == 0 && cairo_surface_get_type (cairo_get_target (cr)) == CAIRO_SURFACE_TYPE_PDF)
    {
      cairo_surface_t *pdf = cairo_get_target (cr);

      if (job_title (job) != NULL)
        cairo_pdf_surface_set_metadata (pdf, CAIRO_PDF_METADATA_TITLE, job_title (job));
      if (job->doc != NULL && job->doc->author != NULL)
        cairo_pdf_surface_set_metadata (pdf, CAIRO_PDF_METADATA_AUTHOR, job->doc->author);
      cairo_pdf_surface_set_metadata (pdf, CAIRO_PDF_METADATA_CREATOR, "Leading Learning");
    }
#endif

  if (job->pages != NULL)
    ll_print_pages_draw_page (job->pages, cr, page_nr,
                              gtk_print_context_get_width (context),
                              gtk_print_context_get_height (context));
  else if (job->layout != NULL)
    ll_print_layout_draw_page (job->layout, cr, page_nr);
}

static GtkPrintOperation *
print_operation_new (PrintJob     *job,
                     GtkPageSetup *page_setup)
{
  GtkPrintOperation *op = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) a4 = NULL;

  if (page_setup == NULL)
    page_setup = a4 = ll_print_page_setup_new ("a4");
  gtk_print_operation_set_default_page_setup (op, page_setup);
  /* The layout draws its own margins, measured from the paper's edge */
  gtk_print_operation_set_use_full_page (op, TRUE);
  gtk_print_operation_set_unit (op, GTK_UNIT_POINTS);
  if (job_title (job) != NULL && *job_title (job) != '\0')
    gtk_print_operation_set_job_name (op, job_title (job));
  g_signal_connect (op, "begin-print", G_CALLBACK (on_begin_print), job);
  g_signal_connect (op, "draw-page", G_CALLBACK (on_draw_page), job);
  return op;
}

static gboolean
export_job (PrintJob      *job,
            GtkPageSetup  *page_setup,
            const char    *path,
            GError       **error)
{
  g_autoptr(GtkPrintOperation) op = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *partial = NULL;
  GtkPrintOperationResult result;
  int fd;

  display = g_filename_display_name (path);

  /* Write beside the target and rename, so that a failure never leaves a
   * half-written PDF in place of a good one; this also gives a plain
   * reason ("Permission denied") when the folder cannot be written. Like
   * the workbook, the PDF is readable by its owner only. */
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  {
    g_autofree char *name = g_strdup_printf (".%s.XXXXXX", base);

    partial = g_build_filename (dir, name, NULL);
  }
  fd = g_mkstemp_full (partial, O_RDWR, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, LL_PRINT_ERROR, LL_PRINT_ERROR_FAILED,
                   _("The PDF could not be written to “%s”: %s."),
                   display, g_strerror (saved_errno));
      return FALSE;
    }
  g_close (fd, NULL);

  op = print_operation_new (job, page_setup);
  gtk_print_operation_set_export_filename (op, partial);
  result = gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                    NULL, &local_error);
  g_clear_pointer (&job->layout, ll_print_layout_free);

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR ||
      result == GTK_PRINT_OPERATION_RESULT_CANCEL)
    {
      g_autofree char *reason = NULL;

      if (local_error == NULL)
        gtk_print_operation_get_error (op, &local_error);
      reason = local_error != NULL ? message_clause (local_error)
                                   : g_strdup (_("the export was stopped"));
      g_unlink (partial);
      g_set_error (error, LL_PRINT_ERROR, LL_PRINT_ERROR_FAILED,
                   _("The PDF could not be written to “%s”: %s."),
                   display, reason);
      return FALSE;
    }

  if (g_rename (partial, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (partial);
      g_set_error (error, LL_PRINT_ERROR, LL_PRINT_ERROR_FAILED,
                   _("The PDF could not be written to “%s”: %s."),
                   display, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

gboolean
ll_print_export_pdf (const LlDoc   *doc,
                     GtkPageSetup  *page_setup,
                     const char    *path,
                     GError       **error)
{
  PrintJob job = { 0 };

  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  job.doc = doc;
  return export_job (&job, page_setup, path, error);
}

/**
 * ll_print_export_pages_pdf:
 * Writes the fixed pages of @pages to a PDF at @path, on the paper of
 * their page setup, as ll_print_export_pdf() writes a document.
 */
gboolean
ll_print_export_pages_pdf (LlPrintPages  *pages,
                           const char    *path,
                           GError       **error)
{
  PrintJob job = { 0 };

  g_return_val_if_fail (pages != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  job.pages = pages;
  return export_job (&job, ll_print_pages_get_page_setup (pages), path, error);
}

static gboolean
release_operation (gpointer data)
{
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

/* Ends the job exactly once, whether "done" fired or the run ended early */
static void
finish_job (GtkPrintOperation       *op,
            PrintJob                *job,
            GtkPrintOperationResult  result,
            const GError            *run_error)
{
  g_autoptr(GError) error = NULL;

  if (job->finished)
    return;
  job->finished = TRUE;

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      GtkPrintSettings *settings = gtk_print_operation_get_print_settings (op);

      g_clear_object (&session_settings);
      if (settings != NULL)
        session_settings = gtk_print_settings_copy (settings);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) op_error = NULL;
      g_autofree char *reason = NULL;

      gtk_print_operation_get_error (op, &op_error);
      reason = message_clause (op_error != NULL ? op_error : run_error);
      if (*reason == '\0')
        error = g_error_new_literal (LL_PRINT_ERROR, LL_PRINT_ERROR_FAILED,
                                     _("The document could not be printed."));
      else
        error = g_error_new (LL_PRINT_ERROR, LL_PRINT_ERROR_FAILED,
                             _("The document could not be printed: %s."), reason);
    }

  if (job->done != NULL)
    job->done (error, job->user_data);

  g_clear_pointer (&job->layout, ll_print_layout_free);
  g_clear_pointer (&job->owned_doc, ll_doc_free);
  g_clear_pointer (&job->owned_pages, ll_print_pages_free);
  job->doc = NULL;
  job->pages = NULL;

  /* Drop our reference once GTK has finished emitting and unwinding */
  g_idle_add (release_operation, op);
}

static void
on_done (GtkPrintOperation       *op,
         GtkPrintOperationResult  result,
         PrintJob                *job)
{
  finish_job (op, job, result, NULL);
}

/* Runs the dialog for @job, which it owns from here */
static void
run_dialog_job (GtkWindow    *parent,
                PrintJob     *job,
                GtkPageSetup *page_setup)
{
  g_autoptr(GError) error = NULL;
  GtkPrintOperation *op;
  GtkPrintOperationResult result;

  op = print_operation_new (job, page_setup);
  g_object_set_data_full (G_OBJECT (op), "ll-print-job", job,
                          (GDestroyNotify) print_job_free);
  if (session_settings != NULL)
    gtk_print_operation_set_print_settings (op, session_settings);
  gtk_print_operation_set_allow_async (op, TRUE);
  /* fixed pages are drawn for their own paper */
  gtk_print_operation_set_embed_page_setup (op, job->pages == NULL);
  g_signal_connect (op, "done", G_CALLBACK (on_done), job);

  result = gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    parent, &error);
  if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    finish_job (op, job, result, error);
}

void
ll_print_run_dialog (GtkWindow       *parent,
                     LlDoc           *doc,
                     GtkPageSetup    *page_setup,
                     LlPrintDoneFunc  done,
                     gpointer         user_data)
{
  PrintJob *job;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (doc != NULL);

  job = g_new0 (PrintJob, 1);
  job->doc = doc;
  job->owned_doc = doc;
  job->done = done;
  job->user_data = user_data;
  run_dialog_job (parent, job, page_setup);
}

/**
 * ll_print_run_pages_dialog:
 * As ll_print_run_dialog(), for fixed pages on the paper of their page
 * setup. Ownership of @pages passes here.
 */
void
ll_print_run_pages_dialog (GtkWindow       *parent,
                           LlPrintPages    *pages,
                           LlPrintDoneFunc  done,
                           gpointer         user_data)
{
  PrintJob *job;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (pages != NULL);

  job = g_new0 (PrintJob, 1);
  job->pages = pages;
  job->owned_pages = pages;
  job->done = done;
  job->user_data = user_data;
  run_dialog_job (parent, job, ll_print_pages_get_page_setup (pages));
}
