/* ll-narrative-text.c: a narrative's words as plain text, now or in one
 * of its revisions, and the word-level differences between two of them */
#define G_LOG_DOMAIN "ll-narrative"

#include "config.h"

#include "ll-narrative-private.h"
#include "ll-store-narrative.h"
#include "ll-text.h"

static void
add_kind (GArray     *kinds,
          LlTextKind  kind)
{
  if (kinds != NULL)
    g_array_append_val (kinds, kind);
}

static void
append_section_text (GString    *out,
                     GArray     *kinds,
                     const char *title,
                     const char *body)
{
  g_autofree char *text = NULL;

  if (out->len > 0)
    {
      g_string_append (out, "\n\n");
      add_kind (kinds, LL_TEXT_BLANK);
    }
  g_string_append (out, title);
  add_kind (kinds, LL_TEXT_TITLE);
  text = ll_text_from_fragment_with_kinds (body, NULL);
  if (text[0] != '\0')
    {
      g_string_append (out, "\n\n");
      add_kind (kinds, LL_TEXT_BLANK);
      g_free (text);
      text = ll_text_from_fragment_with_kinds (body, kinds);
      g_string_append (out, text);
    }
}

GPtrArray *
ll_narrative_dup_revision_sections (LlNarrative  *self,
                                    LlRevision   *revision,
                                    GError      **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  GPtrArray *sections;

  g_return_val_if_fail (LL_IS_NARRATIVE (self), NULL);
  g_return_val_if_fail (LL_IS_REVISION (revision), NULL);

  rows = ll_store_list_revision_sections (_ll_narrative_get_store (self), ll_revision_get_id (revision), error);
  if (rows == NULL)
    return NULL;
  sections = g_ptr_array_new_full (rows->len, (GDestroyNotify) ll_section_text_free);
  for (guint i = 0; i < rows->len; i++)
    {
      LlStoreSection *row = g_ptr_array_index (rows, i);
      LlSectionText *section = g_new0 (LlSectionText, 1);

      section->title = g_steal_pointer (&row->title);
      section->body = g_steal_pointer (&row->body);
      g_ptr_array_add (sections, section);
    }
  return sections;
}

void
ll_section_text_free (LlSectionText *section)
{
  if (section == NULL)
    return;
  g_free (section->title);
  g_free (section->body);
  g_free (section);
}

char *
ll_narrative_dup_text (LlNarrative  *self,
                       LlRevision   *revision,
                       GError      **error)
{
  return ll_narrative_dup_text_with_kinds (self, revision, NULL, error);
}

char *
ll_narrative_dup_text_with_kinds (LlNarrative  *self,
                                  LlRevision   *revision,
                                  GArray       *kinds,
                                  GError      **error)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (LL_IS_NARRATIVE (self), NULL);

  if (revision == NULL)
    {
      GListModel *sections = ll_narrative_get_sections (self);
      guint n = g_list_model_get_n_items (sections);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(LlNarrativeSection) s = g_list_model_get_item (sections, i);

          append_section_text (out, kinds, ll_narrative_section_get_title (s), ll_narrative_section_get_body (s));
        }
    }
  else
    {
      g_autoptr(GPtrArray) rows = ll_narrative_dup_revision_sections (self, revision, error);

      if (rows == NULL)
        return NULL;
      for (guint i = 0; i < rows->len; i++)
        {
          LlSectionText *row = g_ptr_array_index (rows, i);

          append_section_text (out, kinds, row->title, row->body);
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

GPtrArray *
ll_narrative_compare (LlNarrative  *self,
                      LlRevision   *old,
                      LlRevision   *new_,
                      GError      **error)
{
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;

  g_return_val_if_fail (LL_IS_NARRATIVE (self), NULL);

  old_text = ll_narrative_dup_text (self, old, error);
  if (old_text == NULL)
    return NULL;
  new_text = ll_narrative_dup_text (self, new_, error);
  if (new_text == NULL)
    return NULL;
  return ll_text_diff_words (old_text, new_text);
}
