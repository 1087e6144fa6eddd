"""The Help menu (a guide to the steps and keys, About) and File > Print (charter, agenda)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from factories import agree_on_example
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QMenu

from partnerworkshop import __version__
from partnerworkshop.export.charter import charter_pdf
from partnerworkshop.model.catalog import example_session
from partnerworkshop.ui.help import TextWindow
from partnerworkshop.ui.main_window import MainWindow


def _menu(window: MainWindow, title: str) -> QMenu:
    (entry,) = [action for action in window.menuBar().actions() if action.text() == title]
    menu = entry.menu()
    assert isinstance(menu, QMenu)
    return menu


def test_the_guide_explains_the_five_steps_and_every_key(window: MainWindow) -> None:
    assert window.guide_action in _menu(window, "&Help").actions()
    QTest.keyClick(window, Qt.Key.Key_F1)
    guide = window._guide
    assert isinstance(guide, TextWindow) and guide.isVisible()
    assert not guide.isModal(), "it stays open beside the workshop"
    text = guide.text.toPlainText()
    for step in ("Set up", "Answer", "Compare", "Agree", "Export"):
        assert step in text
    for key in ("F11", "Esc", "Ctrl+Z", "Ctrl+3", "Ctrl+P", "F1", "Tab"):
        assert key in text, key
    assert "Full screen" in text and "Print the charter..." in text


def test_about_gives_the_version_and_the_licences(window: MainWindow) -> None:
    assert window.about_action in _menu(window, "&Help").actions()
    window.about_action.trigger()
    about = window._about
    assert isinstance(about, TextWindow) and about.isVisible()
    text = about.text.toPlainText()
    assert f"partnerworkshop {__version__}" in text
    for licence in ("MIT", "GNU LGPL version 3", "BSD", "Apache-2.0", "Bitstream Vera"):
        assert licence in text, licence
    assert "DejaVu" in text, "the licence of the fonts the charter embeds"


@pytest.fixture
def printed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[Path]:
    """Qt's print dialog, answered at once: print to a PDF file. Records each file printed."""
    files: list[Path] = []

    def print_to_file(dialog: QPrintDialog) -> int:
        printer = dialog.printer()
        files.append(tmp_path / f"printed-{len(files) + 1}.pdf")
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(files[-1]))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", print_to_file)
    return files


def test_print_the_charter_page_by_page(window: MainWindow, printed: list[Path]) -> None:
    session = example_session()
    agree_on_example(session)
    window.set_document(session, None)
    file_menu = _menu(window, "&File")
    assert window.print_charter_action in file_menu.actions()
    QTest.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    (file,) = printed
    _, _, pages = charter_pdf(session)
    reader = PdfReader(file)
    assert len(reader.pages) == pages
    assert reader.pages[0].mediabox.width == pytest.approx(595, abs=2), "A4, as the charter"


def test_print_the_agenda(window: MainWindow, printed: list[Path]) -> None:
    window.set_document(example_session(), None)
    assert window.print_agenda_action in _menu(window, "&File").actions()
    window.print_agenda_action.trigger()
    (file,) = printed
    reader = PdfReader(file)
    assert len(reader.pages) >= 1
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    analysis = window.editor.analysis()
    first = window.session.template.question(analysis.agenda[0].question_id)
    assert "Agenda: " in text
    assert " ".join(first.prompt.split()[:6]) in text
    assert "To read together" in text


def test_nothing_is_printed_while_the_answers_are_hidden(
    window: MainWindow, dialogs: Any, printed: list[Path]
) -> None:
    window.set_document(example_session(), None)
    window.editor.set_answer_mode("blind")
    for action in (window.print_charter_action, window.print_agenda_action):
        action.trigger()
    assert printed == []
    assert [warning[1] for warning in dialogs.warnings()] == ["Nothing to print yet"] * 2
