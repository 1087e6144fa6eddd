"""The party's answer proposed from its representatives' individual answers.

When a party's representatives answer on their own, the party still gives one answer per
question: that is what is compared with the other party and agreed. The app proposes it from the
representatives' answers, and the party confirms or changes it in the room.

The proposal, per part of an answer (representatives who gave no answer at all are left out):

- the value, from the representatives who answered and are sure:
  - scale and split: the median; with an even number of answers, the mean of the two middle
    ones, rounded down to a whole number;
  - single choice: the most common option; a tie goes to the option listed first;
  - multiple choice: every option more than half of them chose (at most as many as the
    question allows: the most chosen, a tie going to the option listed first);
  - ranking: the consensus order by Borda count (the item in position ``i`` of ``n`` scores
    ``n - 1 - i``); items with the same score keep the order in which they are listed;
  - free text: the text when they all wrote the same, otherwise nothing (the party writes its
    own);
- importance: the most common; a tie goes to the higher importance, so nothing that matters to
  some of them is played down;
- "not sure": when more than half of them are not sure;
- the comment is not proposed: comments stay each representative's own.

Representatives *differ* on a question when at least two of them gave different values, or some
are sure of an answer and others are not. The *spread* is the largest gap between two of their
values (0-1, the same gap as between the two parties); None when fewer than two answered.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import combinations

from .gaps import question_gap
from .session import IMPORTANCE_WEIGHTS, Answer, Importance
from .template import (
    AnswerValue,
    MultipleChoiceQuestion,
    Question,
    RankingQuestion,
    ScaleQuestion,
    SingleChoiceQuestion,
    SplitQuestion,
    TextQuestion,
)


def _given(answers: Sequence[Answer]) -> list[Answer]:
    return [answer for answer in answers if not answer.is_empty]


def _values(answers: Sequence[Answer]) -> list[AnswerValue]:
    return [answer.value for answer in answers if answer.is_answered and answer.value is not None]


def propose(question: Question, answers: Sequence[Answer]) -> Answer:
    """The party's answer proposed from its representatives' answers (see the module text)."""
    given = _given(answers)
    if not given:
        return Answer()
    unsure = sum(1 for answer in given if answer.not_sure)
    return Answer(
        value=proposed_value(question, _values(given)),
        importance=_proposed_importance(given),
        not_sure=2 * unsure > len(given),
    )


def proposed_value(question: Question, values: Sequence[AnswerValue]) -> AnswerValue | None:
    """The value proposed from the representatives' values (see the module text)."""
    if not values:
        return None
    if isinstance(question, ScaleQuestion | SplitQuestion):
        numbers = sorted(value for value in values if isinstance(value, int))
        middle = len(numbers) // 2
        if len(numbers) % 2:
            return numbers[middle]
        return (numbers[middle - 1] + numbers[middle]) // 2
    if isinstance(question, SingleChoiceQuestion):
        counts = Counter(values)
        return max(question.option_ids(), key=lambda option_id: counts[option_id])
    if isinstance(question, MultipleChoiceQuestion):
        return _majority_choices(question, values)
    if isinstance(question, RankingQuestion):
        return _consensus_order(question, values)
    assert isinstance(question, TextQuestion)
    return values[0] if all(value == values[0] for value in values) else None


def _majority_choices(question: MultipleChoiceQuestion, values: Sequence[AnswerValue]) -> list[str]:
    counts = Counter(
        option_id for value in values if isinstance(value, list) for option_id in value
    )
    chosen = [
        option_id for option_id in question.option_ids() if 2 * counts[option_id] > len(values)
    ]
    if question.max_choices is not None and len(chosen) > question.max_choices:
        # sorted() keeps the listed order among options chosen equally often.
        kept = set(sorted(chosen, key=lambda option_id: -counts[option_id])[: question.max_choices])
        chosen = [option_id for option_id in chosen if option_id in kept]
    return chosen


def _consensus_order(question: RankingQuestion, values: Sequence[AnswerValue]) -> list[str]:
    scores = Counter[str]()
    for value in values:
        assert isinstance(value, list)
        for position, option_id in enumerate(value):
            scores[option_id] += len(value) - 1 - position
    return sorted(question.option_ids(), key=lambda option_id: -scores[option_id])


def _proposed_importance(given: Sequence[Answer]) -> Importance:
    counts = Counter(answer.importance for answer in given)
    return max(counts, key=lambda importance: (counts[importance], IMPORTANCE_WEIGHTS[importance]))


def representatives_differ(answers: Sequence[Answer]) -> bool:
    """Whether two representatives gave different values, or some are sure and others not."""
    given = _given(answers)
    values = _values(given)
    if any(value != values[0] for value in values):
        return True
    unsure = [answer.not_sure for answer in given if answer.not_sure or answer.value is not None]
    return len(set(unsure)) > 1


def spread(question: Question, answers: Sequence[Answer]) -> float | None:
    """The largest gap between two representatives' values; None when fewer than two answered
    or the question asks for free text."""
    if not question.scored:
        return None
    values = _values(answers)
    if len(values) < 2:
        return None
    gaps = (question_gap(question, first, second) for first, second in combinations(values, 2))
    return max(gap for gap in gaps if gap is not None)
