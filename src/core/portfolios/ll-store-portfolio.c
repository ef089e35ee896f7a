/* ll-store-portfolio.c: the programme, portfolios, entries and submitted
 * copies in the store (see migration 6) */
#define G_LOG_DOMAIN "ll-store"

#include "config.h"

#include "ll-portfolio-private.h"
#include "ll-store-portfolio.h"
#include "ll-store-private.h"

/* Columns, in the order of LlEntryText and LlStoreEntryNumber: fixed
 * names, never taken from input. */
static const char * const entry_text_columns[LL_ENTRY_N_TEXTS] = {
  "date", "title", "body", "presented", "audience",
};

static const char * const entry_number_columns[LL_STORE_ENTRY_N_NUMBERS] = {
  "included", "session_id", "led",
};

void
ll_store_portfolio_entry_free (LlStorePortfolioEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->kind);
  g_free (entry->part);
  for (guint i = 0; i < LL_ENTRY_N_TEXTS; i++)
    g_free (entry->texts[i]);
  g_free (entry);
}

void
ll_store_portfolio_free (LlStorePortfolio *portfolio)
{
  if (portfolio == NULL)
    return;
  g_free (portfolio->title);
  g_free (portfolio->status);
  ll_participant_free (portfolio->participant);
  g_free (portfolio);
}

/* One edit's arguments. */
typedef struct
{
  gint64                 id;
  gint64                 number;
  guint                  count;
  int                    field;
  const char            *a;
  const char            *b;
  const char            *c;
  const char            *d;
  const gint64          *ids;
  const LlParticipant   *participant;
  const LlProgramme     *programme;
} Edit;

/* The programme ---------------------------------------------------------- */

static gpointer
make_programme (sqlite3_stmt *stmt)
{
  LlProgramme *programme = ll_programme_new (NULL);

  programme->id = sqlite3_column_int64 (stmt, 0);
  g_free (programme->title);
  programme->title = _ll_store_column_string (stmt, 1);
  g_free (programme->certifying_body);
  programme->certifying_body = _ll_store_column_string (stmt, 2);
  g_free (programme->start_date);
  programme->start_date = _ll_store_column_string (stmt, 3);
  g_free (programme->end_date);
  programme->end_date = _ll_store_column_string (stmt, 4);
  g_free (programme->cohort);
  programme->cohort = _ll_store_column_string (stmt, 5);
  g_free (programme->hub);
  programme->hub = _ll_store_column_string (stmt, 6);
  programme->facilitator_id = sqlite3_column_int64 (stmt, 7);
  return programme;
}

typedef struct
{
  gint64  id;
  char   *kind;
  char   *term;
  char   *date;
  char   *host_school;
  char   *theme;
} SessionRow;

static void
session_row_free (SessionRow *row)
{
  g_free (row->kind);
  g_free (row->term);
  g_free (row->date);
  g_free (row->host_school);
  g_free (row->theme);
  g_free (row);
}

static gpointer
make_session_row (sqlite3_stmt *stmt)
{
  SessionRow *row = g_new0 (SessionRow, 1);

  row->id = sqlite3_column_int64 (stmt, 0);
  row->kind = _ll_store_column_string (stmt, 1);
  row->term = _ll_store_column_string (stmt, 2);
  row->date = _ll_store_column_string (stmt, 3);
  row->host_school = _ll_store_column_string (stmt, 4);
  row->theme = _ll_store_column_string (stmt, 5);
  return row;
}

typedef struct
{
  gint64 session_id;
  gint64 person_id;
} LeaderRow;

static gpointer
make_leader_row (sqlite3_stmt *stmt)
{
  LeaderRow *row = g_new0 (LeaderRow, 1);

  row->session_id = sqlite3_column_int64 (stmt, 0);
  row->person_id = sqlite3_column_int64 (stmt, 1);
  return row;
}

static gpointer
make_rule (sqlite3_stmt *stmt)
{
  LlPortfolioRule *rule = g_new0 (LlPortfolioRule, 1);

  rule->kind = _ll_store_column_string (stmt, 0);
  rule->minimum = sqlite3_column_int64 (stmt, 1);
  return rule;
}

LlProgramme *
ll_store_load_programme (LlStore  *self,
                         GError  **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) leaders = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  g_autoptr(LlProgramme) programme = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LL_IS_STORE (self), NULL);

  stmt = _ll_store_prepare (self, "SELECT id, title, certifying_body, start_date, end_date, cohort, hub,"
                            " coalesce (facilitator_id, 0) FROM programme ORDER BY id LIMIT 1", error);
  rows = _ll_store_collect (self, stmt, make_programme, (GDestroyNotify) ll_programme_free, error);
  if (rows == NULL || rows->len == 0)
    return NULL;
  programme = g_ptr_array_steal_index (rows, 0);

  stmt = _ll_store_prepare (self, "SELECT id, kind, term, date, host_school, theme FROM programme_session"
                            " WHERE programme_id = ?1 ORDER BY kind DESC, number", error);
  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, programme->id);
  sessions = _ll_store_collect (self, stmt, make_session_row, (GDestroyNotify) session_row_free, error);
  if (sessions == NULL)
    return NULL;
  stmt = _ll_store_prepare (self, "SELECT l.session_id, l.person_id FROM programme_session_leader l"
                            " JOIN programme_session s ON s.id = l.session_id"
                            " WHERE s.programme_id = ?1 ORDER BY l.session_id, l.person_id", error);
  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, programme->id);
  leaders = _ll_store_collect (self, stmt, make_leader_row, g_free, error);
  if (leaders == NULL)
    return NULL;
  for (guint i = 0; i < sessions->len; i++)
    {
      SessionRow *row = g_ptr_array_index (sessions, i);

      if (g_str_equal (row->kind, "study"))
        {
          LlStudySession *session = ll_study_session_new ();

          session->id = row->id;
          _ll_set_str (&session->term, row->term);
          _ll_set_str (&session->date, row->date);
          _ll_set_str (&session->host_school, row->host_school);
          _ll_set_str (&session->theme, row->theme);
          g_ptr_array_add (programme->sessions, session);
        }
      else
        {
          LlClusterMeeting *meeting = ll_cluster_meeting_new ();

          meeting->id = row->id;
          _ll_set_str (&meeting->date, row->date);
          _ll_set_str (&meeting->host_school, row->host_school);
          for (guint j = 0; j < leaders->len; j++)
            {
              LeaderRow *leader = g_ptr_array_index (leaders, j);

              if (leader->session_id == row->id)
                g_array_append_val (meeting->leaders, leader->person_id);
            }
          g_ptr_array_add (programme->meetings, meeting);
        }
    }

  stmt = _ll_store_prepare (self, "SELECT kind, minimum FROM portfolio_rule WHERE programme = ?1"
                            " ORDER BY position, id", error);
  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, programme->id);
  rules = _ll_store_collect (self, stmt, make_rule, (GDestroyNotify) ll_portfolio_rule_free, error);
  if (rules == NULL)
    return NULL;
  g_ptr_array_extend_and_steal (programme->rules, g_steal_pointer (&rules));
  return g_steal_pointer (&programme);
}

GPtrArray *
ll_store_list_default_rules (LlStore  *self,
                             GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LL_IS_STORE (self), NULL);

  stmt = _ll_store_prepare (self, "SELECT kind, minimum FROM portfolio_rule WHERE programme IS NULL"
                            " ORDER BY position, id", error);
  return _ll_store_collect (self, stmt, make_rule, (GDestroyNotify) ll_portfolio_rule_free, error);
}

static gboolean
insert_sessions (LlStore      *self,
                 gint64        programme_id,
                 const char   *kind,
                 guint         n,
                 GError      **error)
{
  for (guint i = 0; i < n; i++)
    {
      sqlite3_stmt *stmt = _ll_store_prepare (self, "INSERT INTO programme_session (programme_id, kind, number)"
                                              " VALUES (?1, ?2, ?3)", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, programme_id);
      sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, (int) i + 1);
      if (!_ll_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean write_programme (LlStore *self, const LlProgramme *programme, GError **error);

static gboolean
edit_ensure_programme (LlStore       *self,
                       gconstpointer  data,
                       GError       **error)
{
  Edit *edit = (Edit *) data;
  const LlProgramme *programme = edit->programme;
  g_autoptr(LlProgramme) made = NULL;
  sqlite3_stmt *stmt;
  gint64 existing = _ll_store_count_rows (self->db, "SELECT coalesce (min (id), 0) FROM programme");

  if (existing > 0)
    {
      edit->id = existing;
      return TRUE;
    }
  stmt = _ll_store_prepare (self, "INSERT INTO programme (start_date, end_date) VALUES (?1, ?2)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, programme->start_date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, programme->end_date, -1, SQLITE_STATIC);
  if (!_ll_store_step_done (self, stmt, error))
    return FALSE;
  edit->id = sqlite3_last_insert_rowid (self->db);
  if (!insert_sessions (self, edit->id, "study", LL_PROGRAMME_N_STUDY_SESSIONS, error)
      || !insert_sessions (self, edit->id, "cluster", LL_PROGRAMME_N_CLUSTER_MEETINGS, error))
    return FALSE;
  /* the rules the workbook holds as defaults */
  stmt = _ll_store_prepare (self, "INSERT INTO portfolio_rule (programme, kind, minimum, position)"
                            " SELECT ?1, kind, minimum, position FROM portfolio_rule WHERE programme IS NULL",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  if (!_ll_store_step_done (self, stmt, error))
    return FALSE;
  /* the rest of what was given, onto the rows just made */
  made = ll_store_load_programme (self, error);
  if (made == NULL)
    return FALSE;
  _ll_set_str (&made->title, programme->title);
  _ll_set_str (&made->certifying_body, programme->certifying_body);
  _ll_set_str (&made->cohort, programme->cohort);
  _ll_set_str (&made->hub, programme->hub);
  made->facilitator_id = programme->facilitator_id;
  for (guint i = 0; i < made->sessions->len && i < programme->sessions->len; i++)
    {
      LlStudySession *to = g_ptr_array_index (made->sessions, i);
      const LlStudySession *from = g_ptr_array_index (programme->sessions, i);

      _ll_set_str (&to->term, from->term);
      _ll_set_str (&to->date, from->date);
      _ll_set_str (&to->host_school, from->host_school);
      _ll_set_str (&to->theme, from->theme);
    }
  for (guint i = 0; i < made->meetings->len && i < programme->meetings->len; i++)
    {
      LlClusterMeeting *to = g_ptr_array_index (made->meetings, i);
      const LlClusterMeeting *from = g_ptr_array_index (programme->meetings, i);

      _ll_set_str (&to->date, from->date);
      _ll_set_str (&to->host_school, from->host_school);
      g_array_set_size (to->leaders, 0);
      g_array_append_vals (to->leaders, from->leaders->data, from->leaders->len);
    }
  for (guint i = 0; i < made->rules->len; i++)
    {
      LlPortfolioRule *to = g_ptr_array_index (made->rules, i);
      const LlPortfolioRule *from = ll_programme_find_rule (programme, to->kind);

      if (from != NULL)
        to->minimum = from->minimum;
    }
  return write_programme (self, made, error);
}

gint64
ll_store_ensure_programme (LlStore            *self,
                           const LlProgramme  *programme,
                           GError            **error)
{
  Edit edit = { .programme = programme };

  g_return_val_if_fail (LL_IS_STORE (self), 0);
  g_return_val_if_fail (programme != NULL, 0);
  if (!_ll_store_run_edit (self, edit_ensure_programme, &edit, error))
    return 0;
  return edit.id;
}

static gboolean
write_session (LlStore     *self,
               gint64       id,
               const char  *term,
               const char  *date,
               const char  *host_school,
               const char  *theme,
               GError     **error)
{
  sqlite3_stmt *stmt = _ll_store_prepare (self, "UPDATE programme_session SET term = ?2, date = ?3,"
                                          " host_school = ?4, theme = ?5 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, term != NULL ? term : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, date != NULL ? date : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, host_school != NULL ? host_school : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, theme != NULL ? theme : "", -1, SQLITE_STATIC);
  return _ll_store_step_done (self, stmt, error);
}

static gboolean
write_programme (LlStore            *self,
                 const LlProgramme  *programme,
                 GError            **error)
{
  sqlite3_stmt *stmt = _ll_store_prepare (self, "UPDATE programme SET title = ?2, certifying_body = ?3,"
                                          " start_date = ?4, end_date = ?5, cohort = ?6, hub = ?7,"
                                          " facilitator_id = ?8 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, programme->id);
  sqlite3_bind_text (stmt, 2, programme->title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, programme->certifying_body, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, programme->start_date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, programme->end_date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, programme->cohort, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, programme->hub, -1, SQLITE_STATIC);
  _ll_store_bind_id_or_null (stmt, 8, programme->facilitator_id);
  if (!_ll_store_step_done (self, stmt, error))
    return FALSE;
  for (guint i = 0; i < programme->sessions->len; i++)
    {
      const LlStudySession *session = g_ptr_array_index (programme->sessions, i);

      if (!write_session (self, session->id, session->term, session->date, session->host_school,
                          session->theme, error))
        return FALSE;
    }
  for (guint i = 0; i < programme->meetings->len; i++)
    {
      const LlClusterMeeting *meeting = g_ptr_array_index (programme->meetings, i);

      if (!write_session (self, meeting->id, "", meeting->date, meeting->host_school, "", error))
        return FALSE;
      stmt = _ll_store_prepare (self, "DELETE FROM programme_session_leader WHERE session_id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, meeting->id);
      if (!_ll_store_step_done (self, stmt, error))
        return FALSE;
      for (guint j = 0; j < meeting->leaders->len; j++)
        {
          stmt = _ll_store_prepare (self, "INSERT OR IGNORE INTO programme_session_leader (session_id, person_id)"
                                    " VALUES (?1, ?2)", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, meeting->id);
          sqlite3_bind_int64 (stmt, 2, g_array_index (meeting->leaders, gint64, j));
          if (!_ll_store_step_done (self, stmt, error))
            return FALSE;
        }
    }
  for (guint i = 0; i < programme->rules->len; i++)
    {
      const LlPortfolioRule *rule = g_ptr_array_index (programme->rules, i);

      stmt = _ll_store_prepare (self, "UPDATE portfolio_rule SET minimum = ?3 WHERE programme = ?1 AND kind = ?2",
                                error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, programme->id);
      sqlite3_bind_text (stmt, 2, rule->kind, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, rule->minimum);
      if (!_ll_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
edit_save_programme (LlStore       *self,
                     gconstpointer  data,
                     GError       **error)
{
  const Edit *edit = data;

  return write_programme (self, edit->programme, error);
}

gboolean
ll_store_save_programme (LlStore            *self,
                         const LlProgramme  *programme,
                         GError            **error)
{
  Edit edit = { .programme = programme };

  g_return_val_if_fail (LL_IS_STORE (self), FALSE);
  g_return_val_if_fail (programme != NULL && programme->id > 0, FALSE);
  return _ll_store_run_edit (self, edit_save_programme, &edit, error);
}

/* Portfolios -------------------------------------------------------------- */

static void
bind_participant (sqlite3_stmt        *stmt,
                  const LlParticipant *participant)
{
  _ll_store_bind_id_or_null (stmt, 2, participant->person_id);
  sqlite3_bind_text (stmt, 3, participant->school != NULL ? participant->school : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, ll_participant_role_to_id (participant->role), -1, SQLITE_STATIC);
  _ll_store_bind_id_or_null (stmt, 5, participant->tutor_id);
  sqlite3_bind_text (stmt, 6, ll_focus_area_to_id (participant->focus), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, participant->focus_other != NULL ? participant->focus_other : "", -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, ll_activity_mode_to_id (participant->activity), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, participant->activity_with != NULL ? participant->activity_with : "", -1,
                     SQLITE_STATIC);
}

static gboolean
edit_insert_portfolio (LlStore       *self,
                       gconstpointer  data,
                       GError       **error)
{
  Edit *edit = (Edit *) data;
  sqlite3_stmt *stmt = _ll_store_prepare (self, "INSERT INTO document (kind, title) VALUES ('portfolio', ?1)",
                                          error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, edit->a != NULL ? edit->a : "", -1, SQLITE_STATIC);
  if (!_ll_store_step_done (self, stmt, error))
    return FALSE;
  edit->id = sqlite3_last_insert_rowid (self->db);
  stmt = _ll_store_prepare (self, "INSERT INTO participant (document_id, person_id, school, role, tutor_id,"
                            " focus, focus_other, activity, activity_with) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  bind_participant (stmt, edit->participant);
  return _ll_store_step_done (self, stmt, error);
}

gint64
ll_store_insert_portfolio (LlStore              *self,
                           const char           *title,
                           const LlParticipant  *participant,
                           GError              **error)
{
  Edit edit = { .a = title, .participant = participant };

  g_return_val_if_fail (LL_IS_STORE (self), 0);
  g_return_val_if_fail (participant != NULL, 0);
  if (!_ll_store_run_edit (self, edit_insert_portfolio, &edit, error))
    return 0;
  return edit.id;
}

static gpointer
make_portfolio (sqlite3_stmt *stmt)
{
  LlStorePortfolio *row = g_new0 (LlStorePortfolio, 1);
  LlParticipant *participant = ll_participant_new ();
  g_autofree char *role = NULL;
  g_autofree char *focus = NULL;
  g_autofree char *activity = NULL;

  row->id = sqlite3_column_int64 (stmt, 0);
  row->title = _ll_store_column_string (stmt, 1);
  row->status = _ll_store_column_string (stmt, 2);
  participant->person_id = sqlite3_column_int64 (stmt, 3);
  g_free (participant->school);
  participant->school = _ll_store_column_string (stmt, 4);
  role = _ll_store_column_string (stmt, 5);
  if (!ll_participant_role_from_id (role, &participant->role))
    participant->role = LL_PARTICIPANT_OTHER_ROLE;
  participant->tutor_id = sqlite3_column_int64 (stmt, 6);
  focus = _ll_store_column_string (stmt, 7);
  if (!ll_focus_area_from_id (focus, &participant->focus))
    participant->focus = LL_FOCUS_OTHER;
  g_free (participant->focus_other);
  participant->focus_other = _ll_store_column_string (stmt, 8);
  activity = _ll_store_column_string (stmt, 9);
  if (!ll_activity_mode_from_id (activity, &participant->activity))
    participant->activity = LL_ACTIVITY_ALONE;
  g_free (participant->activity_with);
  participant->activity_with = _ll_store_column_string (stmt, 10);
  row->n_submissions = (guint) sqlite3_column_int64 (stmt, 11);
  row->participant = participant;
  return row;
}

LlStorePortfolio *
ll_store_get_portfolio (LlStore  *self,
                        gint64    id,
                        GError  **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LL_IS_STORE (self), NULL);

  stmt = _ll_store_prepare (self, "SELECT d.id, d.title, p.status, coalesce (p.person_id, 0), p.school, p.role,"
                            " coalesce (p.tutor_id, 0), p.focus, p.focus_other, p.activity, p.activity_with,"
                            " (SELECT count (*) FROM portfolio_submission s WHERE s.document_id = d.id)"
                            " FROM document d JOIN participant p ON p.document_id = d.id WHERE d.id = ?1", error);
  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, id);
  rows = _ll_store_collect (self, stmt, make_portfolio, (GDestroyNotify) ll_store_portfolio_free, error);
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
edit_update_participant (LlStore       *self,
                         gconstpointer  data,
                         GError       **error)
{
  const Edit *edit = data;
  sqlite3_stmt *stmt = _ll_store_prepare (self, "UPDATE participant SET person_id = ?2, school = ?3, role = ?4,"
                                          " tutor_id = ?5, focus = ?6, focus_other = ?7, activity = ?8,"
                                          " activity_with = ?9 WHERE document_id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  bind_participant (stmt, edit->participant);
  if (!_ll_store_step_done (self, stmt, error))
    return FALSE;
  stmt = _ll_store_prepare (self, "UPDATE document SET title = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  sqlite3_bind_text (stmt, 2, edit->a != NULL ? edit->a : "", -1, SQLITE_STATIC);
  return _ll_store_step_done (self, stmt, error)
         && _ll_store_touch_document_id (self, edit->id, error);
}

gboolean
ll_store_update_participant (LlStore              *self,
                             gint64                id,
                             const char           *title,
                             const LlParticipant  *participant,
                             GError              **error)
{
  Edit edit = { .id = id, .a = title, .participant = participant };

  g_return_val_if_fail (LL_IS_STORE (self), FALSE);
  g_return_val_if_fail (participant != NULL, FALSE);
  return _ll_store_run_edit (self, edit_update_participant, &edit, error);
}

GArray *
ll_store_list_participants (LlStore  *self,
                            GError  **error)
{
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LL_IS_STORE (self), NULL);

  stmt = _ll_store_prepare (self, "SELECT document_id, coalesce (person_id, 0), status FROM participant"
                            " ORDER BY document_id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *status_id = _ll_store_column_string (stmt, 2);
      LlPortfolioStatus status = LL_PORTFOLIO_IN_PROGRESS;
      gint64 triple[3] = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1), 0 };

      ll_portfolio_status_from_id (status_id, &status);
      triple[2] = status;
      g_array_append_vals (pairs, triple, 3);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _ll_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&pairs);
}

/* Entries ----------------------------------------------------------------- */

static gpointer
make_entry (sqlite3_stmt *stmt)
{
  LlStorePortfolioEntry *row = g_new0 (LlStorePortfolioEntry, 1);
  int column = 0;

  row->id = sqlite3_column_int64 (stmt, column++);
  row->kind = _ll_store_column_string (stmt, column++);
  row->part = _ll_store_column_string (stmt, column++);
  for (guint i = 0; i < LL_ENTRY_N_TEXTS; i++)
    row->texts[i] = _ll_store_column_string (stmt, column++);
  for (guint i = 0; i < LL_STORE_ENTRY_N_NUMBERS; i++)
    row->numbers[i] = sqlite3_column_int64 (stmt, column++);
  return row;
}

GPtrArray *
ll_store_list_portfolio_entries (LlStore  *self,
                                 gint64    id,
                                 GError  **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT id, kind, part");
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LL_IS_STORE (self), NULL);

  for (guint i = 0; i < LL_ENTRY_N_TEXTS; i++)
    g_string_append_printf (sql, ", %s", entry_text_columns[i]);
  for (guint i = 0; i < LL_STORE_ENTRY_N_NUMBERS; i++)
    g_string_append_printf (sql, ", coalesce (%s, 0)", entry_number_columns[i]);
  g_string_append (sql, " FROM portfolio_entry WHERE document_id = ?1 ORDER BY position, id");
  stmt = _ll_store_prepare (self, sql->str, error);
  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, id);
  return _ll_store_collect (self, stmt, make_entry, (GDestroyNotify) ll_store_portfolio_entry_free, error);
}

static gboolean
edit_insert_entry (LlStore       *self,
                   gconstpointer  data,
                   GError       **error)
{
  Edit *edit = (Edit *) data;
  sqlite3_stmt *stmt = _ll_store_prepare (self, "INSERT INTO portfolio_entry (document_id, kind, part, date,"
                                          " position) VALUES (?1, ?2, ?3, ?4, ?5)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->number);
  sqlite3_bind_text (stmt, 2, edit->a, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, edit->b != NULL ? edit->b : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, edit->c != NULL ? edit->c : "", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, edit->count);
  if (!_ll_store_step_done (self, stmt, error))
    return FALSE;
  edit->id = sqlite3_last_insert_rowid (self->db);
  return _ll_store_touch_document_id (self, edit->number, error);
}

gint64
ll_store_insert_portfolio_entry (LlStore     *self,
                                 gint64       portfolio_id,
                                 const char  *kind,
                                 const char  *part,
                                 const char  *date,
                                 guint        position,
                                 GError     **error)
{
  Edit edit = { .number = portfolio_id, .a = kind, .b = part, .c = date, .count = position };

  g_return_val_if_fail (LL_IS_STORE (self), 0);
  g_return_val_if_fail (kind != NULL, 0);
  if (!_ll_store_run_edit (self, edit_insert_entry, &edit, error))
    return 0;
  return edit.id;
}

static gboolean
touch_entry_document (LlStore  *self,
                      gint64    entry_id,
                      GError  **error)
{
  sqlite3_stmt *stmt = _ll_store_prepare (self, "UPDATE document SET modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
                                          " WHERE id = (SELECT document_id FROM portfolio_entry WHERE id = ?1)",
                                          error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, entry_id);
  return _ll_store_step_done (self, stmt, error);
}

static gboolean
edit_update_entry (LlStore       *self,
                   gconstpointer  data,
                   GError       **error)
{
  const Edit *edit = data;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  if (edit->a != NULL)
    sql = g_strdup_printf ("UPDATE portfolio_entry SET %s = ?2 WHERE id = ?1", entry_text_columns[edit->field]);
  else
    sql = g_strdup_printf ("UPDATE portfolio_entry SET %s = ?2 WHERE id = ?1", entry_number_columns[edit->field]);
  stmt = _ll_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  if (edit->a != NULL)
    sqlite3_bind_text (stmt, 2, edit->a, -1, SQLITE_STATIC);
  else if (edit->field == LL_STORE_ENTRY_SESSION)
    _ll_store_bind_id_or_null (stmt, 2, edit->number);
  else
    sqlite3_bind_int64 (stmt, 2, edit->number);
  return _ll_store_step_done (self, stmt, error) && touch_entry_document (self, edit->id, error);
}

gboolean
ll_store_update_portfolio_entry_text (LlStore      *self,
                                      gint64        entry_id,
                                      LlEntryText   field,
                                      const char   *value,
                                      GError      **error)
{
  Edit edit = { .id = entry_id, .field = field, .a = value != NULL ? value : "" };

  g_return_val_if_fail (LL_IS_STORE (self), FALSE);
  g_return_val_if_fail (field < LL_ENTRY_N_TEXTS, FALSE);
  return _ll_store_run_edit (self, edit_update_entry, &edit, error);
}

gboolean
ll_store_update_portfolio_entry_number (LlStore             *self,
                                        gint64               entry_id,
                                        LlStoreEntryNumber   field,
                                        gint64               value,
                                        GError             **error)
{
  Edit edit = { .id = entry_id, .field = field, .number = value };

  g_return_val_if_fail (LL_IS_STORE (self), FALSE);
  g_return_val_if_fail (field < LL_STORE_ENTRY_N_NUMBERS, FALSE);
  return _ll_store_run_edit (self, edit_update_entry, &edit, error);
}

static gboolean
edit_order_entries (LlStore       *self,
                    gconstpointer  data,
                    GError       **error)
{
  const Edit *edit = data;

  for (guint i = 0; i < edit->count; i++)
    {
      sqlite3_stmt *stmt = _ll_store_prepare (self, "UPDATE portfolio_entry SET position = ?2 WHERE id = ?1",
                                              error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, edit->ids[i]);
      sqlite3_bind_int64 (stmt, 2, i);
      if (!_ll_store_step_done (self, stmt, error))
        return FALSE;
    }
  return edit->count == 0 || touch_entry_document (self, edit->ids[0], error);
}

gboolean
ll_store_order_portfolio_entries (LlStore       *self,
                                  const gint64  *ids,
                                  guint          n_ids,
                                  GError       **error)
{
  Edit edit = { .ids = ids, .count = n_ids };

  g_return_val_if_fail (LL_IS_STORE (self), FALSE);
  return _ll_store_run_edit (self, edit_order_entries, &edit, error);
}

static gboolean
edit_delete_entry (LlStore       *self,
                   gconstpointer  data,
                   GError       **error)
{
  const Edit *edit = data;
  sqlite3_stmt *stmt;

  if (!touch_entry_document (self, edit->id, error))
    return FALSE;
  stmt = _ll_store_prepare (self, "DELETE FROM portfolio_entry WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  return _ll_store_step_done (self, stmt, error);
}

gboolean
ll_store_delete_portfolio_entry (LlStore  *self,
                                 gint64    entry_id,
                                 GError  **error)
{
  Edit edit = { .id = entry_id };

  g_return_val_if_fail (LL_IS_STORE (self), FALSE);
  return _ll_store_run_edit (self, edit_delete_entry, &edit, error);
}

/* Status and submissions -------------------------------------------------- */

static gboolean
set_status (LlStore     *self,
            gint64       id,
            const char  *status,
            GError     **error)
{
  sqlite3_stmt *stmt = _ll_store_prepare (self, "UPDATE participant SET status = ?2 WHERE document_id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, status, -1, SQLITE_STATIC);
  return _ll_store_step_done (self, stmt, error) && _ll_store_touch_document_id (self, id, error);
}

static gboolean
edit_set_status (LlStore       *self,
                 gconstpointer  data,
                 GError       **error)
{
  const Edit *edit = data;

  return set_status (self, edit->id, edit->a, error);
}

gboolean
ll_store_set_portfolio_status (LlStore     *self,
                               gint64       id,
                               const char  *status,
                               GError     **error)
{
  Edit edit = { .id = id, .a = status };

  g_return_val_if_fail (LL_IS_STORE (self), FALSE);
  g_return_val_if_fail (status != NULL, FALSE);
  return _ll_store_run_edit (self, edit_set_status, &edit, error);
}

static gboolean
edit_insert_submission (LlStore       *self,
                        gconstpointer  data,
                        GError       **error)
{
  const Edit *edit = data;
  sqlite3_stmt *stmt = _ll_store_prepare (self, "INSERT INTO portfolio_submission (document_id, number, content)"
                                          " VALUES (?1, ?2, ?3)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  sqlite3_bind_int64 (stmt, 2, edit->count);
  sqlite3_bind_text (stmt, 3, edit->a, -1, SQLITE_STATIC);
  return _ll_store_step_done (self, stmt, error)
         && set_status (self, edit->id, ll_portfolio_status_to_id (LL_PORTFOLIO_SUBMITTED), error);
}

gboolean
ll_store_insert_portfolio_submission (LlStore     *self,
                                      gint64       id,
                                      guint        number,
                                      const char  *content,
                                      GError     **error)
{
  Edit edit = { .id = id, .count = number, .a = content };

  g_return_val_if_fail (LL_IS_STORE (self), FALSE);
  g_return_val_if_fail (content != NULL, FALSE);
  return _ll_store_run_edit (self, edit_insert_submission, &edit, error);
}

static gboolean
edit_verify_submission (LlStore       *self,
                        gconstpointer  data,
                        GError       **error)
{
  const Edit *edit = data;
  sqlite3_stmt *stmt = _ll_store_prepare (self, "UPDATE portfolio_submission SET statement = ?3, verified_by = ?4,"
                                          " verified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
                                          " WHERE document_id = ?1 AND number = ?2", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  sqlite3_bind_int64 (stmt, 2, edit->count);
  sqlite3_bind_text (stmt, 3, edit->a, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, edit->b, -1, SQLITE_STATIC);
  if (!_ll_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) != 1)
    {
      _ll_store_set_sqlite_error (self, SQLITE_NOTFOUND, error);
      return FALSE;
    }
  return set_status (self, edit->id, ll_portfolio_status_to_id (LL_PORTFOLIO_VERIFIED), error);
}

gboolean
ll_store_verify_portfolio_submission (LlStore     *self,
                                      gint64       id,
                                      guint        number,
                                      const char  *statement,
                                      const char  *verified_by,
                                      GError     **error)
{
  Edit edit = { .id = id, .count = number, .a = statement, .b = verified_by };

  g_return_val_if_fail (LL_IS_STORE (self), FALSE);
  g_return_val_if_fail (statement != NULL && verified_by != NULL, FALSE);
  return _ll_store_run_edit (self, edit_verify_submission, &edit, error);
}

static gpointer
make_submission (sqlite3_stmt *stmt)
{
  LlPortfolioSubmission *submission = g_new0 (LlPortfolioSubmission, 1);

  submission->number = (guint) sqlite3_column_int64 (stmt, 0);
  submission->submitted = _ll_store_column_string (stmt, 1);
  submission->content = _ll_store_column_string (stmt, 2);
  submission->statement = _ll_store_column_string (stmt, 3);
  submission->verified_by = _ll_store_column_string (stmt, 4);
  submission->verified = _ll_store_column_string (stmt, 5);
  return submission;
}

LlPortfolioSubmission *
ll_store_get_portfolio_submission (LlStore  *self,
                                   gint64    id,
                                   guint     number,
                                   GError  **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LL_IS_STORE (self), NULL);

  stmt = _ll_store_prepare (self, "SELECT number, submitted, content, statement, verified_by, verified"
                            " FROM portfolio_submission WHERE document_id = ?1 AND number = ?2", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, number);
    }
  rows = _ll_store_collect (self, stmt, make_submission, (GDestroyNotify) ll_portfolio_submission_free, error);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      _ll_store_set_sqlite_error (self, SQLITE_NOTFOUND, error);
      return NULL;
    }
  return g_ptr_array_steal_index (rows, 0);
}

/* The check --------------------------------------------------------------- */

gint64
ll_store_count_lost_portfolios (LlStore *self)
{
  g_return_val_if_fail (LL_IS_STORE (self), -1);
  return _ll_store_count_rows (self->db,
                               "SELECT (SELECT count (*) FROM document d WHERE d.kind = 'portfolio'"
                               "   AND NOT EXISTS (SELECT 1 FROM participant p WHERE p.document_id = d.id))"
                               " + (SELECT count (*) FROM portfolio_entry e WHERE NOT EXISTS"
                               "   (SELECT 1 FROM participant p WHERE p.document_id = e.document_id))");
}

gint64
ll_store_count_unknown_rules (LlStore *self)
{
  g_autoptr(GString) sql = g_string_new ("SELECT count (*) FROM portfolio_rule WHERE kind NOT IN (");
  static const char * const kinds[] = {
    LL_RULE_CLUSTER_REFLECTIONS, LL_RULE_LED_CLUSTER_REFLECTION, LL_RULE_STORY_PART_WORDS,
    LL_RULE_OUTCOMES_PRESENTED, LL_RULE_ENTRIES_IN_YEAR,
  };

  g_return_val_if_fail (LL_IS_STORE (self), -1);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    g_string_append_printf (sql, "%s'%s'", i > 0 ? ", " : "", kinds[i]);
  g_string_append (sql, ") OR minimum < 0");
  return _ll_store_count_rows (self->db, sql->str);
}
