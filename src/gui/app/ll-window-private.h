/* ll-window-private.h: what ll-window.c and ll-window-actions.c share */
#pragma once

#include "ll-place.h"
#include "ll-window.h"

G_BEGIN_DECLS

struct _LlWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  LlWorkbook           *workbook;
  LlSchool             *school;
  /* weak pointers */
  GtkWindow            *school_window;
  GtkWindow            *write_failed_dialog;
  /* the file chooser being shown, if any */
  GtkNativeDialog      *chooser;
  gint64                chosen_document;
  /* cancelled when the window is disposed: stops exports under way */
  GCancellable         *cancellable;
  /* the window went full screen for distraction-free writing */
  gboolean              fullscreen_for_writing;
  /* the user chose to close although changes could not be written */
  gboolean              close_anyway;
  /* the LlPlace widgets, in the order of the sidebar (the stack owns them) */
  GPtrArray            *places;

  /* template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwLeaflet           *leaflet;
  AdwWindowTitle       *window_title;
  GtkMenuButton        *menu_button;
  GtkListBox           *sidebar_list;
  GtkWidget            *sidebar;
  GtkWidget            *sidebar_separator;
  GtkWidget            *content_header;
  GtkWidget            *content;
  GtkRevealer          *banner_revealer;
  GtkRevealer          *moved_revealer;
  GtkStack             *stack;
  GMenu                *recent_menu;
};

GtkWidget *ll_window_show_message          (LlWindow       *self,
                                            const char     *heading,
                                            const char     *body);
char      *ll_window_display_basename      (const char     *path);
/* Opens @path the way the user expects from a menu: presents a window that
 * shows it already, or uses this window if it is empty, or a new one. */
void       ll_window_open_from_menu        (LlWindow       *self,
                                            const char     *path);
void       ll_window_clear_chooser         (LlWindow       *self);
/* Has every place write what waits, so that what is saved, exported or
 * printed is what is on the screen. */
void       ll_window_flush_places          (LlWindow       *self);
/* Asks where to save the workbook, for when its file cannot be written. */
void       ll_window_choose_new_place      (LlWindow       *self);
void       ll_window_class_install_actions (GtkWidgetClass *widget_class);

G_END_DECLS
