"""Small pieces several pages share."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import QFrame, QLabel, QLayout, QScrollArea, QWidget

from ..model.analysis import QuestionResult, Status
from ..model.base import LAST_DAY, Side
from ..model.edits import EditError
from ..model.kinds import RelationshipKind
from ..model.session import Answer, Session
from ..model.template import Question, SplitQuestion
from . import dialogs

T = TypeVar("T")

LAST_QDATE = QDate(LAST_DAY.year, LAST_DAY.month, LAST_DAY.day)
"""The last day a date field offers: the last the model keeps."""


def try_edit(parent: QWidget, operation: Callable[[], T]) -> T | None:
    """Run an edit; if the model refuses it, say why instead of failing."""
    try:
        return operation()
    except EditError as error:
        dialogs.warn(
            parent, QCoreApplication.translate("Edits", "This change cannot be made"), str(error)
        )
        return None


def party_name(session: Session, side: Side) -> str:
    """What the UI calls a party: its short label, else its organisation, else 'Party A'."""
    party = session.party(side)
    return (
        party.label
        or party.organisation
        or QCoreApplication.translate("Parties", "Party {side}").format(side=side)
    )


def label(text: str = "", role: str = "", *, wrap: bool = True) -> QLabel:
    """A label with a style role (title, heading, muted, help, warning...)."""
    widget = QLabel(text)
    widget.setTextFormat(Qt.TextFormat.PlainText)  # user text is shown as typed, never as markup
    widget.setWordWrap(wrap)
    if role:
        widget.setProperty("role", role)
    return widget


def plain_tooltip(text: str) -> str:
    """Tooltip text shown literally (Qt would otherwise read markup in it) and wrapped."""
    return "<p>" + html.escape(text) + "</p>" if text else ""


def kind_label(kind: RelationshipKind) -> str:
    """The name of a kind of relationship, as the UI shows it."""
    tr = QCoreApplication.translate
    return {
        RelationshipKind.PURCHASE_ORDER: tr("Kinds", "purchase order / supplier relationship"),
        RelationshipKind.KEY_ACCOUNT: tr("Kinds", "key account"),
        RelationshipKind.AFFILIATE: tr("Kinds", "affiliate / referral deal"),
        RelationshipKind.SPONSORSHIP: tr("Kinds", "sponsorship"),
        RelationshipKind.STRATEGIC_PARTNERSHIP: tr("Kinds", "strategic partnership"),
        RelationshipKind.PUBLIC_COLLABORATION: tr("Kinds", "public or NGO collaboration"),
    }[kind]


def status_label(status: Status) -> str:
    """A status in words: Agree, Close, Apart or Open."""
    tr = QCoreApplication.translate
    labels = {
        "agree": tr("Status", "Agree"),
        "close": tr("Status", "Close"),
        "apart": tr("Status", "Apart"),
        "open": tr("Status", "Open"),
    }
    return labels[status]


def status_text(result: QuestionResult) -> str:
    """A question's status in words; free text is read together rather than scored."""
    if result.read_together:
        return QCoreApplication.translate("Status", "Read together")
    return status_label(result.status)


def answers_hidden_reason(session: Session) -> str | None:
    """Why the comparison of both parties' answers may not be shown now, if it may not."""
    tr = QCoreApplication.translate
    if session.pack_for is not None:
        return tr(
            "Hidden",
            "This answer pack holds one party's answers only. Comparing and agreeing happen in "
            "the full session, once the facilitator has merged the pack.",
        )
    answering = session.answering
    revealed = set(answering.revealed)
    if answering.mode == "blind" and any(s.id not in revealed for s in session.template.sections):
        return tr(
            "Hidden",
            "The answers are hidden while the parties answer blind. Reveal every section in the "
            "Answer step to compare and agree.",
        )
    return None


def answer_in_words(question: Question, answer: Answer, names: dict[Side, str]) -> str | None:
    """One party's answer for the table; None when it gave none and is not unsure either."""
    if answer.value is None:
        return QCoreApplication.translate("Answers", "Not sure") if answer.not_sure else None
    if isinstance(question, SplitQuestion):
        assert isinstance(answer.value, int)
        text = QCoreApplication.translate("Answers", "{a} {share_a}%, {b} {share_b}%").format(
            a=names["A"], share_a=answer.value, b=names["B"], share_b=100 - answer.value
        )
    else:
        text = question.describe_value(answer.value)
    return (
        QCoreApplication.translate("Answers", "{answer} (not sure)").format(answer=text)
        if answer.not_sure
        else text
    )


def mark_with_party_colour(card: QFrame, colour: str) -> None:
    """A card (role "card") topped with a bar in a party's colour."""
    card.setProperty("role", "card")
    if not card.objectName():
        card.setObjectName(f"card-{id(card)}")
    card.setStyleSheet(f"QFrame#{card.objectName()} {{ border-top: 4px solid {colour}; }}")


def party_card(colour: str) -> QFrame:
    card = QFrame()
    mark_with_party_colour(card, colour)
    return card


def clear_layout(layout: QLayout) -> None:
    """Remove every widget from a layout, out of sight at once (deleteLater waits for the loop)."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.setParent(None)
            widget.deleteLater()


def overflow_area(name: str, content: QWidget | None = None) -> QScrollArea:
    """An area that shows ``content`` filling it, and scrolls only when the content needs more
    room than there is (at a large zoom on a small screen), so that the window never has to
    grow past the screen. Content hidden behind it (another step, another tab) then sets no
    minimum size for what is shown."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setAccessibleName(name)
    # Not a stop of its own for Tab: it scrolls to whichever of its controls has the focus.
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    if content is not None:
        area.setWidget(content)
    return area
