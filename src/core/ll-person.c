/* ll-person.c: one member of staff or of a programme */
#define G_LOG_DOMAIN "ll-person"

#include "config.h"

#include "ll-model-private.h"

struct _LlPerson
{
  GObject   parent_instance;
  LlStore   *store;
  LlPending *pending;
  gint64    id;
  char     *name;
  LlRole    role;
};

G_DEFINE_FINAL_TYPE (LlPerson, ll_person, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_ROLE,
  PROP_ROLE_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ll_person_dispose (GObject *object)
{
  LlPerson *self = LL_PERSON (object);

  g_clear_object (&self->store);
  g_clear_object (&self->pending);
  G_OBJECT_CLASS (ll_person_parent_class)->dispose (object);
}

static void
ll_person_finalize (GObject *object)
{
  LlPerson *self = LL_PERSON (object);

  g_free (self->name);
  G_OBJECT_CLASS (ll_person_parent_class)->finalize (object);
}

static void
ll_person_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  LlPerson *self = LL_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;
    case PROP_ROLE_LABEL:
      g_value_set_string (value, ll_role_to_label (self->role));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_person_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  LlPerson *self = LL_PERSON (object);

  switch (prop_id)
    {
    case PROP_NAME:
      ll_person_set_name (self, g_value_get_string (value));
      break;
    case PROP_ROLE:
      ll_person_set_role (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_person_class_init (LlPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ll_person_dispose;
  object_class->finalize = ll_person_finalize;
  object_class->get_property = ll_person_get_property;
  object_class->set_property = ll_person_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL, LL_TYPE_ROLE, LL_ROLE_TEACHER,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ROLE_LABEL] =
    g_param_spec_string ("role-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ll_person_init (LlPerson *self)
{
  self->name = g_strdup ("");
  self->role = LL_ROLE_TEACHER;
}

/* What ll_pending_schedule() writes: a property of the person. */
static gboolean
write_field (GObject  *object,
             guint     prop_id,
             GError  **error)
{
  LlPerson *self = LL_PERSON (object);

  if (self->store == NULL)
    return TRUE;
  if (prop_id == PROP_NAME)
    return ll_store_update_person (self->store, self->id, self->name, NULL, error);
  return ll_store_update_person (self->store, self->id, NULL, ll_role_to_id (self->role), error);
}

LlPerson *
_ll_person_new (LlStore    *store,
                LlPending  *pending,
                gint64      id,
                const char *name,
                LlRole      role)
{
  LlPerson *self = g_object_new (LL_TYPE_PERSON, NULL);

  self->store = g_object_ref (store);
  self->pending = g_object_ref (pending);
  self->id = id;
  g_free (self->name);
  self->name = g_strdup (name);
  self->role = role;
  return self;
}

gint64
ll_person_get_id (LlPerson *self)
{
  g_return_val_if_fail (LL_IS_PERSON (self), 0);
  return self->id;
}

const char *
ll_person_get_name (LlPerson *self)
{
  g_return_val_if_fail (LL_IS_PERSON (self), NULL);
  return self->name;
}

void
ll_person_set_name (LlPerson   *self,
                    const char *name)
{
  g_return_if_fail (LL_IS_PERSON (self));

  if (name == NULL)
    name = "";
  if (g_strcmp0 (self->name, name) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (name);
  if (self->pending != NULL)
    ll_pending_schedule (self->pending, G_OBJECT (self), PROP_NAME, write_field);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

LlRole
ll_person_get_role (LlPerson *self)
{
  g_return_val_if_fail (LL_IS_PERSON (self), LL_ROLE_TEACHER);
  return self->role;
}

void
ll_person_set_role (LlPerson *self,
                    LlRole    role)
{
  g_return_if_fail (LL_IS_PERSON (self));
  g_return_if_fail (role < LL_N_ROLES);

  if (self->role == role)
    return;
  self->role = role;
  if (self->pending != NULL)
    ll_pending_write_now (self->pending, G_OBJECT (self), PROP_ROLE, write_field);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE_LABEL]);
}

const char *
ll_person_get_role_label (LlPerson *self)
{
  g_return_val_if_fail (LL_IS_PERSON (self), NULL);
  return ll_role_to_label (self->role);
}
