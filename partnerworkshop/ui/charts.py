"""The two charts of the Compare step, drawn with QPainter so they follow the app's look and zoom.

Both measure everything from the widget's font, so zooming the app scales them with the text.
Neither relies on colour alone: the two parties' series differ in line style and marker shape,
and each chart carries a text summary of its content as its accessible description.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPen,
    QPolygonF,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from .style import ACCENT, CARD, INK, MUTED, RULE

Marker = Literal["circle", "square"]

MIN_CHART_WIDTH = 360
"""Narrower than this, the axis labels of the radar crowd its web (at a larger zoom, more)."""


def line_height(widget: QWidget) -> float:
    return QFontMetricsF(widget.font()).height()


def draw_marker(painter: QPainter, centre: QPointF, size: float, marker: Marker) -> None:
    """A filled marker with a white rim, so it stays visible on top of a line or a fill."""
    half = size / 2
    rect = QRectF(centre.x() - half, centre.y() - half, size, size)
    if marker == "circle":
        painter.drawEllipse(rect)
    else:
        painter.drawRect(rect)


def series_pen(colour: QColor, width: float, dashed: bool) -> QPen:
    pen = QPen(colour, width)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    if dashed:
        pen.setStyle(Qt.PenStyle.DashLine)
    return pen


class ChartBase(QWidget):
    """What both charts share: a white card background and re-measuring on zoom."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def minimum_width(self) -> int:
        """Wide enough for its labels at the current zoom, and never below MIN_CHART_WIDTH."""
        return max(MIN_CHART_WIDTH, round(19 * line_height(self)))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.updateGeometry()  # zoom: measure again
            self.update()

    def small_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(self.font().pointSizeF() * 0.88)
        return font


@dataclass(frozen=True)
class RadarSeries:
    """One party on the radar: its shares (0-1), one per axis, in the radar's axis order."""

    name: str
    colour: QColor
    values: tuple[float, ...]
    dashed: bool
    marker: Marker


class ReadingRadar(ChartBase):
    """The parties' readings: one axis per kind of relationship, one polygon per party.

    Party A's polygon has a solid line and round markers, Party B's a dashed line and square
    markers, both with a translucent fill. A party without a reading is left out and the legend
    says why (``notes``).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.axes: list[str] = []
        self.series: list[RadarSeries] = []
        self.notes: list[str] = []

    def set_data(self, axes: list[str], series: list[RadarSeries], notes: list[str]) -> None:
        self.axes = axes
        self.series = series
        self.notes = notes
        self.updateGeometry()
        self.update()

    def clear(self) -> None:
        self.set_data([], [], [])

    def outer_share(self) -> float:
        """The share at the rim: 50%, 75% or 100%, whichever first holds every value."""
        highest = max((value for series in self.series for value in series.values), default=0.0)
        for outer in (0.5, 0.75):
            if highest <= outer:
                return outer
        return 1.0

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        height = line_height(self)
        return QSize(max(self.minimum_width(), round(30 * height)), round(20 * height))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(self.minimum_width(), round(18 * line_height(self)))

    # --- drawing --------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor(CARD))
        if not self.axes:
            return
        area = QRectF(self.rect()).adjusted(8, 8, -8, -8)
        legend_bottom = self._draw_legend(painter, area)
        self._draw_radar(painter, area.adjusted(0, legend_bottom - area.top() + 8, 0, 0))

    def _draw_legend(self, painter: QPainter, area: QRectF) -> float:
        """The legend along the top, wrapping to more rows when narrow; returns its bottom."""
        font = self.font()
        metrics = QFontMetricsF(font)
        sample = 2.6 * metrics.height()
        gap = metrics.height()
        x, y = area.left(), area.top()
        row_height = metrics.height() * 1.3
        painter.setFont(font)
        for series in self.series:
            width = sample + 6 + metrics.horizontalAdvance(series.name)
            if x > area.left() and x + width > area.right():
                x, y = area.left(), y + row_height
            middle = y + row_height / 2
            painter.setPen(series_pen(series.colour, self._line_width(), series.dashed))
            painter.drawLine(QPointF(x, middle), QPointF(x + sample, middle))
            self._marker_style(painter, series)
            centre = QPointF(x + sample / 2, middle)
            draw_marker(painter, centre, self._marker_size(), series.marker)
            painter.setPen(QColor(INK))
            text_rect = QRectF(x + sample + 6, y, area.right() - x - sample - 6, row_height)
            painter.drawText(
                text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, series.name
            )
            x += width + gap
        bottom = y + row_height
        if self.notes:
            painter.setPen(QColor(MUTED))
            for note in self.notes:
                rect = metrics.boundingRect(
                    QRectF(area.left(), bottom, area.width(), 10_000),
                    Qt.TextFlag.TextWordWrap,
                    note,
                )
                painter.drawText(rect, Qt.TextFlag.TextWordWrap, note)
                bottom = rect.bottom() + 2
        return bottom

    def _line_width(self) -> float:
        return max(2.0, line_height(self) / 7)

    def _marker_size(self) -> float:
        return max(7.0, line_height(self) * 0.5)

    def _marker_style(self, painter: QPainter, series: RadarSeries) -> None:
        painter.setPen(QPen(QColor(CARD), max(1.0, self._line_width() / 2)))
        painter.setBrush(series.colour)

    def _label_boxes(self, metrics: QFontMetricsF, width: float) -> list[QRectF]:
        return [
            metrics.boundingRect(
                QRectF(0, 0, width, 10_000),
                Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignHCenter,
                text,
            )
            for text in self.axes
        ]

    def _draw_radar(self, painter: QPainter, area: QRectF) -> None:
        count = len(self.axes)
        font = self.font()
        metrics = QFontMetricsF(font)
        gap = metrics.height() * 0.5
        label_width = max(area.width() * 0.24, 8 * metrics.averageCharWidth())
        boxes = self._label_boxes(metrics, label_width)
        angles = [-math.pi / 2 + 2 * math.pi * index / count for index in range(count)]
        # The largest radius for which every label still fits beside its axis.
        limits = []
        for angle, box in zip(angles, boxes, strict=True):
            cos = math.cos(angle)
            if abs(cos) > 0.2:
                limits.append((area.width() / 2 - gap - box.width()) / abs(cos))
        placed = list(zip(angles, boxes, strict=True))
        top_box = max((box.height() for a, box in placed if math.sin(a) < -0.9), default=0.0)
        bottom_box = max((box.height() for a, box in placed if math.sin(a) > 0.9), default=0.0)
        limits.append((area.height() - top_box - bottom_box - 2 * gap) / 2)
        radius = max(20.0, min(limits))
        free_height = area.height() - top_box - bottom_box - 2 * gap - 2 * radius
        centre = QPointF(
            area.center().x(), area.top() + top_box + gap + radius + max(0.0, free_height / 2)
        )

        def point(angle: float, distance: float) -> QPointF:
            return QPointF(
                centre.x() + distance * math.cos(angle), centre.y() + distance * math.sin(angle)
            )

        outer = self.outer_share()
        rings = [step / 4 for step in range(1, 5) if step / 4 <= outer + 1e-9]
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for ring in rings:
            edge = ring == rings[-1]
            painter.setPen(QPen(QColor(MUTED if edge else RULE), 1.2 if edge else 1.0))
            corners = [point(angle, radius * ring / outer) for angle in angles]
            painter.drawPolygon(QPolygonF(corners))
        painter.setPen(QPen(QColor(RULE), 1.0))
        for angle in angles:
            painter.drawLine(centre, point(angle, radius))

        # The series: fills first, then lines, then markers, so no fill hides another line.
        for series in self.series:
            polygon = QPolygonF(
                [
                    point(angle, radius * min(value, outer) / outer)
                    for angle, value in zip(angles, series.values, strict=True)
                ]
            )
            fill = QColor(series.colour)
            fill.setAlpha(46)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(fill))
            painter.drawPolygon(polygon)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for series in self.series:
            painter.setPen(series_pen(series.colour, self._line_width(), series.dashed))
            points = [
                point(angle, radius * min(value, outer) / outer)
                for angle, value in zip(angles, series.values, strict=True)
            ]
            painter.drawPolygon(QPolygonF(points))
        for series in self.series:
            self._marker_style(painter, series)
            for angle, value in zip(angles, series.values, strict=True):
                draw_marker(
                    painter,
                    point(angle, radius * min(value, outer) / outer),
                    self._marker_size(),
                    series.marker,
                )

        # Ring values along the first axis, then the axis labels around the web.
        painter.setFont(self.small_font())
        small = QFontMetricsF(self.small_font())
        painter.setPen(QColor(MUTED))
        halo = QColor(CARD)
        halo.setAlpha(210)  # keeps the ring values readable where a series crosses them
        for ring in rings:
            at = point(angles[0], radius * ring / outer)
            text = f"{ring:.0%}"
            box = QRectF(
                at.x() + 3,
                at.y() - small.height() / 2,
                small.horizontalAdvance(text) + 2,
                small.height(),
            )
            painter.fillRect(box, halo)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        painter.setFont(font)
        painter.setPen(QColor(INK))
        for angle, box, text in zip(angles, boxes, self.axes, strict=True):
            anchor = point(angle, radius + gap)
            cos, sin = math.cos(angle), math.sin(angle)
            rect = QRectF(box)
            if abs(cos) <= 0.2:
                rect.moveLeft(anchor.x() - rect.width() / 2)
                if sin < 0:
                    rect.moveBottom(anchor.y())
                else:
                    rect.moveTop(anchor.y())
                alignment = Qt.AlignmentFlag.AlignHCenter
            else:
                if cos > 0:
                    rect.moveLeft(anchor.x())
                    alignment = Qt.AlignmentFlag.AlignLeft
                else:
                    rect.moveRight(anchor.x())
                    alignment = Qt.AlignmentFlag.AlignRight
                rect.moveTop(anchor.y() - rect.height() / 2)
            painter.drawText(rect, Qt.TextFlag.TextWordWrap | alignment, text)


@dataclass(frozen=True)
class GapBar:
    """One section on the bar chart; ``gap`` is None while no question in it can be compared."""

    title: str
    gap: float | None


class SectionGapBars(ChartBase):
    """The gap per section as horizontal bars on a 0-1 axis, section titles on the left.

    A title too long for its column wraps onto a second line, and is cut short after that.
    """

    TICKS = (0.0, 0.25, 0.5, 0.75, 1.0)
    MAX_LABEL_LINES = 2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[GapBar] = []
        self.empty_text = ""

    def set_data(self, bars: list[GapBar], empty_text: str) -> None:
        """``empty_text`` is written where a section without a gap would have its bar."""
        self.bars = bars
        self.empty_text = empty_text
        self.setMinimumHeight(self.height_for(max(self.width(), 1)))
        self.updateGeometry()
        self.update()

    def clear(self) -> None:
        self.set_data([], "")

    # --- measuring ------------------------------------------------------------------------------

    def _label_width(self, width: float) -> float:
        metrics = QFontMetricsF(self.font())
        widest = max((metrics.horizontalAdvance(bar.title) for bar in self.bars), default=0.0)
        return min(widest + 12, (width - 16) * 0.45)

    def _wrapped(self, title: str, width: float) -> list[str]:
        """The title in at most MAX_LABEL_LINES lines of ``width``, the last one elided."""
        metrics = QFontMetricsF(self.font())
        lines: list[str] = []
        words = title.split()
        while words and len(lines) < self.MAX_LABEL_LINES:
            line = words.pop(0)
            while words and metrics.horizontalAdvance(f"{line} {words[0]}") <= width:
                line = f"{line} {words.pop(0)}"
            lines.append(line)
        if words:
            lines[-1] = metrics.elidedText(
                f"{lines[-1]} {' '.join(words)}", Qt.TextElideMode.ElideRight, width
            )
        elif lines and metrics.horizontalAdvance(lines[-1]) > width:
            lines[-1] = metrics.elidedText(lines[-1], Qt.TextElideMode.ElideRight, width)
        return lines or [""]

    def _rows(self, width: float) -> list[tuple[GapBar, list[str], float]]:
        """Each bar with its title's lines and its row's height, for a chart ``width`` wide."""
        text_width = self._label_width(width) - 12
        height = line_height(self)
        rows = []
        for bar in self.bars:
            lines = self._wrapped(bar.title, text_width)
            rows.append((bar, lines, max(1.5 * height, (len(lines) + 0.5) * height)))
        return rows

    def _axis_height(self) -> float:
        return QFontMetricsF(self.small_font()).height() + 10

    def height_for(self, width: int) -> int:
        rows = sum(row_height for _, _, row_height in self._rows(width))
        return round(rows + self._axis_height() + 16)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        width = max(self.minimum_width(), round(30 * line_height(self)))
        # Once laid out, the height the titles need at the width the chart really has.
        laid_out = self.testAttribute(Qt.WidgetAttribute.WA_Resized)
        return QSize(width, self.height_for(self.width() if laid_out else width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(self.minimum_width(), self.height_for(max(self.width(), 1)))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        # Titles wrap differently at another width: ask the layout for the height that needs.
        needed = self.height_for(event.size().width())
        if needed != self.minimumHeight():
            self.setMinimumHeight(needed)
            self.updateGeometry()

    # --- drawing --------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor(CARD))
        if not self.bars:
            return
        area = QRectF(self.rect()).adjusted(8, 8, -8, -8)
        font = self.font()
        metrics = QFontMetricsF(font)
        rows = self._rows(self.width())
        value_width = metrics.horizontalAdvance("0.00") + 10
        left = area.left() + self._label_width(self.width())
        right = area.right() - value_width
        span = max(1.0, right - left)
        bottom = area.top() + sum(row_height for _, _, row_height in rows)

        painter.setPen(QPen(QColor(RULE), 1.0))
        for tick in self.TICKS:
            x = left + span * tick
            painter.drawLine(QPointF(x, area.top()), QPointF(x, bottom))
        painter.setPen(QPen(QColor(MUTED), 1.0))
        painter.drawLine(QPointF(left, bottom), QPointF(right, bottom))

        bar_height = line_height(self) * 0.85
        top = area.top()
        for bar, lines, row_height in rows:
            painter.setFont(font)
            painter.setPen(QColor(INK))
            text_top = top + (row_height - len(lines) * metrics.height()) / 2
            for number, line in enumerate(lines):
                painter.drawText(
                    QPointF(area.left(), text_top + number * metrics.height() + metrics.ascent()),
                    line,
                )
            middle = top + row_height / 2
            row_rect = QRectF(left + 6, top, area.right() - left - 6, row_height)
            top += row_height
            if bar.gap is None:
                painter.setPen(QColor(MUTED))
                painter.setFont(self.small_font())
                painter.drawText(
                    row_rect,
                    Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                    self.empty_text,
                )
                continue
            length = span * min(max(bar.gap, 0.0), 1.0)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(ACCENT))
            painter.drawRect(QRectF(left, middle - bar_height / 2, max(length, 1.5), bar_height))
            painter.setPen(QColor(INK))
            painter.drawText(
                QPointF(left + length + 6, middle - metrics.height() / 2 + metrics.ascent()),
                f"{bar.gap:.2f}",
            )

        small = self.small_font()
        painter.setFont(small)
        painter.setPen(QColor(MUTED))
        small_metrics = QFontMetricsF(small)
        for tick in self.TICKS:
            text = f"{tick:g}"
            width = small_metrics.horizontalAdvance(text)
            x = left + span * tick - width / 2
            painter.drawText(QPointF(x, bottom + 4 + small_metrics.ascent()), text)
