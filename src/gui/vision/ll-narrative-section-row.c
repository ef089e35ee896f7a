/* ll-narrative-section-row.c: one section of a narrative in the editor: its
 * heading, its text, and beside it the questions it asks */
#define G_LOG_DOMAIN "ll-narrative-section-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ll-gui-util.h"
#include "ll-narrative-section-row.h"
#include "ll-prompts.h"

/* The side note is this wide; below WIDE_ENOUGH it goes under the heading. */
#define ASIDE_WIDTH   248
#define ASIDE_SPACING 32
#define WIDE_ENOUGH   620
#define ROW_SPACING   8

struct _LlNarrativeSectionRow
{
  GtkWidget            parent_instance;

  LlNarrativeSection  *section;
  gboolean             read_only;
  gboolean             show_prompts;
  gboolean             has_prompts;
  gboolean             loading;
  guint                save_id;
  /* when the oldest change not yet written was made (monotonic µs) */
  gint64               pending_since;

  /* template widgets */
  GtkWidget           *head;
  GtkEntry            *heading_entry;
  GtkMenuButton       *menu_button;
  LlRichText          *rich_text;
  GtkWidget           *aside;
  GtkBox              *questions_box;
};

G_DEFINE_FINAL_TYPE (LlNarrativeSectionRow, ll_narrative_section_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SECTION,
  PROP_READ_ONLY,
  PROP_SHOW_PROMPTS,
  PROP_PENDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Layout: the heading and the text in one column, the questions beside
 * them when there is room, or between them when there is not. */

static gboolean
aside_shown (LlNarrativeSectionRow *self)
{
  return gtk_widget_should_layout (self->aside);
}

/* Whether the questions fit beside the text at @width. */
static gboolean
side_by_side (LlNarrativeSectionRow *self,
              int                    width)
{
  int body_min, head_min, nat;

  if (!aside_shown (self) || width < WIDE_ENOUGH)
    return FALSE;
  gtk_widget_measure (GTK_WIDGET (self->rich_text), GTK_ORIENTATION_HORIZONTAL, -1,
                      &body_min, &nat, NULL, NULL);
  gtk_widget_measure (self->head, GTK_ORIENTATION_HORIZONTAL, -1, &head_min, &nat, NULL, NULL);
  return width - ASIDE_SPACING - ASIDE_WIDTH >= MAX (body_min, head_min);
}

static void
measure_child (GtkWidget      *child,
               GtkOrientation  orientation,
               int             for_size,
               int            *minimum,
               int            *natural)
{
  gtk_widget_measure (child, orientation, for_size, minimum, natural, NULL, NULL);
}

static void
ll_narrative_section_row_measure (GtkWidget      *widget,
                                  GtkOrientation  orientation,
                                  int             for_size,
                                  int            *minimum,
                                  int            *natural,
                                  int            *minimum_baseline,
                                  int            *natural_baseline)
{
  LlNarrativeSectionRow *self = LL_NARRATIVE_SECTION_ROW (widget);
  int head_min, head_nat, body_min, body_nat, aside_min = 0, aside_nat = 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      measure_child (self->head, orientation, -1, &head_min, &head_nat);
      measure_child (GTK_WIDGET (self->rich_text), orientation, -1, &body_min, &body_nat);
      *minimum = MAX (head_min, body_min);
      *natural = MAX (head_nat, body_nat);
      if (aside_shown (self))
        {
          measure_child (self->aside, orientation, -1, &aside_min, &aside_nat);
          *minimum = MAX (*minimum, aside_min);
          *natural = *natural + ASIDE_SPACING + MAX (aside_nat, ASIDE_WIDTH);
        }
      return;
    }

  if (side_by_side (self, for_size))
    {
      int column = for_size - ASIDE_SPACING - ASIDE_WIDTH;

      measure_child (self->head, orientation, column, &head_min, &head_nat);
      measure_child (GTK_WIDGET (self->rich_text), orientation, column, &body_min, &body_nat);
      measure_child (self->aside, orientation, ASIDE_WIDTH, &aside_min, &aside_nat);
      /* the side note starts under the heading, as the text does */
      *minimum = head_min + ROW_SPACING + MAX (body_min, aside_min);
      *natural = head_nat + ROW_SPACING + MAX (body_nat, aside_nat);
      return;
    }

  measure_child (self->head, orientation, for_size, &head_min, &head_nat);
  measure_child (GTK_WIDGET (self->rich_text), orientation, for_size, &body_min, &body_nat);
  *minimum = head_min + ROW_SPACING + body_min;
  *natural = head_nat + ROW_SPACING + body_nat;
  if (aside_shown (self))
    {
      measure_child (self->aside, orientation, for_size, &aside_min, &aside_nat);
      *minimum += aside_min + ROW_SPACING * 2;
      *natural += aside_nat + ROW_SPACING * 2;
    }
}

static void
place (GtkWidget *child,
       int        x,
       int        y,
       int        width,
       int        height)
{
  gtk_widget_size_allocate (child, &(GtkAllocation) { x, y, width, height }, -1);
}

static int
height_for (GtkWidget *child,
            int        width)
{
  int min, nat;

  measure_child (child, GTK_ORIENTATION_VERTICAL, width, &min, &nat);
  return nat;
}

static void
ll_narrative_section_row_size_allocate (GtkWidget *widget,
                                        int        width,
                                        int        height,
                                        int        baseline)
{
  LlNarrativeSectionRow *self = LL_NARRATIVE_SECTION_ROW (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int head_h, body_h, aside_h;

  if (side_by_side (self, width))
    {
      int column = width - ASIDE_SPACING - ASIDE_WIDTH;
      int column_x = rtl ? ASIDE_WIDTH + ASIDE_SPACING : 0;

      head_h = height_for (self->head, column);
      aside_h = height_for (self->aside, ASIDE_WIDTH);
      body_h = MAX (height - head_h - ROW_SPACING, height_for (GTK_WIDGET (self->rich_text), column));
      place (self->head, column_x, 0, column, head_h);
      place (GTK_WIDGET (self->rich_text), column_x, head_h + ROW_SPACING, column, body_h);
      /* the side note lines up with the text, under the heading */
      place (self->aside, rtl ? 0 : column + ASIDE_SPACING, head_h + ROW_SPACING,
             ASIDE_WIDTH, aside_h);
      return;
    }

  head_h = height_for (self->head, width);
  place (self->head, 0, 0, width, head_h);
  if (aside_shown (self))
    {
      aside_h = height_for (self->aside, width);
      place (self->aside, 0, head_h + ROW_SPACING, width, aside_h);
      head_h += ROW_SPACING * 2 + aside_h;
    }
  body_h = MAX (height - head_h - ROW_SPACING, height_for (GTK_WIDGET (self->rich_text), width));
  place (GTK_WIDGET (self->rich_text), 0, head_h + ROW_SPACING, width, body_h);
}

static GtkSizeRequestMode
ll_narrative_section_row_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* Writing */

static void
save_body (LlNarrativeSectionRow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *fragment = NULL;

  fragment = ll_rich_text_get_fragment (self->rich_text, &error);
  if (fragment == NULL)
    {
      g_warning ("The text of a section could not be stored: %s", error->message);
      return;
    }
  ll_narrative_section_set_body (self->section, fragment);
}

static gboolean
save_timeout_cb (gpointer data)
{
  LlNarrativeSectionRow *self = data;

  self->save_id = 0;
  save_body (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
  return G_SOURCE_REMOVE;
}

static void
rich_text_changed_cb (LlNarrativeSectionRow *self)
{
  gboolean was_pending = self->save_id != 0;
  gint64 delay;

  if (self->loading || self->read_only)
    return;
  /* Wait for a pause in the typing; every key restarts the wait, but
   * typing that goes on without a pause is written within a second. */
  if (!was_pending)
    self->pending_since = g_get_monotonic_time ();
  g_clear_handle_id (&self->save_id, g_source_remove);
  delay = (self->pending_since + LL_AUTOSAVE_MAX_WAIT_MS * G_GINT64_CONSTANT (1000)
           - g_get_monotonic_time ()) / 1000;
  self->save_id = g_timeout_add ((guint) CLAMP (delay, 0, LL_AUTOSAVE_DELAY_MS),
                                 save_timeout_cb, self);
  if (!was_pending)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

void
ll_narrative_section_row_flush (LlNarrativeSectionRow *self)
{
  g_return_if_fail (LL_IS_NARRATIVE_SECTION_ROW (self));

  if (self->save_id == 0)
    return;
  g_clear_handle_id (&self->save_id, g_source_remove);
  save_body (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

gboolean
ll_narrative_section_row_get_pending (LlNarrativeSectionRow *self)
{
  g_return_val_if_fail (LL_IS_NARRATIVE_SECTION_ROW (self), FALSE);

  return self->save_id != 0;
}

static void
heading_changed_cb (LlNarrativeSectionRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->heading_entry));

  if (self->loading || self->read_only)
    return;
  if (g_strcmp0 (text, ll_narrative_section_get_title (self->section)) != 0)
    ll_narrative_section_set_title (self->section, text);
}

/* Enter in the heading goes on to the start of the text, as in a word
 * processor. */
static void
heading_activate_cb (LlNarrativeSectionRow *self)
{
  GtkTextView *view = ll_rich_text_get_text_view (self->rich_text);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start;

  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  gtk_widget_grab_focus (GTK_WIDGET (view));
}

static void
section_title_changed_cb (LlNarrativeSectionRow *self)
{
  const char *title = ll_narrative_section_get_title (self->section);

  if (g_strcmp0 (title, gtk_editable_get_text (GTK_EDITABLE (self->heading_entry))) != 0)
    {
      self->loading = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->heading_entry), title);
      self->loading = FALSE;
    }
}

/* Building */

static void
load_prompts (LlNarrativeSectionRow *self)
{
  g_auto(GStrv) questions = ll_prompts_dup_questions (ll_narrative_section_get_prompts (self->section));

  self->has_prompts = questions[0] != NULL;
  for (guint i = 0; questions[i] != NULL; i++)
    {
      GtkWidget *label = gtk_label_new (questions[i]);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_set_can_focus (label, FALSE);
      gtk_widget_add_css_class (label, "ll-prompt");
      gtk_box_append (self->questions_box, label);
    }
}

static GMenuModel *
build_menu (LlNarrativeSectionRow *self)
{
  gint64 id = ll_narrative_section_get_id (self->section);
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) add = g_menu_new ();
  g_autoptr(GMenu) move = g_menu_new ();
  g_autoptr(GMenu) remove = g_menu_new ();
  struct { GMenu *section; const char *label; const char *action; } items[] = {
    { add, N_("_Add Section After"), "editor.add-section-after" },
    /* the editor says whether this section can move */
    { move, N_("Move _Up"), "section.move-up" },
    { move, N_("Move _Down"), "section.move-down" },
    { remove, N_("_Remove Section…"), "editor.remove-section" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(items[i].label), NULL);

      g_menu_item_set_action_and_target_value (item, items[i].action, g_variant_new_int64 (id));
      g_menu_append_item (items[i].section, item);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (add));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (move));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (remove));
  return G_MENU_MODEL (menu);
}

static void
ll_narrative_section_row_constructed (GObject *object)
{
  LlNarrativeSectionRow *self = LL_NARRATIVE_SECTION_ROW (object);
  g_autoptr(GMenuModel) menu = NULL;
  g_autofree char *label = NULL;

  G_OBJECT_CLASS (ll_narrative_section_row_parent_class)->constructed (object);

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->heading_entry),
                         ll_narrative_section_get_title (self->section));
  ll_rich_text_load_stored (self->rich_text, ll_narrative_section_get_body (self->section));
  self->loading = FALSE;

  g_object_set (self->rich_text, "editable", !self->read_only, NULL);
  gtk_editable_set_editable (GTK_EDITABLE (self->heading_entry), !self->read_only);
  gtk_widget_set_visible (GTK_WIDGET (self->menu_button), !self->read_only);

  menu = build_menu (self);
  gtk_menu_button_set_menu_model (self->menu_button, menu);
  load_prompts (self);
  gtk_widget_set_visible (self->aside, self->has_prompts && self->show_prompts);

  /* Translators: the accessible name of a section's text; %s is its heading */
  label = g_strdup_printf (_("Text of “%s”"), ll_narrative_section_get_title (self->section));
  ll_rich_text_set_accessible_label (self->rich_text, label);

  g_signal_connect_object (self->rich_text, "changed",
                           G_CALLBACK (rich_text_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->section, "notify::title",
                           G_CALLBACK (section_title_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
ll_narrative_section_row_dispose (GObject *object)
{
  LlNarrativeSectionRow *self = LL_NARRATIVE_SECTION_ROW (object);

  /* Nothing typed is lost, even when the row goes first. */
  if (self->save_id != 0)
    {
      g_clear_handle_id (&self->save_id, g_source_remove);
      save_body (self);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), LL_TYPE_NARRATIVE_SECTION_ROW);
  g_clear_object (&self->section);

  G_OBJECT_CLASS (ll_narrative_section_row_parent_class)->dispose (object);
}

static void
ll_narrative_section_row_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  LlNarrativeSectionRow *self = LL_NARRATIVE_SECTION_ROW (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      g_value_set_object (value, self->section);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    case PROP_SHOW_PROMPTS:
      g_value_set_boolean (value, self->show_prompts);
      break;
    case PROP_PENDING:
      g_value_set_boolean (value, self->save_id != 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_narrative_section_row_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  LlNarrativeSectionRow *self = LL_NARRATIVE_SECTION_ROW (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      self->section = g_value_dup_object (value);
      break;
    case PROP_READ_ONLY:
      self->read_only = g_value_get_boolean (value);
      break;
    case PROP_SHOW_PROMPTS:
      ll_narrative_section_row_set_show_prompts (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_narrative_section_row_class_init (LlNarrativeSectionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ll_narrative_section_row_constructed;
  object_class->dispose = ll_narrative_section_row_dispose;
  object_class->get_property = ll_narrative_section_row_get_property;
  object_class->set_property = ll_narrative_section_row_set_property;

  widget_class->measure = ll_narrative_section_row_measure;
  widget_class->size_allocate = ll_narrative_section_row_size_allocate;
  widget_class->get_request_mode = ll_narrative_section_row_get_request_mode;

  properties[PROP_SECTION] =
    g_param_spec_object ("section", NULL, NULL, LL_TYPE_NARRATIVE_SECTION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_PROMPTS] =
    g_param_spec_boolean ("show-prompts", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PENDING] =
    g_param_spec_boolean ("pending", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LL_TYPE_RICH_TEXT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/leadinglearning/LeadingLearning/ll-narrative-section-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LlNarrativeSectionRow, head);
  gtk_widget_class_bind_template_child (widget_class, LlNarrativeSectionRow, heading_entry);
  gtk_widget_class_bind_template_child (widget_class, LlNarrativeSectionRow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, LlNarrativeSectionRow, rich_text);
  gtk_widget_class_bind_template_child (widget_class, LlNarrativeSectionRow, aside);
  gtk_widget_class_bind_template_child (widget_class, LlNarrativeSectionRow, questions_box);
  gtk_widget_class_bind_template_callback (widget_class, heading_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, heading_activate_cb);
  gtk_widget_class_set_css_name (widget_class, "ll-section");
}

static void
ll_narrative_section_row_init (LlNarrativeSectionRow *self)
{
  self->show_prompts = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ll_narrative_section_row_new (LlNarrativeSection *section,
                              gboolean            read_only)
{
  g_return_val_if_fail (LL_IS_NARRATIVE_SECTION (section), NULL);

  return g_object_new (LL_TYPE_NARRATIVE_SECTION_ROW,
                       "section", section,
                       "read-only", read_only,
                       NULL);
}

LlNarrativeSection *
ll_narrative_section_row_get_section (LlNarrativeSectionRow *self)
{
  g_return_val_if_fail (LL_IS_NARRATIVE_SECTION_ROW (self), NULL);

  return self->section;
}

LlRichText *
ll_narrative_section_row_get_rich_text (LlNarrativeSectionRow *self)
{
  g_return_val_if_fail (LL_IS_NARRATIVE_SECTION_ROW (self), NULL);

  return self->rich_text;
}

GtkEditable *
ll_narrative_section_row_get_heading (LlNarrativeSectionRow *self)
{
  g_return_val_if_fail (LL_IS_NARRATIVE_SECTION_ROW (self), NULL);

  return GTK_EDITABLE (self->heading_entry);
}

GtkWidget *
ll_narrative_section_row_get_prompts (LlNarrativeSectionRow *self)
{
  g_return_val_if_fail (LL_IS_NARRATIVE_SECTION_ROW (self), NULL);

  return self->aside;
}

gboolean
ll_narrative_section_row_get_show_prompts (LlNarrativeSectionRow *self)
{
  g_return_val_if_fail (LL_IS_NARRATIVE_SECTION_ROW (self), FALSE);

  return self->show_prompts;
}

void
ll_narrative_section_row_set_show_prompts (LlNarrativeSectionRow *self,
                                           gboolean               show_prompts)
{
  g_return_if_fail (LL_IS_NARRATIVE_SECTION_ROW (self));

  show_prompts = !!show_prompts;
  if (self->show_prompts == show_prompts)
    return;
  self->show_prompts = show_prompts;
  gtk_widget_set_visible (self->aside, self->has_prompts && show_prompts);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_PROMPTS]);
}
