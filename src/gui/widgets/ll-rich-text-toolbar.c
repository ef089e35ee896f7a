/* ll-rich-text-toolbar.c: the rich-text editor's formatting bar
 *
 * A row of groups of buttons whose last child, the overflow menu button,
 * stays at the end. When the row is too narrow, the groups marked as
 * collapsible are hidden, in the order they were marked, so that the
 * editor can be as narrow as a phone; the owner offers what they hold in
 * the overflow menu instead (see ll-rich-text-actions.c). Groups are
 * hidden with gtk_widget_set_child_visible() while allocating, as
 * AdwSqueezer does, so that hiding them does not ask for a new size.
 */
#define G_LOG_DOMAIN "ll-rich-text"

#include "config.h"

#include "ll-rich-text-private.h"

#define GROUP_SPACING 12

struct _LlRichTextToolbar
{
  GtkWidget  parent_instance;

  GPtrArray *collapsible;   /* of GtkWidget, unowned: our children */
  guint      n_collapsed;
};

G_DEFINE_FINAL_TYPE (LlRichTextToolbar, ll_rich_text_toolbar, GTK_TYPE_WIDGET)

static gboolean
is_collapsible (LlRichTextToolbar *self,
                GtkWidget         *child)
{
  return g_ptr_array_find (self->collapsible, child, NULL);
}

/* Whether @child is hidden when the first @n_collapsed collapsible groups
 * are. */
static gboolean
is_hidden (LlRichTextToolbar *self,
           GtkWidget         *child,
           guint              n_collapsed)
{
  guint index;

  return g_ptr_array_find (self->collapsible, child, &index) && index < n_collapsed;
}

/* The width that the children need with the first @n_collapsed groups
 * hidden. */
static int
width_needed (LlRichTextToolbar *self,
              guint              n_collapsed,
              gboolean           natural)
{
  int total = 0, shown = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      int min, nat;

      if (!gtk_widget_get_visible (child) || is_hidden (self, child, n_collapsed))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
      total += natural ? nat : min;
      shown++;
    }
  return total + MAX (shown - 1, 0) * GROUP_SPACING;
}

static void
ll_rich_text_toolbar_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  LlRichTextToolbar *self = LL_RICH_TEXT_TOOLBAR (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = width_needed (self, self->collapsible->len, FALSE);
      *natural = width_needed (self, 0, TRUE);
      return;
    }

  *minimum = *natural = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      int min, nat;

      if (!gtk_widget_get_visible (child))
        continue;
      gtk_widget_measure (child, orientation, -1, &min, &nat, NULL, NULL);
      *minimum = MAX (*minimum, min);
      *natural = MAX (*natural, nat);
    }
}

static void
ll_rich_text_toolbar_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  LlRichTextToolbar *self = LL_RICH_TEXT_TOOLBAR (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  GtkWidget *last = gtk_widget_get_last_child (widget);
  guint n_collapsed = 0;
  int extra, n_expand = 0, x = 0;

  while (n_collapsed < self->collapsible->len && width_needed (self, n_collapsed, FALSE) > width)
    n_collapsed++;
  self->n_collapsed = n_collapsed;

  /* each child gets its natural width if there is room, the rest goes to
   * those that expand */
  extra = width - width_needed (self, n_collapsed, FALSE);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      gboolean shown = !is_hidden (self, child, n_collapsed);

      gtk_widget_set_child_visible (child, shown);
      if (shown && gtk_widget_get_visible (child) && gtk_widget_compute_expand (child, GTK_ORIENTATION_HORIZONTAL))
        n_expand++;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      int min, nat, child_width;

      if (!gtk_widget_get_visible (child) || !gtk_widget_get_child_visible (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
      child_width = min + MIN (nat - min, MAX (extra, 0));
      extra -= child_width - min;
      if (n_expand > 0 && gtk_widget_compute_expand (child, GTK_ORIENTATION_HORIZONTAL))
        {
          int share = MAX (extra, 0) / n_expand--;

          child_width += share;
          extra -= share;
        }
      /* the overflow button stays at the end */
      if (child == last)
        x = MAX (x, width - child_width);
      gtk_widget_size_allocate (child,
                                &(GtkAllocation) { rtl ? width - x - child_width : x, 0,
                                                   child_width, height },
                                -1);
      x += child_width + GROUP_SPACING;
    }
}

static void
ll_rich_text_toolbar_dispose (GObject *object)
{
  LlRichTextToolbar *self = LL_RICH_TEXT_TOOLBAR (object);
  GtkWidget *child;

  g_ptr_array_set_size (self->collapsible, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ll_rich_text_toolbar_parent_class)->dispose (object);
}

static void
ll_rich_text_toolbar_finalize (GObject *object)
{
  LlRichTextToolbar *self = LL_RICH_TEXT_TOOLBAR (object);

  g_ptr_array_unref (self->collapsible);

  G_OBJECT_CLASS (ll_rich_text_toolbar_parent_class)->finalize (object);
}

/* The bar is one stop for Tab, as toolbars are: Tab from before it lands
 * on its first button that can take focus, Tab or Shift+Tab from inside
 * it goes on past it, and the arrow keys move between its buttons. The
 * text under it is then one Tab away, not a dozen. */
static gboolean
ll_rich_text_toolbar_focus (GtkWidget        *widget,
                            GtkDirectionType  direction)
{
  GtkWidgetClass *parent_class = GTK_WIDGET_CLASS (ll_rich_text_toolbar_parent_class);

  if (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD)
    return parent_class->focus (widget, direction);
  if (gtk_widget_get_focus_child (widget) != NULL)
    return FALSE;
  return parent_class->focus (widget, GTK_DIR_TAB_FORWARD);
}

static void
ll_rich_text_toolbar_class_init (LlRichTextToolbarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ll_rich_text_toolbar_dispose;
  object_class->finalize = ll_rich_text_toolbar_finalize;
  widget_class->measure = ll_rich_text_toolbar_measure;
  widget_class->size_allocate = ll_rich_text_toolbar_size_allocate;
  widget_class->focus = ll_rich_text_toolbar_focus;

  gtk_widget_class_set_css_name (widget_class, "ll-rich-text-toolbar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TOOLBAR);
}

static void
ll_rich_text_toolbar_init (LlRichTextToolbar *self)
{
  self->collapsible = g_ptr_array_new ();
}

/* Marks @child as a group to hide when the toolbar is narrow: the first
 * marked goes first. */
void
ll_rich_text_toolbar_add_collapsible (LlRichTextToolbar *self,
                                      GtkWidget         *child)
{
  g_return_if_fail (LL_IS_RICH_TEXT_TOOLBAR (self));
  g_return_if_fail (gtk_widget_get_parent (child) == GTK_WIDGET (self));
  g_return_if_fail (child != gtk_widget_get_last_child (GTK_WIDGET (self)));

  if (is_collapsible (self, child))
    return;
  g_ptr_array_add (self->collapsible, child);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* How many of the collapsible groups the last allocation hid. */
guint
ll_rich_text_toolbar_get_n_collapsed (LlRichTextToolbar *self)
{
  g_return_val_if_fail (LL_IS_RICH_TEXT_TOOLBAR (self), 0);

  return self->n_collapsed;
}
