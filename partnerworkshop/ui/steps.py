"""What the steps after Answer (Compare, Agree, Export) have in common."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ..model.edits import Edit, SessionEditor
from .common import answers_hidden_reason, label


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

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._stale:
            self._refresh_now()

    def _refresh_now(self) -> None:
        self._stale = False
        if self.editor is not None:
            self.refresh()

    def refresh(self) -> None:
        """Show the session as it is now."""

    def _lay_out(self, body: QWidget) -> None:
        """A note shown instead of ``body`` while the answers must stay hidden, then the body."""
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 8, 16, 8)
        self.hidden_note = label(role="help")
        outer.addWidget(self.hidden_note)
        self.body = body
        outer.addWidget(body, 1)

    def _answers_hidden(self) -> bool:
        """Show the note instead of the body when the answers may not be seen (blind, a pack)."""
        assert self.editor is not None
        reason = answers_hidden_reason(self.editor.session)
        self.hidden_note.setText(reason or "")
        self.hidden_note.setVisible(bool(reason))
        self.body.setVisible(not reason)
        return reason is not None
