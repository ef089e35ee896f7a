/* ll-store-private.h: shared between the store's files */
#pragma once

#include <sqlite3.h>

#include "ll-store.h"

G_BEGIN_DECLS

struct _LlStore
{
  GObject   parent_instance;
  sqlite3  *db;
  char     *path;
  int       lock_fd;
  gboolean  read_only;
};

/* An edit run by _ll_store_run_edit() inside one transaction. */
typedef gboolean (*LlStoreEditFunc) (LlStore       *self,
                                     gconstpointer  data,
                                     GError       **error);

void           _ll_store_set_sqlite_error (LlStore          *self,
                                           int               rc,
                                           GError          **error);
/* The text of @column, as valid UTF-8 whatever the file holds; NULL for
 * SQL NULL. */
char          *_ll_store_column_text      (sqlite3_stmt     *stmt,
                                           int               column);
gboolean       _ll_store_exec             (LlStore          *self,
                                           const char       *sql,
                                           GError          **error);
sqlite3_stmt  *_ll_store_prepare          (LlStore          *self,
                                           const char       *sql,
                                           GError          **error);
/* Steps a statement that returns no rows, and finalises it. */
gboolean       _ll_store_step_done        (LlStore          *self,
                                           sqlite3_stmt     *stmt,
                                           GError          **error);
/* Runs @edit as one transaction unless a longer one is already open. */
gboolean       _ll_store_run_edit         (LlStore          *self,
                                           LlStoreEditFunc   edit,
                                           gconstpointer     data,
                                           GError          **error);
gboolean       _ll_store_touch_document   (LlStore          *self,
                                           const char       *kind,
                                           GError          **error);
gboolean       _ll_store_touch_document_id (LlStore         *self,
                                            gint64           id,
                                            GError         **error);

G_END_DECLS
