/* ll-docbook-async.c: DocBook export and import off the main thread
 *
 * What runs in the worker thread touches only data that the task owns: an
 * LlDoc (plain memory, no GObject) or a path. The workbook is never seen
 * here; the caller builds the tree on the main thread before writing, and
 * adds what was read to the workbook on the main thread afterwards.
 *
 * libxml2 2.9 is thread-safe for separate documents once xmlInitParser()
 * has run, but xmlInitParser() itself is not safe to race, so the entry
 * points call it on the caller's thread before any worker starts. The
 * reader's error handlers (xmlSetStructuredErrorFunc and friends) are per
 * thread in a threaded libxml2 build (LIBXML_THREAD_ENABLED, as Debian's),
 * so a worker's handlers never see, or silence, another thread's errors.
 */
#define G_LOG_DOMAIN "ll-docbook"

#include "config.h"

#include <libxml/parser.h>

#include "ll-docbook.h"
#include "ll-docbook-private.h"

static void
ensure_xml_initialised (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      xmlInitParser ();
      g_once_init_leave (&once, 1);
    }
}

/* Writing ---------------------------------------------------------------- */

typedef struct
{
  LlDoc *doc;
  char  *path;
} WriteData;

static void
write_data_free (WriteData *data)
{
  g_clear_pointer (&data->doc, ll_doc_free);
  g_free (data->path);
  g_free (data);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(GPtrArray) media = NULL;
  gsize length = 0;

  if (g_task_return_error_if_cancelled (task))
    return;
  /* fragments are parsed here rather than on the main thread */
  if (!ll_docbook_resolve_fragments (data->doc, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  folder = ll_docbook_media_folder_name (data->path);
  xml = ll_docbook_write_string_with_media (data->doc, folder, &media, &length, &error);
  if (xml == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* The last moment to stop: past it the file is replaced, atomically,
   * and the result says so even if cancellation comes meanwhile. */
  if (g_task_return_error_if_cancelled (task))
    return;
  if (!ll_docbook_write_with_media (data->path, xml, length, media, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/**
 * ll_docbook_write_file_async:
 * @doc: (transfer full): the document, built on the main thread; fragments
 *   that it still holds are resolved in the worker
 *
 * Writes @doc to @path as ll_docbook_write_file() does (atomically), in a
 * worker thread. Cancelled before the file is replaced, it fails with
 * G_IO_ERROR_CANCELLED and leaves @path as it was; once the file has been
 * replaced, the result is success whatever the cancellable says.
 */
void
ll_docbook_write_file_async (LlDoc               *doc,
                             const char          *path,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteData *data;

  g_return_if_fail (doc != NULL);
  g_return_if_fail (path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  ensure_xml_initialised ();

  data = g_new0 (WriteData, 1);
  data->doc = doc;
  data->path = g_strdup (path);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ll_docbook_write_file_async);
  g_task_set_name (task, "[ll] write DocBook");
  g_task_set_task_data (task, data, (GDestroyNotify) write_data_free);
  /* what the thread reports is what happened to the file */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, write_thread);
}

gboolean
ll_docbook_write_file_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ll_docbook_write_file_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Reading ---------------------------------------------------------------- */

typedef struct
{
  LlDoc     *doc;
  GPtrArray *notes;
} ReadResult;

static void
read_result_free (ReadResult *result)
{
  g_clear_pointer (&result->doc, ll_doc_free);
  g_clear_pointer (&result->notes, g_ptr_array_unref);
  g_free (result);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(GError) error = NULL;
  ReadResult *result;

  if (g_task_return_error_if_cancelled (task))
    return;

  result = g_new0 (ReadResult, 1);
  result->doc = ll_docbook_read_file (path, &result->notes, &error);
  if (result->doc == NULL)
    {
      read_result_free (result);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, result, (GDestroyNotify) read_result_free);
}

/**
 * ll_docbook_read_file_async:
 *
 * Reads @path as ll_docbook_read_file() does, in a worker thread. When
 * @cancellable is cancelled, the callback comes at once with
 * G_IO_ERROR_CANCELLED; whatever the worker still reads is thrown away.
 */
void
ll_docbook_read_file_async (const char          *path,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  ensure_xml_initialised ();

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ll_docbook_read_file_async);
  g_task_set_name (task, "[ll] read DocBook");
  g_task_set_task_data (task, g_strdup (path), g_free);
  /* the worker owns all it touches, so it may be abandoned safely */
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, read_thread);
}

/**
 * ll_docbook_read_file_finish:
 * @notes: (out) (optional): as for ll_docbook_read_file(); appended to
 *   when *@notes is not NULL
 *
 * Returns: (transfer full): the document, or %NULL with @error set.
 */
LlDoc *
ll_docbook_read_file_finish (GAsyncResult  *result,
                             GPtrArray    **notes,
                             GError       **error)
{
  ReadResult *read;
  LlDoc *doc;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ll_docbook_read_file_async, NULL);

  read = g_task_propagate_pointer (G_TASK (result), error);
  if (read == NULL)
    return NULL;
  if (notes != NULL && read->notes != NULL)
    {
      if (*notes == NULL)
        *notes = g_steal_pointer (&read->notes);
      else
        for (guint i = 0; i < read->notes->len; i++)
          g_ptr_array_add (*notes, g_strdup (g_ptr_array_index (read->notes, i)));
    }
  doc = g_steal_pointer (&read->doc);
  read_result_free (read);
  return doc;
}
