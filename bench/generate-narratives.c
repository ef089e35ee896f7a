/* generate-narratives.c: a workbook of many long vision narratives with many
 * revisions, for the benchmarks that check that opening a workbook does not
 * grow with the text it holds.
 *
 *   generate-narratives FILE NARRATIVES WORDS REVISIONS
 *
 * Each narrative has five sections sharing WORDS words, in paragraphs of
 * about sixty, and REVISIONS named revisions, each saved after a change to
 * one section. The words are made up but deterministic, so two runs make
 * the same workbook. */
#define G_LOG_DOMAIN "generate-narratives"

#include "config.h"

#include <stdlib.h>

#include "ll-narrative.h"
#include "ll-narrative-section.h"
#include "ll-workbook.h"

#define N_SECTIONS 5

static const char * const words[] = {
  "learning", "pupils", "curiosity", "feedback", "questions", "reflect", "together",
  "classroom", "resilience", "reading", "enquiry", "challenge", "practice", "leaders",
  "culture", "thinking", "responsibility", "children", "growth", "dialogue", "evidence",
  "talk", "independence", "mistakes", "school", "every", "week", "visit", "notice", "share",
};

static void
append_paragraphs (GString *out,
                   GRand   *rand,
                   guint    n_words)
{
  while (n_words > 0)
    {
      guint in_para = MIN (n_words, 60);

      g_string_append (out, "<para>");
      for (guint i = 0; i < in_para; i++)
        {
          const char *word = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];

          if (i > 0)
            g_string_append_c (out, ' ');
          if (i == 0)
            {
              g_string_append_c (out, g_ascii_toupper (word[0]));
              g_string_append (out, word + 1);
            }
          else
            g_string_append (out, word);
        }
      g_string_append (out, ".</para>");
      n_words -= in_para;
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlWorkbook) workbook = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261128);
  guint64 n_narratives, n_words, n_revisions;

  if (argc != 5
      || !g_ascii_string_to_unsigned (argv[2], 10, 1, 100000, &n_narratives, NULL)
      || !g_ascii_string_to_unsigned (argv[3], 10, 1, 10000000, &n_words, NULL)
      || !g_ascii_string_to_unsigned (argv[4], 10, 0, 10000, &n_revisions, NULL))
    {
      g_printerr ("usage: %s FILE NARRATIVES WORDS REVISIONS\n", argv[0]);
      return 2;
    }

  workbook = ll_workbook_create (argv[1], &error);
  if (workbook == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  for (guint n = 0; n < n_narratives; n++)
    {
      const char *titles[N_SECTIONS] = {
        "Why learning matters", "What we believe", "What we will see",
        "How we will get there", "How we will know",
      };
      char *bodies[N_SECTIONS];
      g_autofree char *title = g_strdup_printf ("Vision for learning %u", n + 1);
      LlNarrative *narrative;

      for (guint s = 0; s < N_SECTIONS; s++)
        {
          GString *body = g_string_new (NULL);

          append_paragraphs (body, rand, (guint) (n_words / N_SECTIONS));
          bodies[s] = g_string_free (body, FALSE);
        }
      narrative = ll_workbook_add_narrative_from_sections (workbook, title, "Helen Marsh",
                                                           titles, (const char * const *) bodies,
                                                           N_SECTIONS, &error);
      for (guint s = 0; s < N_SECTIONS; s++)
        g_free (bodies[s]);
      if (narrative == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }

      for (guint r = 0; r < n_revisions; r++)
        {
          GListModel *sections = ll_narrative_get_sections (narrative);
          g_autoptr(LlNarrativeSection) section =
            g_list_model_get_item (sections, r % g_list_model_get_n_items (sections));
          g_autoptr(GString) body = g_string_new (ll_narrative_section_get_body (section));
          g_autofree char *name = g_strdup_printf ("Draft %u", r + 1);

          append_paragraphs (body, rand, 20);
          ll_narrative_section_set_body (section, body->str);
          if (ll_narrative_save_revision (narrative, name, &error) == NULL)
            {
              g_printerr ("%s\n", error->message);
              return 1;
            }
        }
    }
  ll_workbook_close (workbook);
  return 0;
}
