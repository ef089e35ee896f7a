/* ll-pending.h: changes that wait to be written to the workbook
 *
 * A setter changes the model at once and schedules the write here, keyed
 * by object and field, so that typing costs one transaction per pause
 * rather than one per key, yet never waits longer than a second. A write
 * that fails stays waiting and is tried again, so nothing typed during a
 * fault is lost once the fault clears. */
#pragma once

#include <glib-object.h>

#include "ll-store.h"

G_BEGIN_DECLS

/* A change is written this long after the last change to any field... */
#define LL_PENDING_DEBOUNCE_MS 300
/* ...but never later than this after the first change still waiting:
 * short of a second, so that the write itself fits within the second. */
#define LL_PENDING_MAX_WAIT_MS 800
/* A write that failed is tried again this often. */
#define LL_PENDING_RETRY_MS    2000

/* Writes the current value of @field of @object. */
typedef gboolean (*LlPendingWriteFunc) (GObject  *object,
                                        guint     field,
                                        GError  **error);

#define LL_TYPE_PENDING (ll_pending_get_type ())
G_DECLARE_FINAL_TYPE (LlPending, ll_pending, LL, PENDING, GObject)

LlPending *ll_pending_new          (LlStore            *store);
/* Writes @field of @object after a pause, replacing any earlier wait for
 * the same field. */
void       ll_pending_schedule     (LlPending          *self,
                                    GObject            *object,
                                    guint               field,
                                    LlPendingWriteFunc  write);
/* Writes @field of @object now (its caller waited for the pause already);
 * if that fails it stays waiting like any other. */
void       ll_pending_write_now    (LlPending          *self,
                                    GObject            *object,
                                    guint               field,
                                    LlPendingWriteFunc  write);
/* Writes everything that waits. FALSE, with the first error, when some
 * of it could not be written: that stays waiting. */
gboolean   ll_pending_flush        (LlPending          *self,
                                    GError            **error);
/* Drops what waits for @object (it was deleted). */
void       ll_pending_forget       (LlPending          *self,
                                    GObject            *object);
/* Whether anything waits to be written ("pending" property). */
gboolean   ll_pending_get_pending  (LlPending          *self);
/* Whether the last attempt to write failed ("failing" property). */
gboolean   ll_pending_get_failing  (LlPending          *self);

G_END_DECLS
