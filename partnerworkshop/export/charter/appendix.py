"""The appendices: both parties' original answers, and the questionnaire."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, KeepTogether, Spacer

from ...model.base import SIDES
from .layout import Layout
from .summary import SECTION_TITLES


def appendix(layout: Layout) -> list[Flowable]:
    session = layout.session
    story = layout.heading("Appendix A", SECTION_TITLES["A"])
    story.append(
        layout.para(
            "Each party's answers as given in the workshop, with how important the question "
            "was to it and its comments.",
            "lead",
        )
    )
    story += _consolidated(layout)
    importance = {"low": "low", "normal": "normal", "high": "high"}
    for number, section in enumerate(session.template.sections, 1):
        story += layout.heading(f"A.{number}", section.title, level=1)
        rows = []
        for question in section.questions:
            cells: list[Any] = [layout.plain(question.prompt, "cell")]
            for side in SIDES:
                answer = session.answer(side, question.id)
                cell = [layout.para(layout.answer_markup(question, answer), "cell")]
                cell.append(
                    layout.para(f"Importance: {importance[answer.importance]}", "cell_small")
                )
                if answer.comment:
                    cell.append(
                        layout.para(f"Comment: {layout.text(answer.comment)}", "cell_small")
                    )
                cells.append(cell)
            rows.append(cells)
        story.append(
            layout.table(
                ["Question", layout.text(layout.name("A")), layout.text(layout.name("B"))],
                rows,
                [0.32, 0.34, 0.34],
                accents={1: layout.parties[0].colour, 2: layout.parties[1].colour},
            )
        )

    template = session.template
    story += layout.heading("Appendix B", SECTION_TITLES["B"], new_page=False)
    facts = [
        ("Title", layout.text(template.title)),
        ("Identifier", layout.text(template.id)),
        ("Version", layout.text(template.version)),
        ("Language", layout.text(template.language)),
        ("Questions", f"{template.question_count} in {len(template.sections)} sections"),
    ]
    story.append(
        layout.table(
            None,
            [[layout.para(label, "header"), layout.para(value, "cell")] for label, value in facts],
            [0.24, 0.76],
        )
    )
    if template.description:
        story.append(Spacer(1, 6))
        story.append(layout.plain(template.description))
    if template.sources:
        story.append(layout.para("Sources", "h3"))
        for number, source in enumerate(template.sources, 1):
            block = [layout.para(f"{number}. {layout.text(source.citation)}", "cell")]
            if source.note:
                block.append(layout.para(layout.text(source.note), "cell_small"))
            block.append(Spacer(1, 5))
            story.append(KeepTogether(block))
    return story


def _consolidated(layout: Layout) -> list[Flowable]:
    """For a party whose representatives answered individually, from how many its answers were
    consolidated: a count only, never who said what."""
    story: list[Flowable] = []
    for side in SIDES:
        inside = layout.analysis.inside[side]
        if inside is None or not inside.answered_by:
            continue
        number = inside.answered_by
        people = "1 representative" if number == 1 else f"{number} representatives"
        story.append(
            layout.para(
                f"{layout.text(layout.name(side))}'s answers were consolidated from {people}."
            )
        )
    return story
