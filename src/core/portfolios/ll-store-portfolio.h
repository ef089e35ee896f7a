/* ll-store-portfolio.h: the programme, participants' portfolios, their
 * entries and submitted copies in the store (private to core; the SQL is
 * in ll-store-portfolio.c) */
#pragma once

#include "ll-portfolio.h"
#include "ll-programme.h"
#include "ll-store.h"

G_BEGIN_DECLS

/* The number fields of an entry. */
typedef enum {
  LL_STORE_ENTRY_INCLUDED,
  LL_STORE_ENTRY_SESSION,
  LL_STORE_ENTRY_LED,
  LL_STORE_ENTRY_N_NUMBERS
} LlStoreEntryNumber;

typedef struct
{
  gint64  id;
  char   *kind;
  char   *part;
  char   *texts[LL_ENTRY_N_TEXTS];
  gint64  numbers[LL_STORE_ENTRY_N_NUMBERS];
} LlStorePortfolioEntry;

void       ll_store_portfolio_entry_free   (LlStorePortfolioEntry *entry);

typedef struct
{
  gint64         id;
  char          *title;
  char          *status;
  LlParticipant *participant;
  guint          n_submissions;
} LlStorePortfolio;

void       ll_store_portfolio_free         (LlStorePortfolio *portfolio);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LlStorePortfolio, ll_store_portfolio_free)

/* The workbook's programme, or NULL (and no error) while it has none. */
LlProgramme *ll_store_load_programme       (LlStore            *self,
                                            GError            **error);
/* The rules a new programme is given, of LlPortfolioRule. */
GPtrArray *ll_store_list_default_rules     (LlStore            *self,
                                            GError            **error);
/* Makes the programme from @programme, with its sessions and meetings
 * and the rules the workbook holds as defaults (with the minima that
 * @programme gives for them), unless there is one; the programme's ID. */
gint64     ll_store_ensure_programme       (LlStore            *self,
                                            const LlProgramme  *programme,
                                            GError            **error);
/* Writes @programme, its sessions, meetings and rules' minima. */
gboolean   ll_store_save_programme         (LlStore            *self,
                                            const LlProgramme  *programme,
                                            GError            **error);

gint64     ll_store_insert_portfolio       (LlStore            *self,
                                            const char         *title,
                                            const LlParticipant *participant,
                                            GError            **error);
LlStorePortfolio *ll_store_get_portfolio   (LlStore            *self,
                                            gint64              id,
                                            GError            **error);
/* Writes the participant and the document's new @title. */
gboolean   ll_store_update_participant     (LlStore            *self,
                                            gint64              id,
                                            const char         *title,
                                            const LlParticipant *participant,
                                            GError            **error);
/* Who each portfolio is of, and where it stands: triples of gint64,
 * the document, the person (0 for none) and the LlPortfolioStatus, in
 * the order of the documents. */
GArray    *ll_store_list_participants      (LlStore            *self,
                                            GError            **error);
/* Of LlStorePortfolioEntry, in their order. */
GPtrArray *ll_store_list_portfolio_entries (LlStore            *self,
                                            gint64              id,
                                            GError            **error);
gint64     ll_store_insert_portfolio_entry (LlStore            *self,
                                            gint64              portfolio_id,
                                            const char         *kind,
                                            const char         *part,
                                            const char         *date,
                                            guint               position,
                                            GError            **error);
gboolean   ll_store_update_portfolio_entry_text (LlStore       *self,
                                            gint64              entry_id,
                                            LlEntryText         field,
                                            const char         *value,
                                            GError            **error);
gboolean   ll_store_update_portfolio_entry_number (LlStore     *self,
                                            gint64              entry_id,
                                            LlStoreEntryNumber  field,
                                            gint64              value,
                                            GError            **error);
/* Gives the entries @ids the positions 0, 1, ... in one transaction. */
gboolean   ll_store_order_portfolio_entries (LlStore           *self,
                                            const gint64       *ids,
                                            guint               n_ids,
                                            GError            **error);
gboolean   ll_store_delete_portfolio_entry (LlStore            *self,
                                            gint64              entry_id,
                                            GError            **error);
gboolean   ll_store_set_portfolio_status   (LlStore            *self,
                                            gint64              id,
                                            const char         *status,
                                            GError            **error);
/* Keeps @content as the submitted copy @number and marks the portfolio
 * submitted, in one transaction. */
gboolean   ll_store_insert_portfolio_submission (LlStore       *self,
                                            gint64              id,
                                            guint               number,
                                            const char         *content,
                                            GError            **error);
/* Records the verification with the copy @number and marks the
 * portfolio verified, in one transaction. */
gboolean   ll_store_verify_portfolio_submission (LlStore       *self,
                                            gint64              id,
                                            guint               number,
                                            const char         *statement,
                                            const char         *verified_by,
                                            GError            **error);
LlPortfolioSubmission *ll_store_get_portfolio_submission (LlStore *self,
                                            gint64              id,
                                            guint               number,
                                            GError            **error);
/* For the check: portfolio documents with no participant, entries of no
 * portfolio, rule kinds the program does not know; -1 when the file
 * cannot say. */
gint64     ll_store_count_lost_portfolios  (LlStore            *self);
gint64     ll_store_count_unknown_rules    (LlStore            *self);

G_END_DECLS
