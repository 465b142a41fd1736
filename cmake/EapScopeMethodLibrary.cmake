# SPDX-License-Identifier: MIT
# Copyright (c) 2026 EapScope developers
# eapscope_method_library(TARGET SOURCES src... [LIBS lib...])
# What makes a shared library an EapScope method (RASEAP.md §4.2): a MODULE (loaded with dlopen,
# never linked), named exactly <OUTPUT_NAME>.so without the "lib" prefix, every symbol hidden but
# the ones the source marks RASEAP_EXPORT, built against the SDK header (EapScope::sdk) alone.
# The one definition for both sides: the bundled methods use it in this tree
# (cmake/EapScopeMethod.cmake) and the installed SDK ships it for methods built elsewhere.
function(eapscope_method_library target)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
  add_library(${target} MODULE ${ARG_SOURCES})
  target_link_libraries(${target} PRIVATE EapScope::sdk ${ARG_LIBS})
  set_target_properties(${target} PROPERTIES PREFIX ""
    C_VISIBILITY_PRESET hidden CXX_VISIBILITY_PRESET hidden)
endfunction()
