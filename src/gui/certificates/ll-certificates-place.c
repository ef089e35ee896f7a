/* ll-certificates-place.c: the Certificates place, where completed
 * portfolios will be verified and certificates printed; for now it says so */
#include "config.h"

#include <glib/gi18n.h>

#include "ll-certificates-place.h"

struct _LlCertificatesPlace
{
  LlEmptyPlace parent_instance;
};

G_DEFINE_FINAL_TYPE (LlCertificatesPlace, ll_certificates_place, LL_TYPE_EMPTY_PLACE)

static void
ll_certificates_place_class_init (LlCertificatesPlaceClass *klass)
{
  LlEmptyPlaceClass *place_class = LL_EMPTY_PLACE_CLASS (klass);

  place_class->name = "certificates";
  place_class->title = N_("Certificates");
  place_class->icon_name = "application-certificate-symbolic";
  place_class->heading = N_("Certificates");
  place_class->description = N_("This is where you will check completed portfolios, record their verification and print certificates for a whole cohort at once.");
}

static void
ll_certificates_place_init (LlCertificatesPlace *self)
{
}
