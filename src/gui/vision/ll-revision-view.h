/* ll-revision-view.h: a saved revision of a narrative, for reading */
#pragma once

#include <adwaita.h>

#include "ll-narrative.h"

G_BEGIN_DECLS

#define LL_TYPE_REVISION_VIEW (ll_revision_view_get_type ())
G_DECLARE_FINAL_TYPE (LlRevisionView, ll_revision_view, LL, REVISION_VIEW, AdwWindow)

GtkWidget  *ll_revision_view_new           (LlNarrative    *narrative,
                                            LlRevision     *revision);
/* The box that holds each section's heading and text. */
GtkBox     *ll_revision_view_get_sections  (LlRevisionView *self);

G_END_DECLS
