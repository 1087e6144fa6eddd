"""Making the charter off the window's thread, so the window stays responsive while a long
charter is set out, shows how far the work has got, and can stop it.

The work is given a copy of the session as it stands when it starts (the window may go on
editing its own), and a function that makes the charter from it and reports as it goes.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QProgressDialog, QPushButton, QWidget

from ..export.charter import ExportStopped, Progress, Report
from ..export.charter.progress import Stage
from ..model.session import Session
from .common import label

REPORT_EVERY_S = 0.1
"""The window hears of progress at most this often: more would only keep it busy."""

Make = Callable[[Session, Report], Any]
"""What the work does: make something (a charter, a file written) from the session's copy,
reporting as it goes."""

DIALOG_AFTER_MS = 400
"""A charter made behind a dialog shows the dialog only if it takes longer than this."""


class CharterWork(QObject):
    """One charter being made (for the preview, an export or printing) on a thread of its own.

    Exactly one of ``finished``, ``failed`` and ``stopped`` is emitted, on the window's thread,
    when the work ends; ``progressed`` comes before, as the work goes.
    """

    progressed = Signal(object)
    """A :class:`Progress`: the one that carries the charter's summary always comes through."""
    finished = Signal(object)
    """What the work made."""
    failed = Signal(object)
    """The exception that ended the work."""
    stopped = Signal()
    """The work was stopped before it finished; nothing was made or written."""

    _running: set[CharterWork] = set()
    """Every work whose thread has not ended yet: kept here, not by a widget that may go first."""

    def __init__(self, session: Session, make: Make) -> None:
        super().__init__()
        # A snapshot as the session file would hold it: quick to take, and the window's later
        # edits cannot reach it.
        self._snapshot = session.model_dump_json()
        self._make = make
        self._stop = threading.Event()
        self._last_report = 0.0
        self._last_stage: Stage | None = None
        self._outcome: tuple[str, Any] = ("stopped", None)
        self._delivered = False
        self._thread = _Thread(self._run)
        self._thread.finished.connect(self._deliver)

    def start(self) -> None:
        CharterWork._running.add(self)
        self._thread.start()

    def stop(self) -> None:
        """Ask the work to stop at its next report (a few moments at most)."""
        self._stop.set()

    def wait(self) -> None:
        """Stop the work, wait for its thread to end, and say how it ended, now."""
        self.stop()
        self._thread.wait()
        self._deliver()

    @classmethod
    def wait_for_all(cls) -> None:
        """Stop every work and wait for their threads (before the app quits)."""
        for work in list(cls._running):
            work.wait()

    def _report(self, progress: Progress) -> None:
        if self._stop.is_set():
            raise ExportStopped
        now = time.monotonic()
        if (
            progress.summary is not None
            or progress.stage != self._last_stage
            or now - self._last_report >= REPORT_EVERY_S
        ):
            self._last_report, self._last_stage = now, progress.stage
            self.progressed.emit(progress)

    def _run(self) -> None:
        """On the work's own thread: make the charter from the snapshot."""
        try:
            result = self._make(Session.model_validate_json(self._snapshot), self._report)
        except ExportStopped:
            self._outcome = ("stopped", None)
        except Exception as error:  # handed to the window, which says what went wrong
            self._outcome = ("failed", error)
        else:
            self._outcome = ("finished", result)

    def _deliver(self) -> None:
        """On the window's thread, once the work's thread has ended."""
        if self._delivered:
            return
        self._delivered = True
        CharterWork._running.discard(self)
        kind, value = self._outcome
        if kind == "finished":
            self.finished.emit(value)
        elif kind == "failed":
            self.failed.emit(value)
        else:
            self.stopped.emit()


class _Thread(QThread):
    def __init__(self, run: Callable[[], None]) -> None:
        super().__init__()
        self._work = run

    def run(self) -> None:
        self._work()


def report_failure(error: BaseException) -> None:
    """A failure nobody expected, handed to the app's last-resort handler on the window's
    thread: a plain message, and the work kept."""
    sys.excepthook(type(error), error, error.__traceback__)


def progress_text(progress: Progress, doing: str) -> str:
    """What is being done and how far it has got, in words: "Exporting: drawing page 12"."""
    if progress.stage == "content":
        step = _tr("reading the answers")
    elif progress.stage == "setting":
        step = _tr("setting out the parts")
    elif progress.stage == "pages":
        step = _tr("drawing page {page}").format(page=progress.page + 1)
    else:
        step = _tr("finishing the file")
    return _tr("{doing}: {step}...").format(doing=doing, step=step)


class WorkProgress(QWidget):
    """How far the charter's making has got, in words and a bar, and a button to stop it."""

    stop_clicked = Signal()

    def __init__(self, stop_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.text = label(role="muted")
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        self.bar.setAccessibleName(self.tr("How far the charter has got"))
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setAccessibleName(stop_name)
        layout.addWidget(self.text, 2)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.stop_button)
        self.stop_button.clicked.connect(self.stop_clicked)
        self.hide()

    def begin(self, text: str) -> None:
        self.text.setText(text)
        self.bar.setValue(0)
        self.stop_button.setEnabled(True)
        self.show()

    def advance(self, progress: Progress, doing: str) -> None:
        self.text.setText(progress_text(progress, doing))
        # Never backwards: a table split over pages is counted again by the layout.
        self.bar.setValue(max(self.bar.value(), round(100 * progress.fraction)))

    def stopping(self) -> None:
        self.text.setText(self.tr("Stopping..."))
        self.stop_button.setEnabled(False)


def made_behind_a_dialog(parent: QWidget | None, session: Session, make: Make, doing: str) -> Any:
    """What ``make`` makes off the window's thread, behind a dialog that says how far it has
    got and can stop it; None if it was stopped. A failure is raised here, on this thread."""
    dialog = QProgressDialog(doing + "...", _tr("Stop"), 0, 100, parent)
    dialog.setWindowTitle(doing)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(DIALOG_AFTER_MS)
    dialog.setAutoReset(False)
    dialog.setAutoClose(False)
    work = CharterWork(session, make)
    ending = QEventLoop()
    outcome: list[tuple[str, Any]] = []

    def advance(progress: Progress) -> None:
        dialog.setLabelText(progress_text(progress, doing))
        dialog.setValue(round(100 * progress.fraction))

    work.progressed.connect(advance)
    work.finished.connect(lambda result: outcome.append(("finished", result)))
    work.failed.connect(lambda error: outcome.append(("failed", error)))
    work.stopped.connect(lambda: outcome.append(("stopped", None)))
    for signal in (work.finished, work.failed, work.stopped):
        signal.connect(ending.quit)
    dialog.canceled.connect(work.stop)
    work.start()
    ending.exec()
    dialog.close()
    dialog.deleteLater()
    kind, value = outcome[0]
    if kind == "failed":
        raise value
    return value if kind == "finished" else None


def _tr(text: str) -> str:
    return QCoreApplication.translate("CharterWork", text)
