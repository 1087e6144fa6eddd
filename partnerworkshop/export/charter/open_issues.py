"""Section 5, open issues and action items: parked items, open questions, action items."""

from __future__ import annotations

from reportlab.platypus import Flowable

from ...model.base import SIDES
from .layout import Layout, long_date
from .summary import SECTION_TITLES


def open_issues(layout: Layout) -> list[Flowable]:
    story = layout.heading("5", SECTION_TITLES["5"])
    story += layout.heading("5.1", "Parked items", level=1)
    parked = [p for p in layout.positions if p.reached == "parked"]
    if parked:
        rows = [
            [
                layout.plain(p.question.prompt, "cell"),
                layout.plain(p.owner or "no owner yet", "cell"),
                layout.para(long_date(p.due) if p.due else "<i>no date</i>", "cell"),
                layout.plain(p.notes, "cell_small"),
            ]
            for p in parked
        ]
        story.append(
            layout.table(["Question", "Owner", "Due", "Notes"], rows, [0.4, 0.2, 0.14, 0.26])
        )
    else:
        story.append(layout.para("<i>No item is parked.</i>"))

    story += layout.heading("5.2", "Open questions", level=1)
    still_open = [p for p in layout.positions if p.reached == "open"]
    if still_open:
        story.append(
            layout.para(
                "Questions the parties have neither agreed nor parked, with where each "
                "party stands.",
                "lead",
            )
        )
        rows = []
        for position in still_open:
            question = position.question
            rows.append(
                [
                    layout.plain(question.prompt, "cell"),
                    *[
                        layout.para(
                            layout.answer_markup(
                                question, layout.session.answer(side, question.id)
                            ),
                            "cell",
                        )
                        for side in SIDES
                    ],
                ]
            )
        story.append(
            layout.table(
                ["Question", layout.text(layout.name("A")), layout.text(layout.name("B"))],
                rows,
                [0.36, 0.32, 0.32],
                accents={1: layout.parties[0].colour, 2: layout.parties[1].colour},
            )
        )
    else:
        story.append(layout.para("<i>No question is open.</i>"))

    story += layout.heading("5.3", "Action items", level=1)
    items = layout.session.agreement.action_items
    if items:
        statuses = {"open": "Open", "in_progress": "In progress", "done": "Done"}
        rows = []
        for item in items:
            owner_parts = []
            if item.owner_party is not None:
                owner_parts.append(f"<b>{layout.text(layout.name(item.owner_party))}</b>")
            if item.owner:
                owner_parts.append(layout.text(item.owner))
            rows.append(
                [
                    layout.plain(item.what or "(not described)", "cell"),
                    layout.para("<br/>".join(owner_parts) or "<i>no owner yet</i>", "cell"),
                    layout.para(long_date(item.due) if item.due else "<i>no date</i>", "cell"),
                    layout.para(statuses[item.status], "cell"),
                ]
            )
        story.append(
            layout.table(["Action", "Owner", "Due", "Status"], rows, [0.46, 0.24, 0.16, 0.14])
        )
    else:
        story.append(layout.para("<i>No action items were recorded.</i>"))
    return story
