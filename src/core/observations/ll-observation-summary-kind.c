/* ll-observation-summary-kind.c: the summaries of observations by term,
 * a kind of document that is made, not stored */
#define G_LOG_DOMAIN "ll-observation"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ll-document-info-private.h"
#include "ll-observation-trend-private.h"
#include "ll-observation-summary.h"
#include "ll-observation-summary-kind.h"
#include "ll-store-observation.h"
#include "ll-term.h"
#include "ll-workbook-private.h"

struct _LlObservationSummaryKind
{
  GObject             parent_instance;
  /* draws the charts of summaries, which the core cannot draw itself */
  LlWorkbookChartFunc chart_func;
  gpointer            chart_data;
};

static void ll_observation_summary_kind_document_kind_init (LlDocumentKindInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LlObservationSummaryKind, ll_observation_summary_kind, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (LL_TYPE_DOCUMENT_KIND,
                                                      ll_observation_summary_kind_document_kind_init))

static void
ll_observation_summary_kind_class_init (LlObservationSummaryKindClass *klass)
{
}

static void
ll_observation_summary_kind_init (LlObservationSummaryKind *self)
{
}

static LlObservationSummaryKind *
summary_kind (LlWorkbook *workbook)
{
  return LL_OBSERVATION_SUMMARY_KIND (_ll_workbook_get_kind_of_type (workbook,
                                                                     LL_TYPE_OBSERVATION_SUMMARY_KIND));
}

/* Summaries of observations are made, not stored: a term's summary has
 * the ID that ll-observation-summary.c gives it, -(year × 10 + season). */
static gint64
summary_document_id (const LlTerm *term)
{
  return -((gint64) term->year * 10 + (gint64) term->season);
}

static gboolean
summary_term (gint64  document_id,
              LlTerm *term)
{
  gint64 n = -document_id;

  if (document_id >= 0 || n % 10 > LL_TERM_SUMMER || n / 10 < 1 || n / 10 > 9999)
    return FALSE;
  term->year = (int) (n / 10);
  term->season = (LlTermSeason) (n % 10);
  return TRUE;
}

static int
compare_terms (gconstpointer a,
               gconstpointer b)
{
  return ll_term_compare (a, b);
}

/* Every term in which there are observations, in order. */
static GArray *
observed_terms (LlWorkbook  *self,
                GError     **error)
{
  g_auto(GStrv) months = NULL;
  GArray *terms;

  ll_workbook_flush (self, NULL);
  months = ll_store_dup_observation_months (_ll_workbook_get_store (self), error);
  if (months == NULL)
    return NULL;
  terms = g_array_new (FALSE, FALSE, sizeof (LlTerm));
  for (guint i = 0; months[i] != NULL; i++)
    {
      g_autofree char *date = g_strconcat (months[i], "-01", NULL);
      gboolean seen = FALSE;
      LlTerm term;

      if (!ll_term_from_date (date, &term))
        continue;
      for (guint t = 0; t < terms->len && !seen; t++)
        seen = ll_term_compare (&g_array_index (terms, LlTerm, t), &term) == 0;
      if (!seen)
        g_array_append_val (terms, term);
    }
  g_array_sort (terms, compare_terms);
  return terms;
}

static gboolean
term_has_observations (LlWorkbook   *self,
                       const LlTerm *term)
{
  g_autoptr(GArray) terms = observed_terms (self, NULL);

  for (guint t = 0; terms != NULL && t < terms->len; t++)
    if (ll_term_compare (&g_array_index (terms, LlTerm, t), term) == 0)
      return TRUE;
  return FALSE;
}

/* The frameworks that the term's observations follow, in order; the
 * workbook's first when they follow none. */
static GArray *
summary_frameworks (LlWorkbook    *self,
                    const LlTerm  *term,
                    GError       **error)
{
  LlStore *store = _ll_workbook_get_store (self);
  g_autoptr(GArray) ids = NULL;
  char from[11], until[11];

  ll_term_get_range (term, from, until);
  ids = ll_store_list_frameworks_observed (store, from, until, error);
  if (ids == NULL)
    return NULL;
  if (ids->len > 0)
    return g_steal_pointer (&ids);
  g_clear_pointer (&ids, g_array_unref);
  ids = ll_store_list_frameworks (store, error);
  if (ids == NULL)
    return NULL;
  if (ids->len == 0)
    {
      g_set_error_literal (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_NO_SUCH_DOCUMENT,
                           _("This workbook has no framework of learning behaviours to summarise "
                             "its observations by."));
      return NULL;
    }
  g_array_set_size (ids, 1);
  return g_steal_pointer (&ids);
}

static void
unref_chart (gpointer chart)
{
  if (chart != NULL)
    g_bytes_unref (chart);
}

static LlDoc *
build_summary_doc (LlWorkbook   *self,
                   const LlTerm *term,
                   GError      **error)
{
  LlObservationSummaryKind *kind;
  g_autoptr(GPtrArray) trends = g_ptr_array_new_with_free_func ((GDestroyNotify) ll_observation_trend_free);
  g_autoptr(GPtrArray) charts = g_ptr_array_new_with_free_func (unref_chart);
  g_autoptr(GArray) frameworks = NULL;

  ll_workbook_flush (self, NULL);
  frameworks = summary_frameworks (self, term, error);
  if (frameworks == NULL)
    return NULL;
  kind = summary_kind (self);
  for (guint i = 0; i < frameworks->len; i++)
    {
      LlObservationTrend *trend = ll_observation_trend_new (_ll_workbook_get_store (self),
                                                            g_array_index (frameworks, gint64, i),
                                                            term, 1, NULL, error);

      if (trend == NULL)
        return NULL;
      g_ptr_array_add (trends, trend);
      g_ptr_array_add (charts, kind->chart_func != NULL ? kind->chart_func (trend, 0, kind->chart_data) : NULL);
    }
  return ll_observation_summary_build_doc (_ll_workbook_get_store (self),
                                           (const LlObservationTrend * const *) trends->pdata,
                                           (GBytes * const *) charts->pdata, trends->len, 0,
                                           ll_school_get_name (ll_workbook_get_school (self)),
                                           error);
}

/**
 * ll_workbook_list_summaries:
 * The summaries of observations, one for each term that has any, in the
 * order of the terms: a new array of LlDocumentInfo of kind
 * "observation-summary". ll_workbook_build_doc() builds them by their ID.
 */
GPtrArray *
ll_workbook_list_summaries (LlWorkbook  *self,
                            GError     **error)
{
  g_autoptr(GArray) terms = NULL;
  GPtrArray *summaries;

  g_return_val_if_fail (LL_IS_WORKBOOK (self), NULL);

  terms = observed_terms (self, error);
  if (terms == NULL)
    return NULL;
  summaries = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint t = 0; t < terms->len; t++)
    {
      const LlTerm *term = &g_array_index (terms, LlTerm, t);
      g_autofree char *label = ll_term_dup_label (term);
      /* TRANSLATORS: e.g. "Observations, Spring term 2026" */
      g_autofree char *title = g_strdup_printf (_("Observations, %s"), label);

      g_ptr_array_add (summaries, _ll_document_info_new ("observation-summary",
                                                         summary_document_id (term), title));
    }
  return summaries;
}

/**
 * ll_workbook_dup_summary_name:
 * A summary's ID as the command line writes it, "summary-2025-autumn";
 * NULL when @document_id is not a summary's.
 */
char *
ll_workbook_dup_summary_name (gint64 document_id)
{
  g_autofree char *term_id = NULL;
  LlTerm term;

  if (!summary_term (document_id, &term))
    return NULL;
  term_id = ll_term_dup_id (&term);
  return g_strconcat ("summary-", term_id, NULL);
}

/**
 * ll_workbook_summary_id_from_name:
 * The document ID of the summary named @name ("summary-2025-autumn").
 */
gboolean
ll_workbook_summary_id_from_name (const char *name,
                                  gint64     *document_id)
{
  LlTerm term;

  g_return_val_if_fail (name != NULL && document_id != NULL, FALSE);

  if (!g_str_has_prefix (name, "summary-") || !ll_term_from_id (name + strlen ("summary-"), &term)
      || term.year < 1 || term.year > 9999)
    return FALSE;
  *document_id = summary_document_id (&term);
  return TRUE;
}

void
ll_workbook_set_chart_func (LlWorkbook          *self,
                            LlWorkbookChartFunc  func,
                            gpointer             user_data)
{
  g_return_if_fail (LL_IS_WORKBOOK (self));
  summary_kind (self)->chart_func = func;
  summary_kind (self)->chart_data = user_data;
}

static const char *
summary_kind_get_id (LlDocumentKind *kind)
{
  return "observation-summary";
}

static GPtrArray *
summary_kind_list_documents (LlDocumentKind  *kind,
                             GError         **error)
{
  return ll_workbook_list_summaries (ll_document_kind_get_workbook (kind), error);
}

static gboolean
summary_kind_owns (LlDocumentKind *kind,
                   gint64          id)
{
  LlTerm term;

  return summary_term (id, &term);
}

static char *
summary_kind_dup_name (LlDocumentKind *kind,
                       gint64          id)
{
  return ll_workbook_dup_summary_name (id);
}

static gboolean
summary_kind_id_from_name (LlDocumentKind *kind,
                           const char     *name,
                           gint64         *id)
{
  return ll_workbook_summary_id_from_name (name, id);
}

static LlDoc *
summary_kind_build_doc (LlDocumentKind  *kind,
                        gint64           id,
                        GError         **error)
{
  LlWorkbook *workbook = ll_document_kind_get_workbook (kind);
  g_autofree char *name = NULL;
  LlTerm term;

  if (summary_term (id, &term) && term_has_observations (workbook, &term))
    return build_summary_doc (workbook, &term, error);
  name = ll_workbook_dup_summary_name (id);
  g_set_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_NO_SUCH_DOCUMENT,
               _("This workbook has no observations in the term of “%s”, so it has no such "
                 "summary. Use --list to see the documents it has."), name);
  return NULL;
}

static void
ll_observation_summary_kind_document_kind_init (LlDocumentKindInterface *iface)
{
  iface->get_id = summary_kind_get_id;
  iface->list_documents = summary_kind_list_documents;
  iface->owns = summary_kind_owns;
  iface->dup_name = summary_kind_dup_name;
  iface->id_from_name = summary_kind_id_from_name;
  iface->build_doc = summary_kind_build_doc;
}
