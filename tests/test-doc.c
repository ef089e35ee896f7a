/* test-doc.c: the neutral document tree */
#include "config.h"

#include <gio/gio.h>

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

static GBytes *
load_image (const char *name)
{
  const char *dir = g_getenv ("LL_TEST_DATA");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize length = 0;

  g_assert_nonnull (dir);
  path = g_build_filename (dir, "images", name, NULL);
  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, length);
}

static void
test_book (void)
{
  g_autoptr(LlDoc) article = ll_doc_new ("school", 1, "Profile");
  g_autoptr(LlDoc) book = ll_doc_new_book ("portfolio", 2, "Portfolio");
  LlDocNode *chapter;

  g_assert_cmpint (article->root, ==, LL_DOC_ARTICLE);
  g_assert_cmpint (book->root, ==, LL_DOC_BOOK);
  g_assert_cmpint (book->body->type, ==, LL_DOC_BODY);
  chapter = ll_doc_add_chapter (book->body, "Reflections");
  g_assert_cmpint (chapter->type, ==, LL_DOC_CHAPTER);
  g_assert_cmpstr (chapter->title, ==, "Reflections");
  g_assert_false (ll_doc_node_is_inline (chapter));
  ll_doc_add_para (chapter, "What I learnt.");
  g_assert_cmpuint (book->body->children->len, ==, 1);
}

static void
test_image (void)
{
  g_autoptr(GBytes) png = load_image ("red-3x2.png");
  g_autoptr(GBytes) jpeg = load_image ("blue-4x5.jpg");
  g_autoptr(GBytes) text = g_bytes_new_static ("not a picture", 13);
  g_autoptr(GBytes) cut = NULL;
  g_autoptr(LlDocNode) body = ll_doc_node_new (LL_DOC_BODY);
  g_autoptr(LlDocNode) copy = NULL;
  g_autoptr(GError) error = NULL;
  LlDocNode *image, *figure;
  gsize length;
  const guint8 *data;

  image = ll_doc_add_image (body, png, "A red rectangle", &error);
  g_assert_no_error (error);
  g_assert_cmpint (image->type, ==, LL_DOC_IMAGE);
  g_assert_cmpstr (image->image->mime_type, ==, "image/png");
  g_assert_cmpuint (image->image->pixel_width, ==, 3);
  g_assert_cmpuint (image->image->pixel_height, ==, 2);
  g_assert_cmpstr (image->image->alt, ==, "A red rectangle");
  g_assert_true (g_bytes_equal (image->image->bytes, png));
  g_assert_false (ll_doc_node_is_inline (image));

  figure = ll_doc_add_figure (body, "Reading ages", jpeg, "A blue square", &error);
  g_assert_no_error (error);
  g_assert_cmpint (figure->type, ==, LL_DOC_FIGURE);
  g_assert_cmpstr (figure->title, ==, "Reading ages");
  g_assert_cmpuint (figure->children->len, ==, 1);
  image = g_ptr_array_index (figure->children, 0);
  g_assert_cmpstr (image->image->mime_type, ==, "image/jpeg");
  g_assert_cmpuint (image->image->pixel_width, ==, 4);
  g_assert_cmpuint (image->image->pixel_height, ==, 5);

  /* a deep copy keeps the picture */
  copy = ll_doc_node_copy (body);
  image = g_ptr_array_index (((LlDocNode *) g_ptr_array_index (copy->children, 1))->children, 0);
  g_assert_true (g_bytes_equal (image->image->bytes, jpeg));
  g_assert_cmpstr (image->image->alt, ==, "A blue square");

  /* only PNG and JPEG, judged by their bytes, with a whole header */
  g_assert_null (ll_doc_add_image (body, text, "x", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);
  data = g_bytes_get_data (png, &length);
  cut = g_bytes_new (data, 20);
  g_assert_null (ll_doc_add_figure (body, "x", cut, "x", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);
  data = g_bytes_get_data (jpeg, &length);
  /* a JPEG cut off before its frame header has no size */
  g_assert_false (ll_doc_image_sniff (data, 150, NULL, NULL, NULL));
  g_assert_true (ll_doc_image_sniff (data, length, NULL, NULL, NULL));
  g_assert_cmpuint (body->children->len, ==, 2);
}

static void
test_image_width (void)
{
  LlDocImage image = { .pixel_width = 300, .pixel_height = 150, .alt = (char *) "" };

  /* 300 pixels at 150 dpi are 2 inches */
  g_assert_cmpfloat_with_epsilon (ll_doc_image_print_width (&image, 450), 144.0, 1e-9);
  /* never wider than the text */
  image.pixel_width = 3000;
  g_assert_cmpfloat_with_epsilon (ll_doc_image_print_width (&image, 450), 450.0, 1e-9);
  image.width = 100;
  g_assert_cmpfloat_with_epsilon (ll_doc_image_print_width (&image, 450), 100.0, 1e-9);
  image.width = 600;
  g_assert_cmpfloat_with_epsilon (ll_doc_image_print_width (&image, 450), 450.0, 1e-9);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/doc/builders", test_builders);
  g_test_add_func ("/doc/inline-kinds", test_inline_kinds);
  g_test_add_func ("/doc/book", test_book);
  g_test_add_func ("/doc/image", test_image);
  g_test_add_func ("/doc/image-width", test_image_width);
  return g_test_run ();
}
