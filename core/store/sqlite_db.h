// A small RAII wrapper of one SQLite connection (the plain C API, Debian's libsqlite3).
// Errors come back as Result values naming the file; no exception leaves this class.
#pragma once

#include "common/result.h"

#include <cstdint>
#include <memory>
#include <span>
#include <string>

struct sqlite3;

namespace eapscope {

class SqliteDb {
public:
    enum class Mode : std::uint8_t { ReadOnly, Create };

    /// Opens `path` (Create: read-write, created when missing). `name` is how errors name it.
    static Result<SqliteDb> open(const std::string& path, Mode mode);
    /// Opens a private in-memory copy of a database image (sqlite3_deserialize).
    static Result<SqliteDb> fromBytes(std::span<const std::uint8_t> bytes, const std::string& name);
    /// An empty in-memory database.
    static Result<SqliteDb> memory(const std::string& name);

    /// Runs one or more statements without results.
    Status exec(const std::string& sql);
    /// Copies this database into `target` (sqlite3_backup).
    Status copyTo(SqliteDb& target);

    [[nodiscard]] sqlite3* handle() const { return db_.get(); }
    [[nodiscard]] const std::string& name() const { return name_; }
    /// "<name>: <sqlite message>" for the last failure on this connection.
    [[nodiscard]] std::string errorText(std::string_view what) const;

private:
    struct Closer {
        void operator()(sqlite3* db) const;
    };
    SqliteDb(sqlite3* db, std::string name);
    std::unique_ptr<sqlite3, Closer> db_;
    std::string name_;
};

}  // namespace eapscope
