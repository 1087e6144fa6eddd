"""The Agree step: resolving the agenda by clicking, the status rule, definition, signatories."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QDateEdit
from ui_driver import click, type_into, type_text, visible_texts

from partnerworkshop.model.agreement import agreement_progress
from partnerworkshop.model.catalog import example_session
from partnerworkshop.model.kinds import RelationshipKind
from partnerworkshop.model.positions import position_of
from partnerworkshop.model.session import Signatory
from partnerworkshop.model.storage import save_session
from partnerworkshop.model.template import SingleChoiceQuestion, SplitQuestion
from partnerworkshop.ui.agree_page import AgreePage
from partnerworkshop.ui.answer_inputs import ChoiceInput, SplitInput
from partnerworkshop.ui.main_window import MainWindow


def _agree(window: MainWindow) -> AgreePage:
    window.set_document(example_session(), None)
    window.go_to_step(3)
    return window.agree_page


def _open(page: AgreePage, question_id: str) -> None:
    for row in range(page.items.count()):
        item = page.items.item(row)
        if item.data(Qt.ItemDataRole.UserRole) == question_id:
            rect = page.items.visualItemRect(item)
            page.items.scrollToItem(item)
            rect = page.items.visualItemRect(item)
            QTest.mouseClick(page.items.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            assert page.panel is not None and page.panel.question_id == question_id
            return
    raise AssertionError(f"{question_id} is not listed")


def test_resolve_each_way_by_clicking(window: MainWindow) -> None:
    page = _agree(window)
    session = window.session
    to_settle = list(agreement_progress(session).to_settle)
    single = next(
        q for q in to_settle if isinstance(session.template.question(q), SingleChoiceQuestion)
    )
    split = next(q for q in to_settle if isinstance(session.template.question(q), SplitQuestion))
    adopt_a, adopt_b, park = [q for q in to_settle if q not in (single, split)][:3]

    _open(page, adopt_a)
    click(page.panel.choice_buttons["adopt_a"])
    item = session.agreement.items[adopt_a]
    assert item.resolution == "adopt_a"
    assert item.value == session.answer("A", adopt_a).value

    _open(page, adopt_b)
    click(page.panel.choice_buttons["adopt_b"])
    assert session.agreement.items[adopt_b].resolution == "adopt_b"

    _open(page, single)
    click(page.panel.choice_buttons["agreed"])
    agreed_input = page.panel.agreed_input
    assert isinstance(agreed_input, ChoiceInput)
    click(agreed_input.buttons()[0])
    type_into(page.panel.wording, "Both accept this, reviewed yearly")
    item = session.agreement.items[single]
    assert item.resolution == "agreed"
    assert item.value == session.template.question(single).options[0].id  # type: ignore[union-attr]
    assert item.wording == "Both accept this, reviewed yearly"

    _open(page, split)
    click(page.panel.choice_buttons["agreed"])
    assert isinstance(page.panel.agreed_input, SplitInput)
    spin = page.panel.agreed_input.findChild(type(page.panel.agreed_input._spin))
    spin.setFocus()
    QTest.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(spin, "60")
    QTest.keyClick(spin, Qt.Key.Key_Return)
    assert session.agreement.items[split].value == 60

    _open(page, park)
    click(page.panel.choice_buttons["parked"])
    type_into(page.panel.owner, "Contoso legal team")
    page.panel.due.setFocus()
    page.panel.due.setDate(QDate(2027, 1, 31))
    item = session.agreement.items[park]
    assert (item.resolution, item.owner, str(item.due)) == (
        "parked",
        "Contoso legal team",
        "2027-01-31",
    )

    total = len(to_settle)
    assert page.progress_label.text() == f"4 of {total} resolved, 1 parked"
    assert window.step_bar.buttons[3].status == f"4 of {total} resolved, 1 parked"

    # Each resolution is undoable; typing the owner was one step.
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert session.agreement.items[park].owner == ""
    assert page.progress_label.text() == f"4 of {total} resolved, 1 parked"


def test_notes_keep_the_cursor_while_typing(window: MainWindow) -> None:
    page = _agree(window)
    first = agreement_progress(window.session).to_settle[0]
    _open(page, first)
    panel = page.panel
    type_into(panel.notes, "Northwind wants to check with finance")
    assert page.panel is panel, "typing does not rebuild the question"
    assert window.session.agreement.items[first].notes == "Northwind wants to check with finance"
    assert panel.notes.hasFocus()


def test_mark_as_agreed_says_what_is_missing_and_asks_to_confirm(
    window: MainWindow, dialogs: Any
) -> None:
    page = _agree(window)
    editor = window.editor
    while window.session.agreement.signatories:  # the example names them already
        editor.remove_signatory(0)
    assert not page.mark_agreed.isEnabled()
    assert page.missing_label.isVisible()
    missing = page.missing_label.text()
    total = agreement_progress(window.session).total
    assert missing == (
        "Still needed before the session can be marked agreed: "
        f"{total} questions to settle; an agreed definition; the agreed kind of relationship; "
        "a named signatory for Northwind; a named signatory for Contoso."
    )
    for question_id in agreement_progress(window.session).to_settle:
        editor.park(question_id, "Both", None)
    editor.set_definition("Partners in supply.")
    editor.set_agreed_kind(RelationshipKind.STRATEGIC_PARTNERSHIP)
    editor.add_signatory(Signatory(party="A", name="James Whitfield"))
    assert page.missing_label.text() == (
        "Still needed before the session can be marked agreed: a named signatory for Contoso."
    )
    assert not page.mark_agreed.isEnabled()
    editor.add_signatory(Signatory(party="B", name="Helen Marsh"))
    assert page.mark_agreed.isEnabled() and not page.missing_label.isVisible()

    dialogs.answer("confirm", False)
    click(page.mark_agreed)
    assert window.session.agreement.status == "draft", "cancelled"
    _, title, text = dialogs.shown[-1]
    assert title == "Mark the session as agreed?"
    for line in (
        "The kind of relationship: strategic partnership",
        "The agreed definition (3 words)",
        f"4 agreed positions of 46 questions; {total} parked",
        "Signatories: James Whitfield for Northwind, Helen Marsh for Contoso",
    ):
        assert line in text
    dialogs.answer("confirm", True)
    click(page.mark_agreed)
    assert window.session.agreement.status == "agreed"
    assert page.status_label.text() == "Status: agreed"
    assert window.step_bar.buttons[3].status == "Agreed"

    carried = agreement_progress(window.session).carried_over[0]
    _open(page, carried)
    assert page.panel.reopen.isVisible()
    click(page.panel.reopen)
    assert window.session.agreement.status == "draft", "reopening makes the session a draft"
    assert carried in agreement_progress(window.session).to_settle
    window.undo_action.trigger()
    assert window.session.agreement.status == "agreed"
    click(page.back_to_draft)
    assert window.session.agreement.status == "draft"


def test_an_empty_agreed_position_stays_open_and_says_what_is_missing(window: MainWindow) -> None:
    page = _agree(window)
    question_id = "sharing.payment_model"
    _open(page, question_id)
    before = agreement_progress(window.session).resolved
    click(page.panel.choice_buttons["agreed"])
    assert window.session.agreement.items[question_id].resolution == "agreed"
    assert agreement_progress(window.session).resolved == before
    assert "not settled: choose the answer both parties accept" in page.panel.state.text()
    agreed_input = page.panel.agreed_input
    assert isinstance(agreed_input, ChoiceInput)
    click(agreed_input.buttons()[1])
    assert agreement_progress(window.session).resolved == before + 1
    assert "not settled" not in page.panel.state.text()


def test_a_file_claiming_agreed_without_grounds_opens_as_a_draft(
    window: MainWindow, dialogs: Any, tmp_path: Path
) -> None:
    session = example_session()
    session.agreement.status = "agreed"  # as a hand-edited file would say
    path = tmp_path / "claimed.pws.json"
    save_session(session, path)
    assert window.load(path)
    assert window.session.agreement.status == "draft"
    assert window.isWindowModified(), "the session differs from its file"
    (warning,) = dialogs.warnings()
    assert warning[1] == "Opened as a draft"
    assert "claimed.pws.json says the session is agreed, but it is not" in warning[2]
    assert "\u2022 an agreed definition" in warning[3]
    assert '"status": "agreed"' in path.read_text(encoding="utf-8"), "the file is untouched"


def test_draft_the_definition_from_the_agreed_positions(window: MainWindow, dialogs: Any) -> None:
    page = _agree(window)
    editor = window.editor
    editor.resolve("sharing.costs", "agreed", value=60)
    page.tabs.setCurrentIndex(1)
    index = page.kind.findData("strategic_partnership")
    page.kind.setFocus()
    page.kind.setCurrentIndex(index)
    page.kind.activated.emit(index)
    click(page.draft_button)
    text = window.session.agreement.definition
    assert "their relationship is a strategic partnership" in text
    assert (
        "Costs, risks and rewards\nNorthwind carries 60% of the costs of the joint work and "
        in text
    )
    assert page.definition.toPlainText() == text

    click(page.definition)
    QTest.keyClick(page.definition, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    type_text(page.definition, "\nSigned in Leeds.")
    dialogs.answer("confirm", False)
    click(page.draft_button)
    assert window.session.agreement.definition.endswith("Signed in Leeds.")
    window.undo_action.trigger()
    assert window.session.agreement.definition == text, "the typing was one undo step"


def test_action_items_and_signatories(window: MainWindow) -> None:
    page = _agree(window)
    page.tabs.setCurrentIndex(2)
    click(page.add_action)
    type_text(QApplication.focusWidget(), "Draft the service schedule")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    QApplication.processEvents()
    status = page.action_table.cellWidget(0, 4)
    assert isinstance(status, QComboBox)
    status.setFocus()
    QTest.keyClick(status, Qt.Key.Key_Down)
    party = page.action_table.cellWidget(0, 1)
    assert isinstance(party, QComboBox)
    party.setFocus()
    QTest.keyClick(party, Qt.Key.Key_Down)
    due = page.action_table.cellWidget(0, 3)
    assert isinstance(due, QDateEdit)
    due.setDate(QDate(2027, 2, 1))
    (action,) = window.session.agreement.action_items
    assert action.what == "Draft the service schedule"
    assert action.status == "in_progress"
    assert action.owner_party == "A"
    assert str(action.due) == "2027-02-01"

    page.tabs.setCurrentIndex(3)
    while window.session.agreement.signatories:  # the example names four already
        page.signatories.setCurrentCell(0, 1)
        click(page.remove_signatory)
    click(page.add_signatory_a)
    type_text(QApplication.focusWidget(), "Dmitri Ivanov")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    QApplication.processEvents()
    click(page.add_signatory_b)
    signatories = window.session.agreement.signatories
    assert [(s.party, s.name, s.organisation) for s in signatories] == [
        ("A", "Dmitri Ivanov", "Northwind Logistics"),
        ("B", "", "Contoso Health"),
    ]
    page.signatories.setCurrentCell(1, 1)
    click(page.remove_signatory)
    assert len(window.session.agreement.signatories) == 1


def test_show_item_opens_a_question_in_the_agree_step(window: MainWindow) -> None:
    window.set_document(example_session(), None)
    window.go_to_step(2)
    question_id = agreement_progress(window.session).to_settle[5]
    window.agree_page.show_item(question_id)
    assert window.current_step() == 3
    assert window.agree_page.panel is not None
    assert window.agree_page.panel.question_id == question_id
    assert window.agree_page.items.currentItem().data(Qt.ItemDataRole.UserRole) == question_id


def test_blind_mode_hides_the_agreement_until_everything_is_revealed(window: MainWindow) -> None:
    window.set_document(example_session(), None)
    window.editor.set_answer_mode("blind")
    window.go_to_step(3)
    page = window.agree_page
    assert page.hidden_note.isVisible()
    assert not page.body.isVisible()
    comment = next(a.comment for a in window.session.answers.B.values() if a.comment)
    assert comment not in "\n".join(visible_texts(window))
    for section in window.session.template.sections:
        window.editor.reveal_section(section.id)
    assert page.body.isVisible()


def test_another_questionnaire_after_the_agree_step(window: MainWindow, tmp_path: Any) -> None:
    from partnerworkshop.model.catalog import builtin_template
    from partnerworkshop.model.session import new_session
    from partnerworkshop.model.storage import save_session

    page = _agree(window)
    question_id = agreement_progress(window.session).to_settle[0]
    _open(page, question_id)
    short = tmp_path / "short.pws.json"
    save_session(new_session(builtin_template("partnership-meaning-short")), short)
    window.editor.mark_saved()
    assert window.load(short)
    window.go_to_step(3)
    assert page.panel is None or page.panel.question_id in {
        q.id for q in window.session.template.questions()
    }
    window.editor.change_template(builtin_template())
    window.go_to_step(3)
    assert page.progress is not None


def _listed(page: AgreePage) -> list[str]:
    return [
        page.items.item(row).data(Qt.ItemDataRole.UserRole) for row in range(page.items.count())
    ]


def test_walk_the_agenda_with_previous_and_next(window: MainWindow) -> None:
    page = _agree(window)
    progress = agreement_progress(window.session)
    first, second, third = progress.to_settle[:3]
    assert page.panel is not None and page.panel.question_id == first
    assert not page.previous_item.isEnabled()
    click(page.next_item)
    assert page.panel.question_id == second
    page.panel.notes.setFocus()
    QTest.keySequence(window, QKeySequence("Alt+PgDown"))
    assert page.panel.question_id == third
    QTest.keySequence(window, QKeySequence("Alt+PgUp"))
    assert page.panel.question_id == second
    click(page.previous_item)
    assert page.panel.question_id == first
    last = progress.carried_over[-1]
    _open(page, last)
    assert not page.next_item.isEnabled() and page.previous_item.isEnabled()


def test_numbers_counts_and_the_adopted_answer_follow_every_change(window: MainWindow) -> None:
    page = _agree(window)
    session = window.session
    total = agreement_progress(session).total
    heading = page.items.item(0).text()
    assert heading == f"To settle: {total} of {total} still open"
    _open(page, "governance.management")
    assert (
        page.items.currentItem()
        .text()
        .startswith("5.3  How much active joint management does this relationship need?\n")
    )
    assert any(t.startswith("5.3  How much active joint management") for t in visible_texts(page))
    click(page.panel.choice_buttons["adopt_b"])
    assert page.items.item(0).text() == f"To settle: {total - 1} of {total} still open"
    assert page.panel.adopted.isVisible()
    assert page.panel.adopted.text() == "Adopted: Contoso's answer, 4 (Substantial)"
    assert page.panel.statement.text() == (
        "In the charter: Northwind and Contoso manage the relationship substantially, with joint "
        "plans, a steering group and named leads in both organisations."
    )
    click(page.panel.choice_buttons["adopt_a"])
    assert page.panel.adopted.text() == "Adopted: Northwind's answer, 3 (Regular)"
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert page.items.item(0).text() == f"To settle: {total} of {total} still open"
    assert not page.panel.adopted.isVisible() and not page.panel.statement.isVisible()


def test_the_agenda_by_theme_and_the_choice_is_remembered(window: MainWindow) -> None:
    page = _agree(window)
    session = window.session
    progress = agreement_progress(session)
    page.order.setFocus()
    QTest.keyClick(page.order, Qt.Key.Key_Down)
    page.order.activated.emit(page.order.currentIndex())
    assert page.order.currentText() == "By theme"
    listed = _listed(page)
    most_pressing = session.template.section_of(progress.to_settle[0])
    headings = [page.items.item(row).text() for row, q in enumerate(listed) if q == ""]
    assert headings[0].startswith(f"{most_pressing.title}: ")
    assert headings[-1] == f"Carried over as agreed ({len(progress.carried_over)})"
    first_group = listed[1 : listed.index("", 1)]
    assert first_group == [q.id for q in most_pressing.questions if q.id in progress.to_settle]
    assert window.user_files.preferences.agenda_order == "theme"
    again = AgreePage(window.user_files)
    assert again.order.currentText() == "By theme", "the choice is remembered"
    again.deleteLater()


def test_several_close_items_settled_at_once(window: MainWindow) -> None:
    page = _agree(window)
    session = window.session
    assert page.settle_close.isEnabled()
    click(page.settle_close)
    dialog = page.quick_dialog
    assert dialog is not None and dialog.isVisible()
    assert set(dialog.choices) == agreement_progress(session).quick
    importance, _ = dialog.choices["name.importance"]
    importance.setCurrentIndex(2)  # Contoso's answer
    say, _ = dialog.choices["governance.decision_say"]
    say.setCurrentIndex(4)  # another share both accept
    share = dialog.shares["governance.decision_say"]
    assert share.isEnabled() and share.value() == 40
    share.setValue(45)
    click(dialog.settle)
    items = session.agreement.items
    assert (items["name.importance"].resolution, items["name.importance"].value) == ("adopt_b", 5)
    assert (
        items["governance.decision_say"].resolution,
        items["governance.decision_say"].value,
    ) == (
        "agreed",
        45,
    )
    assert "governance.management" not in items, "left for now"
    window.undo_action.trigger()
    assert "name.importance" not in items and "governance.decision_say" not in items


HALFWAY = "Agree 40 / 60, halfway between the answers: Northwind 40%, Contoso 60%"
HALFWAY_STATEMENT = (
    "Contoso has 60% of the say over the key decisions about the joint work and Northwind 40%."
)


def test_a_close_split_is_agreed_halfway_in_one_click(window: MainWindow) -> None:
    page = _agree(window)
    session = window.session
    split = "governance.decision_say"  # Northwind 30, Contoso 50
    _open(page, split)
    button = page.panel.halfway_button
    assert button is not None and button.isVisible() and button.text() == HALFWAY
    click(button)
    item = session.agreement.items[split]
    assert (item.resolution, item.value) == ("agreed", 40)
    assert position_of(session, split).statement == HALFWAY_STATEMENT
    assert page.panel.statement.text() == f"In the charter: {HALFWAY_STATEMENT}"
    assert page.panel.choice_buttons["agreed"].isChecked()
    assert not page.panel.halfway_button.isVisible()
    window.undo_action.trigger()
    assert split not in session.agreement.items, "one undo step"
    assert page.panel.halfway_button.isVisible()


def test_a_close_split_is_agreed_halfway_in_the_close_items_dialog(window: MainWindow) -> None:
    page = _agree(window)
    session = window.session
    split = "governance.decision_say"
    click(page.settle_close)
    dialog = page.quick_dialog
    assert dialog is not None
    say, _ = dialog.choices[split]
    assert say.itemText(3) == HALFWAY
    say.setCurrentIndex(3)
    assert not dialog.shares[split].isEnabled()
    click(dialog.settle)
    item = session.agreement.items[split]
    assert (item.resolution, item.value) == ("agreed", 40)
    assert position_of(session, split).statement == HALFWAY_STATEMENT
    window.undo_action.trigger()
    assert split not in session.agreement.items


def test_the_agreed_kind_is_proposed_from_the_kind_question(window: MainWindow) -> None:
    page = _agree(window)
    page.tabs.setCurrentIndex(1)
    assert not page.use_proposal.isVisible()
    window.editor.resolve("name.kind_in_mind", "adopt_b")
    assert page.use_proposal.isVisible()
    assert page.proposal.text() == (
        'Proposed from the agreed answer to 1.2 "Which of these best describes the relationship '
        'you have in mind?": strategic partnership'
    )
    click(page.use_proposal)
    assert window.session.agreement.agreed_kind == RelationshipKind.STRATEGIC_PARTNERSHIP
    assert page.kind.currentData() == "strategic_partnership"
    assert not page.use_proposal.isVisible()


def test_agreed_wording_in_the_first_person_is_pointed_out(window: MainWindow) -> None:
    page = _agree(window)
    _open(page, "sharing.payment_model")
    click(page.panel.choice_buttons["adopt_b"])
    assert not page.panel.wording_person.isVisible()
    type_into(page.panel.wording, "We invoice monthly")
    assert page.panel.wording_person.isVisible()
    assert page.panel.wording_person.text() == (
        'The charter speaks of Northwind and Contoso by name, but this wording says "We": who is '
        "meant may be unclear to a reader."
    )
    QTest.keyClick(page.panel.wording, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(page.panel.wording, "Contoso invoices monthly")
    assert window.session.agreement.items["sharing.payment_model"].wording == (
        "Contoso invoices monthly"
    )
    assert not page.panel.wording_person.isVisible()
