// Conversations as a person sees them in Wireshark: the session counts of the MANIFEST, outcomes,
// methods and identities of known captures.
#include "capture/capture_importer.h"
#include "eap/eap_types.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace eapscope {
namespace {

const std::filesystem::path kCaptures = std::filesystem::path(EAPSCOPE_SHARED_DIR) / "captures";

CaptureImport load(const std::string& file)
{
    auto imported = importCapture((kCaptures / file).string());
    EXPECT_TRUE(imported.ok()) << file << ": " << (imported.ok() ? "" : imported.error());
    return imported.ok() ? std::move(imported.value()) : CaptureImport{};
}

std::vector<std::string> outcomes(const CaptureImport& capture)
{
    std::vector<std::string> list;
    for (const CaptureConversation& c : capture.conversations)
        list.push_back(c.outcome);
    return list;
}

struct Expected {
    const char* file;
    std::vector<std::string> outcomes;
};

class ManifestSessions : public ::testing::TestWithParam<Expected> {};

TEST_P(ManifestSessions, ConversationsMatchTheManifest)
{
    CaptureImport capture = load(GetParam().file);
    EXPECT_EQ(outcomes(capture), GetParam().outcomes) << GetParam().file;
}

// Sessions per the MANIFEST "Conversations (endpoints / sessions)" column; outcomes read in Wireshark.
INSTANTIATE_TEST_SUITE_P(
    SharedCaptures, ManifestSessions,
    ::testing::Values(Expected{"public/asleap-joshlea.dump", {"success", "success"}},
                      Expected{"public/asleap-leap2.dump", {"success"}},
                      Expected{"public/eapmd5pass-EAPMD5-Challenge-01.cap", {"success"}},
                      Expected{"public/eapmd5pass-brad.eaptest2.cap", {"success"}},
                      Expected{"public/eapmd5pass-eapmd5-sample.dump", {"success"}},
                      Expected{"public/libtrace-8021x.pcap", {"success", "success"}},
                      Expected{"public/libtrace-radius.pcap", {"success", "success"}},
                      Expected{"public/packetgen-dot1x.pcapng", {"success"}},
                      Expected{"public/packetgen-wps.pcapng", {"failure"}},
                      Expected{"public/tcpdump-RADIUS.pcap", {"success"}},
                      Expected{"public/tcpdump-eap_extract_read2_asan.pcap", {}},
                      Expected{"public/tcpdump-eapon1.pcap", {"success", "success", "success", "success"}},
                      Expected{"public/wiresharkwiki-802.1x.pcap", {"success"}},
                      Expected{"public/wiresharkwiki-pana-rfc5191.cap", {"success", "success"}},
                      Expected{"public/wiresharkwiki-radius_localhost.pcapng", {"failure", "success"}},
                      Expected{"public/wiresharkwiki-wpa-eap-tls.pcap.gz", {"success"}},
                      Expected{"public/wiresharkwiki-wpsdata.cap", {"failure", "none"}},
                      Expected{"public/zeek-radius_localhost.pcap", {"failure", "success"}},
                      Expected{"derived/derived-802.1x-as-ppp.pcap", {"success"}},
                      Expected{"derived/derived-802.1x-as-pppoe.pcap", {"success"}},
                      Expected{"derived/derived-802.1x-qinq.pcap", {"success"}},
                      Expected{"derived/derived-802.1x-vlan100.pcap", {"success"}},
                      Expected{"derived/derived-libtrace-8021x-cut.pcap", {"success", "none"}},
                      Expected{"derived/derived-libtrace-8021x-nsec.pcap", {"success", "success"}},
                      Expected{"derived/derived-merged-8021x-eth+radiotap.pcapng",
                               {"success", "success", "success"}},
                      Expected{"loopback/radius-md5.pcapng", {"success"}},
                      Expected{"loopback/radius-md5-badpw.pcapng", {"failure"}},
                      Expected{"loopback/radius-gtc.pcapng", {"success"}},
                      Expected{"loopback/radius-tls.pcapng", {"success"}}),
    [](const auto& param) {
        std::string name = param.param.file;
        for (char& c : name)
            c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
        return name;
    });

TEST(Conversations, LibtraceEapol_NakToTtls)
{
    CaptureImport capture = load("public/libtrace-8021x.pcap");
    ASSERT_EQ(capture.conversations.size(), 2u);
    const CaptureConversation& c = capture.conversations[0];
    EXPECT_EQ(c.carrier, Carrier::Eapol);
    EXPECT_EQ(c.proposed, (std::vector<std::uint8_t>{eap_type::kMd5, eap_type::kTtls}));
    EXPECT_EQ(c.nakDesired, (std::vector<std::uint8_t>{eap_type::kTtls}));
    EXPECT_EQ(c.negotiated, eap_type::kTtls);
    EXPECT_FALSE(c.identity.empty());
}

TEST(Conversations, RadiusLocalhost_PcapAndPcapngGiveTheSameConversations)
{
    CaptureImport pcapng = load("public/wiresharkwiki-radius_localhost.pcapng");
    CaptureImport pcap = load("public/zeek-radius_localhost.pcap");
    ASSERT_EQ(pcap.conversations.size(), pcapng.conversations.size());
    for (std::size_t i = 0; i < pcap.conversations.size(); ++i) {
        EXPECT_EQ(pcap.conversations[i].label(), pcapng.conversations[i].label());
        EXPECT_EQ(pcap.conversations[i].identity, pcapng.conversations[i].identity);
        EXPECT_EQ(pcap.conversations[i].packets.size(), pcapng.conversations[i].packets.size());
    }
    EXPECT_EQ(pcap.bytes, pcapng.bytes);
}

TEST(Conversations, RadiusDirections_AccessRequestGoesToTheAuthenticator)
{
    CaptureImport capture = load("public/tcpdump-RADIUS.pcap");
    ASSERT_EQ(capture.packets.size(), 4u);
    EXPECT_EQ(capture.packets[0].direction, Direction::ToAuthenticator);  // Response/Identity
    EXPECT_EQ(capture.packets[1].direction, Direction::ToPeer);           // Request/MD5
    EXPECT_EQ(capture.conversations[0].identity, "John.McGuirk");
    EXPECT_EQ(capture.conversations[0].roundTrips, 1u);
}

TEST(Conversations, LeapRoleReversal_StaysInOneConversationWithDirectionsBySender)
{
    CaptureImport capture = load("public/asleap-leap2.dump");
    ASSERT_EQ(capture.conversations.size(), 1u);
    const CapturedPacket& apChallenge = capture.packets.at(7);  // frame 14: station's LEAP Request
    EXPECT_EQ(apChallenge.frame, 14u);
    EXPECT_EQ(apChallenge.code, eap_code::kRequest);
    EXPECT_EQ(apChallenge.direction, Direction::ToAuthenticator);
}

TEST(Conversations, EapTlsFragments_ReassembledOnTheLastFragment)
{
    CaptureImport capture = load("public/wiresharkwiki-wpa-eap-tls.pcap.gz");
    bool reassembled = false;
    for (const CapturedPacket& p : capture.packets) {
        const std::string note = capture.note(p);
        if (note.find("TLS message reassembled") != std::string::npos) {
            reassembled = true;
            EXPECT_NE(note.find("Handshake("), std::string::npos) << note;
        }
    }
    EXPECT_TRUE(reassembled);
}

TEST(Conversations, GroupAddressedWiredExchange_OneConversationWithBothEndpoints)
{
    CaptureImport capture = load("public/wiresharkwiki-802.1x.pcap");
    ASSERT_EQ(capture.conversations.size(), 1u);
    EXPECT_FALSE(capture.conversations[0].authenticator.empty());
    EXPECT_FALSE(capture.conversations[0].peer.empty());
    EXPECT_NE(capture.conversations[0].authenticator, capture.conversations[0].peer);
}

}  // namespace
}  // namespace eapscope
