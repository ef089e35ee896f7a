/* ll-cli.c: the command-line actions that work without a window */
#define G_LOG_DOMAIN "ll-cli"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ll-chart-trend.h"
#include "ll-cli.h"
#include "ll-docbook.h"
#include "ll-framework-xml.h"
#include "ll-print.h"
#include "ll-sample.h"
#include "ll-workbook.h"

enum {
  EXIT_FAILED = 1,
  EXIT_USAGE = 2,
};

/* What one command-line option takes. */
typedef enum
{
  ARG_NONE,
  ARG_FILENAME,
  ARG_STRING,
  ARG_OPTIONAL_NUMBER,  /* --generate-sample[=SCALE] */
} ArgKind;

/* One row per option: the name, the argument, the help, and for an action
 * the function that runs it on the workbook FILE. --help, parsing, the
 * check that one action is given, and dispatch all come from this table;
 * a new kind of document adds its own rows. */
typedef struct
{
  const char  *name;
  ArgKind      arg;
  const char  *arg_description;
  const char  *help;
  int        (*run) (const char *file);
} Option;

static int run_generate_sample (const char *file);
static int run_list            (const char *file);
static int run_check           (const char *file);
static int run_export          (const char *file);
static int run_import          (const char *file);
static int run_print_pdf       (const char *file);
static int run_export_csv      (const char *file);
static int run_export_framework (const char *file);
static int run_import_framework (const char *file);

static const Option options[] = {
  { "generate-sample", ARG_OPTIONAL_NUMBER, N_("SCALE"),
    N_("Write a new sample workbook to FILE; SCALE multiplies its content"), run_generate_sample },
  { "list", ARG_NONE, NULL,
    N_("List the documents in FILE, one per line: KIND, ID and TITLE"), run_list },
  { "export-docbook", ARG_FILENAME, N_("OUT"),
    N_("Export one document (with --document) to the file OUT, or every document into the folder OUT"),
    run_export },
  { "print-pdf", ARG_FILENAME, N_("OUT"),
    N_("Print the document given by --document to the PDF file OUT"), run_print_pdf },
  { "import-docbook", ARG_FILENAME, N_("IN"),
    N_("Add the DocBook 5 article IN to FILE as a new vision narrative; prints its ID"), run_import },
  { "check", ARG_NONE, NULL,
    N_("Check the integrity and schema of FILE, changing nothing"), run_check },
  { "export-csv", ARG_FILENAME, N_("OUT"),
    N_("Write every note of every observation in FILE to the CSV file OUT"), run_export_csv },
  { "export-framework", ARG_FILENAME, N_("OUT"),
    N_("Write the framework given by --framework to the XML file OUT"), run_export_framework },
  { "import-framework", ARG_FILENAME, N_("IN"),
    N_("Add the framework in the XML file IN to FILE"), run_import_framework },
  /* what the actions above take */
  { "document", ARG_STRING, N_("ID"),
    N_("The document to export or print, by the ID that --list shows"), NULL },
  { "framework", ARG_STRING, N_("NAME"),
    N_("The framework of learning behaviours to export, by its name"), NULL },
  { "paper", ARG_STRING, N_("SIZE"),
    N_("Paper size for --print-pdf: a4 (the default) or letter"), NULL },
};

/* The values given, by option name ("" for an option without one); the
 * files named after the options. */
static GHashTable *given;
static GPtrArray  *files;

static const char *
option_value (const char *name)
{
  return given != NULL ? g_hash_table_lookup (given, name) : NULL;
}

static const Option *
find_option (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    if (g_str_equal (options[i].name, name))
      return &options[i];
  return NULL;
}

static gboolean
on_option (const char  *option_name,
           const char  *value,
           gpointer     data,
           GError     **error)
{
  const char *name = option_name + 2;  /* GOption passes "--name" */
  const Option *option = find_option (name);

  g_assert (option != NULL);
  /* GOption hands an optional argument the next word when it is not an
   * option, so "--generate-sample FILE" arrives here with the file. */
  if (option->arg == ARG_OPTIONAL_NUMBER && value != NULL && !g_ascii_isdigit (value[0]))
    {
      g_ptr_array_add (files, g_strdup (value));
      value = NULL;
    }
  g_hash_table_replace (given, g_strdup (name), g_strdup (value != NULL ? value : ""));
  return TRUE;
}

static gboolean
on_version (const char  *option_name,
            const char  *value,
            gpointer     data,
            GError     **error)
{
  g_hash_table_replace (given, g_strdup ("version"), g_strdup (""));
  return TRUE;
}

static gboolean
on_remaining (const char  *option_name,
              const char  *value,
              gpointer     data,
              GError     **error)
{
  g_ptr_array_add (files, g_strdup (value));
  return TRUE;
}

static GOptionEntry
entry_for (const Option *option)
{
  GOptionEntry entry = { option->name, 0, 0, G_OPTION_ARG_CALLBACK, on_option,
                         option->help, option->arg_description };

  switch (option->arg)
    {
    case ARG_NONE:
      entry.flags = G_OPTION_FLAG_NO_ARG;
      break;
    case ARG_FILENAME:
      entry.flags = G_OPTION_FLAG_FILENAME;
      break;
    case ARG_STRING:
      break;
    case ARG_OPTIONAL_NUMBER:
      /* FILENAME: the callback may get the file, whose name need not be UTF-8 */
      entry.flags = G_OPTION_FLAG_OPTIONAL_ARG | G_OPTION_FLAG_FILENAME;
      break;
    }
  return entry;
}

/* The parsing entries: every row, --version, and the files. */
static GOptionEntry *
parse_entries (void)
{
  GOptionEntry *entries = g_new0 (GOptionEntry, G_N_ELEMENTS (options) + 3);
  guint n = 0;

  entries[n++] = (GOptionEntry) { "version", 0, G_OPTION_FLAG_NO_ARG, G_OPTION_ARG_CALLBACK,
                                  on_version, N_("Print the version and exit"), NULL };
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    entries[n++] = entry_for (&options[i]);
  entries[n++] = (GOptionEntry) { G_OPTION_REMAINING, 0, G_OPTION_FLAG_FILENAME,
                                  G_OPTION_ARG_CALLBACK, on_remaining, NULL, N_("[FILE]") };
  return entries;
}

/* The same options as plain strings without storage, for GApplication's
 * --help, which cannot take callbacks. */
static GOptionEntry help_entries[G_N_ELEMENTS (options) + 2];

const GOptionEntry *
ll_cli_get_option_entries (void)
{
  guint n = 0;

  help_entries[n++] = (GOptionEntry) { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
                                       N_("Print the version and exit"), NULL };
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    help_entries[n++] = (GOptionEntry) {
      options[i].name, 0, 0,
      options[i].arg == ARG_NONE ? G_OPTION_ARG_NONE
      : options[i].arg == ARG_FILENAME ? G_OPTION_ARG_FILENAME : G_OPTION_ARG_STRING,
      NULL, options[i].help, options[i].arg_description };
  help_entries[n] = (GOptionEntry) { NULL };
  return help_entries;
}

static void
clear_options (void)
{
  g_clear_pointer (&given, g_hash_table_unref);
  g_clear_pointer (&files, g_ptr_array_unref);
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

  const char *document = option_value ("document");

  if (document == NULL)
    return FALSE;
  if (ll_workbook_summary_id_from_name (document, id))
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

  const char *scale_text = option_value ("generate-sample");

  if (scale_text[0] != '\0'
      && (!g_ascii_string_to_unsigned (scale_text, 10, 1, 100000, &scale, NULL)))
    return usage (_("The sample scale must be a whole number from 1 to 100000."));
  if (!ll_sample_generate (file, (guint) scale, &error))
    return fail (error);
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

static LlWorkbook *
open_for_reading (const char  *file,
                  GError     **error)
{
  LlWorkbook *workbook = ll_workbook_open (file, LL_WORKBOOK_OPEN_READ_ONLY, error);

  if (workbook != NULL)
    ll_workbook_set_chart_func (workbook, draw_chart, NULL);
  return workbook;
}

static int
run_list (const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlWorkbook) workbook = open_for_reading (file, &error);
  g_autoptr(GPtrArray) summaries = NULL;
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
  summaries = ll_workbook_list_summaries (workbook, &error);
  if (summaries == NULL)
    return fail (error);
  for (guint i = 0; i < summaries->len; i++)
    {
      LlDocumentInfo *info = g_ptr_array_index (summaries, i);
      g_autofree char *name = ll_workbook_dup_summary_name (ll_document_info_get_id (info));

      g_print ("%s\t%s\t%s\n", ll_document_info_get_kind (info), name, ll_document_info_get_title (info));
    }
  return EXIT_SUCCESS;
}

static int
run_export (const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlWorkbook) workbook = open_for_reading (file, &error);
  g_autoptr(GPtrArray) summaries = NULL;
  GListModel *docs;
  gint64 id = 0;

  if (workbook == NULL)
    return fail (error);

  if (option_value ("document") != NULL)
    {
      g_autoptr(LlDoc) doc = NULL;

      if (!parse_document_id (&id))
        return usage (_("--document needs a document ID, as --list shows."));
      doc = ll_docbook_build_doc (workbook, id, &error);
      if (doc == NULL || !ll_docbook_write_file (doc, option_value ("export-docbook"), &error))
        return fail (error);
      return EXIT_SUCCESS;
    }

  /* Every document into a folder. */
  if (g_mkdir_with_parents (option_value ("export-docbook"), 0700) != 0)
    {
      int saved = errno;
      g_autofree char *name = g_filename_display_name (option_value ("export-docbook"));

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
      out = g_build_filename (option_value ("export-docbook"), name, NULL);
      if (!ll_docbook_write_file (doc, out, &error))
        return fail (error);
    }
  summaries = ll_workbook_list_summaries (workbook, &error);
  if (summaries == NULL)
    return fail (error);
  for (guint i = 0; i < summaries->len; i++)
    {
      LlDocumentInfo *info = g_ptr_array_index (summaries, i);
      g_autoptr(LlDoc) doc = ll_docbook_build_doc (workbook, ll_document_info_get_id (info), &error);
      g_autofree char *summary = ll_workbook_dup_summary_name (ll_document_info_get_id (info));
      g_autofree char *name = g_strconcat (summary, ".xml", NULL);
      g_autofree char *out = g_build_filename (option_value ("export-docbook"), name, NULL);

      if (doc == NULL || !ll_docbook_write_file (doc, out, &error))
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
  const char *paper = option_value ("paper");
  gint64 id = 0;

  if (!parse_document_id (&id))
    return usage (_("--print-pdf needs --document with a document ID, as --list shows."));
  if (paper != NULL && !g_str_equal (paper, "a4") && !g_str_equal (paper, "letter"))
    return usage (_("--paper must be “a4” or “letter”."));
  workbook = open_for_reading (file, &error);
  if (workbook == NULL)
    return fail (error);
  doc = ll_docbook_build_doc (workbook, id, &error);
  if (doc == NULL)
    return fail (error);
  /* Printing needs GTK's types but no display: PDF export works without one. */
  gtk_init_check ();
  setup = ll_print_page_setup_new (paper != NULL ? paper : "a4");
  if (!ll_print_export_pdf (doc, setup, option_value ("print-pdf"), &error))
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
  narrative = ll_docbook_import_narrative (workbook, option_value ("import-docbook"), &notes, &error);
  if (narrative == NULL)
    return fail (error);
  /* what was simplified goes to stderr, so that stdout is only the ID */
  for (guint i = 0; notes != NULL && i < notes->len; i++)
    g_printerr ("%s\n", (const char *) g_ptr_array_index (notes, i));
  g_print ("%" G_GINT64_FORMAT "\n", ll_narrative_get_id (narrative));
  return EXIT_SUCCESS;
}

static int
run_export_csv (const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlWorkbook) workbook = open_for_reading (file, &error);

  if (workbook == NULL)
    return fail (error);
  if (!ll_workbook_write_observation_csv (workbook, option_value ("export-csv"), &error))
    return fail (error);
  return EXIT_SUCCESS;
}

/* The names of @frameworks, for a message: "A, B". */
static char *
join_names (GPtrArray *frameworks)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < frameworks->len; i++)
    g_string_append_printf (names, "%s“%s”", i > 0 ? ", " : "",
                            ll_framework_get_name (g_ptr_array_index (frameworks, i)));
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static LlFramework *
find_framework (GPtrArray  *frameworks,
                const char *name)
{
  g_autofree char *wanted = g_utf8_casefold (name, -1);

  for (guint i = 0; i < frameworks->len; i++)
    {
      LlFramework *framework = g_ptr_array_index (frameworks, i);
      g_autofree char *have = g_utf8_casefold (ll_framework_get_name (framework), -1);

      if (g_str_equal (have, wanted))
        return framework;
    }
  return NULL;
}

static int
run_export_framework (const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlWorkbook) workbook = NULL;
  g_autoptr(GPtrArray) frameworks = NULL;
  const char *name = option_value ("framework");
  LlFramework *framework;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    return usage (_("--export-framework needs --framework with the name of a framework."));
  workbook = open_for_reading (file, &error);
  if (workbook == NULL)
    return fail (error);
  frameworks = ll_workbook_list_frameworks (workbook, &error);
  if (frameworks == NULL)
    return fail (error);
  /* a workbook without frameworks of its own is given those that ship
   * with its first observation */
  if (frameworks->len == 0)
    {
      g_clear_pointer (&frameworks, g_ptr_array_unref);
      frameworks = ll_framework_list_builtin ();
    }
  framework = find_framework (frameworks, name);
  if (framework == NULL)
    {
      g_autofree char *names = join_names (frameworks);

      /* TRANSLATORS: the name asked for, then the list of names, such as "“A”, “B”" */
      g_printerr (_("This workbook has no framework called “%s”; its frameworks are %s.\n"), name, names);
      return EXIT_FAILED;
    }
  if (!ll_framework_xml_write_file (framework, option_value ("export-framework"), &error))
    return fail (error);
  return EXIT_SUCCESS;
}

static int
run_import_framework (const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlWorkbook) workbook = NULL;
  g_autoptr(LlFramework) framework = NULL;
  g_autoptr(GPtrArray) frameworks = NULL;

  /* the file is read and checked whole before the workbook is opened, so
   * that a file that is refused leaves the workbook as it was */
  framework = ll_framework_xml_read_file (option_value ("import-framework"), &error);
  if (framework == NULL)
    return fail (error);
  workbook = ll_workbook_open (file, LL_WORKBOOK_OPEN_DEFAULT, &error);
  if (workbook == NULL)
    return fail (error);
  if (ll_workbook_get_read_only (workbook))
    {
      g_autofree char *name = g_filename_display_basename (file);

      g_printerr (_("“%s” is read-only, so nothing can be imported into it.\n"), name);
      return EXIT_FAILED;
    }
  frameworks = ll_workbook_list_frameworks (workbook, &error);
  if (frameworks == NULL)
    return fail (error);
  if (find_framework (frameworks, ll_framework_get_name (framework)) != NULL)
    {
      g_printerr (_("This workbook already has a framework called “%s”, so the file was not imported.\n"),
                  ll_framework_get_name (framework));
      return EXIT_FAILED;
    }
  if (ll_workbook_add_framework (workbook, framework, &error) == 0
      || !ll_workbook_flush (workbook, &error))
    return fail (error);
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
  for (guint i = 1; argv[i] != NULL; i++)
    {
      const char *arg = argv[i];

      if (g_str_equal (arg, "--"))
        break;
      if (!g_str_has_prefix (arg, "--"))
        continue;
      arg += 2;
      if (g_str_equal (arg, "version"))
        return TRUE;
      for (guint a = 0; a < G_N_ELEMENTS (options); a++)
        {
          gsize len = strlen (options[a].name);

          if (options[a].run != NULL && strncmp (arg, options[a].name, len) == 0
              && (arg[len] == '\0' || arg[len] == '='))
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
  g_autofree GOptionEntry *entries = parse_entries ();
  g_auto(GStrv) args = g_strdupv (argv);
  const Option *action = NULL;
  guint n_actions = 0;

  given = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  files = g_ptr_array_new_with_free_func (g_free);
  context = g_option_context_new (NULL);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  /* the _strv variant frees what it removes from the array */
  if (!g_option_context_parse_strv (context, &args, &error))
    return usage (error->message);

  if (option_value ("version") != NULL)
    {
      g_print ("leading-learning %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    if (options[i].run != NULL && option_value (options[i].name) != NULL)
      {
        action = &options[i];
        n_actions++;
      }
  if (n_actions != 1)
    {
      g_autoptr(GString) names = g_string_new (NULL);
      g_autofree char *message = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (options); i++)
        if (options[i].run != NULL)
          g_string_append_printf (names, "%s--%s", names->len > 0 ? ", " : "", options[i].name);
      /* TRANSLATORS: %s is the list of actions, such as "--list, --check" */
      message = g_strdup_printf (_("Give one action at a time: %s."), names->str);
      return usage (message);
    }
  if (files->len != 1)
    return usage (_("Name one workbook file after the options."));

  return action->run (g_ptr_array_index (files, 0));
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
