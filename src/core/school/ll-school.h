/* ll-school.h: the school a workbook belongs to */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LL_TYPE_SCHOOL (ll_school_get_type ())
G_DECLARE_FINAL_TYPE (LlSchool, ll_school, LL, SCHOOL, GObject)

/* Properties (all strings, all written to the workbook when set):
 * "name", "urn" (unique reference number), "phase" (e.g. "Primary"),
 * "local-authority", "address" (several lines). */
const char  *ll_school_get_name             (LlSchool   *self);
void         ll_school_set_name             (LlSchool   *self,
                                             const char *name);
const char  *ll_school_get_urn              (LlSchool   *self);
void         ll_school_set_urn              (LlSchool   *self,
                                             const char *urn);
const char  *ll_school_get_phase            (LlSchool   *self);
void         ll_school_set_phase            (LlSchool   *self,
                                             const char *phase);
const char  *ll_school_get_local_authority  (LlSchool   *self);
void         ll_school_set_local_authority  (LlSchool   *self,
                                             const char *local_authority);
const char  *ll_school_get_address          (LlSchool   *self);
void         ll_school_set_address          (LlSchool   *self,
                                             const char *address);

G_END_DECLS
