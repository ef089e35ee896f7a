/* ll-observation-filters.h: the bar that narrows the year's list of
 * observations by teacher, observer, year group, subject, term, status and
 * behaviour, and to the follow-ups that are due */
#pragma once

#include <gtk/gtk.h>

#include "ll-workbook-observations.h"

G_BEGIN_DECLS

#define LL_TYPE_OBSERVATION_FILTERS (ll_observation_filters_get_type ())
G_DECLARE_FINAL_TYPE (LlObservationFilters, ll_observation_filters, LL, OBSERVATION_FILTERS, GtkWidget)

GtkWidget *ll_observation_filters_new        (void);
/* The observations (of LlObservationItem) whose values the choices offer;
 * the choices follow the list as it changes. */
void       ll_observation_filters_set_model  (LlObservationFilters *self,
                                              GListModel           *items);
/* Whether @item passes every choice made. */
gboolean   ll_observation_filters_match      (LlObservationFilters *self,
                                              LlObservationItem    *item);
/* Whether any choice narrows the list. */
gboolean   ll_observation_filters_is_active  (LlObservationFilters *self);
/* Chooses @value (as shown) in the filter on @property ("teacher",
 * "observer", "year-group", "subject", "term", "status", "focus"), or
 * every value for NULL; FALSE if no observation has it. */
gboolean   ll_observation_filters_choose     (LlObservationFilters *self,
                                              const char           *property,
                                              const char           *value);
/* Shows only the observations whose follow-up date has come and which
 * are not yet closed. */
void       ll_observation_filters_set_due    (LlObservationFilters *self,
                                              gboolean              due);
/* Clears every choice. */
void       ll_observation_filters_clear      (LlObservationFilters *self);

G_END_DECLS
