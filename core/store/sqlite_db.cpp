#include "store/sqlite_db.h"

#include "common/system_text.h"

#include <sqlite3.h>

#include <cstring>

namespace eapscope {

void SqliteDb::Closer::operator()(sqlite3* db) const
{
    sqlite3_close_v2(db);
}

SqliteDb::SqliteDb(sqlite3* db, std::string name) : db_(db), name_(std::move(name))
{
}

namespace {

// Limits for untrusted files: no single value beyond 64 MiB, so a hostile blob cannot make
// one column read allocate gigabytes (packets are at most 64 KiB, strings far less).
constexpr int kMaxValueBytes = 64 << 20;

void harden(sqlite3* db)
{
    sqlite3_limit(db, SQLITE_LIMIT_LENGTH, kMaxValueBytes);
    sqlite3_limit(db, SQLITE_LIMIT_SQL_LENGTH, 1 << 20);
    sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, nullptr);
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, nullptr);
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, nullptr);
}

Result<sqlite3*> openRaw(const std::string& path, int flags, const std::string& name)
{
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        MessageText message =
            phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1: cannot open: %2"),
                   {verbatim(name), sqliteText(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc))});
        sqlite3_close_v2(db);
        return makeError(std::move(message));
    }
    harden(db);
    return db;
}

}  // namespace

Result<SqliteDb> SqliteDb::open(const std::string& path, Mode mode)
{
    const int flags =
        SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE |
        (mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    auto db = openRaw(path, flags, path);
    if (!db) {
        return db.failure();
    }
    return SqliteDb(db.value(), path);
}

Result<SqliteDb> SqliteDb::memory(const std::string& name)
{
    auto db = openRaw(":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, name);
    if (!db) {
        return db.failure();
    }
    return SqliteDb(db.value(), name);
}

Result<SqliteDb> SqliteDb::fromBytes(std::span<const std::uint8_t> bytes, const std::string& name)
{
    auto db = memory(name);
    if (!db) {
        return db;
    }
    if (bytes.size() > static_cast<std::size_t>(kMaxValueBytes) * 16) {
        return makeError(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1: too large to open from memory"),
                                {verbatim(name)}));
    }
    auto* copy = static_cast<unsigned char*>(sqlite3_malloc64(bytes.size() > 0 ? bytes.size() : 1));
    if (copy == nullptr) {
        return makeError(
            phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1: out of memory"), {verbatim(name)}));
    }
    if (!bytes.empty()) {
        std::memcpy(copy, bytes.data(), bytes.size());
    }
    // A WAL-mode image (header bytes 18/19 = 2) cannot be read from memory; as a standalone
    // image it is the same database in rollback mode.
    if (bytes.size() >= 20 && copy[18] == 2 && copy[19] == 2) {
        copy[18] = copy[19] = 1;
    }
    const int rc = sqlite3_deserialize(db->handle(), "main", copy, static_cast<sqlite3_int64>(bytes.size()),
                                       static_cast<sqlite3_int64>(bytes.size()),
                                       SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_READONLY);
    if (rc != SQLITE_OK) {
        return makeError(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1: not a session file (%2)"),
                                {verbatim(name), sqliteText(sqlite3_errstr(rc))}));
    }
    return db;
}

Status SqliteDb::exec(const std::string& sql)
{
    char* message = nullptr;
    if (sqlite3_exec(db_.get(), sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        std::string text = name_ + ": " + (message ? message : "SQLite error");
        sqlite3_free(message);
        return makeError(std::move(text));
    }
    return Ok{};
}

Status SqliteDb::copyTo(SqliteDb& target)
{
    sqlite3_backup* backup = sqlite3_backup_init(target.handle(), "main", db_.get(), "main");
    if (backup == nullptr) {
        return makeError(target.errorText("cannot copy"));
    }
    const int rc = sqlite3_backup_step(backup, -1);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) {
        return makeError(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1: cannot copy: %2"),
                                {verbatim(name_), sqliteText(sqlite3_errstr(rc))}));
    }
    return Ok{};
}

std::string SqliteDb::errorText(std::string_view what) const
{
    return name_ + ": " + std::string(what) + ": " + sqlite3_errmsg(db_.get());
}

}  // namespace eapscope
