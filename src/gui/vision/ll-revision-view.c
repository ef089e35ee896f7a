/* ll-revision-view.c: a saved revision of a narrative, for reading */
#define G_LOG_DOMAIN "ll-revision-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ll-gui-util.h"
#include "ll-rich-text.h"
#include "ll-revision-view.h"

struct _LlRevisionView
{
  AdwWindow       parent_instance;

  LlNarrative    *narrative;
  LlRevision     *revision;

  /* template widgets */
  AdwWindowTitle *window_title;
  GtkBox         *sections_box;
};

G_DEFINE_FINAL_TYPE (LlRevisionView, ll_revision_view, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_NARRATIVE,
  PROP_REVISION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
add_section (LlRevisionView *self,
             const char     *title,
             const char     *body)
{
  GtkWidget *heading = gtk_label_new (title[0] != '\0' ? title : _("Untitled Section"));
  GtkWidget *text = ll_rich_text_new ();

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_add_css_class (heading, "ll-section-heading");
  gtk_widget_add_css_class (heading, "ll-read-heading");
  gtk_box_append (self->sections_box, heading);
  if (body == NULL || body[0] == '\0')
    {
      GtkWidget *empty = gtk_label_new (_("Nothing was written here yet."));

      g_object_ref_sink (text);
      g_object_unref (text);
      gtk_label_set_xalign (GTK_LABEL (empty), 0);
      gtk_widget_add_css_class (empty, "dim-label");
      gtk_box_append (self->sections_box, empty);
      return;
    }
  g_object_set (text, "editable", FALSE, "show-toolbar", FALSE, NULL);
  ll_rich_text_load_stored (LL_RICH_TEXT (text), body);
  gtk_box_append (self->sections_box, text);
}

static void
ll_revision_view_constructed (GObject *object)
{
  LlRevisionView *self = LL_REVISION_VIEW (object);
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *subtitle = NULL;

  G_OBJECT_CLASS (ll_revision_view_parent_class)->constructed (object);

  date = ll_format_friendly_date (ll_revision_get_created (self->revision), NULL);
  /* Translators: "Our Vision for Learning, Yesterday at 16:00" */
  subtitle = g_strdup_printf (_("%s, %s"), ll_narrative_get_title (self->narrative), date);
  adw_window_title_set_title (self->window_title, ll_revision_get_label (self->revision));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), ll_revision_get_label (self->revision));

  sections = ll_narrative_dup_revision_sections (self->narrative, self->revision, &error);
  if (sections == NULL)
    {
      GtkWidget *label = gtk_label_new (error->message);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_box_append (self->sections_box, label);
      return;
    }
  for (guint i = 0; i < sections->len; i++)
    {
      LlSectionText *section = g_ptr_array_index (sections, i);

      add_section (self, section->title, section->body);
    }
}

static void
ll_revision_view_dispose (GObject *object)
{
  LlRevisionView *self = LL_REVISION_VIEW (object);

  g_clear_object (&self->narrative);
  g_clear_object (&self->revision);
  gtk_widget_dispose_template (GTK_WIDGET (self), LL_TYPE_REVISION_VIEW);

  G_OBJECT_CLASS (ll_revision_view_parent_class)->dispose (object);
}

static void
ll_revision_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LlRevisionView *self = LL_REVISION_VIEW (object);

  switch (prop_id)
    {
    case PROP_NARRATIVE:
      self->narrative = g_value_dup_object (value);
      break;
    case PROP_REVISION:
      self->revision = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_revision_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LlRevisionView *self = LL_REVISION_VIEW (object);

  switch (prop_id)
    {
    case PROP_NARRATIVE:
      g_value_set_object (value, self->narrative);
      break;
    case PROP_REVISION:
      g_value_set_object (value, self->revision);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_revision_view_class_init (LlRevisionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ll_revision_view_constructed;
  object_class->dispose = ll_revision_view_dispose;
  object_class->set_property = ll_revision_view_set_property;
  object_class->get_property = ll_revision_view_get_property;

  properties[PROP_NARRATIVE] =
    g_param_spec_object ("narrative", NULL, NULL, LL_TYPE_NARRATIVE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVISION] =
    g_param_spec_object ("revision", NULL, NULL, LL_TYPE_REVISION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/leadinglearning/LeadingLearning/ll-revision-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LlRevisionView, window_title);
  gtk_widget_class_bind_template_child (widget_class, LlRevisionView, sections_box);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ll_revision_view_init (LlRevisionView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ll_revision_view_new (LlNarrative *narrative,
                      LlRevision  *revision)
{
  g_return_val_if_fail (LL_IS_NARRATIVE (narrative), NULL);
  g_return_val_if_fail (LL_IS_REVISION (revision), NULL);

  return g_object_new (LL_TYPE_REVISION_VIEW,
                       "narrative", narrative,
                       "revision", revision,
                       NULL);
}

GtkBox *
ll_revision_view_get_sections (LlRevisionView *self)
{
  g_return_val_if_fail (LL_IS_REVISION_VIEW (self), NULL);

  return self->sections_box;
}
