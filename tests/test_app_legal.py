"""The charter's legal framing set in the app: legal details, legal effect, effective date,
signatories picked from the representatives, and the optional parts chosen at export."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from ui_driver import click, type_into, wait_for_charter

from partnerworkshop.model.catalog import example_session
from partnerworkshop.ui.main_window import MainWindow


def test_legal_details_are_typed_in_set_up(window: MainWindow) -> None:
    window.set_document(example_session(), None)
    window.go_to_step(0)
    panel = window.setup_page.parties["B"]
    panel.legal_name.clear()
    type_into(panel.legal_name, "Contoso Health Trust")
    panel.registration_number.clear()
    type_into(panel.registration_number, "RX123")
    panel.registered_address.clear()
    type_into(panel.registered_address, "1 Park Row, Leeds")
    party = window.session.parties.B
    assert (party.legal_name, party.registration_number, party.registered_address) == (
        "Contoso Health Trust",
        "RX123",
        "1 Park Row, Leeds",
    )
    window.undo_action.trigger()
    example = example_session().parties.B.registered_address
    assert window.session.parties.B.registered_address == example
    assert panel.registered_address.text() == example


def test_the_legal_effect_and_effective_date_are_chosen_in_set_up(window: MainWindow) -> None:
    window.set_document(example_session(), None)
    window.go_to_step(0)
    page = window.setup_page
    assert page.legal_effect.currentData() == "shared_understanding"
    assert "binds no one" in page.legal_effect_note.text()
    page.legal_effect.setFocus()
    QTest.keyClick(page.legal_effect, Qt.Key.Key_End)
    assert window.session.agreement.legal_effect == "binding"
    assert "take legal advice" in page.legal_effect_note.text()
    assert page.legal_effect_note.property("role") == "warning"

    assert not page.effective_date.isEnabled()
    click(page.effective_on_date)
    assert page.effective_date.isEnabled()
    page.effective_date.setDate(QDate(2026, 7, 1))
    assert str(window.session.agreement.effective_date) == "2026-07-01"
    click(page.effective_on_date)
    assert window.session.agreement.effective_date is None


def test_signatories_are_picked_from_the_representatives(window: MainWindow) -> None:
    window.set_document(example_session(), None)
    window.go_to_step(3)
    page = window.agree_page
    page.tabs.setCurrentIndex(3)
    page.pick_menu.aboutToShow.emit()
    offered = [action.text() for action in page.pick_menu.actions()]
    assert offered == ["Contoso: Aisling Byrne, Head of Procurement"], "the others sign already"
    page.pick_menu.actions()[0].trigger()
    last = window.session.agreement.signatories[-1]
    assert (last.party, last.name, last.title) == ("B", "Aisling Byrne", "Head of Procurement")
    page.pick_menu.aboutToShow.emit()
    (nobody,) = page.pick_menu.actions()
    assert not nobody.isEnabled()


def test_the_export_step_chooses_and_shows_the_optional_parts(
    window: MainWindow, qtbot: Any
) -> None:
    session = example_session()
    window.set_document(session, None)
    window.editor.set_comment("A", "sharing.costs", "Internally one of our five key accounts.")
    window.go_to_step(4)
    page = window.export_page
    wait_for_charter(page, qtbot)
    assert not page.include_comments.isChecked()
    assert "Left out: the parties' comments" in page.optional_parts.text()
    assert "first version" in page.optional_parts.text()
    click(page.include_comments)
    assert page.options().include_comments
    wait_for_charter(page, qtbot)
    assert "In the charter: the parties' comments" in page.optional_parts.text()
    assert "with importance and comments" in page.parts.text()
