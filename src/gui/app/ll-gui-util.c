/* ll-gui-util.c: small helpers that several controllers share */
#define G_LOG_DOMAIN "ll-gui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ll-gui-util.h"
#include "ll-text.h"

char *
ll_format_friendly_date (GDateTime *when,
                         GDateTime *now)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) local_now = NULL;
  g_autoptr(GDate) day = NULL;
  g_autoptr(GDate) today = NULL;
  g_autofree char *time = NULL;
  int y, m, d, days;

  g_return_val_if_fail (when != NULL, NULL);

  local = g_date_time_to_local (when);
  local_now = now != NULL ? g_date_time_to_local (now) : g_date_time_new_now_local ();

  g_date_time_get_ymd (local, &y, &m, &d);
  day = g_date_new_dmy (d, m, y);
  g_date_time_get_ymd (local_now, &y, &m, &d);
  today = g_date_new_dmy (d, m, y);
  days = g_date_days_between (day, today);
  time = g_date_time_format (local, "%H:%M");

  if (days == 0)
    /* Translators: %s is a time, e.g. 14:05 */
    return g_strdup_printf (_("Today at %s"), time);
  if (days == 1)
    /* Translators: %s is a time, e.g. 14:05 */
    return g_strdup_printf (_("Yesterday at %s"), time);
  if (days > 1 && days < 7)
    /* Translators: a date within the last week: "Monday at 14:05"; see strftime */
    return g_date_time_format (local, _("%A at %H:%M"));
  if (g_date_time_get_year (local) == g_date_time_get_year (local_now))
    /* Translators: a date this year: "3 March"; see strftime */
    return g_date_time_format (local, _("%-d %B"));
  /* Translators: a date in another year: "3 March 2024"; see strftime */
  return g_date_time_format (local, _("%-d %B %Y"));
}

gboolean
ll_rich_text_load_stored (LlRichText *rich_text,
                          const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlDocNode) body = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  if (ll_rich_text_set_fragment (rich_text, fragment ? fragment : "", NULL, &error))
    return TRUE;

  text = ll_text_from_fragment (fragment);
  lines = g_strsplit (text, "\n", -1);
  body = ll_doc_node_new (LL_DOC_BODY);
  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      ll_doc_add_para (body, lines[i]);
  ll_rich_text_set_blocks (rich_text, body);
  return FALSE;
}

static void
cancel_target_cb (GCancellable *source,
                  GCancellable *target)
{
  g_cancellable_cancel (target);
}

gulong
ll_gui_follow_cancellable (GCancellable *target,
                           GCancellable *source)
{
  g_return_val_if_fail (G_IS_CANCELLABLE (target), 0);

  if (source == NULL)
    return 0;
  return g_cancellable_connect (source, G_CALLBACK (cancel_target_cb),
                                g_object_ref (target), g_object_unref);
}

void
ll_gui_unfollow_cancellable (GCancellable *source,
                             gulong       *handler)
{
  if (source != NULL && *handler != 0)
    g_cancellable_disconnect (source, *handler);
  *handler = 0;
}

char *
ll_gui_path_to_setting (const char *path)
{
  g_autofree char *abs = g_canonicalize_filename (path, NULL);

  if (g_utf8_validate (abs, -1, NULL))
    return g_steal_pointer (&abs);
  return g_filename_to_uri (abs, NULL, NULL);
}

char *
ll_gui_path_from_setting (const char *value)
{
  if (value == NULL || value[0] == '\0')
    return NULL;
  if (g_str_has_prefix (value, "file:"))
    return g_filename_from_uri (value, NULL, NULL);
  return g_strdup (value);
}

/* Accessible names */

static char *
without_mnemonic (const char *label)
{
  GString *text = g_string_sized_new (strlen (label));

  for (const char *p = label; *p != '\0'; p++)
    {
      /* "__" is a literal underscore; "_x" marks x as the mnemonic */
      if (*p == '_')
        {
          if (p[1] == '_')
            p++;
          else
            continue;
        }
      g_string_append_c (text, *p);
    }
  return g_string_free (text, FALSE);
}

void
ll_gui_name_controls (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  /* GTK 4.8 names a button with a mnemonic by its label with the
   * underscore and then by the label inside it ("_New Workbook… New
   * Workbook…"): name it once, by its label alone. */
  if (GTK_IS_BUTTON (root) && gtk_button_get_use_underline (GTK_BUTTON (root))
      && gtk_button_get_label (GTK_BUTTON (root)) != NULL)
    {
      g_autofree char *label = without_mnemonic (gtk_button_get_label (GTK_BUTTON (root)));

      gtk_accessible_reset_relation (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      gtk_accessible_update_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }

  /* A button that holds only a label, without being given it (the
   * version in About), is read as "GtkButton": name it by its text. */
  else if (GTK_IS_BUTTON (root) && gtk_button_get_label (GTK_BUTTON (root)) == NULL
           && GTK_IS_LABEL (gtk_button_get_child (GTK_BUTTON (root))))
    {
      GtkLabel *text = GTK_LABEL (gtk_button_get_child (GTK_BUTTON (root)));

      gtk_accessible_update_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      gtk_label_get_text (text), -1);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    ll_gui_name_controls (child);
}

void
ll_gui_name_drop_down (GtkDropDown *drop_down,
                       const char  *label)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  /* its button would otherwise be read as "GtkToggleButton" */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}
