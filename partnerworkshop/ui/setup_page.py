"""The Set up step: the workshop, the two parties and the questionnaire."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QSignalBlocker
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..errors import FileProblem
from ..model.base import SIDES, Side
from ..model.catalog import builtin_templates, find_template
from ..model.edits import Edit, PartyField, RepresentativeField, SessionEditor, WorkshopField
from ..model.session import PartyAnswering
from ..model.template import Questionnaire
from . import dialogs
from .common import LAST_QDATE, label, mark_with_party_colour, party_name, try_edit
from .icons import icon

REPRESENTATIVE_FIELDS: tuple[RepresentativeField, ...] = ("name", "role", "email")


def _text_field(accessible_name: str, placeholder: str = "") -> QLineEdit:
    field = QLineEdit()
    field.setAccessibleName(accessible_name)
    field.setPlaceholderText(placeholder)
    return field


def _show_text(field: QLineEdit, text: str) -> None:
    if field.text() != text:
        field.setText(text)  # setText does not emit textEdited: no edit loops back


class PartyPanel(QFrame):
    def __init__(self, page: SetupPage, side: Side) -> None:
        super().__init__()
        self.page = page
        self.side = side
        self.setObjectName(f"party-{side}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        self.title = label(role="heading")
        layout.addWidget(self.title)
        form = QFormLayout()
        self.organisation = _text_field(
            self.tr("Party {side}: organisation").format(side=side),
            self.tr("e.g. Northwind Logistics"),
        )
        self.short_label = _text_field(
            self.tr("Party {side}: short label").format(side=side), self.tr("e.g. Northwind")
        )
        self.short_label.setMaxLength(40)
        self.colour = QPushButton()
        self.colour.setAccessibleName(self.tr("Party {side}: colour").format(side=side))
        form.addRow(self.tr("Organisation"), self.organisation)
        form.addRow(self.tr("Short label"), self.short_label)
        form.addRow(self.tr("Colour"), self.colour)
        layout.addLayout(form)

        layout.addWidget(label(self.tr("Legal details, as the charter names the party"), "muted"))
        legal = QFormLayout()
        self.legal_name = _text_field(
            self.tr("Party {side}: legal name").format(side=side),
            self.tr("e.g. Northwind Logistics Limited"),
        )
        self.registration_number = _text_field(
            self.tr("Party {side}: registration number").format(side=side),
            self.tr("e.g. company number 04567890"),
        )
        self.registered_address = _text_field(
            self.tr("Party {side}: registered address").format(side=side)
        )
        legal.addRow(self.tr("Legal name"), self.legal_name)
        legal.addRow(self.tr("Registration no."), self.registration_number)
        legal.addRow(self.tr("Registered address"), self.registered_address)
        layout.addLayout(legal)

        layout.addWidget(label(self.tr("Representatives"), "muted"))
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Role"), self.tr("E-mail")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move inside it
        self.table.setAccessibleName(self.tr("Party {side}: representatives").format(side=side))
        self.table.setMinimumHeight(110)
        self._edit_triggers = self.table.editTriggers()
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.add = QPushButton(icon("add"), self.tr("Add representative"))
        self.remove = QPushButton(icon("remove"), self.tr("Remove selected"))
        self.add.setAccessibleName(self.tr("Party {side}: add a representative").format(side=side))
        self.remove.setAccessibleName(
            self.tr("Party {side}: remove the selected representative").format(side=side)
        )
        buttons.addWidget(self.add)
        buttons.addWidget(self.remove)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        answering = QFormLayout()
        self.answering = QComboBox()
        self.answering.addItem(self.tr("As one party"), "as_one")
        self.answering.addItem(self.tr("Each representative individually"), "individually")
        self.answering.setAccessibleName(self.tr("Party {side}: how it answers").format(side=side))
        answering.addRow(self.tr("Answers"), self.answering)
        layout.addLayout(answering)
        self.anonymous = QCheckBox(self.tr("Show the representatives' answers without their names"))
        self.anonymous.setAccessibleName(
            self.tr("Party {side}: show individual answers without names").format(side=side)
        )
        layout.addWidget(self.anonymous)
        self.answering_note = label(role="muted")
        layout.addWidget(self.answering_note)

        self.organisation.textEdited.connect(lambda text: self._set("organisation", text))
        self.short_label.textEdited.connect(lambda text: self._set("label", text))
        self.legal_name.textEdited.connect(lambda text: self._set("legal_name", text))
        self.registration_number.textEdited.connect(
            lambda text: self._set("registration_number", text)
        )
        self.registered_address.textEdited.connect(
            lambda text: self._set("registered_address", text)
        )
        for field in (
            self.organisation,
            self.short_label,
            self.legal_name,
            self.registration_number,
            self.registered_address,
        ):
            field.editingFinished.connect(self._seal)
        self.colour.clicked.connect(self._choose_colour)
        self.add.clicked.connect(self._add)
        self.remove.clicked.connect(self._remove)
        self.table.itemChanged.connect(self._cell_changed)
        self.answering.activated.connect(self._answering_chosen)
        self.anonymous.toggled.connect(
            lambda checked: try_edit(self, lambda: self.editor.set_party_anonymous(side, checked))
        )

    def _answering_chosen(self, index: int) -> None:
        answering: PartyAnswering = self.answering.itemData(index)
        try_edit(self, lambda: self.editor.set_party_answering(self.side, answering))

    @property
    def editor(self) -> SessionEditor:
        assert self.page.editor is not None
        return self.page.editor

    def _seal(self) -> None:
        self.editor.seal()

    def _set(self, name: PartyField, value: str) -> None:
        try_edit(self, lambda: self.editor.set_party(self.side, name, value))

    def _choose_colour(self) -> None:
        current = QColor(self.editor.session.party(self.side).colour)
        chosen = QColorDialog.getColor(
            current,
            self,
            self.tr("Colour for {name}").format(name=party_name(self.editor.session, self.side)),
        )
        if chosen.isValid():
            self._set("colour", chosen.name().upper())

    def _add(self) -> None:
        row = try_edit(self, lambda: self.editor.add_representative(self.side))
        if row is not None:
            self.table.setCurrentCell(row, 0)
            item = self.table.item(row, 0)
            if item is not None:
                self.table.editItem(item)

    def _remove(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            try_edit(self, lambda: self.editor.remove_representative(self.side, row))

    def _cell_changed(self, item: QTableWidgetItem) -> None:
        row, column = item.row(), item.column()
        text = item.text().strip()
        if (
            try_edit(
                self,
                lambda: self.editor.set_representative(
                    self.side, row, REPRESENTATIVE_FIELDS[column], text
                ),
            )
            is None
        ):
            self.refresh()  # refused: show what the session holds
        self.editor.seal()

    def refresh(self) -> None:
        session = self.editor.session
        party = session.party(self.side)
        self.title.setText(
            self.tr("Party {side}: {name}").format(
                side=self.side, name=party_name(session, self.side)
            )
        )
        mark_with_party_colour(self, party.colour)
        _show_text(self.organisation, party.organisation)
        _show_text(self.short_label, party.label)
        _show_text(self.legal_name, party.legal_name)
        _show_text(self.registration_number, party.registration_number)
        _show_text(self.registered_address, party.registered_address)
        self.legal_name.setPlaceholderText(
            party.organisation or self.tr("e.g. Northwind Logistics Limited")
        )
        self.colour.setText(party.colour)
        swatch = QPixmap(32, 16)
        swatch.fill(QColor(party.colour))
        self.colour.setIcon(QIcon(swatch))
        self.colour.setIconSize(swatch.size())
        self.table.blockSignals(True)
        self.table.setRowCount(len(party.representatives))
        for row, representative in enumerate(party.representatives):
            for column, name in enumerate(REPRESENTATIVE_FIELDS):
                self.table.setItem(row, column, QTableWidgetItem(getattr(representative, name)))
        self.table.blockSignals(False)
        # An answer pack is answered, not set up: its parties are shown as they were packed.
        packed = session.pack_for is not None
        for field in (self.organisation, self.short_label):
            field.setReadOnly(packed)
        self.colour.setEnabled(not packed)
        self.add.setEnabled(not packed)
        self.remove.setEnabled(bool(party.representatives) and not packed)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.NoEditTriggers if packed else self._edit_triggers
        )
        self.answering.setCurrentIndex(self.answering.findData(party.answering))
        self.answering.setEnabled(not packed)
        self.anonymous.blockSignals(True)
        self.anonymous.setChecked(party.anonymous)
        self.anonymous.blockSignals(False)
        self.anonymous.setEnabled(party.answers_individually and not packed)
        self.answering_note.setText(
            self.tr(
                "Each representative answers on their own in the Answer step; the party then "
                "settles its answer from theirs, and that is what is compared."
            )
            if party.answers_individually
            else self.tr("The party gives one answer to each question.")
        )


class SetupPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.editor: SessionEditor | None = None
        self._templates = builtin_templates()

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setAccessibleName(self.tr("Workshop set-up"))
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        body = QWidget()
        body.setObjectName("page")
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(24, 12, 24, 24)
        layout.setSpacing(14)

        self.pack_note = label(
            self.tr(
                "This is an answer pack: the workshop, the parties and the questionnaire are "
                "set up in the full session and cannot be changed here."
            ),
            "warning",
        )
        self.pack_note.hide()
        layout.addWidget(self.pack_note)
        layout.addWidget(label(self.tr("The workshop"), "title"))
        form = QFormLayout()
        self.title = _text_field(
            self.tr("Workshop title"),
            self.tr("e.g. Northwind and Contoso: what our partnership means"),
        )
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d MMMM yyyy")
        self.date.setMaximumDate(LAST_QDATE)
        self.date.setAccessibleName(self.tr("Workshop date"))
        self.location = _text_field(self.tr("Location"))
        self.facilitator = _text_field(self.tr("Facilitator"))
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Date"), self.date)
        form.addRow(self.tr("Location"), self.location)
        form.addRow(self.tr("Facilitator"), self.facilitator)
        layout.addLayout(form)

        layout.addWidget(label(self.tr("The parties"), "title"))
        parties = QGridLayout()
        parties.setHorizontalSpacing(16)
        self.parties = {side: PartyPanel(self, side) for side in SIDES}
        for column, side in enumerate(SIDES):
            parties.addWidget(self.parties[side], 0, column)
        layout.addLayout(parties)

        layout.addWidget(label(self.tr("The charter's legal effect"), "title"))
        charter = QFormLayout()
        self.legal_effect = QComboBox()
        self.legal_effect.setAccessibleName(self.tr("What the charter is, legally"))
        for effect, text in (
            ("shared_understanding", self.tr("A shared understanding, not legally binding")),
            ("intent_to_negotiate", self.tr("A basis for negotiation, not legally binding")),
            ("binding", self.tr("Legally binding on the parties")),
        ):
            self.legal_effect.addItem(text, effect)
        self.legal_effect_note = label(role="muted")
        self.effective_on_date = QCheckBox(self.tr("Takes effect on a set date"))
        self.effective_on_date.setAccessibleName(
            self.tr("The charter takes effect on a set date, not on the last signature")
        )
        self.effective_date = QDateEdit()
        self.effective_date.setCalendarPopup(True)
        self.effective_date.setDisplayFormat("d MMMM yyyy")
        self.effective_date.setAccessibleName(self.tr("Effective date"))
        self.effective_date.setMaximumDate(LAST_QDATE)
        effective = QHBoxLayout()
        effective.addWidget(self.effective_on_date)
        effective.addWidget(self.effective_date)
        effective.addStretch(1)
        chosen = QVBoxLayout()
        chosen.setSpacing(4)
        chosen.addWidget(self.legal_effect)
        chosen.addWidget(self.legal_effect_note)
        charter.addRow(self.tr("Legal effect"), chosen)
        charter.addRow(self.tr("Effective"), effective)
        layout.addLayout(charter)

        layout.addWidget(label(self.tr("The questionnaire"), "title"))
        row = QHBoxLayout()
        self.template_choice = QComboBox()
        self.template_choice.setAccessibleName(self.tr("Questionnaire"))
        for info in self._templates:
            self.template_choice.addItem(info.title, info.id)
        self.open_template = QPushButton(icon("open"), self.tr("Open template file..."))
        self.open_template.setAccessibleName(self.tr("Open a questionnaire template file"))
        row.addWidget(self.template_choice, 1)
        row.addWidget(self.open_template)
        layout.addLayout(row)
        self.template_summary = label(role="muted")
        layout.addWidget(self.template_summary)
        layout.addStretch(1)

        fields: dict[WorkshopField, QLineEdit] = {
            "title": self.title,
            "location": self.location,
            "facilitator": self.facilitator,
        }
        for name, field in fields.items():
            field.textEdited.connect(lambda text, name=name: self._set_workshop(name, text))
            field.editingFinished.connect(self._seal)
        self.date.dateChanged.connect(self._date_changed)
        self.date.editingFinished.connect(self._seal)
        self.legal_effect.activated.connect(self._legal_effect_chosen)
        self.effective_on_date.toggled.connect(self._effective_changed)
        self.effective_date.dateChanged.connect(self._effective_changed)
        self.effective_date.editingFinished.connect(self._seal)
        self.template_choice.activated.connect(self._template_chosen)
        self.open_template.clicked.connect(self._open_template)

    def _seal(self) -> None:
        if self.editor is not None:
            self.editor.seal()

    def set_editor(self, editor: SessionEditor) -> None:
        self.editor = editor
        self.refresh()

    def on_edit(self, edit: Edit) -> None:
        if (
            edit.touches("workshop")
            or edit.touches("parties")
            or edit.touches("template")
            or edit.touches("agreement", "legal_effect")
            or edit.touches("agreement", "effective_date")
        ):
            self.refresh()

    def refresh(self) -> None:
        if self.editor is None:
            return
        session = self.editor.session
        workshop = session.workshop
        _show_text(self.title, workshop.title)
        _show_text(self.location, workshop.location)
        _show_text(self.facilitator, workshop.facilitator)
        self.date.blockSignals(True)
        if workshop.date is None:
            self.date.setDate(QDate.currentDate())
        else:
            self.date.setDate(QDate(workshop.date.year, workshop.date.month, workshop.date.day))
        self.date.blockSignals(False)
        for panel in self.parties.values():
            panel.refresh()
        packed = session.pack_for is not None
        self.pack_note.setVisible(packed)
        for field in (self.title, self.location, self.facilitator):
            field.setReadOnly(packed)
        self.date.setReadOnly(packed)
        self.template_choice.setEnabled(not packed)
        self.open_template.setEnabled(not packed)
        for widget in (self.legal_effect, self.effective_on_date):
            widget.setEnabled(not packed)
        self._show_legal_effect()
        template = session.template
        index = self.template_choice.findData(template.id)
        if index < 0:
            self.template_choice.addItem(template.title, template.id)
            index = self.template_choice.count() - 1
        self.template_choice.setCurrentIndex(index)
        self.template_summary.setText(
            self.tr(
                "{title}, version {version}: {sections} sections, {questions} questions."
            ).format(
                title=template.title,
                version=template.version,
                sections=len(template.sections),
                questions=template.question_count,
            )
            + ("\n" + template.description if template.description else "")
        )

    def _show_legal_effect(self) -> None:
        assert self.editor is not None
        agreement = self.editor.session.agreement
        self.legal_effect.setCurrentIndex(self.legal_effect.findData(agreement.legal_effect))
        notes = {
            "shared_understanding": self.tr(
                "The charter records what the parties understand together. It binds no one: "
                "any commitment is made later, in definitive agreements."
            ),
            "intent_to_negotiate": self.tr(
                "The charter is the basis on which the parties will negotiate definitive "
                "agreements. It binds no one, not even to conclude them."
            ),
            "binding": self.tr(
                "The charter binds the parties on the positions it records. Each party should "
                "take legal advice before signing it."
            ),
        }
        self.legal_effect_note.setText(notes[agreement.legal_effect])
        self.legal_effect_note.setProperty(
            "role", "warning" if agreement.legal_effect == "binding" else "muted"
        )
        self.legal_effect_note.style().unpolish(self.legal_effect_note)
        self.legal_effect_note.style().polish(self.legal_effect_note)
        day = agreement.effective_date
        with QSignalBlocker(self.effective_on_date), QSignalBlocker(self.effective_date):
            self.effective_on_date.setChecked(day is not None)
            self.effective_date.setEnabled(day is not None and self.effective_on_date.isEnabled())
            shown = day or self.editor.session.workshop.date or dt.date.today()
            self.effective_date.setDate(QDate(shown.year, shown.month, shown.day))

    def _legal_effect_chosen(self, index: int) -> None:
        assert self.editor is not None
        editor = self.editor
        effect = self.legal_effect.itemData(index)
        try_edit(self, lambda: editor.set_legal_effect(effect))

    def _effective_changed(self) -> None:
        assert self.editor is not None
        editor = self.editor
        day: dt.date | None = None
        if self.effective_on_date.isChecked():
            value = self.effective_date.date()
            day = dt.date(value.year(), value.month(), value.day())
        try_edit(self, lambda: editor.set_effective_date(day))

    def _set_workshop(self, name: WorkshopField, value: str) -> None:
        assert self.editor is not None
        editor = self.editor
        try_edit(self, lambda: editor.set_workshop(name, value))

    def _date_changed(self, value: QDate) -> None:
        assert self.editor is not None
        editor = self.editor
        day = dt.date(value.year(), value.month(), value.day())
        try_edit(self, lambda: editor.set_workshop("date", day))

    def _template_chosen(self, index: int) -> None:
        template_id = self.template_choice.itemData(index)
        assert self.editor is not None
        if template_id == self.editor.session.template.id:
            return
        try:
            template = find_template(str(template_id))
        except FileProblem as problem:
            dialogs.warn(self, self.tr("The questionnaire could not be opened"), str(problem))
            self.refresh()
            return
        self._use_template(template)

    def _open_template(self) -> None:
        path = dialogs.open_file_name(
            self,
            self.tr("Open a questionnaire template"),
            "",
            self.tr("Questionnaire templates (*.json)"),
        )
        if path is None:
            return
        try:
            template = find_template(str(path))
        except FileProblem as problem:
            dialogs.warn(self, self.tr("The questionnaire could not be opened"), str(problem))
            return
        self._use_template(template)

    def _use_template(self, template: Questionnaire) -> None:
        assert self.editor is not None
        session = self.editor.session
        individual = session.individual
        has_work = bool(
            session.answers.A
            or session.answers.B
            or session.agreement.items
            or individual.A.by_representative
            or individual.B.by_representative
        )
        if has_work:
            confirmed = dialogs.confirm(
                self,
                self.tr("Change the questionnaire?"),
                self.tr(
                    "The parties have already answered questions of \u201c{old}\u201d. Changing to "
                    "\u201c{new}\u201d removes those answers and anything agreed on them. You can "
                    "undo this with Edit > Undo."
                ).format(old=session.template.title, new=template.title),
                self.tr("Change the questionnaire"),
            )
            if not confirmed:
                self.refresh()
                return
        editor = self.editor
        try_edit(self, lambda: editor.change_template(template))
        self.refresh()
