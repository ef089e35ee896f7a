/* ll-store-narrative.h: vision narratives in the store: their rows, their
 * sections and their revisions (ll-store-narrative.c). Private to the
 * core, as the store is. */
#pragma once

#include "ll-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;          /* the document's ID */
  char   *title;
  char   *author;
  char   *status;      /* "draft", "shared", "adopted" */
  gboolean show_prompts;
  char   *modified;    /* ISO 8601, UTC */
} LlStoreNarrative;

typedef struct
{
  gint64  id;
  char   *title;
  char   *prompts;     /* key of the reflective prompts, "" for none */
  char   *body;        /* DocBook block fragment */
} LlStoreSection;

typedef struct
{
  gint64  id;
  char   *created;     /* ISO 8601, UTC */
  char   *kind;        /* "session", "named", "before-restore" */
  char   *name;
  char   *title;
  guint   words;
} LlStoreRevision;

void       ll_store_narrative_free       (LlStoreNarrative *narrative);
void       ll_store_section_free         (LlStoreSection   *section);
void       ll_store_revision_free        (LlStoreRevision  *revision);

gint64     ll_store_insert_narrative     (LlStore     *self,
                                          const char  *title,
                                          const char  *author,
                                          GError     **error);
GPtrArray *ll_store_list_narratives      (LlStore     *self,
                                          GError     **error);
/* For the check: how many vision documents have no narrative, or -1
 * when the file cannot say. */
gint64     ll_store_count_lost_narratives (LlStore    *self);
/* @field: "title", "author", "status" or "show_prompts" ("0"/"1"). */
gboolean   ll_store_update_narrative     (LlStore     *self,
                                          gint64       id,
                                          const char  *field,
                                          const char  *value,
                                          GError     **error);

GPtrArray *ll_store_list_sections        (LlStore     *self,
                                          gint64       document_id,
                                          GError     **error);
gint64     ll_store_insert_section       (LlStore     *self,
                                          gint64       document_id,
                                          guint        position,
                                          const char  *title,
                                          const char  *prompts,
                                          const char  *body,
                                          GError     **error);
/* @title or @body may be NULL to leave them as they are. */
gboolean   ll_store_update_section       (LlStore     *self,
                                          gint64       document_id,
                                          gint64       section_id,
                                          const char  *title,
                                          const char  *body,
                                          GError     **error);
gboolean   ll_store_delete_section       (LlStore     *self,
                                          gint64       document_id,
                                          gint64       section_id,
                                          GError     **error);
/* Stores the order of a narrative's sections: @ids in their new order. */
gboolean   ll_store_order_sections       (LlStore     *self,
                                          gint64       document_id,
                                          const gint64 *ids,
                                          guint        n_ids,
                                          GError     **error);

/* Copies the current sections into a new revision. */
gint64     ll_store_insert_revision      (LlStore     *self,
                                          gint64       document_id,
                                          const char  *kind,
                                          const char  *name,
                                          guint        words,
                                          GError     **error);
/* The same with the time it was made (ISO 8601, UTC), for sample content;
 * NULL means now. */
gint64     ll_store_insert_revision_dated (LlStore    *self,
                                           gint64      document_id,
                                           const char *kind,
                                           const char *name,
                                           guint       words,
                                           const char *created,
                                           GError    **error);
GPtrArray *ll_store_list_revisions       (LlStore     *self,
                                          gint64       document_id,
                                          GError     **error);
GPtrArray *ll_store_list_revision_sections (LlStore   *self,
                                            gint64     revision_id,
                                            GError   **error);
/* Replaces the sections with those of @revision_id. */
gboolean   ll_store_replace_sections_from_revision (LlStore  *self,
                                                    gint64    document_id,
                                                    gint64    revision_id,
                                                    GError  **error);

G_END_DECLS
