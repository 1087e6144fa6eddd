"""Section 4, where we started: the alignment before agreement, each party's reading, the gap
in each section, and the largest divergences with how each was resolved.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, KeepTogether, Spacer

from ..charts import GapBars, GapRow, ReadingChart, ReadingRow
from .layout import Layout


def where_we_started(layout: Layout) -> list[Flowable]:
    part = layout.content.started
    story = layout.heading(part.heading)
    story.append(layout.plain(part.lead, "lead"))
    story.append(layout.subheading(part.alignment_title))
    story.append(layout.set(part.alignment, "body"))

    kinds: list[Flowable] = [layout.subheading(part.reading_title), layout.plain(part.headline)]
    if part.readings:
        kinds.append(layout.plain(part.reading_note, "small"))
        kinds.append(Spacer(1, 4))
        kinds.append(
            ReadingChart(
                [ReadingRow(bar.kind, bar.share_a, bar.share_b) for bar in part.readings],
                layout.parties,  # type: ignore[arg-type]
                layout.fonts,
            )
        )
    story.append(KeepTogether(kinds))

    # The heading and its note stay with the chart; a long chart continues on the next page.
    story.append(
        KeepTogether(
            [
                layout.subheading(part.gaps_title),
                layout.plain(part.gaps_note, "small"),
                Spacer(1, 4),
                GapBars([GapRow(bar.section, bar.gap) for bar in part.gaps], layout.fonts),
            ]
        )
    )

    story += layout.heading(part.divergences_heading, level=1)
    if part.no_divergence is not None:
        story.append(layout.set(part.no_divergence, "body"))
        return story
    story.append(layout.plain(part.divergences_lead, "lead"))
    rows = []
    for row in part.divergences:
        resolved: Any = (
            [layout.plain(row.how, "cell_small"), layout.set(row.position)]
            if row.position is not None
            else layout.plain(row.how, "cell")
        )
        rows.append(
            [
                layout.plain(row.question, "cell"),
                [layout.plain(line, "cell_spaced") for line in row.started],
                layout.plain(row.gap, "cell"),
                resolved,
            ]
        )
    story.append(layout.table(list(part.divergence_columns), rows, [0.3, 0.33, 0.07, 0.3]))
    return story
