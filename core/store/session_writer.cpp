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

std::optional<std::int64_t> widen(const std::optional<int>& value)
{
    return value ? std::optional<std::int64_t>(*value) : std::nullopt;
}

}  // namespace

class SessionWriter::Impl {
public:
    Impl(SqliteDb db, bool keepSecrets) : db_(std::move(db)), redactor_(keepSecrets) {}

    Status prepare();
    Status write(const Trace& trace, bool complete);
    void rewind(std::size_t events) { rewindTo_ = std::min(rewindTo_.value_or(events), events); }
    Status leaveWal() { return db_.exec("PRAGMA journal_mode = DELETE"); }
    [[nodiscard]] const std::string& path() const { return db_.name(); }
    [[nodiscard]] std::size_t events() const { return marks_.events; }

private:
    // How far each table has been written; advanced only after a successful commit.
    struct Marks {
        std::size_t events = 0, strings = 0, packets = 0, contexts = 0, findings = 0, methods = 0;
    };

    Status applyRewind(const Trace& trace, Marks& marks);
    Result<std::size_t> firstStoredRow(const char* sql, std::size_t events);
    Status writeStrings(const Trace& trace, Marks& marks);
    Status writePackets(const Trace& trace, Marks& marks);
    Status writeMethods(const Trace& trace, Marks& marks);
    Status writeContexts(const Trace& trace, Marks& marks);
    Status writeFindings(const Trace& trace, Marks& marks);
    Status writeEvents(const Trace& trace, Marks& marks);
    Status writeOptions(const Trace& trace);
    Status writeSummary(const Trace& trace, bool complete);
    Status writeLessonProgress(const Trace& trace);
    Status deleteFrom(const char* table, std::size_t firstId);

    SqliteDb db_;
    Redactor redactor_;
    std::optional<SqliteStatement> string_, packet_, method_, context_, finding_, event_, option_, summary_,
        progress_;
    Marks marks_;
    std::optional<std::size_t> rewindTo_;
    std::vector<std::pair<std::string, std::string>> writtenOptions_;
    std::optional<std::vector<LessonTaskRecord>> writtenProgress_;
    std::uint64_t packetBytes_ = 0;
    bool complete_ = false;
};

Status SessionWriter::Impl::prepare()
{
    const std::pair<std::optional<SqliteStatement>*, const char*> statements[] = {
        {&string_, "INSERT INTO strings VALUES(?1, ?2, ?3)"},
        {&packet_, "INSERT INTO packets VALUES(?1, ?2)"},
        {&method_, "INSERT INTO methods VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)"},
        {&context_, "INSERT INTO contexts VALUES(?1, ?2, ?3, ?4, ?5)"},
        {&finding_,
         "INSERT INTO findings VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
         "?16)"},
        {&event_, "INSERT INTO events VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"},
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

Status SessionWriter::Impl::write(const Trace& trace, bool complete)
{
    redactor_.learn(trace.options());
    if (auto begun = db_.exec("BEGIN IMMEDIATE"); !begun) {
        return begun;
    }
    Marks marks = marks_;
    const std::uint64_t packetBytesBefore = packetBytes_;
    Status status = applyRewind(trace, marks);
    using Step = Status (Impl::*)(const Trace&, Marks&);
    for (Step step : {&Impl::writeStrings, &Impl::writePackets, &Impl::writeMethods, &Impl::writeContexts,
                      &Impl::writeFindings, &Impl::writeEvents}) {
        if (status) {
            status = (this->*step)(trace, marks);
        }
    }
    if (status) {
        status = writeOptions(trace);
    }
    if (status) {
        status = writeSummary(trace, complete || complete_);
    }
    if (status) {
        status = writeLessonProgress(trace);
    }
    if (status) {
        status = db_.exec("COMMIT");
    }
    if (!status) {
        (void)db_.exec("ROLLBACK");
        packetBytes_ = packetBytesBefore;
        writtenOptions_.clear();  // rewrite every option next time: the upserts are idempotent
        writtenProgress_.reset();
        return status;
    }
    marks_ = marks;
    rewindTo_.reset();
    complete_ = complete_ || complete;
    return Ok{};
}

Result<std::size_t> SessionWriter::Impl::firstStoredRow(const char* sql, std::size_t events)
{
    auto query = SqliteStatement::prepare(db_, sql);
    if (!query) {
        return query.failure();
    }
    query->bind(1, static_cast<std::int64_t>(events) + 1);
    if (query->step() != SqliteStatement::Step::Row) {
        return makeError(db_.errorText("cannot read back"));
    }
    if (query->type(0) == SQLITE_NULL) {
        return std::numeric_limits<std::size_t>::max();
    }
    return static_cast<std::size_t>(query->integer(0));
}

// Mirrors Trace::truncate(): rows past the rewind point, and the packets, contexts and
// findings those rows created, leave the file.
Status SessionWriter::Impl::applyRewind(const Trace& trace, Marks& marks)
{
    std::size_t to = rewindTo_.value_or(marks.events);
    to = std::min(to, trace.size());
    if (to >= marks.events) {
        return Ok{};
    }
    auto packet = firstStoredRow("SELECT min(packet) - 1 FROM events WHERE id >= ?1 - 1 AND packet > 0", to);
    auto context = firstStoredRow("SELECT min(id) FROM contexts WHERE created >= ?1", to);
    auto finding = firstStoredRow("SELECT min(id) FROM findings WHERE event >= ?1", to);
    if (!packet || !context || !finding) {
        return makeError(!packet ? packet.error() : !context ? context.error() : finding.error());
    }
    marks.events = to;
    marks.packets = std::min(marks.packets, packet.value());
    marks.contexts = std::min(marks.contexts, context.value());
    marks.findings = std::min(marks.findings, finding.value());
    for (const auto& [table, first] :
         {std::pair{"events", marks.events}, std::pair{"packets", marks.packets},
          std::pair{"contexts", marks.contexts}, std::pair{"findings", marks.findings}}) {
        if (auto deleted = deleteFrom(table, first); !deleted) {
            return deleted;
        }
    }
    return Ok{};
}

// Lesson progress is small (one row per task) and replaced as a whole when it changed.
Status SessionWriter::Impl::writeLessonProgress(const Trace& trace)
{
    const auto& records = trace.lessonProgress();
    if (writtenProgress_ && *writtenProgress_ == records) {
        return Ok{};
    }
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
    writtenProgress_ = records;
    return Ok{};
}

Status SessionWriter::Impl::deleteFrom(const char* table, std::size_t firstId)
{
    return db_.exec(std::string("DELETE FROM ") + table + " WHERE id >= " + std::to_string(firstId));
}

Status SessionWriter::Impl::writeStrings(const Trace& trace, Marks& marks)
{
    for (std::size_t i = marks.strings; i < trace.stringCount(); ++i) {
        string_->bind(1, static_cast<std::int64_t>(i));
        const StringId id(static_cast<std::uint32_t>(i));
        string_->bind(2, redactor_.text(trace.string(id)));
        if (const MessageText* sentence = trace.sentence(id)) {
            string_->bind(3, messageTextJson(*sentence,
                                             [this](std::string_view text) { return redactor_.text(text); }));
        } else {
            string_->bindNull(3);
        }
        if (auto ok = string_->run(); !ok) {
            return ok;
        }
    }
    marks.strings = trace.stringCount();
    return Ok{};
}

Status SessionWriter::Impl::writePackets(const Trace& trace, Marks& marks)
{
    marks.packets = std::min(marks.packets, trace.packetCount());
    for (std::size_t i = marks.packets; i < trace.packetCount(); ++i) {
        const auto bytes = trace.packet(PacketId(static_cast<std::uint32_t>(i)));
        packet_->bind(1, static_cast<std::int64_t>(i));
        std::vector<std::uint8_t> masked;
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
        packetBytes_ += bytes.size();
    }
    marks.packets = trace.packetCount();
    return Ok{};
}

Status SessionWriter::Impl::writeMethods(const Trace& trace, Marks& marks)
{
    const auto methods = trace.methods();
    for (std::size_t i = marks.methods; i < methods.size(); ++i) {
        const MethodIdentity& m = methods[i];
        method_->bind(1, static_cast<std::int64_t>(i));
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
    marks.methods = methods.size();
    return Ok{};
}

Status SessionWriter::Impl::writeContexts(const Trace& trace, Marks& marks)
{
    const auto contexts = trace.contexts();
    marks.contexts = std::min(marks.contexts, contexts.size());
    for (std::size_t i = marks.contexts; i < contexts.size(); ++i) {
        const ContextInfo& c = contexts[i];
        context_->bind(1, static_cast<std::int64_t>(i));
        context_->bind(2, static_cast<std::int64_t>(c.side));
        context_->bind(3, static_cast<std::int64_t>(c.number));
        context_->bind(4, storedId(c.created));
        context_->bind(5, storedId(c.label));
        if (auto ok = context_->run(); !ok) {
            return ok;
        }
    }
    marks.contexts = contexts.size();
    return Ok{};
}

Status SessionWriter::Impl::writeFindings(const Trace& trace, Marks& marks)
{
    const auto findings = trace.findings();
    marks.findings = std::min(marks.findings, findings.size());
    for (std::size_t i = marks.findings; i < findings.size(); ++i) {
        const FindingRecord& f = findings[i];
        std::vector<std::string> sites;
        for (const auto& site : f.sites) {
            sites.push_back(redactor_.text(site));
        }
        auto& s = *finding_;
        s.bind(1, static_cast<std::int64_t>(i));
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
    }
    marks.findings = findings.size();
    return Ok{};
}

// The hot path: one prepared INSERT per event, all in the caller's single transaction.
Status SessionWriter::Impl::writeEvents(const Trace& trace, Marks& marks)
{
    sqlite3_stmt* s = event_->handle();
    const auto time = trace.times();
    const auto kind = trace.kinds();
    const auto side = trace.sides();
    const auto entry = trace.entries();
    const auto action = trace.actions();
    const auto context = trace.contextsColumn();
    const auto call = trace.calls();
    const auto result = trace.results();
    const auto aux = trace.auxes();
    const auto packet = trace.packets();
    const auto text = trace.texts();
    const auto a = trace.as();
    const auto b = trace.bs();
    for (std::size_t i = marks.events; i < trace.size(); ++i) {
        sqlite3_bind_int64(s, 1, static_cast<std::int64_t>(i));
        sqlite3_bind_int64(s, 2, asStored(time[i]));
        sqlite3_bind_int(s, 3, static_cast<int>(kind[i]));
        sqlite3_bind_int(s, 4, static_cast<int>(side[i]));
        sqlite3_bind_int(s, 5, static_cast<int>(entry[i]));
        sqlite3_bind_int(s, 6, action[i]);
        sqlite3_bind_int64(s, 7, storedId(context[i]));
        sqlite3_bind_int64(s, 8, storedId(call[i]));
        sqlite3_bind_int64(s, 9, result[i]);
        sqlite3_bind_int64(s, 10, aux[i]);
        sqlite3_bind_int64(s, 11, storedId(packet[i]));
        sqlite3_bind_int64(s, 12, storedId(text[i]));
        sqlite3_bind_int64(s, 13, asStored(a[i]));
        sqlite3_bind_int64(s, 14, asStored(b[i]));
        const int rc = sqlite3_step(s);
        sqlite3_reset(s);
        if (rc != SQLITE_DONE) {
            return makeError(db_.errorText("cannot write event " + std::to_string(i)));
        }
    }
    marks.events = trace.size();
    return Ok{};
}

Status SessionWriter::Impl::writeOptions(const Trace& trace)
{
    const auto& options = trace.options();
    for (std::size_t i = 0; i < options.size(); ++i) {
        const auto& [key, value] = options[i];
        if (key == "complete") {
            continue;  // derived from the summary when reading
        }
        const bool unchanged = i < writtenOptions_.size() && writtenOptions_[i] == options[i];
        if (unchanged) {
            continue;
        }
        option_->bind(1, std::string_view(key));
        option_->bind(2, static_cast<std::int64_t>(i));
        option_->bind(3, redactor_.option(key, value));
        if (auto ok = option_->run(); !ok) {
            return ok;
        }
    }
    writtenOptions_ = options;
    return Ok{};
}

Status SessionWriter::Impl::writeSummary(const Trace& trace, bool complete)
{
    for (const auto& [key, value] : summaryRows(trace, packetBytes_, complete)) {
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
    Status status = db->exec(
        "PRAGMA page_size = 8192; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
        "PRAGMA cache_size = -16384; PRAGMA busy_timeout = 10000");
    if (status) {
        status = db->exec("BEGIN");
    }
    if (status) {
        status = createSessionSchema(db.value());
    }
    if (status) {
        status = db->exec("COMMIT");
    }
    auto impl = std::make_unique<Impl>(std::move(db.value()), keepSecrets);
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
    return impl_->write(trace, false);
}

Status SessionWriter::finish(const Trace& trace)
{
    if (auto written = impl_->write(trace, true); !written) {
        return written;
    }
    // A finished session becomes one self-contained file (the WAL is folded in), which also
    // opens from read-only places such as installed lessons.
    return impl_->leaveWal();
}

void SessionWriter::rewind(std::size_t events)
{
    impl_->rewind(events);
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
