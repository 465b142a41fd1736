# Methods are "foreign" code: they, the isolated host and the heap tracer are built without
# sanitizers even in the asan preset, because the tracer interposes malloc (ASan must own it)
# and a sanitized method cannot load into an unsanitized host. The controller side (engine,
# store, GUI, tests) keeps ASan+UBSan.
function(eapscope_no_sanitize target)
  target_compile_options(${target} PRIVATE -fno-sanitize=all)
  target_link_options(${target} PRIVATE -fno-sanitize=all)
endfunction()

include(EapScopeMethodLibrary)

function(_eapscope_method_target target name outdir)
  eapscope_method_library(${target} ${ARGN})
  eapscope_warnings(${target})
  eapscope_no_sanitize(${target})
  set_target_properties(${target} PROPERTIES OUTPUT_NAME "${name}" LIBRARY_OUTPUT_DIRECTORY "${outdir}")
endfunction()

# eapscope_add_method(NAME SOURCES src... [LIBS lib...])
# A bundled or training EAP method: a shared library built only against the public ABI header
# (eapscope_sdk), written to <libdir>/eapscope/methods/<NAME>.so in the build and install trees.
# Training methods use names "training-<fault>".
function(eapscope_add_method name)
  string(REPLACE "-" "_" target "eapscope_method_${name}")
  _eapscope_method_target(${target} ${name} "${EAPSCOPE_METHODS_OUTPUT_DIR}" ${ARGN})
  install(TARGETS ${target} LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}/eapscope/methods")
  set_property(GLOBAL APPEND PROPERTY EAPSCOPE_METHOD_TARGETS ${target})
endfunction()

# eapscope_add_test_method(NAME SOURCES src... [LIBS lib...])
# A method that exists only for tests (broken on purpose, or written as a stranger would):
# built to ${EAPSCOPE_TEST_METHODS_DIR}/<NAME>.so, never installed, never listed as bundled.
set(EAPSCOPE_TEST_METHODS_DIR "${CMAKE_BINARY_DIR}/tests/methods")
function(eapscope_add_test_method name)
  string(REPLACE "-" "_" target "eapscope_test_method_${name}")
  _eapscope_method_target(${target} ${name} "${EAPSCOPE_TEST_METHODS_DIR}" ${ARGN})
  set_property(GLOBAL APPEND PROPERTY EAPSCOPE_TEST_METHOD_TARGETS ${target})
endfunction()
