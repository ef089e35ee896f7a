/* ll-store-observation-search.c: searching every word of the observations
 * as it is typed, through the FTS5 indexes that migration 4 keeps in step */
#define G_LOG_DOMAIN "ll-store"

#include "config.h"

#include <string.h>

#include "ll-store-observation-private.h"
#include "ll-store-private.h"

/* Search ------------------------------------------------------------------ */

/* A word as the index compares it: case and accents set aside. */
static char *
fold_word (const char *word,
           gssize      length)
{
  g_autofree char *folded = g_utf8_casefold (word, length);

  return g_str_to_ascii (folded, "C");
}

/* The words of @typed, folded; *@prefix says whether the last one is
 * still being typed. A one-letter word being typed is left out: it would
 * match half the year. */
static GStrv
typed_words (const char *typed,
             gboolean   *prefix)
{
  g_autoptr(GStrvBuilder) words = g_strv_builder_new ();
  g_auto(GStrv) result = NULL;
  const char *p = typed;
  const char *last_start = NULL;
  guint n = 0;

  *prefix = FALSE;
  if (typed == NULL)
    return g_strv_builder_end (words);
  /* words are runs of letters and digits; everything else, FTS5's
   * operators and quotes among it, only separates them */
  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;
      start = p;
      while (*p != '\0' && g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      {
        g_autofree char *word = g_strndup (start, p - start);

        g_strv_builder_add (words, word);
      }
      last_start = start;
      n++;
    }
  result = g_strv_builder_end (words);
  if (n > 0 && *g_utf8_prev_char (typed + strlen (typed)) != '\0'
      && g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (typed + strlen (typed)))))
    {
      *prefix = TRUE;
      if (g_utf8_strlen (last_start, -1) < 2)
        {
          g_free (result[n - 1]);
          result[n - 1] = NULL;
          *prefix = FALSE;
        }
    }
  return g_steal_pointer (&result);
}

char *
ll_store_search_query (const char *typed)
{
  g_autoptr(GString) query = g_string_new (NULL);
  gboolean prefix;
  g_auto(GStrv) words = typed_words (typed, &prefix);

  if (words[0] == NULL)
    return NULL;
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (query, ' ');
      g_string_append_printf (query, "\"%s\"", words[i]);
    }
  /* the word being typed matches the words it begins */
  if (prefix)
    g_string_append_c (query, '*');
  return g_string_free (g_steal_pointer (&query), FALSE);
}

static gboolean
word_matches (const char         *word,
              gssize              length,
              const char * const *folded,
              gboolean            prefix)
{
  g_autofree char *candidate = fold_word (word, length);
  guint n = g_strv_length ((char **) folded);

  for (guint i = 0; i < n; i++)
    {
      if (prefix && i == n - 1 ? g_str_has_prefix (candidate, folded[i]) : g_str_equal (candidate, folded[i]))
        return TRUE;
    }
  return FALSE;
}

/* Some dozen words of @text around the first that matches, the matching
 * ones between \x02 and \x03, with an ellipsis where text is left out. */
static char *
make_snippet (const char         *text,
              const char * const *folded,
              gboolean            prefix)
{
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (const char *));
  g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (const char *));
  g_autoptr(GString) out = g_string_new (NULL);
  const char *p = text;
  guint first = G_MAXUINT, from, to;

  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;
      start = p;
      while (*p != '\0' && g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      g_array_append_val (starts, start);
      g_array_append_val (ends, p);
      if (first == G_MAXUINT && word_matches (start, p - start, folded, prefix))
        first = starts->len - 1;
    }
  if (starts->len == 0)
    return g_strdup ("");
  if (first == G_MAXUINT)
    first = 0;
  from = first > 4 ? first - 4 : 0;
  to = MIN (from + 12, starts->len);
  if (from > 0)
    g_string_append (out, "…");
  for (guint i = from; i < to; i++)
    {
      const char *start = g_array_index (starts, const char *, i);
      const char *end = g_array_index (ends, const char *, i);
      /* the words with what stands between them */
      const char *next = i + 1 < to ? g_array_index (starts, const char *, i + 1) : end;
      gboolean match = word_matches (start, end - start, folded, prefix);

      if (match)
        g_string_append_c (out, '\002');
      g_string_append_len (out, start, end - start);
      if (match)
        g_string_append_c (out, '\003');
      /* runs of white space, as markup leaves them, become one space */
      for (const char *q = end; q < next; q++)
        if (!g_ascii_isspace (*q))
          g_string_append_c (out, *q);
        else if (out->len == 0 || out->str[out->len - 1] != ' ')
          g_string_append_c (out, ' ');
    }
  if (to < starts->len)
    g_string_append (out, "…");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The words of stored text, whether plain or DocBook blocks: tags become
 * spaces and the five entities their characters. */
static char *
strip_markup (const char *text)
{
  static const struct { const char *entity; char c; } entities[] = {
    { "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&quot;", '"' }, { "&apos;", '\'' },
  };
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '<')
        {
          const char *end = strchr (p, '>');

          if (end == NULL)
            break;
          g_string_append_c (out, ' ');
          p = end;
          continue;
        }
      if (*p == '&')
        {
          gboolean known = FALSE;

          for (guint i = 0; i < G_N_ELEMENTS (entities) && !known; i++)
            if (g_str_has_prefix (p, entities[i].entity))
              {
                g_string_append_c (out, entities[i].c);
                p += strlen (entities[i].entity) - 1;
                known = TRUE;
              }
          if (known)
            continue;
        }
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* The candidates of each index are its newest matches, at most this
 * many: ranking is exact when fewer match, and otherwise among the
 * newest, which keeps each key typed quick however common the word. */
#define SEARCH_POOL 100

GPtrArray *
ll_store_search_observations (LlStore     *self,
                              const char  *typed,
                              guint        limit,
                              GError     **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) ll_store_search_hit_free);
  g_autofree char *query = NULL;
  g_auto(GStrv) words = NULL;
  g_auto(GStrv) folded = NULL;
  gboolean prefix;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LL_IS_STORE (self), NULL);

  query = ll_store_search_query (typed);
  if (query == NULL)
    return g_steal_pointer (&hits);
  words = typed_words (typed, &prefix);
  folded = g_new0 (char *, g_strv_length (words) + 1);
  for (guint i = 0; words[i] != NULL; i++)
    folded[i] = fold_word (words[i], -1);

  /* a bare column beside min() comes from the row with the minimum */
  stmt = _ll_store_prepare (self,
                            "WITH n AS (SELECT rowid AS id, rank AS r FROM observation_note_search"
                            "    WHERE observation_note_search MATCH ?1 ORDER BY rowid DESC LIMIT ?3),"
                            "  f AS (SELECT rowid AS id, rank AS r FROM observation_search"
                            "    WHERE observation_search MATCH ?1 ORDER BY rowid DESC LIMIT ?3),"
                            "  hits AS (SELECT o.document_id AS doc, n.r AS r, o.text AS text"
                            "    FROM n JOIN observation_note o ON o.id = n.id"
                            "    UNION ALL SELECT f.id, f.r, b.class_group || ' ' || b.year_group || ' ' ||"
                            "      b.subject || ' ' || b.context || ' ' || b.strengths || ' ' || b.questions ||"
                            "      ' ' || b.next_steps || ' ' || b.reflection"
                            "    FROM f JOIN observation b ON b.document_id = f.id)"
                            "SELECT doc, min (r), text FROM hits GROUP BY doc ORDER BY min (r), doc LIMIT ?2",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (sqlite3_int64) limit : -1);
  sqlite3_bind_int (stmt, 3, SEARCH_POOL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LlStoreSearchHit *hit = g_new0 (LlStoreSearchHit, 1);
      g_autofree char *text = _ll_store_column_string (stmt, 2);
      g_autofree char *plain = strip_markup (text);

      hit->id = sqlite3_column_int64 (stmt, 0);
      hit->rank = sqlite3_column_double (stmt, 1);
      hit->snippet = make_snippet (plain, (const char * const *) folded, prefix);
      g_ptr_array_add (hits, hit);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _ll_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&hits);
}
