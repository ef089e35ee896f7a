/* ll-narrative-row.h: one narrative in the Vision place's list */
#pragma once

#include <adwaita.h>

#include "ll-narrative.h"

G_BEGIN_DECLS

#define LL_TYPE_NARRATIVE_ROW (ll_narrative_row_get_type ())
G_DECLARE_FINAL_TYPE (LlNarrativeRow, ll_narrative_row, LL, NARRATIVE_ROW, AdwActionRow)

/* @read_only: whether the row leaves out the menu that deletes it */
GtkWidget    *ll_narrative_row_new            (LlNarrative    *narrative,
                                               gboolean        read_only);
LlNarrative  *ll_narrative_row_get_narrative  (LlNarrativeRow *self);

G_END_DECLS
