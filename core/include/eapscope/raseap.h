/* SPDX-License-Identifier: MIT
 * Copyright (c) 2026 EapScope developers
 *
 * raseap.h — the RAS EAP extension ABI (raseapif.h) for EAP methods and hosts on Linux.
 *
 * This is the EapScope SDK: a method built against this header alone loads in EapScope
 * (and in any host following RASEAP.md). It needs nothing else from EapScope.
 * <eapscope/raseap_method.h> beside it answers RasEapGetInfo from a method's entry-point table.
 *
 * Layouts are those of Windows x64 (RASEAP.md §1): WCHAR is a 16-bit code unit, BOOL and
 * DWORD are 32 bits, enums are stored as 32-bit integers, natural alignment, no packing.
 * On x86_64 Linux the System V layout of these fixed-width types is byte-identical.
 */
#ifndef EAPSCOPE_RASEAP_H
#define EAPSCOPE_RASEAP_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* §1.0 primitive types. WCHAR is NOT wchar_t (4 bytes on Linux). */
typedef uint8_t BYTE;
typedef BYTE* PBYTE;
#ifdef __cplusplus
typedef char16_t WCHAR;
#else
typedef uint16_t WCHAR;
#endif
typedef WCHAR* LPWSTR;
typedef int32_t BOOL;
typedef uint32_t DWORD;
typedef void* HANDLE;
typedef void* HWND;
typedef void* PVOID;
typedef void VOID;
typedef uintptr_t ULONG_PTR;
typedef ULONG_PTR NCRYPT_KEY_HANDLE;

#ifndef TRUE
#define TRUE 1
#endif
#ifndef FALSE
#define FALSE 0
#endif

/* Calling convention: System V on Linux x86-64 (RASEAP.md §4.1). */
#ifndef APIENTRY
#define APIENTRY
#endif

/* Methods export RasEapGetInfo with default visibility and C linkage (§4.2). */
#if defined(__GNUC__)
#define RASEAP_EXPORT __attribute__((visibility("default")))
#else
#define RASEAP_EXPORT
#endif

typedef struct _GUID {
    uint32_t Data1;
    uint16_t Data2;
    uint16_t Data3;
    uint8_t Data4[8];
} GUID;

/* §2.6 error codes a host or method will meet. */
#define NO_ERROR 0u
#define ERROR_ACCESS_DENIED 5u
#define ERROR_NOT_ENOUGH_MEMORY 8u
#define ERROR_NOT_SUPPORTED 50u
#define ERROR_INVALID_PARAMETER 87u
#define ERROR_DLL_INIT_FAILED 1114u
#define ERROR_CANCELLED 1223u
#define RASBASE 600u
#define PENDING (RASBASE + 0)
#define ERROR_AUTH_INTERNAL (RASBASE + 45)
#define ERROR_RESTRICTED_LOGON_HOURS (RASBASE + 46)
#define ERROR_ACCT_DISABLED (RASBASE + 47)
#define ERROR_PASSWD_EXPIRED (RASBASE + 48)
#define ERROR_NO_DIALIN_PERMISSION (RASBASE + 49)
#define ERROR_AUTHENTICATION_FAILURE (RASBASE + 91)
#define ERROR_INTERACTIVE_MODE (RASBASE + 103)
#define ERROR_PPP_TIMEOUT (RASBASE + 118)
#define ERROR_PPP_INVALID_PACKET (RASBASE + 122)

/* §2.1 EAP codes. */
#define EAPCODE_Request 1
#define EAPCODE_Response 2
#define EAPCODE_Success 3
#define EAPCODE_Failure 4
#define MAXEAPCODE 4

/* RFC 3748 types the host engine handles itself. */
#define EAPTYPE_Identity 1
#define EAPTYPE_Notification 2
#define EAPTYPE_Nak 3
#define EAPTYPE_MD5Challenge 4
#define EAPTYPE_Expanded 254
#define EAPTYPE_Experimental 255

/* §2.3 RAS_EAP_FLAG_* (PPP_EAP_INPUT.fFlags). */
#define RAS_EAP_FLAG_ROUTER 0x00000001u
#define RAS_EAP_FLAG_NON_INTERACTIVE 0x00000002u
#define RAS_EAP_FLAG_LOGON 0x00000004u
#define RAS_EAP_FLAG_PREVIEW 0x00000008u
#define RAS_EAP_FLAG_FIRST_LINK 0x00000010u
#define RAS_EAP_FLAG_MACHINE_AUTH 0x00000020u
#define RAS_EAP_FLAG_GUEST_ACCESS 0x00000040u
#define RAS_EAP_FLAG_8021X_AUTH 0x00000080u
#define RAS_EAP_FLAG_HOSTED_IN_PEAP 0x00000100u
#define RAS_EAP_FLAG_RESUME_FROM_HIBERNATE 0x00000200u
#define RAS_EAP_FLAG_PEAP_UPFRONT 0x00000400u
#define RAS_EAP_FLAG_ALTERNATIVE_USER_DB 0x00000800u
#define RAS_EAP_FLAG_PEAP_FORCE_FULL_AUTH 0x00001000u
#define RAS_EAP_FLAG_PRE_LOGON 0x00020000u
#define RAS_EAP_FLAG_CONFG_READONLY 0x00080000u
#define RAS_EAP_FLAG_RESERVED 0x00100000u
#define RAS_EAP_FLAG_SAVE_CREDMAN 0x00200000u
#define RAS_EAP_FLAG_SERVER_VALIDATION_REQUIRED 0x02000000u

/* §2.5 RolesSupported. */
#define RAS_EAP_ROLE_AUTHENTICATOR 0x00000001u
#define RAS_EAP_ROLE_AUTHENTICATEE 0x00000002u
#define RAS_EAP_ROLE_EXCLUDE_IN_EAP 0x00000004u
#define RAS_EAP_ROLE_EXCLUDE_IN_PEAP 0x00000008u
#define RAS_EAP_ROLE_EXCLUDE_IN_VPN 0x00000010u

/* §4.3 registry location and value names (informational on Linux). */
#define RAS_EAP_REGISTRY_LOCATION "System\\CurrentControlSet\\Services\\Rasman\\PPP\\EAP"
#define RAS_EAP_VALUENAME_PATH "Path"
#define RAS_EAP_VALUENAME_FRIENDLY_NAME "FriendlyName"
#define RAS_EAP_VALUENAME_CONFIGUI "ConfigUIPath"
#define RAS_EAP_VALUENAME_DEFAULT_DATA "ConfigData"
#define RAS_EAP_VALUENAME_REQUIRE_CONFIGUI "RequireConfigUI"
#define RAS_EAP_VALUENAME_CONFIG_CLSID "ConfigCLSID"
#define RAS_EAP_VALUENAME_IDENTITY "IdentityPath"
#define RAS_EAP_VALUENAME_INTERACTIVEUI "InteractiveUIPath"
#define RAS_EAP_VALUENAME_INVOKE_NAMEDLG "InvokeUsernameDialog"
#define RAS_EAP_VALUENAME_INVOKE_PWDDLG "InvokePasswordDialog"
#define RAS_EAP_VALUENAME_ENCRYPTION "MPPEEncryptionSupported"
#define RAS_EAP_VALUENAME_STANDALONE_SUPPORTED "StandaloneSupported"
#define RAS_EAP_VALUENAME_ROLES_SUPPORTED "RolesSupported"
#define RAS_EAP_VALUENAME_PER_POLICY_CONFIG "PerPolicyConfig"
#define RAS_EAP_VALUENAME_ISTUNNEL_METHOD "IsTunnelMethod"
#define RAS_EAP_VALUENAME_FILTER_INNERMETHODS "FilterInnerMethods"

/* §2.4 RAS_AUTH_ATTRIBUTE_TYPE, stored as a 32-bit value. */
typedef uint32_t RAS_AUTH_ATTRIBUTE_TYPE;
enum {
    raatMinimum = 0,
    raatUserName = 1,
    raatUserPassword = 2,
    raatMD5CHAPPassword = 3,
    raatNASIPAddress = 4,
    raatNASPort = 5,
    raatServiceType = 6,
    raatFramedProtocol = 7,
    raatFramedIPAddress = 8,
    raatFramedIPNetmask = 9,
    raatFramedRouting = 10,
    raatFilterId = 11,
    raatFramedMTU = 12,
    raatFramedCompression = 13,
    raatLoginIPHost = 14,
    raatLoginService = 15,
    raatLoginTCPPort = 16,
    raatUnassigned17 = 17,
    raatReplyMessage = 18,
    raatCallbackNumber = 19,
    raatCallbackId = 20,
    raatUnassigned21 = 21,
    raatFramedRoute = 22,
    raatFramedIPXNetwork = 23,
    raatState = 24,
    raatClass = 25,
    raatVendorSpecific = 26,
    raatSessionTimeout = 27,
    raatIdleTimeout = 28,
    raatTerminationAction = 29,
    raatCalledStationId = 30,
    raatCallingStationId = 31,
    raatNASIdentifier = 32,
    raatProxyState = 33,
    raatLoginLATService = 34,
    raatLoginLATNode = 35,
    raatLoginLATGroup = 36,
    raatFramedAppleTalkLink = 37,
    raatFramedAppleTalkNetwork = 38,
    raatFramedAppleTalkZone = 39,
    raatAcctStatusType = 40,
    raatAcctDelayTime = 41,
    raatAcctInputOctets = 42,
    raatAcctOutputOctets = 43,
    raatAcctSessionId = 44,
    raatAcctAuthentic = 45,
    raatAcctSessionTime = 46,
    raatAcctInputPackets = 47,
    raatAcctOutputPackets = 48,
    raatAcctTerminateCause = 49,
    raatAcctMultiSessionId = 50,
    raatAcctLinkCount = 51,
    raatAcctEventTimeStamp = 55,
    raatMD5CHAPChallenge = 60,
    raatNASPortType = 61,
    raatPortLimit = 62,
    raatLoginLATPort = 63,
    raatTunnelType = 64,
    raatTunnelMediumType = 65,
    raatTunnelClientEndpoint = 66,
    raatTunnelServerEndpoint = 67,
    raatARAPPassword = 70,
    raatARAPFeatures = 71,
    raatARAPZoneAccess = 72,
    raatARAPSecurity = 73,
    raatARAPSecurityData = 74,
    raatPasswordRetry = 75,
    raatPrompt = 76,
    raatConnectInfo = 77,
    raatConfigurationToken = 78,
    raatEAPMessage = 79,
    raatSignature = 80,
    raatARAPChallengeResponse = 84,
    raatAcctInterimInterval = 85,
    raatNASIPv6Address = 95,
    raatFramedInterfaceId = 96,
    raatFramedIPv6Prefix = 97,
    raatLoginIPv6Host = 98,
    raatFramedIPv6Route = 99,
    raatFramedIPv6Pool = 100,
    raatARAPGuestLogon = 8096,
    raatCertificateOID = 8097,
    raatEAPConfiguration = 8098,
    raatPEAPEmbeddedEAPTypeId = 8099,
    raatInnerEAPTypeId = 8099,
    raatPEAPFastRoamedSession = 8100,
    raatFastRoamedSession = 8100,
    raatEAPTLV = 8102,
    raatCredentialsChanged = 8103,
    raatCertificateThumbprint = 8250,
    raatPeerId = 9000,
    raatServerId = 9001,
    raatMethodId = 9002,
    raatEMSK = 9003,
    raatSessionId = 9004,
    raatReserved = (int32_t)0xFFFFFFFF
};
#define raatARAPChallenge 33
#define raatARAPOldPassword 19
#define raatARAPNewPassword 20
#define raatARAPPasswordChangeReason 21

/* MPPE key VSA layout (§2.4): Vendor-Id 311, types 16/17, dwLength 56. */
#define RASEAP_VENDOR_MICROSOFT 311u
#define RASEAP_MS_MPPE_SEND_KEY 16
#define RASEAP_MS_MPPE_RECV_KEY 17
#define RASEAP_MPPE_KEY_VSA_LENGTH 56u

/* §2.2 PPP_EAP_ACTION, stored as a 32-bit value. */
typedef uint32_t PPP_EAP_ACTION;
enum {
    EAPACTION_NoAction = 0,
    EAPACTION_Authenticate = 1,
    EAPACTION_Done = 2,
    EAPACTION_SendAndDone = 3,
    EAPACTION_Send = 4,
    EAPACTION_SendWithTimeout = 5,
    EAPACTION_SendWithTimeoutInteractive = 6,
    EAPACTION_IndicateTLV = 7,     /* reserved for system use */
    EAPACTION_IndicateIdentity = 8 /* reserved for system use */
};

/* §1.1 */
typedef struct _RAS_AUTH_ATTRIBUTE {
    RAS_AUTH_ATTRIBUTE_TYPE raaType;
    DWORD dwLength;
    PVOID Value;
} RAS_AUTH_ATTRIBUTE, *PRAS_AUTH_ATTRIBUTE;

/* §1.2 */
typedef struct _PPP_EAP_PACKET {
    BYTE Code;
    BYTE Id;
    BYTE Length[2]; /* big-endian, includes the 4-byte header */
    BYTE Data[1];
} PPP_EAP_PACKET, *PPPP_EAP_PACKET;

#define PPP_EAP_PACKET_HDR_LEN (sizeof(PPP_EAP_PACKET) - 1)

/* §1.3. The classic structure ends at hReserved (128 bytes); guidConnectionId and isVpn
 * exist only when dwSizeInBytes >= PPP_EAP_INPUT_SIZE_CURRENT. */
typedef struct _PPP_EAP_INPUT {
    DWORD dwSizeInBytes;
    DWORD fFlags;
    BOOL fAuthenticator;
    WCHAR* pwszIdentity;
    WCHAR* pwszPassword;
    BYTE bInitialId;
    RAS_AUTH_ATTRIBUTE* pUserAttributes;
    BOOL fAuthenticationComplete;
    DWORD dwAuthResultCode;
    HANDLE hTokenImpersonateUser;
    BOOL fSuccessPacketReceived;
    BOOL fDataReceivedFromInteractiveUI;
    PBYTE pDataFromInteractiveUI;
    DWORD dwSizeOfDataFromInteractiveUI;
    PBYTE pConnectionData;
    DWORD dwSizeOfConnectionData;
    PBYTE pUserData;
    DWORD dwSizeOfUserData;
    HANDLE hReserved;
    GUID guidConnectionId; /* newer SDK: read only if dwSizeInBytes >= PPP_EAP_INPUT_SIZE_CURRENT */
    BOOL isVpn;            /* newer SDK: read only if dwSizeInBytes >= PPP_EAP_INPUT_SIZE_CURRENT */
} PPP_EAP_INPUT, *PPPP_EAP_INPUT;

#define PPP_EAP_INPUT_SIZE_CLASSIC ((DWORD)offsetof(PPP_EAP_INPUT, guidConnectionId))
#define PPP_EAP_INPUT_SIZE_CURRENT ((DWORD)sizeof(PPP_EAP_INPUT))

typedef struct _NgcTicketContext {
    WCHAR wszTicket[45];
    NCRYPT_KEY_HANDLE hKey;
    HANDLE hImpersonateToken;
} NgcTicketContext;

/* §1.4. The classic structure ends at dwSizeOfUserData (80 bytes); pNgcKerbTicket and
 * fSaveToCredMan may be written only when the host's dwSizeInBytes >= PPP_EAP_OUTPUT_SIZE_CURRENT. */
typedef struct _PPP_EAP_OUTPUT {
    DWORD dwSizeInBytes;
    PPP_EAP_ACTION Action;
    DWORD dwAuthResultCode;
    RAS_AUTH_ATTRIBUTE* pUserAttributes;
    BOOL fInvokeInteractiveUI;
    PBYTE pUIContextData;
    DWORD dwSizeOfUIContextData;
    BOOL fSaveConnectionData;
    PBYTE pConnectionData;
    DWORD dwSizeOfConnectionData;
    BOOL fSaveUserData;
    PBYTE pUserData;
    DWORD dwSizeOfUserData;
    NgcTicketContext* pNgcKerbTicket; /* newer SDK, see above */
    BOOL fSaveToCredMan;              /* newer SDK, see above */
} PPP_EAP_OUTPUT, *PPPP_EAP_OUTPUT;

#define PPP_EAP_OUTPUT_SIZE_CLASSIC ((DWORD)offsetof(PPP_EAP_OUTPUT, pNgcKerbTicket))
#define PPP_EAP_OUTPUT_SIZE_CURRENT ((DWORD)sizeof(PPP_EAP_OUTPUT))

/* §1.5 */
typedef struct _PPP_EAP_INFO {
    DWORD dwSizeInBytes;
    DWORD dwEapTypeId;
    DWORD(APIENTRY* RasEapInitialize)(BOOL fInitialize);
    DWORD(APIENTRY* RasEapBegin)(VOID** ppWorkBuffer, PPP_EAP_INPUT* pPppEapInput);
    DWORD(APIENTRY* RasEapEnd)(VOID* pWorkBuffer);
    DWORD(APIENTRY* RasEapMakeMessage)
    (VOID* pWorkBuf, PPP_EAP_PACKET* pReceivePacket, PPP_EAP_PACKET* pSendPacket, DWORD cbSendPacket,
     PPP_EAP_OUTPUT* pEapOutput, PPP_EAP_INPUT* pEapInput);
} PPP_EAP_INFO, *PPPP_EAP_INFO;

/* §1.6 auxiliary structures of the current SDK (a host does not need them). */
typedef struct _LEGACY_IDENTITY_UI_PARAMS {
    DWORD eapType;
    DWORD dwFlags;
    DWORD dwSizeofConnectionData;
    BYTE* pConnectionData;
    DWORD dwSizeofUserData;
    BYTE* pUserData;
    DWORD dwSizeofUserDataOut;
    BYTE* pUserDataOut;
    LPWSTR pwszIdentity;
    DWORD dwError;
} LEGACY_IDENTITY_UI_PARAMS;

typedef struct _LEGACY_INTERACTIVE_UI_PARAMS {
    DWORD eapType;
    DWORD dwSizeofContextData;
    BYTE* pContextData;
    DWORD dwSizeofInteractiveUIData;
    BYTE* pInteractiveUIData;
    DWORD dwError;
} LEGACY_INTERACTIVE_UI_PARAMS;

/* §4.2 exports, looked up by name. */
typedef DWORD(APIENTRY* PRASEAPGETINFO)(DWORD dwEapTypeId, PPP_EAP_INFO* pInfo);
typedef DWORD(APIENTRY* PRASEAPFREEMEMORY)(BYTE* pMemory);
typedef DWORD(APIENTRY* PRASEAPINVOKEINTERACTIVEUI)(DWORD dwEapTypeId, HWND hwndParent, BYTE* pUIContextData,
                                                    DWORD dwSizeOfUIContextData,
                                                    BYTE** ppDataFromInteractiveUI,
                                                    DWORD* pdwSizeOfDataFromInteractiveUI);
typedef DWORD(APIENTRY* PRASEAPINVOKECONFIGUI)(DWORD dwEapTypeId, HWND hwndParent, DWORD dwFlags,
                                               BYTE* pConnectionDataIn, DWORD dwSizeOfConnectionDataIn,
                                               BYTE** ppConnectionDataOut, DWORD* pdwSizeOfConnectionDataOut);
typedef DWORD(APIENTRY* PRASEAPGETIDENTITY)(DWORD dwEapTypeId, HWND hwndParent, DWORD dwFlags,
                                            const WCHAR* pwszPhonebook, const WCHAR* pwszEntry,
                                            BYTE* pConnectionDataIn, DWORD dwSizeOfConnectionDataIn,
                                            BYTE* pUserDataIn, DWORD dwSizeOfUserDataIn, BYTE** ppUserDataOut,
                                            DWORD* pdwSizeOfUserDataOut, WCHAR** ppwszIdentityOut);

RASEAP_EXPORT DWORD APIENTRY RasEapGetInfo(DWORD dwEapTypeId, PPP_EAP_INFO* pEapInfo);

/* OPTIONAL data export, the Linux stand-in for the registry value RolesSupported (§2.5, §4.3):
 * there is no registry, so a method that wants to declare its roles defines
 *     RASEAP_EXPORT const DWORD RasEapRolesSupported = RAS_EAP_ROLE_AUTHENTICATOR;
 * with RAS_EAP_ROLE_* bits. Hosts look it up by name (dlsym). Absent = both roles, shown in
 * plain EAP and PEAP, as for an absent registry value. */
#define RAS_EAP_EXPORT_ROLES_SUPPORTED "RasEapRolesSupported"
#define RAS_EAP_ROLES_DEFAULT (RAS_EAP_ROLE_AUTHENTICATOR | RAS_EAP_ROLE_AUTHENTICATEE)
RASEAP_EXPORT extern const DWORD RasEapRolesSupported;

/* Helpers for the big-endian Length field (§1.2). */
static inline DWORD RasEapPacketLength(const PPP_EAP_PACKET* p)
{
    return ((DWORD)p->Length[0] << 8) | (DWORD)p->Length[1];
}
static inline void RasEapSetPacketLength(PPP_EAP_PACKET* p, DWORD length)
{
    p->Length[0] = (BYTE)((length >> 8) & 0xFF);
    p->Length[1] = (BYTE)(length & 0xFF);
}

/* Helpers every method needs. They live in the SDK so that a method needs nothing but this header
 * (the bundled methods use them too instead of each carrying its own copy). */

/* UTF-16 code units before the terminating NUL; 0 for NULL. */
static inline size_t RasEapUtf16Length(const WCHAR* text)
{
    size_t units = 0;
    while (text && text[units]) {
        ++units;
    }
    return units;
}

/* NUL-terminated UTF-16 (pwszIdentity, pwszPassword; NULL = empty) to NUL-terminated UTF-8.
 * `out` must hold 3 * RasEapUtf16Length(text) + 1 bytes. Returns the UTF-8 length without the NUL.
 * A surrogate pair becomes one 4-byte sequence; an unpaired surrogate is encoded as it stands. */
static inline size_t RasEapUtf16ToUtf8(const WCHAR* text, char* out)
{
    size_t units = RasEapUtf16Length(text);
    size_t n = 0;
    for (size_t i = 0; i < units; ++i) {
        uint32_t c = text[i];
        if (c >= 0xD800 && c <= 0xDBFF && i + 1 < units && text[i + 1] >= 0xDC00 && text[i + 1] <= 0xDFFF) {
            c = 0x10000 + ((c - 0xD800) << 10) + (uint32_t)(text[++i] - 0xDC00);
        }
        if (c < 0x80) {
            out[n++] = (char)c;
        } else if (c < 0x800) {
            out[n++] = (char)(0xC0 | (c >> 6));
            out[n++] = (char)(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            out[n++] = (char)(0xE0 | (c >> 12));
            out[n++] = (char)(0x80 | ((c >> 6) & 0x3F));
            out[n++] = (char)(0x80 | (c & 0x3F));
        } else {
            out[n++] = (char)(0xF0 | (c >> 18));
            out[n++] = (char)(0x80 | ((c >> 12) & 0x3F));
            out[n++] = (char)(0x80 | ((c >> 6) & 0x3F));
            out[n++] = (char)(0x80 | (c & 0x3F));
        }
    }
    out[n] = '\0';
    return n;
}

/* One MPPE key attribute in the §2.4 layout: `vsa` (RASEAP_MPPE_KEY_VSA_LENGTH bytes, owned by the
 * method until RasEapEnd) gets Vendor-Id 311, `vendorType` (RASEAP_MS_MPPE_SEND_KEY or _RECV_KEY),
 * Vendor-Length 52, zero Salt, Key-Length = keyLength and the plain key, zero-padded; `attribute`
 * points at it. Send/Recv are from the calling side's perspective: the authenticator's Send key
 * is the peer's Recv key. keyLength is at most 32 (EAP-TLS: 32; MS-CHAPv2, RFC 3079: 16).
 * Returns 0 when keyLength is too long. */
static inline int RasEapSetMppeKeyAttribute(RAS_AUTH_ATTRIBUTE* attribute, BYTE* vsa, BYTE vendorType,
                                            const BYTE* key, DWORD keyLength)
{
    if (keyLength > 32) {
        return 0;
    }
    for (DWORD i = 0; i < RASEAP_MPPE_KEY_VSA_LENGTH; ++i) {
        vsa[i] = 0;
    }
    vsa[0] = (BYTE)((RASEAP_VENDOR_MICROSOFT >> 24) & 0xFF);
    vsa[1] = (BYTE)((RASEAP_VENDOR_MICROSOFT >> 16) & 0xFF);
    vsa[2] = (BYTE)((RASEAP_VENDOR_MICROSOFT >> 8) & 0xFF);
    vsa[3] = (BYTE)(RASEAP_VENDOR_MICROSOFT & 0xFF);
    vsa[4] = vendorType;
    vsa[5] = (BYTE)(RASEAP_MPPE_KEY_VSA_LENGTH - 4);
    vsa[8] = (BYTE)keyLength;
    for (DWORD i = 0; i < keyLength; ++i) {
        vsa[9 + i] = key[i];
    }
    attribute->raaType = raatVendorSpecific;
    attribute->dwLength = RASEAP_MPPE_KEY_VSA_LENGTH;
    attribute->Value = vsa;
    return 1;
}

/* §1 classic sizes on x86-64 (the layout a Linux host and method share). */
#if defined(__x86_64__) || defined(_M_X64) || defined(__aarch64__)
#ifdef __cplusplus
#define RASEAP_STATIC_ASSERT static_assert
#else
#define RASEAP_STATIC_ASSERT _Static_assert
#endif
RASEAP_STATIC_ASSERT(sizeof(RAS_AUTH_ATTRIBUTE) == 16, "RAS_AUTH_ATTRIBUTE must be 16 bytes");
RASEAP_STATIC_ASSERT(sizeof(PPP_EAP_PACKET) == 5, "PPP_EAP_PACKET must be 5 bytes");
RASEAP_STATIC_ASSERT(PPP_EAP_INPUT_SIZE_CLASSIC == 128, "classic PPP_EAP_INPUT must be 128 bytes");
RASEAP_STATIC_ASSERT(sizeof(PPP_EAP_INPUT) == 152, "current PPP_EAP_INPUT must be 152 bytes");
RASEAP_STATIC_ASSERT(PPP_EAP_OUTPUT_SIZE_CLASSIC == 80, "classic PPP_EAP_OUTPUT must be 80 bytes");
RASEAP_STATIC_ASSERT(sizeof(PPP_EAP_OUTPUT) == 96, "current PPP_EAP_OUTPUT must be 96 bytes");
RASEAP_STATIC_ASSERT(sizeof(PPP_EAP_INFO) == 40, "PPP_EAP_INFO must be 40 bytes");
RASEAP_STATIC_ASSERT(sizeof(GUID) == 16, "GUID must be 16 bytes");
RASEAP_STATIC_ASSERT(sizeof(NgcTicketContext) == 112, "NgcTicketContext must be 112 bytes");
#undef RASEAP_STATIC_ASSERT
#endif

#ifdef __cplusplus
}
#endif

#endif /* EAPSCOPE_RASEAP_H */
