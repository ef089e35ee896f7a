/* ll-sample.c: the sample workbook, a fictional school made by code
 *
 * Every kind of document adds its own sample content (its add_sample in
 * ll-document-kind.h), so that a new user can see how the pieces fit
 * together, and so that the benchmarks can make a workbook of any size.
 * Names and places are invented.
 */
#define G_LOG_DOMAIN "ll-sample"

#include "config.h"

#include <glib/gstdio.h>

#include "ll-document-kind-private.h"
#include "ll-sample.h"

/**
 * ll_sample_generate:
 * Writes the sample workbook; a failure removes the half-made file, so
 * that none is left behind.
 */
gboolean
ll_sample_generate (const char  *path,
                    guint        scale,
                    GError     **error)
{
  g_autoptr(LlStore) store = NULL;
  g_autoptr(GPtrArray) kinds = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  if (scale < 1)
    scale = 1;
  store = ll_store_create (path, error);
  if (store == NULL)
    return FALSE;
  /* in the order of the table: the school and its people come first,
   * and the kinds after them use the people */
  kinds = _ll_document_kinds_new ();
  for (guint i = 0; i < kinds->len; i++)
    if (!ll_document_kind_add_sample (g_ptr_array_index (kinds, i), store, scale, error))
      {
        ll_store_close (store);
        g_unlink (path);
        return FALSE;
      }
  ll_store_close (store);
  return TRUE;
}
