/* bench-portfolios.c: a long portfolio with many large pictures, timed
 *
 *   bench-portfolios DIR
 *
 * Makes two workbooks in DIR with the same portfolio of about 50 000
 * words: "plain.llw" without evidence and "evidence.llw" with 30 PNG
 * pictures of 2 to 5 MB each, added from files as the window adds them.
 * Then times, in this one process, opening each as the window does (the
 * workbook, the portfolio and its list of evidence), counts the pages of
 * the file that opening reads, and compares the workbook's growth with
 * the evidence's size. Prints Markdown rows; bench/portfolios.sh times
 * the export and the PDF as whole processes.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "ll-png.h"
#include "ll-portfolio-evidence.h"
#include "ll-store-evidence.h"
#include "ll-workbook.h"
#include "ll-workbook-portfolios.h"
#include "ll-workbook-private.h"

#define RUNS 9
#define N_IMAGES 30
#define NS " xmlns=\"http://docbook.org/ns/docbook\""

static const char * const vocabulary[] = {
  "pupils", "learning", "the", "class", "talk", "partners", "questions", "we", "agreed", "to", "try",
  "reading", "corner", "staff", "meeting", "evidence", "impact", "of", "and", "in", "a", "what", "they",
  "said", "next", "steps", "feedback", "lessons", "together", "strategy", "cards", "stuck", "help",
  "observed", "noticed", "changed", "week", "term", "every", "because", "more", "often", "explain",
  "thinking", "planning", "teaching", "assistant", "group", "small", "progress", "leadership", "school",
};

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* Paragraphs of @n_words words in sentences. */
static char *
make_body (GRand *rand,
           guint  n_words)
{
  g_autoptr(GString) body = g_string_new (NULL);
  guint written = 0;

  while (written < n_words)
    {
      g_string_append (body, "<para" NS ">");
      for (guint s = 0; s < 6 && written < n_words; s++)
        {
          guint length = g_rand_int_range (rand, 8, 22);

          for (guint w = 0; w < length && written < n_words; w++, written++)
            {
              const char *word = vocabulary[g_rand_int_range (rand, 0, G_N_ELEMENTS (vocabulary))];

              if (w == 0)
                g_string_append_printf (body, "%s%c%s", s > 0 ? " " : "", g_ascii_toupper (word[0]), word + 1);
              else
                g_string_append_printf (body, " %s", word);
            }
          g_string_append_c (body, '.');
        }
      g_string_append (body, "</para>\n");
    }
  return g_string_free (g_steal_pointer (&body), FALSE);
}

/* A workbook at @path with one portfolio of about 50 000 words in 20
 * entries; its ID. */
static gint64
make_portfolio (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlWorkbook) workbook = NULL;
  g_autoptr(LlParticipant) participant = ll_participant_new ();
  g_autoptr(LlPortfolio) portfolio = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  LlPerson *person;

  workbook = ll_workbook_create (path, &error);
  g_assert_no_error (error);
  person = ll_workbook_add_person (workbook, "Siân Pritchard", LL_ROLE_TEACHING_ASSISTANT, &error);
  participant->person_id = ll_person_get_id (person);
  portfolio = ll_workbook_add_portfolio (workbook, participant, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 20; i++)
    {
      LlEntryKind kind = i < 7 ? LL_ENTRY_STORY : i < 13 ? LL_ENTRY_CLUSTER_REFLECTION : LL_ENTRY_REFLECTION;
      LlPortfolioEntry *entry = ll_portfolio_add_entry (portfolio, kind, i < 7 ? (LlStoryPart) i : LL_STORY_NONE,
                                                        "2026-01-15", &error);
      g_autofree char *body = make_body (rand, 2500);

      g_assert_no_error (error);
      ll_portfolio_set_entry_text (portfolio, entry, LL_ENTRY_BODY, body, &error);
      g_assert_no_error (error);
    }
  ll_workbook_flush (workbook, &error);
  g_assert_no_error (error);
  return ll_portfolio_get_id (portfolio);
}

/* Adds 30 pictures of 2 to 5 MB, noise that does not compress, each
 * through a file as the window adds a file; their total size. */
static guint64
add_images (const char *path,
            const char *dir,
            gint64      id,
            double     *add_ms)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlWorkbook) workbook = ll_workbook_open (path, LL_WORKBOOK_OPEN_DEFAULT, &error);
  g_autoptr(LlPortfolio) portfolio = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  GListModel *entries;
  guint64 total = 0;
  double ms = 0;

  g_assert_no_error (error);
  portfolio = ll_workbook_open_portfolio (workbook, id, &error);
  g_assert_no_error (error);
  entries = ll_portfolio_get_entries (portfolio);
  for (guint i = 0; i < N_IMAGES; i++)
    {
      guint width = 1000;
      guint height = 667 + (i * 1000) / N_IMAGES;   /* 2 to 5 MB of pixels */
      g_autofree guint8 *rgb = g_malloc ((gsize) width * height * 3);
      g_autoptr(GBytes) png = NULL;
      g_autofree char *name = g_strdup_printf ("photo-%02u.png", i + 1);
      g_autofree char *file_path = g_build_filename (dir, name, NULL);
      g_autofree char *caption = g_strdup_printf ("Photograph %u of the work in class", i + 1);
      g_autoptr(GFile) file = g_file_new_for_path (file_path);
      g_autoptr(LlPortfolioEntry) entry = g_list_model_get_item (entries, i % g_list_model_get_n_items (entries));
      double start;

      for (gsize p = 0; p < (gsize) width * height * 3; p += 4)
        {
          guint32 r = g_rand_int (rand);

          memcpy (rgb + p, &r, MIN (4, (gsize) width * height * 3 - p));
        }
      png = ll_png_encode_rgb (rgb, width, height);
      g_file_set_contents (file_path, g_bytes_get_data (png, NULL), (gssize) g_bytes_get_size (png), &error);
      g_assert_no_error (error);
      start = now_ms ();
      g_assert_nonnull (ll_portfolio_add_evidence (portfolio, file, ll_portfolio_entry_get_id (entry), caption,
                                                   NULL, &error));
      ms += now_ms () - start;
      g_assert_no_error (error);
      total += g_bytes_get_size (png);
      g_unlink (file_path);
    }
  *add_ms = ms;
  return total;
}

/* Opens @path as the window does, then the portfolio and its evidence:
 * the median time; the pages read by the last opening. */
static double
time_opening (const char *path,
              gint64      id,
              gint64     *pages,
              guint      *n_evidence)
{
  double times[RUNS];

  for (guint r = 0; r < RUNS; r++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LlWorkbook) workbook = NULL;
      g_autoptr(LlPortfolio) portfolio = NULL;
      double start = now_ms ();

      workbook = ll_workbook_open (path, LL_WORKBOOK_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      portfolio = ll_workbook_open_portfolio (workbook, id, &error);
      g_assert_no_error (error);
      *n_evidence = g_list_model_get_n_items (ll_portfolio_get_evidence (portfolio, &error));
      times[r] = now_ms () - start;
      *pages = ll_store_count_pages_read (_ll_workbook_get_store (workbook));
    }
  return median (times, RUNS);
}

static guint64
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (guint64) st.st_size : 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *plain = NULL;
  g_autofree char *with = NULL;
  g_autofree char *images_dir = NULL;
  guint64 evidence_size, plain_size, with_size;
  double add_ms, plain_ms, with_ms;
  gint64 plain_pages, with_pages, id;
  guint n_plain, n_with;

  if (argc != 2)
    {
      fprintf (stderr, "usage: bench-portfolios DIR\n");
      return 2;
    }
  plain = g_build_filename (argv[1], "plain.llw", NULL);
  with = g_build_filename (argv[1], "evidence.llw", NULL);
  images_dir = g_build_filename (argv[1], "pictures", NULL);
  g_mkdir_with_parents (images_dir, 0700);
  g_unlink (plain);
  g_unlink (with);

  id = make_portfolio (plain);
  {
    g_autofree char *contents = NULL;
    gsize length = 0;

    g_assert_true (g_file_get_contents (plain, &contents, &length, NULL));
    g_assert_true (g_file_set_contents_full (with, contents, (gssize) length, G_FILE_SET_CONTENTS_NONE, 0600,
                                             NULL));
  }
  evidence_size = add_images (with, images_dir, id, &add_ms);
  plain_size = file_size (plain);
  with_size = file_size (with);

  plain_ms = time_opening (plain, id, &plain_pages, &n_plain);
  with_ms = time_opening (with, id, &with_pages, &n_with);

  printf ("Workbook: one portfolio of 20 entries, about 50 000 words; with %u pictures of 2 to 5 MB, "
          "%.1f MB of evidence, added in %.0f ms (%.0f MB/s).\n\n",
          n_with, evidence_size / 1e6, add_ms, evidence_size / 1e3 / add_ms);
  printf ("| task | with the evidence | without it, in the same run | ratio |\n");
  printf ("| --- | --- | --- | --- |\n");
  printf ("| open the workbook, the portfolio and its list of evidence | %.2f ms (%" G_GINT64_FORMAT
          " pages read) | %.2f ms (%" G_GINT64_FORMAT " pages read) | %.2f× |\n",
          with_ms, with_pages, plain_ms, plain_pages, with_ms / plain_ms);
  printf ("| workbook on disk | %.1f MB | %.1f MB | growth %.1f MB for %.1f MB of evidence: %.4f× |\n",
          with_size / 1e6, plain_size / 1e6, (with_size - plain_size) / 1e6, evidence_size / 1e6,
          (double) (with_size - plain_size) / (double) evidence_size);
  return 0;
}
