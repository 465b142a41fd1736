/* Stub: API only, no interposition yet. */
#include "tracer_api.h"

#define EXPORT __attribute__((visibility("default")))

EXPORT void eapscope_tracer_set_context(uint32_t context_tag)
{
    (void)context_tag;
}
EXPORT size_t eapscope_tracer_drain(struct eapscope_heap_record* out, size_t max)
{
    (void)out;
    (void)max;
    return 0;
}
EXPORT const char* eapscope_tracer_site(uint32_t site)
{
    (void)site;
    return "";
}
EXPORT void eapscope_tracer_configure(int stacks, int quarantine)
{
    (void)stacks;
    (void)quarantine;
}
EXPORT uint64_t eapscope_tracer_dropped(void)
{
    return 0;
}
EXPORT int eapscope_tracer_active(void)
{
    return 0;
}
