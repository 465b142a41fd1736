// store_bench [EVENTS] — issue 4 part 7. Writes EVENTS (default 1,000,000) events of a
// synthetic run to a session file and opens it again, printing in one run:
//   recording vs filling the in-memory trace alone   (target: <= 2x)
//   opening vs sqlite3's own full scan of the tables  (target: <= 3x)
//   the opened session's memory per event             (target: <= 64 bytes)
// Each timing is the best of three runs (the machine is shared).
#include "store/session_reader.h"
#include "store/session_writer.h"
#include "synthetic_trace.h"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>

namespace {

using Clock = std::chrono::steady_clock;
using eapscope::Trace;

double bestOf3(const std::function<void()>& work)
{
    double best = 1e300;
    for (int i = 0; i < 3; ++i) {
        const auto start = Clock::now();
        work();
        best = std::min(best, std::chrono::duration<double>(Clock::now() - start).count());
    }
    return best;
}

// Fills a trace the way a live run does, calling `tick` after every context (the recorder's
// chance to flush).
Trace fill(std::size_t events, const std::function<void(const Trace&)>& tick)
{
    Trace trace;
    eapscope::testing::addSyntheticHeader(trace, true);
    std::uint64_t time = 1000;
    for (std::uint32_t n = 1; trace.size() < events; ++n) {
        time = eapscope::testing::addSyntheticContext(trace, n, time, false);
        if (tick) {
            tick(trace);
        }
    }
    return trace;
}

void die(const std::string& message)
{
    std::fprintf(stderr, "store_bench: %s\n", message.c_str());
    std::exit(1);
}

// Records with the live cadence: a flush whenever >= 250 ms passed, and finish at the end.
void record(const std::string& path, std::size_t events)
{
    auto writer = eapscope::SessionWriter::create(path, false);
    if (!writer) {
        die(writer.error());
    }
    auto last = Clock::now();
    const Trace trace = fill(events, [&](const Trace& t) {
        if (Clock::now() - last >= std::chrono::milliseconds(250)) {
            if (auto ok = (*writer)->flush(t); !ok) {
                die(ok.error());
            }
            last = Clock::now();
        }
    });
    if (auto ok = (*writer)->finish(trace); !ok) {
        die(ok.error());
    }
}

// sqlite3's own full scan: every column of every row of the tables the reader reads.
std::size_t rawScan(const std::string& path)
{
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        die("cannot open " + path);
    }
    std::size_t sum = 0;
    for (const char* sql : {"SELECT * FROM strings", "SELECT * FROM packets", "SELECT * FROM contexts",
                            "SELECT * FROM findings", "SELECT * FROM events"}) {
        sqlite3_stmt* stmt = nullptr;
        sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr);
        const int columns = sqlite3_column_count(stmt);
        while (sqlite3_step(stmt) == SQLITE_ROW) {
            for (int c = 0; c < columns; ++c) {
                if (sqlite3_column_type(stmt, c) == SQLITE_INTEGER) {
                    sum += static_cast<std::size_t>(sqlite3_column_int64(stmt, c));
                } else {
                    sum += static_cast<std::size_t>(sqlite3_column_bytes(stmt, c));
                }
            }
        }
        sqlite3_finalize(stmt);
    }
    sqlite3_close(db);
    return sum;
}

}  // namespace

int main(int argc, char** argv)
{
    const std::size_t events = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1'000'000;
    const std::string path =
        (std::filesystem::temp_directory_path() / "eapscope-store-bench.eapscope").string();

    std::size_t filled = 0;
    const double fillSeconds = bestOf3([&] { filled = fill(events, {}).size(); });
    const double recordSeconds = bestOf3([&] { record(path, events); });

    std::size_t opened = 0;
    std::size_t memory = 0;
    const double openSeconds = bestOf3([&] {
        auto trace = eapscope::readSession(path);
        if (!trace) {
            die(trace.error());
        }
        opened = trace->size();
        memory = trace->memoryBytes();
    });
    std::size_t checksum = 0;
    const double scanSeconds = bestOf3([&] { checksum += rawScan(path); });
    const auto fileBytes = std::filesystem::file_size(path);
    std::filesystem::remove(path);

    const double recordRatio = recordSeconds / fillSeconds;
    const double openRatio = openSeconds / scanSeconds;
    const double bytesPerEvent = static_cast<double>(memory) / static_cast<double>(opened);
    std::printf("store_bench: %zu events (opened %zu), file %.1f MB (%.1f bytes/event)\n", filled, opened,
                static_cast<double>(fileBytes) / 1e6,
                static_cast<double>(fileBytes) / static_cast<double>(filled));
    std::printf(
        "recording      %8.3f s (%6.2f M events/s)  vs in-memory trace alone %8.3f s (%6.2f M events/s)"
        "  ratio %6.2fx  (target <= 2x) %s\n",
        recordSeconds, static_cast<double>(filled) / recordSeconds / 1e6, fillSeconds,
        static_cast<double>(filled) / fillSeconds / 1e6, recordRatio, recordRatio <= 2 ? "MET" : "NOT MET");
    std::printf(
        "opening        %8.3f s                      vs sqlite3 raw full scan  %8.3f s"
        "                    ratio %6.2fx  (target <= 3x) %s\n",
        openSeconds, scanSeconds, openRatio, openRatio <= 3 ? "MET" : "NOT MET");
    std::printf("opened memory  %8.1f bytes/event (Trace::memoryBytes %zu)  (target <= 64) %s\n",
                bytesPerEvent, memory, bytesPerEvent <= 64 ? "MET" : "NOT MET");
    std::printf("(scan checksum %zu)\n", checksum);
    return 0;
}
