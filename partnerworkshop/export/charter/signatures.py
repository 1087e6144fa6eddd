"""Section 6, signatures: a signature and date line for each signatory, side by side."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from ...model.base import SIDES
from .layout import INK, Layout
from .summary import SECTION_TITLES


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
                cells.append(
                    signature_block(
                        layout,
                        people[row].name,
                        people[row].title,
                        people[row].organisation or layout.session.party(side).organisation,
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


def signature_block(layout: Layout, name: str, title: str, organisation: str) -> Table:
    lines = [f"<b>{layout.text(name or 'Name to be completed')}</b>"]
    lines += [layout.text(line) for line in (title, organisation) if line]
    return Table(
        [
            [layout.para("<br/>".join(lines), "cell")],
            [""],
            [layout.para("Signature", "cell_small")],
            [""],
            [layout.para("Date", "cell_small")],
        ],
        colWidths=[layout.width / 2 - 18],
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
