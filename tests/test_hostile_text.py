"""Hostile text in every field survives saving and loading exactly; lone surrogates are refused.

Markup, control characters, right-to-left text and bidi overrides, emoji and joined sequences,
combining marks and 10,000-character texts are plain text to the app: typed into any field, saved
and loaded, they come back character for character. A lone surrogate (half of a character code,
which no file can hold) is refused with a clear message when typed and when found in a file.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hostile import HOSTILE_TEXTS, LONG_TEXT, hostile_session
from hypothesis import given, settings
from hypothesis import strategies as st

from partnerworkshop.errors import FileProblem
from partnerworkshop.model.catalog import example_session
from partnerworkshop.model.edits import EditError, SessionEditor
from partnerworkshop.model.session import AgreementItem, Session, Signatory
from partnerworkshop.model.storage import load_session, save_session, session_to_json

EXAMPLE = session_to_json(example_session())
TEXT_QUESTION = "name.in_our_words"
QUESTION = "name.importance"

Setter = Callable[[SessionEditor, str], object]
Getter = Callable[[Session], str]


def _with_rows(editor: SessionEditor) -> SessionEditor:
    """An action item and a signatory to type into (the example session has none)."""
    editor.add_action_item()
    editor.add_signatory(Signatory(party="A"))
    return editor


def _item(session: Session, question_id: str) -> AgreementItem:
    return session.agreement.items.get(question_id) or AgreementItem()


# Every text a person can type into a session, with where to read it back.
TEXT_FIELDS: dict[str, tuple[Setter, Getter]] = {
    "workshop title": (
        lambda e, t: e.set_workshop("title", t),
        lambda s: s.workshop.title,
    ),
    "workshop location": (
        lambda e, t: e.set_workshop("location", t),
        lambda s: s.workshop.location,
    ),
    "facilitator": (
        lambda e, t: e.set_workshop("facilitator", t),
        lambda s: s.workshop.facilitator,
    ),
    "organisation": (
        lambda e, t: e.set_party("A", "organisation", t),
        lambda s: s.parties.A.organisation,
    ),
    "short label": (
        lambda e, t: e.set_party("B", "label", t[:40]),
        lambda s: s.parties.B.label,
    ),
    "representative name": (
        lambda e, t: e.set_representative("A", 0, "name", t),
        lambda s: s.parties.A.representatives[0].name,
    ),
    "representative role": (
        lambda e, t: e.set_representative("B", 1, "role", t),
        lambda s: s.parties.B.representatives[1].role,
    ),
    "comment": (
        lambda e, t: e.set_comment("A", QUESTION, t),
        lambda s: s.answer("A", QUESTION).comment,
    ),
    "text answer": (
        lambda e, t: e.set_answer("B", TEXT_QUESTION, t),
        lambda s: str(s.answer("B", TEXT_QUESTION).value),
    ),
    "agreed wording": (
        lambda e, t: e.resolve(QUESTION, "agreed", wording=t),
        lambda s: _item(s, QUESTION).wording,
    ),
    "agreed text answer": (
        lambda e, t: e.resolve(TEXT_QUESTION, "agreed", value=t),
        lambda s: str(_item(s, TEXT_QUESTION).value),
    ),
    "item notes": (
        lambda e, t: e.set_item_notes(QUESTION, t),
        lambda s: _item(s, QUESTION).notes,
    ),
    "parked item owner": (
        lambda e, t: e.park("name.who_owns_it", t, None),
        lambda s: _item(s, "name.who_owns_it").owner,
    ),
    "agreed definition": (
        lambda e, t: e.set_definition(t),
        lambda s: s.agreement.definition,
    ),
    "action item": (
        lambda e, t: e.set_action_item(0, "what", t),
        lambda s: s.agreement.action_items[0].what,
    ),
    "action item owner": (
        lambda e, t: e.set_action_item(0, "owner", t),
        lambda s: s.agreement.action_items[0].owner,
    ),
    "signatory name": (
        lambda e, t: e.set_signatory(0, "name", t),
        lambda s: s.agreement.signatories[0].name,
    ),
    "signatory title": (
        lambda e, t: e.set_signatory(0, "title", t),
        lambda s: s.agreement.signatories[0].title,
    ),
    "signatory organisation": (
        lambda e, t: e.set_signatory(0, "organisation", t),
        lambda s: s.agreement.signatories[0].organisation,
    ),
}


def _saved_and_loaded(session: Session, path: Path) -> Session:
    save_session(session, path)
    data = path.read_bytes()
    json.loads(data.decode("utf-8"))  # strict UTF-8 and strict JSON: control characters escaped
    loaded = load_session(path)
    assert session_to_json(loaded).encode("utf-8") == data, "saving again changes nothing"
    return loaded


@pytest.mark.parametrize("sample", list(HOSTILE_TEXTS))
def test_hostile_text_typed_into_every_field_comes_back_exactly(
    tmp_path: Path, sample: str
) -> None:
    text = HOSTILE_TEXTS[sample]
    editor = _with_rows(SessionEditor(example_session()))
    for setter, _ in TEXT_FIELDS.values():
        setter(editor, text)
    loaded = _saved_and_loaded(editor.session, tmp_path / "hostile.pws.json")
    assert loaded == editor.session
    for field, (_, getter) in TEXT_FIELDS.items():
        expected = text[:40] if field == "short label" else text
        assert getter(loaded) == expected, field


def _strings(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield key
            yield from _strings(value)
    elif isinstance(node, list):
        for item in node:
            yield from _strings(item)


def test_the_hostile_session_survives_saving_and_loading(tmp_path: Path) -> None:
    session = hostile_session()
    loaded = _saved_and_loaded(session, tmp_path / "hostile.pws.json")
    assert loaded == session
    strings = list(_strings(loaded.model_dump(mode="json")))
    for name, text in HOSTILE_TEXTS.items():
        assert any(text in string for string in strings), name
    assert loaded.agreement.definition == LONG_TEXT
    assert len(loaded.agreement.definition) == 10_000
    assert loaded.answer("B", TEXT_QUESTION).comment == LONG_TEXT
    assert loaded.problems() == []


@pytest.fixture(scope="module")
def round_trip_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("any-text") / "any text.pws.json"


# Any text a keyboard, a paste or another program can produce (a lone surrogate cannot be saved).
any_text = st.text(st.characters(codec="utf-8"), max_size=200)


@given(text=any_text, field=st.sampled_from(list(TEXT_FIELDS)))
@settings(max_examples=100, derandomize=True, database=None)
def test_any_text_in_any_field_comes_back_exactly(
    round_trip_path: Path, generated_inputs: Counter[str], text: str, field: str
) -> None:
    setter, getter = TEXT_FIELDS[field]
    editor = _with_rows(SessionEditor(Session.model_validate_json(EXAMPLE)))
    setter(editor, text)
    loaded = _saved_and_loaded(editor.session, round_trip_path)
    assert getter(loaded) == getter(editor.session)
    generated_inputs["texts typed, saved and loaded"] += 1


@pytest.mark.parametrize("field", list(TEXT_FIELDS))
def test_a_lone_surrogate_is_refused_when_typed(tmp_path: Path, field: str) -> None:
    setter, _ = TEXT_FIELDS[field]
    editor = _with_rows(SessionEditor(example_session()))
    before = session_to_json(editor.session)
    with pytest.raises(EditError, match=r'the text "Zo\\ud800" holds an invalid character code'):
        setter(editor, "Zo\ud800")
    assert session_to_json(editor.session) == before, "the refused edit changed nothing"
    assert _saved_and_loaded(editor.session, tmp_path / "still.pws.json") == editor.session


@pytest.mark.parametrize("field", ["workshop", "comment", "text answer", "name of an answer"])
def test_a_lone_surrogate_in_a_file_is_refused_with_a_clear_message(
    tmp_path: Path, field: str
) -> None:
    text = session_to_json(hostile_session())
    escape = "\\udc9f"
    damaged = {
        "workshop": text.replace('"title": "', f'"title": "{escape}', 1),
        "comment": text.replace('"comment": "', f'"comment": "{escape}', 1),
        "text answer": text.replace('"value": "<b>', f'"value": "{escape}<b>', 1),
        "name of an answer": text.replace(f'"{QUESTION}": {{', f'"{QUESTION}{escape}": {{', 1),
    }[field]
    assert damaged != text
    path = tmp_path / "surrogate.pws.json"
    path.write_text(damaged, encoding="utf-8")
    with pytest.raises(FileProblem) as refused:
        load_session(path)
    [problem] = refused.value.problems
    assert problem.endswith("holds an invalid character code (\\udc9f)"), problem


def _squeezed(text: str) -> str:
    """Text without any white space: a PDF wraps lines where it likes."""
    return "".join(text.split())


def test_the_hostile_session_is_analysed_and_its_charter_prints_the_text_literally() -> None:
    import io
    import json

    from pypdf import PdfReader

    from partnerworkshop.export.charter import charter_pdf
    from partnerworkshop.export.comparison import comparison_json, comparison_text
    from partnerworkshop.model.analysis import analyse

    session = hostile_session()
    analysis = analyse(session)
    assert analysis.headline.text
    assert analysis.agenda
    json.dumps(comparison_json(analysis))
    assert session.parties.A.display_name("A") in comparison_text(analysis)
    northwind = analysis.inside["A"]
    assert northwind is not None
    names = [person.name for person in session.parties.A.representatives[:2]]
    assert [item.respondent.label for item in northwind.representatives] == names
    assert all(name in comparison_json(analysis)["inside"]["A"]["headline"] for name in names)

    pdf, _, pages = charter_pdf(session)
    printed = _squeezed(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))
    assert pages == len(PdfReader(io.BytesIO(pdf)).pages)
    agreement = session.agreement
    parties = (session.parties.A, session.parties.B)
    typed = [
        session.workshop.title,
        session.workshop.facilitator,
        session.template.title,
        *(party.organisation for party in parties),
        *(person.name for party in parties for person in party.representatives),
        *(person.role for party in parties for person in party.representatives),
        *(text for s in agreement.signatories for text in (s.name, s.title, s.organisation)),
        *(text for i in agreement.items.values() for text in (i.wording, i.notes, i.owner)),
        agreement.action_items[0].what,
        *(section.title for section in session.template.sections),
        *(question.prompt for question in session.template.questions()),
    ]
    # Text that extracts from a PDF exactly as typed: characters in the shipped font, no
    # control or direction characters (which print as spaces or reorder the line).
    plain = [text for text in typed if text.isascii() and text.isprintable()]
    assert len(plain) >= 10, "enough of the hostile texts are plain ASCII to check exactly"
    for text in plain:
        assert _squeezed(text) in printed, text
    assert "<b>bold</b>" in printed, "markup is printed, not obeyed"
