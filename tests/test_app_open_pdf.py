"""Open the PDF: without a PDF viewer the app says so plainly and offers the folder instead."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from factories import agree_on_example
from PySide6.QtCore import QTimer, QUrl
from PySide6.QtWidgets import QApplication, QMessageBox
from ui_driver import click, export_and_wait

from partnerworkshop.model.catalog import example_session
from partnerworkshop.ui import dialogs as dialog_module
from partnerworkshop.ui.main_window import MainWindow

REAL_OPEN_EXTERNALLY = dialog_module.open_externally  # before the tests' stand-ins replace it


def _exported(window: MainWindow, dialogs: Any, qtbot: Any, tmp_path: Path) -> Path:
    session = example_session()
    agree_on_example(session)
    window.set_document(session, None)
    window.go_to_step(4)
    target = tmp_path / "charter.pdf"
    dialogs.answer("save_file_name", target)
    export_and_wait(window.export_page, qtbot)
    assert target.exists()
    return target


@pytest.fixture
def without_a_pdf_viewer(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The system opens folders but has no application for PDF files; records what it got."""
    handed: list[str] = []

    def open_url(url: QUrl) -> bool:
        handed.append(url.toLocalFile())
        return Path(url.toLocalFile()).is_dir()

    monkeypatch.setattr(dialog_module, "open_externally", REAL_OPEN_EXTERNALLY)
    monkeypatch.setattr(dialog_module, "open_url", open_url)
    return handed


def test_without_a_pdf_viewer_it_says_so_and_opens_the_folder(
    window: MainWindow,
    dialogs: Any,
    qtbot: Any,
    tmp_path: Path,
    without_a_pdf_viewer: list[str],
) -> None:
    target = _exported(window, dialogs, qtbot, tmp_path)
    shown: list[str] = []

    def answer_the_box() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            return  # not shown yet
        waiting.stop()
        shown.extend((box.text(), box.informativeText()))
        (folder,) = [b for b in box.buttons() if b.text() == "Open the folder"]
        folder.click()

    waiting = QTimer()
    waiting.setInterval(20)
    waiting.timeout.connect(answer_the_box)
    waiting.start()
    click(window.export_page.open_button)
    waiting.stop()
    assert shown[0].startswith(
        "No application on this computer is set up to open \u201ccharter.pdf\u201d"
    )
    assert str(tmp_path) in shown[1], "it says where the file is"
    assert without_a_pdf_viewer == [str(target), str(tmp_path)], "then the folder opens"
    assert dialogs.warnings() == []


def test_closing_the_message_opens_nothing_more(
    window: MainWindow,
    dialogs: Any,
    qtbot: Any,
    tmp_path: Path,
    without_a_pdf_viewer: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = _exported(window, dialogs, qtbot, tmp_path)
    monkeypatch.setattr(dialog_module, "ask_open_folder", lambda parent, path: False)
    click(window.export_page.open_button)
    assert without_a_pdf_viewer == [str(target)]
