# `run --jobs N` (issue 13, "Scale past one process"): isolated MD5 loopback on 1 and 2 jobs.
add_executable(jobs_bench "${CMAKE_CURRENT_LIST_DIR}/jobs_bench.cpp")
target_link_libraries(jobs_bench PRIVATE eapscope_engine eapscope_host eapscope_method)
add_dependencies(jobs_bench eapscope-host eapscope_heaptracer eapscope_method_md5)
eapscope_warnings(jobs_bench)
