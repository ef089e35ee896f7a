/* ll-store-identity.c: the stable identities (UUIDs) of documents and
 * people, which stay the same when they are copied into another workbook */
#define G_LOG_DOMAIN "ll-store"

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "ll-error.h"
#include "ll-store-private.h"

static const char *
identity_table (LlStoreIdentity what)
{
  switch (what)
    {
    case LL_STORE_IDENTITY_DOCUMENT:
      return "document";
    case LL_STORE_IDENTITY_PERSON:
      return "person";
    }
  g_return_val_if_reached (NULL);
}

char *
ll_store_dup_uuid (LlStore          *self,
                   LlStoreIdentity   what,
                   gint64            id,
                   GError          **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT uuid FROM %s WHERE id = ?1", identity_table (what));
  sqlite3_stmt *stmt = _ll_store_prepare (self, sql, error);
  char *uuid = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    uuid = _ll_store_column_text (stmt, 0);
  sqlite3_finalize (stmt);
  if (rc == SQLITE_ROW)
    return uuid;
  if (rc == SQLITE_DONE)
    g_set_error_literal (error, LL_WORKBOOK_ERROR,
                         what == LL_STORE_IDENTITY_DOCUMENT ? LL_WORKBOOK_ERROR_NO_SUCH_DOCUMENT
                                                            : LL_WORKBOOK_ERROR_INVALID,
                         what == LL_STORE_IDENTITY_DOCUMENT
                         ? _("This workbook has no such document.")
                         : _("This person is no longer in the workbook."));
  else
    _ll_store_set_sqlite_error (self, rc, error);
  return NULL;
}

gint64
ll_store_find_uuid (LlStore          *self,
                    LlStoreIdentity   what,
                    const char       *uuid,
                    GError          **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE uuid = ?1", identity_table (what));
  sqlite3_stmt *stmt = _ll_store_prepare (self, sql, error);
  gint64 id = 0;
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _ll_store_set_sqlite_error (self, rc, error);
      return -1;
    }
  return id;
}

gint64
_ll_store_count_bad_uuids (sqlite3 *db)
{
  /* every row has one, of the usual form; the unique indexes keep them apart */
  static const char *const tables[] = { "document", "person" };
  gint64 bad = 0;

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql =
        g_strdup_printf ("SELECT count(*) FROM %s WHERE uuid IS NULL OR length (uuid) != 36"
                         " OR uuid NOT GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-"
                         "[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-"
                         "[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-*'"
                         " OR substr (uuid, 25) GLOB '*[^0-9a-f]*'", tables[i]);

      bad += _ll_store_count_rows (db, sql);
    }
  return bad;
}
