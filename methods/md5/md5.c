/*
 * EAP-MD5 (RFC 3748 §5.4) as a RAS EAP extension method, both roles in one library.
 * Built only against the public SDK header <eapscope/raseap.h> and OpenSSL, like a method
 * written by anyone else.
 *
 * Authenticator: Request/MD5-Challenge with a random 16-byte value, then EAPACTION_Authenticate
 * with MD5-CHAP attributes so the back end verifies the answer (RASEAP.md §3.4), then
 * Success/Failure with SendAndDone. Peer: answers each challenge with
 * MD5(Identifier || password || challenge) (RFC 1994 §4.1). Anything malformed or unexpected is
 * dropped with ERROR_PPP_INVALID_PACKET (RASEAP.md §3.4) and the session goes on.
 */
#include <eapscope/raseap.h>
#include <eapscope/raseap_method.h>

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <stdlib.h>
#include <string.h>

#define MD5_TYPE EAPTYPE_MD5Challenge
#define MD5_VALUE_SIZE 16
#define MD5_HEADER 6 /* Code, Id, Length[2], Type, Value-Size */
#define MD5_NAME "EapScope"
#define MD5_MAX_PACKET 1024 /* what a peer Request may be for duplicate detection */

RASEAP_EXPORT const DWORD RasEapRolesSupported = RAS_EAP_ROLE_AUTHENTICATOR | RAS_EAP_ROLE_AUTHENTICATEE;

enum md5_state {
    AUTH_INITIAL,       /* Begin done, nothing sent */
    AUTH_WAIT_RESPONSE, /* challenge sent (and maybe resent) */
    AUTH_WAIT_BACKEND,  /* Authenticate returned, waiting for fAuthenticationComplete */
    PEER_WAIT_REQUEST,  /* nothing answered yet */
    PEER_ANSWERED,      /* a Response went out */
    DONE
};

struct md5_work {
    BOOL authenticator;
    enum md5_state state;
    BYTE initial_id;
    char* identity; /* UTF-8, from Begin (copied: the host frees its buffers, RASEAP.md §3.1) */
    size_t identity_len;
    char* password; /* UTF-8, peer only */
    size_t password_len;
    /* authenticator */
    BYTE challenge[MD5_VALUE_SIZE];
    BYTE request[MD5_HEADER + MD5_VALUE_SIZE + sizeof(MD5_NAME) - 1];
    DWORD request_len;
    BYTE response_id;
    BYTE chap_password[1 + MD5_VALUE_SIZE]; /* Identifier + response, as raatMD5CHAPPassword */
    RAS_AUTH_ATTRIBUTE attributes[4];       /* method-owned until RasEapEnd (RASEAP.md §1.4) */
    /* peer */
    BYTE last_request[MD5_MAX_PACKET];
    DWORD last_request_len;
    BYTE last_response[MD5_HEADER + MD5_VALUE_SIZE];
};

/* UTF-16 (NUL-terminated, may be NULL) to a fresh NUL-terminated UTF-8 string (SDK helper). */
static char* utf16_to_utf8(const WCHAR* text, size_t* out_len)
{
    char* out = malloc(3 * RasEapUtf16Length(text) + 1);
    if (out) {
        *out_len = RasEapUtf16ToUtf8(text, out);
    }
    return out;
}

/* RFC 1994 §4.1: Response Value = MD5(Identifier || secret || Challenge). */
static int chap_md5(BYTE id, const char* secret, size_t secret_len, const BYTE* challenge,
                    size_t challenge_len, BYTE out[MD5_VALUE_SIZE])
{
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    unsigned int len = 0;
    int ok = ctx && EVP_DigestInit_ex(ctx, EVP_md5(), NULL) && EVP_DigestUpdate(ctx, &id, 1) &&
             EVP_DigestUpdate(ctx, secret, secret_len) && EVP_DigestUpdate(ctx, challenge, challenge_len) &&
             EVP_DigestFinal_ex(ctx, out, &len);
    EVP_MD_CTX_free(ctx);
    return ok && len == MD5_VALUE_SIZE;
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
    if (p->Code != code || length < MD5_HEADER || bytes[4] != MD5_TYPE) {
        return 0;
    }
    DWORD value_size = bytes[5];
    if (value_size == 0 || MD5_HEADER + value_size > length) {
        return 0;
    }
    return memchr(bytes + MD5_HEADER + value_size, 0, length - MD5_HEADER - value_size) == NULL;
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
static DWORD build_challenge(struct md5_work* w, DWORD cb_send)
{
    if (RAND_bytes(w->challenge, MD5_VALUE_SIZE) != 1) {
        return ERROR_AUTH_INTERNAL;
    }
    size_t name_len = strlen(MD5_NAME);
    if (MD5_HEADER + MD5_VALUE_SIZE + name_len > cb_send) {
        name_len = 0; /* the Name is optional (RFC 1994 §4.1) */
    }
    BYTE* r = w->request;
    r[0] = EAPCODE_Request;
    r[1] = w->initial_id; /* first packet uses bInitialId (RASEAP.md §3.4) */
    r[4] = MD5_TYPE;
    r[5] = MD5_VALUE_SIZE;
    memcpy(r + MD5_HEADER, w->challenge, MD5_VALUE_SIZE);
    memcpy(r + MD5_HEADER + MD5_VALUE_SIZE, MD5_NAME, name_len);
    w->request_len = (DWORD)(MD5_HEADER + MD5_VALUE_SIZE + name_len);
    RasEapSetPacketLength((PPP_EAP_PACKET*)r, w->request_len);
    return NO_ERROR;
}

/* Attributes for the back end (RASEAP.md §3.4 Authenticate): user name and MD5-CHAP. */
static void fill_chap_attributes(struct md5_work* w, const BYTE* response)
{
    w->chap_password[0] = response[1];
    memcpy(w->chap_password + 1, response + MD5_HEADER, MD5_VALUE_SIZE);
    RAS_AUTH_ATTRIBUTE* a = w->attributes;
    a[0] = (RAS_AUTH_ATTRIBUTE){raatUserName, (DWORD)w->identity_len, w->identity};
    a[1] = (RAS_AUTH_ATTRIBUTE){raatMD5CHAPPassword, sizeof w->chap_password, w->chap_password};
    a[2] = (RAS_AUTH_ATTRIBUTE){raatMD5CHAPChallenge, MD5_VALUE_SIZE, w->challenge};
    a[3] = (RAS_AUTH_ATTRIBUTE){raatMinimum, 0, NULL};
}

static DWORD auth_send_result(struct md5_work* w, const PPP_EAP_INPUT* in, PPP_EAP_PACKET* send,
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

static DWORD auth_make_message(struct md5_work* w, const PPP_EAP_PACKET* recv, PPP_EAP_PACKET* send,
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
            DWORD error = build_challenge(w, cb_send);
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
        recv->Id != w->request[1] || bytes[5] != MD5_VALUE_SIZE) {
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

static DWORD peer_answer(struct md5_work* w, const PPP_EAP_PACKET* recv, PPP_EAP_PACKET* send, DWORD cb_send,
                         PPP_EAP_OUTPUT* out)
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
        r[4] = MD5_TYPE;
        r[5] = MD5_VALUE_SIZE;
        RasEapSetPacketLength((PPP_EAP_PACKET*)r, sizeof w->last_response);
        if (!chap_md5(recv->Id, w->password, w->password_len, bytes + MD5_HEADER, bytes[5], r + MD5_HEADER)) {
            return ERROR_AUTH_INTERNAL;
        }
        w->last_request_len = length <= MD5_MAX_PACKET ? length : 0;
        memcpy(w->last_request, bytes, w->last_request_len);
    }
    DWORD error = send_copy(w->last_response, sizeof w->last_response, send, cb_send);
    if (error == NO_ERROR) {
        set_output(out, EAPACTION_Send, 0);
        w->state = PEER_ANSWERED;
    }
    return error;
}

static DWORD peer_make_message(struct md5_work* w, const PPP_EAP_PACKET* recv, PPP_EAP_PACKET* send,
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

static DWORD APIENTRY md5_end(VOID* work_buffer)
{
    struct md5_work* w = work_buffer;
    if (w) { /* methods accept NULL (RASEAP.md §3.5) */
        free_secret(w->identity, w->identity_len);
        free_secret(w->password, w->password_len);
        memset(w, 0, sizeof *w);
        free(w);
    }
    return NO_ERROR;
}

static DWORD APIENTRY md5_begin(VOID** work_buffer, PPP_EAP_INPUT* in)
{
    if (!work_buffer || !in) {
        return ERROR_INVALID_PARAMETER;
    }
    if (in->fFlags & RAS_EAP_FLAG_MACHINE_AUTH) {
        return ERROR_NOT_SUPPORTED; /* RASEAP.md §3.3: unsupported machine authentication is an error */
    }
    struct md5_work* w = calloc(1, sizeof *w);
    if (!w) {
        return ERROR_NOT_ENOUGH_MEMORY;
    }
    w->authenticator = in->fAuthenticator;
    w->state = in->fAuthenticator ? AUTH_INITIAL : PEER_WAIT_REQUEST;
    w->initial_id = in->bInitialId;
    w->identity = utf16_to_utf8(in->pwszIdentity, &w->identity_len);
    w->password = utf16_to_utf8(in->fAuthenticator ? NULL : in->pwszPassword, &w->password_len);
    if (!w->identity || !w->password) {
        md5_end(w);
        return ERROR_NOT_ENOUGH_MEMORY;
    }
    *work_buffer = w;
    return NO_ERROR;
}

static DWORD APIENTRY md5_make_message(VOID* work_buffer, PPP_EAP_PACKET* recv, PPP_EAP_PACKET* send,
                                       DWORD cb_send, PPP_EAP_OUTPUT* out, PPP_EAP_INPUT* in)
{
    struct md5_work* w = work_buffer;
    if (!w || !out || !in || !send) {
        return ERROR_INVALID_PARAMETER;
    }
    if (w->authenticator) {
        return auth_make_message(w, recv, send, cb_send, out, in);
    }
    return peer_make_message(w, recv, send, cb_send, out, in);
}

static const PPP_EAP_INFO md5_entry_points = {
    .dwEapTypeId = MD5_TYPE,
    .RasEapInitialize = NULL, /* nothing to set up: hosts must honour NULL (RASEAP.md §1.5) */
    .RasEapBegin = md5_begin,
    .RasEapEnd = md5_end,
    .RasEapMakeMessage = md5_make_message,
};

RASEAP_EXPORT DWORD APIENTRY RasEapGetInfo(DWORD type, PPP_EAP_INFO* info)
{
    return RasEapFillInfo(type, info, &md5_entry_points);
}
