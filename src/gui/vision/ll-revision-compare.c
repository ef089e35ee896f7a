/* ll-revision-compare.c: what changed between a revision and the current
 * text, or another revision, word by word */
#define G_LOG_DOMAIN "ll-revision-compare"

#include "config.h"

#include <glib/gi18n.h>

#include "ll-gui-util.h"
#include "ll-revision-compare.h"
#include "ll-rich-text.h"
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

/* Showing the text as it was written ------------------------------------ */

#define NO_KIND ((LlTextKind) -1)

/* The editor's tag for each kind of line, by LlTextKind. */
static const char *
tag_for_kind (LlTextKind kind)
{
  switch (kind)
    {
    case LL_TEXT_PARA: return LL_RICH_TEXT_TAG_PARA;
    case LL_TEXT_SUBHEADING: return LL_RICH_TEXT_TAG_HEADING;
    case LL_TEXT_BULLET: return LL_RICH_TEXT_TAG_BULLET;
    case LL_TEXT_NUMBER: return LL_RICH_TEXT_TAG_NUMBER;
    case LL_TEXT_QUOTE: return LL_RICH_TEXT_TAG_QUOTE;
    case LL_TEXT_ATTRIBUTION: return LL_RICH_TEXT_TAG_ATTRIBUTION;
    case LL_TEXT_TITLE: return LL_DIFF_TAG_HEADING;
    case LL_TEXT_BLANK:
    default:
      return NULL;
    }
}

static LlTextKind
kind_of_token (GArray *token_lines,
               GArray *kinds,
               guint   token)
{
  guint line;

  if (token >= token_lines->len)
    return NO_KIND;
  line = g_array_index (token_lines, guint, token);
  return line < kinds->len ? g_array_index (kinds, LlTextKind, line) : NO_KIND;
}

/* The end of the word that starts at @p and the space after it, as
 * ll_text_diff_words() splits text. */
static const char *
token_end (const char *p)
{
  while (*p != '\0' && !g_ascii_isspace (*p))
    p++;
  while (*p != '\0' && g_ascii_isspace (*p))
    p++;
  return p;
}

/* Gives each line of the buffer the look of the block it came from, and
 * the markers that the editor draws beside list items. */
static void
style_lines (GtkTextBuffer *buffer,
             GArray        *line_kinds)
{
  guint number = 0;

  for (guint line = 0; line < line_kinds->len; line++)
    {
      LlTextKind kind = g_array_index (line_kinds, LlTextKind, line);
      const char *tag = tag_for_kind (kind);
      GtkTextIter start, end;

      if (kind == LL_TEXT_NUMBER)
        number++;
      else
        number = 0;
      if (tag == NULL)
        continue;
      gtk_text_buffer_get_iter_at_line (buffer, &start, line);
      if (kind == LL_TEXT_BULLET || kind == LL_TEXT_NUMBER)
        {
          g_autofree char *marker = kind == LL_TEXT_BULLET ? g_strdup ("•\u2002")
                                                             : g_strdup_printf ("%u.\u2002", number);

          gtk_text_buffer_insert_with_tags_by_name (buffer, &start, marker, -1, "ll-marker", NULL);
          gtk_text_buffer_get_iter_at_line (buffer, &start, line);
        }
      end = start;
      if (!gtk_text_iter_ends_line (&end))
        gtk_text_iter_forward_to_line_end (&end);
      gtk_text_iter_forward_char (&end);
      gtk_text_buffer_apply_tag_by_name (buffer, tag, &start, &end);
      if (kind == LL_TEXT_BULLET || kind == LL_TEXT_NUMBER)
        gtk_text_buffer_apply_tag_by_name (buffer, "ll-hanging", &start, &end);
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
  g_autoptr(GArray) old_kinds = g_array_new (FALSE, FALSE, sizeof (LlTextKind));
  g_autoptr(GArray) new_kinds = g_array_new (FALSE, FALSE, sizeof (LlTextKind));
  g_autoptr(GArray) line_kinds = g_array_new (FALSE, FALSE, sizeof (LlTextKind));
  g_autoptr(GArray) old_lines = NULL;
  g_autoptr(GArray) new_lines = NULL;
  g_autoptr(GPtrArray) chunks = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  g_autofree char *direction = NULL;
  g_autofree char *added = NULL;
  g_autofree char *removed = NULL;
  g_autofree char *counts = NULL;
  guint old_token = 0, new_token = 0;
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
  old_text = ll_narrative_dup_text_with_kinds (self->narrative, old, old_kinds, &error);
  if (old_text != NULL)
    new_text = ll_narrative_dup_text_with_kinds (self->narrative, new_, new_kinds, &error);
  if (new_text == NULL)
    {
      gtk_text_buffer_set_text (buffer, error->message, -1);
      gtk_label_set_label (self->counts_label, "");
      return;
    }
  chunks = ll_text_diff_words (old_text, new_text);
  old_lines = ll_text_token_lines (old_text);
  new_lines = ll_text_token_lines (new_text);

  /* word by word, so that each line takes the kind of the block where its
   * first word was: in the newer text, or in the older for what was
   * removed */
  for (guint i = 0; i < chunks->len; i++)
    {
      LlDiffChunk *chunk = g_ptr_array_index (chunks, i);
      const char *tag = chunk->op == LL_DIFF_INSERT ? LL_DIFF_TAG_INSERT
                      : chunk->op == LL_DIFF_DELETE ? LL_DIFF_TAG_DELETE : NULL;

      for (const char *p = chunk->text; *p != '\0';)
        {
          const char *next = token_end (p);
          g_autofree char *token = g_strndup (p, next - p);
          LlTextKind kind;
          guint line;

          if (chunk->op == LL_DIFF_DELETE)
            kind = kind_of_token (old_lines, old_kinds, old_token++);
          else
            {
              kind = kind_of_token (new_lines, new_kinds, new_token++);
              if (chunk->op == LL_DIFF_EQUAL)
                old_token++;
            }
          /* only the writer's words count, not the sections' titles */
          if (kind != LL_TEXT_TITLE && chunk->op == LL_DIFF_INSERT)
            self->added += ll_text_count_words (token);
          else if (kind != LL_TEXT_TITLE && chunk->op == LL_DIFF_DELETE)
            self->removed += ll_text_count_words (token);

          gtk_text_buffer_get_end_iter (buffer, &end);
          line = gtk_text_iter_get_line (&end);
          while (line_kinds->len <= line)
            {
              LlTextKind none = NO_KIND;

              g_array_append_val (line_kinds, none);
            }
          if (g_array_index (line_kinds, LlTextKind, line) == NO_KIND)
            g_array_index (line_kinds, LlTextKind, line) = kind;
          if (tag != NULL)
            gtk_text_buffer_insert_with_tags_by_name (buffer, &end, token, -1, tag, NULL);
          else
            gtk_text_buffer_insert (buffer, &end, token, -1);
          p = next;
        }
    }

  style_lines (buffer, line_kinds);

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
  /* sub-headings, lists and quotations look as they do in the editor */
  ll_rich_text_add_block_tags (buffer);
  /* the editor draws bullets and numbers in the margin; here they are
   * text, hanging into the margin before the item */
  gtk_text_buffer_create_tag (buffer, "ll-hanging", "indent", -18, NULL);
  gtk_text_buffer_create_tag (buffer, "ll-marker", NULL);

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
