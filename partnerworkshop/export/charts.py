"""The charter's small charts, drawn straight onto the page.

Party A's bars are solid, Party B's hatched, and every bar carries its number and the party's
name, so the charts read the same in grayscale and to someone who cannot tell the colours apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.colors import Color, HexColor, white
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from .fonts import CharterFonts

INK = HexColor("#1A1A1A")
MUTED = HexColor("#595959")
RULE = HexColor("#BFBFBF")
NEUTRAL = HexColor("#8C8C8C")
LABEL_SIZE = 7.5
NUMBER_SIZE = 7.0


@dataclass(frozen=True)
class PartyStyle:
    """How a party appears in charts: its short name, its colour and whether it is hatched."""

    name: str
    colour: Color
    hatched: bool


def bar(canvas: Canvas, x: float, y: float, width: float, height: float, party: PartyStyle) -> None:
    """A bar in the party's colour: solid, or hatched on white with a coloured outline."""
    if width <= 0:
        return
    canvas.saveState()
    if party.hatched:
        canvas.setFillColor(white)
        canvas.rect(x, y, width, height, stroke=0, fill=1)
        canvas.saveState()
        clip = canvas.beginPath()
        clip.rect(x, y, width, height)
        canvas.clipPath(clip, stroke=0, fill=0)
        canvas.setStrokeColor(party.colour)
        canvas.setLineWidth(0.9)
        start = x - height
        while start < x + width:
            canvas.line(start, y, start + height, y + height)
            start += 3.0
        canvas.restoreState()
        canvas.setStrokeColor(party.colour)
        canvas.setLineWidth(0.8)
        canvas.rect(x, y, width, height, stroke=1, fill=0)
    else:
        canvas.setFillColor(party.colour)
        canvas.rect(x, y, width, height, stroke=0, fill=1)
    canvas.restoreState()


def draw_legend(
    canvas: Canvas,
    fonts: CharterFonts,
    x: float,
    y: float,
    parties: Sequence[PartyStyle],
) -> None:
    for party in parties:
        bar(canvas, x, y - 1, 16, 8, party)
        canvas.setFillColor(INK)
        label = fonts.fit(party.name, LABEL_SIZE, 160)
        fonts.draw(canvas, x + 21, y, label, LABEL_SIZE)
        x += 21 + fonts.width(label, LABEL_SIZE) + 20


class SplitBar(Flowable):  # type: ignore[misc]
    """One agreed split: Party A's share from the left, Party B's from the right, both named."""

    def __init__(
        self, share_a: int, parties: tuple[PartyStyle, PartyStyle], fonts: CharterFonts
    ) -> None:
        super().__init__()
        self.share_a = share_a
        self.parties = parties
        self.fonts = fonts

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width, self.height = available_width, 23.0
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        party_a, party_b = self.parties
        width_a = self.width * self.share_a / 100
        bar(canvas, 0, 0, width_a, 9, party_a)
        bar(canvas, width_a, 0, self.width - width_a, 9, party_b)
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(0.4)
        canvas.rect(0, 0, self.width, 9, stroke=1, fill=0)
        canvas.setFillColor(INK)
        half = self.width / 2 - 4
        label_a = self.fonts.fit(f"{party_a.name} {self.share_a}%", LABEL_SIZE, half, bold=True)
        label_b = self.fonts.fit(
            f"{party_b.name} {100 - self.share_a}%", LABEL_SIZE, half, bold=True
        )
        self.fonts.draw(canvas, 0, 13, label_a, LABEL_SIZE, bold=True)
        self.fonts.draw(canvas, self.width, 13, label_b, LABEL_SIZE, bold=True, align="right")


@dataclass(frozen=True)
class ReadingRow:
    label: str
    share_a: float
    share_b: float


class ReadingChart(Flowable):  # type: ignore[misc]
    """Grouped horizontal bars: for each kind of relationship, each party's share of its reading."""

    bar_height = 7.5
    group_gap = 7.0
    label_width = 170.0
    legend_height = 20.0

    def __init__(
        self,
        rows: Sequence[ReadingRow],
        parties: tuple[PartyStyle, PartyStyle],
        fonts: CharterFonts,
    ) -> None:
        super().__init__()
        self.rows = list(rows)
        self.parties = parties
        self.fonts = fonts

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        group = 2 * self.bar_height + self.group_gap
        self.height = self.legend_height + group * len(self.rows)
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        scale_width = self.width - self.label_width - 34
        draw_legend(canvas, self.fonts, self.label_width, self.height - 9, self.parties)
        top = self.height - self.legend_height
        for row in self.rows:
            canvas.setFillColor(INK)
            self.fonts.draw(
                canvas,
                self.label_width - 8,
                top - self.bar_height - 3,
                self.fonts.fit(row.label, LABEL_SIZE, self.label_width - 12),
                LABEL_SIZE,
                align="right",
            )
            y = top
            for party, share in zip(self.parties, (row.share_a, row.share_b), strict=True):
                y -= self.bar_height
                bar(
                    canvas,
                    self.label_width,
                    y + 0.5,
                    scale_width * share,
                    self.bar_height - 1,
                    party,
                )
                canvas.setFillColor(INK)
                self.fonts.draw(
                    canvas,
                    self.label_width + scale_width * share + 3,
                    y + 1.5,
                    f"{round(share * 100)}%",
                    NUMBER_SIZE,
                )
            top = y - self.group_gap
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(self.label_width, top + self.group_gap, self.label_width, self.height - 16)


@dataclass(frozen=True)
class GapRow:
    label: str
    gap: float | None


class GapBars(Flowable):  # type: ignore[misc]
    """The gap per section, from 0 (the same answers) to 1 (opposite answers), with its number."""

    row_height = 13.0
    label_width = 190.0
    scale_height = 14.0

    def __init__(self, rows: Sequence[GapRow], fonts: CharterFonts) -> None:
        super().__init__()
        self.rows = list(rows)
        self.fonts = fonts

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = self.row_height * len(self.rows) + self.scale_height
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        """Many sections run on to the next page, the scale repeated; at least three a page."""
        fitting = int((available_height - self.scale_height) // self.row_height)
        if fitting < 3 or fitting >= len(self.rows):
            return []
        return [
            GapBars(self.rows[:fitting], self.fonts),
            GapBars(self.rows[fitting:], self.fonts),
        ]

    def draw(self) -> None:
        canvas = self.canv
        scale_width = self.width - self.label_width - 40
        y = self.height - self.scale_height
        canvas.setFillColor(MUTED)
        for tick in (0.0, 0.5, 1.0):
            self.fonts.draw(
                canvas,
                self.label_width + scale_width * tick,
                y + 4,
                f"{tick:.1f}",
                6.5,
                align="centre",
            )
        for row in self.rows:
            y -= self.row_height
            canvas.setFillColor(INK)
            self.fonts.draw(
                canvas,
                self.label_width - 8,
                y + 3,
                self.fonts.fit(row.label, LABEL_SIZE, self.label_width - 12),
                LABEL_SIZE,
                align="right",
            )
            if row.gap is None:
                canvas.setFillColor(MUTED)
                self.fonts.draw(canvas, self.label_width + 4, y + 3, "no answers to compare", 7)
                continue
            canvas.setFillColor(NEUTRAL)
            canvas.rect(self.label_width, y + 2, scale_width * row.gap, 8, stroke=0, fill=1)
            canvas.setFillColor(INK)
            self.fonts.draw(
                canvas,
                self.label_width + scale_width * row.gap + 4,
                y + 3,
                f"{row.gap:.2f}",
                NUMBER_SIZE,
            )
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(self.label_width, y, self.label_width, self.height - self.scale_height + 1)
