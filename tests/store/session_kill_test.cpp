// A recording killed with SIGKILL at any moment leaves a file that opens with everything up
// to the last commit, marked incomplete (issue 4 part 2).
#include "store/session_reader.h"
#include "store_test_util.h"

#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <string>
#include <thread>

namespace eapscope {
namespace {

pid_t spawn(const std::vector<std::string>& args)
{
    const pid_t pid = ::fork();
    if (pid == 0) {
        std::vector<char*> argv;
        for (const auto& a : args) {
            argv.push_back(const_cast<char*>(a.c_str()));
        }
        argv.push_back(nullptr);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    return pid;
}

// Waits until a reader sees at least `events` committed events (bounded by a generous limit
// on polls, not on a clock the assertions depend on).
std::size_t waitForEvents(const std::string& path, std::size_t events)
{
    for (int poll = 0; poll < 3000; ++poll) {
        if (std::filesystem::exists(path)) {
            if (auto read = readSession(path); read && read->size() >= events) {
                return read->size();
            }
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return 0;
}

TEST(SessionKill, RecorderKilledMidRun_FileOpensIncompleteWithTheCommittedEvents)
{
    testing::TempDir dir;
    const std::string path = dir.file("killed.eapscope");
    const std::string helper = std::string(EAPSCOPE_BIN_DIR) + "/store_record_helper";
    // 200000 contexts at >= 0.2 ms each: far longer than the test waits.
    const pid_t pid = spawn({helper, path, "200000"});
    ASSERT_GT(pid, 0);
    const std::size_t seen = waitForEvents(path, 2000);
    ASSERT_GT(seen, 0u) << "the recorder never committed events";
    ASSERT_EQ(::kill(pid, SIGKILL), 0);
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFSIGNALED(status));

    auto read = readSession(path);
    ASSERT_TRUE(read) << read.error();
    EXPECT_TRUE(sessionIsIncomplete(read.value()));
    EXPECT_GE(read->size(), seen);
    EXPECT_LT(read->size(), 200000u * 20u);
    EXPECT_FALSE(read->contexts().empty());
    EXPECT_EQ(read->option("identity"), "alice");
}

TEST(SessionKill, RecorderRunToTheEnd_FileIsComplete)
{
    testing::TempDir dir;
    const std::string path = dir.file("done.eapscope");
    const pid_t pid = spawn({std::string(EAPSCOPE_BIN_DIR) + "/store_record_helper", path, "50"});
    ASSERT_GT(pid, 0);
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFEXITED(status));
    ASSERT_EQ(WEXITSTATUS(status), 0);
    auto read = readSession(path);
    ASSERT_TRUE(read) << read.error();
    EXPECT_FALSE(sessionIsIncomplete(read.value()));
    EXPECT_EQ(read->contexts().size(), 50u);
}

}  // namespace
}  // namespace eapscope
