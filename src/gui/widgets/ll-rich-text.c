/* ll-rich-text.c: the rich-text editor for narrative sections
 *
 * The buffer holds one paragraph per line. Every character carries exactly
 * one block tag, the style of its line (its newline included): paragraph,
 * sub-heading, bulleted or numbered item, quotation or attribution. The
 * last line can be empty and so carry no character; its style is kept in
 * tail_style. Inline formatting is the "strong" and "emphasis" tags and
 * one tag per link address (holding the href as object data).
 *
 * Mapping to the LL_DOC_BODY tree (the stored form is its DocBook fragment):
 * - each non-blank line is one block; blank lines are dropped;
 * - a sub-heading starts a SECTION titled with its text, holding the blocks
 *   after it until the next sub-heading (DocBook allows no blocks after a
 *   nested section, so this is the canonical shape);
 * - consecutive bulleted lines make one ITEMIZED_LIST of LIST_ITEMs of one
 *   PARA each, numbered lines one ORDERED_LIST;
 * - consecutive quotation lines make one BLOCKQUOTE of PARAs, and an
 *   attribution line right after them its attr (an attribution line on its
 *   own is a quotation with an attribution only);
 * - inline runs nest as LINK outside STRONG outside EMPHASIS, neighbours
 *   with the same formatting are merged, and whitespace is collapsed as
 *   DocBook reads it, so the tree is already in the writer's canonical form.
 * Headings and attributions are plain strings in the tree, so formatting
 * inside them is not kept.
 *
 * Bullets, numbers and the attribution dash are drawn in the margin by the
 * text view rather than stored as text, so they cannot be edited or
 * selected and numbers follow the items as they come and go.
 *
 * Undo: GtkTextBuffer's own history records text only, never tags (so
 * undoing a deletion would bring words back without their bold, and bold
 * itself could not be undone). This editor keeps its own history of
 * snapshots (text, tags, cursor) taken before each user action, with
 * typing grouped by word.
 *
 * The parts of the class live in ll-rich-text-*.c: see
 * ll-rich-text-private.h.
 */
#define G_LOG_DOMAIN "ll-rich-text"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ll-docbook.h"
#include "ll-rich-text-private.h"
#include "ll-text.h"

G_DEFINE_FINAL_TYPE (LlRichText, ll_rich_text, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SHOW_TOOLBAR,
  PROP_TOOLBAR_ACTIVE,
  PROP_EDITABLE,
  PROP_WORD_COUNT,
  PROP_ACCESSIBLE_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* how far each style is indented beyond MARGIN */
const int ll_rich_text_style_indent[N_STYLES] = { 0, 0, 28, 28, 32, 52 };

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Small helpers ----------------------------------------------------------- */

gboolean
ll_rich_text_is_xml_space (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

gboolean
ll_rich_text_is_line_break (gunichar c)
{
  return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029;
}

/* @text on one line: line breaks become spaces. */
char *
ll_rich_text_one_line (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (ll_rich_text_is_line_break (c))
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

gboolean
ll_rich_text_is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

void
ll_rich_text_line_bounds (const GtkTextIter *iter,
                          GtkTextIter       *start,
                          GtkTextIter       *end,
                          gboolean           with_newline)
{
  *start = *iter;
  gtk_text_iter_set_line_offset (start, 0);
  *end = *start;
  if (!gtk_text_iter_ends_line (end))
    gtk_text_iter_forward_to_line_end (end);
  if (with_newline && !gtk_text_iter_is_end (end))
    gtk_text_iter_forward_char (end);
}

static char *
line_text (const GtkTextIter *iter)
{
  GtkTextIter start, end;

  ll_rich_text_line_bounds (iter, &start, &end, FALSE);
  return gtk_text_iter_get_slice (&start, &end);
}

gboolean
ll_rich_text_line_is_blank (const GtkTextIter *iter)
{
  g_autofree char *text = line_text (iter);

  return ll_rich_text_is_blank (text);
}

const char *
ll_rich_text_link_href (GtkTextTag *tag)
{
  return g_object_get_data (G_OBJECT (tag), LINK_HREF_KEY);
}

static gboolean
is_inline_tag (LlRichText *self,
               GtkTextTag *tag)
{
  return tag == self->strong_tag || tag == self->emphasis_tag || ll_rich_text_link_href (tag) != NULL;
}

GtkTextTag *
ll_rich_text_link_at (const GtkTextIter *iter)
{
  g_autoptr(GSList) tags = gtk_text_iter_get_tags (iter);

  for (GSList *l = tags; l != NULL; l = l->next)
    if (ll_rich_text_link_href (l->data) != NULL)
      return l->data;
  return NULL;
}

guint
ll_rich_text_flags_at (LlRichText        *self,
                       const GtkTextIter *iter)
{
  guint flags = 0;

  if (gtk_text_iter_has_tag (iter, self->strong_tag))
    flags |= INLINE_STRONG;
  if (gtk_text_iter_has_tag (iter, self->emphasis_tag))
    flags |= INLINE_EMPHASIS;
  return flags;
}

static void
get_link_color (GdkRGBA *color)
{
  /* libadwaita 1.2's accent_color, which is meant for text */
  if (adw_style_manager_get_dark (adw_style_manager_get_default ()))
    gdk_rgba_parse (color, "#78aeed");
  else
    gdk_rgba_parse (color, "#1c71d8");
}

GtkTextTag *
ll_rich_text_get_link_tag (LlRichText *self,
                           const char *href)
{
  GtkTextTag *tag = g_hash_table_lookup (self->link_tags, href);
  GdkRGBA color;

  if (tag != NULL)
    return tag;
  get_link_color (&color);
  tag = gtk_text_buffer_create_tag (self->buffer, NULL,
                                    "underline", PANGO_UNDERLINE_SINGLE,
                                    "foreground-rgba", &color,
                                    NULL);
  g_object_set_data_full (G_OBJECT (tag), LINK_HREF_KEY, g_strdup (href), g_free);
  g_hash_table_insert (self->link_tags, g_strdup (href), tag);
  return tag;
}

static void
style_manager_dark_cb (LlRichText *self)
{
  GHashTableIter iter;
  gpointer tag;
  GdkRGBA color;

  get_link_color (&color);
  g_hash_table_iter_init (&iter, self->link_tags);
  while (g_hash_table_iter_next (&iter, NULL, &tag))
    g_object_set (tag, "foreground-rgba", &color, NULL);
}

/* Removes strong, emphasis and links from [start, end). */
void
ll_rich_text_remove_inline_tags (LlRichText        *self,
                                 const GtkTextIter *start,
                                 const GtkTextIter *end)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  GtkTextIter iter = *start;

  while (gtk_text_iter_compare (&iter, end) < 0)
    {
      g_autoptr(GSList) tags = gtk_text_iter_get_tags (&iter);

      for (GSList *l = tags; l != NULL; l = l->next)
        if (is_inline_tag (self, l->data) && !g_ptr_array_find (found, l->data, NULL))
          g_ptr_array_add (found, l->data);
      if (!gtk_text_iter_forward_to_tag_toggle (&iter, NULL))
        break;
    }
  for (guint i = 0; i < found->len; i++)
    gtk_text_buffer_remove_tag (self->buffer, found->pdata[i], start, end);
}

/* Block styles ------------------------------------------------------------ */

/* The style of the line that holds @iter: the block tag of its first
 * tagged character, or tail_style for an empty last line. */
BlockStyle
ll_rich_text_style_at (LlRichText        *self,
                       const GtkTextIter *iter)
{
  GtkTextIter it = *iter;

  gtk_text_iter_set_line_offset (&it, 0);
  if (gtk_text_iter_is_end (&it))
    return self->tail_style;
  while (TRUE)
    {
      for (guint s = 0; s < N_STYLES; s++)
        if (gtk_text_iter_has_tag (&it, self->style_tags[s]))
          return s;
      if (gtk_text_iter_ends_line (&it) || !gtk_text_iter_forward_char (&it)
          || gtk_text_iter_is_end (&it))
        break;
    }
  return STYLE_PARA;
}

void
ll_rich_text_set_line_style (LlRichText        *self,
                             const GtkTextIter *iter,
                             BlockStyle         style)
{
  GtkTextIter start, end;

  ll_rich_text_line_bounds (iter, &start, &end, TRUE);
  if (gtk_text_iter_is_end (&end))
    self->tail_style = style;
  if (gtk_text_iter_equal (&start, &end))
    return;
  for (guint s = 0; s < N_STYLES; s++)
    if (s != style)
      gtk_text_buffer_remove_tag (self->buffer, self->style_tags[s], &start, &end);
  gtk_text_buffer_apply_tag (self->buffer, self->style_tags[style], &start, &end);
}

/* Gives every line from @start's to @end's one style throughout. */
void
ll_rich_text_normalize_lines (LlRichText        *self,
                              const GtkTextIter *start,
                              const GtkTextIter *end)
{
  int first = gtk_text_iter_get_line (start);
  int last = gtk_text_iter_get_line (end);

  for (int line = first; line <= last; line++)
    {
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_line (self->buffer, &iter, line);
      ll_rich_text_set_line_style (self, &iter, ll_rich_text_style_at (self, &iter));
    }
}

/* Words and the toolbar --------------------------------------------------- */

void
ll_rich_text_update_word_count (LlRichText *self)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  guint words;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  text = gtk_text_iter_get_slice (&start, &end);
  /* the same rule as every other count */
  words = ll_text_count_words (text);
  ll_rich_text_view_update_placeholder (LL_RICH_TEXT_VIEW (self->view));
  if (words == self->word_count)
    return;
  self->word_count = words;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORD_COUNT]);
}

/* The formatting that typing at the cursor would get. */

/* The widget -------------------------------------------------------------- */

/* ::changed, for the other parts */
void
ll_rich_text_emit_changed (LlRichText *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
ll_rich_text_dispose (GObject *object)
{
  LlRichText *self = LL_RICH_TEXT (object);
  GtkWidget *child;

  if (self->view != NULL)
    LL_RICH_TEXT_VIEW (self->view)->owner = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), LL_TYPE_RICH_TEXT);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->view = NULL;
  ll_rich_text_clear_queue (&self->undo);
  ll_rich_text_clear_queue (&self->redo);
  if (self->buffer != NULL)
    g_signal_handlers_disconnect_by_data (self->buffer, self);
  g_clear_object (&self->buffer);

  G_OBJECT_CLASS (ll_rich_text_parent_class)->dispose (object);
}

static void
ll_rich_text_finalize (GObject *object)
{
  LlRichText *self = LL_RICH_TEXT (object);

  g_clear_pointer (&self->link_tags, g_hash_table_unref);
  g_free (self->accessible_label);

  G_OBJECT_CLASS (ll_rich_text_parent_class)->finalize (object);
}

static void
ll_rich_text_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LlRichText *self = LL_RICH_TEXT (object);

  switch (prop_id)
    {
    case PROP_SHOW_TOOLBAR:
      g_value_set_boolean (value, ll_rich_text_get_show_toolbar (self));
      break;
    case PROP_TOOLBAR_ACTIVE:
      g_value_set_boolean (value, ll_rich_text_get_toolbar_active (self));
      break;
    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;
    case PROP_WORD_COUNT:
      g_value_set_uint (value, self->word_count);
      break;
    case PROP_ACCESSIBLE_LABEL:
      g_value_set_string (value, self->accessible_label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_rich_text_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  LlRichText *self = LL_RICH_TEXT (object);

  switch (prop_id)
    {
    case PROP_SHOW_TOOLBAR:
      ll_rich_text_set_show_toolbar (self, g_value_get_boolean (value));
      break;
    case PROP_TOOLBAR_ACTIVE:
      ll_rich_text_set_toolbar_active (self, g_value_get_boolean (value));
      break;
    case PROP_EDITABLE:
      ll_rich_text_set_editable (self, g_value_get_boolean (value));
      break;
    case PROP_ACCESSIBLE_LABEL:
      ll_rich_text_set_accessible_label (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
load_css (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (loaded || display == NULL)
    return;
  loaded = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider,
                                       "/org/leadinglearning/LeadingLearning/ll-rich-text.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  /* the link button's icon, also where there is no LlApplication to add it */
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (display),
                                    "/org/leadinglearning/LeadingLearning/icons");
}

static void
ll_rich_text_class_init (LlRichTextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ll_rich_text_dispose;
  object_class->finalize = ll_rich_text_finalize;
  object_class->get_property = ll_rich_text_get_property;
  object_class->set_property = ll_rich_text_set_property;

  properties[PROP_SHOW_TOOLBAR] =
    g_param_spec_boolean ("show-toolbar", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TOOLBAR_ACTIVE] =
    g_param_spec_boolean ("toolbar-active", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_WORD_COUNT] =
    g_param_spec_uint ("word-count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ACCESSIBLE_LABEL] =
    g_param_spec_string ("accessible-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LlRichText::changed:
   * Emitted after every change the user makes, text or formatting, but
   * not when the content is set from outside.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);

  g_type_ensure (LL_TYPE_RICH_TEXT_VIEW);
  g_type_ensure (LL_TYPE_RICH_TEXT_TOOLBAR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/leadinglearning/LeadingLearning/ll-rich-text.ui");
  gtk_widget_class_bind_template_child (widget_class, LlRichText, toolbar);
  gtk_widget_class_bind_template_child (widget_class, LlRichText, view);
  gtk_widget_class_bind_template_child (widget_class, LlRichText, paragraph_button);
  gtk_widget_class_bind_template_child (widget_class, LlRichText, heading_button);
  gtk_widget_class_bind_template_child (widget_class, LlRichText, bold_button);
  gtk_widget_class_bind_template_child (widget_class, LlRichText, italic_button);
  gtk_widget_class_bind_template_child (widget_class, LlRichText, link_button);
  gtk_widget_class_bind_template_child (widget_class, LlRichText, bullets_button);
  gtk_widget_class_bind_template_child (widget_class, LlRichText, numbers_button);
  gtk_widget_class_bind_template_child (widget_class, LlRichText, quote_button);
  gtk_widget_class_bind_template_child (widget_class, LlRichText, link_popover);
  gtk_widget_class_bind_template_child (widget_class, LlRichText, link_entry);
  gtk_widget_class_bind_template_child (widget_class, LlRichText, link_remove_button);
  gtk_widget_class_bind_template_child (widget_class, LlRichText, style_group);
  gtk_widget_class_bind_template_child (widget_class, LlRichText, history_group);
  gtk_widget_class_bind_template_child (widget_class, LlRichText, more_button);
  gtk_widget_class_bind_template_child (widget_class, LlRichText, wide_menu);
  gtk_widget_class_bind_template_child (widget_class, LlRichText, medium_menu);
  gtk_widget_class_bind_template_child (widget_class, LlRichText, narrow_menu);

  ll_rich_text_actions_class_init (widget_class);
  ll_rich_text_edit_class_init (widget_class);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ll-rich-text");
  /* the toolbar and the text as one group, which the owner may name; the
   * text itself is named by the accessible-label property */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  load_css ();
}

/* in the order of BlockStyle */
static const char * const block_tag_names[N_STYLES] = {
  LL_RICH_TEXT_TAG_PARA, LL_RICH_TEXT_TAG_HEADING, LL_RICH_TEXT_TAG_BULLET,
  LL_RICH_TEXT_TAG_NUMBER, LL_RICH_TEXT_TAG_QUOTE, LL_RICH_TEXT_TAG_ATTRIBUTION,
};

static GtkTextTag *
create_style_tag (GtkTextBuffer *buffer,
                  const char    *name,
                  BlockStyle     style,
                  const char    *first_property,
                  ...)
{
  GtkTextTag *tag = gtk_text_buffer_create_tag (buffer, name, NULL);
  va_list args;

  /* comfortable spacing inside wrapped paragraphs, whatever the style */
  g_object_set (tag,
                "pixels-inside-wrap", 4,
                "left-margin", MARGIN + ll_rich_text_style_indent[style],
                NULL);
  va_start (args, first_property);
  if (first_property != NULL)
    g_object_set_valist (G_OBJECT (tag), first_property, args);
  va_end (args);
  return tag;
}

/* A click on the widget outside the text proper (its idle toolbar, its
 * margins) is meant for the text. */
static void
text_pressed_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 LlRichText      *self)
{
  GtkWidget *focus;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
ll_rich_text_init (LlRichText *self)
{
  GtkTextIter start;
  GtkGesture *click;

  self->editable = TRUE;
  self->pending_offset = -1;
  g_queue_init (&self->undo);
  g_queue_init (&self->redo);
  self->link_tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_widget_init_template (GTK_WIDGET (self));
  LL_RICH_TEXT_VIEW (self->view)->owner = self;
  gtk_text_view_set_left_margin (self->view, MARGIN);
  gtk_text_view_set_right_margin (self->view, MARGIN);

  self->buffer = g_object_ref (gtk_text_view_get_buffer (self->view));
  /* the buffer's own history cannot undo formatting: see the top */
  gtk_text_buffer_set_enable_undo (self->buffer, FALSE);

  ll_rich_text_add_block_tags (self->buffer);
  for (guint i = 0; i < N_STYLES; i++)
    self->style_tags[i] = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (self->buffer),
                                                     block_tag_names[i]);
  self->strong_tag = gtk_text_buffer_create_tag (self->buffer, "ll-strong",
                                                 "weight", PANGO_WEIGHT_BOLD, NULL);
  self->emphasis_tag = gtk_text_buffer_create_tag (self->buffer, "ll-emphasis",
                                                   "style", PANGO_STYLE_ITALIC, NULL);

  gtk_text_buffer_get_start_iter (self->buffer, &start);
  self->link_start = gtk_text_buffer_create_mark (self->buffer, NULL, &start, TRUE);
  self->link_end = gtk_text_buffer_create_mark (self->buffer, NULL, &start, FALSE);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_manager_dark_cb), self, G_CONNECT_SWAPPED);

  click = gtk_gesture_click_new ();
  g_signal_connect_object (click, "pressed", G_CALLBACK (text_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  ll_rich_text_edit_init (self);
  ll_rich_text_actions_init (self);

  ll_rich_text_set_accessible_label (self, NULL);
  ll_rich_text_view_update_placeholder (LL_RICH_TEXT_VIEW (self->view));
  ll_rich_text_update_undo_actions (self);
  ll_rich_text_update_toolbar (self);
}

/* Public API -------------------------------------------------------------- */

/**
 * ll_rich_text_add_block_tags:
 * Adds to @buffer the tags that give each kind of block its look in the
 * editor (LL_RICH_TEXT_TAG_PARA and the others), so that other views of
 * the same text (comparing revisions) look as it does where it was
 * written. Indents assume a view whose left margin is LL_RICH_TEXT_MARGIN.
 */
void
ll_rich_text_add_block_tags (GtkTextBuffer *buffer)
{
  /* split above and below, so that a paragraph after a list stands as far
   * from it as from another paragraph, while one that leads into a list
   * stays close to it */
  create_style_tag (buffer, LL_RICH_TEXT_TAG_PARA, STYLE_PARA,
                    "pixels-above-lines", PARA_SPACING,
                    "pixels-below-lines", PARA_SPACING,
                    NULL);
  create_style_tag (buffer, LL_RICH_TEXT_TAG_HEADING, STYLE_HEADING,
                    "weight", PANGO_WEIGHT_BOLD,
                    "scale", 1.2,
                    "pixels-above-lines", 12,
                    "pixels-below-lines", 8,
                    NULL);
  create_style_tag (buffer, LL_RICH_TEXT_TAG_BULLET, STYLE_BULLET,
                    "pixels-below-lines", 6,
                    NULL);
  create_style_tag (buffer, LL_RICH_TEXT_TAG_NUMBER, STYLE_NUMBER,
                    "pixels-below-lines", 6,
                    NULL);
  create_style_tag (buffer, LL_RICH_TEXT_TAG_QUOTE, STYLE_QUOTE,
                    "right-margin", MARGIN + 24,
                    "style", PANGO_STYLE_ITALIC,
                    "pixels-above-lines", 6,
                    "pixels-below-lines", 8,
                    NULL);
  create_style_tag (buffer, LL_RICH_TEXT_TAG_ATTRIBUTION, STYLE_ATTRIBUTION,
                    "scale", 0.92,
                    "pixels-below-lines", 14,
                    NULL);
}

GtkWidget *
ll_rich_text_new (void)
{
  return g_object_new (LL_TYPE_RICH_TEXT, NULL);
}

void
ll_rich_text_set_blocks (LlRichText      *self,
                         const LlDocNode *body)
{
  g_return_if_fail (LL_IS_RICH_TEXT (self));

  ll_rich_text_load_tree (self, body, NULL);
}

gboolean
ll_rich_text_set_fragment (LlRichText  *self,
                           const char  *docbook_fragment,
                           GPtrArray  **notes,
                           GError     **error)
{
  g_autoptr(LlDocNode) body = NULL;

  g_return_val_if_fail (LL_IS_RICH_TEXT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  body = ll_docbook_read_blocks (docbook_fragment != NULL ? docbook_fragment : "", notes, error);
  if (body == NULL)
    return FALSE;
  if (notes != NULL && *notes == NULL)
    *notes = g_ptr_array_new_with_free_func (g_free);
  ll_rich_text_load_tree (self, body, notes != NULL ? *notes : NULL);
  return TRUE;
}

char *
ll_rich_text_get_fragment (LlRichText  *self,
                           GError     **error)
{
  g_autoptr(LlDocNode) body = NULL;

  g_return_val_if_fail (LL_IS_RICH_TEXT (self), NULL);

  body = ll_rich_text_get_blocks (self);
  return ll_docbook_write_blocks (body, error);
}

guint
ll_rich_text_get_word_count (LlRichText *self)
{
  g_return_val_if_fail (LL_IS_RICH_TEXT (self), 0);

  return self->word_count;
}

GtkTextBuffer *
ll_rich_text_get_buffer (LlRichText *self)
{
  g_return_val_if_fail (LL_IS_RICH_TEXT (self), NULL);

  return self->buffer;
}

GtkTextView *
ll_rich_text_get_text_view (LlRichText *self)
{
  g_return_val_if_fail (LL_IS_RICH_TEXT (self), NULL);

  return self->view;
}

GtkWidget *
ll_rich_text_get_placeholder (LlRichText *self)
{
  g_return_val_if_fail (LL_IS_RICH_TEXT (self), NULL);

  return LL_RICH_TEXT_VIEW (self->view)->placeholder;
}

gboolean
ll_rich_text_get_show_toolbar (LlRichText *self)
{
  g_return_val_if_fail (LL_IS_RICH_TEXT (self), FALSE);

  return gtk_widget_get_visible (self->toolbar);
}

void
ll_rich_text_set_show_toolbar (LlRichText *self,
                               gboolean    show_toolbar)
{
  g_return_if_fail (LL_IS_RICH_TEXT (self));

  show_toolbar = !!show_toolbar;
  if (show_toolbar == gtk_widget_get_visible (self->toolbar))
    return;
  gtk_widget_set_visible (self->toolbar, show_toolbar);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_TOOLBAR]);
}

gboolean
ll_rich_text_get_toolbar_active (LlRichText *self)
{
  g_return_val_if_fail (LL_IS_RICH_TEXT (self), FALSE);

  return !gtk_widget_has_css_class (self->toolbar, "ll-rich-text-toolbar-idle");
}

/* An idle toolbar keeps its place, so that the text does not move when
 * it becomes active, but is drawn faintly and cannot be used: a click on
 * it goes to the text instead (see text_pressed_cb). */
void
ll_rich_text_set_toolbar_active (LlRichText *self,
                                 gboolean    active)
{
  g_return_if_fail (LL_IS_RICH_TEXT (self));

  active = !!active;
  if (active == ll_rich_text_get_toolbar_active (self))
    return;
  if (active)
    gtk_widget_remove_css_class (self->toolbar, "ll-rich-text-toolbar-idle");
  else
    gtk_widget_add_css_class (self->toolbar, "ll-rich-text-toolbar-idle");
  gtk_widget_set_sensitive (self->toolbar, active);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOOLBAR_ACTIVE]);
}

gboolean
ll_rich_text_get_editable (LlRichText *self)
{
  g_return_val_if_fail (LL_IS_RICH_TEXT (self), FALSE);

  return self->editable;
}

void
ll_rich_text_set_editable (LlRichText *self,
                           gboolean    editable)
{
  static const char * const format_actions[] = {
    "rich-text.bold", "rich-text.italic", "rich-text.paragraph", "rich-text.heading",
    "rich-text.bullets", "rich-text.numbers", "rich-text.quote", "rich-text.attribution",
    "rich-text.link",
  };

  g_return_if_fail (LL_IS_RICH_TEXT (self));

  editable = !!editable;
  if (editable == self->editable)
    return;
  self->editable = editable;
  /* the cursor stays, to move about and select with: GTK 4.8 aborts when
   * a text view whose cursor is hidden takes the focus and blinks */
  gtk_text_view_set_editable (self->view, editable);
  ll_rich_text_view_update_placeholder (LL_RICH_TEXT_VIEW (self->view));
  gtk_widget_queue_resize (GTK_WIDGET (self->view));
  for (guint i = 0; i < G_N_ELEMENTS (format_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), format_actions[i], editable);
  ll_rich_text_update_undo_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->view));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}

const char *
ll_rich_text_get_accessible_label (LlRichText *self)
{
  g_return_val_if_fail (LL_IS_RICH_TEXT (self), NULL);

  return self->accessible_label;
}

void
ll_rich_text_set_accessible_label (LlRichText *self,
                                   const char *label)
{
  g_return_if_fail (LL_IS_RICH_TEXT (self));

  if (self->accessible_label != NULL && g_strcmp0 (label, self->accessible_label) == 0)
    return;
  g_free (self->accessible_label);
  self->accessible_label = g_strdup (label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label != NULL ? label : _("Text"),
                                  -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCESSIBLE_LABEL]);
}
