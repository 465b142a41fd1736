#include "eap/eap_anomaly_catalogue.h"

#include "common/translate.h"

#include <array>

namespace eapscope {
namespace {

using enum Severity;

// Keep ids sorted by area: EAP header, EAP type data, TLS reassembly, carriers, capture file,
// conversations.
constexpr std::array kCatalogue{
    // EAP header (RFC 3748 §4)
    AnomalyInfo{"EAP_TOO_SHORT", Error,
                EAPSCOPE_TRANSLATE_NOOP("EapAnomalyCatalogue", "fewer than 4 bytes: no complete EAP header")},
    AnomalyInfo{
        "EAP_LENGTH_INVALID", Error,
        EAPSCOPE_TRANSLATE_NOOP("EapAnomalyCatalogue", "Length field smaller than the header it covers")},
    AnomalyInfo{"EAP_TRUNCATED", Warning,
                EAPSCOPE_TRANSLATE_NOOP("EapAnomalyCatalogue",
                                        "packet shorter than its Length field (bytes not captured)")},
    AnomalyInfo{"EAP_TRAILING_BYTES", Info,
                EAPSCOPE_TRANSLATE_NOOP("EapAnomalyCatalogue",
                                        "bytes after the Length field (padding), not decoded")},
    AnomalyInfo{
        "EAP_UNKNOWN_CODE", Error,
        EAPSCOPE_TRANSLATE_NOOP("EapAnomalyCatalogue",
                                "Code is not Request, Response, Success, Failure, Initiate or Finish")},
    AnomalyInfo{"EAP_NO_TYPE", Error,
                EAPSCOPE_TRANSLATE_NOOP("EapAnomalyCatalogue", "Request or Response without a Type field")},
    AnomalyInfo{"EAP_RESULT_HAS_DATA", Warning,
                EAPSCOPE_TRANSLATE_NOOP("EapAnomalyCatalogue",
                                        "Success or Failure with Length other than 4 (RFC 3748 §4.2)")},
    AnomalyInfo{
        "EAP_UNKNOWN_TYPE", Info,
        EAPSCOPE_TRANSLATE_NOOP("EapAnomalyCatalogue", "Type not known to the decoder: data shown as bytes")},
    AnomalyInfo{"EAP_RESERVED_TYPE", Error,
                EAPSCOPE_TRANSLATE_NOOP("EapAnomalyCatalogue", "Type 0 is reserved (RFC 3748 §5)")},
    // Type data
    AnomalyInfo{"EAP_FIELD_TRUNCATED", Warning,
                EAPSCOPE_TRANSLATE_NOOP("EapAnomalyCatalogue",
                                        "a field extends beyond the packet: decoded up to the end")},
    AnomalyInfo{
        "EAP_NAK_IN_REQUEST", Error,
        EAPSCOPE_TRANSLATE_NOOP("EapAnomalyCatalogue", "Nak is only valid in a Response (RFC 3748 §5.3)")},
    AnomalyInfo{"EAP_NAK_EMPTY", Error,
                EAPSCOPE_TRANSLATE_NOOP("EapAnomalyCatalogue", "Nak without any desired type")},
    AnomalyInfo{"EAP_MD5_VALUE_SIZE", Warning,
                EAPSCOPE_TRANSLATE_NOOP("EapAnomalyCatalogue",
                                        "MD5-Challenge Value-Size is not 16 in a Response (RFC 3748 §5.4)")},
    AnomalyInfo{
        "EAP_VALUE_SIZE_MISMATCH", Error,
        EAPSCOPE_TRANSLATE_NOOP("EapAnomalyCatalogue", "a Value-Size field points beyond the packet")},
    AnomalyInfo{"EAP_TLS_LENGTH_IN_NON_FIRST", Info,
                EAPSCOPE_TRANSLATE_NOOP("EapAnomalyCatalogue",
                                        "TLS Message Length present on a fragment other than the first")},
    AnomalyInfo{
        "EAP_TLS_MORE_WITHOUT_LENGTH", Info,
        EAPSCOPE_TRANSLATE_NOOP("EapAnomalyCatalogue",
                                "first fragment has M without L (RFC 5216 §3.1 says L should be set)")},
    AnomalyInfo{"EAP_TLS_RECORD_TRUNCATED", Info,
                EAPSCOPE_TRANSLATE_NOOP("EapAnomalyCatalogue", "TLS record continues in the next fragment")},
    AnomalyInfo{"EAP_TLS_REASSEMBLY_INCOMPLETE", Warning,
                EAPSCOPE_TRANSLATE_NOOP("EapAnomalyCatalogue",
                                        "TLS message fragments missing: reassembly abandoned")},
    AnomalyInfo{"EAP_TLS_REASSEMBLY_OVERRUN", Error,
                EAPSCOPE_TRANSLATE_NOOP("EapAnomalyCatalogue",
                                        "fragments carry more bytes than the TLS Message Length")},
    AnomalyInfo{
        "EAP_SIM_ATTRIBUTE_LENGTH", Error,
        EAPSCOPE_TRANSLATE_NOOP("EapAnomalyCatalogue",
                                "SIM/AKA attribute Length is 0 or beyond the packet (RFC 4186 §8.1)")},
    AnomalyInfo{"EAP_MSCHAPV2_LENGTH", Warning,
                EAPSCOPE_TRANSLATE_NOOP("EapAnomalyCatalogue", "MS-Length disagrees with the EAP Length")},
    AnomalyInfo{"EAP_EXPANDED_NAK_ENTRY", Error,
                EAPSCOPE_TRANSLATE_NOOP("EapAnomalyCatalogue",
                                        "Expanded Nak entry is not 8 bytes (RFC 3748 §5.3.2)")},
    // Carriers
    AnomalyInfo{"EAPOL_LENGTH_MISMATCH", Warning,
                EAPSCOPE_TRANSLATE_NOOP("EapAnomalyCatalogue", "EAPOL body length disagrees with the frame")},
    AnomalyInfo{"EAPOL_EAP_EMPTY", Error,
                EAPSCOPE_TRANSLATE_NOOP("EapAnomalyCatalogue",
                                        "EAPOL EAP-Packet with a body too short for an EAP header")},
    AnomalyInfo{"RADIUS_MALFORMED", Error,
                EAPSCOPE_TRANSLATE_NOOP(
                    "EapAnomalyCatalogue",
                    "RADIUS attribute list is malformed; EAP-Message attributes after it are lost")},
    AnomalyInfo{
        "RADIUS_EAP_SPLIT", Info,
        EAPSCOPE_TRANSLATE_NOOP("EapAnomalyCatalogue",
                                "EAP packet split over several EAP-Message attributes (RFC 3579 §3.1)")},
    AnomalyInfo{"RADIUS_PORT_HEURISTIC", Info,
                EAPSCOPE_TRANSLATE_NOOP("EapAnomalyCatalogue",
                                        "RADIUS on a port not registered for it: recognised because it "
                                        "parses as RADIUS with EAP-Message")},
    AnomalyInfo{"PANA_MALFORMED", Error,
                EAPSCOPE_TRANSLATE_NOOP("EapAnomalyCatalogue", "PANA AVP list is malformed")},
    AnomalyInfo{
        "IP_FRAGMENTS_INCOMPLETE", Warning,
        EAPSCOPE_TRANSLATE_NOOP("EapAnomalyCatalogue", "IP fragments never completed: the datagram is lost")},
    AnomalyInfo{
        "FRAME_SNAPLEN", Warning,
        EAPSCOPE_TRANSLATE_NOOP("EapAnomalyCatalogue", "frame captured shorter than on the wire (snaplen)")},
    AnomalyInfo{"FRAME_RETRANSMISSION", Info,
                EAPSCOPE_TRANSLATE_NOOP("EapAnomalyCatalogue", "802.11 Retry bit set: retransmitted frame")},
    // Capture file
    AnomalyInfo{
        "CAPTURE_TRUNCATED", Warning,
        EAPSCOPE_TRANSLATE_NOOP("EapAnomalyCatalogue", "capture file cut short in the middle of a packet")},
    AnomalyInfo{"CAPTURE_UNSUPPORTED_LINKTYPE", Info,
                EAPSCOPE_TRANSLATE_NOOP("EapAnomalyCatalogue",
                                        "link type not carrying EAP for EapScope: frames skipped")},
    // Conversations
    AnomalyInfo{"CONV_UNANSWERED", Info,
                EAPSCOPE_TRANSLATE_NOOP("EapAnomalyCatalogue", "Request without a Response in the capture")},
    AnomalyInfo{"CONV_ID_MISMATCH", Warning,
                EAPSCOPE_TRANSLATE_NOOP("EapAnomalyCatalogue",
                                        "Response Identifier does not echo the pending Request")},
    AnomalyInfo{
        "CONV_DUPLICATE", Info,
        EAPSCOPE_TRANSLATE_NOOP("EapAnomalyCatalogue", "packet repeats the previous one (retransmission)")},
    AnomalyInfo{
        "CONV_NO_OUTCOME", Info,
        EAPSCOPE_TRANSLATE_NOOP("EapAnomalyCatalogue", "conversation ends without Success or Failure")},
    AnomalyInfo{"CONV_ROLE_REVERSAL", Info,
                EAPSCOPE_TRANSLATE_NOOP("EapAnomalyCatalogue",
                                        "Request sent by the peer side (e.g. LEAP AP challenge)")},
};

}  // namespace

std::span<const AnomalyInfo> anomalyCatalogue()
{
    return kCatalogue;
}

const AnomalyInfo* anomalyInfo(std::string_view id)
{
    for (const AnomalyInfo& info : kCatalogue) {
        if (info.id == id) {
            return &info;
        }
    }
    return nullptr;
}

}  // namespace eapscope
