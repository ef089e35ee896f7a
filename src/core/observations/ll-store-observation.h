/* ll-store-observation.h: lesson observations and frameworks in the store
 * (private to core; the SQL is in ll-store-observation.c) */
#pragma once

#include "ll-framework.h"
#include "ll-store.h"

G_BEGIN_DECLS

/* One line of the year's list: what the list index holds. */
typedef struct
{
  gint64  id;
  char   *date;          /* YYYY-MM-DD */
  char   *start;         /* HH:MM or "" */
  gint64  teacher_id;    /* 0 if none */
  gint64  observer_id;
  char   *class_group;
  char   *year_group;
  char   *subject;
  char   *focus;         /* behaviour keys, separated by spaces */
  char   *status;
  char   *follow_up;     /* YYYY-MM-DD or "" */
} LlStoreObservationSummary;

void       ll_store_observation_summary_free (LlStoreObservationSummary *summary);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LlStoreObservationSummary, ll_store_observation_summary_free)

/* The text fields of an observation, by column name. */
typedef enum {
  LL_STORE_OBSERVATION_DATE,
  LL_STORE_OBSERVATION_START,
  LL_STORE_OBSERVATION_CLASS_GROUP,
  LL_STORE_OBSERVATION_YEAR_GROUP,
  LL_STORE_OBSERVATION_SUBJECT,
  LL_STORE_OBSERVATION_FOCUS,
  LL_STORE_OBSERVATION_CONTEXT,
  LL_STORE_OBSERVATION_STATUS,
  LL_STORE_OBSERVATION_STRENGTHS,
  LL_STORE_OBSERVATION_QUESTIONS,
  LL_STORE_OBSERVATION_NEXT_STEPS,
  LL_STORE_OBSERVATION_REFLECTION,
  LL_STORE_OBSERVATION_FOLLOW_UP,
  LL_STORE_OBSERVATION_N_TEXTS
} LlStoreObservationText;

/* The number fields. A person or framework of 0 is none. */
typedef enum {
  LL_STORE_OBSERVATION_DURATION,
  LL_STORE_OBSERVATION_OBSERVER,
  LL_STORE_OBSERVATION_TEACHER,
  LL_STORE_OBSERVATION_FRAMEWORK,
  LL_STORE_OBSERVATION_N_NUMBERS
} LlStoreObservationNumber;

typedef struct
{
  gint64  id;
  char   *title;
  char   *texts[LL_STORE_OBSERVATION_N_TEXTS];
  gint64  numbers[LL_STORE_OBSERVATION_N_NUMBERS];
} LlStoreObservation;

void       ll_store_observation_free      (LlStoreObservation *observation);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LlStoreObservation, ll_store_observation_free)

typedef struct
{
  gint64  id;
  guint   minute;
  char   *behaviours;    /* keys, separated by spaces */
  char   *text;
} LlStoreNote;

void       ll_store_note_free             (LlStoreNote *note);

/* A behaviour's count or level in one observation. */
typedef struct
{
  char   *behaviour;
  int     value;         /* a tally's count, or a level (-1: none) */
  char   *evidence;      /* levels only */
} LlStoreMark;

void       ll_store_mark_free             (LlStoreMark *mark);

typedef struct
{
  gint64  id;
  double  rank;          /* lower is better */
  char   *snippet;       /* the matching words between \x02 and \x03 */
} LlStoreSearchHit;

void       ll_store_search_hit_free       (LlStoreSearchHit *hit);

gint64     ll_store_insert_observation    (LlStore      *self,
                                           const char   *title,
                                           gint64        framework_id,
                                           const char   *date,
                                           GError      **error);
LlStoreObservation *ll_store_get_observation (LlStore   *self,
                                           gint64        id,
                                           GError      **error);
gboolean   ll_store_update_observation_text (LlStore    *self,
                                           gint64        id,
                                           LlStoreObservationText field,
                                           const char   *value,
                                           GError      **error);
gboolean   ll_store_update_observation_number (LlStore  *self,
                                           gint64        id,
                                           LlStoreObservationNumber field,
                                           gint64        value,
                                           GError      **error);
/* Of LlStoreObservationSummary, by date and start time. */
/* For the check: how many observation documents have no observation,
 * or -1 when the file cannot say. */
gint64     ll_store_count_lost_observations (LlStore    *self);
GPtrArray *ll_store_list_observations     (LlStore      *self,
                                           GError      **error);
/* Which framework each observation uses. When they all use one, *@only
 * is set to it (0 for none) and *@map to NULL; otherwise *@map is a new
 * table from document ID to framework ID (both gint64 *). */
gboolean   ll_store_observation_frameworks (LlStore     *self,
                                           gint64       *only,
                                           GHashTable  **map,
                                           GError      **error);

/* Of LlStoreNote, in the order they were taken. */
GPtrArray *ll_store_list_notes            (LlStore      *self,
                                           gint64        observation_id,
                                           GError      **error);
gint64     ll_store_insert_note           (LlStore      *self,
                                           gint64        observation_id,
                                           guint         minute,
                                           const char   *behaviours,
                                           const char   *text,
                                           GError      **error);
gboolean   ll_store_update_note           (LlStore      *self,
                                           gint64        note_id,
                                           const char   *behaviours,
                                           const char   *text,
                                           GError      **error);
gboolean   ll_store_delete_note           (LlStore      *self,
                                           gint64        note_id,
                                           GError      **error);

/* A count of 0 removes the tally. Of LlStoreMark, by behaviour. */
gboolean   ll_store_set_tally             (LlStore      *self,
                                           gint64        observation_id,
                                           const char   *behaviour,
                                           guint         count,
                                           GError      **error);
GPtrArray *ll_store_list_tallies          (LlStore      *self,
                                           gint64        observation_id,
                                           GError      **error);
gboolean   ll_store_set_level             (LlStore      *self,
                                           gint64        observation_id,
                                           const char   *behaviour,
                                           int           level,
                                           const char   *evidence,
                                           GError      **error);
GPtrArray *ll_store_list_levels           (LlStore      *self,
                                           gint64        observation_id,
                                           GError      **error);

/* Observations whose words match @query (words as typed; the last may be
 * the start of a word), best first, at most @limit. Of LlStoreSearchHit. */
GPtrArray *ll_store_search_observations   (LlStore      *self,
                                           const char   *query,
                                           guint         limit,
                                           GError      **error);
/* The FTS5 query for what the user typed: each word quoted, the last one
 * a prefix; NULL when there is no word to look for. */
char      *ll_store_search_query          (const char   *typed);

/* Frameworks: saving replaces the groups and behaviours of @id (0: a new
 * framework); returns its id. The caller checks that no behaviour in use
 * is lost (ll_framework_can_replace()). */
gint64     ll_store_save_framework        (LlStore      *self,
                                           gint64        id,
                                           LlFramework  *framework,
                                           GError      **error);
LlFramework *ll_store_load_framework      (LlStore      *self,
                                           gint64        id,
                                           GError      **error);
/* The ids of the frameworks, in order. */
GArray    *ll_store_list_frameworks       (LlStore      *self,
                                           GError      **error);
/* How many observations use @framework_id; -1 when the file could not
 * be read. */
gint64     ll_store_count_framework_uses  (LlStore      *self,
                                           gint64        framework_id);
/* Removes @framework_id with its groups and behaviours; the caller makes
 * sure that no observation uses it. */
gboolean   ll_store_delete_framework      (LlStore      *self,
                                           gint64        framework_id,
                                           GError      **error);
/* The keys of the behaviours of @framework_id that observations refer to
 * (focus, notes, tallies or levels), sorted, each once. */
GStrv      ll_store_dup_behaviours_in_use (LlStore      *self,
                                           gint64        framework_id,
                                           GError      **error);

/* One note with what the CSV of notes says about its observation. */
typedef struct
{
  char   *date;
  char   *observer;      /* the person's name, or "" */
  char   *teacher;
  char   *class_group;
  char   *year_group;
  char   *subject;
  guint   minute;
  char   *behaviours;    /* keys, separated by spaces */
  char   *text;
  gint64  framework_id;  /* 0 if none */
} LlStoreNoteRow;

void       ll_store_note_row_free         (LlStoreNoteRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LlStoreNoteRow, ll_store_note_row_free)

/* Calls @func with every note of every observation, by the observation's
 * date and start time and then in the order the notes were taken,
 * without holding them all at once. */
typedef gboolean (*LlStoreNoteRowFunc) (const LlStoreNoteRow *row,
                                        gpointer              user_data,
                                        GError              **error);
gboolean   ll_store_foreach_note_row      (LlStore            *self,
                                           LlStoreNoteRowFunc  func,
                                           gpointer            user_data,
                                           GError            **error);

/* How often a behaviour reached a level in a period. */
typedef struct
{
  char   *behaviour;
  guint   observed;      /* observations that gave it a level */
  guint   reached;       /* of them, at @threshold or above */
} LlStoreShare;

void       ll_store_share_free            (LlStoreShare *share);

/* For the observations using @framework_id dated from @from up to (not
 * including) @until, of @year_group (NULL or "" for all): each behaviour
 * given a level, by key. Of LlStoreShare. */
GPtrArray *ll_store_list_shares           (LlStore      *self,
                                           gint64        framework_id,
                                           const char   *from,
                                           const char   *until,
                                           const char   *year_group,
                                           int           threshold,
                                           GError      **error);
/* The months (YYYY-MM) in which there are observations, in order. */
GStrv      ll_store_dup_observation_months (LlStore     *self,
                                           GError      **error);

/* The observations dated from @from up to @until: how many, of how many
 * teachers and by how many observers. */
gboolean   ll_store_count_observations    (LlStore      *self,
                                           const char   *from,
                                           const char   *until,
                                           guint        *observations,
                                           guint        *teachers,
                                           guint        *observers,
                                           GError      **error);
/* The frameworks that observations dated from @from up to @until follow,
 * in the frameworks' order. */
GArray    *ll_store_list_frameworks_observed (LlStore    *self,
                                           const char   *from,
                                           const char   *until,
                                           GError      **error);
/* The same, by year group: of LlStoreMark whose behaviour is the year
 * group and value the count, in the order of the year groups' names. */
GPtrArray *ll_store_count_by_year_group   (LlStore      *self,
                                           const char   *from,
                                           const char   *until,
                                           GError      **error);
/* The first (agreed) next step of each of those observations that has
 * one, with its year group and subject: of LlStoreNoteRow with date,
 * year_group, subject and text set. */
GPtrArray *ll_store_list_agreed_steps     (LlStore      *self,
                                           const char   *from,
                                           const char   *until,
                                           GError      **error);

G_END_DECLS
