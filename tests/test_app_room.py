"""The room: the hand-over between blind answerers and the view for the room."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from ui_driver import click, visible_texts

from partnerworkshop.model.catalog import builtin_template
from partnerworkshop.model.session import new_session
from partnerworkshop.model.storage import save_session
from partnerworkshop.ui.answer_page import AnswerPage

SECRET_COMMENT = "Northwind secret remark"
SECRET_WORDING = "Northwind private wording"


def _open_blind(window: Any, tmp_path: Path) -> AnswerPage:
    """A short questionnaire answered blind; Northwind has answered the first section, with
    a comment and a free-text answer that Contoso must not see."""
    session = new_session(
        builtin_template("partnership-meaning-short"),
        organisation_a="Northwind",
        organisation_b="Contoso",
    )
    path = tmp_path / "blind.pws.json"
    save_session(session, path)
    assert window.load(path)
    window.go_to_step(1)
    page: AnswerPage = window.answer_page
    click(page.blind)
    editor = window.editor
    template = editor.session.template
    for question in template.questions():
        editor.set_comment("A", question.id, SECRET_COMMENT)
    text_question = next(q for q in template.questions() if q.kind == "text")
    editor.set_answer("A", text_question.id, SECRET_WORDING)
    return page


def _choose_answering(page: AnswerPage, index: int) -> None:
    page.current.setCurrentIndex(index)
    page.current.activated.emit(index)


def test_changing_the_answering_party_hands_the_laptop_over_first(
    window: Any, tmp_path: Path
) -> None:
    page = _open_blind(window, tmp_path)
    room = window.room
    assert not room.handing_over
    _choose_answering(page, 1)
    assert room.handing_over
    assert not page.isVisible(), "nothing of the answer page stays on the screen"
    shown = "\n".join(visible_texts(room.hand_over))
    assert "Pass the laptop to Contoso" in shown
    assert SECRET_COMMENT not in shown and SECRET_WORDING not in shown
    click(room.hand_over.continue_button)
    assert not room.handing_over
    assert page.isVisible()
    texts = "\n".join(visible_texts(page))
    assert SECRET_COMMENT not in texts and SECRET_WORDING not in texts


def test_side_by_side_needs_no_hand_over(window: Any, tmp_path: Path) -> None:
    _open_blind(window, tmp_path)
    window.editor.set_answer_mode("side_by_side")
    window.editor.set_answering_party("B")
    assert not window.room.handing_over


def test_the_hand_over_screen_names_who_is_next_and_continues_on_a_click(
    qtbot: Any, themed_app: Any
) -> None:
    from partnerworkshop.ui.hand_over import HandOverScreen

    screen = HandOverScreen()
    qtbot.addWidget(screen)
    screen.show_for("Ana Lima", "Northwind's second representative", "Ana is ready")
    screen.show()
    assert screen.title.text() == "Pass the laptop to Ana Lima"
    assert screen.detail.text() == "Northwind's second representative"
    with qtbot.waitSignal(screen.continued, timeout=1000):
        click(screen.continue_button)
    screen.show_for("Contoso")
    assert screen.continue_button.text() == "Continue as Contoso"
    assert not screen.detail.isVisibleTo(screen)


def _present(window: Any, qtbot: Any) -> Any:
    """Open the room view, then go on working in the main window (as a click there does)."""
    window.room.present_action.trigger()
    view = window.room.view
    assert view is not None and view.isVisible()
    _work_in(window, qtbot)
    return view


def _work_in(window: Any, qtbot: Any) -> None:
    """The facilitator's clicks go to the main window (the offscreen platform does not activate
    a window on a click)."""
    window.activateWindow()
    qtbot.waitActive(window)


def _room_text(view: Any) -> str:
    return "\n".join(visible_texts(view))


def test_the_room_view_follows_the_step_section_question_and_agenda_item(
    window: Any, qtbot: Any
) -> None:
    from partnerworkshop.model.catalog import example_session

    window.set_document(example_session(), None)
    view = _present(window, qtbot)
    assert window.room.present_action.isChecked()
    session = window.editor.session
    assert session.workshop.title in _room_text(view)
    assert session.parties.B.organisation in _room_text(view)

    window.go_to_step(1)
    page: AnswerPage = window.answer_page
    sections = session.template.sections
    assert sections[0].questions[0].prompt in _room_text(view)
    page.sections.setCurrentRow(3)
    section = sections[3]
    assert section.title in _room_text(view)
    assert section.questions[0].prompt in _room_text(view)
    second = section.questions[1]
    _work_in(window, qtbot)
    click(page.cards[second.id].columns["A"].comment)
    shown = _room_text(view)
    assert second.prompt in shown
    assert section.questions[0].prompt not in shown

    window.go_to_step(2)
    analysis = window.editor.analysis()
    first_item = session.template.question(analysis.agenda[0].question_id)
    assert "describes" in _room_text(view)
    assert first_item.prompt in _room_text(view)

    item = analysis.agenda[2].question_id
    window.agree_page.show_item(item)
    assert window.current_step() == 3
    assert session.template.question(item).prompt in _room_text(view)
    click(window.agree_page.panel.choice_buttons["adopt_b"])
    assert "Agreed: Contoso's answer" in _room_text(view)

    window.go_to_step(4)
    assert "The partnership charter" in _room_text(view)
    view.close()
    assert window.room.view is None
    assert not window.room.present_action.isChecked()


def test_in_blind_mode_the_room_sees_who_is_answering_and_nothing_of_any_answer(
    window: Any, qtbot: Any, dialogs: Any, tmp_path: Path
) -> None:
    page = _open_blind(window, tmp_path)
    editor = window.editor
    session = editor.session
    first = session.template.sections[0]
    for question in first.questions[:2]:
        option = question.option_ids()[0] if hasattr(question, "option_ids") else None
        if option is not None:
            editor.set_answer("A", question.id, option if question.kind != "multiple" else [option])
    hidden_words = [SECRET_COMMENT, SECRET_WORDING]
    for question in first.questions[:2]:
        value = session.answer("A", question.id).value
        if value is not None:
            hidden_words.append(question.describe_value(value))
    assert len(hidden_words) > 2, "Northwind's choices are among the hidden words"
    view = _present(window, qtbot)
    _choose_answering(page, 1)
    assert window.room.handing_over
    click(window.room.hand_over.continue_button)
    for row in range(page.sections.count()):
        page.sections.setCurrentRow(row)
        for step in range(5):
            window.go_to_step(step)
            for where in (view, window.room.hand_over):
                shown = "\n".join(visible_texts(where))
                for words in hidden_words:
                    assert words not in shown, (step, row, words)
        window.go_to_step(1)
        shown = _room_text(view)
        section = session.template.sections[row]
        done = sum(1 for q in section.questions if session.answer("B", q.id).value is not None)
        assert (
            f"Contoso is answering: section {row + 1} of {page.sections.count()}, "
            f"{done} of {len(section.questions)} questions"
        ) in shown

    page.sections.setCurrentRow(0)
    dialogs.answer("confirm", True)
    click(page.reveal)
    shown = _room_text(view)
    assert "Northwind" in shown and "Contoso" in shown
    assert hidden_words[2] in shown, "revealed: both parties' answers side by side"
    assert "is answering" not in shown


def test_on_one_screen_the_room_view_is_an_ordinary_window(window: Any, qtbot: Any) -> None:
    view = _present(window, qtbot)
    assert not view.isFullScreen()
    assert view.screen() is window.screen()
    window.room.present_action.trigger()
    assert window.room.view is None


TWO_SCREENS = {
    "synthesizedScreen": False,
    "screens": [
        {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1},
        {"name": "projector", "x": 1366, "y": 0, "width": 1920, "height": 1080,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1},
    ],
}  # fmt: skip

PRESENT_ON_TWO_SCREENS = """
import json
from partnerworkshop.ui.application import build_window, create_application
app = create_application()
window = build_window(present=True)
app.processEvents()
view = window.room.view
print(json.dumps({
    "main": window.screen().name(),
    "view": view.screen().name(),
    "full_screen": view.isFullScreen(),
    "geometry": view.geometry().getRect(),
    "text_size": view.text_size,
}))
window.room.stop_presenting()
"""


def test_with_a_second_screen_the_room_view_opens_full_screen_there(
    tmp_path: Path, user_folders: Path
) -> None:
    # The platform and its screens are fixed for a process: this one runs in its own.
    screens = tmp_path / "screens.json"
    screens.write_text(json.dumps(TWO_SCREENS))
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={screens}",
        "PARTNERWORKSHOP_USER_DIR": str(user_folders),
    }
    finished = subprocess.run(
        [sys.executable, "-c", PRESENT_ON_TWO_SCREENS],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    shown = json.loads(finished.stdout.strip().splitlines()[-1])
    assert shown["main"] == "laptop"
    assert shown["view"] == "projector"
    assert shown["full_screen"]
    assert shown["geometry"] == [1366, 0, 1920, 1080]
    assert shown["text_size"] == 36, "one line in thirty of a 1080-line projector"


class HandClock:
    """A clock the test moves by hand: no test waits on real time."""

    def __init__(self) -> None:
        self.now = 500.0

    def __call__(self) -> float:
        return self.now


def test_time_boxes_are_set_shown_to_the_room_warned_about_and_saved(
    window: Any, qtbot: Any, tmp_path: Path
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from partnerworkshop.model.catalog import example_session
    from partnerworkshop.model.storage import load_session

    clock = HandClock()
    room = window.room
    room.time_keeper.clock = clock
    window.set_document(example_session(), None)
    view = _present(window, qtbot)
    window.go_to_step(1)
    window.answer_page.sections.setCurrentRow(3)
    section = window.editor.session.template.sections[3]

    room.time_boxes_action.trigger()
    dialog = room.time_dialog
    assert dialog is not None and dialog.isVisible()
    field = dialog.fields[("section", section.id)]
    field.setFocus()
    QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(field, "20")
    QTest.keyClick(field, Qt.Key.Key_Return)
    assert window.editor.session.time_boxes.sections == {section.id: 20}
    assert view.time_left.text() == "20 min left"

    clock.now += 15 * 60 + 30
    room.update_time()
    assert view.time_left.text() == "5 min left"
    assert "Time box: 5 min left" in room.time_note.text()
    assert room.time_note.property("role") == "muted"
    clock.now += 8 * 60
    room.update_time()
    assert view.time_left.text() == "4 min over"
    assert room.time_note.text().startswith("Time box over: 4 min over")
    assert section.title in room.time_note.text()
    assert room.time_note.property("role") == "warning"

    window.go_to_step(2)  # no time box in Compare: the time stands still
    clock.now += 60 * 60
    room.update_time()
    assert view.time_left.text() == "" and room.time_note.text() == ""

    available = dialog.available
    available.setFocus()
    QTest.keyClick(available, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(available, "240")
    QTest.keyClick(available, Qt.Key.Key_Return)
    click(dialog.plan_button)
    boxes = window.editor.session.time_boxes
    assert boxes.available == 240
    assert len(boxes.sections) == len(window.editor.session.template.sections)
    assert set(boxes.items) == {item.question_id for item in window.editor.analysis().agenda}
    assert dialog.fields[("section", section.id)].value() == boxes.sections[section.id]
    window.undo()
    assert dialog.fields[("section", section.id)].value() == 20

    path = tmp_path / "timed.pws.json"
    window._save_to(path)
    assert load_session(path).time_boxes == window.editor.session.time_boxes


def test_the_room_sees_which_choices_only_one_party_made(window: Any, qtbot: Any) -> None:
    from partnerworkshop.model.catalog import example_session

    window.set_document(example_session(), None)
    view = _present(window, qtbot)
    editor = window.editor
    question = next(q for q in editor.session.template.questions() if q.kind == "multiple")
    options = question.option_ids()
    editor.set_answer("A", question.id, [options[0], options[1]])
    editor.set_answer("B", question.id, [options[1], options[2]])
    window.show_question(question.id)
    shown = _room_text(view)
    only_a = question.option(options[0]).label
    shared = question.option(options[1]).label
    assert f"{only_a} (only Northwind)" in shown
    assert f"{question.option(options[2]).label} (only Contoso)" in shown
    assert shared in shown and f"{shared} (only" not in shown
