/* ll-png.c: a small PNG encoder: the signature, IHDR, one IDAT of the
 * rows compressed by GIO's zlib compressor, and IEND, each chunk with
 * its CRC-32 computed here */
#define G_LOG_DOMAIN "ll-png"

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "ll-png.h"

guint32
ll_png_crc32 (guint32       crc,
              const guint8 *data,
              gsize         length)
{
  static guint32 table[256];
  static gsize made = 0;

  if (g_once_init_enter (&made))
    {
      for (guint32 n = 0; n < 256; n++)
        {
          guint32 c = n;

          for (int k = 0; k < 8; k++)
            c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
          table[n] = c;
        }
      g_once_init_leave (&made, 1);
    }
  crc = ~crc;
  for (gsize i = 0; i < length; i++)
    crc = table[(crc ^ data[i]) & 0xff] ^ (crc >> 8);
  return ~crc;
}

static void
put_be32 (GByteArray *out,
          guint32     value)
{
  guint8 b[4] = { value >> 24, (value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff };

  g_byte_array_append (out, b, 4);
}

static void
put_chunk (GByteArray   *out,
           const char   *type,
           const guint8 *data,
           gsize         length)
{
  guint32 crc;

  put_be32 (out, (guint32) length);
  g_byte_array_append (out, (const guint8 *) type, 4);
  if (length > 0)
    g_byte_array_append (out, data, (guint) length);
  crc = ll_png_crc32 (0, (const guint8 *) type, 4);
  crc = ll_png_crc32 (crc, data, length);
  put_be32 (out, crc);
}

/* The zlib stream of @data. */
static GBytes *
deflate (const guint8 *data,
         gsize         length)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 6);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) out = g_converter_output_stream_new (memory, G_CONVERTER (compressor));
  gboolean ok;

  ok = g_output_stream_write_all (out, data, length, NULL, NULL, NULL)
       && g_output_stream_close (out, NULL, NULL);
  /* in memory, only a bug of ours can make it fail */
  g_return_val_if_fail (ok, NULL);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

GBytes *
ll_png_encode_rgb (const guint8 *rgb,
                   guint         width,
                   guint         height)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autofree guint8 *raw = NULL;
  g_autoptr(GBytes) compressed = NULL;
  gsize row = (gsize) width * 3;
  guint8 header[13];

  g_return_val_if_fail (rgb != NULL && width > 0 && height > 0, NULL);

  /* each row after its filter byte: 0, none */
  raw = g_malloc ((row + 1) * height);
  for (guint y = 0; y < height; y++)
    {
      raw[y * (row + 1)] = 0;
      memcpy (raw + y * (row + 1) + 1, rgb + y * row, row);
    }
  compressed = deflate (raw, (row + 1) * height);
  if (compressed == NULL)
    return NULL;

  g_byte_array_append (out, signature, sizeof signature);
  header[0] = width >> 24; header[1] = (width >> 16) & 0xff; header[2] = (width >> 8) & 0xff; header[3] = width & 0xff;
  header[4] = height >> 24; header[5] = (height >> 16) & 0xff; header[6] = (height >> 8) & 0xff; header[7] = height & 0xff;
  header[8] = 8;   /* bits per sample */
  header[9] = 2;   /* RGB */
  header[10] = 0;  /* deflate */
  header[11] = 0;  /* adaptive filters */
  header[12] = 0;  /* not interlaced */
  put_chunk (out, "IHDR", header, sizeof header);
  put_chunk (out, "IDAT", g_bytes_get_data (compressed, NULL), g_bytes_get_size (compressed));
  put_chunk (out, "IEND", NULL, 0);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}
