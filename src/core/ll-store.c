/* ll-store.c: the SQLite store behind a workbook
 *
 * Opening is careful: the file's header is read and judged before SQLite
 * touches the file, so a foreign, newer, truncated or random file is
 * reported and left byte-for-byte as it was. Only a file that is ours, of a
 * version we know, is ever opened for writing.
 */
#define G_LOG_DOMAIN "ll-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ll-error.h"
#include "ll-store-private.h"

G_DEFINE_FINAL_TYPE (LlStore, ll_store, G_TYPE_OBJECT)



void
ll_store_person_free (LlStorePerson *person)
{
  if (person == NULL)
    return;
  g_free (person->name);
  g_free (person->role);
  g_free (person);
}

void
ll_store_document_free (LlStoreDocument *document)
{
  if (document == NULL)
    return;
  g_free (document->kind);
  g_free (document->title);
  g_free (document);
}

static void
ll_store_finalize (GObject *object)
{
  LlStore *self = LL_STORE (object);

  ll_store_close (self);
  g_free (self->path);
  G_OBJECT_CLASS (ll_store_parent_class)->finalize (object);
}

enum {
  WRITE_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
ll_store_class_init (LlStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ll_store_finalize;

  /**
   * LlStore::write-failed:
   * Emitted by the model when a change made through a property setter could
   * not be written; the controller tells the user.
   */
  signals[WRITE_FAILED] =
    g_signal_new ("write-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

void
ll_store_report_write_failure (LlStore      *self,
                               const GError *error)
{
  g_return_if_fail (LL_IS_STORE (self));
  g_signal_emit (self, signals[WRITE_FAILED], 0, error);
}

static void
ll_store_init (LlStore *self)
{
  self->lock_fd = -1;
}

static char *
display_name (const char *path)
{
  return g_filename_display_basename (path);
}

static gboolean
check_writable (LlStore  *self,
                GError  **error)
{
  if (self->read_only)
    {
      _ll_store_set_sqlite_error (self, SQLITE_READONLY, error);
      return FALSE;
    }
  /* Writing on into a file that is no longer where the user put it would
   * hide the changes from them (and SQLite's log stays at the old name). */
  if (ll_store_get_moved (self))
    {
      g_autofree char *name = display_name (self->path);

      g_set_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_MOVED,
                   _("“%s” was moved, renamed or deleted while it was open. "
                     "Your changes are kept: save the workbook to a new place to go on."),
                   name);
      return FALSE;
    }
  return TRUE;
}

static gboolean check_schema (LlStore  *self,
                              GError  **error);

/* Upgrades the schema from version @from to @to in one transaction. With
 * @check, the result is compared with the current schema before it is
 * committed, so that a file the upgrade does not make whole stays as it
 * was. */
static gboolean
migrate (LlStore  *self,
         int       from,
         int       to,
         gboolean  check,
         GError  **error)
{
  g_autofree char *set_version = NULL;
  int rc;

  if (!_ll_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  for (int v = from + 1; v <= to; v++)
    if (!_ll_store_exec (self, _ll_store_migration (v), error))
      goto fail;
  set_version = g_strdup_printf ("PRAGMA user_version = %d", to);
  if (!_ll_store_exec (self, set_version, error))
    goto fail;
  if (check && !check_schema (self, error))
    goto fail;
  if (to >= 2
      && !_ll_store_exec (self, "INSERT OR REPLACE INTO meta (key, value) VALUES ('written-by', '"
                      PACKAGE_VERSION "')", error))
    goto fail;
  if (!_ll_store_exec (self, "COMMIT", error))
    goto fail;
  /* Put the new version into the main file at once, so that its header
   * tells the truth even while the write-ahead log is in use. */
  sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
  return TRUE;

fail:
  rc = sqlite3_errcode (self->db) & 0xff;
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  /* An upgrade that the SQL itself refuses (a table that is there already,
   * a column that is not) means that the file's tables are not those of
   * the version it claims: the file is damaged, whatever the disk did. */
  if (rc == SQLITE_ERROR || rc == SQLITE_CONSTRAINT)
    {
      g_clear_error (error);
      _ll_store_set_sqlite_error (self, SQLITE_CORRUPT, error);
    }
  return FALSE;
}

static gboolean
configure (LlStore  *self,
           GError  **error)
{
  sqlite3_busy_timeout (self->db, LL_STORE_LOCK_WAIT_MS);
  sqlite3_extended_result_codes (self->db, 1);
  return _ll_store_exec (self, "PRAGMA foreign_keys = ON", error);
}

/* Whether the file has every table and column of the current schema: a
 * file can claim a version whose tables it does not have, and it must be
 * refused before anything is written to it. The reference is what the
 * migrations make of an empty database in memory, so it follows them. */
static gboolean
check_schema (LlStore  *self,
              GError  **error)
{
  g_autoptr(LlStore) reference = g_object_new (LL_TYPE_STORE, NULL);
  sqlite3_stmt *want = NULL;
  sqlite3_stmt *have = NULL;
  gboolean ok;

  if (sqlite3_open_v2 (":memory:", &reference->db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, NULL) != SQLITE_OK
      || !migrate (reference, 0, LL_STORE_SCHEMA_VERSION, FALSE, error))
    return FALSE;
  ok = sqlite3_prepare_v2 (reference->db,
                           "SELECT m.name, c.name FROM sqlite_master AS m, "
                           "pragma_table_info (m.name) AS c WHERE m.type = 'table'",
                           -1, &want, NULL) == SQLITE_OK
       && sqlite3_prepare_v2 (self->db,
                              "SELECT 1 FROM sqlite_master AS m, pragma_table_info (m.name) AS c "
                              "WHERE m.type = 'table' AND m.name = ?1 AND c.name = ?2",
                              -1, &have, NULL) == SQLITE_OK;
  while (ok && sqlite3_step (want) == SQLITE_ROW)
    {
      sqlite3_bind_text (have, 1, (const char *) sqlite3_column_text (want, 0), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (have, 2, (const char *) sqlite3_column_text (want, 1), -1, SQLITE_TRANSIENT);
      ok = sqlite3_step (have) == SQLITE_ROW;
      sqlite3_reset (have);
    }
  sqlite3_finalize (want);
  sqlite3_finalize (have);
  if (!ok)
    _ll_store_set_sqlite_error (self, SQLITE_CORRUPT, error);
  return ok;
}

/* For writing: a write-ahead log and full synchronisation. Switching to the
 * log rewrites the file's header, so an upgrade comes first: until it has
 * committed, a file that it refuses is left as it was. */
static gboolean
use_wal (LlStore  *self,
         GError  **error)
{
  g_autofree char *mode = NULL;
  sqlite3_stmt *stmt = NULL;

  /* asked first: a workbook in the log's mode already is not written to */
  if (sqlite3_prepare_v2 (self->db, "PRAGMA journal_mode", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    mode = g_ascii_strdown ((const char *) sqlite3_column_text (stmt, 0), -1);
  sqlite3_finalize (stmt);
  if (g_strcmp0 (mode, "wal") != 0 && !_ll_store_exec (self, "PRAGMA journal_mode = WAL", error))
    return FALSE;
  return _ll_store_exec (self, "PRAGMA synchronous = FULL", error);
}

/* Whether use_wal() and _ll_store_wal_bind() will write to the file: a
 * workbook that this version has opened before needs neither. */
static gboolean
writes_on_opening (LlStore *self)
{
  gboolean wal = FALSE;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA journal_mode", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    wal = g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), "wal") == 0;
  sqlite3_finalize (stmt);
  return !wal || _ll_store_count_rows (self->db, "SELECT count(*) FROM main.meta "
                                                 "WHERE key IN ('workbook-id', 'changes')") != 2;
}

/* A free name beside @path for the copy kept before an upgrade. */
static char *
backup_path_for (const char *path,
                 int         version)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  char *dot = g_str_has_suffix (base, ".llw") ? base + strlen (base) - 4 : NULL;

  if (dot != NULL)
    *dot = '\0';
  for (int i = 1; i < 1000; i++)
    {
      g_autofree char *name = i == 1
        ? g_strdup_printf ("%s (before upgrade from version %d).llw", base, version)
        : g_strdup_printf ("%s (before upgrade from version %d, %d).llw", base, version, i);
      char *candidate = g_build_filename (dir, name, NULL);

      if (!g_file_test (candidate, G_FILE_TEST_EXISTS))
        return candidate;
      g_free (candidate);
    }
  return NULL;
}

/* Creates @path exclusively with mode 0600, so that a workbook is readable
 * by its owner only and an existing file is never overwritten. */
gboolean
_ll_store_create_private_file (const char  *path,
                               GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved = errno;
      g_autofree char *name = display_name (path);

      if (saved == EEXIST)
        g_set_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_EXISTS,
                     _("“%s” already exists. Choose another name."), name);
      else
        g_set_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_IO,
                     _("“%s” could not be created (%s)."), name, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

/* A log beside the file that no running copy is writing: judge it, and
 * what SQLite would make of it, before SQLite touches either file. On
 * success *@replay is the workbook as it would be, in memory. */
static gboolean
judge_leftover_log (LlStore   *self,
                    guint32    page_size,
                    guint32    n_pages,
                    sqlite3  **replay,
                    GError   **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *main_id = NULL;
  sqlite3 *db = NULL;

  if (_ll_store_wal_check (self->path, page_size, n_pages, &local)
      && (db = _ll_store_wal_replay (self->path, &main_id, &local)) != NULL
      && _ll_store_wal_judge_replay (self->path, db, main_id, &local))
    {
      *replay = db;
      return TRUE;
    }
  sqlite3_close (db);
  /* Opening for writing is where the log could be lost later, by hand
   * or by another program: keep a copy of it beside the workbook. */
  if (!self->read_only
      && (g_error_matches (local, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_DAMAGED)
          || g_error_matches (local, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_FOREIGN_LOG))
      && (kept = _ll_store_wal_keep_copy (self->path)) != NULL)
    {
      int code = local->code;

      g_clear_error (&local);
      _ll_store_wal_set_error (self->path, code, kept, &local);
    }
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

LlStore *
ll_store_open (const char  *path,
               gboolean     read_only,
               char       **backup_path,
               GError     **error)
{
  g_autoptr(LlStore) self = NULL;
  g_autofree char *dir = NULL;
  guint32 page_size = 0, n_pages = 0;
  gboolean hot_wal, live = FALSE;
  int version = 0;
  int rc = SQLITE_OK;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (LL_TYPE_STORE, NULL);
  self->path = g_canonicalize_filename (path, NULL);
  self->lock_fd = _ll_store_open_for_inspection (self->path, error);
  if (self->lock_fd < 0)
    return NULL;
  hot_wal = _ll_store_wal_has_content (self->path);
  if (!_ll_store_inspect_file (self->path, self->lock_fd, hot_wal, &page_size, &n_pages, &version, error))
    return NULL;

  /* SQLite writes its log and index beside the file, so a workbook in a
   * folder that cannot be written is read-only too. */
  dir = g_path_get_dirname (self->path);
  self->read_only = read_only || g_access (self->path, W_OK) != 0 || g_access (dir, W_OK) != 0;

  if (!self->read_only)
    {
      /* One running copy writes a workbook at a time. */
      if (flock (self->lock_fd, LOCK_EX | LOCK_NB) != 0)
        {
          g_autofree char *name = display_name (self->path);

          g_set_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_IN_USE,
                       _("“%s” is already open in another Leading Learning window. "
                         "Switch to that window to work on it."), name);
          return NULL;
        }
    }
  else
    live = flock (self->lock_fd, LOCK_SH | LOCK_NB) != 0;

  if (hot_wal && !live)
    {
      sqlite3 *replay = NULL;

      if (!judge_leftover_log (self, page_size, n_pages, &replay, error))
        return NULL;
      version = (int) _ll_store_count_rows (replay, "PRAGMA user_version");
      /* Reading, the replay is the workbook: nothing is made beside it. */
      if (self->read_only)
        self->db = replay;
      else
        sqlite3_close (replay);
    }
  else if (hot_wal)
    version = _ll_store_read_version_from_wal (self->path);
  if (!_ll_store_check_version (self->path, version, error))
    return NULL;

  if (self->db != NULL)
    ;
  else if (!self->read_only)
    rc = sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, NULL);
  else
    {
      /* When no running copy is writing (and there is no log, or its
       * replay would be open already), read the file as immutable: SQLite
       * then makes no lock or side file, and cannot change a byte. */
      g_autofree char *uri = NULL;
      g_autofree char *escaped = g_uri_escape_string (self->path, "/", FALSE);

      uri = g_strdup_printf ("file:%s?mode=ro%s", escaped, live ? "" : "&immutable=1");
      rc = sqlite3_open_v2 (uri, &self->db,
                            SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_FULLMUTEX, NULL);
    }
  if (rc != SQLITE_OK)
    {
      _ll_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  /* An older workbook is upgraded, and so written, at once: all of it is
   * checked first. Otherwise what opening reads is checked now, and the
   * rest before the first change (ll-store-verify.c). */
  if (version < LL_STORE_SCHEMA_VERSION ? !_ll_store_quick_check (self, error)
      : !_ll_store_check_opening_tables (self, error))
    return NULL;
  if (!configure (self, error))
    return NULL;

  if (version < LL_STORE_SCHEMA_VERSION)
    {
      if (self->read_only)
        {
          /* Upgrade a copy in memory: the file itself stays as it is. */
          sqlite3 *mem = NULL;
          sqlite3_backup *backup;

          sqlite3_open_v2 (":memory:", &mem,
                           SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY | SQLITE_OPEN_FULLMUTEX, NULL);
          backup = sqlite3_backup_init (mem, "main", self->db, "main");
          sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
          sqlite3_close (self->db);
          self->db = mem;
          self->read_only = FALSE;
          if (!migrate (self, version, LL_STORE_SCHEMA_VERSION, TRUE, error))
            return NULL;
          self->read_only = TRUE;
        }
      else
        {
          g_autofree char *backup = backup_path_for (self->path, version);

          if (backup == NULL || !_ll_store_backup_db_to (self->db, backup, error))
            {
              g_prefix_error (error, _("The workbook was not upgraded, because no backup could be made: "));
              return NULL;
            }
          if (!migrate (self, version, LL_STORE_SCHEMA_VERSION, TRUE, error))
            {
              /* the file is as it was, so the copy of it is not needed */
              g_unlink (backup);
              return NULL;
            }
          if (backup_path != NULL)
            *backup_path = g_steal_pointer (&backup);
        }
    }
  else if (!check_schema (self, error))
    return NULL;
  if (!self->read_only && version == LL_STORE_SCHEMA_VERSION && writes_on_opening (self)
      && !_ll_store_quick_check (self, error))
    return NULL;
  if (!self->read_only && (!use_wal (self, error) || !_ll_store_wal_bind (self, error)))
    return NULL;
  /* from here on, each change waits for the check of the whole file */
  if (!self->read_only && version == LL_STORE_SCHEMA_VERSION)
    _ll_store_verify_in_background (self);

  return g_steal_pointer (&self);
}

LlStore *
ll_store_create_at_version (const char  *path,
                            int          version,
                            GError     **error)
{
  g_autoptr(LlStore) self = NULL;
  g_autofree char *pragma = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (version >= 1 && version <= LL_STORE_SCHEMA_VERSION, NULL);

  self = g_object_new (LL_TYPE_STORE, NULL);
  self->path = g_canonicalize_filename (path, NULL);
  if (!_ll_store_create_private_file (self->path, error))
    return NULL;

  self->lock_fd = g_open (self->path, O_RDONLY | O_CLOEXEC, 0);
  if (self->lock_fd < 0 || flock (self->lock_fd, LOCK_EX | LOCK_NB) != 0)
    {
      _ll_store_set_sqlite_error (self, SQLITE_CANTOPEN, error);
      g_unlink (self->path);
      return NULL;
    }
  rc = sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      _ll_store_set_sqlite_error (self, rc, error);
      g_unlink (self->path);
      return NULL;
    }
  pragma = g_strdup_printf ("PRAGMA application_id = %d", LL_STORE_APPLICATION_ID);
  if (!_ll_store_exec (self, pragma, error)
      || !configure (self, error)
      || !use_wal (self, error)
      || !migrate (self, 0, version, FALSE, error)
      || !_ll_store_wal_bind (self, error))
    {
      ll_store_close (self);
      g_unlink (self->path);
      return NULL;
    }
  return g_steal_pointer (&self);
}

LlStore *
ll_store_create (const char  *path,
                 GError     **error)
{
  return ll_store_create_at_version (path, LL_STORE_SCHEMA_VERSION, error);
}

void
ll_store_close (LlStore *self)
{
  g_return_if_fail (LL_IS_STORE (self));

  /* the worker reads the file through a connection of its own */
  _ll_store_await_verify (self);
  if (self->db != NULL)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  if (self->lock_fd >= 0)
    {
      close (self->lock_fd);
      self->lock_fd = -1;
    }
}

const char *
ll_store_get_path (LlStore *self)
{
  g_return_val_if_fail (LL_IS_STORE (self), NULL);
  return self->path;
}

gboolean
ll_store_get_read_only (LlStore *self)
{
  g_return_val_if_fail (LL_IS_STORE (self), TRUE);
  return self->read_only;
}

gboolean
ll_store_begin (LlStore  *self,
                GError  **error)
{
  return check_writable (self, error) && _ll_store_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
ll_store_commit (LlStore  *self,
                 GError  **error)
{
  return _ll_store_exec (self, "COMMIT", error);
}

void
ll_store_rollback (LlStore *self)
{
  if (self->db != NULL && !sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

gboolean
_ll_store_run_edit (LlStore       *self,
                    LlStoreEditFunc  edit,
                    gconstpointer  data,
                    GError       **error)
{
  gboolean own;

  if (!check_writable (self, error))
    return FALSE;
  own = sqlite3_get_autocommit (self->db);
  if (own && !_ll_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!edit (self, data, error))
    {
      if (own)
        ll_store_rollback (self);
      return FALSE;
    }
  if (own && !_ll_store_exec (self, "COMMIT", error))
    {
      ll_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
ll_store_list_documents (LlStore  *self,
                         GError  **error)
{
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) ll_store_document_free);
  sqlite3_stmt *stmt = _ll_store_prepare (self, "SELECT id, kind, title FROM document ORDER BY id", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LlStoreDocument *doc = g_new0 (LlStoreDocument, 1);

      doc->id = sqlite3_column_int64 (stmt, 0);
      doc->kind = _ll_store_column_text (stmt, 1);
      doc->title = _ll_store_column_text (stmt, 2);
      g_ptr_array_add (docs, doc);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _ll_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&docs);
}

/**
 * ll_store_set_lock_wait:
 * How long a write waits for another program's lock on the file before
 * it fails (LL_STORE_LOCK_WAIT_MS unless set).
 */
void
ll_store_set_lock_wait (LlStore *self,
                        guint    ms)
{
  g_return_if_fail (LL_IS_STORE (self));
  if (self->db != NULL)
    sqlite3_busy_timeout (self->db, (int) MIN (ms, G_MAXINT));
}

/**
 * ll_store_get_moved:
 * Whether the open file is no longer at its path: renamed, moved or
 * deleted while open, or replaced by another file of that name.
 */
gboolean
ll_store_get_moved (LlStore *self)
{
  struct stat at_path, open_file;

  g_return_val_if_fail (LL_IS_STORE (self), FALSE);

  if (self->lock_fd < 0 || self->db == NULL || fstat (self->lock_fd, &open_file) != 0)
    return FALSE;
  if (g_stat (self->path, &at_path) != 0)
    return TRUE;
  return at_path.st_dev != open_file.st_dev || at_path.st_ino != open_file.st_ino;
}

/**
 * ll_store_move_to:
 * Writes the whole workbook, as this connection sees it, to @path (which
 * must not exist) and goes on with the new file; the old one is left
 * as it is. On failure nothing changes.
 */
gboolean
ll_store_move_to (LlStore     *self,
                  const char  *path,
                  GError     **error)
{
  g_autoptr(LlStore) moved = NULL;

  g_return_val_if_fail (LL_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* the check reads the file at its old place */
  _ll_store_await_verify (self);
  if (self->read_only || self->db == NULL)
    {
      _ll_store_set_sqlite_error (self, SQLITE_READONLY, error);
      return FALSE;
    }
  if (!_ll_store_backup_db_to (self->db, path, error))
    return FALSE;
  moved = g_object_new (LL_TYPE_STORE, NULL);
  moved->path = g_canonicalize_filename (path, NULL);
  moved->lock_fd = g_open (moved->path, O_RDONLY | O_CLOEXEC, 0);
  if (moved->lock_fd < 0 || flock (moved->lock_fd, LOCK_EX | LOCK_NB) != 0
      || sqlite3_open_v2 (moved->path, &moved->db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK
      || !configure (moved, error) || !use_wal (moved, error)
      || !_ll_store_wal_bind (moved, error))
    {
      if (error != NULL && *error == NULL)
        _ll_store_set_sqlite_error (moved, SQLITE_CANTOPEN, error);
      ll_store_close (moved);
      g_unlink (moved->path);
      return FALSE;
    }

  /* this object goes on, so that the model that holds it follows */
  ll_store_close (self);
  self->db = g_steal_pointer (&moved->db);
  self->lock_fd = moved->lock_fd;
  moved->lock_fd = -1;
  g_free (self->path);
  self->path = g_steal_pointer (&moved->path);
  return TRUE;
}
