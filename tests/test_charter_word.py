"""The Word version of the charter, read back with python-docx as a legal team's Word reads it."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.document import Document as WordDocument
from factories import agree_on_example, park_the_rest
from pypdf import PdfReader

from partnerworkshop.app import main
from partnerworkshop.export.charter import (
    charter_content,
    charter_pdf,
    charter_word,
    export_charter,
    format_of,
)
from partnerworkshop.model.catalog import example_session
from partnerworkshop.model.edits import SessionEditor
from partnerworkshop.model.session import Representative, Session
from partnerworkshop.model.storage import load_session, save_session


def squeezed(text: str) -> str:
    return " ".join(text.split())


def all_text(document: WordDocument) -> str:
    """Every paragraph of the body and of every table cell, in order."""
    texts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                texts += [paragraph.text for paragraph in cell.paragraphs]
    return squeezed("\n".join(texts))


@pytest.fixture(scope="module")
def draft() -> Session:
    session = example_session()
    editor = agree_on_example(session)
    editor.add_representative("A", Representative(name="ليلى حداد", role="مديرة المشتريات"))
    editor.add_representative("B", Representative(name="王小明", role="顾问"))
    return session


@pytest.fixture(scope="module")
def agreed(draft: Session) -> Session:
    session = draft.model_copy(deep=True)
    editor = SessionEditor(session)
    park_the_rest(editor)
    editor.set_status("agreed")
    return session


def word(session: Session) -> WordDocument:
    data, _ = charter_word(session)
    return docx.Document(io.BytesIO(data))


def test_every_agreed_statement_of_the_pdf_is_in_the_word_version(draft: Session) -> None:
    pdf, _, _ = charter_pdf(draft)
    printed = squeezed(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))
    content = charter_content(draft)
    statements = [
        row.statement.words
        for group in content.positions.groups
        for row in group.rows
        if row.agreed
    ]
    assert len(statements) >= 20
    in_word = all_text(word(draft))
    for statement in statements:
        assert squeezed(statement) in printed, statement
        assert squeezed(statement) in in_word, statement
    # The people, in every script, and the definition too.
    for text in ("ليلى حداد", "王小明", "James Whitfield", draft.agreement.definition):
        assert squeezed(text) in in_word


def test_the_parts_are_word_headings_and_the_tables_word_tables(draft: Session) -> None:
    document = word(draft)
    content = charter_content(draft)
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == [heading.label for heading in content.headings()]
    subheadings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert [group.heading.label for group in content.positions.groups] == [
        text for text in subheadings if text.startswith("2.")
    ]
    assert [p.text for p in document.paragraphs if p.style.name == "Title"] == [
        "Partnership charter"
    ]
    headers = [tuple(cell.text for cell in table.rows[0].cells) for table in document.tables]
    assert headers.count(tuple(content.positions.columns)) == len(content.positions.groups)
    for table in document.tables:
        first = table.rows[0]._tr
        if tuple(cell.text for cell in table.rows[0].cells) == tuple(content.positions.columns):
            # The header row repeats at the top of every page the table runs onto.
            assert first.trPr is not None
            assert first.trPr.find(docx.oxml.ns.qn("w:tblHeader")) is not None
    signatures = [t for t in document.tables if "Authorised to sign" in t.rows[1].cells[0].text]
    assert len(signatures) == 1


def test_version_document_id_fingerprint_and_status_match_the_pdf(agreed: Session) -> None:
    pdf, pdf_summary, _ = charter_pdf(agreed)
    data, summary = charter_word(agreed)
    document = docx.Document(io.BytesIO(data))
    assert (summary.version, summary.document_id, summary.fingerprint, summary.status) == (
        pdf_summary.version,
        pdf_summary.document_id,
        pdf_summary.fingerprint,
        pdf_summary.status,
    )
    text = all_text(document)
    assert summary.fingerprint in text and summary.document_id in text
    assert "Agreed by both parties" in text and "Draft: not yet agreed" not in text
    properties = document.core_properties
    assert properties.identifier == summary.document_id
    assert properties.version == str(summary.version)
    assert summary.fingerprint in properties.keywords
    assert properties.title == PdfReader(io.BytesIO(pdf)).metadata.title
    footer = document.sections[0].footer.paragraphs[0].text
    assert summary.document_id in footer and f"version {summary.version}" in footer
    header = document.sections[0].header.paragraphs[0].text
    assert "DRAFT" not in header and "Confidential" in header


def test_a_draft_says_draft_in_the_header_of_every_page(draft: Session) -> None:
    document = word(draft)
    assert len(document.sections) == 1
    (section,) = document.sections
    # One header for every page: no separate first-page or even-page header.
    assert not section.different_first_page_header_footer
    assert not document.settings.odd_and_even_pages_header_footer
    assert "DRAFT" in section.header.paragraphs[0].text
    assert "Draft: not yet agreed" in all_text(document)


def test_the_command_line_writes_either_format(tmp_path: Path, draft: Session) -> None:
    session_file = tmp_path / "workshop.pws.json"
    save_session(draft, session_file)
    assert main(["export", str(session_file), "-o", str(tmp_path / "charter.docx")]) == 0
    document = docx.Document(str(tmp_path / "charter.docx"))
    recorded = load_session(session_file).agreement.last_charter
    assert recorded is not None and recorded.version == 1
    assert recorded.fingerprint in all_text(document)
    # The PDF of the same content is the same version.
    assert main(["export", str(session_file), "-o", str(tmp_path / "charter.pdf")]) == 0
    assert load_session(session_file).agreement.last_charter == recorded
    # --format says it where the name does not; a name and a format that disagree are refused.
    assert main(["export", str(session_file), "-o", str(tmp_path / "c"), "--format", "docx"]) == 0
    assert docx.Document(str(tmp_path / "c")).paragraphs
    refused = tmp_path / "other.pdf"
    assert main(["export", str(session_file), "-o", str(refused), "--format", "docx"]) == 1
    assert not refused.exists()
    assert format_of(Path("A.DOCX")) == "docx" and format_of(Path("a.txt")) is None


def test_a_word_export_into_a_missing_folder_writes_nothing(tmp_path: Path, draft: Session) -> None:
    from partnerworkshop.errors import FileProblem

    with pytest.raises(FileProblem, match="does not exist"):
        export_charter(draft, tmp_path / "gone" / "charter.docx", format="docx")
    assert not (tmp_path / "gone").exists()
