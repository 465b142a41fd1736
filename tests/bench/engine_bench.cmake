# MD5 loopback through the engine against direct entry-point calls (issue 2 part 9).
add_executable(engine_bench "${CMAKE_CURRENT_LIST_DIR}/engine_bench.cpp")
target_link_libraries(engine_bench PRIVATE eapscope_engine eapscope_method ${CMAKE_DL_LIBS})
add_dependencies(engine_bench eapscope_method_md5)
eapscope_warnings(engine_bench)
