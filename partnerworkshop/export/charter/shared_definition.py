"""Section 1, the shared definition: the agreed definition, the agreed kind of relationship,
and the principles (the agreed positions on governance, equity and transparency).
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from .layout import Layout, RuledParagraph

FIRST_LINES = 4


def shared_definition(layout: Layout) -> list[Flowable]:
    part = layout.content.definition
    story = layout.heading(part.heading)
    story.append(layout.subheading(part.definition_title))
    if part.definition.placeholder:
        story.append(layout.set(part.definition, "body"))
    else:
        # One paragraph however long: it runs on across pages with its rule beside it. Only
        # its first lines are kept with the headings, so a long one starts on the same page.
        paragraph = layout.plain(part.definition.words, "definition")
        width = layout.width - RuledParagraph.indent
        first_lines = FIRST_LINES * paragraph.style.leading
        pieces = [paragraph]
        if paragraph.wrap(width, layout.page_height)[1] > 2 * first_lines:
            pieces = paragraph.split(width, first_lines + 1) or [paragraph]
        story += [RuledParagraph(piece) for piece in pieces]
    story.append(layout.subheading(part.kind_title))
    story.append(layout.set(part.kind, "body"))
    story.append(layout.subheading(part.principles_title))
    if part.principles_note is not None:
        story.append(layout.set(part.principles_note, "body"))
    if part.principles:
        story.append(layout.plain(part.principles_lead, "lead"))
        rows = [
            [layout.plain(row.reference, "cell"), layout.set(row.statement)]
            for row in part.principles
        ]
        story.append(layout.table(None, rows, [0.08, 0.92]))
    return story
