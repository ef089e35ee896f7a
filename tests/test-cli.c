/* test-cli.c: the command line, run as a whole process like a script would */
#include "config.h"

#include <sys/stat.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "ll-observation-sample.h"
#include "ll-store-observation.h"
#include "ll-test-util.h"
#include "ll-workbook.h"
#include "ll-workbook-portfolios.h"

typedef struct
{
  char *dir;
  char *sample;
} Fixture;

static int
run_app (char       **out,
         char       **err,
         const char  *first,
         ...) G_GNUC_NULL_TERMINATED;

static int
run_app (char       **out,
         char       **err,
         const char  *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("LL_BINARY"));
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  return ll_test_spawn ((const char * const *) argv->pdata, out, err);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  f->dir = ll_test_make_tmpdir ();
  f->sample = g_build_filename (f->dir, "Sample.llw", NULL);
  g_assert_cmpint (run_app (&out, &err, "--generate-sample", f->sample, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  ll_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->sample);
}

/* An error is one sentence on stderr, with a non-zero status and nothing on stdout. */
static void
assert_one_sentence (const char *err)
{
  g_assert_nonnull (err);
  g_assert_true (g_str_has_suffix (err, ".\n"));
  g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
  g_assert_null (strstr (err, "CRITICAL"));
  g_assert_null (strstr (err, "WARNING"));
}

static void
test_version (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_app (&out, &err, "--version", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "leading-learning " PACKAGE_VERSION "\n");
}

/* --help and the check that one action is given are made from the same
 * tables of options: every action shows once in each. */
static void
test_help_lists_actions (void)
{
  const char * const actions[] = {
    "generate-sample", "list", "export-docbook", "print-pdf", "check",
    "import-docbook", "export-csv", "export-framework", "import-framework",
  };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *help = NULL;

  g_assert_cmpint (run_app (&out, &err, "--help", NULL), ==, 0);
  help = g_steal_pointer (&out);
  /* two actions at once name every action in the usage message */
  g_assert_cmpint (run_app (&out, &err, "--list", "--check", "x.llw", NULL), ==, 2);
  g_assert_cmpstr (out, ==, "");
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_autofree char *option = g_strconcat ("--", actions[i], NULL);
      g_autofree char *in_help = g_strconcat ("  ", option, NULL);
      const char *at = strstr (help, in_help);

      g_assert_nonnull (at);
      g_assert_null (strstr (at + 1, in_help));
      g_assert_nonnull (strstr (err, option));
    }
}

static void
test_list (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_auto(GStrv) lines = NULL;
  guint observations = 0;

  g_assert_cmpint (run_app (&out, &err, "--list", f->sample, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out,
                                   "school\t1\tSchool profile: Ashcombe Vale Primary School\n"
                                   "vision\t2\tBuilding Better Learners at Ashcombe Vale\n"));
  /* then the sample's year of observations, each titled by class and subject */
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 2; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", 3);

      g_assert_cmpuint (g_strv_length (fields), ==, 3);
      if (g_str_equal (fields[0], "observation"))
        {
          g_assert_nonnull (strstr (fields[2], ", "));
          observations++;
        }
    }
  g_assert_cmpuint (observations, ==, 40);
}

static void
test_generate_sample_scale (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *big = g_build_filename (f->dir, "Big.llw", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(LlWorkbook) small_wb = NULL;
  g_autoptr(LlWorkbook) big_wb = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (run_app (&out, &err, "--generate-sample=5", big, NULL), ==, 0);
  small_wb = ll_workbook_open (f->sample, LL_WORKBOOK_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  big_wb = ll_workbook_open (big, LL_WORKBOOK_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (ll_workbook_get_people (big_wb)), ==,
                    5 * g_list_model_get_n_items (ll_workbook_get_people (small_wb)));
  g_clear_pointer (&err, g_free);

  /* FILE must not exist */
  g_assert_cmpint (run_app (&out, &err, "--generate-sample", big, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "already exists"));
  assert_one_sentence (err);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_app (&out, &err, "--generate-sample=lots", big, NULL), ==, 2);
  assert_one_sentence (err);
}

static void
test_export_one (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *xml_path = g_build_filename (f->dir, "profile.xml", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *xml = NULL;

  g_assert_cmpint (run_app (&out, &err, "--export-docbook", xml_path, "--document=1", f->sample, NULL), ==, 0);
  g_assert_true (g_file_get_contents (xml_path, &xml, NULL, NULL));
  g_assert_nonnull (strstr (xml, "Ashcombe Vale Primary School"));
  g_assert_nonnull (strstr (xml, "Helen Marsh"));
  g_assert_nonnull (strstr (xml, "Zoë Hargreaves"));
  ll_test_assert_docbook_valid (xml_path);
}

static void
test_export_all (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (f->dir, "export", NULL);
  g_autofree char *school = g_build_filename (folder, "school-1.xml", NULL);
  g_autofree char *vision = g_build_filename (folder, "vision-2.xml", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_app (&out, &err, "--export-docbook", folder, f->sample, NULL), ==, 0);
  g_assert_true (g_file_test (school, G_FILE_TEST_IS_REGULAR));
  ll_test_assert_docbook_valid (school);
  ll_test_assert_docbook_valid (vision);
}

static void
test_export_vision (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *xml_path = g_build_filename (f->dir, "vision.xml", NULL);
  g_autofree char *pdf_path = g_build_filename (f->dir, "vision.pdf", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpint (run_app (&out, &err, "--export-docbook", xml_path, "--document=2", f->sample, NULL), ==, 0);
  g_assert_true (g_file_get_contents (xml_path, &xml, NULL, NULL));
  ll_test_assert_docbook_valid (xml_path);
  g_assert_nonnull (strstr (xml, "<title>Building Better Learners at Ashcombe Vale</title>"));
  g_assert_nonnull (strstr (xml, "<personname>Helen Marsh</personname>"));
  /* the named revisions make the revision history, oldest first */
  g_assert_nonnull (strstr (xml, "<revhistory>"));
  g_assert_true (strstr (xml, "First thoughts for the senior team") < strstr (xml, "Draft for governors"));
  /* the sections' rich text is part of the document, not escaped */
  g_assert_nonnull (strstr (xml, "<attribution>Sir Michael Bichard</attribution>"));
  g_assert_nonnull (strstr (xml, "<emphasis>grow</emphasis>"));
  g_assert_null (strstr (xml, "&lt;para"));

  g_assert_cmpint (run_app (&out, &err, "--print-pdf", pdf_path, "--document=2", f->sample, NULL), ==, 0);
  text = ll_test_pdf_text (pdf_path);
  g_assert_nonnull (strstr (text, "Building Better Learners at Ashcombe Vale"));
  g_assert_nonnull (strstr (text, "A culture of enquiry"));
  g_assert_nonnull (strstr (text, "Sir Michael Bichard"));
  g_assert_nonnull (strstr (text, "I will visit classrooms every week"));
}

static void
assert_owner_only (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  if ((st.st_mode & 0077) != 0)
    g_error ("%s has mode %o: others can read it", path, (unsigned) (st.st_mode & 0777));
}

/* Exports and PDFs hold the same personal data as the workbook, so they
 * are readable by their owner only, whatever the umask. */
static void
test_exports_private (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *xml = g_build_filename (f->dir, "profile.xml", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "profile.pdf", NULL);
  g_autofree char *folder = g_build_filename (f->dir, "export", NULL);
  g_autofree char *school = g_build_filename (folder, "school-1.xml", NULL);
  g_autofree char *vision = g_build_filename (folder, "vision-2.xml", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  mode_t old_mask = umask (022);

  g_assert_cmpint (run_app (&out, &err, "--export-docbook", xml, "--document=1", f->sample, NULL), ==, 0);
  g_assert_cmpint (run_app (&out, &err, "--export-docbook", folder, f->sample, NULL), ==, 0);
  g_assert_cmpint (run_app (&out, &err, "--print-pdf", pdf, "--document=2", f->sample, NULL), ==, 0);
  umask (old_mask);
  assert_owner_only (xml);
  assert_owner_only (folder);
  assert_owner_only (school);
  assert_owner_only (vision);
  assert_owner_only (pdf);
}

static void
test_print_pdf (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "profile.pdf", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpint (run_app (&out, &err, "--print-pdf", pdf, "--document", "1", f->sample, NULL), ==, 0);
  text = ll_test_pdf_text (pdf);
  g_assert_nonnull (strstr (text, "School profile"));
  g_assert_nonnull (strstr (text, "Ashcombe Vale Primary School"));
  g_assert_nonnull (strstr (text, "Dr Anand Mehta"));
  g_assert_nonnull (strstr (text, "Page 1 of"));
  g_clear_pointer (&err, g_free);

  /* --document is required */
  g_assert_cmpint (run_app (&out, &err, "--print-pdf", pdf, f->sample, NULL), ==, 2);
  assert_one_sentence (err);
  g_clear_pointer (&err, g_free);
  /* an ID the workbook does not have */
  g_assert_cmpint (run_app (&out, &err, "--print-pdf", pdf, "--document=4200", f->sample, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "no document with the ID 4200"));
  assert_one_sentence (err);
}

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *in = ll_test_data_path ("docbook/pandoc.in.xml");
  g_autofree char *xml_path = g_build_filename (f->dir, "again.xml", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *list = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LlWorkbook) workbook = NULL;
  LlNarrative *narrative;

  g_autofree char *listed = NULL;

  g_assert_cmpint (run_app (&out, &err, "--import-docbook", in, f->sample, NULL), ==, 0);
  /* the new document's ID, after the sample's */
  g_assert_true (g_str_has_suffix (out, "\n"));
  id = g_strstrip (g_strdup (out));
  g_assert_cmpuint (g_ascii_strtoull (id, NULL, 10), >, 2);
  /* what was simplified is said, on stderr */
  g_assert_nonnull (strstr (err, "image"));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_app (&list, NULL, "--list", f->sample, NULL), ==, 0);
  listed = g_strdup_printf ("vision\t%s\t", id);
  g_assert_nonnull (strstr (list, listed));

  workbook = ll_workbook_open (f->sample, LL_WORKBOOK_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  narrative = ll_workbook_find_narrative (workbook, g_ascii_strtoll (id, NULL, 10));
  g_assert_nonnull (narrative);
  g_assert_cmpuint (g_list_model_get_n_items (ll_narrative_get_sections (narrative)), >=, 2);
  g_clear_object (&workbook);

  /* the imported narrative exports as valid DocBook */
  g_assert_cmpint (run_app (&out, &err, "--export-docbook", xml_path, "--document", id, f->sample, NULL), ==, 0);
  ll_test_assert_docbook_valid (xml_path);
}

/* A Word document turned into DocBook by pandoc, as the users do. */
static void
test_import_from_word (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *in = ll_test_data_path ("import/pandoc-from-word.xml");
  g_autofree char *xml_path = g_build_filename (f->dir, "word.xml", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LlWorkbook) workbook = NULL;
  LlNarrative *narrative;
  const char *titles[] = {
    "Introduction", "Why we want to build better learners", "How we will know it is working",
  };

  g_assert_cmpint (run_app (&out, &err, "--import-docbook", in, f->sample, NULL), ==, 0);
  id = g_strstrip (g_steal_pointer (&out));
  g_assert_cmpuint (g_ascii_strtoull (id, NULL, 10), >, 2);
  /* the table could not be kept as a table, and the user is told */
  g_assert_cmpstr (err, ==, "1 table became paragraphs, one for each row.\n");

  workbook = ll_workbook_open (f->sample, LL_WORKBOOK_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  narrative = ll_workbook_find_narrative (workbook, g_ascii_strtoll (id, NULL, 10));
  g_assert_cmpstr (ll_narrative_get_title (narrative), ==, "Our Vision for Learning at Brookfield Primary");
  g_assert_cmpstr (ll_narrative_get_author (narrative), ==, "Siân Ó Briain");
  g_assert_cmpuint (g_list_model_get_n_items (ll_narrative_get_sections (narrative)), ==, G_N_ELEMENTS (titles));
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(LlNarrativeSection) section = g_list_model_get_item (ll_narrative_get_sections (narrative), i);

      g_assert_cmpstr (ll_narrative_section_get_title (section), ==, titles[i]);
    }
  g_clear_object (&workbook);

  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_app (&out, &err, "--export-docbook", xml_path, "--document", id, f->sample, NULL), ==, 0);
  ll_test_assert_docbook_valid (xml_path);
  g_assert_true (g_file_get_contents (xml_path, &xml, NULL, NULL));
  /* the sub-heading, the quotation's attribution, emphasis and the link survive */
  g_assert_nonnull (strstr (xml, "<title>What this means in classrooms</title>"));
  g_assert_nonnull (strstr (xml, "<attribution>Sir Michael Bichard</attribution>"));
  g_assert_nonnull (strstr (xml, "<emphasis role=\"strong\">every child</emphasis>"));
  g_assert_nonnull (strstr (xml, "xlink:href=\"https://www.buildinglearningpower.com\""));
  g_assert_nonnull (strstr (xml, "<para>Pupils who can describe a strategy; 40%; 75%</para>"));
}

/* Hostile or broken XML gets one clear sentence and imports nothing. */
static void
test_import_hostile (Fixture       *f,
                     gconstpointer  data)
{
  const char *names[] = { "billion-laughs.xml", "external-entity.xml", "truncated.xml", "not-docbook.xml" };
  g_autofree char *before = ll_test_file_checksum (f->sample);
  g_autofree char *after = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *in = g_build_filename (f->dir, names[i], NULL);
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      const char *content[] = {
        "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>"
        "<article xmlns=\"http://docbook.org/ns/docbook\" version=\"5.0\"><para>&lol2;</para></article>",
        "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        "<article xmlns=\"http://docbook.org/ns/docbook\" version=\"5.0\"><para>&x;</para></article>",
        "<article xmlns=\"http://docbook.org/ns/docbook\" version=\"5.0\"><info><title>Cut",
        "<html><body><p>Not DocBook</p></body></html>",
      };

      g_assert_true (g_file_set_contents (in, content[i], -1, NULL));
      g_assert_cmpint (run_app (&out, &err, "--import-docbook", in, f->sample, NULL), ==, 1);
      g_assert_cmpstr (out, ==, "");
      assert_one_sentence (err);
      g_assert_null (strstr (err, "root:"));
    }
  after = ll_test_file_checksum (f->sample);
  g_assert_cmpstr (before, ==, after);
}

static void
test_check (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_app (&out, &err, "--check", f->sample, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Integrity: ok"));
  g_assert_nonnull (strstr (out, "Result: no problems found"));
}

/* No input makes it crash, and no bad file is changed. */
static void
test_bad_inputs (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *junk = g_build_filename (f->dir, "junk.llw", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.llw", NULL);
  g_autofree char *xml = g_build_filename (f->dir, "out.xml", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *actions[] = { "--list", "--check", "--export-docbook=", "--print-pdf=" };

  g_assert_true (g_file_set_contents (junk, "\x01\x02not a workbook at all\xff", -1, NULL));
  before = ll_test_file_checksum (junk);

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_autofree char *action = g_str_has_suffix (actions[i], "=")
                                ? g_strconcat (actions[i], xml, NULL) : g_strdup (actions[i]);
      const char *files[] = { junk, missing };

      for (guint j = 0; j < G_N_ELEMENTS (files); j++)
        {
          g_autofree char *out = NULL;
          g_autofree char *err = NULL;
          int status = run_app (&out, &err, action, "--document=1", files[j], NULL);

          g_assert_cmpint (status, ==, 1);
          g_assert_cmpstr (out, !=, NULL);
          if (!g_str_equal (actions[i], "--check"))
            {
              g_assert_cmpstr (out, ==, "");
              assert_one_sentence (err);
            }
        }
    }
  after = ll_test_file_checksum (junk);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    /* two actions, no file, unknown option */
    g_assert_cmpint (run_app (&out, &err, "--list", "--check", f->sample, NULL), ==, 2);
    assert_one_sentence (err);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run_app (&out, &err, "--list", NULL), ==, 2);
    assert_one_sentence (err);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run_app (&out, &err, "--list", "--no-such-option", f->sample, NULL), ==, 2);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run_app (&out, &err, "--export-docbook=x.xml", "--document=abc", f->sample, NULL), ==, 2);
    assert_one_sentence (err);
  }
}

static gboolean
has_side_files (const char *path)
{
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  return g_file_test (shm, G_FILE_TEST_EXISTS) || g_file_test (journal, G_FILE_TEST_EXISTS);
}

/* Reading commands see what the app has saved while it has the workbook
 * open, and what a crash left in the log; they change no byte of the
 * file or its log and make no file beside them. */
static void
test_read_with_log (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *crashed = g_build_filename (f->dir, "Crashed.llw", NULL);
  g_autofree char *crashed_wal = g_strconcat (crashed, "-wal", NULL);
  g_autofree char *sample_wal = g_strconcat (f->sample, "-wal", NULL);
  g_autofree char *xml = g_build_filename (f->dir, "out.xml", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "out.pdf", NULL);
  g_autofree char *export = g_strconcat ("--export-docbook=", xml, NULL);
  g_autofree char *print = g_strconcat ("--print-pdf=", pdf, NULL);
  g_autofree char *before = NULL;
  g_autofree char *wal_before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *wal_after = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LlWorkbook) workbook = NULL;
  gsize len = 0;
  const char *actions[] = { "--list", "--check", export, print };

  workbook = ll_workbook_open (f->sample, LL_WORKBOOK_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  ll_school_set_name (ll_workbook_get_school (workbook), "Renamed While Open");
  /* written after a pause in the typing; at once here */
  g_assert_true (ll_workbook_flush (workbook, &error));

  /* while it is open: what was saved shows */
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (run_app (&out, &err, "--list", f->sample, NULL), ==, 0);
    g_assert_nonnull (strstr (out, "School profile: Renamed While Open"));
  }

  /* a crash leaves the file and its log */
  g_assert_true (g_file_get_contents (f->sample, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (crashed, contents, len, NULL));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (sample_wal, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 0);
  g_assert_true (g_file_set_contents (crashed_wal, contents, len, NULL));
  g_clear_object (&workbook);
  before = ll_test_file_checksum (crashed);
  wal_before = ll_test_file_checksum (crashed_wal);

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (run_app (&out, &err, actions[i], "--document=1", crashed, NULL), ==, 0);
      if (i == 0)
        g_assert_nonnull (strstr (out, "School profile: Renamed While Open"));
      if (i == 1)
        g_assert_nonnull (strstr (out, "no problems found"));
      g_assert_false (has_side_files (crashed));
    }
  after = ll_test_file_checksum (crashed);
  wal_after = ll_test_file_checksum (crashed_wal);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpstr (wal_before, ==, wal_after);
}

/* A file name that is not UTF-8 works like any other. */
static void
test_non_utf8_name (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "Sch\xe9ma.llw", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_app (&out, &err, "--generate-sample", path, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (run_app (&out, &err, "--list", path, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Ashcombe Vale"));
  g_assert_cmpint (run_app (&out, &err, "--check", path, NULL), ==, 0);
  g_assert_true (g_utf8_validate (out, -1, NULL));
  g_assert_nonnull (strstr (out, "Workbook: Sch\xef\xbf\xbdma.llw"));
}

/* A named pipe, a folder or a device given as FILE is refused at once
 * with one sentence; `timeout` makes a hang fail the test. */
static void
test_not_regular (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *fifo = g_build_filename (f->dir, "Pipe.llw", NULL);
  g_autofree char *folder = g_build_filename (f->dir, "Folder.llw", NULL);
  g_autofree char *xml = g_build_filename (f->dir, "out.xml", NULL);
  g_autofree char *export = g_strconcat ("--export-docbook=", xml, NULL);
  const char *files[] = { fifo, folder, "/dev/null" };
  const char *actions[] = { "--list", "--check", export };

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    for (guint j = 0; j < G_N_ELEMENTS (actions); j++)
      {
        const char *argv[] = { "timeout", "20", g_getenv ("LL_BINARY"), actions[j], "--document=1",
                               files[i], NULL };
        g_autofree char *out = NULL;
        g_autofree char *err = NULL;

        g_assert_cmpint (ll_test_spawn (argv, &out, &err), ==, 1);
        if (g_str_equal (actions[j], "--check"))
          g_assert_nonnull (strstr (out, "Leading Learning workbook"));
        else
          {
            g_assert_cmpstr (out, ==, "");
            assert_one_sentence (err);
          }
      }
  g_assert_false (g_file_test (xml, G_FILE_TEST_EXISTS));
}

/* An observation in a workbook (the frozen one of version 4) is listed,
 * exported as valid DocBook and printed by its ID. */
static void
test_observation (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *frozen = ll_test_data_path ("workbooks/version-4.llw");
  g_autofree char *path = g_build_filename (f->dir, "Observed.llw", NULL);
  g_autofree char *xml = g_build_filename (f->dir, "observation.xml", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "observation.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (frozen, &contents, &length, NULL));
  g_assert_true (g_file_set_contents_full (path, contents, (gssize) length, G_FILE_SET_CONTENTS_NONE, 0600, NULL));
  g_assert_cmpint (run_app (&out, &err, "--list", path, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "observation\t3\tYear 4 science, 4 March\n"));

  g_assert_cmpint (run_app (&out, &err, "--export-docbook", xml, "--document=3", path, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  ll_test_assert_docbook_valid (xml);
  g_assert_cmpint (run_app (&out, &err, "--print-pdf", pdf, "--document=3", path, NULL), ==, 0);
  text = ll_test_pdf_text (pdf);
  g_assert_nonnull (strstr (text, "Tom Whitlock"));
  g_assert_nonnull (strstr (text, "Kept going after a wrong start"));
  g_assert_nonnull (strstr (text, "Agreed: Plan before starting"));
}

/* The namespace of framework files (ll-framework-xml.h) */
#define FRAMEWORK_NS "https://leadinglearning.org/ns/framework/1"

/* A workbook with a school year of sample observations up to June 2026,
 * and one more whose note is in French over two lines. */
static char *
make_observed (Fixture    *f,
               const char *name)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LlStore) store = ll_store_create (path, &error);
  g_autoptr(GPtrArray) builtin = ll_framework_list_builtin ();
  gint64 framework, teacher, observer, id;

  g_assert_no_error (error);
  framework = ll_store_save_framework (store, 0, g_ptr_array_index (builtin, 0), &error);
  g_assert_no_error (error);
  teacher = ll_store_insert_person (store, "Priya Shah", "teacher", &error);
  observer = ll_store_insert_person (store, "Helen Marsh", "headteacher", &error);
  g_assert_no_error (error);
  {
    gint64 teachers[] = { teacher };
    gint64 observers[] = { observer };
    LlObservationSampleSetup setup = {
      framework, g_ptr_array_index (builtin, 0), observers, 1, teachers, 1, "2026-06-30",
    };

    g_assert_true (ll_observation_sample_add (store, &setup, 1, &error));
    g_assert_no_error (error);
  }
  id = ll_store_insert_observation (store, "Année 4", framework, "2026-03-10", &error);
  g_assert_no_error (error);
  ll_store_update_observation_number (store, id, LL_STORE_OBSERVATION_TEACHER, teacher, &error);
  ll_store_insert_note (store, id, 7, "", "Zoë a dit « encore »,\npuis a réessayé", &error);
  g_assert_no_error (error);
  ll_store_close (store);
  return g_steal_pointer (&path);
}

/* The whole contents of @path, which must exist. */
static GBytes *
file_bytes (const char *path)
{
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_bytes_new_take (contents, length);
}

/* Every note of every observation, read back by Python's csv module: the
 * header, one record per note, and the accented note with its line
 * break as it was typed. */
static void
test_export_csv (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = make_observed (f, "Observed.llw");
  g_autofree char *csv = g_build_filename (f->dir, "notes.csv", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) records = NULL;
  const char *script =
    "import csv, sys\n"
    "with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:\n"
    "    for row in csv.reader(f):\n"
    "        sys.stdout.write('\\x1f'.join(row) + '\\x1e')\n";
  gboolean found = FALSE;
  GStatBuf st;

  g_autoptr(GBytes) before = file_bytes (path);
  g_autoptr(GBytes) after = NULL;

  g_assert_cmpint (run_app (&out, &err, "--export-csv", csv, path, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpstr (out, ==, "");
  /* a reading command: the workbook keeps every byte */
  after = file_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpint (g_stat (csv, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0077, ==, 0);
  {
    const char *argv[] = { "python3", "-c", script, csv, NULL };

    g_assert_cmpint (ll_test_spawn (argv, &out, &err), ==, 0);
  }
  g_assert_cmpstr (err, ==, "");
  records = g_strsplit (out, "\x1e", -1);
  /* the header, the sample's notes and the one added, and the empty end */
  g_assert_cmpuint (g_strv_length (records), >, 3);
  g_assert_true (g_str_has_prefix (records[0], "Date\x1fObserver\x1fTeacher\x1f"));
  g_assert_true (g_str_has_suffix (records[0], "\x1fNote"));
  for (guint i = 1; records[i] != NULL && records[i][0] != '\0'; i++)
    {
      g_auto(GStrv) cells = g_strsplit (records[i], "\x1f", -1);

      g_assert_cmpuint (g_strv_length (cells), ==, 9);
      if (g_str_equal (cells[8], "Zoë a dit « encore »,\npuis a réessayé"))
        {
          g_assert_cmpstr (cells[0], ==, "2026-03-10");
          g_assert_cmpstr (cells[2], ==, "Priya Shah");
          g_assert_cmpstr (cells[6], ==, "7");
          found = TRUE;
        }
    }
  g_assert_true (found);
}

/* A framework is written by its name; a name the workbook does not have
 * is one sentence, and nothing is written. */
static void
test_export_framework (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = make_observed (f, "Observed.llw");
  g_autofree char *xml = g_build_filename (f->dir, "framework.xml", NULL);
  g_autoptr(GPtrArray) builtin = ll_framework_list_builtin ();
  const char *name = ll_framework_get_name (g_ptr_array_index (builtin, 0));
  g_autofree char *option = g_strconcat ("--framework=", name, NULL);
  g_autofree char *contents = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *rng = g_build_filename (g_getenv ("LL_SOURCE_ROOT"), "data",
                                           "leading-learning-framework.rng", NULL);

  g_assert_cmpint (run_app (&out, &err, "--export-framework", xml, option, path, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  ll_test_assert_valid_against (xml, rng);
  g_assert_true (g_file_get_contents (xml, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, name));
  g_assert_cmpint (g_remove (xml), ==, 0);

  g_assert_cmpint (run_app (&out, &err, "--export-framework", xml, "--framework=No Such Framework", path, NULL),
                   ==, 1);
  g_assert_cmpstr (out, ==, "");
  assert_one_sentence (err);
  g_assert_nonnull (strstr (err, "No Such Framework"));
  g_assert_false (g_file_test (xml, G_FILE_TEST_EXISTS));

  /* --framework is needed */
  g_assert_cmpint (run_app (&out, &err, "--export-framework", xml, path, NULL), ==, 2);
  assert_one_sentence (err);
  g_assert_false (g_file_test (xml, G_FILE_TEST_EXISTS));
}

/* A framework file that is malformed, unsafe or not a framework is
 * refused with one sentence, and the workbook keeps every byte. */
static void
test_import_framework_hostile (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *path = make_observed (f, "Observed.llw");
  g_autoptr(GBytes) before = file_bytes (path);
  const char *content[] = {
    /* malformed */
    "<framework xmlns=\"" FRAMEWORK_NS "\" version=\"1\"><name>Half",
    /* an internal entity */
    "<?xml version=\"1.0\"?><!DOCTYPE framework [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;\">]>"
    "<framework xmlns=\"" FRAMEWORK_NS "\" version=\"1\"><name>&b;</name>"
    "<scale><level>No</level><level>Yes</level></scale>"
    "<group id=\"g\"><name>G</name><behaviour id=\"b\"><name>B</name></behaviour></group></framework>",
    /* an external entity */
    "<?xml version=\"1.0\"?><!DOCTYPE framework [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
    "<framework xmlns=\"" FRAMEWORK_NS "\" version=\"1\"><name>&x;</name>"
    "<scale><level>No</level><level>Yes</level></scale>"
    "<group id=\"g\"><name>G</name><behaviour id=\"b\"><name>B</name></behaviour></group></framework>",
    /* well-formed, but not what the schema allows */
    "<framework xmlns=\"" FRAMEWORK_NS "\" version=\"1\"><name>N</name>"
    "<scale><level>No</level><level>Yes</level></scale>"
    "<group id=\"g\"><name>G</name><behaviour id=\"b\"><name>B</name></behaviour></group>"
    "<script>alert(1)</script></framework>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (content); i++)
    {
      g_autofree char *name = g_strdup_printf ("hostile-%u.xml", i);
      g_autofree char *in = g_build_filename (f->dir, name, NULL);
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autoptr(GBytes) after = NULL;

      g_assert_true (g_file_set_contents (in, content[i], -1, NULL));
      g_assert_cmpint (run_app (&out, &err, "--import-framework", in, path, NULL), ==, 1);
      g_assert_cmpstr (out, ==, "");
      assert_one_sentence (err);
      g_assert_null (strstr (err, "root:"));
      after = file_bytes (path);
      g_assert_true (g_bytes_equal (before, after));
    }
}

/* A framework exported, imported into another workbook and exported
 * from there is the same file; it cannot be imported twice. */
static void
test_framework_round_trip (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *path = make_observed (f, "Observed.llw");
  g_autofree char *first = g_build_filename (f->dir, "first.xml", NULL);
  g_autofree char *second = g_build_filename (f->dir, "second.xml", NULL);
  g_autoptr(GPtrArray) builtin = ll_framework_list_builtin ();
  const char *name = ll_framework_get_name (g_ptr_array_index (builtin, 0));
  g_autofree char *option = g_strconcat ("--framework=", name, NULL);
  g_autoptr(GBytes) first_bytes = NULL;
  g_autoptr(GBytes) second_bytes = NULL;
  g_autoptr(LlWorkbook) workbook = NULL;
  g_autoptr(GPtrArray) frameworks = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *empty = g_build_filename (f->dir, "Empty.llw", NULL);
  g_autoptr(LlStore) store = NULL;

  /* into a workbook with no framework yet */
  store = ll_store_create (empty, &error);
  g_assert_no_error (error);
  ll_store_close (store);
  g_assert_cmpint (run_app (&out, &err, "--export-framework", first, option, path, NULL), ==, 0);
  g_assert_cmpint (run_app (&out, &err, "--import-framework", first, empty, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpstr (out, ==, "");
  workbook = ll_workbook_open (empty, LL_WORKBOOK_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  frameworks = ll_workbook_list_frameworks (workbook, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (frameworks->len, ==, 1);
  g_assert_cmpstr (ll_framework_get_name (g_ptr_array_index (frameworks, 0)), ==, name);
  g_clear_object (&workbook);

  g_assert_cmpint (run_app (&out, &err, "--export-framework", second, option, empty, NULL), ==, 0);
  first_bytes = file_bytes (first);
  second_bytes = file_bytes (second);
  g_assert_true (g_bytes_equal (first_bytes, second_bytes));

  g_assert_cmpint (run_app (&out, &err, "--import-framework", first, empty, NULL), ==, 1);
  assert_one_sentence (err);
}

/* Each term with observations has a summary, listed by a stable ID,
 * exported as valid DocBook with its chart, and printed. */
static void
test_observation_summary (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *path = make_observed (f, "Observed.llw");
  g_autofree char *xml = g_build_filename (f->dir, "summary.xml", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "summary.pdf", NULL);
  g_autofree char *folder = g_build_filename (f->dir, "all", NULL);
  g_autofree char *all_summary = g_build_filename (folder, "summary-2025-autumn.xml", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpint (run_app (&out, &err, "--list", path, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_nonnull (strstr (out,
                            "observation-summary\tsummary-2025-autumn\tObservations, Autumn term 2025\n"
                            "observation-summary\tsummary-2025-spring\tObservations, Spring term 2026\n"
                            "observation-summary\tsummary-2025-summer\tObservations, Summer term 2026\n"));

  g_assert_cmpint (run_app (&out, &err, "--export-docbook", xml, "--document=summary-2025-spring", path, NULL),
                   ==, 0);
  g_assert_cmpstr (err, ==, "");
  ll_test_assert_docbook_valid (xml);
  g_assert_true (g_file_get_contents (xml, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Observations, Spring term 2026"));
  g_assert_nonnull (strstr (contents, "<imagedata"));

  g_assert_cmpint (run_app (&out, &err, "--print-pdf", pdf, "--document=summary-2025-autumn", path, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  text = ll_test_pdf_text (pdf);
  g_assert_nonnull (strstr (text, "Autumn term 2025"));

  g_assert_cmpint (run_app (&out, &err, "--export-docbook", folder, path, NULL), ==, 0);
  ll_test_assert_docbook_valid (all_summary);

  /* a term without observations has no summary */
  g_assert_cmpint (run_app (&out, &err, "--export-docbook", xml, "--document=summary-2030-autumn", path, NULL),
                   ==, 1);
  g_assert_cmpstr (out, ==, "");
  assert_one_sentence (err);
  g_assert_nonnull (strstr (err, "summary-2030-autumn"));
}

/* The ID of the first portfolio of the sample at @status, as --list
 * writes it. */
static char *
sample_portfolio (Fixture           *f,
                  LlPortfolioStatus  status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlWorkbook) workbook = ll_workbook_open (f->sample, LL_WORKBOOK_OPEN_READ_ONLY, &error);
  g_autoptr(GPtrArray) documents = NULL;

  g_assert_no_error (error);
  documents = ll_workbook_list_documents (workbook, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < documents->len; i++)
    {
      LlDocumentInfo *info = g_ptr_array_index (documents, i);
      g_autoptr(LlPortfolio) portfolio = NULL;

      if (!g_str_equal (ll_document_info_get_kind (info), "portfolio"))
        continue;
      portfolio = ll_workbook_open_portfolio (workbook, ll_document_info_get_id (info), &error);
      g_assert_no_error (error);
      if (ll_portfolio_get_status (portfolio) == status)
        return ll_workbook_dup_document_name (workbook, ll_document_info_get_id (info));
    }
  g_assert_not_reached ();
}

/* --requirements prints a line for each requirement and exits 0 only
 * when every one is met; it changes nothing. */
static void
test_requirements (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *verified = sample_portfolio (f, LL_PORTFOLIO_VERIFIED);
  g_autofree char *started = sample_portfolio (f, LL_PORTFOLIO_IN_PROGRESS);
  g_autofree char *verified_arg = g_strconcat ("--document=", verified, NULL);
  g_autofree char *started_arg = g_strconcat ("--document=", started, NULL);
  g_autofree char *before = ll_test_file_checksum (f->sample);
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (run_app (&out, &err, "--requirements", verified_arg, f->sample, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  lines = g_strsplit (out, "\n", -1);
  /* eleven requirements, the summary, and the end of the last line */
  g_assert_cmpuint (g_strv_length (lines), ==, 13);
  for (guint i = 0; i < 11; i++)
    g_assert_true (g_str_has_prefix (lines[i], "met "));
  g_assert_cmpstr (lines[11], ==, "11 of 11 requirements met");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* the first participant of the sample has written one reflection */
  g_assert_cmpint (run_app (&out, &err, "--requirements", started_arg, f->sample, NULL), ==, 1);
  g_assert_cmpstr (err, ==, "");
  g_assert_nonnull (strstr (out, "not met  Reflections on 3 cluster group meetings: "
                                 "Write 3 more cluster reflections (0 of 3)\n"));
  g_assert_nonnull (strstr (out, "Record when the outcomes were presented to staff\n"));
  g_assert_nonnull (strstr (out, "met      Entries dated within the programme's year\n"));
  g_assert_true (g_str_has_suffix (out, "1 of 11 requirements met\n"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* no portfolio named, or a document that is not one */
  g_assert_cmpint (run_app (&out, &err, "--requirements", f->sample, NULL), ==, 2);
  assert_one_sentence (err);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_app (&out, &err, "--requirements", "--document=1", f->sample, NULL), ==, 1);
  assert_one_sentence (err);
  g_assert_cmpstr (out, ==, "");
  after = ll_test_file_checksum (f->sample);
  g_assert_cmpstr (before, ==, after);
}

/* Portfolios are listed, and export and print through their kind. */
static void
test_portfolio_documents (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *id = sample_portfolio (f, LL_PORTFOLIO_CERTIFIED);
  g_autofree char *document_arg = g_strconcat ("--document=", id, NULL);
  g_autofree char *xml = g_build_filename (f->dir, "portfolio.xml", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "portfolio.pdf", NULL);
  g_autofree char *xml_arg = g_strconcat ("--export-docbook=", xml, NULL);
  g_autofree char *pdf_arg = g_strconcat ("--print-pdf=", pdf, NULL);
  g_autofree char *line = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpint (run_app (&out, &err, "--list", f->sample, NULL), ==, 0);
  line = g_strdup_printf ("portfolio\t%s\tPortfolio: ", id);
  g_assert_nonnull (strstr (out, line));
  g_assert_nonnull (strstr (out, "\tPortfolio: Siân Pritchard\n"));
  g_assert_nonnull (strstr (out, "\tPortfolio: Zoë Okafor\n"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_app (&out, &err, xml_arg, document_arg, f->sample, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  ll_test_assert_docbook_valid (xml);
  g_assert_true (g_file_get_contents (xml, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<book"));
  g_assert_nonnull (strstr (contents, "<title>The analytical story of the work-based activity</title>"));
  g_assert_nonnull (strstr (contents, "<title>What I learnt about leadership</title>"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_app (&out, &err, pdf_arg, document_arg, f->sample, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  text = ll_test_pdf_text (pdf);
  g_assert_nonnull (strstr (text, "Reflections on the cluster group meetings"));
  g_assert_nonnull (strstr (text, "Certified"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_assert_nonnull (g_getenv ("LL_BINARY"));

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/help-lists-actions", test_help_lists_actions);
#define ADD(name, func) \
  g_test_add ("/cli/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("list", test_list);
  ADD ("generate-sample-scale", test_generate_sample_scale);
  ADD ("export-one", test_export_one);
  ADD ("export-all", test_export_all);
  ADD ("print-pdf", test_print_pdf);
  ADD ("export-vision", test_export_vision);
  ADD ("exports-private", test_exports_private);
  ADD ("check", test_check);
  ADD ("import", test_import);
  ADD ("import-from-word", test_import_from_word);
  ADD ("import-hostile", test_import_hostile);
  ADD ("bad-inputs", test_bad_inputs);
  ADD ("not-regular", test_not_regular);
  ADD ("read-with-log", test_read_with_log);
  ADD ("non-utf8-name", test_non_utf8_name);
  ADD ("observation", test_observation);
  ADD ("export-csv", test_export_csv);
  ADD ("export-framework", test_export_framework);
  ADD ("import-framework-hostile", test_import_framework_hostile);
  ADD ("framework-round-trip", test_framework_round_trip);
  ADD ("observation-summary", test_observation_summary);
  ADD ("requirements", test_requirements);
  ADD ("portfolio-documents", test_portfolio_documents);
#undef ADD
  return g_test_run ();
}
