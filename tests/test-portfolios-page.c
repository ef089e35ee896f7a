/* test-portfolios-page.c: the Portfolios place in the window: a new
 * portfolio from the keyboard shortcut, its participant, entries written
 * in the rich-text editor, the requirements that follow them, the order
 * and what goes into print, submission, reopening and verification, and
 * what reaches the workbook (display suite) */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "ll-page-preview.h"
#include "ll-png.h"
#include "ll-portfolio-evidence.h"
#include "ll-portfolios-place.h"
#include "ll-programme-window.h"
#include "ll-rich-text.h"
#include "ll-test-gui.h"
#include "ll-test-util.h"
#include "ll-window.h"
#include "ll-workbook-portfolios.h"

static LlApplication *app;

typedef struct
{
  char     *dir;
  char     *path;
  LlWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = ll_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "Test.llw", NULL);
  ll_test_make_workbook (f->path);
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

static LlPortfoliosPlace *
place (Fixture *f)
{
  GObject *child = G_OBJECT (ll_window_lookup_place (f->window, "portfolios"));

  g_assert_nonnull (child);
  return LL_PORTFOLIOS_PLACE (child);
}

static LlPortfolioView *
view (Fixture *f)
{
  return ll_portfolios_place_get_view (place (f));
}

static gpointer
view_child (Fixture    *f,
            const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (view (f)), LL_TYPE_PORTFOLIO_VIEW, name);

  g_assert_nonnull (child);
  return child;
}

static const char *
stack_page (Fixture *f)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (place (f)), LL_TYPE_PORTFOLIOS_PLACE,
                                                              "stack"));

  return gtk_stack_get_visible_child_name (stack);
}

/* The message dialog with @heading, once it is there. */
static AdwMessageDialog *
wait_for_dialog (const char *heading)
{
  return ADW_MESSAGE_DIALOG (ll_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, heading));
}

/* The requirements' summary, as the view shows it once the check ran. */
static const char *
summary (Fixture *f)
{
  ll_test_iterate_briefly ();
  return gtk_label_get_text (view_child (f, "requirements_summary"));
}

/* Types @text into the entry shown, as the keyboard would. */
static void
type_body (Fixture    *f,
           const char *text)
{
  LlRichText *body = view_child (f, "body_text");
  GtkTextBuffer *buffer = ll_rich_text_get_buffer (body);
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert_interactive (buffer, &end, text, -1, TRUE);
  ll_test_iterate_briefly ();
}

static GtkWidget *
row_titled (GtkWidget  *root,
            GType       type,
            const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && ADW_IS_PREFERENCES_ROW (child)
          && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
        return child;
      found = row_titled (child, type, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

static const char *
words (guint n)
{
  static char text[8192];
  GString *built = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (built, i % 9 == 8 ? "pupils. " : "pupils ");
  g_strlcpy (text, built->str, sizeof text);
  g_string_free (built, TRUE);
  return text;
}

static LlPortfolio *
read_back_portfolio (Fixture     *f,
                     LlWorkbook **back)
{
  g_autoptr(GError) error = NULL;
  LlPortfolio *portfolio;

  ll_workbook_flush (ll_window_get_workbook (f->window), NULL);
  *back = ll_test_read_back (f->path);
  portfolio = ll_workbook_open_portfolio (*back, ll_portfolio_get_id (ll_portfolio_view_get_portfolio (view (f))),
                                          &error);
  g_assert_no_error (error);
  return portfolio;
}

static void
test_new_and_write (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(LlWorkbook) back = NULL;
  AdwMessageDialog *dialog;
  LlPortfolio *portfolio, *stored;
  LlPortfolioEntry *entry;
  GtkWidget *name, *led, *meeting;
  g_autofree char *before = NULL;

  ll_window_set_place (f->window, "portfolios");
  g_assert_cmpstr (stack_page (f), ==, "empty");

  /* Ctrl+Shift+N asks whose portfolio it is */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-item", NULL));
  dialog = wait_for_dialog ("New Portfolio");
  name = ll_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, NULL);
  g_assert_nonnull (name);
  gtk_editable_set_text (GTK_EDITABLE (name), "Siân Pritchard");
  adw_message_dialog_response (dialog, "add");
  ll_test_iterate_briefly ();
  g_assert_cmpstr (stack_page (f), ==, "portfolio");
  portfolio = ll_portfolio_view_get_portfolio (view (f));
  g_assert_nonnull (portfolio);
  g_assert_cmpstr (gtk_label_get_text (view_child (f, "title_label")), ==, "Siân Pritchard");
  /* the participant's details come first */
  g_assert_null (ll_portfolio_view_get_entry (view (f)));
  g_assert_nonnull (row_titled (GTK_WIDGET (view (f)), ADW_TYPE_COMBO_ROW, "_Tutor"));
  before = g_strdup (summary (f));
  /* nothing written yet: only the dates, of which there are none, are right */
  g_assert_cmpstr (before, ==, "1 of 11 requirements met");

  /* the first unmet requirement's button makes the cluster reflection it asks for */
  {
    GtkWidget *first = gtk_widget_get_first_child (view_child (f, "requirements_list"));
    GtkWidget *go = ll_test_find_widget (first, GTK_TYPE_BUTTON, NULL);

    g_assert_nonnull (go);
    g_signal_emit_by_name (go, "clicked");
    ll_test_iterate_briefly ();
  }
  entry = ll_portfolio_view_get_entry (view (f));
  g_assert_nonnull (entry);
  g_assert_cmpint (ll_portfolio_entry_get_kind (entry), ==, LL_ENTRY_CLUSTER_REFLECTION);

  /* written in the editor, on a meeting chosen, that the participant led */
  meeting = row_titled (GTK_WIDGET (view (f)), ADW_TYPE_COMBO_ROW, "Cluster _meeting");
  g_assert_nonnull (meeting);
  adw_combo_row_set_selected (ADW_COMBO_ROW (meeting), 1);
  led = row_titled (GTK_WIDGET (view (f)), ADW_TYPE_ACTION_ROW, "I _led this meeting");
  g_assert_nonnull (led);
  gtk_switch_set_active (GTK_SWITCH (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (led))), TRUE);
  type_body (f, "We shared the maps of our spheres of influence.");
  g_assert_cmpuint (ll_portfolio_entry_get_words (entry), ==, 9);
  /* the requirement of a led meeting is met now, within a frame */
  g_assert_cmpstr (summary (f), !=, before);

  /* a part of the story from the menu, long enough */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view (f)), "portfolio.add-entry", "s", "story:learning"));
  entry = ll_portfolio_view_get_entry (view (f));
  g_assert_cmpint (ll_portfolio_entry_get_part (entry), ==, LL_STORY_LEARNING);
  type_body (f, words (160));

  /* it goes first, and stays out of print */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view (f)), "portfolio.move-up", NULL));
  {
    GtkWidget *row = gtk_widget_get_next_sibling (gtk_widget_get_first_child (view_child (f, "outline")));
    GtkWidget *check = ll_test_find_widget (row, GTK_TYPE_CHECK_BUTTON, NULL);

    g_assert_true (g_object_get_data (G_OBJECT (row), "ll-entry") == (gpointer) entry);
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
  }

  /* the preview shows the pages as they will print: the story part left
   * out is not there, the reflection is */
  gtk_toggle_button_set_active (view_child (f, "preview_button"), TRUE);
  ll_test_iterate_briefly ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (view_child (f, "body_stack")), ==, "preview");
  g_assert_cmpint (ll_page_preview_get_n_pages (view_child (f, "preview")), >=, 1);
  gtk_toggle_button_set_active (view_child (f, "preview_button"), FALSE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (view_child (f, "body_stack")), ==, "edit");

  /* dragged onto the first, the reflection goes first, and back again */
  {
    GtkWidget *first_row = gtk_widget_get_next_sibling (gtk_widget_get_first_child (view_child (f, "outline")));
    GtkWidget *second_row = gtk_widget_get_next_sibling (first_row);
    GListModel *controllers = gtk_widget_observe_controllers (first_row);
    GtkDropTarget *target = NULL;
    GValue value = G_VALUE_INIT;
    gboolean dropped = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_DROP_TARGET (controller))
          target = GTK_DROP_TARGET (controller);
      }
    g_object_unref (controllers);
    g_assert_nonnull (target);
    g_value_init (&value, LL_TYPE_PORTFOLIO_ENTRY);
    g_value_set_object (&value, g_object_get_data (G_OBJECT (second_row), "ll-entry"));
    g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &dropped);
    g_value_unset (&value);
    g_assert_true (dropped);
    ll_test_iterate_briefly ();
    {
      g_autoptr(LlPortfolioEntry) now_first = g_list_model_get_item (ll_portfolio_get_entries (portfolio), 0);

      g_assert_cmpint (ll_portfolio_entry_get_kind (now_first), ==, LL_ENTRY_CLUSTER_REFLECTION);
    }
  }
  /* and Alt+Up on the part of the story puts that first again */
  ll_portfolio_view_show_entry (view (f), ll_portfolio_find_story_part (portfolio, LL_STORY_LEARNING));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view (f)), "portfolio.move-up", NULL));

  stored = read_back_portfolio (f, &back);
  {
    GListModel *entries = ll_portfolio_get_entries (stored);
    g_autoptr(LlPortfolioEntry) first = g_list_model_get_item (entries, 0);
    g_autoptr(LlPortfolioEntry) second = g_list_model_get_item (entries, 1);

    g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 2);
    g_assert_cmpint (ll_portfolio_entry_get_part (first), ==, LL_STORY_LEARNING);
    g_assert_false (ll_portfolio_entry_get_included (first));
    g_assert_cmpuint (ll_portfolio_entry_get_words (first), ==, 160);
    g_assert_cmpint (ll_portfolio_entry_get_kind (second), ==, LL_ENTRY_CLUSTER_REFLECTION);
    g_assert_true (ll_portfolio_entry_get_led (second));
    g_assert_cmpint (ll_portfolio_entry_get_session (second), !=, 0);
    g_assert_nonnull (strstr (ll_portfolio_entry_get_text (second, LL_ENTRY_BODY), "spheres of influence"));
  }
}

static void
test_submit_reopen_verify (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(LlWorkbook) back = NULL;
  g_autoptr(LlPortfolioSubmission) first = NULL;
  AdwMessageDialog *dialog;
  LlPortfolio *portfolio, *stored;
  LlRichText *body = NULL;

  ll_window_set_place (f->window, "portfolios");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-item", NULL));
  dialog = wait_for_dialog ("New Portfolio");
  gtk_editable_set_text (GTK_EDITABLE (ll_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, NULL)),
                         "Zoë Okafor");
  adw_message_dialog_response (dialog, "add");
  ll_test_iterate_briefly ();
  portfolio = ll_portfolio_view_get_portfolio (view (f));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view (f)), "portfolio.add-entry", "s", "reflection"));
  type_body (f, "What I saw in the first term.");

  /* submitted: a copy is kept, and nothing can change */
  g_assert_true (gtk_widget_get_visible (view_child (f, "submit_button")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view (f)), "portfolio.submit", NULL));
  adw_message_dialog_response (wait_for_dialog ("Submit the Portfolio?"), "submit");
  ll_test_iterate_briefly ();
  g_assert_cmpint (ll_portfolio_get_status (portfolio), ==, LL_PORTFOLIO_SUBMITTED);
  g_assert_false (gtk_widget_get_visible (view_child (f, "submit_button")));
  g_assert_true (gtk_widget_get_visible (view_child (f, "verify_button")));
  g_assert_true (gtk_revealer_get_reveal_child (view_child (f, "locked_revealer")));
  body = view_child (f, "body_text");
  g_assert_false (ll_rich_text_get_editable (body));
  g_assert_false (gtk_widget_get_sensitive (view_child (f, "add_button")));

  /* reopened, changed and submitted again: the first copy stays as it was */
  stored = read_back_portfolio (f, &back);
  first = ll_portfolio_dup_submission (stored, 1, NULL);
  g_assert_nonnull (first);
  g_clear_object (&back);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view (f)), "portfolio.reopen", NULL));
  adw_message_dialog_response (wait_for_dialog ("Reopen the Portfolio for Changes?"), "reopen");
  ll_test_iterate_briefly ();
  g_assert_true (ll_rich_text_get_editable (body));
  type_body (f, " And what changed in the second.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view (f)), "portfolio.submit", NULL));
  adw_message_dialog_response (wait_for_dialog ("Submit the Portfolio?"), "submit");
  ll_test_iterate_briefly ();

  /* the tutor verifies, with a statement and their name */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view (f)), "portfolio.verify", NULL));
  dialog = wait_for_dialog ("Verify the Portfolio");
  {
    GtkWidget *name = row_titled (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Tutor’s _name");

    g_assert_nonnull (name);
    gtk_editable_set_text (GTK_EDITABLE (name), "Gwen Ellis-Davies");
  }
  adw_message_dialog_response (dialog, "verify");
  ll_test_iterate_briefly ();
  g_assert_cmpint (ll_portfolio_get_status (portfolio), ==, LL_PORTFOLIO_VERIFIED);
  g_assert_nonnull (strstr (gtk_label_get_text (view_child (f, "locked_label")), "Gwen Ellis-Davies"));

  /* the text as verified, beside the text now */
  g_assert_true (gtk_widget_get_visible (view_child (f, "compare_button")));
  gtk_toggle_button_set_active (view_child (f, "compare_button"), TRUE);
  ll_test_iterate_briefly ();
  g_assert_true (gtk_widget_get_visible (view_child (f, "submitted_box")));
  g_assert_cmpstr (gtk_label_get_text (view_child (f, "submitted_label")), ==, "As verified, in copy 2");
  {
    g_autofree char *shown = ll_rich_text_get_fragment (view_child (f, "submitted_text"), NULL);

    g_assert_nonnull (strstr (shown, "what changed in the second"));
  }
  g_assert_nonnull (ll_window_get_workbook (f->window));

  stored = read_back_portfolio (f, &back);
  g_assert_cmpint (ll_portfolio_get_status (stored), ==, LL_PORTFOLIO_VERIFIED);
  g_assert_cmpuint (ll_portfolio_get_n_submissions (stored), ==, 2);
  {
    g_autoptr(LlPortfolioSubmission) again = ll_portfolio_dup_submission (stored, 1, NULL);
    g_autoptr(LlPortfolioSubmission) second = ll_portfolio_dup_submission (stored, 2, NULL);

    g_assert_cmpstr (again->content, ==, first->content);
    g_assert_null (strstr (first->content, "second"));
    g_assert_nonnull (strstr (second->content, "second"));
    g_assert_cmpstr (second->verified_by, ==, "Gwen Ellis-Davies");
  }

  /* the list says where it stands */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (place (f)), "portfolios.back", NULL));
  g_assert_cmpstr (stack_page (f), ==, "list");
  {
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (ll_portfolios_place_get_list (place (f)), 0);

    g_assert_nonnull (row);
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Zoë Okafor");
    g_assert_true (has_label (GTK_WIDGET (row), "Verified"));
  }
}

/* The facilitator sets the programme up: its hub, a study session's date,
 * who led a cluster meeting and how long each part of the story must be;
 * the workbook has it all once the window closes. */
static void
test_programme (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(LlWorkbook) back = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  GtkWindow *window;
  GtkWidget *row, *expander, *spin = NULL;
  const LlProgramme *stored;
  gint64 person;

  ll_window_set_place (f->window, "portfolios");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-item", NULL));
  dialog = wait_for_dialog ("New Portfolio");
  gtk_editable_set_text (GTK_EDITABLE (ll_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, NULL)),
                         "Aoife Brennan");
  adw_message_dialog_response (dialog, "add");
  ll_test_iterate_briefly ();
  person = ll_portfolio_get_participant (ll_portfolio_view_get_portfolio (view (f)))->person_id;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (place (f)), "portfolios.back", NULL));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (place (f)), "portfolios.programme", NULL));
  window = ll_test_wait_for_toplevel (LL_TYPE_PROGRAMME_WINDOW, NULL);
  row = row_titled (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW, "_Hub");
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "Riverside North");
  /* a date that is not one is not taken */
  row = row_titled (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW, "_Ends on (YYYY-MM-DD)");
  gtk_editable_set_text (GTK_EDITABLE (row), "next summer");
  g_assert_true (gtk_widget_has_css_class (row, "error"));

  expander = row_titled (GTK_WIDGET (window), ADW_TYPE_EXPANDER_ROW, "Study session 1");
  g_assert_nonnull (expander);
  gtk_editable_set_text (GTK_EDITABLE (row_titled (expander, ADW_TYPE_ENTRY_ROW, "_Date (YYYY-MM-DD)")),
                         "2026-10-14");
  expander = row_titled (GTK_WIDGET (window), ADW_TYPE_EXPANDER_ROW, "Cluster meeting 2");
  row = row_titled (expander, ADW_TYPE_ACTION_ROW, "Led by Aoife Brennan");
  g_assert_nonnull (row);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row))),
                               TRUE);
  row = row_titled (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, "The analytical story of the work-based activity");
  g_assert_nonnull (row);
  spin = ll_test_find_widget (row, GTK_TYPE_SPIN_BUTTON, NULL);
  g_assert_nonnull (spin);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 250);
  gtk_window_close (window);
  ll_test_iterate_briefly ();

  back = ll_test_read_back (f->path);
  stored = ll_workbook_get_programme (back, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->hub, ==, "Riverside North");
  g_assert_cmpstr (stored->end_date, !=, "next summer");
  g_assert_cmpstr (((LlStudySession *) g_ptr_array_index (stored->sessions, 0))->date, ==, "2026-10-14");
  g_assert_true (ll_programme_meeting_led_by (stored, ((LlClusterMeeting *) g_ptr_array_index (stored->meetings, 1))->id,
                                              person));
  g_assert_cmpint (ll_programme_find_rule (stored, LL_RULE_STORY_PART_WORDS)->minimum, ==, 250);
  /* the list's heading follows */
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (place (f)),
                                                                                          LL_TYPE_PORTFOLIOS_PLACE,
                                                                                          "programme_label"))),
                            "Leading Active Learning"));
}

static GtkDropTarget *
file_drop_target (GtkWidget *widget)
{
  GListModel *controllers = gtk_widget_observe_controllers (widget);
  GtkDropTarget *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && found == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        found = GTK_DROP_TARGET (controller);
    }
  g_object_unref (controllers);
  return found;
}

static gboolean
drop_files (GtkWidget  *widget,
            const char *path)
{
  GtkDropTarget *target = file_drop_target (widget);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GSList *files = g_slist_append (NULL, file);
  GValue value = G_VALUE_INIT;
  gboolean dropped = FALSE;

  g_assert_nonnull (target);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&value, files);
  g_signal_emit_by_name (target, "drop", &value, 20.0, 20.0, &dropped);
  g_value_unset (&value);
  g_slist_free (files);
  return dropped;
}

/* A photograph dropped on an entry becomes its evidence, shown with a
 * thumbnail, captioned, kept byte for byte; a file that cannot be
 * evidence is refused with a sentence and nothing is added. */
static void
test_evidence (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(LlWorkbook) back = NULL;
  g_autofree char *picture = g_build_filename (f->dir, "reading-corner.png", NULL);
  g_autofree char *program = g_build_filename (f->dir, "setup.exe", NULL);
  g_autoptr(GBytes) png = NULL;
  AdwMessageDialog *dialog;
  LlPortfolio *portfolio, *stored;
  LlPortfolioEntry *entry;
  GListModel *evidence;
  GtkWidget *row, *caption;
  guint8 rgb[4 * 3 * 3];

  for (guint i = 0; i < sizeof rgb; i++)
    rgb[i] = (guint8) (i * 21);
  png = ll_png_encode_rgb (rgb, 4, 3);
  g_assert_nonnull (png);
  g_assert_true (g_file_set_contents (picture, g_bytes_get_data (png, NULL), g_bytes_get_size (png), NULL));
  g_assert_true (g_file_set_contents (program, "MZ\x90\x00\x03", 5, NULL));

  ll_window_set_place (f->window, "portfolios");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-item", NULL));
  dialog = wait_for_dialog ("New Portfolio");
  gtk_editable_set_text (GTK_EDITABLE (ll_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, NULL)),
                         "Marcus Adeyemi");
  adw_message_dialog_response (dialog, "add");
  ll_test_iterate_briefly ();
  portfolio = ll_portfolio_view_get_portfolio (view (f));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view (f)), "portfolio.add-entry", "s", "story:impact"));
  entry = ll_portfolio_view_get_entry (view (f));

  g_assert_true (drop_files (view_child (f, "body_stack"), picture));
  ll_test_iterate_briefly ();
  evidence = ll_portfolio_get_evidence (portfolio, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (evidence), ==, 1);
  row = row_titled (view_child (f, "evidence_group"), ADW_TYPE_EXPANDER_ROW, "reading-corner.png");
  g_assert_nonnull (row);
  g_assert_nonnull (ll_test_find_widget (row, GTK_TYPE_PICTURE, NULL));
  caption = row_titled (row, ADW_TYPE_ENTRY_ROW, "_Caption");
  gtk_editable_set_text (GTK_EDITABLE (caption), "The reading corner, in its first week");

  /* not evidence: one sentence, and nothing added */
  g_assert_false (drop_files (view_child (f, "body_stack"), program));
  dialog = wait_for_dialog ("The Portfolio Could Not Be Changed");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "setup.exe"));
  adw_message_dialog_response (dialog, "close");
  g_assert_cmpuint (g_list_model_get_n_items (evidence), ==, 1);

  /* the participant's page shows what supports no entry: not this */
  ll_portfolio_view_show_entry (view (f), NULL);
  g_assert_null (row_titled (view_child (f, "evidence_group"), ADW_TYPE_EXPANDER_ROW,
                             "The reading corner, in its first week"));
  ll_portfolio_view_show_entry (view (f), entry);
  g_assert_nonnull (row_titled (view_child (f, "evidence_group"), ADW_TYPE_EXPANDER_ROW,
                                "The reading corner, in its first week"));

  stored = read_back_portfolio (f, &back);
  {
    GListModel *kept = ll_portfolio_get_evidence (stored, NULL);
    g_autoptr(LlEvidence) first = g_list_model_get_item (kept, 0);
    g_autoptr(GBytes) bytes = ll_portfolio_read_evidence (stored, first, NULL);

    g_assert_cmpuint (g_list_model_get_n_items (kept), ==, 1);
    g_assert_cmpstr (ll_evidence_get_caption (first), ==, "The reading corner, in its first week");
    g_assert_cmpint (ll_evidence_get_entry_id (first), ==, ll_portfolio_entry_get_id (entry));
    g_assert_true (g_bytes_equal (bytes, png));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  int status;

  app = ll_test_gui_init_app (&argc, &argv, &data_home);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/portfolios-page/new-and-write", test_new_and_write);
  ADD ("/portfolios-page/submit-reopen-verify", test_submit_reopen_verify);
  ADD ("/portfolios-page/programme", test_programme);
  ADD ("/portfolios-page/evidence", test_evidence);
#undef ADD

  status = g_test_run ();
  g_clear_object (&app);
  ll_test_rm_rf (data_home);
  return status;
}
