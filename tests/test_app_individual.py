"""Representatives answering individually, driven through the app: Set up, answering one at a
time with a hand-over between them, the party settling its answers, and Compare's part for it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from factories import individual_example
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox
from ui_driver import answer_column, click, type_into, type_text, visible_texts

from partnerworkshop.export.answer_sheet import write_answer_sheet
from partnerworkshop.model.catalog import builtin_template, example_session
from partnerworkshop.model.consolidation import propose, representatives_differ
from partnerworkshop.model.packs import make_pack
from partnerworkshop.model.session import Answer, new_session
from partnerworkshop.model.storage import save_session
from partnerworkshop.ui.answer_page import AnswerPage
from partnerworkshop.ui.main_window import MainWindow

JAMES_SECRET = "James thinks the budget is gone"


def choose(combo: QComboBox, text: str) -> None:
    """Pick an entry of a drop-down list by its text, as a person does."""
    index = combo.findText(text)
    assert index >= 0, [combo.itemText(i) for i in range(combo.count())]
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def add_representative(window: MainWindow, name: str) -> None:
    panel = window.setup_page.parties["A"]
    click(panel.add)
    type_text(QApplication.focusWidget(), name)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    QApplication.processEvents()


def open_short_session(window: MainWindow, tmp_path: Path) -> None:
    session = new_session(
        builtin_template("partnership-meaning-short"),
        organisation_a="Northwind",
        organisation_b="Contoso",
    )
    path = tmp_path / "workshop.pws.json"
    save_session(session, path)
    assert window.load(path)


def test_representatives_answer_one_at_a_time_and_the_party_settles(
    window: MainWindow, tmp_path: Path
) -> None:
    open_short_session(window, tmp_path)
    editor = window.editor
    session = editor.session
    add_representative(window, "James Whitfield")
    add_representative(window, "Sarah Okafor")
    panel = window.setup_page.parties["A"]
    assert not panel.anonymous.isEnabled()
    choose(panel.answering, "Each representative individually")
    assert session.parties.A.answering == "individually"
    assert panel.anonymous.isEnabled()
    james, sarah = (person.id for person in session.parties.A.representatives)

    window.go_to_step(1)
    page: AnswerPage = window.answer_page
    row = page.individual_rows["A"]
    assert row.isVisible() and not page.individual_rows["B"].isVisible()
    choose(row.choice, "James Whitfield")
    room = window.room
    assert room.handing_over
    assert "Pass the laptop to James Whitfield" in "\n".join(visible_texts(room.hand_over))
    click(room.hand_over.continue_button)
    assert not room.handing_over
    first = page.current_section()
    assert first is not None
    entered = {}
    for seed, question in enumerate(first.questions):
        column = page.cards[question.id].columns["A"]
        assert column.representative == james
        entered[question.id] = answer_column(column, seed)
    comment_field = page.cards[first.questions[0].id].columns["A"].comment
    comment_field.clear()
    type_into(comment_field, JAMES_SECRET)
    assert session.answers_of("A") == {}, "a representative's answers are their own"
    for question_id, given in entered.items():
        assert session.representative_answer("A", james, question_id).value == given["value"]

    choose(row.choice, "Sarah Okafor")
    assert room.handing_over
    click(room.hand_over.continue_button)
    assert JAMES_SECRET not in "\n".join(visible_texts(window))
    for seed, question in enumerate(first.questions):
        column = page.cards[question.id].columns["A"]
        assert column.representative == sarah
        assert column.current_answer() == Answer()
        answer_column(column, seed if seed % 2 else seed + 7)

    choose(row.choice, "Northwind settles its answers")
    assert "Settle Northwind's answers" in "\n".join(visible_texts(room.hand_over))
    click(room.hand_over.continue_button)
    assert session.answering.representatives == {}
    click(row.settle_agreed)
    settled = list(session.individual.A.settled)
    assert settled
    for question_id in settled:
        given = [session.representative_answer("A", p, question_id) for p in (james, sarah)]
        assert not representatives_differ(given)
        proposal = propose(session.template.question(question_id), given)
        assert session.answer("A", question_id) == proposal

    question = next(q for q in first.questions if q.id not in settled)
    settle = page.cards[question.id].columns["A"].settle_panel
    assert settle is not None
    assert "differ" in settle.status.text()
    assert "James Whitfield:" in settle.given.text() and "Sarah Okafor:" in settle.given.text()
    click(settle.take)
    given = [session.representative_answer("A", p, question.id) for p in (james, sarah)]
    assert session.answer("A", question.id).value == propose(question, given).value
    assert question.id in session.individual.A.settled
    assert settle.status.text() == "Settled"
    window.undo_action.trigger()
    assert question.id not in session.individual.A.settled
    assert session.answer("A", question.id).value is None


def test_anonymous_representatives_are_named_by_number(window: MainWindow) -> None:
    window.set_document(individual_example(), None)
    panel = window.setup_page.parties["A"]
    click(panel.anonymous)
    session = window.editor.session
    assert session.parties.A.anonymous
    window.go_to_step(1)
    choices = window.answer_page.individual_rows["A"].choice
    labels = [choices.itemText(i) for i in range(choices.count())]
    assert labels[1:] == ["Northwind, respondent 1", "Northwind, respondent 2"]
    # Settling in the room: each representative's answer is shown by number.
    page: AnswerPage = window.answer_page
    question = page.current_section().questions[0]
    settle = page.cards[question.id].columns["A"].settle_panel
    assert settle is not None
    given = settle.given.text()
    assert "Northwind, respondent 1:" in given and "Northwind, respondent 2:" in given
    assert "James" not in given and "Sarah" not in given
    window.go_to_step(2)
    compare = window.compare_page
    compare.tabs.setCurrentWidget(compare.inside_tab)
    shown = "\n".join(visible_texts(compare))
    assert "respondent 1" in shown and "respondent 2" in shown
    assert "James" not in shown and "Sarah" not in shown


def test_compare_shows_inside_each_party(window: MainWindow, qtbot: Any) -> None:
    window.set_document(individual_example(), None)
    window.go_to_step(2)
    compare = window.compare_page
    tab_index = compare.tabs.indexOf(compare.inside_tab)
    assert compare.tabs.isTabVisible(tab_index)
    compare.tabs.setCurrentIndex(tab_index)
    shown = "\n".join(visible_texts(compare.inside_tab))
    assert (
        "Inside Northwind, James Whitfield describes a key account and Sarah Okafor a strategic "
        "partnership." in shown
    )
    assert "James Whitfield: describes a key account" in shown
    assert "Sarah Okafor: describes a strategic partnership" in shown
    assert "Inside Contoso" not in shown
    analysis = window.editor.analysis()
    inside = analysis.inside["A"]
    assert inside is not None
    view = compare.inside_tab.settle_views["A"]
    assert view.model().rowCount() == len(inside.settle_first)
    first = view.model().index(0, 0)
    view.setCurrentIndex(first)
    with qtbot.waitSignal(compare.jump_to_question) as jumped:
        view.activated.emit(first)
    assert jumped.args == [inside.settle_first[0]]


def test_compare_says_which_party_still_has_to_settle(window: MainWindow) -> None:
    window.set_document(individual_example(), None)
    window.go_to_step(2)
    compare = window.compare_page
    note = compare.unsettled_note
    count = len(window.editor.analysis().inside["A"].settle_first)
    assert note.isVisible()
    assert f"Northwind's representatives still differ on {count} questions" in note.text()
    editor = window.editor
    session = editor.session
    inside = editor.analysis().inside["A"]
    for question_id in inside.settle_first:
        editor.settle("A", question_id, session.answer("A", question_id))
    window.go_to_step(1)
    window.go_to_step(2)
    assert not note.isVisible()


def test_compare_has_no_inside_part_when_every_party_answers_as_one(window: MainWindow) -> None:
    session = individual_example()
    session.parties.A.answering = "as_one"
    window.set_document(session, None)
    window.go_to_step(2)
    compare = window.compare_page
    assert not compare.tabs.isTabVisible(compare.tabs.indexOf(compare.inside_tab))


def test_a_representative_s_sheet_taken_in_through_the_app_asks_first(
    window: MainWindow, dialogs: Any, tmp_path: Path
) -> None:
    session = example_session()  # Northwind answers as one
    sarah = session.parties.A.representatives[1].id
    session.individual.A.by_representative = {
        sarah: {"name.kind_in_mind": Answer(value="strategic_partnership")}
    }
    sheet = tmp_path / "sarah.csv"
    write_answer_sheet(session, "A", sheet, representative=sarah)
    session.individual.A.by_representative = {}
    window.set_document(session, None)
    before = session.answers_of("A")

    dialogs.answer("choose_party", "A")
    dialogs.answer("open_file_name", sheet)
    dialogs.answer("confirm", True)  # the sheet is Sarah's own
    dialogs.answer("confirm", False)  # but Northwind would then answer individually: no
    window.import_sheet_action.trigger()
    assert window.session.parties.A.answering == "as_one"
    assert window.session.individual.A.by_representative == {}

    dialogs.answer("choose_party", "A")
    dialogs.answer("open_file_name", sheet)
    dialogs.answer("confirm", True)
    dialogs.answer("confirm", True)
    dialogs.answer("preview_incoming", "new")
    window.import_sheet_action.trigger()
    taken = window.session
    assert taken.parties.A.answering == "individually"
    assert taken.representative_answers("A", sarah) == {
        "name.kind_in_mind": Answer(value="strategic_partnership")
    }
    assert taken.answers_of("A") == before, "the party's answers stay its answers"
    assert "Sarah Okafor of Northwind" in dialogs.shown[-1][1]
    window.undo_action.trigger()
    assert window.session.parties.A.answering == "as_one"


def test_a_representative_s_pack_opened_in_the_app_takes_their_answers_alone(
    window: MainWindow, tmp_path: Path
) -> None:
    session = individual_example()
    james = session.parties.A.representatives[0].id
    pack = make_pack(session, "A", james)
    window.set_document(pack, None)
    window.go_to_step(1)
    page: AnswerPage = window.answer_page
    assert not page.individual_rows["A"].isVisible()
    assert "answer pack of Northwind: James Whitfield" in page.pack_banner.text()
    question = page.current_section().questions[0]
    column = page.cards[question.id].columns["A"]
    assert set(page.cards[question.id].columns) == {"A"}
    assert column.representative == james
    click(column.clear_button)
    assert window.session.representative_answer("A", james, question.id).value is None
    assert window.session.answers_of("A") == {}
