"""Start the app: the Qt application, the theme, the main window and crash recovery."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from .. import __version__
from ..model.catalog import example_session
from .icons import icon
from .main_window import MainWindow
from .style import apply_theme
from .user_files import UserFiles


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("partnerworkshop")
    app.setOrganizationName("partnerworkshop")
    app.setApplicationVersion(__version__)
    # Wayland desktops match the window to the installed menu entry, and so to its icon, by this.
    app.setDesktopFileName("partnerworkshop")
    app.setWindowIcon(icon("partnerworkshop"))
    return app


class OpenedFromDesktop(QObject):
    """Opens a session that macOS hands to the running app (a double-click, a drop on the icon).

    There the file comes as an event, never as a command-line argument.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if isinstance(event, QFileOpenEvent) and event.type() == QEvent.Type.FileOpen:
            self._window.open_file(Path(event.file()))
            return True
        return super().eventFilter(watched, event)


def build_window(
    file: Path | None = None, *, demo: bool = False, present: bool = False
) -> MainWindow:
    """The main window on a file, the example, or a new session, offering recovery first."""
    app = create_application()
    user_files = UserFiles()
    apply_theme(app, user_files.preferences.zoom)
    window = MainWindow(user_files)
    # Whatever error nothing else caught ends in a plain message, the work kept, not a crash.
    sys.excepthook = window.last_resort
    app.installEventFilter(OpenedFromDesktop(window))
    window.show()
    if file is not None:
        window.load(file)
    elif demo:
        window.set_document(example_session(), None)
        window.go_to_step(1)
    else:
        window.offer_recovery()
    if present:
        window.room.present(True)
    return window


def run_app(
    file: Path | None = None,
    *,
    demo: bool = False,
    present: bool = False,
    quit_after_start: bool = False,
) -> int:
    app = create_application()
    window = build_window(file, demo=demo, present=present)
    window.raise_()
    if quit_after_start:
        # Once the event loop has handled what showing the window queued, close it as a user
        # would: a check that the installed app starts and stops, not a way to skip anything.
        QTimer.singleShot(0, lambda: _close_after_start(app, window))
    return app.exec()


def _close_after_start(app: QApplication, window: MainWindow) -> None:
    title = window.windowTitle().replace("[*]", "")
    if window.isWindowModified():
        # Closing would ask whether to save, and nobody is there to answer.
        print(f"{title}: the session has unsaved changes; the window stays open", file=sys.stderr)
        app.exit(1)
        return
    if window.close():
        print(f"{title}: the window opened and closed")
        app.quit()
        return
    print(f"{title}: the window did not close", file=sys.stderr)
    app.exit(1)
