"""Representatives who answer individually, as the UI names them and their answers.

A party answering anonymously has its representatives named by number only ("Northwind,
respondent 2"), wherever their own answers are shown; see ``Party.respondents``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..model.base import Side
from ..model.session import Answer, Respondent, Session
from ..model.template import Question
from .common import party_name


def respondent_label(session: Session, side: Side, respondent: Respondent) -> str:
    """ "James Whitfield", or "Northwind, respondent 2"."""
    if respondent.name:
        return respondent.name
    return QCoreApplication.translate("Respondents", "{party}, respondent {number}").format(
        party=party_name(session, side), number=respondent.number
    )


def respondent_short_label(respondent: Respondent) -> str:
    """ "James Whitfield", or "respondent 2", where the party is named already."""
    if respondent.name:
        return respondent.name
    return QCoreApplication.translate("Respondents", "respondent {number}").format(
        number=respondent.number
    )


def answer_in_words(question: Question, answer: Answer) -> str:
    """A representative's or a proposed answer, as the room reads it."""
    if answer.not_sure:
        return QCoreApplication.translate("Respondents", "not sure")
    if answer.value is None:
        return QCoreApplication.translate("Respondents", "no answer")
    return question.describe_value(answer.value)
