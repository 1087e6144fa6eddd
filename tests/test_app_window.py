"""The main window: steps, set-up, files, undo and redo, zoom, broken files and recovery."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, QPoint, QSize, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QScrollArea
from ui_driver import click, type_into, type_text

from partnerworkshop.model.catalog import example_session
from partnerworkshop.model.recovery import RecoveryStore
from partnerworkshop.model.storage import load_session, save_session, session_to_json
from partnerworkshop.ui.icons import ICON_NAMES, icon, icon_on_dark
from partnerworkshop.ui.main_window import MainWindow
from partnerworkshop.ui.user_files import UserFiles


def test_the_five_steps_by_click_shortcut_and_back_next(window: MainWindow) -> None:
    assert window.current_step() == 0
    click(window.step_bar.buttons[2])
    assert window.current_step() == 2
    for number in range(1, 6):
        QTest.keySequence(window, QKeySequence(f"Ctrl+{number}"))
        assert window.current_step() == number - 1
    click(window.back_button)
    assert window.current_step() == 3
    click(window.next_button)
    assert window.current_step() == 4
    assert not window.next_button.isVisible()
    assert window.step_bar.buttons[4].isChecked()


def test_the_keyboard_focus_follows_into_the_step_it_moves_to(window: MainWindow) -> None:
    window.set_document(example_session(), None)
    window.setup_page.title.setFocus()
    window.setup_page.title.clearFocus()  # nothing has the focus, as after start
    for number, page in ((4, lambda: window.agree_page), (2, lambda: window.answer_page)):
        QTest.keySequence(window, QKeySequence(f"Ctrl+{number}"))
        focused = QApplication.focusWidget()
        assert focused is not None and page().isAncestorOf(focused), number
    step_button = window.step_bar.buttons[2]
    step_button.setFocus()
    QTest.keyClick(step_button, Qt.Key.Key_Space)
    assert window.current_step() == 2
    assert QApplication.focusWidget() is step_button, "a step button keeps it"


def test_step_bar_shows_how_complete_each_step_is(window: MainWindow) -> None:
    window.set_document(example_session(), None)
    texts = [button.text() + "\n" + button.status for button in window.step_bar.buttons]
    assert "Complete" in texts[0]
    assert "Northwind 46/46" in texts[1] and "Contoso 46/46" in texts[1]
    window.editor.set_workshop("facilitator", "")
    assert window.step_bar.buttons[0].status == "4 of 5 filled"


def test_set_up_through_the_form(window: MainWindow, dialogs: Any) -> None:
    page = window.setup_page
    type_into(page.title, "Kick-off")
    type_into(page.facilitator, "Priya Raman")
    type_into(page.location, "Leeds")
    page.date.setFocus()
    page.date.setDate(QDate(2027, 3, 4))
    panel = page.parties["A"]
    type_into(panel.organisation, "Northwind Logistics")
    type_into(panel.short_label, "Northwind")
    click(panel.add)
    type_text(QApplication.focusWidget(), "Zoë Łukasiewicz")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    QApplication.processEvents()  # the table commits a cell's new text just after the key
    session = window.editor.session
    assert session.workshop.title == "Kick-off"
    assert session.workshop.facilitator == "Priya Raman"
    assert session.workshop.location == "Leeds"
    assert str(session.workshop.date) == "2027-03-04"
    assert session.parties.A.organisation == "Northwind Logistics"
    assert session.parties.A.label == "Northwind"
    assert session.parties.A.representatives[0].name == "Zoë Łukasiewicz"
    assert "Party A: Northwind" in panel.title.text()
    swatch = panel.colour.icon().pixmap(32, 16).toImage()
    assert swatch.pixelColor(8, 8).name().upper() == session.parties.A.colour.upper()

    # A bad e-mail is refused with a plain message and the table shows what the session holds.
    panel.table.item(0, 2).setText("not an address")
    assert dialogs.warnings()[-1][2].endswith("does not look like an e-mail address")
    assert panel.table.item(0, 2).text() == ""

    panel.table.setCurrentCell(0, 0)
    click(panel.remove)
    assert session.parties.A.representatives == []


def test_changing_the_template_after_answers_asks_first(window: MainWindow, dialogs: Any) -> None:
    window.set_document(example_session(), None)
    page = window.setup_page
    short = page.template_choice.findData("partnership-meaning-short")
    dialogs.answer("confirm", False)
    page.template_choice.setCurrentIndex(short)
    page.template_choice.activated.emit(short)
    assert window.editor.session.template.id == "partnership-meaning"
    assert page.template_choice.currentData() == "partnership-meaning"
    dialogs.answer("confirm", True)
    page.template_choice.setCurrentIndex(short)
    page.template_choice.activated.emit(short)
    assert window.editor.session.template.id == "partnership-meaning-short"
    assert window.editor.session.answers.A == {}
    window.undo_action.trigger()
    assert window.editor.session.template.id == "partnership-meaning"
    assert len(window.editor.session.answers.A) == 46


def test_undo_redo_and_the_modified_marker(
    window: MainWindow, dialogs: Any, tmp_path: Path
) -> None:
    path = tmp_path / "w.pws.json"
    dialogs.answer("save_file_name", path)
    window.save_action.trigger()
    assert not window.isWindowModified()
    assert window.windowTitle().startswith("w.pws.json[*]")

    type_into(window.setup_page.title, "Spring")
    window.setup_page.title.editingFinished.emit()
    type_into(window.setup_page.location, "Leeds")
    assert window.isWindowModified()
    assert window.undo_action.text() == "&Undo location"
    window.undo_action.trigger()
    assert window.editor.session.workshop.location == ""
    assert window.setup_page.location.text() == ""
    window.undo_action.trigger()
    assert window.editor.session.workshop.title == ""
    assert window.setup_page.title.text() == ""
    assert not window.isWindowModified(), "back at the saved state"
    assert not window.undo_action.isEnabled()
    window.redo_action.trigger()
    assert window.setup_page.title.text() == "Spring"
    assert window.isWindowModified()
    window.save_action.trigger()
    assert not window.isWindowModified()
    assert load_session(path).workshop.title == "Spring"
    window.undo_action.trigger()
    assert window.isWindowModified()


def test_typing_a_title_is_one_undo_step(window: MainWindow) -> None:
    type_into(window.setup_page.title, "Partnership kick-off")
    window.setup_page.title.editingFinished.emit()
    window.undo_action.trigger()
    assert window.editor.session.workshop.title == ""
    assert not window.editor.can_undo


def test_new_and_open_ask_before_losing_changes(
    window: MainWindow, dialogs: Any, tmp_path: Path
) -> None:
    type_into(window.setup_page.title, "Unsaved")
    dialogs.answer("ask_save", "cancel")
    window.new_action.trigger()
    assert window.editor.session.workshop.title == "Unsaved"
    dialogs.answer("ask_save", "cancel")
    window.open_action.trigger()
    assert window.editor.session.workshop.title == "Unsaved"
    dialogs.answer("ask_save", "save")
    dialogs.answer("save_file_name", tmp_path / "kept.pws.json")
    window.new_action.trigger()
    assert load_session(tmp_path / "kept.pws.json").workshop.title == "Unsaved"
    assert window.editor.session.workshop.title == ""
    type_into(window.setup_page.title, "Thrown away")
    dialogs.answer("ask_save", "discard")
    window.close_action.trigger()
    assert window.editor.session.workshop.title == ""
    assert not window.isWindowModified()


def test_recent_files(window: MainWindow, dialogs: Any, tmp_path: Path) -> None:
    first, second = tmp_path / "one.pws.json", tmp_path / "two.pws.json"
    for path in (first, second):
        save_session(example_session(), path)
        assert window.load(path)
    window._fill_recent_menu()
    entries = [action.text() for action in window.recent_menu.actions()]
    assert entries[0].startswith("&1 two.pws.json") and entries[1].startswith("&2 one.pws.json")
    second.unlink()
    window.recent_menu.actions()[0].trigger()
    assert "there is no such file" in dialogs.warnings()[-1][3]
    assert window.user_files.preferences.recent_files == [str(first.resolve())]
    assert UserFiles().preferences.recent_files == [str(first.resolve())], "kept between runs"


BROKEN_FILES: dict[str, bytes] = {
    "empty": b"",
    "not JSON": b"this is not json",
    "truncated": session_to_json(example_session()).encode()[:5000],
    "garbage": bytes(range(256)) * 8,
    "a list": b"[]",
    "newer version": json.dumps(
        {"format": "partnerworkshop-session", "schema_version": 99}
    ).encode(),
}


@pytest.mark.parametrize("kind", list(BROKEN_FILES))
def test_a_broken_file_is_explained_and_the_window_stays_usable(
    window: MainWindow, dialogs: Any, tmp_path: Path, kind: str
) -> None:
    type_into(window.setup_page.title, "Work in progress")
    path = tmp_path / "broken.pws.json"
    path.write_bytes(BROKEN_FILES[kind])
    dialogs.answer("ask_save", "discard")
    dialogs.answer("open_file_name", path)
    window.open_action.trigger()
    (warning,) = dialogs.warnings()
    assert "broken.pws.json" in warning[2]
    assert warning[3], "the problem is named"
    assert "Traceback" not in warning[3]
    assert path.read_bytes() == BROKEN_FILES[kind], "the file is untouched"
    assert window.editor.session.workshop.title == "Work in progress", "the open session stays"
    type_into(window.setup_page.title, " still editable")
    assert window.editor.session.workshop.title == "Work in progress still editable"


def test_zoom_scales_the_text_and_is_remembered(window: MainWindow) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.font().pointSizeF()
    for _ in range(3):
        window.zoom_in_action.trigger()
    assert window.user_files.preferences.zoom == 150
    assert app.font().pointSizeF() == pytest.approx(before * 1.5)
    assert UserFiles().preferences.zoom == 150
    window.zoom_reset_action.trigger()
    assert app.font().pointSizeF() == pytest.approx(before)
    assert not window.zoom_reset_action.isEnabled(), "already at the actual size"
    while window.zoom_out_action.isEnabled():
        window.zoom_out_action.trigger()
    assert window.user_files.preferences.zoom == 70, "zooming out stops at the smallest size"
    assert window.zoom_in_action.isEnabled()


def _scroll_range(area: QScrollArea) -> int:
    return area.horizontalScrollBar().maximum() + area.verticalScrollBar().maximum()


def test_at_the_largest_zoom_a_step_scrolls_instead_of_outgrowing_the_screen(
    window: MainWindow, qtbot: Any
) -> None:
    window.set_document(example_session(), None)
    window.resize(1280, 720)
    window.go_to_step(3)
    area = window.stack.currentWidget()
    assert isinstance(area, QScrollArea)
    qtbot.waitUntil(lambda: window.size() == QSize(1280, 720))
    assert _scroll_range(area) == 0, "at 100% the Agree step fits"

    while window.zoom_in_action.isEnabled():
        window.zoom_in_action.trigger()
    QApplication.processEvents()
    assert window.user_files.preferences.zoom == 250
    assert window.size() == QSize(1280, 720), "the window keeps its size"
    assert _scroll_range(area) > 0, "the Agree step scrolls instead"
    button = window.agree_page.mark_agreed
    area.ensureWidgetVisible(button)
    QApplication.processEvents()
    corner = button.mapTo(area.viewport(), QPoint(button.width() - 1, button.height() - 1))
    assert area.viewport().rect().contains(corner), "every control can be scrolled to"

    window.go_to_step(1)
    answer_area = window.stack.currentWidget()
    assert isinstance(answer_area, QScrollArea)
    QApplication.processEvents()
    assert _scroll_range(answer_area) == 0, "the Answer step scrolls within itself"


def test_full_screen_toggles(window: MainWindow) -> None:
    window.full_screen_action.trigger()
    assert window.isFullScreen()
    window.full_screen_action.trigger()
    assert not window.isFullScreen()


def test_every_icon_loads(qapp: Any) -> None:
    for name in ICON_NAMES:
        assert not icon(name).isNull(), name
        assert not icon(name).pixmap(24, 24).isNull(), name


def test_an_icon_on_a_dark_button_is_drawn_light(qapp: Any) -> None:
    image = icon_on_dark("export-pdf").pixmap(24, 24).toImage()
    drawn = [
        image.pixelColor(x, y)
        for x in range(24)
        for y in range(24)
        if image.pixelColor(x, y).alpha()
    ]
    assert drawn, "the icon is drawn"
    assert min(colour.lightness() for colour in drawn if colour.alpha() > 200) > 200


# --- autosave and recovery ----------------------------------------------------------------


def test_autosave_writes_a_recovery_copy_not_the_users_file(
    window: MainWindow, dialogs: Any, qtbot: Any, tmp_path: Path
) -> None:
    path = tmp_path / "mine.pws.json"
    save_session(example_session(), path)
    window.load(path)
    before = path.read_bytes()
    window.go_to_step(0)
    type_into(window.setup_page.location, " (room 2)")
    store = window.user_files.recovery
    qtbot.waitUntil(lambda: bool(store.entries()), timeout=2000)
    (entry,) = store.entries()
    assert entry.original == path
    assert store.load(entry).workshop.location.endswith("(room 2)")
    assert path.read_bytes() == before
    window.save_action.trigger()
    assert store.entries() == [], "a clean save removes the recovery copy"


def test_recovery_is_offered_at_the_next_start(
    dialogs: Any, qtbot: Any, tmp_path: Path, user_folders: Path
) -> None:
    session = example_session()
    session.workshop.title = "Recovered workshop"
    RecoveryStore(user_folders / "recovery").save(session, tmp_path / "original.pws.json")
    dialogs.answer("ask_recover", "recover")
    recovered = MainWindow(UserFiles())
    qtbot.addWidget(recovered, before_close_func=lambda w: w.editor.mark_saved())
    recovered.offer_recovery()
    assert recovered.editor.session.workshop.title == "Recovered workshop"
    assert recovered.path == tmp_path / "original.pws.json"
    assert recovered.isWindowModified(), "nothing is written to the user's file until saved"


def test_a_recovery_copy_in_use_by_another_window_is_not_offered(
    window: MainWindow, dialogs: Any, qtbot: Any
) -> None:
    type_into(window.setup_page.title, "Open elsewhere")
    window.autosave()
    second = MainWindow(UserFiles())
    qtbot.addWidget(second, before_close_func=lambda w: w.editor.mark_saved())
    assert second.waiting_recoveries() == []


CRASHING_APP = """
import sys
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from partnerworkshop.ui.application import build_window, create_application

app = create_application()
window = build_window()

def edit_title(text):
    window.setup_page.title.setFocus()
    QTest.keyClicks(window.setup_page.title, text)

edit_title("Edit one")
window.answer_page.show_question("name.kind_in_mind")
option = window.answer_page.cards["name.kind_in_mind"].columns["A"].input.buttons()[1]
QTest.mouseClick(option, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(8, 8))
print("edited", flush=True)
QTimer.singleShot(int(sys.argv[1]), lambda: (edit_title(" and two"), print("second", flush=True)))
app.exec()
"""


def test_a_killed_app_loses_no_edit_older_than_two_seconds(
    dialogs: Any, qtbot: Any, tmp_path: Path, user_folders: Path
) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PARTNERWORKSHOP_USER_DIR": str(user_folders),
    }
    with subprocess.Popen(
        [sys.executable, "-c", CRASHING_APP, "2200"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
        cwd=tmp_path,
    ) as child:
        try:
            assert child.stdout is not None
            assert child.stdout.readline().strip() == "edited"
            edited_at = time.monotonic()
            assert child.stdout.readline().strip() == "second"
            assert time.monotonic() - edited_at >= 2.0
            os.kill(
                child.pid, signal.SIGKILL
            )  # at once: the second edit may be lost, not the first
        finally:
            child.kill()

    dialogs.answer("ask_recover", "recover")
    restarted = MainWindow(UserFiles())
    qtbot.addWidget(restarted, before_close_func=lambda w: w.editor.mark_saved())
    restarted.offer_recovery()
    session = restarted.editor.session
    assert session.workshop.title.startswith("Edit one")
    assert session.answer("A", "name.kind_in_mind").value is not None


@pytest.mark.qt_no_exception_capture
def test_an_unexpected_error_shows_a_plain_message_and_keeps_the_work(
    window: MainWindow, dialogs: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", window.last_resort)
    window.editor.set_workshop("title", "Work not yet saved")

    def broken() -> None:
        raise RuntimeError("a part of the app that fails")

    monkeypatch.setattr(window.outside(), "export_sheet", broken)
    window.export_sheet_action.trigger()

    [(_, title, text, details)] = dialogs.warnings()
    assert title == "Something went wrong"
    assert "recovery copy" in text
    assert "Traceback" not in text + details
    [entry] = window.user_files.recovery.entries()
    assert entry.title == "Work not yet saved"
    assert window.isVisible()


def test_the_app_installs_the_last_resort(
    themed_app: Any, user_folders: Path, dialogs: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from partnerworkshop.ui.application import build_window

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    window = build_window()
    try:
        assert sys.excepthook == window.last_resort
    finally:
        window.close()
