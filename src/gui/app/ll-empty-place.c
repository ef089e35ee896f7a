/* ll-empty-place.c: a place that is not built yet, and says what it will
 * hold */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ll-empty-place.h"

typedef struct
{
  GtkWidget *status_page;
} LlEmptyPlacePrivate;

static void ll_empty_place_place_init (LlPlaceInterface *iface);

G_DEFINE_ABSTRACT_TYPE_WITH_CODE (LlEmptyPlace, ll_empty_place, GTK_TYPE_WIDGET,
                                  G_ADD_PRIVATE (LlEmptyPlace)
                                  G_IMPLEMENT_INTERFACE (LL_TYPE_PLACE, ll_empty_place_place_init))

static const char *
place_get_name (LlPlace *place)
{
  return LL_EMPTY_PLACE_GET_CLASS (place)->name;
}

static const char *
place_get_title (LlPlace *place)
{
  return _(LL_EMPTY_PLACE_GET_CLASS (place)->title);
}

static const char *
place_get_icon_name (LlPlace *place)
{
  return LL_EMPTY_PLACE_GET_CLASS (place)->icon_name;
}

static void
ll_empty_place_place_init (LlPlaceInterface *iface)
{
  iface->get_name = place_get_name;
  iface->get_title = place_get_title;
  iface->get_icon_name = place_get_icon_name;
}

static void
ll_empty_place_constructed (GObject *object)
{
  LlEmptyPlace *self = LL_EMPTY_PLACE (object);
  LlEmptyPlacePrivate *priv = ll_empty_place_get_instance_private (self);
  LlEmptyPlaceClass *klass = LL_EMPTY_PLACE_GET_CLASS (self);

  G_OBJECT_CLASS (ll_empty_place_parent_class)->constructed (object);

  priv->status_page = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (priv->status_page), klass->icon_name);
  adw_status_page_set_title (ADW_STATUS_PAGE (priv->status_page), _(klass->heading));
  adw_status_page_set_description (ADW_STATUS_PAGE (priv->status_page), _(klass->description));
  gtk_widget_set_parent (priv->status_page, GTK_WIDGET (self));
}

static void
ll_empty_place_dispose (GObject *object)
{
  LlEmptyPlace *self = LL_EMPTY_PLACE (object);
  LlEmptyPlacePrivate *priv = ll_empty_place_get_instance_private (self);

  g_clear_pointer (&priv->status_page, gtk_widget_unparent);

  G_OBJECT_CLASS (ll_empty_place_parent_class)->dispose (object);
}

static void
ll_empty_place_class_init (LlEmptyPlaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ll_empty_place_constructed;
  object_class->dispose = ll_empty_place_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ll_empty_place_init (LlEmptyPlace *self)
{
}
