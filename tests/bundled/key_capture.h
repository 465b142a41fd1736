// A MethodExecutor in front of the in-process one that keeps what each context reported with
// Done/SendAndDone: the MPPE key attributes (RASEAP.md §2.4). Loopback tests compare the two
// sides' keys with it: the authenticator's Send key is the peer's Recv key and vice versa.
#pragma once

#include "method/in_process_executor.h"

#include "eapscope/raseap.h"

#include <map>
#include <optional>

namespace eapscope::testing {

struct MppeKeys {
    Bytes send;
    Bytes recv;
};

/// The plain keys of a Done's attributes (Key-Length bytes after the Key-Length octet).
inline std::optional<MppeKeys> mppeKeysOf(const std::vector<AuthAttribute>& attributes)
{
    MppeKeys keys;
    for (const AuthAttribute& a : attributes) {
        const Bytes& d = a.data;
        if (a.type != raatVendorSpecific || d.size() < 9 || d[0] != 0 || d[1] != 0 || d[2] != 1 ||
            d[3] != 55) {
            continue;
        }
        if (9u + d[8] > d.size()) {
            continue;
        }
        Bytes key(d.begin() + 9, d.begin() + 9 + d[8]);
        (d[4] == RASEAP_MS_MPPE_SEND_KEY ? keys.send : keys.recv) = std::move(key);
    }
    if (keys.send.empty() || keys.recv.empty()) {
        return std::nullopt;
    }
    return keys;
}

class KeyCapture : public MethodExecutor {
public:
    LoadReport load(const LoadRequest& request) override { return inner_.load(request); }
    CallOutcome initialize(bool initialize) override { return inner_.initialize(initialize); }
    CallOutcome begin(const BeginRequest& request) override { return inner_.begin(request); }
    CallOutcome makeMessage(const MakeMessageRequest& request) override
    {
        CallOutcome outcome = inner_.makeMessage(request);
        if (outcome.action == EAPACTION_Done || outcome.action == EAPACTION_SendAndDone) {
            results[request.contextTag] = outcome;
        }
        return outcome;
    }
    CallOutcome end(std::uint32_t contextTag, std::uint64_t workBuffer) override
    {
        return inner_.end(contextTag, workBuffer);
    }
    void unload() override { inner_.unload(); }

    std::map<std::uint32_t, CallOutcome> results;  // by context tag: the Done/SendAndDone call

private:
    InProcessExecutor inner_;
};

}  // namespace eapscope::testing
