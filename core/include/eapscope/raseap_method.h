/* SPDX-License-Identifier: MIT
 * Copyright (c) 2026 EapScope developers
 *
 * raseap_method.h — the RasEapGetInfo body every EAP method writes, written once (EapScope SDK).
 *
 * A method lists its EAP type and entry points in a PPP_EAP_INFO of its own and answers the
 * host's RasEapGetInfo with RasEapFillInfo():
 *
 *     #include <eapscope/raseap_method.h>
 *
 *     static const PPP_EAP_INFO my_entry_points = {
 *         .dwEapTypeId = MY_TYPE,
 *         .RasEapInitialize = NULL, // optional: nothing to set up
 *         .RasEapBegin = my_begin,
 *         .RasEapEnd = my_end,
 *         .RasEapMakeMessage = my_make_message,
 *     };
 *
 *     RASEAP_EXPORT DWORD APIENTRY RasEapGetInfo(DWORD type, PPP_EAP_INFO* info)
 *     {
 *         return RasEapFillInfo(type, info, &my_entry_points);
 *     }
 *
 * Like raseap.h it needs nothing else from EapScope and compiles as C (C99 or later) and C++.
 */
#ifndef EAPSCOPE_RASEAP_METHOD_H
#define EAPSCOPE_RASEAP_METHOD_H

#include "raseap.h"

#ifdef __cplusplus
extern "C" {
#endif

/* RasEapGetInfo for a method that implements one EAP type (RASEAP.md §1.5, §3.2 step 3).
 * `entryPoints` names the type (dwEapTypeId) and the entry points; its dwSizeInBytes is not read.
 * Returns ERROR_INVALID_PARAMETER when `pEapInfo` is NULL and ERROR_NOT_SUPPORTED when
 * `dwEapTypeId` is another type (then `pEapInfo` is left as it is: a host probing for types
 * goes on to the next one). Otherwise fills `pEapInfo` with the type and the entry points
 * (dwSizeInBytes = sizeof(PPP_EAP_INFO): the method writes no more than that) and returns NO_ERROR. */
static inline DWORD RasEapFillInfo(DWORD dwEapTypeId, PPP_EAP_INFO* pEapInfo, const PPP_EAP_INFO* entryPoints)
{
    if (!pEapInfo) {
        return ERROR_INVALID_PARAMETER;
    }
    if (dwEapTypeId != entryPoints->dwEapTypeId) {
        return ERROR_NOT_SUPPORTED;
    }
    *pEapInfo = *entryPoints;
    pEapInfo->dwSizeInBytes = (DWORD)sizeof *pEapInfo;
    return NO_ERROR;
}

#ifdef __cplusplus
}
#endif

#endif /* EAPSCOPE_RASEAP_METHOD_H */
