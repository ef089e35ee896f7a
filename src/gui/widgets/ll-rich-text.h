/* ll-rich-text.h: the rich-text editor for narrative sections
 *
 * Edits paragraphs, sub-headings, bulleted and numbered lists, quotations
 * with an attribution, and bold, italic and linked text. Its stored form is
 * a DocBook 5 block fragment (see ll_docbook_write_blocks()); the mapping
 * between the buffer and the LL_DOC_BODY tree is described in
 * ll-rich-text.c.
 */
#pragma once

#include <gtk/gtk.h>

#include "ll-doc.h"

G_BEGIN_DECLS

#define LL_TYPE_RICH_TEXT (ll_rich_text_get_type ())

G_DECLARE_FINAL_TYPE (LlRichText, ll_rich_text, LL, RICH_TEXT, GtkWidget)

GtkWidget     *ll_rich_text_new                  (void);

/* Replaces the content with @body (an LL_DOC_BODY), clears the undo
 * history and does not emit ::changed. */
void           ll_rich_text_set_blocks           (LlRichText       *self,
                                                  const LlDocNode  *body);
/* The content as a new LL_DOC_BODY. */
LlDocNode     *ll_rich_text_get_blocks           (LlRichText       *self);

/* As set_blocks, from a fragment that ll_docbook_write_blocks() wrote.
 * On error the content is left as it was. What the editor cannot show is
 * simplified, and each simplification adds a sentence to *@notes (which
 * may be NULL). */
gboolean       ll_rich_text_set_fragment         (LlRichText       *self,
                                                  const char       *docbook_fragment,
                                                  GPtrArray       **notes,
                                                  GError          **error);
char          *ll_rich_text_get_fragment         (LlRichText       *self,
                                                  GError          **error);

guint          ll_rich_text_get_word_count       (LlRichText       *self);

gboolean       ll_rich_text_get_show_toolbar     (LlRichText       *self);
void           ll_rich_text_set_show_toolbar     (LlRichText       *self,
                                                  gboolean          show_toolbar);
/* Whether the toolbar can be used; an idle one keeps its place but is
 * faint, so that the text does not move when the writer clicks into it. */
gboolean       ll_rich_text_get_toolbar_active   (LlRichText       *self);
void           ll_rich_text_set_toolbar_active   (LlRichText       *self,
                                                  gboolean          active);
gboolean       ll_rich_text_get_editable         (LlRichText       *self);
void           ll_rich_text_set_editable         (LlRichText       *self,
                                                  gboolean          editable);
/* The name a screen reader gives the text area, such as "Vision for
 * learning". */
const char    *ll_rich_text_get_accessible_label (LlRichText       *self);
void           ll_rich_text_set_accessible_label (LlRichText       *self,
                                                  const char       *label);

/* The tags that give each kind of block its look, by name. */
#define LL_RICH_TEXT_TAG_PARA        "ll-para"
#define LL_RICH_TEXT_TAG_HEADING     "ll-heading"
#define LL_RICH_TEXT_TAG_BULLET      "ll-bullet"
#define LL_RICH_TEXT_TAG_NUMBER      "ll-number"
#define LL_RICH_TEXT_TAG_QUOTE       "ll-quote"
#define LL_RICH_TEXT_TAG_ATTRIBUTION "ll-attribution"
/* The left margin of the editor's text, which the tags' indents build on. */
#define LL_RICH_TEXT_MARGIN 18

void           ll_rich_text_add_block_tags       (GtkTextBuffer    *buffer);

/* For tests. */
GtkTextBuffer *ll_rich_text_get_buffer           (LlRichText       *self);
GtkTextView   *ll_rich_text_get_text_view        (LlRichText       *self);
/* The "Start writing…" hint shown in the empty text. */
GtkWidget     *ll_rich_text_get_placeholder      (LlRichText       *self);

G_END_DECLS
