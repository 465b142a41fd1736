# The bundled methods' decoders (gtc, mschapv2, tls, peap), both roles, driven through their entry
# points by method_fuzz_harness. Corpora corpus/method_<name>, seeded by method_corpus_seed
# (recorded loopback conversations). In the fuzz preset the method libraries get coverage.
foreach(method IN ITEMS gtc mschapv2 tls peap)
  set(libs)
  if(method STREQUAL "tls" OR method STREQUAL "peap")
    set(libs eapscope_test_pki)
  endif()
  eapscope_add_fuzz(${method}_method_fuzz
    SOURCES "${CMAKE_CURRENT_LIST_DIR}/${method}_method_fuzz.cpp" "${CMAKE_CURRENT_LIST_DIR}/method_fuzz_harness.cpp"
    LIBS eapscope_sdk ${libs} ${CMAKE_DL_LIBS}
    CORPUS "${CMAKE_CURRENT_LIST_DIR}/corpus/method_${method}"
    INSTRUMENT eapscope_method_${method}
    DEPENDS eapscope_method_${method} eapscope_method_mschapv2)
endforeach()
# Where the harness finds the method libraries, in the replay tests and the libFuzzer binaries.
set_source_files_properties("${CMAKE_CURRENT_LIST_DIR}/method_fuzz_harness.cpp" PROPERTIES
  COMPILE_DEFINITIONS "EAPSCOPE_HARNESS_METHODS_DIR=\"${EAPSCOPE_METHODS_OUTPUT_DIR}\"")

add_executable(method_corpus_seed "${CMAKE_CURRENT_LIST_DIR}/method_corpus_seed.cpp")
target_link_libraries(method_corpus_seed PRIVATE eapscope_engine eapscope_method eapscope_test_pki)
target_compile_definitions(method_corpus_seed PRIVATE EAPSCOPE_METHODS_DIR="${EAPSCOPE_METHODS_OUTPUT_DIR}")
add_dependencies(method_corpus_seed eapscope_method_gtc eapscope_method_mschapv2 eapscope_method_tls
  eapscope_method_peap)
eapscope_warnings(method_corpus_seed)
