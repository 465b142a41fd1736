/*
 * One source, several broken loaders, chosen at build time by LOADER_VARIANT:
 *   1 wrong type      answers NO_ERROR for type 4 but fills dwEapTypeId 5 (LOAD_TYPE_MISMATCH)
 *   2 getinfo fails   returns ERROR_NOT_SUPPORTED for every type (LOAD_GETINFO_FAILED)
 *   3 several types   answers 4 and 6 correctly (probing needs --type)
 *   4 info overrun    writes 16 bytes past PPP_EAP_INFO (LOAD_INFO_OVERRUN)
 *   5 no makemessage  leaves RasEapMakeMessage NULL (LOAD_NO_MAKEMESSAGE)
 *   6 authenticator   answers 4, declares RasEapRolesSupported = authenticator only
 *   7 foreign pointer RasEapEnd points into libc, outside the module image
 */
#include <eapscope/raseap.h>

#include <stdlib.h>
#include <string.h>

__attribute__((unused)) static DWORD APIENTRY make_message(VOID* w, PPP_EAP_PACKET* r, PPP_EAP_PACKET* s,
                                                           DWORD cb, PPP_EAP_OUTPUT* o, PPP_EAP_INPUT* i)
{
    (void)w, (void)r, (void)s, (void)cb, (void)o, (void)i;
    return NO_ERROR;
}

#if LOADER_VARIANT == 6
RASEAP_EXPORT const DWORD RasEapRolesSupported = RAS_EAP_ROLE_AUTHENTICATOR;
#endif

RASEAP_EXPORT DWORD APIENTRY RasEapGetInfo(DWORD type, PPP_EAP_INFO* info)
{
#if LOADER_VARIANT == 2
    (void)info;
    (void)type;
    return ERROR_NOT_SUPPORTED;
#else
#if LOADER_VARIANT == 3
    if (type != 4 && type != 6) {
        return ERROR_NOT_SUPPORTED;
    }
#else
    if (type != 4) {
        return ERROR_NOT_SUPPORTED;
    }
#endif
#if LOADER_VARIANT == 4
    memset(info, 0, sizeof *info + 16);
#else
    memset(info, 0, sizeof *info);
#endif
    info->dwEapTypeId = LOADER_VARIANT == 1 ? 5 : type;
    info->RasEapMakeMessage = LOADER_VARIANT == 5 ? NULL : make_message;
#if LOADER_VARIANT == 7
    info->RasEapBegin = NULL;
    info->RasEapEnd = (DWORD(APIENTRY*)(VOID*))(void (*)(void))abort;
#endif
    return NO_ERROR;
#endif
}
