/* ll-docbook-tree-media.c: the canonical form of images and figures
 *
 * As for the rest of the tree (ll-docbook-tree.c), the writer writes an
 * image only in canonical form, and the reader ends with the same form, so
 * that write -> read -> write is stable: the width is rounded to what the
 * writer writes, and what DocBook cannot carry (the pixel size, bytes that
 * are not a PNG or a JPEG) is left out.
 */
#define G_LOG_DOMAIN "ll-docbook"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ll-docbook-private.h"

/* Beyond this a width is taken for a mistake: 10000 pt is 3.5 metres */
#define MAX_WIDTH 10000.0

static double
round_width (double points)
{
  if (!isfinite (points) || points <= 0 || points > MAX_WIDTH)
    return 0;
  /* to a hundredth of a point; positive and bounded, so no libm needed */
  points = (double) (gint64) (points * 100.0 + 0.5) / 100.0;
  return points > 0 ? points : 0;
}

char *
ll_docbook_format_width (double points)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  gsize len;

  g_ascii_formatd (buffer, sizeof buffer, "%.2f", round_width (points));
  /* "144.00" -> "144", "52.50" -> "52.5" */
  len = strlen (buffer);
  while (len > 0 && buffer[len - 1] == '0')
    buffer[--len] = '\0';
  if (len > 0 && buffer[len - 1] == '.')
    buffer[--len] = '\0';
  return g_strconcat (buffer, "pt", NULL);
}

double
ll_docbook_parse_width (const char *length)
{
  static const struct { const char *unit; double points; } units[] = {
    { "pt", 1.0 }, { "px", 0.75 }, { "pc", 12.0 }, { "in", 72.0 },
    { "cm", 72.0 / 2.54 }, { "mm", 72.0 / 25.4 }, { "", 0.75 },
  };
  g_autofree char *clean = NULL;
  char *end = NULL;
  double value;

  if (length == NULL)
    return 0;
  clean = g_strstrip (g_strdup (length));
  value = g_ascii_strtod (clean, &end);
  if (end == clean)
    return 0;
  while (*end == ' ')
    end++;
  /* a bare number is in pixels, as CSS reads it; percentages and em
   * depend on what is around, which the tree does not know */
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (g_ascii_strcasecmp (end, units[i].unit) == 0)
      return round_width (value * units[i].points);
  return 0;
}

LlDocNode *
ll_docbook_canon_image (const LlDocNode *src)
{
  const LlDocImage *from = src->image;
  g_autofree char *alt = NULL;
  g_autofree char *fileref = NULL;
  LlDocImage *image;
  LlDocNode *node;

  if (from == NULL)
    return NULL;

  alt = ll_docbook_clean_line (from->alt);
  fileref = ll_docbook_clean_href (from->fileref);
  image = g_new0 (LlDocImage, 1);

  if (from->bytes != NULL)
    {
      gsize length = 0;
      const guint8 *data = g_bytes_get_data (from->bytes, &length);
      const char *mime_type = NULL;

      /* the header decides, whatever the fields say */
      if (ll_doc_image_sniff (data, length, &mime_type, &image->pixel_width, &image->pixel_height))
        {
          image->bytes = g_bytes_ref (from->bytes);
          image->mime_type = g_strdup (mime_type);
        }
    }
  if (image->mime_type == NULL
      && (g_strcmp0 (from->mime_type, "image/png") == 0
          || g_strcmp0 (from->mime_type, "image/jpeg") == 0))
    image->mime_type = g_strdup (from->mime_type);

  if (image->mime_type == NULL && image->bytes == NULL)
    {
      /* the name says what the writer will say it is: so it is read back */
      g_autofree char *lower = g_ascii_strdown (fileref, -1);

      if (g_str_has_suffix (lower, ".png"))
        image->mime_type = g_strdup ("image/png");
      else if (g_str_has_suffix (lower, ".jpg") || g_str_has_suffix (lower, ".jpeg"))
        image->mime_type = g_strdup ("image/jpeg");
    }

  if (image->bytes == NULL && fileref[0] == '\0')
    {
      /* nothing to show: what it shows, in words */
      ll_doc_image_free (image);
      if (alt[0] == '\0')
        return NULL;
      node = ll_doc_node_new (LL_DOC_PARA);
      ll_doc_node_append (node, ll_doc_node_new_text (alt));
      return node;
    }

  if (fileref[0] != '\0')
    image->fileref = g_steal_pointer (&fileref);
  image->alt = g_steal_pointer (&alt);
  image->width = round_width (from->width);
  /* the size it prints at, written down for other programs */
  if (image->width == 0 && image->pixel_width > 0)
    image->width = round_width (ll_doc_image_print_width (image, MAX_WIDTH));

  node = ll_doc_node_new (LL_DOC_IMAGE);
  node->image = image;
  return node;
}

/* A figure holds its first image; a figure with no image, or with no
 * caption, is what it holds, and what else it holds follows it. */
gboolean
ll_docbook_canon_figure (const LlDocNode  *src,
                         GPtrArray        *out,
                         guint             depth,
                         GError          **error)
{
  g_autoptr(GPtrArray) rest = g_ptr_array_new ();
  g_autofree char *caption = ll_docbook_clean_line (src->title);
  LlDocNode *image = NULL;

  for (guint i = 0; i < src->children->len; i++)
    {
      const LlDocNode *child = g_ptr_array_index (src->children, i);

      if (image == NULL && child->type == LL_DOC_IMAGE)
        {
          image = ll_docbook_canon_image (child);
          /* a picture with nothing to show is its words, after the caption */
          if (image != NULL && image->type != LL_DOC_IMAGE)
            g_clear_pointer (&image, ll_doc_node_free);
          if (image != NULL)
            continue;
        }
      g_ptr_array_add (rest, (gpointer) child);
    }

  if (image != NULL && caption[0] != '\0')
    {
      LlDocNode *figure = ll_doc_node_new (LL_DOC_FIGURE);

      figure->title = g_steal_pointer (&caption);
      ll_doc_node_append (figure, image);
      g_ptr_array_add (out, figure);
    }
  else
    {
      if (caption[0] != '\0')
        {
          LlDocNode *para = ll_doc_node_new (LL_DOC_PARA);

          ll_doc_node_append (para, ll_doc_node_new_text (caption));
          g_ptr_array_add (out, para);
        }
      if (image != NULL)
        g_ptr_array_add (out, image);
    }
  return ll_docbook_canon_plain_blocks (rest, out, depth + 1, error);
}
