"""What the room sees: the hand-over screen between blind answerers, and the room view.

The main window owns one :class:`Room`. It wraps the window's content so that a hand-over screen
can stand in front of it, and it opens the room view, a second window on the same session.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QStackedWidget

from ..model.edits import Edit, SessionEditor
from .common import party_name
from .hand_over import HandOverScreen

if TYPE_CHECKING:
    from .main_window import MainWindow


class Room(QObject):
    """The hand-over screen in the main window, and (when presenting) the room view."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.editor: SessionEditor | None = None
        content = window.takeCentralWidget()
        assert content is not None, "the window's content is built before the room"
        self.screens = QStackedWidget()
        self.screens.addWidget(content)
        self.hand_over = HandOverScreen()
        self.hand_over.setAccessibleName(self.tr("Hand-over"))
        self.screens.addWidget(self.hand_over)
        window.setCentralWidget(self.screens)
        self.hand_over.continued.connect(self.end_hand_over)

    # --- following the main window --------------------------------------------------------------

    def set_editor(self, editor: SessionEditor) -> None:
        self.editor = editor
        self.end_hand_over()

    def on_edit(self, edit: Edit) -> None:
        assert self.editor is not None
        session = self.editor.session
        blind = session.answering.mode == "blind" and session.pack_for is None
        if blind and edit.touches("answering", "current"):
            self.start_hand_over()

    def page_built(self, index: int, page: Any) -> None:
        """A step's page was built (they are built when first shown)."""

    # --- the hand-over between blind answerers ----------------------------------------------

    @property
    def handing_over(self) -> bool:
        return self.screens.currentWidget() is self.hand_over

    def start_hand_over(self) -> None:
        """Hide the main window's content until the party answering now takes the laptop."""
        assert self.editor is not None
        session = self.editor.session
        name = party_name(session, session.answering.current)
        self.hand_over.show_for(
            name,
            self.tr(
                "The answers given so far stay hidden. {name} continues when it has the laptop."
            ).format(name=name),
        )
        self.screens.setCurrentWidget(self.hand_over)
        self.hand_over.continue_button.setFocus()

    def end_hand_over(self) -> None:
        self.screens.setCurrentIndex(0)
