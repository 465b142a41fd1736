# Capture import against tshark and a bare libpcap read loop over the same large file (issue 6 part 8).
add_executable(capture_bench "${CMAKE_CURRENT_LIST_DIR}/capture_bench.cpp")
target_link_libraries(capture_bench PRIVATE eapscope_capture eapscope_diagnosis PkgConfig::PCAP)
target_compile_definitions(capture_bench PRIVATE EAPSCOPE_BINARY_DIR="${CMAKE_BINARY_DIR}"
  EAPSCOPE_SHARED_DIR="${EAPSCOPE_SHARED_DIR}")
eapscope_warnings(capture_bench)
