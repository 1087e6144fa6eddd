"""The appendices, for information only: both parties' original answers (Appendix A), and the
questionnaire with every question and what its answers were chosen from (Appendix B).
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, KeepTogether, Spacer

from .cover import facts_table
from .layout import Layout


def appendix(layout: Layout) -> list[Flowable]:
    return [*original_answers(layout), *questionnaire(layout)]


def original_answers(layout: Layout) -> list[Flowable]:
    part = layout.content.answers
    story = layout.heading(part.heading)
    story.append(layout.plain(part.lead, "lead"))
    story += [layout.plain(sentence) for sentence in part.consolidated]
    for group in part.groups:
        story += layout.heading(group.heading, level=1)
        rows = []
        for row in group.rows:
            cells: list[Any] = [layout.plain(row.question, "cell")]
            for answer in row.answers:
                cell = [layout.set(answer.answer), layout.plain(answer.importance, "cell_small")]
                if answer.comment:
                    cell.append(layout.plain(answer.comment, "cell_small"))
                cells.append(cell)
            rows.append(cells)
        story.append(
            layout.table(
                list(part.columns),
                rows,
                [0.32, 0.34, 0.34],
                accents={1: layout.parties[0].colour, 2: layout.parties[1].colour},
            )
        )
    return story


def questionnaire(layout: Layout) -> list[Flowable]:
    part = layout.content.questionnaire
    story = layout.heading(part.heading)
    story.append(facts_table(layout, list(part.facts)))
    if part.description:
        story.append(Spacer(1, 6))
        story.append(layout.plain(part.description))
    story.append(Spacer(1, 6))
    story.append(layout.plain(part.questions_lead, "lead"))
    for group in part.groups:
        story += layout.heading(group.heading, level=1)
        rows = []
        for entry in group.questions:
            offered: list[Any] = [layout.plain(entry.offered, "cell_small")]
            offered += [layout.plain(choice, "cell") for choice in entry.choices]
            rows.append(
                [
                    layout.plain(entry.reference, "cell"),
                    layout.plain(entry.prompt, "cell"),
                    offered,
                ]
            )
        story.append(layout.table(None, rows, [0.08, 0.4, 0.52]))
    if part.sources:
        story.append(layout.subheading(part.sources_title))
        for number, source in enumerate(part.sources, 1):
            block = [layout.para(f"{number}. {layout.text(source.citation)}", "cell")]
            if source.note:
                block.append(layout.plain(source.note, "cell_small"))
            block.append(Spacer(1, 5))
            story.append(KeepTogether(block))
    return story
