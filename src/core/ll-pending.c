/* ll-pending.c: changes that wait to be written to the workbook */
#define G_LOG_DOMAIN "ll-pending"

#include "config.h"

#include "ll-pending.h"

typedef struct
{
  GObject            *object;
  guint               field;
  LlPendingWriteFunc  write;
} Entry;

struct _LlPending
{
  GObject     parent_instance;
  LlStore    *store;
  /* Entry *, in the order they were first scheduled */
  GPtrArray  *entries;
  guint       timeout_id;
  /* when the oldest waiting change was made (monotonic, µs), or 0 */
  gint64      first_change;
  gboolean    failing;
  gboolean    flushing;
};

G_DEFINE_FINAL_TYPE (LlPending, ll_pending, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PENDING,
  PROP_FAILING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
entry_free (Entry *entry)
{
  g_object_unref (entry->object);
  g_free (entry);
}

static void
ll_pending_dispose (GObject *object)
{
  LlPending *self = LL_PENDING (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  /* entries hold their objects, which may hold us */
  if (self->entries != NULL)
    g_ptr_array_set_size (self->entries, 0);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (ll_pending_parent_class)->dispose (object);
}

static void
ll_pending_finalize (GObject *object)
{
  LlPending *self = LL_PENDING (object);

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  G_OBJECT_CLASS (ll_pending_parent_class)->finalize (object);
}

static void
ll_pending_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  LlPending *self = LL_PENDING (object);

  switch (prop_id)
    {
    case PROP_PENDING:
      g_value_set_boolean (value, ll_pending_get_pending (self));
      break;
    case PROP_FAILING:
      g_value_set_boolean (value, self->failing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_pending_class_init (LlPendingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = ll_pending_dispose;
  object_class->finalize = ll_pending_finalize;
  object_class->get_property = ll_pending_get_property;

  properties[PROP_PENDING] = g_param_spec_boolean ("pending", NULL, NULL, FALSE, ro);
  properties[PROP_FAILING] = g_param_spec_boolean ("failing", NULL, NULL, FALSE, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ll_pending_init (LlPending *self)
{
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
}

/**
 * ll_pending_new:
 * @store: where the writes go; failures are reported through it
 */
LlPending *
ll_pending_new (LlStore *store)
{
  LlPending *self;

  g_return_val_if_fail (LL_IS_STORE (store), NULL);

  self = g_object_new (LL_TYPE_PENDING, NULL);
  self->store = g_object_ref (store);
  return self;
}

static void
set_failing (LlPending *self,
             gboolean   failing)
{
  if (self->failing == failing)
    return;
  self->failing = failing;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAILING]);
}

static gboolean timeout_cb (gpointer data);

/* Sets the timer for the next attempt. */
static void
arm (LlPending *self)
{
  gint64 delay;

  if (self->entries->len == 0)
    {
      g_clear_handle_id (&self->timeout_id, g_source_remove);
      return;
    }
  if (self->failing)
    {
      /* a failed write is tried again at its own pace, whatever the typing */
      if (self->timeout_id == 0)
        self->timeout_id = g_timeout_add (LL_PENDING_RETRY_MS, timeout_cb, self);
      return;
    }
  /* wait for a pause, but no longer than the maximum after the first change */
  delay = (self->first_change + LL_PENDING_MAX_WAIT_MS * G_GINT64_CONSTANT (1000)
           - g_get_monotonic_time ()) / 1000;
  delay = CLAMP (delay, 0, LL_PENDING_DEBOUNCE_MS);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add ((guint) delay, timeout_cb, self);
}

static Entry *
find_entry (LlPending *self,
            GObject   *object,
            guint      field)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      if (entry->object == object && entry->field == field)
        return entry;
    }
  return NULL;
}

/* Records that @field of @object waits; returns whether anything waited before. */
static gboolean
add_entry (LlPending          *self,
           GObject            *object,
           guint               field,
           LlPendingWriteFunc  write)
{
  gboolean was_pending = self->entries->len > 0;
  Entry *entry;

  if (find_entry (self, object, field) != NULL)
    return was_pending;
  entry = g_new0 (Entry, 1);
  entry->object = g_object_ref (object);
  entry->field = field;
  entry->write = write;
  g_ptr_array_add (self->entries, entry);
  if (!was_pending)
    {
      self->first_change = g_get_monotonic_time ();
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
    }
  return was_pending;
}

/* @patient: wait for another program's lock as long as any write does
 * (closing, copying); the retries while a fault lasts do not, so that
 * they never hold up the typing. */
static gboolean
flush_internal (LlPending  *self,
                gboolean    patient,
                GError    **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) first_error = NULL;
  g_autoptr(GObject) keep = g_object_ref (G_OBJECT (self));
  guint failed = 0;

  if (self->flushing || self->entries->len == 0)
    return TRUE;
  g_clear_handle_id (&self->timeout_id, g_source_remove);

  /* a write may schedule more (a notify handler); those wait their turn */
  self->flushing = TRUE;
  if (!patient && self->store != NULL)
    ll_store_set_lock_wait (self->store, 0);
  entries = g_steal_pointer (&self->entries);
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);
      g_autoptr(GError) local_error = NULL;

      /* after a failure the rest waits too: the file refuses them all,
       * and each would wait for the lock again */
      if (first_error == NULL && entry->write (entry->object, entry->field, &local_error))
        continue;
      /* keep it, in its place before anything scheduled meanwhile */
      g_ptr_array_insert (self->entries, failed++, g_steal_pointer (&entries->pdata[i]));
      if (first_error == NULL)
        first_error = g_steal_pointer (&local_error);
    }
  if (!patient && self->store != NULL)
    ll_store_set_lock_wait (self->store, LL_STORE_LOCK_WAIT_MS);
  g_ptr_array_set_free_func (entries, NULL);
  for (guint i = 0; i < entries->len; i++)
    if (entries->pdata[i] != NULL)
      entry_free (entries->pdata[i]);
  self->flushing = FALSE;

  if (first_error != NULL)
    {
      gboolean was_failing = self->failing;

      set_failing (self, TRUE);
      /* one report per fault: the retries are quiet until it clears */
      if (!was_failing && self->store != NULL)
        ll_store_report_write_failure (self->store, first_error);
    }
  else
    set_failing (self, FALSE);  /* all that waited was written: the fault is over */

  if (self->entries->len == 0)
    {
      self->first_change = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
    }
  else
    arm (self);

  if (first_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&first_error));
      return FALSE;
    }
  return TRUE;
}

static gboolean
timeout_cb (gpointer data)
{
  LlPending *self = data;

  self->timeout_id = 0;
  /* a retry while a fault lasts tries without waiting for a lock */
  flush_internal (self, !self->failing, NULL);
  return G_SOURCE_REMOVE;
}

void
ll_pending_schedule (LlPending          *self,
                     GObject            *object,
                     guint               field,
                     LlPendingWriteFunc  write)
{
  g_return_if_fail (LL_IS_PENDING (self));
  g_return_if_fail (G_IS_OBJECT (object));
  g_return_if_fail (write != NULL);

  /* A read-only workbook can never take the change: say so at once, and
   * keep the value in memory only, as it always was. */
  if (self->store == NULL || ll_store_get_read_only (self->store))
    {
      g_autoptr(GError) error = NULL;

      if (!write (object, field, &error) && self->store != NULL)
        ll_store_report_write_failure (self->store, error);
      return;
    }
  add_entry (self, object, field, write);
  arm (self);
}

void
ll_pending_write_now (LlPending          *self,
                      GObject            *object,
                      guint               field,
                      LlPendingWriteFunc  write)
{
  g_return_if_fail (LL_IS_PENDING (self));
  g_return_if_fail (G_IS_OBJECT (object));
  g_return_if_fail (write != NULL);

  if (self->store == NULL || ll_store_get_read_only (self->store))
    {
      ll_pending_schedule (self, object, field, write);
      return;
    }
  add_entry (self, object, field, write);
  /* while a fault lasts, the retry timer tries it; every key would
   * otherwise wait for the fault again */
  if (self->failing)
    arm (self);
  else
    flush_internal (self, TRUE, NULL);
}

/**
 * ll_pending_flush:
 * Writes everything that waits now: before the workbook closes or is
 * copied, and before anything reads the file.
 */
gboolean
ll_pending_flush (LlPending  *self,
                  GError    **error)
{
  g_return_val_if_fail (LL_IS_PENDING (self), FALSE);
  return flush_internal (self, TRUE, error);
}

void
ll_pending_forget (LlPending *self,
                   GObject   *object)
{
  gboolean was_pending;

  g_return_if_fail (LL_IS_PENDING (self));

  was_pending = self->entries->len > 0;
  for (guint i = self->entries->len; i-- > 0;)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      if (entry->object == object)
        g_ptr_array_remove_index (self->entries, i);
    }
  if (was_pending && self->entries->len == 0)
    {
      g_clear_handle_id (&self->timeout_id, g_source_remove);
      self->first_change = 0;
      set_failing (self, FALSE);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
    }
}

gboolean
ll_pending_get_pending (LlPending *self)
{
  g_return_val_if_fail (LL_IS_PENDING (self), FALSE);
  return self->entries != NULL && self->entries->len > 0;
}

gboolean
ll_pending_get_failing (LlPending *self)
{
  g_return_val_if_fail (LL_IS_PENDING (self), FALSE);
  return self->failing;
}
