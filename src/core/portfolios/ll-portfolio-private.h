/* ll-portfolio-private.h: what the files of portfolios share */
#pragma once

#include "ll-doc.h"
#include "ll-pending.h"
#include "ll-portfolio.h"
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

G_END_DECLS
