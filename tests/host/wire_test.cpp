// Round trips of every host-protocol value, and decoding of truncated and garbage payloads.
#include "eapscope/raseap.h"
#include "host/wire_messages.h"

#include <gtest/gtest.h>

#include <random>

namespace eapscope {
namespace {

CallOutcome sampleOutcome()
{
    CallOutcome o;
    o.entry = EntryPoint::MakeMessage;
    o.result = 0x2A;
    o.durationNs = 123456789;
    o.workBuffer = 0x7f00deadbeef;
    o.workBufferWritten = true;
    o.action = 4;
    o.authResultCode = 691;
    o.sendPacket = {2, 1, 0, 6, 4, 0x10};
    o.sendLengthField = 6;
    o.outputAttributes = {AuthAttribute{25, 3, true, {1, 2, 3}, 0}, AuthAttribute{6, 4, false, {}, 2}};
    o.attributesProblem = "unterminated";
    o.invokeInteractiveUI = true;
    o.uiContextData = {9, 9};
    o.saveConnectionData = true;
    o.saveUserData = true;
    o.connectionData = {1};
    o.userData = {2, 3};
    o.inputModified = "PPP_EAP_INPUT.fFlags";
    o.outputOverrun = true;
    o.infoOverrun = true;
    o.packetOverflow = true;
    o.overflowOffset = -3;
    o.inputUsedAfterCall = true;
    o.inputUsedDetail = "identity";
    o.heap = {HeapEvent{true, 0x1000, 64, 3, 99, "f (a.c:1)", ""},
              HeapEvent{false, 0x2000, 0, 0, 100, "", "DOUBLE_FREE"}};
    o.failure = HostFailure{HostFailure::Kind::Exit, std::nullopt, 3, "exit(3)"};
    return o;
}

bool sameOutcome(const CallOutcome& a, const CallOutcome& b)
{
    auto heapEq = [](const HeapEvent& x, const HeapEvent& y) {
        return x.alloc == y.alloc && x.address == y.address && x.size == y.size &&
               x.contextTag == y.contextTag && x.timeNs == y.timeNs && x.site == y.site &&
               x.anomaly == y.anomaly;
    };
    const bool heap =
        a.heap.size() == b.heap.size() && std::equal(a.heap.begin(), a.heap.end(), b.heap.begin(), heapEq);
    const bool failure =
        a.failure.has_value() == b.failure.has_value() &&
        (!a.failure ||
         (a.failure->kind == b.failure->kind && a.failure->signal == b.failure->signal &&
          a.failure->exitStatus == b.failure->exitStatus && a.failure->detail == b.failure->detail));
    return heap && failure && a.entry == b.entry && a.result == b.result && a.durationNs == b.durationNs &&
           a.workBuffer == b.workBuffer && a.workBufferWritten == b.workBufferWritten &&
           a.action == b.action && a.authResultCode == b.authResultCode && a.sendPacket == b.sendPacket &&
           a.sendLengthField == b.sendLengthField && a.outputAttributes == b.outputAttributes &&
           a.attributesProblem == b.attributesProblem && a.invokeInteractiveUI == b.invokeInteractiveUI &&
           a.uiContextData == b.uiContextData && a.saveConnectionData == b.saveConnectionData &&
           a.saveUserData == b.saveUserData && a.connectionData == b.connectionData &&
           a.userData == b.userData && a.inputModified == b.inputModified &&
           a.outputOverrun == b.outputOverrun && a.infoOverrun == b.infoOverrun &&
           a.packetOverflow == b.packetOverflow && a.overflowOffset == b.overflowOffset &&
           a.inputUsedAfterCall == b.inputUsedAfterCall && a.inputUsedDetail == b.inputUsedDetail;
}

TEST(Wire, CallOutcome_RoundTripsEveryField)
{
    const CallOutcome original = sampleOutcome();
    CallOutcome decoded;
    ASSERT_TRUE(wire::decodePayload(wire::encodePayload(original), decoded));
    EXPECT_TRUE(sameOutcome(original, decoded));
}

TEST(Wire, CallOutcome_WithoutOptionalsRoundTrips)
{
    CallOutcome original;
    original.entry = EntryPoint::End;
    CallOutcome decoded = sampleOutcome();
    ASSERT_TRUE(wire::decodePayload(wire::encodePayload(original), decoded));
    EXPECT_FALSE(decoded.failure.has_value());
    EXPECT_FALSE(decoded.overflowOffset.has_value());
    EXPECT_TRUE(decoded.heap.empty());
    EXPECT_TRUE(sameOutcome(original, decoded));
}

TEST(Wire, BeginRequest_RoundTripsUtf16AndOptionalPassword)
{
    BeginRequest original;
    original.contextTag = 5;
    original.authenticator = false;
    original.flags = 0x10;
    original.identity = u"al\u00efce";
    original.password = u"s\u00e9cret";
    original.initialId = 7;
    original.userAttributes = {AuthAttribute{1, 5, true, {'a', 'l', 'i', 'c', 'e'}, 0}};
    original.connectionData = {1, 2};
    original.userData = {3};
    original.inputSize = 152;
    BeginRequest decoded;
    ASSERT_TRUE(wire::decodePayload(wire::encodePayload(original), decoded));
    EXPECT_EQ(decoded.contextTag, 5u);
    EXPECT_EQ(decoded.identity, original.identity);
    EXPECT_EQ(decoded.password, original.password);
    EXPECT_EQ(decoded.initialId, 7);
    EXPECT_EQ(decoded.userAttributes, original.userAttributes);
    EXPECT_EQ(decoded.connectionData, original.connectionData);
    EXPECT_EQ(decoded.userData, original.userData);
    EXPECT_EQ(decoded.inputSize, 152u);

    original.password.reset();
    ASSERT_TRUE(wire::decodePayload(wire::encodePayload(original), decoded));
    EXPECT_FALSE(decoded.password.has_value());
}

TEST(Wire, MakeMessageRequest_RoundTripsNullAndEmptyPacketDistinctly)
{
    MakeMessageRequest original;
    original.contextTag = 2;
    original.workBuffer = 0x55aa;
    original.receivePacket = Bytes{};
    original.cbSendPacket = 1400;
    original.flags = 3;
    original.authResultCode = 5;
    original.outputSize = 96;
    MakeMessageRequest decoded;
    ASSERT_TRUE(wire::decodePayload(wire::encodePayload(original), decoded));
    ASSERT_TRUE(decoded.receivePacket.has_value());
    EXPECT_TRUE(decoded.receivePacket->empty());
    EXPECT_EQ(decoded.workBuffer, 0x55aau);
    EXPECT_EQ(decoded.outputSize, 96u);

    original.receivePacket.reset();
    ASSERT_TRUE(wire::decodePayload(wire::encodePayload(original), decoded));
    EXPECT_FALSE(decoded.receivePacket.has_value());
}

TEST(Wire, LoadRequestAndReport_RoundTrip)
{
    LoadRequest request{"/x/m.so", "m", 26};
    LoadRequest decodedRequest;
    ASSERT_TRUE(wire::decodePayload(wire::encodePayload(request), decodedRequest));
    EXPECT_EQ(decodedRequest.path, "/x/m.so");
    EXPECT_EQ(decodedRequest.type, std::optional<std::uint32_t>(26));

    LoadReport report;
    report.ok = true;
    report.name = "md5";
    report.sha256 = "ab";
    report.eapType = 4;
    report.answeredTypes = {4, 26};
    report.exports = {"RasEapGetInfo"};
    report.hasMakeMessage = true;
    report.findings = {{"LOAD_INFO_OVERRUN", "wrote past"}};
    LoadReport decoded;
    ASSERT_TRUE(wire::decodePayload(wire::encodePayload(report), decoded));
    EXPECT_TRUE(decoded.ok);
    EXPECT_EQ(decoded.answeredTypes, report.answeredTypes);
    EXPECT_EQ(decoded.exports, report.exports);
    ASSERT_EQ(decoded.findings.size(), 1u);
    EXPECT_EQ(decoded.findings[0].rule, "LOAD_INFO_OVERRUN");
    EXPECT_TRUE(decoded.hasMakeMessage);
    EXPECT_FALSE(decoded.hasBegin);
}

// A load finding's sentence crosses the wire whole (its template, verbatim flags and nested
// arguments), so the GUI translates a load finding made in an isolated host.
TEST(Wire, LoadReport_CarriesAFindingsSentence)
{
    const MessageText text =
        phrase("%1: not a loadable shared library: the system loader says %2 %3",
               {verbatim("/x/m.so"), verbatim("invalid ELF header"),
                phrase("(install what it names, or add its folder to LD_LIBRARY_PATH)")});
    LoadReport report;
    report.findings = {{"LOAD_LIBRARY_FAILED", text.english(), text}, {"LOAD_INFO_OVERRUN", "plain", {}}};
    LoadReport decoded;
    ASSERT_TRUE(wire::decodePayload(wire::encodePayload(report), decoded));
    ASSERT_EQ(decoded.findings.size(), 2u);
    EXPECT_EQ(decoded.findings[0].text, text);
    EXPECT_EQ(decoded.findings[0].message, text.english());
    EXPECT_FALSE(decoded.findings[0].text.verbatim);
    EXPECT_TRUE(decoded.findings[0].text.args[0].verbatim);
    EXPECT_FALSE(decoded.findings[0].text.args[2].verbatim);
    EXPECT_TRUE(decoded.findings[1].text.empty());

    // Nesting deeper than any sentence core makes is refused, not followed.
    MessageText deep = verbatim("x");
    for (int i = 0; i < 12; ++i) {
        deep = phrase("%1", {deep});
    }
    report.findings = {{"LOAD_INFO_OVERRUN", deep.english(), deep}};
    EXPECT_FALSE(wire::decodePayload(wire::encodePayload(report), decoded));
}

// RasEapRolesSupported (RASEAP.md §2.5) reaches the controller: a peer-only method listed through
// the host is not shown with both roles, and the loader's notes are not dropped either.
TEST(Wire, LoadReportRolesAndNotes_RoundTrip)
{
    LoadReport report;
    report.ok = true;
    report.roles = RAS_EAP_ROLE_AUTHENTICATEE;
    report.rolesExported = true;
    report.notes = {"RasEapMakeMessage points outside the image"};
    report.hasMakeMessage = true;
    LoadReport decoded;
    ASSERT_TRUE(wire::decodePayload(wire::encodePayload(report), decoded));
    EXPECT_EQ(decoded.roles, static_cast<std::uint32_t>(RAS_EAP_ROLE_AUTHENTICATEE));
    EXPECT_TRUE(decoded.rolesExported);
    EXPECT_EQ(decoded.notes, report.notes);
    EXPECT_TRUE(decoded.hasMakeMessage);

    LoadReport absent;  // no export: both roles, and the decoder keeps the difference
    absent.ok = true;
    LoadReport decodedAbsent;
    decodedAbsent.roles = 0;
    decodedAbsent.rolesExported = true;
    ASSERT_TRUE(wire::decodePayload(wire::encodePayload(absent), decodedAbsent));
    EXPECT_EQ(decodedAbsent.roles, 3u);
    EXPECT_FALSE(decodedAbsent.rolesExported);
}

TEST(Wire, HelloAndFailure_RoundTrip)
{
    wire::Hello hello{wire::kMagic, wire::kVersion, 1234, true};
    wire::Hello decoded;
    ASSERT_TRUE(wire::decodePayload(wire::encodePayload(hello), decoded));
    EXPECT_EQ(decoded.pid, 1234u);
    EXPECT_TRUE(decoded.tracerActive);

    HostFailure failure{HostFailure::Kind::Crash, 11, std::nullopt, "SIGSEGV"};
    HostFailure decodedFailure;
    ASSERT_TRUE(wire::decodePayload(wire::encodePayload(failure), decodedFailure));
    EXPECT_EQ(decodedFailure.signal, std::optional<int>(11));
    EXPECT_FALSE(decodedFailure.exitStatus.has_value());
}

TEST(Wire, Integers_AreLittleEndian)
{
    wire::WireWriter out;
    out.u32(0x01020304);
    const std::vector<std::uint8_t> expected{4, 3, 2, 1};
    EXPECT_EQ(out.buffer(), expected);
}

TEST(Wire, EveryTruncation_FailsToDecode)
{
    const std::vector<std::uint8_t> full = wire::encodePayload(sampleOutcome());
    for (std::size_t n = 0; n < full.size(); ++n) {
        CallOutcome decoded;
        EXPECT_FALSE(wire::decodePayload(std::span(full.data(), n), decoded))
            << "prefix of " << n << " bytes";
    }
}

TEST(Wire, TrailingBytes_FailToDecode)
{
    std::vector<std::uint8_t> full = wire::encodePayload(sampleOutcome());
    full.push_back(0);
    CallOutcome decoded;
    EXPECT_FALSE(wire::decodePayload(full, decoded));
}

TEST(Wire, HugeCount_FailsWithoutAllocating)
{
    wire::WireWriter out;
    out.u32(0xFFFFFFF0u);  // a heap event count no payload can hold
    std::vector<HeapEvent> decoded;
    EXPECT_FALSE(wire::decodePayload(out.buffer(), decoded));
    EXPECT_TRUE(decoded.empty());
}

TEST(Wire, BadBooleanAndEnum_FailToDecode)
{
    std::vector<std::uint8_t> full = wire::encodePayload(sampleOutcome());
    std::vector<std::uint8_t> badEntry = full;
    badEntry[0] = 99;  // EntryPoint out of range
    CallOutcome decoded;
    EXPECT_FALSE(wire::decodePayload(badEntry, decoded));
    std::vector<std::uint8_t> badBool = full;
    badBool[1 + 4 + 8 + 8] = 7;  // workBufferWritten is neither 0 nor 1
    EXPECT_FALSE(wire::decodePayload(badBool, decoded));
}

TEST(Wire, RandomGarbage_NeverCrashesTheDecoder)
{
    std::mt19937 random(42);
    for (int round = 0; round < 2000; ++round) {
        std::vector<std::uint8_t> garbage(random() % 200);
        for (auto& b : garbage) {
            b = static_cast<std::uint8_t>(random());
        }
        CallOutcome outcome;
        LoadReport report;
        BeginRequest begin;
        (void)wire::decodePayload(garbage, outcome);
        (void)wire::decodePayload(garbage, report);
        (void)wire::decodePayload(garbage, begin);
    }
    SUCCEED();
}

}  // namespace
}  // namespace eapscope
