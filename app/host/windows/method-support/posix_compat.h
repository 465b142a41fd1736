/* Declarations of the POSIX calls posix_compat.c supplies to Windows builds of methods
 * (force-included: the methods' sources stay as they are for Linux). */
#ifndef EAPSCOPE_POSIX_COMPAT_H
#define EAPSCOPE_POSIX_COMPAT_H
int pause(void);
#endif
