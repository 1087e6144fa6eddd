"""The main window: the step bar, the five steps, the menus, files, undo and autosave."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from functools import partial
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLockFile,
    QMargins,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QKeySequence,
    QMoveEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QHBoxLayout,
    QMainWindow,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QStatusBar,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ..errors import FileProblem
from ..model.agreement import agreement_check
from ..model.catalog import builtin_template, example_session
from ..model.edits import Edit, SessionEditor
from ..model.recovery import RecoveryEntry
from ..model.session import Session, new_session
from ..model.storage import load_session, save_session
from ..model.template import short_text
from . import dialogs
from .common import answers_hidden_reason, overflow_area
from .dates import show_moment
from .file_guard import FileLock, content_digest
from .icons import icon
from .room import Room
from .setup_page import SetupPage
from .step_status import step_statuses, what_agreed_needs
from .steps import StepPage
from .style import ACCENT, INK, MUTED, TOOLBAR_ICON_SIZE, ZOOM_STEPS, apply_theme
from .user_files import UserFiles
from .window_geometry import FRAME_ALLOWANCE, first_geometry, fits

if TYPE_CHECKING:
    from .agree_page import AgreePage
    from .answer_page import AnswerPage
    from .compare_page import ComparePage
    from .export_page import ExportPage
    from .outside_answers import OutsideAnswers

SESSION_SUFFIX = ".pws.json"
AUTOSAVE_DELAY_MS = 1000
ICONS_ONLY_FROM_ZOOM = 175
"""From this zoom (percent) on, the toolbar shows its icons without their words."""


def action_names() -> dict[str, str]:
    """How each edit is named in the Undo and Redo menu entries."""
    tr = QCoreApplication.translate
    return {
        "workshop.title": tr("Edits", "workshop title"),
        "workshop.date": tr("Edits", "workshop date"),
        "workshop.location": tr("Edits", "location"),
        "workshop.facilitator": tr("Edits", "facilitator"),
        "party.organisation": tr("Edits", "organisation"),
        "party.label": tr("Edits", "short label"),
        "party.colour": tr("Edits", "colour"),
        "party.legal_name": tr("Edits", "legal name"),
        "party.registration_number": tr("Edits", "registration number"),
        "party.registered_address": tr("Edits", "registered address"),
        "party.representatives": tr("Edits", "representatives"),
        "party.representative": tr("Edits", "representative"),
        "template": tr("Edits", "questionnaire change"),
        "answer.value": tr("Edits", "answer"),
        "answer.not_sure": tr("Edits", "not sure"),
        "answer.importance": tr("Edits", "importance"),
        "answer.comment": tr("Edits", "comment"),
        "answering.mode": tr("Edits", "answering mode"),
        "answering.current": tr("Edits", "party answering"),
        "answering.reveal": tr("Edits", "reveal"),
        "agreement.resolve": tr("Edits", "resolution"),
        "agreement.park": tr("Edits", "parked item"),
        "agreement.reopen": tr("Edits", "reopened item"),
        "agreement.notes": tr("Edits", "notes"),
        "agreement.wording": tr("Edits", "agreed wording"),
        "agreement.owner": tr("Edits", "owner"),
        "agreement.due": tr("Edits", "due date"),
        "agreement.definition": tr("Edits", "agreed definition"),
        "agreement.kind": tr("Edits", "agreed kind of relationship"),
        "agreement.status": tr("Edits", "status"),
        "agreement.legal_effect": tr("Edits", "legal effect"),
        "agreement.effective_date": tr("Edits", "effective date"),
        "agreement.action_items": tr("Edits", "action items"),
        "agreement.action_item": tr("Edits", "action item"),
        "agreement.signatories": tr("Edits", "signatories"),
        "agreement.signatory": tr("Edits", "signatory"),
        "import": tr("Edits", "imported answers"),
        "time.box": tr("Edits", "time box"),
        "time.available": tr("Edits", "time available"),
        "time.plan": tr("Edits", "time plan"),
    }


def fit_words(text: str, metrics: QFontMetrics, width: int) -> str:
    """``text`` if it fits in ``width``; else as many of its first words as fit, then an
    ellipsis: never a word cut in two."""
    if metrics.horizontalAdvance(text) <= width:
        return text
    words = text.split()
    while words:
        shortened = " ".join(words).rstrip(",;:\u00b7 ") + "\u2026"
        if metrics.horizontalAdvance(shortened) <= width:
            return shortened
        words.pop()
    return ""


class StepButton(QAbstractButton):
    """One step: its number and name, and under it how complete it is. When narrow, the number
    goes first, then whole words from the end; a word is never cut."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.status = ""
        self.setCheckable(True)
        self.setAutoExclusive(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def set_status(self, status: str) -> None:
        self.status = status
        self.setAccessibleDescription(status)
        self.updateGeometry()
        self.update()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.updateGeometry()  # zoom or a screen of another resolution: measure again

    def _fonts(self) -> tuple[QFont, QFont]:
        title = QFont(self.font())
        title.setPointSizeF(self.font().pointSizeF() * 1.1)
        title.setWeight(QFont.Weight.DemiBold)
        status = QFont(self.font())
        status.setPointSizeF(self.font().pointSizeF() * 0.9)
        return title, status

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        title_font, status_font = self._fonts()
        title, status = QFontMetrics(title_font), QFontMetrics(status_font)
        width = max(title.horizontalAdvance(self.text()), status.horizontalAdvance(self.status))
        return QSize(width + 30, title.height() + status.height() + 16)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        title_font, _ = self._fonts()
        hint = self.sizeHint()
        return QSize(
            min(hint.width(), QFontMetrics(title_font).horizontalAdvance(self.text()) + 28),
            hint.height(),
        )

    def _shown_title(self, metrics: QFontMetrics, width: int) -> str:
        """The number and the name; the name alone when short of room; then fewer words."""
        if metrics.horizontalAdvance(self.text()) <= width:
            return self.text()
        return fit_words(self.title, metrics, width)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        rect = self.rect().adjusted(14, 6, -14, -8)
        if self.hasFocus():
            pen = QPen(QColor(ACCENT), 1, Qt.PenStyle.DotLine)
            painter.setPen(pen)
            painter.drawRect(self.rect().adjusted(1, 1, -2, -2))
        title_font, status_font = self._fonts()
        painter.setPen(QColor(INK if self.isChecked() else MUTED))
        painter.setFont(title_font)
        title_metrics = QFontMetrics(title_font)
        painter.drawText(
            rect.left(),
            rect.top() + title_metrics.ascent(),
            self._shown_title(title_metrics, rect.width()),
        )
        painter.setFont(status_font)
        painter.setPen(QColor(MUTED))
        status_metrics = QFontMetrics(status_font)
        painter.drawText(
            rect.left(),
            rect.top() + title_metrics.height() + status_metrics.ascent(),
            fit_words(self.status, status_metrics, rect.width()),
        )
        if self.isChecked():
            painter.fillRect(0, self.height() - 3, self.width(), 3, QColor(ACCENT))


class StepBar(QWidget):
    """Set up - Answer - Compare - Agree - Export: where you are and how far each step is."""

    step_chosen = Signal(int)

    def __init__(self, titles: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 4, 12, 0)
        layout.setSpacing(2)
        self.titles = titles
        self.buttons: list[StepButton] = []
        for index, title in enumerate(titles):
            button = StepButton(title)
            button.setText(f"{index + 1}  {title}")
            button.setAccessibleName(
                self.tr("Step {number}: {title}").format(number=index + 1, title=title)
            )
            button.clicked.connect(partial(self.step_chosen.emit, index))
            layout.addWidget(button)
            self.buttons.append(button)
        layout.addStretch(1)

    def set_current(self, index: int) -> None:
        self.buttons[index].setChecked(True)

    def set_statuses(self, statuses: list[str]) -> None:
        for button, status in zip(self.buttons, statuses, strict=True):
            button.set_status(status)


class MainWindow(QMainWindow):
    def __init__(self, user_files: UserFiles, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.user_files = user_files
        self._editor: SessionEditor | None = None
        self.path: Path | None = None
        self._lock: QLockFile | None = None
        self._outside: OutsideAnswers | None = None
        self._in_last_resort = False
        self._file_lock: FileLock | None = None
        self.read_only = False
        """Opened while another window had the file: saving asks for another name."""
        self._on_disk: str | None = None
        """What the file held when it was opened or last saved here (its digest)."""
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowIcon(icon("partnerworkshop"))

        self.step_titles = [
            self.tr("Set up"),
            self.tr("Answer"),
            self.tr("Compare"),
            self.tr("Agree"),
            self.tr("Export"),
        ]
        # The Set up step is built at once; the others when first shown (a quicker start).
        self.setup_page = SetupPage()
        self._pages: dict[int, Any] = {0: self.setup_page}
        """The steps' pages built so far, by step (each has set_editor and on_edit)."""
        self.stack = QStackedWidget()
        for title in self.step_titles:
            self.stack.addWidget(overflow_area(title))
        self._area(0).setWidget(self.setup_page)

        self.step_bar = StepBar(self.step_titles)
        self.step_bar.step_chosen.connect(self.go_to_step)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.step_bar)
        layout.addWidget(self.stack, 1)
        navigation = QHBoxLayout()
        navigation.setContentsMargins(16, 8, 16, 10)
        self.back_button = QPushButton(self.tr("Back"))
        self.next_button = QPushButton()
        self.next_button.setProperty("role", "primary")
        navigation.addWidget(self.back_button)
        navigation.addStretch(1)
        navigation.addWidget(self.next_button)
        layout.addLayout(navigation)
        self.setCentralWidget(central)
        self.room = Room(self)
        """What the room sees: the hand-over screen and the room view."""
        self.back_button.clicked.connect(lambda: self.go_to_step(self.stack.currentIndex() - 1))
        self.next_button.clicked.connect(lambda: self.go_to_step(self.stack.currentIndex() + 1))

        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_DELAY_MS)
        self._autosave.timeout.connect(self.autosave)

        self._build_actions()
        self._build_print_and_help()
        self._frame_unknown = True
        self._placed_by_default = False
        self._state_before_full_screen = Qt.WindowState.WindowNoState
        self._place_on_screen()
        self.set_document(new_session(builtin_template()), None)
        self.go_to_step(0)

    # --- actions, menus and toolbar ---------------------------------------------------------

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence.StandardKey | str | None = None,
        icon_name: str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if icon_name:
            action.setIcon(icon(icon_name))
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(shortcut)
        elif shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _=False: slot())
        self.addAction(action)  # shortcuts work even with the menu bar hidden (full screen)
        return action

    def _build_actions(self) -> None:
        key = QKeySequence.StandardKey
        self.new_action = self._action(self.tr("&New workshop"), self.new_session, key.New, "new")
        self.open_action = self._action(self.tr("&Open..."), self.open_file, key.Open, "open")
        self.open_example_action = self._action(
            self.tr("Open the &example session"), self.open_example
        )
        self.save_action = self._action(self.tr("&Save"), self.save, key.Save, "save")
        self.save_as_action = self._action(self.tr("Save &as..."), self.save_as, key.SaveAs)
        self.close_action = self._action(self.tr("&Close"), self.close_session, key.Close)
        self.export_sheet_action = self._action(
            self.tr("Export answer &sheet..."), lambda: self.outside().export_sheet()
        )
        self.import_sheet_action = self._action(
            self.tr("&Import answer sheet..."), lambda: self.outside().import_sheet()
        )
        self.make_pack_action = self._action(
            self.tr("Make answer &pack..."), lambda: self.outside().make_pack()
        )
        self.merge_pack_action = self._action(
            self.tr("&Merge answer pack..."), lambda: self.outside().merge_pack()
        )
        self.quit_action = self._action(self.tr("&Quit"), self.close, key.Quit)
        self.undo_action = self._action(self.tr("&Undo"), self.undo, key.Undo, "undo")
        self.redo_action = self._action(self.tr("&Redo"), self.redo, key.Redo, "redo")
        self.zoom_in_action = self._action(
            self.tr("Zoom &in"), lambda: self.zoom(1), key.ZoomIn, "zoom-in"
        )
        self.zoom_out_action = self._action(
            self.tr("Zoom &out"), lambda: self.zoom(-1), key.ZoomOut, "zoom-out"
        )
        self.zoom_reset_action = self._action(
            self.tr("&Actual size"), lambda: self.zoom(0), "Ctrl+0"
        )
        self._update_zoom_actions()
        self.full_screen_action = self._action(
            self.tr("&Full screen"), self.toggle_full_screen, None, "full-screen"
        )
        self.full_screen_action.setShortcuts(_keys_with("F11", key.FullScreen))
        self.full_screen_action.setCheckable(True)
        # Esc leaves full screen, and only then: elsewhere it belongs to the focused input.
        self.leave_full_screen_action = self._action(
            self.tr("Leave full screen"), self.leave_full_screen, "Esc"
        )
        self.leave_full_screen_action.setEnabled(False)
        self.back_action = self._action(
            self.tr("&Previous step"),
            lambda: self.go_to_step(self.stack.currentIndex() - 1),
            key.Back,
        )
        self.next_action = self._action(
            self.tr("&Next step"),
            lambda: self.go_to_step(self.stack.currentIndex() + 1),
            key.Forward,
        )
        self.step_actions = [
            self._action(
                f"&{index + 1} {title}",
                partial(self.go_to_step, index),
                f"Ctrl+{index + 1}",
            )
            for index, title in enumerate(self.step_titles)
        ]

        menu_bar = self.menuBar()
        file_menu = menu_bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.new_action)
        file_menu.addAction(self.open_action)
        self.recent_menu = QMenu(self.tr("Open &recent"), self)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addMenu(self.recent_menu)
        file_menu.addAction(self.open_example_action)
        file_menu.addSeparator()
        file_menu.addAction(self.save_action)
        file_menu.addAction(self.save_as_action)
        file_menu.addSeparator()
        for action in (
            self.export_sheet_action,
            self.import_sheet_action,
            self.make_pack_action,
            self.merge_pack_action,
        ):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.close_action)
        file_menu.addAction(self.quit_action)
        self.file_menu = file_menu

        edit_menu = menu_bar.addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)

        view_menu = menu_bar.addMenu(self.tr("&View"))
        for action in (self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action):
            view_menu.addAction(action)
        view_menu.addSeparator()
        view_menu.addAction(self.full_screen_action)
        view_menu.addAction(self.room.present_action)
        view_menu.addAction(self.room.time_boxes_action)

        go_menu = menu_bar.addMenu(self.tr("&Go"))
        for action in self.step_actions:
            go_menu.addAction(action)
        go_menu.addSeparator()
        go_menu.addAction(self.back_action)
        go_menu.addAction(self.next_action)

        toolbar = QToolBar(self.tr("Main"))
        toolbar.setObjectName("main-toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.new_action, self.open_action, self.save_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.undo_action)
        toolbar.addAction(self.redo_action)
        toolbar.addSeparator()
        for action in (self.zoom_out_action, self.zoom_in_action, self.full_screen_action):
            toolbar.addAction(action)
        self.addToolBar(toolbar)
        self.toolbar = toolbar
        self._fit_toolbar_to_zoom()

    def _build_print_and_help(self) -> None:
        """File > Print for paper on the table, and the Help menu."""
        key = QKeySequence.StandardKey
        self.print_charter_action = self._action(
            self.tr("&Print the charter..."), self.print_charter, key.Print
        )
        self.print_agenda_action = self._action(self.tr("Print the a&genda..."), self.print_agenda)
        for action in (self.print_charter_action, self.print_agenda_action):
            self.file_menu.insertAction(self.close_action, action)
        self.file_menu.insertSeparator(self.close_action)

        self.guide_action = self._action(self.tr("&Guide"), self.show_guide, None, "help")
        self.guide_action.setShortcuts(_keys_with("F1", key.HelpContents))
        self.about_action = self._action(self.tr("&About partnerworkshop"), self.show_about)
        self.help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.help_menu.addAction(self.guide_action)
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.about_action)
        self._guide: QDialog | None = None
        self._about: QDialog | None = None

    def show_guide(self) -> None:
        from .help import TextWindow, guide_text

        if self._guide is None:
            keyed = [action for action in self.actions() if action.shortcuts()]
            self._guide = TextWindow(self.tr("Guide"), guide_text(keyed), self)
        _bring_up(self._guide)

    def show_about(self) -> None:
        from .help import TextWindow, about_text

        if self._about is None:
            self._about = TextWindow(self.tr("About partnerworkshop"), about_text(), self)
        _bring_up(self._about)

    def _print_refused(self) -> bool:
        """While the answers are hidden, nothing of them goes on paper either."""
        hidden = answers_hidden_reason(self.session)
        if hidden is not None:
            dialogs.warn(self, self.tr("Nothing to print yet"), hidden)
        return hidden is not None

    def print_charter(self) -> None:
        from ..export.charter import CharterOptions
        from .printing import PrintProblem, print_charter

        if self._print_refused():
            return
        export_page = self._pages.get(4)
        options = export_page.options() if export_page is not None else CharterOptions()
        try:
            print_charter(self, self.session, options)
        except PrintProblem:
            dialogs.warn(
                self,
                self.tr("The charter could not be printed"),
                self.tr("The printer could not be started. Check it, or choose another."),
            )

    def print_agenda(self) -> None:
        from .compare_page import question_numbers
        from .printing import print_agenda

        if self._print_refused():
            return
        session = self.session
        print_agenda(self, session, self.editor.analysis(), question_numbers(session.template))

    def outside(self) -> OutsideAnswers:
        """Answer sheets and packs (their modules are loaded when first used)."""
        if self._outside is None:
            from .outside_answers import OutsideAnswers

            self._outside = OutsideAnswers(self)
        return self._outside

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.user_files.preferences.recent_files
        if not recent:
            empty = self.recent_menu.addAction(self.tr("No recent sessions"))
            empty.setEnabled(False)
            return
        for number, entry in enumerate(recent, start=1):
            path = Path(entry)
            action = self.recent_menu.addAction(f"&{number} {path.name}   ({path.parent})")
            action.triggered.connect(lambda _=False, path=path: self.open_file(path))

    # --- the document ---------------------------------------------------------------------------

    @property
    def editor(self) -> SessionEditor:
        """The session being edited and its history (there is always one)."""
        assert self._editor is not None
        return self._editor

    @property
    def session(self) -> Session:
        return self.editor.session

    def set_document(self, session: Session, path: Path | None, *, unsaved: bool = False) -> None:
        """Show ``session``; ``unsaved`` marks it as differing from the file (after recovery)."""
        if self._editor is not None:
            self._editor.unsubscribe(self._on_edit)
        self._release_lock()
        self._hold_file(None, None)
        self.read_only = False
        check = agreement_check(session)
        if check.claimed_wrongly:
            session.agreement.status = "draft"  # "agreed" is earned, never taken from a file
            unsaved = True
        self._editor = SessionEditor(session)
        if unsaved:
            self.editor.mark_unsaved()
        self.path = path
        self.editor.subscribe(self._on_edit)
        self._take_lock(session)
        for page in self._pages.values():
            page.set_editor(self.editor)
        self.room.set_editor(self.editor)
        self._update_state()
        if check.claimed_wrongly:
            dialogs.warn(
                self,
                self.tr("Opened as a draft"),
                self.tr(
                    "{name} says the session is agreed, but it is not, so it opens as a draft. "
                    "Still needed before the session can be marked agreed:"
                ).format(name=path.name if path else self.tr("This workshop")),
                "\n".join(f"\u2022 {need}" for need in what_agreed_needs(check, session)),
            )

    def _on_edit(self, edit: Edit) -> None:
        for page in self._pages.values():
            page.on_edit(edit)
        self.room.on_edit(edit)
        if not self._autosave.isActive():
            self._autosave.start()  # not restarted by each edit: at most a second behind
        self._update_state()

    def _update_state(self) -> None:
        editor = self.editor
        name = self.path.name if self.path else self.tr("Untitled workshop")
        title = (
            self.tr("{name} (read-only)[*] \u2014 partnerworkshop")
            if self.read_only
            else self.tr("{name}[*] \u2014 partnerworkshop")
        )
        self.setWindowTitle(title.format(name=name))
        self.setWindowModified(editor.is_modified)
        names = action_names()
        self.undo_action.setEnabled(editor.can_undo)
        self.redo_action.setEnabled(editor.can_redo)
        self.undo_action.setText(
            self.tr("&Undo {what}").format(what=names.get(editor.undo_action or "", ""))
            if editor.can_undo
            else self.tr("&Undo")
        )
        self.redo_action.setText(
            self.tr("&Redo {what}").format(what=names.get(editor.redo_action or "", ""))
            if editor.can_redo
            else self.tr("&Redo")
        )
        packed = editor.session.pack_for is not None
        for action in (self.import_sheet_action, self.make_pack_action, self.merge_pack_action):
            action.setEnabled(not packed)  # a pack holds one party only: nothing to bring in
        self.step_bar.set_statuses(step_statuses(self.editor))
        self._update_navigation()

    def _update_navigation(self) -> None:
        index = self.stack.currentIndex()
        last = len(self.step_titles) - 1
        self.back_button.setEnabled(index > 0)
        self.back_action.setEnabled(index > 0)
        self.next_button.setVisible(index < last)
        self.next_action.setEnabled(index < last)
        if index < last:
            self.next_button.setText(
                self.tr("Next: {step}").format(step=self.step_titles[index + 1])
            )

    # --- the steps' pages, built when first needed ---------------------------------------------

    def _page(self, index: int) -> Any:
        page = self._pages.get(index)
        if page is None:
            page = self._build_page(index)
            self._area(index).setWidget(page)
            self._pages[index] = page
            if self._editor is not None:
                page.set_editor(self._editor)
            self.room.page_built(index, page)
        return page

    def _area(self, index: int) -> QScrollArea:
        area = self.stack.widget(index)
        assert isinstance(area, QScrollArea)
        return area

    def _build_page(self, index: int) -> Any:
        if index == 1:
            from .answer_page import AnswerPage

            answer_page = AnswerPage()
            answer_page.question_shown.connect(lambda _: self.go_to_step(1))
            return answer_page
        step_page: StepPage
        if index == 2:
            from .compare_page import ComparePage

            compare_page = ComparePage()
            compare_page.open_in_agree.connect(
                lambda question_id: self.agree_page.show_item(question_id)
            )
            step_page = compare_page
        elif index == 3:
            from .agree_page import AgreePage

            step_page = AgreePage(self.user_files)
        else:
            from .export_page import ExportPage

            export_page = ExportPage()
            export_page.charter_recorded.connect(self._keep_charter_record)
            step_page = export_page
        step_page.jump_to_question.connect(self.show_question)
        step_page.jump_to_step.connect(self.go_to_step)
        return step_page

    @property
    def answer_page(self) -> AnswerPage:
        page: AnswerPage = self._page(1)
        return page

    @property
    def compare_page(self) -> ComparePage:
        page: ComparePage = self._page(2)
        return page

    @property
    def agree_page(self) -> AgreePage:
        page: AgreePage = self._page(3)
        return page

    @property
    def export_page(self) -> ExportPage:
        page: ExportPage = self._page(4)
        return page

    def go_to_step(self, index: int) -> None:
        if not 0 <= index < len(self.step_titles):
            return
        self._page(index)
        focused = QApplication.focusWidget()
        leaving = self._area(self.current_step())
        # Keyboard focus in the step being left would otherwise fall back to the step bar.
        focus_in_step = index != self.current_step() and (
            focused is None or leaving.isAncestorOf(focused)
        )
        self.stack.setCurrentIndex(index)
        self.step_bar.set_current(index)
        self._update_navigation()
        if focus_in_step:
            _focus_first_control(self._area(index))

    def current_step(self) -> int:
        return self.stack.currentIndex()

    def show_question(self, question_id: str) -> None:
        self.go_to_step(1)
        self.answer_page.show_question(question_id)

    # --- files ----------------------------------------------------------------------------------

    def maybe_save(self) -> bool:
        """Before the session is replaced or closed: True when it is safe to go on."""
        if not self.editor.is_modified:
            return True
        choice = dialogs.ask_save(self)
        if choice == "save":
            return self.save()
        return choice == "discard"

    def _leave_document(self) -> None:
        """The current session is closed cleanly: its recovery copy is no longer needed."""
        if self._editor is not None:
            self.user_files.recovery.discard(self._editor.session)
        self._autosave.stop()

    def new_session(self) -> None:
        if not self.maybe_save():
            return
        self._leave_document()
        self.set_document(new_session(builtin_template()), None)
        self.go_to_step(0)

    def close_session(self) -> None:
        self.new_session()

    def open_example(self) -> None:
        if not self.maybe_save():
            return
        self._leave_document()
        self.set_document(example_session(), None)
        self.go_to_step(1)

    def open_file(self, path: Path | None = None) -> bool:
        if not self.maybe_save():
            return False
        if path is None:
            path = dialogs.open_file_name(
                self,
                self.tr("Open a workshop session"),
                str(self.path.parent) if self.path else "",
                self.tr("Workshop sessions (*.pws.json *.json);;All files (*)"),
            )
            if path is None:
                return False
        return self.load(path)

    def load(self, path: Path) -> bool:
        """Open the session file at ``path``; a broken file is explained and nothing changes.

        A file open in another window is opened read-only or as an untitled copy, as the user
        chooses, so that two windows never save over each other.
        """
        try:
            session = load_session(path)
        except FileProblem as problem:
            self.show_file_problem(self.tr("The session could not be opened"), problem)
            if not path.exists():
                self.user_files.forget_recent(path)
            return False
        lock: FileLock | None = FileLock(path, self)
        read_only = False
        if lock is not None and not lock.acquire():
            choice = dialogs.ask_open_elsewhere(self, *self._elsewhere_text(path, lock))
            lock.deleteLater()
            lock = None
            if choice == "cancel":
                return False
            read_only = choice == "read_only"
            if not read_only:
                self._leave_document()
                self.set_document(session, None, unsaved=True)
                self.go_to_step(0)
                return True
        self._leave_document()
        self.set_document(session, path)
        self._hold_file(lock, path)
        self.read_only = read_only
        self._update_state()
        self.user_files.add_recent(path)
        self.go_to_step(1 if session.answers.A or session.answers.B else 0)
        return True

    def _elsewhere_text(self, path: Path, lock: FileLock) -> tuple[str, str]:
        holder = lock.holder()
        text = self.tr(
            "{file} is open in partnerworkshop in another window. Two windows saving the same "
            "file would overwrite each other's work."
        ).format(file=path.name)
        details = (
            self.tr("It was opened by process {pid} on the computer {host}.").format(
                pid=holder.pid, host=holder.host or self.tr("(unknown)")
            )
            if holder
            else ""
        )
        return text, details

    def _may_replace(self, path: Path) -> bool:
        """Whether saving may replace the file: unchanged since opened, or the user says so."""
        if not path.exists() or content_digest(path) == self._on_disk:
            return True
        return dialogs.confirm(
            self,
            self.tr("The file has changed"),
            self.tr(
                "{file} was changed by another window or program since it was opened here. "
                "Replace it with this window's version? Its other changes would be lost; to "
                "keep both, cancel and use Save as."
            ).format(file=path.name),
            self.tr("Replace it"),
        )

    def _hold_file(self, lock: FileLock | None, path: Path | None) -> None:
        """From now on the window is on ``path``: hold its lock, remember what it holds."""
        if self._file_lock is not None and self._file_lock is not lock:
            self._file_lock.release()
            self._file_lock.deleteLater()
        self._file_lock = lock
        self._on_disk = content_digest(path) if path is not None else None

    def show_file_problem(self, title: str, problem: FileProblem) -> None:
        dialogs.warn(
            self,
            title,
            self.tr("{title}: {file}").format(title=title, file=problem.path.name),
            "\n".join(problem.problems[:12]),
        )

    def save(self) -> bool:
        if self.path is None or self.read_only:
            return self.save_as()
        return self._save_to(self.path)

    def _keep_charter_record(self) -> None:
        """A session with a file keeps the new charter's version and fingerprint at once: the
        charter is out, and the file should say so without a second thought."""
        if self.path is not None:
            self._save_to(self.path)

    def save_as(self) -> bool:
        suggested = self.path or Path.home() / (self._suggested_name() + SESSION_SUFFIX)
        path = dialogs.save_file_name(
            self,
            self.tr("Save the workshop session"),
            str(suggested),
            self.tr("Workshop sessions (*.pws.json)"),
        )
        if path is None:
            return False
        if not path.name.endswith(SESSION_SUFFIX):
            path = path.with_name(path.name.removesuffix(".json") + SESSION_SUFFIX)
        return self._save_to(path)

    def _suggested_name(self) -> str:
        title = self.editor.session.workshop.title or self.tr("workshop")
        safe = "".join(c if c.isalnum() or c in " -_" else " " for c in title).strip()
        return "-".join(safe.split())[:60] or "workshop"

    def _save_to(self, path: Path) -> bool:
        same_file = path == self.path and not self.read_only
        lock = self._file_lock if same_file else FileLock(path, self)
        if lock is not None and not same_file and not lock.acquire():
            dialogs.warn(
                self, self.tr("The session could not be saved"), *self._elsewhere_text(path, lock)
            )
            return False
        if same_file and not self._may_replace(path):
            return False
        try:
            save_session(self.editor.session, path)
        except FileProblem as problem:
            if lock is not None and lock is not self._file_lock:
                lock.release()
            self.show_file_problem(self.tr("The session could not be saved"), problem)
            return False
        self._hold_file(lock, path)
        self.read_only = False
        self.path = path
        self.editor.mark_saved()
        self._leave_document()
        self.user_files.add_recent(path)
        self.statusBar().showMessage(self.tr("Saved {file}").format(file=path.name), 4000)
        self._update_state()
        return True

    # --- recovery ---------------------------------------------------------------------------

    def autosave(self) -> None:
        """Keep a recovery copy of unsaved work (never written over the user's own file)."""
        if not self.editor.is_modified:
            self.user_files.recovery.discard(self.editor.session)
            return
        try:
            self.user_files.recovery.save(self.editor.session, self.path)
        except FileProblem as problem:
            self.statusBar().showMessage(
                self.tr("Automatic recovery copy failed: {problem}").format(problem=problem), 8000
            )

    def _lock_path(self, key: str) -> str:
        folder = self.user_files.recovery.folder
        folder.mkdir(parents=True, exist_ok=True)
        return str(folder / f"{key}.lock")

    def _take_lock(self, session: Session) -> None:
        """Mark this window's recovery copy as in use, so another window does not offer it."""
        lock = QLockFile(self._lock_path(self.user_files.recovery.key_of(session)))
        lock.setStaleLockTime(0)
        self._lock = lock if lock.tryLock(0) else None

    def _release_lock(self) -> None:
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    def waiting_recoveries(self) -> list[RecoveryEntry]:
        """Recovery copies left by a session that ended without saving (not open elsewhere)."""
        waiting = []
        for entry in self.user_files.recovery.entries():
            lock = QLockFile(self._lock_path(entry.key))
            lock.setStaleLockTime(0)
            if lock.tryLock(0):
                lock.unlock()
                waiting.append(entry)
        return waiting

    def offer_recovery(self) -> None:
        for entry in self.waiting_recoveries():
            title = entry.title or self.tr("an untitled workshop")
            choice = dialogs.ask_recover(
                self,
                self.tr(
                    "partnerworkshop closed without saving \u201c{title}\u201d. "
                    "Its work was copied automatically at {time}."
                ).format(title=title, time=show_moment(entry.saved)),
                self.tr("Recover it now? Nothing is written to your own file until you save."),
            )
            if choice == "recover":
                self.recover(entry)
                return
            if choice == "discard":
                self.user_files.recovery.remove(entry)

    def recover(self, entry: RecoveryEntry) -> None:
        try:
            session = self.user_files.recovery.load(entry)
        except FileProblem as problem:
            self.show_file_problem(self.tr("The recovery copy could not be opened"), problem)
            return
        self.set_document(session, entry.original, unsaved=True)
        self.go_to_step(1)

    # --- the last resort -----------------------------------------------------------------------

    def last_resort(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        """An error no part of the app expected: keep the work, say so plainly, carry on.

        Installed as the handler of errors nothing else caught; whatever happens, the user sees
        a message in words, never a traceback, and the unsaved work is in a recovery copy.
        """
        if self._in_last_resort:
            return  # an error while handling one: the first message is still up
        self._in_last_resort = True
        try:
            # For a report: the details on the error output, which a user of the window never sees.
            traceback.print_exception(kind, error, trace, file=sys.stderr)
            kept = self.tr("Nothing needed keeping: there were no unsaved changes.")
            if self._editor is not None and self.editor.is_modified:
                try:
                    self.user_files.recovery.save(self.editor.session, self.path)
                    kept = self.tr(
                        "Your unsaved work is kept in a recovery copy; save it as usual, or "
                        "recover it when partnerworkshop starts next time."
                    )
                except (FileProblem, OSError):
                    kept = self.tr("Save your work now, under a new name if need be.")
            dialogs.warn(
                self,
                self.tr("Something went wrong"),
                self.tr(
                    "partnerworkshop met a problem it did not expect, and the last action may "
                    "not have been completed. {kept}"
                ).format(kept=kept),
                short_text(f"{kind.__name__}: {error}", 300),
            )
        finally:
            self._in_last_resort = False

    # --- edit, view -------------------------------------------------------------------------

    def undo(self) -> None:
        self.editor.undo()

    def redo(self) -> None:
        self.editor.redo()

    def zoom(self, direction: int) -> None:
        preferences = self.user_files.preferences
        steps = list(ZOOM_STEPS)
        if direction == 0:
            zoom = 100
        else:
            position = min(range(len(steps)), key=lambda i: abs(steps[i] - preferences.zoom))
            zoom = steps[max(0, min(len(steps) - 1, position + direction))]
        preferences.zoom = zoom
        self.user_files.save_preferences()
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        apply_theme(app, zoom)
        self._update_zoom_actions()
        self._fit_toolbar_to_zoom()
        self.statusBar().showMessage(self.tr("Zoom {zoom}%").format(zoom=zoom), 2000)

    def _update_zoom_actions(self) -> None:
        zoom = self.user_files.preferences.zoom
        self.zoom_in_action.setEnabled(zoom < max(ZOOM_STEPS))
        self.zoom_out_action.setEnabled(zoom > min(ZOOM_STEPS))
        self.zoom_reset_action.setEnabled(zoom != 100)

    def _fit_toolbar_to_zoom(self) -> None:
        """Icons grow with the zoom; from ICONS_ONLY_FROM_ZOOM the words go (each button keeps
        its name as a tooltip), so that every button, Zoom in too, stays on the toolbar."""
        zoom = self.user_files.preferences.zoom
        size = round(TOOLBAR_ICON_SIZE * zoom / 100)
        self.toolbar.setIconSize(QSize(size, size))
        self.toolbar.setToolButtonStyle(
            Qt.ToolButtonStyle.ToolButtonIconOnly
            if zoom >= ICONS_ONLY_FROM_ZOOM
            else Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        )

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.leave_full_screen()
        else:
            self._state_before_full_screen = self.windowState()
            self.showFullScreen()

    def leave_full_screen(self) -> None:
        """Back to the window as it was before: maximised stays maximised."""
        if not self.isFullScreen():
            return
        if self._state_before_full_screen & Qt.WindowState.WindowMaximized:
            self.showMaximized()
        else:
            self.showNormal()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange:
            self._learn_frame()
        if event.type() == QEvent.Type.WindowStateChange:
            # Also when the window manager itself takes the window in or out of full screen.
            full = self.isFullScreen()
            self.menuBar().setVisible(not full)
            self.toolbar.setVisible(not full)
            status = self.findChild(QStatusBar)  # made when the first message is shown
            if status is not None:
                status.setVisible(not full)
            self.full_screen_action.setChecked(full)
            self.leave_full_screen_action.setEnabled(full)

    # --- window -----------------------------------------------------------------------------

    def _place_on_screen(self) -> None:
        """The last size and place if the window, frame included, still fits there; otherwise
        the preferred size or less, centred on the screen. Maximised if it was."""
        settings = self.user_files.window_settings()
        saved_frame = _margins(settings.value("frame", []))
        self._frame = saved_frame if saved_frame is not None else FRAME_ALLOWANCE
        inside = _rect(settings.value("inside", []))
        screen = QGuiApplication.screenAt(inside.center()) if inside is not None else None
        if (
            inside is not None
            and screen is not None
            and fits(inside, self._frame, screen.availableGeometry())
        ):
            self.setGeometry(inside)
        else:
            self._placed_by_default = True  # with a guess at the frame: placed again once known
            self.setGeometry(first_geometry(self.screen().availableGeometry(), self._frame))
        if settings.value("maximised", "false") == "true":
            self.setWindowState(Qt.WindowState.WindowMaximized)

    def moveEvent(self, event: QMoveEvent) -> None:  # noqa: N802 (Qt's name)
        super().moveEvent(event)
        self._learn_frame()

    def _learn_frame(self) -> None:
        """Once the window manager has framed the window (it then moves or activates it), its
        frame's real size is known: place the window again if the guess was wrong."""
        handle = self.windowHandle()
        if (
            not self._frame_unknown
            or handle is None
            or handle.frameMargins().isNull()
            or self.windowState() != Qt.WindowState.WindowNoState  # a maximised frame differs
        ):
            return
        self._frame_unknown = False
        self._frame = handle.frameMargins()
        available = self.screen().availableGeometry()
        if self._placed_by_default or not fits(self.geometry(), self._frame, available):
            self.setGeometry(first_geometry(available, self._frame))

    def _save_place(self) -> None:
        settings = self.user_files.window_settings()
        inside = self.normalGeometry()
        settings.setValue("inside", [inside.x(), inside.y(), inside.width(), inside.height()])
        frame = self._frame
        settings.setValue("frame", [frame.left(), frame.top(), frame.right(), frame.bottom()])
        state = self._state_before_full_screen if self.isFullScreen() else self.windowState()
        maximised = bool(state & Qt.WindowState.WindowMaximized)
        settings.setValue("maximised", "true" if maximised else "false")

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        export_page = self._pages.get(4)
        exporting = export_page is not None and export_page.export_running()
        if exporting and not dialogs.confirm(
            self,
            self.tr("The charter is still being exported"),
            self.tr("Stop the export and close? The charter's file will not be written."),
            self.tr("Stop and close"),
        ):
            event.ignore()
            return
        if not self.maybe_save():
            event.ignore()
            return
        if export_page is not None:
            export_page.stop_work()
        self._leave_document()
        self._release_lock()
        self._hold_file(None, None)
        self.room.stop_presenting()
        self._save_place()
        event.accept()


def _focus_first_control(area: QWidget) -> None:
    """Give the keyboard focus to the first control in ``area`` that Tab would reach."""
    # The window's focus chain is one loop; the area's controls lie somewhere along it.
    widget = area.nextInFocusChain()
    while widget is not None and widget is not area:
        if (
            area.isAncestorOf(widget)
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.isVisibleTo(area)
            and widget.isEnabled()
        ):
            widget.setFocus(Qt.FocusReason.TabFocusReason)
            return
        widget = widget.nextInFocusChain()


def _ints(value: object, count: int) -> list[int] | None:
    """``count`` whole numbers from a setting (the settings file holds them as text)."""
    if not isinstance(value, list) or len(value) != count:
        return None
    try:
        return [int(str(part)) for part in value]
    except ValueError:
        return None


def _rect(value: object) -> QRect | None:
    numbers = _ints(value, 4)
    if numbers is None or numbers[2] <= 0 or numbers[3] <= 0:
        return None
    return QRect(*numbers)


def _margins(value: object) -> QMargins | None:
    numbers = _ints(value, 4)
    if numbers is None or min(numbers) < 0 or max(numbers) > 200:
        return None
    return QMargins(*numbers)


def _keys_with(first: str, standard: QKeySequence.StandardKey) -> list[QKeySequence]:
    """``first`` everywhere, then the platform's own keys for the same: Qt's standard keys
    give none for some actions on a plain X11 desktop (no full-screen key under openbox)."""
    keys = [QKeySequence(first)]
    return keys + [key for key in QKeySequence.keyBindings(standard) if key not in keys]


def _bring_up(window: QWidget) -> None:
    window.show()
    window.raise_()
    window.activateWindow()
