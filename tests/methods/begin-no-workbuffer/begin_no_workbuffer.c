/* Breaks BEGIN_NO_WORKBUFFER and nothing else: see the FAULT_BEGIN_NO_WORKBUFFER lines of ../common/test_md5.c. */
#define FAULT_BEGIN_NO_WORKBUFFER 1
#include "../common/test_md5.c"
