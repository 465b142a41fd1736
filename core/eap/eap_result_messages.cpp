#include "eap/eap_result_messages.h"

#include <cctype>
#include <charconv>

namespace eapscope {
namespace {

std::optional<std::uint32_t> number(std::string_view text)
{
    std::uint32_t value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end == text.data())
        return std::nullopt;
    return value;
}

}  // namespace

// RFC 2759 §6: "E=eeeeeeeeee R=r C=cccccccccccccccccccccccccccccccc V=vvvvvvvvvv M=<msg>"; M= runs
// to the end and may contain spaces. Fields are separated by single spaces; order is fixed but
// servers omit some, so each is looked up by its key.
std::optional<MschapV2Failure> parseMschapV2Failure(std::string_view text)
{
    MschapV2Failure out;
    bool sawError = false;
    std::size_t at = 0;
    while (at < text.size()) {
        while (at < text.size() && text[at] == ' ')
            ++at;
        if (at + 2 > text.size() || text[at + 1] != '=')
            break;
        char key = static_cast<char>(std::toupper(static_cast<unsigned char>(text[at])));
        if (key == 'M') {
            out.message = std::string(text.substr(at + 2));
            break;
        }
        std::size_t end = text.find(' ', at);
        std::string_view value =
            text.substr(at + 2, (end == std::string_view::npos ? text.size() : end) - at - 2);
        if (key == 'E') {
            out.error = number(value);
            sawError = out.error.has_value();
        } else if (key == 'R') {
            out.retry = value == "1";
        } else if (key == 'C') {
            out.challenge = std::string(value);
        } else if (key == 'V') {
            out.version = number(value);
        }
        if (end == std::string_view::npos)
            break;
        at = end + 1;
    }
    if (!sawError)
        return std::nullopt;
    return out;
}

std::string mschapV2ErrorName(std::uint32_t error)
{
    // RFC 2759 §6 and the Windows RAS error codes it refers to.
    const char* name = nullptr;
    switch (error) {
        case 646:
            name = "ERROR_RESTRICTED_LOGON_HOURS";
            break;
        case 647:
            name = "ERROR_ACCT_DISABLED";
            break;
        case 648:
            name = "ERROR_PASSWD_EXPIRED";
            break;
        case 649:
            name = "ERROR_NO_DIALIN_PERMISSION";
            break;
        case 691:
            name = "ERROR_AUTHENTICATION_FAILURE";
            break;
        case 709:
            name = "ERROR_CHANGING_PASSWORD";
            break;
        default:
            return "error " + std::to_string(error);
    }
    return std::string(name) + " (" + std::to_string(error) + ")";
}

std::string simAkaNotificationText(std::uint16_t code)
{
    // RFC 4186 §10.18 / RFC 4187 §10.19: S bit (0x8000) = success, P bit (0x4000) = before the
    // challenge round (phase bit set) or after it.
    switch (code) {
        case 0:
            return "General failure after authentication (0)";
        case 1026:
            return "User has been temporarily denied access (1026)";
        case 1031:
            return "User has not subscribed to the requested service (1031)";
        case 16384:
            return "General failure (16384)";
        case 32768:
            return "Success (32768)";
        default:
            break;
    }
    std::string text = "notification code " + std::to_string(code);
    text += (code & 0x8000u) ? " (success" : " (failure";
    text += (code & 0x4000u) ? ", before authentication)" : ", after authentication)";
    return text;
}

}  // namespace eapscope
