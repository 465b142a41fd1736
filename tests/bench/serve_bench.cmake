# `eapscope-cli serve --auth md5` (in-process and isolated host) against FreeRADIUS 3.2's own
# EAP-MD5, both driven by radeapclient (10 in flight) and by 16 parallel eapol_test (issue 11).
add_executable(serve_bench "${CMAKE_CURRENT_LIST_DIR}/serve_bench.cpp")
target_link_libraries(serve_bench PRIVATE eapscope_interop_support)
add_dependencies(serve_bench eapscope-cli eapscope-host eapscope_method_md5)
eapscope_warnings(serve_bench)
