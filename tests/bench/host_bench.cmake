# Isolated hosts (with and without the heap tracer, and the Windows host under Wine with md5.dll)
# against the in-process engine (issue 3 part 7).
add_executable(host_bench "${CMAKE_CURRENT_LIST_DIR}/host_bench.cpp")
target_link_libraries(host_bench PRIVATE eapscope_engine eapscope_host eapscope_method)
add_dependencies(host_bench eapscope-host eapscope_heaptracer eapscope_method_md5 eapscope_windows)
eapscope_warnings(host_bench)
