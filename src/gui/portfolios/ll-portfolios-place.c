/* ll-portfolios-place.c: the Portfolios place, where programme participants
 * will gather their evidence; for now it says so */
#include "config.h"

#include <glib/gi18n.h>

#include "ll-portfolios-place.h"

struct _LlPortfoliosPlace
{
  LlEmptyPlace parent_instance;
};

G_DEFINE_FINAL_TYPE (LlPortfoliosPlace, ll_portfolios_place, LL_TYPE_EMPTY_PLACE)

static void
ll_portfolios_place_class_init (LlPortfoliosPlaceClass *klass)
{
  LlEmptyPlaceClass *place_class = LL_EMPTY_PLACE_CLASS (klass);

  place_class->name = "portfolios";
  place_class->title = N_("Portfolios");
  place_class->icon_name = "folder-documents-symbolic";
  place_class->heading = N_("Evidence Portfolios");
  place_class->description = N_("This is where programme participants will gather their evidence: reflections on three cluster group sessions, one of which they led, and the analytical story of their work-based activity.");
}

static void
ll_portfolios_place_init (LlPortfoliosPlace *self)
{
}
