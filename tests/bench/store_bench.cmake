# Session-file recording and opening against the in-memory trace and SQLite's raw scan (issue 4 part 7).
add_executable(store_bench "${CMAKE_CURRENT_LIST_DIR}/store_bench.cpp")
target_link_libraries(store_bench PRIVATE eapscope_store SQLite::SQLite3)
target_include_directories(store_bench PRIVATE "${CMAKE_SOURCE_DIR}/tests/store")
eapscope_warnings(store_bench)
