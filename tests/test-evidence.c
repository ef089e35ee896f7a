/* test-evidence.c: the evidence files of a portfolio: added, listed and
 * read back whole, refused when too large, unreadable or of another
 * type, never read when the workbook opens, locked with the portfolio,
 * in the book, its folder of images and the PDF, and on the command
 * line */
#include "config.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ll-doc.h"
#include "ll-docbook.h"
#include "ll-png.h"
#include "ll-portfolio-evidence.h"
#include "ll-print.h"
#include "ll-sample.h"
#include "ll-store-evidence.h"
#include "ll-test-util.h"
#include "ll-workbook.h"
#include "ll-workbook-portfolios.h"
#include "ll-workbook-private.h"

/* what g_format_size() puts between a number and its unit */
#define NBSP "\u00a0"

typedef struct
{
  char        *dir;
  char        *path;
  LlWorkbook  *workbook;
  LlPortfolio *portfolio;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlParticipant) participant = ll_participant_new ();
  LlPerson *person;

  f->dir = ll_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "Evidence.llw", NULL);
  f->workbook = ll_workbook_create (f->path, &error);
  g_assert_no_error (error);
  person = ll_workbook_add_person (f->workbook, "Siân Pritchard", LL_ROLE_TEACHING_ASSISTANT, &error);
  g_assert_no_error (error);
  participant->person_id = ll_person_get_id (person);
  f->portfolio = ll_workbook_add_portfolio (f->workbook, participant, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->portfolio);
  g_clear_object (&f->workbook);
  ll_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  gint64 id = ll_portfolio_get_id (f->portfolio);

  g_assert_true (ll_workbook_flush (f->workbook, &error));
  g_clear_object (&f->portfolio);
  g_clear_object (&f->workbook);
  f->workbook = ll_workbook_open (f->path, LL_WORKBOOK_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->portfolio = ll_workbook_open_portfolio (f->workbook, id, &error);
  g_assert_no_error (error);
}

/* A PNG of @width × @height, a gradient. */
static GBytes *
make_png (guint width,
          guint height)
{
  g_autofree guint8 *rgb = g_malloc ((gsize) width * height * 3);

  for (guint y = 0; y < height; y++)
    for (guint x = 0; x < width; x++)
      {
        guint8 *px = rgb + ((gsize) y * width + x) * 3;

        px[0] = (guint8) (x * 255 / width);
        px[1] = (guint8) (y * 255 / height);
        px[2] = 160;
      }
  return ll_png_encode_rgb (rgb, width, height);
}

/* Writes @bytes to a file called @name in the fixture's folder. */
static GFile *
write_file (Fixture    *f,
            const char *name,
            GBytes     *bytes)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes),
                                      &error));
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static GFile *
write_text (Fixture    *f,
            const char *name,
            const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return write_file (f, name, bytes);
}

/* A file that starts as a PNG and is @size bytes long, mostly noise. */
static GFile *
write_large_png (Fixture    *f,
                 const char *name,
                 gsize       size)
{
  g_autoptr(GBytes) png = make_png (8, 8);
  g_autofree guint8 *data = g_malloc (size);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  g_assert_cmpuint (size, >, g_bytes_get_size (png));
  memcpy (data, g_bytes_get_data (png, NULL), g_bytes_get_size (png));
  for (gsize i = g_bytes_get_size (png); i < size; i++)
    data[i] = (guint8) g_rand_int (rand);
  bytes = g_bytes_new_take (g_steal_pointer (&data), size);
  return write_file (f, name, bytes);
}

static LlEvidence *
add (Fixture    *f,
     GFile      *file,
     gint64      entry_id,
     const char *caption)
{
  g_autoptr(GError) error = NULL;
  LlEvidence *evidence = ll_portfolio_add_evidence (f->portfolio, file, entry_id, caption, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (evidence);
  return evidence;
}

static char *
file_sha256 (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);

  return ll_test_file_checksum (path);
}

/* What is added is listed with its size, type and SHA-256, and reads back
 * byte for byte, after the workbook is closed and opened again too. */
static void
test_add_and_read_back (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = make_png (120, 80);
  g_autoptr(GFile) image = write_file (f, "chart.png", png);
  g_autoptr(GFile) notes = write_text (f, "notes.txt", "What we agreed.\nWho does what.\n");
  g_autoptr(GFile) large = write_large_png (f, "photo.png", 3 * 1000 * 1000 + 17);
  g_autoptr(GFile) saved = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *copy_dir = NULL;
  LlPortfolioEntry *entry;
  LlEvidence *evidence;
  GListModel *list;
  GStatBuf st;
  gint64 entry_id;

  entry = ll_portfolio_add_entry (f->portfolio, LL_ENTRY_REFLECTION, LL_STORY_NONE, "2025-10-01", &error);
  g_assert_no_error (error);
  entry_id = ll_portfolio_entry_get_id (entry);
  add (f, image, entry_id, "Talk partners, before and after");
  add (f, notes, 0, NULL);
  add (f, large, 0, "  The hall  ");

  reopen (f);
  list = ll_portfolio_get_evidence (f->portfolio, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      GFile *files[] = { image, notes, large };
      g_autoptr(LlEvidence) item = g_list_model_get_item (list, i);
      g_autoptr(GBytes) bytes = ll_portfolio_read_evidence (f->portfolio, item, &error);
      g_autofree char *expected = file_sha256 (files[i]);
      g_autofree char *actual = NULL;
      g_autofree char *contents = NULL;
      gsize length = 0;

      g_assert_no_error (error);
      actual = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
      g_assert_cmpstr (actual, ==, expected);
      g_assert_cmpstr (ll_evidence_get_sha256 (item), ==, expected);
      g_assert_true (g_file_load_contents (files[i], NULL, &contents, &length, NULL, NULL));
      g_assert_cmpuint (ll_evidence_get_size (item), ==, length);
      g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), contents, length);
    }
  evidence = ll_portfolio_find_evidence (f->portfolio, 1);
  g_assert_nonnull (evidence);
  g_assert_cmpstr (ll_evidence_get_name (evidence), ==, "chart.png");
  g_assert_cmpstr (ll_evidence_get_mime_type (evidence), ==, "image/png");
  g_assert_true (ll_evidence_get_is_image (evidence));
  g_assert_cmpstr (ll_evidence_get_caption (evidence), ==, "Talk partners, before and after");
  g_assert_cmpint (ll_evidence_get_entry_id (evidence), ==, entry_id);
  evidence = ll_portfolio_find_evidence (f->portfolio, 2);
  g_assert_cmpstr (ll_evidence_get_mime_type (evidence), ==, "text/plain");
  g_assert_false (ll_evidence_get_is_image (evidence));
  g_assert_cmpstr (ll_evidence_get_label (evidence), ==, "notes.txt");
  evidence = ll_portfolio_find_evidence (f->portfolio, 3);
  g_assert_cmpstr (ll_evidence_get_caption (evidence), ==, "  The hall  ");

  /* saved elsewhere, and as a private copy to open */
  {
    g_autofree char *path = g_build_filename (f->dir, "saved.png", NULL);
    g_autofree char *expected = file_sha256 (large);
    g_autofree char *actual = NULL;

    saved = g_file_new_for_path (path);
    g_assert_true (ll_portfolio_save_evidence (f->portfolio, evidence, saved, NULL, &error));
    g_assert_no_error (error);
    actual = file_sha256 (saved);
    g_assert_cmpstr (actual, ==, expected);
  }
  copy = ll_portfolio_dup_evidence_copy (f->portfolio, evidence, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (copy, "/photo.png"));
  g_assert_cmpint (g_stat (copy, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint ((gint64) st.st_size, ==, (gint64) ll_evidence_get_size (evidence));
  copy_dir = g_path_get_dirname (copy);
  g_assert_cmpint (g_stat (copy_dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  ll_test_rm_rf (copy_dir);

  /* the check reads every byte and finds them whole */
  g_clear_object (&f->portfolio);
  g_clear_object (&f->workbook);
  {
    gboolean ok = FALSE;
    g_autofree char *report = ll_workbook_check (f->path, &ok);

    g_assert_true (ok);
  }
}

/* Captions and the entry supported change, and stay changed; evidence
 * goes when it is removed, and stays, supporting none, when its entry
 * goes. */
static void
test_edits (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = make_png (16, 16);
  g_autoptr(GFile) image = write_file (f, "a.png", png);
  g_autoptr(GFile) notes = write_text (f, "b.txt", "Notes\n");
  LlPortfolioEntry *entry, *other;
  LlEvidence *a, *b;
  GListModel *list;

  entry = ll_portfolio_add_entry (f->portfolio, LL_ENTRY_REFLECTION, LL_STORY_NONE, "2025-10-01", &error);
  other = ll_portfolio_add_entry (f->portfolio, LL_ENTRY_TUTORIAL, LL_STORY_NONE, "2025-10-02", &error);
  g_assert_no_error (error);
  a = add (f, image, 0, NULL);
  b = add (f, notes, ll_portfolio_entry_get_id (other), "To go");
  g_assert_true (ll_portfolio_set_evidence_caption (f->portfolio, a, " The survey ", &error));
  g_assert_cmpstr (ll_evidence_get_caption (a), ==, "The survey");
  g_assert_true (ll_portfolio_set_evidence_entry (f->portfolio, a, ll_portfolio_entry_get_id (entry), &error));
  g_assert_no_error (error);
  /* an entry of another portfolio, or none there is, is refused */
  g_assert_false (ll_portfolio_set_evidence_entry (f->portfolio, a, 9999, &error));
  g_assert_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (ll_portfolio_remove_entry (f->portfolio, other, &error));
  g_assert_cmpint (ll_evidence_get_entry_id (b), ==, 0);

  reopen (f);
  list = ll_portfolio_get_evidence (f->portfolio, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  a = ll_portfolio_find_evidence (f->portfolio, 1);
  b = ll_portfolio_find_evidence (f->portfolio, 2);
  g_assert_cmpstr (ll_evidence_get_caption (a), ==, "The survey");
  g_assert_cmpint (ll_evidence_get_entry_id (a), >, 0);
  g_assert_cmpint (ll_evidence_get_entry_id (b), ==, 0);
  g_assert_true (ll_portfolio_remove_evidence (f->portfolio, b, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  reopen (f);
  list = ll_portfolio_get_evidence (f->portfolio, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);

  /* a portfolio removed takes its evidence with it */
  {
    g_autoptr(GPtrArray) rows = NULL;
    gint64 id = ll_portfolio_get_id (f->portfolio);

    g_assert_true (ll_workbook_remove_portfolio (f->workbook, f->portfolio, &error));
    g_assert_no_error (error);
    rows = ll_store_list_evidence (_ll_workbook_get_store (f->workbook), id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (rows->len, ==, 0);
    g_assert_null (ll_store_read_evidence_bytes (_ll_workbook_get_store (f->workbook), 1, &error));
    g_assert_nonnull (error);
  }
}

static void
assert_refused (Fixture    *f,
                GFile      *file,
                int         code,
                const char *words)
{
  g_autoptr(GError) error = NULL;
  GListModel *list = ll_portfolio_get_evidence (f->portfolio, NULL);

  g_assert_null (ll_portfolio_add_evidence (f->portfolio, file, 0, NULL, NULL, &error));
  g_assert_error (error, LL_EVIDENCE_ERROR, code);
  if (g_getenv ("LL_TEST_VERBOSE") != NULL)
    g_printerr ("%s\n", error->message);
  g_assert_nonnull (strstr (error->message, words));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
}

/* A file too large, that cannot be read, or of another type is refused
 * with a sentence that names it (and for one too large, says its size
 * and the limit), and nothing is added. */
static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *big_path = g_build_filename (f->dir, "scan.pdf", NULL);
  g_autofree char *missing_path = g_build_filename (f->dir, "gone.pdf", NULL);
  g_autoptr(GFile) big = g_file_new_for_path (big_path);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GFile) folder = g_file_new_for_path (f->dir);
  g_autoptr(GFile) program = NULL;
  g_autoptr(GFile) fake = NULL;
  g_autoptr(GFile) exact = NULL;
  g_autoptr(GBytes) elf = g_bytes_new_static ("\177ELF\002\001\001\000\000\000\000\000\000\000\000\000\003\000>\000", 20);
  int fd;

  /* one byte over the limit, without writing 25 MB */
  fd = g_open (big_path, O_WRONLY | O_CREAT, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, "%PDF-1.4\n", 9), ==, 9);
  g_assert_cmpint (ftruncate (fd, LL_EVIDENCE_MAX_SIZE + 1), ==, 0);
  close (fd);
  assert_refused (f, big, LL_EVIDENCE_ERROR_TOO_LARGE, "“scan.pdf” is 25.0" NBSP "MB (");
  assert_refused (f, big, LL_EVIDENCE_ERROR_TOO_LARGE, "at most 25.0" NBSP "MB.");
  assert_refused (f, missing, LL_EVIDENCE_ERROR_UNREADABLE, "gone.pdf");
  assert_refused (f, folder, LL_EVIDENCE_ERROR_UNREADABLE, "could not be read");
  program = write_file (f, "tool", elf);
  assert_refused (f, program, LL_EVIDENCE_ERROR_UNSUPPORTED, "“tool” cannot be evidence");
  /* a name is not enough: an image, a PDF or a Word document must be one */
  fake = write_text (f, "photo.png", "not a picture at all\n");
  assert_refused (f, fake, LL_EVIDENCE_ERROR_UNSUPPORTED, "photo.png");
  g_clear_object (&fake);
  fake = write_file (f, "report.pdf", elf);
  assert_refused (f, fake, LL_EVIDENCE_ERROR_UNSUPPORTED, "report.pdf");
  g_clear_object (&fake);
  fake = write_file (f, "plan.docx", elf);
  assert_refused (f, fake, LL_EVIDENCE_ERROR_UNSUPPORTED, "plan.docx");
  g_clear_object (&fake);
  fake = write_text (f, "empty.txt", "");
  assert_refused (f, fake, LL_EVIDENCE_ERROR_UNREADABLE, "“empty.txt” is empty");

  /* what starts as a PDF or an office document is one */
  {
#define START(text) text, sizeof (text) - 1
    static const struct { const char *name; const char *start; gsize length; const char *mime_type; } good[] = {
      { "minutes.pdf", START ("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"), "application/pdf" },
      { "plan.docx", START ("PK\003\004\024\000\006\000[Content_Types].xml"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
      { "data.ods", START ("PK\003\004\024\000\000\000mimetypeapplication/vnd.oasis.opendocument.spreadsheet"),
        "application/vnd.oasis.opendocument.spreadsheet" },
      { "notes.md", START ("# Notes\n\nWhat we agreed.\n"), "text/plain" },
    };
#undef START

    for (guint i = 0; i < G_N_ELEMENTS (good); i++)
      {
        g_autoptr(GError) error = NULL;
        /* up to the end of the literal, NULs and all */
        g_autoptr(GBytes) bytes = g_bytes_new (good[i].start, good[i].length);
        g_autoptr(GFile) file = write_file (f, good[i].name, bytes);
        g_autofree char *mime_type = NULL;

        g_assert_true (ll_evidence_inspect_file (file, NULL, &mime_type, NULL, NULL, &error));
        g_assert_no_error (error);
        g_assert_cmpstr (mime_type, ==, good[i].mime_type);
      }
  }

  /* the limit itself is allowed */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *exact_path = g_build_filename (f->dir, "exact.pdf", NULL);

    fd = g_open (exact_path, O_WRONLY | O_CREAT, 0600);
    g_assert_cmpint (write (fd, "%PDF-1.4\n", 9), ==, 9);
    g_assert_cmpint (ftruncate (fd, LL_EVIDENCE_MAX_SIZE), ==, 0);
    close (fd);
    exact = g_file_new_for_path (exact_path);
    g_assert_true (ll_evidence_inspect_file (exact, NULL, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
  }
}

/* Submitted, the portfolio refuses every change to its evidence, which
 * can still be read; the submitted copy says which files went with it. */
static void
test_locked (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = make_png (16, 16);
  g_autoptr(GFile) image = write_file (f, "a.png", png);
  g_autoptr(GFile) notes = write_text (f, "b.txt", "Notes\n");
  g_autoptr(LlPortfolioSubmission) submission = NULL;
  g_autoptr(GBytes) bytes = NULL;
  LlEvidence *a;

  a = add (f, image, 0, "Before and after");
  g_assert_cmpuint (ll_portfolio_submit (f->portfolio, &error), ==, 1);
  g_assert_no_error (error);
  submission = ll_portfolio_dup_submission (f->portfolio, 1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (submission->content, "'a.png'"));
  g_assert_nonnull (strstr (submission->content, ll_evidence_get_sha256 (a)));
  g_assert_nonnull (strstr (submission->content, "Before and after"));

  g_assert_null (ll_portfolio_add_evidence (f->portfolio, notes, 0, NULL, NULL, &error));
  g_assert_error (error, LL_PORTFOLIO_ERROR, LL_PORTFOLIO_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (ll_portfolio_set_evidence_caption (f->portfolio, a, "Changed", &error));
  g_assert_error (error, LL_PORTFOLIO_ERROR, LL_PORTFOLIO_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (ll_portfolio_set_evidence_entry (f->portfolio, a, 0, &error));
  g_assert_error (error, LL_PORTFOLIO_ERROR, LL_PORTFOLIO_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (ll_portfolio_remove_evidence (f->portfolio, a, &error));
  g_assert_error (error, LL_PORTFOLIO_ERROR, LL_PORTFOLIO_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_cmpstr (ll_evidence_get_caption (a), ==, "Before and after");
  g_assert_cmpuint (g_list_model_get_n_items (ll_portfolio_get_evidence (f->portfolio, NULL)), ==, 1);
  bytes = ll_portfolio_read_evidence (f->portfolio, a, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (bytes, png));
}

/* Opening the workbook, the portfolio and its list of evidence reads
 * none of the evidence's bytes: a few pages, not the thousand of a 4 MB
 * file, which reading it shows the count would see. */
static void
test_opening_reads_no_evidence (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) large = write_large_png (f, "photo.png", 4 * 1000 * 1000);
  g_autoptr(GBytes) bytes = NULL;
  LlEvidence *evidence;
  LlStore *store;
  gint64 opening, listing, reading;

  add (f, large, 0, "The hall");
  g_assert_true (ll_workbook_flush (f->workbook, &error));
  g_clear_object (&f->portfolio);
  g_clear_object (&f->workbook);

  f->workbook = ll_workbook_open (f->path, LL_WORKBOOK_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  store = _ll_workbook_get_store (f->workbook);
  opening = ll_store_count_pages_read (store);
  f->portfolio = ll_workbook_open_portfolio (f->workbook, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (ll_portfolio_get_evidence (f->portfolio, &error)), ==, 1);
  listing = ll_store_count_pages_read (store);
  evidence = ll_portfolio_find_evidence (f->portfolio, 1);
  bytes = ll_portfolio_read_evidence (f->portfolio, evidence, &error);
  g_assert_no_error (error);
  reading = ll_store_count_pages_read (store);
  if (g_test_verbose ())
    g_test_message ("pages read: opening %" G_GINT64_FORMAT ", listing %" G_GINT64_FORMAT
                    ", reading %" G_GINT64_FORMAT, opening, listing, reading);
  g_assert_cmpint (opening, >, 0);
  g_assert_cmpint (listing, <, 100);
  /* the measure sees the bytes when they are read */
  g_assert_cmpint (reading - listing, >, 900);
}

/* The book has each image as a figure with its caption, in the section
 * of the entry it supports, and the other files listed with their size
 * and SHA-256 in a chapter of their own; it validates, with the images
 * beside it, and the PDF shows the captions and the images. */
static void
test_export_and_print (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = make_png (200, 120);
  g_autoptr(GFile) image = write_file (f, "chart.png", png);
  g_autoptr(GFile) notes = write_text (f, "minutes.txt", "We agreed to try talk partners.\n");
  g_autoptr(LlDoc) doc = NULL;
  g_autofree char *xml_path = g_build_filename (f->dir, "portfolio.xml", NULL);
  g_autofree char *images_dir = g_build_filename (f->dir, "portfolio-images", NULL);
  g_autofree char *pdf_path = g_build_filename (f->dir, "portfolio.pdf", NULL);
  g_autofree char *xml = NULL;
  g_autofree char *text = NULL;
  g_autofree char *pdfimages = NULL;
  g_autoptr(GDir) dir = NULL;
  LlPortfolioEntry *entry;
  LlEvidence *minutes;
  const char *name;
  guint n_images = 0;

  entry = ll_portfolio_add_entry (f->portfolio, LL_ENTRY_REFLECTION, LL_STORY_NONE, "2025-10-01", &error);
  g_assert_true (ll_portfolio_set_entry_text (f->portfolio, entry, LL_ENTRY_TITLE, "Talk partners", &error));
  g_assert_no_error (error);
  add (f, image, ll_portfolio_entry_get_id (entry), "Pupils who talked about their learning");
  minutes = add (f, notes, 0, "Minutes of the meeting");

  doc = ll_workbook_build_doc (f->workbook, ll_portfolio_get_id (f->portfolio), &error);
  g_assert_no_error (error);
  g_assert_true (ll_docbook_resolve_fragments (doc, &error));
  g_assert_true (ll_docbook_write_file (doc, xml_path, &error));
  g_assert_no_error (error);
  ll_test_assert_docbook_valid (xml_path);
  g_assert_true (g_file_get_contents (xml_path, &xml, NULL, NULL));
  g_assert_nonnull (strstr (xml, "<figure"));
  g_assert_nonnull (strstr (xml, "<title>Pupils who talked about their learning</title>"));
  g_assert_nonnull (strstr (xml, "<alt>Pupils who talked about their learning</alt>")
                    ? "alt" : strstr (xml, "Pupils who talked about their learning</phrase>"));
  /* the figure is in the entry's section, before the chapter of the rest */
  g_assert_true (strstr (xml, "<title>Talk partners</title>") < strstr (xml, "<figure"));
  g_assert_true (strstr (xml, "<figure") < strstr (xml, "<title>Evidence</title>"));
  g_assert_nonnull (strstr (xml, "minutes.txt"));
  g_assert_nonnull (strstr (xml, ll_evidence_get_sha256 (minutes)));
  g_assert_nonnull (strstr (xml, "Minutes of the meeting. Plain text, 32 bytes. SHA-256: "));
  dir = g_dir_open (images_dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (images_dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_cmpmem (contents, length, g_bytes_get_data (png, NULL), g_bytes_get_size (png));
      n_images++;
    }
  g_assert_cmpuint (n_images, ==, 1);

  g_assert_true (ll_print_export_pdf (doc, NULL, pdf_path, &error));
  g_assert_no_error (error);
  text = ll_test_pdf_text (pdf_path);
  g_assert_nonnull (strstr (text, "Pupils who talked about their learning"));
  g_assert_nonnull (strstr (text, "minutes.txt"));
  pdfimages = g_find_program_in_path ("pdfimages");
  if (pdfimages != NULL)
    {
      const char *argv[] = { "pdfimages", "-list", pdf_path, NULL };
      g_autofree char *out = NULL;

      g_assert_cmpint (ll_test_spawn (argv, &out, NULL), ==, 0);
      g_assert_nonnull (strstr (out, " 200   120 "));
    }
}

/* The check finds a file whose bytes no longer match its SHA-256. */
static void
test_check_finds_changed_bytes (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) notes = write_text (f, "b.txt", "Notes of the meeting\n");
  g_autofree char *report = NULL;
  gboolean ok = TRUE;
  sqlite3 *db = NULL;

  add (f, notes, 0, NULL);
  g_assert_true (ll_workbook_flush (f->workbook, &error));
  g_clear_object (&f->portfolio);
  g_clear_object (&f->workbook);
  report = ll_workbook_check (f->path, &ok);
  g_assert_true (ok);
  g_clear_pointer (&report, g_free);

  /* one byte changed behind the app's back */
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE evidence_data SET data = CAST ('Notes of the meetinG\n' AS BLOB)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  report = ll_workbook_check (f->path, &ok);
  g_assert_false (ok);
  g_assert_nonnull (strstr (report, "SHA-256"));
}

/* Runs the program on the fixture's workbook; its exit status. */
static int
run_cli (Fixture     *f,
         gint64       id,
         const char  *add_path,
         const char  *caption,
         char       **out,
         char       **err)
{
  g_autofree char *add_arg = g_strdup_printf ("--add-evidence=%s", add_path);
  g_autofree char *document = g_strdup_printf ("--document=%" G_GINT64_FORMAT, id);
  g_autofree char *caption_arg = caption != NULL ? g_strdup_printf ("--caption=%s", caption) : NULL;
  const char *argv[] = { g_getenv ("LL_BINARY"), add_arg, document, f->path, caption_arg, NULL };

  if (caption_arg == NULL)
    argv[4] = NULL;
  return ll_test_spawn (argv, out, err);
}

/* --add-evidence adds a file and prints its ID; one that cannot be
 * evidence gets one sentence, exit status 1, and a workbook with every
 * byte as it was, with nothing made beside it. */
static void
test_command_line (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = make_png (30, 20);
  g_autoptr(GFile) image = write_file (f, "chart.png", png);
  g_autoptr(GBytes) elf = g_bytes_new_static ("\177ELF\002\001\001\000\000\000", 10);
  g_autoptr(GFile) program = write_file (f, "tool", elf);
  g_autofree char *big_path = g_build_filename (f->dir, "scan.pdf", NULL);
  g_autofree char *missing_path = g_build_filename (f->dir, "gone.pdf", NULL);
  g_autofree char *image_path = g_file_get_path (image);
  g_autofree char *program_path = g_file_get_path (program);
  g_autofree char *before = NULL;
  GListModel *list;
  LlEvidence *evidence;
  gint64 id;
  int fd;
  const struct { const char *path; const char *words; } refused[] = {
    { big_path, "at most 25.0" NBSP "MB" },
    { missing_path, "could not be read" },
    { program_path, "cannot be evidence" },
    { f->dir, "could not be read" },
  };

  fd = g_open (big_path, O_WRONLY | O_CREAT, 0600);
  g_assert_cmpint (write (fd, "%PDF-1.4\n", 9), ==, 9);
  g_assert_cmpint (ftruncate (fd, LL_EVIDENCE_MAX_SIZE + 1000), ==, 0);
  close (fd);
  id = ll_portfolio_get_id (f->portfolio);
  g_assert_true (ll_workbook_flush (f->workbook, &error));
  g_clear_object (&f->portfolio);
  g_clear_object (&f->workbook);
  before = ll_test_file_checksum (f->path);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *after = NULL;
      g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);

      g_assert_cmpint (run_cli (f, id, refused[i].path, "A caption", &out, &err), ==, 1);
      g_assert_nonnull (strstr (err, refused[i].words));
      /* one sentence, one line */
      g_assert_cmpint (strchr (err, '\n') - err, ==, (gssize) strlen (err) - 1);
      g_assert_cmpstr (out, ==, "");
      after = ll_test_file_checksum (f->path);
      g_assert_cmpstr (after, ==, before);
      g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
    }

  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (run_cli (f, id, image_path, "Before and after", &out, &err), ==, 0);
    g_assert_cmpstr (out, ==, "1\n");
  }
  f->workbook = ll_workbook_open (f->path, LL_WORKBOOK_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  f->portfolio = ll_workbook_open_portfolio (f->workbook, id, &error);
  list = ll_portfolio_get_evidence (f->portfolio, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  evidence = ll_portfolio_find_evidence (f->portfolio, 1);
  g_assert_cmpstr (ll_evidence_get_caption (evidence), ==, "Before and after");
  g_assert_cmpstr (ll_evidence_get_name (evidence), ==, "chart.png");
}

/* The sample's portfolios from halfway on have pictures of the work,
 * real PNG files, captioned, most supporting an entry. */
static void
test_sample (void)
{
  g_autofree char *dir = ll_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "Sample.llw", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LlWorkbook) workbook = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  guint with_evidence = 0, images = 0, attached = 0;

  g_assert_true (ll_sample_generate (path, 1, &error));
  g_assert_no_error (error);
  workbook = ll_workbook_open (path, LL_WORKBOOK_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  documents = ll_workbook_list_documents (workbook, &error);
  for (guint i = 0; i < documents->len; i++)
    {
      LlDocumentInfo *info = g_ptr_array_index (documents, i);
      g_autoptr(LlPortfolio) portfolio = NULL;
      GListModel *list;

      if (!g_str_equal (ll_document_info_get_kind (info), "portfolio"))
        continue;
      portfolio = ll_workbook_open_portfolio (workbook, ll_document_info_get_id (info), &error);
      g_assert_no_error (error);
      list = ll_portfolio_get_evidence (portfolio, &error);
      g_assert_no_error (error);
      with_evidence += g_list_model_get_n_items (list) > 0;
      for (guint j = 0; j < g_list_model_get_n_items (list); j++)
        {
          g_autoptr(LlEvidence) evidence = g_list_model_get_item (list, j);
          g_autoptr(GBytes) bytes = ll_portfolio_read_evidence (portfolio, evidence, &error);
          const char *mime_type = NULL;
          guint width = 0, height = 0;

          g_assert_no_error (error);
          g_assert_true (ll_doc_image_sniff (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                             &mime_type, &width, &height));
          g_assert_cmpstr (mime_type, ==, ll_evidence_get_mime_type (evidence));
          g_assert_cmpuint (width, >=, 320);
          g_assert_cmpstr (ll_evidence_get_caption (evidence), !=, "");
          images++;
          attached += ll_evidence_get_entry_id (evidence) > 0;
        }
    }
  g_assert_cmpuint (with_evidence, >=, 4);
  g_assert_cmpuint (attached, >=, images / 2);
  g_assert_cmpuint (attached, <, images);
  ll_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(name, func) \
  g_test_add ("/evidence/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("add-and-read-back", test_add_and_read_back);
  ADD ("edits", test_edits);
  ADD ("refusals", test_refusals);
  ADD ("locked", test_locked);
  ADD ("opening-reads-no-evidence", test_opening_reads_no_evidence);
  ADD ("export-and-print", test_export_and_print);
  ADD ("check-finds-changed-bytes", test_check_finds_changed_bytes);
  ADD ("command-line", test_command_line);
#undef ADD
  g_test_add_func ("/evidence/sample", test_sample);
  return g_test_run ();
}
