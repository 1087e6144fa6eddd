"""Paper for the table: the charter, page by page as it is exported, and the agenda.

Both go through Qt's print dialog, so any printer the computer knows (or a PDF file) will do.
"""

from __future__ import annotations

import pypdfium2
import pypdfium2.raw as pdfium_c
from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import (
    QFont,
    QImage,
    QPageSize,
    QPainter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from ..export.charter import CharterOptions, charter_pdf
from ..model.analysis import Analysis
from ..model.base import SIDES
from ..model.session import Session
from .charter_work import made_behind_a_dialog
from .common import party_name, status_label
from .dates import show_date

MAX_PRINT_DPI = 300
"""Charter pages are drawn for the printer at its resolution, but no finer than this: finer
only makes the print job larger."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("Printing", text)


def ask_print(parent: QWidget | None, printer: QPrinter, title: str) -> bool:
    """Qt's print dialog: True when the user chose to print (tests replace this function)."""
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    return dialog.exec() == QDialog.DialogCode.Accepted


class PrintProblem(Exception):
    """The printer could not be started (no printer, or a file that cannot be written)."""


def print_pdf(data: bytes, printer: QPrinter) -> int:
    """Draw each page of the PDF in ``data`` on the printer, as large as the paper allows,
    and return how many pages were printed."""
    document = pypdfium2.PdfDocument(data)
    painter = QPainter()
    try:
        if not painter.begin(printer):
            raise PrintProblem
        area = QRectF(painter.viewport())
        for index in range(len(document)):
            if index:
                printer.newPage()
            page = document[index]
            width, height = page.get_size()  # in points
            to_device = min(area.width() / width, area.height() / height)
            scale = min(to_device, min(printer.resolution(), MAX_PRINT_DPI) / 72)
            bitmap = page.render(
                scale=scale, rev_byteorder=True, force_bitmap_format=pdfium_c.FPDFBitmap_BGRA
            )
            image = QImage(
                bitmap.buffer,
                bitmap.width,
                bitmap.height,
                bitmap.stride,
                QImage.Format.Format_RGBA8888,
            )
            target = QRectF(0, 0, width * to_device, height * to_device)
            target.moveCenter(area.center())
            target.moveTop(area.top())
            painter.drawImage(target, image)
        return len(document)
    finally:
        if painter.isActive():
            painter.end()
        document.close()


def print_charter(parent: QWidget | None, session: Session, options: CharterOptions) -> bool:
    """Ask for a printer and print the charter exactly as it would be exported."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    paper = QPageSize.PageSizeId.Letter if options.paper == "Letter" else QPageSize.PageSizeId.A4
    printer.setPageSize(QPageSize(paper))
    printer.setDocName(_tr("Partnership charter"))
    if not ask_print(parent, printer, _tr("Print the charter")):
        return False
    made = made_behind_a_dialog(
        parent,
        session,
        lambda copy, report: charter_pdf(copy, options, report=report),
        _tr("Preparing the charter for printing"),
    )
    if made is None:
        return False  # stopped: nothing goes to the printer
    data, _, _ = made
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        print_pdf(data, printer)
    finally:
        QApplication.restoreOverrideCursor()
    return True


def print_agenda(
    parent: QWidget | None, session: Session, analysis: Analysis, numbers: dict[str, str]
) -> bool:
    """Ask for a printer and print the agenda: what to discuss, most pressing first."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(_tr("Agenda"))
    if not ask_print(parent, printer, _tr("Print the agenda")):
        return False
    agenda_document(session, analysis, numbers).print_(printer)
    return True


def agenda_document(session: Session, analysis: Analysis, numbers: dict[str, str]) -> QTextDocument:
    """The agenda as a document: the workshop, the headline, each item with its line to read
    aloud, and the free-text questions to read together. User text goes in as plain text."""
    from .compare_page import agenda_line, headline_text

    document = QTextDocument()
    base = QFont(QApplication.font())
    base.setPointSizeF(10.5)
    document.setDefaultFont(base)
    cursor = QTextCursor(document)
    names = {side: party_name(session, side) for side in SIDES}

    def text_format(
        scale: float = 1.0, *, bold: bool = False, muted: bool = False
    ) -> QTextCharFormat:
        form = QTextCharFormat()
        form.setFontPointSize(base.pointSizeF() * scale)
        form.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        if muted:
            form.setForeground(Qt.GlobalColor.darkGray)
        return form

    def paragraph(text: str, form: QTextCharFormat, space_before: float = 0) -> None:
        block = QTextBlockFormat()
        block.setTopMargin(space_before)
        if not cursor.atStart():
            cursor.insertBlock(block)
        else:
            cursor.setBlockFormat(block)
        cursor.insertText(text, form)

    workshop = session.workshop
    paragraph(
        _tr("Agenda: {title}").format(title=workshop.title or _tr("Untitled workshop")),
        text_format(1.6, bold=True),
    )
    details = [show_date(workshop.date) if workshop.date else "", workshop.location]
    details.append(_tr("{a} and {b}").format(a=names["A"], b=names["B"]))
    paragraph(" \u00b7 ".join(part for part in details if part), text_format(muted=True))
    paragraph(headline_text(analysis.headline, names), text_format(1.15), space_before=10)

    template = session.template
    paragraph(_tr("To discuss, most pressing first"), text_format(1.25, bold=True), 14)
    if not analysis.agenda:
        paragraph(
            _tr("Nothing on the agenda: every question answered so far is agreed or close."),
            text_format(),
        )
    for item in analysis.agenda:
        question = template.question(item.question_id)
        answers = {side: session.answer(side, item.question_id) for side in SIDES}
        paragraph(
            _tr("{number}  {prompt}").format(
                number=numbers[item.question_id], prompt=question.prompt
            ),
            text_format(bold=True),
            8,
        )
        paragraph(agenda_line(question, answers, names), text_format())
        paragraph(status_label(item.status), text_format(0.9, muted=True))

    if analysis.read_together:
        paragraph(_tr("To read together"), text_format(1.25, bold=True), 14)
    for result in analysis.read_together:
        paragraph(
            _tr("{number}  {prompt}").format(
                number=numbers[result.question_id], prompt=result.prompt
            ),
            text_format(bold=True),
            8,
        )
        for side in SIDES:
            value = session.answer(side, result.question_id).value
            answer = value if isinstance(value, str) and value else _tr("(no answer yet)")
            paragraph(
                _tr("{name}: {answer}").format(name=names[side], answer=answer), text_format()
            )
    return document
