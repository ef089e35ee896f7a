/* ll-observation-kind.h: lesson observations as a kind of document */
#pragma once

#include "ll-document-kind.h"

G_BEGIN_DECLS

/* The kind "observation": lesson observations, which
 * ll-workbook-observations.h lists, opens, adds and removes. */
#define LL_TYPE_OBSERVATION_KIND (ll_observation_kind_get_type ())
G_DECLARE_FINAL_TYPE (LlObservationKind, ll_observation_kind, LL, OBSERVATION_KIND, GObject)

G_END_DECLS
