// core/common/utf16: the one UTF-8/UTF-16 conversion (engine identities, redactor, Windows host).
#include "common/utf16.h"

#include <gtest/gtest.h>

namespace eapscope {
namespace {

TEST(Utf16, AsciiBmpAndSupplementaryRoundTrip)
{
    const std::string text = "alice \xC3\xA9t\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x94\x91";  // é, €, U+1F511
    const std::u16string wide = utf8ToUtf16(text);
    EXPECT_EQ(wide, u"alice \u00e9t\u00e9 \u20ac \U0001F511");
    EXPECT_EQ(utf16ToUtf8(wide), text);
}

TEST(Utf16, InvalidSequencesBecomeReplacementCharacters)
{
    EXPECT_EQ(utf8ToUtf16("a\xFF"
                          "b"),
              u"a\uFFFDb");
    EXPECT_EQ(utf8ToUtf16("\xE2\x82"), u"\uFFFD\uFFFD");  // truncated sequence
    EXPECT_EQ(utf16ToUtf8(u"\xD800x"), "\xEF\xBF\xBDx");  // lone surrogate
}

}  // namespace
}  // namespace eapscope
