# timeline_bench: paint time of 1k vs 1M-event synthetic sessions (issue 5). Needs the GUI.
# With the main window and the session store built, it also times opening a 1M-event session
# file into the window against readSession() alone.
if(EAPSCOPE_BUILD_GUI)
  add_executable(timeline_bench ${CMAKE_CURRENT_LIST_DIR}/timeline_bench.cpp
                                ${CMAKE_CURRENT_LIST_DIR}/../timeline/synthetic_session.cpp)
  target_include_directories(timeline_bench PRIVATE ${CMAKE_CURRENT_LIST_DIR}/../timeline)
  target_link_libraries(timeline_bench PRIVATE eapscope_ui_timeline eapscope_ui eapscope_store)
  eapscope_warnings(timeline_bench)
endif()
