/* ll-observations-page-private.h: what the files of the Observations place
 * share: ll-observations-page.c (the page, its actions, the place),
 * ll-observations-list.c (the year's list) and ll-observations-form.c (the
 * observation form) */
#pragma once

#include <adwaita.h>

#include "ll-live-notes.h"
#include "ll-observation-filters.h"
#include "ll-observations-page.h"
#include "ll-rich-text.h"
#include "ll-trends-view.h"
#include "ll-workbook-observations.h"

G_BEGIN_DECLS

struct _LlObservationsPage
{
  GtkWidget           parent_instance;

  LlWorkbook         *workbook;
  LlObservation      *observation;
  LlFramework        *framework;
  gboolean            loading;          /* filling the form: not an edit */
  gboolean            showing_trends;

  /* the list */
  GtkFilterListModel *filtered;
  GtkSortListModel   *sorted;
  GtkCustomFilter    *filter;
  GHashTable         *hits;             /* id -> snippet, while searching */
  GtkColumnViewColumn *match_column;

  /* the form's rows, made in code */
  GArray             *people;           /* person ids of the combos; 0: nobody */
  AdwEntryRow        *date_row;
  AdwEntryRow        *start_row;
  AdwComboRow        *teacher_row;
  AdwComboRow        *observer_row;
  AdwEntryRow        *class_row;
  AdwEntryRow        *year_row;
  AdwEntryRow        *subject_row;
  AdwComboRow        *status_row;
  AdwComboRow        *framework_row;
  GArray             *framework_ids;    /* of the framework row's choices */
  GPtrArray          *focus_checks;     /* of GtkCheckButton, with "ll-key" */
  GPtrArray          *focus_rows;       /* of AdwExpanderRow in focus_group */
  GPtrArray          *level_rows;       /* of GtkWidget in levels_group */
  LlRichText         *strengths;
  LlRichText         *questions;
  LlRichText         *reflection;
  AdwEntryRow        *agreed_row;
  AdwEntryRow        *more_row;
  AdwEntryRow        *follow_up_row;

  /* template widgets */
  GtkStack           *stack;
  LlTrendsView       *trends_view;
  GtkSearchEntry     *search_entry;
  LlObservationFilters *filters;
  GtkLabel           *results_label;
  GtkColumnView      *column_view;
  GtkLabel           *form_title;
  AdwPreferencesGroup *details_group;
  AdwPreferencesGroup *focus_group;
  LlLiveNotes        *live_notes;
  AdwPreferencesGroup *levels_group;
  GtkBox             *texts_box;
  AdwPreferencesGroup *steps_group;
};

/* ll-observations-list.c */
void _ll_observations_page_class_init_list (GtkWidgetClass     *widget_class);
void _ll_observations_page_init_list       (LlObservationsPage *self);

/* ll-observations-form.c */
void _ll_observations_page_init_form       (LlObservationsPage *self);
void _ll_observations_page_fill_form       (LlObservationsPage *self);

G_END_DECLS
