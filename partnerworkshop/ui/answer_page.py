"""The Answer step: the questionnaire section by section, one column per party.

Only the current section's questions are built, so a long questionnaire opens quickly. In blind
mode the hidden party's column is not built at all until the section is revealed: its answers
exist nowhere in the window, not even greyed out or in a tooltip.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..model.base import SIDES, Side, other_side
from ..model.consolidation import propose, representatives_differ
from ..model.edits import Edit, SessionEditor
from ..model.progress import section_progress
from ..model.session import Answer, AnsweringMode, Importance, Session
from ..model.template import AnswerValue, Question, Section
from . import dialogs
from .answer_inputs import ChoiceRow, PlainTextField, TextInput, make_input
from .common import label, party_name, plain_tooltip, try_edit
from .icons import icon
from .respondents import answer_in_words, respondent_label, respondent_short_label

IMPORTANCES: tuple[Importance, ...] = ("low", "normal", "high")
COLOUR_BAR = 4
"""The height of the bar in the party's colour on top of each party's column (pixels)."""


def visible_sides(session: Session, section_id: str) -> tuple[Side, ...]:
    """Whose answers may be shown in a section: both, or in blind mode only the one answering."""
    if session.pack_for is not None:
        return (session.pack_for,)
    answering = session.answering
    if answering.mode == "blind" and section_id not in answering.revealed:
        return (answering.current,)
    return SIDES


def answering_representative(session: Session, side: Side) -> str | None:
    """The representative answering now for a party that answers individually; None when the
    party answers as one or is settling its own answers."""
    if not session.party(side).answers_individually:
        return None
    return session.answering.representatives.get(side)


def column_title(session: Session, side: Side, representative: str | None) -> str:
    """ "Northwind", or "Northwind: James Whitfield" above a representative's own answers."""
    if representative is None:
        return party_name(session, side)
    respondent = next(
        r for r in session.party(side).respondents(side) if r.representative_id == representative
    )
    return QCoreApplication.translate("AnswerPage", "{party}: {person}").format(
        party=party_name(session, side), person=respondent_short_label(respondent)
    )


class PartyColumn(QFrame):
    """One party's answer to one question (or, for a party answering individually, the
    answer of the representative answering now): the input, not sure, importance and comment.
    While such a party settles its own answers, the column also shows the proposal."""

    def __init__(self, editor: SessionEditor, question: Question, side: Side) -> None:
        super().__init__()
        self.editor = editor
        self.question = question
        self.side = side
        session = editor.session
        self.representative = answering_representative(session, side)
        names = (party_name(session, "A"), party_name(session, "B"))
        colours = (session.parties.A.colour, session.parties.B.colour)
        who = column_title(session, side, self.representative)
        self.setObjectName(f"column-{side}")
        self.colour = QColor(session.party(side).colour)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8 + COLOUR_BAR, 10, 8)
        header = QHBoxLayout()
        title = label(who, "heading", wrap=False)
        header.addWidget(title, 1)
        self.clear_button = QToolButton()
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setAccessibleName(self.tr("{who}: clear the answer").format(who=who))
        self.clear_button.setToolTip(self.tr("Remove this answer"))
        header.addWidget(self.clear_button)
        layout.addLayout(header)

        self.input = make_input(question, who, names, colours)
        layout.addWidget(self.input)

        self.not_sure = QCheckBox()
        self.not_sure.setAccessibleName(
            self.tr("{who}: not sure / needs discussion").format(who=who)
        )
        # Its words wrap like a choice's, so that a narrow column at a large zoom still fits.
        not_sure_row = ChoiceRow(self.not_sure, self.tr("Not sure / needs discussion"), "")
        not_sure_row.setVisible(question.allow_not_sure)
        layout.addWidget(not_sure_row)

        row = QHBoxLayout()
        row.addWidget(label(self.tr("Importance:"), "muted", wrap=False))
        self.importance = QComboBox()
        self.importance.addItems([self.tr("Low"), self.tr("Normal"), self.tr("High")])
        self.importance.setAccessibleName(self.tr("{who}: importance").format(who=who))
        row.addWidget(self.importance)
        row.addStretch(1)
        layout.addLayout(row)

        self.comment = PlainTextField()
        self.comment.setPlaceholderText(self.tr("Comment (optional)"))
        self.comment.setAccessibleName(self.tr("{who}: comment").format(who=who))
        layout.addWidget(self.comment)

        self.settle_panel: SettlePanel | None = None
        if self.representative is None and session.party(side).answers_individually:
            self.settle_panel = SettlePanel(editor, question, side)
            layout.addWidget(self.settle_panel)

        self.refresh()
        self.input.committed.connect(self._answer)
        if isinstance(self.input, TextInput):
            self.input.finished.connect(editor.seal)
        self.clear_button.clicked.connect(self._clear)
        self.not_sure.toggled.connect(
            lambda checked: try_edit(
                self,
                lambda: editor.set_not_sure(side, question.id, checked, self.representative),
            )
        )
        self.importance.activated.connect(self._importance)
        self.comment.textChanged.connect(self._comment)
        self.comment.left.connect(editor.seal)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        # The party's colour as a bar along the top: painted, because a style sheet per
        # column makes a long section slow to build.
        super().paintEvent(event)
        QPainter(self).fillRect(0, 0, self.width(), COLOUR_BAR, self.colour)

    def current_answer(self) -> Answer:
        session = self.editor.session
        if self.representative is None:
            return session.answer(self.side, self.question.id)
        return session.representative_answer(self.side, self.representative, self.question.id)

    def refresh(self) -> None:
        answer = self.current_answer()
        if self.settle_panel is not None:
            self.settle_panel.refresh()
        self.input.show_value(answer.value)
        self.clear_button.setEnabled(answer.value is not None)
        self.not_sure.blockSignals(True)
        self.not_sure.setChecked(answer.not_sure)
        self.not_sure.blockSignals(False)
        self.importance.blockSignals(True)
        self.importance.setCurrentIndex(IMPORTANCES.index(answer.importance))
        self.importance.blockSignals(False)
        if self.comment.toPlainText() != answer.comment:
            self.comment.blockSignals(True)
            self.comment.setPlainText(answer.comment)
            self.comment.blockSignals(False)

    def _answer(self, value: object) -> None:
        answer = cast(AnswerValue | None, value)  # what the question's own input produced
        try_edit(
            self,
            lambda: self.editor.set_answer(
                self.side, self.question.id, answer, self.representative
            ),
        )

    def _clear(self) -> None:
        try_edit(
            self,
            lambda: self.editor.set_answer(self.side, self.question.id, None, self.representative),
        )

    def _importance(self, index: int) -> None:
        try_edit(
            self,
            lambda: self.editor.set_importance(
                self.side, self.question.id, IMPORTANCES[index], self.representative
            ),
        )

    def _comment(self) -> None:
        text = self.comment.toPlainText()
        try_edit(
            self,
            lambda: self.editor.set_comment(self.side, self.question.id, text, self.representative),
        )


class SettlePanel(QFrame):
    """What a party's representatives answered to one question, the answer proposed from
    theirs, and the buttons to settle the party's answer: the proposal, or the answer above."""

    def __init__(self, editor: SessionEditor, question: Question, side: Side) -> None:
        super().__init__()
        self.editor = editor
        self.question = question
        self.side = side
        self.setProperty("role", "settle")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(4)
        self.status = label(role="prompt")
        layout.addWidget(self.status)
        self.given = label(role="muted")
        layout.addWidget(self.given)
        self.proposal = label()
        layout.addWidget(self.proposal)
        row = QHBoxLayout()
        name = party_name(editor.session, side)
        self.take = QPushButton(self.tr("Take the proposal"))
        self.take.setAccessibleName(self.tr("{name}: take the proposed answer").format(name=name))
        self.confirm = QPushButton(self.tr("Settle on this answer"))
        self.confirm.setAccessibleName(
            self.tr("{name}: settle on the answer shown").format(name=name)
        )
        row.addWidget(self.take)
        row.addWidget(self.confirm)
        row.addStretch(1)
        layout.addLayout(row)
        self.take.clicked.connect(self._take)
        self.confirm.clicked.connect(self._confirm)

    def _given(self) -> list[tuple[str, Answer]]:
        session = self.editor.session
        return [
            (
                respondent_label(session, self.side, respondent),
                session.representative_answer(
                    self.side, respondent.representative_id, self.question.id
                ),
            )
            for respondent in session.party(self.side).respondents(self.side)
        ]

    def proposed(self) -> Answer:
        return propose(self.question, [answer for _, answer in self._given()])

    def refresh(self) -> None:
        session = self.editor.session
        given = self._given()
        answers = [answer for _, answer in given]
        settled = self.question.id in session.individual_of(self.side).settled
        if settled:
            self.status.setText(self.tr("Settled"))
        elif representatives_differ(answers):
            self.status.setText(self.tr("The representatives differ: settle it together"))
        else:
            self.status.setText(self.tr("To settle"))
        lines = [
            self.tr("{person}: {answer}").format(
                person=person, answer=answer_in_words(self.question, answer)
            )
            for person, answer in given
            if not answer.is_empty
        ]
        self.given.setText(
            "\n".join(lines) if lines else self.tr("No representative has answered.")
        )
        proposal = propose(self.question, answers)
        self.proposal.setText(
            self.tr("Proposed: {answer}").format(answer=answer_in_words(self.question, proposal))
        )
        self.take.setEnabled(not proposal.is_empty)

    def _take(self) -> None:
        current = self.editor.session.answer(self.side, self.question.id)
        proposal = self.proposed().model_copy(update={"comment": current.comment})
        try_edit(self, lambda: self.editor.settle(self.side, self.question.id, proposal))

    def _confirm(self) -> None:
        current = self.editor.session.answer(self.side, self.question.id)
        try_edit(self, lambda: self.editor.settle(self.side, self.question.id, current))


class QuestionCard(QFrame):
    def __init__(
        self, editor: SessionEditor, question: Question, number: str, sides: tuple[Side, ...]
    ) -> None:
        super().__init__()
        self.question = question
        self.setProperty("role", "card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(8)
        top = QHBoxLayout()
        prompt = label(f"{number}  {question.prompt}", "prompt")
        top.addWidget(prompt, 1)
        self.help_button = QToolButton()
        self.help_button.setIcon(icon("help"))
        self.help_button.setText(self.tr("Help"))
        self.help_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.help_button.setCheckable(True)
        self.help_button.setAccessibleName(
            self.tr("Help for question {number}").format(number=number)
        )
        top.addWidget(self.help_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        self.help = label(question.help, "help")
        self.help.setVisible(False)
        layout.addWidget(self.help)
        self.help_button.toggled.connect(self.help.setVisible)
        if not question.required:
            layout.addWidget(label(self.tr("Optional"), "muted"))

        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        self.columns: dict[Side, PartyColumn] = {}
        for position, side in enumerate(sides):
            column = PartyColumn(editor, question, side)
            self.columns[side] = column
            grid.addWidget(column, 0, position)
            grid.setColumnStretch(position, 1)
        if len(sides) == 1:
            grid.setColumnStretch(1, 1)  # one party alone keeps a column's width
        layout.addLayout(grid)

    def refresh(self, side: Side | None = None) -> None:
        for column_side, column in self.columns.items():
            if side is None or side == column_side:
                column.refresh()


class AnswerPage(QWidget):
    """Sections on the left with each party's progress; the section's questions on the right."""

    question_shown = Signal(str)
    section_shown = Signal(str)
    """The id of the section now shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.editor: SessionEditor | None = None
        self.cards: dict[str, QuestionCard] = {}
        self._section_index = 0
        self._stale = True
        self._changed: set[tuple[Side, str]] = set()
        """Answers changed while the page was hidden: (party, question id)."""

        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 8, 16, 8)
        outer.addLayout(self._build_mode_bar())
        self.pack_banner = label(role="help")
        self.pack_banner.setVisible(False)
        outer.addWidget(self.pack_banner)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.sections = QListWidget()
        self.sections.setObjectName("sections")
        self.sections.setAccessibleName(self.tr("Sections"))
        self.sections.setWordWrap(True)
        # Long titles wrap within the list's width instead of running past it.
        self.sections.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sections.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.sections.currentRowChanged.connect(self._section_chosen)
        splitter.addWidget(self.sections)

        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setAccessibleName(self.tr("Questions of the section"))
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        splitter.addWidget(self.scroll_area)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 900])
        outer.addWidget(splitter, 1)

    def _build_mode_bar(self) -> QVBoxLayout:
        """How the parties answer; in blind mode, a second row: who answers now, and Reveal."""
        rows = QVBoxLayout()
        bar = QHBoxLayout()
        self.mode_label = label(self.tr("Answering:"), wrap=False)
        bar.addWidget(self.mode_label)
        self.side_by_side = QRadioButton(self.tr("Side by side"))
        self.blind = QRadioButton(self.tr("Blind (one party at a time)"))
        self.side_by_side.setAccessibleName(self.tr("Answer side by side"))
        self.blind.setAccessibleName(self.tr("Answer blind, one party at a time"))
        self._mode_group = QButtonGroup(self)
        self._mode_group.addButton(self.side_by_side)
        self._mode_group.addButton(self.blind)
        bar.addWidget(self.side_by_side)
        bar.addWidget(self.blind)
        bar.addStretch(1)
        rows.addLayout(bar)

        self.blind_row = QWidget()
        blind_bar = QHBoxLayout(self.blind_row)
        blind_bar.setContentsMargins(0, 0, 0, 0)
        blind_bar.addWidget(label(self.tr("Now answering:"), wrap=False))
        self.current = QComboBox()
        self.current.setAccessibleName(self.tr("Party answering now"))
        blind_bar.addWidget(self.current)
        self.reveal = QPushButton(icon("reveal"), self.tr("Reveal this section"))
        self.reveal.setAccessibleName(self.tr("Reveal both parties' answers in this section"))
        blind_bar.addWidget(self.reveal)
        self.blind_note = label(role="muted")
        blind_bar.addWidget(self.blind_note, 1)
        self.blind_row.setVisible(False)
        rows.addWidget(self.blind_row)

        self.individual_rows: dict[Side, IndividualRow] = {}
        for side in SIDES:
            row = IndividualRow(self, side)
            row.setVisible(False)
            self.individual_rows[side] = row
            rows.addWidget(row)

        self.side_by_side.clicked.connect(lambda: self._set_mode("side_by_side"))
        self.blind.clicked.connect(lambda: self._set_mode("blind"))
        self.current.activated.connect(self._current_chosen)
        self.reveal.clicked.connect(self._reveal)
        return rows

    # --- document -------------------------------------------------------------------------------

    def set_editor(self, editor: SessionEditor) -> None:
        self.editor = editor
        self._section_index = 0
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._stale:
            self.refresh()
        elif self._changed:
            self._show_changed_answers()

    def on_edit(self, edit: Edit) -> None:
        if self.editor is None:
            return
        if edit.touches("template") or edit.touches("parties") or edit.touches("answering"):
            self._stale = True  # the layout itself changes: rebuilt now, or when shown
            if self.isVisible():
                self.refresh()
            return
        for change in edit.changes:
            if change.path[0] == "individual":
                # A representative's answers, or what the party settled: each shown question
                # of that party may show them.
                side = cast(Side, change.path[1])
                self._changed.update((side, question_id) for question_id in self.cards)
                continue
            if change.path[0] != "answers":
                continue
            if len(change.path) == 3:
                side = cast(Side, change.path[1])
                self._changed.add((side, str(change.path[2])))
            else:
                self._stale = True  # all the answers at once
        if self.isVisible():
            if self._stale:
                self.refresh()
            elif self._changed:
                self._show_changed_answers()

    def _show_changed_answers(self) -> None:
        """Update the progress and the questions whose answers changed; nothing is rebuilt."""
        self._update_progress()
        for side, question_id in self._changed:
            card = self.cards.get(question_id)
            if card is not None:
                card.refresh(side)
        self._changed.clear()

    def refresh(self) -> None:
        """Rebuild the section list and the current section from the session."""
        if self.editor is None:
            return
        self._stale = False
        self._changed.clear()
        session = self.editor.session
        self._refresh_mode_bar()
        self.sections.blockSignals(True)
        self.sections.clear()
        for section in session.template.sections:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, section.id)
            self.sections.addItem(item)
        self._section_index = min(self._section_index, len(session.template.sections) - 1)
        self.sections.setCurrentRow(self._section_index)
        self.sections.blockSignals(False)
        self._update_progress()
        self._build_section()

    def _refresh_mode_bar(self) -> None:
        assert self.editor is not None
        session = self.editor.session
        packed = session.pack_for is not None
        for mode_widget in (self.mode_label, self.side_by_side, self.blind):
            mode_widget.setVisible(not packed)
        if packed and session.pack_for_representative is not None:
            assert session.pack_for is not None
            person = column_title(session, session.pack_for, session.pack_for_representative)
            self.pack_banner.setText(
                self.tr(
                    "This is the answer pack of {person}: only their own answers are shown here "
                    "and saved in this file. Send the saved file back to the facilitator."
                ).format(person=person)
            )
        elif packed:
            assert session.pack_for is not None
            self.pack_banner.setText(
                self.tr(
                    "This is {name}'s answer pack: only {name}'s answers are shown here and saved "
                    "in this file. Send the saved file back to the facilitator."
                ).format(name=party_name(session, session.pack_for))
            )
        self.pack_banner.setVisible(packed)
        blind = session.answering.mode == "blind"
        (self.blind if blind else self.side_by_side).setChecked(True)
        self.current.clear()
        for side in SIDES:
            self.current.addItem(party_name(session, side), side)
        self.current.setCurrentIndex(SIDES.index(session.answering.current))
        self.blind_row.setVisible(blind and not packed)
        for row in self.individual_rows.values():
            row.refresh()

    def _update_progress(self) -> None:
        assert self.editor is not None
        session = self.editor.session
        for row, section in enumerate(session.template.sections):
            parts = []
            for side in SIDES:
                progress = section_progress(session, side, section)
                parts.append(
                    self.tr("{name} {done}/{total}").format(
                        name=party_name(session, side),
                        done=progress.responded,
                        total=progress.total,
                    )
                )
            item = self.sections.item(row)
            item.setText(f"{row + 1}. {section.title}\n" + " · ".join(parts))
            item.setToolTip(plain_tooltip(section.title))
        self._update_blind_note()

    def _update_blind_note(self) -> None:
        assert self.editor is not None
        session = self.editor.session
        section = self.current_section()
        if section is None or session.answering.mode != "blind" or session.pack_for is not None:
            self.blind_note.setText("")
            return
        revealed = section.id in session.answering.revealed
        self.reveal.setEnabled(not revealed)
        hidden = other_side(session.answering.current)
        self.blind_note.setText(
            self.tr("Answers revealed in this section.")
            if revealed
            else self.tr("{name}'s answers are hidden.").format(name=party_name(session, hidden))
        )

    def current_section(self) -> Section | None:
        if self.editor is None:
            return None
        sections = self.editor.session.template.sections
        return sections[self._section_index] if 0 <= self._section_index < len(sections) else None

    def _section_chosen(self, row: int) -> None:
        if row < 0 or (row == self._section_index and self.cards):
            return
        self._section_index = row
        self._build_section()
        self._update_blind_note()

    def _build_section(self) -> None:
        assert self.editor is not None
        section = self.current_section()
        container = QWidget()
        container.setObjectName("page")
        layout = QVBoxLayout(container)
        layout.setContentsMargins(8, 4, 8, 16)
        layout.setSpacing(14)
        self.cards = {}
        if section is not None:
            layout.addWidget(label(section.title, "title"))
            if section.introduction:
                layout.addWidget(label(section.introduction, "muted"))
            sides = visible_sides(self.editor.session, section.id)
            for number, question in enumerate(section.questions, start=1):
                card = QuestionCard(
                    self.editor, question, f"{self._section_index + 1}.{number}", sides
                )
                self.cards[question.id] = card
                layout.addWidget(card)
        layout.addStretch(1)
        old = self.scroll_area.takeWidget()
        self.scroll_area.setWidget(container)
        if old is not None:
            old.deleteLater()
        self.section_shown.emit(section.id if section is not None else "")

    def show_question(self, question_id: str) -> None:
        """Open the section holding the question and bring the question into view."""
        if self.editor is None or not self.editor.session.template.has_question(question_id):
            return
        if self._stale:
            self.refresh()
        sections = self.editor.session.template.sections
        section = self.editor.session.template.section_of(question_id)
        self.sections.setCurrentRow(sections.index(section))
        card = self.cards[question_id]
        QTimer.singleShot(0, lambda: self.scroll_area.ensureWidgetVisible(card, 0, 0))
        first_column = next(iter(card.columns.values()))
        first_column.input.focus_first()
        self.question_shown.emit(question_id)

    # --- answering mode -------------------------------------------------------------------------

    def _set_mode(self, mode: AnsweringMode) -> None:
        assert self.editor is not None
        editor = self.editor
        answering = editor.session.answering
        hidden = [
            section
            for section in editor.session.template.sections
            if section.id not in answering.revealed
        ]
        if (
            mode == "side_by_side"
            and answering.mode == "blind"
            and hidden
            and not dialogs.confirm(
                self,
                self.tr("Show both parties' answers?"),
                self.tr(
                    "Side by side, both parties' answers are shown in every section, including "
                    "{count} not revealed yet."
                ).format(count=len(hidden)),
                self.tr("Show them side by side"),
            )
        ):
            self.blind.setChecked(True)
            return
        try_edit(self, lambda: editor.set_answer_mode(mode))

    def _current_chosen(self, index: int) -> None:
        assert self.editor is not None
        editor = self.editor
        try_edit(self, lambda: editor.set_answering_party(SIDES[index]))

    def _reveal(self) -> None:
        assert self.editor is not None
        section = self.current_section()
        if section is None:
            return
        session = self.editor.session
        incomplete = [
            party_name(session, side)
            for side in SIDES
            if not section_progress(session, side, section).complete
        ]
        if incomplete:
            confirmed = dialogs.confirm(
                self,
                self.tr("Reveal before everyone has answered?"),
                self.tr(
                    "Not every required question in this section has been answered by {names}. "
                    "Once revealed, the answers stay visible."
                ).format(names=self.tr(" and ").join(incomplete)),
                self.tr("Reveal anyway"),
            )
            if not confirmed:
                return
        editor = self.editor
        try_edit(self, lambda: editor.reveal_section(section.id))


class IndividualRow(QWidget):
    """For a party whose representatives answer individually: who answers now (one at a time,
    with a hand-over between them), or the party settling its own answers from theirs."""

    def __init__(self, page: AnswerPage, side: Side) -> None:
        super().__init__()
        self.page = page
        self.side = side
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = label(wrap=False)
        layout.addWidget(self.title)
        self.choice = QComboBox()
        layout.addWidget(self.choice)
        self.settle_agreed = QPushButton(self.tr("Settle what they agree on"))
        layout.addWidget(self.settle_agreed)
        self.note = label(role="muted")
        layout.addWidget(self.note, 1)
        self.choice.activated.connect(self._chosen)
        self.settle_agreed.clicked.connect(self._settle_agreed)

    @property
    def editor(self) -> SessionEditor:
        assert self.page.editor is not None
        return self.page.editor

    def refresh(self) -> None:
        session = self.editor.session
        party = session.party(self.side)
        shown = party.answers_individually and session.pack_for is None
        self.setVisible(shown)
        if not shown:
            return
        name = party_name(session, self.side)
        self.title.setText(self.tr("{name} answers individually. Now:").format(name=name))
        self.choice.setAccessibleName(self.tr("Who answers now for {name}").format(name=name))
        self.settle_agreed.setAccessibleName(
            self.tr("{name}: settle every answer its representatives agree on").format(name=name)
        )
        self.choice.clear()
        self.choice.addItem(self.tr("{name} settles its answers").format(name=name), None)
        for respondent in party.respondents(self.side):
            self.choice.addItem(
                respondent_label(session, self.side, respondent), respondent.representative_id
            )
        current = session.answering.representatives.get(self.side)
        self.choice.setCurrentIndex(max(0, self.choice.findData(current)))
        settling = current is None
        self.settle_agreed.setVisible(settling)
        settled = len(session.individual_of(self.side).settled)
        self.note.setText(
            self.tr("{count} questions settled.").format(count=settled)
            if settling
            else self.tr("Only this representative's own answers are shown.")
        )
        if not party.representatives:
            self.note.setText(self.tr("Add its representatives in Set up."))

    def _chosen(self, index: int) -> None:
        representative = self.choice.itemData(index)
        try_edit(self, lambda: self.editor.set_answering_representative(self.side, representative))

    def _settle_agreed(self) -> None:
        settled = try_edit(self, lambda: self.editor.settle_where_agreed(self.side))
        if settled == 0:
            self.note.setText(self.tr("Nothing more they all agree on to settle."))
