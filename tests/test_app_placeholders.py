"""The hints in empty fields are neutral examples, never the example session's organisations."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit
from ui_driver import click

from partnerworkshop.model.agreement import agreement_progress
from partnerworkshop.model.catalog import example_session
from partnerworkshop.ui.main_window import MainWindow


def _hints(window: MainWindow) -> list[str]:
    return [
        field.placeholderText()
        for kind in (QLineEdit, QPlainTextEdit)
        for field in window.findChildren(kind)
        if field.placeholderText()
    ]


def test_no_hint_names_the_example_sessions_organisations(window: MainWindow) -> None:
    example = example_session()
    names = {
        word
        for party in (example.parties.A, example.parties.B)
        for word in re.findall(r"\w{4,}", f"{party.organisation} {party.label}")
    }
    for step in range(5):
        window.go_to_step(step)
    hints = _hints(window)  # a new workshop, its fields still empty
    window.set_document(example, None)
    page = window.agree_page
    window.go_to_step(3)
    page.show_item(agreement_progress(window.session).to_settle[0])
    click(page.panel.choice_buttons["parked"])
    panel_fields = (page.panel.owner, page.panel.wording, page.panel.notes)
    hints += [field.placeholderText() for field in panel_fields]
    assert len(hints) >= 8, "the set-up fields and the parked item's fields have hints"
    for hint in hints:
        assert not names & set(re.findall(r"\w+", hint)), hint
