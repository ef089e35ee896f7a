/* ll-school-sample.c: the school and its people in the sample workbook
 *
 * Names and places are invented. */
#define G_LOG_DOMAIN "ll-school"

#include "config.h"

#include "ll-role.h"
#include "ll-school-sample.h"

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
    {
      gint64 id = ll_store_insert_person (store, staff[i].name, ll_role_to_id (staff[i].role), error);

      if (id == 0)
        return FALSE;
    }

  /* Deterministic, so that benchmark workbooks are the same on every run. */
  for (guint i = 0; i < extra; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s %s",
                                               given_names[i % G_N_ELEMENTS (given_names)],
                                               family_names[(i / G_N_ELEMENTS (given_names) + i * 7)
                                                            % G_N_ELEMENTS (family_names)]);
      LlRole role = scaled_roles[i % G_N_ELEMENTS (scaled_roles)];
      gint64 id = ll_store_insert_person (store, name, ll_role_to_id (role), error);

      if (id == 0)
        return FALSE;
    }
  return TRUE;
}

/**
 * _ll_school_sample_add:
 * Adds the sample school's profile and its staff, in one transaction.
 */
gboolean
_ll_school_sample_add (LlStore  *store,
                       guint     scale,
                       GError  **error)
{
  if (!ll_store_begin (store, error))
    return FALSE;
  if (!add_school (store, error) || !add_people (store, scale, error))
    {
      ll_store_rollback (store);
      return FALSE;
    }
  return ll_store_commit (store, error);
}
