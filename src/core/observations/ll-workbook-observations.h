/* ll-workbook-observations.h: a workbook's lesson observations, as the
 * observations place shows them */
#pragma once

#include "ll-framework.h"
#include "ll-observation.h"
#include "ll-observation-trend.h"
#include "ll-workbook.h"

G_BEGIN_DECLS

/* One line of the year's list. Properties (strings unless said):
 * "id" (gint64), "date", "start", "teacher", "observer" (names),
 * "class-group", "year-group", "subject", "focus" (behaviour names),
 * "status" (its label), "status-id", "follow-up", "title". */
#define LL_TYPE_OBSERVATION_ITEM (ll_observation_item_get_type ())
G_DECLARE_FINAL_TYPE (LlObservationItem, ll_observation_item, LL, OBSERVATION_ITEM, GObject)

gint64       ll_observation_item_get_id     (LlObservationItem *self);
const char  *ll_observation_item_get_string (LlObservationItem *self,
                                             const char        *property);

/* A match of a search: the observation and the words around the match,
 * the matching ones between \x02 and \x03. */
typedef struct
{
  gint64  id;
  char   *snippet;
} LlObservationHit;

void         ll_observation_hit_free        (LlObservationHit *hit);

/* The observations, by date (a GListModel of LlObservationItem), read
 * when first asked for; the list follows edits of opened observations. */
GListModel    *ll_workbook_get_observations     (LlWorkbook  *self);
/* The observation @id with all it holds; the same object while anyone
 * holds it. */
LlObservation *ll_workbook_open_observation     (LlWorkbook  *self,
                                                 gint64       id,
                                                 GError     **error);
/* A new planned observation on @date (YYYY-MM-DD), using the workbook's
 * first framework; the frameworks that ship are added to a workbook that
 * has none. */
LlObservation *ll_workbook_add_observation      (LlWorkbook  *self,
                                                 const char  *date,
                                                 GError     **error);
gboolean       ll_workbook_remove_observation   (LlWorkbook  *self,
                                                 gint64       id,
                                                 GError     **error);
/* The framework @observation uses, or NULL. */
LlFramework   *ll_workbook_get_observation_framework (LlWorkbook    *self,
                                                      LlObservation *observation);
/* Of LlObservationHit, best first. */
GPtrArray     *ll_workbook_search_observations  (LlWorkbook  *self,
                                                 const char  *typed,
                                                 guint        limit,
                                                 GError     **error);

/* Makes @observation follow another framework, while it records no
 * behaviour of its own (LL_FRAMEWORK_ERROR_IN_USE otherwise). */
gboolean       ll_workbook_set_observation_framework (LlWorkbook     *self,
                                                      LlObservation  *observation,
                                                      gint64          framework_id,
                                                      GError        **error);
/* The IDs of the frameworks, in the order of ll_workbook_list_frameworks(). */
GArray        *ll_workbook_dup_framework_ids    (LlWorkbook   *self,
                                                 GError      **error);
/* Replaces the framework @framework_id with @framework once its rules
 * hold and it keeps every behaviour that observations refer to (their
 * focus, notes, tallies or levels); LL_FRAMEWORK_ERROR_IN_USE names the
 * first that would be lost. */
gboolean       ll_workbook_update_framework     (LlWorkbook   *self,
                                                 gint64        framework_id,
                                                 LlFramework  *framework,
                                                 GError      **error);

/* Removes the framework @framework_id, which no observation may use
 * (LL_FRAMEWORK_ERROR_IN_USE otherwise). */
gboolean       ll_workbook_remove_framework     (LlWorkbook   *self,
                                                 gint64        framework_id,
                                                 GError      **error);

/* How often each behaviour of the framework @framework_id (0: the
 * workbook's first) was seen developing or embedded, over every term that
 * has observations, for @year_group (NULL or "": every year group). What
 * waits to be written is written first. */
LlObservationTrend *ll_workbook_dup_observation_trend (LlWorkbook  *self,
                                                       gint64       framework_id,
                                                       const char  *year_group,
                                                       GError     **error);
/* The year groups that observations name, sorted as people count them
 * ("Reception", "Year 1", "Year 2", ..., "Year 10"); a NULL-terminated
 * array. */
char              **ll_workbook_dup_observed_year_groups (LlWorkbook  *self,
                                                          GError     **error);

G_END_DECLS
