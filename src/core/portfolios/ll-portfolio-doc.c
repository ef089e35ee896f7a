/* ll-portfolio-doc.c: a portfolio as a book, for export and print: the
 * participant first, then a chapter for each part of the evidence, with
 * the included entries only, in their order, each with the files of
 * evidence that support it, and last the files that support no entry */
#define G_LOG_DOMAIN "ll-portfolio"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ll-portfolio-private.h"
#include "ll-term.h"

static gboolean
has_text (const char *text)
{
  return text != NULL && text[0] != '\0';
}

static void
add_entry (LlDocNode  *varlist,
           const char *term,
           const char *value)
{
  if (has_text (value))
    ll_doc_add_varlist_entry (varlist, term, value);
}

static void
add_participant (LlDocNode         *body,
                 LlPortfolio       *portfolio,
                 const LlProgramme *programme,
                 const char        *participant_name,
                 const char        *tutor_name)
{
  const LlParticipant *participant = ll_portfolio_get_participant (portfolio);
  LlDocNode *chapter = ll_doc_add_chapter (body, _("The participant"));
  LlDocNode *details = ll_doc_node_append (chapter, ll_doc_node_new (LL_DOC_VARLIST));
  g_autofree char *activity = NULL;
  const char *focus;

  focus = participant->focus == LL_FOCUS_OTHER && has_text (participant->focus_other)
          ? participant->focus_other : ll_focus_area_to_label (participant->focus);
  if (participant->activity != LL_ACTIVITY_ALONE && has_text (participant->activity_with))
    /* TRANSLATORS: how the activity is done, then with whom: "In a pair, with Ann Lee" */
    activity = g_strdup_printf (_("%s, with %s"), ll_activity_mode_to_label (participant->activity),
                                participant->activity_with);
  else
    activity = g_strdup (ll_activity_mode_to_label (participant->activity));

  add_entry (details, _("Participant"), participant_name);
  add_entry (details, _("School"), participant->school);
  add_entry (details, _("Role"), ll_participant_role_to_label (participant->role));
  add_entry (details, _("Tutor"), tutor_name);
  add_entry (details, _("Area of focus"), focus);
  add_entry (details, _("Work-based activity"), activity);
  if (programme != NULL)
    {
      g_autofree char *start = ll_date_dup_long (programme->start_date);
      g_autofree char *end = ll_date_dup_long (programme->end_date);
      g_autofree char *dates = NULL;

      if (has_text (start) && has_text (end))
        /* TRANSLATORS: the programme's first and last days */
        dates = g_strdup_printf (_("%s to %s"), start, end);
      add_entry (details, _("Programme"), programme->title);
      add_entry (details, _("Certified by"), programme->certifying_body);
      add_entry (details, _("Cohort"), programme->cohort);
      add_entry (details, _("Hub"), programme->hub);
      add_entry (details, _("Dates"), dates);
    }
  add_entry (details, _("Status"), ll_portfolio_status_to_label (ll_portfolio_get_status (portfolio)));
}

/* What the study session or cluster meeting @entry reflects on was:
 * "Held on 8 October 2025 at Ashgrove Primary School: Leading change.",
 * or NULL when the programme does not say. */
static char *
dup_occasion (LlPortfolioEntry  *entry,
              const LlProgramme *programme)
{
  gint64 id = ll_portfolio_entry_get_session (entry);
  const char *date = NULL, *host = NULL, *theme = NULL;
  g_autofree char *long_date = NULL;
  g_autoptr(GString) line = g_string_new (NULL);

  if (programme == NULL || id <= 0)
    return NULL;
  for (guint i = 0; i < programme->sessions->len; i++)
    {
      const LlStudySession *session = g_ptr_array_index (programme->sessions, i);

      if (session->id == id)
        {
          date = session->date;
          host = session->host_school;
          theme = session->theme;
        }
    }
  for (guint i = 0; i < programme->meetings->len; i++)
    {
      const LlClusterMeeting *meeting = g_ptr_array_index (programme->meetings, i);

      if (meeting->id == id)
        {
          date = meeting->date;
          host = meeting->host_school;
        }
    }
  long_date = ll_date_dup_long (date);
  if (has_text (long_date) && has_text (host))
    /* TRANSLATORS: when and where a study session or cluster meeting was */
    g_string_printf (line, _("Held on %s at %s"), long_date, host);
  else if (has_text (long_date))
    g_string_printf (line, _("Held on %s"), long_date);
  else if (has_text (host))
    g_string_printf (line, _("Held at %s"), host);
  if (has_text (theme))
    {
      if (line->len > 0)
        /* TRANSLATORS: after where and when a session was, its theme */
        g_string_append_printf (line, _(": %s"), theme);
      else
        g_string_append (line, theme);
    }
  if (line->len == 0)
    return NULL;
  g_string_append_c (line, '.');
  return g_string_free (g_steal_pointer (&line), FALSE);
}

/* The details of one entry: its date, and what else it records. */
static void
add_entry_section (LlDocNode         *chapter,
                   LlPortfolio       *portfolio,
                   LlPortfolioEntry  *entry,
                   const LlProgramme *programme)
{
  g_autofree char *heading = ll_portfolio_entry_dup_heading (entry, programme);
  g_autofree char *date = ll_date_dup_long (ll_portfolio_entry_get_text (entry, LL_ENTRY_DATE));
  const char *body = ll_portfolio_entry_get_text (entry, LL_ENTRY_BODY);
  LlDocNode *section = ll_doc_add_section (chapter, heading);
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *occasion = dup_occasion (entry, programme);

  if (has_text (date))
    /* TRANSLATORS: when an entry was written */
    g_string_append_printf (line, _("Dated %s."), date);
  if (ll_portfolio_entry_get_kind (entry) == LL_ENTRY_CLUSTER_REFLECTION && ll_portfolio_entry_get_led (entry))
    g_string_append_printf (line, "%s%s", line->len > 0 ? " " : "", _("I led this session."));
  if (ll_portfolio_entry_get_part (entry) == LL_STORY_PRESENTATION)
    {
      g_autofree char *presented = ll_date_dup_long (ll_portfolio_entry_get_text (entry, LL_ENTRY_PRESENTED));
      const char *audience = ll_portfolio_entry_get_text (entry, LL_ENTRY_AUDIENCE);

      if (has_text (presented))
        g_string_append_printf (line, "%s", line->len > 0 ? " " : "");
      if (has_text (presented) && has_text (audience))
        /* TRANSLATORS: when the outcomes were presented, and to whom */
        g_string_append_printf (line, _("Presented on %s to %s."), presented, audience);
      else if (has_text (presented))
        g_string_append_printf (line, _("Presented on %s."), presented);
    }
  if (occasion != NULL)
    ll_doc_add_para (section, occasion);
  if (line->len > 0)
    ll_doc_add_para (section, line->str);
  if (has_text (body))
    {
      LlDocNode *node = ll_doc_node_new (LL_DOC_FRAGMENT);

      node->text = g_strdup (body);
      ll_doc_node_append (section, node);
    }
  else if (line->len == 0 && occasion == NULL)
    ll_doc_add_para (section, _("Not written yet."));
  _ll_portfolio_add_evidence_to_doc (portfolio, section, ll_portfolio_entry_get_id (entry));
}

static void
add_chapter (LlDocNode         *body,
             const char        *title,
             LlPortfolio       *portfolio,
             const LlProgramme *programme,
             const LlEntryKind *kinds,
             guint              n_kinds)
{
  GListModel *entries = ll_portfolio_get_entries (portfolio);
  LlDocNode *chapter = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(LlPortfolioEntry) entry = g_list_model_get_item (entries, i);
      gboolean wanted = FALSE;

      for (guint k = 0; k < n_kinds; k++)
        wanted |= ll_portfolio_entry_get_kind (entry) == kinds[k];
      if (!wanted || !ll_portfolio_entry_get_included (entry))
        continue;
      /* a chapter needs something in it */
      if (chapter == NULL)
        chapter = ll_doc_add_chapter (body, title);
      add_entry_section (chapter, portfolio, entry, programme);
    }
}

LlDoc *
_ll_portfolio_build_doc (LlPortfolio       *portfolio,
                         const LlProgramme *programme,
                         const char        *title,
                         const char        *participant_name,
                         const char        *tutor_name)
{
  static const LlEntryKind sessions[] = { LL_ENTRY_SESSION_REFLECTION };
  static const LlEntryKind clusters[] = { LL_ENTRY_CLUSTER_REFLECTION };
  static const LlEntryKind story[] = { LL_ENTRY_STORY };
  static const LlEntryKind others[] = { LL_ENTRY_TUTORIAL, LL_ENTRY_REFLECTION };
  LlDoc *doc;

  g_return_val_if_fail (LL_IS_PORTFOLIO (portfolio), NULL);

  doc = ll_doc_new_book ("portfolio", ll_portfolio_get_id (portfolio), title);
  if (programme != NULL && has_text (programme->title))
    doc->subtitle = g_strdup (programme->title);
  if (has_text (participant_name))
    doc->author = g_strdup (participant_name);
  add_participant (doc->body, portfolio, programme, participant_name, tutor_name);
  add_chapter (doc->body, _("Reflections on the study sessions"), portfolio, programme,
               sessions, G_N_ELEMENTS (sessions));
  add_chapter (doc->body, _("Reflections on the cluster group meetings"), portfolio, programme,
               clusters, G_N_ELEMENTS (clusters));
  add_chapter (doc->body, _("The analytical story of the work-based activity"), portfolio, programme,
               story, G_N_ELEMENTS (story));
  add_chapter (doc->body, _("Tutorial notes and reflections"), portfolio, programme,
               others, G_N_ELEMENTS (others));
  /* what supports no entry in particular */
  {
    LlDocNode *chapter = ll_doc_node_new (LL_DOC_CHAPTER);

    chapter->title = g_strdup (_("Evidence"));
    if (_ll_portfolio_add_evidence_to_doc (portfolio, chapter, 0) > 0)
      ll_doc_node_append (doc->body, chapter);
    else
      ll_doc_node_free (chapter);
  }
  return doc;
}
