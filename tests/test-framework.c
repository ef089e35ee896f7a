/* test-framework.c: frameworks of learning behaviours, the two that ship,
 * their rules, and their XML files, as a school moves them between
 * workbooks (displayless) */
#define G_LOG_DOMAIN "test-framework"

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "ll-docbook.h"
#include "ll-framework.h"
#include "ll-framework-xml.h"
#include "ll-test-util.h"

static char *
schema_path (void)
{
  const char *root = g_getenv ("LL_SOURCE_ROOT");

  g_assert_nonnull (root);
  return g_build_filename (root, "data", "leading-learning-framework.rng", NULL);
}

static LlFramework *
builtin (guint index)
{
  g_autoptr(GPtrArray) frameworks = ll_framework_list_builtin ();

  g_assert_cmpuint (frameworks->len, ==, 2);
  return g_object_ref (g_ptr_array_index (frameworks, index));
}

static guint
count_behaviours (LlFramework *framework)
{
  g_auto(GStrv) ids = ll_framework_dup_behaviour_ids (framework);

  return g_strv_length (ids);
}

static void
test_builtin (void)
{
  g_autoptr(LlFramework) blp = builtin (0);
  g_autoptr(LlFramework) power = builtin (1);
  const char * const *scale = ll_framework_get_scale (blp);
  const LlBehaviour *behaviour;
  guint group = G_MAXUINT;
  g_autoptr(GError) error = NULL;

  /* Building Learning Power: four groups, seventeen capacities */
  g_assert_cmpstr (ll_framework_get_name (blp), ==, "Building Learning Power");
  g_assert_cmpuint (ll_framework_get_n_groups (blp), ==, 4);
  g_assert_cmpstr (ll_framework_get_group_name (blp, 0), ==, "Resilience");
  g_assert_cmpstr (ll_framework_get_group_name (blp, 1), ==, "Resourcefulness");
  g_assert_cmpstr (ll_framework_get_group_name (blp, 2), ==, "Reflectiveness");
  g_assert_cmpstr (ll_framework_get_group_name (blp, 3), ==, "Reciprocity");
  g_assert_cmpuint (ll_framework_get_n_behaviours (blp, 0), ==, 4);
  g_assert_cmpuint (ll_framework_get_n_behaviours (blp, 1), ==, 5);
  g_assert_cmpuint (ll_framework_get_n_behaviours (blp, 2), ==, 4);
  g_assert_cmpuint (ll_framework_get_n_behaviours (blp, 3), ==, 4);
  g_assert_cmpuint (count_behaviours (blp), ==, 17);
  behaviour = ll_framework_find_behaviour (blp, "empathy-and-listening", &group);
  g_assert_nonnull (behaviour);
  g_assert_cmpstr (behaviour->name, ==, "Empathy and listening");
  g_assert_cmpuint (group, ==, 3);
  g_assert_null (ll_framework_find_behaviour (blp, "grit", NULL));

  /* the default developmental scale */
  g_assert_cmpuint (g_strv_length ((char **) scale), ==, 4);
  g_assert_cmpstr (scale[0], ==, "Not yet seen");
  g_assert_cmpstr (scale[3], ==, "Embedded");

  /* seven dimensions of learning power */
  g_assert_cmpuint (count_behaviours (power), ==, 7);
  g_assert_nonnull (ll_framework_find_behaviour (power, "critical-curiosity", NULL));
  g_assert_nonnull (ll_framework_find_behaviour (power, "strategic-awareness", NULL));

  /* each behaviour has a line that says what it looks like */
  for (guint g = 0; g < ll_framework_get_n_groups (blp); g++)
    for (guint b = 0; b < ll_framework_get_n_behaviours (blp, g); b++)
      g_assert_cmpuint (strlen (ll_framework_get_behaviour (blp, g, b)->description), >, 20);

  g_assert_true (ll_framework_validate (blp, &error));
  g_assert_no_error (error);
  g_assert_true (ll_framework_validate (power, &error));
  g_assert_no_error (error);
}

static void
assert_same (LlFramework *a,
             LlFramework *b)
{
  g_assert_cmpstr (ll_framework_get_name (a), ==, ll_framework_get_name (b));
  g_assert_cmpstr (ll_framework_get_description (a), ==, ll_framework_get_description (b));
  g_assert_cmpstrv (ll_framework_get_scale (a), ll_framework_get_scale (b));
  g_assert_cmpuint (ll_framework_get_n_groups (a), ==, ll_framework_get_n_groups (b));
  for (guint g = 0; g < ll_framework_get_n_groups (a); g++)
    {
      g_assert_cmpstr (ll_framework_get_group_id (a, g), ==, ll_framework_get_group_id (b, g));
      g_assert_cmpstr (ll_framework_get_group_name (a, g), ==, ll_framework_get_group_name (b, g));
      g_assert_cmpstr (ll_framework_get_group_description (a, g), ==,
                       ll_framework_get_group_description (b, g));
      g_assert_cmpuint (ll_framework_get_n_behaviours (a, g), ==, ll_framework_get_n_behaviours (b, g));
      for (guint i = 0; i < ll_framework_get_n_behaviours (a, g); i++)
        {
          const LlBehaviour *x = ll_framework_get_behaviour (a, g, i);
          const LlBehaviour *y = ll_framework_get_behaviour (b, g, i);

          g_assert_cmpstr (x->id, ==, y->id);
          g_assert_cmpstr (x->name, ==, y->name);
          g_assert_cmpstr (x->description, ==, y->description);
        }
    }
}

/* What one school exports, another imports as it was; the file is valid
 * against the schema that ships in data/, and private to its owner. */
static void
test_round_trip (void)
{
  g_autofree char *dir = ll_test_make_tmpdir ();
  g_autofree char *rng = schema_path ();

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(LlFramework) framework = builtin (i);
      g_autoptr(LlFramework) back = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("framework-%u.xml", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      GStatBuf info;

      g_assert_true (ll_framework_xml_write_file (framework, path, &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_stat (path, &info), ==, 0);
      g_assert_cmpint (info.st_mode & 0777, ==, 0600);
      ll_test_assert_valid_against (path, rng);
      back = ll_framework_xml_read_file (path, &error);
      g_assert_no_error (error);
      assert_same (framework, back);
    }

  /* a school's own framework, with its own scale, accents and all */
  {
    g_autoptr(LlFramework) own = ll_framework_new ("Nos muscles d’apprentissage", "");
    const char * const scale[] = { "Pas encore", "Parfois", "Souvent", NULL };
    g_autoptr(LlFramework) back = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *xml = NULL;
    gsize length;
    guint group;

    ll_framework_set_scale (own, scale);
    group = ll_framework_add_group (own, "ecoute", "Écoute & <respect>", "");
    ll_framework_add_behaviour (own, group, "tour-de-parole", "Tour de parole", "Attend son tour “poliment”");
    xml = ll_framework_xml_write (own, &length);
    back = ll_framework_xml_read (xml, length, &error);
    g_assert_no_error (error);
    assert_same (own, back);
  }
  ll_test_rm_rf (dir);
}

typedef struct
{
  const char *what;
  const char *xml;
  const char *domain;   /* "docbook" or "framework" */
  int         code;
} Hostile;

#define HEAD "<framework xmlns=\"" LL_FRAMEWORK_XML_NS "\" version=\"1\">"
#define SCALE "<scale><level>No</level><level>Yes</level></scale>"
#define GROUP "<group id=\"g\"><name>G</name><behaviour id=\"b\"><name>B</name></behaviour></group>"

static const Hostile hostile[] = {
  { "billion laughs",
    "<?xml version=\"1.0\"?><!DOCTYPE framework [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>"
    HEAD "<name>&b;</name>" SCALE GROUP "</framework>",
    "docbook", LL_DOCBOOK_ERROR_UNSAFE },
  { "external entity",
    "<!DOCTYPE framework [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
    HEAD "<name>&x;</name>" SCALE GROUP "</framework>",
    "docbook", LL_DOCBOOK_ERROR_UNSAFE },
  { "not well-formed", HEAD "<name>Half", "docbook", LL_DOCBOOK_ERROR_MALFORMED },
  { "empty", "", "docbook", LL_DOCBOOK_ERROR_MALFORMED },
  { "a DocBook article",
    "<article xmlns=\"http://docbook.org/ns/docbook\" version=\"5.0\"><title>T</title><para/></article>",
    "framework", LL_FRAMEWORK_ERROR_NOT_FRAMEWORK },
  { "no namespace", "<framework version=\"1\"><name>N</name></framework>",
    "framework", LL_FRAMEWORK_ERROR_NOT_FRAMEWORK },
  { "a newer version",
    "<framework xmlns=\"" LL_FRAMEWORK_XML_NS "\" version=\"2\"><name>N</name>" SCALE GROUP "</framework>",
    "framework", LL_FRAMEWORK_ERROR_NEWER },
  { "an element of no one's",
    HEAD "<name>N</name>" SCALE GROUP "<script>alert(1)</script></framework>",
    "framework", LL_FRAMEWORK_ERROR_INVALID },
  { "no groups", HEAD "<name>N</name>" SCALE "</framework>", "framework", LL_FRAMEWORK_ERROR_INVALID },
  { "an identifier with spaces",
    HEAD "<name>N</name>" SCALE
    "<group id=\"g\"><name>G</name><behaviour id=\"Making Links\"><name>B</name></behaviour></group></framework>",
    "framework", LL_FRAMEWORK_ERROR_INVALID },
  { "an identifier used twice",
    HEAD "<name>N</name>" SCALE
    "<group id=\"g\"><name>G</name><behaviour id=\"b\"><name>B</name></behaviour>"
    "<behaviour id=\"b\"><name>C</name></behaviour></group></framework>",
    "framework", LL_FRAMEWORK_ERROR_INVALID },
  { "a name of spaces", HEAD "<name>   </name>" SCALE GROUP "</framework>",
    "framework", LL_FRAMEWORK_ERROR_INVALID },
  { "a scale of one level", HEAD "<name>N</name><scale><level>Seen</level></scale>" GROUP "</framework>",
    "framework", LL_FRAMEWORK_ERROR_INVALID },
  { "a scale that repeats a level",
    HEAD "<name>N</name><scale><level>Seen</level><level>Seen</level></scale>" GROUP "</framework>",
    "framework", LL_FRAMEWORK_ERROR_INVALID },
  { "a processing instruction and a comment only", "<?xml-stylesheet href=\"x\"?><!-- nothing -->",
    "docbook", LL_DOCBOOK_ERROR_MALFORMED },
};

static void
assert_refused (const char *what,
                GError     *error,
                const char *domain,
                int         code)
{
  if (error == NULL)
    g_error ("%s was imported", what);
  g_test_message ("%s: %s", what, error->message);
  g_assert_true (error->domain == (g_str_equal (domain, "docbook") ? LL_DOCBOOK_ERROR : LL_FRAMEWORK_ERROR));
  g_assert_cmpint (error->code, ==, code);
  /* one sentence, to show as it is */
  g_assert_cmpuint (strlen (error->message), >, 20);
  g_assert_null (strchr (error->message, '\n'));
}

static void
test_hostile (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LlFramework) framework = ll_framework_xml_read (hostile[i].xml, strlen (hostile[i].xml), &error);

      g_assert_null (framework);
      assert_refused (hostile[i].what, error, hostile[i].domain, hostile[i].code);
    }

  /* nested deeper than any framework */
  {
    g_autoptr(GString) deep = g_string_new (HEAD "<name>N</name>" SCALE);
    g_autoptr(GError) error = NULL;
    g_autoptr(LlFramework) framework = NULL;

    for (guint i = 0; i < 10000; i++)
      g_string_append (deep, "<group>");
    framework = ll_framework_xml_read (deep->str, deep->len, &error);
    g_assert_null (framework);
    assert_refused ("deep nesting", error, "docbook", LL_DOCBOOK_ERROR_TOO_DEEP);
  }

  /* larger than any framework, refused before it is read */
  {
    g_autofree char *dir = ll_test_make_tmpdir ();
    g_autofree char *path = g_build_filename (dir, "huge.xml", NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(LlFramework) framework = NULL;
    FILE *file = g_fopen (path, "wb");

    g_assert_nonnull (file);
    g_assert_cmpint (fseek (file, 40 * 1024 * 1024, SEEK_SET), ==, 0);
    g_assert_cmpint (fputc ('x', file), !=, EOF);
    fclose (file);
    framework = ll_framework_xml_read_file (path, &error);
    g_assert_null (framework);
    assert_refused ("a huge file", error, "docbook", LL_DOCBOOK_ERROR_TOO_LARGE);

    g_clear_error (&error);
    g_assert_null (ll_framework_xml_read_file (dir, &error));
    g_assert_nonnull (error);
    ll_test_rm_rf (dir);
  }
}

/* A framework that observations use can be changed, but not lose the
 * behaviours they recorded. */
static void
test_in_use (void)
{
  g_autoptr(LlFramework) blp = builtin (0);
  g_autoptr(LlFramework) edited = ll_framework_copy (blp);
  g_autoptr(LlFramework) smaller = ll_framework_new ("Building Learning Power", "");
  g_autoptr(GError) error = NULL;
  const char * const in_use[] = { "perseverance", "questioning", NULL };
  guint group;

  assert_same (blp, edited);
  /* a renamed framework and a new behaviour are fine */
  ll_framework_set_name (edited, "BLP at Ashcombe Vale");
  ll_framework_add_behaviour (edited, 0, "concentration", "Concentration", "");
  g_assert_true (ll_framework_can_replace (blp, edited, in_use, &error));
  g_assert_no_error (error);

  /* one that loses a behaviour in use is refused, by name */
  group = ll_framework_add_group (smaller, "resilience", "Resilience", "");
  ll_framework_add_behaviour (smaller, group, "noticing", "Noticing", "");
  ll_framework_add_behaviour (smaller, group, "questioning", "Asking questions", "");
  g_assert_false (ll_framework_can_replace (blp, smaller, in_use, &error));
  g_assert_error (error, LL_FRAMEWORK_ERROR, LL_FRAMEWORK_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "“Perseverance”"));
  g_assert_null (strstr (error->message, "Questioning"));
  g_clear_error (&error);

  /* moving it to another group keeps it */
  ll_framework_add_behaviour (smaller, group, "perseverance", "Perseverance", "");
  g_assert_true (ll_framework_can_replace (blp, smaller, in_use, &error));
  g_assert_no_error (error);
  {
    g_autoptr(LlFramework) moved = ll_framework_copy (blp);
    guint from = 0, to = 0, index = 0, now = 0;

    g_assert_nonnull (ll_framework_find_behaviour (moved, "perseverance", &from));
    g_assert_nonnull (ll_framework_find_behaviour (moved, "questioning", &to));
    g_assert_cmpuint (from, !=, to);
    while (!g_str_equal (ll_framework_get_behaviour (moved, from, index)->id, "perseverance"))
      index++;
    ll_framework_move_behaviour_to_group (moved, from, index, to);
    g_assert_nonnull (ll_framework_find_behaviour (moved, "perseverance", &now));
    g_assert_cmpuint (now, ==, to);
    g_assert_cmpstr (ll_framework_get_behaviour (moved, to, ll_framework_get_n_behaviours (moved, to) - 1)->id,
                     ==, "perseverance");
    g_assert_cmpuint (ll_framework_get_n_behaviours (moved, from), ==,
                      ll_framework_get_n_behaviours (blp, from) - 1);
    g_assert_true (ll_framework_can_replace (blp, moved, in_use, &error));
  }

  /* and an invalid replacement is refused whatever it keeps */
  ll_framework_add_behaviour (smaller, group, "noticing", "Noticing again", "");
  g_assert_false (ll_framework_can_replace (blp, smaller, in_use, &error));
  g_assert_error (error, LL_FRAMEWORK_ERROR, LL_FRAMEWORK_ERROR_INVALID);
}

static void
test_ids (void)
{
  const char *good[] = { "a", "making-links", "year-7", "x1-y2-z3" };
  const char *bad[] = { "", "-a", "a-", "a--b", "Making", "a b", "é", "a_b",
                        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (ll_framework_id_is_valid (good[i]));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (ll_framework_id_is_valid (bad[i]));
  g_assert_false (ll_framework_id_is_valid (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/framework/builtin", test_builtin);
  g_test_add_func ("/framework/round-trip", test_round_trip);
  g_test_add_func ("/framework/hostile", test_hostile);
  g_test_add_func ("/framework/in-use", test_in_use);
  g_test_add_func ("/framework/ids", test_ids);
  return g_test_run ();
}
