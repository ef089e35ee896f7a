/* ll-portfolio-evidence.c: the evidence files of a portfolio
 *
 * The list is read on first use, without the bytes, and kept on the
 * portfolio; the bytes go between files and the workbook in chunks (see
 * ll-store-evidence.c), so the app holds an image only while it shows it.
 */
#define G_LOG_DOMAIN "ll-portfolio"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ll-doc.h"
#include "ll-error.h"
#include "ll-portfolio-evidence.h"
#include "ll-portfolio-private.h"
#include "ll-store-evidence.h"

G_DEFINE_QUARK (ll-evidence-error-quark, ll_evidence_error)

/* How much of a file is read to tell its type */
#define SNIFF_SIZE 4096

/* What evidence can be, by the usual extension of each, and what each is
 * called: our own words, since the system's database of types may not be
 * there to say */
static const struct { const char *mime_type; const char *extension; const char *label; } allowed_types[] = {
  { "image/png", "png", N_("PNG image") },
  { "image/jpeg", "jpg", N_("JPEG image") },
  { "image/jpeg", "jpeg", N_("JPEG image") },
  { "application/pdf", "pdf", N_("PDF document") },
  { "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", N_("Word document") },
  { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", N_("Excel spreadsheet") },
  { "application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx",
    N_("PowerPoint presentation") },
  { "application/vnd.oasis.opendocument.text", "odt", N_("OpenDocument text") },
  { "application/vnd.oasis.opendocument.spreadsheet", "ods", N_("OpenDocument spreadsheet") },
  { "application/vnd.oasis.opendocument.presentation", "odp", N_("OpenDocument presentation") },
  { "text/plain", "txt", N_("Plain text") },
};

/* The evidence ---------------------------------------------------------- */

struct _LlEvidence
{
  GObject  parent_instance;
  gint64   id;
  char    *name;
  char    *mime_type;
  guint64  size;
  char    *sha256;
  char    *caption;
  gint64   entry_id;
  char    *added;
};

G_DEFINE_FINAL_TYPE (LlEvidence, ll_evidence, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_MIME_TYPE,
  PROP_SIZE,
  PROP_SHA256,
  PROP_CAPTION,
  PROP_ENTRY_ID,
  PROP_IS_IMAGE,
  PROP_ADDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ll_evidence_finalize (GObject *object)
{
  LlEvidence *self = LL_EVIDENCE (object);

  g_free (self->name);
  g_free (self->mime_type);
  g_free (self->sha256);
  g_free (self->caption);
  g_free (self->added);
  G_OBJECT_CLASS (ll_evidence_parent_class)->finalize (object);
}

static void
ll_evidence_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LlEvidence *self = LL_EVIDENCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_MIME_TYPE:
      g_value_set_string (value, self->mime_type);
      break;
    case PROP_SIZE:
      g_value_set_uint64 (value, self->size);
      break;
    case PROP_SHA256:
      g_value_set_string (value, self->sha256);
      break;
    case PROP_CAPTION:
      g_value_set_string (value, self->caption);
      break;
    case PROP_ENTRY_ID:
      g_value_set_int64 (value, self->entry_id);
      break;
    case PROP_IS_IMAGE:
      g_value_set_boolean (value, ll_evidence_get_is_image (self));
      break;
    case PROP_ADDED:
      g_value_set_string (value, self->added);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_evidence_class_init (LlEvidenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = ll_evidence_finalize;
  object_class->get_property = ll_evidence_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_MIME_TYPE] = g_param_spec_string ("mime-type", NULL, NULL, NULL, flags);
  properties[PROP_SIZE] = g_param_spec_uint64 ("size", NULL, NULL, 0, G_MAXUINT64, 0, flags);
  properties[PROP_SHA256] = g_param_spec_string ("sha256", NULL, NULL, NULL, flags);
  properties[PROP_CAPTION] = g_param_spec_string ("caption", NULL, NULL, NULL, flags);
  properties[PROP_ENTRY_ID] = g_param_spec_int64 ("entry-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_IS_IMAGE] = g_param_spec_boolean ("is-image", NULL, NULL, FALSE, flags);
  properties[PROP_ADDED] = g_param_spec_string ("added", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ll_evidence_init (LlEvidence *self)
{
}

static LlEvidence *
evidence_new_from_row (const LlStoreEvidence *row)
{
  LlEvidence *self = g_object_new (LL_TYPE_EVIDENCE, NULL);

  self->id = row->id;
  self->name = g_strdup (row->name);
  self->mime_type = g_strdup (row->mime_type);
  self->size = (guint64) MAX (row->size, 0);
  self->sha256 = g_strdup (row->sha256);
  self->caption = g_strdup (row->caption != NULL ? row->caption : "");
  self->entry_id = row->entry_id;
  self->added = g_strdup (row->added);
  return self;
}

gint64
ll_evidence_get_id (LlEvidence *self)
{
  g_return_val_if_fail (LL_IS_EVIDENCE (self), 0);
  return self->id;
}

const char *
ll_evidence_get_name (LlEvidence *self)
{
  g_return_val_if_fail (LL_IS_EVIDENCE (self), NULL);
  return self->name;
}

const char *
ll_evidence_get_mime_type (LlEvidence *self)
{
  g_return_val_if_fail (LL_IS_EVIDENCE (self), NULL);
  return self->mime_type;
}

guint64
ll_evidence_get_size (LlEvidence *self)
{
  g_return_val_if_fail (LL_IS_EVIDENCE (self), 0);
  return self->size;
}

const char *
ll_evidence_get_sha256 (LlEvidence *self)
{
  g_return_val_if_fail (LL_IS_EVIDENCE (self), NULL);
  return self->sha256;
}

const char *
ll_evidence_get_caption (LlEvidence *self)
{
  g_return_val_if_fail (LL_IS_EVIDENCE (self), NULL);
  return self->caption;
}

gint64
ll_evidence_get_entry_id (LlEvidence *self)
{
  g_return_val_if_fail (LL_IS_EVIDENCE (self), 0);
  return self->entry_id;
}

gboolean
ll_evidence_get_is_image (LlEvidence *self)
{
  g_return_val_if_fail (LL_IS_EVIDENCE (self), FALSE);
  return g_strcmp0 (self->mime_type, "image/png") == 0 || g_strcmp0 (self->mime_type, "image/jpeg") == 0;
}

const char *
ll_evidence_get_added (LlEvidence *self)
{
  g_return_val_if_fail (LL_IS_EVIDENCE (self), NULL);
  return self->added;
}

const char *
ll_evidence_get_label (LlEvidence *self)
{
  g_return_val_if_fail (LL_IS_EVIDENCE (self), NULL);
  return self->caption != NULL && *self->caption != '\0' ? self->caption : self->name;
}

static void
set_caption (LlEvidence *self,
             const char *caption)
{
  if (g_strcmp0 (self->caption, caption) == 0)
    return;
  g_free (self->caption);
  self->caption = g_strdup (caption);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPTION]);
}

static void
set_entry_id (LlEvidence *self,
              gint64      entry_id)
{
  if (self->entry_id == entry_id)
    return;
  self->entry_id = entry_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTRY_ID]);
}

/* Files ------------------------------------------------------------------- */

gboolean
ll_evidence_type_is_allowed (const char *mime_type)
{
  for (guint i = 0; mime_type != NULL && i < G_N_ELEMENTS (allowed_types); i++)
    if (strcmp (mime_type, allowed_types[i].mime_type) == 0)
      return TRUE;
  return FALSE;
}

const char *
ll_evidence_type_to_label (const char *mime_type)
{
  for (guint i = 0; mime_type != NULL && i < G_N_ELEMENTS (allowed_types); i++)
    if (strcmp (mime_type, allowed_types[i].mime_type) == 0)
      return _(allowed_types[i].label);
  return mime_type;
}

static const char *
type_by_extension (const char *name)
{
  const char *dot = name != NULL ? strrchr (name, '.') : NULL;

  for (guint i = 0; dot != NULL && i < G_N_ELEMENTS (allowed_types); i++)
    if (g_ascii_strcasecmp (dot + 1, allowed_types[i].extension) == 0)
      return allowed_types[i].mime_type;
  return NULL;
}

/* UTF-8 without control characters but tabs, line and page breaks; the
 * last few bytes may be a character cut in two. */
static gboolean
looks_like_text (const guint8 *data,
                 gsize         length)
{
  const char *end = NULL;

  if (!g_utf8_validate ((const char *) data, (gssize) length, &end)
      && (length < SNIFF_SIZE || (gsize) (end - (const char *) data) + 4 < length))
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if ((data[i] < 0x20 && data[i] != '\t' && data[i] != '\n' && data[i] != '\r' && data[i] != '\f')
        || data[i] == 0x7f)
      return FALSE;
  return TRUE;
}

/* Whether @data starts as a file of @mime_type does: a PDF has its
 * header in its first kilobyte, an office document is a zip file. */
static gboolean
has_signature (const char   *mime_type,
               const guint8 *data,
               gsize         length)
{
  if (strcmp (mime_type, "application/pdf") == 0)
    {
      for (gsize i = 0; i + 5 <= MIN (length, 1024); i++)
        if (memcmp (data + i, "%PDF-", 5) == 0)
          return TRUE;
      return FALSE;
    }
  if (g_str_has_prefix (mime_type, "application/vnd."))
    return length >= 4 && memcmp (data, "PK\003\004", 4) == 0;
  return TRUE;
}

/* The MIME type of a file called @name that starts with @data, or NULL
 * when it is none that evidence can be. What the system's database of
 * types says, or the name where it cannot tell, is checked against the
 * content: an image must be a real PNG or JPEG, which can be shown and
 * printed, a PDF or an office document must start as one, and text must
 * be text. */
static char *
guess_type (const char   *name,
            const guint8 *data,
            gsize         length)
{
  g_autofree char *content_type = NULL;
  g_autofree char *mime_type = NULL;
  const char *sniffed = NULL;
  const char *by_name = type_by_extension (name);
  guint width, height;
  gboolean uncertain = FALSE;

  if (ll_doc_image_sniff (data, length, &sniffed, &width, &height))
    return g_strdup (sniffed);
  /* named as an image, it must be one */
  if (by_name != NULL && g_str_has_prefix (by_name, "image/"))
    return NULL;
  content_type = g_content_type_guess (name, data, length, &uncertain);
  mime_type = g_content_type_get_mime_type (content_type);
  if (mime_type != NULL && g_str_has_prefix (mime_type, "image/"))
    return NULL;
  /* plain text, or text that the database names more precisely
   * (text/markdown), if it really is text */
  if (content_type != NULL && g_content_type_is_a (content_type, "text/plain"))
    {
      if (looks_like_text (data, length))
        return g_strdup ("text/plain");
      g_clear_pointer (&mime_type, g_free);
    }
  /* office documents are zip files inside; where the database cannot
   * tell them apart (or is missing), the name does */
  if (!ll_evidence_type_is_allowed (mime_type))
    {
      g_free (mime_type);
      mime_type = by_name != NULL ? g_strdup (by_name) : NULL;
    }
  if (mime_type == NULL || !ll_evidence_type_is_allowed (mime_type) || !has_signature (mime_type, data, length))
    return NULL;
  return g_steal_pointer (&mime_type);
}

static void
set_unreadable (GFile   *file,
                GError **error)
{
  g_autofree char *name = g_file_get_parse_name (file);

  /* TRANSLATORS: %s is a file's name */
  g_set_error (error, LL_EVIDENCE_ERROR, LL_EVIDENCE_ERROR_UNREADABLE,
               _("“%s” could not be read, so it was not added as evidence."), name);
}

/* Opens @file and judges it; the stream, at its start. */
static GInputStream *
open_and_inspect (GFile         *file,
                  char         **name_out,
                  char         **type_out,
                  goffset       *size_out,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree guint8 *head = NULL;
  g_autofree char *name = NULL;
  g_autofree char *mime_type = NULL;
  gsize length = 0;
  goffset size;

  stream = g_file_read (file, cancellable, NULL);
  if (stream != NULL)
    info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, NULL);
  if (info == NULL
      || g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, cancellable) != G_FILE_TYPE_REGULAR)
    {
      set_unreadable (file, error);
      return NULL;
    }
  {
    g_autofree char *basename = g_file_get_basename (file);

    name = g_filename_display_name (basename != NULL ? basename : "evidence");
  }
  size = g_file_info_get_size (info);
  if (size == 0)
    {
      /* TRANSLATORS: %s is a file's name */
      g_set_error (error, LL_EVIDENCE_ERROR, LL_EVIDENCE_ERROR_UNREADABLE,
                   _("“%s” is empty, so it was not added as evidence."), name);
      return NULL;
    }
  if (size > LL_EVIDENCE_MAX_SIZE)
    {
      g_autofree char *actual = g_format_size ((guint64) size);
      g_autofree char *limit = g_format_size ((guint64) LL_EVIDENCE_MAX_SIZE);

      /* just over the limit: the bytes say why "25.0 MB" is too large */
      if (strcmp (actual, limit) == 0)
        {
          g_free (actual);
          actual = g_format_size_full ((guint64) size, G_FORMAT_SIZE_LONG_FORMAT);
        }

      /* TRANSLATORS: a file's name, its size and the largest evidence can
       * be: "“scan.pdf” is 31.2 MB; evidence can be at most 25.0 MB." */
      g_set_error (error, LL_EVIDENCE_ERROR, LL_EVIDENCE_ERROR_TOO_LARGE,
                   _("“%s” is %s; a file of evidence can be at most %s."), name, actual, limit);
      return NULL;
    }
  head = g_malloc (SNIFF_SIZE);
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), head, SNIFF_SIZE, &length, cancellable, NULL)
      || !g_seekable_seek (G_SEEKABLE (stream), 0, G_SEEK_SET, cancellable, NULL))
    {
      set_unreadable (file, error);
      return NULL;
    }
  mime_type = guess_type (name, head, length);
  if (mime_type == NULL)
    {
      g_set_error (error, LL_EVIDENCE_ERROR, LL_EVIDENCE_ERROR_UNSUPPORTED,
                   /* TRANSLATORS: %s is a file's name */
                   _("“%s” cannot be evidence: add an image (PNG or JPEG), a PDF, an office document "
                     "(Word, Excel, PowerPoint or OpenDocument) or plain text."), name);
      return NULL;
    }
  if (name_out != NULL)
    *name_out = g_steal_pointer (&name);
  if (type_out != NULL)
    *type_out = g_steal_pointer (&mime_type);
  if (size_out != NULL)
    *size_out = size;
  return G_INPUT_STREAM (g_steal_pointer (&stream));
}

gboolean
ll_evidence_inspect_file (GFile          *file,
                          char          **name,
                          char          **mime_type,
                          goffset        *size,
                          GCancellable   *cancellable,
                          GError        **error)
{
  g_autoptr(GInputStream) stream = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  stream = open_and_inspect (file, name, mime_type, size, cancellable, error);
  return stream != NULL;
}

/* The portfolio's list ----------------------------------------------------- */

#define EVIDENCE_KEY "ll-portfolio-evidence"

/* When an entry goes, its evidence stays, supporting none (the file's
 * foreign key has done the same). */
static void
on_entries_changed (GListModel  *entries,
                    guint        position,
                    guint        removed,
                    guint        added,
                    LlPortfolio *portfolio)
{
  GListModel *list = g_object_get_data (G_OBJECT (portfolio), EVIDENCE_KEY);

  if (removed == 0 || list == NULL)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(LlEvidence) evidence = g_list_model_get_item (list, i);

      if (evidence->entry_id > 0 && ll_portfolio_find_entry (portfolio, evidence->entry_id) == NULL)
        set_entry_id (evidence, 0);
    }
}

GListModel *
ll_portfolio_get_evidence (LlPortfolio  *self,
                           GError      **error)
{
  GListStore *list;
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (LL_IS_PORTFOLIO (self), NULL);

  list = g_object_get_data (G_OBJECT (self), EVIDENCE_KEY);
  if (list != NULL)
    return G_LIST_MODEL (list);
  rows = ll_store_list_evidence (_ll_portfolio_get_store (self), ll_portfolio_get_id (self), error);
  if (rows == NULL)
    return NULL;
  list = g_list_store_new (LL_TYPE_EVIDENCE);
  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr(LlEvidence) evidence = evidence_new_from_row (g_ptr_array_index (rows, i));

      g_list_store_append (list, evidence);
    }
  g_object_set_data_full (G_OBJECT (self), EVIDENCE_KEY, list, g_object_unref);
  g_signal_connect_object (ll_portfolio_get_entries (self), "items-changed", G_CALLBACK (on_entries_changed),
                           self, 0);
  return G_LIST_MODEL (list);
}

LlEvidence *
ll_portfolio_find_evidence (LlPortfolio *self,
                            gint64       id)
{
  GListModel *list;

  g_return_val_if_fail (LL_IS_PORTFOLIO (self), NULL);

  list = ll_portfolio_get_evidence (self, NULL);
  for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(LlEvidence) evidence = g_list_model_get_item (list, i);

      if (evidence->id == id)
        return evidence;  /* the list holds it */
    }
  return NULL;
}

static gboolean
check_entry_id (LlPortfolio  *self,
                gint64        entry_id,
                GError      **error)
{
  if (entry_id <= 0 || ll_portfolio_find_entry (self, entry_id) != NULL)
    return TRUE;
  g_set_error_literal (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_INVALID,
                       _("The evidence can only support an entry of its own portfolio."));
  return FALSE;
}

static gboolean
check_evidence (LlPortfolio  *self,
                LlEvidence   *evidence,
                guint        *position,
                GError      **error)
{
  GListModel *list = ll_portfolio_get_evidence (self, error);

  if (list == NULL)
    return FALSE;
  g_return_val_if_fail (LL_IS_EVIDENCE (evidence), FALSE);
  if (!g_list_store_find (G_LIST_STORE (list), evidence, position))
    {
      g_set_error_literal (error, LL_WORKBOOK_ERROR, LL_WORKBOOK_ERROR_INVALID,
                           _("This evidence is not part of the portfolio."));
      return FALSE;
    }
  return TRUE;
}

LlEvidence *
ll_portfolio_add_evidence (LlPortfolio   *self,
                           GFile         *file,
                           gint64         entry_id,
                           const char    *caption,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(LlStoreEvidence) row = g_new0 (LlStoreEvidence, 1);
  g_autoptr(GError) local_error = NULL;
  LlEvidence *evidence;
  GListModel *list;
  goffset size = 0;

  g_return_val_if_fail (LL_IS_PORTFOLIO (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!_ll_portfolio_check_editable (self, error) || !check_entry_id (self, entry_id, error))
    return NULL;
  list = ll_portfolio_get_evidence (self, error);
  if (list == NULL)
    return NULL;
  stream = open_and_inspect (file, &row->name, &row->mime_type, &size, cancellable, error);
  if (stream == NULL)
    return NULL;
  row->document_id = ll_portfolio_get_id (self);
  row->entry_id = entry_id;
  row->size = size;
  row->caption = g_strdup (caption != NULL ? caption : "");
  if (!ll_store_insert_evidence (_ll_portfolio_get_store (self), row, stream, cancellable, &local_error))
    {
      /* a failure to read the file on the way is the file's */
      if (local_error->domain == G_IO_ERROR && local_error->code != G_IO_ERROR_FAILED
          && local_error->code != G_IO_ERROR_CANCELLED)
        set_unreadable (file, error);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  evidence = evidence_new_from_row (row);
  g_list_store_append (G_LIST_STORE (list), evidence);
  g_object_unref (evidence);
  return evidence;
}

LlEvidence *
_ll_portfolio_add_evidence_bytes (LlPortfolio  *self,
                                  const char   *name,
                                  const char   *mime_type,
                                  GBytes       *bytes,
                                  gint64        entry_id,
                                  const char   *caption,
                                  GError      **error)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(LlStoreEvidence) row = g_new0 (LlStoreEvidence, 1);
  LlEvidence *evidence;
  GListModel *list;

  g_return_val_if_fail (LL_IS_PORTFOLIO (self), NULL);
  g_return_val_if_fail (ll_evidence_type_is_allowed (mime_type), NULL);
  g_return_val_if_fail (g_bytes_get_size (bytes) <= (gsize) LL_EVIDENCE_MAX_SIZE, NULL);

  if (!_ll_portfolio_check_editable (self, error) || !check_entry_id (self, entry_id, error))
    return NULL;
  list = ll_portfolio_get_evidence (self, error);
  if (list == NULL)
    return NULL;
  stream = g_memory_input_stream_new_from_bytes (bytes);
  row->document_id = ll_portfolio_get_id (self);
  row->entry_id = entry_id;
  row->name = g_strdup (name);
  row->mime_type = g_strdup (mime_type);
  row->size = (gint64) g_bytes_get_size (bytes);
  row->caption = g_strdup (caption != NULL ? caption : "");
  if (!ll_store_insert_evidence (_ll_portfolio_get_store (self), row, stream, NULL, error))
    return NULL;
  evidence = evidence_new_from_row (row);
  g_list_store_append (G_LIST_STORE (list), evidence);
  g_object_unref (evidence);
  return evidence;
}

gboolean
ll_portfolio_set_evidence_caption (LlPortfolio  *self,
                                   LlEvidence   *evidence,
                                   const char   *caption,
                                   GError      **error)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (LL_IS_PORTFOLIO (self), FALSE);

  if (!_ll_portfolio_check_editable (self, error) || !check_evidence (self, evidence, NULL, error))
    return FALSE;
  stripped = g_strstrip (g_strdup (caption != NULL ? caption : ""));
  if (g_strcmp0 (stripped, evidence->caption) == 0)
    return TRUE;
  if (!ll_store_update_evidence_caption (_ll_portfolio_get_store (self), evidence->id, stripped, error))
    return FALSE;
  set_caption (evidence, stripped);
  return TRUE;
}

gboolean
ll_portfolio_set_evidence_entry (LlPortfolio  *self,
                                 LlEvidence   *evidence,
                                 gint64        entry_id,
                                 GError      **error)
{
  g_return_val_if_fail (LL_IS_PORTFOLIO (self), FALSE);

  entry_id = MAX (entry_id, 0);
  if (!_ll_portfolio_check_editable (self, error) || !check_evidence (self, evidence, NULL, error)
      || !check_entry_id (self, entry_id, error))
    return FALSE;
  if (evidence->entry_id == entry_id)
    return TRUE;
  if (!ll_store_update_evidence_entry (_ll_portfolio_get_store (self), evidence->id, entry_id, error))
    return FALSE;
  set_entry_id (evidence, entry_id);
  return TRUE;
}

gboolean
ll_portfolio_remove_evidence (LlPortfolio  *self,
                              LlEvidence   *evidence,
                              GError      **error)
{
  GListModel *list;
  guint position = 0;

  g_return_val_if_fail (LL_IS_PORTFOLIO (self), FALSE);

  if (!_ll_portfolio_check_editable (self, error) || !check_evidence (self, evidence, &position, error))
    return FALSE;
  if (!ll_store_delete_evidence (_ll_portfolio_get_store (self), evidence->id, error))
    return FALSE;
  list = ll_portfolio_get_evidence (self, NULL);
  g_list_store_remove (G_LIST_STORE (list), position);
  return TRUE;
}

GBytes *
ll_portfolio_read_evidence (LlPortfolio  *self,
                            LlEvidence   *evidence,
                            GError      **error)
{
  g_return_val_if_fail (LL_IS_PORTFOLIO (self), NULL);
  g_return_val_if_fail (LL_IS_EVIDENCE (evidence), NULL);

  return ll_store_read_evidence_bytes (_ll_portfolio_get_store (self), evidence->id, error);
}

gboolean
ll_portfolio_save_evidence (LlPortfolio   *self,
                            LlEvidence    *evidence,
                            GFile         *destination,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GFileOutputStream) out = NULL;

  g_return_val_if_fail (LL_IS_PORTFOLIO (self), FALSE);
  g_return_val_if_fail (LL_IS_EVIDENCE (evidence), FALSE);
  g_return_val_if_fail (G_IS_FILE (destination), FALSE);

  out = g_file_replace (destination, NULL, FALSE, G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                        cancellable, error);
  if (out == NULL)
    return FALSE;
  if (!ll_store_write_evidence_to (_ll_portfolio_get_store (self), evidence->id, G_OUTPUT_STREAM (out),
                                   cancellable, error))
    {
      g_autoptr(GCancellable) none = NULL;

      /* nothing half-written is left in its place */
      g_output_stream_close (G_OUTPUT_STREAM (out), NULL, NULL);
      g_file_delete (destination, none, NULL);
      return FALSE;
    }
  return g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, error);
}

char *
ll_portfolio_dup_evidence_copy (LlPortfolio   *self,
                                LlEvidence    *evidence,
                                GCancellable  *cancellable,
                                GError       **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (LL_IS_PORTFOLIO (self), NULL);
  g_return_val_if_fail (LL_IS_EVIDENCE (evidence), NULL);

  /* made with mode 0700: no one else can read what is in it */
  dir = g_dir_make_tmp ("leading-learning-evidence-XXXXXX", error);
  if (dir == NULL)
    return NULL;
  /* its own name, without anything that could lead out of the folder */
  name = g_path_get_basename (evidence->name);
  if (*name == '\0' || strcmp (name, ".") == 0 || strcmp (name, "..") == 0 || strchr (name, '/') != NULL)
    {
      g_free (name);
      name = g_strdup ("evidence");
    }
  path = g_build_filename (dir, name, NULL);
  file = g_file_new_for_path (path);
  if (!ll_portfolio_save_evidence (self, evidence, file, cancellable, error))
    {
      g_rmdir (dir);
      return NULL;
    }
  return g_steal_pointer (&path);
}

/* For the submitted copy and the book: whether @evidence goes with what
 * is submitted (it supports no entry or one that is included). */
gboolean
_ll_portfolio_evidence_is_included (LlPortfolio *self,
                                    LlEvidence  *evidence)
{
  LlPortfolioEntry *entry;

  if (evidence->entry_id <= 0)
    return TRUE;
  entry = ll_portfolio_find_entry (self, evidence->entry_id);
  return entry == NULL || ll_portfolio_entry_get_included (entry);
}

GVariant *
_ll_portfolio_evidence_serialise (LlPortfolio  *self,
                                  GError      **error)
{
  GListModel *list = ll_portfolio_get_evidence (self, error);
  GVariantBuilder builder;

  if (list == NULL)
    return NULL;
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{ss}"));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(LlEvidence) evidence = g_list_model_get_item (list, i);
      g_autofree char *size = g_strdup_printf ("%" G_GUINT64_FORMAT, evidence->size);
      g_autofree char *entry = g_strdup_printf ("%" G_GINT64_FORMAT, evidence->entry_id);

      if (!_ll_portfolio_evidence_is_included (self, evidence))
        continue;
      g_variant_builder_open (&builder, G_VARIANT_TYPE ("a{ss}"));
      g_variant_builder_add (&builder, "{ss}", "name", evidence->name);
      g_variant_builder_add (&builder, "{ss}", "type", evidence->mime_type);
      g_variant_builder_add (&builder, "{ss}", "size", size);
      g_variant_builder_add (&builder, "{ss}", "sha256", evidence->sha256);
      g_variant_builder_add (&builder, "{ss}", "caption", evidence->caption);
      g_variant_builder_add (&builder, "{ss}", "entry", entry);
      g_variant_builder_close (&builder);
    }
  return g_variant_builder_end (&builder);
}

/* The book ------------------------------------------------------------------ */

/* "Minutes. PDF document, 1.2 MB. SHA-256: 9f86…" */
static char *
dup_file_details (LlEvidence *evidence)
{
  g_autofree char *size = g_format_size (evidence->size);
  g_autofree char *details = NULL;
  const char *caption = evidence->caption;
  gsize length = caption != NULL ? strlen (caption) : 0;

  /* TRANSLATORS: a file of evidence in the book: its type, its size and
   * its SHA-256 checksum, "PDF document, 1.2 MB. SHA-256: 9f86d0…" */
  details = g_strdup_printf (_("%s, %s. SHA-256: %s"), ll_evidence_type_to_label (evidence->mime_type), size,
                             evidence->sha256);
  if (length == 0)
    return g_steal_pointer (&details);
  if (strchr (".!?", caption[length - 1]) != NULL)
    return g_strdup_printf ("%s %s", caption, details);
  return g_strdup_printf ("%s. %s", caption, details);
}

guint
_ll_portfolio_add_evidence_to_doc (LlPortfolio *portfolio,
                                   LlDocNode   *parent,
                                   gint64       entry_id)
{
  GListModel *list = ll_portfolio_get_evidence (portfolio, NULL);
  LlDocNode *files = NULL;
  guint added = 0;

  for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(LlEvidence) evidence = g_list_model_get_item (list, i);
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *details = NULL;

      if (evidence->entry_id != MAX (entry_id, 0) || !_ll_portfolio_evidence_is_included (portfolio, evidence))
        continue;
      added++;
      /* an image as a figure; one that cannot be read is listed, so
       * that the book still says it is there */
      if (ll_evidence_get_is_image (evidence))
        bytes = ll_portfolio_read_evidence (portfolio, evidence, NULL);
      if (bytes != NULL
          && ll_doc_add_figure (parent, ll_evidence_get_label (evidence), bytes,
                                ll_evidence_get_label (evidence), NULL) != NULL)
        continue;
      if (files == NULL)
        files = ll_doc_node_append (parent, ll_doc_node_new (LL_DOC_VARLIST));
      details = dup_file_details (evidence);
      ll_doc_add_varlist_entry (files, evidence->name, details);
    }
  return added;
}
