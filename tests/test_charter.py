"""The charter PDF, read back the way a lawyer's tools read it."""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from factories import agree_on_example, individual_example, park_the_rest
from hypothesis import given, settings
from pypdf import PdfReader
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph
from strategies import any_text

from partnerworkshop import __version__
from partnerworkshop.errors import FileProblem
from partnerworkshop.export import fonts
from partnerworkshop.export.charter import (
    CharterOptions,
    charter_pdf,
    charter_summary,
    export_charter,
)
from partnerworkshop.model.analysis import analyse
from partnerworkshop.model.catalog import example_session
from partnerworkshop.model.edits import SessionEditor
from partnerworkshop.model.fingerprint import fingerprint
from partnerworkshop.model.kinds import RelationshipKind
from partnerworkshop.model.positions import agreed_positions
from partnerworkshop.model.session import Representative, Session, Signatory
from partnerworkshop.model.synthetic import synthetic_session

EXPORTED = datetime(2026, 5, 14, 12, 40, tzinfo=UTC)


def flat(text: str) -> str:
    """Text with every run of white space made one space: lines wrap differently in a PDF."""
    return " ".join(text.split())


def page_texts(pdf: bytes) -> list[str]:
    return [flat(page.extract_text()) for page in PdfReader(io.BytesIO(pdf)).pages]


def outline_titles(reader: PdfReader) -> list[str]:
    titles: list[str] = []

    def walk(entries: list[object]) -> None:
        for entry in entries:
            if isinstance(entry, list):
                walk(entry)
            else:
                titles.append(str(entry.title))  # type: ignore[attr-defined]

    walk(reader.outline)
    return titles


@pytest.fixture(scope="module")
def agreed_example() -> Session:
    session = example_session()
    agree_on_example(session)
    return session


@pytest.fixture(scope="module")
def draft_charter(agreed_example: Session) -> tuple[bytes, list[str]]:
    pdf, _, _ = charter_pdf(agreed_example, at=EXPORTED)
    return pdf, page_texts(pdf)


def test_metadata_outline_and_page_numbers(
    agreed_example: Session, draft_charter: tuple[bytes, list[str]]
) -> None:
    pdf, pages = draft_charter
    reader = PdfReader(io.BytesIO(pdf))
    metadata = reader.metadata
    assert metadata is not None
    assert metadata.title == (
        "Partnership charter: Northwind Logistics and Contoso Health: what our partnership means"
    )
    assert metadata.author == "Priya Raman"
    assert metadata.subject == "Partnership charter between Northwind Logistics and Contoso Health"
    assert metadata.creator == f"partnerworkshop {__version__}"
    keywords = str(metadata["/Keywords"])
    assert "Northwind Logistics" in keywords
    assert fingerprint(agreed_example) in keywords

    titles = outline_titles(reader)
    for expected in (
        "Cover",
        "1  The shared definition",
        "2  Agreed positions",
        "2.1  What we call this relationship",
        "2.11  Change and exit",
        "3  Shares",
        "4  Where we started",
        "4.1  The largest divergences and how they were resolved",
        "5  Open issues and action items",
        "5.3  Action items",
        "6  Signatures",
        "Appendix A  The parties' original answers",
        "Appendix B  The questionnaire",
    ):
        assert expected in titles

    total = len(pages)
    assert total > 10
    for number, text in enumerate(pages, 1):
        assert f"Page {number} of {total}" in text
        assert "Partnership charter" in text
        assert "Confidential" in text


def test_the_cover_names_parties_version_and_fingerprint(
    agreed_example: Session, draft_charter: tuple[bytes, list[str]]
) -> None:
    cover = draft_charter[1][0]
    summary = charter_summary(agreed_example, at=EXPORTED)
    for expected in (
        "Partnership charter",
        "Northwind Logistics",
        "Contoso Health",
        "James Whitfield, Regional Director, North james.whitfield@northwind.example",
        "Zoë Łukasiewicz, Head of Supply Chain zoe.lukasiewicz@contoso.example",
        "Priya Raman",
        "14 May 2026, Contoso Health offices, Leeds",
        "Draft: not yet agreed",
        "Charter version 1",
        f"Document id {summary.document_id}",
        "14 May 2026, 12:40 UTC",
        fingerprint(agreed_example),
        "partnerworkshop fingerprint FILE",
    ):
        assert expected in cover
    assert summary.document_id == f"CH-{agreed_example.id.hex[:8].upper()}-001"

    reader = PdfReader(io.BytesIO(draft_charter[0]))
    sections = [entry for entry in reader.outline if not isinstance(entry, list)][1:]
    assert [str(entry.title).split("  ")[0] for entry in sections][-2:] == [
        "Appendix A",
        "Appendix B",
    ]
    for entry in sections:
        number, title = str(entry.title).split("  ")
        page = reader.get_destination_page_number(entry) + 1
        assert f"{number} {title} {page}" in cover, "the contents give each section's page"
        assert f"{number} {title}" in draft_charter[1][page - 1], "the outline leads there"
    footer = f"Document {summary.document_id} · version 1 · fingerprint "
    assert all(footer + fingerprint(agreed_example)[:16] in page for page in draft_charter[1])


def test_every_agreed_position_signatory_and_action_item_is_printed(
    agreed_example: Session, draft_charter: tuple[bytes, list[str]]
) -> None:
    text = " ".join(draft_charter[1])
    names = {"A": "Northwind", "B": "Contoso"}
    agreed = [p for p in agreed_positions(agreed_example) if p.is_agreed]
    assert len(agreed) > 25

    for position in agreed:
        question = position.question
        assert flat(question.prompt) in text
        assert position.statement.startswith(("Northwind", "Contoso")) or (
            "Northwind" in position.statement and "Contoso" in position.statement
        ), question.id
        assert flat(position.statement) in text, question.id
        if position.wording:
            assert flat(position.wording) in text
        if position.reached in ("adopt_a", "adopt_b"):
            side = "A" if position.reached == "adopt_a" else "B"
            assert f"Adopted from {names[side]}'s answer" in text
    assert "Carried over: both parties gave this answer" in text
    assert "Three years, with a review after the first." in text
    legal_names = {"A": "Northwind Logistics", "B": "Contoso Health"}
    for signatory in agreed_example.agreement.signatories:
        assert signatory.name in text and signatory.title in text
        assert f"Authorised to sign for {legal_names[signatory.party]}" in text
    for item in agreed_example.agreement.action_items:
        assert item.what in text
    assert "Finance leads of both organisations 30 June 2026" in text
    assert flat(agreed_example.agreement.definition) in text
    assert "their relationship is a strategic partnership" in text


def test_where_the_parties_started(
    agreed_example: Session, draft_charter: tuple[bytes, list[str]]
) -> None:
    analysis = analyse(agreed_example)
    assert analysis.alignment is not None
    pages = draft_charter[1]
    start = next(i for i, page in enumerate(pages) if i and "4 Where we started" in page)
    text = " ".join(pages[start : start + 3])
    assert f"{analysis.alignment:.0f} out of 100, over the {analysis.scored} questions" in text
    assert analysis.headline.text in text
    for kind in RelationshipKind:
        shares = [analysis.readings[side].shares for side in ("A", "B")]
        assert all(share is not None for share in shares)
        percentages = " ".join(f"{round(share[kind] * 100)}%" for share in shares if share)
        assert f"{kind.label[:1].upper()}{kind.label[1:]} {percentages}" in text
    for section in analysis.sections:
        assert section.gap is not None
        assert f"{section.title} {section.gap:.2f}" in text
    positions = {p.question.id: p for p in agreed_positions(agreed_example)}
    top = analysis.agenda[:10]
    assert len(top) == 10
    for item in top:
        position = positions[item.question_id]
        assert flat(position.question.prompt) in text
        assert f"{item.gap:.2f}" in text if item.gap is not None else "open" in text


def test_draft_mark_exactly_while_draft(
    agreed_example: Session, draft_charter: tuple[bytes, list[str]]
) -> None:
    assert all("DRAFT" in page for page in draft_charter[1])
    agreed = agreed_example.model_copy(deep=True)
    editor = SessionEditor(agreed)
    park_the_rest(editor)
    editor.set_status("agreed")
    pdf, summary, _ = charter_pdf(agreed, at=EXPORTED)
    pages = page_texts(pdf)
    assert not any("DRAFT" in page for page in pages)
    assert "Agreed by both parties" in pages[0]
    assert "draft" not in {warning.kind for warning in summary.warnings}


HOSTILE = "A&B <Ltd>"
MARKUP_COMMENT = '<font size=40>big</font> & <b>bold</b> <br/> <a href="x">link</a>'
NAMES = ("Zoë Łukasiewicz", "Ørsted", "Ελένη Παπαδοπούλου", "Дмитрий Иванов")


@pytest.fixture(scope="module")
def hostile_session() -> Session:
    session = example_session()
    editor = agree_on_example(session)
    editor.set_party("A", "organisation", HOSTILE)
    editor.set_party("A", "label", HOSTILE)
    editor.set_comment("A", "sharing.costs", MARKUP_COMMENT)
    editor.set_definition("We <i>share</i> & decide together.\nSecond line: a < b > c.")
    for name in NAMES:
        editor.add_representative("B", Representative(name=name, role="Ørsted & Co <team>"))
    editor.add_signatory(Signatory(party="B", name="Ελένη Παπαδοπούλου", title="Дмитрий's <boss>"))
    return session


def test_hostile_and_unicode_text_is_printed_exactly(hostile_session: Session) -> None:
    options = CharterOptions(confidentiality="<Secret> & Co", include_comments=True)
    pdf, summary, _ = charter_pdf(hostile_session, options)
    text = " ".join(page_texts(pdf))
    assert f"{HOSTILE} and Contoso" in text, "the header, where the name is drawn directly"
    assert f"Party A Party B {HOSTILE} Legal name:" in text
    assert f"Contoso carries 60% of the costs of the joint work and {HOSTILE} 40%." in text
    assert flat(f"Comment: {MARKUP_COMMENT}") in text
    assert "We <i>share</i> & decide together. Second line: a < b > c." in text
    for name in NAMES:
        assert f"{name}, Ørsted & Co <team>" in text
    assert "Ελένη Παπαδοπούλου Дмитрий's <boss>" in text
    assert "<Secret> & Co" in text
    assert "missing_characters" not in {warning.kind for warning in summary.warnings}
    metadata = PdfReader(io.BytesIO(pdf)).metadata
    assert metadata is not None
    assert metadata.subject == f"Partnership charter between {HOSTILE} and Contoso Health"


@settings(max_examples=200)
@given(any_text)
def test_any_text_becomes_markup_that_shows_exactly_that_text(text: str) -> None:
    charter_fonts = fonts.fonts_for([text])
    paragraph = Paragraph(charter_fonts.markup(text), ParagraphStyle("t", fontName=fonts.REGULAR))
    shown = "".join(
        "\n" if getattr(fragment, "lineBreak", False) else fragment.text
        for fragment in paragraph.frags
    )
    visible = "".join(" " if fonts.is_invisible(character) else character for character in text)
    assert flat(shown) == flat(visible)


def test_east_asian_names_need_a_cjk_font(
    agreed_example: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = agreed_example.model_copy(deep=True)
    SessionEditor(session).add_representative("B", Representative(name="王小明", role="顾问"))

    found = fonts.find_cjk_font()
    if found is None:
        warnings = charter_summary(session).warnings
        assert "missing_characters" in {warning.kind for warning in warnings}
    else:
        pdf, summary, _ = charter_pdf(session)
        assert "王小明, 顾问" in page_texts(pdf)[0]
        assert "missing_characters" not in {warning.kind for warning in summary.warnings}

    monkeypatch.setattr(fonts, "find_cjk_font", lambda: None)
    summary = charter_summary(session)
    (warning,) = [w for w in summary.warnings if w.kind == "missing_characters"]
    assert '"王" (U+738B)' in warning.message
    assert "Party B's details" in warning.message
    assert "fonts-wqy-microhei" in warning.message


def test_characters_no_font_has_are_reported(agreed_example: Session) -> None:
    session = agreed_example.model_copy(deep=True)
    SessionEditor(session).set_definition("Signed with \U0001f91d and \U0001d11e.")
    (warning,) = [w for w in charter_summary(session).warnings if w.kind == "missing_characters"]
    assert "U+1F91D" in warning.message and "U+1D11E" in warning.message
    assert "the agreed definition" in warning.message


def test_summary_and_warnings_for_the_app(agreed_example: Session) -> None:
    bare = charter_summary(example_session())
    assert {w.kind for w in bare.warnings} >= {
        "draft",
        "open_questions",
        "no_definition",
        "no_agreed_kind",
    }
    assert "no_signatories" not in {w.kind for w in bare.warnings}, "the example names them"
    assert [part.number for part in bare.parts] == ["1", "2", "3", "4", "5", "6", "Appendix"]
    assert (bare.version, bare.new_version) == (1, True)

    summary = charter_summary(agreed_example)
    kinds = {w.kind for w in summary.warnings}
    assert not kinds & {"no_definition", "no_agreed_kind", "no_signatories"}
    parts = {part.number: part.summary for part in summary.parts}
    assert "2 parked" in parts["2"]
    assert parts["6"] == "4 signatories (2 for Northwind, 2 for Contoso)"

    one_sided = agreed_example.model_copy(deep=True)
    editor = SessionEditor(one_sided)
    editor.remove_signatory(3)
    editor.remove_signatory(2)
    editor.set_action_item(0, "due", None)
    messages = [w.message for w in charter_summary(one_sided).warnings]
    assert "Contoso has no signatory yet." in messages
    assert "Action item 1 has no a due date." not in messages
    assert "Action item 1 has no due date." in messages


def test_warnings_name_questions_as_the_charter_does(agreed_example: Session) -> None:
    session = agreed_example.model_copy(deep=True)
    editor = SessionEditor(session)
    editor.park("change.ending", "Both parties", None)
    editor.park("purpose.shared_goal", "", dt.date(2026, 9, 1))
    editor.resolve("name.kind_in_mind", "adopt_a")
    editor.set_answer("A", "name.kind_in_mind", None)
    prompts = {question.id: question.prompt for question in session.template.questions()}
    messages = [w.message for w in charter_summary(session).warnings]
    assert f'The parked question "{prompts["change.ending"]}" has no due date.' in messages
    assert f'The parked question "{prompts["purpose.shared_goal"]}" has no owner.' in messages
    assert not any("change.ending" in message for message in messages), "ids mean nothing to people"
    assert (
        f'The question "{prompts["name.kind_in_mind"]}" adopts the answer of Northwind, '
        "which has not answered it."
    ) in messages


def test_a_charter_without_signatories_says_so(tmp_path: Path) -> None:
    session = example_session()
    for _ in session.agreement.signatories[:]:
        SessionEditor(session).remove_signatory(0)
    pdf, _, _ = charter_pdf(session)
    text = " ".join(page_texts(pdf))
    assert "The signatories are still to be named." in text
    assert "No definition has been agreed yet." in text


def test_very_long_texts_run_across_pages(agreed_example: Session, tmp_path: Path) -> None:
    session = agreed_example.model_copy(deep=True)
    editor = SessionEditor(session)
    long_comment = " ".join(f"word{number}" for number in range(6000)) + " THE-END"
    editor.set_comment("B", "sharing.costs", long_comment)
    editor.set_definition("\n".join(f"Clause {number}." for number in range(400)))
    target = tmp_path / "long.pdf"
    exported = export_charter(session, target, CharterOptions(include_comments=True))
    text = " ".join(page_texts(target.read_bytes()))
    assert "word5999 THE-END" in text
    assert "Clause 399." in text
    assert exported.pages == len(PdfReader(target).pages)


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf is not installed")
def test_qpdf_finds_the_pdf_valid(hostile_session: Session, tmp_path: Path) -> None:
    target = tmp_path / "charter.pdf"
    export_charter(hostile_session, target, CharterOptions(paper="Letter"))
    result = subprocess.run(
        ["qpdf", "--check", str(target)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No syntax or stream encoding errors" in result.stdout
    width, height = PdfReader(target).pages[0].mediabox.upper_right
    assert (round(width), round(height)) == (612, 792)


@pytest.mark.slow
def test_a_thousand_questions_make_a_long_valid_charter(tmp_path: Path) -> None:
    session = synthetic_session(questions=1000, sections=50, seed=7)
    editor = SessionEditor(session)
    for question in list(session.template.questions())[::7]:
        editor.resolve(question.id, "adopt_a")
    target = tmp_path / "large.pdf"
    exported = export_charter(session, target)
    reader = PdfReader(target)
    assert exported.pages == len(reader.pages) > 150
    assert "Page 1 of" in reader.pages[0].extract_text()
    last = flat(reader.pages[-1].extract_text())
    assert f"Page {exported.pages} of {exported.pages}" in last
    assert len(outline_titles(reader)) == 1 + 8 + 3 * 50 + 1 + 3, "sections, and their parts"
    if shutil.which("qpdf"):
        result = subprocess.run(["qpdf", "--check", str(target)], capture_output=True, check=False)
        assert result.returncode == 0


def test_many_sections_run_the_gap_chart_over_pages() -> None:
    session = synthetic_session(questions=140, sections=70, seed=3)
    pdf, _, _ = charter_pdf(session)
    reader = PdfReader(io.BytesIO(pdf))
    section_4 = next(e for e in reader.outline if getattr(e, "title", "").startswith("4 "))
    first = reader.get_destination_page_number(section_4)
    pages = [flat(reader.pages[first + offset].extract_text()) for offset in range(3)]
    start = next(i for i, page in enumerate(pages) if "The gap in each section" in page)
    assert "Section 1 " in pages[start]
    assert "Section 70 " not in pages[start]
    assert "Section 70 " in " ".join(pages[start + 1 :])


def test_a_failed_write_leaves_nothing_behind(
    agreed_example: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(FileProblem) as problem:
        export_charter(agreed_example, tmp_path / "missing" / "charter.pdf")
    assert "does not exist" in str(problem.value)
    assert not (tmp_path / "missing").exists()

    with pytest.raises(FileProblem, match="folder"):
        export_charter(agreed_example, tmp_path)

    existing = tmp_path / "charter.pdf"
    existing.write_bytes(b"the previous charter")

    def fail(source: object, target: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(FileProblem) as problem:
        export_charter(agreed_example, existing)
    assert "No space left on device" in str(problem.value)
    assert existing.read_bytes() == b"the previous charter"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["charter.pdf"]


@pytest.mark.skipif(os.name != "posix", reason="file modes are a POSIX matter")
def test_the_pdf_is_an_ordinary_file_others_may_read(
    agreed_example: Session, tmp_path: Path
) -> None:
    previous = os.umask(0o022)
    try:
        export_charter(agreed_example, tmp_path / "new.pdf")
    finally:
        os.umask(previous)
    assert (tmp_path / "new.pdf").stat().st_mode & 0o777 == 0o644
    private = tmp_path / "private.pdf"
    private.write_bytes(b"old")
    private.chmod(0o600)
    export_charter(agreed_example, private)
    assert private.stat().st_mode & 0o777 == 0o600, "a replaced file keeps its permissions"


def test_reportlab_is_loaded_only_when_a_charter_is_made() -> None:
    script = (
        "import sys\n"
        "import partnerworkshop.app, partnerworkshop.export.charter\n"
        "import partnerworkshop.model.fingerprint\n"
        "print('reportlab' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_a_session_that_claims_agreed_without_grounds_exports_a_draft(tmp_path: Path) -> None:
    session = example_session()
    session.agreement.status = "agreed"  # a file edited by hand: 42 questions open, no signatory
    path = tmp_path / "claimed.pws.json"
    path.write_text(session.model_dump_json(), encoding="utf-8")
    pdf, summary, _ = charter_pdf(session)
    assert summary.status == "draft"
    pages = page_texts(pdf)
    assert all("DRAFT" in page for page in pages)
    assert "Draft: not yet agreed" in pages[0] and "Agreed by both parties" not in pages[0]
    (claim,) = [w for w in summary.warnings if w.kind == "marked_agreed_without_grounds"]
    assert claim.message.startswith("The session is marked agreed, but it is not: 42 questions")
    assert "draft" not in {w.kind for w in summary.warnings}, "one warning says it"


def test_an_empty_agreed_position_is_warned_about_and_printed_as_not_agreed() -> None:
    session = example_session()
    SessionEditor(session).resolve("sharing.payment_model", "agreed")
    pdf, summary, _ = charter_pdf(session)
    (empty,) = [w for w in summary.warnings if w.kind == "agreed_position_empty"]
    assert "How should money flow between the two organisations?" in empty.message
    assert "no answer chosen yet" in empty.message
    text = " ".join(page_texts(pdf))
    assert "No answer recorded" not in text and "New position agreed" not in text


def test_individual_answers_are_counted_never_shown() -> None:
    session = individual_example()
    james = session.parties.A.representatives[0].id
    private = "Whitfield's private doubt about the budget"
    trust = next(iter(session.individual.A.by_representative[james]))
    own = session.individual.A.by_representative[james][trust]
    session.individual.A.by_representative[james][trust] = own.model_copy(
        update={"comment": private}
    )
    text = " ".join(page_texts(charter_pdf(session)[0]))
    assert "Northwind's answers were consolidated from 2 representatives." in text
    assert "Contoso's answers were consolidated" not in text
    assert "Whitfield'sprivatedoubt" not in text.replace(" ", "")
