/* ll-portfolio-kind.c: evidence portfolios as a kind of document, and
 * the workbook's programme and portfolios */
#define G_LOG_DOMAIN "ll-portfolio"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ll-document-info-private.h"
#include "ll-portfolio-kind.h"
#include "ll-portfolio-private.h"
#include "ll-portfolio-sample.h"
#include "ll-store-evidence.h"
#include "ll-store-portfolio.h"
#include "ll-workbook-portfolios.h"
#include "ll-workbook-private.h"

struct _LlPortfolioKind
{
  GObject      parent_instance;
  LlProgramme *programme;   /* read when first asked for */
  GHashTable  *portfolios;  /* gint64 * -> LlPortfolio, those opened */
  GHashTable  *persons;     /* gint64 * -> gint64 *: each portfolio's person */
  GHashTable  *statuses;    /* gint64 * -> LlPortfolioStatus: each portfolio's */
};

static void ll_portfolio_kind_document_kind_init (LlDocumentKindInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LlPortfolioKind, ll_portfolio_kind, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (LL_TYPE_DOCUMENT_KIND,
                                                      ll_portfolio_kind_document_kind_init))

static void
ll_portfolio_kind_finalize (GObject *object)
{
  LlPortfolioKind *self = LL_PORTFOLIO_KIND (object);

  g_clear_pointer (&self->programme, ll_programme_free);
  g_clear_pointer (&self->portfolios, g_hash_table_unref);
  g_clear_pointer (&self->persons, g_hash_table_unref);
  g_clear_pointer (&self->statuses, g_hash_table_unref);
  G_OBJECT_CLASS (ll_portfolio_kind_parent_class)->finalize (object);
}

static void
ll_portfolio_kind_class_init (LlPortfolioKindClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ll_portfolio_kind_finalize;
}

static void
ll_portfolio_kind_init (LlPortfolioKind *self)
{
  self->portfolios = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->persons = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->statuses = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

static const char *
portfolio_kind_get_id (LlDocumentKind *kind)
{
  return "portfolio";
}

static const char * const *
portfolio_kind_get_tables (LlDocumentKind *kind)
{
  static const char * const tables[] = {
    "programme", "programme_session", "programme_session_leader", "portfolio_rule", "participant",
    "portfolio_entry", "portfolio_submission", "evidence", "evidence_data",
    NULL
  };

  return tables;
}

static gboolean
portfolio_kind_check (LlDocumentKind *kind,
                      LlStore        *store,
                      GString        *report)
{
  gint64 lost = ll_store_count_lost_portfolios (store);
  gint64 unknown = ll_store_count_unknown_rules (store);
  gint64 bad_evidence = ll_store_count_bad_evidence (store);
  gboolean ok = TRUE;

  if (lost < 0 || unknown < 0 || bad_evidence < 0)
    {
      g_string_append (report, _("Portfolios could not be checked"));
      g_string_append_c (report, '\n');
      return FALSE;
    }
  if (lost > 0)
    {
      g_string_append_printf (report, _("Portfolios or entries whose participant is missing: %" G_GINT64_FORMAT),
                              lost);
      g_string_append_c (report, '\n');
      ok = FALSE;
    }
  if (unknown > 0)
    {
      g_string_append_printf (report, _("Rules of certification that cannot be read: %" G_GINT64_FORMAT), unknown);
      g_string_append_c (report, '\n');
      ok = FALSE;
    }
  if (bad_evidence > 0)
    {
      g_string_append_printf (report, _("Files of evidence whose size or SHA-256 does not match their bytes: %"
                                        G_GINT64_FORMAT), bad_evidence);
      g_string_append_c (report, '\n');
      ok = FALSE;
    }
  return ok;
}

/* The name of the person @id, or NULL. */
static const char *
person_name (LlWorkbook *workbook,
             gint64      id)
{
  GListModel *people = ll_workbook_get_people (workbook);

  for (guint i = 0; id > 0 && i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(LlPerson) person = g_list_model_get_item (people, i);

      if (ll_person_get_id (person) == id)
        return ll_person_get_name (person);
    }
  return NULL;
}

static LlPortfolioKind *
portfolio_kind (LlWorkbook *workbook)
{
  return LL_PORTFOLIO_KIND (_ll_workbook_get_kind_of_type (workbook, LL_TYPE_PORTFOLIO_KIND));
}

static gint64 *
int64_dup (gint64 value)
{
  return g_memdup2 (&value, sizeof value);
}

/* The title of the portfolio @id follows its participant's name as it is
 * now: it is made from the name, not only read from the file, so that
 * renaming a person renames their portfolio in the list. */
static void
set_title (LlPortfolioKind *self,
           gint64           id,
           const char      *name)
{
  LlWorkbook *workbook = ll_document_kind_get_workbook (LL_DOCUMENT_KIND (self));
  g_autofree char *title = NULL;

  /* a portfolio whose person was removed keeps the name it had */
  if (workbook == NULL || name == NULL)
    return;
  title = _ll_portfolio_dup_title (name);
  _ll_workbook_set_document_title (workbook, id, title);
}

static void
on_person_renamed (LlPerson        *person,
                   GParamSpec      *pspec,
                   LlPortfolioKind *self)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->persons);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (*(gint64 *) value == ll_person_get_id (person))
      set_title (self, *(gint64 *) key, ll_person_get_name (person));
}

static void
watch_people (LlPortfolioKind *self,
              GListModel      *people,
              guint            position,
              guint            n)
{
  for (guint i = position; i < position + n; i++)
    {
      g_autoptr(LlPerson) person = g_list_model_get_item (people, i);

      /* a person moved in the list is seen again: watched once */
      g_signal_handlers_disconnect_by_func (person, on_person_renamed, self);
      g_signal_connect_object (person, "notify::name", G_CALLBACK (on_person_renamed), self, 0);
    }
}

static void
on_people_changed (GListModel      *people,
                   guint            position,
                   guint            removed,
                   guint            added,
                   LlPortfolioKind *self)
{
  watch_people (self, people, position, added);
}

static gboolean
portfolio_kind_load (LlDocumentKind  *kind,
                     LlWorkbook      *workbook,
                     GError         **error)
{
  LlPortfolioKind *self = LL_PORTFOLIO_KIND (kind);
  GListModel *people = ll_workbook_get_people (workbook);
  GListModel *documents = ll_document_kind_get_documents (kind);
  g_autoptr(GArray) pairs = ll_store_list_participants (_ll_workbook_get_store (workbook), error);
  g_autoptr(GHashTable) names = NULL;

  if (pairs == NULL)
    return FALSE;
  /* the names by person, read once: a cohort of thousands opens as
   * quickly as one */
  names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; pairs->len > 0 && i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(LlPerson) person = g_list_model_get_item (people, i);

      g_hash_table_insert (names, int64_dup (ll_person_get_id (person)), (gpointer) ll_person_get_name (person));
    }
  for (guint i = 0; i + 2 < pairs->len; i += 3)
    {
      g_hash_table_insert (self->persons, int64_dup (g_array_index (pairs, gint64, i)),
                           int64_dup (g_array_index (pairs, gint64, i + 1)));
      g_hash_table_insert (self->statuses, int64_dup (g_array_index (pairs, gint64, i)),
                           GUINT_TO_POINTER ((guint) g_array_index (pairs, gint64, i + 2)));
    }
  /* through the kind's own share of the list, once */
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(LlDocumentInfo) info = g_list_model_get_item (documents, i);
      gint64 id = ll_document_info_get_id (info);
      gint64 *person = g_hash_table_lookup (self->persons, &id);
      const char *name = person != NULL ? g_hash_table_lookup (names, person) : NULL;

      /* one whose participant is lost (the check says so) is still ours */
      if (person == NULL)
        g_hash_table_insert (self->persons, int64_dup (id), int64_dup (0));
      if (name != NULL)
        {
          g_autofree char *title = _ll_portfolio_dup_title (name);

          _ll_document_info_set_title (info, title);
        }
    }
  watch_people (self, people, 0, g_list_model_get_n_items (people));
  g_signal_connect_object (people, "items-changed", G_CALLBACK (on_people_changed), self, 0);
  return TRUE;
}

/* The first of September that began the current school year. */
static char *
school_year_start (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year = g_date_time_get_year (now);

  if (g_date_time_get_month (now) < 9)
    year--;
  return g_strdup_printf ("%04d-09-01", year);
}

static LlProgramme *
read_programme (LlStore  *store,
                GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  g_autofree char *start = NULL;
  LlProgramme *programme = ll_store_load_programme (store, &local_error);

  if (programme != NULL)
    return programme;
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  /* none yet: the defaults, written when first needed */
  rules = ll_store_list_default_rules (store, error);
  if (rules == NULL)
    return NULL;
  start = school_year_start ();
  programme = ll_programme_new (start);
  for (guint i = 0; i < LL_PROGRAMME_N_STUDY_SESSIONS; i++)
    g_ptr_array_add (programme->sessions, ll_study_session_new ());
  for (guint i = 0; i < LL_PROGRAMME_N_CLUSTER_MEETINGS; i++)
    g_ptr_array_add (programme->meetings, ll_cluster_meeting_new ());
  g_ptr_array_extend_and_steal (programme->rules, g_steal_pointer (&rules));
  return programme;
}

const LlProgramme *
ll_workbook_get_programme (LlWorkbook  *self,
                           GError     **error)
{
  LlPortfolioKind *kind;

  g_return_val_if_fail (LL_IS_WORKBOOK (self), NULL);

  kind = portfolio_kind (self);
  if (kind->programme == NULL)
    kind->programme = read_programme (_ll_workbook_get_store (self), error);
  return kind->programme;
}

/* Writes the programme if it is only in memory. */
static gboolean
ensure_programme (LlWorkbook  *self,
                  GError     **error)
{
  LlPortfolioKind *kind = portfolio_kind (self);
  LlStore *store = _ll_workbook_get_store (self);
  LlProgramme *programme;

  if (ll_workbook_get_programme (self, error) == NULL)
    return FALSE;
  if (kind->programme->id > 0)
    return TRUE;
  if (ll_store_ensure_programme (store, kind->programme, error) == 0)
    return FALSE;
  programme = ll_store_load_programme (store, error);
  if (programme == NULL)
    return FALSE;
  ll_programme_free (kind->programme);
  kind->programme = programme;
  return TRUE;
}

gboolean
ll_workbook_update_programme (LlWorkbook         *self,
                              const LlProgramme  *programme,
                              GError            **error)
{
  LlPortfolioKind *kind;
  const LlProgramme *current;
  LlProgramme *copy;

  g_return_val_if_fail (LL_IS_WORKBOOK (self), FALSE);
  g_return_val_if_fail (programme != NULL, FALSE);

  kind = portfolio_kind (self);
  current = ll_workbook_get_programme (self, error);
  if (current == NULL)
    return FALSE;
  if (current->id == 0)
    {
      /* made now, with what was given */
      if (ll_store_ensure_programme (_ll_workbook_get_store (self), programme, error) == 0)
        return FALSE;
      g_clear_pointer (&kind->programme, ll_programme_free);
      return ll_workbook_get_programme (self, error) != NULL;
    }
  copy = ll_programme_copy (programme);
  copy->id = current->id;
  if (!ll_store_save_programme (_ll_workbook_get_store (self), copy, error))
    {
      ll_programme_free (copy);
      return FALSE;
    }
  ll_programme_free (kind->programme);
  kind->programme = copy;
  return TRUE;
}

static void
on_status_changed (LlPortfolio     *portfolio,
                   GParamSpec      *pspec,
                   LlPortfolioKind *self)
{
  g_hash_table_insert (self->statuses, int64_dup (ll_portfolio_get_id (portfolio)),
                       GUINT_TO_POINTER (ll_portfolio_get_status (portfolio)));
}

LlPortfolioStatus
ll_workbook_get_portfolio_status (LlWorkbook *self,
                                  gint64      id)
{
  g_return_val_if_fail (LL_IS_WORKBOOK (self), LL_PORTFOLIO_IN_PROGRESS);
  return GPOINTER_TO_UINT (g_hash_table_lookup (portfolio_kind (self)->statuses, &id));
}

LlPortfolio *
ll_workbook_open_portfolio (LlWorkbook  *self,
                            gint64       id,
                            GError     **error)
{
  LlPortfolioKind *kind;
  LlPortfolio *portfolio;
  gint64 *key;

  g_return_val_if_fail (LL_IS_WORKBOOK (self), NULL);

  kind = portfolio_kind (self);
  portfolio = g_hash_table_lookup (kind->portfolios, &id);
  if (portfolio != NULL)
    return g_object_ref (portfolio);
  if (!ll_document_kind_owns (LL_DOCUMENT_KIND (kind), id))
    {
      g_set_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_NO_SUCH_DOCUMENT,
                   _("This workbook has no portfolio %" G_GINT64_FORMAT "."), id);
      return NULL;
    }
  portfolio = _ll_portfolio_load (_ll_workbook_get_store (self), _ll_workbook_get_pending (self), id, error);
  if (portfolio == NULL)
    return NULL;
  key = g_new (gint64, 1);
  *key = id;
  g_hash_table_insert (kind->portfolios, key, g_object_ref (portfolio));
  g_signal_connect_object (portfolio, "notify::status", G_CALLBACK (on_status_changed), kind, 0);
  return portfolio;
}

LlPortfolio *
ll_workbook_add_portfolio (LlWorkbook           *self,
                           const LlParticipant  *participant,
                           GError              **error)
{
  g_autofree char *title = NULL;
  gint64 id;

  g_return_val_if_fail (LL_IS_WORKBOOK (self), NULL);
  g_return_val_if_fail (participant != NULL, NULL);

  if (!ensure_programme (self, error))
    return NULL;
  title = _ll_portfolio_dup_title (person_name (self, participant->person_id));
  id = ll_store_insert_portfolio (_ll_workbook_get_store (self), title, participant, error);
  if (id == 0)
    return NULL;
  _ll_workbook_add_document (self, "portfolio", id, title);
  g_hash_table_insert (portfolio_kind (self)->persons, int64_dup (id), int64_dup (participant->person_id));
  g_hash_table_insert (portfolio_kind (self)->statuses, int64_dup (id), GUINT_TO_POINTER (LL_PORTFOLIO_IN_PROGRESS));
  return ll_workbook_open_portfolio (self, id, error);
}

gboolean
ll_workbook_remove_portfolio (LlWorkbook   *self,
                              LlPortfolio  *portfolio,
                              GError      **error)
{
  gint64 id;

  g_return_val_if_fail (LL_IS_WORKBOOK (self), FALSE);
  g_return_val_if_fail (LL_IS_PORTFOLIO (portfolio), FALSE);

  id = ll_portfolio_get_id (portfolio);
  ll_workbook_flush (self, NULL);
  if (!ll_store_delete_document (_ll_workbook_get_store (self), id, error))
    return FALSE;
  _ll_workbook_remove_document (self, id);
  g_hash_table_remove (portfolio_kind (self)->portfolios, &id);
  g_hash_table_remove (portfolio_kind (self)->persons, &id);
  g_hash_table_remove (portfolio_kind (self)->statuses, &id);
  return TRUE;
}

gboolean
ll_workbook_update_participant (LlWorkbook           *self,
                                LlPortfolio          *portfolio,
                                const LlParticipant  *participant,
                                GError              **error)
{
  g_autofree char *title = NULL;

  g_return_val_if_fail (LL_IS_WORKBOOK (self), FALSE);
  g_return_val_if_fail (LL_IS_PORTFOLIO (portfolio), FALSE);
  g_return_val_if_fail (participant != NULL, FALSE);

  title = _ll_portfolio_dup_title (person_name (self, participant->person_id));
  if (!_ll_portfolio_update_participant (portfolio, participant, title, error))
    return FALSE;
  _ll_workbook_set_document_title (self, ll_portfolio_get_id (portfolio), title);
  g_hash_table_insert (portfolio_kind (self)->persons, int64_dup (ll_portfolio_get_id (portfolio)),
                       int64_dup (participant->person_id));
  return TRUE;
}

GPtrArray *
ll_workbook_check_portfolio (LlWorkbook   *self,
                             LlPortfolio  *portfolio,
                             GError      **error)
{
  const LlProgramme *programme;

  g_return_val_if_fail (LL_IS_WORKBOOK (self), NULL);
  g_return_val_if_fail (LL_IS_PORTFOLIO (portfolio), NULL);

  programme = ll_workbook_get_programme (self, error);
  if (programme == NULL)
    return NULL;
  return ll_portfolio_check_requirements (portfolio, programme);
}

/* Whether @id is a portfolio: every one is in the map of persons (with
 * 0 for a person lost), which a cohort of thousands answers without
 * going through the list. */
static gboolean
portfolio_kind_owns (LlDocumentKind *kind,
                     gint64          id)
{
  return g_hash_table_contains (LL_PORTFOLIO_KIND (kind)->persons, &id);
}

static LlDoc *
portfolio_kind_build_doc (LlDocumentKind  *kind,
                          gint64           id,
                          GError         **error)
{
  LlWorkbook *workbook = ll_document_kind_get_workbook (kind);
  GListModel *documents = ll_document_kind_get_documents (kind);
  g_autoptr(LlPortfolio) portfolio = NULL;
  g_autoptr(LlDocumentInfo) info = NULL;
  const LlProgramme *programme;
  const LlParticipant *participant;

  for (guint i = 0; info == NULL && i < g_list_model_get_n_items (documents); i++)
    {
      info = g_list_model_get_item (documents, i);
      if (ll_document_info_get_id (info) != id)
        g_clear_object (&info);
    }
  ll_workbook_flush (workbook, NULL);
  portfolio = ll_workbook_open_portfolio (workbook, id, error);
  if (portfolio == NULL)
    return NULL;
  programme = ll_workbook_get_programme (workbook, error);
  if (programme == NULL)
    return NULL;
  participant = ll_portfolio_get_participant (portfolio);
  return _ll_portfolio_build_doc (portfolio, programme, info != NULL ? ll_document_info_get_title (info) : NULL,
                                  person_name (workbook, participant->person_id),
                                  person_name (workbook, participant->tutor_id));
}

static gboolean
portfolio_kind_add_sample (LlDocumentKind  *kind,
                           LlStore         *store,
                           guint            scale,
                           GError         **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  /* a cohort for each of @scale, as the school's people grow */
  return ll_portfolio_sample_add (store, today, scale, error);
}

static void
ll_portfolio_kind_document_kind_init (LlDocumentKindInterface *iface)
{
  iface->get_id = portfolio_kind_get_id;
  iface->get_tables = portfolio_kind_get_tables;
  iface->load = portfolio_kind_load;
  iface->owns = portfolio_kind_owns;
  iface->build_doc = portfolio_kind_build_doc;
  iface->check = portfolio_kind_check;
  iface->add_sample = portfolio_kind_add_sample;
}
