"""How far the making of a charter has got, reported as it goes, and how to stop it.

Whoever makes a charter may pass a report function: it is called every few moments with a
:class:`Progress`, and it may raise :class:`ExportStopped` to stop the export there (nothing is
written then). The report that ends the "content" stage carries the charter's summary, known
once its content is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from .summary import CharterSummary

Stage = Literal["content", "setting", "pages", "finishing"]
"""Working out what the charter says; setting out its parts; drawing its pages; finishing the
file (PDF/A, signature fields, or the Word file) and writing it."""

# Where each stage starts and ends on the way from 0 to 1, from where the time goes in a
# typical charter: setting out and drawing the pages take most of it.
SPANS: dict[Stage, tuple[float, float]] = {
    "content": (0.0, 0.1),
    "setting": (0.1, 0.4),
    "pages": (0.4, 0.95),
    "finishing": (0.95, 1.0),
}


class ExportStopped(Exception):
    """Raised from a report function to stop making the charter."""

    def __init__(self) -> None:
        super().__init__("the export was stopped")


@dataclass(frozen=True)
class Progress:
    stage: Stage
    done: float
    """How much of the stage is done, from 0 to 1."""
    page: int = 0
    """The pages drawn so far."""
    summary: CharterSummary | None = None
    """The charter's summary: in the report that ends the "content" stage."""

    @property
    def fraction(self) -> float:
        """How much of the whole export is done, from 0 to 1."""
        start, end = SPANS[self.stage]
        return start + (end - start) * min(1.0, max(0.0, self.done))


Report = Callable[[Progress], None]


def no_report(progress: Progress) -> None:
    """The report of an export nobody follows."""
