/* ll-portfolio-view.h: one participant's evidence portfolio: its contents,
 * the entry being written, the requirements beside them, and submission
 * and verification */
#pragma once

#include <adwaita.h>

#include "ll-workbook-portfolios.h"

G_BEGIN_DECLS

#define LL_TYPE_PORTFOLIO_VIEW (ll_portfolio_view_get_type ())
G_DECLARE_FINAL_TYPE (LlPortfolioView, ll_portfolio_view, LL, PORTFOLIO_VIEW, GtkWidget)

GtkWidget   *ll_portfolio_view_new              (void);
/* Shows @portfolio of @workbook (both may be NULL), its participant first. */
void         ll_portfolio_view_set_portfolio    (LlPortfolioView *self,
                                                 LlWorkbook      *workbook,
                                                 LlPortfolio     *portfolio);
LlPortfolio *ll_portfolio_view_get_portfolio    (LlPortfolioView *self);
/* The entry being written, or NULL while the participant's details are
 * shown. */
LlPortfolioEntry *ll_portfolio_view_get_entry   (LlPortfolioView *self);
/* Shows @entry (NULL: the participant's details). */
void         ll_portfolio_view_show_entry       (LlPortfolioView  *self,
                                                 LlPortfolioEntry *entry);
/* Writes what waits of the participant's details. */
void         ll_portfolio_view_flush            (LlPortfolioView *self);

G_END_DECLS
