"""Agreed positions in words: one third-person sentence for each agreed answer.

The questionnaire stores the wording (see :mod:`partnerworkshop.model.template`): a sentence for
every option of a single choice and every scale point; for a multiple choice or a ranking, a
sentence with ``{choices}`` or ``{order}`` and a phrase for every option; for a split, a sentence
for an even split, an uneven one and one carried whole; for free text, a sentence that introduces
the agreed wording. ``{A}`` and ``{B}`` stand for the two organisations' names, so the charter
says who owes what ("Northwind and Contoso share the costs of the joint work equally.").

A questionnaire written without this wording still works: the statement then quotes the
question and the answer, and ``validate`` reports what is missing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from .template import (
    AnswerValue,
    MultipleChoiceQuestion,
    Question,
    Questionnaire,
    RankingQuestion,
    ScaleQuestion,
    SingleChoiceQuestion,
    SplitQuestion,
    TextQuestion,
    short_text,
)

PARTIES = ("A", "B")
SPLIT_PARTIES = ("larger", "smaller", "larger_share", "smaller_share")

_PLACEHOLDER = re.compile(r"\{([A-Za-z_]+)\}")
FIRST_OR_SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourselves|we|our|ours|us)\b", re.I)
"""Words a statement never uses: it speaks of the organisations by name."""


def fill(text: str, values: Mapping[str, str]) -> str:
    """``text`` with each known ``{placeholder}`` replaced; any other brace is left as written."""
    return _PLACEHOLDER.sub(lambda match: values.get(match.group(1), match.group(0)), text)


def join_choices(phrases: list[str]) -> str:
    """Phrases in a sentence: "a and b", "a; b; and c" (the phrases may hold commas)."""
    if len(phrases) <= 2:
        return " and ".join(phrases)
    return "; ".join(phrases[:-1]) + "; and " + phrases[-1]


def numbered(phrases: list[str]) -> str:
    return "; ".join(f"({place}) {phrase}" for place, phrase in enumerate(phrases, 1))


def statement(
    question: Question, value: AnswerValue | None, names: tuple[str, str], wording: str = ""
) -> str:
    """The agreed position on ``question`` in one sentence (and the room's wording after it).

    ``value`` is the one agreed answer (None for a text question settled by its wording alone);
    ``names`` are the two parties' names, Party A's first.
    """
    parties = dict(zip(PARTIES, names, strict=True))
    wording = wording.strip()
    if isinstance(question, TextQuestion):
        text = wording or (value if isinstance(value, str) else "").strip()
        lead = question.statement or '{A} and {B} agree on the question "' + question.prompt + '":'
        return f"{fill(lead, parties)} \u201c{text}\u201d"
    assert value is not None
    sentence = _sentence(question, value, parties)
    if not sentence:
        described = question.describe_value(value)
        sentence = fill(
            '{A} and {B} agree on the question "' + question.prompt + '": ' + described + ".",
            parties,
        )
    return f"{sentence} {wording}" if wording else sentence


def _sentence(question: Question, value: AnswerValue, parties: dict[str, str]) -> str:
    """The questionnaire's sentence for the value, filled in; empty when it has none."""
    if isinstance(question, ScaleQuestion):
        assert isinstance(value, int)
        return fill(question.point(value).statement, parties)
    if isinstance(question, SingleChoiceQuestion):
        assert isinstance(value, str)
        return fill(question.option(value).statement, parties)
    if isinstance(question, MultipleChoiceQuestion):
        assert isinstance(value, list)
        if not value:
            return fill(question.statement_none, parties)
        phrases = [question.option(option_id).statement for option_id in value]
        if not question.statement or not all(phrases):
            return ""
        return fill(question.statement, {**parties, "choices": join_choices(phrases)})
    if isinstance(question, RankingQuestion):
        assert isinstance(value, list)
        phrases = [question.option(option_id).statement for option_id in value]
        if not question.statement or not all(phrases):
            return ""
        return fill(question.statement, {**parties, "order": numbered(phrases)})
    if isinstance(question, SplitQuestion):
        assert isinstance(value, int)
        if value == 50:
            return fill(question.statement_even, parties)
        larger, smaller = ("A", "B") if value > 50 else ("B", "A")
        shares = {"A": value, "B": 100 - value}
        split = {
            **parties,
            "larger": parties[larger],
            "smaller": parties[smaller],
            "larger_share": str(shares[larger]),
            "smaller_share": str(shares[smaller]),
        }
        return fill(
            question.statement_whole if shares[smaller] == 0 else question.statement_uneven, split
        )
    return ""


# --- checking a questionnaire's statements ---------------------------------------------------


def template_statements(template: Questionnaire) -> Iterator[tuple[str, str, tuple[str, ...]]]:
    """Every piece of statement wording: where it is, its text, and the placeholders it may use.

    A phrase of a multiple choice or a ranking may use none: it goes inside the question's
    sentence.
    """
    for question in template.questions():
        where = f'question "{question.id}"'
        if isinstance(question, ScaleQuestion):
            for point in question.points:
                yield f"{where}, scale point {point.value}", point.statement, PARTIES
        elif isinstance(question, SingleChoiceQuestion):
            for option in question.options:
                yield f'{where}, option "{option.id}"', option.statement, PARTIES
        elif isinstance(question, MultipleChoiceQuestion | RankingQuestion):
            slot = "choices" if isinstance(question, MultipleChoiceQuestion) else "order"
            yield f"{where}, statement", question.statement, (*PARTIES, slot)
            if isinstance(question, MultipleChoiceQuestion):
                yield f"{where}, statement_none", question.statement_none, PARTIES
            for option in question.options:
                yield f'{where}, option "{option.id}"', option.statement, ()
        elif isinstance(question, SplitQuestion):
            yield f"{where}, statement_even", question.statement_even, PARTIES
            yield f"{where}, statement_uneven", question.statement_uneven, SPLIT_PARTIES
            yield f"{where}, statement_whole", question.statement_whole, SPLIT_PARTIES[:2]
        elif isinstance(question, TextQuestion):
            yield f"{where}, statement", question.statement, PARTIES


def statement_problems(template: Questionnaire) -> list[str]:
    """What is missing or wrong in the questionnaire's statements, one plain line each."""
    problems: list[str] = []
    for where, text, allowed in template_statements(template):
        if not text.strip():
            problems.append(f"{where}: there is no statement (how the charter words it)")
            continue
        unknown = [name for name in _PLACEHOLDER.findall(text) if name not in allowed]
        if unknown:
            known = ", ".join("{" + name + "}" for name in allowed) or "none"
            problems.append(
                f"{where}: the statement uses {{{short_text(unknown[0], 30)}}}, which is not "
                f"known here (known: {known})"
            )
        person = FIRST_OR_SECOND_PERSON.search(text)
        if person and template.language.lower().startswith("en"):
            problems.append(
                f'{where}: the statement says "{person.group(0)}"; a statement speaks of the '
                "organisations in the third person, by {A} and {B}"
            )
    kind_questions = [
        question
        for question in template.questions()
        if isinstance(question, SingleChoiceQuestion) and question.asks_kind
    ]
    for question in kind_questions:
        problems.extend(
            f'question "{question.id}", option "{option.id}": the question asks which kind of '
            "relationship is meant, but the option names no kind"
            for option in question.options
            if option.kind is None
        )
    if len(kind_questions) > 1:
        problems.append(
            "more than one question asks which kind of relationship is meant "
            f"({', '.join(question.id for question in kind_questions)}); mark only one"
        )
    return problems
