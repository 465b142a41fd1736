/* training-crash-in-end: EAP-MD5 whose RasEapEnd dereferences NULL (see README.md). */
#include "../common/training_md5.h"

#include <stddef.h>

RASEAP_EXPORT const DWORD RasEapRolesSupported = RAS_EAP_ROLE_AUTHENTICATOR | RAS_EAP_ROLE_AUTHENTICATEE;

/* The "statistics" the method updates when a context ends; nobody ever set it up. */
static int* volatile session_counter = NULL;

static DWORD APIENTRY crashing_end(VOID* work_buffer)
{
    DWORD result = training_end(work_buffer); /* everything is freed correctly first */
    /* FAULT: writes through a NULL pointer: SIGSEGV inside RasEapEnd. */
    ++*session_counter;
    return result;
}

static const PPP_EAP_INFO entry_points = {
    .dwEapTypeId = EAPTYPE_MD5Challenge,
    .RasEapBegin = training_begin,
    .RasEapEnd = crashing_end,
    .RasEapMakeMessage = training_make_message,
};

RASEAP_EXPORT DWORD APIENTRY RasEapGetInfo(DWORD type, PPP_EAP_INFO* info)
{
    return RasEapFillInfo(type, info, &entry_points);
}
