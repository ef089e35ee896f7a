/* ll-place.c: what the main window asks of each of its places
 *
 * A place is a widget: the window adds one page to its stack and one row
 * to its sidebar for each type in its table of places, in order, and from
 * then on talks to them only through this interface.
 */
#include "config.h"

#include "ll-place.h"

G_DEFINE_INTERFACE (LlPlace, ll_place, GTK_TYPE_WIDGET)

static void
ll_place_default_init (LlPlaceInterface *iface)
{
}

const char *
ll_place_get_name (LlPlace *self)
{
  g_return_val_if_fail (LL_IS_PLACE (self), NULL);

  return LL_PLACE_GET_IFACE (self)->get_name (self);
}

const char *
ll_place_get_title (LlPlace *self)
{
  g_return_val_if_fail (LL_IS_PLACE (self), NULL);

  return LL_PLACE_GET_IFACE (self)->get_title (self);
}

const char *
ll_place_get_icon_name (LlPlace *self)
{
  g_return_val_if_fail (LL_IS_PLACE (self), NULL);

  return LL_PLACE_GET_IFACE (self)->get_icon_name (self);
}

void
ll_place_set_workbook (LlPlace    *self,
                       LlWorkbook *workbook)
{
  LlPlaceInterface *iface;

  g_return_if_fail (LL_IS_PLACE (self));
  g_return_if_fail (workbook == NULL || LL_IS_WORKBOOK (workbook));

  iface = LL_PLACE_GET_IFACE (self);
  if (iface->set_workbook != NULL)
    iface->set_workbook (self, workbook);
}

void
ll_place_flush (LlPlace *self)
{
  LlPlaceInterface *iface;

  g_return_if_fail (LL_IS_PLACE (self));

  iface = LL_PLACE_GET_IFACE (self);
  if (iface->flush != NULL)
    iface->flush (self);
}

gint64
ll_place_get_current_document_id (LlPlace *self)
{
  LlPlaceInterface *iface;

  g_return_val_if_fail (LL_IS_PLACE (self), 0);

  iface = LL_PLACE_GET_IFACE (self);
  return iface->get_current_document_id != NULL ? iface->get_current_document_id (self) : 0;
}

gint64
ll_place_get_chosen_document_id (LlPlace *self)
{
  LlPlaceInterface *iface;

  g_return_val_if_fail (LL_IS_PLACE (self), 0);

  iface = LL_PLACE_GET_IFACE (self);
  if (iface->get_chosen_document_id != NULL)
    return iface->get_chosen_document_id (self);
  return ll_place_get_current_document_id (self);
}

gboolean
ll_place_can_new_document (LlPlace *self)
{
  g_return_val_if_fail (LL_IS_PLACE (self), FALSE);

  return LL_PLACE_GET_IFACE (self)->new_document != NULL;
}

void
ll_place_new_document (LlPlace *self)
{
  LlPlaceInterface *iface;

  g_return_if_fail (LL_IS_PLACE (self));

  iface = LL_PLACE_GET_IFACE (self);
  if (iface->new_document != NULL)
    iface->new_document (self);
}

gboolean
ll_place_get_editing (LlPlace *self)
{
  LlPlaceInterface *iface;

  g_return_val_if_fail (LL_IS_PLACE (self), FALSE);

  iface = LL_PLACE_GET_IFACE (self);
  return iface->get_editing != NULL && iface->get_editing (self);
}

gboolean
ll_place_get_distraction_free (LlPlace *self)
{
  LlPlaceInterface *iface;

  g_return_val_if_fail (LL_IS_PLACE (self), FALSE);

  iface = LL_PLACE_GET_IFACE (self);
  return iface->get_distraction_free != NULL && iface->get_distraction_free (self);
}

void
ll_place_set_folded (LlPlace  *self,
                     gboolean  folded)
{
  LlPlaceInterface *iface;

  g_return_if_fail (LL_IS_PLACE (self));

  iface = LL_PLACE_GET_IFACE (self);
  if (iface->set_folded != NULL)
    iface->set_folded (self, folded);
}
