"""The Compare, Agree and Export steps."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ..model.edits import Edit, SessionEditor
from .common import label


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


class AgreePage(StepPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addWidget(label(self.tr("Agree"), "title"))
        layout.addStretch(1)


class ExportPage(StepPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addWidget(label(self.tr("Export"), "title"))
        layout.addStretch(1)


# The Compare step lives in its own module, which builds on StepPage above. It is looked up on
# first use, so that either module can be imported first without a circular import.
if TYPE_CHECKING:
    from .compare_page import ComparePage as ComparePage


def __getattr__(name: str) -> Any:
    if name == "ComparePage":
        from .compare_page import ComparePage

        return ComparePage
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
