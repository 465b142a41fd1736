#include "store/session_loader.h"

#include "common/log.h"
#include "store/session_schema.h"
#include "store/sqlite_statement.h"

#include <sqlite3.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <limits>

namespace eapscope {

namespace {

// EAP packets are at most 65535 bytes (RFC 3748 §4: 16-bit Length); a capture carrier may
// wrap one, so allow some headroom, but refuse the blobs a hostile file uses to exhaust memory.
constexpr std::size_t kMaxPacketBytes = 1 << 20;
constexpr std::size_t kMaxTextBytes = 4 << 20;
// A lesson has a handful of tasks; a file claiming more is hostile.
constexpr std::size_t kMaxLessonTasks = 10000;
// Rows between progress reports and cancel checks.
constexpr std::size_t kBatchRows = 1 << 14;

bool isInt(int type)
{
    return type == SQLITE_INTEGER || type == SQLITE_NULL;
}

template <typename Enum>
bool enumInRange(std::int64_t value, Enum last)
{
    return value >= 0 && value <= static_cast<std::int64_t>(last);
}

bool u32(std::int64_t value)
{
    return value >= 0 && value <= std::numeric_limits<std::uint32_t>::max();
}

// Stored id (value + 1, 0 = none) to an id below `count`; nullopt when dangling.
template <typename Id>
std::optional<Id> idRef(std::int64_t stored, std::size_t count)
{
    if (stored == 0) {
        return Id();
    }
    if (stored < 0 || static_cast<std::uint64_t>(stored) > count) {
        return std::nullopt;
    }
    return Id(static_cast<std::uint32_t>(stored - 1));
}

}  // namespace

SessionLoader::SessionLoader(SqliteDb db, std::function<void(double)> progress,
                             const std::atomic<bool>* cancel)
    : db_(std::move(db)), progress_(std::move(progress)), cancel_(cancel)
{
}

Error SessionLoader::damaged(MessageText detail) const
{
    return makeError(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1: damaged session file: %2"),
                            {verbatim(db_.name()), std::move(detail)}));
}

Result<SqliteStatement> SessionLoader::query(const char* sql)
{
    auto statement = SqliteStatement::prepare(db_, sql);
    if (!statement) {
        return damaged(sqlite3_errmsg(db_.handle()));
    }
    return statement;
}

bool SessionLoader::tick(std::size_t rows)
{
    rowsDone_ += rows;
    if (progress_) {
        const double fraction =
            std::min(1.0, static_cast<double>(rowsDone_) / static_cast<double>(totalRows_));
        if (fraction > lastProgress_) {
            lastProgress_ = fraction;
            progress_(fraction);
        }
    }
    return cancel_ == nullptr || !cancel_->load(std::memory_order_relaxed);
}

Result<Trace> SessionLoader::load()
{
    if (auto migrated = migrateIfOld(); !migrated) {
        return migrated.failure();
    }
    // One read transaction: a live recording commits while it is read, and every table must
    // come from the same commit (a context read after its events were would name a later event).
    if (auto begun = db_.exec("BEGIN"); !begun) {
        return begun.failure();
    }
    using Step = Status (SessionLoader::*)();
    for (Step step : {&SessionLoader::countRows, &SessionLoader::loadStrings, &SessionLoader::loadPackets,
                      &SessionLoader::loadMethods, &SessionLoader::loadOptions, &SessionLoader::loadContexts,
                      &SessionLoader::loadFindings, &SessionLoader::loadSummary, &SessionLoader::loadEvents,
                      &SessionLoader::loadLessonProgress}) {
        if (auto ok = (this->*step)(); !ok) {
            (void)db_.exec("ROLLBACK");
            return ok.failure();
        }
    }
    (void)db_.exec("COMMIT");
    if (complete_) {
        trace_.setOption("complete", "true");
    }
    tick(0);
    if (progress_ && lastProgress_ < 1.0) {
        progress_(1.0);
    }
    return std::move(trace_);
}

Status SessionLoader::migrateIfOld()
{
    auto version = readSessionVersion(db_);
    if (!version) {
        return version.failure();
    }
    if (version->major == kSessionFormat.major && version->minor >= kSessionFormat.minor) {
        return Ok{};
    }
    // Migrations run on a private in-memory copy: the user's file is never changed by opening it.
    auto copy = SqliteDb::memory(db_.name());
    if (!copy) {
        return copy.failure();
    }
    if (auto copied = db_.copyTo(copy.value()); !copied) {
        return copied;
    }
    if (auto migrated = migrateSession(copy.value(), version.value()); !migrated) {
        return migrated;
    }
    moduleLogger("core.store")
        ->info("{}: migrated format {}.{} in memory", db_.name(), version->major, version->minor);
    db_ = std::move(copy.value());
    return Ok{};
}

Status SessionLoader::countRows()
{
    auto count = query(
        "SELECT (SELECT max(id) FROM events), (SELECT max(id) FROM strings), (SELECT max(id) FROM packets)");
    if (!count) {
        return count.failure();
    }
    if (count->step() != SqliteStatement::Step::Row) {
        return damaged(sqlite3_errmsg(db_.handle()));
    }
    // Rows are at least 16 bytes on disk, so the file's size bounds any reservation a hostile
    // max(id) could ask for.
    std::int64_t fileBytes = 0;
    if (auto pages = query("SELECT page_count * page_size FROM pragma_page_count, pragma_page_size"); pages) {
        if (pages->step() == SqliteStatement::Step::Row) {
            fileBytes = pages->integer(0);
        }
    }
    const auto bound = static_cast<std::size_t>(std::max<std::int64_t>(fileBytes / 16, 0));
    const std::int64_t maxEvent = count->integer(0);
    totalEvents_ =
        maxEvent >= 0 && count->type(0) == SQLITE_INTEGER ? static_cast<std::size_t>(maxEvent) + 1 : 0;
    totalEvents_ = std::min(totalEvents_, bound);
    std::size_t others = 0;
    for (int column : {1, 2}) {
        const std::int64_t v = count->integer(column);
        others += v > 0 ? std::min(static_cast<std::size_t>(v), bound) : 0;
    }
    totalRows_ = std::max<std::size_t>(1, totalEvents_ + others);
    trace_.reserve(totalEvents_);
    const std::int64_t maxPacket = count->integer(2);
    if (maxPacket >= 0 && count->type(2) == SQLITE_INTEGER) {
        const auto packets = std::min(static_cast<std::size_t>(maxPacket) + 1, bound);
        trace_.reservePackets(packets, std::min(packetBytesHint(), bound * 16));
    }
    return Ok{};
}

// The summary's packet_bytes (a hint: a hostile value is capped by the caller).
std::size_t SessionLoader::packetBytesHint()
{
    auto hint = query("SELECT value FROM summary WHERE key = 'packet_bytes'");
    if (!hint || hint->step() != SqliteStatement::Step::Row || hint->type(0) != SQLITE_INTEGER) {
        return 0;
    }
    return static_cast<std::size_t>(std::max<std::int64_t>(hint->integer(0), 0));
}

Status SessionLoader::loadStrings()
{
    auto rows = query("SELECT id, text, sentence FROM strings ORDER BY id");
    if (!rows) {
        return rows.failure();
    }
    std::size_t index = 0;
    SqliteStatement::Step step;
    while ((step = rows->step()) == SqliteStatement::Step::Row) {
        if (rows->type(0) != SQLITE_INTEGER || rows->integer(0) != static_cast<std::int64_t>(index) ||
            rows->type(1) != SQLITE_TEXT) {
            return damaged(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "string %1 is missing or not text"),
                                  {verbatim(std::to_string(index))}));
        }
        const std::string_view text = rows->text(1);
        if (text.size() > kMaxTextBytes) {
            return damaged(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "string %1 is %2 bytes"),
                                  {verbatim(std::to_string(index)), verbatim(std::to_string(text.size()))}));
        }
        strings_.push_back(trace_.intern(text));
        if (rows->type(2) != SQLITE_NULL) {
            auto sentence = messageTextFromJson(rows->text(2));
            if (!sentence) {
                return damaged(phrase(
                    EAPSCOPE_TRANSLATE_NOOP(
                        "EngineText", "string %1 has a sentence that is not a template with its arguments"),
                    {verbatim(std::to_string(index))}));
            }
            trace_.setSentence(strings_.back(), std::move(*sentence));
        }
        ++index;
        if (index % kBatchRows == 0 && !tick(kBatchRows)) {
            return makeError(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1: opening cancelled"),
                                    {verbatim(db_.name())}));
        }
    }
    if (step == SqliteStatement::Step::Error) {
        return damaged(sqlite3_errmsg(db_.handle()));
    }
    tick(index % kBatchRows);
    return Ok{};
}

Status SessionLoader::loadPackets()
{
    auto rows = query("SELECT id, bytes FROM packets ORDER BY id");
    if (!rows) {
        return rows.failure();
    }
    std::size_t index = 0;
    SqliteStatement::Step step;
    while ((step = rows->step()) == SqliteStatement::Step::Row) {
        if (rows->type(0) != SQLITE_INTEGER || rows->integer(0) != static_cast<std::int64_t>(index) ||
            rows->type(1) != SQLITE_BLOB) {
            return damaged(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "packet %1 is missing or not a blob"),
                                  {verbatim(std::to_string(index))}));
        }
        const auto bytes = rows->blob(1);
        if (bytes.size() > kMaxPacketBytes) {
            return damaged(phrase(
                EAPSCOPE_TRANSLATE_NOOP("EngineText", "packet %1 is %2 bytes, more than a packet can be"),
                {verbatim(std::to_string(index)), verbatim(std::to_string(bytes.size()))}));
        }
        trace_.addPacket(bytes);
        ++index;
        if (index % kBatchRows == 0 && !tick(kBatchRows)) {
            return makeError(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1: opening cancelled"),
                                    {verbatim(db_.name())}));
        }
    }
    if (step == SqliteStatement::Step::Error) {
        return damaged(sqlite3_errmsg(db_.handle()));
    }
    tick(index % kBatchRows);
    return Ok{};
}

Status SessionLoader::loadMethods()
{
    auto rows = query("SELECT side, name, path, eap_type, roles, sha256 FROM methods ORDER BY id");
    if (!rows) {
        return rows.failure();
    }
    SqliteStatement::Step step;
    while ((step = rows->step()) == SqliteStatement::Step::Row) {
        if (!enumInRange(rows->integer(0), Side::None) || !u32(rows->integer(3)) || !u32(rows->integer(4))) {
            return damaged(phrase(EAPSCOPE_TRANSLATE_NOOP(
                "EngineText", "a method identity has an invalid side, type or roles")));
        }
        MethodIdentity m;
        m.side = static_cast<Side>(rows->integer(0));
        m.name = std::string(rows->text(1));
        m.path = std::string(rows->text(2));
        m.eapType = static_cast<std::uint32_t>(rows->integer(3));
        m.roles = static_cast<std::uint32_t>(rows->integer(4));
        m.sha256 = std::string(rows->text(5));
        trace_.addMethod(m);
    }
    return step == SqliteStatement::Step::Error ? Status(damaged(sqlite3_errmsg(db_.handle())))
                                                : Status(Ok{});
}

Status SessionLoader::loadOptions()
{
    auto rows = query("SELECT key, value FROM options ORDER BY seq, key");
    if (!rows) {
        return rows.failure();
    }
    SqliteStatement::Step step;
    while ((step = rows->step()) == SqliteStatement::Step::Row) {
        std::string key(rows->text(0));
        if (key != "complete") {
            trace_.setOption(std::move(key), std::string(rows->text(1)));
        }
    }
    return step == SqliteStatement::Step::Error ? Status(damaged(sqlite3_errmsg(db_.handle())))
                                                : Status(Ok{});
}

Result<StringId> SessionLoader::stringRef(std::int64_t stored, const char* what) const
{
    if (stored == 0) {
        return StringId();
    }
    if (stored < 0 || static_cast<std::uint64_t>(stored) > strings_.size()) {
        return damaged(
            phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1 refers to string %2, which does not exist"),
                   {verbatim(std::string(what)), verbatim(std::to_string(stored - 1))}));
    }
    return strings_[static_cast<std::size_t>(stored - 1)];
}

Status SessionLoader::loadContexts()
{
    auto rows = query("SELECT id, side, number, created, label FROM contexts ORDER BY id");
    if (!rows) {
        return rows.failure();
    }
    std::size_t index = 0;
    SqliteStatement::Step step;
    while ((step = rows->step()) == SqliteStatement::Step::Row) {
        const std::string name = "context " + std::to_string(index);
        const auto created = idRef<EventId>(rows->integer(3), totalEvents_);
        if (rows->integer(0) != static_cast<std::int64_t>(index) ||
            !enumInRange(rows->integer(1), Side::None) || !u32(rows->integer(2)) || !created) {
            return damaged(phrase(
                EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1 has an invalid id, side, number or creating event"),
                {verbatim(name)}));
        }
        auto label = stringRef(rows->integer(4), name.c_str());
        if (!label) {
            return label.failure();
        }
        ContextInfo info;
        info.side = static_cast<Side>(rows->integer(1));
        info.number = static_cast<std::uint32_t>(rows->integer(2));
        info.created = *created;
        info.label = label.value();
        trace_.addContext(info);
        ++index;
    }
    return step == SqliteStatement::Step::Error ? Status(damaged(sqlite3_errmsg(db_.handle())))
                                                : Status(Ok{});
}

Status SessionLoader::loadFindings()
{
    auto rows = query(
        "SELECT id, rule, severity, side, context, call, entry, message, bytes, blocks, sites, signal, "
        "exit_status, offset, text FROM findings ORDER BY id");
    if (!rows) {
        return rows.failure();
    }
    std::size_t index = 0;
    SqliteStatement::Step step;
    while ((step = rows->step()) == SqliteStatement::Step::Row) {
        if (auto ok = loadFindingRow(rows.value(), index); !ok) {
            return ok;
        }
        ++index;
    }
    return step == SqliteStatement::Step::Error ? Status(damaged(sqlite3_errmsg(db_.handle())))
                                                : Status(Ok{});
}

Status SessionLoader::loadFindingRow(const SqliteStatement& row, std::size_t index)
{
    const std::string name = "finding " + std::to_string(index);
    const auto context = idRef<ContextId>(row.integer(4), trace_.contexts().size());
    const auto call = idRef<EventId>(row.integer(5), totalEvents_);
    const bool intsOk = isInt(row.type(8)) && isInt(row.type(9)) && isInt(row.type(11)) &&
                        isInt(row.type(12)) && isInt(row.type(13));
    if (row.integer(0) != static_cast<std::int64_t>(index) || row.type(1) != SQLITE_TEXT ||
        !enumInRange(row.integer(2), Severity::Error) || !enumInRange(row.integer(3), Side::None) ||
        !context || !call || !enumInRange(row.integer(6), EntryPoint::End) || !intsOk) {
        return damaged(
            phrase(EAPSCOPE_TRANSLATE_NOOP(
                       "EngineText", "%1 has an invalid id, rule, severity, side, context, call or entry"),
                   {verbatim(name)}));
    }
    auto fitsInt = [&](int column) {
        const std::int64_t v = row.integer(column);
        return v >= std::numeric_limits<int>::min() && v <= std::numeric_limits<int>::max();
    };
    if (!fitsInt(11) || !fitsInt(12)) {
        return damaged(
            phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1 has an invalid signal or exit status"),
                   {verbatim(name)}));
    }
    FindingRecord f;
    f.rule = std::string(row.text(1));
    f.severity = static_cast<Severity>(row.integer(2));
    f.side = static_cast<Side>(row.integer(3));
    f.context = *context;
    f.call = *call;
    f.entry = static_cast<EntryPoint>(row.integer(6));
    f.message = std::string(row.text(7));
    auto optional64 = [&](int column) {
        return row.type(column) == SQLITE_NULL ? std::nullopt
                                               : std::optional<std::int64_t>(row.integer(column));
    };
    if (auto v = optional64(8)) {
        f.bytes = static_cast<std::uint64_t>(*v);
    }
    if (auto v = optional64(9)) {
        f.blocks = static_cast<std::uint64_t>(*v);
    }
    if (auto v = optional64(11)) {
        f.signal = static_cast<int>(*v);
    }
    if (auto v = optional64(12)) {
        f.exitStatus = static_cast<int>(*v);
    }
    f.offset = optional64(13);
    const std::string_view sitesText = row.text(10);
    if (!sitesText.empty()) {
        const auto sites = nlohmann::json::parse(sitesText, nullptr, false);
        if (!sites.is_array() ||
            !std::all_of(sites.begin(), sites.end(), [](const auto& s) { return s.is_string(); })) {
            return damaged(
                phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1 has sites that are not a list of text"),
                       {verbatim(name)}));
        }
        for (const auto& site : sites) {
            f.sites.push_back(site.template get<std::string>());
        }
    }
    if (row.type(14) != SQLITE_NULL) {
        auto text = messageTextFromJson(row.text(14));
        if (!text) {
            return damaged(
                phrase(EAPSCOPE_TRANSLATE_NOOP(
                           "EngineText", "%1 has a message text that is not a template with its arguments"),
                       {verbatim(name)}));
        }
        f.text = std::move(*text);
    }
    findings_.push_back(std::move(f));
    return Ok{};
}

Status SessionLoader::loadSummary()
{
    auto rows = query("SELECT value FROM summary WHERE key = 'complete'");
    if (!rows) {
        return rows.failure();
    }
    complete_ = rows->step() == SqliteStatement::Step::Row && rows->type(0) == SQLITE_INTEGER &&
                rows->integer(0) == 1;
    return Ok{};
}

Status SessionLoader::loadEvents()
{
    auto rows = query(
        "SELECT id, time, kind, side, entry, action, context, call, result, aux, packet, text, a, b "
        "FROM events ORDER BY id");
    if (!rows) {
        return rows.failure();
    }
    std::size_t index = 0;
    SqliteStatement::Step step;
    while ((step = rows->step()) == SqliteStatement::Step::Row) {
        if (index >= totalEvents_) {
            return damaged(
                phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "more events than the file can hold")));
        }
        if (auto ok = loadEventRow(rows.value(), index); !ok) {
            return ok;
        }
        ++index;
        if (index % kBatchRows == 0 && !tick(kBatchRows)) {
            return makeError(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1: opening cancelled"),
                                    {verbatim(db_.name())}));
        }
    }
    if (step == SqliteStatement::Step::Error) {
        if (index == 0) {
            return damaged(sqlite3_errmsg(db_.handle()));
        }
        // Keep what could be read, as an incomplete session: a cut-off file is still evidence.
        moduleLogger("core.store")
            ->warn("{}: damaged after event {}: {}", db_.name(), index, sqlite3_errmsg(db_.handle()));
        trace_.setOption("damaged", "events after " + std::to_string(index) +
                                        " unreadable: " + sqlite3_errmsg(db_.handle()));
        complete_ = false;
        return Ok{};
    }
    if (findingsAdded_ != findings_.size()) {
        return damaged(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "finding %1 has no event"),
                              {verbatim(std::to_string(findingsAdded_))}));
    }
    tick(index % kBatchRows);
    return Ok{};
}

Status SessionLoader::loadEventRow(const SqliteStatement& row, std::size_t index)
{
    sqlite3_stmt* s = row.handle();
    for (int column = 0; column < 14; ++column) {
        if (!isInt(sqlite3_column_type(s, column))) {
            return damaged(
                phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "event %1 has a non-integer column %2"),
                       {verbatim(std::to_string(index)), verbatim(std::to_string(column))}));
        }
    }
    const auto v = [s](int column) { return sqlite3_column_int64(s, column); };
    const auto context = idRef<ContextId>(v(6), trace_.contexts().size());
    const auto call = idRef<EventId>(v(7), totalEvents_);
    const auto packet = idRef<PacketId>(v(10), trace_.packetCount());
    const auto text = idRef<StringId>(v(11), strings_.size());
    if (v(0) != static_cast<std::int64_t>(index) || !enumInRange(v(2), EventKind::Radius) ||
        !enumInRange(v(3), Side::None) || !enumInRange(v(4), EntryPoint::End) || v(5) < 0 || v(5) > 255 ||
        !context || !call || !u32(v(8)) || !u32(v(9)) || !packet || !text) {
        return damaged(phrase(
            EAPSCOPE_TRANSLATE_NOOP("EngineText", "event %1 has an out-of-range value or a dangling id"),
            {verbatim(std::to_string(index))}));
    }
    EventRow r;
    r.timeNs = static_cast<std::uint64_t>(v(1));
    r.kind = static_cast<EventKind>(v(2));
    r.side = static_cast<Side>(v(3));
    r.entry = static_cast<EntryPoint>(v(4));
    r.action = static_cast<std::uint8_t>(v(5));
    r.context = *context;
    r.call = *call;
    r.result = static_cast<std::uint32_t>(v(8));
    r.aux = static_cast<std::uint32_t>(v(9));
    r.packet = *packet;
    r.text = text->valid() ? strings_[text->value()] : StringId();
    r.a = static_cast<std::uint64_t>(v(12));
    r.b = static_cast<std::uint64_t>(v(13));
    if (r.kind != EventKind::Finding) {
        trace_.append(r);
        return Ok{};
    }
    // Finding rows are made by Trace::addFinding from the record, so the trace's invariant
    // (finding i <-> its event) holds by construction.
    if (r.aux != findingsAdded_ || findingsAdded_ >= findings_.size()) {
        return damaged(phrase(
            EAPSCOPE_TRANSLATE_NOOP("EngineText", "event %1 refers to finding %2 out of order or missing"),
            {verbatim(std::to_string(index)), verbatim(std::to_string(r.aux))}));
    }
    trace_.addFinding(findings_[findingsAdded_++], r.timeNs);
    return Ok{};
}

Status SessionLoader::loadLessonProgress()
{
    auto rows =
        query("SELECT task, done, started, completed, hints, time_ns FROM lesson_progress ORDER BY seq");
    if (!rows) {
        return rows.failure();
    }
    std::vector<LessonTaskRecord> records;
    SqliteStatement::Step step;
    while ((step = rows->step()) == SqliteStatement::Step::Row) {
        const std::int64_t hints = rows->integer(4);
        const std::int64_t time = rows->integer(5);
        if (rows->type(0) != SQLITE_TEXT || !isInt(rows->type(1)) || !u32(hints) || time < 0 ||
            records.size() >= kMaxLessonTasks) {
            return damaged(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "lesson progress row %1 is invalid"),
                                  {verbatim(std::to_string(records.size()))}));
        }
        LessonTaskRecord r;
        r.task = std::string(rows->text(0));
        r.done = rows->integer(1) != 0;
        // A cache of the evaluation: an event it names that is not in the file (cut short) is
        // dropped rather than refusing the whole session.
        r.started = idRef<EventId>(rows->integer(2), trace_.size()).value_or(EventId());
        r.completed = idRef<EventId>(rows->integer(3), trace_.size()).value_or(EventId());
        r.hints = static_cast<std::uint32_t>(hints);
        r.timeNs = static_cast<std::uint64_t>(time);
        records.push_back(std::move(r));
    }
    if (step == SqliteStatement::Step::Error) {
        return damaged(sqlite3_errmsg(db_.handle()));
    }
    trace_.setLessonProgress(std::move(records));
    return Ok{};
}

}  // namespace eapscope
