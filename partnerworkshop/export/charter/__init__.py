"""The partnership charter: what it will contain, what to fix first, and the PDF itself.

The Export step shows :func:`charter_summary` (the parts of the charter and its warnings) and
calls :func:`export_charter`, then stores the returned record in the session (with
``SessionEditor.record_charter``) so that the next export of changed content gets a new version.

Each part of the charter is laid out by a module named after it (``cover``,
``shared_definition``, ``agreed_positions``, ``shares``, ``where_we_started``, ``open_issues``,
``signatures``, ``appendix``), on pages that ``page`` decorates; ``document`` puts them together.
Those modules load reportlab, so they are imported only when a charter is made.
"""

from .export import CharterExport, charter_pdf, export_charter
from .summary import (
    DEFAULT_CONFIDENTIALITY,
    SECTION_TITLES,
    CharterOptions,
    CharterPart,
    CharterSummary,
    CharterWarning,
    Paper,
    WarningKind,
    charter_summary,
    document_id,
    printed_texts,
)

__all__ = [
    "DEFAULT_CONFIDENTIALITY",
    "SECTION_TITLES",
    "CharterExport",
    "CharterOptions",
    "CharterPart",
    "CharterSummary",
    "CharterWarning",
    "Paper",
    "WarningKind",
    "charter_pdf",
    "charter_summary",
    "document_id",
    "export_charter",
    "printed_texts",
]
