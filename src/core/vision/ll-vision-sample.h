/* ll-vision-sample.h: the vision narratives of the sample workbook */
#pragma once

#include "ll-store.h"

G_BEGIN_DECLS

/* Adds the sample narrative, with its revisions, and one draft more for
 * every twenty of @scale (>= 1). */
gboolean _ll_vision_sample_add (LlStore  *store,
                                guint     scale,
                                GError  **error);

G_END_DECLS
