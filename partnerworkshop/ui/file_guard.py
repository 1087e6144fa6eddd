"""One window at a time on a session file: a lock beside the file, and what the file held.

The lock is a small hidden file beside the session, ``.NAME.lock``, naming the process, the
computer and the app that hold it. It survives a crash without blocking for ever: a lock whose
process no longer runs on this computer is stale at once, and one that has not been renewed for
a few minutes (the app renews its locks every minute) is stale wherever it was taken.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QTimer

RENEW_MS = 60_000
STALE_AFTER_MS = 5 * RENEW_MS


def lock_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.lock")


@dataclass(frozen=True)
class Holder:
    """Who holds a session file's lock."""

    pid: int
    host: str


class FileLock(QObject):
    """The lock beside one session file, renewed while it is held."""

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = lock_path(path)
        self._lock = QLockFile(str(self.path))
        self._lock.setStaleLockTime(STALE_AFTER_MS)
        self._renew = QTimer(self)
        self._renew.setInterval(RENEW_MS)
        self._renew.timeout.connect(self._touch)

    def acquire(self) -> bool:
        """Take the lock; False only when another live window holds it.

        A folder where no lock can be written (read-only, or on a device that refuses it) does
        not stop the file being opened: there is simply no lock to take.
        """
        if self._lock.tryLock(0):
            self._renew.start()
            return True
        return self._lock.error() != QLockFile.LockError.LockFailedError

    def holder(self) -> Holder | None:
        pid, host, _ = self._lock.getLockInfo()
        return Holder(pid, host) if pid > 0 else None

    def release(self) -> None:
        self._renew.stop()
        if self._lock.isLocked():
            self._lock.unlock()

    def _touch(self) -> None:
        with contextlib.suppress(OSError):
            os.utime(self.path)


def content_digest(path: Path) -> str | None:
    """The SHA-256 of the file as it is on disk now; None when it cannot be read."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None
