# The EAP decoder and the capture importer (issue 6 part 7). Corpora: corpus/eap (EAP packets),
# corpus/capture_frame (a link-type byte + one frame), corpus/capture (whole capture files),
# seeded by tests/fuzz/capture_corpus_seed from the generated fixtures (tests/capture/generator).
eapscope_add_fuzz(eap_decoder_fuzz
  SOURCES "${CMAKE_CURRENT_LIST_DIR}/eap_decoder_fuzz.cpp"
  LIBS eapscope_eap
  CORPUS "${CMAKE_CURRENT_LIST_DIR}/corpus/eap"
  INSTRUMENT eapscope_eap)
eapscope_add_fuzz(capture_frame_fuzz
  SOURCES "${CMAKE_CURRENT_LIST_DIR}/capture_frame_fuzz.cpp"
  LIBS eapscope_capture
  CORPUS "${CMAKE_CURRENT_LIST_DIR}/corpus/capture_frame"
  INSTRUMENT eapscope_capture eapscope_eap)
eapscope_add_fuzz(capture_file_fuzz
  SOURCES "${CMAKE_CURRENT_LIST_DIR}/capture_file_fuzz.cpp"
  LIBS eapscope_capture eapscope_diagnosis eapscope_report
  CORPUS "${CMAKE_CURRENT_LIST_DIR}/corpus/capture"
  INSTRUMENT eapscope_diagnosis eapscope_report)

add_executable(capture_corpus_seed "${CMAKE_CURRENT_LIST_DIR}/capture_corpus_seed.cpp")
target_link_libraries(capture_corpus_seed PRIVATE eapscope_capture_fixtures)
eapscope_warnings(capture_corpus_seed)
