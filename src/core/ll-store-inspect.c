/* ll-store-inspect.c: judging a file before SQLite opens it. The header
 * is read and checked by hand, so that a foreign, newer, truncated or
 * random file is reported and left byte-for-byte as it was. */
#define G_LOG_DOMAIN "ll-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ll-error.h"
#include "ll-store-private.h"

#define SQLITE_HEADER_MAGIC "SQLite format 3"

static char *
display_name (const char *path)
{
  return g_filename_display_basename (path);
}

static guint32
read_be32 (const guchar *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

gboolean
_ll_store_wal_has_content (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  struct stat st;

  /* anything but a regular file there is for the log's check to refuse */
  return g_stat (wal, &st) == 0 && (st.st_size > 0 || !S_ISREG (st.st_mode));
}

/* The schema version of a file whose write-ahead log holds changes that
 * are not yet in the main file (after a crash, or while another copy has it
 * open): then the header is stale, so ask SQLite, read-only. */
int
_ll_store_read_version_from_wal (const char *path)
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
 * it. On success, *@version is the schema version in its header (stale if
 * @hot_wal), and *@page_size and *@n_pages give its size. */
gboolean
_ll_store_inspect_file (const char  *path,
                        int          fd,
                        gboolean     hot_wal,
                        guint32     *page_size_out,
                        guint32     *n_pages,
                        int         *version,
                        GError     **error)
{
  g_autofree char *name = display_name (path);
  guchar header[100];
  struct stat st;
  gssize n;
  guint32 page_size, page_count;

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

  *page_size_out = page_size;
  *n_pages = st.st_size / page_size;
  *version = (int) read_be32 (header + 60);
  return TRUE;
}

gboolean
_ll_store_check_version (const char  *path,
                         int          version,
                         GError     **error)
{
  g_autofree char *name = display_name (path);

  if (version > LL_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_TOO_NEW,
                   _("“%s” was made by a newer version of Leading Learning. "
                     "Update Leading Learning to open it; the file has been left as it is."), name);
      return FALSE;
    }
  if (version < 1)
    {
      g_set_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_DAMAGED,
                   _("“%s” is damaged and cannot be used safely. "
                     "Open a copy you saved earlier; this file has been left as it is."), name);
      return FALSE;
    }
  return TRUE;
}

static void
set_open_error (const char  *path,
                int          saved,
                GError     **error)
{
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

/* A workbook is a regular file. Anything else is refused before it is
 * opened: opening a named pipe for reading waits for a writer for ever. */
static gboolean
check_regular (const char   *path,
               struct stat  *st,
               GError      **error)
{
  g_autofree char *name = NULL;

  if (S_ISREG (st->st_mode))
    return TRUE;
  name = display_name (path);
  if (S_ISDIR (st->st_mode))
    g_set_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_NOT_A_WORKBOOK,
                 _("“%s” is a folder, not a Leading Learning workbook."), name);
  else
    g_set_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_NOT_A_WORKBOOK,
                 _("“%s” is not an ordinary file, so it is not a Leading Learning workbook."),
                 name);
  return FALSE;
}

int
_ll_store_open_for_inspection (const char  *path,
                               GError     **error)
{
  struct stat st;
  int fd;

  if (g_stat (path, &st) != 0)
    {
      set_open_error (path, errno, error);
      return -1;
    }
  if (!check_regular (path, &st, error))
    return -1;
  /* never blocks, even if the file was swapped for a pipe meanwhile */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC, 0);
  if (fd < 0)
    {
      set_open_error (path, errno, error);
      return -1;
    }
  if (fstat (fd, &st) != 0 || !check_regular (path, &st, error))
    {
      if (error != NULL && *error == NULL)
        set_open_error (path, errno, error);
      close (fd);
      return -1;
    }
  return fd;
}
