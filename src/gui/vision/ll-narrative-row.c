/* ll-narrative-row.c: one narrative in the Vision place's list: title,
 * author, status, when it was last edited, how long it is */
#define G_LOG_DOMAIN "ll-narrative-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ll-gui-util.h"
#include "ll-narrative-row.h"

struct _LlNarrativeRow
{
  AdwActionRow  parent_instance;

  LlNarrative  *narrative;
  gboolean      read_only;

  /* template widgets */
  GtkLabel      *status_label;
  GtkMenuButton *menu_button;
};

G_DEFINE_FINAL_TYPE (LlNarrativeRow, ll_narrative_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_NARRATIVE,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const status_classes[] = { "ll-status-draft", "ll-status-shared", "ll-status-adopted" };

static void
update (LlNarrativeRow *self)
{
  const char *title = ll_narrative_get_title (self->narrative);
  const char *author = ll_narrative_get_author (self->narrative);
  LlNarrativeStatus status = ll_narrative_get_status (self->narrative);
  guint words = ll_narrative_get_word_count (self->narrative);
  g_autofree char *edited = ll_format_friendly_date (ll_narrative_get_modified (self->narrative), NULL);
  g_autofree char *words_text = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 title[0] != '\0' ? title : _("Untitled Narrative"));

  if (author[0] != '\0')
    {
      g_string_append (subtitle, author);
      g_string_append (subtitle, " · ");
    }
  /* Translators: %s is a date, e.g. "Yesterday at 16:00" */
  g_string_append_printf (subtitle, _("Edited %s"), edited);
  words_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u word", "%u words", words), words);
  g_string_append (subtitle, " · ");
  g_string_append (subtitle, words_text);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle->str);

  gtk_label_set_label (self->status_label, ll_narrative_status_to_label (status));
  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    if (i == status)
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), status_classes[i]);
    else
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), status_classes[i]);
}

static void
ll_narrative_row_constructed (GObject *object)
{
  LlNarrativeRow *self = LL_NARRATIVE_ROW (object);
  static const char * const watched[] = {
    "notify::title", "notify::author", "notify::status", "notify::word-count", "notify::modified",
  };

  G_OBJECT_CLASS (ll_narrative_row_parent_class)->constructed (object);

  for (guint i = 0; i < G_N_ELEMENTS (watched); i++)
    g_signal_connect_object (self->narrative, watched[i], G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self), "x", ll_narrative_get_id (self->narrative));
  update (self);

  if (!self->read_only)
    {
      g_autoptr(GMenu) menu = g_menu_new ();
      g_autoptr(GMenuItem) item = g_menu_item_new (_("_Delete Narrative…"), NULL);

      g_menu_item_set_action_and_target_value (item, "vision.delete",
                                               g_variant_new_int64 (ll_narrative_get_id (self->narrative)));
      g_menu_append_item (menu, item);
      gtk_menu_button_set_menu_model (self->menu_button, G_MENU_MODEL (menu));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->menu_button), !self->read_only);
}

static void
ll_narrative_row_dispose (GObject *object)
{
  LlNarrativeRow *self = LL_NARRATIVE_ROW (object);

  g_clear_object (&self->narrative);
  gtk_widget_dispose_template (GTK_WIDGET (self), LL_TYPE_NARRATIVE_ROW);

  G_OBJECT_CLASS (ll_narrative_row_parent_class)->dispose (object);
}

static void
ll_narrative_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LlNarrativeRow *self = LL_NARRATIVE_ROW (object);

  switch (prop_id)
    {
    case PROP_NARRATIVE:
      g_value_set_object (value, self->narrative);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_narrative_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LlNarrativeRow *self = LL_NARRATIVE_ROW (object);

  switch (prop_id)
    {
    case PROP_NARRATIVE:
      self->narrative = g_value_dup_object (value);
      break;
    case PROP_READ_ONLY:
      self->read_only = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_narrative_row_class_init (LlNarrativeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ll_narrative_row_constructed;
  object_class->dispose = ll_narrative_row_dispose;
  object_class->get_property = ll_narrative_row_get_property;
  object_class->set_property = ll_narrative_row_set_property;

  properties[PROP_NARRATIVE] =
    g_param_spec_object ("narrative", NULL, NULL, LL_TYPE_NARRATIVE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/leadinglearning/LeadingLearning/ll-narrative-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LlNarrativeRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, LlNarrativeRow, menu_button);
}

/* A right click opens the same menu. */
static void
secondary_pressed_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      LlNarrativeRow  *self)
{
  if (self->read_only)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_menu_button_popup (self->menu_button);
}

static void
ll_narrative_row_init (LlNarrativeRow *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (click, "pressed", G_CALLBACK (secondary_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
ll_narrative_row_new (LlNarrative *narrative,
                      gboolean     read_only)
{
  g_return_val_if_fail (LL_IS_NARRATIVE (narrative), NULL);

  return g_object_new (LL_TYPE_NARRATIVE_ROW,
                       "narrative", narrative,
                       "read-only", read_only,
                       NULL);
}

LlNarrative *
ll_narrative_row_get_narrative (LlNarrativeRow *self)
{
  g_return_val_if_fail (LL_IS_NARRATIVE_ROW (self), NULL);

  return self->narrative;
}
