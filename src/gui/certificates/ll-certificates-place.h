/* ll-certificates-place.h: the Certificates place (not built yet) */
#pragma once

#include "ll-empty-place.h"

G_BEGIN_DECLS

#define LL_TYPE_CERTIFICATES_PLACE (ll_certificates_place_get_type ())
G_DECLARE_FINAL_TYPE (LlCertificatesPlace, ll_certificates_place, LL, CERTIFICATES_PLACE, LlEmptyPlace)

G_END_DECLS
