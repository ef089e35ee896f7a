/* ll-gui-util.h: small helpers that several controllers share */
#pragma once

#include <gtk/gtk.h>

#include "ll-rich-text.h"

G_BEGIN_DECLS

/* A date as people say it: "Today at 14:05", "Yesterday at 09:30",
 * "Monday at 16:00", "3 March" (this year) or "3 March 2024". */
char  *ll_format_friendly_date  (GDateTime *when,
                                 GDateTime *now);

/* Shows a stored DocBook fragment in @rich_text. A fragment that cannot be
 * read (a damaged file) is shown as its plain text, a paragraph per line,
 * so that its words are kept rather than replaced by an empty editor.
 * Returns FALSE when it had to fall back. */
gboolean  ll_rich_text_load_stored  (LlRichText *rich_text,
                                     const char *fragment);

/* Makes @target cancelled whenever @source (may be NULL) is, at once if it
 * is already; returns the handler for ll_gui_unfollow_cancellable(), or 0.
 * For an operation that stops with the widget that started it and with its
 * caller's cancellable alike. */
gulong    ll_gui_follow_cancellable   (GCancellable  *target,
                                       GCancellable  *source);
/* Undoes ll_gui_follow_cancellable() and sets *@handler to 0. */
void      ll_gui_unfollow_cancellable (GCancellable  *source,
                                       gulong        *handler);

/* A workbook's path as the settings keep it (settings hold UTF-8 only):
 * the path itself when it is UTF-8, else its file URI. */
char     *ll_gui_path_to_setting      (const char    *path);
/* The path in a value that ll_gui_path_to_setting() wrote; NULL if none. */
char     *ll_gui_path_from_setting    (const char    *value);
/* Gives each button under @root that has a mnemonic its label, without
 * the underscore, as its accessible name. */
void      ll_gui_name_controls        (GtkWidget     *root);
/* Names the button that opens @drop_down. */
void      ll_gui_name_drop_down       (GtkDropDown   *drop_down,
                                       const char    *label);

G_END_DECLS
