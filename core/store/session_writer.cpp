#include "store/session_writer.h"

#include "common/log.h"
#include "store/redactor.h"
#include "store/session_schema.h"
#include "store/session_summary.h"
#include "store/sqlite_db.h"
#include "store/sqlite_statement.h"

#include <sqlite3.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <limits>
#include <optional>

namespace eapscope {

namespace {

std::int64_t asStored(std::uint64_t value)
{
    return static_cast<std::int64_t>(value);
}

std::string sitesJson(const std::vector<std::string>& sites)
{
    return nlohmann::json(sites).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::optional<std::int64_t> widen(const std::optional<std::uint64_t>& value)
{
    return value ? std::optional<std::int64_t>(asStored(*value)) : std::nullopt;
}

constexpr std::size_t kEventColumns = 14;
constexpr std::size_t kEventBlock = 32;  // rows per multi-row INSERT (448 parameters)

std::optional<std::int64_t> widen(const std::optional<int>& value)
{
    return value ? std::optional<std::int64_t>(*value) : std::nullopt;
}

}  // namespace

class SessionWriter::Impl {
public:
    Impl(SqliteDb db, bool keepSecrets) : db_(std::move(db)), redactor_(keepSecrets) {}

    Status prepare();
    Status write(const TraceBatch& batch, bool complete);
    /// Replaces SQLite's automatic checkpoint, whose failure (SQLITE_BUSY while a reader of the
    /// live file opens or closes it) would fail the COMMIT that triggered it, and stop the
    /// recording although the batch was committed: fold() checkpoints after a commit instead.
    void watchWal();
    Status leaveWal() { return db_.exec("PRAGMA journal_mode = DELETE"); }
    [[nodiscard]] const std::string& path() const { return db_.name(); }
    [[nodiscard]] std::size_t events() const { return file_.events; }

    // flush(trace)/finish(trace): what of the caller's trace the batches carried so far.
    TraceBatch::Marks traceMarks = TraceBatch::initialMarks();

private:
    // What the file holds; advanced only after a successful commit.
    struct Held {
        std::size_t events = 0, strings = Trace().stringCount(), packets = 0, contexts = 0, findings = 0,
                    methods = 0;
        std::size_t errors = 0, warnings = 0, infos = 0;
        std::uint64_t packetBytes = 0;
        std::vector<std::pair<std::string, std::string>> options;
    };

    Status applyRewind(const TraceBatch& batch, Held& held);
    Status recount(Held& held);
    Status writeStrings(const TraceBatch& batch, Held& held);
    Status writePackets(const TraceBatch& batch, Held& held);
    Status writeMethods(const TraceBatch& batch, Held& held);
    Status writeContexts(const TraceBatch& batch, Held& held);
    Status writeFindings(const TraceBatch& batch, Held& held);
    Status writeEvents(const TraceBatch& batch, Held& held);
    Status writeOptions(const TraceBatch& batch, Held& held);
    Status writeSummary(const Held& held, bool complete);
    Status writeLessonProgress(const TraceBatch& batch);
    Status deleteFrom(const char* table, std::size_t firstId);

    SqliteDb db_;
    Redactor redactor_;
    std::optional<SqliteStatement> string_, packet_, method_, context_, finding_, event_, eventBlock_,
        option_, summary_, progress_;
    Held file_;
    bool complete_ = false;
    static constexpr int kFoldFrames = 256;  // 8 KiB pages: 2 MB
    int walFrames_ = 0;                      // in the WAL after the last commit (watchWal)
    void fold();
};

namespace {

std::string eventBlockSql()
{
    std::string sql = "INSERT INTO events VALUES";
    for (std::size_t row = 0; row < kEventBlock; ++row) {
        sql += row == 0 ? "(" : ",(";
        for (std::size_t column = 0; column < kEventColumns; ++column) {
            sql += (column == 0 ? "?" : ",?") + std::to_string(row * kEventColumns + column + 1);
        }
        sql += ")";
    }
    return sql;
}

}  // namespace

Status SessionWriter::Impl::prepare()
{
    const std::string block = eventBlockSql();
    const std::pair<std::optional<SqliteStatement>*, const char*> statements[] = {
        {&string_, "INSERT INTO strings VALUES(?1, ?2, ?3)"},
        {&packet_, "INSERT INTO packets VALUES(?1, ?2)"},
        {&method_, "INSERT INTO methods VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)"},
        {&context_, "INSERT INTO contexts VALUES(?1, ?2, ?3, ?4, ?5)"},
        {&finding_,
         "INSERT INTO findings VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
         "?16)"},
        {&event_, "INSERT INTO events VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"},
        {&eventBlock_, block.c_str()},
        {&option_, "INSERT INTO options VALUES(?1, ?2, ?3) ON CONFLICT(key) DO UPDATE SET value = ?3"},
        {&summary_, "INSERT INTO summary VALUES(?1, ?2) ON CONFLICT(key) DO UPDATE SET value = ?2"},
        {&progress_, "INSERT INTO lesson_progress VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)"},
    };
    for (const auto& [slot, sql] : statements) {
        auto statement = SqliteStatement::prepare(db_, sql);
        if (!statement) {
            return statement.failure();
        }
        slot->emplace(std::move(statement.value()));
    }
    return Ok{};
}

Status SessionWriter::Impl::write(const TraceBatch& batch, bool complete)
{
    if (auto begun = db_.exec("BEGIN IMMEDIATE"); !begun) {
        return begun;
    }
    Held held = file_;
    Status status = applyRewind(batch, held);
    if (status && batch.options()) {
        held.options = *batch.options();
        redactor_.learn(held.options);  // before any text of the batch is written
    }
    using Step = Status (Impl::*)(const TraceBatch&, Held&);
    for (Step step : {&Impl::writeStrings, &Impl::writePackets, &Impl::writeMethods, &Impl::writeContexts,
                      &Impl::writeFindings, &Impl::writeEvents, &Impl::writeOptions}) {
        if (status) {
            status = (this->*step)(batch, held);
        }
    }
    if (status) {
        status = writeSummary(held, complete || complete_);
    }
    if (status) {
        status = writeLessonProgress(batch);
    }
    if (status) {
        status = db_.exec("COMMIT");
    }
    if (!status) {
        (void)db_.exec("ROLLBACK");
        redactor_.learn(file_.options);
        return status;
    }
    file_ = std::move(held);
    complete_ = complete_ || complete;
    fold();
    return Ok{};
}

void SessionWriter::Impl::watchWal()
{
    sqlite3_wal_hook(
        db_.handle(),
        [](void* frames, sqlite3*, const char*, int count) {
            *static_cast<int*>(frames) = count;
            return SQLITE_OK;
        },
        &walFrames_);
}

// The WAL is folded into the file whenever it holds 2 MB, as the run goes (on the recorder's
// writer thread), so that finish() folds in little more than the last batch. Passive and
// best effort: a reader in the way only postpones it to a later commit.
void SessionWriter::Impl::fold()
{
    if (walFrames_ < kFoldFrames) {
        return;
    }
    int log = 0;
    int folded = 0;
    if (sqlite3_wal_checkpoint_v2(db_.handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, &log, &folded) ==
            SQLITE_OK &&
        folded == log) {
        walFrames_ = 0;
    }
}

// Mirrors the receiver's side of TraceBatch::applyTo(): a truncating batch drops the rows past
// its first event and the packets, contexts and findings they created (the batch says how many
// stay); a restarting one empties the file. Then each table must continue where the batch does.
Status SessionWriter::Impl::applyRewind(const TraceBatch& batch, Held& held)
{
    const std::pair<const char*, std::pair<std::size_t, std::size_t*>> tables[] = {
        {"events", {batch.firstEvent(), &held.events}},
        {"strings", {batch.firstString(), &held.strings}},
        {"packets", {batch.firstPacket(), &held.packets}},
        {"contexts", {batch.firstContext(), &held.contexts}},
        {"findings", {batch.firstFinding(), &held.findings}},
        {"methods", {batch.firstMethod(), &held.methods}},
    };
    if (batch.rewind() != TraceBatch::Rewind::None) {
        for (const auto& [table, counts] : tables) {
            const auto& [first, holds] = counts;
            if (first > *holds) {
                break;  // out of step: reported below
            }
            if (first < *holds) {
                if (auto deleted = deleteFrom(table, first); !deleted) {
                    return deleted;
                }
                *holds = first;
            }
        }
        if (batch.rewind() == TraceBatch::Rewind::Restart) {
            for (const char* sql : {"DELETE FROM options", "DELETE FROM lesson_progress"}) {
                if (auto deleted = db_.exec(sql); !deleted) {
                    return deleted;
                }
            }
            held.options.clear();
        }
        if (auto counted = recount(held); !counted) {
            return counted;
        }
    }
    for (const auto& [table, counts] : tables) {
        if (counts.first != *counts.second) {
            return makeError(db_.name() + ": recording out of step: " + std::string(table) + " continue at " +
                             std::to_string(counts.first) + ", the file holds " +
                             std::to_string(*counts.second));
        }
    }
    return Ok{};
}

// After rows left the file: the summary's packet bytes and finding severities, from what stays.
Status SessionWriter::Impl::recount(Held& held)
{
    auto bytes = SqliteStatement::prepare(db_, "SELECT coalesce(sum(length(bytes)), 0) FROM packets");
    if (!bytes) {
        return bytes.failure();
    }
    if (bytes->step() != SqliteStatement::Step::Row) {
        return makeError(db_.errorText("cannot read back"));
    }
    held.packetBytes = static_cast<std::uint64_t>(bytes->integer(0));
    auto severities =
        SqliteStatement::prepare(db_, "SELECT severity, count(*) FROM findings GROUP BY severity");
    if (!severities) {
        return severities.failure();
    }
    held.errors = held.warnings = held.infos = 0;
    for (;;) {
        const SqliteStatement::Step step = severities->step();
        if (step == SqliteStatement::Step::Done) {
            return Ok{};
        }
        if (step != SqliteStatement::Step::Row) {
            return makeError(db_.errorText("cannot read back"));
        }
        const auto count = static_cast<std::size_t>(severities->integer(1));
        switch (static_cast<Severity>(severities->integer(0))) {
            case Severity::Error:
                held.errors += count;
                break;
            case Severity::Warning:
                held.warnings += count;
                break;
            case Severity::Info:
                held.infos += count;
                break;
        }
    }
}

// Lesson progress is small (one row per task) and replaced as a whole when it changed.
Status SessionWriter::Impl::writeLessonProgress(const TraceBatch& batch)
{
    if (!batch.lessonProgress()) {
        return Ok{};
    }
    const auto& records = *batch.lessonProgress();
    if (auto cleared = db_.exec("DELETE FROM lesson_progress"); !cleared) {
        return cleared;
    }
    for (std::size_t i = 0; i < records.size(); ++i) {
        const LessonTaskRecord& r = records[i];
        progress_->bind(1, static_cast<std::int64_t>(i));
        progress_->bind(2, std::string_view(r.task));
        progress_->bind(3, static_cast<std::int64_t>(r.done ? 1 : 0));
        progress_->bind(4, storedId(r.started));
        progress_->bind(5, storedId(r.completed));
        progress_->bind(6, static_cast<std::int64_t>(r.hints));
        progress_->bind(7, asStored(r.timeNs));
        if (auto ok = progress_->run(); !ok) {
            return ok;
        }
    }
    return Ok{};
}

Status SessionWriter::Impl::deleteFrom(const char* table, std::size_t firstId)
{
    return db_.exec(std::string("DELETE FROM ") + table + " WHERE id >= " + std::to_string(firstId));
}

Status SessionWriter::Impl::writeStrings(const TraceBatch& batch, Held& held)
{
    const auto strings = batch.strings();
    const auto sentences = batch.sentences();
    auto sentence = sentences.begin();  // in string order
    for (std::size_t k = 0; k < strings.size(); ++k) {
        const std::size_t id = batch.firstString() + k;
        string_->bind(1, static_cast<std::int64_t>(id));
        string_->bind(2, redactor_.text(strings[k]));
        if (sentence != sentences.end() && sentence->first == id) {
            string_->bind(3, messageTextJson(sentence->second,
                                             [this](std::string_view text) { return redactor_.text(text); }));
            ++sentence;
        } else {
            string_->bindNull(3);
        }
        if (auto ok = string_->run(); !ok) {
            return ok;
        }
    }
    held.strings += strings.size();
    return Ok{};
}

Status SessionWriter::Impl::writePackets(const TraceBatch& batch, Held& held)
{
    std::vector<std::uint8_t> masked;
    for (std::size_t k = 0; k < batch.packetCount(); ++k) {
        const auto bytes = batch.packet(k);
        packet_->bind(1, static_cast<std::int64_t>(batch.firstPacket() + k));
        if (redactor_.packetIsClean(bytes.data(), bytes.size())) {
            packet_->bind(2, bytes);
        } else {
            masked.assign(bytes.begin(), bytes.end());
            redactor_.maskPacket(masked);
            packet_->bind(2, std::span<const std::uint8_t>(masked));
        }
        if (auto ok = packet_->run(); !ok) {
            return ok;
        }
        held.packetBytes += bytes.size();
    }
    held.packets += batch.packetCount();
    return Ok{};
}

Status SessionWriter::Impl::writeMethods(const TraceBatch& batch, Held& held)
{
    const auto methods = batch.methods();
    for (std::size_t k = 0; k < methods.size(); ++k) {
        const MethodIdentity& m = methods[k];
        method_->bind(1, static_cast<std::int64_t>(batch.firstMethod() + k));
        method_->bind(2, static_cast<std::int64_t>(m.side));
        method_->bind(3, std::string_view(m.name));
        method_->bind(4, std::string_view(m.path));
        method_->bind(5, static_cast<std::int64_t>(m.eapType));
        method_->bind(6, static_cast<std::int64_t>(m.roles));
        method_->bind(7, std::string_view(m.sha256));
        if (auto ok = method_->run(); !ok) {
            return ok;
        }
    }
    held.methods += methods.size();
    return Ok{};
}

Status SessionWriter::Impl::writeContexts(const TraceBatch& batch, Held& held)
{
    const auto contexts = batch.contexts();
    for (std::size_t k = 0; k < contexts.size(); ++k) {
        const ContextInfo& c = contexts[k];
        context_->bind(1, static_cast<std::int64_t>(batch.firstContext() + k));
        context_->bind(2, static_cast<std::int64_t>(c.side));
        context_->bind(3, static_cast<std::int64_t>(c.number));
        context_->bind(4, storedId(c.created));
        context_->bind(5, storedId(c.label));
        if (auto ok = context_->run(); !ok) {
            return ok;
        }
    }
    held.contexts += contexts.size();
    return Ok{};
}

Status SessionWriter::Impl::writeFindings(const TraceBatch& batch, Held& held)
{
    const auto findings = batch.findings();
    for (std::size_t k = 0; k < findings.size(); ++k) {
        const FindingRecord& f = findings[k];
        std::vector<std::string> sites;
        for (const auto& site : f.sites) {
            sites.push_back(redactor_.text(site));
        }
        auto& s = *finding_;
        s.bind(1, static_cast<std::int64_t>(batch.firstFinding() + k));
        s.bind(2, std::string_view(f.rule));
        s.bind(3, static_cast<std::int64_t>(f.severity));
        s.bind(4, static_cast<std::int64_t>(f.side));
        s.bind(5, storedId(f.context));
        s.bind(6, storedId(f.call));
        s.bind(7, static_cast<std::int64_t>(f.entry));
        s.bind(8, redactor_.text(f.message));
        s.bindOptional(9, widen(f.bytes));
        s.bindOptional(10, widen(f.blocks));
        s.bind(11, sitesJson(sites));
        s.bindOptional(12, widen(f.signal));
        s.bindOptional(13, widen(f.exitStatus));
        s.bindOptional(14, f.offset);
        s.bind(15, storedId(f.event));
        if (f.text.empty()) {
            s.bindNull(16);
        } else {
            s.bind(16,
                   messageTextJson(f.text, [this](std::string_view text) { return redactor_.text(text); }));
        }
        if (auto ok = s.run(); !ok) {
            return ok;
        }
        switch (f.severity) {
            case Severity::Error:
                ++held.errors;
                break;
            case Severity::Warning:
                ++held.warnings;
                break;
            case Severity::Info:
                ++held.infos;
                break;
        }
    }
    held.findings += findings.size();
    return Ok{};
}

namespace {

void bindEvent(sqlite3_stmt* s, int first, std::size_t id, const EventRow& row)
{
    sqlite3_bind_int64(s, first, static_cast<std::int64_t>(id));
    sqlite3_bind_int64(s, first + 1, asStored(row.timeNs));
    sqlite3_bind_int(s, first + 2, static_cast<int>(row.kind));
    sqlite3_bind_int(s, first + 3, static_cast<int>(row.side));
    sqlite3_bind_int(s, first + 4, static_cast<int>(row.entry));
    sqlite3_bind_int(s, first + 5, row.action);
    sqlite3_bind_int64(s, first + 6, storedId(row.context));
    sqlite3_bind_int64(s, first + 7, storedId(row.call));
    sqlite3_bind_int64(s, first + 8, row.result);
    sqlite3_bind_int64(s, first + 9, row.aux);
    sqlite3_bind_int64(s, first + 10, storedId(row.packet));
    sqlite3_bind_int64(s, first + 11, storedId(row.text));
    sqlite3_bind_int64(s, first + 12, asStored(row.a));
    sqlite3_bind_int64(s, first + 13, asStored(row.b));
}

}  // namespace

// The hot path, in the caller's single transaction: kEventBlock events per INSERT (one
// statement run per row cost as much again as the row), the rest one by one.
Status SessionWriter::Impl::writeEvents(const TraceBatch& batch, Held& held)
{
    const auto rows = batch.rows();
    std::size_t k = 0;
    const auto run = [&](SqliteStatement& statement, std::size_t count) -> Status {
        sqlite3_stmt* s = statement.handle();
        for (std::size_t j = 0; j < count; ++j) {
            bindEvent(s, static_cast<int>(j * kEventColumns) + 1, batch.firstEvent() + k + j, rows[k + j]);
        }
        const int rc = sqlite3_step(s);
        sqlite3_reset(s);
        if (rc != SQLITE_DONE) {
            return makeError(db_.errorText("cannot write event " + std::to_string(batch.firstEvent() + k)));
        }
        k += count;
        return Ok{};
    };
    while (rows.size() - k >= kEventBlock) {
        if (auto ok = run(*eventBlock_, kEventBlock); !ok) {
            return ok;
        }
    }
    while (k < rows.size()) {
        if (auto ok = run(*event_, 1); !ok) {
            return ok;
        }
    }
    held.events += rows.size();
    return Ok{};
}

// Options come with a batch whenever one changed: every one is upserted (they are few).
Status SessionWriter::Impl::writeOptions(const TraceBatch& batch, Held&)
{
    if (!batch.options()) {
        return Ok{};
    }
    const auto& options = *batch.options();
    for (std::size_t i = 0; i < options.size(); ++i) {
        const auto& [key, value] = options[i];
        if (key == "complete") {
            continue;  // derived from the summary when reading
        }
        option_->bind(1, std::string_view(key));
        option_->bind(2, static_cast<std::int64_t>(i));
        option_->bind(3, redactor_.option(key, value));
        if (auto ok = option_->run(); !ok) {
            return ok;
        }
    }
    return Ok{};
}

Status SessionWriter::Impl::writeSummary(const Held& held, bool complete)
{
    SessionCounts counts;
    counts.events = held.events;
    counts.packets = held.packets;
    counts.contexts = held.contexts;
    counts.findings = held.findings;
    counts.errors = held.errors;
    counts.warnings = held.warnings;
    counts.infos = held.infos;
    for (const auto& [key, value] : summaryRows(counts, held.options, held.packetBytes, complete)) {
        summary_->bind(1, std::string_view(key));
        if (const auto* number = std::get_if<std::int64_t>(&value)) {
            summary_->bind(2, *number);
        } else {
            summary_->bind(2, redactor_.text(std::get<std::string>(value)));
        }
        if (auto ok = summary_->run(); !ok) {
            return ok;
        }
    }
    return Ok{};
}

// --- SessionWriter ---------------------------------------------------------------------------

SessionWriter::SessionWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl))
{
}
SessionWriter::~SessionWriter() = default;

Result<std::unique_ptr<SessionWriter>> SessionWriter::create(const std::string& path, bool keepSecrets)
{
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        std::remove((path + suffix).c_str());
    }
    auto db = SqliteDb::open(path, SqliteDb::Mode::Create);
    if (!db) {
        return db.failure();
    }
    // WAL + synchronous=NORMAL: every commit is in the file before the next one starts, so a
    // killed process loses nothing committed; only a power cut may lose the latest commits.
    // busy_timeout: a reader opening the live file (the GUI, a test polling it) can hold a WAL
    // lock for a moment; the writer waits for it instead of failing and stopping the recording.
    // It comes first: a reader polling for the new file (the kill test) may already hold a lock
    // while the file is switched to WAL.
    Status status = db->exec(
        "PRAGMA busy_timeout = 10000; PRAGMA page_size = 8192; PRAGMA journal_mode = WAL;"
        "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -16384");
    if (status) {
        status = db->exec("BEGIN");
    }
    if (status) {
        status = createSessionSchema(db.value());
    }
    if (status) {
        // Every trace holds the empty string as string 0, so batches carry strings from 1 on.
        status = db->exec("INSERT INTO strings VALUES(0, '', NULL)");
    }
    if (status) {
        status = db->exec("COMMIT");
    }
    auto impl = std::make_unique<Impl>(std::move(db.value()), keepSecrets);
    impl->watchWal();
    if (status) {
        status = impl->prepare();
    }
    if (!status) {
        return makeError(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1: cannot create session file: %2"),
                                {verbatim(path), status.errorText()}));
    }
    moduleLogger("core.store")->debug("recording to {}{}", path, keepSecrets ? " (keeping secrets)" : "");
    return std::unique_ptr<SessionWriter>(new SessionWriter(std::move(impl)));
}

Status SessionWriter::flush(const Trace& trace)
{
    return writeTrace(trace, false);
}

Status SessionWriter::finish(const Trace& trace)
{
    return writeTrace(trace, true);
}

Status SessionWriter::writeTrace(const Trace& trace, bool finish)
{
    TraceBatch::Marks marks = impl_->traceMarks;
    if (auto written = impl_->write(TraceBatch::take(trace, marks), finish); !written) {
        return written;  // the marks stay: the next flush carries these rows again
    }
    impl_->traceMarks = std::move(marks);
    return finish ? impl_->leaveWal() : Status(Ok{});
}

Status SessionWriter::write(const TraceBatch& batch, bool finish)
{
    if (auto written = impl_->write(batch, finish); !written) {
        return written;
    }
    // A finished session becomes one self-contained file (the WAL is folded in), which also
    // opens from read-only places such as installed lessons.
    return finish ? impl_->leaveWal() : Status(Ok{});
}

void SessionWriter::rewind(const Trace& trace)
{
    TraceBatch::rewound(impl_->traceMarks, trace);
}

const std::string& SessionWriter::path() const
{
    return impl_->path();
}

std::size_t SessionWriter::flushedEvents() const
{
    return impl_->events();
}

}  // namespace eapscope
