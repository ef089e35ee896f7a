/* ll-observation-csv.c: every note of every observation, as a CSV file */
#define G_LOG_DOMAIN "ll-observation-csv"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ll-observation-csv.h"
#include "ll-store-observation.h"

#define BYTE_ORDER_MARK "\xef\xbb\xbf"

void
ll_csv_append_record (GString            *out,
                      const char * const *cells,
                      guint               n_cells)
{
  g_return_if_fail (out != NULL);

  for (guint i = 0; i < n_cells; i++)
    {
      const char *cell = cells[i] != NULL ? cells[i] : "";

      if (i > 0)
        g_string_append_c (out, ',');
      if (strpbrk (cell, ",\"\r\n") == NULL)
        {
          g_string_append (out, cell);
          continue;
        }
      g_string_append_c (out, '"');
      for (const char *p = cell; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  g_string_append (out, "\r\n");
}

char *
ll_csv_defuse (const char *text)
{
  if (text == NULL)
    return g_strdup ("");
  if (strchr ("=+-@\t\r", text[0]) != NULL && text[0] != '\0')
    return g_strconcat ("'", text, NULL);
  return g_strdup (text);
}

static void
framework_unref (gpointer framework)
{
  g_clear_object (&framework);
}

typedef struct
{
  LlStore    *store;
  GString    *out;
  GHashTable *frameworks;   /* id -> LlFramework, or NULL when missing */
} Build;

/* The behaviours of @keys by name, in their order, joined by "; ". */
static char *
behaviour_names (Build      *build,
                 gint64      framework_id,
                 const char *keys)
{
  g_auto(GStrv) words = g_strsplit (keys, " ", -1);
  g_autoptr(GString) names = g_string_new (NULL);
  LlFramework *framework = NULL;

  if (framework_id > 0)
    {
      gpointer key = g_memdup2 (&framework_id, sizeof framework_id);

      if (!g_hash_table_lookup_extended (build->frameworks, &framework_id, NULL, (gpointer *) &framework))
        {
          framework = ll_store_load_framework (build->store, framework_id, NULL);
          g_hash_table_insert (build->frameworks, g_steal_pointer (&key), framework);
        }
      g_free (key);
    }
  for (guint i = 0; words[i] != NULL; i++)
    {
      const LlBehaviour *behaviour;

      if (words[i][0] == '\0')
        continue;
      behaviour = framework != NULL ? ll_framework_find_behaviour (framework, words[i], NULL) : NULL;
      if (names->len > 0)
        g_string_append (names, "; ");
      g_string_append (names, behaviour != NULL ? behaviour->name : words[i]);
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static gboolean
add_note (const LlStoreNoteRow *row,
          gpointer              user_data,
          GError              **error)
{
  Build *build = user_data;
  g_autofree char *minute = g_strdup_printf ("%u", row->minute);
  g_autofree char *names = behaviour_names (build, row->framework_id, row->behaviours);
  const char *raw[] = {
    row->date, row->observer, row->teacher, row->class_group, row->year_group, row->subject, NULL, names, row->text,
  };
  char *cells[G_N_ELEMENTS (raw)];

  for (guint i = 0; i < G_N_ELEMENTS (raw); i++)
    cells[i] = raw[i] != NULL ? ll_csv_defuse (raw[i]) : g_strdup (minute);
  ll_csv_append_record (build->out, (const char * const *) cells, G_N_ELEMENTS (cells));
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    g_free (cells[i]);
  return TRUE;
}

GString *
ll_observation_csv_build (LlStore  *store,
                          GError  **error)
{
  g_autoptr(GString) out = g_string_new (BYTE_ORDER_MARK);
  g_autoptr(GHashTable) frameworks = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                            framework_unref);
  const char *header[] = {
    _("Date"), _("Observer"), _("Teacher"), _("Class"), _("Year group"), _("Subject"), _("Minute"),
    _("Behaviours"), _("Note"),
  };
  Build build = { store, out, frameworks };

  g_return_val_if_fail (LL_IS_STORE (store), NULL);

  ll_csv_append_record (out, header, G_N_ELEMENTS (header));
  if (!ll_store_foreach_note_row (store, add_note, &build, error))
    return NULL;
  return g_steal_pointer (&out);
}

gboolean
ll_observation_csv_write_file (LlStore     *store,
                               const char  *path,
                               GError     **error)
{
  g_autoptr(GString) csv = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  csv = ll_observation_csv_build (store, error);
  if (csv == NULL)
    return FALSE;
  if (!g_file_set_contents_full (path, csv->str, (gssize) csv->len, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                 &local_error))
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, G_FILE_ERROR, local_error->code, _("“%s” could not be written: %s."), name,
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}
