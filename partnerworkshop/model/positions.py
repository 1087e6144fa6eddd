"""The agreed position on every question: what the room decided, and how it got there.

A question's agreed position comes from its agreement item when the room resolved it (adopted
Party A's or Party B's answer, or agreed a new wording), or is *carried over* when the parties'
answers already agree or are close (see :mod:`partnerworkshop.model.analysis`) and nobody
reopened it. A carried-over position of answers that are close but not the same keeps both
answers (``close_values``). A parked question has no agreed position yet but an owner and a due
date; any other question is *open*.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from .analysis import Analysis, Status, analyse
from .base import Side
from .session import AgreementItem, Session
from .template import AnswerValue, Question, Section

Reached = Literal["adopt_a", "adopt_b", "agreed", "carried_over", "parked", "open"]
OpenReason = Literal["reopened", "differ", "unanswered_a", "unanswered_b", "unanswered"]

ADOPTED_SIDE: dict[Reached, Side] = {"adopt_a": "A", "adopt_b": "B"}


@dataclass(frozen=True)
class AgreedPosition:
    """Where one question stands in the agreement."""

    section: Section
    question: Question
    reached: Reached
    value: AnswerValue | None = None
    wording: str = ""
    notes: str = ""
    owner: str = ""
    due: dt.date | None = None
    open_reason: OpenReason | None = None
    close_values: tuple[AnswerValue, AnswerValue] | None = None
    """Party A's and Party B's answers, when they were carried over as close but not the same."""

    @property
    def is_agreed(self) -> bool:
        return self.reached in {"adopt_a", "adopt_b", "agreed", "carried_over"}

    @property
    def text(self) -> str:
        """The agreed position in words: the agreed answer described, then its wording."""
        described = "" if self.value is None else self.question.describe_value(self.value)
        if self.wording and self.wording != described:
            return f"{described}\n{self.wording}" if described else self.wording
        return described


def agreed_position(
    session: Session, section: Section, question: Question, status: Status
) -> AgreedPosition:
    """The position of one question, given its status in the analysis of the answers."""
    item = session.agreement.items.get(question.id) or AgreementItem()
    notes = item.notes
    if item.resolution in ("adopt_a", "adopt_b"):
        side: Side = "A" if item.resolution == "adopt_a" else "B"
        value = item.value if item.value is not None else session.answer(side, question.id).value
        return AgreedPosition(section, question, item.resolution, value, item.wording, notes)
    if item.resolution == "agreed":
        return AgreedPosition(section, question, "agreed", item.value, item.wording, notes)
    if item.resolution == "parked":
        return AgreedPosition(
            section, question, "parked", notes=notes, owner=item.owner, due=item.due
        )
    answer_a = session.answer("A", question.id)
    answer_b = session.answer("B", question.id)
    reason: OpenReason
    if item.reopened:
        reason = "reopened"
    elif answer_a.is_answered and answer_b.is_answered:
        if status == "agree":
            return AgreedPosition(section, question, "carried_over", answer_a.value, notes=notes)
        if status == "close":
            assert answer_a.value is not None and answer_b.value is not None
            values = (answer_a.value, answer_b.value)
            return AgreedPosition(
                section, question, "carried_over", notes=notes, close_values=values
            )
        reason = "differ"
    elif answer_a.is_answered:
        reason = "unanswered_b"
    elif answer_b.is_answered:
        reason = "unanswered_a"
    else:
        reason = "unanswered"
    return AgreedPosition(section, question, "open", notes=notes, open_reason=reason)


def agreed_positions(session: Session, analysis: Analysis | None = None) -> list[AgreedPosition]:
    """Every question's agreed position, in questionnaire order."""
    statuses = {
        result.question_id: result.status for result in (analysis or analyse(session)).questions
    }
    return [
        agreed_position(session, section, question, statuses[question.id])
        for section in session.template.sections
        for question in section.questions
    ]
