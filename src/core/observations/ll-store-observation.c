/* ll-store-observation.c: lesson observations and frameworks in the store
 *
 * The search indexes follow the tables through triggers (see migration 4),
 * so every write here keeps them in step in its own transaction.
 */
#define G_LOG_DOMAIN "ll-store"

#include "config.h"

#include <string.h>

#include "ll-store-observation.h"
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

static char *
text_at (sqlite3_stmt *stmt,
         int           column)
{
  char *text = _ll_store_column_text (stmt, column);

  return text != NULL ? text : g_strdup ("");
}

/* Steps @stmt (bound already) and makes each row an item; finalises it. */
static GPtrArray *
collect (LlStore         *self,
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

static void
bind_id_or_null (sqlite3_stmt *stmt,
                 int           index,
                 gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
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
  bind_id_or_null (stmt, 2, edit->number);
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
  row->title = text_at (stmt, column++);
  for (guint i = 0; i < LL_STORE_OBSERVATION_N_TEXTS; i++)
    row->texts[i] = text_at (stmt, column++);
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
  rows = collect (self, stmt, make_observation, (GDestroyNotify) ll_store_observation_free, error);
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
    bind_id_or_null (stmt, 2, edit->number);
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

  row->date = text_at (stmt, 0);
  row->start = text_at (stmt, 1);
  row->id = sqlite3_column_int64 (stmt, 2);
  row->teacher_id = sqlite3_column_int64 (stmt, 3);
  row->observer_id = sqlite3_column_int64 (stmt, 4);
  row->class_group = text_at (stmt, 5);
  row->year_group = text_at (stmt, 6);
  row->subject = text_at (stmt, 7);
  row->focus = text_at (stmt, 8);
  row->status = text_at (stmt, 9);
  row->follow_up = text_at (stmt, 10);
  return row;
}

GPtrArray *
ll_store_list_observations (LlStore  *self,
                            GError  **error)
{
  g_return_val_if_fail (LL_IS_STORE (self), NULL);

  /* every column is in the index observation_list, which SQLite reads
   * alone, in order */
  return collect (self,
                  _ll_store_prepare (self,
                                     "SELECT date, start, document_id, coalesce (teacher_id, 0), "
                                     "coalesce (observer_id, 0), class_group, year_group, subject, focus, "
                                     "status, follow_up FROM observation INDEXED BY observation_list "
                                     "ORDER BY date, start, document_id",
                                     error),
                  make_summary, (GDestroyNotify) ll_store_observation_summary_free, error);
}

/* Notes ------------------------------------------------------------------- */

static gpointer
make_note (sqlite3_stmt *stmt)
{
  LlStoreNote *row = g_new0 (LlStoreNote, 1);

  row->id = sqlite3_column_int64 (stmt, 0);
  row->minute = (guint) MAX (sqlite3_column_int (stmt, 1), 0);
  row->behaviours = text_at (stmt, 2);
  row->text = text_at (stmt, 3);
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
  return collect (self, stmt, make_note, (GDestroyNotify) ll_store_note_free, error);
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

static gpointer
make_mark (sqlite3_stmt *stmt)
{
  LlStoreMark *row = g_new0 (LlStoreMark, 1);

  row->behaviour = text_at (stmt, 0);
  row->value = sqlite3_column_int (stmt, 1);
  row->evidence = text_at (stmt, 2);
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
  return collect (self, stmt, make_mark, (GDestroyNotify) ll_store_mark_free, error);
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

/* Search ------------------------------------------------------------------ */

/* A word as the index compares it: case and accents set aside. */
static char *
fold_word (const char *word,
           gssize      length)
{
  g_autofree char *folded = g_utf8_casefold (word, length);

  return g_str_to_ascii (folded, "C");
}

/* The words of @typed, folded; *@prefix says whether the last one is
 * still being typed. A one-letter word being typed is left out: it would
 * match half the year. */
static GStrv
typed_words (const char *typed,
             gboolean   *prefix)
{
  g_autoptr(GStrvBuilder) words = g_strv_builder_new ();
  g_auto(GStrv) result = NULL;
  const char *p = typed;
  const char *last_start = NULL;
  guint n = 0;

  *prefix = FALSE;
  if (typed == NULL)
    return g_strv_builder_end (words);
  /* words are runs of letters and digits; everything else, FTS5's
   * operators and quotes among it, only separates them */
  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;
      start = p;
      while (*p != '\0' && g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      {
        g_autofree char *word = g_strndup (start, p - start);

        g_strv_builder_add (words, word);
      }
      last_start = start;
      n++;
    }
  result = g_strv_builder_end (words);
  if (n > 0 && *g_utf8_prev_char (typed + strlen (typed)) != '\0'
      && g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (typed + strlen (typed)))))
    {
      *prefix = TRUE;
      if (g_utf8_strlen (last_start, -1) < 2)
        {
          g_free (result[n - 1]);
          result[n - 1] = NULL;
          *prefix = FALSE;
        }
    }
  return g_steal_pointer (&result);
}

char *
ll_store_search_query (const char *typed)
{
  g_autoptr(GString) query = g_string_new (NULL);
  gboolean prefix;
  g_auto(GStrv) words = typed_words (typed, &prefix);

  if (words[0] == NULL)
    return NULL;
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (query, ' ');
      g_string_append_printf (query, "\"%s\"", words[i]);
    }
  /* the word being typed matches the words it begins */
  if (prefix)
    g_string_append_c (query, '*');
  return g_string_free (g_steal_pointer (&query), FALSE);
}

static gboolean
word_matches (const char         *word,
              gssize              length,
              const char * const *folded,
              gboolean            prefix)
{
  g_autofree char *candidate = fold_word (word, length);
  guint n = g_strv_length ((char **) folded);

  for (guint i = 0; i < n; i++)
    {
      if (prefix && i == n - 1 ? g_str_has_prefix (candidate, folded[i]) : g_str_equal (candidate, folded[i]))
        return TRUE;
    }
  return FALSE;
}

/* Some dozen words of @text around the first that matches, the matching
 * ones between \x02 and \x03, with an ellipsis where text is left out. */
static char *
make_snippet (const char         *text,
              const char * const *folded,
              gboolean            prefix)
{
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (const char *));
  g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (const char *));
  g_autoptr(GString) out = g_string_new (NULL);
  const char *p = text;
  guint first = G_MAXUINT, from, to;

  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;
      start = p;
      while (*p != '\0' && g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      g_array_append_val (starts, start);
      g_array_append_val (ends, p);
      if (first == G_MAXUINT && word_matches (start, p - start, folded, prefix))
        first = starts->len - 1;
    }
  if (starts->len == 0)
    return g_strdup ("");
  if (first == G_MAXUINT)
    first = 0;
  from = first > 4 ? first - 4 : 0;
  to = MIN (from + 12, starts->len);
  if (from > 0)
    g_string_append (out, "…");
  for (guint i = from; i < to; i++)
    {
      const char *start = g_array_index (starts, const char *, i);
      const char *end = g_array_index (ends, const char *, i);
      /* the words with what stands between them */
      const char *next = i + 1 < to ? g_array_index (starts, const char *, i + 1) : end;
      gboolean match = word_matches (start, end - start, folded, prefix);

      if (match)
        g_string_append_c (out, '\002');
      g_string_append_len (out, start, end - start);
      if (match)
        g_string_append_c (out, '\003');
      /* runs of white space, as markup leaves them, become one space */
      for (const char *q = end; q < next; q++)
        if (!g_ascii_isspace (*q))
          g_string_append_c (out, *q);
        else if (out->len == 0 || out->str[out->len - 1] != ' ')
          g_string_append_c (out, ' ');
    }
  if (to < starts->len)
    g_string_append (out, "…");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The words of stored text, whether plain or DocBook blocks: tags become
 * spaces and the five entities their characters. */
static char *
strip_markup (const char *text)
{
  static const struct { const char *entity; char c; } entities[] = {
    { "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&quot;", '"' }, { "&apos;", '\'' },
  };
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '<')
        {
          const char *end = strchr (p, '>');

          if (end == NULL)
            break;
          g_string_append_c (out, ' ');
          p = end;
          continue;
        }
      if (*p == '&')
        {
          gboolean known = FALSE;

          for (guint i = 0; i < G_N_ELEMENTS (entities) && !known; i++)
            if (g_str_has_prefix (p, entities[i].entity))
              {
                g_string_append_c (out, entities[i].c);
                p += strlen (entities[i].entity) - 1;
                known = TRUE;
              }
          if (known)
            continue;
        }
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* The candidates of each index are its newest matches, at most this
 * many: ranking is exact when fewer match, and otherwise among the
 * newest, which keeps each key typed quick however common the word. */
#define SEARCH_POOL 100

GPtrArray *
ll_store_search_observations (LlStore     *self,
                              const char  *typed,
                              guint        limit,
                              GError     **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) ll_store_search_hit_free);
  g_autofree char *query = NULL;
  g_auto(GStrv) words = NULL;
  g_auto(GStrv) folded = NULL;
  gboolean prefix;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LL_IS_STORE (self), NULL);

  query = ll_store_search_query (typed);
  if (query == NULL)
    return g_steal_pointer (&hits);
  words = typed_words (typed, &prefix);
  folded = g_new0 (char *, g_strv_length (words) + 1);
  for (guint i = 0; words[i] != NULL; i++)
    folded[i] = fold_word (words[i], -1);

  /* a bare column beside min() comes from the row with the minimum */
  stmt = _ll_store_prepare (self,
                            "WITH n AS (SELECT rowid AS id, rank AS r FROM observation_note_search"
                            "    WHERE observation_note_search MATCH ?1 ORDER BY rowid DESC LIMIT ?3),"
                            "  f AS (SELECT rowid AS id, rank AS r FROM observation_search"
                            "    WHERE observation_search MATCH ?1 ORDER BY rowid DESC LIMIT ?3),"
                            "  hits AS (SELECT o.document_id AS doc, n.r AS r, o.text AS text"
                            "    FROM n JOIN observation_note o ON o.id = n.id"
                            "    UNION ALL SELECT f.id, f.r, b.class_group || ' ' || b.year_group || ' ' ||"
                            "      b.subject || ' ' || b.context || ' ' || b.strengths || ' ' || b.questions ||"
                            "      ' ' || b.next_steps || ' ' || b.reflection"
                            "    FROM f JOIN observation b ON b.document_id = f.id)"
                            "SELECT doc, min (r), text FROM hits GROUP BY doc ORDER BY min (r), doc LIMIT ?2",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (sqlite3_int64) limit : -1);
  sqlite3_bind_int (stmt, 3, SEARCH_POOL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LlStoreSearchHit *hit = g_new0 (LlStoreSearchHit, 1);
      g_autofree char *text = text_at (stmt, 2);
      g_autofree char *plain = strip_markup (text);

      hit->id = sqlite3_column_int64 (stmt, 0);
      hit->rank = sqlite3_column_double (stmt, 1);
      hit->snippet = make_snippet (plain, (const char * const *) folded, prefix);
      g_ptr_array_add (hits, hit);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _ll_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&hits);
}

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
      g_autofree char *name = text_at (stmt, 0);
      g_autofree char *description = text_at (stmt, 1);
      g_autofree char *scale = text_at (stmt, 2);
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
      g_autofree char *name = text_at (stmt, 1);
      g_autofree char *description = text_at (stmt, 2);
      char *key = text_at (stmt, 0);
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
      g_autofree char *key = text_at (stmt, 0);
      g_autofree char *group_key = text_at (stmt, 1);
      g_autofree char *name = text_at (stmt, 2);
      g_autofree char *description = text_at (stmt, 3);
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
      g_autofree char *text = text_at (stmt, 0);
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

      row->date = text_at (stmt, 0);
      row->observer = text_at (stmt, 1);
      row->teacher = text_at (stmt, 2);
      row->class_group = text_at (stmt, 3);
      row->year_group = text_at (stmt, 4);
      row->subject = text_at (stmt, 5);
      row->minute = (guint) MAX (sqlite3_column_int (stmt, 6), 0);
      row->behaviours = text_at (stmt, 7);
      row->text = text_at (stmt, 8);
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

  row->behaviour = text_at (stmt, 0);
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
  return collect (self, stmt, make_share, (GDestroyNotify) ll_store_share_free, error);
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
      g_autofree char *month = text_at (stmt, 0);

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
  return collect (self, stmt, make_mark, (GDestroyNotify) ll_store_mark_free, error);
}

static gpointer
make_step (sqlite3_stmt *stmt)
{
  LlStoreNoteRow *row = g_new0 (LlStoreNoteRow, 1);

  row->date = text_at (stmt, 0);
  row->year_group = text_at (stmt, 1);
  row->subject = text_at (stmt, 2);
  row->text = text_at (stmt, 3);
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
  return collect (self, stmt, make_step, (GDestroyNotify) ll_store_note_row_free, error);
}

gint64
ll_store_count_lost_observations (LlStore *self)
{
  g_return_val_if_fail (LL_IS_STORE (self), -1);
  return _ll_store_count_rows (self->db,
                               "SELECT count(*) FROM document WHERE kind = 'observation' "
                               "AND id NOT IN (SELECT document_id FROM observation)");
}
