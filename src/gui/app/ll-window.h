/* ll-window.h: the main window: one workbook, its places, its menu */
#pragma once

#include <adwaita.h>

#include "ll-place.h"
#include "ll-workbook.h"

G_BEGIN_DECLS

#define LL_TYPE_WINDOW (ll_window_get_type ())
G_DECLARE_FINAL_TYPE (LlWindow, ll_window, LL, WINDOW, AdwApplicationWindow)

LlWindow    *ll_window_new                   (GtkApplication *application);

/* The workbook shown, or NULL. */
LlWorkbook  *ll_window_get_workbook          (LlWindow       *self);
/* Shows @workbook (may be NULL) in place of the current one, which is
 * closed. Remembers it as the last and a recent workbook. */
void         ll_window_set_workbook          (LlWindow       *self,
                                              LlWorkbook     *workbook);
/* Opens the workbook at @path in this window. On failure the user is told
 * in a dialog over the window, and the current workbook stays. */
gboolean     ll_window_open_path             (LlWindow       *self,
                                              const char     *path);
/* Whether this window shows the workbook at @path. */
gboolean     ll_window_shows_path            (LlWindow       *self,
                                              const char     *path);
/* Tells the user, in a dialog over the window, that @path could not be
 * opened and why. */
void         ll_window_show_open_error       (LlWindow       *self,
                                              const char     *path,
                                              const GError   *error);

/* What the file choosers call; each tells the user how it went (a toast
 * or a dialog) and returns whether it worked. */
gboolean     ll_window_create_workbook_at    (LlWindow       *self,
                                              const char     *path);
gboolean     ll_window_save_copy_to_path     (LlWindow       *self,
                                              const char     *path);
/* Saves the workbook, with every change, to @path and goes on editing
 * there (for a file moved away, or that cannot be written). */
gboolean     ll_window_save_to_new_place     (LlWindow       *self,
                                              const char     *path);
/* Exports a document off the main thread; tells the user when it ends
 * (a toast, or a dialog unless cancelled), then calls @callback. Closing
 * the window cancels it; a cancelled export leaves no partial file. */
void         ll_window_export_docbook_to_path_async  (LlWindow            *self,
                                                      gint64               document_id,
                                                      const char          *path,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean     ll_window_export_docbook_to_path_finish (LlWindow            *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

/* The place shown, by its name: "vision", "observations", "portfolios",
 * "certificates" (ll_place_get_name). */
const char  *ll_window_get_place             (LlWindow       *self);
void         ll_window_set_place             (LlWindow       *self,
                                              const char     *place);
/* The place shown. */
LlPlace     *ll_window_get_current_place     (LlWindow       *self);
/* The place called @name, or NULL. */
LlPlace     *ll_window_lookup_place          (LlWindow       *self,
                                              const char     *name);

/* Presents the School and People window of this workbook, and returns it. */
GtkWindow   *ll_window_show_school_window    (LlWindow       *self);
void         ll_window_add_toast             (LlWindow       *self,
                                              AdwToast       *toast);
/* Writes what waits and closes, without asking anything. */
void         ll_window_close_for_shutdown    (LlWindow       *self);

G_END_DECLS
