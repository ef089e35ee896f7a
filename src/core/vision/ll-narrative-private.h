/* ll-narrative-private.h: what the workbook and the sections use */
#pragma once

#include "ll-narrative.h"
#include "ll-pending.h"
#include "ll-store-narrative.h"
#include "ll-store.h"

G_BEGIN_DECLS

LlNarrative         *_ll_narrative_new           (LlStore                *store,
                                                  LlPending              *pending,
                                                  const LlStoreNarrative *row,
                                                  GError                **error);
/* Called by a section before its first change in this opening. */
void                 _ll_narrative_before_edit   (LlNarrative            *self);
void                 _ll_narrative_section_changed (LlNarrative          *self);
LlStore             *_ll_narrative_get_store     (LlNarrative            *self);
LlPending           *_ll_narrative_get_pending   (LlNarrative            *self);
/* A section's change reached the file. */
void                 _ll_narrative_written       (LlNarrative            *self);
/* Whether the sections and the revisions have been read from the file
 * (they are read when first asked for). */
void                 _ll_narrative_get_loaded    (LlNarrative            *self,
                                                  gboolean               *sections,
                                                  gboolean               *revisions);
/* A section's words changed in memory. */
void                 _ll_narrative_recount_words (LlNarrative            *self);

LlNarrativeSection  *_ll_narrative_section_new   (LlNarrative            *narrative,
                                                  const LlStoreSection   *row);
void                 _ll_narrative_section_detach (LlNarrativeSection    *self);

LlRevision          *_ll_revision_new            (const LlStoreRevision  *row);

G_END_DECLS
