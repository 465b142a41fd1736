// The SDK's RasEapGetInfo helper (<eapscope/raseap_method.h>), compiled as C++ here; the bundled
// methods and the SDK template compile it as C.
#include <eapscope/raseap_method.h>

#include <gtest/gtest.h>

#include <cstring>

namespace {

DWORD APIENTRY initialize(BOOL)
{
    return NO_ERROR;
}
DWORD APIENTRY begin(VOID**, PPP_EAP_INPUT*)
{
    return NO_ERROR;
}
DWORD APIENTRY end(VOID*)
{
    return NO_ERROR;
}
DWORD APIENTRY makeMessage(VOID*, PPP_EAP_PACKET*, PPP_EAP_PACKET*, DWORD, PPP_EAP_OUTPUT*, PPP_EAP_INPUT*)
{
    return NO_ERROR;
}

constexpr PPP_EAP_INFO entryPoints = {
    .dwSizeInBytes = 0,  // not read
    .dwEapTypeId = 42,
    .RasEapInitialize = initialize,
    .RasEapBegin = begin,
    .RasEapEnd = end,
    .RasEapMakeMessage = makeMessage,
};

TEST(FillInfo, FillsTheHostStructureForTheMethodsType)
{
    PPP_EAP_INFO info;
    std::memset(&info, 0xA5, sizeof info);
    info.dwSizeInBytes = 40;  // set by the host (RASEAP.md §1.5)
    EXPECT_EQ(RasEapFillInfo(42, &info, &entryPoints), NO_ERROR);
    EXPECT_EQ(info.dwSizeInBytes, sizeof(PPP_EAP_INFO));
    EXPECT_EQ(info.dwEapTypeId, 42u);
    EXPECT_EQ(info.RasEapInitialize, &initialize);
    EXPECT_EQ(info.RasEapBegin, &begin);
    EXPECT_EQ(info.RasEapEnd, &end);
    EXPECT_EQ(info.RasEapMakeMessage, &makeMessage);
}

TEST(FillInfo, OptionalEntryPointsStayNull)
{
    PPP_EAP_INFO method{};
    method.dwEapTypeId = 4;
    method.RasEapMakeMessage = makeMessage;
    PPP_EAP_INFO info;
    std::memset(&info, 0xA5, sizeof info);
    ASSERT_EQ(RasEapFillInfo(4, &info, &method), NO_ERROR);
    EXPECT_EQ(info.RasEapInitialize, nullptr);
    EXPECT_EQ(info.RasEapBegin, nullptr);
    EXPECT_EQ(info.RasEapEnd, nullptr);
    EXPECT_EQ(info.RasEapMakeMessage, &makeMessage);
}

TEST(FillInfo, DeclinesEveryOtherTypeAndLeavesTheStructureAlone)
{
    for (DWORD type : {0u, 1u, 4u, 41u, 43u, 254u, 255u}) {
        PPP_EAP_INFO info;
        std::memset(&info, 0xA5, sizeof info);
        PPP_EAP_INFO before;
        std::memcpy(&before, &info, sizeof info);
        EXPECT_EQ(RasEapFillInfo(type, &info, &entryPoints), ERROR_NOT_SUPPORTED) << type;
        EXPECT_EQ(std::memcmp(&info, &before, sizeof info), 0) << type;
    }
}

TEST(FillInfo, NullStructureIsAnInvalidParameter)
{
    EXPECT_EQ(RasEapFillInfo(42, nullptr, &entryPoints), ERROR_INVALID_PARAMETER);
}

}  // namespace
