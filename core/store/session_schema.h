// The session file's SQLite schema and its versions (DESIGN.md "Session file").
//
// Tables (all written by SessionWriter, read by readSession):
//   meta(key, value)            format_major, format_minor, writer
//   strings(id, text, sentence) the trace's interned strings, id = StringId value;
//                               (1.4) sentence = the string as template + arguments (JSON of
//                               common/message_text.h) when the engine wrote it as a sentence
//                               (Trace::sentence: State and Note rows), else NULL; the GUI shows
//                               it translated, a 1.3 file's strings show their stored English
//   packets(id, bytes)          raw packet bytes, id = PacketId value
//   methods(id, side, name, path, eap_type, roles, sha256)
//   options(key, seq, value)    the run's options, seq = order of first setting
//   contexts(id, side, number, created, label)
//   events(id, time, kind, side, entry, action, context, call, result, aux, packet, text, a, b)
//                               one row per trace event, the trace columns as integers
//   findings(id, rule, severity, side, context, call, entry, message, bytes, blocks, sites,
//            signal, exit_status, offset, event, text)   sites = JSON array of strings;
//                               (1.3) text = the message as template + arguments (JSON)
//   summary(key, value)         events, packets, contexts, findings, errors, warnings, outcome,
//                               packet_bytes, complete (0/1)
//   lesson_progress(seq, task, done, started, completed, hints, time_ns)   (1.2) the lesson's
//                               tasks as last evaluated (Trace::lessonProgress); a cache, the
//                               Learner events (events.kind = Learner) are what grading reads
// Id references (context, call, packet, text, label, created, event) are stored as the id
// value + 1, with 0 for "none": the common "none" then costs no bytes in a row.
// 64-bit unsigned columns (time, a, b) are stored as their two's-complement int64.
#pragma once

#include "common/result.h"

#include <cstdint>
#include <string>

namespace eapscope {

class SqliteDb;

struct SchemaVersion {
    int major = 0;
    int minor = 0;
};

/// The format this build writes. Minor versions only add; a reader accepts any minor of its
/// major, and migrates older ones (1.0 kept the summary in meta; 1.1 had no learner events
/// and no lesson progress; 1.2 no findings.text; 1.3 no strings.sentence).
inline constexpr SchemaVersion kSessionFormat{1, 4};

/// Creates every table of the current format in an empty database.
Status createSessionSchema(SqliteDb& db);

/// Reads and checks the version of an opened file: not a session file, or a newer major
/// version, is an error naming the file and both versions.
Result<SchemaVersion> readSessionVersion(const SqliteDb& db);

/// Brings a database of an older version of this major to the current one, in place (the
/// reader runs it on a private in-memory copy, never on the user's file).
Status migrateSession(SqliteDb& db, SchemaVersion from);

/// Stored form of an id: value + 1, 0 = invalid.
template <typename Id>
std::int64_t storedId(Id id)
{
    return id.valid() ? static_cast<std::int64_t>(id.value()) + 1 : 0;
}

}  // namespace eapscope
