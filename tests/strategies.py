"""Hypothesis strategies for valid sessions: any answers a real user could give."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from partnerworkshop.model.base import FIRST_DAY, LAST_DAY
from partnerworkshop.model.session import Answer, Party, Representative, Session, Workshop
from partnerworkshop.model.template import (
    AnswerValue,
    MultipleChoiceQuestion,
    Question,
    Questionnaire,
    RankingQuestion,
    ScaleQuestion,
    SingleChoiceQuestion,
    SplitQuestion,
    TextQuestion,
)

# Any text a person could type or paste, markup and right-to-left included (no lone surrogates).
any_text = st.text(st.characters(codec="utf-8"), max_size=40)
short_text = st.text(st.characters(codec="utf-8"), max_size=20)
colours = st.from_regex(r"#[0-9A-F]{6}", fullmatch=True)


def values_for(question: Question) -> st.SearchStrategy[AnswerValue]:
    if isinstance(question, ScaleQuestion):
        return st.integers(question.minimum, question.maximum)
    if isinstance(question, SplitQuestion):
        return st.integers(0, 100)
    if isinstance(question, SingleChoiceQuestion):
        return st.sampled_from(question.option_ids())
    if isinstance(question, MultipleChoiceQuestion):
        limit = question.max_choices or len(question.options)
        return st.lists(st.sampled_from(question.option_ids()), unique=True, max_size=limit).map(
            lambda chosen: [o for o in question.option_ids() if o in chosen]
        )
    if isinstance(question, RankingQuestion):
        return st.permutations(question.option_ids())
    assert isinstance(question, TextQuestion)
    return any_text


def answers_for(question: Question) -> st.SearchStrategy[Answer]:
    return st.builds(
        Answer,
        value=st.none() | values_for(question),
        importance=st.sampled_from(["low", "normal", "high"]),
        comment=any_text,
        not_sure=st.booleans() if question.allow_not_sure else st.just(False),
    )


@st.composite
def party_answers(draw: st.DrawFn, template: Questionnaire) -> dict[str, Answer]:
    answers: dict[str, Answer] = {}
    for question in template.questions():
        if draw(st.booleans()):
            answers[question.id] = draw(answers_for(question))
    return answers


parties = st.builds(
    Party,
    organisation=short_text,
    label=st.text(max_size=10),
    colour=colours,
    representatives=st.lists(
        st.builds(
            Representative,
            id=st.from_regex(r"[0-9a-f]{12}", fullmatch=True),
            name=short_text,
            role=short_text,
            email=st.sampled_from(["", "a@b.example"]),
        ),
        max_size=3,
        unique_by=lambda representative: representative.id,
    ),
    answering=st.sampled_from(["as_one", "individually"]),
    anonymous=st.booleans(),
)


@st.composite
def individual_answers(draw: st.DrawFn, template: Questionnaire, party: Party) -> dict[str, Any]:
    """Answers of some of the party's representatives, and some questions settled."""
    return {
        "by_representative": {
            representative.id: draw(party_answers(template))
            for representative in party.representatives
            if draw(st.booleans())
        },
        "settled": draw(
            st.lists(st.sampled_from([q.id for q in template.questions()]), unique=True)
        ),
    }


@st.composite
def sessions(draw: st.DrawFn, template: Questionnaire) -> Session:
    data: dict[str, Any] = {
        "template": template,
        "workshop": draw(
            st.builds(
                Workshop,
                title=short_text,
                location=short_text,
                facilitator=short_text,
                date=st.none() | st.dates(FIRST_DAY, LAST_DAY),
            )
        ),
        "parties": {"A": draw(parties), "B": draw(parties)},
        "answers": {"A": draw(party_answers(template)), "B": draw(party_answers(template))},
    }
    data["individual"] = {
        side: draw(individual_answers(template, data["parties"][side])) for side in ("A", "B")
    }
    return Session.model_validate(data)
