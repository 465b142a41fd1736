/*
 * A test method whose misbehaviour is chosen by the identity given at Begin, so that one
 * library exercises every observation of the call runner:
 *   "send-overflow"   writes 3 bytes past cbSendPacket
 *   "output-overrun"  writes pNgcKerbTicket although the host's PPP_EAP_OUTPUT is classic (80)
 *   "modify-input"    Begin writes fFlags; MakeMessage writes the received packet and bInitialId
 *   "modify-identity" Begin writes the first character of the identity string
 *   "no-workbuffer"   Begin returns NO_ERROR without writing *ppWorkBuffer
 *   "keep-identity"   Begin keeps pwszIdentity; MakeMessage reads it later
 *   "bad-attributes"  Done with an integral attribute of dwLength 3
 *   "unterminated"    Done with an attribute array that has no raatMinimum
 *   "mppe"            Done with MS-MPPE keys whose Vendor-Length is wrong
 *   "keep-connection" Begin keeps pConnectionData; MakeMessage reads it later
 *   "check-begin"     MakeMessage fails unless the Begin fields are still populated and the
 *                     Begin-only connection data is gone (RASEAP.md §3.3)
 *   "echo-backend"    Done with the call's dwAuthResultCode and pUserAttributes echoed back
 *   "save-data"       Send with interactive UI context, connection and user data to save
 *   anything else     a clean Response (Code 2, Id echo, Type 4, 2 data bytes) and Send
 */
#include <eapscope/raseap.h>

#include <stdlib.h>
#include <string.h>

struct work {
    char mode[32];
    const WCHAR* kept_identity;
    const BYTE* kept_connection;
    RAS_AUTH_ATTRIBUTE attributes[300];
    BYTE mppe[56];
};

static int is(const struct work* w, const char* mode)
{
    return strcmp(w->mode, mode) == 0;
}

static DWORD APIENTRY probe_begin(VOID** work_buffer, PPP_EAP_INPUT* in)
{
    struct work* w = calloc(1, sizeof *w);
    for (size_t i = 0; in->pwszIdentity[i] && i + 1 < sizeof w->mode; ++i) {
        w->mode[i] = (char)in->pwszIdentity[i];
    }
    if (is(w, "modify-input")) {
        in->fFlags |= 0x40000000u;
    }
    if (is(w, "modify-identity")) {
        in->pwszIdentity[0] = u'X';
    }
    w->kept_identity = in->pwszIdentity;
    w->kept_connection = in->pConnectionData;
    if (is(w, "no-workbuffer")) {
        free(w);
        return NO_ERROR;
    }
    *work_buffer = w;
    return NO_ERROR;
}

static DWORD APIENTRY probe_end(VOID* work_buffer)
{
    free(work_buffer);
    return NO_ERROR;
}

static void done_with_attributes(struct work* w, PPP_EAP_OUTPUT* out)
{
    RAS_AUTH_ATTRIBUTE* a = w->attributes;
    if (is(w, "bad-attributes")) {
        a[0] = (RAS_AUTH_ATTRIBUTE){raatSessionTimeout, 3, (PVOID)(uintptr_t)60};
    } else if (is(w, "unterminated")) {
        for (size_t i = 0; i < sizeof w->attributes / sizeof *a; ++i) {
            a[i] = (RAS_AUTH_ATTRIBUTE){raatSessionTimeout, 4, (PVOID)(uintptr_t)60};
        }
    } else {
        BYTE* v = w->mppe;
        v[3] = 0x37; /* Vendor-Id 311 */
        v[2] = 0x01;
        v[4] = RASEAP_MS_MPPE_SEND_KEY;
        v[5] = 40; /* should be 52 */
        a[0] = (RAS_AUTH_ATTRIBUTE){raatVendorSpecific, RASEAP_MPPE_KEY_VSA_LENGTH, v};
    }
    out->pUserAttributes = a;
    out->Action = EAPACTION_Done;
}

static DWORD APIENTRY probe_make_message(VOID* work_buffer, PPP_EAP_PACKET* recv, PPP_EAP_PACKET* send,
                                         DWORD cb, PPP_EAP_OUTPUT* out, PPP_EAP_INPUT* in)
{
    struct work* w = work_buffer;
    if (is(w, "bad-attributes") || is(w, "unterminated") || is(w, "mppe")) {
        done_with_attributes(w, out);
        return NO_ERROR;
    }
    if (is(w, "keep-identity") && w->kept_identity[0] != u'k') {
        return ERROR_INVALID_PARAMETER;
    }
    if (is(w, "keep-connection") && w->kept_connection[0] != 1) {
        return ERROR_INVALID_PARAMETER;
    }
    if (is(w, "check-begin") &&
        (in->fAuthenticator || in->bInitialId != 7 || in->pwszIdentity[0] != u'c' ||
         in->pwszPassword[0] != u's' || in->pConnectionData || in->dwSizeOfConnectionData || in->pUserData ||
         in->dwSizeOfUserData || in->dwSizeInBytes != 128)) {
        return ERROR_INVALID_PARAMETER;
    }
    if (is(w, "echo-backend")) {
        out->Action = EAPACTION_Done;
        out->dwAuthResultCode = in->fAuthenticationComplete ? in->dwAuthResultCode : 0xFFFF;
        out->pUserAttributes = in->pUserAttributes;
        return NO_ERROR;
    }
    if (is(w, "save-data")) {
        static BYTE blob[] = {9, 8, 7};
        out->fInvokeInteractiveUI = TRUE;
        out->pUIContextData = blob;
        out->dwSizeOfUIContextData = 3;
        out->fSaveConnectionData = TRUE;
        out->pConnectionData = blob;
        out->dwSizeOfConnectionData = 2;
        out->fSaveUserData = TRUE;
        out->pUserData = blob + 2;
        out->dwSizeOfUserData = 1;
    }
    if (is(w, "modify-input") && recv) {
        recv->Data[0] ^= 0xFF;
        in->bInitialId ^= 0xFF;
    }
    if (is(w, "output-overrun")) {
        out->pNgcKerbTicket = (NgcTicketContext*)(uintptr_t)0x1234;
    }
    BYTE* s = (BYTE*)send;
    s[0] = EAPCODE_Response;
    s[1] = recv ? recv->Id : 0;
    s[4] = 4;
    s[5] = 0xAB;
    RasEapSetPacketLength(send, 6);
    if (is(w, "send-overflow")) {
        memset(s, 0x77, cb + 3);
        RasEapSetPacketLength(send, cb + 3);
    }
    out->Action = EAPACTION_Send;
    return NO_ERROR;
}

RASEAP_EXPORT DWORD APIENTRY RasEapGetInfo(DWORD type, PPP_EAP_INFO* info)
{
    if (type != 4) {
        return ERROR_NOT_SUPPORTED;
    }
    memset(info, 0, sizeof *info);
    info->dwEapTypeId = 4;
    info->RasEapBegin = probe_begin;
    info->RasEapEnd = probe_end;
    info->RasEapMakeMessage = probe_make_message;
    return NO_ERROR;
}
