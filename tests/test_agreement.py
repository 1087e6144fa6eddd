"""What the room still has to settle, whether the session is agreed, and the first draft of the
agreed definition."""

from __future__ import annotations

import pytest
from factories import agree_on_example, make_session, park_the_rest

from partnerworkshop.model.agreement import (
    agenda_by_theme,
    agreement_check,
    agreement_progress,
    draft_definition,
    halfway_share,
    proposed_kind,
)
from partnerworkshop.model.analysis import analyse
from partnerworkshop.model.catalog import example_session
from partnerworkshop.model.edits import EditError, SessionEditor
from partnerworkshop.model.kinds import RelationshipKind
from partnerworkshop.model.positions import position_of
from partnerworkshop.model.session import Session, Signatory
from partnerworkshop.model.template import Questionnaire


def test_close_answers_are_quick_items_to_settle_only_the_same_answers_are_carried_over() -> None:
    session = example_session()
    analysis = analyse(session)
    progress = agreement_progress(session, analysis)
    statuses = {r.question_id: r.status for r in analysis.questions}
    close = {question_id for question_id, status in statuses.items() if status == "close"}
    assert close and progress.quick == close
    assert close <= set(progress.to_settle)
    assert {statuses[q] for q in progress.carried_over} == {"agree"}
    for question_id in progress.carried_over:
        assert session.answer("A", question_id).value == session.answer("B", question_id).value
    agenda = [item.question_id for item in analysis.agenda]
    read_together = [result.question_id for result in analysis.read_together]
    assert set(progress.to_settle) == set(agenda) | close | set(read_together)
    assert list(progress.to_settle[-len(read_together) :]) == read_together
    assert progress.total + len(progress.carried_over) == session.template.question_count
    assert (progress.resolved, progress.parked, progress.unsettled) == (0, 0, progress.total)
    assert not progress.can_be_agreed


def test_the_agenda_puts_the_most_pressing_first_close_items_among_the_rest() -> None:
    session = example_session()
    analysis = analyse(session)
    progress = agreement_progress(session, analysis)
    results = {result.question_id: result for result in analysis.questions}
    priority = {item.question_id: item.priority for item in analysis.agenda}
    for question_id in progress.quick:
        gap = results[question_id].gap
        assert gap is not None
        priority[question_id] = gap * results[question_id].importance
    ordered = [q for q in progress.to_settle if q in priority]
    assert [priority[q] for q in ordered] == sorted(priority.values(), reverse=True)


def test_a_close_item_is_never_agreed_with_two_values() -> None:
    session = example_session()
    position = position_of(session, "governance.decision_say")  # Northwind 30, Contoso 50
    assert position.reached == "open" and position.value is None and not position.statement
    editor = SessionEditor(session)
    editor.settle_items([("governance.decision_say", "agreed", 40)])
    position = position_of(session, "governance.decision_say")
    assert (position.reached, position.value) == ("agreed", 40)
    assert position.statement == (
        "Contoso has 60% of the say over the key decisions about the joint work and Northwind 40%."
    )


def test_a_close_split_proposes_the_share_halfway_rounded_toward_the_even_split() -> None:
    session = example_session()
    editor = SessionEditor(session)
    split = "governance.decision_say"  # Northwind 30, Contoso 50
    assert halfway_share(session, split) == 40
    editor.set_answer("A", split, 35)
    editor.set_answer("B", split, 40)
    assert halfway_share(session, split) == 38, "37.5 is rounded toward 50/50"
    editor.set_answer("A", split, 65)
    editor.set_answer("B", split, 60)
    assert halfway_share(session, split) == 62, "the mirrored split rounds the mirrored way"
    editor.set_answer("A", split, 0)
    editor.set_answer("B", split, 1)
    assert halfway_share(session, split) == 1
    editor.set_answer("B", split, None)
    assert halfway_share(session, split) is None, "one party has not answered"
    assert halfway_share(session, "name.importance") is None, "not a split"


def test_several_close_items_are_settled_at_once_each_with_its_own_value() -> None:
    session = example_session()
    editor = SessionEditor(session)
    before = agreement_progress(session)
    ranking_b = session.answer("B", "contribution.want_from_them").value
    assert editor.settle_items(
        [
            ("name.importance", "adopt_a", 4),
            ("contribution.want_from_them", "adopt_b", ranking_b),
            ("governance.decision_say", "agreed", 50),
        ]
    )
    items = session.agreement.items
    assert (items["name.importance"].resolution, items["name.importance"].value) == ("adopt_a", 4)
    assert items["contribution.want_from_them"].value == ranking_b
    assert items["governance.decision_say"].value == 50
    assert agreement_progress(session).resolved == before.resolved + 3
    editor.undo()
    assert not {"name.importance", "governance.decision_say"} & set(items), "one undo step"


def test_settling_several_items_changes_nothing_when_one_decision_is_wrong() -> None:
    session = example_session()
    editor = SessionEditor(session)
    with pytest.raises(EditError, match="outside the scale"):
        editor.settle_items(
            [("name.importance", "adopt_a", 4), ("governance.management", "agreed", 9)]
        )
    with pytest.raises(EditError, match="cannot be settled"):
        editor.settle_items([("name.importance", "parked", 4)])
    assert not session.agreement.items


def test_an_agreed_position_without_content_is_not_settled(small_template: Questionnaire) -> None:
    session = make_session(small_template, {"trust": 2, "success": "Ours"}, {"trust": 5})
    editor = SessionEditor(session)
    editor.resolve("trust", "agreed")
    position = position_of(session, "trust")
    assert (position.reached, position.open_reason) == ("open", "no_value")
    assert "no answer chosen" in position.missing
    assert not agreement_progress(session).is_settled("trust")
    editor.resolve("trust", "agreed", value=3)
    assert position_of(session, "trust").is_agreed
    assert agreement_progress(session).is_settled("trust")

    editor.resolve("success", "agreed")
    assert position_of(session, "success").open_reason == "no_wording"
    editor.set_item_field("success", "wording", "   ")
    assert not position_of(session, "success").is_agreed, "blank wording is no wording"
    editor.set_item_field("success", "wording", "A fifth fewer stock-outs.")
    assert position_of(session, "success").is_agreed


def _unsigned_example() -> Session:
    """The example session without the signatories it names."""
    session = example_session()
    session.agreement.signatories = []
    return session


def _ready(session: Session) -> SessionEditor:
    """Everything "agreed" needs: nothing to settle, a definition, a kind, both signatories."""
    editor = SessionEditor(session)
    park_the_rest(editor)
    editor.set_definition("A joint replenishment service.")
    editor.set_agreed_kind(RelationshipKind.STRATEGIC_PARTNERSHIP)
    editor.add_signatory(Signatory(party="A", name="James Whitfield"))
    editor.add_signatory(Signatory(party="B", name="Helen Marsh"))
    return editor


def test_agreed_needs_nothing_to_settle_a_definition_a_kind_and_a_signatory_each() -> None:
    session = _unsigned_example()
    check = agreement_check(session)
    assert check.status == "draft" and not check.ready
    assert check.missing == (
        f"{agreement_progress(session).total} questions are still to be settled: resolve or "
        "park each of them.",
        "There is no agreed definition yet.",
        "The agreed kind of relationship is not chosen yet.",
        "Northwind has no named signatory yet.",
        "Contoso has no named signatory yet.",
    )
    editor = SessionEditor(session)
    with pytest.raises(EditError, match="There is no agreed definition yet"):
        editor.set_status("agreed")
    editor = _ready(session)
    check = agreement_check(session)
    assert (check.status, check.missing, check.ready) == ("draft", (), True)
    editor.set_status("agreed")
    assert agreement_check(session).status == "agreed"


def test_an_unnamed_signatory_does_not_count() -> None:
    session = _unsigned_example()
    editor = _ready(session)
    editor.remove_signatory(1)
    editor.add_signatory(Signatory(party="B", name=" "))
    assert agreement_check(session).missing == ("Contoso has no named signatory yet.",)


def test_a_session_marked_agreed_without_grounds_is_a_draft() -> None:
    session = example_session()
    session.agreement.status = "agreed"  # as a hand-edited file would hold it
    check = agreement_check(session)
    assert check.status == "draft" and check.marked and check.claimed_wrongly
    assert "There is no agreed definition yet." in check.missing


def test_losing_what_agreed_needs_makes_the_session_a_draft_again() -> None:
    session = example_session()
    editor = _ready(session)
    editor.set_status("agreed")
    editor.set_definition("")
    assert session.agreement.status == "draft"
    editor.undo()
    assert session.agreement.status == "agreed", "the same undo step"
    editor.reopen(agreement_progress(session).carried_over[0])
    assert session.agreement.status == "draft"


def test_the_agreed_kind_is_proposed_from_the_agreed_answer_to_the_kind_question() -> None:
    session = example_session()
    assert proposed_kind(session) is None, "the parties' answers differ"
    editor = SessionEditor(session)
    editor.resolve(
        "name.kind_in_mind", "adopt_b", value=session.answer("B", "name.kind_in_mind").value
    )
    proposal = proposed_kind(session)
    assert proposal is not None
    kind, question = proposal
    assert question.id == "name.kind_in_mind"
    assert kind == RelationshipKind.STRATEGIC_PARTNERSHIP
    editor.resolve("name.kind_in_mind", "agreed", value="key_account")
    assert proposed_kind(session) == (RelationshipKind.KEY_ACCOUNT, question)


def test_a_questionnaire_without_a_kind_question_proposes_nothing(
    small_template: Questionnaire,
) -> None:
    session = make_session(small_template, {"name": "partner"}, {"name": "partner"})
    assert proposed_kind(session) is None


def test_the_draft_definition_is_prose_from_the_statements_grouped_by_section() -> None:
    session = example_session()
    agree_on_example(session)
    draft = draft_definition(session)
    assert draft.startswith(
        "Northwind Logistics and Contoso Health agree that their relationship is "
        "a strategic partnership."
    )
    paragraphs = draft.strip().split("\n\n")
    titles = [section.title for section in session.template.sections]
    headed = [paragraph.split("\n", 1) for paragraph in paragraphs[1:]]
    assert [title for title, _ in headed] == [t for t in titles if t in draft]
    sharing = dict(headed)["Costs, risks and rewards"]
    assert sharing.startswith(
        "Contoso carries 60% of the costs of the joint work and Northwind 40%. "
        "Northwind carries 40% of the costs of the joint work, Contoso 60%. "
        "If the joint work goes wrong or costs more than planned, Northwind and Contoso bear "
        "the losses equally."
    )
    for question in session.template.questions():
        assert question.prompt not in draft, "statements, not question and answer"
    assert "Legal teams" not in draft, "a parked question has no agreed position yet"
    assert draft == draft_definition(session), "the same session gives the same draft"


def test_without_an_agreed_kind_the_draft_says_so() -> None:
    draft = draft_definition(example_session())
    assert "have not yet agreed which kind of relationship theirs is" in draft


def test_the_agenda_by_theme_orders_sections_by_their_most_pressing_question() -> None:
    session = example_session()
    progress = agreement_progress(session)
    groups = agenda_by_theme(session, progress)
    listed = [question_id for _, ids in groups for question_id in ids]
    assert sorted(listed) == sorted(progress.to_settle)
    rank = {question_id: place for place, question_id in enumerate(progress.to_settle)}
    firsts = [min(rank[q] for q in ids) for _, ids in groups]
    assert firsts == sorted(firsts)
    assert groups[0][0] is session.template.section_of(progress.to_settle[0])
    for section, ids in groups:
        assert list(ids) == [q.id for q in section.questions if q.id in rank]
