"""A PDF's pages one under another, each drawn when it scrolls into view."""

from __future__ import annotations

import pypdfium2
import pypdfium2.raw as pdfium_c
from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

PAGE_GAP = 12
RENDER_MARGIN = 600
"""Pages this many pixels below or above the view are drawn ahead, so scrolling finds them ready."""


class PagePreview(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        container = QWidget()
        container.setStyleSheet("background: #8E8A82;")
        self._layout = QVBoxLayout(container)
        self._layout.setContentsMargins(PAGE_GAP, PAGE_GAP, PAGE_GAP, PAGE_GAP)
        self._layout.setSpacing(PAGE_GAP)
        self._layout.addStretch(1)
        self.setWidget(container)
        self._document: pypdfium2.PdfDocument | None = None
        self._pages: list[QLabel] = []
        self._drawn: set[int] = set()
        self._redraw = QTimer(self)
        self._redraw.setSingleShot(True)
        self._redraw.setInterval(30)
        self._redraw.timeout.connect(self._draw_visible)
        self.verticalScrollBar().valueChanged.connect(lambda _: self._redraw.start())

    def page_count(self) -> int:
        return len(self._pages)

    def show_pdf(self, data: bytes) -> None:
        """Show the pages of the PDF in ``data``."""
        self.clear()
        self._document = pypdfium2.PdfDocument(data)
        for index in range(len(self._document)):
            page = QLabel()
            page.setAlignment(Qt.AlignmentFlag.AlignCenter)
            page.setStyleSheet("background: white;")
            page.setAccessibleName(self.tr("Page {number}").format(number=index + 1))
            self._layout.insertWidget(index, page, 0, Qt.AlignmentFlag.AlignHCenter)
            self._pages.append(page)
        self._size_pages()
        self._redraw.start()

    def clear(self) -> None:
        for page in self._pages:
            page.hide()  # at once: deleteLater waits for the event loop
            page.deleteLater()
        self._pages = []
        self._drawn.clear()
        if self._document is not None:
            self._document.close()
            self._document = None

    def page_image(self, index: int, width: int | None = None) -> QImage:
        """Page ``index`` drawn ``width`` pixels wide (by default: as wide as it is shown)."""
        assert self._document is not None
        page = self._document[index]
        width_points, _ = page.get_size()
        scale = (width or self._page_width() * self.devicePixelRatioF()) / width_points
        bitmap = page.render(
            scale=scale, rev_byteorder=True, force_bitmap_format=pdfium_c.FPDFBitmap_BGRA
        )
        image = QImage(
            bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGBA8888
        )
        return image.copy()  # the bitmap's memory goes with it; the copy owns its pixels

    def _page_width(self) -> int:
        return max(200, self.viewport().width() - 2 * PAGE_GAP)

    def _size_pages(self) -> None:
        if self._document is None:
            return
        width = self._page_width()
        for index, page in enumerate(self._pages):
            width_points, height_points = self._document[index].get_size()
            page.setFixedSize(QSize(width, round(width * height_points / width_points)))
        self._drawn.clear()

    def _draw_visible(self) -> None:
        if self._document is None:
            return
        top = self.verticalScrollBar().value() - RENDER_MARGIN
        bottom = top + self.viewport().height() + 2 * RENDER_MARGIN
        # Where each page is follows from the sizes of those above it, known before the layout
        # has placed them (pages not yet placed all sit at the top, and drawing all of a long
        # charter's pages at once would hold the window for seconds).
        y = PAGE_GAP
        for index, page in enumerate(self._pages):
            page_top, y = y, y + page.height() + PAGE_GAP
            if index in self._drawn or page_top + page.height() < top or page_top > bottom:
                continue
            pixmap = QPixmap.fromImage(self.page_image(index))
            pixmap.setDevicePixelRatio(self.devicePixelRatioF())
            page.setPixmap(pixmap)
            self._drawn.add(index)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._size_pages()
            self._redraw.start()
