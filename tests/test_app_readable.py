"""Readable from the back of the room: what grows with the zoom, and what is never cut."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QRadioButton, QStyle, QStyleOptionButton
from ui_driver import click

from partnerworkshop.model.catalog import example_session
from partnerworkshop.ui.answer_inputs import ChoiceInput, ChoiceRow
from partnerworkshop.ui.main_window import fit_words


@pytest.fixture
def zoomed(window: Any) -> Iterator[Any]:
    """The window on the example; the zoom goes back to 100% afterwards (the theme is shared)."""
    window.set_document(example_session(), None)
    yield window
    window.zoom(0)


def _indicator_width(button: QRadioButton) -> int:
    option = QStyleOptionButton()
    option.initFrom(button)
    return (
        button.style()
        .subElementRect(QStyle.SubElement.SE_RadioButtonIndicator, option, button)
        .width()
    )


def _zoom_to(window: Any, zoom: int) -> None:
    while window.user_files.preferences.zoom < zoom:
        window.zoom_in_action.trigger()


def test_indicators_and_toolbar_icons_grow_with_the_zoom(zoomed: Any) -> None:
    window = zoomed
    window.go_to_step(1)
    button = window.answer_page.blind
    indicator, icon = _indicator_width(button), window.toolbar.iconSize().width()
    _zoom_to(window, 250)
    assert _indicator_width(button) >= 2 * indicator
    assert window.toolbar.iconSize().width() >= 2 * icon


def test_at_the_largest_zoom_every_toolbar_button_stays_on_the_toolbar(zoomed: Any) -> None:
    window = zoomed
    window.resize(1366, 768)
    _zoom_to(window, 250)
    for action in (window.zoom_out_action, window.zoom_in_action, window.full_screen_action):
        button = window.toolbar.widgetForAction(action)
        assert button is not None and button.isVisible(), action.text()
        assert window.toolbar.rect().contains(button.geometry()), action.text()
        assert button.toolTip(), "a button without words keeps its name as a tooltip"


def test_the_chosen_answer_is_highlighted_as_a_whole(zoomed: Any) -> None:
    window = zoomed
    window.go_to_step(1)
    card = next(iter(window.answer_page.cards.values()))
    column = card.columns["A"]
    choices = column.input
    assert isinstance(choices, ChoiceInput)
    rows = choices.findChildren(ChoiceRow)
    buttons = choices.buttons()
    click(buttons[2])
    assert [row.property("choice") for row in rows].count("chosen") == 1
    chosen = next(row for row in rows if row.property("choice") == "chosen")
    assert chosen.isAncestorOf(buttons[2])
    window.undo()
    before = window.editor.session.answer("A", column.question.id).value
    chosen_rows = [row for row in rows if row.property("choice") == "chosen"]
    assert (before is None) == (not chosen_rows)


@given(
    st.lists(st.sampled_from(["Not", "exported", "yet", "0", "of", "38,", "resolved"]), min_size=1)
)
def test_a_step_label_short_of_room_loses_whole_words_never_half_of_one(
    themed_app: Any, words: list[str]
) -> None:
    text = " ".join(words)
    metrics = QFontMetrics(QFont())
    for width in range(0, metrics.horizontalAdvance(text) + 10, 7):
        shown = fit_words(text, metrics, width)
        assert metrics.horizontalAdvance(shown) <= width or not shown
        if shown and shown != text:
            kept = shown.removesuffix("\u2026").split()
            assert kept[:-1] == words[: len(kept) - 1]
            assert kept[-1] == words[len(kept) - 1].rstrip(",")


def test_compare_puts_the_headline_and_agenda_first_and_no_list_scrolls_inside_the_page(
    zoomed: Any,
) -> None:
    from PySide6.QtWidgets import QApplication

    window = zoomed
    window.resize(1366, 768)
    window.go_to_step(2)
    page = window.compare_page
    QApplication.processEvents()
    content = page.scroll_area.widget()

    def top(widget: Any) -> int:
        return int(widget.mapTo(content, widget.rect().topLeft()).y())

    assert top(page.headline) < top(page.tabs) < top(page.chart_row)
    for view in (page.agenda_view, page.table, page.read_together_view):
        QApplication.processEvents()
        assert view.verticalScrollBar().maximum() == 0, view.accessibleName()
    model = page.agenda_view.model()
    heights = {
        page.agenda_view.sizeHintForIndex(model.index(row, 0)).height()
        for row in range(model.rowCount())
    }
    assert len(heights) > 1, "a long line to read aloud wraps: its entry is taller"
    lines = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert not any("\u2026" in str(line) for line in lines)
    page.tabs.setCurrentIndex(1)
    QApplication.processEvents()
    assert page.tabs.height() >= page.table.height()
    page.tabs.setCurrentIndex(0)
    QApplication.processEvents()
    agenda_tab = page.tabs.widget(0)
    tall_enough = agenda_tab.sizeHint().height() + page.tabs.tabBar().height() + 40
    assert page.tabs.height() <= tall_enough, "the tabs are as tall as the tab shown"


def test_at_the_largest_zoom_the_answer_step_never_scrolls_sideways(zoomed: Any) -> None:
    from PySide6.QtWidgets import QApplication

    window = zoomed
    window.resize(1366, 768)
    _zoom_to(window, 250)
    window.go_to_step(1)
    QApplication.processEvents()
    page = window.answer_page
    content = page.scroll_area.widget()
    assert content.minimumSizeHint().width() <= page.scroll_area.viewport().width()
    assert page.scroll_area.horizontalScrollBar().maximum() == 0
    assert page.sections.horizontalScrollBar().maximum() == 0


def test_at_the_largest_zoom_the_compare_step_never_scrolls_sideways(zoomed: Any) -> None:
    from PySide6.QtWidgets import QApplication

    window = zoomed
    window.resize(1280, 720)
    _zoom_to(window, 250)
    window.go_to_step(2)
    QApplication.processEvents()
    page = window.compare_page
    QApplication.processEvents()
    assert page.scroll_area.horizontalScrollBar().maximum() == 0
    assert page.why_button.isVisible() and page.figures_button.isVisible()
