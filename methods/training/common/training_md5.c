/*
 * The training skeleton: a correct EAP-MD5, both roles — a copy of methods/md5/md5.c with its
 * entry points exported to the training methods (see training_md5.h). Keep it correct: each
 * training method must break exactly one rule, in its own folder.
 */
#include "training_md5.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* UTF-16 (NUL-terminated, may be NULL) to a fresh NUL-terminated UTF-8 string. */
char* training_utf16_to_utf8(const WCHAR* text, size_t* out_len)
{
    size_t units = 0;
    while (text && text[units]) {
        ++units;
    }
    char* out = malloc(units * 3 + 1);
    size_t n = 0;
    for (size_t i = 0; out && i < units; ++i) {
        uint32_t c = text[i];
        if (c >= 0xD800 && c <= 0xDBFF && i + 1 < units && text[i + 1] >= 0xDC00 && text[i + 1] <= 0xDFFF) {
            c = 0x10000 + ((c - 0xD800) << 10) + (uint32_t)(text[++i] - 0xDC00);
        }
        if (c < 0x80) {
            out[n++] = (char)c;
        } else if (c < 0x800) {
            out[n++] = (char)(0xC0 | (c >> 6));
            out[n++] = (char)(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            out[n++] = (char)(0xE0 | (c >> 12));
            out[n++] = (char)(0x80 | ((c >> 6) & 0x3F));
            out[n++] = (char)(0x80 | (c & 0x3F));
        } else {
            out[n++] = (char)(0xF0 | (c >> 18));
            out[n++] = (char)(0x80 | ((c >> 12) & 0x3F));
            out[n++] = (char)(0x80 | ((c >> 6) & 0x3F));
            out[n++] = (char)(0x80 | (c & 0x3F));
        }
    }
    if (out) {
        out[n] = '\0';
        *out_len = n;
    }
    return out;
}

/* RFC 1994 §4.1: Response Value = MD5(Identifier || secret || Challenge). */
static int chap_md5(BYTE id, const char* secret, size_t secret_len, const BYTE* challenge,
                    size_t challenge_len, BYTE out[TRAINING_VALUE_SIZE])
{
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    unsigned int len = 0;
    int ok = ctx && EVP_DigestInit_ex(ctx, EVP_md5(), NULL) && EVP_DigestUpdate(ctx, &id, 1) &&
             EVP_DigestUpdate(ctx, secret, secret_len) && EVP_DigestUpdate(ctx, challenge, challenge_len) &&
             EVP_DigestFinal_ex(ctx, out, &len);
    EVP_MD_CTX_free(ctx);
    return ok && len == TRAINING_VALUE_SIZE;
}

/*
 * A Request/Response of our type that fits its Length (RFC 3748 §4, §5.4): Type, Value-Size >= 1
 * and the Value inside Length. RFC 1994 §4.1 puts no limit on the Name's content, but a NUL octet
 * only shows up where the Length claims more bytes than were sent (the host pads the received
 * buffer with zeros, RASEAP.md §1.2), so a Name containing one is taken as a malformed packet.
 */
static int valid_md5_packet(const PPP_EAP_PACKET* p, BYTE code)
{
    DWORD length = RasEapPacketLength(p);
    const BYTE* bytes = (const BYTE*)p;
    if (p->Code != code || length < TRAINING_HEADER || bytes[4] != EAPTYPE_MD5Challenge) {
        return 0;
    }
    DWORD value_size = bytes[5];
    if (value_size == 0 || TRAINING_HEADER + value_size > length) {
        return 0;
    }
    return memchr(bytes + TRAINING_HEADER + value_size, 0, length - TRAINING_HEADER - value_size) == NULL;
}

static void set_output(PPP_EAP_OUTPUT* out, PPP_EAP_ACTION action, DWORD result)
{
    out->Action = action;
    out->dwAuthResultCode = result;
}

static DWORD send_copy(const BYTE* packet, DWORD len, PPP_EAP_PACKET* send, DWORD cb_send)
{
    if (len > cb_send) {
        return ERROR_INVALID_PARAMETER; /* never write past cbSendPacket (RASEAP.md §3.7 item 13) */
    }
    memcpy(send, packet, len);
    return NO_ERROR;
}

/* ---- authenticator --------------------------------------------------------------------- */

/* The challenge, built once: a retransmission resends these exact bytes (RASEAP.md §3.7 item 14). */
DWORD training_build_challenge(struct training_work* w, BYTE id, DWORD cb_send)
{
    if (RAND_bytes(w->challenge, TRAINING_VALUE_SIZE) != 1) {
        return ERROR_AUTH_INTERNAL;
    }
    size_t name_len = strlen(TRAINING_NAME);
    if (TRAINING_HEADER + TRAINING_VALUE_SIZE + name_len > cb_send) {
        name_len = 0; /* the Name is optional (RFC 1994 §4.1) */
    }
    BYTE* r = w->request;
    r[0] = EAPCODE_Request;
    r[1] = id;
    r[4] = EAPTYPE_MD5Challenge;
    r[5] = TRAINING_VALUE_SIZE;
    memcpy(r + TRAINING_HEADER, w->challenge, TRAINING_VALUE_SIZE);
    memcpy(r + TRAINING_HEADER + TRAINING_VALUE_SIZE, TRAINING_NAME, name_len);
    w->request_len = (DWORD)(TRAINING_HEADER + TRAINING_VALUE_SIZE + name_len);
    RasEapSetPacketLength((PPP_EAP_PACKET*)r, w->request_len);
    return NO_ERROR;
}

/* Attributes for the back end (RASEAP.md §3.4 Authenticate): user name and MD5-CHAP. */
static void fill_chap_attributes(struct training_work* w, const BYTE* response)
{
    w->chap_password[0] = response[1];
    memcpy(w->chap_password + 1, response + TRAINING_HEADER, TRAINING_VALUE_SIZE);
    RAS_AUTH_ATTRIBUTE* a = w->attributes;
    a[0] = (RAS_AUTH_ATTRIBUTE){raatUserName, (DWORD)w->identity_len, w->identity};
    a[1] = (RAS_AUTH_ATTRIBUTE){raatMD5CHAPPassword, sizeof w->chap_password, w->chap_password};
    a[2] = (RAS_AUTH_ATTRIBUTE){raatMD5CHAPChallenge, TRAINING_VALUE_SIZE, w->challenge};
    a[3] = (RAS_AUTH_ATTRIBUTE){raatMinimum, 0, NULL};
}

static DWORD auth_send_result(struct training_work* w, const PPP_EAP_INPUT* in, PPP_EAP_PACKET* send,
                              DWORD cb_send, PPP_EAP_OUTPUT* out)
{
    DWORD result = in->dwAuthResultCode;
    BYTE packet[4] = {result == NO_ERROR ? EAPCODE_Success : EAPCODE_Failure, w->response_id, 0, 4};
    DWORD error = send_copy(packet, sizeof packet, send, cb_send); /* Id = last Response (RFC 3748 §4.2) */
    if (error == NO_ERROR) {
        set_output(out, EAPACTION_SendAndDone, result);
        w->state = DONE;
    }
    return error;
}

static DWORD auth_make_message(struct training_work* w, const PPP_EAP_PACKET* recv, PPP_EAP_PACKET* send,
                               DWORD cb_send, PPP_EAP_OUTPUT* out, const PPP_EAP_INPUT* in)
{
    if (w->state == DONE) {
        return recv ? ERROR_PPP_INVALID_PACKET : NO_ERROR;
    }
    if (w->state == AUTH_WAIT_BACKEND && !recv && in->fAuthenticationComplete) {
        return auth_send_result(w, in, send, cb_send, out);
    }
    if (!recv) {
        if (w->state == AUTH_INITIAL) {
            DWORD error = training_build_challenge(w, w->initial_id,
                                                   cb_send); /* first Id = bInitialId (RASEAP.md §3.4) */
            if (error != NO_ERROR) {
                return error;
            }
            w->state = AUTH_WAIT_RESPONSE;
        }
        if (w->state != AUTH_WAIT_RESPONSE) {
            set_output(out, EAPACTION_NoAction, 0);
            return NO_ERROR;
        }
        /* First send, or the retransmission timer fired (RASEAP.md §3.4): same bytes. */
        DWORD error = send_copy(w->request, w->request_len, send, cb_send);
        set_output(out, EAPACTION_SendWithTimeout, 0);
        return error;
    }
    const BYTE* bytes = (const BYTE*)recv;
    if (w->state != AUTH_WAIT_RESPONSE || !valid_md5_packet(recv, EAPCODE_Response) ||
        recv->Id != w->request[1] || bytes[5] != TRAINING_VALUE_SIZE) {
        return ERROR_PPP_INVALID_PACKET;
    }
    w->response_id = recv->Id;
    fill_chap_attributes(w, bytes);
    out->pUserAttributes = w->attributes;
    set_output(out, EAPACTION_Authenticate, 0);
    w->state = AUTH_WAIT_BACKEND;
    return NO_ERROR;
}

/* ---- peer ------------------------------------------------------------------------------ */

static DWORD peer_answer(struct training_work* w, const PPP_EAP_PACKET* recv, PPP_EAP_PACKET* send,
                         DWORD cb_send, PPP_EAP_OUTPUT* out)
{
    const BYTE* bytes = (const BYTE*)recv;
    DWORD length = RasEapPacketLength(recv);
    /* A duplicate Request gets the same Response (RFC 3748 §4.1; RASEAP.md §3.7 item 15). */
    int duplicate = w->state == PEER_ANSWERED && length == w->last_request_len &&
                    memcmp(bytes, w->last_request, length) == 0;
    if (!duplicate) {
        BYTE* r = w->last_response;
        r[0] = EAPCODE_Response;
        r[1] = recv->Id; /* the Response echoes the Request's Identifier */
        r[4] = EAPTYPE_MD5Challenge;
        r[5] = TRAINING_VALUE_SIZE;
        RasEapSetPacketLength((PPP_EAP_PACKET*)r, sizeof w->last_response);
        if (!chap_md5(recv->Id, w->password, w->password_len, bytes + TRAINING_HEADER, bytes[5],
                      r + TRAINING_HEADER)) {
            return ERROR_AUTH_INTERNAL;
        }
        w->last_request_len = length <= TRAINING_MAX_PACKET ? length : 0;
        memcpy(w->last_request, bytes, w->last_request_len);
    }
    DWORD error = send_copy(w->last_response, sizeof w->last_response, send, cb_send);
    if (error == NO_ERROR) {
        set_output(out, EAPACTION_Send, 0);
        w->state = PEER_ANSWERED;
    }
    return error;
}

static DWORD peer_make_message(struct training_work* w, const PPP_EAP_PACKET* recv, PPP_EAP_PACKET* send,
                               DWORD cb_send, PPP_EAP_OUTPUT* out, const PPP_EAP_INPUT* in)
{
    if (w->state == DONE) {
        return recv ? ERROR_PPP_INVALID_PACKET : NO_ERROR;
    }
    if (!recv) {
        /* Implied success (RASEAP.md §3.4) or an initial NULL call, which robust peers accept. */
        int implied = in->fSuccessPacketReceived && w->state == PEER_ANSWERED;
        set_output(out, implied ? EAPACTION_Done : EAPACTION_NoAction, 0);
        w->state = implied ? DONE : w->state;
        return NO_ERROR;
    }
    if (RasEapPacketLength(recv) < 4) {
        return ERROR_PPP_INVALID_PACKET;
    }
    if (recv->Code == EAPCODE_Success && w->state == PEER_ANSWERED) {
        set_output(out, EAPACTION_Done, NO_ERROR);
        w->state = DONE;
        return NO_ERROR;
    }
    if (recv->Code == EAPCODE_Failure) {
        set_output(out, EAPACTION_Done, ERROR_AUTHENTICATION_FAILURE);
        w->state = DONE;
        return NO_ERROR;
    }
    if (!valid_md5_packet(recv, EAPCODE_Request)) {
        return ERROR_PPP_INVALID_PACKET;
    }
    return peer_answer(w, recv, send, cb_send, out);
}

/* ---- entry points (RASEAP.md §1.5, §3) -------------------------------------------------- */

static void free_secret(char* text, size_t len)
{
    if (text) {
        memset(text, 0, len);
        free(text);
    }
}

void training_release_contents(struct training_work* w)
{
    free_secret(w->identity, w->identity_len);
    free_secret(w->password, w->password_len);
    w->identity = w->password = NULL;
}

DWORD APIENTRY training_end(VOID* work_buffer)
{
    struct training_work* w = work_buffer;
    if (w) { /* methods accept NULL (RASEAP.md §3.5) */
        training_release_contents(w);
        memset(w, 0, sizeof *w);
        free(w);
    }
    return NO_ERROR;
}

DWORD APIENTRY training_begin(VOID** work_buffer, PPP_EAP_INPUT* in)
{
    if (!work_buffer || !in) {
        return ERROR_INVALID_PARAMETER;
    }
    if (in->fFlags & RAS_EAP_FLAG_MACHINE_AUTH) {
        return ERROR_NOT_SUPPORTED; /* RASEAP.md §3.3: unsupported machine authentication is an error */
    }
    struct training_work* w = calloc(1, sizeof *w);
    if (!w) {
        return ERROR_NOT_ENOUGH_MEMORY;
    }
    w->authenticator = in->fAuthenticator;
    w->state = in->fAuthenticator ? AUTH_INITIAL : PEER_WAIT_REQUEST;
    w->initial_id = in->bInitialId;
    w->identity = training_utf16_to_utf8(in->pwszIdentity, &w->identity_len);
    w->password = training_utf16_to_utf8(in->fAuthenticator ? NULL : in->pwszPassword, &w->password_len);
    if (!w->identity || !w->password) {
        training_end(w);
        return ERROR_NOT_ENOUGH_MEMORY;
    }
    *work_buffer = w;
    return NO_ERROR;
}

DWORD APIENTRY training_make_message(VOID* work_buffer, PPP_EAP_PACKET* recv, PPP_EAP_PACKET* send,
                                     DWORD cb_send, PPP_EAP_OUTPUT* out, PPP_EAP_INPUT* in)
{
    struct training_work* w = work_buffer;
    if (!w || !out || !in || !send) {
        return ERROR_INVALID_PARAMETER;
    }
    if (w->authenticator) {
        return auth_make_message(w, recv, send, cb_send, out, in);
    }
    return peer_make_message(w, recv, send, cb_send, out, in);
}
