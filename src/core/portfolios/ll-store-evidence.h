/* ll-store-evidence.h: the evidence files of portfolios in the store
 * (private to core; the SQL is in ll-store-evidence.c). What a list shows
 * is read apart from the bytes, which are streamed in and out in chunks
 * through SQLite's incremental blob I/O. */
#pragma once

#include <gio/gio.h>

#include "ll-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64   id;
  gint64   document_id;
  gint64   entry_id;     /* 0 when it supports no entry */
  char    *name;
  char    *mime_type;
  gint64   size;
  char    *sha256;       /* lower-case hex */
  char    *caption;
  char    *added;        /* ISO 8601 UTC time */
  gint64   position;
} LlStoreEvidence;

void        ll_store_evidence_free        (LlStoreEvidence *evidence);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LlStoreEvidence, ll_store_evidence_free)

/* Of LlStoreEvidence, the evidence of the portfolio @document_id in its
 * order; never reads the bytes. */
GPtrArray  *ll_store_list_evidence        (LlStore          *self,
                                           gint64            document_id,
                                           GError          **error);
/* Adds the @size bytes of @stream as evidence at the end of the
 * portfolio's, in one transaction: the bytes are written in chunks
 * straight into the file and their SHA-256 computed on the way. A stream
 * that gives more or fewer than @size bytes, or fails, leaves the
 * workbook as it was. @row gives the name, type, caption and entry; its
 * id, sha256, added and position are filled in. */
gboolean    ll_store_insert_evidence      (LlStore          *self,
                                           LlStoreEvidence  *row,
                                           GInputStream     *stream,
                                           GCancellable     *cancellable,
                                           GError          **error);
gboolean    ll_store_update_evidence_caption (LlStore       *self,
                                           gint64            id,
                                           const char       *caption,
                                           GError          **error);
/* @entry_id 0 for none. */
gboolean    ll_store_update_evidence_entry (LlStore         *self,
                                           gint64            id,
                                           gint64            entry_id,
                                           GError          **error);
gboolean    ll_store_delete_evidence      (LlStore          *self,
                                           gint64            id,
                                           GError          **error);
/* The bytes of evidence @id, whole. */
GBytes     *ll_store_read_evidence_bytes  (LlStore          *self,
                                           gint64            id,
                                           GError          **error);
/* Writes the bytes of evidence @id to @stream in chunks. */
gboolean    ll_store_write_evidence_to    (LlStore          *self,
                                           gint64            id,
                                           GOutputStream    *stream,
                                           GCancellable     *cancellable,
                                           GError          **error);
/* For the check: evidence whose bytes are missing or whose size or
 * SHA-256 does not match them; -1 when the file cannot say. Reads every
 * byte of every piece of evidence. */
gint64      ll_store_count_bad_evidence   (LlStore          *self);

/* For tests: how many pages of the file the store's connection has read
 * since it was opened (SQLite's cache misses). */
gint64      ll_store_count_pages_read     (LlStore          *self);

G_END_DECLS
