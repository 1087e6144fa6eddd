"""The Compare step: where the two parties diverge, and which kind of relationship each describes.

From the top: the headline (with the answers behind each reading one click away), the alignment
figure, two charts (the parties' readings, the gap per section), then the agenda and a table of
every question. The page analyses the session once each time it is shown after a change.

While the parties answer blind, or in an answer pack, nothing derived from the answers is built:
the page only says why there is nothing to compare yet.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPainter, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLayout,
    QListView,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..model.analysis import CLOSE_UP_TO, STATUSES, Analysis, QuestionResult, Status, one_line
from ..model.base import SIDES, Side
from ..model.edits import Edit
from ..model.inside import InsideParty, RepresentativeReading
from ..model.kinds import KINDS, RelationshipKind
from ..model.reading import Headline, Reading
from ..model.session import Answer, Session
from ..model.template import Question, Questionnaire, SplitQuestion
from .charts import GapBar, RadarSeries, ReadingRadar, SectionGapBars
from .common import (
    answer_in_words,
    answers_hidden_reason,
    clear_layout,
    kind_label,
    label,
    party_card,
    party_name,
    plain_tooltip,
    status_label,
)
from .icons import icon
from .respondents import respondent_label, respondent_short_label
from .steps import StepPage
from .style import INK, MUTED

QUESTION_ID_ROLE = Qt.ItemDataRole.UserRole
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 1

ANSWER_LIMIT = 400
"""How many characters of an answer a list entry quotes: entries wrap, so only a very long
free-text answer is shortened (the Answer step shows it all)."""

EDITS_THAT_CHANGE_NOTHING_HERE = ("answer.comment",)
"""Edits to the answers that the comparison does not read: typing a comment re-analyses nothing."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("ComparePage", text)


def kind_phrase(kind: RelationshipKind) -> str:
    """The kind as the headline names it, with its article."""
    phrases = {
        RelationshipKind.PURCHASE_ORDER: _tr("a purchase order / supplier relationship"),
        RelationshipKind.KEY_ACCOUNT: _tr("a key account"),
        RelationshipKind.AFFILIATE: _tr("an affiliate / referral deal"),
        RelationshipKind.SPONSORSHIP: _tr("a sponsorship"),
        RelationshipKind.STRATEGIC_PARTNERSHIP: _tr("a strategic partnership"),
        RelationshipKind.PUBLIC_COLLABORATION: _tr("a public or NGO collaboration"),
    }
    return phrases[kind]


def headline_text(headline: Headline, names: dict[Side, str]) -> str:
    """The headline sentence, built from its parts so that it can be translated."""
    kinds = headline.kinds

    def describes(side: Side) -> str:
        kind = kinds[side]
        assert kind is not None
        template = (
            _tr("{name} leans toward {kind}")
            if headline.tentative[side]
            else _tr("{name} describes {kind}")
        )
        return template.format(name=names[side], kind=kind_phrase(kind))

    if headline.case == "both_short":
        return _tr(
            "Neither {a} nor {b} has given enough answers yet to tell which kind of relationship "
            "each describes."
        ).format(a=names["A"], b=names["B"])
    if headline.case == "one_short":
        read: Side = "A" if kinds["A"] is not None else "B"
        short: Side = "B" if read == "A" else "A"
        return _tr(
            "{reading}; {name} has not given enough answers yet to tell what it describes."
        ).format(reading=describes(read), name=names[short])
    if headline.case == "same":
        kind = kinds["A"]
        assert kind is not None
        template = (
            _tr("Both {a} and {b} lean toward {kind}.")
            if headline.tentative["A"] or headline.tentative["B"]
            else _tr("Both {a} and {b} describe {kind}.")
        )
        return template.format(a=names["A"], b=names["B"], kind=kind_phrase(kind))
    return _tr("{first}; {second}.").format(first=describes("A"), second=describes("B"))


def question_numbers(template: Questionnaire) -> dict[str, str]:
    """Each question's number as the Answer step shows it: section.question, e.g. 4.1."""
    return {
        question.id: f"{section_number}.{question_number}"
        for section_number, section in enumerate(template.sections, start=1)
        for question_number, question in enumerate(section.questions, start=1)
    }


def agenda_line(question: Question, answers: dict[Side, Answer], names: dict[Side, str]) -> str:
    """One line to read aloud: both answers, or who is unsure or has not answered yet.

    The agenda item's reason (``analysis.agenda_reason``) in words the app can translate."""
    short = {side: one_line(names[side], 40) for side in SIDES}

    def said(side: Side) -> str:
        value = answers[side].value
        assert value is not None
        if isinstance(question, SplitQuestion):
            assert isinstance(value, int)
            own = value if side == "A" else 100 - value  # each party speaks of its own share
            if own == 50:
                words = _tr("an even split of {topic}")
            else:
                words = _tr("we carry {share}% of {topic}")
            words = words.format(share=own, topic=one_line(question.topic, ANSWER_LIMIT))
        else:
            words = one_line(question.describe_value(value), ANSWER_LIMIT)
        return _tr("{name}: {answer}").format(name=short[side], answer=words)

    unsure = [side for side in SIDES if answers[side].not_sure]
    unanswered = [side for side in SIDES if answers[side].value is None and side not in unsure]
    if len(unanswered) == 2:
        return _tr("Neither {a} nor {b} has answered yet").format(a=short["A"], b=short["B"])
    if len(unsure) == 2:
        return _tr("Both {a} and {b} are not sure").format(a=short["A"], b=short["B"])
    parts = [_tr("{name} has not answered yet").format(name=short[side]) for side in unanswered]
    parts += [_tr("{name} is not sure").format(name=short[side]) for side in unsure]
    parts += [said(side) for side in SIDES if side not in unanswered and side not in unsure]
    return _tr("; ").join(parts)


def percent_text(share: float) -> str:
    """A share (0-1) as a percentage: one decimal below 10%, where rounding would hide the
    differences between small contributions."""
    percent = 100 * share
    return f"{percent:.1f}" if percent < 9.95 else f"{percent:.0f}"


def party_swatch(colour: str, side: Side, size: int) -> QIcon:
    """The party's marker in its colour: a circle for Party A, a square for Party B (as in the
    radar), so the columns can be told apart without colour."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    inset = size * 0.18
    rect = QRect(round(inset), round(inset), round(size - 2 * inset), round(size - 2 * inset))
    if side == "A":
        painter.drawEllipse(rect)
    else:
        painter.drawRect(rect)
    painter.end()
    return QIcon(pixmap)


# --- the table of every question ---------------------------------------------------------------


@dataclass(frozen=True)
class QuestionRow:
    """One question in the table, its texts ready to show."""

    question_id: str
    order: int
    number: str
    prompt: str
    answers: dict[Side, str | None]
    gap: float | None
    status: Status
    read_together: bool


class QuestionTableModel(QAbstractTableModel):
    """Every question compared: number, question, each party's answer, gap and status."""

    NUMBER, QUESTION, ANSWER_A, ANSWER_B, GAP, STATUS = range(6)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[QuestionRow] = []
        self.names: dict[Side, str] = {"A": "", "B": ""}
        self.swatches: dict[Side, QIcon] = {}

    def set_rows(
        self, rows: list[QuestionRow], names: dict[Side, str], swatches: dict[Side, QIcon]
    ) -> None:
        self.beginResetModel()
        self.rows = rows
        self.names = names
        self.swatches = swatches
        self.endResetModel()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802 (Qt's name)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802 (Qt's name)
        return 0 if parent.isValid() else 6

    def headerData(  # noqa: N802 (Qt's name)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        sides: dict[int, Side] = {self.ANSWER_A: "A", self.ANSWER_B: "B"}
        if role == Qt.ItemDataRole.DisplayRole:
            if section in sides:
                return self.names[sides[section]]
            return {
                self.NUMBER: self.tr("No."),
                self.QUESTION: self.tr("Question"),
                self.GAP: self.tr("Gap"),
                self.STATUS: self.tr("Status"),
            }.get(section)
        if role == Qt.ItemDataRole.DecorationRole and section in sides:
            return self.swatches.get(sides[section])
        if role == Qt.ItemDataRole.ToolTipRole and section in sides:
            return plain_tooltip(self.tr("{name}'s answer").format(name=self.names[sides[section]]))
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == QUESTION_ID_ROLE:
            return row.question_id
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.QUESTION:
                return plain_tooltip(f"{row.number}  {row.prompt}")
            if column in (self.ANSWER_A, self.ANSWER_B):
                text = self._text(row, column)
                return plain_tooltip(text) if text else None
            if column == self.GAP and row.read_together:
                return plain_tooltip(
                    self.tr("Free-text answers have no gap: read them side by side.")
                )
            return None
        if role == Qt.ItemDataRole.DecorationRole and column == self.STATUS:
            return icon(f"status-{row.status}")
        if role == Qt.ItemDataRole.ForegroundRole:
            muted = (
                column in (self.ANSWER_A, self.ANSWER_B) and row.answers[self._side(column)] is None
            ) or (column == self.GAP and row.gap is None)
            return QColor(MUTED) if muted else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.NUMBER, self.GAP):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _side(self, column: int) -> Side:
        return "A" if column == self.ANSWER_A else "B"

    def _text(self, row: QuestionRow, column: int) -> str:
        if column == self.NUMBER:
            return row.number
        if column == self.QUESTION:
            return row.prompt
        if column in (self.ANSWER_A, self.ANSWER_B):
            answer = row.answers[self._side(column)]
            return self.tr("Not answered") if answer is None else answer
        if column == self.GAP:
            if row.gap is not None:
                return f"{row.gap:.2f}"
            return self.tr("read together") if row.read_together else "\u2013"
        return status_label(row.status)

    def sort_key(self, row: QuestionRow, column: int) -> tuple[float, str] | None:
        """What the column sorts by: a number, then a text; None (a blank) sorts last whichever
        way the column is sorted."""
        if column == self.NUMBER:
            return (row.order, "")
        if column == self.QUESTION:
            return (0, row.prompt.casefold())
        if column in (self.ANSWER_A, self.ANSWER_B):
            answer = row.answers[self._side(column)]
            return None if answer is None else (0, answer.casefold())
        if column == self.GAP:
            return None if row.gap is None else (row.gap, "")
        return (STATUSES.index(row.status), "")


class QuestionFilter(QSortFilterProxyModel):
    """Shows the questions whose status is ticked; sorts each column by its meaning."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shown: set[Status] = set(STATUSES)

    def show_statuses(self, statuses: set[Status]) -> None:
        self.beginFilterChange()
        self.shown = set(statuses)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(  # noqa: N802 (Qt's name)
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        model = self.sourceModel()
        assert isinstance(model, QuestionTableModel)
        return model.rows[source_row].status in self.shown

    def lessThan(  # noqa: N802 (Qt's name)
        self,
        source_left: QModelIndex | QPersistentModelIndex,
        source_right: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        # The keys come straight from the rows: faster than a round trip through QVariant, and
        # index.data() must not be called where a role has no value (PySide6 then drops a
        # reference to None on Python 3.11, which in time crashes the interpreter).
        model = self.sourceModel()
        assert isinstance(model, QuestionTableModel)
        column = source_left.column()
        left = model.sort_key(model.rows[source_left.row()], column)
        right = model.sort_key(model.rows[source_right.row()], column)
        # Blank values (an open question's gap, a missing answer) go last in both directions:
        # Qt sorts descending by asking lessThan with the two sides swapped.
        if left is None or right is None:
            if left is None and right is None:
                return False
            descending = self.sortOrder() == Qt.SortOrder.DescendingOrder
            return (left is None) == descending
        return bool(left < right)


class QuestionTable(QTableView):
    """The question table: one line per question, row height following the zoom."""

    SHARES = {
        QuestionTableModel.QUESTION: 0.4,
        QuestionTableModel.ANSWER_A: 0.3,
        QuestionTableModel.ANSWER_B: 0.3,
    }
    """How the question and the two answers share the width the narrow columns leave."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setShowGrid(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setTabKeyNavigation(False)  # Tab leaves the table, arrows move within it
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsClickable(True)
        header.setMinimumSectionSize(40)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def setModel(self, model: QAbstractItemModel | None) -> None:  # noqa: N802 (Qt's name)
        super().setModel(model)
        if model is not None:
            for signal in (model.modelReset, model.layoutChanged, model.rowsRemoved):
                signal.connect(self.fit_height)
            model.rowsInserted.connect(self.fit_height)

    def fit_height(self) -> None:
        """As tall as its rows, so that the page scrolls and the table never does."""
        model = self.model()
        rows = model.rowCount() if model is not None else 0
        header = self.horizontalHeader().sizeHint().height()
        row_height = self.verticalHeader().defaultSectionSize()
        height = header + max(1, rows) * row_height + 2 * self.frameWidth() + 2
        if self.height() != height:
            self.setFixedHeight(height)

    def fit_columns(self) -> None:
        """Narrow columns sized to their content; the question and the answers share the rest."""
        metrics = QFontMetrics(self.font())
        pad = round(metrics.height() * 0.8) + 14  # room for the sort indicator and the margins
        self.verticalHeader().setDefaultSectionSize(round(metrics.height() * 1.75))
        self.setIconSize(QSize(metrics.height(), metrics.height()))
        if self.model() is None:
            return
        header = self.horizontalHeader()
        header.setStretchLastSection(False)

        def width(*texts: str) -> int:
            return max(metrics.horizontalAdvance(text) for text in texts) + pad

        statuses = [status_label(status) for status in STATUSES]
        fixed = {
            QuestionTableModel.NUMBER: width("00.00", self.tr("No.")),
            QuestionTableModel.GAP: width(self.tr("read together"), "0.00"),
            QuestionTableModel.STATUS: width(*statuses) + metrics.height() + 8,
        }
        for column, column_width in fixed.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, column_width)
        rest = self.viewport().width() - sum(fixed.values())
        for column, share in self.SHARES.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, max(80, int(rest * share)))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self.fit_columns()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.fit_columns()
            self.fit_height()


# --- the agenda and the free-text questions: two-line lists -----------------------------------


@dataclass(frozen=True)
class ListRow:
    """One entry of a two-line list: a title, a detail line under it, and a status icon."""

    question_id: str
    title: str
    detail: str
    icon_name: str


class QuestionListModel(QAbstractListModel):
    """The entries of a two-line list: the agenda, or the free-text questions."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ListRow] = []

    def set_rows(self, rows: list[ListRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802 (Qt's name)
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{row.title} \u2014 {row.detail}"  # what a screen reader reads
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(f"{row.title}\n{row.detail}")
        if role == DETAIL_ROLE:
            return row
        if role == Qt.ItemDataRole.DecorationRole:
            return icon(row.icon_name)
        if role == QUESTION_ID_ROLE:
            return row.question_id
        return None


class TwoLineDelegate(QStyledItemDelegate):
    """Draws an entry as its icon, its title in semi-bold and its detail, muted, beneath; both
    wrap over as many lines as they need (they are read aloud: nothing is cut off)."""

    WRAP = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
    MEASURED_KEPT = 20_000
    """How many measured entries are remembered: a long agenda is measured again and again (by
    the view and to fit its height), and wrapping text is slow to measure."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._measured: dict[tuple[str, str, str, int], tuple[int, int]] = {}

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        title = QFont(option.font)
        title.setWeight(QFont.Weight.DemiBold)
        return title, QFont(option.font)

    def _text_width(self, option: QStyleOptionViewItem, width: int) -> int:
        """The width the words have in an entry ``width`` wide, beside the icon."""
        icon_size = round(QFontMetrics(self._fonts(option)[0]).height() * 1.1)
        return max(40, width - 10 - icon_size - 10 - 8)

    def _heights(self, option: QStyleOptionViewItem, row: ListRow, width: int) -> tuple[int, int]:
        title_font, detail_font = self._fonts(option)
        text_width = self._text_width(option, width)
        key = (row.title, row.detail, option.font.key(), text_width)
        known = self._measured.get(key)
        if known is not None:
            return known
        if len(self._measured) >= self.MEASURED_KEPT:
            self._measured.clear()
        heights = []
        for font, text in ((title_font, row.title), (detail_font, row.detail)):
            bounds = QFontMetrics(font).boundingRect(
                QRect(0, 0, text_width, 100_000), int(self.WRAP), text
            )
            heights.append(max(bounds.height(), QFontMetrics(font).height()))
        self._measured[key] = (heights[0], heights[1])
        return self._measured[key]

    def sizeHint(  # noqa: N802 (Qt's name)
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        row = index.data(DETAIL_ROLE)
        view = self.parent()
        width = view.viewport().width() if isinstance(view, QAbstractItemView) else 600
        if not isinstance(row, ListRow):
            return QSize(width, round(QFontMetrics(option.font).height() * 2 + 16))
        title, detail = self._heights(option, row, width)
        return QSize(width, title + detail + 16)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        row = index.data(DETAIL_ROLE)
        if not isinstance(row, ListRow):
            return
        self.initStyleOption(option, index)
        widget = option.widget
        style = widget.style() if widget is not None else None
        text_option = QStyleOptionViewItem(option)
        text_option.text = ""
        text_option.icon = QIcon()
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, text_option, painter, widget)
        rect: QRect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        title_font, detail_font = self._fonts(option)
        metrics = QFontMetrics(title_font)
        line = metrics.height()
        icon_size = round(line * 1.1)
        left = rect.left() + 10
        icon(row.icon_name).paint(painter, QRect(left, rect.top() + 8, icon_size, icon_size))
        text_left = left + icon_size + 10
        width = self._text_width(option, rect.width())
        title_height, detail_height = self._heights(option, row, rect.width())
        painter.save()
        ink = option.palette.highlightedText().color() if selected else QColor(INK)
        muted = ink if selected else QColor(MUTED)
        painter.setFont(title_font)
        painter.setPen(ink)
        painter.drawText(
            QRect(text_left, rect.top() + 6, width, title_height), int(self.WRAP), row.title
        )
        painter.setFont(detail_font)
        painter.setPen(muted)
        painter.drawText(
            QRect(text_left, rect.top() + 8 + title_height, width, detail_height),
            int(self.WRAP),
            row.detail,
        )
        painter.restore()


class FittedList(QListView):
    """A list as tall as its entries, so that the page scrolls and the list never does."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)

    def setModel(self, model: QAbstractItemModel | None) -> None:  # noqa: N802 (Qt's name)
        super().setModel(model)
        if model is not None:
            model.modelReset.connect(self.fit_height)
            model.layoutChanged.connect(self.fit_height)

    def fit_height(self) -> None:
        model = self.model()
        if model is None:
            return
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        delegate = self.itemDelegate()
        rows = sum(
            delegate.sizeHint(option, model.index(row, 0)).height()
            for row in range(model.rowCount())
        )
        height = max(rows, QFontMetrics(self.font()).height()) + 2 * self.frameWidth() + 2
        if self.height() != height:
            self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.scheduleDelayedItemsLayout()  # the entries' heights depend on the width
            self.fit_height()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.fit_height()


def two_line_list(name: str) -> QListView:
    view = FittedList()
    view.setAccessibleName(name)
    view.setUniformItemSizes(False)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setItemDelegate(TwoLineDelegate(view))
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    return view


class Disclosure(QToolButton):
    """A button that shows and hides more detail under it, with an arrow saying which.

    The arrow is a character of the text, so it grows with the zoom like the words beside it.
    """

    def __init__(self, text: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.words = text
        self.setAccessibleName(name)
        self.setCheckable(True)
        self.setProperty("role", "disclosure")
        self.toggled.connect(self._show_arrow)
        self._show_arrow(False)

    def _show_arrow(self, shown: bool) -> None:
        self.setText(("\u25be  " if shown else "\u25b8  ") + self.words)


class FlexibleRow(QWidget):
    """Widgets side by side while they fit, one under the other when they do not (a large zoom
    on a small screen), so that the page never needs to scroll sideways."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.row.setContentsMargins(0, 0, 0, 0)

    def _widgets(self) -> list[QWidget]:
        items = (self.row.itemAt(i) for i in range(self.row.count()))
        return [w for item in items if item is not None and (w := item.widget()) is not None]

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        widths = [widget.minimumSizeHint().width() for widget in self._widgets()] or [0]
        return QSize(max(widths), self.row.minimumSize().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        widgets = self._widgets()
        needed = sum(w.sizeHint().width() for w in widgets) + self.row.spacing() * len(widgets)
        direction = (
            QBoxLayout.Direction.LeftToRight
            if needed <= event.size().width()
            else QBoxLayout.Direction.TopToBottom
        )
        if self.row.direction() != direction:
            self.row.setDirection(direction)
            self.updateGeometry()


class ChartRow(QWidget):
    """The two charts side by side, one above the other when the window is too narrow."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(16)
        # The row decides its own minimum width: side by side must not force the page wider.
        self.box.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.cards: list[QWidget] = []

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        widest = max((card.minimumSizeHint().width() for card in self.cards), default=0)
        return QSize(widest, self.box.minimumSize().height())

    def add_card(self, card: QWidget) -> None:
        self.cards.append(card)
        self.box.addWidget(card, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._arrange(event.size().width())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._arrange(self.width())  # zoom changes how wide the charts need to be

    def _arrange(self, width: int) -> None:
        needed = sum(card.minimumSizeHint().width() for card in self.cards) + self.box.spacing()
        direction = (
            QBoxLayout.Direction.LeftToRight
            if width >= needed
            else QBoxLayout.Direction.TopToBottom
        )
        if self.box.direction() != direction:
            self.box.setDirection(direction)


# --- the page ---------------------------------------------------------------------------------


class ComparePage(StepPage):
    """The Compare step.

    Signals: ``jump_to_question(question_id)`` opens a question in the Answer step (a row of
    the question table, a free-text question); ``open_in_agree(question_id)`` asks for an
    agenda item to be opened in the Agree step, after ``jump_to_step(3)`` has gone there.
    """

    open_in_agree = Signal(str)

    AGREE_STEP = 3
    ANSWER_STEP = 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stack = QStackedWidget()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        self.stack.addWidget(self._build_hidden_notice())
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setAccessibleName(self.tr("The comparison"))
        self.scroll_area.setWidget(self._build_comparison())
        self.stack.addWidget(self.scroll_area)

    # --- building -------------------------------------------------------------------------------

    def _build_hidden_notice(self) -> QWidget:
        notice = QWidget()
        notice.setObjectName("page")
        layout = QVBoxLayout(notice)
        layout.setContentsMargins(32, 32, 32, 32)
        layout.addWidget(label(self.tr("Compare"), "title"))
        self.hidden_message = label(role="help")
        layout.addWidget(self.hidden_message)
        row = QHBoxLayout()
        self.to_answer_button = QPushButton(self.tr("Go to the Answer step"))
        self.to_answer_button.setAccessibleName(self.tr("Go to the Answer step"))
        self.to_answer_button.clicked.connect(lambda: self.jump_to_step.emit(self.ANSWER_STEP))
        row.addWidget(self.to_answer_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        return notice

    def _build_comparison(self) -> QWidget:
        content = QWidget()
        content.setObjectName("page")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(32, 14, 32, 24)
        layout.setSpacing(8)

        self.headline = label(role="headline")
        self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.headline)
        figure_row = QHBoxLayout()
        figure_row.setSpacing(16)
        self.alignment = label(role="heading", wrap=False)
        figure_row.addWidget(self.alignment, 0, Qt.AlignmentFlag.AlignTop)
        self.alignment_note = label()
        figure_row.addWidget(self.alignment_note, 1)
        layout.addLayout(figure_row)
        self.unsettled_note = label(role="warning")
        self.unsettled_note.setVisible(False)
        layout.addWidget(self.unsettled_note)

        # The details behind the headline and the figure, each one click away.
        self.toggles = FlexibleRow()
        toggles = self.toggles.row
        toggles.setSpacing(16)
        self.why_button = Disclosure(
            self.tr("Why? The answers behind each reading"),
            self.tr("Why: show the answers behind each party's reading"),
        )
        toggles.addWidget(self.why_button)
        self.figures_button = Disclosure(
            self.tr("More figures"), self.tr("More figures: exact agreement and kappa")
        )
        toggles.addWidget(self.figures_button)
        toggles.addStretch(1)
        layout.addWidget(self.toggles)
        self.why_panel = QWidget()
        self.why_layout = QHBoxLayout(self.why_panel)
        self.why_layout.setContentsMargins(0, 0, 0, 0)
        self.why_layout.setSpacing(16)
        self.why_panel.setVisible(False)
        self.why_button.toggled.connect(self.why_panel.setVisible)
        layout.addWidget(self.why_panel)
        self.figures = label(role="muted")
        self.figures.setVisible(False)
        self.figures_button.toggled.connect(self.figures.setVisible)
        layout.addWidget(self.figures)

        layout.addSpacing(8)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Agenda and questions"))
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._build_agenda_tab(), self.tr("Agenda"))
        self.tabs.addTab(self._build_questions_tab(), self.tr("All questions"))
        self.inside_tab = InsideTab(self)
        self.inside_tab.question_chosen.connect(self.jump_to_question)
        self.tabs.addTab(self.inside_tab, self.tr("Inside each party"))
        layout.addWidget(self.tabs)
        self.tabs.currentChanged.connect(self._fit_tabs_to_current)
        self._fit_tabs_to_current(0)
        # The charts come after the agenda: the room reads the headline and the agenda first.
        layout.addSpacing(8)
        self.chart_row = ChartRow()
        self.radar = ReadingRadar()
        self.radar.setAccessibleName(self.tr("Chart: which kind of relationship each describes"))
        self.chart_row.add_card(
            self._chart_card(
                self.tr("Which kind of relationship each party describes"),
                self.radar,
                self.tr(
                    "Each party's answers, added up by the kind of relationship they point to."
                ),
            )
        )
        self.bars = SectionGapBars()
        self.bars.setAccessibleName(self.tr("Chart: the gap in each section"))
        self.chart_row.add_card(
            self._chart_card(
                self.tr("Gap per section"),
                self.bars,
                self.tr(
                    "0: the same answers, 1: as far apart as possible; weighted by importance."
                ),
            )
        )
        layout.addWidget(self.chart_row)
        layout.addStretch(1)
        return content

    def _fit_tabs_to_current(self, current: int) -> None:
        """The tabs are as tall as the tab shown, not as the tallest (the charts follow them)."""
        for index in range(self.tabs.count()):
            policy = (
                QSizePolicy.Policy.Preferred if index == current else QSizePolicy.Policy.Ignored
            )
            page = self.tabs.widget(index)
            if page is not None:
                page.setSizePolicy(policy, policy)
        self.tabs.updateGeometry()

    def _chart_card(self, title: str, chart: QWidget, caption: str) -> QFrame:
        card = QFrame()
        card.setProperty("role", "card")
        layout = QVBoxLayout(card)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.addWidget(label(title, "prompt"))
        layout.addWidget(label(caption, "muted"))
        layout.addWidget(chart, 1)
        return card

    def _build_agenda_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 10, 0, 0)
        self.agenda_intro = label(role="muted")
        layout.addWidget(self.agenda_intro)
        self.agenda_model = QuestionListModel(self)
        self.agenda_view = two_line_list(self.tr("Agenda"))
        self.agenda_view.setModel(self.agenda_model)
        layout.addWidget(self.agenda_view, 1)
        row = QHBoxLayout()
        self.discuss_button = self._button_for_current(
            self.tr("Discuss in the Agree step"),
            self.tr("Discuss the chosen agenda item in the Agree step"),
            self.agenda_view,
            self._agenda_chosen,
        )
        row.addWidget(self.discuss_button)
        row.addStretch(1)
        layout.addLayout(row)

        self.read_together_box = QWidget()
        box = QVBoxLayout(self.read_together_box)
        box.setContentsMargins(0, 8, 0, 0)
        box.addWidget(label(self.tr("Read together"), "prompt"))
        box.addWidget(
            label(
                self.tr(
                    "Free-text answers have no gap: read them side by side. Double-click one, "
                    "or press Enter, to read both answers in full in the Answer step."
                ),
                "muted",
            )
        )
        self.read_together_model = QuestionListModel(self)
        self.read_together_view = two_line_list(self.tr("Free-text questions to read together"))
        self.read_together_view.setModel(self.read_together_model)
        self.read_together_view.activated.connect(self._question_chosen)
        box.addWidget(self.read_together_view)
        layout.addWidget(self.read_together_box)
        return tab

    def _button_for_current(
        self,
        text: str,
        name: str,
        view: QAbstractItemView,
        act: Callable[[QModelIndex], None],
    ) -> QPushButton:
        """A button that does ``act`` to the view's current row, as double-click and Enter do."""
        view.activated.connect(act)
        button = QPushButton(text)
        button.setAccessibleName(name)
        button.clicked.connect(lambda: act(view.currentIndex()))
        view.selectionModel().currentChanged.connect(self._update_buttons)
        return button

    def _build_questions_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 10, 0, 0)
        filters = QHBoxLayout()
        filters.addWidget(label(self.tr("Show:"), wrap=False))
        self.status_buttons: dict[Status, QToolButton] = {}
        for status in STATUSES:
            button = QToolButton()
            button.setProperty("role", "filter")
            button.setCheckable(True)
            button.setChecked(True)
            button.setIcon(icon(f"status-{status}"))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.toggled.connect(self._filter_changed)
            filters.addWidget(button)
            self.status_buttons[status] = button
        self.shown_count = label(role="muted")
        filters.addSpacing(12)
        filters.addWidget(self.shown_count, 1)
        layout.addLayout(filters)

        self.table_model = QuestionTableModel(self)
        self.table_filter = QuestionFilter(self)
        self.table_filter.setSourceModel(self.table_model)
        self.table = QuestionTable()
        self.table.setAccessibleName(self.tr("All questions"))
        self.table.setModel(self.table_filter)
        self.table.horizontalHeader().setSortIndicator(
            QuestionTableModel.NUMBER, Qt.SortOrder.AscendingOrder
        )
        self.table.setSortingEnabled(True)
        self.table.fit_columns()
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.open_question_button = self._button_for_current(
            self.tr("Open in the Answer step"),
            self.tr("Open the chosen question in the Answer step"),
            self.table,
            self._question_chosen,
        )
        row.addWidget(self.open_question_button)
        row.addWidget(label(self.tr("Or double-click a question, or press Enter."), "muted"), 1)
        layout.addLayout(row)
        self._set_status_counts(None)
        return tab

    # --- following the session ------------------------------------------------------------------

    def on_edit(self, edit: Edit) -> None:
        if edit.action in EDITS_THAT_CHANGE_NOTHING_HERE or not any(
            edit.touches(part)
            for part in ("answers", "individual", "template", "parties", "answering")
        ):
            return  # the agreement, the workshop details, a comment: nothing shown here changed
        super().on_edit(edit)

    def analysis(self) -> Analysis:
        """The analysis of the session as it is now (worked out once per change)."""
        assert self.editor is not None
        return self.editor.analysis()

    def refresh(self) -> None:
        assert self.editor is not None
        session = self.editor.session
        reason = answers_hidden_reason(session)
        if reason is not None:
            self._show_nothing(reason)
            return
        analysis = self.analysis()
        names = {side: party_name(session, side) for side in SIDES}
        numbers = question_numbers(session.template)
        self.headline.setText(headline_text(analysis.headline, names))
        self._fill_why(session, analysis, names, numbers)
        self._fill_figures(session, analysis)
        self._fill_charts(session, analysis, names)
        self._fill_agenda(session, analysis, names, numbers)
        self._fill_table(session, analysis, names, numbers)
        self.inside_tab.fill(session, analysis, numbers)
        self._note_unsettled(session, analysis)
        self.tabs.setTabVisible(self.tabs.indexOf(self.inside_tab), self.inside_tab.has_content)
        self.table.fit_height()
        self.stack.setCurrentWidget(self.scroll_area)

    def _show_nothing(self, reason: str) -> None:
        """Say why there is nothing to compare, and keep nothing derived from the answers."""
        self.hidden_message.setText(reason)
        packed = self.editor is not None and self.editor.session.pack_for is not None
        self.to_answer_button.setVisible(not packed)
        self.stack.setCurrentIndex(0)
        for text_label in (self.headline, self.alignment, self.alignment_note, self.figures):
            text_label.setText("")
        self._clear_why()
        self.radar.clear()
        self.radar.setAccessibleDescription("")
        self.bars.clear()
        self.bars.setAccessibleDescription("")
        self.agenda_model.set_rows([])
        self.read_together_model.set_rows([])
        self.table_model.set_rows([], {"A": "", "B": ""}, {})
        self.agenda_intro.setText("")
        self.inside_tab.clear()
        self.unsettled_note.setVisible(False)
        self.tabs.setTabVisible(self.tabs.indexOf(self.inside_tab), False)
        self._set_status_counts(None)
        self.tabs.setTabText(0, self.tr("Agenda"))
        self.tabs.setTabText(1, self.tr("All questions"))

    def _note_unsettled(self, session: Session, analysis: Analysis) -> None:
        """The parties' answers are compared once each party has settled its own: say which
        party still has questions on which its representatives differ."""
        lines = []
        for side in SIDES:
            inside = analysis.inside[side]
            if inside is not None and inside.settle_first:
                lines.append(
                    self.tr(
                        "{party}'s representatives still differ on {count} questions it has not "
                        "settled: see Inside each party, and settle them in the Answer step "
                        "before comparing the two parties."
                    ).format(party=party_name(session, side), count=len(inside.settle_first))
                )
        self.unsettled_note.setText("\n".join(lines))
        self.unsettled_note.setVisible(bool(lines))

    # --- the headline and its reasons -----------------------------------------------------------

    def _clear_why(self) -> None:
        clear_layout(self.why_layout)

    def _fill_why(
        self,
        session: Session,
        analysis: Analysis,
        names: dict[Side, str],
        numbers: dict[str, str],
    ) -> None:
        self._clear_why()
        for side in SIDES:
            self.why_layout.addWidget(
                self._reading_card(session, side, analysis.readings[side], names, numbers), 1
            )

    def _reading_card(
        self,
        session: Session,
        side: Side,
        reading: Reading,
        names: dict[Side, str],
        numbers: dict[str, str],
    ) -> QFrame:
        card = party_card(session.party(side).colour)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(14, 10, 14, 12)
        layout.addWidget(label(names[side], "prompt"))
        if reading.shares is None or reading.leading is None or reading.margin is None:
            layout.addWidget(
                label(
                    self.tr(
                        "Not enough answers yet for a reading: {used} of the {needed} answers it "
                        "needs."
                    ).format(used=reading.answers_used, needed=reading.answers_needed)
                )
            )
            layout.addStretch(1)
            return card
        shares = reading.shares
        share = round(100 * shares[reading.leading])
        points = round(100 * reading.margin)
        kind = kind_label(reading.leading)
        lead = {
            "clear": self.tr(
                "Describes {kind} ({share}%): a clear lead of {points} points over the next kind."
            ),
            "narrow": self.tr(
                "Describes {kind} ({share}%): a narrow lead of {points} points over the next kind."
            ),
            "unclear": self.tr(
                "Leans toward {kind} ({share}%): only {points} points ahead of the next kind."
            ),
        }[reading.clarity or "unclear"]
        layout.addWidget(
            label(lead.format(kind=kind_phrase(reading.leading), share=share, points=points))
        )
        layout.addWidget(
            label(
                self.tr("All six: {shares}").format(shares=self._shares_in_words(shares)),
                "muted",
            )
        )
        if reading.top:
            layout.addWidget(
                label(
                    self.tr(
                        "The answers that weigh most toward {kind}, with the share each gives:"
                    ).format(kind=kind_phrase(reading.leading)),
                    "muted",
                )
            )
            grid = QGridLayout()
            grid.setHorizontalSpacing(12)
            grid.setVerticalSpacing(2)
            for row, item in enumerate(reading.top):
                percent = percent_text(item.contribution)
                share_label = label(
                    self.tr("{percent}%").format(percent=percent),
                    "prompt",
                    wrap=False,
                )
                share_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
                share_label.setToolTip(
                    plain_tooltip(
                        self.tr("This answer gives {percent}% of the {kind} reading.").format(
                            percent=percent, kind=kind
                        )
                    )
                )
                grid.addWidget(share_label, 2 * row, 0, 2, 1)
                grid.addWidget(label(item.answer), 2 * row, 1)
                grid.addWidget(
                    label(f"{numbers.get(item.question_id, '')}  {item.prompt}", "muted"),
                    2 * row + 1,
                    1,
                )
            grid.setColumnStretch(1, 1)
            layout.addLayout(grid)
        layout.addStretch(1)
        return card

    def _shares_in_words(self, shares: dict[RelationshipKind, float]) -> str:
        ranked = sorted(KINDS, key=lambda kind: -shares[kind])
        return ", ".join(
            self.tr("{kind} {percent}%").format(
                kind=kind_label(kind), percent=round(100 * shares[kind])
            )
            for kind in ranked
        )

    # --- the figures ----------------------------------------------------------------------------

    def _fill_figures(self, session: Session, analysis: Analysis) -> None:
        total = session.template.question_count
        if analysis.alignment is None:
            self.alignment.setText(self.tr("Alignment: not yet"))
            self.alignment_note.setText(
                self.tr(
                    "No question has answers from both parties yet. Alignment shows how close "
                    "the answers are, from 0 to 100, once there are some to compare."
                )
            )
        else:
            self.alignment.setText(
                self.tr("Alignment {figure} of 100").format(figure=f"{analysis.alignment:.0f}")
            )
            self.alignment_note.setText(
                self.tr(
                    "How close the answers are, weighted by importance. Based on the {scored} of "
                    "{total} questions both parties answered."
                ).format(scored=analysis.scored, total=total)
            )
        agreement = analysis.agreement
        lines = []
        if agreement.exact_percent is None:
            lines.append(self.tr("Exact agreement: nothing to compare yet."))
        else:
            lines.append(
                self.tr(
                    "Exact agreement: the same answer on {percent}% of the {n} questions both "
                    "parties answered."
                ).format(percent=f"{agreement.exact_percent:.0f}", n=agreement.exact_n)
            )
        if agreement.kappa_scale is None:
            lines.append(self.tr("Kappa: no scale question has answers from both parties yet."))
        else:
            low, high = agreement.kappa_scale
            if agreement.kappa is None:
                lines.append(
                    self.tr(
                        "Kappa ({n} questions on the {low}-{high} scale): cannot be computed, "
                        "every answer is the same."
                    ).format(n=agreement.kappa_n, low=low, high=high)
                )
            else:
                lines.append(
                    self.tr(
                        "Kappa, agreement beyond chance ({n} questions on the {low}-{high} "
                        "scale): {kappa}. 1 is full agreement, 0 no better than chance, below 0 "
                        "systematically opposed."
                    ).format(
                        n=agreement.kappa_n, low=low, high=high, kappa=f"{agreement.kappa:.2f}"
                    )
                )
            if agreement.kappa_too_few:
                lines.append(
                    self.tr(
                        "Kappa rests on only {n} questions: too few for it to mean much."
                    ).format(n=agreement.kappa_n)
                )
        self.figures.setText("\n".join(lines))

    # --- the charts -----------------------------------------------------------------------------

    def _fill_charts(self, session: Session, analysis: Analysis, names: dict[Side, str]) -> None:
        axes = [kind_label(kind) for kind in KINDS]
        series = []
        notes = []
        summaries = []
        for side in SIDES:
            reading = analysis.readings[side]
            if reading.shares is None:
                notes.append(
                    self.tr(
                        "{name}: not enough answers yet for a reading, so it is not shown."
                    ).format(name=names[side])
                )
                summaries.append(self.tr("{name}: not enough answers yet").format(name=names[side]))
                continue
            series.append(
                RadarSeries(
                    name=names[side],
                    colour=QColor(session.party(side).colour),
                    values=tuple(reading.shares[kind] for kind in KINDS),
                    dashed=side == "B",
                    marker="circle" if side == "A" else "square",
                )
            )
            summaries.append(
                self.tr("{name}: {shares}").format(
                    name=names[side], shares=self._shares_in_words(reading.shares)
                )
            )
        self.radar.set_data(axes, series, notes)
        self.radar.setAccessibleDescription("; ".join(summaries))

        no_gap = self.tr("nothing to compare yet")
        self.bars.set_data(
            [GapBar(section.title, section.gap) for section in analysis.sections], no_gap
        )
        self.bars.setAccessibleDescription(
            "; ".join(
                self.tr("{section}: {gap}").format(
                    section=section.title,
                    gap=no_gap if section.gap is None else f"{section.gap:.2f}",
                )
                for section in analysis.sections
            )
        )

    # --- the agenda and the table ---------------------------------------------------------------

    def _fill_agenda(
        self,
        session: Session,
        analysis: Analysis,
        names: dict[Side, str],
        numbers: dict[str, str],
    ) -> None:
        template = session.template
        rows = []
        for item in analysis.agenda:
            question = template.question(item.question_id)
            answers = {side: session.answer(side, item.question_id) for side in SIDES}
            rows.append(
                ListRow(
                    item.question_id,
                    f"{numbers[item.question_id]}  {question.prompt}",
                    agenda_line(question, answers, names),
                    f"status-{item.status}",
                )
            )
        self.agenda_model.set_rows(rows)
        self.tabs.setTabText(0, self.tr("Agenda ({count})").format(count=len(rows)))
        self.agenda_intro.setText(
            self.tr(
                "The questions on which the parties are apart or that are still open, most "
                "pressing first: the gap times how much the question matters to them. "
                "Double-click an item, or press Enter, to take it up in the Agree step."
            )
            if rows
            else self.tr(
                "Nothing on the agenda: every question answered so far is agreed or close."
            )
        )
        together = []
        for result in analysis.read_together:
            together.append(
                ListRow(
                    result.question_id,
                    f"{numbers[result.question_id]}  {result.prompt}",
                    self._read_together_line(result, names),
                    "status-open",
                )
            )
        self.read_together_model.set_rows(together)
        self.read_together_box.setVisible(bool(together))
        self._update_buttons()

    def _read_together_line(self, result: QuestionResult, names: dict[Side, str]) -> str:
        parts = []
        for side in SIDES:
            answer = result.answer(side)
            if answer is None:
                parts.append(self.tr("{name} has not answered yet").format(name=names[side]))
            else:
                parts.append(
                    self.tr("{name}: {answer}").format(
                        name=names[side], answer=one_line(answer, ANSWER_LIMIT)
                    )
                )
        return self.tr("; ").join(parts)

    def _fill_table(
        self,
        session: Session,
        analysis: Analysis,
        names: dict[Side, str],
        numbers: dict[str, str],
    ) -> None:
        template = session.template
        answers = {side: session.answers_of(side) for side in SIDES}
        rows = []
        for order, (question, result) in enumerate(
            zip(template.questions(), analysis.questions, strict=True)
        ):
            rows.append(
                QuestionRow(
                    question_id=question.id,
                    order=order,
                    number=numbers[question.id],
                    prompt=question.prompt,
                    answers={
                        side: answer_in_words(
                            question, answers[side].get(question.id, Answer()), names
                        )
                        for side in SIDES
                    },
                    gap=result.gap,
                    status=result.status,
                    read_together=result.read_together,
                )
            )
        size = QFontMetrics(self.font()).height()
        swatches = {side: party_swatch(session.party(side).colour, side, size) for side in SIDES}
        self.table_model.set_rows(rows, names, swatches)
        self.tabs.setTabText(1, self.tr("All questions ({count})").format(count=len(rows)))
        self._set_status_counts(analysis)
        self._update_buttons()

    def _set_status_counts(self, analysis: Analysis | None) -> None:
        counts = analysis.status_counts() if analysis is not None else None
        size = QFontMetrics(self.font()).height()
        for status, button in self.status_buttons.items():
            button.setIconSize(QSize(size, size))  # measured at the current zoom
            name = status_label(status)
            if counts is None:
                button.setText(name)
            else:
                button.setText(
                    self.tr("{status} ({count})").format(status=name, count=counts[status])
                )
            button.setAccessibleName(
                self.tr("Show the questions with status {status}").format(status=name)
            )
        self._update_shown_count()

    def _filter_changed(self) -> None:
        self.table_filter.show_statuses(
            {status for status, button in self.status_buttons.items() if button.isChecked()}
        )
        self._update_shown_count()
        self._update_buttons()

    def _update_shown_count(self) -> None:
        total = self.table_model.rowCount()
        shown = self.table_filter.rowCount()
        self.shown_count.setText(
            self.tr("Showing {shown} of {total} questions").format(shown=shown, total=total)
            if total
            else ""
        )

    def _update_buttons(self) -> None:
        self.discuss_button.setEnabled(self.agenda_view.currentIndex().isValid())
        self.open_question_button.setEnabled(self.table.currentIndex().isValid())

    # --- choosing -------------------------------------------------------------------------------

    def _agenda_chosen(self, index: QModelIndex | QPersistentModelIndex) -> None:
        if not index.isValid():
            return
        question_id = index.data(QUESTION_ID_ROLE)
        self.jump_to_step.emit(self.AGREE_STEP)
        self.open_in_agree.emit(question_id)

    def _question_chosen(self, index: QModelIndex | QPersistentModelIndex) -> None:
        if index.isValid():
            self.jump_to_question.emit(index.data(QUESTION_ID_ROLE))


# --- inside each party -----------------------------------------------------------------------


def listed_names(names: list[str]) -> str:
    """ "James Whitfield", "James Whitfield and Sarah Okafor", "A, B and C"."""
    if len(names) == 1:
        return names[0]
    return _tr("{names} and {last}").format(names=_tr(", ").join(names[:-1]), last=names[-1])


def inside_headline_text(session: Session, side: Side, inside: InsideParty) -> str | None:
    """The sentence saying which representatives describe which kind, when they differ; built
    from its parts so that it can be translated (see ``inside_headline``)."""
    groups: dict[RelationshipKind, list[str]] = {}
    for item in inside.representatives:
        if item.reading.leading is not None:
            groups.setdefault(item.reading.leading, []).append(
                respondent_short_label(item.respondent)
            )
    if len(groups) < 2:
        return None
    party = party_name(session, side)
    (first_kind, first), *others = groups.items()
    if len(others) == 1:
        second_kind, second = others[0]
        verb = (
            _tr("Inside {party}, {first} describes {kind} and {second} {other}.")
            if len(first) == 1
            else _tr("Inside {party}, {first} describe {kind} and {second} {other}.")
        )
        return verb.format(
            party=party,
            first=listed_names(first),
            kind=kind_phrase(first_kind),
            second=listed_names(second),
            other=kind_phrase(second_kind),
        )
    lines = [
        _tr("{names}: {kind}").format(names=listed_names(names), kind=kind_phrase(kind))
        for kind, names in groups.items()
    ]
    return _tr(
        "Inside {party}, the representatives describe {count} kinds of relationship:\n{lines}"
    ).format(party=party, count=len(groups), lines="\n".join(lines))


class InsideTab(QWidget):
    """For each party whose representatives answer individually: the headline, each
    representative's reading, and the questions to settle within the party first."""

    question_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Inside each party"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 10, 0, 0)
        self.intro = label(
            self.tr(
                "Where a party's own representatives answered individually: what each of them "
                "describes, and how far apart they are. Double-click a question, or press "
                "Enter, to open it in the Answer step and settle it."
            ),
            "muted",
        )
        layout.addWidget(self.intro)
        self.cards = QHBoxLayout()
        self.cards.setSpacing(16)
        layout.addLayout(self.cards, 1)
        self.has_content = False
        self.settle_views: dict[Side, QListView] = {}

    def clear(self) -> None:
        clear_layout(self.cards)
        self.settle_views = {}
        self.has_content = False

    def fill(self, session: Session, analysis: Analysis, numbers: dict[str, str]) -> None:
        self.clear()
        for side in SIDES:
            inside = analysis.inside[side]
            if inside is not None:
                self.cards.addWidget(self._party_card(session, side, inside, numbers), 1)
                self.has_content = True

    def _party_card(
        self, session: Session, side: Side, inside: InsideParty, numbers: dict[str, str]
    ) -> QFrame:
        card = party_card(session.party(side).colour)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(14, 10, 14, 12)
        name = party_name(session, side)
        # The headline names the party; without one, a title does.
        headline = inside_headline_text(session, side, inside)
        if headline:
            layout.addWidget(label(headline, "heading"))
        else:
            layout.addWidget(label(self.tr("Inside {party}").format(party=name), "prompt"))
        for item in inside.representatives:
            layout.addWidget(label(self._reading_line(session, side, item)))
        if not inside.representatives:
            layout.addWidget(label(self.tr("No representatives named yet."), "muted"))
        template = session.template
        rows = []
        for question_id in inside.settle_first:
            spread = inside.spread[question_id]
            detail = (
                self.tr("The representatives differ in being sure, or in what they wrote")
                if spread is None
                else self.tr("Spread {spread}: the largest gap between two of them").format(
                    spread=f"{spread:.2f}"
                )
            )
            rows.append(
                ListRow(
                    question_id,
                    f"{numbers[question_id]}  {template.question(question_id).prompt}",
                    detail,
                    "status-apart" if spread is None or spread > CLOSE_UP_TO else "status-close",
                )
            )
        if rows:
            layout.addWidget(
                label(
                    self.tr("To settle within {party} first ({count}), most divided first:").format(
                        party=name, count=len(rows)
                    ),
                    "muted",
                )
            )
            model = QuestionListModel(self)
            model.set_rows(rows)
            view = two_line_list(self.tr("{party}: questions to settle first").format(party=name))
            view.setModel(model)
            view.activated.connect(
                lambda index: self.question_chosen.emit(index.data(QUESTION_ID_ROLE))
            )
            self.settle_views[side] = view
            layout.addWidget(view, 1)
        else:
            layout.addWidget(
                label(self.tr("Nothing left to settle within {party}.").format(party=name), "muted")
            )
            layout.addStretch(1)
        return card

    def _reading_line(self, session: Session, side: Side, item: RepresentativeReading) -> str:
        person = respondent_label(session, side, item.respondent)
        reading = item.reading
        if reading.shares is None or reading.leading is None:
            return self.tr("{person}: not enough answers yet ({used} of {needed}).").format(
                person=person, used=reading.answers_used, needed=reading.answers_needed
            )
        share = round(100 * reading.shares[reading.leading])
        template = {
            "clear": self.tr("{person}: describes {kind} ({share}%), a clear lead."),
            "narrow": self.tr("{person}: describes {kind} ({share}%), a narrow lead."),
            "unclear": self.tr("{person}: leans toward {kind} ({share}%)."),
        }[reading.clarity or "unclear"]
        return template.format(person=person, kind=kind_phrase(reading.leading), share=share)
