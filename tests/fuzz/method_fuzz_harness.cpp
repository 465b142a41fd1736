#include "method_fuzz_harness.h"

#include "eapscope/raseap.h"

#include <dlfcn.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <vector>

namespace eapscope::fuzz {

namespace {

using Bytes = std::vector<std::uint8_t>;

const PPP_EAP_INFO* load(const MethodUnderFuzz& method)
{
    static std::map<std::string, PPP_EAP_INFO> loaded;
    auto it = loaded.find(method.name);
    if (it != loaded.end()) {
        return &it->second;
    }
    const std::string path = std::string(EAPSCOPE_HARNESS_METHODS_DIR) + "/" + method.name + ".so";
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
        std::fprintf(stderr, "%s\n", dlerror());
        std::abort();  // the method must be built next to the harness
    }
    auto getInfo = reinterpret_cast<PRASEAPGETINFO>(dlsym(handle, "RasEapGetInfo"));
    PPP_EAP_INFO info{};
    info.dwSizeInBytes = sizeof info;
    if (getInfo == nullptr || getInfo(method.type, &info) != NO_ERROR || info.RasEapMakeMessage == nullptr) {
        std::abort();
    }
    if (info.RasEapInitialize != nullptr && info.RasEapInitialize(TRUE) != NO_ERROR) {
        std::abort();  // RASEAP.md §3.2 step 4; never undone: the library stays for the process
    }
    return &(loaded[method.name] = info);
}

// What a back end answers an EAP-MSCHAPv2 authenticator: MS-CHAP2-Success and MPPE keys.
struct BackEndAttributes {
    BackEndAttributes()
    {
        const char success[] = "\x07S=0123456789ABCDEF0123456789ABCDEF01234567";
        const BYTE header[] = {0, 0, 1, 55, 26, 45};
        std::memcpy(vsaSuccess.data(), header, sizeof header);
        std::memcpy(vsaSuccess.data() + sizeof header, success, 43);
        for (int k = 0; k < 2; ++k) {
            RasEapSetMppeKeyAttribute(
                &attributes[1 + k], keys[k].data(),
                static_cast<BYTE>(k == 0 ? RASEAP_MS_MPPE_SEND_KEY : RASEAP_MS_MPPE_RECV_KEY), zero.data(),
                16);
        }
        attributes[0] = {raatVendorSpecific, static_cast<DWORD>(vsaSuccess.size()), vsaSuccess.data()};
        attributes[3] = {raatMinimum, 0, nullptr};
    }
    std::array<BYTE, 49> vsaSuccess{};
    std::array<std::array<BYTE, RASEAP_MPPE_KEY_VSA_LENGTH>, 2> keys{};
    std::array<BYTE, 16> zero{};
    RAS_AUTH_ATTRIBUTE attributes[4];
};

void checkSent(const PPP_EAP_OUTPUT& out, const Bytes& send, DWORD cb)
{
    const bool sends = out.Action == EAPACTION_Send || out.Action == EAPACTION_SendAndDone ||
                       out.Action == EAPACTION_SendWithTimeout ||
                       out.Action == EAPACTION_SendWithTimeoutInteractive;
    if (sends && RasEapPacketLength(reinterpret_cast<const PPP_EAP_PACKET*>(send.data())) > cb) {
        std::abort();  // RASEAP.md §3.7 item 13
    }
}

}  // namespace

int fuzzMethod(const MethodUnderFuzz& method, const std::uint8_t* data, std::size_t size)
{
    if (size < 1) {
        return 0;
    }
    const PPP_EAP_INFO* info = load(method);
    const bool authenticator = (data[0] & 1) != 0;
    const DWORD backEndResult = (data[0] & 2) != 0 ? NO_ERROR : ERROR_AUTHENTICATION_FAILURE;
    static constexpr DWORD kSizes[] = {1400, 300, 64, 16};
    const DWORD cb = kSizes[(data[0] >> 2) & 3];
    std::u16string identity = u"alice", password = u"secret";
    const std::string connection = authenticator ? method.authConnection : method.peerConnection;
    const std::string user = authenticator ? std::string() : method.peerUser;
    PPP_EAP_INPUT in{};
    in.dwSizeInBytes = PPP_EAP_INPUT_SIZE_CLASSIC;
    in.fAuthenticator = authenticator;
    in.pwszIdentity = reinterpret_cast<WCHAR*>(identity.data());
    in.pwszPassword = authenticator ? nullptr : reinterpret_cast<WCHAR*>(password.data());
    in.bInitialId = 1;
    Bytes connectionBytes(connection.begin(), connection.end()), userBytes(user.begin(), user.end());
    in.pConnectionData = connectionBytes.empty() ? nullptr : connectionBytes.data();
    in.dwSizeOfConnectionData = static_cast<DWORD>(connectionBytes.size());
    in.pUserData = userBytes.empty() ? nullptr : userBytes.data();
    in.dwSizeOfUserData = static_cast<DWORD>(userBytes.size());
    void* work = nullptr;
    if (info->RasEapBegin(&work, &in) != NO_ERROR) {
        return 0;
    }
    in.pConnectionData = nullptr;  // freed by the host after Begin (RASEAP.md §3.1)
    in.pUserData = nullptr;
    static BackEndAttributes backEnd;
    Bytes send(cb);
    auto call = [&](PPP_EAP_PACKET* packet) {
        PPP_EAP_OUTPUT out{};
        out.dwSizeInBytes = PPP_EAP_OUTPUT_SIZE_CLASSIC;
        const DWORD result = info->RasEapMakeMessage(
            work, packet, reinterpret_cast<PPP_EAP_PACKET*>(send.data()), cb, &out, &in);
        in.fAuthenticationComplete = FALSE;
        if (result == NO_ERROR) {
            checkSent(out, send, cb);
        }
        return result == NO_ERROR || result == ERROR_PPP_INVALID_PACKET ? out.Action
                                                                        : PPP_EAP_ACTION{EAPACTION_Done};
    };
    PPP_EAP_ACTION action = authenticator ? call(nullptr) : PPP_EAP_ACTION{EAPACTION_NoAction};
    for (std::size_t at = 1; at + 2 <= size && action != EAPACTION_Done && action != EAPACTION_SendAndDone;) {
        const std::size_t length =
            std::min<std::size_t>((std::size_t{data[at]} << 8) | data[at + 1], size - at - 2);
        Bytes packet(data + at + 2, data + at + 2 + length);  // exactly the bytes there: ASan sees over-reads
        at += 2 + length;
        if (packet.size() < 4) {
            continue;
        }
        auto* p = reinterpret_cast<PPP_EAP_PACKET*>(packet.data());
        RasEapSetPacketLength(
            p, std::min<DWORD>(std::max<DWORD>(RasEapPacketLength(p), 4), static_cast<DWORD>(packet.size())));
        action = call(p);
        if (action == EAPACTION_Authenticate) {
            in.fAuthenticationComplete = TRUE;
            in.dwAuthResultCode = backEndResult;
            in.pUserAttributes = backEnd.attributes;
            action = call(nullptr);
            in.pUserAttributes = nullptr;
        }
    }
    if (info->RasEapEnd != nullptr) {
        info->RasEapEnd(work);
    }
    return 0;
}

}  // namespace eapscope::fuzz
