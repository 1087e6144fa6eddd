"""What holds for the analysis of any session: ranges, identical answers, swapping the parties."""

from __future__ import annotations

import dataclasses

import pytest
from factories import make_small_template
from hypothesis import event, given, settings
from hypothesis import strategies as st
from strategies import sessions, values_for

from partnerworkshop.model.analysis import Analysis, analyse
from partnerworkshop.model.base import SIDES
from partnerworkshop.model.catalog import builtin_template
from partnerworkshop.model.consolidation import propose
from partnerworkshop.model.edits import SessionEditor
from partnerworkshop.model.session import Answer, Parties, PartyAnswers, Session
from partnerworkshop.model.template import Questionnaire

SMALL = make_small_template()
DEFAULT = builtin_template()


@st.composite
def answered_sessions(draw: st.DrawFn, template: Questionnaire) -> Session:
    """Sessions where both parties answered (nearly) everything, so readings are made."""
    session = draw(sessions(template))
    answers = {
        side: {
            question.id: draw(
                st.builds(
                    Answer,
                    value=values_for(question),
                    importance=st.sampled_from(["low", "normal", "high"]),
                    # Rarely unsure, so that most parties have a reading.
                    not_sure=st.sampled_from([False] * 9 + [question.allow_not_sure]),
                )
            )
            for question in template.questions()
        }
        for side in SIDES
    }
    return session.model_copy(update={"answers": PartyAnswers(A=answers["A"], B=answers["B"])})


def swapped(session: Session) -> Session:
    """The same session with the parties' places exchanged: A's party and answers become B's.

    Split values are left as they are: a gap does not depend on which way a split is read.
    """
    return session.model_copy(
        update={
            "parties": Parties(A=session.parties.B, B=session.parties.A),
            "answers": PartyAnswers(A=session.answers.B, B=session.answers.A),
        }
    )


def identical(session: Session) -> Session:
    """Party B gives exactly Party A's answers."""
    return session.model_copy(
        update={"answers": PartyAnswers(A=session.answers.A, B=session.answers.A)}
    )


def check_invariants(session: Session, analysis: Analysis) -> None:
    made = sum(1 for reading in analysis.readings.values() if reading.enough_answers)
    event(f"readings made: {made}")
    for result in analysis.questions:
        if result.gap is not None:
            assert 0.0 <= result.gap <= 1.0
        assert (result.gap is None) == (result.status == "open")
        assert result.read_together == (result.kind == "text")
        assert 1.0 <= result.importance <= 3.0
    for section in analysis.sections:
        assert section.gap is None or 0.0 <= section.gap <= 1.0
    assert analysis.scored == sum(1 for result in analysis.questions if result.gap is not None)
    if analysis.scored:
        assert analysis.alignment is not None and 0.0 <= analysis.alignment <= 100.0
    else:
        assert analysis.alignment is None
    # The agenda: every question apart or open except free text, most pressing first, ties in
    # questionnaire order.
    order = {result.question_id: index for index, result in enumerate(analysis.questions)}
    expected = {
        result.question_id
        for result in analysis.questions
        if result.status in ("apart", "open") and not result.read_together
    }
    assert {item.question_id for item in analysis.agenda} == expected
    keys = [(-item.priority, order[item.question_id]) for item in analysis.agenda]
    assert keys == sorted(keys)
    assert all("\n" not in item.reason for item in analysis.agenda)
    for reading in analysis.readings.values():
        if reading.shares is None:
            assert reading.leading is None and reading.answers_used < reading.answers_needed
            continue
        assert sum(reading.shares.values()) == pytest.approx(1.0)
        assert all(0.0 <= share <= 1.0 for share in reading.shares.values())
        assert reading.leading is not None
        assert reading.shares[reading.leading] == max(reading.shares.values())
        assert 1 <= len(reading.top) <= 5
    assert analysis.headline.text


def check_swap(analysis: Analysis, swapped_analysis: Analysis) -> None:
    assert [(r.question_id, r.gap, r.status, r.importance) for r in analysis.questions] == [
        (r.question_id, r.gap, r.status, r.importance) for r in swapped_analysis.questions
    ]
    assert analysis.sections == swapped_analysis.sections
    assert analysis.alignment == swapped_analysis.alignment
    assert analysis.agreement == swapped_analysis.agreement
    assert [(item.question_id, item.priority) for item in analysis.agenda] == [
        (item.question_id, item.priority) for item in swapped_analysis.agenda
    ]
    for side, other in (("A", "B"), ("B", "A")):
        assert swapped_analysis.readings[side] == dataclasses.replace(
            analysis.readings[other],  # type: ignore[index]
            side=side,
        )


@given(sessions(SMALL))
@settings(max_examples=150)
def test_any_session_of_the_small_questionnaire(session: Session) -> None:
    analysis = analyse(session)
    check_invariants(session, analysis)
    assert analyse(session) == analysis, "the same session gives the same analysis"
    check_swap(analysis, analyse(swapped(session)))


@given(sessions(DEFAULT))
@settings(max_examples=30)
def test_any_session_of_the_default_questionnaire(session: Session) -> None:
    analysis = analyse(session)
    check_invariants(session, analysis)
    assert analyse(session.model_copy(deep=True)) == analysis
    check_swap(analysis, analyse(swapped(session)))


@given(sessions(SMALL))
@settings(max_examples=100)
def test_identical_answers_give_gap_zero_and_alignment_100(session: Session) -> None:
    analysis = analyse(identical(session))
    assert all(result.gap in (None, 0.0) for result in analysis.questions)
    assert all(result.status in ("agree", "open") for result in analysis.questions)
    assert analysis.alignment == (100.0 if analysis.scored else None)
    assert analysis.readings["A"] == dataclasses.replace(analysis.readings["B"], side="A")


@given(answered_sessions(SMALL))
@settings(max_examples=100)
def test_any_answered_session_of_the_small_questionnaire(session: Session) -> None:
    analysis = analyse(session)
    check_invariants(session, analysis)
    check_swap(analysis, analyse(swapped(session)))


@given(answered_sessions(DEFAULT))
@settings(max_examples=20)
def test_any_answered_session_of_the_default_questionnaire(session: Session) -> None:
    analysis = analyse(session)
    check_invariants(session, analysis)
    check_swap(analysis, analyse(swapped(session)))


@given(sessions(SMALL))
@settings(max_examples=100)
def test_inside_each_party_of_any_session(session: Session) -> None:
    analysis = analyse(session)
    for side in SIDES:
        party = session.party(side)
        inside = analysis.inside[side]
        if not party.answers_individually:
            assert inside is None
            assert all(result.spread[side] is None for result in analysis.questions)
            continue
        assert inside is not None
        assert len(inside.representatives) == len(party.representatives)
        for result in analysis.questions:
            spread = result.spread[side]
            assert spread is None or 0.0 <= spread <= 1.0
            assert spread == inside.spread[result.question_id]
        assert set(inside.settle_first) <= set(inside.differ)
        for question in session.template.questions():
            given_answers = [
                session.representative_answer(side, person.id, question.id)
                for person in party.representatives
            ]
            proposal = propose(question, given_answers)
            if proposal.value is not None:
                assert question.check_value(proposal.value) == proposal.value
            # The party can always settle on the proposal.
            SessionEditor(session.model_copy(deep=True)).settle(side, question.id, proposal)
