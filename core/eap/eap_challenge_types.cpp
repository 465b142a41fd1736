// Challenge/response types: EAP-MSCHAPv2 (draft-kamath-pppext-eap-mschapv2-02 §2), Cisco LEAP
// (as documented by asleap and Wireshark's packet-eap.c), EAP-PWD (RFC 5931 §3), EAP-PSK
// (RFC 4764 §3).
#include "eap/eap_result_messages.h"
#include "eap/eap_type_decoders.h"
#include "eap/eap_types.h"

#include <algorithm>

namespace eapscope::eap_detail {
namespace {

std::string mschapOpName(std::uint8_t op)
{
    switch (op) {
        case 1:
            return "Challenge";
        case 2:
            return "Response";
        case 3:
            return "Success";
        case 4:
            return "Failure";
        case 7:
            return "Change-Password";
        default:
            return "OpCode-" + std::to_string(op);
    }
}

void decodeMschapValue(const TypeInput& in, std::uint8_t op, std::uint32_t at)
{
    EapFieldWriter& w = in.writer;
    auto size = w.uint("eap.ms_chap_v2.value_size", "Value-Size", at, 1, in.parent);
    if (!size) {
        return;
    }
    int value = w.bytes(op == 1 ? "eap.ms_chap_v2.challenge" : "eap.ms_chap_v2.response",
                        op == 1 ? "Challenge" : "Response", at + 1, *size, in.parent);
    if (op == 2 && *size == 49 && w.has(at + 1, 49)) {  // Peer-Challenge, Reserved, NT-Response, Flags
        w.bytes("eap.ms_chap_v2.peer_challenge", "Peer-Challenge", at + 1, 16, value);
        w.bytes("eap.ms_chap_v2.reserved", "Reserved", at + 17, 8, value);
        w.bytes("eap.ms_chap_v2.nt_response", "NT-Response", at + 25, 24, value);
        w.uint("eap.ms_chap_v2.flags", "Flags", at + 49, 1, value);
    }
    std::uint32_t name = at + 1 + *size;
    if (name < w.size()) {
        w.text("eap.ms_chap_v2.name", "Name", name, w.size() - name, in.parent);
    }
}

// The fields of a Failure message (RFC 2759 §6), each over its own "K=value" bytes.
std::string decodeMschapFailure(const TypeInput& in, std::uint32_t at, int message)
{
    EapFieldWriter& w = in.writer;
    auto bytes = w.packet().subspan(at);
    std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    auto failure = parseMschapV2Failure(text);
    if (!failure) {
        return {};
    }
    auto add = [&](char key, std::string_view name, std::string_view label, std::string value) {
        const char token[] = {key, '='};
        std::size_t start = text.find(std::string_view(token, 2));
        while (start != std::string_view::npos && start > 0 && text[start - 1] != ' ') {
            start = text.find(std::string_view(token, 2), start + 1);
        }
        if (start == std::string_view::npos) {
            return;
        }
        std::size_t end = key == 'M' ? text.size() : std::min(text.find(' ', start), text.size());
        w.add(std::string("eap.ms_chap_v2.failure.") + std::string(name), label, std::move(value),
              at + static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end - start), message);
    };
    add('E', "error", "Error", mschapV2ErrorName(*failure->error));
    if (failure->retry) {
        add('R', "retry", "Retry allowed", *failure->retry ? "1" : "0");
    }
    if (!failure->challenge.empty()) {
        add('C', "challenge", "Challenge", failure->challenge);
    }
    if (failure->version) {
        add('V', "version", "Password change protocol version", std::to_string(*failure->version));
    }
    if (!failure->message.empty()) {
        add('M', "message", "Message",
            printable(
                {reinterpret_cast<const std::uint8_t*>(failure->message.data()), failure->message.size()}));
    }
    return " E=" + std::to_string(*failure->error);
}

}  // namespace

std::string decodeMschapv2(const TypeInput& in)
{
    EapFieldWriter& w = in.writer;
    auto op = w.uint("eap.ms_chap_v2.opcode", "OpCode", in.offset, 1, in.parent);
    if (!op) {
        return {};
    }
    // Success/Failure Responses (and the peer's acknowledgements) are the OpCode alone.
    if (w.size() == in.offset + 1) {
        return mschapOpName(static_cast<std::uint8_t>(*op));
    }
    w.uint("eap.ms_chap_v2.id", "MS-CHAPv2-ID", in.offset + 1, 1, in.parent);
    auto msLength = w.uint("eap.ms_chap_v2.length", "MS-Length", in.offset + 2, 2, in.parent);
    if (msLength && *msLength != w.size() - 5) {
        w.anomaly("EAP_MSCHAPV2_LENGTH", in.offset + 2, 2,
                  "MS-Length " + std::to_string(*msLength) + ", EAP data " + std::to_string(w.size() - 5));
    }
    std::uint32_t at = in.offset + 4;
    if (*op == 1 || *op == 2) {
        decodeMschapValue(in, static_cast<std::uint8_t>(*op), at);
    } else if (at < w.size()) {
        int message = w.text("eap.ms_chap_v2.message", "Message", at, w.size() - at, in.parent);
        if (*op == 4 && in.code == 1) {
            return mschapOpName(4) + decodeMschapFailure(in, at, message);
        }
    }
    return mschapOpName(static_cast<std::uint8_t>(*op));
}

// LEAP: Version(1) Unused(1) Count(1) Challenge/Response(Count) Name.
std::string decodeLeap(const TypeInput& in)
{
    EapFieldWriter& w = in.writer;
    w.uint("eap.leap.version", "Version", in.offset, 1, in.parent);
    w.uint("eap.leap.reserved", "Unused", in.offset + 1, 1, in.parent);
    auto count = w.uint("eap.leap.count", "Count", in.offset + 2, 1, in.parent);
    if (!count) {
        return {};
    }
    bool isChallenge = *count == 8;
    w.bytes(isChallenge ? "eap.leap.peer_challenge" : "eap.leap.peer_response",
            isChallenge ? "Challenge" : "Response", in.offset + 3, *count, in.parent);
    std::uint32_t name = in.offset + 3 + *count;
    if (name < w.size()) {
        w.text("eap.leap.name", "Name", name, w.size() - name, in.parent);
    }
    return isChallenge ? "challenge" : "response";
}

// RFC 5931 §3.1: PWD-Exch octet (L, M, Exch), Total-Length when L is set, then payload.
std::string decodePwd(const TypeInput& in)
{
    EapFieldWriter& w = in.writer;
    auto flags = w.uint("eap.pwd.flags", "PWD-Exch", in.offset, 1, in.parent);
    if (!flags) {
        return {};
    }
    std::uint32_t at = in.offset + 1;
    if (*flags & 0x80) {
        w.uint("eap.pwd.total_length", "Total-Length", at, 2, in.parent);
        at += 2;
    }
    std::uint32_t exch = *flags & 0x3f;
    static const char* const kNames[] = {"Reserved", "ID", "Commit", "Confirm"};
    std::string name = exch < 4 ? kNames[exch] : "Exch-" + std::to_string(exch);
    if (exch == 1 && !(*flags & 0x80)) {  // ID exchange: Group, Random, PRF, Token, Prep, Identity
        w.uint("eap.pwd.group", "Group Description", at, 2, in.parent);
        w.uint("eap.pwd.random_function", "Random Function", at + 2, 1, in.parent);
        w.uint("eap.pwd.prf", "PRF", at + 3, 1, in.parent);
        w.bytes("eap.pwd.token", "Token", at + 4, 4, in.parent);
        w.uint("eap.pwd.prep", "Password Prep", at + 8, 1, in.parent);
        at += 9;
        if (at < w.size()) {
            w.text("eap.pwd.identity", "Identity", at, w.size() - at, in.parent);
        }
    } else if (at < w.size()) {
        w.bytes("eap.pwd.payload", "Payload", at, w.size() - at, in.parent);
    }
    return name;
}

// RFC 4764 §3: Flags (T in the two high bits) then message-specific fields, shown as bytes.
std::string decodePsk(const TypeInput& in)
{
    EapFieldWriter& w = in.writer;
    auto flags = w.uint("eap.psk.flags", "Flags", in.offset, 1, in.parent);
    if (!flags) {
        return {};
    }
    if (in.offset + 1 < w.size()) {
        w.bytes("eap.psk.data", "Data", in.offset + 1, w.size() - in.offset - 1, in.parent);
    }
    return "message " + std::to_string((*flags >> 6) + 1);
}

}  // namespace eapscope::eap_detail
