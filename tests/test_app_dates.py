"""Dates: one style everywhere, the system locale's, and calendars that open at a useful month."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QDate, QLocale, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDateEdit
from ui_driver import click

from partnerworkshop.model.agreement import agreement_progress
from partnerworkshop.model.catalog import example_session
from partnerworkshop.ui.dates import date_format, show_date, show_moment
from partnerworkshop.ui.main_window import MainWindow


@pytest.mark.parametrize(
    ("locale", "pattern"),
    [
        (QLocale.Language.C, "d MMMM yyyy"),
        (QLocale(QLocale.Language.English, QLocale.Country.UnitedStates), "MMMM d, yyyy"),
        (QLocale.Language.German, "d. MMMM yyyy"),
        (QLocale.Language.Japanese, "yyyy年M月d日"),
        (QLocale.Language.Hungarian, "yyyy. MMMM d."),
    ],
)
def test_the_date_style_is_the_locales_long_date_without_the_weekday(
    locale: Any, pattern: str
) -> None:
    assert date_format(QLocale(locale)) == pattern


@pytest.fixture
def german() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    yield
    QLocale.setDefault(before)


def test_dates_written_out_follow_the_locale(german: None) -> None:
    assert show_date(dt.date(2027, 2, 12)) == "12. Februar 2027"
    moment = dt.datetime(2027, 2, 12, 9, 30, tzinfo=dt.UTC).astimezone()
    assert show_moment(moment).endswith(", 12. Februar 2027")


def _agree_page_open_on_a_parked_item(window: MainWindow) -> Any:
    window.set_document(example_session(), None)
    window.go_to_step(3)
    page = window.agree_page
    question_id = agreement_progress(window.session).to_settle[0]
    page.show_item(question_id)
    click(page.panel.choice_buttons["parked"])
    return page


def _date_fields(window: MainWindow) -> list[QDateEdit]:
    page = _agree_page_open_on_a_parked_item(window)
    page.tabs.setCurrentIndex(2)
    click(page.add_action)
    action_due = page.action_table.cellWidget(0, 3)
    assert isinstance(action_due, QDateEdit)
    return [window.setup_page.date, page.panel.due, action_due]


def test_every_date_field_shows_one_style(window: MainWindow) -> None:
    fields = _date_fields(window)
    assert {field.displayFormat() for field in fields} == {date_format()}
    assert window.setup_page.date.text() == "14 May 2026"


def test_date_fields_follow_the_locale(window: MainWindow, german: None) -> None:
    window.setup_page.date.setLocale(QLocale())  # the Set up step is made before the test
    window.setup_page.date.setDisplayFormat(date_format(QLocale()))
    fields = _date_fields(window)
    assert {field.displayFormat() for field in fields[1:]} == {"d. MMMM yyyy"}


def _month_shown_when_opened(field: QDateEdit) -> tuple[int, int]:
    arrow = QPoint(field.width() - 8, field.height() // 2)  # the drop-down arrow
    QTest.mouseMove(field, arrow)
    QTest.mouseClick(field, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, arrow)
    calendar = field.calendarWidget()
    assert calendar.isVisible(), "the calendar dropped down"
    shown = (calendar.yearShown(), calendar.monthShown())
    QTest.keyClick(calendar, Qt.Key.Key_Escape)
    return shown


def test_a_due_dates_calendar_opens_at_today_or_the_workshop_date(window: MainWindow) -> None:
    page = _agree_page_open_on_a_parked_item(window)
    assert page.panel.due.text() == "No date"
    today = QDate.currentDate()
    # The example workshop took place in the past: the calendar opens at today.
    assert _month_shown_when_opened(page.panel.due) == (today.year(), today.month())
    later = today.addMonths(14)
    window.editor.set_workshop("date", dt.date(later.year(), later.month(), 1))
    assert _month_shown_when_opened(page.panel.due) == (later.year(), later.month())
    assert page.panel.due.text() == "No date", "opening the calendar chooses nothing"

    page.tabs.setCurrentIndex(2)
    click(page.add_action)
    action_due = page.action_table.cellWidget(0, 3)
    assert isinstance(action_due, QDateEdit)
    assert _month_shown_when_opened(action_due) == (later.year(), later.month())

    page.panel.due.setDate(QDate(2031, 3, 9))
    assert _month_shown_when_opened(page.panel.due) == (2031, 3), "a chosen date's own month"
