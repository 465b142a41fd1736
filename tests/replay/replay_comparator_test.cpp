#include "replay/replay_comparator.h"
#include "common/hex.h"

#include <gtest/gtest.h>

namespace eapscope {
namespace {

std::vector<std::uint8_t> bytes(std::string_view hex)
{
    return fromHex(hex).value();
}

TEST(ReplayComparator, Md5RequestChallengeIsRandomByDesign)
{
    auto captured = bytes("0101001604 10 00112233445566778899aabbccddeeff");
    auto sent = bytes("0101001604 10 ffffffffffffffffffffffffffffffff");
    EXPECT_TRUE(compareReplayPacket(sent, captured).empty());
}

TEST(ReplayComparator, Md5ResponseValueIsCompared_DifferenceNamesTheField)
{
    auto captured = bytes("0201001604 10 00112233445566778899aabbccddeeff");
    auto sent = bytes("0201001604 10 00112233445566778899aabbccddee00");
    auto differences = compareReplayPacket(sent, captured);
    ASSERT_EQ(differences.size(), 1u);
    EXPECT_EQ(differences[0].offset, 21u);
    EXPECT_EQ(differences[0].length, 1u);
    EXPECT_EQ(differences[0].field, "eap.md5.value");
}

TEST(ReplayComparator, Md5NameIsOptional)
{
    auto captured = bytes("0201001a04 10 00112233445566778899aabbccddeeff 6a6f686e");
    auto sent = bytes("0201001604 10 00112233445566778899aabbccddeeff");
    EXPECT_TRUE(compareReplayPacket(sent, captured).empty());
}

TEST(ReplayComparator, IdentifierDifference)
{
    auto differences = compareReplayPacket(bytes("0202000a01616c696365"), bytes("0201000a01616c696365"));
    ASSERT_EQ(differences.size(), 1u);
    EXPECT_EQ(differences[0].offset, 1u);
    EXPECT_EQ(differences[0].field, "eap.id");
}

TEST(ReplayComparator, TlsRecordsAndLengthAreNotCompared)
{
    EXPECT_TRUE(
        compareReplayPacket(bytes("0205000a0d80 00000001"), bytes("0205000c0d80 0000000216aa")).empty());
    EXPECT_FALSE(
        compareReplayPacket(bytes("0205000a0d00 00000001"), bytes("0205000c0d80 0000000216aa")).empty());
}

TEST(ReplayComparator, MissingPacketIsADifference)
{
    auto differences = compareReplayPacket({}, bytes("03010004"));
    ASSERT_FALSE(differences.empty());
    EXPECT_EQ(differences[0].offset, 0u);
}

TEST(ReplayComparator, SimAttributeValuesIgnoredTypesCompared)
{
    auto captured = bytes("0201 0014 12 0b 0000 0b05 0000 00112233445566778899aabbccddeeff");
    auto sameLayout = bytes("0201 0014 12 0b 0000 0b05 0000 ffffffffffffffffffffffffffffffff");
    auto otherType = bytes("0201 0014 12 0b 0000 0705 0000 00112233445566778899aabbccddeeff");
    EXPECT_TRUE(compareReplayPacket(sameLayout, captured).empty());
    EXPECT_FALSE(compareReplayPacket(otherType, captured).empty());
}

TEST(ReplayComparator, RulesAreStatedPerType)
{
    EXPECT_EQ(comparisonRule(3, -1), "every byte");
    EXPECT_NE(comparisonRule(2, 4).find("Value (Name is optional)"), std::string::npos);
    EXPECT_NE(comparisonRule(1, 4).find("challenge is random"), std::string::npos);
    EXPECT_NE(comparisonRule(1, 13).find("TLS records are random"), std::string::npos);
}

}  // namespace
}  // namespace eapscope
