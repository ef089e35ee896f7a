/* ll-observation-kind.c: lesson observations as a kind of document */
#define G_LOG_DOMAIN "ll-observation"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ll-framework.h"
#include "ll-observation-doc.h"
#include "ll-observation-kind.h"
#include "ll-observation-private.h"
#include "ll-observation-sample.h"
#include "ll-store-observation.h"
#include "ll-workbook-private.h"

struct _LlObservationKind
{
  GObject parent_instance;
};

static void ll_observation_kind_document_kind_init (LlDocumentKindInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LlObservationKind, ll_observation_kind, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (LL_TYPE_DOCUMENT_KIND,
                                                      ll_observation_kind_document_kind_init))

static void
ll_observation_kind_class_init (LlObservationKindClass *klass)
{
}

static void
ll_observation_kind_init (LlObservationKind *self)
{
}

static const char *
observation_kind_get_id (LlDocumentKind *kind)
{
  return "observation";
}

static const char * const *
observation_kind_get_tables (LlDocumentKind *kind)
{
  static const char * const tables[] = {
    "framework", "framework_group", "behaviour", "observation", "observation_note",
    "observation_tally", "observation_level", "observation_note_search", "observation_search",
    NULL
  };

  return tables;
}

static gboolean
observation_kind_check (LlDocumentKind *kind,
                        LlStore        *store,
                        GString        *report)
{
  gint64 lost = ll_store_count_lost_observations (store);

  if (lost == 0)
    return TRUE;
  if (lost < 0)
    g_string_append (report, _("Observations could not be checked"));
  else
    g_string_append_printf (report, _("Observations whose record is missing: %" G_GINT64_FORMAT),
                            lost);
  g_string_append_c (report, '\n');
  return FALSE;
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

static LlDoc *
observation_kind_build_doc (LlDocumentKind  *kind,
                            gint64           id,
                            GError         **error)
{
  LlWorkbook *workbook = ll_document_kind_get_workbook (kind);
  LlStore *store = _ll_workbook_get_store (workbook);
  GListModel *documents = ll_document_kind_get_documents (kind);
  g_autoptr(LlObservation) observation = NULL;
  g_autoptr(LlFramework) framework = NULL;
  g_autoptr(LlDocumentInfo) info = NULL;
  LlObservationNames names = { 0 };
  gint64 framework_id;

  for (guint i = 0; info == NULL && i < g_list_model_get_n_items (documents); i++)
    {
      info = g_list_model_get_item (documents, i);
      if (ll_document_info_get_id (info) != id)
        g_clear_object (&info);
    }
  /* what waits is in the file before the observation is read from it */
  ll_workbook_flush (workbook, NULL);
  observation = _ll_observation_load (store, _ll_workbook_get_pending (workbook), id, error);
  if (observation == NULL)
    return NULL;
  framework_id = ll_observation_get_number (observation, LL_OBSERVATION_FRAMEWORK);
  if (framework_id > 0)
    framework = ll_store_load_framework (store, framework_id, NULL);
  names.title = info != NULL ? ll_document_info_get_title (info) : NULL;
  names.observer = person_name (workbook, ll_observation_get_number (observation, LL_OBSERVATION_OBSERVER));
  names.teacher = person_name (workbook, ll_observation_get_number (observation, LL_OBSERVATION_TEACHER));
  names.school = ll_school_get_name (ll_workbook_get_school (workbook));
  return ll_observation_build_doc (observation, &names, framework);
}

/* Who leads observations, and who is observed. */
typedef struct
{
  GArray *observers;
  GArray *teachers;
} Staff;

static void
staff_add (Staff  *people,
           gint64  id,
           LlRole  role)
{
  switch (role)
    {
    case LL_ROLE_HEADTEACHER:
    case LL_ROLE_SENIOR_LEADER:
    case LL_ROLE_MIDDLE_LEADER:
      g_array_append_val (people->observers, id);
      if (role == LL_ROLE_MIDDLE_LEADER)
        g_array_append_val (people->teachers, id);
      break;
    case LL_ROLE_TEACHER:
      g_array_append_val (people->teachers, id);
      break;
    case LL_ROLE_TEACHING_ASSISTANT:
    case LL_ROLE_LEARNING_SUPPORT_ASSISTANT:
    case LL_ROLE_FACILITATOR:
    case LL_ROLE_TUTOR:
    case LL_N_ROLES:
      break;
    }
}

/* The sample's leaders and teachers, in the order they were added. */
static gboolean
read_staff (LlStore  *store,
            Staff    *people,
            GError  **error)
{
  g_autoptr(GPtrArray) rows = ll_store_list_people (store, error);

  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      LlStorePerson *row = g_ptr_array_index (rows, i);
      LlRole role;

      if (ll_role_from_id (row->role, &role))
        staff_add (people, row->id, role);
    }
  return TRUE;
}

/* A year of lesson observations, led by the school's leaders, up to
 * today, under the first of the frameworks that come with the program;
 * the others are there to choose from. */
static gboolean
observation_kind_add_sample (LlDocumentKind  *kind,
                             LlStore         *store,
                             guint            scale,
                             GError         **error)
{
  g_autoptr(GPtrArray) builtin = ll_framework_list_builtin ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GArray) observers = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) teachers = g_array_new (FALSE, FALSE, sizeof (gint64));
  Staff staff = { observers, teachers };
  Staff *people = &staff;
  LlObservationSampleSetup setup = { 0 };

  if (!read_staff (store, people, error))
    return FALSE;

  for (guint i = 0; i < builtin->len; i++)
    {
      gint64 id = ll_store_save_framework (store, 0, g_ptr_array_index (builtin, i), error);

      if (id == 0)
        return FALSE;
      if (i == 0)
        setup.framework_id = id;
    }
  setup.framework = g_ptr_array_index (builtin, 0);
  setup.observers = (const gint64 *) people->observers->data;
  setup.n_observers = people->observers->len;
  setup.teachers = (const gint64 *) people->teachers->data;
  setup.n_teachers = people->teachers->len;
  setup.today = today;
  /* a year's observations for every twenty of @scale, as narratives grow:
   * the people grow with @scale itself */
  return ll_observation_sample_add (store, &setup, 1 + (scale - 1) / 20, error);
}

static void
ll_observation_kind_document_kind_init (LlDocumentKindInterface *iface)
{
  iface->get_id = observation_kind_get_id;
  iface->get_tables = observation_kind_get_tables;
  iface->build_doc = observation_kind_build_doc;
  iface->check = observation_kind_check;
  iface->add_sample = observation_kind_add_sample;
}
