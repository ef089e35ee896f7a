/* ll-framework-builtin.c: the frameworks that ship with the app
 *
 * The behaviours are those the programmes name; the one-line descriptions
 * are our own, written for a leader with a lesson in front of them: what
 * a pupil who shows the behaviour is seen doing.
 */
#define G_LOG_DOMAIN "ll-framework"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ll-framework.h"

typedef struct
{
  const char *id;
  const char *name;
  const char *description;
} Entry;

/* A group is an entry followed by its behaviours and an empty entry; the
 * list ends with a second empty entry. */
static const Entry blp[] = {
  { "resilience", N_("Resilience"), N_("Staying with learning when it is hard") },
  { "absorption", N_("Absorption"), N_("Gets lost in the work, and the time passes unnoticed") },
  { "managing-distractions", N_("Managing distractions"),
    N_("Notices what pulls attention away and sets things up to keep going") },
  { "noticing", N_("Noticing"), N_("Looks closely and picks out details and patterns others miss") },
  { "perseverance", N_("Perseverance"), N_("Keeps going when stuck, and treats a mistake as part of learning") },
  { NULL, NULL, NULL },
  { "resourcefulness", N_("Resourcefulness"), N_("Learning in different ways, with what is to hand") },
  { "questioning", N_("Questioning"), N_("Asks questions of the work, of others and of themselves") },
  { "making-links", N_("Making links"), N_("Connects the new with what is already known, in and beyond the subject") },
  { "imagining", N_("Imagining"), N_("Pictures possibilities and tries ideas out in the mind first") },
  { "reasoning", N_("Reasoning"), N_("Thinks things through step by step and weighs the evidence") },
  { "capitalising", N_("Capitalising"), N_("Makes good use of the people, books and tools around them") },
  { NULL, NULL, NULL },
  { "reflectiveness", N_("Reflectiveness"), N_("Thinking about learning and how it is going") },
  { "planning", N_("Planning"), N_("Thinks ahead about what to do and what will be needed") },
  { "revising", N_("Revising"), N_("Checks how it is going and changes course along the way") },
  { "distilling", N_("Distilling"), N_("Draws out the lessons of an experience to use again") },
  { "meta-learning", N_("Meta-learning"), N_("Knows how they learn best, and talks about it") },
  { NULL, NULL, NULL },
  { "reciprocity", N_("Reciprocity"), N_("Learning with and from others") },
  { "interdependence", N_("Interdependence"), N_("Judges when to work alone and when to work with others") },
  { "collaboration", N_("Collaboration"), N_("Shares ideas and work, takes turns and builds on what others say") },
  { "empathy-and-listening", N_("Empathy and listening"),
    N_("Listens closely and tries to see the work through another's eyes") },
  { "imitation", N_("Imitation"), N_("Picks up good habits and methods by watching others learn") },
  { NULL, NULL, NULL },
  { NULL, NULL, NULL },
};

static const Entry learning_power[] = {
  { "learning-power", N_("Learning power"), N_("Seven dimensions of a learner’s power to learn") },
  { "changing-and-learning", N_("Changing and learning"),
    N_("Believes they can get better at learning, and sees themselves growing") },
  { "critical-curiosity", N_("Critical curiosity"), N_("Wants to find out, asks why, and does not take things on trust") },
  { "meaning-making", N_("Meaning making"), N_("Connects learning to their own life and to what matters to them") },
  { "creativity", N_("Creativity"), N_("Plays with ideas, takes risks and follows hunches") },
  { "learning-relationships", N_("Learning relationships"),
    N_("Learns well with others and alone, and knows who can help") },
  { "strategic-awareness", N_("Strategic awareness"),
    N_("Manages their feelings and their plans while learning, and chooses how to go about it") },
  { "resilience", N_("Resilience"), N_("Stays with hard learning, recovers from setbacks and tries again") },
  { NULL, NULL, NULL },
  { NULL, NULL, NULL },
};

static LlFramework *
build (const char  *name,
       const char  *description,
       const Entry *entries)
{
  LlFramework *framework = ll_framework_new (name, description);
  const Entry *entry = entries;

  while (entry->id != NULL)
    {
      guint group = ll_framework_add_group (framework, entry->id, _(entry->name), _(entry->description));

      for (entry++; entry->id != NULL; entry++)
        ll_framework_add_behaviour (framework, group, entry->id, _(entry->name), _(entry->description));
      entry++;
    }
  return framework;
}

GPtrArray *
ll_framework_list_builtin (void)
{
  GPtrArray *frameworks = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (frameworks,
                   build (_("Building Learning Power"),
                          _("Four groups of learning capacities, the “learning muscles” that "
                            "lessons exercise"),
                          blp));
  g_ptr_array_add (frameworks,
                   build (_("Seven Dimensions of Learning Power"),
                          _("A learner’s power to learn, seen in seven dimensions"),
                          learning_power));
  return frameworks;
}
