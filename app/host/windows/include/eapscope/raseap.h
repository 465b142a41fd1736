/*
 * The RAS EAP ABI as eapscope-host.exe sees it: the platform's own raseapif.h and raserror.h
 * (MinGW-w64's copies when cross-compiled), NOT EapScope's SDK header, so that the host that
 * loads real Windows methods is built against Windows' side of the ABI. This file stands in
 * for <eapscope/raseap.h> in the Windows build and adds only the few names EapScope's host
 * code uses that the platform header does not define. tests/abi checks that both headers
 * agree on every offset, size and constant.
 */
#ifndef EAPSCOPE_WINDOWS_RASEAP_H
#define EAPSCOPE_WINDOWS_RASEAP_H

#include <windows.h>
/* raseapif.h and raserror.h need windows.h first. */
#include <raseapif.h>
#include <raserror.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The platform header ends PPP_EAP_INPUT at hReserved (the classic layout, RASEAP.md §1.3)
 * and PPP_EAP_OUTPUT at dwSizeOfUserData (§1.4); the current SDK appends 24 and 16 bytes. */
#define PPP_EAP_INPUT_SIZE_CLASSIC ((DWORD)sizeof(PPP_EAP_INPUT))
#define PPP_EAP_INPUT_SIZE_CURRENT ((DWORD)(sizeof(PPP_EAP_INPUT) + sizeof(GUID) + 8))
#define PPP_EAP_OUTPUT_SIZE_CLASSIC ((DWORD)sizeof(PPP_EAP_OUTPUT))
#define PPP_EAP_OUTPUT_SIZE_CURRENT ((DWORD)(sizeof(PPP_EAP_OUTPUT) + 16))

/* §2.4 MPPE key VSA layout. */
#define RASEAP_VENDOR_MICROSOFT 311u
#define RASEAP_MS_MPPE_SEND_KEY 16
#define RASEAP_MS_MPPE_RECV_KEY 17
#define RASEAP_MPPE_KEY_VSA_LENGTH 56u

/* §4.2: the exports a host looks up by name. */
typedef DWORD(WINAPI* PRASEAPGETINFO)(DWORD dwEapTypeId, PPP_EAP_INFO* pInfo);
typedef DWORD(WINAPI* PRASEAPFREEMEMORY)(BYTE* pMemory);

/* EapScope's optional RolesSupported export (raseap.h); on Windows the registry value. */
#define RAS_EAP_EXPORT_ROLES_SUPPORTED "RasEapRolesSupported"
#define RAS_EAP_ROLES_DEFAULT (RAS_EAP_ROLE_AUTHENTICATOR | RAS_EAP_ROLE_AUTHENTICATEE)

/* §1.2 the big-endian Length field. */
static inline DWORD RasEapPacketLength(const PPP_EAP_PACKET* p)
{
    return ((DWORD)p->Length[0] << 8) | (DWORD)p->Length[1];
}

#ifdef __cplusplus
}
#endif

#endif /* EAPSCOPE_WINDOWS_RASEAP_H */
