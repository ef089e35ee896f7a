/* test-portfolio.c: evidence portfolios: the programme, a participant's
 * entries kept across openings, submission and verification, and the
 * requirements of certification */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ll-docbook.h"
#include "ll-sample.h"
#include "ll-test-util.h"
#include "ll-workbook.h"
#include "ll-workbook-portfolios.h"

#define NS " xmlns=\"http://docbook.org/ns/docbook\""

typedef struct
{
  char       *dir;
  char       *path;
  LlWorkbook *workbook;
  gint64      participant_id;
  gint64      tutor_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LlPerson *participant, *tutor;   /* the workbook's */

  f->dir = ll_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "Portfolio.llw", NULL);
  f->workbook = ll_workbook_create (f->path, &error);
  g_assert_no_error (error);
  participant = ll_workbook_add_person (f->workbook, "Siân Pritchard", LL_ROLE_TEACHING_ASSISTANT, &error);
  g_assert_no_error (error);
  tutor = ll_workbook_add_person (f->workbook, "Zoë Okafor", LL_ROLE_TUTOR, &error);
  g_assert_no_error (error);
  f->participant_id = ll_person_get_id (participant);
  f->tutor_id = ll_person_get_id (tutor);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->workbook);
  ll_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ll_workbook_flush (f->workbook, &error));
  g_clear_object (&f->workbook);
  f->workbook = ll_workbook_open (f->path, LL_WORKBOOK_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
}

static LlPortfolio *
add_portfolio (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlParticipant) participant = ll_participant_new ();
  LlPortfolio *portfolio;

  participant->person_id = f->participant_id;
  participant->tutor_id = f->tutor_id;
  g_free (participant->school);
  participant->school = g_strdup ("Ashgrove Primary School");
  participant->role = LL_PARTICIPANT_TEACHING_ASSISTANT;
  participant->focus = LL_FOCUS_OTHER;
  g_free (participant->focus_other);
  participant->focus_other = g_strdup ("Outdoor learning");
  participant->activity = LL_ACTIVITY_PAIR;
  g_free (participant->activity_with);
  participant->activity_with = g_strdup ("Callum Reid");
  portfolio = ll_workbook_add_portfolio (f->workbook, participant, &error);
  g_assert_no_error (error);
  g_assert_nonnull (portfolio);
  return portfolio;
}

/* A paragraph of @n words. */
static char *
words (guint n)
{
  g_autoptr(GString) text = g_string_new ("<para" NS ">");

  for (guint i = 0; i < n; i++)
    g_string_append (text, i > 0 ? " word" : "Word");
  g_string_append (text, "</para>\n");
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static LlPortfolioEntry *
add_entry (LlPortfolio *portfolio,
           LlEntryKind  kind,
           LlStoryPart  part,
           const char  *date,
           guint        n_words)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *body = words (n_words);
  LlPortfolioEntry *entry = ll_portfolio_add_entry (portfolio, kind, part, date, &error);

  g_assert_no_error (error);
  g_assert_nonnull (entry);
  if (n_words > 0)
    {
      g_assert_true (ll_portfolio_set_entry_text (portfolio, entry, LL_ENTRY_BODY, body, &error));
      g_assert_no_error (error);
    }
  return entry;
}

static gint64
meeting_id (const LlProgramme *programme,
            guint              i)
{
  return ((const LlClusterMeeting *) g_ptr_array_index (programme->meetings, i))->id;
}

/* The programme -------------------------------------------------------------- */

/* A workbook has a programme before anything is written, with the rules
 * from the workbook; it is written when changed, and stays. */
static void
test_programme (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const LlProgramme *programme = ll_workbook_get_programme (f->workbook, &error);
  g_autoptr(LlProgramme) changed = NULL;
  LlClusterMeeting *meeting;

  g_assert_no_error (error);
  g_assert_cmpint (programme->id, ==, 0);
  g_assert_cmpstr (programme->title, ==, "Leading Active Learning");
  g_assert_true (g_str_has_suffix (programme->start_date, "-09-01"));
  g_assert_true (g_str_has_suffix (programme->end_date, "-08-31"));
  g_assert_cmpint (atoi (programme->end_date), ==, atoi (programme->start_date) + 1);
  g_assert_cmpuint (programme->sessions->len, ==, 3);
  g_assert_cmpuint (programme->meetings->len, ==, 6);
  g_assert_cmpuint (programme->rules->len, ==, 5);
  g_assert_cmpint (ll_programme_find_rule (programme, LL_RULE_CLUSTER_REFLECTIONS)->minimum, ==, 3);
  g_assert_cmpint (ll_programme_find_rule (programme, LL_RULE_LED_CLUSTER_REFLECTION)->minimum, ==, 1);

  changed = ll_programme_copy (programme);
  g_free (changed->cohort);
  changed->cohort = g_strdup ("Cohort 4");
  changed->facilitator_id = f->tutor_id;
  meeting = g_ptr_array_index (changed->meetings, 2);
  g_free (meeting->host_school);
  meeting->host_school = g_strdup ("Hollins Park Academy");
  g_array_append_val (meeting->leaders, f->participant_id);
  ((LlPortfolioRule *) g_ptr_array_index (changed->rules, 0))->minimum = 2;
  g_assert_true (ll_workbook_update_programme (f->workbook, changed, &error));
  g_assert_no_error (error);

  reopen (f);
  programme = ll_workbook_get_programme (f->workbook, &error);
  g_assert_no_error (error);
  g_assert_cmpint (programme->id, >, 0);
  g_assert_cmpstr (programme->cohort, ==, "Cohort 4");
  g_assert_cmpint (programme->facilitator_id, ==, f->tutor_id);
  meeting = g_ptr_array_index (programme->meetings, 2);
  g_assert_cmpint (meeting->id, >, 0);
  g_assert_cmpstr (meeting->host_school, ==, "Hollins Park Academy");
  g_assert_true (ll_programme_meeting_led_by (programme, meeting->id, f->participant_id));
  g_assert_false (ll_programme_meeting_led_by (programme, meeting_id (programme, 1), f->participant_id));
  g_assert_cmpint (ll_programme_find_rule (programme, LL_RULE_CLUSTER_REFLECTIONS)->minimum, ==, 2);
}

/* The portfolio and its entries ---------------------------------------------- */

/* Everything a participant writes is in the workbook when it is opened
 * again, in its order, and the list of documents names the participant. */
static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlPortfolio) portfolio = add_portfolio (f);
  g_autoptr(LlPortfolioEntry) first = NULL;
  g_autoptr(LlPortfolioEntry) second = NULL;
  g_autofree char *title = NULL;
  const LlProgramme *programme = ll_workbook_get_programme (f->workbook, &error);
  gint64 id = ll_portfolio_get_id (portfolio);
  gint64 session = ((const LlStudySession *) g_ptr_array_index (programme->sessions, 1))->id;
  LlPortfolioEntry *reflection, *cluster, *story, *tutorial, *removed;
  const LlParticipant *participant;
  GListModel *entries;
  GPtrArray *documents;

  g_assert_cmpint (programme->id, >, 0);   /* written with the first portfolio */
  reflection = add_entry (portfolio, LL_ENTRY_SESSION_REFLECTION, LL_STORY_NONE, "2025-10-08", 12);
  g_assert_true (ll_portfolio_set_entry_session (portfolio, reflection, session, &error));
  cluster = add_entry (portfolio, LL_ENTRY_CLUSTER_REFLECTION, LL_STORY_NONE, "2025-11-19", 20);
  g_assert_true (ll_portfolio_set_entry_session (portfolio, cluster, meeting_id (programme, 0), &error));
  g_assert_true (ll_portfolio_set_entry_led (portfolio, cluster, TRUE, &error));
  story = add_entry (portfolio, LL_ENTRY_STORY, LL_STORY_PRESENTATION, "2026-03-02", 0);
  g_assert_true (ll_portfolio_set_entry_text (portfolio, story, LL_ENTRY_BODY,
                                              "<para" NS ">To <emphasis>all</emphasis> staff.</para>\n", &error));
  g_assert_true (ll_portfolio_set_entry_text (portfolio, story, LL_ENTRY_PRESENTED, "2026-03-02", &error));
  g_assert_true (ll_portfolio_set_entry_text (portfolio, story, LL_ENTRY_AUDIENCE, "Teaching staff", &error));
  tutorial = add_entry (portfolio, LL_ENTRY_TUTORIAL, LL_STORY_NONE, "2025-12-03", 5);
  g_assert_true (ll_portfolio_set_entry_included (portfolio, tutorial, FALSE, &error));
  removed = add_entry (portfolio, LL_ENTRY_REFLECTION, LL_STORY_NONE, "2025-12-04", 3);
  g_assert_true (ll_portfolio_set_entry_text (portfolio, removed, LL_ENTRY_TITLE, "Gone", &error));
  g_assert_no_error (error);
  /* the story has each part once */
  g_assert_null (ll_portfolio_add_entry (portfolio, LL_ENTRY_STORY, LL_STORY_PRESENTATION, "2026-03-03", &error));
  g_assert_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_INVALID);
  g_clear_error (&error);

  /* the story first, the removed one gone */
  g_assert_true (ll_portfolio_move_entry (portfolio, story, 0, &error));
  g_assert_true (ll_portfolio_remove_entry (portfolio, removed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (ll_portfolio_get_entries (portfolio)), ==, 4);
  g_clear_object (&portfolio);

  reopen (f);
  documents = ll_workbook_list_documents (f->workbook, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 2);
  g_assert_cmpstr (ll_document_info_get_kind (g_ptr_array_index (documents, 1)), ==, "portfolio");
  g_assert_cmpstr (ll_document_info_get_title (g_ptr_array_index (documents, 1)), ==, "Portfolio: Siân Pritchard");
  g_ptr_array_unref (documents);

  portfolio = ll_workbook_open_portfolio (f->workbook, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ll_portfolio_get_status (portfolio), ==, LL_PORTFOLIO_IN_PROGRESS);
  participant = ll_portfolio_get_participant (portfolio);
  g_assert_cmpint (participant->person_id, ==, f->participant_id);
  g_assert_cmpint (participant->tutor_id, ==, f->tutor_id);
  g_assert_cmpstr (participant->school, ==, "Ashgrove Primary School");
  g_assert_cmpint (participant->role, ==, LL_PARTICIPANT_TEACHING_ASSISTANT);
  g_assert_cmpint (participant->focus, ==, LL_FOCUS_OTHER);
  g_assert_cmpstr (participant->focus_other, ==, "Outdoor learning");
  g_assert_cmpint (participant->activity, ==, LL_ACTIVITY_PAIR);
  g_assert_cmpstr (participant->activity_with, ==, "Callum Reid");

  entries = ll_portfolio_get_entries (portfolio);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 4);
  first = g_list_model_get_item (entries, 0);
  g_assert_cmpint (ll_portfolio_entry_get_kind (first), ==, LL_ENTRY_STORY);
  g_assert_cmpint (ll_portfolio_entry_get_part (first), ==, LL_STORY_PRESENTATION);
  g_assert_nonnull (strstr (ll_portfolio_entry_get_text (first, LL_ENTRY_BODY), "<emphasis>all</emphasis>"));
  g_assert_cmpstr (ll_portfolio_entry_get_text (first, LL_ENTRY_PRESENTED), ==, "2026-03-02");
  g_assert_cmpstr (ll_portfolio_entry_get_text (first, LL_ENTRY_AUDIENCE), ==, "Teaching staff");
  g_assert_cmpuint (ll_portfolio_entry_get_words (first), ==, 3);
  second = g_list_model_get_item (entries, 1);
  g_assert_cmpint (ll_portfolio_entry_get_kind (second), ==, LL_ENTRY_SESSION_REFLECTION);
  g_assert_cmpint (ll_portfolio_entry_get_session (second), ==, session);
  g_assert_cmpstr (ll_portfolio_entry_get_text (second, LL_ENTRY_DATE), ==, "2025-10-08");
  title = ll_portfolio_entry_dup_heading (second, ll_workbook_get_programme (f->workbook, NULL));
  g_assert_cmpstr (title, ==, "Study session 2");
  g_clear_object (&second);
  second = g_list_model_get_item (entries, 2);
  g_assert_true (ll_portfolio_entry_get_led (second));
  g_assert_true (ll_portfolio_entry_get_included (second));
  g_clear_object (&second);
  second = g_list_model_get_item (entries, 3);
  g_assert_cmpint (ll_portfolio_entry_get_kind (second), ==, LL_ENTRY_TUTORIAL);
  g_assert_false (ll_portfolio_entry_get_included (second));
}

/* The title in the list of documents of @id. */
static const char *
document_title (LlWorkbook *workbook,
                gint64      id)
{
  GListModel *documents = ll_workbook_get_documents (workbook);

  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(LlDocumentInfo) info = g_list_model_get_item (documents, i);

      if (ll_document_info_get_id (info) == id)
        return ll_document_info_get_title (info);
    }
  g_assert_not_reached ();
}

static LlPerson *
find_person (LlWorkbook *workbook,
             gint64      id)
{
  GListModel *people = ll_workbook_get_people (workbook);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(LlPerson) person = g_list_model_get_item (people, i);

      if (ll_person_get_id (person) == id)
        return person;
    }
  g_assert_not_reached ();
}

/* Renaming a participant renames their portfolio in the list, at once
 * and when the workbook is opened again; so does choosing another
 * person, or a person added later. */
static void
test_title_follows_name (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlPortfolio) portfolio = add_portfolio (f);
  g_autoptr(LlParticipant) participant = NULL;
  gint64 id = ll_portfolio_get_id (portfolio);
  LlPerson *later;

  g_assert_cmpstr (document_title (f->workbook, id), ==, "Portfolio: Siân Pritchard");
  ll_person_set_name (find_person (f->workbook, f->participant_id), "Siân Pritchard-Evans");
  g_assert_cmpstr (document_title (f->workbook, id), ==, "Portfolio: Siân Pritchard-Evans");
  g_clear_object (&portfolio);
  reopen (f);
  g_assert_cmpstr (document_title (f->workbook, id), ==, "Portfolio: Siân Pritchard-Evans");

  later = ll_workbook_add_person (f->workbook, "Chloé Martin", LL_ROLE_TEACHER, &error);
  g_assert_no_error (error);
  portfolio = ll_workbook_open_portfolio (f->workbook, id, &error);
  participant = ll_participant_copy (ll_portfolio_get_participant (portfolio));
  participant->person_id = ll_person_get_id (later);
  g_assert_true (ll_workbook_update_participant (f->workbook, portfolio, participant, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (document_title (f->workbook, id), ==, "Portfolio: Chloé Martin");
  ll_person_set_name (later, "Chloé Martin-Ross");
  g_assert_cmpstr (document_title (f->workbook, id), ==, "Portfolio: Chloé Martin-Ross");
  /* the person the portfolio no longer names changes nothing */
  ll_person_set_name (find_person (f->workbook, f->participant_id), "Siân Evans");
  g_assert_cmpstr (document_title (f->workbook, id), ==, "Portfolio: Chloé Martin-Ross");
}

/* Status and submissions ------------------------------------------------------ */

static void
assert_locked (const GError *error)
{
  g_assert_error (error, LL_PORTFOLIO_ERROR, LL_PORTFOLIO_ERROR_LOCKED);
  g_assert_true (g_str_has_suffix (error->message, "."));
}

/* While submitted, every edit is refused and nothing changes, in the
 * model or in the file, until the tutor reopens the portfolio. */
static void
test_submitted_refuses_edits (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlPortfolio) portfolio = add_portfolio (f);
  g_autoptr(LlParticipant) participant = NULL;
  g_autoptr(LlPortfolioEntry) entry = NULL;
  gint64 id = ll_portfolio_get_id (portfolio);
  LlPortfolioEntry *kept;

  kept = add_entry (portfolio, LL_ENTRY_CLUSTER_REFLECTION, LL_STORY_NONE, "2025-11-19", 10);
  add_entry (portfolio, LL_ENTRY_REFLECTION, LL_STORY_NONE, "2025-11-20", 10);
  g_assert_cmpuint (ll_portfolio_submit (portfolio, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_false (ll_portfolio_get_editable (portfolio));

  g_assert_null (ll_portfolio_add_entry (portfolio, LL_ENTRY_TUTORIAL, LL_STORY_NONE, "2025-12-01", &error));
  assert_locked (error);
  g_clear_error (&error);
  g_assert_false (ll_portfolio_set_entry_text (portfolio, kept, LL_ENTRY_BODY, "<para" NS ">Changed</para>", &error));
  assert_locked (error);
  g_clear_error (&error);
  g_assert_false (ll_portfolio_set_entry_included (portfolio, kept, FALSE, &error));
  assert_locked (error);
  g_clear_error (&error);
  g_assert_false (ll_portfolio_set_entry_led (portfolio, kept, TRUE, &error));
  assert_locked (error);
  g_clear_error (&error);
  g_assert_false (ll_portfolio_set_entry_session (portfolio, kept, 1, &error));
  assert_locked (error);
  g_clear_error (&error);
  g_assert_false (ll_portfolio_move_entry (portfolio, kept, 1, &error));
  assert_locked (error);
  g_clear_error (&error);
  g_assert_false (ll_portfolio_remove_entry (portfolio, kept, &error));
  assert_locked (error);
  g_clear_error (&error);
  participant = ll_participant_copy (ll_portfolio_get_participant (portfolio));
  g_free (participant->school);
  participant->school = g_strdup ("Elsewhere");
  g_assert_false (ll_workbook_update_participant (f->workbook, portfolio, participant, &error));
  assert_locked (error);
  g_clear_error (&error);

  /* nothing changed, and the refusal holds after opening again */
  g_assert_cmpuint (g_list_model_get_n_items (ll_portfolio_get_entries (portfolio)), ==, 2);
  g_assert_cmpuint (ll_portfolio_entry_get_words (kept), ==, 10);
  g_assert_true (ll_portfolio_entry_get_included (kept));
  g_clear_object (&portfolio);
  reopen (f);
  portfolio = ll_workbook_open_portfolio (f->workbook, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ll_portfolio_get_status (portfolio), ==, LL_PORTFOLIO_SUBMITTED);
  g_assert_cmpstr (ll_portfolio_get_participant (portfolio)->school, ==, "Ashgrove Primary School");
  g_assert_cmpuint (g_list_model_get_n_items (ll_portfolio_get_entries (portfolio)), ==, 2);
  entry = g_list_model_get_item (ll_portfolio_get_entries (portfolio), 0);
  g_assert_false (ll_portfolio_set_entry_text (portfolio, entry, LL_ENTRY_BODY, "", &error));
  assert_locked (error);
  g_clear_error (&error);

  /* reopened by the tutor, it can be changed again */
  g_assert_true (ll_portfolio_reopen (portfolio, &error));
  g_assert_no_error (error);
  g_assert_true (ll_portfolio_set_entry_text (portfolio, entry, LL_ENTRY_BODY, "", &error));
  g_assert_true (ll_workbook_update_participant (f->workbook, portfolio, participant, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ll_portfolio_get_participant (portfolio)->school, ==, "Elsewhere");
}

/* What was submitted is kept exactly, whatever is changed afterwards,
 * and holds only the included entries. */
static void
test_submission_is_kept (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlPortfolio) portfolio = add_portfolio (f);
  g_autoptr(LlPortfolioSubmission) first = NULL;
  g_autoptr(LlPortfolioSubmission) again = NULL;
  g_autoptr(LlPortfolioSubmission) second = NULL;
  g_autoptr(LlPortfolioEntry) entry = NULL;
  gint64 id = ll_portfolio_get_id (portfolio);
  LlPortfolioEntry *left_out, *reflection;

  reflection = add_entry (portfolio, LL_ENTRY_CLUSTER_REFLECTION, LL_STORY_NONE, "2025-11-19", 0);
  g_assert_true (ll_portfolio_set_entry_text (portfolio, reflection, LL_ENTRY_BODY,
                                              "<para" NS ">What I saw in the first meeting.</para>\n", &error));
  left_out = add_entry (portfolio, LL_ENTRY_REFLECTION, LL_STORY_NONE, "2025-11-20", 0);
  g_assert_true (ll_portfolio_set_entry_text (portfolio, left_out, LL_ENTRY_BODY,
                                              "<para" NS ">Private thoughts.</para>\n", &error));
  g_assert_true (ll_portfolio_set_entry_included (portfolio, left_out, FALSE, &error));
  g_assert_cmpuint (ll_portfolio_submit (portfolio, &error), ==, 1);
  g_assert_no_error (error);
  first = ll_portfolio_dup_submission (portfolio, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->number, ==, 1);
  g_assert_nonnull (strstr (first->content, "What I saw in the first meeting."));
  g_assert_null (strstr (first->content, "Private thoughts."));
  g_assert_cmpstr (first->verified, ==, "");
  g_assert_true (g_str_has_suffix (first->submitted, "Z"));
  /* the copy reads back entry by entry, for showing beside the text now */
  {
    g_autofree char *body = ll_portfolio_submission_dup_entry_text (first, ll_portfolio_entry_get_id (reflection),
                                                                    "body");
    g_autofree char *date = ll_portfolio_submission_dup_entry_text (first, ll_portfolio_entry_get_id (reflection),
                                                                    "date");
    g_autofree char *private = ll_portfolio_submission_dup_entry_text (first, ll_portfolio_entry_get_id (left_out),
                                                                       "body");

    g_assert_cmpstr (body, ==, "<para" NS ">What I saw in the first meeting.</para>\n");
    g_assert_cmpstr (date, ==, "2025-11-19");
    g_assert_null (private);
  }

  /* reopened, changed, removed, submitted again */
  g_assert_true (ll_portfolio_reopen (portfolio, &error));
  g_assert_true (ll_portfolio_set_entry_text (portfolio, reflection, LL_ENTRY_BODY,
                                              "<para" NS ">Rewritten.</para>\n", &error));
  g_assert_true (ll_portfolio_set_entry_included (portfolio, left_out, TRUE, &error));
  g_assert_true (ll_portfolio_move_entry (portfolio, left_out, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ll_portfolio_submit (portfolio, &error), ==, 2);
  g_assert_no_error (error);
  g_assert_true (ll_portfolio_reopen (portfolio, &error));
  entry = g_list_model_get_item (ll_portfolio_get_entries (portfolio), 1);
  g_assert_true (entry == reflection);
  g_assert_true (ll_portfolio_remove_entry (portfolio, reflection, &error));
  g_assert_no_error (error);
  g_clear_object (&entry);
  g_clear_object (&portfolio);
  reopen (f);

  portfolio = ll_workbook_open_portfolio (f->workbook, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ll_portfolio_get_n_submissions (portfolio), ==, 2);
  again = ll_portfolio_dup_submission (portfolio, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->submitted, ==, first->submitted);
  g_assert_cmpuint (strlen (again->content), ==, strlen (first->content));
  g_assert_cmpmem (again->content, strlen (again->content), first->content, strlen (first->content));
  second = ll_portfolio_dup_submission (portfolio, 2, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (second->content, "Rewritten."));
  g_assert_nonnull (strstr (second->content, "Private thoughts."));
  g_assert_true (strstr (second->content, "Private thoughts.") < strstr (second->content, "Rewritten."));
  g_assert_null (ll_portfolio_dup_submission (portfolio, 3, &error));
  g_assert_nonnull (error);
}

/* In progress, submitted, verified, certified: each step only from the
 * one before it (or back to in progress when reopened). */
static void
test_status_transitions (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlPortfolio) portfolio = add_portfolio (f);
  g_autoptr(LlPortfolioSubmission) submission = NULL;
  gint64 id = ll_portfolio_get_id (portfolio);

  g_assert_false (ll_portfolio_verify (portfolio, "Fine.", "Zoë Okafor", &error));
  g_assert_error (error, LL_PORTFOLIO_ERROR, LL_PORTFOLIO_ERROR_STATUS);
  g_assert_nonnull (strstr (error->message, "In progress"));
  g_clear_error (&error);
  g_assert_false (ll_portfolio_certify (portfolio, &error));
  g_assert_error (error, LL_PORTFOLIO_ERROR, LL_PORTFOLIO_ERROR_STATUS);
  g_clear_error (&error);
  g_assert_false (ll_portfolio_reopen (portfolio, &error));
  g_assert_error (error, LL_PORTFOLIO_ERROR, LL_PORTFOLIO_ERROR_STATUS);
  g_clear_error (&error);

  g_assert_cmpint (ll_workbook_get_portfolio_status (f->workbook, id), ==, LL_PORTFOLIO_IN_PROGRESS);
  g_assert_cmpuint (ll_portfolio_submit (portfolio, &error), ==, 1);
  g_assert_cmpint (ll_portfolio_get_status (portfolio), ==, LL_PORTFOLIO_SUBMITTED);
  g_assert_cmpint (ll_workbook_get_portfolio_status (f->workbook, id), ==, LL_PORTFOLIO_SUBMITTED);
  g_assert_cmpuint (ll_portfolio_submit (portfolio, &error), ==, 0);
  g_assert_error (error, LL_PORTFOLIO_ERROR, LL_PORTFOLIO_ERROR_STATUS);
  g_clear_error (&error);
  g_assert_false (ll_portfolio_certify (portfolio, &error));
  g_assert_error (error, LL_PORTFOLIO_ERROR, LL_PORTFOLIO_ERROR_STATUS);
  g_clear_error (&error);
  /* a verification says something */
  g_assert_false (ll_portfolio_verify (portfolio, "  ", "Zoë Okafor", &error));
  g_assert_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (ll_portfolio_get_status (portfolio), ==, LL_PORTFOLIO_SUBMITTED);

  g_assert_true (ll_portfolio_verify (portfolio, "Her own work, and complete.", "Zoë Okafor", &error));
  g_assert_no_error (error);
  g_assert_cmpint (ll_portfolio_get_status (portfolio), ==, LL_PORTFOLIO_VERIFIED);
  g_assert_false (ll_portfolio_reopen (portfolio, &error));
  g_assert_error (error, LL_PORTFOLIO_ERROR, LL_PORTFOLIO_ERROR_STATUS);
  g_clear_error (&error);
  g_assert_null (ll_portfolio_add_entry (portfolio, LL_ENTRY_TUTORIAL, LL_STORY_NONE, "2025-12-01", &error));
  assert_locked (error);
  g_clear_error (&error);
  g_assert_true (ll_portfolio_certify (portfolio, &error));
  g_assert_no_error (error);
  g_clear_object (&portfolio);

  reopen (f);
  g_assert_cmpint (ll_workbook_get_portfolio_status (f->workbook, id), ==, LL_PORTFOLIO_CERTIFIED);
  portfolio = ll_workbook_open_portfolio (f->workbook, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ll_portfolio_get_status (portfolio), ==, LL_PORTFOLIO_CERTIFIED);
  submission = ll_portfolio_dup_submission (portfolio, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (submission->statement, ==, "Her own work, and complete.");
  g_assert_cmpstr (submission->verified_by, ==, "Zoë Okafor");
  g_assert_true (g_str_has_suffix (submission->verified, "Z"));
}

/* Requirements ---------------------------------------------------------------- */

/* The requirement of @kind (the first, or for the story that of @part). */
static LlRequirement *
find_requirement (GPtrArray   *requirements,
                  const char  *kind,
                  LlStoryPart  part)
{
  for (guint i = 0; i < requirements->len; i++)
    {
      LlRequirement *requirement = g_ptr_array_index (requirements, i);

      if (g_str_equal (requirement->kind, kind)
          && (part == LL_STORY_NONE || requirement->target_part == part))
        return requirement;
    }
  g_assert_not_reached ();
}

static GPtrArray *
check (Fixture     *f,
       LlPortfolio *portfolio)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *requirements = ll_workbook_check_portfolio (f->workbook, portfolio, &error);

  g_assert_no_error (error);
  return requirements;
}

static void
assert_unmet (GPtrArray   *requirements,
              const char  *kind,
              LlStoryPart  part,
              const char  *missing)
{
  LlRequirement *requirement = find_requirement (requirements, kind, part);

  g_assert_false (requirement->met);
  g_assert_cmpstr (requirement->missing, ==, missing);
}

static void
assert_met (GPtrArray   *requirements,
            const char  *kind,
            LlStoryPart  part)
{
  LlRequirement *requirement = find_requirement (requirements, kind, part);

  g_assert_true (requirement->met);
  g_assert_null (requirement->missing);
}

/* Each rule, unmet and then met, with what it says is missing and where
 * it sends the participant. */
static void
test_requirements (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlPortfolio) portfolio = add_portfolio (f);
  g_autoptr(LlProgramme) programme = ll_programme_copy (ll_workbook_get_programme (f->workbook, &error));
  g_autoptr(GPtrArray) requirements = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *inside = NULL;
  g_autofree char *outside = NULL;
  LlPortfolioEntry *clusters[3], *learning, *presentation;
  LlRequirement *requirement;
  gint64 id = ll_portfolio_get_id (portfolio);

  g_free (programme->start_date);
  programme->start_date = g_strdup ("2025-09-01");
  g_free (programme->end_date);
  programme->end_date = g_strdup ("2026-08-31");
  g_assert_true (ll_workbook_update_programme (f->workbook, programme, &error));
  g_assert_no_error (error);

  requirements = check (f, portfolio);
  /* two for the cluster reflections, seven parts of the story, the
   * presentation, the dates */
  g_assert_cmpuint (requirements->len, ==, 11);
  summary = ll_requirements_dup_summary (requirements);
  g_assert_cmpstr (summary, ==, "1 of 11 requirements met");
  g_assert_false (ll_requirements_all_met (requirements));
  assert_unmet (requirements, LL_RULE_CLUSTER_REFLECTIONS, LL_STORY_NONE,
                "Write 3 more cluster reflections (0 of 3)");
  assert_unmet (requirements, LL_RULE_LED_CLUSTER_REFLECTION, LL_STORY_NONE,
                "Write a reflection on a cluster session that you led");
  assert_unmet (requirements, LL_RULE_STORY_PART_WORDS, LL_STORY_LEARNING,
                "Write “What I learnt about leadership” (at least 150 words)");
  assert_unmet (requirements, LL_RULE_OUTCOMES_PRESENTED, LL_STORY_NONE,
                "Record when the outcomes were presented to staff");
  assert_met (requirements, LL_RULE_ENTRIES_IN_YEAR, LL_STORY_NONE);
  g_clear_pointer (&requirements, g_ptr_array_unref);

  /* cluster reflections: two written, one empty, one left out */
  clusters[0] = add_entry (portfolio, LL_ENTRY_CLUSTER_REFLECTION, LL_STORY_NONE, "2025-10-01", 40);
  clusters[1] = add_entry (portfolio, LL_ENTRY_CLUSTER_REFLECTION, LL_STORY_NONE, "2025-11-01", 40);
  clusters[2] = add_entry (portfolio, LL_ENTRY_CLUSTER_REFLECTION, LL_STORY_NONE, "2025-12-01", 0);
  g_assert_true (ll_portfolio_set_entry_included (portfolio, clusters[1], FALSE, &error));
  requirements = check (f, portfolio);
  assert_unmet (requirements, LL_RULE_CLUSTER_REFLECTIONS, LL_STORY_NONE,
                "Write 2 more cluster reflections (1 of 3)");
  /* it sends the participant to the empty one */
  g_assert_cmpint (find_requirement (requirements, LL_RULE_CLUSTER_REFLECTIONS, LL_STORY_NONE)->target_entry, ==,
                   ll_portfolio_entry_get_id (clusters[2]));
  assert_unmet (requirements, LL_RULE_LED_CLUSTER_REFLECTION, LL_STORY_NONE,
                "Say that you led one of the cluster sessions");
  g_clear_pointer (&requirements, g_ptr_array_unref);

  g_assert_true (ll_portfolio_set_entry_included (portfolio, clusters[1], TRUE, &error));
  requirements = check (f, portfolio);
  assert_unmet (requirements, LL_RULE_CLUSTER_REFLECTIONS, LL_STORY_NONE,
                "Write one more cluster reflection (2 of 3)");
  g_clear_pointer (&requirements, g_ptr_array_unref);

  g_assert_true (ll_portfolio_set_entry_text (portfolio, clusters[2], LL_ENTRY_BODY, "<para" NS ">Done.</para>",
                                              &error));
  g_assert_true (ll_portfolio_set_entry_led (portfolio, clusters[1], TRUE, &error));
  g_assert_no_error (error);
  requirements = check (f, portfolio);
  assert_met (requirements, LL_RULE_CLUSTER_REFLECTIONS, LL_STORY_NONE);
  assert_met (requirements, LL_RULE_LED_CLUSTER_REFLECTION, LL_STORY_NONE);
  g_clear_pointer (&requirements, g_ptr_array_unref);

  /* the programme recording that the participant led the meeting is as good */
  g_assert_true (ll_portfolio_set_entry_led (portfolio, clusters[1], FALSE, &error));
  g_assert_true (ll_portfolio_set_entry_session (portfolio, clusters[0], meeting_id (programme, 3), &error));
  requirements = check (f, portfolio);
  assert_unmet (requirements, LL_RULE_LED_CLUSTER_REFLECTION, LL_STORY_NONE,
                "Say that you led one of the cluster sessions");
  g_clear_pointer (&requirements, g_ptr_array_unref);
  g_array_append_val (((LlClusterMeeting *) g_ptr_array_index (programme->meetings, 3))->leaders, f->participant_id);
  g_assert_true (ll_workbook_update_programme (f->workbook, programme, &error));
  requirements = check (f, portfolio);
  assert_met (requirements, LL_RULE_LED_CLUSTER_REFLECTION, LL_STORY_NONE);
  g_clear_pointer (&requirements, g_ptr_array_unref);

  /* the story's length, part by part */
  learning = add_entry (portfolio, LL_ENTRY_STORY, LL_STORY_LEARNING, "2026-04-01", 40);
  requirements = check (f, portfolio);
  assert_unmet (requirements, LL_RULE_STORY_PART_WORDS, LL_STORY_LEARNING,
                "Write “What I learnt about leadership” (at least 150 words; 40 so far)");
  requirement = find_requirement (requirements, LL_RULE_STORY_PART_WORDS, LL_STORY_LEARNING);
  g_assert_cmpint (requirement->target_entry, ==, ll_portfolio_entry_get_id (learning));
  g_assert_cmpint (requirement->target_part, ==, LL_STORY_LEARNING);
  g_clear_pointer (&requirements, g_ptr_array_unref);
  {
    g_autofree char *short_text = words (149);

    g_assert_true (ll_portfolio_set_entry_text (portfolio, learning, LL_ENTRY_BODY, short_text, &error));
  }
  requirements = check (f, portfolio);
  assert_unmet (requirements, LL_RULE_STORY_PART_WORDS, LL_STORY_LEARNING,
                "Write “What I learnt about leadership” (at least 150 words; 149 so far)");
  g_clear_pointer (&requirements, g_ptr_array_unref);
  {
    g_autofree char *long_text = words (150);

    g_assert_true (ll_portfolio_set_entry_text (portfolio, learning, LL_ENTRY_BODY, long_text, &error));
  }
  requirements = check (f, portfolio);
  assert_met (requirements, LL_RULE_STORY_PART_WORDS, LL_STORY_LEARNING);
  assert_unmet (requirements, LL_RULE_STORY_PART_WORDS, LL_STORY_IMPACT,
                "Write “The evidence of impact” (at least 150 words)");
  g_clear_pointer (&requirements, g_ptr_array_unref);
  g_assert_true (ll_portfolio_set_entry_included (portfolio, learning, FALSE, &error));
  requirements = check (f, portfolio);
  assert_unmet (requirements, LL_RULE_STORY_PART_WORDS, LL_STORY_LEARNING,
                "Include “What I learnt about leadership” in the portfolio");
  g_clear_pointer (&requirements, g_ptr_array_unref);
  g_assert_true (ll_portfolio_set_entry_included (portfolio, learning, TRUE, &error));

  /* the programme sets the length: the rule is read from the workbook */
  for (guint i = 0; i < programme->rules->len; i++)
    {
      LlPortfolioRule *rule = g_ptr_array_index (programme->rules, i);

      if (g_str_equal (rule->kind, LL_RULE_STORY_PART_WORDS))
        rule->minimum = 200;
    }
  g_assert_true (ll_workbook_update_programme (f->workbook, programme, &error));
  g_clear_object (&portfolio);
  reopen (f);
  portfolio = ll_workbook_open_portfolio (f->workbook, id, &error);
  g_assert_no_error (error);
  requirements = check (f, portfolio);
  assert_unmet (requirements, LL_RULE_STORY_PART_WORDS, LL_STORY_LEARNING,
                "Write “What I learnt about leadership” (at least 200 words; 150 so far)");
  g_clear_pointer (&requirements, g_ptr_array_unref);

  /* the presentation: when, then to whom */
  presentation = add_entry (portfolio, LL_ENTRY_STORY, LL_STORY_PRESENTATION, "2026-06-01", 30);
  requirements = check (f, portfolio);
  assert_unmet (requirements, LL_RULE_OUTCOMES_PRESENTED, LL_STORY_NONE,
                "Record when the outcomes were presented to staff");
  g_assert_cmpint (find_requirement (requirements, LL_RULE_OUTCOMES_PRESENTED, LL_STORY_NONE)->target_entry, ==,
                   ll_portfolio_entry_get_id (presentation));
  g_clear_pointer (&requirements, g_ptr_array_unref);
  g_assert_true (ll_portfolio_set_entry_text (portfolio, presentation, LL_ENTRY_PRESENTED, "2026-06-10", &error));
  requirements = check (f, portfolio);
  assert_unmet (requirements, LL_RULE_OUTCOMES_PRESENTED, LL_STORY_NONE, "Say who the outcomes were presented to");
  g_clear_pointer (&requirements, g_ptr_array_unref);
  g_assert_true (ll_portfolio_set_entry_text (portfolio, presentation, LL_ENTRY_AUDIENCE, "All staff", &error));
  requirements = check (f, portfolio);
  assert_met (requirements, LL_RULE_OUTCOMES_PRESENTED, LL_STORY_NONE);
  g_clear_pointer (&requirements, g_ptr_array_unref);

  /* the dates: one outside the year, then one without a date as well */
  add_entry (portfolio, LL_ENTRY_TUTORIAL, LL_STORY_NONE, "2026-09-02", 10);
  requirements = check (f, portfolio);
  assert_unmet (requirements, LL_RULE_ENTRIES_IN_YEAR, LL_STORY_NONE,
                "“Tutorial notes, 2 September 2026” is dated outside the programme's year");
  g_clear_pointer (&requirements, g_ptr_array_unref);
  add_entry (portfolio, LL_ENTRY_REFLECTION, LL_STORY_NONE, "", 10);
  requirements = check (f, portfolio);
  assert_unmet (requirements, LL_RULE_ENTRIES_IN_YEAR, LL_STORY_NONE,
                "“Tutorial notes, 2 September 2026” and 1 other entry are undated or dated outside the "
                "programme's year");
  g_assert_no_error (error);
}

/* A portfolio whose every requirement is met says so. */
static void
test_requirements_all_met (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlPortfolio) portfolio = add_portfolio (f);
  g_autoptr(GPtrArray) requirements = NULL;
  g_autofree char *summary = NULL;
  const LlProgramme *programme = ll_workbook_get_programme (f->workbook, &error);
  g_autofree char *date = g_strdup (programme->start_date);
  LlPortfolioEntry *entry;

  for (guint i = 0; i < 3; i++)
    {
      entry = add_entry (portfolio, LL_ENTRY_CLUSTER_REFLECTION, LL_STORY_NONE, date, 60);
      if (i == 1)
        g_assert_true (ll_portfolio_set_entry_led (portfolio, entry, TRUE, &error));
    }
  for (LlStoryPart part = 0; part < LL_STORY_N_PARTS; part++)
    entry = add_entry (portfolio, LL_ENTRY_STORY, part, date, 150);
  g_assert_true (ll_portfolio_set_entry_text (portfolio, entry, LL_ENTRY_PRESENTED, date, &error));
  g_assert_true (ll_portfolio_set_entry_text (portfolio, entry, LL_ENTRY_AUDIENCE, "All staff", &error));
  g_assert_no_error (error);
  requirements = check (f, portfolio);
  summary = ll_requirements_dup_summary (requirements);
  g_assert_cmpstr (summary, ==, "11 of 11 requirements met");
  g_assert_true (ll_requirements_all_met (requirements));
}

/* The body of the entry @id of the portfolio @portfolio_id, as another
 * reader of the file sees it now. */
static char *
body_on_disk (Fixture *f,
              gint64   portfolio_id,
              gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlWorkbook) reader = ll_workbook_open (f->path, LL_WORKBOOK_OPEN_READ_ONLY, &error);
  g_autoptr(LlPortfolio) portfolio = NULL;

  g_assert_no_error (error);
  portfolio = ll_workbook_open_portfolio (reader, portfolio_id, &error);
  g_assert_no_error (error);
  return g_strdup (ll_portfolio_entry_get_text (ll_portfolio_find_entry (portfolio, id), LL_ENTRY_BODY));
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    data)
{
  (*(guint *) data)++;
}

/* Typing is written after a pause, like every other text of the
 * workbook, and what waits is written before the portfolio is submitted;
 * the model says what changed. */
static void
test_typing (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlPortfolio) portfolio = add_portfolio (f);
  g_autoptr(LlPortfolioSubmission) submission = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 id = ll_portfolio_get_id (portfolio);
  LlPortfolioEntry *entry = add_entry (portfolio, LL_ENTRY_REFLECTION, LL_STORY_NONE, "2025-10-01", 0);
  guint words = 0, body = 0, status = 0, editable = 0;

  g_signal_connect (entry, "notify::words", G_CALLBACK (count_notify), &words);
  g_signal_connect (entry, "notify::body", G_CALLBACK (count_notify), &body);
  g_signal_connect (portfolio, "notify::status", G_CALLBACK (count_notify), &status);
  g_signal_connect (portfolio, "notify::editable", G_CALLBACK (count_notify), &editable);

  g_assert_true (ll_portfolio_set_entry_text (portfolio, entry, LL_ENTRY_BODY, "<para" NS ">Typed</para>", &error));
  g_assert_true (ll_portfolio_set_entry_text (portfolio, entry, LL_ENTRY_BODY, "<para" NS ">Typed on</para>", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (body, ==, 2);
  g_assert_cmpuint (words, ==, 2);
  g_assert_cmpuint (ll_portfolio_entry_get_words (entry), ==, 2);
  g_assert_true (ll_workbook_get_unsaved (f->workbook));
  before = body_on_disk (f, id, ll_portfolio_entry_get_id (entry));
  g_assert_cmpstr (before, ==, "");

  g_assert_cmpuint (ll_portfolio_submit (portfolio, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_false (ll_workbook_get_unsaved (f->workbook));
  after = body_on_disk (f, id, ll_portfolio_entry_get_id (entry));
  g_assert_cmpstr (after, ==, "<para" NS ">Typed on</para>");
  submission = ll_portfolio_dup_submission (portfolio, 1, &error);
  g_assert_nonnull (strstr (submission->content, "Typed on"));
  g_assert_cmpuint (status, ==, 1);
  g_assert_cmpuint (editable, ==, 1);
  g_assert_true (ll_portfolio_reopen (portfolio, &error));
  g_assert_cmpuint (status, ==, 2);
  g_assert_cmpuint (editable, ==, 2);
}

/* A workbook open read-only refuses a change to a portfolio at once,
 * rather than keeping it waiting for a write that can never be made. */
static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlPortfolio) portfolio = add_portfolio (f);
  g_autoptr(LlPortfolio) read = NULL;
  g_autoptr(LlWorkbook) reader = NULL;
  g_autoptr(LlPortfolioEntry) entry = NULL;
  gint64 id = ll_portfolio_get_id (portfolio);

  add_entry (portfolio, LL_ENTRY_REFLECTION, LL_STORY_NONE, "2025-10-01", 3);
  g_assert_true (ll_workbook_flush (f->workbook, &error));
  reader = ll_workbook_open (f->path, LL_WORKBOOK_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  read = ll_workbook_open_portfolio (reader, id, &error);
  g_assert_no_error (error);
  entry = g_list_model_get_item (ll_portfolio_get_entries (read), 0);
  g_assert_false (ll_portfolio_get_editable (read));
  g_assert_true (ll_portfolio_get_editable (portfolio));
  g_assert_false (ll_portfolio_set_entry_text (read, entry, LL_ENTRY_BODY, "", &error));
  g_assert_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpuint (ll_portfolio_entry_get_words (entry), ==, 3);
  g_assert_false (ll_workbook_get_unsaved (reader));
  g_assert_cmpuint (ll_portfolio_submit (read, &error), ==, 0);
  g_assert_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_READ_ONLY);
}

/* Export ---------------------------------------------------------------------- */

/* A portfolio exports as a DocBook book that validates, with the
 * included entries only, in their order, a chapter for each part. */
static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlPortfolio) portfolio = add_portfolio (f);
  g_autoptr(LlDoc) doc = NULL;
  g_autofree char *xml_path = g_build_filename (f->dir, "portfolio.xml", NULL);
  g_autofree char *xml = NULL;
  const LlProgramme *programme = NULL;
  g_autoptr(LlProgramme) changed = ll_programme_copy (ll_workbook_get_programme (f->workbook, &error));
  LlClusterMeeting *meeting = g_ptr_array_index (changed->meetings, 0);
  LlPortfolioEntry *entry;
  const char *first, *second;

  g_free (meeting->date);
  meeting->date = g_strdup ("2025-11-19");
  g_free (meeting->host_school);
  meeting->host_school = g_strdup ("Hollins Park Academy");
  g_assert_true (ll_workbook_update_programme (f->workbook, changed, &error));
  programme = ll_workbook_get_programme (f->workbook, &error);

  entry = add_entry (portfolio, LL_ENTRY_CLUSTER_REFLECTION, LL_STORY_NONE, programme->start_date, 0);
  g_assert_true (ll_portfolio_set_entry_text (portfolio, entry, LL_ENTRY_BODY,
                                              "<para" NS ">Second <emphasis>meeting</emphasis> &amp; more.</para>\n",
                                              &error));
  g_assert_true (ll_portfolio_set_entry_led (portfolio, entry, TRUE, &error));
  entry = add_entry (portfolio, LL_ENTRY_CLUSTER_REFLECTION, LL_STORY_NONE, programme->start_date, 0);
  g_assert_true (ll_portfolio_set_entry_text (portfolio, entry, LL_ENTRY_BODY,
                                              "<para" NS ">First meeting.</para>\n", &error));
  g_assert_true (ll_portfolio_move_entry (portfolio, entry, 0, &error));
  g_assert_true (ll_portfolio_set_entry_session (portfolio, entry, meeting_id (programme, 0), &error));
  entry = add_entry (portfolio, LL_ENTRY_STORY, LL_STORY_PRESENTATION, programme->start_date, 0);
  g_assert_true (ll_portfolio_set_entry_text (portfolio, entry, LL_ENTRY_PRESENTED, "2026-03-02", &error));
  g_assert_true (ll_portfolio_set_entry_text (portfolio, entry, LL_ENTRY_AUDIENCE, "All staff", &error));
  entry = add_entry (portfolio, LL_ENTRY_REFLECTION, LL_STORY_NONE, programme->start_date, 0);
  g_assert_true (ll_portfolio_set_entry_text (portfolio, entry, LL_ENTRY_BODY,
                                              "<para" NS ">Not for the tutor.</para>\n", &error));
  g_assert_true (ll_portfolio_set_entry_included (portfolio, entry, FALSE, &error));
  g_assert_no_error (error);

  doc = ll_workbook_build_doc (f->workbook, ll_portfolio_get_id (portfolio), &error);
  g_assert_no_error (error);
  g_assert_cmpint (doc->root, ==, LL_DOC_BOOK);
  g_assert_cmpstr (doc->title, ==, "Portfolio: Siân Pritchard");
  g_assert_cmpstr (doc->author, ==, "Siân Pritchard");
  g_assert_cmpstr (doc->subtitle, ==, "Leading Active Learning");
  g_assert_true (ll_docbook_resolve_fragments (doc, &error));
  g_assert_true (ll_docbook_write_file (doc, xml_path, &error));
  g_assert_no_error (error);
  ll_test_assert_docbook_valid (xml_path);
  g_assert_true (g_file_get_contents (xml_path, &xml, NULL, NULL));
  g_assert_nonnull (strstr (xml, "<book"));
  g_assert_nonnull (strstr (xml, "Ashgrove Primary School"));
  g_assert_nonnull (strstr (xml, "Outdoor learning"));
  g_assert_nonnull (strstr (xml, "Zoë Okafor"));
  g_assert_nonnull (strstr (xml, "<title>Reflections on the cluster group meetings</title>"));
  g_assert_nonnull (strstr (xml, "I led this session."));
  g_assert_nonnull (strstr (xml, "Held on 19 November 2025 at Hollins Park Academy."));
  g_assert_nonnull (strstr (xml, "<title>Cluster meeting 1</title>"));
  g_assert_nonnull (strstr (xml, "Presented on 2 March 2026 to All staff."));
  g_assert_nonnull (strstr (xml, "<emphasis>meeting</emphasis> &amp; more"));
  g_assert_null (strstr (xml, "Not for the tutor."));
  g_assert_null (strstr (xml, "Tutorial notes and reflections"));
  first = strstr (xml, "First meeting.");
  second = strstr (xml, "Second <emphasis>");
  g_assert_nonnull (first);
  g_assert_true (first < second);
}

/* The sample ------------------------------------------------------------------ */

/* The sample cohort has portfolios at every stage, the finished ones
 * meeting every requirement and the first not, and a list entry each. */
static void
test_sample (void)
{
  g_autofree char *dir = ll_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "Sample.llw", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LlWorkbook) workbook = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  guint statuses[LL_PORTFOLIO_N_STATUSES] = { 0 };
  guint portfolios = 0, complete = 0, incomplete = 0;
  gboolean accented = FALSE;
  const LlProgramme *programme;
  g_autofree char *cohort = NULL;

  g_assert_true (ll_sample_generate (path, 1, &error));
  g_assert_no_error (error);
  workbook = ll_workbook_open (path, LL_WORKBOOK_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  programme = ll_workbook_get_programme (workbook, &error);
  g_assert_cmpint (programme->id, >, 0);
  /* the cohort is named by its years: "2025–26", or "2026" */
  if (strncmp (programme->start_date, programme->end_date, 4) == 0)
    cohort = g_strndup (programme->start_date, 4);
  else
    cohort = g_strdup_printf ("%.4s–%.2s", programme->start_date, programme->end_date + 2);
  g_assert_cmpstr (programme->cohort, ==, cohort);
  documents = ll_workbook_list_documents (workbook, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < documents->len; i++)
    {
      LlDocumentInfo *info = g_ptr_array_index (documents, i);
      g_autoptr(LlPortfolio) portfolio = NULL;
      g_autoptr(GPtrArray) requirements = NULL;
      LlPortfolioStatus status;

      if (!g_str_equal (ll_document_info_get_kind (info), "portfolio"))
        continue;
      portfolios++;
      accented |= strstr (ll_document_info_get_title (info), "Siân") != NULL;
      /* known without opening the portfolio */
      status = ll_workbook_get_portfolio_status (workbook, ll_document_info_get_id (info));
      portfolio = ll_workbook_open_portfolio (workbook, ll_document_info_get_id (info), &error);
      g_assert_no_error (error);
      g_assert_cmpint (ll_portfolio_get_status (portfolio), ==, status);
      statuses[status]++;
      requirements = ll_workbook_check_portfolio (workbook, portfolio, &error);
      if (ll_requirements_all_met (requirements))
        complete++;
      else
        incomplete++;
      /* what a tutor has verified meets every requirement */
      if (status >= LL_PORTFOLIO_VERIFIED)
        g_assert_true (ll_requirements_all_met (requirements));
      if (status != LL_PORTFOLIO_IN_PROGRESS)
        g_assert_cmpuint (ll_portfolio_get_n_submissions (portfolio), >=, 1);
    }
  g_assert_cmpuint (portfolios, ==, 8);
  g_assert_true (accented);
  for (guint s = 0; s < LL_PORTFOLIO_N_STATUSES; s++)
    g_assert_cmpuint (statuses[s], >=, 1);
  g_assert_cmpuint (complete, >=, 3);
  g_assert_cmpuint (incomplete, >=, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(name, func) \
  g_test_add ("/portfolio/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("programme", test_programme);
  ADD ("round-trip", test_round_trip);
  ADD ("title-follows-name", test_title_follows_name);
  ADD ("submitted-refuses-edits", test_submitted_refuses_edits);
  ADD ("submission-is-kept", test_submission_is_kept);
  ADD ("status-transitions", test_status_transitions);
  ADD ("requirements", test_requirements);
  ADD ("requirements-all-met", test_requirements_all_met);
  ADD ("typing", test_typing);
  ADD ("read-only", test_read_only);
  ADD ("export", test_export);
#undef ADD
  g_test_add_func ("/portfolio/sample", test_sample);
  return g_test_run ();
}
