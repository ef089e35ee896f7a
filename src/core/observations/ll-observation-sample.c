/* ll-observation-sample.c: a year of observations, made by code
 *
 * The notes are what an observer writes in a primary classroom: short,
 * factual, about what pupils do. They are made from pieces so that a
 * year of them reads as varied without a large text; the same seed gives
 * the same year every time.
 */
#define G_LOG_DOMAIN "ll-observation"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "ll-observation-sample.h"
#include "ll-store-observation.h"

#define NS " xmlns=\"http://docbook.org/ns/docbook\""
#define PER_SCALE 40

static const char * const year_groups[] = {
  "Reception", "Year 1", "Year 2", "Year 3", "Year 4", "Year 5", "Year 6",
};

/* two classes in each year group, named after trees as many primaries do */
static const char * const class_names[] = {
  "Acorns", "Beech", "Cedar", "Damson", "Elder", "Fir", "Hazel",
  "Holly", "Juniper", "Larch", "Maple", "Oak", "Rowan", "Willow",
};

static const char * const subjects[] = {
  "English", "Mathematics", "Science", "History", "Geography", "Art and design",
  "Music", "Computing", "Physical education", "Religious education", "Design and technology", "French",
};

static const char * const pupils[] = {
  "Amara", "Jack", "Zainab", "Leo", "Maisie", "Kacper", "Ruby", "Theo", "Hafsa", "Finley",
  "Olivia", "Dylan", "Nia", "Reuben", "Sofia", "Alfie", "Eira", "Yusuf", "Poppy", "Mohammed",
};

typedef struct
{
  const char *behaviour;
  const char *note;   /* after a pupil's name */
} NotePiece;

static const NotePiece note_pieces[] = {
  { "absorption", " works on the problem for ten minutes without looking up, then asks for a harder one." },
  { "managing-distractions", " moves to the quiet table without being asked when the group gets noisy." },
  { "noticing", " spots that the pattern repeats every third row and tells the table." },
  { "perseverance", " gets it wrong twice, rubs out and tries a different way; gets there on the third go." },
  { "questioning", " asks “what would happen if we used salt water instead?” and the class tries it." },
  { "making-links", " links the fractions to the recipe from last week’s cooking lesson." },
  { "imagining", " describes the scene from the point of view of the fox before starting to write." },
  { "reasoning", " explains why 0.5 is bigger than 0.25 using the number line, step by step." },
  { "capitalising", " uses the word wall and the working-out on the board without being prompted." },
  { "planning", " jots a three-step plan in the margin before starting the investigation." },
  { "revising", " stops halfway, rereads the success criteria and changes the ending." },
  { "distilling", " says what they would do differently next time: “check the units first”." },
  { "meta-learning", " says they learn spellings best by writing them in a story, not by copying." },
  { "interdependence", " chooses to work alone on the first part and then joins a pair to compare." },
  { "collaboration", " and a partner share the roles: one measures, one records, then they swap." },
  { "empathy-and-listening", " waits for a partner to finish, then builds on the idea: “yes, and…”." },
  { "imitation", " copies the teacher’s way of checking the answer by doing the inverse." },
};

static const char * const teacher_moves[] = {
  "Teacher asks pupils to say what strategy they will try before starting.",
  "Teacher models thinking aloud while solving the first example.",
  "Teacher uses “no hands up” questioning; most pupils get a turn.",
  "Teacher praises effort and strategy rather than the answer.",
  "Pupils choose their level of challenge from three trays.",
  "Teacher stops the class to share one pupil’s good question.",
  "Talk partners are used twice in the first twenty minutes.",
};

static const char * const strengths[] = {
  "Pupils talked about their learning confidently and used the language of learning muscles.",
  "The choice of challenge meant nearly every pupil was stretched.",
  "Questioning drew out reasoning rather than answers.",
  "Pupils supported each other without being asked.",
};

static const char * const questions[] = {
  "What did you notice about the pupils who chose the hardest tray?",
  "How could pupils plan more of the lesson themselves?",
  "Which pupils did not stretch their learning muscles today, and why?",
  "What would you keep, and what would you change, if you taught this again?",
};

static const char * const next_steps[] = {
  "Give pupils two minutes to plan before they start a task",
  "Ask pupils to name the learning muscle they used at the end of the lesson",
  "Try a think-pair-share before whole-class questions",
  "Display a strategy wall and refer to it when pupils are stuck",
  "Let pupils choose how to record their work",
};

static const char * const reflections[] = {
  "I hadn’t noticed how often I rescue pupils when they are stuck. I want to wait longer.",
  "The planning step worked better than I expected; the quieter pupils used it most.",
  "I rushed the plenary, so pupils didn’t get to say what helped them.",
  "Talk partners worked well, but some pairs need clearer roles.",
};

static char *
para (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  return g_strdup_printf ("<para" NS ">%s</para>\n", escaped);
}

/* Whether pupils are in school: not at weekends, nor in the summer and
 * Christmas holidays of English schools (roughly; half terms and Easter
 * move from year to year and are left in). */
static gboolean
in_school (const GDate *date)
{
  GDateWeekday weekday = g_date_get_weekday (date);
  GDateMonth month = g_date_get_month (date);
  GDateDay day = g_date_get_day (date);

  if (weekday == G_DATE_SATURDAY || weekday == G_DATE_SUNDAY)
    return FALSE;
  return !((month == G_DATE_JULY && day > 21) || month == G_DATE_AUGUST
           || (month == G_DATE_SEPTEMBER && day < 3)
           || (month == G_DATE_DECEMBER && day > 19) || (month == G_DATE_JANUARY && day < 5));
}

/* A school day @offset days from @start, or the first after it. */
static GDate *
school_day (const GDate *start,
            guint        offset)
{
  GDate *date = g_date_copy (start);

  g_date_add_days (date, offset);
  while (!in_school (date))
    g_date_add_days (date, 1);
  return date;
}

static char *
iso (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static gboolean
add_one (LlStore                        *store,
         const LlObservationSampleSetup *setup,
         GRand                          *rand,
         const GDate                    *date,
         const GDate                    *today,
         GError                        **error)
{
  g_auto(GStrv) keys = ll_framework_dup_behaviour_ids (setup->framework);
  guint n_keys = g_strv_length (keys);
  guint year = (guint) g_rand_int_range (rand, 0, G_N_ELEMENTS (year_groups));
  const char *class_group = class_names[year * 2 + (guint) g_rand_int_range (rand, 0, 2)];
  const char *subject = subjects[g_rand_int_range (rand, 0, G_N_ELEMENTS (subjects))];
  gint64 teacher = setup->teachers[g_rand_int_range (rand, 0, (gint32) setup->n_teachers)];
  gint64 observer = setup->observers[g_rand_int_range (rand, 0, (gint32) setup->n_observers)];
  g_autofree char *when = iso (date);
  g_autofree char *title = g_strdup_printf ("%s, %s", class_group, subject);
  g_autofree char *start = g_strdup_printf ("%02d:%02d", 9 + g_rand_int_range (rand, 0, 6),
                                            g_rand_boolean (rand) ? 0 : 30);
  const char *focus[2];
  g_autofree char *focus_text = NULL;
  int days_ago = g_date_days_between (date, today);
  const char *status;
  gint64 id;

  focus[0] = keys[g_rand_int_range (rand, 0, (gint32) n_keys)];
  do
    focus[1] = keys[g_rand_int_range (rand, 0, (gint32) n_keys)];
  while (g_str_equal (focus[0], focus[1]) && n_keys > 1);
  focus_text = g_strdup_printf ("%s %s", focus[0], focus[1]);
  status = days_ago < 0 ? "planned" : days_ago < 7 ? "observed" : days_ago < 21 ? "discussed" : "closed";

  id = ll_store_insert_observation (store, title, setup->framework_id, when, error);
  if (id == 0
      || !ll_store_update_observation_text (store, id, LL_STORE_OBSERVATION_START, start, error)
      || !ll_store_update_observation_number (store, id, LL_STORE_OBSERVATION_DURATION,
                                              g_rand_boolean (rand) ? 45 : 60, error)
      || !ll_store_update_observation_number (store, id, LL_STORE_OBSERVATION_TEACHER, teacher, error)
      || !ll_store_update_observation_number (store, id, LL_STORE_OBSERVATION_OBSERVER, observer, error)
      || !ll_store_update_observation_text (store, id, LL_STORE_OBSERVATION_CLASS_GROUP, class_group, error)
      || !ll_store_update_observation_text (store, id, LL_STORE_OBSERVATION_YEAR_GROUP, year_groups[year], error)
      || !ll_store_update_observation_text (store, id, LL_STORE_OBSERVATION_SUBJECT, subject, error)
      || !ll_store_update_observation_text (store, id, LL_STORE_OBSERVATION_FOCUS, focus_text, error)
      || !ll_store_update_observation_text (store, id, LL_STORE_OBSERVATION_STATUS, status, error))
    return FALSE;
  {
    g_autofree char *context = para ("Agreed beforehand: the lesson is part of a sequence, and the focus is "
                                     "on how pupils respond when the work gets hard.");

    if (!ll_store_update_observation_text (store, id, LL_STORE_OBSERVATION_CONTEXT, context, error))
      return FALSE;
  }
  if (days_ago < 0)
    return TRUE;

  /* in the lesson: notes by the minute, tallies of what was seen */
  {
    guint n_notes = 6 + (guint) g_rand_int_range (rand, 0, 5);
    guint minute = 1 + (guint) g_rand_int_range (rand, 0, 4);

    for (guint i = 0; i < n_notes; i++, minute += 2 + (guint) g_rand_int_range (rand, 0, 6))
      {
        g_autofree char *text = NULL;
        const char *tag = "";

        if (i % 3 == 2)
          text = g_strdup (teacher_moves[g_rand_int_range (rand, 0, G_N_ELEMENTS (teacher_moves))]);
        else
          {
            const NotePiece *piece = NULL;
            const char *pupil = pupils[g_rand_int_range (rand, 0, G_N_ELEMENTS (pupils))];

            /* mostly the focus, sometimes something else that was seen */
            tag = g_rand_int_range (rand, 0, 4) > 0 ? focus[i % 2] : keys[g_rand_int_range (rand, 0,
                                                                                           (gint32) n_keys)];
            for (guint p = 0; p < G_N_ELEMENTS (note_pieces); p++)
              if (g_str_equal (note_pieces[p].behaviour, tag))
                piece = &note_pieces[p];
            text = piece != NULL
                   ? g_strconcat (pupil, piece->note, NULL)
                   : g_strconcat (pupil, " shows it when the group work begins.", NULL);
          }
        if (ll_store_insert_note (store, id, minute, tag, text, error) == 0)
          return FALSE;
      }
    for (guint i = 0; i < 2; i++)
      if (!ll_store_set_tally (store, id, focus[i], 1 + (guint) g_rand_int_range (rand, 0, 7), error))
        return FALSE;
  }

  /* after it: a level and evidence for each focus behaviour; the
   * dialogue once it has happened */
  {
    /* the year's change: later lessons show more developing and embedded */
    double progress = 1.0 - CLAMP (days_ago / 330.0, 0, 1);
    guint n_levels = g_strv_length ((char **) ll_framework_get_scale (setup->framework));

    for (guint i = 0; i < 2; i++)
      {
        int level = (int) CLAMP (g_rand_double_range (rand, -0.6, 1.4) + progress * (n_levels - 1.5),
                                 0, n_levels - 1);

        if (!ll_store_set_level (store, id, focus[i], level, "Seen in the lesson notes, across several pupils.",
                                 error))
          return FALSE;
      }
  }
  {
    g_autofree char *strength = para (strengths[g_rand_int_range (rand, 0, G_N_ELEMENTS (strengths))]);
    g_autofree char *question = para (questions[g_rand_int_range (rand, 0, G_N_ELEMENTS (questions))]);
    guint first = (guint) g_rand_int_range (rand, 0, G_N_ELEMENTS (next_steps));
    g_autofree char *steps = g_strdup_printf ("%s\n%s", next_steps[first],
                                              next_steps[(first + 2) % G_N_ELEMENTS (next_steps)]);
    g_autoptr(GDate) follow_up = school_day (date, 14);
    g_autofree char *follow_up_text = iso (follow_up);

    if (!ll_store_update_observation_text (store, id, LL_STORE_OBSERVATION_STRENGTHS, strength, error)
        || !ll_store_update_observation_text (store, id, LL_STORE_OBSERVATION_QUESTIONS, question, error)
        || !ll_store_update_observation_text (store, id, LL_STORE_OBSERVATION_FOLLOW_UP, follow_up_text, error))
      return FALSE;
    if (days_ago >= 7
        && (!ll_store_update_observation_text (store, id, LL_STORE_OBSERVATION_NEXT_STEPS, steps, error)))
      return FALSE;
  }
  if (days_ago >= 7)
    {
      g_autofree char *reflection = para (reflections[g_rand_int_range (rand, 0, G_N_ELEMENTS (reflections))]);

      if (!ll_store_update_observation_text (store, id, LL_STORE_OBSERVATION_REFLECTION, reflection, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
ll_observation_sample_add (LlStore                        *store,
                           const LlObservationSampleSetup *setup,
                           guint                           scale,
                           GError                        **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20250908);
  g_autoptr(GDate) today = g_date_new ();
  g_autoptr(GDate) start = NULL;
  g_autoptr(GArray) days = NULL;
  guint count = PER_SCALE * MAX (scale, 1);
  gboolean ok = TRUE;
  int year, month, day;

  g_return_val_if_fail (LL_IS_STORE (store), FALSE);
  g_return_val_if_fail (setup != NULL && setup->n_observers > 0 && setup->n_teachers > 0, FALSE);
  g_return_val_if_fail (setup->today != NULL
                        && sscanf (setup->today, "%4d-%2d-%2d", &year, &month, &day) == 3, FALSE);

  g_date_set_dmy (today, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  /* a school year: from 330 days before to 14 days after today */
  start = g_date_copy (today);
  g_date_subtract_days (start, 330);

  /* spread evenly over the days pupils are in */
  days = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint offset = 0; offset <= 344; offset++)
    {
      GDate date = *start;

      g_date_add_days (&date, offset);
      if (in_school (&date))
        g_array_append_val (days, offset);
    }

  if (!ll_store_begin (store, error))
    return FALSE;
  for (guint i = 0; ok && i < count; i++)
    {
      guint k = (guint) ((guint64) i * days->len / count);
      g_autoptr(GDate) date = school_day (start, g_array_index (days, guint, k));

      ok = add_one (store, setup, rand, date, today, error);
    }
  if (!ok)
    {
      ll_store_rollback (store);
      return FALSE;
    }
  return ll_store_commit (store, error);
}
