/* test-saving-window.c: how what is typed in the window reaches the file:
 * steady typing, a file that cannot be written, a workbook moved away
 * while open (display suite) */
#define G_LOG_DOMAIN "test-saving-window"

#include "config.h"

#include <adwaita.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "ll-application.h"
#include "ll-narrative-editor.h"
#include "ll-narrative-section-row.h"
#include "ll-pending.h"
#include "ll-rich-text.h"
#include "ll-test-gui.h"
#include "ll-test-util.h"
#include "ll-vision-page.h"
#include "ll-window.h"

static LlApplication *app;

typedef struct
{
  char              *dir;
  char              *path;
  LlWindow          *window;
  LlVisionPage      *page;
  LlNarrativeEditor *editor;
  sqlite3           *other;   /* another program reading the file */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = ll_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "Saving.llw", NULL);
  ll_test_make_workbook (f->path);

  f->window = ll_window_new (GTK_APPLICATION (app));
  g_assert_true (ll_window_open_path (f->window, f->path));
  gtk_window_present (GTK_WINDOW (f->window));
  ll_window_set_place (f->window, "vision");
  f->page = LL_VISION_PAGE (ll_window_lookup_place (f->window, "vision"));
  f->editor = ll_vision_page_get_editor (f->page);
  g_assert_nonnull (ll_vision_page_new_narrative (f->page));
  ll_test_iterate_briefly ();
  g_assert_cmpint (sqlite3_open_v2 (f->path, &f->other, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  ll_test_destroy_all_windows ();
  sqlite3_close (f->other);
  ll_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* The first column of the first row of @sql on @db, or NULL. */
static char *
query (sqlite3    *db,
       const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

#define FIRST_BODY "SELECT body FROM narrative_section ORDER BY position LIMIT 1"

static GtkTextBuffer *
section_buffer (Fixture *f,
                guint    position)
{
  GtkWidget *row = ll_narrative_editor_get_section_row (f->editor, position);

  g_assert_true (LL_IS_NARRATIVE_SECTION_ROW (row));
  return ll_rich_text_get_buffer (ll_narrative_section_row_get_rich_text (LL_NARRATIVE_SECTION_ROW (row)));
}

/* Types as the keyboard does, at the end of the section's text. */
static void
type_into (Fixture    *f,
           guint       position,
           const char *text)
{
  GtkTextBuffer *buffer = section_buffer (f, position);
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  g_assert_true (gtk_text_buffer_insert_interactive_at_cursor (buffer, text, -1, TRUE));
}

/* Steady typing: one key every 60 ms for 3 s, the file read every 20 ms. */
typedef struct
{
  Fixture  *f;
  guint     keys;
  gint64    start;
  gint64    last_change;
  gint64    longest_gap;
  char     *seen;
  gboolean  finished;
} Typing;

static gboolean
key_cb (gpointer data)
{
  Typing *t = data;

  type_into (t->f, 0, (t->keys++ % 6) == 5 ? " " : "w");
  if (g_get_monotonic_time () - t->start >= 3 * G_USEC_PER_SEC)
    {
      t->finished = TRUE;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static gboolean
poll_cb (gpointer data)
{
  Typing *t = data;
  g_autofree char *value = query (t->f->other, FIRST_BODY);
  gint64 now = g_get_monotonic_time ();

  if (g_strcmp0 (value, t->seen) != 0)
    {
      g_free (t->seen);
      t->seen = g_steal_pointer (&value);
      t->last_change = now;
    }
  if (!t->finished)
    t->longest_gap = MAX (t->longest_gap, now - t->last_change);
  return G_SOURCE_CONTINUE;
}

/* Typing that never pauses reaches the file at least once a second: a
 * crash loses no more than the last second. */
static void
test_steady_typing (Fixture       *f,
                    gconstpointer  data)
{
  Typing t = { .f = f };
  guint poll_id;

  t.start = t.last_change = g_get_monotonic_time ();
  t.seen = query (f->other, FIRST_BODY);
  g_timeout_add (60, key_cb, &t);
  poll_id = g_timeout_add (20, poll_cb, &t);
  while (!t.finished)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (poll_id);
  g_free (t.seen);

  g_assert_cmpint (t.longest_gap, <=, 1000 * 1000);
}

static gboolean
workbook_written (gpointer data)
{
  Fixture *f = data;

  return !ll_workbook_get_unsaved (ll_window_get_workbook (f->window));
}

static GtkRevealer *
window_child (Fixture    *f,
              const char *name)
{
  return GTK_REVEALER (gtk_widget_get_template_child (GTK_WIDGET (f->window), LL_TYPE_WINDOW, name));
}

static gboolean
saved_shown (gpointer data)
{
  Fixture *f = data;
  GtkRevealer *saved = GTK_REVEALER (gtk_widget_get_template_child (GTK_WIDGET (f->editor),
                                                                    LL_TYPE_NARRATIVE_EDITOR,
                                                                    "saved_revealer"));

  return gtk_revealer_get_reveal_child (saved);
}

static gboolean
moved_banner_shown (gpointer data)
{
  Fixture *f = data;

  return gtk_revealer_get_reveal_child (window_child (f, "moved_revealer"));
}

static gboolean
section_in_file (Fixture    *f,
                 sqlite3    *db,
                 const char *text)
{
  g_autofree char *body = query (db, FIRST_BODY);

  return body != NULL && strstr (body, text) != NULL;
}

/* Another program holds the file locked while the user types: the user is
 * told, "Saved" is not shown, and what was typed reaches the file once
 * the lock is gone, with no more said. */
static void
test_locked_while_typing (Fixture       *f,
                          gconstpointer  data)
{
  GtkWindow *dialog;

  type_into (f, 0, "Before the lock.");
  g_assert_true (ll_test_wait_for (workbook_written, f));
  g_assert_cmpint (sqlite3_exec (f->other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);

  type_into (f, 0, " Typed while locked.");
  dialog = ll_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, "Changes Could Not Be Saved");
  g_assert_false (saved_shown (f));
  type_into (f, 0, " And more.");
  ll_narrative_editor_flush (f->editor);
  g_assert_false (saved_shown (f));
  gtk_window_destroy (dialog);
  g_assert_true (ll_workbook_get_unsaved (ll_window_get_workbook (f->window)));

  g_assert_cmpint (sqlite3_exec (f->other, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (ll_test_wait_for (workbook_written, f));
  g_assert_true (section_in_file (f, f->other, "Before the lock. Typed while locked. And more."));
  /* the fault is over: the quiet sign comes back, and no other dialog */
  g_assert_true (ll_test_wait_for (saved_shown, f));
  g_assert_null (ll_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL));
}

/* Closing while the file is still locked asks, rather than losing the
 * changes silently; closing after the lock is gone writes them. */
static void
test_close_while_locked (Fixture       *f,
                         gconstpointer  data)
{
  GtkWindow *dialog;

  g_assert_cmpint (sqlite3_exec (f->other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);
  type_into (f, 0, "Typed before closing.");
  ll_narrative_editor_flush (f->editor);
  dialog = ll_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, "Changes Could Not Be Saved");
  gtk_window_destroy (dialog);

  gtk_window_close (GTK_WINDOW (f->window));
  dialog = ll_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, "Changes Could Not Be Saved");
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "discard"));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "save"));
  /* the window stays open meanwhile */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));

  g_assert_cmpint (sqlite3_exec (f->other, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  gtk_window_close (GTK_WINDOW (f->window));
  g_assert_null (ll_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL));
  g_assert_true (section_in_file (f, f->other, "Typed before closing."));
}

/* While the file stays locked, Save to a New Place keeps what was typed. */
static void
test_locked_saved_elsewhere (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *fresh = g_build_filename (f->dir, "Elsewhere.llw", NULL);
  GtkWindow *dialog;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_exec (f->other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);
  type_into (f, 0, "Typed while locked, kept elsewhere.");
  ll_narrative_editor_flush (f->editor);
  dialog = ll_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, "Changes Could Not Be Saved");
  gtk_window_destroy (dialog);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save-to-new-place",
                                             "s", fresh));
  g_assert_false (ll_workbook_get_unsaved (ll_window_get_workbook (f->window)));
  g_assert_true (ll_window_shows_path (f->window, fresh));
  g_assert_cmpint (sqlite3_open_v2 (fresh, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_true (section_in_file (f, db, "Typed while locked, kept elsewhere."));
  sqlite3_close (db);
  g_assert_cmpint (sqlite3_exec (f->other, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
}

/* The workbook is renamed (or deleted) in the file manager while open:
 * the window says so, nothing more goes into the file the user can no
 * longer see, and Save to a New Place keeps every edit. */
static void
moved_away (Fixture  *f,
            gboolean  delete)
{
  g_autofree char *moved = g_build_filename (f->dir, "Renamed.llw", NULL);
  g_autofree char *fresh = g_build_filename (f->dir, "New Place.llw", NULL);
  LlWorkbook *workbook = ll_window_get_workbook (f->window);
  sqlite3 *db = NULL;

  type_into (f, 0, "Before the move.");
  g_assert_true (ll_test_wait_for (workbook_written, f));
  g_assert_false (moved_banner_shown (f));

  /* the other program lets go of the file first */
  g_clear_pointer (&f->other, sqlite3_close);
  if (delete)
    g_assert_cmpint (g_unlink (f->path), ==, 0);
  else
    g_assert_cmpint (g_rename (f->path, moved), ==, 0);
  type_into (f, 0, " After the move.");
  ll_school_set_name (ll_workbook_get_school (workbook), "Renamed School");
  g_assert_true (ll_test_wait_for (moved_banner_shown, f));
  g_assert_true (ll_workbook_get_unsaved (workbook));
  /* the banner says it: no dialog on top */
  g_assert_null (ll_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL));
  /* nothing was written into the file at its new name */
  if (!delete)
    {
      g_assert_cmpint (sqlite3_open_v2 (moved, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
      g_assert_false (section_in_file (f, db, "After the move."));
      g_clear_pointer (&db, sqlite3_close);
    }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save-to-new-place",
                                             "s", fresh));
  g_assert_false (moved_banner_shown (f));
  g_assert_false (ll_workbook_get_unsaved (workbook));
  g_assert_true (ll_window_shows_path (f->window, fresh));

  g_assert_cmpint (sqlite3_open_v2 (fresh, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_true (section_in_file (f, db, "Before the move. After the move."));
  {
    g_autofree char *name = query (db, "SELECT name FROM school");

    g_assert_cmpstr (name, ==, "Renamed School");
  }

  /* and editing goes on in the new file */
  type_into (f, 0, " In the new place.");
  ll_narrative_editor_flush (f->editor);
  g_assert_true (ll_test_wait_for (workbook_written, f));
  g_assert_true (section_in_file (f, db, "In the new place."));
  sqlite3_close (db);

  ll_test_destroy_all_windows ();
  g_assert_cmpint (sqlite3_open_v2 (fresh, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_true (section_in_file (f, db, "Before the move. After the move. In the new place."));
  sqlite3_close (db);
  /* a workbook like any other */
  {
    gboolean ok = FALSE;
    g_autofree char *report = ll_workbook_check (fresh, &ok);
    g_autoptr(LlWorkbook) reader = ll_test_read_back (fresh);

    g_assert_true (ok);
    g_assert_cmpstr (ll_school_get_name (ll_workbook_get_school (reader)), ==, "Renamed School");
    ll_workbook_close (reader);
  }
}

static void
test_renamed_while_open (Fixture       *f,
                         gconstpointer  data)
{
  moved_away (f, FALSE);
}

static void
test_deleted_while_open (Fixture       *f,
                         gconstpointer  data)
{
  moved_away (f, TRUE);
}

static gboolean
no_window (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  return g_list_model_get_n_items (toplevels) == 0;
}

/* Log-out, shut-down or kill while a change waits for a pause in the
 * typing: the change is written, and the window closes. */
static void
signal_flushes (Fixture *f,
                int      signal_number)
{
  type_into (f, 0, "The last words before the signal.");
  ll_school_set_name (ll_workbook_get_school (ll_window_get_workbook (f->window)),
                      "Named Just Before The Signal");
  g_assert_false (section_in_file (f, f->other, "The last words"));

  g_assert_cmpint (kill (getpid (), signal_number), ==, 0);
  g_assert_true (ll_test_wait_for (no_window, NULL));
  g_assert_true (section_in_file (f, f->other, "The last words before the signal."));
  {
    g_autofree char *name = query (f->other, "SELECT name FROM school");

    g_assert_cmpstr (name, ==, "Named Just Before The Signal");
  }
}

static void
test_sigterm_flushes (Fixture       *f,
                      gconstpointer  data)
{
  signal_flushes (f, SIGTERM);
}

static void
test_sighup_flushes (Fixture       *f,
                     gconstpointer  data)
{
  signal_flushes (f, SIGHUP);
}

static gboolean
file_held (gpointer data)
{
  const char *path = data;
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  gboolean held;

  g_assert_cmpint (fd, >=, 0);
  held = flock (fd, LOCK_EX | LOCK_NB) != 0;
  close (fd);
  return held;
}

static gboolean
process_exited (gpointer data)
{
  return *(gboolean *) data;
}

static void
exited_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  *(gboolean *) data = TRUE;
}

/* The real program, sent @signal_number while it has a workbook open,
 * quits as when the user quits: status 0, the workbook intact. */
static void
binary_quits_on (Fixture *f,
                 int      signal_number)
{
  g_autofree char *path = g_build_filename (f->dir, "Binary.llw", NULL);
  g_autofree char *data_home = g_build_filename (f->dir, "data", NULL);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  gboolean ok = FALSE;
  gboolean exited = FALSE;

  ll_test_make_workbook (path);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("LL_BINARY"), path, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_async (process, NULL, exited_cb, &exited);
  /* it has the workbook open once it holds the file's lock */
  g_assert_true (ll_test_wait_for (file_held, path));

  g_subprocess_send_signal (process, signal_number);
  g_assert_true (ll_test_wait_for (process_exited, &exited));
  g_assert_false (g_subprocess_get_if_signaled (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  report = ll_workbook_check (path, &ok);
  g_assert_true (ok);
}

static void
test_binary_sigterm (Fixture       *f,
                     gconstpointer  data)
{
  binary_quits_on (f, SIGTERM);
}

static void
test_binary_sighup (Fixture       *f,
                    gconstpointer  data)
{
  binary_quits_on (f, SIGHUP);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  int status;

  app = ll_test_gui_init_app (&argc, &argv, &data_home);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/saving-window/steady-typing", test_steady_typing);
  ADD ("/saving-window/locked-while-typing", test_locked_while_typing);
  ADD ("/saving-window/close-while-locked", test_close_while_locked);
  ADD ("/saving-window/locked-saved-elsewhere", test_locked_saved_elsewhere);
  ADD ("/saving-window/renamed-while-open", test_renamed_while_open);
  ADD ("/saving-window/deleted-while-open", test_deleted_while_open);
  ADD ("/saving-window/sigterm-flushes", test_sigterm_flushes);
  ADD ("/saving-window/sighup-flushes", test_sighup_flushes);
  ADD ("/saving-window/binary-sigterm", test_binary_sigterm);
  ADD ("/saving-window/binary-sighup", test_binary_sighup);
#undef ADD

  status = g_test_run ();

  g_clear_object (&app);
  ll_test_rm_rf (data_home);
  return status;
}
