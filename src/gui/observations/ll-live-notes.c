/* ll-live-notes.c: notes taken in the classroom, by the minute
 *
 * Everything works from the keyboard, so that the observer can keep
 * their eyes on the class: Enter adds the note typed at the current
 * minute, Ctrl+1 to Ctrl+9 tag it with a focus behaviour, Alt+1 to Alt+9
 * count a behaviour as seen, Alt+Backspace undoes the last count, and
 * "#name" in the note tags it with the behaviour whose name or key
 * begins so. Each note and each count is written to the workbook at once
 * (LlObservation), so that nothing is lost if the laptop dies.
 */
#define G_LOG_DOMAIN "ll-live-notes"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "ll-live-notes.h"

#define MAX_FOCUS 9

struct _LlLiveNotes
{
  GtkWidget      parent_instance;

  LlObservation *observation;
  LlFramework   *framework;
  GPtrArray     *focus;          /* of char *: behaviour keys, in order */
  GPtrArray     *tally_buttons;  /* of GtkButton, unowned, as focus */
  GPtrArray     *tag_buttons;    /* of GtkToggleButton, unowned, as focus */
  GArray        *undo;           /* of guint: indexes into focus, last counted last */
  gint64         started;        /* monotonic time of minute 1's start */
  guint          clock_id;

  /* template widgets */
  GtkLabel      *clock_label;
  GtkButton     *undo_button;
  GtkFlowBox    *tally_box;
  GtkListBox    *notes_list;
  GtkScrolledWindow *notes_scroll;
  GtkFlowBox    *tag_box;
  GtkEntry      *note_entry;
};

G_DEFINE_FINAL_TYPE (LlLiveNotes, ll_live_notes, GTK_TYPE_WIDGET)

static const char *
behaviour_name (LlLiveNotes *self,
                const char  *key)
{
  const LlBehaviour *behaviour = self->framework != NULL
                                 ? ll_framework_find_behaviour (self->framework, key, NULL) : NULL;

  return behaviour != NULL ? behaviour->name : key;
}

/* The clock ------------------------------------------------------------------ */

guint
ll_live_notes_get_minute (LlLiveNotes *self)
{
  gint64 elapsed;

  g_return_val_if_fail (LL_IS_LIVE_NOTES (self), 1);
  elapsed = g_get_monotonic_time () - self->started;
  return (guint) MAX (elapsed / G_USEC_PER_SEC / 60, 0) + 1;
}

static gboolean
update_clock (gpointer data)
{
  LlLiveNotes *self = data;
  g_autofree char *text = g_strdup_printf (_("Minute %u"), ll_live_notes_get_minute (self));

  gtk_label_set_text (self->clock_label, text);
  return G_SOURCE_CONTINUE;
}

void
ll_live_notes_set_minute (LlLiveNotes *self,
                          guint        minute)
{
  g_return_if_fail (LL_IS_LIVE_NOTES (self));
  self->started = g_get_monotonic_time () - (gint64) (MAX (minute, 1) - 1) * 60 * G_USEC_PER_SEC;
  update_clock (self);
}

/* When the lesson began today at the observation's start time, the clock
 * counts from then; otherwise from when the notes were opened. */
static void
start_clock (LlLiveNotes *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  const char *date = ll_observation_get_text (self->observation, LL_OBSERVATION_DATE);
  const char *start = ll_observation_get_text (self->observation, LL_OBSERVATION_START);
  int hour, minute;
  guint lesson_minute = 1;

  if (g_strcmp0 (date, today) == 0 && sscanf (start, "%2d:%2d", &hour, &minute) == 2)
    {
      int since = (g_date_time_get_hour (now) * 60 + g_date_time_get_minute (now)) - (hour * 60 + minute);

      if (since >= 0 && since < 6 * 60)
        lesson_minute = (guint) since + 1;
    }
  ll_live_notes_set_minute (self, lesson_minute);
}

/* Tallies -------------------------------------------------------------------- */

static void
update_tally_button (LlLiveNotes *self,
                     guint        index)
{
  GtkButton *button = g_ptr_array_index (self->tally_buttons, index);
  const char *key = g_ptr_array_index (self->focus, index);
  guint count = ll_observation_get_tally (self->observation, key);
  g_autofree char *escaped = NULL;
  g_autofree char *accessible = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, seen %u time",
                                                              "%s, seen %u times", count),
                                                 behaviour_name (self, key), count);

  /* the name may hold markup characters: escape it within the label */
  escaped = g_markup_printf_escaped ("%u  %s  <b>%u</b>", index + 1, behaviour_name (self, key), count);
  gtk_label_set_markup (GTK_LABEL (gtk_button_get_child (button)), escaped);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
count (LlLiveNotes *self,
       guint        index)
{
  if (self->observation == NULL || index >= self->focus->len)
    return;
  ll_observation_change_tally (self->observation, g_ptr_array_index (self->focus, index), +1);
  g_array_append_val (self->undo, index);
  gtk_widget_set_sensitive (GTK_WIDGET (self->undo_button), TRUE);
  update_tally_button (self, index);
}

static void
tally_clicked_cb (GtkButton   *button,
                  LlLiveNotes *self)
{
  guint index;

  if (g_ptr_array_find (self->tally_buttons, button, &index))
    count (self, index);
  /* typing goes on where it was */
  gtk_widget_grab_focus (GTK_WIDGET (self->note_entry));
}

static void
undo_clicked_cb (LlLiveNotes *self)
{
  guint index;

  if (self->observation == NULL || self->undo->len == 0)
    return;
  index = g_array_index (self->undo, guint, self->undo->len - 1);
  g_array_set_size (self->undo, self->undo->len - 1);
  ll_observation_change_tally (self->observation, g_ptr_array_index (self->focus, index), -1);
  update_tally_button (self, index);
  gtk_widget_set_sensitive (GTK_WIDGET (self->undo_button), self->undo->len > 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->note_entry));
}

/* Notes ---------------------------------------------------------------------- */

static GtkWidget *
create_note_row (gpointer item,
                 gpointer user_data)
{
  LlLiveNotes *self = user_data;
  LlObservationNote *note = item;
  g_auto(GStrv) keys = g_strsplit (ll_observation_note_get_behaviours (note), " ", -1);
  g_autoptr(GString) tags = g_string_new (NULL);
  g_autofree char *minute = g_strdup_printf (_("%u′"), ll_observation_note_get_minute (note));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *minute_label = gtk_label_new (minute);
  GtkWidget *text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *text = gtk_label_new (ll_observation_note_get_text (note));

  for (guint i = 0; keys[i] != NULL; i++)
    if (keys[i][0] != '\0')
      {
        if (tags->len > 0)
          g_string_append (tags, _(", "));
        g_string_append (tags, behaviour_name (self, keys[i]));
      }
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_add_css_class (minute_label, "numeric");
  gtk_widget_add_css_class (minute_label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (minute_label), 1);
  gtk_label_set_width_chars (GTK_LABEL (minute_label), 4);
  gtk_widget_set_valign (minute_label, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (text_box, TRUE);
  gtk_box_append (GTK_BOX (text_box), text);
  if (tags->len > 0)
    {
      GtkWidget *tag_label = gtk_label_new (tags->str);

      gtk_label_set_xalign (GTK_LABEL (tag_label), 0);
      gtk_label_set_wrap (GTK_LABEL (tag_label), TRUE);
      gtk_widget_add_css_class (tag_label, "caption");
      gtk_widget_add_css_class (tag_label, "accent");
      gtk_box_append (GTK_BOX (text_box), tag_label);
    }
  gtk_box_append (GTK_BOX (box), minute_label);
  gtk_box_append (GTK_BOX (box), text_box);
  return box;
}

/* The behaviour whose key or name begins with @word, in the whole
 * framework; NULL if none or more than one. */
static const char *
find_tag (LlLiveNotes *self,
          const char  *word)
{
  g_autofree char *wanted = g_utf8_casefold (word, -1);
  const char *found = NULL;

  if (self->framework == NULL || wanted[0] == '\0')
    return NULL;
  for (guint g = 0; g < ll_framework_get_n_groups (self->framework); g++)
    for (guint b = 0; b < ll_framework_get_n_behaviours (self->framework, g); b++)
      {
        const LlBehaviour *behaviour = ll_framework_get_behaviour (self->framework, g, b);
        g_autofree char *name = g_utf8_casefold (behaviour->name, -1);

        if (g_str_has_prefix (behaviour->id, wanted) || g_str_has_prefix (name, wanted))
          {
            if (found != NULL && !g_str_equal (found, behaviour->id))
              return NULL;
            found = behaviour->id;
          }
      }
  return found;
}

static void
add_tag (GPtrArray  *tags,
         const char *key)
{
  if (!g_ptr_array_find_with_equal_func (tags, key, g_str_equal, NULL))
    g_ptr_array_add (tags, (gpointer) key);
}

/* Once the new row is laid out: the newest note in view. */
static gboolean
scroll_to_end (gpointer data)
{
  LlLiveNotes *self = data;

  if (self->notes_scroll != NULL)
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->notes_scroll);

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    }
  return G_SOURCE_REMOVE;
}

static void
note_activate_cb (LlLiveNotes *self)
{
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) words = NULL;
  g_autofree char *behaviours = NULL;
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->note_entry));

  if (self->observation == NULL)
    return;
  for (guint i = 0; i < self->tag_buttons->len; i++)
    if (gtk_toggle_button_get_active (g_ptr_array_index (self->tag_buttons, i)))
      add_tag (tags, g_ptr_array_index (self->focus, i));
  /* "#name" tags the note, and leaves the text */
  words = g_strsplit (typed, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *key = words[i][0] == '#' ? find_tag (self, words[i] + 1) : NULL;

      if (key != NULL)
        {
          add_tag (tags, key);
          continue;
        }
      if (words[i][0] == '\0')
        continue;
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, words[i]);
    }
  if (text->len == 0 && tags->len == 0)
    return;
  g_ptr_array_add (tags, NULL);
  behaviours = g_strjoinv (" ", (char **) tags->pdata);
  if (ll_observation_add_note (self->observation, ll_live_notes_get_minute (self), behaviours, text->str,
                               &error) == NULL)
    {
      /* the words stay in the entry, to add again */
      gtk_widget_error_bell (GTK_WIDGET (self));
      g_warning ("A note could not be added: %s", error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
  for (guint i = 0; i < self->tag_buttons->len; i++)
    gtk_toggle_button_set_active (g_ptr_array_index (self->tag_buttons, i), FALSE);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, scroll_to_end, g_object_ref (self), g_object_unref);
}

/* Keys ----------------------------------------------------------------------- */

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                LlLiveNotes           *self)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  guint digit;

  if (mods == GDK_ALT_MASK && keyval == GDK_KEY_BackSpace)
    {
      undo_clicked_cb (self);
      return TRUE;
    }
  if (keyval >= GDK_KEY_1 && keyval <= GDK_KEY_9)
    digit = keyval - GDK_KEY_1;
  else if (keyval >= GDK_KEY_KP_1 && keyval <= GDK_KEY_KP_9)
    digit = keyval - GDK_KEY_KP_1;
  else
    return FALSE;
  if (digit >= self->focus->len)
    return FALSE;
  if (mods == GDK_CONTROL_MASK)
    {
      GtkToggleButton *tag = g_ptr_array_index (self->tag_buttons, digit);

      gtk_toggle_button_set_active (tag, !gtk_toggle_button_get_active (tag));
      return TRUE;
    }
  if (mods == GDK_ALT_MASK)
    {
      count (self, digit);
      return TRUE;
    }
  return FALSE;
}

/* The observation ------------------------------------------------------------ */

static void
clear_flow_box (GtkFlowBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_flow_box_remove (box, child);
}

void
ll_live_notes_set_observation (LlLiveNotes   *self,
                               LlObservation *observation,
                               LlFramework   *framework)
{
  g_auto(GStrv) keys = NULL;

  g_return_if_fail (LL_IS_LIVE_NOTES (self));
  g_return_if_fail (observation == NULL || LL_IS_OBSERVATION (observation));

  g_set_object (&self->observation, observation);
  g_set_object (&self->framework, framework);
  g_ptr_array_set_size (self->focus, 0);
  g_ptr_array_set_size (self->tally_buttons, 0);
  g_ptr_array_set_size (self->tag_buttons, 0);
  g_array_set_size (self->undo, 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->undo_button), FALSE);
  clear_flow_box (self->tally_box);
  clear_flow_box (self->tag_box);
  gtk_list_box_bind_model (self->notes_list, NULL, NULL, NULL, NULL);
  if (observation == NULL)
    return;

  keys = g_strsplit (ll_observation_get_text (observation, LL_OBSERVATION_FOCUS), " ", -1);
  for (guint i = 0; keys[i] != NULL && self->focus->len < MAX_FOCUS; i++)
    {
      GtkWidget *tally, *tag;
      g_autofree char *tag_label = NULL;
      g_autofree char *tag_tooltip = NULL;
      g_autofree char *tally_tooltip = NULL;

      if (keys[i][0] == '\0')
        continue;
      g_ptr_array_add (self->focus, g_strdup (keys[i]));

      tally = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (tally), gtk_label_new (NULL));
      tally_tooltip = g_strdup_printf (_("Count %s as seen (Alt+%u)"), behaviour_name (self, keys[i]),
                                       self->focus->len);
      gtk_widget_set_tooltip_text (tally, tally_tooltip);
      gtk_widget_set_focus_on_click (tally, FALSE);
      gtk_widget_add_css_class (tally, "pill");
      g_signal_connect (tally, "clicked", G_CALLBACK (tally_clicked_cb), self);
      gtk_flow_box_append (self->tally_box, tally);
      g_ptr_array_add (self->tally_buttons, tally);
      update_tally_button (self, self->focus->len - 1);

      tag_label = g_strdup_printf ("#%s", behaviour_name (self, keys[i]));
      tag = gtk_toggle_button_new_with_label (tag_label);
      tag_tooltip = g_strdup_printf (_("Tag the next note with %s (Ctrl+%u)"), behaviour_name (self, keys[i]),
                                     self->focus->len);
      gtk_widget_set_tooltip_text (tag, tag_tooltip);
      gtk_widget_set_focus_on_click (tag, FALSE);
      gtk_widget_add_css_class (tag, "flat");
      gtk_flow_box_append (self->tag_box, tag);
      g_ptr_array_add (self->tag_buttons, tag);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->tally_box), self->focus->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->tag_box), self->focus->len > 0);
  gtk_list_box_bind_model (self->notes_list, ll_observation_get_notes (observation), create_note_row, self, NULL);
  start_clock (self);
}

GtkEditable *
ll_live_notes_get_entry (LlLiveNotes *self)
{
  g_return_val_if_fail (LL_IS_LIVE_NOTES (self), NULL);
  return GTK_EDITABLE (self->note_entry);
}

GtkWidget *
ll_live_notes_new (void)
{
  return g_object_new (LL_TYPE_LIVE_NOTES, NULL);
}

static gboolean
ll_live_notes_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (LL_LIVE_NOTES (widget)->note_entry));
}

static void
ll_live_notes_dispose (GObject *object)
{
  LlLiveNotes *self = LL_LIVE_NOTES (object);
  GtkWidget *child;

  g_clear_handle_id (&self->clock_id, g_source_remove);
  if (self->notes_list != NULL)
    gtk_list_box_bind_model (self->notes_list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LL_TYPE_LIVE_NOTES);
  /* and the template's children that have no name */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->observation);
  g_clear_object (&self->framework);
  G_OBJECT_CLASS (ll_live_notes_parent_class)->dispose (object);
}

static void
ll_live_notes_finalize (GObject *object)
{
  LlLiveNotes *self = LL_LIVE_NOTES (object);

  g_ptr_array_unref (self->focus);
  g_ptr_array_unref (self->tally_buttons);
  g_ptr_array_unref (self->tag_buttons);
  g_array_unref (self->undo);
  G_OBJECT_CLASS (ll_live_notes_parent_class)->finalize (object);
}

static void
ll_live_notes_class_init (LlLiveNotesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ll_live_notes_dispose;
  object_class->finalize = ll_live_notes_finalize;
  widget_class->grab_focus = ll_live_notes_grab_focus;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/leadinglearning/LeadingLearning/ll-live-notes.ui");
  gtk_widget_class_bind_template_child (widget_class, LlLiveNotes, clock_label);
  gtk_widget_class_bind_template_child (widget_class, LlLiveNotes, undo_button);
  gtk_widget_class_bind_template_child (widget_class, LlLiveNotes, tally_box);
  gtk_widget_class_bind_template_child (widget_class, LlLiveNotes, notes_list);
  gtk_widget_class_bind_template_child (widget_class, LlLiveNotes, notes_scroll);
  gtk_widget_class_bind_template_child (widget_class, LlLiveNotes, tag_box);
  gtk_widget_class_bind_template_child (widget_class, LlLiveNotes, note_entry);
  gtk_widget_class_bind_template_callback (widget_class, note_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, undo_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ll-live-notes");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ll_live_notes_init (LlLiveNotes *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkLayoutManager *layout;

  self->focus = g_ptr_array_new_with_free_func (g_free);
  self->tally_buttons = g_ptr_array_new ();
  self->tag_buttons = g_ptr_array_new ();
  self->undo = g_array_new (FALSE, FALSE, sizeof (guint));
  gtk_widget_init_template (GTK_WIDGET (self));
  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 12);

  /* before the entry sees them: Ctrl+digit and Alt+digit are ours */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  self->started = g_get_monotonic_time ();
  self->clock_id = g_timeout_add_seconds (10, update_clock, self);
  update_clock (self);
}
