/* ll-school-kind.h: the school profile as a kind of document */
#pragma once

#include "ll-document-kind.h"

G_BEGIN_DECLS

/* The kind "school": one profile of the school and its people, whose
 * title follows the school's name. */
#define LL_TYPE_SCHOOL_KIND (ll_school_kind_get_type ())
G_DECLARE_FINAL_TYPE (LlSchoolKind, ll_school_kind, LL, SCHOOL_KIND, GObject)

G_END_DECLS
