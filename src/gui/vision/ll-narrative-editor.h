/* ll-narrative-editor.h: the headteacher's writing desk: one vision
 * narrative, its sections, outline and revisions */
#pragma once

#include <adwaita.h>

#include "ll-narrative.h"

G_BEGIN_DECLS

#define LL_TYPE_NARRATIVE_EDITOR (ll_narrative_editor_get_type ())
G_DECLARE_FINAL_TYPE (LlNarrativeEditor, ll_narrative_editor, LL, NARRATIVE_EDITOR, GtkWidget)

GtkWidget    *ll_narrative_editor_new                  (void);

LlNarrative  *ll_narrative_editor_get_narrative        (LlNarrativeEditor *self);
/* Shows @narrative (may be NULL), writing what waits for the previous one
 * first. */
void          ll_narrative_editor_set_narrative        (LlNarrativeEditor *self,
                                                        LlNarrative       *narrative,
                                                        gboolean           read_only);
gboolean      ll_narrative_editor_get_read_only        (LlNarrativeEditor *self);
/* Writes every change that waits for a pause in the typing. */
void          ll_narrative_editor_flush                (LlNarrativeEditor *self);
/* Puts the cursor where the writer goes on: in the title, selected, for
 * @in_title; otherwise where they last were in this narrative, or at the
 * start of its first section's text. */
void          ll_narrative_editor_focus_start          (LlNarrativeEditor *self,
                                                        gboolean           in_title);

gboolean      ll_narrative_editor_get_distraction_free (LlNarrativeEditor *self);
void          ll_narrative_editor_set_distraction_free (LlNarrativeEditor *self,
                                                        gboolean           distraction_free);
/* Whether the window's own controls (start title buttons) belong in the
 * editor's header bar: true when the window's sidebar is folded away. */
void          ll_narrative_editor_set_folded           (LlNarrativeEditor *self,
                                                        gboolean           folded);

/* For the tests: the widgets a user works with. */
GtkWidget    *ll_narrative_editor_get_section_row      (LlNarrativeEditor *self,
                                                        guint              position);
GtkListBox   *ll_narrative_editor_get_outline          (LlNarrativeEditor *self);
GtkListBox   *ll_narrative_editor_get_revisions_list   (LlNarrativeEditor *self);
/* Selects @revision in the revisions pane, for Read, Compare and Restore. */
void          ll_narrative_editor_select_revision      (LlNarrativeEditor *self,
                                                        LlRevision        *revision);
LlRevision   *ll_narrative_editor_get_selected_revision (LlNarrativeEditor *self);

G_END_DECLS
