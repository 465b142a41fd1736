// The diagnosis on real failure captures (tests/data/captures/diagnosis, made by generate.py with
// FreeRADIUS, eapol_test, hostapd and wpa_supplicant):
//   * DiagnosisTruth: every row of truth.tsv (verdict, and the reasons with their proving frame;
//     the set of warning and error reasons is exact, info reasons listed must be there).
//   * Golden: `eapscope-cli <command>` run as a user runs it, its JSON compared with the expected
//     file beside the capture. Each line of goldens.tsv is one golden: "capture<TAB>command"; the
//     expected output is the capture's name with ".inspect.json". Regenerate every expected file
//     with EAPSCOPE_REGENERATE_GOLDENS=1 (then read the diff before committing it).
#include "capture/capture_importer.h"
#include "diagnosis/capture_diagnosis.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace eapscope {
namespace {

namespace fs = std::filesystem;

const fs::path kSource = EAPSCOPE_SOURCE_DIR;

std::vector<std::vector<std::string>> readTsv(const fs::path& path)
{
    std::vector<std::vector<std::string>> rows;
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#')
            continue;
        std::vector<std::string> cells;
        std::stringstream stream(line);
        for (std::string cell; std::getline(stream, cell, '\t');)
            cells.push_back(cell);
        rows.push_back(cells);
    }
    return rows;
}

// ---- truth.tsv ---------------------------------------------------------------------------

struct TruthRow {
    std::string file;
    std::uint32_t conversation = 0;
    std::string verdict;
    std::vector<std::string> reasons;  // "ID@frame"
};

std::vector<TruthRow> truthRows()
{
    std::vector<TruthRow> rows;
    for (const auto& cells : readTsv(kSource / "tests/data/captures/diagnosis/truth.tsv")) {
        if (cells.size() < 3)
            continue;
        TruthRow row{cells[0], static_cast<std::uint32_t>(std::stoul(cells[1])), cells[2], {}};
        std::stringstream reasons(cells.size() > 3 ? cells[3] : "");
        for (std::string reason; reasons >> reason;)
            row.reasons.push_back(reason);
        rows.push_back(row);
    }
    return rows;
}

class DiagnosisTruth : public ::testing::TestWithParam<TruthRow> {};

TEST_P(DiagnosisTruth, VerdictAndReasonsWithTheirFrames)
{
    const TruthRow& row = GetParam();
    auto capture = importCapture((kSource / row.file).string());
    ASSERT_TRUE(capture.ok()) << capture.error();
    ASSERT_LE(row.conversation, capture->conversations.size()) << row.file;
    ConversationDiagnosis d = diagnoseConversation(*capture, row.conversation - 1);
    EXPECT_EQ(toString(d.verdict), row.verdict) << row.file;
    std::set<std::string> got, gotInfo;
    for (const Reason& r : d.reasons) {
        std::string key = std::string(r.id) + "@" + std::to_string(r.frame);
        (r.severity == Severity::Info ? gotInfo : got).insert(key);
    }
    std::set<std::string> want;
    for (const std::string& reason : row.reasons) {
        const ReasonInfo* info = reasonInfo(reason.substr(0, reason.find('@')));
        ASSERT_NE(info, nullptr) << "unknown reason id in truth.tsv: " << reason;
        if (info->severity == Severity::Info) {
            EXPECT_TRUE(gotInfo.count(reason)) << row.file << ": expected " << reason;
        } else {
            want.insert(reason);
        }
    }
    EXPECT_EQ(got, want) << row.file << " conversation " << row.conversation;
}

INSTANTIATE_TEST_SUITE_P(Generated, DiagnosisTruth, ::testing::ValuesIn(truthRows()), [](const auto& param) {
    std::string name =
        fs::path(param.param.file).stem().string() + "_" + std::to_string(param.param.conversation);
    for (char& c : name)
        c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    return name;
});

TEST(CaptureDiagnosis, ReauthenticationSharesTheOfferAndCertificatesOfTheFirst)
{
    // The same supplicant and server twice: the ClientHello's offer and the server's certificates
    // are decoded once and shared, the frames stay each conversation's own.
    auto capture =
        importCapture((kSource / "tests/data/captures/diagnosis/tls-reauthentication.pcapng").string());
    ASSERT_TRUE(capture.ok()) << capture.error();
    CaptureDiagnosis d = diagnoseCapture(*capture);
    ASSERT_EQ(d.conversations.size(), 2u);
    const ConversationDiagnosis &first = d.conversations[0], &second = d.conversations[1];
    ASSERT_TRUE(first.tls && second.tls);
    ASSERT_NE(first.tls->offered, nullptr);
    EXPECT_EQ(first.tls->offered, second.tls->offered);
    EXPECT_FALSE(first.tls->cipherSuitesOffered().empty());
    ASSERT_FALSE(first.certificates.empty());
    ASSERT_EQ(first.certificates.size(), second.certificates.size());
    EXPECT_EQ(first.certificates[0].details, second.certificates[0].details);
    EXPECT_LT(first.certificates[0].frame, second.certificates[0].frame);
}

// ---- goldens -----------------------------------------------------------------------------

struct Golden {
    std::string capture, command, expected;
};

std::vector<Golden> goldens()
{
    std::vector<Golden> list;
    for (const auto& cells : readTsv(kSource / "tests/diagnosis/goldens.tsv")) {
        if (cells.size() >= 2) {
            std::string expected =
                cells.size() >= 3 ? cells[2] : fs::path(cells[0]).replace_extension(".inspect.json").string();
            list.push_back({cells[0], cells[1], expected});
        }
    }
    return list;
}

std::string runCli(const std::string& arguments, int& exitCode)
{
    // From the source tree with a relative path, so "file" in the JSON is the same everywhere.
    std::string command =
        "cd '" + kSource.string() + "' && '" + std::string(EAPSCOPE_BIN_DIR) + "/eapscope-cli' " + arguments;
    std::string out;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe)
        return out;
    std::array<char, 65536> buffer{};
    for (std::size_t n; (n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0;)
        out.append(buffer.data(), n);
    int status = pclose(pipe);
    exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return out;
}

// The first place where two documents differ, as a JSON pointer.
std::string firstDifference(const nlohmann::json& want, const nlohmann::json& got)
{
    nlohmann::json patch = nlohmann::json::diff(want, got);
    return patch.empty() ? std::string() : patch[0].dump();
}

class CaptureGolden : public ::testing::TestWithParam<Golden> {};

TEST_P(CaptureGolden, OutputMatchesTheExpectedFile)
{
    const Golden& golden = GetParam();
    fs::path expectedPath = kSource / golden.expected;
    int exitCode = -1;
    std::string out = runCli(golden.command + " '" + golden.capture + "'", exitCode);
    ASSERT_EQ(exitCode, 0) << golden.command << " " << golden.capture;
    ASSERT_TRUE(nlohmann::json::accept(out)) << out.substr(0, 400);
    if (std::getenv("EAPSCOPE_REGENERATE_GOLDENS")) {
        std::ofstream(expectedPath) << out;
        GTEST_SKIP() << "regenerated " << expectedPath;
    }
    std::ifstream in(expectedPath);
    ASSERT_TRUE(in) << "no expected output " << expectedPath << " (run with EAPSCOPE_REGENERATE_GOLDENS=1)";
    std::string expected((std::istreambuf_iterator<char>(in)), {});
    auto want = nlohmann::json::parse(expected), got = nlohmann::json::parse(out);
    EXPECT_EQ(want, got) << golden.capture << ": first difference " << firstDifference(want, got)
                         << " (if intended: EAPSCOPE_REGENERATE_GOLDENS=1, then read the diff)";
}

INSTANTIATE_TEST_SUITE_P(Cli, CaptureGolden, ::testing::ValuesIn(goldens()), [](const auto& param) {
    std::string name = fs::path(param.param.capture).stem().string();
    for (char& c : name)
        c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    return name;
});

// ---- inspect --report html, as a user runs it ------------------------------------------------

TEST(InspectReportCli, WritesOneSelfContainedPage)
{
    fs::path out = fs::path(EAPSCOPE_BINARY_DIR) / "tests" / "report-cli.html";
    fs::remove(out);
    int exitCode = -1;
    runCli("inspect tests/data/captures/diagnosis/tls-server-cert-expired.pcapng --report html -o '" +
               out.string() + "' --redact-identities",
           exitCode);
    EXPECT_EQ(exitCode, 0);
    std::ifstream in(out);
    std::string html((std::istreambuf_iterator<char>(in)), {});
    EXPECT_NE(html.find("CERTIFICATE_EXPIRED"), std::string::npos);
    EXPECT_NE(html.find("<svg"), std::string::npos);
    EXPECT_EQ(html.find("alice"), std::string::npos);  // the identity of that capture, redacted
    EXPECT_NE(html.find("identity-1"), std::string::npos);
}

TEST(InspectReportCli, UsageErrorsExitTwo)
{
    int exitCode = -1;
    runCli("inspect tests/data/captures/diagnosis/md5-wrong-password.pcapng --report html 2>/dev/null",
           exitCode);
    EXPECT_EQ(exitCode, 2);  // no -o
    runCli("inspect tests/data/captures/diagnosis/md5-wrong-password.pcapng --report pdf -o x 2>/dev/null",
           exitCode);
    EXPECT_EQ(exitCode, 2);
    runCli(
        "inspect tests/data/captures/diagnosis/md5-wrong-password.pcapng --report html -o "
        "/nonexistent/r.html "
        "2>/dev/null",
        exitCode);
    EXPECT_EQ(exitCode, 2);
}

TEST(InspectCli, SessionWithInvalidUtf8IsEscapedNotAnInternalError)
{
    // A recorded identity that is not UTF-8 once stopped `inspect --json` with exit 3
    // ([json.exception.type_error.316]); the writer escapes it instead.
    fs::path session = fs::path(EAPSCOPE_BINARY_DIR) / "tests" / "invalid-utf8.eapscope";
    fs::remove(session);
    int exitCode = -1;
    runCli("run --auth md5 --peer md5 --identity \"$(printf 'al\\377ice')\" --password secret --record '" +
               session.string() + "' >/dev/null 2>&1",
           exitCode);
    ASSERT_EQ(exitCode, 0);
    std::string out = runCli("inspect '" + session.string() + "' --json 2>/dev/null", exitCode);
    EXPECT_EQ(exitCode, 0);
    ASSERT_TRUE(nlohmann::json::accept(out)) << out.substr(0, 300);
    EXPECT_NE(out.find("al\\\\xffice"), std::string::npos);
}

TEST(InspectCli, TextShowsVerdictAndMainReason)
{
    int exitCode = -1;
    std::string out = runCli("inspect tests/data/captures/diagnosis/nak-no-common-method.pcapng", exitCode);
    EXPECT_EQ(exitCode, 0);
    EXPECT_NE(out.find("verdict: failure — NO_COMMON_METHOD (frame 3)"), std::string::npos) << out;
}

}  // namespace
}  // namespace eapscope
