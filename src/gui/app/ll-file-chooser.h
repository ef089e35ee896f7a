/* ll-file-chooser.h: the file choosers of the menu and the places (open,
 * save a copy, export, import), set up one way */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Called with the path chosen; not called when the user cancels. */
typedef void (*LlFileChosenFunc) (GtkWidget  *owner,
                                  const char *path);

/* Shows a modal native file chooser over the window of @owner, and calls
 * @done (owner, path) with the file chosen, unless @owner is gone by then.
 * @slot is where @owner keeps its chooser: one at a time, so the one in
 * @slot is closed first; the chooser is stored there, and cleared from
 * there when answered (ll_file_chooser_clear closes it early, as on
 * dispose). @filter (may be NULL) is the one filter offered;
 * @suggested_name (may be NULL) is the name a saved file is given at
 * first; @folder (may be NULL) the folder it starts in. */
void ll_file_chooser_run   (GtkWidget             *owner,
                            GtkNativeDialog      **slot,
                            GtkFileChooserAction   action,
                            const char            *title,
                            const char            *accept_label,
                            GtkFileFilter         *filter,
                            const char            *suggested_name,
                            GFile                 *folder,
                            LlFileChosenFunc       done);
/* Closes the chooser in @slot, if any, without an answer. */
void ll_file_chooser_clear (GtkNativeDialog      **slot);

/* Filters: Leading Learning workbooks; DocBook articles. */
GtkFileFilter *ll_file_filter_new_workbooks (void);
GtkFileFilter *ll_file_filter_new_docbook   (void);

G_END_DECLS
