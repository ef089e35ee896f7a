/* ll-text.c: plain text, words and word-level differences */
#define G_LOG_DOMAIN "ll-text"

#include "config.h"

#include <string.h>

#include "ll-text.h"

/* Elements after which a line ends. */
static const char * const block_tags[] = {
  "para", "title", "listitem", "attribution", "section", "blockquote",
  "itemizedlist", "orderedlist", "term", "entry", "row", "simpara",
};

static gboolean
is_block_tag (const char *name,
              gsize       len)
{
  for (guint i = 0; i < G_N_ELEMENTS (block_tags); i++)
    if (strlen (block_tags[i]) == len && strncmp (name, block_tags[i], len) == 0)
      return TRUE;
  return FALSE;
}

static void
append_entity (GString    *out,
               const char *entity,
               gsize       len)
{
  static const struct { const char *name; const char *text; } named[] = {
    { "lt", "<" }, { "gt", ">" }, { "amp", "&" }, { "quot", "\"" }, { "apos", "'" },
  };

  if (len > 1 && entity[0] == '#')
    {
      gboolean hex = entity[1] == 'x' || entity[1] == 'X';
      g_autofree char *digits = g_strndup (entity + (hex ? 2 : 1), len - (hex ? 2 : 1));
      guint64 code = g_ascii_strtoull (digits, NULL, hex ? 16 : 10);

      if (code > 0 && code <= 0x10FFFF && g_unichar_validate ((gunichar) code))
        g_string_append_unichar (out, (gunichar) code);
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    if (strlen (named[i].name) == len && strncmp (entity, named[i].name, len) == 0)
      {
        g_string_append (out, named[i].text);
        return;
      }
}

/**
 * ll_text_from_fragment:
 * Returns the text of a DocBook block fragment, one line per block, with
 * runs of white space inside a block folded to one space.
 */
char *
ll_text_from_fragment (const char *fragment)
{
  return ll_text_from_fragment_with_kinds (fragment, NULL);
}

#define MAX_LISTS 16

typedef struct
{
  int   in_title;
  int   in_quote;
  guint n_lists;
  char  lists[MAX_LISTS];   /* 'b' bulleted, 'n' numbered: the open lists */
} BlockState;

static void
update_state (BlockState *state,
              const char *name,
              gsize       len,
              gboolean    closing)
{
#define IS(tag) (len == strlen (tag) && strncmp (name, tag, len) == 0)
  if (IS ("title"))
    state->in_title += closing ? -1 : 1;
  else if (IS ("blockquote"))
    state->in_quote += closing ? -1 : 1;
  else if (IS ("itemizedlist") || IS ("orderedlist"))
    {
      if (closing && state->n_lists > 0)
        state->n_lists--;
      else if (!closing && state->n_lists < MAX_LISTS)
        state->lists[state->n_lists++] = IS ("itemizedlist") ? 'b' : 'n';
    }
#undef IS
}

/* Notes the kind of the line that starts here, if one does. */
static void
note_line (GArray           *kinds,
           const GString    *text,
           const BlockState *state)
{
  LlTextKind kind = LL_TEXT_PARA;

  if (kinds == NULL || (text->len > 0 && text->str[text->len - 1] != '\n'))
    return;
  if (state->in_title > 0)
    kind = LL_TEXT_SUBHEADING;
  else if (state->n_lists > 0)
    kind = state->lists[state->n_lists - 1] == 'b' ? LL_TEXT_BULLET : LL_TEXT_NUMBER;
  else if (state->in_quote > 0)
    kind = LL_TEXT_QUOTE;
  g_array_append_val (kinds, kind);
}

/**
 * ll_text_from_fragment_with_kinds:
 * As ll_text_from_fragment(), and appends to @kinds (of LlTextKind, may be
 * NULL) the kind of block of each line of the text.
 */
char *
ll_text_from_fragment_with_kinds (const char *fragment,
                                  GArray     *kinds)
{
  GString *text = g_string_new (NULL);
  GString *out = text;
  /* An attribution comes first in DocBook but is read after the quotation:
   * collect it apart and put it back at the end of the quotation. */
  g_autoptr(GString) attribution = g_string_new (NULL);
  const char *p = fragment ? fragment : "";
  BlockState state = { 0, };
  guint first_kind = kinds != NULL ? kinds->len : 0;

  while (*p != '\0')
    {
      if (*p == '<')
        {
          const char *end = strchr (p, '>');
          const char *name = p + 1;
          gboolean closing = FALSE;
          gsize len = 0;

          if (end == NULL)
            break;
          if (*name == '/')
            {
              name++;
              closing = TRUE;
            }
          while (name + len < end && (g_ascii_isalnum (name[len]) || name[len] == ':'))
            len++;
          if (len == strlen ("attribution") && strncmp (name, "attribution", len) == 0)
            {
              out = closing ? text : attribution;
              if (!closing)
                g_string_truncate (attribution, 0);
              p = end + 1;
              continue;
            }
          if (closing && len == strlen ("blockquote") && strncmp (name, "blockquote", len) == 0
              && attribution->len > 0)
            {
              while (text->len > 0 && (text->str[text->len - 1] == ' ' || text->str[text->len - 1] == '\n'))
                g_string_truncate (text, text->len - 1);
              g_string_append_c (text, '\n');
              if (kinds != NULL)
                {
                  LlTextKind kind = LL_TEXT_ATTRIBUTION;

                  g_array_append_val (kinds, kind);
                }
              g_string_append (text, "— ");
              g_string_append (text, g_strstrip (attribution->str));
              g_string_truncate (attribution, 0);
            }
          if (end[-1] != '/')
            update_state (&state, name, len, closing);
          if (is_block_tag (name, len) && out->len > 0 && out->str[out->len - 1] != '\n')
            {
              while (out->len > 0 && out->str[out->len - 1] == ' ')
                g_string_truncate (out, out->len - 1);
              g_string_append_c (out, '\n');
            }
          p = end + 1;
        }
      else if (*p == '&')
        {
          const char *end = strchr (p, ';');

          if (out == text)
            note_line (kinds, text, &state);
          if (end == NULL || end - p > 12)
            {
              g_string_append_c (out, '&');
              p++;
              continue;
            }
          append_entity (out, p + 1, end - p - 1);
          p = end + 1;
        }
      else if (g_ascii_isspace (*p))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ' && out->str[out->len - 1] != '\n')
            g_string_append_c (out, ' ');
          p++;
        }
      else
        {
          if (out == text)
            note_line (kinds, text, &state);
          g_string_append_c (out, *p++);
        }
    }
  while (text->len > 0 && (text->str[text->len - 1] == ' ' || text->str[text->len - 1] == '\n'))
    g_string_truncate (text, text->len - 1);
  if (kinds != NULL)
    {
      /* one kind a line, whatever the fragment held */
      guint lines = text->len > 0 ? 1 : 0;
      LlTextKind para = LL_TEXT_PARA;

      for (gsize i = 0; i < text->len; i++)
        if (text->str[i] == '\n')
          lines++;
      while (kinds->len - first_kind < lines)
        g_array_append_val (kinds, para);
      g_array_set_size (kinds, first_kind + lines);
    }
  return g_string_free (text, FALSE);
}

/**
 * ll_text_count_words:
 * The words of @text: runs of characters between spaces that hold a
 * letter or a digit (a dash or an ampersand on its own is not a word).
 * Every count that the user sees is made by this rule.
 */
guint
ll_text_count_words (const char *text)
{
  guint words = 0;
  gboolean counted = FALSE;

  for (const char *p = text ? text : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        counted = FALSE;
      else if (!counted && g_unichar_isalnum (c))
        {
          words++;
          counted = TRUE;
        }
    }
  return words;
}

/**
 * ll_text_count_fragment_words:
 * The words that the user wrote in a section's stored DocBook fragment.
 */
guint
ll_text_count_fragment_words (const char *fragment)
{
  g_autofree char *text = ll_text_from_fragment (fragment);

  return ll_text_count_words (text);
}

guint
ll_text_reading_minutes (guint words)
{
  if (words == 0)
    return 0;
  return MAX (1, (words + 115) / 230);
}

void
ll_diff_chunk_free (LlDiffChunk *chunk)
{
  if (chunk == NULL)
    return;
  g_free (chunk->text);
  g_free (chunk);
}

/* Splits @text into tokens, each a word with the white space after it. */
static GPtrArray *
tokenise (const char *text)
{
  GPtrArray *tokens = g_ptr_array_new_with_free_func (g_free);
  const char *p = text ? text : "";
  const char *start = p;

  while (*p != '\0')
    {
      while (*p != '\0' && !g_ascii_isspace (*p))
        p++;
      while (*p != '\0' && g_ascii_isspace (*p))
        p++;
      g_ptr_array_add (tokens, g_strndup (start, p - start));
      start = p;
    }
  return tokens;
}

/**
 * ll_text_token_lines:
 * For each word of @text, as ll_text_diff_words() splits it, the number
 * of the line (from 0) on which it starts: an array of guint.
 */
GArray *
ll_text_token_lines (const char *text)
{
  g_autoptr(GPtrArray) tokens = tokenise (text);
  GArray *lines = g_array_sized_new (FALSE, FALSE, sizeof (guint), tokens->len);
  guint line = 0;

  for (guint i = 0; i < tokens->len; i++)
    {
      g_array_append_val (lines, line);
      for (const char *p = tokens->pdata[i]; *p != '\0'; p++)
        if (*p == '\n')
          line++;
    }
  return lines;
}

/* Tokens compare by their word, not by the space that follows. */
static gboolean
token_equal (const char *a,
             const char *b)
{
  gsize la = strlen (a), lb = strlen (b);

  while (la > 0 && g_ascii_isspace (a[la - 1]))
    la--;
  while (lb > 0 && g_ascii_isspace (b[lb - 1]))
    lb--;
  return la == lb && memcmp (a, b, la) == 0;
}

static void
emit (GPtrArray  *chunks,
      LlDiffOp    op,
      const char *text)
{
  LlDiffChunk *last = chunks->len > 0 ? g_ptr_array_index (chunks, chunks->len - 1) : NULL;

  if (last != NULL && last->op == op)
    {
      char *joined = g_strconcat (last->text, text, NULL);

      g_free (last->text);
      last->text = joined;
      return;
    }
  last = g_new0 (LlDiffChunk, 1);
  last->op = op;
  last->text = g_strdup (text);
  g_ptr_array_add (chunks, last);
}

/* Above this many cells in the middle part, compare whole lines first. */
#define MAX_CELLS (4u * 1024u * 1024u)

static void diff_range (GPtrArray *chunks, char **a, guint na, char **b, guint nb);

/* The longest common subsequence by dynamic programming, on ranges small
 * enough to afford it: the @na tokens of @a from @from_a, the @nb of @b
 * from @from_b. (Not a + from_a: an empty GPtrArray has no pdata, and
 * adding even 0 to a null pointer is undefined.) */
static void
diff_lcs (GPtrArray  *chunks,
          char      **a,
          guint       from_a,
          guint       na,
          char      **b,
          guint       from_b,
          guint       nb)
{
  guint32 *table = g_new0 (guint32, (gsize) (na + 1) * (nb + 1));
  guint i = 0, j = 0;

#define T(x, y) table[(gsize) (x) * (nb + 1) + (y)]
  for (guint x = na; x-- > 0;)
    for (guint y = nb; y-- > 0;)
      T (x, y) = token_equal (a[from_a + x], b[from_b + y]) ? T (x + 1, y + 1) + 1 : MAX (T (x + 1, y), T (x, y + 1));

  while (i < na && j < nb)
    {
      if (token_equal (a[from_a + i], b[from_b + j]))
        {
          emit (chunks, LL_DIFF_EQUAL, b[from_b + j]);
          i++, j++;
        }
      else if (T (i + 1, j) >= T (i, j + 1))
        emit (chunks, LL_DIFF_DELETE, a[from_a + i++]);
      else
        emit (chunks, LL_DIFF_INSERT, b[from_b + j++]);
    }
#undef T
  while (i < na)
    emit (chunks, LL_DIFF_DELETE, a[from_a + i++]);
  while (j < nb)
    emit (chunks, LL_DIFF_INSERT, b[from_b + j++]);
  g_free (table);
}

static void
diff_range (GPtrArray  *chunks,
            char      **a,
            guint       na,
            char      **b,
            guint       nb)
{
  guint prefix = 0, suffix = 0;

  while (prefix < na && prefix < nb && token_equal (a[prefix], b[prefix]))
    emit (chunks, LL_DIFF_EQUAL, b[prefix++]);
  while (suffix < na - prefix && suffix < nb - prefix
         && token_equal (a[na - 1 - suffix], b[nb - 1 - suffix]))
    suffix++;

  if ((guint64) (na - prefix - suffix) * (nb - prefix - suffix) <= MAX_CELLS)
    diff_lcs (chunks, a, prefix, na - prefix - suffix, b, prefix, nb - prefix - suffix);
  else
    {
      /* Too large to compare word by word: show the old middle as deleted
       * and the new as inserted. Texts this different rarely benefit. */
      for (guint i = prefix; i < na - suffix; i++)
        emit (chunks, LL_DIFF_DELETE, a[i]);
      for (guint j = prefix; j < nb - suffix; j++)
        emit (chunks, LL_DIFF_INSERT, b[j]);
    }
  for (guint k = nb - suffix; k < nb; k++)
    emit (chunks, LL_DIFF_EQUAL, b[k]);
}

/**
 * ll_text_diff_words:
 * Returns the differences between two texts as a list of #LlDiffChunk.
 */
GPtrArray *
ll_text_diff_words (const char *old_text,
                    const char *new_text)
{
  g_autoptr(GPtrArray) a = tokenise (old_text);
  g_autoptr(GPtrArray) b = tokenise (new_text);
  GPtrArray *chunks = g_ptr_array_new_with_free_func ((GDestroyNotify) ll_diff_chunk_free);

  diff_range (chunks, (char **) a->pdata, a->len, (char **) b->pdata, b->len);
  return chunks;
}
