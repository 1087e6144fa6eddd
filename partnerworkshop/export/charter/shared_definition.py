"""Section 1, the shared definition: the agreed definition, the agreed kind of relationship,
and the principles (the agreed positions on governance, equity and transparency).
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Table, TableStyle

from .layout import RULE_STRONG, Layout
from .summary import SECTION_TITLES, asks_about_principles, principle_positions


def shared_definition(layout: Layout) -> list[Flowable]:
    agreement = layout.session.agreement
    story = layout.heading("1", SECTION_TITLES["1"])
    story.append(layout.para("The agreed definition", "h3"))
    if agreement.definition.strip():
        rows = layout.fitted_rows(
            [layout.plain(agreement.definition, "definition")], [layout.width]
        )
        story.append(
            Table(
                rows,
                colWidths=[layout.width],
                style=TableStyle(
                    [
                        ("LINEBEFORE", (0, 0), (0, -1), 2, RULE_STRONG),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("TOPPADDING", (0, 0), (-1, -1), 2),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                    ]
                ),
                hAlign="LEFT",
            )
        )
    else:
        story.append(layout.para("<i>No definition has been agreed yet.</i>"))
    story.append(layout.para("The kind of relationship", "h3"))
    if agreement.agreed_kind is not None:
        story.append(
            layout.para(
                "The parties agree that their relationship is a "
                f"<b>{agreement.agreed_kind.label}</b>."
            )
        )
    else:
        story.append(
            layout.para(
                "<i>The parties have not yet agreed which kind of relationship this is.</i>"
            )
        )
    story.append(layout.para("Principles", "h3"))
    if not asks_about_principles(layout.session):
        story.append(
            layout.para(
                "<i>This questionnaire asks no questions about governance, equity or "
                "transparency; every agreed position is in section 2.</i>"
            )
        )
        return story
    principles = [p for p in principle_positions(layout.positions) if p.is_agreed]
    if not principles:
        story.append(
            layout.para(
                "<i>No principles are agreed yet: the questions on governance, equity and "
                "transparency are still open.</i>"
            )
        )
        return story
    story.append(
        layout.para(
            "How the parties will work together: their agreed positions on governance, "
            "equity and transparency.",
            "lead",
        )
    )
    rows = [
        [
            layout.para(f"{number}.", "cell"),
            layout.para(layout.position_markup(position), "cell"),
        ]
        for number, position in enumerate(principles, 1)
    ]
    story.append(layout.table(None, rows, [0.05, 0.95]))
    return story
