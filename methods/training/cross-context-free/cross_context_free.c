/* training-cross-context-free: EAP-MD5 that frees another context's state (see README.md). */
#include "../common/training_md5.h"

#include <stdlib.h>

RASEAP_EXPORT const DWORD RasEapRolesSupported = RAS_EAP_ROLE_AUTHENTICATOR | RAS_EAP_ROLE_AUTHENTICATEE;

#define SCRATCH_SIZE 32
#define MAX_CONTEXTS 64

/* Every live context, so the method can "tidy up" — the mistake below. */
static struct training_work* live_contexts[MAX_CONTEXTS];

static void remember(struct training_work* w)
{
    for (int i = 0; i < MAX_CONTEXTS; ++i) {
        if (!live_contexts[i]) {
            live_contexts[i] = w;
            return;
        }
    }
}

static void forget(struct training_work* w)
{
    for (int i = 0; i < MAX_CONTEXTS; ++i) {
        if (live_contexts[i] == w) {
            live_contexts[i] = NULL;
        }
    }
}

/* FAULT: thinks the other contexts' scratch blocks are stale and frees them — memory that
 * belongs to another live context (RASEAP.md §3.8: per-session state lives in its own work
 * buffer). The pointer is cleared, so nothing is freed twice and nothing leaks. */
static void free_other_contexts_scratch(const struct training_work* self)
{
    for (int i = 0; i < MAX_CONTEXTS; ++i) {
        struct training_work* other = live_contexts[i];
        if (other && other != self && other->fault_data) {
            free(other->fault_data);
            other->fault_data = NULL;
        }
    }
}

static DWORD APIENTRY tidy_begin(VOID** work_buffer, PPP_EAP_INPUT* in)
{
    DWORD error = training_begin(work_buffer, in);
    if (error == NO_ERROR) {
        struct training_work* w = *work_buffer;
        w->fault_data = calloc(1, SCRATCH_SIZE); /* this context's own scratch */
        free_other_contexts_scratch(w);
        remember(w);
    }
    return error;
}

static DWORD APIENTRY tidy_end(VOID* work_buffer)
{
    struct training_work* w = work_buffer;
    if (w) {
        forget(w);
        free(w->fault_data);
    }
    return training_end(w);
}

static const PPP_EAP_INFO entry_points = {
    .dwEapTypeId = EAPTYPE_MD5Challenge,
    .RasEapBegin = tidy_begin,
    .RasEapEnd = tidy_end,
    .RasEapMakeMessage = training_make_message,
};

RASEAP_EXPORT DWORD APIENTRY RasEapGetInfo(DWORD type, PPP_EAP_INFO* info)
{
    return RasEapFillInfo(type, info, &entry_points);
}
