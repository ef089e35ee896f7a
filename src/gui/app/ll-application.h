/* ll-application.h: the application: actions, settings, windows */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LL_TYPE_APPLICATION (ll_application_get_type ())
G_DECLARE_FINAL_TYPE (LlApplication, ll_application, LL, APPLICATION, AdwApplication)

typedef struct _LlWindow LlWindow;

LlApplication *ll_application_new          (void);

/* Shows the workbook at @path: presents the window that shows it already,
 * or opens it in @parent when that window is empty, or in a new window.
 * On failure the user is told over @parent (or over a new window when
 * @parent is NULL). Returns the window that shows it, or NULL. */
LlWindow      *ll_application_open_path    (LlApplication *self,
                                            const char    *path,
                                            LlWindow      *parent);

/* The workbook that opens when there is nothing else to open:
 * $XDG_DATA_HOME/leading-learning/Workbook.llw. */
char          *ll_application_dup_default_path (void);

G_END_DECLS
