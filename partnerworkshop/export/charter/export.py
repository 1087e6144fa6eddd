"""Making the charter: its content once, then the PDF drawn from it, in memory (the preview)
or written to a file.

This module does not import reportlab: the layout code loads it only when a charter is made.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from ...errors import FileProblem
from ...model.session import CharterVersion, Session
from ...model.storage import write_atomically
from .content import CharterContent, CharterOptions, charter_content
from .progress import Progress, Report, no_report
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


Format = Literal["pdf", "docx"]
"""The charter as a PDF (to sign and to archive) or as a Word document (to redline)."""
SUFFIXES: dict[Format, str] = {"pdf": ".pdf", "docx": ".docx"}


def format_of(path: Path) -> Format | None:
    """The format a file's name asks for, by its extension, if it names one."""
    suffix = path.suffix.lower()
    return next((kind for kind, known in SUFFIXES.items() if known == suffix), None)


@dataclass(frozen=True)
class CharterExport:
    """What an export wrote; store ``record`` in the session when ``new_version`` is true."""

    path: Path
    summary: CharterSummary
    format: Format
    pages: int | None
    """The PDF's number of pages; Word counts a Word document's pages as it lays them out."""

    @property
    def record(self) -> CharterVersion:
        return self.summary.record

    @property
    def new_version(self) -> bool:
        return self.summary.new_version


def _content_and_summary(
    session: Session, options: CharterOptions | None, at: dt.datetime | None, report: Report
) -> tuple[CharterContent, CharterSummary]:
    """The charter's content and its summary, which the report ending the "content" stage
    carries."""
    report(Progress("content", 0.0))
    content = charter_content(session, options, at=at)
    summary = summarise(session, content)
    report(Progress("content", 1.0, summary=summary))
    return content, summary


def make_charter(
    session: Session,
    options: CharterOptions | None = None,
    *,
    at: dt.datetime | None = None,
    report: Report = no_report,
) -> Charter:
    """The charter's content, its summary and its PDF, the answers analysed once."""
    from .document import draw_charter

    content, summary = _content_and_summary(session, options, at, report)
    drawn = draw_charter(content, report)
    return Charter(content, summary, drawn.data, drawn.pages, drawn.signature_places)


def charter_pdf(
    session: Session,
    options: CharterOptions | None = None,
    *,
    at: dt.datetime | None = None,
    report: Report = no_report,
) -> tuple[bytes, CharterSummary, int]:
    """The charter as PDF bytes, the summary it was made from and its number of pages."""
    charter = make_charter(session, options, at=at, report=report)
    return charter.pdf, charter.summary, charter.pages


def charter_word(
    session: Session,
    options: CharterOptions | None = None,
    *,
    at: dt.datetime | None = None,
    report: Report = no_report,
) -> tuple[bytes, CharterSummary]:
    """The charter as a Word document's bytes, drawn from the same content as the PDF, and the
    summary it was made from."""
    from .word import charter_docx

    content, summary = _content_and_summary(session, options, at, report)
    return charter_docx(content, report), summary


def export_charter(
    session: Session,
    path: Path | str,
    options: CharterOptions | None = None,
    *,
    at: dt.datetime | None = None,
    format: Format = "pdf",
    report: Report = no_report,
) -> CharterExport:
    """Write the charter to ``path`` atomically in ``format`` (FileProblem if it cannot be
    written). If ``report`` stops the export, nothing is written.

    The session itself is left unchanged: the caller stores the returned record.
    """
    path = Path(path)
    if not path.parent.is_dir():
        raise FileProblem(path, [f"the folder {path.parent} does not exist"])
    if format == "docx":
        document, summary = charter_word(session, options, at=at, report=report)
        pages = None
    else:
        charter = make_charter(session, options, at=at, report=report)
        document, summary, pages = charter.pdf, charter.summary, charter.pages
    report(Progress("finishing", 1.0, pages or 0))  # the last moment to stop: nothing written
    write_atomically(path, document)
    return CharterExport(path, summary, format, pages)
