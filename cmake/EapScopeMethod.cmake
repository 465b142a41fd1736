# eapscope_add_method(NAME SOURCES src... [LIBS lib...])
# A bundled or training EAP method: a shared library built only against the public ABI header
# (eapscope_sdk), written to lib/eapscope/methods/<NAME>.so in the build and install trees.
function(eapscope_add_method name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
  set(target "eapscope_method_${name}")
  string(REPLACE "-" "_" target "${target}")
  add_library(${target} MODULE ${ARG_SOURCES})
  target_link_libraries(${target} PRIVATE eapscope_sdk ${ARG_LIBS})
  eapscope_warnings(${target})
  set_target_properties(${target} PROPERTIES
    PREFIX "" OUTPUT_NAME "${name}"
    LIBRARY_OUTPUT_DIRECTORY "${EAPSCOPE_METHODS_OUTPUT_DIR}"
    C_VISIBILITY_PRESET hidden CXX_VISIBILITY_PRESET hidden)
  install(TARGETS ${target} LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}/eapscope/methods")
  set_property(GLOBAL APPEND PROPERTY EAPSCOPE_METHOD_TARGETS ${target})
endfunction()
