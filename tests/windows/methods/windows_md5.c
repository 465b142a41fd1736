/* EAP-MD5 (RFC 3748 §5.4) as a Windows RAS EAP DLL, written only from Microsoft's documentation of
 * the RAS EAP extension interface (RasEapGetInfo, PPP_EAP_INFO/INPUT/OUTPUT, the interaction with
 * RAS during authentication) and MinGW-w64's raseapif.h: it knows nothing of EapScope. Both
 * roles: the authenticator sends an MD5-Challenge and hands the response to the authentication
 * provider (EAPACTION_Authenticate with raatUserName, raatMD5CHAPPassword = Id + response, and
 * raatMD5CHAPChallenge), then sends Success or Failure; the peer answers the challenge with
 * MD5(Id || password || challenge). Memory comes from LocalAlloc, hashing and randomness from
 * CNG (bcrypt.dll). */
#include <windows.h>
/* The RAS EAP headers need windows.h first. */
#include <bcrypt.h>
#include <raseapif.h>
#include <raserror.h>
#include <string.h>

#define MD5_TYPE 4
#define VALUE_SIZE 16
#define CHALLENGE_LENGTH (4 + 2 + VALUE_SIZE)

enum stage { STAGE_START, STAGE_CHALLENGED, STAGE_WITH_PROVIDER, STAGE_DONE };

typedef struct {
    BOOL authenticator;
    enum stage stage;
    BYTE id;
    BYTE challenge[VALUE_SIZE];
    BYTE packet[CHALLENGE_LENGTH];
    BYTE chapPassword[1 + VALUE_SIZE];
    char identity[256];
    char password[256];
    RAS_AUTH_ATTRIBUTE attributes[4];
} CONTEXT_DATA;

static void toUtf8(const WCHAR* text, char* out, int size)
{
    out[0] = 0;
    if (text != NULL)
        WideCharToMultiByte(CP_UTF8, 0, text, -1, out, size, NULL, NULL);
}

static WORD lengthOf(const PPP_EAP_PACKET* packet)
{
    return (WORD)((packet->Length[0] << 8) | packet->Length[1]);
}

static void putLength(BYTE* packet, WORD length)
{
    packet[2] = (BYTE)(length >> 8);
    packet[3] = (BYTE)length;
}

/* RFC 1994 §4.1 as RFC 3748 §5.4 uses it: MD5 over Identifier, secret, challenge. */
static BOOL md5Response(BYTE id, const char* password, const BYTE* challenge, BYTE* out)
{
    BCRYPT_ALG_HANDLE algorithm = NULL;
    BCRYPT_HASH_HANDLE hash = NULL;
    BOOL ok = BCryptOpenAlgorithmProvider(&algorithm, BCRYPT_MD5_ALGORITHM, NULL, 0) == 0 &&
              BCryptCreateHash(algorithm, &hash, NULL, 0, NULL, 0, 0) == 0 &&
              BCryptHashData(hash, &id, 1, 0) == 0 &&
              BCryptHashData(hash, (PUCHAR)password, (ULONG)strlen(password), 0) == 0 &&
              BCryptHashData(hash, (PUCHAR)challenge, VALUE_SIZE, 0) == 0 &&
              BCryptFinishHash(hash, out, VALUE_SIZE, 0) == 0;
    if (hash != NULL)
        BCryptDestroyHash(hash);
    if (algorithm != NULL)
        BCryptCloseAlgorithmProvider(algorithm, 0);
    return ok;
}

static DWORD WINAPI md5Begin(VOID** ppWorkBuffer, PPP_EAP_INPUT* input)
{
    CONTEXT_DATA* data = (CONTEXT_DATA*)LocalAlloc(LPTR, sizeof(CONTEXT_DATA));
    if (data == NULL)
        return ERROR_NOT_ENOUGH_MEMORY;
    data->authenticator = input->fAuthenticator;
    data->id = input->bInitialId;
    /* Identity and password are valid only during this call: keep copies. */
    toUtf8(input->pwszIdentity, data->identity, sizeof data->identity);
    toUtf8(input->pwszPassword, data->password, sizeof data->password);
    *ppWorkBuffer = data;
    return NO_ERROR;
}

static DWORD WINAPI md5End(VOID* workBuffer)
{
    if (workBuffer != NULL) {
        SecureZeroMemory(workBuffer, sizeof(CONTEXT_DATA));
        LocalFree(workBuffer);
    }
    return NO_ERROR;
}

static DWORD sendPacket(PPP_EAP_PACKET* send, DWORD cbSendPacket, const BYTE* bytes, WORD length,
                        PPP_EAP_OUTPUT* output, PPP_EAP_ACTION action)
{
    if (cbSendPacket < length)
        return ERROR_INVALID_PARAMETER;
    memcpy(send, bytes, length);
    output->Action = action;
    return NO_ERROR;
}

static DWORD authenticator(CONTEXT_DATA* data, const PPP_EAP_PACKET* received, PPP_EAP_PACKET* send,
                           DWORD cbSendPacket, PPP_EAP_OUTPUT* output, const PPP_EAP_INPUT* input)
{
    if (input != NULL && input->fAuthenticationComplete && data->stage == STAGE_WITH_PROVIDER) {
        BYTE result[4] = {input->dwAuthResultCode == NO_ERROR ? EAPCODE_Success : EAPCODE_Failure, data->id,
                          0, 4};
        data->stage = STAGE_DONE;
        output->dwAuthResultCode = input->dwAuthResultCode;
        return sendPacket(send, cbSendPacket, result, 4, output, EAPACTION_SendAndDone);
    }
    if (received == NULL) {
        if (data->stage == STAGE_START) {
            if (BCryptGenRandom(NULL, data->challenge, VALUE_SIZE, BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0) {
                return ERROR_INTERNAL_ERROR;
            }
            data->packet[0] = EAPCODE_Request;
            data->packet[1] = data->id;
            putLength(data->packet, CHALLENGE_LENGTH);
            data->packet[4] = MD5_TYPE;
            data->packet[5] = VALUE_SIZE;
            memcpy(data->packet + 6, data->challenge, VALUE_SIZE);
            data->stage = STAGE_CHALLENGED;
        }
        if (data->stage == STAGE_CHALLENGED) { /* first send, or the retransmission timer fired */
            return sendPacket(send, cbSendPacket, data->packet, CHALLENGE_LENGTH, output,
                              EAPACTION_SendWithTimeout);
        }
        output->Action = EAPACTION_NoAction;
        return NO_ERROR;
    }
    if (data->stage != STAGE_CHALLENGED || received->Code != EAPCODE_Response || received->Id != data->id ||
        lengthOf(received) < 6 + VALUE_SIZE || received->Data[0] != MD5_TYPE ||
        received->Data[1] != VALUE_SIZE) {
        return ERROR_PPP_INVALID_PACKET;
    }
    data->chapPassword[0] = received->Id;
    memcpy(data->chapPassword + 1, received->Data + 2, VALUE_SIZE);
    data->attributes[0].raaType = raatUserName;
    data->attributes[0].dwLength = (DWORD)strlen(data->identity);
    data->attributes[0].Value = data->identity;
    data->attributes[1].raaType = raatMD5CHAPPassword;
    data->attributes[1].dwLength = sizeof data->chapPassword;
    data->attributes[1].Value = data->chapPassword;
    data->attributes[2].raaType = raatMD5CHAPChallenge;
    data->attributes[2].dwLength = VALUE_SIZE;
    data->attributes[2].Value = data->challenge;
    data->attributes[3].raaType = raatMinimum;
    output->pUserAttributes = data->attributes;
    output->Action = EAPACTION_Authenticate;
    data->stage = STAGE_WITH_PROVIDER;
    return NO_ERROR;
}

static DWORD peer(CONTEXT_DATA* data, const PPP_EAP_PACKET* received, PPP_EAP_PACKET* send,
                  DWORD cbSendPacket, PPP_EAP_OUTPUT* output)
{
    if (received == NULL) {
        output->Action = EAPACTION_NoAction;
        return NO_ERROR;
    }
    if (received->Code == EAPCODE_Success || received->Code == EAPCODE_Failure) {
        output->Action = EAPACTION_Done;
        output->dwAuthResultCode =
            received->Code == EAPCODE_Success ? NO_ERROR : ERROR_AUTHENTICATION_FAILURE;
        return NO_ERROR;
    }
    if (received->Code != EAPCODE_Request || lengthOf(received) < 6 + VALUE_SIZE ||
        received->Data[0] != MD5_TYPE || received->Data[1] != VALUE_SIZE) {
        return ERROR_PPP_INVALID_PACKET;
    }
    BYTE response[6 + VALUE_SIZE] = {EAPCODE_Response, received->Id, 0, 0, MD5_TYPE, VALUE_SIZE};
    putLength(response, sizeof response);
    if (!md5Response(received->Id, data->password, received->Data + 2, response + 6))
        return ERROR_INTERNAL_ERROR;
    return sendPacket(send, cbSendPacket, response, sizeof response, output, EAPACTION_Send);
}

static DWORD WINAPI md5MakeMessage(VOID* workBuffer, PPP_EAP_PACKET* received, PPP_EAP_PACKET* send,
                                   DWORD cbSendPacket, PPP_EAP_OUTPUT* output, PPP_EAP_INPUT* input)
{
    CONTEXT_DATA* data = (CONTEXT_DATA*)workBuffer;
    return data->authenticator ? authenticator(data, received, send, cbSendPacket, output, input)
                               : peer(data, received, send, cbSendPacket, output);
}

__declspec(dllexport) DWORD WINAPI RasEapGetInfo(DWORD dwEapTypeId, PPP_EAP_INFO* info)
{
    if (dwEapTypeId != MD5_TYPE)
        return ERROR_NOT_SUPPORTED;
    ZeroMemory(info, sizeof *info);
    info->dwSizeInBytes = sizeof *info;
    info->dwEapTypeId = MD5_TYPE;
    info->RasEapBegin = md5Begin;
    info->RasEapEnd = md5End;
    info->RasEapMakeMessage = md5MakeMessage;
    return NO_ERROR;
}
