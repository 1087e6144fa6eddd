"""Driving the app the way a person does: clicks and keys on the real widgets."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QSlider,
    QWidget,
)

from partnerworkshop.model.session import Importance
from partnerworkshop.model.template import (
    MultipleChoiceQuestion,
    RankingQuestion,
    ScaleQuestion,
    SingleChoiceQuestion,
    SplitQuestion,
    TextQuestion,
)
from partnerworkshop.ui.answer_inputs import ChoiceInput, RankingInput, SplitInput, TextInput
from partnerworkshop.ui.answer_page import IMPORTANCES, PartyColumn


def bring_into_view(widget: QWidget) -> None:
    """Scroll the widget into view, as a person would before clicking it."""
    QApplication.processEvents()
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(widget)
        parent = parent.parentWidget()
    QApplication.processEvents()


def click(widget: QWidget) -> None:
    bring_into_view(widget)
    if isinstance(widget, QRadioButton | QCheckBox):
        # Only the indicator and the label react, not the empty width beside them.
        point = QPoint(10, widget.height() // 2)
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    else:
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` key by key; characters beyond ASCII arrive as a keyboard layout sends them."""
    for character in text:
        if character == "\n":
            QTest.keyClick(widget, Qt.Key.Key_Return)
            continue
        if character.isascii():
            QTest.keyClicks(widget, character)
            continue
        for event_type in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(event_type, 0, Qt.KeyboardModifier.NoModifier, character)
            QApplication.sendEvent(widget, event)


def type_into(widget: QWidget, text: str) -> None:
    """Click into a text field and type, as a person does."""
    click(widget)
    widget.setFocus()
    type_text(widget, text)


def replace_text(widget: QLineEdit | QAbstractSpinBox, text: str) -> None:
    widget.setFocus()
    QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(widget, text)
    QTest.keyClick(widget, Qt.Key.Key_Return)


def answer_column(column: PartyColumn, seed: int) -> dict[str, Any]:
    """Answer one party's column with the mouse and keyboard; returns what was entered."""
    question = column.question
    entered: dict[str, Any] = {}
    widget = column.input
    if isinstance(question, ScaleQuestion | SingleChoiceQuestion):
        assert isinstance(widget, ChoiceInput)
        buttons = widget.buttons()
        index = seed % len(buttons)
        click(buttons[index])
        entered["value"] = (
            question.points[index].value
            if isinstance(question, ScaleQuestion)
            else question.options[index].id
        )
    elif isinstance(question, MultipleChoiceQuestion):
        assert isinstance(widget, ChoiceInput)
        buttons = widget.buttons()
        limit = question.max_choices or len(buttons)
        chosen = sorted({seed % len(buttons), (seed + 2) % len(buttons)})[:limit]
        for index in chosen:
            click(buttons[index])
        entered["value"] = [question.options[i].id for i in chosen]
    elif isinstance(question, SplitQuestion):
        assert isinstance(widget, SplitInput)
        share = (seed * 15) % 101
        replace_text(widget.findChild(QAbstractSpinBox), str(share))  # type: ignore[arg-type]
        entered["value"] = share
    elif isinstance(question, RankingQuestion):
        assert isinstance(widget, RankingInput)
        ranking = widget.findChild(QListWidget)
        assert isinstance(ranking, QListWidget)
        order = question.option_ids()
        ranking.setFocus()
        QTest.keyClick(ranking, Qt.Key.Key_Home)
        moves = 1 + seed % (len(order) - 1)
        for _ in range(moves):
            QTest.keyClick(ranking, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
        order.insert(moves, order.pop(0))
        entered["value"] = order
    else:
        assert isinstance(question, TextQuestion)
        assert isinstance(widget, TextInput)
        text = f"Answer {seed}, with a comma and ünïcode"
        type_into(widget.findChild(QPlainTextEdit), text)  # type: ignore[arg-type]
        entered["value"] = text
    importance: Importance = IMPORTANCES[seed % 3]
    combo = column.importance
    combo.setFocus()
    steps = IMPORTANCES.index(importance) - combo.currentIndex()
    for _ in range(abs(steps)):
        QTest.keyClick(combo, Qt.Key.Key_Down if steps > 0 else Qt.Key.Key_Up)
    entered["importance"] = importance
    if seed % 4 == 0:
        type_into(column.comment, f"Note {seed}: A&B <Ltd>")
        entered["comment"] = f"Note {seed}: A&B <Ltd>"
    if seed % 7 == 0 and question.allow_not_sure:
        click(column.not_sure)
        entered["not_sure"] = True
    return entered


def visible_texts(root: QWidget) -> list[str]:
    """Every piece of text any widget under ``root`` shows or carries (tooltips included)."""
    texts: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        texts.extend(
            [
                widget.toolTip(),
                widget.accessibleName(),
                widget.accessibleDescription(),
                widget.statusTip(),
                widget.whatsThis(),
                widget.windowTitle(),
            ]
        )
        for getter in ("text", "toPlainText", "currentText", "placeholderText", "title"):
            method = getattr(widget, getter, None)
            if callable(method):
                try:
                    texts.append(str(method()))
                except TypeError:
                    continue
        if isinstance(widget, QComboBox):
            texts.extend(widget.itemText(i) for i in range(widget.count()))
        if isinstance(widget, QListWidget):
            for row in range(widget.count()):
                item = widget.item(row)
                texts.extend([item.text(), item.toolTip()])
        if isinstance(widget, QSlider | QAbstractSpinBox):
            texts.append(str(widget.property("value")))
    return [text for text in texts if text]


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def checked_buttons(root: QWidget) -> list[str]:
    return [
        b.text() for b in root.findChildren(QAbstractButton) if b.isCheckable() and b.isChecked()
    ]


CHARTER_TIMEOUT_MS = 30000
"""How long a test waits for the charter: made off the window's thread, on a busy machine."""


def wait_for_charter(page: Any, qtbot: Any) -> None:
    """Wait until the Export step knows what the charter holds (its export button is ready)."""
    qtbot.waitUntil(lambda: page.summary is not None, timeout=CHARTER_TIMEOUT_MS)


def export_and_wait(page: Any, qtbot: Any) -> None:
    """Click Export once the step is ready, and wait for the export to end."""
    wait_for_charter(page, qtbot)
    click(page.export_button)
    qtbot.waitUntil(lambda: not page.export_running(), timeout=CHARTER_TIMEOUT_MS)
