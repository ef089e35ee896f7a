/* ll-portfolio-requirements.c: what a portfolio still needs for
 * certification, by the programme's rules
 *
 * Works on the loaded model alone, with the words of each entry counted
 * when its text was set, so that it can run after every edit. */
#define G_LOG_DOMAIN "ll-portfolio"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ll-portfolio-private.h"

void
ll_requirement_free (LlRequirement *requirement)
{
  if (requirement == NULL)
    return;
  g_free (requirement->label);
  g_free (requirement->missing);
  g_free (requirement);
}

static LlRequirement *
requirement_add (GPtrArray  *results,
                 const char *kind,
                 char       *label)
{
  LlRequirement *requirement = g_new0 (LlRequirement, 1);

  requirement->kind = g_intern_string (kind);
  requirement->label = label;
  requirement->met = TRUE;
  requirement->target_part = LL_STORY_NONE;
  g_ptr_array_add (results, requirement);
  return requirement;
}

static void
requirement_unmet (LlRequirement    *requirement,
                   char             *missing,
                   LlPortfolioEntry *target)
{
  requirement->met = FALSE;
  requirement->missing = missing;
  if (target != NULL)
    requirement->target_entry = ll_portfolio_entry_get_id (target);
}

static guint
rule_minimum (const LlPortfolioRule *rule)
{
  return (guint) CLAMP (rule->minimum, 0, G_MAXUINT);
}

/* The included cluster reflections that have words; the first entry to
 * go to when more are needed; how many of them say the participant led
 * the meeting. */
static void
count_cluster_reflections (LlPortfolio        *self,
                           const LlProgramme  *programme,
                           guint              *written,
                           guint              *led,
                           LlPortfolioEntry  **first_empty,
                           LlPortfolioEntry  **first)
{
  GListModel *entries = ll_portfolio_get_entries (self);
  gint64 person = ll_portfolio_get_participant (self)->person_id;

  *written = *led = 0;
  *first_empty = *first = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(LlPortfolioEntry) entry = g_list_model_get_item (entries, i);

      if (ll_portfolio_entry_get_kind (entry) != LL_ENTRY_CLUSTER_REFLECTION
          || !ll_portfolio_entry_get_included (entry))
        continue;
      if (*first == NULL)
        *first = entry;
      if (ll_portfolio_entry_get_words (entry) == 0)
        {
          if (*first_empty == NULL)
            *first_empty = entry;
          continue;
        }
      (*written)++;
      if (ll_portfolio_entry_get_led (entry)
          || (person > 0 && ll_programme_meeting_led_by (programme, ll_portfolio_entry_get_session (entry), person)))
        (*led)++;
    }
}

static void
check_cluster_reflections (LlPortfolio           *self,
                           const LlProgramme     *programme,
                           const LlPortfolioRule *rule,
                           GPtrArray             *results)
{
  guint minimum = rule_minimum (rule);
  guint written, led;
  LlPortfolioEntry *first_empty, *first;
  LlRequirement *requirement;

  count_cluster_reflections (self, programme, &written, &led, &first_empty, &first);
  if (g_str_equal (rule->kind, LL_RULE_CLUSTER_REFLECTIONS))
    {
      /* TRANSLATORS: a requirement of certification, with how many are needed */
      requirement = requirement_add (results, rule->kind,
                                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Reflections on %u cluster group meeting",
                                                                "Reflections on %u cluster group meetings",
                                                                minimum), minimum));
      if (written >= minimum)
        return;
      if (minimum - written == 1)
        /* TRANSLATORS: how many there are, then how many are needed: "(2 of 3)" */
        requirement_unmet (requirement, g_strdup_printf (_("Write one more cluster reflection (%u of %u)"),
                                                         written, minimum), first_empty);
      else
        requirement_unmet (requirement,
                           g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Write %u more cluster reflection (%u of %u)",
                                                      "Write %u more cluster reflections (%u of %u)",
                                                      minimum - written),
                                            minimum - written, written, minimum), first_empty);
    }
  else
    {
      requirement = requirement_add (results, rule->kind, g_strdup (ll_rule_kind_to_label (rule->kind)));
      if (led >= MAX (minimum, 1))
        return;
      if (written == 0)
        requirement_unmet (requirement, g_strdup (_("Write a reflection on a cluster session that you led")),
                           first);
      else
        requirement_unmet (requirement, g_strdup (_("Say that you led one of the cluster sessions")), first);
    }
}

static void
check_story (LlPortfolio           *self,
             const LlPortfolioRule *rule,
             GPtrArray             *results)
{
  guint minimum = rule_minimum (rule);

  for (LlStoryPart part = 0; part < LL_STORY_N_PARTS; part++)
    {
      LlPortfolioEntry *entry = ll_portfolio_find_story_part (self, part);
      const char *name = ll_story_part_to_label (part);
      guint words = entry != NULL ? ll_portfolio_entry_get_words (entry) : 0;
      LlRequirement *requirement;

      requirement = requirement_add (results, rule->kind,
                                     /* TRANSLATORS: a part of the analytical story, and its least length */
                                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "“%s”, at least %u word",
                                                                "“%s”, at least %u words", minimum),
                                                      name, minimum));
      requirement->target_part = part;
      if (entry != NULL)
        requirement->target_entry = ll_portfolio_entry_get_id (entry);
      if (entry != NULL && !ll_portfolio_entry_get_included (entry))
        requirement_unmet (requirement, g_strdup_printf (_("Include “%s” in the portfolio"), name), entry);
      else if (words == 0)
        requirement_unmet (requirement,
                           g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Write “%s” (at least %u word)",
                                                      "Write “%s” (at least %u words)", minimum),
                                            name, minimum), entry);
      else if (words < minimum)
        requirement_unmet (requirement,
                           /* TRANSLATORS: the part, the least number of words, the words written */
                           g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Write “%s” (at least %u word; %u so far)",
                                                      "Write “%s” (at least %u words; %u so far)", minimum),
                                            name, minimum, words), entry);
    }
}

static void
check_presented (LlPortfolio           *self,
                 const LlPortfolioRule *rule,
                 GPtrArray             *results)
{
  LlPortfolioEntry *entry = ll_portfolio_find_story_part (self, LL_STORY_PRESENTATION);
  LlRequirement *requirement = requirement_add (results, rule->kind, g_strdup (ll_rule_kind_to_label (rule->kind)));

  requirement->target_part = LL_STORY_PRESENTATION;
  if (entry != NULL)
    requirement->target_entry = ll_portfolio_entry_get_id (entry);
  if (entry == NULL || ll_portfolio_entry_get_text (entry, LL_ENTRY_PRESENTED)[0] == '\0')
    requirement_unmet (requirement, g_strdup (_("Record when the outcomes were presented to staff")), entry);
  else if (ll_portfolio_entry_get_text (entry, LL_ENTRY_AUDIENCE)[0] == '\0')
    requirement_unmet (requirement, g_strdup (_("Say who the outcomes were presented to")), entry);
}

static void
check_dates (LlPortfolio           *self,
             const LlProgramme     *programme,
             const LlPortfolioRule *rule,
             GPtrArray             *results)
{
  GListModel *entries = ll_portfolio_get_entries (self);
  LlRequirement *requirement = requirement_add (results, rule->kind, g_strdup (ll_rule_kind_to_label (rule->kind)));
  LlPortfolioEntry *first = NULL;
  guint outside = 0;

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(LlPortfolioEntry) entry = g_list_model_get_item (entries, i);

      if (!ll_portfolio_entry_get_included (entry)
          || ll_programme_contains_date (programme, ll_portfolio_entry_get_text (entry, LL_ENTRY_DATE)))
        continue;
      if (outside++ == 0)
        first = entry;
    }
  if (first != NULL)
    {
      g_autofree char *heading = ll_portfolio_entry_dup_heading (first, programme);
      gboolean dated = ll_portfolio_entry_get_text (first, LL_ENTRY_DATE)[0] != '\0';

      if (outside == 1)
        requirement_unmet (requirement,
                           dated ? g_strdup_printf (_("“%s” is dated outside the programme's year"), heading)
                                 : g_strdup_printf (_("“%s” has no date"), heading), first);
      else
        requirement_unmet (requirement,
                           /* TRANSLATORS: an entry's heading, then how many others there are */
                           g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "“%s” and %u other entry are undated or dated outside the programme's year",
                                                      "“%s” and %u other entries are undated or dated outside the programme's year",
                                                      outside - 1), heading, outside - 1), first);
    }
}

GPtrArray *
ll_portfolio_check_requirements (LlPortfolio       *self,
                                 const LlProgramme *programme)
{
  GPtrArray *results = g_ptr_array_new_with_free_func ((GDestroyNotify) ll_requirement_free);

  g_return_val_if_fail (LL_IS_PORTFOLIO (self), results);
  g_return_val_if_fail (programme != NULL, results);

  for (guint i = 0; i < programme->rules->len; i++)
    {
      const LlPortfolioRule *rule = g_ptr_array_index (programme->rules, i);

      if (g_str_equal (rule->kind, LL_RULE_CLUSTER_REFLECTIONS)
          || g_str_equal (rule->kind, LL_RULE_LED_CLUSTER_REFLECTION))
        check_cluster_reflections (self, programme, rule, results);
      else if (g_str_equal (rule->kind, LL_RULE_STORY_PART_WORDS))
        check_story (self, rule, results);
      else if (g_str_equal (rule->kind, LL_RULE_OUTCOMES_PRESENTED))
        check_presented (self, rule, results);
      else if (g_str_equal (rule->kind, LL_RULE_ENTRIES_IN_YEAR))
        check_dates (self, programme, rule, results);
      /* a rule of a newer version is left to that version */
    }
  return results;
}

char *
ll_requirements_dup_summary (GPtrArray *requirements)
{
  guint met = 0;

  g_return_val_if_fail (requirements != NULL, NULL);

  for (guint i = 0; i < requirements->len; i++)
    if (((LlRequirement *) g_ptr_array_index (requirements, i))->met)
      met++;
  /* TRANSLATORS: "4 of 11 requirements met" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u requirement met", "%u of %u requirements met", requirements->len),
                          met, requirements->len);
}

gboolean
ll_requirements_all_met (GPtrArray *requirements)
{
  g_return_val_if_fail (requirements != NULL, FALSE);

  for (guint i = 0; i < requirements->len; i++)
    if (!((LlRequirement *) g_ptr_array_index (requirements, i))->met)
      return FALSE;
  return TRUE;
}
