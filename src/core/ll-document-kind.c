/* ll-document-kind.c: what each kind of document does for the workbook */
#define G_LOG_DOMAIN "ll-document-kind"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ll-document-kind-private.h"
#include "ll-error.h"

G_DEFINE_INTERFACE (LlDocumentKind, ll_document_kind, G_TYPE_OBJECT)

/* What every kind holds, whatever its type: its workbook (which holds
 * the kind, so it is not a reference) and its share of the list. */
typedef struct
{
  LlWorkbook *workbook;
  GListStore *documents;
} KindData;

static GQuark
kind_data_quark (void)
{
  return g_quark_from_static_string ("ll-document-kind-data");
}

static void
kind_data_free (gpointer data)
{
  KindData *kind = data;

  g_clear_object (&kind->documents);
  g_free (kind);
}

static KindData *
get_data (LlDocumentKind *self)
{
  KindData *kind = g_object_get_qdata (G_OBJECT (self), kind_data_quark ());

  if (kind == NULL)
    {
      kind = g_new0 (KindData, 1);
      kind->documents = g_list_store_new (LL_TYPE_DOCUMENT_INFO);
      g_object_set_qdata_full (G_OBJECT (self), kind_data_quark (), kind, kind_data_free);
    }
  return kind;
}

static gboolean
find_info (LlDocumentKind *self,
           gint64          id,
           guint          *position)
{
  GListModel *documents = G_LIST_MODEL (get_data (self)->documents);
  guint n = g_list_model_get_n_items (documents);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LlDocumentInfo) info = g_list_model_get_item (documents, i);

      if (ll_document_info_get_id (info) == id)
        {
          if (position != NULL)
            *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

static const char * const *
real_get_tables (LlDocumentKind *self)
{
  static const char * const none[] = { NULL };

  return none;
}

static gboolean
real_load (LlDocumentKind  *self,
           LlWorkbook      *workbook,
           GError         **error)
{
  return TRUE;
}

static GPtrArray *
real_list_documents (LlDocumentKind  *self,
                     GError         **error)
{
  GListModel *documents = G_LIST_MODEL (get_data (self)->documents);
  guint n = g_list_model_get_n_items (documents);
  GPtrArray *array = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (array, g_list_model_get_item (documents, i));
  return array;
}

static gboolean
real_owns (LlDocumentKind *self,
           gint64          id)
{
  return find_info (self, id, NULL);
}

static char *
real_dup_name (LlDocumentKind *self,
               gint64          id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static gboolean
real_id_from_name (LlDocumentKind *self,
                   const char     *name,
                   gint64         *id)
{
  gint64 number;

  if (!g_ascii_string_to_signed (name, 10, 1, G_MAXINT64, &number, NULL)
      || !ll_document_kind_owns (self, number))
    return FALSE;
  *id = number;
  return TRUE;
}

static gboolean
real_check (LlDocumentKind *self,
            LlStore        *store,
            GString        *report)
{
  return TRUE;
}

static gboolean
real_add_sample (LlDocumentKind  *self,
                 LlStore         *store,
                 guint            scale,
                 GError         **error)
{
  return TRUE;
}

static gint64
real_import_doc (LlDocumentKind  *self,
                 LlDoc           *doc,
                 GError         **error)
{
  g_set_error_literal (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_INVALID,
                       _("Documents of this kind cannot be imported."));
  return 0;
}

static void
ll_document_kind_default_init (LlDocumentKindInterface *iface)
{
  iface->get_tables = real_get_tables;
  iface->load = real_load;
  iface->list_documents = real_list_documents;
  iface->owns = real_owns;
  iface->dup_name = real_dup_name;
  iface->id_from_name = real_id_from_name;
  iface->check = real_check;
  iface->add_sample = real_add_sample;
  iface->import_doc = real_import_doc;
}

const char *
ll_document_kind_get_id (LlDocumentKind *self)
{
  g_return_val_if_fail (LL_IS_DOCUMENT_KIND (self), NULL);
  return LL_DOCUMENT_KIND_GET_IFACE (self)->get_id (self);
}

const char * const *
ll_document_kind_get_tables (LlDocumentKind *self)
{
  g_return_val_if_fail (LL_IS_DOCUMENT_KIND (self), NULL);
  return LL_DOCUMENT_KIND_GET_IFACE (self)->get_tables (self);
}

LlWorkbook *
ll_document_kind_get_workbook (LlDocumentKind *self)
{
  g_return_val_if_fail (LL_IS_DOCUMENT_KIND (self), NULL);
  return get_data (self)->workbook;
}

GListModel *
ll_document_kind_get_documents (LlDocumentKind *self)
{
  g_return_val_if_fail (LL_IS_DOCUMENT_KIND (self), NULL);
  return G_LIST_MODEL (get_data (self)->documents);
}

GPtrArray *
ll_document_kind_list_documents (LlDocumentKind  *self,
                                 GError         **error)
{
  g_return_val_if_fail (LL_IS_DOCUMENT_KIND (self), NULL);
  return LL_DOCUMENT_KIND_GET_IFACE (self)->list_documents (self, error);
}

gboolean
ll_document_kind_owns (LlDocumentKind *self,
                       gint64          id)
{
  g_return_val_if_fail (LL_IS_DOCUMENT_KIND (self), FALSE);
  return LL_DOCUMENT_KIND_GET_IFACE (self)->owns (self, id);
}

char *
ll_document_kind_dup_name (LlDocumentKind *self,
                           gint64          id)
{
  g_return_val_if_fail (LL_IS_DOCUMENT_KIND (self), NULL);
  return LL_DOCUMENT_KIND_GET_IFACE (self)->dup_name (self, id);
}

gboolean
ll_document_kind_id_from_name (LlDocumentKind *self,
                               const char     *name,
                               gint64         *id)
{
  g_return_val_if_fail (LL_IS_DOCUMENT_KIND (self), FALSE);
  g_return_val_if_fail (name != NULL && id != NULL, FALSE);
  return LL_DOCUMENT_KIND_GET_IFACE (self)->id_from_name (self, name, id);
}

LlDoc *
ll_document_kind_build_doc (LlDocumentKind  *self,
                            gint64           id,
                            GError         **error)
{
  g_return_val_if_fail (LL_IS_DOCUMENT_KIND (self), NULL);
  g_return_val_if_fail (get_data (self)->workbook != NULL, NULL);
  return LL_DOCUMENT_KIND_GET_IFACE (self)->build_doc (self, id, error);
}

gboolean
ll_document_kind_check (LlDocumentKind *self,
                        LlStore        *store,
                        GString        *report)
{
  g_return_val_if_fail (LL_IS_DOCUMENT_KIND (self), FALSE);
  return LL_DOCUMENT_KIND_GET_IFACE (self)->check (self, store, report);
}

gboolean
ll_document_kind_add_sample (LlDocumentKind  *self,
                             LlStore         *store,
                             guint            scale,
                             GError         **error)
{
  g_return_val_if_fail (LL_IS_DOCUMENT_KIND (self), FALSE);
  return LL_DOCUMENT_KIND_GET_IFACE (self)->add_sample (self, store, scale, error);
}

gboolean
_ll_document_kind_load (LlDocumentKind  *self,
                        LlWorkbook      *workbook,
                        GError         **error)
{
  get_data (self)->workbook = workbook;
  return LL_DOCUMENT_KIND_GET_IFACE (self)->load (self, workbook, error);
}

void
_ll_document_kind_add_info (LlDocumentKind *self,
                            LlDocumentInfo *info)
{
  g_list_store_append (get_data (self)->documents, info);
}

void
_ll_document_kind_remove_info (LlDocumentKind *self,
                               gint64          id)
{
  guint position;

  if (find_info (self, id, &position))
    g_list_store_remove (get_data (self)->documents, position);
}

gboolean
ll_document_kind_can_import (LlDocumentKind *self)
{
  g_return_val_if_fail (LL_IS_DOCUMENT_KIND (self), FALSE);
  return LL_DOCUMENT_KIND_GET_IFACE (self)->import_doc != real_import_doc;
}

gint64
ll_document_kind_import_doc (LlDocumentKind  *self,
                             LlDoc           *doc,
                             GError         **error)
{
  g_return_val_if_fail (LL_IS_DOCUMENT_KIND (self), 0);
  g_return_val_if_fail (doc != NULL && doc->body != NULL, 0);
  return LL_DOCUMENT_KIND_GET_IFACE (self)->import_doc (self, doc, error);
}
