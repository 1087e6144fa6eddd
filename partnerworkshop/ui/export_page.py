"""The Export step: what the charter will hold, what is worth settling first, a preview, export.

The preview is the charter itself, made in memory and drawn page by page, so what the room sees
is exactly what the lawyers will receive. The charter is made off the window's thread (see
``charter_work``): the page says how far it has got, and either piece of work can be stopped.
"""

from __future__ import annotations

import dataclasses
import functools
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..errors import FileProblem
from ..export.charter import (
    DEFAULT_CONFIDENTIALITY,
    SUFFIXES,
    Charter,
    CharterExport,
    CharterOptions,
    CharterSummary,
    Format,
    Progress,
    export_charter,
    make_charter,
)
from ..model.edits import Edit, SessionEditor
from . import dialogs
from .charter_work import CharterWork, WorkProgress, report_failure
from .common import clear_layout, label
from .icons import icon_on_dark
from .page_preview import PagePreview
from .steps import StepPage

PREVIEW_DELAY_MS = 150
"""The preview is started just after the page is shown or an option changes, so quick changes
in a row start one preview, not one each."""


def part_title(number: str) -> str:
    def tr(text: str) -> str:
        return QCoreApplication.translate("ExportPage", text)

    titles = {
        "1": tr("The shared definition"),
        "2": tr("Agreed positions"),
        "3": tr("Shares"),
        "4": tr("Where we started"),
        "5": tr("Open issues and action items"),
        "6": tr("Signatures"),
        "Appendix": tr("Appendix: the parties' original answers; the questionnaire"),
        "Changes": tr("Changes since the last version"),
    }
    return titles.get(number, number)


class ExportPage(StepPage):
    charter_recorded = Signal()
    """The session now records a new version of the charter (the window saves it to its file)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary: CharterSummary | None = None
        self.exported: Path | None = None
        self._preview_work: CharterWork | None = None
        self._export_work: CharterWork | None = None

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self._lay_out(self.splitter)

        side = QWidget()
        side.setObjectName("page")
        layout = QVBoxLayout(side)
        layout.setContentsMargins(0, 0, 12, 0)
        layout.addWidget(label(self.tr("The partnership charter"), "title"))
        self.status = label()
        layout.addWidget(self.status)
        self.fingerprint = QLineEdit()
        self.fingerprint.setReadOnly(True)
        self.fingerprint.setAccessibleName(
            self.tr("Fingerprint of the agreed content, to check a charter against the session")
        )
        layout.addWidget(self.fingerprint)

        form = QFormLayout()
        self.confidentiality = QLineEdit(DEFAULT_CONFIDENTIALITY)
        self.confidentiality.setAccessibleName(self.tr("Confidentiality marking on every page"))
        self.paper = QComboBox()
        self.paper.setAccessibleName(self.tr("Paper size"))
        self.paper.addItem(self.tr("A4"), "A4")
        self.paper.addItem(self.tr("US Letter"), "Letter")
        self.include_comments = QCheckBox(self.tr("Print the parties' comments in Appendix A"))
        self.include_comments.setAccessibleName(
            self.tr("Print the parties' comments in the charter's appendix")
        )
        self.format = QComboBox()
        self.format.setAccessibleName(self.tr("Format of the exported charter"))
        self.format.addItem(self.tr("PDF, to sign and to archive"), "pdf")
        self.format.addItem(self.tr("Word, to redline"), "docx")
        form.addRow(self.tr("Marking"), self.confidentiality)
        form.addRow(self.tr("Paper"), self.paper)
        form.addRow(self.tr("Comments"), self.include_comments)
        form.addRow(self.tr("Format"), self.format)
        layout.addLayout(form)
        self.format_note = label(role="muted")
        layout.addWidget(self.format_note)
        self.optional_parts = label(role="muted")
        layout.addWidget(self.optional_parts)

        layout.addWidget(label(self.tr("Worth settling first"), "heading"))
        self.warnings = QVBoxLayout()
        layout.addLayout(self.warnings)
        layout.addWidget(label(self.tr("What it holds"), "heading"))
        self.parts = label()
        layout.addWidget(self.parts)
        layout.addStretch(1)

        buttons = QHBoxLayout()
        self.export_button = QPushButton(
            icon_on_dark("export-pdf"), self.tr("Export the charter...")
        )
        self.export_button.setProperty("role", "primary")
        self.export_button.setAccessibleName(self.tr("Export the charter as a PDF file"))
        self.open_button = QPushButton(self.tr("Open the charter"))
        self.open_button.setAccessibleName(self.tr("Open the exported charter"))
        self.open_button.setEnabled(False)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        self.export_progress = WorkProgress(self.tr("Stop exporting the charter"))
        self.result = label(role="muted")
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setAccessibleName(self.tr("The charter: status, options and contents"))
        scroll.setWidget(side)
        # The contents scroll; the export button stays in view below them.
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 12, 0)
        left_layout.addWidget(scroll, 1)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.export_progress)
        left_layout.addWidget(self.result)
        self.splitter.addWidget(left)

        preview = QFrame()
        preview_layout = QVBoxLayout(preview)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        note_row = QHBoxLayout()
        self.preview_note = label(role="muted")
        self.preview_again = QPushButton(self.tr("Show the preview"))
        self.preview_again.setAccessibleName(self.tr("Make the preview of the charter again"))
        self.preview_again.hide()
        note_row.addWidget(self.preview_note, 1)
        note_row.addWidget(self.preview_again)
        preview_layout.addLayout(note_row)
        self.preview_progress = WorkProgress(self.tr("Stop making the preview"))
        preview_layout.addWidget(self.preview_progress)
        self.preview = PagePreview()
        self.preview.setAccessibleName(self.tr("Preview of the charter's pages"))
        preview_layout.addWidget(self.preview, 1)
        self.splitter.addWidget(preview)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self._split_once = True

        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.make_preview)
        self.export_button.clicked.connect(self.export)
        self.open_button.clicked.connect(self._open_exported)
        self.preview_again.clicked.connect(self.make_preview)
        self.preview_progress.stop_clicked.connect(self.stop_preview)
        self.export_progress.stop_clicked.connect(self._stop_export)
        self.confidentiality.editingFinished.connect(self._options_changed)
        self.paper.activated.connect(lambda _: self._options_changed())
        self.include_comments.toggled.connect(lambda _: self._options_changed())
        self.format.currentIndexChanged.connect(lambda _: self._show_format())
        self._show_format()

    def chosen_format(self) -> Format:
        return "docx" if self.format.currentData() == "docx" else "pdf"

    def _show_format(self) -> None:
        """Say what the chosen format holds, and name the export button after it."""
        if self.chosen_format() == "docx":
            note = self.tr(
                "Word: the same parts, words, version, document id and fingerprint as the PDF, "
                "with Word headings and tables and the charts' figures as tables, for the legal "
                "teams to redline. A draft says DRAFT in the header of every page."
            )
            name = self.tr("Export the charter as a Word document")
        else:
            note = self.tr(
                "PDF: the pages the preview shows, as PDF/A-2b for the archive, with an empty "
                "signature field on each signatory's line for signing with Acrobat or any PDF "
                "signing tool."
            )
            name = self.tr("Export the charter as a PDF file")
        self.format_note.setText(note)
        self.export_button.setAccessibleName(name)

    def options(self) -> CharterOptions:
        return CharterOptions(
            confidentiality=self.confidentiality.text().strip(),
            paper="Letter" if self.paper.currentData() == "Letter" else "A4",
            include_comments=self.include_comments.isChecked(),
        )

    def on_edit(self, edit: Edit) -> None:
        if edit.touches("agreement", "charters"):
            return  # recording an export changes nothing the page shows but the status line
        super().on_edit(edit)

    def set_editor(self, editor: SessionEditor) -> None:
        self.stop_work()  # a charter of the session being left is of no use any more
        super().set_editor(editor)

    def refresh(self) -> None:
        assert self.editor is not None
        self._clear_preview()
        if self._split_once and self.splitter.width() > 0:
            # The first time the page is laid out: the preview takes the larger share.
            width = self.splitter.width()
            self.splitter.setSizes([width * 2 // 5, width * 3 // 5])
            self._split_once = False
        self.summary = None
        self.export_button.setEnabled(False)  # until the charter's summary is known
        if self._answers_hidden():
            return
        self.status.setText(self.tr("Working out what the charter holds..."))
        self.fingerprint.clear()
        self.preview_note.setText(self.tr("Preparing the preview..."))
        self._preview_timer.start()

    def _show_summary(self, summary: CharterSummary) -> None:
        """What the charter holds and what is worth settling first, once its content is known."""
        self.summary = summary
        self._show_status(summary)
        clear_layout(self.warnings)
        for warning in summary.warnings:
            self.warnings.addWidget(label("\u2022 " + warning.message, "warning"))
        if not summary.warnings:
            self.warnings.addWidget(label(self.tr("Nothing: the charter is ready."), "muted"))
        self.parts.setText(
            "\n".join(
                (
                    f"{part_title(part.number)}: {part.summary}"
                    if part.number in ("Appendix", "Changes")
                    else f"{part.number}  {part_title(part.number)}: {part.summary}"
                )
                for part in summary.parts
            )
        )
        self.optional_parts.setText(self._optional_parts_text(summary))
        self.export_button.setEnabled(self._export_work is None)

    def _optional_parts_text(self, summary: CharterSummary) -> str:
        """Which of the parts the charter prints only in some cases are in it this time."""
        lines = []
        for part in summary.optional_parts:
            if part.kind == "comments":
                lines.append(
                    self.tr("In the charter: the parties' comments (Appendix A).")
                    if part.included
                    else self.tr("Left out: the parties' comments (they are often internal).")
                )
            elif part.included:
                lines.append(
                    self.tr("In the charter: what changed since version {version}.").format(
                        version=summary.version - 1
                    )
                )
            else:
                lines.append(self.tr("No list of changes: this is the first version."))
        return "\n".join(lines)

    def _show_status(self, summary: CharterSummary) -> None:
        state = (
            self.tr("Draft: every page is marked DRAFT")
            if summary.status == "draft"
            else self.tr("Agreed")
        )
        version = (
            self.tr("Version {version} (what the charter prints has changed since the last export)")
            if summary.new_version and summary.version > 1
            else self.tr("Version {version}")
        ).format(version=summary.version)
        self.status.setText(
            self.tr("{state}\n{version} \u00b7 document {document}\nFingerprint:").format(
                state=state, version=version, document=summary.document_id
            )
        )
        self.fingerprint.setText(summary.fingerprint)
        self.fingerprint.setCursorPosition(0)

    def _options_changed(self) -> None:
        if self.editor is not None and self.isVisible():
            self.refresh()

    # --- the preview --------------------------------------------------------------------------

    def _clear_preview(self) -> None:
        self._preview_timer.stop()
        self.stop_preview()
        self.preview.clear()
        self.preview_again.hide()

    def preview_running(self) -> bool:
        return self._preview_work is not None

    def make_preview(self) -> None:
        """Start making the charter in memory, to show its pages (and its summary) when done."""
        if self.editor is None or self._answers_hidden():
            return
        self._preview_timer.stop()
        self.stop_preview()
        self.preview_again.hide()
        self.preview_note.setText("")
        options = self.options()
        work = CharterWork(
            self.editor.session,
            lambda session, report: make_charter(session, options, report=report),
        )
        work.progressed.connect(functools.partial(self._preview_progressed, work))
        work.finished.connect(functools.partial(self._preview_made, work))
        work.failed.connect(functools.partial(self._preview_failed, work))
        self._preview_work = work
        self.preview_progress.begin(self.tr("Preparing the preview..."))
        work.start()

    def stop_preview(self, *, for_export: bool = False) -> None:
        """Stop making the preview; its pages are not shown (after an export that stopped it,
        it is made again)."""
        work, self._preview_work = self._preview_work, None
        if work is not None:
            work.stop()  # its thread ends at its next report; what it sends is not listened to
            for signal in (work.progressed, work.finished, work.failed):
                signal.disconnect()
            self.preview_progress.hide()
            if for_export:
                self.preview_note.setText(self.tr("The preview is made once the export is done."))
            else:
                self.preview_note.setText(self.tr("The preview was stopped."))
                self.preview_again.show()

    def _preview_progressed(self, work: CharterWork, progress: Progress) -> None:
        if work is not self._preview_work:
            return
        if progress.summary is not None and self.summary is None:
            self._show_summary(progress.summary)
        self.preview_progress.advance(progress, self.tr("Preparing the preview"))

    def _preview_made(self, work: CharterWork, charter: Charter) -> None:
        if work is not self._preview_work:
            return
        self._preview_work = None
        self.preview_progress.hide()
        if self.summary is None:
            self._show_summary(charter.summary)
        self.preview.show_pdf(charter.pdf)
        self.preview_note.setText(self.tr("Preview: {pages} pages").format(pages=charter.pages))

    def _preview_failed(self, work: CharterWork, error: BaseException) -> None:
        if work is not self._preview_work:
            return
        self._preview_work = None
        self.preview_progress.hide()
        self.preview_note.setText(self.tr("The preview could not be made."))
        self.preview_again.show()
        report_failure(error)

    # --- exporting ----------------------------------------------------------------------------

    def export_running(self) -> bool:
        return self._export_work is not None

    def export(self) -> None:
        """Ask where, then write the charter in the chosen format off the window's thread; its
        version is recorded when it is written."""
        if self.editor is None or self.summary is None or self._export_work is not None:
            return
        editor = self.editor
        kind = self.chosen_format()
        suffix = SUFFIXES[kind]
        window = self.window()
        session_path = getattr(window, "path", None)
        folder = session_path.parent if isinstance(session_path, Path) else Path.home()
        suggested = folder / f"charter-{self.summary.document_id}{suffix}"
        documents = (
            self.tr("Word documents (*.docx)")
            if kind == "docx"
            else self.tr("PDF documents (*.pdf)")
        )
        path = dialogs.save_file_name(
            self, self.tr("Export the charter"), str(suggested), documents
        )
        if path is None:
            return
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        # One charter is set out at a time: the preview gives way, and is made again after.
        preview_wanted = self._preview_work is not None or self._preview_timer.isActive()
        if preview_wanted:
            self._preview_timer.stop()
            self.stop_preview(for_export=True)
        options = self.options()
        work = CharterWork(
            editor.session,
            lambda session, report: export_charter(
                session, path, options, format=kind, report=report
            ),
        )
        work.progressed.connect(
            lambda progress: self.export_progress.advance(progress, self.tr("Exporting"))
        )
        work.finished.connect(functools.partial(self._exported, preview_wanted))
        work.failed.connect(functools.partial(self._export_failed, preview_wanted))
        work.stopped.connect(functools.partial(self._export_stopped, preview_wanted))
        self._export_work = work
        self.export_button.setEnabled(False)
        self.result.setText("")
        self.export_progress.begin(self.tr("Exporting..."))
        work.start()

    def _stop_export(self) -> None:
        if self._export_work is not None:
            self._export_work.stop()
            self.export_progress.stopping()

    def _export_ended(self, preview_wanted: bool) -> None:
        self._export_work = None
        self.export_progress.hide()
        self.export_button.setEnabled(self.summary is not None)
        if preview_wanted and self.isVisible() and self._preview_work is None:
            self.make_preview()

    def _export_stopped(self, preview_wanted: bool) -> None:
        self._export_ended(preview_wanted)
        self.result.setText(self.tr("The export was stopped. Nothing was written."))

    def _export_failed(self, preview_wanted: bool, error: BaseException) -> None:
        self._export_ended(preview_wanted)
        if not isinstance(error, FileProblem):
            report_failure(error)
            return
        dialogs.warn(
            self,
            self.tr("The charter could not be exported"),
            self.tr("Nothing was written."),
            "\n".join(error.problems),
        )

    def _exported(self, preview_wanted: bool, exported: CharterExport) -> None:
        # The editor is still the one the export started from: leaving a session stops its
        # export first (see set_editor).
        editor = self.editor
        assert editor is not None
        self._export_ended(False)
        if exported.new_version:
            editor.record_charter(exported.record)
            self.charter_recorded.emit()
        self.exported = exported.path
        self.open_button.setEnabled(True)
        saved = not editor.is_modified
        if exported.pages is None:
            done = (
                self.tr(
                    "Exported version {version} as a Word document to {file}. The session file "
                    "keeps the charter's version and fingerprint."
                )
                if saved
                else self.tr(
                    "Exported version {version} as a Word document to {file}. Save the session "
                    "too: it keeps the charter's version and fingerprint."
                )
            )
        else:
            done = (
                self.tr(
                    "Exported version {version} ({pages} pages) to {file}. The session file "
                    "keeps the charter's version and fingerprint."
                )
                if saved
                else self.tr(
                    "Exported version {version} ({pages} pages) to {file}. Save the session too: "
                    "it keeps the charter's version and fingerprint."
                )
            )
        self.result.setText(
            done.format(version=exported.record.version, pages=exported.pages, file=exported.path)
        )
        shown = self.summary
        if shown is not None and shown.fingerprint == exported.summary.fingerprint:
            # The version just recorded is the charter's version now, unchanged since.
            self.summary = dataclasses.replace(shown, new_version=False)
            self._show_status(self.summary)
            if preview_wanted:
                self.make_preview()
        else:
            # The session changed while the charter was written: what the page shows was
            # worked out before this version was recorded, so it is worked out again.
            self._stale = True
            if self.isVisible():
                self._refresh_now()

    def stop_work(self) -> None:
        """Stop the preview and any export and wait for them to end: an export stopped before
        it wrote its file writes nothing; one that wrote it is recorded."""
        self._preview_timer.stop()
        self.stop_preview()
        if self._export_work is not None:
            self._export_work.wait()
        CharterWork.wait_for_all()

    def _open_exported(self) -> None:
        if self.exported is not None:
            dialogs.open_externally(self, self.exported)
