"""Dates as the app shows them: one style everywhere, the system locale's long date."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QLocale, QObject, QTime
from PySide6.QtWidgets import QDateEdit

from .common import LAST_QDATE


def date_format(locale: QLocale | None = None) -> str:
    """The locale's long date without the day of the week ("1 December 2026", "December 1,
    2026", "1. Dezember 2026"): as clear as the long date, and narrow enough for a table."""
    pattern = (locale or QLocale()).dateFormat(QLocale.FormatType.LongFormat)
    pattern = re.sub(r"^dddd[\s,\u060c]*", "", pattern)
    return re.sub(r"[\s,\u060c]*dddd$", "", pattern)


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def show_date(day: dt.date) -> str:
    """A date as text, in the same style as the date fields."""
    return QLocale().toString(qdate(day), date_format())


def show_moment(moment: dt.datetime) -> str:
    """A moment as local time and date, the date in the same style as everywhere else."""
    local = moment.astimezone()
    time = QLocale().toString(QTime(local.hour, local.minute, local.second))
    return QCoreApplication.translate("Dates", "{time}, {date}").format(
        time=time, date=show_date(local.date())
    )


def date_field(accessible_name: str) -> QDateEdit:
    """A date input in the app's date style, with a calendar that drops down, up to the last
    date a session can hold."""
    field = QDateEdit()
    field.setCalendarPopup(True)
    field.setDisplayFormat(date_format(field.locale()))
    field.setMaximumDate(LAST_QDATE)
    field.setAccessibleName(accessible_name)
    return field


class _CalendarOpensNear(QObject):
    """While a date field shows no date, its calendar opens at a useful month."""

    def __init__(self, field: QDateEdit, near: Callable[[], QDate]) -> None:
        super().__init__(field)
        self._field = field
        self._near = near

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        field = self._field
        if event.type() == QEvent.Type.Show and field.date() == field.minimumDate():
            calendar = field.calendarWidget()
            near = self._near()
            calendar.setCurrentPage(near.year(), near.month())
        return False


def open_calendar_near(field: QDateEdit, near: Callable[[], QDate]) -> None:
    """Without a date (the field at its minimum, shown as its special text), the calendar opens
    at the month of ``near()`` instead of the minimum's month."""
    field.calendarWidget().installEventFilter(_CalendarOpensNear(field, near))
