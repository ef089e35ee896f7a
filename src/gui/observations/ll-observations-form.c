/* ll-observations-form.c: the Observations place's form
 *
 * One observation: its details, its focus behaviours, the live notes, the
 * level and evidence of each focus behaviour, strengths, questions for the
 * dialogue, the teacher's reflection and the agreed next steps with their
 * follow-up. Every field is written to the workbook as it changes
 * (LlObservation).
 */
#define G_LOG_DOMAIN "ll-observations-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ll-observations-page-private.h"
#include "ll-term.h"

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

static void framework_selected_cb (AdwComboRow        *row,
                                   GParamSpec         *pspec,
                                   LlObservationsPage *self);

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
  self->framework_row = add_combo_row (self->focus_group, _("_Framework"), G_CALLBACK (framework_selected_cb), self);
  self->framework_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

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
static void fill_focus (LlObservationsPage *self);

/* The framework the observation follows: one of the workbook's, chosen
 * before anything is recorded. */
static void
fill_frameworks (LlObservationsPage *self)
{
  g_autoptr(GPtrArray) frameworks = ll_workbook_list_frameworks (self->workbook, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 chosen = ll_observation_get_number (self->observation, LL_OBSERVATION_FRAMEWORK);
  g_autoptr(GArray) ids = ll_workbook_dup_framework_ids (self->workbook, NULL);
  guint selected = 0;

  g_array_set_size (self->framework_ids, 0);
  for (guint i = 0; frameworks != NULL && ids != NULL && i < MIN (frameworks->len, ids->len); i++)
    {
      gtk_string_list_append (names, ll_framework_get_name (g_ptr_array_index (frameworks, i)));
      g_array_append_val (self->framework_ids, g_array_index (ids, gint64, i));
      if (g_array_index (ids, gint64, i) == chosen)
        selected = i;
    }
  adw_combo_row_set_model (self->framework_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->framework_row, selected);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->framework_row), "");
  gtk_widget_set_visible (GTK_WIDGET (self->framework_row), self->framework_ids->len > 1);
}

static void
framework_selected_cb (AdwComboRow        *row,
                       GParamSpec         *pspec,
                       LlObservationsPage *self)
{
  guint selected = adw_combo_row_get_selected (row);
  g_autoptr(GError) error = NULL;

  /* the choice put back after a refusal comes here too, once the
   * refused one's signal is over: it changes nothing */
  if (self->loading || self->observation == NULL || selected >= self->framework_ids->len
      || g_array_index (self->framework_ids, gint64, selected)
         == ll_observation_get_number (self->observation, LL_OBSERVATION_FRAMEWORK))
    return;
  if (!ll_workbook_set_observation_framework (self->workbook, self->observation,
                                              g_array_index (self->framework_ids, gint64, selected), &error))
    {
      /* said where it was chosen, and the choice goes back */
      self->loading = TRUE;
      for (guint i = 0; i < self->framework_ids->len; i++)
        if (g_array_index (self->framework_ids, gint64, i)
            == ll_observation_get_number (self->observation, LL_OBSERVATION_FRAMEWORK))
          adw_combo_row_set_selected (row, i);
      self->loading = FALSE;
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), error->message);
      return;
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), "");
  g_set_object (&self->framework, ll_workbook_get_observation_framework (self->workbook, self->observation));
  self->loading = TRUE;
  fill_focus (self);
  self->loading = FALSE;
  ll_live_notes_set_observation (self->live_notes, self->observation, self->framework);
  fill_levels (self);
}

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

void
_ll_observations_page_fill_form (LlObservationsPage *self)
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
  fill_frameworks (self);
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

void
_ll_observations_page_init_form (LlObservationsPage *self)
{
  build_details (self);
  self->strengths = add_rich_text (self, _("Strengths"), _("What went well for pupils’ learning."));
  self->questions = add_rich_text (self, _("Questions for the Dialogue"),
                                   _("What you would like to talk through with the teacher."));
  self->reflection = add_rich_text (self, _("The Teacher’s Reflection"),
                                    _("In the teacher’s own words, after the dialogue."));
  gtk_box_reorder_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->texts_box))),
                               GTK_WIDGET (self->texts_box), GTK_WIDGET (self->levels_group));
}
