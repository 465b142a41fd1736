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

RASEAP_EXPORT DWORD APIENTRY RasEapGetInfo(DWORD type, PPP_EAP_INFO* info)
{
    return training_get_info(type, info, training_begin, forgetful_end, training_make_message);
}
