/* ll-revision-compare.c: what changed between a revision and the current
 * text, or another revision, word by word */
#define G_LOG_DOMAIN "ll-revision-compare"

#include "config.h"

#include <glib/gi18n.h>

#include "ll-gui-util.h"
#include "ll-revision-compare.h"
#include "ll-store.h"
#include "ll-text.h"

struct _LlRevisionCompare
{
  AdwWindow       parent_instance;

  LlNarrative    *narrative;
  LlRevision     *revision;
  /* what the drop-down offers: NULL for the current text, then revisions */
  GPtrArray      *others;
  guint           added;
  guint           removed;

  /* template widgets */
  AdwWindowTitle *window_title;
  GtkDropDown    *other_dropdown;
  GtkLabel       *direction_label;
  GtkLabel       *counts_label;
  GtkTextView    *text_view;
};

G_DEFINE_FINAL_TYPE (LlRevisionCompare, ll_revision_compare, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_NARRATIVE,
  PROP_REVISION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint
revision_index (LlRevisionCompare *self,
                LlRevision        *revision)
{
  GListModel *revisions = ll_narrative_get_revisions (self->narrative);

  for (guint i = 0; i < g_list_model_get_n_items (revisions); i++)
    {
      g_autoptr(LlRevision) r = g_list_model_get_item (revisions, i);

      if (r == revision)
        return i;
    }
  return G_MAXUINT;
}

static const char *
name_of (LlRevision *revision)
{
  return revision != NULL ? ll_revision_get_label (revision) : _("the current text");
}

/* Adds the section titles of @revision (NULL: the current text) to @titles. */
static void
add_titles (LlRevisionCompare *self,
            LlRevision        *revision,
            GHashTable        *titles)
{
  if (revision == NULL)
    {
      GListModel *sections = ll_narrative_get_sections (self->narrative);

      for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
        {
          g_autoptr(LlNarrativeSection) section = g_list_model_get_item (sections, i);

          g_hash_table_add (titles, g_strdup (ll_narrative_section_get_title (section)));
        }
    }
  else
    {
      g_autoptr(GPtrArray) sections = ll_narrative_dup_revision_sections (self->narrative, revision, NULL);

      for (guint i = 0; sections != NULL && i < sections->len; i++)
        {
          LlStoreSection *section = g_ptr_array_index (sections, i);

          g_hash_table_add (titles, g_strdup (section->title));
        }
    }
}

/* The compared text is plain: each section's title is a line of its own.
 * Lines that are exactly the title of a section on either side read as
 * headings. */
static void
mark_headings (LlRevisionCompare *self,
               LlRevision        *old,
               LlRevision        *new_)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autoptr(GHashTable) titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GtkTextIter start, end;

  add_titles (self, old, titles);
  add_titles (self, new_, titles);
  g_hash_table_remove (titles, "");

  gtk_text_buffer_get_start_iter (buffer, &start);
  while (!gtk_text_iter_is_end (&start))
    {
      g_autofree char *line = NULL;

      end = start;
      if (!gtk_text_iter_ends_line (&end))
        gtk_text_iter_forward_to_line_end (&end);
      line = gtk_text_iter_get_text (&start, &end);
      if (g_hash_table_contains (titles, line))
        gtk_text_buffer_apply_tag_by_name (buffer, LL_DIFF_TAG_HEADING, &start, &end);
      if (!gtk_text_iter_forward_line (&start))
        break;
    }
}

static void
show_differences (LlRevisionCompare *self)
{
  guint selected = gtk_drop_down_get_selected (self->other_dropdown);
  LlRevision *other = selected < self->others->len ? g_ptr_array_index (self->others, selected) : NULL;
  LlRevision *old = self->revision;
  LlRevision *new_ = other;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autoptr(GPtrArray) chunks = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *direction = NULL;
  g_autofree char *added = NULL;
  g_autofree char *removed = NULL;
  g_autofree char *counts = NULL;
  GtkTextIter end;

  /* Always from the older to the newer: the list is newest first, and
   * the current text is newer than any revision. */
  if (other != NULL && revision_index (self, other) > revision_index (self, self->revision))
    {
      old = other;
      new_ = self->revision;
    }

  gtk_text_buffer_set_text (buffer, "", 0);
  self->added = self->removed = 0;
  chunks = ll_narrative_compare (self->narrative, old, new_, &error);
  if (chunks == NULL)
    {
      gtk_text_buffer_set_text (buffer, error->message, -1);
      gtk_label_set_label (self->counts_label, "");
      return;
    }

  for (guint i = 0; i < chunks->len; i++)
    {
      LlDiffChunk *chunk = g_ptr_array_index (chunks, i);
      const char *tag = NULL;

      if (chunk->op == LL_DIFF_INSERT)
        {
          tag = LL_DIFF_TAG_INSERT;
          self->added += ll_text_count_words (chunk->text);
        }
      else if (chunk->op == LL_DIFF_DELETE)
        {
          tag = LL_DIFF_TAG_DELETE;
          self->removed += ll_text_count_words (chunk->text);
        }
      gtk_text_buffer_get_end_iter (buffer, &end);
      if (tag != NULL)
        gtk_text_buffer_insert_with_tags_by_name (buffer, &end, chunk->text, -1, tag, NULL);
      else
        gtk_text_buffer_insert (buffer, &end, chunk->text, -1);
    }

  mark_headings (self, old, new_);

  /* Translators: "Changes from “Draft for governors” to the current text" */
  direction = g_strdup_printf (_("Changes from “%s” to %s%s%s"), name_of (old),
                               new_ != NULL ? "“" : "", name_of (new_), new_ != NULL ? "”" : "");
  gtk_label_set_label (self->direction_label, direction);
  added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u word added", "%u words added", self->added),
                           self->added);
  removed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u removed", "%u removed", self->removed),
                             self->removed);
  /* Translators: "42 words added, 7 removed" */
  counts = g_strdup_printf (_("%s, %s"), added, removed);
  gtk_label_set_label (self->counts_label, counts);
}

static void
fill_dropdown (LlRevisionCompare *self)
{
  GListModel *revisions = ll_narrative_get_revisions (self->narrative);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_ptr_array_add (self->others, NULL);
  gtk_string_list_append (names, _("Current Text"));
  for (guint i = 0; i < g_list_model_get_n_items (revisions); i++)
    {
      g_autoptr(LlRevision) revision = g_list_model_get_item (revisions, i);
      g_autofree char *date = NULL;
      g_autofree char *name = NULL;

      if (revision == self->revision)
        continue;
      date = ll_format_friendly_date (ll_revision_get_created (revision), NULL);
      /* Translators: a revision in a list: "Draft for governors (Yesterday at 16:00)" */
      name = g_strdup_printf (_("%s (%s)"), ll_revision_get_label (revision), date);
      gtk_string_list_append (names, name);
      g_ptr_array_add (self->others, g_object_ref (revision));
    }
  gtk_drop_down_set_model (self->other_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->other_dropdown, 0);
}

void
ll_revision_compare_set_other (LlRevisionCompare *self,
                               LlRevision        *other)
{
  g_return_if_fail (LL_IS_REVISION_COMPARE (self));

  for (guint i = 0; i < self->others->len; i++)
    if (g_ptr_array_index (self->others, i) == other)
      {
        gtk_drop_down_set_selected (self->other_dropdown, i);
        return;
      }
}

GtkTextBuffer *
ll_revision_compare_get_buffer (LlRevisionCompare *self)
{
  g_return_val_if_fail (LL_IS_REVISION_COMPARE (self), NULL);

  return gtk_text_view_get_buffer (self->text_view);
}

void
ll_revision_compare_get_counts (LlRevisionCompare *self,
                                guint             *added,
                                guint             *removed)
{
  g_return_if_fail (LL_IS_REVISION_COMPARE (self));

  if (added != NULL)
    *added = self->added;
  if (removed != NULL)
    *removed = self->removed;
}

static void
ll_revision_compare_constructed (GObject *object)
{
  LlRevisionCompare *self = LL_REVISION_COMPARE (object);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GdkRGBA insert_bg, delete_bg;
  g_autofree char *heading = NULL;

  G_OBJECT_CLASS (ll_revision_compare_parent_class)->constructed (object);

  /* translucent, so that they read in the dark style too */
  gdk_rgba_parse (&insert_bg, "rgba(46, 194, 126, 0.28)");
  gdk_rgba_parse (&delete_bg, "rgba(224, 27, 36, 0.22)");
  gtk_text_buffer_create_tag (buffer, LL_DIFF_TAG_INSERT,
                              "background-rgba", &insert_bg,
                              "underline", PANGO_UNDERLINE_SINGLE,
                              NULL);
  gtk_text_buffer_create_tag (buffer, LL_DIFF_TAG_DELETE,
                              "background-rgba", &delete_bg,
                              "strikethrough", TRUE,
                              NULL);
  gtk_text_buffer_create_tag (buffer, LL_DIFF_TAG_HEADING,
                              "weight", PANGO_WEIGHT_BOLD,
                              "scale", 1.3,
                              "pixels-above-lines", 12,
                              NULL);

  /* Translators: %s is the name of a revision */
  heading = g_strdup_printf (_("Compare “%s”"), ll_revision_get_label (self->revision));
  adw_window_title_set_title (self->window_title, heading);
  adw_window_title_set_subtitle (self->window_title, ll_narrative_get_title (self->narrative));
  gtk_window_set_title (GTK_WINDOW (self), heading);

  fill_dropdown (self);
  g_signal_connect_object (self->other_dropdown, "notify::selected",
                           G_CALLBACK (show_differences), self, G_CONNECT_SWAPPED);
  show_differences (self);
}

static void
ll_revision_compare_dispose (GObject *object)
{
  LlRevisionCompare *self = LL_REVISION_COMPARE (object);

  g_clear_object (&self->narrative);
  g_clear_object (&self->revision);
  g_clear_pointer (&self->others, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), LL_TYPE_REVISION_COMPARE);

  G_OBJECT_CLASS (ll_revision_compare_parent_class)->dispose (object);
}

static void
ll_revision_compare_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  LlRevisionCompare *self = LL_REVISION_COMPARE (object);

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
ll_revision_compare_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LlRevisionCompare *self = LL_REVISION_COMPARE (object);

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
ll_revision_compare_class_init (LlRevisionCompareClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ll_revision_compare_constructed;
  object_class->dispose = ll_revision_compare_dispose;
  object_class->set_property = ll_revision_compare_set_property;
  object_class->get_property = ll_revision_compare_get_property;

  properties[PROP_NARRATIVE] =
    g_param_spec_object ("narrative", NULL, NULL, LL_TYPE_NARRATIVE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVISION] =
    g_param_spec_object ("revision", NULL, NULL, LL_TYPE_REVISION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/leadinglearning/LeadingLearning/ll-revision-compare.ui");
  gtk_widget_class_bind_template_child (widget_class, LlRevisionCompare, window_title);
  gtk_widget_class_bind_template_child (widget_class, LlRevisionCompare, other_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LlRevisionCompare, direction_label);
  gtk_widget_class_bind_template_child (widget_class, LlRevisionCompare, counts_label);
  gtk_widget_class_bind_template_child (widget_class, LlRevisionCompare, text_view);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
clear_revision (gpointer revision)
{
  if (revision != NULL)
    g_object_unref (revision);
}

static void
ll_revision_compare_init (LlRevisionCompare *self)
{
  self->others = g_ptr_array_new_with_free_func (clear_revision);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ll_revision_compare_new (LlNarrative *narrative,
                         LlRevision  *revision)
{
  g_return_val_if_fail (LL_IS_NARRATIVE (narrative), NULL);
  g_return_val_if_fail (LL_IS_REVISION (revision), NULL);

  return g_object_new (LL_TYPE_REVISION_COMPARE,
                       "narrative", narrative,
                       "revision", revision,
                       NULL);
}
