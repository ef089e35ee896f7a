/* ll-live-notes.h: notes taken in the classroom, by the minute, with the
 * focus behaviours tagged and counted from the keyboard */
#pragma once

#include <gtk/gtk.h>

#include "ll-framework.h"
#include "ll-observation.h"

G_BEGIN_DECLS

#define LL_TYPE_LIVE_NOTES (ll_live_notes_get_type ())
G_DECLARE_FINAL_TYPE (LlLiveNotes, ll_live_notes, LL, LIVE_NOTES, GtkWidget)

GtkWidget     *ll_live_notes_new              (void);
/* Shows @observation's notes and a tally button and a tag for each of its
 * focus behaviours (at most nine), named from @framework (may be NULL). */
void           ll_live_notes_set_observation  (LlLiveNotes   *self,
                                               LlObservation *observation,
                                               LlFramework   *framework);
/* The minute of the lesson a note added now gets, from 1. */
guint          ll_live_notes_get_minute       (LlLiveNotes   *self);
/* Sets the clock so that it is now @minute (for tests, and when the
 * observer started late). */
void           ll_live_notes_set_minute       (LlLiveNotes   *self,
                                               guint          minute);
/* The entry the notes are typed into. */
GtkEditable   *ll_live_notes_get_entry        (LlLiveNotes   *self);

G_END_DECLS
