/* ll-framework-xml.h: frameworks of learning behaviours as XML files
 *
 * A small format of our own (version 1, namespace LL_FRAMEWORK_XML_NS),
 * described by data/leading-learning-framework.rng, which is built into
 * the program and checked on every import. Reading is as defensive as for
 * DocBook: no DTD, no entities, no network, size and depth limits; a file
 * that fails is refused whole, with one sentence.
 */
#pragma once

#include <gio/gio.h>

#include "ll-framework.h"

G_BEGIN_DECLS

#define LL_FRAMEWORK_XML_NS "https://leadinglearning.org/ns/framework/1"

/* Errors are in LL_DOCBOOK_ERROR (the file as XML: malformed, unsafe, too
 * large or deep, unreadable) or LL_FRAMEWORK_ERROR (the file as a
 * framework: not one, from a newer version, or breaking its rules). */
LlFramework *ll_framework_xml_read       (const char   *data,
                                          gsize         length,
                                          GError      **error);
LlFramework *ll_framework_xml_read_file  (const char   *path,
                                          GError      **error);
char        *ll_framework_xml_write      (LlFramework  *framework,
                                          gsize        *length);
/* Writes the file readable by its owner only. */
gboolean     ll_framework_xml_write_file (LlFramework  *framework,
                                          const char   *path,
                                          GError      **error);

G_END_DECLS
