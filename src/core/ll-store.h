/* ll-store.h: the SQLite store behind a workbook. The only place that runs
 * SQL. Each call that changes data is one short transaction. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* "LLWB": PRAGMA application_id, so that foreign files are recognised. */
#define LL_STORE_APPLICATION_ID 0x4C4C5742
/* PRAGMA user_version of the workbooks this build writes. */
#define LL_STORE_SCHEMA_VERSION 7

#define LL_TYPE_STORE (ll_store_get_type ())
G_DECLARE_FINAL_TYPE (LlStore, ll_store, LL, STORE, GObject)

typedef struct
{
  gint64  id;
  char   *name;
  char   *role;   /* role id, see ll_role_to_id() */
} LlStorePerson;

typedef struct
{
  gint64  id;
  char   *kind;
  char   *title;
} LlStoreDocument;

/* What has a stable identity: a UUID that stays the same when it is
 * copied into another workbook, where its row ID may differ. */
typedef enum
{
  LL_STORE_IDENTITY_DOCUMENT,
  LL_STORE_IDENTITY_PERSON,
} LlStoreIdentity;

void      ll_store_person_free        (LlStorePerson   *person);
void      ll_store_document_free      (LlStoreDocument *document);

LlStore  *ll_store_open               (const char  *path,
                                       gboolean     read_only,
                                       char       **backup_path,
                                       GError     **error);
LlStore  *ll_store_create             (const char  *path,
                                       GError     **error);
/* For tests of migrations: a new workbook at an older schema version. */
LlStore  *ll_store_create_at_version  (const char  *path,
                                       int          version,
                                       GError     **error);
void      ll_store_close              (LlStore     *self);

const char *ll_store_get_path         (LlStore     *self);
gboolean  ll_store_get_read_only      (LlStore     *self);

/* Groups many changes into one transaction (sample generation, imports). */
gboolean  ll_store_begin              (LlStore     *self,
                                       GError     **error);
gboolean  ll_store_commit             (LlStore     *self,
                                       GError     **error);
void      ll_store_rollback           (LlStore     *self);

/* School fields: "name", "urn", "phase", "local_authority", "address". */
char     *ll_store_get_school_field   (LlStore     *self,
                                       const char  *field);
gboolean  ll_store_set_school_field   (LlStore     *self,
                                       const char  *field,
                                       const char  *value,
                                       GError     **error);
/* Whether the school's one record is there (for the check). */
gboolean  ll_store_has_school_record  (LlStore     *self);

GPtrArray *ll_store_list_people       (LlStore     *self,
                                       GError     **error);
gint64    ll_store_insert_person      (LlStore     *self,
                                       const char  *name,
                                       const char  *role,
                                       GError     **error);
gboolean  ll_store_update_person      (LlStore     *self,
                                       gint64       id,
                                       const char  *name,
                                       const char  *role,
                                       GError     **error);
gboolean  ll_store_delete_person      (LlStore     *self,
                                       gint64       id,
                                       GError     **error);

/* The UUID of the document or person with row ID @id. */
char     *ll_store_dup_uuid           (LlStore          *self,
                                       LlStoreIdentity   what,
                                       gint64            id,
                                       GError          **error);
/* The row ID of the document or person with @uuid; 0 when there is none,
 * -1 with @error set when the file could not be read. */
gint64    ll_store_find_uuid          (LlStore          *self,
                                       LlStoreIdentity   what,
                                       const char       *uuid,
                                       GError          **error);

/* When the document @document_id last changed (ISO 8601, UTC), or "". */
char      *ll_store_dup_modified         (LlStore     *self,
                                          gint64       document_id);
/* Removes a document of any kind but the school profile, with all it holds. */
gboolean   ll_store_delete_document      (LlStore     *self,
                                          gint64       id,
                                          GError     **error);
GPtrArray *ll_store_list_documents    (LlStore     *self,
                                       GError     **error);

gboolean  ll_store_backup_to          (LlStore     *self,
                                       const char  *path,
                                       GError     **error);
typedef void (*LlStoreProgressFunc) (double   fraction,
                                     gpointer user_data);
void      ll_store_backup_to_async    (LlStore             *self,
                                       const char          *path,
                                       LlStoreProgressFunc  progress,
                                       gpointer             progress_data,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean  ll_store_backup_to_finish   (LlStore             *self,
                                       GAsyncResult        *result,
                                       GError             **error);
/* How long a write waits for another program's lock on the file. */
#define LL_STORE_LOCK_WAIT_MS 2000
void      ll_store_set_lock_wait      (LlStore     *self,
                                       guint        ms);
/* Whether the open file was renamed, moved or deleted: nothing is
 * written to it then. */
gboolean  ll_store_get_moved          (LlStore     *self);
/* Copies the workbook to @path (which must not exist) and goes on there. */
gboolean  ll_store_move_to            (LlStore     *self,
                                       const char  *path,
                                       GError     **error);

/* Emits "write-failed" (a GError) for a setter that could not write. */
void      ll_store_report_write_failure (LlStore      *self,
                                         const GError *error);

/* A part of the check that the store leaves to others (the kinds of
 * document): appends a line to @report for each problem it finds, and
 * returns FALSE when it found any. */
typedef gboolean (*LlStoreCheckFunc) (LlStore  *store,
                                      GString  *report,
                                      gpointer  user_data);
/* Integrity and schema check of the file at @path, changing nothing:
 * the store's own part only. ll_workbook_check() adds the kinds' parts. */
char     *ll_store_check_file         (const char  *path,
                                       gboolean    *ok);
/* The same, with @tables (NULL-terminated) required besides the store's
 * own, and @check run once they are all there. */
char     *ll_store_check_file_full    (const char  *path,
                                       const char * const *tables,
                                       LlStoreCheckFunc check,
                                       gpointer     check_data,
                                       gboolean    *ok);

G_END_DECLS
