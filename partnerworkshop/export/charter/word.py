"""The charter as a Word document, for the legal teams to redline.

Drawn from the same :class:`CharterContent` as the PDF, so it holds the same parts and the same
words: the cover's details, the legal effect, sections 1 to 6 and the appendices, with the same
version, document id, fingerprint and status. Headings are Word's own heading styles (Word's
navigation pane lists them), tables are Word tables with a repeated header row, and every page
carries the charter's header (with DRAFT while it is a draft) and a footer with the document id,
the version, the start of the fingerprint and the page number. Charts become tables of their
figures: a redline is about words and numbers.

Importing this module loads python-docx, so only the export code imports it, when it runs.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Any

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from .content import (
    Cell,
    CharterContent,
    Fact,
    Heading,
    PositionRow,
    Text,
    printed_lines,
)
from .progress import Progress, Report, no_report

PAPER = {"A4": (Mm(210), Mm(297)), "Letter": (Mm(215.9), Mm(279.4))}
MARGIN_X = Mm(20)
MARGIN_Y = Mm(22)
MUTED = RGBColor(0x59, 0x59, 0x59)
BODY_FONT = "DejaVu Sans"
BODY_SIZE = Pt(10)
SMALL_SIZE = Pt(8.5)
CELL_SIZE = Pt(9)

WORD_FORMAT_PARTS = (
    "the same parts and words as the PDF, with Word headings, Word tables and the charts' "
    "figures as tables, for the legal teams to redline"
)

Container = WordDocument | _Cell


def charter_docx(content: CharterContent, report: Report = no_report) -> bytes:
    """The charter as the bytes of a Word (.docx) file, reported part by part."""
    document = Document()
    _set_up(document, content)
    changes = [_changes] if content.changes is not None else []
    parts = [_cover, _legal, *changes, _definition, _positions, _shares, _started]
    parts += [_open_issues, _signatures, _answers, _questionnaire]
    for number, part in enumerate(parts):
        report(Progress("setting", number / len(parts)))
        part(document, content)
    report(Progress("finishing", 0.0))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# --- the document as a whole -------------------------------------------------------------------


def _set_up(document: WordDocument, content: CharterContent) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = PAPER[content.options.paper]
    section.left_margin = section.right_margin = MARGIN_X
    section.top_margin = section.bottom_margin = MARGIN_Y
    normal = document.styles["Normal"]
    normal.font.name = BODY_FONT
    normal.font.size = BODY_SIZE
    # Arabic, Hebrew and Chinese text takes the same face where it has the letters, and size.
    properties = normal.element.get_or_add_rPr()
    fonts = properties.get_or_add_rFonts()
    for script in ("w:eastAsia", "w:cs"):
        fonts.set(qn(script), BODY_FONT)
    _complex_size(properties, BODY_SIZE)
    for name in ("Heading 1", "Heading 2", "Heading 3", "Title", "Subtitle"):
        document.styles[name].font.name = BODY_FONT

    page = content.page
    header = section.header.paragraphs[0]
    header.text = ""
    _run(header, page.title, bold=True, size=SMALL_SIZE)
    _run(header, f"   {page.parties}", size=SMALL_SIZE, colour=MUTED)
    if page.marking:
        _run(header, f"   {page.marking}", size=SMALL_SIZE, colour=MUTED)
    if page.status_mark:
        _run(header, f"   {page.status_mark}", bold=True, size=SMALL_SIZE)
    footer = section.footer.paragraphs[0]
    footer.text = ""
    _run(footer, f"{page.footer}    ", size=SMALL_SIZE, colour=MUTED)
    before, _, rest = page.page_label.partition("{page}")
    between, _, after = rest.partition("{pages}")
    _run(footer, before, size=SMALL_SIZE)
    _field(footer, "PAGE")
    _run(footer, between, size=SMALL_SIZE)
    _field(footer, "NUMPAGES")
    _run(footer, after, size=SMALL_SIZE)

    properties = document.core_properties
    metadata = content.metadata
    properties.title = metadata.title
    properties.author = metadata.author
    properties.subject = metadata.subject
    properties.keywords = ", ".join(metadata.keywords)
    properties.comments = metadata.creator
    properties.identifier = content.document_id
    properties.version = str(content.version)
    properties.category = "Partnership charter"
    properties.content_status = "Draft" if content.draft else "Agreed"
    properties.created = properties.modified = content.identity.exported
    properties.last_modified_by = metadata.author
    properties.revision = content.version


def _run(
    paragraph: Paragraph,
    words: str,
    *,
    bold: bool = False,
    italic: bool = False,
    size: Pt | None = None,
    colour: RGBColor | None = None,
) -> None:
    if not words:
        return
    lines = printed_lines(words).split("\n")
    for number, line in enumerate(lines):
        run = paragraph.add_run(line)
        run.bold = bold or None
        run.italic = italic or None
        # Word sets right-to-left text with the "complex script" properties.
        properties = run._r.get_or_add_rPr()
        if bold:
            properties.get_or_add_bCs()
        if italic:
            properties.get_or_add_iCs()
        if size is not None:
            run.font.size = size
            _complex_size(properties, size)
        if colour is not None:
            run.font.color.rgb = colour
        if number < len(lines) - 1:
            run.add_break(WD_BREAK.LINE)


# What follows the complex-script size in a run's properties, in the order Word requires.
AFTER_COMPLEX_SIZE = (
    "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl",
    "w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath",
)  # fmt: skip


def _complex_size(properties: Any, size: Pt) -> None:
    """The size of right-to-left and other complex-script text (Word keeps it apart)."""
    element = OxmlElement("w:szCs")
    element.set(qn("w:val"), str(int(size.pt * 2)))
    properties.insert_element_before(element, *AFTER_COMPLEX_SIZE)


def _field(paragraph: Paragraph, code: str) -> None:
    """A field Word fills in as it lays out the pages (the page number, the page count)."""
    run = paragraph.add_run()
    run.font.size = SMALL_SIZE
    for kind, text in (("begin", None), (None, f" {code} "), ("separate", None), (None, "1")):
        if kind is None:
            element = OxmlElement("w:instrText" if text and text.strip() == code else "w:t")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        run._r.append(element)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(end)


# --- building blocks -------------------------------------------------------------------------


def _text(container: Container, text: Text | str, *, style: str | None = None) -> Paragraph:
    """A paragraph set as the content says: plain, strong, small, or a placeholder (italics)."""
    if isinstance(text, str):
        text = Text(text)
    paragraph = container.add_paragraph(style=style)
    _runs(paragraph, text)
    return paragraph


def _runs(paragraph: Paragraph, text: Text, size: Pt | None = None) -> None:
    _run(
        paragraph,
        text.words,
        bold=text.emphasis == "strong",
        italic=text.placeholder,
        size=SMALL_SIZE if text.emphasis == "small" else size,
        colour=MUTED if text.emphasis == "small" else None,
    )


def _heading(document: WordDocument, heading: Heading, level: int = 1) -> None:
    document.add_heading(heading.label, level=level)


def _new_part(document: WordDocument, heading: Heading) -> None:
    """A main part starts on a new page, as in the PDF."""
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    _heading(document, heading)


def _fill(cell: _Cell, parts: Iterable[Text | str]) -> None:
    """A table cell holding one paragraph per part (the cell's own first paragraph first)."""
    first = True
    for part in parts:
        if isinstance(part, str):
            part = Text(part)
        if not part.words:
            continue
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        _runs(paragraph, part, CELL_SIZE)
        first = False


def _table(
    document: WordDocument,
    shares: Sequence[float],
    columns: Sequence[str] | None,
    rows: Iterable[Sequence[Cell | Text | str]],
) -> None:
    """A Word table with columns of these shares of the text width; its header row (when
    given) repeats on every page the table runs onto."""
    body = [list(row) for row in rows]
    table = document.add_table(rows=0, cols=len(shares))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    section = document.sections[0]
    text_width = int(section.page_width or 0) - 2 * MARGIN_X
    widths = [int(text_width * share) for share in shares]
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    if columns is not None:
        cells = table.add_row().cells
        for cell, title, width in zip(cells, columns, widths, strict=True):
            cell.width = width
            _fill(cell, [Text(title, "strong")])
        properties = table.rows[0]._tr.get_or_add_trPr()
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        properties.append(repeat)
    for row in body:
        cells = table.add_row().cells
        for cell, value, width in zip(cells, row, widths, strict=True):
            cell.width = width  # Word takes a column's width from its cells
            _fill(cell, value if isinstance(value, tuple) else [value])
    document.add_paragraph()


def _facts(document: WordDocument, facts: Iterable[Fact]) -> None:
    _table(
        document,
        (0.25, 0.75),
        None,
        [
            (Text(fact.label, "strong"), Text(fact.value, "strong" if fact.strong else "plain"))
            for fact in facts
        ],
    )


def _position_cells(row: PositionRow) -> tuple[Text, ...]:
    return (row.statement, Text(f"Note: {row.note}", "small")) if row.note else (row.statement,)


# --- the parts -------------------------------------------------------------------------------


def _cover(document: WordDocument, content: CharterContent) -> None:
    cover = content.cover
    document.add_heading(cover.title, level=0)
    if cover.subtitle:
        document.add_paragraph(cover.subtitle, style="Subtitle")
    rows: list[list[Cell]] = []
    for party in cover.parties:
        lines = [Text(party.organisation or party.name, "strong")]
        if party.referred_to_as:
            lines.append(Text(party.referred_to_as, "small"))
        lines += [Text(f"{fact.label}: {fact.value}", "small") for fact in party.legal_details]
        for person in party.representatives:
            who = f"{person.name}, {person.role}" if person.role else person.name
            lines.append(Text(f"{who}\n{person.email}" if person.email else who))
        if not party.representatives:
            lines.append(Text(party.no_representatives, "placeholder"))
        rows.append([tuple(lines)])
    _table(
        document,
        (0.5, 0.5),
        [party.heading for party in cover.parties],
        [tuple(row[0] for row in rows)],
    )
    _facts(document, (*cover.facts, *cover.record_facts))
    _text(document, Text(cover.fingerprint_title, "strong"))
    _text(document, Text(cover.fingerprint, "strong"))
    _text(document, Text(cover.fingerprint_note, "small"))


def _legal(document: WordDocument, content: CharterContent) -> None:
    legal = content.legal
    document.add_heading(legal.title, level=2)
    for words in (legal.statement, legal.advice, legal.effective, legal.parts):
        if words:
            _text(document, words)


def _changes(document: WordDocument, content: CharterContent) -> None:
    changes = content.changes
    assert changes is not None
    _new_part(document, changes.heading)
    _text(document, changes.lead)
    if changes.changes:
        _table(
            document,
            (0.3, 0.35, 0.35),
            changes.columns,
            [
                (
                    Text(f"{change.summary}: {change.label}", "strong"),
                    Text(change.before),
                    Text(change.after),
                )
                for change in changes.changes
            ],
        )
    if changes.note is not None:
        _text(document, changes.note)


def _definition(document: WordDocument, content: CharterContent) -> None:
    part = content.definition
    _new_part(document, part.heading)
    document.add_heading(part.definition_title, level=3)
    _text(document, part.definition, style="Quote" if not part.definition.placeholder else None)
    document.add_heading(part.kind_title, level=3)
    _text(document, part.kind)
    document.add_heading(part.principles_title, level=3)
    if part.principles_lead:
        _text(document, part.principles_lead)
    if part.principles:
        _table(
            document,
            (0.08, 0.92),
            None,
            [(Text(row.reference), row.statement) for row in part.principles],
        )
    if part.principles_note is not None:
        _text(document, part.principles_note)


def _positions(document: WordDocument, content: CharterContent) -> None:
    part = content.positions
    _new_part(document, part.heading)
    _text(document, part.lead)
    for group in part.groups:
        _heading(document, group.heading, level=2)
        _table(
            document,
            (0.08, 0.62, 0.3),
            part.columns,
            [
                (Text(row.reference), _position_cells(row), Text(row.how, "small"))
                for row in group.rows
            ],
        )


def _shares(document: WordDocument, content: CharterContent) -> None:
    part = content.shares
    _new_part(document, part.heading)
    if part.empty is not None:
        _text(document, part.empty)
        return
    _text(document, part.lead)
    _table(
        document,
        (0.3, 0.45, 0.25),
        part.columns,
        [
            (
                (Text(f"{row.reference} {row.topic}", "strong"),),
                (row.statement, *(Text(answer, "small") for answer in row.answers)),
                Text(row.how, "small"),
            )
            for row in part.rows
        ],
    )


def _started(document: WordDocument, content: CharterContent) -> None:
    part = content.started
    names = [party.name for party in content.parties]
    _new_part(document, part.heading)
    _text(document, part.lead)
    document.add_heading(part.alignment_title, level=3)
    _text(document, part.alignment)
    document.add_heading(part.reading_title, level=3)
    _text(document, part.headline)
    if part.readings:
        _text(document, Text(part.reading_note, "small"))
        _table(
            document,
            (0.5, 0.25, 0.25),
            ["Kind of relationship", *names],
            [(bar.kind, f"{bar.share_a:.0%}", f"{bar.share_b:.0%}") for bar in part.readings],
        )
    document.add_heading(part.gaps_title, level=3)
    _text(document, Text(part.gaps_note, "small"))
    _table(
        document,
        (0.8, 0.2),
        ["Section", "Gap"],
        [(bar.section, "open" if bar.gap is None else f"{bar.gap:.2f}") for bar in part.gaps],
    )
    _heading(document, part.divergences_heading, level=2)
    if part.no_divergence is not None:
        _text(document, part.no_divergence)
        return
    _text(document, part.divergences_lead)
    _table(
        document,
        (0.3, 0.33, 0.07, 0.3),
        part.divergence_columns,
        [
            (
                Text(row.question),
                tuple(Text(started) for started in row.started),
                Text(row.gap),
                (Text(row.how, "small"), *((row.position,) if row.position is not None else ())),
            )
            for row in part.divergences
        ],
    )


def _open_issues(document: WordDocument, content: CharterContent) -> None:
    part = content.open_issues
    _new_part(document, part.heading)
    _heading(document, part.parked_heading, level=2)
    if part.parked:
        _table(
            document,
            (0.4, 0.2, 0.14, 0.26),
            part.parked_columns,
            [
                (
                    Text(f"{row.reference} {row.question}"),
                    row.owner,
                    row.due,
                    Text(row.notes, "small"),
                )
                for row in part.parked
            ],
        )
    else:
        _text(document, part.no_parked)
    _heading(document, part.open_heading, level=2)
    if part.still_open:
        _text(document, part.open_lead)
        _table(
            document,
            (0.36, 0.32, 0.32),
            part.open_columns,
            [(Text(row.question), *row.answers) for row in part.still_open],
        )
    else:
        _text(document, part.no_open)
    _heading(document, part.actions_heading, level=2)
    if part.actions:
        _table(
            document,
            (0.46, 0.24, 0.16, 0.14),
            part.action_columns,
            [(row.what, row.owner, row.due, Text(row.status)) for row in part.actions],
        )
    else:
        _text(document, part.no_actions)


def _signatures(document: WordDocument, content: CharterContent) -> None:
    part = content.signatures
    _new_part(document, part.heading)
    if part.empty is not None:
        _text(document, part.empty)
        return
    _text(document, part.lead)
    rows = []
    for pair in range(max(len(column.signatories) for column in part.columns)):
        row: list[Cell] = []
        for column in part.columns:
            if pair < len(column.signatories):
                person = column.signatories[pair]
                row.append(
                    (
                        Text(person.name, "strong"),
                        *(Text(line) for line in person.details),
                        Text(person.authority, "small"),
                        Text("\n\n______________________________"),
                        Text(part.signature_label, "small"),
                        Text("\n______________________________"),
                        Text(part.date_label, "small"),
                    )
                )
            else:
                row.append((Text(column.missing, "placeholder"),) if pair == 0 else ())
        rows.append(row)
    _table(document, (0.5, 0.5), [column.heading for column in part.columns], rows)


def _answers(document: WordDocument, content: CharterContent) -> None:
    part = content.answers
    _new_part(document, part.heading)
    _text(document, part.lead)
    for group in part.groups:
        _heading(document, group.heading, level=2)
        _table(
            document,
            (0.32, 0.34, 0.34),
            part.columns,
            [
                (
                    Text(row.question),
                    *(
                        (
                            cell.answer,
                            Text(cell.importance, "small"),
                            *((Text(cell.comment, "small"),) if cell.comment else ()),
                        )
                        for cell in row.answers
                    ),
                )
                for row in group.rows
            ],
        )


def _questionnaire(document: WordDocument, content: CharterContent) -> None:
    part = content.questionnaire
    _new_part(document, part.heading)
    _facts(document, part.facts)
    if part.description:
        _text(document, part.description)
    if part.questions_lead:
        _text(document, part.questions_lead)
    for group in part.groups:
        _heading(document, group.heading, level=2)
        for question in group.questions:
            _text(document, Text(f"{question.reference}  {question.prompt}", "strong"))
            _text(document, Text(question.offered, "small"))
            for choice in question.choices:
                _text(document, Text(choice, "small"), style="List Bullet")
    if part.sources:
        document.add_heading(part.sources_title, level=3)
        for number, source in enumerate(part.sources, 1):
            _text(document, f"{number}. {source.citation}")
            if source.note:
                _text(document, Text(source.note, "small"))
