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
  /* the check of the whole file, until the first write waits for it */
  GThread  *verify_thread;
  gboolean  damaged;
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
/* The text of @column, "" for NULL. */
char          *_ll_store_column_string    (sqlite3_stmt     *stmt,
                                           int               column);
/* Steps @stmt (prepared and bound already, or NULL after a failed
 * prepare) and makes each row an item with @make; finalises @stmt. */
GPtrArray     *_ll_store_collect          (LlStore          *self,
                                           sqlite3_stmt     *stmt,
                                           gpointer        (*make) (sqlite3_stmt *stmt),
                                           GDestroyNotify    free_item,
                                           GError          **error);
/* Binds @id, or NULL when it is 0 or less (no person chosen). */
void           _ll_store_bind_id_or_null  (sqlite3_stmt     *stmt,
                                           int               index,
                                           gint64            id);
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
/* The first column of the first row of @sql, or -1. */
gint64         _ll_store_count_rows       (sqlite3          *db,
                                           const char       *sql);

/* Creates @path exclusively with mode 0600 (an existing file is never
 * overwritten). */
gboolean       _ll_store_create_private_file (const char    *path,
                                              GError       **error);

/* The schema's migration to @version (ll-store-migrations.c). */
const char    *_ll_store_migration        (int               version);

/* Checking the file (ll-store-verify.c). The whole of it, now: */
gboolean       _ll_store_quick_check      (LlStore          *self,
                                           GError          **error);
/* The tables that opening reads, now: */
gboolean       _ll_store_check_opening_tables (LlStore      *self,
                                           GError          **error);
/* The whole of it in a worker; every statement that writes waits for it,
 * and is refused if it failed. */
void           _ll_store_verify_in_background (LlStore      *self);
/* Waits for the check in the worker, if one runs; whether the file is
 * whole. */
gboolean       _ll_store_await_verify     (LlStore          *self);

/* Judging a file before it is opened (ll-store-inspect.c). */
/* Whether the write-ahead log beside @path holds anything. */
gboolean       _ll_store_wal_has_content  (const char       *path);
/* The schema version, asked of SQLite read-only: for a file whose log
 * holds changes, whose header is stale. -1 when it cannot be read. */
int            _ll_store_read_version_from_wal (const char  *path);
/* Judges the file open on @fd from its first 100 bytes and its size. On
 * success, *@version is the schema version in its header (stale if
 * @hot_wal), and *@page_size and *@n_pages give its size. */
gboolean       _ll_store_inspect_file     (const char       *path,
                                           int               fd,
                                           gboolean          hot_wal,
                                           guint32          *page_size,
                                           guint32          *n_pages,
                                           int              *version,
                                           GError          **error);
/* Refuses a version newer than this build's, or none. */
gboolean       _ll_store_check_version    (const char       *path,
                                           int               version,
                                           GError          **error);
/* Opens a regular file at @path for reading without blocking; -1 with
 * @error set otherwise. */
int            _ll_store_open_for_inspection (const char    *path,
                                           GError          **error);
/* Documents and people without a well-formed UUID, for the check. */
gint64         _ll_store_count_bad_uuids  (sqlite3          *db);

/* A copy of @src in a new file at @path (ll-store-backup.c). */
gboolean       _ll_store_backup_db_to     (sqlite3          *src,
                                           const char       *path,
                                           GError          **error);

/* The write-ahead log beside a workbook (ll-store-wal.c). */
char          *_ll_store_wal_path         (const char       *path);
/* Judges the log beside @path, whose main file has pages of @page_size
 * bytes and @n_pages of them, from its bytes alone: FALSE with an error
 * if SQLite would drop committed changes from it or it is another
 * file's. A log that holds nothing passes. */
gboolean       _ll_store_wal_check        (const char       *path,
                                           guint32           page_size,
                                           guint32           n_pages,
                                           GError          **error);
/* The workbook as SQLite makes it of the file and its log, replayed on
 * copies in a private folder and held in memory; the real files are not
 * touched. */
sqlite3       *_ll_store_wal_replay       (const char       *path,
                                           char            **main_id,
                                           GError          **error);
/* Whether a replayed workbook is whole and the one whose identity in its
 * main file is @main_id (may be NULL). */
gboolean       _ll_store_wal_judge_replay (const char       *path,
                                           sqlite3          *db,
                                           const char       *main_id,
                                           GError          **error);
/* For a connection that writes: see ll-store-wal.c. */
gboolean       _ll_store_wal_bind         (LlStore          *self,
                                           GError          **error);
/* A copy of a workbook is another workbook. */
void           _ll_store_wal_new_identity (sqlite3          *db);
/* Keeps a copy of the log beside the workbook; returns its path. */
char          *_ll_store_wal_keep_copy    (const char       *path);
/* @code: LL_WORKBOOK_ERROR_DAMAGED or _FOREIGN_LOG; @kept: the copy or NULL. */
void           _ll_store_wal_set_error    (const char       *path,
                                           int               code,
                                           const char       *kept,
                                           GError          **error);

G_END_DECLS
