/* test-observation-store.c: lesson observations and frameworks as the
 * store keeps them: the year's list from its index alone, notes, tallies
 * and levels, search kept in step in the same transaction, and
 * frameworks whose behaviours observations refer to (displayless) */
#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "ll-framework.h"
#include "ll-observation-csv.h"
#include "ll-observation-sample.h"
#include "ll-store-observation.h"
#include "ll-term.h"
#include "ll-test-util.h"

typedef struct
{
  char    *dir;
  char    *path;
  LlStore *store;
  gint64   framework;
  gint64   teacher;
  gint64   observer;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) builtin = ll_framework_list_builtin ();

  f->dir = ll_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "Observations.llw", NULL);
  f->store = ll_store_create (f->path, &error);
  g_assert_no_error (error);
  f->framework = ll_store_save_framework (f->store, 0, g_ptr_array_index (builtin, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpint (f->framework, >, 0);
  f->teacher = ll_store_insert_person (f->store, "Priya Shah", "teacher", &error);
  g_assert_no_error (error);
  f->observer = ll_store_insert_person (f->store, "Helen Marsh", "headteacher", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  ll_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static gint64
add_observation (Fixture    *f,
                 const char *date,
                 const char *class_group,
                 const char *subject)
{
  g_autoptr(GError) error = NULL;
  gint64 id = ll_store_insert_observation (f->store, "Observation", f->framework, date, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_true (ll_store_update_observation_text (f->store, id, LL_STORE_OBSERVATION_CLASS_GROUP,
                                                   class_group, &error));
  g_assert_true (ll_store_update_observation_text (f->store, id, LL_STORE_OBSERVATION_SUBJECT, subject, &error));
  g_assert_true (ll_store_update_observation_number (f->store, id, LL_STORE_OBSERVATION_TEACHER, f->teacher,
                                                     &error));
  g_assert_no_error (error);
  return id;
}

static void
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->store);
  f->store = ll_store_open (f->path, FALSE, NULL, &error);
  g_assert_no_error (error);
}

static void
test_fields_and_list (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(LlStoreObservation) row = NULL;
  gint64 later = add_observation (f, "2026-03-04", "7B", "Science");
  gint64 earlier = add_observation (f, "2025-11-12", "10C", "History");
  LlStoreObservationSummary *first;

  g_assert_true (ll_store_update_observation_text (f->store, later, LL_STORE_OBSERVATION_FOCUS,
                                                   "perseverance questioning", &error));
  g_assert_true (ll_store_update_observation_text (f->store, later, LL_STORE_OBSERVATION_REFLECTION,
                                                   "<para>I rushed the plenary.</para>", &error));
  g_assert_true (ll_store_update_observation_number (f->store, later, LL_STORE_OBSERVATION_DURATION, 50, &error));
  g_assert_true (ll_store_update_observation_number (f->store, later, LL_STORE_OBSERVATION_OBSERVER,
                                                     f->observer, &error));
  g_assert_no_error (error);
  reopen (f);

  list = ll_store_list_observations (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  first = g_ptr_array_index (list, 0);
  g_assert_cmpint (first->id, ==, earlier);
  g_assert_cmpstr (first->class_group, ==, "10C");
  g_assert_cmpstr (first->status, ==, "planned");
  g_assert_cmpint (first->teacher_id, ==, f->teacher);
  g_assert_cmpint (first->observer_id, ==, 0);

  row = ll_store_get_observation (f->store, later, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (row->texts[LL_STORE_OBSERVATION_DATE], ==, "2026-03-04");
  g_assert_cmpstr (row->texts[LL_STORE_OBSERVATION_FOCUS], ==, "perseverance questioning");
  g_assert_cmpstr (row->texts[LL_STORE_OBSERVATION_REFLECTION], ==, "<para>I rushed the plenary.</para>");
  g_assert_cmpint (row->numbers[LL_STORE_OBSERVATION_DURATION], ==, 50);
  g_assert_cmpint (row->numbers[LL_STORE_OBSERVATION_OBSERVER], ==, f->observer);
  g_assert_cmpint (row->numbers[LL_STORE_OBSERVATION_FRAMEWORK], ==, f->framework);

  /* a person who leaves the workbook leaves the observation */
  g_assert_true (ll_store_delete_person (f->store, f->observer, &error));
  g_assert_no_error (error);
  g_clear_pointer (&row, ll_store_observation_free);
  row = ll_store_get_observation (f->store, later, &error);
  g_assert_cmpint (row->numbers[LL_STORE_OBSERVATION_OBSERVER], ==, 0);

  g_assert_null (ll_store_get_observation (f->store, 9999, &error));
  g_assert_nonnull (error);
}

/* The year's list reads its index alone, without a sort. */
static void
test_list_uses_index (Fixture       *f,
                      gconstpointer  data)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GString) plan = g_string_new (NULL);

  g_clear_object (&f->store);
  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "EXPLAIN QUERY PLAN SELECT date, start, document_id, "
                                       "coalesce (teacher_id, 0), coalesce (observer_id, 0), class_group, "
                                       "year_group, subject, focus, status, follow_up FROM observation "
                                       "INDEXED BY observation_list ORDER BY date, start, document_id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_test_message ("%s", plan->str);
  g_assert_nonnull (strstr (plan->str, "COVERING INDEX observation_list"));
  g_assert_null (strstr (plan->str, "TEMP B-TREE"));
}

static void
test_notes_tallies_levels (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) tallies = NULL;
  g_autoptr(GPtrArray) levels = NULL;
  gint64 id = add_observation (f, "2026-01-20", "5S", "Mathematics");
  gint64 first, second;
  LlStoreNote *note;
  LlStoreMark *mark;

  first = ll_store_insert_note (f->store, id, 3, "perseverance", "Jo tries a second method unprompted", &error);
  second = ll_store_insert_note (f->store, id, 12, "", "Pairs compare answers", &error);
  g_assert_no_error (error);
  g_assert_true (ll_store_update_note (f->store, second, "collaboration", "Pairs compare and explain answers",
                                       &error));
  g_assert_true (ll_store_set_tally (f->store, id, "perseverance", 3, &error));
  g_assert_true (ll_store_set_tally (f->store, id, "collaboration", 1, &error));
  g_assert_true (ll_store_set_tally (f->store, id, "collaboration", 0, &error));
  g_assert_true (ll_store_set_level (f->store, id, "perseverance", 2, "Kept going after two wrong tries", &error));
  g_assert_true (ll_store_set_level (f->store, id, "perseverance", 3, "Kept going, and helped a partner", &error));
  g_assert_no_error (error);
  reopen (f);

  notes = ll_store_list_notes (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, ==, 2);
  note = g_ptr_array_index (notes, 0);
  g_assert_cmpint (note->id, ==, first);
  g_assert_cmpuint (note->minute, ==, 3);
  g_assert_cmpstr (note->behaviours, ==, "perseverance");
  note = g_ptr_array_index (notes, 1);
  g_assert_cmpstr (note->text, ==, "Pairs compare and explain answers");
  g_assert_cmpstr (note->behaviours, ==, "collaboration");

  tallies = ll_store_list_tallies (f->store, id, &error);
  g_assert_cmpuint (tallies->len, ==, 1);
  mark = g_ptr_array_index (tallies, 0);
  g_assert_cmpstr (mark->behaviour, ==, "perseverance");
  g_assert_cmpint (mark->value, ==, 3);

  levels = ll_store_list_levels (f->store, id, &error);
  g_assert_cmpuint (levels->len, ==, 1);
  mark = g_ptr_array_index (levels, 0);
  g_assert_cmpint (mark->value, ==, 3);
  g_assert_cmpstr (mark->evidence, ==, "Kept going, and helped a partner");

  g_assert_true (ll_store_delete_note (f->store, first, &error));
  g_clear_pointer (&notes, g_ptr_array_unref);
  notes = ll_store_list_notes (f->store, id, &error);
  g_assert_cmpuint (notes->len, ==, 1);

  /* deleting the document takes everything with it */
  g_assert_true (ll_store_delete_document (f->store, id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&notes, g_ptr_array_unref);
  notes = ll_store_list_notes (f->store, id, &error);
  g_assert_cmpuint (notes->len, ==, 0);
}

static guint
n_hits (Fixture    *f,
        const char *typed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = ll_store_search_observations (f->store, typed, 50, &error);

  g_assert_no_error (error);
  return hits->len;
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  gint64 science = add_observation (f, "2026-02-02", "8R", "Science");
  gint64 history = add_observation (f, "2026-02-03", "9T", "History");
  gint64 note;
  LlStoreSearchHit *hit;

  note = ll_store_insert_note (f->store, science, 5, "", "Pupils predicted the reaction before mixing", &error);
  ll_store_insert_note (f->store, history, 8, "", "Sources compared in pairs; one pupil predicted bias", &error);
  ll_store_update_observation_text (f->store, history, LL_STORE_OBSERVATION_STRENGTHS,
                                    "<para>Questions from pupils drove the lesson</para>", &error);
  g_assert_no_error (error);

  /* found in notes and in the other words, the matching words marked */
  hits = ll_store_search_observations (f->store, "predicted", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 2);
  hit = g_ptr_array_index (hits, 0);
  g_assert_nonnull (strstr (hit->snippet, "\002predicted\003"));
  /* the words around it, without markup, for a hit in the other words */
  {
    g_autoptr(GPtrArray) found = ll_store_search_observations (f->store, "drov", 10, &error);

    hit = g_ptr_array_index (found, 0);
    g_assert_cmpstr (hit->snippet, ==, "…History Questions from pupils \002drove\003 the lesson");
  }
  g_assert_cmpuint (n_hits (f, "questions"), ==, 1);
  g_assert_cmpuint (n_hits (f, "History"), ==, 1);
  /* the word being typed, accents or none, case or none */
  g_assert_cmpuint (n_hits (f, "predic"), ==, 2);
  g_assert_cmpuint (n_hits (f, "REACTION"), ==, 1);
  g_assert_cmpuint (n_hits (f, "réaction"), ==, 1);
  /* all the words, in any order */
  g_assert_cmpuint (n_hits (f, "pairs bias"), ==, 1);
  g_assert_cmpuint (n_hits (f, "pairs reaction"), ==, 0);
  /* what FTS5 would read as its own syntax is only words here */
  g_assert_cmpuint (n_hits (f, "\"pairs OR"), ==, 0);
  g_assert_cmpuint (n_hits (f, "NEAR(pairs bias)"), ==, 0);
  g_assert_cmpuint (n_hits (f, "-) * :"), ==, 0);
  g_assert_cmpuint (n_hits (f, ""), ==, 0);

  /* edits and deletions reach the index in the same transaction */
  ll_store_update_note (f->store, note, "", "Pupils guessed the reaction", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_hits (f, "predicted"), ==, 1);
  g_assert_cmpuint (n_hits (f, "guessed"), ==, 1);
  ll_store_delete_document (f->store, history, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_hits (f, "predicted"), ==, 0);
  g_assert_cmpuint (n_hits (f, "questions"), ==, 0);
  /* a change rolled back leaves the index as it was */
  g_assert_true (ll_store_begin (f->store, &error));
  ll_store_insert_note (f->store, science, 20, "", "Exit tickets", &error);
  g_assert_cmpuint (n_hits (f, "tickets"), ==, 1);
  ll_store_rollback (f->store);
  g_assert_cmpuint (n_hits (f, "tickets"), ==, 0);
}

static void
test_search_query (void)
{
  struct { const char *typed; const char *query; } cases[] = {
    { "bias", "\"bias\"*" },
    { "pairs bias ", "\"pairs\" \"bias\"" },
    { "\"a\" OR bc", "\"a\" \"OR\" \"bc\"*" },
    { "élan-vital", "\"élan\" \"vital\"*" },
    /* one letter being typed would match half the year */
    { "salt w", "\"salt\"" },
    { "p", NULL },
    { "a b ", "\"a\" \"b\"" },
    { "  ", NULL },
    { "*:-", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *query = ll_store_search_query (cases[i].typed);

      g_assert_cmpstr (query, ==, cases[i].query);
    }
}

static void
test_frameworks (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) builtin = ll_framework_list_builtin ();
  g_autoptr(LlFramework) loaded = NULL;
  g_autoptr(LlFramework) edited = NULL;
  g_autoptr(GArray) ids = NULL;
  g_auto(GStrv) in_use = NULL;
  gint64 second, id;

  second = ll_store_save_framework (f->store, 0, g_ptr_array_index (builtin, 1), &error);
  g_assert_no_error (error);
  ids = ll_store_list_frameworks (f->store, &error);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, f->framework);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, second);

  reopen (f);
  loaded = ll_store_load_framework (f->store, f->framework, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ll_framework_get_name (loaded), ==, ll_framework_get_name (g_ptr_array_index (builtin, 0)));
  g_assert_cmpuint (ll_framework_get_n_groups (loaded), ==, 4);
  g_assert_cmpstr (ll_framework_get_behaviour (loaded, 3, 2)->id, ==, "empathy-and-listening");
  g_assert_cmpstrv (ll_framework_get_scale (loaded), ll_framework_get_scale (g_ptr_array_index (builtin, 0)));
  g_assert_true (ll_framework_validate (loaded, &error));

  /* what observations refer to, from any of their parts */
  id = add_observation (f, "2026-05-05", "3H", "Art");
  ll_store_update_observation_text (f->store, id, LL_STORE_OBSERVATION_FOCUS, "noticing imagining", &error);
  ll_store_insert_note (f->store, id, 1, "imagining absorption", "Sketches from memory", &error);
  ll_store_set_tally (f->store, id, "collaboration", 2, &error);
  ll_store_set_level (f->store, id, "revising", 1, "", &error);
  g_assert_no_error (error);
  in_use = ll_store_dup_behaviours_in_use (f->store, f->framework, &error);
  g_assert_no_error (error);
  {
    const char * const expected[] = { "absorption", "collaboration", "imagining", "noticing", "revising", NULL };

    g_assert_cmpstrv (in_use, expected);
  }

  /* saving again replaces the groups and behaviours */
  edited = ll_framework_copy (loaded);
  ll_framework_set_name (edited, "Our learning muscles");
  ll_framework_add_behaviour (edited, 0, "concentration", "Concentration", "");
  g_assert_true (ll_framework_can_replace (loaded, edited, (const char * const *) in_use, &error));
  g_assert_cmpint (ll_store_save_framework (f->store, f->framework, edited, &error), ==, f->framework);
  g_assert_no_error (error);
  g_clear_object (&loaded);
  loaded = ll_store_load_framework (f->store, f->framework, &error);
  g_assert_cmpstr (ll_framework_get_name (loaded), ==, "Our learning muscles");
  g_assert_cmpuint (ll_framework_get_n_behaviours (loaded, 0), ==, 5);
}

/* The notes' CSV, as a spreadsheet or Python's csv module reads it:
 * accents, commas, quotes and line breaks intact, formulas made text. */
static void
test_csv (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *csv_path = g_build_filename (f->dir, "notes.csv", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) records = NULL;
  gint64 id = add_observation (f, "2026-03-10", "Année 4, groupe \"B\"", "=HYPERLINK(\"http://x\")");
  const char *script =
    "import csv, sys\n"
    "with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:\n"
    "    for row in csv.reader(f):\n"
    "        sys.stdout.write('\\x1f'.join(row) + '\\x1e')\n";
  int status;

  ll_store_update_observation_number (f->store, id, LL_STORE_OBSERVATION_OBSERVER, f->observer, &error);
  ll_store_update_observation_text (f->store, id, LL_STORE_OBSERVATION_YEAR_GROUP, "Year 4", &error);
  ll_store_insert_note (f->store, id, 2, "perseverance empathy-and-listening",
                        "Zoë said: \"try again\",\nthen tried again", &error);
  ll_store_insert_note (f->store, id, 41, "", "+1 for the plenary; @everyone joined", &error);
  g_assert_no_error (error);

  g_assert_true (ll_observation_csv_write_file (f->store, csv_path, &error));
  g_assert_no_error (error);
  {
    const char *argv[] = { "python3", "-c", script, csv_path, NULL };

    status = ll_test_spawn (argv, &out, &err);
  }
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (status, ==, 0);
  records = g_strsplit (out, "\x1e", -1);
  g_assert_cmpuint (g_strv_length (records), ==, 4);
  g_assert_cmpstr (records[0], ==,
                   "Date\x1fObserver\x1fTeacher\x1f" "Class\x1fYear group\x1fSubject\x1fMinute\x1f"
                   "Behaviours\x1fNote");
  g_assert_cmpstr (records[1], ==,
                   "2026-03-10\x1fHelen Marsh\x1fPriya Shah\x1f" "Année 4, groupe \"B\"\x1fYear 4\x1f"
                   "'=HYPERLINK(\"http://x\")\x1f" "2\x1fPerseverance; Empathy and listening\x1f"
                   "Zoë said: \"try again\",\nthen tried again");
  g_assert_true (g_str_has_suffix (records[2], "\x1f" "41\x1f\x1f'+1 for the plenary; @everyone joined"));
  g_assert_cmpstr (records[3], ==, "");

  /* RFC 4180: CRLF after every record, a byte order mark for spreadsheets */
  {
    g_autofree char *bytes = NULL;

    g_assert_true (g_file_get_contents (csv_path, &bytes, NULL, NULL));
    g_assert_true (g_str_has_prefix (bytes, "\xef\xbb\xbf" "Date,"));
    g_assert_true (g_str_has_suffix (bytes, "joined\r\n"));
    g_assert_nonnull (strstr (bytes, "\"Zoë said: \"\"try again\"\",\nthen tried again\"\r\n"));
  }
}

static void
test_csv_defuse (void)
{
  const char *cases[][2] = {
    { "=1+1", "'=1+1" }, { "+44 1234", "'+44 1234" }, { "-2", "'-2" }, { "@SUM(A1)", "'@SUM(A1)" },
    { "\tx", "'\tx" }, { "\rx", "'\rx" }, { "plain", "plain" }, { "", "" }, { "a=b", "a=b" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *defused = ll_csv_defuse (cases[i][0]);

      g_assert_cmpstr (defused, ==, cases[i][1]);
    }
}

static void
test_terms (void)
{
  struct { const char *date; const char *id; const char *label; const char *start; const char *end; } cases[] = {
    { "2025-09-01", "2025-autumn", "Autumn term 2025", "2025-09-01", "2026-01-01" },
    { "2025-12-31", "2025-autumn", "Autumn term 2025", "2025-09-01", "2026-01-01" },
    { "2026-01-05", "2025-spring", "Spring term 2026", "2026-01-01", "2026-04-01" },
    { "2026-04-20", "2025-summer", "Summer term 2026", "2026-04-01", "2026-09-01" },
    { "2026-08-31", "2025-summer", "Summer term 2026", "2026-04-01", "2026-09-01" },
  };
  const char *bad[] = { "", "2026-02-30", "2026-13-01", "26-01-01", "2026-01-01x", "2026-1-1", NULL };
  LlTerm term, back, later;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *id = NULL;
      g_autofree char *label = NULL;
      char start[11], end[11];

      g_assert_true (ll_term_from_date (cases[i].date, &term));
      id = ll_term_dup_id (&term);
      label = ll_term_dup_label (&term);
      ll_term_get_range (&term, start, end);
      g_assert_cmpstr (id, ==, cases[i].id);
      g_assert_cmpstr (label, ==, cases[i].label);
      g_assert_cmpstr (start, ==, cases[i].start);
      g_assert_cmpstr (end, ==, cases[i].end);
      g_assert_true (ll_term_from_id (id, &back));
      g_assert_cmpint (ll_term_compare (&term, &back), ==, 0);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (ll_term_from_date (bad[i], &term));
  g_assert_false (ll_term_from_id ("2025-winter", &term));
  {
    g_autofree char *long_date = ll_date_dup_long ("2026-03-04");
    g_autofree char *not_a_date = ll_date_dup_long ("soon");

    g_assert_cmpstr (long_date, ==, "4 March 2026");
    g_assert_cmpstr (not_a_date, ==, "soon");
  }
  g_assert_false (ll_term_from_id ("20x5-autumn", &term));
  g_assert_true (ll_term_from_date ("2025-10-01", &term));
  g_assert_true (ll_term_from_date ("2026-02-01", &later));
  g_assert_cmpint (ll_term_compare (&term, &later), <, 0);
}

/* The share of observations in which each behaviour was developing or
 * embedded, by period and year group: what the trends draw. */
static void
test_shares (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) shares = NULL;
  g_auto(GStrv) months = NULL;
  struct { const char *date; const char *year; int perseverance; int noticing; } rows[] = {
    { "2025-10-01", "Year 7", 1, 3 },
    { "2025-11-15", "Year 7", 2, -1 },
    { "2025-12-01", "Year 8", 3, 0 },
    { "2026-02-01", "Year 7", 3, 2 },
  };
  LlStoreShare *share;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      gint64 id = add_observation (f, rows[i].date, "7A", "English");

      ll_store_update_observation_text (f->store, id, LL_STORE_OBSERVATION_YEAR_GROUP, rows[i].year, &error);
      ll_store_set_level (f->store, id, "perseverance", rows[i].perseverance, "", &error);
      if (rows[i].noticing >= 0)
        ll_store_set_level (f->store, id, "noticing", rows[i].noticing, "", &error);
      g_assert_no_error (error);
    }

  /* autumn, every year group: developing (2) or embedded (3) */
  shares = ll_store_list_shares (f->store, f->framework, "2025-09-01", "2026-01-01", NULL, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shares->len, ==, 2);
  share = g_ptr_array_index (shares, 0);
  g_assert_cmpstr (share->behaviour, ==, "noticing");
  g_assert_cmpuint (share->observed, ==, 2);
  g_assert_cmpuint (share->reached, ==, 1);
  share = g_ptr_array_index (shares, 1);
  g_assert_cmpstr (share->behaviour, ==, "perseverance");
  g_assert_cmpuint (share->observed, ==, 3);
  g_assert_cmpuint (share->reached, ==, 2);

  /* Year 7 only */
  g_clear_pointer (&shares, g_ptr_array_unref);
  shares = ll_store_list_shares (f->store, f->framework, "2025-09-01", "2026-01-01", "Year 7", 2, &error);
  share = g_ptr_array_index (shares, 1);
  g_assert_cmpuint (share->observed, ==, 2);
  g_assert_cmpuint (share->reached, ==, 1);

  months = ll_store_dup_observation_months (f->store, &error);
  g_assert_no_error (error);
  {
    const char * const expected[] = { "2025-10", "2025-11", "2025-12", "2026-02", NULL };

    g_assert_cmpstrv (months, expected);
  }
}

static GString *
sample_csv (Fixture *f,
            guint    scale)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) builtin = ll_framework_list_builtin ();
  gint64 teachers[] = { f->teacher };
  gint64 observers[] = { f->observer };
  LlObservationSampleSetup setup = {
    f->framework, g_ptr_array_index (builtin, 0), observers, 1, teachers, 1, "2026-06-30",
  };
  GString *csv;

  g_assert_true (ll_observation_sample_add (f->store, &setup, scale, &error));
  g_assert_no_error (error);
  csv = ll_observation_csv_build (f->store, &error);
  g_assert_no_error (error);
  return csv;
}

/* A year of observations at every status, with notes, tallies, levels and
 * dialogue as far as each has got, and the year's change in them. */
static void
test_sample (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) csv = sample_csv (f, 1);
  g_autoptr(GPtrArray) list = ll_store_list_observations (f->store, &error);
  g_autoptr(GHashTable) statuses = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) autumn = NULL;
  g_autoptr(GPtrArray) summer = NULL;
  guint reached[2] = { 0, 0 }, observed[2] = { 0, 0 };
  LlStoreObservationSummary *first, *last;

  g_assert_cmpuint (list->len, ==, 40);
  for (guint i = 0; i < list->len; i++)
    {
      LlStoreObservationSummary *row = g_ptr_array_index (list, i);

      g_hash_table_add (statuses, row->status);
      g_assert_cmpstr (row->year_group, !=, "");
      g_assert_cmpint (row->teacher_id, ==, f->teacher);
    }
  g_assert_true (g_hash_table_contains (statuses, "planned"));
  g_assert_true (g_hash_table_contains (statuses, "observed"));
  g_assert_true (g_hash_table_contains (statuses, "discussed"));
  g_assert_true (g_hash_table_contains (statuses, "closed"));
  first = g_ptr_array_index (list, 0);
  last = g_ptr_array_index (list, list->len - 1);
  g_assert_cmpstr (first->date, >=, "2025-08-01");
  g_assert_cmpstr (last->date, <=, "2026-07-20");
  /* notes for every observation that has happened */
  {
    g_auto(GStrv) records = g_strsplit (csv->str, "\r\n", -1);

    g_assert_cmpuint (g_strv_length (records), >, 200);
  }

  /* more developing and embedded in the summer than in the autumn */
  autumn = ll_store_list_shares (f->store, f->framework, "2025-09-01", "2026-01-01", NULL, 2, &error);
  summer = ll_store_list_shares (f->store, f->framework, "2026-04-01", "2026-09-01", NULL, 2, &error);
  for (guint i = 0; i < autumn->len; i++)
    {
      LlStoreShare *share = g_ptr_array_index (autumn, i);

      reached[0] += share->reached;
      observed[0] += share->observed;
    }
  for (guint i = 0; i < summer->len; i++)
    {
      LlStoreShare *share = g_ptr_array_index (summer, i);

      reached[1] += share->reached;
      observed[1] += share->observed;
    }
  g_assert_cmpuint (observed[0], >, 0);
  g_assert_cmpuint (observed[1], >, 0);
  g_assert_cmpfloat ((double) reached[0] / observed[0], <, (double) reached[1] / observed[1]);
}

/* The same scale and day give the same year. */
static void
test_sample_repeats (void)
{
  g_autoptr(GString) first = NULL;
  g_autoptr(GString) second = NULL;

  for (guint i = 0; i < 2; i++)
    {
      Fixture f = { 0 };

      fixture_set_up (&f, NULL);
      if (i == 0)
        first = sample_csv (&f, 2);
      else
        second = sample_csv (&f, 2);
      fixture_tear_down (&f, NULL);
    }
  g_assert_cmpstr (first->str, ==, second->str);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/observation-store/fields-and-list", test_fields_and_list);
  ADD ("/observation-store/list-uses-index", test_list_uses_index);
  ADD ("/observation-store/notes-tallies-levels", test_notes_tallies_levels);
  ADD ("/observation-store/search", test_search);
  ADD ("/observation-store/frameworks", test_frameworks);
  ADD ("/observation-store/csv", test_csv);
  ADD ("/observation-store/shares", test_shares);
  ADD ("/observation-store/sample", test_sample);
#undef ADD
  g_test_add_func ("/observation-store/search-query", test_search_query);
  g_test_add_func ("/observation-store/csv-defuse", test_csv_defuse);
  g_test_add_func ("/observation-store/terms", test_terms);
  g_test_add_func ("/observation-store/sample-repeats", test_sample_repeats);
  return g_test_run ();
}
