# The GUI's translations (issue 14 "French"). resources/translations/eapscope_<lang>.ts are the
# sources of truth, checked in; lrelease compiles them and the .qm files are embedded in the GUI
# library under :/i18n.
#
# Refresh the .ts files after adding or changing a user-visible string:
#     cmake --build build/dev --target eapscope_lupdate
# then fill every <translation type="unfinished"> in eapscope_fr.ts (and the plural forms in
# eapscope_en.ts); the test `translations_complete` fails while one is left.
#
# qt_add_translations (Qt 6.4) gives every .ts the same lupdate options, but the English file
# holds only the plural forms (-pluralonly), so lupdate runs as two commands here and lrelease
# plus embedding go through qt_add_lrelease and qt_add_resources, the two halves of
# qt_add_translations.
find_package(Qt6 6.4 REQUIRED COMPONENTS Core LinguistTools)

set(EAPSCOPE_TS_DIR "${CMAKE_SOURCE_DIR}/resources/translations" CACHE INTERNAL "")
set(EAPSCOPE_TS_FR "${EAPSCOPE_TS_DIR}/eapscope_fr.ts")
set(EAPSCOPE_TS_EN "${EAPSCOPE_TS_DIR}/eapscope_en.ts")
# Line numbers would make every parallel branch conflict on every entry: no locations at all.
# Core texts the GUI shows are marked EAPSCOPE_TRANSLATE_NOOP(context, text) (core/common/translate.h).
set(EAPSCOPE_LUPDATE_OPTIONS -silent -locations none -no-obsolete -source-language en
    -tr-function-alias QT_TRANSLATE_NOOP+=EAPSCOPE_TRANSLATE_NOOP CACHE INTERNAL "")

# eapscope_translations(<target>): embeds the compiled .ts files into <target> and creates the
# eapscope_lupdate target plus the list of sources lupdate reads (also used by the test).
function(eapscope_translations target)
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS
    "${CMAKE_SOURCE_DIR}/ui/*.cpp" "${CMAKE_SOURCE_DIR}/ui/*.h"
    "${CMAKE_SOURCE_DIR}/app/gui/*.cpp" "${CMAKE_SOURCE_DIR}/app/gui/*.h"
    "${CMAKE_SOURCE_DIR}/core/*.cpp" "${CMAKE_SOURCE_DIR}/core/*.h")
  list(SORT sources)
  # lupdate resolves a class's namespace through the headers a .cpp includes.
  set(lines "-I${CMAKE_SOURCE_DIR}/ui\n-I${CMAKE_SOURCE_DIR}/core\n-I${CMAKE_SOURCE_DIR}/core/include\n")
  string(REPLACE ";" "\n" source_lines "${sources}")
  string(APPEND lines "${source_lines}")
  set(list_file "${CMAKE_BINARY_DIR}/translations/lupdate_sources.lst")
  file(WRITE "${list_file}.in" "${lines}\n")
  configure_file("${list_file}.in" "${list_file}" COPYONLY)
  set(EAPSCOPE_LUPDATE_SOURCES_LIST "${list_file}" CACHE INTERNAL "")

  add_custom_target(eapscope_lupdate
    COMMAND Qt6::lupdate ${EAPSCOPE_LUPDATE_OPTIONS} -target-language fr "@${list_file}" -ts "${EAPSCOPE_TS_FR}"
    COMMAND Qt6::lupdate ${EAPSCOPE_LUPDATE_OPTIONS} -target-language en -pluralonly "@${list_file}"
            -ts "${EAPSCOPE_TS_EN}"
    WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}"
    COMMENT "Refreshing resources/translations/*.ts from the sources"
    VERBATIM)

  qt_add_lrelease(${target} TS_FILES "${EAPSCOPE_TS_FR}" "${EAPSCOPE_TS_EN}" QM_FILES_OUTPUT_VARIABLE qm_files
    OPTIONS -silent -nounfinished)
  qt_add_resources(${target} eapscope_translations PREFIX /i18n BASE "${CMAKE_CURRENT_BINARY_DIR}"
    FILES ${qm_files})
endfunction()
