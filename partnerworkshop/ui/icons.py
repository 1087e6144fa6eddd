"""The SVG icons that ship with the app."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap

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


# The colour the line icons are drawn in, and the one they take on a dark (primary) button.
ICON_INK = "#2F3B4A"
ON_DARK = "#FFFFFF"
ICON_SIZES = (16, 24, 32, 48, 64)


@cache
def icon_on_dark(name: str) -> QIcon:
    """The icon drawn in white, so that it shows on a dark button."""
    from PySide6.QtSvg import QSvgRenderer  # only the steps built later need it: a quicker start

    svg = resource_path("icons", f"{name}.svg").read_text(encoding="utf-8")
    renderer = QSvgRenderer(QByteArray(svg.replace(ICON_INK, ON_DARK).encode("utf-8")))
    light = QIcon()
    for size in ICON_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        light.addPixmap(QPixmap.fromImage(image))
    return light
