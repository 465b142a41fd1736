/* training-reused-identifier: EAP-MD5 authenticator that reuses an Identifier (see README.md). */
#include "../common/training_md5.h"

#include <string.h>

RASEAP_EXPORT const DWORD RasEapRolesSupported = RAS_EAP_ROLE_AUTHENTICATOR;

static char rechallenged; /* fault_data points here once the second challenge went out */

/* "To be sure", the authenticator answers the first Response with a second challenge. */
static DWORD send_second_challenge(struct training_work* w, PPP_EAP_PACKET* send, DWORD cb_send,
                                   PPP_EAP_OUTPUT* out)
{
    /* FAULT: the new Request reuses the previous Identifier; it must be previous + 1 (mod 256)
     * (RFC 3748 §4.1; RASEAP.md §3.4 "Packet Id rules", §3.7 item 14). */
    BYTE id = w->request[1];
    DWORD error = training_build_challenge(w, id, cb_send);
    if (error != NO_ERROR || w->request_len > cb_send) {
        return error != NO_ERROR ? error : ERROR_INVALID_PARAMETER;
    }
    memcpy(send, w->request, w->request_len);
    out->Action = EAPACTION_SendWithTimeout;
    w->fault_data = &rechallenged;
    return NO_ERROR;
}

static DWORD APIENTRY rechallenging_make_message(VOID* work_buffer, PPP_EAP_PACKET* recv,
                                                 PPP_EAP_PACKET* send, DWORD cb_send, PPP_EAP_OUTPUT* out,
                                                 PPP_EAP_INPUT* in)
{
    struct training_work* w = work_buffer;
    if (w && w->authenticator && w->state == AUTH_WAIT_RESPONSE && !w->fault_data && recv && send && out &&
        recv->Code == EAPCODE_Response && recv->Id == w->request[1]) {
        return send_second_challenge(w, send, cb_send, out);
    }
    return training_make_message(work_buffer, recv, send, cb_send, out, in);
}

static const PPP_EAP_INFO entry_points = {
    .dwEapTypeId = EAPTYPE_MD5Challenge,
    .RasEapBegin = training_begin,
    .RasEapEnd = training_end,
    .RasEapMakeMessage = rechallenging_make_message,
};

RASEAP_EXPORT DWORD APIENTRY RasEapGetInfo(DWORD type, PPP_EAP_INFO* info)
{
    return RasEapFillInfo(type, info, &entry_points);
}
