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

/* A random (version 4) UUID in its usual lower-case form, for one row. */
#define NEW_UUID \
  "lower (hex (randomblob (4))) || '-' || lower (hex (randomblob (2))) || '-4' ||" \
  " substr (lower (hex (randomblob (2))), 2) || '-' ||" \
  " substr ('89ab', 1 + (random () & 3), 1) || substr (lower (hex (randomblob (2))), 2) || '-' ||" \
  " lower (hex (randomblob (6)))"

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
  [4] =
    /* Lesson observations. A framework's behaviours are referred to by
     * their keys, which stay when a behaviour is renamed or moved. Notes
     * and the observation's other words are searched through two FTS5
     * indexes that triggers keep in step in the same transaction; their
     * prefix indexes make the word being typed quick to look up. */
    "CREATE TABLE framework ("
    "  id INTEGER PRIMARY KEY,"
    "  name TEXT NOT NULL,"
    "  description TEXT NOT NULL DEFAULT '',"
    "  scale TEXT NOT NULL,"
    "  position INTEGER NOT NULL DEFAULT 0);"
    "CREATE TABLE framework_group ("
    "  framework_id INTEGER NOT NULL REFERENCES framework (id) ON DELETE CASCADE,"
    "  key TEXT NOT NULL,"
    "  position INTEGER NOT NULL,"
    "  name TEXT NOT NULL,"
    "  description TEXT NOT NULL DEFAULT '',"
    "  PRIMARY KEY (framework_id, key));"
    "CREATE TABLE behaviour ("
    "  framework_id INTEGER NOT NULL REFERENCES framework (id) ON DELETE CASCADE,"
    "  key TEXT NOT NULL,"
    "  group_key TEXT NOT NULL,"
    "  position INTEGER NOT NULL,"
    "  name TEXT NOT NULL,"
    "  description TEXT NOT NULL DEFAULT '',"
    "  PRIMARY KEY (framework_id, key));"
    "CREATE TABLE observation ("
    "  document_id INTEGER PRIMARY KEY REFERENCES document (id) ON DELETE CASCADE,"
    "  framework_id INTEGER REFERENCES framework (id),"
    "  date TEXT NOT NULL,"
    "  start TEXT NOT NULL DEFAULT '',"
    "  duration INTEGER NOT NULL DEFAULT 0,"
    "  observer_id INTEGER REFERENCES person (id) ON DELETE SET NULL,"
    "  teacher_id INTEGER REFERENCES person (id) ON DELETE SET NULL,"
    "  class_group TEXT NOT NULL DEFAULT '',"
    "  year_group TEXT NOT NULL DEFAULT '',"
    "  subject TEXT NOT NULL DEFAULT '',"
    "  focus TEXT NOT NULL DEFAULT '',"
    "  context TEXT NOT NULL DEFAULT '',"
    "  status TEXT NOT NULL DEFAULT 'planned',"
    "  strengths TEXT NOT NULL DEFAULT '',"
    "  questions TEXT NOT NULL DEFAULT '',"
    "  next_steps TEXT NOT NULL DEFAULT '',"
    "  reflection TEXT NOT NULL DEFAULT '',"
    "  follow_up TEXT NOT NULL DEFAULT '');"
    /* the year's list reads this index alone */
    "CREATE INDEX observation_list ON observation (date, start, document_id, teacher_id,"
    "  observer_id, class_group, year_group, subject, focus, status, follow_up);"
    "CREATE INDEX observation_by_framework ON observation (framework_id);"
    "CREATE TABLE observation_note ("
    "  id INTEGER PRIMARY KEY,"
    "  document_id INTEGER NOT NULL REFERENCES document (id) ON DELETE CASCADE,"
    "  minute INTEGER NOT NULL DEFAULT 0,"
    "  behaviours TEXT NOT NULL DEFAULT '',"
    "  text TEXT NOT NULL DEFAULT '');"
    "CREATE INDEX observation_note_by_document ON observation_note (document_id, id);"
    "CREATE TABLE observation_tally ("
    "  document_id INTEGER NOT NULL REFERENCES document (id) ON DELETE CASCADE,"
    "  behaviour TEXT NOT NULL,"
    "  count INTEGER NOT NULL DEFAULT 0 CHECK (count >= 0),"
    "  PRIMARY KEY (document_id, behaviour));"
    "CREATE TABLE observation_level ("
    "  document_id INTEGER NOT NULL REFERENCES document (id) ON DELETE CASCADE,"
    "  behaviour TEXT NOT NULL,"
    "  level INTEGER NOT NULL DEFAULT -1,"
    "  evidence TEXT NOT NULL DEFAULT '',"
    "  PRIMARY KEY (document_id, behaviour));"
    "CREATE VIRTUAL TABLE observation_note_search USING fts5 ("
    "  text, content='observation_note', content_rowid='id',"
    "  tokenize='unicode61 remove_diacritics 2', prefix='2 3');"
    "CREATE TRIGGER observation_note_search_insert AFTER INSERT ON observation_note BEGIN"
    "  INSERT INTO observation_note_search (rowid, text) VALUES (new.id, new.text);"
    "END;"
    "CREATE TRIGGER observation_note_search_delete AFTER DELETE ON observation_note BEGIN"
    "  INSERT INTO observation_note_search (observation_note_search, rowid, text)"
    "    VALUES ('delete', old.id, old.text);"
    "END;"
    "CREATE TRIGGER observation_note_search_update AFTER UPDATE OF text ON observation_note BEGIN"
    "  INSERT INTO observation_note_search (observation_note_search, rowid, text)"
    "    VALUES ('delete', old.id, old.text);"
    "  INSERT INTO observation_note_search (rowid, text) VALUES (new.id, new.text);"
    "END;"
    "CREATE VIRTUAL TABLE observation_search USING fts5 ("
    "  class_group, year_group, subject, context, strengths, questions, next_steps, reflection,"
    "  content='observation', content_rowid='document_id',"
    "  tokenize='unicode61 remove_diacritics 2', prefix='2 3');"
    "CREATE TRIGGER observation_search_insert AFTER INSERT ON observation BEGIN"
    "  INSERT INTO observation_search (rowid, class_group, year_group, subject, context, strengths,"
    "    questions, next_steps, reflection)"
    "    VALUES (new.document_id, new.class_group, new.year_group, new.subject, new.context,"
    "      new.strengths, new.questions, new.next_steps, new.reflection);"
    "END;"
    "CREATE TRIGGER observation_search_delete AFTER DELETE ON observation BEGIN"
    "  INSERT INTO observation_search (observation_search, rowid, class_group, year_group, subject,"
    "    context, strengths, questions, next_steps, reflection)"
    "    VALUES ('delete', old.document_id, old.class_group, old.year_group, old.subject, old.context,"
    "      old.strengths, old.questions, old.next_steps, old.reflection);"
    "END;"
    "CREATE TRIGGER observation_search_update AFTER UPDATE OF class_group, year_group, subject,"
    "  context, strengths, questions, next_steps, reflection ON observation BEGIN"
    "  INSERT INTO observation_search (observation_search, rowid, class_group, year_group, subject,"
    "    context, strengths, questions, next_steps, reflection)"
    "    VALUES ('delete', old.document_id, old.class_group, old.year_group, old.subject, old.context,"
    "      old.strengths, old.questions, old.next_steps, old.reflection);"
    "  INSERT INTO observation_search (rowid, class_group, year_group, subject, context, strengths,"
    "    questions, next_steps, reflection)"
    "    VALUES (new.document_id, new.class_group, new.year_group, new.subject, new.context,"
    "      new.strengths, new.questions, new.next_steps, new.reflection);"
    "END;",
  [5] =
    /* A stable identity for every document and person, kept when they are
     * copied into another workbook (hand-in packages, tracking impact
     * across years, anonymised export), unlike the row IDs. Rows made
     * without one are given one as they are inserted. */
    "ALTER TABLE document ADD COLUMN uuid TEXT;"
    "ALTER TABLE person ADD COLUMN uuid TEXT;"
    "UPDATE document SET uuid = " NEW_UUID ";"
    "UPDATE person SET uuid = " NEW_UUID ";"
    "CREATE UNIQUE INDEX document_by_uuid ON document (uuid);"
    "CREATE UNIQUE INDEX person_by_uuid ON person (uuid);"
    "CREATE TRIGGER document_uuid AFTER INSERT ON document WHEN new.uuid IS NULL BEGIN"
    "  UPDATE document SET uuid = " NEW_UUID " WHERE id = new.id;"
    "END;"
    "CREATE TRIGGER person_uuid AFTER INSERT ON person WHEN new.uuid IS NULL BEGIN"
    "  UPDATE person SET uuid = " NEW_UUID " WHERE id = new.id;"
    "END;",
  [6] =
    /* Evidence portfolios of a leadership programme. The programme (one
     * per workbook, made when first needed) has three study sessions and
     * six cluster meetings. The rules of certification are data: the rows
     * without a programme are the defaults that a new programme copies.
     * Entries hold DocBook block fragments, as narratives' sections do. A
     * submission is a copy of what was submitted, which a trigger keeps
     * from ever changing; only the tutor's verification is added to it.
     * Evidence files have tables of their own (version 7). */
    "CREATE TABLE programme ("
    "  id INTEGER PRIMARY KEY,"
    "  title TEXT NOT NULL DEFAULT '',"
    "  certifying_body TEXT NOT NULL DEFAULT '',"
    "  start_date TEXT NOT NULL,"
    "  end_date TEXT NOT NULL,"
    "  cohort TEXT NOT NULL DEFAULT '',"
    "  hub TEXT NOT NULL DEFAULT '',"
    "  facilitator_id INTEGER REFERENCES person (id) ON DELETE SET NULL);"
    "CREATE TABLE programme_session ("
    "  id INTEGER PRIMARY KEY,"
    "  programme_id INTEGER NOT NULL REFERENCES programme (id) ON DELETE CASCADE,"
    "  kind TEXT NOT NULL CHECK (kind IN ('study', 'cluster')),"
    "  number INTEGER NOT NULL,"
    "  term TEXT NOT NULL DEFAULT '',"
    "  date TEXT NOT NULL DEFAULT '',"
    "  host_school TEXT NOT NULL DEFAULT '',"
    "  theme TEXT NOT NULL DEFAULT '',"
    "  UNIQUE (programme_id, kind, number));"
    "CREATE TABLE programme_session_leader ("
    "  session_id INTEGER NOT NULL REFERENCES programme_session (id) ON DELETE CASCADE,"
    "  person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,"
    "  PRIMARY KEY (session_id, person_id));"
    "CREATE TABLE portfolio_rule ("
    "  id INTEGER PRIMARY KEY,"
    "  programme INTEGER REFERENCES programme (id) ON DELETE CASCADE,"
    "  kind TEXT NOT NULL,"
    "  minimum INTEGER NOT NULL DEFAULT 0,"
    "  position INTEGER NOT NULL DEFAULT 0,"
    "  UNIQUE (programme, kind));"
    "INSERT INTO portfolio_rule (programme, kind, minimum, position) VALUES"
    "  (NULL, 'cluster-reflections', 3, 0),"
    "  (NULL, 'led-cluster-reflection', 1, 1),"
    "  (NULL, 'story-part-words', 150, 2),"
    "  (NULL, 'outcomes-presented', 1, 3),"
    "  (NULL, 'entries-in-year', 0, 4);"
    "CREATE TABLE participant ("
    "  document_id INTEGER PRIMARY KEY REFERENCES document (id) ON DELETE CASCADE,"
    "  person_id INTEGER REFERENCES person (id) ON DELETE SET NULL,"
    "  school TEXT NOT NULL DEFAULT '',"
    "  role TEXT NOT NULL DEFAULT 'aspiring-middle-leader',"
    "  tutor_id INTEGER REFERENCES person (id) ON DELETE SET NULL,"
    "  focus TEXT NOT NULL DEFAULT 'other',"
    "  focus_other TEXT NOT NULL DEFAULT '',"
    "  activity TEXT NOT NULL DEFAULT 'alone',"
    "  activity_with TEXT NOT NULL DEFAULT '',"
    "  status TEXT NOT NULL DEFAULT 'in-progress');"
    "CREATE TABLE portfolio_entry ("
    "  id INTEGER PRIMARY KEY,"
    "  document_id INTEGER NOT NULL REFERENCES document (id) ON DELETE CASCADE,"
    "  kind TEXT NOT NULL,"
    "  part TEXT NOT NULL DEFAULT '',"
    "  position INTEGER NOT NULL,"
    "  date TEXT NOT NULL DEFAULT '',"
    "  included INTEGER NOT NULL DEFAULT 1,"
    "  session_id INTEGER REFERENCES programme_session (id) ON DELETE SET NULL,"
    "  led INTEGER NOT NULL DEFAULT 0,"
    "  title TEXT NOT NULL DEFAULT '',"
    "  body TEXT NOT NULL DEFAULT '',"
    "  presented TEXT NOT NULL DEFAULT '',"
    "  audience TEXT NOT NULL DEFAULT '');"
    "CREATE INDEX portfolio_entry_by_document ON portfolio_entry (document_id, position);"
    "CREATE TABLE portfolio_submission ("
    "  document_id INTEGER NOT NULL REFERENCES document (id) ON DELETE CASCADE,"
    "  number INTEGER NOT NULL,"
    "  submitted TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
    "  content TEXT NOT NULL,"
    "  statement TEXT NOT NULL DEFAULT '',"
    "  verified_by TEXT NOT NULL DEFAULT '',"
    "  verified TEXT NOT NULL DEFAULT '',"
    "  PRIMARY KEY (document_id, number));"
    "CREATE TRIGGER portfolio_submission_locked BEFORE UPDATE OF document_id, number, submitted,"
    "  content ON portfolio_submission BEGIN"
    "  SELECT RAISE (ABORT, 'a submitted copy never changes');"
    "END;",
  [7] =
    /* Evidence files of a portfolio: what lists show in one table, the
     * bytes in another, so that listing never reads them. The evidence of
     * a removed entry stays with the portfolio, supporting no entry; the
     * portfolio's removal takes its evidence and their bytes with it. */
    "CREATE TABLE evidence ("
    "  id INTEGER PRIMARY KEY,"
    "  document_id INTEGER NOT NULL REFERENCES document (id) ON DELETE CASCADE,"
    "  entry_id INTEGER REFERENCES portfolio_entry (id) ON DELETE SET NULL,"
    "  name TEXT NOT NULL,"
    "  mime_type TEXT NOT NULL,"
    "  size INTEGER NOT NULL CHECK (size >= 0),"
    "  sha256 TEXT NOT NULL,"
    "  caption TEXT NOT NULL DEFAULT '',"
    "  added TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
    "  position INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX evidence_by_document ON evidence (document_id, position);"
    "CREATE INDEX evidence_by_entry ON evidence (entry_id);"
    "CREATE TABLE evidence_data ("
    "  evidence_id INTEGER PRIMARY KEY REFERENCES evidence (id) ON DELETE CASCADE,"
    "  data BLOB NOT NULL);",
};

const char *
_ll_store_migration (int version)
{
  g_return_val_if_fail (version >= 1 && version <= LL_STORE_SCHEMA_VERSION, NULL);
  return migrations[version];
}
