/* ll-observation-doc.h: an observation as a document, for export and
 * print: a record of the lesson and a sheet for the follow-up dialogue */
#pragma once

#include "ll-doc.h"
#include "ll-framework.h"
#include "ll-observation.h"

G_BEGIN_DECLS

/* The names the document shows for the observation's people and title. */
typedef struct
{
  const char *title;
  const char *observer;     /* "" or NULL when none */
  const char *teacher;
  const char *school;       /* the subtitle; may be NULL */
} LlObservationNames;

/* Builds the observation as an article laid out as a sheet for the
 * follow-up dialogue: the lesson's details and context, the tallies, level
 * and evidence of each behaviour, strengths, questions for the dialogue,
 * the agreed next step, the teacher's reflection and the follow-up, and
 * last the notes taken by the minute. Behaviours are named
 * from @framework (may be NULL: their keys are shown). Rich texts stay as
 * LL_DOC_FRAGMENT nodes. No grade of the lesson is written: there is none. */
LlDoc *ll_observation_build_doc (LlObservation            *observation,
                                 const LlObservationNames *names,
                                 LlFramework              *framework);

G_END_DECLS
