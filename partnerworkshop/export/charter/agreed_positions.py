"""Section 2, agreed positions: every question, section by section, with its agreed position
as a statement and how it was reached.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

from .layout import Layout


def agreed_positions(layout: Layout) -> list[Flowable]:
    part = layout.content.positions
    story = layout.heading(part.heading)
    story.append(layout.plain(part.lead, "lead"))
    for group in part.groups:
        story += layout.heading(group.heading, level=1)
        rows = []
        for row in group.rows:
            cell: list[Any] = [layout.set(row.statement)]
            if row.note:
                cell.append(layout.plain(row.note, "cell_small"))
            rows.append(
                [layout.plain(row.reference, "cell"), cell, layout.plain(row.how, "cell_small")]
            )
        story.append(layout.table(list(part.columns), rows, [0.08, 0.68, 0.24]))
    return story
