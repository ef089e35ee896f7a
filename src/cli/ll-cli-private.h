/* ll-cli-private.h: what the command-line actions of each capability
 * share: the row of the option table they add, and the helpers to read
 * the options given and to report. */
#pragma once

#include <glib.h>

#include "ll-workbook.h"

G_BEGIN_DECLS

enum {
  LL_CLI_EXIT_FAILED = 1,
  LL_CLI_EXIT_USAGE = 2,
};

/* What one command-line option takes. */
typedef enum
{
  LL_CLI_ARG_NONE,
  LL_CLI_ARG_FILENAME,
  LL_CLI_ARG_STRING,
  LL_CLI_ARG_OPTIONAL_NUMBER,  /* --generate-sample[=SCALE] */
} LlCliArg;

/* One row per option: the name, the argument, the help, and for an action
 * the function that runs it on the workbook FILE (NULL for an option that
 * an action reads, such as --document). --help, parsing, the check that
 * one action is given, and dispatch all come from the rows; each
 * capability keeps its own rows in its own file, and ll-cli.c lists the
 * tables in the order --help shows them. */
typedef struct
{
  const char  *name;
  LlCliArg     arg;
  const char  *arg_description;
  const char  *help;
  int        (*run) (const char *file);
} LlCliOption;

/* A table of rows, ended by a row whose name is NULL. */
extern const LlCliOption ll_cli_document_options[];
extern const LlCliOption ll_cli_vision_options[];
extern const LlCliOption ll_cli_observation_options[];
extern const LlCliOption ll_cli_portfolio_options[];

/* The value given for the option @name ("" for one without a value), or
 * NULL when it was not given. */
const char  *ll_cli_option_value      (const char    *name);
/* Prints @error's message as one line on stderr; the failure status. */
int          ll_cli_fail              (const GError  *error);
/* Prints @message as one line on stderr; the usage status. */
int          ll_cli_usage             (const char    *message);
/* Opens @file without writing to it, able to draw the charts of
 * summaries. */
LlWorkbook  *ll_cli_open_for_reading  (const char    *file,
                                       GError       **error);
/* Opens @file to add to it; NULL, with the message printed, when it
 * cannot be opened or is read-only. */
LlWorkbook  *ll_cli_open_for_adding   (const char    *file);

G_END_DECLS
