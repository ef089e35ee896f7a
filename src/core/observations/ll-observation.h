/* ll-observation.h: one developmental lesson observation, with the notes
 * taken in the lesson and the dialogue that follows it
 *
 * There is no grade of the lesson or of the teacher, by design: an
 * observation records what pupils did, which behaviours were seen, and
 * what observer and teacher agreed to try next.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  LL_OBSERVATION_PLANNED,
  LL_OBSERVATION_OBSERVED,
  LL_OBSERVATION_DISCUSSED,
  LL_OBSERVATION_CLOSED,
} LlObservationStatus;

/* The stable id written in workbooks ("planned"...), and back. */
const char  *ll_observation_status_to_id    (LlObservationStatus  status);
gboolean     ll_observation_status_from_id  (const char          *id,
                                             LlObservationStatus *status);
/* "Planned", "Observed", "Discussed", "Closed", translated. */
const char  *ll_observation_status_to_label (LlObservationStatus  status);

/* The text fields, each also a property of the same name with "-" for
 * "_" ("class-group"). Long texts (context, strengths, questions,
 * reflection) are DocBook block fragments; next steps are one per line,
 * the first the one agreed; focus is behaviour keys separated by spaces;
 * dates are YYYY-MM-DD and the start HH:MM. */
typedef enum {
  LL_OBSERVATION_DATE,
  LL_OBSERVATION_START,
  LL_OBSERVATION_CLASS_GROUP,
  LL_OBSERVATION_YEAR_GROUP,
  LL_OBSERVATION_SUBJECT,
  LL_OBSERVATION_FOCUS,
  LL_OBSERVATION_CONTEXT,
  LL_OBSERVATION_STATUS_TEXT,   /* use ll_observation_get_status() */
  LL_OBSERVATION_STRENGTHS,
  LL_OBSERVATION_QUESTIONS,
  LL_OBSERVATION_NEXT_STEPS,
  LL_OBSERVATION_REFLECTION,
  LL_OBSERVATION_FOLLOW_UP,
  LL_OBSERVATION_N_TEXTS
} LlObservationText;

/* The number fields, also properties: "duration" (minutes),
 * "observer-id", "teacher-id", "framework-id" (0: none). */
typedef enum {
  LL_OBSERVATION_DURATION,
  LL_OBSERVATION_OBSERVER,
  LL_OBSERVATION_TEACHER,
  LL_OBSERVATION_FRAMEWORK,
  LL_OBSERVATION_N_NUMBERS
} LlObservationNumber;

#define LL_TYPE_OBSERVATION_NOTE (ll_observation_note_get_type ())
G_DECLARE_FINAL_TYPE (LlObservationNote, ll_observation_note, LL, OBSERVATION_NOTE, GObject)

/* Properties: "id", "minute" (of the lesson), "behaviours" (keys
 * separated by spaces), "text". Setters write after a pause. */
gint64       ll_observation_note_get_id         (LlObservationNote *self);
guint        ll_observation_note_get_minute     (LlObservationNote *self);
const char  *ll_observation_note_get_behaviours (LlObservationNote *self);
void         ll_observation_note_set_behaviours (LlObservationNote *self,
                                                 const char        *behaviours);
const char  *ll_observation_note_get_text       (LlObservationNote *self);
void         ll_observation_note_set_text       (LlObservationNote *self,
                                                 const char        *text);

#define LL_TYPE_OBSERVATION (ll_observation_get_type ())
G_DECLARE_FINAL_TYPE (LlObservation, ll_observation, LL, OBSERVATION, GObject)

gint64               ll_observation_get_id        (LlObservation       *self);
const char          *ll_observation_get_text      (LlObservation       *self,
                                                   LlObservationText    field);
/* Text is written after a pause in the typing, at least once a second;
 * a date or a choice at once. */
void                 ll_observation_set_text      (LlObservation       *self,
                                                   LlObservationText    field,
                                                   const char          *value);
gint64               ll_observation_get_number    (LlObservation       *self,
                                                   LlObservationNumber  field);
void                 ll_observation_set_number    (LlObservation       *self,
                                                   LlObservationNumber  field,
                                                   gint64               value);
LlObservationStatus  ll_observation_get_status    (LlObservation       *self);
void                 ll_observation_set_status    (LlObservation       *self,
                                                   LlObservationStatus  status);

/* The notes, in the order they were taken (a GListModel of
 * LlObservationNote). A new note is written at once. */
GListModel          *ll_observation_get_notes     (LlObservation       *self);
LlObservationNote   *ll_observation_add_note      (LlObservation       *self,
                                                   guint                minute,
                                                   const char          *behaviours,
                                                   const char          *text,
                                                   GError             **error);
gboolean             ll_observation_remove_note   (LlObservation       *self,
                                                   LlObservationNote   *note,
                                                   GError             **error);

/* How often a behaviour was seen; a tally changes by one at a time, and
 * never below 0. Emits "tallies-changed". */
guint                ll_observation_get_tally     (LlObservation       *self,
                                                   const char          *behaviour);
void                 ll_observation_change_tally  (LlObservation       *self,
                                                   const char          *behaviour,
                                                   int                  delta);
/* A behaviour's level on the framework's scale (-1: not given) and the
 * line of evidence for it. Emits "levels-changed". */
int                  ll_observation_get_level     (LlObservation       *self,
                                                   const char          *behaviour,
                                                   const char         **evidence);
void                 ll_observation_set_level     (LlObservation       *self,
                                                   const char          *behaviour,
                                                   int                  level,
                                                   const char          *evidence);

G_END_DECLS
