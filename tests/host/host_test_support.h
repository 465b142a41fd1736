// Shared helpers for tests that drive real eapscope-host processes.
#pragma once

#include "host/host_executor.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <stdlib.h>

#include <cerrno>
#include <memory>
#include <string>

namespace eapscope::testing {

inline std::string hostFaultsMethod()
{
    return std::string(EAPSCOPE_TEST_METHODS_DIR) + "/host-faults.so";
}

inline std::string md5Method()
{
    return std::string(EAPSCOPE_METHODS_DIR) + "/md5.so";
}

inline HostOptions hostOptions(std::uint32_t watchdogMs = 5000)
{
    HostOptions options;
    options.hostPath = std::string(EAPSCOPE_BIN_DIR) + "/eapscope-host";
    options.watchdogMs = watchdogMs;
    return options;
}

/// Sets EAPSCOPE_TEST_FAULT for hosts started while it lives (the host inherits it).
class FaultEnv {
public:
    explicit FaultEnv(const char* fault)
    {
        if (fault != nullptr) {
            ::setenv("EAPSCOPE_TEST_FAULT", fault, 1);
        } else {
            ::unsetenv("EAPSCOPE_TEST_FAULT");
        }
    }
    ~FaultEnv() { ::unsetenv("EAPSCOPE_TEST_FAULT"); }
    FaultEnv(const FaultEnv&) = delete;
    FaultEnv& operator=(const FaultEnv&) = delete;
};

/// A host with host-faults.so loaded (type 200).
inline std::unique_ptr<HostExecutor> loadFaultMethod(const HostOptions& options)
{
    auto executor = std::make_unique<HostExecutor>(options);
    const LoadReport report = executor->load(LoadRequest{hostFaultsMethod(), "host-faults", 200});
    EXPECT_TRUE(report.ok) << report.error;
    return executor;
}

inline BeginRequest beginRequest(std::uint32_t tag, bool authenticator = false)
{
    BeginRequest request;
    request.contextTag = tag;
    request.authenticator = authenticator;
    request.identity = u"alice";
    if (!authenticator) {
        request.password = u"secret";
    }
    request.initialId = 1;
    return request;
}

inline MakeMessageRequest makeRequest(std::uint32_t tag, std::uint64_t workBuffer)
{
    MakeMessageRequest request;
    request.contextTag = tag;
    request.workBuffer = workBuffer;
    return request;
}

/// True when no process with this pid exists any more (a zombie still counts as existing).
inline bool processGone(pid_t pid)
{
    return ::kill(pid, 0) != 0 && errno == ESRCH;
}

}  // namespace eapscope::testing
