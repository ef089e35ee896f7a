/* ll-cli.h: the command-line actions that work without a window, for
 * scripts, tests and benchmarks. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The options, for GApplication's --help (the entries carry no storage). */
const GOptionEntry *ll_cli_get_option_entries (void);

/* If @argv asks for a command-line action (--version, or one of the
 * actions in the tables of ll-cli-*.c: --list, --check, ...), runs it, stores its exit
 * status in *@exit_status and returns TRUE. Returns FALSE when the window
 * should open instead. Errors are printed to stderr as one sentence. */
gboolean ll_cli_maybe_run (char **argv,
                           int   *exit_status);

G_END_DECLS
