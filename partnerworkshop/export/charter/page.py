"""What every page carries: the header (with the status in words), the draft mark, the footer
with the page number, the outline entries, and the cover's contents once every page number is
known.

The draft mark is drawn as shapes, not as text, so that text taken from the PDF (to search it,
to read it aloud, to compare it) holds no stray letters of it; the status is in words in every
page header and on the cover.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate

from ..fonts import REGULAR
from .layout import INK, MARGIN_X, MUTED, RULE, WATERMARK, Layout

# The letters of the draft mark as strokes in a box one unit high. Each stroke is a run of
# segments: one point (a line to it; the first one is where the stroke starts) or three points
# (a curve through the first two to the third).
Point = tuple[float, float]
Segment = tuple[Point, ...]
LETTER_WIDTH = 0.62
LETTER_GAP = 0.26
STROKE = 0.15


def _to(x: float, y: float) -> Segment:
    return ((x, y),)


def _curve(*points: float) -> Segment:
    x1, y1, x2, y2, x3, y3 = points
    return ((x1, y1), (x2, y2), (x3, y3))


DRAFT_LETTERS: tuple[tuple[tuple[Segment, ...], ...], ...] = (
    ((_to(0, 0), _to(0, 1), _to(0.22, 1), _curve(0.7, 1, 0.7, 0, 0.22, 0), _to(0, 0)),),  # D
    (
        (_to(0, 0), _to(0, 1), _to(0.3, 1), _curve(0.66, 1, 0.66, 0.48, 0.3, 0.48), _to(0, 0.48)),
        (_to(0.3, 0.48), _to(0.62, 0)),
    ),  # R
    ((_to(0, 0), _to(0.31, 1), _to(0.62, 0)), (_to(0.12, 0.36), _to(0.5, 0.36))),  # A
    ((_to(0.58, 1), _to(0, 1), _to(0, 0)), (_to(0, 0.52), _to(0.46, 0.52))),  # F
    ((_to(0, 1), _to(0.62, 1)), (_to(0.31, 1), _to(0.31, 0))),  # T
)
MARK_HEIGHT = 78.0
MARK_ANGLE = 50


def draw_draft_mark(canvas: Canvas, centre_x: float, centre_y: float) -> None:
    """The word DRAFT, large, pale and slanted across the page, drawn as strokes."""
    letters = len(DRAFT_LETTERS)
    width = (letters * LETTER_WIDTH + (letters - 1) * LETTER_GAP) * MARK_HEIGHT
    canvas.saveState()
    canvas.translate(centre_x, centre_y)
    canvas.rotate(MARK_ANGLE)
    canvas.translate(-width / 2, -MARK_HEIGHT / 2)
    canvas.setStrokeColor(WATERMARK)
    canvas.setLineWidth(STROKE * MARK_HEIGHT)
    canvas.setLineCap(1)
    canvas.setLineJoin(1)
    for number, strokes in enumerate(DRAFT_LETTERS):
        left = number * (LETTER_WIDTH + LETTER_GAP) * MARK_HEIGHT

        def at(point: Point, left: float = left) -> tuple[float, float]:
            return left + point[0] * MARK_HEIGHT, point[1] * MARK_HEIGHT

        for stroke in strokes:
            path = canvas.beginPath()
            path.moveTo(*at(stroke[0][0]))
            for segment in stroke[1:]:
                if len(segment) == 3:
                    path.curveTo(*at(segment[0]), *at(segment[1]), *at(segment[2]))
                else:
                    path.lineTo(*at(segment[0]))
            canvas.drawPath(path, stroke=1, fill=0)
    canvas.restoreState()


def decorate_page(layout: Layout, canvas: Canvas, document: BaseDocTemplate) -> None:
    """Header and, for a draft, the mark (drawn first, so the text lies over it)."""
    furniture = layout.content.page
    fonts = layout.fonts
    canvas.saveState()
    if furniture.status_mark:
        draw_draft_mark(canvas, layout.page_width / 2, layout.page_height / 2)
    top = layout.page_height - 13 * mm
    right = layout.page_width - MARGIN_X
    right_width = 0.0
    if furniture.status_mark:
        canvas.setFillColor(INK)
        fonts.draw(canvas, right, top, furniture.status_mark, 8, bold=True, align="right")
        right_width = fonts.width(furniture.status_mark, 8, bold=True) + 12
    if furniture.marking:
        canvas.setFillColor(MUTED)
        marking = fonts.fit(furniture.marking, 8, layout.width * 0.4)
        fonts.draw(canvas, right - right_width, top, marking, 8, align="right")
        right_width += fonts.width(marking, 8) + 12
    canvas.setFillColor(INK)
    fonts.draw(canvas, MARGIN_X, top, furniture.title, 8, bold=True)
    title_width = fonts.width(furniture.title, 8, bold=True) + 8
    canvas.setFillColor(MUTED)
    fonts.draw(
        canvas,
        MARGIN_X + title_width,
        top,
        fonts.fit(furniture.parties, 8, layout.width - title_width - right_width),
        8,
    )
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_X, top - 5, right, top - 5)
    canvas.restoreState()


def draw_footer(layout: Layout, canvas: Canvas, page: int, pages: int) -> None:
    furniture = layout.content.page
    canvas.saveState()
    bottom = 12 * mm
    right = layout.page_width - MARGIN_X
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_X, bottom + 10, right, bottom + 10)
    canvas.setFillColor(MUTED)
    canvas.setFont(REGULAR, 7.5)
    canvas.drawString(MARGIN_X, bottom, furniture.footer)
    canvas.setFillColor(INK)
    canvas.drawRightString(right, bottom, furniture.page_label.format(page=page, pages=pages))
    canvas.restoreState()
    if page == layout.contents_place.page:
        draw_contents(layout, canvas)
    for bookmark in layout.bookmarks.get(page, []):
        canvas.bookmarkPage(bookmark.key, fit="XYZ", left=0, top=bookmark.top, zoom=0)
        canvas.addOutlineEntry(
            bookmark.title, bookmark.key, level=bookmark.level, closed=bookmark.level > 0
        )


def draw_contents(layout: Layout, canvas: Canvas) -> None:
    """The list of sections with their first pages."""
    canvas.saveState()
    place = layout.contents_place
    right = layout.page_width - MARGIN_X
    y = place.top - 9
    canvas.setFillColor(MUTED)
    layout.fonts.draw(canvas, MARGIN_X, y, layout.content.cover.contents_title, 7.5, bold=True)
    for number, title, key in layout.contents:
        y -= place.line_height
        canvas.setFillColor(INK)
        layout.fonts.draw(canvas, MARGIN_X, y, number, 8.5)
        layout.fonts.draw(
            canvas,
            MARGIN_X + 0.24 * layout.width,
            y,
            layout.fonts.fit(title, 8.5, 0.66 * layout.width),
            8.5,
        )
        layout.fonts.draw(
            canvas, right, y, str(layout.heading_pages.get(key, "")), 8.5, align="right"
        )
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.4)
        canvas.line(MARGIN_X, y - 3.5, right, y - 3.5)
    canvas.restoreState()
