/* test-store.c: the workbook store and model, and every kind of bad file */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ll-pending.h"
#include "ll-sample.h"
#include "ll-store-narrative.h"
#include "ll-store.h"
#include "ll-test-util.h"
#include "ll-workbook.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = ll_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "Test.llw", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  ll_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
write_bytes (const char *path,
             const char *data,
             gssize      len)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
}

/* Opening @path must fail with @code and leave the file unchanged. */
static void
assert_refused (const char *path,
                int         code)
{
  g_autofree char *before = ll_test_file_checksum (path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LlWorkbook) workbook = ll_workbook_open (path, LL_WORKBOOK_OPEN_DEFAULT, &error);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  g_assert_null (workbook);
  g_assert_error (error, LL_WORKBOOK_ERROR, code);
  /* a sentence that names the file */
  g_assert_nonnull (strstr (error->message, "Test"));
  g_assert_true (g_str_has_suffix (error->message, "."));
  after = ll_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_create_and_reopen (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlWorkbook) workbook = ll_workbook_create (f->path, &error);
  LlPerson *person;
  struct stat st;

  g_assert_no_error (error);
  g_assert_nonnull (workbook);
  g_assert_false (ll_workbook_get_read_only (workbook));

  /* readable by its owner only */
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  ll_school_set_name (ll_workbook_get_school (workbook), "Ysgol Gymraeg Aberddu");
  ll_school_set_address (ll_workbook_get_school (workbook), "1 Heol y Bont\nAberddu");
  person = ll_workbook_add_person (workbook, "  Siân Ó Briain ", LL_ROLE_HEADTEACHER, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ll_person_get_name (person), ==, "Siân Ó Briain");
  ll_workbook_add_person (workbook, "Zoë Ng", LL_ROLE_TEACHER, &error);
  g_assert_no_error (error);
  ll_person_set_role (person, LL_ROLE_SENIOR_LEADER);
  g_clear_object (&workbook);

  workbook = ll_workbook_open (f->path, LL_WORKBOOK_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ll_school_get_name (ll_workbook_get_school (workbook)), ==, "Ysgol Gymraeg Aberddu");
  g_assert_cmpstr (ll_school_get_address (ll_workbook_get_school (workbook)), ==, "1 Heol y Bont\nAberddu");
  g_assert_cmpuint (g_list_model_get_n_items (ll_workbook_get_people (workbook)), ==, 2);
  person = g_list_model_get_item (ll_workbook_get_people (workbook), 0);
  g_assert_cmpstr (ll_person_get_name (person), ==, "Siân Ó Briain");
  g_assert_cmpint (ll_person_get_role (person), ==, LL_ROLE_SENIOR_LEADER);
  g_object_unref (person);
}

/* Edits reach the file within a second: another connection sees them
 * while the workbook is still open, with no save. */
static void
test_edits_committed_at_once (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlWorkbook) workbook = ll_workbook_create (f->path, &error);
  g_autoptr(LlWorkbook) reader = NULL;
  LlPerson *person;
  gint64 deadline;

  g_assert_no_error (error);
  ll_school_set_name (ll_workbook_get_school (workbook), "Hill Top Academy");
  person = ll_workbook_add_person (workbook, "Ada Brown", LL_ROLE_TEACHER, &error);
  g_assert_no_error (error);
  deadline = g_get_monotonic_time () + (LL_PENDING_MAX_WAIT_MS + 500) * 1000;
  while (ll_workbook_get_unsaved (workbook) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  reader = ll_workbook_open (f->path, LL_WORKBOOK_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (ll_workbook_get_read_only (reader));
  g_assert_cmpstr (ll_school_get_name (ll_workbook_get_school (reader)), ==, "Hill Top Academy");
  g_assert_cmpuint (g_list_model_get_n_items (ll_workbook_get_people (reader)), ==, 1);
  g_clear_object (&reader);

  g_assert_true (ll_workbook_remove_person (workbook, person, &error));
  g_assert_no_error (error);
  reader = ll_workbook_open (f->path, LL_WORKBOOK_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (ll_workbook_get_people (reader)), ==, 0);
}

static void
test_add_person_needs_name (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlWorkbook) workbook = ll_workbook_create (f->path, &error);

  g_assert_null (ll_workbook_add_person (workbook, "   ", LL_ROLE_TEACHER, &error));
  g_assert_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_INVALID);
  g_assert_cmpuint (g_list_model_get_n_items (ll_workbook_get_people (workbook)), ==, 0);
}

static void
test_create_refuses_existing (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlWorkbook) workbook = NULL;
  g_autofree char *sum = NULL;
  g_autofree char *after = NULL;

  write_bytes (f->path, "precious words", -1);
  sum = ll_test_file_checksum (f->path);
  workbook = ll_workbook_create (f->path, &error);
  g_assert_null (workbook);
  g_assert_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_EXISTS);
  after = ll_test_file_checksum (f->path);
  g_assert_cmpstr (sum, ==, after);
}

static void
test_missing_file (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlWorkbook) workbook = ll_workbook_open (f->path, LL_WORKBOOK_OPEN_DEFAULT, &error);

  g_assert_null (workbook);
  g_assert_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
}

static void
test_random_bytes (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  guchar bytes[8192];

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = g_rand_int_range (rand, 0, 256);
  write_bytes (f->path, (const char *) bytes, sizeof bytes);
  assert_refused (f->path, LL_WORKBOOK_ERROR_NOT_A_WORKBOOK);
}

static void
test_empty_and_text_files (Fixture       *f,
                           gconstpointer  data)
{
  write_bytes (f->path, "", 0);
  assert_refused (f->path, LL_WORKBOOK_ERROR_NOT_A_WORKBOOK);
  write_bytes (f->path, "Dear staff,\nOur vision for learning...\n", -1);
  assert_refused (f->path, LL_WORKBOOK_ERROR_NOT_A_WORKBOOK);
}

static void
test_truncated (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_true (ll_sample_generate (f->path, 2, &error));
  g_assert_no_error (error);
  g_file_get_contents (f->path, &contents, &len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (len, >, 8192);

  /* cut at a page boundary: only the header's page count tells */
  write_bytes (f->path, contents, 4096);
  assert_refused (f->path, LL_WORKBOOK_ERROR_DAMAGED);
  /* cut mid-page */
  write_bytes (f->path, contents, len - 1000);
  assert_refused (f->path, LL_WORKBOOK_ERROR_DAMAGED);
  /* only a piece of the header */
  write_bytes (f->path, contents, 50);
  assert_refused (f->path, LL_WORKBOOK_ERROR_DAMAGED);
}

static void
test_corrupt_pages (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_true (ll_sample_generate (f->path, 3, &error));
  g_file_get_contents (f->path, &contents, &len, &error);
  g_assert_no_error (error);
  /* scribble over the second page onwards, keeping the header intact */
  for (gsize i = 4096 + 10; i < len && i < 4096 * 3; i++)
    contents[i] = (char) (i * 31);
  write_bytes (f->path, contents, len);
  assert_refused (f->path, LL_WORKBOOK_ERROR_DAMAGED);
}

/* The page of a table's root, and the file's page size, as SQLite says. */
static void
table_root (const char *path,
            const char *table,
            gint64     *page,
            gint64     *page_size)
{
  g_autofree char *sql = g_strdup_printf ("SELECT rootpage FROM sqlite_schema WHERE name = '%s'", table);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  *page = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA page_size", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  *page_size = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* Damage where opening does not read (the text of the revisions) lets
 * the workbook open at once, but no change is written to it: the first
 * waits for the check of the whole file, which fails, and the file keeps
 * every byte. */
static void
test_damage_found_before_writing (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlWorkbook) workbook = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 page = 0, page_size = 0;
  gsize len = 0;

  g_assert_true (ll_sample_generate (f->path, 1, &error));
  table_root (f->path, "revision_section", &page, &page_size);
  g_assert_cmpint (page, >, 1);
  g_file_get_contents (f->path, &contents, &len, &error);
  g_assert_no_error (error);
  /* scribble over the root page of the revisions' sections, past its header */
  for (gsize i = (gsize) ((page - 1) * page_size) + 12; i < (gsize) (page * page_size) && i < len; i++)
    contents[i] = (char) (i * 31);
  write_bytes (f->path, contents, len);
  before = ll_test_file_checksum (f->path);

  workbook = ll_workbook_open (f->path, LL_WORKBOOK_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ll_school_get_name (ll_workbook_get_school (workbook)), ==, "Ashcombe Vale Primary School");
  g_assert_null (ll_workbook_add_person (workbook, "Written Nowhere", LL_ROLE_TEACHER, &error));
  g_assert_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_DAMAGED);
  g_clear_object (&workbook);

  after = ll_test_file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
on_write_failed (LlWorkbook   *workbook,
                 const GError *error,
                 GError      **out)
{
  g_clear_error (out);
  *out = g_error_copy (error);
}

static void
make_foreign_db (const char *path,
                 const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_foreign_sqlite (Fixture       *f,
                     gconstpointer  data)
{
  make_foreign_db (f->path,
                   "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT);"
                   "INSERT INTO moz_places (url) VALUES ('https://example.org');");
  assert_refused (f->path, LL_WORKBOOK_ERROR_FOREIGN);
}

static void
test_newer_version (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlWorkbook) workbook = ll_workbook_create (f->path, &error);
  g_autofree char *sql = NULL;

  g_assert_no_error (error);
  g_clear_object (&workbook);
  sql = g_strdup_printf ("PRAGMA user_version = %d", LL_STORE_SCHEMA_VERSION + 1);
  make_foreign_db (f->path, sql);
  assert_refused (f->path, LL_WORKBOOK_ERROR_TOO_NEW);
}

static void
test_in_use (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlWorkbook) first = ll_workbook_create (f->path, &error);
  g_autoptr(LlWorkbook) second = NULL;
  g_autoptr(LlWorkbook) reader = NULL;

  g_assert_no_error (error);
  second = ll_workbook_open (f->path, LL_WORKBOOK_OPEN_DEFAULT, &error);
  g_assert_null (second);
  g_assert_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_IN_USE);
  g_clear_error (&error);

  /* reading (for --list or --export) is still allowed */
  reader = ll_workbook_open (f->path, LL_WORKBOOK_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_clear_object (&reader);

  /* once the first copy closes, the file opens */
  ll_workbook_close (first);
  second = ll_workbook_open (f->path, LL_WORKBOOK_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (second);
}

/* Opens a read-only file as a user who cannot write it. */
static void
check_read_only_open (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlWorkbook) workbook = NULL;
  g_autofree char *before = ll_test_file_checksum (path);
  g_autofree char *after = NULL;

  g_assert_cmpint (g_access (path, W_OK), !=, 0);
  workbook = ll_workbook_open (path, LL_WORKBOOK_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (ll_workbook_get_read_only (workbook));
  g_assert_cmpstr (ll_school_get_name (ll_workbook_get_school (workbook)), ==,
                   "Ashcombe Vale Primary School");

  /* a change is refused with a clear message, not a crash */
  g_assert_null (ll_workbook_add_person (workbook, "New", LL_ROLE_TEACHER, &error));
  g_assert_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_READ_ONLY);
  g_clear_object (&workbook);

  after = ll_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_read_only_file (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ll_sample_generate (f->path, 1, &error));
  g_assert_cmpint (g_chmod (f->path, 0444), ==, 0);
  if (g_access (f->path, W_OK) != 0)
    {
      check_read_only_open (f->path);
      return;
    }
  /* root may write anything: check as an unprivileged user instead */
  g_assert_cmpint (g_chmod (f->dir, 0755), ==, 0);
  g_setenv ("LL_TEST_READ_ONLY_PATH", f->path, TRUE);
  g_test_trap_subprocess ("/store/bad-file/read-only/unprivileged", 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_read_only_unprivileged (void)
{
  if (!g_test_subprocess ())
    {
      g_test_skip ("runs only as a subprocess of /store/bad-file/read-only");
      return;
    }
  g_assert_cmpint (setgid (65534), ==, 0);
  g_assert_cmpint (setuid (65534), ==, 0);
  check_read_only_open (g_getenv ("LL_TEST_READ_ONLY_PATH"));
}

/* A cleanly closed workbook in a folder the user cannot write opens
 * read-only: SQLite could not make its side files there, and the file
 * was once called damaged. */
static void
check_read_only_folder_open (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlWorkbook) workbook = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *before = ll_test_file_checksum (path);
  g_autofree char *after = NULL;
  g_autofree char *report = NULL;
  gboolean ok = FALSE;

  g_assert_cmpint (g_access (path, W_OK), ==, 0);
  g_assert_cmpint (g_access (dir, W_OK), !=, 0);
  workbook = ll_workbook_open (path, LL_WORKBOOK_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (ll_workbook_get_read_only (workbook));
  g_assert_cmpstr (ll_school_get_name (ll_workbook_get_school (workbook)), ==,
                   "Ashcombe Vale Primary School");
  g_assert_null (ll_workbook_add_person (workbook, "New", LL_ROLE_TEACHER, &error));
  g_assert_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_READ_ONLY);
  g_clear_object (&workbook);

  report = ll_workbook_check (path, &ok);
  g_assert_true (ok);
  after = ll_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_read_only_folder (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ll_sample_generate (f->path, 1, &error));
  g_assert_cmpint (g_chmod (f->dir, 0555), ==, 0);
  if (g_access (f->dir, W_OK) != 0)
    check_read_only_folder_open (f->path);
  else
    {
      /* root may write anything: check as an unprivileged user, who owns
       * the file but cannot write the folder */
      g_assert_cmpint (chown (f->path, 65534, 65534), ==, 0);
      g_setenv ("LL_TEST_READ_ONLY_PATH", f->path, TRUE);
      g_test_trap_subprocess ("/store/bad-file/read-only-folder/unprivileged", 0,
                              G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
    }
  g_assert_cmpint (g_chmod (f->dir, 0700), ==, 0);
}

static void
test_read_only_folder_unprivileged (void)
{
  if (!g_test_subprocess ())
    {
      g_test_skip ("runs only as a subprocess of /store/bad-file/read-only-folder");
      return;
    }
  g_assert_cmpint (setgid (65534), ==, 0);
  g_assert_cmpint (setuid (65534), ==, 0);
  check_read_only_folder_open (g_getenv ("LL_TEST_READ_ONLY_PATH"));
}

/* Anything but a regular file is refused at once: opening a FIFO for
 * reading would wait for a writer for ever. The test runs in a
 * subprocess with a deadline, so that a hang fails instead of blocking. */
static void
test_not_a_regular_file (Fixture       *f,
                         gconstpointer  data)
{
  g_test_trap_subprocess ("/store/bad-file/not-regular/child", 10 * G_USEC_PER_SEC,
                          G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_not_a_regular_file_child (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *fifo = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *link = NULL;
  const char *paths[4];

  if (!g_test_subprocess ())
    {
      g_test_skip ("runs only as a subprocess of /store/bad-file/not-regular");
      return;
    }
  dir = ll_test_make_tmpdir ();
  fifo = g_build_filename (dir, "Pipe.llw", NULL);
  folder = g_build_filename (dir, "Folder.llw", NULL);
  link = g_build_filename (dir, "Link.llw", NULL);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_cmpint (symlink (fifo, link), ==, 0);
  paths[0] = fifo;
  paths[1] = folder;
  paths[2] = link;
  paths[3] = "/dev/zero";

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    for (int read_only = 0; read_only <= 1; read_only++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(LlWorkbook) workbook = NULL;
        g_autofree char *report = NULL;
        gboolean ok = TRUE;

        workbook = ll_workbook_open (paths[i], read_only ? LL_WORKBOOK_OPEN_READ_ONLY
                                                         : LL_WORKBOOK_OPEN_DEFAULT, &error);
        g_assert_null (workbook);
        g_assert_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_NOT_A_WORKBOOK);
        g_assert_true (g_str_has_suffix (error->message, "."));
        report = ll_workbook_check (paths[i], &ok);
        g_assert_false (ok);
      }
  g_assert_true (g_file_test (fifo, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));

  /* a pipe in place of a workbook's log */
  {
    g_autofree char *good = g_build_filename (dir, "Good.llw", NULL);
    g_autofree char *wal = g_strconcat (good, "-wal", NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(LlWorkbook) workbook = ll_workbook_create (good, &error);

    g_assert_no_error (error);
    g_clear_object (&workbook);
    g_assert_cmpint (mkfifo (wal, 0600), ==, 0);
    for (int read_only = 0; read_only <= 1; read_only++)
      {
        workbook = ll_workbook_open (good, read_only ? LL_WORKBOOK_OPEN_READ_ONLY
                                                     : LL_WORKBOOK_OPEN_DEFAULT, &error);
        g_assert_null (workbook);
        g_assert_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_DAMAGED);
        g_clear_error (&error);
      }
  }
  ll_test_rm_rf (dir);
}

static char *
read_bytes (const char *path,
            gsize      *len)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, len, &error);
  g_assert_no_error (error);
  return contents;
}

/* Copies the workbook at @from and its write-ahead log to @to while it is
 * open, as a crash or a power cut leaves them. */
static void
copy_with_log (const char *from,
               const char *to)
{
  g_autofree char *from_wal = g_strconcat (from, "-wal", NULL);
  g_autofree char *to_wal = g_strconcat (to, "-wal", NULL);
  g_autofree char *main_bytes = NULL;
  g_autofree char *wal_bytes = NULL;
  gsize main_len = 0, wal_len = 0;

  main_bytes = read_bytes (from, &main_len);
  wal_bytes = read_bytes (from_wal, &wal_len);
  g_assert_cmpuint (wal_len, >, 32);
  write_bytes (to, main_bytes, main_len);
  write_bytes (to_wal, wal_bytes, wal_len);
}

/* A workbook at @path with two edits still in its log, as a crash leaves it. */
static void
make_crashed_workbook (const char *dir,
                       const char *path)
{
  g_autofree char *live = g_build_filename (dir, "Live.llw", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LlWorkbook) workbook = ll_workbook_create (live, &error);

  g_assert_no_error (error);
  ll_school_set_name (ll_workbook_get_school (workbook), "Committed Name");
  ll_workbook_add_person (workbook, "Kept Person", LL_ROLE_TEACHER, &error);
  g_assert_no_error (error);
  ll_school_set_address (ll_workbook_get_school (workbook), "1 Last Lane");
  /* what waits for a pause in the typing is committed first */
  g_assert_true (ll_workbook_flush (workbook, &error));
  copy_with_log (live, path);
  g_clear_object (&workbook);
  g_unlink (live);
}

/* Opening @path fails with @code and @words in the message, for writing,
 * reading and the check; neither the file nor its log changes and no
 * index is made beside them. When opened for writing, a copy of the log
 * is kept, named in the message. */
static void
assert_log_refused (const char *path,
                    int         code,
                    const char *words)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *kept = g_build_filename (dir, "Test (recent changes, not used).llw-wal", NULL);
  g_autofree char *before = ll_test_file_checksum (path);
  g_autofree char *wal_before = ll_test_file_checksum (wal);
  g_autofree char *after = NULL;
  g_autofree char *wal_after = NULL;
  g_autofree char *kept_sum = NULL;
  g_autofree char *report = NULL;
  gboolean ok = TRUE;

  for (int read_only = 1; read_only >= 0; read_only--)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LlWorkbook) workbook = NULL;

      workbook = ll_workbook_open (path, read_only ? LL_WORKBOOK_OPEN_READ_ONLY
                                                   : LL_WORKBOOK_OPEN_DEFAULT, &error);
      g_assert_null (workbook);
      g_assert_error (error, LL_WORKBOOK_ERROR, code);
      g_assert_nonnull (strstr (error->message, "“Test.llw”"));
      g_assert_nonnull (strstr (error->message, words));
      g_assert_true (g_str_has_suffix (error->message, "."));
      /* a copy of the log is kept when opened for writing, and named */
      g_assert_true (g_file_test (kept, G_FILE_TEST_EXISTS) == !read_only);
      if (!read_only)
        g_assert_nonnull (strstr (error->message, "“Test (recent changes, not used).llw-wal”"));
    }
  report = ll_workbook_check (path, &ok);
  g_assert_false (ok);
  g_assert_nonnull (strstr (report, words));
  g_assert_null (strstr (report, "no problems found"));

  after = ll_test_file_checksum (path);
  wal_after = ll_test_file_checksum (wal);
  kept_sum = ll_test_file_checksum (kept);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpstr (wal_before, ==, wal_after);
  g_assert_cmpstr (wal_before, ==, kept_sum);
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
}

/* Another workbook's log copied beside a workbook is not merged into it. */
static void
test_log_foreign (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *other = g_build_filename (f->dir, "Other.llw", NULL);
  g_autofree char *other_copy = g_build_filename (f->dir, "Other copy.llw", NULL);
  g_autofree char *other_copy_wal = g_strconcat (other_copy, "-wal", NULL);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *log = NULL;
  g_autoptr(GError) error = NULL;
  gsize len = 0;

  /* a small workbook's log beside a bigger one */
  g_assert_true (ll_sample_generate (f->path, 1, &error));
  make_crashed_workbook (f->dir, other_copy);
  log = read_bytes (other_copy_wal, &len);
  write_bytes (wal, log, len);
  assert_log_refused (f->path, LL_WORKBOOK_ERROR_FOREIGN_LOG, "another workbook");
  ll_test_rm_rf (f->dir);
  g_assert_cmpint (g_mkdir (f->dir, 0700), ==, 0);

  /* a bigger workbook's log beside a small one */
  {
    g_autoptr(LlWorkbook) workbook = NULL;
    g_autoptr(LlWorkbook) big = NULL;

    workbook = ll_workbook_create (f->path, &error);
    g_assert_no_error (error);
    g_clear_object (&workbook);
    g_assert_true (ll_sample_generate (other, 3, &error));
    big = ll_workbook_open (other, LL_WORKBOOK_OPEN_DEFAULT, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < 5; i++)
      ll_workbook_add_person (big, "Someone Else", LL_ROLE_TEACHER, &error);
    g_assert_no_error (error);
    copy_with_log (other, other_copy);
    g_clear_pointer (&log, g_free);
    log = read_bytes (other_copy_wal, &len);
    write_bytes (wal, log, len);
    assert_log_refused (f->path, LL_WORKBOOK_ERROR_FOREIGN_LOG, "another workbook");
  }
}

/* A log damaged in a committed transaction is not silently cut short. */
static void
test_log_damaged (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *log = NULL;
  gsize len = 0;

  make_crashed_workbook (f->dir, f->path);
  log = read_bytes (wal, &len);
  /* a byte in the first frame's page: the transactions after it no longer
   * check, and SQLite would replay none of them */
  log[32 + 24 + 200] ^= 0x55;
  write_bytes (wal, log, len);
  assert_log_refused (f->path, LL_WORKBOOK_ERROR_DAMAGED, "damaged");
}

/* A log left by a crash is whole: reading shows its changes without
 * making anything beside the file, and writing keeps them. */
static void
test_log_after_crash (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);
  g_autofree char *before = NULL;
  g_autofree char *wal_before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *wal_after = NULL;
  g_autofree char *report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LlWorkbook) workbook = NULL;
  gboolean ok = FALSE;

  make_crashed_workbook (f->dir, f->path);
  before = ll_test_file_checksum (f->path);
  wal_before = ll_test_file_checksum (wal);

  workbook = ll_workbook_open (f->path, LL_WORKBOOK_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ll_school_get_name (ll_workbook_get_school (workbook)), ==, "Committed Name");
  g_assert_cmpstr (ll_school_get_address (ll_workbook_get_school (workbook)), ==, "1 Last Lane");
  g_clear_object (&workbook);
  report = ll_workbook_check (f->path, &ok);
  g_assert_true (ok);
  after = ll_test_file_checksum (f->path);
  wal_after = ll_test_file_checksum (wal);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpstr (wal_before, ==, wal_after);
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));

  workbook = ll_workbook_open (f->path, LL_WORKBOOK_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ll_school_get_name (ll_workbook_get_school (workbook)), ==, "Committed Name");
  g_assert_cmpuint (g_list_model_get_n_items (ll_workbook_get_people (workbook)), ==, 1);
  g_clear_object (&workbook);
  workbook = ll_workbook_open (f->path, LL_WORKBOOK_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ll_school_get_address (ll_workbook_get_school (workbook)), ==, "1 Last Lane");
}

/* A setter that cannot write keeps the value and tells the controller. */
static void
test_setter_failure_is_reported (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlWorkbook) workbook = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GError *reported = NULL;

  g_assert_true (ll_sample_generate (f->path, 1, &error));
  before = ll_test_file_checksum (f->path);
  workbook = ll_workbook_open (f->path, LL_WORKBOOK_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_signal_connect (workbook, "write-failed", G_CALLBACK (on_write_failed), &reported);

  ll_school_set_name (ll_workbook_get_school (workbook), "Changed");
  g_assert_error (reported, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_READ_ONLY);
  g_clear_error (&reported);
  g_clear_object (&workbook);
  after = ll_test_file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_migration_makes_backup (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlStore) old = ll_store_create_at_version (f->path, 1, &error);
  g_autoptr(LlWorkbook) workbook = NULL;
  g_autoptr(LlWorkbook) backup = NULL;
  g_autofree char *check = NULL;
  const char *backup_path;
  gboolean ok = FALSE;
  struct stat st;

  g_assert_no_error (error);
  g_clear_object (&old);
  /* the version 1 schema, as an old build wrote it */
  make_foreign_db (f->path, "UPDATE school SET name = 'Old School';"
                            "INSERT INTO person (name, role) VALUES ('Kept Person', 'teacher');");

  workbook = ll_workbook_open (f->path, LL_WORKBOOK_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  backup_path = ll_workbook_get_backup_path (workbook);
  g_assert_nonnull (backup_path);
  g_assert_true (g_str_has_suffix (backup_path, "Test (before upgrade from version 1).llw"));
  g_assert_cmpint (g_stat (backup_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* the upgraded workbook keeps its content and gains the documents */
  g_assert_cmpstr (ll_school_get_name (ll_workbook_get_school (workbook)), ==, "Old School");
  g_assert_cmpuint (g_list_model_get_n_items (ll_workbook_get_people (workbook)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (ll_workbook_get_documents (workbook)), ==, 1);
  check = ll_workbook_check (f->path, &ok);
  g_assert_true (ok);

  /* the backup is the old version, still openable (it upgrades in memory when read-only) */
  g_clear_pointer (&check, g_free);
  check = ll_store_check_file (backup_path, &ok);
  g_assert_true (ok);
  backup = ll_workbook_open (backup_path, LL_WORKBOOK_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ll_school_get_name (ll_workbook_get_school (backup)), ==, "Old School");
  g_clear_object (&workbook);

  /* a second opening upgrades nothing */
  workbook = ll_workbook_open (f->path, LL_WORKBOOK_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_null (ll_workbook_get_backup_path (workbook));
}

/* An older workbook whose tables are not those of its version cannot be
 * upgraded: it is reported as damaged, keeps every byte (its header too,
 * which names its journal mode) and gets no backup beside it. */
static void
test_upgrade_refused (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlStore) old = ll_store_create_at_version (f->path, 1, &error);
  g_autoptr(LlWorkbook) workbook = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint files = 0;

  g_assert_no_error (error);
  g_clear_object (&old);
  /* version 1 had no documents, so the upgrade cannot create their table */
  make_foreign_db (f->path, "PRAGMA journal_mode = DELETE;"
                            "CREATE TABLE document (id INTEGER PRIMARY KEY);");

  assert_refused (f->path, LL_WORKBOOK_ERROR_DAMAGED);
  dir = g_dir_open (f->dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_assert_cmpstr (name, ==, "Test.llw");
      files++;
    }
  g_assert_cmpuint (files, ==, 1);

  /* read-only, the upgrade in memory fails the same way */
  workbook = ll_workbook_open (f->path, LL_WORKBOOK_OPEN_READ_ONLY, &error);
  g_assert_null (workbook);
  g_assert_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_DAMAGED);
}

/* A file that claims the current version but lacks part of its schema (a
 * table dropped, a column missing) is damaged: it is refused before its
 * header is touched, for writing as well as for reading. */
static void
test_schema_incomplete (Fixture       *f,
                        gconstpointer  data)
{
  static const struct { int version; const char *sql; } damage[] = {
    { LL_STORE_SCHEMA_VERSION, "DROP TABLE revision_section;" },
    { LL_STORE_SCHEMA_VERSION, "ALTER TABLE narrative_section DROP COLUMN prompts;" },
    /* an older file that the upgrade would not make whole: no backup either */
    { 2, "DROP TABLE person;" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (damage); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LlStore) store = ll_store_create_at_version (f->path, damage[i].version, &error);
      g_autoptr(GDir) dir = NULL;
      g_autoptr(LlWorkbook) workbook = NULL;
      g_autofree char *sql = NULL;

      g_assert_no_error (error);
      g_clear_object (&store);
      /* a rollback journal, so that switching to the log would show */
      sql = g_strconcat ("PRAGMA journal_mode = DELETE;", damage[i].sql, NULL);
      make_foreign_db (f->path, sql);

      assert_refused (f->path, LL_WORKBOOK_ERROR_DAMAGED);
      dir = g_dir_open (f->dir, 0, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (g_dir_read_name (dir), ==, "Test.llw");
      g_assert_null (g_dir_read_name (dir));
      workbook = ll_workbook_open (f->path, LL_WORKBOOK_OPEN_READ_ONLY, &error);
      g_assert_null (workbook);
      g_assert_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_DAMAGED);
      g_assert_cmpint (g_unlink (f->path), ==, 0);
    }
}

/* TEXT in a file may hold any bytes: another program or a damaged disk
 * can leave some that are not UTF-8. The model gets valid text, which the
 * word count walks character by character; this section's body used to
 * end in the first byte of a six-byte sequence, and counting its words
 * read past the end of the string. */
static void
test_invalid_utf8 (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlStore) store = ll_store_create (f->path, &error);
  g_autoptr(LlWorkbook) workbook = NULL;
  g_autoptr(LlNarrative) narrative = NULL;
  g_autoptr(LlNarrativeSection) section = NULL;
  g_autoptr(LlPerson) person = NULL;
  gint64 id;

  g_assert_no_error (error);
  id = ll_store_insert_narrative (store, "Vision", "A. Head", &error);
  g_assert_no_error (error);
  ll_store_insert_section (store, id, 0, "Why", "", "", &error);
  g_assert_no_error (error);
  ll_store_insert_person (store, "A. Head", "headteacher", &error);
  g_assert_no_error (error);
  ll_store_close (store);
  g_clear_object (&store);
  make_foreign_db (f->path,
                   "UPDATE narrative_section SET title = CAST(X'57687980' AS TEXT),"
                   "  body = CAST(X'3C706172613E5765FC' AS TEXT);"
                   "UPDATE person SET name = CAST(X'41C3' AS TEXT);"
                   "UPDATE document SET title = CAST(X'FF56' AS TEXT) WHERE kind = 'vision';");

  workbook = ll_workbook_open (f->path, LL_WORKBOOK_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  narrative = g_list_model_get_item (ll_workbook_get_narratives (workbook), 0);
  section = g_list_model_get_item (ll_narrative_get_sections (narrative), 0);
  person = g_list_model_get_item (ll_workbook_get_people (workbook), 0);
  g_assert_cmpstr (ll_narrative_get_title (narrative), ==, "\xef\xbf\xbdV");
  g_assert_cmpstr (ll_narrative_section_get_title (section), ==, "Why\xef\xbf\xbd");
  g_assert_cmpstr (ll_narrative_section_get_body (section), ==, "<para>We\xef\xbf\xbd");
  g_assert_cmpstr (ll_person_get_name (person), ==, "A\xef\xbf\xbd");
  /* the text's words, not the heading's */
  g_assert_cmpuint (ll_narrative_section_get_word_count (section), ==, 1);
}

static void
test_read_only_old_version_untouched (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlStore) old = ll_store_create_at_version (f->path, 1, &error);
  g_autoptr(LlWorkbook) workbook = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_no_error (error);
  g_clear_object (&old);
  make_foreign_db (f->path, "UPDATE school SET name = 'Old School'");
  before = ll_test_file_checksum (f->path);

  workbook = ll_workbook_open (f->path, LL_WORKBOOK_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ll_school_get_name (ll_workbook_get_school (workbook)), ==, "Old School");
  g_assert_null (ll_workbook_get_backup_path (workbook));
  g_clear_object (&workbook);
  after = ll_test_file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_save_copy (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlWorkbook) workbook = NULL;
  g_autoptr(LlWorkbook) copy = NULL;
  g_autofree char *copy_path = g_build_filename (f->dir, "Copy.llw", NULL);
  struct stat st;

  g_assert_true (ll_sample_generate (f->path, 1, &error));
  workbook = ll_workbook_open (f->path, LL_WORKBOOK_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  ll_school_set_name (ll_workbook_get_school (workbook), "Renamed While Open");

  g_assert_true (ll_workbook_save_copy (workbook, copy_path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (copy_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* the copy is a complete workbook, openable while the original is open */
  copy = ll_workbook_open (copy_path, LL_WORKBOOK_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ll_school_get_name (ll_workbook_get_school (copy)), ==, "Renamed While Open");
  g_assert_cmpuint (g_list_model_get_n_items (ll_workbook_get_people (copy)), ==,
                    g_list_model_get_n_items (ll_workbook_get_people (workbook)));

  /* never over an existing file */
  g_assert_false (ll_workbook_save_copy (workbook, copy_path, &error));
  g_assert_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_EXISTS);
}

/* Every document and person is given a UUID as it is made, which a copy
 * of the workbook keeps; the check calls a row without one a problem. */
static void
test_identities (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlWorkbook) workbook = NULL;
  g_autoptr(LlWorkbook) copy = NULL;
  g_autoptr(LlPerson) person = NULL;
  g_autoptr(LlPerson) copied_person = NULL;
  g_autofree char *copy_path = g_build_filename (f->dir, "Copy.llw", NULL);
  g_autofree char *person_uuid = NULL;
  g_autofree char *document_uuid = NULL;
  g_autofree char *school_uuid = NULL;
  g_autofree char *copied = NULL;
  g_autofree char *report = NULL;
  LlNarrative *narrative;
  gboolean ok = TRUE;

  workbook = ll_workbook_create (f->path, &error);
  g_assert_no_error (error);
  person = ll_workbook_add_person (workbook, "Ada Lovelace", LL_ROLE_TEACHER, &error);
  g_assert_no_error (error);
  g_object_ref (person);
  narrative = ll_workbook_add_narrative (workbook, "Our Vision", &error);
  g_assert_no_error (error);

  person_uuid = ll_workbook_dup_person_uuid (workbook, person, &error);
  g_assert_no_error (error);
  document_uuid = ll_workbook_dup_document_uuid (workbook, ll_narrative_get_id (narrative), &error);
  g_assert_no_error (error);
  school_uuid = ll_workbook_dup_document_uuid (workbook, 1, &error);
  g_assert_no_error (error);
  g_assert_true (g_uuid_string_is_valid (person_uuid));
  g_assert_true (g_uuid_string_is_valid (document_uuid));
  g_assert_true (g_uuid_string_is_valid (school_uuid));
  g_assert_cmpstr (document_uuid, !=, school_uuid);
  g_assert_null (ll_workbook_dup_document_uuid (workbook, 4200, &error));
  g_assert_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_NO_SUCH_DOCUMENT);
  g_clear_error (&error);

  g_assert_true (ll_workbook_save_copy (workbook, copy_path, &error));
  g_assert_no_error (error);
  copy = ll_workbook_open (copy_path, LL_WORKBOOK_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  copied = ll_workbook_dup_document_uuid (copy, ll_narrative_get_id (narrative), &error);
  g_assert_cmpstr (copied, ==, document_uuid);
  g_clear_pointer (&copied, g_free);
  copied_person = g_list_model_get_item (ll_workbook_get_people (copy), 0);
  copied = ll_workbook_dup_person_uuid (copy, copied_person, &error);
  g_assert_cmpstr (copied, ==, person_uuid);
  g_clear_object (&copy);

  make_foreign_db (copy_path, "UPDATE person SET uuid = NULL;");
  report = ll_workbook_check (copy_path, &ok);
  g_assert_false (ok);
  g_assert_nonnull (strstr (report, "without an identity: 1"));
}

typedef struct
{
  LlWorkbook   *workbook;
  GCancellable *cancellable;
  GAsyncResult *result;
  double        last_fraction;
  guint         n_progress;
} CopyRun;

static void
copy_progress (double   fraction,
               gpointer user_data)
{
  CopyRun *run = user_data;
  g_autofree char *name = g_strdup_printf ("Edited During Copy %u", run->n_progress);

  g_assert_cmpfloat (fraction, >=, run->last_fraction);
  g_assert_cmpfloat (fraction, <=, 1.0);
  run->last_fraction = fraction;
  run->n_progress++;
  /* the window goes on saving edits while the copy is written */
  ll_school_set_address (ll_workbook_get_school (run->workbook), name);
}

static void
copy_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  CopyRun *run = user_data;

  run->result = g_object_ref (result);
}

static void
run_copy (CopyRun    *run,
          const char *path)
{
  ll_workbook_save_copy_async (run->workbook, path, copy_progress, run, run->cancellable,
                               copy_done, run);
  while (run->result == NULL)
    g_main_context_iteration (NULL, TRUE);
}

/* Save a Copy of a large workbook runs in a worker, with progress, while
 * edits go on; cancelling it leaves no file. */
static void
test_save_copy_async (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlWorkbook) workbook = NULL;
  g_autoptr(LlWorkbook) copy = NULL;
  g_autofree char *copy_path = g_build_filename (f->dir, "Copy.llw", NULL);
  g_autofree char *stopped_path = g_build_filename (f->dir, "Stopped.llw", NULL);
  g_autofree char *check = NULL;
  CopyRun run = { 0 };
  gboolean ok = FALSE;

  g_assert_true (ll_sample_generate (f->path, 40, &error));
  workbook = ll_workbook_open (f->path, LL_WORKBOOK_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  ll_school_set_name (ll_workbook_get_school (workbook), "Copied School");

  run.workbook = workbook;
  run_copy (&run, copy_path);
  g_assert_true (ll_workbook_save_copy_finish (workbook, run.result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (run.n_progress, >=, 1);
  g_assert_cmpfloat (run.last_fraction, ==, 1.0);
  check = ll_workbook_check (copy_path, &ok);
  g_assert_true (ok);
  copy = ll_workbook_open (copy_path, LL_WORKBOOK_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ll_school_get_name (ll_workbook_get_school (copy)), ==, "Copied School");
  g_assert_cmpuint (g_list_model_get_n_items (ll_workbook_get_people (copy)), ==,
                    g_list_model_get_n_items (ll_workbook_get_people (workbook)));
  g_clear_object (&run.result);

  /* stopped: an error that says so, and no file */
  run = (CopyRun) { .workbook = workbook, .cancellable = g_cancellable_new () };
  g_cancellable_cancel (run.cancellable);
  run_copy (&run, stopped_path);
  g_assert_false (ll_workbook_save_copy_finish (workbook, run.result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (stopped_path, G_FILE_TEST_EXISTS));
  g_clear_object (&run.result);
  g_clear_object (&run.cancellable);
}

static void
test_sample (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlWorkbook) workbook = NULL;
  g_autoptr(LlDoc) doc = NULL;
  g_autofree char *scaled = g_build_filename (f->dir, "Scaled.llw", NULL);
  guint n_small;

  g_assert_true (ll_sample_generate (f->path, 1, &error));
  g_assert_no_error (error);
  /* never over an existing file */
  g_assert_false (ll_sample_generate (f->path, 1, &error));
  g_assert_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_EXISTS);
  g_clear_error (&error);

  workbook = ll_workbook_open (f->path, LL_WORKBOOK_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ll_school_get_name (ll_workbook_get_school (workbook)), ==,
                   "Ashcombe Vale Primary School");
  n_small = g_list_model_get_n_items (ll_workbook_get_people (workbook));
  g_assert_cmpuint (n_small, >=, 15);

  doc = ll_workbook_build_doc (workbook, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (doc->kind, ==, "school");
  g_assert_cmpstr (doc->author, ==, "Helen Marsh");
  g_assert_cmpstr (doc->subtitle, ==, "Ashcombe Vale Primary School");
  g_clear_object (&workbook);

  g_assert_true (ll_sample_generate (scaled, 10, &error));
  workbook = ll_workbook_open (scaled, LL_WORKBOOK_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (ll_workbook_get_people (workbook)), ==, n_small * 10);
}

static void
test_documents (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlWorkbook) workbook = ll_workbook_create (f->path, &error);
  g_autoptr(LlDocumentInfo) info = NULL;
  g_autoptr(LlDoc) doc = NULL;
  GListModel *docs = ll_workbook_get_documents (workbook);

  g_assert_cmpuint (g_list_model_get_n_items (docs), ==, 1);
  info = g_list_model_get_item (docs, 0);
  g_assert_cmpstr (ll_document_info_get_kind (info), ==, "school");
  g_assert_cmpstr (ll_document_info_get_title (info), ==, "School profile");
  ll_school_set_name (ll_workbook_get_school (workbook), "Brook Lane");
  g_assert_cmpstr (ll_document_info_get_title (info), ==, "School profile: Brook Lane");

  doc = ll_workbook_build_doc (workbook, 99, &error);
  g_assert_null (doc);
  g_assert_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_NO_SUCH_DOCUMENT);
}

static void
test_check (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gboolean ok = FALSE;

  g_assert_true (ll_sample_generate (f->path, 1, &error));
  before = ll_test_file_checksum (f->path);
  report = ll_workbook_check (f->path, &ok);
  g_assert_true (ok);
  g_assert_nonnull (strstr (report, "no problems found"));
  after = ll_test_file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
  g_clear_pointer (&report, g_free);

  /* a role this version does not know */
  make_foreign_db (f->path, "UPDATE person SET role = 'wizard' WHERE id = 1");
  report = ll_workbook_check (f->path, &ok);
  g_assert_false (ok);
  g_assert_nonnull (strstr (report, "unknown role: 1"));
  g_clear_pointer (&report, g_free);

  write_bytes (f->path, "junk", -1);
  report = ll_workbook_check (f->path, &ok);
  g_assert_false (ok);
  g_assert_nonnull (strstr (report, "not a Leading Learning workbook"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(name, func) \
  g_test_add ("/store/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("create-and-reopen", test_create_and_reopen);
  ADD ("edits-committed-at-once", test_edits_committed_at_once);
  ADD ("add-person-needs-name", test_add_person_needs_name);
  ADD ("create-refuses-existing", test_create_refuses_existing);
  ADD ("documents", test_documents);
  ADD ("sample", test_sample);
  ADD ("save-copy", test_save_copy);
  ADD ("save-copy-async", test_save_copy_async);
  ADD ("identities", test_identities);
  ADD ("check", test_check);
  ADD ("migration-makes-backup", test_migration_makes_backup);
  ADD ("bad-file/missing", test_missing_file);
  ADD ("bad-file/random-bytes", test_random_bytes);
  ADD ("bad-file/empty-and-text", test_empty_and_text_files);
  ADD ("bad-file/truncated", test_truncated);
  ADD ("bad-file/corrupt-pages", test_corrupt_pages);
  ADD ("bad-file/foreign-sqlite", test_foreign_sqlite);
  ADD ("bad-file/newer-version", test_newer_version);
  ADD ("bad-file/in-use", test_in_use);
  ADD ("bad-file/read-only", test_read_only_file);
  ADD ("bad-file/read-only-old-version", test_read_only_old_version_untouched);
  ADD ("bad-file/read-only-folder", test_read_only_folder);
  ADD ("bad-file/not-regular", test_not_a_regular_file);
  ADD ("bad-file/log-foreign", test_log_foreign);
  ADD ("bad-file/log-damaged", test_log_damaged);
  ADD ("bad-file/damage-found-before-writing", test_damage_found_before_writing);
  ADD ("log-after-crash", test_log_after_crash);
  ADD ("bad-file/upgrade-refused", test_upgrade_refused);
  ADD ("bad-file/invalid-utf8", test_invalid_utf8);
  ADD ("bad-file/schema-incomplete", test_schema_incomplete);
  ADD ("setter-failure-is-reported", test_setter_failure_is_reported);
#undef ADD
  g_test_add_func ("/store/bad-file/read-only/unprivileged", test_read_only_unprivileged);
  g_test_add_func ("/store/bad-file/read-only-folder/unprivileged", test_read_only_folder_unprivileged);
  g_test_add_func ("/store/bad-file/not-regular/child", test_not_a_regular_file_child);

  return g_test_run ();
}
