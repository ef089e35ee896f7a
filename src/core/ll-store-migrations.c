/* ll-store-migrations.c: the schema of a workbook, version by version.
 *
 * Append only: a workbook of version N was made by migrations 1 to N as
 * they stand here, so an entry is never changed once released. A new
 * version adds an entry, raises LL_STORE_SCHEMA_VERSION, and adds a frozen
 * workbook of the new version to tests/data/workbooks/.
 */
#define G_LOG_DOMAIN "ll-store"

#include "config.h"

#include "ll-store-private.h"

/* Each entry takes the schema from the version before it to its own. */
static const char * const migrations[LL_STORE_SCHEMA_VERSION + 1] = {
  [1] =
    "CREATE TABLE school ("
    "  id INTEGER PRIMARY KEY CHECK (id = 1),"
    "  name TEXT NOT NULL DEFAULT '',"
    "  urn TEXT NOT NULL DEFAULT '',"
    "  phase TEXT NOT NULL DEFAULT '',"
    "  local_authority TEXT NOT NULL DEFAULT '',"
    "  address TEXT NOT NULL DEFAULT '');"
    "INSERT INTO school (id) VALUES (1);"
    "CREATE TABLE person ("
    "  id INTEGER PRIMARY KEY,"
    "  name TEXT NOT NULL,"
    "  role TEXT NOT NULL,"
    "  position INTEGER NOT NULL DEFAULT 0);",
  [2] =
    /* Every printable, exportable thing is a document; the school profile
     * is the first. */
    "CREATE TABLE document ("
    "  id INTEGER PRIMARY KEY,"
    "  kind TEXT NOT NULL,"
    "  title TEXT NOT NULL DEFAULT '',"
    "  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
    "  modified TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')));"
    "INSERT INTO document (id, kind) VALUES (1, 'school');"
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "CREATE INDEX person_by_position ON person (position, id);",
  [3] =
    /* Vision narratives: sections hold DocBook block fragments; a revision
     * is a full copy of the sections at one moment. */
    "CREATE TABLE narrative ("
    "  document_id INTEGER PRIMARY KEY REFERENCES document (id) ON DELETE CASCADE,"
    "  author TEXT NOT NULL DEFAULT '',"
    "  status TEXT NOT NULL DEFAULT 'draft',"
    "  show_prompts INTEGER NOT NULL DEFAULT 1);"
    "CREATE TABLE narrative_section ("
    "  id INTEGER PRIMARY KEY,"
    "  document_id INTEGER NOT NULL REFERENCES document (id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL,"
    "  title TEXT NOT NULL,"
    "  prompts TEXT NOT NULL DEFAULT '',"
    "  body TEXT NOT NULL DEFAULT '');"
    "CREATE INDEX narrative_section_by_document ON narrative_section (document_id, position);"
    "CREATE TABLE revision ("
    "  id INTEGER PRIMARY KEY,"
    "  document_id INTEGER NOT NULL REFERENCES document (id) ON DELETE CASCADE,"
    "  created TEXT NOT NULL,"
    "  kind TEXT NOT NULL,"
    "  name TEXT NOT NULL DEFAULT '',"
    "  title TEXT NOT NULL DEFAULT '',"
    "  words INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX revision_by_document ON revision (document_id, created);"
    "CREATE TABLE revision_section ("
    "  revision_id INTEGER NOT NULL REFERENCES revision (id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL,"
    "  title TEXT NOT NULL,"
    "  prompts TEXT NOT NULL DEFAULT '',"
    "  body TEXT NOT NULL DEFAULT '',"
    "  PRIMARY KEY (revision_id, position));",
};

const char *
_ll_store_migration (int version)
{
  g_return_val_if_fail (version >= 1 && version <= LL_STORE_SCHEMA_VERSION, NULL);
  return migrations[version];
}
