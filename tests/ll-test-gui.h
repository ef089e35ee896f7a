/* ll-test-gui.h: helpers shared by the display tests */
#pragma once

#include <gtk/gtk.h>

#include "ll-application.h"

#include "ll-workbook.h"

G_BEGIN_DECLS

typedef gboolean (*LlTestCondition) (gpointer data);

/* Runs the main loop until @condition holds, for five seconds at most;
 * returns whether it came to hold. Never a fixed sleep. */
gboolean     ll_test_wait_for              (LlTestCondition  condition,
                                            gpointer         data);
/* Handles what is pending in the main loop, without waiting. */
void         ll_test_iterate_briefly       (void);
/* A visible toplevel of @type, as below, or NULL: no waiting. */
GtkWindow   *ll_test_find_toplevel         (GType            type,
                                            const char      *heading);
/* Waits for a visible toplevel of @type; for an AdwMessageDialog, with
 * @heading (may be NULL) in its heading. Fails the test if none appears. */
GtkWindow   *ll_test_wait_for_toplevel     (GType            type,
                                            const char      *heading);
/* Destroys every window, dialogs before their parents, and waits until
 * they are gone. */
void         ll_test_destroy_all_windows   (void);
/* Presses @keyval on @window's focused widget as GTK delivers it: to the
 * key controllers from the window down to the focus in their capture
 * phase, then back up in their bubble phase; a Tab that none handles
 * moves the focus as the window does. */
void         ll_test_press_key             (GtkWidget       *window,
                                            guint            keyval,
                                            GdkModifierType  state);
/* The first widget of @type under @root (itself included) whose text is
 * @text: a button's label, a preferences row's title, or the tooltip;
 * with @text NULL, the first of @type. NULL when there is none. */
GtkWidget   *ll_test_find_widget           (GtkWidget       *root,
                                            GType            type,
                                            const char      *text);
/* The name of the school in ll_test_make_workbook()'s workbooks. */
#define LL_TEST_SCHOOL_NAME "Hilltop Primary School"

/* Writes a new small workbook at @path: the school above and its
 * headteacher, Mrs Ada Hughes. */
void         ll_test_make_workbook         (const char      *path);
/* Opens @path read-only, as another program would while the app has it open. */
LlWorkbook  *ll_test_read_back             (const char      *path);

/* Starts GTK and libadwaita for a display test and registers a
 * non-unique LlApplication; the default workbook goes to a new private
 * folder, *@data_home, for the caller to remove. */
LlApplication *ll_test_gui_init_app        (int             *argc,
                                            char          ***argv,
                                            char           **data_home);

G_END_DECLS
