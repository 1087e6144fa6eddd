"""What the room sees: the hand-over screen between blind answerers, and the room view.

The main window owns one :class:`Room`. It wraps the window's content so that a hand-over screen
can stand in front of it, and it opens the room view, a second window on the same session.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QScreen
from PySide6.QtWidgets import QApplication, QStackedWidget, QWidget

from ..model.base import SIDES
from ..model.edits import Edit, SessionEditor
from ..model.timing import BoxKey, TimeKeeper, time_left
from .common import label, party_name
from .hand_over import HandOverScreen

if TYPE_CHECKING:
    from .main_window import MainWindow
    from .room_view import RoomFocus, RoomView
    from .time_boxes import TimeBoxesDialog

ANSWER_STEP, AGREE_STEP = 1, 3
UNIQUE = Qt.ConnectionType.UniqueConnection
CLOCK_TICK_MS = 1000


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

        self.view: RoomView | None = None
        self._focus: dict[str, Any] = {"step": 0}
        """Where the facilitator is (the fields of RoomFocus), kept while no view is open."""
        self.present_action = QAction(self.tr("&Present to the room"), window)
        self.present_action.setCheckable(True)
        self.present_action.setShortcut(QKeySequence("F5"))
        self.present_action.setStatusTip(
            self.tr("A second window, for the projector, showing only what the room should see")
        )
        self.present_action.toggled.connect(self.present)
        window.addAction(self.present_action)
        window.stack.currentChanged.connect(self._step_changed)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_changed)
        app.screenAdded.connect(self._screens_changed)
        app.screenRemoved.connect(self._screens_changed)

        self.time_keeper = TimeKeeper()
        """The time spent on each time box (its clock can be replaced, for tests)."""
        self.time_dialog: TimeBoxesDialog | None = None
        self.time_boxes_action = QAction(self.tr("&Time boxes..."), window)
        self.time_boxes_action.setShortcut(QKeySequence("Ctrl+T"))
        self.time_boxes_action.triggered.connect(self.edit_time_boxes)
        window.addAction(self.time_boxes_action)
        self.time_note = label(wrap=False)
        self.time_note.setAccessibleName(self.tr("Time box"))
        window.statusBar().addPermanentWidget(self.time_note)
        self._ticks = QTimer(self)
        self._ticks.setInterval(CLOCK_TICK_MS)
        self._ticks.timeout.connect(self.update_time)
        self._ticks.start()

    # --- following the main window --------------------------------------------------------------

    def set_editor(self, editor: SessionEditor) -> None:
        self.editor = editor
        self.end_hand_over()
        self._focus = {"step": self._focus["step"]}
        self.time_keeper.forget()
        if self.time_dialog is not None:
            self.time_dialog.close()
        if self.view is not None:
            self.view.set_editor(editor)
        self.update_time()

    def on_edit(self, edit: Edit) -> None:
        assert self.editor is not None
        session = self.editor.session
        blind = session.answering.mode == "blind" and session.pack_for is None
        if blind and edit.touches("answering", "current"):
            self.start_hand_over()
        if session.pack_for is None and edit.touches("answering", "representatives"):
            self._hand_over_between_representatives(edit)
        if self.view is not None:
            self.view.on_edit(edit)
        if edit.touches("time_boxes") or edit.touches("template"):
            if self.time_dialog is not None:
                self.time_dialog.show_boxes()
            self.update_time()

    def page_built(self, index: int, page: Any) -> None:
        """A step's page was built (they are built when first shown): follow what it shows."""
        if index == ANSWER_STEP:
            page.section_shown.connect(self._section_shown)
        elif index == AGREE_STEP:
            page.item_shown.connect(self._item_shown)

    def _step_changed(self, step: int) -> None:
        self._follow(step=step)

    def _section_shown(self, section_id: str) -> None:
        self._follow(section_id=section_id or None, question_id=None)

    def _item_shown(self, question_id: str) -> None:
        self._follow(item_id=question_id or None)

    def _focus_changed(self, _old: QWidget | None, now: QWidget | None) -> None:
        """The question the facilitator works on is the one holding the keyboard focus."""
        if now is None or self._focus["step"] != ANSWER_STEP:
            return
        from .answer_page import QuestionCard

        widget: QWidget | None = now
        while widget is not None and not isinstance(widget, QuestionCard):
            widget = widget.parentWidget()
        if widget is not None and self.window.isAncestorOf(widget):
            self._follow(question_id=widget.question.id)

    def _follow(self, **changes: Any) -> None:
        self._focus.update(changes)
        if self.view is not None:
            self.view.follow(self.focus())
        self.time_keeper.work_on(self.current_box())
        self.update_time()

    def focus(self) -> RoomFocus:
        """Where the facilitator is now, as the room view follows it."""
        from .room_view import RoomFocus

        return RoomFocus(**self._focus)

    # --- time --------------------------------------------------------------------------------

    def current_box(self) -> BoxKey | None:
        """The time box being worked on: the section in Answer, the agenda item in Agree."""
        focus = self._focus
        if focus["step"] == ANSWER_STEP and focus.get("section_id"):
            return ("section", focus["section_id"])
        if focus["step"] == AGREE_STEP and focus.get("item_id"):
            return ("item", focus["item_id"])
        return None

    def update_time(self) -> None:
        """The time left, in the room view's corner and in the main window's status bar."""
        if self.editor is None:
            return
        session = self.editor.session
        key = self.current_box()
        left = time_left(session.time_boxes, self.time_keeper, key)
        from .time_boxes import minutes_left_text

        if left is None or key is None:
            text, note = "", ""
        else:
            text = minutes_left_text(left)
            kind, identifier = key
            template = session.template
            name = (
                template.section(identifier).title
                if kind == "section"
                else template.question(identifier).prompt
            )
            note = (
                self.tr("Time box over: {time} for \u201c{name}\u201d ({minutes} min)")
                if left.over
                else self.tr("Time box: {time} ({minutes} min)")
            ).format(time=text, name=name, minutes=left.minutes)
        over = left is not None and left.over
        self.time_note.setText(note)
        self.time_note.setToolTip(note)
        role = "warning" if over else "muted"
        if self.time_note.property("role") != role:
            self.time_note.setProperty("role", role)
            self.time_note.style().unpolish(self.time_note)
            self.time_note.style().polish(self.time_note)
        if self.view is not None:
            self.view.set_time_left(text, over)

    def edit_time_boxes(self) -> None:
        """Open the time boxes (beside the main window: the room view keeps following)."""
        from .time_boxes import TimeBoxesDialog

        assert self.editor is not None
        if self.time_dialog is None:
            self.time_dialog = TimeBoxesDialog(self.editor, self.window)
            self.time_dialog.finished.connect(self._time_dialog_closed)
        self.time_dialog.show()
        self.time_dialog.raise_()

    def _time_dialog_closed(self) -> None:
        dialog, self.time_dialog = self.time_dialog, None
        if dialog is not None:
            dialog.deleteLater()

    # --- the room view --------------------------------------------------------------------------

    @property
    def presenting(self) -> bool:
        return self.view is not None

    def present(self, on: bool) -> None:
        """Open the room view (full screen on a second screen, if there is one), or close it."""
        if self.present_action.isChecked() != on:
            self.present_action.setChecked(on)  # comes back here through toggled
            return
        if not on:
            if self.view is not None:
                self.view.close()
            return
        if self.view is None:
            from .room_view import RoomView

            assert self.editor is not None
            self.view = RoomView()
            self.view.closed.connect(self._view_closed)
            self.view.follow(self.focus())
            self.view.set_editor(self.editor)
            self._place()
            self.update_time()

    def _view_closed(self) -> None:
        view, self.view = self.view, None
        if view is not None:
            view.deleteLater()
        self.present_action.setChecked(False)

    def stop_presenting(self) -> None:
        """The main window closes: the room view goes with it."""
        self.present(False)

    def projector_screen(self) -> QScreen | None:
        """A screen other than the main window's, if one is connected."""
        home = self.window.screen()
        return next((s for s in QGuiApplication.screens() if s is not home), None)

    def _screens_changed(self, _screen: QScreen) -> None:
        if self.view is not None:
            self._place()

    def _place(self) -> None:
        """Full screen on the projector when there is one; else an ordinary window."""
        view = self.view
        assert view is not None
        target = self.projector_screen()
        if target is not None:
            if view.isFullScreen() and view.screen() is target:
                return
            if view.isFullScreen():
                view.showNormal()
            view.setScreen(target)
            view.setGeometry(target.availableGeometry())
            view.showFullScreen()
        else:
            if view.isFullScreen():
                view.showNormal()
            if not view.isVisible():
                available = self.window.screen().availableGeometry()
                view.resize(available.width() * 2 // 3, available.height() * 2 // 3)
                view.move(available.center() - view.rect().center())
                view.show()
        handle = view.windowHandle()
        if handle is not None:
            handle.screenChanged.connect(view.screen_changed, type=UNIQUE)
        view.screen_changed()

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

    def _hand_over_between_representatives(self, edit: Edit) -> None:
        """Another representative answers now (or the party settles its answers): nothing the
        previous one entered stays on the screen until the next one has the laptop."""
        assert self.editor is not None
        session = self.editor.session
        change = next(c for c in edit.changes if c.path == ("answering", "representatives"))
        before, after = change.old, session.answering.representatives
        side = next((s for s in SIDES if before.get(s) != after.get(s)), None)
        if side is None:
            return
        from .respondents import respondent_label

        party = session.party(side)
        name = party_name(session, side)
        now = after.get(side)
        if now is None:
            self.hand_over.show_for(
                name,
                self.tr(
                    "{name} settles its answers together, from its representatives' answers."
                ).format(name=name),
                self.tr("Settle {name}'s answers").format(name=name),
            )
        else:
            respondent = next(r for r in party.respondents(side) if r.representative_id == now)
            person = respondent_label(session, side, respondent)
            self.hand_over.show_for(
                person,
                self.tr(
                    "The answers given so far stay hidden. {person} now gives their own "
                    "answers for {name}."
                ).format(person=person, name=name),
            )
        self.screens.setCurrentWidget(self.hand_over)
        self.hand_over.continue_button.setFocus()

    def end_hand_over(self) -> None:
        self.screens.setCurrentIndex(0)
