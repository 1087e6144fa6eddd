"""The charter as a PDF: its parts in order, page numbers, the outline and the metadata.

Imported only when a charter is made, because reportlab is slow to load.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from functools import partial
from typing import Any

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from ... import __version__
from ...model.base import SIDES
from ...model.session import Session
from ..archive import finish_as_pdfa
from ..fonts import REGULAR, fonts_for
from .agreed_positions import agreed_positions
from .appendix import appendix
from .cover import cover
from .layout import (
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    PAPER_SIZES,
    Bookmark,
    Heading,
    Layout,
    OutlineMark,
)
from .open_issues import open_issues
from .page import decorate_page, draw_footer
from .shared_definition import shared_definition
from .shares import shares
from .signatures import signatures
from .summary import CharterOptions, CharterSummary, printed_texts
from .where_we_started import where_we_started

DEFAULT_FONT = rl_config.canvas_basefontname


class NumberedCanvas(Canvas):  # type: ignore[misc]
    """Keeps every page until the end, so each footer can say "Page X of Y"."""

    def __init__(
        self, *args: Any, footer: Callable[[Canvas, int, int], None], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self._footer = footer
        self._pages: list[dict[str, Any]] = []

    def setFont(  # noqa: N802 - reportlab's name
        self, psfontname: str, size: float, leading: float | None = None
    ) -> None:
        """Tables set their cells' font even where a cell holds no text, and reportlab's
        default is Helvetica, which is never embedded: the charter uses its own instead."""
        super().setFont(REGULAR if psfontname == DEFAULT_FONT else psfontname, size, leading)

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, 1):
            self.__dict__.update(state)
            self._footer(self, number, total)
            super().showPage()
        self.page_count = total
        super().save()


class CharterDocument(BaseDocTemplate):  # type: ignore[misc]
    """Notes the page of every heading: pages are written only once they are all known."""

    bookmarks: dict[int, list[Bookmark]]
    heading_pages: dict[str, int]

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 - reportlab's name
        if isinstance(flowable, Heading | OutlineMark):
            page = self.canv.getPageNumber()
            self.heading_pages[flowable.outline_key] = page
            top = self.frame._y + flowable.height + 6
            self.bookmarks.setdefault(page, []).append(
                Bookmark(flowable.outline_key, flowable.outline_title, flowable.outline_level, top)
            )


def story(layout: Layout) -> list[Flowable]:
    """The charter's parts, in the order they are printed."""
    return [
        *cover(layout),
        *shared_definition(layout),
        *agreed_positions(layout),
        *shares(layout),
        *where_we_started(layout),
        *open_issues(layout),
        *signatures(layout),
        *appendix(layout),
    ]


def _metadata(session: Session, summary: CharterSummary) -> dict[str, Any]:
    organisations = " and ".join(
        session.party(side).organisation or f"Party {side}" for side in SIDES
    )
    title = session.workshop.title or organisations
    return {
        "title": f"Partnership charter: {title}",
        "author": session.workshop.facilitator,
        "subject": f"Partnership charter between {organisations}",
        "keywords": [
            "partnership charter",
            *(
                session.party(side).organisation
                for side in SIDES
                if session.party(side).organisation
            ),
            summary.document_id,
            f"fingerprint {summary.fingerprint}",
        ],
        "creator": f"partnerworkshop {__version__}",
    }


def build_charter(
    session: Session, summary: CharterSummary, options: CharterOptions
) -> tuple[bytes, int]:
    """The charter as PDF bytes and its number of pages."""
    fonts = fonts_for(text for _, text in printed_texts(session, options))
    layout = Layout(session, summary, options, fonts)
    buffer = io.BytesIO()
    document = CharterDocument(
        buffer,
        pagesize=PAPER_SIZES[options.paper],
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        initialFontName=REGULAR,  # the font each page starts with, so it is embedded too
        **_metadata(session, summary),
    )
    frame = Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        layout.width,
        layout.page_height - MARGIN_TOP - MARGIN_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    document.heading_pages = layout.heading_pages
    document.bookmarks = layout.bookmarks
    document.addPageTemplates(
        [PageTemplate("page", [frame], onPage=partial(decorate_page, layout))]
    )
    canvases: list[NumberedCanvas] = []

    def make_canvas(*args: Any, **kwargs: Any) -> NumberedCanvas:
        canvas = NumberedCanvas(*args, footer=partial(draw_footer, layout), **kwargs)
        canvas.showOutline()
        canvases.append(canvas)
        return canvas

    document.build(story(layout), canvasmaker=make_canvas)
    return finish_as_pdfa(buffer.getvalue(), layout.signature_fields), canvases[-1].page_count
