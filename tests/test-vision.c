/* test-vision.c: the Vision place: writing a narrative, its revisions,
 * and importing one, as a user does it (display suite) */
#define G_LOG_DOMAIN "test-vision"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ll-application.h"
#include "ll-docbook.h"
#include "ll-narrative-editor.h"
#include "ll-narrative-row.h"
#include "ll-narrative-section-row.h"
#include "ll-resources.h"
#include "ll-revision-compare.h"
#include "ll-revision-view.h"
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
} Fixture;

static gboolean
not_mapped (gpointer data)
{
  return !gtk_widget_get_mapped (data);
}

/* Reading the file as another program would */

/* The stored narrative at @index of a fresh reading of the file. */
static LlNarrative *
stored_narrative (LlWorkbook *reader,
                  guint       index)
{
  LlNarrative *narrative = g_list_model_get_item (ll_workbook_get_narratives (reader), index);

  g_assert_nonnull (narrative);
  g_object_unref (narrative);   /* the workbook holds it */
  return narrative;
}

static char *
stored_body (const char *path,
             guint       section)
{
  g_autoptr(LlWorkbook) reader = ll_test_read_back (path);
  LlNarrative *narrative = stored_narrative (reader, 0);
  g_autoptr(LlNarrativeSection) s = g_list_model_get_item (ll_narrative_get_sections (narrative), section);
  char *body = g_strdup (ll_narrative_section_get_body (s));

  ll_workbook_close (reader);
  return body;
}

/* Fixture */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = ll_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "Vision.llw", NULL);
  ll_test_make_workbook (f->path);

  f->window = ll_window_new (GTK_APPLICATION (app));
  g_assert_true (ll_window_open_path (f->window, f->path));
  gtk_window_present (GTK_WINDOW (f->window));
  ll_window_set_place (f->window, "vision");
  f->page = LL_VISION_PAGE (ll_window_lookup_place (f->window, "vision"));
  g_assert_nonnull (f->page);
  f->editor = ll_vision_page_get_editor (f->page);
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

static LlNarrativeSectionRow *
section_row (Fixture *f,
             guint    position)
{
  GtkWidget *row = ll_narrative_editor_get_section_row (f->editor, position);

  g_assert_true (LL_IS_NARRATIVE_SECTION_ROW (row));
  return LL_NARRATIVE_SECTION_ROW (row);
}

static GtkTextBuffer *
section_buffer (Fixture *f,
                guint    position)
{
  return ll_rich_text_get_buffer (ll_narrative_section_row_get_rich_text (section_row (f, position)));
}

static GtkTextView *
section_view (Fixture *f,
              guint    position)
{
  return ll_rich_text_get_text_view (ll_narrative_section_row_get_rich_text (section_row (f, position)));
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
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

static gboolean
button_clicked (gpointer data)
{
  return *(gboolean *) data;
}

static void
clicked_cb (GtkButton *button,
            gboolean  *clicked)
{
  *clicked = TRUE;
}

/* Clicks @button as a user does (GTK emits ::clicked a little later). */
static void
click (GtkWidget *button)
{
  gboolean clicked = FALSE;
  gulong id = g_signal_connect (button, "clicked", G_CALLBACK (clicked_cb), &clicked);

  g_assert_true (gtk_widget_is_sensitive (button));
  gtk_widget_activate (button);
  g_assert_true (ll_test_wait_for (button_clicked, &clicked));
  g_signal_handler_disconnect (button, id);
}

/* The first button under @root whose label (or mnemonic label) is @label. */
static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && gtk_widget_get_mapped (child))
        {
          const char *text = gtk_button_get_label (GTK_BUTTON (child));
          GtkWidget *content = gtk_button_get_child (GTK_BUTTON (child));

          if (text == NULL && ADW_IS_BUTTON_CONTENT (content))
            text = adw_button_content_get_label (ADW_BUTTON_CONTENT (content));
          if (g_strcmp0 (text, label) == 0)
            return child;
        }
      found = find_button (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static LlNarrative *
click_new_narrative (Fixture *f)
{
  GtkWidget *button;

  button = find_button (GTK_WIDGET (f->page), "_New Narrative");
  g_assert_nonnull (button);
  click (button);
  g_assert_true (ll_vision_page_get_editing (f->page));
  return ll_narrative_editor_get_narrative (f->editor);
}

/* Tests */

static void
test_empty_and_new (Fixture       *f,
                    gconstpointer  data)
{
  LlNarrative *narrative;
  GtkWidget *prompts;

  /* with no narrative the place explains itself and offers both buttons */
  g_assert_false (ll_vision_page_get_editing (f->page));
  g_assert_nonnull (find_button (GTK_WIDGET (f->page), "_Import DocBook…"));

  narrative = click_new_narrative (f);
  g_assert_nonnull (narrative);

  /* five sections, each with its questions beside it */
  for (guint i = 0; i < 5; i++)
    {
      LlNarrativeSectionRow *row = section_row (f, i);

      prompts = ll_narrative_section_row_get_prompts (row);
      g_assert_true (gtk_widget_get_visible (prompts));
      g_assert_true (gtk_widget_get_mapped (prompts));
    }
  g_assert_null (ll_narrative_editor_get_section_row (f->editor, 5));
  g_assert_cmpstr (gtk_editable_get_text (ll_narrative_section_row_get_heading (section_row (f, 0))), !=, "");

  /* the window's export and print know which document is meant */
  g_assert_cmpint (ll_vision_page_get_current_document_id (f->page), ==, ll_narrative_get_id (narrative));

  /* back to the list, which now holds it */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "vision.show-list", NULL));
  g_assert_false (ll_vision_page_get_editing (f->page));
  g_assert_nonnull (gtk_list_box_get_row_at_index (ll_vision_page_get_list (f->page), 0));
  g_assert_null (gtk_list_box_get_row_at_index (ll_vision_page_get_list (f->page), 1));

  /* activating it opens it again */
  g_signal_emit_by_name (gtk_list_box_get_row_at_index (ll_vision_page_get_list (f->page), 0), "activate");
  g_assert_true (ll_test_wait_for ((LlTestCondition) ll_vision_page_get_editing, f->page));
  g_assert_true (ll_narrative_editor_get_narrative (f->editor) == narrative);
}

static gboolean
body_has_strong (gpointer data)
{
  Fixture *f = data;
  g_autofree char *body = stored_body (f->path, 0);

  return strstr (body, "<emphasis role=\"strong\">") != NULL;
}

static void
select_word (GtkTextBuffer *buffer,
             const char    *word)
{
  g_autofree char *text = buffer_text (buffer);
  const char *at = strstr (text, word);
  GtkTextIter start, end;

  g_assert_nonnull (at);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, g_utf8_pointer_to_offset (text, at));
  end = start;
  gtk_text_iter_forward_chars (&end, g_utf8_strlen (word, -1));
  gtk_text_buffer_select_range (buffer, &start, &end);
}

static LlRevision *
save_revision_through_dialog (Fixture    *f,
                              const char *name)
{
  GtkWindow *dialog;
  GtkEditable *entry;
  LlNarrative *narrative = ll_narrative_editor_get_narrative (f->editor);
  guint before = g_list_model_get_n_items (ll_narrative_get_revisions (narrative));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.save-revision", NULL));
  dialog = ll_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, "Save Revision");
  entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog)));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  gtk_editable_set_text (entry, name);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  g_assert_cmpuint (g_list_model_get_n_items (ll_narrative_get_revisions (narrative)), ==, before + 1);
  return ll_narrative_editor_get_selected_revision (f->editor);
}

static gboolean
tag_covers (GtkTextBuffer *buffer,
            const char    *tag_name,
            const char    *word)
{
  g_autofree char *text = buffer_text (buffer);
  const char *at = strstr (text, word);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), tag_name);
  GtkTextIter iter;

  if (at == NULL || tag == NULL)
    return FALSE;
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, g_utf8_pointer_to_offset (text, at));
  return gtk_text_iter_has_tag (&iter, tag);
}

static void
test_write_and_revise (Fixture       *f,
                       gconstpointer  data)
{
  LlNarrative *narrative = click_new_narrative (f);
  GtkTextBuffer *buffer = section_buffer (f, 0);
  LlRevision *revision;
  GtkListBox *revisions = ll_narrative_editor_get_revisions_list (f->editor);
  GtkWindow *window;
  g_autofree char *text = NULL;

  /* typing, then bold on a word, reaches the file after a pause */
  type_into (f, 0, "Every child leaves us a confident learner.");
  select_word (buffer, "confident");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ll_narrative_section_row_get_rich_text (section_row (f, 0))),
                                             "rich-text.bold", NULL));
  g_assert_true (ll_test_wait_for (body_has_strong, f));

  /* a named revision, in the pane and in the file */
  revision = save_revision_through_dialog (f, "Draft for governors");
  g_assert_nonnull (revision);
  g_assert_cmpstr (ll_revision_get_label (revision), ==, "Draft for governors");
  g_assert_nonnull (gtk_list_box_get_row_at_index (revisions, 0));
  g_assert_true (gtk_list_box_get_selected_row (revisions) == gtk_list_box_get_row_at_index (revisions, 0));
  {
    g_autoptr(LlWorkbook) reader = ll_test_read_back (f->path);
    LlNarrative *stored = stored_narrative (reader, 0);
    g_autoptr(LlRevision) first = g_list_model_get_item (ll_narrative_get_revisions (stored), 0);

    g_assert_cmpstr (ll_revision_get_name (first), ==, "Draft for governors");
    ll_workbook_close (reader);
  }

  /* more writing; Compare shows the new words as insertions */
  type_into (f, 0, " Curiosity matters most.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.compare-revision", NULL));
  window = ll_test_wait_for_toplevel (LL_TYPE_REVISION_COMPARE, NULL);
  {
    GtkTextBuffer *diff = ll_revision_compare_get_buffer (LL_REVISION_COMPARE (window));
    guint added, removed;

    g_autoptr(LlNarrativeSection) first = g_list_model_get_item (ll_narrative_get_sections (narrative), 0);

    g_assert_true (tag_covers (diff, LL_DIFF_TAG_INSERT, "Curiosity"));
    g_assert_false (tag_covers (diff, LL_DIFF_TAG_INSERT, "Every"));
    /* each section's title reads as a heading, its text does not */
    g_assert_true (tag_covers (diff, LL_DIFF_TAG_HEADING, ll_narrative_section_get_title (first)));
    g_assert_false (tag_covers (diff, LL_DIFF_TAG_HEADING, "Every"));
    g_assert_false (tag_covers (diff, LL_DIFF_TAG_HEADING, "Curiosity"));
    ll_revision_compare_get_counts (LL_REVISION_COMPARE (window), &added, &removed);
    g_assert_cmpuint (added, ==, 3);
    g_assert_cmpuint (removed, ==, 0);
  }
  /* clicked into, to select and copy, its cursor blinks: GTK 4.8 aborts
   * when a focused text view's cursor is hidden (test-rich-text shows it
   * in a window of its own: this one never becomes active without a
   * window manager) */
  {
    GtkWidget *diff_view = ll_test_find_widget (GTK_WIDGET (window), GTK_TYPE_TEXT_VIEW, NULL);

    g_assert_nonnull (diff_view);
    g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (diff_view)));
    g_assert_true (gtk_text_view_get_cursor_visible (GTK_TEXT_VIEW (diff_view)));
  }
  gtk_window_destroy (window);

  /* Read shows the revision's text, read-only */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.read-revision", NULL));
  window = ll_test_wait_for_toplevel (LL_TYPE_REVISION_VIEW, NULL);
  {
    GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (ll_revision_view_get_sections (LL_REVISION_VIEW (window))));

    while (child != NULL && !LL_IS_RICH_TEXT (child))
      child = gtk_widget_get_next_sibling (child);
    g_assert_nonnull (child);
    g_assert_false (ll_rich_text_get_editable (LL_RICH_TEXT (child)));
    text = buffer_text (ll_rich_text_get_buffer (LL_RICH_TEXT (child)));
    g_assert_nonnull (strstr (text, "confident learner"));
    g_assert_null (strstr (text, "Curiosity"));
    g_clear_pointer (&text, g_free);
  }
  gtk_window_destroy (window);

  /* Restore asks first, then brings the old text back, keeping the new */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.restore-revision", NULL));
  window = ll_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, "Restore");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (window)), "kept as a revision"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (window), "restore");
  text = buffer_text (section_buffer (f, 0));
  g_assert_nonnull (strstr (text, "confident learner"));
  g_assert_null (strstr (text, "Curiosity"));
  g_assert_true (ll_narrative_editor_get_narrative (f->editor) == narrative);
  {
    g_autoptr(LlWorkbook) reader = ll_test_read_back (f->path);
    LlNarrative *stored = stored_narrative (reader, 0);
    g_autoptr(LlRevision) newest = g_list_model_get_item (ll_narrative_get_revisions (stored), 0);
    g_autofree char *kept = ll_narrative_dup_text (stored, newest, NULL);

    g_assert_cmpint (ll_revision_get_kind (newest), ==, LL_REVISION_BEFORE_RESTORE);
    g_assert_nonnull (strstr (kept, "Curiosity"));
    ll_workbook_close (reader);
  }
}

static void
test_prompts_and_sections (Fixture       *f,
                           gconstpointer  data)
{
  LlNarrative *narrative = click_new_narrative (f);
  GListModel *sections = ll_narrative_get_sections (narrative);
  g_autoptr(LlNarrativeSection) first = g_list_model_get_item (sections, 0);
  g_autoptr(LlNarrativeSection) second = g_list_model_get_item (sections, 1);
  GtkWindow *dialog;
  guint n;

  /* hiding the prompts hides them everywhere, and is remembered */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.show-prompts", NULL));
  g_assert_false (gtk_widget_get_visible (ll_narrative_section_row_get_prompts (section_row (f, 0))));
  {
    g_autoptr(LlWorkbook) reader = ll_test_read_back (f->path);

    g_assert_false (ll_narrative_get_show_prompts (stored_narrative (reader, 0)));
    ll_workbook_close (reader);
  }

  /* renaming */
  gtk_editable_set_text (ll_narrative_section_row_get_heading (section_row (f, 0)), "Why we are doing this");
  g_assert_cmpstr (ll_narrative_section_get_title (first), ==, "Why we are doing this");

  /* adding after the first, from its menu */
  n = g_list_model_get_n_items (sections);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (section_row (f, 0)), "editor.add-section-after",
                                             "x", ll_narrative_section_get_id (first)));
  g_assert_cmpuint (g_list_model_get_n_items (sections), ==, n + 1);
  g_assert_cmpstr (gtk_editable_get_text (ll_narrative_section_row_get_heading (section_row (f, 1))), ==,
                   "New Section");

  /* moving down, from the section menu, and up, from the outline */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (section_row (f, 0)), "editor.move-section-down",
                                             "x", ll_narrative_section_get_id (first)));
  g_assert_true (ll_narrative_section_row_get_section (section_row (f, 1)) == first);
  gtk_list_box_select_row (ll_narrative_editor_get_outline (f->editor),
                           gtk_list_box_get_row_at_index (ll_narrative_editor_get_outline (f->editor), 1));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.move-up", NULL));
  g_assert_true (ll_narrative_section_row_get_section (section_row (f, 0)) == first);
  {
    g_autoptr(LlWorkbook) reader = ll_test_read_back (f->path);
    g_autoptr(LlNarrativeSection) stored = g_list_model_get_item (ll_narrative_get_sections (stored_narrative (reader, 0)), 0);

    g_assert_cmpstr (ll_narrative_section_get_title (stored), ==, "Why we are doing this");
    ll_workbook_close (reader);
  }

  /* removing asks first; cancelling keeps it */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.remove-section",
                                             "x", ll_narrative_section_get_id (second)));
  dialog = ll_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, "Remove");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_assert_cmpuint (g_list_model_get_n_items (sections), ==, n + 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.remove-section",
                                             "x", ll_narrative_section_get_id (second)));
  dialog = ll_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, "Remove");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "remove");
  g_assert_cmpuint (g_list_model_get_n_items (sections), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_true (ll_narrative_section_row_get_section (section_row (f, i)) != second);
}

static void
test_distraction_free (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *sidebar = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->window), LL_TYPE_WINDOW, "sidebar"));
  GtkListBox *outline;

  click_new_narrative (f);
  outline = ll_narrative_editor_get_outline (f->editor);
  g_assert_true (gtk_widget_get_visible (sidebar));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (outline)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.distraction-free", NULL));
  g_assert_true (ll_vision_page_get_distraction_free (f->page));
  g_assert_false (gtk_widget_get_visible (sidebar));
  g_assert_true (ll_test_wait_for (not_mapped, outline));

  /* Escape leaves it */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.leave-distraction-free", NULL));
  g_assert_false (ll_vision_page_get_distraction_free (f->page));
  g_assert_true (gtk_widget_get_visible (sidebar));
}

/* Waiting for an asynchronous operation */

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

static gboolean
have_result (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static LlNarrative *
import_file (LlVisionPage  *page,
             const char    *path,
             GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  ll_vision_page_import_file_async (page, path, NULL, store_result_cb, &result);
  g_assert_null (result);
  g_assert_true (ll_test_wait_for (have_result, &result));
  return ll_vision_page_import_file_finish (page, result, error);
}

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *docbook = ll_test_data_path ("docbook/pandoc.in.xml");
  g_autofree char *bad = g_build_filename (f->dir, "bad.xml", NULL);
  g_autoptr(LlNarrative) narrative = NULL;
  g_autoptr(LlNarrative) none = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;

  /* while the file is read, the page waits, and one import is enough */
  ll_vision_page_import_file_async (f->page, docbook, NULL, store_result_cb, &result);
  g_assert_true (ll_vision_page_get_importing (f->page));
  ll_vision_page_import_file_async (f->page, docbook, NULL, store_result_cb, &second);
  g_assert_true (ll_test_wait_for (have_result, &second));
  none = ll_vision_page_import_file_finish (f->page, second, &error);
  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PENDING);
  g_clear_error (&error);

  g_assert_true (ll_test_wait_for (have_result, &result));
  narrative = ll_vision_page_import_file_finish (f->page, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (narrative);
  g_assert_false (ll_vision_page_get_importing (f->page));
  g_assert_true (ll_vision_page_get_editing (f->page));
  g_assert_true (ll_narrative_editor_get_narrative (f->editor) == narrative);
  g_assert_nonnull (ll_narrative_editor_get_section_row (f->editor, 0));
  {
    GtkWindow *notes = ll_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, "Simplifications");

    if (notes != NULL)
      adw_message_dialog_response (ADW_MESSAGE_DIALOG (notes), "close");
  }

  /* a file that is not DocBook imports nothing, and says why */
  g_assert_true (g_file_set_contents (bad, "<html><body>Not DocBook</body></html>", -1, NULL));
  g_clear_object (&none);
  none = import_file (f->page, bad, &error);
  g_assert_null (none);
  g_assert_error (error, LL_DOCBOOK_ERROR, LL_DOCBOOK_ERROR_NOT_DOCBOOK);
  dialog = ll_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, "Could Not Import");
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), !=, "");
  g_assert_cmpuint (g_list_model_get_n_items (ll_workbook_get_narratives (ll_window_get_workbook (f->window))), ==, 1);
}

/* Closing the window while a file is read: the import is cancelled, the
 * callback leaves the disposed page alone, and nothing is added. */
static void
test_import_then_close (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *docbook = ll_test_data_path ("docbook/pandoc.in.xml");
  g_autoptr(LlVisionPage) page = g_object_ref (f->page);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(LlNarrative) narrative = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LlWorkbook) reader = NULL;

  ll_vision_page_import_file_async (page, docbook, NULL, store_result_cb, &result);
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_assert_true (ll_test_wait_for (have_result, &result));
  narrative = ll_vision_page_import_file_finish (page, result, &error);
  g_assert_null (narrative);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  ll_test_iterate_briefly ();
  g_assert_null (ll_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL));
  reader = ll_test_read_back (f->path);
  g_assert_cmpuint (g_list_model_get_n_items (ll_workbook_get_narratives (reader)), ==, 0);
  ll_workbook_close (reader);
}

static void
test_close_keeps_typing (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *body = NULL;

  click_new_narrative (f);
  type_into (f, 1, "Typed just before closing.");
  /* closed well within the autosave delay */
  gtk_window_close (GTK_WINDOW (f->window));
  body = stored_body (f->path, 1);
  g_assert_nonnull (strstr (body, "Typed just before closing."));
}

/* The first button inside @root that is shown, depth first. */
static GtkWidget *
first_mapped_button (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && gtk_widget_get_mapped (child))
        return child;
      found = first_mapped_button (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
toolbar_active_only_on (Fixture *f,
                       int      position)
{
  for (guint i = 0; ll_narrative_editor_get_section_row (f->editor, i) != NULL; i++)
    {
      LlRichText *text = ll_narrative_section_row_get_rich_text (section_row (f, i));

      /* every bar keeps its place; only one can be used */
      if (!ll_rich_text_get_show_toolbar (text)
          || ll_rich_text_get_toolbar_active (text) != ((int) i == position))
        return FALSE;
    }
  return TRUE;
}

static void
test_one_toolbar (Fixture       *f,
                  gconstpointer  data)
{
  LlRichText *second;
  GtkWidget *button;

  click_new_narrative (f);
  /* nothing is being written yet: no formatting bar to use */
  g_assert_true (toolbar_active_only_on (f, -1));

  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (ll_rich_text_get_text_view (ll_narrative_section_row_get_rich_text (section_row (f, 0))))));
  g_assert_true (toolbar_active_only_on (f, 0));

  /* writing in section 2 moves the bar there */
  second = ll_narrative_section_row_get_rich_text (section_row (f, 1));
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (ll_rich_text_get_text_view (second))));
  g_assert_true (toolbar_active_only_on (f, 1));
  ll_test_iterate_briefly ();

  /* it stays while the writer reaches for one of its buttons */
  button = first_mapped_button (GTK_WIDGET (second));
  g_assert_nonnull (button);
  if (gtk_widget_grab_focus (button))
    g_assert_true (toolbar_active_only_on (f, 1));

  /* and while the writer renames a section */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (ll_narrative_section_row_get_heading (section_row (f, 2)))));
  g_assert_true (toolbar_active_only_on (f, 1));
}

static guint
stored_narrative_count (const char *path)
{
  g_autoptr(LlWorkbook) reader = ll_test_read_back (path);
  guint n = g_list_model_get_n_items (ll_workbook_get_narratives (reader));

  ll_workbook_close (reader);
  return n;
}

static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  LlWorkbook *workbook = ll_window_get_workbook (f->window);
  GListModel *narratives = ll_workbook_get_narratives (workbook);
  GtkTextView *title_view;
  GtkListBoxRow *row;
  GtkWidget *menu_button;
  GtkWindow *dialog;
  LlNarrative *narrative;

  narrative = click_new_narrative (f);
  title_view = GTK_TEXT_VIEW (gtk_widget_get_template_child (GTK_WIDGET (f->editor), LL_TYPE_NARRATIVE_EDITOR,
                                                             "title_view"));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (title_view), "Draft to throw away", -1);
  g_assert_cmpstr (ll_narrative_get_title (narrative), ==, "Draft to throw away");

  /* asked first; cancelling keeps it */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.delete-narrative", NULL));
  dialog = ll_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, "Delete “Draft to throw away”?");
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "The narrative and all its revisions will be deleted. This cannot be undone.");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (dialog)), ==, "cancel");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_assert_true (ll_vision_page_get_editing (f->page));
  g_assert_cmpuint (g_list_model_get_n_items (narratives), ==, 1);

  /* deleting goes back to the list, without it, and out of the file */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.delete-narrative", NULL));
  dialog = ll_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, "Delete “Draft to throw away”?");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "delete");
  g_assert_false (ll_vision_page_get_editing (f->page));
  g_assert_cmpuint (g_list_model_get_n_items (narratives), ==, 0);
  g_assert_null (gtk_list_box_get_row_at_index (ll_vision_page_get_list (f->page), 0));
  g_assert_cmpuint (stored_narrative_count (f->path), ==, 0);

  /* from a row of the list, through its menu */
  narrative = click_new_narrative (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "vision.show-list", NULL));
  row = gtk_list_box_get_row_at_index (ll_vision_page_get_list (f->page), 0);
  g_assert_nonnull (row);
  menu_button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (row), LL_TYPE_NARRATIVE_ROW, "menu_button"));
  g_assert_true (gtk_widget_get_mapped (menu_button));
  g_assert_true (gtk_widget_activate_action (menu_button, "vision.delete", "x", ll_narrative_get_id (narrative)));
  dialog = ll_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, "Delete “Our Vision for Learning”?");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "delete");
  g_assert_cmpuint (g_list_model_get_n_items (narratives), ==, 0);
  g_assert_null (gtk_list_box_get_row_at_index (ll_vision_page_get_list (f->page), 0));
  g_assert_cmpuint (stored_narrative_count (f->path), ==, 0);
}

static void
test_delete_read_only (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "Shared.llw", NULL);
  g_autoptr(LlWorkbook) workbook = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *page;
  GtkListBoxRow *row;
  LlNarrative *narrative;

  ll_test_make_workbook (path);
  workbook = ll_workbook_open (path, LL_WORKBOOK_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ll_workbook_add_narrative (workbook, "Kept", &error));
  ll_workbook_close (workbook);
  g_clear_object (&workbook);

  workbook = ll_test_read_back (path);
  page = g_object_ref_sink (ll_vision_page_new ());
  ll_vision_page_set_workbook (LL_VISION_PAGE (page), workbook);
  narrative = stored_narrative (workbook, 0);

  /* no menu on the row, and the action is refused */
  row = gtk_list_box_get_row_at_index (ll_vision_page_get_list (LL_VISION_PAGE (page)), 0);
  g_assert_nonnull (row);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (row), LL_TYPE_NARRATIVE_ROW,
                                                                                      "menu_button"))));
  gtk_widget_activate_action (page, "vision.delete", "x", ll_narrative_get_id (narrative));
  ll_vision_page_open_narrative (LL_VISION_PAGE (page), narrative);
  gtk_widget_activate_action (GTK_WIDGET (ll_vision_page_get_editor (LL_VISION_PAGE (page))),
                              "editor.delete-narrative", NULL);
  ll_test_iterate_briefly ();
  g_assert_null (ll_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, "Delete"));
  g_assert_false (ll_vision_page_delete_narrative (LL_VISION_PAGE (page), narrative, &error));
  g_assert_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_READ_ONLY);
  g_assert_cmpuint (g_list_model_get_n_items (ll_workbook_get_narratives (workbook)), ==, 1);

  ll_vision_page_set_workbook (LL_VISION_PAGE (page), NULL);
  g_object_unref (page);
  ll_workbook_close (workbook);
}

static GtkEventController *
find_key_controller (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  GtkEventController *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller)
          && gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        found = controller;
    }
  return found;
}

static gboolean
title_wraps (gpointer data)
{
  GtkTextView *view = data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  GdkRectangle first, last;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_view_get_iter_location (view, &start, &first);
  gtk_text_view_get_iter_location (view, &end, &last);
  return last.y > first.y;
}

static void
test_long_title (Fixture       *f,
                 gconstpointer  data)
{
  const char *title = "Building Better Learners at Ashcombe Vale: how every child will learn to think, "
                      "to question and to persevere with others";
  LlNarrative *narrative = click_new_narrative (f);
  GtkTextView *view = GTK_TEXT_VIEW (gtk_widget_get_template_child (GTK_WIDGET (f->editor),
                                                                    LL_TYPE_NARRATIVE_EDITOR, "title_view"));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkEventController *key;
  GtkTextIter start, end;
  gboolean handled = FALSE;

  g_assert_cmpuint (g_utf8_strlen (title, -1), ==, 120);

  /* typed over the default title, it is stored exactly */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (view)));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_select_range (buffer, &start, &end);
  g_assert_true (gtk_text_buffer_delete_selection (buffer, TRUE, TRUE));
  g_assert_true (gtk_text_buffer_insert_interactive_at_cursor (buffer, title, -1, TRUE));
  g_assert_cmpstr (ll_narrative_get_title (narrative), ==, title);

  /* on several lines, not cut off */
  g_assert_true (ll_test_wait_for (title_wraps, view));

  /* Enter goes on to the first section's text and adds no line break */
  key = find_key_controller (GTK_WIDGET (view));
  g_assert_nonnull (key);
  g_signal_emit_by_name (key, "key-pressed", GDK_KEY_Return, 36, 0, &handled);
  g_assert_true (handled);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == GTK_WIDGET (section_view (f, 0)));
  /* a line break that reaches the text anyway (an input method, a paste) */
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  g_assert_true (gtk_text_buffer_insert_interactive_at_cursor (buffer, "\n", -1, TRUE));
  g_assert_cmpstr (ll_narrative_get_title (narrative), ==, title);
  {
    g_autoptr(LlWorkbook) reader = ll_test_read_back (f->path);

    g_assert_cmpstr (ll_narrative_get_title (stored_narrative (reader, 0)), ==, title);
    ll_workbook_close (reader);
  }

  /* pasted lines join with a space */
  gtk_text_buffer_set_text (buffer, "", -1);
  g_assert_true (gtk_text_buffer_insert_interactive_at_cursor (buffer, "Our Vision\r\nfor Learning\n", -1, TRUE));
  g_assert_cmpstr (ll_narrative_get_title (narrative), ==, "Our Vision for Learning");
}

/* Text that a damaged file holds is shown as plain text, never as an
 * empty section that the next keystroke would save over. */
static void
test_damaged_text_kept (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LlWorkbook *workbook = ll_window_get_workbook (f->window);
  LlNarrative *narrative = ll_workbook_add_narrative (workbook, "Damaged", &error);
  g_autoptr(LlNarrativeSection) section = g_list_model_get_item (ll_narrative_get_sections (narrative), 0);
  g_autofree char *shown = NULL;

  g_assert_no_error (error);
  ll_narrative_section_set_body (section, "<para xmlns=\"http://docbook.org/ns/docbook\">"
                                          "Words that must survive<emphasis>");
  ll_vision_page_open_narrative (f->page, narrative);
  ll_test_iterate_briefly ();
  shown = buffer_text (section_buffer (f, 0));
  g_assert_cmpstr (shown, ==, "Words that must survive");
}

/* Export from the window carries the narrative's text, as DocBook. */
static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LlWorkbook *workbook = ll_window_get_workbook (f->window);
  LlNarrative *narrative = ll_workbook_add_narrative (workbook, "Exported", &error);
  g_autoptr(LlNarrativeSection) section = g_list_model_get_item (ll_narrative_get_sections (narrative), 0);
  g_autofree char *xml_path = g_build_filename (f->dir, "narrative.xml", NULL);
  g_autofree char *xml = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  ll_narrative_section_set_body (section, "<para xmlns=\"http://docbook.org/ns/docbook\">"
                                          "Every pupil can <emphasis>grow</emphasis>.</para>\n");
  ll_vision_page_open_narrative (f->page, narrative);
  ll_window_export_docbook_to_path_async (f->window, ll_narrative_get_id (narrative), xml_path,
                                          NULL, store_result_cb, &result);
  g_assert_true (ll_test_wait_for (have_result, &result));
  g_assert_true (ll_window_export_docbook_to_path_finish (f->window, result, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (xml_path, &xml, NULL, NULL));
  g_assert_nonnull (strstr (xml, "<para>Every pupil can <emphasis>grow</emphasis>.</para>"));
  g_assert_null (strstr (xml, "&lt;"));
  ll_test_assert_docbook_valid (xml_path);
}

/* Where the user can write: a text area a few lines tall in every
 * section, with its hint showing, wherever the window puts the
 * questions. */

#define MIN_TEXT_HEIGHT 72

static gboolean
every_section_writable (gpointer data)
{
  Fixture *f = data;

  for (guint i = 0; ll_narrative_editor_get_section_row (f->editor, i) != NULL; i++)
    {
      LlRichText *text = ll_narrative_section_row_get_rich_text (section_row (f, i));
      GtkWidget *view = GTK_WIDGET (ll_rich_text_get_text_view (text));

      if (!gtk_widget_get_mapped (view) || gtk_widget_get_height (view) < MIN_TEXT_HEIGHT)
        return FALSE;
      /* "Start writing…" shows without the focus */
      if (!gtk_widget_get_mapped (ll_rich_text_get_placeholder (text))
          || !gtk_widget_get_child_visible (ll_rich_text_get_placeholder (text)))
        return FALSE;
    }
  return TRUE;
}

static void
report_heights (Fixture *f)
{
  for (guint i = 0; ll_narrative_editor_get_section_row (f->editor, i) != NULL; i++)
    {
      LlRichText *text = ll_narrative_section_row_get_rich_text (section_row (f, i));
      GtkWidget *view = GTK_WIDGET (ll_rich_text_get_text_view (text));

      g_test_message ("section %u: text %d×%d, mapped %d", i, gtk_widget_get_width (view),
                      gtk_widget_get_height (view), gtk_widget_get_mapped (view));
    }
}

typedef struct
{
  GtkWidget *widget;
  int        width;
} WidthWait;

static gboolean
has_width (gpointer data)
{
  WidthWait *wait = data;

  /* less the window's frame */
  return ABS (gtk_widget_get_width (wait->widget) - wait->width) <= 24;
}

typedef struct
{
  GtkWidget *widget;
  GtkWidget *window;
} InView;

/* Whether the middle of the widget is inside its window's scrolled part. */
static gboolean
centre_in_view (gpointer data)
{
  InView *in = data;
  GtkWidget *scroller = gtk_widget_get_ancestor (in->widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_point_t centre;

  if (!gtk_widget_compute_point (in->widget, scroller,
                                 &GRAPHENE_POINT_INIT (gtk_widget_get_width (in->widget) / 2.0,
                                                       gtk_widget_get_height (in->widget) / 2.0),
                                 &centre))
    return FALSE;
  return centre.y > 0 && centre.y < gtk_widget_get_height (scroller);
}

/* Scrolls as the writer would, to bring the middle of @widget into view. */
static void
scroll_to_centre (GtkWidget *widget)
{
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  graphene_point_t centre;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (scroller),
                                           &GRAPHENE_POINT_INIT (0, gtk_widget_get_height (widget) / 2.0),
                                           &centre));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + centre.y
                                        - gtk_widget_get_height (GTK_WIDGET (scroller)) / 2.0);
}

/* What a click at the middle of @widget reaches. */
static GtkWidget *
hit_at_centre (GtkWidget        *widget,
               GtkWidget        *window,
               graphene_point_t *centre)
{
  if (!gtk_widget_compute_point (widget, window,
                                 &GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.0,
                                                       gtk_widget_get_height (widget) / 2.0),
                                 centre))
    return NULL;
  return gtk_widget_pick (window, centre->x, centre->y, GTK_PICK_DEFAULT);
}

/* Whether a click at the middle of the widget, once it is scrolled into
 * view (and the panes have settled), goes to it. */
static gboolean
click_reaches (gpointer data)
{
  InView *in = data;
  graphene_point_t centre;
  GtkWidget *hit;

  if (!centre_in_view (in))
    return FALSE;
  hit = hit_at_centre (in->widget, in->window, &centre);
  return hit == in->widget || (hit != NULL && gtk_widget_is_ancestor (hit, in->widget));
}

static void
check_writable_at (Fixture *f,
                   int      width)
{
  WidthWait wait = { GTK_WIDGET (f->window), width };
  GtkWidget *row0;
  GtkListBox *sidebar;
  gboolean beside;
  graphene_rect_t head, aside;

  /* a shown window keeps its size: show it again at the new one */
  gtk_widget_hide (GTK_WIDGET (f->window));
  gtk_window_set_default_size (GTK_WINDOW (f->window), width, 720);
  gtk_window_present (GTK_WINDOW (f->window));
  if (!ll_test_wait_for (has_width, &wait))
    g_test_message ("window %d wide", gtk_widget_get_width (GTK_WIDGET (f->window)));
  g_assert_true (has_width (&wait));
  /* a narrow window shows one pane at a time: go to the place */
  sidebar = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (f->window), LL_TYPE_WINDOW,
                                                          "sidebar_list"));
  g_signal_emit_by_name (gtk_list_box_get_row_at_index (sidebar, 0), "activate");
  click_new_narrative (f);
  if (!ll_test_wait_for (every_section_writable, f))
    report_heights (f);
  g_assert_true (every_section_writable (f));

  row0 = GTK_WIDGET (section_row (f, 0));
  /* the questions are beside the text when wide, under the heading when narrow */
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (ll_narrative_section_row_get_heading (LL_NARRATIVE_SECTION_ROW (row0))),
                                            row0, &head));
  g_assert_true (gtk_widget_compute_bounds (ll_narrative_section_row_get_prompts (LL_NARRATIVE_SECTION_ROW (row0)),
                                            row0, &aside));
  beside = aside.origin.x > head.origin.x + 100;
  g_assert_true (beside == (gtk_widget_get_width (row0) >= 620));
  /* and stay inside their section, clear of the next one's heading */
  for (guint i = 0; i < 5; i++)
    {
      LlNarrativeSectionRow *row = section_row (f, i);
      graphene_rect_t questions;

      g_assert_true (gtk_widget_compute_bounds (ll_narrative_section_row_get_prompts (row), GTK_WIDGET (row),
                                                &questions));
      g_assert_cmpfloat (questions.origin.y + questions.size.height, <=, gtk_widget_get_height (GTK_WIDGET (row)));
    }

  for (guint i = 0; i < 5; i++)
    {
      GtkWidget *view = GTK_WIDGET (ll_rich_text_get_text_view (ll_narrative_section_row_get_rich_text (section_row (f, i))));
      graphene_point_t centre;
      GtkWidget *hit;

      /* a click in the middle of the empty text lands on the text itself,
       * not on the hint or anything else */
      scroll_to_centre (view);
      if (!ll_test_wait_for (click_reaches, &(InView) { view, GTK_WIDGET (f->window) }))
        {
          hit = hit_at_centre (view, GTK_WIDGET (f->window), &centre);
          g_test_message ("section %u at %d px: the middle of its text, %g,%g, is %s", i, width,
                          centre.x, centre.y, hit != NULL ? G_OBJECT_TYPE_NAME (hit) : "nothing");
        }
      g_assert_true (click_reaches (&(InView) { view, GTK_WIDGET (f->window) }));
    }

  for (guint i = 0; i < 5; i++)
    {
      LlNarrativeSectionRow *row = section_row (f, i);
      GtkWidget *view = GTK_WIDGET (ll_rich_text_get_text_view (ll_narrative_section_row_get_rich_text (row)));
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
      GtkTextIter cursor;

      /* Enter in the heading goes to the start of the text */
      g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (ll_narrative_section_row_get_heading (row))));
      /* what Enter does in the heading's text */
      g_assert_true (GTK_IS_TEXT (gtk_root_get_focus (GTK_ROOT (f->window))));
      g_signal_emit_by_name (gtk_root_get_focus (GTK_ROOT (f->window)), "activate");
      g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == view);
      gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
      g_assert_cmpint (gtk_text_iter_get_offset (&cursor), ==, 0);
    }
}

static gboolean
count_frame_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  (*(guint *) data)++;
  return G_SOURCE_CONTINUE;
}

static gboolean
frames_passed (gpointer data)
{
  return *(guint *) data >= 3;
}

/* Waits until @widget's window has been laid out and drawn again. */
static void
wait_for_frames (GtkWidget *widget)
{
  guint frames = 0;
  guint id = gtk_widget_add_tick_callback (widget, count_frame_cb, &frames, NULL);

  g_assert_true (ll_test_wait_for (frames_passed, &frames));
  gtk_widget_remove_tick_callback (widget, id);
}

/* Clicking into a section must not move its text under the pointer: the
 * formatting bar that comes with the focus has its place already. */
static void
test_text_stays_on_focus (Fixture       *f,
                          gconstpointer  data)
{
  click_new_narrative (f);
  g_assert_true (ll_test_wait_for (every_section_writable, f));

  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *row = GTK_WIDGET (section_row (f, i));
      LlRichText *text = ll_narrative_section_row_get_rich_text (LL_NARRATIVE_SECTION_ROW (row));
      GtkWidget *view = GTK_WIDGET (ll_rich_text_get_text_view (text));
      graphene_point_t before, after;

      g_assert_true (gtk_widget_compute_point (view, row, &GRAPHENE_POINT_INIT (0, 0), &before));
      g_assert_true (gtk_widget_grab_focus (view));
      wait_for_frames (view);
      g_assert_true (gtk_widget_compute_point (view, row, &GRAPHENE_POINT_INIT (0, 0), &after));
      g_assert_cmpfloat (after.y, ==, before.y);
      /* and the bar is there to use */
      g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (gtk_widget_get_first_child (GTK_WIDGET (text)))));
    }
}

/* Whether the tags named @name in @a and @b give text the same look. */
static void
assert_same_look (GtkTextBuffer *a,
                  GtkTextBuffer *b,
                  const char    *name)
{
  static const char * const props[] = {
    "weight", "scale", "style", "left-margin", "right-margin", "pixels-above-lines", "pixels-below-lines",
  };
  GtkTextTag *ta = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (a), name);
  GtkTextTag *tb = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (b), name);

  g_assert_nonnull (ta);
  g_assert_nonnull (tb);
  for (guint i = 0; i < G_N_ELEMENTS (props); i++)
    {
      g_auto(GValue) va = G_VALUE_INIT;
      g_auto(GValue) vb = G_VALUE_INIT;
      g_autofree char *sa = NULL;
      g_autofree char *sb = NULL;

      g_object_get_property (G_OBJECT (ta), props[i], &va);
      g_object_get_property (G_OBJECT (tb), props[i], &vb);
      sa = g_strdup_value_contents (&va);
      sb = g_strdup_value_contents (&vb);
      g_assert_cmpstr (sa, ==, sb);
    }
}

/* The text of the line of @buffer that holds @word. */
static char *
line_of (GtkTextBuffer *buffer,
         const char    *word)
{
  g_autofree char *text = buffer_text (buffer);
  const char *at = strstr (text, word);
  GtkTextIter start, end;

  g_assert_nonnull (at);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, g_utf8_pointer_to_offset (text, at));
  gtk_text_iter_set_line_offset (&start, 0);
  end = start;
  gtk_text_iter_forward_to_line_end (&end);
  return gtk_text_iter_get_text (&start, &end);
}

/* Compare shows sub-headings, lists and quotations as the editor does. */
static void
test_compare_keeps_look (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LlNarrative *narrative = ll_workbook_add_narrative (ll_window_get_workbook (f->window), "Structured", &error);
  g_autoptr(LlNarrativeSection) first = g_list_model_get_item (ll_narrative_get_sections (narrative), 0);
  GtkTextBuffer *editor;
  GtkTextBuffer *diff;
  GtkWindow *window;
  struct { const char *tag; const char *word; } expected[] = {
    { LL_RICH_TEXT_TAG_PARA, "Opening" },
    { LL_RICH_TEXT_TAG_HEADING, "Subheading" },
    { LL_RICH_TEXT_TAG_BULLET, "Bulleted" },
    { LL_RICH_TEXT_TAG_NUMBER, "Numbered" },
    { LL_RICH_TEXT_TAG_QUOTE, "Quoted" },
    { LL_RICH_TEXT_TAG_ATTRIBUTION, "Speaker" },
  };
  g_autofree char *bullet = NULL;
  g_autofree char *number = NULL;

  ll_narrative_section_set_body (first,
    "<para xmlns=\"http://docbook.org/ns/docbook\">Opening words.</para>\n"
    "<itemizedlist xmlns=\"http://docbook.org/ns/docbook\"><listitem><para>Bulleted item</para></listitem>"
    "<listitem><para>Another item</para></listitem></itemizedlist>\n"
    "<orderedlist xmlns=\"http://docbook.org/ns/docbook\"><listitem><para>Numbered step</para></listitem>"
    "</orderedlist>\n"
    "<blockquote xmlns=\"http://docbook.org/ns/docbook\"><attribution>A Speaker</attribution>"
    "<para>Quoted words</para></blockquote>\n"
    "<section xmlns=\"http://docbook.org/ns/docbook\"><title>Subheading here</title>"
    "<para>Under it.</para></section>\n");
  ll_vision_page_open_narrative (f->page, narrative);
  ll_test_iterate_briefly ();
  editor = section_buffer (f, 0);
  g_assert_nonnull (save_revision_through_dialog (f, "Structured"));
  type_into (f, 0, " More.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.compare-revision", NULL));
  window = ll_test_wait_for_toplevel (LL_TYPE_REVISION_COMPARE, NULL);
  diff = ll_revision_compare_get_buffer (LL_REVISION_COMPARE (window));

  /* each kind of block carries the editor's tag for it, which looks the same */
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_true (tag_covers (editor, expected[i].tag, expected[i].word));
      if (!tag_covers (diff, expected[i].tag, expected[i].word))
        g_error ("“%s” is not shown with %s when compared", expected[i].word, expected[i].tag);
      assert_same_look (editor, diff, expected[i].tag);
    }
  g_assert_true (tag_covers (diff, LL_DIFF_TAG_HEADING, ll_narrative_section_get_title (first)));
  g_assert_false (tag_covers (diff, LL_RICH_TEXT_TAG_HEADING, ll_narrative_section_get_title (first)));
  /* list items are marked as in the editor */
  bullet = line_of (diff, "Bulleted");
  g_assert_true (g_str_has_prefix (bullet, "•"));
  number = line_of (diff, "Numbered");
  g_assert_true (g_str_has_prefix (number, "1."));
  /* the words added are the writer's, counted as everywhere else */
  {
    guint added, removed;

    ll_revision_compare_get_counts (LL_REVISION_COMPARE (window), &added, &removed);
    g_assert_cmpuint (added, ==, 1);
    g_assert_cmpuint (removed, ==, 0);
  }
  gtk_window_destroy (window);
}

static void
test_room_to_write_wide (Fixture       *f,
                         gconstpointer  data)
{
  check_writable_at (f, 1280);
}

static void
test_room_to_write_narrow (Fixture       *f,
                           gconstpointer  data)
{
  check_writable_at (f, 500);
}

/* Keyboard focus: where the writer's hands are */

static GtkWidget *
focus_widget (Fixture *f)
{
  return gtk_root_get_focus (GTK_ROOT (f->window));
}

static gboolean
title_focused (gpointer data)
{
  Fixture *f = data;
  GObject *title = gtk_widget_get_template_child (GTK_WIDGET (f->editor), LL_TYPE_NARRATIVE_EDITOR,
                                                  "title_view");

  return focus_widget (f) == GTK_WIDGET (title);
}

static int
cursor_offset (GtkTextBuffer *buffer)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  return gtk_text_iter_get_offset (&iter);
}

static void
test_focus_new (Fixture       *f,
                gconstpointer  data)
{
  GtkTextView *title;
  GtkTextBuffer *buffer;
  g_autofree char *text = NULL;

  click_new_narrative (f);
  /* the cursor waits in the title, ready for it to be typed over */
  g_assert_true (ll_test_wait_for (title_focused, f));
  title = GTK_TEXT_VIEW (focus_widget (f));
  g_assert_true (gtk_text_buffer_get_has_selection (gtk_text_view_get_buffer (title)));
  gtk_text_buffer_delete_selection (gtk_text_view_get_buffer (title), TRUE, TRUE);
  gtk_text_buffer_insert_interactive_at_cursor (gtk_text_view_get_buffer (title), "Learning Together", -1, TRUE);
  g_assert_cmpstr (ll_narrative_get_title (ll_narrative_editor_get_narrative (f->editor)), ==,
                   "Learning Together");

  /* Enter goes on to the start of the first section's text */
  ll_test_press_key (GTK_WIDGET (f->window), GDK_KEY_Return, 0);
  g_assert_true (focus_widget (f) == GTK_WIDGET (section_view (f, 0)));
  buffer = section_buffer (f, 0);
  g_assert_cmpint (cursor_offset (buffer), ==, 0);
  g_assert_true (gtk_text_buffer_insert_interactive_at_cursor (buffer, "Every child", -1, TRUE));
  text = buffer_text (buffer);
  g_assert_true (g_str_has_prefix (text, "Every child"));
}

static gboolean
section_focused (gpointer data)
{
  Fixture *f = data;
  GtkWidget *focus = focus_widget (f);

  return focus != NULL && ll_narrative_editor_get_narrative (f->editor) != NULL
         && focus == GTK_WIDGET (section_view (f, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (f->editor), "want"))));
}

static void
test_focus_reopen (Fixture       *f,
                   gconstpointer  data)
{
  GtkListBox *list = ll_vision_page_get_list (f->page);
  GtkTextBuffer *buffer;
  GtkTextIter iter;

  click_new_narrative (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "vision.show-list", NULL));

  /* opened for the first time, the first section's text */
  g_signal_emit_by_name (gtk_list_box_get_row_at_index (list, 0), "activate");
  g_object_set_data (G_OBJECT (f->editor), "want", GUINT_TO_POINTER (0));
  g_assert_true (ll_test_wait_for (section_focused, f));

  /* then where the writer last was */
  type_into (f, 2, "We listen.");
  buffer = section_buffer (f, 2);
  gtk_widget_grab_focus (GTK_WIDGET (section_view (f, 2)));
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, 3);
  gtk_text_buffer_place_cursor (buffer, &iter);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "vision.show-list", NULL));
  g_assert_false (ll_vision_page_get_editing (f->page));
  g_signal_emit_by_name (gtk_list_box_get_row_at_index (list, 0), "activate");
  g_object_set_data (G_OBJECT (f->editor), "want", GUINT_TO_POINTER (2));
  g_assert_true (ll_test_wait_for (section_focused, f));
  g_assert_cmpint (cursor_offset (section_buffer (f, 2)), ==, 3);
}

static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_ACTIONABLE (child)
          && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action) == 0)
        return child;
      found = find_action_button (child, action);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether the item labelled @label in the section's menu can be chosen:
 * the action it names, as the row sees it, is enabled. */
static gboolean
menu_item_sensitive (LlNarrativeSectionRow *row,
                     const char            *label)
{
  GtkMenuButton *menu_button = GTK_MENU_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (row),
                                                                             LL_TYPE_NARRATIVE_SECTION_ROW,
                                                                             "menu_button"));
  GMenuModel *menu = gtk_menu_button_get_menu_model (menu_button);
  GActionGroup *group;

  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section); j++)
        {
          g_autofree char *text = NULL;
          g_autofree char *action = NULL;
          const char *dot;

          if (!g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_LABEL, "s", &text)
              || g_strcmp0 (text, label) != 0)
            continue;
          g_assert_true (g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_ACTION, "s", &action));
          dot = strchr (action, '.');
          g_assert_nonnull (dot);
          /* the editor's own actions are enabled for any section */
          if (g_str_has_prefix (action, "editor."))
            return TRUE;
          group = g_object_get_data (G_OBJECT (row), "ll-section-actions");
          g_assert_nonnull (group);
          return g_action_group_get_action_enabled (group, dot + 1);
        }
    }
  g_assert_not_reached ();
  return FALSE;
}

static void
test_move_ends (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *up, *down;

  click_new_narrative (f);
  up = find_action_button (GTK_WIDGET (f->editor), "editor.move-up");
  down = find_action_button (GTK_WIDGET (f->editor), "editor.move-down");
  g_assert_nonnull (up);
  g_assert_nonnull (down);

  gtk_widget_grab_focus (GTK_WIDGET (section_view (f, 0)));
  ll_test_iterate_briefly ();
  g_assert_false (gtk_widget_get_sensitive (up));
  g_assert_true (gtk_widget_get_sensitive (down));
  g_assert_false (menu_item_sensitive (section_row (f, 0), "Move _Up"));
  g_assert_true (menu_item_sensitive (section_row (f, 0), "Move _Down"));

  gtk_widget_grab_focus (GTK_WIDGET (section_view (f, 4)));
  ll_test_iterate_briefly ();
  g_assert_true (gtk_widget_get_sensitive (up));
  g_assert_false (gtk_widget_get_sensitive (down));
  g_assert_true (menu_item_sensitive (section_row (f, 4), "Move _Up"));
  g_assert_false (menu_item_sensitive (section_row (f, 4), "Move _Down"));
  g_assert_true (menu_item_sensitive (section_row (f, 2), "Move _Up"));
  g_assert_true (menu_item_sensitive (section_row (f, 2), "Move _Down"));

  /* after a move, the new first section cannot go up */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.move-section-up", "x",
                                             ll_narrative_section_get_id (ll_narrative_section_row_get_section (section_row (f, 1)))));
  ll_test_iterate_briefly ();
  g_assert_false (menu_item_sensitive (section_row (f, 0), "Move _Up"));
  g_assert_true (menu_item_sensitive (section_row (f, 1), "Move _Up"));
}

static gboolean
folded (gpointer data)
{
  return adw_leaflet_get_folded (ADW_LEAFLET (data));
}

static void
test_narrow (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LlNarrative *narrative;
  GtkWidget *leaflet = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->window), LL_TYPE_WINDOW, "leaflet"));
  GtkWidget *row;
  int min;

  narrative = ll_workbook_add_narrative (ll_window_get_workbook (f->window),
                                         "Building Better Learners at Ashcombe Vale", &error);
  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 700);
  g_assert_true (ll_test_wait_for (folded, leaflet));

  /* in the list, the row's words are not cut short */
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (ll_vision_page_get_list (f->page), 0));
  g_assert_cmpint (adw_action_row_get_title_lines (ADW_ACTION_ROW (row)), ==, 0);
  g_assert_cmpint (adw_action_row_get_subtitle_lines (ADW_ACTION_ROW (row)), ==, 0);

  /* the editor, with its header, fits a phone's width */
  ll_vision_page_open_narrative (f->page, narrative);
  ll_test_iterate_briefly ();
  gtk_widget_measure (GTK_WIDGET (f->editor), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  g_assert_cmpint (min, <=, 360);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  int status;

  app = ll_test_gui_init_app (&argc, &argv, &data_home);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/vision/empty-and-new", test_empty_and_new);
  ADD ("/vision/write-and-revise", test_write_and_revise);
  ADD ("/vision/prompts-and-sections", test_prompts_and_sections);
  ADD ("/vision/distraction-free", test_distraction_free);
  ADD ("/vision/import", test_import);
  ADD ("/vision/import-then-close", test_import_then_close);
  ADD ("/vision/close-keeps-typing", test_close_keeps_typing);
  ADD ("/vision/one-toolbar", test_one_toolbar);
  ADD ("/vision/delete", test_delete);
  ADD ("/vision/delete-read-only", test_delete_read_only);
  ADD ("/vision/long-title", test_long_title);
  ADD ("/vision/damaged-text-kept", test_damaged_text_kept);
  ADD ("/vision/export", test_export);
  ADD ("/vision/room-to-write-wide", test_room_to_write_wide);
  ADD ("/vision/room-to-write-narrow", test_room_to_write_narrow);
  ADD ("/vision/text-stays-on-focus", test_text_stays_on_focus);
  ADD ("/vision/compare-keeps-look", test_compare_keeps_look);
  ADD ("/vision/focus-new", test_focus_new);
  ADD ("/vision/focus-reopen", test_focus_reopen);
  ADD ("/vision/move-ends", test_move_ends);
  ADD ("/vision/narrow", test_narrow);
#undef ADD

  status = g_test_run ();

  g_clear_object (&app);
  ll_test_rm_rf (data_home);
  return status;
}
