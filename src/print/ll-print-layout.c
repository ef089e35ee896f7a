/* ll-print-layout.c: pagination and drawing of the flattened document
 *
 * ll-print-layout-build.c turns the tree into items (a run of wrapped
 * text, a table row or a rule). Pagination here places items, or runs of
 * lines of a text item, on pages, keeping headings with what follows them
 * and table rows whole. Drawing replays the placements line by line so
 * that every line of text is drawn exactly once in the output.
 */
#define G_LOG_DOMAIN "ll-print"

#include "config.h"

#include <glib/gi18n.h>

#include "ll-print-layout-private.h"

/* Helpers */

static void
set_colour (cairo_t *cr,
            guint32  rgb)
{
  cairo_set_source_rgb (cr,
                        ((rgb >> 16) & 0xff) / 255.0,
                        ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

/* Heights */

static double
item_range_height (const Item *item,
                   guint       first,
                   guint       count)
{
  if (item->kind == ITEM_TEXT)
    return item->bottoms[first + count - 1] - item->tops[first];
  return item->height;
}

static guint
item_n_units (const Item *item)
{
  return item->kind == ITEM_TEXT ? item->n_lines : 1;
}

static double
item_full_height (const Item *item)
{
  return item_range_height (item, 0, item_n_units (item));
}

/* The least of @item that may start a page: two lines of a paragraph that
 * can be split (leaving two for the next page), or all of anything else. */
static double
item_min_chunk (const Item *item)
{
  if (item->kind == ITEM_TEXT && item->splittable && item->n_lines >= 4)
    return item_range_height (item, 0, 2);
  return item_full_height (item);
}

/* Pagination */

static GArray *
new_page (LlPrintLayout *self)
{
  GArray *page = g_array_new (FALSE, TRUE, sizeof (Placement));

  g_ptr_array_add (self->pages, page);
  return page;
}

static void
place (GArray *page,
       Item   *item,
       guint   first,
       guint   count,
       double  y,
       double  gap)
{
  Placement p = { item, first, count, y, gap };

  g_array_append_val (page, p);
}

/* The height that must fit for item @i not to be left alone at the foot of
 * a page: it and every item it keeps with, plus the start of the next. */
static double
chain_height (LlPrintLayout *self,
              guint          i)
{
  double height = 0;
  double prev_after = 0;

  for (guint j = i; j < self->items->len; j++)
    {
      const Item *item = g_ptr_array_index (self->items, j);

      if (j > i)
        height += MAX (prev_after, item->space_before);
      if (!item->keep_with_next)
        return height + item_min_chunk (item);
      height += item_full_height (item);
      prev_after = item->space_after;
    }
  return height;
}

static void
paginate (LlPrintLayout *self)
{
  GArray *page = new_page (self);
  double avail = self->content_h;
  double y = 0;
  double prev_after = 0;

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);
      gboolean at_top;
      double gap;

      if (item->page_break && page->len > 0)
        {
          page = new_page (self);
          y = 0;
        }
      at_top = page->len == 0;
      gap = at_top ? 0 : MAX (prev_after, item->space_before);

      if (item->keep_with_next && !at_top)
        {
          double need = chain_height (self, i);

          if (y + gap + need > avail && need <= avail)
            {
              page = new_page (self);
              y = gap = 0;
              at_top = TRUE;
            }
        }

      if (item->kind != ITEM_TEXT)
        {
          double height = item->height;

          if (!at_top && y + gap + height > avail)
            {
              page = new_page (self);
              y = gap = 0;
              at_top = TRUE;
            }
          /* A table that runs on repeats its header row */
          if (at_top && item->kind == ITEM_ROW && item->row_index > 0 &&
              item->table->header != NULL)
            {
              place (page, item->table->header, 0, 1, 0, 0);
              y = item->table->header->height;
            }
          place (page, item, 0, 1, y + gap, gap);
          y += gap + height;
        }
      else
        {
          guint first = 0;

          while (first < item->n_lines)
            {
              guint left = item->n_lines - first;
              guint k = 0;

              if (y + gap + item_range_height (item, first, left) <= avail)
                {
                  place (page, item, first, left, y + gap, gap);
                  y += gap + item_range_height (item, first, left);
                  break;
                }

              while (k < left && y + gap + item_range_height (item, first, k + 1) <= avail)
                k++;
              if (!item->splittable)
                k = 0;
              /* No widows: leave at least two lines for the next page */
              if (k > 0 && left - k < 2)
                k = left >= 2 ? left - 2 : 0;
              /* No orphans: a paragraph starts with at least two lines */
              if (k < 2 && first == 0 && left >= 2)
                k = 0;

              if (k == 0)
                {
                  if (!at_top)
                    {
                      page = new_page (self);
                      y = gap = 0;
                      at_top = TRUE;
                      continue;
                    }
                  /* Taller than a page: take what fits, at least a line */
                  while (k < left && item_range_height (item, first, k + 1) <= avail)
                    k++;
                  k = MAX (k, 1);
                  if (k == left)
                    {
                      place (page, item, first, left, 0, 0);
                      y = item_range_height (item, first, left);
                      break;
                    }
                }

              place (page, item, first, k, y + gap, gap);
              first += k;
              page = new_page (self);
              y = gap = 0;
              at_top = TRUE;
            }
        }
      prev_after = item->space_after;
    }

  /* A document that ends exactly at a page break leaves no empty page */
  if (self->pages->len > 1 && page->len == 0)
    g_ptr_array_remove_index (self->pages, self->pages->len - 1);
}

/* Public API */

LlPrintLayout *
ll_print_layout_new (const LlDoc  *doc,
                     PangoContext *context,
                     double        page_width,
                     double        page_height,
                     double        margin_top,
                     double        margin_right,
                     double        margin_bottom,
                     double        margin_left)
{
  LlPrintLayout *self;
  g_return_val_if_fail (doc != NULL, NULL);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), NULL);

  self = g_new0 (LlPrintLayout, 1);
  self->context = g_object_ref (context);
  self->page_width = page_width;
  self->page_height = page_height;
  self->margin_top = margin_top;
  self->margin_bottom = margin_bottom;
  self->content_x = margin_left;
  self->content_y = margin_top;
  self->content_w = MAX (page_width - margin_left - margin_right, 144.0);
  self->content_h = MAX (page_height - margin_top - margin_bottom, 144.0);
  self->title = g_utf8_make_valid (doc->title ? doc->title : "", -1);
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) ll_print_item_free);
  self->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) ll_print_table_free);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  ll_print_layout_build (self, doc);
  paginate (self);
  return self;
}

void
ll_print_layout_free (LlPrintLayout *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->pages);
  g_ptr_array_unref (self->items);
  g_ptr_array_unref (self->tables);
  g_object_unref (self->context);
  g_free (self->title);
  g_free (self);
}

int
ll_print_layout_get_n_pages (LlPrintLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return (int) self->pages->len;
}

static void
draw_text (LlPrintLayout   *self,
           cairo_t         *cr,
           const Placement *p)
{
  const Item *item = p->item;
  double x = self->content_x + item->x;
  double y = self->content_y + p->y;
  double top = item->tops[p->first];
  double height = item_range_height (item, p->first, p->count);

  /* Quotation bars, joined across the gaps between a quotation's blocks */
  for (guint i = 0; i < item->n_bars; i++)
    {
      double extend = (item->bar_join[i] && p->first == 0) ? p->gap : 0;

      set_colour (cr, COLOUR_BAR);
      cairo_rectangle (cr, self->content_x + item->bar_x[i], y - extend,
                       2.0, height + extend);
      cairo_fill (cr);
    }

  set_colour (cr, item->colour);
  for (guint l = p->first; l < p->first + p->count; l++)
    {
      PangoLayoutLine *line = pango_layout_get_line_readonly (item->layout, (int) l);

      cairo_move_to (cr, x + item->line_x[l], y + item->baselines[l] - top);
      pango_cairo_show_layout_line (cr, line);
    }

  if (item->marker != NULL && p->first == 0)
    {
      double baseline = pango_units_to_double (pango_layout_get_baseline (item->marker));

      cairo_move_to (cr, self->content_x + item->marker_x,
                     y + item->baselines[0] - top - baseline);
      pango_cairo_show_layout (cr, item->marker);
    }
}

static void
draw_row (LlPrintLayout   *self,
          cairo_t         *cr,
          const Placement *p)
{
  const Item *item = p->item;
  const Table *table = item->table;
  double x = self->content_x + table->x;
  double y = self->content_y + p->y;
  gboolean header = item == table->header;

  if (header)
    {
      set_colour (cr, COLOUR_HEADER);
      cairo_rectangle (cr, x, y, table->width, item->height);
      cairo_fill (cr);
    }

  set_colour (cr, item->colour);
  for (guint c = 0; c < item->cells->len; c++)
    {
      cairo_move_to (cr, x + table->col_x[c] + CELL_PAD_X, y + CELL_PAD_Y);
      pango_cairo_show_layout (cr, g_ptr_array_index (item->cells, c));
    }

  set_colour (cr, COLOUR_RULE);
  cairo_set_line_width (cr, 0.5);
  cairo_rectangle (cr, x, y, table->width, item->height);
  for (guint c = 1; c < table->n_cols; c++)
    {
      cairo_move_to (cr, x + table->col_x[c], y);
      cairo_line_to (cr, x + table->col_x[c], y + item->height);
    }
  cairo_stroke (cr);

  if (header)
    {
      set_colour (cr, COLOUR_HEADING);
      cairo_set_line_width (cr, 1.0);
      cairo_move_to (cr, x, y + item->height);
      cairo_line_to (cr, x + table->width, y + item->height);
      cairo_stroke (cr);
    }
}

static void
draw_furniture (LlPrintLayout *self,
                cairo_t       *cr,
                int            page_nr)
{
  g_autofree char *footer = NULL;
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autoptr(PangoLayout) layout = NULL;
  PangoRectangle logical;

  /* The running header: on every page but the first, which has the title */
  if (page_nr > 0 && *self->title != '\0')
    {
      double rule_y = self->margin_top - 14.0;

      ll_print_append_escaped (markup, self->title);
      layout = ll_print_new_pango_layout (self, markup->str, 8.5, FALSE, FALSE,
                                          self->content_w, 0, PANGO_ALIGN_LEFT);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_get_extents (layout, NULL, &logical);
      set_colour (cr, COLOUR_FAINT);
      cairo_move_to (cr, self->content_x,
                     rule_y - 4.0 - pango_units_to_double (logical.height));
      pango_cairo_show_layout (cr, layout);

      set_colour (cr, COLOUR_BAR);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, self->content_x, rule_y);
      cairo_line_to (cr, self->content_x + self->content_w, rule_y);
      cairo_stroke (cr);
      g_clear_object (&layout);
    }

  footer = g_strdup_printf (_("Page %d of %d"), page_nr + 1, (int) self->pages->len);
  g_string_truncate (markup, 0);
  ll_print_append_escaped (markup, footer);
  layout = ll_print_new_pango_layout (self, markup->str, 8.5, FALSE, FALSE,
                                      self->content_w, 0, PANGO_ALIGN_CENTER);
  set_colour (cr, COLOUR_FAINT);
  cairo_move_to (cr, self->content_x,
                 self->page_height - self->margin_bottom + MIN (22.0, self->margin_bottom / 2));
  pango_cairo_show_layout (cr, layout);
}

void
ll_print_layout_draw_page (LlPrintLayout *self,
                           cairo_t       *cr,
                           int            page_nr)
{
  GArray *page;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  if (page_nr < 0 || (guint) page_nr >= self->pages->len)
    return;
  page = g_ptr_array_index (self->pages, page_nr);

  cairo_save (cr);
  draw_furniture (self, cr, page_nr);
  for (guint i = 0; i < page->len; i++)
    {
      const Placement *p = &g_array_index (page, Placement, i);

      switch (p->item->kind)
        {
        case ITEM_TEXT:
          draw_text (self, cr, p);
          break;
        case ITEM_ROW:
          draw_row (self, cr, p);
          break;
        case ITEM_IMAGE:
          ll_print_draw_image (cr, p->item, self->content_x + p->item->x, self->content_y + p->y);
          break;
        case ITEM_RULE:
          set_colour (cr, p->item->colour);
          cairo_rectangle (cr, self->content_x + p->item->x, self->content_y + p->y,
                           p->item->width, p->item->height);
          cairo_fill (cr);
          break;
        default:
          break;
        }
    }
  cairo_restore (cr);
}
