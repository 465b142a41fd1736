# The session-file reader (issue 4 part 6): corpus in corpus/store/, seeds from
# tests/fuzz/store_corpus_seed (regenerate: build/<dir>/bin/store_corpus_seed tests/fuzz/corpus/store).
eapscope_add_fuzz(store_reader_fuzz
  SOURCES "${CMAKE_CURRENT_LIST_DIR}/store_reader_fuzz.cpp"
  LIBS eapscope_store eapscope_report
  CORPUS "${CMAKE_CURRENT_LIST_DIR}/corpus/store"
  INSTRUMENT eapscope_store eapscope_trace eapscope_common eapscope_report)

add_executable(store_corpus_seed "${CMAKE_CURRENT_LIST_DIR}/store_corpus_seed.cpp")
target_link_libraries(store_corpus_seed PRIVATE eapscope_store SQLite::SQLite3)
target_include_directories(store_corpus_seed PRIVATE "${CMAKE_SOURCE_DIR}/tests/store")
eapscope_warnings(store_corpus_seed)
