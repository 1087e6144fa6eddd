"""Section 6, signatures: a signature and date line for each signatory, side by side.

Above each signature line lies an empty PDF signature field named after the signatory, so that
each can sign the charter where a pen would, with Acrobat or any PAdES tool.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from ...model.base import SIDES
from ...model.session import Signatory
from ..archive import SignatureField
from .layout import INK, Layout
from .summary import SECTION_TITLES

SIGNATURE_SPACE = 34
"""The height of the room above a signature line, where the signature goes."""
CELL_PADDING = 3  # reportlab's default above and below a table cell's content


def field_names(signatories: Iterable[Signatory]) -> list[str]:
    """Each signatory's signature field name: the name, made unique, without the full stops
    that would make it a field hierarchy; an unnamed signatory is "Signatory N"."""
    names: list[str] = []
    for number, signatory in enumerate(signatories, 1):
        base = " ".join(signatory.name.replace(".", " ").split()) or f"Signatory {number}"
        name, again = base, 1
        while name in names:
            again += 1
            name = f"{base} ({again})"
        names.append(name)
    return names


class SignatureSpace(Flowable):  # type: ignore[misc]
    """The room above a signature line; where it lands, the charter gets a signature field."""

    def __init__(self, layout: Layout, field: str, description: str, width: float) -> None:
        super().__init__()
        self.layout = layout
        self.field = field
        self.description = description
        self.width = width
        self.height = SIGNATURE_SPACE - 2 * CELL_PADDING

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas: Canvas = self.canv
        left, bottom = canvas.absolutePosition(0, 0)
        right, top = canvas.absolutePosition(self.width, self.height)
        self.layout.signature_fields.append(
            SignatureField(
                self.field,
                self.description,
                canvas.getPageNumber() - 1,
                (round(left, 2), round(bottom, 2), round(right, 2), round(top, 2)),
            )
        )


def signatures(layout: Layout) -> list[Flowable]:
    story = layout.heading("6", SECTION_TITLES["6"])
    signatories = layout.session.agreement.signatories
    if not signatories:
        story.append(
            layout.para(
                "<i>The signatories are still to be named. This charter cannot be signed "
                "until they are.</i>"
            )
        )
        return story
    story.append(
        layout.para(
            "Signed on behalf of the parties as the record of what they agreed "
            f"(document {layout.summary.document_id}, charter version {layout.summary.version}).",
            "lead",
        )
    )
    story.append(Spacer(1, 4))
    names = dict(zip(map(id, signatories), field_names(signatories), strict=True))
    by_side = {side: [s for s in signatories if s.party == side] for side in SIDES}
    header = [
        layout.para(
            layout.text(layout.session.party(side).organisation or layout.name(side)), "cell_bold"
        )
        for side in SIDES
    ]
    header_table = Table(
        [header],
        colWidths=[layout.width / 2] * 2,
        style=TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 18),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                *[
                    ("LINEBELOW", (column, 0), (column, 0), 1.6, style.colour)
                    for column, style in enumerate(layout.parties)
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
                person = people[row]
                cells.append(
                    signature_block(
                        layout,
                        person.name,
                        person.title,
                        person.organisation or layout.session.party(side).organisation,
                        names[id(person)],
                    )
                )
            elif row == 0:
                cells.append(
                    layout.para(
                        f"<i>No signatory named yet for {layout.text(layout.name(side))}.</i>",
                        "cell",
                    )
                )
            else:
                cells.append("")
        story.append(
            Table(
                [cells],
                colWidths=[layout.width / 2] * 2,
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


def signature_block(layout: Layout, name: str, title: str, organisation: str, field: str) -> Table:
    lines = [f"<b>{layout.text(name or 'Name to be completed')}</b>"]
    lines += [layout.text(line) for line in (title, organisation) if line]
    width = layout.width / 2 - 18
    described = ", ".join(part for part in (name, title, organisation) if part) or field
    return Table(
        [
            [layout.para("<br/>".join(lines), "cell")],
            [SignatureSpace(layout, field, f"Signature of {described}", width)],
            [layout.para("Signature", "cell_small")],
            [""],
            [layout.para("Date", "cell_small")],
        ],
        colWidths=[width],
        rowHeights=[None, SIGNATURE_SPACE, None, 24, None],
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
