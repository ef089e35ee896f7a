/* ll-school-sample.h: the school and its people in the sample workbook */
#pragma once

#include "ll-store.h"

G_BEGIN_DECLS

/* Adds the sample school's profile and its staff; @scale (>= 1) makes
 * the staff larger. The same @scale gives the same people. */
gboolean _ll_school_sample_add (LlStore  *store,
                                guint     scale,
                                GError  **error);

G_END_DECLS
