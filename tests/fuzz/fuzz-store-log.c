/* fuzz-store-log.c: any bytes as the write-ahead log beside a workbook
 *
 * A sound workbook is written afresh for each input, with the input beside
 * it as its log, as a crash, a damaged disk or a copied file can leave
 * one. It is opened read-only through ll_workbook_open(), and for writing
 * through ll_store_open(). Neither may crash. Read-only, neither the
 * workbook nor the log may change, and nothing may be made beside them;
 * for writing, a refusal must leave both as they were, with at most a
 * copy of the log beside them.
 *
 * With LL_FUZZ_MAKE_SEEDS=DIR, it writes logs of that workbook with a few
 * changes into DIR instead, to start the fuzzer from.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ll-error.h"
#include "ll-store.h"
#include "ll-workbook.h"

#include "fuzz-common.h"

static char *dir;
static char *path;
static char *wal;
static char *base;
static gsize base_size;

static void
empty_dir (void)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);

      g_unlink (file);
    }
  if (d != NULL)
    g_dir_close (d);
}

static void
remove_dir (void)
{
  empty_dir ();
  g_rmdir (dir);
}

static void
write_file (const char *file,
            const void *data,
            size_t      size)
{
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (file, data, size, &error))
    fuzz_fail ("a file could not be written", error->message, NULL);
}

/* The same workbook every time, identity included, so that logs written
 * for it in one run still fit it in the next. */
static void
make_base (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlStore) store = ll_store_create (path, &error);
  sqlite3 *db = NULL;

  if (store == NULL)
    fuzz_fail ("the workbook could not be made", error->message, NULL);
  ll_store_close (store);
  if (sqlite3_open (path, &db) != SQLITE_OK
      || sqlite3_exec (db, "UPDATE meta SET value = 'fuzz' WHERE key = 'workbook-id'",
                       NULL, NULL, NULL) != SQLITE_OK)
    fuzz_fail ("the workbook could not be made", sqlite3_errmsg (db), NULL);
  sqlite3_close (db);
  if (!g_file_get_contents (path, &base, &base_size, &error))
    fuzz_fail ("the workbook could not be read", error->message, NULL);
}

static void
make_seeds (const char *out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlStore) store = NULL;

  g_mkdir_with_parents (out, 0700);
  write_file (path, base, base_size);
  store = ll_store_open (path, FALSE, NULL, &error);
  if (store == NULL)
    fuzz_fail ("the workbook could not be opened", error->message, NULL);
  for (int i = 1; i <= 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("School %d", i);
      g_autofree char *seed = g_strdup_printf ("%s/log-%d", out, i);
      g_autofree char *contents = NULL;
      gsize size = 0;

      ll_store_set_school_field (store, "name", name, &error);
      ll_store_insert_person (store, name, "teacher", &error);
      if (error != NULL || !g_file_get_contents (wal, &contents, &size, &error))
        fuzz_fail ("a seed could not be made", error->message, NULL);
      write_file (seed, contents, size);
    }
  ll_store_close (store);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  const char *seeds = g_getenv ("LL_FUZZ_MAKE_SEEDS");

  fuzz_init ();
  dir = g_dir_make_tmp ("ll-fuzz-log-XXXXXX", &error);
  if (dir == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      exit (1);
    }
  path = g_build_filename (dir, "fuzz.llw", NULL);
  wal = g_strconcat (path, "-wal", NULL);
  atexit (remove_dir);
  make_base ();
  if (seeds != NULL)
    {
      make_seeds (seeds);
      exit (0);
    }
  return 0;
}

static gboolean
same (const char *file,
      const void *data,
      size_t      size)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  return g_file_get_contents (file, &contents, &length, NULL)
         && length == size && memcmp (contents, data, size) == 0;
}

/* The workbook and its log are as they were; besides them, the folder
 * holds at most a kept copy of the log when @copy_allowed. */
static void
check_untouched (const uint8_t *data,
                 size_t         size,
                 gboolean       copy_allowed,
                 const char    *when,
                 const GError  *error)
{
  const char *message = error != NULL ? error->message : NULL;
  const char *name;
  GDir *d;

  if (!same (path, base, base_size))
    fuzz_fail ("the workbook was changed", when, message);
  if (!same (wal, data, size))
    fuzz_fail ("the log was changed", when, message);
  d = g_dir_open (dir, 0, NULL);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (strcmp (name, "fuzz.llw") != 0 && strcmp (name, "fuzz.llw-wal") != 0
        && !(copy_allowed && strstr (name, "(recent changes, not used") != NULL))
      fuzz_fail ("a file was left beside the workbook", when, name);
  if (d != NULL)
    g_dir_close (d);
}

static void
check_error (const GError *error,
             const char   *when)
{
  if (error == NULL || error->domain != LL_WORKBOOK_ERROR || error->message[0] == '\0')
    fuzz_fail ("opening failed without a workbook error", when, NULL);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  LlWorkbook *workbook;
  LlStore *store;

  empty_dir ();
  write_file (path, base, base_size);
  write_file (wal, data, size);

  workbook = ll_workbook_open (path, LL_WORKBOOK_OPEN_READ_ONLY, &error);
  if (workbook != NULL)
    {
      ll_workbook_close (workbook);
      g_object_unref (workbook);
    }
  else
    check_error (error, "read-only");
  check_untouched (data, size, FALSE, "opened read-only", error);
  g_clear_error (&error);

  store = ll_store_open (path, FALSE, NULL, &error);
  if (store != NULL)
    {
      ll_store_close (store);
      g_object_unref (store);
    }
  else
    {
      check_error (error, "for writing");
      check_untouched (data, size, TRUE, "refused for writing", error);
    }
  return 0;
}
