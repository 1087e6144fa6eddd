"""Every dialog the app shows, in one place (tests replace these functions).

Messages that carry user or file text are shown as plain text, never as markup.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

SaveChoice = Literal["save", "discard", "cancel"]
RecoverChoice = Literal["recover", "discard", "later"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("Dialogs", text)


# Details up to this long are shown in the box itself; longer ones in its details area.
INLINE_LINES = 12
INLINE_CHARACTERS = 900


def _box(
    parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str, details: str = ""
) -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    if len(details.splitlines()) > INLINE_LINES or len(details) > INLINE_CHARACTERS:
        # A long list would make the box taller than the screen and push its buttons off it;
        # the details area scrolls.
        box.setInformativeText(_tr('"Show Details..." gives the full list.'))
        box.setDetailedText(details)
    elif details:
        box.setInformativeText(details)
    return box


def warn(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    _box(parent, QMessageBox.Icon.Warning, title, text, details).exec()


def confirm(parent: QWidget | None, title: str, text: str, yes: str) -> bool:
    """Ask before something that cannot be taken back lightly; the safe answer is the default."""
    box = _box(parent, QMessageBox.Icon.Question, title, text)
    go = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(_tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is go


def ask_save(parent: QWidget | None) -> SaveChoice:
    box = _box(
        parent,
        QMessageBox.Icon.Warning,
        _tr("Save the changes?"),
        _tr("The workshop has changes that are not saved. Save them first?"),
    )
    box.setStandardButtons(
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return "save"
    if answer == QMessageBox.StandardButton.Discard:
        return "discard"
    return "cancel"


def ask_recover(parent: QWidget | None, text: str, details: str) -> RecoverChoice:
    box = _box(parent, QMessageBox.Icon.Question, _tr("Recover unsaved work?"), text, details)
    recover = box.addButton(_tr("Recover"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(_tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(_tr("Decide later"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(recover)
    box.exec()
    if box.clickedButton() is recover:
        return "recover"
    if box.clickedButton() is discard:
        return "discard"
    return "later"


ElsewhereChoice = Literal["read_only", "copy", "cancel"]


def ask_open_elsewhere(parent: QWidget | None, text: str, details: str) -> ElsewhereChoice:
    """A file open in another window: open it read-only, as an untitled copy, or not at all."""
    box = _box(parent, QMessageBox.Icon.Warning, _tr("Open in another window"), text, details)
    read_only = box.addButton(_tr("Open read-only"), QMessageBox.ButtonRole.AcceptRole)
    copy = box.addButton(_tr("Open a copy"), QMessageBox.ButtonRole.ActionRole)
    cancel = box.addButton(_tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.exec()
    if box.clickedButton() is read_only:
        return "read_only"
    if box.clickedButton() is copy:
        return "copy"
    return "cancel"


def open_file_name(parent: QWidget | None, title: str, folder: str, filters: str) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, title, folder, filters)
    return Path(name) if name else None


def save_file_name(parent: QWidget | None, title: str, suggested: str, filters: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return Path(name) if name else None


IncomingChoice = Literal["new", "replace", "cancel"]


def choose_party(
    parent: QWidget | None, title: str, text: str, names: tuple[str, str]
) -> str | None:
    """Which party: "A", "B", or None when cancelled."""
    box = _box(parent, QMessageBox.Icon.Question, title, text)
    buttons = {
        box.addButton(names[0], QMessageBox.ButtonRole.AcceptRole): "A",
        box.addButton(names[1], QMessageBox.ButtonRole.AcceptRole): "B",
    }
    box.addButton(_tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    clicked = box.clickedButton()
    return next((side for button, side in buttons.items() if button is clicked), None)


def choose_one(parent: QWidget | None, title: str, text: str, choices: list[str]) -> int | None:
    """Which of ``choices`` (its place in the list, the first chosen to start with), or None when
    cancelled. The choices are shown as plain text."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setMinimumWidth(dialog.fontMetrics().averageCharWidth() * 60)
    layout = QVBoxLayout(dialog)
    question = QLabel(text)
    question.setTextFormat(Qt.TextFormat.PlainText)
    question.setWordWrap(True)
    layout.addWidget(question)
    listed = QListWidget()
    listed.addItems(choices)
    listed.setCurrentRow(0)
    listed.setAccessibleName(text)
    listed.itemDoubleClicked.connect(lambda _: dialog.accept())
    layout.addWidget(listed)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    chosen = dialog.exec() == QDialog.DialogCode.Accepted and listed.currentRow() >= 0
    return listed.currentRow() if chosen else None


def preview_incoming(
    parent: QWidget | None, title: str, text: str, details: str, *, new: int, conflicts: int
) -> IncomingChoice:
    """Show what incoming answers would change and ask how to go on."""
    box = _box(parent, QMessageBox.Icon.Question, title, text, details)
    take_new = (
        box.addButton(_tr("Take the new answers only"), QMessageBox.ButtonRole.AcceptRole)
        if new and conflicts
        else box.addButton(_tr("Take the answers"), QMessageBox.ButtonRole.AcceptRole)
        if new
        else None
    )
    replace = (
        box.addButton(
            _tr("Take them all, replacing those that differ"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        if conflicts
        else None
    )
    cancel = box.addButton(_tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is not None and clicked is take_new:
        return "new"
    if clicked is not None and clicked is replace:
        return "replace"
    return "cancel"


def open_url(url: QUrl) -> bool:
    """Hand ``url`` to the system (tests replace this function): False when nothing took it."""
    return QDesktopServices.openUrl(url)


def ask_open_folder(parent: QWidget | None, path: Path) -> bool:
    """No application opens ``path``: say so, and offer its folder. True: open the folder."""
    box = _box(
        parent,
        QMessageBox.Icon.Information,
        _tr("No application opens this file"),
        _tr(
            "No application on this computer is set up to open \u201c{name}\u201d (a PDF "
            "viewer, for a charter). The file itself is saved and complete."
        ).format(name=path.name),
        _tr(
            "It is in the folder {folder}. Open the folder to send or copy the file from "
            "there, or install a PDF viewer and try again."
        ).format(folder=path.parent),
    )
    folder = box.addButton(_tr("Open the folder"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(_tr("Close"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(folder)
    box.exec()
    return box.clickedButton() is folder


def open_externally(parent: QWidget | None, path: Path) -> None:
    """Open a file in the application the system uses for it (a PDF reader, say); without
    one, say so plainly and offer to open the folder it is in."""
    if open_url(QUrl.fromLocalFile(str(path))):
        return
    if ask_open_folder(parent, path) and not open_url(QUrl.fromLocalFile(str(path.parent))):
        warn(
            parent,
            _tr("The folder could not be opened"),
            _tr("No application on this computer is set up to show folders."),
            str(path.parent),
        )
