"""The Help menu's windows: a short guide to the five steps and the keys, and About.

Both are written by the app itself (no user text), so they may use simple markup.
"""

from __future__ import annotations

import html
import importlib.metadata

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from .. import __version__
from ..resources import resource_path


def _tr(text: str) -> str:
    return QCoreApplication.translate("Help", text)


class TextWindow(QDialog):
    """A window of text that stays open beside the workshop (it does not block the app)."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(False)
        self.text.setAccessibleName(title)
        self.text.setHtml(text)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        # Wide enough to read comfortably, and never taller than the screen.
        available = self.screen().availableGeometry()
        return QSize(min(720, available.width() - 80), min(640, available.height() - 100))


def _key(action: QAction) -> str:
    """The action's first key: the others are the platform's own spares for it."""
    return action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)


def guide_text(actions: list[QAction]) -> str:
    """The guide: the five steps in a few lines each, then every key (from ``actions``)."""
    steps = (
        (
            _tr("Set up"),
            _tr(
                "The workshop's title, date, place and facilitator; each party's organisation, "
                "short label, colour and representatives; and the questionnaire."
            ),
        ),
        (
            _tr("Answer"),
            _tr(
                "The questionnaire, section by section, one column per party. Each party can "
                "mark how important a question is, add a comment, or say it is not sure. In "
                "blind mode one party answers at a time and the other's answers stay hidden "
                "until the section is revealed."
            ),
        ),
        (
            _tr("Compare"),
            _tr(
                "Which kind of relationship each party describes, how aligned the answers are, "
                "and the agenda: the questions on which the parties are apart or that are "
                "still open, most pressing first."
            ),
        ),
        (
            _tr("Agree"),
            _tr(
                "Walk the agenda item by item: adopt one party's answer, agree a new position, "
                "or park it with an owner and a due date. Then the agreed definition, the "
                "action items and who signs."
            ),
        ),
        (
            _tr("Export"),
            _tr(
                "The partnership charter as a PDF for the legal teams, with a preview of its "
                "pages. File > Print prints the charter or the agenda."
            ),
        ),
    )
    parts = [f"<h2>{html.escape(_tr('The five steps'))}</h2><ol>"]
    parts += [f"<li><b>{html.escape(title)}</b>: {html.escape(text)}</li>" for title, text in steps]
    parts.append("</ol>")
    parts.append(
        "<p>"
        + html.escape(
            _tr(
                "Go from step to step with the step bar at the top, with Back and Next, or "
                "with the keys below. Every change can be undone, and a recovery copy of "
                "unsaved work is kept automatically."
            )
        )
        + "</p>"
    )
    parts.append(f"<h2>{html.escape(_tr('Keys'))}</h2><table cellpadding='3'>")
    rows = [(action.text().replace("&", ""), _key(action)) for action in actions]
    rows += [
        (_tr("Next input; previous input"), _tr("Tab; Shift+Tab")),
        (_tr("Move within a list of choices; choose"), _tr("Arrow keys; Space")),
        (_tr("Move the selected item of a ranking"), _tr("Ctrl+Up, Ctrl+Down")),
    ]
    parts += [
        f"<tr><td>{html.escape(what)}</td><td><b>{html.escape(keys)}</b></td></tr>"
        for what, keys in rows
    ]
    parts.append("</table>")
    return "".join(parts)


LIBRARIES = (
    ("Qt and Qt for Python (PySide6)", "PySide6-Essentials", "GNU LGPL version 3"),
    ("pydantic", "pydantic", "MIT"),
    ("ReportLab", "reportlab", "BSD"),
    ("pypdfium2 and PDFium", "pypdfium2", "BSD-3-Clause and Apache-2.0"),
)
"""The libraries the app ships with: its name, its distribution, its licence."""


def _version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return _tr("not installed")


def about_text() -> str:
    """The version, the app's licence, and the licences of the libraries and the fonts."""
    parts = [
        f"<h2>partnerworkshop {html.escape(__version__)}</h2>",
        "<p>"
        + html.escape(
            _tr(
                "A guided workshop that helps two organisations agree what their partnership "
                "means, and exports the agreed charter as a PDF. Licensed under the MIT licence."
            )
        )
        + "</p>",
        f"<h3>{html.escape(_tr('Libraries'))}</h3><table cellpadding='3'>",
    ]
    parts += [
        f"<tr><td>{html.escape(name)}</td><td>{html.escape(_version(distribution))}</td>"
        f"<td>{html.escape(licence)}</td></tr>"
        for name, distribution, licence in LIBRARIES
    ]
    parts.append("</table>")
    parts.append(f"<h3>{html.escape(_tr('Fonts'))}</h3>")
    licence = resource_path("fonts", "LICENSE").read_text(encoding="utf-8")
    parts.append(f"<pre style='white-space: pre-wrap'>{html.escape(licence)}</pre>")
    return "".join(parts)
