/* fuzz-docbook-read.c: any bytes as a DocBook article
 *
 * ll_docbook_read_string() either refuses the input with an LL_DOCBOOK_ERROR
 * or gives a tree; the writer must then accept that tree, and, since the
 * reader and the writer share one canonical form, writing what it reads
 * back must give the same string (write -> read -> write is stable).
 * The same holds when books and images are kept.
 */
#include "config.h"

#include <string.h>

#include "ll-docbook.h"

#include "fuzz-common.h"

#define FULL (LL_DOCBOOK_READ_BOOKS | LL_DOCBOOK_READ_IMAGES)

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LlDoc) doc = NULL;
  g_autoptr(LlDoc) again = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize first_len = 0;
  gsize second_len = 0;

  doc = ll_docbook_read_string ((const char *) data, size, &notes, &error);
  if (doc == NULL)
    {
      if (error == NULL || error->domain != LL_DOCBOOK_ERROR || error->message[0] == '\0')
        fuzz_fail ("the reader failed without a DocBook error", NULL, NULL);
      return 0;
    }
  if (error != NULL)
    fuzz_fail ("the reader succeeded and set an error", error->message, NULL);
  if (notes == NULL)
    fuzz_fail ("the reader succeeded and gave no notes array", NULL, NULL);

  first = ll_docbook_write_string (doc, &first_len, &error);
  if (first == NULL)
    fuzz_fail ("the writer refused what the reader gave", error->message, NULL);
  if (strlen (first) != first_len)
    fuzz_fail ("the writer's length is not the string's", first, NULL);

  again = ll_docbook_read_string (first, first_len, NULL, &error);
  if (again == NULL)
    fuzz_fail ("the reader refused what the writer wrote", error->message, first);
  second = ll_docbook_write_string (again, &second_len, &error);
  if (second == NULL)
    fuzz_fail ("the writer refused what it had written, read back", error->message, first);
  if (strcmp (first, second) != 0)
    fuzz_fail ("write -> read -> write changed the document", first, second);

  /* the same, keeping books, chapters, figures and images */
  g_clear_pointer (&doc, ll_doc_free);
  g_clear_pointer (&again, ll_doc_free);
  g_clear_pointer (&first, g_free);
  g_clear_pointer (&second, g_free);
  doc = ll_docbook_read_string_full ((const char *) data, size, FULL, NULL, NULL, &error);
  if (doc == NULL)
    {
      /* a book's loose blocks go one level deeper, into a chapter */
      if (error == NULL || error->domain != LL_DOCBOOK_ERROR || error->message[0] == '\0')
        fuzz_fail ("the full reader failed without a DocBook error", NULL, NULL);
      return 0;
    }
  first = ll_docbook_write_string (doc, &first_len, &error);
  if (first == NULL)
    fuzz_fail ("the writer refused what the full reader gave", error->message, NULL);
  again = ll_docbook_read_string_full (first, first_len, FULL, NULL, NULL, &error);
  if (again == NULL)
    fuzz_fail ("the full reader refused what the writer wrote", error->message, first);
  second = ll_docbook_write_string (again, &second_len, &error);
  if (second == NULL)
    fuzz_fail ("the writer refused what it had written, read back in full", error->message, first);
  if (strcmp (first, second) != 0)
    fuzz_fail ("write -> full read -> write changed the document", first, second);
  return 0;
}
