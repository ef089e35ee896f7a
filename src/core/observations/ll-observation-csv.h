/* ll-observation-csv.h: every note of every observation, as a CSV file
 * that spreadsheets open as it is */
#pragma once

#include <glib.h>

#include "ll-store.h"

G_BEGIN_DECLS

/* Appends one record of @n_cells to @out as RFC 4180 says: cells that
 * hold a comma, a quote or a line break in quotes, quotes doubled, CRLF
 * at the end. */
void      ll_csv_append_record           (GString            *out,
                                          const char * const *cells,
                                          guint               n_cells);
/* @text as a cell that a spreadsheet shows and never runs: text that it
 * would read as a formula (starting with =, +, -, @, a tab or a carriage
 * return) gets a leading apostrophe. */
char     *ll_csv_defuse                  (const char         *text);

/* The notes' CSV: a header, then one record per note (date, observer,
 * teacher, class, year group, subject, minute, behaviours by name, the
 * note), UTF-8 with a byte order mark so that spreadsheets take it as
 * such. */
GString  *ll_observation_csv_build       (LlStore            *store,
                                          GError            **error);
/* Writes it to @path, readable by its owner only. */
gboolean  ll_observation_csv_write_file  (LlStore            *store,
                                          const char         *path,
                                          GError            **error);

G_END_DECLS
