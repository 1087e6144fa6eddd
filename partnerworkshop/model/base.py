"""The one base class every model object derives from."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, StringConstraints

Side = Literal["A", "B"]
SIDES: tuple[Side, Side] = ("A", "B")

# Stable identifiers of sections, questions and options: short, lower case, safe in any file.
Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_.-]{0,63}$")]
# Generous limits: room for real prose, a refusal for files that are absurdly large.
ShortText = Annotated[str, StringConstraints(max_length=500)]
LongText = Annotated[str, StringConstraints(max_length=100_000)]

# Dates and times a calendar, a PDF and every time zone can show: a day either side of these
# still has a four-digit year, so no conversion or date arithmetic can overflow.
FIRST_DAY = dt.date(1000, 1, 1)
LAST_DAY = dt.date(9998, 12, 31)


def _check_day(value: dt.date) -> dt.date:
    if not FIRST_DAY <= value <= LAST_DAY:
        raise ValueError(
            f"the date {value.isoformat()} is outside the years {FIRST_DAY.year} to {LAST_DAY.year}"
        )
    return value


def _check_moment(value: dt.datetime) -> dt.datetime:
    _check_day(value.date())
    return value


Day = Annotated[dt.date, AfterValidator(_check_day)]
Moment = Annotated[dt.datetime, AfterValidator(_check_moment)]


def other_side(side: Side) -> Side:
    return "B" if side == "A" else "A"


class Model(BaseModel):
    """Unknown fields are refused and assignments are validated, so a file means one thing."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)
