// Builds capture fixtures for carriers the shared real captures lack (issue 6 part 6): Linux
// SLL/SLL2, radiotap QoS data, Prism and AVS headers, PANA over IPv6, RADIUS split over IPv4 and
// IPv6 fragments, RADIUS on an unregistered port, raw IP; and what field captures hold: cooked
// captures where only some frames carry an 802.1Q tag, EAPOL-Start/Logoff/Key around a
// conversation, a re-authentication, two supplicants interleaved on one port, and a pcapng with
// two interfaces of different link types. Frames are assembled here byte by byte
// and written with libpcap's pcap_dump; each fixture lists the EAP packets it holds, which is
// what the importer must find.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace eapscope::fixtures {

using Bytes = std::vector<std::uint8_t>;

struct ExpectedEap {
    std::uint32_t frame;
    int code, id, length, type;  // type -1 when none
    bool operator==(const ExpectedEap&) const = default;
};

struct Fixture {
    std::string name;  // file name
    int linkType = 1;
    std::vector<Bytes> frames;
    std::vector<ExpectedEap> expected;
    std::size_t conversations = 1;  // how many the importer must find
    std::size_t controls = 0;       // EAPOL-Start/Logoff/Key frames that belong to a conversation
    // pcapng with several interfaces: the link type of each, and the interface of each frame.
    std::vector<int> interfaceLinkTypes;
    std::vector<std::uint32_t> frameInterfaces;
};

/// The EAP-MD5 conversation used by most fixtures: Request/Identity, Response/Identity,
/// Request/MD5, Response/MD5, Success.
std::vector<Bytes> md5Conversation();

/// Every fixture, built in memory.
std::vector<Fixture> allFixtures();

/// Writes `fixture` into `directory` (classic pcap, or pcapng when it has interfaces); returns the path.
std::string writeFixture(const Fixture& fixture, const std::string& directory);

// Frame builders, shared with the benchmark's capture generator.
Bytes ethernet(const Bytes& destination, const Bytes& source, std::uint16_t etherType, const Bytes& payload);
Bytes eapol(const Bytes& eap);
Bytes ipv4(std::uint32_t source, std::uint32_t destination, const Bytes& payload, std::uint16_t id = 1,
           std::uint16_t fragmentOffset = 0, bool more = false);
Bytes udp(std::uint16_t sourcePort, std::uint16_t destinationPort, const Bytes& payload);
Bytes radius(std::uint8_t code, std::uint8_t id, const Bytes& eap, std::size_t eapChunk = 253);

}  // namespace eapscope::fixtures
