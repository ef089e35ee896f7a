/* ll-observation-filters.c: the bar that narrows the year's list
 *
 * One drop-down per kind of value, offering the values the observations
 * have (the teachers observed, the terms they fall in, the behaviours in
 * their focus…), each headed by "All …"; and a toggle for the follow-ups
 * that are due. The choices follow the list as observations are added and
 * edited, keeping what was chosen while some observation still has it.
 */
#define G_LOG_DOMAIN "ll-observation-filters"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ll-observation-filters.h"
#include "ll-term.h"

enum {
  FILTER_TEACHER,
  FILTER_OBSERVER,
  FILTER_YEAR_GROUP,
  FILTER_SUBJECT,
  FILTER_TERM,
  FILTER_STATUS,
  FILTER_FOCUS,
  N_FILTERS
};

static const struct {
  const char *property;
  const char *all;      /* the first choice: no narrowing */
  const char *label;    /* what a screen reader calls the drop-down */
} filter_info[N_FILTERS] = {
  { "teacher", N_("All teachers"), N_("Teacher") },
  { "observer", N_("All observers"), N_("Observer") },
  { "year-group", N_("All year groups"), N_("Year group") },
  { "subject", N_("All subjects"), N_("Subject") },
  { "term", N_("All terms"), N_("Term") },
  { "status", N_("Any status"), N_("Status") },
  { "focus", N_("All behaviours"), N_("Behaviour in the focus") },
};

/* the order statuses take, by id */
static const char * const status_order[] = { "planned", "observed", "discussed", "closed" };

struct _LlObservationFilters
{
  GtkWidget        parent_instance;

  GListModel      *items;
  GtkWidget       *flow;
  GtkDropDown     *dropdowns[N_FILTERS];
  GtkStringList   *values[N_FILTERS];
  GtkToggleButton *due;
  GtkWidget       *clear;
  gboolean         updating;       /* refilling the choices: not a choice */
};

G_DEFINE_FINAL_TYPE (LlObservationFilters, ll_observation_filters, GTK_TYPE_WIDGET)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static char *
term_label (LlObservationItem *item)
{
  LlTerm term;

  if (!ll_term_from_date (ll_observation_item_get_string (item, "date"), &term))
    return NULL;
  return ll_term_dup_label (&term);
}

static gboolean
is_due (LlObservationItem *item,
        const char        *today)
{
  const char *follow_up = ll_observation_item_get_string (item, "follow-up");

  return follow_up != NULL && follow_up[0] != '\0' && strcmp (follow_up, today) <= 0
         && g_strcmp0 (ll_observation_item_get_string (item, "status-id"), "closed") != 0;
}

/* What the chosen entry of @filter is, or NULL for "All …". */
static const char *
chosen (LlObservationFilters *self,
        guint                 filter)
{
  guint position = gtk_drop_down_get_selected (self->dropdowns[filter]);

  if (position == 0 || position == GTK_INVALID_LIST_POSITION)
    return NULL;
  return gtk_string_list_get_string (self->values[filter], position);
}

static gboolean
focus_has (const char *focus,
           const char *behaviour)
{
  g_auto(GStrv) names = g_strsplit (focus != NULL ? focus : "", ", ", -1);

  return g_strv_contains ((const char * const *) names, behaviour);
}

gboolean
ll_observation_filters_match (LlObservationFilters *self,
                              LlObservationItem    *item)
{
  g_return_val_if_fail (LL_IS_OBSERVATION_FILTERS (self), TRUE);
  g_return_val_if_fail (LL_IS_OBSERVATION_ITEM (item), TRUE);

  for (guint f = 0; f < N_FILTERS; f++)
    {
      const char *value = chosen (self, f);

      if (value == NULL)
        continue;
      if (f == FILTER_TERM)
        {
          g_autofree char *term = term_label (item);

          if (g_strcmp0 (term, value) != 0)
            return FALSE;
        }
      else if (f == FILTER_FOCUS)
        {
          if (!focus_has (ll_observation_item_get_string (item, "focus"), value))
            return FALSE;
        }
      else if (g_strcmp0 (ll_observation_item_get_string (item, filter_info[f].property), value) != 0)
        return FALSE;
    }
  if (gtk_toggle_button_get_active (self->due))
    {
      g_autofree char *today = today_iso ();

      return is_due (item, today);
    }
  return TRUE;
}

gboolean
ll_observation_filters_is_active (LlObservationFilters *self)
{
  g_return_val_if_fail (LL_IS_OBSERVATION_FILTERS (self), FALSE);

  for (guint f = 0; f < N_FILTERS; f++)
    if (chosen (self, f) != NULL)
      return TRUE;
  return gtk_toggle_button_get_active (self->due);
}

static void
emit_changed (LlObservationFilters *self)
{
  if (self->updating)
    return;
  gtk_widget_set_visible (self->clear, ll_observation_filters_is_active (self));
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* Values sorted as a person reads them: "Year 2" before "Year 10", terms
 * newest first, statuses in the order an observation goes through them. */
static int
compare_values (gconstpointer a,
                gconstpointer b,
                gpointer      data)
{
  const char *x = *(const char * const *) a;
  const char *y = *(const char * const *) b;
  g_autofree char *kx = g_utf8_collate_key_for_filename (x, -1);
  g_autofree char *ky = g_utf8_collate_key_for_filename (y, -1);

  return strcmp (kx, ky);
}

static void
collect (GHashTable *seen,
         GPtrArray  *values,
         const char *value)
{
  if (value == NULL || value[0] == '\0' || g_hash_table_contains (seen, value))
    return;
  g_hash_table_add (seen, g_strdup (value));
  g_ptr_array_add (values, g_strdup (value));
}

/* The distinct values of @filter among the items, in reading order. */
static GPtrArray *
distinct_values (LlObservationFilters *self,
                 guint                 filter,
                 guint                *n_due)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) term_keys = g_array_new (FALSE, FALSE, sizeof (LlTerm));
  g_autofree char *today = today_iso ();
  const char *status_labels[G_N_ELEMENTS (status_order)] = { NULL };
  guint n = self->items != NULL ? g_list_model_get_n_items (self->items) : 0;

  if (n_due != NULL)
    *n_due = 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LlObservationItem) item = g_list_model_get_item (self->items, i);

      if (n_due != NULL && is_due (item, today))
        (*n_due)++;
      switch (filter)
        {
        case FILTER_TERM:
          {
            LlTerm term;

            if (ll_term_from_date (ll_observation_item_get_string (item, "date"), &term))
              {
                g_autofree char *label = ll_term_dup_label (&term);

                if (!g_hash_table_contains (seen, label))
                  g_array_append_val (term_keys, term);
                collect (seen, values, label);
              }
          }
          break;
        case FILTER_FOCUS:
          {
            g_auto(GStrv) names = g_strsplit (ll_observation_item_get_string (item, "focus"), ", ", -1);

            for (guint k = 0; names[k] != NULL; k++)
              collect (seen, values, names[k]);
          }
          break;
        case FILTER_STATUS:
          for (guint k = 0; k < G_N_ELEMENTS (status_order); k++)
            if (g_strcmp0 (ll_observation_item_get_string (item, "status-id"), status_order[k]) == 0)
              status_labels[k] = ll_observation_item_get_string (item, "status");
          break;
        default:
          collect (seen, values, ll_observation_item_get_string (item, filter_info[filter].property));
          break;
        }
    }

  if (filter == FILTER_STATUS)
    {
      for (guint k = 0; k < G_N_ELEMENTS (status_order); k++)
        collect (seen, values, status_labels[k]);
    }
  else if (filter == FILTER_TERM)
    {
      /* newest first: sort the terms, then their labels by them */
      g_ptr_array_set_size (values, 0);
      g_array_sort (term_keys, (GCompareFunc) ll_term_compare);
      for (guint k = term_keys->len; k > 0; k--)
        g_ptr_array_add (values, ll_term_dup_label (&g_array_index (term_keys, LlTerm, k - 1)));
    }
  else
    g_ptr_array_sort_with_data (values, compare_values, NULL);
  return values;
}

static void
refill (LlObservationFilters *self)
{
  guint n_due = 0;

  self->updating = TRUE;
  for (guint f = 0; f < N_FILTERS; f++)
    {
      g_autofree char *was = g_strdup (chosen (self, f));
      g_autoptr(GPtrArray) values = distinct_values (self, f, f == 0 ? &n_due : NULL);
      guint keep = 0;
      guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->values[f]));

      g_ptr_array_add (values, NULL);
      gtk_string_list_splice (self->values[f], 1, n_old - 1, (const char * const *) values->pdata);
      for (guint k = 0; was != NULL && values->pdata[k] != NULL; k++)
        if (g_str_equal (values->pdata[k], was))
          keep = k + 1;
      gtk_drop_down_set_selected (self->dropdowns[f], keep);
    }
  {
    g_autofree char *label = n_due > 0 ? g_strdup_printf (_("Follow-ups Due (%u)"), n_due)
                                       : g_strdup (_("Follow-ups Due"));

    gtk_button_set_label (GTK_BUTTON (self->due), label);
  }
  self->updating = FALSE;
  emit_changed (self);
}

static void
items_changed_cb (LlObservationFilters *self)
{
  refill (self);
}

void
ll_observation_filters_set_model (LlObservationFilters *self,
                                  GListModel           *items)
{
  g_return_if_fail (LL_IS_OBSERVATION_FILTERS (self));
  g_return_if_fail (items == NULL || G_IS_LIST_MODEL (items));

  if (self->items != NULL)
    g_signal_handlers_disconnect_by_data (self->items, self);
  g_set_object (&self->items, items);
  if (items != NULL)
    g_signal_connect_object (items, "items-changed", G_CALLBACK (items_changed_cb), self,
                             G_CONNECT_SWAPPED);
  refill (self);
}

gboolean
ll_observation_filters_choose (LlObservationFilters *self,
                               const char           *property,
                               const char           *value)
{
  g_return_val_if_fail (LL_IS_OBSERVATION_FILTERS (self), FALSE);
  g_return_val_if_fail (property != NULL, FALSE);

  for (guint f = 0; f < N_FILTERS; f++)
    {
      guint n;

      if (!g_str_equal (filter_info[f].property, property))
        continue;
      if (value == NULL)
        {
          gtk_drop_down_set_selected (self->dropdowns[f], 0);
          return TRUE;
        }
      n = g_list_model_get_n_items (G_LIST_MODEL (self->values[f]));
      for (guint k = 1; k < n; k++)
        if (g_str_equal (gtk_string_list_get_string (self->values[f], k), value))
          {
            gtk_drop_down_set_selected (self->dropdowns[f], k);
            return TRUE;
          }
      return FALSE;
    }
  g_return_val_if_reached (FALSE);
}

void
ll_observation_filters_set_due (LlObservationFilters *self,
                                gboolean              due)
{
  g_return_if_fail (LL_IS_OBSERVATION_FILTERS (self));

  gtk_toggle_button_set_active (self->due, due);
}

void
ll_observation_filters_clear (LlObservationFilters *self)
{
  g_return_if_fail (LL_IS_OBSERVATION_FILTERS (self));

  self->updating = TRUE;
  for (guint f = 0; f < N_FILTERS; f++)
    gtk_drop_down_set_selected (self->dropdowns[f], 0);
  gtk_toggle_button_set_active (self->due, FALSE);
  self->updating = FALSE;
  emit_changed (self);
}

static void
clear_clicked_cb (LlObservationFilters *self)
{
  ll_observation_filters_clear (self);
}

GtkWidget *
ll_observation_filters_new (void)
{
  return g_object_new (LL_TYPE_OBSERVATION_FILTERS, NULL);
}

static void
add_to_flow (LlObservationFilters *self,
             GtkWidget            *child)
{
  GtkWidget *cell = gtk_flow_box_child_new ();

  /* the drop-down, not its cell, takes the focus */
  gtk_widget_set_focusable (cell, FALSE);
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (cell), child);
  gtk_flow_box_append (GTK_FLOW_BOX (self->flow), cell);
}

static void
ll_observation_filters_init (LlObservationFilters *self)
{
  self->flow = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->flow), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (self->flow), 6);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->flow), N_FILTERS + 2);
  gtk_widget_set_parent (self->flow, GTK_WIDGET (self));

  for (guint f = 0; f < N_FILTERS; f++)
    {
      const char * const all[] = { _(filter_info[f].all), NULL };

      self->values[f] = gtk_string_list_new (all);
      self->dropdowns[f] = GTK_DROP_DOWN (gtk_drop_down_new (g_object_ref (G_LIST_MODEL (self->values[f])),
                                                             NULL));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->dropdowns[f]), _(filter_info[f].label));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->dropdowns[f]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(filter_info[f].label), -1);
      g_signal_connect_swapped (self->dropdowns[f], "notify::selected", G_CALLBACK (emit_changed), self);
      add_to_flow (self, GTK_WIDGET (self->dropdowns[f]));
    }

  self->due = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_label (_("Follow-ups Due")));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->due),
                               _("Only the observations whose follow-up date has come and that are not closed"));
  g_signal_connect_swapped (self->due, "toggled", G_CALLBACK (emit_changed), self);
  add_to_flow (self, GTK_WIDGET (self->due));

  self->clear = gtk_button_new_with_mnemonic (_("C_lear Filters"));
  gtk_widget_add_css_class (self->clear, "flat");
  gtk_widget_set_visible (self->clear, FALSE);
  g_signal_connect_swapped (self->clear, "clicked", G_CALLBACK (clear_clicked_cb), self);
  add_to_flow (self, self->clear);
}

static void
ll_observation_filters_dispose (GObject *object)
{
  LlObservationFilters *self = LL_OBSERVATION_FILTERS (object);

  if (self->items != NULL)
    g_signal_handlers_disconnect_by_data (self->items, self);
  g_clear_object (&self->items);
  g_clear_pointer (&self->flow, gtk_widget_unparent);
  for (guint f = 0; f < N_FILTERS; f++)
    g_clear_object (&self->values[f]);
  G_OBJECT_CLASS (ll_observation_filters_parent_class)->dispose (object);
}

static void
ll_observation_filters_class_init (LlObservationFiltersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ll_observation_filters_dispose;

  /**
   * LlObservationFilters::changed:
   *
   * A choice was made or cleared, or the list's values changed it.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                          NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}
