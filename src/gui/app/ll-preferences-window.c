/* ll-preferences-window.c: the application's preferences */
#define G_LOG_DOMAIN "ll-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ll-preferences-window.h"

struct _LlPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  AdwComboRow          *paper_size_row;
  GtkSwitch            *reopen_switch;
};

G_DEFINE_FINAL_TYPE (LlPreferencesWindow, ll_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* In the order of the combo row's model. */
static const char * const paper_sizes[] = { "a4", "letter" };

static gboolean
paper_size_get_mapping (GValue   *value,
                        GVariant *variant,
                        gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (paper_sizes); i++)
    if (g_strcmp0 (nick, paper_sizes[i]) == 0)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
paper_size_set_mapping (const GValue       *value,
                        const GVariantType *expected_type,
                        gpointer            user_data)
{
  guint i = g_value_get_uint (value);

  if (i >= G_N_ELEMENTS (paper_sizes))
    return NULL;
  return g_variant_new_string (paper_sizes[i]);
}

static void
ll_preferences_window_dispose (GObject *object)
{
  LlPreferencesWindow *self = LL_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LL_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (ll_preferences_window_parent_class)->dispose (object);
}

static void
ll_preferences_window_finalize (GObject *object)
{
  LlPreferencesWindow *self = LL_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ll_preferences_window_parent_class)->finalize (object);
}

static void
ll_preferences_window_class_init (LlPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ll_preferences_window_dispose;
  object_class->finalize = ll_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/leadinglearning/LeadingLearning/ll-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LlPreferencesWindow, paper_size_row);
  gtk_widget_class_bind_template_child (widget_class, LlPreferencesWindow, reopen_switch);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

static void
ll_preferences_window_init (LlPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  g_settings_bind_with_mapping (self->settings, "paper-size",
                                self->paper_size_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                paper_size_get_mapping, paper_size_set_mapping,
                                NULL, NULL);
  g_settings_bind (self->settings, "reopen-last-workbook",
                   self->reopen_switch, "active", G_SETTINGS_BIND_DEFAULT);
}

LlPreferencesWindow *
ll_preferences_window_new (void)
{
  return g_object_new (LL_TYPE_PREFERENCES_WINDOW, NULL);
}
