/* ll-cli-portfolios.c: the command-line actions of evidence portfolios:
 * the checklist of what a portfolio still needs for certification */
#define G_LOG_DOMAIN "ll-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "ll-cli-private.h"
#include "ll-workbook-portfolios.h"

static int run_requirements (const char *file);

const LlCliOption ll_cli_portfolio_options[] = {
  { "requirements", LL_CLI_ARG_NONE, NULL,
    N_("Print what the portfolio given by --document still needs for certification; exit status 0 when it needs nothing"),
    run_requirements },
  { NULL }
};

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
  LlDocumentKind *kind;
  gint64 id;

  if (name == NULL)
    return ll_cli_usage (_("--requirements needs --document with the ID of a portfolio, as --list shows."));
  workbook = ll_cli_open_for_reading (file, &error);
  if (workbook == NULL)
    return ll_cli_fail (error);
  kind = ll_workbook_find_kind (workbook, "portfolio");
  if (!ll_workbook_document_id_from_name (workbook, name, &id)
      || kind == NULL || !ll_document_kind_owns (kind, id))
    {
      g_printerr (_("This workbook has no portfolio with the ID “%s”; --list shows their IDs.\n"), name);
      return LL_CLI_EXIT_FAILED;
    }
  portfolio = ll_workbook_open_portfolio (workbook, id, &error);
  if (portfolio == NULL)
    return ll_cli_fail (error);
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
