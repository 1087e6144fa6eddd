"""The agreed position on every question: what the room decided, and how it got there.

Every agreed position holds exactly one agreed value (for a free-text question, the agreed
wording) and a :attr:`AgreedPosition.statement`, the position in one third-person sentence.

A question's position comes from its agreement item when the room settled it (adopted Party A's
or Party B's answer, or agreed a position of its own), or is *carried over* when both parties
gave the same answer and nobody reopened it. Answers that are only close are not carried over:
the room settles them (see :mod:`partnerworkshop.model.agreement`). An item marked agreed without
its content (no value chosen, or for a free-text question no wording) is still *open*, and
``open_reason`` says what is missing. A parked question has no agreed position yet but an owner
and a due date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from .base import Side
from .session import AgreementItem, Session
from .statements import statement
from .template import AnswerValue, Question, Section, TextQuestion

Reached = Literal["adopt_a", "adopt_b", "agreed", "carried_over", "parked", "open"]
OpenReason = Literal[
    "reopened",
    "differ",
    "unanswered_a",
    "unanswered_b",
    "unanswered",
    "no_value",
    "no_wording",
    "adopted_unanswered",
]

ADOPTED_SIDE: dict[Reached, Side] = {"adopt_a": "A", "adopt_b": "B"}
AGREED: frozenset[Reached] = frozenset({"adopt_a", "adopt_b", "agreed", "carried_over"})

MISSING_CONTENT: dict[OpenReason, str] = {
    "no_value": "The agreed position has no answer chosen yet: choose the one both parties accept.",
    "no_wording": "The agreed position has no wording yet: write the words both parties accept.",
    "adopted_unanswered": "The party whose answer was adopted has not answered this question.",
}
"""What an item marked as settled still lacks, in words for the room."""


@dataclass(frozen=True)
class AgreedPosition:
    """Where one question stands in the agreement.

    ``value`` is the single agreed answer (None when there is none, or when a free-text question
    is settled by its wording alone); ``statement`` the agreed position in one third-person
    sentence, empty when nothing is agreed.
    """

    section: Section
    question: Question
    reached: Reached
    value: AnswerValue | None = None
    wording: str = ""
    notes: str = ""
    owner: str = ""
    due: dt.date | None = None
    open_reason: OpenReason | None = None
    statement: str = ""

    @property
    def is_agreed(self) -> bool:
        return self.reached in AGREED

    @property
    def missing(self) -> str:
        """What an item marked as settled still lacks, or "" when nothing is."""
        return MISSING_CONTENT.get(self.open_reason, "") if self.open_reason else ""


def party_names(session: Session) -> tuple[str, str]:
    """The names statements use for the two parties: each one's short name or organisation."""
    return (session.parties.A.display_name("A"), session.parties.B.display_name("B"))


def _content_missing(question: Question, value: AnswerValue | None, wording: str) -> bool:
    if isinstance(question, TextQuestion):
        return not wording.strip() and not (isinstance(value, str) and value.strip())
    return value is None


def agreed_position(session: Session, section: Section, question: Question) -> AgreedPosition:
    """The position of one question."""
    item = session.agreement.items.get(question.id) or AgreementItem()
    notes = item.notes
    names = party_names(session)
    if item.resolution in ("adopt_a", "adopt_b", "agreed"):
        value = item.value
        if item.resolution in ADOPTED_SIDE and value is None:
            value = session.answer(ADOPTED_SIDE[item.resolution], question.id).value
        if _content_missing(question, value, item.wording):
            reason: OpenReason = (
                "adopted_unanswered"
                if item.resolution in ADOPTED_SIDE
                else "no_wording"
                if isinstance(question, TextQuestion)
                else "no_value"
            )
            return AgreedPosition(
                section, question, "open", value, item.wording, notes, open_reason=reason
            )
        return AgreedPosition(
            section,
            question,
            item.resolution,
            value,
            item.wording,
            notes,
            statement=statement(question, value, names, item.wording),
        )
    if item.resolution == "parked":
        return AgreedPosition(
            section, question, "parked", notes=notes, owner=item.owner, due=item.due
        )
    answer_a = session.answer("A", question.id)
    answer_b = session.answer("B", question.id)
    if item.reopened:
        reason = "reopened"
    elif answer_a.is_answered and answer_b.is_answered:
        if question.scored and answer_a.value == answer_b.value:
            value = answer_a.value
            return AgreedPosition(
                section,
                question,
                "carried_over",
                value,
                notes=notes,
                statement=statement(question, value, names),
            )
        reason = "differ"
    elif answer_a.is_answered:
        reason = "unanswered_b"
    elif answer_b.is_answered:
        reason = "unanswered_a"
    else:
        reason = "unanswered"
    return AgreedPosition(section, question, "open", notes=notes, open_reason=reason)


def agreed_positions(session: Session) -> list[AgreedPosition]:
    """Every question's agreed position, in questionnaire order."""
    return [
        agreed_position(session, section, question)
        for section in session.template.sections
        for question in section.questions
    ]


def position_of(session: Session, question_id: str) -> AgreedPosition:
    template = session.template
    return agreed_position(
        session, template.section_of(question_id), template.question(question_id)
    )
