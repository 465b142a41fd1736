# Isolated hosts (with and without the heap tracer, at 300 and at N contexts per run, recorded and
# not, and the Windows host under Wine with md5.dll) against the in-process engine (issues 3, 13).
add_executable(host_bench "${CMAKE_CURRENT_LIST_DIR}/host_bench.cpp")
target_link_libraries(host_bench PRIVATE eapscope_engine eapscope_host eapscope_method eapscope_store)
add_dependencies(host_bench eapscope-host eapscope_heaptracer eapscope_method_md5 eapscope_windows)
eapscope_warnings(host_bench)
