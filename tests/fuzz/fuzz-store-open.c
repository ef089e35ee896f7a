/* fuzz-store-open.c: any bytes as a workbook file
 *
 * The bytes are written to a file of their own and opened twice: read-only
 * through ll_workbook_open(), which loads the whole model, and for writing
 * through ll_store_open(). Neither may crash. Read-only, the file must keep
 * every byte whatever it holds; for writing, a file that is refused must
 * too. Neither may leave other files beside it.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ll-error.h"
#include "ll-store.h"
#include "ll-workbook.h"

#include "fuzz-common.h"

static char *dir;
static char *path;

static void
remove_dir (void)
{
  const char *name;
  GDir *d = g_dir_open (dir, 0, NULL);

  if (d != NULL)
    {
      while ((name = g_dir_read_name (d)) != NULL)
        {
          g_autofree char *file = g_build_filename (dir, name, NULL);

          g_unlink (file);
        }
      g_dir_close (d);
    }
  g_rmdir (dir);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;

  fuzz_init ();
  dir = g_dir_make_tmp ("ll-fuzz-store-XXXXXX", &error);
  if (dir == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      exit (1);
    }
  path = g_build_filename (dir, "fuzz.llw", NULL);
  atexit (remove_dir);
  return 0;
}

static void
write_input (const uint8_t *data,
             size_t         size)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  size_t done = 0;

  if (fd < 0)
    fuzz_fail ("the input could not be written", g_strerror (errno), NULL);
  while (done < size)
    {
      ssize_t n = write (fd, data + done, size - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        fuzz_fail ("the input could not be written", g_strerror (errno), NULL);
      done += (size_t) n;
    }
  close (fd);
}

/* The file holds exactly the input and nothing else is in the folder. */
static void
check_untouched (const uint8_t *data,
                 size_t         size,
                 const char    *when,
                 const GError  *error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  const char *name;
  GDir *d;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    fuzz_fail ("the file went away", when, NULL);
  if (length != size || memcmp (contents, data, size) != 0)
    fuzz_fail ("the file was changed", when, error != NULL ? error->message : NULL);
  d = g_dir_open (dir, 0, NULL);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (strcmp (name, "fuzz.llw") != 0)
      {
        g_autofree char *detail = g_strdup_printf ("%s (%s)", name,
                                                   error != NULL ? error->message : "");

        fuzz_fail ("a file was left beside the workbook", when, detail);
      }
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
  char *backup = NULL;

  write_input (data, size);

  workbook = ll_workbook_open (path, LL_WORKBOOK_OPEN_READ_ONLY, &error);
  if (workbook != NULL)
    {
      ll_workbook_close (workbook);
      g_object_unref (workbook);
    }
  else
    check_error (error, "read-only");
  check_untouched (data, size, "opened read-only", error);
  g_clear_error (&error);

  store = ll_store_open (path, FALSE, &backup, &error);
  if (store != NULL)
    {
      /* ours and of a known version: it may have been upgraded, with a
       * backup beside it */
      ll_store_close (store);
      g_object_unref (store);
      g_free (backup);
    }
  else
    {
      check_error (error, "for writing");
      if (backup != NULL)
        fuzz_fail ("a failed open gave a backup path", backup, NULL);
      check_untouched (data, size, "refused for writing", error);
    }

  /* start the next input from an empty folder */
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
  return 0;
}
