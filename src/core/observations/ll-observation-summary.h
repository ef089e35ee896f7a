/* ll-observation-summary.h: a term's observations as one document, for
 * the leaders and governors who follow the change */
#pragma once

#include "ll-doc.h"
#include "ll-observation-trend.h"
#include "ll-store.h"

G_BEGIN_DECLS

/* Builds the summary of @term: how many observations of how many
 * teachers, by year group; for each behaviour of @trend's framework how
 * often it was given a level and the share developing or embedded, as a
 * table and, when @chart (a PNG of that radar, may be NULL) is given, as
 * a figure; and the next steps agreed. @trend must hold @term. No teacher
 * is named and nothing is graded. */
LlDoc *ll_observation_summary_build_doc (LlStore                  *store,
                                         const LlObservationTrend *trend,
                                         guint                     term,
                                         const char               *school,
                                         GBytes                   *chart,
                                         GError                  **error);

G_END_DECLS
