#include "host/tracer_link.h"

#include "method/shared_object.h"

namespace eapscope {

namespace {

template <typename Fn>
Fn lookup(const char* name)
{
    return reinterpret_cast<Fn>(SharedObject::processSymbol(name));
}

constexpr std::size_t kDrainBatch = 4096;

}  // namespace

TracerLink::TracerLink()
    : setContext_(lookup<SetContextFn>("eapscope_tracer_set_context")),
      drain_(lookup<DrainFn>("eapscope_tracer_drain")),
      site_(lookup<SiteFn>("eapscope_tracer_site")),
      configure_(lookup<ConfigureFn>("eapscope_tracer_configure")),
      contextEnded_(lookup<ContextEndedFn>("eapscope_tracer_context_ended"))
{
}

void TracerLink::contextEnded(std::uint32_t tag) const
{
    if (contextEnded_ != nullptr) {
        contextEnded_(tag);
    }
}

void TracerLink::configure(bool stacks, bool quarantine) const
{
    if (configure_ != nullptr) {
        configure_(stacks ? 1 : 0, quarantine ? 1 : 0);
    }
}

void TracerLink::setContext(std::uint32_t tag) const
{
    if (setContext_ != nullptr) {
        setContext_(tag);
    }
}

std::size_t TracerLink::drainRaw(eapscope_heap_record* out, std::size_t max) const
{
    return drain_ != nullptr ? drain_(out, max) : 0;
}

const char* TracerLink::site(std::uint32_t index) const
{
    if (site_ == nullptr || index == 0) {
        return "";
    }
    const char* text = site_(index);
    return text != nullptr ? text : "";
}

const char* TracerLink::anomalyOf(std::uint8_t kind)
{
    switch (kind) {
        case EAPSCOPE_HEAP_DOUBLE_FREE:
            return "DOUBLE_FREE";
        case EAPSCOPE_HEAP_INVALID_FREE:
            return "INVALID_FREE";
        case EAPSCOPE_HEAP_WRITE_AFTER_FREE:
            return "USE_AFTER_FREE";
        case EAPSCOPE_HEAP_RETAINED:
            return "RETAINED";
        default:
            return "";
    }
}

void TracerLink::drainInto(std::vector<HeapEvent>& out) const
{
    if (drain_ == nullptr) {
        return;
    }
    static eapscope_heap_record records[kDrainBatch];
    std::size_t n = 0;
    do {
        n = drain_(records, kDrainBatch);
        for (std::size_t i = 0; i < n; ++i) {
            const eapscope_heap_record& r = records[i];
            HeapEvent event;
            event.alloc = r.kind == EAPSCOPE_HEAP_ALLOC;
            event.address = r.address;
            event.size = r.size;
            event.contextTag = r.context_tag;
            event.timeNs = r.time_ns;
            event.site = site(r.site);
            event.anomaly = anomalyOf(r.kind);
            out.push_back(std::move(event));
        }
    } while (n == kDrainBatch);
}

}  // namespace eapscope
