// The host's fatal-signal and guard-page handling (issue 3 parts 2 and 4);
// fault_handler_posix.cpp and, for eapscope-host.exe, fault_handler_win.cpp.
//
// Runs on an alternate signal stack so a stack overflow can still be reported. A SIGSEGV in
// the send buffer's trailing PROT_NONE page is a PACKET_OVERFLOW: the CallRunner records the
// offset and opens the page, and the faulting write resumes, so the call finishes and its
// outcome carries packetOverflow + overflowOffset (the page is re-armed before the next call).
// A SIGSEGV in a poisoned Begin-only input buffer is INPUT_USED_AFTER_CALL: the buffer is
// unpoisoned and the access resumes. Every other fatal signal, and exit() from inside a method,
// sends Dying { signal } and then DyingEvents with what the tracer still held, without
// allocating, and lets the process die so the controller sees the real wait status.
// SIGUSR2 is the controller's "your call hung" nudge: the same two frames, then it waits for
// the controller's SIGKILL.
#pragma once

#include "host/tracer_link.h"

namespace eapscope {

class CallRunner;

class FaultHandler {
public:
    /// Installs the handlers once per process; `fd` is the protocol socket.
    static void install(int fd, const TracerLink& tracer);
    /// The socket changed (a resumed checkpoint copy).
    static void setFd(int fd);
    /// The runner whose guard pages a SIGSEGV may hit (nullptr before load).
    static void setRunner(CallRunner* runner);

    // Windows (fault_handler_win.cpp): a vectored exception handler opens guard pages and
    // poisoned input, an unhandled-exception filter reports crashes (Dying { exception code },
    // DyingEvents, then an ErrorReply naming the exception and the faulting module+offset).
    // The method's patched imports report the process-ending calls through these:
    /// exit/_exit/ExitProcess/TerminateProcess from the method: Dying { 0 } (the exit status follows).
    static void reportExit();
    /// abort() from the method: reported as the exception STATUS_FATAL_APP_EXIT.
    static void reportAbort();
};

}  // namespace eapscope
