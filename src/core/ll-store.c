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

#define SQLITE_HEADER_MAGIC "SQLite format 3"

/* Each entry takes the schema from the version before it to its own. */
static const char * const migrations[LL_STORE_SCHEMA_VERSION + 1] = {
  [1] =
    "CREATE TABLE school ("
    "  id INTEGER PRIMARY KEY CHECK (id = 1),"
    "  name TEXT NOT NULL DEFAULT '',"
    "  urn TEXT NOT NULL DEFAULT '',"
    "  phase TEXT NOT NULL DEFAULT '',"
    "  local_authority TEXT NOT NULL DEFAULT '',"
    "  address TEXT NOT NULL DEFAULT '');"
    "INSERT INTO school (id) VALUES (1);"
    "CREATE TABLE person ("
    "  id INTEGER PRIMARY KEY,"
    "  name TEXT NOT NULL,"
    "  role TEXT NOT NULL,"
    "  position INTEGER NOT NULL DEFAULT 0);",
  [2] =
    /* Every printable, exportable thing is a document; the school profile
     * is the first. */
    "CREATE TABLE document ("
    "  id INTEGER PRIMARY KEY,"
    "  kind TEXT NOT NULL,"
    "  title TEXT NOT NULL DEFAULT '',"
    "  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
    "  modified TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')));"
    "INSERT INTO document (id, kind) VALUES (1, 'school');"
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "CREATE INDEX person_by_position ON person (position, id);",
  [3] =
    /* Vision narratives: sections hold DocBook block fragments; a revision
     * is a full copy of the sections at one moment. */
    "CREATE TABLE narrative ("
    "  document_id INTEGER PRIMARY KEY REFERENCES document (id) ON DELETE CASCADE,"
    "  author TEXT NOT NULL DEFAULT '',"
    "  status TEXT NOT NULL DEFAULT 'draft',"
    "  show_prompts INTEGER NOT NULL DEFAULT 1);"
    "CREATE TABLE narrative_section ("
    "  id INTEGER PRIMARY KEY,"
    "  document_id INTEGER NOT NULL REFERENCES document (id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL,"
    "  title TEXT NOT NULL,"
    "  prompts TEXT NOT NULL DEFAULT '',"
    "  body TEXT NOT NULL DEFAULT '');"
    "CREATE INDEX narrative_section_by_document ON narrative_section (document_id, position);"
    "CREATE TABLE revision ("
    "  id INTEGER PRIMARY KEY,"
    "  document_id INTEGER NOT NULL REFERENCES document (id) ON DELETE CASCADE,"
    "  created TEXT NOT NULL,"
    "  kind TEXT NOT NULL,"
    "  name TEXT NOT NULL DEFAULT '',"
    "  title TEXT NOT NULL DEFAULT '',"
    "  words INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX revision_by_document ON revision (document_id, created);"
    "CREATE TABLE revision_section ("
    "  revision_id INTEGER NOT NULL REFERENCES revision (id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL,"
    "  title TEXT NOT NULL,"
    "  prompts TEXT NOT NULL DEFAULT '',"
    "  body TEXT NOT NULL DEFAULT '',"
    "  PRIMARY KEY (revision_id, position));",
};

/* The tables a workbook of each version must have, for the check. */
static const char * const required_tables[] = {
  "school", "person", "document", "meta",
  "narrative", "narrative_section", "revision", "revision_section",
};

static const char * const school_fields[] = {
  "name", "urn", "phase", "local_authority", "address",
};

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

/* Turns an SQLite failure into a sentence for the user. */
void
_ll_store_set_sqlite_error (LlStore     *self,
                            int          rc,
                            GError     **error)
{
  g_autofree char *name = display_name (self->path);
  int primary = rc & 0xff;

  switch (primary)
    {
    case SQLITE_FULL:
      g_set_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_IO,
                   _("The change could not be saved because the disk is full. "
                     "Free some space; nothing saved before has been lost."));
      break;
    case SQLITE_READONLY:
      g_set_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_READ_ONLY,
                   _("“%s” is read-only, so the change could not be saved. "
                     "Use Save a Copy to work on it."), name);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_IN_USE,
                   _("“%s” is busy in another program. Close it there and try again."), name);
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_DAMAGED,
                   _("“%s” is damaged and cannot be used safely. "
                     "Open a copy you saved earlier; this file has been left as it is."), name);
      break;
    default:
      g_set_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_IO,
                   _("“%s” could not be read or written (%s)."), name,
                   self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      break;
    }
}

/* A workbook may come from anywhere, and SQLite hands back the bytes of a
 * TEXT value as they are in the file: the rest of the app, which walks
 * text character by character, gets valid UTF-8 only. */
char *
_ll_store_column_text (sqlite3_stmt *stmt,
                       int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? g_utf8_make_valid (text, -1) : NULL;
}

gboolean
_ll_store_exec (LlStore     *self,
                const char  *sql,
                GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _ll_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
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
  return TRUE;
}

static guint32
read_be32 (const guchar *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static gboolean
wal_has_content (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  struct stat st;

  return g_stat (wal, &st) == 0 && st.st_size > 0;
}

/* The schema version of a file whose write-ahead log holds changes that
 * are not yet in the main file (after a crash, or while another copy has it
 * open): then the header is stale, so ask SQLite, read-only. */
static int
read_version_from_wal (const char *path)
{
  g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);
  g_autofree char *uri = g_strdup_printf ("file:%s?mode=ro", escaped);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) == SQLITE_OK
      && sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return version;
}

/* Judges the file from its first 100 bytes and its size, before SQLite sees
 * it. On success, *@version is its schema version. */
static gboolean
inspect_file (const char  *path,
              int          fd,
              int         *version,
              GError     **error)
{
  g_autofree char *name = display_name (path);
  guchar header[100];
  struct stat st;
  gssize n;
  guint32 page_size, page_count;
  gboolean hot_wal;

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      if (fstat (fd, &st) == 0 && S_ISDIR (st.st_mode))
        g_set_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_NOT_A_WORKBOOK,
                     _("“%s” is a folder, not a Leading Learning workbook."), name);
      else
        g_set_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_NOT_A_WORKBOOK,
                     _("“%s” is not a file that holds a Leading Learning workbook."), name);
      return FALSE;
    }
  n = pread (fd, header, sizeof header, 0);
  if (n < 0)
    {
      int saved = errno;

      g_set_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_IO,
                   _("“%s” could not be read (%s)."), name, g_strerror (saved));
      return FALSE;
    }
  if (n >= 16 && memcmp (header, SQLITE_HEADER_MAGIC, 16) == 0 && n < (gssize) sizeof header)
    {
      g_set_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_DAMAGED,
                   _("“%s” is damaged: most of the file is missing. "
                     "Open a copy you saved earlier; this file has been left as it is."), name);
      return FALSE;
    }
  if (n < (gssize) sizeof header || memcmp (header, SQLITE_HEADER_MAGIC, 16) != 0)
    {
      if (st.st_size == 0)
        g_set_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_NOT_A_WORKBOOK,
                     _("“%s” is empty, so it is not a Leading Learning workbook."), name);
      /* whose name says workbook: telling what a workbook's name ends
       * in would not help */
      else if (g_str_has_suffix (path, ".llw"))
        g_set_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_NOT_A_WORKBOOK,
                     _("“%s” is not a Leading Learning workbook: it holds something else, "
                       "or it has been overwritten. It has been left as it is."),
                     name);
      else
        g_set_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_NOT_A_WORKBOOK,
                     _("“%s” is not a Leading Learning workbook. "
                       "Workbooks are files ending in “.llw” made with Leading Learning."), name);
      return FALSE;
    }

  if (read_be32 (header + 68) != LL_STORE_APPLICATION_ID)
    {
      g_set_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_FOREIGN,
                   _("“%s” is a database made by another program, not a Leading Learning "
                     "workbook. It has been left as it is."), name);
      return FALSE;
    }

  page_size = ((guint32) header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  page_count = read_be32 (header + 28);
  hot_wal = wal_has_content (path);
  if (hot_wal)
    page_count = 0;
  if (page_size < 512 || (page_size & (page_size - 1)) != 0
      || st.st_size % page_size != 0
      /* the page count in the header is valid when the two counters agree */
      || (read_be32 (header + 24) == read_be32 (header + 92) && page_count > 0
          && (guint64) st.st_size < (guint64) page_count * page_size))
    {
      g_set_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_DAMAGED,
                   _("“%s” is damaged: part of the file is missing. "
                     "Open a copy you saved earlier; this file has been left as it is."), name);
      return FALSE;
    }

  *version = hot_wal ? read_version_from_wal (path) : (int) read_be32 (header + 60);
  if (*version > LL_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_TOO_NEW,
                   _("“%s” was made by a newer version of Leading Learning. "
                     "Update Leading Learning to open it; the file has been left as it is."), name);
      return FALSE;
    }
  if (*version < 1)
    {
      g_set_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_DAMAGED,
                   _("“%s” is damaged and cannot be used safely. "
                     "Open a copy you saved earlier; this file has been left as it is."), name);
      return FALSE;
    }
  return TRUE;
}

static int
open_for_inspection (const char  *path,
                     GError     **error)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);

  if (fd < 0)
    {
      int saved = errno;
      g_autofree char *name = display_name (path);

      if (saved == ENOENT)
        g_set_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_NOT_FOUND,
                     _("“%s” could not be found. It may have been moved, renamed or deleted."),
                     name);
      else if (saved == EACCES || saved == EPERM)
        g_set_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_IO,
                     _("You do not have permission to read “%s”. "
                       "Ask its owner to share it with you."), name);
      else
        g_set_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_IO,
                     _("“%s” could not be read (%s)."), name, g_strerror (saved));
    }
  return fd;
}

static gboolean
quick_check (LlStore  *self,
             GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);
  if (!ok)
    _ll_store_set_sqlite_error (self, SQLITE_CORRUPT, error);
  return ok;
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
    if (!_ll_store_exec (self, migrations[v], error))
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
  sqlite3_busy_timeout (self->db, 2000);
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
  return _ll_store_exec (self, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL", error);
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
static gboolean
create_private_file (const char  *path,
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

static gboolean
backup_db_to (sqlite3     *src,
              const char  *path,
              GError     **error)
{
  g_autofree char *name = display_name (path);
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  if (!create_private_file (path, error))
    return FALSE;
  rc = sqlite3_open_v2 (path, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", src, "main");
      if (backup != NULL)
        {
          rc = sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
          rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
        }
      else
        rc = sqlite3_errcode (dest);
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (dest, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_IO,
                   _("The copy “%s” could not be written (%s)."), name, sqlite3_errstr (rc));
      sqlite3_close (dest);
      g_unlink (path);
      return FALSE;
    }
  sqlite3_close (dest);
  return TRUE;
}

LlStore *
ll_store_open (const char  *path,
               gboolean     read_only,
               char       **backup_path,
               GError     **error)
{
  g_autoptr(LlStore) self = NULL;
  int version = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (LL_TYPE_STORE, NULL);
  self->path = g_canonicalize_filename (path, NULL);
  self->lock_fd = open_for_inspection (self->path, error);
  if (self->lock_fd < 0)
    return NULL;
  if (!inspect_file (self->path, self->lock_fd, &version, error))
    return NULL;

  self->read_only = read_only || g_access (self->path, W_OK) != 0;

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
      rc = sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE, NULL);
    }
  else
    {
      /* When no running copy is writing, read the file as immutable: SQLite
       * then makes no lock or side file, and cannot change a byte. */
      gboolean quiet = flock (self->lock_fd, LOCK_SH | LOCK_NB) == 0
                       && !wal_has_content (self->path);
      g_autofree char *uri = NULL;
      g_autofree char *escaped = g_uri_escape_string (self->path, "/", FALSE);

      uri = g_strdup_printf ("file:%s?mode=ro%s", escaped, quiet ? "&immutable=1" : "");
      rc = sqlite3_open_v2 (uri, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
    }
  if (rc != SQLITE_OK)
    {
      _ll_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  if (!quick_check (self, error))
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

          sqlite3_open_v2 (":memory:", &mem, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, NULL);
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

          if (backup == NULL || !backup_db_to (self->db, backup, error))
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
  if (!self->read_only && !use_wal (self, error))
    return NULL;

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
  if (!create_private_file (self->path, error))
    return NULL;

  self->lock_fd = g_open (self->path, O_RDONLY | O_CLOEXEC, 0);
  if (self->lock_fd < 0 || flock (self->lock_fd, LOCK_EX | LOCK_NB) != 0)
    {
      _ll_store_set_sqlite_error (self, SQLITE_CANTOPEN, error);
      g_unlink (self->path);
      return NULL;
    }
  rc = sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE, NULL);
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
      || !migrate (self, 0, version, FALSE, error))
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

sqlite3_stmt *
_ll_store_prepare (LlStore     *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (self->db == NULL)
    {
      _ll_store_set_sqlite_error (self, SQLITE_MISUSE, error);
      return NULL;
    }
  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _ll_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return stmt;
}

/* Steps a statement that returns no rows, and finalises it. */
gboolean
_ll_store_step_done (LlStore       *self,
                     sqlite3_stmt  *stmt,
                     GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _ll_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
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

gboolean
_ll_store_touch_document (LlStore     *self,
                          const char  *kind,
                          GError     **error)
{
  sqlite3_stmt *stmt = _ll_store_prepare (self,
                                "UPDATE document SET modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
                                "WHERE kind = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  return _ll_store_step_done (self, stmt, error);
}

gboolean
_ll_store_touch_document_id (LlStore  *self,
                             gint64    id,
                             GError  **error)
{
  sqlite3_stmt *stmt = _ll_store_prepare (self,
                                          "UPDATE document SET modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
                                          "WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return _ll_store_step_done (self, stmt, error);
}

static const char *
school_column (const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (school_fields); i++)
    if (g_strcmp0 (field, school_fields[i]) == 0)
      return school_fields[i];
  return NULL;
}

char *
ll_store_get_school_field (LlStore    *self,
                           const char *field)
{
  const char *column = school_column (field);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (LL_IS_STORE (self), NULL);
  g_return_val_if_fail (column != NULL, NULL);

  sql = g_strdup_printf ("SELECT %s FROM school WHERE id = 1", column);
  stmt = _ll_store_prepare (self, sql, NULL);
  if (stmt == NULL)
    return g_strdup ("");
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = _ll_store_column_text (stmt, 0);
  sqlite3_finalize (stmt);
  return value ? value : g_strdup ("");
}

typedef struct { const char *column; const char *value; } SchoolEdit;

static gboolean
edit_school (LlStore       *self,
             gconstpointer  data,
             GError       **error)
{
  const SchoolEdit *edit = data;
  g_autofree char *sql = g_strdup_printf ("UPDATE school SET %s = ?1 WHERE id = 1", edit->column);
  sqlite3_stmt *stmt = _ll_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, edit->value ? edit->value : "", -1, SQLITE_STATIC);
  return _ll_store_step_done (self, stmt, error) && _ll_store_touch_document (self, "school", error);
}

gboolean
ll_store_set_school_field (LlStore     *self,
                           const char  *field,
                           const char  *value,
                           GError     **error)
{
  SchoolEdit edit = { school_column (field), value };

  g_return_val_if_fail (LL_IS_STORE (self), FALSE);
  g_return_val_if_fail (edit.column != NULL, FALSE);

  return _ll_store_run_edit (self, edit_school, &edit, error);
}

GPtrArray *
ll_store_list_people (LlStore  *self,
                      GError  **error)
{
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func ((GDestroyNotify) ll_store_person_free);
  sqlite3_stmt *stmt = _ll_store_prepare (self, "SELECT id, name, role FROM person ORDER BY position, id", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LlStorePerson *person = g_new0 (LlStorePerson, 1);

      person->id = sqlite3_column_int64 (stmt, 0);
      person->name = _ll_store_column_text (stmt, 1);
      person->role = _ll_store_column_text (stmt, 2);
      g_ptr_array_add (people, person);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _ll_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&people);
}

typedef struct { gint64 id; const char *name; const char *role; } PersonEdit;

static gboolean
edit_insert_person (LlStore       *self,
                    gconstpointer  data,
                    GError       **error)
{
  PersonEdit *edit = (PersonEdit *) data;
  sqlite3_stmt *stmt = _ll_store_prepare (self,
                                "INSERT INTO person (name, role, position) "
                                "VALUES (?1, ?2, (SELECT COALESCE (MAX (position), 0) + 1 FROM person))",
                                error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, edit->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, edit->role, -1, SQLITE_STATIC);
  if (!_ll_store_step_done (self, stmt, error))
    return FALSE;
  edit->id = sqlite3_last_insert_rowid (self->db);
  return _ll_store_touch_document (self, "school", error);
}

gint64
ll_store_insert_person (LlStore     *self,
                        const char  *name,
                        const char  *role,
                        GError     **error)
{
  PersonEdit edit = { 0, name, role };

  g_return_val_if_fail (LL_IS_STORE (self), 0);
  g_return_val_if_fail (name != NULL && role != NULL, 0);

  if (!_ll_store_run_edit (self, edit_insert_person, &edit, error))
    return 0;
  return edit.id;
}

static gboolean
edit_update_person (LlStore       *self,
                    gconstpointer  data,
                    GError       **error)
{
  const PersonEdit *edit = data;
  sqlite3_stmt *stmt = _ll_store_prepare (self,
                                "UPDATE person SET name = COALESCE (?2, name), role = COALESCE (?3, role) "
                                "WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  sqlite3_bind_text (stmt, 2, edit->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, edit->role, -1, SQLITE_STATIC);
  return _ll_store_step_done (self, stmt, error) && _ll_store_touch_document (self, "school", error);
}

gboolean
ll_store_update_person (LlStore     *self,
                        gint64       id,
                        const char  *name,
                        const char  *role,
                        GError     **error)
{
  PersonEdit edit = { id, name, role };

  g_return_val_if_fail (LL_IS_STORE (self), FALSE);
  return _ll_store_run_edit (self, edit_update_person, &edit, error);
}

static gboolean
edit_delete_person (LlStore       *self,
                    gconstpointer  data,
                    GError       **error)
{
  const PersonEdit *edit = data;
  sqlite3_stmt *stmt = _ll_store_prepare (self, "DELETE FROM person WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  return _ll_store_step_done (self, stmt, error) && _ll_store_touch_document (self, "school", error);
}

gboolean
ll_store_delete_person (LlStore  *self,
                        gint64    id,
                        GError  **error)
{
  PersonEdit edit = { id, NULL, NULL };

  g_return_val_if_fail (LL_IS_STORE (self), FALSE);
  return _ll_store_run_edit (self, edit_delete_person, &edit, error);
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

gboolean
ll_store_backup_to (LlStore     *self,
                    const char  *path,
                    GError     **error)
{
  g_return_val_if_fail (LL_IS_STORE (self), FALSE);
  return backup_db_to (self->db, path, error);
}

static void
report_line (GString    *report,
             const char *format,
             ...) G_GNUC_PRINTF (2, 3);

static void
report_line (GString    *report,
             const char *format,
             ...)
{
  va_list args;

  va_start (args, format);
  g_string_append_vprintf (report, format, args);
  va_end (args);
  g_string_append_c (report, '\n');
}

static gint64
count_rows (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

char *
ll_store_check_file (const char *path,
                     gboolean   *ok)
{
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LlStore) store = NULL;
  g_autofree char *name = display_name (path);
  sqlite3_stmt *stmt = NULL;
  gboolean all_ok = TRUE;
  int rc;

  *ok = FALSE;
  store = ll_store_open (path, TRUE, NULL, &error);
  if (store == NULL)
    {
      report_line (report, "%s", error->message);
      return g_string_free (g_steal_pointer (&report), FALSE);
    }

  report_line (report, _("Workbook: %s"), name);
  report_line (report, _("Schema version: %d (this version of Leading Learning writes %d)"),
               (int) count_rows (store->db, "PRAGMA user_version"), LL_STORE_SCHEMA_VERSION);

  rc = sqlite3_prepare_v2 (store->db, "PRAGMA integrity_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW
      && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0)
    report_line (report, _("Integrity: ok"));
  else
    {
      report_line (report, _("Integrity: damaged"));
      all_ok = FALSE;
    }
  sqlite3_finalize (stmt);

  for (guint i = 0; i < G_N_ELEMENTS (required_tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM sqlite_schema "
                                              "WHERE type = 'table' AND name = '%s'",
                                              required_tables[i]);

      if (count_rows (store->db, sql) != 1)
        {
          report_line (report, _("Missing table: %s"), required_tables[i]);
          all_ok = FALSE;
        }
    }
  if (all_ok)
    {
      gint64 bad_roles = count_rows (store->db,
                                     "SELECT count(*) FROM person WHERE role NOT IN ("
                                     "'headteacher', 'senior-leader', 'middle-leader', 'teacher', "
                                     "'teaching-assistant', 'learning-support-assistant', "
                                     "'facilitator', 'tutor')");

      if (count_rows (store->db, "SELECT count(*) FROM school WHERE id = 1") != 1)
        {
          report_line (report, _("The school's record is missing"));
          all_ok = FALSE;
        }
      if (bad_roles != 0)
        {
          report_line (report, _("People with an unknown role: %" G_GINT64_FORMAT), bad_roles);
          all_ok = FALSE;
        }
      report_line (report, _("People: %" G_GINT64_FORMAT),
                   count_rows (store->db, "SELECT count(*) FROM person"));
      report_line (report, _("Documents: %" G_GINT64_FORMAT),
                   count_rows (store->db, "SELECT count(*) FROM document"));
    }
  report_line (report, all_ok ? _("Result: no problems found") : _("Result: problems found"));
  *ok = all_ok;
  return g_string_free (g_steal_pointer (&report), FALSE);
}
