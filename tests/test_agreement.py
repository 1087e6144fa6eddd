"""What the room still has to settle, and the first draft of the agreed definition."""

from __future__ import annotations

from partnerworkshop.model.agreement import agreement_progress, draft_definition
from partnerworkshop.model.analysis import analyse
from partnerworkshop.model.catalog import example_session
from partnerworkshop.model.edits import SessionEditor
from partnerworkshop.model.kinds import RelationshipKind
from partnerworkshop.model.session import Session


def test_the_agenda_and_the_free_text_need_settling_the_rest_is_carried_over() -> None:
    session = example_session()
    analysis = analyse(session)
    progress = agreement_progress(session, analysis)
    agenda = [item.question_id for item in analysis.agenda]
    read_together = [result.question_id for result in analysis.read_together]
    assert list(progress.to_settle) == agenda + read_together
    statuses = {r.question_id: r.status for r in analysis.questions}
    assert progress.carried_over
    assert {statuses[q] for q in progress.carried_over} <= {"agree", "close"}
    assert progress.total + len(progress.carried_over) == session.template.question_count
    assert (progress.resolved, progress.parked, progress.unsettled) == (0, 0, progress.total)
    assert not progress.can_be_agreed


def test_resolving_and_parking_count_and_reopening_adds_an_item() -> None:
    session = example_session()
    editor = SessionEditor(session)
    first, second, third = agreement_progress(session).to_settle[:3]
    editor.resolve(first, "adopt_a", value=session.answer("A", first).value)
    editor.resolve(second, "adopt_b", value=session.answer("B", second).value)
    editor.park(third, "Priya Raman", None)
    progress = agreement_progress(session)
    assert (progress.resolved, progress.parked) == (2, 1)
    carried = progress.carried_over[0]
    editor.reopen(carried)
    after = agreement_progress(session)
    assert carried in after.to_settle and carried not in after.carried_over
    assert after.unsettled == progress.unsettled + 1


def test_everything_settled_can_be_agreed() -> None:
    session = example_session()
    editor = SessionEditor(session)
    for question_id in agreement_progress(session).to_settle:
        editor.park(question_id, "Both", None)
    assert agreement_progress(session).can_be_agreed
    editor.set_status("agreed")
    assert session.agreement.status == "agreed"


def _agreed_example() -> Session:
    session = example_session()
    editor = SessionEditor(session)
    editor.set_agreed_kind(RelationshipKind.STRATEGIC_PARTNERSHIP)
    editor.resolve("sharing.costs", "agreed", value=60, wording="")
    editor.resolve(
        "governance.who_decides",
        "adopt_b",
        value=session.answer("B", "governance.who_decides").value,
    )
    editor.resolve(
        "success.one_sentence", "agreed", wording="Fewer stock-outs on the wards within a year"
    )
    editor.park("change.ending", "Legal teams", None)
    return session


def test_the_draft_definition_names_the_kind_and_the_agreed_positions() -> None:
    session = _agreed_example()
    draft = draft_definition(session)
    assert draft.startswith(
        "Northwind Logistics and Contoso Health agree that their relationship is "
        "a strategic partnership."
    )
    assert "Northwind carries 60% of the costs and Contoso 40%." in draft
    decides = session.template.question("governance.who_decides")
    option = decides.describe_value(session.answer("B", "governance.who_decides").value)  # type: ignore[arg-type]
    assert f"{decides.prompt} {option[0].upper() + option[1:]}" in draft
    assert "Fewer stock-outs on the wards within a year." in draft
    ending = session.template.question("change.ending")
    assert ending.prompt not in draft, "a parked question has no agreed position yet"
    assert draft == draft_definition(session), "the same session gives the same draft"


def test_without_an_agreed_kind_the_draft_says_so() -> None:
    draft = draft_definition(example_session())
    assert "have not yet agreed which kind of relationship theirs is" in draft
