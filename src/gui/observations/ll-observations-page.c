/* ll-observations-page.c: the Observations place
 *
 * The page is a stack of the year's list (ll-observations-list.c), the form
 * of one observation (ll-observations-form.c), the trends and an empty
 * state. This file holds the stack, the page's actions (observations.new,
 * .back, .trends and .frameworks), opening an observation, the workbook
 * and the page as an LlPlace.
 */
#define G_LOG_DOMAIN "ll-observations-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ll-framework-editor.h"
#include "ll-observations-page-private.h"

static void ll_observations_page_place_init (LlPlaceInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LlObservationsPage, ll_observations_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (LL_TYPE_PLACE, ll_observations_page_place_init))

/* The stack ------------------------------------------------------------------ */

static void
update_stack (LlObservationsPage *self)
{
  const char *name;

  if (self->observation != NULL)
    name = "form";
  else if (self->showing_trends && self->workbook != NULL)
    name = "trends";
  else if (self->workbook != NULL && g_list_model_get_n_items (ll_workbook_get_observations (self->workbook)) > 0)
    name = "list";
  else
    name = "empty";
  gtk_stack_set_visible_child_name (self->stack, name);
}

/* Opening and closing -------------------------------------------------------- */

void
ll_observations_page_flush (LlObservationsPage *self)
{
  g_return_if_fail (LL_IS_OBSERVATIONS_PAGE (self));
  if (self->workbook != NULL)
    ll_workbook_flush (self->workbook, NULL);
}

void
ll_observations_page_open (LlObservationsPage *self,
                           gint64              id)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (LL_IS_OBSERVATIONS_PAGE (self));

  ll_observations_page_flush (self);
  ll_live_notes_set_observation (self->live_notes, NULL, NULL);
  g_clear_object (&self->observation);
  if (id != 0 && self->workbook != NULL)
    {
      self->observation = ll_workbook_open_observation (self->workbook, id, &error);
      if (self->observation == NULL)
        g_warning ("Observation %" G_GINT64_FORMAT " could not be opened: %s", id, error->message);
    }
  if (self->observation != NULL)
    _ll_observations_page_fill_form (self);
  update_stack (self);
  if (self->observation != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->live_notes));
  else if (self->workbook != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

gint64
ll_observations_page_get_current_id (LlObservationsPage *self)
{
  g_return_val_if_fail (LL_IS_OBSERVATIONS_PAGE (self), 0);
  return self->observation != NULL ? ll_observation_get_id (self->observation) : 0;
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  LlObservationsPage *self = LL_OBSERVATIONS_PAGE (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(LlObservation) observation = NULL;
  g_autoptr(GError) error = NULL;

  if (self->workbook == NULL || ll_workbook_get_read_only (self->workbook))
    return;
  observation = ll_workbook_add_observation (self->workbook, today, &error);
  if (observation == NULL)
    {
      g_warning ("A new observation could not be made: %s", error->message);
      return;
    }
  ll_observations_page_open (self, ll_observation_get_id (observation));
  /* the details come first: where the observer starts */
  gtk_widget_grab_focus (GTK_WIDGET (self->class_row));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LL_OBSERVATIONS_PAGE (widget)->showing_trends = FALSE;
  ll_observations_page_open (LL_OBSERVATIONS_PAGE (widget), 0);
}

static void
trends_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LlObservationsPage *self = LL_OBSERVATIONS_PAGE (widget);

  if (self->workbook == NULL)
    return;
  ll_observations_page_open (self, 0);
  self->showing_trends = TRUE;
  /* what was written a moment ago counts */
  ll_trends_view_set_workbook (self->trends_view, self->workbook);
  ll_trends_view_refresh (self->trends_view);
  update_stack (self);
}

static void
frameworks_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LlObservationsPage *self = LL_OBSERVATIONS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *editor;

  if (self->workbook == NULL)
    return;
  editor = ll_framework_editor_new (self->workbook);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
items_changed_cb (LlObservationsPage *self)
{
  if (self->observation == NULL)
    update_stack (self);
}

void
ll_observations_page_set_workbook (LlObservationsPage *self,
                                   LlWorkbook         *workbook)
{
  g_return_if_fail (LL_IS_OBSERVATIONS_PAGE (self));

  ll_observations_page_open (self, 0);
  if (self->workbook != NULL)
    g_signal_handlers_disconnect_by_data (ll_workbook_get_observations (self->workbook), self);
  g_set_object (&self->workbook, workbook);
  /* the trends are read when they are shown; until then nothing holds the workbook */
  self->showing_trends = FALSE;
  ll_trends_view_set_workbook (self->trends_view, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_filter_list_model_set_model (self->filtered, workbook != NULL ? ll_workbook_get_observations (workbook) : NULL);
  ll_observation_filters_clear (self->filters);
  ll_observation_filters_set_model (self->filters,
                                    workbook != NULL ? ll_workbook_get_observations (workbook) : NULL);
  if (workbook != NULL)
    g_signal_connect_object (ll_workbook_get_observations (workbook), "items-changed",
                             G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "observations.new",
                                 workbook != NULL && !ll_workbook_get_read_only (workbook));
  update_stack (self);
}

GtkWidget *
ll_observations_page_new (void)
{
  return g_object_new (LL_TYPE_OBSERVATIONS_PAGE, NULL);
}

/* The place in the window */

static const char *
place_get_name (LlPlace *place)
{
  return "observations";
}

static const char *
place_get_title (LlPlace *place)
{
  return _("Observations");
}

static const char *
place_get_icon_name (LlPlace *place)
{
  return "view-reveal-symbolic";
}

static void
place_set_workbook (LlPlace    *place,
                    LlWorkbook *workbook)
{
  ll_observations_page_set_workbook (LL_OBSERVATIONS_PAGE (place), workbook);
}

static void
place_flush (LlPlace *place)
{
  ll_observations_page_flush (LL_OBSERVATIONS_PAGE (place));
}

static gint64
place_get_current_document_id (LlPlace *place)
{
  return ll_observations_page_get_current_id (LL_OBSERVATIONS_PAGE (place));
}

static void
place_new_document (LlPlace *place)
{
  gtk_widget_activate_action (GTK_WIDGET (place), "observations.new", NULL);
}

static void
ll_observations_page_place_init (LlPlaceInterface *iface)
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
ll_observations_page_dispose (GObject *object)
{
  LlObservationsPage *self = LL_OBSERVATIONS_PAGE (object);
  GtkWidget *child;

  if (self->live_notes != NULL)
    ll_live_notes_set_observation (self->live_notes, NULL, NULL);
  if (self->workbook != NULL)
    ll_workbook_flush (self->workbook, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LL_TYPE_OBSERVATIONS_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->observation);
  g_clear_object (&self->framework);
  g_clear_object (&self->workbook);
  g_clear_object (&self->sorted);
  g_clear_pointer (&self->hits, g_hash_table_unref);
  G_OBJECT_CLASS (ll_observations_page_parent_class)->dispose (object);
}

static void
ll_observations_page_finalize (GObject *object)
{
  LlObservationsPage *self = LL_OBSERVATIONS_PAGE (object);

  g_array_unref (self->people);
  g_clear_pointer (&self->framework_ids, g_array_unref);
  g_ptr_array_unref (self->focus_checks);
  g_ptr_array_unref (self->focus_rows);
  g_ptr_array_unref (self->level_rows);
  G_OBJECT_CLASS (ll_observations_page_parent_class)->finalize (object);
}

static void
ll_observations_page_class_init (LlObservationsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ll_observations_page_dispose;
  object_class->finalize = ll_observations_page_finalize;

  g_type_ensure (LL_TYPE_LIVE_NOTES);
  g_type_ensure (LL_TYPE_OBSERVATION_FILTERS);
  g_type_ensure (LL_TYPE_TRENDS_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/leadinglearning/LeadingLearning/ll-observations-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LlObservationsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LlObservationsPage, trends_view);
  gtk_widget_class_bind_template_child (widget_class, LlObservationsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LlObservationsPage, filters);
  gtk_widget_class_bind_template_child (widget_class, LlObservationsPage, results_label);
  gtk_widget_class_bind_template_child (widget_class, LlObservationsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, LlObservationsPage, form_title);
  gtk_widget_class_bind_template_child (widget_class, LlObservationsPage, details_group);
  gtk_widget_class_bind_template_child (widget_class, LlObservationsPage, focus_group);
  gtk_widget_class_bind_template_child (widget_class, LlObservationsPage, live_notes);
  gtk_widget_class_bind_template_child (widget_class, LlObservationsPage, levels_group);
  gtk_widget_class_bind_template_child (widget_class, LlObservationsPage, texts_box);
  gtk_widget_class_bind_template_child (widget_class, LlObservationsPage, steps_group);
  _ll_observations_page_class_init_list (widget_class);
  gtk_widget_class_install_action (widget_class, "observations.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "observations.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "observations.trends", NULL, trends_action);
  gtk_widget_class_install_action (widget_class, "observations.frameworks", NULL, frameworks_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ll_observations_page_init (LlObservationsPage *self)
{
  self->people = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->focus_checks = g_ptr_array_new ();
  self->focus_rows = g_ptr_array_new ();
  self->level_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  _ll_observations_page_init_list (self);
  _ll_observations_page_init_form (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "observations.new", FALSE);
}
