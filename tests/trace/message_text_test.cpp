// MessageText::english(): the single-pass fill every CLI, JSON and log text goes through.
#include "common/message_text.h"

#include <gtest/gtest.h>

namespace eapscope {
namespace {

TEST(MessageText, English_FillsEachPlaceholderWithItsArgument)
{
    const MessageText text = phrase("%2 returned %1, %2", {verbatim(5), verbatim("RasEapMakeMessage")});
    EXPECT_EQ(text.english(), "RasEapMakeMessage returned 5, RasEapMakeMessage");
    EXPECT_EQ(text.english(), fillPlaceholders(text.source, {"5", "RasEapMakeMessage"}));
}

TEST(MessageText, English_NestedPhrasesAreFilledAndArgumentsAreNotRescanned)
{
    const MessageText inner = phrase("context %1", {verbatim("A1")});
    const MessageText text = phrase("ended with its host: %1 (%2)", {inner, verbatim("100%1 %2")});
    EXPECT_EQ(text.english(), "ended with its host: context A1 (100%1 %2)");
}

TEST(MessageText, English_PercentSignsWithoutAnArgumentStayAsTheyAre)
{
    EXPECT_EQ(phrase("100% sure, %%1 and %3 and %", {verbatim("x")}).english(), "100% sure, %x and %3 and %");
    EXPECT_EQ(phrase("no placeholders").english(), "no placeholders");
    EXPECT_EQ(verbatim("%1 verbatim").english(), "%1 verbatim");
    EXPECT_EQ(phrase("").english(), "");
}

}  // namespace
}  // namespace eapscope
