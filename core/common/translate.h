// Marks an English text that core owns (a rule explanation, a diagnosis sentence) as one the GUI
// shows translated. core has no Qt, so the text stays English here and in the CLI's output
// (its JSON is an interface); lupdate is told to read this macro like QT_TRANSLATE_NOOP
// (-tr-function-alias QT_TRANSLATE_NOOP+=EAPSCOPE_TRANSLATE_NOOP), and ui/ looks the text up
// with QCoreApplication::translate(context, text) using the same context string.
#pragma once

#define EAPSCOPE_TRANSLATE_NOOP(context, text) text
