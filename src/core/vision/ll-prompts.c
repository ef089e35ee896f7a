/* ll-prompts.c: the reflective prompts of the leadership strategy */
#define G_LOG_DOMAIN "ll-prompts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ll-prompts.h"

typedef struct
{
  const char *key;
  const char *title;
  const char *questions[4];
} PromptSet;

static const PromptSet sets[] = {
  { "vision", N_("Our vision for learning"), {
      N_("Why do you want to work on building better learners: for a wider scope for education, "
         "or from a concern about pupils’ dependency or lack of resilience?"),
      N_("What is the moral purpose that drives the school, beyond better exam results?"),
      N_("To what extent is the school’s vision for developing learning clearly developed and "
         "widely understood and supported?"),
      NULL } },
  { "dialogue", N_("Building dialogue"), {
      N_("What do you say that convinces colleagues of your commitment to the school’s core "
         "purpose of developing pupils’ learning behaviours?"),
      N_("How will you show, frequently and visibly, that this is a long-term change and not "
         "just another initiative?"),
      N_("How will you keep close to developments: visiting classrooms and talking with teachers "
         "about how they weave the ideas into their lessons?"),
      NULL } },
  { "enquiry", N_("A culture of enquiry"), {
      N_("Do staff feel empowered to enquire into classroom practice and to innovate?"),
      N_("How will professional learning communities share experiments, successes, failures, "
         "doubts and ideas?"),
      NULL } },
  { "monitoring", N_("Monitoring development in classrooms"), {
      N_("How well do you know what is happening in classrooms to build better learners?"),
      N_("Which learning processes are teachers routinely asking pupils to use?"),
      N_("How will observation be a support for teachers rather than a judgement?"),
      NULL } },
  { "impact", N_("Tracking the impact on learning behaviours"), {
      N_("How well do you understand the impact on learning behaviours of the school’s "
         "attempts to build better learners?"),
      N_("Which indicators will make up your portfolio of evidence, rather than a single metric?"),
      NULL } },
};

static const char * const keys[] = { "vision", "dialogue", "enquiry", "monitoring", "impact", NULL };

static const PromptSet *
lookup (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (sets); i++)
    if (g_strcmp0 (key, sets[i].key) == 0)
      return &sets[i];
  return NULL;
}

const char * const *
ll_prompts_get_keys (void)
{
  return keys;
}

const char *
ll_prompts_get_title (const char *key)
{
  const PromptSet *set = lookup (key);

  return set ? g_dgettext (GETTEXT_PACKAGE, set->title) : NULL;
}

char **
ll_prompts_dup_questions (const char *key)
{
  const PromptSet *set = lookup (key);
  GStrvBuilder *builder = g_strv_builder_new ();
  char **questions;

  for (guint i = 0; set != NULL && set->questions[i] != NULL; i++)
    g_strv_builder_add (builder, g_dgettext (GETTEXT_PACKAGE, set->questions[i]));
  questions = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return questions;
}
