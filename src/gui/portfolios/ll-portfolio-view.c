/* ll-portfolio-view.c: one participant's evidence portfolio
 *
 * On the left, the requirements of certification as they stand after
 * every edit, each unmet one with a button that goes where the work is,
 * and the contents in their order (the participant's details first, then
 * the entries, each with whether it goes into the printed portfolio). On
 * the right, the entry chosen: its details by kind and its text in the
 * rich-text editor. Above, the status, with Submit for the participant and
 * Verify or Reopen for the tutor. A portfolio that is not in progress is
 * shown as it is, read-only.
 */
#define G_LOG_DOMAIN "ll-portfolios"

#include "config.h"

#include <glib/gi18n.h>

#include "ll-docbook.h"
#include "ll-page-preview.h"
#include "ll-portfolio-view-private.h"
#include "ll-rich-text.h"
#include "ll-term.h"

/* Details typed into the participant's rows wait this long for a pause. */
#define PARTICIPANT_DEBOUNCE_MS 400


G_DEFINE_FINAL_TYPE (LlPortfolioView, ll_portfolio_view, GTK_TYPE_WIDGET)

static void show_entry (LlPortfolioView *self, LlPortfolioEntry *entry);
static void fill_outline (LlPortfolioView *self);
static void update_status (LlPortfolioView *self);

static const LlProgramme *
programme (LlPortfolioView *self)
{
  return self->workbook != NULL ? ll_workbook_get_programme (self->workbook, NULL) : NULL;
}

static void
report (LlPortfolioView *self,
        const GError    *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("The Portfolio Could Not Be Changed"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_ll_portfolio_view_report (LlPortfolioView *self,
                           const GError    *error)
{
  report (self, error);
}

static const char *
person_name (LlPortfolioView *self,
             gint64           id)
{
  GListModel *people = ll_workbook_get_people (self->workbook);

  for (guint i = 0; id > 0 && i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(LlPerson) person = g_list_model_get_item (people, i);

      if (ll_person_get_id (person) == id)
        return ll_person_get_name (person);
    }
  return "";
}

static LlPerson *
find_person (LlPortfolioView *self,
             gint64           id)
{
  GListModel *people = ll_workbook_get_people (self->workbook);

  for (guint i = 0; id > 0 && i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(LlPerson) person = g_list_model_get_item (people, i);

      if (ll_person_get_id (person) == id)
        return person;   /* the workbook keeps it */
    }
  return NULL;
}

/* The requirements ----------------------------------------------------------- */

static void
go_to_requirement (GtkButton       *button,
                   LlPortfolioView *self)
{
  gint64 entry_id = *(gint64 *) g_object_get_data (G_OBJECT (button), "ll-entry");
  LlStoryPart part = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "ll-part"));
  const char *kind = g_object_get_data (G_OBJECT (button), "ll-kind");
  LlPortfolioEntry *entry = NULL;
  g_autoptr(GError) error = NULL;

  if (entry_id != 0)
    entry = ll_portfolio_find_entry (self->portfolio, entry_id);
  else if (part != LL_STORY_NONE)
    entry = ll_portfolio_find_story_part (self->portfolio, part);
  if (entry == NULL && ll_portfolio_get_editable (self->portfolio))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

      /* what is missing is a new entry of its kind */
      if (part != LL_STORY_NONE)
        entry = ll_portfolio_add_entry (self->portfolio, LL_ENTRY_STORY, part, today, &error);
      else if (g_strcmp0 (kind, LL_RULE_CLUSTER_REFLECTIONS) == 0
               || g_strcmp0 (kind, LL_RULE_LED_CLUSTER_REFLECTION) == 0)
        entry = ll_portfolio_add_entry (self->portfolio, LL_ENTRY_CLUSTER_REFLECTION, LL_STORY_NONE, today,
                                        &error);
      else if (g_strcmp0 (kind, LL_RULE_OUTCOMES_PRESENTED) == 0)
        entry = ll_portfolio_add_entry (self->portfolio, LL_ENTRY_STORY, LL_STORY_PRESENTATION, today, &error);
      if (error != NULL)
        report (self, error);
    }
  if (entry != NULL)
    show_entry (self, entry);
}

static GtkWidget *
requirement_row (LlPortfolioView     *self,
                 const LlRequirement *requirement)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (requirement->met ? "emblem-ok-symbolic"
                                                                   : "dialog-warning-symbolic");

  /* what is still to do, in its words; what is done, by what it asked */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), requirement->met ? requirement->label
                                                                             : requirement->missing);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_add_css_class (icon, requirement->met ? "success" : "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  requirement->met ? _("Met") : _("Not met yet"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  if (!requirement->met)
    {
      GtkWidget *go = gtk_button_new_from_icon_name ("go-next-symbolic");
      g_autofree char *label = g_strdup_printf (_("Go to “%s”"), requirement->label);

      gtk_widget_set_valign (go, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (go, "flat");
      gtk_widget_set_tooltip_text (go, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (go), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data_full (G_OBJECT (go), "ll-entry", g_memdup2 (&requirement->target_entry, sizeof (gint64)),
                              g_free);
      g_object_set_data (G_OBJECT (go), "ll-part", GUINT_TO_POINTER (requirement->target_part));
      g_object_set_data_full (G_OBJECT (go), "ll-kind", g_strdup (requirement->kind), g_free);
      g_signal_connect (go, "clicked", G_CALLBACK (go_to_requirement), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), go);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), go);
    }
  return row;
}

static gboolean
check_requirements (gpointer data)
{
  LlPortfolioView *self = data;
  g_autoptr(GPtrArray) requirements = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  GtkWidget *child;

  self->check_id = 0;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->requirements_list))) != NULL)
    gtk_list_box_remove (self->requirements_list, child);
  if (self->portfolio == NULL)
    return G_SOURCE_REMOVE;
  requirements = ll_workbook_check_portfolio (self->workbook, self->portfolio, &error);
  if (requirements == NULL)
    {
      gtk_label_set_text (self->requirements_summary, error->message);
      return G_SOURCE_REMOVE;
    }
  summary = ll_requirements_dup_summary (requirements);
  gtk_label_set_text (self->requirements_summary, summary);
  /* the unmet first: they are the work still to do */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < requirements->len; i++)
      {
        LlRequirement *requirement = g_ptr_array_index (requirements, i);

        if (requirement->met == (pass == 1))
          gtk_list_box_append (self->requirements_list, requirement_row (self, requirement));
      }
  return G_SOURCE_REMOVE;
}

/* Within a frame of the edit, and once for many edits at once. */
static void
queue_check (LlPortfolioView *self)
{
  if (self->check_id == 0)
    self->check_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, check_requirements, self, NULL);
}

/* The contents ----------------------------------------------------------------- */

static char *
entry_subtitle (LlPortfolioView  *self,
                LlPortfolioEntry *entry)
{
  g_autofree char *date = ll_date_dup_long (ll_portfolio_entry_get_text (entry, LL_ENTRY_DATE));
  guint words = ll_portfolio_entry_get_words (entry);
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u word", "%u words", words), words);

  /* TRANSLATORS: an entry's date and length in the portfolio's contents */
  return g_strdup_printf (_("%s · %s"), date, count);
}

static void
update_row (GtkWidget *row)
{
  LlPortfolioView *self = g_object_get_data (G_OBJECT (row), "ll-view");
  LlPortfolioEntry *entry = g_object_get_data (G_OBJECT (row), "ll-entry");
  g_autofree char *heading = ll_portfolio_entry_dup_heading (entry, programme (self));
  g_autofree char *subtitle = entry_subtitle (self, entry);
  GtkWidget *check = g_object_get_data (G_OBJECT (row), "ll-check");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), heading);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  self->loading = TRUE;
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), ll_portfolio_entry_get_included (entry));
  self->loading = FALSE;
  if (ll_portfolio_entry_get_included (entry))
    gtk_widget_remove_css_class (row, "dim-label");
  else
    gtk_widget_add_css_class (row, "dim-label");
}

static void
entry_notify_cb (LlPortfolioEntry *entry,
                 GParamSpec       *pspec,
                 GtkWidget        *row)
{
  LlPortfolioView *self = g_object_get_data (G_OBJECT (row), "ll-view");

  update_row (row);
  if (entry == self->entry && g_str_equal (pspec->name, "words"))
    {
      guint words = ll_portfolio_entry_get_words (entry);
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u word", "%u words", words),
                                               words);

      gtk_label_set_text (self->words_label, text);
    }
  queue_check (self);
}

static void
include_toggled_cb (GtkCheckButton *check,
                    GtkWidget      *row)
{
  LlPortfolioView *self = g_object_get_data (G_OBJECT (row), "ll-view");
  LlPortfolioEntry *entry = g_object_get_data (G_OBJECT (row), "ll-entry");
  g_autoptr(GError) error = NULL;

  if (self->loading)
    return;
  if (!ll_portfolio_set_entry_included (self->portfolio, entry, gtk_check_button_get_active (check), &error))
    {
      report (self, error);
      update_row (row);
    }
}

/* Dragging an entry onto another puts it in that one's place. */
static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkWidget     *row)
{
  LlPortfolioView *self = g_object_get_data (G_OBJECT (row), "ll-view");

  if (!ll_portfolio_get_editable (self->portfolio))
    return NULL;
  return gdk_content_provider_new_typed (LL_TYPE_PORTFOLIO_ENTRY, g_object_get_data (G_OBJECT (row), "ll-entry"));
}

static void
drag_begin_cb (GtkDragSource *source,
               GdkDrag       *drag,
               GtkWidget     *row)
{
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, icon, 0, 0);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GtkWidget     *row)
{
  LlPortfolioView *self = g_object_get_data (G_OBJECT (row), "ll-view");
  LlPortfolioEntry *dropped = g_value_get_object (value);
  LlPortfolioEntry *onto = g_object_get_data (G_OBJECT (row), "ll-entry");
  GListModel *entries = ll_portfolio_get_entries (self->portfolio);
  g_autoptr(GError) error = NULL;
  guint position = G_MAXUINT;

  if (dropped == NULL || dropped == onto)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(LlPortfolioEntry) item = g_list_model_get_item (entries, i);

      if (item == onto)
        position = i;
    }
  if (position == G_MAXUINT)
    return FALSE;
  if (!ll_portfolio_move_entry (self->portfolio, dropped, position, &error))
    {
      report (self, error);
      return FALSE;
    }
  return TRUE;
}

static GtkWidget *
entry_row (LlPortfolioView  *self,
           LlPortfolioEntry *entry)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  g_object_set_data (G_OBJECT (row), "ll-view", self);
  g_object_set_data_full (G_OBJECT (row), "ll-entry", g_object_ref (entry), g_object_unref);
  g_object_set_data (G_OBJECT (row), "ll-check", check);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (check, _("In the printed portfolio"));
  gtk_widget_set_sensitive (check, ll_portfolio_get_editable (self->portfolio));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  update_row (row);
  {
    g_autofree char *label = g_strdup_printf (_("Include “%s” in the printed portfolio"),
                                              adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));

    gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  }
  g_signal_connect (check, "toggled", G_CALLBACK (include_toggled_cb), row);
  g_signal_connect_object (entry, "notify", G_CALLBACK (entry_notify_cb), row, 0);
  {
    GtkDragSource *source = gtk_drag_source_new ();
    GtkDropTarget *target = gtk_drop_target_new (LL_TYPE_PORTFOLIO_ENTRY, GDK_ACTION_MOVE);

    gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
    g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), row);
    g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), row);
    gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));
    g_signal_connect (target, "drop", G_CALLBACK (drop_cb), row);
    gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));
  }
  return row;
}

static void
fill_outline (LlPortfolioView *self)
{
  GListModel *entries;
  GtkWidget *child;
  GtkWidget *about;
  LlPortfolioEntry *shown = self->entry;

  self->loading = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->outline))) != NULL)
    gtk_list_box_remove (self->outline, child);
  self->loading = FALSE;
  if (self->portfolio == NULL)
    return;

  about = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (about), _("The Participant"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (about), _("Their school, role, tutor and work-based activity"));
  adw_action_row_add_prefix (ADW_ACTION_ROW (about), gtk_image_new_from_icon_name ("avatar-default-symbolic"));
  gtk_list_box_append (self->outline, about);

  entries = ll_portfolio_get_entries (self->portfolio);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(LlPortfolioEntry) entry = g_list_model_get_item (entries, i);

      gtk_list_box_append (self->outline, entry_row (self, entry));
    }
  /* the same entry stays chosen, unless it went */
  show_entry (self, shown != NULL && ll_portfolio_find_entry (self->portfolio, ll_portfolio_entry_get_id (shown))
                    != NULL ? shown : NULL);
}

static GtkListBoxRow *
row_of (LlPortfolioView  *self,
        LlPortfolioEntry *entry)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->outline)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_object_get_data (G_OBJECT (child), "ll-entry") == (gpointer) entry)
      return GTK_LIST_BOX_ROW (child);
  return NULL;
}

static void
entries_changed_cb (GListModel      *entries,
                    guint            position,
                    guint            removed,
                    guint            added,
                    LlPortfolioView *self)
{
  fill_outline (self);
  queue_check (self);
}

static void
outline_selected_cb (LlPortfolioView *self,
                     GtkListBoxRow   *row)
{
  LlPortfolioEntry *entry;

  if (self->loading || row == NULL)
    return;
  entry = g_object_get_data (G_OBJECT (row), "ll-entry");
  if (entry != self->entry || gtk_list_box_row_get_index (row) == 0)
    show_entry (self, entry);
}

/* The entry's details -------------------------------------------------------- */

static void
clear_fields (LlPortfolioView *self)
{
  for (guint i = 0; i < self->field_rows->len; i++)
    adw_preferences_group_remove (self->fields_group, g_ptr_array_index (self->field_rows, i));
  g_ptr_array_set_size (self->field_rows, 0);
}

static GtkWidget *
add_field (LlPortfolioView *self,
           GtkWidget       *row,
           const char      *title)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_preferences_group_add (self->fields_group, row);
  g_ptr_array_add (self->field_rows, row);
  return row;
}

static void
text_field_changed_cb (AdwEntryRow     *row,
                       LlPortfolioView *self)
{
  LlEntryText field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "ll-field"));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autoptr(GError) error = NULL;
  gboolean valid = TRUE;

  if (field == LL_ENTRY_DATE || field == LL_ENTRY_PRESENTED)
    {
      LlTerm term;

      valid = (field == LL_ENTRY_PRESENTED && text[0] == '\0') || ll_term_from_date (text, &term);
    }
  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  if (self->loading || self->entry == NULL || !valid)
    return;
  if (!ll_portfolio_set_entry_text (self->portfolio, self->entry, field, text, &error))
    report (self, error);
}

static GtkWidget *
text_field (LlPortfolioView *self,
            LlEntryText      field,
            const char      *title)
{
  GtkWidget *row = add_field (self, adw_entry_row_new (), title);

  g_object_set_data (G_OBJECT (row), "ll-field", GUINT_TO_POINTER (field));
  gtk_editable_set_text (GTK_EDITABLE (row), ll_portfolio_entry_get_text (self->entry, field));
  g_signal_connect (row, "changed", G_CALLBACK (text_field_changed_cb), self);
  return row;
}

static void
session_chosen_cb (AdwComboRow     *row,
                   GParamSpec      *pspec,
                   LlPortfolioView *self)
{
  guint chosen = adw_combo_row_get_selected (row);
  g_autoptr(GError) error = NULL;

  if (self->loading || self->entry == NULL || chosen >= self->sessions->len)
    return;
  if (!ll_portfolio_set_entry_session (self->portfolio, self->entry,
                                       g_array_index (self->sessions, gint64, chosen), &error))
    report (self, error);
}

/* "Study session 2: 14 January 2027, Ashcombe Vale (Questioning)" */
static void
session_field (LlPortfolioView *self,
               gboolean         cluster)
{
  const LlProgramme *shown = programme (self);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *row = add_field (self, adw_combo_row_new (),
                              cluster ? _("Cluster _meeting") : _("Study _session"));
  gint64 chosen = ll_portfolio_entry_get_session (self->entry);
  guint selected = 0;
  GPtrArray *list = shown == NULL ? NULL : cluster ? shown->meetings : shown->sessions;

  g_array_set_size (self->sessions, 0);
  gtk_string_list_append (names, _("Not chosen"));
  g_array_append_val (self->sessions, (gint64) { 0 });
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      const char *date = cluster ? ((LlClusterMeeting *) g_ptr_array_index (list, i))->date
                                 : ((LlStudySession *) g_ptr_array_index (list, i))->date;
      const char *host = cluster ? ((LlClusterMeeting *) g_ptr_array_index (list, i))->host_school
                                 : ((LlStudySession *) g_ptr_array_index (list, i))->host_school;
      gint64 id = cluster ? ((LlClusterMeeting *) g_ptr_array_index (list, i))->id
                          : ((LlStudySession *) g_ptr_array_index (list, i))->id;
      g_autofree char *when = date[0] != '\0' ? ll_date_dup_long (date) : g_strdup (_("date to come"));
      g_autofree char *name = NULL;

      if (cluster)
        /* TRANSLATORS: a cluster group meeting: its number, date and host school */
        name = g_strdup_printf (_("Meeting %u: %s, %s"), i + 1, when, host[0] != '\0' ? host : _("host to come"));
      else
        /* TRANSLATORS: a study session: its number, date and host school */
        name = g_strdup_printf (_("Session %u: %s, %s"), i + 1, when, host[0] != '\0' ? host : _("host to come"));
      gtk_string_list_append (names, name);
      g_array_append_val (self->sessions, id);
      if (id == chosen)
        selected = i + 1;
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  g_signal_connect (row, "notify::selected", G_CALLBACK (session_chosen_cb), self);
}

static void
led_toggled_cb (GtkSwitch       *toggle,
                GParamSpec      *pspec,
                LlPortfolioView *self)
{
  g_autoptr(GError) error = NULL;

  if (self->loading || self->entry == NULL)
    return;
  if (!ll_portfolio_set_entry_led (self->portfolio, self->entry, gtk_switch_get_active (toggle), &error))
    report (self, error);
}

static void
included_toggled_cb (GtkSwitch       *toggle,
                     GParamSpec      *pspec,
                     LlPortfolioView *self)
{
  g_autoptr(GError) error = NULL;

  if (self->loading || self->entry == NULL)
    return;
  if (!ll_portfolio_set_entry_included (self->portfolio, self->entry, gtk_switch_get_active (toggle), &error))
    report (self, error);
}

static void
switch_field (LlPortfolioView *self,
              const char      *title,
              const char      *subtitle,
              gboolean         active,
              GCallback        toggled)
{
  GtkWidget *row = add_field (self, adw_action_row_new (), title);
  GtkWidget *toggle = gtk_switch_new ();

  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (toggle), active);
  g_signal_connect (toggle, "notify::active", toggled, self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
}

static const char *
entry_hint (LlPortfolioEntry *entry)
{
  switch (ll_portfolio_entry_get_kind (entry))
    {
    case LL_ENTRY_SESSION_REFLECTION:
      return _("What the session asked you to think about, what you took from it, and what you tried "
               "afterwards.");
    case LL_ENTRY_CLUSTER_REFLECTION:
      return _("What was shared and discussed, what you learnt from the others, and, if you led it, how "
               "leading it went.");
    case LL_ENTRY_STORY:
      switch (ll_portfolio_entry_get_part (entry))
        {
        case LL_STORY_PRIORITY:
          return _("The priority of your school that the activity serves, and why it matters to pupils.");
        case LL_STORY_AGREEMENT:
          return _("How you agreed the activity with the senior leadership team, and what they expected.");
        case LL_STORY_ACTION:
          return _("What you did, with whom, and when: the steps of the activity as they happened.");
        case LL_STORY_IMPACT:
          return _("What changed, and how you know: the evidence, and what it does and does not show.");
        case LL_STORY_LEARNING:
          return _("What leading the activity taught you about leadership, and about yourself as a leader.");
        case LL_STORY_NEXT_STEPS:
          return _("What happens next, so that the change lasts beyond the programme.");
        case LL_STORY_PRESENTATION:
          return _("How you presented the outcomes to staff, and what they said.");
        case LL_STORY_N_PARTS:
        default:
          return "";
        }
    case LL_ENTRY_TUTORIAL:
      return _("What you discussed with your tutor, and what you agreed.");
    case LL_ENTRY_REFLECTION:
    case LL_ENTRY_N_KINDS:
    default:
      return _("Anything else you have learnt on the programme.");
    }
}

static void
show_entry_fields (LlPortfolioView *self)
{
  LlPortfolioEntry *entry = self->entry;
  LlEntryKind kind = ll_portfolio_entry_get_kind (entry);
  g_autofree char *heading = ll_portfolio_entry_dup_heading (entry, programme (self));
  g_autofree char *fragment = NULL;
  guint words = ll_portfolio_entry_get_words (entry);
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u word", "%u words", words), words);

  gtk_label_set_text (self->heading_label, heading);
  adw_preferences_group_set_description (self->fields_group, entry_hint (entry));
  text_field (self, LL_ENTRY_DATE, _("_Date (YYYY-MM-DD)"));
  if (kind == LL_ENTRY_SESSION_REFLECTION)
    session_field (self, FALSE);
  else if (kind == LL_ENTRY_CLUSTER_REFLECTION)
    {
      session_field (self, TRUE);
      switch_field (self, _("I _led this meeting"), _("One of the three cluster reflections must be on a meeting you led"),
                    ll_portfolio_entry_get_led (entry), G_CALLBACK (led_toggled_cb));
    }
  else if (kind == LL_ENTRY_STORY && ll_portfolio_entry_get_part (entry) == LL_STORY_PRESENTATION)
    {
      text_field (self, LL_ENTRY_PRESENTED, _("_Presented to staff on (YYYY-MM-DD)"));
      text_field (self, LL_ENTRY_AUDIENCE, _("_Audience"));
    }
  else if (kind == LL_ENTRY_REFLECTION || kind == LL_ENTRY_TUTORIAL)
    text_field (self, LL_ENTRY_TITLE, _("_Title (optional)"));
  switch_field (self, _("_In the printed portfolio"), _("Entries left out stay here, for you"),
                ll_portfolio_entry_get_included (entry), G_CALLBACK (included_toggled_cb));

  ll_rich_text_set_fragment (self->body_text, ll_portfolio_entry_get_text (entry, LL_ENTRY_BODY), NULL, NULL);
  ll_rich_text_set_accessible_label (self->body_text, heading);
  gtk_label_set_text (self->words_label, count);
}

/* The copy submitted, beside the text now ------------------------------------------ */

static void
fill_submitted (LlPortfolioView *self)
{
  guint number = self->portfolio != NULL ? ll_portfolio_get_n_submissions (self->portfolio) : 0;
  gboolean shown = number > 0 && self->entry != NULL && gtk_toggle_button_get_active (self->compare_button);
  g_autoptr(LlPortfolioSubmission) submission = NULL;
  g_autofree char *body = NULL;
  g_autofree char *label = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->compare_button), number > 0 && self->entry != NULL);
  gtk_widget_set_visible (self->submitted_box, shown);
  if (!shown)
    return;
  submission = ll_portfolio_dup_submission (self->portfolio, number, NULL);
  if (submission != NULL)
    body = ll_portfolio_submission_dup_entry_text (submission, ll_portfolio_entry_get_id (self->entry), "body");
  if (submission == NULL)
    label = g_strdup (_("The copy submitted could not be read."));
  else if (body == NULL)
    /* TRANSLATORS: %u is the number of the copy submitted */
    label = g_strdup_printf (_("Not in copy %u: it was written since, or left out of print."), number);
  else if (submission->verified[0] != '\0')
    label = g_strdup_printf (_("As verified, in copy %u"), number);
  else
    label = g_strdup_printf (_("As submitted, in copy %u"), number);
  gtk_label_set_text (self->submitted_label, label);
  ll_rich_text_set_fragment (self->submitted_text, body != NULL ? body : "", NULL, NULL);
  ll_rich_text_set_accessible_label (self->submitted_text, label);
}

static void
compare_toggled_cb (LlPortfolioView *self,
                    GtkToggleButton *button)
{
  fill_submitted (self);
}

/* The participant's details --------------------------------------------------- */

static gboolean
write_participant (gpointer data)
{
  LlPortfolioView *self = data;
  g_autoptr(GError) error = NULL;

  self->participant_id = 0;
  if (self->participant == NULL || self->portfolio == NULL)
    return G_SOURCE_REMOVE;
  if (!ll_workbook_update_participant (self->workbook, self->portfolio, self->participant, &error))
    report (self, error);
  g_clear_pointer (&self->participant, ll_participant_free);
  update_status (self);
  return G_SOURCE_REMOVE;
}

void
ll_portfolio_view_flush (LlPortfolioView *self)
{
  g_return_if_fail (LL_IS_PORTFOLIO_VIEW (self));

  if (self->participant_id != 0)
    {
      g_source_remove (self->participant_id);
      write_participant (self);
    }
}

/* The participant as edited so far, to change. */
static LlParticipant *
edited_participant (LlPortfolioView *self)
{
  if (self->participant == NULL)
    self->participant = ll_participant_copy (ll_portfolio_get_participant (self->portfolio));
  return self->participant;
}

static void
participant_changed (LlPortfolioView *self,
                     gboolean         now)
{
  if (self->participant_id != 0)
    g_source_remove (self->participant_id);
  self->participant_id = 0;
  if (now)
    write_participant (self);
  else
    self->participant_id = g_timeout_add (PARTICIPANT_DEBOUNCE_MS, write_participant, self);
}

static void
participant_text_cb (AdwEntryRow     *row,
                     LlPortfolioView *self)
{
  const char *field = g_object_get_data (G_OBJECT (row), "ll-field");
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  LlParticipant *participant;

  if (self->loading || self->portfolio == NULL)
    return;
  if (g_str_equal (field, "name"))
    {
      LlPerson *person = find_person (self, ll_portfolio_get_participant (self->portfolio)->person_id);
      g_autofree char *name = g_strstrip (g_strdup (text));

      if (person != NULL && name[0] != '\0')
        {
          ll_person_set_name (person, name);
          gtk_label_set_text (self->title_label, name);
        }
      return;
    }
  participant = edited_participant (self);
  if (g_str_equal (field, "school"))
    {
      g_free (participant->school);
      participant->school = g_strdup (text);
    }
  else if (g_str_equal (field, "focus-other"))
    {
      g_free (participant->focus_other);
      participant->focus_other = g_strdup (text);
    }
  else
    {
      g_free (participant->activity_with);
      participant->activity_with = g_strdup (text);
    }
  participant_changed (self, FALSE);
}

static void show_participant_fields (LlPortfolioView *self);

static void
participant_choice_cb (AdwComboRow     *row,
                       GParamSpec      *pspec,
                       LlPortfolioView *self)
{
  const char *field = g_object_get_data (G_OBJECT (row), "ll-field");
  guint chosen = adw_combo_row_get_selected (row);
  LlParticipant *participant;

  if (self->loading || self->portfolio == NULL || chosen == GTK_INVALID_LIST_POSITION)
    return;
  participant = edited_participant (self);
  if (g_str_equal (field, "role"))
    participant->role = (LlParticipantRole) chosen;
  else if (g_str_equal (field, "tutor") && chosen < self->people->len)
    participant->tutor_id = g_array_index (self->people, gint64, chosen);
  else if (g_str_equal (field, "focus"))
    participant->focus = (LlFocusArea) chosen;
  else if (g_str_equal (field, "activity"))
    participant->activity = (LlActivityMode) chosen;
  participant_changed (self, TRUE);
  /* "other" and "with whom" come and go with the choice */
  if (g_str_equal (field, "focus") || g_str_equal (field, "activity"))
    show_participant_fields (self);
}

static GtkWidget *
participant_entry (LlPortfolioView *self,
                   const char      *field,
                   const char      *title,
                   const char      *text)
{
  GtkWidget *row = add_field (self, adw_entry_row_new (), title);

  g_object_set_data (G_OBJECT (row), "ll-field", (gpointer) field);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  g_signal_connect (row, "changed", G_CALLBACK (participant_text_cb), self);
  return row;
}

static GtkWidget *
participant_combo (LlPortfolioView *self,
                   const char      *field,
                   const char      *title,
                   GtkStringList   *choices,
                   guint            selected)
{
  GtkWidget *row = add_field (self, adw_combo_row_new (), title);

  g_object_set_data (G_OBJECT (row), "ll-field", (gpointer) field);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (choices));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  g_signal_connect (row, "notify::selected", G_CALLBACK (participant_choice_cb), self);
  return row;
}

static void
show_participant_fields (LlPortfolioView *self)
{
  const LlParticipant *participant = self->participant != NULL ? self->participant
                                     : ll_portfolio_get_participant (self->portfolio);
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) tutors = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) areas = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) modes = gtk_string_list_new (NULL);
  GListModel *people = ll_workbook_get_people (self->workbook);
  guint tutor = 0;

  self->loading = TRUE;
  clear_fields (self);
  gtk_label_set_text (self->heading_label, _("The Participant"));
  adw_preferences_group_set_description (self->fields_group,
                                         _("Who the portfolio is of, and the work-based activity it tells "
                                           "the story of."));
  participant_entry (self, "name", _("_Name"), person_name (self, participant->person_id));
  participant_entry (self, "school", _("_School"), participant->school);
  for (LlParticipantRole role = 0; role < LL_PARTICIPANT_N_ROLES; role++)
    gtk_string_list_append (roles, ll_participant_role_to_label (role));
  participant_combo (self, "role", _("_Role"), roles, participant->role);

  g_array_set_size (self->people, 0);
  gtk_string_list_append (tutors, _("Not chosen"));
  g_array_append_val (self->people, (gint64) { 0 });
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(LlPerson) person = g_list_model_get_item (people, i);
      gint64 id = ll_person_get_id (person);

      if (id == participant->person_id)
        continue;
      gtk_string_list_append (tutors, ll_person_get_name (person));
      g_array_append_val (self->people, id);
      if (id == participant->tutor_id)
        tutor = self->people->len - 1;
    }
  participant_combo (self, "tutor", _("_Tutor"), tutors, tutor);

  for (LlFocusArea area = 0; area < LL_FOCUS_N_AREAS; area++)
    gtk_string_list_append (areas, ll_focus_area_to_label (area));
  participant_combo (self, "focus", _("Area of _focus"), areas, participant->focus);
  if (participant->focus == LL_FOCUS_OTHER)
    participant_entry (self, "focus-other", _("The area of focus, in your _words"), participant->focus_other);

  for (LlActivityMode mode = 0; mode < LL_ACTIVITY_N_MODES; mode++)
    gtk_string_list_append (modes, ll_activity_mode_to_label (mode));
  participant_combo (self, "activity", _("The work-based _activity is done"), modes, participant->activity);
  if (participant->activity != LL_ACTIVITY_ALONE)
    participant_entry (self, "activity-with", _("_With whom"), participant->activity_with);
  self->loading = FALSE;
}

/* Showing an entry, or the participant ------------------------------------------ */

static void
update_editable (LlPortfolioView *self)
{
  gboolean editable = self->portfolio != NULL && ll_portfolio_get_editable (self->portfolio);

  gtk_widget_set_sensitive (GTK_WIDGET (self->fields_group), editable);
  ll_rich_text_set_editable (self->body_text, editable);
  gtk_widget_set_visible (self->remove_button, editable && self->entry != NULL);
  gtk_widget_set_sensitive (self->add_button, editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "portfolio.add-entry", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "portfolio.remove-entry", editable && self->entry != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "portfolio.move-up", editable && self->entry != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "portfolio.move-down", editable && self->entry != NULL);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->outline)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *check = g_object_get_data (G_OBJECT (child), "ll-check");

      if (check != NULL)
        gtk_widget_set_sensitive (check, editable);
    }
}

static void
show_entry (LlPortfolioView  *self,
            LlPortfolioEntry *entry)
{
  GtkListBoxRow *row;

  ll_portfolio_view_flush (self);
  g_set_object (&self->entry, entry);
  self->loading = TRUE;
  clear_fields (self);
  if (entry == NULL)
    {
      self->loading = FALSE;
      gtk_widget_set_visible (self->body_frame, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->words_label), FALSE);
      if (self->portfolio != NULL)
        show_participant_fields (self);
      row = gtk_list_box_get_row_at_index (self->outline, 0);
    }
  else
    {
      gtk_widget_set_visible (self->body_frame, TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->words_label), TRUE);
      show_entry_fields (self);
      self->loading = FALSE;
      row = row_of (self, entry);
    }
  self->loading = TRUE;
  gtk_list_box_select_row (self->outline, row);
  self->loading = FALSE;
  update_editable (self);
  fill_submitted (self);
  _ll_portfolio_view_fill_evidence (self);
}

/* Status ------------------------------------------------------------------------ */

static void
update_status (LlPortfolioView *self)
{
  const LlParticipant *participant;
  LlPortfolioStatus status;
  g_autofree char *subtitle = NULL;
  g_autofree char *locked = NULL;
  const char *school;

  if (self->portfolio == NULL)
    return;
  participant = ll_portfolio_get_participant (self->portfolio);
  status = ll_portfolio_get_status (self->portfolio);
  gtk_label_set_text (self->title_label, person_name (self, participant->person_id)[0] != '\0'
                                         ? person_name (self, participant->person_id) : _("Unnamed participant"));
  school = participant->school != NULL && participant->school[0] != '\0' ? participant->school : NULL;
  /* TRANSLATORS: under a participant's name: their role, school and where the portfolio stands */
  subtitle = school != NULL ? g_strdup_printf (_("%s at %s · %s"), ll_participant_role_to_label (participant->role),
                                               school, ll_portfolio_status_to_label (status))
                            : g_strdup_printf (_("%s · %s"), ll_participant_role_to_label (participant->role),
                                               ll_portfolio_status_to_label (status));
  gtk_label_set_text (self->subtitle_label, subtitle);

  gtk_widget_set_visible (self->submit_button, status == LL_PORTFOLIO_IN_PROGRESS);
  gtk_widget_set_visible (self->verify_button, status == LL_PORTFOLIO_SUBMITTED);
  gtk_widget_set_visible (self->reopen_button, status == LL_PORTFOLIO_SUBMITTED);
  if (status != LL_PORTFOLIO_IN_PROGRESS)
    {
      guint number = ll_portfolio_get_n_submissions (self->portfolio);
      g_autoptr(LlPortfolioSubmission) submission = number > 0
        ? ll_portfolio_dup_submission (self->portfolio, number, NULL) : NULL;
      g_autoptr(GDateTime) when = submission != NULL ? g_date_time_new_from_iso8601 (submission->submitted, NULL) : NULL;
      g_autofree char *date = when != NULL ? g_date_time_format (when, "%Y-%m-%d") : NULL;
      g_autofree char *long_date = date != NULL ? ll_date_dup_long (date) : g_strdup ("");

      if (status == LL_PORTFOLIO_SUBMITTED)
        /* TRANSLATORS: the number of the copy submitted, and the day it was submitted */
        locked = g_strdup_printf (_("Submitted for verification (copy %u, %s). It stays as it was submitted "
                                    "until the tutor verifies it or reopens it for changes."),
                                  number, long_date);
      else if (status == LL_PORTFOLIO_VERIFIED && submission != NULL)
        {
          g_autoptr(GDateTime) verified = g_date_time_new_from_iso8601 (submission->verified, NULL);
          g_autofree char *verified_date = verified != NULL ? g_date_time_format (verified, "%Y-%m-%d") : NULL;
          g_autofree char *verified_long = verified_date != NULL ? ll_date_dup_long (verified_date) : g_strdup ("");

          /* TRANSLATORS: who verified the portfolio, when, and what they wrote */
          locked = g_strdup_printf (_("Verified by %s on %s: “%s”"), submission->verified_by, verified_long,
                                    submission->statement);
        }
      else
        locked = g_strdup (_("Certified. The portfolio is kept as it was verified."));
    }
  gtk_label_set_text (self->locked_label, locked != NULL ? locked : "");
  gtk_revealer_set_reveal_child (self->locked_revealer, locked != NULL);
  update_editable (self);
  fill_submitted (self);
  _ll_portfolio_view_fill_evidence (self);
}

static void
portfolio_notify_cb (LlPortfolio     *portfolio,
                     GParamSpec      *pspec,
                     LlPortfolioView *self)
{
  update_status (self);
  queue_check (self);
}

static void
submit_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    LlPortfolioView  *self)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "submit") || self->portfolio == NULL)
    return;
  ll_portfolio_view_flush (self);
  if (ll_portfolio_submit (self->portfolio, &error) == 0)
    report (self, error);
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LlPortfolioView *self = LL_PORTFOLIO_VIEW (widget);
  g_autoptr(GPtrArray) requirements = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *body = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  if (self->portfolio == NULL)
    return;
  requirements = ll_workbook_check_portfolio (self->workbook, self->portfolio, NULL);
  summary = requirements != NULL ? ll_requirements_dup_summary (requirements) : g_strdup ("");
  if (requirements != NULL && ll_requirements_all_met (requirements))
    body = g_strdup_printf (_("Every requirement is met. A copy of the portfolio exactly as it is now is kept "
                              "for your tutor, and the portfolio cannot be changed until your tutor verifies "
                              "it or reopens it."));
  else
    /* TRANSLATORS: %s is "4 of 11 requirements met" */
    body = g_strdup_printf (_("%s. A copy of the portfolio exactly as it is now is kept for your tutor, and the "
                              "portfolio cannot be changed until your tutor verifies it or reopens it."),
                            summary);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Submit the Portfolio?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "submit", _("_Submit"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "submit", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "submit");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (submit_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
reopen_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    LlPortfolioView  *self)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "reopen") && self->portfolio != NULL
      && !ll_portfolio_reopen (self->portfolio, &error))
    report (self, error);
}

static void
reopen_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Reopen the Portfolio for Changes?"),
                                   _("The participant can change it again and submit it anew. The copy submitted "
                                     "is kept, unchanged."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "reopen", _("_Reopen"), NULL);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (reopen_response_cb), widget);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
verify_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    LlPortfolioView  *self)
{
  GtkEditable *name = g_object_get_data (G_OBJECT (dialog), "ll-name");
  GtkEditable *statement = g_object_get_data (G_OBJECT (dialog), "ll-statement");
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "verify") && self->portfolio != NULL
      && !ll_portfolio_verify (self->portfolio, gtk_editable_get_text (statement), gtk_editable_get_text (name),
                               &error))
    report (self, error);
}

static void
verify_fields_changed_cb (GtkEditable      *editable,
                          AdwMessageDialog *dialog)
{
  GtkEditable *name = g_object_get_data (G_OBJECT (dialog), "ll-name");
  GtkEditable *statement = g_object_get_data (G_OBJECT (dialog), "ll-statement");
  g_autofree char *who = g_strstrip (g_strdup (gtk_editable_get_text (name)));
  g_autofree char *what = g_strstrip (g_strdup (gtk_editable_get_text (statement)));

  adw_message_dialog_set_response_enabled (dialog, "verify", who[0] != '\0' && what[0] != '\0');
}

static void
verify_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LlPortfolioView *self = LL_PORTFOLIO_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog, *list, *name, *statement;

  if (self->portfolio == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Verify the Portfolio"),
                                   _("Record that the copy submitted meets the programme’s requirements. The "
                                     "statement and your name are kept with it."));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  statement = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (statement), _("_Statement"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (statement), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (statement),
                         _("I have read this portfolio and it meets the requirements of the programme."));
  name = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name), _("Tutor’s _name"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (name), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (name), person_name (self, ll_portfolio_get_participant (self->portfolio)->tutor_id));
  gtk_list_box_append (GTK_LIST_BOX (list), statement);
  gtk_list_box_append (GTK_LIST_BOX (list), name);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  g_object_set_data (G_OBJECT (dialog), "ll-name", name);
  g_object_set_data (G_OBJECT (dialog), "ll-statement", statement);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "verify", _("_Verify"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "verify", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (name, "changed", G_CALLBACK (verify_fields_changed_cb), dialog);
  g_signal_connect (statement, "changed", G_CALLBACK (verify_fields_changed_cb), dialog);
  verify_fields_changed_cb (GTK_EDITABLE (name), ADW_MESSAGE_DIALOG (dialog));
  g_signal_connect (dialog, "response", G_CALLBACK (verify_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Entries: add, remove, move ------------------------------------------------------- */

static void
add_entry_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LlPortfolioView *self = LL_PORTFOLIO_VIEW (widget);
  const char *what = g_variant_get_string (parameter, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GError) error = NULL;
  LlStoryPart part = LL_STORY_NONE;
  LlEntryKind kind = LL_ENTRY_REFLECTION;
  LlPortfolioEntry *entry;

  if (self->portfolio == NULL)
    return;
  if (g_str_has_prefix (what, "story:"))
    {
      kind = LL_ENTRY_STORY;
      if (!ll_story_part_from_id (what + strlen ("story:"), &part))
        return;
      /* a story has each part once: going there is what is asked */
      entry = ll_portfolio_find_story_part (self->portfolio, part);
      if (entry != NULL)
        {
          show_entry (self, entry);
          return;
        }
    }
  else if (!ll_entry_kind_from_id (what, &kind))
    return;
  entry = ll_portfolio_add_entry (self->portfolio, kind, part, today, &error);
  if (entry == NULL)
    {
      report (self, error);
      return;
    }
  show_entry (self, entry);
  gtk_widget_grab_focus (GTK_WIDGET (ll_rich_text_get_text_view (self->body_text)));
}

static void
remove_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    LlPortfolioView  *self)
{
  LlPortfolioEntry *entry = g_object_get_data (G_OBJECT (dialog), "ll-entry");
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "remove") || self->portfolio == NULL
      || ll_portfolio_find_entry (self->portfolio, ll_portfolio_entry_get_id (entry)) == NULL)
    return;
  if (entry == self->entry)
    show_entry (self, NULL);
  if (!ll_portfolio_remove_entry (self->portfolio, entry, &error))
    report (self, error);
}

static void
remove_entry_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LlPortfolioView *self = LL_PORTFOLIO_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *heading = NULL;
  g_autofree char *question = NULL;
  GtkWidget *dialog;

  if (self->entry == NULL)
    return;
  heading = ll_portfolio_entry_dup_heading (self->entry, programme (self));
  question = g_strdup_printf (_("Remove “%s”?"), heading);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, question,
                                   _("Its text goes with it. To keep it out of the printed portfolio only, "
                                     "untick it in the contents instead."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "remove", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "ll-entry", g_object_ref (self->entry), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (remove_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LlPortfolioView *self = LL_PORTFOLIO_VIEW (widget);
  g_autoptr(LlPortfolioEntry) entry = self->entry != NULL ? g_object_ref (self->entry) : NULL;
  GListModel *entries;
  g_autoptr(GError) error = NULL;
  guint position = G_MAXUINT;
  GtkListBoxRow *row;

  if (entry == NULL || self->portfolio == NULL)
    return;
  entries = ll_portfolio_get_entries (self->portfolio);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(LlPortfolioEntry) item = g_list_model_get_item (entries, i);

      if (item == entry)
        position = i;
    }
  if (position == G_MAXUINT)
    return;
  if (g_str_equal (action_name, "portfolio.move-up"))
    {
      if (position == 0)
        return;
      position--;
    }
  else if (++position >= g_list_model_get_n_items (entries))
    return;
  if (!ll_portfolio_move_entry (self->portfolio, entry, position, &error))
    {
      report (self, error);
      return;
    }
  /* the keyboard stays on the entry moved */
  row = row_of (self, entry);
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* The text --------------------------------------------------------------------- */

static void
body_changed_cb (LlPortfolioView *self,
                 LlRichText      *text)
{
  g_autofree char *fragment = NULL;
  g_autoptr(GError) error = NULL;

  if (self->loading || self->entry == NULL)
    return;
  fragment = ll_rich_text_get_fragment (text, NULL);
  if (fragment != NULL && !ll_portfolio_set_entry_text (self->portfolio, self->entry, LL_ENTRY_BODY, fragment, &error))
    report (self, error);
}

/* The preview ------------------------------------------------------------------ */

static void
preview_toggled_cb (LlPortfolioView *self,
                    GtkToggleButton *button)
{
  g_autoptr(GError) error = NULL;
  LlDoc *doc = NULL;

  if (gtk_toggle_button_get_active (button) && self->portfolio != NULL)
    {
      ll_portfolio_view_flush (self);
      ll_workbook_flush (self->workbook, NULL);
      doc = ll_docbook_build_doc (self->workbook, ll_portfolio_get_id (self->portfolio), &error);
      if (doc == NULL)
        {
          report (self, error);
          gtk_toggle_button_set_active (button, FALSE);
          return;
        }
      ll_page_preview_set_doc (self->preview, doc);
      ll_doc_free (doc);
      gtk_stack_set_visible_child_name (self->body_stack, "preview");
    }
  else
    {
      gtk_stack_set_visible_child_name (self->body_stack, "edit");
      ll_page_preview_set_doc (self->preview, NULL);
    }
}

/* The portfolio ------------------------------------------------------------------ */

static void
disconnect_portfolio (LlPortfolioView *self)
{
  if (self->portfolio == NULL)
    return;
  ll_portfolio_view_flush (self);
  g_clear_signal_handler (&self->status_handler, self->portfolio);
  g_clear_signal_handler (&self->editable_handler, self->portfolio);
  g_clear_signal_handler (&self->entries_handler, ll_portfolio_get_entries (self->portfolio));
}

void
ll_portfolio_view_set_portfolio (LlPortfolioView *self,
                                 LlWorkbook      *workbook,
                                 LlPortfolio     *portfolio)
{
  g_return_if_fail (LL_IS_PORTFOLIO_VIEW (self));

  disconnect_portfolio (self);
  gtk_toggle_button_set_active (self->preview_button, FALSE);
  g_clear_object (&self->entry);
  g_set_object (&self->workbook, workbook);
  g_set_object (&self->portfolio, portfolio);
  if (portfolio != NULL)
    {
      self->status_handler = g_signal_connect (portfolio, "notify::status", G_CALLBACK (portfolio_notify_cb), self);
      self->editable_handler = g_signal_connect (portfolio, "notify::editable", G_CALLBACK (portfolio_notify_cb),
                                                 self);
      self->entries_handler = g_signal_connect (ll_portfolio_get_entries (portfolio), "items-changed",
                                                G_CALLBACK (entries_changed_cb), self);
    }
  fill_outline (self);
  update_status (self);
  queue_check (self);
}

LlPortfolio *
ll_portfolio_view_get_portfolio (LlPortfolioView *self)
{
  g_return_val_if_fail (LL_IS_PORTFOLIO_VIEW (self), NULL);
  return self->portfolio;
}

LlPortfolioEntry *
ll_portfolio_view_get_entry (LlPortfolioView *self)
{
  g_return_val_if_fail (LL_IS_PORTFOLIO_VIEW (self), NULL);
  return self->entry;
}

void
ll_portfolio_view_show_entry (LlPortfolioView  *self,
                              LlPortfolioEntry *entry)
{
  g_return_if_fail (LL_IS_PORTFOLIO_VIEW (self));
  show_entry (self, entry);
}

GtkWidget *
ll_portfolio_view_new (void)
{
  return g_object_new (LL_TYPE_PORTFOLIO_VIEW, NULL);
}

static void
ll_portfolio_view_dispose (GObject *object)
{
  LlPortfolioView *self = LL_PORTFOLIO_VIEW (object);
  GtkWidget *child;

  disconnect_portfolio (self);
  _ll_portfolio_view_dispose_evidence (self);
  g_clear_handle_id (&self->check_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), LL_TYPE_PORTFOLIO_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->entry);
  g_clear_object (&self->portfolio);
  g_clear_object (&self->workbook);
  g_clear_pointer (&self->participant, ll_participant_free);
  G_OBJECT_CLASS (ll_portfolio_view_parent_class)->dispose (object);
}

static void
ll_portfolio_view_finalize (GObject *object)
{
  LlPortfolioView *self = LL_PORTFOLIO_VIEW (object);

  g_ptr_array_unref (self->field_rows);
  g_array_unref (self->people);
  g_array_unref (self->sessions);
  G_OBJECT_CLASS (ll_portfolio_view_parent_class)->finalize (object);
}

static void
ll_portfolio_view_class_init (LlPortfolioViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ll_portfolio_view_dispose;
  object_class->finalize = ll_portfolio_view_finalize;

  g_type_ensure (LL_TYPE_RICH_TEXT);
  g_type_ensure (LL_TYPE_PAGE_PREVIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/leadinglearning/LeadingLearning/ll-portfolio-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LlPortfolioView, title_label);
  gtk_widget_class_bind_template_child (widget_class, LlPortfolioView, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, LlPortfolioView, submit_button);
  gtk_widget_class_bind_template_child (widget_class, LlPortfolioView, verify_button);
  gtk_widget_class_bind_template_child (widget_class, LlPortfolioView, reopen_button);
  gtk_widget_class_bind_template_child (widget_class, LlPortfolioView, locked_revealer);
  gtk_widget_class_bind_template_child (widget_class, LlPortfolioView, locked_label);
  gtk_widget_class_bind_template_child (widget_class, LlPortfolioView, requirements_summary);
  gtk_widget_class_bind_template_child (widget_class, LlPortfolioView, requirements_list);
  gtk_widget_class_bind_template_child (widget_class, LlPortfolioView, add_button);
  gtk_widget_class_bind_template_child (widget_class, LlPortfolioView, outline);
  gtk_widget_class_bind_template_child (widget_class, LlPortfolioView, heading_label);
  gtk_widget_class_bind_template_child (widget_class, LlPortfolioView, fields_group);
  gtk_widget_class_bind_template_child (widget_class, LlPortfolioView, body_frame);
  gtk_widget_class_bind_template_child (widget_class, LlPortfolioView, body_text);
  gtk_widget_class_bind_template_child (widget_class, LlPortfolioView, words_label);
  gtk_widget_class_bind_template_child (widget_class, LlPortfolioView, remove_button);
  gtk_widget_class_bind_template_child (widget_class, LlPortfolioView, preview_button);
  gtk_widget_class_bind_template_child (widget_class, LlPortfolioView, compare_button);
  gtk_widget_class_bind_template_child (widget_class, LlPortfolioView, evidence_group);
  gtk_widget_class_bind_template_child (widget_class, LlPortfolioView, add_evidence_button);
  gtk_widget_class_bind_template_child (widget_class, LlPortfolioView, submitted_box);
  gtk_widget_class_bind_template_child (widget_class, LlPortfolioView, submitted_label);
  gtk_widget_class_bind_template_child (widget_class, LlPortfolioView, submitted_text);
  gtk_widget_class_bind_template_callback (widget_class, compare_toggled_cb);
  gtk_widget_class_bind_template_child (widget_class, LlPortfolioView, body_stack);
  gtk_widget_class_bind_template_child (widget_class, LlPortfolioView, preview);
  gtk_widget_class_bind_template_callback (widget_class, outline_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, preview_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, body_changed_cb);

  gtk_widget_class_install_action (widget_class, "portfolio.submit", NULL, submit_action);
  gtk_widget_class_install_action (widget_class, "portfolio.verify", NULL, verify_action);
  gtk_widget_class_install_action (widget_class, "portfolio.reopen", NULL, reopen_action);
  gtk_widget_class_install_action (widget_class, "portfolio.add-entry", "s", add_entry_action);
  gtk_widget_class_install_action (widget_class, "portfolio.remove-entry", NULL, remove_entry_action);
  gtk_widget_class_install_action (widget_class, "portfolio.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "portfolio.move-down", NULL, move_action);
  _ll_portfolio_view_class_init_evidence (widget_class);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ll_portfolio_view_init (LlPortfolioView *self)
{
  self->field_rows = g_ptr_array_new ();
  self->people = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->sessions = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
  _ll_portfolio_view_init_evidence (self);
  /* in the contents, Alt+Up and Alt+Down move the entry chosen */
  {
    GtkEventController *keys = gtk_shortcut_controller_new ();

    gtk_event_controller_set_name (keys, "ll-contents-keys");
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Up, GDK_ALT_MASK),
                                                            gtk_named_action_new ("portfolio.move-up")));
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Down, GDK_ALT_MASK),
                                                            gtk_named_action_new ("portfolio.move-down")));
    gtk_widget_add_controller (GTK_WIDGET (self->outline), keys);
  }
}
