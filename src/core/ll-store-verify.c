/* ll-store-verify.c: making sure a workbook is whole before anything is
 * written to it, without making opening grow with the text it holds
 *
 * Opening checks, before anything is shown, the tables that opening reads
 * (the school, its people, the list of documents and the summaries the
 * places list). The rest of the file, which holds the text of every
 * section, revision and note, is checked by SQLite's quick_check on a
 * connection of its own in a worker thread. Nothing waits for it but the
 * first change: every statement that would write to the file waits for
 * the check when it is prepared (an authoriser sees them all), and is
 * refused if the file is damaged, so a damaged workbook is still left as
 * it was. Reading a damaged page before then is an error like any other
 * ("damaged").
 */
#define G_LOG_DOMAIN "ll-store"

#include "config.h"

#include <sqlite3.h>

#include "ll-store-private.h"

/* What opening reads, besides the schema: small, whatever the text. */
static const char * const opening_tables[] = {
  "school", "person", "document", "meta", "narrative", "framework", "framework_group", "behaviour",
};

static gboolean
run_check (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);
  return ok;
}

gboolean
_ll_store_quick_check (LlStore  *self,
                       GError  **error)
{
  if (run_check (self->db, "PRAGMA quick_check"))
    return TRUE;
  _ll_store_set_sqlite_error (self, SQLITE_CORRUPT, error);
  return FALSE;
}

gboolean
_ll_store_check_opening_tables (LlStore  *self,
                                GError  **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (opening_tables); i++)
    {
      g_autofree char *sql = NULL;

      if (sqlite3_table_column_metadata (self->db, "main", opening_tables[i], NULL,
                                         NULL, NULL, NULL, NULL, NULL) != SQLITE_OK)
        continue;
      /* the table and its indexes; the names are ours, not the file's */
      sql = g_strdup_printf ("PRAGMA main.quick_check(\"%s\")", opening_tables[i]);
      if (!run_check (self->db, sql))
        {
          _ll_store_set_sqlite_error (self, SQLITE_CORRUPT, error);
          return FALSE;
        }
    }
  return TRUE;
}

static gpointer
check_in_worker (gpointer data)
{
  g_autofree char *uri = data;
  sqlite3 *db = NULL;
  gboolean ok;

  ok = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_FULLMUTEX, NULL)
       == SQLITE_OK
       && run_check (db, "PRAGMA quick_check");
  sqlite3_close (db);
  return GINT_TO_POINTER (ok ? 1 : 2);
}

gboolean
_ll_store_await_verify (LlStore *self)
{
  if (self->verify_thread != NULL)
    {
      self->damaged = GPOINTER_TO_INT (g_thread_join (g_steal_pointer (&self->verify_thread))) != 1;
      if (self->damaged)
        g_debug ("The workbook failed its integrity check: nothing will be written to it");
    }
  return !self->damaged;
}

static gboolean
writes_to_main (int         action,
                const char *arg1,
                const char *arg2,
                const char *database)
{
  switch (action)
    {
    case SQLITE_INSERT:
    case SQLITE_UPDATE:
    case SQLITE_DELETE:
    case SQLITE_CREATE_INDEX:
    case SQLITE_CREATE_TABLE:
    case SQLITE_CREATE_TRIGGER:
    case SQLITE_CREATE_VIEW:
    case SQLITE_DROP_INDEX:
    case SQLITE_DROP_TABLE:
    case SQLITE_DROP_TRIGGER:
    case SQLITE_DROP_VIEW:
    case SQLITE_ALTER_TABLE:
    case SQLITE_REINDEX:
    case SQLITE_ANALYZE:
    case SQLITE_CREATE_VTABLE:
    case SQLITE_DROP_VTABLE:
      return g_strcmp0 (database, "main") == 0;
    case SQLITE_PRAGMA:
      /* changing the journal writes the header; reading pragmas does not */
      return arg2 != NULL && g_ascii_strcasecmp (arg1, "journal_mode") == 0;
    default:
      return FALSE;
    }
}

static int
authorize (void       *data,
           int         action,
           const char *arg1,
           const char *arg2,
           const char *database,
           const char *trigger)
{
  LlStore *self = data;

  if (self->verify_thread == NULL && !self->damaged)
    return SQLITE_OK;
  if (writes_to_main (action, arg1, arg2, database) && !_ll_store_await_verify (self))
    return SQLITE_DENY;
  return SQLITE_OK;
}

void
_ll_store_verify_in_background (LlStore *self)
{
  g_autofree char *escaped = g_uri_escape_string (self->path, "/", FALSE);
  char *uri = g_strdup_printf ("file:%s?mode=ro", escaped);

  g_return_if_fail (self->verify_thread == NULL);

  sqlite3_set_authorizer (self->db, authorize, self);
  self->verify_thread = g_thread_new ("ll-verify", check_in_worker, uri);
}
