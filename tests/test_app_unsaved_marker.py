"""The unsaved marker means unsaved work: not after an export into a session with a file, and
not after only looking at the example."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from factories import agree_on_example
from ui_driver import export_and_wait

from partnerworkshop.model.catalog import example_session
from partnerworkshop.model.session import Session
from partnerworkshop.model.storage import load_session, save_session
from partnerworkshop.ui.main_window import MainWindow

EXPORT = 4


def _version(session: Session) -> int:
    last = session.agreement.last_charter
    return 0 if last is None else last.version


def _agreed_example_file(tmp_path: Path) -> Path:
    session = example_session()
    agree_on_example(session)
    path = tmp_path / "workshop.pws.json"
    save_session(session, path)
    return path


def test_exporting_saves_the_new_charter_record_with_the_sessions_file(
    window: MainWindow, dialogs: Any, qtbot: Any, tmp_path: Path
) -> None:
    path = _agreed_example_file(tmp_path)
    assert window.load(path)
    window.go_to_step(EXPORT)
    page = window.export_page
    dialogs.answer("save_file_name", tmp_path / "charter.pdf")
    export_and_wait(page, qtbot)
    assert _version(window.session) == 1
    assert not window.isWindowModified(), "nothing left to save"
    assert _version(load_session(path)) == 1, "the file records the charter"
    assert "The session file keeps the charter's version" in page.result.text()
    assert window.maybe_save(), "closing does not ask to save"


def test_without_a_file_exporting_asks_for_a_save_afterwards(
    window: MainWindow, dialogs: Any, qtbot: Any, tmp_path: Path
) -> None:
    session = example_session()
    agree_on_example(session)
    window.set_document(session, None)
    window.go_to_step(EXPORT)
    dialogs.answer("save_file_name", tmp_path / "charter.pdf")
    export_and_wait(window.export_page, qtbot)
    assert window.isWindowModified()
    assert "Save the session too" in window.export_page.result.text()


def test_only_looking_at_the_example_leaves_nothing_to_save(
    window: MainWindow, dialogs: Any, qtbot: Any
) -> None:
    window.open_example_action.trigger()
    assert window.session.parties.A.organisation == example_session().parties.A.organisation
    for step in range(5):
        window.go_to_step(step)
    window.export_page.make_preview()  # what its timer does a moment after the step is shown
    qtbot.waitUntil(lambda: window.export_page.preview.page_count() > 0, timeout=30000)
    assert not window.isWindowModified()
    assert window.maybe_save(), "quitting does not ask to save"
    assert not [shown for shown in dialogs.shown if shown[0] == "ask_save"]


def test_the_example_opened_at_start_leaves_nothing_to_save(
    qtbot: Any, themed_app: Any, dialogs: Any
) -> None:
    from partnerworkshop.ui.application import build_window

    window = build_window(demo=True)
    qtbot.addWidget(window, before_close_func=lambda w: w.editor.mark_saved())
    assert window.session.parties.A.organisation == example_session().parties.A.organisation
    assert not window.isWindowModified()
    assert window.maybe_save()


@pytest.mark.slow
def test_a_start_on_the_example_closes_without_asking() -> None:
    started = subprocess.run(
        [sys.executable, "-m", "partnerworkshop", "--quit-after-start", "--demo"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert started.returncode == 0, started.stderr
    assert started.stdout.endswith(": the window opened and closed\n")
