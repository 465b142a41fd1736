// Writes the seed corpus of radius_codec_fuzz (tests/fuzz/corpus/radius): signed requests and
// responses as EapScope and FreeRADIUS exchange them, with split EAP-Message, State,
// Reply-Message, Error-Cause and MS-MPPE keys. Usage: radius_corpus_seed DIR
#include "radius/radius_authenticator.h"
#include "radius/radius_mppe.h"
#include "radius/radius_packet.h"

#include <filesystem>
#include <fstream>
#include <iostream>

using namespace eapscope::radius;

namespace {

void write(const std::filesystem::path& dir, const std::string& name, const Bytes& bytes)
{
    std::ofstream(dir / name, std::ios::binary)
        .write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

Bytes eap(std::uint8_t code, std::size_t size)
{
    Bytes out(size, 0x41);
    out[0] = code;
    out[1] = 1;
    out[2] = static_cast<std::uint8_t>(size >> 8);
    out[3] = static_cast<std::uint8_t>(size);
    if (size > 4) {
        out[4] = 13;
    }
    return out;
}

}  // namespace

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::cerr << "usage: radius_corpus_seed DIR\n";
        return 2;
    }
    const std::filesystem::path dir(argv[1]);
    std::filesystem::create_directories(dir);
    Authenticator requestAuth{};
    requestAuth.fill(0x5A);
    RadiusPacket request;
    request.code = AccessRequest;
    request.identifier = 1;
    request.authenticator = requestAuth;
    request.addText(UserName, "alice");
    request.addInteger(NasPort, 0);
    request.addInteger(NasPortType, kNasPortTypeWireless80211);
    request.addText(CallingStationId, "02-00-00-00-00-01");
    request.setEapMessage(eap(2, 10));
    write(dir, "access-request", *signRequest(request, "testing123"));
    request.add(State, Bytes(16, 0x33));
    request.setEapMessage(eap(2, 600));
    write(dir, "access-request-split-eap", *signRequest(request, "testing123"));

    RadiusPacket challenge;
    challenge.code = AccessChallenge;
    challenge.identifier = 1;
    challenge.setEapMessage(eap(1, 1024));
    challenge.add(State, Bytes(16, 0x44));
    challenge.addText(ReplyMessage, "Hello");
    write(dir, "access-challenge", *signResponse(challenge, requestAuth, "testing123"));

    RadiusPacket accept;
    accept.code = AccessAccept;
    accept.identifier = 2;
    accept.setEapMessage(eap(3, 4));
    accept.addVendorAttribute(kVendorMicrosoft, kMsMppeRecvKey,
                              *encryptMppeKey(Bytes(32, 1), "testing123", requestAuth, 0x0101));
    accept.addVendorAttribute(kVendorMicrosoft, kMsMppeSendKey,
                              *encryptMppeKey(Bytes(32, 2), "testing123", requestAuth, 0x0202));
    write(dir, "access-accept-mppe", *signResponse(accept, requestAuth, "testing123"));

    RadiusPacket reject;
    reject.code = AccessReject;
    reject.identifier = 3;
    reject.setEapMessage(eap(4, 4));
    reject.addInteger(ErrorCause, 202);
    write(dir, "access-reject", *signResponse(reject, requestAuth, "testing123"));
    write(dir, "truncated", Bytes{1, 2, 0, 40, 0, 0, 0});
    return 0;
}
