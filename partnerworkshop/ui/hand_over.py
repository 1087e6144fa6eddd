"""A screen that stands between two people sharing one laptop.

While it shows, nothing of what the previous person entered is on the screen: the next person
takes the laptop and continues when ready. It names who is next and carries one button.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from .common import label


class HandOverScreen(QWidget):
    """A screen saying "Pass the laptop to Northwind", a line of detail, and a button.

    Show it with :meth:`show_for`; it emits :attr:`continued` when the next person is ready.
    """

    continued = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.next_person = ""
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 48, 48, 48)
        outer.addStretch(2)
        self.title = label(role="headline")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(self.title)
        self.detail = label(role="muted")
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(self.detail)
        outer.addSpacing(24)
        row = QHBoxLayout()
        row.addStretch(1)
        self.continue_button = QPushButton()
        self.continue_button.setProperty("role", "primary")
        self.continue_button.setDefault(True)
        self.continue_button.setAutoDefault(True)
        row.addWidget(self.continue_button)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(3)
        self.continue_button.clicked.connect(self.continued)

    def show_for(self, next_person: str, detail: str = "", button: str = "") -> None:
        """Ask for the laptop to go to ``next_person``; ``button`` is the continue button's text
        (by default "Continue as {next_person}")."""
        self.next_person = next_person
        self.title.setText(self.tr("Pass the laptop to {name}").format(name=next_person))
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        text = button or self.tr("Continue as {name}").format(name=next_person)
        self.continue_button.setText(text)
        self.continue_button.setAccessibleName(text)
        self.setAccessibleName(self.title.text())
        self.continue_button.setFocus(Qt.FocusReason.OtherFocusReason)
