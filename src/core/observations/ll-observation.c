/* ll-observation.c: one developmental lesson observation */
#define G_LOG_DOMAIN "ll-observation"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ll-observation-private.h"
#include "ll-store-observation.h"

/* Status ------------------------------------------------------------------ */

static const char * const status_ids[] = { "planned", "observed", "discussed", "closed" };

const char *
ll_observation_status_to_id (LlObservationStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (status_ids), NULL);
  return status_ids[status];
}

gboolean
ll_observation_status_from_id (const char          *id,
                               LlObservationStatus *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_ids); i++)
    if (g_strcmp0 (id, status_ids[i]) == 0)
      {
        *status = (LlObservationStatus) i;
        return TRUE;
      }
  return FALSE;
}

const char *
ll_observation_status_to_label (LlObservationStatus status)
{
  switch (status)
    {
    case LL_OBSERVATION_PLANNED:
      return _("Planned");
    case LL_OBSERVATION_OBSERVED:
      return _("Observed");
    case LL_OBSERVATION_DISCUSSED:
      return _("Discussed");
    case LL_OBSERVATION_CLOSED:
      return _("Closed");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Notes ------------------------------------------------------------------- */

struct _LlObservationNote
{
  GObject    parent_instance;
  LlStore   *store;
  LlPending *pending;
  gint64     id;
  guint      minute;
  char      *behaviours;
  char      *text;
};

G_DEFINE_FINAL_TYPE (LlObservationNote, ll_observation_note, G_TYPE_OBJECT)

enum {
  NOTE_PROP_0,
  NOTE_PROP_ID,
  NOTE_PROP_MINUTE,
  NOTE_PROP_BEHAVIOURS,
  NOTE_PROP_TEXT,
  NOTE_N_PROPS
};

static GParamSpec *note_properties[NOTE_N_PROPS];

static void
ll_observation_note_finalize (GObject *object)
{
  LlObservationNote *self = LL_OBSERVATION_NOTE (object);

  g_clear_object (&self->store);
  g_clear_object (&self->pending);
  g_free (self->behaviours);
  g_free (self->text);
  G_OBJECT_CLASS (ll_observation_note_parent_class)->finalize (object);
}

static void
ll_observation_note_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LlObservationNote *self = LL_OBSERVATION_NOTE (object);

  switch (prop_id)
    {
    case NOTE_PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case NOTE_PROP_MINUTE:
      g_value_set_uint (value, self->minute);
      break;
    case NOTE_PROP_BEHAVIOURS:
      g_value_set_string (value, self->behaviours);
      break;
    case NOTE_PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_observation_note_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  LlObservationNote *self = LL_OBSERVATION_NOTE (object);

  switch (prop_id)
    {
    case NOTE_PROP_BEHAVIOURS:
      ll_observation_note_set_behaviours (self, g_value_get_string (value));
      break;
    case NOTE_PROP_TEXT:
      ll_observation_note_set_text (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_observation_note_class_init (LlObservationNoteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ll_observation_note_finalize;
  object_class->get_property = ll_observation_note_get_property;
  object_class->set_property = ll_observation_note_set_property;

  note_properties[NOTE_PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  note_properties[NOTE_PROP_MINUTE] = g_param_spec_uint ("minute", NULL, NULL, 0, G_MAXUINT, 0, ro);
  note_properties[NOTE_PROP_BEHAVIOURS] = g_param_spec_string ("behaviours", NULL, NULL, "", rw);
  note_properties[NOTE_PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, "", rw);
  g_object_class_install_properties (object_class, NOTE_N_PROPS, note_properties);
}

static void
ll_observation_note_init (LlObservationNote *self)
{
}

static LlObservationNote *
note_new (LlStore    *store,
          LlPending  *pending,
          gint64      id,
          guint       minute,
          const char *behaviours,
          const char *text)
{
  LlObservationNote *self = g_object_new (LL_TYPE_OBSERVATION_NOTE, NULL);

  self->store = g_object_ref (store);
  self->pending = g_object_ref (pending);
  self->id = id;
  self->minute = minute;
  self->behaviours = g_strdup (behaviours != NULL ? behaviours : "");
  self->text = g_strdup (text != NULL ? text : "");
  return self;
}

static gboolean
write_note (GObject  *object,
            guint     field,
            GError  **error)
{
  LlObservationNote *self = LL_OBSERVATION_NOTE (object);

  return ll_store_update_note (self->store, self->id, self->behaviours, self->text, error);
}

gint64
ll_observation_note_get_id (LlObservationNote *self)
{
  g_return_val_if_fail (LL_IS_OBSERVATION_NOTE (self), 0);
  return self->id;
}

guint
ll_observation_note_get_minute (LlObservationNote *self)
{
  g_return_val_if_fail (LL_IS_OBSERVATION_NOTE (self), 0);
  return self->minute;
}

const char *
ll_observation_note_get_behaviours (LlObservationNote *self)
{
  g_return_val_if_fail (LL_IS_OBSERVATION_NOTE (self), NULL);
  return self->behaviours;
}

void
ll_observation_note_set_behaviours (LlObservationNote *self,
                                    const char        *behaviours)
{
  g_return_if_fail (LL_IS_OBSERVATION_NOTE (self));

  if (behaviours == NULL)
    behaviours = "";
  if (g_str_equal (self->behaviours, behaviours))
    return;
  g_free (self->behaviours);
  self->behaviours = g_strdup (behaviours);
  /* a tag is a choice: written at once, with the text as it stands */
  ll_pending_write_now (self->pending, G_OBJECT (self), NOTE_PROP_TEXT, write_note);
  g_object_notify_by_pspec (G_OBJECT (self), note_properties[NOTE_PROP_BEHAVIOURS]);
}

const char *
ll_observation_note_get_text (LlObservationNote *self)
{
  g_return_val_if_fail (LL_IS_OBSERVATION_NOTE (self), NULL);
  return self->text;
}

void
ll_observation_note_set_text (LlObservationNote *self,
                              const char        *text)
{
  g_return_if_fail (LL_IS_OBSERVATION_NOTE (self));

  if (text == NULL)
    text = "";
  if (g_str_equal (self->text, text))
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  ll_pending_schedule (self->pending, G_OBJECT (self), NOTE_PROP_TEXT, write_note);
  g_object_notify_by_pspec (G_OBJECT (self), note_properties[NOTE_PROP_TEXT]);
}

/* The observation ----------------------------------------------------------- */

typedef struct
{
  int   value;      /* a tally's count or a level */
  char *evidence;
} Mark;

struct _LlObservation
{
  GObject     parent_instance;
  LlStore    *store;
  LlPending  *pending;
  gint64      id;
  char       *texts[LL_OBSERVATION_N_TEXTS];
  gint64      numbers[LL_OBSERVATION_N_NUMBERS];
  GListStore *notes;
  GHashTable *tallies;      /* key -> Mark */
  GHashTable *levels;       /* key -> Mark */
};

G_DEFINE_FINAL_TYPE (LlObservation, ll_observation, G_TYPE_OBJECT)

/* properties: the texts from 1, then the numbers */
#define PROP_TEXT(field)   (1 + (guint) (field))
#define PROP_NUMBER(field) (1 + LL_OBSERVATION_N_TEXTS + (guint) (field))
#define N_PROPS            (1 + LL_OBSERVATION_N_TEXTS + LL_OBSERVATION_N_NUMBERS)
/* pending writes of a tally or level: above every property */
#define MARK_FIELD_BASE    1024u

static const char * const text_names[LL_OBSERVATION_N_TEXTS] = {
  "date", "start", "class-group", "year-group", "subject", "focus", "context", "status",
  "strengths", "questions", "next-steps", "reflection", "follow-up",
};

static const char * const number_names[LL_OBSERVATION_N_NUMBERS] = {
  "duration", "observer-id", "teacher-id", "framework-id",
};

enum {
  SIGNAL_TALLIES_CHANGED,
  SIGNAL_LEVELS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
mark_free (gpointer data)
{
  Mark *mark = data;

  g_free (mark->evidence);
  g_free (mark);
}

static void
ll_observation_finalize (GObject *object)
{
  LlObservation *self = LL_OBSERVATION (object);

  g_clear_object (&self->store);
  g_clear_object (&self->pending);
  for (guint i = 0; i < LL_OBSERVATION_N_TEXTS; i++)
    g_free (self->texts[i]);
  g_clear_object (&self->notes);
  g_clear_pointer (&self->tallies, g_hash_table_unref);
  g_clear_pointer (&self->levels, g_hash_table_unref);
  G_OBJECT_CLASS (ll_observation_parent_class)->finalize (object);
}

static void
ll_observation_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LlObservation *self = LL_OBSERVATION (object);

  if (prop_id >= PROP_TEXT (0) && prop_id < PROP_TEXT (LL_OBSERVATION_N_TEXTS))
    g_value_set_string (value, self->texts[prop_id - PROP_TEXT (0)]);
  else if (prop_id >= PROP_NUMBER (0) && prop_id < N_PROPS)
    g_value_set_int64 (value, self->numbers[prop_id - PROP_NUMBER (0)]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
ll_observation_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LlObservation *self = LL_OBSERVATION (object);

  if (prop_id >= PROP_TEXT (0) && prop_id < PROP_TEXT (LL_OBSERVATION_N_TEXTS))
    ll_observation_set_text (self, prop_id - PROP_TEXT (0), g_value_get_string (value));
  else if (prop_id >= PROP_NUMBER (0) && prop_id < N_PROPS)
    ll_observation_set_number (self, prop_id - PROP_NUMBER (0), g_value_get_int64 (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
ll_observation_class_init (LlObservationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = ll_observation_finalize;
  object_class->get_property = ll_observation_get_property;
  object_class->set_property = ll_observation_set_property;

  for (guint i = 0; i < LL_OBSERVATION_N_TEXTS; i++)
    properties[PROP_TEXT (i)] = g_param_spec_string (text_names[i], NULL, NULL, "", rw);
  for (guint i = 0; i < LL_OBSERVATION_N_NUMBERS; i++)
    properties[PROP_NUMBER (i)] = g_param_spec_int64 (number_names[i], NULL, NULL, 0, G_MAXINT64, 0, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_TALLIES_CHANGED] = g_signal_new ("tallies-changed", G_TYPE_FROM_CLASS (klass),
                                                  G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                  G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SIGNAL_LEVELS_CHANGED] = g_signal_new ("levels-changed", G_TYPE_FROM_CLASS (klass),
                                                 G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                 G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
ll_observation_init (LlObservation *self)
{
  self->notes = g_list_store_new (LL_TYPE_OBSERVATION_NOTE);
  self->tallies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, mark_free);
  self->levels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, mark_free);
}

static void
load_marks (GHashTable *marks,
            GPtrArray  *rows)
{
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      LlStoreMark *row = g_ptr_array_index (rows, i);
      Mark *mark = g_new0 (Mark, 1);

      mark->value = row->value;
      mark->evidence = g_strdup (row->evidence);
      g_hash_table_replace (marks, g_strdup (row->behaviour), mark);
    }
}

LlObservation *
_ll_observation_load (LlStore    *store,
                      LlPending  *pending,
                      gint64      id,
                      GError    **error)
{
  g_autoptr(LlObservation) self = NULL;
  g_autoptr(LlStoreObservation) row = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) tallies = NULL;
  g_autoptr(GPtrArray) levels = NULL;

  g_return_val_if_fail (LL_IS_STORE (store), NULL);
  g_return_val_if_fail (LL_IS_PENDING (pending), NULL);

  row = ll_store_get_observation (store, id, error);
  if (row == NULL
      || (notes = ll_store_list_notes (store, id, error)) == NULL
      || (tallies = ll_store_list_tallies (store, id, error)) == NULL
      || (levels = ll_store_list_levels (store, id, error)) == NULL)
    return NULL;

  self = g_object_new (LL_TYPE_OBSERVATION, NULL);
  self->store = g_object_ref (store);
  self->pending = g_object_ref (pending);
  self->id = id;
  G_STATIC_ASSERT ((int) LL_OBSERVATION_N_TEXTS == (int) LL_STORE_OBSERVATION_N_TEXTS);
  G_STATIC_ASSERT ((int) LL_OBSERVATION_N_NUMBERS == (int) LL_STORE_OBSERVATION_N_NUMBERS);
  for (guint i = 0; i < LL_OBSERVATION_N_TEXTS; i++)
    self->texts[i] = g_strdup (row->texts[i]);
  for (guint i = 0; i < LL_OBSERVATION_N_NUMBERS; i++)
    self->numbers[i] = row->numbers[i];
  for (guint i = 0; i < notes->len; i++)
    {
      LlStoreNote *note = g_ptr_array_index (notes, i);
      g_autoptr(LlObservationNote) object = note_new (store, pending, note->id, note->minute,
                                                      note->behaviours, note->text);

      g_list_store_append (self->notes, object);
    }
  load_marks (self->tallies, tallies);
  load_marks (self->levels, levels);
  return g_steal_pointer (&self);
}

gint64
ll_observation_get_id (LlObservation *self)
{
  g_return_val_if_fail (LL_IS_OBSERVATION (self), 0);
  return self->id;
}

/* What the pending writes write: a field, a tally or a level. */
static gboolean
write_field (GObject  *object,
             guint     field,
             GError  **error)
{
  LlObservation *self = LL_OBSERVATION (object);

  if (field >= MARK_FIELD_BASE)
    {
      const char *behaviour = g_quark_to_string ((field - MARK_FIELD_BASE) >> 1);
      gboolean level = ((field - MARK_FIELD_BASE) & 1) != 0;
      Mark *mark = g_hash_table_lookup (level ? self->levels : self->tallies, behaviour);

      if (level)
        return ll_store_set_level (self->store, self->id, behaviour, mark != NULL ? mark->value : -1,
                                   mark != NULL ? mark->evidence : "", error);
      return ll_store_set_tally (self->store, self->id, behaviour, mark != NULL ? (guint) mark->value : 0, error);
    }
  if (field < PROP_NUMBER (0))
    return ll_store_update_observation_text (self->store, self->id, field - PROP_TEXT (0),
                                             self->texts[field - PROP_TEXT (0)], error);
  return ll_store_update_observation_number (self->store, self->id, field - PROP_NUMBER (0),
                                             self->numbers[field - PROP_NUMBER (0)], error);
}

const char *
ll_observation_get_text (LlObservation     *self,
                         LlObservationText  field)
{
  g_return_val_if_fail (LL_IS_OBSERVATION (self), NULL);
  g_return_val_if_fail ((guint) field < LL_OBSERVATION_N_TEXTS, NULL);
  return self->texts[field];
}

void
ll_observation_set_text (LlObservation     *self,
                         LlObservationText  field,
                         const char        *value)
{
  g_return_if_fail (LL_IS_OBSERVATION (self));
  g_return_if_fail ((guint) field < LL_OBSERVATION_N_TEXTS);

  if (value == NULL)
    value = "";
  if (g_strcmp0 (self->texts[field], value) == 0)
    return;
  g_free (self->texts[field]);
  self->texts[field] = g_strdup (value);
  /* a date, a time, a status or a focus is chosen once; words are typed */
  switch (field)
    {
    case LL_OBSERVATION_DATE:
    case LL_OBSERVATION_START:
    case LL_OBSERVATION_FOCUS:
    case LL_OBSERVATION_STATUS_TEXT:
    case LL_OBSERVATION_FOLLOW_UP:
      ll_pending_write_now (self->pending, G_OBJECT (self), PROP_TEXT (field), write_field);
      break;
    case LL_OBSERVATION_CLASS_GROUP:
    case LL_OBSERVATION_YEAR_GROUP:
    case LL_OBSERVATION_SUBJECT:
    case LL_OBSERVATION_CONTEXT:
    case LL_OBSERVATION_STRENGTHS:
    case LL_OBSERVATION_QUESTIONS:
    case LL_OBSERVATION_NEXT_STEPS:
    case LL_OBSERVATION_REFLECTION:
    case LL_OBSERVATION_N_TEXTS:
    default:
      ll_pending_schedule (self->pending, G_OBJECT (self), PROP_TEXT (field), write_field);
      break;
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT (field)]);
}

gint64
ll_observation_get_number (LlObservation       *self,
                           LlObservationNumber  field)
{
  g_return_val_if_fail (LL_IS_OBSERVATION (self), 0);
  g_return_val_if_fail ((guint) field < LL_OBSERVATION_N_NUMBERS, 0);
  return self->numbers[field];
}

void
ll_observation_set_number (LlObservation       *self,
                           LlObservationNumber  field,
                           gint64               value)
{
  g_return_if_fail (LL_IS_OBSERVATION (self));
  g_return_if_fail ((guint) field < LL_OBSERVATION_N_NUMBERS);

  value = MAX (value, 0);
  if (self->numbers[field] == value)
    return;
  self->numbers[field] = value;
  if (field == LL_OBSERVATION_DURATION)
    ll_pending_schedule (self->pending, G_OBJECT (self), PROP_NUMBER (field), write_field);
  else
    ll_pending_write_now (self->pending, G_OBJECT (self), PROP_NUMBER (field), write_field);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBER (field)]);
}

LlObservationStatus
ll_observation_get_status (LlObservation *self)
{
  LlObservationStatus status = LL_OBSERVATION_PLANNED;

  g_return_val_if_fail (LL_IS_OBSERVATION (self), LL_OBSERVATION_PLANNED);
  ll_observation_status_from_id (self->texts[LL_OBSERVATION_STATUS_TEXT], &status);
  return status;
}

void
ll_observation_set_status (LlObservation       *self,
                           LlObservationStatus  status)
{
  g_return_if_fail (LL_IS_OBSERVATION (self));
  ll_observation_set_text (self, LL_OBSERVATION_STATUS_TEXT, ll_observation_status_to_id (status));
}

GListModel *
ll_observation_get_notes (LlObservation *self)
{
  g_return_val_if_fail (LL_IS_OBSERVATION (self), NULL);
  return G_LIST_MODEL (self->notes);
}

LlObservationNote *
ll_observation_add_note (LlObservation  *self,
                         guint           minute,
                         const char     *behaviours,
                         const char     *text,
                         GError        **error)
{
  g_autoptr(LlObservationNote) note = NULL;
  gint64 id;

  g_return_val_if_fail (LL_IS_OBSERVATION (self), NULL);

  /* what waits goes first, so that the order on disk is the order typed */
  if (!ll_pending_flush (self->pending, error))
    return NULL;
  id = ll_store_insert_note (self->store, self->id, minute, behaviours, text, error);
  if (id == 0)
    return NULL;
  note = note_new (self->store, self->pending, id, minute, behaviours, text);
  g_list_store_append (self->notes, note);
  return note;
}

gboolean
ll_observation_remove_note (LlObservation      *self,
                            LlObservationNote  *note,
                            GError            **error)
{
  guint position;

  g_return_val_if_fail (LL_IS_OBSERVATION (self), FALSE);
  g_return_val_if_fail (LL_IS_OBSERVATION_NOTE (note), FALSE);

  if (!g_list_store_find (self->notes, note, &position))
    return TRUE;
  if (!ll_store_delete_note (self->store, note->id, error))
    return FALSE;
  ll_pending_forget (self->pending, G_OBJECT (note));
  g_list_store_remove (self->notes, position);
  return TRUE;
}

static guint
mark_field (const char *behaviour,
            gboolean    level)
{
  return MARK_FIELD_BASE + (g_quark_from_string (behaviour) << 1) + (level ? 1 : 0);
}

guint
ll_observation_get_tally (LlObservation *self,
                          const char    *behaviour)
{
  Mark *mark;

  g_return_val_if_fail (LL_IS_OBSERVATION (self), 0);
  g_return_val_if_fail (behaviour != NULL, 0);
  mark = g_hash_table_lookup (self->tallies, behaviour);
  return mark != NULL ? (guint) mark->value : 0;
}

void
ll_observation_change_tally (LlObservation *self,
                             const char    *behaviour,
                             int            delta)
{
  Mark *mark;
  int value;

  g_return_if_fail (LL_IS_OBSERVATION (self));
  g_return_if_fail (behaviour != NULL);

  mark = g_hash_table_lookup (self->tallies, behaviour);
  value = MAX ((mark != NULL ? mark->value : 0) + CLAMP (delta, -1, 1), 0);
  if (mark != NULL && mark->value == value)
    return;
  if (mark == NULL)
    {
      if (value == 0)
        return;
      mark = g_new0 (Mark, 1);
      g_hash_table_insert (self->tallies, g_strdup (behaviour), mark);
    }
  mark->value = value;
  /* a click in the lesson is kept at once */
  ll_pending_write_now (self->pending, G_OBJECT (self), mark_field (behaviour, FALSE), write_field);
  g_signal_emit (self, signals[SIGNAL_TALLIES_CHANGED], 0, behaviour);
}

int
ll_observation_get_level (LlObservation  *self,
                          const char     *behaviour,
                          const char    **evidence)
{
  Mark *mark;

  g_return_val_if_fail (LL_IS_OBSERVATION (self), -1);
  g_return_val_if_fail (behaviour != NULL, -1);
  mark = g_hash_table_lookup (self->levels, behaviour);
  if (evidence != NULL)
    *evidence = mark != NULL ? mark->evidence : "";
  return mark != NULL ? mark->value : -1;
}

void
ll_observation_set_level (LlObservation *self,
                          const char    *behaviour,
                          int            level,
                          const char    *evidence)
{
  Mark *mark;
  gboolean level_changed;

  g_return_if_fail (LL_IS_OBSERVATION (self));
  g_return_if_fail (behaviour != NULL);

  if (evidence == NULL)
    evidence = "";
  level = MAX (level, -1);
  mark = g_hash_table_lookup (self->levels, behaviour);
  if (mark == NULL)
    {
      mark = g_new0 (Mark, 1);
      mark->value = -1;
      mark->evidence = g_strdup ("");
      g_hash_table_insert (self->levels, g_strdup (behaviour), mark);
    }
  if (mark->value == level && g_str_equal (mark->evidence, evidence))
    return;
  level_changed = mark->value != level;
  mark->value = level;
  g_free (mark->evidence);
  mark->evidence = g_strdup (evidence);
  /* a level is a choice; its evidence is typed */
  if (level_changed)
    ll_pending_write_now (self->pending, G_OBJECT (self), mark_field (behaviour, TRUE), write_field);
  else
    ll_pending_schedule (self->pending, G_OBJECT (self), mark_field (behaviour, TRUE), write_field);
  g_signal_emit (self, signals[SIGNAL_LEVELS_CHANGED], 0, behaviour);
}
