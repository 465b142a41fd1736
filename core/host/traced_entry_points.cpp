#include "host/traced_entry_points.h"

#include <atomic>

namespace eapscope {

namespace {

PPP_EAP_INFO g_real{};
const TracerLink* g_tracer = nullptr;
std::uint32_t g_tag = 0;
std::atomic<bool> g_inMethod{false};

/// Sets the tag for the duration of one method call (RAII so every return path resets it).
class InMethod {
public:
    InMethod()
    {
        g_tracer->setContext(g_tag);
        g_inMethod.store(true, std::memory_order_relaxed);
    }
    ~InMethod()
    {
        g_inMethod.store(false, std::memory_order_relaxed);
        g_tracer->setContext(EAPSCOPE_TRACER_OUTSIDE_CALL);
    }
    InMethod(const InMethod&) = delete;
    InMethod& operator=(const InMethod&) = delete;
};

DWORD APIENTRY initializeTrampoline(BOOL fInitialize)
{
    InMethod scope;
    return g_real.RasEapInitialize(fInitialize);
}

DWORD APIENTRY beginTrampoline(VOID** ppWorkBuffer, PPP_EAP_INPUT* pPppEapInput)
{
    InMethod scope;
    return g_real.RasEapBegin(ppWorkBuffer, pPppEapInput);
}

DWORD APIENTRY endTrampoline(VOID* pWorkBuffer)
{
    InMethod scope;
    return g_real.RasEapEnd(pWorkBuffer);
}

DWORD APIENTRY makeMessageTrampoline(VOID* pWorkBuf, PPP_EAP_PACKET* pReceivePacket,
                                     PPP_EAP_PACKET* pSendPacket, DWORD cbSendPacket,
                                     PPP_EAP_OUTPUT* pEapOutput, PPP_EAP_INPUT* pEapInput)
{
    InMethod scope;
    return g_real.RasEapMakeMessage(pWorkBuf, pReceivePacket, pSendPacket, cbSendPacket, pEapOutput,
                                    pEapInput);
}

}  // namespace

PPP_EAP_INFO TracedEntryPoints::wrap(const PPP_EAP_INFO& info, const TracerLink& tracer)
{
    g_real = info;
    g_tracer = &tracer;
    PPP_EAP_INFO wrapped = info;
    wrapped.RasEapInitialize = info.RasEapInitialize != nullptr ? initializeTrampoline : nullptr;
    wrapped.RasEapBegin = info.RasEapBegin != nullptr ? beginTrampoline : nullptr;
    wrapped.RasEapEnd = info.RasEapEnd != nullptr ? endTrampoline : nullptr;
    wrapped.RasEapMakeMessage = info.RasEapMakeMessage != nullptr ? makeMessageTrampoline : nullptr;
    return wrapped;
}

void TracedEntryPoints::setNextTag(std::uint32_t tag)
{
    g_tag = tag;
}

bool TracedEntryPoints::inMethod()
{
    return g_inMethod.load(std::memory_order_relaxed);
}

}  // namespace eapscope
