/* ll-cli-vision.c: the command-line actions of vision narratives */
#define G_LOG_DOMAIN "ll-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "ll-cli-private.h"
#include "ll-docbook.h"

static int run_import (const char *file);

const LlCliOption ll_cli_vision_options[] = {
  { "import-docbook", LL_CLI_ARG_FILENAME, N_("IN"),
    N_("Add the DocBook 5 article IN to FILE as a new vision narrative; prints its ID"), run_import },
  { NULL }
};

static int
run_import (const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlWorkbook) workbook = ll_cli_open_for_adding (file);
  g_autoptr(GPtrArray) notes = NULL;
  LlNarrative *narrative;

  if (workbook == NULL)
    return LL_CLI_EXIT_FAILED;
  narrative = ll_docbook_import_narrative (workbook, ll_cli_option_value ("import-docbook"),
                                           &notes, &error);
  if (narrative == NULL)
    return ll_cli_fail (error);
  /* what was simplified goes to stderr, so that stdout is only the ID */
  for (guint i = 0; notes != NULL && i < notes->len; i++)
    g_printerr ("%s\n", (const char *) g_ptr_array_index (notes, i));
  g_print ("%" G_GINT64_FORMAT "\n", ll_narrative_get_id (narrative));
  return EXIT_SUCCESS;
}
