/* EAP-MD5 (RFC 3748 §5.4) written from RASEAP.md alone, by someone who is not the author of the
 * bundled md5: both roles in one library. Built clean it is "stranger-md5", the method a user
 * would write; each tests/methods/<rule>/ folder defines one FAULT_* macro and includes this
 * file, so every broken method breaks exactly one rule of the contract catalogue. */
#ifdef FAULT_NO_GETINFO
#define RasEapGetInfo RasEapGetInformation /* exported under the wrong name (RASEAP.md §4.2) */
#endif

#include "eapscope/raseap.h"

#include <openssl/evp.h>
#include <openssl/rand.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MD5_TYPE 4
#define VALUE_SIZE 16
#define REQUEST_LENGTH (4 + 1 + 1 + VALUE_SIZE)

typedef struct {
    BOOL authenticator;
    BYTE requestId;
    BYTE responseId;
    int state; /* authenticator: 0 start, 1 challenge sent, 2 back end asked, 3 done */
    BYTE challenge[VALUE_SIZE];
    BYTE request[REQUEST_LENGTH];
    char identity[256];
    char password[256];
    BYTE chap[1 + VALUE_SIZE];
    RAS_AUTH_ATTRIBUTE attributes[5];
} Work;

#if defined(FAULT_BEGIN_NO_WORKBUFFER) || defined(FAULT_BEGIN_WORKBUFFER_REUSED)
static Work g_work; /* the fault: one state for every context */
#endif

static void narrow(const WCHAR* in, char* out, size_t size)
{
    size_t i = 0;
    for (; in != NULL && in[i] != 0 && i + 1 < size; ++i) {
        out[i] = (char)in[i]; /* identities and passwords of the tests are ASCII */
    }
    out[i] = '\0';
}

static void md5Response(BYTE id, const char* password, const BYTE* challenge, BYTE* out)
{
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    unsigned int n = 0;
    EVP_DigestInit_ex(ctx, EVP_md5(), NULL);
    EVP_DigestUpdate(ctx, &id, 1); /* RFC 1994 §4.1: MD5(Identifier || secret || challenge) */
    EVP_DigestUpdate(ctx, password, strlen(password));
    EVP_DigestUpdate(ctx, challenge, VALUE_SIZE);
    EVP_DigestFinal_ex(ctx, out, &n);
    EVP_MD_CTX_free(ctx);
}

static DWORD APIENTRY initialize(BOOL fInitialize)
{
#ifdef FAULT_INIT_FAILED
    if (fInitialize) {
        return ERROR_DLL_INIT_FAILED;
    }
#endif
    (void)fInitialize;
    return NO_ERROR;
}

static DWORD APIENTRY begin(VOID** ppWorkBuffer, PPP_EAP_INPUT* in)
{
#if defined(FAULT_BEGIN_NO_WORKBUFFER) || defined(FAULT_BEGIN_WORKBUFFER_REUSED)
    Work* w = &g_work;
    memset(w, 0, sizeof *w);
#else
    Work* w = calloc(1, sizeof *w);
    if (w == NULL) {
        return ERROR_NOT_ENOUGH_MEMORY;
    }
#endif
#ifdef FAULT_SLOW_CALL
    struct timespec pause = {0, 300 * 1000 * 1000}; /* blocking work in the engine thread */
    nanosleep(&pause, NULL);
#endif
    w->authenticator = in->fAuthenticator;
    w->requestId = in->bInitialId;
    narrow(in->pwszIdentity, w->identity, sizeof w->identity); /* copied: valid only during Begin */
    narrow(in->pwszPassword, w->password, sizeof w->password);
#ifndef FAULT_BEGIN_NO_WORKBUFFER
    *ppWorkBuffer = w;
#else
    (void)ppWorkBuffer;
#endif
    return NO_ERROR;
}

static DWORD APIENTRY end(VOID* pWorkBuffer)
{
#if !defined(FAULT_BEGIN_NO_WORKBUFFER) && !defined(FAULT_BEGIN_WORKBUFFER_REUSED)
    free(pWorkBuffer);
#else
    (void)pWorkBuffer;
#endif
#ifdef FAULT_END_FAILED
    return ERROR_INVALID_PARAMETER;
#else
    return NO_ERROR;
#endif
}

static void setLength(BYTE* packet, DWORD length)
{
    packet[2] = (BYTE)(length >> 8);
    packet[3] = (BYTE)(length & 0xFF);
}

static DWORD packetLength(const PPP_EAP_PACKET* p)
{
    return ((DWORD)p->Length[0] << 8) | p->Length[1];
}

static void send(PPP_EAP_OUTPUT* out, PPP_EAP_PACKET* sendPacket, const BYTE* packet, DWORD length, DWORD action)
{
    memcpy(sendPacket, packet, length);
    out->Action = action;
}

static void makeChallenge(Work* w)
{
    RAND_bytes(w->challenge, VALUE_SIZE);
    w->request[0] = EAPCODE_Request;
    w->request[1] = w->requestId;
    setLength(w->request, REQUEST_LENGTH);
    w->request[4] = MD5_TYPE;
    w->request[5] = VALUE_SIZE;
    memcpy(w->request + 6, w->challenge, VALUE_SIZE);
}

static void askBackEnd(Work* w, PPP_EAP_OUTPUT* out)
{
    RAS_AUTH_ATTRIBUTE* a = w->attributes;
    a[0] = (RAS_AUTH_ATTRIBUTE){raatUserName, (DWORD)strlen(w->identity), w->identity};
    a[1] = (RAS_AUTH_ATTRIBUTE){raatMD5CHAPPassword, sizeof w->chap, w->chap};
    a[2] = (RAS_AUTH_ATTRIBUTE){raatMD5CHAPChallenge, VALUE_SIZE, w->challenge};
#ifdef FAULT_ATTRIBUTES_MALFORMED
    a[3] = (RAS_AUTH_ATTRIBUTE){raatReplyMessage, 5, NULL}; /* pointer attribute without a pointer */
    a[4] = (RAS_AUTH_ATTRIBUTE){raatMinimum, 0, NULL};
#else
    a[3] = (RAS_AUTH_ATTRIBUTE){raatMinimum, 0, NULL};
#endif
    out->pUserAttributes = a;
    out->Action = EAPACTION_Authenticate;
    w->state = 2;
}

static DWORD authenticator(Work* w, const PPP_EAP_PACKET* rx, PPP_EAP_PACKET* tx, PPP_EAP_OUTPUT* out,
                           const PPP_EAP_INPUT* in)
{
    if (in != NULL && in->fAuthenticationComplete && w->state == 2) {
        BYTE result[5] = {in->dwAuthResultCode == NO_ERROR ? EAPCODE_Success : EAPCODE_Failure, w->responseId, 0, 4, 0};
        DWORD length = 4;
#ifdef FAULT_PACKET_BAD_LENGTH
        length = 5; /* Success/Failure carry no data (RFC 3748 §4.2) */
#endif
        setLength(result, length);
        send(out, tx, result, length, EAPACTION_SendAndDone);
        out->dwAuthResultCode = in->dwAuthResultCode;
#ifdef FAULT_RESULT_INCONSISTENT
        out->dwAuthResultCode = in->dwAuthResultCode == NO_ERROR ? ERROR_AUTHENTICATION_FAILURE : NO_ERROR;
#endif
        w->state = 3;
        return NO_ERROR;
    }
    if (rx == NULL) {
        if (w->state == 0) {
#ifdef FAULT_PACKET_BAD_ID
            w->requestId = (BYTE)(w->requestId + 1); /* the first Request must use bInitialId */
#endif
            makeChallenge(w);
            w->state = 1;
        }
#ifdef FAULT_RESEND_DIFFERS
        else if (w->state == 1) {
            makeChallenge(w); /* a fresh challenge instead of the same packet */
        }
#endif
        if (w->state == 1) {
            send(out, tx, w->request, REQUEST_LENGTH, EAPACTION_SendWithTimeout);
        }
        return NO_ERROR;
    }
    if (w->state != 1 || rx->Code != EAPCODE_Response || rx->Id != w->requestId || packetLength(rx) < 6 + VALUE_SIZE ||
        rx->Data[0] != MD5_TYPE || rx->Data[1] != VALUE_SIZE) {
        return ERROR_PPP_INVALID_PACKET;
    }
    w->responseId = rx->Id;
    w->chap[0] = rx->Id;
    memcpy(w->chap + 1, rx->Data + 2, VALUE_SIZE);
    askBackEnd(w, out);
    return NO_ERROR;
}

static DWORD peerResult(const PPP_EAP_PACKET* rx, PPP_EAP_OUTPUT* out)
{
    out->Action = EAPACTION_Done;
    out->dwAuthResultCode = rx->Code == EAPCODE_Success ? NO_ERROR : ERROR_AUTHENTICATION_FAILURE;
#ifdef FAULT_ACTION_INVALID
    out->Action = EAPACTION_IndicateTLV; /* reserved for Windows' own methods */
#endif
#ifdef FAULT_ACTION_ROLE
    out->Action = EAPACTION_Authenticate; /* authenticator only */
#endif
    return NO_ERROR;
}

static DWORD peer(Work* w, const PPP_EAP_PACKET* rx, PPP_EAP_PACKET* tx, DWORD cbSendPacket, PPP_EAP_OUTPUT* out,
                  PPP_EAP_INPUT* in)
{
    (void)w;
    if (rx == NULL) {
        out->Action = EAPACTION_NoAction;
        return NO_ERROR;
    }
    if (rx->Code == EAPCODE_Success || rx->Code == EAPCODE_Failure) {
        return peerResult(rx, out);
    }
    if (rx->Code != EAPCODE_Request || packetLength(rx) < 6 + VALUE_SIZE || rx->Data[0] != MD5_TYPE ||
        rx->Data[1] != VALUE_SIZE || cbSendPacket < 6 + VALUE_SIZE) {
        return ERROR_PPP_INVALID_PACKET;
    }
#ifdef FAULT_CALL_FAILED
    return 0x20000001u; /* not an error code RAS knows */
#endif
    BYTE response[6 + VALUE_SIZE] = {EAPCODE_Response, rx->Id, 0, 0, MD5_TYPE, VALUE_SIZE};
    setLength(response, sizeof response);
    md5Response(rx->Id, w->password, rx->Data + 2, response + 6);
#ifdef FAULT_PACKET_BAD_CODE
    response[0] = EAPCODE_Request;
#endif
#ifdef FAULT_PACKET_BAD_TYPE
    response[4] = 5;
#endif
    send(out, tx, response, sizeof response, EAPACTION_Send);
#ifdef FAULT_PACKET_OVERFLOW
    ((BYTE*)tx)[cbSendPacket] = 0x41; /* one byte past the send buffer */
#endif
#ifdef FAULT_INPUT_MODIFIED
    in->bInitialId ^= 0xFF; /* host-owned input */
#endif
#ifdef FAULT_OUTPUT_OVERRUN
    out->fSaveToCredMan = TRUE; /* a current-SDK field, past a classic host's 80-byte output (RASEAP.md §1.4) */
#endif
    (void)in;
    return NO_ERROR;
}

static DWORD APIENTRY makeMessage(VOID* pWorkBuf, PPP_EAP_PACKET* rx, PPP_EAP_PACKET* tx, DWORD cbSendPacket,
                                  PPP_EAP_OUTPUT* out, PPP_EAP_INPUT* in)
{
#ifdef FAULT_BEGIN_NO_WORKBUFFER
    Work* w = &g_work;
    (void)pWorkBuf;
#else
    Work* w = pWorkBuf;
#endif
    if (w == NULL || out == NULL) {
        return ERROR_INVALID_PARAMETER;
    }
    return w->authenticator ? authenticator(w, rx, tx, out, in) : peer(w, rx, tx, cbSendPacket, out, in);
}

RASEAP_EXPORT DWORD APIENTRY RasEapGetInfo(DWORD dwEapTypeId, PPP_EAP_INFO* info)
{
#ifdef FAULT_GETINFO_FAILED
    (void)dwEapTypeId;
    (void)info;
    return ERROR_NOT_SUPPORTED;
#endif
    if (dwEapTypeId != MD5_TYPE || info == NULL) {
        return ERROR_NOT_SUPPORTED;
    }
    memset(info, 0, sizeof *info);
    info->dwSizeInBytes = sizeof *info;
    info->dwEapTypeId = MD5_TYPE;
#ifdef FAULT_TYPE_MISMATCH
    info->dwEapTypeId = MD5_TYPE + 1;
#endif
    info->RasEapInitialize = initialize;
    info->RasEapBegin = begin;
    info->RasEapEnd = end;
#ifndef FAULT_NO_MAKEMESSAGE
    info->RasEapMakeMessage = makeMessage;
#else
    (void)makeMessage;
#endif
#ifdef FAULT_INFO_OVERRUN
    memset((BYTE*)info + sizeof *info, 0x5A, 8); /* past the host's PPP_EAP_INFO */
#endif
    return NO_ERROR;
}
