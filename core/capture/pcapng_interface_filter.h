// libpcap 1.10 refuses a pcapng file whose interfaces have different link types ("an interface
// has a type 127 different from the type of the first interface") and pcap_datalink() is per
// handle, not per packet. To read such files with libpcap anyway, this filter presents libpcap
// with one interface at a time: a FILE* stream holding the Section Header Block, that
// interface's Interface Description Block and its packet blocks, and nothing else. It looks only
// at block framing (type, total length, interface id — pcapng §3, §4.1–4.3, §4.6); libpcap still
// parses every block it is given. The global frame number of each packet passed through is
// queued so frames keep the numbers Wireshark shows.
#pragma once

#include <cstdint>
#include <cstdio>
#include <deque>
#include <memory>
#include <string>

namespace eapscope {

struct PcapngFilterState {
    std::uint32_t wantedInterface = 0;
    std::uint32_t interfacesSeen = 0;        // IDBs in the file (known once the stream is drained)
    std::uint32_t packetsSeen = 0;           // packet blocks of every interface
    std::deque<std::uint32_t> frameNumbers;  // global numbers of packets passed to libpcap
    std::uint64_t consumed = 0;              // bytes read from the underlying file
};

/// Opens `path` (gzip or plain) filtered to one interface. The returned FILE* owns the source;
/// `state` must outlive it.
FILE* openPcapngInterface(const std::string& path, PcapngFilterState& state);

}  // namespace eapscope
