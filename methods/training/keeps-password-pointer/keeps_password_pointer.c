/* training-keeps-password-pointer: EAP-MD5 peer that keeps Begin's password pointer (see README.md). */
#include "../common/training_md5.h"

#include <stdlib.h>
#include <string.h>

RASEAP_EXPORT const DWORD RasEapRolesSupported = RAS_EAP_ROLE_AUTHENTICATEE;

static DWORD APIENTRY keeping_begin(VOID** work_buffer, PPP_EAP_INPUT* in)
{
    DWORD error = training_begin(work_buffer, in);
    if (error == NO_ERROR && !in->fAuthenticator) {
        struct training_work* w = *work_buffer;
        /* FAULT: keeps the host's pointer instead of relying on the copy; pwszPassword is valid
         * only during RasEapBegin (RASEAP.md §3.1: the method copies what it needs). */
        w->fault_data = in->pwszPassword;
    }
    return error;
}

/* Reads the password again "in case it changed", through the pointer kept from Begin. */
static void reread_password(struct training_work* w)
{
    size_t len = 0;
    char* fresh = training_utf16_to_utf8(w->fault_data, &len);
    if (fresh) {
        memset(w->password, 0, w->password_len);
        free(w->password);
        w->password = fresh;
        w->password_len = len;
    }
}

static DWORD APIENTRY rereading_make_message(VOID* work_buffer, PPP_EAP_PACKET* recv, PPP_EAP_PACKET* send,
                                             DWORD cb_send, PPP_EAP_OUTPUT* out, PPP_EAP_INPUT* in)
{
    struct training_work* w = work_buffer;
    if (w && !w->authenticator && recv && w->fault_data) {
        reread_password(w);
    }
    return training_make_message(work_buffer, recv, send, cb_send, out, in);
}

static const PPP_EAP_INFO entry_points = {
    .dwEapTypeId = EAPTYPE_MD5Challenge,
    .RasEapBegin = keeping_begin,
    .RasEapEnd = training_end,
    .RasEapMakeMessage = rereading_make_message,
};

RASEAP_EXPORT DWORD APIENTRY RasEapGetInfo(DWORD type, PPP_EAP_INFO* info)
{
    return RasEapFillInfo(type, info, &entry_points);
}
