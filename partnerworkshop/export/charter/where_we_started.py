"""Section 4, where we started: the alignment before agreement, each party's reading, the gap
in each section, and the largest divergences with how each was resolved.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, Spacer

from ...model.base import SIDES
from ...model.kinds import RelationshipKind
from ..charts import GapBars, GapRow, ReadingChart, ReadingRow
from .layout import Layout, count, share
from .summary import LARGEST_DIVERGENCES, SECTION_TITLES


def where_we_started(layout: Layout) -> list[Flowable]:
    analysis = layout.analysis
    story = layout.heading("4", SECTION_TITLES["4"])
    story.append(
        layout.para(
            "How far apart the parties' answers were before they agreed anything. These "
            "figures describe the answers given in the workshop, not the agreement.",
            "lead",
        )
    )
    story.append(layout.para("Alignment before agreement", "h3"))
    counts = analysis.status_counts()
    if analysis.alignment is None:
        story.append(
            layout.para("<i>No question was answered by both parties, so there is no figure.</i>")
        )
    else:
        story.append(
            layout.para(
                f"<b>{analysis.alignment:.0f} out of 100</b>, over the "
                f"{count(analysis.scored, 'question')} both parties answered with a value "
                "that can be compared (100: the same answers throughout). Of all "
                f"{count(len(analysis.questions), 'question')}, the parties agreed on "
                f"{counts['agree']}, were close on {counts['close']}, apart on "
                f"{counts['apart']}; {counts['open']} could not be compared (free text, "
                "unanswered or not sure)."
            )
        )

    kinds: list[Flowable] = [
        layout.para("The kind of relationship each party described", "h3"),
        layout.plain(analysis.headline.text),
    ]
    readings = analysis.readings
    if all(readings[side].shares is not None for side in SIDES):
        kinds.append(
            layout.para(
                "Each party's answers carry signals toward six kinds of relationship; the "
                "bars show each kind's share of the party's reading.",
                "small",
            )
        )
        kinds.append(Spacer(1, 4))
        kinds.append(
            ReadingChart(
                [
                    ReadingRow(
                        kind.label[:1].upper() + kind.label[1:],
                        share(readings["A"].shares, kind),
                        share(readings["B"].shares, kind),
                    )
                    for kind in RelationshipKind
                ],
                layout.parties,  # type: ignore[arg-type]
                layout.fonts,
            )
        )
    story.append(KeepTogether(kinds))

    # The heading and its note stay with the chart; a long chart continues on the next page.
    story.append(
        KeepTogether(
            [
                layout.para("The gap in each section", "h3"),
                layout.para(
                    "From 0 (the same answers) to 1 (answers as far apart as the questions "
                    "allow), weighted by how important the parties said each question was.",
                    "small",
                ),
                Spacer(1, 4),
                GapBars(
                    [GapRow(section.title, section.gap) for section in analysis.sections],
                    layout.fonts,
                ),
            ]
        )
    )

    story += layout.heading("4.1", "The largest divergences and how they were resolved", level=1)
    largest = analysis.agenda[:LARGEST_DIVERGENCES]
    if not largest:
        story.append(layout.para("<i>The parties' answers did not diverge.</i>"))
        return story
    story.append(
        layout.para(
            f"The {count(len(largest), 'question')} at the top of the discussion agenda "
            "(the widest gaps on the questions that mattered most), where each party "
            "started and where the question stands now.",
            "lead",
        )
    )
    positions = {position.question.id: position for position in layout.positions}
    rows = []
    for item in largest:
        position = positions[item.question_id]
        question = position.question
        started = [
            layout.para(
                f"<b>{layout.text(layout.name(side))}:</b> "
                + layout.answer_markup(question, layout.session.answer(side, question.id)),
                "cell_spaced",
            )
            for side in SIDES
        ]
        gap = "open" if item.gap is None else f"{item.gap:.2f}"
        rows.append(
            [
                layout.plain(question.prompt, "cell"),
                started,
                layout.para(gap, "cell"),
                [
                    layout.para(layout.how_reached(position), "cell_small"),
                    layout.para(layout.position_markup(position), "cell"),
                ]
                if position.is_agreed
                else layout.para(layout.how_reached(position), "cell"),
            ]
        )
    story.append(
        layout.table(
            ["Question", "Where the parties started", "Gap", "How it was resolved"],
            rows,
            [0.3, 0.33, 0.07, 0.3],
        )
    )
    return story
