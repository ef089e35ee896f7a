/* ll-framework-editor.c: editing the frameworks of learning behaviours
 *
 * Each page works on a copy of one framework. A change is made to a new
 * copy, which the workbook takes only when the framework's rules hold and
 * no behaviour that observations refer to is lost; then it becomes the
 * page's copy. So the file always holds a whole, valid framework, and a
 * change that is refused leaves both the file and the page as they were.
 */
#define G_LOG_DOMAIN "ll-observations"

#include "config.h"

#include <glib/gi18n.h>

#include "ll-framework-editor.h"
#include "ll-workbook-observations.h"

typedef struct
{
  LlFrameworkEditor  *editor;     /* unowned */
  gint64              id;
  LlFramework        *working;
  AdwPreferencesPage *page;
  GPtrArray          *groups;     /* of AdwPreferencesGroup, one per group */
  GtkWidget          *add_group;  /* the group of the Add Group row, last */
  GtkStringList      *group_names; /* what each behaviour's Group row offers */
  gboolean            updating;   /* the rows are being made again */
} FrameworkPage;

struct _LlFrameworkEditor
{
  AdwPreferencesWindow  parent_instance;

  LlWorkbook           *workbook;
  GPtrArray            *pages;    /* of FrameworkPage */
};

G_DEFINE_FINAL_TYPE (LlFrameworkEditor, ll_framework_editor, ADW_TYPE_PREFERENCES_WINDOW)

static void
framework_page_free (FrameworkPage *page)
{
  g_clear_object (&page->working);
  g_clear_pointer (&page->groups, g_ptr_array_unref);
  g_clear_object (&page->group_names);
  g_free (page);
}

/* Offers @candidate to the workbook; on success it becomes the page's copy. */
static gboolean
commit (FrameworkPage *page,
        LlFramework   *candidate,
        GError       **error)
{
  if (!ll_workbook_update_framework (page->editor->workbook, page->id, candidate, error))
    return FALSE;
  g_set_object (&page->working, candidate);
  return TRUE;
}

static void
toast (LlFrameworkEditor *self,
       const char        *message)
{
  AdwToast *shown = adw_toast_new (message);

  adw_toast_set_timeout (shown, 6);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), shown);
}

/* Where the behaviour @id is in @framework now. */
static gboolean
locate (LlFramework *framework,
        const char  *id,
        guint       *group,
        guint       *index)
{
  if (ll_framework_find_behaviour (framework, id, group) == NULL)
    return FALSE;
  for (guint i = 0; i < ll_framework_get_n_behaviours (framework, *group); i++)
    if (g_str_equal (ll_framework_get_behaviour (framework, *group, i)->id, id))
      {
        *index = i;
        return TRUE;
      }
  return FALSE;
}

/* A field refused (an empty name, say) shows as an error until it is put
 * right; the workbook keeps what was there. */
static void
show_valid (GtkWidget *row,
            gboolean   valid)
{
  if (valid)
    gtk_widget_remove_css_class (row, "error");
  else
    gtk_widget_add_css_class (row, "error");
}

static void
on_framework_field_changed (AdwEntryRow *row,
                            GParamSpec  *pspec,
                            gpointer     user_data)
{
  FrameworkPage *page = user_data;
  g_autoptr(LlFramework) candidate = ll_framework_copy (page->working);
  const char *field = g_object_get_data (G_OBJECT (row), "field");
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  gboolean ok;

  if (g_str_equal (field, "name"))
    ll_framework_set_name (candidate, text);
  else
    ll_framework_set_description (candidate, text);
  ok = commit (page, candidate, NULL);
  show_valid (GTK_WIDGET (row), ok);
  if (ok && g_str_equal (field, "name"))
    adw_preferences_page_set_title (page->page, text);
}

static void
on_behaviour_field_changed (AdwEntryRow *row,
                            GParamSpec  *pspec,
                            gpointer     user_data)
{
  FrameworkPage *page = user_data;
  AdwExpanderRow *expander = g_object_get_data (G_OBJECT (row), "expander");
  const char *id = g_object_get_data (G_OBJECT (row), "behaviour");
  const char *field = g_object_get_data (G_OBJECT (row), "field");
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autoptr(LlFramework) candidate = NULL;
  const LlBehaviour *behaviour;
  guint group, index;
  gboolean name, ok;

  if (!locate (page->working, id, &group, &index))
    return;
  name = g_str_equal (field, "name");
  candidate = ll_framework_copy (page->working);
  behaviour = ll_framework_get_behaviour (page->working, group, index);
  ll_framework_set_behaviour (candidate, group, index,
                              name ? text : behaviour->name,
                              name ? behaviour->description : text);
  ok = commit (page, candidate, NULL);
  show_valid (GTK_WIDGET (row), ok);
  if (!ok)
    return;
  if (name)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), text);
  else
    adw_expander_row_set_subtitle (expander, text);
}

static void
on_remove_clicked (GtkButton *button,
                   gpointer   user_data)
{
  FrameworkPage *page = user_data;
  GtkWidget *expander = g_object_get_data (G_OBJECT (button), "expander");
  const char *id = g_object_get_data (G_OBJECT (button), "behaviour");
  g_autoptr(LlFramework) candidate = NULL;
  g_autoptr(GError) error = NULL;
  guint group, index;

  if (!locate (page->working, id, &group, &index))
    return;
  candidate = ll_framework_copy (page->working);
  ll_framework_remove_behaviour (candidate, group, index);
  if (!commit (page, candidate, &error))
    {
      toast (page->editor, error->message);
      return;
    }
  g_hash_table_remove (g_object_get_data (G_OBJECT (g_object_get_data (G_OBJECT (button), "group")), "rows"),
                       id);
  adw_preferences_group_remove (ADW_PREFERENCES_GROUP (g_object_get_data (G_OBJECT (button), "group")),
                                expander);
}

static GtkWidget *
entry_row (const char *title,
           const char *text,
           const char *field)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_object_set_data (G_OBJECT (row), "field", (gpointer) field);
  return row;
}

/* What has the keyboard after the rows were made again. */
typedef struct
{
  GtkWidget *widget;
  GtkWidget *expander;
} Focus;

static gboolean
focus_later_cb (gpointer data)
{
  Focus *focus = data;

  if (focus->expander != NULL)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (focus->expander), TRUE);
  if (gtk_widget_get_root (focus->widget) != NULL)
    gtk_widget_grab_focus (focus->widget);
  g_clear_object (&focus->widget);
  g_clear_object (&focus->expander);
  g_free (focus);
  return G_SOURCE_REMOVE;
}

/* Gives @widget the keyboard once the rows are settled, opening
 * @expander (may be NULL) first: a row taken out and put back loses the
 * focus, and taking it within the click that moved it confuses GTK. */
static void
focus_later (GtkWidget *widget,
             GtkWidget *expander)
{
  Focus *focus = g_new0 (Focus, 1);

  focus->widget = g_object_ref (widget);
  focus->expander = expander != NULL ? g_object_ref (expander) : NULL;
  g_idle_add (focus_later_cb, focus);
}

/* The rows of a group are sorted by their place in the framework: the
 * group's own row first, the behaviours in order, the row that adds one
 * last. Sorting moves them without taking them out, so that the keyboard
 * stays where it was. */
static int
compare_rows (GtkListBoxRow *a,
              GtkListBoxRow *b,
              gpointer       user_data)
{
  int first = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (a), "position"));
  int second = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (b), "position"));

  return first < second ? -1 : first > second;
}

/* Puts the rows of @group in the order of its behaviours in the page's
 * framework. */
static void
order_rows (FrameworkPage *page,
            GtkWidget     *group)
{
  GHashTable *rows = g_object_get_data (G_OBJECT (group), "rows");
  const char *group_id = g_object_get_data (G_OBJECT (group), "group-id");
  GtkWidget *add_row = g_object_get_data (G_OBJECT (group), "add-row");
  GtkWidget *about = g_object_get_data (G_OBJECT (group), "about-row");
  GtkWidget *list = gtk_widget_get_ancestor (about, GTK_TYPE_LIST_BOX);
  guint index = G_MAXUINT;

  for (guint g = 0; g < ll_framework_get_n_groups (page->working); g++)
    if (g_str_equal (ll_framework_get_group_id (page->working, g), group_id))
      index = g;
  if (index == G_MAXUINT || list == NULL)
    return;
  g_object_set_data (G_OBJECT (about), "position", GINT_TO_POINTER (0));
  for (guint i = 0; i < ll_framework_get_n_behaviours (page->working, index); i++)
    {
      GtkWidget *row = g_hash_table_lookup (rows, ll_framework_get_behaviour (page->working, index, i)->id);

      if (row != NULL)
        g_object_set_data (G_OBJECT (row), "position", GINT_TO_POINTER ((int) i + 1));
    }
  g_object_set_data (G_OBJECT (add_row), "position", GINT_TO_POINTER (G_MAXINT));
  gtk_list_box_set_sort_func (GTK_LIST_BOX (list), compare_rows, NULL, NULL);
  gtk_list_box_invalidate_sort (GTK_LIST_BOX (list));
}

static void on_move_clicked (GtkButton *button,
                             gpointer   user_data);
static void on_group_chosen (AdwComboRow *row,
                             GParamSpec  *pspec,
                             gpointer     user_data);
static void on_remove_group_clicked (GtkButton *button,
                                     gpointer   user_data);
static void sync_group_names (FrameworkPage *page);

static GtkWidget *
behaviour_row (FrameworkPage       *page,
               AdwPreferencesGroup *group,
               const LlBehaviour   *behaviour)
{
  GtkWidget *expander = adw_expander_row_new ();
  GtkWidget *name = entry_row (_("_Name"), behaviour->name, "name");
  GtkWidget *description = entry_row (_("_Description"), behaviour->description, "description");
  GtkWidget *group_choice = adw_combo_row_new ();
  GtkWidget *remove_row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_with_mnemonic (_("_Remove Behaviour"));
  GtkWidget *up = gtk_button_new_from_icon_name ("go-up-symbolic");
  GtkWidget *down = gtk_button_new_from_icon_name ("go-down-symbolic");
  GtkWidget *rows[] = { name, description, group_choice, remove, up, down };
  guint group_index = 0;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), behaviour->name);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), behaviour->description);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_object_set_data_full (G_OBJECT (rows[i]), "behaviour", g_strdup (behaviour->id), g_free);
      g_object_set_data (G_OBJECT (rows[i]), "expander", expander);
    }
  g_object_set_data (G_OBJECT (remove), "group", group);
  g_object_set_data (G_OBJECT (up), "group", group);
  g_object_set_data (G_OBJECT (down), "group", group);
  g_hash_table_insert (g_object_get_data (G_OBJECT (group), "rows"), g_strdup (behaviour->id), expander);
  g_signal_connect (name, "notify::text", G_CALLBACK (on_behaviour_field_changed), page);
  g_signal_connect (description, "notify::text", G_CALLBACK (on_behaviour_field_changed), page);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "destructive-action");
  gtk_widget_set_tooltip_text (remove, _("A behaviour that observations refer to cannot be removed"));
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked), page);
  adw_action_row_add_suffix (ADW_ACTION_ROW (remove_row), remove);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (remove_row), _("Its place, or out of the framework"));
  {
    GtkWidget *const moves[] = { up, down };
    const char *const labels[] = { N_("Move Up"), N_("Move Down") };

    /* each prefix goes before the others: Move Down first, so that Move Up comes first */
    for (guint i = G_N_ELEMENTS (moves); i-- > 0;)
      {
        gtk_widget_set_valign (moves[i], GTK_ALIGN_CENTER);
        gtk_widget_add_css_class (moves[i], "flat");
        gtk_widget_set_tooltip_text (moves[i], _(labels[i]));
        gtk_accessible_update_property (GTK_ACCESSIBLE (moves[i]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _(labels[i]), -1);
        g_object_set_data (G_OBJECT (moves[i]), "step", GINT_TO_POINTER (i == 0 ? -1 : 1));
        g_signal_connect (moves[i], "clicked", G_CALLBACK (on_move_clicked), page);
        adw_action_row_add_prefix (ADW_ACTION_ROW (remove_row), moves[i]);
      }
  }

  /* the group it belongs to, among the framework's groups */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (group_choice), _("_Group"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (group_choice), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (group_choice), G_LIST_MODEL (page->group_names));
  ll_framework_find_behaviour (page->working, behaviour->id, &group_index);
  adw_combo_row_set_selected (ADW_COMBO_ROW (group_choice), group_index);
  g_signal_connect (group_choice, "notify::selected", G_CALLBACK (on_group_chosen), page);

  g_object_set_data (G_OBJECT (expander), "name-row", name);
  g_object_set_data (G_OBJECT (expander), "group-row", group_choice);
  g_object_set_data (G_OBJECT (expander), "move-up", up);
  g_object_set_data (G_OBJECT (expander), "move-down", down);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), name);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), description);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), group_choice);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), remove_row);
  return expander;
}

static void
on_move_clicked (GtkButton *button,
                 gpointer   user_data)
{
  FrameworkPage *page = user_data;
  const char *id = g_object_get_data (G_OBJECT (button), "behaviour");
  GtkWidget *group = g_object_get_data (G_OBJECT (button), "group");
  GtkWidget *expander = g_object_get_data (G_OBJECT (button), "expander");
  int step = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "step"));
  g_autoptr(LlFramework) candidate = NULL;
  guint group_index, index;

  if (!locate (page->working, id, &group_index, &index)
      || (step < 0 && index == 0)
      || (step > 0 && index + 1 >= ll_framework_get_n_behaviours (page->working, group_index)))
    return;
  candidate = ll_framework_copy (page->working);
  ll_framework_move_behaviour (candidate, group_index, index, index + step);
  if (!commit (page, candidate, NULL))
    return;
  order_rows (page, group);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
}

static void
on_add_clicked (GtkButton *button,
                gpointer   user_data)
{
  FrameworkPage *page = user_data;
  AdwPreferencesGroup *group = g_object_get_data (G_OBJECT (button), "group");
  const char *group_id = g_object_get_data (G_OBJECT (button), "group-id");
  GtkWidget *add_row = g_object_get_data (G_OBJECT (button), "row");
  g_autoptr(LlFramework) candidate = ll_framework_copy (page->working);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  const char *name = _("New behaviour");
  GtkWidget *row;
  guint index = 0;

  for (guint g = 0; g < ll_framework_get_n_groups (candidate); g++)
    if (g_str_equal (ll_framework_get_group_id (candidate, g), group_id))
      index = g;
  id = ll_framework_make_id (candidate, name);
  ll_framework_add_behaviour (candidate, index, id, name, "");
  if (!commit (page, candidate, &error))
    {
      toast (page->editor, error->message);
      return;
    }
  /* the new row goes before the one that adds, open for its name */
  row = behaviour_row (page, group, ll_framework_find_behaviour (page->working, id, NULL));
  g_object_ref (add_row);
  adw_preferences_group_remove (group, add_row);
  adw_preferences_group_add (group, row);
  adw_preferences_group_add (group, add_row);
  g_object_unref (add_row);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (g_object_get_data (G_OBJECT (row), "name-row")));
}

static void
on_group_field_changed (AdwEntryRow *row,
                        GParamSpec  *pspec,
                        gpointer     user_data)
{
  FrameworkPage *page = user_data;
  const char *group_id = g_object_get_data (G_OBJECT (row), "group-id");
  const char *field = g_object_get_data (G_OBJECT (row), "field");
  AdwPreferencesGroup *group = g_object_get_data (G_OBJECT (row), "group");
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autoptr(LlFramework) candidate = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  gboolean name, ok;
  guint index = G_MAXUINT;

  for (guint g = 0; g < ll_framework_get_n_groups (page->working); g++)
    if (g_str_equal (ll_framework_get_group_id (page->working, g), group_id))
      index = g;
  if (index == G_MAXUINT)
    return;
  name = g_str_equal (field, "name");
  candidate = ll_framework_copy (page->working);
  ll_framework_set_group (candidate, index,
                          name ? text : ll_framework_get_group_name (page->working, index),
                          name ? ll_framework_get_group_description (page->working, index) : text);
  /* a group needs a name, as a behaviour does */
  ok = (!name || stripped[0] != '\0') && commit (page, candidate, NULL);
  show_valid (GTK_WIDGET (row), ok);
  if (!ok)
    return;
  if (name)
    {
      adw_preferences_group_set_title (group, text);
      sync_group_names (page);
    }
  else
    adw_preferences_group_set_description (group, text);
}

/* The group's own name and description, in a row that opens. */
static GtkWidget *
group_row (FrameworkPage *page,
           GtkWidget     *group,
           guint          index)
{
  LlFramework *framework = page->working;
  GtkWidget *expander = adw_expander_row_new ();
  GtkWidget *rows[] = {
    entry_row (_("Group _name"), ll_framework_get_group_name (framework, index), "name"),
    entry_row (_("Group d_escription"), ll_framework_get_group_description (framework, index), "description"),
  };

  GtkWidget *remove_row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_with_mnemonic (_("Remove _Group"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _("About This Group"));
  adw_expander_row_set_icon_name (ADW_EXPANDER_ROW (expander), "document-edit-symbolic");
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_object_set_data_full (G_OBJECT (rows[i]), "group-id",
                              g_strdup (ll_framework_get_group_id (framework, index)), g_free);
      g_object_set_data (G_OBJECT (rows[i]), "group", group);
      g_signal_connect (rows[i], "notify::text", G_CALLBACK (on_group_field_changed), page);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), rows[i]);
    }
  g_object_set_data (G_OBJECT (expander), "name-row", rows[0]);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (remove_row), _("Out of the framework, with its behaviours"));
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "destructive-action");
  gtk_widget_set_tooltip_text (remove, _("A group whose behaviours observations refer to cannot be removed"));
  g_object_set_data_full (G_OBJECT (remove), "group-id",
                          g_strdup (ll_framework_get_group_id (framework, index)), g_free);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_group_clicked), page);
  adw_action_row_add_suffix (ADW_ACTION_ROW (remove_row), remove);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), remove_row);
  return expander;
}

static void
add_group (FrameworkPage *page,
           guint          index)
{
  LlFramework *framework = page->working;
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *add_row = adw_action_row_new ();
  GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), ll_framework_get_group_name (framework, index));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         ll_framework_get_group_description (framework, index));
  {
    GtkWidget *about = group_row (page, group, index);

    g_object_set_data (G_OBJECT (group), "about-row", about);
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), about);
  }
  /* the behaviours' rows by id, to put them in order again after a move */
  g_object_set_data_full (G_OBJECT (group), "rows",
                          g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
                          (GDestroyNotify) g_hash_table_unref);
  g_object_set_data_full (G_OBJECT (group), "group-id",
                          g_strdup (ll_framework_get_group_id (framework, index)), g_free);
  g_object_set_data (G_OBJECT (group), "add-row", add_row);
  for (guint i = 0; i < ll_framework_get_n_behaviours (framework, index); i++)
    {
      GtkWidget *row = behaviour_row (page, ADW_PREFERENCES_GROUP (group),
                                      ll_framework_get_behaviour (framework, index, i));

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  /* TRANSLATORS: %s is a group of behaviours, such as "Resilience" */
  {
    g_autofree char *label = g_strdup_printf (_("Add a behaviour to %s"), ll_framework_get_group_name (framework, index));

    gtk_widget_set_tooltip_text (add, label);
    gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  }
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (add, "flat");
  g_object_set_data (G_OBJECT (add), "group", group);
  g_object_set_data_full (G_OBJECT (add), "group-id",
                          g_strdup (ll_framework_get_group_id (framework, index)), g_free);
  g_object_set_data (G_OBJECT (add), "row", add_row);
  g_signal_connect (add, "clicked", G_CALLBACK (on_add_clicked), page);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add_row), _("Add Behaviour"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (add_row), add);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (add_row), add);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), add_row);

  g_ptr_array_add (page->groups, group);
  adw_preferences_page_add (page->page, ADW_PREFERENCES_GROUP (group));
}

/* The names that each behaviour's Group row offers, as the groups are
 * called now; each row shows its own group again. */
static void
sync_group_names (FrameworkPage *page)
{
  guint n = ll_framework_get_n_groups (page->working);
  g_autofree const char **names = g_new0 (const char *, n + 1);
  gboolean was_updating = page->updating;

  for (guint g = 0; g < n; g++)
    names[g] = ll_framework_get_group_name (page->working, g);
  page->updating = TRUE;
  gtk_string_list_splice (page->group_names, 0, g_list_model_get_n_items (G_LIST_MODEL (page->group_names)),
                          names);
  for (guint g = 0; g < page->groups->len; g++)
    {
      GHashTableIter iter;
      gpointer expander;

      g_hash_table_iter_init (&iter, g_object_get_data (G_OBJECT (g_ptr_array_index (page->groups, g)), "rows"));
      while (g_hash_table_iter_next (&iter, NULL, &expander))
        adw_combo_row_set_selected (g_object_get_data (expander, "group-row"), g);
    }
  page->updating = was_updating;
}

/* Makes the groups' rows again from the page's framework, after a group
 * came or went or a behaviour changed groups. */
static void
rebuild_groups (FrameworkPage *page)
{
  page->updating = TRUE;
  for (guint g = 0; g < page->groups->len; g++)
    adw_preferences_page_remove (page->page, g_ptr_array_index (page->groups, g));
  g_ptr_array_set_size (page->groups, 0);
  g_object_ref (page->add_group);
  adw_preferences_page_remove (page->page, ADW_PREFERENCES_GROUP (page->add_group));
  sync_group_names (page);
  for (guint g = 0; g < ll_framework_get_n_groups (page->working); g++)
    add_group (page, g);
  adw_preferences_page_add (page->page, ADW_PREFERENCES_GROUP (page->add_group));
  g_object_unref (page->add_group);
  page->updating = FALSE;
}

/* The behaviour @id's row, after the rows were made again. */
static GtkWidget *
find_behaviour_row (FrameworkPage *page,
                    const char    *id)
{
  for (guint g = 0; g < page->groups->len; g++)
    {
      GtkWidget *row = g_hash_table_lookup (g_object_get_data (G_OBJECT (g_ptr_array_index (page->groups, g)),
                                                               "rows"),
                                            id);

      if (row != NULL)
        return row;
    }
  return NULL;
}

typedef struct
{
  FrameworkPage *page;
  char          *behaviour;   /* whose row has the keyboard after, or NULL */
  guint          group;       /* else the group whose name does */
} Rebuild;

static gboolean
rebuild_later_cb (gpointer data)
{
  Rebuild *rebuild = data;
  g_autoptr(LlFrameworkEditor) editor = rebuild->page->editor;   /* taken below */
  FrameworkPage *page = rebuild->page;

  /* unless the page went meanwhile */
  if (g_ptr_array_find (editor->pages, page, NULL))
    {
      gtk_widget_set_sensitive (GTK_WIDGET (page->page), TRUE);
      rebuild_groups (page);
      if (rebuild->behaviour != NULL)
        {
          GtkWidget *row = find_behaviour_row (page, rebuild->behaviour);

          if (row != NULL)
            focus_later (g_object_get_data (G_OBJECT (row), "group-row"), row);
        }
      else if (rebuild->group < page->groups->len)
        {
          GtkWidget *about = g_object_get_data (G_OBJECT (g_ptr_array_index (page->groups, rebuild->group)),
                                                "about-row");

          focus_later (g_object_get_data (G_OBJECT (about), "name-row"), about);
        }
    }
  g_free (rebuild->behaviour);
  g_free (rebuild);
  return G_SOURCE_REMOVE;
}

/* Not within the signal of a row that goes with the others. */
static void
rebuild_later (FrameworkPage *page,
               const char    *behaviour,
               guint          group)
{
  Rebuild *rebuild = g_new0 (Rebuild, 1);

  rebuild->page = page;
  rebuild->behaviour = g_strdup (behaviour);
  rebuild->group = group;
  g_object_ref (page->editor);
  gtk_widget_set_sensitive (GTK_WIDGET (page->page), FALSE);
  g_idle_add (rebuild_later_cb, rebuild);
}

static void
on_group_chosen (AdwComboRow *row,
                 GParamSpec  *pspec,
                 gpointer     user_data)
{
  FrameworkPage *page = user_data;
  const char *id = g_object_get_data (G_OBJECT (row), "behaviour");
  guint to = adw_combo_row_get_selected (row);
  g_autoptr(LlFramework) candidate = NULL;
  g_autoptr(GError) error = NULL;
  guint group, index;

  if (page->updating || !locate (page->working, id, &group, &index)
      || to == group || to >= ll_framework_get_n_groups (page->working))
    return;
  candidate = ll_framework_copy (page->working);
  ll_framework_move_behaviour_to_group (candidate, group, index, to);
  if (!commit (page, candidate, &error))
    {
      /* the last behaviour of a group, say: it stays where it was */
      toast (page->editor, error->message);
      page->updating = TRUE;
      adw_combo_row_set_selected (row, group);
      page->updating = FALSE;
      return;
    }
  rebuild_later (page, id, 0);
}

/* A group no observation refers to can go, with its behaviours. */
static void
on_remove_group_clicked (GtkButton *button,
                         gpointer   user_data)
{
  FrameworkPage *page = user_data;
  const char *group_id = g_object_get_data (G_OBJECT (button), "group-id");
  g_autoptr(LlFramework) candidate = ll_framework_copy (page->working);
  g_autoptr(GError) error = NULL;

  for (guint g = 0; g < ll_framework_get_n_groups (candidate); g++)
    if (g_str_equal (ll_framework_get_group_id (candidate, g), group_id))
      {
        ll_framework_remove_group (candidate, g);
        break;
      }
  if (!commit (page, candidate, &error))
    {
      toast (page->editor, error->message);
      return;
    }
  rebuild_later (page, NULL, G_MAXUINT);
}

/* A new group, with one behaviour (a group needs one), open for its name. */
static void
on_add_group_clicked (GtkButton *button,
                      gpointer   user_data)
{
  FrameworkPage *page = user_data;
  g_autoptr(LlFramework) candidate = ll_framework_copy (page->working);
  g_autoptr(GError) error = NULL;
  g_autofree char *group_id = ll_framework_make_id (candidate, _("New group"));
  g_autofree char *behaviour_id = NULL;
  guint group;

  group = ll_framework_add_group (candidate, group_id, _("New group"), "");
  behaviour_id = ll_framework_make_id (candidate, _("New behaviour"));
  ll_framework_add_behaviour (candidate, group, behaviour_id, _("New behaviour"), "");
  if (!commit (page, candidate, &error))
    {
      toast (page->editor, error->message);
      return;
    }
  rebuild_later (page, NULL, group);
}

static void add_page (LlFrameworkEditor *self,
                      gint64             id,
                      LlFramework       *framework);

/* A school's own framework starts as a copy of one it has. */
static void
on_copy_clicked (GtkButton *button,
                 gpointer   user_data)
{
  FrameworkPage *page = user_data;
  LlFrameworkEditor *self = page->editor;
  g_autoptr(LlFramework) copy = ll_framework_copy (page->working);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  gint64 id;

  /* TRANSLATORS: the name of a new framework made from the framework %s */
  name = g_strdup_printf (_("%s (copy)"), ll_framework_get_name (page->working));
  ll_framework_set_name (copy, name);
  id = ll_workbook_add_framework (self->workbook, copy, &error);
  if (id == 0)
    {
      toast (self, error->message);
      return;
    }
  add_page (self, id, copy);
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (self),
                                           ((FrameworkPage *) g_ptr_array_index (self->pages,
                                                                                 self->pages->len - 1))->page);
}

static gboolean
remove_page_later (gpointer data)
{
  FrameworkPage *page = data;
  /* the references taken below */
  g_autoptr(LlFrameworkEditor) self = page->editor;
  g_autoptr(AdwPreferencesPage) widget = page->page;

  /* unless the window was closed meanwhile, and its pages with it */
  if (gtk_widget_get_root (GTK_WIDGET (widget)) != NULL)
    {
      adw_preferences_window_remove (ADW_PREFERENCES_WINDOW (self), page->page);
      g_ptr_array_remove (self->pages, page);
    }
  return G_SOURCE_REMOVE;
}

/* A framework no observation uses can go; the page goes with it. */
static void
on_remove_framework_clicked (GtkButton *button,
                             gpointer   user_data)
{
  FrameworkPage *page = user_data;
  g_autoptr(GError) error = NULL;

  if (!ll_workbook_remove_framework (page->editor->workbook, page->id, &error))
    {
      toast (page->editor, error->message);
      return;
    }
  /* not while the page's own button is being clicked */
  gtk_widget_set_sensitive (GTK_WIDGET (page->page), FALSE);
  g_object_ref (page->editor);
  g_object_ref (page->page);
  g_idle_add (remove_page_later, page);
}

static void
add_page (LlFrameworkEditor *self,
          gint64             id,
          LlFramework       *framework)
{
  FrameworkPage *page = g_new0 (FrameworkPage, 1);
  GtkWidget *about = adw_preferences_group_new ();
  GtkWidget *name = entry_row (_("_Name"), ll_framework_get_name (framework), "name");
  GtkWidget *description = entry_row (_("_Description"), ll_framework_get_description (framework),
                                      "description");

  page->editor = self;
  page->id = id;
  page->working = ll_framework_copy (framework);
  page->page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  page->groups = g_ptr_array_new ();
  page->group_names = gtk_string_list_new (NULL);
  for (guint g = 0; g < ll_framework_get_n_groups (framework); g++)
    gtk_string_list_append (page->group_names, ll_framework_get_group_name (framework, g));
  adw_preferences_page_set_title (page->page, ll_framework_get_name (framework));
  adw_preferences_page_set_icon_name (page->page, "view-list-bullet-symbolic");
  g_ptr_array_add (self->pages, page);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (about), _("Framework"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (about),
                                         _("Changes are saved as you make them. A behaviour that "
                                           "observations refer to can be renamed but not removed."));
  g_signal_connect (name, "notify::text", G_CALLBACK (on_framework_field_changed), page);
  g_signal_connect (description, "notify::text", G_CALLBACK (on_framework_field_changed), page);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (about), name);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (about), description);
  {
    GtkWidget *copy_row = adw_action_row_new ();
    GtkWidget *copy = gtk_button_new_with_mnemonic (_("Make a _Copy"));

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (copy_row), _("A framework of the school’s own"));
    adw_action_row_set_subtitle (ADW_ACTION_ROW (copy_row),
                                 _("Start from this one, then change it as the school wishes"));
    gtk_widget_set_valign (copy, GTK_ALIGN_CENTER);
    g_signal_connect (copy, "clicked", G_CALLBACK (on_copy_clicked), page);
    adw_action_row_add_suffix (ADW_ACTION_ROW (copy_row), copy);
    adw_action_row_set_activatable_widget (ADW_ACTION_ROW (copy_row), copy);
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (about), copy_row);
  }
  {
    GtkWidget *remove_row = adw_action_row_new ();
    GtkWidget *remove = gtk_button_new_with_mnemonic (_("_Remove Framework"));

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (remove_row), _("No longer needed"));
    adw_action_row_set_subtitle (ADW_ACTION_ROW (remove_row),
                                 _("A framework that observations use stays"));
    gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
    gtk_widget_add_css_class (remove, "destructive-action");
    g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_framework_clicked), page);
    adw_action_row_add_suffix (ADW_ACTION_ROW (remove_row), remove);
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (about), remove_row);
  }
  adw_preferences_page_add (page->page, ADW_PREFERENCES_GROUP (about));

  for (guint g = 0; g < ll_framework_get_n_groups (framework); g++)
    add_group (page, g);
  {
    GtkWidget *add_row = adw_action_row_new ();
    GtkWidget *add = gtk_button_new_with_mnemonic (_("Add _Group"));

    page->add_group = adw_preferences_group_new ();
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add_row), _("Another group of behaviours"));
    gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
    g_signal_connect (add, "clicked", G_CALLBACK (on_add_group_clicked), page);
    adw_action_row_add_suffix (ADW_ACTION_ROW (add_row), add);
    adw_action_row_set_activatable_widget (ADW_ACTION_ROW (add_row), add);
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (page->add_group), add_row);
    adw_preferences_page_add (page->page, ADW_PREFERENCES_GROUP (page->add_group));
  }
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), page->page);
}

static void
ll_framework_editor_dispose (GObject *object)
{
  LlFrameworkEditor *self = LL_FRAMEWORK_EDITOR (object);

  g_clear_object (&self->workbook);
  G_OBJECT_CLASS (ll_framework_editor_parent_class)->dispose (object);
}

static void
ll_framework_editor_finalize (GObject *object)
{
  LlFrameworkEditor *self = LL_FRAMEWORK_EDITOR (object);

  g_ptr_array_unref (self->pages);
  G_OBJECT_CLASS (ll_framework_editor_parent_class)->finalize (object);
}

static void
ll_framework_editor_class_init (LlFrameworkEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ll_framework_editor_dispose;
  object_class->finalize = ll_framework_editor_finalize;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/leadinglearning/LeadingLearning/ll-framework-editor.ui");
}

static void
ll_framework_editor_init (LlFrameworkEditor *self)
{
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) framework_page_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ll_framework_editor_new (LlWorkbook *workbook)
{
  LlFrameworkEditor *self = g_object_new (LL_TYPE_FRAMEWORK_EDITOR, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) frameworks = NULL;
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (LL_IS_WORKBOOK (workbook), NULL);

  self->workbook = g_object_ref (workbook);
  frameworks = ll_workbook_list_frameworks (workbook, &error);
  if (frameworks != NULL)
    ids = ll_workbook_dup_framework_ids (workbook, &error);
  if (ids == NULL || ids->len != frameworks->len || ids->len == 0)
    {
      GtkWidget *page = adw_preferences_page_new ();
      GtkWidget *group = adw_preferences_group_new ();

      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                             error != NULL ? error->message
                                             : ids != NULL && ids->len == 0
                                             ? _("This workbook has no frameworks yet. The frameworks "
                                                 "that come with Leading Learning are added with its "
                                                 "first observation.")
                                             : _("The frameworks could not be read."));
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
      adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));
      return GTK_WIDGET (self);
    }
  for (guint i = 0; i < frameworks->len; i++)
    add_page (self, g_array_index (ids, gint64, i), g_ptr_array_index (frameworks, i));
  return GTK_WIDGET (self);
}
