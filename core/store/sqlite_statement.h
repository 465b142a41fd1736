// A prepared SQLite statement (RAII over sqlite3_stmt) with typed binds and column reads.
#pragma once

#include "common/result.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

struct sqlite3_stmt;

namespace eapscope {

class SqliteDb;

class SqliteStatement {
public:
    enum class Step : std::uint8_t { Row, Done, Error };

    static Result<SqliteStatement> prepare(const SqliteDb& db, std::string_view sql);

    void bind(int index, std::int64_t value);
    void bind(int index, std::string_view text);
    void bind(int index, std::span<const std::uint8_t> blob);
    void bindNull(int index);
    void bindOptional(int index, const std::optional<std::int64_t>& value);

    Step step();
    /// Runs a statement that returns no rows, then resets it; the error names the database.
    Status run();
    void reset();

    /// SQLITE_INTEGER, SQLITE_TEXT, … of the current row's column.
    [[nodiscard]] int type(int column) const;
    [[nodiscard]] std::int64_t integer(int column) const;
    [[nodiscard]] std::string_view text(int column) const;
    [[nodiscard]] std::span<const std::uint8_t> blob(int column) const;
    [[nodiscard]] sqlite3_stmt* handle() const { return stmt_.get(); }

private:
    struct Finalizer {
        void operator()(sqlite3_stmt* stmt) const;
    };
    SqliteStatement(sqlite3_stmt* stmt, std::string dbName);
    std::unique_ptr<sqlite3_stmt, Finalizer> stmt_;
    std::string dbName_;
};

}  // namespace eapscope
