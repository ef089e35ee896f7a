/* ll-store-sql.c: the helpers every file of the store runs its SQL
 * through: statements, rows, and SQLite's failures told as sentences */
#define G_LOG_DOMAIN "ll-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "ll-error.h"
#include "ll-store-private.h"

/* Turns an SQLite failure into a sentence for the user. */
void
_ll_store_set_sqlite_error (LlStore     *self,
                            int          rc,
                            GError     **error)
{
  g_autofree char *name = g_filename_display_basename (self->path);
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
    case SQLITE_AUTH:      /* refused: the file failed its check (ll-store-verify.c) */
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

char *
_ll_store_column_string (sqlite3_stmt *stmt,
                         int           column)
{
  char *text = _ll_store_column_text (stmt, column);

  return text != NULL ? text : g_strdup ("");
}

GPtrArray *
_ll_store_collect (LlStore         *self,
                   sqlite3_stmt    *stmt,
                   gpointer       (*make) (sqlite3_stmt *stmt),
                   GDestroyNotify   free_item,
                   GError         **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (free_item);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, make (stmt));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _ll_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

void
_ll_store_bind_id_or_null (sqlite3_stmt *stmt,
                           int           index,
                           gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
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
