"""The time boxes: the minutes given to each section and agenda item, and a plan for them."""

from __future__ import annotations

import math
from functools import partial

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..model.edits import SessionEditor
from ..model.timing import BoxKind, TimeLeft, plan_time_boxes
from .common import answers_hidden_reason, label, try_edit

NO_BOX = 0
"""The spin box value that means "no time box"."""


def minutes_left_text(left: TimeLeft) -> str:
    """ "12 min left", or "3 min over" once the box is over."""
    tr = QCoreApplication.translate
    if left.over:
        return tr("Time", "{minutes} min over").format(minutes=math.ceil(-left.seconds_left / 60))
    return tr("Time", "{minutes} min left").format(minutes=math.ceil(left.seconds_left / 60))


def _minutes_field(name: str) -> QSpinBox:
    field = QSpinBox()
    field.setRange(NO_BOX, 600)
    field.setSpecialValueText(QCoreApplication.translate("Time", "No time box"))
    field.setSuffix(QCoreApplication.translate("Time", " min"))
    field.setAccessibleName(name)
    field.setKeyboardTracking(False)  # one edit per value chosen, not per digit typed
    return field


class TimeBoxesDialog(QDialog):
    """Minutes per section and per agenda item, and a whole-workshop plan from the time
    available. Each change is an edit of the session (undone like any other)."""

    def __init__(self, editor: SessionEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.setWindowTitle(self.tr("Time boxes"))
        outer = QVBoxLayout(self)
        outer.addWidget(
            label(
                self.tr(
                    "Give each section and each agenda item a time box. The view for the room "
                    "shows the time left, and the main window says when a box is over. Time "
                    "boxes are saved with the session; the charter does not show them."
                ),
                "muted",
            )
        )
        plan_row = QHBoxLayout()
        plan_row.addWidget(label(self.tr("Time available:"), wrap=False))
        self.available = _minutes_field(self.tr("Time available for the whole workshop"))
        self.available.setSpecialValueText(self.tr("Not set"))
        plan_row.addWidget(self.available)
        self.plan_button = QPushButton(self.tr("Plan the time boxes"))
        self.plan_button.setAccessibleName(self.tr("Plan every time box from the time available"))
        plan_row.addWidget(self.plan_button)
        plan_row.addStretch(1)
        outer.addLayout(plan_row)

        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        outer.addWidget(self.area, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)

        self.fields: dict[tuple[BoxKind, str], QSpinBox] = {}
        self._build()
        self.available.valueChanged.connect(self._available_changed)
        self.plan_button.clicked.connect(self.plan)
        self.resize(720, 560)

    def _agenda(self) -> list[str]:
        if answers_hidden_reason(self.editor.session) is not None:
            return []  # its order would say where the hidden answers differ
        return [item.question_id for item in self.editor.analysis().agenda]

    def _build(self) -> None:
        session = self.editor.session
        content = QWidget()
        grid = QGridLayout(content)
        grid.setColumnStretch(0, 1)
        row = 0
        grid.addWidget(label(self.tr("Sections"), "heading"), row, 0, 1, 2)
        for number, section in enumerate(session.template.sections, start=1):
            row += 1
            title = self.tr("{number}. {title}").format(number=number, title=section.title)
            grid.addWidget(label(title), row, 0)
            field = _minutes_field(self.tr("Time box for section {title}").format(title=title))
            grid.addWidget(field, row, 1, Qt.AlignmentFlag.AlignTop)
            self.fields[("section", section.id)] = field
        row += 1
        grid.addWidget(label(self.tr("Agenda items"), "heading"), row, 0, 1, 2)
        agenda = self._agenda()
        if not agenda:
            row += 1
            grid.addWidget(
                label(
                    self.tr("The agenda's items can have time boxes once the answers are shown."),
                    "muted",
                ),
                row,
                0,
                1,
                2,
            )
        for question_id in agenda:
            row += 1
            prompt = session.template.question(question_id).prompt
            grid.addWidget(label(prompt), row, 0)
            field = _minutes_field(self.tr("Time box for {item}").format(item=prompt))
            grid.addWidget(field, row, 1, Qt.AlignmentFlag.AlignTop)
            self.fields[("item", question_id)] = field
        grid.setRowStretch(row + 1, 1)
        old = self.area.takeWidget()
        self.area.setWidget(content)
        if old is not None:
            old.deleteLater()
        self.show_boxes()
        for key, field in self.fields.items():
            field.valueChanged.connect(partial(self._box_changed, key))

    def show_boxes(self) -> None:
        """Show the time boxes the session holds now."""
        boxes = self.editor.session.time_boxes
        self.available.blockSignals(True)
        self.available.setValue(boxes.available or NO_BOX)
        self.available.blockSignals(False)
        for key, field in self.fields.items():
            field.blockSignals(True)
            field.setValue(boxes.box(key) or NO_BOX)
            field.blockSignals(False)
        self.plan_button.setEnabled(boxes.available is not None)

    def _box_changed(self, key: tuple[BoxKind, str], minutes: int) -> None:
        kind, identifier = key
        try_edit(
            self,
            lambda: self.editor.set_time_box(kind, identifier, minutes or None),
        )

    def _available_changed(self, minutes: int) -> None:
        try_edit(self, lambda: self.editor.set_time_available(minutes or None))
        self.plan_button.setEnabled(bool(minutes))

    def plan(self) -> None:
        """Every time box from the time available."""
        available = self.editor.session.time_boxes.available
        if available is None:
            return
        plan = plan_time_boxes(self.editor.session.template, self._agenda(), available)
        try_edit(self, lambda: self.editor.apply_time_plan(plan))
        self.show_boxes()
