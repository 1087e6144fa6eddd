"""Two windows on one session file: the second is told and chooses read-only or a copy; each
keeps its own recovery copy; no window saves over a file changed since it opened it without
asking; a lock left by a crash never blocks the file."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSysInfo
from PySide6.QtWidgets import QApplication

from partnerworkshop.model.catalog import example_session
from partnerworkshop.model.storage import load_session, save_session
from partnerworkshop.ui.file_guard import lock_path
from partnerworkshop.ui.main_window import MainWindow
from partnerworkshop.ui.user_files import UserFiles


@pytest.fixture
def session_file(tmp_path: Path) -> Path:
    path = tmp_path / "workshop.pws.json"
    save_session(example_session(), path)
    return path


@pytest.fixture
def second_window(qtbot: Any, window: MainWindow) -> Iterator[MainWindow]:
    """Another instance of the app, with the same user folder."""
    other = MainWindow(UserFiles())
    other.show()
    qtbot.waitExposed(other)
    yield other
    other.editor.mark_saved()
    other.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_a_file_open_in_another_window_opens_read_only(
    window: MainWindow, second_window: MainWindow, dialogs: Any, session_file: Path
) -> None:
    assert window.load(session_file)
    assert lock_path(session_file).exists()

    dialogs.answer("ask_open_elsewhere", "read_only")
    assert second_window.load(session_file)
    [(_, text, details)] = [shown for shown in dialogs.shown if shown[0] == "ask_open_elsewhere"]
    assert "open in partnerworkshop in another window" in text
    assert str(os.getpid()) in details
    assert second_window.read_only
    assert "(read-only)" in second_window.windowTitle()

    # Saving a read-only window asks for another name: the first window's file is left alone.
    before = session_file.read_bytes()
    second_window.editor.set_workshop("title", "Edited in the second window")
    other = session_file.with_name("second.pws.json")
    dialogs.answer("save_file_name", other)
    assert second_window.save()
    assert session_file.read_bytes() == before
    assert load_session(other).workshop.title == "Edited in the second window"
    assert not second_window.read_only


def test_a_file_open_in_another_window_can_be_opened_as_a_copy(
    window: MainWindow, second_window: MainWindow, dialogs: Any, session_file: Path
) -> None:
    assert window.load(session_file)
    dialogs.answer("ask_open_elsewhere", "copy")
    assert second_window.load(session_file)
    assert second_window.path is None
    assert second_window.session.workshop == window.session.workshop

    dialogs.answer("ask_open_elsewhere", "cancel")
    third = session_file.with_name("third.pws.json")
    save_session(example_session(), third)
    assert second_window.load(third)
    assert not window.load(third), "cancelled: the window stays on its own file"
    assert window.path == session_file


def test_each_window_keeps_its_own_recovery_copy(
    window: MainWindow, second_window: MainWindow, dialogs: Any, session_file: Path
) -> None:
    assert window.load(session_file)
    dialogs.answer("ask_open_elsewhere", "copy")
    assert second_window.load(session_file)
    window.editor.set_workshop("title", "First window's unsaved work")
    second_window.editor.set_workshop("title", "Second window's work")
    window.autosave()
    second_window.autosave()
    assert len(window.user_files.recovery.entries()) == 2

    dialogs.answer("save_file_name", session_file.with_name("second.pws.json"))
    assert second_window.save()
    titles = [entry.title for entry in window.user_files.recovery.entries()]
    assert titles == ["First window's unsaved work"]


def test_a_file_changed_on_disk_is_not_replaced_without_asking(
    window: MainWindow, dialogs: Any, session_file: Path
) -> None:
    assert window.load(session_file)
    changed_elsewhere = load_session(session_file)
    changed_elsewhere.workshop.title = "Saved by someone else"
    save_session(changed_elsewhere, session_file)
    window.editor.set_workshop("title", "Saved here")

    dialogs.answer("confirm", False)
    assert not window.save()
    assert "was changed by another window or program" in dialogs.shown[-1][2]
    assert load_session(session_file).workshop.title == "Saved by someone else"

    dialogs.answer("confirm", True)
    assert window.save()
    assert load_session(session_file).workshop.title == "Saved here"
    window.editor.set_workshop("title", "Saved here again")
    assert window.save(), "what this window saved itself is not a change made elsewhere"


def _dead_pid() -> int:
    finished = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    return int(finished.stdout)


def _left_lock(path: Path, pid: int, host: str) -> None:
    """A lock as a window that crashed leaves it (the lock file's own format)."""
    app = QCoreApplication.applicationName()
    lock_path(path).write_text(f"{pid}\n{app}\n{host}\n")


def test_a_lock_left_by_a_crash_on_this_computer_does_not_block(
    window: MainWindow, session_file: Path
) -> None:
    _left_lock(session_file, _dead_pid(), QSysInfo.machineHostName())
    assert window.load(session_file)
    assert not window.read_only


def test_a_lock_from_another_computer_that_is_no_longer_renewed_does_not_block(
    window: MainWindow, session_file: Path
) -> None:
    _left_lock(session_file, 4242, "another-laptop")
    an_hour_ago = time.time() - 3600
    os.utime(lock_path(session_file), (an_hour_ago, an_hour_ago))
    assert window.load(session_file)
    assert not window.read_only


def test_a_renewed_lock_from_another_computer_is_respected(
    window: MainWindow, dialogs: Any, session_file: Path
) -> None:
    _left_lock(session_file, 4242, "another-laptop")
    dialogs.answer("ask_open_elsewhere", "cancel")
    assert not window.load(session_file)
    assert "another-laptop" in dialogs.shown[-1][2]
