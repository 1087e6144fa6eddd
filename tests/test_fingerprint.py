"""The fingerprint changes when, and only when, the agreed content changes."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from factories import agree_on_example, make_small_template, park_the_rest
from hypothesis import given, settings
from strategies import any_text, sessions

from partnerworkshop.model.catalog import example_session
from partnerworkshop.model.edits import SessionEditor
from partnerworkshop.model.fingerprint import (
    agreed_content,
    canonical_json,
    fingerprint,
)
from partnerworkshop.model.kinds import RelationshipKind
from partnerworkshop.model.session import ActionItem, CharterVersion, Representative, Session
from partnerworkshop.model.storage import session_from_json, session_to_json

Edit = Callable[[SessionEditor], object]
SMALL = make_small_template()


@pytest.fixture
def editor() -> SessionEditor:
    return agree_on_example(example_session())


# Questions the example agreement leaves open, with answers that still differ after the edit.
UNCHANGING: dict[str, Edit] = {
    "a comment": lambda e: e.set_comment("A", "sharing.costs", "We said this twice."),
    "an importance": lambda e: e.set_importance("B", "sharing.costs", "low"),
    "an answer to an open question": lambda e: e.set_answer("A", "name.in_our_words", "Ours."),
    "'not sure' on an open question": lambda e: e.set_not_sure("B", "change.deal_breakers", True),
    "the workshop title": lambda e: e.set_workshop("title", "Another title"),
    "the workshop date": lambda e: e.set_workshop("date", date(2027, 1, 1)),
    "the facilitator": lambda e: e.set_workshop("facilitator", "Someone else"),
    "a party colour": lambda e: e.set_party("A", "colour", "#000000"),
    "the answering mode": lambda e: e.set_answer_mode("blind"),
    "a legal name": lambda e: e.set_party("A", "legal_name", "Northwind Logistics Ltd"),
    "the legal effect": lambda e: e.set_legal_effect("binding"),
    "the charter record": lambda e: e.record_charter(CharterVersion(version=7, fingerprint="0")),
}

CHANGING: dict[str, Edit] = {
    "a party's organisation": lambda e: e.set_party("A", "organisation", "Northwind Group"),
    "a party's label": lambda e: e.set_party("B", "label", "Contoso H."),
    "a representative": lambda e: e.add_representative("A", Representative(name="Ann Lee")),
    "an agreed position": lambda e: e.resolve("sharing.risks", "agreed", value=60),
    "how a position was reached": lambda e: e.resolve("governance.who_decides", "adopt_a"),
    "an adopted party's answer": lambda e: e.set_answer(
        "B", "governance.who_decides", "payer_sets"
    ),
    "an agreed wording": lambda e: e.resolve("sharing.costs", "agreed", value=40, wording="40%."),
    "an agreed position's notes": lambda e: e.set_item_notes("sharing.risks", "Reviewed yearly."),
    "parking a question": lambda e: e.park("name.importance", "Board", date(2026, 9, 1)),
    "a parked item's owner": lambda e: e.park("change.ending", "Legal", date(2026, 7, 15)),
    "reopening an agreed question": lambda e: e.reopen("sharing.risks"),
    "a carried-over answer": lambda e: e.set_answer("A", "transparency.trust", 7),
    "both answers becoming equal": lambda e: e.set_answer(
        "A", "name.who_owns_it", e.session.answer("B", "name.who_owns_it").value
    ),
    "the definition": lambda e: e.set_definition("A partnership of equals."),
    "an answer carried over": lambda e: e.set_answer("B", "transparency.trust", 3),
    "a close answer settled in one click": lambda e: e.settle_items(
        [("name.importance", "adopt_a", 4)]
    ),
    "the agreed kind": lambda e: e.set_agreed_kind(RelationshipKind.KEY_ACCOUNT),
    "an action item": lambda e: e.set_action_item(0, "due", date(2026, 8, 1)),
    "a new action item": lambda e: e.add_action_item(ActionItem(what="Book the next meeting")),
    "a signatory": lambda e: e.set_signatory(0, "title", "Chief Executive"),
    "removing a signatory": lambda e: e.remove_signatory(3),
}


@pytest.mark.parametrize("name", UNCHANGING)
def test_edits_outside_the_agreed_content_keep_the_fingerprint(
    editor: SessionEditor, name: str
) -> None:
    before = fingerprint(editor.session)
    assert UNCHANGING[name](editor) is not False, "the edit changed the session"
    editor.session.modified = editor.session.modified + timedelta(hours=1)
    assert fingerprint(editor.session) == before


@pytest.mark.parametrize("name", CHANGING)
def test_edits_to_the_agreed_content_change_the_fingerprint(
    editor: SessionEditor, name: str
) -> None:
    before = fingerprint(editor.session)
    CHANGING[name](editor)
    assert fingerprint(editor.session) != before
    editor.undo()
    assert fingerprint(editor.session) == before


def test_marking_the_session_agreed_changes_the_fingerprint(editor: SessionEditor) -> None:
    park_the_rest(editor)
    before = fingerprint(editor.session)
    editor.set_status("agreed")
    assert fingerprint(editor.session) != before
    editor.undo()
    assert fingerprint(editor.session) == before


def test_the_fingerprint_is_the_sha256_of_the_canonical_agreed_content(
    editor: SessionEditor,
) -> None:
    content = agreed_content(editor.session)
    encoded = canonical_json(content)
    assert json.loads(encoded) == content
    assert encoded == json.dumps(
        content, sort_keys=True, separators=(",", ":"), ensure_ascii=False
    ).encode("utf-8")
    assert fingerprint(editor.session) == hashlib.sha256(encoded).hexdigest()
    assert set(content) == {
        "format",
        "questionnaire",
        "parties",
        "status",
        "definition",
        "agreed_kind",
        "positions",
        "action_items",
        "signatories",
    }
    reached = {position["question"]: position["reached"] for position in content["positions"]}
    assert reached["sharing.costs"] == "agreed"
    assert reached["transparency.trust"] == "carried_over"
    assert reached["change.ending"] == "parked"
    assert reached["name.importance"] == "adopt_b", "close answers are settled, not carried over"
    statements = {p["question"]: p["statement"] for p in content["positions"]}
    assert statements["sharing.costs"].startswith("Contoso carries 60% of the costs")
    assert "name.in_our_words" not in reached, "open questions are not agreed content"


@settings(max_examples=40)
@given(sessions(SMALL))
def test_the_fingerprint_survives_saving_and_loading(session: Session) -> None:
    reloaded = session_from_json(json.loads(session_to_json(session)), Path("w.pws.json"))
    assert fingerprint(reloaded) == fingerprint(session)
    assert len(fingerprint(session)) == 64


@settings(max_examples=40)
@given(sessions(SMALL), any_text)
def test_comments_never_change_the_fingerprint(session: Session, comment: str) -> None:
    before = fingerprint(session)
    SessionEditor(session).set_comment("A", "trust", comment)
    assert fingerprint(session) == before
