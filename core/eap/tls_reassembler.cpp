#include "eap/tls_reassembler.h"

#include "eap/eap_anomaly_catalogue.h"
#include "eap/eap_field_writer.h"
#include "eap/eap_type_decoders.h"
#include "eap/eap_types.h"

#include <algorithm>

namespace eapscope {
namespace {

constexpr std::uint8_t kFlagLength = 0x80, kFlagMore = 0x40;

EapAnomaly makeAnomaly(std::string_view id, std::string message)
{
    const AnomalyInfo* info = anomalyInfo(id);
    return EapAnomaly{std::string(id), info ? info->severity : Severity::Error, std::move(message), 0, 0};
}

}  // namespace

std::string TlsMessage::records() const
{
    return eap_detail::tlsRecordNames(data());
}

std::optional<TlsMessage> TlsReassembler::feed(std::span<const std::uint8_t> eap,
                                               std::vector<EapAnomaly>& anomalies)
{
    if (eap.size() < 6 || !isTlsFamily(eap[4])) {
        return std::nullopt;
    }
    std::size_t end = std::min<std::size_t>(eap.size(), (eap[2] << 8) | eap[3]);
    const std::uint8_t flags = eap[5];
    std::size_t data = 6;
    if (flags & kFlagLength) {
        if (end < 10) {
            return std::nullopt;
        }
        if (!inProgress_) {
            expected_ = (std::uint32_t{eap[6]} << 24) | (eap[7] << 16) | (eap[8] << 8) | eap[9];
        }
        data = 10;
    }
    if (eap[4] == eap_type::kTeap && (flags & eap_type::kTeapFlagOuterTlv)) {
        // RFC 7170 §4.2.1: Outer TLV Length, and the outer TLVs after the TLS data.
        if (end < data + 4) {
            return std::nullopt;
        }
        const std::uint32_t outer =
            (std::uint32_t{eap[data]} << 24) | (eap[data + 1] << 16) | (eap[data + 2] << 8) | eap[data + 3];
        data += 4;
        end -= std::min<std::size_t>(outer, end - data);
    }
    if (data >= end && !inProgress_) {
        return std::nullopt;  // an acknowledgement (empty fragment) or a Start
    }
    std::size_t length = data < end ? end - data : 0;
    if (!inProgress_ && !(flags & kFlagMore)) {  // the whole message in this fragment: no copy
        if (!(flags & kFlagLength)) {
            expected_.reset();
        }
        fragments_ = 1;
        received_ = static_cast<std::uint32_t>(length);
        checkOverrun(anomalies);
        auto records = eap.subspan(data, std::min(length, kMaxBytes));
        return TlsMessage{fragments_, received_, {}, records};
    }
    if (!inProgress_) {
        inProgress_ = true;
        fragments_ = 0;
        received_ = 0;
        buffer_.clear();
        if (!(flags & kFlagLength)) {
            expected_.reset();
        } else {
            // One allocation for a usual flight; a Length that no data follows does not grow memory.
            buffer_.reserve(std::min<std::size_t>(*expected_, 64 * 1024));
        }
    }
    ++fragments_;
    received_ += static_cast<std::uint32_t>(length);
    std::size_t room = kMaxBytes - std::min(kMaxBytes, buffer_.size());
    buffer_.insert(buffer_.end(), eap.begin() + static_cast<std::ptrdiff_t>(data),
                   eap.begin() + static_cast<std::ptrdiff_t>(data + std::min(length, room)));
    checkOverrun(anomalies);
    if (flags & kFlagMore) {
        return std::nullopt;
    }
    return complete();
}

void TlsReassembler::checkOverrun(std::vector<EapAnomaly>& anomalies) const
{
    if (expected_ && received_ > *expected_) {
        anomalies.push_back(makeAnomaly(
            "EAP_TLS_REASSEMBLY_OVERRUN",
            std::to_string(received_) + " bytes for a TLS Message Length of " + std::to_string(*expected_)));
    }
}

TlsMessage TlsReassembler::complete()
{
    TlsMessage message{fragments_, received_, std::move(buffer_), {}};
    inProgress_ = false;
    buffer_ = {};
    return message;
}

void TlsReassembler::finish(std::vector<EapAnomaly>& anomalies)
{
    if (inProgress_) {
        anomalies.push_back(makeAnomaly("EAP_TLS_REASSEMBLY_INCOMPLETE",
                                        std::to_string(fragments_) + " fragments, " +
                                            std::to_string(received_) + " bytes, last fragment missing"));
        inProgress_ = false;
        buffer_.clear();
    }
}

}  // namespace eapscope
