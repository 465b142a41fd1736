/* Breaks RESEND_DIFFERS and nothing else: see the FAULT_RESEND_DIFFERS lines of ../common/test_md5.c. */
#define FAULT_RESEND_DIFFERS 1
#include "../common/test_md5.c"
