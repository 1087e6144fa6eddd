"""The Export step: contents and warnings, the preview, exporting, and the charter's version."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from factories import agree_on_example
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from ui_driver import click, export_and_wait, visible_texts, wait_for_charter

from partnerworkshop.model.catalog import example_session
from partnerworkshop.model.fingerprint import fingerprint
from partnerworkshop.ui.export_page import ExportPage
from partnerworkshop.ui.main_window import MainWindow

EXPORT = 4


def _export_page(window: MainWindow, qtbot: Any) -> ExportPage:
    session = example_session()
    window.set_document(session, None)
    agree_on_example(window.editor.session)  # a realistic agreement, as the Agree step leaves it
    window.editor.set_definition(window.session.agreement.definition + " ")  # tell the window
    window.go_to_step(EXPORT)
    page = window.export_page
    qtbot.waitUntil(lambda: page.preview.page_count() > 0, timeout=10000)
    return page


def test_the_page_says_what_the_charter_holds_and_what_to_settle(
    window: MainWindow, qtbot: Any
) -> None:
    page = _export_page(window, qtbot)
    texts = "\n".join(visible_texts(page))
    assert "Draft: every page is marked DRAFT" in texts
    assert "The session is still a draft" in texts
    assert "1  The shared definition:" in page.parts.text()
    assert "6  Signatures: 4 signatories" in page.parts.text()
    assert page.fingerprint.text() == fingerprint(window.session)
    assert window.step_bar.buttons[EXPORT].status == "Not exported yet"


def test_the_preview_shows_the_charters_own_pages(window: MainWindow, qtbot: Any) -> None:
    page = _export_page(window, qtbot)
    pages = page.preview.page_count()
    assert pages > 10
    assert page.preview_note.text() == f"Preview: {pages} pages"
    image = page.preview.page_image(0, width=800)
    assert not image.isNull()
    assert image.pixelColor(5, 5).name() == "#ffffff", "a white page"
    dark = sum(
        image.pixelColor(x, y).lightness() < 100
        for x in range(0, image.width(), 7)
        for y in range(0, image.height() // 4, 7)
    )
    assert dark > 50, "with the title drawn on it"

    page.confidentiality.setFocus()
    page.confidentiality.selectAll()
    QTest.keyClicks(page.confidentiality, "Strictly private")
    QTest.keyClick(page.confidentiality, Qt.Key.Key_Return)
    assert page.preview.page_count() == 0, "the old preview goes at once"
    qtbot.waitUntil(lambda: page.preview.page_count() > 0, timeout=10000)
    assert page.options().confidentiality == "Strictly private"


def _version(window: MainWindow) -> int:
    last = window.session.agreement.last_charter
    return 0 if last is None else last.version


def test_export_writes_the_pdf_and_records_the_version(
    window: MainWindow, dialogs: Any, qtbot: Any, tmp_path: Path
) -> None:
    page = _export_page(window, qtbot)
    target = tmp_path / "charter.pdf"
    dialogs.answer("save_file_name", target)
    export_and_wait(page, qtbot)
    reader = PdfReader(target)
    assert len(reader.pages) == page.preview.page_count()
    assert fingerprint(window.session) in reader.pages[0].extract_text().replace("\n", "")
    assert _version(window) == 1
    assert window.isWindowModified(), "the session now records the charter: save it"
    assert window.step_bar.buttons[EXPORT].status == "Version 1 exported"
    assert "Exported version 1" in page.result.text()
    click(page.open_button)
    assert dialogs.shown[-1] == ("open", str(target))

    # The same agreed content keeps its version; a change makes the next export version 2.
    dialogs.answer("save_file_name", tmp_path / "again.pdf")
    export_and_wait(page, qtbot)
    assert _version(window) == 1
    window.editor.set_definition("A new definition, agreed at the table.")
    window.go_to_step(3)
    window.go_to_step(EXPORT)
    wait_for_charter(page, qtbot)
    assert (
        "Version 2 (what the charter prints has changed since the last export)"
        in page.status.text()
    )
    dialogs.answer("save_file_name", tmp_path / "v2.pdf")
    export_and_wait(page, qtbot)
    assert _version(window) == 2
    window.undo_action.trigger()
    assert _version(window) == 1, "recording the export is undoable"


def test_a_failed_export_says_why_and_leaves_nothing(
    window: MainWindow, dialogs: Any, qtbot: Any, tmp_path: Path
) -> None:
    page = _export_page(window, qtbot)
    dialogs.answer("save_file_name", tmp_path / "missing-folder" / "charter.pdf")
    export_and_wait(page, qtbot)
    (warning,) = dialogs.warnings()
    assert warning[1] == "The charter could not be exported"
    assert "does not exist" in warning[3]
    assert not (tmp_path / "missing-folder").exists()
    assert _version(window) == 0
    assert not page.open_button.isEnabled()


def test_blind_mode_hides_the_export_until_everything_is_revealed(window: MainWindow) -> None:
    window.set_document(example_session(), None)
    window.editor.set_answer_mode("blind")
    window.go_to_step(EXPORT)
    page = window.export_page
    assert page.hidden_note.isVisible()
    assert not page.body.isVisible()
    assert page.preview.page_count() == 0, "no charter (with both parties' answers) is made"


def test_the_charter_can_be_exported_for_word_too(
    window: MainWindow, dialogs: Any, qtbot: Any, tmp_path: Path
) -> None:
    import docx

    page = _export_page(window, qtbot)
    assert "PDF/A-2b" in page.format_note.text()
    assert page.export_button.accessibleName() == "Export the charter as a PDF file"
    page.format.setFocus()
    QTest.keyClick(page.format, Qt.Key.Key_Down)  # PDF, then Word
    assert page.chosen_format() == "docx"
    assert "redline" in page.format_note.text() and "DRAFT" in page.format_note.text()
    assert page.export_button.accessibleName() == "Export the charter as a Word document"

    dialogs.answer("save_file_name", tmp_path / "for-the-lawyers")
    export_and_wait(page, qtbot)
    written = tmp_path / "for-the-lawyers.docx"
    document = docx.Document(str(written))
    assert fingerprint(window.session) in "".join(p.text for p in document.paragraphs)
    assert _version(window) == 1
    assert "as a Word document" in page.result.text()
    click(page.open_button)
    assert dialogs.shown[-1] == ("open", str(written))

    # The PDF of the same content is the same version.
    QTest.keyClick(page.format, Qt.Key.Key_Up)
    dialogs.answer("save_file_name", tmp_path / "to-sign.pdf")
    export_and_wait(page, qtbot)
    assert PdfReader(tmp_path / "to-sign.pdf").pages
    assert _version(window) == 1
