/* ll-docbook-write-media.c: DocBook files, with their images beside them
 *
 * "report.xml" keeps its images in "report-images/". The images are
 * written first, into a new hidden folder, which then takes the place of
 * any earlier one; the XML comes last, atomically. When anything fails,
 * what was there before is put back, so that no half-written document,
 * nor a document whose images are missing, is ever left behind.
 */
#define G_LOG_DOMAIN "ll-docbook"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "ll-docbook-private.h"

void
ll_docbook_media_free (LlDocBookMedia *media)
{
  if (media == NULL)
    return;
  g_free (media->name);
  g_clear_pointer (&media->bytes, g_bytes_unref);
  g_free (media);
}


/* Replaces @path by @xml atomically (a temporary file, then a rename), so
 * that a reader never sees half a document. The file is readable by its
 * owner only: it holds the same personal data as the workbook. */
gboolean
ll_docbook_write_contents (const char  *path,
                           const char  *xml,
                           gsize        length,
                           GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_file_set_contents_full (path, xml, (gssize) length,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local_error))
    {
      ll_docbook_set_write_error (error, path, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/**
 * ll_docbook_write_file:
 * Writes @doc to @path as DocBook 5, replacing the file atomically, with
 * its images in a folder beside it ("report.xml", "report-images/1.png").
 */
gboolean
ll_docbook_write_file (const LlDoc  *doc,
                       const char   *path,
                       GError      **error)
{
  g_autofree char *xml = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(GPtrArray) media = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, FALSE);

  folder = ll_docbook_media_folder_name (path);
  xml = ll_docbook_write_string_with_media (doc, folder, &media, &length, error);
  if (xml == NULL)
    return FALSE;
  return ll_docbook_write_with_media (path, xml, length, media, error);
}


char *
ll_docbook_media_folder_name (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  gsize len = strlen (base);

  if (len > 4 && g_ascii_strcasecmp (base + len - 4, ".xml") == 0)
    base[len - 4] = '\0';
  return g_strconcat (base, "-images", NULL);
}

/* Removes a folder that this module made, and the files in it. */
static void
remove_folder (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_folder (child);
          else
            g_unlink (child);
        }
      g_dir_close (dir);
    }
  g_rmdir (path);
}

static gboolean
fail_errno (GError     **error,
            const char  *path,
            int          saved_errno)
{
  ll_docbook_set_write_error (error, path, g_strerror (saved_errno));
  return FALSE;
}

/* A new empty hidden folder beside @final, readable by its owner only. */
static char *
make_hidden_folder (const char *dir,
                    const char *folder,
                    const char *purpose)
{
  g_autofree char *name = g_strdup_printf (".%s.%s-XXXXXX", folder, purpose);
  char *path = g_build_filename (dir, name, NULL);

  if (g_mkdtemp_full (path, 0700) == NULL)
    {
      g_free (path);
      return NULL;
    }
  return path;
}

static gboolean
write_media_files (const char  *folder_path,
                   GPtrArray   *media,
                   const char  *path,
                   GError     **error)
{
  for (guint i = 0; i < media->len; i++)
    {
      const LlDocBookMedia *file = g_ptr_array_index (media, i);
      g_autofree char *base = g_path_get_basename (file->name);
      g_autofree char *target = g_build_filename (folder_path, base, NULL);
      g_autoptr(GError) local_error = NULL;
      gsize length = 0;
      const char *data = g_bytes_get_data (file->bytes, &length);

      if (!g_file_set_contents_full (target, data, (gssize) length,
                                     G_FILE_SET_CONTENTS_NONE, 0600, &local_error))
        {
          ll_docbook_set_write_error (error, path, local_error->message);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
ll_docbook_write_with_media (const char  *path,
                             const char  *xml,
                             gsize        length,
                             GPtrArray   *media,
                             GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *final = NULL;
  g_autofree char *fresh = NULL;
  g_autofree char *old = NULL;
  GStatBuf st;

  if (media == NULL || media->len == 0)
    return ll_docbook_write_contents (path, xml, length, error);

  dir = g_path_get_dirname (path);
  folder = ll_docbook_media_folder_name (path);
  final = g_build_filename (dir, folder, NULL);

  fresh = make_hidden_folder (dir, folder, "new");
  if (fresh == NULL)
    return fail_errno (error, path, errno);
  if (!write_media_files (fresh, media, path, error))
    {
      remove_folder (fresh);
      return FALSE;
    }

  /* an earlier export's folder steps aside, to come back on failure */
  if (g_lstat (final, &st) == 0)
    {
      if (!S_ISDIR (st.st_mode))
        {
          g_autofree char *name = g_filename_display_name (folder);
          g_autofree char *detail = g_strdup_printf (_("“%s” is in the way of the folder for its images"),
                                                     name);

          remove_folder (fresh);
          ll_docbook_set_write_error (error, path, detail);
          return FALSE;
        }
      old = make_hidden_folder (dir, folder, "old");
      if (old == NULL || g_rename (final, old) != 0)
        {
          int saved_errno = errno;

          if (old != NULL)
            g_rmdir (old);
          remove_folder (fresh);
          return fail_errno (error, path, saved_errno);
        }
    }
  if (g_rename (fresh, final) != 0)
    {
      int saved_errno = errno;

      remove_folder (fresh);
      if (old != NULL)
        g_rename (old, final);
      return fail_errno (error, path, saved_errno);
    }

  if (!ll_docbook_write_contents (path, xml, length, error))
    {
      remove_folder (final);
      if (old != NULL)
        g_rename (old, final);
      return FALSE;
    }
  if (old != NULL)
    remove_folder (old);
  return TRUE;
}
