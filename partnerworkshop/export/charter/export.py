"""Making the charter: as PDF bytes in memory (the preview), or written to a file.

This module does not import reportlab: the layout code loads it only when a charter is made.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ...errors import FileProblem
from ...model.session import CharterRecord, Session
from ...model.storage import write_atomically
from .summary import CharterOptions, CharterSummary, charter_summary


@dataclass(frozen=True)
class CharterExport:
    """What an export wrote; store ``record`` in the session when ``new_version`` is true."""

    path: Path
    summary: CharterSummary
    pages: int

    @property
    def record(self) -> CharterRecord:
        return self.summary.record

    @property
    def new_version(self) -> bool:
        return self.summary.new_version


def charter_pdf(
    session: Session, options: CharterOptions | None = None, *, at: dt.datetime | None = None
) -> tuple[bytes, CharterSummary, int]:
    """The charter as PDF bytes, the summary it was made from and its number of pages."""
    from .document import build_charter

    options = options or CharterOptions()
    summary = charter_summary(session, options, at=at)
    pdf, pages = build_charter(session, summary, options)
    return pdf, summary, pages


def export_charter(
    session: Session,
    path: Path | str,
    options: CharterOptions | None = None,
    *,
    at: dt.datetime | None = None,
) -> CharterExport:
    """Write the charter to ``path`` atomically (FileProblem if it cannot be written).

    The session itself is left unchanged: the caller stores the returned record.
    """
    path = Path(path)
    if not path.parent.is_dir():
        raise FileProblem(path, [f"the folder {path.parent} does not exist"])
    pdf, summary, pages = charter_pdf(session, options, at=at)
    write_atomically(path, pdf)
    return CharterExport(path, summary, pages)
