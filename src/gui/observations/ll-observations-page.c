/* ll-observations-page.c: the Observations place
 *
 * The list is the year's observations in a column view, sorted by any
 * column and searched as the user types over every text of them; the form
 * holds one observation: its details, its focus behaviours, the live
 * notes, the level and evidence of each focus behaviour, strengths,
 * questions for the dialogue, the teacher's reflection and next steps.
 * Every field is written to the workbook as it changes (LlObservation).
 */
#define G_LOG_DOMAIN "ll-observations-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ll-framework-editor.h"
#include "ll-live-notes.h"
#include "ll-observations-page.h"
#include "ll-rich-text.h"
#include "ll-observation-filters.h"
#include "ll-term.h"
#include "ll-trends-view.h"
#include "ll-workbook-observations.h"

#define SEARCH_LIMIT 500

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

static void ll_observations_page_place_init (LlPlaceInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LlObservationsPage, ll_observations_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (LL_TYPE_PLACE, ll_observations_page_place_init))

static void fill_form (LlObservationsPage *self);

/* The list ------------------------------------------------------------------- */

static void
label_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

/* "2026-12-04" as a person reads it in a list: "4 Dec 2026". */
static gboolean
short_date_cb (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  const char *iso = g_value_get_string (from);
  int year, month, day;
  g_autoptr(GDateTime) date = NULL;

  if (iso != NULL && sscanf (iso, "%4d-%2d-%2d", &year, &month, &day) == 3)
    date = g_date_time_new_local (year, month, day, 12, 0, 0);
  if (date == NULL)
    g_value_set_string (to, iso);
  else
    /* TRANSLATORS: a date in the list of observations, as strftime() has it */
    g_value_take_string (to, g_date_time_format (date, _("%-d %b %Y")));
  return TRUE;
}

static void
label_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               const char               *property)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  GObject *item = gtk_list_item_get_item (list_item);
  GBinding *binding;

  if (g_str_equal (property, "date"))
    binding = g_object_bind_property_full (item, property, label, "label", G_BINDING_SYNC_CREATE,
                                           short_date_cb, NULL, NULL, NULL);
  else
    binding = g_object_bind_property (item, property, label, "label", G_BINDING_SYNC_CREATE);
  g_object_set_data (G_OBJECT (label), "ll-binding", binding);
}

static void
label_unbind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  GBinding *binding = g_object_get_data (G_OBJECT (label), "ll-binding");

  if (binding != NULL)
    g_binding_unbind (binding);
  g_object_set_data (G_OBJECT (label), "ll-binding", NULL);
}

/* The matching words of a search hit, in bold. */
static char *
snippet_markup (const char *snippet)
{
  g_autoptr(GString) markup = g_string_new (NULL);

  for (const char *p = snippet; *p != '\0';)
    {
      const char *end = p;

      while (*end != '\0' && *end != '\002' && *end != '\003')
        end++;
      if (end > p)
        {
          g_autofree char *text = g_markup_escape_text (p, end - p);

          g_string_append (markup, text);
        }
      if (*end == '\002')
        g_string_append (markup, "<b>");
      else if (*end == '\003')
        g_string_append (markup, "</b>");
      p = *end != '\0' ? end + 1 : end;
    }
  return g_string_free (g_steal_pointer (&markup), FALSE);
}

static void
match_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               LlObservationsPage       *self)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  gint64 id = ll_observation_item_get_id (gtk_list_item_get_item (list_item));
  const char *snippet = self->hits != NULL ? g_hash_table_lookup (self->hits, &id) : NULL;
  g_autofree char *markup = snippet_markup (snippet != NULL ? snippet : "");

  gtk_label_set_markup (GTK_LABEL (label), markup);
}

static GtkColumnViewColumn *
add_column (LlObservationsPage *self,
            const char         *title,
            const char         *property,
            gboolean            expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkSorter) sorter = NULL;
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (label_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (label_bind_cb), (gpointer) property);
  g_signal_connect (factory, "unbind", G_CALLBACK (label_unbind_cb), NULL);
  column = gtk_column_view_column_new (title, factory);
  sorter = GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (LL_TYPE_OBSERVATION_ITEM, NULL,
                                                                          property)));
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
  return column;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  LlObservationsPage *self = user_data;
  gint64 id = ll_observation_item_get_id (item);

  return (self->hits == NULL || g_hash_table_contains (self->hits, &id))
         && ll_observation_filters_match (self->filters, item);
}

/* Says how many observations the search and the filters leave. */
static void
update_results (LlObservationsPage *self)
{
  gboolean filtering = ll_observation_filters_is_active (self->filters);
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  GListModel *all = gtk_filter_list_model_get_model (self->filtered);
  guint total = all != NULL ? g_list_model_get_n_items (all) : 0;
  g_autofree char *text = NULL;

  if (self->hits != NULL && shown == 0)
    text = g_strdup (_("No observation has these words."));
  else if (shown == 0 && filtering)
    text = g_strdup (_("No observation passes these filters."));
  else if (self->hits != NULL && !filtering)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u observation has these words.",
                                         "%u observations have these words.", shown), shown);
  else if (self->hits != NULL)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u observation passes the filters and has these words.",
                                         "%u observations pass the filters and have these words.", shown),
                            shown);
  else if (filtering)
    /* TRANSLATORS: "Showing 12 of 40 observations." */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Showing %u of %u observation.",
                                         "Showing %u of %u observations.", total), shown, total);
  if (text != NULL)
    gtk_label_set_text (self->results_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->results_label), text != NULL);
}

static void
search_changed_cb (LlObservationsPage *self)
{
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree char *query = g_strstrip (g_strdup (typed));

  g_clear_pointer (&self->hits, g_hash_table_unref);
  if (self->workbook != NULL && query[0] != '\0')
    hits = ll_workbook_search_observations (self->workbook, query, SEARCH_LIMIT, NULL);
  if (hits != NULL)
    {
      self->hits = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
      for (guint i = 0; i < hits->len; i++)
        {
          LlObservationHit *hit = g_ptr_array_index (hits, i);

          g_hash_table_insert (self->hits, g_memdup2 (&hit->id, sizeof hit->id), g_strdup (hit->snippet));
        }
    }
  gtk_column_view_column_set_visible (self->match_column, self->hits != NULL);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_results (self);
}

static void
filters_changed_cb (LlObservationsPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_results (self);
}

static void
row_activated_cb (LlObservationsPage *self,
                  guint               position)
{
  g_autoptr(LlObservationItem) item = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (item != NULL)
    ll_observations_page_open (self, ll_observation_item_get_id (item));
}

GListModel *
ll_observations_page_get_shown (LlObservationsPage *self)
{
  g_return_val_if_fail (LL_IS_OBSERVATIONS_PAGE (self), NULL);
  return G_LIST_MODEL (self->sorted);
}

static void
update_stack (LlObservationsPage *self)
{
  const char *name;

  if (self->observation != NULL)
    name = "form";
  else if (self->showing_trends && self->workbook != NULL)
    name = "trends";
  else if (self->workbook != NULL && g_list_model_get_n_items (ll_workbook_get_observations (self->workbook)) > 0)
    name = "list";
  else
    name = "empty";
  gtk_stack_set_visible_child_name (self->stack, name);
}

/* The form: details ---------------------------------------------------------- */

static void
set_text_from_row (LlObservationsPage *self,
                   AdwEntryRow        *row,
                   LlObservationText   field)
{
  if (self->loading || self->observation == NULL)
    return;
  ll_observation_set_text (self->observation, field, gtk_editable_get_text (GTK_EDITABLE (row)));
}

/* A date is kept only once it is one; until then the row says so. */
static void
date_changed_cb (AdwEntryRow        *row,
                 LlObservationsPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  LlTerm term;
  gboolean valid = text[0] == '\0' || ll_term_from_date (text, &term);

  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  if (self->loading || self->observation == NULL || !valid)
    return;
  if (row == self->date_row && text[0] != '\0')
    ll_observation_set_text (self->observation, LL_OBSERVATION_DATE, text);
  else if (row == self->follow_up_row)
    ll_observation_set_text (self->observation, LL_OBSERVATION_FOLLOW_UP, text);
}

static void
entry_changed_cb (AdwEntryRow        *row,
                  LlObservationsPage *self)
{
  if (row == self->start_row)
    set_text_from_row (self, row, LL_OBSERVATION_START);
  else if (row == self->class_row)
    set_text_from_row (self, row, LL_OBSERVATION_CLASS_GROUP);
  else if (row == self->year_row)
    set_text_from_row (self, row, LL_OBSERVATION_YEAR_GROUP);
  else if (row == self->subject_row)
    set_text_from_row (self, row, LL_OBSERVATION_SUBJECT);
}

static void
steps_changed_cb (LlObservationsPage *self)
{
  g_autofree char *agreed = NULL;
  g_autofree char *more = NULL;
  g_autofree char *steps = NULL;

  if (self->loading || self->observation == NULL)
    return;
  agreed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->agreed_row))));
  more = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->more_row))));
  steps = more[0] != '\0' ? g_strdup_printf ("%s\n%s", agreed, more) : g_strdup (agreed);
  ll_observation_set_text (self->observation, LL_OBSERVATION_NEXT_STEPS, steps);
}

static AdwEntryRow *
add_entry_row (AdwPreferencesGroup *group,
               const char          *title,
               GCallback            changed,
               gpointer             data)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  g_signal_connect (row, "changed", changed, data);
  adw_preferences_group_add (group, GTK_WIDGET (row));
  return row;
}

static void
person_selected_cb (AdwComboRow        *row,
                    GParamSpec         *pspec,
                    LlObservationsPage *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->loading || self->observation == NULL || selected >= self->people->len)
    return;
  ll_observation_set_number (self->observation,
                             row == self->teacher_row ? LL_OBSERVATION_TEACHER : LL_OBSERVATION_OBSERVER,
                             g_array_index (self->people, gint64, selected));
}

static void
status_selected_cb (AdwComboRow        *row,
                    GParamSpec         *pspec,
                    LlObservationsPage *self)
{
  if (self->loading || self->observation == NULL)
    return;
  ll_observation_set_status (self->observation, (LlObservationStatus) adw_combo_row_get_selected (row));
}

static AdwComboRow *
add_combo_row (AdwPreferencesGroup *group,
               const char          *title,
               GCallback            selected,
               gpointer             data)
{
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  g_signal_connect (row, "notify::selected", selected, data);
  adw_preferences_group_add (group, GTK_WIDGET (row));
  return row;
}

static void
build_details (LlObservationsPage *self)
{
  GtkStringList *statuses = gtk_string_list_new (NULL);

  self->date_row = add_entry_row (self->details_group, _("_Date (YYYY-MM-DD)"), G_CALLBACK (date_changed_cb), self);
  self->start_row = add_entry_row (self->details_group, _("_Start time (HH:MM)"), G_CALLBACK (entry_changed_cb),
                                   self);
  self->teacher_row = add_combo_row (self->details_group, _("_Teacher"), G_CALLBACK (person_selected_cb), self);
  self->observer_row = add_combo_row (self->details_group, _("_Observer"), G_CALLBACK (person_selected_cb), self);
  self->class_row = add_entry_row (self->details_group, _("_Class or group"), G_CALLBACK (entry_changed_cb), self);
  self->year_row = add_entry_row (self->details_group, _("_Year group"), G_CALLBACK (entry_changed_cb), self);
  self->subject_row = add_entry_row (self->details_group, _("S_ubject"), G_CALLBACK (entry_changed_cb), self);
  for (LlObservationStatus status = LL_OBSERVATION_PLANNED; status <= LL_OBSERVATION_CLOSED; status++)
    gtk_string_list_append (statuses, ll_observation_status_to_label (status));
  self->status_row = add_combo_row (self->details_group, _("St_atus"), G_CALLBACK (status_selected_cb), self);
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  g_object_unref (statuses);

  self->agreed_row = add_entry_row (self->steps_group, _("The _agreed next step"), G_CALLBACK (steps_changed_cb),
                                    self);
  g_signal_handlers_disconnect_by_func (self->agreed_row, steps_changed_cb, self);
  g_signal_connect_swapped (self->agreed_row, "changed", G_CALLBACK (steps_changed_cb), self);
  self->more_row = add_entry_row (self->steps_group, _("Another next step (optional)"),
                                  G_CALLBACK (steps_changed_cb), self);
  g_signal_handlers_disconnect_by_func (self->more_row, steps_changed_cb, self);
  g_signal_connect_swapped (self->more_row, "changed", G_CALLBACK (steps_changed_cb), self);
  self->follow_up_row = add_entry_row (self->steps_group, _("_Follow-up date (YYYY-MM-DD)"),
                                       G_CALLBACK (date_changed_cb), self);
}

/* The long texts, with the rich-text editor */
static void
rich_changed_cb (LlRichText         *text,
                 LlObservationsPage *self)
{
  g_autofree char *fragment = NULL;
  LlObservationText field;

  if (self->loading || self->observation == NULL)
    return;
  fragment = ll_rich_text_get_fragment (text, NULL);
  if (fragment == NULL)
    return;
  field = text == self->strengths ? LL_OBSERVATION_STRENGTHS
          : text == self->questions ? LL_OBSERVATION_QUESTIONS : LL_OBSERVATION_REFLECTION;
  ll_observation_set_text (self->observation, field, fragment);
}

static LlRichText *
add_rich_text (LlObservationsPage *self,
               const char         *heading,
               const char         *hint)
{
  GtkWidget *label = gtk_label_new (heading);
  LlRichText *text = LL_RICH_TEXT (ll_rich_text_new ());
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *hint_label = gtk_label_new (hint);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_xalign (GTK_LABEL (hint_label), 0);
  gtk_label_set_wrap (GTK_LABEL (hint_label), TRUE);
  gtk_widget_add_css_class (hint_label, "dim-label");
  gtk_widget_set_size_request (GTK_WIDGET (text), -1, 120);
  ll_rich_text_set_accessible_label (text, heading);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (text));
  g_signal_connect (text, "changed", G_CALLBACK (rich_changed_cb), self);
  gtk_box_append (self->texts_box, label);
  gtk_box_append (self->texts_box, hint_label);
  gtk_box_append (self->texts_box, frame);
  return text;
}

/* The form: focus and levels ------------------------------------------------- */

static void fill_levels (LlObservationsPage *self);

static void
focus_toggled_cb (GtkCheckButton     *check,
                  LlObservationsPage *self)
{
  g_autoptr(GString) keys = g_string_new (NULL);

  if (self->loading || self->observation == NULL)
    return;
  for (guint i = 0; i < self->focus_checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->focus_checks, i)))
      {
        if (keys->len > 0)
          g_string_append_c (keys, ' ');
        g_string_append (keys, g_object_get_data (g_ptr_array_index (self->focus_checks, i), "ll-key"));
      }
  ll_observation_set_text (self->observation, LL_OBSERVATION_FOCUS, keys->str);
  ll_live_notes_set_observation (self->live_notes, self->observation, self->framework);
  fill_levels (self);
}

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
fill_focus (LlObservationsPage *self)
{
  g_auto(GStrv) chosen = g_strsplit (ll_observation_get_text (self->observation, LL_OBSERVATION_FOCUS), " ", -1);

  clear_rows (self->focus_group, self->focus_rows);
  g_ptr_array_set_size (self->focus_checks, 0);
  if (self->framework == NULL)
    return;
  for (guint g = 0; g < ll_framework_get_n_groups (self->framework); g++)
    {
      GtkWidget *expander = adw_expander_row_new ();
      guint n_chosen = 0;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), ll_framework_get_group_name (self->framework, g));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander),
                                     ll_framework_get_group_description (self->framework, g));
      for (guint b = 0; b < ll_framework_get_n_behaviours (self->framework, g); b++)
        {
          const LlBehaviour *behaviour = ll_framework_get_behaviour (self->framework, g, b);
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *check = gtk_check_button_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), behaviour->name);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), behaviour->description);
          gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
          /* named by the row's title, as its activatable widget */
          g_object_set_data_full (G_OBJECT (check), "ll-key", g_strdup (behaviour->id), g_free);
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_strv_contains ((const char * const *) chosen,
                                                                                  behaviour->id));
          n_chosen += gtk_check_button_get_active (GTK_CHECK_BUTTON (check));
          g_signal_connect (check, "toggled", G_CALLBACK (focus_toggled_cb), self);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
          g_ptr_array_add (self->focus_checks, check);
        }
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), n_chosen > 0);
      adw_preferences_group_add (self->focus_group, expander);
      g_ptr_array_add (self->focus_rows, expander);
    }
}

static void
level_changed_cb (GtkWidget          *row,
                  LlObservationsPage *self)
{
  const char *key = g_object_get_data (G_OBJECT (row), "ll-key");
  AdwComboRow *level = g_object_get_data (G_OBJECT (row), "ll-level");
  AdwEntryRow *evidence = g_object_get_data (G_OBJECT (row), "ll-evidence");

  if (self->loading || self->observation == NULL)
    return;
  ll_observation_set_level (self->observation, key, (int) adw_combo_row_get_selected (level) - 1,
                            gtk_editable_get_text (GTK_EDITABLE (evidence)));
}

static void
fill_levels (LlObservationsPage *self)
{
  g_auto(GStrv) focus = g_strsplit (ll_observation_get_text (self->observation, LL_OBSERVATION_FOCUS), " ", -1);
  const char * const *scale = self->framework != NULL ? ll_framework_get_scale (self->framework) : NULL;
  gboolean loading = self->loading;

  self->loading = TRUE;
  clear_rows (self->levels_group, self->level_rows);
  for (guint i = 0; focus[i] != NULL; i++)
    {
      const LlBehaviour *behaviour;
      g_autoptr(GtkStringList) levels = gtk_string_list_new (NULL);
      AdwComboRow *level;
      AdwEntryRow *evidence;
      const char *stored_evidence = NULL;
      int stored;
      g_autofree char *evidence_title = NULL;

      if (focus[i][0] == '\0')
        continue;
      behaviour = self->framework != NULL ? ll_framework_find_behaviour (self->framework, focus[i], NULL) : NULL;
      gtk_string_list_append (levels, _("Not given"));
      for (guint l = 0; scale != NULL && scale[l] != NULL; l++)
        gtk_string_list_append (levels, scale[l]);
      level = ADW_COMBO_ROW (adw_combo_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (level), behaviour != NULL ? behaviour->name : focus[i]);
      adw_combo_row_set_model (level, G_LIST_MODEL (levels));
      stored = ll_observation_get_level (self->observation, focus[i], &stored_evidence);
      adw_combo_row_set_selected (level, (guint) (stored + 1));
      evidence = ADW_ENTRY_ROW (adw_entry_row_new ());
      evidence_title = g_strdup_printf (_("Evidence of %s"), behaviour != NULL ? behaviour->name : focus[i]);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (evidence), evidence_title);
      gtk_editable_set_text (GTK_EDITABLE (evidence), stored_evidence);
      for (GtkWidget *row = GTK_WIDGET (level); row != NULL; row = row == GTK_WIDGET (level) ? GTK_WIDGET (evidence) : NULL)
        {
          g_object_set_data_full (G_OBJECT (row), "ll-key", g_strdup (focus[i]), g_free);
          g_object_set_data (G_OBJECT (row), "ll-level", level);
          g_object_set_data (G_OBJECT (row), "ll-evidence", evidence);
          adw_preferences_group_add (self->levels_group, row);
          g_ptr_array_add (self->level_rows, row);
        }
      g_signal_connect (level, "notify::selected", G_CALLBACK (level_changed_cb), self);
      g_signal_connect (evidence, "changed", G_CALLBACK (level_changed_cb), self);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->levels_group), self->level_rows->len > 0);
  self->loading = loading;
}

/* The form: filling it ------------------------------------------------------- */

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
fill_people (LlObservationsPage *self)
{
  GListModel *people = ll_workbook_get_people (self->workbook);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 nobody = 0;
  gint64 teacher = ll_observation_get_number (self->observation, LL_OBSERVATION_TEACHER);
  gint64 observer = ll_observation_get_number (self->observation, LL_OBSERVATION_OBSERVER);

  g_array_set_size (self->people, 0);
  gtk_string_list_append (names, _("Not chosen"));
  g_array_append_val (self->people, nobody);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(LlPerson) person = g_list_model_get_item (people, i);
      gint64 id = ll_person_get_id (person);

      gtk_string_list_append (names, ll_person_get_name (person));
      g_array_append_val (self->people, id);
    }
  adw_combo_row_set_model (self->teacher_row, G_LIST_MODEL (names));
  adw_combo_row_set_model (self->observer_row, G_LIST_MODEL (names));
  for (guint i = 0; i < self->people->len; i++)
    {
      if (g_array_index (self->people, gint64, i) == teacher)
        adw_combo_row_set_selected (self->teacher_row, i);
      if (g_array_index (self->people, gint64, i) == observer)
        adw_combo_row_set_selected (self->observer_row, i);
    }
}

static void
set_rich (LlRichText *text,
          const char *fragment)
{
  ll_rich_text_set_fragment (text, fragment != NULL ? fragment : "", NULL, NULL);
}

static void
fill_form (LlObservationsPage *self)
{
  g_auto(GStrv) steps = NULL;
  g_autofree char *date = NULL;
  g_autofree char *title = NULL;
  const char *subject;

  self->loading = TRUE;
  g_set_object (&self->framework, ll_workbook_get_observation_framework (self->workbook, self->observation));
  set_entry (self->date_row, ll_observation_get_text (self->observation, LL_OBSERVATION_DATE));
  set_entry (self->start_row, ll_observation_get_text (self->observation, LL_OBSERVATION_START));
  set_entry (self->class_row, ll_observation_get_text (self->observation, LL_OBSERVATION_CLASS_GROUP));
  set_entry (self->year_row, ll_observation_get_text (self->observation, LL_OBSERVATION_YEAR_GROUP));
  set_entry (self->subject_row, ll_observation_get_text (self->observation, LL_OBSERVATION_SUBJECT));
  set_entry (self->follow_up_row, ll_observation_get_text (self->observation, LL_OBSERVATION_FOLLOW_UP));
  adw_combo_row_set_selected (self->status_row, ll_observation_get_status (self->observation));
  fill_people (self);
  fill_focus (self);
  ll_live_notes_set_observation (self->live_notes, self->observation, self->framework);
  fill_levels (self);
  set_rich (self->strengths, ll_observation_get_text (self->observation, LL_OBSERVATION_STRENGTHS));
  set_rich (self->questions, ll_observation_get_text (self->observation, LL_OBSERVATION_QUESTIONS));
  set_rich (self->reflection, ll_observation_get_text (self->observation, LL_OBSERVATION_REFLECTION));
  steps = g_strsplit (ll_observation_get_text (self->observation, LL_OBSERVATION_NEXT_STEPS), "\n", 2);
  set_entry (self->agreed_row, steps[0]);
  set_entry (self->more_row, steps[0] != NULL ? steps[1] : NULL);

  date = ll_date_dup_long (ll_observation_get_text (self->observation, LL_OBSERVATION_DATE));
  subject = ll_observation_get_text (self->observation, LL_OBSERVATION_SUBJECT);
  title = subject[0] != '\0' ? g_strdup_printf ("%s · %s", date, subject) : g_strdup (date);
  gtk_label_set_text (self->form_title, title);
  self->loading = FALSE;
}

/* Opening and closing -------------------------------------------------------- */

void
ll_observations_page_flush (LlObservationsPage *self)
{
  g_return_if_fail (LL_IS_OBSERVATIONS_PAGE (self));
  if (self->workbook != NULL)
    ll_workbook_flush (self->workbook, NULL);
}

void
ll_observations_page_open (LlObservationsPage *self,
                           gint64              id)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (LL_IS_OBSERVATIONS_PAGE (self));

  ll_observations_page_flush (self);
  ll_live_notes_set_observation (self->live_notes, NULL, NULL);
  g_clear_object (&self->observation);
  if (id != 0 && self->workbook != NULL)
    {
      self->observation = ll_workbook_open_observation (self->workbook, id, &error);
      if (self->observation == NULL)
        g_warning ("Observation %" G_GINT64_FORMAT " could not be opened: %s", id, error->message);
    }
  if (self->observation != NULL)
    fill_form (self);
  update_stack (self);
  if (self->observation != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->live_notes));
  else if (self->workbook != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

gint64
ll_observations_page_get_current_id (LlObservationsPage *self)
{
  g_return_val_if_fail (LL_IS_OBSERVATIONS_PAGE (self), 0);
  return self->observation != NULL ? ll_observation_get_id (self->observation) : 0;
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  LlObservationsPage *self = LL_OBSERVATIONS_PAGE (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(LlObservation) observation = NULL;
  g_autoptr(GError) error = NULL;

  if (self->workbook == NULL || ll_workbook_get_read_only (self->workbook))
    return;
  observation = ll_workbook_add_observation (self->workbook, today, &error);
  if (observation == NULL)
    {
      g_warning ("A new observation could not be made: %s", error->message);
      return;
    }
  ll_observations_page_open (self, ll_observation_get_id (observation));
  /* the details come first: where the observer starts */
  gtk_widget_grab_focus (GTK_WIDGET (self->class_row));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LL_OBSERVATIONS_PAGE (widget)->showing_trends = FALSE;
  ll_observations_page_open (LL_OBSERVATIONS_PAGE (widget), 0);
}

static void
trends_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LlObservationsPage *self = LL_OBSERVATIONS_PAGE (widget);

  if (self->workbook == NULL)
    return;
  ll_observations_page_open (self, 0);
  self->showing_trends = TRUE;
  /* what was written a moment ago counts */
  ll_trends_view_set_workbook (self->trends_view, self->workbook);
  ll_trends_view_refresh (self->trends_view);
  update_stack (self);
}

static void
frameworks_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LlObservationsPage *self = LL_OBSERVATIONS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *editor;

  if (self->workbook == NULL)
    return;
  editor = ll_framework_editor_new (self->workbook);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
items_changed_cb (LlObservationsPage *self)
{
  if (self->observation == NULL)
    update_stack (self);
}

void
ll_observations_page_set_workbook (LlObservationsPage *self,
                                   LlWorkbook         *workbook)
{
  g_return_if_fail (LL_IS_OBSERVATIONS_PAGE (self));

  ll_observations_page_open (self, 0);
  if (self->workbook != NULL)
    g_signal_handlers_disconnect_by_data (ll_workbook_get_observations (self->workbook), self);
  g_set_object (&self->workbook, workbook);
  /* the trends are read when they are shown; until then nothing holds the workbook */
  self->showing_trends = FALSE;
  ll_trends_view_set_workbook (self->trends_view, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_filter_list_model_set_model (self->filtered, workbook != NULL ? ll_workbook_get_observations (workbook) : NULL);
  ll_observation_filters_clear (self->filters);
  ll_observation_filters_set_model (self->filters,
                                    workbook != NULL ? ll_workbook_get_observations (workbook) : NULL);
  if (workbook != NULL)
    g_signal_connect_object (ll_workbook_get_observations (workbook), "items-changed",
                             G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "observations.new",
                                 workbook != NULL && !ll_workbook_get_read_only (workbook));
  update_stack (self);
}

GtkWidget *
ll_observations_page_new (void)
{
  return g_object_new (LL_TYPE_OBSERVATIONS_PAGE, NULL);
}

/* The place in the window */

static const char *
place_get_name (LlPlace *place)
{
  return "observations";
}

static const char *
place_get_title (LlPlace *place)
{
  return _("Observations");
}

static const char *
place_get_icon_name (LlPlace *place)
{
  return "view-reveal-symbolic";
}

static void
place_set_workbook (LlPlace    *place,
                    LlWorkbook *workbook)
{
  ll_observations_page_set_workbook (LL_OBSERVATIONS_PAGE (place), workbook);
}

static void
place_flush (LlPlace *place)
{
  ll_observations_page_flush (LL_OBSERVATIONS_PAGE (place));
}

static gint64
place_get_current_document_id (LlPlace *place)
{
  return ll_observations_page_get_current_id (LL_OBSERVATIONS_PAGE (place));
}

static void
place_new_document (LlPlace *place)
{
  gtk_widget_activate_action (GTK_WIDGET (place), "observations.new", NULL);
}

static void
ll_observations_page_place_init (LlPlaceInterface *iface)
{
  iface->get_name = place_get_name;
  iface->get_title = place_get_title;
  iface->get_icon_name = place_get_icon_name;
  iface->set_workbook = place_set_workbook;
  iface->flush = place_flush;
  iface->get_current_document_id = place_get_current_document_id;
  iface->new_document = place_new_document;
}

static void
ll_observations_page_dispose (GObject *object)
{
  LlObservationsPage *self = LL_OBSERVATIONS_PAGE (object);
  GtkWidget *child;

  if (self->live_notes != NULL)
    ll_live_notes_set_observation (self->live_notes, NULL, NULL);
  if (self->workbook != NULL)
    ll_workbook_flush (self->workbook, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LL_TYPE_OBSERVATIONS_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->observation);
  g_clear_object (&self->framework);
  g_clear_object (&self->workbook);
  g_clear_object (&self->sorted);
  g_clear_pointer (&self->hits, g_hash_table_unref);
  G_OBJECT_CLASS (ll_observations_page_parent_class)->dispose (object);
}

static void
ll_observations_page_finalize (GObject *object)
{
  LlObservationsPage *self = LL_OBSERVATIONS_PAGE (object);

  g_array_unref (self->people);
  g_ptr_array_unref (self->focus_checks);
  g_ptr_array_unref (self->focus_rows);
  g_ptr_array_unref (self->level_rows);
  G_OBJECT_CLASS (ll_observations_page_parent_class)->finalize (object);
}

static void
ll_observations_page_class_init (LlObservationsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ll_observations_page_dispose;
  object_class->finalize = ll_observations_page_finalize;

  g_type_ensure (LL_TYPE_LIVE_NOTES);
  g_type_ensure (LL_TYPE_OBSERVATION_FILTERS);
  g_type_ensure (LL_TYPE_TRENDS_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/leadinglearning/LeadingLearning/ll-observations-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LlObservationsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LlObservationsPage, trends_view);
  gtk_widget_class_bind_template_child (widget_class, LlObservationsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LlObservationsPage, filters);
  gtk_widget_class_bind_template_child (widget_class, LlObservationsPage, results_label);
  gtk_widget_class_bind_template_child (widget_class, LlObservationsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, LlObservationsPage, form_title);
  gtk_widget_class_bind_template_child (widget_class, LlObservationsPage, details_group);
  gtk_widget_class_bind_template_child (widget_class, LlObservationsPage, focus_group);
  gtk_widget_class_bind_template_child (widget_class, LlObservationsPage, live_notes);
  gtk_widget_class_bind_template_child (widget_class, LlObservationsPage, levels_group);
  gtk_widget_class_bind_template_child (widget_class, LlObservationsPage, texts_box);
  gtk_widget_class_bind_template_child (widget_class, LlObservationsPage, steps_group);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_install_action (widget_class, "observations.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "observations.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "observations.trends", NULL, trends_action);
  gtk_widget_class_install_action (widget_class, "observations.frameworks", NULL, frameworks_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ll_observations_page_init (LlObservationsPage *self)
{
  GtkColumnViewColumn *date_column;
  GtkListItemFactory *factory;
  GtkSingleSelection *selection;

  self->people = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->focus_checks = g_ptr_array_new ();
  self->focus_rows = g_ptr_array_new ();
  self->level_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  /* the list: filtered by the search, sorted by the column chosen */
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (self->filtered), NULL);
  selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->sorted)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  date_column = add_column (self, _("Date"), "date", FALSE);
  add_column (self, _("Teacher"), "teacher", TRUE);
  add_column (self, _("Class"), "class-group", FALSE);
  add_column (self, _("Year group"), "year-group", FALSE);
  add_column (self, _("Subject"), "subject", TRUE);
  add_column (self, _("Focus"), "focus", TRUE);
  add_column (self, _("Status"), "status", FALSE);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (label_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (match_bind_cb), self);
  self->match_column = gtk_column_view_column_new (_("Where the words are"), factory);
  gtk_column_view_column_set_expand (self->match_column, TRUE);
  gtk_column_view_column_set_visible (self->match_column, FALSE);
  gtk_column_view_append_column (self->column_view, self->match_column);
  g_object_unref (self->match_column);
  gtk_sort_list_model_set_sorter (self->sorted, gtk_column_view_get_sorter (self->column_view));
  gtk_column_view_sort_by_column (self->column_view, date_column, GTK_SORT_DESCENDING);

  build_details (self);
  self->strengths = add_rich_text (self, _("Strengths"), _("What went well for pupils’ learning."));
  self->questions = add_rich_text (self, _("Questions for the Dialogue"),
                                   _("What you would like to talk through with the teacher."));
  self->reflection = add_rich_text (self, _("The Teacher’s Reflection"),
                                    _("In the teacher’s own words, after the dialogue."));
  gtk_box_reorder_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->texts_box))),
                               GTK_WIDGET (self->texts_box), GTK_WIDGET (self->levels_group));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "observations.new", FALSE);
}
