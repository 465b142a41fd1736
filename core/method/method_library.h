// One loaded method library (RASEAP.md §3.2, §4.2): the system loader, RasEapGetInfo with type probing and
// the load-time contract checks of RASEAP.md §3.7 items 1, 3, 4 and 5. Never calls
// RasEapInitialize: that is the executor's first call, so it is traced like every other.
#pragma once

#include "method/call_types.h"
#include "method/shared_object.h"

#include <eapscope/raseap.h>

namespace eapscope {

class MethodLibrary {
public:
    MethodLibrary() = default;
    ~MethodLibrary();
    MethodLibrary(const MethodLibrary&) = delete;
    MethodLibrary& operator=(const MethodLibrary&) = delete;
    MethodLibrary(MethodLibrary&& other) noexcept;
    MethodLibrary& operator=(MethodLibrary&& other) noexcept;

    /// Loads the library and asks it for its PPP_EAP_INFO. Closes any library opened before.
    /// When report.ok is false the library is closed again.
    LoadReport open(const LoadRequest& request);
    void close();

    [[nodiscard]] bool isOpen() const { return library_.isOpen(); }
    /// The PPP_EAP_INFO RasEapGetInfo filled for the chosen type (valid while open).
    [[nodiscard]] const PPP_EAP_INFO& info() const { return info_; }
    /// The loaded library itself (for platform instrumentation of its imports).
    [[nodiscard]] const SharedObject& library() const { return library_; }
    /// RasEapFreeMemory, or nullptr when not exported.
    [[nodiscard]] PRASEAPFREEMEMORY freeMemory() const;

private:
    struct GetInfoAnswer {
        DWORD result = 0;
        PPP_EAP_INFO info{};
        bool overrun = false;
    };

    [[nodiscard]] GetInfoAnswer callGetInfo(DWORD type) const;
    bool openHandle(const LoadRequest& request, LoadReport& report);
    void listExports(LoadReport& report) const;
    bool chooseType(const LoadRequest& request, LoadReport& report, GetInfoAnswer& answer) const;
    bool probeTypes(LoadReport& report, GetInfoAnswer& answer) const;
    bool validateInfo(const GetInfoAnswer& answer, DWORD type, LoadReport& report) const;
    void checkPointersInImage(LoadReport& report) const;

    SharedObject library_;
    PRASEAPGETINFO getInfo_ = nullptr;
    PPP_EAP_INFO info_{};
};

}  // namespace eapscope
