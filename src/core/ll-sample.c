/* ll-sample.c: the sample workbook, a fictional school made by code
 *
 * Every feature adds its own sample content here, so that a new user can
 * see how the pieces fit together, and so that the benchmarks can make a
 * workbook of any size. Names and places are invented.
 */
#define G_LOG_DOMAIN "ll-sample"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ll-role.h"
#include "ll-sample.h"
#include "ll-store.h"

static const struct {
  const char *name;
  LlRole      role;
} staff[] = {
  { "Helen Marsh", LL_ROLE_HEADTEACHER },
  { "Daniel Okafor", LL_ROLE_SENIOR_LEADER },
  { "Priya Shah", LL_ROLE_SENIOR_LEADER },
  { "Gareth Llewellyn", LL_ROLE_MIDDLE_LEADER },
  { "Siobhan Doyle", LL_ROLE_MIDDLE_LEADER },
  { "Aisha Rahman", LL_ROLE_MIDDLE_LEADER },
  { "Tom Whitfield", LL_ROLE_TEACHER },
  { "Zoë Hargreaves", LL_ROLE_TEACHER },
  { "Marek Nowak", LL_ROLE_TEACHER },
  { "Grace Adeyemi", LL_ROLE_TEACHER },
  { "Rhiannon Price", LL_ROLE_TEACHER },
  { "James Cartwright", LL_ROLE_TEACHER },
  { "Chloe Bennett", LL_ROLE_TEACHER },
  { "Imran Hussain", LL_ROLE_TEACHER },
  { "Sarah O'Connell", LL_ROLE_TEACHING_ASSISTANT },
  { "Kerry Ainsworth", LL_ROLE_TEACHING_ASSISTANT },
  { "Femi Oduya", LL_ROLE_TEACHING_ASSISTANT },
  { "Lucy Tran", LL_ROLE_LEARNING_SUPPORT_ASSISTANT },
  { "Bethan Morgan", LL_ROLE_LEARNING_SUPPORT_ASSISTANT },
  { "Ruth Ellison", LL_ROLE_FACILITATOR },
  { "Dr Anand Mehta", LL_ROLE_TUTOR },
};

/* For larger scales: more staff, named from these lists. */
static const char * const given_names[] = {
  "Amelia", "Oliver", "Isla", "Noah", "Ava", "Arthur", "Mia", "Leo", "Freya", "Oscar",
  "Niamh", "Callum", "Ffion", "Rhys", "Amara", "Kwame", "Mei", "Ravi", "Ewa", "Tomasz",
  "Sinéad", "Eilidh", "Hamza", "Layla", "Yusuf", "Chiara", "Mateo", "Ingrid", "Joël", "Anaïs",
};

static const char * const family_names[] = {
  "Smith", "Jones", "Williams", "Taylor", "Davies", "Evans", "Thomas", "Roberts", "Patel",
  "Khan", "Walker", "Wright", "Robinson", "Thompson", "Hughes", "Edwards", "Green", "Hall",
  "Wood", "Harris", "Clarke", "Jackson", "Ali", "Begum", "Kowalski", "Murphy", "Ó Briain",
  "MacLeod", "Nwosu", "Fitzgerald",
};

static const LlRole scaled_roles[] = {
  LL_ROLE_TEACHER, LL_ROLE_TEACHER, LL_ROLE_TEACHER, LL_ROLE_TEACHING_ASSISTANT,
  LL_ROLE_MIDDLE_LEADER, LL_ROLE_LEARNING_SUPPORT_ASSISTANT, LL_ROLE_TEACHER,
};

static gboolean
add_school (LlStore  *store,
            GError  **error)
{
  return ll_store_set_school_field (store, "name", "Ashcombe Vale Primary School", error)
    && ll_store_set_school_field (store, "urn", "149372", error)
    && ll_store_set_school_field (store, "phase", "Primary (ages 4 to 11)", error)
    && ll_store_set_school_field (store, "local_authority", "Northmoor Borough Council", error)
    && ll_store_set_school_field (store, "address",
                                  "Orchard Lane\nAshcombe\nNorthmoor\nNM4 7QT", error);
}

static gboolean
add_people (LlStore  *store,
            guint     scale,
            GError  **error)
{
  guint extra = (scale - 1) * G_N_ELEMENTS (staff);

  for (guint i = 0; i < G_N_ELEMENTS (staff); i++)
    if (ll_store_insert_person (store, staff[i].name, ll_role_to_id (staff[i].role), error) == 0)
      return FALSE;

  /* Deterministic, so that benchmark workbooks are the same on every run. */
  for (guint i = 0; i < extra; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s %s",
                                               given_names[i % G_N_ELEMENTS (given_names)],
                                               family_names[(i / G_N_ELEMENTS (given_names) + i * 7)
                                                            % G_N_ELEMENTS (family_names)]);
      LlRole role = scaled_roles[i % G_N_ELEMENTS (scaled_roles)];

      if (ll_store_insert_person (store, name, ll_role_to_id (role), error) == 0)
        return FALSE;
    }
  return TRUE;
}

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

/* Paragraphs; a paragraph starting with "- " continues a bulleted list,
 * one starting with "> " is a quotation whose last line "— name" is the
 * attribution. Inline markup in the text is already DocBook. */
static char *
fragment (const char * const *paras)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; paras[i] != NULL; i++)
    {
      if (g_str_has_prefix (paras[i], "- "))
        {
          g_string_append (out, "<itemizedlist" NS ">\n");
          for (; paras[i] != NULL && g_str_has_prefix (paras[i], "- "); i++)
            g_string_append_printf (out, "  <listitem>\n    <para>%s</para>\n  </listitem>\n",
                                    paras[i] + 2);
          g_string_append (out, "</itemizedlist>\n");
          i--;
        }
      else if (g_str_has_prefix (paras[i], "> "))
        {
          g_auto(GStrv) lines = g_strsplit (paras[i] + 2, "\n— ", 2);
          g_autofree char *who = lines[1] ? escape (lines[1]) : NULL;

          g_string_append (out, "<blockquote" NS ">\n");
          if (who != NULL)
            g_string_append_printf (out, "  <attribution>%s</attribution>\n", who);
          g_string_append_printf (out, "  <para>%s</para>\n</blockquote>\n", lines[0]);
        }
      else
        g_string_append_printf (out, "<para" NS ">%s</para>\n", paras[i]);
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
  NULL,
};

static const char * const dialogue_now[] = {
  "This is whole-school culture change that will take several years, and it will be a struggle "
  "for some of us. It is not another initiative. I will say so often, and show it:",
  "- I will visit classrooms every week, to learn rather than to judge.",
  "- Each staff meeting will start with ten minutes on what we have tried.",
  "- Pupils will talk with us about how they learn, through the school council and in lessons.",
  NULL,
};

static const char * const enquiry_now[] = {
  "Our professional learning communities, one for each phase, will meet every half term to share "
  "experiments, successes, failures, doubts and ideas, and then go back to the classroom and have "
  "another go.",
  NULL,
};

static const char * const monitoring_now[] = {
  "Observation at Ashcombe Vale is a learning conversation. We will look at what pupils do, which "
  "learning behaviours we see, and agree next steps together with the teacher.",
  NULL,
};

static const char * const impact_now[] = {
  "We will keep a portfolio of indicators rather than a single measure: pupils’ own reflections, "
  "observation notes, work samples and attendance at clubs.",
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

    if (ll_store_insert_revision_dated (store, doc, "named", "First thoughts for the senior team", 30,
                                        first_iso, error) == 0
        || !ll_store_update_section (store, doc, ids[0], NULL, v2, error)
        || ll_store_insert_revision_dated (store, doc, "named", "Draft for governors", 70,
                                           second_iso, error) == 0)
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
 * ll_sample_generate:
 * Writes the sample workbook in one transaction, so that a failure leaves
 * no half-made file behind.
 */
gboolean
ll_sample_generate (const char  *path,
                    guint        scale,
                    GError     **error)
{
  g_autoptr(LlStore) store = NULL;
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);

  if (scale < 1)
    scale = 1;
  store = ll_store_create (path, error);
  if (store == NULL)
    return FALSE;
  if (!ll_store_begin (store, error))
    goto fail;
  ok = add_school (store, error) && add_people (store, scale, error);
  for (guint i = 0; ok && i < 1 + (scale - 1) / 20; i++)
    ok = add_narrative (store, i, error);
  if (!ok)
    {
      ll_store_rollback (store);
      goto fail;
    }
  if (!ll_store_commit (store, error))
    goto fail;
  ll_store_close (store);
  return TRUE;

fail:
  ll_store_close (store);
  g_unlink (path);
  return FALSE;
}
