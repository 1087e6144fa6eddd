"""The hints in empty fields are neutral examples, never the example session's organisations."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit
from ui_driver import click

from partnerworkshop.model.agreement import agreement_progress
from partnerworkshop.model.catalog import example_session
from partnerworkshop.ui.main_window import MainWindow


def test_no_hint_names_the_example_sessions_organisations(window: MainWindow) -> None:
    example = example_session()
    names = {
        word
        for party in (example.parties.A, example.parties.B)
        for word in re.findall(r"\w{4,}", f"{party.organisation} {party.label}")
    }
    window.set_document(example, None)
    for step in range(5):
        window.go_to_step(step)
    page = window.agree_page
    page.show_item(agreement_progress(window.session).to_settle[0])
    click(page.panel.choice_buttons["parked"])
    hints = [
        field.placeholderText()
        for kind in (QLineEdit, QPlainTextEdit)
        for field in window.findChildren(kind)
        if field.placeholderText()
    ]
    assert len(hints) >= 5, "the set-up fields and the parked item's owner have hints"
    for hint in hints:
        assert not names & set(re.findall(r"\w+", hint)), hint
