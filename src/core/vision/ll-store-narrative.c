/* ll-store-narrative.c: vision narratives, their sections and revisions */
#define G_LOG_DOMAIN "ll-store"

#include "config.h"

#include "ll-store-narrative.h"
#include "ll-store-private.h"


void
ll_store_narrative_free (LlStoreNarrative *narrative)
{
  if (narrative == NULL)
    return;
  g_free (narrative->title);
  g_free (narrative->author);
  g_free (narrative->status);
  g_free (narrative->modified);
  g_free (narrative);
}

void
ll_store_section_free (LlStoreSection *section)
{
  if (section == NULL)
    return;
  g_free (section->title);
  g_free (section->prompts);
  g_free (section->body);
  g_free (section);
}

void
ll_store_revision_free (LlStoreRevision *revision)
{
  if (revision == NULL)
    return;
  g_free (revision->created);
  g_free (revision->kind);
  g_free (revision->name);
  g_free (revision->title);
  g_free (revision);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  char *text = _ll_store_column_text (stmt, column);

  return text != NULL ? text : g_strdup ("");
}

/* Runs a query and turns each row into an item with @make_row. */
typedef gpointer (*MakeRow) (sqlite3_stmt *stmt);

static GPtrArray *
list_rows (LlStore        *self,
           const char     *sql,
           gint64          id,
           MakeRow         make_row,
           GDestroyNotify  free_row,
           GError        **error)
{
  sqlite3_stmt *stmt = _ll_store_prepare (self, sql, error);

  if (stmt != NULL && id != 0)
    sqlite3_bind_int64 (stmt, 1, id);
  return _ll_store_collect (self, stmt, make_row, free_row, error);
}

typedef struct
{
  gint64      id;
  gint64      other_id;
  guint       position;
  const char *a;
  const char *b;
  const char *c;
  guint       words;
  const gint64 *ids;
  guint       n_ids;
} Edit;

static gboolean
edit_insert_narrative (LlStore       *self,
                       gconstpointer  data,
                       GError       **error)
{
  Edit *edit = (Edit *) data;
  sqlite3_stmt *stmt = _ll_store_prepare (self, "INSERT INTO document (kind, title) VALUES ('vision', ?1)",
                                          error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, edit->a, -1, SQLITE_STATIC);
  if (!_ll_store_step_done (self, stmt, error))
    return FALSE;
  edit->id = sqlite3_last_insert_rowid (self->db);

  stmt = _ll_store_prepare (self, "INSERT INTO narrative (document_id, author) VALUES (?1, ?2)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  sqlite3_bind_text (stmt, 2, edit->b ? edit->b : "", -1, SQLITE_STATIC);
  return _ll_store_step_done (self, stmt, error);
}

gint64
ll_store_insert_narrative (LlStore     *self,
                           const char  *title,
                           const char  *author,
                           GError     **error)
{
  Edit edit = { .a = title, .b = author };

  g_return_val_if_fail (LL_IS_STORE (self), 0);
  if (!_ll_store_run_edit (self, edit_insert_narrative, &edit, error))
    return 0;
  return edit.id;
}

static gpointer
make_narrative (sqlite3_stmt *stmt)
{
  LlStoreNarrative *row = g_new0 (LlStoreNarrative, 1);

  row->id = sqlite3_column_int64 (stmt, 0);
  row->title = column_dup (stmt, 1);
  row->author = column_dup (stmt, 2);
  row->status = column_dup (stmt, 3);
  row->show_prompts = sqlite3_column_int (stmt, 4) != 0;
  row->modified = column_dup (stmt, 5);
  return row;
}

GPtrArray *
ll_store_list_narratives (LlStore  *self,
                          GError  **error)
{
  return list_rows (self,
                    "SELECT d.id, d.title, n.author, n.status, n.show_prompts, d.modified "
                    "FROM document d JOIN narrative n ON n.document_id = d.id ORDER BY d.id",
                    0, make_narrative, (GDestroyNotify) ll_store_narrative_free, error);
}

static gboolean
edit_update_narrative (LlStore       *self,
                       gconstpointer  data,
                       GError       **error)
{
  const Edit *edit = data;
  const char *sql;
  sqlite3_stmt *stmt;

  if (g_str_equal (edit->a, "title"))
    sql = "UPDATE document SET title = ?2 WHERE id = ?1";
  else if (g_str_equal (edit->a, "author"))
    sql = "UPDATE narrative SET author = ?2 WHERE document_id = ?1";
  else if (g_str_equal (edit->a, "status"))
    sql = "UPDATE narrative SET status = ?2 WHERE document_id = ?1";
  else if (g_str_equal (edit->a, "show_prompts"))
    sql = "UPDATE narrative SET show_prompts = (?2 = '1') WHERE document_id = ?1";
  else
    g_return_val_if_reached (FALSE);

  stmt = _ll_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  sqlite3_bind_text (stmt, 2, edit->b ? edit->b : "", -1, SQLITE_STATIC);
  if (!_ll_store_step_done (self, stmt, error))
    return FALSE;
  /* showing or hiding the prompts is not an edit of the narrative */
  return g_str_equal (edit->a, "show_prompts") || _ll_store_touch_document_id (self, edit->id, error);
}

gboolean
ll_store_update_narrative (LlStore     *self,
                           gint64       id,
                           const char  *field,
                           const char  *value,
                           GError     **error)
{
  Edit edit = { .id = id, .a = field, .b = value };

  g_return_val_if_fail (LL_IS_STORE (self), FALSE);
  return _ll_store_run_edit (self, edit_update_narrative, &edit, error);
}

char *
ll_store_dup_modified (LlStore *self,
                       gint64   document_id)
{
  sqlite3_stmt *stmt = _ll_store_prepare (self, "SELECT modified FROM document WHERE id = ?1", NULL);
  char *modified = NULL;

  if (stmt == NULL)
    return g_strdup ("");
  sqlite3_bind_int64 (stmt, 1, document_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    modified = column_dup (stmt, 0);
  sqlite3_finalize (stmt);
  return modified ? modified : g_strdup ("");
}

static gboolean
edit_delete_document (LlStore       *self,
                      gconstpointer  data,
                      GError       **error)
{
  const Edit *edit = data;
  sqlite3_stmt *stmt = _ll_store_prepare (self, "DELETE FROM document WHERE id = ?1 AND kind != 'school'",
                                          error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  return _ll_store_step_done (self, stmt, error);
}

gboolean
ll_store_delete_document (LlStore  *self,
                          gint64    id,
                          GError  **error)
{
  Edit edit = { .id = id };

  g_return_val_if_fail (LL_IS_STORE (self), FALSE);
  return _ll_store_run_edit (self, edit_delete_document, &edit, error);
}

static gpointer
make_section (sqlite3_stmt *stmt)
{
  LlStoreSection *row = g_new0 (LlStoreSection, 1);

  row->id = sqlite3_column_int64 (stmt, 0);
  row->title = column_dup (stmt, 1);
  row->prompts = column_dup (stmt, 2);
  row->body = column_dup (stmt, 3);
  return row;
}

GPtrArray *
ll_store_list_sections (LlStore  *self,
                        gint64    document_id,
                        GError  **error)
{
  return list_rows (self,
                    "SELECT id, title, prompts, body FROM narrative_section "
                    "WHERE document_id = ?1 ORDER BY position, id",
                    document_id, make_section, (GDestroyNotify) ll_store_section_free, error);
}

static gboolean
edit_insert_section (LlStore       *self,
                     gconstpointer  data,
                     GError       **error)
{
  Edit *edit = (Edit *) data;
  sqlite3_stmt *stmt;

  stmt = _ll_store_prepare (self, "UPDATE narrative_section SET position = position + 1 "
                                  "WHERE document_id = ?1 AND position >= ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  sqlite3_bind_int (stmt, 2, edit->position);
  if (!_ll_store_step_done (self, stmt, error))
    return FALSE;

  stmt = _ll_store_prepare (self, "INSERT INTO narrative_section (document_id, position, title, prompts, body) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  sqlite3_bind_int (stmt, 2, edit->position);
  sqlite3_bind_text (stmt, 3, edit->a, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, edit->b ? edit->b : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, edit->c ? edit->c : "", -1, SQLITE_STATIC);
  if (!_ll_store_step_done (self, stmt, error))
    return FALSE;
  edit->other_id = sqlite3_last_insert_rowid (self->db);
  return _ll_store_touch_document_id (self, edit->id, error);
}

gint64
ll_store_insert_section (LlStore     *self,
                         gint64       document_id,
                         guint        position,
                         const char  *title,
                         const char  *prompts,
                         const char  *body,
                         GError     **error)
{
  Edit edit = { .id = document_id, .position = position, .a = title, .b = prompts, .c = body };

  g_return_val_if_fail (LL_IS_STORE (self), 0);
  g_return_val_if_fail (title != NULL, 0);
  if (!_ll_store_run_edit (self, edit_insert_section, &edit, error))
    return 0;
  return edit.other_id;
}

static gboolean
edit_update_section (LlStore       *self,
                     gconstpointer  data,
                     GError       **error)
{
  const Edit *edit = data;
  sqlite3_stmt *stmt = _ll_store_prepare (self,
                                          "UPDATE narrative_section SET title = COALESCE (?2, title), "
                                          "body = COALESCE (?3, body) WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->other_id);
  sqlite3_bind_text (stmt, 2, edit->a, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, edit->b, -1, SQLITE_STATIC);
  return _ll_store_step_done (self, stmt, error)
    && _ll_store_touch_document_id (self, edit->id, error);
}

gboolean
ll_store_update_section (LlStore     *self,
                         gint64       document_id,
                         gint64       section_id,
                         const char  *title,
                         const char  *body,
                         GError     **error)
{
  Edit edit = { .id = document_id, .other_id = section_id, .a = title, .b = body };

  g_return_val_if_fail (LL_IS_STORE (self), FALSE);
  return _ll_store_run_edit (self, edit_update_section, &edit, error);
}

static gboolean
edit_delete_section (LlStore       *self,
                     gconstpointer  data,
                     GError       **error)
{
  const Edit *edit = data;
  sqlite3_stmt *stmt = _ll_store_prepare (self, "DELETE FROM narrative_section WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->other_id);
  return _ll_store_step_done (self, stmt, error)
    && _ll_store_touch_document_id (self, edit->id, error);
}

gboolean
ll_store_delete_section (LlStore  *self,
                         gint64    document_id,
                         gint64    section_id,
                         GError  **error)
{
  Edit edit = { .id = document_id, .other_id = section_id };

  g_return_val_if_fail (LL_IS_STORE (self), FALSE);
  return _ll_store_run_edit (self, edit_delete_section, &edit, error);
}

static gboolean
edit_order_sections (LlStore       *self,
                     gconstpointer  data,
                     GError       **error)
{
  const Edit *edit = data;

  for (guint i = 0; i < edit->n_ids; i++)
    {
      sqlite3_stmt *stmt = _ll_store_prepare (self,
                                              "UPDATE narrative_section SET position = ?2 "
                                              "WHERE id = ?1 AND document_id = ?3", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, edit->ids[i]);
      sqlite3_bind_int (stmt, 2, i);
      sqlite3_bind_int64 (stmt, 3, edit->id);
      if (!_ll_store_step_done (self, stmt, error))
        return FALSE;
    }
  return _ll_store_touch_document_id (self, edit->id, error);
}

gboolean
ll_store_order_sections (LlStore       *self,
                         gint64         document_id,
                         const gint64  *ids,
                         guint          n_ids,
                         GError       **error)
{
  Edit edit = { .id = document_id, .ids = ids, .n_ids = n_ids };

  g_return_val_if_fail (LL_IS_STORE (self), FALSE);
  return _ll_store_run_edit (self, edit_order_sections, &edit, error);
}

static gboolean
edit_insert_revision (LlStore       *self,
                      gconstpointer  data,
                      GError       **error)
{
  Edit *edit = (Edit *) data;
  sqlite3_stmt *stmt;

  /* Revisions are ordered by time; the ID breaks ties within a second. */
  stmt = _ll_store_prepare (self,
                            "INSERT INTO revision (document_id, created, kind, name, title, words) "
                            "SELECT ?1, COALESCE (?5, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), ?2, ?3, title, ?4 "
                            "FROM document WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  sqlite3_bind_text (stmt, 2, edit->a, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, edit->b ? edit->b : "", -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, edit->words);
  sqlite3_bind_text (stmt, 5, edit->c, -1, SQLITE_STATIC);
  if (!_ll_store_step_done (self, stmt, error))
    return FALSE;
  edit->other_id = sqlite3_last_insert_rowid (self->db);

  stmt = _ll_store_prepare (self,
                            "INSERT INTO revision_section (revision_id, position, title, prompts, body) "
                            "SELECT ?1, ROW_NUMBER () OVER (ORDER BY position, id) - 1, title, prompts, body "
                            "FROM narrative_section WHERE document_id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->other_id);
  sqlite3_bind_int64 (stmt, 2, edit->id);
  return _ll_store_step_done (self, stmt, error);
}

gint64
ll_store_insert_revision (LlStore     *self,
                          gint64       document_id,
                          const char  *kind,
                          const char  *name,
                          guint        words,
                          GError     **error)
{
  return ll_store_insert_revision_dated (self, document_id, kind, name, words, NULL, error);
}

gint64
ll_store_insert_revision_dated (LlStore     *self,
                                gint64       document_id,
                                const char  *kind,
                                const char  *name,
                                guint        words,
                                const char  *created,
                                GError     **error)
{
  Edit edit = { .id = document_id, .a = kind, .b = name, .words = words, .c = created };

  g_return_val_if_fail (LL_IS_STORE (self), 0);
  if (!_ll_store_run_edit (self, edit_insert_revision, &edit, error))
    return 0;
  return edit.other_id;
}

static gpointer
make_revision (sqlite3_stmt *stmt)
{
  LlStoreRevision *row = g_new0 (LlStoreRevision, 1);

  row->id = sqlite3_column_int64 (stmt, 0);
  row->created = column_dup (stmt, 1);
  row->kind = column_dup (stmt, 2);
  row->name = column_dup (stmt, 3);
  row->title = column_dup (stmt, 4);
  row->words = sqlite3_column_int (stmt, 5);
  return row;
}

GPtrArray *
ll_store_list_revisions (LlStore  *self,
                         gint64    document_id,
                         GError  **error)
{
  return list_rows (self,
                    "SELECT id, created, kind, name, title, words FROM revision "
                    "WHERE document_id = ?1 ORDER BY created DESC, id DESC",
                    document_id, make_revision, (GDestroyNotify) ll_store_revision_free, error);
}

GPtrArray *
ll_store_list_revision_sections (LlStore  *self,
                                 gint64    revision_id,
                                 GError  **error)
{
  return list_rows (self,
                    "SELECT position, title, prompts, body FROM revision_section "
                    "WHERE revision_id = ?1 ORDER BY position",
                    revision_id, make_section, (GDestroyNotify) ll_store_section_free, error);
}

static gboolean
edit_replace_sections (LlStore       *self,
                       gconstpointer  data,
                       GError       **error)
{
  const Edit *edit = data;
  sqlite3_stmt *stmt = _ll_store_prepare (self, "DELETE FROM narrative_section WHERE document_id = ?1",
                                          error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  if (!_ll_store_step_done (self, stmt, error))
    return FALSE;
  stmt = _ll_store_prepare (self,
                            "INSERT INTO narrative_section (document_id, position, title, prompts, body) "
                            "SELECT ?1, position, title, prompts, body FROM revision_section "
                            "WHERE revision_id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  sqlite3_bind_int64 (stmt, 2, edit->other_id);
  return _ll_store_step_done (self, stmt, error)
    && _ll_store_touch_document_id (self, edit->id, error);
}

gboolean
ll_store_replace_sections_from_revision (LlStore  *self,
                                         gint64    document_id,
                                         gint64    revision_id,
                                         GError  **error)
{
  Edit edit = { .id = document_id, .other_id = revision_id };

  g_return_val_if_fail (LL_IS_STORE (self), FALSE);
  return _ll_store_run_edit (self, edit_replace_sections, &edit, error);
}

gint64
ll_store_count_lost_narratives (LlStore *self)
{
  g_return_val_if_fail (LL_IS_STORE (self), -1);
  return _ll_store_count_rows (self->db,
                               "SELECT count(*) FROM document WHERE kind = 'vision' "
                               "AND id NOT IN (SELECT document_id FROM narrative)");
}
