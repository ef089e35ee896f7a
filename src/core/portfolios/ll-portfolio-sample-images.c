/* ll-portfolio-sample-images.c: the pictures of the sample's evidence,
 * drawn here and encoded as PNG (ll-png.c): a bar chart of before and
 * after, a photograph-like scene of a classroom corner, and a diagram of
 * how a change spread. No text: the caption says what each shows. */
#define G_LOG_DOMAIN "ll-portfolio"

#include "config.h"

#include <math.h>

#include "ll-png.h"
#include "ll-portfolio-sample.h"

typedef struct
{
  guint   width;
  guint   height;
  guint8 *rgb;
} Canvas;

static void
canvas_init (Canvas  *canvas,
             guint    width,
             guint    height,
             guint32  colour)
{
  canvas->width = width;
  canvas->height = height;
  canvas->rgb = g_malloc ((gsize) width * height * 3);
  for (gsize i = 0; i < (gsize) width * height; i++)
    {
      canvas->rgb[i * 3] = colour >> 16;
      canvas->rgb[i * 3 + 1] = (colour >> 8) & 0xff;
      canvas->rgb[i * 3 + 2] = colour & 0xff;
    }
}

static void
put (Canvas  *canvas,
     int      x,
     int      y,
     guint32  colour)
{
  guint8 *px;

  if (x < 0 || y < 0 || x >= (int) canvas->width || y >= (int) canvas->height)
    return;
  px = canvas->rgb + ((gsize) y * canvas->width + (gsize) x) * 3;
  px[0] = colour >> 16;
  px[1] = (colour >> 8) & 0xff;
  px[2] = colour & 0xff;
}

static void
fill_rect (Canvas  *canvas,
           int      x0,
           int      y0,
           int      x1,
           int      y1,
           guint32  colour)
{
  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      put (canvas, x, y, colour);
}

static void
fill_circle (Canvas  *canvas,
             int      cx,
             int      cy,
             int      r,
             guint32  colour)
{
  for (int y = -r; y <= r; y++)
    for (int x = -r; x <= r; x++)
      if (x * x + y * y <= r * r)
        put (canvas, cx + x, cy + y, colour);
}

static void
draw_line (Canvas  *canvas,
           int      x0,
           int      y0,
           int      x1,
           int      y1,
           int      width,
           guint32  colour)
{
  int steps = MAX (ABS (x1 - x0), ABS (y1 - y0));

  for (int i = 0; i <= steps; i++)
    {
      int x = steps == 0 ? x0 : x0 + (x1 - x0) * i / steps;
      int y = steps == 0 ? y0 : y0 + (y1 - y0) * i / steps;

      fill_rect (canvas, x - width / 2, y - width / 2, x - width / 2 + width, y - width / 2 + width, colour);
    }
}

static GBytes *
canvas_finish (Canvas *canvas)
{
  GBytes *png = ll_png_encode_rgb (canvas->rgb, canvas->width, canvas->height);

  g_free (canvas->rgb);
  return png;
}

GBytes *
ll_portfolio_sample_chart (guint seed)
{
  /* the share of pupils seen doing something, before (grey) and after
   * (blue), for five things: out of 100 */
  static const guint before[5] = { 35, 28, 42, 20, 31 };
  Canvas canvas;
  int base = 270, left = 50;

  canvas_init (&canvas, 480, 300, 0xffffff);
  for (int g = 0; g <= 4; g++)
    draw_line (&canvas, left, base - g * 60, 460, base - g * 60, 1, 0xdddddd);
  for (guint i = 0; i < G_N_ELEMENTS (before); i++)
    {
      int x = left + 15 + (int) i * 80;
      guint after = MIN (before[i] + 18 + (seed * 7 + i * 13) % 25, 95);

      fill_rect (&canvas, x, base - (int) before[i] * 24 / 10, x + 28, base, 0x9e9e9e);
      fill_rect (&canvas, x + 32, base - (int) after * 24 / 10, x + 60, base, 0x2a6fb0);
    }
  draw_line (&canvas, left, base, 460, base, 2, 0x333333);
  draw_line (&canvas, left, 20, left, base, 2, 0x333333);
  return canvas_finish (&canvas);
}

GBytes *
ll_portfolio_sample_photo (guint seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed + 1);
  Canvas canvas;
  guint width = 400, height = 300;

  /* a wall, a floor, a window's light; bookshelves, a rug, cushions,
   * and a little grain, as a photograph has */
  canvas_init (&canvas, width, height, 0);
  for (guint y = 0; y < height; y++)
    for (guint x = 0; x < width; x++)
      {
        int light = 40 - (int) (ABS ((int) x - 300) / 6);
        guint32 r, g, b;
        int grain = g_rand_int_range (rand, -6, 7);

        if (y < 190)
          r = 236, g = 226, b = 200;
        else
          r = 176, g = 134, b = 92;
        r = CLAMP ((int) r + light / 2 + grain, 0, 255);
        g = CLAMP ((int) g + light / 2 + grain, 0, 255);
        b = CLAMP ((int) b + light / 3 + grain, 0, 255);
        put (&canvas, (int) x, (int) y, (r << 16) | (g << 8) | b);
      }
  fill_rect (&canvas, 250, 30, 350, 130, 0xcfe6f5);
  draw_line (&canvas, 300, 30, 300, 130, 4, 0xffffff);
  draw_line (&canvas, 250, 80, 350, 80, 4, 0xffffff);
  fill_rect (&canvas, 30, 60, 170, 200, 0x8a5a33);
  for (int shelf = 0; shelf < 3; shelf++)
    for (int book = 0; book < 12; book++)
      {
        static const guint32 spines[] = { 0xc0392b, 0x2e86c1, 0xf1c40f, 0x27ae60, 0x8e44ad, 0xe67e22 };
        int x = 38 + book * 11;
        int top = 72 + shelf * 44 + (book * 7 + (int) seed) % 9;

        fill_rect (&canvas, x, top, x + 9, 100 + shelf * 44, spines[(book + shelf + seed) % G_N_ELEMENTS (spines)]);
      }
  fill_circle (&canvas, 230, 250, 70, 0x3d6e8f);
  fill_circle (&canvas, 230, 250, 50, 0x5b8fb0);
  fill_circle (&canvas, 190, 235, 16, 0xe74c3c);
  fill_circle (&canvas, 265, 262, 16, 0xf39c12);
  return canvas_finish (&canvas);
}

GBytes *
ll_portfolio_sample_diagram (guint seed)
{
  /* the participant's class in the middle, and the classes the change
   * reached, further out as it spread */
  static const guint32 rings[] = { 0x2a6fb0, 0x5dade2, 0xaed6f1 };
  Canvas canvas;
  int cx = 240, cy = 160;

  canvas_init (&canvas, 480, 320, 0xfbfbf7);
  for (int ring = 2; ring >= 1; ring--)
    {
      int n = ring * 4 + (int) seed % 3;

      for (int i = 0; i < n; i++)
        {
          double angle = 2 * G_PI * i / n + ring * 0.4;
          int x = cx + (int) (ring * 70 * cos (angle));
          int y = cy + (int) (ring * 60 * sin (angle));
          int px = cx + (int) ((ring - 1) * 70 * cos (angle));
          int py = cy + (int) ((ring - 1) * 60 * sin (angle));

          draw_line (&canvas, px, py, x, y, 2, 0x7f8c8d);
          fill_circle (&canvas, x, y, 18 - ring * 3, rings[ring]);
        }
    }
  fill_circle (&canvas, cx, cy, 26, rings[0]);
  return canvas_finish (&canvas);
}
