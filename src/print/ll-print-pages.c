/* ll-print-pages.c: a source of fixed pages (see ll-print-pages.h) */
#define G_LOG_DOMAIN "ll-print"

#include "config.h"

#include "ll-print.h"
#include "ll-print-pages.h"

struct _LlPrintPages
{
  LlPrintPagesFuncs  funcs;
  GtkPageSetup      *page_setup;
  char              *title;
  gpointer           user_data;
  GDestroyNotify     destroy;
};

LlPrintPages *
ll_print_pages_new (const LlPrintPagesFuncs *funcs,
                    GtkPageSetup            *page_setup,
                    const char              *title,
                    gpointer                 user_data,
                    GDestroyNotify           destroy)
{
  LlPrintPages *pages;

  g_return_val_if_fail (funcs != NULL, NULL);
  g_return_val_if_fail (funcs->get_n_pages != NULL && funcs->draw_page != NULL, NULL);
  g_return_val_if_fail (page_setup == NULL || GTK_IS_PAGE_SETUP (page_setup), NULL);

  pages = g_new0 (LlPrintPages, 1);
  pages->funcs = *funcs;
  pages->page_setup = page_setup != NULL ? g_object_ref (page_setup)
                                         : ll_print_page_setup_new ("a4");
  pages->title = g_strdup (title);
  pages->user_data = user_data;
  pages->destroy = destroy;
  return pages;
}

void
ll_print_pages_free (LlPrintPages *pages)
{
  if (pages == NULL)
    return;
  if (pages->destroy != NULL)
    pages->destroy (pages->user_data);
  g_clear_object (&pages->page_setup);
  g_free (pages->title);
  g_free (pages);
}

int
ll_print_pages_get_n_pages (LlPrintPages *pages)
{
  g_return_val_if_fail (pages != NULL, 1);

  return MAX (pages->funcs.get_n_pages (pages->user_data), 1);
}

GtkPageSetup *
ll_print_pages_get_page_setup (LlPrintPages *pages)
{
  g_return_val_if_fail (pages != NULL, NULL);

  return pages->page_setup;
}

const char *
ll_print_pages_get_title (LlPrintPages *pages)
{
  g_return_val_if_fail (pages != NULL, NULL);

  return pages->title;
}

void
ll_print_pages_draw_page (LlPrintPages *pages,
                          cairo_t      *cr,
                          int           page_nr,
                          double        width,
                          double        height)
{
  g_return_if_fail (pages != NULL);

  cairo_save (cr);
  pages->funcs.draw_page (pages->user_data, cr, page_nr, width, height);
  cairo_restore (cr);
}
