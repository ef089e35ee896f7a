/* ll-vision-kind.h: vision narratives as a kind of document */
#pragma once

#include "ll-document-kind.h"

G_BEGIN_DECLS

/* The kind "vision": the narratives of the school's vision for learning,
 * which ll_workbook_get_narratives() and its neighbours in ll-workbook.h
 * edit. */
#define LL_TYPE_VISION_KIND (ll_vision_kind_get_type ())
G_DECLARE_FINAL_TYPE (LlVisionKind, ll_vision_kind, LL, VISION_KIND, GObject)

G_END_DECLS
