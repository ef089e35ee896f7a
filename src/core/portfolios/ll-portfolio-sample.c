/* ll-portfolio-sample.c: a cohort of the programme, made by code
 *
 * Eight participants from the schools of one hub, with their portfolios
 * at every stage: one has written a first reflection, one has submitted,
 * one has been verified, one certified. What they write is short and in
 * the first person, as a participant would write it; the parts of the
 * analytical story are made of three paragraphs each, so that a finished
 * story meets the programme's least length and an unfinished one does
 * not. Names, schools and places are invented.
 */
#define G_LOG_DOMAIN "ll-portfolio"

#include "config.h"

#include <string.h>

#include "ll-portfolio-private.h"
#include "ll-portfolio-sample.h"
#include "ll-role.h"
#include "ll-store-portfolio.h"

#define NS " xmlns=\"http://docbook.org/ns/docbook\""

/* How far each participant has gone. */
typedef enum {
  STAGE_STARTED,       /* one reflection */
  STAGE_EARLY,         /* a few reflections, the story begun */
  STAGE_MIDWAY,        /* half the story */
  STAGE_NEARLY,        /* all but the presentation's date */
  STAGE_REOPENED,      /* submitted once, reopened by the tutor */
  STAGE_SUBMITTED,
  STAGE_VERIFIED,
  STAGE_CERTIFIED,
  N_STAGES
} Stage;

typedef struct
{
  const char        *first;
  const char        *last;
  LlRole             staff_role;
  LlParticipantRole  role;
  const char        *school;
  LlFocusArea        focus;
  const char        *focus_words;   /* the focus as it fits in a sentence */
  LlActivityMode     activity;
  const char        *activity_with;
} Person;

static const Person people[N_STAGES] = {
  { "Siân", "Pritchard", LL_ROLE_TEACHING_ASSISTANT, LL_PARTICIPANT_TEACHING_ASSISTANT,
    "Ashgrove Primary School", LL_FOCUS_PUPIL_VOICE, "pupil voice in Key Stage 1",
    LL_ACTIVITY_ALONE, "" },
  { "Zoë", "Okafor", LL_ROLE_TEACHER, LL_PARTICIPANT_ASPIRING_MIDDLE_LEADER,
    "Brookfield Junior School", LL_FOCUS_HOME_LEARNING, "home learning in Years 5 and 6",
    LL_ACTIVITY_PAIR, "Callum Reid" },
  { "Daniel", "Kowalczyk", LL_ROLE_MIDDLE_LEADER, LL_PARTICIPANT_MIDDLE_LEADER,
    "Hollins Park Academy", LL_FOCUS_TRANSITION, "transition from Year 6 to Year 7",
    LL_ACTIVITY_SMALL_GROUP, "the Year 7 pastoral team" },
  { "Aoife", "Brennan", LL_ROLE_LEARNING_SUPPORT_ASSISTANT, LL_PARTICIPANT_LEARNING_SUPPORT_ASSISTANT,
    "Ashgrove Primary School", LL_FOCUS_RESTORATIVE_APPROACHES, "restorative conversations at lunchtime",
    LL_ACTIVITY_ALONE, "" },
  { "Marcus", "Adeyemi", LL_ROLE_MIDDLE_LEADER, LL_PARTICIPANT_MIDDLE_LEADER,
    "St Cuthbert's Church of England Primary School", LL_FOCUS_LITERACY_AND_MATHEMATICS,
    "reasoning in mathematics across the school", LL_ACTIVITY_ALONE, "" },
  { "Jonah", "Whitfield", LL_ROLE_TEACHER, LL_PARTICIPANT_ASPIRING_MIDDLE_LEADER,
    "Hollins Park Academy", LL_FOCUS_INDEPENDENT_STUDY_SKILLS, "independent study in Year 9",
    LL_ACTIVITY_PAIR, "Ruth Agyeman" },
  { "Hannah", "Lindqvist", LL_ROLE_TEACHER, LL_PARTICIPANT_ASPIRING_MIDDLE_LEADER,
    "Brookfield Junior School", LL_FOCUS_BEHAVIOUR_FOR_LEARNING, "behaviour for learning in Year 4",
    LL_ACTIVITY_ALONE, "" },
  { "Ffion", "Mahmood", LL_ROLE_TEACHING_ASSISTANT, LL_PARTICIPANT_TEACHING_ASSISTANT,
    "Meadowbank Infant School", LL_FOCUS_EARLY_YEARS_SELF_INITIATED, "self-initiated play in Reception",
    LL_ACTIVITY_SMALL_GROUP, "the Reception team" },
};

static const char * const tutors[] = { "Gwen Ellis-Davies", "Tomasz Nowak" };
static const char *facilitator = "Helen Marchetti";

static const char * const host_schools[] = {
  "Ashgrove Primary School", "Hollins Park Academy", "Brookfield Junior School",
  "Meadowbank Infant School", "St Cuthbert's Church of England Primary School", "Hollins Park Academy",
};

static const char * const themes[LL_PROGRAMME_N_STUDY_SESSIONS] = {
  "Leading change from the middle",
  "Reflective practice and coaching conversations",
  "Solution-focused approaches and evaluating impact",
};

static const char * const terms[LL_PROGRAMME_N_STUDY_SESSIONS] = { "autumn", "spring", "summer" };

static const char * const session_texts[LL_PROGRAMME_N_STUDY_SESSIONS] = {
  "I arrived thinking that leadership meant having the answers. By the end of the day I had started to see it as "
  "asking better questions and giving colleagues room to try things. The activity where we mapped our sphere of "
  "influence was useful: mine is bigger than I thought, because I work with three classes every week.",
  "We practised coaching conversations in threes. Being the listener was harder than being the coach: I kept "
  "wanting to jump in with advice. I am going to try the “what else?” question with my own team, and keep a note "
  "of how often I give advice when a question would do.",
  "The session on evaluating impact changed how I think about my activity. I had been counting what we did, not "
  "what changed for pupils. I left with two measures I can collect without extra work, and a plan to ask pupils "
  "directly what difference it has made to them.",
};

static const char * const cluster_texts[LL_PROGRAMME_N_CLUSTER_MEETINGS] = {
  "The first cluster meeting set our ground rules and shared our priorities. It was reassuring to hear that other "
  "schools have the same worries about time. We agreed to bring one small piece of evidence to every meeting, so "
  "that we talk about practice rather than plans.",
  "We looked at examples of pupils’ work from three schools and talked about what independence looks like at each "
  "age. I noticed how much our expectations differ between Year 2 and Year 4, and I want to talk about that with "
  "colleagues back at school.",
  "This meeting was about getting staff on board. We role-played a reluctant colleague, which was funny but also "
  "honest. The idea I took away was to start with the people who are already curious and let their results do "
  "the persuading.",
  "We shared our first findings. Several of us had data that did not show what we hoped, and the discussion about "
  "why was the most useful part of the programme so far. Nobody pretended it was all going well.",
  "A practical meeting: each of us presented a resource we had made and the group gave feedback using “what went "
  "well” and “even better if”. I came away with three changes to my prompt cards and an offer to share them with "
  "another school.",
  "Our last cluster meeting looked back over the year and forward to next September. We each said what we would "
  "keep doing without the programme. Mine is the short fortnightly check-in with my team, which costs ten minutes "
  "and has made the biggest difference.",
};

static const char * const led_texts[] = {
  "I led this meeting with a colleague. Planning it made me think hard about timing: I had too much in the first "
  "draft and cut it by half. The group discussion ran over, which I took as a good sign, and two people asked "
  "for my materials afterwards.",
  "I planned and led this session. I was nervous about facilitating people with more experience than me, so I "
  "built it around their own examples rather than my slides. Next time I would give people the question before "
  "the meeting so that they arrive ready to talk.",
};

/* Three paragraphs for each part of the story; %s is the focus. */
static const char * const story_texts[LL_STORY_N_PARTS][3] = {
  [LL_STORY_PRIORITY] = {
    "Our school improvement plan names %s as a priority this year. When I looked at what pupils told us in the "
    "autumn survey, and at what staff said in the September training day, the same concern came up: pupils rely on "
    "adults to tell them what to do next, and they give up quickly when a task gets hard.",
    "This matters because the habits that pupils build now go with them into every later class. If they learn that "
    "waiting is the safest choice, they will keep waiting. I wanted to find something small and practical that "
    "staff could do every day, rather than another initiative that fades by the spring.",
    "It also matters to me personally. I have seen pupils in my own groups surprise themselves when they were given "
    "a little more responsibility, and I wanted to know whether that could happen across a whole year group, not "
    "just in the sessions that I happen to run.",
  },
  [LL_STORY_AGREEMENT] = {
    "I met the deputy headteacher in October to talk through the idea. She asked me to be clear about what I would "
    "change, who would be involved and how we would know whether it had worked. Writing that down on one page was "
    "harder than I expected, and it was the most useful thing I did all term.",
    "We agreed that I would work with two classes first, report back at the January leadership meeting, and only "
    "then offer it to other staff. The senior team gave me one hour of release time each fortnight and agreed to "
    "protect a slot in a staff meeting in the summer term for sharing the outcomes.",
    "Having that agreement in writing helped when things got busy. When a colleague asked why I was out of class, I "
    "could explain that it was part of the school plan, not a favour. It also meant my line manager asked me about "
    "progress at every review, which kept me going when I might have let it drift.",
  },
  [LL_STORY_ACTION] = {
    "I started by watching, not changing anything. For two weeks I noted when pupils asked an adult for help and "
    "what they could have done instead. Most requests were about the next step of a task that was already written "
    "on the board, which told me the problem was confidence rather than understanding.",
    "With the class teachers I introduced a simple routine: before asking an adult, pupils try three things, which "
    "we agreed with them and put on a card on every table. We modelled the routine, praised pupils who used it and "
    "talked about it at the end of lessons, so that it became the way we work rather than a rule.",
    "In the spring we added a weekly five-minute reflection in which pupils said what they had tried when they were "
    "stuck. I kept a log of what worked and what did not, met the class teachers every fortnight, and changed the "
    "cards twice after pupils told us that some of the wording did not make sense to them.",
  },
  [LL_STORY_IMPACT] = {
    "I repeated my two weeks of watching in March. Requests for help about the next step fell by about half in both "
    "classes. The requests that were left were more often about real difficulties, which is exactly where we want "
    "adults to spend their time.",
    "The pupil survey showed a change too. In the autumn fewer than half the pupils agreed that they knew what to do "
    "when they were stuck; by the summer most of them did. In conversations pupils talked about the strategies by "
    "name and could explain when each one helps.",
    "Staff noticed the difference before I showed them any figures. One teacher said that she could now work with a "
    "small group for ten minutes without interruptions. I am careful not to claim that all of this is down to the "
    "cards, but the pattern is clear enough to build on, and it held in both classes.",
  },
  [LL_STORY_LEARNING] = {
    "I learnt that leading is mostly listening. The best changes to the routine came from pupils and from the class "
    "teachers, not from me. When I stopped trying to have the perfect plan and started asking people what they "
    "noticed, they became much more interested in making it work.",
    "I also learnt how to handle a setback. In January one class dropped the routine for three weeks after a change "
    "of teacher. Instead of starting again from scratch, I asked the new teacher what would make it easier, and we "
    "simplified the cards together. That conversation taught me more than the training did.",
    "Finally, I learnt that evidence persuades more than enthusiasm. Colleagues who were polite but unconvinced in "
    "the autumn asked to join once they saw the figures from March. I will start my next piece of work by deciding "
    "how I will know whether it has worked, before I decide what to do.",
  },
  [LL_STORY_NEXT_STEPS] = {
    "Next year every class in the year group will use the routine from September, and the cards are now part of the "
    "induction pack for new staff. Two colleagues have agreed to be the contacts for it, so that it does not depend "
    "on me being there.",
    "We will repeat the survey and the two weeks of watching each autumn and spring, and report the results to the "
    "senior team as part of the school's self-evaluation. That gives us a way to see whether the change lasts once "
    "the novelty has worn off, and an early warning if it starts to slip in one class.",
    "I would like to try the same approach with homework and with independent reading, where the same habit of "
    "waiting for an adult shows up. I have asked to keep my fortnightly release time for one more term to help the "
    "next group of teachers get started.",
  },
  [LL_STORY_PRESENTATION] = {
    "I presented the outcomes at a staff meeting in the summer term. I kept it to fifteen minutes: the problem, what "
    "we did, what changed and what we will do next, with three short quotes from pupils. Showing the before and "
    "after figures side by side worked better than any of my slides about the routine itself.",
    "Colleagues asked good questions, especially about whether the routine would work with younger pupils and with "
    "pupils who have additional needs. I did not have all the answers, and said so, and two teachers offered to try "
    "it in their classes and report back in the autumn.",
    "Presenting to the whole staff was the part of the programme that I was most nervous about. Looking back, it was "
    "the moment I felt most like a leader, because the conversation carried on without me in the staffroom for the "
    "rest of the week, and it is still going.",
  },
};

static const char * const tutorial_texts[] = {
  "Tutorial with my tutor. We looked at my one-page plan and tightened the measures of impact. Agreed action: collect "
  "the baseline before half term and book the meeting with the deputy head.",
  "Second tutorial. We talked about the class that dropped the routine and how to respond without blame. My tutor "
  "suggested asking the new teacher to adapt it rather than adopt it, which I will try this week.",
};

static const char * const reflection_titles[] = {
  "A note after a hard week",
  "Looking back at my questions",
};

static const char * const reflection_texts[G_N_ELEMENTS (reflection_titles)] = {
  "A note to myself after a difficult week: the activity is not failing just because one lesson went badly. Look at "
  "the log, not at the mood of the day.",
  "Reading back through my entries, I can see how my questions have changed since September. I ask fewer “how do I” "
  "questions and more “what if we” ones.",
};

/* @text, with %s replaced by @focus, as a DocBook paragraph. */
static char *
para (const char *text,
      const char *focus)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  g_auto(GStrv) pieces = g_strsplit (escaped, "%s", -1);
  g_autofree char *focused = NULL;

  if (focus != NULL)
    {
      g_autofree char *escaped_focus = g_markup_escape_text (focus, -1);

      focused = g_strjoinv (escaped_focus, pieces);
    }
  else
    focused = g_strjoinv ("", pieces);
  return g_strdup_printf ("<para" NS ">%s</para>\n", focused);
}

/* @date (YYYY-MM-DD) moved by @months and @days, as YYYY-MM-DD. */
static char *
shift_date (const char *date,
            int         months,
            int         days)
{
  GDate d;
  char buffer[16];

  g_date_clear (&d, 1);
  g_date_set_parse (&d, date);
  if (!g_date_valid (&d))
    return g_strdup (date);
  if (months > 0)
    g_date_add_months (&d, (guint) months);
  else if (months < 0)
    g_date_subtract_months (&d, (guint) -months);
  if (days > 0)
    g_date_add_days (&d, (guint) days);
  else if (days < 0)
    g_date_subtract_days (&d, (guint) -days);
  g_snprintf (buffer, sizeof buffer, "%04u-%02u-%02u", g_date_get_year (&d), (guint) g_date_get_month (&d),
              g_date_get_day (&d));
  return g_strdup (buffer);
}

static gboolean
add_text_entry (LlPortfolio  *portfolio,
                LlEntryKind   kind,
                LlStoryPart   part,
                const char   *date,
                const char   *body,
                gint64        session,
                gboolean      led,
                GError      **error)
{
  LlPortfolioEntry *entry = ll_portfolio_add_entry (portfolio, kind, part, date, error);

  return entry != NULL
         && ll_portfolio_set_entry_text (portfolio, entry, LL_ENTRY_BODY, body, error)
         && (session == 0 || ll_portfolio_set_entry_session (portfolio, entry, session, error))
         && (!led || ll_portfolio_set_entry_led (portfolio, entry, TRUE, error));
}

/* How much of each part each stage has written. */
static guint
story_parts_written (Stage stage)
{
  switch (stage)
    {
    case STAGE_STARTED:
      return 0;
    case STAGE_EARLY:
      return 1;
    case STAGE_MIDWAY:
      return 4;
    case STAGE_NEARLY:
    case STAGE_REOPENED:
    case STAGE_SUBMITTED:
    case STAGE_VERIFIED:
    case STAGE_CERTIFIED:
    case N_STAGES:
    default:
      return LL_STORY_N_PARTS;
    }
}

/* Pictures of the work, from halfway on: a photograph of what was done,
 * a chart of its impact, and near the end a diagram of how it spread,
 * which supports no entry in particular. */
static gboolean
add_sample_evidence (LlPortfolio  *portfolio,
                     Stage         stage,
                     GError      **error)
{
  LlPortfolioEntry *action = ll_portfolio_find_story_part (portfolio, LL_STORY_ACTION);
  LlPortfolioEntry *impact = ll_portfolio_find_story_part (portfolio, LL_STORY_IMPACT);

  if (stage < STAGE_MIDWAY || action == NULL || impact == NULL)
    return TRUE;
  {
    g_autoptr(GBytes) photo = ll_portfolio_sample_photo (stage);
    g_autoptr(GBytes) chart = ll_portfolio_sample_chart (stage);

    if (_ll_portfolio_add_evidence_bytes (portfolio, "reading-corner.png", "image/png", photo,
                                          ll_portfolio_entry_get_id (action),
                                          "The reading corner the pupils planned, in its first week", error) == NULL
        || _ll_portfolio_add_evidence_bytes (portfolio, "before-and-after.png", "image/png", chart,
                                             ll_portfolio_entry_get_id (impact),
                                             "Pupils seen explaining their thinking, before (grey) and after "
                                             "(blue), in five lessons", error) == NULL)
      return FALSE;
  }
  if (stage >= STAGE_NEARLY)
    {
      g_autoptr(GBytes) diagram = ll_portfolio_sample_diagram (stage);

      if (_ll_portfolio_add_evidence_bytes (portfolio, "how-it-spread.png", "image/png", diagram, 0,
                                            "How the approach spread from my class to the others", error) == NULL)
        return FALSE;
    }
  return TRUE;
}

static gboolean
fill_portfolio (LlPortfolio        *portfolio,
                const LlProgramme  *programme,
                const Person       *person,
                Stage               stage,
                guint               led_meeting,
                const char         *tutor,
                GError            **error)
{
  guint n_sessions = stage == STAGE_STARTED ? 1 : stage == STAGE_EARLY ? 1 : stage == STAGE_MIDWAY ? 2 : 3;
  guint n_meetings = stage == STAGE_STARTED ? 0 : stage == STAGE_EARLY ? 2 : stage == STAGE_MIDWAY ? 3 : LL_PROGRAMME_N_CLUSTER_MEETINGS;
  guint n_parts = story_parts_written (stage);

  for (guint i = 0; i < n_sessions; i++)
    {
      const LlStudySession *session = g_ptr_array_index (programme->sessions, i);
      g_autofree char *body = para (session_texts[i], NULL);

      if (!add_text_entry (portfolio, LL_ENTRY_SESSION_REFLECTION, LL_STORY_NONE, session->date, body,
                           session->id, FALSE, error))
        return FALSE;
    }
  for (guint i = 0; i < n_meetings; i++)
    {
      const LlClusterMeeting *meeting = g_ptr_array_index (programme->meetings, i);
      gboolean led = i == led_meeting && stage >= STAGE_MIDWAY;
      g_autofree char *body = para (led ? led_texts[led_meeting % G_N_ELEMENTS (led_texts)] : cluster_texts[i],
                                    NULL);

      if (!add_text_entry (portfolio, LL_ENTRY_CLUSTER_REFLECTION, LL_STORY_NONE, meeting->date, body,
                           meeting->id, led, error))
        return FALSE;
    }
  if (stage >= STAGE_MIDWAY)
    {
      g_autofree char *body = para (tutorial_texts[0], NULL);
      g_autofree char *date = shift_date (programme->start_date, 1, 20);

      if (!add_text_entry (portfolio, LL_ENTRY_TUTORIAL, LL_STORY_NONE, date, body, 0, FALSE, error))
        return FALSE;
    }
  for (LlStoryPart part = 0; part < n_parts; part++)
    {
      g_autoptr(GString) body = g_string_new (NULL);
      g_autofree char *date = shift_date (programme->start_date, 2 + (int) part, 3);
      /* the first part of an early story is only begun */
      guint n_paragraphs = stage == STAGE_EARLY ? 1 : 3;

      for (guint p = 0; p < n_paragraphs; p++)
        {
          g_autofree char *text = para (story_texts[part][p], person->focus_words);

          g_string_append (body, text);
        }
      if (!add_text_entry (portfolio, LL_ENTRY_STORY, part, date, body->str, 0, FALSE, error))
        return FALSE;
      if (part == LL_STORY_PRESENTATION && stage != STAGE_NEARLY)
        {
          LlPortfolioEntry *entry = ll_portfolio_find_story_part (portfolio, part);
          g_autofree char *presented = shift_date (programme->start_date, 9, 5);

          if (!ll_portfolio_set_entry_text (portfolio, entry, LL_ENTRY_PRESENTED, presented, error)
              || !ll_portfolio_set_entry_text (portfolio, entry, LL_ENTRY_AUDIENCE,
                                               "All teaching and support staff", error))
            return FALSE;
        }
    }
  if (stage >= STAGE_NEARLY)
    {
      g_autofree char *body = para (tutorial_texts[1], NULL);
      g_autofree char *date = shift_date (programme->start_date, 4, 12);
      guint which = stage % G_N_ELEMENTS (reflection_texts);
      g_autofree char *reflection = para (reflection_texts[which], NULL);
      g_autofree char *reflection_date = shift_date (programme->start_date, 5, 2);
      LlPortfolioEntry *entry;

      if (!add_text_entry (portfolio, LL_ENTRY_TUTORIAL, LL_STORY_NONE, date, body, 0, FALSE, error))
        return FALSE;
      entry = ll_portfolio_add_entry (portfolio, LL_ENTRY_REFLECTION, LL_STORY_NONE, reflection_date, error);
      if (entry == NULL
          || !ll_portfolio_set_entry_text (portfolio, entry, LL_ENTRY_TITLE, reflection_titles[which], error)
          || !ll_portfolio_set_entry_text (portfolio, entry, LL_ENTRY_BODY, reflection, error))
        return FALSE;
      /* kept for herself, not for the tutor */
      if (stage % 2 == 1 && !ll_portfolio_set_entry_included (portfolio, entry, FALSE, error))
        return FALSE;
    }

  if (!add_sample_evidence (portfolio, stage, error))
    return FALSE;

  switch (stage)
    {
    case STAGE_REOPENED:
      return ll_portfolio_submit (portfolio, error) != 0 && ll_portfolio_reopen (portfolio, error);
    case STAGE_SUBMITTED:
      return ll_portfolio_submit (portfolio, error) != 0;
    case STAGE_VERIFIED:
    case STAGE_CERTIFIED:
      if (ll_portfolio_submit (portfolio, error) == 0
          || !ll_portfolio_verify (portfolio,
                                   "I have read this portfolio with the participant. It holds the reflections "
                                   "and the analytical story that the programme asks for, and it is their own work.",
                                   tutor, error))
        return FALSE;
      return stage != STAGE_CERTIFIED || ll_portfolio_certify (portfolio, error);
    case STAGE_STARTED:
    case STAGE_EARLY:
    case STAGE_MIDWAY:
    case STAGE_NEARLY:
    case N_STAGES:
    default:
      return TRUE;
    }
}

static gint64
add_person (LlStore     *store,
            const char  *name,
            LlRole       role,
            GError     **error)
{
  return ll_store_insert_person (store, name, ll_role_to_id (role), error);
}

/* The programme, with its sessions and meetings dated through the ten
 * months since it began. */
static LlProgramme *
make_programme (LlStore     *store,
                const char  *start,
                gint64       facilitator_id,
                GError     **error)
{
  g_autoptr(LlProgramme) wanted = ll_programme_new (start);
  g_autofree char *end = NULL;
  LlProgramme *programme;

  if (ll_store_ensure_programme (store, wanted, error) == 0)
    return NULL;
  programme = ll_store_load_programme (store, error);
  if (programme == NULL)
    return NULL;
  _ll_set_str (&programme->certifying_body, "Riverside Learning Trust");
  end = g_strndup (programme->end_date, 4);
  g_free (programme->cohort);
  /* "2025–26", or "2026" when it ends in the year it began */
  if (strncmp (start, end, 4) == 0)
    programme->cohort = g_strndup (start, 4);
  else
    programme->cohort = g_strdup_printf ("%.4s–%.2s", start, end + 2);
  _ll_set_str (&programme->hub, "Riverside North hub");
  programme->facilitator_id = facilitator_id;
  for (guint i = 0; i < programme->sessions->len; i++)
    {
      LlStudySession *session = g_ptr_array_index (programme->sessions, i);

      g_free (session->date);
      session->date = shift_date (start, 1 + 3 * (int) i, 8);
      _ll_set_str (&session->term, terms[i]);
      _ll_set_str (&session->host_school, host_schools[i * 2]);
      _ll_set_str (&session->theme, themes[i]);
    }
  for (guint i = 0; i < programme->meetings->len; i++)
    {
      LlClusterMeeting *meeting = g_ptr_array_index (programme->meetings, i);

      g_free (meeting->date);
      meeting->date = shift_date (start, 1 + 3 * (int) i / 2, 25);
      _ll_set_str (&meeting->host_school, host_schools[i]);
    }
  if (!ll_store_save_programme (store, programme, error))
    {
      ll_programme_free (programme);
      return NULL;
    }
  return programme;
}

/* One cohort, numbered from 0, with its facilitator and tutors. */
static gboolean
add_cohort (LlStore            *store,
            LlProgramme        *programme,
            guint               cohort,
            GError            **error)
{
  gint64 tutor_ids[G_N_ELEMENTS (tutors)];
  g_autofree char *facilitator_name = NULL;
  gint64 facilitator_id;

  /* the people of further cohorts are told apart by a number */
#define NAME(name) \
   (cohort == 0 ? g_strdup (name) : g_strdup_printf ("%s %u", (name), cohort + 1))
  facilitator_name = NAME (facilitator);
  facilitator_id = add_person (store, facilitator_name, LL_ROLE_FACILITATOR, error);
  if (facilitator_id == 0)
    return FALSE;
  if (cohort == 0)
    programme->facilitator_id = facilitator_id;
  for (guint i = 0; i < G_N_ELEMENTS (tutors); i++)
    {
      g_autofree char *tutor_name = NAME (tutors[i]);

      if ((tutor_ids[i] = add_person (store, tutor_name, LL_ROLE_TUTOR, error)) == 0)
        return FALSE;
    }
  for (guint i = 0; i < N_STAGES; i++)
    {
      const Person *person = &people[i];
      g_autoptr(LlParticipant) participant = ll_participant_new ();
      g_autoptr(LlPortfolio) portfolio = NULL;
      g_autofree char *full_name = g_strdup_printf ("%s %s", person->first, person->last);
      g_autofree char *name = NAME (full_name);
      g_autofree char *tutor_name = NULL;
      g_autofree char *title = NULL;
      guint tutor = i % G_N_ELEMENTS (tutors);
      guint led_meeting = i % LL_PROGRAMME_N_CLUSTER_MEETINGS;
      gint64 id;

      tutor_name = NAME (tutors[tutor]);
      participant->person_id = add_person (store, name, person->staff_role, error);
      if (participant->person_id == 0)
        return FALSE;
      _ll_set_str (&participant->school, person->school);
      participant->role = person->role;
      participant->tutor_id = tutor_ids[tutor];
      participant->focus = person->focus;
      participant->activity = person->activity;
      _ll_set_str (&participant->activity_with, person->activity_with);
      title = _ll_portfolio_dup_title (name);
      id = ll_store_insert_portfolio (store, title, participant, error);
      if (id == 0)
        return FALSE;
      portfolio = _ll_portfolio_load (store, NULL, id, error);
      if (portfolio == NULL
          || !fill_portfolio (portfolio, programme, person, i, led_meeting, tutor_name, error))
        return FALSE;
      if (i >= STAGE_MIDWAY)
        {
          LlClusterMeeting *meeting = g_ptr_array_index (programme->meetings, led_meeting);

          g_array_append_val (meeting->leaders, participant->person_id);
        }
    }
#undef NAME
  return TRUE;
}

gboolean
ll_portfolio_sample_add (LlStore     *store,
                         const char  *today,
                         guint        cohorts,
                         GError     **error)
{
  g_autofree char *start = NULL;
  g_autoptr(LlProgramme) programme = NULL;

  g_return_val_if_fail (LL_IS_STORE (store), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  /* ten months in: the last cluster meeting and the presentations are
   * behind the cohort, the summer study session just ahead */
  start = shift_date (today, -10, 0);
  start[8] = '0';
  start[9] = '1';
  if (!ll_store_begin (store, error))
    return FALSE;
  programme = make_programme (store, start, 0, error);
  if (programme == NULL)
    {
      ll_store_rollback (store);
      return FALSE;
    }
  for (guint cohort = 0; cohort < MAX (cohorts, 1); cohort++)
    {
      if (!add_cohort (store, programme, cohort, error))
        {
          ll_store_rollback (store);
          return FALSE;
        }
      /* a transaction for each cohort, as the other kinds do */
      if (!ll_store_commit (store, error) || !ll_store_begin (store, error))
        return FALSE;
    }
  /* the leaders of the meetings, and the first facilitator */
  if (!ll_store_save_programme (store, programme, error))
    {
      ll_store_rollback (store);
      return FALSE;
    }
  return ll_store_commit (store, error);
}
