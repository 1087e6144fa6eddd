"""The reading: which kind of relationship each party's answers describe, and the headline.

Every choice in a questionnaire carries *signals* toward the six kinds of relationship. A party's
reading adds up the signals of the choices it made:

- scale: the chosen point's signals;
- single choice: the chosen option's signals;
- multiple choice: each chosen option's signals divided by the number chosen, so ticking more
  boxes does not make a question weigh more;
- ranking: each item's signals weighted by its position, the item in position ``i`` (0 for the
  top) by ``n - i``, normalised so the weights sum to 1: the top item counts ``n`` times as much
  as the last;
- split: between ``signals_one_sided`` and ``signals_even`` by evenness ``1 - |share - 50| / 50``
  (1 for 50/50, 0 when one party carries everything);
- free text: nothing.

Each answer's signals are multiplied by the importance weight the party itself gave the question
(``IMPORTANCE_WEIGHTS``): what a party says matters most to it says most about the relationship
it has in mind. Unanswered and "not sure" answers contribute nothing. The totals, divided by their
sum, are the party's *shares* of the six kinds.

A reading needs enough answers to mean anything (see :data:`MIN_READING_ANSWERS` and
:data:`MIN_READING_SHARE`); short of that a party gets no shares and no leading kind, and the
headline says there are not enough answers yet rather than guessing.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from .base import SIDES, Side
from .kinds import KINDS, RelationshipKind
from .session import IMPORTANCE_WEIGHTS, Answer, Session
from .template import (
    AnswerValue,
    MultipleChoiceQuestion,
    Question,
    Questionnaire,
    RankingQuestion,
    ScaleQuestion,
    SingleChoiceQuestion,
    SplitQuestion,
)

MIN_READING_ANSWERS = 5
"""A reading needs at least this many answers that carry signals.

Below five, one answer can swing the leading kind on its own, and a facilitator would be shown a
confident-looking label that one more answer overturns."""

MIN_READING_SHARE = 1 / 3
"""A reading also needs answers to at least this share of the questions that can carry signals.

So that a long questionnaire answered only in its first section (often about names and
purpose) does not yet claim to know what the whole relationship looks like."""

CLEAR_MARGIN = 0.10
"""A lead of at least ten share points over the second kind is *clear*.

Shares are spread over six kinds, so a lead of a tenth of the whole means several answers point
the same way, not one."""

NARROW_MARGIN = 0.03
"""A lead of at least three points is *narrow*; below that the reading is *unclear*: one more
answer of normal importance could change which kind leads."""

TOP_CONTRIBUTIONS = 5
"""How many of the answers that weigh most toward the leading kind a reading lists."""

Clarity = Literal["clear", "narrow", "unclear"]
Signals = dict[RelationshipKind, float]


def answer_signals(question: Question, value: AnswerValue) -> Signals:
    """The signals of one answer, before the party's importance weight (see the module text)."""
    if isinstance(question, ScaleQuestion):
        assert isinstance(value, int)
        return dict(question.point(value).signals)
    if isinstance(question, SingleChoiceQuestion):
        assert isinstance(value, str)
        return dict(question.option(value).signals)
    if isinstance(question, MultipleChoiceQuestion):
        assert isinstance(value, list)
        if not value:
            return {}
        share = 1 / len(value)
        return _blend((question.option(option_id).signals, share) for option_id in value)
    if isinstance(question, RankingQuestion):
        assert isinstance(value, list)
        count = len(value)
        total = count * (count + 1) / 2
        return _blend(
            (question.option(option_id).signals, (count - position) / total)
            for position, option_id in enumerate(value)
        )
    if isinstance(question, SplitQuestion):
        assert isinstance(value, int)
        evenness = 1 - abs(value - 50) / 50
        return _blend(
            ((question.signals_even, evenness), (question.signals_one_sided, 1 - evenness))
        )
    return {}


def _blend(parts: Iterable[tuple[Mapping[RelationshipKind, float], float]]) -> Signals:
    blended: Signals = {}
    for signals, weight in parts:
        for kind, strength in signals.items():
            blended[kind] = blended.get(kind, 0.0) + strength * weight
    return blended


def carries_signals(question: Question) -> bool:
    """Whether some answer to the question can say something about the kind of relationship."""
    if isinstance(question, ScaleQuestion):
        return any(point.signals for point in question.points)
    if isinstance(question, SingleChoiceQuestion | MultipleChoiceQuestion | RankingQuestion):
        return any(option.signals for option in question.options)
    if isinstance(question, SplitQuestion):
        return bool(question.signals_even or question.signals_one_sided)
    return False


def answers_needed(template: Questionnaire) -> int:
    """How many answers with signals a party needs for a reading of this questionnaire."""
    informative = sum(1 for question in template.questions() if carries_signals(question))
    return max(MIN_READING_ANSWERS, math.ceil(informative * MIN_READING_SHARE))


@dataclass(frozen=True)
class Contribution:
    """One answer that weighs toward a party's leading kind.

    ``contribution`` is the part of the leading kind's total that this answer provides (0-1), so
    a facilitator can say "this answer alone gives a fifth of the key-account reading".
    """

    question_id: str
    prompt: str
    answer: str
    contribution: float


@dataclass(frozen=True)
class Reading:
    """Which kind of relationship one party's answers describe.

    ``shares`` holds all six kinds in the order of :class:`RelationshipKind` and sums to 1; it is
    None, like ``leading``, ``margin`` and ``clarity``, when the party has not given enough
    answers yet (``answers_used < answers_needed``). ``margin`` is the leading share minus the
    second largest. A tie for the lead goes to the kind listed first in RelationshipKind.
    """

    side: Side
    shares: dict[RelationshipKind, float] | None
    leading: RelationshipKind | None
    margin: float | None
    clarity: Clarity | None
    top: tuple[Contribution, ...]
    answers_used: int
    answers_needed: int

    @property
    def enough_answers(self) -> bool:
        return self.shares is not None


def clarity_of(margin: float) -> Clarity:
    if margin >= CLEAR_MARGIN:
        return "clear"
    if margin >= NARROW_MARGIN:
        return "narrow"
    return "unclear"


def read_party(session: Session, side: Side, needed: int | None = None) -> Reading:
    """The reading of one party's answers (``needed`` defaults to :func:`answers_needed`)."""
    if needed is None:
        needed = answers_needed(session.template)
    return read_answers(session.template, side, session.answers_of(side), needed)


def read_answers(
    template: Questionnaire, side: Side, answers: Mapping[str, Answer], needed: int
) -> Reading:
    """The reading of one set of answers given on ``side``: a party's, or one representative's."""
    totals = dict.fromkeys(KINDS, 0.0)
    used: list[tuple[int, Question, AnswerValue, Signals]] = []
    for index, question in enumerate(template.questions()):
        answer = answers.get(question.id)
        if answer is None or answer.value is None or answer.not_sure:
            continue
        signals = answer_signals(question, answer.value)
        if not any(signals.values()):
            continue
        weight = IMPORTANCE_WEIGHTS[answer.importance]
        weighted = {kind: strength * weight for kind, strength in signals.items()}
        for kind, strength in weighted.items():
            totals[kind] += strength
        used.append((index, question, answer.value, weighted))
    if len(used) < needed:
        return Reading(side, None, None, None, None, (), len(used), needed)
    grand_total = sum(totals.values())
    shares = {kind: totals[kind] / grand_total for kind in KINDS}
    ranked = sorted(KINDS, key=lambda kind: -shares[kind])  # stable: ties keep the enum order
    leading = ranked[0]
    margin = shares[leading] - shares[ranked[1]]
    weighing = sorted(
        (item for item in used if item[3].get(leading, 0.0) > 0),
        key=lambda item: (-item[3][leading], item[0]),
    )
    top = tuple(
        Contribution(
            question.id,
            question.prompt,
            question.describe_value(value),
            weighted[leading] / totals[leading],
        )
        for _, question, value, weighted in weighing[:TOP_CONTRIBUTIONS]
    )
    return Reading(side, shares, leading, margin, clarity_of(margin), top, len(used), needed)


def read_both(session: Session, needed: int | None = None) -> dict[Side, Reading]:
    if needed is None:
        needed = answers_needed(session.template)
    return {side: read_party(session, side, needed) for side in SIDES}


# --- the headline -----------------------------------------------------------------------------

HeadlineCase = Literal["same", "different", "one_short", "both_short"]


@dataclass(frozen=True)
class Headline:
    """The one sentence that says whether the parties describe the same kind of relationship.

    The parts are kept so the app can build the sentence in another language:

    - ``case``: "same" (both lead with one kind), "different", "one_short" (one party has a
      reading, the other not enough answers yet) or "both_short";
    - ``names``: each party's display name; ``kinds``: each party's leading kind or None;
    - ``tentative``: a party whose lead is unclear, so the sentence says it *leans toward* a kind
      rather than *describes* it.
    """

    case: HeadlineCase
    names: dict[Side, str]
    kinds: dict[Side, RelationshipKind | None]
    tentative: dict[Side, bool]
    text: str


def with_article(kind: RelationshipKind) -> str:
    """'a key account', 'an affiliate / referral deal'."""
    label = kind.label
    return ("an " if label[0].lower() in "aeiou" else "a ") + label


def headline(readings: Mapping[Side, Reading], names: Mapping[Side, str]) -> Headline:
    """The headline sentence and its parts, from both readings and the parties' display names."""
    kinds = {side: readings[side].leading for side in SIDES}
    tentative = {side: readings[side].clarity == "unclear" for side in SIDES}
    name_a, name_b = names["A"], names["B"]
    kind_a, kind_b = kinds["A"], kinds["B"]
    case: HeadlineCase
    if kind_a is None and kind_b is None:
        case = "both_short"
        text = (
            f"Neither {name_a} nor {name_b} has given enough answers yet to tell which kind of "
            "relationship each describes."
        )
    elif kind_a is None or kind_b is None:
        case = "one_short"
        read: Side = "A" if kind_a is not None else "B"
        short: Side = "B" if read == "A" else "A"
        text = (
            f"{_describes(names[read], kinds[read], tentative[read])}; "
            f"{names[short]} has not given enough answers yet to tell what it describes."
        )
    elif kind_a == kind_b:
        case = "same"
        verb = "lean toward" if tentative["A"] or tentative["B"] else "describe"
        text = f"Both {name_a} and {name_b} {verb} {with_article(kind_a)}."
    else:
        case = "different"
        text = (
            f"{_describes(name_a, kind_a, tentative['A'])}; "
            f"{_describes(name_b, kind_b, tentative['B'])}."
        )
    return Headline(case, dict(names), kinds, tentative, text)


def _describes(name: str, kind: RelationshipKind | None, tentative: bool) -> str:
    assert kind is not None
    verb = "leans toward" if tentative else "describes"
    return f"{name} {verb} {with_article(kind)}"
