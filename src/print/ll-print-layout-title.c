/* ll-print-layout-title.c: the title block at the top of a document
 *
 * The title, subtitle, author and date, over a rule, kept together and
 * with what follows them.
 */
#define G_LOG_DOMAIN "ll-print"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "ll-print-layout-private.h"

static char *
format_date (const char *iso)
{
  int y, m, d;

  if (sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) == 3 &&
      g_date_valid_dmy (d, m, y))
    {
      g_autoptr(GDateTime) dt = g_date_time_new_utc (y, m, d, 0, 0, 0);
      /* Translators: the date under a printed document's title, as in
       * "14 March 2025"; see g_date_time_format() for the codes */
      char *s = dt != NULL ? g_date_time_format (dt, _("%-d %B %Y")) : NULL;

      if (s != NULL)
        return s;
    }
  return g_strdup (iso);
}

void
ll_print_build_title (Builder     *b,
                      const State *st,
                      const LlDoc *doc)
{
  g_autoptr(GString) meta = g_string_new (NULL);
  gboolean any = FALSE;

  if (doc->title != NULL && *doc->title != '\0')
    {
      g_autoptr(GString) markup = g_string_new (NULL);
      TextStyle style = {
        .size = 24.0,
        .bold = TRUE,
        .spacing = 1.0,
        .colour = COLOUR_HEADING,
        .after = 4.0,
        .align = PANGO_ALIGN_LEFT,
      };

      ll_print_append_escaped (markup, doc->title);
      ll_print_add_text (b, st, markup->str, &style)->keep_with_next = TRUE;
      any = TRUE;
    }

  if (doc->subtitle != NULL && *doc->subtitle != '\0')
    {
      g_autoptr(GString) markup = g_string_new (NULL);
      TextStyle style = {
        .size = 14.0,
        .spacing = 1.05,
        .colour = COLOUR_MUTED,
        .before = 2.0,
        .after = 4.0,
        .align = PANGO_ALIGN_LEFT,
      };

      ll_print_append_escaped (markup, doc->subtitle);
      ll_print_add_text (b, st, markup->str, &style)->keep_with_next = TRUE;
      any = TRUE;
    }

  if (doc->author != NULL && *doc->author != '\0')
    ll_print_append_escaped (meta, doc->author);
  if (doc->date != NULL && *doc->date != '\0')
    {
      g_autofree char *date = format_date (doc->date);

      if (meta->len > 0)
        g_string_append (meta, "  ·  ");
      ll_print_append_escaped (meta, date);
    }
  if (meta->len > 0)
    {
      TextStyle style = {
        .size = 10.0,
        .spacing = 1.1,
        .colour = COLOUR_MUTED,
        .before = 4.0,
        .after = 4.0,
        .align = PANGO_ALIGN_LEFT,
      };

      ll_print_add_text (b, st, meta->str, &style)->keep_with_next = TRUE;
      any = TRUE;
    }

  if (any)
    {
      Item *rule = ll_print_add_item (b, ITEM_RULE);

      rule->width = b->self->content_w;
      rule->height = 1.2;
      rule->colour = COLOUR_HEADING;
      rule->space_before = 8.0;
      rule->space_after = 16.0;
    }
}
