"""The charter laid out with reportlab's platypus: cover, six sections, appendix.

Every piece of user text goes through :meth:`CharterFonts.markup` (via ``Layout.text``), so it is
printed exactly as typed. Imported only when a charter is made, because reportlab is slow to load.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from .. import __version__
from ..model.analysis import analyse
from ..model.base import SIDES, Side
from ..model.kinds import RelationshipKind
from ..model.positions import ADOPTED_SIDE, AgreedPosition, agreed_positions
from ..model.session import Answer, Session
from ..model.template import AnswerValue, Question, RankingQuestion, SplitQuestion
from .charter import (
    LARGEST_DIVERGENCES,
    SECTION_TITLES,
    CharterOptions,
    CharterSummary,
    asks_about_principles,
    principle_positions,
    printed_texts,
)
from .charts import GapBars, GapRow, PartyStyle, ReadingChart, ReadingRow, SplitBar
from .fonts import BOLD, REGULAR, CharterFonts, fonts_for

INK = HexColor("#1A1A1A")
MUTED = HexColor("#595959")
RULE = HexColor("#C8C8C8")
RULE_STRONG = HexColor("#4D4D4D")
WATERMARK = HexColor("#E4E4E4")
PAPER_SIZES = {"A4": A4, "Letter": LETTER}
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
MARGIN_X = 20 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 22 * mm
CELL_PADDING = 8
# Cells with less markup than this always fit on a page; longer ones are measured.
LONG_CELL = 1500


def long_date(day: dt.date | None) -> str:
    if day is None:
        return "no date"
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def date_and_time(moment: dt.datetime | None) -> str:
    if moment is None:
        return "not yet exported"
    moment = moment.astimezone(dt.UTC)
    return f"{long_date(moment.date())}, {moment:%H:%M} UTC"


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=REGULAR, fontSize=9.5, leading=13.5, textColor=INK)

    def style(name: str, **changes: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **changes)

    return {
        "body": base,
        "lead": style("lead", spaceAfter=6),
        "small": style("small", fontSize=8, leading=10.5, textColor=MUTED),
        "cell": style("cell", fontSize=8.5, leading=11.5),
        "cell_spaced": style("cell_spaced", fontSize=8.5, leading=11.5, spaceAfter=3),
        "cell_bold": style("cell_bold", fontName=BOLD, fontSize=8.5, leading=11.5),
        "cell_small": style("cell_small", fontSize=7.5, leading=10, textColor=MUTED),
        "header": style("header", fontName=BOLD, fontSize=7.5, leading=10, textColor=MUTED),
        "h1": style("h1", fontName=BOLD, fontSize=15, leading=19, spaceBefore=20, spaceAfter=10),
        "h2": style("h2", fontName=BOLD, fontSize=11, leading=14, spaceBefore=14, spaceAfter=6),
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
        "definition": style("definition", fontSize=10.5, leading=15.5, leftIndent=10),
        "fingerprint": style("fingerprint", fontName=BOLD, fontSize=8.6, leading=12),
    }


class Heading(Paragraph):  # type: ignore[misc]
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

    line_height = 13.0

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


class NumberedCanvas(Canvas):  # type: ignore[misc]
    """Keeps every page until the end, so each footer can say "Page X of Y"."""

    def __init__(
        self, *args: Any, footer: Callable[[Canvas, int, int], None], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self._footer = footer
        self._pages: list[dict[str, Any]] = []

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


class Layout:
    """Builds the charter's flowables from a session."""

    def __init__(
        self,
        session: Session,
        summary: CharterSummary,
        options: CharterOptions,
        fonts: CharterFonts,
    ) -> None:
        self.session = session
        self.summary = summary
        self.options = options
        self.fonts = fonts
        self.styles = _styles()
        self.positions = agreed_positions(session)
        self.analysis = analyse(session)
        self.page_width, self.page_height = PAPER_SIZES[options.paper]
        self.width = self.page_width - 2 * MARGIN_X
        self.parties = tuple(
            PartyStyle(session.party(side).display_name(side), _colour(session, side), side == "B")
            for side in SIDES
        )
        self.chunk_height = 0.4 * (self.page_height - MARGIN_TOP - MARGIN_BOTTOM)
        self._keys = 0
        self.contents: list[tuple[str, str, str]] = []
        self.heading_pages: dict[str, int] = {}
        self.bookmarks: dict[int, list[Bookmark]] = {}
        self.contents_place = ContentsPlace(self)

    # --- text helpers -----------------------------------------------------------------------

    def text(self, user_text: str) -> str:
        """User text as paragraph markup: the one way user text enters the charter."""
        return self.fonts.markup(user_text)

    def para(self, markup: str, style: str = "body") -> Paragraph:
        return Paragraph(markup, self.styles[style])

    def plain(self, user_text: str, style: str = "body") -> Paragraph:
        return self.para(self.text(user_text), style)

    def name(self, side: Side) -> str:
        return self.session.party(side).display_name(side)

    def heading(
        self, number: str, title: str, level: int = 0, *, new_page: bool | None = None
    ) -> list[Flowable]:
        """A numbered heading with its outline entry; a main section starts on a new page."""
        self._keys += 1
        label = f"{number}  {title}" if number else title
        if level == 0:
            self.contents.append((number, title, f"h{self._keys}"))
        style = "h1" if level == 0 else "h2"
        new_page = level == 0 if new_page is None else new_page
        before: Flowable = PageBreak() if new_page else CondPageBreak(170 if level else 200)
        return [
            before,
            Heading(self.text(label), self.styles[style], label, level, f"h{self._keys}"),
        ]

    def table(
        self,
        header: Sequence[str] | None,
        rows: Sequence[Sequence[Any]],
        widths: Sequence[float],
        *,
        accents: dict[int, Color] | None = None,
    ) -> Table:
        """A table with light rules; ``header`` is fixed markup, repeated on every page.

        A row too tall for a page continues in further rows (reportlab moves whole rows).
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
            data.append([self.para(cell, "header") for cell in header])
        ends: list[int] = []
        for row in rows:
            data.extend(self._fitted_rows(row, column_widths))
            ends.append(len(data) - 1)
        if len(data) == len(rows) + (header is not None):
            commands.append(("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE))
        else:  # rule only below the last piece of a row that was cut
            commands += [("LINEBELOW", (0, end), (-1, end), 0.4, RULE) for end in ends]
        if header is not None:
            commands.append(("LINEBELOW", (0, 0), (-1, 0), 0.8, RULE_STRONG))
            for column, colour in (accents or {}).items():
                commands.append(("LINEBELOW", (column, 0), (column, 0), 1.6, colour))
        return Table(
            data,
            colWidths=column_widths,
            repeatRows=1 if header is not None else 0,
            style=TableStyle(commands),
            hAlign="LEFT",
        )

    def _fitted_rows(self, row: Sequence[Any], widths: Sequence[float]) -> list[list[Any]]:
        """The row, cut into several when a cell is too long to fit on one page."""
        cells = [list(cell) if isinstance(cell, list) else [cell] for cell in row]
        if all(sum(len(getattr(f, "text", "")) for f in cell) < LONG_CELL for cell in cells):
            return [list(row)]
        pieces = [
            _chunks(cell, width - CELL_PADDING, self.chunk_height)
            for cell, width in zip(cells, widths, strict=True)
        ]
        return [
            [piece[index] if index < len(piece) else "" for piece in pieces]
            for index in range(max(len(piece) for piece in pieces))
        ]

    def how_reached(self, position: AgreedPosition) -> str:
        reached = position.reached
        if reached in ADOPTED_SIDE:
            return f"Adopted from {self.text(self.name(ADOPTED_SIDE[reached]))}'s answer"
        if position.close_values is not None:
            return "Carried over: the parties' answers were close"
        return {
            "agreed": "New position agreed",
            "carried_over": "Carried over: both parties gave this answer",
            "parked": "Parked (see section 5)",
            "open": "Not yet agreed (see section 5)",
        }[reached]

    def position_markup(self, position: AgreedPosition) -> str:
        if position.reached == "parked":
            return "<i>No agreed position yet: parked.</i>"
        if position.reached == "open":
            return "<i>No agreed position yet.</i>"
        if position.close_values is not None:
            return "<br/>".join(
                f"{self.text(self.name(side))}: {self.described(position.question, value)}"
                for side, value in zip(SIDES, position.close_values, strict=True)
            )
        if not position.text:
            side = ADOPTED_SIDE.get(position.reached)
            who = self.text(self.name(side)) if side else "the parties"
            return f"<i>No answer recorded ({who} gave none).</i>"
        lines = []
        if position.value is not None:
            lines.append(self.described(position.question, position.value))
        plain = "" if position.value is None else position.question.describe_value(position.value)
        if position.wording and position.wording != plain:
            lines.append(self.text(position.wording))
        return "<br/>".join(lines)

    def described(self, question: Question, value: AnswerValue) -> str:
        """An answer in words; a split names both parties' shares, a ranking numbers its items."""
        if isinstance(question, SplitQuestion) and isinstance(value, int):
            return self.split_words(value)
        if isinstance(question, RankingQuestion) and isinstance(value, list):
            return "<br/>".join(
                f"{rank}. {self.text(question.option(option_id).label)}"
                for rank, option_id in enumerate(value, 1)
            )
        return self.text(question.describe_value(value))

    def split_words(self, share_a: int) -> str:
        return (
            f"{self.text(self.name('A'))} {share_a}%, {self.text(self.name('B'))} {100 - share_a}%"
        )

    def answer_markup(self, question: Question, answer: Answer) -> str:
        """A party's answer in words, marked when the party is unsure or gave none."""
        if answer.value is None:
            return "<i>Not sure</i>" if answer.not_sure else "<i>No answer</i>"
        described = self.described(question, answer.value)
        return f"{described} <i>(not sure)</i>" if answer.not_sure else described

    # --- the document -----------------------------------------------------------------------

    def story(self) -> list[Flowable]:
        return [
            *self.cover(),
            *self.shared_definition(),
            *self.agreed_positions(),
            *self.shares(),
            *self.where_we_started(),
            *self.open_issues(),
            *self.signatures(),
            *self.appendix(),
        ]

    def cover(self) -> list[Flowable]:
        session = self.session
        workshop = session.workshop
        summary = self.summary
        story: list[Flowable] = [
            OutlineMark("Cover", "cover"),
            Spacer(1, 4 * mm),
            self.para("Partnership charter", "title"),
        ]
        if workshop.title:
            story.append(self.plain(workshop.title, "subtitle"))
        story.append(Spacer(1, 8 * mm))

        # One row per representative, so a long list can run on to the next page.
        rows: list[list[Any]] = [[], []]
        people: list[list[Flowable]] = []
        for side in SIDES:
            party = session.party(side)
            rows[0].append(self.para(f"Party {side}", "small"))
            heading: list[Flowable] = [self.plain(party.organisation or f"Party {side}", "party")]
            if party.label and party.label != party.organisation:
                heading.append(self.para(f"referred to as “{self.text(party.label)}”", "small"))
            rows[1].append(heading)
            column = []
            for person in party.representatives:
                name = f"<b>{self.text(person.name or 'Unnamed representative')}</b>"
                lines = [f"{name}, {self.text(person.role)}" if person.role else name]
                if person.email:
                    lines.append(self.text(person.email))
                column.append(self.para("<br/>".join(lines), "cell"))
            if not party.representatives:
                column.append(self.para("<i>No representatives named.</i>", "cell"))
            people.append(column)
        for index in range(max(len(column) for column in people)):
            rows.append([column[index] if index < len(column) else "" for column in people])
        parties = Table(
            rows,
            colWidths=[self.width / 2] * 2,
            style=TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 14),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                    ("TOPPADDING", (0, 0), (-1, 0), 6),
                    ("BOTTOMPADDING", (0, 1), (-1, 1), 8),
                    *[
                        ("LINEABOVE", (column, 0), (column, 0), 2.5, style.colour)
                        for column, style in enumerate(self.parties)
                    ],
                ]
            ),
            hAlign="LEFT",
        )
        story += [parties, Spacer(1, 7 * mm)]

        place = ", ".join(part for part in (long_date(workshop.date), workshop.location) if part)
        template = session.template
        status = "Draft: not yet agreed" if summary.status == "draft" else "Agreed by both parties"
        details = [
            ("Facilitator", self.text(workshop.facilitator or "not named")),
            ("Workshop", self.text(place)),
            (
                "Questionnaire",
                f"{self.text(template.title)} ({self.text(template.id)}, "
                f"version {self.text(template.version)})",
            ),
            ("Status", f"<b>{status}</b>"),
            ("Charter version", str(summary.version)),
            ("Document id", summary.document_id),
            ("Exported", date_and_time(summary.record.exported)),
        ]
        story.append(
            self.table(
                None,
                [
                    [self.para(label, "header"), self.para(value, "cell")]
                    for label, value in details
                ],
                [0.24, 0.76],
            )
        )
        story.append(Spacer(1, 7 * mm))
        verification = [
            self.para("Fingerprint of the agreed content (SHA-256)", "header"),
            self.para(summary.fingerprint, "fingerprint"),
            self.para(
                "To check that a session file holds exactly what this charter records, run "
                "<b>partnerworkshop fingerprint FILE</b>: it prints this same value when the "
                "agreed content is the same. Every page carries the document id and the "
                "start of the fingerprint.",
                "small",
            ),
        ]
        story.append(
            Table(
                [[verification]],
                colWidths=[self.width],
                style=TableStyle(
                    [
                        ("BOX", (0, 0), (-1, -1), 0.6, RULE_STRONG),
                        ("LEFTPADDING", (0, 0), (-1, -1), 10),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                        ("TOPPADDING", (0, 0), (-1, -1), 8),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 9),
                    ]
                ),
            )
        )
        story += [Spacer(1, 7 * mm), self.contents_place]
        return story

    def shared_definition(self) -> list[Flowable]:
        agreement = self.session.agreement
        story = self.heading("1", SECTION_TITLES["1"])
        story.append(self.para("The agreed definition", "h3"))
        if agreement.definition.strip():
            rows = self._fitted_rows([self.plain(agreement.definition, "definition")], [self.width])
            story.append(
                Table(
                    rows,
                    colWidths=[self.width],
                    style=TableStyle(
                        [
                            ("LINEBEFORE", (0, 0), (0, -1), 2, RULE_STRONG),
                            ("LEFTPADDING", (0, 0), (-1, -1), 0),
                            ("TOPPADDING", (0, 0), (-1, -1), 2),
                            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                        ]
                    ),
                    hAlign="LEFT",
                )
            )
        else:
            story.append(self.para("<i>No definition has been agreed yet.</i>"))
        story.append(self.para("The kind of relationship", "h3"))
        if agreement.agreed_kind is not None:
            story.append(
                self.para(
                    "The parties agree that their relationship is a "
                    f"<b>{agreement.agreed_kind.label}</b>."
                )
            )
        else:
            story.append(
                self.para(
                    "<i>The parties have not yet agreed which kind of relationship this is.</i>"
                )
            )
        story.append(self.para("Principles", "h3"))
        if not asks_about_principles(self.session):
            story.append(
                self.para(
                    "<i>This questionnaire asks no questions about governance, equity or "
                    "transparency; every agreed position is in section 2.</i>"
                )
            )
            return story
        principles = [p for p in principle_positions(self.positions) if p.is_agreed]
        if not principles:
            story.append(
                self.para(
                    "<i>No principles are agreed yet: the questions on governance, equity and "
                    "transparency are still open.</i>"
                )
            )
            return story
        story.append(
            self.para(
                "How the parties will work together: their agreed positions on governance, "
                "equity and transparency.",
                "lead",
            )
        )
        rows = [
            [
                self.para(f"{number}.", "cell"),
                self.plain(position.question.prompt, "cell_small"),
                self.para(self.position_markup(position), "cell"),
            ]
            for number, position in enumerate(principles, 1)
        ]
        story.append(self.table(None, rows, [0.05, 0.45, 0.5]))
        return story

    def agreed_positions(self) -> list[Flowable]:
        story = self.heading("2", SECTION_TITLES["2"])
        story.append(
            self.para(
                "Every question of the questionnaire, section by section, with the position "
                "the parties agreed and how they reached it: by adopting one party's answer, "
                "by agreeing a new position, or by carrying over answers that already agreed "
                "or were close. "
                "Parked and open questions are listed again in section 5.",
                "lead",
            )
        )
        for number, section in enumerate(self.session.template.sections, 1):
            story += self.heading(f"2.{number}", section.title, level=1)
            rows = []
            for position in self.positions:
                if position.section is not section:
                    continue
                cell = [self.para(self.position_markup(position), "cell")]
                if position.notes:
                    cell.append(self.para(f"Note: {self.text(position.notes)}", "cell_small"))
                rows.append(
                    [
                        self.plain(position.question.prompt, "cell"),
                        cell,
                        self.para(self.how_reached(position), "cell_small"),
                    ]
                )
            story.append(
                self.table(
                    ["Question", "Agreed position", "How it was reached"], rows, [0.4, 0.4, 0.2]
                )
            )
        return story

    def shares(self) -> list[Flowable]:
        story = self.heading("3", SECTION_TITLES["3"])
        splits = [p for p in self.positions if isinstance(p.question, SplitQuestion)]
        if not splits:
            story.append(self.para("<i>This questionnaire has no questions on shares.</i>"))
            return story
        story.append(
            self.para(
                "How the parties share costs, responsibilities, risks and rewards. Each bar "
                f"shows the share carried by {self.text(self.name('A'))} (solid, from the left) "
                f"and by {self.text(self.name('B'))} (hatched, from the right).",
                "lead",
            )
        )
        rows = []
        for position in splits:
            question = position.question
            assert isinstance(question, SplitQuestion)
            topic = question.topic[:1].upper() + question.topic[1:]
            label = [self.plain(topic, "cell_bold"), self.plain(question.prompt, "cell_small")]
            if position.is_agreed and isinstance(position.value, int):
                shown: Any = SplitBar(position.value, self.parties, self.fonts)  # type: ignore[arg-type]
            else:
                shown = self.para(self.unagreed_split(position), "cell")
            rows.append([label, shown, self.para(self.how_reached(position), "cell_small")])
        story.append(
            self.table(
                ["What is shared", "Agreed split", "How it was reached"], rows, [0.34, 0.46, 0.2]
            )
        )
        return story

    def unagreed_split(self, position: AgreedPosition) -> str:
        lines = ["<i>Parked.</i>" if position.reached == "parked" else "<i>Not yet agreed.</i>"]
        for side in SIDES:
            answer = self.session.answer(side, position.question.id)
            if isinstance(answer.value, int):
                lines.append(
                    f"{self.text(self.name(side))}'s answer: {self.split_words(answer.value)}"
                )
        return "<br/>".join(lines)

    def where_we_started(self) -> list[Flowable]:
        analysis = self.analysis
        story = self.heading("4", SECTION_TITLES["4"])
        story.append(
            self.para(
                "How far apart the parties' answers were before they agreed anything. These "
                "figures describe the answers given in the workshop, not the agreement.",
                "lead",
            )
        )
        story.append(self.para("Alignment before agreement", "h3"))
        counts = analysis.status_counts()
        if analysis.alignment is None:
            story.append(
                self.para("<i>No question was answered by both parties, so there is no figure.</i>")
            )
        else:
            story.append(
                self.para(
                    f"<b>{analysis.alignment:.0f} out of 100</b>, over the "
                    f"{_count(analysis.scored, 'question')} both parties answered with a value "
                    "that can be compared (100: the same answers throughout). Of all "
                    f"{_count(len(analysis.questions), 'question')}, the parties agreed on "
                    f"{counts['agree']}, were close on {counts['close']}, apart on "
                    f"{counts['apart']}; {counts['open']} could not be compared (free text, "
                    "unanswered or not sure)."
                )
            )

        kinds: list[Flowable] = [
            self.para("The kind of relationship each party described", "h3"),
            self.plain(analysis.headline.text),
        ]
        readings = analysis.readings
        if all(readings[side].shares is not None for side in SIDES):
            kinds.append(
                self.para(
                    "Each party's answers carry signals toward six kinds of relationship; the "
                    "bars show each kind's share of the party's reading.",
                    "small",
                )
            )
            kinds.append(Spacer(1, 4))
            kinds.append(
                ReadingChart(
                    [
                        ReadingRow(
                            kind.label[:1].upper() + kind.label[1:],
                            _share(readings["A"].shares, kind),
                            _share(readings["B"].shares, kind),
                        )
                        for kind in RelationshipKind
                    ],
                    self.parties,  # type: ignore[arg-type]
                    self.fonts,
                )
            )
        story.append(KeepTogether(kinds))

        # The heading and its note stay with the chart; a long chart continues on the next page.
        story.append(
            KeepTogether(
                [
                    self.para("The gap in each section", "h3"),
                    self.para(
                        "From 0 (the same answers) to 1 (answers as far apart as the questions "
                        "allow), weighted by how important the parties said each question was.",
                        "small",
                    ),
                    Spacer(1, 4),
                    GapBars(
                        [GapRow(section.title, section.gap) for section in analysis.sections],
                        self.fonts,
                    ),
                ]
            )
        )

        story += self.heading("4.1", "The largest divergences and how they were resolved", level=1)
        largest = analysis.agenda[:LARGEST_DIVERGENCES]
        if not largest:
            story.append(self.para("<i>The parties' answers did not diverge.</i>"))
            return story
        story.append(
            self.para(
                f"The {_count(len(largest), 'question')} at the top of the discussion agenda "
                "(the widest gaps on the questions that mattered most), where each party "
                "started and where the question stands now.",
                "lead",
            )
        )
        positions = {position.question.id: position for position in self.positions}
        rows = []
        for item in largest:
            position = positions[item.question_id]
            question = position.question
            started = [
                self.para(
                    f"<b>{self.text(self.name(side))}:</b> "
                    + self.answer_markup(question, self.session.answer(side, question.id)),
                    "cell_spaced",
                )
                for side in SIDES
            ]
            gap = "open" if item.gap is None else f"{item.gap:.2f}"
            rows.append(
                [
                    self.plain(question.prompt, "cell"),
                    started,
                    self.para(gap, "cell"),
                    [
                        self.para(self.how_reached(position), "cell_small"),
                        self.para(self.position_markup(position), "cell"),
                    ]
                    if position.is_agreed
                    else self.para(self.how_reached(position), "cell"),
                ]
            )
        story.append(
            self.table(
                ["Question", "Where the parties started", "Gap", "How it was resolved"],
                rows,
                [0.3, 0.33, 0.07, 0.3],
            )
        )
        return story

    def open_issues(self) -> list[Flowable]:
        story = self.heading("5", SECTION_TITLES["5"])
        story += self.heading("5.1", "Parked items", level=1)
        parked = [p for p in self.positions if p.reached == "parked"]
        if parked:
            rows = [
                [
                    self.plain(p.question.prompt, "cell"),
                    self.plain(p.owner or "no owner yet", "cell"),
                    self.para(long_date(p.due) if p.due else "<i>no date</i>", "cell"),
                    self.plain(p.notes, "cell_small"),
                ]
                for p in parked
            ]
            story.append(
                self.table(["Question", "Owner", "Due", "Notes"], rows, [0.4, 0.2, 0.14, 0.26])
            )
        else:
            story.append(self.para("<i>No item is parked.</i>"))

        story += self.heading("5.2", "Open questions", level=1)
        still_open = [p for p in self.positions if p.reached == "open"]
        if still_open:
            story.append(
                self.para(
                    "Questions the parties have neither agreed nor parked, with where each "
                    "party stands.",
                    "lead",
                )
            )
            rows = []
            for position in still_open:
                question = position.question
                rows.append(
                    [
                        self.plain(question.prompt, "cell"),
                        *[
                            self.para(
                                self.answer_markup(
                                    question, self.session.answer(side, question.id)
                                ),
                                "cell",
                            )
                            for side in SIDES
                        ],
                    ]
                )
            story.append(
                self.table(
                    ["Question", self.text(self.name("A")), self.text(self.name("B"))],
                    rows,
                    [0.36, 0.32, 0.32],
                    accents={1: self.parties[0].colour, 2: self.parties[1].colour},
                )
            )
        else:
            story.append(self.para("<i>No question is open.</i>"))

        story += self.heading("5.3", "Action items", level=1)
        items = self.session.agreement.action_items
        if items:
            statuses = {"open": "Open", "in_progress": "In progress", "done": "Done"}
            rows = []
            for item in items:
                owner_parts = []
                if item.owner_party is not None:
                    owner_parts.append(f"<b>{self.text(self.name(item.owner_party))}</b>")
                if item.owner:
                    owner_parts.append(self.text(item.owner))
                rows.append(
                    [
                        self.plain(item.what or "(not described)", "cell"),
                        self.para("<br/>".join(owner_parts) or "<i>no owner yet</i>", "cell"),
                        self.para(long_date(item.due) if item.due else "<i>no date</i>", "cell"),
                        self.para(statuses[item.status], "cell"),
                    ]
                )
            story.append(
                self.table(["Action", "Owner", "Due", "Status"], rows, [0.46, 0.24, 0.16, 0.14])
            )
        else:
            story.append(self.para("<i>No action items were recorded.</i>"))
        return story

    def signatures(self) -> list[Flowable]:
        story = self.heading("6", SECTION_TITLES["6"])
        signatories = self.session.agreement.signatories
        if not signatories:
            story.append(
                self.para(
                    "<i>The signatories are still to be named. This charter cannot be signed "
                    "until they are.</i>"
                )
            )
            return story
        story.append(
            self.para(
                "Signed on behalf of the parties as the record of what they agreed "
                f"(document {self.summary.document_id}, charter version {self.summary.version}).",
                "lead",
            )
        )
        story.append(Spacer(1, 4))
        by_side = {side: [s for s in signatories if s.party == side] for side in SIDES}
        header = [
            self.para(
                self.text(self.session.party(side).organisation or self.name(side)), "cell_bold"
            )
            for side in SIDES
        ]
        header_table = Table(
            [header],
            colWidths=[self.width / 2] * 2,
            style=TableStyle(
                [
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 18),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                    *[
                        ("LINEBELOW", (column, 0), (column, 0), 1.6, style.colour)
                        for column, style in enumerate(self.parties)
                    ],
                ]
            ),
            hAlign="LEFT",
        )
        story.append(header_table)
        for row in range(max(len(by_side["A"]), len(by_side["B"]))):
            cells: list[Any] = []
            for side in SIDES:
                people = by_side[side]
                if row < len(people):
                    cells.append(
                        self.signature_block(
                            people[row].name,
                            people[row].title,
                            people[row].organisation or self.session.party(side).organisation,
                        )
                    )
                elif row == 0:
                    cells.append(
                        self.para(
                            f"<i>No signatory named yet for {self.text(self.name(side))}.</i>",
                            "cell",
                        )
                    )
                else:
                    cells.append("")
            story.append(
                Table(
                    [cells],
                    colWidths=[self.width / 2] * 2,
                    style=TableStyle(
                        [
                            ("VALIGN", (0, 0), (-1, -1), "TOP"),
                            ("LEFTPADDING", (0, 0), (-1, -1), 0),
                            ("RIGHTPADDING", (0, 0), (-1, -1), 18),
                            ("TOPPADDING", (0, 0), (-1, -1), 12),
                        ]
                    ),
                    hAlign="LEFT",
                )
            )
        return story

    def signature_block(self, name: str, title: str, organisation: str) -> Table:
        lines = [f"<b>{self.text(name or 'Name to be completed')}</b>"]
        lines += [self.text(line) for line in (title, organisation) if line]
        return Table(
            [
                [self.para("<br/>".join(lines), "cell")],
                [""],
                [self.para("Signature", "cell_small")],
                [""],
                [self.para("Date", "cell_small")],
            ],
            colWidths=[self.width / 2 - 18],
            rowHeights=[None, 34, None, 24, None],
            style=TableStyle(
                [
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("LINEABOVE", (0, 2), (0, 2), 0.6, INK),
                    ("LINEABOVE", (0, 4), (0, 4), 0.6, INK),
                ]
            ),
            hAlign="LEFT",
        )

    def appendix(self) -> list[Flowable]:
        session = self.session
        story = self.heading("Appendix A", SECTION_TITLES["A"])
        story.append(
            self.para(
                "Each party's answers as given in the workshop, with how important the question "
                "was to it and its comments.",
                "lead",
            )
        )
        importance = {"low": "low", "normal": "normal", "high": "high"}
        for number, section in enumerate(session.template.sections, 1):
            story += self.heading(f"A.{number}", section.title, level=1)
            rows = []
            for question in section.questions:
                cells: list[Any] = [self.plain(question.prompt, "cell")]
                for side in SIDES:
                    answer = session.answer(side, question.id)
                    cell = [self.para(self.answer_markup(question, answer), "cell")]
                    cell.append(
                        self.para(f"Importance: {importance[answer.importance]}", "cell_small")
                    )
                    if answer.comment:
                        cell.append(
                            self.para(f"Comment: {self.text(answer.comment)}", "cell_small")
                        )
                    cells.append(cell)
                rows.append(cells)
            story.append(
                self.table(
                    ["Question", self.text(self.name("A")), self.text(self.name("B"))],
                    rows,
                    [0.32, 0.34, 0.34],
                    accents={1: self.parties[0].colour, 2: self.parties[1].colour},
                )
            )

        template = session.template
        story += self.heading("Appendix B", SECTION_TITLES["B"], new_page=False)
        facts = [
            ("Title", self.text(template.title)),
            ("Identifier", self.text(template.id)),
            ("Version", self.text(template.version)),
            ("Language", self.text(template.language)),
            ("Questions", f"{template.question_count} in {len(template.sections)} sections"),
        ]
        story.append(
            self.table(
                None,
                [[self.para(label, "header"), self.para(value, "cell")] for label, value in facts],
                [0.24, 0.76],
            )
        )
        if template.description:
            story.append(Spacer(1, 6))
            story.append(self.plain(template.description))
        if template.sources:
            story.append(self.para("Sources", "h3"))
            for number, source in enumerate(template.sources, 1):
                block = [self.para(f"{number}. {self.text(source.citation)}", "cell")]
                if source.note:
                    block.append(self.para(self.text(source.note), "cell_small"))
                block.append(Spacer(1, 5))
                story.append(KeepTogether(block))
        return story

    # --- page furniture ---------------------------------------------------------------------

    def decorate_page(self, canvas: Canvas, document: BaseDocTemplate) -> None:
        """Header and, for a draft, the watermark (drawn first, so text lies over it)."""
        canvas.saveState()
        draft = self.summary.status == "draft"
        if draft:
            canvas.setFillColor(WATERMARK)
            canvas.setFont(BOLD, 110)
            canvas.translate(self.page_width / 2, self.page_height / 2)
            canvas.rotate(50)
            canvas.drawCentredString(0, -38, "DRAFT")
            canvas.rotate(-50)
            canvas.translate(-self.page_width / 2, -self.page_height / 2)
        top = self.page_height - 13 * mm
        right = self.page_width - MARGIN_X
        marking = self.options.confidentiality.strip()
        right_width = 0.0
        if draft:
            canvas.setFillColor(INK)
            self.fonts.draw(canvas, right, top, "DRAFT", 8, bold=True, align="right")
            right_width = self.fonts.width("DRAFT", 8, bold=True) + 12
        if marking:
            canvas.setFillColor(MUTED)
            marking = self.fonts.fit(marking, 8, self.width * 0.4)
            self.fonts.draw(canvas, right - right_width, top, marking, 8, align="right")
            right_width += self.fonts.width(marking, 8) + 12
        parties = f"{self.name('A')} and {self.name('B')}"
        canvas.setFillColor(INK)
        self.fonts.draw(canvas, MARGIN_X, top, "Partnership charter", 8, bold=True)
        title_width = self.fonts.width("Partnership charter", 8, bold=True) + 8
        canvas.setFillColor(MUTED)
        self.fonts.draw(
            canvas,
            MARGIN_X + title_width,
            top,
            self.fonts.fit(parties, 8, self.width - title_width - right_width),
            8,
        )
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, top - 5, right, top - 5)
        canvas.restoreState()

    def draw_footer(self, canvas: Canvas, page: int, pages: int) -> None:
        canvas.saveState()
        bottom = 12 * mm
        right = self.page_width - MARGIN_X
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, bottom + 10, right, bottom + 10)
        canvas.setFillColor(MUTED)
        canvas.setFont(REGULAR, 7.5)
        fingerprint = self.summary.fingerprint
        canvas.drawString(
            MARGIN_X,
            bottom,
            f"Document {self.summary.document_id}  ·  version {self.summary.version}  ·  "
            f"fingerprint {fingerprint[:16]}…{fingerprint[-4:]}",
        )
        canvas.setFillColor(INK)
        canvas.drawRightString(right, bottom, f"Page {page} of {pages}")
        canvas.restoreState()
        if page == self.contents_place.page:
            self.draw_contents(canvas)
        for bookmark in self.bookmarks.get(page, []):
            canvas.bookmarkPage(bookmark.key, fit="XYZ", left=0, top=bookmark.top, zoom=0)
            canvas.addOutlineEntry(
                bookmark.title, bookmark.key, level=bookmark.level, closed=bookmark.level > 0
            )

    def draw_contents(self, canvas: Canvas) -> None:
        """The cover's list of sections with their first pages."""
        canvas.saveState()
        place = self.contents_place
        right = self.page_width - MARGIN_X
        y = place.top - 9
        canvas.setFillColor(MUTED)
        self.fonts.draw(canvas, MARGIN_X, y, "Contents", 7.5, bold=True)
        for number, title, key in self.contents:
            y -= place.line_height
            canvas.setFillColor(INK)
            self.fonts.draw(canvas, MARGIN_X, y, number, 8.5)
            self.fonts.draw(canvas, MARGIN_X + 0.24 * self.width, y, title, 8.5)
            self.fonts.draw(
                canvas, right, y, str(self.heading_pages.get(key, "")), 8.5, align="right"
            )
            canvas.setStrokeColor(RULE)
            canvas.setLineWidth(0.4)
            canvas.line(MARGIN_X, y - 3.5, right, y - 3.5)
        canvas.restoreState()


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


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _share(shares: dict[RelationshipKind, float] | None, kind: RelationshipKind) -> float:
    return 0.0 if shares is None else shares.get(kind, 0.0)


def _colour(session: Session, side: Side) -> Color:
    return HexColor(session.party(side).colour)


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
    document.addPageTemplates([PageTemplate("page", [frame], onPage=layout.decorate_page)])
    canvases: list[NumberedCanvas] = []

    def make_canvas(*args: Any, **kwargs: Any) -> NumberedCanvas:
        canvas = NumberedCanvas(*args, footer=layout.draw_footer, **kwargs)
        canvas.showOutline()
        canvases.append(canvas)
        return canvas

    document.build(layout.story(), canvasmaker=make_canvas)
    return buffer.getvalue(), canvases[-1].page_count
