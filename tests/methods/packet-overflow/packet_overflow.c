/* Breaks PACKET_OVERFLOW and nothing else: see the FAULT_PACKET_OVERFLOW lines of ../common/test_md5.c. */
#define FAULT_PACKET_OVERFLOW 1
#include "../common/test_md5.c"
