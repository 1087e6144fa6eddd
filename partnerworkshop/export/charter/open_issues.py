"""Section 5, open issues and action items: parked items, open questions, action items."""

from __future__ import annotations

from reportlab.platypus import Flowable

from .layout import Layout


def open_issues(layout: Layout) -> list[Flowable]:
    part = layout.content.open_issues
    story = layout.heading(part.heading)
    story += layout.heading(part.parked_heading, level=1)
    if part.parked:
        rows = [
            [
                layout.plain(row.question, "cell"),
                layout.set(row.owner),
                layout.set(row.due),
                layout.plain(row.notes, "cell_small"),
            ]
            for row in part.parked
        ]
        story.append(layout.table(list(part.parked_columns), rows, [0.4, 0.2, 0.14, 0.26]))
    else:
        story.append(layout.set(part.no_parked, "body"))

    story += layout.heading(part.open_heading, level=1)
    if part.still_open:
        story.append(layout.plain(part.open_lead, "lead"))
        rows = [
            [layout.plain(row.question, "cell"), *(layout.set(answer) for answer in row.answers)]
            for row in part.still_open
        ]
        story.append(
            layout.table(
                list(part.open_columns),
                rows,
                [0.36, 0.32, 0.32],
                accents={1: layout.parties[0].colour, 2: layout.parties[1].colour},
            )
        )
    else:
        story.append(layout.set(part.no_open, "body"))

    story += layout.heading(part.actions_heading, level=1)
    if part.actions:
        rows = [
            [
                layout.set(row.what),
                [layout.set(line) for line in row.owner],
                layout.set(row.due),
                layout.plain(row.status, "cell"),
            ]
            for row in part.actions
        ]
        story.append(layout.table(list(part.action_columns), rows, [0.46, 0.24, 0.16, 0.14]))
    else:
        story.append(layout.set(part.no_actions, "body"))
    return story
