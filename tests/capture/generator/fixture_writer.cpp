#include "fixture_writer.h"

#include <pcap/pcap.h>

#include <stdexcept>

namespace eapscope::fixtures {
namespace {

const Bytes kStation{0x02, 0x00, 0x00, 0x00, 0x00, 0x01};
const Bytes kAuthenticator{0x02, 0x00, 0x00, 0x00, 0x00, 0x02};
constexpr std::uint32_t kNas = 0x0a000001, kServer = 0x0a000002;  // 10.0.0.1, 10.0.0.2

void put16(Bytes& b, std::uint16_t v)
{
    b.push_back(static_cast<std::uint8_t>(v >> 8));
    b.push_back(static_cast<std::uint8_t>(v));
}

void put32(Bytes& b, std::uint32_t v)
{
    put16(b, static_cast<std::uint16_t>(v >> 16));
    put16(b, static_cast<std::uint16_t>(v));
}

Bytes concat(Bytes a, const Bytes& b)
{
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

Bytes eapPacket(std::uint8_t code, std::uint8_t id, const Bytes& typeData)
{
    Bytes b{code, id};
    put16(b, static_cast<std::uint16_t>(4 + typeData.size()));
    return concat(b, typeData);
}

ExpectedEap expect(std::uint32_t frame, const Bytes& eap)
{
    return {frame, eap[0], eap[1], (eap[2] << 8) | eap[3], eap.size() > 4 && eap[0] <= 2 ? eap[4] : -1};
}

// IEEE 802.11 QoS data frame carrying EAPOL (LLC/SNAP), To DS from the station or From DS.
Bytes ieee80211(const Bytes& eap, bool fromStation)
{
    Bytes b{0x88, static_cast<std::uint8_t>(fromStation ? 0x01 : 0x02), 0, 0};
    const Bytes& a1 = fromStation ? kAuthenticator : kStation;
    const Bytes& a2 = fromStation ? kStation : kAuthenticator;
    b = concat(concat(concat(b, a1), a2), kAuthenticator);
    b.insert(b.end(), {0x10, 0x00, 0x00, 0x00});  // sequence control, QoS control
    b.insert(b.end(), {0xaa, 0xaa, 0x03, 0x00, 0x00, 0x00, 0x88, 0x8e});
    return concat(b, eapol(eap));
}

Bytes ipv6Header(std::uint8_t next, const Bytes& payload, bool reverse = false)
{
    Bytes b{0x60, 0, 0, 0};
    put16(b, static_cast<std::uint16_t>(payload.size()));
    b.push_back(next);
    b.push_back(64);
    for (std::uint8_t last :
         {std::uint8_t(reverse ? 2 : 1), std::uint8_t(reverse ? 1 : 2)}) {  // 2001:db8::1 ↔ ::2
        Bytes address{0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, last};
        b = concat(b, address);
    }
    return concat(b, payload);
}

// RFC 5191 §6.2: PANA-Auth-Request/Answer with the EAP-Payload AVP (code 2).
Bytes pana(bool request, std::uint32_t session, std::uint32_t sequence, const Bytes& eap)
{
    Bytes avp;
    put16(avp, 2);
    put16(avp, 0);
    put16(avp, static_cast<std::uint16_t>(eap.size()));
    put16(avp, 0);
    avp = concat(avp, eap);
    while (avp.size() % 4)
        avp.push_back(0);
    Bytes b;
    put16(b, 0);
    put16(b, static_cast<std::uint16_t>(16 + avp.size()));
    put16(b, request ? 0x8000 : 0);
    put16(b, 2);  // PANA-Auth
    put32(b, session);
    put32(b, sequence);
    return concat(b, avp);
}

Fixture eapolFixture(std::string name, int linkType, Bytes (*wrap)(const Bytes& eap, bool fromStation))
{
    Fixture f{std::move(name), linkType, {}, {}};
    for (const Bytes& eap : md5Conversation()) {
        f.frames.push_back(wrap(eap, eap[0] == 2));
        f.expected.push_back(expect(static_cast<std::uint32_t>(f.frames.size()), eap));
    }
    return f;
}

Bytes sll(const Bytes& eap, bool fromStation)
{
    Bytes b;
    put16(b, fromStation ? 0 : 4);  // packet type: to us / outgoing
    put16(b, 1);                    // ARPHRD_ETHER
    put16(b, 6);
    b = concat(b, fromStation ? kStation : kAuthenticator);
    b.insert(b.end(), {0, 0});
    put16(b, 0x888e);
    return concat(b, eapol(eap));
}

Bytes sll2(const Bytes& eap, bool fromStation)
{
    Bytes b;
    put16(b, 0x888e);
    put16(b, 0);
    put32(b, 2);  // interface index
    put16(b, 1);  // ARPHRD_ETHER
    b.push_back(fromStation ? 0 : 4);
    b.push_back(6);
    b = concat(b, fromStation ? kStation : kAuthenticator);
    b.insert(b.end(), {0, 0});
    return concat(b, eapol(eap));
}

Bytes radiotap(const Bytes& eap, bool fromStation)
{
    return concat(Bytes{0, 0, 8, 0, 0, 0, 0, 0}, ieee80211(eap, fromStation));
}

Bytes prism(const Bytes& eap, bool fromStation)
{
    Bytes header(144, 0);
    header[0] = 0x44;  // msgcode (little-endian)
    header[4] = 144;   // msglen (little-endian)
    return concat(header, ieee80211(eap, fromStation));
}

Bytes avs(const Bytes& eap, bool fromStation)
{
    Bytes header;
    put32(header, 0x80211001);
    put32(header, 64);
    header.resize(64, 0);
    return concat(header, ieee80211(eap, fromStation));
}

Fixture panaIpv6()
{
    Fixture f{"pana-ipv6.pcap", DLT_EN10MB, {}, {}};
    std::uint32_t sequence = 100;
    for (const Bytes& eap : md5Conversation()) {
        bool fromPaa = eap[0] != 2;
        Bytes datagram =
            udp(fromPaa ? 716 : 50000, fromPaa ? 50000 : 716, pana(fromPaa, 0x1234, sequence++, eap));
        f.frames.push_back(ethernet(kStation, kAuthenticator, 0x86dd, ipv6Header(17, datagram, !fromPaa)));
        f.expected.push_back(expect(static_cast<std::uint32_t>(f.frames.size()), eap));
    }
    return f;
}

// A 1100-byte EAP-TLS Response in five EAP-Message attributes, in an Access-Request sent in
// three IPv4 fragments: the EAP appears on the frame that completes the datagram.
Fixture radiusFragmentedIpv4()
{
    Fixture f{"radius-fragmented-ipv4.pcap", DLT_EN10MB, {}, {}};
    Bytes tls{13, 0x00};
    tls.resize(1096, 0x16);
    Bytes eap = eapPacket(2, 7, tls);
    Bytes datagram = udp(40000, 1812, radius(1, 3, eap));
    const std::size_t chunk = 480;  // multiple of 8
    for (std::size_t at = 0; at < datagram.size(); at += chunk) {
        Bytes piece(datagram.begin() + static_cast<std::ptrdiff_t>(at),
                    datagram.begin() + static_cast<std::ptrdiff_t>(std::min(datagram.size(), at + chunk)));
        bool more = at + chunk < datagram.size();
        f.frames.push_back(
            ethernet(kAuthenticator, kStation, 0x0800,
                     ipv4(kNas, kServer, piece, 77, static_cast<std::uint16_t>(at / 8), more)));
    }
    f.expected.push_back(expect(static_cast<std::uint32_t>(f.frames.size()), eap));
    return f;
}

// RFC 8200 §4.5: the same over IPv6 with a Fragment header, fragments sent in reverse order.
Fixture radiusFragmentedIpv6()
{
    Fixture f{"radius-fragmented-ipv6.pcap", DLT_EN10MB, {}, {}};
    Bytes eap = eapPacket(2, 9, concat(Bytes{1}, Bytes(600, 'a')));
    Bytes datagram = udp(40000, 1812, radius(1, 4, eap));
    const std::size_t split = 320;
    std::vector<Bytes> fragments;
    for (std::size_t at = 0; at < datagram.size(); at += split) {
        bool more = at + split < datagram.size();
        Bytes header{17, 0};
        put16(header, static_cast<std::uint16_t>(at | (more ? 1 : 0)));
        put32(header, 0xabcdef);
        header.insert(header.end(), datagram.begin() + static_cast<std::ptrdiff_t>(at),
                      datagram.begin() + static_cast<std::ptrdiff_t>(std::min(datagram.size(), at + split)));
        fragments.push_back(ethernet(kAuthenticator, kStation, 0x86dd, ipv6Header(44, header)));
    }
    f.frames.assign(fragments.rbegin(), fragments.rend());
    f.expected.push_back(expect(static_cast<std::uint32_t>(f.frames.size()), eap));
    return f;
}

// RADIUS on UDP 11812 (not registered): recognised because it parses as RADIUS with EAP-Message;
// and raw IP (LINKTYPE_RAW).
Fixture radiusOtherPortRawIp()
{
    Fixture f{"radius-port11812-rawip.pcap", DLT_RAW, {}, {}};
    std::uint8_t radiusId = 0;
    for (const Bytes& eap : md5Conversation()) {
        if (eap[0] == 1 && eap[4] == 1)
            continue;  // the NAS asks for the identity itself
        bool fromNas = eap[0] == 2;
        std::uint8_t code = fromNas ? 1 : (eap[0] == 3 ? 2 : 11);
        Bytes datagram = udp(fromNas ? 40000 : 11812, fromNas ? 11812 : 40000, radius(code, radiusId++, eap));
        f.frames.push_back(fromNas ? ipv4(kNas, kServer, datagram) : ipv4(kServer, kNas, datagram));
        f.expected.push_back(expect(static_cast<std::uint32_t>(f.frames.size()), eap));
    }
    return f;
}

}  // namespace

std::vector<Bytes> md5Conversation()
{
    Bytes challenge{16};
    for (std::uint8_t i = 0; i < 16; ++i)
        challenge.push_back(i);
    return {eapPacket(1, 1, {1}), eapPacket(2, 1, {1, 'a', 'l', 'i', 'c', 'e'}),
            eapPacket(1, 2, concat(Bytes{4}, challenge)),
            eapPacket(2, 2, concat(Bytes{4, 16}, Bytes(16, 0x5a))), Bytes{3, 2, 0, 4}};
}

Bytes ethernet(const Bytes& destination, const Bytes& source, std::uint16_t etherType, const Bytes& payload)
{
    Bytes b = concat(destination, source);
    put16(b, etherType);
    return concat(b, payload);
}

Bytes eapol(const Bytes& eap)
{
    Bytes b{2, 0};
    put16(b, static_cast<std::uint16_t>(eap.size()));
    return concat(b, eap);
}

Bytes ipv4(std::uint32_t source, std::uint32_t destination, const Bytes& payload, std::uint16_t id,
           std::uint16_t fragmentOffset, bool more)
{
    Bytes b{0x45, 0};
    put16(b, static_cast<std::uint16_t>(20 + payload.size()));
    put16(b, id);
    put16(b, static_cast<std::uint16_t>(fragmentOffset | (more ? 0x2000 : 0)));
    b.insert(b.end(), {64, 17, 0, 0});
    put32(b, source);
    put32(b, destination);
    return concat(b, payload);
}

Bytes udp(std::uint16_t sourcePort, std::uint16_t destinationPort, const Bytes& payload)
{
    Bytes b;
    put16(b, sourcePort);
    put16(b, destinationPort);
    put16(b, static_cast<std::uint16_t>(8 + payload.size()));
    put16(b, 0);
    return concat(b, payload);
}

Bytes radius(std::uint8_t code, std::uint8_t id, const Bytes& eap, std::size_t eapChunk)
{
    Bytes attributes{1, 7, 'a', 'l', 'i', 'c', 'e'};
    for (std::size_t at = 0; at < eap.size(); at += eapChunk) {
        std::size_t n = std::min(eapChunk, eap.size() - at);
        attributes.push_back(79);
        attributes.push_back(static_cast<std::uint8_t>(n + 2));
        attributes.insert(attributes.end(), eap.begin() + static_cast<std::ptrdiff_t>(at),
                          eap.begin() + static_cast<std::ptrdiff_t>(at + n));
    }
    attributes.insert(attributes.end(), {80, 18});  // Message-Authenticator
    attributes.resize(attributes.size() + 16, 0);
    Bytes b{code, id};
    put16(b, static_cast<std::uint16_t>(20 + attributes.size()));
    b.resize(20, 0x11);  // authenticator
    return concat(b, attributes);
}

std::vector<Fixture> allFixtures()
{
    return {eapolFixture("sll-eapol.pcap", DLT_LINUX_SLL, sll),
            eapolFixture("sll2-eapol.pcap", 276 /* LINKTYPE_LINUX_SLL2 */, sll2),
            eapolFixture("radiotap-qos-eapol.pcap", DLT_IEEE802_11_RADIO, radiotap),
            eapolFixture("prism-eapol.pcap", DLT_PRISM_HEADER, prism),
            eapolFixture("avs-eapol.pcap", DLT_IEEE802_11_RADIO_AVS, avs),
            panaIpv6(),
            radiusFragmentedIpv4(),
            radiusFragmentedIpv6(),
            radiusOtherPortRawIp()};
}

std::string writeFixture(const Fixture& fixture, const std::string& directory)
{
    std::string path = directory + "/" + fixture.name;
    pcap_t* dead = pcap_open_dead(fixture.linkType, 65535);
    pcap_dumper_t* dumper = pcap_dump_open(dead, path.c_str());
    if (!dumper) {
        std::string error = pcap_geterr(dead);
        pcap_close(dead);
        throw std::runtime_error("cannot write " + path + ": " + error);
    }
    std::uint32_t second = 1700000000;
    for (const Bytes& frame : fixture.frames) {
        pcap_pkthdr header{};
        header.ts.tv_sec = second++;
        header.caplen = header.len = static_cast<bpf_u_int32>(frame.size());
        pcap_dump(reinterpret_cast<u_char*>(dumper), &header, frame.data());
    }
    pcap_dump_close(dumper);
    pcap_close(dead);
    return path;
}

}  // namespace eapscope::fixtures
