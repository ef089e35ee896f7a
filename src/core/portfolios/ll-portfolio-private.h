/* ll-portfolio-private.h: what the files of portfolios share */
#pragma once

#include "ll-doc.h"
#include "ll-pending.h"
#include "ll-portfolio.h"
#include "ll-portfolio-evidence.h"
#include "ll-store.h"

G_BEGIN_DECLS

/* Replaces *@dest with a copy of @value ("" for NULL); whether it changed. */
gboolean     _ll_set_str                (char              **dest,
                                         const char         *value);
/* The portfolio @id with its entries, read from @store, which it writes
 * its edits to: the words typed through @pending, after a pause, when
 * it is given, and everything at once otherwise. */
LlPortfolio *_ll_portfolio_load         (LlStore            *store,
                                         LlPending          *pending,
                                         gint64              id,
                                         GError            **error);
/* Writes @participant and the document's @title. */
gboolean     _ll_portfolio_update_participant (LlPortfolio   *self,
                                         const LlParticipant *participant,
                                         const char         *title,
                                         GError            **error);
/* The document's title for the participant @name: "Portfolio: NAME". */
char        *_ll_portfolio_dup_title    (const char         *name);
/* The neutral tree of @portfolio, a book, for export and print. */
LlDoc       *_ll_portfolio_build_doc    (LlPortfolio        *portfolio,
                                         const LlProgramme  *programme,
                                         const char         *title,
                                         const char         *participant_name,
                                         const char         *tutor_name);

/* The store @self reads and writes. */
LlStore     *_ll_portfolio_get_store    (LlPortfolio        *self);
/* Refuses an edit unless @self is in progress in a workbook open for
 * writing (LL_PORTFOLIO_ERROR_LOCKED, or read-only). */
gboolean     _ll_portfolio_check_editable (LlPortfolio      *self,
                                         GError            **error);

/* Evidence (ll-portfolio-evidence.c). */
/* Whether @evidence goes with what is submitted and exported: it
 * supports no entry, or one that is included. */
gboolean     _ll_portfolio_evidence_is_included (LlPortfolio *self,
                                         LlEvidence         *evidence);
/* What a submitted copy records of the evidence that goes with it:
 * name, type, size, SHA-256, caption and entry of each, as aa{ss}. */
GVariant    *_ll_portfolio_evidence_serialise (LlPortfolio   *self,
                                         GError            **error);
/* Adds @bytes, a file called @name of @mime_type, as evidence, as
 * ll_portfolio_add_evidence() adds a file: for the sample. */
LlEvidence  *_ll_portfolio_add_evidence_bytes (LlPortfolio *self,
                                         const char         *name,
                                         const char         *mime_type,
                                         GBytes             *bytes,
                                         gint64              entry_id,
                                         const char         *caption,
                                         GError            **error);
/* Adds to @parent the evidence that supports the entry @entry_id, or
 * with 0 the evidence that supports none: images as figures, other files
 * in a list with their size and SHA-256. Reads the images' bytes. How
 * many were added. */
guint        _ll_portfolio_add_evidence_to_doc (LlPortfolio *portfolio,
                                         LlDocNode          *parent,
                                         gint64              entry_id);

G_END_DECLS
