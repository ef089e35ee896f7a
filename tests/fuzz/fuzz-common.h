/* fuzz-common.h: what the libFuzzer targets share */
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <glib.h>

int LLVMFuzzerInitialize   (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* A warning or a critical is a finding too: make them abort, so that the
 * fuzzer stops and keeps the input. */
static inline void
fuzz_init (void)
{
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
}

/* Stops with both strings on stderr, for a broken promise that the
 * sanitizers cannot see. */
static inline void
fuzz_fail (const char *what,
           const char *first,
           const char *second)
{
  fprintf (stderr, "FUZZ FINDING: %s\n", what);
  if (first != NULL)
    fprintf (stderr, "--- first:\n%s\n", first);
  if (second != NULL)
    fprintf (stderr, "--- second:\n%s\n", second);
  fflush (stderr);
  abort ();
}
