/* test-rich-text.c: the rich-text editor, as a user meets it and as its
 * stored DocBook fragment round-trips (display suite)
 *
 * The fragments in tests/data/rich-text/ are written by the DocBook writer
 * from the trees built below, so that they are canonical; /rich-text/data
 * checks that they still are. To write them again after changing a tree:
 *   LL_TEST_DATA=tests/data LL_WRITE_RICH_TEXT_DATA=1 build/tests/test-rich-text -p /rich-text/data
 */
#define G_LOG_DOMAIN "test-rich-text"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ll-docbook.h"
#include "ll-resources.h"
#include "ll-narrative.h"
#include "ll-narrative-section.h"
#include "ll-rich-text.h"
#include "ll-sample.h"
#include "ll-workbook.h"
#include "ll-test-gui.h"
#include "ll-test-util.h"

/* The trees behind the data files ----------------------------------------- */

static LlDocNode *
add_inline (LlDocNode     *parent,
            LlDocNodeType  type,
            const char    *text)
{
  LlDocNode *node = ll_doc_node_append (parent, ll_doc_node_new (type));

  if (text != NULL)
    ll_doc_node_append (node, ll_doc_node_new_text (text));
  return node;
}

static void
add_text (LlDocNode  *parent,
          const char *text)
{
  ll_doc_node_append (parent, ll_doc_node_new_text (text));
}

static LlDocNode *
add_link (LlDocNode  *parent,
          const char *href,
          const char *text)
{
  LlDocNode *link = add_inline (parent, LL_DOC_LINK, text);

  link->attr = g_strdup (href);
  return link;
}

static LlDocNode *
add_quote (LlDocNode  *parent,
           const char *attribution)
{
  LlDocNode *quote = ll_doc_node_append (parent, ll_doc_node_new (LL_DOC_BLOCKQUOTE));

  quote->attr = g_strdup (attribution);
  return quote;
}

static void
build_plain (LlDocNode *body)
{
  ll_doc_add_para (body, "At Hilltop we believe that every child can learn to love learning.");
  ll_doc_add_para (body, "Our curriculum is broad, balanced and ambitious for all.");
  ll_doc_add_para (body, "We review it each year with staff, governors and families.");
}

static void
build_heading (LlDocNode *body)
{
  LlDocNode *section;

  ll_doc_add_para (body, "This is our vision for learning.");
  section = ll_doc_add_section (body, "Reading");
  ll_doc_add_para (section, "Reading is at the heart of everything we do.");
  ll_doc_add_para (section, "Every class reads a shared book each day.");
}

static void
build_two_headings (LlDocNode *body)
{
  LlDocNode *section;

  section = ll_doc_add_section (body, "Curriculum intent");
  ll_doc_add_para (section, "We want pupils to know more and remember more.");
  section = ll_doc_add_section (body, "Implementation");
  ll_doc_add_para (section, "Teachers plan sequences of lessons that build knowledge.");
  ll_doc_add_para (section, "Leaders check that plans are taught well.");
}

static void
build_bullets (LlDocNode *body)
{
  LlDocNode *list = ll_doc_add_list (body, FALSE);

  ll_doc_add_list_item (list, "Kindness");
  ll_doc_add_list_item (list, "Curiosity");
  ll_doc_add_list_item (list, "Resilience and a love of challenge");
}

static void
build_numbers (LlDocNode *body)
{
  LlDocNode *list = ll_doc_add_list (body, TRUE);

  ll_doc_add_list_item (list, "Agree the priorities with governors.");
  ll_doc_add_list_item (list, "Share them with staff in September.");
  ll_doc_add_list_item (list, "Review progress at Easter.");
  ll_doc_add_list_item (list, "Report to families in July.");
}

static void
build_list_between (LlDocNode *body)
{
  LlDocNode *list;

  ll_doc_add_para (body, "Our three priorities this year are:");
  list = ll_doc_add_list (body, FALSE);
  ll_doc_add_list_item (list, "early reading");
  ll_doc_add_list_item (list, "attendance");
  ll_doc_add_list_item (list, "mathematical fluency");
  ll_doc_add_para (body, "Each has a named leader.");
  list = ll_doc_add_list (body, TRUE);
  ll_doc_add_list_item (list, "First, the reading lead.");
  ll_doc_add_list_item (list, "Then the attendance officer.");
  list = ll_doc_add_list (body, FALSE);
  ll_doc_add_list_item (list, "A bulleted list straight after a numbered one.");
}

static void
build_inline (LlDocNode *body)
{
  LlDocNode *para, *strong, *link;

  para = ll_doc_add_para (body, "We want pupils to be ");
  add_inline (para, LL_DOC_EMPHASIS, "curious");
  add_text (para, ", ");
  add_inline (para, LL_DOC_STRONG, "confident");
  add_text (para, " and ");
  strong = add_inline (para, LL_DOC_STRONG, "kind ");
  add_inline (strong, LL_DOC_EMPHASIS, "to everyone");
  add_text (para, ".");

  para = ll_doc_add_para (body, "Read ");
  link = add_link (para, "https://www.gov.uk/government/publications/education-inspection-framework", NULL);
  add_inline (link, LL_DOC_STRONG, "the inspection framework");
  add_text (para, " and ");
  link = add_link (para, "https://example.org/plan?year=2024&term=autumn", "our plan");
  add_text (para, ", then ");
  link = add_link (para, "mailto:head@hilltop.example.org", "write to me ");
  strong = add_inline (link, LL_DOC_STRONG, "today");
  add_inline (strong, LL_DOC_EMPHASIS, " please");
  add_text (para, ".");

  para = ll_doc_node_append (body, ll_doc_node_new (LL_DOC_PARA));
  add_inline (para, LL_DOC_EMPHASIS, "Italic at the start");
  add_text (para, " and ");
  add_inline (para, LL_DOC_STRONG, "bold at the end");
}

static void
build_quote (LlDocNode *body)
{
  LlDocNode *quote;

  ll_doc_add_para (body, "Our motto comes from a former pupil.");
  quote = add_quote (body, "Amira, Year 6");
  ll_doc_add_para (quote, "This school taught me that mistakes are how we learn.");
  ll_doc_add_para (quote, "I will never forget it.");
  ll_doc_add_para (body, "We return to these words every September.");
  quote = add_quote (body, "A second quotation, straight after the first paragraph");
  ll_doc_add_para (quote, "Straight after a paragraph.");
  quote = add_quote (body, "Someone else");
  ll_doc_add_para (quote, "A quotation straight after another.");
}

static void
build_quote_plain (LlDocNode *body)
{
  LlDocNode *quote, *para;

  quote = add_quote (body, NULL);
  para = ll_doc_add_para (quote, "Education is not the filling of a pail, but the ");
  add_inline (para, LL_DOC_EMPHASIS, "lighting");
  add_text (para, " of a fire.");
  ll_doc_add_para (body, "We are not sure who said it first.");
}

static void
build_non_ascii (LlDocNode *body)
{
  LlDocNode *section, *list, *quote;

  ll_doc_add_para (body, "Croeso i’n hysgol! Mae’n bleser eich gweld chi.");
  section = ll_doc_add_section (body, "Siân Ó Briain’s “résumé” — café, naïve, Zoë");
  ll_doc_add_para (section, "Ysgol Gymraeg Bro Dŵr: ŵ ŷ â ê î ô û, and £5 for the trip.");
  list = ll_doc_add_list (section, FALSE);
  ll_doc_add_list_item (list, "Emoji: 📚 ✏️ 🌱");
  ll_doc_add_list_item (list, "Quotes: “double”, ‘single’, «guillemets»");
  quote = add_quote (section, "Siôn Dafydd & Łukasz Żółw");
  ll_doc_add_para (quote, "Dal ati — keep going <always> & don’t give up.");
}

static void
build_mixed_section (LlDocNode *body)
{
  LlDocNode *section, *list, *quote, *para;

  section = ll_doc_add_section (body, "How we teach");
  ll_doc_add_para (section, "We use a few approaches consistently:");
  list = ll_doc_add_list (section, TRUE);
  ll_doc_add_list_item (list, "retrieval practice");
  para = ll_doc_node_append (ll_doc_node_append (list, ll_doc_node_new (LL_DOC_LIST_ITEM)),
                             ll_doc_node_new (LL_DOC_PARA));
  add_inline (para, LL_DOC_STRONG, "modelling");
  add_text (para, " and worked examples");
  quote = add_quote (section, "Rosenshine");
  ll_doc_add_para (quote, "Provide models.");
  section = ll_doc_add_section (body, "An empty heading");
}

static const char * const words[] = {
  "pupils", "learning", "curriculum", "reading", "knowledge", "teachers",
  "families", "school", "vision", "ambitious", "every", "child", "the",
  "and", "of", "to", "we", "our", "with", "for", "in", "community",
  "inclusion", "progress", "writing", "mathematics", "science", "art",
  "music", "kindness", "respect", "curious", "leaders", "governors",
};

static void
add_random_sentence (GString *out,
                     GRand   *rand,
                     guint   *count)
{
  guint n = (guint) g_rand_int_range (rand, 6, 18);

  for (guint i = 0; i < n; i++)
    {
      const char *word = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];

      if (i == 0)
        {
          g_string_append_unichar (out, g_unichar_toupper (word[0]));
          g_string_append (out, word + 1);
        }
      else
        {
          g_string_append_c (out, ' ');
          g_string_append (out, word);
        }
    }
  g_string_append_c (out, '.');
  *count += n;
}

static void
build_long (LlDocNode *body)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240901);
  LlDocNode *container = body;
  guint count = 0;
  guint paragraph = 0;

  while (count < 5000)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      guint sentences = (guint) g_rand_int_range (rand, 2, 7);
      LlDocNode *para;

      paragraph++;
      if (paragraph % 12 == 0)
        {
          g_autofree char *title = g_strdup_printf ("Part %u", paragraph / 12);

          container = ll_doc_add_section (body, title);
        }
      if (paragraph % 9 == 0)
        {
          LlDocNode *list = ll_doc_add_list (container, paragraph % 2 == 0);

          for (guint i = 0; i < 4; i++)
            {
              g_autoptr(GString) item = g_string_new (NULL);

              add_random_sentence (item, rand, &count);
              ll_doc_add_list_item (list, item->str);
            }
          continue;
        }
      for (guint i = 0; i < sentences; i++)
        {
          if (i > 0)
            g_string_append_c (text, ' ');
          add_random_sentence (text, rand, &count);
        }
      para = ll_doc_add_para (container, text->str);
      if (paragraph % 5 == 0)
        {
          add_text (para, " ");
          add_inline (para, LL_DOC_STRONG, "This matters.");
        }
    }
}

static void
build_empty (LlDocNode *body)
{
}

typedef struct
{
  const char *name;
  void      (*build) (LlDocNode *body);
} DataCase;

static const DataCase data_cases[] = {
  { "plain-paragraphs", build_plain },
  { "heading-between", build_heading },
  { "two-headings", build_two_headings },
  { "bulleted-list", build_bullets },
  { "numbered-list", build_numbers },
  { "lists-between-paragraphs", build_list_between },
  { "inline-formatting", build_inline },
  { "quote-with-attribution", build_quote },
  { "quote-without-attribution", build_quote_plain },
  { "non-ascii", build_non_ascii },
  { "section-with-lists-and-quotes", build_mixed_section },
  { "long-text", build_long },
  { "empty", build_empty },
};

static char *
data_file (const char *name)
{
  g_autofree char *base = g_strconcat ("rich-text/", name, ".xml", NULL);

  return ll_test_data_path (base);
}

/* The files hold what the writer makes of the trees above. */
static void
test_data_canonical (void)
{
  gboolean regenerate = g_getenv ("LL_WRITE_RICH_TEXT_DATA") != NULL;

  for (guint i = 0; i < G_N_ELEMENTS (data_cases); i++)
    {
      g_autoptr(LlDocNode) body = ll_doc_node_new (LL_DOC_BODY);
      g_autoptr(GError) error = NULL;
      g_autofree char *path = data_file (data_cases[i].name);
      g_autofree char *written = NULL;
      g_autofree char *stored = NULL;

      data_cases[i].build (body);
      written = ll_docbook_write_blocks (body, &error);
      g_assert_no_error (error);
      if (regenerate)
        {
          g_file_set_contents (path, written, -1, &error);
          g_assert_no_error (error);
        }
      g_file_get_contents (path, &stored, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (stored, ==, written);
    }
}

/* Every fragment in the folder comes back from the editor unchanged. */
static void
test_data_round_trip (void)
{
  g_autofree char *dir_path = ll_test_data_path ("rich-text");
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  LlRichText *editor = LL_RICH_TEXT (g_object_ref_sink (ll_rich_text_new ()));
  const char *name;
  guint checked = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *fragment = NULL;
      g_autofree char *back = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) notes = NULL;

      if (!g_str_has_suffix (name, ".xml"))
        continue;
      g_test_message ("%s", name);
      g_file_get_contents (path, &fragment, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (ll_rich_text_set_fragment (editor, fragment, &notes, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (notes->len, ==, 0);
      back = ll_rich_text_get_fragment (editor, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (back, ==, fragment);
      checked++;
    }
  g_assert_cmpuint (checked, >=, 10);
  g_object_unref (editor);
}

/* The sample workbook's text is stored as the editor would store it, so
 * opening a sample section and leaving it changes nothing. */
static void
test_sample_round_trip (void)
{
  g_autofree char *dir = ll_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "Sample.llw", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LlWorkbook) workbook = NULL;
  LlRichText *editor = LL_RICH_TEXT (g_object_ref_sink (ll_rich_text_new ()));
  GListModel *narratives;
  guint checked = 0, with_headings = 0;

  g_assert_true (ll_sample_generate (path, 1, &error));
  g_assert_no_error (error);
  workbook = ll_workbook_open (path, LL_WORKBOOK_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  narratives = ll_workbook_get_narratives (workbook);
  g_assert_cmpuint (g_list_model_get_n_items (narratives), >=, 1);
  for (guint i = 0; i < g_list_model_get_n_items (narratives); i++)
    {
      g_autoptr(LlNarrative) narrative = g_list_model_get_item (narratives, i);
      GListModel *sections = ll_narrative_get_sections (narrative);

      g_assert_cmpuint (ll_narrative_get_word_count (narrative), >=, 800);
      for (guint j = 0; j < g_list_model_get_n_items (sections); j++)
        {
          g_autoptr(LlNarrativeSection) section = g_list_model_get_item (sections, j);
          const char *body = ll_narrative_section_get_body (section);
          g_autoptr(GPtrArray) notes = NULL;
          g_autofree char *back = NULL;

          g_assert_true (ll_rich_text_set_fragment (editor, body, &notes, &error));
          g_assert_no_error (error);
          g_assert_cmpuint (notes->len, ==, 0);
          back = ll_rich_text_get_fragment (editor, &error);
          g_assert_no_error (error);
          g_assert_cmpstr (back, ==, body);
          if (strstr (body, "<section") != NULL)
            with_headings++;
          checked++;
        }
    }
  g_assert_cmpuint (checked, >=, 5);
  g_assert_cmpuint (with_headings, >=, 1);
  g_object_unref (editor);
  g_clear_object (&workbook);
  ll_test_rm_rf (dir);
}

/* Typing like a user ------------------------------------------------------ */

typedef struct
{
  GtkWindow  *window;
  LlRichText *editor;
  GtkTextBuffer *buffer;
  guint       changed;
  guint       word_notifies;
} Fixture;

static void
changed_cb (LlRichText *editor,
            Fixture    *fixture)
{
  fixture->changed++;
}

static void
word_count_cb (LlRichText *editor,
               GParamSpec *pspec,
               Fixture    *fixture)
{
  fixture->word_notifies++;
}

static gboolean
has_focus (gpointer data)
{
  return gtk_widget_has_focus (data);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *view;

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 700, 500);
  fixture->editor = LL_RICH_TEXT (ll_rich_text_new ());
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->editor));
  gtk_window_present (fixture->window);
  fixture->buffer = ll_rich_text_get_buffer (fixture->editor);
  g_signal_connect (fixture->editor, "changed", G_CALLBACK (changed_cb), fixture);
  g_signal_connect (fixture->editor, "notify::word-count", G_CALLBACK (word_count_cb), fixture);

  view = GTK_WIDGET (ll_rich_text_get_text_view (fixture->editor));
  gtk_widget_grab_focus (view);
  g_assert_true (ll_test_wait_for (has_focus, view));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
}

static char *
fragment (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  char *xml = ll_rich_text_get_fragment (fixture->editor, &error);

  g_assert_no_error (error);
  return xml;
}

static void
type_text (Fixture    *fixture,
           const char *text)
{
  g_assert_true (gtk_text_buffer_insert_interactive_at_cursor (fixture->buffer, text, -1, TRUE));
}

static void
select_offsets (Fixture *fixture,
                int      from,
                int      to)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_offset (fixture->buffer, &start, from);
  gtk_text_buffer_get_iter_at_offset (fixture->buffer, &end, to);
  gtk_text_buffer_select_range (fixture->buffer, &start, &end);
}

static void
select_text (Fixture    *fixture,
             const char *needle)
{
  GtkTextIter start, match_start, match_end;

  gtk_text_buffer_get_start_iter (fixture->buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, needle, 0, &match_start, &match_end, NULL));
  gtk_text_buffer_select_range (fixture->buffer, &match_start, &match_end);
}

static void
cursor_to_end (Fixture *fixture)
{
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (fixture->buffer, &end);
  gtk_text_buffer_place_cursor (fixture->buffer, &end);
}

static void
activate (Fixture    *fixture,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), action, NULL));
}

#define NS "xmlns=\"http://docbook.org/ns/docbook\""

static void
test_typing_bold (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *plain = NULL;
  g_autofree char *bold = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  GtkToggleButton *bold_button;
  guint changed;

  type_text (fixture, "Our vision is ambitious for every child");
  g_assert_cmpuint (fixture->changed, >, 0);
  g_assert_cmpuint (ll_rich_text_get_word_count (fixture->editor), ==, 7);
  g_assert_cmpuint (fixture->word_notifies, >, 0);
  plain = fragment (fixture);
  g_assert_cmpstr (plain, ==, "<para " NS ">Our vision is ambitious for every child</para>\n");

  select_text (fixture, "ambitious");
  changed = fixture->changed;
  activate (fixture, "rich-text.bold");
  g_assert_cmpuint (fixture->changed, ==, changed + 1);
  bold = fragment (fixture);
  g_assert_cmpstr (bold, ==, "<para " NS ">Our vision is <emphasis role=\"strong\">ambitious</emphasis>"
                             " for every child</para>\n");
  /* the toolbar shows what is at the cursor */
  bold_button = GTK_TOGGLE_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (fixture->editor),
                                                                  LL_TYPE_RICH_TEXT, "bold_button"));
  g_assert_true (gtk_toggle_button_get_active (bold_button));

  activate (fixture, "rich-text.undo");
  undone = fragment (fixture);
  g_assert_cmpstr (undone, ==, plain);
  g_assert_false (gtk_toggle_button_get_active (bold_button));
  activate (fixture, "rich-text.redo");
  redone = fragment (fixture);
  g_assert_cmpstr (redone, ==, bold);

  /* typing straight after bold text carries on in bold */
  select_offsets (fixture, 23, 23);
  type_text (fixture, "ly");
  g_free (redone);
  redone = fragment (fixture);
  g_assert_nonnull (strstr (redone, "<emphasis role=\"strong\">ambitiously</emphasis> for"));

  /* italic over part of the bold text nests inside it */
  select_text (fixture, "ambitiously");
  activate (fixture, "rich-text.italic");
  g_free (redone);
  redone = fragment (fixture);
  g_assert_nonnull (strstr (redone, "<emphasis role=\"strong\"><emphasis>ambitiously</emphasis></emphasis>"));
}

static void
test_typing_blocks (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *xml = NULL;
  g_autofree char *before_list = NULL;
  g_autofree char *undone = NULL;

  type_text (fixture, "Our vision");
  activate (fixture, "rich-text.heading");
  xml = fragment (fixture);
  g_assert_cmpstr (xml, ==, "<section " NS ">\n  <title>Our vision</title>\n  <para/>\n</section>\n");

  /* Enter at the end of a heading goes on with a paragraph */
  cursor_to_end (fixture);
  type_text (fixture, "\n");
  type_text (fixture, "Every child thrives.\nReading\nWriting");
  before_list = fragment (fixture);
  g_assert_cmpstr (before_list, ==,
                   "<section " NS ">\n"
                   "  <title>Our vision</title>\n"
                   "  <para>Every child thrives.</para>\n"
                   "  <para>Reading</para>\n"
                   "  <para>Writing</para>\n"
                   "</section>\n");

  select_text (fixture, "Reading\nWrit");
  activate (fixture, "rich-text.bullets");
  g_free (xml);
  xml = fragment (fixture);
  g_assert_cmpstr (xml, ==,
                   "<section " NS ">\n"
                   "  <title>Our vision</title>\n"
                   "  <para>Every child thrives.</para>\n"
                   "  <itemizedlist>\n"
                   "    <listitem>\n"
                   "      <para>Reading</para>\n"
                   "    </listitem>\n"
                   "    <listitem>\n"
                   "      <para>Writing</para>\n"
                   "    </listitem>\n"
                   "  </itemizedlist>\n"
                   "</section>\n");

  /* a new item typed at the end of the list is an item too */
  cursor_to_end (fixture);
  type_text (fixture, "\nMaths");
  g_free (xml);
  xml = fragment (fixture);
  g_assert_nonnull (strstr (xml, "<para>Writing</para>\n    </listitem>\n    <listitem>\n      <para>Maths</para>"));

  /* numbers turn the same lines into an ordered list */
  select_text (fixture, "Reading\nWriting\nMaths");
  activate (fixture, "rich-text.numbers");
  g_free (xml);
  xml = fragment (fixture);
  g_assert_nonnull (strstr (xml, "<orderedlist>"));
  g_assert_null (strstr (xml, "<itemizedlist>"));

  activate (fixture, "rich-text.undo");
  activate (fixture, "rich-text.undo");
  activate (fixture, "rich-text.undo");
  undone = fragment (fixture);
  g_assert_cmpstr (undone, ==, before_list);

  /* a quotation, then its attribution */
  cursor_to_end (fixture);
  type_text (fixture, "\nLearning is for life.\nThe head");
  select_text (fixture, "Learning is for life.");
  activate (fixture, "rich-text.paragraph");
  activate (fixture, "rich-text.quote");
  select_text (fixture, "The head");
  activate (fixture, "rich-text.attribution");
  g_free (xml);
  xml = fragment (fixture);
  g_assert_nonnull (strstr (xml, "  <blockquote>\n    <attribution>The head</attribution>\n"
                                 "    <para>Learning is for life.</para>\n  </blockquote>\n"));
}

/* Sends a key to the editor's own key handling, as a key press would. */
static gboolean
press_key (Fixture *fixture,
           guint    keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->editor));
  gboolean handled = FALSE;
  guint found = 0;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_EVENT_CONTROLLER_KEY (controller))
        continue;
      g_signal_emit_by_name (controller, "key-pressed", keyval, 0, (GdkModifierType) 0, &handled);
      found++;
    }
  g_assert_cmpuint (found, ==, 1);
  return handled;
}

static void
test_keys (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *xml = NULL;

  type_text (fixture, "Item");
  activate (fixture, "rich-text.bullets");
  /* Enter in a list item with words goes to the text view ... */
  g_assert_false (press_key (fixture, GDK_KEY_Return));
  type_text (fixture, "\n");
  /* ... and on the empty item that follows, ends the list */
  g_assert_true (press_key (fixture, GDK_KEY_Return));
  type_text (fixture, "After the list");
  xml = fragment (fixture);
  g_assert_cmpstr (xml, ==,
                   "<itemizedlist " NS ">\n  <listitem>\n    <para>Item</para>\n  </listitem>\n</itemizedlist>\n"
                   "<para " NS ">After the list</para>\n");

  /* Backspace at the start of an item makes it a paragraph */
  select_offsets (fixture, 0, 0);
  g_assert_true (press_key (fixture, GDK_KEY_BackSpace));
  g_free (xml);
  xml = fragment (fixture);
  g_assert_cmpstr (xml, ==, "<para " NS ">Item</para>\n<para " NS ">After the list</para>\n");
  /* and elsewhere it is left to the text view */
  g_assert_false (press_key (fixture, GDK_KEY_BackSpace));

  /* joining two paragraphs keeps the first one's style */
  activate (fixture, "rich-text.heading");
  select_offsets (fixture, 4, 5);
  gtk_text_buffer_delete_selection (fixture->buffer, TRUE, TRUE);
  g_free (xml);
  xml = fragment (fixture);
  g_assert_cmpstr (xml, ==, "<section " NS ">\n  <title>ItemAfter the list</title>\n  <para/>\n</section>\n");

  /* Enter on an empty quotation line asks who said it */
  cursor_to_end (fixture);
  type_text (fixture, "\n");
  type_text (fixture, "Be kind.");
  activate (fixture, "rich-text.quote");
  type_text (fixture, "\n");
  g_assert_true (press_key (fixture, GDK_KEY_Return));
  type_text (fixture, "Anon");
  g_free (xml);
  xml = fragment (fixture);
  g_assert_nonnull (strstr (xml, "<blockquote>\n    <attribution>Anon</attribution>\n    <para>Be kind.</para>"));
}

static void
test_undo_groups_words (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  const char *keys[] = { "W", "e", " ", "l", "e", "a", "r", "n" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    type_text (fixture, keys[i]);
  activate (fixture, "rich-text.undo");
  gtk_text_buffer_get_bounds (fixture->buffer, &start, &end);
  text = gtk_text_buffer_get_text (fixture->buffer, &start, &end, FALSE);
  g_assert_cmpstr (text, ==, "We");
  activate (fixture, "rich-text.undo");
  g_assert_cmpint (gtk_text_buffer_get_char_count (fixture->buffer), ==, 0);
  /* and redo brings the words back one at a time */
  activate (fixture, "rich-text.redo");
  g_free (text);
  gtk_text_buffer_get_bounds (fixture->buffer, &start, &end);
  text = gtk_text_buffer_get_text (fixture->buffer, &start, &end, FALSE);
  g_assert_cmpstr (text, ==, "We");
}

static void
test_set_blocks_quietly (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(LlDocNode) body = ll_doc_node_new (LL_DOC_BODY);
  g_autoptr(LlDocNode) back = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *after = NULL;

  build_heading (body);
  type_text (fixture, "Something to undo");
  fixture->changed = 0;
  ll_rich_text_set_blocks (fixture->editor, body);
  g_assert_cmpuint (fixture->changed, ==, 0);
  g_assert_cmpuint (ll_rich_text_get_word_count (fixture->editor), ==, 24);

  /* the history starts again */
  xml = fragment (fixture);
  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "rich-text.undo", NULL);
  after = fragment (fixture);
  g_assert_cmpstr (after, ==, xml);

  back = ll_rich_text_get_blocks (fixture->editor);
  g_assert_cmpint (back->type, ==, LL_DOC_BODY);
  g_assert_cmpuint (back->children->len, ==, 2);

  /* read-only: formatting does nothing */
  ll_rich_text_set_editable (fixture->editor, FALSE);
  select_text (fixture, "Reading is");
  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "rich-text.bold", NULL);
  g_free (after);
  after = fragment (fixture);
  g_assert_cmpstr (after, ==, xml);
  g_assert_cmpuint (fixture->changed, ==, 0);
}

typedef struct
{
  GtkTextBuffer *buffer;
  const char    *needle;
} BufferHas;

static gboolean
buffer_has (gpointer data)
{
  BufferHas *has = data;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (has->buffer, &start, &end);
  text = gtk_text_buffer_get_text (has->buffer, &start, &end, FALSE);
  return strstr (text, has->needle) != NULL;
}

static void
test_paste_plain (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (ll_rich_text_get_text_view (fixture->editor));
  BufferHas has = { fixture->buffer, "Second paragraph" };
  g_autofree char *xml = NULL;

  type_text (fixture, "Some bold");
  select_text (fixture, "bold");
  activate (fixture, "rich-text.bold");
  cursor_to_end (fixture);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (view), " and more\r\nSecond paragraph");
  g_signal_emit_by_name (view, "paste-clipboard");
  g_assert_true (ll_test_wait_for (buffer_has, &has));

  xml = fragment (fixture);
  g_assert_cmpstr (xml, ==,
                   "<para " NS ">Some <emphasis role=\"strong\">bold</emphasis> and more</para>\n"
                   "<para " NS ">Second paragraph</para>\n");

  /* the paste undoes in one step */
  activate (fixture, "rich-text.undo");
  g_free (xml);
  xml = fragment (fixture);
  g_assert_cmpstr (xml, ==, "<para " NS ">Some <emphasis role=\"strong\">bold</emphasis></para>\n");
}

static void
test_paste_into_list (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (ll_rich_text_get_text_view (fixture->editor));
  BufferHas has = { fixture->buffer, "Two" };
  g_autofree char *xml = NULL;

  type_text (fixture, "Zero");
  activate (fixture, "rich-text.bullets");
  cursor_to_end (fixture);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (view), "\nOne\nTwo");
  g_signal_emit_by_name (view, "paste-clipboard");
  g_assert_true (ll_test_wait_for (buffer_has, &has));

  xml = fragment (fixture);
  g_assert_cmpstr (xml, ==,
                   "<itemizedlist " NS ">\n"
                   "  <listitem>\n    <para>Zero</para>\n  </listitem>\n"
                   "  <listitem>\n    <para>One</para>\n  </listitem>\n"
                   "  <listitem>\n    <para>Two</para>\n  </listitem>\n"
                   "</itemizedlist>\n");
}

static void
test_link (Fixture       *fixture,
           gconstpointer  data)
{
  GtkWidget *entry = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture->editor),
                                                                LL_TYPE_RICH_TEXT, "link_entry"));
  GtkWidget *remove = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture->editor),
                                                                 LL_TYPE_RICH_TEXT, "link_remove_button"));
  g_autofree char *xml = NULL;

  type_text (fixture, "See our plan for details");
  select_text (fixture, "our plan");
  activate (fixture, "rich-text.link");
  gtk_editable_set_text (GTK_EDITABLE (entry), "example.org/plan");
  g_signal_emit_by_name (entry, "activate");
  xml = fragment (fixture);
  g_assert_cmpstr (xml, ==,
                   "<para " NS " xmlns:xlink=\"http://www.w3.org/1999/xlink\">See "
                   "<link xlink:href=\"https://example.org/plan\">our plan</link> for details</para>\n");

  /* with the cursor inside the link, the popover edits the whole link */
  select_offsets (fixture, 6, 6);
  activate (fixture, "rich-text.link");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "https://example.org/plan");
  g_assert_true (gtk_widget_get_visible (remove));
  g_signal_emit_by_name (remove, "clicked");
  g_free (xml);
  xml = fragment (fixture);
  g_assert_cmpstr (xml, ==, "<para " NS ">See our plan for details</para>\n");
}

static void
test_hostile (Fixture       *fixture,
              gconstpointer  data)
{
  const char *bad[] = {
    "<para xmlns=\"http://docbook.org/ns/docbook\">unfinished",
    "<para>not <b>closed</para>",
    "<!DOCTYPE para [<!ENTITY x \"boom\">]><para>&x;</para>",
    "\xff\xfe<para/>",
  };
  g_autofree char *before = NULL;

  type_text (fixture, "Keep me");
  before = fragment (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) notes = NULL;
      g_autofree char *after = NULL;

      g_assert_false (ll_rich_text_set_fragment (fixture->editor, bad[i], &notes, &error));
      g_assert_error (error, LL_DOCBOOK_ERROR, error->code);
      g_assert_nonnull (error->message);
      after = fragment (fixture);
      g_assert_cmpstr (after, ==, before);
    }
}

static void
test_simplified (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(LlDocNode) body = ll_doc_node_new (LL_DOC_BODY);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autofree char *in = NULL;
  g_autofree char *out = NULL;
  LlDocNode *section, *sub, *list, *item, *nested;

  /* what the editor cannot show keeps its words */
  section = ll_doc_add_section (body, "Outer");
  ll_doc_add_para (section, "Outer text.");
  sub = ll_doc_add_section (section, "Inner");
  ll_doc_add_para (sub, "Inner text.");
  list = ll_doc_add_list (body, FALSE);
  item = ll_doc_add_list_item (list, "Item");
  nested = ll_doc_add_list (item, TRUE);
  ll_doc_add_list_item (nested, "Nested");
  in = ll_docbook_write_blocks (body, &error);
  g_assert_no_error (error);

  g_assert_true (ll_rich_text_set_fragment (fixture->editor, in, &notes, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, ==, 2);
  out = fragment (fixture);
  g_assert_nonnull (strstr (out, "<title>Outer</title>"));
  g_assert_nonnull (strstr (out, "<title>Inner</title>"));
  g_assert_nonnull (strstr (out, "<para>Nested</para>"));
}

/* The toolbar fits a narrow window ---------------------------------------- */

typedef struct
{
  GtkWidget *widget;
  int        width;
} WidthWait;

static gboolean
has_width (gpointer data)
{
  WidthWait *wait = data;

  return gtk_widget_get_mapped (wait->widget) && gtk_widget_get_width (wait->widget) == wait->width;
}

static gboolean
menu_has_action (GMenuModel *menu,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (section != NULL && menu_has_action (section, action))
        return TRUE;
      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name)
          && g_str_equal (name, action))
        return TRUE;
    }
  return FALSE;
}

/* Every action of the toolbar, whether its button is shown or not, and
 * the menu that the overflow button offers at the editor's width. */
static void
collect_actions (GtkWidget *widget,
                 GPtrArray *buttons)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_ACTIONABLE (child) && gtk_actionable_get_action_name (GTK_ACTIONABLE (child)) != NULL)
        g_ptr_array_add (buttons, child);
      else if (!GTK_IS_MENU_BUTTON (child))
        collect_actions (child, buttons);
    }
}

static GMenuModel *
overflow_menu (LlRichText *editor)
{
  GtkMenuButton *more = GTK_MENU_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (editor), LL_TYPE_RICH_TEXT,
                                                                        "more_button"));
  GMenuModel *menu;

  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (more)));
  gtk_menu_button_popup (more);
  menu = gtk_menu_button_get_menu_model (more);
  gtk_menu_button_popdown (more);
  g_assert_nonnull (menu);
  return menu;
}

/* Which toolbar actions are only in the overflow menu at @width; every
 * one is reachable either way. */
static guint
check_reachable (GtkWindow  *window,
                 LlRichText *editor,
                 int         width)
{
  GtkWidget *toolbar = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (editor), LL_TYPE_RICH_TEXT,
                                                                  "toolbar"));
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  WidthWait wait = { GTK_WIDGET (editor), width };
  GMenuModel *menu;
  guint in_menu = 0;

  gtk_window_set_default_size (window, width, 400);
  g_assert_true (ll_test_wait_for (has_width, &wait));
  g_assert_cmpint (gtk_widget_get_width (toolbar), <=, width);
  menu = overflow_menu (editor);

  collect_actions (toolbar, buttons);
  g_assert_cmpuint (buttons->len, >=, 10);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = buttons->pdata[i];
      const char *action = gtk_actionable_get_action_name (GTK_ACTIONABLE (button));

      if (gtk_widget_is_drawable (button))
        {
          /* a button that is shown lies wholly inside the editor */
          graphene_rect_t bounds;

          g_assert_true (gtk_widget_compute_bounds (button, GTK_WIDGET (editor), &bounds));
          g_assert_cmpfloat (bounds.origin.x, >=, 0);
          g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, width);
          g_assert_false (menu_has_action (menu, action));
        }
      else
        {
          if (!menu_has_action (menu, action))
            g_error ("%s is neither on the toolbar nor in its menu at %d pixels", action, width);
          in_menu++;
        }
    }
  /* the attribution has no button: the menu always offers it */
  g_assert_true (menu_has_action (menu, "rich-text.attribution"));
  return in_menu;
}

static void
test_narrow (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  LlRichText *editor = LL_RICH_TEXT (ll_rich_text_new ());
  int min, nat;

  gtk_widget_measure (GTK_WIDGET (editor), GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (min, <=, 300);
  /* at its natural width the whole toolbar shows */
  g_assert_cmpint (nat, >=, 400);

  gtk_window_set_child (window, GTK_WIDGET (editor));
  gtk_window_present (window);
  g_assert_cmpuint (check_reachable (window, editor, 800), ==, 0);
  /* undo, redo, paragraph and sub-heading move into the menu */
  g_assert_cmpuint (check_reachable (window, editor, 300), ==, 4);
  g_assert_cmpuint (check_reachable (window, editor, 800), ==, 0);
  gtk_window_destroy (window);
}

/* The formatting bar is one stop for Tab, as a toolbar is: Tab from the
 * field before it lands on its first button and the next Tab goes into
 * the text, not through a dozen buttons; Shift+Tab goes back the same
 * way. (Ctrl+B and the other shortcuts format without leaving the text.) */
static GtkWidget *
focus_after (GtkWindow        *window,
             GtkDirectionType  direction)
{
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), direction));
  return gtk_root_get_focus (GTK_ROOT (window));
}

static void
test_toolbar_one_tab_stop (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *before = gtk_button_new_with_label ("Before");
  LlRichText *editor = LL_RICH_TEXT (ll_rich_text_new ());
  GtkWidget *view = GTK_WIDGET (ll_rich_text_get_text_view (editor));
  GtkWidget *toolbar = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (editor), LL_TYPE_RICH_TEXT,
                                                                   "toolbar"));
  GtkWidget *focus;

  gtk_box_append (GTK_BOX (box), before);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (editor));
  gtk_window_set_child (window, box);
  gtk_window_set_default_size (window, 700, 400);
  gtk_window_present (window);
  gtk_widget_grab_focus (before);
  g_assert_true (ll_test_wait_for (has_focus, before));
  ll_test_iterate_briefly ();

  focus = focus_after (window, GTK_DIR_TAB_FORWARD);
  g_assert_true (gtk_widget_is_ancestor (focus, toolbar));
  g_assert_true (focus_after (window, GTK_DIR_TAB_FORWARD) == view);
  focus = focus_after (window, GTK_DIR_TAB_BACKWARD);
  g_assert_true (gtk_widget_is_ancestor (focus, toolbar));
  g_assert_true (focus_after (window, GTK_DIR_TAB_BACKWARD) == before);

  /* the arrow keys still go from button to button inside the bar */
  focus = focus_after (window, GTK_DIR_TAB_FORWARD);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_RIGHT));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) != focus);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), toolbar));
  gtk_window_destroy (window);
}

/* Adwaita's own insert-link-symbolic (libadwaita 1.2's theme) reads as
 * strikethrough: the Link button draws our chain link instead. */
static void
test_link_icon (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  LlRichText *editor = LL_RICH_TEXT (ll_rich_text_new ());
  GtkButton *link = GTK_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (editor), LL_TYPE_RICH_TEXT,
                                                               "link_button"));
  GtkIconTheme *theme;
  const char *name;
  g_autoptr(GtkIconPaintable) icon = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;

  gtk_window_set_child (window, GTK_WIDGET (editor));
  gtk_window_present (window);
  theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (window)));
  name = gtk_button_get_icon_name (link);
  g_assert_nonnull (name);
  g_assert_cmpstr (name, !=, "insert-link-symbolic");
  g_assert_true (gtk_icon_theme_has_icon (theme, name));
  icon = gtk_icon_theme_lookup_icon (theme, name, NULL, 16, 1, GTK_TEXT_DIR_LTR, 0);
  file = gtk_icon_paintable_get_file (icon);
  g_assert_nonnull (file);
  uri = g_file_get_uri (file);
  g_assert_true (g_str_has_prefix (uri, "resource:///org/leadinglearning/LeadingLearning/icons/"));
  gtk_window_destroy (window);
}

/* A window to look at: LL_RICH_TEXT_DEMO=1 test-rich-text -p /rich-text/demo */
static void
test_demo (void)
{
  g_autofree char *path = data_file ("section-with-lists-and-quotes");
  g_autoptr(GError) error = NULL;
  g_autofree char *fragment_in = NULL;
  GtkWidget *window, *scroller, *clamp, *editor;
  g_autoptr(GString) xml = g_string_new (NULL);
  const char *demo = g_getenv ("LL_RICH_TEXT_DEMO");

  if (demo == NULL)
    {
      g_test_skip ("set LL_RICH_TEXT_DEMO=1 to see the editor");
      return;
    }
  g_file_get_contents (path, &fragment_in, NULL, &error);
  g_assert_no_error (error);

  g_string_append (xml, "<para xmlns=\"http://docbook.org/ns/docbook\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">"
                   "At Hilltop we want every child to be <emphasis>curious</emphasis>, "
                   "<emphasis role=\"strong\">confident</emphasis> and kind. Read "
                   "<link xlink:href=\"https://www.gov.uk\">the framework</link> for more.</para>\n");
  g_string_append (xml, fragment_in);
  g_string_append (xml, "<itemizedlist xmlns=\"http://docbook.org/ns/docbook\"><listitem><para>Kindness</para></listitem>"
                   "<listitem><para>Curiosity, which we nurture through questions, visits and a rich diet of books "
                   "that pupils choose for themselves</para></listitem></itemizedlist>\n");

  window = adw_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 760);
  editor = ll_rich_text_new ();
  g_assert_true (ll_rich_text_set_fragment (LL_RICH_TEXT (editor), xml->str, NULL, &error));
  g_assert_no_error (error);
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 760);
  adw_clamp_set_child (ADW_CLAMP (clamp), editor);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  {
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

    gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
    gtk_widget_set_vexpand (scroller, TRUE);
    gtk_box_append (GTK_BOX (box), scroller);
    adw_window_set_content (ADW_WINDOW (window), box);
  }
  if (g_str_equal (demo, "dark"))
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_grab_focus (GTK_WIDGET (ll_rich_text_get_text_view (LL_RICH_TEXT (editor))));
  while (gtk_widget_get_visible (window))
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
set_flag (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* A read-only text (a portfolio once submitted, a read-only workbook)
 * can still be clicked into, to select and copy: GTK 4.8 aborts when a
 * text view whose cursor is hidden takes the focus and its cursor blinks,
 * so the cursor stays, to move about with. */
static void
test_read_only_focus (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *button = gtk_button_new_with_label ("Submit");
  LlRichText *editor = LL_RICH_TEXT (ll_rich_text_new ());
  gboolean waited = FALSE;

  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", TRUE, NULL);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (editor));
  gtk_box_append (GTK_BOX (box), button);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  ll_rich_text_set_fragment (editor, "<para>Submitted for verification.</para>", NULL, NULL);
  gtk_widget_grab_focus (button);
  ll_rich_text_set_editable (editor, FALSE);
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (ll_rich_text_get_text_view (editor))));
  /* long enough for the cursor to blink */
  g_timeout_add (1500, set_flag, &waited);
  while (!waited)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (gtk_text_view_get_editable (ll_rich_text_get_text_view (editor)));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  adw_init ();
  g_assert_nonnull (ll_get_resource ());

  g_test_add_func ("/rich-text/data", test_data_canonical);
  g_test_add_func ("/rich-text/round-trip", test_data_round_trip);
  g_test_add_func ("/rich-text/sample", test_sample_round_trip);
#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/rich-text/typing/bold", test_typing_bold);
  ADD ("/rich-text/typing/blocks", test_typing_blocks);
  ADD ("/rich-text/typing/undo-words", test_undo_groups_words);
  ADD ("/rich-text/typing/keys", test_keys);
  ADD ("/rich-text/set-blocks", test_set_blocks_quietly);
  ADD ("/rich-text/paste/plain", test_paste_plain);
  ADD ("/rich-text/paste/list", test_paste_into_list);
  ADD ("/rich-text/link", test_link);
  ADD ("/rich-text/hostile", test_hostile);
  ADD ("/rich-text/simplified", test_simplified);
#undef ADD
  g_test_add_func ("/rich-text/narrow", test_narrow);
  g_test_add_func ("/rich-text/read-only-focus", test_read_only_focus);
  g_test_add_func ("/rich-text/link-icon", test_link_icon);
  g_test_add_func ("/rich-text/toolbar-one-tab-stop", test_toolbar_one_tab_stop);
  g_test_add_func ("/rich-text/demo", test_demo);

  return g_test_run ();
}
