/* training-hang-in-makemessage: EAP-MD5 whose RasEapMakeMessage never returns (see README.md). */
#include "../common/training_md5.h"

#include <unistd.h>

RASEAP_EXPORT const DWORD RasEapRolesSupported = RAS_EAP_ROLE_AUTHENTICATOR | RAS_EAP_ROLE_AUTHENTICATEE;

static DWORD APIENTRY hanging_make_message(VOID* work_buffer, PPP_EAP_PACKET* recv, PPP_EAP_PACKET* send,
                                           DWORD cb_send, PPP_EAP_OUTPUT* out, PPP_EAP_INPUT* in)
{
    (void)work_buffer, (void)recv, (void)send, (void)cb_send, (void)out, (void)in;
    /* FAULT: waits for an answer "from the network" inside the engine's call, forever
     * (RASEAP.md §3.4: MakeMessage must not block). */
    for (;;) {
        pause();
    }
    return NO_ERROR; /* never reached */
}

static const PPP_EAP_INFO entry_points = {
    .dwEapTypeId = EAPTYPE_MD5Challenge,
    .RasEapBegin = training_begin,
    .RasEapEnd = training_end,
    .RasEapMakeMessage = hanging_make_message,
};

RASEAP_EXPORT DWORD APIENTRY RasEapGetInfo(DWORD type, PPP_EAP_INFO* info)
{
    return RasEapFillInfo(type, info, &entry_points);
}
