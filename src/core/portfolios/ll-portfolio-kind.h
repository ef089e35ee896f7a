/* ll-portfolio-kind.h: evidence portfolios as a kind of document */
#pragma once

#include "ll-document-kind.h"

G_BEGIN_DECLS

/* The kind "portfolio": participants' evidence portfolios, which
 * ll-workbook-portfolios.h opens, adds and changes. */
#define LL_TYPE_PORTFOLIO_KIND (ll_portfolio_kind_get_type ())
G_DECLARE_FINAL_TYPE (LlPortfolioKind, ll_portfolio_kind, LL, PORTFOLIO_KIND, GObject)

G_END_DECLS
