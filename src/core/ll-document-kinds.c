/* ll-document-kinds.c: the table of kinds of document
 *
 * A new kind of document is a folder that implements LlDocumentKind and
 * a row here. The order is the order of the list of documents' kinds, of
 * the check and of the sample workbook. */
#define G_LOG_DOMAIN "ll-document-kind"

#include "config.h"

#include "ll-document-kind-private.h"
#include "ll-observation-kind.h"
#include "ll-observation-summary-kind.h"
#include "ll-portfolio-kind.h"
#include "ll-school-kind.h"
#include "ll-vision-kind.h"

static GType (* const kinds[]) (void) = {
  ll_school_kind_get_type,
  ll_vision_kind_get_type,
  ll_observation_kind_get_type,
  ll_observation_summary_kind_get_type,
  ll_portfolio_kind_get_type,
};

GPtrArray *
_ll_document_kinds_new (void)
{
  GPtrArray *array = g_ptr_array_new_full (G_N_ELEMENTS (kinds), g_object_unref);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    g_ptr_array_add (array, g_object_new (kinds[i] (), NULL));
  return array;
}
