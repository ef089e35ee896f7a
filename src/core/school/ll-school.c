/* ll-school.c: the school a workbook belongs to */
#define G_LOG_DOMAIN "ll-school"

#include "config.h"

#include "ll-model-private.h"

struct _LlSchool
{
  GObject   parent_instance;
  LlStore   *store;
  LlPending *pending;
  char      *values[5];
};

G_DEFINE_FINAL_TYPE (LlSchool, ll_school, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_URN,
  PROP_PHASE,
  PROP_LOCAL_AUTHORITY,
  PROP_ADDRESS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The store's column for each property, in property order. */
static const char * const columns[] = { "name", "urn", "phase", "local_authority", "address" };

static void
ll_school_dispose (GObject *object)
{
  LlSchool *self = LL_SCHOOL (object);

  g_clear_object (&self->store);
  g_clear_object (&self->pending);
  G_OBJECT_CLASS (ll_school_parent_class)->dispose (object);
}

static void
ll_school_finalize (GObject *object)
{
  LlSchool *self = LL_SCHOOL (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->values); i++)
    g_free (self->values[i]);
  G_OBJECT_CLASS (ll_school_parent_class)->finalize (object);
}

static gboolean
write_field (GObject  *object,
             guint     i,
             GError  **error)
{
  LlSchool *self = LL_SCHOOL (object);

  if (self->store == NULL)
    return TRUE;
  return ll_store_set_school_field (self->store, columns[i], self->values[i], error);
}

static void
set_value (LlSchool   *self,
           guint       prop_id,
           const char *value)
{
  guint i = prop_id - PROP_NAME;

  if (value == NULL)
    value = "";
  if (g_strcmp0 (self->values[i], value) == 0)
    return;
  g_free (self->values[i]);
  self->values[i] = g_strdup (value);
  if (self->pending != NULL)
    ll_pending_schedule (self->pending, G_OBJECT (self), i, write_field);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
ll_school_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  LlSchool *self = LL_SCHOOL (object);

  if (prop_id >= PROP_NAME && prop_id < N_PROPS)
    g_value_set_string (value, self->values[prop_id - PROP_NAME]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
ll_school_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  LlSchool *self = LL_SCHOOL (object);

  if (prop_id >= PROP_NAME && prop_id < N_PROPS)
    set_value (self, prop_id, g_value_get_string (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
ll_school_class_init (LlSchoolClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = ll_school_dispose;
  object_class->finalize = ll_school_finalize;
  object_class->get_property = ll_school_get_property;
  object_class->set_property = ll_school_set_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", flags);
  properties[PROP_URN] = g_param_spec_string ("urn", NULL, NULL, "", flags);
  properties[PROP_PHASE] = g_param_spec_string ("phase", NULL, NULL, "", flags);
  properties[PROP_LOCAL_AUTHORITY] = g_param_spec_string ("local-authority", NULL, NULL, "", flags);
  properties[PROP_ADDRESS] = g_param_spec_string ("address", NULL, NULL, "", flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ll_school_init (LlSchool *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->values); i++)
    self->values[i] = g_strdup ("");
}

LlSchool *
_ll_school_new (LlStore   *store,
               LlPending *pending)
{
  LlSchool *self = g_object_new (LL_TYPE_SCHOOL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (self->values); i++)
    {
      g_free (self->values[i]);
      self->values[i] = ll_store_get_school_field (store, columns[i]);
    }
  self->store = g_object_ref (store);
  self->pending = g_object_ref (pending);
  return self;
}

#define DEFINE_FIELD(field, PROP) \
  const char * \
  ll_school_get_##field (LlSchool *self) \
  { \
    g_return_val_if_fail (LL_IS_SCHOOL (self), NULL); \
    return self->values[PROP - PROP_NAME]; \
  } \
  void \
  ll_school_set_##field (LlSchool   *self, \
                         const char *value) \
  { \
    g_return_if_fail (LL_IS_SCHOOL (self)); \
    set_value (self, PROP, value); \
  }

DEFINE_FIELD (name, PROP_NAME)
DEFINE_FIELD (urn, PROP_URN)
DEFINE_FIELD (phase, PROP_PHASE)
DEFINE_FIELD (local_authority, PROP_LOCAL_AUTHORITY)
DEFINE_FIELD (address, PROP_ADDRESS)
