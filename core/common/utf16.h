// UTF-8 <-> UTF-16, the one conversion EapScope uses for PPP_EAP_INPUT strings (RASEAP.md §1.0:
// WCHAR is a UTF-16 code unit on every platform), the redactor's secret sizes and the Windows
// host's file names. Invalid or truncated sequences become U+FFFD.
#pragma once

#include <string>
#include <string_view>

namespace eapscope {

std::u16string utf8ToUtf16(std::string_view text);
std::string utf16ToUtf8(std::u16string_view text);

}  // namespace eapscope
