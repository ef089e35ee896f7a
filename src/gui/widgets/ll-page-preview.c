/* ll-page-preview.c: a document's pages as they will print
 *
 * The pages are laid out by LlPrintLayout, as print and PDF are, on A4
 * with the same margins, with a Pango context of 72 units to the inch so
 * that the layout's points are its units; each page is a drawing area
 * that scales the page to its width.
 */
#define G_LOG_DOMAIN "ll-preview"

#include "config.h"

#include <glib/gi18n.h>

#include "ll-page-preview.h"
#include "ll-print-layout.h"

/* A4 in points, and the margins of print (ll-print.c) */
#define PAGE_WIDTH    595.276
#define PAGE_HEIGHT   841.890
#define MARGIN_TOP    64.0
#define MARGIN_BOTTOM 60.0
#define MARGIN_SIDE   62.0
/* the width a page is shown at, in pixels */
#define SHOWN_WIDTH   520

struct _LlPagePreview
{
  GtkWidget      parent_instance;

  GtkWidget     *scroller;
  GtkWidget     *pages;
  LlPrintLayout *layout;
  int            n_pages;
};

G_DEFINE_FINAL_TYPE (LlPagePreview, ll_page_preview, GTK_TYPE_WIDGET)

static void
draw_page (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  LlPagePreview *self = user_data;
  int page_nr = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (area), "ll-page"));
  double scale = width / PAGE_WIDTH;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  if (self->layout == NULL)
    return;
  cairo_scale (cr, scale, scale);
  cairo_set_source_rgb (cr, 0, 0, 0);
  ll_print_layout_draw_page (self->layout, cr, page_nr);
}

void
ll_page_preview_set_doc (LlPagePreview *self,
                         const LlDoc   *doc)
{
  GtkWidget *child;

  g_return_if_fail (LL_IS_PAGE_PREVIEW (self));

  while ((child = gtk_widget_get_first_child (self->pages)) != NULL)
    gtk_box_remove (GTK_BOX (self->pages), child);
  g_clear_pointer (&self->layout, ll_print_layout_free);
  self->n_pages = 0;
  if (doc == NULL)
    return;
  {
    PangoFontMap *map = pango_cairo_font_map_get_default ();
    PangoContext *context = pango_font_map_create_context (map);
    cairo_font_options_t *options = cairo_font_options_create ();

    /* as on paper: no hinting, so that lines break where print breaks them */
    cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options (context, options);
    cairo_font_options_destroy (options);
    pango_cairo_context_set_resolution (context, 72.0);
    self->layout = ll_print_layout_new (doc, context, PAGE_WIDTH, PAGE_HEIGHT, MARGIN_TOP, MARGIN_SIDE,
                                        MARGIN_BOTTOM, MARGIN_SIDE);
    g_object_unref (context);
  }
  self->n_pages = ll_print_layout_get_n_pages (self->layout);
  for (int i = 0; i < self->n_pages; i++)
    {
      GtkWidget *page = gtk_drawing_area_new ();
      g_autofree char *label = g_strdup_printf (_("Page %d of %d"), i + 1, self->n_pages);

      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (page), SHOWN_WIDTH);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (page), (int) (SHOWN_WIDTH * PAGE_HEIGHT / PAGE_WIDTH));
      gtk_widget_set_halign (page, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (page, "ll-page");
      gtk_accessible_update_property (GTK_ACCESSIBLE (page), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data (G_OBJECT (page), "ll-page", GINT_TO_POINTER (i));
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (page), draw_page, self, NULL);
      gtk_box_append (GTK_BOX (self->pages), page);
    }
}

int
ll_page_preview_get_n_pages (LlPagePreview *self)
{
  g_return_val_if_fail (LL_IS_PAGE_PREVIEW (self), 0);
  return self->n_pages;
}

GtkWidget *
ll_page_preview_new (void)
{
  return g_object_new (LL_TYPE_PAGE_PREVIEW, NULL);
}

static void
ll_page_preview_dispose (GObject *object)
{
  LlPagePreview *self = LL_PAGE_PREVIEW (object);

  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_pointer (&self->layout, ll_print_layout_free);
  G_OBJECT_CLASS (ll_page_preview_parent_class)->dispose (object);
}

static void
ll_page_preview_class_init (LlPagePreviewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ll_page_preview_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ll_page_preview_init (LlPagePreview *self)
{
  self->scroller = gtk_scrolled_window_new ();
  self->pages = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_margin_top (self->pages, 24);
  gtk_widget_set_margin_bottom (self->pages, 24);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), self->pages);
  gtk_widget_add_css_class (self->scroller, "ll-preview");
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
}
