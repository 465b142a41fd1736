// The system's own words inside core's sentences (strerror, SQLite's messages), kept English in
// the message but marked, for the common ones, so the GUI shows them translated too; any other
// text is shown as the system wrote it.
#pragma once

#include "common/message_text.h"

namespace eapscope {

/// std::strerror(code) as a sentence argument.
MessageText errnoText(int code);
/// An SQLite message (sqlite3_errmsg / sqlite3_errstr) as a sentence argument.
MessageText sqliteText(const char* message);

}  // namespace eapscope
