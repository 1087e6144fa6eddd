"""The charter is made off the window's thread: the window stays responsive while a long charter
is set out, says how far it has got, and the preview, an export or printing can be stopped."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from factories import agree_on_example
from pypdf import PdfReader
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton
from ui_driver import CHARTER_TIMEOUT_MS, click, export_and_wait, wait_for_charter

from partnerworkshop.export.charter import CharterOptions
from partnerworkshop.model.catalog import example_session
from partnerworkshop.model.synthetic import synthetic_session
from partnerworkshop.ui.charter_work import CharterWork
from partnerworkshop.ui.main_window import MainWindow

EXPORT = 4


@pytest.fixture(scope="module")
def long_session() -> Any:
    """A session whose charter takes several seconds to make: 300 pages and more."""
    return synthetic_session(questions=1000, sections=40, seed=3)


def _on_export_step(window: MainWindow, session: Any) -> Any:
    window.set_document(session.model_copy(deep=True), None)
    window.go_to_step(EXPORT)
    return window.export_page


def _start_export(
    window: MainWindow, session: Any, dialogs: Any, qtbot: Any, target: Path
) -> Any:
    """On the Export step of ``session``, export to ``target``; the export is under way."""
    page = _on_export_step(window, session)
    wait_for_charter(page, qtbot)
    dialogs.answer("save_file_name", target)
    click(page.export_button)
    assert page.export_running()
    return page


def _no_work_left(qtbot: Any) -> None:
    qtbot.waitUntil(lambda: not CharterWork._running, timeout=CHARTER_TIMEOUT_MS)


def test_the_window_stays_responsive_while_the_preview_is_made(
    window: MainWindow, qtbot: Any, long_session: Any
) -> None:
    page = _on_export_step(window, long_session)
    qtbot.waitUntil(lambda: page.preview_running(), timeout=5000)
    qtbot.waitUntil(lambda: page.summary is not None, timeout=CHARTER_TIMEOUT_MS)
    assert page.preview_progress.isVisible()
    assert page.export_button.isEnabled(), "the summary is known before the pages are drawn"

    # The window handles its own events while the pages are drawn: its thread is free. (Were
    # the pages drawn on it, no timer of the window could fire until they were all drawn.)
    seen_while_drawing: list[str] = []

    def tick() -> None:
        shown = page.preview_progress.text.text()
        if page.preview_running() and "drawing page" in shown:
            seen_while_drawing.append(shown)

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(tick)
    timer.start()
    qtbot.waitUntil(lambda: len(set(seen_while_drawing)) >= 3, timeout=CHARTER_TIMEOUT_MS)
    timer.stop()
    assert page.preview_running(), "the preview goes on after the window has looked"
    assert page.preview_progress.bar.value() > 10

    # Stop, and make it again.
    click(page.preview_progress.stop_button)
    assert not page.preview_running()
    assert page.preview_note.text() == "The preview was stopped."
    assert page.preview_again.isVisible()
    assert page.preview.page_count() == 0
    _no_work_left(qtbot)
    click(page.preview_again)
    assert page.preview_running() and page.preview_progress.isVisible()
    page.stop_preview()
    _no_work_left(qtbot)


def test_an_export_shows_its_progress_and_can_be_stopped_writing_nothing(
    window: MainWindow, dialogs: Any, qtbot: Any, tmp_path: Path, long_session: Any
) -> None:
    target = tmp_path / "charter.pdf"
    page = _start_export(window, long_session, dialogs, qtbot, target)
    assert not page.preview_running(), "the preview gives way to the export"
    assert page.preview_note.text() == "The preview is made once the export is done."
    assert not page.export_button.isEnabled(), "one export at a time"
    assert page.export_progress.isVisible()
    qtbot.waitUntil(
        lambda: "Exporting: drawing page" in page.export_progress.text.text(), timeout=20000
    )

    click(page.export_progress.stop_button)
    qtbot.waitUntil(lambda: not page.export_running(), timeout=CHARTER_TIMEOUT_MS)
    assert page.result.text() == "The export was stopped. Nothing was written."
    assert not target.exists()
    assert not list(tmp_path.iterdir()), "no temporary file left either"
    assert window.session.agreement.last_charter is None
    assert page.export_button.isEnabled()
    assert page.preview_running(), "the preview the export interrupted is made again"
    page.stop_preview()
    _no_work_left(qtbot)


def test_an_edit_made_during_an_export_is_not_in_the_charter_being_written(
    window: MainWindow, dialogs: Any, qtbot: Any, tmp_path: Path
) -> None:
    session = example_session()
    agree_on_example(session)
    target = tmp_path / "charter.pdf"
    page = _start_export(window, session, dialogs, qtbot, target)
    before = window.session.agreement.definition
    window.editor.set_definition("Typed while the charter was being written.")
    qtbot.waitUntil(lambda: not page.export_running(), timeout=CHARTER_TIMEOUT_MS)
    text = "".join(p.extract_text() for p in PdfReader(target).pages).replace("\n", " ")
    assert "Typed while the charter" not in text
    assert before.split()[0] in text
    record = window.session.agreement.last_charter
    assert record is not None and record.version == 1
    # The next export holds the edit, so it is a new version.
    wait_for_charter(page, qtbot)
    assert page.summary is not None and page.summary.new_version
    dialogs.answer("save_file_name", tmp_path / "v2.pdf")
    export_and_wait(page, qtbot)
    last = window.session.agreement.last_charter
    assert last is not None and last.version == 2
    _no_work_left(qtbot)


def test_closing_the_window_during_an_export_asks_first(
    themed_app: Any,
    user_folders: Path,
    dialogs: Any,
    qtbot: Any,
    tmp_path: Path,
    long_session: Any,
) -> None:
    from partnerworkshop.ui.user_files import UserFiles

    window = MainWindow(UserFiles())  # a window of its own: this test closes it for good
    window.show()
    qtbot.waitExposed(window)
    target = tmp_path / "charter.pdf"
    page = _start_export(window, long_session, dialogs, qtbot, target)
    window.editor.mark_saved()
    dialogs.answer("confirm", False)
    window.close()
    assert window.isVisible(), "the export goes on"
    assert dialogs.shown[-1][1] == "The charter is still being exported"
    assert page.export_running()

    dialogs.answer("confirm", True)
    assert window.close()
    assert not CharterWork._running, "its thread has ended"
    assert not target.exists(), "the stopped export wrote nothing"


def test_opening_another_session_stops_the_charter_of_the_last(
    window: MainWindow, qtbot: Any, long_session: Any
) -> None:
    page = _on_export_step(window, long_session)
    qtbot.waitUntil(lambda: page.preview_running(), timeout=5000)
    window.set_document(example_session(), None)
    assert not CharterWork._running
    qtbot.waitUntil(lambda: page.preview.page_count() > 0, timeout=CHARTER_TIMEOUT_MS)
    assert page.summary is not None
    assert page.summary.document_id in page.status.text()


def test_opening_another_session_during_an_export_stops_it_writing_nothing(
    window: MainWindow, dialogs: Any, qtbot: Any, tmp_path: Path, long_session: Any
) -> None:
    target = tmp_path / "charter.pdf"
    page = _start_export(window, long_session, dialogs, qtbot, target)
    window.set_document(example_session(), None)
    assert not page.export_running() and not CharterWork._running
    assert not target.exists()
    assert window.session.agreement.last_charter is None
    wait_for_charter(page, qtbot)
    assert page.export_button.isEnabled()


def test_printing_the_charter_can_be_stopped(
    window: MainWindow, qtbot: Any, monkeypatch: pytest.MonkeyPatch, long_session: Any
) -> None:
    from partnerworkshop.ui import printing

    sent: list[bytes] = []
    monkeypatch.setattr(printing, "ask_print", lambda parent, printer, title: True)
    monkeypatch.setattr(printing, "print_pdf", lambda data, printer: sent.append(data) or 1)
    window.set_document(long_session.model_copy(deep=True), None)
    dialogs_seen: list[str] = []

    def stop_when_shown() -> None:
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog)]
        visible = [dialog for dialog in shown if dialog.isVisible()]
        if not visible:
            QTimer.singleShot(50, stop_when_shown)
            return
        dialogs_seen.append(visible[0].labelText())
        (stop,) = visible[0].findChildren(QPushButton)
        click(stop)

    QTimer.singleShot(50, stop_when_shown)
    assert not printing.print_charter(window, window.session, CharterOptions())
    assert sent == [], "nothing went to the printer"
    assert dialogs_seen and dialogs_seen[0].startswith("Preparing the charter for printing")
    _no_work_left(qtbot)


def test_a_long_preview_draws_only_the_pages_in_view(qtbot: Any, themed_app: Any) -> None:
    from reportlab.pdfgen.canvas import Canvas

    from partnerworkshop.ui.page_preview import PagePreview

    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    for number in range(300):
        canvas.drawString(72, 720, f"Page {number + 1}")
        canvas.showPage()
    canvas.save()
    preview = PagePreview()
    preview.resize(700, 600)
    preview.show()
    qtbot.waitExposed(preview)
    preview.show_pdf(buffer.getvalue())
    preview._draw_visible()  # at once, before the layout has placed the pages
    assert preview.page_count() == 300
    assert 1 <= len(preview._drawn) <= 3, "only the pages in view (and just below) are drawn"
    scroll_bar = preview.verticalScrollBar()
    qtbot.waitUntil(lambda: scroll_bar.maximum() > 100_000, timeout=5000)  # laid out
    scroll_bar.setValue(scroll_bar.maximum())
    qtbot.waitUntil(lambda: 299 in preview._drawn, timeout=5000)
    assert len(preview._drawn) <= 6
