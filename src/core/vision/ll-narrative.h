/* ll-narrative.h: a headteacher's vision for learning, in sections, with
 * revisions that can be compared and restored */
#pragma once

#include <gio/gio.h>

#include "ll-narrative-section.h"
#include "ll-revision.h"
#include "ll-text.h"

G_BEGIN_DECLS

typedef enum {
  LL_NARRATIVE_DRAFT,
  LL_NARRATIVE_SHARED,    /* shared with staff */
  LL_NARRATIVE_ADOPTED,
} LlNarrativeStatus;

#define LL_TYPE_NARRATIVE_STATUS (ll_narrative_status_get_type ())
GType        ll_narrative_status_get_type   (void);
const char  *ll_narrative_status_to_label   (LlNarrativeStatus status);

#define LL_TYPE_NARRATIVE (ll_narrative_get_type ())
G_DECLARE_FINAL_TYPE (LlNarrative, ll_narrative, LL, NARRATIVE, GObject)

/* Properties: "id" (the document ID), "title", "author", "status",
 * "show-prompts", "modified" (GDateTime, read-only), "word-count"
 * (read-only). Setters write to the workbook at once. */
gint64             ll_narrative_get_id            (LlNarrative       *self);
const char        *ll_narrative_get_title         (LlNarrative       *self);
void               ll_narrative_set_title         (LlNarrative       *self,
                                                   const char        *title);
const char        *ll_narrative_get_author        (LlNarrative       *self);
void               ll_narrative_set_author        (LlNarrative       *self,
                                                   const char        *author);
LlNarrativeStatus  ll_narrative_get_status        (LlNarrative       *self);
void               ll_narrative_set_status        (LlNarrative       *self,
                                                   LlNarrativeStatus  status);
gboolean           ll_narrative_get_show_prompts  (LlNarrative       *self);
void               ll_narrative_set_show_prompts  (LlNarrative       *self,
                                                   gboolean           show_prompts);
GDateTime         *ll_narrative_get_modified      (LlNarrative       *self);
guint              ll_narrative_get_word_count    (LlNarrative       *self);
gboolean           ll_narrative_get_unsaved       (LlNarrative       *self);

/* A GListModel of LlNarrativeSection, in order. */
GListModel          *ll_narrative_get_sections    (LlNarrative  *self);
LlNarrativeSection  *ll_narrative_add_section     (LlNarrative  *self,
                                                   guint         position,
                                                   const char   *title,
                                                   GError      **error);
gboolean             ll_narrative_remove_section  (LlNarrative  *self,
                                                   LlNarrativeSection *section,
                                                   GError      **error);
gboolean             ll_narrative_move_section    (LlNarrative  *self,
                                                   LlNarrativeSection *section,
                                                   guint         position,
                                                   GError      **error);

/* A GListModel of LlRevision, newest first. */
GListModel  *ll_narrative_get_revisions       (LlNarrative  *self);
LlRevision  *ll_narrative_save_revision       (LlNarrative  *self,
                                               const char   *name,
                                               GError      **error);
/* Saves the current text as a revision first, so nothing is lost, then
 * makes @revision's sections the current ones. */
gboolean     ll_narrative_restore_revision    (LlNarrative  *self,
                                               LlRevision   *revision,
                                               GError      **error);
/* The plain text of @revision, or of the current text when it is NULL:
 * each section's title, then its text. */
char        *ll_narrative_dup_text            (LlNarrative  *self,
                                               LlRevision   *revision,
                                               GError      **error);
/* The same, appending to @kinds (of LlTextKind, from ll-text.h) what each
 * of its lines is: a section's title, a blank line, a paragraph, an item
 * of a list... */
char        *ll_narrative_dup_text_with_kinds (LlNarrative  *self,
                                               LlRevision   *revision,
                                               GArray       *kinds,
                                               GError      **error);
/* One section of a revision, as it was then. */
typedef struct
{
  char *title;
  char *body;   /* a DocBook block fragment */
} LlSectionText;

void         ll_section_text_free             (LlSectionText *section);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LlSectionText, ll_section_text_free)

/* The sections of @revision (of LlSectionText), for reading. */
GPtrArray   *ll_narrative_dup_revision_sections (LlNarrative *self,
                                                 LlRevision  *revision,
                                                 GError     **error);
/* Word-level differences from @old (NULL: the current text) to @new (NULL:
 * the current text), as LlDiffChunks. */
GPtrArray   *ll_narrative_compare             (LlNarrative  *self,
                                               LlRevision   *old,
                                               LlRevision   *new_,
                                               GError      **error);

G_END_DECLS
