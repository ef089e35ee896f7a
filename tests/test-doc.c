/* test-doc.c: the neutral document tree */
#include "config.h"

#include "ll-doc.h"

static void
test_builders (void)
{
  g_autoptr(LlDoc) doc = ll_doc_new ("school", 7, "Profile");
  LlDocNode *section, *list, *table, *row;
  g_autofree char *text = NULL;

  g_assert_cmpstr (doc->lang, ==, "en-GB");
  g_assert_cmpint (doc->body->type, ==, LL_DOC_BODY);

  section = ll_doc_add_section (doc->body, "People");
  g_assert_cmpstr (section->title, ==, "People");
  ll_doc_add_para (section, "Two people.");
  list = ll_doc_add_list (section, TRUE);
  g_assert_cmpint (list->type, ==, LL_DOC_ORDERED_LIST);
  ll_doc_add_list_item (list, "First");
  ll_doc_add_list_item (list, "Second");
  table = ll_doc_node_append (section, ll_doc_node_new (LL_DOC_TABLE));
  row = ll_doc_add_row (table, "Name", "Role", NULL);
  g_assert_cmpuint (row->children->len, ==, 2);
  g_assert_cmpuint (section->children->len, ==, 3);

  text = ll_doc_node_get_text (section);
  g_assert_cmpstr (text, ==, "Two people.FirstSecondNameRole");
}

static void
test_inline_kinds (void)
{
  g_autoptr(LlDocNode) para = ll_doc_node_new (LL_DOC_PARA);
  LlDocNode *strong = ll_doc_node_append (para, ll_doc_node_new (LL_DOC_STRONG));

  ll_doc_node_append (strong, ll_doc_node_new_text ("bold"));
  g_assert_true (ll_doc_node_is_inline (strong));
  g_assert_false (ll_doc_node_is_inline (para));
  g_assert_true (ll_doc_node_is_inline (g_ptr_array_index (strong->children, 0)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/doc/builders", test_builders);
  g_test_add_func ("/doc/inline-kinds", test_inline_kinds);
  return g_test_run ();
}
