#include "method/method_library.h"

#include "common/translate.h"
#include "method/file_digest.h"

#include <array>
#include <cstring>
#include <filesystem>
#include <optional>
#include <sstream>
#include <utility>

namespace eapscope {

namespace {

constexpr std::size_t kInfoGuardBytes = 64;
#ifdef _WIN32
constexpr const char* kInstallHint =
    EAPSCOPE_TRANSLATE_NOOP("EngineText", "(put the DLLs it names beside it or on PATH)");
#else
constexpr const char* kInstallHint =
    EAPSCOPE_TRANSLATE_NOOP("EngineText", "(install what it names, or add its folder to LD_LIBRARY_PATH)");
#endif
constexpr std::uint8_t kInfoGuardByte = 0xA7;
constexpr DWORD kFirstProbedType = 1;
constexpr DWORD kLastProbedType = 254;  // 255 (Experimental) is not a registrable type

constexpr std::array<const char*, 6> kKnownExports = {"RasEapGetInfo",        "RasEapFreeMemory",
                                                      "RasEapInvokeConfigUI", "RasEapInvokeInteractiveUI",
                                                      "RasEapGetIdentity",    RAS_EAP_EXPORT_ROLES_SUPPORTED};

std::string fileName(const std::string& path)
{
    return std::filesystem::path(path).filename().string();
}

// A load finding's message is a sentence the GUI translates (LoadReport::LoadFinding::text).
void addFinding(LoadReport& report, const char* rule, MessageText text)
{
    std::string message = text.english();
    report.findings.push_back({rule, std::move(message), std::move(text)});
}

// The reason loading failed (report.error, English for the CLI) and its load finding.
void fail(LoadReport& report, const char* rule, MessageText text)
{
    report.error = text.english();
    addFinding(report, rule, std::move(text));
}

std::string joinTypes(const std::vector<std::uint32_t>& types)
{
    std::ostringstream out;
    for (std::size_t i = 0; i < types.size(); ++i) {
        out << (i ? ", " : "") << types[i];
    }
    return out.str();
}

std::string hexPointer(const void* pointer)
{
    std::ostringstream out;
    out << pointer;
    return out.str();
}

}  // namespace

MethodLibrary::~MethodLibrary()
{
    close();
}

MethodLibrary::MethodLibrary(MethodLibrary&& other) noexcept
    : library_(std::move(other.library_)),
      getInfo_(std::exchange(other.getInfo_, nullptr)),
      info_(std::exchange(other.info_, PPP_EAP_INFO{}))
{
}

MethodLibrary& MethodLibrary::operator=(MethodLibrary&& other) noexcept
{
    if (this != &other) {
        close();
        library_ = std::move(other.library_);
        getInfo_ = std::exchange(other.getInfo_, nullptr);
        info_ = std::exchange(other.info_, PPP_EAP_INFO{});
    }
    return *this;
}

void MethodLibrary::close()
{
    library_.close();
    getInfo_ = nullptr;
    info_ = PPP_EAP_INFO{};
}

PRASEAPFREEMEMORY MethodLibrary::freeMemory() const
{
    return reinterpret_cast<PRASEAPFREEMEMORY>(library_.symbol("RasEapFreeMemory"));
}

LoadReport MethodLibrary::open(const LoadRequest& request)
{
    close();
    LoadReport report;
    report.path = request.path;
    report.name = request.displayName.empty() ? fileName(request.path) : request.displayName;
    GetInfoAnswer answer;
    const bool ok = openHandle(request, report) && chooseType(request, report, answer) &&
                    validateInfo(answer, report.eapType, report);
    if (!ok) {
        close();
        return report;
    }
    info_ = answer.info;
    checkPointersInImage(report);
    report.hasInitialize = info_.RasEapInitialize != nullptr;
    report.hasBegin = info_.RasEapBegin != nullptr;
    report.hasEnd = info_.RasEapEnd != nullptr;
    report.hasMakeMessage = info_.RasEapMakeMessage != nullptr;
    report.ok = true;
    return report;
}

// RASEAP.md §3.2 step 2 and §3.7 item 1: the library loads and exports RasEapGetInfo by name.
bool MethodLibrary::openHandle(const LoadRequest& request, LoadReport& report)
{
    const auto digest = sha256OfFile(request.path);
    if (!digest) {
        report.error = digest.error();
        return false;
    }
    report.sha256 = *digest;
    if (Status opened = library_.open(request.path); !opened) {
        fail(report, "LOAD_LIBRARY_FAILED",
             phrase(EAPSCOPE_TRANSLATE_NOOP(
                        "EngineText", "%1: not a loadable shared library: the system loader says %2 %3"),
                    {verbatim(request.path), verbatim(opened.error()), phrase(kInstallHint)}));
        return false;
    }
    listExports(report);
    getInfo_ = reinterpret_cast<PRASEAPGETINFO>(library_.symbol("RasEapGetInfo"));
    if (!getInfo_) {
        fail(report, "LOAD_NO_GETINFO",
             phrase(EAPSCOPE_TRANSLATE_NOOP(
                        "EngineText",
                        "%1: does not export RasEapGetInfo (RASEAP.md §4.2); export it with C "
                        "linkage and default visibility (RASEAP_EXPORT)"),
                    {verbatim(request.path)}));
        return false;
    }
    return true;
}

void MethodLibrary::listExports(LoadReport& report) const
{
    for (const char* name : kKnownExports) {
        if (library_.symbol(name) != nullptr) {
            report.exports.emplace_back(name);
        }
    }
    // raseap.h: the optional RolesSupported stand-in (RASEAP.md §2.5); absent = both roles.
    if (const auto* roles = static_cast<const DWORD*>(library_.symbol(RAS_EAP_EXPORT_ROLES_SUPPORTED))) {
        report.roles = *roles;
        report.rolesExported = true;
    }
}

// RASEAP.md §3.2 step 3 and §3.7 item 5: a zeroed PPP_EAP_INFO with dwSizeInBytes and
// dwEapTypeId set, followed by guard bytes that must survive the call.
MethodLibrary::GetInfoAnswer MethodLibrary::callGetInfo(DWORD type) const
{
    struct alignas(8) Guarded {
        PPP_EAP_INFO info;
        std::array<std::uint8_t, kInfoGuardBytes> guard;
    } block{};
    block.guard.fill(kInfoGuardByte);
    block.info.dwSizeInBytes = sizeof(PPP_EAP_INFO);
    block.info.dwEapTypeId = type;
    GetInfoAnswer answer;
    answer.result = getInfo_(type, &block.info);
    answer.info = block.info;
    for (const std::uint8_t byte : block.guard) {
        answer.overrun = answer.overrun || byte != kInfoGuardByte;
    }
    return answer;
}

bool MethodLibrary::chooseType(const LoadRequest& request, LoadReport& report, GetInfoAnswer& answer) const
{
    if (!request.type) {
        return probeTypes(report, answer);
    }
    report.eapType = *request.type;
    answer = callGetInfo(*request.type);
    if (answer.result == NO_ERROR) {
        report.answeredTypes.push_back(*request.type);
    }
    return true;
}

// Without --type every type id 1..254 is asked for (issue 2 part 3); one answer is used.
bool MethodLibrary::probeTypes(LoadReport& report, GetInfoAnswer& answer) const
{
    std::optional<GetInfoAnswer> first;
    bool overrun = false;
    for (DWORD type = kFirstProbedType; type <= kLastProbedType; ++type) {
        GetInfoAnswer probe = callGetInfo(type);
        overrun = overrun || probe.overrun;
        if (probe.result == NO_ERROR) {
            report.answeredTypes.push_back(type);
            if (!first) {
                first = probe;
            }
        }
    }
    if (report.answeredTypes.empty()) {
        fail(report, "LOAD_GETINFO_FAILED",
             phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                            "%1: RasEapGetInfo answered no EAP type from 1 to 254"),
                    {verbatim(report.path)}));
        return false;
    }
    if (report.answeredTypes.size() > 1) {
        report.error = report.path + ": the library answers for EAP types " +
                       joinTypes(report.answeredTypes) + "; choose one with --type";
        return false;
    }
    report.eapType = report.answeredTypes.front();
    answer = *first;
    answer.overrun = answer.overrun || overrun;
    return true;
}

// RASEAP.md §3.7 items 3, 4, 5.
bool MethodLibrary::validateInfo(const GetInfoAnswer& answer, DWORD type, LoadReport& report) const
{
    if (answer.overrun) {
        addFinding(
            report, "LOAD_INFO_OVERRUN",
            phrase(EAPSCOPE_TRANSLATE_NOOP(
                       "EngineText",
                       "RasEapGetInfo wrote past the %1-byte PPP_EAP_INFO (RASEAP.md §1.5, §3.7 item 5)"),
                   {verbatim(sizeof(PPP_EAP_INFO))}));
    }
    if (answer.result != NO_ERROR) {
        fail(report, "LOAD_GETINFO_FAILED",
             phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1: RasEapGetInfo(%2) returned error %3"),
                    {verbatim(report.path), verbatim(type), verbatim(answer.result)}));
        return false;
    }
    if (answer.info.dwEapTypeId != type) {
        fail(report, "LOAD_TYPE_MISMATCH",
             phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                            "%1: asked for EAP type %2, RasEapGetInfo filled dwEapTypeId %3"),
                    {verbatim(report.path), verbatim(type), verbatim(answer.info.dwEapTypeId)}));
        return false;
    }
    if (!answer.info.RasEapMakeMessage) {
        fail(report, "LOAD_NO_MAKEMESSAGE",
             phrase(EAPSCOPE_TRANSLATE_NOOP(
                        "EngineText",
                        "%1: RasEapGetInfo(%2) left RasEapMakeMessage NULL; it is required (RASEAP.md §1.5)"),
                    {verbatim(report.path), verbatim(type)}));
        return false;
    }
    return true;
}

// RASEAP.md §3.7 item 4: every non-NULL entry point lies inside the loaded module image.
void MethodLibrary::checkPointersInImage(LoadReport& report) const
{
    const std::array<std::pair<const char*, void*>, 4> entries = {{
        {"RasEapInitialize", reinterpret_cast<void*>(info_.RasEapInitialize)},
        {"RasEapBegin", reinterpret_cast<void*>(info_.RasEapBegin)},
        {"RasEapEnd", reinterpret_cast<void*>(info_.RasEapEnd)},
        {"RasEapMakeMessage", reinterpret_cast<void*>(info_.RasEapMakeMessage)},
    }};
    for (const auto& [name, pointer] : entries) {
        if (pointer && !library_.contains(pointer)) {
            const std::string module = SharedObject::moduleAt(pointer);
            report.notes.push_back(
                std::string(name) + " points outside the module image (" + hexPointer(pointer) + ", in " +
                (module.empty() ? "no loaded module" : module) + "); RASEAP.md §3.7 item 4");
        }
    }
}

}  // namespace eapscope
