"""The Export step: what the charter will hold, what is worth settling first, a preview, export.

The preview is the charter itself, made in memory and drawn page by page, so what the room sees
is exactly what the lawyers will receive.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
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
    CharterOptions,
    CharterSummary,
    charter_pdf,
    charter_summary,
    export_charter,
)
from ..model.edits import Edit
from . import dialogs
from .common import clear_layout, label
from .icons import icon_on_dark
from .page_preview import PagePreview
from .steps import StepPage

PREVIEW_DELAY_MS = 150
"""The preview is made just after the page is shown, so the page itself appears at once."""


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
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary: CharterSummary | None = None
        self.exported: Path | None = None

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
        form.addRow(self.tr("Marking"), self.confidentiality)
        form.addRow(self.tr("Paper"), self.paper)
        form.addRow(self.tr("Comments"), self.include_comments)
        layout.addLayout(form)
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
        self.open_button = QPushButton(self.tr("Open the PDF"))
        self.open_button.setAccessibleName(self.tr("Open the exported PDF"))
        self.open_button.setEnabled(False)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
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
        left_layout.addWidget(self.result)
        self.splitter.addWidget(left)

        preview = QFrame()
        preview_layout = QVBoxLayout(preview)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        self.preview_note = label(role="muted")
        preview_layout.addWidget(self.preview_note)
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
        self.confidentiality.editingFinished.connect(self._options_changed)
        self.paper.activated.connect(lambda _: self._options_changed())
        self.include_comments.toggled.connect(lambda _: self._options_changed())

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

    def refresh(self) -> None:
        assert self.editor is not None
        session = self.editor.session
        self._clear_preview()
        if self._split_once and self.splitter.width() > 0:
            # The first time the page is laid out: the preview takes the larger share.
            width = self.splitter.width()
            self.splitter.setSizes([width * 2 // 5, width * 3 // 5])
            self._split_once = False
        if self._answers_hidden():
            self.summary = None
            return
        self.summary = summary = charter_summary(session, self.options())
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
        self.preview_note.setText(self.tr("Preparing the preview..."))
        self._preview_timer.start()

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

    def _clear_preview(self) -> None:
        self._preview_timer.stop()
        self.preview.clear()

    def make_preview(self) -> None:
        """Make the charter in memory and show its pages."""
        if self.editor is None or self.summary is None:
            return
        data, _, pages = charter_pdf(self.editor.session, self.options())
        self.preview.show_pdf(data)
        self.preview_note.setText(self.tr("Preview: {pages} pages").format(pages=pages))

    def export(self) -> None:
        """Ask where, write the PDF, and record the charter's version in the session."""
        if self.editor is None or self.summary is None:
            return
        editor = self.editor
        window = self.window()
        session_path = getattr(window, "path", None)
        folder = session_path.parent if isinstance(session_path, Path) else Path.home()
        suggested = folder / f"charter-{self.summary.document_id}.pdf"
        path = dialogs.save_file_name(
            self, self.tr("Export the charter"), str(suggested), self.tr("PDF documents (*.pdf)")
        )
        if path is None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            exported = export_charter(editor.session, path, self.options())
        except FileProblem as problem:
            dialogs.warn(
                self,
                self.tr("The charter could not be exported"),
                self.tr("Nothing was written."),
                "\n".join(problem.problems),
            )
            return
        if exported.new_version:
            editor.record_charter(exported.record)
        self.exported = exported.path
        self.open_button.setEnabled(True)
        self.result.setText(
            self.tr(
                "Exported version {version} ({pages} pages) to {file}. Save the session too: it "
                "keeps the charter's version and fingerprint."
            ).format(version=exported.record.version, pages=exported.pages, file=exported.path)
        )
        if self.summary is not None:
            self._show_status(charter_summary(editor.session, self.options()))

    def _open_exported(self) -> None:
        if self.exported is not None:
            dialogs.open_externally(self, self.exported)
