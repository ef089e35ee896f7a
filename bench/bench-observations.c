/* bench-observations.c: a year of a large school's observations, timed
 *
 *   bench-observations WORKBOOK [SCALE]    (default 250: 10 000 observations)
 *
 * Makes the workbook (removing one at that path), then times, in this one
 * process, the store calls that the observation list, search and exports
 * make, each beside its alternative in the same run, and prints a
 * Markdown report. Times are medians of several runs.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "ll-framework.h"
#include "ll-observation-csv.h"
#include "ll-observation-sample.h"
#include "ll-store-observation.h"

#define RUNS 15

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static LlStore *
make_workbook (const char *path,
               guint       scale,
               double     *ms)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) builtin = ll_framework_list_builtin ();
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  gint64 people[40];
  LlStore *store;
  LlObservationSampleSetup setup = { 0 };
  double start;

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  start = now_ms ();
  store = ll_store_create (path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autofree char *name = g_strdup_printf ("Member of staff %u", i + 1);

      people[i] = ll_store_insert_person (store, name, i < 5 ? "senior-leader" : "teacher", &error);
      g_assert_no_error (error);
    }
  setup.framework = g_ptr_array_index (builtin, 0);
  setup.framework_id = ll_store_save_framework (store, 0, setup.framework, &error);
  setup.observers = people;
  setup.n_observers = 5;
  setup.teachers = people + 5;
  setup.n_teachers = G_N_ELEMENTS (people) - 5;
  setup.today = "2026-06-30";
  g_assert_true (ll_observation_sample_add (store, &setup, scale, &error));
  g_assert_no_error (error);
  *ms = now_ms () - start;
  return store;
}

static double
time_open (const char *path)
{
  double times[RUNS];

  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr(GError) error = NULL;
      double start = now_ms ();
      /* for writing, as the window opens it: the check of the whole file
       * goes on in a worker, and closing waits for it, after the timing */
      g_autoptr(LlStore) store = ll_store_open (path, FALSE, NULL, &error);
      g_autoptr(GPtrArray) list = ll_store_list_observations (store, &error);

      times[i] = now_ms () - start;
      g_assert_no_error (error);
      ll_store_close (store);
    }
  return median (times, RUNS);
}

/* The list's database work alone: the covering index read row by row. */
static double
time_list_sql (sqlite3 *db,
               guint   *rows)
{
  double times[RUNS];

  for (guint i = 0; i < RUNS; i++)
    {
      sqlite3_stmt *stmt = NULL;
      double start = now_ms ();
      guint n = 0;

      sqlite3_prepare_v2 (db,
                          "SELECT date, start, document_id, coalesce (teacher_id, 0), coalesce (observer_id, 0), "
                          "class_group, year_group, subject, focus, status, follow_up FROM observation "
                          "INDEXED BY observation_list ORDER BY date, start, document_id",
                          -1, &stmt, NULL);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < 11; c++)
            (void) sqlite3_column_text (stmt, c);
          n++;
        }
      sqlite3_finalize (stmt);
      times[i] = now_ms () - start;
      *rows = n;
    }
  return median (times, RUNS);
}

static double
time_list_model (LlStore *store)
{
  double times[RUNS];

  for (guint i = 0; i < RUNS; i++)
    {
      double start = now_ms ();
      g_autoptr(GPtrArray) list = ll_store_list_observations (store, NULL);

      times[i] = now_ms () - start;
    }
  return median (times, RUNS);
}

/* What a leader types into the search, key by key. */
static const char * const typed[] = {
  "p", "pe", "per", "pers", "perse", "persev", "perseve", "persever",
  "r", "ru", "rus", "rust",
  "salt", "salt w", "salt wa", "salt water",
  "number l", "number li", "number line",
  "plan", "plann", "planning",
};

static void
time_search (LlStore *store,
             sqlite3 *db,
             double  *fts_ms,
             double  *fts_worst,
             double  *like_ms)
{
  double fts[G_N_ELEMENTS (typed)], like[G_N_ELEMENTS (typed)];

  for (guint q = 0; q < G_N_ELEMENTS (typed); q++)
    {
      double runs[RUNS];
      g_autofree char *pattern = g_strdup_printf ("%%%s%%", typed[q]);

      for (guint i = 0; i < RUNS; i++)
        {
          double start = now_ms ();
          g_autoptr(GPtrArray) hits = ll_store_search_observations (store, typed[q], 50, NULL);

          runs[i] = now_ms () - start;
        }
      fts[q] = median (runs, RUNS);
      for (guint i = 0; i < 5; i++)
        {
          sqlite3_stmt *stmt = NULL;
          double start = now_ms ();

          sqlite3_prepare_v2 (db,
                              "SELECT DISTINCT document_id FROM observation_note WHERE text LIKE ?1 "
                              "UNION SELECT document_id FROM observation WHERE context LIKE ?1 "
                              "OR strengths LIKE ?1 OR questions LIKE ?1 OR next_steps LIKE ?1 "
                              "OR reflection LIKE ?1 OR subject LIKE ?1 OR class_group LIKE ?1",
                              -1, &stmt, NULL);
          sqlite3_bind_text (stmt, 1, pattern, -1, SQLITE_STATIC);
          while (sqlite3_step (stmt) == SQLITE_ROW)
            ;
          sqlite3_finalize (stmt);
          runs[i] = now_ms () - start;
        }
      like[q] = median (runs, 5);
    }
  *fts_worst = 0;
  for (guint q = 0; q < G_N_ELEMENTS (typed); q++)
    *fts_worst = MAX (*fts_worst, fts[q]);
  *fts_ms = median (fts, G_N_ELEMENTS (typed));
  *like_ms = median (like, G_N_ELEMENTS (typed));
}

/* One live note's text written as the pending queue writes it. */
static double
time_note_write (LlStore *store,
                 double  *worst)
{
  double times[RUNS * 2];
  g_autoptr(GPtrArray) list = ll_store_list_observations (store, NULL);
  LlStoreObservationSummary *first = g_ptr_array_index (list, 0);
  gint64 note = ll_store_insert_note (store, first->id, 5, "", "Pupils", NULL);

  *worst = 0;
  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autofree char *text = g_strdup_printf ("Pupils compare methods in pairs, round %u", i);
      double start = now_ms ();

      ll_store_update_note (store, note, "collaboration", text, NULL);
      times[i] = now_ms () - start;
      *worst = MAX (*worst, times[i]);
    }
  ll_store_delete_note (store, note, NULL);
  return median (times, G_N_ELEMENTS (times));
}

static double
time_csv (LlStore    *store,
          const char *dir,
          gsize      *bytes)
{
  double times[5];
  g_autofree char *path = g_build_filename (dir, "notes.csv", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      double start = now_ms ();

      g_assert_true (ll_observation_csv_write_file (store, path, NULL));
      times[i] = now_ms () - start;
    }
  {
    GStatBuf info;

    *bytes = g_stat (path, &info) == 0 ? (gsize) info.st_size : 0;
  }
  return median (times, G_N_ELEMENTS (times));
}

/* The alternative: SQLite's own shell writing the same join as CSV. */
static double
time_sqlite3_csv (const char *workbook,
                  const char *dir)
{
  double times[5];
  g_autofree char *out = g_build_filename (dir, "sqlite3.csv", NULL);
  g_autofree char *command = g_strdup_printf (
    "sqlite3 -readonly -csv -header '%s' \"SELECT o.date, po.name, pt.name, o.class_group, o.year_group, "
    "o.subject, n.minute, n.behaviours, n.text FROM observation o JOIN observation_note n "
    "ON n.document_id = o.document_id LEFT JOIN person po ON po.id = o.observer_id "
    "LEFT JOIN person pt ON pt.id = o.teacher_id ORDER BY o.date, o.start, o.document_id, n.id\" > '%s'",
    workbook, out);

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      double start = now_ms ();
      int status = system (command);

      times[i] = now_ms () - start;
      if (status != 0)
        return NAN;
    }
  return median (times, G_N_ELEMENTS (times));
}

static gint64
count (sqlite3    *db,
       const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

int
main (int   argc,
      char *argv[])
{
  const char *path;
  guint scale = 250;
  g_autofree char *dir = NULL;
  g_autofree char *small_path = NULL;
  g_autoptr(LlStore) store = NULL;
  g_autoptr(LlStore) small = NULL;
  sqlite3 *db = NULL;
  double made_ms, small_ms, open_large, open_small, list_sql, list_model, fts, fts_worst, like;
  double note_ms, note_worst, csv_ms, sqlite_csv_ms;
  guint rows = 0;
  gsize csv_bytes = 0;
  GStatBuf info;

  if (argc < 2)
    {
      fprintf (stderr, "usage: %s WORKBOOK [SCALE]\n", argv[0]);
      return 2;
    }
  path = argv[1];
  if (argc > 2)
    scale = (guint) MAX (atoi (argv[2]), 1);
  dir = g_path_get_dirname (path);
  small_path = g_build_filename (dir, "small-observations.llw", NULL);

  store = make_workbook (path, scale, &made_ms);
  small = make_workbook (small_path, 1, &small_ms);
  ll_store_close (store);
  ll_store_close (small);
  g_clear_object (&store);
  g_clear_object (&small);

  open_large = time_open (path);
  open_small = time_open (small_path);

  store = ll_store_open (path, FALSE, NULL, NULL);
  g_assert_nonnull (store);
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  list_sql = time_list_sql (db, &rows);
  list_model = time_list_model (store);
  time_search (store, db, &fts, &fts_worst, &like);
  note_ms = time_note_write (store, &note_worst);
  csv_ms = time_csv (store, dir, &csv_bytes);
  sqlite_csv_ms = time_sqlite3_csv (path, dir);

  g_stat (path, &info);
  printf ("Workbook: %u observations, %" G_GINT64_FORMAT " notes of %.0f words on average "
          "(%.0f words of notes per observation), %.1f MB on disk; made in %.0f ms.\n\n",
          rows, count (db, "SELECT count(*) FROM observation_note"),
          (double) count (db, "SELECT sum(length(text) - length(replace(text, ' ', '')) + 1) FROM observation_note")
            / MAX (count (db, "SELECT count(*) FROM observation_note"), 1),
          (double) count (db, "SELECT sum(length(text) - length(replace(text, ' ', '')) + 1) FROM observation_note")
            / MAX (rows, 1),
          info.st_size / 1e6, made_ms);
  printf ("| task | Leading Learning | alternative in the same run | ratio |\n");
  printf ("| --- | --- | --- | --- |\n");
  printf ("| open the workbook and read the year's list | %.2f ms | the same for a workbook of 40 observations: "
          "%.2f ms | %.2f× |\n", open_large, open_small, open_large / open_small);
  printf ("| the list's database work (covering index, %u rows) | %.2f ms | the list as model rows: %.2f ms | "
          "%.2f× |\n", rows, list_sql, list_model, list_sql / list_model);
  printf ("| ranked search as you type (median of %u queries; slowest %.2f ms) | %.2f ms | `LIKE` scan of the "
          "same text: %.2f ms | %.3f× |\n", (guint) G_N_ELEMENTS (typed), fts_worst, fts, like, fts / like);
  printf ("| a live note's text written (one transaction, median; slowest %.2f ms) | %.2f ms | — | — |\n",
          note_worst, note_ms);
  printf ("| CSV of all notes (%.1f MB) | %.0f ms | sqlite3 shell writing the same join as CSV: %.0f ms | "
          "%.2f× |\n", csv_bytes / 1e6, csv_ms, sqlite_csv_ms, csv_ms / sqlite_csv_ms);
  sqlite3_close (db);
  return 0;
}
