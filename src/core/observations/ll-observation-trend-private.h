/* ll-observation-trend-private.h: making a trend from the store, inside
 * the core */
#pragma once

#include "ll-observation-trend.h"
#include "ll-store.h"

G_BEGIN_DECLS

/* The shares for @framework_id over @terms (or every term with
 * observations when @n_terms is 0), for @year_group (NULL or "": all). */
LlObservationTrend *ll_observation_trend_new   (LlStore      *store,
                                                gint64        framework_id,
                                                const LlTerm *terms,
                                                guint         n_terms,
                                                const char   *year_group,
                                                GError      **error);

G_END_DECLS
