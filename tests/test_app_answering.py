"""The Answer step driven through its widgets, like a facilitator at the keyboard."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QPlainTextEdit, QRadioButton
from ui_driver import answer_column, click, focused, type_into, visible_texts

from partnerworkshop.model.base import SIDES
from partnerworkshop.model.catalog import builtin_template
from partnerworkshop.model.session import new_session
from partnerworkshop.model.storage import load_session, save_session
from partnerworkshop.ui.answer_page import AnswerPage


def _open(window: Any, tmp_path: Path, template_id: str = "partnership-meaning") -> Path:
    path = tmp_path / "workshop.pws.json"
    session = new_session(
        builtin_template(template_id), organisation_a="Northwind", organisation_b="Contoso"
    )
    save_session(session, path)
    assert window.load(path)
    window.go_to_step(1)
    return path


def test_fill_in_the_whole_questionnaire_save_and_reopen(
    window: Any, dialogs: Any, tmp_path: Path
) -> None:
    path = _open(window, tmp_path)
    page: AnswerPage = window.answer_page
    template = window.editor.session.template
    expected: dict[str, dict[str, dict[str, Any]]] = {"A": {}, "B": {}}
    seed = 0
    for row, section in enumerate(template.sections):
        click_row = page.sections.visualItemRect(page.sections.item(row)).center()
        QTest.mouseClick(page.sections.viewport(), Qt.MouseButton.LeftButton, pos=click_row)
        assert page.current_section() == section
        for question in section.questions:
            card = page.cards[question.id]
            for side in SIDES:
                seed += 1
                expected[side][question.id] = answer_column(card.columns[side], seed)
    assert window.isWindowModified()
    window.save_action.trigger()
    assert not window.isWindowModified()

    reopened = load_session(path)
    for side in SIDES:
        answers = reopened.answers_of(side)
        missing = {q.id for q in template.questions()} - set(answers)
        assert not missing, (side, sorted(missing), [answers.get(m) for m in missing])
        for question_id, entered in expected[side].items():
            answer = answers[question_id]
            assert answer.value == entered["value"], question_id
            assert answer.importance == entered["importance"], question_id
            assert answer.comment == entered.get("comment", ""), question_id
            assert answer.not_sure == entered.get("not_sure", False), question_id


def test_keyboard_only_answers_a_section(window: Any, tmp_path: Path) -> None:
    path = _open(window, tmp_path, "partnership-meaning-short")
    page: AnswerPage = window.answer_page
    section = window.editor.session.template.sections[0]
    first = section.questions[0]
    window.show_question(first.id)
    # Walk the section with Tab; answer each question for both parties with Space, arrows, typing.
    answered: set[tuple[str, str]] = set()
    for _ in range(400):
        widget = focused()
        assert widget is not None
        if not any(card.isAncestorOf(widget) for card in page.cards.values()):
            break  # past the last question of the section
        column = next(
            (
                c
                for card in page.cards.values()
                for c in card.columns.values()
                if c.isAncestorOf(widget)
            ),
            None,
        )
        key = (column.side, column.question.id) if column is not None else None
        if column is not None and key not in answered and column.input.isAncestorOf(widget):
            if isinstance(widget, QRadioButton):
                QTest.keyClick(widget, Qt.Key.Key_Down)  # to the next point...
                widget = focused()
                assert widget is not None
                QTest.keyClick(widget, Qt.Key.Key_Space)  # ...and choose it
            elif isinstance(widget, QAbstractButton) and widget.isCheckable():
                QTest.keyClick(widget, Qt.Key.Key_Space)
            elif isinstance(widget, QPlainTextEdit):
                QTest.keyClicks(widget, "typed")
            elif isinstance(widget, QAbstractButton):
                QTest.keyClick(widget, Qt.Key.Key_Space)  # "Use this order" for a ranking
            else:
                QTest.keyClick(widget, Qt.Key.Key_Up)  # slider or spin box
                QTest.keyClick(widget, Qt.Key.Key_Return)
            answered.add(key)
        QTest.keyClick(widget, Qt.Key.Key_Tab)
    session = window.editor.session
    for question in section.questions:
        for side in SIDES:
            assert session.answer(side, question.id).value is not None, (side, question.id)
    window.save_action.trigger()
    assert load_session(path).answers_of("B").keys() >= {q.id for q in section.questions}


def test_tab_order_runs_party_a_then_party_b(window: Any, tmp_path: Path) -> None:
    _open(window, tmp_path, "partnership-meaning-short")
    page: AnswerPage = window.answer_page
    question = window.editor.session.template.sections[0].questions[0]
    window.show_question(question.id)
    card = page.cards[question.id]
    seen: list[str] = []
    for _ in range(60):
        widget = focused()
        assert widget is not None
        if not card.isAncestorOf(widget):
            break
        seen.append("A" if card.columns["A"].isAncestorOf(widget) else "B")
        QTest.keyClick(widget, Qt.Key.Key_Tab)
    assert seen[0] == "A" and "B" in seen
    assert seen == sorted(seen), "all of A's inputs come before B's"


def test_help_is_one_click_away(window: Any, tmp_path: Path) -> None:
    _open(window, tmp_path)
    card = next(iter(window.answer_page.cards.values()))
    assert not card.help.isVisible()
    click(card.help_button)
    assert card.help.isVisible()
    assert card.help.text() == card.question.help


def test_every_input_has_an_accessible_name(window: Any, tmp_path: Path) -> None:
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import QAbstractSpinBox, QWidget

    _open(window, tmp_path)
    for step in range(2):
        window.go_to_step(step)
        for widget in window.findChildren(QWidget):
            if widget.isVisibleTo(window) and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                if isinstance(widget.parentWidget(), QAbstractSpinBox):
                    widget = widget.parentWidget()  # the text part of a spin box or date field
                interface = QAccessible.queryAccessibleInterface(widget)
                name = interface.text(QAccessible.Text.Name) if interface else ""
                assert name.strip(), (
                    f"{type(widget).__name__} {widget.objectName()} has no accessible name"
                )


def test_blind_mode_shows_nothing_of_the_hidden_party(
    window: Any, dialogs: Any, tmp_path: Path
) -> None:
    _open(window, tmp_path, "partnership-meaning-short")
    editor = window.editor
    template = editor.session.template
    secret = "Contoso secret remark"
    page: AnswerPage = window.answer_page
    click(page.blind)
    assert editor.session.answering.mode == "blind"
    page.current.setCurrentIndex(1)
    page.current.activated.emit(1)
    assert editor.session.answering.current == "B"
    click(window.room.hand_over.continue_button)
    for question in template.questions():
        column = page.cards[question.id].columns["B"] if question.id in page.cards else None
        if column is not None:
            type_into(column.comment, secret)
    text_question = next(q for q in template.questions() if q.kind == "text")
    editor.set_answer("B", text_question.id, "Contoso private wording")

    page.current.setCurrentIndex(0)
    page.current.activated.emit(0)
    assert editor.session.answering.current == "A"
    click(window.room.hand_over.continue_button)
    for row in range(page.sections.count()):
        page.sections.setCurrentRow(row)
        for step in range(5):
            window.go_to_step(step)
            window.go_to_step(1)
            texts = "\n".join(visible_texts(window))
            assert secret not in texts
            assert "Contoso private wording" not in texts
            for card in page.cards.values():
                assert set(card.columns) == {"A"}, "the hidden party's column is not built at all"

    # Reveal needs both parties complete, or a confirmed override.
    dialogs.answer("confirm", False)
    click(page.reveal)
    assert not editor.session.answering.revealed
    dialogs.answer("confirm", True)
    click(page.reveal)
    section = page.current_section()
    assert editor.session.answering.revealed == [section.id]
    assert all(set(card.columns) == {"A", "B"} for card in page.cards.values())


def test_blind_mode_is_saved_in_the_session(window: Any, tmp_path: Path) -> None:
    path = _open(window, tmp_path)
    click(window.answer_page.blind)
    window.save_action.trigger()
    assert load_session(path).answering.mode == "blind"


def test_leaving_blind_mode_asks_before_showing_hidden_answers(
    window: Any, dialogs: Any, tmp_path: Path
) -> None:
    _open(window, tmp_path, "partnership-meaning-short")
    page: AnswerPage = window.answer_page
    click(page.blind)
    dialogs.answer("confirm", False)
    click(page.side_by_side)
    assert window.editor.session.answering.mode == "blind"
    assert page.blind.isChecked()
    dialogs.answer("confirm", True)
    click(page.side_by_side)
    assert window.editor.session.answering.mode == "side_by_side"
