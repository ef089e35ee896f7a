/* ll-framework-editor.h: the window where a school edits its frameworks
 * of learning behaviours: names and descriptions, behaviours added and
 * taken away; a behaviour that observations refer to stays */
#pragma once

#include <adwaita.h>

#include "ll-workbook.h"

G_BEGIN_DECLS

#define LL_TYPE_FRAMEWORK_EDITOR (ll_framework_editor_get_type ())
G_DECLARE_FINAL_TYPE (LlFrameworkEditor, ll_framework_editor, LL, FRAMEWORK_EDITOR, AdwPreferencesWindow)

/* A page for each of @workbook's frameworks; every change is written to
 * the workbook as it is made. */
GtkWidget *ll_framework_editor_new (LlWorkbook *workbook);

G_END_DECLS
