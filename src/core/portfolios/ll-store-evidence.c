/* ll-store-evidence.c: the evidence files of portfolios in the store (see
 * migration 7). The bytes live in their own table and move through
 * SQLite's incremental blob I/O, a chunk at a time, so that a large file
 * is never held whole in memory and a list never reads them. */
#define G_LOG_DOMAIN "ll-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ll-store-evidence.h"
#include "ll-store-private.h"

/* The size of each piece read or written */
#define CHUNK_SIZE (256 * 1024)

void
ll_store_evidence_free (LlStoreEvidence *evidence)
{
  if (evidence == NULL)
    return;
  g_free (evidence->name);
  g_free (evidence->mime_type);
  g_free (evidence->sha256);
  g_free (evidence->caption);
  g_free (evidence->added);
  g_free (evidence);
}

#define EVIDENCE_COLUMNS \
  "id, document_id, entry_id, name, mime_type, size, sha256, caption, added, position"

static gpointer
make_evidence (sqlite3_stmt *stmt)
{
  LlStoreEvidence *row = g_new0 (LlStoreEvidence, 1);

  row->id = sqlite3_column_int64 (stmt, 0);
  row->document_id = sqlite3_column_int64 (stmt, 1);
  row->entry_id = sqlite3_column_int64 (stmt, 2);
  row->name = _ll_store_column_string (stmt, 3);
  row->mime_type = _ll_store_column_string (stmt, 4);
  row->size = sqlite3_column_int64 (stmt, 5);
  row->sha256 = _ll_store_column_string (stmt, 6);
  row->caption = _ll_store_column_string (stmt, 7);
  row->added = _ll_store_column_string (stmt, 8);
  row->position = sqlite3_column_int64 (stmt, 9);
  return row;
}

GPtrArray *
ll_store_list_evidence (LlStore  *self,
                        gint64    document_id,
                        GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LL_IS_STORE (self), NULL);

  stmt = _ll_store_prepare (self, "SELECT " EVIDENCE_COLUMNS " FROM evidence WHERE document_id = ?1"
                            " ORDER BY position, id", error);
  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, document_id);
  return _ll_store_collect (self, stmt, make_evidence, (GDestroyNotify) ll_store_evidence_free, error);
}

typedef struct
{
  LlStoreEvidence *row;
  GInputStream    *stream;
  GCancellable    *cancellable;
} Insert;

static void
set_size_changed_error (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("The file changed while it was being added; try again when it is finished."));
}

/* Streams the bytes into the zeroblob made for them, hashing them. */
static gboolean
copy_in (LlStore    *self,
         Insert     *insert,
         GError    **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guint8 *buffer = g_malloc (CHUNK_SIZE);
  sqlite3_blob *blob = NULL;
  gint64 done = 0;
  int rc;

  rc = sqlite3_blob_open (self->db, "main", "evidence_data", "data", insert->row->id, 1, &blob);
  if (rc != SQLITE_OK)
    {
      _ll_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  for (;;)
    {
      gsize n = 0;

      if (!g_input_stream_read_all (insert->stream, buffer, CHUNK_SIZE, &n, insert->cancellable, error))
        {
          sqlite3_blob_close (blob);
          return FALSE;
        }
      if (n == 0)
        break;
      if ((gint64) n > insert->row->size - done)
        {
          sqlite3_blob_close (blob);
          set_size_changed_error (error);
          return FALSE;
        }
      g_checksum_update (checksum, buffer, n);
      rc = sqlite3_blob_write (blob, buffer, (int) n, (int) done);
      if (rc != SQLITE_OK)
        {
          sqlite3_blob_close (blob);
          _ll_store_set_sqlite_error (self, rc, error);
          return FALSE;
        }
      done += n;
    }
  rc = sqlite3_blob_close (blob);
  if (rc != SQLITE_OK)
    {
      _ll_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  if (done != insert->row->size)
    {
      set_size_changed_error (error);
      return FALSE;
    }
  g_free (insert->row->sha256);
  insert->row->sha256 = g_strdup (g_checksum_get_string (checksum));
  return TRUE;
}

static gboolean
edit_insert_evidence (LlStore       *self,
                      gconstpointer  data,
                      GError       **error)
{
  Insert *insert = (Insert *) data;
  LlStoreEvidence *row = insert->row;
  sqlite3_stmt *stmt;
  g_autoptr(GPtrArray) rows = NULL;

  /* the checksum is known only once every byte is in */
  stmt = _ll_store_prepare (self, "INSERT INTO evidence (document_id, entry_id, name, mime_type, size, sha256,"
                            " caption, position) VALUES (?1, ?2, ?3, ?4, ?5, '', ?6,"
                            " (SELECT coalesce (max (position) + 1, 0) FROM evidence WHERE document_id = ?1))",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, row->document_id);
  _ll_store_bind_id_or_null (stmt, 2, row->entry_id);
  sqlite3_bind_text (stmt, 3, row->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, row->mime_type, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, row->size);
  sqlite3_bind_text (stmt, 6, row->caption != NULL ? row->caption : "", -1, SQLITE_STATIC);
  if (!_ll_store_step_done (self, stmt, error))
    return FALSE;
  row->id = sqlite3_last_insert_rowid (self->db);

  stmt = _ll_store_prepare (self, "INSERT INTO evidence_data (evidence_id, data) VALUES (?1, zeroblob (?2))",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, row->id);
  sqlite3_bind_int64 (stmt, 2, row->size);
  if (!_ll_store_step_done (self, stmt, error) || !copy_in (self, insert, error))
    return FALSE;

  stmt = _ll_store_prepare (self, "UPDATE evidence SET sha256 = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, row->id);
  sqlite3_bind_text (stmt, 2, row->sha256, -1, SQLITE_STATIC);
  if (!_ll_store_step_done (self, stmt, error))
    return FALSE;

  /* what the database gave it: its time and position */
  stmt = _ll_store_prepare (self, "SELECT " EVIDENCE_COLUMNS " FROM evidence WHERE id = ?1", error);
  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, row->id);
  rows = _ll_store_collect (self, stmt, make_evidence, (GDestroyNotify) ll_store_evidence_free, error);
  if (rows == NULL || rows->len != 1)
    {
      if (rows != NULL)
        _ll_store_set_sqlite_error (self, SQLITE_NOTFOUND, error);
      return FALSE;
    }
  g_free (row->added);
  row->added = g_strdup (((LlStoreEvidence *) g_ptr_array_index (rows, 0))->added);
  row->position = ((LlStoreEvidence *) g_ptr_array_index (rows, 0))->position;
  return _ll_store_touch_document_id (self, row->document_id, error);
}

gboolean
ll_store_insert_evidence (LlStore          *self,
                          LlStoreEvidence  *row,
                          GInputStream     *stream,
                          GCancellable     *cancellable,
                          GError          **error)
{
  Insert insert = { .row = row, .stream = stream, .cancellable = cancellable };
  gint64 saved_id = row->id;

  g_return_val_if_fail (LL_IS_STORE (self), FALSE);
  g_return_val_if_fail (row != NULL && row->name != NULL && row->mime_type != NULL, FALSE);
  g_return_val_if_fail (row->size >= 0 && row->size <= G_MAXINT, FALSE);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), FALSE);

  if (!_ll_store_run_edit (self, edit_insert_evidence, &insert, error))
    {
      row->id = saved_id;
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  gint64      id;
  gint64      number;
  const char *text;
} Edit;

static gboolean
touch_evidence_document (LlStore  *self,
                         gint64    id,
                         GError  **error)
{
  sqlite3_stmt *stmt = _ll_store_prepare (self, "UPDATE document SET modified = strftime('%Y-%m-%dT%H:%M:%SZ',"
                                          " 'now') WHERE id = (SELECT document_id FROM evidence WHERE id = ?1)",
                                          error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return _ll_store_step_done (self, stmt, error);
}

/* Runs @stmt, which must change the one row of evidence @id. */
static gboolean
step_one (LlStore       *self,
          sqlite3_stmt  *stmt,
          GError       **error)
{
  if (!_ll_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) != 1)
    {
      _ll_store_set_sqlite_error (self, SQLITE_NOTFOUND, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
edit_update_caption (LlStore       *self,
                     gconstpointer  data,
                     GError       **error)
{
  const Edit *edit = data;
  sqlite3_stmt *stmt = _ll_store_prepare (self, "UPDATE evidence SET caption = ?2 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  sqlite3_bind_text (stmt, 2, edit->text != NULL ? edit->text : "", -1, SQLITE_STATIC);
  return step_one (self, stmt, error) && touch_evidence_document (self, edit->id, error);
}

gboolean
ll_store_update_evidence_caption (LlStore     *self,
                                  gint64       id,
                                  const char  *caption,
                                  GError     **error)
{
  Edit edit = { .id = id, .text = caption };

  g_return_val_if_fail (LL_IS_STORE (self), FALSE);
  return _ll_store_run_edit (self, edit_update_caption, &edit, error);
}

static gboolean
edit_update_entry (LlStore       *self,
                   gconstpointer  data,
                   GError       **error)
{
  const Edit *edit = data;
  /* only an entry of the same portfolio */
  sqlite3_stmt *stmt = _ll_store_prepare (self, "UPDATE evidence SET entry_id = ?2 WHERE id = ?1"
                                          " AND (?2 IS NULL OR ?2 IN (SELECT e.id FROM portfolio_entry e"
                                          "   WHERE e.document_id = evidence.document_id))", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  _ll_store_bind_id_or_null (stmt, 2, edit->number);
  return step_one (self, stmt, error) && touch_evidence_document (self, edit->id, error);
}

gboolean
ll_store_update_evidence_entry (LlStore  *self,
                                gint64    id,
                                gint64    entry_id,
                                GError  **error)
{
  Edit edit = { .id = id, .number = entry_id };

  g_return_val_if_fail (LL_IS_STORE (self), FALSE);
  return _ll_store_run_edit (self, edit_update_entry, &edit, error);
}

static gboolean
edit_delete_evidence (LlStore       *self,
                      gconstpointer  data,
                      GError       **error)
{
  const Edit *edit = data;
  sqlite3_stmt *stmt;

  if (!touch_evidence_document (self, edit->id, error))
    return FALSE;
  /* the bytes go with it (ON DELETE CASCADE) */
  stmt = _ll_store_prepare (self, "DELETE FROM evidence WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  return step_one (self, stmt, error);
}

gboolean
ll_store_delete_evidence (LlStore  *self,
                          gint64    id,
                          GError  **error)
{
  Edit edit = { .id = id };

  g_return_val_if_fail (LL_IS_STORE (self), FALSE);
  return _ll_store_run_edit (self, edit_delete_evidence, &edit, error);
}

/* Opens the bytes of evidence @id for reading. */
static sqlite3_blob *
open_blob (LlStore  *self,
           gint64    id,
           GError  **error)
{
  sqlite3_blob *blob = NULL;
  int rc = sqlite3_blob_open (self->db, "main", "evidence_data", "data", id, 0, &blob);

  if (rc != SQLITE_OK)
    {
      sqlite3_blob_close (blob);
      _ll_store_set_sqlite_error (self, rc == SQLITE_ERROR ? SQLITE_NOTFOUND : rc, error);
      return NULL;
    }
  return blob;
}

GBytes *
ll_store_read_evidence_bytes (LlStore  *self,
                              gint64    id,
                              GError  **error)
{
  sqlite3_blob *blob;
  guint8 *data;
  int size;
  int rc;

  g_return_val_if_fail (LL_IS_STORE (self), NULL);

  blob = open_blob (self, id, error);
  if (blob == NULL)
    return NULL;
  size = sqlite3_blob_bytes (blob);
  data = g_malloc (MAX (size, 1));
  rc = sqlite3_blob_read (blob, data, size, 0);
  sqlite3_blob_close (blob);
  if (rc != SQLITE_OK)
    {
      g_free (data);
      _ll_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_bytes_new_take (data, (gsize) size);
}

/* Reads the bytes of @id a chunk at a time, passing each to @sink (or
 * only hashing them when it is NULL); their SHA-256 into @sha256 if
 * given. */
static gboolean
stream_out (LlStore        *self,
            gint64          id,
            GOutputStream  *sink,
            GCancellable   *cancellable,
            gint64         *size,
            char          **sha256,
            GError        **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guint8 *buffer = NULL;
  sqlite3_blob *blob;
  int total;

  blob = open_blob (self, id, error);
  if (blob == NULL)
    return FALSE;
  buffer = g_malloc (CHUNK_SIZE);
  total = sqlite3_blob_bytes (blob);
  for (int done = 0; done < total;)
    {
      int n = MIN (CHUNK_SIZE, total - done);
      int rc = sqlite3_blob_read (blob, buffer, n, done);

      if (rc != SQLITE_OK)
        {
          sqlite3_blob_close (blob);
          _ll_store_set_sqlite_error (self, rc, error);
          return FALSE;
        }
      if (sha256 != NULL)
        g_checksum_update (checksum, buffer, (gssize) n);
      if (sink != NULL && !g_output_stream_write_all (sink, buffer, (gsize) n, NULL, cancellable, error))
        {
          sqlite3_blob_close (blob);
          return FALSE;
        }
      done += n;
    }
  sqlite3_blob_close (blob);
  if (size != NULL)
    *size = total;
  if (sha256 != NULL)
    *sha256 = g_strdup (g_checksum_get_string (checksum));
  return TRUE;
}

gboolean
ll_store_write_evidence_to (LlStore        *self,
                            gint64          id,
                            GOutputStream  *stream,
                            GCancellable   *cancellable,
                            GError        **error)
{
  g_return_val_if_fail (LL_IS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  return stream_out (self, id, stream, cancellable, NULL, NULL, error);
}

gint64
ll_store_count_bad_evidence (LlStore *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;
  gint64 bad = 0;

  g_return_val_if_fail (LL_IS_STORE (self), -1);

  /* a table the file does not have yet has nothing wrong in it */
  if (sqlite3_table_column_metadata (self->db, "main", "evidence", NULL, NULL, NULL, NULL, NULL, NULL)
      != SQLITE_OK)
    return 0;
  stmt = _ll_store_prepare (self, "SELECT " EVIDENCE_COLUMNS " FROM evidence ORDER BY id", NULL);
  rows = _ll_store_collect (self, stmt, make_evidence, (GDestroyNotify) ll_store_evidence_free, NULL);
  if (rows == NULL)
    return -1;
  for (guint i = 0; i < rows->len; i++)
    {
      LlStoreEvidence *row = g_ptr_array_index (rows, i);
      g_autofree char *sha256 = NULL;
      gint64 size = -1;

      if (!stream_out (self, row->id, NULL, NULL, &size, &sha256, NULL)
          || size != row->size || g_strcmp0 (sha256, row->sha256) != 0)
        bad++;
    }
  return bad;
}

gint64
ll_store_count_pages_read (LlStore *self)
{
  int current = 0, highest = 0;

  g_return_val_if_fail (LL_IS_STORE (self), -1);
  if (sqlite3_db_status (self->db, SQLITE_DBSTATUS_CACHE_MISS, &current, &highest, 0) != SQLITE_OK)
    return -1;
  return current;
}
