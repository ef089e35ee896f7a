/* ll-portfolio-sample.h: a cohort of the programme, made by code */
#pragma once

#include <gio/gio.h>

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

/* The sample's pictures of evidence, as PNG files, a little different
 * for each @seed (ll-portfolio-sample-images.c): a bar chart of before
 * and after, a photograph-like reading corner, a diagram of a change
 * spreading from one class. */
GBytes  *ll_portfolio_sample_chart   (guint seed);
GBytes  *ll_portfolio_sample_photo   (guint seed);
GBytes  *ll_portfolio_sample_diagram (guint seed);

G_END_DECLS
