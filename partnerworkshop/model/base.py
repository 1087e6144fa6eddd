"""The one base class every model object derives from."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, StringConstraints

Side = Literal["A", "B"]
SIDES: tuple[Side, Side] = ("A", "B")

# Stable identifiers of sections, questions and options: short, lower case, safe in any file.
Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_.-]{0,63}$")]
# Generous limits: room for real prose, a refusal for files that are absurdly large.
ShortText = Annotated[str, StringConstraints(max_length=500)]
LongText = Annotated[str, StringConstraints(max_length=100_000)]


def other_side(side: Side) -> Side:
    return "B" if side == "A" else "A"


class Model(BaseModel):
    """Unknown fields are refused and assignments are validated, so a file means one thing."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)
