/* ll-programme-window.h: the programme's details, study sessions,
 * cluster group meetings and the minima of certification, as the
 * facilitator sets them */
#pragma once

#include <adwaita.h>

#include "ll-workbook-portfolios.h"

G_BEGIN_DECLS

#define LL_TYPE_PROGRAMME_WINDOW (ll_programme_window_get_type ())
G_DECLARE_FINAL_TYPE (LlProgrammeWindow, ll_programme_window, LL, PROGRAMME_WINDOW, AdwPreferencesWindow)

GtkWidget *ll_programme_window_new   (LlWorkbook        *workbook);
/* Writes what was typed and waits for a pause. */
void       ll_programme_window_flush (LlProgrammeWindow *self);

G_END_DECLS
