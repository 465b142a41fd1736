# The host wire protocol (issue 12): corpus in corpus/wire/, seeds from tests/fuzz/wire_corpus_seed
# (regenerate: build/<dir>/bin/wire_corpus_seed tests/fuzz/corpus/wire).
eapscope_add_fuzz(wire_fuzz
  SOURCES "${CMAKE_CURRENT_LIST_DIR}/wire_fuzz.cpp"
  LIBS eapscope_host
  CORPUS "${CMAKE_CURRENT_LIST_DIR}/corpus/wire"
  INSTRUMENT eapscope_host)

add_executable(wire_corpus_seed "${CMAKE_CURRENT_LIST_DIR}/wire_corpus_seed.cpp")
target_link_libraries(wire_corpus_seed PRIVATE eapscope_host)
eapscope_warnings(wire_corpus_seed)
