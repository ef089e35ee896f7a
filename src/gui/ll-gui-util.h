/* ll-gui-util.h: small helpers that several controllers share */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A date as people say it: "Today at 14:05", "Yesterday at 09:30",
 * "Monday at 16:00", "3 March" (this year) or "3 March 2024". */
char  *ll_format_friendly_date  (GDateTime *when,
                                 GDateTime *now);

G_END_DECLS
