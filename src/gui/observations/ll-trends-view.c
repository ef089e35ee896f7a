/* ll-trends-view.c: the trends of a year's observations, as a chart and a
 * table of the same figures */
#define G_LOG_DOMAIN "ll-observations"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "ll-chart-trend.h"
#include "ll-chart-view.h"
#include "ll-trends-view.h"
#include "ll-workbook-observations.h"

struct _LlTrendsView
{
  GtkWidget           parent_instance;

  LlWorkbook         *workbook;
  LlObservationTrend *trend;
  LlChart            *chart;
  char               *title;
  char              **year_groups;
  gboolean            filling;

  GtkDropDown        *year_group;
  GtkStringList      *year_group_names;
  GtkDropDown        *period;
  GtkStringList      *period_names;
  GtkDropDown        *framework;
  GtkStringList      *framework_names;
  GArray             *framework_ids;    /* of gint64, as the names */
  guint               first_term;       /* the terms shown: first_term ... + n_shown */
  guint               n_shown;
  GtkToggleButton    *radar;
  GtkToggleButton    *multiples;
  GtkWidget          *export_button;
  GtkStack           *stack;
  AdwStatusPage      *empty;
  GtkWidget          *area;
  GtkLabel           *caption;
  GtkColumnView      *table;
  GtkStringList      *rows;
};

G_DEFINE_FINAL_TYPE (LlTrendsView, ll_trends_view, GTK_TYPE_WIDGET)

static LlChartLayout
current_layout (LlTrendsView *self)
{
  return ll_chart_view_get_layout (LL_CHART_VIEW (self->area));
}

static const char *
chosen_year_group (LlTrendsView *self)
{
  guint chosen = gtk_drop_down_get_selected (self->year_group);

  /* the first choice is every year group */
  if (chosen == 0 || chosen == GTK_INVALID_LIST_POSITION || self->year_groups == NULL
      || chosen > g_strv_length (self->year_groups))
    return NULL;
  return self->year_groups[chosen - 1];
}

/* "3 of 5 (60%)", or a dash when no observation gave it a level */
static char *
cell_text (const LlObservationTrend *trend,
           guint                     term,
           guint                     behaviour)
{
  guint observed = trend->observed[term * trend->n_behaviours + behaviour];
  guint reached = trend->reached[term * trend->n_behaviours + behaviour];

  if (observed == 0)
    return g_strdup ("—");
  /* TRANSLATORS: how many observations saw a behaviour developing or
   * embedded, of how many gave it a level, and the share as a percentage */
  return g_strdup_printf (_("%u of %u (%.0f%%)"), reached, observed, 100.0 * reached / observed);
}

/* The terms the period chosen shows, of those in the trend. */
static void
choose_terms (LlTrendsView *self)
{
  guint chosen = gtk_drop_down_get_selected (self->period);

  self->first_term = 0;
  self->n_shown = self->trend != NULL ? self->trend->n_terms : 0;
  /* the first choice is every term */
  if (self->trend != NULL && chosen != GTK_INVALID_LIST_POSITION && chosen > 0
      && chosen <= self->trend->n_terms)
    {
      self->first_term = chosen - 1;
      self->n_shown = 1;
    }
}

static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
bind_behaviour (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkStringObject *row = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (row));
}

static void
bind_share (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            LlTrendsView             *self)
{
  guint term = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "term"));
  guint behaviour = gtk_list_item_get_position (item);
  g_autofree char *text = NULL;

  if (self->trend == NULL || term >= self->trend->n_terms || behaviour >= self->trend->n_behaviours)
    return;
  text = cell_text (self->trend, term, behaviour);
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
add_column (LlTrendsView *self,
            const char   *title,
            GCallback     bind,
            guint         term)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_object_set_data (G_OBJECT (factory), "term", GUINT_TO_POINTER (term));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_label), NULL);
  g_signal_connect (factory, "bind", bind, self);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, bind == G_CALLBACK (bind_behaviour));
  gtk_column_view_append_column (self->table, column);
}

static void
clear_columns (LlTrendsView *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->table);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->table, column);
    }
}

/* What the chart shows, in words, for those who cannot see it: the
 * behaviours seen most and least often in the latest term. */
static char *
describe (LlTrendsView *self)
{
  const LlObservationTrend *trend = self->trend;
  guint last = self->first_term + self->n_shown - 1;
  double best = -1, worst = 2;
  guint best_at = 0, worst_at = 0;

  for (guint b = 0; b < trend->n_behaviours; b++)
    {
      double share = ll_observation_trend_share (trend, last, b);

      if (isnan (share))
        continue;
      if (share > best)
        best = share, best_at = b;
      if (share < worst)
        worst = share, worst_at = b;
    }
  if (best < 0)
    return g_strdup (_("No behaviour was given a level in the latest term shown."));
  /* TRANSLATORS: a term such as "Summer term 2026", then two behaviours
   * with their shares as percentages */
  return g_strdup_printf (_("In the %s, %s was seen developing or embedded most often (%.0f%%) "
                            "and %s least often (%.0f%%). The table below gives every figure."),
                          trend->term_labels[last], trend->names[best_at], 100 * best,
                          trend->names[worst_at], 100 * worst);
}

/* Whether any observation gave any behaviour a level. */
static gboolean
any_level (const LlObservationTrend *trend)
{
  for (guint i = 0; i < trend->n_terms * trend->n_behaviours; i++)
    if (trend->observed[i] > 0)
      return TRUE;
  return FALSE;
}

static void
show_trend (LlTrendsView *self)
{
  g_autofree char *description = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  clear_columns (self);
  ll_chart_view_set_chart (LL_CHART_VIEW (self->area), NULL, NULL, NULL);
  g_clear_pointer (&self->chart, ll_chart_trend_free);
  gtk_string_list_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)), NULL);
  if (self->trend == NULL || self->trend->n_terms == 0 || self->trend->n_behaviours == 0
      || !any_level (self->trend))
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      gtk_widget_set_sensitive (self->export_button, FALSE);
      return;
    }

  g_free (self->title);
  if (chosen_year_group (self) != NULL)
    /* TRANSLATORS: the chart's title, for one year group such as "Year 4" */
    self->title = g_strdup_printf (_("Learning behaviours seen developing or embedded: %s"),
                                   chosen_year_group (self));
  else
    self->title = g_strdup (_("Learning behaviours seen developing or embedded"));
  choose_terms (self);
  self->chart = ll_chart_trend_new (self->trend, self->first_term, self->n_shown, self->title);

  add_column (self, _("Behaviour"), G_CALLBACK (bind_behaviour), 0);
  for (guint t = self->first_term; t < self->first_term + self->n_shown; t++)
    add_column (self, self->trend->term_labels[t], G_CALLBACK (bind_share), t);
  for (guint b = 0; b < self->trend->n_behaviours; b++)
    g_ptr_array_add (names, self->trend->names[b]);
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->rows, 0, 0, (const char * const *) names->pdata);

  description = describe (self);
  ll_chart_view_set_chart (LL_CHART_VIEW (self->area), self->chart, self->title, description);
  gtk_label_set_text (self->caption, description);
  gtk_stack_set_visible_child_name (self->stack, "chart");
  gtk_widget_set_sensitive (self->export_button, TRUE);
}

static gint64
chosen_framework (LlTrendsView *self)
{
  guint chosen = gtk_drop_down_get_selected (self->framework);

  if (self->framework_ids == NULL || chosen == GTK_INVALID_LIST_POSITION || chosen >= self->framework_ids->len)
    return 0;
  return g_array_index (self->framework_ids, gint64, chosen);
}

/* The workbook's frameworks, keeping the one chosen; the choice shows
 * only when there is more than one. */
static void
fill_frameworks (LlTrendsView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) frameworks = NULL;
  gint64 kept = chosen_framework (self);
  guint chosen = 0;

  g_clear_pointer (&self->framework_ids, g_array_unref);
  if (self->workbook != NULL)
    frameworks = ll_workbook_list_frameworks (self->workbook, &error);
  if (frameworks != NULL)
    self->framework_ids = ll_workbook_dup_framework_ids (self->workbook, &error);
  self->filling = TRUE;
  gtk_string_list_splice (self->framework_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->framework_names)), NULL);
  for (guint i = 0; frameworks != NULL && self->framework_ids != NULL && i < frameworks->len; i++)
    {
      gtk_string_list_append (self->framework_names, ll_framework_get_name (g_ptr_array_index (frameworks, i)));
      if (g_array_index (self->framework_ids, gint64, i) == kept)
        chosen = i;
    }
  gtk_drop_down_set_selected (self->framework, chosen);
  /* the cell of the bar that holds it, so that no gap is left */
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->framework)),
                          g_list_model_get_n_items (G_LIST_MODEL (self->framework_names)) > 1);
  self->filling = FALSE;
}

static void
fill_year_groups (LlTrendsView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = g_strdup (chosen_year_group (self));
  guint chosen = 0;

  g_clear_pointer (&self->year_groups, g_strfreev);
  if (self->workbook != NULL)
    self->year_groups = ll_workbook_dup_observed_year_groups (self->workbook, &error);
  if (error != NULL)
    g_warning ("The year groups could not be read: %s", error->message);
  self->filling = TRUE;
  gtk_string_list_splice (self->year_group_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->year_group_names)), NULL);
  gtk_string_list_append (self->year_group_names, _("All Year Groups"));
  for (guint i = 0; self->year_groups != NULL && self->year_groups[i] != NULL; i++)
    {
      gtk_string_list_append (self->year_group_names, self->year_groups[i]);
      if (g_strcmp0 (kept, self->year_groups[i]) == 0)
        chosen = i + 1;
    }
  gtk_drop_down_set_selected (self->year_group, chosen);
  self->filling = FALSE;
}

/* "Every Term" and each term of the trend, keeping the term chosen when
 * the trend still has it. */
static void
fill_periods (LlTrendsView *self)
{
  guint chosen = gtk_drop_down_get_selected (self->period);
  g_autofree char *kept = NULL;
  guint keep = 0;

  if (chosen != GTK_INVALID_LIST_POSITION && chosen > 0)
    kept = g_strdup (gtk_string_list_get_string (self->period_names, chosen));
  self->filling = TRUE;
  gtk_string_list_splice (self->period_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->period_names)), NULL);
  gtk_string_list_append (self->period_names, _("Every Term"));
  for (guint t = 0; self->trend != NULL && t < self->trend->n_terms; t++)
    {
      gtk_string_list_append (self->period_names, self->trend->term_labels[t]);
      if (g_strcmp0 (kept, self->trend->term_labels[t]) == 0)
        keep = t + 1;
    }
  gtk_drop_down_set_selected (self->period, keep);
  self->filling = FALSE;
}

static void
on_period_chosen (LlTrendsView *self)
{
  if (!self->filling)
    show_trend (self);
}

static void
load (LlTrendsView *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->trend, ll_observation_trend_free);
  if (self->workbook != NULL)
    self->trend = ll_workbook_dup_observation_trend (self->workbook, chosen_framework (self),
                                                     chosen_year_group (self), &error);
  /* a workbook with no framework yet has no trends either: the empty state says so */
  if (error != NULL && !g_error_matches (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_NO_SUCH_DOCUMENT))
    adw_status_page_set_description (self->empty, error->message);
  else
    adw_status_page_set_description (self->empty,
                                     _("When observations give the behaviours a level after the "
                                       "lesson, how often each is seen developing or embedded shows "
                                       "here, term by term."));
  fill_periods (self);
  show_trend (self);
}

static void
on_year_group_chosen (LlTrendsView *self)
{
  if (!self->filling)
    load (self);
}

static void
on_layout_toggled (LlTrendsView *self)
{
  ll_chart_view_set_layout (LL_CHART_VIEW (self->area),
                            gtk_toggle_button_get_active (self->multiples)
                            ? LL_CHART_SMALL_MULTIPLES : LL_CHART_RADAR);
}

gboolean
ll_trends_view_write_chart (LlTrendsView  *self,
                            const char    *path,
                            GError       **error)
{
  gboolean svg;

  g_return_val_if_fail (LL_IS_TRENDS_VIEW (self), FALSE);

  if (self->chart == NULL)
    {
      g_set_error_literal (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_INVALID,
                           _("There is no chart to save yet."));
      return FALSE;
    }
  svg = g_str_has_suffix (path, ".svg") || g_str_has_suffix (path, ".SVG");
  return ll_chart_write (self->chart, current_layout (self), svg ? LL_CHART_SVG : LL_CHART_PNG,
                         800, 640, path, error);
}

static void
on_export_response (GtkNativeDialog *chooser,
                    int              response,
                    LlTrendsView    *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;
  if (!ll_trends_view_write_chart (self, path, &error))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                  _("The Chart Could Not Be Saved"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
on_export_clicked (LlTrendsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) png = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) svg = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Save Chart"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (png, _("PNG Image"));
  gtk_file_filter_add_suffix (png, "png");
  gtk_file_filter_set_name (svg, _("SVG Image (for print and for editing)"));
  gtk_file_filter_add_suffix (svg, "svg");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), png);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), svg);
  /* TRANSLATORS: the file name offered for a saved chart */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Trends.png"));
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
ll_trends_view_set_workbook (LlTrendsView *self,
                             LlWorkbook   *workbook)
{
  g_return_if_fail (LL_IS_TRENDS_VIEW (self));

  if (!g_set_object (&self->workbook, workbook))
    return;
  self->filling = TRUE;
  gtk_drop_down_set_selected (self->year_group, 0);
  self->filling = FALSE;
  ll_trends_view_refresh (self);
}

void
ll_trends_view_refresh (LlTrendsView *self)
{
  g_return_if_fail (LL_IS_TRENDS_VIEW (self));

  fill_frameworks (self);
  fill_year_groups (self);
  load (self);
}

gboolean
ll_trends_view_choose_year_group (LlTrendsView *self,
                                  const char   *year_group)
{
  g_return_val_if_fail (LL_IS_TRENDS_VIEW (self), FALSE);

  if (year_group == NULL)
    {
      gtk_drop_down_set_selected (self->year_group, 0);
      return TRUE;
    }
  for (guint i = 0; self->year_groups != NULL && self->year_groups[i] != NULL; i++)
    if (g_str_equal (self->year_groups[i], year_group))
      {
        gtk_drop_down_set_selected (self->year_group, i + 1);
        return TRUE;
      }
  return FALSE;
}

/* A drop-down of *@names, named @label for the tooltip and screen
 * readers, that calls @chosen when another is chosen. */
static GtkDropDown *
choice (LlTrendsView   *self,
        GtkStringList **names,
        const char     *label,
        GCallback       chosen)
{
  GtkDropDown *drop_down;

  *names = gtk_string_list_new (NULL);
  drop_down = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (*names)), NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (drop_down), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect_swapped (drop_down, "notify::selected", chosen, self);
  return drop_down;
}

static GtkWidget *
build_toolbar (LlTrendsView *self)
{
  /* the controls wrap onto a second line in a narrow window */
  GtkWidget *bar = gtk_flow_box_new ();
  GtkWidget *choices = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *views = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *layouts = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (bar), GTK_SELECTION_NONE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (bar), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (bar), 6);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (bar), 3);

  /* another framework has other behaviours: a trend of its own */
  self->framework = choice (self, &self->framework_names, _("Framework"), G_CALLBACK (on_year_group_chosen));
  gtk_flow_box_append (GTK_FLOW_BOX (bar), GTK_WIDGET (self->framework));
  self->year_group = choice (self, &self->year_group_names, _("Year group"), G_CALLBACK (on_year_group_chosen));
  gtk_box_append (GTK_BOX (choices), GTK_WIDGET (self->year_group));
  self->period = choice (self, &self->period_names, _("Period"), G_CALLBACK (on_period_chosen));
  gtk_box_append (GTK_BOX (choices), GTK_WIDGET (self->period));
  gtk_flow_box_append (GTK_FLOW_BOX (bar), choices);

  gtk_widget_add_css_class (layouts, "linked");
  self->radar = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_mnemonic (_("_One Chart")));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->radar), _("Every term on one chart"));
  self->multiples = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_mnemonic (_("_Each Term")));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->multiples),
                               _("One small chart for each term, over the first term in faint"));
  gtk_toggle_button_set_group (self->multiples, self->radar);
  gtk_toggle_button_set_active (self->radar, TRUE);
  g_signal_connect_swapped (self->multiples, "toggled", G_CALLBACK (on_layout_toggled), self);
  gtk_box_append (GTK_BOX (layouts), GTK_WIDGET (self->radar));
  gtk_box_append (GTK_BOX (layouts), GTK_WIDGET (self->multiples));
  gtk_box_append (GTK_BOX (views), layouts);

  /* an icon, so that the views fit a phone's width */
  self->export_button = gtk_button_new_from_icon_name ("document-save-symbolic");
  gtk_widget_set_tooltip_text (self->export_button, _("Save Chart…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->export_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Save Chart…"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Save the chart as a PNG or SVG image"), -1);
  g_signal_connect_swapped (self->export_button, "clicked", G_CALLBACK (on_export_clicked), self);
  gtk_box_append (GTK_BOX (views), self->export_button);
  gtk_flow_box_append (GTK_FLOW_BOX (bar), views);
  /* the controls take the focus, not the cells that hold them */
  for (GtkWidget *child = gtk_widget_get_first_child (bar); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
  return bar;
}

static GtkWidget *
build_content (LlTrendsView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *heading = gtk_label_new (_("Every Figure"));
  GtkWidget *table_scroller;

  self->area = ll_chart_view_new ();
  gtk_widget_set_hexpand (self->area, TRUE);
  gtk_box_append (GTK_BOX (box), self->area);

  self->caption = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->caption, TRUE);
  gtk_label_set_xalign (self->caption, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->caption), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->caption));

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (box), heading);
  self->rows = gtk_string_list_new (NULL);
  self->table = GTK_COLUMN_VIEW (gtk_column_view_new (
    GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->rows))))));
  gtk_column_view_set_show_column_separators (self->table, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->table), "card");
  /* a column a term: in a narrow window the table scrolls sideways */
  table_scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (table_scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (table_scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (table_scroller), GTK_WIDGET (self->table));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->table),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Observations that saw each behaviour developing or embedded, by term"),
                                  -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->table),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL, -1);
  gtk_box_append (GTK_BOX (box), table_scroller);
  return box;
}

static void
ll_trends_view_dispose (GObject *object)
{
  LlTrendsView *self = LL_TRENDS_VIEW (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->workbook);
  g_clear_object (&self->year_group_names);
  g_clear_object (&self->period_names);
  g_clear_object (&self->framework_names);
  g_clear_pointer (&self->framework_ids, g_array_unref);
  g_clear_object (&self->rows);
  G_OBJECT_CLASS (ll_trends_view_parent_class)->dispose (object);
}

static void
ll_trends_view_finalize (GObject *object)
{
  LlTrendsView *self = LL_TRENDS_VIEW (object);

  g_clear_pointer (&self->chart, ll_chart_trend_free);
  g_clear_pointer (&self->trend, ll_observation_trend_free);
  g_clear_pointer (&self->year_groups, g_strfreev);
  g_free (self->title);
  G_OBJECT_CLASS (ll_trends_view_parent_class)->finalize (object);
}

static void
ll_trends_view_class_init (LlTrendsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ll_trends_view_dispose;
  object_class->finalize = ll_trends_view_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "trends");
}

static void
ll_trends_view_init (LlTrendsView *self)
{
  GtkWidget *toolbar = build_toolbar (self);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 18);
  gtk_widget_set_parent (toolbar, GTK_WIDGET (self));

  self->stack = GTK_STACK (gtk_stack_new ());
  self->empty = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->empty, "x-office-presentation-symbolic");
  adw_status_page_set_title (self->empty, _("No Trends Yet"));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->empty), "empty");
  gtk_stack_add_named (self->stack, build_content (self), "chart");
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));
  show_trend (self);
}

GtkWidget *
ll_trends_view_new (void)
{
  return g_object_new (LL_TYPE_TRENDS_VIEW, NULL);
}
