/* ll-rich-text-view.c: LlRichText's text view
 *
 * Draws what is not stored as text: bullets, numbers, the bar beside a
 * quotation, the attribution dash, and hints in empty places. While it
 * can be written in, it is always a few lines tall, so that an empty
 * section offers room to write and something to click.
 */
#define G_LOG_DOMAIN "ll-rich-text"

#include "config.h"

#include <glib/gi18n.h>

#include "ll-rich-text-private.h"

G_DEFINE_FINAL_TYPE (LlRichTextView, ll_rich_text_view, GTK_TYPE_TEXT_VIEW)

/* Drawing markers in the margin ------------------------------------------- */

static void
draw_text (GtkTextView    *view,
           GtkSnapshot    *snapshot,
           const char     *text,
           int             right,
           int             left,
           const GdkRectangle *loc,
           const GdkRGBA  *color)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (view), text);
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (right >= 0 ? right - width : left,
                                                loc->y + (loc->height - height) / 2));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/* The number of the item at @iter: one more than the non-blank numbered
 * lines before it in the same run (blank lines are dropped on saving, so
 * they do not break a list). */
static guint
count_numbers_before (LlRichText        *self,
                      const GtkTextIter *iter)
{
  GtkTextIter it = *iter;
  guint n = 0;

  gtk_text_iter_set_line_offset (&it, 0);
  while (gtk_text_iter_backward_line (&it))
    {
      if (ll_rich_text_line_is_blank (&it))
        continue;
      if (ll_rich_text_style_at (self, &it) != STYLE_NUMBER)
        break;
      n++;
    }
  return n;
}

static void
ll_rich_text_view_snapshot_layer (GtkTextView      *text_view,
                                  GtkTextViewLayer  layer,
                                  GtkSnapshot      *snapshot)
{
  LlRichTextView *view = LL_RICH_TEXT_VIEW (text_view);
  LlRichText *self = view->owner;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  GdkRectangle visible;
  GtkTextIter iter;
  GdkRGBA color, dim, bar;
  guint number;
  int last_line = -1;
  int y_top;

  if (layer != GTK_TEXT_VIEW_LAYER_BELOW_TEXT || self == NULL || self->buffer != buffer)
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (text_view)), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  dim = color;
  dim.alpha *= 0.55f;
  bar = color;
  bar.alpha *= 0.2f;

  gtk_text_view_get_visible_rect (text_view, &visible);

  gtk_text_view_get_line_at_y (text_view, &iter, visible.y, &y_top);
  gtk_text_iter_set_line_offset (&iter, 0);
  number = count_numbers_before (self, &iter);

  while (gtk_text_iter_get_line (&iter) != last_line)
    {
      BlockStyle style = ll_rich_text_style_at (self, &iter);
      gboolean blank = ll_rich_text_line_is_blank (&iter);
      int y, height;
      GdkRectangle loc;

      last_line = gtk_text_iter_get_line (&iter);
      gtk_text_view_get_line_yrange (text_view, &iter, &y, &height);
      if (y > visible.y + visible.height)
        break;
      gtk_text_view_get_iter_location (text_view, &iter, &loc);

      if (style == STYLE_NUMBER)
        {
          g_autofree char *label = g_strdup_printf ("%u.", blank ? number + 1 : ++number);

          draw_text (text_view, snapshot, label, loc.x - 8, 0, &loc, &color);
        }
      else if (!blank)
        number = 0;

      if (style == STYLE_BULLET)
        draw_text (text_view, snapshot, "•", loc.x - 10, 0, &loc, &color);
      else if (style == STYLE_QUOTE)
        gtk_snapshot_append_color (snapshot, &bar,
                                   &GRAPHENE_RECT_INIT (loc.x - 18, y, 3, height));
      else if (style == STYLE_ATTRIBUTION)
        {
          draw_text (text_view, snapshot, "—", loc.x - 6, 0, &loc, &dim);
          if (blank)
            draw_text (text_view, snapshot, _("Who said it?"), -1, loc.x, &loc, &dim);
        }

      /* forward_line() stops at the end, which may be the start of an
       * empty last line that still needs its marker */
      if (!gtk_text_iter_forward_line (&iter) && !gtk_text_iter_starts_line (&iter))
        break;
    }
}

/* Room to write --------------------------------------------------------- */

#define MIN_LINES 3

/* The height of MIN_LINES lines of paragraph text, with the view's margins. */
static int
least_height (GtkTextView *view)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (view));
  PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);
  int line = PANGO_PIXELS_CEIL (pango_font_metrics_get_height (metrics));

  if (line <= 0)
    line = PANGO_PIXELS_CEIL (pango_font_metrics_get_ascent (metrics)
                              + pango_font_metrics_get_descent (metrics));
  pango_font_metrics_unref (metrics);
  return MIN_LINES * line + gtk_text_view_get_top_margin (view) + gtk_text_view_get_bottom_margin (view);
}

/* GtkTextView asks for the height of the lines it has laid out, and lays
 * out only the lines it shows. A new, empty view that is first given no
 * room for its text would ask for none again until something redraws it,
 * which is how empty sections came to be 0 pixels tall. Asking for a
 * few lines whatever is laid out breaks that circle, and gives the writer
 * a place to click. */
static void
ll_rich_text_view_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  GtkTextView *view = GTK_TEXT_VIEW (widget);

  GTK_WIDGET_CLASS (ll_rich_text_view_parent_class)->measure (widget, orientation, for_size,
                                                              minimum, natural,
                                                              minimum_baseline, natural_baseline);
  if (orientation == GTK_ORIENTATION_VERTICAL && gtk_text_view_get_editable (view))
    {
      int least = least_height (view);

      *minimum = MAX (*minimum, least);
      *natural = MAX (*natural, least);
    }
}

/* "Start writing…" where the first line begins, while there is nothing
 * else and something can be written. */
void
ll_rich_text_view_update_placeholder (LlRichTextView *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);

  gtk_widget_set_visible (self->placeholder,
                          gtk_text_view_get_editable (view)
                          && gtk_text_buffer_get_char_count (buffer) == 0);
}

/* The placeholder is our own child, placed where a paragraph's first line
 * starts (GtkTextView's overlays leak a little in GTK 4.8). */
static void
ll_rich_text_view_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  LlRichTextView *self = LL_RICH_TEXT_VIEW (widget);
  GtkTextView *view = GTK_TEXT_VIEW (widget);
  int x = gtk_text_view_get_left_margin (view);
  int y = gtk_text_view_get_top_margin (view) + PARA_SPACING;
  int min, nat, label_height;

  GTK_WIDGET_CLASS (ll_rich_text_view_parent_class)->size_allocate (widget, width, height, baseline);
  if (!gtk_widget_should_layout (self->placeholder))
    return;
  gtk_widget_measure (self->placeholder, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  nat = MAX (min, MIN (nat, width - x - gtk_text_view_get_right_margin (view)));
  gtk_widget_measure (self->placeholder, GTK_ORIENTATION_VERTICAL, nat, &min, &label_height, NULL, NULL);
  gtk_widget_size_allocate (self->placeholder, &(GtkAllocation) { x, y, nat, label_height }, -1);
}

static void
ll_rich_text_view_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  LlRichTextView *self = LL_RICH_TEXT_VIEW (widget);

  GTK_WIDGET_CLASS (ll_rich_text_view_parent_class)->snapshot (widget, snapshot);
  gtk_widget_snapshot_child (widget, self->placeholder, snapshot);
}

static void
ll_rich_text_view_dispose (GObject *object)
{
  LlRichTextView *self = LL_RICH_TEXT_VIEW (object);

  g_clear_pointer (&self->placeholder, gtk_widget_unparent);

  G_OBJECT_CLASS (ll_rich_text_view_parent_class)->dispose (object);
}

static void
ll_rich_text_view_class_init (LlRichTextViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkTextViewClass *text_view_class = GTK_TEXT_VIEW_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ll_rich_text_view_dispose;
  widget_class->measure = ll_rich_text_view_measure;
  widget_class->size_allocate = ll_rich_text_view_size_allocate;
  widget_class->snapshot = ll_rich_text_view_snapshot;
  text_view_class->snapshot_layer = ll_rich_text_view_snapshot_layer;
}

static void
ll_rich_text_view_init (LlRichTextView *self)
{
  self->placeholder = gtk_label_new (_("Start writing…"));
  gtk_label_set_xalign (GTK_LABEL (self->placeholder), 0);
  gtk_label_set_wrap (GTK_LABEL (self->placeholder), TRUE);
  /* clicks go through to the text */
  gtk_widget_set_can_target (self->placeholder, FALSE);
  gtk_widget_add_css_class (self->placeholder, "ll-rich-text-placeholder");
  gtk_widget_set_parent (self->placeholder, GTK_WIDGET (self));
}
