/* ll-preferences-window.h: the application's preferences */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LL_TYPE_PREFERENCES_WINDOW (ll_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (LlPreferencesWindow, ll_preferences_window, LL, PREFERENCES_WINDOW, AdwPreferencesWindow)

LlPreferencesWindow *ll_preferences_window_new (void);

G_END_DECLS
