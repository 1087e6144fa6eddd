"""Inside each party: how far apart its own representatives are, for a party that answers
individually.

For each such party, :func:`inside_party` gives each representative's reading (the same reading
as a party's, of that representative's answers alone), the spread of every question (see
:mod:`partnerworkshop.model.consolidation`), the questions on which the representatives differ,
the ones the party should settle internally first (those it has not settled yet, most divided
first; differences in free text or in being sure, which have no spread, come last), and a headline
when the representatives' readings lead with different kinds:
"Inside Northwind, James Whitfield describes a key account and Sarah Okafor a strategic
partnership."

A representative is always named as :meth:`Party.respondents` says, so that a party answering
anonymously is never shown with names next to individual answers.
"""

from __future__ import annotations

from dataclasses import dataclass

from .base import Side
from .consolidation import representatives_differ, spread
from .kinds import RelationshipKind
from .reading import Reading, read_answers, with_article
from .session import Answer, Respondent, Session


@dataclass(frozen=True)
class RepresentativeReading:
    """One representative's answers in words (by question id) and the reading of them."""

    respondent: Respondent
    answers: dict[str, str]
    reading: Reading


@dataclass(frozen=True)
class InsideParty:
    side: Side
    name: str
    representatives: tuple[RepresentativeReading, ...]
    spread: dict[str, float | None]
    """Every question's spread, by question id."""
    differ: tuple[str, ...]
    """The questions on which the representatives differ, in questionnaire order."""
    settle_first: tuple[str, ...]
    """The questions the party has still to settle, most divided first."""
    headline: str | None
    """Set when the representatives' readings lead with different kinds."""

    @property
    def answered_by(self) -> int:
        """How many representatives gave individual answers."""
        return sum(1 for item in self.representatives if item.answers)


def inside_party(session: Session, side: Side, needed: int) -> InsideParty | None:
    """How the party's representatives answered; None when the party answers as one."""
    party = session.party(side)
    if not party.answers_individually:
        return None
    template = session.template
    respondents = party.respondents(side)
    answers = [
        session.representative_answers(side, respondent.representative_id)
        for respondent in respondents
    ]
    readings = tuple(
        RepresentativeReading(
            respondent,
            _in_words(session, held),
            read_answers(template, side, held, needed),
        )
        for respondent, held in zip(respondents, answers, strict=True)
    )
    spreads: dict[str, float | None] = {}
    differ: list[str] = []
    for question in template.questions():
        given = [held.get(question.id) or Answer() for held in answers]
        spreads[question.id] = spread(question, given)
        if representatives_differ(given):
            differ.append(question.id)
    settled = set(session.individual_of(side).settled)
    place = {question_id: index for index, question_id in enumerate(differ)}
    unsettled = [question_id for question_id in differ if question_id not in settled]
    settle_first = sorted(
        unsettled,
        key=lambda question_id: (
            spreads[question_id] is None,
            -(spreads[question_id] or 0.0),
            place[question_id],
        ),
    )
    name = party.display_name(side)
    return InsideParty(
        side=side,
        name=name,
        representatives=readings,
        spread=spreads,
        differ=tuple(differ),
        settle_first=tuple(settle_first),
        headline=inside_headline(name, readings),
    )


def _in_words(session: Session, held: dict[str, Answer]) -> dict[str, str]:
    words: dict[str, str] = {}
    for question in session.template.questions():
        answer = held.get(question.id)
        if answer is None:
            continue
        if answer.not_sure:
            words[question.id] = "not sure"
        elif answer.value is not None:
            words[question.id] = question.describe_value(answer.value)
    return words


def inside_headline(name: str, readings: tuple[RepresentativeReading, ...]) -> str | None:
    """The sentence saying which representatives describe which kind, when they differ.

    Representatives leading with the same kind are named together, the kinds in the order of the
    first representative leading with each; those without a reading yet are left out.
    """
    groups: dict[RelationshipKind, list[str]] = {}
    for item in readings:
        if item.reading.leading is not None:
            groups.setdefault(item.reading.leading, []).append(item.respondent.short_label)
    if len(groups) < 2:
        return None
    parts: list[str] = []
    for place, (kind, names) in enumerate(groups.items()):
        if place == 0:
            verb = "describes" if len(names) == 1 else "describe"
            parts.append(f"{_listed(names)} {verb} {with_article(kind)}")
        else:
            parts.append(f"{_listed(names)} {with_article(kind)}")
    return f"Inside {name}, {_listed(parts)}."


def _listed(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} and {items[-1]}"
