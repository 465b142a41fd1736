// Carriers the shared real captures lack, from the checked-in generator (generator/), and the
// robustness cases of issue 6 part 7: truncated files, non-capture files, captures without EAP,
// progress and cancel.
#include "capture/capture_importer.h"
#include "capture/capture_trace.h"
#include "fixture_writer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace eapscope {
namespace {

namespace fs = std::filesystem;

fs::path fixtureDir()
{
    fs::path dir = fs::path(EAPSCOPE_BINARY_DIR) / "tests" / "capture" / "fixtures";
    fs::create_directories(dir);
    return dir;
}

class GeneratedCarrier : public ::testing::TestWithParam<fixtures::Fixture> {};

TEST_P(GeneratedCarrier, ImporterFindsEveryEapPacket)
{
    const fixtures::Fixture& fixture = GetParam();
    std::string path = fixtures::writeFixture(fixture, fixtureDir().string());
    auto imported = importCapture(path);
    ASSERT_TRUE(imported.ok()) << imported.error();
    std::vector<fixtures::ExpectedEap> found;
    for (const CapturedPacket& p : imported->packets) {
        found.push_back({p.frame, p.code, p.id, p.length, p.type ? int(*p.type) : -1});
    }
    EXPECT_EQ(found, fixture.expected) << fixture.name;
    ASSERT_FALSE(imported->conversations.empty());
    EXPECT_EQ(imported->conversations.size(), fixture.conversations) << fixture.name;
    EXPECT_EQ(imported->controls.size(), fixture.controls) << fixture.name;
    EXPECT_TRUE(imported->anomalies.empty()) << fixture.name << ": " << imported->anomalies[0].message;
}

INSTANTIATE_TEST_SUITE_P(Generator, GeneratedCarrier, ::testing::ValuesIn(fixtures::allFixtures()),
                         [](const auto& param) {
                             std::string name = param.param.name;
                             for (char& c : name)
                                 c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                             return name;
                         });

TEST(GeneratedCarrier, RadiotapDirectionsComeFromTheDsBits)
{
    auto all = fixtures::allFixtures();
    auto it = std::find_if(all.begin(), all.end(),
                           [](const auto& f) { return f.name == "radiotap-qos-eapol.pcap"; });
    ASSERT_NE(it, all.end());
    auto imported = importCapture(fixtures::writeFixture(*it, fixtureDir().string()));
    ASSERT_TRUE(imported.ok());
    ASSERT_EQ(imported->packets.size(), 5u);
    EXPECT_EQ(imported->packets[0].direction, Direction::ToPeer);
    EXPECT_EQ(imported->packets[1].direction, Direction::ToAuthenticator);
    EXPECT_EQ(imported->conversations[0].identity, "alice");
    EXPECT_EQ(imported->conversations[0].outcome, "success");
}

const fixtures::Fixture& fixtureNamed(const std::string& name)
{
    static const auto all = fixtures::allFixtures();
    auto it = std::find_if(all.begin(), all.end(), [&](const auto& f) { return f.name == name; });
    if (it == all.end())
        throw std::runtime_error("no fixture " + name);
    return *it;
}

CaptureImport importFixture(const std::string& name)
{
    auto imported = importCapture(fixtures::writeFixture(fixtureNamed(name), fixtureDir().string()));
    if (!imported)
        throw std::runtime_error(imported.error());
    return std::move(imported.value());
}

TEST(FieldCaptures, CookedCaptureWithAndWithoutVlanTagIsOneConversation)
{
    for (const char* name : {"sll-vlan-mixed.pcap", "sll2-vlan-mixed.pcap"}) {
        CaptureImport capture = importFixture(name);
        ASSERT_EQ(capture.conversations.size(), 1u) << name;
        EXPECT_EQ(capture.conversations[0].identity, "alice") << name;
        EXPECT_EQ(capture.conversations[0].outcome, "success") << name;
    }
}

TEST(FieldCaptures, EapolStartKeyLogoffAreEventsOfTheirConversation)
{
    CaptureImport capture = importFixture("eapol-start-key-logoff.pcap");
    ASSERT_EQ(capture.controls.size(), 4u);
    EXPECT_EQ(capture.controls[0].kind, CapturedControl::Kind::EapolStart);
    EXPECT_EQ(capture.controls[0].frame, 1u);
    EXPECT_EQ(capture.controls[1].kind, CapturedControl::Kind::EapolKey);
    EXPECT_EQ(capture.controls[1].direction, Direction::ToPeer);
    EXPECT_EQ(capture.controls[2].direction, Direction::ToAuthenticator);
    EXPECT_EQ(capture.controls[3].kind, CapturedControl::Kind::EapolLogoff);
    for (const CapturedControl& control : capture.controls)
        EXPECT_EQ(control.conversation, 0u);
    Trace trace = captureToTrace(capture);
    ASSERT_EQ(trace.size(), 9u);  // 5 EAP packets + 4 controls, in frame order
    EXPECT_EQ(trace.string(trace.row(EventId(0)).text), "EAPOL-Start");
    EXPECT_EQ(trace.row(EventId(0)).kind, EventKind::Note);
    EXPECT_EQ(trace.row(EventId(1)).kind, EventKind::Packet);
    EXPECT_EQ(trace.row(EventId(1)).aux, 2u);
    EXPECT_EQ(captureEventOf(capture, 0), EventId(1));
    EXPECT_EQ(trace.string(trace.row(EventId(8)).text), "EAPOL-Logoff");
    for (std::size_t i = 1; i < trace.size(); ++i)
        EXPECT_LT(trace.row(EventId(static_cast<std::uint32_t>(i - 1))).aux,
                  trace.row(EventId(static_cast<std::uint32_t>(i))).aux);
}

TEST(FieldCaptures, ReauthenticationIsASecondConversation)
{
    CaptureImport capture = importFixture("eapol-reauthentication.pcap");
    ASSERT_EQ(capture.conversations.size(), 2u);
    EXPECT_EQ(capture.conversations[0].packets.size(), 5u);
    EXPECT_EQ(capture.conversations[1].packets.size(), 5u);
    EXPECT_EQ(capture.conversations[1].outcome, "success");
}

TEST(FieldCaptures, TwoSupplicantsOnOnePortAreToldApartByIdentifier)
{
    CaptureImport capture = importFixture("eapol-two-supplicants.pcap");
    ASSERT_EQ(capture.conversations.size(), 2u);
    const CaptureConversation& a = capture.conversations[0];
    const CaptureConversation& b = capture.conversations[1];
    EXPECT_EQ(a.identity, "alice");
    EXPECT_EQ(a.outcome, "success");
    EXPECT_EQ(b.identity, "bob");
    EXPECT_EQ(b.outcome, "failure");
    EXPECT_EQ(b.roundTrips, 1u);  // its MD5 exchange, not alice's
    for (std::uint32_t p : b.packets) {
        const CapturedPacket& packet = capture.packets[p];
        EXPECT_GE(packet.id, 40) << "frame " << packet.frame;
    }
}

TEST(FieldCaptures, PcapngWithTwoInterfacesKeepsBothCarriers)
{
    CaptureImport capture = importFixture("two-interfaces.pcapng");
    ASSERT_EQ(capture.conversations.size(), 2u);
    EXPECT_EQ(capture.linkTypes.size(), 2u);
    EXPECT_EQ(capture.conversations[0].carrier, Carrier::Eapol);
    EXPECT_EQ(capture.conversations[1].carrier, Carrier::Radius);
    EXPECT_EQ(capture.conversations[1].outcome, "success");
}

TEST(CaptureRobustness, MissingFile_ErrorNamesTheFile)
{
    auto imported = importCapture("/nonexistent/capture.pcap");
    ASSERT_FALSE(imported.ok());
    EXPECT_NE(imported.error().find("/nonexistent/capture.pcap"), std::string::npos);
}

TEST(CaptureRobustness, NotACapture_ErrorNamesTheFileAndSaysWhatIsExpected)
{
    fs::path path = fixtureDir() / "not-a-capture.txt";
    std::ofstream(path) << "hello, this is text and not a capture\n";
    auto imported = importCapture(path.string());
    ASSERT_FALSE(imported.ok());
    EXPECT_NE(imported.error().find("not-a-capture.txt"), std::string::npos);
    EXPECT_NE(imported.error().find("pcap or pcapng"), std::string::npos) << imported.error();
}

TEST(CaptureRobustness, Directory_IsRefusedClearly)
{
    auto imported = importCapture(fixtureDir().string());
    ASSERT_FALSE(imported.ok());
    EXPECT_NE(imported.error().find("directory"), std::string::npos);
}

TEST(CaptureRobustness, TruncatedCapture_KeepsWhatWasReadAndSaysSo)
{
    auto imported =
        importCapture(std::string(EAPSCOPE_SHARED_DIR) + "/captures/derived/derived-libtrace-8021x-cut.pcap");
    ASSERT_TRUE(imported.ok());
    EXPECT_TRUE(imported->truncated);
    EXPECT_EQ(imported->frames, 49u);
    ASSERT_FALSE(imported->anomalies.empty());
    EXPECT_EQ(imported->anomalies.back().id, "CAPTURE_TRUNCATED");
    EXPECT_NE(imported->anomalies.back().message.find("derived-libtrace-8021x-cut.pcap"), std::string::npos);
}

TEST(CaptureRobustness, CaptureWithoutEap_IsAnEmptyResultNotAnError)
{
    fixtures::Fixture noise{"no-eap.pcap", 1, {}, {}};
    fixtures::Bytes mac{2, 0, 0, 0, 0, 9};
    noise.frames.push_back(
        fixtures::ethernet(mac, mac, 0x0800, fixtures::ipv4(1, 2, fixtures::udp(53, 53, {1, 2, 3}))));
    auto imported = importCapture(fixtures::writeFixture(noise, fixtureDir().string()));
    ASSERT_TRUE(imported.ok());
    EXPECT_EQ(imported->frames, 1u);
    EXPECT_TRUE(imported->packets.empty());
    EXPECT_TRUE(imported->conversations.empty());
}

TEST(CaptureRobustness, EveryCutOfARealCapture_ImportsWithoutCrashing)
{
    std::ifstream in(std::string(EAPSCOPE_SHARED_DIR) + "/captures/public/tcpdump-RADIUS.pcap",
                     std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), {});
    fs::path path = fixtureDir() / "cut.pcap";
    for (std::size_t n = 0; n < bytes.size(); n += 7) {
        std::ofstream(path, std::ios::binary | std::ios::trunc)
            .write(bytes.data(), static_cast<std::streamsize>(n));
        auto imported = importCapture(path.string());
        if (imported.ok()) {
            EXPECT_LE(imported->packets.size(), 4u);
        } else {
            EXPECT_NE(imported.error().find("cut.pcap"), std::string::npos);
        }
    }
}

TEST(CaptureProgress, ProgressReachesOneAndCancelStops)
{
    fixtures::Fixture many{"many-frames.pcap", 1, {}, {}};
    auto conversation = fixtures::md5Conversation();
    fixtures::Bytes a{2, 0, 0, 0, 0, 1}, b{2, 0, 0, 0, 0, 2};
    for (int i = 0; i < 20000; ++i) {
        const auto& eap = conversation[static_cast<std::size_t>(i) % conversation.size()];
        many.frames.push_back(
            fixtures::ethernet(eap[0] == 2 ? b : a, eap[0] == 2 ? a : b, 0x888e, fixtures::eapol(eap)));
    }
    std::string path = fixtures::writeFixture(many, fixtureDir().string());
    std::vector<double> progress;
    auto imported = importCapture(path, ImportOptions{[&](double p) { progress.push_back(p); }, nullptr});
    ASSERT_TRUE(imported.ok());
    EXPECT_EQ(imported->packets.size(), 20000u);
    EXPECT_EQ(imported->conversations.size(), 4000u);
    ASSERT_GE(progress.size(), 2u);
    EXPECT_DOUBLE_EQ(progress.back(), 1.0);
    EXPECT_TRUE(std::is_sorted(progress.begin(), progress.end()));

    std::atomic<bool> cancel{true};
    auto cancelled = importCapture(path, ImportOptions{{}, &cancel});
    ASSERT_FALSE(cancelled.ok());
    EXPECT_NE(cancelled.error().find("cancelled"), std::string::npos);
}

TEST(CaptureTrace, ConversationsBecomeContextsAndPacketsEvents)
{
    auto imported = importCapture(std::string(EAPSCOPE_SHARED_DIR) + "/captures/public/libtrace-8021x.pcap");
    ASSERT_TRUE(imported.ok());
    Trace trace = captureToTrace(*imported);
    ASSERT_EQ(trace.contexts().size(), 2u);
    EXPECT_EQ(trace.contexts()[0].side, Side::Authenticator);
    EXPECT_NE(trace.string(trace.contexts()[0].label).find("EAPOL/Ethernet"), std::string::npos);
    ASSERT_EQ(imported->packets.size(), 30u);
    ASSERT_EQ(trace.size(), 30u + imported->controls.size());  // EAPOL-Start/Logoff/Key as Notes
    EXPECT_FALSE(imported->controls.empty());
    EventRow first = trace.row(captureEventOf(*imported, 0));
    EXPECT_EQ(first.kind, EventKind::Packet);
    EXPECT_EQ(first.aux, imported->packets[0].frame);
    EXPECT_EQ(first.side,
              imported->packets[0].direction == Direction::ToPeer ? Side::Authenticator : Side::Peer);
    EXPECT_NE(trace.string(first.text).find("id="), std::string::npos);
    EXPECT_TRUE(std::is_sorted(trace.times().begin(), trace.times().end()));
}

TEST(CaptureTrace, EventOfWithAHintIsTheSameRowInAnyOrder)
{
    auto imported = importCapture(std::string(EAPSCOPE_SHARED_DIR) + "/captures/public/libtrace-8021x.pcap");
    ASSERT_TRUE(imported.ok());
    ASSERT_FALSE(imported->controls.empty());
    const auto count = static_cast<std::uint32_t>(imported->packets.size());
    std::vector<std::uint32_t> order;
    for (std::uint32_t i = 0; i < count; ++i)
        order.push_back(i);  // forwards
    for (std::uint32_t i = count; i-- > 0;)
        order.push_back(i);  // backwards
    for (std::uint32_t i = 0; i < count; ++i)
        order.push_back((i * 7 + 3) % count);  // jumping both ways
    order.push_back(count);                    // past the end
    for (std::size_t hint : {std::size_t(0), imported->controls.size(), std::size_t(1000)}) {
        for (std::uint32_t packet : order)
            EXPECT_EQ(captureEventOf(*imported, packet, hint), captureEventOf(*imported, packet)) << packet;
    }
}

}  // namespace
}  // namespace eapscope
