"""Section 3, shares: how the parties share costs, responsibilities, risks and rewards."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

from ...model.base import SIDES
from ...model.positions import AgreedPosition
from ...model.template import SplitQuestion
from ..charts import SplitBar
from .layout import Layout
from .summary import SECTION_TITLES


def shares(layout: Layout) -> list[Flowable]:
    story = layout.heading("3", SECTION_TITLES["3"])
    splits = [p for p in layout.positions if isinstance(p.question, SplitQuestion)]
    if not splits:
        story.append(layout.para("<i>This questionnaire has no questions on shares.</i>"))
        return story
    story.append(
        layout.para(
            "How the parties share costs, responsibilities, risks and rewards. Each bar "
            f"shows the share carried by {layout.text(layout.name('A'))} (solid, from the left) "
            f"and by {layout.text(layout.name('B'))} (hatched, from the right).",
            "lead",
        )
    )
    rows = []
    for position in splits:
        question = position.question
        assert isinstance(question, SplitQuestion)
        topic = question.topic[:1].upper() + question.topic[1:]
        label = [layout.plain(topic, "cell_bold")]
        if position.is_agreed and isinstance(position.value, int):
            label.append(layout.plain(position.statement, "cell_small"))
            shown: Any = SplitBar(position.value, layout.parties, layout.fonts)  # type: ignore[arg-type]
        else:
            shown = layout.para(unagreed_split(layout, position), "cell")
        rows.append([label, shown, layout.para(layout.how_reached(position), "cell_small")])
    story.append(
        layout.table(
            ["What is shared", "Agreed split", "How it was reached"], rows, [0.34, 0.46, 0.2]
        )
    )
    return story


def unagreed_split(layout: Layout, position: AgreedPosition) -> str:
    lines = ["<i>Parked.</i>" if position.reached == "parked" else "<i>Not yet agreed.</i>"]
    for side in SIDES:
        answer = layout.session.answer(side, position.question.id)
        if isinstance(answer.value, int):
            lines.append(
                f"{layout.text(layout.name(side))}'s answer: {layout.split_words(answer.value)}"
            )
    return "<br/>".join(lines)
