/* Breaks PACKET_BAD_CODE and nothing else: see the FAULT_PACKET_BAD_CODE lines of ../common/test_md5.c. */
#define FAULT_PACKET_BAD_CODE 1
#include "../common/test_md5.c"
