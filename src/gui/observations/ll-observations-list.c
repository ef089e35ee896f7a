/* ll-observations-list.c: the Observations place's list of the year
 *
 * The year's observations in a column view, sorted by any column and
 * searched as the user types over every text of them, narrowed by the
 * filters, with a label that says how many are left.
 */
#define G_LOG_DOMAIN "ll-observations-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ll-observations-page-private.h"

#define SEARCH_LIMIT 500

static void
label_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

/* "2026-12-04" as a person reads it in a list: "4 Dec 2026". */
static gboolean
short_date_cb (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  const char *iso = g_value_get_string (from);
  int year, month, day;
  g_autoptr(GDateTime) date = NULL;

  if (iso != NULL && sscanf (iso, "%4d-%2d-%2d", &year, &month, &day) == 3)
    date = g_date_time_new_local (year, month, day, 12, 0, 0);
  if (date == NULL)
    g_value_set_string (to, iso);
  else
    /* TRANSLATORS: a date in the list of observations, as strftime() has it */
    g_value_take_string (to, g_date_time_format (date, _("%-d %b %Y")));
  return TRUE;
}

static void
label_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               const char               *property)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  GObject *item = gtk_list_item_get_item (list_item);
  GBinding *binding;

  if (g_str_equal (property, "date"))
    binding = g_object_bind_property_full (item, property, label, "label", G_BINDING_SYNC_CREATE,
                                           short_date_cb, NULL, NULL, NULL);
  else
    binding = g_object_bind_property (item, property, label, "label", G_BINDING_SYNC_CREATE);
  g_object_set_data (G_OBJECT (label), "ll-binding", binding);
}

static void
label_unbind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  GBinding *binding = g_object_get_data (G_OBJECT (label), "ll-binding");

  if (binding != NULL)
    g_binding_unbind (binding);
  g_object_set_data (G_OBJECT (label), "ll-binding", NULL);
}

/* The matching words of a search hit, in bold. */
static char *
snippet_markup (const char *snippet)
{
  g_autoptr(GString) markup = g_string_new (NULL);

  for (const char *p = snippet; *p != '\0';)
    {
      const char *end = p;

      while (*end != '\0' && *end != '\002' && *end != '\003')
        end++;
      if (end > p)
        {
          g_autofree char *text = g_markup_escape_text (p, end - p);

          g_string_append (markup, text);
        }
      if (*end == '\002')
        g_string_append (markup, "<b>");
      else if (*end == '\003')
        g_string_append (markup, "</b>");
      p = *end != '\0' ? end + 1 : end;
    }
  return g_string_free (g_steal_pointer (&markup), FALSE);
}

static void
match_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               LlObservationsPage       *self)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  gint64 id = ll_observation_item_get_id (gtk_list_item_get_item (list_item));
  const char *snippet = self->hits != NULL ? g_hash_table_lookup (self->hits, &id) : NULL;
  g_autofree char *markup = snippet_markup (snippet != NULL ? snippet : "");

  gtk_label_set_markup (GTK_LABEL (label), markup);
}

static GtkColumnViewColumn *
add_column (LlObservationsPage *self,
            const char         *title,
            const char         *property,
            gboolean            expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkSorter) sorter = NULL;
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (label_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (label_bind_cb), (gpointer) property);
  g_signal_connect (factory, "unbind", G_CALLBACK (label_unbind_cb), NULL);
  column = gtk_column_view_column_new (title, factory);
  sorter = GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (LL_TYPE_OBSERVATION_ITEM, NULL,
                                                                          property)));
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
  return column;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  LlObservationsPage *self = user_data;
  gint64 id = ll_observation_item_get_id (item);

  return (self->hits == NULL || g_hash_table_contains (self->hits, &id))
         && ll_observation_filters_match (self->filters, item);
}

/* Says how many observations the search and the filters leave. */
static void
update_results (LlObservationsPage *self)
{
  gboolean filtering = ll_observation_filters_is_active (self->filters);
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  GListModel *all = gtk_filter_list_model_get_model (self->filtered);
  guint total = all != NULL ? g_list_model_get_n_items (all) : 0;
  g_autofree char *text = NULL;

  if (self->hits != NULL && shown == 0)
    text = g_strdup (_("No observation has these words."));
  else if (shown == 0 && filtering)
    text = g_strdup (_("No observation passes these filters."));
  else if (self->hits != NULL && !filtering)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u observation has these words.",
                                         "%u observations have these words.", shown), shown);
  else if (self->hits != NULL)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u observation passes the filters and has these words.",
                                         "%u observations pass the filters and have these words.", shown),
                            shown);
  else if (filtering)
    /* TRANSLATORS: "Showing 12 of 40 observations." */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Showing %u of %u observation.",
                                         "Showing %u of %u observations.", total), shown, total);
  if (text != NULL)
    gtk_label_set_text (self->results_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->results_label), text != NULL);
}

static void
search_changed_cb (LlObservationsPage *self)
{
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree char *query = g_strstrip (g_strdup (typed));

  g_clear_pointer (&self->hits, g_hash_table_unref);
  if (self->workbook != NULL && query[0] != '\0')
    hits = ll_workbook_search_observations (self->workbook, query, SEARCH_LIMIT, NULL);
  if (hits != NULL)
    {
      self->hits = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
      for (guint i = 0; i < hits->len; i++)
        {
          LlObservationHit *hit = g_ptr_array_index (hits, i);

          g_hash_table_insert (self->hits, g_memdup2 (&hit->id, sizeof hit->id), g_strdup (hit->snippet));
        }
    }
  gtk_column_view_column_set_visible (self->match_column, self->hits != NULL);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_results (self);
}

static void
filters_changed_cb (LlObservationsPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_results (self);
}

static void
row_activated_cb (LlObservationsPage *self,
                  guint               position)
{
  g_autoptr(LlObservationItem) item = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (item != NULL)
    ll_observations_page_open (self, ll_observation_item_get_id (item));
}

GListModel *
ll_observations_page_get_shown (LlObservationsPage *self)
{
  g_return_val_if_fail (LL_IS_OBSERVATIONS_PAGE (self), NULL);
  return G_LIST_MODEL (self->sorted);
}

void
_ll_observations_page_class_init_list (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

void
_ll_observations_page_init_list (LlObservationsPage *self)
{
  GtkColumnViewColumn *date_column;
  GtkListItemFactory *factory;
  GtkSingleSelection *selection;

  /* the list: filtered by the search, sorted by the column chosen */
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (self->filtered), NULL);
  selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->sorted)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  date_column = add_column (self, _("Date"), "date", FALSE);
  add_column (self, _("Teacher"), "teacher", TRUE);
  add_column (self, _("Class"), "class-group", FALSE);
  add_column (self, _("Year group"), "year-group", FALSE);
  add_column (self, _("Subject"), "subject", TRUE);
  add_column (self, _("Focus"), "focus", TRUE);
  add_column (self, _("Status"), "status", FALSE);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (label_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (match_bind_cb), self);
  self->match_column = gtk_column_view_column_new (_("Where the words are"), factory);
  gtk_column_view_column_set_expand (self->match_column, TRUE);
  gtk_column_view_column_set_visible (self->match_column, FALSE);
  gtk_column_view_append_column (self->column_view, self->match_column);
  g_object_unref (self->match_column);
  gtk_sort_list_model_set_sorter (self->sorted, gtk_column_view_get_sorter (self->column_view));
  gtk_column_view_sort_by_column (self->column_view, date_column, GTK_SORT_DESCENDING);
}
