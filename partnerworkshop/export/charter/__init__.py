"""The partnership charter: what it will contain, what to fix first, the PDF and the Word version.

:func:`charter_content` computes everything the charter prints, once, as one plain value
(:class:`CharterContent`); the PDF is drawn from that value alone, and so is the Word version
(``word``, for redlining). The Export step shows
:func:`charter_summary` (the parts of the charter and its warnings) and calls
:func:`export_charter`, then stores the returned record in the session (with
``SessionEditor.record_charter``) so that the next export of changed content gets a new version.

Each part of the charter is laid out by a module named after it (``cover``, ``changes``,
``shared_definition``, ``agreed_positions``, ``shares``, ``where_we_started``, ``open_issues``,
``signatures``, ``appendix``), on pages that ``page`` decorates; ``document`` puts them together.
Those modules load reportlab, so they are imported only when a charter is made.
"""

from .content import (
    DEFAULT_CONFIDENTIALITY,
    LEGAL_EFFECTS,
    SECTION_TITLES,
    CharterContent,
    CharterOptions,
    Paper,
    charter_content,
    document_id,
)
from .export import (
    SUFFIXES,
    Charter,
    CharterExport,
    Format,
    charter_pdf,
    charter_word,
    export_charter,
    format_of,
    make_charter,
)
from .progress import ExportStopped, Progress, Report
from .summary import (
    CharterPart,
    CharterSummary,
    CharterWarning,
    OptionalPart,
    WarningKind,
    charter_summary,
    printed_texts,
)

__all__ = [
    "DEFAULT_CONFIDENTIALITY",
    "LEGAL_EFFECTS",
    "SECTION_TITLES",
    "SUFFIXES",
    "Charter",
    "CharterContent",
    "CharterExport",
    "CharterOptions",
    "CharterPart",
    "CharterSummary",
    "CharterWarning",
    "ExportStopped",
    "Format",
    "OptionalPart",
    "Paper",
    "Progress",
    "Report",
    "WarningKind",
    "charter_content",
    "charter_pdf",
    "charter_summary",
    "charter_word",
    "document_id",
    "export_charter",
    "format_of",
    "make_charter",
    "printed_texts",
]
