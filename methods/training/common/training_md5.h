/*
 * The training skeleton: a correct EAP-MD5 (RFC 3748 §5.4, type 4), both roles, copied from the
 * bundled methods/md5. Every training method wraps these entry points and breaks exactly one
 * rule in its own folder; nothing here is faulty.
 */
#ifndef EAPSCOPE_TRAINING_MD5_H
#define EAPSCOPE_TRAINING_MD5_H

#include <eapscope/raseap.h>
#include <eapscope/raseap_method.h> /* RasEapFillInfo: each training method's RasEapGetInfo */

#include <stddef.h>

#define TRAINING_VALUE_SIZE 16
#define TRAINING_HEADER 6 /* Code, Id, Length[2], Type, Value-Size */
#define TRAINING_NAME "Training"
#define TRAINING_MAX_PACKET 1024

enum training_state {
    AUTH_INITIAL,       /* Begin done, nothing sent */
    AUTH_WAIT_RESPONSE, /* challenge sent (and maybe resent) */
    AUTH_WAIT_BACKEND,  /* Authenticate returned, waiting for fAuthenticationComplete */
    PEER_WAIT_REQUEST,  /* nothing answered yet */
    PEER_ANSWERED,      /* a Response went out */
    DONE
};

/* The work buffer (RASEAP.md §3.1: allocated in Begin, freed in End). */
struct training_work {
    BOOL authenticator;
    enum training_state state;
    BYTE initial_id;
    char* identity; /* UTF-8 copies made during Begin */
    size_t identity_len;
    char* password; /* peer only */
    size_t password_len;
    /* authenticator */
    BYTE challenge[TRAINING_VALUE_SIZE];
    BYTE request[TRAINING_HEADER + TRAINING_VALUE_SIZE + sizeof(TRAINING_NAME) - 1];
    DWORD request_len;
    BYTE response_id;
    BYTE chap_password[1 + TRAINING_VALUE_SIZE];
    RAS_AUTH_ATTRIBUTE attributes[4];
    /* peer */
    BYTE last_request[TRAINING_MAX_PACKET];
    DWORD last_request_len;
    BYTE last_response[TRAINING_HEADER + TRAINING_VALUE_SIZE];
    /* free for the fault's own use; the skeleton never touches it */
    void* fault_data;
};

DWORD APIENTRY training_begin(VOID** work_buffer, PPP_EAP_INPUT* in);
DWORD APIENTRY training_make_message(VOID* work_buffer, PPP_EAP_PACKET* recv, PPP_EAP_PACKET* send,
                                     DWORD cb_send, PPP_EAP_OUTPUT* out, PPP_EAP_INPUT* in);
/* Frees the work buffer and everything it points to (except fault_data). */
DWORD APIENTRY training_end(VOID* work_buffer);

/* Frees what the work buffer points to (identity, password), not the work buffer itself. */
void training_release_contents(struct training_work* w);

/* Builds a fresh Request/MD5-Challenge with a new random value and Identifier id into w->request. */
DWORD training_build_challenge(struct training_work* w, BYTE id, DWORD cb_send);

/* UTF-16 (NUL-terminated, may be NULL) to a fresh malloc'd NUL-terminated UTF-8 string. */
char* training_utf16_to_utf8(const WCHAR* text, size_t* out_len);

#endif
