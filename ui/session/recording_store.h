// Where a live session records while nobody has saved it (issue 14 "Files a desktop program
// leaves behind"): <cache>/recordings/ (QStandardPaths::CacheLocation), one crash-safe session
// file per live session (DESIGN.md "Session file": SQLite in WAL mode, flushed every 250 ms),
// each guarded by a QLockFile beside it that names the process recording into it. A normal end
// removes both; a crash or a kill leaves the recording with a stale lock, which the next start
// finds here and offers to recover.
#pragma once

#include <QDateTime>
#include <QList>
#include <QLockFile>
#include <QString>

#include <memory>

namespace eapscope::ui {

/// A recording whose process ended without closing it (its lock is stale or missing).
struct OrphanedRecording {
    QString path;
    QDateTime lastWritten;
    qsizetype events = 0;
    qsizetype findings = 0;
    QString methods;  // "md5 ↔ training-heap-leak", from the recording's contexts
};

class RecordingStore {
public:
    /// <cache>/recordings (created on demand).
    static QString directory();

    /// A new recording's path in directory(), locked by this process for as long as the
    /// returned lock lives; empty path (and null lock) when the folder cannot be written.
    struct Claim {
        QString path;
        std::unique_ptr<QLockFile> lock;
    };
    static Claim create(quint64 generation);

    /// The recordings no running process holds, newest first. Empty ones (nothing ran) and
    /// their leftovers are removed on the way: nothing a person did is in them.
    static QList<OrphanedRecording> orphaned();

    /// Removes a recording with its SQLite side files (-wal, -shm, -journal).
    static void remove(const QString& path);

    /// Writes the recording at `from` to `to` as an ordinary session file (the same writer
    /// as Save As) and removes it from the cache; returns the error text, empty on success.
    static QString recover(const QString& from, const QString& to);
};

}  // namespace eapscope::ui
