// One libFuzzer harness for the bundled methods' decoders (gtc, mschapv2, tls): the method
// library is loaded once with dlopen and driven like a host would (RASEAP.md §3), the fuzz input
// supplying the received packets. Input: byte 0 picks the role (bit 0: authenticator), the back
// end's verdict (bit 1: success) and cbSendPacket (bits 2-3: 1400, 300, 64, 16); then chunks of
// [length high, length low, packet bytes]. Each chunk becomes one received packet whose Length
// field is clipped to the bytes really there (the host guarantees that, RASEAP.md §1.2).
// A sent packet longer than cbSendPacket or with a Length that disagrees aborts.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace eapscope::fuzz {

struct MethodUnderFuzz {
    const char* name;            // bundled name: <EAPSCOPE_METHODS_DIR>/<name>.so
    std::uint32_t type;          // its EAP type
    std::string authConnection;  // connection data of the authenticator
    std::string peerConnection;
    std::string peerUser;
};

int fuzzMethod(const MethodUnderFuzz& method, const std::uint8_t* data, std::size_t size);

}  // namespace eapscope::fuzz
