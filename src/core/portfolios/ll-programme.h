/* ll-programme.h: the leadership programme a workbook's participants
 * follow (Leading Active Learning): its dates, its three study sessions,
 * its six cluster group meetings and the rules a portfolio must meet */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LL_PROGRAMME_N_STUDY_SESSIONS    3
#define LL_PROGRAMME_N_CLUSTER_MEETINGS  6

/* One of the three study sessions, externally facilitated, once a term. */
typedef struct
{
  gint64  id;
  char   *term;         /* "autumn", "spring", "summer" or "" */
  char   *date;         /* YYYY-MM-DD or "" */
  char   *host_school;
  char   *theme;
} LlStudySession;

/* One of the six cluster group meetings, led by participants. */
typedef struct
{
  gint64  id;
  char   *date;         /* YYYY-MM-DD or "" */
  char   *host_school;
  GArray *leaders;      /* of gint64: the people who led it */
} LlClusterMeeting;

/* A rule of certification, as the workbook keeps it: its kind (one of
 * the LL_RULE_ strings) and the number it asks for. */
typedef struct
{
  char   *kind;
  gint64  minimum;
} LlPortfolioRule;

#define LL_RULE_CLUSTER_REFLECTIONS     "cluster-reflections"
#define LL_RULE_LED_CLUSTER_REFLECTION  "led-cluster-reflection"
#define LL_RULE_STORY_PART_WORDS        "story-part-words"
#define LL_RULE_OUTCOMES_PRESENTED      "outcomes-presented"
#define LL_RULE_ENTRIES_IN_YEAR         "entries-in-year"

typedef struct
{
  gint64     id;
  char      *title;
  char      *certifying_body;
  char      *start_date;      /* YYYY-MM-DD */
  char      *end_date;        /* YYYY-MM-DD */
  char      *cohort;
  char      *hub;
  gint64     facilitator_id;  /* a person of the workbook, or 0 */
  GPtrArray *sessions;        /* of LlStudySession, LL_PROGRAMME_N_STUDY_SESSIONS */
  GPtrArray *meetings;        /* of LlClusterMeeting, LL_PROGRAMME_N_CLUSTER_MEETINGS */
  GPtrArray *rules;           /* of LlPortfolioRule, in the order of the check */
} LlProgramme;

#define LL_TYPE_PROGRAMME (ll_programme_get_type ())
GType            ll_programme_get_type         (void);

/* A programme with the defaults: "Leading Active Learning", starting on
 * @start_date (YYYY-MM-DD) and ending on the last day of its twelve
 * months, with empty
 * sessions and meetings and no rules (the store gives those). */
LlProgramme     *ll_programme_new              (const char        *start_date);
LlProgramme     *ll_programme_copy             (const LlProgramme *programme);
void             ll_programme_free             (LlProgramme       *programme);
/* The rule of @kind, or NULL when the programme has none. */
const LlPortfolioRule *ll_programme_find_rule  (const LlProgramme *programme,
                                                const char        *kind);
/* Whether @date (YYYY-MM-DD) is within the programme's dates. */
gboolean         ll_programme_contains_date    (const LlProgramme *programme,
                                                const char        *date);
/* Whether @person_id led the cluster meeting @meeting_id. */
gboolean         ll_programme_meeting_led_by   (const LlProgramme *programme,
                                                gint64             meeting_id,
                                                gint64             person_id);
/* The translated description of a rule's kind, for a checklist. */
const char      *ll_rule_kind_to_label         (const char        *kind);

LlStudySession  *ll_study_session_new          (void);
void             ll_study_session_free         (LlStudySession    *session);
LlClusterMeeting *ll_cluster_meeting_new       (void);
void             ll_cluster_meeting_free       (LlClusterMeeting  *meeting);
void             ll_portfolio_rule_free        (LlPortfolioRule   *rule);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LlProgramme, ll_programme_free)

G_END_DECLS
