/* ll-observation-summary-kind.h: the summaries of observations by term,
 * a kind of document that is made, not stored */
#pragma once

#include "ll-document-kind.h"

G_BEGIN_DECLS

/* The kind "observation-summary": one summary for each term that has
 * observations, made when asked for. Their IDs are below zero, made
 * from the term; ll_workbook_list_summaries() and its neighbours in
 * ll-workbook.h name them. */
#define LL_TYPE_OBSERVATION_SUMMARY_KIND (ll_observation_summary_kind_get_type ())
G_DECLARE_FINAL_TYPE (LlObservationSummaryKind, ll_observation_summary_kind,
                      LL, OBSERVATION_SUMMARY_KIND, GObject)

G_END_DECLS
