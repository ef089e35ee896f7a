/* ll-test-util.h: helpers shared by the tests */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A new empty temporary directory; remove it with ll_test_rm_rf(). */
char     *ll_test_make_tmpdir          (void);
void      ll_test_rm_rf                (const char *path);
/* The path of a file in tests/data. */
char     *ll_test_data_path            (const char *name);
/* Fails the test unless @path validates against the DocBook 5 RELAX NG
 * schema with jing. */
void      ll_test_assert_docbook_valid (const char *path);
/* Checks @path against the RELAX NG schema @rng with jing. */
void      ll_test_assert_valid_against (const char *path,
                                        const char *rng);
/* The text of a PDF, by pdftotext -layout. */
char     *ll_test_pdf_text             (const char *pdf_path);
/* The number of pages of a PDF, by pdfinfo. */
int       ll_test_pdf_pages            (const char *pdf_path);
/* A SHA-256 of the file's bytes, for byte-for-byte comparisons. */
char     *ll_test_file_checksum        (const char *path);
/* Runs argv; returns its exit status, with stdout and stderr (may be NULL). */
int       ll_test_spawn                (const char * const *argv,
                                        char              **out,
                                        char              **err);

G_END_DECLS
