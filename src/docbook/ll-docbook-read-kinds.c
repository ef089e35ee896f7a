/* ll-docbook-read-kinds.c: what each DocBook element is to the reader
 *
 * Elements are sorted into kinds by their local name in the DocBook
 * namespace; an element of no kind, or outside the namespace, is unknown.
 */
#define G_LOG_DOMAIN "ll-docbook"

#include "config.h"

#include <string.h>

#include "ll-docbook-reader-private.h"

static const struct
{
  const char *names;
  Kind        kind;
} kind_table[] = {
  { "indexterm anchor remark colspec spanspec toc index lot annotation alt "
    "textobject beginpage", K_IGNORE },
  { "title titleabbrev subtitle", K_TITLE },
  { "info articleinfo bookinfo chapterinfo sectioninfo sect1info sect2info "
    "sect3info prefaceinfo appendixinfo", K_INFO },
  { "para simpara", K_PARA },
  { "formalpara", K_FORMALPARA },
  { "section sect1 sect2 sect3 sect4 sect5 simplesect chapter appendix preface "
    "article part refsection refsect1 refsect2 refsect3 acknowledgements colophon "
    "dedication", K_SECTION },
  { "itemizedlist", K_ITEMIZED },
  { "orderedlist procedure substeps", K_ORDERED },
  { "listitem step", K_LISTITEM },
  { "simplelist", K_SIMPLELIST },
  { "member", K_MEMBER },
  { "variablelist", K_VARLIST },
  { "varlistentry", K_VARENTRY },
  { "term", K_TERM },
  { "blockquote epigraph", K_BLOCKQUOTE },
  { "attribution", K_ATTRIBUTION },
  { "table informaltable", K_TABLE },
  { "tgroup thead tbody tfoot row entry entrytbl tr td th caption", K_TABLE_PART },
  { "note tip warning caution important sidebar", K_ADMONITION },
  { "programlisting literallayout screen synopsis address", K_PREFORMATTED },
  { "mediaobject inlinemediaobject imageobject imagedata graphic inlinegraphic "
    "videoobject audioobject", K_IMAGE },
  { "figure informalfigure example informalexample screenshot equation "
    "informalequation", K_FIGURE },
  { "footnote", K_FOOTNOTE },
  { "bridgehead", K_BRIDGEHEAD },
  { "abstract partintro highlights personblurb", K_BLOCK },
  { "emphasis", K_EMPHASIS },
  { "link", K_LINK },
  { "ulink", K_ULINK },
  { "quote", K_QUOTE },
  { "xref footnoteref", K_XREF },
  { "literal code phrase citetitle filename command userinput computeroutput "
    "replaceable varname acronym abbrev foreignphrase wordasword firstterm glossterm "
    "productname productnumber orgname personname firstname surname givenname "
    "othername honorific lineage application option systemitem subscript "
    "superscript trademark citation date uri email olink keycap keycombo guilabel "
    "guimenu guimenuitem guisubmenu guibutton menuchoice prompt envar parameter "
    "function classname constant type markup tag token symbol property database "
    "hardware jobtitle mathphrase inlineequation author editor affiliation "
    "shortaffil", K_INLINE },
};

static GHashTable *
kinds (void)
{
  static gsize once = 0;
  static GHashTable *table = NULL;

  if (g_once_init_enter (&once))
    {
      GHashTable *t = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < G_N_ELEMENTS (kind_table); i++)
        {
          char **names = g_strsplit (kind_table[i].names, " ", -1);

          /* the strings live as long as the program */
          for (char **name = names; *name != NULL; name++)
            g_hash_table_insert (t, *name, GINT_TO_POINTER (kind_table[i].kind));
          g_free (names);
        }
      table = t;
      g_once_init_leave (&once, 1);
    }
  return table;
}

char *
ll_docbook_get_prop (xmlNodePtr  node,
                     const char *name,
                     const char *ns)
{
  xmlChar *value = ns != NULL ? xmlGetNsProp (node, BAD_CAST name, BAD_CAST ns)
                              : xmlGetNoNsProp (node, BAD_CAST name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

gboolean
ll_docbook_is_docbook (xmlNodePtr node)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL
         && xmlStrEqual (node->ns->href, BAD_CAST LL_DOCBOOK_NS);
}

Kind
ll_docbook_kind_of (xmlNodePtr node)
{
  if (!ll_docbook_is_docbook (node))
    return K_UNKNOWN;
  return GPOINTER_TO_INT (g_hash_table_lookup (kinds (), node->name));
}

gboolean
ll_docbook_is_named (xmlNodePtr  node,
                     const char *name)
{
  return ll_docbook_is_docbook (node) && strcmp ((const char *) node->name, name) == 0;
}
