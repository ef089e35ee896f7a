/* ll-store-observation.c: lesson observations and frameworks in the store
 *
 * The search indexes follow the tables through triggers (see migration 4),
 * so every write here keeps them in step in its own transaction.
 */
#define G_LOG_DOMAIN "ll-store"

#include "config.h"

#include <string.h>

#include "ll-store-observation-private.h"
#include "ll-store-private.h"

/* Columns, in the order of LlStoreObservationText and ...Number: fixed
 * names, never taken from input. */
static const char * const text_columns[LL_STORE_OBSERVATION_N_TEXTS] = {
  "date", "start", "class_group", "year_group", "subject", "focus", "context", "status",
  "strengths", "questions", "next_steps", "reflection", "follow_up",
};

static const char * const number_columns[LL_STORE_OBSERVATION_N_NUMBERS] = {
  "duration", "observer_id", "teacher_id", "framework_id",
};

void
ll_store_observation_summary_free (LlStoreObservationSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->date);
  g_free (summary->start);
  g_free (summary->class_group);
  g_free (summary->year_group);
  g_free (summary->subject);
  g_free (summary->focus);
  g_free (summary->status);
  g_free (summary->follow_up);
  g_free (summary);
}

void
ll_store_observation_free (LlStoreObservation *observation)
{
  if (observation == NULL)
    return;
  g_free (observation->title);
  for (guint i = 0; i < LL_STORE_OBSERVATION_N_TEXTS; i++)
    g_free (observation->texts[i]);
  g_free (observation);
}

void
ll_store_note_free (LlStoreNote *note)
{
  if (note == NULL)
    return;
  g_free (note->behaviours);
  g_free (note->text);
  g_free (note);
}

void
ll_store_mark_free (LlStoreMark *mark)
{
  if (mark == NULL)
    return;
  g_free (mark->behaviour);
  g_free (mark->evidence);
  g_free (mark);
}

void
ll_store_search_hit_free (LlStoreSearchHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->snippet);
  g_free (hit);
}

/* Observations ------------------------------------------------------------ */

typedef struct
{
  gint64      id;
  gint64      number;
  int         field;
  int         value;
  const char *a;
  const char *b;
  const char *c;
} Edit;

static gboolean
edit_insert_observation (LlStore       *self,
                         gconstpointer  data,
                         GError       **error)
{
  Edit *edit = (Edit *) data;
  sqlite3_stmt *stmt = _ll_store_prepare (self, "INSERT INTO document (kind, title) VALUES ('observation', ?1)",
                                          error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, edit->a != NULL ? edit->a : "", -1, SQLITE_STATIC);
  if (!_ll_store_step_done (self, stmt, error))
    return FALSE;
  edit->id = sqlite3_last_insert_rowid (self->db);
  stmt = _ll_store_prepare (self, "INSERT INTO observation (document_id, framework_id, date) VALUES (?1, ?2, ?3)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  _ll_store_bind_id_or_null (stmt, 2, edit->number);
  sqlite3_bind_text (stmt, 3, edit->b, -1, SQLITE_STATIC);
  return _ll_store_step_done (self, stmt, error);
}

gint64
ll_store_insert_observation (LlStore     *self,
                             const char  *title,
                             gint64       framework_id,
                             const char  *date,
                             GError     **error)
{
  Edit edit = { .a = title, .b = date, .number = framework_id };

  g_return_val_if_fail (LL_IS_STORE (self), 0);
  g_return_val_if_fail (date != NULL, 0);
  if (!_ll_store_run_edit (self, edit_insert_observation, &edit, error))
    return 0;
  return edit.id;
}

static gpointer
make_observation (sqlite3_stmt *stmt)
{
  LlStoreObservation *row = g_new0 (LlStoreObservation, 1);
  int column = 0;

  row->id = sqlite3_column_int64 (stmt, column++);
  row->title = _ll_store_column_string (stmt, column++);
  for (guint i = 0; i < LL_STORE_OBSERVATION_N_TEXTS; i++)
    row->texts[i] = _ll_store_column_string (stmt, column++);
  for (guint i = 0; i < LL_STORE_OBSERVATION_N_NUMBERS; i++)
    row->numbers[i] = sqlite3_column_int64 (stmt, column++);
  return row;
}

LlStoreObservation *
ll_store_get_observation (LlStore  *self,
                          gint64    id,
                          GError  **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT d.id, d.title");
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LL_IS_STORE (self), NULL);

  for (guint i = 0; i < LL_STORE_OBSERVATION_N_TEXTS; i++)
    g_string_append_printf (sql, ", o.%s", text_columns[i]);
  for (guint i = 0; i < LL_STORE_OBSERVATION_N_NUMBERS; i++)
    g_string_append_printf (sql, ", coalesce (o.%s, 0)", number_columns[i]);
  g_string_append (sql, " FROM document d JOIN observation o ON o.document_id = d.id WHERE d.id = ?1");
  stmt = _ll_store_prepare (self, sql->str, error);
  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, id);
  rows = _ll_store_collect (self, stmt, make_observation, (GDestroyNotify) ll_store_observation_free, error);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      _ll_store_set_sqlite_error (self, SQLITE_NOTFOUND, error);
      return NULL;
    }
  return g_ptr_array_steal_index (rows, 0);
}

static gboolean
edit_update_observation (LlStore       *self,
                         gconstpointer  data,
                         GError       **error)
{
  const Edit *edit = data;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  if (edit->a != NULL)
    sql = g_strdup_printf ("UPDATE observation SET %s = ?2 WHERE document_id = ?1", text_columns[edit->field]);
  else
    sql = g_strdup_printf ("UPDATE observation SET %s = ?2 WHERE document_id = ?1", number_columns[edit->field]);
  stmt = _ll_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  if (edit->a != NULL)
    sqlite3_bind_text (stmt, 2, edit->a, -1, SQLITE_STATIC);
  else if (edit->field == LL_STORE_OBSERVATION_DURATION)
    sqlite3_bind_int64 (stmt, 2, MAX (edit->number, 0));
  else
    _ll_store_bind_id_or_null (stmt, 2, edit->number);
  return _ll_store_step_done (self, stmt, error) && _ll_store_touch_document_id (self, edit->id, error);
}

gboolean
ll_store_update_observation_text (LlStore                *self,
                                  gint64                  id,
                                  LlStoreObservationText  field,
                                  const char             *value,
                                  GError                **error)
{
  Edit edit = { .id = id, .field = field, .a = value != NULL ? value : "" };

  g_return_val_if_fail (LL_IS_STORE (self), FALSE);
  g_return_val_if_fail (field < LL_STORE_OBSERVATION_N_TEXTS, FALSE);
  return _ll_store_run_edit (self, edit_update_observation, &edit, error);
}

gboolean
ll_store_update_observation_number (LlStore                  *self,
                                    gint64                    id,
                                    LlStoreObservationNumber  field,
                                    gint64                    value,
                                    GError                  **error)
{
  Edit edit = { .id = id, .field = field, .number = value };

  g_return_val_if_fail (LL_IS_STORE (self), FALSE);
  g_return_val_if_fail (field < LL_STORE_OBSERVATION_N_NUMBERS, FALSE);
  return _ll_store_run_edit (self, edit_update_observation, &edit, error);
}

static gpointer
make_summary (sqlite3_stmt *stmt)
{
  LlStoreObservationSummary *row = g_new0 (LlStoreObservationSummary, 1);

  row->date = _ll_store_column_string (stmt, 0);
  row->start = _ll_store_column_string (stmt, 1);
  row->id = sqlite3_column_int64 (stmt, 2);
  row->teacher_id = sqlite3_column_int64 (stmt, 3);
  row->observer_id = sqlite3_column_int64 (stmt, 4);
  row->class_group = _ll_store_column_string (stmt, 5);
  row->year_group = _ll_store_column_string (stmt, 6);
  row->subject = _ll_store_column_string (stmt, 7);
  row->focus = _ll_store_column_string (stmt, 8);
  row->status = _ll_store_column_string (stmt, 9);
  row->follow_up = _ll_store_column_string (stmt, 10);
  return row;
}

GPtrArray *
ll_store_list_observations (LlStore  *self,
                            GError  **error)
{
  g_return_val_if_fail (LL_IS_STORE (self), NULL);

  /* every column is in the index observation_list, which SQLite reads
   * alone, in order */
  return _ll_store_collect (self,
                  _ll_store_prepare (self,
                                     "SELECT date, start, document_id, coalesce (teacher_id, 0), "
                                     "coalesce (observer_id, 0), class_group, year_group, subject, focus, "
                                     "status, follow_up FROM observation INDEXED BY observation_list "
                                     "ORDER BY date, start, document_id",
                                     error),
                  make_summary, (GDestroyNotify) ll_store_observation_summary_free, error);
}

static gint64
framework_at_end (LlStore     *self,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt = _ll_store_prepare (self, sql, error);
  gint64 id = 0;
  int rc;

  if (stmt == NULL)
    return -1;
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

gboolean
ll_store_observation_frameworks (LlStore     *self,
                                 gint64      *only,
                                 GHashTable **map,
                                 GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 first, last;
  int rc;

  g_return_val_if_fail (LL_IS_STORE (self), FALSE);
  g_return_val_if_fail (only != NULL && map != NULL, FALSE);

  *only = 0;
  *map = NULL;
  /* the two ends of the index observation_by_framework: one step each */
  first = framework_at_end (self, "SELECT framework_id FROM observation INDEXED BY observation_by_framework "
                                  "WHERE framework_id IS NOT NULL ORDER BY framework_id LIMIT 1", error);
  if (first < 0)
    return FALSE;
  last = framework_at_end (self, "SELECT framework_id FROM observation INDEXED BY observation_by_framework "
                                 "WHERE framework_id IS NOT NULL ORDER BY framework_id DESC LIMIT 1", error);
  if (last < 0)
    return FALSE;
  if (first == last)
    {
      *only = first;
      return TRUE;
    }
  stmt = _ll_store_prepare (self, "SELECT document_id, framework_id FROM observation "
                                  "INDEXED BY observation_by_framework WHERE framework_id IS NOT NULL",
                            error);
  if (stmt == NULL)
    return FALSE;
  *map = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 document = sqlite3_column_int64 (stmt, 0);
      gint64 framework = sqlite3_column_int64 (stmt, 1);

      g_hash_table_insert (*map, g_memdup2 (&document, sizeof document), g_memdup2 (&framework, sizeof framework));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      g_clear_pointer (map, g_hash_table_unref);
      _ll_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* Notes ------------------------------------------------------------------- */

static gpointer
make_note (sqlite3_stmt *stmt)
{
  LlStoreNote *row = g_new0 (LlStoreNote, 1);

  row->id = sqlite3_column_int64 (stmt, 0);
  row->minute = (guint) MAX (sqlite3_column_int (stmt, 1), 0);
  row->behaviours = _ll_store_column_string (stmt, 2);
  row->text = _ll_store_column_string (stmt, 3);
  return row;
}

GPtrArray *
ll_store_list_notes (LlStore  *self,
                     gint64    observation_id,
                     GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LL_IS_STORE (self), NULL);

  stmt = _ll_store_prepare (self,
                            "SELECT id, minute, behaviours, text FROM observation_note "
                            "WHERE document_id = ?1 ORDER BY id",
                            error);
  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, observation_id);
  return _ll_store_collect (self, stmt, make_note, (GDestroyNotify) ll_store_note_free, error);
}

static gboolean
edit_insert_note (LlStore       *self,
                  gconstpointer  data,
                  GError       **error)
{
  Edit *edit = (Edit *) data;
  sqlite3_stmt *stmt = _ll_store_prepare (self,
                                          "INSERT INTO observation_note (document_id, minute, behaviours, text) "
                                          "VALUES (?1, ?2, ?3, ?4)",
                                          error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  sqlite3_bind_int (stmt, 2, edit->value);
  sqlite3_bind_text (stmt, 3, edit->a != NULL ? edit->a : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, edit->b != NULL ? edit->b : "", -1, SQLITE_STATIC);
  if (!_ll_store_step_done (self, stmt, error))
    return FALSE;
  edit->number = sqlite3_last_insert_rowid (self->db);
  return _ll_store_touch_document_id (self, edit->id, error);
}

gint64
ll_store_insert_note (LlStore     *self,
                      gint64       observation_id,
                      guint        minute,
                      const char  *behaviours,
                      const char  *text,
                      GError     **error)
{
  Edit edit = { .id = observation_id, .value = (int) MIN (minute, G_MAXINT), .a = behaviours, .b = text };

  g_return_val_if_fail (LL_IS_STORE (self), 0);
  if (!_ll_store_run_edit (self, edit_insert_note, &edit, error))
    return 0;
  return edit.number;
}

static gboolean
edit_note (LlStore       *self,
           gconstpointer  data,
           GError       **error)
{
  const Edit *edit = data;
  sqlite3_stmt *stmt;

  /* the observation is modified too */
  stmt = _ll_store_prepare (self,
                            "UPDATE document SET modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
                            "WHERE id = (SELECT document_id FROM observation_note WHERE id = ?1)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  if (!_ll_store_step_done (self, stmt, error))
    return FALSE;

  if (edit->a == NULL)
    stmt = _ll_store_prepare (self, "DELETE FROM observation_note WHERE id = ?1", error);
  else
    stmt = _ll_store_prepare (self, "UPDATE observation_note SET behaviours = ?2, text = ?3 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  if (edit->a != NULL)
    {
      sqlite3_bind_text (stmt, 2, edit->a, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, edit->b != NULL ? edit->b : "", -1, SQLITE_STATIC);
    }
  return _ll_store_step_done (self, stmt, error);
}

gboolean
ll_store_update_note (LlStore     *self,
                      gint64       note_id,
                      const char  *behaviours,
                      const char  *text,
                      GError     **error)
{
  Edit edit = { .id = note_id, .a = behaviours != NULL ? behaviours : "", .b = text };

  g_return_val_if_fail (LL_IS_STORE (self), FALSE);
  return _ll_store_run_edit (self, edit_note, &edit, error);
}

gboolean
ll_store_delete_note (LlStore  *self,
                      gint64    note_id,
                      GError  **error)
{
  Edit edit = { .id = note_id };

  g_return_val_if_fail (LL_IS_STORE (self), FALSE);
  return _ll_store_run_edit (self, edit_note, &edit, error);
}

/* Tallies and levels ------------------------------------------------------ */

static gboolean
edit_mark (LlStore       *self,
           gconstpointer  data,
           GError       **error)
{
  const Edit *edit = data;
  sqlite3_stmt *stmt;

  if (edit->field == 0 && edit->value == 0)
    stmt = _ll_store_prepare (self, "DELETE FROM observation_tally WHERE document_id = ?1 AND behaviour = ?2",
                              error);
  else if (edit->field == 0)
    stmt = _ll_store_prepare (self,
                              "INSERT INTO observation_tally (document_id, behaviour, count) VALUES (?1, ?2, ?3) "
                              "ON CONFLICT DO UPDATE SET count = excluded.count",
                              error);
  else
    stmt = _ll_store_prepare (self,
                              "INSERT INTO observation_level (document_id, behaviour, level, evidence) "
                              "VALUES (?1, ?2, ?3, ?4) "
                              "ON CONFLICT DO UPDATE SET level = excluded.level, evidence = excluded.evidence",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  sqlite3_bind_text (stmt, 2, edit->a, -1, SQLITE_STATIC);
  if (edit->field != 0 || edit->value != 0)
    sqlite3_bind_int (stmt, 3, edit->value);
  if (edit->field != 0)
    sqlite3_bind_text (stmt, 4, edit->b != NULL ? edit->b : "", -1, SQLITE_STATIC);
  return _ll_store_step_done (self, stmt, error) && _ll_store_touch_document_id (self, edit->id, error);
}

gboolean
ll_store_set_tally (LlStore     *self,
                    gint64       observation_id,
                    const char  *behaviour,
                    guint        count,
                    GError     **error)
{
  Edit edit = { .id = observation_id, .field = 0, .value = (int) MIN (count, G_MAXINT), .a = behaviour };

  g_return_val_if_fail (LL_IS_STORE (self), FALSE);
  g_return_val_if_fail (behaviour != NULL, FALSE);
  return _ll_store_run_edit (self, edit_mark, &edit, error);
}

gboolean
ll_store_set_level (LlStore     *self,
                    gint64       observation_id,
                    const char  *behaviour,
                    int          level,
                    const char  *evidence,
                    GError     **error)
{
  Edit edit = { .id = observation_id, .field = 1, .value = MAX (level, -1), .a = behaviour, .b = evidence };

  g_return_val_if_fail (LL_IS_STORE (self), FALSE);
  g_return_val_if_fail (behaviour != NULL, FALSE);
  return _ll_store_run_edit (self, edit_mark, &edit, error);
}

gpointer
_ll_store_make_mark (sqlite3_stmt *stmt)
{
  LlStoreMark *row = g_new0 (LlStoreMark, 1);

  row->behaviour = _ll_store_column_string (stmt, 0);
  row->value = sqlite3_column_int (stmt, 1);
  row->evidence = _ll_store_column_string (stmt, 2);
  return row;
}

static GPtrArray *
list_marks (LlStore     *self,
            const char  *sql,
            gint64       observation_id,
            GError     **error)
{
  sqlite3_stmt *stmt = _ll_store_prepare (self, sql, error);

  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, observation_id);
  return _ll_store_collect (self, stmt, _ll_store_make_mark, (GDestroyNotify) ll_store_mark_free, error);
}

GPtrArray *
ll_store_list_tallies (LlStore  *self,
                       gint64    observation_id,
                       GError  **error)
{
  g_return_val_if_fail (LL_IS_STORE (self), NULL);
  return list_marks (self,
                     "SELECT behaviour, count, '' FROM observation_tally WHERE document_id = ?1 "
                     "ORDER BY behaviour",
                     observation_id, error);
}

GPtrArray *
ll_store_list_levels (LlStore  *self,
                      gint64    observation_id,
                      GError  **error)
{
  g_return_val_if_fail (LL_IS_STORE (self), NULL);
  return list_marks (self,
                     "SELECT behaviour, level, evidence FROM observation_level WHERE document_id = ?1 "
                     "ORDER BY behaviour",
                     observation_id, error);
}

gint64
ll_store_count_lost_observations (LlStore *self)
{
  g_return_val_if_fail (LL_IS_STORE (self), -1);
  return _ll_store_count_rows (self->db,
                               "SELECT count(*) FROM document WHERE kind = 'observation' "
                               "AND id NOT IN (SELECT document_id FROM observation)");
}
