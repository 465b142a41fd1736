#include "replay/replay_script.h"

#include "eap/eap_types.h"

#include <algorithm>

namespace eapscope {
namespace {

bool isIdentityRequest(const CapturedPacket& p)
{
    return p.code == eap_code::kRequest && p.type == eap_type::kIdentity;
}

bool sameBytes(const CaptureImport& capture, const CapturedPacket& a, const CapturedPacket& b)
{
    auto x = capture.packetBytes(a), y = capture.packetBytes(b);
    return std::equal(x.begin(), x.end(), y.begin(), y.end());
}

}  // namespace

ReplayScript buildReplayScript(const CaptureImport& capture, std::uint32_t conversation, Side role)
{
    ReplayScript script;
    const CaptureConversation& c = capture.conversations.at(conversation);
    script.identity = c.identity;
    const Direction methodSends = role == Side::Peer ? Direction::ToAuthenticator : Direction::ToPeer;
    const CapturedPacket* lastFromSide[2] = {nullptr, nullptr};
    for (std::uint32_t index : c.packets) {
        const CapturedPacket& p = capture.packets[index];
        const int side = p.direction == Direction::ToPeer ? 0 : 1;
        if (lastFromSide[side] && sameBytes(capture, *lastFromSide[side], p)) {
            continue;  // a retransmission
        }
        lastFromSide[side] = &p;
        if (isIdentityRequest(p) && !script.capturedIdentityRequest) {
            script.capturedIdentityRequest = true;
            script.identityRequestId = p.id;
        }
        if (p.direction == methodSends) {
            script.expected.push_back(index);
        } else {
            auto bytes = capture.packetBytes(p);
            script.counterpart.emplace_back(bytes.begin(), bytes.end());
        }
    }
    // RADIUS shows no Request/Identity (the NAS sent it): a peer still needs one to answer.
    if (role == Side::Peer && !script.capturedIdentityRequest && !script.expected.empty()) {
        const CapturedPacket& first = capture.packets[script.expected.front()];
        if (first.code == eap_code::kResponse && first.type == eap_type::kIdentity) {
            script.identityRequestId = first.id;
            script.counterpart.insert(script.counterpart.begin(),
                                      Bytes{eap_code::kRequest, first.id, 0, 5, eap_type::kIdentity});
        }
    }
    return script;
}

}  // namespace eapscope
