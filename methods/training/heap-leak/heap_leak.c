/* training-heap-leak: EAP-MD5 that leaks one block per context (see README.md). */
#include "../common/training_md5.h"

#include <stdio.h>
#include <stdlib.h>

RASEAP_EXPORT const DWORD RasEapRolesSupported = RAS_EAP_ROLE_AUTHENTICATOR | RAS_EAP_ROLE_AUTHENTICATEE;

#define NOTE_SIZE 64

static DWORD APIENTRY leak_begin(VOID** work_buffer, PPP_EAP_INPUT* in)
{
    DWORD error = training_begin(work_buffer, in);
    if (error == NO_ERROR) {
        struct training_work* w = *work_buffer;
        char* note = malloc(NOTE_SIZE);
        if (note) {
            snprintf(note, NOTE_SIZE, "authenticating %s", w->identity);
        }
        /* FAULT: the note hangs off the work buffer, but RasEapEnd (training_end) never frees it. */
        w->fault_data = note;
    }
    return error;
}

static const PPP_EAP_INFO entry_points = {
    .dwEapTypeId = EAPTYPE_MD5Challenge,
    .RasEapBegin = leak_begin,
    .RasEapEnd = training_end,
    .RasEapMakeMessage = training_make_message,
};

RASEAP_EXPORT DWORD APIENTRY RasEapGetInfo(DWORD type, PPP_EAP_INFO* info)
{
    return RasEapFillInfo(type, info, &entry_points);
}
