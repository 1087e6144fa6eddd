"""The SVG icons that ship with the app."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from ..resources import resource_path

ICON_NAMES = (
    "add",
    "export-pdf",
    "full-screen",
    "help",
    "move-down",
    "move-up",
    "new",
    "open",
    "parked",
    "partnerworkshop",
    "redo",
    "remove",
    "reveal",
    "save",
    "status-agree",
    "status-apart",
    "status-close",
    "status-open",
    "undo",
    "zoom-in",
    "zoom-out",
)


@cache
def icon(name: str) -> QIcon:
    return QIcon(str(resource_path("icons", f"{name}.svg")))
