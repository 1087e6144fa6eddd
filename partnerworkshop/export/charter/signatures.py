"""Section 6, signatures: for each signatory, the name, title and authority to sign, and a
signature and a date line, the two parties side by side.

Each pair of signatories shares the rows of one table, so their lines stay level however their
names wrap; a page never splits a signatory's block, and the party headings are repeated at the
top of a continued page. Where each signature goes is recorded as the page is drawn
(:class:`SignaturePlace`), for signature fields placed on the lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from ...model.base import Side
from .content import SignatoryContent, field_names
from .layout import INK, Layout

__all__ = ["SignaturePlace", "SignatureSpace", "field_names", "signatures"]

GUTTER = 18
SIGNATURE_SPACE = 34
DATE_SPACE = 24
ROWS_PER_SIGNATORY = 6


@dataclass(frozen=True)
class SignaturePlace:
    """Where a signatory signs: the space above their signature line, in PDF points."""

    party: Side
    index: int
    """The signatory's place among the party's signatories, from 0."""
    name: str
    field: str
    """The name of the signature field placed there."""
    description: str
    page: int
    """From 1."""
    x: float
    y: float
    width: float
    height: float

    @property
    def rectangle(self) -> tuple[float, float, float, float]:
        """Left, bottom, right and top."""
        return (
            round(self.x, 2),
            round(self.y, 2),
            round(self.x + self.width, 2),
            round(self.y + self.height, 2),
        )


class SignatureSpace(Flowable):  # type: ignore[misc]
    """The blank space a signature goes in, ruled below; it records where it was drawn."""

    def __init__(
        self, layout: Layout, width: float, party: Side, index: int, signatory: SignatoryContent
    ) -> None:
        super().__init__()
        self.layout = layout
        self.width = width
        self.height = SIGNATURE_SPACE
        self.party = party
        self.index = index
        self.signatory = signatory

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(0.6)
        canvas.line(0, 0, self.width, 0)
        left, bottom = canvas.absolutePosition(0, 0)
        right, top = canvas.absolutePosition(self.width, self.height)
        signatory = self.signatory
        self.layout.signature_places.append(
            SignaturePlace(
                self.party,
                self.index,
                signatory.name,
                signatory.field,
                signatory.description,
                canvas.getPageNumber(),
                left,
                bottom,
                right - left,
                top - bottom,
            )
        )


def signatures(layout: Layout) -> list[Flowable]:
    part = layout.content.signatures
    story = layout.heading(part.heading)
    if part.empty is not None:
        story.append(layout.set(part.empty, "body"))
        return story
    story.append(layout.plain(part.lead, "lead"))
    story.append(Spacer(1, 4))
    column_width = layout.width / 2
    line_width = column_width - GUTTER
    rows: list[list[Any]] = [[layout.plain(column.heading, "cell_bold") for column in part.columns]]
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), GUTTER),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, 0), 5),
        *[
            ("LINEBELOW", (column, 0), (column, 0), 1.6, style.colour)
            for column, style in enumerate(layout.parties)
        ],
    ]
    pairs = max(len(column.signatories) for column in part.columns)
    for pair in range(max(pairs, 1)):
        block: list[list[Any]] = [[] for _ in range(ROWS_PER_SIGNATORY)]
        for column, party in zip(part.columns, layout.content.parties, strict=True):
            if pair >= len(column.signatories):
                missing = layout.para(f"<i>{layout.text(column.missing)}</i>", "cell")
                cells: list[Any] = [missing if pair == 0 else "", "", "", "", "", ""]
            else:
                person = column.signatories[pair]
                cells = [
                    layout.para(f"<b>{layout.text(person.name)}</b>", "cell"),
                    layout.para("<br/>".join(layout.text(line) for line in person.details), "cell")
                    if person.details
                    else "",
                    layout.plain(person.authority, "cell_small"),
                    SignatureSpace(layout, line_width, party.side, pair, person),
                    layout.plain(part.signature_label, "cell_small"),
                    _date_line(layout, part.date_label, line_width),
                ]
            for row, cell in enumerate(cells):
                block[row].append(cell)
        first = len(rows)
        rows += block
        commands += [
            ("NOSPLIT", (0, first), (-1, first + ROWS_PER_SIGNATORY - 1)),
            ("TOPPADDING", (0, first), (-1, first), 14),
        ]
    story.append(
        Table(
            rows,
            colWidths=[column_width] * 2,
            repeatRows=1,
            style=TableStyle(commands),
            hAlign="LEFT",
        )
    )
    return story


def _date_line(layout: Layout, label: str, width: float) -> Table:
    return Table(
        [[""], [layout.plain(label, "cell_small")]],
        colWidths=[width],
        rowHeights=[DATE_SPACE, None],
        style=TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("LINEABOVE", (0, 1), (0, 1), 0.6, INK),
            ]
        ),
        hAlign="LEFT",
    )
