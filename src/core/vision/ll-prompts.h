/* ll-prompts.h: the five parts of the leadership strategy, each with the
 * reflective questions it asks of a headteacher writing the vision */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The keys, in the order a new narrative's sections take: "vision",
 * "dialogue", "enquiry", "monitoring", "impact". NULL-terminated. */
const char * const *ll_prompts_get_keys       (void);
/* The translated title of a section of the strategy, or NULL. */
const char         *ll_prompts_get_title      (const char *key);
/* The translated questions for @key (an empty array for an unknown key). */
char              **ll_prompts_dup_questions  (const char *key);

G_END_DECLS
