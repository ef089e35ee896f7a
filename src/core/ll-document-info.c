/* ll-document-info.c: one entry in a workbook's list of documents */
#define G_LOG_DOMAIN "ll-document-info"

#include "config.h"

#include "ll-document-info-private.h"

struct _LlDocumentInfo
{
  GObject  parent_instance;
  char    *kind;
  gint64   id;
  char    *title;
};

G_DEFINE_FINAL_TYPE (LlDocumentInfo, ll_document_info, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_ID,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ll_document_info_finalize (GObject *object)
{
  LlDocumentInfo *self = LL_DOCUMENT_INFO (object);

  g_free (self->kind);
  g_free (self->title);
  G_OBJECT_CLASS (ll_document_info_parent_class)->finalize (object);
}

static void
ll_document_info_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LlDocumentInfo *self = LL_DOCUMENT_INFO (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_document_info_class_init (LlDocumentInfoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ll_document_info_finalize;
  object_class->get_property = ll_document_info_get_property;

  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ll_document_info_init (LlDocumentInfo *self)
{
}

LlDocumentInfo *
_ll_document_info_new (const char *kind,
                       gint64      id,
                       const char *title)
{
  LlDocumentInfo *self = g_object_new (LL_TYPE_DOCUMENT_INFO, NULL);

  self->kind = g_strdup (kind);
  self->id = id;
  self->title = g_strdup (title);
  return self;
}

void
_ll_document_info_set_title (LlDocumentInfo *self,
                             const char     *title)
{
  if (g_strcmp0 (self->title, title) == 0)
    return;
  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
ll_document_info_get_kind (LlDocumentInfo *self)
{
  g_return_val_if_fail (LL_IS_DOCUMENT_INFO (self), NULL);
  return self->kind;
}

gint64
ll_document_info_get_id (LlDocumentInfo *self)
{
  g_return_val_if_fail (LL_IS_DOCUMENT_INFO (self), 0);
  return self->id;
}

const char *
ll_document_info_get_title (LlDocumentInfo *self)
{
  g_return_val_if_fail (LL_IS_DOCUMENT_INFO (self), NULL);
  return self->title;
}
