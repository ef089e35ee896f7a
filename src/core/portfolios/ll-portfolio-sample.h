/* ll-portfolio-sample.h: a cohort of the programme, made by code */
#pragma once

#include "ll-store.h"

G_BEGIN_DECLS

/* Adds @cohorts cohorts of eight participants to @store, with their
 * tutors and the programme's facilitator, on a programme that began ten
 * months before @today (YYYY-MM-DD); their portfolios are at every
 * stage, from just started to certified. */
gboolean ll_portfolio_sample_add (LlStore     *store,
                                  const char  *today,
                                  guint        cohorts,
                                  GError     **error);

G_END_DECLS
