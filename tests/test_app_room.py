"""The room: the hand-over between blind answerers and the view for the room."""

from __future__ import annotations

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
