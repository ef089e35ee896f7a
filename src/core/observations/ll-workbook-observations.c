/* ll-workbook-observations.c: a workbook's lesson observations */
#define G_LOG_DOMAIN "ll-observation"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ll-observation-csv.h"
#include "ll-observation-trend-private.h"
#include "ll-observation-private.h"
#include "ll-store-observation.h"
#include "ll-term.h"
#include "ll-workbook-observations.h"
#include "ll-workbook-private.h"

/* The list's items ---------------------------------------------------------- */

enum {
  ITEM_DATE,
  ITEM_START,
  ITEM_TEACHER,
  ITEM_OBSERVER,
  ITEM_CLASS_GROUP,
  ITEM_YEAR_GROUP,
  ITEM_SUBJECT,
  ITEM_FOCUS,
  ITEM_STATUS,
  ITEM_STATUS_ID,
  ITEM_FOLLOW_UP,
  ITEM_TITLE,
  ITEM_N_STRINGS
};

static const char * const item_names[ITEM_N_STRINGS] = {
  "date", "start", "teacher", "observer", "class-group", "year-group", "subject", "focus", "status",
  "status-id", "follow-up", "title",
};

struct _LlObservationItem
{
  GObject  parent_instance;
  gint64   id;
  char    *strings[ITEM_N_STRINGS];
};

G_DEFINE_FINAL_TYPE (LlObservationItem, ll_observation_item, G_TYPE_OBJECT)

static GParamSpec *item_properties[ITEM_N_STRINGS + 2];

static void
ll_observation_item_finalize (GObject *object)
{
  LlObservationItem *self = LL_OBSERVATION_ITEM (object);

  for (guint i = 0; i < ITEM_N_STRINGS; i++)
    g_free (self->strings[i]);
  G_OBJECT_CLASS (ll_observation_item_parent_class)->finalize (object);
}

static void
ll_observation_item_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LlObservationItem *self = LL_OBSERVATION_ITEM (object);

  if (prop_id == 1)
    g_value_set_int64 (value, self->id);
  else if (prop_id >= 2 && prop_id < 2 + ITEM_N_STRINGS)
    g_value_set_string (value, self->strings[prop_id - 2]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
ll_observation_item_class_init (LlObservationItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = ll_observation_item_finalize;
  object_class->get_property = ll_observation_item_get_property;
  item_properties[1] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  for (guint i = 0; i < ITEM_N_STRINGS; i++)
    item_properties[2 + i] = g_param_spec_string (item_names[i], NULL, NULL, "", ro);
  g_object_class_install_properties (object_class, G_N_ELEMENTS (item_properties), item_properties);
}

static void
ll_observation_item_init (LlObservationItem *self)
{
  for (guint i = 0; i < ITEM_N_STRINGS; i++)
    self->strings[i] = g_strdup ("");
}

gint64
ll_observation_item_get_id (LlObservationItem *self)
{
  g_return_val_if_fail (LL_IS_OBSERVATION_ITEM (self), 0);
  return self->id;
}

const char *
ll_observation_item_get_string (LlObservationItem *self,
                                const char        *property)
{
  g_return_val_if_fail (LL_IS_OBSERVATION_ITEM (self), NULL);

  for (guint i = 0; i < ITEM_N_STRINGS; i++)
    if (g_strcmp0 (item_names[i], property) == 0)
      return self->strings[i];
  g_return_val_if_reached (NULL);
}

static void
item_set (LlObservationItem *self,
          guint              field,
          const char        *value)
{
  if (value == NULL)
    value = "";
  if (g_str_equal (self->strings[field], value))
    return;
  g_free (self->strings[field]);
  self->strings[field] = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), item_properties[2 + field]);
}

void
ll_observation_hit_free (LlObservationHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->snippet);
  g_free (hit);
}

/* The workbook's part ------------------------------------------------------- */

typedef struct
{
  GListStore *items;
  GHashTable *open;         /* id -> LlObservation, unowned (weak) */
  GHashTable *frameworks;   /* id -> LlFramework, as the file has it */
  GHashTable *waiting;      /* id -> LlFrameworkEdit, not written yet */
} Observations;

static void
forget_open (gpointer  data,
             GObject  *gone)
{
  GHashTable *open = data;
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, open);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (value == (gpointer) gone)
      g_hash_table_iter_remove (&iter);
}

static void
observations_free (gpointer data)
{
  Observations *observations = data;
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, observations->open);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_object_weak_unref (value, forget_open, observations->open);
  g_hash_table_unref (observations->open);
  g_hash_table_unref (observations->frameworks);
  g_hash_table_unref (observations->waiting);
  g_clear_object (&observations->items);
  g_free (observations);
}

static Observations *
get_observations (LlWorkbook *self)
{
  Observations *observations = g_object_get_data (G_OBJECT (self), "ll-observations");

  if (observations == NULL)
    {
      observations = g_new0 (Observations, 1);
      observations->open = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      observations->frameworks = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
      observations->waiting = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
      g_object_set_data_full (G_OBJECT (self), "ll-observations", observations, observations_free);
    }
  return observations;
}

static const char *
person_name (LlWorkbook *self,
             gint64      id)
{
  GListModel *people = ll_workbook_get_people (self);

  for (guint i = 0; id > 0 && i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(LlPerson) person = g_list_model_get_item (people, i);

      if (ll_person_get_id (person) == id)
        return ll_person_get_name (person);
    }
  return "";
}

static LlFramework *
framework_by_id (LlWorkbook *self,
                 gint64      id)
{
  Observations *observations = get_observations (self);
  LlFramework *framework;

  if (id <= 0)
    return NULL;
  framework = g_hash_table_lookup (observations->frameworks, &id);
  if (framework == NULL)
    {
      framework = ll_store_load_framework (_ll_workbook_get_store (self), id, NULL);
      if (framework != NULL)
        g_hash_table_insert (observations->frameworks, g_memdup2 (&id, sizeof id), framework);
    }
  return framework;
}

static char *
focus_names (LlFramework *framework,
             const char  *keys)
{
  g_auto(GStrv) words = g_strsplit (keys, " ", -1);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      const LlBehaviour *behaviour;

      if (words[i][0] == '\0')
        continue;
      behaviour = framework != NULL ? ll_framework_find_behaviour (framework, words[i], NULL) : NULL;
      if (names->len > 0)
        g_string_append (names, _(", "));
      g_string_append (names, behaviour != NULL ? behaviour->name : words[i]);
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static const char *
status_label (const char *id)
{
  LlObservationStatus status = LL_OBSERVATION_PLANNED;

  ll_observation_status_from_id (id, &status);
  return ll_observation_status_to_label (status);
}

/* The framework of the observation @id, from what
 * ll_store_observation_frameworks() gave. */
static gint64
framework_of (GHashTable *map,
              gint64      only,
              gint64      id)
{
  gint64 *found;

  if (map == NULL)
    return only;
  found = g_hash_table_lookup (map, &id);
  return found != NULL ? *found : 0;
}

static LlObservationItem *
item_new (LlWorkbook                      *self,
          const LlStoreObservationSummary *row,
          gint64                           framework_id)
{
  LlObservationItem *item = g_object_new (LL_TYPE_OBSERVATION_ITEM, NULL);
  g_autofree char *focus = focus_names (framework_by_id (self, framework_id), row->focus);

  item->id = row->id;
  item_set (item, ITEM_DATE, row->date);
  item_set (item, ITEM_START, row->start);
  item_set (item, ITEM_TEACHER, person_name (self, row->teacher_id));
  item_set (item, ITEM_OBSERVER, person_name (self, row->observer_id));
  item_set (item, ITEM_CLASS_GROUP, row->class_group);
  item_set (item, ITEM_YEAR_GROUP, row->year_group);
  item_set (item, ITEM_SUBJECT, row->subject);
  item_set (item, ITEM_FOCUS, focus);
  item_set (item, ITEM_STATUS, status_label (row->status));
  item_set (item, ITEM_STATUS_ID, row->status);
  item_set (item, ITEM_FOLLOW_UP, row->follow_up);
  return item;
}

static LlObservationItem *
find_item (LlWorkbook *self,
           gint64      id,
           guint      *position)
{
  GListModel *items = ll_workbook_get_observations (self);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(LlObservationItem) item = g_list_model_get_item (items, i);

      if (item->id == id)
        {
          if (position != NULL)
            *position = i;
          return item;   /* the list keeps it */
        }
    }
  return NULL;
}

GListModel *
ll_workbook_get_observations (LlWorkbook *self)
{
  Observations *observations;

  g_return_val_if_fail (LL_IS_WORKBOOK (self), NULL);

  observations = get_observations (self);
  if (observations->items == NULL)
    {
      g_autoptr(GPtrArray) rows = ll_store_list_observations (_ll_workbook_get_store (self), NULL);
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GHashTable) map = NULL;
      gint64 only = 0;

      /* each line names its focus from its own framework */
      ll_store_observation_frameworks (_ll_workbook_get_store (self), &only, &map, NULL);
      observations->items = g_list_store_new (LL_TYPE_OBSERVATION_ITEM);
      for (guint i = 0; rows != NULL && i < rows->len; i++)
        {
          LlStoreObservationSummary *row = g_ptr_array_index (rows, i);

          g_ptr_array_add (items, item_new (self, row, framework_of (map, only, row->id)));
        }
      g_list_store_splice (observations->items, 0, 0, items->pdata, items->len);
    }
  return G_LIST_MODEL (observations->items);
}

/* An edit of an opened observation shows in its line of the list. */
static void
observation_notify_cb (LlObservation *observation,
                       GParamSpec    *pspec,
                       LlWorkbook    *self)
{
  LlObservationItem *item = find_item (self, ll_observation_get_id (observation), NULL);
  LlFramework *framework;
  g_autofree char *focus = NULL;

  if (item == NULL)
    return;
  framework = framework_by_id (self, ll_observation_get_number (observation, LL_OBSERVATION_FRAMEWORK));
  focus = focus_names (framework, ll_observation_get_text (observation, LL_OBSERVATION_FOCUS));
  item_set (item, ITEM_DATE, ll_observation_get_text (observation, LL_OBSERVATION_DATE));
  item_set (item, ITEM_START, ll_observation_get_text (observation, LL_OBSERVATION_START));
  item_set (item, ITEM_TEACHER, person_name (self, ll_observation_get_number (observation, LL_OBSERVATION_TEACHER)));
  item_set (item, ITEM_OBSERVER,
            person_name (self, ll_observation_get_number (observation, LL_OBSERVATION_OBSERVER)));
  item_set (item, ITEM_CLASS_GROUP, ll_observation_get_text (observation, LL_OBSERVATION_CLASS_GROUP));
  item_set (item, ITEM_YEAR_GROUP, ll_observation_get_text (observation, LL_OBSERVATION_YEAR_GROUP));
  item_set (item, ITEM_SUBJECT, ll_observation_get_text (observation, LL_OBSERVATION_SUBJECT));
  item_set (item, ITEM_FOCUS, focus);
  item_set (item, ITEM_STATUS, ll_observation_status_to_label (ll_observation_get_status (observation)));
  item_set (item, ITEM_STATUS_ID, ll_observation_get_text (observation, LL_OBSERVATION_STATUS_TEXT));
  item_set (item, ITEM_FOLLOW_UP, ll_observation_get_text (observation, LL_OBSERVATION_FOLLOW_UP));
}

LlObservation *
ll_workbook_open_observation (LlWorkbook  *self,
                              gint64       id,
                              GError     **error)
{
  Observations *observations;
  LlObservation *observation;

  g_return_val_if_fail (LL_IS_WORKBOOK (self), NULL);

  observations = get_observations (self);
  observation = g_hash_table_lookup (observations->open, &id);
  if (observation != NULL)
    return g_object_ref (observation);
  observation = _ll_observation_load (_ll_workbook_get_store (self), _ll_workbook_get_pending (self), id, error);
  if (observation == NULL)
    return NULL;
  g_hash_table_insert (observations->open, g_memdup2 (&id, sizeof id), observation);
  g_object_weak_ref (G_OBJECT (observation), forget_open, observations->open);
  g_signal_connect_object (observation, "notify", G_CALLBACK (observation_notify_cb), self, 0);
  return observation;
}

/* The frameworks that ship, for a workbook that has none yet. */
static gint64
first_framework (LlWorkbook  *self,
                 GError     **error)
{
  LlStore *store = _ll_workbook_get_store (self);
  g_autoptr(GArray) ids = ll_store_list_frameworks (store, error);
  g_autoptr(GPtrArray) builtin = NULL;
  gint64 first = 0;

  if (ids == NULL)
    return 0;
  if (ids->len > 0)
    return g_array_index (ids, gint64, 0);
  builtin = ll_framework_list_builtin ();
  for (guint i = 0; i < builtin->len; i++)
    {
      gint64 id = ll_store_save_framework (store, 0, g_ptr_array_index (builtin, i), error);

      if (id == 0)
        return 0;
      if (first == 0)
        first = id;
    }
  return first;
}

LlObservation *
ll_workbook_add_observation (LlWorkbook  *self,
                             const char  *date,
                             GError     **error)
{
  g_autoptr(LlStoreObservationSummary) row = g_new0 (LlStoreObservationSummary, 1);
  g_autoptr(LlObservationItem) item = NULL;
  g_autofree char *title = NULL;
  g_autofree char *long_date = NULL;
  GListModel *list;
  gint64 framework_id, id;

  g_return_val_if_fail (LL_IS_WORKBOOK (self), NULL);
  g_return_val_if_fail (date != NULL, NULL);

  framework_id = first_framework (self, error);
  if (framework_id == 0)
    return NULL;
  /* the list is read before the new row is there, so that it is in the
   * list once */
  list = ll_workbook_get_observations (self);
  long_date = ll_date_dup_long (date);
  /* TRANSLATORS: the title of a new observation, with its date */
  title = g_strdup_printf (_("Observation, %s"), long_date);
  id = ll_store_insert_observation (_ll_workbook_get_store (self), title, framework_id, date, error);
  if (id == 0)
    return NULL;
  row->id = id;
  row->date = g_strdup (date);
  row->start = g_strdup ("");
  row->class_group = g_strdup ("");
  row->year_group = g_strdup ("");
  row->subject = g_strdup ("");
  row->focus = g_strdup ("");
  row->status = g_strdup ("planned");
  row->follow_up = g_strdup ("");
  item = item_new (self, row, framework_id);
  item_set (item, ITEM_TITLE, title);
  g_list_store_append (G_LIST_STORE (list), item);
  _ll_workbook_add_document (self, "observation", id, title);
  return ll_workbook_open_observation (self, id, error);
}

gboolean
ll_workbook_remove_observation (LlWorkbook  *self,
                                gint64       id,
                                GError     **error)
{
  guint position;

  g_return_val_if_fail (LL_IS_WORKBOOK (self), FALSE);

  ll_workbook_flush (self, NULL);
  if (!ll_store_delete_document (_ll_workbook_get_store (self), id, error))
    return FALSE;
  if (find_item (self, id, &position) != NULL)
    g_list_store_remove (G_LIST_STORE (ll_workbook_get_observations (self)), position);
  _ll_workbook_remove_document (self, id);
  return TRUE;
}

LlFramework *
ll_workbook_get_observation_framework (LlWorkbook    *self,
                                       LlObservation *observation)
{
  g_return_val_if_fail (LL_IS_WORKBOOK (self), NULL);
  g_return_val_if_fail (LL_IS_OBSERVATION (observation), NULL);
  return framework_by_id (self, ll_observation_get_number (observation, LL_OBSERVATION_FRAMEWORK));
}

/* Whether @observation records any behaviour: in its focus, a note's
 * tags, a tally or a level of @framework's behaviours. */
static gboolean
records_behaviours (LlObservation *observation,
                    LlFramework   *framework)
{
  GListModel *notes = ll_observation_get_notes (observation);
  g_auto(GStrv) ids = NULL;

  if (ll_observation_get_text (observation, LL_OBSERVATION_FOCUS)[0] != '\0')
    return TRUE;
  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(LlObservationNote) note = g_list_model_get_item (notes, i);

      if (ll_observation_note_get_behaviours (note)[0] != '\0')
        return TRUE;
    }
  if (framework == NULL)
    return FALSE;
  ids = ll_framework_dup_behaviour_ids (framework);
  for (guint i = 0; ids[i] != NULL; i++)
    if (ll_observation_get_tally (observation, ids[i]) > 0 || ll_observation_get_level (observation, ids[i], NULL) >= 0)
      return TRUE;
  return FALSE;
}

/**
 * ll_workbook_set_observation_framework:
 * Makes @observation follow the framework @framework_id instead, while it
 * records no behaviour of the one it follows: what it recorded would
 * otherwise name behaviours that its framework does not have.
 */
gboolean
ll_workbook_set_observation_framework (LlWorkbook     *self,
                                       LlObservation  *observation,
                                       gint64          framework_id,
                                       GError        **error)
{
  LlFramework *current;

  g_return_val_if_fail (LL_IS_WORKBOOK (self), FALSE);
  g_return_val_if_fail (LL_IS_OBSERVATION (observation), FALSE);

  if (ll_observation_get_number (observation, LL_OBSERVATION_FRAMEWORK) == framework_id)
    return TRUE;
  if (framework_by_id (self, framework_id) == NULL)
    {
      g_set_error_literal (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_NO_SUCH_DOCUMENT,
                           _("That framework is not in this workbook any more."));
      return FALSE;
    }
  current = ll_workbook_get_observation_framework (self, observation);
  if (records_behaviours (observation, current))
    {
      g_set_error (error, LL_FRAMEWORK_ERROR, LL_FRAMEWORK_ERROR_IN_USE,
                   _("This observation already records behaviours of “%s”. To follow another framework, "
                     "take them out of its focus, notes, tallies and levels first."),
                   current != NULL ? ll_framework_get_name (current) : "");
      return FALSE;
    }
  ll_observation_set_number (observation, LL_OBSERVATION_FRAMEWORK, framework_id);
  return TRUE;
}

GPtrArray *
ll_workbook_search_observations (LlWorkbook  *self,
                                 const char  *typed,
                                 guint        limit,
                                 GError     **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  GPtrArray *hits;

  g_return_val_if_fail (LL_IS_WORKBOOK (self), NULL);

  /* what was typed a moment ago is found too */
  ll_workbook_flush (self, NULL);
  rows = ll_store_search_observations (_ll_workbook_get_store (self), typed, limit, error);
  if (rows == NULL)
    return NULL;
  hits = g_ptr_array_new_with_free_func ((GDestroyNotify) ll_observation_hit_free);
  for (guint i = 0; i < rows->len; i++)
    {
      LlStoreSearchHit *row = g_ptr_array_index (rows, i);
      LlObservationHit *hit = g_new0 (LlObservationHit, 1);

      hit->id = row->id;
      hit->snippet = g_strdup (row->snippet);
      g_ptr_array_add (hits, hit);
    }
  return hits;
}

/* The workbook's frameworks and notes (ll-workbook.h) ---------------------- */

/**
 * ll_workbook_write_observation_csv:
 * Writes every note of every observation as CSV to @path, readable by its
 * owner only (see ll-observation-csv.h).
 */
gboolean
ll_workbook_write_observation_csv (LlWorkbook  *self,
                                   const char  *path,
                                   GError     **error)
{
  g_return_val_if_fail (LL_IS_WORKBOOK (self), FALSE);

  /* what waits is in the file before the notes are read from it */
  ll_workbook_flush (self, NULL);
  return ll_observation_csv_write_file (_ll_workbook_get_store (self), path, error);
}

/**
 * ll_workbook_list_frameworks:
 * The workbook's frameworks of learning behaviours, in order: a new array
 * of LlFramework that the caller may change without changing the workbook.
 */
GPtrArray *
ll_workbook_list_frameworks (LlWorkbook  *self,
                             GError     **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) frameworks = g_ptr_array_new_with_free_func (g_object_unref);
  LlStore *store;

  g_return_val_if_fail (LL_IS_WORKBOOK (self), NULL);

  /* a framework changed a moment ago is read as it is now */
  ll_workbook_flush (self, NULL);
  store = _ll_workbook_get_store (self);
  ids = ll_store_list_frameworks (store, error);
  if (ids == NULL)
    return NULL;
  for (guint i = 0; i < ids->len; i++)
    {
      LlFramework *framework = ll_store_load_framework (store, g_array_index (ids, gint64, i), error);

      if (framework == NULL)
        return NULL;
      g_ptr_array_add (frameworks, framework);
    }
  return g_steal_pointer (&frameworks);
}

/**
 * ll_workbook_add_framework:
 * Adds a copy of @framework after the workbook's others, once its rules
 * hold; returns its ID, or 0 with @error.
 */
gint64
ll_workbook_add_framework (LlWorkbook   *self,
                           LlFramework  *framework,
                           GError      **error)
{
  g_return_val_if_fail (LL_IS_WORKBOOK (self), 0);
  g_return_val_if_fail (LL_IS_FRAMEWORK (framework), 0);

  if (!ll_framework_validate (framework, error))
    return 0;
  return ll_store_save_framework (_ll_workbook_get_store (self), 0, framework, error);
}

/* Frameworks -------------------------------------------------------------- */

/* After a framework changed: the list names each line's focus again. */
static void
rename_focus (LlWorkbook *self)
{
  Observations *observations = get_observations (self);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) map = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  gint64 only = 0;
  guint n;

  if (observations->items == NULL)
    return;
  rows = ll_store_list_observations (_ll_workbook_get_store (self), NULL);
  if (rows == NULL || !ll_store_observation_frameworks (_ll_workbook_get_store (self), &only, &map, NULL))
    return;
  by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_object_unref);
  n = g_list_model_get_n_items (G_LIST_MODEL (observations->items));
  for (guint i = 0; i < n; i++)
    {
      LlObservationItem *item = g_list_model_get_item (G_LIST_MODEL (observations->items), i);

      g_hash_table_insert (by_id, &item->id, item);
    }
  for (guint i = 0; i < rows->len; i++)
    {
      LlStoreObservationSummary *row = g_ptr_array_index (rows, i);
      LlObservationItem *item = g_hash_table_lookup (by_id, &row->id);
      g_autofree char *focus = NULL;

      if (item == NULL)
        continue;
      focus = focus_names (framework_by_id (self, framework_of (map, only, row->id)), row->focus);
      item_set (item, ITEM_FOCUS, focus);
    }
}

GArray *
ll_workbook_dup_framework_ids (LlWorkbook  *self,
                               GError     **error)
{
  g_return_val_if_fail (LL_IS_WORKBOOK (self), NULL);

  return ll_store_list_frameworks (_ll_workbook_get_store (self), error);
}

/* A framework changed and not written yet: what the pending write holds,
 * so that typing a name costs one write per pause, not one per key. */
#define LL_TYPE_FRAMEWORK_EDIT (ll_framework_edit_get_type ())
G_DECLARE_FINAL_TYPE (LlFrameworkEdit, ll_framework_edit, LL, FRAMEWORK_EDIT, GObject)

struct _LlFrameworkEdit
{
  GObject      parent_instance;
  LlWorkbook  *workbook;   /* weak */
  gint64       id;
  LlFramework *framework;
};

G_DEFINE_FINAL_TYPE (LlFrameworkEdit, ll_framework_edit, G_TYPE_OBJECT)

static void
ll_framework_edit_finalize (GObject *object)
{
  LlFrameworkEdit *self = LL_FRAMEWORK_EDIT (object);

  g_clear_weak_pointer (&self->workbook);
  g_clear_object (&self->framework);
  G_OBJECT_CLASS (ll_framework_edit_parent_class)->finalize (object);
}

static void
ll_framework_edit_class_init (LlFrameworkEditClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ll_framework_edit_finalize;
}

static void
ll_framework_edit_init (LlFrameworkEdit *self)
{
}

/* Writes @framework as the framework @framework_id; observations opened
 * from now on see it, and the list names each line's focus again. */
static gboolean
save_framework (LlWorkbook   *self,
                gint64        framework_id,
                LlFramework  *framework,
                GError      **error)
{
  gpointer key = NULL, old = NULL;

  if (ll_store_save_framework (_ll_workbook_get_store (self), framework_id, framework, error) == 0)
    return FALSE;
  /* whoever holds the old framework may go on reading it until the
   * workbook closes */
  if (g_hash_table_steal_extended (get_observations (self)->frameworks, &framework_id, &key, &old))
    {
      GPtrArray *retired = g_object_get_data (G_OBJECT (self), "ll-retired-frameworks");

      if (retired == NULL)
        {
          retired = g_ptr_array_new_with_free_func (g_object_unref);
          g_object_set_data_full (G_OBJECT (self), "ll-retired-frameworks", retired,
                                  (GDestroyNotify) g_ptr_array_unref);
        }
      g_ptr_array_add (retired, old);
      g_free (key);
    }
  rename_focus (self);
  return TRUE;
}

static gboolean
write_framework (GObject  *object,
                 guint     field,
                 GError  **error)
{
  LlFrameworkEdit *edit = LL_FRAMEWORK_EDIT (object);
  g_autoptr(LlFramework) framework = NULL;

  if (edit->workbook == NULL)
    return TRUE;
  framework = g_object_ref (edit->framework);
  if (!save_framework (edit->workbook, edit->id, framework, error))
    return FALSE;
  /* unless it changed again while it was written */
  if (edit->framework == framework)
    g_hash_table_remove (get_observations (edit->workbook)->waiting, &edit->id);
  return TRUE;
}

/* Whether @replacement has every behaviour of @current. */
static gboolean
keeps_behaviours (LlFramework *current,
                  LlFramework *replacement)
{
  g_auto(GStrv) ids = ll_framework_dup_behaviour_ids (current);

  for (guint i = 0; ids[i] != NULL; i++)
    if (ll_framework_find_behaviour (replacement, ids[i], NULL) == NULL)
      return FALSE;
  return TRUE;
}

/**
 * ll_workbook_update_framework:
 * Replaces the framework @framework_id with a copy of @framework once its
 * rules hold. A change that keeps every behaviour (a name, a description,
 * an order, a behaviour added) is written after a pause, as typing is; one
 * that takes behaviours out is decided against the file at once, and
 * refused if observations record any of them.
 */
gboolean
ll_workbook_update_framework (LlWorkbook   *self,
                              gint64        framework_id,
                              LlFramework  *framework,
                              GError      **error)
{
  Observations *observations;
  LlFrameworkEdit *edit;
  LlFramework *current;
  LlStore *store;
  g_autoptr(LlFramework) stored = NULL;
  g_auto(GStrv) in_use = NULL;

  g_return_val_if_fail (LL_IS_WORKBOOK (self), FALSE);
  g_return_val_if_fail (LL_IS_FRAMEWORK (framework), FALSE);

  if (!ll_framework_validate (framework, error))
    return FALSE;
  observations = get_observations (self);
  edit = g_hash_table_lookup (observations->waiting, &framework_id);
  current = edit != NULL ? edit->framework : framework_by_id (self, framework_id);
  if (current != NULL && keeps_behaviours (current, framework))
    {
      if (edit == NULL)
        {
          edit = g_object_new (LL_TYPE_FRAMEWORK_EDIT, NULL);
          g_set_weak_pointer (&edit->workbook, self);
          edit->id = framework_id;
          g_hash_table_insert (observations->waiting, g_memdup2 (&framework_id, sizeof framework_id), edit);
        }
      g_clear_object (&edit->framework);
      edit->framework = ll_framework_copy (framework);
      ll_pending_schedule (_ll_workbook_get_pending (self), G_OBJECT (edit), 0, write_framework);
      return TRUE;
    }

  store = _ll_workbook_get_store (self);
  /* what was typed into an observation or a framework a moment ago
   * counts */
  if (!ll_pending_flush (_ll_workbook_get_pending (self), error))
    return FALSE;
  stored = ll_store_load_framework (store, framework_id, error);
  if (stored == NULL)
    return FALSE;
  in_use = ll_store_dup_behaviours_in_use (store, framework_id, error);
  if (in_use == NULL)
    return FALSE;
  if (!ll_framework_can_replace (stored, framework, (const char * const *) in_use, error))
    return FALSE;
  return save_framework (self, framework_id, framework, error);
}

gboolean
ll_workbook_remove_framework (LlWorkbook  *self,
                              gint64       framework_id,
                              GError     **error)
{
  LlStore *store;
  g_autoptr(LlFramework) framework = NULL;
  gint64 uses;

  g_return_val_if_fail (LL_IS_WORKBOOK (self), FALSE);

  store = _ll_workbook_get_store (self);
  if (!ll_pending_flush (_ll_workbook_get_pending (self), error))
    return FALSE;
  framework = ll_store_load_framework (store, framework_id, error);
  if (framework == NULL)
    return FALSE;
  uses = ll_store_count_framework_uses (store, framework_id);
  if (uses != 0)
    {
      if (uses < 0)
        g_set_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_IO,
                     _("Whether observations use “%s” could not be read."), ll_framework_get_name (framework));
      else
        g_set_error (error, LL_FRAMEWORK_ERROR, LL_FRAMEWORK_ERROR_IN_USE,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "%" G_GINT64_FORMAT " observation uses “%s”, so it stays.",
                                  "%" G_GINT64_FORMAT " observations use “%s”, so it stays.",
                                  (gulong) uses),
                     uses, ll_framework_get_name (framework));
      return FALSE;
    }
  return ll_store_delete_framework (store, framework_id, error);
}

/* Trends ------------------------------------------------------------------ */

LlObservationTrend *
ll_workbook_dup_observation_trend (LlWorkbook  *self,
                                   gint64       framework_id,
                                   const char  *year_group,
                                   GError     **error)
{
  LlStore *store;

  g_return_val_if_fail (LL_IS_WORKBOOK (self), NULL);

  store = _ll_workbook_get_store (self);
  if (!ll_pending_flush (_ll_workbook_get_pending (self), error))
    return NULL;
  if (framework_id == 0)
    {
      g_autoptr(GArray) ids = ll_store_list_frameworks (store, error);

      if (ids == NULL)
        return NULL;
      if (ids->len == 0)
        {
          g_set_error_literal (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_NO_SUCH_DOCUMENT,
                               _("This workbook has no framework of learning behaviours yet."));
          return NULL;
        }
      framework_id = g_array_index (ids, gint64, 0);
    }
  return ll_observation_trend_new (store, framework_id, NULL, 0, year_group, error);
}

/* "Year 10" after "Year 9": the number in a name, or -1. */
static int
year_number (const char *name)
{
  const char *digits = name;

  while (*digits != '\0' && !g_ascii_isdigit (*digits))
    digits++;
  return *digits != '\0' ? (int) g_ascii_strtoll (digits, NULL, 10) : -1;
}

static int
compare_year_groups (gconstpointer a,
                     gconstpointer b)
{
  const char *x = *(const char * const *) a;
  const char *y = *(const char * const *) b;
  int nx = year_number (x), ny = year_number (y);

  /* Nursery and Reception (no number) come before Year 1 */
  if (nx != ny)
    return nx < ny ? -1 : 1;
  return g_utf8_collate (x, y);
}

char **
ll_workbook_dup_observed_year_groups (LlWorkbook  *self,
                                      GError     **error)
{
  g_autoptr(GPtrArray) counts = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_return_val_if_fail (LL_IS_WORKBOOK (self), NULL);

  counts = ll_store_count_by_year_group (_ll_workbook_get_store (self), "0000-01-01", "9999-12-31", error);
  if (counts == NULL)
    return NULL;
  for (guint i = 0; i < counts->len; i++)
    {
      LlStoreMark *mark = g_ptr_array_index (counts, i);

      if (mark->behaviour[0] != '\0')
        g_ptr_array_add (names, g_strdup (mark->behaviour));
    }
  g_ptr_array_sort (names, compare_year_groups);
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}
