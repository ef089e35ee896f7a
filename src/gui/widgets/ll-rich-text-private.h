/* ll-rich-text-private.h: what the parts of LlRichText share
 *
 * LlRichText is split by concern:
 *   ll-rich-text.c          the class, its properties and public API, and
 *                           helpers for lines, styles and inline tags
 *   ll-rich-text-edit.c     the buffer's signals, keys, pasting, and the
 *                           undo history
 *   ll-rich-text-actions.c  formatting actions, toolbar state, links
 *   ll-rich-text-tree.c     loading and building the LL_DOC_BODY tree
 *   ll-rich-text-view.c     the text view that draws markers in the margin
 *   ll-rich-text-toolbar.c  the toolbar, which moves what does not fit into
 *                           its overflow menu
 * The buffer model is described at the top of ll-rich-text.c.
 */
#pragma once

#include "ll-rich-text.h"

G_BEGIN_DECLS

#define MAX_UNDO 200
/* The view's margin. A tag's left margin replaces it rather than adding
 * to it, so indents are given as MARGIN + indent. */
#define MARGIN LL_RICH_TEXT_MARGIN
/* the space above a paragraph, where its first line starts */
#define PARA_SPACING 6
#define LINK_HREF_KEY "ll-rich-text-href"

typedef enum {
  STYLE_PARA,
  STYLE_HEADING,
  STYLE_BULLET,
  STYLE_NUMBER,
  STYLE_QUOTE,
  STYLE_ATTRIBUTION,
  N_STYLES
} BlockStyle;

enum {
  INLINE_STRONG   = 1 << 0,
  INLINE_EMPHASIS = 1 << 1,
};

typedef enum {
  CHANGE_OTHER,
  CHANGE_TYPING,
  CHANGE_ERASING,
} ChangeKind;

/* The text view, which draws list markers and quotation bars */

#define LL_TYPE_RICH_TEXT_VIEW (ll_rich_text_view_get_type ())

G_DECLARE_FINAL_TYPE (LlRichTextView, ll_rich_text_view, LL, RICH_TEXT_VIEW, GtkTextView)

struct _LlRichTextView
{
  GtkTextView  parent_instance;
  LlRichText  *owner;        /* unowned: the view is the owner's child */
  GtkWidget   *placeholder;  /* "Start writing…", a child of the view */
};

void         ll_rich_text_view_update_placeholder (LlRichTextView *self);


struct _LlRichText
{
  GtkWidget        parent_instance;

  GtkWidget       *toolbar;
  GtkWidget       *style_group;
  GtkWidget       *history_group;
  GtkMenuButton   *more_button;
  GMenuModel      *wide_menu;
  GMenuModel      *medium_menu;
  GMenuModel      *narrow_menu;
  GtkTextView     *view;
  GtkToggleButton *paragraph_button;
  GtkToggleButton *heading_button;
  GtkToggleButton *bold_button;
  GtkToggleButton *italic_button;
  GtkToggleButton *link_button;
  GtkToggleButton *bullets_button;
  GtkToggleButton *numbers_button;
  GtkToggleButton *quote_button;
  GtkPopover      *link_popover;
  GtkEntry        *link_entry;
  GtkWidget       *link_remove_button;

  GtkTextBuffer   *buffer;
  GtkTextTag      *style_tags[N_STYLES];
  GtkTextTag      *strong_tag;
  GtkTextTag      *emphasis_tag;
  GHashTable      *link_tags;        /* href -> GtkTextTag, owned by the table */
  GtkTextMark     *link_start;
  GtkTextMark     *link_end;
  BlockStyle       tail_style;

  GQueue           undo;             /* of Snapshot, newest first */
  GQueue           redo;
  gboolean         in_user_action;
  gboolean         action_recorded;
  ChangeKind       last_change;
  int              change_offset;
  gboolean         last_typed_space;

  guint            internal;         /* we are changing the buffer ourselves */
  gboolean         pasting;

  /* bold or italic chosen with nothing selected, for the next typing */
  gboolean         pending_valid;
  guint            pending_flags;
  int              pending_offset;

  /* what an insertion inherits, worked out before it happens */
  BlockStyle       insert_style;
  gboolean         insert_at_line_end;
  guint            insert_flags;
  GtkTextTag      *insert_link;

  /* a deletion that leaves the last line empty hands its style on */
  gboolean         delete_sets_tail;
  BlockStyle       delete_tail_style;

  guint            word_count;
  gboolean         editable;
  char            *accessible_label;
};

/* how far each style is indented beyond MARGIN */
extern const int ll_rich_text_style_indent[N_STYLES];

/* ll-rich-text.c: lines, styles and inline tags */
gboolean     ll_rich_text_is_xml_space        (gunichar           c);
gboolean     ll_rich_text_is_line_break       (gunichar           c);
char        *ll_rich_text_one_line            (const char        *text);
gboolean     ll_rich_text_is_blank            (const char        *text);
void         ll_rich_text_line_bounds         (const GtkTextIter *iter,
                                               GtkTextIter       *start,
                                               GtkTextIter       *end,
                                               gboolean           with_newline);
gboolean     ll_rich_text_line_is_blank       (const GtkTextIter *iter);
const char  *ll_rich_text_link_href           (GtkTextTag        *tag);
GtkTextTag  *ll_rich_text_link_at             (const GtkTextIter *iter);
guint        ll_rich_text_flags_at            (LlRichText        *self,
                                               const GtkTextIter *iter);
GtkTextTag  *ll_rich_text_get_link_tag        (LlRichText        *self,
                                               const char        *href);
void         ll_rich_text_remove_inline_tags  (LlRichText        *self,
                                               const GtkTextIter *start,
                                               const GtkTextIter *end);
BlockStyle   ll_rich_text_style_at            (LlRichText        *self,
                                               const GtkTextIter *iter);
void         ll_rich_text_set_line_style      (LlRichText        *self,
                                               const GtkTextIter *iter,
                                               BlockStyle         style);
void         ll_rich_text_normalize_lines     (LlRichText        *self,
                                               const GtkTextIter *start,
                                               const GtkTextIter *end);
void         ll_rich_text_update_word_count   (LlRichText        *self);
void         ll_rich_text_emit_changed        (LlRichText        *self);

/* ll-rich-text-edit.c: the buffer's signals, keys, pasting and history */
void         ll_rich_text_edit_class_init     (GtkWidgetClass    *widget_class);
void         ll_rich_text_edit_init           (LlRichText        *self);
void         ll_rich_text_clear_queue         (GQueue            *queue);
void         ll_rich_text_update_undo_actions (LlRichText        *self);
void         ll_rich_text_begin_format        (LlRichText        *self);
void         ll_rich_text_end_format          (LlRichText        *self);

/* ll-rich-text-actions.c: formatting, toolbar state and links */
void         ll_rich_text_actions_class_init  (GtkWidgetClass    *widget_class);
void         ll_rich_text_actions_init        (LlRichText        *self);
void         ll_rich_text_update_toolbar      (LlRichText        *self);
void         ll_rich_text_set_block_style     (LlRichText        *self,
                                               BlockStyle         style,
                                               gboolean           toggle);

/* ll-rich-text-tree.c: the LL_DOC_BODY tree */
void         ll_rich_text_load_tree           (LlRichText        *self,
                                               const LlDocNode   *body,
                                               GPtrArray         *notes);

/* ll-rich-text-toolbar.c */
#define LL_TYPE_RICH_TEXT_TOOLBAR (ll_rich_text_toolbar_get_type ())

G_DECLARE_FINAL_TYPE (LlRichTextToolbar, ll_rich_text_toolbar, LL, RICH_TEXT_TOOLBAR, GtkWidget)

void         ll_rich_text_toolbar_add_collapsible (LlRichTextToolbar *self,
                                                   GtkWidget         *child);
guint        ll_rich_text_toolbar_get_n_collapsed (LlRichTextToolbar *self);

G_END_DECLS
