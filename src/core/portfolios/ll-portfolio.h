/* ll-portfolio.h: a participant's evidence portfolio for certification:
 * the participant's details, the entries in their order, the status and
 * the copies submitted for verification */
#pragma once

#include <gio/gio.h>

#include "ll-programme.h"

G_BEGIN_DECLS

#define LL_PORTFOLIO_ERROR (ll_portfolio_error_quark ())

typedef enum {
  LL_PORTFOLIO_ERROR_LOCKED,   /* an edit while submitted, verified or certified */
  LL_PORTFOLIO_ERROR_STATUS,   /* a change of status that cannot follow the current one */
} LlPortfolioError;

GQuark ll_portfolio_error_quark (void);

typedef enum {
  LL_PORTFOLIO_IN_PROGRESS,
  LL_PORTFOLIO_SUBMITTED,
  LL_PORTFOLIO_VERIFIED,
  LL_PORTFOLIO_CERTIFIED,
  LL_PORTFOLIO_N_STATUSES
} LlPortfolioStatus;

typedef enum {
  LL_PARTICIPANT_ASPIRING_MIDDLE_LEADER,
  LL_PARTICIPANT_MIDDLE_LEADER,
  LL_PARTICIPANT_TEACHING_ASSISTANT,
  LL_PARTICIPANT_LEARNING_SUPPORT_ASSISTANT,
  LL_PARTICIPANT_OTHER_ROLE,
  LL_PARTICIPANT_N_ROLES
} LlParticipantRole;

/* The areas of focus the programme names; OTHER takes a text. */
typedef enum {
  LL_FOCUS_LITERACY_AND_MATHEMATICS,
  LL_FOCUS_BEHAVIOUR_FOR_LEARNING,
  LL_FOCUS_EARLY_YEARS_SELF_INITIATED,
  LL_FOCUS_INDEPENDENT_STUDY_SKILLS,
  LL_FOCUS_HOME_LEARNING,
  LL_FOCUS_ATTENDANCE,
  LL_FOCUS_TRANSITION,
  LL_FOCUS_RESTORATIVE_APPROACHES,
  LL_FOCUS_PUPIL_VOICE,
  LL_FOCUS_INTERVENTION_IMPACT,
  LL_FOCUS_CURRICULUM_MATERIALS,
  LL_FOCUS_OTHER,
  LL_FOCUS_N_AREAS
} LlFocusArea;

/* How the work-based activity is done. */
typedef enum {
  LL_ACTIVITY_ALONE,
  LL_ACTIVITY_PAIR,
  LL_ACTIVITY_SMALL_GROUP,
  LL_ACTIVITY_N_MODES
} LlActivityMode;

typedef enum {
  LL_ENTRY_SESSION_REFLECTION,   /* on a study session */
  LL_ENTRY_CLUSTER_REFLECTION,   /* on a cluster group meeting */
  LL_ENTRY_STORY,                /* one part of the analytical story */
  LL_ENTRY_TUTORIAL,             /* notes of a tutorial */
  LL_ENTRY_REFLECTION,           /* a free reflection */
  LL_ENTRY_N_KINDS
} LlEntryKind;

/* The seven parts of the analytical story of the work-based activity. */
typedef enum {
  LL_STORY_PRIORITY,      /* the school priority and why it matters */
  LL_STORY_AGREEMENT,     /* the agreement with the senior leadership team */
  LL_STORY_ACTION,        /* what was done */
  LL_STORY_IMPACT,        /* the evidence of impact */
  LL_STORY_LEARNING,      /* what I learnt about leadership */
  LL_STORY_NEXT_STEPS,    /* next steps to secure continuity */
  LL_STORY_PRESENTATION,  /* presenting the outcomes to staff */
  LL_STORY_N_PARTS,
  LL_STORY_NONE = LL_STORY_N_PARTS,
} LlStoryPart;

/* Stable identifiers as the workbook stores them, and translated labels.
 * The _from_id functions return FALSE for an unknown identifier. */
const char  *ll_portfolio_status_to_id     (LlPortfolioStatus  status);
gboolean     ll_portfolio_status_from_id   (const char        *id,
                                            LlPortfolioStatus *status);
const char  *ll_portfolio_status_to_label  (LlPortfolioStatus  status);
const char  *ll_participant_role_to_id     (LlParticipantRole  role);
gboolean     ll_participant_role_from_id   (const char        *id,
                                            LlParticipantRole *role);
const char  *ll_participant_role_to_label  (LlParticipantRole  role);
const char  *ll_focus_area_to_id           (LlFocusArea        area);
gboolean     ll_focus_area_from_id         (const char        *id,
                                            LlFocusArea       *area);
const char  *ll_focus_area_to_label        (LlFocusArea        area);
const char  *ll_activity_mode_to_id        (LlActivityMode     mode);
gboolean     ll_activity_mode_from_id      (const char        *id,
                                            LlActivityMode    *mode);
const char  *ll_activity_mode_to_label     (LlActivityMode     mode);
const char  *ll_entry_kind_to_id           (LlEntryKind        kind);
gboolean     ll_entry_kind_from_id         (const char        *id,
                                            LlEntryKind       *kind);
const char  *ll_entry_kind_to_label        (LlEntryKind        kind);
const char  *ll_story_part_to_id           (LlStoryPart        part);
gboolean     ll_story_part_from_id         (const char        *id,
                                            LlStoryPart       *part);
const char  *ll_story_part_to_label        (LlStoryPart        part);

/* Who the portfolio is of, and what their work-based activity is. */
typedef struct
{
  gint64             person_id;      /* a person of the workbook, or 0 */
  char              *school;
  LlParticipantRole  role;
  gint64             tutor_id;       /* a person of the workbook, or 0 */
  LlFocusArea        focus;
  char              *focus_other;    /* the area, when focus is OTHER */
  LlActivityMode     activity;
  char              *activity_with;  /* with whom, in a pair or a group */
} LlParticipant;

#define LL_TYPE_PARTICIPANT (ll_participant_get_type ())
GType          ll_participant_get_type  (void);
LlParticipant *ll_participant_new       (void);
LlParticipant *ll_participant_copy      (const LlParticipant *participant);
void           ll_participant_free      (LlParticipant       *participant);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LlParticipant, ll_participant_free)

/* One entry of a portfolio. Its rich text is a DocBook block fragment,
 * as the editor stores narratives' sections. Change it through the
 * portfolio. Read-only properties, each notified when it changes: "id"
 * (gint64), "kind" (guint, LlEntryKind), "part" (guint, LlStoryPart),
 * "date", "title", "body", "presented", "audience" (strings),
 * "included" (boolean), "session" (gint64), "led" (boolean), "words"
 * (guint). */
#define LL_TYPE_PORTFOLIO_ENTRY (ll_portfolio_entry_get_type ())
G_DECLARE_FINAL_TYPE (LlPortfolioEntry, ll_portfolio_entry, LL, PORTFOLIO_ENTRY, GObject)

/* The text fields of an entry. */
typedef enum {
  LL_ENTRY_DATE,        /* YYYY-MM-DD: when it was written or happened */
  LL_ENTRY_TITLE,       /* a free reflection's own title; may be "" */
  LL_ENTRY_BODY,        /* the DocBook fragment */
  LL_ENTRY_PRESENTED,   /* the presentation part: YYYY-MM-DD or "" */
  LL_ENTRY_AUDIENCE,    /* the presentation part: who heard it */
  LL_ENTRY_N_TEXTS
} LlEntryText;

gint64        ll_portfolio_entry_get_id        (LlPortfolioEntry *self);
LlEntryKind   ll_portfolio_entry_get_kind      (LlPortfolioEntry *self);
/* LL_STORY_NONE unless the entry is a part of the story. */
LlStoryPart   ll_portfolio_entry_get_part      (LlPortfolioEntry *self);
const char   *ll_portfolio_entry_get_text      (LlPortfolioEntry *self,
                                                LlEntryText       field);
gboolean      ll_portfolio_entry_get_included  (LlPortfolioEntry *self);
/* The study session or cluster meeting it reflects on, or 0. */
gint64        ll_portfolio_entry_get_session   (LlPortfolioEntry *self);
/* A cluster reflection: whether the participant led the meeting. */
gboolean      ll_portfolio_entry_get_led       (LlPortfolioEntry *self);
/* The words of the body, counted when it was set. */
guint         ll_portfolio_entry_get_words     (LlPortfolioEntry *self);
/* What the entry is called in a list or a message: its title, or what
 * it is ("Cluster meeting 2", "What I learnt about leadership"). */
char         *ll_portfolio_entry_dup_heading   (LlPortfolioEntry *self,
                                                const LlProgramme *programme);

/* Read-only properties, each notified when it changes: "id" (gint64),
 * "status" (guint, LlPortfolioStatus), "editable" (boolean),
 * "n-submissions" (guint). The list of entries says when one is added,
 * moved or removed; an entry's own properties say when it changes. */
#define LL_TYPE_PORTFOLIO (ll_portfolio_get_type ())
G_DECLARE_FINAL_TYPE (LlPortfolio, ll_portfolio, LL, PORTFOLIO, GObject)

gint64               ll_portfolio_get_id            (LlPortfolio       *self);
LlPortfolioStatus    ll_portfolio_get_status        (LlPortfolio       *self);
const LlParticipant *ll_portfolio_get_participant   (LlPortfolio       *self);
/* The entries in their order: a GListModel of LlPortfolioEntry. */
GListModel          *ll_portfolio_get_entries       (LlPortfolio       *self);
/* How many copies were submitted so far. */
guint                ll_portfolio_get_n_submissions (LlPortfolio       *self);
/* Whether the portfolio can be edited now: it is in progress, in a
 * workbook open for writing. */
gboolean             ll_portfolio_get_editable      (LlPortfolio       *self);
/* The entry @id, or NULL. */
LlPortfolioEntry    *ll_portfolio_find_entry        (LlPortfolio       *self,
                                                     gint64             id);
/* The story's @part, or NULL while it has none. */
LlPortfolioEntry    *ll_portfolio_find_story_part   (LlPortfolio       *self,
                                                     LlStoryPart        part);

/* Edits. Each is refused with LL_PORTFOLIO_ERROR_LOCKED unless the
 * portfolio is in progress. Texts are written after a pause in the
 * typing, as every text of the workbook is (see ll-pending.h), dates
 * and everything else at once; what waits is written before an entry is
 * added, moved or removed and before the portfolio is submitted.
 * The participant is changed through the workbook
 * (ll_workbook_update_participant()), which keeps the title in step. */
/* A new entry at the end, dated @date (YYYY-MM-DD), included; @part is
 * the story's part for LL_ENTRY_STORY (a story has each part once) and
 * LL_STORY_NONE otherwise. The portfolio holds the entry. */
LlPortfolioEntry    *ll_portfolio_add_entry         (LlPortfolio       *self,
                                                     LlEntryKind        kind,
                                                     LlStoryPart        part,
                                                     const char        *date,
                                                     GError           **error);
gboolean             ll_portfolio_set_entry_text    (LlPortfolio       *self,
                                                     LlPortfolioEntry  *entry,
                                                     LlEntryText        field,
                                                     const char        *value,
                                                     GError           **error);
gboolean             ll_portfolio_set_entry_included (LlPortfolio      *self,
                                                     LlPortfolioEntry  *entry,
                                                     gboolean           included,
                                                     GError           **error);
gboolean             ll_portfolio_set_entry_session (LlPortfolio       *self,
                                                     LlPortfolioEntry  *entry,
                                                     gint64             session_id,
                                                     GError           **error);
gboolean             ll_portfolio_set_entry_led     (LlPortfolio       *self,
                                                     LlPortfolioEntry  *entry,
                                                     gboolean           led,
                                                     GError           **error);
/* Moves @entry to @position (0 is first; past the end is last). */
gboolean             ll_portfolio_move_entry        (LlPortfolio       *self,
                                                     LlPortfolioEntry  *entry,
                                                     guint              position,
                                                     GError           **error);
gboolean             ll_portfolio_remove_entry      (LlPortfolio       *self,
                                                     LlPortfolioEntry  *entry,
                                                     GError           **error);

/* Status. Submitting keeps a copy of exactly what was submitted, numbered
 * from 1, that nothing changes afterwards; the number, or 0 with @error.
 * Only an in-progress portfolio can be submitted. */
guint                ll_portfolio_submit            (LlPortfolio       *self,
                                                     GError           **error);
/* The tutor opens a submitted portfolio for changes again. */
gboolean             ll_portfolio_reopen            (LlPortfolio       *self,
                                                     GError           **error);
/* The tutor verifies the last submission, with a statement. */
gboolean             ll_portfolio_verify            (LlPortfolio       *self,
                                                     const char        *statement,
                                                     const char        *tutor_name,
                                                     GError           **error);
/* A verified portfolio is certified. */
gboolean             ll_portfolio_certify           (LlPortfolio       *self,
                                                     GError           **error);

/* A copy submitted for verification. */
typedef struct
{
  guint   number;
  char   *submitted;    /* ISO 8601 UTC time */
  char   *content;      /* the serialised participant and included entries */
  char   *statement;    /* the tutor's statement, "" until verified */
  char   *verified_by;
  char   *verified;     /* ISO 8601 UTC time, "" until verified */
} LlPortfolioSubmission;

void                 ll_portfolio_submission_free   (LlPortfolioSubmission *submission);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LlPortfolioSubmission, ll_portfolio_submission_free)
/* The submitted copy @number, read from the workbook. */
LlPortfolioSubmission *ll_portfolio_dup_submission  (LlPortfolio       *self,
                                                     guint              number,
                                                     GError           **error);
/* The text @key ("body", "date", "title", "presented", "audience") of the
 * entry @entry_id as @submission holds it; NULL when it does not hold the
 * entry (left out of it, or written since). */
char                *ll_portfolio_submission_dup_entry_text (const LlPortfolioSubmission *submission,
                                                     gint64             entry_id,
                                                     const char        *key);

/* The requirements of certification, checked against the loaded model
 * alone (no reading from the file), so cheap enough for every edit. */
typedef struct
{
  const char  *kind;         /* the rule's kind, LL_RULE_... */
  gboolean     met;
  char        *label;        /* what the rule asks, translated */
  char        *missing;      /* unmet: a sentence saying what is missing; NULL when met */
  gint64       target_entry; /* the entry to go to, or 0 */
  LlStoryPart  target_part;  /* the story's part to go to, or LL_STORY_NONE */
} LlRequirement;

void         ll_requirement_free               (LlRequirement *requirement);
/* Of LlRequirement, one for each rule of @programme, and for the story's
 * length one for each of its parts, in the order of the rules. */
GPtrArray   *ll_portfolio_check_requirements   (LlPortfolio       *self,
                                                const LlProgramme *programme);
/* "4 of 11 requirements met". */
char        *ll_requirements_dup_summary       (GPtrArray         *requirements);
/* Whether every requirement is met. */
gboolean     ll_requirements_all_met           (GPtrArray         *requirements);

G_END_DECLS
