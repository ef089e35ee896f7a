/* ll-docbook-read-media.c: images and figures from DocBook
 *
 * Read only with LL_DOCBOOK_READ_IMAGES. A <mediaobject> becomes an image
 * with its description (<textobject> or <alt>), the file name and width of
 * its best <imagedata> (a PNG or a JPEG before anything else), and a
 * <figure> becomes a figure with its title as the caption.
 *
 * A DocBook file names its images by fileref, which may point anywhere:
 * at /etc/passwd, at a file one folder up, at a device or through a
 * symbolic link. The reader never opens one unless the caller passes a
 * folder it trusts, and then only a regular file inside that folder,
 * within a size limit, that starts as a PNG or a JPEG does.
 */
#define G_LOG_DOMAIN "ll-docbook"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ll-docbook-reader-private.h"

/* Larger than any photograph of evidence needs to be */
#define MAX_IMAGE_SIZE ((gsize) 16 * 1024 * 1024)

static const char *
mime_from_format (const char *format,
                  const char *fileref)
{
  if (format != NULL)
    {
      if (g_ascii_strcasecmp (format, "PNG") == 0)
        return "image/png";
      if (g_ascii_strcasecmp (format, "JPEG") == 0 || g_ascii_strcasecmp (format, "JPG") == 0)
        return "image/jpeg";
    }
  /* the writer leaves out a format it does not know: the name decides
   * then, as it will when what is written is read back */
  if (fileref != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (fileref, -1);

      if (g_str_has_suffix (lower, ".png"))
        return "image/png";
      if (g_str_has_suffix (lower, ".jpg") || g_str_has_suffix (lower, ".jpeg"))
        return "image/jpeg";
    }
  return NULL;
}

static const char *
imagedata_mime (xmlNodePtr imagedata)
{
  g_autofree char *format = ll_docbook_get_prop (imagedata, "format", NULL);
  g_autofree char *fileref = ll_docbook_get_prop (imagedata, "fileref", NULL);

  return mime_from_format (format, fileref);
}

static xmlNodePtr
find_named (xmlNodePtr  parent,
            const char *name)
{
  for (xmlNodePtr child = parent->children; child != NULL; child = child->next)
    if (ll_docbook_is_named (child, name))
      return child;
  return NULL;
}

void
ll_docbook_read_mediaobject (Reader     *rd,
                             xmlNodePtr  node,
                             LlDocNode  *target,
                             guint       depth)
{
  xmlNodePtr chosen = NULL;
  g_autofree char *alt = NULL;
  g_autofree char *format = NULL;
  g_autofree char *width = NULL;
  LlDocImage *image;
  LlDocNode *image_node;

  if (!ll_docbook_reader_ok (rd, depth))
    return;

  for (xmlNodePtr child = node->children; child != NULL && rd->error == NULL; child = child->next)
    {
      if (ll_docbook_is_named (child, "imageobject"))
        {
          xmlNodePtr imagedata = find_named (child, "imagedata");

          /* the first image, unless a later one is one we can print */
          if (imagedata != NULL
              && (chosen == NULL
                  || (imagedata_mime (chosen) == NULL && imagedata_mime (imagedata) != NULL)))
            chosen = imagedata;
        }
      else if ((ll_docbook_is_named (child, "textobject") || ll_docbook_is_named (child, "alt"))
               && alt == NULL)
        alt = ll_docbook_read_line (rd, child, depth + 1);
    }
  if (rd->error != NULL)
    return;

  image = g_new0 (LlDocImage, 1);
  image->alt = alt != NULL ? g_steal_pointer (&alt) : g_strdup ("");
  if (chosen != NULL)
    {
      image->fileref = ll_docbook_get_prop (chosen, "fileref", NULL);
      format = ll_docbook_get_prop (chosen, "format", NULL);
      image->mime_type = g_strdup (mime_from_format (format, image->fileref));
      width = ll_docbook_get_prop (chosen, "contentwidth", NULL);
      if (width == NULL)
        width = ll_docbook_get_prop (chosen, "width", NULL);
      image->width = ll_docbook_parse_width (width);
    }
  if (image->fileref == NULL)
    rd->images++;   /* no picture, at most its description */
  else if (rd->image_folder != NULL)
    {
      image->bytes = ll_docbook_load_image (rd->image_folder, image->fileref);
      if (image->bytes == NULL)
        rd->unloaded++;
    }

  image_node = ll_doc_node_new (LL_DOC_IMAGE);
  image_node->image = image;
  ll_doc_node_append (target, image_node);
}

void
ll_docbook_read_figure (Reader     *rd,
                        xmlNodePtr  node,
                        LlDocNode  *target,
                        guint       depth)
{
  LlDocNode *figure = NULL;

  if (ll_docbook_is_named (node, "figure"))
    {
      figure = ll_doc_node_append (target, ll_doc_node_new (LL_DOC_FIGURE));
      figure->title = ll_docbook_read_title (rd, node, depth);
    }
  /* the figure holds its first image; what else it holds follows it */
  for (xmlNodePtr child = node->children; child != NULL && rd->error == NULL; child = child->next)
    {
      if (figure != NULL && figure->children->len == 0
          && ll_docbook_is_named (child, "mediaobject"))
        ll_docbook_read_mediaobject (rd, child, figure, depth + 1);
      else
        ll_docbook_read_block_node (rd, child, target, depth + 1);
    }
}

/* Loading -------------------------------------------------------------- */

/* @fileref as a relative path with no way out of its folder, or NULL */
static char *
relative_path (const char *fileref)
{
  g_autofree char *path = NULL;
  g_auto(GStrv) parts = NULL;

  /* a URI with a scheme (file:, http:, ...) is never followed */
  if (fileref == NULL || fileref[0] == '\0' || g_uri_peek_scheme (fileref) != NULL)
    return NULL;
  path = g_uri_unescape_string (fileref, NULL);
  if (path == NULL || path[0] == '\0' || g_path_is_absolute (path) || strchr (path, '\\') != NULL)
    return NULL;
  parts = g_strsplit (path, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (strcmp (parts[i], "..") == 0)
      return NULL;
  return g_steal_pointer (&path);
}

GBytes *
ll_docbook_load_image (const char *folder,
                       const char *fileref)
{
  g_autofree char *relative = relative_path (fileref);
  g_autofree char *joined = NULL;
  g_autofree char *real_folder = NULL;
  g_autofree char *real_file = NULL;
  g_autofree guint8 *data = NULL;
  GStatBuf st;
  gsize size;
  gsize done = 0;
  int fd;

  if (relative == NULL || folder == NULL)
    return NULL;
  joined = g_build_filename (folder, relative, NULL);

  /* inside the folder once every link is resolved */
  real_folder = realpath (folder, NULL);
  real_file = realpath (joined, NULL);
  if (real_folder == NULL || real_file == NULL
      || !g_str_has_prefix (real_file, real_folder)
      || (real_file[strlen (real_folder)] != '/' && strcmp (real_folder, "/") != 0))
    return NULL;

  /* a regular file, which never blocks (no FIFO, no device) */
  fd = g_open (real_file, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0);
  if (fd < 0)
    return NULL;
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size <= 0
      || (guint64) st.st_size > MAX_IMAGE_SIZE)
    {
      close (fd);
      return NULL;
    }
  size = (gsize) st.st_size;
  data = g_malloc (size);
  while (done < size)
    {
      ssize_t n = read (fd, data + done, size - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      done += (gsize) n;
    }
  close (fd);
  if (done != size || !ll_doc_image_sniff (data, size, NULL, NULL, NULL))
    return NULL;
  return g_bytes_new_take (g_steal_pointer (&data), size);
}
