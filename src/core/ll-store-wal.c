/* ll-store-wal.c: judging a workbook's write-ahead log before SQLite does
 *
 * A log beside a workbook that no running copy has open is left over from
 * a crash, or was put there by someone. SQLite replays whatever it finds
 * and, when the last connection closes, folds it in and deletes it: a log
 * from another workbook would be merged silently, and a damaged one would
 * lose the changes after the damage without a word. So the log is read
 * here first, following SQLite's file format (the header, each frame's
 * salts and the running checksum), and then replayed on a private copy to
 * see that the result is a whole workbook. Only then may SQLite touch the
 * real files.
 */
#define G_LOG_DOMAIN "ll-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ll-error.h"
#include "ll-store-private.h"

#define WAL_MAGIC           0x377f0682
#define WAL_VERSION         3007000
#define WAL_HEADER_SIZE     32
#define WAL_FRAME_HEADER    24

static guint32
get_be32 (const guchar *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static guint32
get_word (const guchar *p,
          gboolean      big_endian)
{
  if (big_endian)
    return get_be32 (p);
  return ((guint32) p[3] << 24) | ((guint32) p[2] << 16) | ((guint32) p[1] << 8) | p[0];
}

/* SQLite's log checksum: two running sums over pairs of 32-bit words, in
 * the byte order that the magic number names. */
static void
checksum (const guchar *data,
          gsize         len,
          gboolean      big_endian,
          guint32       sum[2])
{
  guint32 s0 = sum[0], s1 = sum[1];

  for (gsize i = 0; i + 8 <= len; i += 8)
    {
      s0 += get_word (data + i, big_endian) + s1;
      s1 += get_word (data + i + 4, big_endian) + s0;
    }
  sum[0] = s0;
  sum[1] = s1;
}

char *
_ll_store_wal_path (const char *path)
{
  return g_strconcat (path, "-wal", NULL);
}

void
_ll_store_wal_set_error (const char  *path,
                         int          code,
                         const char  *kept,
                         GError     **error)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *kept_name = kept != NULL ? g_filename_display_basename (kept) : NULL;

  if (code == LL_WORKBOOK_ERROR_DAMAGED && kept_name == NULL)
    g_set_error (error, LL_WORKBOOK_ERROR, code,
                 _("“%s” cannot be opened because its most recent changes are damaged; "
                   "the workbook and its changes have been left as they are."), name);
  else if (code == LL_WORKBOOK_ERROR_DAMAGED)
    g_set_error (error, LL_WORKBOOK_ERROR, code,
                 _("“%s” cannot be opened because its most recent changes are damaged; "
                   "it has been left as it is, and a copy of those changes was kept as “%s”."),
                 name, kept_name);
  else if (kept_name == NULL)
    g_set_error (error, LL_WORKBOOK_ERROR, code,
                 _("“%s” cannot be opened because the recent changes stored beside it "
                   "do not belong to it and may come from another workbook; "
                   "the workbook and those changes have been left as they are."), name);
  else
    g_set_error (error, LL_WORKBOOK_ERROR, code,
                 _("“%s” cannot be opened because the recent changes stored beside it "
                   "do not belong to it and may come from another workbook; "
                   "it has been left as it is, and a copy of those changes was kept as “%s”."),
                 name, kept_name);
}

static void
set_damaged (const char  *path,
             GError     **error)
{
  _ll_store_wal_set_error (path, LL_WORKBOOK_ERROR_DAMAGED, NULL, error);
}

static void
set_foreign (const char  *path,
             GError     **error)
{
  _ll_store_wal_set_error (path, LL_WORKBOOK_ERROR_FOREIGN_LOG, NULL, error);
}

/* Reads the whole log, refusing anything but a regular file without
 * blocking on it. */
static GBytes *
read_log (const char  *wal,
          const char  *path,
          GError     **error)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree guchar *data = NULL;
  struct stat st;
  gsize done = 0;
  int fd;

  fd = g_open (wal, O_RDONLY | O_NONBLOCK | O_CLOEXEC, 0);
  if (fd < 0 || fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      int saved = errno;

      if (fd >= 0)
        {
          close (fd);
          set_damaged (path, error);
        }
      else
        g_set_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_IO,
                     _("“%s” could not be read (%s)."), name, g_strerror (saved));
      return NULL;
    }
  data = g_malloc (st.st_size > 0 ? st.st_size : 1);
  while (done < (gsize) st.st_size)
    {
      gssize n = pread (fd, data + done, st.st_size - done, done);

      if (n <= 0)
        break;
      done += n;
    }
  close (fd);
  return g_bytes_new_take (g_steal_pointer (&data), done);
}

gboolean
_ll_store_wal_check (const char  *path,
                     guint32      page_size,
                     guint32      n_pages,
                     GError     **error)
{
  g_autofree char *wal = _ll_store_wal_path (path);
  g_autoptr(GBytes) bytes = NULL;
  const guchar *data;
  gsize len, frame_size, n_frames;
  gboolean big_endian;
  guint32 sum[2] = { 0, 0 };
  guint32 salt1, salt2;
  guint32 last_commit_size = 0;
  gsize i;

  bytes = read_log (wal, path, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &len);

  /* SQLite ignores a log without a single whole frame: it holds nothing */
  if (len < WAL_HEADER_SIZE + WAL_FRAME_HEADER + (gsize) page_size)
    return TRUE;

  if ((get_be32 (data) & ~1u) != WAL_MAGIC || get_be32 (data + 4) != WAL_VERSION)
    {
      set_damaged (path, error);
      return FALSE;
    }
  big_endian = get_be32 (data) & 1;
  checksum (data, 24, big_endian, sum);
  if (sum[0] != get_be32 (data + 24) || sum[1] != get_be32 (data + 28))
    {
      set_damaged (path, error);
      return FALSE;
    }
  if (get_be32 (data + 8) != page_size)
    {
      set_foreign (path, error);
      return FALSE;
    }
  salt1 = get_be32 (data + 16);
  salt2 = get_be32 (data + 20);

  frame_size = WAL_FRAME_HEADER + page_size;
  n_frames = (len - WAL_HEADER_SIZE) / frame_size;

  /* The frames that SQLite replays: those with the header's salts whose
   * running checksum holds, up to the last that commits a transaction. */
  for (i = 0; i < n_frames; i++)
    {
      const guchar *frame = data + WAL_HEADER_SIZE + i * frame_size;

      if (get_be32 (frame) == 0
          || get_be32 (frame + 8) != salt1 || get_be32 (frame + 12) != salt2)
        break;
      checksum (frame, 8, big_endian, sum);
      checksum (frame + WAL_FRAME_HEADER, page_size, big_endian, sum);
      if (sum[0] != get_be32 (frame + 16) || sum[1] != get_be32 (frame + 20))
        break;
      if (get_be32 (frame + 4) != 0)
        last_commit_size = get_be32 (frame + 4);
    }

  /* After them, frames of an older round of the log are normal, and so is
   * an unfinished transaction cut off by a crash. A committed transaction
   * of this round that SQLite would not replay is damage: its changes
   * would be dropped without a word. */
  for (; i < n_frames; i++)
    {
      const guchar *frame = data + WAL_HEADER_SIZE + i * frame_size;

      if (get_be32 (frame + 8) == salt1 && get_be32 (frame + 12) == salt2
          && get_be32 (frame + 4) != 0)
        {
          set_damaged (path, error);
          return FALSE;
        }
    }

  /* Our workbooks never shrink, so the log of this file commits at least
   * as many pages as the file has: a smaller one is another file's. */
  if (last_commit_size != 0 && last_commit_size < n_pages)
    {
      set_foreign (path, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
copy_file (const char  *from,
           const char  *to,
           GError     **error)
{
  g_autoptr(GFile) src = g_file_new_for_path (from);
  g_autoptr(GFile) dest = g_file_new_for_path (to);

  return g_file_copy (src, dest, G_FILE_COPY_NONE, NULL, NULL, NULL, error);
}

static void
remove_tmpdir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      g_unlink (child);
    }
  g_rmdir (dir);
}

static char *
workbook_id (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  char *id = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT value FROM meta WHERE key = 'workbook-id'", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return id;
}

sqlite3 *
_ll_store_wal_replay (const char  *path,
                      char       **main_id,
                      GError     **error)
{
  g_autofree char *tmp = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *copy_wal = NULL;
  g_autofree char *copy_shm = NULL;
  g_autofree char *wal = _ll_store_wal_path (path);
  g_autoptr(GError) local = NULL;
  sqlite3 *db = NULL;
  sqlite3 *mem = NULL;
  sqlite3_backup *backup;
  int rc;

  tmp = g_dir_make_tmp ("leading-learning-XXXXXX", &local);
  if (tmp != NULL)
    {
      copy = g_build_filename (tmp, "workbook.llw", NULL);
      copy_wal = _ll_store_wal_path (copy);
    }
  if (tmp == NULL || !copy_file (path, copy, &local))
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_IO,
                   _("“%s” could not be read (%s)."), name, local->message);
      if (tmp != NULL)
        remove_tmpdir (tmp);
      return NULL;
    }

  /* Who the file says it is, without its log ... */
  if (sqlite3_open_v2 (copy, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK)
    *main_id = workbook_id (db);
  sqlite3_close (db);
  db = NULL;
  /* reading made an empty log and index beside the copy */
  g_unlink (copy_wal);
  copy_shm = g_strconcat (copy, "-shm", NULL);
  g_unlink (copy_shm);
  if (!copy_file (wal, copy_wal, &local))
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_IO,
                   _("“%s” could not be read (%s)."), name, local->message);
      remove_tmpdir (tmp);
      return NULL;
    }

  /* ... and what SQLite makes of the two: it replays the copied log into
   * the copy; the result is kept in memory and the copies go. */
  rc = sqlite3_open_v2 (copy, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_open_v2 (":memory:", &mem, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (mem, "main", db, "main");
      rc = backup != NULL ? sqlite3_backup_step (backup, -1) : sqlite3_errcode (mem);
      sqlite3_backup_finish (backup);
      rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
  sqlite3_close (db);
  remove_tmpdir (tmp);
  if (rc != SQLITE_OK)
    {
      sqlite3_close (mem);
      set_foreign (path, error);
      return NULL;
    }
  return mem;
}

gboolean
_ll_store_wal_judge_replay (const char  *path,
                            sqlite3     *db,
                            const char  *main_id,
                            GError     **error)
{
  g_autofree char *id = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  ok = sqlite3_prepare_v2 (db, "PRAGMA application_id", -1, &stmt, NULL) == SQLITE_OK
       && sqlite3_step (stmt) == SQLITE_ROW
       && (guint32) sqlite3_column_int (stmt, 0) == LL_STORE_APPLICATION_ID;
  sqlite3_finalize (stmt);
  stmt = NULL;
  ok = ok
       && sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL) == SQLITE_OK
       && sqlite3_step (stmt) == SQLITE_ROW
       && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);
  /* Every transaction that this version writes changes the page that
   * holds the workbook's identity (see _ll_store_wal_bind()), so a log
   * written for another workbook carries that workbook's. */
  id = ok ? workbook_id (db) : NULL;
  if (ok && main_id != NULL && id != NULL && !g_str_equal (main_id, id))
    ok = FALSE;
  if (!ok)
    set_foreign (path, error);
  return ok;
}

/* Gives the workbook an identity, and makes every change also change the
 * row beside it (a counter), for this connection only: then each
 * transaction in the log carries the identity of the workbook it was
 * written for. TEMP triggers leave the file's schema as it is. */
gboolean
_ll_store_wal_bind (LlStore  *self,
                    GError  **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  /* Not on a search index nor on the tables that hold it: it changes with
   * its table, which has the trigger, and a trigger on its tables would
   * run into the index's own writes for ever. */
  if (sqlite3_prepare_v2 (self->db, "SELECT m.name FROM main.sqlite_master AS m WHERE m.type = 'table' "
                          "AND m.name NOT IN ('meta') AND m.name NOT LIKE 'sqlite_%' "
                          "AND m.sql NOT LIKE 'CREATE VIRTUAL TABLE%' "
                          "AND NOT EXISTS (SELECT 1 FROM main.sqlite_master AS v WHERE v.type = 'table' "
                          "  AND v.sql LIKE 'CREATE VIRTUAL TABLE%' "
                          "  AND m.name LIKE replace (v.name, '_', '\\_') || '\\_%' ESCAPE '\\')",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _ll_store_set_sqlite_error (self, sqlite3_errcode (self->db), error);
      return FALSE;
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (stmt, 0);
      static const char * const events[] = { "INSERT", "UPDATE", "DELETE" };

      for (guint i = 0; i < G_N_ELEMENTS (events); i++)
        g_string_append_printf (sql,
                                "CREATE TEMP TRIGGER IF NOT EXISTS \"ll_count_%s_%s\" "
                                "AFTER %s ON main.\"%s\" BEGIN "
                                "UPDATE meta SET value = value + 1 WHERE key = 'changes'; END;",
                                table, events[i], events[i], table);
    }
  sqlite3_finalize (stmt);
  if (sqlite3_table_column_metadata (self->db, "main", "meta", "key", NULL, NULL, NULL, NULL, NULL)
      != SQLITE_OK)
    return TRUE;
  /* a workbook that has both already is not written to on opening */
  if (_ll_store_count_rows (self->db, "SELECT count(*) FROM main.meta "
                                      "WHERE key IN ('workbook-id', 'changes')") != 2
      && !_ll_store_exec (self,
                          "INSERT OR IGNORE INTO main.meta (key, value) "
                          "VALUES ('workbook-id', lower (hex (randomblob (16))));"
                          "INSERT OR IGNORE INTO main.meta (key, value) VALUES ('changes', '0');",
                          error))
    return FALSE;
  return _ll_store_exec (self, sql->str, error);
}

void
_ll_store_wal_new_identity (sqlite3 *db)
{
  sqlite3_exec (db, "UPDATE meta SET value = lower (hex (randomblob (16))) "
                    "WHERE key = 'workbook-id'", NULL, NULL, NULL);
}

char *
_ll_store_wal_keep_copy (const char *path)
{
  g_autofree char *wal = _ll_store_wal_path (path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr(GBytes) bytes = read_log (wal, path, NULL);
  const char *contents;
  gsize len = 0;

  if (g_str_has_suffix (base, ".llw"))
    base[strlen (base) - 4] = '\0';
  if (bytes == NULL)
    return NULL;
  contents = g_bytes_get_data (bytes, &len);
  for (int i = 1; i < 100; i++)
    {
      /* Translators: the name of a copy of a workbook's recent changes
       * that could not be used; %s is the workbook's name */
      g_autofree char *name = i == 1
        ? g_strdup_printf (_("%s (recent changes, not used).llw-wal"), base)
        : g_strdup_printf (_("%s (recent changes, not used, %d).llw-wal"), base, i);
      g_autofree char *candidate = g_build_filename (dir, name, NULL);
      int fd = g_open (candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

      if (fd < 0 && errno == EEXIST)
        {
          /* the same changes kept before: once is enough */
          g_autoptr(GBytes) old = read_log (candidate, path, NULL);

          if (old != NULL && g_bytes_get_size (old) == len
              && memcmp (g_bytes_get_data (old, NULL), contents, len) == 0)
            return g_steal_pointer (&candidate);
          continue;
        }
      if (fd < 0)
        return NULL;
      if (write (fd, contents, len) != (gssize) len || fsync (fd) != 0)
        {
          close (fd);
          g_unlink (candidate);
          return NULL;
        }
      close (fd);
      return g_steal_pointer (&candidate);
    }
  return NULL;
}
