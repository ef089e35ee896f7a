/* ll-workbook.c: the root of the model, and the context for controllers */
#define G_LOG_DOMAIN "ll-workbook"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ll-observation-trend-private.h"
#include "ll-document-info-private.h"
#include "ll-model-private.h"
#include "ll-narrative-private.h"
#include "ll-observation-csv.h"
#include "ll-observation-doc.h"
#include "ll-observation-private.h"
#include "ll-observation-summary.h"
#include "ll-store-observation.h"
#include "ll-prompts.h"
#include "ll-workbook.h"
#include "ll-workbook-private.h"

struct _LlWorkbook
{
  GObject     parent_instance;
  LlStore    *store;
  LlPending  *pending;
  /* watches the file, to notice when it is moved away while open */
  GFileMonitor *monitor;
  gboolean    moved;
  LlSchool   *school;
  GListStore *people;
  GListStore *documents;
  GListStore *narratives;
  char       *backup_path;
  /* draws the charts of summaries, which the core cannot draw itself */
  LlWorkbookChartFunc chart_func;
  gpointer    chart_data;
};

G_DEFINE_FINAL_TYPE (LlWorkbook, ll_workbook, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_READ_ONLY,
  PROP_SCHOOL,
  PROP_UNSAVED,
  PROP_MOVED,
  N_PROPS
};

enum {
  WRITE_FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
ll_workbook_dispose (GObject *object)
{
  LlWorkbook *self = LL_WORKBOOK (object);

  /* nothing typed is lost, even when nobody closed the workbook */
  if (self->pending != NULL)
    {
      ll_pending_flush (self->pending, NULL);
      g_signal_handlers_disconnect_by_data (self->pending, self);
      g_object_run_dispose (G_OBJECT (self->pending));
      g_clear_object (&self->pending);
    }
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  g_clear_object (&self->school);
  g_clear_object (&self->people);
  g_clear_object (&self->documents);
  g_clear_object (&self->narratives);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (ll_workbook_parent_class)->dispose (object);
}

static void
ll_workbook_finalize (GObject *object)
{
  LlWorkbook *self = LL_WORKBOOK (object);

  g_free (self->backup_path);
  G_OBJECT_CLASS (ll_workbook_parent_class)->finalize (object);
}

static void
ll_workbook_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LlWorkbook *self = LL_WORKBOOK (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, ll_workbook_get_path (self));
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, ll_workbook_get_read_only (self));
      break;
    case PROP_SCHOOL:
      g_value_set_object (value, self->school);
      break;
    case PROP_UNSAVED:
      g_value_set_boolean (value, ll_workbook_get_unsaved (self));
      break;
    case PROP_MOVED:
      g_value_set_boolean (value, self->moved);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_workbook_class_init (LlWorkbookClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ll_workbook_dispose;
  object_class->finalize = ll_workbook_finalize;
  object_class->get_property = ll_workbook_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCHOOL] =
    g_param_spec_object ("school", NULL, NULL, LL_TYPE_SCHOOL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* changes wait to be written, or could not be */
  properties[PROP_UNSAVED] =
    g_param_spec_boolean ("unsaved", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* the file was renamed, moved or deleted while open: nothing is
   * written until it is saved to a new place */
  properties[PROP_MOVED] =
    g_param_spec_boolean ("moved", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LlWorkbook::write-failed:
   * @error: a GError whose message is a sentence for the user
   *
   * A change could not be written to the file.
   */
  signals[WRITE_FAILED] =
    g_signal_new ("write-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
ll_workbook_init (LlWorkbook *self)
{
  self->people = g_list_store_new (LL_TYPE_PERSON);
  self->documents = g_list_store_new (LL_TYPE_DOCUMENT_INFO);
  self->narratives = g_list_store_new (LL_TYPE_NARRATIVE);
}

static void
check_moved (LlWorkbook *self)
{
  gboolean moved = ll_store_get_moved (self->store);

  if (moved == self->moved)
    return;
  self->moved = moved;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MOVED]);
}

static void
on_store_write_failed (LlStore      *store,
                       const GError *error,
                       LlWorkbook   *self)
{
  check_moved (self);
  g_signal_emit (self, signals[WRITE_FAILED], 0, error);
}

static void
on_file_changed (LlWorkbook        *self,
                 GFile             *file,
                 GFile             *other,
                 GFileMonitorEvent  event)
{
  check_moved (self);
}

static void
watch_file (LlWorkbook *self)
{
  g_autoptr(GFile) file = NULL;

  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  if (ll_store_get_read_only (self->store))
    return;
  file = g_file_new_for_path (ll_store_get_path (self->store));
  /* without a monitor, the check before each write still notices */
  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect_object (self->monitor, "changed", G_CALLBACK (on_file_changed),
                             self, G_CONNECT_SWAPPED);
}

static void
on_pending_changed (LlWorkbook *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNSAVED]);
}

static char *
document_title (LlWorkbook *self,
                const char *kind,
                const char *stored_title)
{
  if (g_strcmp0 (kind, "school") == 0)
    {
      const char *name = ll_school_get_name (self->school);

      if (name[0] == '\0')
        return g_strdup (_("School profile"));
      /* Translators: %s is the school's name */
      return g_strdup_printf (_("School profile: %s"), name);
    }
  return g_strdup (stored_title);
}

static void
on_school_name_changed (LlSchool   *school,
                        GParamSpec *pspec,
                        LlWorkbook *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->documents));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LlDocumentInfo) info = g_list_model_get_item (G_LIST_MODEL (self->documents), i);

      if (g_strcmp0 (ll_document_info_get_kind (info), "school") == 0)
        {
          g_autofree char *title = document_title (self, "school", NULL);

          _ll_document_info_set_title (info, title);
        }
    }
}

static LlDocumentInfo *
find_document (LlWorkbook *self,
               gint64      id,
               guint      *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->documents));

  for (guint i = 0; i < n; i++)
    {
      LlDocumentInfo *info = g_list_model_get_item (G_LIST_MODEL (self->documents), i);

      if (ll_document_info_get_id (info) == id)
        {
          if (position != NULL)
            *position = i;
          g_object_unref (info);  /* the list keeps it */
          return info;
        }
      g_object_unref (info);
    }
  return NULL;
}

static void
on_narrative_title_changed (LlNarrative *narrative,
                            GParamSpec  *pspec,
                            LlWorkbook  *self)
{
  LlDocumentInfo *info = find_document (self, ll_narrative_get_id (narrative), NULL);

  if (info != NULL)
    _ll_document_info_set_title (info, ll_narrative_get_title (narrative));
}

static void
track_narrative (LlWorkbook  *self,
                 LlNarrative *narrative)
{
  g_signal_connect_object (narrative, "notify::title",
                           G_CALLBACK (on_narrative_title_changed), self, 0);
}

static gboolean
load_narratives (LlWorkbook  *self,
                 GError     **error)
{
  g_autoptr(GPtrArray) rows = ll_store_list_narratives (self->store, error);
  g_autoptr(GPtrArray) items = NULL;

  if (rows == NULL)
    return FALSE;
  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < rows->len; i++)
    {
      LlNarrative *narrative = _ll_narrative_new (self->store, self->pending, g_ptr_array_index (rows, i), error);

      if (narrative == NULL)
        return FALSE;
      track_narrative (self, narrative);
      g_ptr_array_add (items, narrative);
    }
  g_list_store_splice (self->narratives, 0, 0, items->pdata, items->len);
  return TRUE;
}

static gboolean
load (LlWorkbook  *self,
      GError     **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) docs = NULL;

  self->pending = ll_pending_new (self->store);
  g_signal_connect_object (self->pending, "notify::pending",
                           G_CALLBACK (on_pending_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->pending, "notify::failing",
                           G_CALLBACK (on_pending_changed), self, G_CONNECT_SWAPPED);
  self->school = _ll_school_new (self->store, self->pending);
  g_signal_connect_object (self->school, "notify::name",
                           G_CALLBACK (on_school_name_changed), self, 0);

  rows = ll_store_list_people (self->store, error);
  if (rows == NULL)
    return FALSE;
  people = g_ptr_array_new_full (rows->len, g_object_unref);
  for (guint i = 0; i < rows->len; i++)
    {
      LlStorePerson *row = g_ptr_array_index (rows, i);
      LlRole role = LL_ROLE_TEACHER;

      /* An unknown role (from a damaged file) shows as a teacher; --check
       * reports it. */
      ll_role_from_id (row->role, &role);
      g_ptr_array_add (people, _ll_person_new (self->store, self->pending, row->id, row->name, role));
    }
  g_list_store_splice (self->people, 0, 0, people->pdata, people->len);

  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = ll_store_list_documents (self->store, error);
  if (rows == NULL)
    return FALSE;
  docs = g_ptr_array_new_full (rows->len, g_object_unref);
  for (guint i = 0; i < rows->len; i++)
    {
      LlStoreDocument *row = g_ptr_array_index (rows, i);
      g_autofree char *title = document_title (self, row->kind, row->title);

      g_ptr_array_add (docs, _ll_document_info_new (row->kind, row->id, title));
    }
  g_list_store_splice (self->documents, 0, 0, docs->pdata, docs->len);

  if (!load_narratives (self, error))
    return FALSE;

  g_signal_connect_object (self->store, "write-failed",
                           G_CALLBACK (on_store_write_failed), self, 0);
  watch_file (self);
  return TRUE;
}

/**
 * ll_workbook_open:
 * @path: a workbook file
 * @flags: how to open it
 * @error: a #LL_WORKBOOK_ERROR whose message is a sentence for the user
 *
 * Opens a workbook. A file that is not a workbook of a version this build
 * knows is reported and left untouched. An older workbook is upgraded,
 * after a backup copy is written beside it.
 */
LlWorkbook *
ll_workbook_open (const char           *path,
                  LlWorkbookOpenFlags   flags,
                  GError              **error)
{
  g_autoptr(LlWorkbook) self = g_object_new (LL_TYPE_WORKBOOK, NULL);

  self->store = ll_store_open (path, (flags & LL_WORKBOOK_OPEN_READ_ONLY) != 0,
                               &self->backup_path, error);
  if (self->store == NULL || !load (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * ll_workbook_create:
 * Creates a new, empty workbook at @path, which must not exist, readable by
 * its owner only.
 */
LlWorkbook *
ll_workbook_create (const char  *path,
                    GError     **error)
{
  g_autoptr(LlWorkbook) self = g_object_new (LL_TYPE_WORKBOOK, NULL);

  self->store = ll_store_create (path, error);
  if (self->store == NULL || !load (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * ll_workbook_close:
 * Writes what waits and releases the file. What cannot be written then is
 * lost: call ll_workbook_flush() first to find out.
 */
void
ll_workbook_close (LlWorkbook *self)
{
  g_return_if_fail (LL_IS_WORKBOOK (self));
  if (self->pending != NULL)
    ll_pending_flush (self->pending, NULL);
  ll_store_close (self->store);
}

/**
 * ll_workbook_flush:
 * Writes every change that waits (changes are written within a second of
 * being made; this is for closing, copying and reading the file). FALSE
 * with @error when some could not be written: they keep waiting and are
 * tried again.
 */
gboolean
ll_workbook_flush (LlWorkbook  *self,
                   GError     **error)
{
  g_return_val_if_fail (LL_IS_WORKBOOK (self), FALSE);
  return self->pending == NULL || ll_pending_flush (self->pending, error);
}

gboolean
ll_workbook_get_moved (LlWorkbook *self)
{
  g_return_val_if_fail (LL_IS_WORKBOOK (self), FALSE);
  check_moved (self);
  return self->moved;
}

/**
 * ll_workbook_save_to_new_place:
 * @path: a file that must not exist
 *
 * Writes the whole workbook, with every change still waiting, to @path
 * and goes on editing there: for a workbook whose file was moved or
 * deleted while open, or could not be written. The old file is left as
 * it is.
 */
gboolean
ll_workbook_save_to_new_place (LlWorkbook  *self,
                               const char  *path,
                               GError     **error)
{
  g_return_val_if_fail (LL_IS_WORKBOOK (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* what can still reach the old file goes first; the rest follows below */
  if (!ll_store_get_moved (self->store))
    ll_workbook_flush (self, NULL);
  if (!ll_store_move_to (self->store, path, error))
    return FALSE;
  watch_file (self);
  check_moved (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH]);
  return ll_workbook_flush (self, error);
}

gboolean
ll_workbook_get_unsaved (LlWorkbook *self)
{
  g_return_val_if_fail (LL_IS_WORKBOOK (self), FALSE);
  return self->pending != NULL
    && (ll_pending_get_pending (self->pending) || ll_pending_get_failing (self->pending));
}

const char *
ll_workbook_get_path (LlWorkbook *self)
{
  g_return_val_if_fail (LL_IS_WORKBOOK (self), NULL);
  return ll_store_get_path (self->store);
}

gboolean
ll_workbook_get_read_only (LlWorkbook *self)
{
  g_return_val_if_fail (LL_IS_WORKBOOK (self), TRUE);
  return ll_store_get_read_only (self->store);
}

const char *
ll_workbook_get_backup_path (LlWorkbook *self)
{
  g_return_val_if_fail (LL_IS_WORKBOOK (self), NULL);
  return self->backup_path;
}

char *
ll_workbook_dup_title (LlWorkbook *self)
{
  g_autofree char *base = NULL;
  const char *name;

  g_return_val_if_fail (LL_IS_WORKBOOK (self), NULL);

  name = ll_school_get_name (self->school);
  if (name[0] != '\0')
    return g_strdup (name);
  base = g_filename_display_basename (ll_workbook_get_path (self));
  if (g_str_has_suffix (base, LL_WORKBOOK_EXTENSION))
    base[strlen (base) - strlen (LL_WORKBOOK_EXTENSION)] = '\0';
  return g_steal_pointer (&base);
}

LlSchool *
ll_workbook_get_school (LlWorkbook *self)
{
  g_return_val_if_fail (LL_IS_WORKBOOK (self), NULL);
  return self->school;
}

GListModel *
ll_workbook_get_people (LlWorkbook *self)
{
  g_return_val_if_fail (LL_IS_WORKBOOK (self), NULL);
  return G_LIST_MODEL (self->people);
}

/**
 * ll_workbook_add_person:
 * Adds a person at the end of the list and commits it. Returns the new
 * person (owned by the workbook), or %NULL with @error set.
 */
LlPerson *
ll_workbook_add_person (LlWorkbook  *self,
                        const char  *name,
                        LlRole       role,
                        GError     **error)
{
  g_autoptr(LlPerson) person = NULL;
  g_autofree char *clean = NULL;
  gint64 id;

  g_return_val_if_fail (LL_IS_WORKBOOK (self), NULL);
  g_return_val_if_fail (role < LL_N_ROLES, NULL);

  clean = g_strstrip (g_strdup (name ? name : ""));
  if (clean[0] == '\0')
    {
      g_set_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_INVALID,
                   _("A person needs a name."));
      return NULL;
    }
  id = ll_store_insert_person (self->store, clean, ll_role_to_id (role), error);
  if (id == 0)
    return NULL;
  person = _ll_person_new (self->store, self->pending, id, clean, role);
  g_list_store_append (self->people, person);
  return person;
}

gboolean
ll_workbook_remove_person (LlWorkbook  *self,
                           LlPerson    *person,
                           GError     **error)
{
  guint position;

  g_return_val_if_fail (LL_IS_WORKBOOK (self), FALSE);
  g_return_val_if_fail (LL_IS_PERSON (person), FALSE);

  if (!g_list_store_find (self->people, person, &position))
    {
      g_set_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_INVALID,
                   _("That person is not in this workbook."));
      return FALSE;
    }
  if (!ll_store_delete_person (self->store, ll_person_get_id (person), error))
    return FALSE;
  ll_pending_forget (self->pending, G_OBJECT (person));
  g_list_store_remove (self->people, position);
  return TRUE;
}

GListModel *
ll_workbook_get_documents (LlWorkbook *self)
{
  g_return_val_if_fail (LL_IS_WORKBOOK (self), NULL);
  return G_LIST_MODEL (self->documents);
}

static LlDoc *
build_school_doc (LlWorkbook *self,
                  gint64      id)
{
  LlSchool *school = self->school;
  GListModel *people = G_LIST_MODEL (self->people);
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

static LlDoc *
build_vision_doc (LlWorkbook  *self,
                  LlNarrative *narrative)
{
  GListModel *sections = ll_narrative_get_sections (narrative);
  GListModel *revisions = ll_narrative_get_revisions (narrative);
  guint n = g_list_model_get_n_items (sections);
  LlDoc *doc = ll_doc_new ("vision", ll_narrative_get_id (narrative), ll_narrative_get_title (narrative));

  if (ll_narrative_get_author (narrative)[0] != '\0')
    doc->author = g_strdup (ll_narrative_get_author (narrative));
  if (ll_school_get_name (self->school)[0] != '\0')
    doc->subtitle = g_strdup (ll_school_get_name (self->school));
  doc->date = g_date_time_format (ll_narrative_get_modified (narrative), "%Y-%m-%d");

  /* the named revisions, oldest first, make the revision history */
  for (guint i = g_list_model_get_n_items (revisions); i-- > 0;)
    {
      g_autoptr(LlRevision) revision = g_list_model_get_item (revisions, i);
      g_autofree char *date = NULL;

      if (ll_revision_get_kind (revision) != LL_REVISION_NAMED)
        continue;
      date = g_date_time_format (ll_revision_get_created (revision), "%Y-%m-%d");
      ll_doc_add_revision (doc, date, ll_revision_get_label (revision));
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LlNarrativeSection) section = g_list_model_get_item (sections, i);
      LlDocNode *node = ll_doc_add_section (doc->body, ll_narrative_section_get_title (section));
      LlDocNode *fragment = ll_doc_node_new (LL_DOC_FRAGMENT);

      fragment->text = g_strdup (ll_narrative_section_get_body (section));
      ll_doc_node_append (node, fragment);
    }
  return doc;
}

/* The name of the person @id, or NULL. */
static const char *
person_name (LlWorkbook *self,
             gint64      id)
{
  GListModel *people = ll_workbook_get_people (self);

  for (guint i = 0; id > 0 && i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(LlPerson) person = g_list_model_get_item (people, i);

      if (ll_person_get_id (person) == id)
        return ll_person_get_name (person);
    }
  return NULL;
}

static LlDoc *
build_observation_doc (LlWorkbook     *self,
                       LlDocumentInfo *info,
                       GError        **error)
{
  g_autoptr(LlObservation) observation = NULL;
  g_autoptr(LlFramework) framework = NULL;
  LlObservationNames names = { 0 };
  gint64 framework_id;

  /* what waits is in the file before the observation is read from it */
  ll_pending_flush (self->pending, NULL);
  observation = _ll_observation_load (self->store, self->pending, ll_document_info_get_id (info), error);
  if (observation == NULL)
    return NULL;
  framework_id = ll_observation_get_number (observation, LL_OBSERVATION_FRAMEWORK);
  if (framework_id > 0)
    framework = ll_store_load_framework (self->store, framework_id, NULL);
  names.title = ll_document_info_get_title (info);
  names.observer = person_name (self, ll_observation_get_number (observation, LL_OBSERVATION_OBSERVER));
  names.teacher = person_name (self, ll_observation_get_number (observation, LL_OBSERVATION_TEACHER));
  names.school = ll_school_get_name (self->school);
  return ll_observation_build_doc (observation, &names, framework);
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

  ll_pending_flush (self->pending, NULL);
  months = ll_store_dup_observation_months (self->store, error);
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

/* The framework that summaries follow: the workbook's first. */
static gint64
summary_framework (LlWorkbook  *self,
                   GError     **error)
{
  g_autoptr(GArray) ids = ll_store_list_frameworks (self->store, error);

  if (ids == NULL)
    return 0;
  if (ids->len == 0)
    {
      g_set_error_literal (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_NO_SUCH_DOCUMENT,
                           _("This workbook has no framework of learning behaviours to summarise "
                             "its observations by."));
      return 0;
    }
  return g_array_index (ids, gint64, 0);
}

static LlDoc *
build_summary_doc (LlWorkbook   *self,
                   const LlTerm *term,
                   GError      **error)
{
  g_autoptr(LlObservationTrend) trend = NULL;
  g_autoptr(GBytes) chart = NULL;
  gint64 framework_id;

  ll_pending_flush (self->pending, NULL);
  framework_id = summary_framework (self, error);
  if (framework_id == 0)
    return NULL;
  trend = ll_observation_trend_new (self->store, framework_id, term, 1, NULL, error);
  if (trend == NULL)
    return NULL;
  if (self->chart_func != NULL)
    chart = self->chart_func (trend, 0, self->chart_data);
  return ll_observation_summary_build_doc (self->store, trend, 0, ll_school_get_name (self->school),
                                           chart, error);
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

      g_ptr_array_add (summaries, _ll_document_info_new ("observation-summary", summary_document_id (term),
                                                         title));
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
  self->chart_func = func;
  self->chart_data = user_data;
}

/**
 * ll_workbook_write_observation_csv:
 * Writes every note of every observation as CSV to @path, readable by its
 * owner only (see ll-observation-csv.h).
 */
gboolean
ll_workbook_write_observation_csv (LlWorkbook  *self,
                                   const char  *path,
                                   GError     **error)
{
  g_return_val_if_fail (LL_IS_WORKBOOK (self), FALSE);

  /* what waits is in the file before the notes are read from it */
  ll_pending_flush (self->pending, NULL);
  return ll_observation_csv_write_file (self->store, path, error);
}

/**
 * ll_workbook_list_frameworks:
 * The workbook's frameworks of learning behaviours, in order: a new array
 * of LlFramework that the caller may change without changing the workbook.
 */
GPtrArray *
ll_workbook_list_frameworks (LlWorkbook  *self,
                             GError     **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) frameworks = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (LL_IS_WORKBOOK (self), NULL);

  ids = ll_store_list_frameworks (self->store, error);
  if (ids == NULL)
    return NULL;
  for (guint i = 0; i < ids->len; i++)
    {
      LlFramework *framework = ll_store_load_framework (self->store, g_array_index (ids, gint64, i), error);

      if (framework == NULL)
        return NULL;
      g_ptr_array_add (frameworks, framework);
    }
  return g_steal_pointer (&frameworks);
}

/**
 * ll_workbook_add_framework:
 * Adds a copy of @framework after the workbook's others, once its rules
 * hold; returns its ID, or 0 with @error.
 */
gint64
ll_workbook_add_framework (LlWorkbook   *self,
                           LlFramework  *framework,
                           GError      **error)
{
  g_return_val_if_fail (LL_IS_WORKBOOK (self), 0);
  g_return_val_if_fail (LL_IS_FRAMEWORK (framework), 0);

  if (!ll_framework_validate (framework, error))
    return 0;
  return ll_store_save_framework (self->store, 0, framework, error);
}

/**
 * ll_workbook_build_doc:
 * Builds the neutral tree of the document @document_id. Rich text stays as
 * LL_DOC_FRAGMENT nodes, which ll_docbook_build_doc() resolves for export
 * and print.
 */
LlDoc *
ll_workbook_build_doc (LlWorkbook  *self,
                       gint64       document_id,
                       GError     **error)
{
  guint n;

  g_return_val_if_fail (LL_IS_WORKBOOK (self), NULL);

  if (document_id < 0)
    {
      LlTerm term;

      if (summary_term (document_id, &term))
        {
          g_autofree char *name = NULL;

          if (term_has_observations (self, &term))
            return build_summary_doc (self, &term, error);
          name = ll_workbook_dup_summary_name (document_id);
          g_set_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_NO_SUCH_DOCUMENT,
                       _("This workbook has no observations in the term of “%s”, so it has no such "
                         "summary. Use --list to see the documents it has."), name);
          return NULL;
        }
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (self->documents));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LlDocumentInfo) info = g_list_model_get_item (G_LIST_MODEL (self->documents), i);

      if (ll_document_info_get_id (info) != document_id)
        continue;
      if (g_strcmp0 (ll_document_info_get_kind (info), "school") == 0)
        return build_school_doc (self, document_id);
      if (g_strcmp0 (ll_document_info_get_kind (info), "vision") == 0
          && ll_workbook_find_narrative (self, document_id) != NULL)
        return build_vision_doc (self, ll_workbook_find_narrative (self, document_id));
      if (g_strcmp0 (ll_document_info_get_kind (info), "observation") == 0)
        return build_observation_doc (self, info, error);
      break;
    }
  g_set_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_NO_SUCH_DOCUMENT,
               _("This workbook has no document with the ID %" G_GINT64_FORMAT
                 ". Use --list to see the documents it has."), document_id);
  return NULL;
}

GListModel *
ll_workbook_get_narratives (LlWorkbook *self)
{
  g_return_val_if_fail (LL_IS_WORKBOOK (self), NULL);
  return G_LIST_MODEL (self->narratives);
}

static const char *
default_author (LlWorkbook *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->people));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LlPerson) person = g_list_model_get_item (G_LIST_MODEL (self->people), i);

      if (ll_person_get_role (person) == LL_ROLE_HEADTEACHER)
        return ll_person_get_name (person);
    }
  return "";
}

static LlNarrative *
add_narrative_full (LlWorkbook          *self,
                    const char          *title,
                    const char          *author,
                    const char * const  *titles,
                    const char * const  *prompts,
                    const char * const  *bodies,
                    guint                n_sections,
                    GError             **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(LlNarrative) narrative = NULL;
  g_autofree char *clean = NULL;
  gint64 id;

  g_return_val_if_fail (LL_IS_WORKBOOK (self), NULL);

  clean = g_strstrip (g_strdup (title ? title : ""));
  if (clean[0] == '\0')
    {
      g_free (clean);
      clean = g_strdup (_("Imported Narrative"));
    }
  if (!ll_store_begin (self->store, error))
    return NULL;
  id = ll_store_insert_narrative (self->store, clean,
                                  author && author[0] ? author : default_author (self), error);
  for (guint i = 0; id != 0 && i < n_sections; i++)
    if (ll_store_insert_section (self->store, id, i, titles[i], prompts ? prompts[i] : "",
                                 bodies[i], error) == 0)
      id = 0;
  if (id == 0 || !ll_store_commit (self->store, error))
    {
      ll_store_rollback (self->store);
      return NULL;
    }

  rows = ll_store_list_narratives (self->store, error);
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      LlStoreNarrative *row = g_ptr_array_index (rows, i);

      if (row->id == id)
        narrative = _ll_narrative_new (self->store, self->pending, row, error);
    }
  if (narrative == NULL)
    return NULL;
  track_narrative (self, narrative);
  g_list_store_append (self->narratives, narrative);
  {
    g_autoptr(LlDocumentInfo) info = _ll_document_info_new ("vision", id, clean);

    g_list_store_append (self->documents, info);
  }
  return narrative;
}

/**
 * ll_workbook_add_narrative:
 * Adds a vision narrative with the five sections of the leadership
 * strategy, each with its reflective prompts, by the school's headteacher.
 * Returns the narrative (owned by the workbook).
 */
LlNarrative *
ll_workbook_add_narrative (LlWorkbook  *self,
                           const char  *title,
                           GError     **error)
{
  const char * const *keys = ll_prompts_get_keys ();
  guint n = g_strv_length ((char **) keys);
  g_autofree const char **titles = g_new0 (const char *, n + 1);
  g_autofree const char **bodies = g_new0 (const char *, n + 1);
  LlNarrative *narrative;
  g_autofree char *clean = g_strstrip (g_strdup (title ? title : ""));

  g_return_val_if_fail (LL_IS_WORKBOOK (self), NULL);

  for (guint i = 0; i < n; i++)
    {
      titles[i] = ll_prompts_get_title (keys[i]);
      bodies[i] = "";
    }
  narrative = add_narrative_full (self, clean[0] ? clean : _("Our Vision for Learning"),
                                  NULL, titles, keys, bodies, n, error);
  return narrative;
}

/**
 * ll_workbook_add_narrative_from_sections:
 * @titles: the sections' titles
 * @bodies: the sections' text, DocBook block fragments
 *
 * Adds a narrative with the given sections in one transaction (an import).
 * An empty @author means the school's headteacher.
 */
LlNarrative *
ll_workbook_add_narrative_from_sections (LlWorkbook          *self,
                                         const char          *title,
                                         const char          *author,
                                         const char * const  *titles,
                                         const char * const  *bodies,
                                         guint                n_sections,
                                         GError             **error)
{
  g_return_val_if_fail (LL_IS_WORKBOOK (self), NULL);
  return add_narrative_full (self, title, author, titles, NULL, bodies, n_sections, error);
}

gboolean
ll_workbook_remove_narrative (LlWorkbook   *self,
                              LlNarrative  *narrative,
                              GError      **error)
{
  guint position, doc_position;

  g_return_val_if_fail (LL_IS_WORKBOOK (self), FALSE);
  g_return_val_if_fail (LL_IS_NARRATIVE (narrative), FALSE);

  if (!g_list_store_find (self->narratives, narrative, &position))
    {
      g_set_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_INVALID,
                   _("That narrative is not in this workbook."));
      return FALSE;
    }
  /* what waits for it would be written to nothing */
  ll_workbook_flush (self, NULL);
  if (!ll_store_delete_document (self->store, ll_narrative_get_id (narrative), error))
    return FALSE;
  if (find_document (self, ll_narrative_get_id (narrative), &doc_position) != NULL)
    g_list_store_remove (self->documents, doc_position);
  g_list_store_remove (self->narratives, position);
  return TRUE;
}

LlNarrative *
ll_workbook_find_narrative (LlWorkbook *self,
                            gint64      id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->narratives));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LlNarrative) narrative = g_list_model_get_item (G_LIST_MODEL (self->narratives), i);

      if (ll_narrative_get_id (narrative) == id)
        return narrative;
    }
  return NULL;
}

gboolean
ll_workbook_save_copy (LlWorkbook  *self,
                       const char  *path,
                       GError     **error)
{
  g_return_val_if_fail (LL_IS_WORKBOOK (self), FALSE);
  /* the copy has what was typed up to now, if it can be written */
  ll_workbook_flush (self, NULL);
  return ll_store_backup_to (self->store, path, error);
}

static void
save_copy_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (ll_store_backup_to_finish (LL_STORE (source), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * ll_workbook_save_copy_async:
 * @progress: (nullable): called in the caller's main context with the
 *   fraction copied so far
 *
 * Writes a copy of the workbook to @path, as ll_workbook_save_copy() does,
 * in a worker thread, so that a large workbook does not stop the window;
 * edits made meanwhile go on being saved. Cancelling removes the copy.
 */
void
ll_workbook_save_copy_async (LlWorkbook          *self,
                             const char          *path,
                             LlWorkbookProgressFunc progress,
                             gpointer             progress_data,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (LL_IS_WORKBOOK (self));

  /* the copy holds what the user typed a moment ago too */
  ll_workbook_flush (self, NULL);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ll_workbook_save_copy_async);
  g_task_set_check_cancellable (task, FALSE);
  ll_store_backup_to_async (self->store, path, progress, progress_data, cancellable,
                            save_copy_done, task);
}

gboolean
ll_workbook_save_copy_finish (LlWorkbook    *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

char *
ll_workbook_check (const char *path,
                   gboolean   *ok)
{
  return ll_store_check_file (path, ok);
}

/* For the files of each kind of document (ll-workbook-private.h) */

LlStore *
_ll_workbook_get_store (LlWorkbook *self)
{
  return self->store;
}

LlPending *
_ll_workbook_get_pending (LlWorkbook *self)
{
  return self->pending;
}

void
_ll_workbook_add_document (LlWorkbook *self,
                           const char *kind,
                           gint64      id,
                           const char *title)
{
  g_autoptr(LlDocumentInfo) info = _ll_document_info_new (kind, id, title);

  g_list_store_append (self->documents, info);
}

void
_ll_workbook_remove_document (LlWorkbook *self,
                              gint64      id)
{
  guint position;

  if (find_document (self, id, &position) != NULL)
    g_list_store_remove (self->documents, position);
}

void
_ll_workbook_set_document_title (LlWorkbook *self,
                                 gint64      id,
                                 const char *title)
{
  LlDocumentInfo *info = find_document (self, id, NULL);

  if (info != NULL)
    _ll_document_info_set_title (info, title);
}

char *
ll_workbook_dup_document_uuid (LlWorkbook  *self,
                               gint64       document_id,
                               GError     **error)
{
  g_return_val_if_fail (LL_IS_WORKBOOK (self), NULL);

  return ll_store_dup_uuid (self->store, LL_STORE_IDENTITY_DOCUMENT, document_id, error);
}

char *
ll_workbook_dup_person_uuid (LlWorkbook  *self,
                             LlPerson    *person,
                             GError     **error)
{
  g_return_val_if_fail (LL_IS_WORKBOOK (self), NULL);
  g_return_val_if_fail (LL_IS_PERSON (person), NULL);

  return ll_store_dup_uuid (self->store, LL_STORE_IDENTITY_PERSON, ll_person_get_id (person), error);
}
