"""What the steps after Answer (Compare, Agree, Export) have in common."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from ..model.edits import Edit, SessionEditor


class StepPage(QWidget):
    """A step that follows the session: rebuilt when shown after a change, not on every edit."""

    jump_to_question = Signal(str)
    jump_to_step = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.editor: SessionEditor | None = None
        self._stale = True

    def set_editor(self, editor: SessionEditor) -> None:
        self.editor = editor
        self._stale = True
        if self.isVisible():
            self._refresh_now()

    def on_edit(self, edit: Edit) -> None:
        self._stale = True
        if self.isVisible():
            self._refresh_now()

    def showEvent(self, event: object) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)  # type: ignore[arg-type]
        if self._stale:
            self._refresh_now()

    def _refresh_now(self) -> None:
        self._stale = False
        if self.editor is not None:
            self.refresh()

    def refresh(self) -> None:
        """Show the session as it is now."""

    def step_status(self) -> str:
        return ""
