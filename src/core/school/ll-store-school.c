/* ll-store-school.c: the tables of the school profile: the school and
 * its people */
#define G_LOG_DOMAIN "ll-store"

#include "config.h"


#include "ll-error.h"
#include "ll-store-private.h"

static const char * const school_fields[] = {
  "name", "urn", "phase", "local_authority", "address",
};

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

gboolean
ll_store_has_school_record (LlStore *self)
{
  g_return_val_if_fail (LL_IS_STORE (self), FALSE);
  return _ll_store_count_rows (self->db, "SELECT count(*) FROM school WHERE id = 1") == 1;
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

