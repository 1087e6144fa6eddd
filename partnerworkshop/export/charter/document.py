"""The charter as a PDF, drawn from its content: the parts in order, page numbers, the
outline, the metadata (dated as the cover is), and where each signatory signs.

Imported only when a charter is made, because reportlab is slow to load.
"""

from __future__ import annotations

import datetime as dt
import io
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from reportlab import rl_config
from reportlab.lib.utils import TimeStamp
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from ..archive import SignatureField, finish_as_pdfa
from ..fonts import REGULAR, fonts_for
from .agreed_positions import agreed_positions
from .appendix import appendix
from .changes import changes
from .content import CharterContent
from .cover import cover
from .layout import (
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    PAPER_SIZES,
    Bookmark,
    Heading,
    KeepWithNext,
    Layout,
    OutlineMark,
)
from .open_issues import open_issues
from .page import decorate_page, draw_footer
from .progress import Progress, Report, no_report
from .shared_definition import shared_definition
from .shares import shares
from .signatures import SignaturePlace, signatures
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


PARTS: tuple[Callable[[Layout], list[Flowable]], ...] = (
    cover,
    changes,
    shared_definition,
    agreed_positions,
    shares,
    where_we_started,
    open_issues,
    signatures,
    appendix,
)
"""The charter's parts, in the order they are printed."""


def story(layout: Layout, report: Report = no_report) -> list[Flowable]:
    """The charter's parts set out, reported part by part and table row by table row."""
    flowables: list[Flowable] = []
    for number, part in enumerate(PARTS):
        done = number / len(PARTS)
        layout.on_row = partial(report, Progress("setting", done))
        layout.on_row()
        flowables.extend(part(layout))
    return flowables


def _page_reports(report: Report) -> Callable[[str, int], None]:
    """reportlab's progress calls, as reports of the pages drawn."""
    total = done = page = 0

    def on_progress(kind: str, value: int) -> None:
        nonlocal total, done, page
        if kind == "SIZE_EST":
            total = value
        elif kind == "PROGRESS":
            done = max(done, value)  # a flowable split over pages counts again
        elif kind == "PAGE":
            page = value
        else:
            return
        report(Progress("pages", done / total if total else 0.0, page))

    return on_progress


@dataclass(frozen=True)
class CharterPdf:
    data: bytes
    pages: int
    signature_places: tuple[SignaturePlace, ...]
    """Where each signatory signs, in the order the signature pages were drawn."""


def _time_stamp(moment: dt.datetime) -> TimeStamp:
    """reportlab's time stamp for the PDF's dates: the export time printed on the cover."""
    stamp = TimeStamp(invariant=1)
    moment = moment.astimezone(dt.UTC)
    stamp.t = moment.timestamp()
    stamp.lt = moment.timetuple()
    stamp.YMDhms = tuple(stamp.lt)[:6]
    stamp.dhh = stamp.dmm = 0
    stamp.tzname = "UTC"
    return stamp


_ONE_AT_A_TIME = threading.Lock()
"""reportlab keeps its fonts and caches in module state, so charters are drawn one at a time
(the app makes them off its window's thread)."""


def draw_charter(content: CharterContent, report: Report = no_report) -> CharterPdf:
    """The charter as PDF bytes, reported as it goes (``report`` may stop it)."""
    with _ONE_AT_A_TIME:
        return _draw(content, report)


def _draw(content: CharterContent, report: Report) -> CharterPdf:
    fonts = fonts_for(content.texts())
    layout = Layout(content, fonts)
    metadata = content.metadata
    buffer = io.BytesIO()
    document = CharterDocument(
        buffer,
        pagesize=PAPER_SIZES[content.options.paper],
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=metadata.title,
        author=metadata.author,
        subject=metadata.subject,
        keywords=list(metadata.keywords),
        creator=metadata.creator,
        invariant=1,  # the same content gives the same bytes
        initialFontName=REGULAR,  # the font each page starts with, so it is embedded too
        keepTogetherClass=KeepWithNext,
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
        canvas._doc._timeStamp = _time_stamp(content.identity.exported)
        canvas.showOutline()
        canvases.append(canvas)
        return canvas

    document.setProgressCallBack(_page_reports(report))
    document.build(story(layout, report), canvasmaker=make_canvas)
    report(Progress("finishing", 0.0, canvases[-1].page_count))
    places = tuple(layout.signature_places)
    fields = [
        SignatureField(place.field, place.description, place.page - 1, place.rectangle)
        for place in places
    ]
    return CharterPdf(finish_as_pdfa(buffer.getvalue(), fields), canvases[-1].page_count, places)
