/* ll-store-framework.c: frameworks of learning behaviours in the store */
#define G_LOG_DOMAIN "ll-store"

#include "config.h"

#include <string.h>

#include "ll-store-observation-private.h"
#include "ll-store-private.h"

/* Frameworks -------------------------------------------------------------- */

typedef struct
{
  gint64       id;
  LlFramework *framework;
} FrameworkEdit;

static gboolean
bind_step (LlStore       *self,
           sqlite3_stmt  *stmt,
           gint64         framework_id,
           const char    *key,
           const char    *group_key,
           int            position,
           const char    *name,
           const char    *description,
           GError       **error)
{
  int i = 1;

  sqlite3_bind_int64 (stmt, i++, framework_id);
  sqlite3_bind_text (stmt, i++, key, -1, SQLITE_STATIC);
  if (group_key != NULL)
    sqlite3_bind_text (stmt, i++, group_key, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, i++, position);
  sqlite3_bind_text (stmt, i++, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, i++, description, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _ll_store_set_sqlite_error (self, sqlite3_errcode (self->db), error);
      return FALSE;
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return TRUE;
}

static gboolean
edit_save_framework (LlStore       *self,
                     gconstpointer  data,
                     GError       **error)
{
  FrameworkEdit *edit = (FrameworkEdit *) data;
  LlFramework *framework = edit->framework;
  g_autofree char *scale = g_strjoinv ("\n", (char **) ll_framework_get_scale (framework));
  sqlite3_stmt *stmt;
  sqlite3_stmt *group_stmt = NULL;
  sqlite3_stmt *behaviour_stmt = NULL;
  gboolean ok = TRUE;

  if (edit->id == 0)
    stmt = _ll_store_prepare (self,
                              "INSERT INTO framework (name, description, scale, position) "
                              "VALUES (?2, ?3, ?4, (SELECT coalesce (max (position), 0) + 1 FROM framework))",
                              error);
  else
    stmt = _ll_store_prepare (self, "UPDATE framework SET name = ?2, description = ?3, scale = ?4 WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  if (edit->id != 0)
    sqlite3_bind_int64 (stmt, 1, edit->id);
  sqlite3_bind_text (stmt, 2, ll_framework_get_name (framework), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, ll_framework_get_description (framework), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, scale, -1, SQLITE_STATIC);
  if (!_ll_store_step_done (self, stmt, error))
    return FALSE;
  if (edit->id == 0)
    edit->id = sqlite3_last_insert_rowid (self->db);

  stmt = _ll_store_prepare (self,
                            "DELETE FROM framework_group WHERE framework_id = ?1;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  if (!_ll_store_step_done (self, stmt, error))
    return FALSE;
  stmt = _ll_store_prepare (self, "DELETE FROM behaviour WHERE framework_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  if (!_ll_store_step_done (self, stmt, error))
    return FALSE;

  group_stmt = _ll_store_prepare (self,
                                  "INSERT INTO framework_group (framework_id, key, position, name, description) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5)",
                                  error);
  behaviour_stmt = _ll_store_prepare (self,
                                      "INSERT INTO behaviour (framework_id, key, group_key, position, name, "
                                      "description) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                      error);
  ok = group_stmt != NULL && behaviour_stmt != NULL;
  for (guint g = 0; ok && g < ll_framework_get_n_groups (framework); g++)
    {
      const char *group_key = ll_framework_get_group_id (framework, g);

      ok = bind_step (self, group_stmt, edit->id, group_key, NULL, (int) g,
                      ll_framework_get_group_name (framework, g),
                      ll_framework_get_group_description (framework, g), error);
      for (guint b = 0; ok && b < ll_framework_get_n_behaviours (framework, g); b++)
        {
          const LlBehaviour *behaviour = ll_framework_get_behaviour (framework, g, b);

          ok = bind_step (self, behaviour_stmt, edit->id, behaviour->id, group_key, (int) b,
                          behaviour->name, behaviour->description, error);
        }
    }
  sqlite3_finalize (group_stmt);
  sqlite3_finalize (behaviour_stmt);
  return ok;
}

gint64
ll_store_save_framework (LlStore      *self,
                         gint64        id,
                         LlFramework  *framework,
                         GError      **error)
{
  FrameworkEdit edit = { .id = id, .framework = framework };

  g_return_val_if_fail (LL_IS_STORE (self), 0);
  g_return_val_if_fail (LL_IS_FRAMEWORK (framework), 0);
  if (!_ll_store_run_edit (self, edit_save_framework, &edit, error))
    return 0;
  return edit.id;
}

LlFramework *
ll_store_load_framework (LlStore  *self,
                         gint64    id,
                         GError  **error)
{
  g_autoptr(LlFramework) framework = NULL;
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LL_IS_STORE (self), NULL);

  stmt = _ll_store_prepare (self, "SELECT name, description, scale FROM framework WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *name = _ll_store_column_string (stmt, 0);
      g_autofree char *description = _ll_store_column_string (stmt, 1);
      g_autofree char *scale = _ll_store_column_string (stmt, 2);
      g_auto(GStrv) levels = g_strsplit (scale, "\n", -1);

      framework = ll_framework_new (name, description);
      ll_framework_set_scale (framework, (const char * const *) levels);
    }
  sqlite3_finalize (stmt);
  if (framework == NULL)
    {
      _ll_store_set_sqlite_error (self, rc == SQLITE_DONE ? SQLITE_NOTFOUND : rc, error);
      return NULL;
    }

  stmt = _ll_store_prepare (self,
                            "SELECT key, name, description FROM framework_group WHERE framework_id = ?1 "
                            "ORDER BY position",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *name = _ll_store_column_string (stmt, 1);
      g_autofree char *description = _ll_store_column_string (stmt, 2);
      char *key = _ll_store_column_string (stmt, 0);
      guint index = ll_framework_add_group (framework, key, name, description);

      g_hash_table_insert (groups, key, GUINT_TO_POINTER (index));
    }
  sqlite3_finalize (stmt);

  stmt = _ll_store_prepare (self,
                            "SELECT b.key, b.group_key, b.name, b.description FROM behaviour b "
                            "JOIN framework_group g ON g.framework_id = b.framework_id AND g.key = b.group_key "
                            "WHERE b.framework_id = ?1 ORDER BY g.position, b.position",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *key = _ll_store_column_string (stmt, 0);
      g_autofree char *group_key = _ll_store_column_string (stmt, 1);
      g_autofree char *name = _ll_store_column_string (stmt, 2);
      g_autofree char *description = _ll_store_column_string (stmt, 3);
      gpointer index;

      if (g_hash_table_lookup_extended (groups, group_key, NULL, &index))
        ll_framework_add_behaviour (framework, GPOINTER_TO_UINT (index), key, name, description);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _ll_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&framework);
}

GArray *
ll_store_list_frameworks (LlStore  *self,
                          GError  **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LL_IS_STORE (self), NULL);

  stmt = _ll_store_prepare (self, "SELECT id FROM framework ORDER BY position, id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _ll_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

GStrv
ll_store_dup_behaviours_in_use (LlStore  *self,
                                gint64    framework_id,
                                GError  **error)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree const char **sorted = NULL;
  g_autoptr(GStrvBuilder) result = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  guint n;
  int rc;

  g_return_val_if_fail (LL_IS_STORE (self), NULL);

  /* lists of keys (focus, a note's tags) and single keys alike */
  stmt = _ll_store_prepare (self,
                            "SELECT focus FROM observation WHERE framework_id = ?1 "
                            "UNION ALL SELECT n.behaviours FROM observation_note n "
                            "  JOIN observation o ON o.document_id = n.document_id WHERE o.framework_id = ?1 "
                            "UNION ALL SELECT t.behaviour FROM observation_tally t "
                            "  JOIN observation o ON o.document_id = t.document_id WHERE o.framework_id = ?1 "
                            "UNION ALL SELECT l.behaviour FROM observation_level l "
                            "  JOIN observation o ON o.document_id = l.document_id WHERE o.framework_id = ?1",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, framework_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *text = _ll_store_column_string (stmt, 0);
      g_auto(GStrv) words = g_strsplit (text, " ", -1);

      for (guint i = 0; words[i] != NULL; i++)
        if (words[i][0] != '\0')
          g_hash_table_add (keys, g_strdup (words[i]));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _ll_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  sorted = (const char **) g_hash_table_get_keys_as_array (keys, &n);
  qsort (sorted, n, sizeof (char *), compare_strings);
  for (guint i = 0; i < n; i++)
    g_strv_builder_add (result, sorted[i]);
  return g_strv_builder_end (result);
}

gint64
ll_store_count_framework_uses (LlStore *self,
                               gint64   framework_id)
{
  sqlite3_stmt *stmt = _ll_store_prepare (self, "SELECT count(*) FROM observation WHERE framework_id = ?1",
                                          NULL);
  gint64 count = -1;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, framework_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return count;
}

static gboolean
edit_delete_framework (LlStore       *self,
                       gconstpointer  data,
                       GError       **error)
{
  sqlite3_stmt *stmt = _ll_store_prepare (self, "DELETE FROM framework WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, *(const gint64 *) data);
  return _ll_store_step_done (self, stmt, error);
}

gboolean
ll_store_delete_framework (LlStore  *self,
                           gint64    framework_id,
                           GError  **error)
{
  g_return_val_if_fail (LL_IS_STORE (self), FALSE);
  return _ll_store_run_edit (self, edit_delete_framework, &framework_id, error);
}
