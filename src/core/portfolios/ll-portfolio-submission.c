/* ll-portfolio-submission.c: reading back what a submitted copy holds */
#define G_LOG_DOMAIN "ll-portfolio"

#include "config.h"

#include "ll-portfolio.h"

/* The entries of a submitted copy: the first array of string
 * dictionaries in its tuple, wherever later versions put other parts. */
static GVariant *
submitted_entries (GVariant *copy)
{
  for (gsize i = 0; i < g_variant_n_children (copy); i++)
    {
      GVariant *child = g_variant_get_child_value (copy, i);

      if (g_variant_is_of_type (child, G_VARIANT_TYPE ("aa{ss}")))
        return child;
      g_variant_unref (child);
    }
  return NULL;
}

/**
 * ll_portfolio_submission_dup_entry_text:
 * The text @key ("body", "date", "title", ...) of the entry @entry_id as
 * it was submitted in @submission, or NULL when the copy does not hold
 * that entry (it was left out, or written later) or cannot be read.
 */
char *
ll_portfolio_submission_dup_entry_text (const LlPortfolioSubmission *submission,
                                        gint64                       entry_id,
                                        const char                  *key)
{
  g_autoptr(GVariant) copy = NULL;
  g_autoptr(GVariant) entries = NULL;
  g_autofree char *wanted = NULL;
  GVariantIter iter;
  GVariant *entry;

  g_return_val_if_fail (submission != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  /* the text leaves the types of empty arrays out: read it as each
   * version wrote it, the newest first */
  {
    static const char * const versions[] = { "(xsssxsssaa{ss}aa{ss})", "(xsssxsssaa{ss})" };

    for (guint i = 0; copy == NULL && submission->content != NULL && i < G_N_ELEMENTS (versions); i++)
      copy = g_variant_parse (G_VARIANT_TYPE (versions[i]), submission->content, NULL, NULL, NULL);
  }
  if (copy == NULL)
    return NULL;
  entries = submitted_entries (copy);
  if (entries == NULL)
    return NULL;
  wanted = g_strdup_printf ("%" G_GINT64_FORMAT, entry_id);
  g_variant_iter_init (&iter, entries);
  while ((entry = g_variant_iter_next_value (&iter)) != NULL)
    {
      const char *id = NULL;
      const char *text = NULL;
      char *found = NULL;

      if (g_variant_lookup (entry, "id", "&s", &id) && g_str_equal (id, wanted)
          && g_variant_lookup (entry, key, "&s", &text))
        found = g_strdup (text);
      g_variant_unref (entry);
      if (found != NULL)
        return found;
    }
  return NULL;
}
