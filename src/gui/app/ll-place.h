/* ll-place.h: what the main window asks of each of its places (Vision,
 * Observations, ...): one row in the sidebar and one page beside it */
#pragma once

#include <gtk/gtk.h>

#include "ll-workbook.h"

G_BEGIN_DECLS

#define LL_TYPE_PLACE (ll_place_get_type ())
G_DECLARE_INTERFACE (LlPlace, ll_place, LL, PLACE, GtkWidget)

/**
 * LlPlaceInterface:
 * @get_name: the place's name in the window's stack and in code ("vision")
 * @get_title: its translated title, in the sidebar ("Vision")
 * @get_icon_name: its icon in the sidebar
 * @set_workbook: shows @workbook (may be %NULL), writing what waits for the
 *   previous one first
 * @flush: writes every change that waits (may be %NULL: nothing waits)
 * @get_current_document_id: the document open in the place, which export
 *   and print take without asking; 0 for none (may be %NULL)
 * @get_chosen_document_id: the document that comes first to mind when
 *   export and print ask which one (the one open, or the one the keyboard
 *   is on); 0 for none (may be %NULL: the current one)
 * @new_document: what Ctrl+Shift+N does there (may be %NULL: nothing)
 * @get_editing: whether the place shows a header bar of its own (may be
 *   %NULL); a place notifies "editing" when it changes
 * @get_distraction_free: whether the place fills the screen (may be
 *   %NULL); a place notifies "distraction-free" when it changes
 * @set_folded: tells the place that the window is narrow (may be %NULL)
 */
struct _LlPlaceInterface
{
  GTypeInterface parent_iface;

  const char *(*get_name)                (LlPlace    *self);
  const char *(*get_title)               (LlPlace    *self);
  const char *(*get_icon_name)           (LlPlace    *self);
  void        (*set_workbook)            (LlPlace    *self,
                                          LlWorkbook *workbook);
  void        (*flush)                   (LlPlace    *self);
  gint64      (*get_current_document_id) (LlPlace    *self);
  gint64      (*get_chosen_document_id)  (LlPlace    *self);
  void        (*new_document)            (LlPlace    *self);
  gboolean    (*get_editing)             (LlPlace    *self);
  gboolean    (*get_distraction_free)    (LlPlace    *self);
  void        (*set_folded)              (LlPlace    *self,
                                          gboolean    folded);
};

const char *ll_place_get_name                (LlPlace    *self);
const char *ll_place_get_title               (LlPlace    *self);
const char *ll_place_get_icon_name           (LlPlace    *self);
void        ll_place_set_workbook            (LlPlace    *self,
                                              LlWorkbook *workbook);
void        ll_place_flush                   (LlPlace    *self);
gint64      ll_place_get_current_document_id (LlPlace    *self);
gint64      ll_place_get_chosen_document_id  (LlPlace    *self);
/* Whether the place has a "new" for Ctrl+Shift+N. */
gboolean    ll_place_can_new_document        (LlPlace    *self);
void        ll_place_new_document            (LlPlace    *self);
gboolean    ll_place_get_editing             (LlPlace    *self);
gboolean    ll_place_get_distraction_free    (LlPlace    *self);
void        ll_place_set_folded              (LlPlace    *self,
                                              gboolean    folded);

G_END_DECLS
