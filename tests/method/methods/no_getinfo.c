/* A shared library that forgot RasEapGetInfo (LOAD_NO_GETINFO). */
#include <eapscope/raseap.h>

RASEAP_EXPORT DWORD APIENTRY RasEapGetInformation(DWORD type, PPP_EAP_INFO* info)
{
    (void)type;
    (void)info;
    return NO_ERROR;
}
