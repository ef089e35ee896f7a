/* ll-docbook-reader.c: DocBook 5 into the neutral tree
 *
 * The input is parsed safely first (ll-docbook-parse.c: no DTD, no
 * declarations, limits on size and nesting); what is read here is an
 * xmlDoc that has passed those checks.
 *
 * Mapping keeps every word that the tree can hold; what it cannot hold
 * (images, footnotes, boxes, ...) is simplified and counted, and each kind
 * of simplification becomes one sentence in the notes.
 */
#define G_LOG_DOMAIN "ll-docbook"

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/tree.h>

#include "ll-docbook-private.h"

G_DEFINE_QUARK (ll-docbook-error-quark, ll_docbook_error)

/* Error sentences ------------------------------------------------------ */

void
ll_docbook_set_too_deep (GError   **error,
                         gboolean   writing)
{
  if (writing)
    g_set_error (error, LL_DOCBOOK_ERROR, LL_DOCBOOK_ERROR_TOO_DEEP,
                 _("This document is nested too deeply to be saved as DocBook "
                   "(more than %d levels)."), LL_DOCBOOK_MAX_DEPTH);
  else
    g_set_error (error, LL_DOCBOOK_ERROR, LL_DOCBOOK_ERROR_TOO_DEEP,
                 _("This file is nested too deeply to open (more than %d levels): "
                   "it may be damaged or made to cause harm."), LL_DOCBOOK_MAX_DEPTH);
}

void
ll_docbook_set_write_error (GError     **error,
                            const char  *path,
                            const char  *detail)
{
  if (path != NULL)
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, LL_DOCBOOK_ERROR, LL_DOCBOOK_ERROR_IO,
                   _("The document could not be saved as “%s”: %s"), name, detail);
    }
  else
    g_set_error_literal (error, LL_DOCBOOK_ERROR, LL_DOCBOOK_ERROR_IO,
                         _("The document could not be written as DocBook: "
                           "the computer may be short of memory."));
}

static void
set_not_docbook (GError **error)
{
  g_set_error_literal (error, LL_DOCBOOK_ERROR, LL_DOCBOOK_ERROR_NOT_DOCBOOK,
                       _("This file is XML but not a DocBook 5 article, chapter, "
                         "section or book, so it cannot be opened here."));
}

/* From DocBook to the tree --------------------------------------------- */

typedef enum {
  K_UNKNOWN,
  K_IGNORE,         /* dropped silently: index terms, anchors, remarks */
  K_TITLE,          /* read by the parent */
  K_INFO,
  K_PARA,
  K_FORMALPARA,
  K_SECTION,
  K_ITEMIZED,
  K_ORDERED,
  K_LISTITEM,
  K_SIMPLELIST,
  K_MEMBER,
  K_VARLIST,
  K_VARENTRY,
  K_TERM,
  K_BLOCKQUOTE,
  K_ATTRIBUTION,
  K_TABLE,
  K_TABLE_PART,
  K_ADMONITION,
  K_PREFORMATTED,
  K_IMAGE,
  K_FIGURE,
  K_FOOTNOTE,
  K_BRIDGEHEAD,
  K_BLOCK,          /* a block wrapper: its blocks are kept */
  K_EMPHASIS,
  K_LINK,
  K_ULINK,
  K_QUOTE,
  K_XREF,
  K_INLINE,         /* an inline wrapper: its text is kept */
} Kind;

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

/* An attribute as GLib memory, or NULL. */
static char *
get_prop (xmlNodePtr  node,
          const char *name,
          const char *ns)
{
  xmlChar *value = ns != NULL ? xmlGetNsProp (node, BAD_CAST name, BAD_CAST ns)
                              : xmlGetNoNsProp (node, BAD_CAST name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

static gboolean
is_docbook (xmlNodePtr node)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL
         && xmlStrEqual (node->ns->href, BAD_CAST LL_DOCBOOK_NS);
}

static Kind
kind_of (xmlNodePtr node)
{
  if (!is_docbook (node))
    return K_UNKNOWN;
  return GPOINTER_TO_INT (g_hash_table_lookup (kinds (), node->name));
}

static gboolean
is_named (xmlNodePtr  node,
          const char *name)
{
  return is_docbook (node) && strcmp ((const char *) node->name, name) == 0;
}

static gboolean
is_block_kind (Kind kind)
{
  switch (kind)
    {
    case K_PARA:
    case K_FORMALPARA:
    case K_SECTION:
    case K_ITEMIZED:
    case K_ORDERED:
    case K_LISTITEM:
    case K_SIMPLELIST:
    case K_VARLIST:
    case K_VARENTRY:
    case K_BLOCKQUOTE:
    case K_TABLE:
    case K_ADMONITION:
    case K_PREFORMATTED:
    case K_FIGURE:
    case K_BRIDGEHEAD:
    case K_BLOCK:
      return TRUE;
    case K_UNKNOWN:
    case K_IGNORE:
    case K_TITLE:
    case K_INFO:
    case K_MEMBER:
    case K_TERM:
    case K_ATTRIBUTION:
    case K_TABLE_PART:
    case K_IMAGE:
    case K_FOOTNOTE:
    case K_EMPHASIS:
    case K_LINK:
    case K_ULINK:
    case K_QUOTE:
    case K_XREF:
    case K_INLINE:
    default:
      return FALSE;
    }
}

typedef struct
{
  guint    images;
  guint    footnotes;
  guint    boxes;
  guint    preformatted;
  guint    xrefs;
  guint    unknown;
  guint    in_unknown;
  guint    quotes;
  GError  *error;
} Reader;

static gboolean
reader_ok (Reader *rd,
           guint   depth)
{
  if (rd->error != NULL)
    return FALSE;
  /* the parser has bounded the depth already; this keeps the walk bounded
   * even if that ever changed */
  if (depth > LL_DOCBOOK_MAX_DEPTH + 2)
    {
      ll_docbook_set_too_deep (&rd->error, FALSE);
      return FALSE;
    }
  return TRUE;
}

static void read_block_node      (Reader     *rd,
                                  xmlNodePtr  node,
                                  LlDocNode  *target,
                                  guint       depth);
static void read_inline_node     (Reader     *rd,
                                  xmlNodePtr  node,
                                  LlDocNode  *target,
                                  guint       depth);

static void
read_block_children (Reader     *rd,
                     xmlNodePtr  parent,
                     LlDocNode  *target,
                     guint       depth)
{
  for (xmlNodePtr child = parent->children; child != NULL && rd->error == NULL; child = child->next)
    read_block_node (rd, child, target, depth + 1);
}

static void
read_inline_children (Reader     *rd,
                      xmlNodePtr  parent,
                      LlDocNode  *target,
                      guint       depth)
{
  for (xmlNodePtr child = parent->children; child != NULL && rd->error == NULL; child = child->next)
    read_inline_node (rd, child, target, depth + 1);
}

static void
append_text (LlDocNode  *target,
             const char *text)
{
  ll_doc_node_append (target, ll_doc_node_new_text (text));
}

/* The words of @node on one line: for titles, terms and metadata. */
static char *
read_line (Reader     *rd,
           xmlNodePtr  node,
           guint       depth)
{
  g_autoptr(LlDocNode) tmp = ll_doc_node_new (LL_DOC_PARA);
  g_autofree char *text = NULL;

  read_inline_children (rd, node, tmp, depth);
  text = ll_doc_node_get_text (tmp);
  return ll_docbook_clean_line (text);
}

/* The first <@name> child of @node, or of its <info>. */
static xmlNodePtr
find_child (xmlNodePtr  node,
            const char *name)
{
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    if (is_named (child, name))
      return child;
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    if (kind_of (child) == K_INFO)
      for (xmlNodePtr grand = child->children; grand != NULL; grand = grand->next)
        if (is_named (grand, name))
          return grand;
  return NULL;
}

static char *
read_title (Reader     *rd,
            xmlNodePtr  node,
            guint       depth)
{
  xmlNodePtr title = find_child (node, "title");

  return title != NULL ? read_line (rd, title, depth + 1) : g_strdup ("");
}

/* A heading that the tree cannot hold as one becomes a bold paragraph. */
static void
append_title_para (Reader     *rd,
                   xmlNodePtr  node,
                   LlDocNode  *target,
                   gboolean    bold,
                   guint       depth)
{
  g_autofree char *title = read_title (rd, node, depth);
  LlDocNode *para;

  if (title[0] == '\0')
    return;
  para = ll_doc_node_append (target, ll_doc_node_new (LL_DOC_PARA));
  if (bold)
    para = ll_doc_node_append (para, ll_doc_node_new (LL_DOC_STRONG));
  append_text (para, title);
}

static gboolean
has_content (LlDocNode *para)
{
  for (guint i = 0; i < para->children->len; i++)
    {
      LlDocNode *child = g_ptr_array_index (para->children, i);

      if (child->type != LL_DOC_TEXT)
        return TRUE;
      for (const char *p = child->text; *p != '\0'; p++)
        if (!g_ascii_isspace (*p))
          return TRUE;
    }
  return FALSE;
}

/* DocBook lets lists, tables and the like sit inside a paragraph; the tree
 * does not, so the paragraph is split round them. */
static void
read_para (Reader     *rd,
           xmlNodePtr  node,
           LlDocNode  *target,
           guint       depth)
{
  LlDocNode *para = ll_doc_node_new (LL_DOC_PARA);
  gboolean split = FALSE;

  for (xmlNodePtr child = node->children; child != NULL && rd->error == NULL; child = child->next)
    {
      if (child->type == XML_ELEMENT_NODE && is_block_kind (kind_of (child)))
        {
          if (has_content (para))
            ll_doc_node_append (target, para);
          else
            ll_doc_node_free (para);
          para = ll_doc_node_new (LL_DOC_PARA);
          split = TRUE;
          read_block_node (rd, child, target, depth + 1);
        }
      else
        read_inline_node (rd, child, para, depth + 1);
    }
  if (!split || has_content (para))
    ll_doc_node_append (target, para);
  else
    ll_doc_node_free (para);
}

static void
read_list (Reader        *rd,
           xmlNodePtr     node,
           LlDocNodeType  type,
           LlDocNode     *target,
           guint          depth)
{
  LlDocNode *list = ll_doc_node_new (type);

  append_title_para (rd, node, target, TRUE, depth);
  for (xmlNodePtr child = node->children; child != NULL && rd->error == NULL; child = child->next)
    {
      Kind kind = child->type == XML_ELEMENT_NODE ? kind_of (child) : K_UNKNOWN;

      if (kind == K_LISTITEM)
        {
          LlDocNode *item = ll_doc_node_append (list, ll_doc_node_new (LL_DOC_LIST_ITEM));

          read_block_children (rd, child, item, depth + 1);
        }
      else if (kind == K_MEMBER)
        {
          LlDocNode *item = ll_doc_node_append (list, ll_doc_node_new (LL_DOC_LIST_ITEM));
          LlDocNode *para = ll_doc_node_append (item, ll_doc_node_new (LL_DOC_PARA));

          read_inline_children (rd, child, para, depth + 1);
        }
      else if (kind == K_ORDERED && type == LL_DOC_ORDERED_LIST && list->children->len > 0
               && is_named (child, "substeps"))
        {
          /* <substeps> belongs to the step before it */
          LlDocNode *item = g_ptr_array_index (list->children, list->children->len - 1);

          read_block_node (rd, child, item, depth + 1);
        }
      else
        read_block_node (rd, child, list, depth + 1);
    }
  ll_doc_node_append (target, list);
}

static void
read_varlist (Reader     *rd,
              xmlNodePtr  node,
              LlDocNode  *target,
              guint       depth)
{
  LlDocNode *varlist = ll_doc_node_new (LL_DOC_VARLIST);

  append_title_para (rd, node, target, TRUE, depth);
  for (xmlNodePtr child = node->children; child != NULL && rd->error == NULL; child = child->next)
    {
      LlDocNode *entry;
      GString *terms;

      if (child->type != XML_ELEMENT_NODE || kind_of (child) != K_VARENTRY)
        {
          read_block_node (rd, child, varlist, depth + 1);
          continue;
        }
      entry = ll_doc_node_append (varlist, ll_doc_node_new (LL_DOC_VARLIST_ENTRY));
      terms = g_string_new (NULL);
      for (xmlNodePtr part = child->children; part != NULL && rd->error == NULL; part = part->next)
        {
          Kind kind = part->type == XML_ELEMENT_NODE ? kind_of (part) : K_UNKNOWN;

          if (kind == K_TERM)
            {
              g_autofree char *term = read_line (rd, part, depth + 2);

              if (terms->len > 0 && term[0] != '\0')
                g_string_append (terms, ", ");
              g_string_append (terms, term);
            }
          else if (kind == K_LISTITEM)
            read_block_children (rd, part, entry, depth + 2);
          else
            read_block_node (rd, part, entry, depth + 2);
        }
      entry->title = g_string_free (terms, FALSE);
    }
  ll_doc_node_append (target, varlist);
}

static void
read_blockquote (Reader     *rd,
                 xmlNodePtr  node,
                 LlDocNode  *target,
                 guint       depth)
{
  LlDocNode *quote = ll_doc_node_append (target, ll_doc_node_new (LL_DOC_BLOCKQUOTE));

  append_title_para (rd, node, quote, TRUE, depth);
  for (xmlNodePtr child = node->children; child != NULL && rd->error == NULL; child = child->next)
    {
      if (child->type == XML_ELEMENT_NODE && kind_of (child) == K_ATTRIBUTION)
        {
          g_free (quote->attr);
          quote->attr = read_line (rd, child, depth + 1);
        }
      else
        read_block_node (rd, child, quote, depth + 1);
    }
}

typedef struct
{
  GPtrArray *head;
  GPtrArray *body;
  GPtrArray *foot;
} Rows;

static void
read_rows (Reader     *rd,
           xmlNodePtr  node,
           GPtrArray  *rows,
           Rows       *all,
           guint       depth)
{
  for (xmlNodePtr child = node->children; child != NULL && rd->error == NULL; child = child->next)
    {
      const char *name = (const char *) child->name;
      Kind kind = child->type == XML_ELEMENT_NODE ? kind_of (child) : K_UNKNOWN;

      if (!reader_ok (rd, depth + 1))
        return;
      if (kind == K_IMAGE)
        rd->images++;
      if (kind != K_TABLE_PART)
        continue;
      if (strcmp (name, "tgroup") == 0 || strcmp (name, "tbody") == 0)
        read_rows (rd, child, all->body, all, depth + 1);
      else if (strcmp (name, "thead") == 0)
        read_rows (rd, child, all->head, all, depth + 1);
      else if (strcmp (name, "tfoot") == 0)
        read_rows (rd, child, all->foot, all, depth + 1);
      else if (strcmp (name, "row") == 0 || strcmp (name, "tr") == 0)
        {
          LlDocNode *row = ll_doc_node_new (LL_DOC_ROW);

          g_ptr_array_add (rows, row);
          for (xmlNodePtr cell = child->children; cell != NULL; cell = cell->next)
            if (rd->error == NULL && cell->type == XML_ELEMENT_NODE
                && kind_of (cell) == K_TABLE_PART)
              {
                LlDocNode *entry = ll_doc_node_append (row, ll_doc_node_new (LL_DOC_ENTRY));

                read_inline_children (rd, cell, entry, depth + 2);
              }
        }
    }
}

static void
read_table (Reader     *rd,
            xmlNodePtr  node,
            LlDocNode  *target,
            guint       depth)
{
  LlDocNode *table = ll_doc_node_append (target, ll_doc_node_new (LL_DOC_TABLE));
  xmlNodePtr caption = find_child (node, "caption");
  Rows all;

  table->title = read_title (rd, node, depth);
  if (table->title[0] == '\0' && caption != NULL)
    {
      g_free (table->title);
      table->title = read_line (rd, caption, depth + 1);
    }

  all.head = g_ptr_array_new ();
  all.body = g_ptr_array_new ();
  all.foot = g_ptr_array_new ();
  read_rows (rd, node, all.body, &all, depth);
  for (guint i = 0; i < all.head->len; i++)
    ll_doc_node_append (table, g_ptr_array_index (all.head, i));
  for (guint i = 0; i < all.body->len; i++)
    ll_doc_node_append (table, g_ptr_array_index (all.body, i));
  for (guint i = 0; i < all.foot->len; i++)
    ll_doc_node_append (table, g_ptr_array_index (all.foot, i));
  g_ptr_array_unref (all.head);
  g_ptr_array_unref (all.body);
  g_ptr_array_unref (all.foot);
}

static void
read_unknown (Reader     *rd,
              xmlNodePtr  node,
              LlDocNode  *target,
              gboolean    block,
              guint       depth)
{
  /* keep what it says; count it once, however deeply it nests */
  if (rd->in_unknown == 0)
    rd->unknown++;
  rd->in_unknown++;
  if (block)
    {
      append_title_para (rd, node, target, TRUE, depth);
      read_block_children (rd, node, target, depth);
    }
  else
    read_inline_children (rd, node, target, depth);
  rd->in_unknown--;
}

static void
read_block_node (Reader     *rd,
                 xmlNodePtr  node,
                 LlDocNode  *target,
                 guint       depth)
{
  Kind kind;

  if (!reader_ok (rd, depth))
    return;
  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      /* text among blocks: canonical form makes it a paragraph, or drops
       * it if it is only whitespace */
      append_text (target, (const char *) node->content);
      return;
    }
  if (node->type != XML_ELEMENT_NODE)
    return;

  kind = kind_of (node);
  switch (kind)
    {
    case K_PARA:
      read_para (rd, node, target, depth);
      break;

    case K_FORMALPARA:
      append_title_para (rd, node, target, TRUE, depth);
      read_block_children (rd, node, target, depth);
      break;

    case K_SECTION:
      {
        LlDocNode *section = ll_doc_node_append (target, ll_doc_node_new (LL_DOC_SECTION));

        section->title = read_title (rd, node, depth);
        read_block_children (rd, node, section, depth);
      }
      break;

    case K_ITEMIZED:
    case K_SIMPLELIST:
      read_list (rd, node, LL_DOC_ITEMIZED_LIST, target, depth);
      break;

    case K_ORDERED:
      read_list (rd, node, LL_DOC_ORDERED_LIST, target, depth);
      break;

    case K_VARLIST:
      read_varlist (rd, node, target, depth);
      break;

    case K_BLOCKQUOTE:
      read_blockquote (rd, node, target, depth);
      break;

    case K_TABLE:
      read_table (rd, node, target, depth);
      break;

    case K_ADMONITION:
      rd->boxes++;
      append_title_para (rd, node, target, TRUE, depth);
      read_block_children (rd, node, target, depth);
      break;

    case K_PREFORMATTED:
      {
        LlDocNode *para = ll_doc_node_append (target, ll_doc_node_new (LL_DOC_PARA));

        rd->preformatted++;
        read_inline_children (rd, node, para, depth);
      }
      break;

    case K_FIGURE:
      append_title_para (rd, node, target, FALSE, depth);
      read_block_children (rd, node, target, depth);
      break;

    case K_BRIDGEHEAD:
      {
        LlDocNode *para = ll_doc_node_append (target, ll_doc_node_new (LL_DOC_PARA));
        LlDocNode *strong = ll_doc_node_append (para, ll_doc_node_new (LL_DOC_STRONG));

        read_inline_children (rd, node, strong, depth);
      }
      break;

    case K_LISTITEM:
    case K_BLOCK:
    case K_TABLE_PART:
      read_block_children (rd, node, target, depth);
      break;

    case K_VARENTRY:
    case K_MEMBER:
    case K_TERM:
    case K_ATTRIBUTION:
      /* out of place: keep the words */
      read_block_children (rd, node, target, depth);
      break;

    case K_TITLE:
    case K_INFO:
    case K_IGNORE:
      break;

    case K_UNKNOWN:
      read_unknown (rd, node, target, TRUE, depth);
      break;

    case K_IMAGE:
    case K_FOOTNOTE:
    case K_EMPHASIS:
    case K_LINK:
    case K_ULINK:
    case K_QUOTE:
    case K_XREF:
    case K_INLINE:
    default:
      read_inline_node (rd, node, target, depth);
      break;
    }
}

static void
read_inline_node (Reader     *rd,
                  xmlNodePtr  node,
                  LlDocNode  *target,
                  guint       depth)
{
  Kind kind;

  if (!reader_ok (rd, depth))
    return;
  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      append_text (target, (const char *) node->content);
      return;
    }
  if (node->type != XML_ELEMENT_NODE)
    return;

  kind = kind_of (node);
  switch (kind)
    {
    case K_EMPHASIS:
      {
        g_autofree char *role = get_prop (node, "role", NULL);
        gboolean strong = role != NULL && (g_ascii_strcasecmp (role, "bold") == 0
                                           || g_ascii_strcasecmp (role, "strong") == 0);
        LlDocNode *emphasis = ll_doc_node_new (strong ? LL_DOC_STRONG : LL_DOC_EMPHASIS);

        ll_doc_node_append (target, emphasis);

        read_inline_children (rd, node, emphasis, depth);
      }
      break;

    case K_LINK:
    case K_ULINK:
      {
        g_autofree char *href = NULL;

        if (kind == K_LINK)
          href = get_prop (node, "href", LL_XLINK_NS);
        else
          href = get_prop (node, "url", NULL);
        if (href != NULL && href[0] != '\0')
          {
            LlDocNode *link = ll_doc_node_append (target, ll_doc_node_new (LL_DOC_LINK));

            link->attr = g_steal_pointer (&href);
            read_inline_children (rd, node, link, depth);
          }
        else
          {
            if (xmlHasProp (node, BAD_CAST "linkend") != NULL)
              rd->xrefs++;
            read_inline_children (rd, node, target, depth);
          }
      }
      break;

    case K_QUOTE:
      {
        /* “double” outside, ‘single’ inside */
        gboolean outer = rd->quotes % 2 == 0;

        append_text (target, outer ? "\xe2\x80\x9c" : "\xe2\x80\x98");
        rd->quotes++;
        read_inline_children (rd, node, target, depth);
        rd->quotes--;
        append_text (target, outer ? "\xe2\x80\x9d" : "\xe2\x80\x99");
      }
      break;

    case K_FOOTNOTE:
      {
        g_autofree char *note = NULL;

        rd->footnotes++;
        note = read_line (rd, node, depth);
        if (note[0] != '\0')
          {
            g_autofree char *bracketed = g_strdup_printf (" [%s]", note);

            append_text (target, bracketed);
          }
      }
      break;

    case K_IMAGE:
      rd->images++;
      break;

    case K_XREF:
      rd->xrefs++;
      break;

    case K_INLINE:
      read_inline_children (rd, node, target, depth);
      break;

    case K_TITLE:
    case K_INFO:
    case K_IGNORE:
      break;

    case K_UNKNOWN:
      read_unknown (rd, node, target, FALSE, depth);
      break;

    case K_ADMONITION:
    case K_PREFORMATTED:
    case K_PARA:
    case K_FORMALPARA:
    case K_SECTION:
    case K_ITEMIZED:
    case K_ORDERED:
    case K_LISTITEM:
    case K_SIMPLELIST:
    case K_MEMBER:
    case K_VARLIST:
    case K_VARENTRY:
    case K_TERM:
    case K_BLOCKQUOTE:
    case K_ATTRIBUTION:
    case K_TABLE:
    case K_TABLE_PART:
    case K_FIGURE:
    case K_BRIDGEHEAD:
    case K_BLOCK:
    default:
      /* a block where only text can go (in a table cell, a footnote, a
       * title): keep its words, set apart by spaces */
      if (kind == K_ADMONITION)
        rd->boxes++;
      else if (kind == K_PREFORMATTED)
        rd->preformatted++;
      append_text (target, " ");
      read_inline_children (rd, node, target, depth);
      append_text (target, " ");
      break;
    }
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
      if (is_named (child, "personname") && personname == NULL)
        personname = child;
      else if (is_named (child, "orgname") && orgname == NULL)
        orgname = child;
    }
  if (personname != NULL)
    {
      g_string_free (name, TRUE);
      return read_person (rd, personname, depth + 1);
    }

  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    if (is_docbook (child) && g_strv_contains (parts, (const char *) child->name))
      {
        g_autofree char *part = read_line (rd, child, depth + 1);

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
        whole = read_line (rd, orgname, depth + 1);
      else if (!has_elements)
        whole = read_line (rd, node, depth);
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
      if (kind_of (child) != K_INFO)
        continue;
      for (xmlNodePtr item = child->children; item != NULL; item = item->next)
        {
          xmlNodePtr first = item;
          xmlNodePtr only = NULL;

          if (is_named (item, "authorgroup"))
            first = item->children;
          else if (is_named (item, "author"))
            only = item->next;
          else
            continue;
          for (xmlNodePtr author = first; author != only; author = author->next)
            {
              g_autofree char *name = NULL;

              if (!is_named (author, "author"))
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

static void G_GNUC_PRINTF (2, 3)
add_note (GPtrArray  *notes,
          const char *format,
          ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (notes, g_strdup_vprintf (format, args));
  va_end (args);
}

static void
take_notes (Reader     *rd,
            GPtrArray **notes)
{
  GPtrArray *out;

  if (notes == NULL)
    return;
  if (*notes == NULL)
    *notes = g_ptr_array_new_with_free_func (g_free);
  out = *notes;

  if (rd->images > 0)
    add_note (out, g_dngettext (GETTEXT_PACKAGE,
                                "%u image was left out: the editor cannot show images.",
                                "%u images were left out: the editor cannot show images.",
                                rd->images), rd->images);
  if (rd->footnotes > 0)
    add_note (out, g_dngettext (GETTEXT_PACKAGE,
                                "%u footnote was put into the text in square brackets: "
                                "the editor has no footnotes.",
                                "%u footnotes were put into the text in square brackets: "
                                "the editor has no footnotes.",
                                rd->footnotes), rd->footnotes);
  if (rd->boxes > 0)
    add_note (out, g_dngettext (GETTEXT_PACKAGE,
                                "%u note, tip or warning box was turned into "
                                "ordinary paragraphs.",
                                "%u note, tip or warning boxes were turned into "
                                "ordinary paragraphs.",
                                rd->boxes), rd->boxes);
  if (rd->preformatted > 0)
    add_note (out, g_dngettext (GETTEXT_PACKAGE,
                                "%u block of fixed layout, such as program code, became "
                                "an ordinary paragraph and lost its line breaks.",
                                "%u blocks of fixed layout, such as program code, became "
                                "ordinary paragraphs and lost their line breaks.",
                                rd->preformatted), rd->preformatted);
  if (rd->xrefs > 0)
    add_note (out, g_dngettext (GETTEXT_PACKAGE,
                                "%u cross-reference within the document was removed, "
                                "keeping any words it had.",
                                "%u cross-references within the document were removed, "
                                "keeping any words they had.",
                                rd->xrefs), rd->xrefs);
  if (rd->unknown > 0)
    add_note (out, g_dngettext (GETTEXT_PACKAGE,
                                "%u part that the editor does not recognise was kept "
                                "as plain text.",
                                "%u parts that the editor does not recognise were kept "
                                "as plain text.",
                                rd->unknown), rd->unknown);
}

/* The canonical form of what was read, refused, as the parser would have
 * refused it, when writing it at @level would nest too deeply. */
static LlDocNode *
canonicalize_read (const LlDocNode  *raw,
                   guint             level,
                   GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  LlDocNode *body = ll_docbook_canonicalize (raw, TRUE, FALSE, level, &local_error);

  if (body == NULL)
    {
      if (g_error_matches (local_error, LL_DOCBOOK_ERROR, LL_DOCBOOK_ERROR_TOO_DEEP))
        ll_docbook_set_too_deep (error, FALSE);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
    }
  return body;
}

static gboolean
is_docbook_root (xmlNodePtr root)
{
  static const char * const roots[] = { "article", "section", "chapter", "book", NULL };

  return is_docbook (root) && g_strv_contains (roots, (const char *) root->name);
}

/**
 * ll_docbook_read_string:
 * Reads a DocBook 5 article (or chapter, section or book) safely. Returns
 * %NULL with @error in LL_DOCBOOK_ERROR on failure; on success, appends to
 * *@notes (creating it if NULL) one sentence for each kind of content that
 * had to be simplified.
 */
LlDoc *
ll_docbook_read_string (const char  *data,
                        gsize        length,
                        GPtrArray  **notes,
                        GError     **error)
{
  g_autoptr(LlDoc) doc = NULL;
  g_autoptr(LlDocNode) raw = NULL;
  xmlDocPtr xml;
  xmlNodePtr root;
  xmlNodePtr node;
  Reader rd = { 0 };

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  xml = ll_docbook_parse_safely (data, length, LL_DOCBOOK_MAX_DEPTH, error);
  if (xml == NULL)
    return NULL;
  root = xmlDocGetRootElement (xml);
  if (!is_docbook_root (root))
    {
      xmlFreeDoc (xml);
      set_not_docbook (error);
      return NULL;
    }

  doc = ll_doc_new ("imported", 0, NULL);
  g_free (doc->title);
  doc->title = read_title (&rd, root, 1);
  if ((node = find_child (root, "subtitle")) != NULL)
    doc->subtitle = read_line (&rd, node, 2);
  doc->author = read_authors (&rd, root);
  if ((node = find_child (root, "date")) != NULL
      || (node = find_child (root, "pubdate")) != NULL)
    doc->date = read_line (&rd, node, 2);
  {
    g_autofree char *lang = get_prop (root, "lang", (const char *) XML_XML_NAMESPACE);
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

  raw = ll_doc_node_new (LL_DOC_BODY);
  read_block_children (&rd, root, raw, 1);
  xmlFreeDoc (xml);
  if (rd.error != NULL)
    {
      g_propagate_error (error, rd.error);
      return NULL;
    }

  ll_doc_node_free (doc->body);
  doc->body = canonicalize_read (raw, 2, error);
  if (doc->body == NULL)
    return NULL;

  take_notes (&rd, notes);
  return g_steal_pointer (&doc);
}

/**
 * ll_docbook_read_file:
 * As ll_docbook_read_string(), from a file; a file over the size limit is
 * refused before it is read.
 */
LlDoc *
ll_docbook_read_file (const char  *path,
                      GPtrArray  **notes,
                      GError     **error)
{
  GString *data;
  LlDoc *doc;

  g_return_val_if_fail (path != NULL, NULL);

  data = ll_docbook_load_file (path, error);
  if (data == NULL)
    return NULL;
  doc = ll_docbook_read_string (data->str, data->len, notes, error);
  g_string_free (data, TRUE);
  return doc;
}

/**
 * ll_docbook_read_blocks:
 * Reads a fragment written by ll_docbook_write_blocks() into a new
 * LL_DOC_BODY, with the same safety as ll_docbook_read_string().
 */
LlDocNode *
ll_docbook_read_blocks (const char  *fragment,
                        GPtrArray  **notes,
                        GError     **error)
{
  static const char open[] = "<ll-fragment>";
  static const char close[] = "</ll-fragment>";
  g_autoptr(LlDocNode) raw = NULL;
  LlDocNode *body;
  GString *wrapped;
  xmlDocPtr xml;
  gsize length;
  Reader rd = { 0 };

  g_return_val_if_fail (fragment != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  length = strlen (fragment);
  if (length > LL_DOCBOOK_MAX_SIZE)
    {
      ll_docbook_set_too_large (error);
      return NULL;
    }

  /* A fragment has many roots; give it one. The wrapper is on the first
   * line, so that line numbers in errors stay right, and it counts as one
   * more level of nesting. */
  wrapped = g_string_sized_new (length + sizeof open + sizeof close);
  g_string_append (wrapped, open);
  g_string_append_len (wrapped, fragment, length);
  g_string_append (wrapped, close);
  xml = ll_docbook_parse_safely (wrapped->str, wrapped->len, LL_DOCBOOK_MAX_DEPTH + 1, error);
  g_string_free (wrapped, TRUE);
  if (xml == NULL)
    return NULL;

  raw = ll_doc_node_new (LL_DOC_BODY);
  read_block_children (&rd, xmlDocGetRootElement (xml), raw, 0);
  xmlFreeDoc (xml);
  if (rd.error != NULL)
    {
      g_propagate_error (error, rd.error);
      return NULL;
    }

  body = canonicalize_read (raw, 1, error);
  if (body != NULL)
    take_notes (&rd, notes);
  return body;
}
