/* ll-doc-image.c: images and figures in the neutral document tree
 *
 * An image is kept as the bytes of its file. Only PNG and JPEG are
 * accepted: both print with GdkPixbuf on every system we run on, and both
 * are recognised here by their signature, with their pixel size read from
 * the header, so that nothing outside the print module ever decodes one.
 */
#define G_LOG_DOMAIN "ll-doc"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "ll-doc.h"

/* The dots per inch at which an image prints when no width is given */
#define DEFAULT_DPI 150.0

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static guint
read_be16 (const guint8 *p)
{
  return ((guint) p[0] << 8) | p[1];
}

static gboolean
sniff_png (const guint8 *data,
           gsize         length,
           guint        *width,
           guint        *height)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  guint32 w, h;

  /* the signature, then the IHDR chunk: length, type, width, height */
  if (length < 24 || memcmp (data, signature, sizeof signature) != 0
      || memcmp (data + 12, "IHDR", 4) != 0)
    return FALSE;
  w = read_be32 (data + 16);
  h = read_be32 (data + 20);
  if (w == 0 || h == 0 || w > G_MAXINT32 || h > G_MAXINT32)
    return FALSE;
  *width = w;
  *height = h;
  return TRUE;
}

static gboolean
is_jpeg_frame (guint8 marker)
{
  /* SOF0-3, 5-7, 9-11, 13-15: the frame header with the size. C4 (DHT),
   * C8 (JPG) and CC (DAC) share the range but are not frames. */
  return marker >= 0xc0 && marker <= 0xcf
         && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
}

static gboolean
sniff_jpeg (const guint8 *data,
            gsize         length,
            guint        *width,
            guint        *height)
{
  gsize pos = 2;

  if (length < 4 || data[0] != 0xff || data[1] != 0xd8 || data[2] != 0xff)
    return FALSE;
  /* walk the segments up to the frame header, every read checked */
  while (pos + 4 <= length)
    {
      guint8 marker;
      guint seg_len;

      if (data[pos] != 0xff)
        return FALSE;
      marker = data[pos + 1];
      if (marker == 0xff)
        {
          pos++;   /* fill byte */
          continue;
        }
      if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7))
        {
          pos += 2;   /* markers with no segment */
          continue;
        }
      if (marker == 0xd9 || marker == 0xda)
        return FALSE;   /* end of image or of the headers, and no frame */
      seg_len = read_be16 (data + pos + 2);
      if (seg_len < 2 || pos + 2 + seg_len > length)
        return FALSE;
      if (is_jpeg_frame (marker))
        {
          guint w, h;

          if (seg_len < 7)
            return FALSE;
          h = read_be16 (data + pos + 5);
          w = read_be16 (data + pos + 7);
          if (w == 0 || h == 0)
            return FALSE;
          *width = w;
          *height = h;
          return TRUE;
        }
      pos += 2 + seg_len;
    }
  return FALSE;
}

/**
 * ll_doc_image_sniff:
 * Whether @data is a PNG or a JPEG file, judged by its signature and
 * header only; sets @mime_type and the pixel size when it is.
 */
gboolean
ll_doc_image_sniff (const guint8  *data,
                    gsize          length,
                    const char   **mime_type,
                    guint         *pixel_width,
                    guint         *pixel_height)
{
  guint w = 0, h = 0;
  const char *type;

  if (data == NULL)
    return FALSE;
  if (sniff_png (data, length, &w, &h))
    type = "image/png";
  else if (sniff_jpeg (data, length, &w, &h))
    type = "image/jpeg";
  else
    return FALSE;
  if (mime_type != NULL)
    *mime_type = type;
  if (pixel_width != NULL)
    *pixel_width = w;
  if (pixel_height != NULL)
    *pixel_height = h;
  return TRUE;
}

LlDocImage *
ll_doc_image_copy (const LlDocImage *image)
{
  LlDocImage *copy = g_new0 (LlDocImage, 1);

  copy->bytes = image->bytes != NULL ? g_bytes_ref (image->bytes) : NULL;
  copy->mime_type = g_strdup (image->mime_type);
  copy->fileref = g_strdup (image->fileref);
  copy->pixel_width = image->pixel_width;
  copy->pixel_height = image->pixel_height;
  copy->width = image->width;
  copy->alt = g_strdup (image->alt);
  return copy;
}

void
ll_doc_image_free (LlDocImage *image)
{
  if (image == NULL)
    return;
  g_clear_pointer (&image->bytes, g_bytes_unref);
  g_free (image->mime_type);
  g_free (image->fileref);
  g_free (image->alt);
  g_free (image);
}

/**
 * ll_doc_image_print_width:
 * The width of @image in points on a text @text_width wide: its own width
 * if it has one, or its pixel width at 150 dpi, never wider than the text.
 */
double
ll_doc_image_print_width (const LlDocImage *image,
                          double            text_width)
{
  double width = image->width;

  if (width <= 0)
    width = image->pixel_width * 72.0 / DEFAULT_DPI;
  if (width <= 0 || width > text_width)
    width = text_width;
  return width;
}

/**
 * ll_doc_node_new_image:
 * A new LL_DOC_IMAGE holding @bytes (referenced), which must be a PNG or a
 * JPEG file, with @alt as its text for screen readers.
 */
LlDocNode *
ll_doc_node_new_image (GBytes      *bytes,
                       const char  *alt,
                       GError     **error)
{
  const char *mime_type = NULL;
  guint width = 0, height = 0;
  gsize length = 0;
  const guint8 *data;
  LlDocNode *node;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  if (!ll_doc_image_sniff (data, length, &mime_type, &width, &height))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("This picture is not a PNG or JPEG image, so it "
                             "cannot be put in a document."));
      return NULL;
    }

  node = ll_doc_node_new (LL_DOC_IMAGE);
  node->image = g_new0 (LlDocImage, 1);
  node->image->bytes = g_bytes_ref (bytes);
  node->image->mime_type = g_strdup (mime_type);
  node->image->pixel_width = width;
  node->image->pixel_height = height;
  node->image->alt = g_strdup (alt != NULL ? alt : "");
  return node;
}

LlDocNode *
ll_doc_add_image (LlDocNode   *parent,
                  GBytes      *bytes,
                  const char  *alt,
                  GError     **error)
{
  LlDocNode *image;

  g_return_val_if_fail (parent != NULL, NULL);

  image = ll_doc_node_new_image (bytes, alt, error);
  if (image == NULL)
    return NULL;
  return ll_doc_node_append (parent, image);
}

LlDocNode *
ll_doc_add_figure (LlDocNode   *parent,
                   const char  *caption,
                   GBytes      *bytes,
                   const char  *alt,
                   GError     **error)
{
  LlDocNode *image;
  LlDocNode *figure;

  g_return_val_if_fail (parent != NULL, NULL);

  image = ll_doc_node_new_image (bytes, alt, error);
  if (image == NULL)
    return NULL;
  figure = ll_doc_node_new (LL_DOC_FIGURE);
  figure->title = g_strdup (caption);
  ll_doc_node_append (figure, image);
  return ll_doc_node_append (parent, figure);
}
