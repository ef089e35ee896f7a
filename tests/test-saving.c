/* test-saving.c: how edits reach the workbook file: within a second while
 * typing goes on, and not lost while the file cannot be written */
#include "config.h"

#include <sqlite3.h>

#include "ll-pending.h"
#include "ll-test-util.h"
#include "ll-workbook.h"

typedef struct
{
  char       *dir;
  char       *path;
  LlWorkbook *workbook;
  sqlite3    *other;    /* a second connection, as another program */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = ll_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "Saving.llw", NULL);
  f->workbook = ll_workbook_create (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ll_workbook_add_person (f->workbook, "Helen Marsh", LL_ROLE_HEADTEACHER, &error));
  g_assert_nonnull (ll_workbook_add_narrative (f->workbook, "Our Vision", &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open_v2 (f->path, &f->other, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->workbook);
  sqlite3_close (f->other);
  ll_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* What the file holds, read by the other connection: the first column of
 * the first row of @sql. */
static char *
read_file_value (Fixture    *f,
                 const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (f->other, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

static void
other_exec (Fixture    *f,
            const char *sql)
{
  g_assert_cmpint (sqlite3_exec (f->other, sql, NULL, NULL, NULL), ==, SQLITE_OK);
}

/* Runs the main loop until @done says so or @timeout_ms pass; returns
 * whether it was done. */
static gboolean
run_until (gboolean (*done) (Fixture *f),
           Fixture  *f,
           guint     timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!done (f))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

static gboolean
all_written (Fixture *f)
{
  return !ll_workbook_get_unsaved (f->workbook);
}

static LlNarrative *
narrative (Fixture *f)
{
  g_autoptr(LlNarrative) n = g_list_model_get_item (ll_workbook_get_narratives (f->workbook), 0);

  return n;  /* the workbook keeps it */
}

static LlNarrativeSection *
section (Fixture *f)
{
  g_autoptr(LlNarrativeSection) s = g_list_model_get_item (ll_narrative_get_sections (narrative (f)), 0);

  return s;
}

static LlPerson *
person (Fixture *f)
{
  g_autoptr(LlPerson) p = g_list_model_get_item (ll_workbook_get_people (f->workbook), 0);

  return p;
}

/* Steady typing into a field: one key every 60 ms for 3 s. */
typedef struct
{
  Fixture  *f;
  void    (*set) (Fixture *f, const char *value);
  const char *sql;
  GString  *typed;
  gint64    start;
  gint64    last_seen_change;
  gint64    longest_gap;
  char     *seen;
  guint     key_id;
  guint     poll_id;
  gboolean  finished;
} Typing;

static gboolean
key_cb (gpointer data)
{
  Typing *t = data;

  g_string_append_c (t->typed, "abcdefgh "[t->typed->len % 9]);
  t->set (t->f, t->typed->str);
  if (g_get_monotonic_time () - t->start >= 3 * G_USEC_PER_SEC)
    {
      t->finished = TRUE;
      t->key_id = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static gboolean
poll_cb (gpointer data)
{
  Typing *t = data;
  g_autofree char *value = read_file_value (t->f, t->sql);
  gint64 now = g_get_monotonic_time ();

  if (g_strcmp0 (value, t->seen) != 0)
    {
      g_free (t->seen);
      t->seen = g_steal_pointer (&value);
      t->last_seen_change = now;
    }
  /* how long the file has lagged behind the typing */
  if (!t->finished)
    t->longest_gap = MAX (t->longest_gap, now - t->last_seen_change);
  return G_SOURCE_CONTINUE;
}

static void
type_steadily (Fixture    *f,
               void      (*set) (Fixture *f, const char *value),
               const char *sql)
{
  Typing t = { .f = f, .set = set, .sql = sql };

  t.typed = g_string_new (NULL);
  t.start = t.last_seen_change = g_get_monotonic_time ();
  t.seen = read_file_value (f, sql);
  t.key_id = g_timeout_add (60, key_cb, &t);
  t.poll_id = g_timeout_add (20, poll_cb, &t);
  while (!t.finished)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (t.poll_id);

  /* the file was never more than about a second behind */
  g_assert_cmpint (t.longest_gap, <=, 1000 * 1000);
  /* and the last keys follow within the maximum wait too */
  g_assert_true (run_until (all_written, f, LL_PENDING_MAX_WAIT_MS + 500));
  g_free (t.seen);
  t.seen = read_file_value (f, sql);
  g_assert_cmpstr (t.seen, ==, t.typed->str);
  g_free (t.seen);
  g_string_free (t.typed, TRUE);
}

static void
set_school_name (Fixture    *f,
                 const char *value)
{
  ll_school_set_name (ll_workbook_get_school (f->workbook), value);
}

static void
set_person_name (Fixture    *f,
                 const char *value)
{
  ll_person_set_name (person (f), value);
}

static void
set_narrative_title (Fixture    *f,
                     const char *value)
{
  ll_narrative_set_title (narrative (f), value);
}

static void
set_section_title (Fixture    *f,
                   const char *value)
{
  ll_narrative_section_set_title (section (f), value);
}

static void
test_steady_typing_school (Fixture       *f,
                           gconstpointer  data)
{
  type_steadily (f, set_school_name, "SELECT name FROM school");
}

static void
test_steady_typing_person (Fixture       *f,
                           gconstpointer  data)
{
  type_steadily (f, set_person_name, "SELECT name FROM person");
}

static void
test_steady_typing_narrative_title (Fixture       *f,
                                    gconstpointer  data)
{
  type_steadily (f, set_narrative_title, "SELECT title FROM document WHERE kind = 'vision'");
}

static void
test_steady_typing_section_heading (Fixture       *f,
                                    gconstpointer  data)
{
  type_steadily (f, set_section_title,
                 "SELECT title FROM narrative_section ORDER BY position LIMIT 1");
}

/* A key press does not wait for the disk: the value changes in memory at
 * once and the write follows after a short pause. */
static void
test_write_waits_for_pause (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  ll_school_set_name (ll_workbook_get_school (f->workbook), "Hill Top");
  g_assert_cmpstr (ll_school_get_name (ll_workbook_get_school (f->workbook)), ==, "Hill Top");
  g_assert_true (ll_workbook_get_unsaved (f->workbook));
  before = read_file_value (f, "SELECT name FROM school");
  g_assert_cmpstr (before, ==, "");
  g_assert_true (run_until (all_written, f, LL_PENDING_MAX_WAIT_MS + 500));
  after = read_file_value (f, "SELECT name FROM school");
  g_assert_cmpstr (after, ==, "Hill Top");
}

static void
on_write_failed (LlWorkbook   *workbook,
                 const GError *error,
                 guint        *count)
{
  (*count)++;
}

/* Another program holds the file locked while the user types: what was
 * typed meanwhile reaches the file once the lock is released, and the
 * workbook says nothing is saved until then. */
static void
test_locked_file_keeps_edits (Fixture       *f,
                              gconstpointer  data)
{
  guint failures = 0;
  g_autofree char *name = NULL;
  g_autofree char *person_name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;

  g_signal_connect (f->workbook, "write-failed", G_CALLBACK (on_write_failed), &failures);
  other_exec (f, "BEGIN EXCLUSIVE; UPDATE meta SET value = value WHERE 0");

  ll_school_set_name (ll_workbook_get_school (f->workbook), "Typed While Locked");
  ll_person_set_name (person (f), "Helen Marsh-Jones");
  ll_narrative_set_title (narrative (f), "Vision Typed While Locked");
  ll_narrative_section_set_body (section (f), "<para>Typed while locked</para>");
  /* the write was tried, failed, was reported once, and waits */
  g_assert_cmpuint (failures, ==, 1);
  g_assert_true (ll_workbook_get_unsaved (f->workbook));
  /* the retries while the lock lasts do not hold up the typing */
  {
    gint64 deadline = g_get_monotonic_time () + (2 * LL_PENDING_RETRY_MS + 500) * 1000;
    gint64 longest = 0;

    while (g_get_monotonic_time () < deadline)
      {
        gint64 start = g_get_monotonic_time ();

        g_main_context_iteration (NULL, FALSE);
        longest = MAX (longest, g_get_monotonic_time () - start);
        g_usleep (1000);
      }
    g_assert_cmpint (longest, <, 500 * 1000);
  }
  g_assert_true (ll_workbook_get_unsaved (f->workbook));
  g_assert_cmpuint (failures, ==, 1);

  other_exec (f, "COMMIT");
  g_assert_true (run_until (all_written, f, 2 * LL_PENDING_RETRY_MS + 3000));

  name = read_file_value (f, "SELECT name FROM school");
  g_assert_cmpstr (name, ==, "Typed While Locked");
  person_name = read_file_value (f, "SELECT name FROM person");
  g_assert_cmpstr (person_name, ==, "Helen Marsh-Jones");
  title = read_file_value (f, "SELECT title FROM document WHERE kind = 'vision'");
  g_assert_cmpstr (title, ==, "Vision Typed While Locked");
  body = read_file_value (f, "SELECT body FROM narrative_section ORDER BY position LIMIT 1");
  g_assert_cmpstr (body, ==, "<para>Typed while locked</para>");
}

/* The lock is released and the window closes at once: closing writes
 * what failed before. */
static void
test_locked_then_closed (Fixture       *f,
                         gconstpointer  data)
{
  guint failures = 0;
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;

  g_signal_connect (f->workbook, "write-failed", G_CALLBACK (on_write_failed), &failures);
  other_exec (f, "BEGIN EXCLUSIVE; UPDATE meta SET value = value WHERE 0");
  ll_school_set_name (ll_workbook_get_school (f->workbook), "Closed After The Fault");
  g_assert_false (ll_workbook_flush (f->workbook, &error));
  g_assert_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_IN_USE);
  g_assert_true (ll_workbook_get_unsaved (f->workbook));
  other_exec (f, "COMMIT");

  ll_workbook_close (f->workbook);
  g_clear_object (&f->workbook);
  name = read_file_value (f, "SELECT name FROM school");
  g_assert_cmpstr (name, ==, "Closed After The Fault");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(name, func) \
  g_test_add ("/saving/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("steady-typing/school", test_steady_typing_school);
  ADD ("steady-typing/person", test_steady_typing_person);
  ADD ("steady-typing/narrative-title", test_steady_typing_narrative_title);
  ADD ("steady-typing/section-heading", test_steady_typing_section_heading);
  ADD ("write-waits-for-pause", test_write_waits_for_pause);
  ADD ("locked-file-keeps-edits", test_locked_file_keeps_edits);
  ADD ("locked-then-closed", test_locked_then_closed);

#undef ADD
  return g_test_run ();
}
