"""Every named edit operation can be undone and redone; typing merges into one step."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from factories import make_small_template

from partnerworkshop.model.edits import Edit, EditError, SessionEditor
from partnerworkshop.model.kinds import RelationshipKind
from partnerworkshop.model.session import (
    ActionItem,
    CharterVersion,
    Representative,
    Session,
    Signatory,
)
from partnerworkshop.model.template import Questionnaire

Operation = Callable[[SessionEditor], object]


def _other_template() -> Questionnaire:
    return make_small_template().model_copy(update={"id": "other", "title": "Other"})


OPERATIONS: dict[str, Operation] = {
    "workshop title": lambda e: e.set_workshop("title", "Spring workshop"),
    "workshop date": lambda e: e.set_workshop("date", date(2027, 3, 1)),
    "workshop location": lambda e: e.set_workshop("location", "Leeds"),
    "facilitator": lambda e: e.set_workshop("facilitator", "Priya"),
    "organisation": lambda e: e.set_party("A", "organisation", "Northwind Logistics"),
    "label": lambda e: e.set_party("B", "label", "Contoso"),
    "colour": lambda e: e.set_party("B", "colour", "#336699"),
    "add representative": lambda e: e.add_representative("A", Representative(name="Ana")),
    "scale answer": lambda e: e.set_answer("A", "trust", 3),
    "single answer": lambda e: e.set_answer("B", "name", "account"),
    "multiple answer": lambda e: e.set_answer("A", "brings", ["data", "money"]),
    "split answer": lambda e: e.set_answer("B", "costs", 80),
    "ranking answer": lambda e: e.set_answer("A", "priorities", ["service", "joint", "price"]),
    "text answer": lambda e: e.set_answer("B", "success", "Growth"),
    "not sure": lambda e: e.set_not_sure("A", "trust", True),
    "importance": lambda e: e.set_importance("A", "costs", "high"),
    "comment": lambda e: e.set_comment("B", "costs", "We pay"),
    "answer mode": lambda e: e.set_answer_mode("blind"),
    "answering party": lambda e: e.set_answering_party("B"),
    "reveal": lambda e: e.reveal_section("basics"),
    "resolve adopt A": lambda e: e.resolve("trust", "adopt_a"),
    "resolve agreed": lambda e: e.resolve("costs", "agreed", value=60, wording="60/40"),
    "park": lambda e: e.park("name", "Legal, both sides", date(2027, 1, 31)),
    "reopen": lambda e: e.reopen("brings"),
    "item notes": lambda e: e.set_item_notes("trust", "Discussed at length"),
    "item wording": lambda e: e.set_item_field("costs", "wording", "Shared 60/40"),
    "item owner": lambda e: e.set_item_field("name", "owner", "Legal"),
    "item due": lambda e: e.set_item_field("name", "due", date(2027, 2, 1)),
    "definition": lambda e: e.set_definition("A partnership of equals."),
    "agreed kind": lambda e: e.set_agreed_kind(RelationshipKind.STRATEGIC_PARTNERSHIP),
    "add action item": lambda e: e.add_action_item(ActionItem(what="Draft the contract")),
    "add signatory": lambda e: e.add_signatory(Signatory(party="A", name="Ana Ruiz")),
    "record charter": lambda e: e.record_charter(CharterVersion(version=1, fingerprint="ab" * 32)),
    "change template": lambda e: e.change_template(_other_template()),
}


def _prepared(session: Session) -> SessionEditor:
    """An editor with some content already there, so row edits and template changes bite."""
    editor = SessionEditor(session)
    editor.add_representative("A", Representative(name="Jo"))
    editor.add_action_item(ActionItem(what="Call"))
    editor.add_signatory(Signatory(party="B", name="Sam"))
    editor.set_answer("A", "name", "supplier")
    editor.mark_saved()
    return editor


ROW_OPERATIONS: dict[str, Operation] = {
    "representative field": lambda e: e.set_representative("A", 0, "email", "jo@northwind.example"),
    "remove representative": lambda e: e.remove_representative("A", 0),
    "action item field": lambda e: e.set_action_item(0, "status", "done"),
    "remove action item": lambda e: e.remove_action_item(0),
    "signatory field": lambda e: e.set_signatory(0, "title", "Director"),
    "remove signatory": lambda e: e.remove_signatory(0),
}


@pytest.mark.parametrize("name", [*OPERATIONS, *ROW_OPERATIONS])
def test_every_operation_undoes_and_redoes(small_session: Session, name: str) -> None:
    operation = {**OPERATIONS, **ROW_OPERATIONS}[name]
    editor = _prepared(small_session)
    before = small_session.model_copy(deep=True)
    operation(editor)
    after = small_session.model_copy(deep=True)
    assert after != before, "the operation changed the session"
    assert editor.is_modified
    editor.undo()
    assert small_session == before
    assert not editor.is_modified
    editor.redo()
    assert small_session == after
    assert editor.is_modified
    Session.model_validate(small_session.model_dump())  # still a valid session


def test_typing_a_comment_is_one_undo_step(small_session: Session) -> None:
    editor = SessionEditor(small_session)
    for length in range(1, 6):
        editor.set_comment("A", "trust", "hello"[:length])
    editor.seal()
    editor.set_comment("A", "trust", "hello!")
    assert small_session.answer("A", "trust").comment == "hello!"
    editor.undo()
    assert small_session.answer("A", "trust").comment == "hello"
    editor.undo()
    assert small_session.answer("A", "trust").comment == ""
    assert not editor.can_undo


def test_typing_then_deleting_leaves_nothing_to_undo(small_session: Session) -> None:
    editor = SessionEditor(small_session)
    editor.set_definition("ab")
    editor.set_definition("")
    assert not editor.can_undo
    assert not editor.is_modified


def test_saving_ends_a_merge_and_marks_clean(small_session: Session) -> None:
    editor = SessionEditor(small_session)
    editor.set_definition("Draft")
    editor.mark_saved()
    editor.set_definition("Draft two")
    assert editor.is_modified
    editor.undo()
    assert small_session.agreement.definition == "Draft"
    assert not editor.is_modified


def test_a_new_edit_after_undo_drops_redo_and_the_unreachable_clean_state(
    small_session: Session,
) -> None:
    editor = SessionEditor(small_session)
    editor.set_workshop("title", "One")
    editor.mark_saved()
    editor.undo()
    editor.set_workshop("location", "Leeds")
    assert not editor.can_redo
    assert editor.is_modified
    editor.undo()
    assert editor.is_modified, "the saved state had title One, which no undo step reaches"


def test_an_edit_that_changes_nothing_is_not_recorded(small_session: Session) -> None:
    editor = SessionEditor(small_session)
    editor.set_importance("A", "trust", "normal")
    assert not editor.can_undo


def test_clearing_every_part_of_an_answer_removes_it(small_session: Session) -> None:
    editor = SessionEditor(small_session)
    editor.set_answer("A", "trust", 2)
    editor.set_answer("A", "trust", None)
    assert "trust" not in small_session.answers.A


def test_listeners_hear_each_edit_and_its_undo(small_session: Session) -> None:
    editor = SessionEditor(small_session)
    heard: list[Edit] = []
    editor.subscribe(heard.append)
    editor.set_answer("B", "costs", 30)
    editor.undo()
    assert [edit.action for edit in heard] == ["answer.value", "answer.value"]
    assert heard[0].touches("answers", "B")
    assert not heard[0].touches("answers", "A")


def _settled(session: Session) -> SessionEditor:
    """Both parties give the same answers; the free-text question is settled by adopting A's."""
    editor = SessionEditor(session)
    for side in ("A", "B"):
        editor.set_answer(side, "trust", 4)
        editor.set_answer(side, "name", "partner")
        editor.set_answer(side, "brings", ["data"])
        editor.set_answer(side, "costs", 50)
        editor.set_answer(side, "priorities", ["joint", "service", "price"])
        editor.set_answer(side, "success", f"Growth for {side}")
    editor.resolve("success", "adopt_a", value="Growth for A")
    editor.set_definition("Partners in growth.")
    editor.set_agreed_kind(RelationshipKind.STRATEGIC_PARTNERSHIP)
    editor.add_signatory(Signatory(party="A", name="Ada"))
    editor.add_signatory(Signatory(party="B", name="Bo"))
    return editor


def test_marking_agreed_needs_every_question_settled(small_session: Session) -> None:
    editor = SessionEditor(small_session)
    editor.set_answer("A", "trust", 1)
    editor.set_answer("B", "trust", 5)
    with pytest.raises(EditError, match="6 questions are still to be settled"):
        editor.set_status("agreed")
    assert small_session.agreement.status == "draft"

    editor = _settled(small_session)
    assert editor.set_status("agreed")
    assert small_session.agreement.status == "agreed"
    editor.undo()
    assert small_session.agreement.status == "draft"
    editor.redo()
    assert small_session.agreement.status == "agreed"


def test_reopening_an_agreed_session_makes_it_a_draft_again(small_session: Session) -> None:
    editor = _settled(small_session)
    editor.set_status("agreed")
    editor.reopen("trust")
    assert small_session.agreement.status == "draft"
    editor.undo()
    assert small_session.agreement.status == "agreed", "one undo step restores both"
    editor.park("trust", "Both legal teams", None)
    assert small_session.agreement.status == "agreed", "a parked item is settled"


def test_a_new_disagreement_makes_an_agreed_session_a_draft(small_session: Session) -> None:
    editor = _settled(small_session)
    editor.set_status("agreed")
    editor.set_answer("B", "costs", 90)
    assert small_session.agreement.status == "draft"
    editor.undo()
    assert small_session.agreement.status == "agreed"
    assert small_session.answer("B", "costs").value == 50


@pytest.mark.parametrize(
    ("operation", "message"),
    [
        (lambda e: e.set_answer("A", "trust", 0), "0 is outside the scale 1-5"),
        (lambda e: e.set_answer("A", "nope", 1), 'There is no question "nope"'),
        (lambda e: e.set_importance("A", "trust", "urgent"), "is not a valid importance"),
        (lambda e: e.set_party("A", "colour", "red"), "colour"),
        (lambda e: e.remove_representative("A", 3), "There is no representative in row 4"),
        (lambda e: e.resolve("costs", "agreed", value=150), "between 0 and 100"),
        (lambda e: e.reveal_section("ghost"), 'There is no section "ghost"'),
        (
            lambda e: e.set_representative("A", 0, "email", "nope"),
            "does not look like an e-mail address",
        ),
    ],
)
def test_bad_edits_are_refused_and_change_nothing(
    small_session: Session, operation: Operation, message: str
) -> None:
    editor = SessionEditor(small_session)
    editor.add_representative("A")
    before = small_session.model_copy(deep=True)
    with pytest.raises(EditError, match=message):
        operation(editor)
    assert small_session == before


def test_a_pack_refuses_edits_to_the_other_party(small_session: Session) -> None:
    small_session.pack_for = "A"
    editor = SessionEditor(small_session)
    editor.set_answer("A", "trust", 2)
    with pytest.raises(EditError, match="This answer pack is for Party A only"):
        editor.set_answer("B", "trust", 2)


def test_the_analysis_is_worked_out_again_only_after_edits_that_change_it(
    small_session: Session,
) -> None:
    editor = SessionEditor(small_session)
    first = editor.analysis()
    assert editor.analysis() is first
    editor.set_comment("A", "trust", "A remark")
    editor.set_workshop("title", "Kick-off")
    editor.set_item_notes("trust", "Notes")
    assert editor.analysis() is first, "comments, workshop details and notes change nothing"
    editor.set_answer("A", "trust", 2)
    second = editor.analysis()
    assert second is not first
    assert second.question("trust").answer_a is not None
    editor.undo()
    assert editor.analysis().question("trust").answer_a is None
    editor.set_party("B", "label", "Contoso")
    assert editor.analysis().names["B"] == "Contoso"
