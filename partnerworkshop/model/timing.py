"""Keeping time: a time box for each section and agenda item, a plan, and the time spent.

The time boxes are part of the session (saved with it, never printed in the charter, not part of
the fingerprint). The time spent on each box is counted while the app runs, with a clock that is
passed in, so that it can be tested without waiting.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Annotated, Literal

from pydantic import Field

from .base import Model
from .template import Questionnaire

Minutes = Annotated[int, Field(ge=1, le=600)]
BoxKind = Literal["section", "item"]
BoxKey = tuple[BoxKind, str]
"""A time box: ("section", section id) or ("item", the agenda item's question id)."""
Clock = Callable[[], float]
"""Seconds from any fixed start (time.monotonic, or a clock a test moves by hand)."""

ANSWERING_SHARE = 0.5
"""In a plan, the share of the time available for answering; the agenda gets AGREEING_SHARE,
and what is left over goes to setting up, comparing and breaks."""
AGREEING_SHARE = 0.35


class TimeBoxes(Model):
    """How many minutes the room gives each section and each agenda item."""

    available: Minutes | None = Field(
        default=None, description="The minutes the whole workshop has, for planning the boxes."
    )
    sections: dict[str, Minutes] = Field(default={}, description="Minutes per section id.")
    items: dict[str, Minutes] = Field(
        default={}, description="Minutes per agenda item (its question's id)."
    )

    def box(self, key: BoxKey) -> int | None:
        kind, identifier = key
        return (self.sections if kind == "section" else self.items).get(identifier)


def _share_out(total: int, weights: Sequence[int]) -> list[int]:
    """``total`` minutes shared in proportion to ``weights``, each at least one minute, whole
    minutes that add up to the total where the total allows (largest remainders first)."""
    if not weights:
        return []
    weight_sum = sum(weights) or len(weights)
    exact = [total * (w or 1) / weight_sum for w in weights]
    minutes = [max(1, int(share)) for share in exact]
    by_remainder = sorted(range(len(exact)), key=lambda i: exact[i] - int(exact[i]), reverse=True)
    for index in by_remainder[: max(0, total - sum(minutes))]:
        minutes[index] += 1
    return [min(600, m) for m in minutes]


def plan_time_boxes(template: Questionnaire, agenda: Sequence[str], available: int) -> TimeBoxes:
    """Time boxes from the time available: half for answering, shared by the sections by their
    number of questions, and about a third for the agenda, shared equally by its items."""
    sections = template.sections
    answering = _share_out(
        round(available * ANSWERING_SHARE), [len(section.questions) for section in sections]
    )
    agreeing = _share_out(round(available * AGREEING_SHARE), [1] * len(agenda))
    return TimeBoxes(
        available=available,
        sections={section.id: m for section, m in zip(sections, answering, strict=True)},
        items={question_id: m for question_id, m in zip(agenda, agreeing, strict=True)},
    )


@dataclass
class TimeKeeper:
    """The time spent on each box while it was the one being worked on."""

    clock: Clock = time.monotonic
    current: BoxKey | None = None
    _since: float = 0.0
    _spent: dict[BoxKey, float] = field(default_factory=dict)

    def work_on(self, key: BoxKey | None) -> None:
        """From now on the room works on ``key`` (None: on no box)."""
        if key == self.current:
            return
        now = self.clock()
        self._close(now)
        self.current = key
        self._since = now

    def spent(self, key: BoxKey) -> float:
        """Seconds spent on ``key`` so far."""
        seconds = self._spent.get(key, 0.0)
        if key == self.current:
            seconds += self.clock() - self._since
        return seconds

    def _close(self, now: float) -> None:
        if self.current is not None:
            self._spent[self.current] = self._spent.get(self.current, 0.0) + now - self._since

    def forget(self) -> None:
        """Another session: nothing spent yet."""
        self._spent.clear()
        self.current = None


@dataclass(frozen=True)
class TimeLeft:
    """Where a box stands: its minutes and the seconds left (negative when it is over)."""

    minutes: int
    seconds_left: float

    @property
    def over(self) -> bool:
        return self.seconds_left < 0


def time_left(boxes: TimeBoxes, keeper: TimeKeeper, key: BoxKey | None) -> TimeLeft | None:
    """How much of the box ``key`` is left; None when it has no box."""
    if key is None:
        return None
    minutes = boxes.box(key)
    if minutes is None:
        return None
    return TimeLeft(minutes, minutes * 60 - keeper.spent(key))
