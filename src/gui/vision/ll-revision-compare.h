/* ll-revision-compare.h: what changed between a revision and the current
 * text, or another revision, word by word */
#pragma once

#include <adwaita.h>

#include "ll-narrative.h"

G_BEGIN_DECLS

#define LL_TYPE_REVISION_COMPARE (ll_revision_compare_get_type ())
G_DECLARE_FINAL_TYPE (LlRevisionCompare, ll_revision_compare, LL, REVISION_COMPARE, AdwWindow)

/* The names of the text tags that mark words added and removed. */
#define LL_DIFF_TAG_INSERT "ll-insert"
#define LL_DIFF_TAG_DELETE "ll-delete"
/* The name of the tag on the lines that are a section's title (the blocks
 * of the text carry the editor's tags, LL_RICH_TEXT_TAG_PARA and others). */
#define LL_DIFF_TAG_HEADING "ll-section-title"

GtkWidget      *ll_revision_compare_new         (LlNarrative       *narrative,
                                                 LlRevision        *revision);
/* Compares with @other, or with the current text when NULL. */
void            ll_revision_compare_set_other   (LlRevisionCompare *self,
                                                 LlRevision        *other);
GtkTextBuffer  *ll_revision_compare_get_buffer  (LlRevisionCompare *self);
void            ll_revision_compare_get_counts  (LlRevisionCompare *self,
                                                 guint             *added,
                                                 guint             *removed);

G_END_DECLS
