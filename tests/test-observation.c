/* test-observation.c: an observation as the form changes it: fields,
 * live notes, tallies with undo, levels, and what reaches the workbook
 * (displayless) */
#include "config.h"

#include <string.h>

#include "ll-framework.h"
#include "ll-observation-private.h"
#include "ll-pending.h"
#include "ll-store-observation.h"
#include "ll-test-util.h"
#include "ll-workbook-observations.h"

typedef struct
{
  char          *dir;
  char          *path;
  LlStore       *store;
  LlPending     *pending;
  LlObservation *observation;
  gint64         id;
} Fixture;

static void
load (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->observation = _ll_observation_load (f->store, f->pending, f->id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->observation);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = ll_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "Observation.llw", NULL);
  f->store = ll_store_create (f->path, &error);
  g_assert_no_error (error);
  f->pending = ll_pending_new (f->store);
  f->id = ll_store_insert_observation (f->store, "Year 7 science", 0, "2026-03-04", &error);
  g_assert_no_error (error);
  load (f);
}

/* Writes what waits, and opens everything again from the file. */
static void
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ll_pending_flush (f->pending, &error));
  g_assert_no_error (error);
  {
    gpointer store = f->store;

    g_object_add_weak_pointer (store, &store);
    g_clear_object (&f->observation);
    g_clear_object (&f->pending);
    g_clear_object (&f->store);
    /* nothing keeps the workbook open */
    g_assert_null (store);
  }
  f->store = ll_store_open (f->path, FALSE, NULL, &error);
  g_assert_no_error (error);
  f->pending = ll_pending_new (f->store);
  load (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->pending != NULL)
    ll_pending_flush (f->pending, NULL);
  g_clear_object (&f->observation);
  g_clear_object (&f->pending);
  g_clear_object (&f->store);
  ll_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
test_fields (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *subject = NULL;
  gint64 teacher = ll_store_insert_person (f->store, "Priya Shah", "teacher", &error);
  guint notified = 0;

  g_assert_cmpint (ll_observation_get_status (f->observation), ==, LL_OBSERVATION_PLANNED);
  g_assert_cmpstr (ll_observation_get_text (f->observation, LL_OBSERVATION_DATE), ==, "2026-03-04");
  g_signal_connect_swapped (f->observation, "notify::class-group", G_CALLBACK (g_atomic_int_inc), &notified);

  /* as the form sets them: through properties, as bindings do */
  g_object_set (f->observation, "subject", "Science", "class-group", "7B", "year-group", "Year 7",
                "duration", (gint64) 50, "teacher-id", teacher, NULL);
  ll_observation_set_text (f->observation, LL_OBSERVATION_FOCUS, "perseverance questioning");
  ll_observation_set_text (f->observation, LL_OBSERVATION_NEXT_STEPS,
                           "Give pupils time to plan before they start\nTry a think-pair-share");
  ll_observation_set_text (f->observation, LL_OBSERVATION_REFLECTION, "<para>The starter ran long.</para>");
  ll_observation_set_status (f->observation, LL_OBSERVATION_DISCUSSED);
  g_assert_cmpuint (notified, ==, 1);
  /* setting the same again is no change */
  g_object_set (f->observation, "class-group", "7B", NULL);
  g_assert_cmpuint (notified, ==, 1);

  reopen (f);
  g_object_get (f->observation, "subject", &subject, NULL);
  g_assert_cmpstr (subject, ==, "Science");
  g_assert_cmpstr (ll_observation_get_text (f->observation, LL_OBSERVATION_CLASS_GROUP), ==, "7B");
  g_assert_cmpstr (ll_observation_get_text (f->observation, LL_OBSERVATION_FOCUS), ==, "perseverance questioning");
  g_assert_nonnull (strstr (ll_observation_get_text (f->observation, LL_OBSERVATION_NEXT_STEPS), "\nTry"));
  g_assert_cmpint (ll_observation_get_number (f->observation, LL_OBSERVATION_DURATION), ==, 50);
  g_assert_cmpint (ll_observation_get_number (f->observation, LL_OBSERVATION_TEACHER), ==, teacher);
  g_assert_cmpint (ll_observation_get_status (f->observation), ==, LL_OBSERVATION_DISCUSSED);
  g_assert_cmpstr (ll_observation_status_to_label (LL_OBSERVATION_CLOSED), ==, "Closed");
}

/* A choice is on disk at once; typing after a pause. */
static void
test_choices_written_at_once (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlStoreObservation) row = NULL;

  ll_observation_set_status (f->observation, LL_OBSERVATION_OBSERVED);
  ll_observation_set_text (f->observation, LL_OBSERVATION_STRENGTHS, "<para>Calm start</para>");
  row = ll_store_get_observation (f->store, f->id, &error);
  g_assert_cmpstr (row->texts[LL_STORE_OBSERVATION_STATUS], ==, "observed");
  g_assert_cmpstr (row->texts[LL_STORE_OBSERVATION_STRENGTHS], ==, "");
  g_assert_true (ll_pending_get_pending (f->pending));
  g_assert_true (ll_pending_flush (f->pending, &error));
  g_clear_pointer (&row, ll_store_observation_free);
  row = ll_store_get_observation (f->store, f->id, &error);
  g_assert_cmpstr (row->texts[LL_STORE_OBSERVATION_STRENGTHS], ==, "<para>Calm start</para>");
}

static void
test_notes (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GListModel *notes = ll_observation_get_notes (f->observation);
  LlObservationNote *first, *second;

  first = ll_observation_add_note (f->observation, 4, "perseverance", "Jo tries again", &error);
  g_assert_no_error (error);
  second = ll_observation_add_note (f->observation, 9, "", "Pairs talk", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 2);
  /* typing on into a note, then tagging it */
  ll_observation_note_set_text (second, "Pairs talk through the method");
  ll_observation_note_set_behaviours (second, "collaboration");
  g_assert_true (ll_observation_remove_note (f->observation, first, &error));
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 1);

  reopen (f);
  notes = ll_observation_get_notes (f->observation);
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 1);
  {
    g_autoptr(LlObservationNote) note = g_list_model_get_item (notes, 0);

    g_assert_cmpuint (ll_observation_note_get_minute (note), ==, 9);
    g_assert_cmpstr (ll_observation_note_get_text (note), ==, "Pairs talk through the method");
    g_assert_cmpstr (ll_observation_note_get_behaviours (note), ==, "collaboration");
  }
}

static void
count_cb (LlObservation *observation,
          const char    *behaviour,
          guint         *count)
{
  (*count)++;
}

static void
test_tallies_and_levels (Fixture       *f,
                         gconstpointer  data)
{
  const char *evidence = NULL;
  guint changes = 0;

  g_signal_connect (f->observation, "tallies-changed", G_CALLBACK (count_cb), &changes);
  for (int i = 0; i < 3; i++)
    ll_observation_change_tally (f->observation, "perseverance", +1);
  /* undo, and never below nought */
  ll_observation_change_tally (f->observation, "perseverance", -1);
  ll_observation_change_tally (f->observation, "noticing", -1);
  ll_observation_change_tally (f->observation, "noticing", +1);
  ll_observation_change_tally (f->observation, "noticing", -1);
  g_assert_cmpuint (ll_observation_get_tally (f->observation, "perseverance"), ==, 2);
  g_assert_cmpuint (changes, ==, 6);

  ll_observation_set_level (f->observation, "perseverance", 2, "Kept");
  ll_observation_set_level (f->observation, "perseverance", 2, "Kept going after a wrong try");
  ll_observation_set_level (f->observation, "noticing", 3, NULL);

  reopen (f);
  g_assert_cmpuint (ll_observation_get_tally (f->observation, "perseverance"), ==, 2);
  g_assert_cmpuint (ll_observation_get_tally (f->observation, "noticing"), ==, 0);
  g_assert_cmpint (ll_observation_get_level (f->observation, "perseverance", &evidence), ==, 2);
  g_assert_cmpstr (evidence, ==, "Kept going after a wrong try");
  g_assert_cmpint (ll_observation_get_level (f->observation, "noticing", NULL), ==, 3);
  g_assert_cmpint (ll_observation_get_level (f->observation, "imagining", &evidence), ==, -1);
  g_assert_cmpstr (evidence, ==, "");
}

/* The workbook's observations as the place shows them: a new one is
 * listed, its edits show in its line, it is found by its notes, and it
 * can be removed. */
static void
test_workbook (void)
{
  g_autofree char *dir = ll_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "Workbook.llw", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LlWorkbook) workbook = ll_workbook_create (path, &error);
  g_autoptr(LlObservation) observation = NULL;
  g_autoptr(LlObservation) again = NULL;
  g_autoptr(LlObservationItem) item = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  GListModel *list;
  guint n_documents;

  g_assert_no_error (error);
  list = ll_workbook_get_observations (workbook);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  n_documents = g_list_model_get_n_items (ll_workbook_get_documents (workbook));
  observation = ll_workbook_add_observation (workbook, "2026-05-12", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (ll_workbook_get_documents (workbook)), ==, n_documents + 1);
  /* the frameworks that ship came with the first observation */
  g_assert_cmpstr (ll_framework_get_name (ll_workbook_get_observation_framework (workbook, observation)), ==,
                   "Building Learning Power");

  item = g_list_model_get_item (list, 0);
  ll_observation_set_text (observation, LL_OBSERVATION_SUBJECT, "Geography");
  ll_observation_set_text (observation, LL_OBSERVATION_FOCUS, "noticing planning");
  ll_observation_set_status (observation, LL_OBSERVATION_OBSERVED);
  g_assert_cmpstr (ll_observation_item_get_string (item, "subject"), ==, "Geography");
  g_assert_cmpstr (ll_observation_item_get_string (item, "focus"), ==, "Noticing, Planning");
  g_assert_cmpstr (ll_observation_item_get_string (item, "status"), ==, "Observed");

  again = ll_workbook_open_observation (workbook, ll_observation_get_id (observation), &error);
  g_assert_true (again == observation);
  ll_observation_add_note (observation, 3, "noticing", "Maps compared side by side", &error);
  g_assert_no_error (error);
  hits = ll_workbook_search_observations (workbook, "maps", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_nonnull (strstr (((LlObservationHit *) g_ptr_array_index (hits, 0))->snippet, "\002Maps\003"));

  g_assert_true (ll_workbook_remove_observation (workbook, ll_observation_get_id (observation), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (ll_workbook_get_documents (workbook)), ==, n_documents);
  g_clear_object (&again);
  g_clear_object (&observation);
  g_clear_object (&item);
  ll_workbook_close (workbook);
  ll_test_rm_rf (dir);
}

/* A school edits the framework its observations use: names and
 * descriptions change everywhere, a behaviour no observation refers to
 * goes, but one that an observation refers to cannot, and the workbook is
 * left as it was. */
static void
test_edit_framework (void)
{
  g_autofree char *dir = ll_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "Frameworks.llw", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LlWorkbook) workbook = ll_workbook_create (path, &error);
  g_autoptr(LlObservation) observation = NULL;
  g_autoptr(GPtrArray) frameworks = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(LlFramework) edited = NULL;
  g_autoptr(LlFramework) losing = NULL;
  g_autoptr(LlObservationItem) item = NULL;
  LlFramework *framework;
  const LlBehaviour *behaviour;
  guint group = 0;
  gint64 id;

  g_assert_no_error (error);
  observation = ll_workbook_add_observation (workbook, "2026-05-12", &error);
  g_assert_no_error (error);
  ll_observation_set_text (observation, LL_OBSERVATION_FOCUS, "noticing");
  frameworks = ll_workbook_list_frameworks (workbook, &error);
  ids = ll_workbook_dup_framework_ids (workbook, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, frameworks->len);
  framework = g_ptr_array_index (frameworks, 0);
  id = g_array_index (ids, gint64, 0);
  g_assert_cmpstr (ll_framework_get_name (framework), ==, "Building Learning Power");

  /* renamed and described anew; a behaviour in no observation taken away */
  edited = ll_framework_copy (framework);
  g_assert_nonnull (ll_framework_find_behaviour (edited, "noticing", &group));
  for (guint i = 0; i < ll_framework_get_n_behaviours (edited, group); i++)
    if (g_str_equal (ll_framework_get_behaviour (edited, group, i)->id, "noticing"))
      ll_framework_set_behaviour (edited, group, i, "Spotting patterns", "Seeing what is there.");
  for (guint i = 0; i < ll_framework_get_n_behaviours (edited, group); i++)
    if (g_str_equal (ll_framework_get_behaviour (edited, group, i)->id, "absorption"))
      ll_framework_remove_behaviour (edited, group, i);
  g_assert_true (ll_workbook_update_framework (workbook, id, edited, &error));
  g_assert_no_error (error);
  /* the list names the focus anew at once, and holds the observation once */
  g_assert_cmpuint (g_list_model_get_n_items (ll_workbook_get_observations (workbook)), ==, 1);
  {
    g_autoptr(LlObservationItem) shown = g_list_model_get_item (ll_workbook_get_observations (workbook), 0);

    g_assert_cmpstr (ll_observation_item_get_string (shown, "focus"), ==, "Spotting patterns");
  }

  g_clear_object (&observation);
  g_clear_object (&workbook);
  workbook = ll_workbook_open (path, LL_WORKBOOK_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  item = g_list_model_get_item (ll_workbook_get_observations (workbook), 0);
  g_assert_cmpstr (ll_observation_item_get_string (item, "focus"), ==, "Spotting patterns");
  g_clear_pointer (&frameworks, g_ptr_array_unref);
  frameworks = ll_workbook_list_frameworks (workbook, &error);
  framework = g_ptr_array_index (frameworks, 0);
  behaviour = ll_framework_find_behaviour (framework, "noticing", NULL);
  g_assert_cmpstr (behaviour->description, ==, "Seeing what is there.");
  g_assert_null (ll_framework_find_behaviour (framework, "absorption", NULL));

  /* the behaviour in the observation's focus cannot go */
  losing = ll_framework_copy (framework);
  g_assert_nonnull (ll_framework_find_behaviour (losing, "noticing", &group));
  for (guint i = 0; i < ll_framework_get_n_behaviours (losing, group); i++)
    if (g_str_equal (ll_framework_get_behaviour (losing, group, i)->id, "noticing"))
      ll_framework_remove_behaviour (losing, group, i);
  {
    g_autofree char *before = ll_test_file_checksum (path);
    g_autofree char *after = NULL;

    g_assert_true (ll_workbook_flush (workbook, &error));
    g_free (before);
    before = ll_test_file_checksum (path);
    g_assert_false (ll_workbook_update_framework (workbook, id, losing, &error));
    g_assert_error (error, LL_FRAMEWORK_ERROR, LL_FRAMEWORK_ERROR_IN_USE);
    g_clear_error (&error);
    after = ll_test_file_checksum (path);
    g_assert_cmpstr (before, ==, after);
  }

  /* a new behaviour is given an identifier no other has */
  {
    g_autofree char *made = ll_framework_make_id (losing, "Spotting: Patterns!");
    g_autofree char *taken = ll_framework_make_id (framework, "Noticing");

    g_assert_cmpstr (made, ==, "spotting-patterns");
    g_assert_cmpstr (taken, ==, "noticing-2");
    g_assert_true (ll_framework_id_is_valid (taken));
  }
}

static gboolean
set_flag (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* A name typed into the Frameworks window, key by key, is written once
 * after the pause, not once per key, and the list names the focus anew
 * then; what waits is written when the workbook closes. */
static void
test_framework_edits_wait (void)
{
  g_autofree char *dir = ll_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "Typing.llw", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LlWorkbook) workbook = ll_workbook_create (path, &error);
  g_autoptr(LlObservation) observation = NULL;
  g_autoptr(GPtrArray) frameworks = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(LlObservationItem) shown = NULL;
  const char *typed = "Spotting patterns";
  GPtrArray *retired;
  LlFramework *framework;
  gboolean paused = FALSE;
  guint group = 0, index = 0;
  gint64 id;

  g_assert_no_error (error);
  observation = ll_workbook_add_observation (workbook, "2026-05-12", &error);
  g_assert_no_error (error);
  ll_observation_set_text (observation, LL_OBSERVATION_FOCUS, "noticing");
  g_assert_true (ll_workbook_flush (workbook, &error));
  frameworks = ll_workbook_list_frameworks (workbook, &error);
  ids = ll_workbook_dup_framework_ids (workbook, &error);
  g_assert_no_error (error);
  framework = g_ptr_array_index (frameworks, 0);
  id = g_array_index (ids, gint64, 0);
  g_assert_nonnull (ll_framework_find_behaviour (framework, "noticing", &group));
  while (!g_str_equal (ll_framework_get_behaviour (framework, group, index)->id, "noticing"))
    index++;

  for (gsize n = 1; n <= strlen (typed); n++)
    {
      g_autoptr(LlFramework) edited = ll_framework_copy (framework);
      g_autofree char *name = g_strndup (typed, n);

      ll_framework_set_behaviour (edited, group, index, name, "");
      g_assert_true (ll_workbook_update_framework (workbook, id, edited, &error));
      g_assert_no_error (error);
    }
  /* nothing is written while the keys come */
  g_assert_null (g_object_get_data (G_OBJECT (workbook), "ll-retired-frameworks"));
  shown = g_list_model_get_item (ll_workbook_get_observations (workbook), 0);
  g_assert_cmpstr (ll_observation_item_get_string (shown, "focus"), ==, "Noticing");

  g_timeout_add (LL_PENDING_MAX_WAIT_MS + 200, set_flag, &paused);
  while (!paused)
    g_main_context_iteration (NULL, TRUE);
  retired = g_object_get_data (G_OBJECT (workbook), "ll-retired-frameworks");
  g_assert_nonnull (retired);
  g_assert_cmpuint (retired->len, <=, 1);
  g_assert_cmpstr (ll_observation_item_get_string (shown, "focus"), ==, typed);
  {
    LlFramework *now = ll_workbook_get_observation_framework (workbook, observation);

    g_assert_cmpstr (ll_framework_find_behaviour (now, "noticing", NULL)->name, ==, typed);
  }

  /* a description typed just before closing is kept */
  {
    g_autoptr(LlFramework) edited = ll_framework_copy (framework);

    ll_framework_set_behaviour (edited, group, index, typed, "Seeing what is there.");
    g_assert_true (ll_workbook_update_framework (workbook, id, edited, &error));
  }
  g_clear_object (&observation);
  g_clear_pointer (&frameworks, g_ptr_array_unref);
  ll_workbook_close (workbook);
  g_clear_object (&workbook);
  workbook = ll_workbook_open (path, LL_WORKBOOK_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  frameworks = ll_workbook_list_frameworks (workbook, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ll_framework_find_behaviour (g_ptr_array_index (frameworks, 0), "noticing", NULL)->description,
                   ==, "Seeing what is there.");
  ll_workbook_close (workbook);
  ll_test_rm_rf (dir);
}

/* An observation may follow the workbook's other framework while it
 * records nothing yet; the list names each line's focus from its own
 * framework, then and after reopening. */
static void
test_other_framework (void)
{
  g_autofree char *dir = ll_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "Two.llw", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LlWorkbook) workbook = ll_workbook_create (path, &error);
  g_autoptr(LlObservation) first = NULL;
  g_autoptr(LlObservation) second = NULL;
  g_autoptr(GPtrArray) frameworks = NULL;
  g_autoptr(GArray) ids = NULL;
  LlFramework *other;
  const LlBehaviour *behaviour;
  gint64 other_id;

  g_assert_no_error (error);
  first = ll_workbook_add_observation (workbook, "2026-05-12", &error);
  second = ll_workbook_add_observation (workbook, "2026-05-13", &error);
  g_assert_no_error (error);
  ll_observation_set_text (first, LL_OBSERVATION_FOCUS, "noticing");
  frameworks = ll_workbook_list_frameworks (workbook, &error);
  ids = ll_workbook_dup_framework_ids (workbook, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, >=, 2);
  other = g_ptr_array_index (frameworks, 1);
  other_id = g_array_index (ids, gint64, 1);
  behaviour = ll_framework_get_behaviour (other, 0, 0);
  g_assert_null (ll_framework_find_behaviour (g_ptr_array_index (frameworks, 0), behaviour->id, NULL));

  /* the first records a behaviour of its framework: it stays with it */
  g_assert_false (ll_workbook_set_observation_framework (workbook, first, other_id, &error));
  g_assert_error (error, LL_FRAMEWORK_ERROR, LL_FRAMEWORK_ERROR_IN_USE);
  g_clear_error (&error);
  g_assert_cmpint (ll_observation_get_number (first, LL_OBSERVATION_FRAMEWORK), ==, g_array_index (ids, gint64, 0));

  /* the second records nothing yet */
  g_assert_true (ll_workbook_set_observation_framework (workbook, second, other_id, &error));
  g_assert_no_error (error);
  g_assert_true (ll_workbook_get_observation_framework (workbook, second) != NULL);
  g_assert_cmpstr (ll_framework_get_name (ll_workbook_get_observation_framework (workbook, second)), ==,
                   ll_framework_get_name (other));
  ll_observation_set_text (second, LL_OBSERVATION_FOCUS, behaviour->id);

  g_clear_object (&first);
  g_clear_object (&second);
  ll_workbook_close (workbook);
  g_clear_object (&workbook);
  workbook = ll_workbook_open (path, LL_WORKBOOK_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  {
    GListModel *list = ll_workbook_get_observations (workbook);
    g_autoptr(LlObservationItem) one = g_list_model_get_item (list, 0);
    g_autoptr(LlObservationItem) two = g_list_model_get_item (list, 1);

    g_assert_cmpstr (ll_observation_item_get_string (one, "focus"), ==, "Noticing");
    g_assert_cmpstr (ll_observation_item_get_string (two, "focus"), ==, behaviour->name);
  }
  /* the term's summary has the behaviours of both frameworks, each named */
  {
    g_autoptr(GPtrArray) summaries = ll_workbook_list_summaries (workbook, &error);
    LlDoc *doc;
    GPtrArray *sections = NULL;
    g_autofree char *first_heading = g_strdup_printf ("Learning behaviours: %s",
                                                      ll_framework_get_name (g_ptr_array_index (frameworks, 0)));
    g_autofree char *second_heading = g_strdup_printf ("Learning behaviours: %s", ll_framework_get_name (other));
    guint found = 0;

    g_assert_no_error (error);
    g_assert_cmpuint (summaries->len, ==, 1);
    doc = ll_workbook_build_doc (workbook, ll_document_info_get_id (g_ptr_array_index (summaries, 0)), &error);
    g_assert_no_error (error);
    sections = doc->body->children;
    for (guint i = 0; i < sections->len; i++)
      {
        LlDocNode *node = g_ptr_array_index (sections, i);

        if (node->type == LL_DOC_SECTION && (g_strcmp0 (node->title, first_heading) == 0
                                             || g_strcmp0 (node->title, second_heading) == 0))
          found++;
      }
    g_assert_cmpuint (found, ==, 2);
    ll_doc_free (doc);
  }
  ll_workbook_close (workbook);
  ll_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/observation/fields", test_fields);
  ADD ("/observation/choices-written-at-once", test_choices_written_at_once);
  ADD ("/observation/notes", test_notes);
  ADD ("/observation/tallies-and-levels", test_tallies_and_levels);
#undef ADD
  g_test_add_func ("/observation/workbook", test_workbook);
  g_test_add_func ("/observation/edit-framework", test_edit_framework);
  g_test_add_func ("/observation/framework-edits-wait", test_framework_edits_wait);
  g_test_add_func ("/observation/other-framework", test_other_framework);
  return g_test_run ();
}
