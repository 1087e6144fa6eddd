"""The gap between two answers to one question (0-1), whoever gave them.

The same measure compares the two parties and two representatives of one party; the module text
of :mod:`partnerworkshop.model.analysis` says how each kind of question is measured.
"""

from __future__ import annotations

from .template import (
    AnswerValue,
    MultipleChoiceQuestion,
    Question,
    RankingQuestion,
    ScaleQuestion,
    SingleChoiceQuestion,
    SplitQuestion,
)


def question_gap(question: Question, value_a: AnswerValue, value_b: AnswerValue) -> float | None:
    """The gap between two answers to the question: 0-1, or None for free text."""
    if isinstance(question, ScaleQuestion):
        assert isinstance(value_a, int) and isinstance(value_b, int)
        return abs(value_a - value_b) / (question.maximum - question.minimum)
    if isinstance(question, SplitQuestion):
        assert isinstance(value_a, int) and isinstance(value_b, int)
        return abs(value_a - value_b) / 100
    if isinstance(question, SingleChoiceQuestion):
        if value_a == value_b:
            return 0.0
        if not question.ordered:
            return 1.0
        assert isinstance(value_a, str) and isinstance(value_b, str)
        positions = question.option_ids()
        steps = abs(positions.index(value_a) - positions.index(value_b))
        return steps / (len(positions) - 1)
    if isinstance(question, MultipleChoiceQuestion):
        assert isinstance(value_a, list) and isinstance(value_b, list)
        chosen_a, chosen_b = set(value_a), set(value_b)
        either = chosen_a | chosen_b
        if not either:
            return 0.0
        return 1 - len(chosen_a & chosen_b) / len(either)
    if isinstance(question, RankingQuestion):
        assert isinstance(value_a, list) and isinstance(value_b, list)
        return kendall_tau_distance(value_a, value_b)
    return None


def kendall_tau_distance(ranking_a: list[str], ranking_b: list[str]) -> float:
    """The share of pairs of items that the two rankings (of the same items) order differently."""
    count = len(ranking_a)
    place_in_b = {item: place for place, item in enumerate(ranking_b)}
    places = [place_in_b[item] for item in ranking_a]
    discordant = sum(1 for i in range(count) for j in range(i + 1, count) if places[i] > places[j])
    return discordant / (count * (count - 1) / 2)
