/* ll-sample.h: the sample workbook, a fictional school made by code */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writes a new sample workbook at @path, which must not exist. @scale (>= 1)
 * multiplies the amount of content; benchmarks use large scales. */
gboolean ll_sample_generate (const char  *path,
                             guint        scale,
                             GError     **error);

G_END_DECLS
