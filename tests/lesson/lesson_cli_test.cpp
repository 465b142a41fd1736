// `eapscope-cli lesson …` as a trainer runs it: the real binary, isolated hosts, session files.
// The solutions are recorded once (lesson verify --record) and graded like learners' files.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace {

namespace fs = std::filesystem;

struct CliResult {
    int exitCode = -1;
    std::string out;
    std::string err;
};

CliResult cli(const std::string& args)
{
    const fs::path errFile =
        fs::temp_directory_path() / ("eapscope-lesson-cli-" + std::to_string(::getpid()) + ".err");
    const std::string command =
        "timeout 300 " + std::string(EAPSCOPE_BIN_DIR) + "/eapscope-cli " + args + " 2>" + errFile.string();
    CliResult result;
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) {
        return result;
    }
    std::array<char, 4096> buffer{};
    std::size_t n = 0;
    while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) {
        result.out.append(buffer.data(), n);
    }
    const int status = pclose(pipe);
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream err(errFile);
    result.err.assign(std::istreambuf_iterator<char>(err), std::istreambuf_iterator<char>());
    fs::remove(errFile);
    return result;
}

// The recorded solutions of two lessons, shared by the tests of this file.
class LessonCli : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        dir_ = fs::temp_directory_path() / ("eapscope-lesson-cli-" + std::to_string(::getpid()));
        fs::remove_all(dir_);
        fs::create_directories(dir_);
        verified_ = cli("lesson verify heap-leak eap-conversation --record " + dir_.string());
    }
    static void TearDownTestSuite() { fs::remove_all(dir_); }

    static std::string file(const std::string& name) { return (dir_ / name).string(); }

    static fs::path dir_;
    static CliResult verified_;
};

fs::path LessonCli::dir_;
CliResult LessonCli::verified_;

TEST_F(LessonCli, List_GivesEveryLessonWithTitleAndTaskCountInBothLanguages)
{
    const CliResult en = cli("lesson list --json");
    ASSERT_EQ(en.exitCode, 0) << en.out << en.err;
    const auto list = nlohmann::json::parse(en.out);
    ASSERT_EQ(list.size(), 15u) << en.out;
    for (const auto& lesson : list) {
        EXPECT_FALSE(lesson.contains("error")) << lesson.dump();
        EXPECT_GT(lesson.value("tasks", 0), 0) << lesson.dump();
        EXPECT_FALSE(lesson.value("title", "").empty());
    }
    const CliResult fr = cli("lesson list --lang fr");
    ASSERT_EQ(fr.exitCode, 0);
    EXPECT_NE(fr.out.find("Une fuite dans chaque contexte"), std::string::npos) << fr.out;
    EXPECT_NE(fr.out.find("tâches"), std::string::npos);
}

TEST_F(LessonCli, Verify_RecordsTheSolutionAndTheRefusedWrongSolution)
{
    ASSERT_EQ(verified_.exitCode, 0) << verified_.out << verified_.err;
    EXPECT_TRUE(fs::exists(file("heap-leak.eapscope")));
    EXPECT_TRUE(fs::exists(file("heap-leak-wrong.eapscope")));
    EXPECT_NE(verified_.err.find("wrong solution refused at 'first-leak'"), std::string::npos)
        << verified_.err;
}

TEST_F(LessonCli, Check_TheLessonsOwnSolutionPasses)
{
    const CliResult r = cli("lesson check heap-leak " + file("heap-leak.eapscope") + " --json");
    ASSERT_EQ(r.exitCode, 0) << r.out << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_TRUE(j["complete"].get<bool>());
    EXPECT_EQ(j["learner"], "solution");
    for (const auto& task : j["tasks"]) {
        EXPECT_TRUE(task["done"].get<bool>()) << task.dump();
        EXPECT_TRUE(task["completed_event"].is_number()) << task.dump();
    }
}

TEST_F(LessonCli, Check_AnotherLessonsSolutionFailsNamingTheFirstTask)
{
    const CliResult r = cli("lesson check heap-leak " + file("eap-conversation.eapscope"));
    EXPECT_EQ(r.exitCode, 1) << r.out << r.err;
    EXPECT_NE(r.out.find("first unfinished task 'first-leak'"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("made for lesson 'eap-conversation'"), std::string::npos) << r.out;
}

TEST_F(LessonCli, Check_TheWrongSolutionFailsNamingTheFirstTask)
{
    const CliResult r = cli("lesson check heap-leak " + file("heap-leak-wrong.eapscope") + " --json");
    EXPECT_EQ(r.exitCode, 1) << r.out << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_FALSE(j["complete"].get<bool>());
    EXPECT_EQ(j["first_unfinished"], "first-leak");
}

TEST_F(LessonCli, Check_ASessionStoppedHalfwayFailsNamingItsFirstUnfinishedTask)
{
    // The same lesson whose solution stops after its second task: the learner who stopped there.
    std::ifstream in(std::string(EAPSCOPE_SOURCE_DIR) + "/resources/lessons/01-eap-conversation.lesson");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto cutAt = text.find("  - continue: packet-type:MD5-Challenge");
    ASSERT_NE(cutAt, std::string::npos);
    text.resize(cutAt);
    const fs::path halfway = dir_ / "halfway";
    fs::create_directories(halfway);
    std::ofstream(halfway / "eap-conversation.lesson") << text;
    const CliResult played = cli("lesson verify " + (halfway / "eap-conversation.lesson").string() +
                                 " --record " + halfway.string());
    EXPECT_EQ(played.exitCode, 1) << "a solution that stops halfway does not verify\n" << played.err;
    const CliResult r =
        cli("lesson check eap-conversation " + (halfway / "eap-conversation.eapscope").string());
    EXPECT_EQ(r.exitCode, 1) << r.out << r.err;
    EXPECT_NE(r.out.find("first unfinished task 'challenge-sent'"), std::string::npos) << r.out;
}

TEST_F(LessonCli, CheckReportCsv_OneRowPerLearnerAndTask)
{
    const CliResult r = cli("lesson check heap-leak --report csv " + file("heap-leak.eapscope") + " " +
                            file("heap-leak-wrong.eapscope"));
    EXPECT_EQ(r.exitCode, 1) << "one of the two is not complete\n" << r.out << r.err;
    EXPECT_EQ(r.out.rfind("learner,task,done,hints,time_s\n", 0), 0u) << r.out;
    EXPECT_NE(r.out.find("solution,first-leak,1,"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("solution,first-leak,0,"), std::string::npos) << r.out;
    std::size_t rows = 0;
    for (char c : r.out) {
        rows += c == '\n' ? 1 : 0;
    }
    EXPECT_EQ(rows, 1u + 2u * 4u) << r.out;
}

std::string readText(const fs::path& path)
{
    std::ifstream in(path);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST_F(LessonCli, Values_FollowTheLearnersNameAndShowWhatVaries)
{
    const CliResult r = cli("lesson values heap-leak --learner ana --learner bruno --json");
    ASSERT_EQ(r.exitCode, 0) << r.out << r.err;
    const auto j = nlohmann::json::parse(r.out);
    ASSERT_EQ(j.size(), 2u);
    EXPECT_EQ(j[0]["learner"], "ana");
    EXPECT_NE(j[0]["seed"], j[1]["seed"]);
    EXPECT_NE(j[0]["contexts"], j[1]["contexts"]) << "two learners of the room, two answers: " << r.out;
    EXPECT_EQ(j[0]["varies"], nlohmann::json({"identity", "contexts"}));
    const auto again = nlohmann::json::parse(cli("lesson values heap-leak --learner 'Ana ' --json").out);
    EXPECT_EQ(again[0]["seed"], j[0]["seed"]) << "the name, not its case or spaces, gives the values";
    EXPECT_EQ(again[0]["contexts"], j[0]["contexts"]);
    const CliResult text = cli("lesson values heap-leak --learner ana");
    EXPECT_NE(text.out.find("ana (seed "), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("contexts " + std::to_string(j[0]["contexts"].get<int>())), std::string::npos)
        << text.out;
    EXPECT_EQ(cli("lesson values heap-leak").exitCode, 2) << "a learner is needed";
}

TEST_F(LessonCli, Check_FollowsTheSessionsSeed_AnswersCopiedFromAnotherLearnerAreRefused)
{
    // ana and bruno count a different number of leaking contexts (lesson 05 varies them).
    const auto values =
        nlohmann::json::parse(cli("lesson values heap-leak --learner ana --learner bruno --json").out);
    const int anaContexts = values[0]["contexts"].get<int>();
    const int brunoContexts = values[1]["contexts"].get<int>();
    ASSERT_NE(anaContexts, brunoContexts);
    const fs::path dir = dir_ / "seeds";
    fs::create_directories(dir / "ana");
    fs::create_directories(dir / "copied");

    // ana's own session, graded with the seed it recorded: every task done.
    const CliResult played = cli("lesson verify heap-leak --learner ana --record " + (dir / "ana").string());
    ASSERT_EQ(played.exitCode, 0) << played.err;
    const CliResult own =
        cli("lesson check heap-leak " + (dir / "ana" / "heap-leak.eapscope").string() + " --json");
    EXPECT_EQ(own.exitCode, 0) << own.out << own.err;
    const auto graded = nlohmann::json::parse(own.out);
    EXPECT_EQ(graded["learner"], "ana");
    EXPECT_EQ(graded["seed"], values[0]["seed"]);

    // ana answers with bruno's count (copied from her neighbour): refused, the task named.
    std::string text = readText(std::string(EAPSCOPE_SOURCE_DIR) + "/resources/lessons/05-heap-leak.lesson");
    const std::string answer = "value: \"{contexts}\"";
    const auto at = text.find(answer);
    ASSERT_NE(at, std::string::npos);
    text.replace(at, answer.size(), "value: \"" + std::to_string(brunoContexts) + "\"");
    std::ofstream(dir / "copied" / "heap-leak.lesson") << text;
    const CliResult copiedPlay = cli("lesson verify " + (dir / "copied" / "heap-leak.lesson").string() +
                                     " --learner ana --record " + (dir / "copied").string());
    EXPECT_EQ(copiedPlay.exitCode, 1) << "the copied answer does not complete the lesson\n" << copiedPlay.err;
    const CliResult copied =
        cli("lesson check heap-leak " + (dir / "copied" / "heap-leak.eapscope").string() + " --json");
    EXPECT_EQ(copied.exitCode, 1) << copied.out << copied.err;
    const auto refused = nlohmann::json::parse(copied.out);
    EXPECT_EQ(refused["learner"], "ana");
    EXPECT_EQ(refused["first_unfinished"], "count-leaks");
    EXPECT_NE(refused["reason"].get<std::string>().find("wrong answer"), std::string::npos) << copied.out;

    // The trainer's CSV over both files: one row per learner and task; a second file for the
    // same learner is pointed out.
    const CliResult csv =
        cli("lesson check heap-leak --report csv " + (dir / "ana" / "heap-leak.eapscope").string() + " " +
            (dir / "copied" / "heap-leak.eapscope").string());
    EXPECT_EQ(csv.exitCode, 1);
    EXPECT_NE(csv.out.find("ana,count-leaks,1,"), std::string::npos) << csv.out;
    EXPECT_NE(csv.out.find("ana,count-leaks,0,"), std::string::npos) << csv.out;
    EXPECT_NE(csv.err.find("are both learner 'ana'"), std::string::npos) << csv.err;
}

TEST_F(LessonCli, Check_UnreadableSessionOrLessonExitsTwo)
{
    std::ofstream(file("garbage.eapscope")) << "not a session";
    const CliResult session = cli("lesson check heap-leak " + file("garbage.eapscope"));
    EXPECT_EQ(session.exitCode, 2);
    EXPECT_NE(session.err.find("garbage.eapscope"), std::string::npos) << session.err;
    std::ofstream(file("broken.lesson")) << "format: 1\nid: broken\ntitle: {en: x}\n";
    const CliResult lesson = cli("lesson check " + file("broken.lesson") + " " + file("heap-leak.eapscope"));
    EXPECT_EQ(lesson.exitCode, 2);
    EXPECT_NE(lesson.err.find("broken.lesson:3:8: title: missing the French text (fr)"), std::string::npos)
        << lesson.err;
    const CliResult verify = cli("lesson verify " + file("broken.lesson"));
    EXPECT_EQ(verify.exitCode, 2) << verify.err;
    EXPECT_EQ(cli("lesson check no-such-lesson " + file("heap-leak.eapscope")).exitCode, 2);
}

TEST_F(LessonCli, Draft_MakesALessonThatVerifies)
{
    const std::string draft = file("draft.lesson");
    const CliResult made = cli("lesson draft " + file("heap-leak.eapscope") + " -o " + draft);
    ASSERT_EQ(made.exitCode, 0) << made.out << made.err;
    std::ifstream in(draft);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_NE(text.find("finding: {rule: HEAP_LEAK, side: authenticator, context: 1, call: RasEapEnd}"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("outcome: {side: peer, context: 1, is: success}"), std::string::npos) << text;
    const CliResult verified = cli("lesson verify " + draft);
    EXPECT_EQ(verified.exitCode, 0) << verified.out << verified.err << text;
}

}  // namespace
