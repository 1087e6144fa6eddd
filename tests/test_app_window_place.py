"""The main window on the screen: its first size and place, a remembered place, full screen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMargins, QRect, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from partnerworkshop.ui.main_window import MainWindow
from partnerworkshop.ui.style import apply_theme
from partnerworkshop.ui.user_files import UserFiles
from partnerworkshop.ui.window_geometry import first_geometry, fits

OPENBOX_FRAME = QMargins(1, 20, 1, 5)


@pytest.mark.parametrize(
    ("screen", "size"),
    [
        (QRect(0, 0, 1280, 720), (1278, 695)),
        (QRect(0, 0, 1366, 768), (1280, 743)),
        (QRect(0, 0, 1920, 1080), (1280, 800)),
        (QRect(1366, 0, 1920, 1040), (1280, 800)),  # a second screen, a panel at the bottom
    ],
)
def test_the_first_window_and_its_frame_fit_the_screen(
    screen: QRect, size: tuple[int, int]
) -> None:
    inside = first_geometry(screen, OPENBOX_FRAME)
    assert (inside.width(), inside.height()) == size
    outside = inside.marginsAdded(OPENBOX_FRAME)
    assert screen.contains(outside), "the title bar and borders are on the screen too"
    assert abs((outside.left() - screen.left()) - (screen.right() - outside.right())) <= 1
    assert fits(inside, OPENBOX_FRAME, screen)
    assert not fits(
        inside.adjusted(0, 0, 0, screen.height() - inside.height()), OPENBOX_FRAME, screen
    )


def _show(qtbot: Any, *, closed_by_test: bool = False) -> MainWindow:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, 100)  # as a new user starts: an earlier test may have zoomed in
    window = MainWindow(UserFiles())
    if not closed_by_test:
        qtbot.addWidget(window, before_close_func=lambda w: w.editor.mark_saved())
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_first_start_fits_the_available_area_frame_included(
    qtbot: Any, themed_app: Any
) -> None:
    window = _show(qtbot)
    available = window.screen().availableGeometry()
    assert available.contains(window.frameGeometry())
    frame = window.windowHandle().frameMargins()
    assert window.geometry() == first_geometry(available, frame), "as large as fits"


def _remember(user_folders: Path, inside: QRect, frame: QMargins, maximised: bool) -> None:
    settings = UserFiles(user_folders).window_settings()
    settings.setValue("inside", [inside.x(), inside.y(), inside.width(), inside.height()])
    settings.setValue("frame", [frame.left(), frame.top(), frame.right(), frame.bottom()])
    settings.setValue("maximised", "true" if maximised else "false")
    settings.sync()


def test_a_later_start_restores_the_last_place_that_still_fits(
    qtbot: Any, themed_app: Any, user_folders: Path
) -> None:
    first = _show(qtbot, closed_by_test=True)
    first.setGeometry(QRect(40, 60, 700, 560))
    first.close()
    second = _show(qtbot, closed_by_test=True)
    assert second.geometry() == QRect(40, 60, 700, 560)
    second.showMaximized()
    qtbot.waitUntil(second.isMaximized)
    second.close()
    third = _show(qtbot)
    assert third.isMaximized(), "maximised when it was closed"


@pytest.mark.parametrize(
    "inside",
    [QRect(0, 0, 1280, 800), QRect(3000, 100, 700, 560), QRect(300, 300, 700, 560)],
    ids=["larger than this screen", "on a screen no longer there", "partly off the screen"],
)
def test_a_remembered_place_that_no_longer_fits_is_not_used(
    qtbot: Any, themed_app: Any, user_folders: Path, inside: QRect
) -> None:
    _remember(user_folders, inside, QMargins(2, 2, 2, 2), maximised=False)
    window = _show(qtbot)
    available = window.screen().availableGeometry()
    assert window.geometry() != inside
    assert available.contains(window.frameGeometry())


def test_once_the_frame_is_known_a_window_it_pushes_off_the_screen_is_refitted(
    qtbot: Any, themed_app: Any, user_folders: Path
) -> None:
    # Last time the window had no frame and filled the screen; now it has one.
    available = MainWindow(UserFiles()).screen().availableGeometry()
    _remember(user_folders, available, QMargins(0, 0, 0, 0), maximised=False)
    window = _show(qtbot)
    qtbot.waitUntil(lambda: available.contains(window.frameGeometry()))


def test_full_screen_shows_only_the_workshop_and_esc_or_f11_leaves_it(
    window: MainWindow, qtbot: Any
) -> None:
    (entry,) = [a for a in window.menuBar().actions() if a.text() == "&View"]
    menu = entry.menu()
    assert window.full_screen_action in menu.actions()
    assert window.full_screen_action.shortcut() == QKeySequence("F11"), "shown in the menu"
    window.statusBar().showMessage("Saved")

    QTest.keyClick(window, Qt.Key.Key_F11)
    qtbot.waitUntil(window.isFullScreen)
    assert not window.menuBar().isVisible()
    assert not window.toolbar.isVisible()
    assert not window.statusBar().isVisible()
    assert window.next_button.isVisible(), "the workshop itself stays"
    assert window.full_screen_action.isChecked()
    QTest.keyClick(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert window.menuBar().isVisible() and window.toolbar.isVisible()
    assert not window.full_screen_action.isChecked()

    QTest.keyClick(window, Qt.Key.Key_F11)
    qtbot.waitUntil(window.isFullScreen)
    QTest.keyClick(window, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert window.menuBar().isVisible()


def test_esc_does_nothing_to_a_window_that_is_not_full_screen(window: MainWindow) -> None:
    QTest.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isFullScreen()
    assert window.menuBar().isVisible()


def test_leaving_full_screen_keeps_a_maximised_window_maximised(
    window: MainWindow, qtbot: Any
) -> None:
    window.showMaximized()
    qtbot.waitUntil(window.isMaximized)
    window.full_screen_action.trigger()
    qtbot.waitUntil(window.isFullScreen)
    window.full_screen_action.trigger()
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert window.isMaximized()
