/* ll-observation-sample.h: a year of observations for the sample
 * workbook and for benchmarks */
#pragma once

#include "ll-framework.h"
#include "ll-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64        framework_id;   /* saved in the store */
  LlFramework  *framework;      /* what it holds */
  const gint64 *observers;      /* people who observe: leaders */
  guint         n_observers;
  const gint64 *teachers;       /* people observed */
  guint         n_teachers;
  const char   *today;          /* YYYY-MM-DD: the year ends two weeks after it */
} LlObservationSampleSetup;

/* Adds 40 × @scale observations over the school year up to @setup->today,
 * across classes, year groups and subjects, with notes, tallies, levels,
 * dialogue and reflections as far as each has got: closed and discussed
 * ones in the past, observed ones of the last weeks, planned ones to
 * come. The same @scale and day give the same observations. */
gboolean ll_observation_sample_add (LlStore                        *store,
                                    const LlObservationSampleSetup *setup,
                                    guint                           scale,
                                    GError                        **error);

G_END_DECLS
