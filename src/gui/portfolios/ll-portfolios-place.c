/* ll-portfolios-place.c: the Portfolios place
 *
 * A stack of the cohort's portfolios (each participant with where their
 * portfolio stands), one portfolio (LlPortfolioView) and an empty state.
 * New Portfolio (Ctrl+Shift+N) asks for the participant's name, makes
 * them a person of the workbook and opens their portfolio.
 */
#define G_LOG_DOMAIN "ll-portfolios"

#include "config.h"

#include <glib/gi18n.h>

#include "ll-document-info.h"
#include "ll-document-kind.h"
#include "ll-portfolios-place.h"
#include "ll-programme-window.h"
#include "ll-term.h"

struct _LlPortfoliosPlace
{
  GtkWidget        parent_instance;

  LlWorkbook      *workbook;
  GListModel      *documents;     /* of LlDocumentInfo: the portfolios */
  gulong           documents_handler;

  /* template widgets */
  GtkStack        *stack;
  GtkLabel        *programme_label;
  GtkLabel        *programme_details;
  GtkListBox      *list_box;
  LlPortfolioView *view;
};

static void ll_portfolios_place_place_init (LlPlaceInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LlPortfoliosPlace, ll_portfolios_place, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (LL_TYPE_PLACE, ll_portfolios_place_place_init))

static void
update_stack (LlPortfoliosPlace *self)
{
  const char *name;

  if (ll_portfolio_view_get_portfolio (self->view) != NULL)
    name = "portfolio";
  else if (self->documents != NULL && g_list_model_get_n_items (self->documents) > 0)
    name = "list";
  else
    name = "empty";
  gtk_stack_set_visible_child_name (self->stack, name);
}

/* The list --------------------------------------------------------------------- */

/* "Portfolio: Siân Pritchard" is listed as "Siân Pritchard" */
static const char *
participant_name (LlDocumentInfo *info)
{
  const char *title = ll_document_info_get_title (info);
  const char *colon = strstr (title, ": ");

  return colon != NULL ? colon + 2 : title;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  LlPortfoliosPlace *self = user_data;
  LlDocumentInfo *info = item;
  GtkWidget *row = adw_action_row_new ();
  LlPortfolioStatus status = ll_workbook_get_portfolio_status (self->workbook, ll_document_info_get_id (info));
  GtkWidget *badge = gtk_label_new (ll_portfolio_status_to_label (status));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), participant_name (info));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "ll-status");
  gtk_widget_add_css_class (badge, status == LL_PORTFOLIO_IN_PROGRESS ? "dim-label" : "accent");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "ll-id", GINT_TO_POINTER (0));
  g_object_set_data_full (G_OBJECT (row), "ll-info", g_object_ref (info), g_object_unref);
  return row;
}

static void
row_activated_cb (LlPortfoliosPlace *self,
                  GtkListBoxRow     *row)
{
  LlDocumentInfo *info = g_object_get_data (G_OBJECT (row), "ll-info");

  if (info != NULL)
    ll_portfolios_place_open (self, ll_document_info_get_id (info));
}

static void
update_programme (LlPortfoliosPlace *self)
{
  const LlProgramme *programme = self->workbook != NULL ? ll_workbook_get_programme (self->workbook, NULL) : NULL;
  g_autofree char *from = NULL;
  g_autofree char *until = NULL;
  g_autofree char *details = NULL;

  if (programme == NULL)
    return;
  gtk_label_set_text (self->programme_label, programme->title);
  from = ll_date_dup_long (programme->start_date);
  until = ll_date_dup_long (programme->end_date);
  if (programme->cohort != NULL && programme->cohort[0] != '\0')
    /* TRANSLATORS: the programme's cohort, then its dates */
    details = g_strdup_printf (_("Cohort %s · %s to %s"), programme->cohort, from, until);
  else
    details = g_strdup_printf (_("%s to %s"), from, until);
  gtk_label_set_text (self->programme_details, details);
}

static void
documents_changed_cb (GListModel        *documents,
                      guint              position,
                      guint              removed,
                      guint              added,
                      LlPortfoliosPlace *self)
{
  update_stack (self);
}

/* Opening ---------------------------------------------------------------------- */

void
ll_portfolios_place_open (LlPortfoliosPlace *self,
                          gint64             id)
{
  g_autoptr(GError) error = NULL;
  LlPortfolio *portfolio = NULL;

  g_return_if_fail (LL_IS_PORTFOLIOS_PLACE (self));

  ll_portfolio_view_flush (self->view);
  if (id != 0 && self->workbook != NULL)
    {
      portfolio = ll_workbook_open_portfolio (self->workbook, id, &error);
      if (portfolio == NULL)
        g_warning ("Portfolio %" G_GINT64_FORMAT " could not be opened: %s", id, error->message);
    }
  ll_portfolio_view_set_portfolio (self->view, self->workbook, portfolio);
  if (portfolio == NULL && self->documents != NULL)
    /* the statuses shown follow what happened in the portfolio */
    gtk_list_box_bind_model (self->list_box, self->documents, create_row, self, NULL);
  update_stack (self);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ll_portfolios_place_open (LL_PORTFOLIOS_PLACE (widget), 0);
}

/* The programme ---------------------------------------------------------------- */

static void
programme_closed_cb (GtkWindow         *window,
                     LlPortfoliosPlace *self)
{
  update_programme (self);
}

static void
programme_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LlPortfoliosPlace *self = LL_PORTFOLIOS_PLACE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *window;

  if (self->workbook == NULL)
    return;
  window = ll_programme_window_new (self->workbook);
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  g_signal_connect_object (window, "destroy", G_CALLBACK (programme_closed_cb), self, 0);
  gtk_window_present (GTK_WINDOW (window));
}

/* New Portfolio ------------------------------------------------------------------- */

static void
new_name_changed_cb (GtkEditable      *name,
                     AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (name)));

  adw_message_dialog_set_response_enabled (dialog, "add", text[0] != '\0');
}

static void
new_response_cb (AdwMessageDialog  *dialog,
                 const char        *response,
                 LlPortfoliosPlace *self)
{
  GtkEditable *name = g_object_get_data (G_OBJECT (dialog), "ll-name");
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (name)));
  g_autoptr(LlParticipant) participant = ll_participant_new ();
  g_autoptr(GError) error = NULL;
  LlPortfolio *portfolio;
  LlPerson *person;

  if (!g_str_equal (response, "add") || text[0] == '\0' || self->workbook == NULL)
    return;
  person = ll_workbook_add_person (self->workbook, text, LL_ROLE_TEACHER, &error);
  if (person == NULL)
    {
      g_warning ("The participant could not be added: %s", error->message);
      return;
    }
  participant->person_id = ll_person_get_id (person);
  portfolio = ll_workbook_add_portfolio (self->workbook, participant, &error);
  if (portfolio == NULL)
    {
      g_warning ("The portfolio could not be added: %s", error->message);
      return;
    }
  ll_portfolios_place_open (self, ll_portfolio_get_id (portfolio));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  LlPortfoliosPlace *self = LL_PORTFOLIOS_PLACE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog, *list, *name;

  if (self->workbook == NULL || ll_workbook_get_read_only (self->workbook))
    return;
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("New Portfolio"),
                                   _("Whose portfolio is it? Their school, role, tutor and work-based activity "
                                     "come next."));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  name = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name), _("The participant’s _name"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (name), TRUE);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (name), TRUE);
  gtk_list_box_append (GTK_LIST_BOX (list), name);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  g_object_set_data (G_OBJECT (dialog), "ll-name", name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "add", _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add", FALSE);
  g_signal_connect (name, "changed", G_CALLBACK (new_name_changed_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (new_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (name);
}

/* The workbook ------------------------------------------------------------------ */

static void
set_workbook (LlPortfoliosPlace *self,
              LlWorkbook        *workbook)
{
  LlDocumentKind *kind;

  ll_portfolio_view_set_portfolio (self->view, NULL, NULL);
  if (self->documents != NULL)
    g_clear_signal_handler (&self->documents_handler, self->documents);
  g_clear_object (&self->documents);
  g_set_object (&self->workbook, workbook);
  kind = workbook != NULL ? ll_workbook_find_kind (workbook, "portfolio") : NULL;
  if (kind != NULL)
    {
      self->documents = g_object_ref (ll_document_kind_get_documents (kind));
      self->documents_handler = g_signal_connect (self->documents, "items-changed",
                                                  G_CALLBACK (documents_changed_cb), self);
      gtk_list_box_bind_model (self->list_box, self->documents, create_row, self, NULL);
    }
  else
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  update_programme (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "portfolios.new",
                                 workbook != NULL && !ll_workbook_get_read_only (workbook));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "portfolios.programme",
                                 workbook != NULL && !ll_workbook_get_read_only (workbook));
  update_stack (self);
}

LlPortfolioView *
ll_portfolios_place_get_view (LlPortfoliosPlace *self)
{
  g_return_val_if_fail (LL_IS_PORTFOLIOS_PLACE (self), NULL);
  return self->view;
}

GtkListBox *
ll_portfolios_place_get_list (LlPortfoliosPlace *self)
{
  g_return_val_if_fail (LL_IS_PORTFOLIOS_PLACE (self), NULL);
  return self->list_box;
}

GtkWidget *
ll_portfolios_place_new (void)
{
  return g_object_new (LL_TYPE_PORTFOLIOS_PLACE, NULL);
}

/* The place in the window ---------------------------------------------------------- */

static const char *
place_get_name (LlPlace *place)
{
  return "portfolios";
}

static const char *
place_get_title (LlPlace *place)
{
  return _("Portfolios");
}

static const char *
place_get_icon_name (LlPlace *place)
{
  return "folder-documents-symbolic";
}

static void
place_set_workbook (LlPlace    *place,
                    LlWorkbook *workbook)
{
  set_workbook (LL_PORTFOLIOS_PLACE (place), workbook);
}

static void
place_flush (LlPlace *place)
{
  LlPortfoliosPlace *self = LL_PORTFOLIOS_PLACE (place);

  ll_portfolio_view_flush (self->view);
  if (self->workbook != NULL)
    ll_workbook_flush (self->workbook, NULL);
}

static gint64
place_get_current_document_id (LlPlace *place)
{
  LlPortfolio *portfolio = ll_portfolio_view_get_portfolio (LL_PORTFOLIOS_PLACE (place)->view);

  return portfolio != NULL ? ll_portfolio_get_id (portfolio) : 0;
}

static void
place_new_document (LlPlace *place)
{
  gtk_widget_activate_action (GTK_WIDGET (place), "portfolios.new", NULL);
}

static void
ll_portfolios_place_place_init (LlPlaceInterface *iface)
{
  iface->get_name = place_get_name;
  iface->get_title = place_get_title;
  iface->get_icon_name = place_get_icon_name;
  iface->set_workbook = place_set_workbook;
  iface->flush = place_flush;
  iface->get_current_document_id = place_get_current_document_id;
  iface->new_document = place_new_document;
}

static void
ll_portfolios_place_dispose (GObject *object)
{
  LlPortfoliosPlace *self = LL_PORTFOLIOS_PLACE (object);
  GtkWidget *child;

  if (self->view != NULL)
    ll_portfolio_view_flush (self->view);
  if (self->documents != NULL)
    g_clear_signal_handler (&self->documents_handler, self->documents);
  gtk_widget_dispose_template (GTK_WIDGET (self), LL_TYPE_PORTFOLIOS_PLACE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->documents);
  g_clear_object (&self->workbook);
  G_OBJECT_CLASS (ll_portfolios_place_parent_class)->dispose (object);
}

static void
ll_portfolios_place_class_init (LlPortfoliosPlaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ll_portfolios_place_dispose;

  g_type_ensure (LL_TYPE_PORTFOLIO_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/leadinglearning/LeadingLearning/ll-portfolios-place.ui");
  gtk_widget_class_bind_template_child (widget_class, LlPortfoliosPlace, stack);
  gtk_widget_class_bind_template_child (widget_class, LlPortfoliosPlace, programme_label);
  gtk_widget_class_bind_template_child (widget_class, LlPortfoliosPlace, programme_details);
  gtk_widget_class_bind_template_child (widget_class, LlPortfoliosPlace, list_box);
  gtk_widget_class_bind_template_child (widget_class, LlPortfoliosPlace, view);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_install_action (widget_class, "portfolios.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "portfolios.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "portfolios.programme", NULL, programme_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ll_portfolios_place_init (LlPortfoliosPlace *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "portfolios.new", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "portfolios.programme", FALSE);
}
