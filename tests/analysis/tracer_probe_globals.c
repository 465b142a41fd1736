/* A library global for tracer_probe: reachability roots are libraries' data, not the executable's
 * (the host executable keeps method pointers of its own), as with a method's globals. Set
 * through a function so the variable stays in this library (no copy relocation). */
__attribute__((visibility("default"))) void* probe_global_slot;

__attribute__((visibility("default"))) void probe_keep(void* p)
{
    probe_global_slot = p;
}
