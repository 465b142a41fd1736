/* A test-only EAP method (type 200) whose one fault is chosen by the environment variable
 * EAPSCOPE_TEST_FAULT = "<fault>@<entry>", entry one of init, begin, make, end:
 *   segv      writes through a NULL pointer          abort     calls abort()
 *   exit      calls exit(3)                          stack     recurses until the stack overflows
 *   oom       allocates until malloc fails, then uses the NULL it got
 *   hang      never returns                          overflow  writes 3 bytes past cbSendPacket
 *   keepid    Begin keeps pwszIdentity; MakeMessage reads it later (INPUT_USED_AFTER_CALL)
 *   thread    Initialize starts a thread that sleeps forever
 *   print     every call prints to stdout (must not disturb the host protocol)
 * Without a fault it is a quiet method: Begin allocates a 64-byte work buffer, MakeMessage
 * does NoAction, End frees the work buffer. */
#include <eapscope/raseap.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const WCHAR* g_kept_identity;
char* volatile g_hoard;
void* volatile g_breadcrumb;

static int fault_is(const char* fault, const char* entry)
{
    const char* spec = getenv("EAPSCOPE_TEST_FAULT");
    char want[64];
    snprintf(want, sizeof want, "%s@%s", fault, entry);
    return spec != NULL && strcmp(spec, want) == 0;
}

#pragma GCC diagnostic ignored "-Winfinite-recursion"
static int recurse(int depth)
{
    volatile char frame[4096];
    frame[0] = (char)depth;
    return recurse(depth + 1) + frame[0];
}

static void* sleeper(void* unused)
{
    (void)unused;
    for (;;) sleep(1);
    return NULL;
}

static void run_faults(const char* entry)
{
    const char* spec = getenv("EAPSCOPE_TEST_FAULT");
    const char* at = spec != NULL ? strchr(spec, '@') : NULL;
    if (at != NULL && strcmp(at + 1, entry) == 0 && strncmp(spec, "print@", 6) != 0) {
        g_breadcrumb = malloc(32); /* the last event before the fault */
    }
    if (getenv("EAPSCOPE_TEST_FAULT") != NULL && strncmp(getenv("EAPSCOPE_TEST_FAULT"), "print@", 6) == 0) {
        printf("host-faults: %s prints to stdout\n", entry);
        fflush(stdout);
    }
    if (fault_is("segv", entry)) {
        volatile int* nowhere = NULL;
        *nowhere = 1;
    }
    if (fault_is("abort", entry)) abort();
    if (fault_is("exit", entry)) exit(3);
    if (fault_is("stack", entry)) recurse(0);
    if (fault_is("oom", entry)) {
        for (;;) {
            char* block = malloc(16u << 20);
            *(char**)block = g_hoard; /* the careless method: uses what malloc returned, NULL or not */
            g_hoard = block;
        }
    }
    if (fault_is("hang", entry)) {
        for (;;) sleep(1);
    }
}

static DWORD APIENTRY fault_initialize(BOOL fInitialize)
{
    run_faults(fInitialize ? "init" : "uninit");
    if (fInitialize && fault_is("thread", "init")) {
        pthread_t thread;
        pthread_create(&thread, NULL, sleeper, NULL);
        pthread_detach(thread);
    }
    return NO_ERROR;
}

static DWORD APIENTRY fault_begin(VOID** ppWorkBuffer, PPP_EAP_INPUT* pInput)
{
    run_faults("begin");
    if (fault_is("keepid", "make")) g_kept_identity = pInput->pwszIdentity;
    *ppWorkBuffer = calloc(1, 64);
    return *ppWorkBuffer ? NO_ERROR : ERROR_NOT_ENOUGH_MEMORY;
}

static DWORD APIENTRY fault_end(VOID* pWorkBuffer)
{
    run_faults("end");
    free(pWorkBuffer);
    return NO_ERROR;
}

static DWORD APIENTRY fault_make_message(VOID* pWorkBuf, PPP_EAP_PACKET* pReceivePacket, PPP_EAP_PACKET* pSendPacket,
                                         DWORD cbSendPacket, PPP_EAP_OUTPUT* pEapOutput, PPP_EAP_INPUT* pEapInput)
{
    (void)pWorkBuf;
    (void)pReceivePacket;
    (void)pEapInput;
    run_faults("make");
    pEapOutput->Action = EAPACTION_NoAction;
    if (fault_is("keepid", "make") && g_kept_identity != NULL) {
        volatile WCHAR first = g_kept_identity[0];
        (void)first;
    }
    if (fault_is("overflow", "make")) {
        memset(pSendPacket, 0x41, cbSendPacket + 3);
        pSendPacket->Code = 2;
        pSendPacket->Id = 1;
        pSendPacket->Length[0] = 0;
        pSendPacket->Length[1] = 6;
        pEapOutput->Action = EAPACTION_Send;
    }
    return NO_ERROR;
}

RASEAP_EXPORT DWORD APIENTRY RasEapGetInfo(DWORD dwEapTypeId, PPP_EAP_INFO* pInfo)
{
    if (dwEapTypeId != 200) return ERROR_NOT_SUPPORTED;
    memset(pInfo, 0, sizeof *pInfo);
    pInfo->dwSizeInBytes = sizeof *pInfo;
    pInfo->dwEapTypeId = 200;
    pInfo->RasEapInitialize = fault_initialize;
    pInfo->RasEapBegin = fault_begin;
    pInfo->RasEapEnd = fault_end;
    pInfo->RasEapMakeMessage = fault_make_message;
    return NO_ERROR;
}
