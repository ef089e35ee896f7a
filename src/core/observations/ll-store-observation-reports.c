/* ll-store-observation-reports.c: what the observations add up to: the
 * notes for the CSV, the trends and the termly summary */
#define G_LOG_DOMAIN "ll-store"

#include "config.h"

#include "ll-store-observation-private.h"
#include "ll-store-private.h"

/* Notes for the CSV -------------------------------------------------------- */

void
ll_store_note_row_free (LlStoreNoteRow *row)
{
  if (row == NULL)
    return;
  g_free (row->date);
  g_free (row->observer);
  g_free (row->teacher);
  g_free (row->class_group);
  g_free (row->year_group);
  g_free (row->subject);
  g_free (row->behaviours);
  g_free (row->text);
  g_free (row);
}

gboolean
ll_store_foreach_note_row (LlStore             *self,
                           LlStoreNoteRowFunc   func,
                           gpointer             user_data,
                           GError             **error)
{
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;
  int rc;

  g_return_val_if_fail (LL_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  stmt = _ll_store_prepare (self,
                            "SELECT o.date, coalesce (po.name, ''), coalesce (pt.name, ''), o.class_group, "
                            "o.year_group, o.subject, n.minute, n.behaviours, n.text, coalesce (o.framework_id, 0) "
                            "FROM observation o JOIN observation_note n ON n.document_id = o.document_id "
                            "LEFT JOIN person po ON po.id = o.observer_id "
                            "LEFT JOIN person pt ON pt.id = o.teacher_id "
                            "ORDER BY o.date, o.start, o.document_id, n.id",
                            error);
  if (stmt == NULL)
    return FALSE;
  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(LlStoreNoteRow) row = g_new0 (LlStoreNoteRow, 1);

      row->date = _ll_store_column_string (stmt, 0);
      row->observer = _ll_store_column_string (stmt, 1);
      row->teacher = _ll_store_column_string (stmt, 2);
      row->class_group = _ll_store_column_string (stmt, 3);
      row->year_group = _ll_store_column_string (stmt, 4);
      row->subject = _ll_store_column_string (stmt, 5);
      row->minute = (guint) MAX (sqlite3_column_int (stmt, 6), 0);
      row->behaviours = _ll_store_column_string (stmt, 7);
      row->text = _ll_store_column_string (stmt, 8);
      row->framework_id = sqlite3_column_int64 (stmt, 9);
      ok = func (row, user_data, error);
    }
  sqlite3_finalize (stmt);
  if (ok && rc != SQLITE_DONE)
    {
      _ll_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return ok;
}

/* Trends ------------------------------------------------------------------ */

void
ll_store_share_free (LlStoreShare *share)
{
  if (share == NULL)
    return;
  g_free (share->behaviour);
  g_free (share);
}

static gpointer
make_share (sqlite3_stmt *stmt)
{
  LlStoreShare *row = g_new0 (LlStoreShare, 1);

  row->behaviour = _ll_store_column_string (stmt, 0);
  row->observed = (guint) MAX (sqlite3_column_int (stmt, 1), 0);
  row->reached = (guint) MAX (sqlite3_column_int (stmt, 2), 0);
  return row;
}

GPtrArray *
ll_store_list_shares (LlStore     *self,
                      gint64       framework_id,
                      const char  *from,
                      const char  *until,
                      const char  *year_group,
                      int          threshold,
                      GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LL_IS_STORE (self), NULL);
  g_return_val_if_fail (from != NULL && until != NULL, NULL);

  stmt = _ll_store_prepare (self,
                            "SELECT l.behaviour, count (*), sum (l.level >= ?5) "
                            "FROM observation o JOIN observation_level l ON l.document_id = o.document_id "
                            "WHERE o.framework_id = ?1 AND o.date >= ?2 AND o.date < ?3 "
                            "AND (?4 = '' OR o.year_group = ?4) AND l.level >= 0 "
                            "GROUP BY l.behaviour ORDER BY l.behaviour",
                            error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, framework_id);
      sqlite3_bind_text (stmt, 2, from, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, until, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, year_group != NULL ? year_group : "", -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 5, threshold);
    }
  return _ll_store_collect (self, stmt, make_share, (GDestroyNotify) ll_store_share_free, error);
}

GStrv
ll_store_dup_observation_months (LlStore  *self,
                                 GError  **error)
{
  g_autoptr(GStrvBuilder) months = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LL_IS_STORE (self), NULL);

  /* read from the list's index, in its order */
  stmt = _ll_store_prepare (self,
                            "SELECT DISTINCT substr (date, 1, 7) FROM observation INDEXED BY observation_list "
                            "ORDER BY 1",
                            error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *month = _ll_store_column_string (stmt, 0);

      g_strv_builder_add (months, month);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _ll_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_strv_builder_end (months);
}

/* The termly summary -------------------------------------------------------- */

gboolean
ll_store_count_observations (LlStore     *self,
                             const char  *from,
                             const char  *until,
                             guint       *observations,
                             guint       *teachers,
                             guint       *observers,
                             GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LL_IS_STORE (self), FALSE);

  stmt = _ll_store_prepare (self,
                            "SELECT count (*), count (DISTINCT teacher_id), count (DISTINCT observer_id) "
                            "FROM observation WHERE date >= ?1 AND date < ?2",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, until, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *observations = (guint) sqlite3_column_int (stmt, 0);
      *teachers = (guint) sqlite3_column_int (stmt, 1);
      *observers = (guint) sqlite3_column_int (stmt, 2);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    {
      _ll_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

GArray *
ll_store_list_frameworks_observed (LlStore     *self,
                                   const char  *from,
                                   const char  *until,
                                   GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LL_IS_STORE (self), NULL);

  stmt = _ll_store_prepare (self,
                            "SELECT f.id FROM framework f WHERE EXISTS (SELECT 1 FROM observation o "
                            "WHERE o.framework_id = f.id AND o.date >= ?1 AND o.date < ?2) "
                            "ORDER BY f.position, f.id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, until, -1, SQLITE_STATIC);
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

GPtrArray *
ll_store_count_by_year_group (LlStore     *self,
                              const char  *from,
                              const char  *until,
                              GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LL_IS_STORE (self), NULL);

  stmt = _ll_store_prepare (self,
                            "SELECT year_group, count (*), '' FROM observation WHERE date >= ?1 AND date < ?2 "
                            "GROUP BY year_group "
                            /* Nursery and Reception before Year 1, Year 2 before Year 10 */
                            "ORDER BY year_group LIKE 'Year %', length (year_group), year_group",
                            error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, from, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, until, -1, SQLITE_STATIC);
    }
  return _ll_store_collect (self, stmt, _ll_store_make_mark, (GDestroyNotify) ll_store_mark_free, error);
}

static gpointer
make_step (sqlite3_stmt *stmt)
{
  LlStoreNoteRow *row = g_new0 (LlStoreNoteRow, 1);

  row->date = _ll_store_column_string (stmt, 0);
  row->year_group = _ll_store_column_string (stmt, 1);
  row->subject = _ll_store_column_string (stmt, 2);
  row->text = _ll_store_column_string (stmt, 3);
  row->observer = g_strdup ("");
  row->teacher = g_strdup ("");
  row->class_group = g_strdup ("");
  row->behaviours = g_strdup ("");
  return row;
}

GPtrArray *
ll_store_list_agreed_steps (LlStore     *self,
                            const char  *from,
                            const char  *until,
                            GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LL_IS_STORE (self), NULL);

  /* the first line of next_steps is the step agreed */
  stmt = _ll_store_prepare (self,
                            "SELECT date, year_group, subject, "
                            "  CASE WHEN instr (next_steps, char (10)) > 0"
                            "    THEN substr (next_steps, 1, instr (next_steps, char (10)) - 1)"
                            "    ELSE next_steps END "
                            "FROM observation WHERE date >= ?1 AND date < ?2 AND next_steps != '' "
                            "ORDER BY date, start, document_id",
                            error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, from, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, until, -1, SQLITE_STATIC);
    }
  return _ll_store_collect (self, stmt, make_step, (GDestroyNotify) ll_store_note_row_free, error);
}
