"""The charter's content as one value: what it prints, its identity, its changes, its framing."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import re
import shutil
import subprocess
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from factories import agree_on_example
from pypdf import PdfReader

from partnerworkshop.export.charter import (
    CharterOptions,
    charter_content,
    make_charter,
)
from partnerworkshop.export.charter import content as content_module
from partnerworkshop.model import analysis as analysis_module
from partnerworkshop.model.catalog import example_session
from partnerworkshop.model.edits import SessionEditor
from partnerworkshop.model.positions import agreed_positions
from partnerworkshop.model.session import Representative, Session, Signatory
from partnerworkshop.model.storage import session_from_json, session_to_json

FIRST = datetime(2026, 5, 14, 16, 30, tzinfo=UTC)
LATER = datetime(2026, 6, 2, 9, 15, tzinfo=UTC)


def flat(text: str) -> str:
    return " ".join(text.split())


def texts(pdf: bytes) -> list[str]:
    return [flat(page.extract_text()) for page in PdfReader(io.BytesIO(pdf)).pages]


@pytest.fixture
def editor() -> SessionEditor:
    return agree_on_example(example_session())


def exported(editor: SessionEditor, at: datetime = FIRST, **options: object) -> SessionEditor:
    """Record an export of the charter as the app does, and return the editor."""
    content = charter_content(editor.session, CharterOptions(**options), at=at)  # type: ignore[arg-type]
    if content.identity.new_version:
        editor.record_charter(content.identity.record)
    return editor


Edit = Callable[[SessionEditor], object]
PRINTED: dict[str, Edit] = {
    "the workshop title": lambda e: e.set_workshop("title", "Another title"),
    "the workshop date": lambda e: e.set_workshop("date", dt.date(2027, 1, 1)),
    "the workshop location": lambda e: e.set_workshop("location", "Online"),
    "the facilitator": lambda e: e.set_workshop("facilitator", "Someone else"),
    "a legal name": lambda e: e.set_party("A", "legal_name", "Northwind Logistics Ltd"),
    "a registration number": lambda e: e.set_party("B", "registration_number", "0123"),
    "a registered address": lambda e: e.set_party("B", "registered_address", "1 Main St"),
    "the legal effect": lambda e: e.set_legal_effect("binding"),
    "the effective date": lambda e: e.set_effective_date(dt.date(2026, 7, 1)),
    "the definition": lambda e: e.set_definition("A partnership of equals."),
    "an agreed position": lambda e: e.resolve("sharing.risks", "agreed", value=60),
    "a comment, shown": lambda e: e.set_comment("A", "sharing.risks", "Shown now."),
    "a signatory's title": lambda e: e.set_signatory(0, "title", "Chief Executive"),
    "a representative": lambda e: e.add_representative("A", Representative(name="Ann Lee")),
    "an answer to an open question": lambda e: e.set_answer("A", "name.in_our_words", "Ours."),
    "a party's short name": lambda e: e.set_party("A", "label", "NW"),
    "an action item": lambda e: e.set_action_item(0, "status", "done"),
    "the confidentiality marking": lambda e: None,
}
NOT_PRINTED: dict[str, Edit] = {
    "a party's colour": lambda e: e.set_party("A", "colour", "#000000"),
    "the answering mode": lambda e: e.set_answer_mode("blind"),
    "a comment, left out": lambda e: e.set_comment("A", "sharing.risks", "Internal only."),
}


@pytest.mark.parametrize("edit", PRINTED.values(), ids=PRINTED.keys())
def test_the_identity_changes_with_each_printed_field(editor: SessionEditor, edit: Edit) -> None:
    include = edit is PRINTED["a comment, shown"]
    exported(editor, include_comments=include)
    before = charter_content(editor.session, CharterOptions(include_comments=include), at=LATER)
    assert not before.identity.new_version, "exporting the same again keeps the version"
    assert (before.version, before.document_id[-3:]) == (1, "001")
    edit(editor)
    marking = "Internal" if edit is PRINTED["the confidentiality marking"] else "Confidential"
    options = CharterOptions(confidentiality=marking, include_comments=include)
    after = charter_content(editor.session, options, at=LATER)
    assert after.identity.new_version
    assert after.version == 2
    assert after.document_id == before.document_id[:-3] + "002"
    assert after.identity.exported == LATER


@pytest.mark.parametrize("edit", NOT_PRINTED.values(), ids=NOT_PRINTED.keys())
def test_the_identity_stays_without_a_printed_change(editor: SessionEditor, edit: Edit) -> None:
    exported(editor)
    edit(editor)
    again = charter_content(editor.session, CharterOptions(paper="Letter"), at=LATER)
    assert not again.identity.new_version
    assert again.version == 1
    assert again.identity.exported == FIRST, "the unchanged version keeps its time"


def test_printed_options_are_part_of_the_identity(editor: SessionEditor) -> None:
    exported(editor)
    for options in (CharterOptions(include_comments=True), CharterOptions(confidentiality="")):
        assert charter_content(editor.session, options, at=LATER).identity.new_version


def test_the_same_content_gives_the_same_bytes_and_dates_as_the_cover(
    editor: SessionEditor,
) -> None:
    exported(editor)
    first = make_charter(editor.session, at=LATER)
    second = make_charter(editor.session, at=LATER + dt.timedelta(days=3))
    assert first.pdf == second.pdf, "an unchanged version is the same file"
    metadata = PdfReader(io.BytesIO(first.pdf)).metadata
    assert metadata is not None and metadata.creation_date is not None
    assert metadata.creation_date.astimezone(UTC) == FIRST
    assert metadata.modification_date is not None
    assert metadata.modification_date.astimezone(UTC) == FIRST
    assert "Exported 14 May 2026, 16:30 UTC" in texts(first.pdf)[0]


def test_source_date_epoch_gives_identical_files(
    editor: SessionEditor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(LATER.timestamp())))
    first = make_charter(editor.session)
    second = make_charter(editor.session)
    assert first.pdf == second.pdf
    assert first.content.identity.exported == LATER
    assert "Exported 2 June 2026, 09:15 UTC" in texts(first.pdf)[0]


def test_the_analysis_runs_once_per_charter(
    editor: SessionEditor, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[Session] = []
    real = analysis_module.analyse

    def counted(session: Session) -> analysis_module.Analysis:
        calls.append(session)
        return real(session)

    monkeypatch.setattr(content_module, "analyse", counted)
    monkeypatch.setattr(analysis_module, "analyse", counted)
    make_charter(editor.session)
    assert len(calls) == 1


def test_the_change_log_lists_what_changed_since_the_last_version(
    editor: SessionEditor,
) -> None:
    exported(editor)
    editor.set_workshop("title", "The charter, revised")
    editor.resolve("sharing.risks", "agreed", value=70)
    editor.park("name.importance", "Legal teams", dt.date(2026, 9, 1))
    editor.set_party("B", "legal_name", "Contoso Health NHS Trust")
    editor.add_signatory(Signatory(party="A", name="Ann Lee", title="Chair"))
    editor.set_comment("A", "sharing.risks", "Left out: not a change.")
    content = charter_content(editor.session, at=LATER)
    changes = content.changes
    assert changes is not None
    assert changes.heading.title == "Changes since version 1"
    listed = {(change.kind, change.label) for change in changes.changes}
    assert ("changed", "The workshop's title") in listed
    assert ("changed", "Party B: legal name") in listed
    assert ("added", "Signatory 3 for Northwind") in listed
    assert any(kind == "added" and label.startswith("Parked item") for kind, label in listed)
    risks = next(c for c in changes.changes if c.label.startswith("Agreed position 4.2"))
    assert risks.kind == "changed"
    assert "Northwind and Contoso bear the losses equally" in risks.before
    assert "Northwind bears 70% of the losses and Contoso 30%" in risks.after
    assert not any("comment" in label.lower() for _, label in listed)

    pages = texts(make_charter(editor.session, at=LATER).pdf)
    log = next(page for page in pages if "Changes since version 1" in page)
    assert "The charter, revised" in log and "Contoso Health NHS Trust" in log
    contents = next(page for page in pages if "Contents" in page)
    assert "Changes since version 1 2" in contents, "the contents list it"
    assert "The list of changes since version 1 is given for information only" in pages[0]


def test_a_first_version_has_no_change_log(editor: SessionEditor) -> None:
    content = charter_content(editor.session, at=FIRST)
    assert content.changes is None
    assert not any("Changes since" in page for page in texts(make_charter(editor.session).pdf))


def test_changes_since_a_version_from_an_earlier_release_say_they_cannot_be_listed(
    editor: SessionEditor,
) -> None:
    raw = json.loads(session_to_json(editor.session))
    raw["schema_version"] = 1
    raw["agreement"].pop("charters")
    raw["agreement"]["charter"] = {
        "version": 3,
        "fingerprint": "ab" * 32,
        "exported": "2026-05-01T10:00:00Z",
    }
    migrated = session_from_json(raw, Path("old.pws.json"))
    (version,) = migrated.agreement.charters
    assert (version.version, version.content, version.printed) == (3, "", {})
    content = charter_content(migrated, at=LATER)
    assert content.version == 4
    assert content.changes is not None and content.changes.note is not None
    assert "did not keep a record" in content.changes.note.words


def test_a_never_exported_version_1_file_has_no_versions() -> None:
    raw = json.loads(session_to_json(example_session()))
    raw["schema_version"] = 1
    raw["agreement"].pop("charters")
    raw["agreement"]["charter"] = {"version": 0, "fingerprint": "", "exported": None}
    assert session_from_json(raw, Path("old.pws.json")).agreement.charters == []


def test_comments_are_left_out_unless_asked_for(editor: SessionEditor) -> None:
    editor.set_comment("A", "sharing.costs", "Internally this is one of our five key accounts.")
    left_out = " ".join(texts(make_charter(editor.session).pdf))
    assert "five key accounts" not in left_out
    assert "their comments are left out" in left_out
    shown = make_charter(editor.session, CharterOptions(include_comments=True))
    text = " ".join(texts(shown.pdf))
    assert "Comment: Internally this is one of our five key accounts." in text
    assert [(p.kind, p.included) for p in shown.summary.optional_parts] == [
        ("comments", True),
        ("changes", False),
    ]


def test_the_legal_framing_and_details_are_printed(editor: SessionEditor) -> None:
    editor.set_party("A", "legal_name", "Northwind Logistics Limited")
    editor.set_party("A", "registration_number", "Company no. 04567890")
    editor.set_party("A", "registered_address", "12 Quay Street, Hull HU1 1AA")
    cover = texts(make_charter(editor.session).pdf)[0]
    assert "Legal name: Northwind Logistics Limited" in cover
    assert "Registration number: Company no. 04567890" in cover
    assert "Registered address: 12 Quay Street, Hull HU1 1AA" in cover
    assert "It is not legally binding and creates no legal obligations." in cover
    assert "definitive agreements" in cover
    assert "takes effect on the date on which the last of its signatories signs it" in cover
    assert "The appendices are attached for information only" in cover
    assert "consists of this cover and sections 1 to 6" in cover

    editor.set_legal_effect("binding")
    editor.set_effective_date(dt.date(2026, 7, 1))
    charter = make_charter(editor.session)
    cover = texts(charter.pdf)[0]
    assert "intend this charter to be legally binding" in cover
    assert "each party should take legal advice before signing it" in cover
    assert "This charter takes effect on 1 July 2026." in cover
    assert "binding" in {warning.kind for warning in charter.summary.warnings}
    signatures = next(p for p in texts(charter.pdf) if "Signed on behalf" in p)
    assert "Authorised to sign for Northwind Logistics Limited" in signatures


def test_every_question_of_the_annex_shows_what_it_offered(editor: SessionEditor) -> None:
    content = charter_content(editor.session)
    entries = [entry for group in content.questionnaire.groups for entry in group.questions]
    assert len(entries) == editor.session.template.question_count
    pages = texts(make_charter(editor.session).pdf)
    annex = " ".join(pages[next(i for i, p in enumerate(pages) if "Appendix B The" in p) :])
    for question in editor.session.template.questions():
        for option in getattr(question, "options", []):
            assert flat(option.label) in annex, question.id
        for point in getattr(question, "points", []):
            assert flat(f"{point.value}: {point.label}") in annex, question.id


def test_the_draft_mark_leaves_no_letters_in_the_text(editor: SessionEditor) -> None:
    pdf = make_charter(editor.session).pdf
    for page in texts(pdf):
        assert page.count("DRAFT") == 1, "the status, once, in the header"
    if shutil.which("pdftotext"):
        result = subprocess.run(
            ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
        )
        lines = result.stdout.decode().splitlines()
        assert not [line for line in lines if re.fullmatch(r"\s*[DRAFT]\s*", line)]


def test_signature_places_are_recorded_on_each_line(editor: SessionEditor) -> None:
    charter = make_charter(editor.session)
    places = charter.signature_places
    signatories = editor.session.agreement.signatories
    assert sorted((p.party, p.name) for p in places) == sorted(
        (s.party, s.name) for s in signatories
    )
    pages = texts(charter.pdf)
    for place in places:
        assert place.name in pages[place.page - 1]
        assert place.width > 100 and place.height > 20
    by_pair: dict[int, list[float]] = {}
    for place in places:
        by_pair.setdefault(place.index, []).append(place.y)
    assert all(len(set(ys)) == 1 for ys in by_pair.values()), "both parties' lines are level"


def test_the_content_is_plain_values(editor: SessionEditor) -> None:
    content = charter_content(editor.session)
    assert dataclasses.is_dataclass(content)
    for text in content.texts():
        assert "<b>" not in text and "<i>" not in text and "<br/>" not in text


def test_sections_1_to_3_print_statements_not_the_questionnaires_wording(
    editor: SessionEditor,
) -> None:
    pages = texts(make_charter(editor.session).pdf)
    start = next(i for i, page in enumerate(pages) if page.count("1 The shared definition") and i)
    end = next(i for i, page in enumerate(pages) if "4 Where we started How far" in page)
    sections = " ".join(pages[start:end])
    positions = agreed_positions(editor.session)
    assert sum(p.is_agreed for p in positions) > 20
    for position in positions:
        assert flat(position.question.prompt) not in sections, position.question.id
        if position.is_agreed:
            assert flat(position.statement) in sections, position.question.id
    appendices = " ".join(pages[end:])
    assert all(flat(p.question.prompt) in appendices for p in positions)


def _long_session() -> SessionEditor:
    editor = agree_on_example(example_session())
    editor.set_party("A", "legal_name", "Northwind Logistics and Supply Chain Services Limited")
    editor.set_definition(" ".join(["We share the work, the costs and the savings."] * 120))
    for number in range(6):
        for party in ("A", "B"):
            editor.add_signatory(Signatory(party=party, name=f"Signatory {party}{number}"))
    return editor


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_layout_rules_hold_on_a_long_charter(paper: str) -> None:
    editor = _long_session()
    charter = make_charter(editor.session, CharterOptions(paper=paper))  # type: ignore[arg-type]
    pages = texts(charter.pdf)
    content = charter.content
    headings = [h.label for h in content.headings()]
    headings += [g.heading.label for g in content.positions.groups]
    headings += ["Principles", "The kind of relationship", "The agreed definition"]
    for number, page in enumerate(pages, 1):
        body = page.split(" Document CH-")[0]
        assert not any(body.endswith(flat(heading)) for heading in headings), number

    contents = next(i for i, page in enumerate(pages) if "Contents" in page)
    assert contents == 0 or "1 The shared definition The agreed definition" in pages[contents]

    signature_pages = sorted({place.page for place in charter.signature_places})
    assert len(signature_pages) > 1, "enough signatories to run over a page"
    for page in signature_pages:
        assert "Northwind Logistics and Supply Chain Services Limited" in pages[page - 1]
        assert "Contoso Health NHS Foundation Trust" in pages[page - 1]
    rows: dict[tuple[int, int], set[float]] = {}
    for place in charter.signature_places:
        rows.setdefault((place.page, place.index), set()).add(round(place.y, 1))
    assert all(len(ys) == 1 for ys in rows.values()), "each pair of lines is level"


def test_a_table_never_leaves_a_lone_row_on_a_page() -> None:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    from partnerworkshop.export.charter.layout import KeptTable

    style = ParagraphStyle("cell", fontSize=9, leading=12)
    rows = [[Paragraph(f"Row {number}", style)] for number in range(10)]
    table = KeptTable(rows, colWidths=[200], page_height=700)
    _, height = table.wrap(200, 700)
    row = height / 10
    first, rest = table.split(200, 9 * row + 1)
    assert (len(first._cellvalues), len(rest._cellvalues)) == (8, 2), "two rows go over"
    assert table.split(200, row + 1) == [], "one row alone waits for the next page"
    first, rest = table.split(200, 2 * row + 1)
    assert (len(first._cellvalues), len(rest._cellvalues)) == (2, 8)
