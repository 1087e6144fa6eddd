"""Each question's agreed position, and how it was reached."""

from __future__ import annotations

from datetime import date

from partnerworkshop.model.edits import SessionEditor
from partnerworkshop.model.positions import AgreedPosition, agreed_positions
from partnerworkshop.model.session import Session


def _positions(session: Session) -> dict[str, AgreedPosition]:
    return {position.question.id: position for position in agreed_positions(session)}


def test_how_each_position_was_reached(small_session: Session) -> None:
    editor = SessionEditor(small_session)
    editor.set_answer("A", "trust", 4)
    editor.set_answer("B", "trust", 2)
    editor.resolve("trust", "adopt_a")
    editor.set_answer("A", "name", "supplier")
    editor.set_answer("B", "name", "partner")
    editor.resolve("name", "adopt_b", wording="Partners, in every document.")
    editor.resolve("costs", "agreed", value=60, wording="Northwind carries 60%.")
    editor.set_answer("A", "priorities", ["joint", "service", "price"])
    editor.set_answer("B", "priorities", ["joint", "service", "price"])
    editor.park("success", "Legal", date(2027, 1, 31))
    editor.set_answer("A", "brings", ["money"])

    positions = _positions(small_session)
    assert [p.question.id for p in agreed_positions(small_session)] == [
        "trust",
        "name",
        "brings",
        "costs",
        "priorities",
        "success",
    ]
    assert (positions["trust"].reached, positions["trust"].value) == ("adopt_a", 4)
    assert positions["name"].reached == "adopt_b"
    assert (positions["name"].value, positions["name"].wording) == (
        "partner",
        "Partners, in every document.",
    )
    assert (positions["costs"].reached, positions["costs"].value) == ("agreed", 60)
    assert positions["priorities"].reached == "carried_over"
    assert positions["priorities"].value == ["joint", "service", "price"]
    assert positions["success"].reached == "parked"
    assert (positions["success"].owner, positions["success"].due) == ("Legal", date(2027, 1, 31))
    assert positions["brings"].reached == "open"
    assert positions["brings"].open_reason == "unanswered_b"
    assert all(p.is_agreed for k, p in positions.items() if k in {"trust", "name", "costs"})
    assert not positions["success"].is_agreed
    assert all(bool(p.statement) == p.is_agreed for p in positions.values())


def test_why_a_question_is_open(small_session: Session) -> None:
    editor = SessionEditor(small_session)
    editor.set_answer("A", "trust", 3)
    editor.set_answer("B", "trust", 3)
    editor.set_answer("A", "name", "supplier")
    editor.set_answer("B", "name", "partner")
    editor.set_answer("B", "brings", ["data"])
    editor.set_answer("A", "costs", 50)
    editor.set_answer("B", "costs", 50)
    editor.set_not_sure("B", "costs", True)
    positions = _positions(small_session)
    assert positions["trust"].reached == "carried_over"
    assert positions["name"].open_reason == "differ"
    assert positions["brings"].open_reason == "unanswered_a"
    assert positions["costs"].open_reason == "unanswered_b", "an unsure answer is no answer"
    assert positions["success"].open_reason == "unanswered"

    editor.reopen("trust")
    assert _positions(small_session)["trust"].open_reason == "reopened"


def test_an_adopted_answer_that_was_never_given_is_no_agreed_position(
    small_session: Session,
) -> None:
    SessionEditor(small_session).resolve("trust", "adopt_b")
    position = _positions(small_session)["trust"]
    assert (position.reached, position.open_reason, position.statement) == (
        "open",
        "adopted_unanswered",
        "",
    )
    assert position.missing


def test_close_answers_are_not_carried_over(small_session: Session) -> None:
    editor = SessionEditor(small_session)
    for question_id, a, b in (
        ("trust", 3, 4),
        ("costs", 50, 60),
        ("priorities", ["joint", "service", "price"], ["joint", "price", "service"]),
    ):
        editor.set_answer("A", question_id, a)
        editor.set_answer("B", question_id, b)
    editor.set_importance("A", "trust", "high")
    for position in _positions(small_session).values():
        assert not position.is_agreed, position.question.id
        assert position.value is None
    editor.set_answer("B", "trust", 3)
    editor.set_importance("B", "trust", "low")
    trust = _positions(small_session)["trust"]
    assert (trust.reached, trust.value) == ("carried_over", 3), "importance is not agreed"


def test_identical_free_text_is_read_together_not_carried_over(small_session: Session) -> None:
    editor = SessionEditor(small_session)
    editor.set_answer("A", "success", "Growth")
    editor.set_answer("B", "success", "Growth")
    assert _positions(small_session)["success"].reached == "open"
