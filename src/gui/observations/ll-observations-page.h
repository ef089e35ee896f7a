/* ll-observations-page.h: the Observations place: the year's list with
 * search, and the observation form with live notes (an LlPlace) */
#pragma once

#include <gtk/gtk.h>

#include "ll-place.h"
#include "ll-workbook.h"

G_BEGIN_DECLS

#define LL_TYPE_OBSERVATIONS_PAGE (ll_observations_page_get_type ())
G_DECLARE_FINAL_TYPE (LlObservationsPage, ll_observations_page, LL, OBSERVATIONS_PAGE, GtkWidget)

GtkWidget *ll_observations_page_new              (void);
void       ll_observations_page_set_workbook     (LlObservationsPage *self,
                                                  LlWorkbook         *workbook);
/* Writes what the form holds that waits. */
void       ll_observations_page_flush            (LlObservationsPage *self);
/* Opens observation @id in the form, or goes back to the list for 0. */
void       ll_observations_page_open             (LlObservationsPage *self,
                                                  gint64              id);
/* The observation in the form, or 0. */
gint64     ll_observations_page_get_current_id   (LlObservationsPage *self);
/* The list as shown: sorted and filtered (of LlObservationItem). */
GListModel *ll_observations_page_get_shown       (LlObservationsPage *self);

G_END_DECLS
