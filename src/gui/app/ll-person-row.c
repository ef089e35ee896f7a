/* ll-person-row.c: one person in School and People: name, role, remove */
#define G_LOG_DOMAIN "ll-person-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ll-gui-util.h"
#include "ll-person-row.h"

struct _LlPersonRow
{
  AdwEntryRow   parent_instance;

  LlPerson     *person;

  GtkDropDown  *role_dropdown;
  GtkButton    *remove_button;
};

G_DEFINE_FINAL_TYPE (LlPersonRow, ll_person_row, ADW_TYPE_ENTRY_ROW)

enum {
  PROP_0,
  PROP_PERSON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
text_changed_cb (LlPersonRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self));
  g_autofree char *name = g_strstrip (g_strdup (text));

  /* A person needs a name: while the field is empty the stored name stays. */
  if (name[0] == '\0')
    return;
  if (g_strcmp0 (text, ll_person_get_name (self->person)) != 0)
    ll_person_set_name (self->person, text);
}

static void
person_name_changed_cb (LlPersonRow *self)
{
  const char *name = ll_person_get_name (self->person);

  if (g_strcmp0 (name, gtk_editable_get_text (GTK_EDITABLE (self))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self), name);
}

static void
role_selected_cb (LlPersonRow *self)
{
  guint selected = gtk_drop_down_get_selected (self->role_dropdown);

  if (selected < LL_N_ROLES && (LlRole) selected != ll_person_get_role (self->person))
    ll_person_set_role (self->person, (LlRole) selected);
}

static void
person_role_changed_cb (LlPersonRow *self)
{
  guint role = ll_person_get_role (self->person);

  if (gtk_drop_down_get_selected (self->role_dropdown) != role)
    gtk_drop_down_set_selected (self->role_dropdown, role);
}

static void
ll_person_row_constructed (GObject *object)
{
  LlPersonRow *self = LL_PERSON_ROW (object);

  G_OBJECT_CLASS (ll_person_row_parent_class)->constructed (object);

  gtk_editable_set_text (GTK_EDITABLE (self), ll_person_get_name (self->person));
  gtk_drop_down_set_selected (self->role_dropdown, ll_person_get_role (self->person));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->remove_button), "x",
                                    ll_person_get_id (self->person));

  g_signal_connect_object (self->person, "notify::name",
                           G_CALLBACK (person_name_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->person, "notify::role",
                           G_CALLBACK (person_role_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "changed", G_CALLBACK (text_changed_cb), NULL);
  g_signal_connect_swapped (self->role_dropdown, "notify::selected",
                            G_CALLBACK (role_selected_cb), self);
}

static void
ll_person_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LlPersonRow *self = LL_PERSON_ROW (object);

  switch (prop_id)
    {
    case PROP_PERSON:
      g_value_set_object (value, self->person);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_person_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LlPersonRow *self = LL_PERSON_ROW (object);

  switch (prop_id)
    {
    case PROP_PERSON:
      self->person = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_person_row_dispose (GObject *object)
{
  LlPersonRow *self = LL_PERSON_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LL_TYPE_PERSON_ROW);
  g_clear_object (&self->person);

  G_OBJECT_CLASS (ll_person_row_parent_class)->dispose (object);
}

static void
ll_person_row_class_init (LlPersonRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ll_person_row_constructed;
  object_class->get_property = ll_person_row_get_property;
  object_class->set_property = ll_person_row_set_property;
  object_class->dispose = ll_person_row_dispose;

  properties[PROP_PERSON] =
    g_param_spec_object ("person", NULL, NULL, LL_TYPE_PERSON,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/leadinglearning/LeadingLearning/ll-person-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LlPersonRow, role_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LlPersonRow, remove_button);
}

static void
ll_person_row_init (LlPersonRow *self)
{
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (LlRole role = 0; role < LL_N_ROLES; role++)
    gtk_string_list_append (roles, ll_role_to_label (role));
  gtk_drop_down_set_model (self->role_dropdown, G_LIST_MODEL (roles));
  ll_gui_name_drop_down (self->role_dropdown, _("Role"));
}

GtkWidget *
ll_person_row_new (LlPerson *person)
{
  g_return_val_if_fail (LL_IS_PERSON (person), NULL);

  return g_object_new (LL_TYPE_PERSON_ROW, "person", person, NULL);
}

LlPerson *
ll_person_row_get_person (LlPersonRow *self)
{
  g_return_val_if_fail (LL_IS_PERSON_ROW (self), NULL);

  return self->person;
}

GtkDropDown *
ll_person_row_get_role_dropdown (LlPersonRow *self)
{
  g_return_val_if_fail (LL_IS_PERSON_ROW (self), NULL);

  return self->role_dropdown;
}

GtkButton *
ll_person_row_get_remove_button (LlPersonRow *self)
{
  g_return_val_if_fail (LL_IS_PERSON_ROW (self), NULL);

  return self->remove_button;
}
