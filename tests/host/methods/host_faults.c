/* A test-only EAP method (type 200) whose one fault is chosen by the environment variable
 * EAPSCOPE_TEST_FAULT = "<fault>@<entry>", entry one of getinfo, init, begin, make, end:
 *   segv      writes through a NULL pointer          abort     calls abort()
 *   exit      calls exit(3)                          stack     recurses until the stack overflows
 *   oom       allocates until malloc fails, then uses the NULL it got
 *   hang      never returns                          overflow  writes 3 bytes past cbSendPacket
 *   keepid    Begin keeps pwszIdentity; MakeMessage reads it later (INPUT_USED_AFTER_CALL)
 *   thread    Initialize starts a thread that sleeps forever
 *   print     every call prints to stdout (must not disturb the host protocol)
 * "<fault>@<entry>-auth" / "-peer" strikes only in that role, and "<fault>@make-<role>#<n>" only
 * in the n-th MakeMessage of a context.
 * Without a fault it is a tiny working method: the authenticator sends one Request (type 200),
 * the peer answers with a Response, the authenticator ends with Success (SendAndDone), the
 * peer's MakeMessage on Success says Done. Begin allocates a 64-byte work buffer (its state),
 * End frees it. */
#include <eapscope/raseap.h>
#include <eapscope/raseap_method.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct work {
    BOOL authenticator;
    BYTE id;
    int makes;
};

static const WCHAR* g_kept_identity;
static const char* g_role = "";
static int g_make_count;
char* volatile g_hoard;
void* volatile g_breadcrumb;

static int fault_is(const char* fault, const char* entry)
{
    const char* spec = getenv("EAPSCOPE_TEST_FAULT");
    char want[64], in_role[64], nth[64];
    snprintf(want, sizeof want, "%s@%s", fault, entry);
    snprintf(in_role, sizeof in_role, "%s@%s-%s", fault, entry, g_role);
    snprintf(nth, sizeof nth, "%s@%s-%s#%d", fault, entry, g_role, g_make_count);
    return spec != NULL && (strcmp(spec, want) == 0 || strcmp(spec, in_role) == 0 || strcmp(spec, nth) == 0);
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
    for (;;)
        sleep(1);
    return NULL;
}

static void run_faults(const char* entry)
{
    const char* spec = getenv("EAPSCOPE_TEST_FAULT");
    const char* at = spec != NULL ? strchr(spec, '@') : NULL;
    if (at != NULL && strncmp(spec, "print@", 6) != 0) {
        char fault[32];
        snprintf(fault, sizeof fault, "%.*s", (int)(at - spec), spec);
        if (fault_is(fault, entry))
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
    if (fault_is("abort", entry))
        abort();
    if (fault_is("exit", entry))
        exit(3);
    if (fault_is("stack", entry))
        recurse(0);
    if (fault_is("oom", entry)) {
        for (;;) {
            char* block = malloc(16u << 20);
            *(char**)block = g_hoard; /* the careless method: uses what malloc returned, NULL or not */
            g_hoard = block;
        }
    }
    if (fault_is("hang", entry)) {
        for (;;)
            sleep(1);
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
    g_role = pInput->fAuthenticator ? "auth" : "peer";
    run_faults("begin");
    if (fault_is("keepid", "make"))
        g_kept_identity = pInput->pwszIdentity;
    struct work* w = calloc(1, 64);
    if (w == NULL)
        return ERROR_NOT_ENOUGH_MEMORY;
    w->authenticator = pInput->fAuthenticator;
    w->id = pInput->bInitialId;
    *ppWorkBuffer = w;
    return NO_ERROR;
}

static DWORD APIENTRY fault_end(VOID* pWorkBuffer)
{
    if (pWorkBuffer != NULL)
        g_role = ((struct work*)pWorkBuffer)->authenticator ? "auth" : "peer";
    run_faults("end");
    free(pWorkBuffer);
    return NO_ERROR;
}

static void put(PPP_EAP_PACKET* p, BYTE code, BYTE id, int with_type)
{
    p->Code = code;
    p->Id = id;
    p->Length[0] = 0;
    p->Length[1] = with_type ? 6 : 4;
    if (with_type) {
        BYTE* data = (BYTE*)p + 4;
        data[0] = 200;
        data[1] = 'x';
    }
}

/* The fault-free conversation: Request → Response → Success. */
static void converse(struct work* w, const PPP_EAP_PACKET* in, PPP_EAP_PACKET* out, DWORD cb,
                     PPP_EAP_OUTPUT* o)
{
    if (cb < 6)
        return;
    if (w->authenticator && in == NULL) {
        put(out, 1, w->id, 1);
        o->Action = EAPACTION_Send;
    } else if (w->authenticator && in->Code == 2) {
        put(out, 3, in->Id, 0);
        o->Action = EAPACTION_SendAndDone;
        o->dwAuthResultCode = NO_ERROR;
    } else if (!w->authenticator && in != NULL && in->Code == 1) {
        put(out, 2, in->Id, 1);
        o->Action = EAPACTION_Send;
    } else if (!w->authenticator && in != NULL && in->Code == 3) {
        o->Action = EAPACTION_Done;
    }
}

static DWORD APIENTRY fault_make_message(VOID* pWorkBuf, PPP_EAP_PACKET* pReceivePacket,
                                         PPP_EAP_PACKET* pSendPacket, DWORD cbSendPacket,
                                         PPP_EAP_OUTPUT* pEapOutput, PPP_EAP_INPUT* pEapInput)
{
    (void)pEapInput;
    struct work* w = pWorkBuf;
    g_role = w->authenticator ? "auth" : "peer";
    g_make_count = ++w->makes;
    run_faults("make");
    pEapOutput->Action = EAPACTION_NoAction;
    converse(w, pReceivePacket, pSendPacket, cbSendPacket, pEapOutput);
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

static const PPP_EAP_INFO fault_entry_points = {
    .dwEapTypeId = 200,
    .RasEapInitialize = fault_initialize,
    .RasEapBegin = fault_begin,
    .RasEapEnd = fault_end,
    .RasEapMakeMessage = fault_make_message,
};

RASEAP_EXPORT DWORD APIENTRY RasEapGetInfo(DWORD dwEapTypeId, PPP_EAP_INFO* pInfo)
{
    if (dwEapTypeId != fault_entry_points.dwEapTypeId)
        return ERROR_NOT_SUPPORTED; /* a getinfo fault strikes only when type 200 is asked for */
    run_faults("getinfo");
    return RasEapFillInfo(dwEapTypeId, pInfo, &fault_entry_points);
}
