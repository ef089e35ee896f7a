/* fuzz-docbook-blocks.c: any text as a stored block fragment
 *
 * A narrative's sections are kept in the workbook as DocBook fragments;
 * ll_docbook_read_blocks() must refuse what it cannot read with an error,
 * and what it reads must be written by ll_docbook_write_blocks() in a form
 * that reads back and writes again as the very same string.
 */
#include "config.h"

#include <string.h>

#include "ll-docbook.h"

#include "fuzz-common.h"

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
  /* the fragment is a C string, as the store gives it */
  g_autofree char *fragment = g_strndup ((const char *) data, size);
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LlDocNode) body = NULL;
  g_autoptr(LlDocNode) again = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  body = ll_docbook_read_blocks (fragment, &notes, &error);
  if (body == NULL)
    {
      if (error == NULL || error->domain != LL_DOCBOOK_ERROR || error->message[0] == '\0')
        fuzz_fail ("the fragment reader failed without a DocBook error", NULL, NULL);
      return 0;
    }
  if (error != NULL)
    fuzz_fail ("the fragment reader succeeded and set an error", error->message, NULL);
  if (body->type != LL_DOC_BODY)
    fuzz_fail ("the fragment reader gave something other than a body", NULL, NULL);

  first = ll_docbook_write_blocks (body, &error);
  if (first == NULL)
    fuzz_fail ("the fragment writer refused what the reader gave", error->message, NULL);

  again = ll_docbook_read_blocks (first, NULL, &error);
  if (again == NULL)
    fuzz_fail ("the fragment reader refused what the writer wrote", error->message, first);
  second = ll_docbook_write_blocks (again, &error);
  if (second == NULL)
    fuzz_fail ("the fragment writer refused what it had written, read back",
               error->message, first);
  if (strcmp (first, second) != 0)
    fuzz_fail ("write -> read -> write changed the fragment", first, second);
  return 0;
}
