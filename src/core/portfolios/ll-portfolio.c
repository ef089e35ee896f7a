/* ll-portfolio.c: a participant's evidence portfolio: the model, its
 * edits (each written at once), its status and its submitted copies */
#define G_LOG_DOMAIN "ll-portfolio"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ll-error.h"
#include "ll-pending.h"
#include "ll-portfolio-private.h"
#include "ll-store-portfolio.h"
#include "ll-term.h"
#include "ll-text.h"

G_DEFINE_QUARK (ll-portfolio-error-quark, ll_portfolio_error)

/* Identifiers and labels ------------------------------------------------------ */

typedef struct
{
  const char *id;
  const char *label;
} Name;

static const Name statuses[LL_PORTFOLIO_N_STATUSES] = {
  [LL_PORTFOLIO_IN_PROGRESS] = { "in-progress", N_("In progress") },
  [LL_PORTFOLIO_SUBMITTED]   = { "submitted", N_("Submitted") },
  [LL_PORTFOLIO_VERIFIED]    = { "verified", N_("Verified") },
  [LL_PORTFOLIO_CERTIFIED]   = { "certified", N_("Certified") },
};

static const Name roles[LL_PARTICIPANT_N_ROLES] = {
  [LL_PARTICIPANT_ASPIRING_MIDDLE_LEADER]     = { "aspiring-middle-leader", N_("Aspiring middle leader") },
  [LL_PARTICIPANT_MIDDLE_LEADER]              = { "middle-leader", N_("Middle leader") },
  [LL_PARTICIPANT_TEACHING_ASSISTANT]         = { "teaching-assistant", N_("Teaching assistant") },
  [LL_PARTICIPANT_LEARNING_SUPPORT_ASSISTANT] = { "learning-support-assistant", N_("Learning support assistant") },
  [LL_PARTICIPANT_OTHER_ROLE]                 = { "other", N_("Other") },
};

static const Name areas[LL_FOCUS_N_AREAS] = {
  [LL_FOCUS_LITERACY_AND_MATHEMATICS]   = { "literacy-and-mathematics",
                                            N_("Developing literacy and mathematics school-wide") },
  [LL_FOCUS_BEHAVIOUR_FOR_LEARNING]     = { "behaviour-for-learning",
                                            N_("Promoting behaviour for learning in the classroom") },
  [LL_FOCUS_EARLY_YEARS_SELF_INITIATED] = { "early-years-self-initiated",
                                            N_("Introducing self-initiated activities in the early years") },
  [LL_FOCUS_INDEPENDENT_STUDY_SKILLS]   = { "independent-study-skills",
                                            N_("Consolidating independent study skills") },
  [LL_FOCUS_HOME_LEARNING]              = { "home-learning", N_("Strengthening home learning") },
  [LL_FOCUS_ATTENDANCE]                 = { "attendance",
                                            N_("Improving the attendance of targeted groups of pupils") },
  [LL_FOCUS_TRANSITION]                 = { "transition", N_("Leading transition and cross-phase learning") },
  [LL_FOCUS_RESTORATIVE_APPROACHES]     = { "restorative-approaches",
                                            N_("Using restorative approaches to resolve conflict") },
  [LL_FOCUS_PUPIL_VOICE]                = { "pupil-voice", N_("Influencing practice through pupil voice") },
  [LL_FOCUS_INTERVENTION_IMPACT]        = { "intervention-impact",
                                            N_("Tracking the impact of intervention programmes") },
  [LL_FOCUS_CURRICULUM_MATERIALS]       = { "curriculum-materials", N_("Designing new curriculum materials") },
  [LL_FOCUS_OTHER]                      = { "other", N_("Other") },
};

static const Name modes[LL_ACTIVITY_N_MODES] = {
  [LL_ACTIVITY_ALONE]       = { "alone", N_("Alone") },
  [LL_ACTIVITY_PAIR]        = { "pair", N_("In a pair") },
  [LL_ACTIVITY_SMALL_GROUP] = { "small-group", N_("In a small group") },
};

static const Name kinds[LL_ENTRY_N_KINDS] = {
  [LL_ENTRY_SESSION_REFLECTION] = { "session-reflection", N_("Reflection on a study session") },
  [LL_ENTRY_CLUSTER_REFLECTION] = { "cluster-reflection", N_("Reflection on a cluster group meeting") },
  [LL_ENTRY_STORY]              = { "story", N_("Part of the analytical story") },
  [LL_ENTRY_TUTORIAL]           = { "tutorial", N_("Tutorial notes") },
  [LL_ENTRY_REFLECTION]         = { "reflection", N_("Reflection") },
};

static const Name parts[LL_STORY_N_PARTS] = {
  [LL_STORY_PRIORITY]     = { "priority", N_("The school priority and why it matters") },
  [LL_STORY_AGREEMENT]    = { "agreement", N_("Agreeing the activity with the senior leadership team") },
  [LL_STORY_ACTION]       = { "action", N_("What was done") },
  [LL_STORY_IMPACT]       = { "impact", N_("The evidence of impact") },
  [LL_STORY_LEARNING]     = { "learning", N_("What I learnt about leadership") },
  [LL_STORY_NEXT_STEPS]   = { "next-steps", N_("Next steps to secure continuity") },
  [LL_STORY_PRESENTATION] = { "presentation", N_("Presenting the outcomes to staff") },
};

static gboolean
name_from_id (const Name *names,
              guint       n,
              const char *id,
              guint      *value)
{
  if (id == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (g_str_equal (id, names[i].id))
      {
        *value = i;
        return TRUE;
      }
  return FALSE;
}

#define DEFINE_NAMES(prefix, Type, table, n) \
  const char * \
  prefix##_to_id (Type value) \
  { \
    g_return_val_if_fail ((guint) value < (n), NULL); \
    return table[value].id; \
  } \
  gboolean \
  prefix##_from_id (const char *id, \
                    Type       *value) \
  { \
    guint found; \
    if (!name_from_id (table, (n), id, &found)) \
      return FALSE; \
    *value = (Type) found; \
    return TRUE; \
  } \
  const char * \
  prefix##_to_label (Type value) \
  { \
    g_return_val_if_fail ((guint) value < (n), NULL); \
    return g_dgettext (GETTEXT_PACKAGE, table[value].label); \
  }

DEFINE_NAMES (ll_portfolio_status, LlPortfolioStatus, statuses, LL_PORTFOLIO_N_STATUSES)
DEFINE_NAMES (ll_participant_role, LlParticipantRole, roles, LL_PARTICIPANT_N_ROLES)
DEFINE_NAMES (ll_focus_area, LlFocusArea, areas, LL_FOCUS_N_AREAS)
DEFINE_NAMES (ll_activity_mode, LlActivityMode, modes, LL_ACTIVITY_N_MODES)
DEFINE_NAMES (ll_entry_kind, LlEntryKind, kinds, LL_ENTRY_N_KINDS)
DEFINE_NAMES (ll_story_part, LlStoryPart, parts, LL_STORY_N_PARTS)

/* The participant ------------------------------------------------------------- */

G_DEFINE_BOXED_TYPE (LlParticipant, ll_participant, ll_participant_copy, ll_participant_free)

LlParticipant *
ll_participant_new (void)
{
  LlParticipant *participant = g_new0 (LlParticipant, 1);

  participant->school = g_strdup ("");
  participant->role = LL_PARTICIPANT_ASPIRING_MIDDLE_LEADER;
  participant->focus = LL_FOCUS_OTHER;
  participant->focus_other = g_strdup ("");
  participant->activity = LL_ACTIVITY_ALONE;
  participant->activity_with = g_strdup ("");
  return participant;
}

LlParticipant *
ll_participant_copy (const LlParticipant *participant)
{
  LlParticipant *copy;

  g_return_val_if_fail (participant != NULL, NULL);

  copy = g_new0 (LlParticipant, 1);
  *copy = *participant;
  copy->school = g_strdup (participant->school != NULL ? participant->school : "");
  copy->focus_other = g_strdup (participant->focus_other != NULL ? participant->focus_other : "");
  copy->activity_with = g_strdup (participant->activity_with != NULL ? participant->activity_with : "");
  return copy;
}

void
ll_participant_free (LlParticipant *participant)
{
  if (participant == NULL)
    return;
  g_free (participant->school);
  g_free (participant->focus_other);
  g_free (participant->activity_with);
  g_free (participant);
}

/* Entries --------------------------------------------------------------------- */

struct _LlPortfolioEntry
{
  GObject      parent_instance;
  LlStore     *store;      /* what a pending write writes to */
  gint64       id;
  LlEntryKind  kind;
  LlStoryPart  part;
  char        *texts[LL_ENTRY_N_TEXTS];
  gboolean     included;
  gint64       session_id;
  gboolean     led;
  guint        words;
};

G_DEFINE_FINAL_TYPE (LlPortfolioEntry, ll_portfolio_entry, G_TYPE_OBJECT)

enum {
  ENTRY_PROP_0,
  ENTRY_PROP_ID,
  ENTRY_PROP_KIND,
  ENTRY_PROP_PART,
  /* the texts, in the order of LlEntryText */
  ENTRY_PROP_DATE,
  ENTRY_PROP_TITLE,
  ENTRY_PROP_BODY,
  ENTRY_PROP_PRESENTED,
  ENTRY_PROP_AUDIENCE,
  ENTRY_PROP_INCLUDED,
  ENTRY_PROP_SESSION,
  ENTRY_PROP_LED,
  ENTRY_PROP_WORDS,
  ENTRY_N_PROPS
};

#define ENTRY_PROP_TEXT(field) (ENTRY_PROP_DATE + (field))

static GParamSpec *entry_properties[ENTRY_N_PROPS];

static void
ll_portfolio_entry_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LlPortfolioEntry *self = LL_PORTFOLIO_ENTRY (object);

  switch (prop_id)
    {
    case ENTRY_PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case ENTRY_PROP_KIND:
      g_value_set_uint (value, self->kind);
      break;
    case ENTRY_PROP_PART:
      g_value_set_uint (value, self->part);
      break;
    case ENTRY_PROP_DATE:
    case ENTRY_PROP_TITLE:
    case ENTRY_PROP_BODY:
    case ENTRY_PROP_PRESENTED:
    case ENTRY_PROP_AUDIENCE:
      g_value_set_string (value, self->texts[prop_id - ENTRY_PROP_DATE]);
      break;
    case ENTRY_PROP_INCLUDED:
      g_value_set_boolean (value, self->included);
      break;
    case ENTRY_PROP_SESSION:
      g_value_set_int64 (value, self->session_id);
      break;
    case ENTRY_PROP_LED:
      g_value_set_boolean (value, self->led);
      break;
    case ENTRY_PROP_WORDS:
      g_value_set_uint (value, self->words);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_portfolio_entry_dispose (GObject *object)
{
  LlPortfolioEntry *self = LL_PORTFOLIO_ENTRY (object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (ll_portfolio_entry_parent_class)->dispose (object);
}

static void
ll_portfolio_entry_finalize (GObject *object)
{
  LlPortfolioEntry *self = LL_PORTFOLIO_ENTRY (object);

  for (guint i = 0; i < LL_ENTRY_N_TEXTS; i++)
    g_free (self->texts[i]);
  G_OBJECT_CLASS (ll_portfolio_entry_parent_class)->finalize (object);
}

static void
ll_portfolio_entry_class_init (LlPortfolioEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const char * const text_names[LL_ENTRY_N_TEXTS] = { "date", "title", "body", "presented", "audience" };
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->get_property = ll_portfolio_entry_get_property;
  object_class->dispose = ll_portfolio_entry_dispose;
  object_class->finalize = ll_portfolio_entry_finalize;

  entry_properties[ENTRY_PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  entry_properties[ENTRY_PROP_KIND] = g_param_spec_uint ("kind", NULL, NULL, 0, LL_ENTRY_N_KINDS - 1, 0, flags);
  entry_properties[ENTRY_PROP_PART] = g_param_spec_uint ("part", NULL, NULL, 0, LL_STORY_NONE, LL_STORY_NONE,
                                                         flags);
  for (guint i = 0; i < LL_ENTRY_N_TEXTS; i++)
    entry_properties[ENTRY_PROP_TEXT (i)] = g_param_spec_string (text_names[i], NULL, NULL, "", flags);
  entry_properties[ENTRY_PROP_INCLUDED] = g_param_spec_boolean ("included", NULL, NULL, TRUE, flags);
  entry_properties[ENTRY_PROP_SESSION] = g_param_spec_int64 ("session", NULL, NULL, 0, G_MAXINT64, 0, flags);
  entry_properties[ENTRY_PROP_LED] = g_param_spec_boolean ("led", NULL, NULL, FALSE, flags);
  entry_properties[ENTRY_PROP_WORDS] = g_param_spec_uint ("words", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, ENTRY_N_PROPS, entry_properties);
}

static void
ll_portfolio_entry_init (LlPortfolioEntry *self)
{
  for (guint i = 0; i < LL_ENTRY_N_TEXTS; i++)
    self->texts[i] = g_strdup ("");
  self->part = LL_STORY_NONE;
  self->included = TRUE;
}

static LlPortfolioEntry *
entry_new_from_row (LlStore                     *store,
                    const LlStorePortfolioEntry *row)
{
  LlPortfolioEntry *self = g_object_new (LL_TYPE_PORTFOLIO_ENTRY, NULL);

  self->store = g_object_ref (store);
  self->id = row->id;
  if (!ll_entry_kind_from_id (row->kind, &self->kind))
    self->kind = LL_ENTRY_REFLECTION;
  if (self->kind != LL_ENTRY_STORY || !ll_story_part_from_id (row->part, &self->part))
    self->part = LL_STORY_NONE;
  for (guint i = 0; i < LL_ENTRY_N_TEXTS; i++)
    _ll_set_str (&self->texts[i], row->texts[i]);
  self->included = row->numbers[LL_STORE_ENTRY_INCLUDED] != 0;
  self->session_id = row->numbers[LL_STORE_ENTRY_SESSION];
  self->led = row->numbers[LL_STORE_ENTRY_LED] != 0;
  self->words = ll_text_count_fragment_words (self->texts[LL_ENTRY_BODY]);
  return self;
}

gint64
ll_portfolio_entry_get_id (LlPortfolioEntry *self)
{
  g_return_val_if_fail (LL_IS_PORTFOLIO_ENTRY (self), 0);
  return self->id;
}

LlEntryKind
ll_portfolio_entry_get_kind (LlPortfolioEntry *self)
{
  g_return_val_if_fail (LL_IS_PORTFOLIO_ENTRY (self), LL_ENTRY_REFLECTION);
  return self->kind;
}

LlStoryPart
ll_portfolio_entry_get_part (LlPortfolioEntry *self)
{
  g_return_val_if_fail (LL_IS_PORTFOLIO_ENTRY (self), LL_STORY_NONE);
  return self->part;
}

const char *
ll_portfolio_entry_get_text (LlPortfolioEntry *self,
                             LlEntryText       field)
{
  g_return_val_if_fail (LL_IS_PORTFOLIO_ENTRY (self), NULL);
  g_return_val_if_fail (field < LL_ENTRY_N_TEXTS, NULL);
  return self->texts[field];
}

gboolean
ll_portfolio_entry_get_included (LlPortfolioEntry *self)
{
  g_return_val_if_fail (LL_IS_PORTFOLIO_ENTRY (self), FALSE);
  return self->included;
}

gint64
ll_portfolio_entry_get_session (LlPortfolioEntry *self)
{
  g_return_val_if_fail (LL_IS_PORTFOLIO_ENTRY (self), 0);
  return self->session_id;
}

gboolean
ll_portfolio_entry_get_led (LlPortfolioEntry *self)
{
  g_return_val_if_fail (LL_IS_PORTFOLIO_ENTRY (self), FALSE);
  return self->led;
}

guint
ll_portfolio_entry_get_words (LlPortfolioEntry *self)
{
  g_return_val_if_fail (LL_IS_PORTFOLIO_ENTRY (self), 0);
  return self->words;
}

/* The number (from 1) of the study session or cluster meeting @id in
 * @programme, or 0. */
static guint
session_number (const LlProgramme *programme,
                LlEntryKind        kind,
                gint64             id)
{
  if (programme == NULL || id <= 0)
    return 0;
  if (kind == LL_ENTRY_SESSION_REFLECTION)
    {
      for (guint i = 0; i < programme->sessions->len; i++)
        if (((const LlStudySession *) g_ptr_array_index (programme->sessions, i))->id == id)
          return i + 1;
    }
  else
    {
      for (guint i = 0; i < programme->meetings->len; i++)
        if (((const LlClusterMeeting *) g_ptr_array_index (programme->meetings, i))->id == id)
          return i + 1;
    }
  return 0;
}

char *
ll_portfolio_entry_dup_heading (LlPortfolioEntry  *self,
                                const LlProgramme *programme)
{
  guint number = 0;

  g_return_val_if_fail (LL_IS_PORTFOLIO_ENTRY (self), NULL);

  if (self->texts[LL_ENTRY_TITLE][0] != '\0')
    return g_strdup (self->texts[LL_ENTRY_TITLE]);
  switch (self->kind)
    {
    case LL_ENTRY_SESSION_REFLECTION:
      number = session_number (programme, self->kind, self->session_id);
      if (number > 0)
        /* TRANSLATORS: a reflection on the first, second or third study session */
        return g_strdup_printf (_("Study session %u"), number);
      return g_strdup (_("Study session"));
    case LL_ENTRY_CLUSTER_REFLECTION:
      number = session_number (programme, self->kind, self->session_id);
      if (number > 0)
        /* TRANSLATORS: a reflection on one of the six cluster group meetings */
        return g_strdup_printf (_("Cluster meeting %u"), number);
      return g_strdup (_("Cluster meeting"));
    case LL_ENTRY_STORY:
      if (self->part < LL_STORY_N_PARTS)
        return g_strdup (ll_story_part_to_label (self->part));
      return g_strdup (ll_entry_kind_to_label (self->kind));
    case LL_ENTRY_TUTORIAL:
    case LL_ENTRY_REFLECTION:
      if (self->texts[LL_ENTRY_DATE][0] != '\0')
        {
          g_autofree char *day = ll_date_dup_long (self->texts[LL_ENTRY_DATE]);

          /* TRANSLATORS: what the entry is, then its date: "Tutorial notes, 3 March 2026" */
          return g_strdup_printf (_("%s, %s"), ll_entry_kind_to_label (self->kind), day);
        }
      return g_strdup (ll_entry_kind_to_label (self->kind));
    case LL_ENTRY_N_KINDS:
    default:
      break;
    }
  return g_strdup (ll_entry_kind_to_label (self->kind));
}

/* The portfolio --------------------------------------------------------------- */

struct _LlPortfolio
{
  GObject            parent_instance;
  LlStore           *store;
  LlPending         *pending;   /* NULL: every edit is written at once */
  gint64             id;
  LlParticipant     *participant;
  LlPortfolioStatus  status;
  GListStore        *entries;
  guint              n_submissions;
};

G_DEFINE_FINAL_TYPE (LlPortfolio, ll_portfolio, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_STATUS,
  PROP_EDITABLE,
  PROP_N_SUBMISSIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ll_portfolio_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LlPortfolio *self = LL_PORTFOLIO (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_STATUS:
      g_value_set_uint (value, self->status);
      break;
    case PROP_EDITABLE:
      g_value_set_boolean (value, ll_portfolio_get_editable (self));
      break;
    case PROP_N_SUBMISSIONS:
      g_value_set_uint (value, self->n_submissions);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_portfolio_dispose (GObject *object)
{
  LlPortfolio *self = LL_PORTFOLIO (object);

  /* what waits holds the entries it writes, and their store */
  g_clear_object (&self->pending);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (ll_portfolio_parent_class)->dispose (object);
}

static void
ll_portfolio_finalize (GObject *object)
{
  LlPortfolio *self = LL_PORTFOLIO (object);

  g_clear_object (&self->entries);
  ll_participant_free (self->participant);
  G_OBJECT_CLASS (ll_portfolio_parent_class)->finalize (object);
}

static void
ll_portfolio_class_init (LlPortfolioClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->get_property = ll_portfolio_get_property;
  object_class->dispose = ll_portfolio_dispose;
  object_class->finalize = ll_portfolio_finalize;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_STATUS] = g_param_spec_uint ("status", NULL, NULL, 0, LL_PORTFOLIO_N_STATUSES - 1,
                                               LL_PORTFOLIO_IN_PROGRESS, flags);
  properties[PROP_EDITABLE] = g_param_spec_boolean ("editable", NULL, NULL, TRUE, flags);
  properties[PROP_N_SUBMISSIONS] = g_param_spec_uint ("n-submissions", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ll_portfolio_init (LlPortfolio *self)
{
  self->entries = g_list_store_new (LL_TYPE_PORTFOLIO_ENTRY);
  self->participant = ll_participant_new ();
}

static void
set_status (LlPortfolio       *self,
            LlPortfolioStatus  status)
{
  gboolean was_editable = ll_portfolio_get_editable (self);

  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  if (was_editable != ll_portfolio_get_editable (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}

char *
_ll_portfolio_dup_title (const char *name)
{
  if (name == NULL || *name == '\0')
    return g_strdup (_("Portfolio"));
  /* TRANSLATORS: the title of a participant's portfolio, with their name */
  return g_strdup_printf (_("Portfolio: %s"), name);
}

LlPortfolio *
_ll_portfolio_load (LlStore    *store,
                    LlPending  *pending,
                    gint64      id,
                    GError    **error)
{
  g_autoptr(LlStorePortfolio) row = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(LlPortfolio) self = NULL;

  g_return_val_if_fail (LL_IS_STORE (store), NULL);

  row = ll_store_get_portfolio (store, id, error);
  if (row == NULL)
    return NULL;
  entries = ll_store_list_portfolio_entries (store, id, error);
  if (entries == NULL)
    return NULL;
  self = g_object_new (LL_TYPE_PORTFOLIO, NULL);
  self->store = g_object_ref (store);
  if (pending != NULL)
    self->pending = g_object_ref (pending);
  self->id = id;
  ll_participant_free (self->participant);
  self->participant = g_steal_pointer (&row->participant);
  if (!ll_portfolio_status_from_id (row->status, &self->status))
    self->status = LL_PORTFOLIO_IN_PROGRESS;
  self->n_submissions = row->n_submissions;
  for (guint i = 0; i < entries->len; i++)
    {
      g_autoptr(LlPortfolioEntry) entry = entry_new_from_row (store, g_ptr_array_index (entries, i));

      g_list_store_append (self->entries, entry);
    }
  return g_steal_pointer (&self);
}

gint64
ll_portfolio_get_id (LlPortfolio *self)
{
  g_return_val_if_fail (LL_IS_PORTFOLIO (self), 0);
  return self->id;
}

LlPortfolioStatus
ll_portfolio_get_status (LlPortfolio *self)
{
  g_return_val_if_fail (LL_IS_PORTFOLIO (self), LL_PORTFOLIO_IN_PROGRESS);
  return self->status;
}

const LlParticipant *
ll_portfolio_get_participant (LlPortfolio *self)
{
  g_return_val_if_fail (LL_IS_PORTFOLIO (self), NULL);
  return self->participant;
}

GListModel *
ll_portfolio_get_entries (LlPortfolio *self)
{
  g_return_val_if_fail (LL_IS_PORTFOLIO (self), NULL);
  return G_LIST_MODEL (self->entries);
}

guint
ll_portfolio_get_n_submissions (LlPortfolio *self)
{
  g_return_val_if_fail (LL_IS_PORTFOLIO (self), 0);
  return self->n_submissions;
}

gboolean
ll_portfolio_get_editable (LlPortfolio *self)
{
  g_return_val_if_fail (LL_IS_PORTFOLIO (self), FALSE);
  return self->status == LL_PORTFOLIO_IN_PROGRESS
         && (self->store == NULL || !ll_store_get_read_only (self->store));
}

/* The entry at @position, borrowed (the list holds it). */
static LlPortfolioEntry *
entry_at (LlPortfolio *self,
          guint        position)
{
  LlPortfolioEntry *entry = g_list_model_get_item (G_LIST_MODEL (self->entries), position);

  if (entry != NULL)
    g_object_unref (entry);
  return entry;
}

static gboolean
find_position (LlPortfolio      *self,
               LlPortfolioEntry *entry,
               guint            *position)
{
  return g_list_store_find (self->entries, entry, position);
}

LlPortfolioEntry *
ll_portfolio_find_entry (LlPortfolio *self,
                         gint64       id)
{
  g_return_val_if_fail (LL_IS_PORTFOLIO (self), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->entries)); i++)
    {
      LlPortfolioEntry *entry = entry_at (self, i);

      if (entry->id == id)
        return entry;
    }
  return NULL;
}

LlPortfolioEntry *
ll_portfolio_find_story_part (LlPortfolio *self,
                              LlStoryPart  part)
{
  g_return_val_if_fail (LL_IS_PORTFOLIO (self), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->entries)); i++)
    {
      LlPortfolioEntry *entry = entry_at (self, i);

      if (entry->kind == LL_ENTRY_STORY && entry->part == part)
        return entry;
    }
  return NULL;
}

/* Writes what waits, so that the file follows the order of edits. */
static gboolean
flush_pending (LlPortfolio  *self,
               GError      **error)
{
  return self->pending == NULL || ll_pending_flush (self->pending, error);
}

LlStore *
_ll_portfolio_get_store (LlPortfolio *self)
{
  return self->store;
}

/* Refuses an edit unless the portfolio is in progress. */
static gboolean
check_editable (LlPortfolio  *self,
                GError      **error)
{
  /* a change that could never be written is refused now, rather than
   * kept waiting */
  if (ll_store_get_read_only (self->store))
    {
      g_set_error_literal (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_READ_ONLY,
                           _("This workbook is open read-only, so the portfolio cannot be changed."));
      return FALSE;
    }
  if (self->status == LL_PORTFOLIO_IN_PROGRESS)
    return TRUE;
  if (self->status == LL_PORTFOLIO_SUBMITTED)
    g_set_error_literal (error, LL_PORTFOLIO_ERROR, LL_PORTFOLIO_ERROR_LOCKED,
                         _("This portfolio has been submitted, so it cannot be changed until the tutor reopens it."));
  else
    g_set_error_literal (error, LL_PORTFOLIO_ERROR, LL_PORTFOLIO_ERROR_LOCKED,
                         _("This portfolio has been verified, so it can no longer be changed."));
  return FALSE;
}

gboolean
_ll_portfolio_check_editable (LlPortfolio  *self,
                              GError      **error)
{
  return check_editable (self, error);
}

static gboolean
check_entry (LlPortfolio       *self,
             LlPortfolioEntry  *entry,
             guint             *position,
             GError           **error)
{
  guint unused;

  if (!check_editable (self, error))
    return FALSE;
  if (!find_position (self, entry, position != NULL ? position : &unused))
    {
      g_set_error_literal (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_NO_SUCH_DOCUMENT,
                           _("This entry is no longer in the portfolio."));
      return FALSE;
    }
  return TRUE;
}

gboolean
_ll_portfolio_update_participant (LlPortfolio          *self,
                                  const LlParticipant  *participant,
                                  const char           *title,
                                  GError              **error)
{
  g_return_val_if_fail (LL_IS_PORTFOLIO (self), FALSE);
  g_return_val_if_fail (participant != NULL, FALSE);

  if (!check_editable (self, error))
    return FALSE;
  if (!ll_store_update_participant (self->store, self->id, title, participant, error))
    return FALSE;
  ll_participant_free (self->participant);
  self->participant = ll_participant_copy (participant);
  return TRUE;
}

LlPortfolioEntry *
ll_portfolio_add_entry (LlPortfolio  *self,
                        LlEntryKind   kind,
                        LlStoryPart   part,
                        const char   *date,
                        GError      **error)
{
  g_autoptr(LlPortfolioEntry) entry = NULL;
  guint n;
  gint64 id;

  g_return_val_if_fail (LL_IS_PORTFOLIO (self), NULL);
  g_return_val_if_fail (kind < LL_ENTRY_N_KINDS, NULL);
  g_return_val_if_fail ((kind == LL_ENTRY_STORY) == (part < LL_STORY_N_PARTS), NULL);

  if (!check_editable (self, error))
    return NULL;
  if (kind == LL_ENTRY_STORY && ll_portfolio_find_story_part (self, part) != NULL)
    {
      g_set_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_INVALID,
                   _("The story already has a part called “%s”."), ll_story_part_to_label (part));
      return NULL;
    }
  /* what waits goes first, so that the file follows the order of edits */
  if (!flush_pending (self, error))
    return NULL;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  id = ll_store_insert_portfolio_entry (self->store, self->id, ll_entry_kind_to_id (kind),
                                        part < LL_STORY_N_PARTS ? ll_story_part_to_id (part) : "",
                                        date, n, error);
  if (id == 0)
    return NULL;
  entry = g_object_new (LL_TYPE_PORTFOLIO_ENTRY, NULL);
  entry->store = g_object_ref (self->store);
  entry->id = id;
  entry->kind = kind;
  entry->part = part;
  _ll_set_str (&entry->texts[LL_ENTRY_DATE], date);
  g_list_store_append (self->entries, entry);
  return entry;
}

/* What a pending write of an entry's text writes. */
static gboolean
write_entry_text (GObject  *object,
                  guint     field,
                  GError  **error)
{
  LlPortfolioEntry *entry = LL_PORTFOLIO_ENTRY (object);

  return ll_store_update_portfolio_entry_text (entry->store, entry->id, field, entry->texts[field], error);
}

gboolean
ll_portfolio_set_entry_text (LlPortfolio       *self,
                             LlPortfolioEntry  *entry,
                             LlEntryText        field,
                             const char        *value,
                             GError           **error)
{
  g_return_val_if_fail (LL_IS_PORTFOLIO (self), FALSE);
  g_return_val_if_fail (LL_IS_PORTFOLIO_ENTRY (entry), FALSE);
  g_return_val_if_fail (field < LL_ENTRY_N_TEXTS, FALSE);

  if (!check_entry (self, entry, NULL, error))
    return FALSE;
  if (value == NULL)
    value = "";
  if (g_str_equal (entry->texts[field], value))
    return TRUE;
  if (self->pending == NULL
      && !ll_store_update_portfolio_entry_text (self->store, entry->id, field, value, error))
    return FALSE;
  _ll_set_str (&entry->texts[field], value);
  if (self->pending != NULL)
    {
      /* words are typed: written after a pause; dates are chosen once */
      if (field == LL_ENTRY_DATE || field == LL_ENTRY_PRESENTED)
        ll_pending_write_now (self->pending, G_OBJECT (entry), field, write_entry_text);
      else
        ll_pending_schedule (self->pending, G_OBJECT (entry), field, write_entry_text);
    }
  g_object_notify_by_pspec (G_OBJECT (entry), entry_properties[ENTRY_PROP_TEXT (field)]);
  if (field == LL_ENTRY_BODY)
    {
      guint words = ll_text_count_fragment_words (value);

      if (words != entry->words)
        {
          entry->words = words;
          g_object_notify_by_pspec (G_OBJECT (entry), entry_properties[ENTRY_PROP_WORDS]);
        }
    }
  return TRUE;
}

static gboolean
set_entry_number (LlPortfolio         *self,
                  LlPortfolioEntry    *entry,
                  LlStoreEntryNumber   field,
                  gint64               value,
                  GError             **error)
{
  guint prop;

  if (!check_entry (self, entry, NULL, error))
    return FALSE;
  if (!ll_store_update_portfolio_entry_number (self->store, entry->id, field, value, error))
    return FALSE;
  switch (field)
    {
    case LL_STORE_ENTRY_INCLUDED:
      entry->included = value != 0;
      prop = ENTRY_PROP_INCLUDED;
      break;
    case LL_STORE_ENTRY_SESSION:
      entry->session_id = value;
      prop = ENTRY_PROP_SESSION;
      break;
    case LL_STORE_ENTRY_LED:
      entry->led = value != 0;
      prop = ENTRY_PROP_LED;
      break;
    case LL_STORE_ENTRY_N_NUMBERS:
    default:
      g_assert_not_reached ();
    }
  g_object_notify_by_pspec (G_OBJECT (entry), entry_properties[prop]);
  return TRUE;
}

gboolean
ll_portfolio_set_entry_included (LlPortfolio       *self,
                                 LlPortfolioEntry  *entry,
                                 gboolean           included,
                                 GError           **error)
{
  g_return_val_if_fail (LL_IS_PORTFOLIO (self), FALSE);
  g_return_val_if_fail (LL_IS_PORTFOLIO_ENTRY (entry), FALSE);
  return set_entry_number (self, entry, LL_STORE_ENTRY_INCLUDED, included ? 1 : 0, error);
}

gboolean
ll_portfolio_set_entry_session (LlPortfolio       *self,
                                LlPortfolioEntry  *entry,
                                gint64             session_id,
                                GError           **error)
{
  g_return_val_if_fail (LL_IS_PORTFOLIO (self), FALSE);
  g_return_val_if_fail (LL_IS_PORTFOLIO_ENTRY (entry), FALSE);
  return set_entry_number (self, entry, LL_STORE_ENTRY_SESSION, MAX (session_id, 0), error);
}

gboolean
ll_portfolio_set_entry_led (LlPortfolio       *self,
                            LlPortfolioEntry  *entry,
                            gboolean           led,
                            GError           **error)
{
  g_return_val_if_fail (LL_IS_PORTFOLIO (self), FALSE);
  g_return_val_if_fail (LL_IS_PORTFOLIO_ENTRY (entry), FALSE);
  return set_entry_number (self, entry, LL_STORE_ENTRY_LED, led ? 1 : 0, error);
}

gboolean
ll_portfolio_move_entry (LlPortfolio       *self,
                         LlPortfolioEntry  *entry,
                         guint              position,
                         GError           **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(LlPortfolioEntry) held = NULL;
  guint from, n;

  g_return_val_if_fail (LL_IS_PORTFOLIO (self), FALSE);
  g_return_val_if_fail (LL_IS_PORTFOLIO_ENTRY (entry), FALSE);

  if (!check_entry (self, entry, &from, error))
    return FALSE;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  position = MIN (position, n - 1);
  if (position == from)
    return TRUE;
  for (guint i = 0; i < n; i++)
    {
      LlPortfolioEntry *other = entry_at (self, i);

      if (other != entry)
        g_array_append_val (ids, other->id);
    }
  g_array_insert_val (ids, position, entry->id);
  if (!flush_pending (self, error))
    return FALSE;
  if (!ll_store_order_portfolio_entries (self->store, (const gint64 *) ids->data, ids->len, error))
    return FALSE;
  held = g_object_ref (entry);
  g_list_store_remove (self->entries, from);
  g_list_store_insert (self->entries, position, held);
  return TRUE;
}

gboolean
ll_portfolio_remove_entry (LlPortfolio       *self,
                           LlPortfolioEntry  *entry,
                           GError           **error)
{
  guint position;

  g_return_val_if_fail (LL_IS_PORTFOLIO (self), FALSE);
  g_return_val_if_fail (LL_IS_PORTFOLIO_ENTRY (entry), FALSE);

  if (!check_entry (self, entry, &position, error))
    return FALSE;
  if (!flush_pending (self, error)
      || !ll_store_delete_portfolio_entry (self->store, entry->id, error))
    return FALSE;
  if (self->pending != NULL)
    ll_pending_forget (self->pending, G_OBJECT (entry));
  g_list_store_remove (self->entries, position);
  return TRUE;
}

/* Status and submissions ------------------------------------------------------ */

/* What is submitted: the participant, the included entries in their
 * order and what identifies each file of evidence that goes with them
 * (its bytes stay in the workbook), as GVariant text, so that the copy
 * can be read back and shown as it was. Copies from before evidence end
 * with the entries. */
static char *
serialise (LlPortfolio  *self,
           GError      **error)
{
  const LlParticipant *p = self->participant;
  g_autoptr(GVariant) value = NULL;
  GVariant *evidence = _ll_portfolio_evidence_serialise (self, error);
  GVariantBuilder entries;

  if (evidence == NULL)
    return NULL;

  g_variant_builder_init (&entries, G_VARIANT_TYPE ("aa{ss}"));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->entries)); i++)
    {
      LlPortfolioEntry *entry = entry_at (self, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, entry->id);
      g_autofree char *session = g_strdup_printf ("%" G_GINT64_FORMAT, entry->session_id);

      if (!entry->included)
        continue;
      g_variant_builder_open (&entries, G_VARIANT_TYPE ("a{ss}"));
      g_variant_builder_add (&entries, "{ss}", "id", id);
      g_variant_builder_add (&entries, "{ss}", "kind", ll_entry_kind_to_id (entry->kind));
      if (entry->part < LL_STORY_N_PARTS)
        g_variant_builder_add (&entries, "{ss}", "part", ll_story_part_to_id (entry->part));
      g_variant_builder_add (&entries, "{ss}", "session", session);
      g_variant_builder_add (&entries, "{ss}", "led", entry->led ? "true" : "false");
      g_variant_builder_add (&entries, "{ss}", "date", entry->texts[LL_ENTRY_DATE]);
      g_variant_builder_add (&entries, "{ss}", "title", entry->texts[LL_ENTRY_TITLE]);
      g_variant_builder_add (&entries, "{ss}", "presented", entry->texts[LL_ENTRY_PRESENTED]);
      g_variant_builder_add (&entries, "{ss}", "audience", entry->texts[LL_ENTRY_AUDIENCE]);
      g_variant_builder_add (&entries, "{ss}", "body", entry->texts[LL_ENTRY_BODY]);
      g_variant_builder_close (&entries);
    }
  value = g_variant_ref_sink (g_variant_new ("(xsssxsssaa{ss}@aa{ss})", p->person_id, p->school,
                                             ll_participant_role_to_id (p->role), ll_focus_area_to_id (p->focus),
                                             p->tutor_id, p->focus_other, ll_activity_mode_to_id (p->activity),
                                             p->activity_with, &entries, evidence));
  return g_variant_print (value, FALSE);
}

guint
ll_portfolio_submit (LlPortfolio  *self,
                     GError      **error)
{
  g_autofree char *content = NULL;
  guint number;

  g_return_val_if_fail (LL_IS_PORTFOLIO (self), 0);

  if (self->status != LL_PORTFOLIO_IN_PROGRESS)
    {
      g_set_error (error, LL_PORTFOLIO_ERROR, LL_PORTFOLIO_ERROR_STATUS,
                   /* TRANSLATORS: %s is the portfolio's status, such as "Submitted" */
                   _("Only a portfolio in progress can be submitted; this one is “%s”."),
                   ll_portfolio_status_to_label (self->status));
      return 0;
    }
  /* the file holds what is submitted before it is locked */
  if (!flush_pending (self, error))
    return 0;
  content = serialise (self, error);
  if (content == NULL)
    return 0;
  number = self->n_submissions + 1;
  if (!ll_store_insert_portfolio_submission (self->store, self->id, number, content, error))
    return 0;
  self->n_submissions = number;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SUBMISSIONS]);
  set_status (self, LL_PORTFOLIO_SUBMITTED);
  return number;
}

gboolean
ll_portfolio_reopen (LlPortfolio  *self,
                     GError      **error)
{
  g_return_val_if_fail (LL_IS_PORTFOLIO (self), FALSE);

  if (self->status != LL_PORTFOLIO_SUBMITTED)
    {
      /* TRANSLATORS: %s is the portfolio's status, such as "Verified" */
      g_set_error (error, LL_PORTFOLIO_ERROR, LL_PORTFOLIO_ERROR_STATUS,
                   _("Only a submitted portfolio can be reopened; this one is “%s”."), ll_portfolio_status_to_label (self->status));
      return FALSE;
    }
  if (!ll_store_set_portfolio_status (self->store, self->id, ll_portfolio_status_to_id (LL_PORTFOLIO_IN_PROGRESS),
                                      error))
    return FALSE;
  set_status (self, LL_PORTFOLIO_IN_PROGRESS);
  return TRUE;
}

gboolean
ll_portfolio_verify (LlPortfolio  *self,
                     const char   *statement,
                     const char   *tutor_name,
                     GError      **error)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (LL_IS_PORTFOLIO (self), FALSE);

  if (self->status != LL_PORTFOLIO_SUBMITTED)
    {
      g_set_error (error, LL_PORTFOLIO_ERROR, LL_PORTFOLIO_ERROR_STATUS,
                   _("Only a submitted portfolio can be verified; this one is “%s”."), ll_portfolio_status_to_label (self->status));
      return FALSE;
    }
  stripped = g_strstrip (g_strdup (statement != NULL ? statement : ""));
  if (*stripped == '\0' || tutor_name == NULL || *tutor_name == '\0')
    {
      g_set_error_literal (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_INVALID,
                           _("A verification needs the tutor's statement and name."));
      return FALSE;
    }
  if (!ll_store_verify_portfolio_submission (self->store, self->id, self->n_submissions, statement, tutor_name,
                                             error))
    return FALSE;
  set_status (self, LL_PORTFOLIO_VERIFIED);
  return TRUE;
}

gboolean
ll_portfolio_certify (LlPortfolio  *self,
                      GError      **error)
{
  g_return_val_if_fail (LL_IS_PORTFOLIO (self), FALSE);

  if (self->status != LL_PORTFOLIO_VERIFIED)
    {
      g_set_error (error, LL_PORTFOLIO_ERROR, LL_PORTFOLIO_ERROR_STATUS,
                   _("Only a verified portfolio can be certified; this one is “%s”."), ll_portfolio_status_to_label (self->status));
      return FALSE;
    }
  if (!ll_store_set_portfolio_status (self->store, self->id, ll_portfolio_status_to_id (LL_PORTFOLIO_CERTIFIED),
                                      error))
    return FALSE;
  set_status (self, LL_PORTFOLIO_CERTIFIED);
  return TRUE;
}

void
ll_portfolio_submission_free (LlPortfolioSubmission *submission)
{
  if (submission == NULL)
    return;
  g_free (submission->submitted);
  g_free (submission->content);
  g_free (submission->statement);
  g_free (submission->verified_by);
  g_free (submission->verified);
  g_free (submission);
}

LlPortfolioSubmission *
ll_portfolio_dup_submission (LlPortfolio  *self,
                             guint         number,
                             GError      **error)
{
  g_return_val_if_fail (LL_IS_PORTFOLIO (self), NULL);
  return ll_store_get_portfolio_submission (self->store, self->id, number, error);
}
