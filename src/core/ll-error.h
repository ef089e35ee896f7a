/* ll-error.h: the errors a workbook can raise, each of which ends as one
 * sentence that a headteacher understands. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LL_WORKBOOK_ERROR (ll_workbook_error_quark ())

typedef enum {
  LL_WORKBOOK_ERROR_NOT_FOUND,        /* no such file */
  LL_WORKBOOK_ERROR_NOT_A_WORKBOOK,   /* not a database at all: random bytes, a text file */
  LL_WORKBOOK_ERROR_FOREIGN,          /* an SQLite database made by another program */
  LL_WORKBOOK_ERROR_TOO_NEW,          /* made by a newer version of Leading Learning */
  LL_WORKBOOK_ERROR_DAMAGED,          /* truncated or corrupt */
  LL_WORKBOOK_ERROR_IN_USE,           /* open in another running copy */
  LL_WORKBOOK_ERROR_READ_ONLY,        /* a change was attempted on a read-only workbook */
  LL_WORKBOOK_ERROR_EXISTS,           /* the file to create exists already */
  LL_WORKBOOK_ERROR_IO,               /* the disk refused: permissions, disk full, ... */
  LL_WORKBOOK_ERROR_NO_SUCH_DOCUMENT, /* a document ID that the workbook does not hold */
  LL_WORKBOOK_ERROR_INVALID,          /* a value the workbook cannot hold (empty name, ...) */
  LL_WORKBOOK_ERROR_FOREIGN_LOG,      /* the write-ahead log beside it belongs to another file */
  LL_WORKBOOK_ERROR_MOVED,            /* the open file was renamed, moved or deleted */
} LlWorkbookError;

GQuark ll_workbook_error_quark (void);

G_END_DECLS
