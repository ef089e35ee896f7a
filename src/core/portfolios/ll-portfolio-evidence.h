/* ll-portfolio-evidence.h: the evidence files of a portfolio (images,
 * PDFs, office documents, plain text), kept inside the workbook with
 * their SHA-256, size, type and caption, each supporting an entry or
 * none. A list reads what it shows, never the bytes; the bytes are read
 * only when they are shown, saved or exported. */
#pragma once

#include <gio/gio.h>

#include "ll-portfolio.h"

G_BEGIN_DECLS

/* The largest file that can be evidence: 25 MB, as the message says. */
#define LL_EVIDENCE_MAX_SIZE ((goffset) 25 * 1000 * 1000)

#define LL_EVIDENCE_ERROR (ll_evidence_error_quark ())

typedef enum {
  LL_EVIDENCE_ERROR_TOO_LARGE,    /* larger than LL_EVIDENCE_MAX_SIZE */
  LL_EVIDENCE_ERROR_UNREADABLE,   /* missing, a folder, or cannot be read */
  LL_EVIDENCE_ERROR_UNSUPPORTED,  /* not a type that evidence can be */
} LlEvidenceError;

GQuark ll_evidence_error_quark (void);

/* One piece of evidence, as a list shows it; read-only properties, each
 * notified when it changes: "id" (gint64), "name" (the file's name),
 * "mime-type", "size" (guint64, bytes), "sha256" (lower-case hex),
 * "caption", "entry-id" (gint64, the entry it supports or 0), "is-image"
 * (boolean: PNG or JPEG, which can be shown), "added" (ISO 8601 UTC).
 * Change it through its portfolio. */
#define LL_TYPE_EVIDENCE (ll_evidence_get_type ())
G_DECLARE_FINAL_TYPE (LlEvidence, ll_evidence, LL, EVIDENCE, GObject)

gint64       ll_evidence_get_id          (LlEvidence *self);
const char  *ll_evidence_get_name        (LlEvidence *self);
const char  *ll_evidence_get_mime_type   (LlEvidence *self);
guint64      ll_evidence_get_size        (LlEvidence *self);
const char  *ll_evidence_get_sha256      (LlEvidence *self);
const char  *ll_evidence_get_caption     (LlEvidence *self);
gint64       ll_evidence_get_entry_id    (LlEvidence *self);
gboolean     ll_evidence_get_is_image    (LlEvidence *self);
const char  *ll_evidence_get_added       (LlEvidence *self);
/* The caption, or the file's name when it has none. */
const char  *ll_evidence_get_label       (LlEvidence *self);

/* What the type is called: "PDF document", "Word document"; the type
 * itself for one evidence cannot be. */
const char  *ll_evidence_type_to_label   (const char *mime_type);
/* Whether @mime_type is one evidence can be. */
gboolean     ll_evidence_type_is_allowed (const char *mime_type);
/* Judges @file as evidence without adding it: readable, a regular file,
 * no larger than LL_EVIDENCE_MAX_SIZE, of a type evidence can be. Its
 * display name, MIME type and size on success; otherwise @error, in
 * LL_EVIDENCE_ERROR, with one sentence naming the file (and, for one too
 * large, its size and the limit). Reads the first few kilobytes. */
gboolean     ll_evidence_inspect_file    (GFile          *file,
                                          char          **name,
                                          char          **mime_type,
                                          goffset        *size,
                                          GCancellable   *cancellable,
                                          GError        **error);

/* The evidence of @self in its order, a GListModel of LlEvidence, read
 * (without the bytes) the first time it is asked for; NULL with @error
 * if it cannot be read. Owned by the portfolio. When an entry is
 * removed, the evidence it had stays, supporting no entry. */
GListModel  *ll_portfolio_get_evidence   (LlPortfolio    *self,
                                          GError        **error);
/* The evidence @id, or NULL. */
LlEvidence  *ll_portfolio_find_evidence  (LlPortfolio    *self,
                                          gint64          id);

/* Edits, each refused with LL_PORTFOLIO_ERROR_LOCKED unless the
 * portfolio is in progress, as other edits are. */
/* Adds @file at the end of the evidence, supporting the entry
 * @entry_id (0 for none), with @caption (may be NULL). The file is read
 * in chunks straight into the workbook, never whole into memory, and its
 * SHA-256 computed as it goes; a file refused (see
 * ll_evidence_inspect_file()) or failing on the way leaves the workbook
 * as it was. Blocks: call it from a worker for a large file. The
 * portfolio holds the new evidence. */
LlEvidence  *ll_portfolio_add_evidence   (LlPortfolio    *self,
                                          GFile          *file,
                                          gint64          entry_id,
                                          const char     *caption,
                                          GCancellable   *cancellable,
                                          GError        **error);
gboolean     ll_portfolio_set_evidence_caption (LlPortfolio *self,
                                          LlEvidence     *evidence,
                                          const char     *caption,
                                          GError        **error);
/* @entry_id: an entry of this portfolio, or 0 for none. */
gboolean     ll_portfolio_set_evidence_entry (LlPortfolio *self,
                                          LlEvidence     *evidence,
                                          gint64          entry_id,
                                          GError        **error);
gboolean     ll_portfolio_remove_evidence (LlPortfolio   *self,
                                          LlEvidence     *evidence,
                                          GError        **error);

/* Reading, allowed at any status. */
/* The bytes of @evidence, whole: to show one image, then drop them. */
GBytes      *ll_portfolio_read_evidence  (LlPortfolio    *self,
                                          LlEvidence     *evidence,
                                          GError        **error);
/* Writes the bytes of @evidence to @destination (replaced if it exists,
 * readable by its owner only), a chunk at a time. */
gboolean     ll_portfolio_save_evidence  (LlPortfolio    *self,
                                          LlEvidence     *evidence,
                                          GFile          *destination,
                                          GCancellable   *cancellable,
                                          GError        **error);
/* A private copy of @evidence, under its own name in a new folder that
 * only the user can read, to open with the system's default application;
 * the copy's path. The caller removes the folder when it is done. */
char        *ll_portfolio_dup_evidence_copy (LlPortfolio *self,
                                          LlEvidence     *evidence,
                                          GCancellable   *cancellable,
                                          GError        **error);

G_END_DECLS
