/* fuzz-framework-read.c: any bytes as a framework file
 *
 * ll_framework_xml_read() either refuses the input, with an error of the
 * file as XML or as a framework, or gives a framework that keeps the
 * rules; writing it and reading that back must give the same file.
 */
#include "config.h"

#include <string.h>

#include "ll-docbook.h"
#include "ll-framework-xml.h"

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
  g_autoptr(GError) error = NULL;
  g_autoptr(LlFramework) framework = NULL;
  g_autoptr(LlFramework) again = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize first_len = 0;
  gsize second_len = 0;

  framework = ll_framework_xml_read ((const char *) data, size, &error);
  if (framework == NULL)
    {
      if (error == NULL || (error->domain != LL_DOCBOOK_ERROR && error->domain != LL_FRAMEWORK_ERROR)
          || error->message[0] == '\0')
        fuzz_fail ("the reader failed without a file or framework error", NULL, NULL);
      return 0;
    }
  if (error != NULL)
    fuzz_fail ("the reader succeeded and set an error", error->message, NULL);
  if (!ll_framework_validate (framework, &error))
    fuzz_fail ("the reader gave a framework that breaks the rules", error->message, NULL);

  first = ll_framework_xml_write (framework, &first_len);
  if (strlen (first) != first_len)
    fuzz_fail ("the writer's length is not the string's", first, NULL);
  again = ll_framework_xml_read (first, first_len, &error);
  if (again == NULL)
    fuzz_fail ("the reader refused what the writer wrote", error->message, first);
  second = ll_framework_xml_write (again, &second_len);
  if (strcmp (first, second) != 0)
    fuzz_fail ("write -> read -> write changed the framework", first, second);
  return 0;
}
