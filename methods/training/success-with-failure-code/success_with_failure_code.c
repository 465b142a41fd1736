/* training-success-with-failure-code: EAP-MD5 authenticator with an inconsistent result (see README.md). */
#include "../common/training_md5.h"

RASEAP_EXPORT const DWORD RasEapRolesSupported = RAS_EAP_ROLE_AUTHENTICATOR;

static DWORD APIENTRY inconsistent_make_message(VOID* work_buffer, PPP_EAP_PACKET* recv, PPP_EAP_PACKET* send,
                                                DWORD cb_send, PPP_EAP_OUTPUT* out, PPP_EAP_INPUT* in)
{
    DWORD error = training_make_message(work_buffer, recv, send, cb_send, out, in);
    if (error == NO_ERROR && send && out->Action == EAPACTION_SendAndDone && send->Code == EAPCODE_Success) {
        /* FAULT: a Success packet must go with dwAuthResultCode == NO_ERROR
         * (RASEAP.md §3.7 item 16); this one reports a failure. */
        out->dwAuthResultCode = ERROR_AUTHENTICATION_FAILURE;
    }
    return error;
}

static const PPP_EAP_INFO entry_points = {
    .dwEapTypeId = EAPTYPE_MD5Challenge,
    .RasEapBegin = training_begin,
    .RasEapEnd = training_end,
    .RasEapMakeMessage = inconsistent_make_message,
};

RASEAP_EXPORT DWORD APIENTRY RasEapGetInfo(DWORD type, PPP_EAP_INFO* info)
{
    return RasEapFillInfo(type, info, &entry_points);
}
