/* ll-framework-xml.c: frameworks of learning behaviours as XML files */
#define G_LOG_DOMAIN "ll-framework-xml"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlsave.h>

#include "ll-docbook.h"
#include "ll-docbook-private.h"
#include "ll-docbook-resources.h"
#include "ll-framework-xml.h"

#define SCHEMA_RESOURCE "/org/leadinglearning/LeadingLearning/schemas/framework.rng"
#define FORMAT_VERSION 1
/* framework, group, behaviour, name: a little room for more is enough */
#define MAX_DEPTH 8

/* Checking against the schema ------------------------------------------ */

typedef struct
{
  int      line;
  gboolean have_error;
} SchemaErrors;

static void
schema_error_cb (void        *user_data,
                 xmlErrorPtr  err)
{
  SchemaErrors *errors = user_data;

  if (errors->have_error || err == NULL)
    return;
  errors->have_error = TRUE;
  errors->line = err->line;
}

static void
ignore_error_cb (void        *user_data,
                 xmlErrorPtr  err)
{
}

static gboolean
check_schema (xmlDocPtr  xml,
              GError   **error)
{
  g_autoptr(GBytes) schema = NULL;
  xmlRelaxNGParserCtxtPtr parser;
  xmlRelaxNGPtr grammar;
  xmlRelaxNGValidCtxtPtr validator;
  SchemaErrors errors = { 0, FALSE };
  const char *data;
  gsize length;
  int result;

  schema = g_resource_lookup_data (ll_docbook_get_resource (), SCHEMA_RESOURCE,
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_assert (schema != NULL);
  data = g_bytes_get_data (schema, &length);
  parser = xmlRelaxNGNewMemParserCtxt (data, (int) length);
  xmlRelaxNGSetParserStructuredErrors (parser, ignore_error_cb, NULL);
  grammar = xmlRelaxNGParse (parser);
  xmlRelaxNGFreeParserCtxt (parser);
  g_assert (grammar != NULL);

  validator = xmlRelaxNGNewValidCtxt (grammar);
  xmlRelaxNGSetValidStructuredErrors (validator, schema_error_cb, &errors);
  result = xmlRelaxNGValidateDoc (validator, xml);
  xmlRelaxNGFreeValidCtxt (validator);
  xmlRelaxNGFree (grammar);

  if (result != 0)
    {
      g_set_error (error, LL_FRAMEWORK_ERROR, LL_FRAMEWORK_ERROR_INVALID,
                   _("This framework file breaks the format’s rules at line %d: it may have been "
                     "edited by hand or made by another program."),
                   MAX (errors.line, 1));
      return FALSE;
    }
  return TRUE;
}

/* Reading ---------------------------------------------------------------- */

static gboolean
is_element (xmlNodePtr  node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL
         && g_strcmp0 ((const char *) node->ns->href, LL_FRAMEWORK_XML_NS) == 0
         && g_strcmp0 ((const char *) node->name, name) == 0;
}

static xmlNodePtr
child (xmlNodePtr  parent,
       const char *name)
{
  for (xmlNodePtr node = parent->children; node != NULL; node = node->next)
    if (is_element (node, name))
      return node;
  return NULL;
}

/* The text of @parent's child @name, with white space collapsed; "" if none. */
static char *
child_text (xmlNodePtr  parent,
            const char *name)
{
  xmlNodePtr node = child (parent, name);
  xmlChar *content;
  g_auto(GStrv) words = NULL;

  if (node == NULL)
    return g_strdup ("");
  content = xmlNodeGetContent (node);
  words = g_strsplit_set ((const char *) content, " \t\r\n", -1);
  xmlFree (content);
  {
    g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
    g_auto(GStrv) joined = NULL;

    for (guint i = 0; words[i] != NULL; i++)
      if (words[i][0] != '\0')
        g_strv_builder_add (kept, words[i]);
    joined = g_strv_builder_end (kept);
    return g_strjoinv (" ", joined);
  }
}

static char *
id_of (xmlNodePtr node)
{
  xmlChar *id = xmlGetNoNsProp (node, (const xmlChar *) "id");
  char *copy = g_strdup (id != NULL ? (const char *) id : "");

  xmlFree (id);
  return copy;
}

static LlFramework *
framework_from_xml (xmlNodePtr root)
{
  g_autofree char *name = child_text (root, "name");
  g_autofree char *description = child_text (root, "description");
  LlFramework *framework = ll_framework_new (name, description);
  g_autoptr(GStrvBuilder) levels = g_strv_builder_new ();
  g_auto(GStrv) scale = NULL;

  for (xmlNodePtr level = child (root, "scale")->children; level != NULL; level = level->next)
    if (is_element (level, "level"))
      {
        xmlChar *text = xmlNodeGetContent (level);
        g_autofree char *stripped = g_strstrip (g_strdup ((const char *) text));

        g_strv_builder_add (levels, stripped);
        xmlFree (text);
      }
  scale = g_strv_builder_end (levels);
  ll_framework_set_scale (framework, (const char * const *) scale);

  for (xmlNodePtr node = root->children; node != NULL; node = node->next)
    {
      g_autofree char *group_id = NULL;
      g_autofree char *group_name = NULL;
      g_autofree char *group_description = NULL;
      guint group;

      if (!is_element (node, "group"))
        continue;
      group_id = id_of (node);
      group_name = child_text (node, "name");
      group_description = child_text (node, "description");
      group = ll_framework_add_group (framework, group_id, group_name, group_description);
      for (xmlNodePtr item = node->children; item != NULL; item = item->next)
        {
          g_autofree char *id = NULL;
          g_autofree char *item_name = NULL;
          g_autofree char *item_description = NULL;

          if (!is_element (item, "behaviour"))
            continue;
          id = id_of (item);
          item_name = child_text (item, "name");
          item_description = child_text (item, "description");
          ll_framework_add_behaviour (framework, group, id, item_name, item_description);
        }
    }
  return framework;
}

/* Whether @root is a framework at all, and of a version we read. */
static gboolean
check_root (xmlNodePtr  root,
            GError    **error)
{
  g_autofree char *version = NULL;
  xmlChar *attribute;
  gint64 number;

  if (root == NULL || !is_element (root, "framework"))
    {
      g_set_error_literal (error, LL_FRAMEWORK_ERROR, LL_FRAMEWORK_ERROR_NOT_FRAMEWORK,
                           _("This file is not a framework of learning behaviours exported "
                             "from Leading Learning."));
      return FALSE;
    }
  attribute = xmlGetNoNsProp (root, (const xmlChar *) "version");
  version = g_strdup ((const char *) attribute);
  xmlFree (attribute);
  if (version != NULL && g_ascii_string_to_signed (version, 10, 2, G_MAXINT, &number, NULL))
    {
      g_set_error_literal (error, LL_FRAMEWORK_ERROR, LL_FRAMEWORK_ERROR_NEWER,
                           _("This framework was made by a newer version of Leading Learning: "
                             "update the app to import it."));
      return FALSE;
    }
  return TRUE;
}

LlFramework *
ll_framework_xml_read (const char  *data,
                       gsize        length,
                       GError     **error)
{
  xmlDocPtr xml;
  g_autoptr(LlFramework) framework = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length > LL_DOCBOOK_MAX_SIZE)
    {
      ll_docbook_set_too_large (error);
      return NULL;
    }
  xml = ll_docbook_parse_safely (data, length, MAX_DEPTH, error);
  if (xml == NULL)
    {
      /* the parser's sentences speak of DocBook and of its limits */
      if (error != NULL && g_error_matches (*error, LL_DOCBOOK_ERROR, LL_DOCBOOK_ERROR_MALFORMED))
        {
          g_clear_error (error);
          g_set_error_literal (error, LL_DOCBOOK_ERROR, LL_DOCBOOK_ERROR_MALFORMED,
                               _("This file is not well-formed XML: it may be damaged, "
                                 "or not a framework file."));
        }
      else if (error != NULL && g_error_matches (*error, LL_DOCBOOK_ERROR, LL_DOCBOOK_ERROR_TOO_DEEP))
        {
          g_clear_error (error);
          g_set_error_literal (error, LL_DOCBOOK_ERROR, LL_DOCBOOK_ERROR_TOO_DEEP,
                               _("This file is nested more deeply than any framework: it may be "
                                 "damaged or made to cause harm."));
        }
      return NULL;
    }
  if (check_root (xmlDocGetRootElement (xml), error) && check_schema (xml, error))
    framework = framework_from_xml (xmlDocGetRootElement (xml));
  xmlFreeDoc (xml);
  if (framework == NULL || !ll_framework_validate (framework, error))
    return NULL;
  return g_steal_pointer (&framework);
}

LlFramework *
ll_framework_xml_read_file (const char  *path,
                            GError     **error)
{
  g_autoptr(GString) data = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  data = ll_docbook_load_file (path, error);
  if (data == NULL)
    return NULL;
  return ll_framework_xml_read (data->str, data->len, error);
}

/* Writing ---------------------------------------------------------------- */

static xmlNodePtr
add_text_child (xmlNodePtr  parent,
                xmlNsPtr    ns,
                const char *name,
                const char *text)
{
  return xmlNewTextChild (parent, ns, (const xmlChar *) name, (const xmlChar *) text);
}

char *
ll_framework_xml_write (LlFramework *framework,
                        gsize       *length)
{
  xmlDocPtr xml;
  xmlNodePtr root, scale;
  xmlNsPtr ns;
  const char * const *levels;
  xmlChar *out = NULL;
  int size = 0;
  char *result;

  g_return_val_if_fail (LL_IS_FRAMEWORK (framework), NULL);

  xml = xmlNewDoc ((const xmlChar *) "1.0");
  root = xmlNewNode (NULL, (const xmlChar *) "framework");
  ns = xmlNewNs (root, (const xmlChar *) LL_FRAMEWORK_XML_NS, NULL);
  xmlSetNs (root, ns);
  xmlDocSetRootElement (xml, root);
  xmlNewProp (root, (const xmlChar *) "version", (const xmlChar *) G_STRINGIFY (FORMAT_VERSION));
  add_text_child (root, ns, "name", ll_framework_get_name (framework));
  if (ll_framework_get_description (framework)[0] != '\0')
    add_text_child (root, ns, "description", ll_framework_get_description (framework));
  scale = xmlNewChild (root, ns, (const xmlChar *) "scale", NULL);
  levels = ll_framework_get_scale (framework);
  for (guint i = 0; levels[i] != NULL; i++)
    add_text_child (scale, ns, "level", levels[i]);

  for (guint g = 0; g < ll_framework_get_n_groups (framework); g++)
    {
      xmlNodePtr group = xmlNewChild (root, ns, (const xmlChar *) "group", NULL);
      const char *description = ll_framework_get_group_description (framework, g);

      xmlNewProp (group, (const xmlChar *) "id", (const xmlChar *) ll_framework_get_group_id (framework, g));
      add_text_child (group, ns, "name", ll_framework_get_group_name (framework, g));
      if (description[0] != '\0')
        add_text_child (group, ns, "description", description);
      for (guint b = 0; b < ll_framework_get_n_behaviours (framework, g); b++)
        {
          const LlBehaviour *behaviour = ll_framework_get_behaviour (framework, g, b);
          xmlNodePtr node = xmlNewChild (group, ns, (const xmlChar *) "behaviour", NULL);

          xmlNewProp (node, (const xmlChar *) "id", (const xmlChar *) behaviour->id);
          add_text_child (node, ns, "name", behaviour->name);
          if (behaviour->description[0] != '\0')
            add_text_child (node, ns, "description", behaviour->description);
        }
    }

  xmlDocDumpFormatMemoryEnc (xml, &out, &size, "UTF-8", 1);
  xmlFreeDoc (xml);
  result = g_strndup ((const char *) out, (gsize) size);
  xmlFree (out);
  if (length != NULL)
    *length = (gsize) size;
  return result;
}

gboolean
ll_framework_xml_write_file (LlFramework  *framework,
                             const char   *path,
                             GError      **error)
{
  g_autofree char *xml = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;

  g_return_val_if_fail (LL_IS_FRAMEWORK (framework), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  xml = ll_framework_xml_write (framework, &length);
  if (!g_file_set_contents_full (path, xml, (gssize) length, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                 &local_error))
    {
      ll_docbook_set_write_error (error, path, local_error->message);
      return FALSE;
    }
  return TRUE;
}
