/* ll-observation-summary.h: a term's observations as one document, for
 * the leaders and governors who follow the change */
#pragma once

#include "ll-doc.h"
#include "ll-observation-trend.h"
#include "ll-store.h"

G_BEGIN_DECLS

/* Builds the summary of @term: how many observations of how many
 * teachers, by year group; for each of the @n_trends frameworks that
 * the term's observations follow (@trends, each holding @term) how often
 * each behaviour was given a level and the share developing or embedded,
 * as a table and, where @charts (PNGs of those radars; it and its items
 * may be NULL) gives one, as a figure; and the next steps agreed. No
 * teacher is named and nothing is graded. */
LlDoc *ll_observation_summary_build_doc (LlStore                          *store,
                                         const LlObservationTrend * const *trends,
                                         GBytes                   * const *charts,
                                         guint                             n_trends,
                                         guint                             term,
                                         const char                       *school,
                                         GError                          **error);

G_END_DECLS
