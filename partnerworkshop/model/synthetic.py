"""Synthetic sessions of any size, for measuring speed and testing exports on large inputs.

:func:`synthetic_session` builds a questionnaire of ``questions`` questions spread over
``sections`` sections, every kind of question in turn, and answers from both parties. Everything
is drawn from a random generator seeded with ``seed``, so the same arguments always give the same
session (apart from the session's own id and times).
"""

from __future__ import annotations

import random

from .base import SIDES, Side
from .kinds import KINDS, RelationshipKind
from .session import Answer, Importance, Parties, Party, PartyAnswers, Session, Workshop
from .template import (
    AnswerValue,
    MultipleChoiceQuestion,
    Option,
    Question,
    Questionnaire,
    RankingQuestion,
    ScalePoint,
    ScaleQuestion,
    Section,
    SingleChoiceQuestion,
    SplitQuestion,
    TextQuestion,
)

STRENGTHS = (0.25, 0.5, 0.75, 1.0)
IMPORTANCES: tuple[Importance, ...] = ("low", "normal", "high")
WORDS = ("shared", "costs", "joint", "service", "pilot", "risk", "brand", "data", "trust", "notice")


def synthetic_session(questions: int = 1000, sections: int = 50, seed: int = 0) -> Session:
    """A session with ``questions`` questions in ``sections`` sections, answered by both parties.

    About nine answers in ten are given, a few are marked "not sure", importance and comments
    vary, and Party B often gives Party A's answer, so every status occurs.
    """
    if not 1 <= sections <= questions:
        raise ValueError("need at least one section and at least one question per section")
    rng = random.Random(seed)
    template = _questionnaire(rng, questions, sections)
    answers: dict[Side, dict[str, Answer]] = {"A": {}, "B": {}}
    for question in template.questions():
        first = _value(rng, question)
        for side in SIDES:
            if rng.random() < 0.1:
                continue
            same = side == "B" and rng.random() < 0.35
            answers[side][question.id] = Answer(
                value=first if same else _value(rng, question),
                importance=rng.choice(IMPORTANCES),
                comment=_sentence(rng) if rng.random() < 0.2 else "",
                not_sure=question.allow_not_sure and rng.random() < 0.05,
            )
    return Session(
        template=template,
        workshop=Workshop(title=f"Synthetic workshop ({questions} questions)"),
        parties=Parties(
            A=Party(organisation="Northbridge Freight Ltd", label="Northbridge", colour="#1F5F8B"),
            B=Party(organisation="Riverside Care Trust", label="Riverside", colour="#B5651D"),
        ),
        answers=PartyAnswers(A=answers["A"], B=answers["B"]),
    )


def _questionnaire(rng: random.Random, questions: int, sections: int) -> Questionnaire:
    makers = (_scale, _single, _multiple, _split, _ranking, _text)
    built: list[list[Question]] = [[] for _ in range(sections)]
    for number in range(questions):
        question = makers[number % len(makers)](rng, f"q{number:05d}")
        built[number * sections // questions].append(question)
    return Questionnaire(
        id="synthetic",
        version="1",
        title=f"Synthetic questionnaire ({questions} questions)",
        sections=[
            Section(id=f"s{index:03d}", title=f"Section {index + 1}", questions=section_questions)
            for index, section_questions in enumerate(built)
        ],
    )


def _signals(rng: random.Random) -> dict[RelationshipKind, float]:
    return {kind: rng.choice(STRENGTHS) for kind in rng.sample(KINDS, rng.randint(1, 3))}


def _sentence(rng: random.Random, words: int = 8) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def _options(rng: random.Random, count: int) -> list[Option]:
    return [
        Option(id=f"o{index}", label=_sentence(rng, 4), signals=_signals(rng))
        for index in range(count)
    ]


def _prompt(rng: random.Random) -> str:
    return _sentence(rng, 12)[:-1] + "?"


def _scale(rng: random.Random, question_id: str) -> Question:
    lowest, highest = rng.choice(((1, 5), (1, 5), (1, 7), (0, 10)))
    return ScaleQuestion(
        id=question_id,
        prompt=_prompt(rng),
        help=_sentence(rng),
        points=[
            ScalePoint(value=value, label=f"Point {value}", signals=_signals(rng))
            for value in range(lowest, highest + 1)
        ],
    )


def _single(rng: random.Random, question_id: str) -> Question:
    return SingleChoiceQuestion(
        id=question_id,
        prompt=_prompt(rng),
        help=_sentence(rng),
        options=_options(rng, rng.randint(3, 7)),
        ordered=rng.random() < 0.3,
    )


def _multiple(rng: random.Random, question_id: str) -> Question:
    count = rng.randint(4, 9)
    return MultipleChoiceQuestion(
        id=question_id,
        prompt=_prompt(rng),
        help=_sentence(rng),
        options=_options(rng, count),
        max_choices=rng.randint(2, count),
    )


def _split(rng: random.Random, question_id: str) -> Question:
    return SplitQuestion(
        id=question_id,
        prompt=_prompt(rng),
        help=_sentence(rng),
        topic=rng.choice(("the costs", "the risks", "the rewards", "the work")),
        signals_even=_signals(rng),
        signals_one_sided=_signals(rng),
    )


def _ranking(rng: random.Random, question_id: str) -> Question:
    return RankingQuestion(
        id=question_id,
        prompt=_prompt(rng),
        help=_sentence(rng),
        options=_options(rng, rng.randint(3, 8)),
    )


def _text(rng: random.Random, question_id: str) -> Question:
    return TextQuestion(
        id=question_id,
        prompt=_prompt(rng),
        help=_sentence(rng),
        allow_not_sure=False,
        required=False,
    )


def _value(rng: random.Random, question: Question) -> AnswerValue:
    if isinstance(question, ScaleQuestion):
        return rng.randint(question.minimum, question.maximum)
    if isinstance(question, SplitQuestion):
        return rng.choice((0, 10, 25, 40, 50, 50, 60, 75, 90, 100, rng.randint(0, 100)))
    if isinstance(question, SingleChoiceQuestion):
        return rng.choice(question.option_ids())
    if isinstance(question, MultipleChoiceQuestion):
        chosen = set(rng.sample(question.option_ids(), rng.randint(0, question.max_choices or 1)))
        return [option_id for option_id in question.option_ids() if option_id in chosen]
    if isinstance(question, RankingQuestion):
        return rng.sample(question.option_ids(), len(question.options))
    return " ".join(_sentence(rng, rng.randint(5, 20)) for _ in range(rng.randint(1, 4)))
