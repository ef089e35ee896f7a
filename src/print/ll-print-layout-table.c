/* ll-print-layout-table.c: lays out a table as one item per row
 *
 * Column widths come from every cell laid out unwrapped first; then each
 * row becomes an item whose cells wrap to their column, and the first row
 * is the header that the paginator repeats at the top of a continued table.
 */
#define G_LOG_DOMAIN "ll-print"

#include "config.h"

#include "ll-print-layout-private.h"

void
ll_print_table_free (Table *table)
{
  g_free (table->col_x);
  g_free (table->col_w);
  g_free (table);
}

static double
longest_word (LlPrintLayout *self,
              PangoLayout   *cell,
              gboolean       bold)
{
  g_auto(GStrv) words = g_strsplit_set (pango_layout_get_text (cell), " \t\n", -1);
  g_autoptr(PangoLayout) probe = pango_layout_new (self->context);
  PangoFontDescription *desc = ll_print_font_new (TABLE_SIZE, bold, FALSE);
  double widest = 0;

  pango_layout_set_font_description (probe, desc);
  pango_font_description_free (desc);
  for (guint i = 0; words[i] != NULL; i++)
    {
      PangoRectangle logical;

      if (*words[i] == '\0')
        continue;
      pango_layout_set_text (probe, words[i], -1);
      pango_layout_get_extents (probe, NULL, &logical);
      widest = MAX (widest, pango_units_to_double (logical.width));
    }
  return widest;
}

/* Column widths that fill the width available. Narrow columns get their
 * natural (unwrapped) width, taking the narrowest first while each fits
 * its fair share of what is left; the wider columns then share the rest in
 * proportion to their natural widths, none below its longest word. When
 * everything fits, every column grows in proportion. */
static void
share_columns (Table        *table,
               const double *natural,
               const double *minimum)
{
  guint n = table->n_cols;
  g_autofree gboolean *fixed = g_new0 (gboolean, n);
  double sum_nat = 0;
  double remaining = table->width;
  guint n_left = n;
  gboolean changed = TRUE;

  for (guint c = 0; c < n; c++)
    sum_nat += natural[c];

  if (sum_nat <= table->width)
    {
      for (guint c = 0; c < n; c++)
        table->col_w[c] = natural[c] * table->width / sum_nat;
    }
  else
    {
      while (changed && n_left > 0)
        {
          changed = FALSE;
          for (guint c = 0; c < n; c++)
            if (!fixed[c] && natural[c] <= remaining / n_left)
              {
                fixed[c] = TRUE;
                table->col_w[c] = natural[c];
                remaining -= natural[c];
                n_left--;
                changed = TRUE;
              }
        }

      if (n_left > 0)
        {
          double rest_nat = 0;
          double total = 0;

          for (guint c = 0; c < n; c++)
            if (!fixed[c])
              rest_nat += natural[c];
          for (guint c = 0; c < n; c++)
            if (!fixed[c])
              table->col_w[c] = MAX (minimum[c], remaining * natural[c] / rest_nat);
          /* Long words may have pushed past the width: scale back */
          for (guint c = 0; c < n; c++)
            total += table->col_w[c];
          if (total > table->width)
            for (guint c = 0; c < n; c++)
              table->col_w[c] *= table->width / total;
        }
    }

  for (guint c = 0; c < n; c++)
    table->col_x[c] = c == 0 ? 0 : table->col_x[c - 1] + table->col_w[c - 1];
}

void
ll_print_build_table (Builder         *b,
                      const State     *st,
                      const LlDocNode *node)
{
  LlPrintLayout *self = b->self;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree double *natural = NULL;
  g_autofree double *minimum = NULL;
  Table *table;
  guint n_cols = 0;

  for (guint i = 0; i < node->children->len; i++)
    {
      const LlDocNode *row = g_ptr_array_index (node->children, i);

      if (row->type == LL_DOC_ROW)
        {
          g_ptr_array_add (rows, (gpointer) row);
          n_cols = MAX (n_cols, row->children->len);
        }
    }

  if (node->title != NULL && *node->title != '\0')
    {
      g_autoptr(GString) markup = g_string_new (NULL);
      TextStyle style = {
        .size = 10.0,
        .bold = TRUE,
        .spacing = 1.1,
        .colour = COLOUR_HEADING,
        .before = 8.0,
        .after = 4.0,
        .align = PANGO_ALIGN_LEFT,
      };
      Item *item;

      ll_print_append_escaped (markup, node->title);
      item = ll_print_add_text (b, st, markup->str, &style);
      item->keep_with_next = rows->len > 0;
      item->splittable = FALSE;
    }

  if (rows->len == 0 || n_cols == 0)
    return;

  table = g_new0 (Table, 1);
  g_ptr_array_add (self->tables, table);
  table->x = st->indent;
  table->width = MAX (self->content_w - st->indent - st->right_indent, 72.0);
  table->n_cols = n_cols;
  table->col_x = g_new0 (double, n_cols);
  table->col_w = g_new0 (double, n_cols);
  natural = g_new0 (double, n_cols);
  minimum = g_new0 (double, n_cols);

  /* Lay out every cell unwrapped first to measure the columns */
  for (guint r = 0; r < rows->len; r++)
    {
      const LlDocNode *row = g_ptr_array_index (rows, r);

      for (guint c = 0; c < n_cols; c++)
        {
          g_autofree char *markup = NULL;
          PangoLayout *cell;
          PangoRectangle logical;

          if (c < row->children->len)
            markup = ll_print_children_markup (g_ptr_array_index (row->children, c));
          cell = ll_print_new_pango_layout (self, markup ? markup : "", TABLE_SIZE, r == 0,
                                            st->italic, -1, 1.1, PANGO_ALIGN_LEFT);
          pango_layout_get_extents (cell, NULL, &logical);
          natural[c] = MAX (natural[c],
                            pango_units_to_double (logical.width) + 2 * CELL_PAD_X);
          minimum[c] = MAX (minimum[c],
                            longest_word (self, cell, r == 0) + 2 * CELL_PAD_X);
          g_ptr_array_add (cells, cell);
        }
    }
  for (guint c = 0; c < n_cols; c++)
    {
      minimum[c] = MAX (minimum[c], MIN_COLUMN);
      natural[c] = MAX (natural[c], minimum[c]);
    }
  share_columns (table, natural, minimum);

  for (guint r = 0; r < rows->len; r++)
    {
      Item *item = ll_print_add_item (b, ITEM_ROW);
      double tallest = 0;

      item->x = table->x;
      item->width = table->width;
      item->table = table;
      item->row_index = r;
      item->colour = COLOUR_BODY;
      item->cells = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint c = 0; c < n_cols; c++)
        {
          PangoLayout *cell = g_object_ref (g_ptr_array_index (cells, r * n_cols + c));
          PangoRectangle logical;

          pango_layout_set_width (cell, pango_units_from_double (table->col_w[c] - 2 * CELL_PAD_X));
          pango_layout_get_extents (cell, NULL, &logical);
          tallest = MAX (tallest, pango_units_to_double (logical.height));
          g_ptr_array_add (item->cells, cell);
        }
      item->height = tallest + 2 * CELL_PAD_Y;
      if (r == 0)
        {
          table->header = item;
          item->keep_with_next = TRUE;
          item->space_before = 4.0;
        }
    }
  ll_print_bump_space_after (b, MAX (st->para_after, 12.0));
}
