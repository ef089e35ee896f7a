/* ll-narrative-editor-private.h: what ll-narrative-editor.c,
 * ll-narrative-editor-actions.c, ll-narrative-editor-outline.c and
 * ll-narrative-editor-sections.c share */
#pragma once

#include "ll-narrative-editor.h"
#include "ll-narrative-section-row.h"

G_BEGIN_DECLS

struct _LlNarrativeEditor
{
  GtkWidget             parent_instance;

  LlNarrative          *narrative;
  GBinding             *show_prompts_binding;
  gboolean              read_only;
  gboolean              show_outline;
  gboolean              show_revisions;
  gboolean              show_prompts;
  gboolean              distraction_free;
  gboolean              loading;
  /* the section the writer is in, for Add Section; not a reference */
  LlNarrativeSection   *current_section;
  guint                 saved_id;
  /* the window whose focus the page follows, and the frame clock waited on */
  GtkRoot              *root;
  GdkFrameClock        *follow_clock;
  gulong                follow_id;

  /* template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwHeaderBar         *header_bar;
  AdwWindowTitle       *window_title;
  GtkRevealer          *banner_revealer;
  AdwFlap              *revisions_flap;
  AdwFlap              *outline_flap;
  GtkListBox           *outline_list;
  GtkScrolledWindow    *scroller;
  GtkTextView          *title_view;
  GtkTextBuffer        *title_buffer;
  GtkWidget            *title_placeholder;
  GtkEntry             *author_entry;
  GtkDropDown          *status_dropdown;
  GtkBox               *sections_box;
  GtkWidget            *add_section_button;
  GtkLabel             *words_label;
  GtkRevealer          *saved_revealer;
  GtkWidget            *leave_button;
  GtkWidget            *prompts_button;
  GtkWidget            *revisions_button;
  GtkStack             *revisions_stack;
  GtkListBox           *revisions_list;
};

LlNarrativeSectionRow *ll_narrative_editor_find_row      (LlNarrativeEditor  *self,
                                                          LlNarrativeSection *section);
LlNarrativeSection    *ll_narrative_editor_find_section  (LlNarrativeEditor  *self,
                                                          gint64              id,
                                                          guint              *position);
void                   ll_narrative_editor_scroll_to     (LlNarrativeEditor  *self,
                                                          LlNarrativeSection *section);
void                   ll_narrative_editor_show_error    (LlNarrativeEditor  *self,
                                                          const char         *heading,
                                                          const GError       *error);
void                   ll_narrative_editor_toast         (LlNarrativeEditor  *self,
                                                          const char         *markup);
void                   ll_narrative_editor_update_actions (LlNarrativeEditor *self);
void                   ll_narrative_editor_update_row_actions (LlNarrativeEditor *self);
GtkWidget             *ll_narrative_editor_create_revision_row (gpointer      item,
                                                                gpointer      user_data);
void                   ll_narrative_editor_class_install_actions (GtkWidgetClass *widget_class);

/* ll-narrative-editor.c */
void       _ll_narrative_editor_follow_focus       (LlNarrativeEditor     *self);

/* ll-narrative-editor-sections.c */
void       _ll_narrative_editor_sync_rows          (LlNarrativeEditor     *self);
void       _ll_narrative_editor_focus_text         (LlNarrativeEditor     *self,
                                                    LlNarrativeSectionRow *row,
                                                    int                    offset);
void       _ll_narrative_editor_remember_place     (LlNarrativeEditor     *self);

/* ll-narrative-editor-outline.c */
void       _ll_narrative_editor_class_init_outline (GtkWidgetClass        *widget_class);
GtkWidget *_ll_narrative_editor_create_outline_row (gpointer               item,
                                                    gpointer               user_data);
void       _ll_narrative_editor_update_words       (LlNarrativeEditor     *self);

G_END_DECLS
