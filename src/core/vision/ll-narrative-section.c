/* ll-narrative-section.c: one section of a vision narrative */
#define G_LOG_DOMAIN "ll-narrative-section"

#include "config.h"

#include "ll-narrative-private.h"
#include "ll-store-narrative.h"

struct _LlNarrativeSection
{
  GObject      parent_instance;
  LlNarrative *narrative;   /* unowned: the narrative detaches its sections */
  gint64       id;
  char        *title;
  char        *prompts;
  char        *body;
  guint        word_count;
};

G_DEFINE_FINAL_TYPE (LlNarrativeSection, ll_narrative_section, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_BODY,
  PROP_PROMPTS,
  PROP_WORD_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ll_narrative_section_finalize (GObject *object)
{
  LlNarrativeSection *self = LL_NARRATIVE_SECTION (object);

  g_free (self->title);
  g_free (self->prompts);
  g_free (self->body);
  G_OBJECT_CLASS (ll_narrative_section_parent_class)->finalize (object);
}

static void
ll_narrative_section_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  LlNarrativeSection *self = LL_NARRATIVE_SECTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;
    case PROP_PROMPTS:
      g_value_set_string (value, self->prompts);
      break;
    case PROP_WORD_COUNT:
      g_value_set_uint (value, self->word_count);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_narrative_section_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  LlNarrativeSection *self = LL_NARRATIVE_SECTION (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      ll_narrative_section_set_title (self, g_value_get_string (value));
      break;
    case PROP_BODY:
      ll_narrative_section_set_body (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_narrative_section_class_init (LlNarrativeSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = ll_narrative_section_finalize;
  object_class->get_property = ll_narrative_section_get_property;
  object_class->set_property = ll_narrative_section_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", rw);
  properties[PROP_BODY] = g_param_spec_string ("body", NULL, NULL, "", rw);
  properties[PROP_PROMPTS] = g_param_spec_string ("prompts", NULL, NULL, "", ro);
  properties[PROP_WORD_COUNT] = g_param_spec_uint ("word-count", NULL, NULL, 0, G_MAXUINT, 0, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ll_narrative_section_init (LlNarrativeSection *self)
{
}

/* Only what the writer wrote counts: the text, not the heading that the
 * narrative started with. */
static guint
count_words (const char *body)
{
  return ll_text_count_fragment_words (body);
}

LlNarrativeSection *
_ll_narrative_section_new (LlNarrative          *narrative,
                           const LlStoreSection *row)
{
  LlNarrativeSection *self = g_object_new (LL_TYPE_NARRATIVE_SECTION, NULL);

  self->narrative = narrative;
  self->id = row->id;
  self->title = g_strdup (row->title);
  self->prompts = g_strdup (row->prompts);
  self->body = g_strdup (row->body);
  self->word_count = count_words (self->body);
  return self;
}

void
_ll_narrative_section_detach (LlNarrativeSection *self)
{
  self->narrative = NULL;
}

/* What the pending writes write: the section's title or its body, as
 * they are by then. A section that was removed has nothing to write. */
static gboolean
write_field (GObject  *object,
             guint     prop_id,
             GError  **error)
{
  LlNarrativeSection *self = LL_NARRATIVE_SECTION (object);

  if (self->narrative == NULL)
    return TRUE;
  if (!ll_store_update_section (_ll_narrative_get_store (self->narrative),
                                ll_narrative_get_id (self->narrative), self->id,
                                prop_id == PROP_TITLE ? self->title : NULL,
                                prop_id == PROP_BODY ? self->body : NULL, error))
    return FALSE;
  _ll_narrative_written (self->narrative);
  return TRUE;
}

static void
update (LlNarrativeSection *self,
        guint               prop_id)
{
  LlPending *pending;
  guint words;

  if (self->narrative == NULL)
    return;
  pending = _ll_narrative_get_pending (self->narrative);
  /* The editor waits for a pause in the text itself (serialising it is
   * work): the body goes now. A heading is typed key by key. */
  if (prop_id == PROP_BODY)
    ll_pending_write_now (pending, G_OBJECT (self), prop_id, write_field);
  else
    ll_pending_schedule (pending, G_OBJECT (self), prop_id, write_field);

  words = count_words (self->body);
  if (words != self->word_count)
    {
      self->word_count = words;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORD_COUNT]);
    }
  _ll_narrative_recount_words (self->narrative);
}

gint64
ll_narrative_section_get_id (LlNarrativeSection *self)
{
  g_return_val_if_fail (LL_IS_NARRATIVE_SECTION (self), 0);
  return self->id;
}

const char *
ll_narrative_section_get_title (LlNarrativeSection *self)
{
  g_return_val_if_fail (LL_IS_NARRATIVE_SECTION (self), NULL);
  return self->title;
}

void
ll_narrative_section_set_title (LlNarrativeSection *self,
                                const char         *title)
{
  g_return_if_fail (LL_IS_NARRATIVE_SECTION (self));

  if (title == NULL)
    title = "";
  if (g_strcmp0 (self->title, title) == 0)
    return;
  /* before the change: the session's revision keeps the text as it was */
  if (self->narrative != NULL)
    _ll_narrative_before_edit (self->narrative);
  g_free (self->title);
  self->title = g_strdup (title);
  update (self, PROP_TITLE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
ll_narrative_section_get_body (LlNarrativeSection *self)
{
  g_return_val_if_fail (LL_IS_NARRATIVE_SECTION (self), NULL);
  return self->body;
}

/**
 * ll_narrative_section_set_body:
 * @body: a DocBook 5 block fragment
 *
 * Stores the section's text. The first change in an opening of the
 * workbook first saves a revision of the whole narrative.
 */
void
ll_narrative_section_set_body (LlNarrativeSection *self,
                               const char         *body)
{
  g_return_if_fail (LL_IS_NARRATIVE_SECTION (self));

  if (body == NULL)
    body = "";
  if (g_strcmp0 (self->body, body) == 0)
    return;
  /* before the change: the session's revision keeps the text as it was */
  if (self->narrative != NULL)
    _ll_narrative_before_edit (self->narrative);
  g_free (self->body);
  self->body = g_strdup (body);
  update (self, PROP_BODY);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BODY]);
}

const char *
ll_narrative_section_get_prompts (LlNarrativeSection *self)
{
  g_return_val_if_fail (LL_IS_NARRATIVE_SECTION (self), NULL);
  return self->prompts;
}

guint
ll_narrative_section_get_word_count (LlNarrativeSection *self)
{
  g_return_val_if_fail (LL_IS_NARRATIVE_SECTION (self), 0);
  return self->word_count;
}
