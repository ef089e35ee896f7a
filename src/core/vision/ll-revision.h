/* ll-revision.h: a saved state of a vision narrative */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  LL_REVISION_SESSION,         /* made automatically before the first edit of a writing session */
  LL_REVISION_NAMED,           /* saved by the writer with a name */
  LL_REVISION_BEFORE_RESTORE,  /* made automatically before an older revision was restored */
} LlRevisionKind;

#define LL_TYPE_REVISION (ll_revision_get_type ())
G_DECLARE_FINAL_TYPE (LlRevision, ll_revision, LL, REVISION, GObject)

/* Properties (read-only): "id", "kind", "name", "label", "created"
 * (GDateTime, local time), "words". */
gint64          ll_revision_get_id       (LlRevision *self);
LlRevisionKind  ll_revision_get_kind     (LlRevision *self);
const char     *ll_revision_get_name     (LlRevision *self);
/* What the revisions pane shows: the name, or what made the revision. */
const char     *ll_revision_get_label    (LlRevision *self);
GDateTime      *ll_revision_get_created  (LlRevision *self);
guint           ll_revision_get_words    (LlRevision *self);

G_END_DECLS
