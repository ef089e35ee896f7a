/* ll-workbook.h: the root of the model, and the one context that every
 * controller is handed. A workbook is one SQLite file; every change made
 * through the model is committed to it within a second (see ll-pending.h),
 * and a change that could not be written keeps waiting until it can. */
#pragma once

#include <gio/gio.h>

#include "ll-doc.h"
#include "ll-document-info.h"
#include "ll-document-kind.h"
#include "ll-error.h"
#include "ll-framework.h"
#include "ll-narrative.h"
#include "ll-observation-trend.h"
#include "ll-person.h"
#include "ll-school.h"

G_BEGIN_DECLS

#define LL_WORKBOOK_EXTENSION ".llw"

typedef enum {
  LL_WORKBOOK_OPEN_DEFAULT   = 0,
  /* Never write to the file, even when it is writable (command-line
   * readers, and the check). Read-only files always open like this. */
  LL_WORKBOOK_OPEN_READ_ONLY = 1 << 0,
} LlWorkbookOpenFlags;

#define LL_TYPE_WORKBOOK (ll_workbook_get_type ())
G_DECLARE_FINAL_TYPE (LlWorkbook, ll_workbook, LL, WORKBOOK, GObject)

LlWorkbook  *ll_workbook_open              (const char           *path,
                                            LlWorkbookOpenFlags   flags,
                                            GError              **error);
LlWorkbook  *ll_workbook_create            (const char           *path,
                                            GError              **error);
void         ll_workbook_close             (LlWorkbook           *self);
/* Writes every change that waits to be written. */
gboolean     ll_workbook_flush             (LlWorkbook           *self,
                                            GError              **error);
/* Whether changes wait to be written, or could not be ("unsaved"). */
gboolean     ll_workbook_get_unsaved       (LlWorkbook           *self);
/* Whether the file was renamed, moved or deleted while open ("moved"):
 * nothing is written to it then. */
gboolean     ll_workbook_get_moved         (LlWorkbook           *self);
/* Saves the whole workbook to @path and goes on editing there. */
gboolean     ll_workbook_save_to_new_place (LlWorkbook           *self,
                                            const char           *path,
                                            GError              **error);

const char  *ll_workbook_get_path          (LlWorkbook           *self);
gboolean     ll_workbook_get_read_only     (LlWorkbook           *self);
/* The path of the copy written before an older workbook was upgraded,
 * or NULL when this opening upgraded nothing. */
const char  *ll_workbook_get_backup_path   (LlWorkbook           *self);
/* The school's name, or the file's name while the school has none. */
char        *ll_workbook_dup_title         (LlWorkbook           *self);

LlSchool    *ll_workbook_get_school        (LlWorkbook           *self);
/* A GListModel of LlPerson, in the order the user sees them. */
GListModel  *ll_workbook_get_people        (LlWorkbook           *self);
LlPerson    *ll_workbook_add_person        (LlWorkbook           *self,
                                            const char           *name,
                                            LlRole                role,
                                            GError              **error);
gboolean     ll_workbook_remove_person     (LlWorkbook           *self,
                                            LlPerson             *person,
                                            GError              **error);

/* A GListModel of LlDocumentInfo: every document, the school profile first. */
GListModel  *ll_workbook_get_documents     (LlWorkbook           *self);
/* Builds the neutral tree of one document, for export and print. */
LlDoc       *ll_workbook_build_doc         (LlWorkbook           *self,
                                            gint64                document_id,
                                            GError              **error);

/* The kinds of document, one LlDocumentKind of each, in the order of
 * the table in ll-document-kinds.c: a GListModel. */
GListModel  *ll_workbook_get_kinds         (LlWorkbook           *self);
/* The kind whose ID is @id (as ll_document_info_get_kind() gives it),
 * or NULL. */
LlDocumentKind *ll_workbook_find_kind      (LlWorkbook           *self,
                                            const char           *id);
/* The kind that owns the document @document_id, stored or made, or
 * NULL when none does. */
LlDocumentKind *ll_workbook_find_document_kind (LlWorkbook       *self,
                                            gint64                document_id);

/* Every document, stored and made: each kind's in the order of the table
 * of kinds (a new array of LlDocumentInfo), for the command line. */
GPtrArray   *ll_workbook_list_documents    (LlWorkbook           *self,
                                            GError              **error);
/* The document's ID as people write it ("12", "summary-2025-autumn"), or
 * NULL when no kind owns @document_id. */
char        *ll_workbook_dup_document_name (LlWorkbook           *self,
                                            gint64                document_id);
/* The document that @name names, as ll_workbook_dup_document_name()
 * writes it. */
gboolean     ll_workbook_document_id_from_name (LlWorkbook       *self,
                                            const char           *name,
                                            gint64               *document_id);

/* Adds @doc, read from outside and prepared as ll_document_kind_import_doc()
 * says, as a new document of the kind @kind_id ("vision"); its ID, or 0
 * with @error. */
gint64       ll_workbook_import_doc        (LlWorkbook           *self,
                                            const char           *kind_id,
                                            LlDoc                *doc,
                                            GError              **error);

/* The summaries of observations, one for each term that has any, in the
 * order of the terms: of LlDocumentInfo of kind "observation-summary".
 * They are made, not stored; their IDs are below zero, made from the
 * term, and ll_workbook_build_doc() builds them. */
GPtrArray   *ll_workbook_list_summaries    (LlWorkbook           *self,
                                            GError              **error);
/* A summary's ID as people write it, "summary-2025-autumn"; NULL when
 * @document_id is not a summary's. */
char        *ll_workbook_dup_summary_name  (gint64                document_id);
gboolean     ll_workbook_summary_id_from_name (const char         *name,
                                            gint64               *document_id);
/* Draws the chart of @term of @trend as a PNG for a summary, or returns
 * NULL; the core draws no charts, so summaries have none unless a
 * layer that can draw sets this. */
typedef GBytes *(*LlWorkbookChartFunc) (const LlObservationTrend *trend,
                                        guint                     term,
                                        gpointer                  user_data);
void         ll_workbook_set_chart_func    (LlWorkbook           *self,
                                            LlWorkbookChartFunc   func,
                                            gpointer              user_data);

/* Every note of every observation as CSV (see ll-observation-csv.h). */
gboolean     ll_workbook_write_observation_csv (LlWorkbook       *self,
                                            const char           *path,
                                            GError              **error);
/* The frameworks of learning behaviours, in order: a new array of copies
 * (LlFramework). */
GPtrArray   *ll_workbook_list_frameworks   (LlWorkbook           *self,
                                            GError              **error);
/* Adds a copy of @framework, once its rules hold; its ID, or 0. */
gint64       ll_workbook_add_framework     (LlWorkbook           *self,
                                            LlFramework          *framework,
                                            GError              **error);

/* A GListModel of LlNarrative (vision narratives), oldest first. */
GListModel  *ll_workbook_get_narratives    (LlWorkbook           *self);
LlNarrative *ll_workbook_add_narrative     (LlWorkbook           *self,
                                            const char           *title,
                                            GError              **error);
LlNarrative *ll_workbook_add_narrative_from_sections (LlWorkbook         *self,
                                                     const char         *title,
                                                     const char         *author,
                                                     const char * const *titles,
                                                     const char * const *bodies,
                                                     guint               n_sections,
                                                     GError            **error);
gboolean     ll_workbook_remove_narrative  (LlWorkbook           *self,
                                            LlNarrative          *narrative,
                                            GError              **error);
/* The narrative whose document ID is @id, or NULL. */
LlNarrative *ll_workbook_find_narrative    (LlWorkbook           *self,
                                            gint64                id);

/* The stable identity (a UUID) of a document or a person: unlike the
 * IDs, it stays the same when they are copied into another workbook. */
char        *ll_workbook_dup_document_uuid (LlWorkbook        *self,
                                            gint64             document_id,
                                            GError           **error);
char        *ll_workbook_dup_person_uuid   (LlWorkbook        *self,
                                            LlPerson          *person,
                                            GError           **error);

/* Writes a consistent copy of the workbook to @path (which must not exist). */
gboolean     ll_workbook_save_copy         (LlWorkbook           *self,
                                            const char           *path,
                                            GError              **error);
typedef void (*LlWorkbookProgressFunc) (double   fraction,
                                        gpointer user_data);
void         ll_workbook_save_copy_async   (LlWorkbook           *self,
                                            const char           *path,
                                            LlWorkbookProgressFunc progress,
                                            gpointer              progress_data,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean     ll_workbook_save_copy_finish  (LlWorkbook           *self,
                                            GAsyncResult         *result,
                                            GError              **error);

/* Checks integrity and schema of the file at @path without changing it.
 * Returns a short human-readable report; *ok says whether all is well. */
char        *ll_workbook_check             (const char           *path,
                                            gboolean             *ok);

/* Signals: "write-failed" (const GError *): a change could not be written;
 * the model keeps the value and tries again until it can, and the
 * controller tells the user (once for each fault). */

G_END_DECLS
