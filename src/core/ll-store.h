/* ll-store.h: the SQLite store behind a workbook. The only place that runs
 * SQL. Each call that changes data is one short transaction. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* "LLWB": PRAGMA application_id, so that foreign files are recognised. */
#define LL_STORE_APPLICATION_ID 0x4C4C5742
/* PRAGMA user_version of the workbooks this build writes. */
#define LL_STORE_SCHEMA_VERSION 2

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

GPtrArray *ll_store_list_documents    (LlStore     *self,
                                       GError     **error);

gboolean  ll_store_backup_to          (LlStore     *self,
                                       const char  *path,
                                       GError     **error);

/* Emits "write-failed" (a GError) for a setter that could not write. */
void      ll_store_report_write_failure (LlStore      *self,
                                         const GError *error);

/* Integrity and schema check of the file at @path, changing nothing. */
char     *ll_store_check_file         (const char  *path,
                                       gboolean    *ok);

G_END_DECLS
