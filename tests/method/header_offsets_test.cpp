// Every field offset and size of RASEAP.md §1.1–1.6, x64 column, against the SDK header.
#include <eapscope/raseap.h>

#include <gtest/gtest.h>

#include <cstddef>

namespace {

// The size macros are C casts (the header is C first); C++ code built with -Wold-style-cast
// sees them as such.
#pragma GCC diagnostic ignored "-Wold-style-cast"

#define EXPECT_FIELD(type, field, offset, size)                      \
    EXPECT_EQ(offsetof(type, field), std::size_t{offset}) << #field; \
    EXPECT_EQ(sizeof(type::field), std::size_t{size}) << #field

TEST(Header, RasAuthAttributeMatchesSection1_1)
{
    EXPECT_FIELD(RAS_AUTH_ATTRIBUTE, raaType, 0, 4);
    EXPECT_FIELD(RAS_AUTH_ATTRIBUTE, dwLength, 4, 4);
    EXPECT_FIELD(RAS_AUTH_ATTRIBUTE, Value, 8, 8);
    EXPECT_EQ(sizeof(RAS_AUTH_ATTRIBUTE), 16u);
    EXPECT_EQ(alignof(RAS_AUTH_ATTRIBUTE), 8u);
}

TEST(Header, PppEapPacketMatchesSection1_2)
{
    EXPECT_FIELD(PPP_EAP_PACKET, Code, 0, 1);
    EXPECT_FIELD(PPP_EAP_PACKET, Id, 1, 1);
    EXPECT_FIELD(PPP_EAP_PACKET, Length, 2, 2);
    EXPECT_FIELD(PPP_EAP_PACKET, Data, 4, 1);
    EXPECT_EQ(sizeof(PPP_EAP_PACKET), 5u);
    EXPECT_EQ(alignof(PPP_EAP_PACKET), 1u);
    EXPECT_EQ(PPP_EAP_PACKET_HDR_LEN, 4u);
}

TEST(Header, PppEapInputMatchesSection1_3)
{
    EXPECT_FIELD(PPP_EAP_INPUT, dwSizeInBytes, 0, 4);
    EXPECT_FIELD(PPP_EAP_INPUT, fFlags, 4, 4);
    EXPECT_FIELD(PPP_EAP_INPUT, fAuthenticator, 8, 4);
    EXPECT_FIELD(PPP_EAP_INPUT, pwszIdentity, 16, 8);
    EXPECT_FIELD(PPP_EAP_INPUT, pwszPassword, 24, 8);
    EXPECT_FIELD(PPP_EAP_INPUT, bInitialId, 32, 1);
    EXPECT_FIELD(PPP_EAP_INPUT, pUserAttributes, 40, 8);
    EXPECT_FIELD(PPP_EAP_INPUT, fAuthenticationComplete, 48, 4);
    EXPECT_FIELD(PPP_EAP_INPUT, dwAuthResultCode, 52, 4);
    EXPECT_FIELD(PPP_EAP_INPUT, hTokenImpersonateUser, 56, 8);
    EXPECT_FIELD(PPP_EAP_INPUT, fSuccessPacketReceived, 64, 4);
    EXPECT_FIELD(PPP_EAP_INPUT, fDataReceivedFromInteractiveUI, 68, 4);
    EXPECT_FIELD(PPP_EAP_INPUT, pDataFromInteractiveUI, 72, 8);
    EXPECT_FIELD(PPP_EAP_INPUT, dwSizeOfDataFromInteractiveUI, 80, 4);
    EXPECT_FIELD(PPP_EAP_INPUT, pConnectionData, 88, 8);
    EXPECT_FIELD(PPP_EAP_INPUT, dwSizeOfConnectionData, 96, 4);
    EXPECT_FIELD(PPP_EAP_INPUT, pUserData, 104, 8);
    EXPECT_FIELD(PPP_EAP_INPUT, dwSizeOfUserData, 112, 4);
    EXPECT_FIELD(PPP_EAP_INPUT, hReserved, 120, 8);
    EXPECT_FIELD(PPP_EAP_INPUT, guidConnectionId, 128, 16);
    EXPECT_FIELD(PPP_EAP_INPUT, isVpn, 144, 4);
    EXPECT_EQ(PPP_EAP_INPUT_SIZE_CLASSIC, 128u);
    EXPECT_EQ(PPP_EAP_INPUT_SIZE_CURRENT, 152u);
    EXPECT_EQ(sizeof(PPP_EAP_INPUT), 152u);
    EXPECT_EQ(alignof(PPP_EAP_INPUT), 8u);
}

TEST(Header, PppEapOutputMatchesSection1_4)
{
    EXPECT_FIELD(PPP_EAP_OUTPUT, dwSizeInBytes, 0, 4);
    EXPECT_FIELD(PPP_EAP_OUTPUT, Action, 4, 4);
    EXPECT_FIELD(PPP_EAP_OUTPUT, dwAuthResultCode, 8, 4);
    EXPECT_FIELD(PPP_EAP_OUTPUT, pUserAttributes, 16, 8);
    EXPECT_FIELD(PPP_EAP_OUTPUT, fInvokeInteractiveUI, 24, 4);
    EXPECT_FIELD(PPP_EAP_OUTPUT, pUIContextData, 32, 8);
    EXPECT_FIELD(PPP_EAP_OUTPUT, dwSizeOfUIContextData, 40, 4);
    EXPECT_FIELD(PPP_EAP_OUTPUT, fSaveConnectionData, 44, 4);
    EXPECT_FIELD(PPP_EAP_OUTPUT, pConnectionData, 48, 8);
    EXPECT_FIELD(PPP_EAP_OUTPUT, dwSizeOfConnectionData, 56, 4);
    EXPECT_FIELD(PPP_EAP_OUTPUT, fSaveUserData, 60, 4);
    EXPECT_FIELD(PPP_EAP_OUTPUT, pUserData, 64, 8);
    EXPECT_FIELD(PPP_EAP_OUTPUT, dwSizeOfUserData, 72, 4);
    EXPECT_FIELD(PPP_EAP_OUTPUT, pNgcKerbTicket, 80, 8);
    EXPECT_FIELD(PPP_EAP_OUTPUT, fSaveToCredMan, 88, 4);
    EXPECT_EQ(PPP_EAP_OUTPUT_SIZE_CLASSIC, 80u);
    EXPECT_EQ(PPP_EAP_OUTPUT_SIZE_CURRENT, 96u);
    EXPECT_EQ(sizeof(PPP_EAP_OUTPUT), 96u);
    EXPECT_EQ(alignof(PPP_EAP_OUTPUT), 8u);
}

TEST(Header, PppEapInfoMatchesSection1_5)
{
    EXPECT_FIELD(PPP_EAP_INFO, dwSizeInBytes, 0, 4);
    EXPECT_FIELD(PPP_EAP_INFO, dwEapTypeId, 4, 4);
    EXPECT_FIELD(PPP_EAP_INFO, RasEapInitialize, 8, 8);
    EXPECT_FIELD(PPP_EAP_INFO, RasEapBegin, 16, 8);
    EXPECT_FIELD(PPP_EAP_INFO, RasEapEnd, 24, 8);
    EXPECT_FIELD(PPP_EAP_INFO, RasEapMakeMessage, 32, 8);
    EXPECT_EQ(sizeof(PPP_EAP_INFO), 40u);
}

TEST(Header, AuxiliaryStructuresMatchSection1_6)
{
    EXPECT_FIELD(NgcTicketContext, wszTicket, 0, 90);
    EXPECT_FIELD(NgcTicketContext, hKey, 96, 8);
    EXPECT_FIELD(NgcTicketContext, hImpersonateToken, 104, 8);
    EXPECT_EQ(sizeof(NgcTicketContext), 112u);

    EXPECT_FIELD(LEGACY_IDENTITY_UI_PARAMS, eapType, 0, 4);
    EXPECT_FIELD(LEGACY_IDENTITY_UI_PARAMS, dwFlags, 4, 4);
    EXPECT_FIELD(LEGACY_IDENTITY_UI_PARAMS, dwSizeofConnectionData, 8, 4);
    EXPECT_FIELD(LEGACY_IDENTITY_UI_PARAMS, pConnectionData, 16, 8);
    EXPECT_FIELD(LEGACY_IDENTITY_UI_PARAMS, dwSizeofUserData, 24, 4);
    EXPECT_FIELD(LEGACY_IDENTITY_UI_PARAMS, pUserData, 32, 8);
    EXPECT_FIELD(LEGACY_IDENTITY_UI_PARAMS, dwSizeofUserDataOut, 40, 4);
    EXPECT_FIELD(LEGACY_IDENTITY_UI_PARAMS, pUserDataOut, 48, 8);
    EXPECT_FIELD(LEGACY_IDENTITY_UI_PARAMS, pwszIdentity, 56, 8);
    EXPECT_FIELD(LEGACY_IDENTITY_UI_PARAMS, dwError, 64, 4);
    EXPECT_EQ(sizeof(LEGACY_IDENTITY_UI_PARAMS), 72u);

    EXPECT_FIELD(LEGACY_INTERACTIVE_UI_PARAMS, eapType, 0, 4);
    EXPECT_FIELD(LEGACY_INTERACTIVE_UI_PARAMS, dwSizeofContextData, 4, 4);
    EXPECT_FIELD(LEGACY_INTERACTIVE_UI_PARAMS, pContextData, 8, 8);
    EXPECT_FIELD(LEGACY_INTERACTIVE_UI_PARAMS, dwSizeofInteractiveUIData, 16, 4);
    EXPECT_FIELD(LEGACY_INTERACTIVE_UI_PARAMS, pInteractiveUIData, 24, 8);
    EXPECT_FIELD(LEGACY_INTERACTIVE_UI_PARAMS, dwError, 32, 4);
    EXPECT_EQ(sizeof(LEGACY_INTERACTIVE_UI_PARAMS), 40u);
}

TEST(Header, PrimitiveTypesAreWindowsSized)
{
    EXPECT_EQ(sizeof(WCHAR), 2u);
    EXPECT_EQ(sizeof(BOOL), 4u);
    EXPECT_EQ(sizeof(DWORD), 4u);
    EXPECT_EQ(sizeof(RAS_AUTH_ATTRIBUTE_TYPE), 4u);
    EXPECT_EQ(sizeof(PPP_EAP_ACTION), 4u);
    EXPECT_EQ(sizeof(GUID), 16u);
    EXPECT_EQ(alignof(GUID), 4u);
    EXPECT_EQ(ERROR_PPP_INVALID_PACKET, 722u);
    EXPECT_EQ(ERROR_AUTHENTICATION_FAILURE, 691u);
}

TEST(Header, PacketLengthHelpersAreBigEndian)
{
    PPP_EAP_PACKET packet{};
    RasEapSetPacketLength(&packet, 0x1234);
    EXPECT_EQ(packet.Length[0], 0x12);
    EXPECT_EQ(packet.Length[1], 0x34);
    EXPECT_EQ(RasEapPacketLength(&packet), 0x1234u);
}

}  // namespace
