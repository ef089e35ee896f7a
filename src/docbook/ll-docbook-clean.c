/* ll-docbook-clean.c: text as XML 1.0 and DocBook can hold it
 *
 * Titles, terms, metadata and addresses are cleaned here before they are
 * written, and again when they are read, as part of the canonical form
 * (ll-docbook-tree.c).
 */
#define G_LOG_DOMAIN "ll-docbook"

#include "config.h"

#include <string.h>

#include "ll-docbook-private.h"

static gboolean
is_xml_char (gunichar c)
{
  /* XML 1.0 Char, less DEL and the C1 controls, which XML allows but which
   * are never meant as text (they come from mis-decoded Windows text). */
  return c == 0x9 || c == 0xA || c == 0xD
         || (c >= 0x20 && c < 0x7F)
         || (c >= 0xA0 && c <= 0xD7FF)
         || (c >= 0xE000 && c <= 0xFFFD)
         || (c >= 0x10000 && c <= 0x10FFFF);
}

static inline gboolean
is_xml_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

char *
ll_docbook_clean_text (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");
  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_xml_char (c))
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (out, FALSE);
}

char *
ll_docbook_clean_line (const char *text)
{
  g_autofree char *clean = ll_docbook_clean_text (text);
  GString *out = g_string_sized_new (strlen (clean));
  gboolean space = TRUE;

  for (const char *p = clean; *p != '\0'; p++)
    {
      if (is_xml_space (*p))
        {
          if (!space)
            g_string_append_c (out, ' ');
          space = TRUE;
        }
      else
        {
          g_string_append_c (out, *p);
          space = FALSE;
        }
    }
  if (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

char *
ll_docbook_clean_href (const char *href)
{
  g_autofree char *clean = ll_docbook_clean_text (href);
  const char *start = clean;
  const char *end = clean + strlen (clean);
  const char *host_end = NULL;
  const char *scheme_end;
  GString *out;

  while (start < end && is_xml_space (*start))
    start++;
  while (end > start && is_xml_space (end[-1]))
    end--;

  /* Brackets are allowed only round an IPv6 address: http://[::1]/ */
  scheme_end = g_strstr_len (start, end - start, "://");
  if (scheme_end != NULL && scheme_end + 3 < end && scheme_end[3] == '[')
    host_end = memchr (scheme_end + 3, ']', end - (scheme_end + 3));

  out = g_string_sized_new (end - start);
  for (const char *p = start; p < end; p++)
    {
      guchar c = (guchar) *p;
      gboolean in_host = host_end != NULL && p >= scheme_end + 3 && p <= host_end;

      if (c == '%')
        {
          if (p + 2 < end && g_ascii_isxdigit (p[1]) && g_ascii_isxdigit (p[2]))
            g_string_append_c (out, '%');
          else
            g_string_append (out, "%25");
        }
      else if (c <= 0x20 || c == '"' || c == '<' || c == '>' || c == '`'
               || c == '{' || c == '}' || c == '|' || c == '\\' || c == '^'
               || ((c == '[' || c == ']') && !in_host))
        g_string_append_printf (out, "%%%02X", c);
      else
        g_string_append_c (out, (char) c);
    }
  return g_string_free (out, FALSE);
}
