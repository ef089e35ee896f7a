/* ll-chart-view.c: a chart of learning behaviours on screen */
#define G_LOG_DOMAIN "ll-chart"

#include "config.h"

#include "ll-chart-view.h"

struct _LlChartView
{
  GtkWidget      parent_instance;

  const LlChart *chart;
  LlChartLayout  layout;
};

G_DEFINE_FINAL_TYPE (LlChartView, ll_chart_view, GTK_TYPE_WIDGET)

static void
ll_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  LlChartView *self = LL_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA colour;
  cairo_t *cr;

  if (self->chart == NULL || width <= 0 || height <= 0)
    return;
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &colour);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_cairo_set_source_rgba (cr, &colour);
  ll_chart_draw (cr, self->chart, self->layout, 0, 0, width, height);
  cairo_destroy (cr);
}

static void
ll_chart_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  /* as small as a phone's width allows, as large as a chart reads well */
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 240 : 360;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 640 : 540;
}

static void
ll_chart_view_class_init (LlChartViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = ll_chart_view_snapshot;
  widget_class->measure = ll_chart_view_measure;
  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ll_chart_view_init (LlChartView *self)
{
  self->layout = LL_CHART_RADAR;
}

GtkWidget *
ll_chart_view_new (void)
{
  return g_object_new (LL_TYPE_CHART_VIEW, NULL);
}

void
ll_chart_view_set_chart (LlChartView   *self,
                         const LlChart *chart,
                         const char    *label,
                         const char    *description)
{
  g_return_if_fail (LL_IS_CHART_VIEW (self));

  self->chart = chart;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label != NULL ? label : "",
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description != NULL ? description : "",
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
ll_chart_view_set_layout (LlChartView   *self,
                          LlChartLayout  layout)
{
  g_return_if_fail (LL_IS_CHART_VIEW (self));

  self->layout = layout;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

LlChartLayout
ll_chart_view_get_layout (LlChartView *self)
{
  g_return_val_if_fail (LL_IS_CHART_VIEW (self), LL_CHART_RADAR);
  return self->layout;
}
