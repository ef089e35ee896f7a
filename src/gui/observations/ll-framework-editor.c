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

/* Puts the rows of @group in the order of its behaviours in the page's
 * framework, the row that adds one last. */
static void
order_rows (FrameworkPage *page,
            GtkWidget     *group)
{
  GHashTable *rows = g_object_get_data (G_OBJECT (group), "rows");
  const char *group_id = g_object_get_data (G_OBJECT (group), "group-id");
  GtkWidget *add_row = g_object_get_data (G_OBJECT (group), "add-row");
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_object_unref);
  guint index = G_MAXUINT;

  for (guint g = 0; g < ll_framework_get_n_groups (page->working); g++)
    if (g_str_equal (ll_framework_get_group_id (page->working, g), group_id))
      index = g;
  if (index == G_MAXUINT)
    return;
  for (guint i = 0; i < ll_framework_get_n_behaviours (page->working, index); i++)
    {
      GtkWidget *row = g_hash_table_lookup (rows, ll_framework_get_behaviour (page->working, index, i)->id);

      if (row == NULL)
        continue;
      g_ptr_array_add (kept, g_object_ref (row));
      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_add (kept, g_object_ref (add_row));
  adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), add_row);
  for (guint i = 0; i < kept->len; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), g_ptr_array_index (kept, i));
}

static void on_move_clicked (GtkButton *button,
                             gpointer   user_data);

static GtkWidget *
behaviour_row (FrameworkPage       *page,
               AdwPreferencesGroup *group,
               const LlBehaviour   *behaviour)
{
  GtkWidget *expander = adw_expander_row_new ();
  GtkWidget *name = entry_row (_("_Name"), behaviour->name, "name");
  GtkWidget *description = entry_row (_("_Description"), behaviour->description, "description");
  GtkWidget *remove_row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_with_mnemonic (_("_Remove Behaviour"));
  GtkWidget *up = gtk_button_new_from_icon_name ("go-up-symbolic");
  GtkWidget *down = gtk_button_new_from_icon_name ("go-down-symbolic");
  GtkWidget *rows[] = { name, description, remove, up, down };

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

    for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
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

  g_object_set_data (G_OBJECT (expander), "name-row", name);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), name);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), description);
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
    adw_preferences_group_set_title (group, text);
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
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), group_row (page, group, index));
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

  adw_preferences_page_add (page->page, ADW_PREFERENCES_GROUP (group));
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
