/*
 * EAP-GTC, Generic Token Card (RFC 3748 §5.6), as a RAS EAP extension method, both roles.
 * Built only against the public SDK header <eapscope/raseap.h>.
 *
 * Authenticator: Request/GTC carrying a displayable prompt, then EAPACTION_Authenticate with
 * raatUserName + raatUserPassword so the back end checks the answer as PAP (RASEAP.md §3.4),
 * then Success/Failure with SendAndDone. Peer: answers every GTC Request with the password
 * (RFC 3748 §5.6: the Response carries the token card information, here the password; the
 * Request's message is for display only). GTC derives no keys. Anything malformed or unexpected
 * is dropped with ERROR_PPP_INVALID_PACKET (RASEAP.md §3.4) and the session goes on.
 */
#include <eapscope/raseap.h>
#include <eapscope/raseap_method.h>

#include <stdlib.h>
#include <string.h>

#define GTC_TYPE 6
#define GTC_HEADER 5 /* Code, Id, Length[2], Type */
#define GTC_PROMPT "Password: "
#define GTC_MAX_PACKET 1024 /* a Request kept for duplicate detection */
#define GTC_MAX_ANSWER 1019 /* what a Response may carry (RFC 3748 §3.1 MTU 1020 minus Type) */

RASEAP_EXPORT const DWORD RasEapRolesSupported = RAS_EAP_ROLE_AUTHENTICATOR | RAS_EAP_ROLE_AUTHENTICATEE;

enum gtc_state {
    AUTH_INITIAL,       /* Begin done, nothing sent */
    AUTH_WAIT_RESPONSE, /* prompt sent (and maybe resent) */
    AUTH_WAIT_BACKEND,  /* Authenticate returned, waiting for fAuthenticationComplete */
    PEER_WAIT_REQUEST,  /* nothing answered yet */
    PEER_ANSWERED,      /* a Response went out */
    DONE
};

struct gtc_work {
    BOOL authenticator;
    enum gtc_state state;
    BYTE initial_id;
    char* identity; /* UTF-8 copies: the host frees its buffers after the call (RASEAP.md §3.1) */
    size_t identity_len;
    char* password; /* peer only */
    size_t password_len;
    /* authenticator */
    BYTE request[GTC_HEADER + sizeof(GTC_PROMPT) - 1];
    BYTE response_id;
    char answer[GTC_MAX_ANSWER + 1];  /* the peer's answer, for raatUserPassword */
    RAS_AUTH_ATTRIBUTE attributes[3]; /* method-owned until RasEapEnd (RASEAP.md §1.4) */
    /* peer */
    BYTE last_request[GTC_MAX_PACKET];
    DWORD last_request_len;
    BYTE* last_response;
    DWORD last_response_len;
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

static DWORD send_copy(const BYTE* packet, DWORD len, PPP_EAP_PACKET* send, DWORD cb_send)
{
    if (len > cb_send) {
        return ERROR_INVALID_PARAMETER; /* never write past cbSendPacket (RASEAP.md §3.7 item 13) */
    }
    memcpy(send, packet, len);
    return NO_ERROR;
}

/* A Request/Response of type GTC whose Length is sane (RFC 3748 §4): the host guarantees the
 * Length bytes are readable (RASEAP.md §1.2). */
static int valid_gtc_packet(const PPP_EAP_PACKET* p, BYTE code)
{
    return p->Code == code && RasEapPacketLength(p) >= GTC_HEADER && p->Data[0] == GTC_TYPE;
}

/* ---- authenticator --------------------------------------------------------------------- */

static void build_prompt(struct gtc_work* w)
{
    BYTE* r = w->request;
    r[0] = EAPCODE_Request;
    r[1] = w->initial_id; /* first packet uses bInitialId (RASEAP.md §3.4) */
    r[4] = GTC_TYPE;
    memcpy(r + GTC_HEADER, GTC_PROMPT, sizeof(GTC_PROMPT) - 1);
    RasEapSetPacketLength((PPP_EAP_PACKET*)r, sizeof w->request);
}

static DWORD auth_send_result(struct gtc_work* w, const PPP_EAP_INPUT* in, PPP_EAP_PACKET* send,
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

static DWORD auth_take_response(struct gtc_work* w, const PPP_EAP_PACKET* recv, PPP_EAP_OUTPUT* out)
{
    DWORD length = RasEapPacketLength(recv);
    if (w->state != AUTH_WAIT_RESPONSE || !valid_gtc_packet(recv, EAPCODE_Response) ||
        recv->Id != w->request[1]) {
        return ERROR_PPP_INVALID_PACKET;
    }
    DWORD answer_len = length - GTC_HEADER;
    if (answer_len > GTC_MAX_ANSWER || memchr(recv->Data + 1, 0, answer_len) != NULL) {
        return ERROR_PPP_INVALID_PACKET; /* a NUL cannot be part of a PAP password */
    }
    memcpy(w->answer, recv->Data + 1, answer_len);
    w->answer[answer_len] = '\0';
    w->response_id = recv->Id;
    RAS_AUTH_ATTRIBUTE* a = w->attributes;
    a[0] = (RAS_AUTH_ATTRIBUTE){raatUserName, (DWORD)w->identity_len, w->identity};
    a[1] = (RAS_AUTH_ATTRIBUTE){raatUserPassword, answer_len, w->answer};
    a[2] = (RAS_AUTH_ATTRIBUTE){raatMinimum, 0, NULL};
    out->pUserAttributes = w->attributes;
    set_output(out, EAPACTION_Authenticate, 0);
    w->state = AUTH_WAIT_BACKEND;
    return NO_ERROR;
}

static DWORD auth_make_message(struct gtc_work* w, const PPP_EAP_PACKET* recv, PPP_EAP_PACKET* send,
                               DWORD cb_send, PPP_EAP_OUTPUT* out, const PPP_EAP_INPUT* in)
{
    if (w->state == DONE) {
        return recv ? ERROR_PPP_INVALID_PACKET : NO_ERROR;
    }
    if (w->state == AUTH_WAIT_BACKEND && !recv && in->fAuthenticationComplete) {
        return auth_send_result(w, in, send, cb_send, out);
    }
    if (recv) {
        return auth_take_response(w, recv, out);
    }
    if (w->state == AUTH_INITIAL) {
        build_prompt(w);
        w->state = AUTH_WAIT_RESPONSE;
    }
    if (w->state != AUTH_WAIT_RESPONSE) {
        set_output(out, EAPACTION_NoAction, 0);
        return NO_ERROR;
    }
    /* First send, or the retransmission timer fired (RASEAP.md §3.4): the same bytes. Counted
     * retries (action 5, not 6): a peer that never answers must end the session. */
    DWORD error = send_copy(w->request, sizeof w->request, send, cb_send);
    set_output(out, EAPACTION_SendWithTimeout, 0);
    return error;
}

/* ---- peer ------------------------------------------------------------------------------ */

static DWORD peer_answer(struct gtc_work* w, const PPP_EAP_PACKET* recv, PPP_EAP_PACKET* send, DWORD cb_send,
                         PPP_EAP_OUTPUT* out)
{
    DWORD length = RasEapPacketLength(recv);
    /* A duplicate Request gets the same Response (RFC 3748 §4.1; RASEAP.md §3.7 item 15). */
    int duplicate = w->state == PEER_ANSWERED && length == w->last_request_len &&
                    memcmp(recv, w->last_request, length) == 0;
    if (!duplicate) {
        if (w->password_len > GTC_MAX_ANSWER) {
            return ERROR_INVALID_PARAMETER;
        }
        BYTE* r = w->last_response;
        r[0] = EAPCODE_Response;
        r[1] = recv->Id; /* the Response echoes the Request's Identifier */
        r[4] = GTC_TYPE;
        memcpy(r + GTC_HEADER, w->password, w->password_len);
        w->last_response_len = (DWORD)(GTC_HEADER + w->password_len);
        RasEapSetPacketLength((PPP_EAP_PACKET*)r, w->last_response_len);
        w->last_request_len = length <= GTC_MAX_PACKET ? length : 0;
        memcpy(w->last_request, recv, w->last_request_len);
    }
    DWORD error = send_copy(w->last_response, w->last_response_len, send, cb_send);
    if (error == NO_ERROR) {
        set_output(out, EAPACTION_Send, 0);
        w->state = PEER_ANSWERED;
    }
    return error;
}

static DWORD peer_make_message(struct gtc_work* w, const PPP_EAP_PACKET* recv, PPP_EAP_PACKET* send,
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
    if (!valid_gtc_packet(recv, EAPCODE_Request)) {
        return ERROR_PPP_INVALID_PACKET;
    }
    return peer_answer(w, recv, send, cb_send, out);
}

/* ---- entry points (RASEAP.md §1.5, §3) -------------------------------------------------- */

static void free_secret(void* text, size_t len)
{
    if (text) {
        memset(text, 0, len);
        free(text);
    }
}

static DWORD APIENTRY gtc_end(VOID* work_buffer)
{
    struct gtc_work* w = work_buffer;
    if (w) { /* methods accept NULL (RASEAP.md §3.5) */
        free_secret(w->identity, w->identity_len);
        free_secret(w->password, w->password_len);
        free_secret(w->last_response, GTC_HEADER + w->password_len);
        memset(w, 0, sizeof *w);
        free(w);
    }
    return NO_ERROR;
}

static DWORD APIENTRY gtc_begin(VOID** work_buffer, PPP_EAP_INPUT* in)
{
    if (!work_buffer || !in) {
        return ERROR_INVALID_PARAMETER;
    }
    if (in->fFlags & RAS_EAP_FLAG_MACHINE_AUTH) {
        return ERROR_NOT_SUPPORTED; /* RASEAP.md §3.3: unsupported machine authentication is an error */
    }
    struct gtc_work* w = calloc(1, sizeof *w);
    if (!w) {
        return ERROR_NOT_ENOUGH_MEMORY;
    }
    w->authenticator = in->fAuthenticator;
    w->state = in->fAuthenticator ? AUTH_INITIAL : PEER_WAIT_REQUEST;
    w->initial_id = in->bInitialId;
    w->identity = utf8_copy(in->pwszIdentity, &w->identity_len);
    w->password = utf8_copy(in->fAuthenticator ? NULL : in->pwszPassword, &w->password_len);
    w->last_response = in->fAuthenticator ? NULL : malloc(GTC_HEADER + w->password_len);
    if (!w->identity || !w->password || (!in->fAuthenticator && !w->last_response)) {
        gtc_end(w);
        return ERROR_NOT_ENOUGH_MEMORY;
    }
    *work_buffer = w;
    return NO_ERROR;
}

static DWORD APIENTRY gtc_make_message(VOID* work_buffer, PPP_EAP_PACKET* recv, PPP_EAP_PACKET* send,
                                       DWORD cb_send, PPP_EAP_OUTPUT* out, PPP_EAP_INPUT* in)
{
    struct gtc_work* w = work_buffer;
    if (!w || !out || !in || !send) {
        return ERROR_INVALID_PARAMETER;
    }
    if (w->authenticator) {
        return auth_make_message(w, recv, send, cb_send, out, in);
    }
    return peer_make_message(w, recv, send, cb_send, out, in);
}

static const PPP_EAP_INFO gtc_entry_points = {
    .dwEapTypeId = GTC_TYPE,
    .RasEapBegin = gtc_begin,
    .RasEapEnd = gtc_end,
    .RasEapMakeMessage = gtc_make_message,
};

RASEAP_EXPORT DWORD APIENTRY RasEapGetInfo(DWORD type, PPP_EAP_INFO* info)
{
    return RasEapFillInfo(type, info, &gtc_entry_points);
}
