# cmake -DBUILD_DIR=… -DWORK_DIR=… -DCLI=… -DC_COMPILER=… -P sdk_template_test.cmake
# The README's three commands, run as written against an SDK installed into WORK_DIR/prefix.
# WORK_DIR is removed before and, when everything passed, after.
cmake_minimum_required(VERSION 3.25)

function(run_step what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${what} failed (${rc}):\n${out}\n${err}")
  endif()
  set(step_output "${out}${err}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE "${WORK_DIR}")
set(prefix "${WORK_DIR}/prefix")
run_step("installing the sdk component" ${CMAKE_COMMAND} --install "${BUILD_DIR}" --component sdk --prefix "${prefix}")

# The component holds the SDK and nothing of the program.
file(GLOB_RECURSE installed RELATIVE "${prefix}" "${prefix}/*")
list(SORT installed)
foreach(expected include/eapscope/raseap.h include/eapscope/raseap_method.h
    share/cmake/EapScopeSDK/EapScopeSDKConfig.cmake share/pkgconfig/eapscope-sdk.pc
    share/eapscope/sdk/template/CMakeLists.txt share/eapscope/sdk/template/my_method.c
    share/eapscope/sdk/template/README.md share/eapscope/sdk/template/LICENSE)
  if(NOT expected IN_LIST installed)
    message(FATAL_ERROR "the sdk component lacks ${expected}; it has:\n${installed}")
  endif()
endforeach()
foreach(file IN LISTS installed)
  if(file MATCHES "^bin/|\\.so$|/methods/")
    message(FATAL_ERROR "the sdk component installs a program file: ${file}")
  endif()
endforeach()

# 1. copy the template out, 2. configure, 3. build (README.md "Build and run it").
file(COPY "${prefix}/share/eapscope/sdk/template/" DESTINATION "${WORK_DIR}/my-method")
set(src "${WORK_DIR}/my-method")
run_step("configuring the template" ${CMAKE_COMMAND} -S "${src}" -B "${src}/build"
  "-DCMAKE_PREFIX_PATH=${prefix}" "-DCMAKE_C_COMPILER=${C_COMPILER}")
run_step("building the template" ${CMAKE_COMMAND} --build "${src}/build")
set(method "${src}/build/my_method.so")
if(NOT EXISTS "${method}")
  message(FATAL_ERROR "the template built no ${method}")
endif()

# Its RasEapGetInfo is the SDK helper's (RasEapFillInfo, raseap_method.h): the host asks for every
# type 1..254 and the template answers for EAP-MD5 (4) alone.
file(READ "${src}/my_method.c" template_source)
if(NOT template_source MATCHES "return RasEapFillInfo\\(type, info, &my_entry_points\\);")
  message(FATAL_ERROR "the template's RasEapGetInfo does not use RasEapFillInfo")
endif()
execute_process(COMMAND "${CLI}" methods --json "${method}" RESULT_VARIABLE rc OUTPUT_VARIABLE described
  ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "describing the template method failed (${rc}):\n${described}\n${err}")
endif()
string(JSON types GET "${described}" methods 0 types)
string(REGEX REPLACE "[ \n]" "" types "${types}")
if(NOT types STREQUAL "[4]")
  message(FATAL_ERROR "the template method answers for the types ${types}, not [4] alone:\n${described}")
endif()
# Its RasEapRolesSupported (RASEAP.md §2.5) says peer only, and the host's listing says so too.
if(NOT template_source MATCHES "RasEapRolesSupported = RAS_EAP_ROLE_AUTHENTICATEE;")
  message(FATAL_ERROR "the template no longer declares the peer role alone")
endif()
string(JSON roles GET "${described}" methods 0 roles)
string(REGEX REPLACE "[ \n]" "" roles "${roles}")
if(NOT roles STREQUAL "[\"peer\"]")
  message(FATAL_ERROR "the template method lists the roles ${roles}, not [\"peer\"] alone:\n${described}")
endif()

# The method authenticates against bundled md5, with no finding (exit code 0).
run_step("running the template method" "${CLI}" run --auth md5 --peer "${method}" --identity alice --password secret)
if(NOT step_output MATCHES "Findings: 0" OR NOT step_output MATCHES "Overall: success")
  message(FATAL_ERROR "the template method did not authenticate cleanly:\n${step_output}")
endif()
# ... and really computes its answer: a wrong password fails the authentication.
execute_process(COMMAND "${CLI}" run --auth md5 --peer "${method}" --identity alice --password wrong --auth-password secret
  OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(out MATCHES "Overall: success")
  message(FATAL_ERROR "the template method authenticated with a wrong password:\n${out}${err}")
endif()

# pkg-config, for authors without CMake: the same method from one compiler line.
find_program(PKG_CONFIG pkg-config REQUIRED)
set(ENV{PKG_CONFIG_PATH} "${prefix}/share/pkgconfig")
run_step("pkg-config" ${PKG_CONFIG} --cflags eapscope-sdk)
separate_arguments(cflags UNIX_COMMAND "${step_output}")
run_step("building with pkg-config" ${C_COMPILER} -shared -fPIC -fvisibility=hidden ${cflags} "${src}/my_method.c" -lcrypto
  -o "${WORK_DIR}/my_method_pc.so")
run_step("running the pkg-config build" "${CLI}" run --auth md5 --peer "${WORK_DIR}/my_method_pc.so"
  --identity alice --password secret)
if(NOT step_output MATCHES "Overall: success")
  message(FATAL_ERROR "the pkg-config build did not authenticate:\n${step_output}")
endif()

file(REMOVE_RECURSE "${WORK_DIR}")
