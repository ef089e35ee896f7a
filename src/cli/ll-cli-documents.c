/* ll-cli-documents.c: the command-line actions on a workbook and its
 * documents of every kind: the sample, the list, the check, export and
 * print. */
#define G_LOG_DOMAIN "ll-cli"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "ll-chart-trend.h"
#include "ll-cli-private.h"
#include "ll-docbook.h"
#include "ll-print.h"
#include "ll-sample.h"

static int run_generate_sample (const char *file);
static int run_list            (const char *file);
static int run_check           (const char *file);
static int run_export          (const char *file);
static int run_print_pdf       (const char *file);

const LlCliOption ll_cli_document_options[] = {
  { "generate-sample", LL_CLI_ARG_OPTIONAL_NUMBER, N_("SCALE"),
    N_("Write a new sample workbook to FILE; SCALE multiplies its content"), run_generate_sample },
  { "list", LL_CLI_ARG_NONE, NULL,
    N_("List the documents in FILE, one per line: KIND, ID and TITLE"), run_list },
  { "export-docbook", LL_CLI_ARG_FILENAME, N_("OUT"),
    N_("Export one document (with --document) to the file OUT, or every document into the folder OUT"),
    run_export },
  { "print-pdf", LL_CLI_ARG_FILENAME, N_("OUT"),
    N_("Print the document given by --document to the PDF file OUT"), run_print_pdf },
  { "check", LL_CLI_ARG_NONE, NULL,
    N_("Check the integrity and schema of FILE, changing nothing"), run_check },
  /* what the actions above take */
  { "document", LL_CLI_ARG_STRING, N_("ID"),
    N_("The document to export or print, by the ID that --list shows"), NULL },
  { "paper", LL_CLI_ARG_STRING, N_("SIZE"),
    N_("Paper size for --print-pdf: a4 (the default) or letter"), NULL },
  { NULL }
};

/* The document --document names, as --list writes it ("12",
 * "summary-2025-autumn"); a number that no document has yet is taken as
 * it is, for building it to say so. */
static gboolean
parse_document_id (LlWorkbook *workbook,
                   gint64     *id)
{
  char *end = NULL;
  gint64 value;

  const char *document = ll_cli_option_value ("document");

  if (document == NULL)
    return FALSE;
  if (ll_workbook_document_id_from_name (workbook, document, id))
    return TRUE;
  errno = 0;
  value = g_ascii_strtoll (document, &end, 10);
  if (errno != 0 || end == document || *end != '\0' || value <= 0)
    return FALSE;
  *id = value;
  return TRUE;
}

static int
run_generate_sample (const char *file)
{
  g_autoptr(GError) error = NULL;
  guint64 scale = 1;

  const char *scale_text = ll_cli_option_value ("generate-sample");

  if (scale_text[0] != '\0'
      && (!g_ascii_string_to_unsigned (scale_text, 10, 1, 100000, &scale, NULL)))
    return ll_cli_usage (_("The sample scale must be a whole number from 1 to 100000."));
  if (!ll_sample_generate (file, (guint) scale, &error))
    return ll_cli_fail (error);
  return EXIT_SUCCESS;
}

/* The radar of a summary's term, as the observations place draws it. */
static GBytes *
draw_chart (const LlObservationTrend *trend,
            guint                     term,
            gpointer                  user_data)
{
  LlChart *chart = ll_chart_trend_new (trend, term, 1, trend->term_labels[term]);
  GBytes *png = ll_chart_render_png (chart, LL_CHART_RADAR, 800, 640);

  ll_chart_trend_free (chart);
  return png;
}

LlWorkbook *
ll_cli_open_for_reading (const char  *file,
                         GError     **error)
{
  LlWorkbook *workbook = ll_workbook_open (file, LL_WORKBOOK_OPEN_READ_ONLY, error);

  if (workbook != NULL)
    ll_workbook_set_chart_func (workbook, draw_chart, NULL);
  return workbook;
}

LlWorkbook *
ll_cli_open_for_adding (const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlWorkbook) workbook = ll_workbook_open (file, LL_WORKBOOK_OPEN_DEFAULT, &error);

  if (workbook == NULL)
    {
      ll_cli_fail (error);
      return NULL;
    }
  if (ll_workbook_get_read_only (workbook))
    {
      g_autofree char *name = g_filename_display_basename (file);

      g_printerr (_("“%s” is read-only, so nothing can be imported into it.\n"), name);
      return NULL;
    }
  return g_steal_pointer (&workbook);
}

static int
run_list (const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlWorkbook) workbook = ll_cli_open_for_reading (file, &error);
  g_autoptr(GPtrArray) documents = NULL;

  if (workbook == NULL)
    return ll_cli_fail (error);
  /* those stored and those made from them, kind by kind */
  documents = ll_workbook_list_documents (workbook, &error);
  if (documents == NULL)
    return ll_cli_fail (error);
  for (guint i = 0; i < documents->len; i++)
    {
      LlDocumentInfo *info = g_ptr_array_index (documents, i);
      g_autofree char *name = ll_workbook_dup_document_name (workbook, ll_document_info_get_id (info));

      g_print ("%s\t%s\t%s\n", ll_document_info_get_kind (info), name, ll_document_info_get_title (info));
    }
  return EXIT_SUCCESS;
}

static int
run_export (const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlWorkbook) workbook = ll_cli_open_for_reading (file, &error);
  g_autoptr(GPtrArray) documents = NULL;
  const char *out_path = ll_cli_option_value ("export-docbook");
  gint64 id = 0;

  if (workbook == NULL)
    return ll_cli_fail (error);

  if (ll_cli_option_value ("document") != NULL)
    {
      g_autoptr(LlDoc) doc = NULL;

      if (!parse_document_id (workbook, &id))
        return ll_cli_usage (_("--document needs a document ID, as --list shows."));
      doc = ll_docbook_build_doc (workbook, id, &error);
      if (doc == NULL || !ll_docbook_write_file (doc, out_path, &error))
        return ll_cli_fail (error);
      return EXIT_SUCCESS;
    }

  /* Every document into a folder. */
  if (g_mkdir_with_parents (out_path, 0700) != 0)
    {
      int saved = errno;
      g_autofree char *name = g_filename_display_name (out_path);

      g_printerr (_("The folder “%s” could not be created (%s).\n"), name, g_strerror (saved));
      return LL_CLI_EXIT_FAILED;
    }
  documents = ll_workbook_list_documents (workbook, &error);
  if (documents == NULL)
    return ll_cli_fail (error);
  for (guint i = 0; i < documents->len; i++)
    {
      LlDocumentInfo *info = g_ptr_array_index (documents, i);
      g_autoptr(LlDoc) doc = ll_docbook_build_doc (workbook, ll_document_info_get_id (info), &error);
      g_autofree char *name = ll_workbook_dup_document_name (workbook, ll_document_info_get_id (info));
      g_autofree char *file_name = NULL;
      g_autofree char *out = NULL;

      if (doc == NULL)
        return ll_cli_fail (error);
      /* "vision-2.xml"; a name that says what it is stands alone:
       * "summary-2025-autumn.xml" */
      file_name = g_ascii_isdigit (name[0])
                  ? g_strdup_printf ("%s-%s.xml", ll_document_info_get_kind (info), name)
                  : g_strconcat (name, ".xml", NULL);
      out = g_build_filename (out_path, file_name, NULL);
      if (!ll_docbook_write_file (doc, out, &error))
        return ll_cli_fail (error);
    }
  return EXIT_SUCCESS;
}

static int
run_print_pdf (const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlWorkbook) workbook = NULL;
  g_autoptr(LlDoc) doc = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  const char *paper = ll_cli_option_value ("paper");
  gint64 id = 0;

  if (ll_cli_option_value ("document") == NULL)
    return ll_cli_usage (_("--print-pdf needs --document with a document ID, as --list shows."));
  if (paper != NULL && !g_str_equal (paper, "a4") && !g_str_equal (paper, "letter"))
    return ll_cli_usage (_("--paper must be “a4” or “letter”."));
  workbook = ll_cli_open_for_reading (file, &error);
  if (workbook == NULL)
    return ll_cli_fail (error);
  if (!parse_document_id (workbook, &id))
    return ll_cli_usage (_("--print-pdf needs --document with a document ID, as --list shows."));
  doc = ll_docbook_build_doc (workbook, id, &error);
  if (doc == NULL)
    return ll_cli_fail (error);
  /* Printing needs GTK's types but no display: PDF export works without one. */
  gtk_init_check ();
  setup = ll_print_page_setup_new (paper != NULL ? paper : "a4");
  if (!ll_print_export_pdf (doc, setup, ll_cli_option_value ("print-pdf"), &error))
    return ll_cli_fail (error);
  return EXIT_SUCCESS;
}

static int
run_check (const char *file)
{
  g_autofree char *report = NULL;
  gboolean ok = FALSE;

  report = ll_workbook_check (file, &ok);
  g_print ("%s", report);
  return ok ? EXIT_SUCCESS : LL_CLI_EXIT_FAILED;
}
