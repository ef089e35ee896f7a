/* test-observation-doc.c: an observation exported as DocBook and printed
 * as a sheet for the follow-up dialogue (displayless) */
#include "config.h"

#include <string.h>

#include "ll-observation-trend-private.h"
#include "ll-chart-trend.h"
#include "ll-docbook.h"
#include "ll-framework.h"
#include "ll-observation-doc.h"
#include "ll-observation-private.h"
#include "ll-observation-sample.h"
#include "ll-observation-summary.h"
#include "ll-print.h"
#include "ll-store-observation.h"
#include "ll-test-util.h"

static LlObservation *
make_observation (LlStore   *store,
                  LlPending *pending)
{
  g_autoptr(GError) error = NULL;
  gint64 id = ll_store_insert_observation (store, "Year 7 science, 4 March", 0, "2026-03-04", &error);
  LlObservation *observation = _ll_observation_load (store, pending, id, &error);

  g_assert_no_error (error);
  ll_observation_set_text (observation, LL_OBSERVATION_START, "10:40");
  ll_observation_set_number (observation, LL_OBSERVATION_DURATION, 50);
  ll_observation_set_text (observation, LL_OBSERVATION_CLASS_GROUP, "7B");
  ll_observation_set_text (observation, LL_OBSERVATION_YEAR_GROUP, "Year 7");
  ll_observation_set_text (observation, LL_OBSERVATION_SUBJECT, "Science");
  ll_observation_set_text (observation, LL_OBSERVATION_FOCUS, "perseverance questioning");
  ll_observation_set_text (observation, LL_OBSERVATION_CONTEXT,
                           "<para xmlns=\"http://docbook.org/ns/docbook\">Second lesson on <emphasis>"
                           "reactions</emphasis>.</para>");
  ll_observation_add_note (observation, 4, "perseverance", "Jo tries a second method & keeps going", &error);
  ll_observation_add_note (observation, 17, "questioning making-links", "“Is it like rust?”", &error);
  g_assert_no_error (error);
  ll_observation_change_tally (observation, "perseverance", 1);
  ll_observation_change_tally (observation, "perseverance", 1);
  ll_observation_set_level (observation, "perseverance", 2, "Kept going after a wrong start");
  ll_observation_set_text (observation, LL_OBSERVATION_QUESTIONS,
                           "<para xmlns=\"http://docbook.org/ns/docbook\">What made Jo try again?</para>");
  ll_observation_set_text (observation, LL_OBSERVATION_NEXT_STEPS,
                           "Ask pupils to plan before they start\n\nTry a think-pair-share\n");
  ll_observation_set_text (observation, LL_OBSERVATION_REFLECTION,
                           "<para xmlns=\"http://docbook.org/ns/docbook\">I rushed the plenary.</para>");
  ll_observation_set_text (observation, LL_OBSERVATION_FOLLOW_UP, "2026-03-18");
  ll_observation_set_status (observation, LL_OBSERVATION_DISCUSSED);
  return observation;
}

static void
test_export_and_print (void)
{
  g_autofree char *dir = ll_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "Observation.llw", NULL);
  g_autofree char *xml_path = g_build_filename (dir, "observation.xml", NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "observation.pdf", NULL);
  g_autofree char *xml = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LlStore) store = ll_store_create (path, &error);
  g_autoptr(LlPending) pending = ll_pending_new (store);
  g_autoptr(GPtrArray) builtin = ll_framework_list_builtin ();
  g_autoptr(LlObservation) observation = make_observation (store, pending);
  LlObservationNames names = { "Year 7 science, 4 March", "Helen Marsh", "Priya Shah", "Ashcombe Vale Primary" };
  LlDoc *doc = ll_observation_build_doc (observation, &names, g_ptr_array_index (builtin, 0));

  g_assert_true (ll_docbook_resolve_fragments (doc, &error));
  g_assert_no_error (error);
  g_assert_true (ll_docbook_write_file (doc, xml_path, &error));
  g_assert_no_error (error);
  ll_test_assert_docbook_valid (xml_path);
  g_assert_true (g_file_get_contents (xml_path, &xml, NULL, NULL));
  g_assert_nonnull (strstr (xml, "<author>"));
  g_assert_nonnull (strstr (xml, "Perseverance, Questioning"));
  g_assert_nonnull (strstr (xml, "Questioning, Making links"));
  g_assert_nonnull (strstr (xml, "Jo tries a second method &amp; keeps going"));
  g_assert_nonnull (strstr (xml, "<emphasis>reactions</emphasis>"));
  g_assert_nonnull (strstr (xml, "Agreed: Ask pupils to plan before they start"));
  g_assert_nonnull (strstr (xml, "Developing"));
  /* no grade of the lesson or of the teacher, by design */
  g_assert_null (strstr (xml, "Outstanding"));
  g_assert_null (strstr (xml, "Grade"));
  g_assert_null (strstr (xml, "Requires improvement"));

  g_assert_true (ll_print_export_pdf (doc, NULL, pdf_path, &error));
  g_assert_no_error (error);
  text = ll_test_pdf_text (pdf_path);
  g_assert_nonnull (strstr (text, "Questions for the dialogue"));
  /* a sheet for the conversation: what to talk about before the notes */
  g_assert_nonnull (strstr (text, "Notes from the lesson"));
  g_assert_true (strstr (text, "Questions for the dialogue") < strstr (text, "Notes from the lesson"));
  g_assert_true (strstr (text, "Agreed: ") < strstr (text, "Notes from the lesson"));
  g_assert_nonnull (strstr (text, "What made Jo try again?"));
  g_assert_nonnull (strstr (text, "Kept going after a wrong start"));
  g_assert_nonnull (strstr (text, "Follow-up on 18 March 2026."));
  ll_doc_free (doc);
  ll_pending_flush (pending, NULL);
  ll_test_rm_rf (dir);
}

/* A planned observation, with nothing yet but its date, is still a
 * valid document. */
static void
test_planned (void)
{
  g_autofree char *dir = ll_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "Planned.llw", NULL);
  g_autofree char *xml_path = g_build_filename (dir, "planned.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LlStore) store = ll_store_create (path, &error);
  g_autoptr(LlPending) pending = ll_pending_new (store);
  gint64 id = ll_store_insert_observation (store, "", 0, "2026-06-01", &error);
  g_autoptr(LlObservation) observation = _ll_observation_load (store, pending, id, &error);
  LlObservationNames names = { NULL, NULL, NULL, NULL };
  LlDoc *doc = ll_observation_build_doc (observation, &names, NULL);

  g_assert_cmpstr (doc->title, ==, "Lesson observation");
  g_assert_true (ll_docbook_resolve_fragments (doc, &error));
  g_assert_true (ll_docbook_write_file (doc, xml_path, &error));
  g_assert_no_error (error);
  ll_test_assert_docbook_valid (xml_path);
  ll_doc_free (doc);
  ll_test_rm_rf (dir);
}

/* A term's summary: counts, the behaviours as a chart and as a table,
 * the next steps agreed; valid DocBook with the chart beside it, and on
 * paper. No teacher is named. */
static void
test_summary (void)
{
  g_autofree char *dir = ll_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "Summary.llw", NULL);
  g_autofree char *xml_path = g_build_filename (dir, "summary.xml", NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "summary.pdf", NULL);
  g_autofree char *xml = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LlStore) store = ll_store_create (path, &error);
  g_autoptr(GPtrArray) builtin = ll_framework_list_builtin ();
  g_autoptr(LlObservationTrend) trend = NULL;
  g_autoptr(GBytes) png = NULL;
  gint64 teacher = ll_store_insert_person (store, "Grace Adeyemi", "teacher", &error);
  gint64 observer = ll_store_insert_person (store, "Helen Marsh", "headteacher", &error);
  LlObservationSampleSetup setup = {
    0, g_ptr_array_index (builtin, 0), &observer, 1, &teacher, 1, "2026-06-30",
  };
  LlChart *chart;
  LlDoc *doc;
  guint spring = G_MAXUINT;

  setup.framework_id = ll_store_save_framework (store, 0, setup.framework, &error);
  g_assert_true (ll_observation_sample_add (store, &setup, 1, &error));
  g_assert_no_error (error);

  trend = ll_observation_trend_new (store, setup.framework_id, NULL, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trend->n_terms, >=, 3);
  g_assert_cmpuint (trend->n_behaviours, ==, 17);
  for (guint t = 0; t < trend->n_terms; t++)
    if (g_str_has_prefix (trend->term_labels[t], "Spring term 2026"))
      spring = t;
  g_assert_cmpuint (spring, <, trend->n_terms);

  chart = ll_chart_trend_new (trend, spring, 1, trend->term_labels[spring]);
  png = ll_chart_render_png (chart, LL_CHART_RADAR, 800, 640);
  ll_chart_trend_free (chart);
  {
    const LlObservationTrend *trends[] = { trend };
    GBytes *charts[] = { png };

    doc = ll_observation_summary_build_doc (store, trends, charts, 1, spring, "Ashcombe Vale Primary School",
                                            &error);
  }
  g_assert_no_error (error);
  g_assert_cmpstr (doc->title, ==, "Observations, Spring term 2026");

  g_assert_true (ll_docbook_write_file (doc, xml_path, &error));
  g_assert_no_error (error);
  ll_test_assert_docbook_valid (xml_path);
  g_assert_true (g_file_get_contents (xml_path, &xml, NULL, NULL));
  g_assert_nonnull (strstr (xml, "<figure"));
  g_assert_nonnull (strstr (xml, "By year group"));
  g_assert_nonnull (strstr (xml, "Developing or embedded"));
  g_assert_nonnull (strstr (xml, "Next steps agreed"));
  g_assert_null (strstr (xml, "Grace Adeyemi"));

  g_assert_true (ll_print_export_pdf (doc, NULL, pdf_path, &error));
  g_assert_no_error (error);
  if (g_getenv ("LL_KEEP_PDF") != NULL)
    ll_print_export_pdf (doc, NULL, g_getenv ("LL_KEEP_PDF"), NULL);
  text = ll_test_pdf_text (pdf_path);
  g_assert_nonnull (strstr (text, "Empathy and listening"));
  g_assert_nonnull (strstr (text, "%"));
  ll_doc_free (doc);
  ll_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/observation-doc/export-and-print", test_export_and_print);
  g_test_add_func ("/observation-doc/planned", test_planned);
  g_test_add_func ("/observation-doc/summary", test_summary);
  return g_test_run ();
}
