/* ll-school-kind.c: the school profile as a kind of document */
#define G_LOG_DOMAIN "ll-school"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ll-document-info-private.h"
#include "ll-school-kind.h"
#include "ll-school-sample.h"
#include "ll-workbook.h"

struct _LlSchoolKind
{
  GObject parent_instance;
};

static void ll_school_kind_document_kind_init (LlDocumentKindInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LlSchoolKind, ll_school_kind, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (LL_TYPE_DOCUMENT_KIND,
                                                      ll_school_kind_document_kind_init))

static void
ll_school_kind_class_init (LlSchoolKindClass *klass)
{
}

static void
ll_school_kind_init (LlSchoolKind *self)
{
}

static const char *
school_kind_get_id (LlDocumentKind *kind)
{
  return "school";
}

static const char * const *
school_kind_get_tables (LlDocumentKind *kind)
{
  static const char * const tables[] = { "school", NULL };

  return tables;
}

/* The profile's title names the school once it has a name. */
static void
update_titles (LlDocumentKind *kind)
{
  LlSchool *school = ll_workbook_get_school (ll_document_kind_get_workbook (kind));
  GListModel *documents = ll_document_kind_get_documents (kind);
  const char *name = ll_school_get_name (school);
  g_autofree char *title = NULL;

  if (name[0] == '\0')
    title = g_strdup (_("School profile"));
  else
    /* Translators: %s is the school's name */
    title = g_strdup_printf (_("School profile: %s"), name);
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(LlDocumentInfo) info = g_list_model_get_item (documents, i);

      _ll_document_info_set_title (info, title);
    }
}

static gboolean
school_kind_load (LlDocumentKind  *kind,
                  LlWorkbook      *workbook,
                  GError         **error)
{
  update_titles (kind);
  g_signal_connect_object (ll_workbook_get_school (workbook), "notify::name",
                           G_CALLBACK (update_titles), kind, G_CONNECT_SWAPPED);
  return TRUE;
}

static LlDoc *
school_kind_build_doc (LlDocumentKind  *kind,
                       gint64           id,
                       GError         **error)
{
  LlWorkbook *workbook = ll_document_kind_get_workbook (kind);
  LlSchool *school = ll_workbook_get_school (workbook);
  GListModel *people = ll_workbook_get_people (workbook);
  guint n_people = g_list_model_get_n_items (people);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  LlDoc *doc;
  LlDocNode *section, *varlist, *table;
  const struct { const char *label; const char *value; } fields[] = {
    { _("Name"), ll_school_get_name (school) },
    { _("Unique reference number"), ll_school_get_urn (school) },
    { _("Phase"), ll_school_get_phase (school) },
    { _("Local authority"), ll_school_get_local_authority (school) },
    { _("Address"), ll_school_get_address (school) },
  };
  guint counts[LL_N_ROLES] = { 0 };

  doc = ll_doc_new ("school", id, _("School profile"));
  if (ll_school_get_name (school)[0] != '\0')
    doc->subtitle = g_strdup (ll_school_get_name (school));
  doc->date = g_date_time_format (now, "%Y-%m-%d");

  section = ll_doc_add_section (doc->body, _("The school"));
  varlist = ll_doc_node_append (section, ll_doc_node_new (LL_DOC_VARLIST));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    ll_doc_add_varlist_entry (varlist, fields[i].label,
                              fields[i].value[0] != '\0' ? fields[i].value : _("Not recorded"));

  section = ll_doc_add_section (doc->body, _("People"));
  if (n_people == 0)
    {
      ll_doc_add_para (section, _("No people have been added to this workbook yet."));
      return doc;
    }

  for (guint i = 0; i < n_people; i++)
    {
      g_autoptr(LlPerson) person = g_list_model_get_item (people, i);
      LlRole role = ll_person_get_role (person);

      counts[role]++;
      if (role == LL_ROLE_HEADTEACHER && doc->author == NULL)
        doc->author = g_strdup (ll_person_get_name (person));
    }
  {
    g_autoptr(GString) summary = g_string_new (NULL);

    g_string_printf (summary,
                     g_dngettext (GETTEXT_PACKAGE, "%u person:", "%u people:", n_people),
                     n_people);
    for (int r = 0, shown = 0; r < LL_N_ROLES; r++)
      if (counts[r] > 0)
        g_string_append_printf (summary, "%s %s %u", shown++ ? "," : "",
                                ll_role_to_label (r), counts[r]);
    g_string_append_c (summary, '.');
    ll_doc_add_para (section, summary->str);
  }

  table = ll_doc_node_append (section, ll_doc_node_new (LL_DOC_TABLE));
  ll_doc_add_row (table, _("Name"), _("Role"), NULL);
  for (guint i = 0; i < n_people; i++)
    {
      g_autoptr(LlPerson) person = g_list_model_get_item (people, i);

      ll_doc_add_row (table, ll_person_get_name (person), ll_person_get_role_label (person), NULL);
    }
  return doc;
}

static gboolean
school_kind_check (LlDocumentKind *kind,
                   LlStore        *store,
                   GString        *report)
{
  if (ll_store_has_school_record (store))
    return TRUE;
  g_string_append (report, _("The school's record is missing"));
  g_string_append_c (report, '\n');
  return FALSE;
}

static gboolean
school_kind_add_sample (LlDocumentKind  *kind,
                        LlStore         *store,
                        guint            scale,
                        GError         **error)
{
  return _ll_school_sample_add (store, scale, error);
}

static void
ll_school_kind_document_kind_init (LlDocumentKindInterface *iface)
{
  iface->get_id = school_kind_get_id;
  iface->get_tables = school_kind_get_tables;
  iface->load = school_kind_load;
  iface->build_doc = school_kind_build_doc;
  iface->check = school_kind_check;
  iface->add_sample = school_kind_add_sample;
}
