/* training-workbuffer-not-freed: EAP-MD5 whose RasEapEnd keeps the work buffer (see README.md). */
#include "../common/training_md5.h"

RASEAP_EXPORT const DWORD RasEapRolesSupported = RAS_EAP_ROLE_AUTHENTICATOR | RAS_EAP_ROLE_AUTHENTICATEE;

static DWORD APIENTRY forgetful_end(VOID* work_buffer)
{
    struct training_work* w = work_buffer;
    if (w) {
        training_release_contents(w); /* identity and password are freed… */
    }
    /* FAULT: …but not the work buffer itself: free(w) is missing. */
    return NO_ERROR;
}

static const PPP_EAP_INFO entry_points = {
    .dwEapTypeId = EAPTYPE_MD5Challenge,
    .RasEapBegin = training_begin,
    .RasEapEnd = forgetful_end,
    .RasEapMakeMessage = training_make_message,
};

RASEAP_EXPORT DWORD APIENTRY RasEapGetInfo(DWORD type, PPP_EAP_INFO* info)
{
    return RasEapFillInfo(type, info, &entry_points);
}
