#include "store/sqlite_statement.h"

#include "store/sqlite_db.h"

#include <sqlite3.h>

namespace eapscope {

void SqliteStatement::Finalizer::operator()(sqlite3_stmt* stmt) const
{
    sqlite3_finalize(stmt);
}

SqliteStatement::SqliteStatement(sqlite3_stmt* stmt, std::string dbName)
    : stmt_(stmt), dbName_(std::move(dbName))
{
}

Result<SqliteStatement> SqliteStatement::prepare(const SqliteDb& db, std::string_view sql)
{
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v3(db.handle(), sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK || stmt == nullptr) {
        sqlite3_finalize(stmt);
        return makeError(db.errorText("cannot prepare"));
    }
    return SqliteStatement(stmt, db.name());
}

void SqliteStatement::bind(int index, std::int64_t value)
{
    sqlite3_bind_int64(stmt_.get(), index, value);
}

void SqliteStatement::bind(int index, std::string_view text)
{
    sqlite3_bind_text64(stmt_.get(), index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
}

void SqliteStatement::bind(int index, std::span<const std::uint8_t> blob)
{
    // An empty span has a null data(); SQLite would store NULL, so bind an empty blob explicitly.
    if (blob.empty()) {
        sqlite3_bind_zeroblob(stmt_.get(), index, 0);
        return;
    }
    sqlite3_bind_blob64(stmt_.get(), index, blob.data(), blob.size(), SQLITE_TRANSIENT);
}

void SqliteStatement::bindNull(int index)
{
    sqlite3_bind_null(stmt_.get(), index);
}

void SqliteStatement::bindOptional(int index, const std::optional<std::int64_t>& value)
{
    if (value) {
        bind(index, *value);
    } else {
        bindNull(index);
    }
}

SqliteStatement::Step SqliteStatement::step()
{
    switch (sqlite3_step(stmt_.get())) {
        case SQLITE_ROW:
            return Step::Row;
        case SQLITE_DONE:
            return Step::Done;
        default:
            return Step::Error;
    }
}

Status SqliteStatement::run()
{
    const Step result = step();
    if (result == Step::Error) {
        std::string message = dbName_ + ": " + sqlite3_errmsg(sqlite3_db_handle(stmt_.get()));
        reset();
        return makeError(std::move(message));
    }
    reset();
    return Ok{};
}

void SqliteStatement::reset()
{
    sqlite3_reset(stmt_.get());
}

int SqliteStatement::type(int column) const
{
    return sqlite3_column_type(stmt_.get(), column);
}

std::int64_t SqliteStatement::integer(int column) const
{
    return sqlite3_column_int64(stmt_.get(), column);
}

std::string_view SqliteStatement::text(int column) const
{
    const auto* data = sqlite3_column_text(stmt_.get(), column);
    const int size = sqlite3_column_bytes(stmt_.get(), column);
    if (data == nullptr || size <= 0) {
        return {};
    }
    return {reinterpret_cast<const char*>(data), static_cast<std::size_t>(size)};
}

std::span<const std::uint8_t> SqliteStatement::blob(int column) const
{
    const auto* data = static_cast<const std::uint8_t*>(sqlite3_column_blob(stmt_.get(), column));
    const int size = sqlite3_column_bytes(stmt_.get(), column);
    if (data == nullptr || size <= 0) {
        return {};
    }
    return {data, static_cast<std::size_t>(size)};
}

}  // namespace eapscope
