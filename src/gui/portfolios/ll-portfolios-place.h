/* ll-portfolios-place.h: the Portfolios place (not built yet) */
#pragma once

#include "ll-empty-place.h"

G_BEGIN_DECLS

#define LL_TYPE_PORTFOLIOS_PLACE (ll_portfolios_place_get_type ())
G_DECLARE_FINAL_TYPE (LlPortfoliosPlace, ll_portfolios_place, LL, PORTFOLIOS_PLACE, LlEmptyPlace)

G_END_DECLS
