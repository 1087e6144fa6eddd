"""The Agree step: walk the agenda, record what is agreed, draft the definition, name who signs.

Typing in a field never rebuilds the page: edits update the widgets that show them in place,
so the cursor stays where the facilitator is typing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..model.agreement import (
    AgreementCheck,
    AgreementProgress,
    agenda_by_theme,
    agreement_check,
    agreement_progress,
    draft_definition,
    halfway_share,
    proposed_kind,
)
from ..model.analysis import Analysis
from ..model.base import SIDES, Side
from ..model.edits import ActionItemField, Edit, ItemField, SessionEditor, SignatoryField
from ..model.kinds import RelationshipKind
from ..model.positions import ADOPTED_SIDE, agreed_positions, position_of
from ..model.session import ActionItem, AgreementItem, Resolution, Session, Signatory
from ..model.statements import FIRST_OR_SECOND_PERSON
from ..model.template import AnswerValue, Questionnaire, SplitQuestion, TextQuestion
from . import dialogs
from .answer_inputs import PlainTextField, make_input
from .common import (
    answer_in_words,
    kind_label,
    label,
    overflow_area,
    party_card,
    party_name,
    plain_tooltip,
    status_text,
    try_edit,
)
from .dates import date_field, open_calendar_near, qdate
from .icons import icon
from .step_status import what_agreed_needs
from .steps import StepPage
from .user_files import AgendaOrder, UserFiles

# Item data is never None: PySide6 6.12 on Python 3.11 releases None once too often each time it
# hands back an empty item value, which in time crashes the interpreter.
HEADING = ""
"""The data of a heading in the list of questions (a question's id is never empty)."""
NONE = ""
"""The data of a choice that means "none" in a list (no kind agreed, no party)."""

NO_DATE = QDate(2000, 1, 1)
"""Shown as "No date" in a date field: a parked item or action item need not have one."""

ACTION_STATUSES = ("open", "in_progress", "done")
AGENDA_ORDERS: tuple[AgendaOrder, ...] = ("pressing", "theme")
PREVIOUS_ITEM_KEY = "Alt+PgUp"
NEXT_ITEM_KEY = "Alt+PgDown"
Choice = Resolution | None
CHOICES: tuple[Choice, ...] = (None, "adopt_a", "adopt_b", "agreed", "parked")


def _date_field(accessible_name: str, session: Callable[[], Session]) -> QDateEdit:
    field = date_field(accessible_name)
    field.setMinimumDate(NO_DATE)
    field.setSpecialValueText(QCoreApplication.translate("Agree", "No date"))
    open_calendar_near(field, lambda: _calendar_start(session()))
    return field


def _calendar_start(session: Session) -> QDate:
    """Where a due date's calendar opens: at the workshop's date, or today once that is past
    (a due date lies after both)."""
    today = QDate.currentDate()
    day = session.workshop.date
    return today if day is None else max(today, qdate(day))


def _show_date(field: QDateEdit, value: dt.date | None) -> None:
    with QSignalBlocker(field):
        field.setDate(NO_DATE if value is None else qdate(value))


def _date_of(field: QDateEdit) -> dt.date | None:
    value = field.date()
    return None if value == NO_DATE else dt.date(value.year(), value.month(), value.day())


def _show_plain(field: PlainTextField, text: str) -> None:
    if field.toPlainText() != text:
        with QSignalBlocker(field):
            field.setPlainText(text)


def _show_line(field: QLineEdit, text: str) -> None:
    if field.text() != text:
        field.setText(text)


def halfway_choice(names: dict[Side, str], share: int) -> str:
    """The one-click choice of the share halfway between the parties' answers to a split."""
    return QCoreApplication.translate(
        "AgreePage", "Agree {share_a} / {share_b}, halfway between the answers: {a} {share_a}%, "
        "{b} {share_b}%"
    ).format(share_a=share, share_b=100 - share, a=names["A"], b=names["B"])


def question_numbers(template: Questionnaire) -> dict[str, str]:
    """Each question's number as the Answer step shows it: section, then question ("2.3")."""
    return {
        question.id: f"{section_number}.{number}"
        for section_number, section in enumerate(template.sections, 1)
        for number, question in enumerate(section.questions, 1)
    }


class ItemPanel(QWidget):
    """One question on the agenda: both answers, how it is resolved, and notes."""

    def __init__(self, page: AgreePage, question_id: str) -> None:
        super().__init__()
        self.page = page
        self.question_id = question_id
        editor = page.editor
        assert editor is not None
        self.editor = editor
        session = editor.session
        self.question = session.template.question(question_id)
        names = (party_name(session, "A"), party_name(session, "B"))
        colours = (session.parties.A.colour, session.parties.B.colour)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 16)
        layout.setSpacing(10)
        section = session.template.section_of(question_id)
        number = question_numbers(session.template)[question_id]
        layout.addWidget(label(section.title, "muted"))
        layout.addWidget(label(f"{number}  {self.question.prompt}", "title"))
        self.state = label(role="muted")
        layout.addWidget(self.state)
        self.quick_hint = label(
            self.tr(
                "The answers are close: one click settles this item. Adopt one party's answer, "
                "or agree the share both accept."
            )
            if isinstance(self.question, SplitQuestion)
            else self.tr(
                "The answers are close: one click settles this item by adopting one party's answer."
            ),
            "help",
        )
        layout.addWidget(self.quick_hint)

        answers = QGridLayout()
        answers.setHorizontalSpacing(16)
        for column, side in enumerate(SIDES):
            answers.addWidget(self._answer_card(session, side), 0, column)
            answers.setColumnStretch(column, 1)
        layout.addLayout(answers)

        layout.addWidget(label(self.tr("How was it settled?"), "heading"))
        self.choices = QButtonGroup(self)
        texts = (
            self.tr("Not settled yet"),
            self.tr("Adopt {name}'s answer").format(name=names[0]),
            self.tr("Adopt {name}'s answer").format(name=names[1]),
            self.tr("Agreed position (a new wording, or a choice both accept)"),
            self.tr("Park it as an open issue, with an owner and a due date"),
        )
        self.choice_buttons: dict[Choice, QRadioButton] = {}
        self.halfway = halfway_share(session, question_id)
        self.halfway_button: QPushButton | None = None
        for index, (choice, text) in enumerate(zip(CHOICES, texts, strict=True)):
            button = QRadioButton(text)
            button.setAccessibleName(text)
            self.choices.addButton(button, index)
            self.choice_buttons[choice] = button
            layout.addWidget(button)
        if self.halfway is not None:
            # Beside the adoptions: the share in between is as quick to agree as either answer.
            share = self.halfway
            halfway = QPushButton(halfway_choice(dict(zip(SIDES, names, strict=True)), share))
            halfway.setAccessibleName(halfway.text())
            halfway.clicked.connect(lambda: self._agree_share(share))
            after_adoptions = layout.indexOf(self.choice_buttons["adopt_b"]) + 1
            layout.insertWidget(after_adoptions, halfway, 0, Qt.AlignmentFlag.AlignLeft)
            self.halfway_button = halfway
        adoptions: tuple[tuple[Side, Choice], ...] = (("A", "adopt_a"), ("B", "adopt_b"))
        for side, choice in adoptions:
            if not session.answer(side, question_id).is_answered:
                self.choice_buttons[choice].setEnabled(False)
                self.choice_buttons[choice].setToolTip(
                    plain_tooltip(
                        self.tr("{name} has not given an answer to adopt.").format(
                            name=party_name(session, side)
                        )
                    )
                )

        self.statement = label()
        self.statement.setAccessibleName(self.tr("The agreed position as the charter states it"))
        layout.addWidget(self.statement)

        self.agreed_box = QFrame()
        self.agreed_box.setProperty("role", "card")
        agreed = QVBoxLayout(self.agreed_box)
        self.adopted = label(role="heading")
        agreed.addWidget(self.adopted)
        self.agreed_input = None
        if not isinstance(self.question, TextQuestion):
            self.agreed_answer_label = label(self.tr("The agreed answer"), "muted")
            agreed.addWidget(self.agreed_answer_label)
            self.agreed_input = make_input(self.question, self.tr("Agreed"), names, colours)
            agreed.addWidget(self.agreed_input)
            self.agreed_input.committed.connect(self._agreed_value)
        agreed.addWidget(label(self.tr("The agreed wording (printed in the charter)"), "muted"))
        self.wording = PlainTextField()
        self.wording.setAccessibleName(self.tr("Agreed wording"))
        self.wording.setPlaceholderText(self.tr("In words both parties accept"))
        agreed.addWidget(self.wording)
        self.wording_person = label(role="warning")
        agreed.addWidget(self.wording_person)
        layout.addWidget(self.agreed_box)

        self.park_box = QFrame()
        self.park_box.setProperty("role", "card")
        park = QHBoxLayout(self.park_box)
        park.addWidget(label(self.tr("Owner:"), wrap=False))
        self.owner = QLineEdit()
        self.owner.setAccessibleName(self.tr("Who takes the parked issue forward"))
        self.owner.setPlaceholderText(self.tr("e.g. both legal teams"))
        park.addWidget(self.owner, 2)
        park.addWidget(label(self.tr("Due:"), wrap=False))
        self.due = _date_field(self.tr("Date the parked issue is due"), lambda: editor.session)
        park.addWidget(self.due, 1)
        layout.addWidget(self.park_box)

        layout.addWidget(label(self.tr("Notes"), "heading"))
        self.notes = PlainTextField()
        self.notes.setAccessibleName(self.tr("Notes on this question"))
        self.notes.setPlaceholderText(self.tr("What was said, what it depends on"))
        layout.addWidget(self.notes)

        self.reopen = QPushButton(self.tr("Reopen for discussion"))
        self.reopen.setAccessibleName(self.tr("Reopen this question for discussion"))
        layout.addWidget(self.reopen, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

        self.refresh()
        self.choices.idClicked.connect(self._choice_clicked)
        self.wording.textChanged.connect(lambda: self._field("wording", self.wording.toPlainText()))
        self.notes.textChanged.connect(lambda: self._field("notes", self.notes.toPlainText()))
        self.owner.textEdited.connect(lambda text: self._field("owner", text))
        self.due.dateChanged.connect(lambda _: self._field("due", _date_of(self.due)))
        for field in (self.wording, self.notes):
            field.left.connect(editor.seal)
        self.owner.editingFinished.connect(editor.seal)
        self.reopen.clicked.connect(lambda: try_edit(self, lambda: editor.reopen(question_id)))

    def _answer_card(self, session: Session, side: Side) -> QFrame:
        card = party_card(session.party(side).colour)
        layout = QVBoxLayout(card)
        layout.addWidget(label(party_name(session, side), "heading"))
        answer = session.answer(side, self.question_id)
        names: dict[Side, str] = {s: party_name(session, s) for s in SIDES}
        described = answer_in_words(self.question, answer, names) or self.tr("No answer")
        layout.addWidget(label(described))
        facts = [self.tr("Importance: {level}").format(level=self._importance(answer.importance))]
        if answer.not_sure:
            facts.append(self.tr("Not sure / needs discussion"))
        layout.addWidget(label(" \u00b7 ".join(facts), "muted"))
        if answer.comment:
            layout.addWidget(label(answer.comment, "muted"))
        return card

    def _importance(self, level: str) -> str:
        return {"low": self.tr("low"), "normal": self.tr("normal"), "high": self.tr("high")}[level]

    def item(self) -> AgreementItem:
        return self.editor.session.agreement.items.get(self.question_id) or AgreementItem()

    def refresh(self) -> None:
        """Show the agreement item as the session holds it, without disturbing typing."""
        session = self.editor.session
        item = self.item()
        progress = self.page.progress
        carried = progress is not None and self.question_id in progress.carried_over
        with QSignalBlocker(self.choices):
            self.choice_buttons[item.resolution].setChecked(True)
        for widget in self.choice_buttons.values():
            widget.setVisible(not carried)
        self.agreed_box.setVisible(
            not carried and item.resolution in ("agreed", "adopt_a", "adopt_b")
        )
        if self.agreed_input is not None:
            self.agreed_answer_label.setVisible(item.resolution == "agreed")
            self.agreed_input.setVisible(item.resolution == "agreed")
            self.agreed_input.show_value(item.value if item.resolution == "agreed" else None)
        self.park_box.setVisible(item.resolution == "parked")
        _show_plain(self.wording, item.wording)
        person = FIRST_OR_SECOND_PERSON.search(item.wording)
        self.wording_person.setText(
            self.tr(
                'The charter speaks of {a} and {b} by name, but this wording says "{word}": '
                "who is meant may be unclear to a reader."
            ).format(
                a=party_name(session, "A"),
                b=party_name(session, "B"),
                word=person.group(0) if person else "",
            )
        )
        self.wording_person.setVisible(person is not None)
        _show_plain(self.notes, item.notes)
        _show_line(self.owner, item.owner)
        _show_date(self.due, item.due)
        self.reopen.setVisible(carried)
        self.state.setText(self.page.state_text(self.question_id))
        settled = progress is not None and progress.is_settled(self.question_id)
        quick = progress is not None and self.question_id in progress.quick
        self.quick_hint.setVisible(quick and not settled)
        if self.halfway_button is not None:
            agreed_halfway = item.resolution == "agreed" and item.value == self.halfway
            self.halfway_button.setVisible(quick and not agreed_halfway)
        position = position_of(session, self.question_id)
        self.statement.setText(
            self.tr("In the charter: {statement}").format(statement=position.statement)
            if position.statement
            else ""
        )
        self.statement.setVisible(bool(position.statement))
        adopted = ADOPTED_SIDE.get(position.reached)
        if adopted is not None:
            names: dict[Side, str] = {side: party_name(session, side) for side in SIDES}
            answer = session.answer(adopted, self.question_id).model_copy(
                update={"value": position.value, "not_sure": False}
            )
            self.adopted.setText(
                self.tr("Adopted: {name}'s answer, {answer}").format(
                    name=names[adopted], answer=answer_in_words(self.question, answer, names) or ""
                )
            )
        self.adopted.setVisible(adopted is not None)

    def _choice_clicked(self, index: int) -> None:
        choice = CHOICES[index]
        editor, question_id = self.editor, self.question_id
        session = editor.session
        if choice == "parked":
            item = self.item()
            try_edit(self, lambda: editor.park(question_id, item.owner, item.due))
        elif choice in ("adopt_a", "adopt_b"):
            side: Side = "A" if choice == "adopt_a" else "B"
            value = session.answer(side, question_id).value  # a copy: later answer edits stay out
            try_edit(self, lambda: editor.resolve(question_id, choice, value=value))
        elif choice == "agreed":
            current = self.item()
            value = (
                current.value if current.resolution in ("agreed", "adopt_a", "adopt_b") else None
            )
            try_edit(self, lambda: editor.resolve(question_id, "agreed", value=value))
        else:
            try_edit(self, lambda: editor.resolve(question_id, None))
        self.refresh()

    def _agree_share(self, share: int) -> None:
        editor, question_id = self.editor, self.question_id
        try_edit(self, lambda: editor.resolve(question_id, "agreed", value=share))
        self.refresh()

    def _agreed_value(self, value: Any) -> None:
        editor, question_id = self.editor, self.question_id
        try_edit(self, lambda: editor.resolve(question_id, "agreed", value=value))

    def _field(self, name: ItemField, value: str | dt.date | None) -> None:
        editor, question_id = self.editor, self.question_id
        try_edit(self, lambda: editor.set_item_field(question_id, name, value))


def _enable_on(widget: QWidget, index: int, chosen: int) -> None:
    widget.setEnabled(chosen == index)


class QuickItemsDialog(QDialog):
    """Several items with close answers, each settled with its own one value, in one go.

    Each row offers Party A's answer, Party B's answer and, for a split, the share halfway
    between them or another share both accept; "Leave for now" keeps an item on the agenda.
    """

    def __init__(self, page: AgreePage, question_ids: list[str]) -> None:
        super().__init__(page)
        assert page.editor is not None
        session = page.editor.session
        self.setWindowTitle(self.tr("Settle close items"))
        self.setAccessibleName(self.tr("Settle close items"))
        names: dict[Side, str] = {side: party_name(session, side) for side in SIDES}
        numbers = question_numbers(session.template)
        layout = QVBoxLayout(self)
        layout.addWidget(
            label(
                self.tr(
                    "The parties' answers to these questions are close. Choose how each is "
                    "settled; each keeps its own one agreed answer."
                ),
                "muted",
            )
        )
        rows = QWidget()
        grid = QGridLayout(rows)
        self.choices: dict[str, tuple[QComboBox, list[tuple[Resolution, AnswerValue] | None]]] = {}
        self.shares: dict[str, QSpinBox] = {}
        for row, question_id in enumerate(question_ids):
            question = session.template.question(question_id)
            # Each item takes two rows: the question, then how it is settled.
            grid.addWidget(
                label(f"{numbers[question_id]}  {question.prompt}", "heading"), 2 * row, 0, 1, 2
            )
            combo = QComboBox()
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(24)
            combo.setAccessibleName(
                self.tr("How question {number} is settled").format(number=numbers[question_id])
            )
            options: list[tuple[Resolution, AnswerValue] | None] = [None]
            combo.addItem(self.tr("Leave for now"))
            adoptions: tuple[tuple[Side, Resolution], ...] = (("A", "adopt_a"), ("B", "adopt_b"))
            for side, resolution in adoptions:
                answer = session.answer(side, question_id)
                assert answer.value is not None
                words = answer_in_words(question, answer, names) or ""
                combo.addItem(
                    self.tr("{name}'s answer: {answer}").format(name=names[side], answer=words)
                )
                options.append((resolution, answer.value))
            grid.addWidget(combo, 2 * row + 1, 0)
            halfway = halfway_share(session, question_id)
            if halfway is not None:
                combo.addItem(halfway_choice(names, halfway))
                options.append(("agreed", halfway))
                combo.addItem(self.tr("Another share both accept"))
                options.append(None)
                share = QSpinBox()
                share.setRange(0, 100)
                share.setSuffix(self.tr("% for {name}").format(name=names["A"]))
                share.setValue(halfway)
                share.setAccessibleName(
                    self.tr("Share both accept for question {number}").format(
                        number=numbers[question_id]
                    )
                )
                share.setEnabled(False)
                combo.currentIndexChanged.connect(partial(_enable_on, share, len(options) - 1))
                grid.addWidget(share, 2 * row + 1, 1)
                self.shares[question_id] = share
            self.choices[question_id] = (combo, options)
        grid.setColumnStretch(0, 1)
        grid.setRowStretch(2 * len(question_ids), 1)  # the rows stay together at the top
        area = overflow_area(self.tr("Close items"), rows)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(area, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.settle = buttons.addButton(
            self.tr("Settle the chosen items"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        room = page.window().size()
        self.resize(min(900, room.width() * 9 // 10), min(640, room.height() * 8 // 10))

    def decisions(self) -> list[tuple[str, Resolution, AnswerValue]]:
        """Each item settled here: the question, how it was settled and its one agreed value."""
        decisions: list[tuple[str, Resolution, AnswerValue]] = []
        for question_id, (combo, options) in self.choices.items():
            index = combo.currentIndex()
            if index == 0:
                continue
            chosen = options[index]
            if chosen is None:  # another share of a split
                decisions.append((question_id, "agreed", self.shares[question_id].value()))
            else:
                decisions.append((question_id, *chosen))
        return decisions


class AgreePage(StepPage):
    item_shown = Signal(str)
    """The question now taken up in the Agenda tab ("" for none)."""

    def __init__(self, user_files: UserFiles, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.user_files = user_files
        self.quick_dialog: QuickItemsDialog | None = None
        self.analysis: Analysis | None = None
        self.progress: AgreementProgress | None = None
        self.check: AgreementCheck | None = None
        self.panel: ItemPanel | None = None
        self._current: str | None = None

        body_widget = QWidget()
        body = QVBoxLayout(body_widget)
        body.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.progress_label = label(role="heading")
        top.addWidget(self.progress_label, 1)
        self.status_label = label(wrap=False)
        top.addWidget(self.status_label)
        self.mark_agreed = QPushButton(self.tr("Mark as agreed"))
        self.mark_agreed.setProperty("role", "primary")
        self.mark_agreed.setAccessibleName(self.tr("Mark the session as agreed"))
        self.back_to_draft = QPushButton(self.tr("Back to draft"))
        self.back_to_draft.setAccessibleName(self.tr("Make the session a draft again"))
        top.addWidget(self.mark_agreed)
        top.addWidget(self.back_to_draft)
        body.addLayout(top)
        self.missing_label = label(role="muted")
        self.missing_label.setAccessibleName(self.tr("What marking the session agreed still needs"))
        body.addWidget(self.missing_label)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Agreement"))
        for build, title in (
            (self._build_agenda_tab, self.tr("Agenda")),
            (self._build_definition_tab, self.tr("Agreed definition")),
            (self._build_actions_tab, self.tr("Action items")),
            (self._build_signatories_tab, self.tr("Signatories")),
        ):
            self.tabs.addTab(overflow_area(title, build()), title)
        body.addWidget(self.tabs, 1)
        self._lay_out(body_widget)

        self.mark_agreed.clicked.connect(self._mark_agreed)
        self.back_to_draft.clicked.connect(
            lambda: self._edit(lambda editor: editor.set_status("draft"))
        )

    # --- building the tabs ----------------------------------------------------------------

    def _build_agenda_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 0, 0, 0)
        tools = QHBoxLayout()
        tools.addWidget(label(self.tr("List:"), wrap=False))
        self.order = QComboBox()
        self.order.setAccessibleName(self.tr("How the agenda is listed"))
        self.order.addItem(self.tr("Most pressing first"), "pressing")
        self.order.addItem(self.tr("By theme"), "theme")
        self.order.setCurrentIndex(AGENDA_ORDERS.index(self.user_files.preferences.agenda_order))
        tools.addWidget(self.order)
        self.settle_close = QPushButton(self.tr("Settle close items..."))
        self.settle_close.setAccessibleName(
            self.tr("Settle several items with close answers at once")
        )
        tools.addWidget(self.settle_close)
        tools.addStretch(1)
        self.previous_item = QPushButton(icon("move-up"), self.tr("Previous item"))
        self.next_item = QPushButton(icon("move-down"), self.tr("Next item"))
        for button, key, name, step in (
            (self.previous_item, PREVIOUS_ITEM_KEY, self.tr("Go to the previous item"), -1),
            (self.next_item, NEXT_ITEM_KEY, self.tr("Go to the next item"), 1),
        ):
            # A shortcut of the page rather than of the button: it moves at once, without the
            # button's click animation, wherever the focus is in the step.
            shortcut_key = QShortcut(QKeySequence(key), self)
            shortcut_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut_key.activated.connect(partial(self._step_item, step))
            button.setAccessibleName(name)
            shortcut = QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
            button.setToolTip(self.tr("{what} ({shortcut})").format(what=name, shortcut=shortcut))
            tools.addWidget(button)
        layout.addLayout(tools)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.items = QListWidget()
        self.items.setObjectName("sections")  # styled like the Answer step's list of sections
        self.items.setAccessibleName(self.tr("Questions to settle and questions carried over"))
        self.items.setWordWrap(True)
        self.items.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.items.currentItemChanged.connect(self._item_chosen)
        splitter.addWidget(self.items)
        self.panel_area = QScrollArea()
        self.panel_area.setWidgetResizable(True)
        self.panel_area.setFrameShape(QFrame.Shape.NoFrame)
        self.panel_area.setAccessibleName(self.tr("The chosen question"))
        splitter.addWidget(self.panel_area)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([340, 800])
        layout.addWidget(splitter, 1)

        self.order.activated.connect(self._order_chosen)
        self.settle_close.clicked.connect(self._open_quick_items)
        self.previous_item.clicked.connect(lambda: self._step_item(-1))
        self.next_item.clicked.connect(lambda: self._step_item(1))
        return tab

    def _build_definition_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        row = QHBoxLayout()
        row.addWidget(label(self.tr("The agreed kind of relationship:"), wrap=False))
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("The agreed kind of relationship"))
        self.kind.addItem(self.tr("Not agreed yet"), NONE)
        for kind in RelationshipKind:
            self.kind.addItem(kind_label(kind), kind.value)
        row.addWidget(self.kind)
        row.addStretch(1)
        layout.addLayout(row)
        row = QHBoxLayout()
        self.proposal = label(role="muted")
        row.addWidget(self.proposal, 1)
        self.use_proposal = QPushButton(self.tr("Use the proposal"))
        self.use_proposal.setAccessibleName(
            self.tr("Make the proposed kind of relationship the agreed one")
        )
        row.addWidget(self.use_proposal)
        layout.addLayout(row)
        self.use_proposal.clicked.connect(self._use_proposal)
        row = QHBoxLayout()
        self.draft_button = QPushButton(self.tr("Draft from agreed positions"))
        self.draft_button.setAccessibleName(
            self.tr("Write a first draft of the definition from the agreed positions")
        )
        row.addWidget(self.draft_button)
        row.addWidget(
            label(
                self.tr("A first draft for the room to edit; Edit > Undo takes it back."), "muted"
            ),
            1,
        )
        layout.addLayout(row)
        self.definition = PlainTextField(lines=None)
        self.definition.setMinimumHeight(200)
        self.definition.setAccessibleName(self.tr("The agreed definition"))
        self.definition.setPlaceholderText(
            self.tr("What this partnership is, in words both parties sign up to.")
        )
        layout.addWidget(self.definition, 1)
        self.kind.activated.connect(self._kind_chosen)
        self.draft_button.clicked.connect(self._draft)
        self.definition.textChanged.connect(
            lambda: self._edit(lambda e: e.set_definition(self.definition.toPlainText()))
        )
        self.definition.left.connect(self._seal)
        return tab

    def _table(self, headers: list[str], name: str) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setVisible(False)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setTabKeyNavigation(False)
        table.setAccessibleName(name)
        return table

    def _row_buttons(self, add: str, remove: str) -> tuple[QHBoxLayout, QPushButton, QPushButton]:
        row = QHBoxLayout()
        add_button = QPushButton(icon("add"), add)
        remove_button = QPushButton(icon("remove"), remove)
        add_button.setAccessibleName(add)
        remove_button.setAccessibleName(remove)
        row.addWidget(add_button)
        row.addWidget(remove_button)
        row.addStretch(1)
        return row, add_button, remove_button

    def _build_actions_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(label(self.tr("What happens next: who does what, by when."), "muted"))
        self.action_table = self._table(
            [
                self.tr("What"),
                self.tr("Party"),
                self.tr("Person"),
                self.tr("Due"),
                self.tr("Status"),
            ],
            self.tr("Action items"),
        )
        layout.addWidget(self.action_table, 1)
        row, self.add_action, self.remove_action = self._row_buttons(
            self.tr("Add action item"), self.tr("Remove selected action item")
        )
        layout.addLayout(row)
        self.action_table.itemChanged.connect(self._action_text_changed)
        self.add_action.clicked.connect(self._add_action)
        self.remove_action.clicked.connect(
            lambda: self._remove_row(self.action_table, lambda e, row: e.remove_action_item(row))
        )
        return tab

    def _build_signatories_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(
            label(self.tr("Who signs the charter for each party (one or more each)."), "muted")
        )
        self.signatories = self._table(
            [self.tr("Party"), self.tr("Name"), self.tr("Title"), self.tr("Organisation")],
            self.tr("Signatories"),
        )
        layout.addWidget(self.signatories, 1)
        row, self.add_signatory_a, self.remove_signatory = self._row_buttons(
            self.tr("Add a signatory for Party A"), self.tr("Remove selected")
        )
        self.remove_signatory.setAccessibleName(self.tr("Remove the selected signatory"))
        self.add_signatory_b = QPushButton(icon("add"), self.tr("Add a signatory for Party B"))
        self.add_signatory_b.setAccessibleName(self.tr("Add a signatory for Party B"))
        row.insertWidget(1, self.add_signatory_b)
        self.pick_signatory = QPushButton(icon("add"), self.tr("From representatives"))
        self.pick_signatory.setAccessibleName(
            self.tr("Add a signatory picked from the parties' representatives")
        )
        self.pick_menu = QMenu(self.pick_signatory)
        self.pick_signatory.setMenu(self.pick_menu)
        self.pick_menu.aboutToShow.connect(self._fill_pick_menu)
        row.insertWidget(2, self.pick_signatory)
        layout.addLayout(row)
        self.signatories.itemChanged.connect(self._signatory_text_changed)
        self.add_signatory_a.clicked.connect(lambda: self._add_signatory("A"))
        self.add_signatory_b.clicked.connect(lambda: self._add_signatory("B"))
        self.remove_signatory.clicked.connect(
            lambda: self._remove_row(self.signatories, lambda e, row: e.remove_signatory(row))
        )
        return tab

    # --- following the session ------------------------------------------------------------

    def _seal(self) -> None:
        if self.editor is not None:
            self.editor.seal()

    def _edit(self, operation: Any) -> Any:
        editor = self.editor
        if editor is None:
            return None
        return try_edit(self, lambda: operation(editor))

    def set_editor(self, editor: SessionEditor) -> None:
        self._current = None  # the question shown belonged to the previous session
        self._clear_panel()
        self.analysis = None
        super().set_editor(editor)

    def on_edit(self, edit: Edit) -> None:
        if not self.isVisible() or self.editor is None:
            self._stale = True  # rebuilt from the session when shown
            return
        structural = ("answers", "template", "parties", "answering")
        if self.analysis is None or any(edit.touches(part) for part in structural):
            if edit.touches("template"):
                self._current = None
                self._clear_panel()
            self.refresh()
            return
        self._update(edit)

    def refresh(self) -> None:
        """Rebuild the page from the session (after answers or parties change, or when shown)."""
        assert self.editor is not None
        if self._answers_hidden():
            self.analysis = None
            self._clear_panel()
            return
        self.analysis = self.editor.analysis()
        self._update()
        self._show_panel(self._current)

    def _update(self, edit: Edit | None = None) -> None:
        """Update what ``edit`` touched (everything, without one) but the open question's layout."""
        assert self.editor is not None and self.analysis is not None
        session = self.editor.session

        def touched(*path: str) -> bool:
            return edit is None or edit.touches(*path)

        self.progress = agreement_progress(session, self.analysis)
        self._fill_items()
        self._update_status()
        self._update_proposal()
        self.settle_close.setEnabled(
            any(not self.progress.is_settled(q) for q in self.progress.quick)
        )
        if self.panel is not None:
            self.panel.refresh()
        if touched("agreement", "agreed_kind"):
            with QSignalBlocker(self.kind):
                kind = session.agreement.agreed_kind
                self.kind.setCurrentIndex(self.kind.findData(kind.value if kind else NONE))
        if touched("agreement", "definition"):
            _show_plain(self.definition, session.agreement.definition)
        if touched("agreement", "action_items") or touched("parties"):
            self._fill_actions()
        if touched("agreement", "signatories") or touched("parties"):
            self._fill_signatories()

    def _update_status(self) -> None:
        assert self.editor is not None and self.progress is not None
        progress = self.progress
        self.check = check = agreement_check(self.editor.session, self.analysis, progress)
        self.progress_label.setText(
            self.tr("{resolved} of {total} resolved, {parked} parked").format(
                resolved=progress.resolved, total=progress.total, parked=progress.parked
            )
        )
        agreed = check.status == "agreed"
        self.status_label.setText(self.tr("Status: agreed") if agreed else self.tr("Status: draft"))
        self.mark_agreed.setVisible(not agreed)
        self.mark_agreed.setEnabled(check.ready)
        missing = what_agreed_needs(check, self.editor.session)
        text = (
            self.tr("Still needed before the session can be marked agreed: {missing}.").format(
                missing="; ".join(missing)
            )
            if missing and not agreed
            else ""
        )
        self.missing_label.setText(text)
        self.missing_label.setVisible(bool(text))
        self.mark_agreed.setToolTip(plain_tooltip(text))
        self.back_to_draft.setVisible(agreed)

    def state_text(self, question_id: str) -> str:
        """Where a question stands, in words: its status and how it was settled."""
        assert self.editor is not None and self.analysis is not None
        session = self.editor.session
        result = self.analysis.question(question_id)
        item = session.agreement.items.get(question_id) or AgreementItem()
        status = status_text(result)
        if self.progress is not None and question_id in self.progress.carried_over:
            return self.tr("{status}: carried over as agreed").format(status=status)
        settled = {
            None: self.tr("not settled yet"),
            "adopt_a": self.tr("{name}'s answer adopted").format(name=party_name(session, "A")),
            "adopt_b": self.tr("{name}'s answer adopted").format(name=party_name(session, "B")),
            "agreed": self.tr("agreed position"),
            "parked": self.tr("parked"),
        }[item.resolution]
        incomplete = self._incomplete(question_id)
        if incomplete:
            settled = self.tr("not settled: {missing}").format(missing=incomplete)
        reason = next((a.reason for a in self.analysis.agenda if a.question_id == question_id), "")
        text = self.tr("{status}: {settled}").format(status=status, settled=settled)
        return f"{text}\n{reason}" if reason else text

    def _incomplete(self, question_id: str) -> str:
        """What an item marked as settled still lacks, in words, or "" when it lacks nothing."""
        assert self.editor is not None
        reason = position_of(self.editor.session, question_id).open_reason
        return {
            "no_value": self.tr("choose the answer both parties accept"),
            "no_wording": self.tr("write the wording both parties accept"),
            "adopted_unanswered": self.tr("the adopted party has not answered"),
        }.get(reason or "", "")

    def _groups(self) -> list[tuple[str, tuple[str, ...]]]:
        """The list's headings, each with its questions, in the order the facilitator chose."""
        assert self.editor is not None and self.progress is not None
        progress = self.progress

        def still_open(question_ids: tuple[str, ...]) -> int:
            return sum(1 for question_id in question_ids if not progress.is_settled(question_id))

        if self.user_files.preferences.agenda_order == "theme":
            sections = agenda_by_theme(self.editor.session, progress)
            groups = [
                (
                    self.tr("{section}: {open} of {total} to settle").format(
                        section=section.title, open=still_open(ids), total=len(ids)
                    ),
                    ids,
                )
                for section, ids in sections
            ]
        else:
            groups = [
                (
                    self.tr("To settle: {open} of {total} still open").format(
                        open=still_open(progress.to_settle), total=progress.total
                    ),
                    progress.to_settle,
                )
            ]
        carried = self.tr("Carried over as agreed ({count})").format(
            count=len(progress.carried_over)
        )
        return [*groups, (carried, progress.carried_over)]

    def _fill_items(self) -> None:
        """The list of questions; when the same questions are listed, only their words change."""
        assert self.editor is not None and self.progress is not None
        template = self.editor.session.template
        numbers = question_numbers(template)
        groups = self._groups()
        wanted: list[str] = []
        for _, question_ids in groups:
            wanted.extend([HEADING, *question_ids])
        listed = [
            self.items.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.items.count())
        ]
        if listed == wanted:
            row = 0
            for title, question_ids in groups:
                self.items.item(row).setText(title)
                for question_id in question_ids:
                    row += 1
                    fresh = self._settled_item(numbers[question_id], question_id)
                    self.items.item(row).setText(fresh.text())
                    self.items.item(row).setIcon(fresh.icon())
                row += 1
            self._update_navigation()
            return
        with QSignalBlocker(self.items):
            self.items.clear()
            selected = None
            for title, question_ids in groups:
                heading = QListWidgetItem(title)
                heading.setData(Qt.ItemDataRole.UserRole, HEADING)
                heading.setFlags(Qt.ItemFlag.NoItemFlags)
                font = heading.font()
                font.setBold(True)
                heading.setFont(font)
                self.items.addItem(heading)
                for question_id in question_ids:
                    item = self._settled_item(numbers[question_id], question_id)
                    self.items.addItem(item)
                    if question_id == self._current:
                        selected = item
            if selected is not None:
                self.items.setCurrentItem(selected)
        self._update_navigation()

    def _settled_item(self, number: str, question_id: str) -> QListWidgetItem:
        assert self.editor is not None and self.analysis is not None
        assert self.progress is not None
        prompt = self.editor.session.template.question(question_id).prompt
        state = self.state_text(question_id).splitlines()[0]
        item = QListWidgetItem(f"{number}  {prompt}\n{state}")
        item.setData(Qt.ItemDataRole.UserRole, question_id)
        if question_id in self.progress.parked_items:
            item.setIcon(icon("parked"))
        elif self.progress.is_settled(question_id):
            item.setIcon(icon("status-agree"))
        else:
            item.setIcon(icon(f"status-{self.analysis.question(question_id).status}"))
        return item

    def _question_rows(self) -> list[int]:
        return [
            row
            for row in range(self.items.count())
            if self.items.item(row).data(Qt.ItemDataRole.UserRole) != HEADING
        ]

    def _step_item(self, step: int) -> None:
        """Take up the previous (-1) or next (1) question of the list."""
        rows = self._question_rows()
        if not rows:
            return
        current = self._row_of(self._current)
        if current is None:
            target = rows[0]
        else:
            place = rows.index(current) + step
            if not 0 <= place < len(rows):
                return
            target = rows[place]
        item = self.items.item(target)
        self.items.setCurrentItem(item)
        self.items.scrollToItem(item)
        focused = QApplication.focusWidget()
        if focused is None or not self.isAncestorOf(focused):
            self.items.setFocus()  # the focus was in the question just closed: keep it here

    def _row_of(self, question_id: str | None) -> int | None:
        for row in range(self.items.count()):
            if question_id and self.items.item(row).data(Qt.ItemDataRole.UserRole) == question_id:
                return row
        return None

    def _update_navigation(self) -> None:
        rows = self._question_rows()
        current = self._row_of(self._current)
        self.previous_item.setEnabled(bool(rows) and current is not None and current > rows[0])
        self.next_item.setEnabled(bool(rows) and (current is None or current < rows[-1]))

    def _order_chosen(self, index: int) -> None:
        order = AGENDA_ORDERS[index]
        preferences = self.user_files.preferences
        if preferences.agenda_order != order:
            preferences.agenda_order = order
            self.user_files.save_preferences()
        if self.progress is not None:
            self._fill_items()

    def _open_quick_items(self) -> None:
        assert self.progress is not None
        waiting = [q for q in self.progress.to_settle if q in self.progress.quick]
        waiting = [q for q in waiting if not self.progress.is_settled(q)]
        if not waiting:
            return
        dialog = QuickItemsDialog(self, waiting)
        self.quick_dialog = dialog
        dialog.accepted.connect(lambda: self._settle_quick(dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _settle_quick(self, dialog: QuickItemsDialog) -> None:
        decisions = dialog.decisions()
        if decisions:
            self._edit(lambda editor: editor.settle_items(decisions))

    def _update_proposal(self) -> None:
        assert self.editor is not None
        session = self.editor.session
        proposal = proposed_kind(session)
        shown = proposal is not None and proposal[0] != session.agreement.agreed_kind
        if proposal is not None:
            kind, question = proposal
            self.proposal.setText(
                self.tr('Proposed from the agreed answer to {number} "{prompt}": {kind}').format(
                    number=question_numbers(session.template)[question.id],
                    prompt=question.prompt,
                    kind=kind_label(kind),
                )
            )
        self.proposal.setVisible(shown)
        self.use_proposal.setVisible(shown)

    def _use_proposal(self) -> None:
        assert self.editor is not None
        proposal = proposed_kind(self.editor.session)
        if proposal is not None:
            kind = proposal[0]
            self._edit(lambda editor: editor.set_agreed_kind(kind))

    def _item_chosen(self, current: QListWidgetItem | None, _previous: object) -> None:
        question_id = current.data(Qt.ItemDataRole.UserRole) if current else HEADING
        if question_id != HEADING and question_id != self._current:
            self._show_panel(str(question_id))

    def _clear_panel(self) -> None:
        old = self.panel_area.takeWidget()
        if old is not None:
            old.deleteLater()
        self.panel = None

    def _show_panel(self, question_id: str | None) -> None:
        self._clear_panel()
        assert self.progress is not None
        rows = self._question_rows()
        if question_id is None and self.progress.to_settle and rows:
            question_id = str(self.items.item(rows[0]).data(Qt.ItemDataRole.UserRole))
        self._current = question_id
        self.item_shown.emit(question_id or "")
        self._update_navigation()
        if question_id is None:
            return
        self.panel = ItemPanel(self, question_id)
        self.panel_area.setWidget(self.panel)

    def show_item(self, question_id: str) -> None:
        """Open a question in the Agenda tab (from the Compare step's agenda)."""
        if self.editor is None or not self.editor.session.template.has_question(question_id):
            return
        self._current = question_id
        self.tabs.setCurrentIndex(0)
        self.jump_to_step.emit(3)
        if self.analysis is not None and not self._stale:
            self._fill_items()
            self._show_panel(question_id)

    # --- the agreement as a whole ---------------------------------------------------------

    def _mark_agreed(self) -> None:
        assert self.editor is not None
        session = self.editor.session
        if not dialogs.confirm(
            self,
            self.tr("Mark the session as agreed?"),
            self.tr(
                "The charter will state as agreed:\n{stated}\n\nThe DRAFT mark goes from its "
                "pages. Reopening anything makes the session a draft again."
            ).format(stated="\n".join(f"\u2022 {line}" for line in self._stated(session))),
            self.tr("Mark as agreed"),
        ):
            return
        self._edit(lambda editor: editor.set_status("agreed"))

    def _stated(self, session: Session) -> list[str]:
        """What the charter states as agreed, one line each, for the confirmation."""
        kind = session.agreement.agreed_kind
        positions = agreed_positions(session)
        agreed = sum(1 for position in positions if position.is_agreed)
        parked = sum(1 for position in positions if position.reached == "parked")
        signatories = ", ".join(
            self.tr("{name} for {party}").format(
                name=signatory.name, party=party_name(session, signatory.party)
            )
            for signatory in session.agreement.signatories
            if signatory.name.strip()
        )
        return [
            self.tr("The kind of relationship: {kind}").format(
                kind=kind_label(kind) if kind else ""
            ),
            self.tr("The agreed definition ({words} words)").format(
                words=len(session.agreement.definition.split())
            ),
            self.tr("{agreed} agreed positions of {total} questions; {parked} parked").format(
                agreed=agreed, total=len(positions), parked=parked
            ),
            self.tr("Signatories: {names}").format(names=signatories),
        ]

    def _kind_chosen(self, index: int) -> None:
        value = self.kind.itemData(index)
        kind = RelationshipKind(value) if value != NONE else None
        self._edit(lambda editor: editor.set_agreed_kind(kind))

    def _draft(self) -> None:
        assert self.editor is not None
        session = self.editor.session
        if session.agreement.definition.strip() and not dialogs.confirm(
            self,
            self.tr("Replace the definition?"),
            self.tr(
                "The agreed definition already holds text. The draft replaces it; Edit > Undo "
                "brings the text back."
            ),
            self.tr("Replace with the draft"),
        ):
            return
        text = draft_definition(session)
        self.editor.seal()
        self._edit(lambda editor: editor.set_definition(text))
        self.editor.seal()

    # --- action items and signatories -----------------------------------------------------

    def _session(self) -> Session:
        assert self.editor is not None
        return self.editor.session

    def _party_combo(self, current: Side | None, allow_none: bool, name: str) -> QComboBox:
        assert self.editor is not None
        combo = QComboBox()
        combo.setAccessibleName(name)
        if allow_none:
            combo.addItem(self.tr("Both / either"), NONE)
        for side in SIDES:
            combo.addItem(party_name(self.editor.session, side), side)
        combo.setCurrentIndex(combo.findData(current or NONE))
        return combo

    def _fill_actions(self) -> None:
        assert self.editor is not None
        items = self.editor.session.agreement.action_items
        table = self.action_table
        with QSignalBlocker(table):
            table.setRowCount(len(items))
            for row, item in enumerate(items):
                table.setItem(row, 0, QTableWidgetItem(item.what))
                table.setItem(row, 2, QTableWidgetItem(item.owner))
                party = self._party_combo(
                    item.owner_party,
                    True,
                    self.tr("Party of action item {row}").format(row=row + 1),
                )
                party.activated.connect(partial(self._action_party, row, party))
                table.setCellWidget(row, 1, party)
                due = _date_field(
                    self.tr("Due date of action item {row}").format(row=row + 1),
                    self._session,
                )
                _show_date(due, item.due)
                due.dateChanged.connect(partial(self._action_due, row, due))
                table.setCellWidget(row, 3, due)
                status = QComboBox()
                status.setAccessibleName(self.tr("Status of action item {row}").format(row=row + 1))
                for key, text in zip(
                    ACTION_STATUSES,
                    (self.tr("Open"), self.tr("In progress"), self.tr("Done")),
                    strict=True,
                ):
                    status.addItem(text, key)
                status.setCurrentIndex(ACTION_STATUSES.index(item.status))
                status.activated.connect(partial(self._action_status, row, status))
                table.setCellWidget(row, 4, status)
        self.remove_action.setEnabled(bool(items))

    def _set_action(self, row: int, name: ActionItemField, value: Any) -> None:
        self._edit(lambda editor: editor.set_action_item(row, name, value))
        if self.editor is not None:
            self.editor.seal()

    def _action_party(self, row: int, combo: QComboBox, _index: int) -> None:
        party = combo.currentData()
        self._set_action(row, "owner_party", None if party == NONE else party)

    def _action_due(self, row: int, field: QDateEdit, _date: QDate) -> None:
        self._set_action(row, "due", _date_of(field))

    def _action_status(self, row: int, combo: QComboBox, _index: int) -> None:
        self._set_action(row, "status", combo.currentData())

    def _action_text_changed(self, cell: QTableWidgetItem) -> None:
        name: ActionItemField = "what" if cell.column() == 0 else "owner"
        self._set_action(cell.row(), name, cell.text().strip())

    def _add_action(self) -> None:
        row = self._edit(lambda editor: editor.add_action_item(ActionItem()))
        if row is not None:
            self.action_table.setCurrentCell(row, 0)
            cell = self.action_table.item(row, 0)
            if cell is not None:
                self.action_table.editItem(cell)

    def _fill_signatories(self) -> None:
        assert self.editor is not None
        signatories = self.editor.session.agreement.signatories
        table = self.signatories
        with QSignalBlocker(table):
            table.setRowCount(len(signatories))
            for row, signatory in enumerate(signatories):
                party = self._party_combo(
                    signatory.party, False, self.tr("Party of signatory {row}").format(row=row + 1)
                )
                party.activated.connect(partial(self._signatory_party, row, party))
                table.setCellWidget(row, 0, party)
                for column, text in enumerate(
                    (signatory.name, signatory.title, signatory.organisation), 1
                ):
                    table.setItem(row, column, QTableWidgetItem(text))
        self.remove_signatory.setEnabled(bool(signatories))
        buttons: tuple[tuple[Side, QPushButton], ...] = (
            ("A", self.add_signatory_a),
            ("B", self.add_signatory_b),
        )
        for side, button in buttons:
            name = party_name(self.editor.session, side)
            button.setText(self.tr("Add for {name}").format(name=name))
            button.setAccessibleName(self.tr("Add a signatory for {name}").format(name=name))

    def _signatory_party(self, row: int, combo: QComboBox, _index: int) -> None:
        self._edit(lambda editor: editor.set_signatory(row, "party", combo.currentData()))

    def _signatory_text_changed(self, cell: QTableWidgetItem) -> None:
        names: tuple[SignatoryField, ...] = ("party", "name", "title", "organisation")
        name, row, text = names[cell.column()], cell.row(), cell.text().strip()
        self._edit(lambda editor: editor.set_signatory(row, name, text))
        if self.editor is not None:
            self.editor.seal()

    def _add_signatory(self, side: Side) -> None:
        assert self.editor is not None
        organisation = self.editor.session.party(side).organisation
        row = self._edit(
            lambda editor: editor.add_signatory(Signatory(party=side, organisation=organisation))
        )
        if row is not None:
            self.signatories.setCurrentCell(row, 1)
            cell = self.signatories.item(row, 1)
            if cell is not None:
                self.signatories.editItem(cell)

    def _fill_pick_menu(self) -> None:
        """One entry per representative who does not sign yet, named with their party."""
        assert self.editor is not None
        session = self.editor.session
        signing = {(s.party, s.name) for s in session.agreement.signatories}
        self.pick_menu.clear()
        for side in SIDES:
            for person in session.party(side).representatives:
                if not person.name.strip() or (side, person.name) in signing:
                    continue
                text = (
                    self.tr("{party}: {name}, {role}")
                    if person.role
                    else self.tr("{party}: {name}")
                ).format(party=party_name(session, side), name=person.name, role=person.role)
                action = self.pick_menu.addAction(text)
                action.triggered.connect(
                    partial(self._pick_signatory, side, person.name, person.role)
                )
        if self.pick_menu.isEmpty():
            self.pick_menu.addAction(
                self.tr("Every named representative signs already")
            ).setEnabled(False)

    def _pick_signatory(self, side: Side, name: str, role: str) -> None:
        self._edit(
            lambda editor: editor.add_signatory(Signatory(party=side, name=name, title=role))
        )

    def _remove_row(self, table: QTableWidget, operation: Any) -> None:
        row = table.currentRow()
        if row >= 0:
            self._edit(lambda editor: operation(editor, row))
