"""Where the main window goes: its first size and place, and whether a remembered one still fits.

The window manager's frame (title bar and borders) counts: a window whose inside fits the screen
but whose title bar pushes it past the bottom hides its own Back and Next buttons.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QRect, QSize

PREFERRED_SIZE = QSize(1280, 800)
"""The inside of the window on a screen with room to spare."""

FRAME_ALLOWANCE = QMargins(8, 40, 8, 8)
"""Room left for the frame before the window manager has framed the window and said how wide
its frame is: as wide as the common desktops' title bars and borders, or wider."""


def first_geometry(available: QRect, frame: QMargins) -> QRect:
    """The inside of the window: the preferred size or less, so that with ``frame`` around it
    the whole window lies within ``available``, centred there."""
    width = min(PREFERRED_SIZE.width(), available.width() - frame.left() - frame.right())
    height = min(PREFERRED_SIZE.height(), available.height() - frame.top() - frame.bottom())
    outer_width = width + frame.left() + frame.right()
    outer_height = height + frame.top() + frame.bottom()
    left = available.left() + (available.width() - outer_width) // 2
    top = available.top() + (available.height() - outer_height) // 2
    return QRect(left + frame.left(), top + frame.top(), width, height)


def fits(inside: QRect, frame: QMargins, available: QRect) -> bool:
    """Whether the window, ``frame`` included, lies wholly within ``available``."""
    return available.contains(inside.marginsAdded(frame))
