"""The look of the app: a light, sober theme with one type scale that zoom multiplies."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

INK = "#1D2430"
MUTED = "#5B6472"
PAPER = "#F6F5F1"
CARD = "#FFFFFF"
RULE = "#D9D6CF"
ACCENT = "#2F4858"
ACCENT_SOFT = "#E4ECF1"
WARNING = "#8A4B08"
DISABLED = "#9AA0A8"

BASE_POINT_SIZE = 11.0
INDICATOR_SIZE = 14
"""Radio buttons' and check boxes' indicators at 100% (pixels); zoom scales them."""
TOOLBAR_ICON_SIZE = 18
"""The toolbar's icons at 100% (pixels); zoom scales them."""
BUTTON_ICON_SIZE = 16
"""The icons on buttons in the steps at 100% (pixels); zoom scales them."""
ZOOM_STEPS = (70, 80, 90, 100, 110, 125, 150, 175, 200, 250)


def point_size(zoom: int, scale: float = 1.0) -> float:
    return BASE_POINT_SIZE * zoom / 100 * scale


def apply_theme(app: QApplication, zoom: int) -> None:
    """Set the palette, the base font and the style sheet for a zoom level (percent)."""
    palette = app.palette()
    for role, colour in (
        (QPalette.ColorRole.Window, PAPER),
        (QPalette.ColorRole.WindowText, INK),
        (QPalette.ColorRole.Base, CARD),
        (QPalette.ColorRole.AlternateBase, "#FAF9F6"),
        (QPalette.ColorRole.Text, INK),
        (QPalette.ColorRole.Button, "#FBFAF8"),
        (QPalette.ColorRole.ButtonText, INK),
        (QPalette.ColorRole.Highlight, ACCENT),
        (QPalette.ColorRole.HighlightedText, "#FFFFFF"),
        (QPalette.ColorRole.ToolTipBase, CARD),
        (QPalette.ColorRole.ToolTipText, INK),
        (QPalette.ColorRole.PlaceholderText, "#8A909A"),
    ):
        palette.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(DISABLED))
    app.setPalette(palette)
    font = QFont(app.font())
    font.setPointSizeF(point_size(zoom))
    app.setFont(font)
    app.setStyleSheet(style_sheet(zoom))


def style_sheet(zoom: int) -> str:
    def size(scale: float) -> str:
        return f"{point_size(zoom, scale):.1f}pt"

    indicator = round(INDICATOR_SIZE * zoom / 100)
    button_icon = round(BUTTON_ICON_SIZE * zoom / 100)

    return f"""
    QMainWindow, QWidget#page {{ background: {PAPER}; }}
    QLabel[role="title"] {{ font-size: {size(1.55)}; font-weight: 600; color: {INK}; }}
    QLabel[role="heading"] {{ font-size: {size(1.25)}; font-weight: 600; color: {INK}; }}
    QLabel[role="prompt"] {{ font-size: {size(1.12)}; font-weight: 600; color: {INK}; }}
    QLabel[role="muted"] {{ color: {MUTED}; }}
    QLabel[role="help"] {{ color: {INK}; background: {ACCENT_SOFT}; padding: 8px;
                          border-radius: 4px; }}
    QLabel[role="warning"] {{ color: {WARNING}; }}
    QLabel[role="headline"] {{ font-size: {size(1.7)}; font-weight: 600; color: {INK}; }}
    QFrame[role="card"] {{ background: {CARD}; border: 1px solid {RULE}; border-radius: 6px; }}
    QFrame[role="card"] QLabel {{ background: transparent; }}
    QPushButton[role="primary"] {{ background: {ACCENT}; color: white; border-radius: 4px;
                                  padding: 6px 16px; border: 1px solid {ACCENT}; }}
    QPushButton[role="primary"]:focus {{ border: 2px solid {INK}; }}
    QPushButton[role="primary"]:disabled {{ background: {RULE}; color: {MUTED};
                                           border: 1px solid {RULE}; }}
    QListWidget#sections {{ background: {CARD}; border: 1px solid {RULE}; }}
    QListWidget#sections::item {{ padding: 6px; border-bottom: 1px solid #EEECE7; }}
    QListWidget#sections::item:selected {{ background: {ACCENT_SOFT}; color: {INK}; }}
    QRadioButton:focus, QCheckBox:focus {{ background: {ACCENT_SOFT}; border-radius: 3px; }}
    QPushButton, QWidget#page QToolButton {{ icon-size: {button_icon}px; }}
    QRadioButton::indicator, QCheckBox::indicator {{ width: {indicator}px; height: {indicator}px; }}
    QWidget[choice="chosen"] {{ background: {ACCENT_SOFT}; border: 1px solid {ACCENT};
                               border-radius: 4px; }}
    QWidget[choice="chosen"] QLabel {{ font-weight: 600; background: transparent; border: none; }}
    QToolTip {{ border: 1px solid {RULE}; padding: 4px; }}
    QToolButton[role="disclosure"] {{ color: {ACCENT}; font-weight: 600; border: none;
                                      padding: 3px 6px; }}
    QToolButton[role="disclosure"]:focus {{ background: {ACCENT_SOFT}; border-radius: 3px; }}
    QToolButton[role="filter"] {{ color: {MUTED}; background: {PAPER}; padding: 3px 10px;
                                  border: 1px dashed {DISABLED}; border-radius: 4px; }}
    QToolButton[role="filter"]:checked {{ color: {INK}; background: {ACCENT_SOFT};
                                          border: 1px solid {ACCENT}; }}
    QToolButton[role="filter"]:focus {{ border: 2px solid {INK}; }}
    """
