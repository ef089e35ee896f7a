/* ll-revision.c: a saved state of a vision narrative */
#define G_LOG_DOMAIN "ll-revision"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ll-narrative-private.h"
#include "ll-store-narrative.h"

struct _LlRevision
{
  GObject         parent_instance;
  gint64          id;
  LlRevisionKind  kind;
  char           *name;
  char           *label;
  GDateTime      *created;
  guint           words;
};

G_DEFINE_FINAL_TYPE (LlRevision, ll_revision, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_NAME,
  PROP_LABEL,
  PROP_CREATED,
  PROP_WORDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ll_revision_finalize (GObject *object)
{
  LlRevision *self = LL_REVISION (object);

  g_free (self->name);
  g_free (self->label);
  g_clear_pointer (&self->created, g_date_time_unref);
  G_OBJECT_CLASS (ll_revision_parent_class)->finalize (object);
}

static void
ll_revision_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LlRevision *self = LL_REVISION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;
    case PROP_WORDS:
      g_value_set_uint (value, self->words);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_revision_class_init (LlRevisionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ll_revision_finalize;
  object_class->get_property = ll_revision_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_KIND] = g_param_spec_int ("kind", NULL, NULL, 0, LL_REVISION_BEFORE_RESTORE, 0, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, flags);
  properties[PROP_CREATED] = g_param_spec_boxed ("created", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_WORDS] = g_param_spec_uint ("words", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ll_revision_init (LlRevision *self)
{
}

LlRevision *
_ll_revision_new (const LlStoreRevision *row)
{
  LlRevision *self = g_object_new (LL_TYPE_REVISION, NULL);
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (row->created, NULL);

  self->id = row->id;
  if (g_strcmp0 (row->kind, "named") == 0)
    self->kind = LL_REVISION_NAMED;
  else if (g_strcmp0 (row->kind, "before-restore") == 0)
    self->kind = LL_REVISION_BEFORE_RESTORE;
  else
    self->kind = LL_REVISION_SESSION;
  self->name = g_strdup (row->name);
  self->words = row->words;
  self->created = utc ? g_date_time_to_local (utc) : g_date_time_new_now_local ();

  if (self->kind == LL_REVISION_NAMED && row->name[0] != '\0')
    self->label = g_strdup (row->name);
  else if (self->kind == LL_REVISION_BEFORE_RESTORE)
    self->label = row->name[0] != '\0'
      /* Translators: %s is the name of the revision that was restored */
      ? g_strdup_printf (_("Before restoring “%s”"), row->name)
      : g_strdup (_("Before restoring an earlier revision"));
  else
    self->label = g_strdup (_("Start of a writing session"));
  return self;
}

gint64
ll_revision_get_id (LlRevision *self)
{
  g_return_val_if_fail (LL_IS_REVISION (self), 0);
  return self->id;
}

LlRevisionKind
ll_revision_get_kind (LlRevision *self)
{
  g_return_val_if_fail (LL_IS_REVISION (self), LL_REVISION_SESSION);
  return self->kind;
}

const char *
ll_revision_get_name (LlRevision *self)
{
  g_return_val_if_fail (LL_IS_REVISION (self), NULL);
  return self->name;
}

const char *
ll_revision_get_label (LlRevision *self)
{
  g_return_val_if_fail (LL_IS_REVISION (self), NULL);
  return self->label;
}

GDateTime *
ll_revision_get_created (LlRevision *self)
{
  g_return_val_if_fail (LL_IS_REVISION (self), NULL);
  return self->created;
}

guint
ll_revision_get_words (LlRevision *self)
{
  g_return_val_if_fail (LL_IS_REVISION (self), 0);
  return self->words;
}
