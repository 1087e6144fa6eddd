"""Making the charter: its content once, then the PDF drawn from it, in memory (the preview)
or written to a file.

This module does not import reportlab: the layout code loads it only when a charter is made.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ...errors import FileProblem
from ...model.session import CharterVersion, Session
from ...model.storage import write_atomically
from .content import CharterContent, CharterOptions, charter_content
from .summary import CharterSummary, summarise

if TYPE_CHECKING:
    from .signatures import SignaturePlace


@dataclass(frozen=True)
class Charter:
    """A charter made: its content, the summary the Export step shows, and the PDF."""

    content: CharterContent
    summary: CharterSummary
    pdf: bytes
    pages: int
    signature_places: tuple[SignaturePlace, ...]
    """Where each signatory signs (page and rectangle in PDF points), as laid out."""


@dataclass(frozen=True)
class CharterExport:
    """What an export wrote; store ``record`` in the session when ``new_version`` is true."""

    path: Path
    charter: Charter

    @property
    def summary(self) -> CharterSummary:
        return self.charter.summary

    @property
    def pages(self) -> int:
        return self.charter.pages

    @property
    def record(self) -> CharterVersion:
        return self.summary.record

    @property
    def new_version(self) -> bool:
        return self.summary.new_version


def make_charter(
    session: Session, options: CharterOptions | None = None, *, at: dt.datetime | None = None
) -> Charter:
    """The charter's content, its summary and its PDF, the answers analysed once."""
    from .document import draw_charter

    content = charter_content(session, options, at=at)
    drawn = draw_charter(content)
    return Charter(
        content, summarise(session, content), drawn.data, drawn.pages, drawn.signature_places
    )


def charter_pdf(
    session: Session, options: CharterOptions | None = None, *, at: dt.datetime | None = None
) -> tuple[bytes, CharterSummary, int]:
    """The charter as PDF bytes, the summary it was made from and its number of pages."""
    charter = make_charter(session, options, at=at)
    return charter.pdf, charter.summary, charter.pages


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
    charter = make_charter(session, options, at=at)
    write_atomically(path, charter.pdf)
    return CharterExport(path, charter)
