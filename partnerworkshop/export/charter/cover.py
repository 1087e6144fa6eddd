"""The cover: the title, both parties with their legal details and representatives, the
workshop, the charter's status and identity, its legal effect, the fingerprint, and room for the
contents.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from .content import Fact
from .layout import RULE_STRONG, Layout, OutlineMark


def cover(layout: Layout) -> list[Flowable]:
    content = layout.content
    page = content.cover
    story: list[Flowable] = [
        OutlineMark("Cover", "cover"),
        Spacer(1, 4 * mm),
        layout.plain(page.title, "title"),
    ]
    if page.subtitle:
        story.append(layout.plain(page.subtitle, "subtitle"))
    story.append(Spacer(1, 4 * mm))

    # One row per representative, so a long list can run on to the next page.
    rows: list[list[Any]] = [[], []]
    people: list[list[Flowable]] = []
    for party in page.parties:
        rows[0].append(layout.plain(party.heading, "small"))
        heading: list[Flowable] = [layout.plain(party.organisation, "party")]
        if party.referred_to_as:
            heading.append(layout.plain(party.referred_to_as, "small"))
        for fact in party.legal_details:
            heading.append(
                layout.para(f"{layout.text(fact.label)}: {layout.text(fact.value)}", "cell_small")
            )
        rows[1].append(heading)
        column = []
        for person in party.representatives:
            name = f"<b>{layout.text(person.name)}</b>"
            lines = [f"{name}, {layout.text(person.role)}" if person.role else name]
            if person.email:
                lines.append(layout.text(person.email))
            column.append(layout.para("<br/>".join(lines), "cell"))
        if not party.representatives:
            column.append(layout.para(f"<i>{layout.text(party.no_representatives)}</i>", "cell"))
        people.append(column)
    for index in range(max(len(column) for column in people)):
        rows.append([column[index] if index < len(column) else "" for column in people])
    parties = Table(
        rows,
        colWidths=[layout.width / 2] * 2,
        style=TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 14),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, 0), 6),
                ("BOTTOMPADDING", (0, 1), (-1, 1), 7),
                *[
                    ("LINEABOVE", (column, 0), (column, 0), 2.5, style.colour)
                    for column, style in enumerate(layout.parties)
                ],
            ]
        ),
        hAlign="LEFT",
    )
    story += [parties, Spacer(1, 3 * mm)]
    story.append(facts_table(layout, [*page.facts, *page.record_facts], compact=True))
    story.append(Spacer(1, 4 * mm))
    story.append(_legal_box(layout))
    story.append(Spacer(1, 3 * mm))
    verification = [
        layout.plain(page.fingerprint_title, "header"),
        layout.plain(page.fingerprint, "fingerprint"),
        layout.plain(page.fingerprint_note, "small"),
    ]
    story.append(_box(layout, verification))
    story += [Spacer(1, 4 * mm), layout.contents_place]
    return story


def facts_table(layout: Layout, facts: list[Fact], *, compact: bool = False) -> Table:
    table = layout.table(
        None,
        [
            [
                layout.plain(fact.label, "header"),
                layout.para(
                    f"<b>{layout.text(fact.value)}</b>" if fact.strong else layout.text(fact.value),
                    "cell",
                ),
            ]
            for fact in facts
        ],
        [0.24, 0.76],
    )
    if compact:  # the cover has the contents to hold too
        table.setStyle(
            TableStyle(
                [("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]
            )
        )
    return table


def _legal_box(layout: Layout) -> Table:
    legal = layout.content.legal
    lines = [layout.plain(legal.title, "header"), layout.plain(legal.statement, "cell_spaced")]
    if legal.advice:
        lines.append(layout.para(f"<b>{layout.text(legal.advice)}</b>", "cell_spaced"))
    lines += [layout.plain(legal.effective, "cell_spaced"), layout.plain(legal.parts, "cell")]
    return _box(layout, lines)


def _box(layout: Layout, flowables: list[Flowable]) -> Table:
    return Table(
        [[flowables]],
        colWidths=[layout.width],
        style=TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.6, RULE_STRONG),
                ("LEFTPADDING", (0, 0), (-1, -1), 10),
                ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                ("TOPPADDING", (0, 0), (-1, -1), 7),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]
        ),
    )
