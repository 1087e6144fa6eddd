"""One input per kind of question, for one party.

Each input shows a value with :meth:`AnswerInput.show_value` (never emitting anything) and emits
:attr:`AnswerInput.committed` when the user chooses a value, so the page turns it into an edit.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..model.template import (
    AnswerValue,
    MultipleChoiceQuestion,
    Option,
    Question,
    RankingQuestion,
    ScaleQuestion,
    SingleChoiceQuestion,
    SplitQuestion,
    TextQuestion,
)
from .common import label, plain_tooltip
from .icons import icon


class _InputBase(QWidget):
    committed = Signal(object)

    def __init__(self, who: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.who = who
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)

    def focus_first(self) -> None:
        """Put the keyboard focus on the first part of the input that takes it."""
        for child in self.findChildren(QWidget):
            if child.focusPolicy() & Qt.FocusPolicy.TabFocus and child.isVisibleTo(self):
                child.setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def _named(self, widget: QWidget, name: str) -> None:
        widget.setAccessibleName(self.tr("{who}: {name}").format(who=self.who, name=name))


class ChoiceLabel(QLabel):
    """The words of a choice: they wrap on a narrow or zoomed screen, and a click chooses."""

    clicked = Signal()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class ChoiceRow(QWidget):
    """A radio button or check box with its words beside it, wrapping like a paragraph.

    A chosen row is highlighted as a whole (style property ``choice``), so that the answer can
    be seen from across a room, not only by its small dot or tick."""

    def __init__(self, button: QAbstractButton, text: str, description: str) -> None:
        super().__init__()
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setProperty("choice", "")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(6)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        self.words = ChoiceLabel(text)
        self.words.setTextFormat(Qt.TextFormat.PlainText)
        self.words.setWordWrap(True)
        self.words.setBuddy(button)
        if description:
            self.words.setToolTip(plain_tooltip(description))
        self.words.clicked.connect(button.click)
        layout.addWidget(self.words, 1)

    def show_chosen(self, chosen: bool) -> None:
        value = "chosen" if chosen else ""
        if self.property("choice") == value:
            return
        self.setProperty("choice", value)
        for widget in (self, self.words):
            widget.style().unpolish(widget)
            widget.style().polish(widget)


class ChoiceInput(_InputBase):
    """Scale points or options as radio buttons (one answer) or check boxes (several).

    Radio buttons form one group (Tab enters it, the arrow keys choose); each check box is a
    stop of its own on the Tab path, ticked with Space.
    """

    def __init__(
        self,
        who: str,
        choices: list[tuple[str, str, str]],
        *,
        several: bool,
        max_choices: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(who, parent)
        self._several = several
        self._max = max_choices
        self._group = QButtonGroup(self) if not several else None
        self._keys: list[str] = []
        self._buttons: list[QRadioButton | QCheckBox] = []
        self._rows: list[ChoiceRow] = []
        if max_choices:
            note = label(self.tr("Choose up to {count}.").format(count=max_choices), "muted")
            self._layout.addWidget(note)
        for index, (key, text, description) in enumerate(choices):
            button: QRadioButton | QCheckBox = QCheckBox() if several else QRadioButton()
            if description:
                button.setToolTip(plain_tooltip(description))
                button.setAccessibleDescription(description)
            self._named(button, text)
            if self._group is not None:
                self._group.addButton(button, index)
            button.clicked.connect(partial(self._clicked, index))
            button.toggled.connect(self._show_chosen)
            row = ChoiceRow(button, text, description)
            self._layout.addWidget(row)
            self._rows.append(row)
            self._keys.append(key)
            self._buttons.append(button)

    def buttons(self) -> list[QRadioButton | QCheckBox]:
        return list(self._buttons)

    def focus_first(self) -> None:
        chosen = [button for button in self._buttons if button.isChecked()]
        (chosen or self._buttons)[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def show_value(self, value: AnswerValue | None) -> None:
        if value is None:
            keys: list[str] = []
        elif isinstance(value, list):
            keys = value
        else:
            keys = [str(value)]
        if self._group is not None:
            self._group.setExclusive(False)  # an exclusive group cannot show "nothing chosen"
        for key, button in zip(self._keys, self._buttons, strict=True):
            button.blockSignals(True)
            button.setChecked(key in keys)
            button.blockSignals(False)
        if self._group is not None:
            self._group.setExclusive(True)
        self._show_chosen()

    def _show_chosen(self) -> None:
        for row, button in zip(self._rows, self._buttons, strict=True):
            row.show_chosen(button.isChecked())

    def _clicked(self, index: int) -> None:
        if not self._several:
            self.committed.emit(self._keys[index])
            return
        chosen = [
            key for key, button in zip(self._keys, self._buttons, strict=True) if button.isChecked()
        ]
        if self._max and len(chosen) > self._max:
            self._buttons[index].setChecked(False)  # one too many: take the tick back
            return
        self.committed.emit(chosen)


class ScaleInput(ChoiceInput):
    """Scale points as radio buttons, each with its anchor label in view."""

    def __init__(self, who: str, question: ScaleQuestion, parent: QWidget | None = None) -> None:
        choices = [
            (str(point.value), f"{point.value} · {point.label}", point.description)
            for point in question.points
        ]
        super().__init__(who, choices, several=False, parent=parent)

    def _clicked(self, index: int) -> None:
        self.committed.emit(int(self._keys[index]))


def _option_choices(options: list[Option]) -> list[tuple[str, str, str]]:
    return [(option.id, option.label, option.description) for option in options]


class SplitBar(QWidget):
    """Two shares as a bar in the parties' colours, each share also written as a number."""

    def __init__(
        self, names: tuple[str, str], colours: tuple[str, str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._names = names
        self._colours = colours
        self._share_a: int | None = None
        self.setMinimumHeight(26)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_share(self, share_a: int | None) -> None:
        self._share_a = share_a
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(240, max(26, self.fontMetrics().height() + 10))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        if self._share_a is None:
            painter.setPen(QColor("#B8B4AA"))
            painter.setBrush(QColor("#F1EFEA"))
            painter.drawRoundedRect(rect, 3, 3)
            return
        width_a = rect.width() * self._share_a / 100
        for left, width, colour in (
            (rect.left(), width_a, self._colours[0]),
            (rect.left() + width_a, rect.width() - width_a, self._colours[1]),
        ):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(colour))
            painter.drawRect(QRectF(left, rect.top(), width, rect.height()))
        painter.setPen(QColor("#FFFFFF"))
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        if self._share_a >= 15:
            painter.drawText(
                QRectF(rect.left() + 6, rect.top(), width_a, rect.height()),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                f"{self._share_a}%",
            )
        if self._share_a <= 85:
            painter.drawText(
                QRectF(
                    rect.left() + width_a, rect.top(), rect.width() - width_a - 6, rect.height()
                ),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                f"{100 - self._share_a}%",
            )


class SplitInput(_InputBase):
    """A slider and a number for the share carried by Party A; the rest is Party B's."""

    def __init__(
        self,
        who: str,
        question: SplitQuestion,
        names: tuple[str, str],
        colours: tuple[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(who, parent)
        self._names = names
        row = QHBoxLayout()
        self._slider = QSlider(Qt.Orientation.Horizontal)
        self._slider.setRange(0, 100)
        self._slider.setSingleStep(5)
        self._slider.setPageStep(10)
        self._named(
            self._slider,
            self.tr("share of {topic} carried by {name}").format(
                topic=question.topic, name=names[0]
            ),
        )
        self._spin = QSpinBox()
        self._spin.setRange(0, 100)
        self._spin.setSuffix("%")
        self._named(
            self._spin,
            self.tr("percent of {topic} carried by {name}").format(
                topic=question.topic, name=names[0]
            ),
        )
        # The number sits beside the name it belongs to: the share carried by Party A.
        row.addWidget(label(names[0], wrap=False))
        row.addWidget(self._spin)
        row.addWidget(self._slider, 1)
        row.addWidget(label(names[1], wrap=False))
        self._layout.addLayout(row)
        self._bar = SplitBar(names, colours)
        self._layout.addWidget(self._bar)
        self._words = label()
        self._layout.addWidget(self._words)
        self._slider.valueChanged.connect(self._slider_moved)
        self._slider.sliderReleased.connect(lambda: self._commit(self._slider.value()))
        self._spin.editingFinished.connect(lambda: self._commit(self._spin.value()))
        self._shown: int | None = None

    def show_value(self, value: AnswerValue | None) -> None:
        share = value if isinstance(value, int) else None
        self._shown = share
        for widget in (self._slider, self._spin):
            widget.blockSignals(True)
            widget.setValue(50 if share is None else share)
            widget.blockSignals(False)
        self._show_words(share)

    def _show_words(self, share: int | None) -> None:
        self._bar.set_share(share)
        if share is None:
            self._words.setText(self.tr("Not answered yet: move the slider or type a share."))
            self._words.setProperty("role", "muted")
        else:
            self._words.setText(
                self.tr("{a} carries {share_a}%, {b} carries {share_b}%").format(
                    a=self._names[0], share_a=share, b=self._names[1], share_b=100 - share
                )
            )
            self._words.setProperty("role", "")
        self._words.style().polish(self._words)

    def _slider_moved(self, value: int) -> None:
        self._spin.blockSignals(True)
        self._spin.setValue(value)
        self._spin.blockSignals(False)
        self._show_words(value)
        if not self._slider.isSliderDown():  # keys and clicks commit at once; a drag on release
            self._commit(value)

    def _commit(self, value: int) -> None:
        if value != self._shown:
            self._shown = value
            self.committed.emit(value)


class RankingList(QListWidget):
    """A list reordered by drag and drop, or by Ctrl+Up and Ctrl+Down on the current item."""

    reordered = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSizeAdjustPolicy(QAbstractItemView.SizeAdjustPolicy.AdjustToContents)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.model().rowsMoved.connect(lambda *_: self.reordered.emit())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier and event.key() in (
            Qt.Key.Key_Up,
            Qt.Key.Key_Down,
        ):
            self.move_current(-1 if event.key() == Qt.Key.Key_Up else 1)
            return
        super().keyPressEvent(event)

    def move_current(self, step: int) -> None:
        row = self.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.count():
            return
        item = self.takeItem(row)
        self.insertItem(target, item)
        self.setCurrentRow(target)
        self.reordered.emit()


class RankingInput(_InputBase):
    def __init__(self, who: str, question: RankingQuestion, parent: QWidget | None = None) -> None:
        super().__init__(who, parent)
        self._options: dict[str, Option] = {o.id: o for o in question.options}
        self._default = question.option_ids()
        hint = label(
            self.tr("Most important first. Drag, or select and press Ctrl+Up / Ctrl+Down."), "muted"
        )
        self._layout.addWidget(hint)
        self._list = RankingList()
        self._named(self._list, self.tr("ranking, most important first"))
        self._layout.addWidget(self._list)
        buttons = QHBoxLayout()
        self._up = QPushButton(icon("move-up"), self.tr("Up"))
        self._down = QPushButton(icon("move-down"), self.tr("Down"))
        self._keep = QPushButton(self.tr("Use this order"))
        for button, name in (
            (self._up, self.tr("move the selected item up")),
            (self._down, self.tr("move the selected item down")),
            (self._keep, self.tr("use this order as the answer")),
        ):
            self._named(button, name)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self._layout.addLayout(buttons)
        self._status = label(role="muted")
        self._layout.addWidget(self._status)
        self._up.clicked.connect(lambda: self._list.move_current(-1))
        self._down.clicked.connect(lambda: self._list.move_current(1))
        self._keep.clicked.connect(lambda: self.committed.emit(self._order()))
        self._list.reordered.connect(lambda: self.committed.emit(self._order()))

    def _order(self) -> list[str]:
        return [
            str(self._list.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self._list.count())
        ]

    def show_value(self, value: AnswerValue | None) -> None:
        order = list(value) if isinstance(value, list) else self._default
        current = self._list.currentRow()
        self._list.blockSignals(True)
        self._list.model().blockSignals(True)
        self._list.clear()
        for position, option_id in enumerate(order, start=1):
            option = self._options[option_id]
            item = QListWidgetItem(
                f"{position}. {option.label}" if value is not None else option.label
            )
            item.setData(Qt.ItemDataRole.UserRole, option_id)
            if option.description:
                item.setToolTip(plain_tooltip(option.description))
            self._list.addItem(item)
        self._list.model().blockSignals(False)
        self._list.blockSignals(False)
        if current >= 0:
            self._list.setCurrentRow(current)
        self._keep.setVisible(value is None)
        self._status.setText("" if value is not None else self.tr("Not ranked yet."))


class TextInput(_InputBase):
    """Free text; typing is one undo step until the field is left."""

    finished = Signal()

    def __init__(self, who: str, question: TextQuestion, parent: QWidget | None = None) -> None:
        super().__init__(who, parent)
        self._edit = PlainTextField()
        self._edit.setPlaceholderText(self.tr("Type the answer here"))
        self._named(self._edit, self.tr("answer"))
        self._limit = question.max_length
        self._layout.addWidget(self._edit)
        self._edit.textChanged.connect(self._typed)
        self._edit.left.connect(self.finished.emit)
        self._updating = False

    def show_value(self, value: AnswerValue | None) -> None:
        text = value if isinstance(value, str) else ""
        if self._edit.toPlainText() != text:
            self._updating = True
            self._edit.setPlainText(text)
            self._updating = False

    def _typed(self) -> None:
        if self._updating:
            return
        text = self._edit.toPlainText()[: self._limit]
        self.committed.emit(text or None)


class PlainTextField(QPlainTextEdit):
    """A few lines of text where Tab moves on (as in a form) and leaving the field is reported."""

    left = Signal()

    def __init__(self, parent: QWidget | None = None, *, lines: int | None = 3) -> None:
        super().__init__(parent)
        self._lines = lines
        self.setTabChangesFocus(True)
        self._fit_lines()

    def _fit_lines(self) -> None:
        if self._lines is not None:
            self.setFixedHeight(self.fontMetrics().lineSpacing() * self._lines + 14)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt's name)
        super().focusOutEvent(event)
        self.left.emit()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        self._fit_lines()


AnswerInput = ScaleInput | ChoiceInput | SplitInput | RankingInput | TextInput


def make_input(
    question: Question,
    who: str,
    names: tuple[str, str],
    colours: tuple[str, str],
    parent: QWidget | None = None,
) -> AnswerInput:
    """The input suited to the question's kind; ``who`` names the party in accessible names."""
    if isinstance(question, ScaleQuestion):
        return ScaleInput(who, question, parent)
    if isinstance(question, SingleChoiceQuestion):
        return ChoiceInput(who, _option_choices(question.options), several=False, parent=parent)
    if isinstance(question, MultipleChoiceQuestion):
        return ChoiceInput(
            who,
            _option_choices(question.options),
            several=True,
            max_choices=question.max_choices,
            parent=parent,
        )
    if isinstance(question, SplitQuestion):
        return SplitInput(who, question, names, colours, parent)
    if isinstance(question, RankingQuestion):
        return RankingInput(who, question, parent)
    assert isinstance(question, TextQuestion)
    return TextInput(who, question, parent)
