"""The room view: a second window, for the projector, showing only what the room should see.

It is a view of the session being edited (the same editor as the main window, never a copy) and
follows where the facilitator is: the step, the section, the question and the agenda item. Its
type size comes from its own screen, so that it reads from the back of a room. While a party
answers blind it shows who is answering and how far they are, and nothing of any answer.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QMouseEvent, QShortcut
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ..model.agreement import agreement_progress
from ..model.base import SIDES, Side
from ..model.edits import Edit, SessionEditor
from ..model.progress import overall_progress, section_progress
from ..model.session import AgreementItem, Answer, Session
from ..model.template import AnswerValue, MultipleChoiceQuestion, Question, Section
from .answer_page import visible_sides
from .common import (
    answer_in_words,
    answers_hidden_reason,
    party_card,
    party_name,
    status_text,
)
from .compare_page import agenda_line, headline_text, kind_phrase, question_numbers
from .style import ACCENT, INK, MUTED, PAPER, WARNING

AGENDA_SHOWN = 4
"""How many agenda items the Compare step shows the room (the most pressing)."""
LINES_PER_SCREEN = 30
"""The body text's height is the screen's height divided by this (36 px on 1080 lines)."""


@dataclass
class RoomFocus:
    """Where the facilitator is: the step, and in it the section, question or agenda item."""

    step: int = 0
    section_id: str | None = None
    question_id: str | None = None
    item_id: str | None = None


def text_size_for(screen_height: int) -> int:
    """The body text's pixel size on a screen this many pixels high (readable at 5 m on a
    1080-line projector: about one line in thirty)."""
    return max(16, round(screen_height / LINES_PER_SCREEN))


def room_style_sheet(size: int) -> str:
    def px(scale: float) -> str:
        return f"{round(size * scale)}px"

    return f"""
    QWidget#room {{ background: {PAPER}; }}
    QWidget#room QLabel {{ font-size: {px(1)}; color: {INK}; background: transparent; }}
    QWidget#room QLabel[room="top"] {{ font-size: {px(0.6)}; color: {MUTED}; }}
    QWidget#room QLabel[room="time"] {{ font-size: {px(0.6)}; color: {MUTED}; }}
    QWidget#room QLabel[room="time-over"] {{ font-size: {px(0.6)}; color: {WARNING}; }}
    QWidget#room QLabel[room="title"] {{ font-size: {px(1.55)}; font-weight: 600; }}
    QWidget#room QLabel[room="heading"] {{ font-size: {px(1.2)}; font-weight: 600; }}
    QWidget#room QLabel[room="muted"] {{ font-size: {px(0.8)}; color: {MUTED}; }}
    QWidget#room QLabel[room="small"] {{ font-size: {px(0.7)}; color: {MUTED}; }}
    QWidget#room QLabel[room="answer"] {{ font-size: {px(1.15)}; font-weight: 600; }}
    QWidget#room QLabel[room="marker"] {{ font-size: {px(0.8)}; font-weight: 600;
        color: white; background: {ACCENT}; padding: {px(0.15)} {px(0.5)};
        border-radius: {px(0.2)}; }}
    QWidget#room QLabel[room="marker-same"] {{ font-size: {px(0.8)}; font-weight: 600;
        color: {ACCENT}; border: 2px solid {ACCENT}; padding: {px(0.1)} {px(0.5)};
        border-radius: {px(0.2)}; }}
    """


def _label(text: str, role: str = "") -> QLabel:
    widget = QLabel(text)
    widget.setTextFormat(Qt.TextFormat.PlainText)  # user text is shown as typed, never markup
    widget.setWordWrap(True)
    if role:
        widget.setProperty("room", role)
    return widget


class RoomView(QWidget):
    """The window for the room; :meth:`show_session` is called on every change."""

    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("room")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        # The facilitator keeps working in the main window when the view opens.
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setWindowTitle(self.tr("partnerworkshop \u2014 for the room"))
        self.setAccessibleName(self.tr("The view for the room"))
        self.editor: SessionEditor | None = None
        self.focus_state = RoomFocus()
        self.text_size = 0
        outer = QVBoxLayout(self)
        self._outer = outer
        top = QHBoxLayout()
        self.top_line = _label("", "top")
        top.addWidget(self.top_line, 1)
        self.time_left = _label("", "time")
        self.time_left.setWordWrap(False)
        top.addWidget(self.time_left, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        outer.addLayout(top)
        self._body_widget = QWidget()
        self.body = QVBoxLayout(self._body_widget)
        outer.addWidget(self._body_widget)
        outer.addStretch(1)
        close = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        close.activated.connect(self.close)
        full_screen = QShortcut(QKeySequence(QKeySequence.StandardKey.FullScreen), self)
        full_screen.activated.connect(self.toggle_full_screen)
        self.fit_to_screen()

    # --- size -------------------------------------------------------------------------------

    def fit_to_screen(self, screen_height: int | None = None) -> None:
        """Choose the type size from the screen the view is on (or one this many pixels high)."""
        size = text_size_for(screen_height or self.screen().geometry().height())
        if size == self.text_size:
            return
        self.text_size = size
        margin = size
        self._outer.setContentsMargins(2 * margin, margin, 2 * margin, margin)
        self._outer.setSpacing(round(size * 0.6))
        self.setStyleSheet(room_style_sheet(size))

    def screen_changed(self, _screen: object = None) -> None:
        """Moved to another screen (or the screens changed): size the type for it again."""
        before = self.text_size
        self.fit_to_screen()
        if self.text_size != before:
            self.refresh()

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    # --- following the session ------------------------------------------------------------------

    def set_editor(self, editor: SessionEditor) -> None:
        self.editor = editor
        self.refresh()

    def on_edit(self, edit: Edit) -> None:
        self.refresh()

    def follow(self, focus: RoomFocus) -> None:
        if focus != self.focus_state:
            self.focus_state = RoomFocus(**vars(focus))
            self.refresh()

    def set_time_left(self, text: str, over: bool) -> None:
        """The time left in the current time box, unobtrusive in a corner ('' for none)."""
        self.time_left.setText(text)
        self.time_left.setProperty("room", "time-over" if over else "time")
        self.time_left.style().unpolish(self.time_left)
        self.time_left.style().polish(self.time_left)

    def refresh(self) -> None:
        if self.editor is None:
            return
        session = self.editor.session
        self._new_body()
        title = session.workshop.title or self.tr("Untitled workshop")
        steps = (
            self.tr("Set up"),
            self.tr("Answer"),
            self.tr("Compare"),
            self.tr("Agree"),
            self.tr("Export"),
        )
        step = self.focus_state.step
        self.top_line.setText(
            self.tr("{title} \u00b7 {step}").format(title=title, step=steps[step])
        )
        if step == 0:
            self._show_setup(session)
        elif step == 1:
            self._show_answers(session)
        elif answers_hidden_reason(session) is not None and step in (2, 3):
            self._show_answering(session, None)
        elif step == 2:
            self._show_comparison(session)
        elif step == 3:
            self._show_agenda_item(session)
        else:
            self._show_charter(session)

    def _new_body(self) -> None:
        """An empty body, in place of the one shown (layouts and all)."""
        old = self._body_widget
        self._body_widget = QWidget()
        self.body = QVBoxLayout(self._body_widget)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.setSpacing(round(self.text_size * 0.5))
        self._outer.replaceWidget(old, self._body_widget)
        old.hide()  # hidden explicitly first: once out of the window it is never shown again
        old.setParent(None)
        old.deleteLater()

    # --- the steps ------------------------------------------------------------------------------

    def _show_setup(self, session: Session) -> None:
        workshop = session.workshop
        self.body.addWidget(_label(workshop.title or self.tr("Untitled workshop"), "title"))
        facts = [
            fact
            for fact in (
                workshop.date.strftime("%d %B %Y").lstrip("0") if workshop.date else "",
                workshop.location,
                self.tr("Facilitated by {name}").format(name=workshop.facilitator)
                if workshop.facilitator
                else "",
            )
            if fact
        ]
        if facts:
            self.body.addWidget(_label(" \u00b7 ".join(facts), "muted"))
        cards = QGridLayout()
        cards.setHorizontalSpacing(self.text_size)
        for column, side in enumerate(SIDES):
            party = session.party(side)
            card = self._card(side)
            layout = card.layout()
            assert isinstance(layout, QVBoxLayout)
            layout.addWidget(_label(party.organisation or party_name(session, side), "heading"))
            if party.label and party.label != party.organisation:
                layout.addWidget(_label(party.label, "muted"))
            for person in party.representatives:
                if person.name:
                    text = (
                        self.tr("{name}, {role}").format(name=person.name, role=person.role)
                        if person.role
                        else person.name
                    )
                    layout.addWidget(_label(text))
            layout.addStretch(1)
            cards.addWidget(card, 0, column)
            cards.setColumnStretch(column, 1)
        self.body.addLayout(cards)

    def _current_section(self, session: Session) -> Section:
        sections = session.template.sections
        wanted = self.focus_state.section_id
        return next((s for s in sections if s.id == wanted), sections[0])

    def _show_answering(self, session: Session, section: Section | None) -> None:
        """Who is answering blind and how far they are; nothing of any answer."""
        side = session.answering.current
        name = party_name(session, side)
        sections = session.template.sections
        if section is None:
            progress = overall_progress(session, side)
            text = self.tr("{name} is answering: {done} of {total} questions").format(
                name=name, done=progress.responded, total=progress.total
            )
        else:
            progress = section_progress(session, side, section)
            text = self.tr(
                "{name} is answering: section {section} of {sections}, {done} of {total} questions"
            ).format(
                name=name,
                section=sections.index(section) + 1,
                sections=len(sections),
                done=progress.responded,
                total=progress.total,
            )
        self.body.addWidget(_label(text, "title"))
        self.body.addWidget(
            _label(
                self.tr("The answers stay hidden until the section is revealed."),
                "muted",
            )
        )

    def _show_answers(self, session: Session) -> None:
        section = self._current_section(session)
        number = session.template.sections.index(section) + 1
        sides = visible_sides(session, section.id)
        if len(sides) < len(SIDES):
            self.body.addWidget(
                _label(
                    self.tr("Section {number}: {title}").format(number=number, title=section.title),
                    "muted",
                )
            )
            self._show_answering(session, section)
            return
        question = next(
            (q for q in section.questions if q.id == self.focus_state.question_id),
            section.questions[0],
        )
        self.body.addWidget(
            _label(
                self.tr("Section {number}: {title}").format(number=number, title=section.title),
                "muted",
            )
        )
        question_number = f"{number}.{section.questions.index(question) + 1}"
        self.body.addWidget(_label(f"{question_number}  {question.prompt}", "title"))
        self._answer_cards(session, question.id)

    def _answer_cards(self, session: Session, question_id: str) -> None:
        """Both parties' answers, large, in their colours, and whether they differ."""
        question = session.template.question(question_id)
        names: dict[Side, str] = {side: party_name(session, side) for side in SIDES}
        cards = QGridLayout()
        cards.setHorizontalSpacing(self.text_size)
        values = {side: session.answer(side, question_id).value for side in SIDES}
        several = isinstance(question, MultipleChoiceQuestion) and all(
            isinstance(value, list) for value in values.values()
        )
        for column, side in enumerate(SIDES):
            answer = session.answer(side, question_id)
            card = self._card(side)
            layout = card.layout()
            assert isinstance(layout, QVBoxLayout)
            layout.addWidget(_label(names[side], "muted"))
            if several and values[side]:
                self._chosen_options(layout, question, values, side, names)
            else:
                words = answer_in_words(question, answer, names)
                layout.addWidget(_label(words or self.tr("No answer yet"), "answer"))
            layout.addStretch(1)
            cards.addWidget(card, 0, column)
            cards.setColumnStretch(column, 1)
        self.body.addLayout(cards)
        assert self.editor is not None
        result = self.editor.analysis().question(question_id)
        answered = all(session.answer(side, question_id).value is not None for side in SIDES)
        if answered:
            if result.read_together:
                marker = self.tr("Read together")
            elif result.status == "agree":
                marker = self.tr("The same answer")
            elif result.status == "close":
                marker = self.tr("Close: they differ a little")
            else:
                marker = self.tr("Apart: the answers differ")
            row = QHBoxLayout()
            badge = _label(marker, "marker-same" if result.status == "agree" else "marker")
            badge.setWordWrap(False)
            row.addWidget(badge)
            row.addStretch(1)
            self.body.addLayout(row)

    def _chosen_options(
        self,
        layout: QVBoxLayout,
        question: Question,
        values: dict[Side, AnswerValue | None],
        side: Side,
        names: dict[Side, str],
    ) -> None:
        """One line per option chosen; those the other party did not choose are marked."""
        other: Side = "B" if side == "A" else "A"
        chosen, theirs = values[side], values[other]
        assert isinstance(chosen, list) and isinstance(theirs, list)
        for option_id in chosen:
            words = question.describe_value([option_id])
            if option_id in theirs:
                layout.addWidget(_label(words))
            else:
                layout.addWidget(
                    _label(
                        self.tr("{option} (only {name})").format(option=words, name=names[side]),
                        "answer",
                    )
                )

    def _show_comparison(self, session: Session) -> None:
        assert self.editor is not None
        analysis = self.editor.analysis()
        names = {side: party_name(session, side) for side in SIDES}
        self.body.addWidget(_label(headline_text(analysis.headline, names), "title"))
        if analysis.alignment is not None:
            self.body.addWidget(
                _label(
                    self.tr("Alignment {figure} of 100").format(figure=f"{analysis.alignment:.0f}"),
                    "heading",
                )
            )
        readings = QGridLayout()
        readings.setHorizontalSpacing(self.text_size)
        for column, side in enumerate(SIDES):
            reading = analysis.readings[side]
            card = self._card(side)
            layout = card.layout()
            assert isinstance(layout, QVBoxLayout)
            layout.addWidget(_label(names[side], "muted"))
            if reading.shares is None or reading.leading is None:
                text = self.tr("Not enough answers yet for a reading")
            else:
                text = self.tr("Describes {kind} ({share}%)").format(
                    kind=kind_phrase(reading.leading),
                    share=round(100 * reading.shares[reading.leading]),
                )
            layout.addWidget(_label(text, "answer"))
            readings.addWidget(card, 0, column)
            readings.setColumnStretch(column, 1)
        self.body.addLayout(readings)
        agenda = analysis.agenda[:AGENDA_SHOWN]
        if not agenda:
            self.body.addWidget(
                _label(self.tr("Nothing on the agenda: every answer agrees or is close."))
            )
            return
        self.body.addWidget(
            _label(
                self.tr("On the agenda: {shown} of {count}").format(
                    shown=len(agenda), count=len(analysis.agenda)
                ),
                "heading",
            )
        )
        numbers = question_numbers(session.template)
        for item in agenda:
            question = session.template.question(item.question_id)
            answers = {side: session.answer(side, item.question_id) for side in SIDES}
            self.body.addWidget(_label(f"{numbers[item.question_id]}  {question.prompt}"))
            self.body.addWidget(_label(agenda_line(question, answers, names), "small"))

    def _show_agenda_item(self, session: Session) -> None:
        assert self.editor is not None
        analysis = self.editor.analysis()
        progress = agreement_progress(session, analysis)
        summary = self.tr("{resolved} of {total} resolved, {parked} parked").format(
            resolved=progress.resolved, total=progress.total, parked=progress.parked
        )
        question_id = self.focus_state.item_id
        if question_id is None or not session.template.has_question(question_id):
            self.body.addWidget(_label(summary, "title"))
            return
        question = session.template.question(question_id)
        section = session.template.section_of(question_id)
        self.body.addWidget(
            _label(
                self.tr("{section} \u00b7 {progress}").format(
                    section=section.title, progress=summary
                ),
                "muted",
            )
        )
        self.body.addWidget(_label(question.prompt, "title"))
        self._answer_cards(session, question_id)
        item = session.agreement.items.get(question_id) or AgreementItem()
        names = {side: party_name(session, side) for side in SIDES}
        self.body.addWidget(_label(self._position_text(session, question_id, item, names)))
        if item.wording:
            self.body.addWidget(_label(item.wording, "answer"))

    def _position_text(
        self, session: Session, question_id: str, item: AgreementItem, names: dict[Side, str]
    ) -> str:
        """The position being agreed, in words."""
        if item.resolution is None:
            assert self.editor is not None
            status = status_text(self.editor.analysis().question(question_id))
            return self.tr("{status}: not settled yet").format(status=status)
        if item.resolution == "parked":
            if item.owner:
                return self.tr("Parked as an open issue, taken forward by {owner}").format(
                    owner=item.owner
                )
            return self.tr("Parked as an open issue")
        if item.resolution in ("adopt_a", "adopt_b"):
            side: Side = "A" if item.resolution == "adopt_a" else "B"
            return self.tr("Agreed: {name}'s answer").format(name=names[side])
        question = session.template.question(question_id)
        words = answer_in_words(question, Answer(value=item.value), names)
        if words is not None:
            return self.tr("Agreed position: {answer}").format(answer=words)
        return self.tr("Agreed position")

    def _show_charter(self, session: Session) -> None:
        agreement = session.agreement
        workshop = session.workshop
        self.body.addWidget(_label(self.tr("The partnership charter"), "muted"))
        self.body.addWidget(_label(workshop.title or self.tr("Untitled workshop"), "title"))
        names = [session.party(side).organisation or party_name(session, side) for side in SIDES]
        self.body.addWidget(
            _label(self.tr("{a} and {b}").format(a=names[0], b=names[1]), "heading")
        )
        record = agreement.last_charter
        facts = [
            self.tr("Agreed") if agreement.status == "agreed" else self.tr("Draft"),
            self.tr("Version {version}").format(version=record.version)
            if record is not None
            else self.tr("Not exported yet"),
        ]
        if workshop.date:
            facts.insert(0, workshop.date.strftime("%d %B %Y").lstrip("0"))
        self.body.addWidget(_label(" \u00b7 ".join(facts)))
        holds = []
        if agreement.agreed_kind is not None:
            holds.append(
                self.tr("The agreed kind of relationship: {kind}").format(
                    kind=kind_phrase(agreement.agreed_kind)
                )
            )
        holds.append(
            self.tr("The shared definition")
            if agreement.definition
            else self.tr("No shared definition yet")
        )
        if answers_hidden_reason(session) is None:
            assert self.editor is not None
            progress = agreement_progress(session, self.editor.analysis())
            holds.append(
                self.tr("{resolved} agreed positions, {parked} parked").format(
                    resolved=progress.resolved + len(progress.carried_over),
                    parked=progress.parked,
                )
            )
        holds.append(self.tr("{count} action items").format(count=len(agreement.action_items)))
        holds.append(self.tr("{count} signatories").format(count=len(agreement.signatories)))
        self.body.addWidget(_label(self.tr("It holds"), "heading"))
        for line in holds:
            self.body.addWidget(_label(f"\u2022 {line}"))

    # --- pieces ---------------------------------------------------------------------------------

    def _card(self, side: Side) -> QFrame:
        assert self.editor is not None
        card = party_card(self.editor.session.party(side).colour)
        layout = QVBoxLayout(card)
        pad = round(self.text_size * 0.7)
        layout.setContentsMargins(pad, pad, pad, pad)
        layout.setSpacing(round(self.text_size * 0.3))
        return card

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        self.toggle_full_screen()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        super().closeEvent(event)
        self.closed.emit()
