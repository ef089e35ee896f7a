/* ll-print-layout-private.h: what the builder, the table layout and the
 * paginator share */
#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "ll-print-layout.h"

G_BEGIN_DECLS

#define FONT_FAMILY     "Cantarell, DejaVu Sans, Sans"
#define BODY_SIZE       11.0
#define BODY_SPACING    1.2
#define PARA_AFTER      8.0
#define LIST_INDENT     20.0
#define MARKER_GAP      6.0
#define QUOTE_INDENT    22.0
#define VARLIST_INDENT  20.0
#define TABLE_SIZE      9.5
#define CELL_PAD_X      5.0
#define CELL_PAD_Y      3.5
#define MIN_COLUMN      24.0
#define MAX_BARS        4

/* Colours, as 0xRRGGBB */
#define COLOUR_BODY     0x1e1e1e
#define COLOUR_HEADING  0x1c3d5a
#define COLOUR_MUTED    0x5e5e5e
#define COLOUR_FAINT    0x8a8a8a
#define COLOUR_RULE     0x9aa5b1
#define COLOUR_BAR      0xb8c4d0
#define COLOUR_HEADER   0xe6ebf1
#define LINK_MARKUP     "<span foreground=\"#1a5fb4\">"
#define URI_MARKUP      "<span foreground=\"#5e5e5e\">"

typedef enum {
  ITEM_TEXT,
  ITEM_ROW,
  ITEM_RULE,
  ITEM_IMAGE,
} ItemKind;

typedef struct _Table Table;

typedef struct
{
  ItemKind     kind;
  double       x;              /* from the left margin */
  double       width;
  double       space_before;
  double       space_after;
  gboolean     keep_with_next;
  gboolean     splittable;
  gboolean     page_break;     /* starts a new page (a chapter) */
  guint32      colour;

  /* ITEM_TEXT */
  PangoLayout *layout;
  PangoLayout *marker;         /* list bullet or number, or NULL */
  double       marker_x;
  guint        n_lines;
  double      *tops;
  double      *bottoms;
  double      *baselines;
  double      *line_x;
  guint        n_bars;
  double       bar_x[MAX_BARS];
  guint        bar_id[MAX_BARS];
  gboolean     bar_join[MAX_BARS];

  /* ITEM_ROW, ITEM_RULE and ITEM_IMAGE */
  double       height;
  GdkPixbuf   *pixbuf;         /* ITEM_IMAGE */
  GBytes      *jpeg;           /* ITEM_IMAGE: the JPEG file it came from, to embed as it is */
  Table       *table;
  guint        row_index;
  GPtrArray   *cells;          /* of PangoLayout */
} Item;

struct _Table
{
  double  x;
  double  width;
  guint   n_cols;
  double *col_x;               /* from the table's left edge */
  double *col_w;
  Item   *header;
};

typedef struct
{
  Item   *item;
  guint   first;               /* first line, for text */
  guint   count;
  double  y;                   /* from the top margin */
  double  gap;                 /* space left above it on this page */
} Placement;

struct _LlPrintLayout
{
  PangoContext *context;
  double        page_width;
  double        page_height;
  double        content_x;
  double        content_y;
  double        content_w;
  double        content_h;
  double        margin_top;
  double        margin_bottom;
  char         *title;

  GPtrArray    *items;         /* of Item */
  GPtrArray    *tables;        /* of Table */
  GPtrArray    *pages;         /* of GArray of Placement */
};

/* What a block inherits from the blocks around it */
typedef struct
{
  double   indent;
  double   right_indent;
  gboolean italic;
  int      section_depth;
  int      itemized_depth;
  int      ordered_depth;
  double   para_after;
  guint    n_bars;
  double   bar_x[MAX_BARS];
  guint    bar_id[MAX_BARS];
} State;

/* The builder's own state while it walks the tree */
typedef struct
{
  LlPrintLayout *self;
  guint          next_bar_id;
  char          *pending_marker;     /* markup */
  double         pending_marker_right;
  guint          n_figures;
} Builder;

/* How ll_print_add_text() sets one run of text */
typedef struct
{
  double         size;
  gboolean       bold;
  gboolean       italic;
  double         spacing;
  guint32        colour;
  double         before;
  double         after;
  PangoAlignment align;
} TextStyle;

/* Helpers of the builder, for ll-print-layout-table.c */
PangoFontDescription *ll_print_font_new         (double           size,
                                                 gboolean         bold,
                                                 gboolean         italic);
char                 *ll_print_children_markup  (const LlDocNode *node);
Item                 *ll_print_add_item         (Builder         *b,
                                                 ItemKind         kind);
Item                 *ll_print_add_text         (Builder         *b,
                                                 const State     *st,
                                                 const char      *markup,
                                                 const TextStyle *style);
void                  ll_print_bump_space_after (Builder         *b,
                                                 double           after);
void                  ll_print_build_table      (Builder         *b,
                                                 const State     *st,
                                                 const LlDocNode *node);
/* The title block (ll-print-layout-title.c) */
void                  ll_print_build_title      (Builder         *b,
                                                 const State     *st,
                                                 const LlDoc     *doc);
/* An image or a figure (ll-print-layout-image.c) */
void                  ll_print_build_image      (Builder         *b,
                                                 const State     *st,
                                                 const LlDocNode *node);
void                  ll_print_draw_image       (cairo_t         *cr,
                                                 const Item      *item,
                                                 double           x,
                                                 double           y);

void         ll_print_layout_build      (LlPrintLayout   *self,
                                         const LlDoc     *doc);
PangoLayout *ll_print_new_pango_layout  (LlPrintLayout   *self,
                                         const char      *markup,
                                         double           size,
                                         gboolean         bold,
                                         gboolean         italic,
                                         double           width,
                                         double           spacing,
                                         PangoAlignment   align);
void         ll_print_append_escaped    (GString         *out,
                                         const char      *text);
void         ll_print_item_free         (Item            *item);
void         ll_print_table_free        (Table           *table);

G_END_DECLS
