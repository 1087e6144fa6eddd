"""Where the two parties diverge, how much it matters, and what kind of relationship each means.

One entry point, :func:`analyse`, turns a session into an :class:`Analysis`: plain frozen
dataclasses that the Compare page, the charter and the command line all read.

``Analysis``
    ``questions``: one :class:`QuestionResult` per question, in questionnaire order;
    ``sections``: one :class:`SectionResult` per section; ``alignment`` and ``scored``;
    ``agreement``: the secondary figures (:class:`AgreementFigures`); ``agenda``: the
    :class:`AgendaItem` s to discuss, most pressing first; ``read_together``: the free-text
    questions, whose answers people compare by reading them; ``readings``: a
    :class:`~partnerworkshop.model.reading.Reading` per side; ``names``: each party's display
    name; ``headline``: the :class:`~partnerworkshop.model.reading.Headline`, its sentence and
    its parts. ``question(id)`` finds one result, ``status_counts()`` counts the statuses.

The figures
    *Gap* (per question, 0-1): 0 for the same answer, 1 for answers as far apart as the question
    allows. Scale: difference over the scale's range. Single choice: for options in a meaningful
    order, the difference of their positions over the number of steps; otherwise 0 or 1.
    Multiple choice: Jaccard distance, 1 - shared choices / all choices made (0 when both chose
    nothing). Split: difference of the two shares over 100. Ranking: normalised Kendall tau
    distance, the share of pairs of items the two rankings put in opposite order. Free text has
    no gap: it is marked *read together*.

    *Status* (per question): *agree*, *close*, *apart* (see :data:`AGREE_BELOW` and
    :data:`CLOSE_UP_TO`) or *open*: no gap can be given because one or both parties have not
    answered or are not sure, or because the question asks for free text. A question is open
    exactly when its gap is None.

    *Importance* (per question): the mean of the two parties' importance weights
    (``IMPORTANCE_WEIGHTS``: low 1, normal 2, high 3); a party without an answer counts as
    normal.

    *Section gap*: the importance-weighted mean gap of the section's questions that have a gap;
    None when none has. *Alignment* (0-100): 100 x (1 - importance-weighted mean gap) over all
    questions with a gap; ``scored`` says how many that is.

    *Exact agreement*: the share (in percent) of the questions with a gap where the gap is 0.
    *Kappa*: quadratic-weighted Cohen's kappa over the scale questions that share the most
    common scale, each question an item rated by the two parties: agreement beyond what two
    people answering at random with the same habits would reach (1 perfect, 0 chance level).

    *Agenda*: the questions that are apart or open (free text aside: it is read together),
    ordered by priority = gap x importance; an open question counts as a gap of
    :data:`OPEN_ASSUMED_GAP`. Ties keep the questionnaire order.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Literal

from .base import SIDES, Side
from .gaps import question_gap
from .inside import InsideParty, inside_party
from .kappa import quadratic_weighted_kappa
from .reading import Headline, Reading, answers_needed, headline, read_both
from .session import IMPORTANCE_WEIGHTS, Answer, Session
from .template import (
    Question,
    QuestionKind,
    ScaleQuestion,
    SplitQuestion,
)

Status = Literal["agree", "close", "apart", "open"]
STATUSES: tuple[Status, ...] = ("agree", "close", "apart", "open")

AGREE_BELOW = 0.001
"""A gap below this is *agree*: the same answer (the margin only absorbs rounding)."""

CLOSE_UP_TO = 0.25
"""A gap up to this is *close*; above it, *apart*.

A quarter of the range is one step on a 1-5 scale, a split that differs by 25 points or less,
three of four choices shared, or a quarter of a ranking's pairs swapped: differences people can
usually settle in a sentence. Two steps on a 1-5 scale (0.5), or two different options of an
unordered choice (1), need a conversation."""

OPEN_ASSUMED_GAP = 0.5
"""The gap an open question is given on the agenda: the middle of the range.

Nothing is known yet about how far apart the parties are, so an open question comes before a
narrow gap of the same importance and after a wide one, and an important open question before an
unimportant wide gap."""

KAPPA_MIN_QUESTIONS = 10
"""Below ten questions kappa is shown with a warning that it means little.

On few items a single answer moves kappa a long way: on five questions answered 1 to 5 by both,
moving one answer by two points takes kappa from 1 to 0.75. Ten is a judgement: the full
questionnaire (eleven 1-5 scales) clears it once nearly all is answered; the short one (three
scales) never does, and there kappa is only ever shown with the warning."""

ANSWER_LIMIT = 60
"""How many characters of an answer an agenda reason quotes."""

NAME_LIMIT = 40
"""How many characters of a party's name an agenda reason quotes."""

EMPTY_ANSWER = Answer()


# --- gaps --------------------------------------------------------------------------------------


def status_of(gap: float | None) -> Status:
    if gap is None:
        return "open"
    if gap < AGREE_BELOW:
        return "agree"
    if gap <= CLOSE_UP_TO:
        return "close"
    return "apart"


def importance_weight(answer_a: Answer, answer_b: Answer) -> float:
    """How much a question matters to the two parties together: the mean of their weights."""
    return (IMPORTANCE_WEIGHTS[answer_a.importance] + IMPORTANCE_WEIGHTS[answer_b.importance]) / 2


def weighted_mean_gap(results: list[QuestionResult]) -> float | None:
    """The importance-weighted mean gap of the results that have a gap; None if none has."""
    total = weights = 0.0
    for result in results:
        if result.gap is not None:
            total += result.gap * result.importance
            weights += result.importance
    return total / weights if weights else None


# --- results -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class QuestionResult:
    """One question compared.

    ``answer_a`` / ``answer_b``: each party's answer in words (``describe_value``), None when it
    gave no value; ``unsure``: the sides that marked "not sure". ``read_together`` marks free-text
    questions, which have no gap and are read side by side instead.
    """

    question_id: str
    section_id: str
    prompt: str
    kind: QuestionKind
    gap: float | None
    status: Status
    read_together: bool
    importance: float
    answer_a: str | None
    answer_b: str | None
    unsure: tuple[Side, ...]
    spread: dict[Side, float | None]
    """For a party whose representatives answer individually, the largest gap between two of
    them (see :mod:`partnerworkshop.model.consolidation`); None otherwise."""

    def answer(self, side: Side) -> str | None:
        return self.answer_a if side == "A" else self.answer_b


@dataclass(frozen=True)
class SectionResult:
    """One section: its importance-weighted mean gap over the ``scored`` questions with a gap."""

    section_id: str
    title: str
    gap: float | None
    scored: int


@dataclass(frozen=True)
class AgreementFigures:
    """Secondary figures, each with the number of questions it rests on.

    ``exact_percent``: percent of the ``exact_n`` questions with a gap where the parties gave
    the same answer. ``kappa``: quadratic-weighted Cohen's kappa over the ``kappa_n`` scale
    questions both answered on the most common scale, ``kappa_scale`` (lowest, highest point);
    None when there are none or every answer is the same (kappa is then undefined).
    ``kappa_too_few``: fewer than :data:`KAPPA_MIN_QUESTIONS`, so it means little.
    """

    exact_percent: float | None
    exact_n: int
    kappa: float | None
    kappa_n: int
    kappa_scale: tuple[int, int] | None
    kappa_too_few: bool


@dataclass(frozen=True)
class AgendaItem:
    """A question to discuss: ``priority`` = gap (or the assumed gap, when open) x importance.

    ``reason`` is one line a facilitator can read aloud.
    """

    question_id: str
    priority: float
    reason: str
    status: Status
    gap: float | None


@dataclass(frozen=True)
class Analysis:
    """Everything the comparison shows; see the module text for what each figure means."""

    questions: tuple[QuestionResult, ...]
    sections: tuple[SectionResult, ...]
    alignment: float | None
    scored: int
    agreement: AgreementFigures
    agenda: tuple[AgendaItem, ...]
    read_together: tuple[QuestionResult, ...]
    readings: dict[Side, Reading]
    names: dict[Side, str]
    headline: Headline
    inside: dict[Side, InsideParty | None]
    """How far apart each party's own representatives are; None for a party answering as one."""

    def question(self, question_id: str) -> QuestionResult:
        """The result for this question; raises KeyError if there is none."""
        for result in self.questions:
            if result.question_id == question_id:
                return result
        raise KeyError(question_id)

    def status_counts(self) -> dict[Status, int]:
        """How many questions have each status, in the order agree, close, apart, open."""
        counts = Counter(result.status for result in self.questions)
        return {status: counts[status] for status in STATUSES}


def analyse(session: Session) -> Analysis:
    """Compare the two parties' answers in the session (see the module text)."""
    names: dict[Side, str] = {side: session.party(side).display_name(side) for side in SIDES}
    answers_a, answers_b = session.answers_of("A"), session.answers_of("B")
    questions: list[QuestionResult] = []
    sections: list[SectionResult] = []
    # (-priority, place in the questionnaire, item): sorting puts the most pressing first.
    agenda: list[tuple[float, int, AgendaItem]] = []
    kappa_groups: dict[tuple[int, int], list[tuple[int, int]]] = {}
    needed = answers_needed(session.template)
    inside = {side: inside_party(session, side, needed) for side in SIDES}
    for section in session.template.sections:
        in_section: list[QuestionResult] = []
        for question in section.questions:
            answer_a = answers_a.get(question.id, EMPTY_ANSWER)
            answer_b = answers_b.get(question.id, EMPTY_ANSWER)
            spread = {
                side: None if party is None else party.spread[question.id]
                for side, party in inside.items()
            }
            result = _compare(question, section.id, answer_a, answer_b, spread)
            if result.status in ("apart", "open") and not result.read_together:
                item = _agenda_item(question, result, answer_a, answer_b, names)
                agenda.append((-item.priority, len(questions) + len(in_section), item))
            if isinstance(question, ScaleQuestion) and result.gap is not None:
                assert isinstance(answer_a.value, int) and isinstance(answer_b.value, int)
                scale = (question.minimum, question.maximum)
                kappa_groups.setdefault(scale, []).append((answer_a.value, answer_b.value))
            in_section.append(result)
        scored_here = sum(1 for result in in_section if result.gap is not None)
        sections.append(
            SectionResult(section.id, section.title, weighted_mean_gap(in_section), scored_here)
        )
        questions.extend(in_section)
    mean_gap = weighted_mean_gap(questions)
    readings = read_both(session, needed)
    return Analysis(
        questions=tuple(questions),
        sections=tuple(sections),
        alignment=None if mean_gap is None else 100 * (1 - mean_gap),
        scored=sum(1 for result in questions if result.gap is not None),
        agreement=_agreement_figures(questions, kappa_groups),
        agenda=tuple(item for _, _, item in sorted(agenda, key=lambda entry: entry[:2])),
        read_together=tuple(result for result in questions if result.read_together),
        readings=readings,
        names=names,
        headline=headline(readings, names),
        inside=inside,
    )


def _compare(
    question: Question,
    section_id: str,
    answer_a: Answer,
    answer_b: Answer,
    spread: dict[Side, float | None],
) -> QuestionResult:
    value_a, value_b = answer_a.value, answer_b.value
    gap = None
    if answer_a.is_answered and answer_b.is_answered:
        assert value_a is not None and value_b is not None
        gap = question_gap(question, value_a, value_b)
    return QuestionResult(
        question_id=question.id,
        section_id=section_id,
        prompt=question.prompt,
        kind=question.kind,
        gap=gap,
        status=status_of(gap),
        read_together=not question.scored,
        importance=importance_weight(answer_a, answer_b),
        answer_a=None if value_a is None else question.describe_value(value_a),
        answer_b=None if value_b is None else question.describe_value(value_b),
        unsure=tuple(
            side
            for side, answer in zip(SIDES, (answer_a, answer_b), strict=True)
            if answer.not_sure
        ),
        spread=spread,
    )


def _agreement_figures(
    questions: list[QuestionResult], kappa_groups: dict[tuple[int, int], list[tuple[int, int]]]
) -> AgreementFigures:
    gaps = [result.gap for result in questions if result.gap is not None]
    exact = sum(1 for gap in gaps if gap < AGREE_BELOW)
    scale: tuple[int, int] | None = None
    pairs: list[tuple[int, int]] = []
    # The most common scale; on a tie, the one met first in the questionnaire (dicts keep order).
    for candidate, candidate_pairs in kappa_groups.items():
        if len(candidate_pairs) > len(pairs):
            scale, pairs = candidate, candidate_pairs
    kappa = quadratic_weighted_kappa([a for a, _ in pairs], [b for _, b in pairs])
    return AgreementFigures(
        exact_percent=100 * exact / len(gaps) if gaps else None,
        exact_n=len(gaps),
        kappa=kappa,
        kappa_n=len(pairs),
        kappa_scale=scale,
        kappa_too_few=len(pairs) < KAPPA_MIN_QUESTIONS,
    )


# --- the agenda --------------------------------------------------------------------------------


def _agenda_item(
    question: Question,
    result: QuestionResult,
    answer_a: Answer,
    answer_b: Answer,
    names: dict[Side, str],
) -> AgendaItem:
    gap = OPEN_ASSUMED_GAP if result.gap is None else result.gap
    return AgendaItem(
        question_id=result.question_id,
        priority=gap * result.importance,
        reason=agenda_reason(question, answer_a, answer_b, names),
        status=result.status,
        gap=result.gap,
    )


def agenda_reason(
    question: Question, answer_a: Answer, answer_b: Answer, names: dict[Side, str]
) -> str:
    """One line to read aloud: both answers, or who is unsure or has not answered yet.

    "Northwind: we carry 10% of the costs; Contoso: 50/50", "Contoso is not sure; Northwind:
    4 (Important)".
    """
    answers = {"A": answer_a, "B": answer_b}
    short_names = {side: one_line(names[side], NAME_LIMIT) for side in SIDES}
    unsure = [side for side in SIDES if answers[side].not_sure]
    unanswered = [side for side in SIDES if answers[side].value is None and side not in unsure]
    if not unanswered and not unsure:
        return "; ".join(
            f"{short_names[side]}: {_answer_in_words(question, side, answers[side])}"
            for side in SIDES
        )
    parts: list[str] = []
    if len(unanswered) == 2:
        parts.append(f"Neither {short_names['A']} nor {short_names['B']} has answered yet")
    elif len(unsure) == 2:
        parts.append(f"Both {short_names['A']} and {short_names['B']} are not sure")
    else:
        parts.extend(f"{short_names[side]} has not answered yet" for side in unanswered)
        parts.extend(f"{short_names[side]} is not sure" for side in unsure)
        parts.extend(
            f"{short_names[side]}: {_answer_in_words(question, side, answers[side])}"
            for side in SIDES
            if side not in unanswered and side not in unsure
        )
    return "; ".join(parts)


def _answer_in_words(question: Question, side: Side, answer: Answer) -> str:
    value = answer.value
    assert value is not None
    if isinstance(question, SplitQuestion):
        assert isinstance(value, int)
        # The value is Party A's share; each party speaks of its own.
        own_share = value if side == "A" else 100 - value
        if own_share == 50:
            return "50/50"
        return f"we carry {own_share}% of {one_line(question.topic, ANSWER_LIMIT)}"
    return one_line(question.describe_value(value), ANSWER_LIMIT)


_WHITESPACE = re.compile(r"\s+")


def one_line(text: str, limit: int) -> str:
    """The text on one line, at most ``limit`` characters: cut after a word, ending in "…"."""
    text = _WHITESPACE.sub(" ", text).strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if text[limit - 1] != " " and space > limit // 2:  # not already at the end of a word
        cut = cut[:space]
    return cut.rstrip(" ,;:.") + "…"
