/* ll-store-check.c: the integrity and schema check behind --check */
#define G_LOG_DOMAIN "ll-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ll-role.h"
#include "ll-store-private.h"

/* The tables of the store itself that every workbook must have; each
 * kind of document names its own (see ll-document-kind.h). */
static const char * const required_tables[] = {
  "person", "document", "meta",
};

gint64
_ll_store_count_rows (sqlite3    *db,
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

/* People whose role is none of those ll-role.c knows: the roles are
 * bound from there, so that a new role is never taken for damage. */
static gint64
count_unknown_roles (sqlite3 *db)
{
  g_autoptr(GString) sql = g_string_new ("SELECT count(*) FROM person WHERE role NOT IN (");
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  for (int i = 0; i < LL_N_ROLES; i++)
    g_string_append (sql, i == 0 ? "?" : ", ?");
  g_string_append_c (sql, ')');
  if (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL) == SQLITE_OK)
    {
      for (int i = 0; i < LL_N_ROLES; i++)
        sqlite3_bind_text (stmt, i + 1, ll_role_to_id (i), -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        n = sqlite3_column_int64 (stmt, 0);
    }
  sqlite3_finalize (stmt);
  return n;
}

static gboolean
check_table (LlStore    *store,
             GString    *report,
             const char *table)
{
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  if (sqlite3_prepare_v2 (store->db, "SELECT count(*) FROM sqlite_schema "
                          "WHERE type = 'table' AND name = ?", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
      found = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int64 (stmt, 0) == 1;
    }
  sqlite3_finalize (stmt);
  if (!found)
    report_line (report, _("Missing table: %s"), table);
  return found;
}

char *
ll_store_check_file_full (const char          *path,
                          const char * const  *tables,
                          LlStoreCheckFunc     check,
                          gpointer             check_data,
                          gboolean            *ok)
{
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LlStore) store = NULL;
  g_autofree char *name = g_filename_display_basename (path);
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
               (int) _ll_store_count_rows (store->db, "PRAGMA user_version"), LL_STORE_SCHEMA_VERSION);

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
    if (!check_table (store, report, required_tables[i]))
      all_ok = FALSE;
  for (guint i = 0; tables != NULL && tables[i] != NULL; i++)
    if (!check_table (store, report, tables[i]))
      all_ok = FALSE;
  if (all_ok)
    {
      gint64 bad_roles = count_unknown_roles (store->db);

      if (_ll_store_count_bad_uuids (store->db) != 0)
        {
          report_line (report, _("Documents or people without an identity: %" G_GINT64_FORMAT),
                       _ll_store_count_bad_uuids (store->db));
          all_ok = FALSE;
        }
      if (check != NULL && !check (store, report, check_data))
        all_ok = FALSE;
      if (bad_roles != 0)
        {
          report_line (report, _("People with an unknown role: %" G_GINT64_FORMAT), bad_roles);
          all_ok = FALSE;
        }
      report_line (report, _("People: %" G_GINT64_FORMAT),
                   _ll_store_count_rows (store->db, "SELECT count(*) FROM person"));
      report_line (report, _("Documents: %" G_GINT64_FORMAT),
                   _ll_store_count_rows (store->db, "SELECT count(*) FROM document"));
    }
  report_line (report, all_ok ? _("Result: no problems found") : _("Result: problems found"));
  *ok = all_ok;
  return g_string_free (g_steal_pointer (&report), FALSE);
}

char *
ll_store_check_file (const char *path,
                     gboolean   *ok)
{
  return ll_store_check_file_full (path, NULL, NULL, NULL, ok);
}
