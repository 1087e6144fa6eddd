"""What every part of the charter shares: the type scale, tables, headings and text.

:class:`Layout` holds the charter's content (the one value every part is drawn from) and the
helpers the parts draw with; each part of the charter lives in a module named after it and turns
a :class:`Layout` into flowables. Every text goes through :meth:`CharterFonts.markup` (via
``Layout.text``), so it is printed exactly as typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    FrameBreak,
    KeepTogether,
    PageBreak,
    Paragraph,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import _listWrapOn

from ..charts import PartyStyle
from ..fonts import BOLD, REGULAR, CharterFonts, ShapedParagraph
from ..scripts import needs_shaping
from .content import CharterContent, Text
from .content import Heading as HeadingContent

INK = HexColor("#1A1A1A")
MUTED = HexColor("#595959")
RULE = HexColor("#C8C8C8")
RULE_STRONG = HexColor("#4D4D4D")
WATERMARK = HexColor("#E4E4E4")
PAPER_SIZES = {"A4": A4, "Letter": LETTER}
MARGIN_X = 20 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 22 * mm
CELL_PADDING = 8
# Cells with less markup than this always fit on a page; longer ones are measured.
LONG_CELL = 1500
# A table never leaves fewer rows than this alone at the foot or the top of a page.
FEWEST_ROWS = 2
EMPHASIS_STYLES = {
    "plain": "cell",
    "strong": "cell_bold",
    "small": "cell_small",
    "placeholder": "cell",
}


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=REGULAR, fontSize=9.5, leading=13.5, textColor=INK)

    def style(name: str, **changes: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **changes)

    return {
        "body": base,
        "lead": style("lead", spaceAfter=6, keepWithNext=1),
        "note": style("note", fontSize=8, leading=10.5, textColor=MUTED, keepWithNext=1),
        "small": style("small", fontSize=8, leading=10.5, textColor=MUTED),
        "cell": style("cell", fontSize=8.5, leading=11.5),
        "cell_spaced": style("cell_spaced", fontSize=8.5, leading=11.5, spaceAfter=3),
        "cell_bold": style("cell_bold", fontName=BOLD, fontSize=8.5, leading=11.5),
        "cell_small": style("cell_small", fontSize=7.5, leading=10, textColor=MUTED),
        "header": style("header", fontName=BOLD, fontSize=7.5, leading=10, textColor=MUTED),
        "h1": style(
            "h1",
            fontName=BOLD,
            fontSize=15,
            leading=19,
            spaceBefore=20,
            spaceAfter=10,
            keepWithNext=1,
        ),
        "h2": style(
            "h2",
            fontName=BOLD,
            fontSize=11,
            leading=14,
            spaceBefore=14,
            spaceAfter=6,
            keepWithNext=1,
        ),
        "h3": style(
            "h3",
            fontName=BOLD,
            fontSize=9.5,
            leading=13,
            spaceBefore=10,
            spaceAfter=4,
            keepWithNext=1,
        ),
        "title": style("title", fontName=BOLD, fontSize=26, leading=31, spaceAfter=8),
        "subtitle": style("subtitle", fontSize=13, leading=17, textColor=MUTED, spaceAfter=4),
        "party": style("party", fontName=BOLD, fontSize=12, leading=15, spaceAfter=2),
        "definition": style("definition", fontSize=10.5, leading=15.5),
        "fingerprint": style("fingerprint", fontName=BOLD, fontSize=8.6, leading=12),
    }


class Heading(ShapedParagraph):
    """A heading that also becomes an entry in the PDF outline."""

    def __init__(
        self, markup: str, style: ParagraphStyle, outline_title: str, level: int, key: str
    ) -> None:
        super().__init__(markup, style)
        self.outline_title = outline_title
        self.outline_level = level
        self.outline_key = key


class OutlineMark(Flowable):  # type: ignore[misc]
    """An invisible outline entry for a place that has no heading (the cover)."""

    outline_level = 0

    def __init__(self, title: str, key: str) -> None:
        super().__init__()
        self.outline_title = title
        self.outline_key = key

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        """Nothing to draw: the outline entry is added when the page is written."""


@dataclass(frozen=True)
class Bookmark:
    key: str
    title: str
    level: int
    top: float


class ContentsPlace(Flowable):  # type: ignore[misc]
    """Room on the cover for the contents, drawn at the end when every page number is known."""

    line_height = 12.0

    def __init__(self, layout: Layout) -> None:
        super().__init__()
        self.layout = layout
        self.page = 0
        self.top = 0.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return available_width, self.line_height * (len(self.layout.contents) + 1) + 4

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802, N803
        self.page = canvas.getPageNumber()
        self.top = y + self.wrap(0, 0)[1]


class Layout:
    """The charter's content, and the helpers its parts are drawn with."""

    def __init__(self, content: CharterContent, fonts: CharterFonts) -> None:
        self.content = content
        self.fonts = fonts
        self.styles = _styles()
        self.page_width, self.page_height = PAPER_SIZES[content.options.paper]
        self.width = self.page_width - 2 * MARGIN_X
        self.parties = tuple(
            PartyStyle(party.name, HexColor(party.colour), party.side == "B")
            for party in content.parties
        )
        self.chunk_height = 0.4 * (self.page_height - MARGIN_TOP - MARGIN_BOTTOM)
        self._keys = 0
        self.contents_followed = False
        self.contents: list[tuple[str, str, str]] = []
        self.heading_pages: dict[str, int] = {}
        self.bookmarks: dict[int, list[Bookmark]] = {}
        self.contents_place = ContentsPlace(self)
        self.signature_places: list[Any] = []
        """Where each signatory signs, recorded as the signature pages are drawn."""
        self.on_row: Callable[[], None] = lambda: None
        """Called for each table row set out: long tables report progress (and can stop)."""

    # --- text helpers -----------------------------------------------------------------------

    def text(self, words: str) -> str:
        """Text as paragraph markup: the one way words enter the charter."""
        return self.fonts.markup(words)

    def para(self, markup: str, style: str = "body") -> Paragraph:
        return ShapedParagraph(markup, self.style(markup, style))

    def style(self, markup: str, name: str) -> ParagraphStyle:
        """The named style, shaping the text when it holds right-to-left script (shaping
        costs time, so text without it is set as it is)."""
        if not needs_shaping(markup):
            return self.styles[name]
        shaped = f"{name} shaped"
        if shaped not in self.styles:
            self.styles[shaped] = ParagraphStyle(shaped, parent=self.styles[name], shaping=1)
        return self.styles[shaped]

    def plain(self, words: str, style: str = "body") -> Paragraph:
        return self.para(self.text(words), style)

    def set(self, text: Text, style: str | None = None) -> Paragraph:
        """A paragraph of the content, set as its emphasis says (a placeholder in italics)."""
        markup = self.text(text.words)
        if text.placeholder:
            markup = f"<i>{markup}</i>"
        return self.para(markup, style or EMPHASIS_STYLES[text.emphasis])

    def heading(
        self, heading: HeadingContent, level: int = 0, *, new_page: bool | None = None
    ) -> list[Flowable]:
        """A numbered heading with its outline entry; a main section starts on a new page."""
        self._keys += 1
        key = f"h{self._keys}"
        if level == 0:
            self.contents.append((heading.number, heading.title, key))
        style = "h1" if level == 0 else "h2"
        new_page = level == 0 if new_page is None else new_page
        before: Flowable
        if new_page and not self.contents_followed:
            # The first section shares the page of the contents when they left the cover.
            before = SectionBreak(self.contents_place)
            self.contents_followed = True
        elif new_page:
            before = PageBreak()
        else:
            before = CondPageBreak(170 if level else 200)
        label = heading.label
        markup = self.text(label)
        return [before, Heading(markup, self.style(markup, style), label, level, key)]

    def subheading(self, title: str) -> Paragraph:
        return self.plain(title, "h3")

    def table(
        self,
        header: Sequence[str] | None,
        rows: Sequence[Sequence[Any]],
        widths: Sequence[float],
        *,
        accents: dict[int, Color] | None = None,
    ) -> Table:
        """A table with light rules; ``header`` (plain text) is repeated on every page.

        A row too tall for a page continues in further rows (reportlab moves whole rows); a
        page never holds a lone row of a table that has more.
        """
        column_widths = [self.width * share for share in widths]
        data: list[Sequence[Any]] = []
        commands: list[tuple[Any, ...]] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ]
        if header is not None:
            data.append([self.plain(cell, "header") for cell in header])
        ends: list[int] = []
        for row in rows:
            data.extend(self.fitted_rows(row, column_widths))
            ends.append(len(data) - 1)
        if len(data) == len(rows) + (header is not None):
            commands.append(("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE))
        else:  # rule only below the last piece of a row that was cut
            commands += [("LINEBELOW", (0, end), (-1, end), 0.4, RULE) for end in ends]
        if header is not None:
            commands.append(("LINEBELOW", (0, 0), (-1, 0), 0.8, RULE_STRONG))
            for column, colour in (accents or {}).items():
                commands.append(("LINEBELOW", (column, 0), (column, 0), 1.6, colour))
        return KeptTable(
            data,
            page_height=self.page_height - MARGIN_TOP - MARGIN_BOTTOM,
            colWidths=column_widths,
            repeatRows=1 if header is not None else 0,
            style=TableStyle(commands),
            hAlign="LEFT",
        )

    def fitted_rows(self, row: Sequence[Any], widths: Sequence[float]) -> list[list[Any]]:
        """The row, cut into several when a cell is too long to fit on one page."""
        self.on_row()
        cells = [list(cell) if isinstance(cell, list) else [cell] for cell in row]
        if all(sum(len(getattr(f, "text", "")) for f in cell) < LONG_CELL for cell in cells):
            return [list(row)]
        pieces = [
            _chunks(_by_lines(cell), width - CELL_PADDING, self.chunk_height)
            for cell, width in zip(cells, widths, strict=True)
        ]
        return [
            [piece[index] if index < len(piece) else "" for piece in pieces]
            for index in range(max(len(piece) for piece in pieces))
        ]


# A paragraph is laid out again whole each time it is split across pages, so a text of many lines
# would take time growing with the square of its length; set in pieces of at most this many
# lines (or about this many characters), it takes time in proportion to it.
LINES_PER_PIECE = 40
CHARACTERS_PER_PIECE = 3000
_TAG = re.compile(r"<(/?)([a-zA-Z]+)[^>]*?(/?)>")


def _by_lines(flowables: list[Any]) -> list[Any]:
    """The flowables, with each paragraph of many lines set as several of a few lines each."""
    result: list[Any] = []
    for flowable in flowables:
        text = getattr(flowable, "text", "")
        if isinstance(flowable, Paragraph) and len(text) > CHARACTERS_PER_PIECE and "<br/>" in text:
            # An empty piece is a blank line: a space keeps its height.
            result.extend(
                ShapedParagraph(piece or "&nbsp;", flowable.style) for piece in _line_pieces(text)
            )
        else:
            result.append(flowable)
    return result


def _line_pieces(markup: str) -> list[str]:
    """The markup cut at line breaks outside any tag pair, into pieces of a few lines."""
    pieces: list[str] = []
    start = depth = lines = 0
    for tag in _TAG.finditer(markup):
        closing, name, self_closing = tag.groups()
        if name == "br" or self_closing:
            if name == "br" and depth == 0:
                lines += 1
                if lines == LINES_PER_PIECE or tag.start() - start >= CHARACTERS_PER_PIECE:
                    pieces.append(markup[start : tag.start()])
                    start, lines = tag.end(), 0
        else:
            depth += -1 if closing else 1
    pieces.append(markup[start:])
    return pieces


def _chunks(flowables: list[Any], width: float, height: float) -> list[list[Any]]:
    """The flowables of a cell, regrouped (long paragraphs split) into pieces of ``height``."""
    chunks: list[list[Any]] = [[]]
    used = 0.0
    queue = list(flowables)
    while queue:
        flowable = queue.pop(0)
        if isinstance(flowable, str):
            chunks[-1].append(flowable)
            continue
        needed = flowable.wrap(width, height)[1]
        if used + needed <= height:
            chunks[-1].append(flowable)
            used += needed
            continue
        parts = flowable.split(width, height - used)
        if len(parts) >= 2:
            chunks[-1].append(parts[0])
            queue[:0] = parts[1:]
        elif chunks[-1]:
            queue.insert(0, flowable)
        else:
            chunks[-1].append(flowable)
        chunks.append([])
        used = 0.0
    return [chunk for chunk in chunks if chunk]


class KeptTable(Table):  # type: ignore[misc]
    """A table that never leaves a lone row of its body at the foot or the top of a page."""

    def __init__(self, *args: Any, page_height: float = 0.0, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.page_height = page_height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        parts = self._split(available_width, available_height)
        for part in parts:
            part.page_height = self.page_height  # reportlab makes the parts without it
        return parts

    def _split(self, available_width: float, available_height: float) -> list[Flowable]:
        parts: list[Flowable] = super().split(available_width, available_height)
        if len(parts) != 2:
            return parts
        header = self.repeatRows
        first = len(parts[0]._cellvalues) - header
        rest = len(parts[1]._cellvalues) - header
        if first < FEWEST_ROWS and available_height < 0.9 * self.page_height:
            return []  # the whole table goes to the next page, which has room for more
        if rest < FEWEST_ROWS and first > FEWEST_ROWS:
            # Take the last row of this page over to the next, to keep the lone one company.
            kept = sum(self._rowHeights[: header + first - 1])
            shorter: list[Flowable] = super().split(available_width, kept + 0.5)
            if len(shorter) == 2:
                return shorter
        return parts


class SectionBreak(Flowable):  # type: ignore[misc]
    """A new page, unless the contents had no room on the cover and begin this page: then what
    follows fills the page the contents started, rather than leaving them alone on it."""

    locChanger = 1  # noqa: N815 - reportlab's name: it moves what follows

    def __init__(self, contents: ContentsPlace) -> None:
        super().__init__()
        self.contents = contents

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        if self.contents.page <= 1:
            frame = self._doctemplateAttr("frame")
            if frame is not None:
                frame.add_generated_content(FrameBreak)
        return 0, 0

    def draw(self) -> None:
        """Nothing to draw: it only moves what follows to a new page."""


class RuledParagraph(Flowable):  # type: ignore[misc]
    """A paragraph with a rule down its left side, which runs on across pages as one."""

    indent = 10.0
    rule = 2.0

    def __init__(self, paragraph: Paragraph) -> None:
        super().__init__()
        self.paragraph = paragraph

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        width, height = self.paragraph.wrap(available_width - self.indent, available_height)
        self.width, self.height = width + self.indent, height
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        parts = self.paragraph.split(available_width - self.indent, available_height)
        return [RuledParagraph(part) for part in parts]

    def draw(self) -> None:
        self.canv.setStrokeColor(RULE_STRONG)
        self.canv.setLineWidth(self.rule)
        self.canv.line(self.rule / 2, 0, self.rule / 2, self.height)
        self.paragraph.drawOn(self.canv, self.indent, 0)


class KeepWithNext(KeepTogether):  # type: ignore[misc]
    """Headings (and the lines that lead into a table) kept with what follows them.

    The whole group moves to the next page only when not even the start of what follows fits
    under the headings: a long table or paragraph starts under its heading, on this page.
    """

    safety = 6.0

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        *leading, last = self._content
        if leading:
            _, used = _listWrapOn(leading, available_width, self.canv)
            gap = max(leading[-1].getSpaceAfter(), last.getSpaceBefore()) + self.safety
            room = available_height - used - gap
            parts: list[Flowable] = last.split(available_width, room) if room > 0 else []
            if len(parts) >= 2:
                return [*leading, *parts]
        result: list[Flowable] = super().split(available_width, available_height)
        return result
