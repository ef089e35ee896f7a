/* ll-vision-kind.c: vision narratives as a kind of document */
#define G_LOG_DOMAIN "ll-narrative"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ll-narrative-private.h"
#include "ll-prompts.h"
#include "ll-store-narrative.h"
#include "ll-vision-kind.h"
#include "ll-vision-sample.h"
#include "ll-workbook-private.h"

struct _LlVisionKind
{
  GObject     parent_instance;
  GListStore *narratives;
};

static void ll_vision_kind_document_kind_init (LlDocumentKindInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LlVisionKind, ll_vision_kind, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (LL_TYPE_DOCUMENT_KIND,
                                                      ll_vision_kind_document_kind_init))

static void
ll_vision_kind_dispose (GObject *object)
{
  LlVisionKind *self = LL_VISION_KIND (object);

  g_clear_object (&self->narratives);
  G_OBJECT_CLASS (ll_vision_kind_parent_class)->dispose (object);
}

static void
ll_vision_kind_class_init (LlVisionKindClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ll_vision_kind_dispose;
}

static void
ll_vision_kind_init (LlVisionKind *self)
{
  self->narratives = g_list_store_new (LL_TYPE_NARRATIVE);
}

static LlWorkbook *
get_workbook (LlVisionKind *self)
{
  return ll_document_kind_get_workbook (LL_DOCUMENT_KIND (self));
}

static void
on_narrative_title_changed (LlNarrative  *narrative,
                            GParamSpec   *pspec,
                            LlVisionKind *self)
{
  _ll_workbook_set_document_title (get_workbook (self), ll_narrative_get_id (narrative),
                                   ll_narrative_get_title (narrative));
}

static void
track_narrative (LlVisionKind *self,
                 LlNarrative  *narrative)
{
  g_signal_connect_object (narrative, "notify::title",
                           G_CALLBACK (on_narrative_title_changed), self, 0);
}

static const char *
vision_kind_get_id (LlDocumentKind *kind)
{
  return "vision";
}

static const char * const *
vision_kind_get_tables (LlDocumentKind *kind)
{
  static const char * const tables[] = {
    "narrative", "narrative_section", "revision", "revision_section", NULL
  };

  return tables;
}

static gboolean
vision_kind_load (LlDocumentKind  *kind,
                  LlWorkbook      *workbook,
                  GError         **error)
{
  LlVisionKind *self = LL_VISION_KIND (kind);
  LlStore *store = _ll_workbook_get_store (workbook);
  g_autoptr(GPtrArray) rows = ll_store_list_narratives (store, error);
  g_autoptr(GPtrArray) items = NULL;

  if (rows == NULL)
    return FALSE;
  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < rows->len; i++)
    {
      LlNarrative *narrative = _ll_narrative_new (store, _ll_workbook_get_pending (workbook),
                                                  g_ptr_array_index (rows, i), error);

      if (narrative == NULL)
        return FALSE;
      track_narrative (self, narrative);
      g_ptr_array_add (items, narrative);
    }
  g_list_store_splice (self->narratives, 0, 0, items->pdata, items->len);
  return TRUE;
}

static LlNarrative *
find_narrative (LlVisionKind *self,
                gint64        id)
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

static LlDoc *
vision_kind_build_doc (LlDocumentKind  *kind,
                       gint64           id,
                       GError         **error)
{
  LlVisionKind *self = LL_VISION_KIND (kind);
  LlNarrative *narrative = find_narrative (self, id);
  LlSchool *school = ll_workbook_get_school (get_workbook (self));
  GListModel *sections, *revisions;
  LlDoc *doc;
  guint n;

  if (narrative == NULL)
    {
      g_set_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_NO_SUCH_DOCUMENT,
                   _("This workbook has no document with the ID %" G_GINT64_FORMAT
                     ". Use --list to see the documents it has."), id);
      return NULL;
    }
  sections = ll_narrative_get_sections (narrative);
  revisions = ll_narrative_get_revisions (narrative);
  n = g_list_model_get_n_items (sections);
  doc = ll_doc_new ("vision", ll_narrative_get_id (narrative), ll_narrative_get_title (narrative));
  if (ll_narrative_get_author (narrative)[0] != '\0')
    doc->author = g_strdup (ll_narrative_get_author (narrative));
  if (ll_school_get_name (school)[0] != '\0')
    doc->subtitle = g_strdup (ll_school_get_name (school));
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

static gboolean
vision_kind_check (LlDocumentKind *kind,
                   LlStore        *store,
                   GString        *report)
{
  gint64 lost = ll_store_count_lost_narratives (store);

  if (lost == 0)
    return TRUE;
  if (lost < 0)
    g_string_append (report, _("Vision narratives could not be checked"));
  else
    g_string_append_printf (report, _("Vision narratives whose text is missing: %" G_GINT64_FORMAT),
                            lost);
  g_string_append_c (report, '\n');
  return FALSE;
}

static gboolean
vision_kind_add_sample (LlDocumentKind  *kind,
                        LlStore         *store,
                        guint            scale,
                        GError         **error)
{
  return _ll_vision_sample_add (store, scale, error);
}

/* A narrative from outside: a section for each section of @doc, whose
 * rich text the reading layer has made a fragment. */
static gint64
vision_kind_import_doc (LlDocumentKind  *kind,
                        LlDoc           *doc,
                        GError         **error)
{
  LlWorkbook *workbook = ll_document_kind_get_workbook (kind);
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  g_autoptr(GPtrArray) bodies = g_ptr_array_new ();
  LlNarrative *narrative;

  g_return_val_if_fail (workbook != NULL, 0);

  for (guint i = 0; i < doc->body->children->len; i++)
    {
      LlDocNode *section = g_ptr_array_index (doc->body->children, i);
      LlDocNode *text = section->children->len > 0 ? g_ptr_array_index (section->children, 0) : NULL;

      if (section->type != LL_DOC_SECTION || (text != NULL && text->type != LL_DOC_FRAGMENT))
        {
          g_set_error_literal (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_INVALID,
                               _("The document to import is not in sections."));
          return 0;
        }
      g_ptr_array_add (titles, section->title != NULL ? section->title : "");
      g_ptr_array_add (bodies, text != NULL && text->text != NULL ? text->text : "");
    }
  narrative = ll_workbook_add_narrative_from_sections (workbook, doc->title, doc->author,
                                                       (const char * const *) titles->pdata,
                                                       (const char * const *) bodies->pdata,
                                                       titles->len, error);
  return narrative != NULL ? ll_narrative_get_id (narrative) : 0;
}

static void
ll_vision_kind_document_kind_init (LlDocumentKindInterface *iface)
{
  iface->get_id = vision_kind_get_id;
  iface->get_tables = vision_kind_get_tables;
  iface->load = vision_kind_load;
  iface->build_doc = vision_kind_build_doc;
  iface->check = vision_kind_check;
  iface->add_sample = vision_kind_add_sample;
  iface->import_doc = vision_kind_import_doc;
}

/* The workbook's narratives (ll-workbook.h) ---------------------------------- */

static LlVisionKind *
vision_kind (LlWorkbook *workbook)
{
  return LL_VISION_KIND (_ll_workbook_get_kind_of_type (workbook, LL_TYPE_VISION_KIND));
}

GListModel *
ll_workbook_get_narratives (LlWorkbook *self)
{
  g_return_val_if_fail (LL_IS_WORKBOOK (self), NULL);
  return G_LIST_MODEL (vision_kind (self)->narratives);
}

static const char *
default_author (LlWorkbook *self)
{
  GListModel *people = ll_workbook_get_people (self);
  guint n = g_list_model_get_n_items (people);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LlPerson) person = g_list_model_get_item (people, i);

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
  LlVisionKind *kind = vision_kind (self);
  LlStore *store = _ll_workbook_get_store (self);
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
  if (!ll_store_begin (store, error))
    return NULL;
  id = ll_store_insert_narrative (store, clean,
                                  author && author[0] ? author : default_author (self), error);
  for (guint i = 0; id != 0 && i < n_sections; i++)
    if (ll_store_insert_section (store, id, i, titles[i], prompts ? prompts[i] : "",
                                 bodies[i], error) == 0)
      id = 0;
  if (id == 0 || !ll_store_commit (store, error))
    {
      ll_store_rollback (store);
      return NULL;
    }

  rows = ll_store_list_narratives (store, error);
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      LlStoreNarrative *row = g_ptr_array_index (rows, i);

      if (row->id == id)
        narrative = _ll_narrative_new (store, _ll_workbook_get_pending (self), row, error);
    }
  if (narrative == NULL)
    return NULL;
  track_narrative (kind, narrative);
  g_list_store_append (kind->narratives, narrative);
  _ll_workbook_add_document (self, ll_document_kind_get_id (LL_DOCUMENT_KIND (kind)), id, clean);
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
  LlVisionKind *kind;
  guint position;

  g_return_val_if_fail (LL_IS_WORKBOOK (self), FALSE);
  g_return_val_if_fail (LL_IS_NARRATIVE (narrative), FALSE);

  kind = vision_kind (self);
  if (!g_list_store_find (kind->narratives, narrative, &position))
    {
      g_set_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_INVALID,
                   _("That narrative is not in this workbook."));
      return FALSE;
    }
  /* what waits for it would be written to nothing */
  ll_workbook_flush (self, NULL);
  if (!ll_store_delete_document (_ll_workbook_get_store (self), ll_narrative_get_id (narrative), error))
    return FALSE;
  _ll_workbook_remove_document (self, ll_narrative_get_id (narrative));
  g_list_store_remove (kind->narratives, position);
  return TRUE;
}

LlNarrative *
ll_workbook_find_narrative (LlWorkbook *self,
                            gint64      id)
{
  g_return_val_if_fail (LL_IS_WORKBOOK (self), NULL);
  return find_narrative (vision_kind (self), id);
}
