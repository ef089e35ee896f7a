/* ll-workbook.c: the root of the model, and the context for controllers */
#define G_LOG_DOMAIN "ll-workbook"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ll-observation-trend-private.h"
#include "ll-document-info-private.h"
#include "ll-document-kind-private.h"
#include "ll-model-private.h"
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
  /* every stored document, in the order of the file */
  GListStore *documents;
  /* one LlDocumentKind of each kind in the table, in its order */
  GListStore *kinds;
  char       *backup_path;
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
  g_clear_object (&self->kinds);
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
  self->kinds = g_list_store_new (LL_TYPE_DOCUMENT_KIND);
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

static gboolean
load (LlWorkbook  *self,
      GError     **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GPtrArray) kinds = NULL;

  self->pending = ll_pending_new (self->store);
  g_signal_connect_object (self->pending, "notify::pending",
                           G_CALLBACK (on_pending_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->pending, "notify::failing",
                           G_CALLBACK (on_pending_changed), self, G_CONNECT_SWAPPED);
  self->school = _ll_school_new (self->store, self->pending);

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
  kinds = _ll_document_kinds_new ();
  g_list_store_splice (self->kinds, 0, 0, kinds->pdata, kinds->len);
  docs = g_ptr_array_new_full (rows->len, g_object_unref);
  for (guint i = 0; i < rows->len; i++)
    {
      LlStoreDocument *row = g_ptr_array_index (rows, i);
      LlDocumentInfo *info = _ll_document_info_new (row->kind, row->id, row->title);
      LlDocumentKind *kind = ll_workbook_find_kind (self, row->kind);

      /* a document of a kind this version does not know (from a newer
       * version) stays in the list, but cannot be built */
      if (kind != NULL)
        _ll_document_kind_add_info (kind, info);
      g_ptr_array_add (docs, info);
    }
  g_list_store_splice (self->documents, 0, 0, docs->pdata, docs->len);

  for (guint i = 0; i < kinds->len; i++)
    if (!_ll_document_kind_load (g_ptr_array_index (kinds, i), self, error))
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
  LlDocumentKind *kind;

  g_return_val_if_fail (LL_IS_WORKBOOK (self), NULL);

  kind = ll_workbook_find_document_kind (self, document_id);
  if (kind != NULL)
    return ll_document_kind_build_doc (kind, document_id, error);
  g_set_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_NO_SUCH_DOCUMENT,
               _("This workbook has no document with the ID %" G_GINT64_FORMAT
                 ". Use --list to see the documents it has."), document_id);
  return NULL;
}

/**
 * ll_workbook_get_kinds:
 * The kinds of document, one object of each, in the order of the table
 * in ll-document-kinds.c: a GListModel of LlDocumentKind.
 */
GListModel *
ll_workbook_get_kinds (LlWorkbook *self)
{
  g_return_val_if_fail (LL_IS_WORKBOOK (self), NULL);
  return G_LIST_MODEL (self->kinds);
}

/**
 * ll_workbook_find_kind:
 * The kind whose ID is @id ("vision"), or NULL.
 */
LlDocumentKind *
ll_workbook_find_kind (LlWorkbook *self,
                       const char *id)
{
  guint n;

  g_return_val_if_fail (LL_IS_WORKBOOK (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->kinds));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LlDocumentKind) kind = g_list_model_get_item (G_LIST_MODEL (self->kinds), i);

      if (g_strcmp0 (ll_document_kind_get_id (kind), id) == 0)
        return kind;
    }
  return NULL;
}

/**
 * ll_workbook_find_document_kind:
 * The kind that owns the document @document_id, stored or made, or NULL
 * when no kind does.
 */
LlDocumentKind *
ll_workbook_find_document_kind (LlWorkbook *self,
                                gint64      document_id)
{
  LlDocumentInfo *info;
  guint n;

  g_return_val_if_fail (LL_IS_WORKBOOK (self), NULL);

  info = find_document (self, document_id, NULL);
  if (info != NULL)
    return ll_workbook_find_kind (self, ll_document_info_get_kind (info));
  n = g_list_model_get_n_items (G_LIST_MODEL (self->kinds));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LlDocumentKind) kind = g_list_model_get_item (G_LIST_MODEL (self->kinds), i);

      if (ll_document_kind_owns (kind, document_id))
        return kind;
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

/**
 * ll_workbook_list_documents:
 * Every document, stored and made, each kind's in the order of the table
 * of kinds: a new array of LlDocumentInfo, or NULL with @error.
 */
GPtrArray *
ll_workbook_list_documents (LlWorkbook  *self,
                            GError     **error)
{
  g_autoptr(GPtrArray) all = NULL;
  guint n;

  g_return_val_if_fail (LL_IS_WORKBOOK (self), NULL);

  all = g_ptr_array_new_with_free_func (g_object_unref);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->kinds));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LlDocumentKind) kind = g_list_model_get_item (G_LIST_MODEL (self->kinds), i);
      g_autoptr(GPtrArray) some = ll_document_kind_list_documents (kind, error);

      if (some == NULL)
        return NULL;
      for (guint d = 0; d < some->len; d++)
        g_ptr_array_add (all, g_object_ref (g_ptr_array_index (some, d)));
    }
  return g_steal_pointer (&all);
}

gint64
ll_workbook_import_doc (LlWorkbook  *self,
                        const char  *kind_id,
                        LlDoc       *doc,
                        GError     **error)
{
  LlDocumentKind *kind;

  g_return_val_if_fail (LL_IS_WORKBOOK (self), 0);
  g_return_val_if_fail (kind_id != NULL && doc != NULL, 0);

  kind = ll_workbook_find_kind (self, kind_id);
  if (kind == NULL)
    {
      g_set_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_INVALID,
                   _("This workbook has no documents of the kind “%s”."), kind_id);
      return 0;
    }
  return ll_document_kind_import_doc (kind, doc, error);
}

char *
ll_workbook_dup_document_name (LlWorkbook *self,
                               gint64      document_id)
{
  LlDocumentKind *kind;

  g_return_val_if_fail (LL_IS_WORKBOOK (self), NULL);

  kind = ll_workbook_find_document_kind (self, document_id);
  return kind != NULL ? ll_document_kind_dup_name (kind, document_id) : NULL;
}

gboolean
ll_workbook_document_id_from_name (LlWorkbook *self,
                                   const char *name,
                                   gint64     *document_id)
{
  guint n;

  g_return_val_if_fail (LL_IS_WORKBOOK (self), FALSE);
  g_return_val_if_fail (name != NULL && document_id != NULL, FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->kinds));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LlDocumentKind) kind = g_list_model_get_item (G_LIST_MODEL (self->kinds), i);

      if (ll_document_kind_id_from_name (kind, name, document_id))
        return TRUE;
    }
  return FALSE;
}

static gboolean
check_kinds (LlStore  *store,
             GString  *report,
             gpointer  user_data)
{
  GPtrArray *kinds = user_data;
  gboolean ok = TRUE;

  for (guint i = 0; i < kinds->len; i++)
    if (!ll_document_kind_check (g_ptr_array_index (kinds, i), store, report))
      ok = FALSE;
  return ok;
}

char *
ll_workbook_check (const char *path,
                   gboolean   *ok)
{
  g_autoptr(GPtrArray) kinds = _ll_document_kinds_new ();
  g_autoptr(GPtrArray) tables = g_ptr_array_new ();

  for (guint i = 0; i < kinds->len; i++)
    {
      const char * const *own = ll_document_kind_get_tables (g_ptr_array_index (kinds, i));

      for (guint t = 0; own != NULL && own[t] != NULL; t++)
        g_ptr_array_add (tables, (gpointer) own[t]);
    }
  g_ptr_array_add (tables, NULL);
  return ll_store_check_file_full (path, (const char * const *) tables->pdata, check_kinds, kinds, ok);
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
  LlDocumentKind *owner = ll_workbook_find_kind (self, kind);

  g_return_if_fail (owner != NULL);
  _ll_document_kind_add_info (owner, info);
  g_list_store_append (self->documents, info);
}

void
_ll_workbook_remove_document (LlWorkbook *self,
                              gint64      id)
{
  LlDocumentInfo *info;
  LlDocumentKind *owner;
  guint position;

  info = find_document (self, id, &position);
  if (info == NULL)
    return;
  owner = ll_workbook_find_kind (self, ll_document_info_get_kind (info));
  if (owner != NULL)
    _ll_document_kind_remove_info (owner, id);
  g_list_store_remove (self->documents, position);
}

LlDocumentKind *
_ll_workbook_get_kind_of_type (LlWorkbook *self,
                               GType       type)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->kinds));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LlDocumentKind) kind = g_list_model_get_item (G_LIST_MODEL (self->kinds), i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (kind, type))
        return kind;
    }
  g_return_val_if_reached (NULL);
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
