/* ll-print-layout-image.c: images and figures on the page
 *
 * An image prints at its own width (or its pixel size at 150 dpi), scaled
 * down to fit the text's width and the page's height, and is never split:
 * an image that does not fit at the foot of a page goes to the next. A
 * figure's caption, "Figure 2: ...", goes under it and stays with it. The
 * alternative text is for screen readers and is not printed, unless there
 * is no picture to print.
 */
#define G_LOG_DOMAIN "ll-print"

#include "config.h"

#include <gdk/gdk.h>
#include <glib/gi18n.h>

#include "ll-print-layout-private.h"

/* Larger than any photograph needs, small enough to decode safely */
#define MAX_PIXELS ((guint64) 64 * 1024 * 1024)

#define IMAGE_BEFORE   6.0
#define CAPTION_GAP    5.0
#define CAPTION_SIZE   9.5

/* The picture of @image, or NULL if it has none that we can print: only a
 * PNG or a JPEG, as its own header says, of a sane size. *@jpeg is set to
 * the JPEG file when the picture is exactly what it holds. */
static GdkPixbuf *
decode (const LlDocImage  *image,
        GBytes           **jpeg)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  const char *mime_type = NULL;
  guint width = 0, height = 0;
  gsize length = 0;
  const guint8 *data;
  GdkPixbuf *pixbuf;
  GdkPixbuf *oriented;

  if (image == NULL || image->bytes == NULL)
    return NULL;
  data = g_bytes_get_data (image->bytes, &length);
  if (!ll_doc_image_sniff (data, length, &mime_type, &width, &height)
      || (guint64) width * height > MAX_PIXELS)
    return NULL;

  loader = gdk_pixbuf_loader_new_with_mime_type (mime_type, NULL);
  if (loader == NULL)
    return NULL;
  if (!gdk_pixbuf_loader_write_bytes (loader, image->bytes, NULL)
      || !gdk_pixbuf_loader_close (loader, NULL))
    {
      gdk_pixbuf_loader_close (loader, NULL);
      return NULL;
    }
  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL)
    return NULL;
  /* a JPEG that says which way up it was taken */
  oriented = gdk_pixbuf_apply_embedded_orientation (pixbuf);
  /* a photograph goes into the PDF as it is, not decoded and many times
   * larger, unless it had to be turned */
  if (oriented == pixbuf && g_str_equal (mime_type, "image/jpeg"))
    *jpeg = g_bytes_ref (image->bytes);
  return oriented;
}

static Item *
add_caption (Builder     *b,
             const State *st,
             const char  *caption)
{
  g_autoptr(GString) markup = g_string_new ("<b>");
  g_autofree char *label = g_strdup_printf (_("Figure %u:"), ++b->n_figures);
  TextStyle style = {
    .size = CAPTION_SIZE,
    .spacing = 1.1,
    .colour = COLOUR_MUTED,
    .before = CAPTION_GAP,
    .after = MAX (st->para_after, 10.0),
    .align = PANGO_ALIGN_CENTER,
  };
  Item *item;

  ll_print_append_escaped (markup, label);
  g_string_append (markup, "</b> ");
  ll_print_append_escaped (markup, caption);
  item = ll_print_add_text (b, st, markup->str, &style);
  item->splittable = FALSE;
  return item;
}

void
ll_print_build_image (Builder         *b,
                      const State     *st,
                      const LlDocNode *node)
{
  LlPrintLayout *self = b->self;
  const LlDocNode *image = node;
  const char *caption = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GBytes) jpeg = NULL;
  double avail_w = MAX (self->content_w - st->indent - st->right_indent, 72.0);
  double max_h = self->content_h - IMAGE_BEFORE;
  double width, height;
  int pw, ph;
  Item *item;
  Item *caption_item = NULL;

  if (node->type == LL_DOC_FIGURE)
    {
      image = NULL;
      for (guint i = 0; i < node->children->len && image == NULL; i++)
        if (((LlDocNode *) g_ptr_array_index (node->children, i))->type == LL_DOC_IMAGE)
          image = g_ptr_array_index (node->children, i);
      if (node->title != NULL && *node->title != '\0')
        caption = node->title;
    }

  pixbuf = image != NULL ? decode (image->image, &jpeg) : NULL;
  if (pixbuf == NULL)
    {
      /* nothing to draw: say what it would have shown */
      const char *alt = image != NULL && image->image != NULL ? image->image->alt : NULL;
      g_autofree char *text = alt != NULL && *alt != '\0'
                              ? g_strdup_printf (_("[Picture: %s]"), alt)
                              : g_strdup (_("[Picture]"));
      g_autoptr(GString) markup = g_string_new ("<i>");
      TextStyle style = {
        .size = BODY_SIZE,
        .spacing = BODY_SPACING,
        .colour = COLOUR_MUTED,
        .after = caption != NULL ? 0 : st->para_after,
        .align = PANGO_ALIGN_LEFT,
      };

      ll_print_append_escaped (markup, text);
      g_string_append (markup, "</i>");
      item = ll_print_add_text (b, st, markup->str, &style);
      if (caption != NULL)
        {
          item->keep_with_next = TRUE;
          add_caption (b, st, caption);
        }
      return;
    }

  item = ll_print_add_item (b, ITEM_IMAGE);
  item->space_before = IMAGE_BEFORE;
  item->space_after = st->para_after;
  item->pixbuf = g_steal_pointer (&pixbuf);
  item->jpeg = g_steal_pointer (&jpeg);
  if (caption != NULL)
    {
      item->keep_with_next = TRUE;
      caption_item = add_caption (b, st, caption);
      /* the caption has to fit on the page with it */
      max_h -= CAPTION_GAP + caption_item->bottoms[caption_item->n_lines - 1] - caption_item->tops[0];
    }
  max_h = MAX (max_h, 36.0);

  pw = gdk_pixbuf_get_width (item->pixbuf);
  ph = gdk_pixbuf_get_height (item->pixbuf);
  width = ll_doc_image_print_width (image->image, avail_w);
  height = width * ph / pw;
  if (height > max_h)
    {
      height = max_h;
      width = height * pw / ph;
    }
  item->width = width;
  item->height = height;
  /* centred in the text's width, as a figure is */
  item->x = st->indent + (avail_w - width) / 2;
}

void
ll_print_draw_image (cairo_t    *cr,
                     const Item *item,
                     double      x,
                     double      y)
{
  int pw = gdk_pixbuf_get_width (item->pixbuf);
  int ph = gdk_pixbuf_get_height (item->pixbuf);

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_rectangle (cr, 0, 0, item->width, item->height);
  cairo_clip (cr);
  cairo_scale (cr, item->width / pw, item->height / ph);
  gdk_cairo_set_source_pixbuf (cr, item->pixbuf, 0, 0);
  if (item->jpeg != NULL)
    {
      cairo_surface_t *surface = NULL;
      gsize length = 0;
      const guint8 *data = g_bytes_get_data (item->jpeg, &length);

      /* a PDF surface embeds these bytes instead of the pixels */
      if (cairo_pattern_get_surface (cairo_get_source (cr), &surface) == CAIRO_STATUS_SUCCESS)
        cairo_surface_set_mime_data (surface, CAIRO_MIME_TYPE_JPEG, data, length,
                                     (cairo_destroy_func_t) g_bytes_unref,
                                     g_bytes_ref (item->jpeg));
    }
  cairo_paint (cr);
  cairo_restore (cr);
}
