/* ll-window.c: the main window: one workbook, its places, its menu */
#define G_LOG_DOMAIN "ll-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ll-certificates-place.h"
#include "ll-gui-util.h"
#include "ll-observations-page.h"
#include "ll-portfolios-place.h"
#include "ll-school-window.h"
#include "ll-vision-page.h"
#include "ll-window-private.h"

#define MAX_RECENT 8


G_DEFINE_FINAL_TYPE (LlWindow, ll_window, ADW_TYPE_APPLICATION_WINDOW)

/* The places: one row in the sidebar and one page in the stack each, in
 * this order. Each type implements LlPlace. */
static GType (* const place_types[]) (void) = {
  ll_vision_page_get_type,
  ll_observations_page_get_type,
  ll_portfolios_place_get_type,
  ll_certificates_place_get_type,
};


GtkWidget *
ll_window_show_message (LlWindow   *self,
                        const char *heading,
                        const char *body)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

char *
ll_window_display_basename (const char *path)
{
  return g_filename_display_basename (path);
}

/* A file name for a menu label, where "_" would otherwise be a mnemonic. */
static char *
escape_mnemonics (const char *label)
{
  g_autoptr(GString) s = g_string_new (label);

  g_string_replace (s, "_", "__", 0);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
update_title (LlWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (self->workbook != NULL)
    {
      title = ll_workbook_dup_title (self->workbook);
      subtitle = ll_window_display_basename (ll_workbook_get_path (self->workbook));
    }
  else
    title = g_strdup (_("Leading Learning"));

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle ? subtitle : "");
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
update_actions (LlWindow *self)
{
  gboolean has_workbook = self->workbook != NULL;
  gboolean has_documents = FALSE;

  if (has_workbook)
    has_documents = g_list_model_get_n_items (ll_workbook_get_documents (self->workbook)) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-copy", has_workbook);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.school", has_workbook);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-to-new-place",
                                 has_workbook && !ll_workbook_get_read_only (self->workbook));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-docbook", has_documents);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", has_documents);
}

static void
rebuild_recent_menu (LlWindow *self)
{
  g_auto(GStrv) paths = g_settings_get_strv (self->settings, "recent-workbooks");
  guint shown = 0;

  g_menu_remove_all (self->recent_menu);
  for (guint i = 0; paths[i] != NULL && shown < MAX_RECENT; i++)
    {
      g_autofree char *path = ll_gui_path_from_setting (paths[i]);
      g_autofree char *base = NULL;
      g_autofree char *label = NULL;
      g_autoptr(GMenuItem) item = NULL;

      if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;
      base = ll_window_display_basename (path);
      label = escape_mnemonics (base);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "win.open-recent",
                                               g_variant_new_string (paths[i]));
      g_menu_append_item (self->recent_menu, item);
      shown++;
    }

  if (shown == 0)
    g_menu_append (self->recent_menu, _("No Recent Workbooks"), "win.no-recent");
}

static void
remember_workbook (LlWindow   *self,
                   const char *path)
{
  g_autofree char *abs = ll_gui_path_to_setting (path);
  g_auto(GStrv) old = g_settings_get_strv (self->settings, "recent-workbooks");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) recent = NULL;
  guint n = 1;

  g_strv_builder_add (builder, abs);
  for (guint i = 0; old[i] != NULL && n < MAX_RECENT; i++)
    {
      if (g_strcmp0 (old[i], abs) == 0)
        continue;
      g_strv_builder_add (builder, old[i]);
      n++;
    }
  recent = g_strv_builder_end (builder);

  if (!g_strv_equal ((const char * const *) recent, (const char * const *) old))
    g_settings_set_strv (self->settings, "recent-workbooks", (const char * const *) recent);
  g_settings_set_string (self->settings, "last-workbook", abs);
}

static void
school_name_changed_cb (LlWindow   *self,
                        GParamSpec *pspec,
                        LlSchool   *school)
{
  update_title (self);
}

static void
moved_cb (LlWindow *self)
{
  gtk_revealer_set_reveal_child (self->moved_revealer,
                                 self->workbook != NULL && ll_workbook_get_moved (self->workbook));
}

static void
path_changed_cb (LlWindow *self)
{
  /* saved to a new place: that is the workbook from now on */
  remember_workbook (self, ll_workbook_get_path (self->workbook));
  update_title (self);
  moved_cb (self);
}

static void
write_failed_cb (LlWindow     *self,
                 const GError *error,
                 LlWorkbook   *workbook)
{
  GtkWidget *dialog;

  /* the banner says it, and stays while it lasts */
  if (g_error_matches (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_MOVED))
    {
      moved_cb (self);
      return;
    }

  /* Typing into a field that cannot be written fails on every key: one
   * dialog at a time is enough. */
  if (self->write_failed_dialog != NULL)
    return;

  dialog = ll_window_show_message (self, _("Changes Could Not Be Saved"), error->message);
  g_set_weak_pointer (&self->write_failed_dialog, GTK_WINDOW (dialog));
}

void
ll_window_add_toast (LlWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (LL_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

LlWorkbook *
ll_window_get_workbook (LlWindow *self)
{
  g_return_val_if_fail (LL_IS_WINDOW (self), NULL);

  return self->workbook;
}

void
ll_window_flush_places (LlWindow *self)
{
  for (guint i = 0; self->places != NULL && i < self->places->len; i++)
    ll_place_flush (g_ptr_array_index (self->places, i));
}

static void
set_places_workbook (LlWindow   *self,
                     LlWorkbook *workbook)
{
  for (guint i = 0; self->places != NULL && i < self->places->len; i++)
    ll_place_set_workbook (g_ptr_array_index (self->places, i), workbook);
}

static void
drop_workbook (LlWindow *self)
{
  /* what waits to be written goes to the workbook before it closes */
  set_places_workbook (self, NULL);

  if (self->school_window != NULL)
    gtk_window_destroy (self->school_window);
  g_clear_weak_pointer (&self->school_window);

  if (self->school != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->school, self);
      g_clear_object (&self->school);
    }
  if (self->workbook != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->workbook, self);
      ll_workbook_close (self->workbook);
      g_clear_object (&self->workbook);
    }
}

void
ll_window_set_workbook (LlWindow   *self,
                        LlWorkbook *workbook)
{
  const char *backup;

  g_return_if_fail (LL_IS_WINDOW (self));
  g_return_if_fail (workbook == NULL || LL_IS_WORKBOOK (workbook));

  if (self->workbook == workbook)
    return;

  drop_workbook (self);

  if (workbook != NULL)
    {
      self->workbook = g_object_ref (workbook);
      self->school = g_object_ref (ll_workbook_get_school (workbook));
      g_signal_connect_object (self->workbook, "write-failed",
                               G_CALLBACK (write_failed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->workbook, "notify::moved",
                               G_CALLBACK (moved_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->workbook, "notify::path",
                               G_CALLBACK (path_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->school, "notify::name",
                               G_CALLBACK (school_name_changed_cb), self,
                               G_CONNECT_SWAPPED);
      remember_workbook (self, ll_workbook_get_path (workbook));
    }

  set_places_workbook (self, workbook);
  gtk_stack_set_visible_child_name (self->main_stack,
                                    workbook != NULL ? "workbook" : "empty");
  gtk_revealer_set_reveal_child (self->banner_revealer,
                                 workbook != NULL && ll_workbook_get_read_only (workbook));
  moved_cb (self);
  update_title (self);
  update_actions (self);

  backup = workbook != NULL ? ll_workbook_get_backup_path (workbook) : NULL;
  if (backup != NULL)
    {
      g_autofree char *name = ll_window_display_basename (backup);
      g_autofree char *text = NULL;
      GtkWidget *label;
      AdwToast *toast;

      text = g_strdup_printf (_("This workbook was upgraded; a backup of the old version was saved as “%s”"),
                              name);
      /* The backup's name is long: let the message wrap rather than cut it. */
      label = gtk_label_new (text);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "heading");
      toast = adw_toast_new (_("This workbook was upgraded"));
      adw_toast_set_custom_title (toast, label);
      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

void
ll_window_show_open_error (LlWindow     *self,
                           const char   *path,
                           const GError *error)
{
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;

  g_return_if_fail (LL_IS_WINDOW (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (error != NULL);

  name = ll_window_display_basename (path);
  /* Translators: %s is a file name */
  heading = g_strdup_printf (_("Could Not Open “%s”"), name);
  ll_window_show_message (self, heading, error->message);
}

gboolean
ll_window_open_path (LlWindow   *self,
                     const char *path)
{
  g_autoptr(LlWorkbook) workbook = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (LL_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  workbook = ll_workbook_open (path, LL_WORKBOOK_OPEN_DEFAULT, &error);
  if (workbook == NULL)
    {
      ll_window_show_open_error (self, path, error);
      return FALSE;
    }
  ll_window_set_workbook (self, workbook);
  return TRUE;
}

gboolean
ll_window_shows_path (LlWindow   *self,
                      const char *path)
{
  g_autoptr(GFile) a = NULL;
  g_autoptr(GFile) b = NULL;

  g_return_val_if_fail (LL_IS_WINDOW (self), FALSE);

  if (self->workbook == NULL || path == NULL)
    return FALSE;
  a = g_file_new_for_path (ll_workbook_get_path (self->workbook));
  b = g_file_new_for_path (path);
  return g_file_equal (a, b);
}

const char *
ll_window_get_place (LlWindow *self)
{
  g_return_val_if_fail (LL_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/* The index of the place called @name in the sidebar, or -1. */
static int
find_place (LlWindow   *self,
            const char *name)
{
  for (guint i = 0; self->places != NULL && i < self->places->len; i++)
    if (g_strcmp0 (ll_place_get_name (g_ptr_array_index (self->places, i)), name) == 0)
      return i;
  return -1;
}

void
ll_window_set_place (LlWindow   *self,
                     const char *place)
{
  int index;

  g_return_if_fail (LL_IS_WINDOW (self));

  index = find_place (self, place);
  if (index < 0)
    {
      g_warning ("No place called “%s”", place);
      return;
    }
  gtk_list_box_select_row (self->sidebar_list,
                           gtk_list_box_get_row_at_index (self->sidebar_list, index));
}

LlPlace *
ll_window_get_current_place (LlWindow *self)
{
  GtkWidget *child;

  g_return_val_if_fail (LL_IS_WINDOW (self), NULL);

  child = gtk_stack_get_visible_child (self->stack);
  return child != NULL && LL_IS_PLACE (child) ? LL_PLACE (child) : NULL;
}

LlPlace *
ll_window_lookup_place (LlWindow   *self,
                        const char *name)
{
  int index;

  g_return_val_if_fail (LL_IS_WINDOW (self), NULL);

  index = find_place (self, name);
  return index >= 0 ? g_ptr_array_index (self->places, index) : NULL;
}

GtkWindow *
ll_window_show_school_window (LlWindow *self)
{
  GtkWindow *window;

  g_return_val_if_fail (LL_IS_WINDOW (self), NULL);

  if (self->workbook == NULL)
    return NULL;

  if (self->school_window == NULL)
    {
      window = GTK_WINDOW (ll_school_window_new (self->workbook));
      gtk_window_set_transient_for (window, GTK_WINDOW (self));
      g_set_weak_pointer (&self->school_window, window);
    }
  gtk_window_present (self->school_window);
  return self->school_window;
}

/* Template callbacks */

/* A place that is editing (a narrative open in the Vision place) brings
 * its own header bar; in distraction-free mode the sidebar goes too, and
 * the window fills the screen. */
static void
update_chrome (LlWindow *self)
{
  LlPlace *place;
  gboolean editing, distraction_free;

  if (self->stack == NULL)
    return;
  place = ll_window_get_current_place (self);
  editing = place != NULL && ll_place_get_editing (place);
  distraction_free = editing && ll_place_get_distraction_free (place);

  gtk_widget_set_visible (self->content_header, !editing);
  gtk_widget_set_visible (GTK_WIDGET (self->banner_revealer), !editing);
  gtk_widget_set_visible (self->sidebar, !distraction_free);
  gtk_widget_set_visible (self->sidebar_separator, !distraction_free);

  if (distraction_free && !self->fullscreen_for_writing)
    {
      self->fullscreen_for_writing = TRUE;
      gtk_window_fullscreen (GTK_WINDOW (self));
    }
  else if (!distraction_free && self->fullscreen_for_writing)
    {
      self->fullscreen_for_writing = FALSE;
      gtk_window_unfullscreen (GTK_WINDOW (self));
    }
}

static void
sidebar_row_selected_cb (GtkListBox    *list,
                         GtkListBoxRow *row,
                         LlWindow      *self)
{
  int index;

  if (row == NULL)
    return;
  index = gtk_list_box_row_get_index (row);
  if (self->places != NULL && index >= 0 && (guint) index < self->places->len)
    gtk_stack_set_visible_child (self->stack, g_ptr_array_index (self->places, index));
}

static void
sidebar_row_activated_cb (GtkListBox    *list,
                          GtkListBoxRow *row,
                          LlWindow      *self)
{
  sidebar_row_selected_cb (list, row, self);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* In the sidebar the arrows go from place to place; Tab goes on to the
 * place's content (a list box would otherwise move to, and so select, the
 * next place at each Tab), and Shift+Tab back to the menu. */
static gboolean
sidebar_key_pressed_cb (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        LlWindow              *self)
{
  gboolean backward;

  if (keyval == GDK_KEY_ISO_Left_Tab)
    backward = TRUE;
  else if (keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab)
    backward = (state & GDK_SHIFT_MASK) != 0;
  else
    return FALSE;
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  if (backward)
    return gtk_widget_grab_focus (GTK_WIDGET (self->menu_button));
  if (adw_leaflet_get_folded (self->leaflet))
    return FALSE;
  return gtk_widget_child_focus (self->content, GTK_DIR_TAB_FORWARD);
}

static void
back_clicked_cb (LlWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
leaflet_folded_cb (LlWindow *self)
{
  for (guint i = 0; self->places != NULL && i < self->places->len; i++)
    ll_place_set_folded (g_ptr_array_index (self->places, i),
                         adw_leaflet_get_folded (self->leaflet));

  /* Folded, the sidebar is a list to pick from, not a selection to keep. */
  if (adw_leaflet_get_folded (self->leaflet))
    {
      gtk_list_box_set_selection_mode (self->sidebar_list, GTK_SELECTION_NONE);
    }
  else
    {
      const char *place = gtk_stack_get_visible_child_name (self->stack);

      gtk_list_box_set_selection_mode (self->sidebar_list, GTK_SELECTION_BROWSE);
      if (place != NULL)
        ll_window_set_place (self, place);
    }
}

static void
stack_visible_child_cb (LlWindow *self)
{
  const char *place = gtk_stack_get_visible_child_name (self->stack);

  update_chrome (self);

  /* Keep the sidebar in step when the place is changed from code. */
  if (place != NULL && !adw_leaflet_get_folded (self->leaflet))
    {
      GtkListBoxRow *selected = gtk_list_box_get_selected_row (self->sidebar_list);
      int index = find_place (self, place);
      GtkListBoxRow *row = index >= 0 ? gtk_list_box_get_row_at_index (self->sidebar_list, index) : NULL;

      if (row != NULL && row != selected)
        gtk_list_box_select_row (self->sidebar_list, row);
    }
}

static void
unsaved_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     LlWindow         *self)
{
  if (g_strcmp0 (response, "discard") == 0)
    {
      self->close_anyway = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
  else if (g_strcmp0 (response, "save") == 0)
    ll_window_choose_new_place (self);
}

/* Closing with changes that could not be written: the user decides. */
static void
ask_about_unsaved (LlWindow     *self,
                   const GError *error)
{
  GtkWidget *dialog;
  g_autofree char *body = NULL;

  if (self->write_failed_dialog != NULL)
    gtk_window_destroy (self->write_failed_dialog);
  body = g_strdup_printf ("%s\n\n%s", error->message,
                          _("Save the workbook to a new place to keep the latest changes, "
                            "or close and lose them."));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Changes Could Not Be Saved"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("Close _Without Saving"),
                                    "save", _("_Save to a New Place…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (unsaved_response_cb), self, 0);
  g_set_weak_pointer (&self->write_failed_dialog, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
ll_window_close_request (GtkWindow *window)
{
  LlWindow *self = LL_WINDOW (window);
  gboolean maximized = gtk_window_is_maximized (window);
  g_autoptr(GError) error = NULL;

  /* nothing typed is lost */
  ll_window_flush_places (self);
  if (self->workbook != NULL && !self->close_anyway
      && !ll_workbook_flush (self->workbook, &error))
    {
      ask_about_unsaved (self, error);
      return TRUE;
    }

  if (!maximized)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      if (width > 0 && height > 0)
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
    }
  g_settings_set_boolean (self->settings, "window-maximized", maximized);

  if (self->workbook != NULL)
    {
      g_autofree char *abs = ll_gui_path_to_setting (ll_workbook_get_path (self->workbook));

      g_settings_set_string (self->settings, "last-workbook", abs);
    }

  return GTK_WINDOW_CLASS (ll_window_parent_class)->close_request (window);
}

/**
 * ll_window_close_for_shutdown:
 * Writes everything that waits and closes the window without asking:
 * the session is ending (log-out, shut-down, kill), and a dialog would
 * never be answered.
 */
void
ll_window_close_for_shutdown (LlWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (LL_IS_WINDOW (self));

  ll_window_flush_places (self);
  if (self->workbook != NULL && !ll_workbook_flush (self->workbook, &error))
    g_printerr ("%s\n", _("Leading Learning is closing, but some changes could not be saved."));
  self->close_anyway = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static void
ll_window_dispose (GObject *object)
{
  LlWindow *self = LL_WINDOW (object);

  /* exports under way report to nobody; the object itself lives on until
   * finalize, so that their callbacks can still look at it */
  g_cancellable_cancel (self->cancellable);
  ll_window_clear_chooser (self);
  drop_workbook (self);
  g_clear_pointer (&self->places, g_ptr_array_unref);
  g_clear_weak_pointer (&self->write_failed_dialog);
  gtk_widget_dispose_template (GTK_WIDGET (self), LL_TYPE_WINDOW);

  G_OBJECT_CLASS (ll_window_parent_class)->dispose (object);
}

static void
ll_window_finalize (GObject *object)
{
  LlWindow *self = LL_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (ll_window_parent_class)->finalize (object);
}

static void
ll_window_class_init (LlWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ll_window_dispose;
  object_class->finalize = ll_window_finalize;
  window_class->close_request = ll_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/leadinglearning/LeadingLearning/ll-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LlWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LlWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, LlWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, LlWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, LlWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, LlWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, LlWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, LlWindow, moved_revealer);
  gtk_widget_class_bind_template_child (widget_class, LlWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, LlWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, LlWindow, sidebar_separator);
  gtk_widget_class_bind_template_child (widget_class, LlWindow, content_header);
  gtk_widget_class_bind_template_child (widget_class, LlWindow, content);
  gtk_widget_class_bind_template_child (widget_class, LlWindow, recent_menu);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, stack_visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_chrome);

  ll_window_class_install_actions (widget_class);
}

static GtkWidget *
sidebar_row_new (LlPlace *place)
{
  GtkWidget *row, *box, *label;

  row = gtk_list_box_row_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, ll_place_get_title (place),
                                  -1);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (ll_place_get_icon_name (place)));
  label = gtk_label_new (ll_place_get_title (place));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

/* One sidebar row and one stack page for each place in the table. */
static void
add_places (LlWindow *self)
{
  self->places = g_ptr_array_sized_new (G_N_ELEMENTS (place_types));
  for (guint i = 0; i < G_N_ELEMENTS (place_types); i++)
    {
      GType type = place_types[i] ();
      LlPlace *place;

      g_assert (g_type_is_a (type, LL_TYPE_PLACE));
      place = g_object_new (type, NULL);
      g_ptr_array_add (self->places, place);
      gtk_list_box_append (self->sidebar_list, sidebar_row_new (place));
      gtk_stack_add_titled (self->stack, GTK_WIDGET (place),
                            ll_place_get_name (place), ll_place_get_title (place));
      g_signal_connect_object (place, "notify::editing",
                               G_CALLBACK (update_chrome), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (place, "notify::distraction-free",
                               G_CALLBACK (update_chrome), self, G_CONNECT_SWAPPED);
    }
}

static void
ll_window_init (LlWindow *self)
{
  GtkEventController *key;
  int width, height;

  gtk_widget_init_template (GTK_WIDGET (self));
  add_places (self);

  key = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect_object (key, "key-pressed", G_CALLBACK (sidebar_key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->sidebar_list), key);

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APPLICATION_ID);
  width = g_settings_get_int (self->settings, "window-width");
  height = g_settings_get_int (self->settings, "window-height");
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_signal_connect_object (self->settings, "changed::recent-workbooks",
                           G_CALLBACK (rebuild_recent_menu), self, G_CONNECT_SWAPPED);
  rebuild_recent_menu (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.no-recent", FALSE);
  gtk_list_box_select_row (self->sidebar_list,
                           gtk_list_box_get_row_at_index (self->sidebar_list, 0));
  stack_visible_child_cb (self);
  gtk_stack_set_visible_child_name (self->main_stack, "empty");
  update_title (self);
  update_actions (self);
}

LlWindow *
ll_window_new (GtkApplication *application)
{
  return g_object_new (LL_TYPE_WINDOW, "application", application, NULL);
}
