/* ll-docbook-read-info.c: titles and metadata from DocBook
 *
 * Titles may stand in the element or in its <info>; the document's
 * authors, date and language become the metadata of the LlDoc.
 */
#define G_LOG_DOMAIN "ll-docbook"

#include "config.h"

#include "ll-docbook-reader-private.h"

xmlNodePtr
ll_docbook_find_child (xmlNodePtr  node,
                       const char *name)
{
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    if (ll_docbook_is_named (child, name))
      return child;
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    if (ll_docbook_kind_of (child) == K_INFO)
      for (xmlNodePtr grand = child->children; grand != NULL; grand = grand->next)
        if (ll_docbook_is_named (grand, name))
          return grand;
  return NULL;
}

char *
ll_docbook_read_title (Reader     *rd,
                       xmlNodePtr  node,
                       guint       depth)
{
  xmlNodePtr title = ll_docbook_find_child (node, "title");

  return title != NULL ? ll_docbook_read_line (rd, title, depth + 1) : g_strdup ("");
}

/* A personal name: from <personname>, or from its parts, or an <orgname>. */
static char *
read_person (Reader     *rd,
             xmlNodePtr  node,
             guint       depth)
{
  static const char * const parts[] = {
    "honorific", "firstname", "givenname", "othername", "surname", "lineage", NULL
  };
  GString *name = g_string_new (NULL);
  xmlNodePtr personname = NULL;
  xmlNodePtr orgname = NULL;
  gboolean has_elements = FALSE;

  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_ELEMENT_NODE)
        has_elements = TRUE;
      if (ll_docbook_is_named (child, "personname") && personname == NULL)
        personname = child;
      else if (ll_docbook_is_named (child, "orgname") && orgname == NULL)
        orgname = child;
    }
  if (personname != NULL)
    {
      g_string_free (name, TRUE);
      return read_person (rd, personname, depth + 1);
    }

  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    if (ll_docbook_is_docbook (child) && g_strv_contains (parts, (const char *) child->name))
      {
        g_autofree char *part = ll_docbook_read_line (rd, child, depth + 1);

        if (part[0] == '\0')
          continue;
        if (name->len > 0)
          g_string_append_c (name, ' ');
        g_string_append (name, part);
      }
  if (name->len == 0)
    {
      g_autofree char *whole = NULL;

      if (orgname != NULL)
        whole = ll_docbook_read_line (rd, orgname, depth + 1);
      else if (!has_elements)
        whole = ll_docbook_read_line (rd, node, depth);
      if (whole != NULL)
        g_string_append (name, whole);
    }
  return g_string_free (name, FALSE);
}

static char *
read_authors (Reader     *rd,
              xmlNodePtr  root)
{
  GString *authors = g_string_new (NULL);

  for (xmlNodePtr child = root->children; child != NULL; child = child->next)
    {
      if (ll_docbook_kind_of (child) != K_INFO)
        continue;
      for (xmlNodePtr item = child->children; item != NULL; item = item->next)
        {
          xmlNodePtr first = item;
          xmlNodePtr only = NULL;

          if (ll_docbook_is_named (item, "authorgroup"))
            first = item->children;
          else if (ll_docbook_is_named (item, "author"))
            only = item->next;
          else
            continue;
          for (xmlNodePtr author = first; author != only; author = author->next)
            {
              g_autofree char *name = NULL;

              if (!ll_docbook_is_named (author, "author"))
                continue;
              name = read_person (rd, author, 3);
              if (name[0] == '\0')
                continue;
              if (authors->len > 0)
                g_string_append (authors, ", ");
              g_string_append (authors, name);
            }
        }
    }
  if (authors->len == 0)
    {
      g_string_free (authors, TRUE);
      return NULL;
    }
  return g_string_free (authors, FALSE);
}

void
ll_docbook_read_info (Reader     *rd,
                      xmlNodePtr  root,
                      LlDoc      *doc)
{
  xmlNodePtr node;

  g_free (doc->title);
  doc->title = ll_docbook_read_title (rd, root, 1);
  if ((node = ll_docbook_find_child (root, "subtitle")) != NULL)
    doc->subtitle = ll_docbook_read_line (rd, node, 2);
  doc->author = read_authors (rd, root);
  if ((node = ll_docbook_find_child (root, "date")) != NULL
      || (node = ll_docbook_find_child (root, "pubdate")) != NULL)
    doc->date = ll_docbook_read_line (rd, node, 2);
  {
    g_autofree char *lang = ll_docbook_get_prop (root, "lang", (const char *) XML_XML_NAMESPACE);
    g_autofree char *clean = ll_docbook_clean_line (lang);

    if (clean[0] != '\0')
      {
        g_free (doc->lang);
        doc->lang = g_steal_pointer (&clean);
      }
  }
  /* metadata that is empty is absent */
  if (doc->subtitle != NULL && doc->subtitle[0] == '\0')
    g_clear_pointer (&doc->subtitle, g_free);
  if (doc->date != NULL && doc->date[0] == '\0')
    g_clear_pointer (&doc->date, g_free);
}
