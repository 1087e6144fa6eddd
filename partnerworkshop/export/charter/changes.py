"""From version 2 on: what this version prints differently from the previous one."""

from __future__ import annotations

from reportlab.platypus import Flowable

from .layout import Layout


def changes(layout: Layout) -> list[Flowable]:
    part = layout.content.changes
    if part is None:
        return []
    story = layout.heading(part.heading)
    story.append(layout.plain(part.lead, "lead"))
    if part.changes:
        rows = [
            [
                [layout.plain(change.label, "cell"), layout.plain(change.summary, "cell_small")],
                layout.plain(change.before, "cell_small"),
                layout.plain(change.after, "cell"),
            ]
            for change in part.changes
        ]
        story.append(layout.table(list(part.columns), rows, [0.3, 0.33, 0.37]))
    if part.note is not None:
        story.append(layout.set(part.note, "body"))
    return story
