/* test-narrative.c: vision narratives, sections, revisions, comparing */
#include "config.h"

#include "ll-narrative-private.h"
#include "ll-sample.h"
#include "ll-store.h"
#include "ll-test-util.h"
#include "ll-text.h"
#include "ll-workbook.h"

typedef struct
{
  char       *dir;
  char       *path;
  LlWorkbook *workbook;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = ll_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "Vision.llw", NULL);
  f->workbook = ll_workbook_create (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ll_workbook_add_person (f->workbook, "Helen Marsh", LL_ROLE_HEADTEACHER, &error));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->workbook);
  ll_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->workbook);
  f->workbook = ll_workbook_open (f->path, LL_WORKBOOK_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
}

static LlNarrative *
first_narrative (Fixture *f)
{
  g_autoptr(LlNarrative) narrative = g_list_model_get_item (ll_workbook_get_narratives (f->workbook), 0);

  return narrative;  /* the workbook keeps it */
}

static LlNarrativeSection *
section_at (LlNarrative *narrative,
            guint        i)
{
  g_autoptr(LlNarrativeSection) section = g_list_model_get_item (ll_narrative_get_sections (narrative), i);

  return section;
}

static void
test_new_narrative (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LlNarrative *narrative = ll_workbook_add_narrative (f->workbook, "  Building Better Learners ", &error);
  GListModel *sections;
  g_autoptr(LlDocumentInfo) info = NULL;
  const char *titles[] = {
    "Our vision for learning", "Building dialogue", "A culture of enquiry",
    "Monitoring development in classrooms", "Tracking the impact on learning behaviours",
  };

  g_assert_no_error (error);
  g_assert_cmpstr (ll_narrative_get_title (narrative), ==, "Building Better Learners");
  g_assert_cmpstr (ll_narrative_get_author (narrative), ==, "Helen Marsh");
  g_assert_cmpint (ll_narrative_get_status (narrative), ==, LL_NARRATIVE_DRAFT);
  g_assert_true (ll_narrative_get_show_prompts (narrative));
  sections = ll_narrative_get_sections (narrative);
  g_assert_cmpuint (g_list_model_get_n_items (sections), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      LlNarrativeSection *section = section_at (narrative, i);

      g_assert_cmpstr (ll_narrative_section_get_title (section), ==, titles[i]);
      g_assert_cmpstr (ll_narrative_section_get_prompts (section), !=, "");
    }
  g_assert_cmpuint (g_list_model_get_n_items (ll_narrative_get_revisions (narrative)), ==, 0);
  /* nothing has been written yet: the title and headings are not the
   * writer's words */
  g_assert_cmpuint (ll_narrative_get_word_count (narrative), ==, 0);
  for (guint i = 0; i < 5; i++)
    g_assert_cmpuint (ll_narrative_section_get_word_count (section_at (narrative, i)), ==, 0);

  /* it is a document of kind "vision" */
  g_assert_cmpuint (g_list_model_get_n_items (ll_workbook_get_documents (f->workbook)), ==, 2);
  info = g_list_model_get_item (ll_workbook_get_documents (f->workbook), 1);
  g_assert_cmpstr (ll_document_info_get_kind (info), ==, "vision");
  g_assert_cmpint (ll_document_info_get_id (info), ==, ll_narrative_get_id (narrative));
  ll_narrative_set_title (narrative, "Learning Powered");
  g_assert_cmpstr (ll_document_info_get_title (info), ==, "Learning Powered");

  reopen (f);
  narrative = first_narrative (f);
  g_assert_cmpstr (ll_narrative_get_title (narrative), ==, "Learning Powered");
  g_assert_cmpuint (g_list_model_get_n_items (ll_narrative_get_sections (narrative)), ==, 5);
}

static void
test_edit_sections (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LlNarrative *narrative = ll_workbook_add_narrative (f->workbook, "Vision", &error);
  LlNarrativeSection *section, *added;

  section = section_at (narrative, 0);
  ll_narrative_section_set_body (section, "<para>We want every pupil to be a "
                                          "<emphasis>resilient</emphasis> learner.</para>");
  g_assert_cmpuint (ll_narrative_section_get_word_count (section), ==, 9);
  g_assert_cmpuint (ll_narrative_get_word_count (narrative), ==, 9);
  ll_narrative_section_set_title (section, "Why we do this");
  g_assert_cmpuint (ll_narrative_section_get_word_count (section), ==, 9);

  added = ll_narrative_add_section (narrative, 1, "Zoë’s classroom", &error);
  g_assert_no_error (error);
  g_assert_nonnull (added);
  g_assert_true (ll_narrative_move_section (narrative, added, 5, &error));
  g_assert_true (ll_narrative_remove_section (narrative, section_at (narrative, 1), &error));
  g_assert_no_error (error);

  reopen (f);
  narrative = first_narrative (f);
  g_assert_cmpuint (g_list_model_get_n_items (ll_narrative_get_sections (narrative)), ==, 5);
  g_assert_cmpstr (ll_narrative_section_get_title (section_at (narrative, 0)), ==, "Why we do this");
  g_assert_cmpstr (ll_narrative_section_get_body (section_at (narrative, 0)), ==,
                   "<para>We want every pupil to be a <emphasis>resilient</emphasis> learner.</para>");
  g_assert_cmpstr (ll_narrative_section_get_title (section_at (narrative, 1)), ==, "A culture of enquiry");
  g_assert_cmpstr (ll_narrative_section_get_title (section_at (narrative, 4)), ==, "Zoë’s classroom");
  /* the text survives, and only the text counts */
  g_assert_cmpuint (ll_narrative_get_word_count (narrative), ==, 9);
}

/* The first edit after opening keeps the text as it was; later edits in
 * the same opening do not make more revisions. */
static void
test_session_revision (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LlNarrative *narrative = ll_workbook_add_narrative (f->workbook, "Vision", &error);
  GListModel *revisions;
  g_autofree char *old_text = NULL;
  LlRevision *revision;

  /* a new, empty narrative: nothing worth keeping yet */
  ll_narrative_section_set_body (section_at (narrative, 0), "<para>First draft.</para>");
  g_assert_cmpuint (g_list_model_get_n_items (ll_narrative_get_revisions (narrative)), ==, 0);

  reopen (f);
  narrative = first_narrative (f);
  revisions = ll_narrative_get_revisions (narrative);
  ll_narrative_section_set_body (section_at (narrative, 0), "<para>Second draft.</para>");
  ll_narrative_section_set_body (section_at (narrative, 0), "<para>Second draft, longer.</para>");
  g_assert_cmpuint (g_list_model_get_n_items (revisions), ==, 1);
  revision = g_list_model_get_item (revisions, 0);
  g_assert_cmpint (ll_revision_get_kind (revision), ==, LL_REVISION_SESSION);
  old_text = ll_narrative_dup_text (narrative, revision, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (old_text, "First draft."));
  g_assert_null (strstr (old_text, "Second"));
  g_object_unref (revision);

  reopen (f);
  narrative = first_narrative (f);
  g_assert_cmpuint (g_list_model_get_n_items (ll_narrative_get_revisions (narrative)), ==, 1);
  ll_narrative_set_title (narrative, "Renamed");
  g_assert_cmpuint (g_list_model_get_n_items (ll_narrative_get_revisions (narrative)), ==, 2);
}

static void
test_named_revision_compare_restore (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LlNarrative *narrative = ll_workbook_add_narrative (f->workbook, "Vision", &error);
  LlRevision *named, *safety;
  g_autoptr(GPtrArray) diff = NULL;
  g_autoptr(GString) inserted = g_string_new (NULL);
  g_autoptr(GString) deleted = g_string_new (NULL);
  GListModel *revisions = ll_narrative_get_revisions (narrative);

  ll_narrative_section_set_body (section_at (narrative, 0),
                                 "<para>Learning is not down to luck and ability is not fixed.</para>");
  named = ll_narrative_save_revision (narrative, " Governors’ draft ", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ll_revision_get_label (named), ==, "Governors’ draft");
  g_assert_cmpint (ll_revision_get_kind (named), ==, LL_REVISION_NAMED);
  g_assert_null (ll_narrative_save_revision (narrative, "  ", &error));
  g_assert_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_INVALID);
  g_clear_error (&error);

  ll_narrative_section_set_body (section_at (narrative, 0),
                                 "<para>Learning is not down to luck: every pupil can grow.</para>");
  ll_narrative_remove_section (narrative, section_at (narrative, 4), &error);

  /* compare the named revision with the current text, word by word */
  diff = ll_narrative_compare (narrative, named, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < diff->len; i++)
    {
      LlDiffChunk *chunk = g_ptr_array_index (diff, i);

      if (chunk->op == LL_DIFF_INSERT)
        g_string_append (inserted, chunk->text);
      else if (chunk->op == LL_DIFF_DELETE)
        g_string_append (deleted, chunk->text);
    }
  g_assert_nonnull (strstr (inserted->str, "every pupil can grow."));
  g_assert_nonnull (strstr (deleted->str, "ability is not fixed."));
  g_assert_nonnull (strstr (deleted->str, "Tracking the impact"));
  g_assert_null (strstr (deleted->str, "Learning"));

  /* restoring first keeps the current text */
  g_object_ref (named);
  g_assert_true (ll_narrative_restore_revision (narrative, named, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (ll_narrative_get_sections (narrative)), ==, 5);
  g_assert_cmpstr (ll_narrative_section_get_body (section_at (narrative, 0)), ==,
                   "<para>Learning is not down to luck and ability is not fixed.</para>");
  safety = g_list_model_get_item (revisions, 0);
  g_assert_cmpint (ll_revision_get_kind (safety), ==, LL_REVISION_BEFORE_RESTORE);
  g_assert_cmpstr (ll_revision_get_label (safety), ==, "Before restoring “Governors’ draft”");
  {
    g_autofree char *kept = ll_narrative_dup_text (narrative, safety, &error);

    g_assert_nonnull (strstr (kept, "every pupil can grow."));
  }
  g_object_unref (safety);
  g_object_unref (named);

  /* the restored text is in the file */
  reopen (f);
  narrative = first_narrative (f);
  g_assert_cmpstr (ll_narrative_section_get_body (section_at (narrative, 0)), ==,
                   "<para>Learning is not down to luck and ability is not fixed.</para>");
  g_assert_cmpuint (g_list_model_get_n_items (ll_narrative_get_revisions (narrative)), >=, 2);
}

static void
test_remove_narrative (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LlNarrative *narrative = ll_workbook_add_narrative (f->workbook, "Gone", &error);

  ll_narrative_save_revision (narrative, "kept?", &error);
  g_assert_true (ll_workbook_remove_narrative (f->workbook, narrative, &error));
  g_assert_cmpuint (g_list_model_get_n_items (ll_workbook_get_narratives (f->workbook)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (ll_workbook_get_documents (f->workbook)), ==, 1);
  reopen (f);
  g_assert_cmpuint (g_list_model_get_n_items (ll_workbook_get_narratives (f->workbook)), ==, 0);
}

/* Opening a workbook reads what its list shows of each narrative, not
 * the sections and revisions: those are read when first asked for, and
 * are then all there. */
static void
test_loaded_when_asked (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlNarrative) narrative = NULL;
  LlNarrative *added = ll_workbook_add_narrative (f->workbook, "Read Later", &error);
  g_autoptr(LlNarrativeSection) first = NULL;
  gboolean sections = TRUE, revisions = TRUE;
  guint words;

  first = g_list_model_get_item (ll_narrative_get_sections (added), 0);
  ll_narrative_section_set_body (first, "<para>Five words are written here.</para>");
  g_assert_nonnull (ll_narrative_save_revision (added, "Kept", &error));
  words = ll_narrative_get_word_count (added);
  g_assert_cmpuint (words, ==, 5);
  reopen (f);

  narrative = g_list_model_get_item (ll_workbook_get_narratives (f->workbook), 0);
  g_assert_cmpstr (ll_narrative_get_title (narrative), ==, "Read Later");
  _ll_narrative_get_loaded (narrative, &sections, &revisions);
  g_assert_false (sections);
  g_assert_false (revisions);

  g_assert_cmpuint (ll_narrative_get_word_count (narrative), ==, words);
  _ll_narrative_get_loaded (narrative, &sections, &revisions);
  g_assert_true (sections);
  g_assert_false (revisions);
  g_assert_cmpuint (g_list_model_get_n_items (ll_narrative_get_revisions (narrative)), ==, 1);
  _ll_narrative_get_loaded (narrative, &sections, &revisions);
  g_assert_true (revisions);
}

static void
test_text_from_fragment (void)
{
  g_autofree char *text = ll_text_from_fragment (
    "<para>One &amp; <emphasis role=\"strong\">two</emphasis>\n   three</para>"
    "<itemizedlist><listitem><para>a &lt;b&gt;</para></listitem><listitem><para>&#8220;c&#x201D;</para>"
    "</listitem></itemizedlist><blockquote><attribution>Sir Michael Bichard</attribution>"
    "<para>Leadership</para></blockquote>");

  /* the attribution follows its quotation, as the reader sees it */
  g_assert_cmpstr (text, ==, "One & two three\na <b>\n“c”\nLeadership\n— Sir Michael Bichard");
  /* what each line was, to show it as it was written */
  {
    g_autoptr(GArray) kinds = g_array_new (FALSE, FALSE, sizeof (LlTextKind));
    g_autofree char *again = ll_text_from_fragment_with_kinds (
      "<para>One</para><section><title>Sub</title><para>Two</para><orderedlist><listitem><para>a</para>"
      "</listitem></orderedlist></section>"
      "<itemizedlist><listitem><para>b</para></listitem></itemizedlist><blockquote><attribution>Sir M"
      "</attribution><para>Q</para></blockquote>", kinds);
    const LlTextKind expected[] = {
      LL_TEXT_PARA, LL_TEXT_SUBHEADING, LL_TEXT_PARA, LL_TEXT_NUMBER, LL_TEXT_BULLET, LL_TEXT_QUOTE,
      LL_TEXT_ATTRIBUTION,
    };

    g_assert_cmpstr (again, ==, "One\nSub\nTwo\na\nb\nQ\n— Sir M");
    g_assert_cmpuint (kinds->len, ==, G_N_ELEMENTS (expected));
    for (guint i = 0; i < kinds->len; i++)
      g_assert_cmpint (g_array_index (kinds, LlTextKind, i), ==, expected[i]);
  }

  /* a word holds a letter or a digit: "&" and the dash are not words */
  g_assert_cmpuint (ll_text_count_words (text), ==, 10);
  g_assert_cmpuint (ll_text_reading_minutes (0), ==, 0);
  g_assert_cmpuint (ll_text_reading_minutes (10), ==, 1);
  g_assert_cmpuint (ll_text_reading_minutes (2300), ==, 10);
}

static char *
render_diff (GPtrArray *chunks)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < chunks->len; i++)
    {
      LlDiffChunk *chunk = g_ptr_array_index (chunks, i);
      const char *open = chunk->op == LL_DIFF_INSERT ? "{+" : chunk->op == LL_DIFF_DELETE ? "[-" : "";
      const char *close = chunk->op == LL_DIFF_INSERT ? "+}" : chunk->op == LL_DIFF_DELETE ? "-]" : "";

      g_string_append_printf (out, "%s%s%s", open, chunk->text, close);
    }
  return g_string_free (out, FALSE);
}

static void
test_diff_words (void)
{
  const struct { const char *a, *b, *expected; } cases[] = {
    { "", "", "" },
    { "same text", "same text", "same text" },
    { "", "new words", "{+new words+}" },
    { "old words", "", "[-old words-]" },
    { "the cat sat", "the dog sat", "the [-cat -]{+dog +}sat" },
    { "a b c d", "a c d e", "a [-b -]c d {+e+}" },
    { "Zoë read", "Zoë wrote", "Zoë [-read-]{+wrote+}" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) chunks = ll_text_diff_words (cases[i].a, cases[i].b);
      g_autofree char *out = render_diff (chunks);

      g_assert_cmpstr (out, ==, cases[i].expected);
    }

  /* long texts with a small change stay word-level and quick */
  {
    g_autoptr(GString) a = g_string_new (NULL);
    g_autoptr(GString) b = NULL;
    g_autoptr(GPtrArray) chunks = NULL;
    g_autofree char *out = NULL;

    for (guint i = 0; i < 20000; i++)
      g_string_append_printf (a, "word%u ", i);
    b = g_string_new (a->str);
    g_string_replace (b, "word10000 ", "changed ", 1);
    chunks = ll_text_diff_words (a->str, b->str);
    g_assert_cmpuint (chunks->len, ==, 4);
    out = render_diff (chunks);
    g_assert_nonnull (strstr (out, "[-word10000 -]{+changed +}"));
  }
}

/* The sample's revisions say how many words they hold, and that is what
 * the editor shows once one is restored. */
static void
test_sample_revision_words (void)
{
  g_autofree char *dir = ll_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "Sample.llw", NULL);
  g_autoptr(GError) error = NULL;
  guint n;

  g_assert_true (ll_sample_generate (path, 1, &error));
  g_assert_no_error (error);
  {
    g_autoptr(LlWorkbook) workbook = ll_workbook_open (path, LL_WORKBOOK_OPEN_DEFAULT, &error);
    g_autoptr(LlNarrative) narrative = NULL;

    g_assert_no_error (error);
    narrative = g_list_model_get_item (ll_workbook_get_narratives (workbook), 0);
    n = g_list_model_get_n_items (ll_narrative_get_revisions (narrative));
    g_assert_cmpuint (n, >=, 2);
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(LlRevision) revision = g_list_model_get_item (ll_narrative_get_revisions (narrative), i);
        g_autoptr(GPtrArray) sections = ll_narrative_dup_revision_sections (narrative, revision, &error);
        guint words = 0;

        g_assert_no_error (error);
        for (guint s = 0; s < sections->len; s++)
          {
            LlSectionText *row = g_ptr_array_index (sections, s);
            g_autofree char *text = ll_text_from_fragment (row->body);

            words += ll_text_count_words (text);
          }
        g_assert_cmpuint (words, >, 0);
        g_assert_cmpuint (ll_revision_get_words (revision), ==, words);
      }
    ll_workbook_close (workbook);
  }

  /* restored, each shows the count it stated */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LlWorkbook) workbook = ll_workbook_open (path, LL_WORKBOOK_OPEN_DEFAULT, &error);
      g_autoptr(LlNarrative) narrative = g_list_model_get_item (ll_workbook_get_narratives (workbook), 0);
      /* the oldest first, as the list is newest first and restoring adds one */
      g_autoptr(LlRevision) revision = g_list_model_get_item (ll_narrative_get_revisions (narrative), n - 1 - i);

      g_assert_true (ll_narrative_restore_revision (narrative, revision, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (ll_narrative_get_word_count (narrative), ==, ll_revision_get_words (revision));
      ll_workbook_close (workbook);
    }
  ll_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/narrative/text-from-fragment", test_text_from_fragment);
  g_test_add_func ("/narrative/diff-words", test_diff_words);
  g_test_add_func ("/narrative/sample-revision-words", test_sample_revision_words);
#define ADD(name, func) \
  g_test_add ("/narrative/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("new", test_new_narrative);
  ADD ("edit-sections", test_edit_sections);
  ADD ("session-revision", test_session_revision);
  ADD ("named-revision-compare-restore", test_named_revision_compare_restore);
  ADD ("remove", test_remove_narrative);
  ADD ("loaded-when-asked", test_loaded_when_asked);
#undef ADD
  return g_test_run ();
}
