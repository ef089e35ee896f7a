/* ll-narrative.c: a vision narrative, its sections and revisions */
#define G_LOG_DOMAIN "ll-narrative"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ll-error.h"
#include "ll-narrative-private.h"
#include "ll-store-narrative.h"

struct _LlNarrative
{
  GObject            parent_instance;
  LlStore           *store;
  LlPending         *pending;
  gint64             id;
  char              *title;
  char              *author;
  LlNarrativeStatus  status;
  gboolean           show_prompts;
  GDateTime         *modified;
  guint              word_count;
  /* both are read from the file when first asked for, so that opening a
   * workbook reads each narrative's summary, not all it holds */
  GListStore        *sections;
  GListStore        *revisions;
  gboolean           sections_loaded;
  gboolean           revisions_loaded;
  /* a revision has been saved for this opening's writing session */
  gboolean           session_saved;
};

G_DEFINE_FINAL_TYPE (LlNarrative, ll_narrative, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_AUTHOR,
  PROP_STATUS,
  PROP_SHOW_PROMPTS,
  PROP_MODIFIED,
  PROP_WORD_COUNT,
  PROP_UNSAVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const status_ids[] = { "draft", "shared", "adopted" };

GType
ll_narrative_status_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { LL_NARRATIVE_DRAFT, "LL_NARRATIVE_DRAFT", "draft" },
        { LL_NARRATIVE_SHARED, "LL_NARRATIVE_SHARED", "shared" },
        { LL_NARRATIVE_ADOPTED, "LL_NARRATIVE_ADOPTED", "adopted" },
        { 0, NULL, NULL },
      };
      g_once_init_leave (&type_id, g_enum_register_static (g_intern_static_string ("LlNarrativeStatus"),
                                                           values));
    }
  return type_id;
}

const char *
ll_narrative_status_to_label (LlNarrativeStatus status)
{
  switch (status)
    {
    case LL_NARRATIVE_DRAFT:
      return _("Draft");
    case LL_NARRATIVE_SHARED:
      return _("Shared with staff");
    case LL_NARRATIVE_ADOPTED:
      return _("Adopted");
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
detach_sections (LlNarrative *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sections));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LlNarrativeSection) section = g_list_model_get_item (G_LIST_MODEL (self->sections), i);

      _ll_narrative_section_detach (section);
    }
}

static void
ll_narrative_dispose (GObject *object)
{
  LlNarrative *self = LL_NARRATIVE (object);

  if (self->sections != NULL)
    detach_sections (self);
  g_clear_object (&self->sections);
  g_clear_object (&self->revisions);
  g_clear_object (&self->store);
  g_clear_object (&self->pending);
  G_OBJECT_CLASS (ll_narrative_parent_class)->dispose (object);
}

static void
ll_narrative_finalize (GObject *object)
{
  LlNarrative *self = LL_NARRATIVE (object);

  g_free (self->title);
  g_free (self->author);
  g_clear_pointer (&self->modified, g_date_time_unref);
  G_OBJECT_CLASS (ll_narrative_parent_class)->finalize (object);
}

static void
ll_narrative_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LlNarrative *self = LL_NARRATIVE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_SHOW_PROMPTS:
      g_value_set_boolean (value, self->show_prompts);
      break;
    case PROP_MODIFIED:
      g_value_set_boxed (value, self->modified);
      break;
    case PROP_UNSAVED:
      g_value_set_boolean (value, ll_narrative_get_unsaved (self));
      break;
    case PROP_WORD_COUNT:
      g_value_set_uint (value, ll_narrative_get_word_count (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_narrative_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  LlNarrative *self = LL_NARRATIVE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      ll_narrative_set_title (self, g_value_get_string (value));
      break;
    case PROP_AUTHOR:
      ll_narrative_set_author (self, g_value_get_string (value));
      break;
    case PROP_STATUS:
      ll_narrative_set_status (self, g_value_get_enum (value));
      break;
    case PROP_SHOW_PROMPTS:
      ll_narrative_set_show_prompts (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_narrative_class_init (LlNarrativeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = ll_narrative_dispose;
  object_class->finalize = ll_narrative_finalize;
  object_class->get_property = ll_narrative_get_property;
  object_class->set_property = ll_narrative_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", rw);
  properties[PROP_AUTHOR] = g_param_spec_string ("author", NULL, NULL, "", rw);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, LL_TYPE_NARRATIVE_STATUS,
                                               LL_NARRATIVE_DRAFT, rw);
  properties[PROP_SHOW_PROMPTS] = g_param_spec_boolean ("show-prompts", NULL, NULL, TRUE, rw);
  properties[PROP_MODIFIED] = g_param_spec_boxed ("modified", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_WORD_COUNT] = g_param_spec_uint ("word-count", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_UNSAVED] = g_param_spec_boolean ("unsaved", NULL, NULL, FALSE, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ll_narrative_init (LlNarrative *self)
{
  self->sections = g_list_store_new (LL_TYPE_NARRATIVE_SECTION);
  self->revisions = g_list_store_new (LL_TYPE_REVISION);
  self->show_prompts = TRUE;
}

static void
set_modified_from_store (LlNarrative *self)
{
  g_autofree char *iso = ll_store_dup_modified (self->store, self->id);
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (iso, NULL);

  g_clear_pointer (&self->modified, g_date_time_unref);
  self->modified = utc ? g_date_time_to_local (utc) : g_date_time_new_now_local ();
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
recount_words (LlNarrative *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sections));
  guint words = 0;

  /* the sections' texts, as the writer wrote them: not the titles */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LlNarrativeSection) section = g_list_model_get_item (G_LIST_MODEL (self->sections), i);

      words += ll_narrative_section_get_word_count (section);
    }
  if (words != self->word_count)
    {
      self->word_count = words;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORD_COUNT]);
    }
}

static gboolean
load_sections (LlNarrative  *self,
               GError      **error)
{
  g_autoptr(GPtrArray) rows = ll_store_list_sections (self->store, self->id, error);
  g_autoptr(GPtrArray) items = NULL;

  self->sections_loaded = TRUE;
  if (rows == NULL)
    return FALSE;
  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (items, _ll_narrative_section_new (self, g_ptr_array_index (rows, i)));
  detach_sections (self);
  g_list_store_splice (self->sections, 0, g_list_model_get_n_items (G_LIST_MODEL (self->sections)),
                       items->pdata, items->len);
  recount_words (self);
  return TRUE;
}

static gboolean
load_revisions (LlNarrative  *self,
                GError      **error)
{
  g_autoptr(GPtrArray) rows = ll_store_list_revisions (self->store, self->id, error);
  g_autoptr(GPtrArray) items = NULL;

  self->revisions_loaded = TRUE;
  if (rows == NULL)
    return FALSE;
  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (items, _ll_revision_new (g_ptr_array_index (rows, i)));
  g_list_store_splice (self->revisions, 0, g_list_model_get_n_items (G_LIST_MODEL (self->revisions)),
                       items->pdata, items->len);
  return TRUE;
}

/* Reads the sections the first time they are needed. A file that cannot
 * be read then shows the narrative empty, and says why once. */
static void
ensure_sections (LlNarrative *self)
{
  g_autoptr(GError) error = NULL;

  if (!self->sections_loaded && !load_sections (self, &error))
    g_warning ("The sections of a narrative could not be read: %s", error->message);
}

static void
ensure_revisions (LlNarrative *self)
{
  g_autoptr(GError) error = NULL;

  if (!self->revisions_loaded && !load_revisions (self, &error))
    g_warning ("The revisions of a narrative could not be read: %s", error->message);
}

static void
pending_changed_cb (LlNarrative *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNSAVED]);
}

LlNarrative *
_ll_narrative_new (LlStore                *store,
                   LlPending              *pending,
                   const LlStoreNarrative *row,
                   GError                **error)
{
  g_autoptr(LlNarrative) self = g_object_new (LL_TYPE_NARRATIVE, NULL);

  self->store = g_object_ref (store);
  self->pending = g_object_ref (pending);
  g_signal_connect_object (pending, "notify::pending", G_CALLBACK (pending_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (pending, "notify::failing", G_CALLBACK (pending_changed_cb),
                           self, G_CONNECT_SWAPPED);
  self->id = row->id;
  self->title = g_strdup (row->title);
  self->author = g_strdup (row->author);
  self->show_prompts = row->show_prompts;
  for (guint i = 0; i < G_N_ELEMENTS (status_ids); i++)
    if (g_strcmp0 (row->status, status_ids[i]) == 0)
      self->status = i;
  set_modified_from_store (self);
  return g_steal_pointer (&self);
}

void
_ll_narrative_get_loaded (LlNarrative *self,
                          gboolean    *sections,
                          gboolean    *revisions)
{
  *sections = self->sections_loaded;
  *revisions = self->revisions_loaded;
}

LlStore *
_ll_narrative_get_store (LlNarrative *self)
{
  return self->store;
}

LlPending *
_ll_narrative_get_pending (LlNarrative *self)
{
  return self->pending;
}

/* A change that was written: the narrative's time follows the file. */
void
_ll_narrative_written (LlNarrative *self)
{
  set_modified_from_store (self);
}

void
_ll_narrative_recount_words (LlNarrative *self)
{
  recount_words (self);
}

static LlRevision *
insert_revision (LlNarrative  *self,
                 const char   *kind,
                 const char   *name,
                 GError      **error)
{
  gint64 id;

  ensure_sections (self);
  /* a revision copies the sections from the file: what waits goes first */
  if (!ll_pending_flush (self->pending, error))
    return NULL;
  id = ll_store_insert_revision (self->store, self->id, kind, name, self->word_count, error);
  if (id == 0 || !load_revisions (self, error))
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->revisions)); i++)
    {
      g_autoptr(LlRevision) revision = g_list_model_get_item (G_LIST_MODEL (self->revisions), i);

      if (ll_revision_get_id (revision) == id)
        return revision;
    }
  g_return_val_if_reached (NULL);
}

static gboolean
has_written_text (LlNarrative *self)
{
  guint n;

  ensure_sections (self);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->sections));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LlNarrativeSection) section = g_list_model_get_item (G_LIST_MODEL (self->sections), i);

      if (ll_narrative_section_get_body (section)[0] != '\0')
        return TRUE;
    }
  return FALSE;
}

/* The first change in each opening keeps what was there before, so that a
 * writing session can always be undone as a whole. A narrative with nothing
 * written yet has nothing to keep. */
void
_ll_narrative_before_edit (LlNarrative *self)
{
  g_autoptr(GError) error = NULL;

  if (self->session_saved)
    return;
  self->session_saved = TRUE;
  if (!has_written_text (self) || ll_store_get_read_only (self->store))
    return;
  if (insert_revision (self, "session", NULL, &error) == NULL && error != NULL)
    ll_store_report_write_failure (self->store, error);
}

void
_ll_narrative_section_changed (LlNarrative *self)
{
  recount_words (self);
  set_modified_from_store (self);
}

gint64
ll_narrative_get_id (LlNarrative *self)
{
  g_return_val_if_fail (LL_IS_NARRATIVE (self), 0);
  return self->id;
}

/* What ll_pending_schedule() writes: one property of the narrative. */
static gboolean
write_field (GObject  *object,
             guint     prop_id,
             GError  **error)
{
  LlNarrative *self = LL_NARRATIVE (object);
  const char *field, *value;

  if (self->store == NULL)
    return TRUE;
  switch (prop_id)
    {
    case PROP_TITLE:
      field = "title";
      value = self->title;
      break;
    case PROP_AUTHOR:
      field = "author";
      value = self->author;
      break;
    case PROP_STATUS:
      field = "status";
      value = status_ids[self->status];
      break;
    default:
      field = "show_prompts";
      value = self->show_prompts ? "1" : "0";
      break;
    }
  if (!ll_store_update_narrative (self->store, self->id, field, value, error))
    return FALSE;
  if (prop_id != PROP_SHOW_PROMPTS)
    set_modified_from_store (self);
  return TRUE;
}

static void
update_field (LlNarrative *self,
              guint        prop_id)
{
  /* a choice is made once, and written at once; text is typed key by key */
  if (prop_id == PROP_STATUS || prop_id == PROP_SHOW_PROMPTS)
    ll_pending_write_now (self->pending, G_OBJECT (self), prop_id, write_field);
  else
    ll_pending_schedule (self->pending, G_OBJECT (self), prop_id, write_field);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

const char *
ll_narrative_get_title (LlNarrative *self)
{
  g_return_val_if_fail (LL_IS_NARRATIVE (self), NULL);
  return self->title;
}

void
ll_narrative_set_title (LlNarrative *self,
                        const char  *title)
{
  g_return_if_fail (LL_IS_NARRATIVE (self));

  if (title == NULL)
    title = "";
  if (g_strcmp0 (self->title, title) == 0)
    return;
  _ll_narrative_before_edit (self);
  g_free (self->title);
  self->title = g_strdup (title);
  update_field (self, PROP_TITLE);
  recount_words (self);
}

const char *
ll_narrative_get_author (LlNarrative *self)
{
  g_return_val_if_fail (LL_IS_NARRATIVE (self), NULL);
  return self->author;
}

void
ll_narrative_set_author (LlNarrative *self,
                         const char  *author)
{
  g_return_if_fail (LL_IS_NARRATIVE (self));

  if (author == NULL)
    author = "";
  if (g_strcmp0 (self->author, author) == 0)
    return;
  g_free (self->author);
  self->author = g_strdup (author);
  update_field (self, PROP_AUTHOR);
}

LlNarrativeStatus
ll_narrative_get_status (LlNarrative *self)
{
  g_return_val_if_fail (LL_IS_NARRATIVE (self), LL_NARRATIVE_DRAFT);
  return self->status;
}

void
ll_narrative_set_status (LlNarrative       *self,
                         LlNarrativeStatus  status)
{
  g_return_if_fail (LL_IS_NARRATIVE (self));
  g_return_if_fail (status <= LL_NARRATIVE_ADOPTED);

  if (self->status == status)
    return;
  self->status = status;
  update_field (self, PROP_STATUS);
}

gboolean
ll_narrative_get_show_prompts (LlNarrative *self)
{
  g_return_val_if_fail (LL_IS_NARRATIVE (self), TRUE);
  return self->show_prompts;
}

void
ll_narrative_set_show_prompts (LlNarrative *self,
                               gboolean     show_prompts)
{
  g_return_if_fail (LL_IS_NARRATIVE (self));

  show_prompts = !!show_prompts;
  if (self->show_prompts == show_prompts)
    return;
  self->show_prompts = show_prompts;
  update_field (self, PROP_SHOW_PROMPTS);
}

GDateTime *
ll_narrative_get_modified (LlNarrative *self)
{
  g_return_val_if_fail (LL_IS_NARRATIVE (self), NULL);
  return self->modified;
}

/**
 * ll_narrative_get_unsaved:
 * Whether changes in the workbook wait to be written, or could not be
 * ("unsaved"): no sign of saving should show meanwhile.
 */
gboolean
ll_narrative_get_unsaved (LlNarrative *self)
{
  g_return_val_if_fail (LL_IS_NARRATIVE (self), FALSE);
  return self->pending != NULL
    && (ll_pending_get_pending (self->pending) || ll_pending_get_failing (self->pending));
}

guint
ll_narrative_get_word_count (LlNarrative *self)
{
  g_return_val_if_fail (LL_IS_NARRATIVE (self), 0);
  ensure_sections (self);
  return self->word_count;
}

GListModel *
ll_narrative_get_sections (LlNarrative *self)
{
  g_return_val_if_fail (LL_IS_NARRATIVE (self), NULL);
  ensure_sections (self);
  return G_LIST_MODEL (self->sections);
}

/**
 * ll_narrative_add_section:
 * Inserts a new, empty section at @position (clamped to the end).
 */
LlNarrativeSection *
ll_narrative_add_section (LlNarrative  *self,
                          guint         position,
                          const char   *title,
                          GError      **error)
{
  guint n;
  gint64 id;
  LlStoreSection row = { 0 };
  g_autoptr(LlNarrativeSection) section = NULL;

  g_return_val_if_fail (LL_IS_NARRATIVE (self), NULL);

  ensure_sections (self);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->sections));
  position = MIN (position, n);
  _ll_narrative_before_edit (self);
  id = ll_store_insert_section (self->store, self->id, position, title ? title : "", "", "", error);
  if (id == 0)
    return NULL;
  row.id = id;
  row.title = (char *) (title ? title : "");
  row.prompts = (char *) "";
  row.body = (char *) "";
  section = _ll_narrative_section_new (self, &row);
  g_list_store_insert (self->sections, position, section);
  _ll_narrative_section_changed (self);
  return section;
}

gboolean
ll_narrative_remove_section (LlNarrative         *self,
                             LlNarrativeSection  *section,
                             GError             **error)
{
  guint position;

  g_return_val_if_fail (LL_IS_NARRATIVE (self), FALSE);

  ensure_sections (self);
  if (!g_list_store_find (self->sections, section, &position))
    {
      g_set_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_INVALID,
                   _("That section is not in this narrative."));
      return FALSE;
    }
  _ll_narrative_before_edit (self);
  if (!ll_store_delete_section (self->store, self->id, ll_narrative_section_get_id (section), error))
    return FALSE;
  _ll_narrative_section_detach (section);
  g_list_store_remove (self->sections, position);
  _ll_narrative_section_changed (self);
  return TRUE;
}

gboolean
ll_narrative_move_section (LlNarrative         *self,
                           LlNarrativeSection  *section,
                           guint                position,
                           GError             **error)
{
  g_autoptr(LlNarrativeSection) keep = NULL;
  g_autofree gint64 *ids = NULL;
  guint from, n;

  g_return_val_if_fail (LL_IS_NARRATIVE (self), FALSE);

  ensure_sections (self);
  if (!g_list_store_find (self->sections, section, &from))
    {
      g_set_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_INVALID,
                   _("That section is not in this narrative."));
      return FALSE;
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (self->sections));
  position = MIN (position, n - 1);
  if (position == from)
    return TRUE;

  ids = g_new (gint64, n);
  for (guint i = 0, j = 0; i < n; i++)
    {
      g_autoptr(LlNarrativeSection) s = g_list_model_get_item (G_LIST_MODEL (self->sections), i);

      if (i == from)
        continue;
      if (j == position)
        ids[j++] = ll_narrative_section_get_id (section);
      ids[j++] = ll_narrative_section_get_id (s);
    }
  if (position == n - 1)
    ids[n - 1] = ll_narrative_section_get_id (section);

  _ll_narrative_before_edit (self);
  if (!ll_store_order_sections (self->store, self->id, ids, n, error))
    return FALSE;
  keep = g_object_ref (section);
  g_list_store_remove (self->sections, from);
  g_list_store_insert (self->sections, position, keep);
  _ll_narrative_section_changed (self);
  return TRUE;
}

GListModel *
ll_narrative_get_revisions (LlNarrative *self)
{
  g_return_val_if_fail (LL_IS_NARRATIVE (self), NULL);
  ensure_revisions (self);
  return G_LIST_MODEL (self->revisions);
}

/**
 * ll_narrative_save_revision:
 * Saves the current text as a revision named @name.
 */
LlRevision *
ll_narrative_save_revision (LlNarrative  *self,
                            const char   *name,
                            GError      **error)
{
  g_autofree char *clean = NULL;

  g_return_val_if_fail (LL_IS_NARRATIVE (self), NULL);

  clean = g_strstrip (g_strdup (name ? name : ""));
  if (clean[0] == '\0')
    {
      g_set_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_INVALID,
                   _("A revision needs a name."));
      return NULL;
    }
  return insert_revision (self, "named", clean, error);
}

gboolean
ll_narrative_restore_revision (LlNarrative  *self,
                               LlRevision   *revision,
                               GError      **error)
{
  g_return_val_if_fail (LL_IS_NARRATIVE (self), FALSE);
  g_return_val_if_fail (LL_IS_REVISION (revision), FALSE);

  /* Both steps in one transaction: the current text is never lost. */
  if (!ll_pending_flush (self->pending, error) || !ll_store_begin (self->store, error))
    return FALSE;
  if (insert_revision (self, "before-restore", ll_revision_get_label (revision), error) == NULL
      || !ll_store_replace_sections_from_revision (self->store, self->id,
                                                   ll_revision_get_id (revision), error)
      || !ll_store_commit (self->store, error))
    {
      ll_store_rollback (self->store);
      load_revisions (self, NULL);
      return FALSE;
    }
  self->session_saved = TRUE;
  load_sections (self, NULL);
  set_modified_from_store (self);
  return TRUE;
}
