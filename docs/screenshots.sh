#!/usr/bin/env bash
# Regenerates the guide's screenshots from the real program under Xvfb:
#   docs/screenshots.sh [build dir, default build/dev]
# The GUI screenshot test drives the main window (a run of a leaking training method in English
# and in French, an opened capture, a lesson in progress in normal and presenter mode) and saves
# PNGs; this script copies them into docs/images/.
set -euo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$top/build/dev}"
cmake --build "$build" --target gui_screenshot_tests
QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1920x1200x24" "$build/bin/gui_screenshot_tests"
cp "$build/screenshots/main_window_3ctx_heap_leak.png" "$top/docs/images/main_window.png"
cp "$build/screenshots/main_window_fr.png" "$top/docs/images/main_window_fr.png"
cp "$build/screenshots/main_window_capture_md5.png" "$top/docs/images/main_window_capture.png"
cp "$build/screenshots/lesson_en.png" "$top/docs/images/lesson.png"
cp "$build/screenshots/lesson_fr_presenter_1280x720.png" "$top/docs/images/lesson_presenter_fr.png"
echo "docs/images updated from $build"
