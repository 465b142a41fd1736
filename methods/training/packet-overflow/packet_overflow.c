/* training-packet-overflow: EAP-MD5 that writes one byte past the send buffer (see README.md). */
#include "../common/training_md5.h"

RASEAP_EXPORT const DWORD RasEapRolesSupported = RAS_EAP_ROLE_AUTHENTICATOR | RAS_EAP_ROLE_AUTHENTICATEE;

static int sends(PPP_EAP_ACTION action)
{
    return action == EAPACTION_Send || action == EAPACTION_SendAndDone ||
           action == EAPACTION_SendWithTimeout || action == EAPACTION_SendWithTimeoutInteractive;
}

static DWORD APIENTRY overflowing_make_message(VOID* work_buffer, PPP_EAP_PACKET* recv, PPP_EAP_PACKET* send,
                                               DWORD cb_send, PPP_EAP_OUTPUT* out, PPP_EAP_INPUT* in)
{
    DWORD error = training_make_message(work_buffer, recv, send, cb_send, out, in);
    if (error == NO_ERROR && send && sends(out->Action)) {
        /* FAULT: "terminates" the packet with a zero byte at pSendPacket[cbSendPacket], one byte
         * past the buffer the host gave (RASEAP.md §3.7 item 13). */
        ((volatile BYTE*)send)[cb_send] = 0;
    }
    return error;
}

static const PPP_EAP_INFO entry_points = {
    .dwEapTypeId = EAPTYPE_MD5Challenge,
    .RasEapBegin = training_begin,
    .RasEapEnd = training_end,
    .RasEapMakeMessage = overflowing_make_message,
};

RASEAP_EXPORT DWORD APIENTRY RasEapGetInfo(DWORD type, PPP_EAP_INFO* info)
{
    return RasEapFillInfo(type, info, &entry_points);
}
