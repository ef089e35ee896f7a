/* ll-empty-place.h: a place that is not built yet: a status page that says
 * what it will hold. A subclass fills in its class's fields. */
#pragma once

#include <gtk/gtk.h>

#include "ll-place.h"

G_BEGIN_DECLS

#define LL_TYPE_EMPTY_PLACE (ll_empty_place_get_type ())
G_DECLARE_DERIVABLE_TYPE (LlEmptyPlace, ll_empty_place, LL, EMPTY_PLACE, GtkWidget)

/**
 * LlEmptyPlaceClass:
 * @name: the place's name ("portfolios")
 * @title: its title in the sidebar, marked with N_()
 * @icon_name: its icon, in the sidebar and on the status page
 * @heading: the status page's title, marked with N_()
 * @description: what the place will hold, marked with N_()
 */
struct _LlEmptyPlaceClass
{
  GtkWidgetClass  parent_class;

  const char     *name;
  const char     *title;
  const char     *icon_name;
  const char     *heading;
  const char     *description;
};

G_END_DECLS
