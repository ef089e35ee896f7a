/* ll-observation-trend.h: how often each behaviour was developing or
 * embedded, term by term: the figures behind the trend charts and the
 * termly summary, also shown as a table */
#pragma once

#include "ll-framework.h"
#include "ll-term.h"

G_BEGIN_DECLS

typedef struct
{
  LlFramework *framework;     /* owned */
  guint        n_terms;
  LlTerm      *terms;         /* in order */
  char       **term_labels;   /* "Autumn term 2025", ... */
  guint        n_behaviours;  /* the framework's, in its order */
  char       **keys;
  char       **names;
  char       **groups;        /* the group name of each behaviour */
  guint       *observed;      /* [term * n_behaviours + behaviour]: observations that gave a level */
  guint       *reached;       /* ... of them at the threshold or above */
  int          threshold;     /* the level counted, from the top two of the scale */
} LlObservationTrend;

void                ll_observation_trend_free  (LlObservationTrend *trend);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LlObservationTrend, ll_observation_trend_free)

/* The share for a term and a behaviour, from 0 to 1; NAN when no
 * observation gave the behaviour a level in that term. */
double              ll_observation_trend_share (const LlObservationTrend *trend,
                                                guint                     term,
                                                guint                     behaviour);

G_END_DECLS
