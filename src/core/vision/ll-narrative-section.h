/* ll-narrative-section.h: one section of a vision narrative */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LL_TYPE_NARRATIVE_SECTION (ll_narrative_section_get_type ())
G_DECLARE_FINAL_TYPE (LlNarrativeSection, ll_narrative_section, LL, NARRATIVE_SECTION, GObject)

/* Properties: "id" (read-only), "title", "body" (a DocBook 5 block
 * fragment: the stored form of the text), "prompts" (read-only key of the
 * strategy's reflective prompts, "" for none), "word-count" (read-only).
 * Setting "title" or "body" writes it to the workbook at once. */
gint64       ll_narrative_section_get_id          (LlNarrativeSection *self);
const char  *ll_narrative_section_get_title       (LlNarrativeSection *self);
void         ll_narrative_section_set_title       (LlNarrativeSection *self,
                                                   const char         *title);
const char  *ll_narrative_section_get_body        (LlNarrativeSection *self);
void         ll_narrative_section_set_body        (LlNarrativeSection *self,
                                                   const char         *body);
const char  *ll_narrative_section_get_prompts     (LlNarrativeSection *self);
guint        ll_narrative_section_get_word_count  (LlNarrativeSection *self);

G_END_DECLS
