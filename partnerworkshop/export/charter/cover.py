"""The cover: the title, both parties with their representatives, the workshop, the
charter's status and identity, the fingerprint, and room for the contents.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from ...model.base import SIDES
from .layout import RULE_STRONG, Layout, OutlineMark, date_and_time, long_date


def cover(layout: Layout) -> list[Flowable]:
    session = layout.session
    workshop = session.workshop
    summary = layout.summary
    story: list[Flowable] = [
        OutlineMark("Cover", "cover"),
        Spacer(1, 4 * mm),
        layout.para("Partnership charter", "title"),
    ]
    if workshop.title:
        story.append(layout.plain(workshop.title, "subtitle"))
    story.append(Spacer(1, 8 * mm))

    # One row per representative, so a long list can run on to the next page.
    rows: list[list[Any]] = [[], []]
    people: list[list[Flowable]] = []
    for side in SIDES:
        party = session.party(side)
        rows[0].append(layout.para(f"Party {side}", "small"))
        heading: list[Flowable] = [layout.plain(party.organisation or f"Party {side}", "party")]
        if party.label and party.label != party.organisation:
            heading.append(layout.para(f"referred to as “{layout.text(party.label)}”", "small"))
        rows[1].append(heading)
        column = []
        for person in party.representatives:
            name = f"<b>{layout.text(person.name or 'Unnamed representative')}</b>"
            lines = [f"{name}, {layout.text(person.role)}" if person.role else name]
            if person.email:
                lines.append(layout.text(person.email))
            column.append(layout.para("<br/>".join(lines), "cell"))
        if not party.representatives:
            column.append(layout.para("<i>No representatives named.</i>", "cell"))
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
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ("TOPPADDING", (0, 0), (-1, 0), 6),
                ("BOTTOMPADDING", (0, 1), (-1, 1), 8),
                *[
                    ("LINEABOVE", (column, 0), (column, 0), 2.5, style.colour)
                    for column, style in enumerate(layout.parties)
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
        ("Facilitator", layout.text(workshop.facilitator or "not named")),
        ("Workshop", layout.text(place)),
        (
            "Questionnaire",
            f"{layout.text(template.title)} ({layout.text(template.id)}, "
            f"version {layout.text(template.version)})",
        ),
        ("Status", f"<b>{status}</b>"),
        ("Charter version", str(summary.version)),
        ("Document id", summary.document_id),
        ("Exported", date_and_time(summary.record.exported)),
    ]
    story.append(
        layout.table(
            None,
            [
                [layout.para(label, "header"), layout.para(value, "cell")]
                for label, value in details
            ],
            [0.24, 0.76],
        )
    )
    story.append(Spacer(1, 7 * mm))
    verification = [
        layout.para("Fingerprint of the agreed content (SHA-256)", "header"),
        layout.para(summary.fingerprint, "fingerprint"),
        layout.para(
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
            colWidths=[layout.width],
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
    story += [Spacer(1, 7 * mm), layout.contents_place]
    return story
