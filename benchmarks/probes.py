"""The small programs that benchmarks/run.py starts as fresh processes.

    python benchmarks/probes.py bare-window LAUNCHED
    python benchmarks/probes.py app-window LAUNCHED [SESSION_FILE]
    python benchmarks/probes.py plain-pdf PAGES FONTS_FOLDER OUTPUT
    python benchmarks/probes.py export-in-process SESSION_FILE OUTPUT

Each probe imports what it needs inside its own function, so a process loads only what its
measurement is about. LAUNCHED is the starting process's ``time.perf_counter()`` just before it
started this one (the same system-wide clock on Linux, macOS and Windows): the window probes print
``ready SECONDS``, the time from then until the window was shown, painted once and every event
queued up to that paint was handled.
"""

from __future__ import annotations

import sys
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtWidgets import QApplication, QWidget

# A window that has not painted after this long is broken, not slow.
WINDOW_TIMEOUT_MS = 60_000


def _exec_until_painted(app: QApplication, window: QWidget, launched: float) -> int:
    """Run the event loop until ``window`` has painted once and the loop turned again."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    def finish() -> None:
        print(f"ready {time.perf_counter() - launched:.6f}", flush=True)
        app.quit()

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                QTimer.singleShot(0, finish)  # after the events the paint itself left queued
            return False

    watcher = FirstPaint()
    window.installEventFilter(watcher)
    QTimer.singleShot(WINDOW_TIMEOUT_MS, lambda: app.exit(3))
    return app.exec()


def bare_window(launched: float) -> int:
    """A plain Qt main window of the app's default size: what any Qt app must pay."""
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    available = window.screen().availableGeometry()
    window.resize(min(1280, available.width()), min(800, available.height()))
    window.show()
    return _exec_until_painted(app, window, launched)


def app_window(launched: float, session_file: Path | None) -> int:
    """The app's main window, as the app starts it, on a new session or on a session file."""
    from partnerworkshop.ui.application import build_window, create_application

    app = create_application()
    window = build_window(session_file)
    return _exec_until_painted(app, window, launched)


def plain_pdf(pages: int, fonts_folder: Path, output: Path) -> int:
    """A plain reportlab document of ``pages`` pages in the charter's fonts: text and tables."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table
    from reportlab.platypus.flowables import Flowable
    from reportlab.platypus.tables import TableStyle

    for name, file in (
        ("DejaVuSans", "DejaVuSans.ttf"),
        ("DejaVuSans-Bold", "DejaVuSans-Bold.ttf"),
        ("DejaVuSans-Oblique", "DejaVuSans-Oblique.ttf"),
    ):
        pdfmetrics.registerFont(TTFont(name, str(fonts_folder / file)))
    heading = ParagraphStyle("heading", fontName="DejaVuSans-Bold", fontSize=14, leading=18)
    body = ParagraphStyle("body", fontName="DejaVuSans", fontSize=10, leading=13, spaceAfter=6)
    note = ParagraphStyle("note", fontName="DejaVuSans-Oblique", fontSize=9, leading=12)
    sentence = (
        "Both organisations share the costs, the risks and the decisions of the joint work, "
        "review it together every quarter and give each other notice of any change. "
    )
    story: list[Flowable] = []
    for page in range(1, pages + 1):
        story.append(Paragraph(f"Section {page}", heading))
        story.append(Spacer(1, 8))
        story.extend(Paragraph(sentence * 3, body) for _ in range(5))
        table = Table(
            [["Question", "Party A", "Party B"]]
            + [[f"Question {page}.{row}", "Agreed", "Adopted"] for row in range(1, 7)],
            colWidths=[8 * cm, 4 * cm, 4 * cm],
        )
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), "DejaVuSans"),
                    ("FONTNAME", (0, 0), (-1, 0), "DejaVuSans-Bold"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.grey),
                ]
            )
        )
        story.extend([table, Spacer(1, 8), Paragraph("Recorded at the workshop.", note)])
        if page < pages:
            story.append(PageBreak())
    SimpleDocTemplate(str(output), pagesize=A4, title="Plain document").build(story)
    return 0


def export_in_process(session_file: Path, output: Path) -> int:
    """Export a charter in this process and print how long the export itself took."""
    from partnerworkshop.export.charter import export_charter
    from partnerworkshop.model.storage import load_session

    session = load_session(session_file)
    started = time.perf_counter()
    exported = export_charter(session, output)
    print(f"exported {time.perf_counter() - started:.6f} {exported.pages}", flush=True)
    return 0


def main(argv: list[str]) -> int:
    probe, arguments = argv[0], argv[1:]
    if probe == "bare-window":
        return bare_window(float(arguments[0]))
    # Imported here, not at the top: the bare window's process must not pay for it.
    from pathlib import Path

    if probe == "app-window":
        return app_window(float(arguments[0]), Path(arguments[1]) if len(arguments) > 1 else None)
    if probe == "plain-pdf":
        return plain_pdf(int(arguments[0]), Path(arguments[1]), Path(arguments[2]))
    if probe == "export-in-process":
        return export_in_process(Path(arguments[0]), Path(arguments[1]))
    print(f"unknown probe: {probe}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
