/* test-live-notes.c: notes taken in a lesson from the keyboard: tags,
 * tallies with undo, "#name" tags, and what reaches the workbook (display
 * suite) */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "ll-framework.h"
#include "ll-live-notes.h"
#include "ll-observation-private.h"
#include "ll-resources.h"
#include "ll-store-observation.h"
#include "ll-test-gui.h"
#include "ll-test-util.h"

typedef struct
{
  char          *dir;
  char          *path;
  LlStore       *store;
  LlPending     *pending;
  LlObservation *observation;
  LlFramework   *framework;
  GtkWindow     *window;
  LlLiveNotes   *notes;
} Fixture;

static gboolean
has_focus_within (gpointer data)
{
  GtkWidget *widget = data;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) builtin = ll_framework_list_builtin ();
  gint64 framework_id, id;

  f->dir = ll_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "Live.llw", NULL);
  f->store = ll_store_create (f->path, &error);
  g_assert_no_error (error);
  f->pending = ll_pending_new (f->store);
  f->framework = g_object_ref (g_ptr_array_index (builtin, 0));
  framework_id = ll_store_save_framework (f->store, 0, f->framework, &error);
  id = ll_store_insert_observation (f->store, "5S mathematics", framework_id, "2026-01-20", &error);
  ll_store_update_observation_text (f->store, id, LL_STORE_OBSERVATION_FOCUS, "perseverance questioning", &error);
  g_assert_no_error (error);
  f->observation = _ll_observation_load (f->store, f->pending, id, &error);
  g_assert_no_error (error);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 720, 560);
  f->notes = LL_LIVE_NOTES (ll_live_notes_new ());
  ll_live_notes_set_observation (f->notes, f->observation, f->framework);
  gtk_window_set_child (f->window, GTK_WIDGET (f->notes));
  gtk_window_present (f->window);
  gtk_widget_grab_focus (GTK_WIDGET (f->notes));
  g_assert_true (ll_test_wait_for (has_focus_within, ll_live_notes_get_entry (f->notes)));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  ll_test_destroy_all_windows ();
  ll_pending_flush (f->pending, NULL);
  g_clear_object (&f->observation);
  g_clear_object (&f->framework);
  g_clear_object (&f->pending);
  g_clear_object (&f->store);
  ll_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
type_note (Fixture    *f,
           const char *text)
{
  GtkEditable *entry = ll_live_notes_get_entry (f->notes);

  gtk_editable_set_text (entry, text);
  gtk_editable_set_position (entry, -1);
  g_signal_emit_by_name (entry, "activate");
}

/* What the workbook holds, read by another connection. */
static GPtrArray *
stored_notes (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlStore) reader = ll_store_open (f->path, TRUE, NULL, &error);
  GPtrArray *notes;

  g_assert_no_error (error);
  notes = ll_store_list_notes (reader, ll_observation_get_id (f->observation), &error);
  g_assert_no_error (error);
  return notes;
}

static guint
stored_tally (Fixture    *f,
              const char *behaviour)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlStore) reader = ll_store_open (f->path, TRUE, NULL, &error);
  g_autoptr(GPtrArray) tallies = ll_store_list_tallies (reader, ll_observation_get_id (f->observation), &error);

  for (guint i = 0; i < tallies->len; i++)
    {
      LlStoreMark *mark = g_ptr_array_index (tallies, i);

      if (g_str_equal (mark->behaviour, behaviour))
        return (guint) mark->value;
    }
  return 0;
}

static void
test_keyboard (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) notes = NULL;
  LlStoreNote *note;

  ll_live_notes_set_minute (f->notes, 7);
  /* Ctrl+1 tags the note being typed with the first focus behaviour */
  ll_test_press_key (GTK_WIDGET (f->window), GDK_KEY_1, GDK_CONTROL_MASK);
  type_note (f, "Jo rubs out and tries another way");
  /* "#name" tags by name; the tag leaves the text */
  ll_live_notes_set_minute (f->notes, 12);
  type_note (f, "Pairs ask why the pattern breaks #quest");
  /* an empty note adds nothing; a plain one is added untagged */
  type_note (f, "   ");
  type_note (f, "Teacher waits before helping");
  g_assert_cmpstr (gtk_editable_get_text (ll_live_notes_get_entry (f->notes)), ==, "");

  /* each note is in the workbook the moment it is added */
  notes = stored_notes (f);
  g_assert_cmpuint (notes->len, ==, 3);
  note = g_ptr_array_index (notes, 0);
  g_assert_cmpuint (note->minute, ==, 7);
  g_assert_cmpstr (note->behaviours, ==, "perseverance");
  g_assert_cmpstr (note->text, ==, "Jo rubs out and tries another way");
  note = g_ptr_array_index (notes, 1);
  g_assert_cmpuint (note->minute, ==, 12);
  g_assert_cmpstr (note->behaviours, ==, "questioning");
  g_assert_cmpstr (note->text, ==, "Pairs ask why the pattern breaks");
  note = g_ptr_array_index (notes, 2);
  g_assert_cmpstr (note->behaviours, ==, "");

  /* Alt+2 counts the second focus behaviour; Alt+Backspace undoes it */
  ll_test_press_key (GTK_WIDGET (f->window), GDK_KEY_2, GDK_ALT_MASK);
  ll_test_press_key (GTK_WIDGET (f->window), GDK_KEY_2, GDK_ALT_MASK);
  ll_test_press_key (GTK_WIDGET (f->window), GDK_KEY_1, GDK_ALT_MASK);
  g_assert_cmpuint (stored_tally (f, "questioning"), ==, 2);
  g_assert_cmpuint (stored_tally (f, "perseverance"), ==, 1);
  ll_test_press_key (GTK_WIDGET (f->window), GDK_KEY_BackSpace, GDK_ALT_MASK);
  g_assert_cmpuint (stored_tally (f, "perseverance"), ==, 0);
  g_assert_cmpuint (stored_tally (f, "questioning"), ==, 2);
  /* digits without a modifier are words of the note */
  ll_test_press_key (GTK_WIDGET (f->window), GDK_KEY_3, 0);
  g_assert_cmpuint (stored_tally (f, "questioning"), ==, 2);
  /* and the keys leave the focus where the typing is */
  g_assert_true (has_focus_within (ll_live_notes_get_entry (f->notes)));
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label_part)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && !GTK_IS_TOGGLE_BUTTON (child))
        {
          GtkWidget *label = gtk_button_get_child (GTK_BUTTON (child));
          const char *text = GTK_IS_LABEL (label) ? gtk_label_get_text (GTK_LABEL (label))
                                                  : gtk_button_get_label (GTK_BUTTON (child));

          if (text != NULL && strstr (text, label_part) != NULL)
            return child;
        }
      found = find_button (child, label_part);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The tally buttons and Undo, clicked; the count shows on the button and
 * is read by a screen reader. */
static void
test_clicks (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *perseverance = find_button (GTK_WIDGET (f->notes), "Perseverance");
  GtkWidget *undo = find_button (GTK_WIDGET (f->notes), "Undo Last Tally");

  g_assert_nonnull (perseverance);
  g_assert_nonnull (undo);
  g_assert_false (gtk_widget_get_sensitive (undo));
  g_signal_emit_by_name (perseverance, "clicked");
  g_signal_emit_by_name (perseverance, "clicked");
  g_assert_cmpuint (stored_tally (f, "perseverance"), ==, 2);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (perseverance)))),
                            "2"));
  g_assert_true (gtk_widget_get_sensitive (undo));
  g_signal_emit_by_name (undo, "clicked");
  g_assert_cmpuint (stored_tally (f, "perseverance"), ==, 1);
  g_signal_emit_by_name (undo, "clicked");
  g_assert_false (gtk_widget_get_sensitive (undo));
  g_assert_cmpuint (stored_tally (f, "perseverance"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  adw_init ();
  g_assert_nonnull (ll_get_resource ());

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/live-notes/keyboard", test_keyboard);
  ADD ("/live-notes/clicks", test_clicks);
#undef ADD
  return g_test_run ();
}
