/* test-choosers.c: which document export and print are for, from each
 * place, and the file and print dialogs that follow (display suite) */
#define G_LOG_DOMAIN "test-choosers"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <gtk/gtkunixprint.h>
#include <string.h>

#include "ll-observations-page.h"
#include "ll-test-gui.h"
#include "ll-test-util.h"
#include "ll-vision-page.h"
#include "ll-window.h"
#include "ll-workbook-observations.h"

static LlApplication *app;
static char *data_home;

static const char * const places[] = { "vision", "observations", "portfolios", "certificates" };

typedef struct
{
  char     *dir;
  char     *path;
  LlWindow *window;
  gint64    first;        /* the narratives' and the observation's IDs */
  gint64    second;
  gint64    observation;
} Fixture;

/* Two narratives and an observation, besides the school profile. */
static void
add_documents (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlWorkbook) workbook = NULL;
  g_autoptr(LlObservation) observation = NULL;
  LlNarrative *narrative;

  workbook = ll_workbook_open (f->path, LL_WORKBOOK_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  narrative = ll_workbook_add_narrative (workbook, "First Vision", &error);
  g_assert_no_error (error);
  f->first = ll_narrative_get_id (narrative);
  narrative = ll_workbook_add_narrative (workbook, "Second Vision", &error);
  g_assert_no_error (error);
  f->second = ll_narrative_get_id (narrative);
  observation = ll_workbook_add_observation (workbook, "2026-02-10", &error);
  g_assert_no_error (error);
  f->observation = ll_observation_get_id (observation);
  g_clear_object (&observation);
  g_assert_true (ll_workbook_flush (workbook, &error));
  g_assert_no_error (error);
  ll_workbook_close (workbook);
}

/* With @data, the workbook as made: its school profile only. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = ll_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "Test.llw", NULL);
  ll_test_make_workbook (f->path);
  if (data == NULL)
    add_documents (f);

  f->window = ll_window_new (GTK_APPLICATION (app));
  g_assert_true (ll_window_open_path (f->window, f->path));
  gtk_window_present (GTK_WINDOW (f->window));
  ll_test_iterate_briefly ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  ll_test_destroy_all_windows ();
  ll_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* Helpers */

static char *
document_title (Fixture *f,
                gint64   id)
{
  GListModel *documents = ll_workbook_get_documents (ll_window_get_workbook (f->window));

  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(LlDocumentInfo) info = g_list_model_get_item (documents, i);

      if (ll_document_info_get_id (info) == id)
        return g_strdup (ll_document_info_get_title (info));
    }
  g_assert_not_reached ();
}

static char *
first_document_title (Fixture *f)
{
  GListModel *documents = ll_workbook_get_documents (ll_window_get_workbook (f->window));
  g_autoptr(LlDocumentInfo) info = g_list_model_get_item (documents, 0);

  return g_strdup (ll_document_info_get_title (info));
}

/* The row of the document chooser with @title, or the one whose check
 * button is active for NULL. */
static GtkWidget *
chooser_row (GtkWindow  *dialog,
             const char *title)
{
  GtkWidget *list = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));

  g_assert_true (GTK_IS_LIST_BOX (list));
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *check = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));

      g_assert_true (GTK_IS_CHECK_BUTTON (check));
      if (title == NULL ? gtk_check_button_get_active (GTK_CHECK_BUTTON (check))
                        : g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
        return row;
    }
  return NULL;
}

static const char *
chosen_title (GtkWindow *dialog)
{
  GtkWidget *row = chooser_row (dialog, NULL);

  return row != NULL ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)) : NULL;
}

/* The button labelled @label (with its mnemonic) under @widget. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
click (GtkWidget  *window,
       const char *label)
{
  GtkWidget *button = find_button (window, label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  gtk_widget_activate (button);
}

static gboolean
window_gone (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (window == data && gtk_widget_get_visible (GTK_WIDGET (window)))
        return FALSE;
    }
  return TRUE;
}

static gboolean
chooser_has_folder (gpointer data)
{
  g_autoptr(GFile) folder = gtk_file_chooser_get_current_folder (data);

  return folder != NULL;
}

static gboolean
chooser_has_file (gpointer data)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (data);

  return file != NULL;
}

static gboolean
article_written (gpointer data)
{
  g_autofree char *contents = NULL;

  return g_file_get_contents (data, &contents, NULL, NULL)
         && strstr (contents, "</article>") != NULL;
}

static LlVisionPage *
vision_page (Fixture *f)
{
  return LL_VISION_PAGE (ll_window_lookup_place (f->window, "vision"));
}

/* Tests */

/* From a place with no document open, both commands ask, with the first
 * document chosen; Cancel goes no further. */
static void
test_each_place_asks (Fixture       *f,
                      gconstpointer  data)
{
  static const struct {
    const char *action;
    const char *heading;
  } commands[] = {
    { "win.export-docbook", "Export as DocBook" },
    { "win.print", "Print" },
  };
  g_autofree char *first = first_document_title (f);

  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    for (guint j = 0; j < G_N_ELEMENTS (commands); j++)
      {
        GtkWindow *dialog;

        ll_window_set_place (f->window, places[i]);
        ll_test_iterate_briefly ();
        g_assert_cmpint (ll_place_get_current_document_id (ll_window_get_current_place (f->window)), ==, 0);
        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), commands[j].action, NULL));
        dialog = ll_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, commands[j].heading);
        g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (f->window));
        g_assert_cmpstr (chosen_title (dialog), ==, first);
        /* every document is offered */
        g_assert_nonnull (chooser_row (dialog, "First Vision"));
        g_assert_nonnull (chooser_row (dialog, "Second Vision"));

        click (GTK_WIDGET (dialog), "_Cancel");
        g_assert_true (ll_test_wait_for (window_gone, dialog));
        ll_test_iterate_briefly ();
        g_assert_null (ll_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL));
        g_assert_null (ll_test_find_toplevel (GTK_TYPE_PRINT_UNIX_DIALOG, NULL));
        g_assert_null (ll_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL));
      }
}

/* The narrative being written is exported without a question: the file
 * chooser comes at once with its title for a name, and the file chosen
 * holds it. */
static void
test_vision_exports_current (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(LlNarrative) second = NULL;
  g_autoptr(GFile) folder = g_file_new_for_path (f->dir);
  g_autoptr(GFile) current = NULL;
  g_autofree char *out = g_build_filename (f->dir, "out.xml", NULL);
  g_autofree char *contents = NULL;
  GtkWindow *chooser;

  ll_window_set_place (f->window, "vision");
  second = g_list_model_get_item (ll_workbook_get_narratives (ll_window_get_workbook (f->window)), 1);
  g_assert_cmpint (ll_narrative_get_id (second), ==, f->second);
  ll_vision_page_open_narrative (vision_page (f), second);
  ll_test_iterate_briefly ();
  g_assert_cmpint (ll_place_get_current_document_id (ll_window_get_current_place (f->window)), ==, f->second);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export-docbook", NULL));
  chooser = ll_test_wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL);
  g_assert_null (ll_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL));
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), ==, GTK_FILE_CHOOSER_ACTION_SAVE);
  g_assert_true (gtk_window_get_modal (chooser));
  g_assert_true (gtk_window_get_transient_for (chooser) == GTK_WINDOW (f->window));
  {
    g_autofree char *offered = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));

    g_assert_cmpstr (offered, ==, "Second Vision.xml");
  }
  /* beside the workbook */
  g_assert_true (ll_test_wait_for (chooser_has_folder, chooser));
  current = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (chooser));
  g_assert_true (g_file_equal (current, folder));

  /* as a person types it, over the name suggested */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), out);
  g_assert_true (ll_test_wait_for (chooser_has_file, chooser));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  g_assert_true (ll_test_wait_for (window_gone, chooser));
  /* the export is written by a worker, and replaces the file when done */
  g_assert_true (ll_test_wait_for (article_written, out));
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Second Vision"));
  g_assert_null (strstr (contents, "First Vision"));
}

/* Cancelling the file chooser exports nothing. */
static void
test_export_cancel (Fixture       *f,
                    gconstpointer  data)
{
  GtkWindow *dialog, *chooser;
  g_autoptr(GDir) dir = NULL;
  guint n = 0;

  ll_window_set_place (f->window, "portfolios");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export-docbook", NULL));
  dialog = ll_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, "Export as DocBook");
  gtk_widget_activate (chooser_row (dialog, "First Vision"));
  g_assert_cmpstr (chosen_title (dialog), ==, "First Vision");
  click (GTK_WIDGET (dialog), "_Export…");
  chooser = ll_test_wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL);
  g_assert_true (window_gone (dialog));
  {
    g_autofree char *offered = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));

    g_assert_cmpstr (offered, ==, "First Vision.xml");
  }
  g_assert_true (gtk_window_get_transient_for (chooser) == GTK_WINDOW (f->window));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  g_assert_true (ll_test_wait_for (window_gone, chooser));
  ll_test_iterate_briefly ();

  /* nothing but the workbook (and its journal) in its folder */
  dir = g_dir_open (f->dir, 0, NULL);
  for (const char *name; (name = g_dir_read_name (dir)) != NULL; )
    {
      g_assert_true (g_str_has_prefix (name, "Test.llw"));
      n++;
    }
  g_assert_cmpuint (n, >=, 1);
  g_assert_null (ll_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL));
}

/* The observation in the form is printed without a question; cancelling
 * the print dialog is no error. */
static void
test_observation_prints_current (Fixture       *f,
                                 gconstpointer  data)
{
  LlPlace *place = ll_window_lookup_place (f->window, "observations");
  GtkWindow *print;

  ll_window_set_place (f->window, "observations");
  ll_observations_page_open (LL_OBSERVATIONS_PAGE (place), f->observation);
  ll_test_iterate_briefly ();
  g_assert_cmpint (ll_place_get_current_document_id (ll_window_get_current_place (f->window)), ==, f->observation);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.print", NULL));
  print = ll_test_wait_for_toplevel (GTK_TYPE_PRINT_UNIX_DIALOG, NULL);
  g_assert_null (ll_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL));
  g_assert_true (gtk_window_get_transient_for (print) == GTK_WINDOW (f->window));

  gtk_dialog_response (GTK_DIALOG (print), GTK_RESPONSE_CANCEL);
  g_assert_true (ll_test_wait_for (window_gone, print));
  ll_test_iterate_briefly ();
  g_assert_null (ll_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, "Could Not Print"));
}

static gboolean
file_printer_selected (gpointer data)
{
  GtkPrinter *printer = gtk_print_unix_dialog_get_selected_printer (data);

  return printer != NULL && gtk_printer_is_virtual (printer);
}

/* The text of the PDF at @path, or NULL without pdftotext. */
static char *
pdf_text (const char *path)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  const char *argv[] = { pdftotext, path, "-", NULL };

  if (pdftotext == NULL)
    return NULL;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, NULL, &error);
  g_assert_no_error (error);
  return out;
}

static gboolean
pdf_written (gpointer data)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  /* complete: from its header to its trailer, which ends it */
  return g_file_get_contents (data, &contents, &length, NULL)
         && length > 32 && memcmp (contents, "%PDF-", 5) == 0
         && g_strstr_len (contents + length - 32, 32, "%%EOF") != NULL;
}

/* In the Vision list, the narrative the keyboard is on comes first to
 * mind; choosing another by a click prints that one, here to a file. */
static void
test_choose_another_and_print (Fixture       *f,
                               gconstpointer  data)
{
  LlVisionPage *page = vision_page (f);
  g_autofree char *pdf = g_build_filename (f->dir, "printed.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (pdf, NULL, NULL);
  g_autofree char *first = document_title (f, f->first);
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
  g_autofree char *text = NULL;
  GtkWindow *dialog, *print;

  ll_window_set_place (f->window, "vision");
  ll_test_iterate_briefly ();
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (ll_vision_page_get_list (page), 1)));
  g_assert_cmpint (ll_place_get_chosen_document_id (ll_window_get_current_place (f->window)), ==, f->second);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.print", NULL));
  dialog = ll_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, "Print");
  g_assert_cmpstr (chosen_title (dialog), ==, "Second Vision");
  gtk_widget_activate (chooser_row (dialog, first));
  g_assert_cmpstr (chosen_title (dialog), ==, first);
  click (GTK_WIDGET (dialog), "_Print…");

  print = ll_test_wait_for_toplevel (GTK_TYPE_PRINT_UNIX_DIALOG, NULL);
  g_assert_true (window_gone (dialog));
  gtk_print_settings_set_printer (settings, "Print to File");
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
  gtk_print_unix_dialog_set_settings (GTK_PRINT_UNIX_DIALOG (print), settings);
  g_assert_true (ll_test_wait_for (file_printer_selected, print));
  gtk_dialog_response (GTK_DIALOG (print), GTK_RESPONSE_OK);

  g_assert_true (ll_test_wait_for (pdf_written, pdf));
  g_assert_null (ll_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, "Could Not Print"));
  text = pdf_text (pdf);
  if (text != NULL)
    {
      g_assert_nonnull (strstr (text, first));
      g_assert_null (strstr (text, "Second Vision"));
    }
}

/* A workbook's only document needs no question, from any place. */
static void
test_only_document (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *only = first_document_title (f);
  g_autofree char *name = g_strdup_printf ("%s.xml", only);

  g_assert_cmpuint (g_list_model_get_n_items (ll_workbook_get_documents (ll_window_get_workbook (f->window))), ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      GtkWindow *chooser;
      g_autofree char *offered = NULL;

      ll_window_set_place (f->window, places[i]);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export-docbook", NULL));
      chooser = ll_test_wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL);
      g_assert_null (ll_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL));
      offered = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
      g_assert_cmpstr (offered, ==, name);
      gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
      g_assert_true (ll_test_wait_for (window_gone, chooser));
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* the file printer only: no print server to look for */
  g_setenv ("GTK_PRINT_BACKENDS", "file", TRUE);
  app = ll_test_gui_init_app (&argc, &argv, &data_home);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/choosers/each-place-asks", test_each_place_asks);
  ADD ("/choosers/vision-exports-current", test_vision_exports_current);
  ADD ("/choosers/export-cancel", test_export_cancel);
  ADD ("/choosers/observation-prints-current", test_observation_prints_current);
  ADD ("/choosers/choose-another-and-print", test_choose_another_and_print);
  g_test_add ("/choosers/only-document", Fixture, "bare", fixture_set_up, test_only_document, fixture_tear_down);
#undef ADD

  status = g_test_run ();

  g_clear_object (&app);
  ll_test_rm_rf (data_home);
  g_free (data_home);
  return status;
}
