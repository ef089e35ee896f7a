/* ll-error.c: the workbook error domain */
#define G_LOG_DOMAIN "ll-error"

#include "config.h"

#include "ll-error.h"

G_DEFINE_QUARK (ll-workbook-error-quark, ll_workbook_error)
