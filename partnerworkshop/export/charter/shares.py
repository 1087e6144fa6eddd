"""Section 3, shares: how the parties share costs, responsibilities, risks and rewards."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

from ..charts import SplitBar
from .layout import Layout


def shares(layout: Layout) -> list[Flowable]:
    part = layout.content.shares
    story = layout.heading(part.heading)
    if part.empty is not None:
        story.append(layout.set(part.empty, "body"))
        return story
    story.append(layout.plain(part.lead, "lead"))
    rows = []
    for row in part.rows:
        label = [layout.plain(row.topic, "cell_bold"), layout.set(row.statement, "cell_small")]
        shown: Any
        if row.share_a is not None:
            shown = SplitBar(row.share_a, layout.parties, layout.fonts)  # type: ignore[arg-type]
        else:
            shown = [
                layout.set(row.statement),
                *(layout.plain(line, "cell") for line in row.answers),
            ]
            label = [layout.plain(row.topic, "cell_bold")]
        rows.append([label, shown, layout.plain(row.how, "cell_small")])
    story.append(layout.table(list(part.columns), rows, [0.34, 0.46, 0.2]))
    return story
