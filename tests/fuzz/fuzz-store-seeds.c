/* fuzz-store-seeds.c: small workbooks to start the store fuzzer from
 *
 * Writes into the folder given a workbook of each schema version, one with
 * some content and one whose header says it uses a write-ahead log, each
 * with 512-byte pages so that the fuzzer has little to mutate.
 */
#include "config.h"

#include <sqlite3.h>
#include <stdio.h>

#include <glib/gstdio.h>

#include "ll-store-narrative.h"
#include "ll-store.h"

static void
shrink (const char *path,
        gboolean    wal)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  if (sqlite3_open (path, &db) != SQLITE_OK
      || sqlite3_exec (db, "PRAGMA journal_mode = DELETE; PRAGMA page_size = 512; VACUUM;",
                       NULL, NULL, &message) != SQLITE_OK
      || (wal && sqlite3_exec (db, "PRAGMA journal_mode = WAL", NULL, NULL, &message) != SQLITE_OK))
    {
      fprintf (stderr, "%s: %s\n", path, message != NULL ? message : sqlite3_errmsg (db));
      exit (1);
    }
  sqlite3_close (db);
}

static LlStore *
create (const char *dir,
        const char *name,
        int         version)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  LlStore *store;

  g_unlink (path);
  store = ll_store_create_at_version (path, version, &error);
  if (store == NULL)
    {
      fprintf (stderr, "%s: %s\n", path, error->message);
      exit (1);
    }
  return store;
}

static void
finish (LlStore  *store,
        gboolean  wal)
{
  g_autofree char *path = g_strdup (ll_store_get_path (store));

  ll_store_close (store);
  g_object_unref (store);
  shrink (path, wal);
}

static void
fill (LlStore *store)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!ll_store_set_school_field (store, "name", "Fuzz Primary", &error)
      || ll_store_insert_person (store, "A. Head", "headteacher", &error) == 0
      || (id = ll_store_insert_narrative (store, "Vision", "A. Head", &error)) == 0
      || ll_store_insert_section (store, id, 0, "Why", "What for?",
                                  "<para xmlns=\"http://docbook.org/ns/docbook\">"
                                  "We <emphasis>learn</emphasis>.</para>\n", &error) == 0
      || ll_store_insert_section (store, id, 1, "How", "", "", &error) == 0
      || ll_store_insert_revision_dated (store, id, "named", "First", 2,
                                         "2024-01-01T00:00:00Z", &error) == 0)
    {
      fprintf (stderr, "%s\n", error->message);
      exit (1);
    }
}

int
main (int    argc,
      char **argv)
{
  LlStore *store;

  if (argc != 2)
    {
      fprintf (stderr, "usage: %s FOLDER\n", argv[0]);
      return 2;
    }
  g_mkdir_with_parents (argv[1], 0700);

  for (int version = 1; version <= LL_STORE_SCHEMA_VERSION; version++)
    {
      g_autofree char *name = g_strdup_printf ("version-%d.llw", version);

      finish (create (argv[1], name, version), FALSE);
    }
  store = create (argv[1], "content.llw", LL_STORE_SCHEMA_VERSION);
  fill (store);
  finish (store, FALSE);
  store = create (argv[1], "wal.llw", LL_STORE_SCHEMA_VERSION);
  fill (store);
  finish (store, TRUE);
  return 0;
}
