/* ll-workbook-portfolios.h: a workbook's programme and its participants'
 * evidence portfolios, as the portfolios place shows them */
#pragma once

#include "ll-portfolio.h"
#include "ll-programme.h"
#include "ll-workbook.h"

G_BEGIN_DECLS

/* The workbook's programme. A workbook that has none yet is given one
 * starting on the 1st of September of the current school year, with the
 * default rules, which is written the first time it is changed or a
 * portfolio is added. Owned by the workbook, and valid until the
 * programme is next changed: copy it (ll_programme_copy()) to change it
 * or to keep it. */
const LlProgramme *ll_workbook_get_programme      (LlWorkbook          *self,
                                                   GError             **error);
/* Writes @programme (a changed copy of ll_workbook_get_programme()):
 * its details, sessions, meetings and rules' minima. */
gboolean       ll_workbook_update_programme       (LlWorkbook          *self,
                                                   const LlProgramme   *programme,
                                                   GError             **error);

/* The portfolio @id with its entries; the same object while the workbook
 * is open. */
LlPortfolio   *ll_workbook_open_portfolio         (LlWorkbook          *self,
                                                   gint64               id,
                                                   GError             **error);
/* Where the portfolio @id stands, without opening it: for a list of the
 * cohort, or the certificates of those certified. It follows the
 * portfolios opened. */
LlPortfolioStatus ll_workbook_get_portfolio_status (LlWorkbook     *self,
                                                   gint64          id);
/* A new portfolio, in progress, for @participant (whose person_id names
 * a person of the workbook, or 0). */
LlPortfolio   *ll_workbook_add_portfolio          (LlWorkbook          *self,
                                                   const LlParticipant *participant,
                                                   GError             **error);
gboolean       ll_workbook_remove_portfolio       (LlWorkbook          *self,
                                                   LlPortfolio         *portfolio,
                                                   GError             **error);
/* Changes the participant of @portfolio, and the title that names them;
 * refused unless the portfolio is in progress. */
gboolean       ll_workbook_update_participant     (LlWorkbook          *self,
                                                   LlPortfolio         *portfolio,
                                                   const LlParticipant *participant,
                                                   GError             **error);
/* The requirements of @portfolio under the workbook's programme, of
 * LlRequirement (see ll_portfolio_check_requirements()). */
GPtrArray     *ll_workbook_check_portfolio        (LlWorkbook          *self,
                                                   LlPortfolio         *portfolio,
                                                   GError             **error);

G_END_DECLS
