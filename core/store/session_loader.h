// Reads one opened session database into a Trace, validating every value on the way: the
// workhorse behind readSession()/readSessionBytes() (session_reader.h).
#pragma once

#include "common/result.h"
#include "common/system_text.h"
#include "store/sqlite_db.h"
#include "trace/trace.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace eapscope {

class SqliteStatement;

class SessionLoader {
public:
    SessionLoader(SqliteDb db, std::function<void(double)> progress, const std::atomic<bool>* cancel);

    Result<Trace> load();

private:
    Status migrateIfOld();
    Status countRows();
    std::size_t packetBytesHint();
    Status loadStrings();
    Status loadPackets();
    Status loadMethods();
    Status loadOptions();
    Status loadContexts();
    Status loadFindings();
    Status loadSummary();
    Status loadEvents();
    Status loadLessonProgress();
    Status loadEventRow(const SqliteStatement& row, std::size_t index);
    Status loadFindingRow(const SqliteStatement& row, std::size_t index);

    Result<SqliteStatement> query(const char* sql);
    Error damaged(MessageText detail) const;
    Error damaged(const char* sqliteMessage) const { return damaged(sqliteText(sqliteMessage)); }
    bool tick(std::size_t rows);
    Result<StringId> stringRef(std::int64_t stored, const char* what) const;

    SqliteDb db_;
    std::function<void(double)> progress_;
    const std::atomic<bool>* cancel_;
    Trace trace_;
    std::vector<StringId> strings_;        // file string id -> trace string id
    std::vector<FindingRecord> findings_;  // in file order, added when their event is read
    std::size_t findingsAdded_ = 0;
    std::size_t totalEvents_ = 0;
    std::size_t totalRows_ = 1;
    std::size_t rowsDone_ = 0;
    double lastProgress_ = -1;
    bool complete_ = false;
};

}  // namespace eapscope
