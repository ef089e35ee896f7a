/* ll-cli-portfolios.c: the command-line actions of evidence portfolios:
 * the checklist of what a portfolio still needs for certification, and
 * adding a file of evidence */
#define G_LOG_DOMAIN "ll-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "ll-cli-private.h"
#include "ll-portfolio-evidence.h"
#include "ll-workbook-portfolios.h"

static int run_requirements (const char *file);
static int run_add_evidence (const char *file);

const LlCliOption ll_cli_portfolio_options[] = {
  { "requirements", LL_CLI_ARG_NONE, NULL,
    N_("Print what the portfolio given by --document still needs for certification; exit status 0 when it needs nothing"),
    run_requirements },
  { "add-evidence", LL_CLI_ARG_FILENAME, N_("PATH"),
    N_("Add the file PATH as evidence to the portfolio given by --document; prints its ID"),
    run_add_evidence },
  { "caption", LL_CLI_ARG_STRING, N_("TEXT"),
    N_("With --add-evidence: the caption of the evidence"), NULL },
  { NULL }
};

/* The portfolio @name of @workbook, or NULL with the message printed. */
static LlPortfolio *
open_portfolio (LlWorkbook *workbook,
                const char *name)
{
  g_autoptr(GError) error = NULL;
  LlDocumentKind *kind = ll_workbook_find_kind (workbook, "portfolio");
  LlPortfolio *portfolio;
  gint64 id;

  if (!ll_workbook_document_id_from_name (workbook, name, &id)
      || kind == NULL || !ll_document_kind_owns (kind, id))
    {
      g_printerr (_("This workbook has no portfolio with the ID “%s”; --list shows their IDs.\n"), name);
      return NULL;
    }
  portfolio = ll_workbook_open_portfolio (workbook, id, &error);
  if (portfolio == NULL)
    ll_cli_fail (error);
  return portfolio;
}

/* One line for each requirement, then how many are met; the status is
 * 0 only when every one is. */
static int
run_requirements (const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlWorkbook) workbook = NULL;
  g_autoptr(LlPortfolio) portfolio = NULL;
  g_autoptr(GPtrArray) requirements = NULL;
  g_autofree char *summary = NULL;
  const char *name = ll_cli_option_value ("document");

  if (name == NULL)
    return ll_cli_usage (_("--requirements needs --document with the ID of a portfolio, as --list shows."));
  workbook = ll_cli_open_for_reading (file, &error);
  if (workbook == NULL)
    return ll_cli_fail (error);
  portfolio = open_portfolio (workbook, name);
  if (portfolio == NULL)
    return LL_CLI_EXIT_FAILED;
  requirements = ll_workbook_check_portfolio (workbook, portfolio, &error);
  if (requirements == NULL)
    return ll_cli_fail (error);
  for (guint i = 0; i < requirements->len; i++)
    {
      LlRequirement *requirement = g_ptr_array_index (requirements, i);

      if (requirement->met)
        /* TRANSLATORS: a line of the checklist of a portfolio: a requirement that is met */
        g_print (_("met      %s\n"), requirement->label);
      else
        /* TRANSLATORS: a requirement that is not met, then what is missing */
        g_print (_("not met  %s: %s\n"), requirement->label, requirement->missing);
    }
  summary = ll_requirements_dup_summary (requirements);
  g_print ("%s\n", summary);
  return ll_requirements_all_met (requirements) ? EXIT_SUCCESS : LL_CLI_EXIT_FAILED;
}

/* Adds the file as evidence supporting no entry, and prints its ID. A
 * file that cannot be evidence is refused before the workbook is opened,
 * so that the workbook keeps every byte. */
static int
run_add_evidence (const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlWorkbook) workbook = NULL;
  g_autoptr(LlPortfolio) portfolio = NULL;
  g_autoptr(GFile) evidence_file = NULL;
  const char *name = ll_cli_option_value ("document");
  const char *path = ll_cli_option_value ("add-evidence");
  LlEvidence *evidence;

  if (name == NULL)
    return ll_cli_usage (_("--add-evidence needs --document with the ID of a portfolio, as --list shows."));
  evidence_file = g_file_new_for_commandline_arg (path);
  if (!ll_evidence_inspect_file (evidence_file, NULL, NULL, NULL, NULL, &error))
    return ll_cli_fail (error);
  workbook = ll_cli_open_for_adding (file);
  if (workbook == NULL)
    return LL_CLI_EXIT_FAILED;
  portfolio = open_portfolio (workbook, name);
  if (portfolio == NULL)
    return LL_CLI_EXIT_FAILED;
  evidence = ll_portfolio_add_evidence (portfolio, evidence_file, 0, ll_cli_option_value ("caption"), NULL,
                                        &error);
  if (evidence == NULL || !ll_workbook_flush (workbook, &error))
    return ll_cli_fail (error);
  g_print ("%" G_GINT64_FORMAT "\n", ll_evidence_get_id (evidence));
  return EXIT_SUCCESS;
}
