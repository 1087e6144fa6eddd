"""How far each party has come: per section and over the whole questionnaire."""

from __future__ import annotations

from dataclasses import dataclass

from .base import Side
from .session import Answer, Session
from .template import Section


def has_responded(answer: Answer) -> bool:
    """A party has responded when it gave a value or said it is not sure."""
    return answer.value is not None or answer.not_sure


@dataclass(frozen=True)
class Progress:
    responded: int
    total: int
    missing_required: int

    @property
    def complete(self) -> bool:
        """Every required question has a response."""
        return self.missing_required == 0


def section_progress(session: Session, side: Side, section: Section) -> Progress:
    answers = session.answers_of(side)
    responded = missing = 0
    for question in section.questions:
        answer = answers.get(question.id)
        if answer is not None and has_responded(answer):
            responded += 1
        elif question.required:
            missing += 1
    return Progress(responded, len(section.questions), missing)


def overall_progress(session: Session, side: Side) -> Progress:
    parts = [section_progress(session, side, section) for section in session.template.sections]
    return Progress(
        sum(p.responded for p in parts),
        sum(p.total for p in parts),
        sum(p.missing_required for p in parts),
    )
