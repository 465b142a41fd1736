/* load-time-state: a correct EAP-MD5 (the training skeleton) that makes a table while the
 * library loads (a constructor: on Windows it runs in DllMain's DLL_PROCESS_ATTACH) and keeps
 * one block per context in it, a cache it means to keep for the life of the process. Each such
 * block is reachable only through the load-time block, so it is RETAINED, not a HEAP_LEAK, as
 * long as the host tracks what the library allocated while loading (a .so and a DLL alike). */
#include "../../../methods/training/common/training_md5.h"

#include <stdlib.h>

RASEAP_EXPORT const DWORD RasEapRolesSupported = RAS_EAP_ROLE_AUTHENTICATOR | RAS_EAP_ROLE_AUTHENTICATEE;

#define TABLE_SLOTS 64

static void** g_table; /* allocated while the library loads */
static unsigned g_next;

__attribute__((constructor)) static void make_table(void)
{
    g_table = calloc(TABLE_SLOTS, sizeof(void*));
}

static DWORD APIENTRY cache_begin(VOID** work_buffer, PPP_EAP_INPUT* in)
{
    const DWORD error = training_begin(work_buffer, in);
    if (error == NO_ERROR && g_table != NULL && g_next < TABLE_SLOTS) {
        g_table[g_next++] = malloc(48); /* kept on purpose, found through g_table only */
    }
    return error;
}

static const PPP_EAP_INFO entry_points = {
    .dwEapTypeId = EAPTYPE_MD5Challenge,
    .RasEapBegin = cache_begin,
    .RasEapEnd = training_end,
    .RasEapMakeMessage = training_make_message,
};

RASEAP_EXPORT DWORD APIENTRY RasEapGetInfo(DWORD type, PPP_EAP_INFO* info)
{
    return RasEapFillInfo(type, info, &entry_points);
}
