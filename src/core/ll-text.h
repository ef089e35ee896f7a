/* ll-text.h: plain text, words and word-level differences
 *
 * Works on the stored DocBook fragments without an XML parser: they are
 * written by our own writer, so their tags are regular, and only the words
 * matter here (counts, reading time, comparing revisions).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The text of a DocBook block fragment: block elements end lines, entities
 * are decoded, tags dropped. */
char     *ll_text_from_fragment    (const char *fragment);

/* What each line of such a text was, so that it can be shown as it was
 * written. */
typedef enum {
  LL_TEXT_PARA,
  LL_TEXT_SUBHEADING,
  LL_TEXT_BULLET,
  LL_TEXT_NUMBER,
  LL_TEXT_QUOTE,
  LL_TEXT_ATTRIBUTION,
  LL_TEXT_TITLE,       /* a section's title, in a whole narrative's text */
  LL_TEXT_BLANK,       /* the empty line between blocks of a narrative */
} LlTextKind;

char     *ll_text_from_fragment_with_kinds (const char *fragment,
                                            GArray     *kinds);
guint     ll_text_count_words      (const char *text);
guint     ll_text_count_fragment_words (const char *fragment);
/* Minutes to read @words at an adult's pace (about 230 words a minute),
 * never less than 1 for a non-empty text. */
guint     ll_text_reading_minutes  (guint       words);

typedef enum {
  LL_DIFF_EQUAL,
  LL_DIFF_INSERT,
  LL_DIFF_DELETE,
} LlDiffOp;

typedef struct
{
  LlDiffOp  op;
  char     *text;   /* words with the spaces and line breaks that follow them */
} LlDiffChunk;

void       ll_diff_chunk_free      (LlDiffChunk *chunk);
/* Compares @old_text with @new_text word by word; returns LlDiffChunks in
 * order, adjacent chunks of one kind merged. */
GArray    *ll_text_token_lines     (const char  *text);
GPtrArray *ll_text_diff_words      (const char  *old_text,
                                    const char  *new_text);

G_END_DECLS
