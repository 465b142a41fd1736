#include "store/session_schema.h"

#include "common/system_text.h"
#include "store/sqlite_db.h"
#include "store/sqlite_statement.h"

#include <sqlite3.h>

namespace eapscope {

namespace {

constexpr const char* kCreateTables = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value) WITHOUT ROWID;
CREATE TABLE strings(id INTEGER PRIMARY KEY, text TEXT NOT NULL, sentence TEXT);
CREATE TABLE packets(id INTEGER PRIMARY KEY, bytes BLOB NOT NULL);
CREATE TABLE methods(id INTEGER PRIMARY KEY, side INTEGER, name TEXT, path TEXT, eap_type INTEGER,
                     roles INTEGER, sha256 TEXT);
CREATE TABLE options(key TEXT PRIMARY KEY, seq INTEGER NOT NULL, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE contexts(id INTEGER PRIMARY KEY, side INTEGER, number INTEGER, created INTEGER, label INTEGER);
CREATE TABLE events(id INTEGER PRIMARY KEY, time INTEGER, kind INTEGER, side INTEGER, entry INTEGER,
                    action INTEGER, context INTEGER, call INTEGER, result INTEGER, aux INTEGER,
                    packet INTEGER, text INTEGER, a INTEGER, b INTEGER);
CREATE TABLE findings(id INTEGER PRIMARY KEY, rule TEXT, severity INTEGER, side INTEGER, context INTEGER,
                      call INTEGER, entry INTEGER, message TEXT, bytes INTEGER, blocks INTEGER, sites TEXT,
                      signal INTEGER, exit_status INTEGER, offset INTEGER, event INTEGER, text TEXT);
CREATE TABLE summary(key TEXT PRIMARY KEY, value) WITHOUT ROWID;
CREATE TABLE lesson_progress(seq INTEGER PRIMARY KEY, task TEXT NOT NULL, done INTEGER, started INTEGER,
                             completed INTEGER, hints INTEGER, time_ns INTEGER);
)sql";

// Format 1.4 keeps the template and arguments of each string the engine wrote as a sentence (a
// State or Note row's text: strings.sentence, JSON of common/message_text.h) so the GUI shows it
// translated; a 1.3 file has none and the GUI shows its stored English.
constexpr const char* kMigrate13To14 = R"sql(
ALTER TABLE strings ADD COLUMN sentence TEXT;
)sql";

// Format 1.3 keeps each finding's message as its template and arguments (findings.text, JSON of
// common/message_text.h) so the GUI shows it translated; a 1.2 finding has none and the GUI
// shows its stored English message.
constexpr const char* kMigrate12To13 = R"sql(
ALTER TABLE findings ADD COLUMN text TEXT;
)sql";

// Format 1.2 added learner events (events.kind = Learner) and the lesson progress table; a 1.1
// file has neither, so its lesson progress is empty.
constexpr const char* kMigrate11To12 = R"sql(
CREATE TABLE IF NOT EXISTS lesson_progress(seq INTEGER PRIMARY KEY, task TEXT NOT NULL, done INTEGER, started INTEGER,
                             completed INTEGER, hints INTEGER, time_ns INTEGER);
UPDATE meta SET value = 2 WHERE key = 'format_minor';
)sql";

// Format 1.0 kept the summary rows in meta; 1.1 moved them to their own table.
constexpr const char* kMigrate10To11 = R"sql(
CREATE TABLE summary(key TEXT PRIMARY KEY, value) WITHOUT ROWID;
INSERT INTO summary SELECT key, value FROM meta WHERE key NOT IN ('format_major', 'format_minor', 'writer');
DELETE FROM meta WHERE key NOT IN ('format_major', 'format_minor', 'writer');
UPDATE meta SET value = 1 WHERE key = 'format_minor';
)sql";

// A file that says it is older but already has a column a later version added (a 1.3 file whose
// version was edited back) keeps it: the steps only add what is missing.
bool hasColumn(const SqliteDb& db, const char* table, const char* column)
{
    auto query = SqliteStatement::prepare(db, std::string("SELECT count(*) FROM pragma_table_info('") +
                                                  table + "') WHERE name = '" + column + "'");
    return query && query->step() == SqliteStatement::Step::Row && query->integer(0) > 0;
}

std::string versionText(SchemaVersion v)
{
    return std::to_string(v.major) + "." + std::to_string(v.minor);
}

}  // namespace

Status createSessionSchema(SqliteDb& db)
{
    if (auto created = db.exec(kCreateTables); !created) {
        return created;
    }
    return db.exec("INSERT INTO meta VALUES('format_major', " + std::to_string(kSessionFormat.major) +
                   "), ('format_minor', " + std::to_string(kSessionFormat.minor) +
                   "), ('writer', 'EapScope " EAPSCOPE_VERSION "')");
}

Result<SchemaVersion> readSessionVersion(const SqliteDb& db)
{
    auto query = SqliteStatement::prepare(db,
                                          "SELECT (SELECT value FROM meta WHERE key = 'format_major'), "
                                          "(SELECT value FROM meta WHERE key = 'format_minor')");
    if (!query) {
        const int code = sqlite3_errcode(db.handle()) & 0xFF;
        if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT) {
            return makeError(phrase(
                EAPSCOPE_TRANSLATE_NOOP(
                    "EngineText", "%1: not an EapScope session file (not an SQLite database, or damaged)"),
                {verbatim(db.name())}));
        }
        return makeError(
            phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1: not an EapScope session file (%2)"),
                   {verbatim(db.name()), sqliteText(sqlite3_errmsg(db.handle()))}));
    }
    if (query->step() != SqliteStatement::Step::Row || query->type(0) != SQLITE_INTEGER ||
        query->type(1) != SQLITE_INTEGER) {
        return makeError(phrase(
            EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1: not an EapScope session file (no format version)"),
            {verbatim(db.name())}));
    }
    const std::int64_t major = query->integer(0);
    const std::int64_t minor = query->integer(1);
    if (major < 1 || minor < 0 || minor > 1'000'000) {
        return makeError(
            phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1: invalid session format version %2.%3"),
                   {verbatim(db.name()), verbatim(std::to_string(major)), verbatim(std::to_string(minor))}));
    }
    if (major > kSessionFormat.major) {
        return makeError(
            phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                           "%1: session format %2.%3 is newer than this EapScope reads (%4); "
                                           "open it with a newer EapScope"),
                   {verbatim(db.name()), verbatim(std::to_string(major)), verbatim(std::to_string(minor)),
                    verbatim(std::string(versionText(kSessionFormat)))}));
    }
    return SchemaVersion{static_cast<int>(major), static_cast<int>(minor)};
}

Status migrateSession(SqliteDb& db, SchemaVersion from)
{
    // Each step brings the file one minor version up, so an old file runs every later step.
    if (from.major == 1 && from.minor == 0) {
        if (auto migrated = db.exec(kMigrate10To11); !migrated) {
            return makeError(
                phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1: cannot migrate format 1.0: %2"),
                       {verbatim(db.name()), migrated.errorText()}));
        }
        from.minor = 1;
    }
    if (from.major == 1 && from.minor == 1) {
        if (auto migrated = db.exec(kMigrate11To12); !migrated) {
            return makeError(
                phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1: cannot migrate format 1.1: %2"),
                       {verbatim(db.name()), migrated.errorText()}));
        }
        from.minor = 2;
    }
    if (from.major == 1 && from.minor == 2) {
        if (!hasColumn(db, "findings", "text")) {
            if (auto migrated = db.exec(kMigrate12To13); !migrated) {
                return makeError(
                    phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1: cannot migrate format 1.2: %2"),
                           {verbatim(db.name()), migrated.errorText()}));
            }
        }
        if (auto updated = db.exec("UPDATE meta SET value = 3 WHERE key = 'format_minor'"); !updated) {
            return makeError(
                phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1: cannot migrate format 1.2: %2"),
                       {verbatim(db.name()), updated.errorText()}));
        }
        from.minor = 3;
    }
    if (from.major == 1 && from.minor == 3) {
        if (!hasColumn(db, "strings", "sentence")) {
            if (auto migrated = db.exec(kMigrate13To14); !migrated) {
                return makeError(
                    phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1: cannot migrate format 1.3: %2"),
                           {verbatim(db.name()), migrated.errorText()}));
            }
        }
        if (auto updated = db.exec("UPDATE meta SET value = 4 WHERE key = 'format_minor'"); !updated) {
            return makeError(
                phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1: cannot migrate format 1.3: %2"),
                       {verbatim(db.name()), updated.errorText()}));
        }
    }
    return Ok{};
}

}  // namespace eapscope
