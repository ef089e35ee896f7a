/* ll-vision-page.h: the Vision place: the workbook's vision narratives,
 * and the editor of the one being written (an LlPlace) */
#pragma once

#include <adwaita.h>

#include "ll-narrative-editor.h"
#include "ll-place.h"
#include "ll-workbook.h"

G_BEGIN_DECLS

#define LL_TYPE_VISION_PAGE (ll_vision_page_get_type ())
G_DECLARE_FINAL_TYPE (LlVisionPage, ll_vision_page, LL, VISION_PAGE, GtkWidget)

GtkWidget          *ll_vision_page_new                     (void);

LlWorkbook         *ll_vision_page_get_workbook            (LlVisionPage *self);
/* Shows the narratives of @workbook (may be NULL), writing what waits for
 * the previous one first. */
void                ll_vision_page_set_workbook            (LlVisionPage *self,
                                                            LlWorkbook   *workbook);
/* Writes every change that waits for a pause in the typing. */
void                ll_vision_page_flush                   (LlVisionPage *self);

/* Adds a narrative with the strategy's five sections, and opens it. */
LlNarrative        *ll_vision_page_new_narrative           (LlVisionPage *self);
/* Imports the DocBook article at @path as a new narrative and opens it;
 * the user is told what was simplified, or why nothing was imported. The
 * file is read off the main thread, one import at a time; meanwhile the
 * Import action is disabled and a toast says so. Disposing the page or
 * changing its workbook cancels it. finish: (transfer full). */
void                ll_vision_page_import_file_async       (LlVisionPage        *self,
                                                            const char          *path,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
LlNarrative        *ll_vision_page_import_file_finish      (LlVisionPage        *self,
                                                            GAsyncResult        *result,
                                                            GError             **error);
/* Whether an import is under way. */
gboolean            ll_vision_page_get_importing           (LlVisionPage        *self);
void                ll_vision_page_open_narrative          (LlVisionPage *self,
                                                            LlNarrative  *narrative);
void                ll_vision_page_show_list               (LlVisionPage *self);
/* Deletes @narrative and its revisions, at once (the vision.delete action
 * asks first), going back to the list if it was open. */
gboolean            ll_vision_page_delete_narrative        (LlVisionPage  *self,
                                                            LlNarrative   *narrative,
                                                            GError       **error);

/* Whether a narrative is open in the editor. */
gboolean            ll_vision_page_get_editing             (LlVisionPage *self);
gboolean            ll_vision_page_get_distraction_free    (LlVisionPage *self);
/* The document ID of the narrative open in the editor, or 0. */
gint64              ll_vision_page_get_current_document_id (LlVisionPage *self);
/* The narrative being written, or the one the keyboard is on (or that is
 * selected) in the list; 0 for none. */
gint64              ll_vision_page_get_chosen_document_id  (LlVisionPage *self);
LlNarrativeEditor  *ll_vision_page_get_editor              (LlVisionPage *self);
GtkListBox         *ll_vision_page_get_list                (LlVisionPage *self);
void                ll_vision_page_set_folded              (LlVisionPage *self,
                                                            gboolean      folded);

G_END_DECLS
