/* ll-model-private.h: constructors the workbook uses to build its model */
#pragma once

#include "ll-pending.h"
#include "ll-person.h"
#include "ll-school.h"
#include "ll-store.h"

G_BEGIN_DECLS

LlSchool  *_ll_school_new  (LlStore    *store,
                            LlPending  *pending);
LlPerson  *_ll_person_new  (LlStore    *store,
                            LlPending  *pending,
                            gint64      id,
                            const char *name,
                            LlRole      role);

G_END_DECLS
