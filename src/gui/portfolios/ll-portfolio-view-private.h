/* ll-portfolio-view-private.h: what the portfolio view's files share */
#pragma once

#include "ll-page-preview.h"
#include "ll-portfolio-view.h"
#include "ll-rich-text.h"

G_BEGIN_DECLS

struct _LlPortfolioView
{
  GtkWidget            parent_instance;

  LlWorkbook          *workbook;
  LlPortfolio         *portfolio;
  LlPortfolioEntry    *entry;           /* shown, or NULL: the participant */
  gboolean             loading;         /* filling rows: not an edit */
  guint                check_id;        /* the requirements, checked when idle */
  guint                participant_id;  /* the participant's details, written after a pause */
  LlParticipant       *participant;     /* as edited, while it waits */
  GPtrArray           *field_rows;      /* of GtkWidget in fields_group */
  GArray              *people;          /* person ids of the tutor row; 0: nobody */
  GArray              *sessions;        /* session ids of the session row */
  gulong               status_handler;
  gulong               editable_handler;
  gulong               entries_handler;

  /* template widgets */
  GtkLabel            *title_label;
  GtkLabel            *subtitle_label;
  GtkWidget           *submit_button;
  GtkWidget           *verify_button;
  GtkWidget           *reopen_button;
  GtkRevealer         *locked_revealer;
  GtkLabel            *locked_label;
  GtkLabel            *requirements_summary;
  GtkListBox          *requirements_list;
  GtkWidget           *add_button;
  GtkListBox          *outline;
  GtkLabel            *heading_label;
  AdwPreferencesGroup *fields_group;
  GtkWidget           *body_frame;
  LlRichText          *body_text;
  GtkLabel            *words_label;
  GtkWidget           *remove_button;
  GtkToggleButton     *preview_button;
  GtkToggleButton     *compare_button;
  GtkWidget           *submitted_box;
  GtkLabel            *submitted_label;
  LlRichText          *submitted_text;
  AdwPreferencesGroup *evidence_group;
  GtkWidget           *add_evidence_button;
  GPtrArray           *evidence_rows;   /* of GtkWidget in evidence_group */
  GListModel          *evidence;        /* the portfolio's, watched */
  gulong               evidence_handler;
  GtkNativeDialog     *chooser;
  GtkStack            *body_stack;
  LlPagePreview       *preview;
};


/* ll-portfolio-view.c */
void _ll_portfolio_view_report (LlPortfolioView *self,
                                const GError    *error);

/* ll-portfolio-view-evidence.c: the evidence of the entry shown (or,
 * with the participant shown, the evidence supporting no entry) */
void _ll_portfolio_view_class_init_evidence (GtkWidgetClass  *widget_class);
void _ll_portfolio_view_init_evidence       (LlPortfolioView *self);
void _ll_portfolio_view_fill_evidence       (LlPortfolioView *self);
void _ll_portfolio_view_dispose_evidence    (LlPortfolioView *self);

G_END_DECLS
