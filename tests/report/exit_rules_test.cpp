// The overall-outcome and exit-code rules (DESIGN.md "Command line"), kept in one place that
// run, inspect, replay and the GUI ask.
#include "report/exit_rules.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace eapscope {
namespace {

std::string overall(std::vector<std::string> outcomes)
{
    return overallOutcome(outcomes);
}

TEST(OverallOutcome, EverySideSucceeded_IsSuccess)
{
    EXPECT_EQ(overall({"success", "success", "success"}), "success");
}

TEST(OverallOutcome, OneFailureAmongSuccesses_IsFailure)
{
    EXPECT_EQ(overall({"success", "failure"}), "failure");
}

TEST(OverallOutcome, AnErrorOrAnUnfinishedSide_WinsOverFailure)
{
    EXPECT_EQ(overall({"failure", "error", "success"}), "error");
    EXPECT_EQ(overall({"success", "none"}), "error");
}

TEST(OverallOutcome, NoSideAtAll_IsNotASuccess)
{
    EXPECT_EQ(overall({}), "failure");
}

TEST(OverallOutcome, EmptyTrace_HasNoSideThatSucceeded)
{
    EXPECT_EQ(overallOutcome(Trace{}), "failure");
}

Trace traceWithFinding(Severity severity)
{
    Trace trace;
    FindingRecord finding;
    finding.rule = "HEAP_LEAK";
    finding.severity = severity;
    trace.addFinding(finding, 0);
    return trace;
}

TEST(SessionExitCode, ErrorFinding_IsOne)
{
    EXPECT_EQ(sessionExitCode(traceWithFinding(Severity::Error)), kExitFindings);
}

TEST(SessionExitCode, WarningsOnly_IsZero)
{
    EXPECT_EQ(sessionExitCode(traceWithFinding(Severity::Warning)), kExitOk);
    EXPECT_FALSE(hasErrorFindings(traceWithFinding(Severity::Warning)));
}

TEST(SessionExitCode, OutcomeDiffersFromExpected_IsFour)
{
    EXPECT_EQ(sessionExitCode(Trace{}, "failure", std::string("success")), kExitExpect);
    EXPECT_EQ(sessionExitCode(Trace{}, "success", std::string("success")), kExitOk);
}

TEST(SessionExitCode, ErrorFindingsWinOverExpect)
{
    EXPECT_EQ(sessionExitCode(traceWithFinding(Severity::Error), "failure", std::string("success")),
              kExitFindings);
}

}  // namespace
}  // namespace eapscope
