"""Section 2, agreed positions: every question, section by section, with its agreed position
and how it was reached.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from .layout import Layout
from .summary import SECTION_TITLES


def agreed_positions(layout: Layout) -> list[Flowable]:
    story = layout.heading("2", SECTION_TITLES["2"])
    story.append(
        layout.para(
            "Every question of the questionnaire, section by section, with the position "
            "the parties agreed and how they reached it: by adopting one party's answer, "
            "by agreeing a new position, or by carrying over the answer both gave. "
            "Parked and open questions are listed again in section 5.",
            "lead",
        )
    )
    for number, section in enumerate(layout.session.template.sections, 1):
        story += layout.heading(f"2.{number}", section.title, level=1)
        rows = []
        for position in layout.positions:
            if position.section is not section:
                continue
            cell = [layout.para(layout.position_markup(position), "cell")]
            if position.notes:
                cell.append(layout.para(f"Note: {layout.text(position.notes)}", "cell_small"))
            rows.append(
                [
                    layout.plain(position.question.prompt, "cell"),
                    cell,
                    layout.para(layout.how_reached(position), "cell_small"),
                ]
            )
        story.append(
            layout.table(
                ["Question", "Agreed position", "How it was reached"], rows, [0.4, 0.4, 0.2]
            )
        )
    return story
