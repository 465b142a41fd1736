#include "fixture_writer.h"

#include <pcap/pcap.h>

#include <fstream>
#include <stdexcept>

namespace eapscope::fixtures {
namespace {

const Bytes kStation{0x02, 0x00, 0x00, 0x00, 0x00, 0x01};
const Bytes kStation2{0x02, 0x00, 0x00, 0x00, 0x00, 0x03};
const Bytes kPaeGroup{0x01, 0x80, 0xc2, 0x00, 0x00, 0x03};  // IEEE 802.1X-2010 §11.1.1
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

// `tcpdump -i any` on a VLAN sub-interface: libpcap leaves the 802.1Q tag after the cooked
// header in the frames it saw on the parent (protocol 0x8100, TCI, then 0x888e) and not in others.
Bytes sllTagged(const Bytes& eap, bool fromStation, bool v2)
{
    Bytes frame = v2 ? sll2(eap, fromStation) : sll(eap, fromStation);
    if (!fromStation) {
        return frame;  // untagged
    }
    std::size_t protocol = v2 ? 0 : 14, header = v2 ? 20 : 16;
    frame[protocol] = 0x81;
    frame[protocol + 1] = 0x00;
    Bytes tag{0x00, 0x64, 0x88, 0x8e};  // VLAN 100, then EAPOL
    frame.insert(frame.begin() + static_cast<std::ptrdiff_t>(header), tag.begin(), tag.end());
    return frame;
}

Fixture sllVlanMixed(bool v2)
{
    Fixture f{v2 ? "sll2-vlan-mixed.pcap" : "sll-vlan-mixed.pcap", v2 ? 276 : DLT_LINUX_SLL, {}, {}};
    for (const Bytes& eap : md5Conversation()) {
        f.frames.push_back(sllTagged(eap, eap[0] == 2, v2));
        f.expected.push_back(expect(static_cast<std::uint32_t>(f.frames.size()), eap));
    }
    return f;
}

Bytes eapolControl(std::uint8_t type, const Bytes& body = {})
{
    Bytes b{2, type};
    put16(b, static_cast<std::uint16_t>(body.size()));
    return concat(b, body);
}

void addEap(Fixture& f, const Bytes& destination, const Bytes& source, const Bytes& eap)
{
    f.frames.push_back(ethernet(destination, source, 0x888e, eapol(eap)));
    f.expected.push_back(expect(static_cast<std::uint32_t>(f.frames.size()), eap));
}

// Wired 802.1X as hostapd and wpa_supplicant do it: Start to the group address, EAP-MD5,
// EAPOL-Key (MACsec/dynamic WEP keys) both ways after Success, Logoff at the end.
Fixture eapolControls()
{
    Fixture f{"eapol-start-key-logoff.pcap", DLT_EN10MB, {}, {}};
    f.controls = 4;
    f.frames.push_back(ethernet(kPaeGroup, kStation, 0x888e, eapolControl(1)));
    for (const Bytes& eap : md5Conversation())
        addEap(f, eap[0] == 2 ? kPaeGroup : kStation, eap[0] == 2 ? kStation : kAuthenticator, eap);
    Bytes key(95, 0);
    key[0] = 1;  // RC4 key descriptor (IEEE 802.1X-2004 §7.6)
    f.frames.push_back(ethernet(kStation, kAuthenticator, 0x888e, eapolControl(3, key)));
    f.frames.push_back(ethernet(kAuthenticator, kStation, 0x888e, eapolControl(3, key)));
    f.frames.push_back(ethernet(kPaeGroup, kStation, 0x888e, eapolControl(2)));
    return f;
}

std::vector<Bytes> md5Ids(std::uint8_t first, bool success)
{
    std::vector<Bytes> conversation = md5Conversation();
    for (std::size_t i = 0; i < conversation.size(); ++i)
        conversation[i][1] = static_cast<std::uint8_t>(first + i / 2 - (i == 4 ? 1 : 0));
    conversation.back()[0] = success ? 3 : 4;
    return conversation;
}

// The authenticator re-authenticates the station (reAuthPeriod): a second Identity exchange
// after the first Success is a second conversation.
Fixture eapolReauthentication()
{
    Fixture f{"eapol-reauthentication.pcap", DLT_EN10MB, {}, {}};
    f.conversations = 2;
    for (std::uint8_t first : {std::uint8_t(1), std::uint8_t(7)}) {
        for (const Bytes& eap : md5Ids(first, true))
            addEap(f, eap[0] == 2 ? kAuthenticator : kStation, eap[0] == 2 ? kStation : kAuthenticator, eap);
    }
    return f;
}

// Two supplicants behind one port (a hub or a phone with a PC behind it): the authenticator
// sends to the PAE group address (use_pae_group_addr), so only EAP Identifiers tell its frames
// apart. Each station answers its Identity Request; then the two exchanges interleave.
Fixture eapolTwoSupplicants()
{
    Fixture f{"eapol-two-supplicants.pcap", DLT_EN10MB, {}, {}};
    f.conversations = 2;
    std::vector<Bytes> a = md5Ids(1, true), b = md5Ids(40, false);
    b[1] = Bytes{2, 40, 0, 8, 1, 'b', 'o', 'b'};
    auto send = [&](const Bytes& eap, const Bytes& station) {
        addEap(f, kPaeGroup, eap[0] == 2 ? station : kAuthenticator, eap);
    };
    send(a[0], kStation);
    send(a[1], kStation);
    send(b[0], kStation2);
    send(b[1], kStation2);
    for (std::size_t i = 2; i < a.size(); ++i) {
        send(a[i], kStation);
        send(b[i], kStation2);
    }
    return f;
}

// pcapng with two interfaces (`dumpcap -i eth0 -i any`): EAPOL on the Ethernet one, the same
// authentication's RADIUS on the cooked one.
Fixture pcapngTwoInterfaces()
{
    Fixture f{"two-interfaces.pcapng", DLT_EN10MB, {}, {}};
    f.conversations = 2;
    f.interfaceLinkTypes = {DLT_EN10MB, DLT_LINUX_SLL};
    std::uint8_t radiusId = 0;
    for (const Bytes& eap : md5Conversation()) {
        bool fromStation = eap[0] == 2;
        addEap(f, fromStation ? kAuthenticator : kStation, fromStation ? kStation : kAuthenticator, eap);
        f.frameInterfaces.push_back(0);
        if (eap[0] == 1 && eap[4] == 1)
            continue;
        std::uint8_t code = fromStation ? 1 : (eap[0] == 3 ? 2 : 11);
        Bytes datagram =
            udp(fromStation ? 40000 : 1812, fromStation ? 1812 : 40000, radius(code, radiusId++, eap));
        Bytes cooked;
        put16(cooked, fromStation ? 4 : 0);
        put16(cooked, 1);
        put16(cooked, 6);
        cooked = concat(cooked, kAuthenticator);
        cooked.insert(cooked.end(), {0, 0});
        put16(cooked, 0x0800);
        f.frames.push_back(
            concat(cooked, fromStation ? ipv4(kNas, kServer, datagram) : ipv4(kServer, kNas, datagram)));
        f.expected.push_back(expect(static_cast<std::uint32_t>(f.frames.size()), eap));
        f.frameInterfaces.push_back(1);
    }
    return f;
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
            radiusOtherPortRawIp(),
            sllVlanMixed(false),
            sllVlanMixed(true),
            eapolControls(),
            eapolReauthentication(),
            eapolTwoSupplicants(),
            pcapngTwoInterfaces()};
}

namespace {

// pcapng (draft-ietf-opsawg-pcapng): Section Header, one Interface Description per interface,
// then one Enhanced Packet Block per frame, little-endian.
void block(std::ofstream& out, std::uint32_t type, const Bytes& body)
{
    auto le32 = [&](std::uint32_t v) {
        char b[4] = {static_cast<char>(v), static_cast<char>(v >> 8), static_cast<char>(v >> 16),
                     static_cast<char>(v >> 24)};
        out.write(b, 4);
    };
    std::uint32_t padded = static_cast<std::uint32_t>((body.size() + 3) & ~std::size_t{3});
    le32(type);
    le32(12 + padded);
    out.write(reinterpret_cast<const char*>(body.data()), static_cast<std::streamsize>(body.size()));
    out.write("\0\0\0", static_cast<std::streamsize>(padded - body.size()));
    le32(12 + padded);
}

Bytes le(std::uint64_t value, int bytes)
{
    Bytes b;
    for (int i = 0; i < bytes; ++i)
        b.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
    return b;
}

std::string writePcapng(const Fixture& fixture, const std::string& path)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out)
        throw std::runtime_error("cannot write " + path);
    block(out, 0x0A0D0D0A, concat(concat(le(0x1A2B3C4D, 4), le(1, 2)), concat(le(0, 2), le(~0ull, 8))));
    for (int linkType : fixture.interfaceLinkTypes)
        block(out, 1, concat(concat(le(static_cast<std::uint64_t>(linkType), 2), le(0, 2)), le(65535, 4)));
    std::uint64_t micros = 1700000000ull * 1000000;
    for (std::size_t i = 0; i < fixture.frames.size(); ++i, micros += 1000000) {
        const Bytes& frame = fixture.frames[i];
        Bytes body = concat(le(fixture.frameInterfaces.at(i), 4),
                            concat(le(micros >> 32, 4), le(micros & 0xFFFFFFFF, 4)));
        body = concat(body, concat(le(frame.size(), 4), le(frame.size(), 4)));
        block(out, 6, concat(body, frame));
    }
    return path;
}

}  // namespace

std::string writeFixture(const Fixture& fixture, const std::string& directory)
{
    std::string path = directory + "/" + fixture.name;
    if (!fixture.interfaceLinkTypes.empty())
        return writePcapng(fixture, path);
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
