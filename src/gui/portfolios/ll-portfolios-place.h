/* ll-portfolios-place.h: the Portfolios place: the programme's
 * participants and their evidence portfolios */
#pragma once

#include <adwaita.h>

#include "ll-place.h"
#include "ll-portfolio-view.h"

G_BEGIN_DECLS

#define LL_TYPE_PORTFOLIOS_PLACE (ll_portfolios_place_get_type ())
G_DECLARE_FINAL_TYPE (LlPortfoliosPlace, ll_portfolios_place, LL, PORTFOLIOS_PLACE, GtkWidget)

GtkWidget       *ll_portfolios_place_new      (void);
/* Opens the portfolio @id (0: back to the list). */
void             ll_portfolios_place_open     (LlPortfoliosPlace *self,
                                               gint64             id);
LlPortfolioView *ll_portfolios_place_get_view (LlPortfoliosPlace *self);
GtkListBox      *ll_portfolios_place_get_list (LlPortfoliosPlace *self);

G_END_DECLS
