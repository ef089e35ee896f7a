/* ll-programme-window.c: the programme as the facilitator sets it up
 *
 * One page: the programme's details, its three study sessions and six
 * cluster group meetings (with who led each), and what certification asks
 * for. The window edits a copy of the workbook's programme and writes the
 * whole of it back: choices at once, typing after a pause.
 */
#define G_LOG_DOMAIN "ll-portfolios"

#include "config.h"

#include <glib/gi18n.h>

#include "ll-document-info.h"
#include "ll-document-kind.h"
#include "ll-programme-window.h"
#include "ll-term.h"

#define TYPING_PAUSE_MS 400

typedef enum {
  FIELD_TITLE,
  FIELD_BODY,
  FIELD_START,
  FIELD_END,
  FIELD_COHORT,
  FIELD_HUB,
  FIELD_SESSION_DATE,
  FIELD_SESSION_HOST,
  FIELD_SESSION_THEME,
  FIELD_MEETING_DATE,
  FIELD_MEETING_HOST,
} Field;

static const char * const terms[] = { "", "autumn", "spring", "summer" };

struct _LlProgrammeWindow
{
  AdwPreferencesWindow  parent_instance;

  LlWorkbook           *workbook;
  LlProgramme          *programme;   /* as edited */
  GArray               *people;      /* person ids of the facilitator row; 0: nobody */
  guint                 write_id;
};

G_DEFINE_FINAL_TYPE (LlProgrammeWindow, ll_programme_window, ADW_TYPE_PREFERENCES_WINDOW)

static gboolean
write_programme (gpointer data)
{
  LlProgrammeWindow *self = data;
  g_autoptr(GError) error = NULL;

  self->write_id = 0;
  if (self->workbook == NULL || self->programme == NULL)
    return G_SOURCE_REMOVE;
  if (!ll_workbook_update_programme (self->workbook, self->programme, &error))
    {
      AdwToast *toast = adw_toast_new (error->message);

      adw_toast_set_timeout (toast, 6);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
    }
  return G_SOURCE_REMOVE;
}

void
ll_programme_window_flush (LlProgrammeWindow *self)
{
  g_return_if_fail (LL_IS_PROGRAMME_WINDOW (self));

  if (self->write_id != 0)
    {
      g_source_remove (self->write_id);
      write_programme (self);
    }
}

static void
changed (LlProgrammeWindow *self,
         gboolean           now)
{
  g_clear_handle_id (&self->write_id, g_source_remove);
  if (now)
    write_programme (self);
  else
    self->write_id = g_timeout_add (TYPING_PAUSE_MS, write_programme, self);
}

static void
replace (char       **slot,
         const char  *text)
{
  g_free (*slot);
  *slot = g_strdup (text);
}

static gboolean
is_date (const char *text,
         gboolean    may_be_empty)
{
  LlTerm term;

  return (may_be_empty && text[0] == '\0') || ll_term_from_date (text, &term);
}

static void
text_changed_cb (AdwEntryRow       *row,
                 LlProgrammeWindow *self)
{
  Field field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "ll-field"));
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "ll-index"));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  LlStudySession *session = NULL;
  LlClusterMeeting *meeting = NULL;
  gboolean valid = TRUE;

  if (field == FIELD_START || field == FIELD_END)
    valid = is_date (text, FALSE);
  else if (field == FIELD_SESSION_DATE || field == FIELD_MEETING_DATE)
    valid = is_date (text, TRUE);
  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  if (!valid)
    return;
  if (field >= FIELD_SESSION_DATE && field <= FIELD_SESSION_THEME)
    session = g_ptr_array_index (self->programme->sessions, index);
  else if (field >= FIELD_MEETING_DATE)
    meeting = g_ptr_array_index (self->programme->meetings, index);
  switch (field)
    {
    case FIELD_TITLE: replace (&self->programme->title, text); break;
    case FIELD_BODY: replace (&self->programme->certifying_body, text); break;
    case FIELD_START: replace (&self->programme->start_date, text); break;
    case FIELD_END: replace (&self->programme->end_date, text); break;
    case FIELD_COHORT: replace (&self->programme->cohort, text); break;
    case FIELD_HUB: replace (&self->programme->hub, text); break;
    case FIELD_SESSION_DATE: replace (&session->date, text); break;
    case FIELD_SESSION_HOST: replace (&session->host_school, text); break;
    case FIELD_SESSION_THEME: replace (&session->theme, text); break;
    case FIELD_MEETING_DATE: replace (&meeting->date, text); break;
    case FIELD_MEETING_HOST: replace (&meeting->host_school, text); break;
    default: g_assert_not_reached ();
    }
  changed (self, FALSE);
}

static GtkWidget *
text_row (LlProgrammeWindow *self,
          gpointer           group,
          const char        *title,
          const char        *text,
          Field              field,
          guint              index)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  g_object_set_data (G_OBJECT (row), "ll-field", GUINT_TO_POINTER (field));
  g_object_set_data (G_OBJECT (row), "ll-index", GUINT_TO_POINTER (index));
  g_signal_connect (row, "changed", G_CALLBACK (text_changed_cb), self);
  if (ADW_IS_EXPANDER_ROW (group))
    adw_expander_row_add_row (ADW_EXPANDER_ROW (group), row);
  else
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static void
facilitator_cb (AdwComboRow       *row,
                GParamSpec        *pspec,
                LlProgrammeWindow *self)
{
  guint chosen = adw_combo_row_get_selected (row);

  if (chosen >= self->people->len)
    return;
  self->programme->facilitator_id = g_array_index (self->people, gint64, chosen);
  changed (self, TRUE);
}

static void
term_cb (AdwComboRow       *row,
         GParamSpec        *pspec,
         LlProgrammeWindow *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "ll-index"));
  guint chosen = adw_combo_row_get_selected (row);
  LlStudySession *session = g_ptr_array_index (self->programme->sessions, index);

  if (chosen >= G_N_ELEMENTS (terms))
    return;
  replace (&session->term, terms[chosen]);
  changed (self, TRUE);
}

static void
leader_toggled_cb (GtkCheckButton    *check,
                   LlProgrammeWindow *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "ll-index"));
  gint64 person = *(gint64 *) g_object_get_data (G_OBJECT (check), "ll-person");
  LlClusterMeeting *meeting = g_ptr_array_index (self->programme->meetings, index);

  for (guint i = meeting->leaders->len; i-- > 0;)
    if (g_array_index (meeting->leaders, gint64, i) == person)
      g_array_remove_index (meeting->leaders, i);
  if (gtk_check_button_get_active (check))
    g_array_append_val (meeting->leaders, person);
  changed (self, TRUE);
}

static void
minimum_cb (GtkSpinButton     *spin,
            LlProgrammeWindow *self)
{
  LlPortfolioRule *rule = g_object_get_data (G_OBJECT (spin), "ll-rule");

  rule->minimum = gtk_spin_button_get_value_as_int (spin);
  changed (self, FALSE);
}

static void
required_cb (GtkSwitch         *toggle,
             GParamSpec        *pspec,
             LlProgrammeWindow *self)
{
  LlPortfolioRule *rule = g_object_get_data (G_OBJECT (toggle), "ll-rule");

  rule->minimum = gtk_switch_get_active (toggle) ? 1 : 0;
  changed (self, TRUE);
}

/* The participants, by person, who may have led a meeting. */
static GPtrArray *
participants (LlProgrammeWindow *self)
{
  LlDocumentKind *kind = ll_workbook_find_kind (self->workbook, "portfolio");
  GListModel *documents = kind != NULL ? ll_document_kind_get_documents (kind) : NULL;
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *people = ll_workbook_get_people (self->workbook);

  for (guint i = 0; documents != NULL && i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(LlDocumentInfo) info = g_list_model_get_item (documents, i);
      LlPortfolio *portfolio = ll_workbook_open_portfolio (self->workbook, ll_document_info_get_id (info), NULL);
      gint64 id = portfolio != NULL ? ll_portfolio_get_participant (portfolio)->person_id : 0;

      for (guint p = 0; id > 0 && p < g_list_model_get_n_items (people); p++)
        {
          g_autoptr(LlPerson) person = g_list_model_get_item (people, p);

          if (ll_person_get_id (person) == id)
            g_ptr_array_add (found, g_object_ref (person));
        }
    }
  return found;
}

static void
build (LlProgrammeWindow *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  GtkWidget *about = adw_preferences_group_new ();
  GtkWidget *sessions = adw_preferences_group_new ();
  GtkWidget *meetings = adw_preferences_group_new ();
  GtkWidget *rules = adw_preferences_group_new ();
  g_autoptr(GtkStringList) people_names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) cohort = participants (self);
  GListModel *people = ll_workbook_get_people (self->workbook);
  GtkWidget *facilitator;
  guint chosen = 0;

  adw_preferences_page_set_title (page, _("Programme"));
  adw_preferences_page_set_icon_name (page, "folder-documents-symbolic");

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (about), _("The Programme"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (about),
                                         _("Changes are saved as you make them."));
  text_row (self, about, _("_Title"), self->programme->title, FIELD_TITLE, 0);
  text_row (self, about, _("Certifying _body"), self->programme->certifying_body, FIELD_BODY, 0);
  text_row (self, about, _("_Starts on (YYYY-MM-DD)"), self->programme->start_date, FIELD_START, 0);
  text_row (self, about, _("_Ends on (YYYY-MM-DD)"), self->programme->end_date, FIELD_END, 0);
  text_row (self, about, _("_Cohort"), self->programme->cohort, FIELD_COHORT, 0);
  text_row (self, about, _("_Hub"), self->programme->hub, FIELD_HUB, 0);
  g_array_set_size (self->people, 0);
  gtk_string_list_append (people_names, _("Not chosen"));
  g_array_append_val (self->people, (gint64) { 0 });
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(LlPerson) person = g_list_model_get_item (people, i);
      gint64 id = ll_person_get_id (person);

      gtk_string_list_append (people_names, ll_person_get_name (person));
      g_array_append_val (self->people, id);
      if (id == self->programme->facilitator_id)
        chosen = self->people->len - 1;
    }
  facilitator = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (facilitator), _("_Facilitator"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (facilitator), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (facilitator), G_LIST_MODEL (people_names));
  adw_combo_row_set_selected (ADW_COMBO_ROW (facilitator), chosen);
  g_signal_connect (facilitator, "notify::selected", G_CALLBACK (facilitator_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (about), facilitator);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (about));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (sessions), _("Study Sessions"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (sessions),
                                         _("One a term, facilitated from outside the schools."));
  for (guint i = 0; i < self->programme->sessions->len; i++)
    {
      LlStudySession *session = g_ptr_array_index (self->programme->sessions, i);
      GtkWidget *expander = adw_expander_row_new ();
      GtkWidget *term = adw_combo_row_new ();
      g_autofree char *title = g_strdup_printf (_("Study session %u"), i + 1);
      g_autoptr(GtkStringList) term_names = gtk_string_list_new (NULL);
      guint term_index = 0;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
      if (session->date[0] != '\0')
        {
          g_autofree char *when = ll_date_dup_long (session->date);

          adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), when);
        }
      gtk_string_list_append (term_names, _("Not chosen"));
      gtk_string_list_append (term_names, _("Autumn term"));
      gtk_string_list_append (term_names, _("Spring term"));
      gtk_string_list_append (term_names, _("Summer term"));
      for (guint t = 0; t < G_N_ELEMENTS (terms); t++)
        if (g_strcmp0 (session->term, terms[t]) == 0)
          term_index = t;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (term), _("_Term"));
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (term), TRUE);
      adw_combo_row_set_model (ADW_COMBO_ROW (term), G_LIST_MODEL (term_names));
      adw_combo_row_set_selected (ADW_COMBO_ROW (term), term_index);
      g_object_set_data (G_OBJECT (term), "ll-index", GUINT_TO_POINTER (i));
      g_signal_connect (term, "notify::selected", G_CALLBACK (term_cb), self);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), term);
      text_row (self, expander, _("_Date (YYYY-MM-DD)"), session->date, FIELD_SESSION_DATE, i);
      text_row (self, expander, _("_Host school"), session->host_school, FIELD_SESSION_HOST, i);
      text_row (self, expander, _("T_heme"), session->theme, FIELD_SESSION_THEME, i);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (sessions), expander);
    }
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (sessions));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (meetings), _("Cluster Group Meetings"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (meetings),
                                         _("Six meetings in the participants’ schools, each led by participants."));
  for (guint i = 0; i < self->programme->meetings->len; i++)
    {
      LlClusterMeeting *meeting = g_ptr_array_index (self->programme->meetings, i);
      GtkWidget *expander = adw_expander_row_new ();
      g_autofree char *title = g_strdup_printf (_("Cluster meeting %u"), i + 1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
      if (meeting->date[0] != '\0')
        {
          g_autofree char *when = ll_date_dup_long (meeting->date);

          adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), when);
        }
      text_row (self, expander, _("_Date (YYYY-MM-DD)"), meeting->date, FIELD_MEETING_DATE, i);
      text_row (self, expander, _("_Host school"), meeting->host_school, FIELD_MEETING_HOST, i);
      for (guint p = 0; p < cohort->len; p++)
        {
          LlPerson *person = g_ptr_array_index (cohort, p);
          gint64 id = ll_person_get_id (person);
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *check = gtk_check_button_new ();
          gboolean led = FALSE;
          g_autofree char *row_title = g_strdup_printf (_("Led by %s"), ll_person_get_name (person));

          for (guint l = 0; l < meeting->leaders->len; l++)
            led |= g_array_index (meeting->leaders, gint64, l) == id;
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), row_title);
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), led);
          gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
          g_object_set_data (G_OBJECT (check), "ll-index", GUINT_TO_POINTER (i));
          g_object_set_data_full (G_OBJECT (check), "ll-person", g_memdup2 (&id, sizeof id), g_free);
          g_signal_connect (check, "toggled", G_CALLBACK (leader_toggled_cb), self);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (meetings), expander);
    }
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (meetings));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (rules), _("Certification"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (rules),
                                         _("What each portfolio must show before it is certified."));
  for (guint i = 0; i < self->programme->rules->len; i++)
    {
      LlPortfolioRule *rule = g_ptr_array_index (self->programme->rules, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ll_rule_kind_to_label (rule->kind));
      if (g_str_equal (rule->kind, LL_RULE_OUTCOMES_PRESENTED) || g_str_equal (rule->kind, LL_RULE_ENTRIES_IN_YEAR))
        {
          GtkWidget *toggle = gtk_switch_new ();

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Required"));
          gtk_switch_set_active (GTK_SWITCH (toggle), rule->minimum > 0);
          gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
          g_object_set_data (G_OBJECT (toggle), "ll-rule", rule);
          g_signal_connect (toggle, "notify::active", G_CALLBACK (required_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
        }
      else
        {
          gboolean words = g_str_equal (rule->kind, LL_RULE_STORY_PART_WORDS);
          GtkWidget *spin = gtk_spin_button_new_with_range (0, words ? 5000 : LL_PROGRAMME_N_CLUSTER_MEETINGS,
                                                            words ? 10 : 1);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                       words ? _("Words, at least, in each part") : _("At least"));
          gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), (double) rule->minimum);
          gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
          gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          ll_rule_kind_to_label (rule->kind), -1);
          g_object_set_data (G_OBJECT (spin), "ll-rule", rule);
          g_signal_connect (spin, "value-changed", G_CALLBACK (minimum_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (rules), row);
    }
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (rules));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), page);
}

static gboolean
close_request_cb (GtkWindow *window)
{
  ll_programme_window_flush (LL_PROGRAMME_WINDOW (window));
  return FALSE;
}

static void
ll_programme_window_dispose (GObject *object)
{
  LlProgrammeWindow *self = LL_PROGRAMME_WINDOW (object);

  ll_programme_window_flush (self);
  g_clear_object (&self->workbook);
  g_clear_pointer (&self->programme, ll_programme_free);
  G_OBJECT_CLASS (ll_programme_window_parent_class)->dispose (object);
}

static void
ll_programme_window_finalize (GObject *object)
{
  g_array_unref (LL_PROGRAMME_WINDOW (object)->people);
  G_OBJECT_CLASS (ll_programme_window_parent_class)->finalize (object);
}

static void
ll_programme_window_class_init (LlProgrammeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ll_programme_window_dispose;
  object_class->finalize = ll_programme_window_finalize;
}

static void
ll_programme_window_init (LlProgrammeWindow *self)
{
  self->people = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_window_set_title (GTK_WINDOW (self), _("Programme"));
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 680);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  adw_preferences_window_set_search_enabled (ADW_PREFERENCES_WINDOW (self), FALSE);
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
}

GtkWidget *
ll_programme_window_new (LlWorkbook *workbook)
{
  LlProgrammeWindow *self = g_object_new (LL_TYPE_PROGRAMME_WINDOW, NULL);
  const LlProgramme *programme;

  g_return_val_if_fail (LL_IS_WORKBOOK (workbook), NULL);

  self->workbook = g_object_ref (workbook);
  programme = ll_workbook_get_programme (workbook, NULL);
  if (programme != NULL)
    {
      self->programme = ll_programme_copy (programme);
      build (self);
    }
  return GTK_WIDGET (self);
}
