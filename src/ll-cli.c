/* ll-cli.c: the command-line actions that work without a window */
#define G_LOG_DOMAIN "ll-cli"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ll-cli.h"
#include "ll-docbook.h"
#include "ll-print.h"
#include "ll-sample.h"
#include "ll-workbook.h"

enum {
  EXIT_FAILED = 1,
  EXIT_USAGE = 2,
};

typedef struct
{
  gboolean   version;
  gboolean   generate_sample;
  char      *sample_scale;
  gboolean   list;
  gboolean   check;
  char      *export_docbook;
  char      *print_pdf;
  char      *import_docbook;
  char      *document;
  char      *paper;
  char     **files;
  char      *sample_file;  /* see on_generate_sample() */
} Options;

static Options opts;

static gboolean
on_generate_sample (const char  *option_name,
                    const char  *value,
                    gpointer     data,
                    GError     **error)
{
  opts.generate_sample = TRUE;
  /* GOption hands an optional argument the next word when it is not an
   * option, so "--generate-sample FILE" arrives here with the file. */
  if (value != NULL && strchr (option_name, '=') == NULL && !g_ascii_isdigit (value[0]))
    {
      g_free (opts.sample_file);
      opts.sample_file = g_strdup (value);
      return TRUE;
    }
  g_free (opts.sample_scale);
  opts.sample_scale = g_strdup (value);
  return TRUE;
}

static const GOptionEntry entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, &opts.version,
    N_("Print the version and exit"), NULL },
  /* FILENAME: the callback may get the file, whose name need not be UTF-8 */
  { "generate-sample", 0, G_OPTION_FLAG_OPTIONAL_ARG | G_OPTION_FLAG_FILENAME,
    G_OPTION_ARG_CALLBACK, on_generate_sample,
    N_("Write a new sample workbook to FILE; SCALE multiplies its content"), N_("SCALE") },
  { "list", 0, 0, G_OPTION_ARG_NONE, &opts.list,
    N_("List the documents in FILE, one per line: KIND, ID and TITLE"), NULL },
  { "export-docbook", 0, 0, G_OPTION_ARG_FILENAME, &opts.export_docbook,
    N_("Export one document (with --document) to the file OUT, or every document into the folder OUT"),
    N_("OUT") },
  { "print-pdf", 0, 0, G_OPTION_ARG_FILENAME, &opts.print_pdf,
    N_("Print the document given by --document to the PDF file OUT"), N_("OUT") },
  { "import-docbook", 0, 0, G_OPTION_ARG_FILENAME, &opts.import_docbook,
    N_("Add the DocBook 5 article IN to FILE as a new vision narrative; prints its ID"), N_("IN") },
  { "document", 0, 0, G_OPTION_ARG_STRING, &opts.document,
    N_("The document to export or print, by the ID that --list shows"), N_("ID") },
  { "paper", 0, 0, G_OPTION_ARG_STRING, &opts.paper,
    N_("Paper size for --print-pdf: a4 (the default) or letter"), N_("SIZE") },
  { "check", 0, 0, G_OPTION_ARG_NONE, &opts.check,
    N_("Check the integrity and schema of FILE, changing nothing"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &opts.files, NULL, N_("[FILE]") },
  { NULL }
};

/* The same options without storage, for GApplication's --help. */
static GOptionEntry help_entries[G_N_ELEMENTS (entries)];

const GOptionEntry *
ll_cli_get_option_entries (void)
{
  guint n = 0;

  for (guint i = 0; entries[i].long_name != NULL; i++)
    {
      if (g_str_equal (entries[i].long_name, G_OPTION_REMAINING))
        continue;
      help_entries[n] = entries[i];
      help_entries[n].arg = entries[i].arg == G_OPTION_ARG_CALLBACK
                            ? G_OPTION_ARG_STRING : entries[i].arg;
      help_entries[n].arg_data = NULL;
      /* an optional argument is only allowed on callbacks */
      help_entries[n].flags &= ~G_OPTION_FLAG_OPTIONAL_ARG;
      n++;
    }
  help_entries[n] = (GOptionEntry) { NULL };
  return help_entries;
}

static void
clear_options (void)
{
  g_clear_pointer (&opts.sample_scale, g_free);
  g_clear_pointer (&opts.export_docbook, g_free);
  g_clear_pointer (&opts.print_pdf, g_free);
  g_clear_pointer (&opts.import_docbook, g_free);
  g_clear_pointer (&opts.document, g_free);
  g_clear_pointer (&opts.paper, g_free);
  g_clear_pointer (&opts.files, g_strfreev);
  g_clear_pointer (&opts.sample_file, g_free);
  memset (&opts, 0, sizeof opts);
}

static int
fail (const GError *error)
{
  g_printerr ("%s\n", error->message);
  return EXIT_FAILED;
}

static int
usage (const char *message)
{
  g_printerr ("%s\n", message);
  return EXIT_USAGE;
}

static gboolean
parse_document_id (gint64 *id)
{
  char *end = NULL;
  gint64 value;

  errno = 0;
  value = g_ascii_strtoll (opts.document, &end, 10);
  if (errno != 0 || end == opts.document || *end != '\0' || value <= 0)
    return FALSE;
  *id = value;
  return TRUE;
}

static int
run_generate_sample (const char *file)
{
  g_autoptr(GError) error = NULL;
  guint64 scale = 1;

  if (opts.sample_scale != NULL
      && (!g_ascii_string_to_unsigned (opts.sample_scale, 10, 1, 100000, &scale, NULL)))
    return usage (_("The sample scale must be a whole number from 1 to 100000."));
  if (!ll_sample_generate (file, (guint) scale, &error))
    return fail (error);
  return EXIT_SUCCESS;
}

static LlWorkbook *
open_for_reading (const char  *file,
                  GError     **error)
{
  return ll_workbook_open (file, LL_WORKBOOK_OPEN_READ_ONLY, error);
}

static int
run_list (const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlWorkbook) workbook = open_for_reading (file, &error);
  GListModel *docs;

  if (workbook == NULL)
    return fail (error);
  docs = ll_workbook_get_documents (workbook);
  for (guint i = 0; i < g_list_model_get_n_items (docs); i++)
    {
      g_autoptr(LlDocumentInfo) info = g_list_model_get_item (docs, i);

      g_print ("%s\t%" G_GINT64_FORMAT "\t%s\n", ll_document_info_get_kind (info),
               ll_document_info_get_id (info), ll_document_info_get_title (info));
    }
  return EXIT_SUCCESS;
}

static int
run_export (const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlWorkbook) workbook = open_for_reading (file, &error);
  GListModel *docs;
  gint64 id = 0;

  if (workbook == NULL)
    return fail (error);

  if (opts.document != NULL)
    {
      g_autoptr(LlDoc) doc = NULL;

      if (!parse_document_id (&id))
        return usage (_("--document needs a document ID, as --list shows."));
      doc = ll_docbook_build_doc (workbook, id, &error);
      if (doc == NULL || !ll_docbook_write_file (doc, opts.export_docbook, &error))
        return fail (error);
      return EXIT_SUCCESS;
    }

  /* Every document into a folder. */
  if (g_mkdir_with_parents (opts.export_docbook, 0700) != 0)
    {
      int saved = errno;
      g_autofree char *name = g_filename_display_name (opts.export_docbook);

      g_printerr (_("The folder “%s” could not be created (%s).\n"), name, g_strerror (saved));
      return EXIT_FAILED;
    }
  docs = ll_workbook_get_documents (workbook);
  for (guint i = 0; i < g_list_model_get_n_items (docs); i++)
    {
      g_autoptr(LlDocumentInfo) info = g_list_model_get_item (docs, i);
      g_autoptr(LlDoc) doc = ll_docbook_build_doc (workbook, ll_document_info_get_id (info), &error);
      g_autofree char *name = NULL;
      g_autofree char *out = NULL;

      if (doc == NULL)
        return fail (error);
      name = g_strdup_printf ("%s-%" G_GINT64_FORMAT ".xml", ll_document_info_get_kind (info),
                              ll_document_info_get_id (info));
      out = g_build_filename (opts.export_docbook, name, NULL);
      if (!ll_docbook_write_file (doc, out, &error))
        return fail (error);
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
  gint64 id = 0;

  if (opts.document == NULL || !parse_document_id (&id))
    return usage (_("--print-pdf needs --document with a document ID, as --list shows."));
  if (opts.paper != NULL && !g_str_equal (opts.paper, "a4") && !g_str_equal (opts.paper, "letter"))
    return usage (_("--paper must be “a4” or “letter”."));
  workbook = open_for_reading (file, &error);
  if (workbook == NULL)
    return fail (error);
  doc = ll_docbook_build_doc (workbook, id, &error);
  if (doc == NULL)
    return fail (error);
  /* Printing needs GTK's types but no display: PDF export works without one. */
  gtk_init_check ();
  setup = ll_print_page_setup_new (opts.paper ? opts.paper : "a4");
  if (!ll_print_export_pdf (doc, setup, opts.print_pdf, &error))
    return fail (error);
  return EXIT_SUCCESS;
}

static int
run_import (const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlWorkbook) workbook = ll_workbook_open (file, LL_WORKBOOK_OPEN_DEFAULT, &error);
  g_autoptr(GPtrArray) notes = NULL;
  LlNarrative *narrative;

  if (workbook == NULL)
    return fail (error);
  if (ll_workbook_get_read_only (workbook))
    {
      g_autofree char *name = g_filename_display_basename (file);

      g_printerr (_("“%s” is read-only, so nothing can be imported into it.\n"), name);
      return EXIT_FAILED;
    }
  narrative = ll_docbook_import_narrative (workbook, opts.import_docbook, &notes, &error);
  if (narrative == NULL)
    return fail (error);
  /* what was simplified goes to stderr, so that stdout is only the ID */
  for (guint i = 0; notes != NULL && i < notes->len; i++)
    g_printerr ("%s\n", (const char *) g_ptr_array_index (notes, i));
  g_print ("%" G_GINT64_FORMAT "\n", ll_narrative_get_id (narrative));
  return EXIT_SUCCESS;
}

static int
run_check (const char *file)
{
  g_autofree char *report = NULL;
  gboolean ok = FALSE;

  report = ll_workbook_check (file, &ok);
  g_print ("%s", report);
  return ok ? EXIT_SUCCESS : EXIT_FAILED;
}

static gboolean
wants_cli (char **argv)
{
  static const char * const actions[] = {
    "--version", "--generate-sample", "--list", "--export-docbook", "--print-pdf", "--check",
    "--import-docbook",
  };

  for (guint i = 1; argv[i] != NULL; i++)
    {
      if (g_str_equal (argv[i], "--"))
        break;
      for (guint a = 0; a < G_N_ELEMENTS (actions); a++)
        {
          gsize len = strlen (actions[a]);

          if (strncmp (argv[i], actions[a], len) == 0 && (argv[i][len] == '\0' || argv[i][len] == '='))
            return TRUE;
        }
    }
  return FALSE;
}

static int
run (char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = g_strdupv (argv);
  int n_actions;
  guint n_files;

  context = g_option_context_new (NULL);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  /* the _strv variant frees what it removes from the array */
  if (!g_option_context_parse_strv (context, &args, &error))
    return usage (error->message);

  if (opts.version)
    {
      g_print ("leading-learning %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  n_actions = !!opts.generate_sample + !!opts.list + !!opts.check + !!opts.export_docbook
              + !!opts.print_pdf + !!opts.import_docbook;
  if (n_actions != 1)
    return usage (_("Give one action at a time: --generate-sample, --list, --export-docbook, "
                    "--print-pdf, --import-docbook or --check."));
  if (opts.sample_file != NULL)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      g_strv_builder_add (builder, opts.sample_file);
      if (opts.files != NULL)
        g_strv_builder_addv (builder, (const char **) opts.files);
      g_strfreev (opts.files);
      opts.files = g_strv_builder_end (builder);
    }
  n_files = opts.files ? g_strv_length (opts.files) : 0;
  if (n_files != 1)
    return usage (_("Name one workbook file after the options."));

  if (opts.generate_sample)
    return run_generate_sample (opts.files[0]);
  if (opts.list)
    return run_list (opts.files[0]);
  if (opts.check)
    return run_check (opts.files[0]);
  if (opts.export_docbook)
    return run_export (opts.files[0]);
  if (opts.import_docbook)
    return run_import (opts.files[0]);
  return run_print_pdf (opts.files[0]);
}

gboolean
ll_cli_maybe_run (char **argv,
                  int   *exit_status)
{
  if (argv == NULL || argv[0] == NULL || !wants_cli (argv))
    return FALSE;
  *exit_status = run (argv);
  clear_options ();
  return TRUE;
}
