"""The message boxes themselves: long lists go where they scroll, short ones are shown at once."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from partnerworkshop.ui import dialogs


def _shown_by_warn(details: str) -> tuple[str, str, bool]:
    """The informative and detailed text of the box ``warn`` shows, and whether it fitted."""
    seen: list[tuple[str, str, bool]] = []

    def look_and_close() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        screen = box.screen().availableGeometry()
        seen.append((box.informativeText(), box.detailedText(), box.height() <= screen.height()))
        box.done(0)

    QTimer.singleShot(0, look_and_close)
    dialogs.warn(None, "Title", "What happened.", details)
    (shown,) = seen
    return shown


def test_a_few_lines_are_shown_in_the_box(qapp: Any) -> None:
    details = "\n".join(f"row {number}: the value is not allowed" for number in range(5))
    assert _shown_by_warn(details) == (details, "", True)


def test_a_long_list_goes_into_the_details_area(qapp: Any) -> None:
    details = "\n".join(
        f"row {number}: the value is not one of the options allowed for this question"
        for number in range(60)
    )
    informative, detailed, fitted = _shown_by_warn(details)
    assert detailed == details
    assert "Show Details" in informative
    assert fitted, "the box and its buttons stay on the screen"


def _choose_with_keys(*keys: Any) -> int | None:
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QListWidget

    def press() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None
        listed = dialog.findChild(QListWidget)
        assert listed is not None and listed.currentRow() == 0, "the first is chosen to start"
        for key in keys:
            QTest.keyClick(listed, key)

    QTimer.singleShot(0, press)
    return dialogs.choose_one(None, "Title", "Whose answers?", ["A <b>1</b>", "B", "C"])


def test_one_of_several_is_chosen_with_the_keyboard(qapp: Any) -> None:
    from PySide6.QtCore import Qt

    assert _choose_with_keys(Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Return) == 2
    assert _choose_with_keys(Qt.Key.Key_Return) == 0
    assert _choose_with_keys(Qt.Key.Key_Down, Qt.Key.Key_Escape) is None
