/* test-document-kind.c: the kinds of document behind the workbook */
#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "ll-document-kind.h"
#include "ll-sample.h"
#include "ll-test-util.h"
#include "ll-workbook.h"

typedef struct
{
  char       *dir;
  LlWorkbook *workbook;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = ll_test_make_tmpdir ();
  path = g_build_filename (f->dir, "sample.llw", NULL);
  g_assert_true (ll_sample_generate (path, 1, &error));
  g_assert_no_error (error);
  f->workbook = ll_workbook_open (path, LL_WORKBOOK_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->workbook);
  ll_test_rm_rf (f->dir);
  g_free (f->dir);
}

static void
test_kinds_in_order (Fixture       *f,
                     gconstpointer  data)
{
  static const char * const expected[] = { "school", "vision", "observation", "observation-summary",
                                           "portfolio" };
  GListModel *kinds = ll_workbook_get_kinds (f->workbook);

  g_assert_cmpuint (g_list_model_get_n_items (kinds), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(LlDocumentKind) kind = g_list_model_get_item (kinds, i);

      g_assert_true (LL_IS_DOCUMENT_KIND (kind));
      g_assert_cmpstr (ll_document_kind_get_id (kind), ==, expected[i]);
      g_assert_true (ll_workbook_find_kind (f->workbook, expected[i]) == kind);
      g_assert_true (ll_document_kind_get_workbook (kind) == f->workbook);
    }
  g_assert_null (ll_workbook_find_kind (f->workbook, "no-such-kind"));
}

static void
test_each_document_has_one_kind (Fixture       *f,
                                 gconstpointer  data)
{
  GListModel *documents = ll_workbook_get_documents (f->workbook);
  GListModel *kinds = ll_workbook_get_kinds (f->workbook);
  guint n = g_list_model_get_n_items (documents);
  guint shares = 0;

  g_assert_cmpuint (n, >, 2);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LlDocumentInfo) info = g_list_model_get_item (documents, i);
      gint64 id = ll_document_info_get_id (info);
      LlDocumentKind *owner = ll_workbook_find_document_kind (f->workbook, id);
      guint owners = 0;

      for (guint k = 0; k < g_list_model_get_n_items (kinds); k++)
        {
          g_autoptr(LlDocumentKind) kind = g_list_model_get_item (kinds, k);

          if (ll_document_kind_owns (kind, id))
            {
              owners++;
              g_assert_true (kind == owner);
            }
        }
      g_assert_cmpuint (owners, ==, 1);
      g_assert_cmpstr (ll_document_kind_get_id (owner), ==, ll_document_info_get_kind (info));
    }

  /* the kinds' shares make up the list, none twice */
  for (guint k = 0; k < g_list_model_get_n_items (kinds); k++)
    {
      g_autoptr(LlDocumentKind) kind = g_list_model_get_item (kinds, k);

      shares += g_list_model_get_n_items (ll_document_kind_get_documents (kind));
    }
  g_assert_cmpuint (shares, ==, n);
}

static void
test_build_through_kinds (Fixture       *f,
                          gconstpointer  data)
{
  GListModel *kinds = ll_workbook_get_kinds (f->workbook);
  guint built = 0;

  for (guint k = 0; k < g_list_model_get_n_items (kinds); k++)
    {
      g_autoptr(LlDocumentKind) kind = g_list_model_get_item (kinds, k);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) infos = ll_document_kind_list_documents (kind, &error);

      g_assert_no_error (error);
      /* the sample has documents of every kind */
      g_assert_cmpuint (infos->len, >, 0);
      for (guint i = 0; i < infos->len; i++)
        {
          LlDocumentInfo *info = g_ptr_array_index (infos, i);
          g_autoptr(LlDoc) doc = ll_document_kind_build_doc (kind, ll_document_info_get_id (info), &error);

          g_assert_no_error (error);
          g_assert_nonnull (doc);
          g_assert_nonnull (doc->body);
          g_assert_cmpuint (doc->body->children->len, >, 0);
          g_assert_true (ll_document_kind_owns (kind, ll_document_info_get_id (info)));
          built++;
        }
    }
  g_assert_cmpuint (built, >=, g_list_model_get_n_items (ll_workbook_get_documents (f->workbook)));
}

static void
test_no_such_document (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlDoc) doc = NULL;

  g_assert_null (ll_workbook_find_document_kind (f->workbook, 987654321));
  doc = ll_workbook_build_doc (f->workbook, 987654321, &error);
  g_assert_null (doc);
  g_assert_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_NO_SUCH_DOCUMENT);
  g_assert_nonnull (strstr (error->message, "987654321"));
}

/* Every document, stored and made, has a name that leads back to it. */
static void
test_names (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = ll_workbook_list_documents (f->workbook, &error);
  g_autoptr(GPtrArray) summaries = ll_workbook_list_summaries (f->workbook, &error);
  GListModel *stored = ll_workbook_get_documents (f->workbook);
  gint64 id = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (summaries->len, >, 0);
  g_assert_cmpuint (all->len, ==, g_list_model_get_n_items (stored) + summaries->len);
  for (guint i = 0; i < all->len; i++)
    {
      LlDocumentInfo *info = g_ptr_array_index (all, i);
      g_autofree char *name = ll_workbook_dup_document_name (f->workbook,
                                                             ll_document_info_get_id (info));
      gint64 back = 0;

      g_assert_nonnull (name);
      g_assert_true (ll_workbook_document_id_from_name (f->workbook, name, &back));
      g_assert_cmpint (back, ==, ll_document_info_get_id (info));
    }
  for (guint i = 0; i < summaries->len; i++)
    {
      gint64 summary = ll_document_info_get_id (g_ptr_array_index (summaries, i));
      g_autofree char *name = ll_workbook_dup_document_name (f->workbook, summary);
      g_autofree char *expected = ll_workbook_dup_summary_name (summary);

      g_assert_cmpstr (name, ==, expected);
    }
  g_assert_null (ll_workbook_dup_document_name (f->workbook, 987654321));
  g_assert_false (ll_workbook_document_id_from_name (f->workbook, "987654321", &id));
  g_assert_false (ll_workbook_document_id_from_name (f->workbook, "no-such-document", &id));
}

static void
test_check_of_sample (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *report = NULL;
  gboolean ok = FALSE;

  report = ll_workbook_check (ll_workbook_get_path (f->workbook), &ok);
  g_assert_true (ok);
  g_assert_nonnull (strstr (report, "no problems found"));
}

/* Each kind checks its own part: a document whose kind's record is
 * gone is found and counted. */
static void
test_check_of_kinds (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_strdup (ll_workbook_get_path (f->workbook));
  g_autofree char *report = NULL;
  sqlite3 *db = NULL;
  gboolean ok = TRUE;

  g_clear_object (&f->workbook);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA foreign_keys = OFF; DELETE FROM narrative; "
                                 "DELETE FROM observation WHERE document_id IN "
                                 "(SELECT document_id FROM observation LIMIT 2);"
                                 /* a portfolio of one entry loses its participant */
                                 "DELETE FROM participant WHERE document_id = (SELECT document_id"
                                 "  FROM portfolio_entry GROUP BY document_id HAVING count (*) = 1);"
                                 "INSERT INTO portfolio_rule (kind, minimum) VALUES ('no-such-rule', 1)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  report = ll_workbook_check (path, &ok);
  g_assert_false (ok);
  g_assert_nonnull (strstr (report, "Vision narratives whose text is missing: 1"));
  g_assert_nonnull (strstr (report, "Observations whose record is missing: 2"));
  g_assert_nonnull (strstr (report, "Portfolios or entries whose participant is missing: 2"));
  g_assert_nonnull (strstr (report, "Rules of certification that cannot be read: 1"));
  g_assert_nonnull (strstr (report, "problems found"));
}

/* A kind that takes documents from outside says so, and takes them as
 * sections of stored rich text; the others refuse. */
static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "import.llw", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LlWorkbook) workbook = ll_workbook_create (path, &error);
  g_autoptr(LlDoc) doc = ll_doc_new ("vision", 0, "From Outside");
  g_autoptr(LlDoc) loose = ll_doc_new ("vision", 0, "Not in Sections");
  LlDocNode *section;
  LlDocNode *text;
  LlNarrative *narrative;
  gint64 id;

  g_assert_no_error (error);
  g_assert_true (ll_document_kind_can_import (ll_workbook_find_kind (workbook, "vision")));
  g_assert_false (ll_document_kind_can_import (ll_workbook_find_kind (workbook, "school")));
  g_assert_false (ll_document_kind_can_import (ll_workbook_find_kind (workbook, "observation")));

  section = ll_doc_add_section (doc->body, "Why");
  text = ll_doc_node_append (section, ll_doc_node_new (LL_DOC_FRAGMENT));
  text->text = g_strdup ("<para xmlns=\"http://docbook.org/ns/docbook\">Because.</para>");
  id = ll_workbook_import_doc (workbook, "vision", doc, &error);
  g_assert_no_error (error);
  narrative = ll_workbook_find_narrative (workbook, id);
  g_assert_nonnull (narrative);
  g_assert_cmpstr (ll_narrative_get_title (narrative), ==, "From Outside");
  g_assert_cmpuint (g_list_model_get_n_items (ll_narrative_get_sections (narrative)), ==, 1);

  g_assert_cmpint (ll_workbook_import_doc (workbook, "school", doc, &error), ==, 0);
  g_assert_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_INVALID);
  g_clear_error (&error);
  ll_doc_add_para (loose->body, "A paragraph outside any section.");
  g_assert_cmpint (ll_workbook_import_doc (workbook, "vision", loose, &error), ==, 0);
  g_assert_error (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/document-kind/order", Fixture, NULL, fixture_set_up, test_kinds_in_order,
              fixture_tear_down);
  g_test_add ("/document-kind/one-owner", Fixture, NULL, fixture_set_up,
              test_each_document_has_one_kind, fixture_tear_down);
  g_test_add ("/document-kind/build", Fixture, NULL, fixture_set_up, test_build_through_kinds,
              fixture_tear_down);
  g_test_add ("/document-kind/no-such-document", Fixture, NULL, fixture_set_up,
              test_no_such_document, fixture_tear_down);
  g_test_add ("/document-kind/names", Fixture, NULL, fixture_set_up, test_names,
              fixture_tear_down);
  g_test_add ("/document-kind/check", Fixture, NULL, fixture_set_up, test_check_of_sample,
              fixture_tear_down);
  g_test_add ("/document-kind/check-kinds", Fixture, NULL, fixture_set_up, test_check_of_kinds,
              fixture_tear_down);
  g_test_add ("/document-kind/import", Fixture, NULL, fixture_set_up, test_import,
              fixture_tear_down);
  return g_test_run ();
}
