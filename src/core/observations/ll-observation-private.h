/* ll-observation-private.h: what the workbook uses to build observations */
#pragma once

#include "ll-observation.h"
#include "ll-pending.h"
#include "ll-store.h"

G_BEGIN_DECLS

/* Loads observation @id with its notes, tallies and levels. */
LlObservation *_ll_observation_load (LlStore    *store,
                                     LlPending  *pending,
                                     gint64      id,
                                     GError    **error);

G_END_DECLS
