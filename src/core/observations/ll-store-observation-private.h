/* ll-store-observation-private.h: what the store's files for observations
 * share among themselves */
#pragma once

#include <sqlite3.h>

#include "ll-store-observation.h"

G_BEGIN_DECLS

/* A row of (behaviour, value, evidence) as an LlStoreMark. */
gpointer  _ll_store_make_mark  (sqlite3_stmt *stmt);

G_END_DECLS
