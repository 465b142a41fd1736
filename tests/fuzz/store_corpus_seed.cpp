// Writes the seed corpus of the session-reader fuzz target: small real session files
// (finished, unfinished, with findings and redacted secrets) that the fuzzer mutates.
#include "store/session_writer.h"
#include "synthetic_trace.h"

#include <sqlite3.h>

#include <cstdio>
#include <filesystem>
#include <string>

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s CORPUS_DIR\n", argv[0]);
        return 2;
    }
    const std::filesystem::path dir(argv[1]);
    std::filesystem::create_directories(dir);
    struct Seed {
        const char* name;
        std::size_t events;
        bool secrets;
        bool finish;
    };
    for (const Seed& seed :
         {Seed{"empty.eapscope", 0, false, true}, Seed{"small.eapscope", 40, false, true},
          Seed{"secrets.eapscope", 60, true, true}, Seed{"unfinished.eapscope", 80, false, false}}) {
        const std::string path = (dir / seed.name).string();
        eapscope::Trace trace = eapscope::testing::makeSyntheticTrace(seed.events, seed.secrets);
        auto writer = eapscope::SessionWriter::create(path, false);
        if (!writer) {
            std::fprintf(stderr, "%s\n", writer.error().c_str());
            return 1;
        }
        auto done = seed.finish ? (*writer)->finish(trace) : (*writer)->flush(trace);
        if (!done) {
            std::fprintf(stderr, "%s\n", done.error().c_str());
            return 1;
        }
        writer->reset();  // closing folds the WAL into the file
        // Small pages make small seeds, which libFuzzer mutates far more effectively.
        sqlite3* db = nullptr;
        sqlite3_open(path.c_str(), &db);
        sqlite3_exec(db, "PRAGMA journal_mode = DELETE; PRAGMA page_size = 512; VACUUM", nullptr, nullptr,
                     nullptr);
        sqlite3_close(db);
    }
    return 0;
}
