/* ll-test-util.c: helpers shared by the tests */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "ll-test-util.h"

char *
ll_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("ll-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
ll_test_rm_rf (const char *path)
{
  GDir *dir;
  const char *name;

  if (path == NULL)
    return;
  dir = g_dir_open (path, 0, NULL);
  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            ll_test_rm_rf (child);
          else
            {
              g_chmod (child, 0600);
              g_unlink (child);
            }
        }
      g_dir_close (dir);
      g_chmod (path, 0700);
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

char *
ll_test_data_path (const char *name)
{
  const char *dir = g_getenv ("LL_TEST_DATA");

  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

int
ll_test_spawn (const char * const  *argv,
               char               **out,
               char               **err)
{
  g_autoptr(GError) error = NULL;
  int status = -1;

  /* callers reuse their buffers from one run to the next */
  if (out != NULL)
    g_clear_pointer (out, g_free);
  if (err != NULL)
    g_clear_pointer (err, g_free);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                out, err, &status, &error);
  g_assert_no_error (error);
  if (WIFEXITED (status))
    return WEXITSTATUS (status);
  return -1;
}

void
ll_test_assert_valid_against (const char *path,
                              const char *rng)
{
  const char *jar = g_getenv ("LL_JING_JAR");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  if (jar == NULL)
    g_error ("LL_JING_JAR must be set (install jing)");
  {
    const char *argv[] = { "java", "-jar", jar, rng, path, NULL };

    status = ll_test_spawn (argv, &out, &err);
  }
  if (status != 0)
    {
      g_autofree char *xml = NULL;

      g_file_get_contents (path, &xml, NULL, NULL);
      g_printerr ("jing rejected %s:\n%s%s\n--- document ---\n%s\n", path, out, err, xml);
    }
  g_assert_cmpint (status, ==, 0);
}

void
ll_test_assert_docbook_valid (const char *path)
{
  const char *rng = g_getenv ("LL_DOCBOOK_RNG");

  if (rng == NULL)
    g_error ("LL_DOCBOOK_RNG must be set (install docbook5-xml)");
  ll_test_assert_valid_against (path, rng);
}

char *
ll_test_pdf_text (const char *pdf_path)
{
  const char *argv[] = { "pdftotext", "-layout", pdf_path, "-", NULL };
  char *out = NULL;

  g_assert_cmpint (ll_test_spawn (argv, &out, NULL), ==, 0);
  return out;
}

int
ll_test_pdf_pages (const char *pdf_path)
{
  const char *argv[] = { "pdfinfo", pdf_path, NULL };
  g_autofree char *out = NULL;
  const char *line;

  g_assert_cmpint (ll_test_spawn (argv, &out, NULL), ==, 0);
  line = strstr (out, "Pages:");
  g_assert_nonnull (line);
  return atoi (line + strlen ("Pages:"));
}

char *
ll_test_file_checksum (const char *path)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
}
