#include "capture/capture_types.h"

#include "eap/eap_types.h"

namespace eapscope {

std::string_view toString(Carrier carrier)
{
    switch (carrier) {
        case Carrier::Eapol:
            return "eapol";
        case Carrier::Radius:
            return "radius";
        case Carrier::Ppp:
            return "ppp";
        case Carrier::Pana:
            return "pana";
    }
    return "unknown";
}

std::string_view toString(Direction direction)
{
    switch (direction) {
        case Direction::ToPeer:
            return "to_peer";
        case Direction::ToAuthenticator:
            return "to_authenticator";
        case Direction::Unknown:
            return "unknown";
    }
    return "unknown";
}

bool sentByPeer(const CapturedPacket& packet)
{
    if (packet.direction != Direction::Unknown)
        return packet.direction == Direction::ToAuthenticator;
    return packet.code == eap_code::kResponse;
}

std::string_view toString(CapturedControl::Kind kind)
{
    switch (kind) {
        case CapturedControl::Kind::EapolStart:
            return "EAPOL-Start";
        case CapturedControl::Kind::EapolLogoff:
            return "EAPOL-Logoff";
        case CapturedControl::Kind::EapolKey:
            return "EAPOL-Key";
    }
    return "EAPOL";
}

std::string CaptureConversation::label() const
{
    std::string text =
        link + " " + (authenticator.empty() ? "?" : authenticator) + " ↔ " + (peer.empty() ? "?" : peer);
    if (session) {
        text += " session " + std::to_string(session);
    }
    return text;
}

}  // namespace eapscope
