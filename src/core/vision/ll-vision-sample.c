/* ll-vision-sample.c: the vision narratives of the sample workbook
 *
 * Names and places are invented. */
#define G_LOG_DOMAIN "ll-narrative"

#include "config.h"

#include "ll-store-narrative.h"
#include "ll-text.h"
#include "ll-vision-sample.h"

/* Sample text is written in the canonical form of the DocBook writer, as
 * the editor would store it. */
#define NS " xmlns=\"http://docbook.org/ns/docbook\""

static char *
escape (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '<')
        g_string_append (out, "&lt;");
      else if (*p == '>')
        g_string_append (out, "&gt;");
      else if (*p == '&')
        g_string_append (out, "&amp;");
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* The blocks of paras[start..end) at @indent; @ns is NS on the outermost
 * elements of a fragment and "" inside a section. */
static void
append_blocks (GString            *out,
               const char * const *paras,
               guint               start,
               guint               end,
               const char         *indent,
               const char         *ns)
{
  for (guint i = start; i < end; i++)
    {
      if (g_str_has_prefix (paras[i], "- ") || g_str_has_prefix (paras[i], "# "))
        {
          const char *marker = g_str_has_prefix (paras[i], "- ") ? "- " : "# ";
          const char *element = marker[0] == '-' ? "itemizedlist" : "orderedlist";

          g_string_append_printf (out, "%s<%s%s>\n", indent, element, ns);
          for (; i < end && g_str_has_prefix (paras[i], marker); i++)
            g_string_append_printf (out,
                                    "%s  <listitem>\n%s    <para>%s</para>\n%s  </listitem>\n",
                                    indent, indent, paras[i] + 2, indent);
          g_string_append_printf (out, "%s</%s>\n", indent, element);
          i--;
        }
      else if (g_str_has_prefix (paras[i], "> "))
        {
          g_auto(GStrv) lines = g_strsplit (paras[i] + 2, "\n— ", 2);
          g_autofree char *who = lines[1] ? escape (lines[1]) : NULL;

          g_string_append_printf (out, "%s<blockquote%s>\n", indent, ns);
          if (who != NULL)
            g_string_append_printf (out, "%s  <attribution>%s</attribution>\n", indent, who);
          g_string_append_printf (out, "%s  <para>%s</para>\n%s</blockquote>\n",
                                  indent, lines[0], indent);
        }
      else
        g_string_append_printf (out, "%s<para%s>%s</para>\n", indent, ns, paras[i]);
    }
}

/* Paragraphs; a paragraph starting with "- " continues a bulleted list and
 * one starting with "# " a numbered list; one starting with "> " is a
 * quotation whose last line "— name" is the attribution; "## Title" starts
 * a sub-heading that holds what follows it. Inline markup in the text is
 * already DocBook. */
static char *
fragment (const char * const *paras)
{
  GString *out = g_string_new (NULL);
  guint n = g_strv_length ((char **) paras);
  guint i = 0;

  while (i < n && !g_str_has_prefix (paras[i], "## "))
    i++;
  append_blocks (out, paras, 0, i, "", NS);
  while (i < n)
    {
      guint next = i + 1;

      while (next < n && !g_str_has_prefix (paras[next], "## "))
        next++;
      g_string_append_printf (out, "<section" NS ">\n  <title>%s</title>\n", paras[i] + 3);
      append_blocks (out, paras, i + 1, next, "  ", "");
      g_string_append (out, "</section>\n");
      i = next;
    }
  return g_string_free (out, FALSE);
}

/* Three states of the narrative: the first thoughts, the draft for
 * governors, and the text as it stands now. */
static const char * const vision_v1[] = {
  "We want every child at Ashcombe Vale to leave us as a confident, curious learner.",
  NULL,
};

static const char * const vision_v2[] = {
  "We want every child at Ashcombe Vale to leave us as a confident, curious learner who "
  "knows what to do when they do not know what to do.",
  "Too many of our pupils wait to be told. They are cheerful and compliant, but when a task gets "
  "hard they look to an adult rather than to themselves or each other.",
  NULL,
};

static const char * const vision_now[] = {
  "We want every child at Ashcombe Vale to leave us as a confident, curious learner who "
  "knows what to do when they do not know what to do.",
  "Too many of our pupils wait to be told. They are cheerful and compliant, but when a task gets "
  "hard they look to an adult rather than to themselves or each other. Learning is not a matter "
  "of luck, and ability is not fixed: we will teach our children that they can "
  "<emphasis>grow</emphasis> as learners, and show them how.",
  "> Leadership is about creating a sense of purpose and direction.\n— Sir Michael Bichard",
  "This is not about better test results next summer, though we expect them to follow. It is about "
  "a wider purpose for education: <emphasis role=\"strong\">resilience, resourcefulness, "
  "reflectiveness and reciprocity</emphasis> in every classroom.",
  "## What it will look like",
  "In three years’ time a visitor walking round Ashcombe Vale should see:",
  "- pupils who stay with a hard problem and try another way before they ask for help;",
  "- pupils who use one another, the working walls and the library as resources, not only the "
  "adult in the room;",
  "- pupils who can say what they have learned today, how they learned it and what they would do "
  "differently next time;",
  "- adults who talk about learning as much as about work, and who let pupils see them learning "
  "too.",
  "None of this needs new buildings or a new scheme. It needs all of us, teachers, teaching "
  "assistants, midday supervisors and office staff, to notice and name good learning every day.",
  NULL,
};

static const char * const dialogue_now[] = {
  "This is whole-school culture change that will take several years, and it will be a struggle "
  "for some of us. It is not another initiative. I will say so often, and show it:",
  "- I will visit classrooms every week, to learn rather than to judge.",
  "- Each staff meeting will start with ten minutes on what we have tried.",
  "- Pupils will talk with us about how they learn, through the school council and in lessons.",
  "## With staff",
  "The schools that have made this work kept it high profile and kept talking. The ones where it "
  "fizzled out treated it as a quick fix. So the senior team will keep close to what is happening: "
  "we will talk with teachers about how they are weaving the ideas into their lessons, and about "
  "the kinds of learning we are routinely asking pupils to do.",
  "## With pupils and families",
  "Every class will agree its own words for the learning muscles, and the school council will "
  "report each term on what pupils think is changing. Our newsletter will carry a short piece "
  "every fortnight on learning at home, written by pupils where we can.",
  NULL,
};

static const char * const enquiry_now[] = {
  "Our professional learning communities, one for each phase, will meet every half term to share "
  "experiments, successes, failures, doubts and ideas, and then go back to the classroom and have "
  "another go.",
  "Teachers will not simply learn how to do the approach: they will learn about it, question it, "
  "and adapt it to their own classes. Each enquiry follows the same short cycle:",
  "# Choose one learning behaviour and one question about it.",
  "# Try something in the classroom for three or four weeks.",
  "# Collect a little evidence: pupils’ words, work, a colleague’s notes.",
  "# Bring it back to the group, and decide what to keep, change or drop.",
  "Teaching assistants belong to these groups as fully as teachers do. Kerry Ainsworth and "
  "Femi Oduya will lead the first enquiry, on how pupils in Year 2 ask for help.",
  NULL,
};

static const char * const monitoring_now[] = {
  "Observation at Ashcombe Vale is a learning conversation. We will look at what pupils do, which "
  "learning behaviours we see, and agree next steps together with the teacher.",
  "Visits will be short and frequent, and never graded. Afterwards we talk within two days, and "
  "the conversation starts with the teacher’s own reflection. We will record:",
  "- what pupils were doing, and which learning muscles they were using;",
  "- the learning processes the teacher asked them to use;",
  "- questions for the follow-up conversation;",
  "- the next steps we agreed together.",
  "As trust grows I expect teachers to invite us in to see something they are trying, and to "
  "visit one another’s classrooms without us.",
  NULL,
};

static const char * const impact_now[] = {
  "We will keep a portfolio of indicators rather than a single measure: pupils’ own reflections, "
  "observation notes, work samples and attendance at clubs.",
  "Tracking matters for pupils as much as for us. It gives them feedback on which learning muscles "
  "to work on next, and it tells teachers that their efforts are making a difference. We will also "
  "watch our usual attainment measures, but we will not let them become the only story.",
  "> What gets measured gets managed, so we must be careful what we measure.\n— Margaret Lyle, "
  "chair of governors",
  "Each July the senior team will write a short account of what has changed, for governors and "
  "staff, and use it to set the next year’s priorities.",
  NULL,
};

static gboolean
add_narrative (LlStore  *store,
               guint     number,
               GError  **error)
{
  static const struct { const char *title; const char *prompts; } parts[] = {
    { "Our vision for learning", "vision" },
    { "Building dialogue", "dialogue" },
    { "A culture of enquiry", "enquiry" },
    { "Monitoring development in classrooms", "monitoring" },
    { "Tracking the impact on learning behaviours", "impact" },
  };
  const char * const *now[] = { vision_now, dialogue_now, enquiry_now, monitoring_now, impact_now };
  g_autofree char *title = number == 0
    ? g_strdup ("Building Better Learners at Ashcombe Vale")
    : g_strdup_printf ("Building Better Learners: draft %u", number + 1);
  gint64 ids[G_N_ELEMENTS (parts)];
  g_autofree char *v1 = fragment (vision_v1);
  g_autofree char *v2 = fragment (vision_v2);
  gint64 doc = ll_store_insert_narrative (store, title, "Helen Marsh", error);

  if (doc == 0)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      ids[i] = ll_store_insert_section (store, doc, i, parts[i].title, parts[i].prompts,
                                        i == 0 ? v1 : "", error);
      if (ids[i] == 0)
        return FALSE;
    }
  /* written over the weeks before the workbook was made */
  {
    g_autoptr(GDateTime) today = g_date_time_new_now_utc ();
    g_autoptr(GDateTime) first = g_date_time_add_days (today, -41);
    g_autoptr(GDateTime) second = g_date_time_add_days (today, -19);
    g_autofree char *first_iso = g_date_time_format (first, "%Y-%m-%dT16:05:00Z");
    g_autofree char *second_iso = g_date_time_format (second, "%Y-%m-%dT19:40:00Z");

    /* counted as the editor counts them: only the first section has
     * text yet */
    if (ll_store_insert_revision_dated (store, doc, "named", "First thoughts for the senior team",
                                        ll_text_count_fragment_words (v1), first_iso, error) == 0
        || !ll_store_update_section (store, doc, ids[0], NULL, v2, error)
        || ll_store_insert_revision_dated (store, doc, "named", "Draft for governors",
                                           ll_text_count_fragment_words (v2), second_iso, error) == 0)
      return FALSE;
  }
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *body = fragment (now[i]);

      if (!ll_store_update_section (store, doc, ids[i], NULL, body, error))
        return FALSE;
    }
  return ll_store_update_narrative (store, doc, "status", "shared", error);
}

/**
 * _ll_vision_sample_add:
 * Adds the sample narratives, one for every twenty of @scale, in one
 * transaction.
 */
gboolean
_ll_vision_sample_add (LlStore  *store,
                       guint     scale,
                       GError  **error)
{
  gboolean ok;

  if (!ll_store_begin (store, error))
    return FALSE;
  ok = TRUE;
  for (guint i = 0; ok && i < 1 + (scale - 1) / 20; i++)
    ok = add_narrative (store, i, error);
  if (!ok)
    {
      ll_store_rollback (store);
      return FALSE;
    }
  return ll_store_commit (store, error);
}
