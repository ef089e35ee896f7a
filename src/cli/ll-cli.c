/* ll-cli.c: parsing the command line and running the one action it asks
 * for. The actions themselves live with their capability
 * (ll-cli-documents.c, ll-cli-vision.c, ll-cli-observations.c,
 * ll-cli-portfolios.c). */
#define G_LOG_DOMAIN "ll-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "ll-cli.h"
#include "ll-cli-private.h"

/* The tables of options, in the order --help shows them: a new
 * capability adds its table here. */
static const LlCliOption * const tables[] = {
  ll_cli_document_options,
  ll_cli_vision_options,
  ll_cli_observation_options,
  ll_cli_portfolio_options,
};

/* The values given, by option name ("" for an option without one); the
 * files named after the options. */
static GHashTable *given;
static GPtrArray  *files;

/* Visits every row of every table, in order. */
#define FOREACH_OPTION(option) \
  for (guint table_ = 0; table_ < G_N_ELEMENTS (tables); table_++) \
    for (const LlCliOption *option = tables[table_]; option->name != NULL; option++)

static guint
count_options (void)
{
  guint n = 0;

  FOREACH_OPTION (option)
    n++;
  return n;
}

const char *
ll_cli_option_value (const char *name)
{
  return given != NULL ? g_hash_table_lookup (given, name) : NULL;
}

int
ll_cli_fail (const GError *error)
{
  g_printerr ("%s\n", error->message);
  return LL_CLI_EXIT_FAILED;
}

int
ll_cli_usage (const char *message)
{
  g_printerr ("%s\n", message);
  return LL_CLI_EXIT_USAGE;
}

static const LlCliOption *
find_option (const char *name)
{
  FOREACH_OPTION (option)
    if (g_str_equal (option->name, name))
      return option;
  return NULL;
}

static gboolean
on_option (const char  *option_name,
           const char  *value,
           gpointer     data,
           GError     **error)
{
  const char *name = option_name + 2;  /* GOption passes "--name" */
  const LlCliOption *option = find_option (name);

  g_assert (option != NULL);
  /* GOption hands an optional argument the next word when it is not an
   * option, so "--generate-sample FILE" arrives here with the file. */
  if (option->arg == LL_CLI_ARG_OPTIONAL_NUMBER && value != NULL && !g_ascii_isdigit (value[0]))
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
entry_for (const LlCliOption *option)
{
  GOptionEntry entry = { option->name, 0, 0, G_OPTION_ARG_CALLBACK, on_option,
                         option->help, option->arg_description };

  switch (option->arg)
    {
    case LL_CLI_ARG_NONE:
      entry.flags = G_OPTION_FLAG_NO_ARG;
      break;
    case LL_CLI_ARG_FILENAME:
      entry.flags = G_OPTION_FLAG_FILENAME;
      break;
    case LL_CLI_ARG_STRING:
      break;
    case LL_CLI_ARG_OPTIONAL_NUMBER:
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
  GOptionEntry *entries = g_new0 (GOptionEntry, count_options () + 3);
  guint n = 0;

  entries[n++] = (GOptionEntry) { "version", 0, G_OPTION_FLAG_NO_ARG, G_OPTION_ARG_CALLBACK,
                                  on_version, N_("Print the version and exit"), NULL };
  FOREACH_OPTION (option)
    entries[n++] = entry_for (option);
  entries[n++] = (GOptionEntry) { G_OPTION_REMAINING, 0, G_OPTION_FLAG_FILENAME,
                                  G_OPTION_ARG_CALLBACK, on_remaining, NULL, N_("[FILE]") };
  return entries;
}

static GOptionArg
help_arg (LlCliArg arg)
{
  switch (arg)
    {
    case LL_CLI_ARG_NONE:
      return G_OPTION_ARG_NONE;
    case LL_CLI_ARG_FILENAME:
      return G_OPTION_ARG_FILENAME;
    case LL_CLI_ARG_STRING:
    case LL_CLI_ARG_OPTIONAL_NUMBER:
      return G_OPTION_ARG_STRING;
    }
  g_return_val_if_reached (G_OPTION_ARG_STRING);
}

/* The same options as plain strings without storage, for GApplication's
 * --help, which cannot take callbacks. */
const GOptionEntry *
ll_cli_get_option_entries (void)
{
  static GOptionEntry *entries;
  guint n = 0;

  if (entries != NULL)
    return entries;
  entries = g_new0 (GOptionEntry, count_options () + 2);
  entries[n++] = (GOptionEntry) { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
                                  N_("Print the version and exit"), NULL };
  FOREACH_OPTION (option)
    entries[n++] = (GOptionEntry) { option->name, 0, 0, help_arg (option->arg),
                                    NULL, option->help, option->arg_description };
  entries[n] = (GOptionEntry) { NULL };
  return entries;
}

static void
clear_options (void)
{
  g_clear_pointer (&given, g_hash_table_unref);
  g_clear_pointer (&files, g_ptr_array_unref);
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
      FOREACH_OPTION (option)
        {
          gsize len = strlen (option->name);

          if (option->run != NULL && strncmp (arg, option->name, len) == 0
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
  const LlCliOption *action = NULL;
  guint n_actions = 0;

  given = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  files = g_ptr_array_new_with_free_func (g_free);
  context = g_option_context_new (NULL);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  /* the _strv variant frees what it removes from the array */
  if (!g_option_context_parse_strv (context, &args, &error))
    return ll_cli_usage (error->message);

  if (ll_cli_option_value ("version") != NULL)
    {
      g_print ("leading-learning %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  FOREACH_OPTION (option)
    if (option->run != NULL && ll_cli_option_value (option->name) != NULL)
      {
        action = option;
        n_actions++;
      }
  if (n_actions != 1)
    {
      g_autoptr(GString) names = g_string_new (NULL);
      g_autofree char *message = NULL;

      FOREACH_OPTION (option)
        if (option->run != NULL)
          g_string_append_printf (names, "%s--%s", names->len > 0 ? ", " : "", option->name);
      /* TRANSLATORS: %s is the list of actions, such as "--list, --check" */
      message = g_strdup_printf (_("Give one action at a time: %s."), names->str);
      return ll_cli_usage (message);
    }
  if (files->len != 1)
    return ll_cli_usage (_("Name one workbook file after the options."));

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
