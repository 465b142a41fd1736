/*
 * EAP-MSCHAPv2 (draft-kamath-pppext-eap-mschapv2-02, MS-CHAPv2 of RFC 2759, keys of RFC 3079)
 * as a RAS EAP extension method, both roles. Built only against <eapscope/raseap.h> and OpenSSL.
 *
 * Packet (after the EAP header and Type 26): OpCode, MS-CHAPv2-ID, MS-Length[2] (= EAP Length
 * - 5), then per OpCode: Challenge (1) Value-Size 16, Challenge, Name; Response (2) Value-Size
 * 49, Peer-Challenge[16] Reserved[8] NT-Response[24] Flags, Name; Success (3) / Failure (4)
 * Requests carry a message ("S=<auth response> M=…" / "E=691 R=0 C=<challenge> V=3 M=…"), and
 * the peer acknowledges each with a Response holding the OpCode alone.
 *
 * Authenticator: does not know the password. It hands MS-CHAP-Challenge and MS-CHAP2-Response
 * (RFC 2548 Microsoft VSAs) to the back end with EAPACTION_Authenticate (RASEAP.md §3.4); the
 * back end answers MS-CHAP2-Success and the MS-MPPE keys, which the method sends on and reports
 * with its final SendAndDone. Peer: computes everything itself and reports its MPPE keys with
 * Done. Malformed or unexpected packets are dropped with ERROR_PPP_INVALID_PACKET.
 */
#include "mschapv2_crypto.h"

#include <eapscope/raseap.h>
#include <eapscope/raseap_method.h>

#include <openssl/rand.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MSCHAPV2_TYPE 26
#define OP_CHALLENGE 1
#define OP_RESPONSE 2
#define OP_SUCCESS 3
#define OP_FAILURE 4
#define HEADER 9 /* Code Id Length[2] Type OpCode MS-CHAPv2-ID MS-Length[2] */
#define VALUE_OFFSET 10
#define RESPONSE_VALUE_SIZE 49
#define SERVER_NAME "EapScope"
#define MAX_PACKET 1024
#define MS_VENDOR_CHALLENGE 11 /* RFC 2548 §2.3.1 MS-CHAP-Challenge */
#define MS_VENDOR_RESPONSE 25  /* §2.3.2 MS-CHAP2-Response */
#define MS_VENDOR_SUCCESS 26   /* §2.3.3 MS-CHAP2-Success */

RASEAP_EXPORT const DWORD RasEapRolesSupported = RAS_EAP_ROLE_AUTHENTICATOR | RAS_EAP_ROLE_AUTHENTICATEE;

enum state {
    AUTH_INITIAL,
    AUTH_WAIT_RESPONSE, /* Challenge out */
    AUTH_WAIT_BACKEND,  /* Authenticate returned */
    AUTH_WAIT_SUCCESS_ACK,
    AUTH_WAIT_FAILURE_ACK,
    PEER_WAIT_CHALLENGE,
    PEER_ANSWERED,      /* Response out, waiting for Success/Failure Request */
    PEER_SUCCESS_ACKED, /* the authenticator proved the password: keys valid */
    PEER_FAILURE_ACKED,
    DONE
};

struct work {
    BOOL authenticator;
    enum state state;
    BYTE next_id; /* authenticator: Id of the next new Request */
    char* identity;
    size_t identity_len;
    char* password; /* peer only */
    size_t password_len;
    BYTE auth_challenge[16];
    BYTE peer_challenge[16];
    BYTE nt_response[24];
    BYTE ms_id;
    /* the last packet we sent (Request to resend on timeout, Response to repeat for a duplicate) */
    BYTE last_sent[MAX_PACKET];
    DWORD last_sent_len;
    BYTE last_request[MAX_PACKET]; /* peer: duplicate detection */
    DWORD last_request_len;
    BYTE last_response_id; /* authenticator: Success/Failure echo it */
    DWORD failure_code;    /* peer: E= of a Failure Request */
    /* output attributes, method-owned until RasEapEnd (RASEAP.md §1.4) */
    BYTE vsa_challenge[6 + 4 + 16];
    BYTE vsa_response[6 + 4 + 50];
    BYTE keys[2][RASEAP_MPPE_KEY_VSA_LENGTH];
    int have_keys;
    RAS_AUTH_ATTRIBUTE attributes[4];
};

static char* utf8_copy(const WCHAR* text, size_t* len)
{
    char* out = malloc(3 * RasEapUtf16Length(text) + 1);
    if (out) {
        *len = RasEapUtf16ToUtf8(text, out);
    }
    return out;
}

static void set_output(PPP_EAP_OUTPUT* out, PPP_EAP_ACTION action, DWORD result)
{
    out->Action = action;
    out->dwAuthResultCode = result;
}

static DWORD send_last(struct work* w, PPP_EAP_PACKET* send, DWORD cb_send)
{
    if (w->last_sent_len > cb_send) {
        return ERROR_INVALID_PARAMETER; /* never write past cbSendPacket (RASEAP.md §3.7 item 13) */
    }
    memcpy(send, w->last_sent, w->last_sent_len);
    return NO_ERROR;
}

/* Builds an EAP-MSCHAPv2 packet into last_sent: header, OpCode, MS-CHAPv2-ID, MS-Length, body. */
static void build(struct work* w, BYTE code, BYTE id, BYTE opcode, const BYTE* body, size_t body_len)
{
    BYTE* p = w->last_sent;
    if (body_len > MAX_PACKET - HEADER) {
        body_len = MAX_PACKET - HEADER;
    }
    p[0] = code;
    p[1] = id;
    p[4] = MSCHAPV2_TYPE;
    p[5] = opcode;
    p[6] = w->ms_id;
    DWORD len = (code == EAPCODE_Response && opcode != OP_RESPONSE) ? 6 : (DWORD)(HEADER + body_len);
    if (len > 6) {
        p[7] = (BYTE)((len - 5) >> 8);
        p[8] = (BYTE)((len - 5) & 0xFF);
        memcpy(p + HEADER, body, body_len);
    }
    w->last_sent_len = len;
    RasEapSetPacketLength((PPP_EAP_PACKET*)p, len);
}

/* An EAP-MSCHAPv2 packet of `code` whose own MS-Length agrees with its Length (the draft, §2). */
static int valid_packet(const PPP_EAP_PACKET* p, BYTE code, DWORD* length)
{
    *length = RasEapPacketLength(p);
    const BYTE* b = (const BYTE*)p;
    if (p->Code != code || *length < 6 || b[4] != MSCHAPV2_TYPE) {
        return 0;
    }
    if (*length == 6) { /* Success/Failure acknowledgement: OpCode alone */
        return code == EAPCODE_Response && (b[5] == OP_SUCCESS || b[5] == OP_FAILURE);
    }
    return *length >= HEADER && (((DWORD)b[7] << 8) | b[8]) == *length - 5;
}

static void hex(const BYTE* data, size_t len, char* out)
{
    static const char digits[] = "0123456789ABCDEF";
    for (size_t i = 0; i < len; ++i) {
        out[2 * i] = digits[data[i] >> 4];
        out[2 * i + 1] = digits[data[i] & 0x0F];
    }
    out[2 * len] = '\0';
}

/* ---- authenticator --------------------------------------------------------------------- */

static DWORD auth_challenge(struct work* w, PPP_EAP_PACKET* send, DWORD cb_send, PPP_EAP_OUTPUT* out)
{
    if (RAND_bytes(w->auth_challenge, 16) != 1) {
        return ERROR_AUTH_INTERNAL;
    }
    BYTE body[1 + 16 + sizeof SERVER_NAME];
    body[0] = 16;
    memcpy(body + 1, w->auth_challenge, 16);
    memcpy(body + 17, SERVER_NAME, sizeof SERVER_NAME - 1);
    w->ms_id = w->next_id; /* the draft lets the MS-CHAPv2-ID follow the EAP Identifier */
    build(w, EAPCODE_Request, w->next_id++, OP_CHALLENGE, body, 17 + sizeof SERVER_NAME - 1);
    w->state = AUTH_WAIT_RESPONSE;
    set_output(out, EAPACTION_SendWithTimeout, 0);
    return send_last(w, send, cb_send);
}

static void microsoft_vsa(BYTE* vsa, BYTE vendor_type, const BYTE* value, BYTE len)
{
    vsa[0] = 0, vsa[1] = 0, vsa[2] = 1, vsa[3] = 55; /* Vendor-Id 311 */
    vsa[4] = vendor_type;
    vsa[5] = (BYTE)(len + 2);
    memcpy(vsa + 6, value, len);
}

static DWORD auth_take_response(struct work* w, const BYTE* b, DWORD length, PPP_EAP_OUTPUT* out)
{
    if (b[5] != OP_RESPONSE || b[6] != w->ms_id || length < HEADER + 1 + RESPONSE_VALUE_SIZE ||
        b[9] != RESPONSE_VALUE_SIZE) {
        return ERROR_PPP_INVALID_PACKET;
    }
    const BYTE* value = b + VALUE_OFFSET;
    BYTE response[50]; /* RFC 2548 §2.3.2: Ident, Flags, Peer-Challenge, Reserved, Response */
    response[0] = w->ms_id;
    response[1] = value[48];
    memcpy(response + 2, value, 48);
    microsoft_vsa(w->vsa_challenge, MS_VENDOR_CHALLENGE, w->auth_challenge, 16);
    microsoft_vsa(w->vsa_response, MS_VENDOR_RESPONSE, response, 50);
    RAS_AUTH_ATTRIBUTE* a = w->attributes;
    a[0] = (RAS_AUTH_ATTRIBUTE){raatUserName, (DWORD)w->identity_len, w->identity};
    a[1] = (RAS_AUTH_ATTRIBUTE){raatVendorSpecific, 6 + 16, w->vsa_challenge};
    a[2] = (RAS_AUTH_ATTRIBUTE){raatVendorSpecific, 6 + 50, w->vsa_response};
    a[3] = (RAS_AUTH_ATTRIBUTE){raatMinimum, 0, NULL};
    w->last_response_id = b[1];
    out->pUserAttributes = w->attributes;
    set_output(out, EAPACTION_Authenticate, 0);
    w->state = AUTH_WAIT_BACKEND;
    return NO_ERROR;
}

/* The Microsoft VSA `vendor_type` among the back end's attributes; *len = its value length. */
static const BYTE* find_vsa(const RAS_AUTH_ATTRIBUTE* a, BYTE vendor_type, DWORD* len)
{
    for (int i = 0; a && a[i].raaType != raatMinimum && i < 256; ++i) {
        const BYTE* d = a[i].Value;
        if (a[i].raaType == raatVendorSpecific && d && a[i].dwLength >= 6 && d[0] == 0 && d[1] == 0 &&
            d[2] == 1 && d[3] == 55 && d[4] == vendor_type && d[5] >= 2 && d[5] + 4u <= a[i].dwLength) {
            *len = d[5] - 2u;
            return d + 6;
        }
    }
    return NULL;
}

/* Keeps the back end's MS-MPPE keys (its Send is ours: both are the authenticator's side). */
static void auth_keep_keys(struct work* w, const RAS_AUTH_ATTRIBUTE* a)
{
    DWORD send_len = 0, recv_len = 0;
    const BYTE* send = find_vsa(a, RASEAP_MS_MPPE_SEND_KEY, &send_len);
    const BYTE* recv = find_vsa(a, RASEAP_MS_MPPE_RECV_KEY, &recv_len);
    if (send && recv && send_len == RASEAP_MPPE_KEY_VSA_LENGTH - 6 && recv_len == send_len) {
        memcpy(w->keys[0], send - 6, RASEAP_MPPE_KEY_VSA_LENGTH);
        memcpy(w->keys[1], recv - 6, RASEAP_MPPE_KEY_VSA_LENGTH);
        w->have_keys = 1;
    }
}

static DWORD auth_backend_answered(struct work* w, const PPP_EAP_INPUT* in, PPP_EAP_PACKET* send,
                                   DWORD cb_send, PPP_EAP_OUTPUT* out)
{
    DWORD len = 0;
    const BYTE* success = find_vsa(in->pUserAttributes, MS_VENDOR_SUCCESS, &len);
    char message[160];
    if (in->dwAuthResultCode == NO_ERROR && success && len == 43 && success[1] == 'S' && success[2] == '=') {
        /* Success Request: the back end's authenticator response, proving it knew the password. */
        snprintf(message, sizeof message, "%.42s M=Authentication succeeded", (const char*)success + 1);
        auth_keep_keys(w, in->pUserAttributes);
        w->state = AUTH_WAIT_SUCCESS_ACK;
        build(w, EAPCODE_Request, w->next_id++, OP_SUCCESS, (const BYTE*)message, strlen(message));
    } else {
        /* RFC 2759 §6 failure packet: E=691 (or the back end's code), no retry, a fresh challenge. */
        BYTE fresh[16];
        char challenge[33];
        if (RAND_bytes(fresh, 16) != 1) {
            return ERROR_AUTH_INTERNAL;
        }
        hex(fresh, 16, challenge);
        DWORD code = in->dwAuthResultCode == NO_ERROR ? ERROR_AUTHENTICATION_FAILURE : in->dwAuthResultCode;
        snprintf(message, sizeof message, "E=%u R=0 C=%s V=3 M=Authentication failed", code, challenge);
        w->state = AUTH_WAIT_FAILURE_ACK;
        build(w, EAPCODE_Request, w->next_id++, OP_FAILURE, (const BYTE*)message, strlen(message));
    }
    set_output(out, EAPACTION_SendWithTimeout, 0);
    return send_last(w, send, cb_send);
}

static DWORD auth_finish(struct work* w, const BYTE* b, PPP_EAP_PACKET* send, DWORD cb_send,
                         PPP_EAP_OUTPUT* out)
{
    int success = w->state == AUTH_WAIT_SUCCESS_ACK;
    if (b[5] != (success ? OP_SUCCESS : OP_FAILURE) || b[1] != w->last_sent[1]) {
        return ERROR_PPP_INVALID_PACKET;
    }
    BYTE packet[4] = {success ? EAPCODE_Success : EAPCODE_Failure, b[1], 0, 4}; /* Id of the last Response */
    if (cb_send < sizeof packet) {
        return ERROR_INVALID_PARAMETER;
    }
    memcpy(send, packet, sizeof packet);
    if (success && w->have_keys) {
        RAS_AUTH_ATTRIBUTE* a = w->attributes;
        a[0] = (RAS_AUTH_ATTRIBUTE){raatVendorSpecific, RASEAP_MPPE_KEY_VSA_LENGTH, w->keys[0]};
        a[1] = (RAS_AUTH_ATTRIBUTE){raatVendorSpecific, RASEAP_MPPE_KEY_VSA_LENGTH, w->keys[1]};
        a[2] = (RAS_AUTH_ATTRIBUTE){raatMinimum, 0, NULL};
        out->pUserAttributes = a;
    }
    set_output(out, EAPACTION_SendAndDone, success ? NO_ERROR : ERROR_AUTHENTICATION_FAILURE);
    w->state = DONE;
    return NO_ERROR;
}

static DWORD auth_make_message(struct work* w, const PPP_EAP_PACKET* recv, PPP_EAP_PACKET* send,
                               DWORD cb_send, PPP_EAP_OUTPUT* out, const PPP_EAP_INPUT* in)
{
    if (w->state == DONE) {
        return recv ? ERROR_PPP_INVALID_PACKET : NO_ERROR;
    }
    if (!recv) {
        if (w->state == AUTH_WAIT_BACKEND && in->fAuthenticationComplete) {
            return auth_backend_answered(w, in, send, cb_send, out);
        }
        if (w->state == AUTH_INITIAL) {
            return auth_challenge(w, send, cb_send, out);
        }
        if (w->state == AUTH_WAIT_BACKEND) {
            set_output(out, EAPACTION_NoAction, 0);
            return NO_ERROR;
        }
        set_output(out, EAPACTION_SendWithTimeout, 0); /* retransmission: the same bytes (§3.4) */
        return send_last(w, send, cb_send);
    }
    DWORD length = 0;
    const BYTE* b = (const BYTE*)recv;
    if (!valid_packet(recv, EAPCODE_Response, &length) || recv->Id != w->last_sent[1]) {
        return ERROR_PPP_INVALID_PACKET;
    }
    if (w->state == AUTH_WAIT_RESPONSE) {
        return auth_take_response(w, b, length, out);
    }
    if (w->state == AUTH_WAIT_SUCCESS_ACK || w->state == AUTH_WAIT_FAILURE_ACK) {
        return auth_finish(w, b, send, cb_send, out);
    }
    return ERROR_PPP_INVALID_PACKET;
}

/* ---- peer ------------------------------------------------------------------------------ */

static DWORD peer_respond(struct work* w, PPP_EAP_PACKET* send, DWORD cb_send, PPP_EAP_OUTPUT* out,
                          enum state next)
{
    DWORD error = send_last(w, send, cb_send);
    if (error == NO_ERROR) {
        set_output(out, EAPACTION_Send, 0);
        w->state = next;
    }
    return error;
}

static DWORD peer_challenge(struct work* w, const BYTE* b, DWORD length, PPP_EAP_PACKET* send, DWORD cb_send,
                            PPP_EAP_OUTPUT* out)
{
    if (length < HEADER + 1 + 16 || b[9] != 16) {
        return ERROR_PPP_INVALID_PACKET;
    }
    memcpy(w->auth_challenge, b + VALUE_OFFSET, 16);
    if (RAND_bytes(w->peer_challenge, 16) != 1 ||
        !mschapv2_nt_response(w->auth_challenge, w->peer_challenge, w->identity, w->password,
                              w->nt_response)) {
        return ERROR_AUTH_INTERNAL;
    }
    BYTE body[1 + RESPONSE_VALUE_SIZE + MAX_PACKET];
    size_t name_len = w->identity_len < MAX_PACKET - HEADER - 50 ? w->identity_len : MAX_PACKET - HEADER - 50;
    body[0] = RESPONSE_VALUE_SIZE;
    memcpy(body + 1, w->peer_challenge, 16);
    memset(body + 17, 0, 8);
    memcpy(body + 25, w->nt_response, 24);
    body[49] = 0;                             /* Flags */
    memcpy(body + 50, w->identity, name_len); /* Name: the user name, domain included */
    w->ms_id = b[6];                          /* echo the MS-CHAPv2-ID */
    build(w, EAPCODE_Response, b[1], OP_RESPONSE, body, 50 + name_len);
    return peer_respond(w, send, cb_send, out, PEER_ANSWERED);
}

/* Success Request: "S=<40 hex>" must be what the password gives (RFC 2759 §8.8). */
static DWORD peer_success(struct work* w, const BYTE* b, DWORD length, PPP_EAP_PACKET* send, DWORD cb_send,
                          PPP_EAP_OUTPUT* out)
{
    char expected[43];
    if (!mschapv2_authenticator_response(w->password, w->nt_response, w->peer_challenge, w->auth_challenge,
                                         w->identity, expected)) {
        return ERROR_AUTH_INTERNAL;
    }
    if (length < HEADER + 42 || memcmp(b + HEADER, expected, 42) != 0) {
        /* The authenticator does not know the password: never trust it (RFC 2759 §8.8). */
        set_output(out, EAPACTION_Done, ERROR_AUTHENTICATION_FAILURE);
        w->state = DONE;
        return NO_ERROR;
    }
    w->ms_id = b[6];
    build(w, EAPCODE_Response, b[1], OP_SUCCESS, NULL, 0);
    BYTE send_key[16], recv_key[16];
    if (!mschapv2_peer_keys(w->password, w->nt_response, send_key, recv_key)) {
        return ERROR_AUTH_INTERNAL;
    }
    RasEapSetMppeKeyAttribute(&w->attributes[0], w->keys[0], RASEAP_MS_MPPE_SEND_KEY, send_key, 16);
    RasEapSetMppeKeyAttribute(&w->attributes[1], w->keys[1], RASEAP_MS_MPPE_RECV_KEY, recv_key, 16);
    w->attributes[2] = (RAS_AUTH_ATTRIBUTE){raatMinimum, 0, NULL};
    w->have_keys = 1;
    memset(send_key, 0, sizeof send_key);
    memset(recv_key, 0, sizeof recv_key);
    return peer_respond(w, send, cb_send, out, PEER_SUCCESS_ACKED);
}

/* Failure Request "E=eeeeeeeeee R=r C=… V=v M=…" (RFC 2759 §6): keep E for the result code. */
static DWORD peer_failure(struct work* w, const BYTE* b, DWORD length, PPP_EAP_PACKET* send, DWORD cb_send,
                          PPP_EAP_OUTPUT* out)
{
    char message[64] = {0};
    size_t n = length - HEADER < sizeof message - 1 ? length - HEADER : sizeof message - 1;
    memcpy(message, b + HEADER, n);
    unsigned code = 0;
    w->failure_code = sscanf(message, "E=%u", &code) == 1 && code != 0 ? code : ERROR_AUTHENTICATION_FAILURE;
    w->ms_id = b[6];
    build(w, EAPCODE_Response, b[1], OP_FAILURE, NULL, 0);
    return peer_respond(w, send, cb_send, out, PEER_FAILURE_ACKED);
}

static DWORD peer_result(struct work* w, BYTE code, PPP_EAP_OUTPUT* out)
{
    int success = code == EAPCODE_Success && w->state == PEER_SUCCESS_ACKED;
    if (success) {
        out->pUserAttributes = w->attributes;
    }
    DWORD failure = w->failure_code ? w->failure_code : ERROR_AUTHENTICATION_FAILURE;
    set_output(out, EAPACTION_Done, success ? NO_ERROR : failure);
    w->state = DONE;
    return NO_ERROR;
}

static DWORD peer_make_message(struct work* w, const PPP_EAP_PACKET* recv, PPP_EAP_PACKET* send,
                               DWORD cb_send, PPP_EAP_OUTPUT* out, const PPP_EAP_INPUT* in)
{
    if (w->state == DONE) {
        return recv ? ERROR_PPP_INVALID_PACKET : NO_ERROR;
    }
    if (!recv) {
        if (in->fSuccessPacketReceived && w->state == PEER_SUCCESS_ACKED) {
            return peer_result(w, EAPCODE_Success, out); /* implied success (RASEAP.md §3.4) */
        }
        set_output(out, EAPACTION_NoAction, 0);
        return NO_ERROR;
    }
    if (recv->Code == EAPCODE_Success || recv->Code == EAPCODE_Failure) {
        return peer_result(w, recv->Code, out);
    }
    DWORD length = 0;
    const BYTE* b = (const BYTE*)recv;
    if (!valid_packet(recv, EAPCODE_Request, &length) || length > MAX_PACKET) {
        return ERROR_PPP_INVALID_PACKET;
    }
    /* A duplicate Request gets the same Response (RFC 3748 §4.1; RASEAP.md §3.7 item 15). */
    if (w->last_sent_len && length == w->last_request_len && memcmp(b, w->last_request, length) == 0) {
        set_output(out, EAPACTION_Send, 0);
        return send_last(w, send, cb_send);
    }
    DWORD error = ERROR_PPP_INVALID_PACKET;
    if (b[5] == OP_CHALLENGE && w->state == PEER_WAIT_CHALLENGE) {
        error = peer_challenge(w, b, length, send, cb_send, out);
    } else if (b[5] == OP_SUCCESS && w->state == PEER_ANSWERED) {
        error = peer_success(w, b, length, send, cb_send, out);
    } else if (b[5] == OP_FAILURE && w->state == PEER_ANSWERED) {
        error = peer_failure(w, b, length, send, cb_send, out);
    }
    if (error == NO_ERROR) {
        memcpy(w->last_request, b, length);
        w->last_request_len = length;
    }
    return error;
}

/* ---- entry points (RASEAP.md §1.5, §3) -------------------------------------------------- */

static void free_secret(char* text, size_t len)
{
    if (text) {
        memset(text, 0, len);
        free(text);
    }
}

static DWORD APIENTRY mschapv2_end(VOID* work_buffer)
{
    struct work* w = work_buffer;
    if (w) { /* methods accept NULL (RASEAP.md §3.5) */
        free_secret(w->identity, w->identity_len);
        free_secret(w->password, w->password_len);
        memset(w, 0, sizeof *w);
        free(w);
    }
    return NO_ERROR;
}

static DWORD APIENTRY mschapv2_begin(VOID** work_buffer, PPP_EAP_INPUT* in)
{
    if (!work_buffer || !in) {
        return ERROR_INVALID_PARAMETER;
    }
    if (in->fFlags & RAS_EAP_FLAG_MACHINE_AUTH) {
        return ERROR_NOT_SUPPORTED; /* RASEAP.md §3.3 */
    }
    struct work* w = calloc(1, sizeof *w);
    if (!w) {
        return ERROR_NOT_ENOUGH_MEMORY;
    }
    w->authenticator = in->fAuthenticator;
    w->state = in->fAuthenticator ? AUTH_INITIAL : PEER_WAIT_CHALLENGE;
    w->next_id = in->bInitialId;
    w->identity = utf8_copy(in->pwszIdentity, &w->identity_len);
    w->password = utf8_copy(in->fAuthenticator ? NULL : in->pwszPassword, &w->password_len);
    if (!w->identity || !w->password) {
        mschapv2_end(w);
        return ERROR_NOT_ENOUGH_MEMORY;
    }
    *work_buffer = w;
    return NO_ERROR;
}

static DWORD APIENTRY mschapv2_make_message(VOID* work_buffer, PPP_EAP_PACKET* recv, PPP_EAP_PACKET* send,
                                            DWORD cb_send, PPP_EAP_OUTPUT* out, PPP_EAP_INPUT* in)
{
    struct work* w = work_buffer;
    if (!w || !out || !in || !send) {
        return ERROR_INVALID_PARAMETER;
    }
    if (w->authenticator) {
        return auth_make_message(w, recv, send, cb_send, out, in);
    }
    return peer_make_message(w, recv, send, cb_send, out, in);
}

static const PPP_EAP_INFO mschapv2_entry_points = {
    .dwEapTypeId = MSCHAPV2_TYPE,
    .RasEapBegin = mschapv2_begin,
    .RasEapEnd = mschapv2_end,
    .RasEapMakeMessage = mschapv2_make_message,
};

RASEAP_EXPORT DWORD APIENTRY RasEapGetInfo(DWORD type, PPP_EAP_INFO* info)
{
    return RasEapFillInfo(type, info, &mschapv2_entry_points);
}
