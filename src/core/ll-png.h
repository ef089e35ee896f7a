/* ll-png.h: a small PNG encoder for pictures that the core draws itself
 * (the sample's evidence), without Cairo or GdkPixbuf, which core does
 * not use */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The CRC-32 of PNG chunks (ISO 3309, as zlib computes it), continued
 * from @crc (0 to start). */
guint32  ll_png_crc32        (guint32        crc,
                              const guint8  *data,
                              gsize          length);
/* A PNG file of the 8-bit RGB pixels @rgb, @width × @height, rows top
 * to bottom with no padding (3 × @width bytes each). */
GBytes  *ll_png_encode_rgb   (const guint8  *rgb,
                              guint          width,
                              guint          height);

G_END_DECLS
