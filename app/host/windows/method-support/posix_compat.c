/* The one POSIX call a training method makes that Windows lacks: pause() (hang-in-makemessage
 * waits forever in it). */
#include "posix_compat.h"

#include <windows.h>

int pause(void)
{
    Sleep(INFINITE);
    return -1;
}
