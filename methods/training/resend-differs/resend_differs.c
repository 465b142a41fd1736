/* training-resend-differs: EAP-MD5 authenticator whose retransmission differs (see README.md). */
#include "../common/training_md5.h"

RASEAP_EXPORT const DWORD RasEapRolesSupported = RAS_EAP_ROLE_AUTHENTICATOR;

static DWORD APIENTRY fresh_resend_make_message(VOID* work_buffer, PPP_EAP_PACKET* recv, PPP_EAP_PACKET* send,
                                                DWORD cb_send, PPP_EAP_OUTPUT* out, PPP_EAP_INPUT* in)
{
    struct training_work* w = work_buffer;
    if (w && w->authenticator && !recv && w->state == AUTH_WAIT_RESPONSE) {
        /* FAULT: the retransmission timer fired (a NULL call while waiting for the Response),
         * and instead of resending the same bytes the method draws a new challenge under the
         * same Identifier (RASEAP.md §3.4, §3.7 item 14: a resend is byte-identical). */
        DWORD error = training_build_challenge(w, w->request[1], cb_send);
        if (error != NO_ERROR) {
            return error;
        }
    }
    return training_make_message(work_buffer, recv, send, cb_send, out, in); /* sends w->request */
}

static const PPP_EAP_INFO entry_points = {
    .dwEapTypeId = EAPTYPE_MD5Challenge,
    .RasEapBegin = training_begin,
    .RasEapEnd = training_end,
    .RasEapMakeMessage = fresh_resend_make_message,
};

RASEAP_EXPORT DWORD APIENTRY RasEapGetInfo(DWORD type, PPP_EAP_INFO* info)
{
    return RasEapFillInfo(type, info, &entry_points);
}
