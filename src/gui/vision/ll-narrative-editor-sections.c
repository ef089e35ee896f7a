/* ll-narrative-editor-sections.c: the sections of the writing desk: one
 * row per section, kept in the narrative's order, with its focus, its
 * formatting bar and its menu's moves wired to the editor; scrolling to a
 * section; and where the writer was in each narrative, to go back to it */
#define G_LOG_DOMAIN "ll-narrative-editor"

#include "config.h"

#include "ll-narrative-editor-private.h"

/* Rows */

static void
cursor_moved_cb (LlNarrativeEditor *self,
                 const GtkTextIter *location,
                 GtkTextMark       *mark,
                 GtkTextBuffer     *buffer)
{
  if (mark == gtk_text_buffer_get_insert (buffer))
    _ll_narrative_editor_follow_focus (self);
}

LlNarrativeSectionRow *
ll_narrative_editor_find_row (LlNarrativeEditor  *self,
                              LlNarrativeSection *section)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sections_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (ll_narrative_section_row_get_section (LL_NARRATIVE_SECTION_ROW (child)) == section)
      return LL_NARRATIVE_SECTION_ROW (child);
  return NULL;
}

LlNarrativeSection *
ll_narrative_editor_find_section (LlNarrativeEditor *self,
                                  gint64             id,
                                  guint             *position)
{
  GListModel *sections;

  if (self->narrative == NULL)
    return NULL;
  sections = ll_narrative_get_sections (self->narrative);
  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(LlNarrativeSection) section = g_list_model_get_item (sections, i);

      if (ll_narrative_section_get_id (section) == id)
        {
          if (position != NULL)
            *position = i;
          return section;   /* the narrative holds it */
        }
    }
  return NULL;
}

GtkWidget *
ll_narrative_editor_get_section_row (LlNarrativeEditor *self,
                                     guint              position)
{
  GtkWidget *child;

  g_return_val_if_fail (LL_IS_NARRATIVE_EDITOR (self), NULL);

  child = gtk_widget_get_first_child (GTK_WIDGET (self->sections_box));
  for (guint i = 0; child != NULL && i < position; i++)
    child = gtk_widget_get_next_sibling (child);
  return child;
}

static void
row_focus_enter_cb (GtkEventControllerFocus *controller,
                    LlNarrativeEditor       *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  LlNarrativeSection *section = ll_narrative_section_row_get_section (LL_NARRATIVE_SECTION_ROW (row));
  guint position;

  self->current_section = section;
  if (ll_narrative_editor_find_section (self, ll_narrative_section_get_id (section), &position))
    {
      GtkListBoxRow *outline_row = gtk_list_box_get_row_at_index (self->outline_list, position);

      if (outline_row != NULL && gtk_list_box_get_selected_row (self->outline_list) != outline_row)
        gtk_list_box_select_row (self->outline_list, outline_row);
    }
}

/* One formatting bar at a time: the one of the text the writer is in.
 * The others keep their place, faint and idle, so that nothing moves
 * under the pointer when the writer clicks into a text. Focus that moves
 * on into that bar, or into one of its popovers, stays inside the
 * LlRichText, so the bar stays while a button is clicked; it also stays
 * when the writer goes to a heading or the title. */
static void
text_focus_enter_cb (GtkEventControllerFocus *controller,
                     LlNarrativeEditor       *self)
{
  GtkWidget *focused = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sections_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      LlRichText *text = ll_narrative_section_row_get_rich_text (LL_NARRATIVE_SECTION_ROW (child));

      ll_rich_text_set_toolbar_active (text, GTK_WIDGET (text) == focused);
    }
}

/* Each section's menu moves that section: its own Move Up and Move Down,
 * so that the first cannot be moved up nor the last down. */
static void
row_move_cb (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkWidget *row = user_data;
  LlNarrativeSection *section = ll_narrative_section_row_get_section (LL_NARRATIVE_SECTION_ROW (row));
  const char *name = g_action_get_name (G_ACTION (action));

  gtk_widget_activate_action (row,
                              g_str_equal (name, "move-up") ? "editor.move-section-up" : "editor.move-section-down",
                              "x", ll_narrative_section_get_id (section));
}

void
ll_narrative_editor_update_row_actions (LlNarrativeEditor *self)
{
  gboolean writable = self->narrative != NULL && !self->read_only;
  guint i = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sections_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child), i++)
    {
      GActionMap *group = g_object_get_data (G_OBJECT (child), "ll-section-actions");

      if (group == NULL)
        continue;
      g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (group, "move-up")),
                                   writable && i > 0);
      g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (group, "move-down")),
                                   writable && gtk_widget_get_next_sibling (child) != NULL);
    }
}

static GtkWidget *
create_section_row (LlNarrativeEditor  *self,
                    LlNarrativeSection *section)
{
  GtkWidget *row = ll_narrative_section_row_new (section, self->read_only);
  LlRichText *text = ll_narrative_section_row_get_rich_text (LL_NARRATIVE_SECTION_ROW (row));
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_object (focus, "enter", G_CALLBACK (row_focus_enter_cb), self, 0);
  gtk_widget_add_controller (row, focus);
  /* nothing to format in a read-only workbook */
  ll_rich_text_set_show_toolbar (text, !self->read_only);
  ll_rich_text_set_toolbar_active (text, FALSE);
  /* typing moves the cursor without setting it */
  g_signal_connect_object (ll_rich_text_get_buffer (text), "mark-set", G_CALLBACK (cursor_moved_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (ll_rich_text_get_buffer (text), "changed", G_CALLBACK (_ll_narrative_editor_follow_focus),
                           self, G_CONNECT_SWAPPED);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "enter", G_CALLBACK (text_focus_enter_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (text), focus);
  g_object_bind_property (self, "show-prompts", row, "show-prompts", G_BINDING_SYNC_CREATE);
  {
    const GActionEntry entries[] = {
      { "move-up", row_move_cb, "x", NULL, NULL, { 0 } },
      { "move-down", row_move_cb, "x", NULL, NULL, { 0 } },
    };
    GSimpleActionGroup *group = g_simple_action_group_new ();

    g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), row);
    gtk_widget_insert_action_group (row, "section", G_ACTION_GROUP (group));
    g_object_set_data_full (G_OBJECT (row), "ll-section-actions", group, g_object_unref);
  }
  return row;
}

/* Keeps one row per section, in the narrative's order, reusing the rows
 * of sections that only moved so that nothing typed is thrown away. */
void
_ll_narrative_editor_sync_rows (LlNarrativeEditor *self)
{
  GListModel *sections = self->narrative ? ll_narrative_get_sections (self->narrative) : NULL;
  guint n = sections ? g_list_model_get_n_items (sections) : 0;
  g_autoptr(GHashTable) present = g_hash_table_new (NULL, NULL);
  GtkWidget *child, *next, *prev = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LlNarrativeSection) section = g_list_model_get_item (sections, i);

      g_hash_table_add (present, section);
    }

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->sections_box)); child != NULL; child = next)
    {
      LlNarrativeSection *section = ll_narrative_section_row_get_section (LL_NARRATIVE_SECTION_ROW (child));

      next = gtk_widget_get_next_sibling (child);
      if (!g_hash_table_contains (present, section))
        {
          if (self->current_section == section)
            self->current_section = NULL;
          gtk_box_remove (self->sections_box, child);
        }
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LlNarrativeSection) section = g_list_model_get_item (sections, i);
      GtkWidget *row = GTK_WIDGET (ll_narrative_editor_find_row (self, section));

      if (row == NULL)
        {
          row = create_section_row (self, section);
          gtk_box_insert_child_after (self->sections_box, row, prev);
        }
      else if (gtk_widget_get_prev_sibling (row) != prev)
        gtk_box_reorder_child_after (self->sections_box, row, prev);
      prev = row;
    }
  ll_narrative_editor_update_actions (self);
}

void
ll_narrative_editor_flush (LlNarrativeEditor *self)
{
  g_return_if_fail (LL_IS_NARRATIVE_EDITOR (self));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sections_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    ll_narrative_section_row_flush (LL_NARRATIVE_SECTION_ROW (child));
}

void
ll_narrative_editor_scroll_to (LlNarrativeEditor  *self,
                               LlNarrativeSection *section)
{
  LlNarrativeSectionRow *row = ll_narrative_editor_find_row (self, section);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  GtkWidget *content = gtk_scrolled_window_get_child (self->scroller);
  graphene_point_t point;

  if (row == NULL || content == NULL)
    return;
  if (gtk_widget_get_first_child (content) != NULL)
    content = gtk_widget_get_first_child (content);
  if (!gtk_widget_compute_point (GTK_WIDGET (row), content, &GRAPHENE_POINT_INIT (0, 0), &point))
    return;
  gtk_adjustment_set_value (adjustment, MAX (0, point.y - 24));
}

/* Where the writer was in each narrative, kept on the narrative for as
 * long as its workbook is open. */
typedef struct
{
  gint64 section_id;
  int    offset;
} Place;

#define PLACE_KEY "ll-editor-place"

void
_ll_narrative_editor_focus_text (LlNarrativeEditor     *self,
                                 LlNarrativeSectionRow *row,
                                 int                    offset)
{
  LlRichText *text = ll_narrative_section_row_get_rich_text (row);
  GtkTextBuffer *buffer = ll_rich_text_get_buffer (text);
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_widget_grab_focus (GTK_WIDGET (ll_rich_text_get_text_view (text)));
}

void
_ll_narrative_editor_remember_place (LlNarrativeEditor *self)
{
  LlNarrativeSectionRow *row;
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  Place *place;

  if (self->narrative == NULL || self->current_section == NULL)
    return;
  row = ll_narrative_editor_find_row (self, self->current_section);
  if (row == NULL)
    return;
  buffer = ll_rich_text_get_buffer (ll_narrative_section_row_get_rich_text (row));
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  place = g_new0 (Place, 1);
  place->section_id = ll_narrative_section_get_id (self->current_section);
  place->offset = gtk_text_iter_get_offset (&iter);
  g_object_set_data_full (G_OBJECT (self->narrative), PLACE_KEY, place, g_free);
}

void
ll_narrative_editor_focus_start (LlNarrativeEditor *self,
                                 gboolean           in_title)
{
  Place *place;
  LlNarrativeSectionRow *row = NULL;
  int offset = 0;

  g_return_if_fail (LL_IS_NARRATIVE_EDITOR (self));

  if (self->narrative == NULL)
    return;
  if (in_title && !self->read_only)
    {
      GtkTextIter start, end;

      /* the title a new narrative starts with is there to be typed over */
      gtk_widget_grab_focus (GTK_WIDGET (self->title_view));
      gtk_text_buffer_get_bounds (self->title_buffer, &start, &end);
      gtk_text_buffer_select_range (self->title_buffer, &end, &start);
      return;
    }
  place = g_object_get_data (G_OBJECT (self->narrative), PLACE_KEY);
  if (place != NULL)
    {
      LlNarrativeSection *section = ll_narrative_editor_find_section (self, place->section_id, NULL);

      if (section != NULL)
        row = ll_narrative_editor_find_row (self, section);
      offset = place->offset;
    }
  if (row == NULL)
    {
      row = LL_NARRATIVE_SECTION_ROW (ll_narrative_editor_get_section_row (self, 0));
      offset = 0;
    }
  if (row != NULL)
    _ll_narrative_editor_focus_text (self, row, offset);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->title_view));
}

