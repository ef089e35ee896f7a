/* ll-docbook-parse.c: safe parsing of DocBook input into an xmlDoc
 *
 * The file may come from anywhere, so parsing is defensive: no network, no
 * DTD is ever loaded, no declarations at all (a bare DOCTYPE, as pandoc
 * writes, is allowed; any declaration in an internal subset stops the
 * parser before it takes effect, which rules out billion laughs and
 * external entities alike), a size limit, and a nesting limit enforced
 * while parsing, so that neither libxml2 nor our own walk of the tree can
 * run out of stack. libxml2 reports its errors to us and never to stderr.
 *
 * ll-docbook-reader.c maps what this gives back onto the neutral tree.
 */
#define G_LOG_DOMAIN "ll-docbook"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "ll-docbook-private.h"

/* Error sentences ------------------------------------------------------ */

void
ll_docbook_set_too_large (GError **error)
{
  g_set_error (error, LL_DOCBOOK_ERROR, LL_DOCBOOK_ERROR_TOO_LARGE,
               _("This file is too large to open: the limit is %d MB."),
               (int) (LL_DOCBOOK_MAX_SIZE / (1024 * 1024)));
}

static void
set_unsafe (GError **error)
{
  g_set_error_literal (error, LL_DOCBOOK_ERROR, LL_DOCBOOK_ERROR_UNSAFE,
                       _("This file contains a document type declaration or entity "
                         "definitions, which are not opened for safety reasons."));
}

static void
set_malformed (GError **error,
               int      line)
{
  g_set_error (error, LL_DOCBOOK_ERROR, LL_DOCBOOK_ERROR_MALFORMED,
               _("This file is not well-formed XML (line %d): it may be damaged "
                 "or not a DocBook file."), MAX (line, 1));
}

/* Safe parsing --------------------------------------------------------- */

typedef struct
{
  startElementNsSAX2Func        start_element;
  endElementNsSAX2Func          end_element;
  processingInstructionSAXFunc  processing_instruction;
  commentSAXFunc                comment;
  guint                         depth;
  guint                         max_depth;
  gboolean                      unsafe;
  gboolean                      too_deep;
  gboolean                      too_large;
  gboolean                      have_error;
  int                           error_line;
} Guard;

static void
guard_note_error (Guard       *guard,
                  xmlErrorPtr  err)
{
  if (err == NULL || err->level < XML_ERR_ERROR || guard->have_error)
    return;
  guard->have_error = TRUE;
  guard->error_line = err->line;
  if (err->code == XML_ERR_NO_MEMORY)
    guard->too_large = TRUE;     /* e.g. a text node over libxml2's limit */
  else if (err->code == XML_ERR_INTERNAL_ERROR && err->message != NULL
           && strstr (err->message, "depth") != NULL)
    guard->too_deep = TRUE;
}

static void
on_ctxt_error (void        *user_data,
               xmlErrorPtr  err)
{
  xmlParserCtxtPtr ctxt = user_data;

  guard_note_error (ctxt->_private, err);
}

static void
on_global_error (void        *user_data,
                 xmlErrorPtr  err)
{
  guard_note_error (user_data, err);
}

static void G_GNUC_PRINTF (2, 3)
on_generic_error (void       *user_data,
                  const char *msg,
                  ...)
{
  /* silence: the structured handler has the details */
}

static void
stop_unsafe (void *user_data)
{
  xmlParserCtxtPtr ctxt = user_data;
  Guard *guard = ctxt->_private;

  guard->unsafe = TRUE;
  xmlStopParser (ctxt);
}

/* "<!DOCTYPE name ...>" alone declares nothing: pandoc writes one. No DTD
 * node is made and no external subset is ever loaded; the declarations
 * that an internal subset could hold are refused one by one below. */
static void
on_internal_subset (void          *user_data,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
}

static void
on_external_subset (void          *user_data,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
}

static void
on_element_decl (void                  *user_data,
                 const xmlChar         *name,
                 int                    type,
                 xmlElementContentPtr   content)
{
  stop_unsafe (user_data);
}

static void
on_attribute_decl (void                 *user_data,
                   const xmlChar        *elem,
                   const xmlChar        *fullname,
                   int                   type,
                   int                   def,
                   const xmlChar        *default_value,
                   xmlEnumerationPtr     tree)
{
  /* the tree is ours to free when we take the callback */
  xmlFreeEnumeration (tree);
  stop_unsafe (user_data);
}

static void
on_notation_decl (void          *user_data,
                  const xmlChar *name,
                  const xmlChar *public_id,
                  const xmlChar *system_id)
{
  stop_unsafe (user_data);
}

static void
on_unparsed_entity_decl (void          *user_data,
                         const xmlChar *name,
                         const xmlChar *public_id,
                         const xmlChar *system_id,
                         const xmlChar *notation_name)
{
  stop_unsafe (user_data);
}

static void
on_entity_decl (void          *user_data,
                const xmlChar *name,
                int            type,
                const xmlChar *public_id,
                const xmlChar *system_id,
                xmlChar       *content)
{
  stop_unsafe (user_data);
}

static void
on_start_element (void           *user_data,
                  const xmlChar  *localname,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             nb_namespaces,
                  const xmlChar **namespaces,
                  int             nb_attributes,
                  int             nb_defaulted,
                  const xmlChar **attributes)
{
  xmlParserCtxtPtr ctxt = user_data;
  Guard *guard = ctxt->_private;

  if (++guard->depth > guard->max_depth)
    {
      guard->too_deep = TRUE;
      xmlStopParser (ctxt);
      return;
    }
  guard->start_element (user_data, localname, prefix, uri, nb_namespaces, namespaces,
                        nb_attributes, nb_defaulted, attributes);
}

static void
on_end_element (void          *user_data,
                const xmlChar *localname,
                const xmlChar *prefix,
                const xmlChar *uri)
{
  xmlParserCtxtPtr ctxt = user_data;
  Guard *guard = ctxt->_private;

  guard->depth--;
  guard->end_element (user_data, localname, prefix, uri);
}

/* Since no DTD node is made, a processing instruction or a comment in the
 * internal subset has nothing to belong to: libxml2 would make its node
 * and lose it. Neither means anything there, so neither is made. */
static void
on_processing_instruction (void          *user_data,
                           const xmlChar *target,
                           const xmlChar *data)
{
  xmlParserCtxtPtr ctxt = user_data;
  Guard *guard = ctxt->_private;

  if (ctxt->inSubset == 0 && guard->processing_instruction != NULL)
    guard->processing_instruction (user_data, target, data);
}

static void
on_comment (void          *user_data,
            const xmlChar *value)
{
  xmlParserCtxtPtr ctxt = user_data;
  Guard *guard = ctxt->_private;

  if (ctxt->inSubset == 0 && guard->comment != NULL)
    guard->comment (user_data, value);
}

static gboolean
has_entities (xmlDocPtr doc)
{
  xmlNodePtr node = doc->children;

  /* iterative, so that no tree can exhaust the stack */
  while (node != NULL)
    {
      /* libxml2's node types are many and not ours: test for the few */
      if (node->type == XML_ENTITY_REF_NODE ||
          node->type == XML_ENTITY_NODE ||
          node->type == XML_ENTITY_DECL ||
          node->type == XML_DTD_NODE ||
          node->type == XML_DOCUMENT_TYPE_NODE)
        return TRUE;
      if (node->type == XML_ELEMENT_NODE && node->children != NULL)
        {
          node = node->children;
          continue;
        }
      while (node != NULL && node->next == NULL)
        {
          node = node->parent;
          if (node == (xmlNodePtr) doc)
            node = NULL;
        }
      if (node != NULL)
        node = node->next;
    }
  return FALSE;
}

xmlDocPtr
ll_docbook_parse_safely (const char  *data,
                         gsize        length,
                         guint        max_depth,
                         GError     **error)
{
  /* libxml2 2.9 offers no XML_PARSE_NO_XXE: what keeps entities out is not
   * passing XML_PARSE_NOENT, XML_PARSE_DTDLOAD or XML_PARSE_DTDATTR, and
   * stopping at any DOCTYPE. XML_PARSE_NOBLANKS is left out on purpose: its
   * guess at "ignorable" whitespace drops the space between two inline
   * elements ("<emphasis>a</emphasis> <emphasis>b</emphasis>"). */
  const int options = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_COMPACT
                      | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
  xmlStructuredErrorFunc old_serror;
  void *old_serror_data;
  xmlGenericErrorFunc old_generic;
  void *old_generic_data;
  Guard guard = { 0 };
  xmlParserCtxtPtr ctxt;
  xmlDocPtr doc = NULL;
  gboolean well_formed = FALSE;

  if (length > LL_DOCBOOK_MAX_SIZE)
    {
      ll_docbook_set_too_large (error);
      return NULL;
    }

  guard.max_depth = max_depth;
  xmlInitParser ();

  /* libxml2's handlers are per thread: save, silence, restore */
  old_serror = xmlStructuredError;
  old_serror_data = xmlStructuredErrorContext;
  old_generic = xmlGenericError;
  old_generic_data = xmlGenericErrorContext;
  xmlSetStructuredErrorFunc (&guard, on_global_error);
  xmlSetGenericErrorFunc (NULL, on_generic_error);

  ctxt = length > 0 ? xmlCreateMemoryParserCtxt (data, (int) length) : NULL;
  if (ctxt != NULL)
    {
      ctxt->_private = &guard;
      xmlCtxtUseOptions (ctxt, options);
      guard.start_element = ctxt->sax->startElementNs;
      guard.end_element = ctxt->sax->endElementNs;
      guard.processing_instruction = ctxt->sax->processingInstruction;
      guard.comment = ctxt->sax->comment;
      ctxt->sax->startElementNs = on_start_element;
      ctxt->sax->endElementNs = on_end_element;
      ctxt->sax->processingInstruction = on_processing_instruction;
      ctxt->sax->comment = on_comment;
      ctxt->sax->internalSubset = on_internal_subset;
      ctxt->sax->externalSubset = on_external_subset;
      ctxt->sax->entityDecl = on_entity_decl;
      ctxt->sax->elementDecl = on_element_decl;
      ctxt->sax->attributeDecl = on_attribute_decl;
      ctxt->sax->notationDecl = on_notation_decl;
      ctxt->sax->unparsedEntityDecl = on_unparsed_entity_decl;
      ctxt->sax->serror = on_ctxt_error;
      ctxt->sax->error = NULL;
      ctxt->sax->warning = NULL;
      ctxt->sax->fatalError = NULL;

      xmlParseDocument (ctxt);

      doc = ctxt->myDoc;
      ctxt->myDoc = NULL;
      well_formed = ctxt->wellFormed && !ctxt->disableSAX;
      xmlFreeParserCtxt (ctxt);
    }

  xmlSetStructuredErrorFunc (old_serror_data, old_serror);
  xmlSetGenericErrorFunc (old_generic_data, old_generic);

  if (guard.unsafe || (doc != NULL && (doc->intSubset != NULL || doc->extSubset != NULL)))
    set_unsafe (error);
  else if (guard.too_deep)
    ll_docbook_set_too_deep (error, FALSE);
  else if (guard.too_large)
    ll_docbook_set_too_large (error);
  else if (!well_formed || doc == NULL || xmlDocGetRootElement (doc) == NULL)
    set_malformed (error, guard.have_error ? guard.error_line : 1);
  else if (has_entities (doc))
    set_unsafe (error);
  else
    return doc;

  if (doc != NULL)
    xmlFreeDoc (doc);
  return NULL;
}

/* Size-bounded file reading -------------------------------------------- */

GString *
ll_docbook_load_file (const char  *path,
                      GError     **error)
{
  g_autofree char *name = NULL;
  GString *data;
  GStatBuf st;
  int fd;

  name = g_filename_display_basename (path);
  /* Not blocking, so that a named pipe without a writer reads as empty
   * rather than waiting for ever; the size is checked on what was opened,
   * and reading stops past the limit whatever the size said (a device
   * such as /dev/zero, a file that grows). */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC, 0);
  if (fd < 0 || fstat (fd, &st) != 0)
    {
      int saved = errno;

      if (fd >= 0)
        g_close (fd, NULL);
      g_set_error (error, LL_DOCBOOK_ERROR, LL_DOCBOOK_ERROR_IO,
                   _("The file “%s” could not be opened: %s."), name, g_strerror (saved));
      return NULL;
    }
  if ((guint64) st.st_size > LL_DOCBOOK_MAX_SIZE)
    {
      g_close (fd, NULL);
      ll_docbook_set_too_large (error);
      return NULL;
    }

  data = g_string_sized_new (S_ISREG (st.st_mode) ? (gsize) st.st_size + 1 : 4096);
  for (;;)
    {
      char chunk[16384];
      gssize n = read (fd, chunk, sizeof chunk);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          g_close (fd, NULL);
          g_string_free (data, TRUE);
          g_set_error (error, LL_DOCBOOK_ERROR, LL_DOCBOOK_ERROR_IO,
                       _("The file “%s” could not be read: %s"), name, g_strerror (saved));
          return NULL;
        }
      if (n == 0)
        break;
      if (data->len + (gsize) n > LL_DOCBOOK_MAX_SIZE)
        {
          g_close (fd, NULL);
          g_string_free (data, TRUE);
          ll_docbook_set_too_large (error);
          return NULL;
        }
      g_string_append_len (data, chunk, n);
    }
  g_close (fd, NULL);
  return data;
}
