/* ll-store-backup.c: copies of a workbook, made with SQLite's backup API
 * through the open connection, at once or in a worker with progress */
#define G_LOG_DOMAIN "ll-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ll-error.h"
#include "ll-store-private.h"

/* Pages copied in one step of a backup: small enough that an edit made
 * meanwhile on the main thread waits only for one step. */
#define BACKUP_STEP_PAGES 256

/* Copies @src to a new file at @path with the backup API, which reads
 * through the open connection (so it works when the workbook's own file
 * has been moved or deleted). @progress, when given, is called after each
 * step with the fraction done; @cancellable stops it between steps. */
static gboolean
backup_db_to_full (sqlite3        *src,
                   const char     *path,
                   GCancellable   *cancellable,
                   void          (*progress) (double fraction, gpointer data),
                   gpointer        progress_data,
                   GError        **error)
{
  g_autofree char *name = g_filename_display_basename (path);
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  gboolean cancelled = FALSE;
  int rc;

  if (!_ll_store_create_private_file (path, error))
    return FALSE;
  rc = sqlite3_open_v2 (path, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", src, "main");
      if (backup != NULL)
        {
          do
            {
              rc = sqlite3_backup_step (backup, BACKUP_STEP_PAGES);
              if (progress != NULL && sqlite3_backup_pagecount (backup) > 0)
                progress (1.0 - (double) sqlite3_backup_remaining (backup)
                                / sqlite3_backup_pagecount (backup), progress_data);
              cancelled = g_cancellable_is_cancelled (cancellable);
            }
          while (!cancelled && (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED));
          sqlite3_backup_finish (backup);
          rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
        }
      else
        rc = sqlite3_errcode (dest);
    }
  if (rc == SQLITE_OK && !cancelled)
    {
      _ll_store_wal_new_identity (dest);
      rc = sqlite3_exec (dest, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
    }
  if (cancelled || rc != SQLITE_OK)
    {
      if (cancelled)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The copy was stopped."));
      else
        g_set_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_IO,
                     _("The copy “%s” could not be written (%s)."), name, sqlite3_errstr (rc));
      sqlite3_close (dest);
      g_unlink (path);
      return FALSE;
    }
  sqlite3_close (dest);
  return TRUE;
}

gboolean
_ll_store_backup_db_to (sqlite3     *src,
                        const char  *path,
                        GError     **error)
{
  return backup_db_to_full (src, path, NULL, NULL, NULL, error);
}

gboolean
ll_store_backup_to (LlStore     *self,
                    const char  *path,
                    GError     **error)
{
  g_return_val_if_fail (LL_IS_STORE (self), FALSE);
  return _ll_store_backup_db_to (self->db, path, error);
}

typedef struct
{
  char               *path;
  LlStoreProgressFunc progress;
  gpointer            progress_data;
  GMainContext       *context;   /* where @progress runs */
  double              fraction;
  guint               progress_id;
  GMutex              lock;
} BackupData;

static void
backup_data_free (BackupData *data)
{
  g_free (data->path);
  g_main_context_unref (data->context);
  g_mutex_clear (&data->lock);
  g_free (data);
}

static gboolean
backup_report_progress (gpointer user_data)
{
  BackupData *data = user_data;
  double fraction;

  g_mutex_lock (&data->lock);
  fraction = data->fraction;
  data->progress_id = 0;
  g_mutex_unlock (&data->lock);
  data->progress (fraction, data->progress_data);
  return G_SOURCE_REMOVE;
}

/* In the worker: keep the latest fraction and have the caller's context
 * report it, at most once per main-loop turn. */
static void
backup_progress_in_worker (double   fraction,
                           gpointer user_data)
{
  GTask *task = user_data;
  BackupData *data = g_task_get_task_data (task);

  g_mutex_lock (&data->lock);
  data->fraction = fraction;
  if (data->progress_id == 0)
    {
      GSource *source = g_idle_source_new ();

      /* the task holds a reference to data until it completes, which is
       * also reported in this context, after this source */
      g_source_set_callback (source, backup_report_progress, data, NULL);
      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      data->progress_id = g_source_attach (source, data->context);
      g_source_unref (source);
    }
  g_mutex_unlock (&data->lock);
}

static void
backup_in_worker (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  LlStore *self = source_object;
  BackupData *data = task_data;
  GError *error = NULL;

  /* the connection is opened serialised (SQLITE_OPEN_FULLMUTEX), so the
   * main thread can go on writing to it between steps */
  if (backup_db_to_full (self->db, data->path, cancellable,
                         data->progress != NULL ? backup_progress_in_worker : NULL, task, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * ll_store_backup_to_async:
 * Writes a copy of the workbook to @path, as ll_store_backup_to() does, in a
 * worker thread. @progress (may be NULL) is called in the caller's main
 * context with the fraction copied so far. Cancelling removes what was
 * written.
 */
void
ll_store_backup_to_async (LlStore             *self,
                          const char          *path,
                          LlStoreProgressFunc  progress,
                          gpointer             progress_data,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  BackupData *data;

  g_return_if_fail (LL_IS_STORE (self));
  g_return_if_fail (path != NULL);

  data = g_new0 (BackupData, 1);
  data->path = g_strdup (path);
  data->progress = progress;
  data->progress_data = progress_data;
  data->context = g_main_context_ref_thread_default ();
  g_mutex_init (&data->lock);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ll_store_backup_to_async);
  /* a copy that was finished when the cancel came is reported as made */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, data, (GDestroyNotify) backup_data_free);
  g_task_run_in_thread (task, backup_in_worker);
}

gboolean
ll_store_backup_to_finish (LlStore       *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
