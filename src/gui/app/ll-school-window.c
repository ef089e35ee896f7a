/* ll-school-window.c: School and People: the school's details and its staff */
#define G_LOG_DOMAIN "ll-school-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ll-person-row.h"
#include "ll-school-window.h"

struct _LlSchoolWindow
{
  AdwPreferencesWindow  parent_instance;

  LlWorkbook           *workbook;

  AdwEntryRow          *name_row;
  AdwEntryRow          *urn_row;
  AdwEntryRow          *phase_row;
  AdwEntryRow          *local_authority_row;
  GtkTextView          *address_view;
  GtkButton            *add_person_button;
  GtkListBox           *people_list;
};

G_DEFINE_FINAL_TYPE (LlSchoolWindow, ll_school_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_WORKBOOK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_error (LlSchoolWindow *self,
            const char     *heading,
            const GError   *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
create_person_row (gpointer item,
                   gpointer user_data)
{
  LlSchoolWindow *self = user_data;
  GtkWidget *row = ll_person_row_new (LL_PERSON (item));

  gtk_widget_set_sensitive (row, !ll_workbook_get_read_only (self->workbook));
  return row;
}

static void
address_buffer_changed_cb (LlSchoolWindow *self,
                           GtkTextBuffer  *buffer)
{
  LlSchool *school = ll_workbook_get_school (self->workbook);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (text, ll_school_get_address (school)) != 0)
    ll_school_set_address (school, text);
}

static void
school_address_changed_cb (LlSchoolWindow *self)
{
  LlSchool *school = ll_workbook_get_school (self->workbook);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->address_view);
  const char *address = ll_school_get_address (school);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (text, address) != 0)
    gtk_text_buffer_set_text (buffer, address ? address : "", -1);
}

LlPerson *
ll_school_window_add_person (LlSchoolWindow *self)
{
  g_autoptr(GError) error = NULL;
  LlPerson *person;
  GListModel *people;
  guint n;

  g_return_val_if_fail (LL_IS_SCHOOL_WINDOW (self), NULL);

  person = ll_workbook_add_person (self->workbook, _("New person"),
                                   LL_ROLE_TEACHER, &error);
  if (person == NULL)
    {
      show_error (self, _("Could Not Add a Person"), error);
      return NULL;
    }

  people = ll_workbook_get_people (self->workbook);
  n = g_list_model_get_n_items (people);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LlPerson) p = g_list_model_get_item (people, i);

      if (p == person)
        {
          GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->people_list, i);

          if (row != NULL)
            {
              gtk_widget_grab_focus (GTK_WIDGET (row));
              gtk_editable_select_region (GTK_EDITABLE (row), 0, -1);
            }
          break;
        }
    }
  return person;
}

static void
remove_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    LlSchoolWindow   *self)
{
  LlPerson *person = g_object_get_data (G_OBJECT (dialog), "ll-person");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "remove") != 0)
    return;
  if (!ll_workbook_remove_person (self->workbook, person, &error))
    show_error (self, _("Could Not Remove the Person"), error);
}

GtkWindow *
ll_school_window_ask_remove_person (LlSchoolWindow *self,
                                    LlPerson       *person)
{
  GtkWidget *dialog;
  g_autofree char *heading = NULL;

  g_return_val_if_fail (LL_IS_SCHOOL_WINDOW (self), NULL);
  g_return_val_if_fail (LL_IS_PERSON (person), NULL);

  /* Translators: %s is a person's name */
  heading = g_strdup_printf (_("Remove %s?"), ll_person_get_name (person));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("Their name and role will be removed from this workbook."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "ll-person", g_object_ref (person),
                          g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

static void
add_person_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ll_school_window_add_person (LL_SCHOOL_WINDOW (widget));
}

static void
remove_person_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LlSchoolWindow *self = LL_SCHOOL_WINDOW (widget);
  GListModel *people = ll_workbook_get_people (self->workbook);
  gint64 id = g_variant_get_int64 (parameter);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(LlPerson) person = g_list_model_get_item (people, i);

      if (ll_person_get_id (person) == id)
        {
          ll_school_window_ask_remove_person (self, person);
          return;
        }
    }
}

static void
bind_entry (LlSchool    *school,
            const char  *property,
            AdwEntryRow *row)
{
  /* The entry notifies only real changes, so the school's setter is never
   * called with the value it holds. */
  g_object_bind_property (school, property, row, "text",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
}

static void
ll_school_window_constructed (GObject *object)
{
  LlSchoolWindow *self = LL_SCHOOL_WINDOW (object);
  LlSchool *school = ll_workbook_get_school (self->workbook);
  gboolean editable = !ll_workbook_get_read_only (self->workbook);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->address_view);

  G_OBJECT_CLASS (ll_school_window_parent_class)->constructed (object);

  bind_entry (school, "name", self->name_row);
  bind_entry (school, "urn", self->urn_row);
  bind_entry (school, "phase", self->phase_row);
  bind_entry (school, "local-authority", self->local_authority_row);

  gtk_text_buffer_set_text (buffer, ll_school_get_address (school), -1);
  g_signal_connect_object (buffer, "changed",
                           G_CALLBACK (address_buffer_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (school, "notify::address",
                           G_CALLBACK (school_address_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_list_box_bind_model (self->people_list, ll_workbook_get_people (self->workbook),
                           create_person_row, self, NULL);

  gtk_widget_set_sensitive (GTK_WIDGET (self->name_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->urn_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->phase_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->local_authority_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->address_view), editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.add", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.remove", editable);

  /* The cursor waits at the end of the school's name, with nothing
   * selected: the first key must not replace the name, which is saved as
   * it is typed. */
  if (editable)
    {
      GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (self->name_row));

      if (GTK_IS_TEXT (text))
        {
          gtk_text_grab_focus_without_selecting (GTK_TEXT (text));
          gtk_editable_set_position (text, -1);
        }
    }
}

static void
ll_school_window_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LlSchoolWindow *self = LL_SCHOOL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_WORKBOOK:
      g_value_set_object (value, self->workbook);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_school_window_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LlSchoolWindow *self = LL_SCHOOL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_WORKBOOK:
      self->workbook = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_school_window_dispose (GObject *object)
{
  LlSchoolWindow *self = LL_SCHOOL_WINDOW (object);

  if (self->people_list != NULL)
    gtk_list_box_bind_model (self->people_list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LL_TYPE_SCHOOL_WINDOW);
  g_clear_object (&self->workbook);

  G_OBJECT_CLASS (ll_school_window_parent_class)->dispose (object);
}

static void
ll_school_window_class_init (LlSchoolWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ll_school_window_constructed;
  object_class->get_property = ll_school_window_get_property;
  object_class->set_property = ll_school_window_set_property;
  object_class->dispose = ll_school_window_dispose;

  properties[PROP_WORKBOOK] =
    g_param_spec_object ("workbook", NULL, NULL, LL_TYPE_WORKBOOK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LL_TYPE_PERSON_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/leadinglearning/LeadingLearning/ll-school-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LlSchoolWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, LlSchoolWindow, urn_row);
  gtk_widget_class_bind_template_child (widget_class, LlSchoolWindow, phase_row);
  gtk_widget_class_bind_template_child (widget_class, LlSchoolWindow, local_authority_row);
  gtk_widget_class_bind_template_child (widget_class, LlSchoolWindow, address_view);
  gtk_widget_class_bind_template_child (widget_class, LlSchoolWindow, add_person_button);
  gtk_widget_class_bind_template_child (widget_class, LlSchoolWindow, people_list);

  gtk_widget_class_install_action (widget_class, "people.add", NULL, add_person_action);
  gtk_widget_class_install_action (widget_class, "people.remove", "x", remove_person_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

static void
ll_school_window_init (LlSchoolWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

LlSchoolWindow *
ll_school_window_new (LlWorkbook *workbook)
{
  g_return_val_if_fail (LL_IS_WORKBOOK (workbook), NULL);

  return g_object_new (LL_TYPE_SCHOOL_WINDOW, "workbook", workbook, NULL);
}

LlWorkbook *
ll_school_window_get_workbook (LlSchoolWindow *self)
{
  g_return_val_if_fail (LL_IS_SCHOOL_WINDOW (self), NULL);

  return self->workbook;
}
