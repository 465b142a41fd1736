# RADIUS attribute decoding (issue 11): the strict codec and the capture importer's view.
# Corpus: corpus/radius, written by radius_corpus_seed (packets the codec tests build).
eapscope_add_fuzz(radius_codec_fuzz
  SOURCES "${CMAKE_CURRENT_LIST_DIR}/radius_codec_fuzz.cpp"
  LIBS eapscope_radius
  CORPUS "${CMAKE_CURRENT_LIST_DIR}/corpus/radius"
  INSTRUMENT eapscope_radius)
add_executable(radius_corpus_seed "${CMAKE_CURRENT_LIST_DIR}/radius_corpus_seed.cpp")
target_link_libraries(radius_corpus_seed PRIVATE eapscope_radius)
eapscope_warnings(radius_corpus_seed)
