/* ll-narrative-section-row.h: one section of a narrative in the editor: its
 * heading, its text, and beside it the questions it asks */
#pragma once

#include <adwaita.h>

#include "ll-narrative-section.h"
#include "ll-rich-text.h"

G_BEGIN_DECLS

#define LL_TYPE_NARRATIVE_SECTION_ROW (ll_narrative_section_row_get_type ())
G_DECLARE_FINAL_TYPE (LlNarrativeSectionRow, ll_narrative_section_row, LL, NARRATIVE_SECTION_ROW, GtkWidget)

/* Writes the text this long after the last change... */
#define LL_AUTOSAVE_DELAY_MS 400
/* ...or this long after the first change not yet written, while typing
 * goes on without a pause. */
#define LL_AUTOSAVE_MAX_WAIT_MS 800

GtkWidget           *ll_narrative_section_row_new              (LlNarrativeSection    *section,
                                                               gboolean               read_only);
LlNarrativeSection  *ll_narrative_section_row_get_section      (LlNarrativeSectionRow *self);
LlRichText          *ll_narrative_section_row_get_rich_text    (LlNarrativeSectionRow *self);
GtkEditable         *ll_narrative_section_row_get_heading      (LlNarrativeSectionRow *self);
/* The questions shown beside the text (hidden when the narrative hides
 * them, or when the section has none). */
GtkWidget           *ll_narrative_section_row_get_prompts      (LlNarrativeSectionRow *self);
gboolean             ll_narrative_section_row_get_show_prompts (LlNarrativeSectionRow *self);
void                 ll_narrative_section_row_set_show_prompts (LlNarrativeSectionRow *self,
                                                               gboolean               show_prompts);
/* Whether a change waits to be written. */
gboolean             ll_narrative_section_row_get_pending      (LlNarrativeSectionRow *self);
/* Writes a waiting change now. */
void                 ll_narrative_section_row_flush            (LlNarrativeSectionRow *self);

G_END_DECLS
