/* Breaks LOAD_LIBRARY_FAILED and nothing else: a working EAP-MD5 that also needs a library
 * which is missing at run time (libeapscope-missing-dep.so exists only at link time), so the
 * system loader refuses it before RasEapGetInfo can be looked up. */
#include "../common/test_md5.c"

extern int eapscope_missing_dep_answer(void);

/* Referenced so the dependency stays in DT_NEEDED; never called. */
int (*volatile eapscope_keep_missing_dep)(void) = eapscope_missing_dep_answer;
