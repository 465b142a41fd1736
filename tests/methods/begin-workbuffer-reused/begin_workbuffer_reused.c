/* Breaks BEGIN_WORKBUFFER_REUSED and nothing else: see the FAULT_BEGIN_WORKBUFFER_REUSED lines of ../common/test_md5.c. */
#define FAULT_BEGIN_WORKBUFFER_REUSED 1
#include "../common/test_md5.c"
