"""What every page carries: the header, the draft mark, the footer with the page number, the
outline entries, and the cover's contents once every page number is known.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate

from ..fonts import BOLD, REGULAR
from .layout import INK, MARGIN_X, MUTED, RULE, WATERMARK, Layout


def decorate_page(layout: Layout, canvas: Canvas, document: BaseDocTemplate) -> None:
    """Header and, for a draft, the watermark (drawn first, so text lies over it)."""
    canvas.saveState()
    draft = layout.summary.status == "draft"
    if draft:
        canvas.setFillColor(WATERMARK)
        canvas.setFont(BOLD, 110)
        canvas.translate(layout.page_width / 2, layout.page_height / 2)
        canvas.rotate(50)
        canvas.drawCentredString(0, -38, "DRAFT")
        canvas.rotate(-50)
        canvas.translate(-layout.page_width / 2, -layout.page_height / 2)
    top = layout.page_height - 13 * mm
    right = layout.page_width - MARGIN_X
    marking = layout.options.confidentiality.strip()
    right_width = 0.0
    if draft:
        canvas.setFillColor(INK)
        layout.fonts.draw(canvas, right, top, "DRAFT", 8, bold=True, align="right")
        right_width = layout.fonts.width("DRAFT", 8, bold=True) + 12
    if marking:
        canvas.setFillColor(MUTED)
        marking = layout.fonts.fit(marking, 8, layout.width * 0.4)
        layout.fonts.draw(canvas, right - right_width, top, marking, 8, align="right")
        right_width += layout.fonts.width(marking, 8) + 12
    parties = f"{layout.name('A')} and {layout.name('B')}"
    canvas.setFillColor(INK)
    layout.fonts.draw(canvas, MARGIN_X, top, "Partnership charter", 8, bold=True)
    title_width = layout.fonts.width("Partnership charter", 8, bold=True) + 8
    canvas.setFillColor(MUTED)
    layout.fonts.draw(
        canvas,
        MARGIN_X + title_width,
        top,
        layout.fonts.fit(parties, 8, layout.width - title_width - right_width),
        8,
    )
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_X, top - 5, right, top - 5)
    canvas.restoreState()


def draw_footer(layout: Layout, canvas: Canvas, page: int, pages: int) -> None:
    canvas.saveState()
    bottom = 12 * mm
    right = layout.page_width - MARGIN_X
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_X, bottom + 10, right, bottom + 10)
    canvas.setFillColor(MUTED)
    canvas.setFont(REGULAR, 7.5)
    fingerprint = layout.summary.fingerprint
    canvas.drawString(
        MARGIN_X,
        bottom,
        f"Document {layout.summary.document_id}  ·  version {layout.summary.version}  ·  "
        f"fingerprint {fingerprint[:16]}…{fingerprint[-4:]}",
    )
    canvas.setFillColor(INK)
    canvas.drawRightString(right, bottom, f"Page {page} of {pages}")
    canvas.restoreState()
    if page == layout.contents_place.page:
        draw_contents(layout, canvas)
    for bookmark in layout.bookmarks.get(page, []):
        canvas.bookmarkPage(bookmark.key, fit="XYZ", left=0, top=bookmark.top, zoom=0)
        canvas.addOutlineEntry(
            bookmark.title, bookmark.key, level=bookmark.level, closed=bookmark.level > 0
        )


def draw_contents(layout: Layout, canvas: Canvas) -> None:
    """The cover's list of sections with their first pages."""
    canvas.saveState()
    place = layout.contents_place
    right = layout.page_width - MARGIN_X
    y = place.top - 9
    canvas.setFillColor(MUTED)
    layout.fonts.draw(canvas, MARGIN_X, y, "Contents", 7.5, bold=True)
    for number, title, key in layout.contents:
        y -= place.line_height
        canvas.setFillColor(INK)
        layout.fonts.draw(canvas, MARGIN_X, y, number, 8.5)
        layout.fonts.draw(canvas, MARGIN_X + 0.24 * layout.width, y, title, 8.5)
        layout.fonts.draw(
            canvas, right, y, str(layout.heading_pages.get(key, "")), 8.5, align="right"
        )
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.4)
        canvas.line(MARGIN_X, y - 3.5, right, y - 3.5)
    canvas.restoreState()
