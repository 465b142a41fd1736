// Real methods through the engine and the in-process executor: the bundled md5 in loopback,
// an EAP-MD5 written by a stranger to RASEAP.md in either role, and one purposely broken
// method per contract rule proving the rule fires on the right side, context and call
// (issue 2 parts 4, 5 and 8).
#include "engine/session_runner.h"
#include "method/in_process_executor.h"

#include "eapscope/raseap.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace eapscope {
namespace {

std::string testMethod(const std::string& name)
{
    return std::string(EAPSCOPE_TEST_METHODS_DIR) + "/" + name + ".so";
}

std::string bundled(const std::string& name)
{
    return std::string(EAPSCOPE_METHODS_DIR) + "/" + name + ".so";
}

struct RunResult {
    Trace trace;
    RunSummary summary;
};

RunResult run(RunOptions options)
{
    RunResult r;
    auto summary = runSession(options, r.trace, [](Side) { return std::make_unique<InProcessExecutor>(); });
    EXPECT_TRUE(summary.ok()) << (summary.ok() ? "" : summary.error());
    if (summary.ok()) {
        r.summary = *summary;
    }
    return r;
}

RunOptions loopback(const std::string& auth, const std::string& peer)
{
    RunOptions o;
    o.authSpec = auth;
    o.peerSpec = peer;
    o.identity = "alice";
    o.password = "secret";
    return o;
}

void expectAll(const RunResult& r, Outcome outcome, std::size_t sides)
{
    ASSERT_EQ(r.summary.outcomes.size(), sides);
    for (const auto& o : r.summary.outcomes) {
        EXPECT_EQ(o.outcome, outcome) << toString(o.side) << " #" << o.number << ": " << o.message;
    }
}

std::string findingsText(const Trace& trace)
{
    std::string s;
    for (const auto& f : trace.findings()) {
        s += f.rule + " (" + std::string(toString(f.side)) + "): " + f.message + "\n";
    }
    return s;
}

TEST(Md5Loopback, SucceedsWithNoFindings)
{
    const RunResult r = run(loopback(bundled("md5"), bundled("md5")));
    expectAll(r, Outcome::Success, 2);
    EXPECT_TRUE(r.trace.findings().empty()) << findingsText(r.trace);
}

TEST(Md5Loopback, WrongBackEndPasswordFailsBothSidesWithNoFindings)
{
    RunOptions o = loopback(bundled("md5"), bundled("md5"));
    o.authPassword = "wrong";
    const RunResult r = run(o);
    expectAll(r, Outcome::Failure, 2);
    EXPECT_TRUE(r.trace.findings().empty()) << findingsText(r.trace);
}

TEST(Md5Loopback, SeveralContextsOnTheSameInstances)
{
    RunOptions o = loopback(bundled("md5"), bundled("md5"));
    o.contexts = 5;
    const RunResult r = run(o);
    expectAll(r, Outcome::Success, 10);
    EXPECT_TRUE(r.trace.findings().empty()) << findingsText(r.trace);
    EXPECT_EQ(r.trace.contexts().size(), 10u);
}

TEST(Md5Loopback, InterleavedContexts)
{
    RunOptions o = loopback(bundled("md5"), bundled("md5"));
    o.contexts = 4;
    o.interleave = true;
    const RunResult r = run(o);
    expectAll(r, Outcome::Success, 8);
    EXPECT_TRUE(r.trace.findings().empty()) << findingsText(r.trace);
}

TEST(Md5Loopback, DroppedPacketIsRecoveredByRetransmission)
{
    for (std::uint32_t drop : {3u, 4u}) {  // the challenge, then the response
        RunOptions o = loopback(bundled("md5"), bundled("md5"));
        o.dropPacket = drop;
        const RunResult r = run(o);
        expectAll(r, Outcome::Success, 2);
        EXPECT_TRUE(r.trace.findings().empty()) << findingsText(r.trace);
        EXPECT_EQ(std::count(r.trace.kinds().begin(), r.trace.kinds().end(), EventKind::TimerFired), 1);
    }
}

TEST(StrangerMethod, RunsInEitherRoleAgainstTheBundledMd5AndItself)
{
    const std::pair<std::string, std::string> pairs[] = {
        {testMethod("stranger-md5"), bundled("md5")},
        {bundled("md5"), testMethod("stranger-md5")},
        {testMethod("stranger-md5"), testMethod("stranger-md5")}};
    for (const auto& [auth, peer] : pairs) {
        SCOPED_TRACE(auth + " vs " + peer);
        RunOptions o = loopback(auth, peer);
        o.contexts = 2;
        const RunResult ok = run(o);
        expectAll(ok, Outcome::Success, 4);
        EXPECT_TRUE(ok.trace.findings().empty()) << findingsText(ok.trace);
        o.authPassword = "wrong";
        const RunResult bad = run(o);
        expectAll(bad, Outcome::Failure, 4);
        EXPECT_TRUE(bad.trace.findings().empty()) << findingsText(bad.trace);
    }
}

struct RuleCase {
    std::string rule;
    std::string method;  // tests/methods/<method>
    Side brokenSide;
    std::uint32_t context;  // 0 = not tied to a context
    EntryPoint entry;
    bool alone;  // the only error-severity finding of the run
    std::uint32_t contexts = 1;
    bool interleave = false;
    std::optional<std::uint32_t> dropPacket;
    std::uint32_t slowMs = 500;
};

void PrintTo(const RuleCase& c, std::ostream* os)
{
    *os << c.rule;
}

class BrokenMethod : public ::testing::TestWithParam<RuleCase> {};

TEST_P(BrokenMethod, FiresItsRuleOnTheRightSideContextAndCall)
{
    const RuleCase& c = GetParam();
    const std::string broken = testMethod("broken-" + c.method);
    RunOptions o = loopback(c.brokenSide == Side::Authenticator ? broken : bundled("md5"),
                            c.brokenSide == Side::Peer ? broken : bundled("md5"));
    o.type = 4;
    o.contexts = c.contexts;
    o.interleave = c.interleave;
    o.dropPacket = c.dropPacket;
    o.slowMs = c.slowMs;
    const RunResult r = run(o);
    const auto& findings = r.trace.findings();
    const auto it =
        std::find_if(findings.begin(), findings.end(), [&](const auto& f) { return f.rule == c.rule; });
    ASSERT_NE(it, findings.end()) << findingsText(r.trace);
    EXPECT_EQ(it->side, c.brokenSide);
    EXPECT_EQ(it->entry, c.entry) << entryPointName(it->entry);
    if (c.context == 0) {
        EXPECT_FALSE(it->context.valid());
    } else {
        ASSERT_TRUE(it->context.valid());
        EXPECT_EQ(r.trace.context(it->context).number, c.context);
        EXPECT_EQ(r.trace.context(it->context).side, c.brokenSide);
    }
    if (it->call.valid()) {
        EXPECT_EQ(r.trace.kinds()[it->call.value()], EventKind::CallStart);
        EXPECT_EQ(r.trace.entries()[it->call.value()], c.entry);
    }
    if (c.alone) {
        for (const auto& f : findings) {
            EXPECT_TRUE(f.rule == c.rule || f.severity != Severity::Error) << findingsText(r.trace);
        }
    }
}

const Side A = Side::Authenticator;
const Side P = Side::Peer;
const EntryPoint MM = EntryPoint::MakeMessage;

INSTANTIATE_TEST_SUITE_P(
    Rules, BrokenMethod,
    ::testing::Values(RuleCase{"LOAD_LIBRARY_FAILED", "load-library-failed", P, 0, EntryPoint::GetInfo, true},
                      RuleCase{"LOAD_NO_GETINFO", "load-no-getinfo", P, 0, EntryPoint::GetInfo, true},
                      RuleCase{"LOAD_GETINFO_FAILED", "load-getinfo-failed", A, 0, EntryPoint::GetInfo, true},
                      RuleCase{"LOAD_TYPE_MISMATCH", "load-type-mismatch", P, 0, EntryPoint::GetInfo, true},
                      RuleCase{"LOAD_NO_MAKEMESSAGE", "load-no-makemessage", A, 0, EntryPoint::GetInfo, true},
                      RuleCase{"LOAD_INFO_OVERRUN", "load-info-overrun", P, 0, EntryPoint::GetInfo, true},
                      RuleCase{"INIT_FAILED", "init-failed", A, 0, EntryPoint::Initialize, true},
                      RuleCase{"BEGIN_NO_WORKBUFFER", "begin-no-workbuffer", P, 1, EntryPoint::Begin, true},
                      RuleCase{"BEGIN_WORKBUFFER_REUSED", "begin-workbuffer-reused", A, 2, EntryPoint::Begin,
                               false, 2, true},
                      RuleCase{"INPUT_MODIFIED", "input-modified", P, 1, MM, true},
                      RuleCase{"OUTPUT_OVERRUN", "output-overrun", P, 1, MM, true},
                      RuleCase{"PACKET_OVERFLOW", "packet-overflow", P, 1, MM, true},
                      RuleCase{"PACKET_BAD_LENGTH", "packet-bad-length", A, 1, MM, true},
                      RuleCase{"PACKET_BAD_CODE", "packet-bad-code", P, 1, MM, true},
                      RuleCase{"PACKET_BAD_TYPE", "packet-bad-type", P, 1, MM, true},
                      RuleCase{"PACKET_BAD_ID", "packet-bad-id", A, 1, MM, true},
                      RuleCase{"RESEND_DIFFERS", "resend-differs", A, 1, MM, true, 1, false, 3u},
                      RuleCase{"ACTION_INVALID", "action-invalid", P, 1, MM, true},
                      RuleCase{"ACTION_ROLE", "action-role", P, 1, MM, true},
                      RuleCase{"RESULT_INCONSISTENT", "result-inconsistent", A, 1, MM, true},
                      RuleCase{"ATTRIBUTES_MALFORMED", "attributes-malformed", A, 1, MM, true},
                      RuleCase{"CALL_FAILED", "call-failed", P, 1, MM, true},
                      RuleCase{"END_FAILED", "end-failed", A, 1, EntryPoint::End, true},
                      RuleCase{"SLOW_CALL", "slow-call", P, 1, EntryPoint::Begin, true, 1, false,
                               std::nullopt, 100}),
    [](const ::testing::TestParamInfo<RuleCase>& param) { return param.param.rule; });

}  // namespace
}  // namespace eapscope
