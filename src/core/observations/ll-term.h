/* ll-term.h: school terms in England, for grouping observations
 *
 * The school year starts in September and has three terms: autumn
 * (September to December), spring (January to March) and summer (April
 * to August, the summer holiday with it). The exact dates differ from
 * school to school by a week or two; months are close enough to group a
 * year's observations.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  LL_TERM_AUTUMN,
  LL_TERM_SPRING,
  LL_TERM_SUMMER,
} LlTermSeason;

typedef struct
{
  int          year;     /* the calendar year in which the school year starts */
  LlTermSeason season;
} LlTerm;

/* The term of @iso_date (YYYY-MM-DD); FALSE if it is not such a date. */
gboolean  ll_term_from_date    (const char   *iso_date,
                                LlTerm       *term);
/* The first day of @term and the first day after it, as YYYY-MM-DD. */
void      ll_term_get_range    (const LlTerm *term,
                                char          start[11],
                                char          end[11]);
/* "Autumn term 2025", "Spring term 2026" (the calendar year it falls in). */
char     *ll_term_dup_label    (const LlTerm *term);
/* A stable identifier, e.g. "2025-autumn", and back. */
char     *ll_term_dup_id       (const LlTerm *term);
gboolean  ll_term_from_id      (const char   *id,
                                LlTerm       *term);
/* @iso_date (YYYY-MM-DD) as people write it, "4 March 2026"; a copy of
 * @iso_date when it is not such a date. */
char     *ll_date_dup_long     (const char   *iso_date);
/* Orders terms in time. */
int       ll_term_compare      (const LlTerm *a,
                                const LlTerm *b);

G_END_DECLS
