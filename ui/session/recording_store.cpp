#include "session/recording_store.h"

#include "models/event_format.h"
#include "store/session_reader.h"
#include "store/session_writer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include <algorithm>

namespace eapscope::ui {
namespace {

const QString kSuffix = QStringLiteral(".eapscope");

QString lockPathOf(const QString& recording)
{
    return recording + QStringLiteral(".lock");
}

// A lock held by a running process stays held whatever its age: a session may stay open for
// days. QLockFile still takes over a lock whose process is gone (the crash or kill we look for).
std::unique_ptr<QLockFile> tryLock(const QString& recording)
{
    auto lock = std::make_unique<QLockFile>(lockPathOf(recording));
    lock->setStaleLockTime(0);
    if (!lock->tryLock(0)) {
        return nullptr;
    }
    return lock;
}

QString methodsOf(const Trace& trace)
{
    QStringList names;
    for (const MethodIdentity& method : trace.methods()) {
        names.append(fromStd(method.name));
    }
    return names.join(QStringLiteral(" ↔ "));
}

}  // namespace

QString RecordingStore::directory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation))
        .filePath(QStringLiteral("recordings"));
}

RecordingStore::Claim RecordingStore::create(quint64 generation)
{
    const QString dir = directory();
    if (!QDir().mkpath(dir)) {
        return {};
    }
    // The pid keeps two windows (two processes) apart, the generation two sessions of one. A
    // leftover with the same name (an earlier process had this pid, before a reboot) is a
    // recording still to be offered: the new one takes the next free name instead.
    const QString base =
        QStringLiteral("session-%1-%2").arg(QCoreApplication::applicationPid()).arg(generation);
    for (int n = 0; n < 100; ++n) {
        const QString name = n == 0 ? base : base + QStringLiteral("-%1").arg(n);
        const QString path = QDir(dir).filePath(name + kSuffix);
        if (QFileInfo::exists(path) || QFileInfo::exists(lockPathOf(path))) {
            continue;
        }
        if (auto lock = tryLock(path)) {
            return {path, std::move(lock)};
        }
    }
    return {};
}

QList<OrphanedRecording> RecordingStore::orphaned()
{
    QList<OrphanedRecording> found;
    const QDir dir(directory());
    const QFileInfoList files = dir.entryInfoList({QStringLiteral("*") + kSuffix}, QDir::Files);
    for (const QFileInfo& file : files) {
        const QString path = file.absoluteFilePath();
        const auto lock = tryLock(path);
        if (!lock) {
            continue;  // a running EapScope records into it
        }
        auto trace = readSession(path.toStdString());
        if (trace.ok() && trace->size() == 0) {
            lock->unlock();
            remove(path);
            continue;
        }
        OrphanedRecording orphan;
        orphan.path = path;
        orphan.lastWritten =
            std::max(file.lastModified(), QFileInfo(path + QStringLiteral("-wal")).lastModified());
        if (trace.ok()) {
            orphan.events = static_cast<qsizetype>(trace->size());
            orphan.findings = static_cast<qsizetype>(trace->findings().size());
            orphan.methods = methodsOf(*trace);
        }
        // The lock goes with this scope: the process that held it is gone, and a recording
        // kept for later must be found again by the next start.
        lock->unlock();
        found.append(orphan);
    }
    // A lock whose recording is gone (its process died before the first write): taken over
    // from the dead process and so removed.
    for (const QFileInfo& lock :
         dir.entryInfoList({QStringLiteral("*") + kSuffix + QStringLiteral(".lock")}, QDir::Files)) {
        const QString recording = lock.absoluteFilePath().chopped(5);
        if (!QFileInfo::exists(recording)) {
            tryLock(recording);
        }
    }
    std::sort(found.begin(), found.end(), [](const OrphanedRecording& a, const OrphanedRecording& b) {
        return a.lastWritten > b.lastWritten;
    });
    return found;
}

void RecordingStore::remove(const QString& path)
{
    // The lock file is its QLockFile's to remove (unlock()), never removed under a holder.
    for (const QString& suffix :
         {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")}) {
        QFile::remove(path + suffix);
    }
}

QString RecordingStore::recover(const QString& from, const QString& to)
{
    auto trace = readSession(from.toStdString());
    if (!trace) {
        return errorText(trace);
    }
    // Secrets stay as they were recorded: the recording already applied the session's choice.
    auto writer = SessionWriter::create(to.toStdString(), true);
    if (!writer) {
        return errorText(writer);
    }
    const Status status = sessionIsIncomplete(*trace) ? (*writer)->flush(*trace) : (*writer)->finish(*trace);
    if (!status) {
        return errorText(status);
    }
    writer->reset();
    remove(from);
    return {};
}

}  // namespace eapscope::ui
