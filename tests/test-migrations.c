/* test-migrations.c: workbooks written by earlier versions, kept frozen in
 * tests/data/workbooks/, open with everything they held. The files were made
 * once by the schema of their version and are never regenerated, so these
 * tests see what a user's old file holds, not what today's migration code
 * would make of an empty one. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "ll-narrative.h"
#include "ll-narrative-section.h"
#include "ll-person.h"
#include "ll-portfolio-evidence.h"
#include "ll-revision.h"
#include "ll-school.h"
#include "ll-store.h"
#include "ll-store-observation.h"
#include "ll-test-util.h"
#include "ll-workbook.h"
#include "ll-workbook-portfolios.h"

typedef struct
{
  char *dir;
  char *path;      /* a copy of the frozen workbook */
  char *original;  /* the frozen workbook itself */
  int   version;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *name = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  f->version = GPOINTER_TO_INT (data);
  name = g_strdup_printf ("workbooks/version-%d.llw", f->version);
  f->original = ll_test_data_path (name);
  f->dir = ll_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "Old.llw", NULL);
  g_assert_true (g_file_get_contents (f->original, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents_full (f->path, contents, (gssize) length,
                                           G_FILE_SET_CONTENTS_NONE, 0600, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  ll_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->original);
}

static void
assert_school_and_people (LlWorkbook *workbook)
{
  static const struct { const char *name; LlRole role; } people[] = {
    { "Margaret Oyelaran", LL_ROLE_HEADTEACHER },
    { "Tom Whitlock", LL_ROLE_TEACHER },
    { "Priya Natarajan", LL_ROLE_SENIOR_LEADER },
  };
  LlSchool *school = ll_workbook_get_school (workbook);
  GListModel *list = ll_workbook_get_people (workbook);

  g_assert_cmpstr (ll_school_get_name (school), ==, "Fernhill Church of England Primary School");
  g_assert_cmpstr (ll_school_get_urn (school), ==, "123456");
  g_assert_cmpstr (ll_school_get_local_authority (school), ==, "Somerset");
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, G_N_ELEMENTS (people));
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr(LlPerson) person = g_list_model_get_item (list, i);

      g_assert_cmpstr (ll_person_get_name (person), ==, people[i].name);
      g_assert_cmpint (ll_person_get_role (person), ==, people[i].role);
    }
}

static void
assert_narrative (LlWorkbook *workbook)
{
  GListModel *narratives = ll_workbook_get_narratives (workbook);
  g_autoptr(LlNarrative) narrative = NULL;
  g_autoptr(LlNarrativeSection) first = NULL;
  g_autoptr(LlNarrativeSection) second = NULL;
  g_autoptr(LlRevision) revision = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (narratives), ==, 1);
  narrative = g_list_model_get_item (narratives, 0);
  g_assert_cmpstr (ll_narrative_get_title (narrative), ==, "Learning at Fernhill");
  g_assert_cmpstr (ll_narrative_get_author (narrative), ==, "Margaret Oyelaran");
  g_assert_cmpint (ll_narrative_get_status (narrative), ==, LL_NARRATIVE_SHARED);

  g_assert_cmpuint (g_list_model_get_n_items (ll_narrative_get_sections (narrative)), ==, 2);
  first = g_list_model_get_item (ll_narrative_get_sections (narrative), 0);
  second = g_list_model_get_item (ll_narrative_get_sections (narrative), 1);
  g_assert_cmpstr (ll_narrative_section_get_title (first), ==, "Why learning matters here");
  g_assert_nonnull (strstr (ll_narrative_section_get_body (first), "<emphasis>curious</emphasis>"));
  g_assert_nonnull (strstr (ll_narrative_section_get_body (second), "Talk about learning, not teaching."));

  g_assert_cmpuint (g_list_model_get_n_items (ll_narrative_get_revisions (narrative)), ==, 1);
  revision = g_list_model_get_item (ll_narrative_get_revisions (narrative), 0);
  g_assert_cmpstr (ll_revision_get_name (revision), ==, "First draft for staff");
}

/* Every document and person has a UUID of its own, of the usual form;
 * returns them, joined, to compare one opening with the next. From
 * version 5 they are those the frozen file holds. */
static char *
assert_identities (LlWorkbook *workbook,
                   int         version)
{
  static const char *const frozen[] = {
    "8cc7d097-2755-4319-a096-487acd379974",  /* the school profile */
    "41b7be6e-a356-4d19-b370-097114106a36",  /* the narrative */
    "793e13a1-4504-46e9-b52d-04de8719a5b2",  /* the observation */
    "304fdd79-35de-413e-8b1d-bd96d589528c",  /* the portfolio, from version 6 */
    "e5b9a008-354c-4353-9b45-866eb8d1db0a",  /* Margaret Oyelaran */
    "39d0c4df-5388-493f-8f1c-1fb4b1c48999",  /* Tom Whitlock */
    "9151e346-53b3-4336-8aea-2b5af45a3619",  /* Priya Natarajan */
  };
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  GListModel *documents = ll_workbook_get_documents (workbook);
  GListModel *people = ll_workbook_get_people (workbook);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(LlDocumentInfo) info = g_list_model_get_item (documents, i);

      g_ptr_array_add (uuids, ll_workbook_dup_document_uuid (workbook, ll_document_info_get_id (info),
                                                             &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(LlPerson) person = g_list_model_get_item (people, i);

      g_ptr_array_add (uuids, ll_workbook_dup_person_uuid (workbook, person, &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < uuids->len; i++)
    {
      const char *uuid = g_ptr_array_index (uuids, i);

      g_assert_true (g_uuid_string_is_valid (uuid));
      g_assert_cmpint (uuid[14], ==, '4');
      g_assert_true (g_hash_table_add (seen, (gpointer) uuid));
    }
  if (version >= 5)
    g_assert_cmpuint (uuids->len, ==, G_N_ELEMENTS (frozen) - (version < 6 ? 1 : 0));
  if (version >= 5)
    for (guint i = 0, f = 0; i < uuids->len; i++, f++)
      {
        /* before version 6 there is no portfolio */
        if (version < 6 && f == 3)
          f++;
        g_assert_cmpstr (g_ptr_array_index (uuids, i), ==, frozen[f]);
      }
  g_ptr_array_add (uuids, NULL);
  return g_strjoinv (" ", (char **) uuids->pdata);
}

/* From version 4: a framework and one observation of Tom Whitlock by
 * Priya Natarajan, with notes, a tally and a level. */
static void
assert_observation (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlStore) store = ll_store_open (path, TRUE, NULL, &error);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) tallies = NULL;
  g_autoptr(GPtrArray) levels = NULL;
  g_autoptr(LlStoreObservation) observation = NULL;
  g_autoptr(GArray) frameworks = NULL;
  g_autoptr(LlFramework) framework = NULL;
  LlStoreObservationSummary *summary;

  g_assert_no_error (error);
  frameworks = ll_store_list_frameworks (store, &error);
  g_assert_cmpuint (frameworks->len, ==, 1);
  framework = ll_store_load_framework (store, g_array_index (frameworks, gint64, 0), &error);
  g_assert_cmpstr (ll_framework_get_name (framework), ==, "Building Learning Power");
  list = ll_store_list_observations (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  summary = g_ptr_array_index (list, 0);
  g_assert_cmpstr (summary->date, ==, "2026-03-04");
  g_assert_cmpstr (summary->status, ==, "discussed");
  observation = ll_store_get_observation (store, summary->id, &error);
  g_assert_cmpstr (observation->title, ==, "Year 4 science, 4 March");
  g_assert_cmpstr (observation->texts[LL_STORE_OBSERVATION_SUBJECT], ==, "Science");
  g_assert_nonnull (strstr (observation->texts[LL_STORE_OBSERVATION_STRENGTHS], "<emphasis>why</emphasis>"));
  notes = ll_store_list_notes (store, summary->id, &error);
  g_assert_cmpuint (notes->len, ==, 2);
  tallies = ll_store_list_tallies (store, summary->id, &error);
  g_assert_cmpuint (tallies->len, ==, 1);
  levels = ll_store_list_levels (store, summary->id, &error);
  g_assert_cmpuint (levels->len, ==, 1);
  {
    g_autoptr(GPtrArray) hits = ll_store_search_observations (store, "rust", 10, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 1);
  }
}

/* From version 7: two files of evidence, a chart supporting the entry
 * @led_entry and minutes supporting none, with their bytes whole.
 * Before it: none. */
static void
assert_evidence (LlPortfolio *portfolio,
                 int          version,
                 gint64       led_entry)
{
  g_autoptr(GError) error = NULL;
  GListModel *list = ll_portfolio_get_evidence (portfolio, &error);
  g_autoptr(LlEvidence) chart = NULL;
  g_autoptr(LlEvidence) minutes = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sha256 = NULL;

  g_assert_no_error (error);
  if (version < 7)
    {
      g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
      return;
    }
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  chart = g_list_model_get_item (list, 0);
  minutes = g_list_model_get_item (list, 1);
  g_assert_cmpstr (ll_evidence_get_name (chart), ==, "pupil-voice-survey.png");
  g_assert_true (ll_evidence_get_is_image (chart));
  g_assert_cmpint (ll_evidence_get_entry_id (chart), ==, led_entry);
  g_assert_cmpuint (ll_evidence_get_size (chart), ==, 164);
  g_assert_cmpstr (ll_evidence_get_caption (chart), ==, "What pupils said about talk partners, before and after");
  g_assert_cmpstr (ll_evidence_get_sha256 (chart), ==,
                   "89acf2880df9ccc92fb697da9dfbec59327c887434426cc99c2ea89eef6e114f");
  g_assert_cmpstr (ll_evidence_get_name (minutes), ==, "meeting-minutes.txt");
  g_assert_cmpstr (ll_evidence_get_mime_type (minutes), ==, "text/plain");
  g_assert_cmpint (ll_evidence_get_entry_id (minutes), ==, 0);
  bytes = ll_portfolio_read_evidence (portfolio, chart, &error);
  g_assert_no_error (error);
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  g_assert_cmpstr (sha256, ==, ll_evidence_get_sha256 (chart));
}

/* From version 6: the programme, and Tom Whitlock's portfolio, verified
 * by Priya Natarajan, with one entry left out of what was submitted.
 * Before it: no programme yet, but the default rules to make one with. */
static void
assert_portfolio (LlWorkbook *workbook,
                  int         version)
{
  g_autoptr(GError) error = NULL;
  const LlProgramme *programme = ll_workbook_get_programme (workbook, &error);
  g_autoptr(LlPortfolio) portfolio = NULL;
  g_autoptr(LlPortfolioSubmission) submission = NULL;
  g_autoptr(LlPortfolioEntry) led = NULL;
  const LlClusterMeeting *meeting;

  g_assert_no_error (error);
  g_assert_nonnull (programme);
  g_assert_cmpuint (programme->rules->len, ==, 5);
  g_assert_cmpint (ll_programme_find_rule (programme, LL_RULE_STORY_PART_WORDS)->minimum, ==, 150);
  g_assert_cmpint (ll_programme_find_rule (programme, LL_RULE_CLUSTER_REFLECTIONS)->minimum, ==, 3);
  g_assert_cmpuint (programme->sessions->len, ==, 3);
  g_assert_cmpuint (programme->meetings->len, ==, 6);
  if (version < 6)
    {
      g_assert_cmpint (programme->id, ==, 0);
      return;
    }
  g_assert_cmpstr (programme->start_date, ==, "2025-09-01");
  g_assert_cmpstr (programme->end_date, ==, "2026-08-31");
  g_assert_cmpstr (programme->cohort, ==, "2025–26");
  g_assert_cmpstr (((LlStudySession *) g_ptr_array_index (programme->sessions, 0))->theme, ==,
                   "Leading change from the middle");
  meeting = g_ptr_array_index (programme->meetings, 1);
  g_assert_cmpuint (meeting->leaders->len, ==, 1);

  portfolio = ll_workbook_open_portfolio (workbook, 4, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ll_portfolio_get_status (portfolio), ==, LL_PORTFOLIO_VERIFIED);
  g_assert_cmpstr (ll_portfolio_get_participant (portfolio)->activity_with, ==, "Ellie Marsh");
  g_assert_cmpint (ll_portfolio_get_participant (portfolio)->focus, ==, LL_FOCUS_PUPIL_VOICE);
  g_assert_cmpint (ll_portfolio_get_participant (portfolio)->person_id, ==,
                   g_array_index (meeting->leaders, gint64, 0));
  g_assert_cmpuint (g_list_model_get_n_items (ll_portfolio_get_entries (portfolio)), ==, 4);
  led = g_list_model_get_item (ll_portfolio_get_entries (portfolio), 1);
  g_assert_true (ll_portfolio_entry_get_led (led));
  g_assert_cmpint (ll_portfolio_entry_get_session (led), ==, meeting->id);
  submission = ll_portfolio_dup_submission (portfolio, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (submission->verified_by, ==, "Priya Natarajan");
  g_assert_nonnull (strstr (submission->content, "sphere of influence"));
  g_assert_null (strstr (submission->content, "Notes for myself"));
  assert_evidence (portfolio, version, ll_portfolio_entry_get_id (led));
}

static void
test_opens_with_its_content (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlWorkbook) workbook = NULL;
  g_autofree char *report = NULL;
  g_autofree char *identities = NULL;
  g_autofree char *identities_again = NULL;
  gboolean ok = FALSE;

  workbook = ll_workbook_open (f->path, LL_WORKBOOK_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  assert_school_and_people (workbook);
  identities = assert_identities (workbook, f->version);
  g_assert_cmpuint (g_list_model_get_n_items (ll_workbook_get_documents (workbook)), ==,
                    f->version >= 6 ? 4 : f->version >= 4 ? 3 : f->version >= 3 ? 2 : 1);
  if (f->version >= 3)
    assert_narrative (workbook);
  assert_portfolio (workbook, f->version);

  /* an older file is kept beside the upgraded one, with all it held */
  if (f->version < LL_STORE_SCHEMA_VERSION)
    {
      g_autoptr(LlWorkbook) backup = NULL;

      g_assert_nonnull (ll_workbook_get_backup_path (workbook));
      backup = ll_workbook_open (ll_workbook_get_backup_path (workbook),
                                 LL_WORKBOOK_OPEN_READ_ONLY, &error);
      g_assert_no_error (error);
      assert_school_and_people (backup);
    }
  else
    {
      g_assert_null (ll_workbook_get_backup_path (workbook));
    }
  g_clear_object (&workbook);

  report = ll_workbook_check (f->path, &ok);
  g_assert_true (ok);

  /* the upgraded file opens again as it is, with the same content */
  workbook = ll_workbook_open (f->path, LL_WORKBOOK_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_null (ll_workbook_get_backup_path (workbook));
  assert_school_and_people (workbook);
  /* an identity given on upgrading is kept from then on */
  identities_again = assert_identities (workbook, f->version);
  g_assert_cmpstr (identities, ==, identities_again);
  g_clear_object (&workbook);
  if (f->version >= 4)
    assert_observation (f->path);
}

/* Opening an older workbook read-only upgrades it in memory and changes
 * no byte of the file. */
static void
test_read_only_changes_nothing (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlWorkbook) workbook = NULL;
  g_autofree char *before = ll_test_file_checksum (f->path);
  g_autofree char *after = NULL;

  workbook = ll_workbook_open (f->path, LL_WORKBOOK_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  assert_school_and_people (workbook);
  if (f->version >= 3)
    assert_narrative (workbook);
  g_clear_object (&workbook);
  after = ll_test_file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
}

/* Each schema version has its frozen workbook: one is added with each
 * migration, made by the build that introduces it. */
static void
test_every_version_kept (void)
{
  for (int v = 1; v <= LL_STORE_SCHEMA_VERSION; v++)
    {
      g_autofree char *name = g_strdup_printf ("workbooks/version-%d.llw", v);
      g_autofree char *path = ll_test_data_path (name);

      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_error ("tests/data/%s is missing: keep a workbook of every schema version", name);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/migrations/every-version-kept", test_every_version_kept);
  for (int v = 1; v <= LL_STORE_SCHEMA_VERSION; v++)
    {
      g_autofree char *open_path = g_strdup_printf ("/migrations/version-%d/open", v);
      g_autofree char *ro_path = g_strdup_printf ("/migrations/version-%d/read-only", v);

      g_test_add (open_path, Fixture, GINT_TO_POINTER (v), fixture_set_up,
                  test_opens_with_its_content, fixture_tear_down);
      g_test_add (ro_path, Fixture, GINT_TO_POINTER (v), fixture_set_up,
                  test_read_only_changes_nothing, fixture_tear_down);
    }
  return g_test_run ();
}
