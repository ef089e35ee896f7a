/* ll-cli-observations.c: the command-line actions of lesson observations:
 * the notes as CSV, and the frameworks of learning behaviours */
#define G_LOG_DOMAIN "ll-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "ll-cli-private.h"
#include "ll-framework-xml.h"

static int run_export_csv       (const char *file);
static int run_export_framework (const char *file);
static int run_import_framework (const char *file);

const LlCliOption ll_cli_observation_options[] = {
  { "export-csv", LL_CLI_ARG_FILENAME, N_("OUT"),
    N_("Write every note of every observation in FILE to the CSV file OUT"), run_export_csv },
  { "export-framework", LL_CLI_ARG_FILENAME, N_("OUT"),
    N_("Write the framework given by --framework to the XML file OUT"), run_export_framework },
  { "import-framework", LL_CLI_ARG_FILENAME, N_("IN"),
    N_("Add the framework in the XML file IN to FILE"), run_import_framework },
  /* what the actions above take */
  { "framework", LL_CLI_ARG_STRING, N_("NAME"),
    N_("The framework of learning behaviours to export, by its name"), NULL },
  { NULL }
};

static int
run_export_csv (const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlWorkbook) workbook = ll_cli_open_for_reading (file, &error);

  if (workbook == NULL)
    return ll_cli_fail (error);
  if (!ll_workbook_write_observation_csv (workbook, ll_cli_option_value ("export-csv"), &error))
    return ll_cli_fail (error);
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
  const char *name = ll_cli_option_value ("framework");
  LlFramework *framework;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    return ll_cli_usage (_("--export-framework needs --framework with the name of a framework."));
  workbook = ll_cli_open_for_reading (file, &error);
  if (workbook == NULL)
    return ll_cli_fail (error);
  frameworks = ll_workbook_list_frameworks (workbook, &error);
  if (frameworks == NULL)
    return ll_cli_fail (error);
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
      return LL_CLI_EXIT_FAILED;
    }
  if (!ll_framework_xml_write_file (framework, ll_cli_option_value ("export-framework"), &error))
    return ll_cli_fail (error);
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
  framework = ll_framework_xml_read_file (ll_cli_option_value ("import-framework"), &error);
  if (framework == NULL)
    return ll_cli_fail (error);
  workbook = ll_cli_open_for_adding (file);
  if (workbook == NULL)
    return LL_CLI_EXIT_FAILED;
  frameworks = ll_workbook_list_frameworks (workbook, &error);
  if (frameworks == NULL)
    return ll_cli_fail (error);
  if (find_framework (frameworks, ll_framework_get_name (framework)) != NULL)
    {
      g_printerr (_("This workbook already has a framework called “%s”, so the file was not imported.\n"),
                  ll_framework_get_name (framework));
      return LL_CLI_EXIT_FAILED;
    }
  if (ll_workbook_add_framework (workbook, framework, &error) == 0
      || !ll_workbook_flush (workbook, &error))
    return ll_cli_fail (error);
  return EXIT_SUCCESS;
}
