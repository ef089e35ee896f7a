/* test-print.c: page layout and PDF export, with no display needed */
#define G_LOG_DOMAIN "test-print"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <stdlib.h>
#include <string.h>

#include "ll-doc.h"
#include "ll-print.h"
#include "ll-print-layout.h"
#include "ll-test-util.h"

#define LONG_TITLE "Whole-school improvement plan"

static const char *filler =
  "Leaders have worked with staff to sequence the curriculum so that pupils "
  "build knowledge over time, revisiting key ideas in each year group. "
  "Subject leaders check that teaching follows the plan, and they use what "
  "they see in lessons, in books and in conversations with pupils to refine "
  "it. Pupils with special educational needs and/or disabilities are "
  "supported to learn the same curriculum as their peers, with adaptations "
  "agreed with families and reviewed each term.";

/* Headings of the long document; none of these words appears in body text,
 * so that a line holding one is known to be that heading. */
static GPtrArray *long_headings;

static LlDocNode *
add_inline (LlDocNode     *parent,
            LlDocNodeType  type,
            const char    *text)
{
  LlDocNode *node = ll_doc_node_append (parent, ll_doc_node_new (type));

  ll_doc_node_append (node, ll_doc_node_new_text (text));
  return node;
}

static void
add_rich_para (LlDocNode *parent)
{
  LlDocNode *para = ll_doc_add_para (parent, "Reading is our first priority: ");
  LlDocNode *link;

  add_inline (para, LL_DOC_EMPHASIS, "every pupil");
  ll_doc_node_append (para, ll_doc_node_new_text (" reads "));
  add_inline (para, LL_DOC_STRONG, "every day");
  ll_doc_node_append (para, ll_doc_node_new_text ("."));

  para = ll_doc_add_para (parent, "Guidance: ");
  link = add_inline (para, LL_DOC_LINK, "Department for Education");
  link->attr = g_strdup ("https://www.gov.uk/dfe");
  ll_doc_node_append (para, ll_doc_node_new_text ("; "));
  link = add_inline (para, LL_DOC_LINK, "https://example.org/reading");
  link->attr = g_strdup ("https://example.org/reading");
  ll_doc_node_append (para, ll_doc_node_new_text ("."));
}

static void
add_special_para (LlDocNode *parent)
{
  /* Must print literally: never read as markup */
  ll_doc_add_para (parent, "Targets: attendance < 90% & persistent absence; "
                           "write <b>bold</b> as text & keep it.");
}

static LlDoc *
make_short_doc (void)
{
  LlDoc *doc = ll_doc_new ("vision", 1, "Our vision");

  doc->subtitle = g_strdup ("Ysgol Gymraeg & Friends");
  doc->author = g_strdup ("Zoë Ng");
  doc->date = g_strdup ("2025-03-14");
  ll_doc_add_para (doc->body, "Every child leaves us a confident reader.");
  add_special_para (doc->body);
  return doc;
}

static void
add_pupil_table (LlDocNode *parent,
                 guint      n_rows)
{
  LlDocNode *table = ll_doc_node_append (parent, ll_doc_node_new (LL_DOC_TABLE));

  table->title = g_strdup ("Pupils on the reading programme");
  ll_doc_add_row (table, "Name", "Year group", "Reading age", "Notes", NULL);
  for (guint i = 1; i <= n_rows; i++)
    {
      g_autofree char *name = g_strdup_printf ("Pupil %02u", i);
      g_autofree char *year = g_strdup_printf ("Year %u", 3 + i % 4);
      g_autofree char *age = g_strdup_printf ("%u years %u months", 7 + i % 5, i % 12);

      ll_doc_add_row (table, name, year, age,
                      i % 3 == 0 ? "Daily reader with a trained adult; phonics "
                                   "catch-up sessions three times a week"
                                 : "On track", NULL);
    }
}

static LlDoc *
make_long_doc (void)
{
  LlDoc *doc = ll_doc_new ("plan", 2, LONG_TITLE);
  LlDocNode *body = doc->body;

  doc->subtitle = g_strdup ("Autumn term review");
  doc->author = g_strdup ("Siân Ó Briain");
  doc->date = g_strdup ("2025-09-01");

  g_clear_pointer (&long_headings, g_ptr_array_unref);
  long_headings = g_ptr_array_new_with_free_func (g_free);

  for (guint s = 1; s <= 9; s++)
    {
      g_autofree char *title = g_strdup_printf ("Priority %u heading", s);
      LlDocNode *section = ll_doc_add_section (body, title);

      g_ptr_array_add (long_headings, g_strdup (title));
      ll_doc_add_para (section, filler);

      for (guint sub = 1; sub <= 2; sub++)
        {
          g_autofree char *subtitle = g_strdup_printf ("Strand %u.%u heading", s, sub);
          LlDocNode *subsection = ll_doc_add_section (section, subtitle);

          g_ptr_array_add (long_headings, g_strdup (subtitle));
          ll_doc_add_para (subsection, filler);
          if (sub == 2)
            {
              g_autofree char *deep = g_strdup_printf ("Detail %u heading", s);
              LlDocNode *detail = ll_doc_add_section (subsection, deep);

              g_ptr_array_add (long_headings, g_strdup (deep));
              ll_doc_add_para (detail, "A short note under a third-level heading.");
            }
        }

      switch (s)
        {
        case 1:
          {
            add_rich_para (section);
            add_special_para (section);
          }
          break;
        case 2:
          {
            LlDocNode *list = ll_doc_add_list (section, FALSE);
            LlDocNode *item;
            LlDocNode *nested;

            ll_doc_add_list_item (list, "Phonics screening check results");
            item = ll_doc_add_list_item (list, "Attendance of disadvantaged pupils");
            nested = ll_doc_add_list (item, FALSE);
            ll_doc_add_list_item (nested, "Weekly tracking by the attendance lead");
            ll_doc_add_list_item (list, filler);
          }
          break;
        case 3:
          {
            LlDocNode *list = ll_doc_add_list (section, TRUE);
            LlDocNode *item;
            LlDocNode *nested;

            ll_doc_add_list_item (list, "Audit the reading spine");
            item = ll_doc_add_list_item (list, "Train every adult in phonics");
            nested = ll_doc_add_list (item, TRUE);
            ll_doc_add_list_item (nested, "Teaching assistants first");
            ll_doc_add_list_item (nested, "Then midday supervisors");
            ll_doc_add_list_item (list, "Review in the spring term");
          }
          break;
        case 4:
          {
            LlDocNode *quote = ll_doc_node_append (section, ll_doc_node_new (LL_DOC_BLOCKQUOTE));

            quote->attr = g_strdup ("Siân Ó Briain, headteacher");
            ll_doc_add_para (quote, "The best schools are the ones where every adult "
                                    "believes that every child can learn, and acts on it.");
          }
          break;
        case 5:
          {
            LlDocNode *varlist = ll_doc_node_append (section, ll_doc_node_new (LL_DOC_VARLIST));

            ll_doc_add_varlist_entry (varlist, "Lead", "Zoë Ng, deputy headteacher");
            ll_doc_add_varlist_entry (varlist, "Budget", "£4,500 from the pupil premium");
            ll_doc_add_varlist_entry (varlist, "Review date", "Spring term, week 2");
          }
          break;
        case 6:
          add_pupil_table (section, 45);
          break;
        default:
          ll_doc_add_para (section, filler);
          break;
        }
    }
  return doc;
}

static char *
export (const LlDoc  *doc,
        const char   *dir,
        const char   *name,
        GtkPageSetup *setup)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (ll_print_export_pdf (doc, setup, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* To look at the pages: LL_PRINT_TEST_OUTDIR=/tmp/pdfs test-print */
  if (g_getenv ("LL_PRINT_TEST_OUTDIR") != NULL)
    {
      g_autofree char *keep = g_build_filename (g_getenv ("LL_PRINT_TEST_OUTDIR"), name, NULL);

      g_assert_true (ll_print_export_pdf (doc, setup, keep, NULL));
    }
  return path;
}

static char *
page_text (const char *pdf,
           int         page)
{
  g_autofree char *n = g_strdup_printf ("%d", page);
  const char *argv[] = { "pdftotext", "-layout", "-f", n, "-l", n, pdf, "-", NULL };
  char *out = NULL;

  g_assert_cmpint (ll_test_spawn (argv, &out, NULL), ==, 0);
  return out;
}

static char *
page_size_line (const char *pdf)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (ll_test_spawn (argv, &out, NULL), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "Page size:"))
      return g_strdup (lines[i]);
  g_assert_not_reached ();
  return NULL;
}

/* The non-blank lines of @text, stripped */
static GPtrArray *
content_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (g_strdup (lines[i]));

      if (*line == '\0' || strcmp (line, "\f") == 0)
        g_free (line);
      else
        g_ptr_array_add (out, line);
    }
  return out;
}

static void
test_short (void)
{
  g_autoptr(LlDoc) doc = make_short_doc ();
  g_autofree char *dir = ll_test_make_tmpdir ();
  g_autofree char *pdf = export (doc, dir, "short.pdf", NULL);
  g_autofree char *text = ll_test_pdf_text (pdf);

  g_assert_cmpint (ll_test_pdf_pages (pdf), ==, 1);
  g_assert_nonnull (strstr (text, "Our vision"));
  g_assert_nonnull (strstr (text, "Ysgol Gymraeg & Friends"));
  g_assert_nonnull (strstr (text, "Zoë Ng"));
  g_assert_nonnull (strstr (text, "14 March 2025"));
  g_assert_nonnull (strstr (text, "Every child leaves us a confident reader."));
  g_assert_nonnull (strstr (text, "attendance < 90% & persistent absence"));
  g_assert_nonnull (strstr (text, "write <b>bold</b> as text & keep it."));
  g_assert_nonnull (strstr (text, "Page 1 of 1"));
  g_assert_null (strstr (text, "Page 2"));

  ll_test_rm_rf (dir);
}

static void
test_long (void)
{
  g_autoptr(LlDoc) doc = make_long_doc ();
  g_autofree char *dir = ll_test_make_tmpdir ();
  g_autofree char *pdf = export (doc, dir, "long.pdf", NULL);
  g_autofree char *text = ll_test_pdf_text (pdf);
  g_autofree char *first_footer = NULL;
  g_autofree char *last_footer = NULL;
  int pages = ll_test_pdf_pages (pdf);

  g_assert_cmpint (pages, >=, 4);
  first_footer = g_strdup_printf ("Page 1 of %d", pages);
  last_footer = g_strdup_printf ("Page %d of %d", pages, pages);

  /* Title block */
  g_assert_nonnull (strstr (text, LONG_TITLE));
  g_assert_nonnull (strstr (text, "Autumn term review"));
  g_assert_nonnull (strstr (text, "Siân Ó Briain"));
  g_assert_nonnull (strstr (text, "1 September 2025"));

  /* Every heading, at every depth */
  for (guint i = 0; i < long_headings->len; i++)
    g_assert_nonnull (strstr (text, g_ptr_array_index (long_headings, i)));

  /* Inlines: the link text, with its different URI after it in brackets;
   * a link whose text is its URI is not repeated */
  g_assert_nonnull (strstr (text, "every pupil reads every day"));
  g_assert_nonnull (strstr (text, "Department for Education (https://www.gov.uk/dfe)"));
  g_assert_nonnull (strstr (text, "https://example.org/reading."));
  g_assert_null (strstr (text, "(https://example.org/reading)"));
  g_assert_nonnull (strstr (text, "write <b>bold</b> as text & keep it."));

  /* Lists: bullets, nested bullets, numbers and nested letters */
  g_assert_nonnull (strstr (text, "• Phonics screening check results"));
  g_assert_nonnull (strstr (text, "◦ Weekly tracking by the attendance lead"));
  g_assert_nonnull (strstr (text, "1. Audit the reading spine"));
  g_assert_nonnull (strstr (text, "2. Train every adult in phonics"));
  g_assert_nonnull (strstr (text, "a. Teaching assistants first"));
  g_assert_nonnull (strstr (text, "b. Then midday supervisors"));
  g_assert_nonnull (strstr (text, "3. Review in the spring term"));

  /* Quotation and its attribution; variable list */
  g_assert_nonnull (strstr (text, "acts on it."));
  g_assert_nonnull (strstr (text, "— Siân Ó Briain, headteacher"));
  g_assert_nonnull (strstr (text, "Zoë Ng, deputy headteacher"));
  g_assert_nonnull (strstr (text, "£4,500 from the pupil premium"));

  /* Table: caption, header and cells */
  g_assert_nonnull (strstr (text, "Pupils on the reading programme"));
  g_assert_nonnull (strstr (text, "Reading age"));
  g_assert_nonnull (strstr (text, "Pupil 01"));
  g_assert_nonnull (strstr (text, "Pupil 45"));

  /* Footers */
  g_assert_nonnull (strstr (text, first_footer));
  g_assert_nonnull (strstr (text, last_footer));

  ll_test_rm_rf (dir);
}

/* Every page: a footer last, the running header first except on page 1,
 * and never a heading as the last line of text. */
static void
test_page_furniture_and_breaks (void)
{
  g_autoptr(LlDoc) doc = make_long_doc ();
  g_autofree char *dir = ll_test_make_tmpdir ();
  g_autofree char *pdf = export (doc, dir, "long.pdf", NULL);
  int pages = ll_test_pdf_pages (pdf);

  g_assert_cmpint (pages, >=, 4);
  for (int p = 1; p <= pages; p++)
    {
      g_autofree char *text = page_text (pdf, p);
      g_autoptr(GPtrArray) lines = content_lines (text);
      g_autofree char *footer = g_strdup_printf ("Page %d of %d", p, pages);
      const char *last;

      g_assert_cmpuint (lines->len, >=, 3);
      g_assert_cmpstr (g_ptr_array_index (lines, lines->len - 1), ==, footer);
      if (p == 1)
        g_assert_true (g_str_has_prefix (g_ptr_array_index (lines, 0), LONG_TITLE));
      else
        g_assert_cmpstr (g_ptr_array_index (lines, 0), ==, LONG_TITLE);

      last = g_ptr_array_index (lines, lines->len - 2);
      for (guint h = 0; h < long_headings->len; h++)
        if (strstr (last, g_ptr_array_index (long_headings, h)) != NULL)
          {
            g_test_message ("page %d ends with heading “%s”", p, last);
            g_test_fail ();
          }
      g_assert_null (strstr (last, "Pupils on the reading programme"));
      g_assert_null (strstr (last, "Reading age"));
    }
  ll_test_rm_rf (dir);
}

/* A table that crosses a page repeats its header row, and no row is split */
static void
test_table_across_pages (void)
{
  g_autoptr(LlDoc) doc = ll_doc_new ("table", 3, "Reading register");
  g_autofree char *dir = ll_test_make_tmpdir ();
  g_autofree char *pdf = NULL;
  int pages;
  int pages_with_rows = 0;
  guint rows_seen = 0;

  ll_doc_add_para (doc->body, filler);
  add_pupil_table (doc->body, 70);
  pdf = export (doc, dir, "table.pdf", NULL);
  pages = ll_test_pdf_pages (pdf);
  g_assert_cmpint (pages, >=, 2);

  for (int p = 1; p <= pages; p++)
    {
      g_autofree char *text = page_text (pdf, p);

      if (strstr (text, "Pupil ") == NULL)
        continue;
      pages_with_rows++;
      g_assert_nonnull (strstr (text, "Name"));
      g_assert_nonnull (strstr (text, "Reading age"));
      for (guint i = 1; i <= 70; i++)
        {
          g_autofree char *name = g_strdup_printf ("Pupil %02u", i);

          if (strstr (text, name) != NULL)
            rows_seen++;
        }
    }
  g_assert_cmpint (pages_with_rows, >=, 2);
  /* Each row appears on exactly one page */
  g_assert_cmpuint (rows_seen, ==, 70);
  ll_test_rm_rf (dir);
}

static void
test_paper_size (void)
{
  g_autoptr(LlDoc) doc = make_short_doc ();
  g_autofree char *dir = ll_test_make_tmpdir ();
  g_autoptr(GtkPageSetup) letter = ll_print_page_setup_new ("letter");
  g_autoptr(GtkPageSetup) a4 = ll_print_page_setup_new ("A4");
  g_autofree char *pdf_default = export (doc, dir, "default.pdf", NULL);
  g_autofree char *pdf_letter = export (doc, dir, "letter.pdf", letter);
  g_autofree char *pdf_a4 = export (doc, dir, "a4.pdf", a4);
  g_autofree char *size_default = page_size_line (pdf_default);
  g_autofree char *size_letter = page_size_line (pdf_letter);
  g_autofree char *size_a4 = page_size_line (pdf_a4);

  g_assert_nonnull (strstr (size_default, "595.276 x 841.89 pts (A4)"));
  g_assert_nonnull (strstr (size_a4, "595.276 x 841.89 pts (A4)"));
  g_assert_nonnull (strstr (size_letter, "612 x 792 pts (letter)"));
  ll_test_rm_rf (dir);
}

static void
test_unwritable (void)
{
  g_autoptr(LlDoc) doc = make_short_doc ();
  g_autofree char *dir = ll_test_make_tmpdir ();
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "plan.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;

  g_assert_false (ll_print_export_pdf (doc, NULL, missing, &error));
  g_assert_error (error, LL_PRINT_ERROR, LL_PRINT_ERROR_FAILED);
  g_assert_true (g_str_has_prefix (error->message, "The PDF could not be written to “"));
  g_assert_nonnull (strstr (error->message, "plan.pdf"));
  g_assert_true (g_str_has_suffix (error->message, "."));
  g_clear_error (&error);

  /* A folder in the way: the export fails and leaves nothing behind */
  g_assert_false (ll_print_export_pdf (doc, NULL, dir, &error));
  g_assert_error (error, LL_PRINT_ERROR, LL_PRINT_ERROR_FAILED);
  listing = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (listing);
  g_assert_null (g_dir_read_name (listing));

  ll_test_rm_rf (dir);
}

/* Exporting over an earlier PDF replaces it */
static void
test_replace (void)
{
  g_autoptr(LlDoc) first = make_short_doc ();
  g_autoptr(LlDoc) second = make_long_doc ();
  g_autofree char *dir = ll_test_make_tmpdir ();
  g_autofree char *pdf = export (first, dir, "plan.pdf", NULL);
  g_autofree char *again = NULL;

  g_assert_cmpint (ll_test_pdf_pages (pdf), ==, 1);
  again = export (second, dir, "plan.pdf", NULL);
  g_assert_cmpint (ll_test_pdf_pages (again), >=, 4);
  ll_test_rm_rf (dir);
}

/* The layout on its own, on a plain cairo PDF surface: an empty document
 * still has one page, and page counts follow the paper height. */
static void
test_layout_direct (void)
{
  g_autoptr(LlDoc) empty = ll_doc_new ("empty", 4, NULL);
  g_autoptr(LlDoc) doc = make_long_doc ();
  g_autofree char *dir = ll_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "direct.pdf", NULL);
  g_autofree char *text = NULL;
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (map);
  g_autoptr(LlPrintLayout) none = NULL;
  g_autoptr(LlPrintLayout) tall = NULL;
  g_autoptr(LlPrintLayout) shorter = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  pango_cairo_context_set_resolution (context, 72);
  none = ll_print_layout_new (empty, context, 595, 842, 64, 62, 60, 62);
  g_assert_cmpint (ll_print_layout_get_n_pages (none), ==, 1);

  tall = ll_print_layout_new (doc, context, 595, 842, 64, 62, 60, 62);
  shorter = ll_print_layout_new (doc, context, 595, 500, 64, 62, 60, 62);
  g_assert_cmpint (ll_print_layout_get_n_pages (tall), >=, 4);
  g_assert_cmpint (ll_print_layout_get_n_pages (shorter), >,
                   ll_print_layout_get_n_pages (tall));

  surface = cairo_pdf_surface_create (path, 595, 842);
  cr = cairo_create (surface);
  for (int p = 0; p < ll_print_layout_get_n_pages (tall); p++)
    {
      ll_print_layout_draw_page (tall, cr, p);
      cairo_show_page (cr);
    }
  /* Out of range: nothing drawn, no crash */
  ll_print_layout_draw_page (tall, cr, 999);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  g_assert_cmpint (ll_test_pdf_pages (path), ==, ll_print_layout_get_n_pages (tall));
  text = ll_test_pdf_text (path);
  g_assert_nonnull (strstr (text, "Priority 9 heading"));
  g_object_unref (context);
  ll_test_rm_rf (dir);
}

/* Stored rich text that reaches print unresolved keeps its words. */
static void
test_fragment_words (void)
{
  g_autoptr(LlDoc) doc = ll_doc_new ("vision", 2, "Vision");
  LlDocNode *section = ll_doc_add_section (doc->body, "Our vision");
  LlDocNode *fragment = ll_doc_node_append (section, ll_doc_node_new (LL_DOC_FRAGMENT));
  g_autofree char *dir = ll_test_make_tmpdir ();
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;

  fragment->text = g_strdup ("<para xmlns=\"http://docbook.org/ns/docbook\">Curious &amp; "
                             "<emphasis>confident</emphasis> learners</para>"
                             "<para xmlns=\"http://docbook.org/ns/docbook\">Second paragraph</para>");
  pdf = export (doc, dir, "fragment.pdf", NULL);
  text = ll_test_pdf_text (pdf);
  g_assert_nonnull (strstr (text, "Curious & confident learners"));
  g_assert_nonnull (strstr (text, "Second paragraph"));
  g_assert_null (strstr (text, "<para"));
  ll_test_rm_rf (dir);
}

/* Books and images --------------------------------------------------------- */

static cairo_status_t
append_png (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
test_book_chapters (void)
{
  g_autoptr(LlDoc) doc = ll_doc_new_book ("portfolio", 3, "Evidence portfolio");
  g_autofree char *dir = ll_test_make_tmpdir ();
  g_autofree char *pdf = NULL;
  const char *titles[] = { "Reflections", "Work-based activity", "Evidence files" };

  doc->author = g_strdup ("Ann Lee");
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      LlDocNode *chapter = ll_doc_add_chapter (doc->body, titles[i]);

      ll_doc_add_para (chapter, filler);
      ll_doc_add_para (ll_doc_add_section (chapter, "Next steps"), "Short.");
    }
  pdf = export (doc, dir, "book.pdf", NULL);

  /* the title page, then each chapter on a page of its own, headed by it */
  g_assert_cmpint (ll_test_pdf_pages (pdf), ==, 4);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autofree char *text = page_text (pdf, (int) i + 2);
      g_autoptr(GPtrArray) lines = content_lines (text);

      /* the running header, then the chapter's title */
      g_assert_cmpuint (lines->len, >=, 3);
      g_assert_cmpstr (g_ptr_array_index (lines, 0), ==, "Evidence portfolio");
      g_assert_cmpstr (g_ptr_array_index (lines, 1), ==, titles[i]);
      for (guint k = 0; k < G_N_ELEMENTS (titles); k++)
        if (k != i)
          g_assert_null (strstr (text, titles[k]));
    }
  ll_test_rm_rf (dir);
}

/* A PNG of a coloured rectangle, @width × @height pixels */
static GBytes *
make_png (int width,
          int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  GByteArray *out = g_byte_array_new ();

  cairo_set_source_rgb (cr, 0.8, 0.1, 0.1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.1, 0.3, 0.8);
  cairo_rectangle (cr, width / 4.0, height / 4.0, width / 2.0, height / 2.0);
  cairo_fill (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_png, out), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (out);
}

typedef struct
{
  int  page;
  int  width;
  int  height;
  char encoding[16];
} PdfImage;

/* The images of @pdf, by pdfimages -list */
static GArray *
pdf_images (const char *pdf)
{
  const char *argv[] = { "pdfimages", "-list", pdf, NULL };
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  GArray *images = g_array_new (FALSE, TRUE, sizeof (PdfImage));

  g_assert_cmpint (ll_test_spawn (argv, &out, NULL), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  /* two lines of headings, then one line an image:
   * page num type width height color ... */
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      GPtrArray *words = g_ptr_array_new ();
      PdfImage image = { 0 };

      for (guint k = 0; fields[k] != NULL; k++)
        if (*fields[k] != '\0')
          g_ptr_array_add (words, fields[k]);
      if (words->len >= 5 && g_str_equal (g_ptr_array_index (words, 2), "image"))
        {
          image.page = atoi (g_ptr_array_index (words, 0));
          image.width = atoi (g_ptr_array_index (words, 3));
          image.height = atoi (g_ptr_array_index (words, 4));
          g_strlcpy (image.encoding, words->len >= 9 ? g_ptr_array_index (words, 8) : "",
                     sizeof image.encoding);
          g_array_append_val (images, image);
        }
      g_ptr_array_unref (words);
    }
  return images;
}

static int
page_with (const char *pdf,
           const char *needle)
{
  int pages = ll_test_pdf_pages (pdf);

  for (int page = 1; page <= pages; page++)
    {
      g_autofree char *text = page_text (pdf, page);

      if (strstr (text, needle) != NULL)
        return page;
    }
  return 0;
}

static void
test_figures (void)
{
  g_autoptr(LlDoc) doc = ll_doc_new ("observation", 6, "Lesson observation");
  g_autoptr(GBytes) chart = make_png (120, 80);
  g_autoptr(GBytes) tall = make_png (40, 2000);
  g_autoptr(GBytes) text_bytes = g_bytes_new_static ("not a picture", 13);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) images = NULL;
  g_autofree char *dir = ll_test_make_tmpdir ();
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  LlDocNode *described;
  const PdfImage *image;
  int caption_page;

  for (guint i = 0; i < 5; i++)
    ll_doc_add_para (doc->body, filler);
  ll_doc_add_figure (doc->body, "Questions asked per lesson", chart,
                     "A red rectangle with a blue one inside", &error);
  g_assert_no_error (error);
  ll_doc_add_para (doc->body, "After the chart.");
  /* taller than a page: scaled down to fit one, whole */
  ll_doc_add_figure (doc->body, "A long strip", tall, "A tall strip", &error);
  g_assert_no_error (error);
  /* read from DocBook without its file: its description is printed */
  described = ll_doc_node_append (doc->body, ll_doc_node_new (LL_DOC_IMAGE));
  described->image = g_new0 (LlDocImage, 1);
  described->image->alt = g_strdup ("Pupils in pairs");
  described->image->bytes = g_bytes_ref (text_bytes);

  pdf = export (doc, dir, "figures.pdf", NULL);
  text = ll_test_pdf_text (pdf);
  g_assert_nonnull (strstr (text, "Figure 1: Questions asked per lesson"));
  g_assert_nonnull (strstr (text, "Figure 2: A long strip"));
  g_assert_nonnull (strstr (text, "[Picture: Pupils in pairs]"));
  /* the alternative text is for screen readers, not for paper */
  g_assert_null (strstr (text, "red rectangle"));
  g_assert_null (strstr (text, "tall strip"));

  images = pdf_images (pdf);
  g_assert_cmpuint (images->len, ==, 2);
  image = &g_array_index (images, PdfImage, 0);
  g_assert_cmpint (image->width, ==, 120);
  g_assert_cmpint (image->height, ==, 80);
  /* a caption is on the page of its picture */
  caption_page = page_with (pdf, "Figure 1:");
  g_assert_cmpint (image->page, ==, caption_page);
  image = &g_array_index (images, PdfImage, 1);
  g_assert_cmpint (image->width, ==, 40);
  g_assert_cmpint (image->height, ==, 2000);
  g_assert_cmpint (image->page, ==, page_with (pdf, "Figure 2:"));
  g_assert_cmpint (image->page, >, caption_page);
  ll_test_rm_rf (dir);
}

/* A photograph goes into the PDF as the JPEG it is. */
static void
test_jpeg_embedded (void)
{
  g_autoptr(LlDoc) doc = ll_doc_new ("portfolio", 7, "Evidence");
  g_autofree char *path = ll_test_data_path ("images/blue-4x5.jpg");
  g_autoptr(GBytes) jpeg = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) images = NULL;
  g_autofree char *dir = ll_test_make_tmpdir ();
  g_autofree char *pdf = NULL;
  char *data = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  jpeg = g_bytes_new_take (data, length);
  ll_doc_add_figure (doc->body, "The display board", jpeg, "A blue board", &error);
  g_assert_no_error (error);
  pdf = export (doc, dir, "jpeg.pdf", NULL);

  images = pdf_images (pdf);
  g_assert_cmpuint (images->len, ==, 1);
  g_assert_cmpint (g_array_index (images, PdfImage, 0).width, ==, 4);
  g_assert_cmpint (g_array_index (images, PdfImage, 0).height, ==, 5);
  g_assert_cmpstr (g_array_index (images, PdfImage, 0).encoding, ==, "jpeg");
  ll_test_rm_rf (dir);
}

/* Fixed pages -------------------------------------------------------------- */

typedef struct
{
  int     n_pages;
  int     drawn;
  double  width;
  double  height;
  gboolean freed;
} PagesData;

static int
pages_get_n_pages (gpointer user_data)
{
  return ((PagesData *) user_data)->n_pages;
}

static void
pages_draw_page (gpointer  user_data,
                 cairo_t  *cr,
                 int       page_nr,
                 double    width,
                 double    height)
{
  PagesData *data = user_data;
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autofree char *text = g_strdup_printf ("Page %d", page_nr + 1);
  PangoFontDescription *font = pango_font_description_from_string ("Sans 28");

  data->drawn++;
  data->width = width;
  data->height = height;
  /* a border drawn exactly at the paper's edge, 36 pt in */
  cairo_set_source_rgb (cr, 0.11, 0.24, 0.35);
  cairo_set_line_width (cr, 4);
  cairo_rectangle (cr, 36, 36, width - 72, height - 72);
  cairo_stroke (cr);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, width / 2 - 60, height / 2 - 20);
  pango_cairo_show_layout (cr, layout);
}

static void
pages_data_free (gpointer user_data)
{
  ((PagesData *) user_data)->freed = TRUE;
}

static void
test_fixed_pages (void)
{
  static const LlPrintPagesFuncs funcs = { pages_get_n_pages, pages_draw_page };
  g_autoptr(GtkPageSetup) setup = ll_print_page_setup_new_oriented ("a4", GTK_PAGE_ORIENTATION_LANDSCAPE);
  PagesData data = { .n_pages = 3 };
  LlPrintPages *pages = ll_print_pages_new (&funcs, setup, "Certificates", &data, pages_data_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = ll_test_make_tmpdir ();
  g_autofree char *pdf = g_build_filename (dir, "certificates.pdf", NULL);
  g_autofree char *size = NULL;
  g_autofree char *all = NULL;

  g_assert_true (ll_print_export_pages_pdf (pages, pdf, &error));
  g_assert_no_error (error);
  if (g_getenv ("LL_PRINT_TEST_OUTDIR") != NULL)
    {
      g_autofree char *keep = g_build_filename (g_getenv ("LL_PRINT_TEST_OUTDIR"), "certificates.pdf", NULL);

      g_assert_true (ll_print_export_pages_pdf (pages, keep, NULL));
    }

  /* three A4 pages, landscape, drawn on paper of that size */
  g_assert_cmpint (ll_test_pdf_pages (pdf), ==, 3);
  size = page_size_line (pdf);
  g_assert_nonnull (strstr (size, "841.89 x 595.276"));
  g_assert_cmpfloat_with_epsilon (data.width, 841.89, 0.01);
  g_assert_cmpfloat_with_epsilon (data.height, 595.28, 0.01);
  for (int page = 1; page <= 3; page++)
    {
      g_autofree char *text = page_text (pdf, page);
      g_autoptr(GPtrArray) lines = content_lines (text);
      g_autofree char *expected = g_strdup_printf ("Page %d", page);

      /* only what the source drew: no running header, no footer */
      g_assert_cmpuint (lines->len, ==, 1);
      g_assert_cmpstr (g_ptr_array_index (lines, 0), ==, expected);
    }
  all = ll_test_pdf_text (pdf);
  g_assert_null (strstr (all, "of 3"));

  g_assert_false (data.freed);
  ll_print_pages_free (pages);
  g_assert_true (data.freed);
  ll_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  /* Export needs no display: carry on whether or not there is one */
  (void) gtk_init_check ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/print/short", test_short);
  g_test_add_func ("/print/fragment-words", test_fragment_words);
  g_test_add_func ("/print/long", test_long);
  g_test_add_func ("/print/page-furniture-and-breaks", test_page_furniture_and_breaks);
  g_test_add_func ("/print/table-across-pages", test_table_across_pages);
  g_test_add_func ("/print/paper-size", test_paper_size);
  g_test_add_func ("/print/unwritable", test_unwritable);
  g_test_add_func ("/print/replace", test_replace);
  g_test_add_func ("/print/layout-direct", test_layout_direct);
  g_test_add_func ("/print/book-chapters", test_book_chapters);
  g_test_add_func ("/print/figures", test_figures);
  g_test_add_func ("/print/jpeg-embedded", test_jpeg_embedded);
  g_test_add_func ("/print/fixed-pages", test_fixed_pages);

  ret = g_test_run ();
  g_clear_pointer (&long_headings, g_ptr_array_unref);
  return ret;
}
