"""Start the app: the Qt application, the theme, the main window and crash recovery."""

from __future__ import annotations

import sys
from pathlib import Path

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
    app.setWindowIcon(icon("partnerworkshop"))
    return app


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
    window.show()
    if file is not None:
        window.load(file)
    elif demo:
        window.set_document(example_session(), None, unsaved=True)
        window.go_to_step(1)
    else:
        window.offer_recovery()
    if present:
        window.room.present(True)
    return window


def run_app(file: Path | None = None, *, demo: bool = False, present: bool = False) -> int:
    app = create_application()
    window = build_window(file, demo=demo, present=present)
    window.raise_()
    return app.exec()
