#include "store/session_reader.h"

#include "common/system_text.h"
#include "store/session_loader.h"
#include "store/sqlite_db.h"

#include <sqlite3.h>

#include <sys/stat.h>
#include <array>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace eapscope {

namespace {

constexpr std::array<char, 16> kSqliteMagic = {'S', 'Q', 'L', 'i', 't', 'e', ' ', 'f',
                                               'o', 'r', 'm', 'a', 't', ' ', '3', '\0'};

Status checkRegularFile(const std::string& path)
{
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        return makeError(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1: cannot open: %2"),
                                {verbatim(path), errnoText(errno)}));
    }
    if (!S_ISREG(info.st_mode)) {
        return makeError(
            phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1: not a session file (not a regular file)"),
                   {verbatim(path)}));
    }
    return Ok{};
}

std::uint32_t bigEndian32(const std::uint8_t* p)
{
    return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | p[3];
}

// SQLite reads pages past the end of a cut file as zeros, silently changing the rows stored
// at the end of the last page. The header knows the database size (when its "version valid
// for" matches the change counter, SQLite file format §1.3.7), so compare.
Status checkNotCut(const std::uint8_t* header, std::uint64_t available, const std::string& name)
{
    const std::uint32_t rawPageSize = (std::uint32_t{header[16]} << 8) | header[17];
    const std::uint64_t pageSize = rawPageSize == 1 ? 65536 : rawPageSize;
    const std::uint32_t pages = bigEndian32(header + 28);
    const bool sizeValid = bigEndian32(header + 92) == bigEndian32(header + 24) && pages > 0;
    if (sizeValid && available < pageSize * pages) {
        return makeError(
            phrase(EAPSCOPE_TRANSLATE_NOOP(
                       "EngineText",
                       "%1: damaged session file: cut short (%2 of %3 bytes); was the transfer complete?"),
                   {verbatim(name), verbatim(std::to_string(available)),
                    verbatim(std::to_string(pageSize * pages))}));
    }
    return Ok{};
}

Status checkFileNotCut(const std::string& path)
{
    std::error_code ec;
    if (std::filesystem::exists(path + "-wal", ec)) {
        return Ok{};  // pages past the end of the main file may legitimately live in the WAL
    }
    std::ifstream in(path, std::ios::binary);
    std::array<std::uint8_t, 100> header{};
    in.read(reinterpret_cast<char*>(header.data()), header.size());
    if (in.gcount() != static_cast<std::streamsize>(header.size())) {
        return makeError(phrase(
            EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1: damaged session file: shorter than an SQLite header"),
            {verbatim(path)}));
    }
    return checkNotCut(header.data(), std::filesystem::file_size(path, ec), path);
}

}  // namespace

bool isSessionFileHeader(std::span<const std::uint8_t> head)
{
    return head.size() >= kSqliteMagic.size() &&
           std::memcmp(head.data(), kSqliteMagic.data(), kSqliteMagic.size()) == 0;
}

bool looksLikeSessionFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::array<std::uint8_t, 16> head{};
    in.read(reinterpret_cast<char*>(head.data()), head.size());
    return isSessionFileHeader(std::span(head).first(static_cast<std::size_t>(in.gcount())));
}

Result<Trace> readSession(const std::string& path, std::function<void(double)> progress,
                          const std::atomic<bool>* cancel)
{
    if (auto regular = checkRegularFile(path); !regular) {
        return regular.failure();
    }
    if (!looksLikeSessionFile(path)) {
        return makeError(
            phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                           "%1: not an EapScope session file (not an SQLite database)"),
                   {verbatim(path)}));
    }
    if (auto whole = checkFileNotCut(path); !whole) {
        return whole.failure();
    }
    auto db = SqliteDb::open(path, SqliteDb::Mode::ReadOnly);
    if (!db) {
        return db.failure();
    }
    return SessionLoader(std::move(db.value()), std::move(progress), cancel).load();
}

Result<Trace> readSessionBytes(std::span<const std::uint8_t> bytes, const std::string& name,
                               std::function<void(double)> progress, const std::atomic<bool>* cancel)
{
    if (bytes.size() < kSqliteMagic.size() ||
        std::memcmp(bytes.data(), kSqliteMagic.data(), kSqliteMagic.size()) != 0) {
        return makeError(
            phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                           "%1: not an EapScope session file (not an SQLite database)"),
                   {verbatim(name)}));
    }
    if (bytes.size() < 100) {
        return makeError(phrase(
            EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1: damaged session file: shorter than an SQLite header"),
            {verbatim(name)}));
    }
    if (auto whole = checkNotCut(bytes.data(), bytes.size(), name); !whole) {
        return whole.failure();
    }
    auto db = SqliteDb::fromBytes(bytes, name);
    if (!db) {
        return db.failure();
    }
    return SessionLoader(std::move(db.value()), std::move(progress), cancel).load();
}

bool sessionIsIncomplete(const Trace& trace)
{
    return trace.option("complete") != std::optional<std::string>("true");
}

}  // namespace eapscope
