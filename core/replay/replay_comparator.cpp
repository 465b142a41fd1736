#include "replay/replay_comparator.h"

#include "common/translate.h"
#include "eap/eap_decoder.h"
#include "eap/eap_types.h"

#include <algorithm>

namespace eapscope {
namespace {

using Range = std::pair<std::uint32_t, std::uint32_t>;  // [begin, end)
using Bytes = std::span<const std::uint8_t>;

std::uint32_t end(Bytes p)
{
    return p.size() >= 4 ? std::min<std::uint32_t>(static_cast<std::uint32_t>(p.size()), (p[2] << 8) | p[3])
                         : static_cast<std::uint32_t>(p.size());
}

void simAkaValues(Bytes p, std::vector<Range>& ignored)
{
    for (std::uint32_t at = 8; at + 2 <= end(p);) {
        std::uint32_t length = p[at + 1] * 4u;
        if (length < 2)
            break;
        ignored.emplace_back(at + 2, at + length);
        at += length;
    }
}

void mschapv2(Bytes p, std::vector<Range>& ignored)
{
    if (end(p) < 6)
        return;
    std::uint8_t op = p[5];
    if (op == 1)
        ignored.emplace_back(10, 26);  // authenticator challenge
    if (op == 2)
        ignored.emplace_back(10, 58);  // peer challenge + NT-Response
    if (op == 3 && p[0] == eap_code::kRequest)
        ignored.emplace_back(9, end(p));  // S=… M=…
}

// Byte ranges of `p` (a captured packet) whose values are random by design.
std::vector<Range> randomFields(Bytes p)
{
    std::vector<Range> ignored;
    if (end(p) < 5 || (p[0] != eap_code::kRequest && p[0] != eap_code::kResponse)) {
        return ignored;
    }
    const bool request = p[0] == eap_code::kRequest;
    if (isTlsFamily(p[4])) {
        ignored.emplace_back(2, 4);
        ignored.emplace_back(6, std::max<std::uint32_t>(6, static_cast<std::uint32_t>(p.size())));
        return ignored;
    }
    switch (p[4]) {
        case eap_type::kMd5:
            // RFC 3748 §5.4 / RFC 1994 §4.1: the Name names the sending system and is optional, so
            // implementations differ in it (and in the Length that covers it).
            if (end(p) >= 6) {
                ignored.emplace_back(2, 4);
                ignored.emplace_back(6 + p[5],
                                     std::max<std::uint32_t>(6 + p[5], static_cast<std::uint32_t>(p.size())));
                if (request)
                    ignored.emplace_back(6, 6 + p[5]);
            }
            break;
        case eap_type::kMschapv2:
            mschapv2(p, ignored);
            break;
        case eap_type::kLeap:
            if (request && end(p) >= 8)
                ignored.emplace_back(8, 8 + p[7]);
            break;
        case eap_type::kSim:
        case eap_type::kAka:
        case eap_type::kAkaPrime:
            simAkaValues(p, ignored);
            break;
        case eap_type::kPwd:
        case eap_type::kPsk:
            ignored.emplace_back(6, end(p));
            break;
        case eap_type::kExpanded:
            ignored.emplace_back(12, end(p));
            break;
        default:
            break;
    }
    return ignored;
}

bool isIgnored(const std::vector<Range>& ignored, std::uint32_t offset)
{
    return std::any_of(ignored.begin(), ignored.end(),
                       [&](const Range& r) { return offset >= r.first && offset < r.second; });
}

std::string fieldAt(const DecodedEap& decoded, std::uint32_t offset)
{
    std::string key = "eap";
    std::uint32_t best = UINT32_MAX;
    for (const EapField& f : decoded.fields) {
        if (offset >= f.offset && offset < f.offset + f.length && f.length <= best) {
            best = f.length;
            key = f.key;
        }
    }
    return key;
}

}  // namespace

std::vector<ReplayDifference> compareReplayPacket(Bytes sent, Bytes captured)
{
    const std::vector<Range> ignored = randomFields(captured);
    const auto limit = static_cast<std::uint32_t>(std::max(sent.size(), captured.size()));
    if (sent.empty()) {
        return {{0, static_cast<std::uint32_t>(captured.size()), "eap (not sent)"}};
    }
    DecodedEap decoded = decodeEap(captured);
    std::vector<ReplayDifference> differences;
    for (std::uint32_t i = 0; i < limit; ++i) {
        bool differs = i >= sent.size() || i >= captured.size() || sent[i] != captured[i];
        if (!differs || isIgnored(ignored, i)) {
            continue;
        }
        std::string field = i < captured.size()
                                ? fieldAt(decoded, i)
                                : EAPSCOPE_TRANSLATE_NOOP("EngineText", "eap (beyond the captured packet)");
        if (!differences.empty() && differences.back().offset + differences.back().length == i &&
            differences.back().field == field) {
            ++differences.back().length;
        } else {
            differences.push_back({i, 1, std::move(field)});
        }
    }
    return differences;
}

std::string comparisonRule(std::uint8_t code, int type)
{
    if (code != eap_code::kRequest && code != eap_code::kResponse)
        return EAPSCOPE_TRANSLATE_NOOP("EngineText", "every byte");
    if (type >= 0 && type <= 0xFF && isTlsFamily(static_cast<std::uint8_t>(type)))
        return EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                       "Code, Identifier, Type, Flags (TLS records are random)");
    switch (type) {
        case eap_type::kMd5:
            return code == eap_code::kRequest
                       ? EAPSCOPE_TRANSLATE_NOOP(
                             "EngineText",
                             "Code, Identifier, Type, Value-Size (the challenge is random; Name optional)")
                       : EAPSCOPE_TRANSLATE_NOOP(
                             "EngineText", "Code, Identifier, Type, Value-Size, Value (Name is optional)");
        case eap_type::kMschapv2:
            return EAPSCOPE_TRANSLATE_NOOP(
                "EngineText", "OpCode, ids, lengths, Name; challenges, NT-Response and S= are random");
        case eap_type::kLeap:
            return code == eap_code::kRequest ? EAPSCOPE_TRANSLATE_NOOP("EngineText", "all but the challenge")
                                              : EAPSCOPE_TRANSLATE_NOOP("EngineText", "every byte");
        case eap_type::kSim:
        case eap_type::kAka:
        case eap_type::kAkaPrime:
            return EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                           "Subtype and attribute types/lengths (values are random)");
        case eap_type::kPwd:
        case eap_type::kPsk:
            return EAPSCOPE_TRANSLATE_NOOP("EngineText", "header and first octet (payloads are random)");
        case eap_type::kExpanded:
            return EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                           "header, Vendor-Id, Vendor-Type (vendor data carry nonces)");
        default:
            return EAPSCOPE_TRANSLATE_NOOP("EngineText", "every byte");
    }
}

}  // namespace eapscope
