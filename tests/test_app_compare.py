"""The Compare step driven through its widgets: headline, figures, charts, table and agenda."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible, QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QColorDialog, QWidget
from ui_driver import click, visible_texts

from partnerworkshop.model.analysis import Analysis, analyse
from partnerworkshop.model.base import SIDES, Side
from partnerworkshop.model.catalog import example_session
from partnerworkshop.model.kinds import KINDS
from partnerworkshop.model.reading import Reading, answers_needed, headline
from partnerworkshop.model.session import Session
from partnerworkshop.model.template import ScaleQuestion
from partnerworkshop.ui.compare_page import ComparePage, QuestionTableModel, headline_text
from partnerworkshop.ui.main_window import MainWindow
from partnerworkshop.ui.style import ACCENT

COMPARE = 2


def _compare(window: MainWindow, session: Session | None = None) -> ComparePage:
    window.set_document(session or example_session(), None)
    window.go_to_step(COMPARE)
    QApplication.processEvents()
    page = window.compare_page
    assert isinstance(page, ComparePage)
    return page


def _analysis(window: MainWindow) -> Analysis:
    return analyse(window.editor.session)


def _shown_rows(page: ComparePage) -> list[Any]:
    """The table's rows in the order shown, read from the model behind the filter."""
    proxy = page.table_filter
    return [
        page.table_model.rows[proxy.mapToSource(proxy.index(row, 0)).row()]
        for row in range(proxy.rowCount())
    ]


def _click_header(page: ComparePage, column: int) -> None:
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def _double_click_row(view: QAbstractItemView, row: int, column: int = 0) -> None:
    index = view.model().index(row, column)
    view.scrollTo(index)
    centre = view.visualRect(index).center()
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def _pixels_near(image: QImage, colour: str, tolerance: int = 24) -> int:
    target = QColor(colour)
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            pixel = image.pixelColor(x, y)
            if (
                abs(pixel.red() - target.red()) <= tolerance
                and abs(pixel.green() - target.green()) <= tolerance
                and abs(pixel.blue() - target.blue()) <= tolerance
            ):
                count += 1
    return count


def _without_most_answers(side: Side, keep: int) -> Session:
    """The example session with only the first ``keep`` of one party's answers left."""
    session = example_session()
    answers = session.answers_of(side)
    for question_id in list(answers)[keep:]:
        del answers[question_id]
    return session


# --- the headline and the figures ----------------------------------------------------------


def test_the_headline_names_each_partys_kind_of_relationship(window: MainWindow) -> None:
    page = _compare(window)
    assert page.headline.text() == (
        "Northwind describes a key account; Contoso describes a strategic partnership."
    )
    assert page.headline.isVisible()


readings = st.builds(
    lambda leading, clarity: (leading, clarity),
    st.none() | st.sampled_from(KINDS),
    st.sampled_from(["clear", "narrow", "unclear"]),
)


@given(
    reading_a=readings,
    reading_b=readings,
    names=st.lists(st.text(min_size=1, max_size=20), min_size=2, max_size=2),
)
def test_the_headline_is_built_from_its_parts_as_the_model_words_it(
    reading_a: tuple[Any, str], reading_b: tuple[Any, str], names: list[str]
) -> None:
    """The app builds the sentence from the parts (so it can be translated): in English it
    reads exactly as the model's own sentence, in every case."""
    parts = {"A": reading_a, "B": reading_b}
    by_side = {
        side: Reading(
            side=side,
            shares=None,
            leading=parts[side][0],
            margin=None,
            clarity=parts[side][1] if parts[side][0] is not None else None,
            top=(),
            answers_used=0,
            answers_needed=5,
        )
        for side in SIDES
    }
    named = dict(zip(SIDES, names, strict=True))
    sentence = headline(by_side, named)
    assert headline_text(sentence, named) == sentence.text


def test_a_new_session_has_nothing_to_compare_yet(window: MainWindow) -> None:
    page = _compare(window, window.editor.session)
    assert page.headline.text() == (
        "Neither Party A nor Party B has given enough answers yet to tell which kind of "
        "relationship each describes."
    )
    assert page.alignment.text() == "Alignment: not yet"
    assert page.radar.series == [] and len(page.radar.notes) == 2
    assert not page.radar.grab().isNull()
    assert page.bars.bars and all(bar.gap is None for bar in page.bars.bars)
    assert window.step_bar.buttons[COMPARE].status == ""


def test_why_shows_the_answers_behind_each_reading(window: MainWindow) -> None:
    page = _compare(window)
    assert not page.why_panel.isVisible()
    click(page.why_button)
    assert page.why_panel.isVisible()
    texts = visible_texts(page.why_panel)
    analysis = _analysis(window)
    for side in SIDES:
        reading = analysis.readings[side]
        assert reading.top, side
        for item in reading.top:
            assert item.answer in texts
            assert any(item.prompt in text for text in texts)
    assert "Describes a key account (56%): a clear lead of 36 points over the next kind." in texts
    click(page.why_button)
    assert not page.why_panel.isVisible()


def test_alignment_says_what_it_is_and_how_many_questions_it_rests_on(
    window: MainWindow,
) -> None:
    page = _compare(window)
    analysis = _analysis(window)
    assert page.alignment.text() == f"Alignment {analysis.alignment:.0f} of 100"
    assert "weighted by importance" in page.alignment_note.text()
    assert f"Based on the {analysis.scored} of 46 questions" in page.alignment_note.text()
    assert not page.figures.isVisible()
    click(page.figures_button)
    assert page.figures.isVisible()
    figures = page.figures.text()
    agreement = analysis.agreement
    assert agreement.exact_percent is not None and agreement.kappa is not None
    assert f"{agreement.exact_percent:.0f}% of the {agreement.exact_n} questions" in figures
    assert f"({agreement.kappa_n} questions on the 1-5 scale): {agreement.kappa:.2f}" in figures
    assert "too few" not in figures


def test_kappa_on_few_questions_carries_a_warning(window: MainWindow) -> None:
    session = example_session()
    scales = [q.id for q in session.template.questions() if isinstance(q, ScaleQuestion)]
    for question_id in scales[3:]:
        del session.answers.B[question_id]
    page = _compare(window, session)
    assert analyse(session).agreement.kappa_n == 3
    assert "Kappa rests on only 3 questions: too few for it to mean much." in page.figures.text()


def test_step_status_shows_the_alignment(window: MainWindow) -> None:
    assert window.step_bar.buttons[COMPARE].status == ""  # a new session: nothing answered
    _compare(window)
    alignment = _analysis(window).alignment
    assert window.step_bar.buttons[COMPARE].status == f"Alignment {alignment:.0f}"
    window.editor.set_answer_mode("blind")
    assert window.step_bar.buttons[COMPARE].status == "Hidden until revealed"


def test_the_page_follows_edits_and_ignores_comments(window: MainWindow) -> None:
    page = _compare(window)
    before = page.analysis()
    question = next(r for r in before.questions if r.status == "apart")
    window.editor.set_comment("A", question.question_id, "A comment changes no figure")
    assert page.analysis() is before, "a comment is not a reason to analyse again"
    answer_b = window.editor.session.answer("B", question.question_id).value
    window.editor.set_answer("A", question.question_id, answer_b)
    assert page.analysis() is not before
    row = next(r for r in page.table_model.rows if r.question_id == question.question_id)
    assert row.status == "agree" and row.gap == 0


# --- the charts ----------------------------------------------------------------------------


def test_the_charts_draw_each_party_in_its_colour(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _compare(window)
    session = window.editor.session
    colours = {side: session.party(side).colour for side in SIDES}
    radar = page.radar.grab().toImage()
    for side in SIDES:
        assert _pixels_near(radar, colours[side], tolerance=6) > 20, side
    assert [series.name for series in page.radar.series] == ["Northwind", "Contoso"]
    assert not page.radar.series[0].dashed and page.radar.series[1].dashed
    assert (page.radar.series[0].marker, page.radar.series[1].marker) == ("circle", "square")
    assert "Northwind: key account 56%" in page.radar.accessibleDescription()
    assert _pixels_near(page.bars.grab().toImage(), ACCENT, tolerance=6) > 200
    first = _analysis(window).sections[0]
    assert f"{first.title}: {first.gap:.2f}" in page.bars.accessibleDescription()

    # A new colour chosen in Set up is the colour the chart draws.
    monkeypatch.setattr(QColorDialog, "getColor", lambda *args: QColor("#2E9E3E"))
    window.go_to_step(0)
    click(window.setup_page.parties["A"].colour)
    assert session.parties.A.colour == "#2E9E3E"
    window.go_to_step(COMPARE)
    QApplication.processEvents()
    radar = page.radar.grab().toImage()
    assert _pixels_near(radar, "#2E9E3E", tolerance=6) > 20
    assert _pixels_near(radar, colours["A"], tolerance=6) == 0


def test_a_party_without_enough_answers_is_left_out_and_the_headline_says_so(
    window: MainWindow,
) -> None:
    session = _without_most_answers("B", keep=3)
    needed = answers_needed(session.template)
    page = _compare(window, session)
    assert page.headline.text() == (
        "Northwind describes a key account; Contoso has not given enough answers yet to tell "
        "what it describes."
    )
    assert [series.name for series in page.radar.series] == ["Northwind"]
    assert page.radar.notes == [
        "Contoso: not enough answers yet for a reading, so it is not shown."
    ]
    assert "Contoso: not enough answers yet" in page.radar.accessibleDescription()
    radar = page.radar.grab().toImage()
    assert _pixels_near(radar, session.parties.A.colour, tolerance=6) > 20
    assert _pixels_near(radar, session.parties.B.colour, tolerance=6) == 0
    click(page.why_button)
    assert f"Not enough answers yet for a reading: 3 of the {needed} answers it needs." in (
        visible_texts(page.why_panel)
    )


def test_the_charts_grow_with_the_zoom(window: MainWindow) -> None:
    page = _compare(window)
    before = (page.radar.minimumSizeHint(), page.bars.sizeHint())
    for _ in range(3):
        window.zoom_in_action.trigger()
    try:
        radar, bars = page.radar.minimumSizeHint(), page.bars.sizeHint()
        assert radar.width() > before[0].width() and radar.height() > before[0].height()
        assert bars.height() > before[1].height()
    finally:
        window.zoom_reset_action.trigger()


# --- the table of every question -----------------------------------------------------------


def test_the_table_lists_every_question_with_both_answers(
    window: MainWindow, qtmodeltester: Any
) -> None:
    page = _compare(window)
    analysis = _analysis(window)
    rows = _shown_rows(page)
    assert [row.question_id for row in rows] == [r.question_id for r in analysis.questions]
    model = page.table_model
    header = [
        model.headerData(column, Qt.Orientation.Horizontal) for column in range(model.columnCount())
    ]
    assert header == ["No.", "Question", "Northwind", "Contoso", "Gap", "Status"]
    first = model.index(0, 0)
    assert [model.index(0, c).data() for c in range(6)] == [
        "1.1",
        rows[0].prompt,
        analysis.questions[0].answer_a,
        analysis.questions[0].answer_b,
        f"{analysis.questions[0].gap:.2f}",
        analysis.questions[0].status.capitalize(),
    ]
    assert (
        first.siblingAtColumn(QuestionTableModel.STATUS).data(Qt.ItemDataRole.DecorationRole)
        is not None
    )
    text_row = next(row for row in rows if row.read_together)
    text_index = model.index(rows.index(text_row), QuestionTableModel.GAP)
    assert text_index.data() == "read together"
    split_row = next(r for r in rows if r.question_id == "sharing.costs")
    assert split_row.answers["A"] == "Northwind 10%, Contoso 90%"
    qtmodeltester.check(model)
    qtmodeltester.check(page.table_filter)


def test_the_table_sorts_by_gap_both_ways_with_blanks_last(window: MainWindow) -> None:
    page = _compare(window)
    _click_header(page, QuestionTableModel.GAP)
    assert page.table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    gaps = [row.gap for row in _shown_rows(page)]
    known = [gap for gap in gaps if gap is not None]
    assert known == sorted(known) and gaps == known + [None] * (len(gaps) - len(known))
    assert len(known) < len(gaps)

    _click_header(page, QuestionTableModel.GAP)
    assert page.table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    gaps = [row.gap for row in _shown_rows(page)]
    assert gaps[: len(known)] == sorted(known, reverse=True)
    assert gaps[len(known) :] == [None] * (len(gaps) - len(known))

    _click_header(page, QuestionTableModel.STATUS)
    order = ["agree", "close", "apart", "open"]
    statuses = [row.status for row in _shown_rows(page)]
    assert statuses == sorted(statuses, key=order.index)

    _click_header(page, QuestionTableModel.NUMBER)
    assert [row.order for row in _shown_rows(page)] == list(range(46))


def test_the_filter_shows_only_the_statuses_ticked(window: MainWindow) -> None:
    page = _compare(window)
    analysis = _analysis(window)
    counts = analysis.status_counts()
    assert page.status_buttons["apart"].text() == f"Apart ({counts['apart']})"
    page.tabs.setCurrentIndex(1)
    click(page.status_buttons["agree"])
    click(page.status_buttons["close"])
    shown = [row.question_id for row in _shown_rows(page)]
    expected = [r.question_id for r in analysis.questions if r.status in ("apart", "open")]
    assert shown == expected
    assert page.shown_count.text() == f"Showing {len(expected)} of 46 questions"
    assert any(r.read_together for r in _shown_rows(page)), "free text is open, so it is shown"
    click(page.status_buttons["agree"])
    assert len(_shown_rows(page)) == len(expected) + counts["agree"]


def test_double_click_on_a_question_opens_it_in_the_answer_step(window: MainWindow) -> None:
    page = _compare(window)
    page.tabs.setCurrentIndex(1)
    QApplication.processEvents()
    wanted = _shown_rows(page)[17]
    _double_click_row(page.table, 17, QuestionTableModel.QUESTION)
    assert window.current_step() == 1
    assert wanted.question_id in window.answer_page.cards
    section = window.editor.session.template.section_of(wanted.question_id)
    assert window.answer_page.current_section() == section

    # From the keyboard: Enter on the current row.
    window.go_to_step(COMPARE)
    QApplication.processEvents()
    other = _shown_rows(page)[40]
    page.table.setFocus()
    page.table.setCurrentIndex(page.table_filter.index(40, 1))
    QTest.keyClick(page.table, Qt.Key.Key_Return)
    assert window.current_step() == 1
    assert other.question_id in window.answer_page.cards


# --- the agenda ------------------------------------------------------------------------------


def test_choosing_an_agenda_item_opens_it_in_the_agree_step(window: MainWindow, qtbot: Any) -> None:
    page = _compare(window)
    agenda = _analysis(window).agenda
    rows = page.agenda_model.rows
    assert [row.question_id for row in rows] == [item.question_id for item in agenda]
    assert rows[0].title == "1.2  Which of these best describes the relationship you have in mind?"
    assert rows[0].detail == "Northwind: A key account; Contoso: A strategic partnership"
    assert page.tabs.tabText(0) == f"Agenda ({len(agenda)})"
    split = next(row for row in rows if row.question_id == "sharing.costs")
    assert split.detail == (
        "Northwind: we carry 10% of the costs; Contoso: an even split of the costs"
    )
    unsure = next(item for item in agenda if item.status == "open")
    assert "is not sure" in next(r.detail for r in rows if r.question_id == unsure.question_id)

    with qtbot.waitSignal(page.open_in_agree) as chosen:
        _double_click_row(page.agenda_view, 0)
    assert chosen.args == [agenda[0].question_id]
    assert window.current_step() == 3
    assert window.agree_page.panel is not None
    assert window.agree_page.panel.question_id == agenda[0].question_id

    window.go_to_step(COMPARE)
    QApplication.processEvents()
    page.agenda_view.setCurrentIndex(page.agenda_model.index(2))
    with qtbot.waitSignal(page.open_in_agree) as chosen:
        click(page.discuss_button)
    assert chosen.args == [agenda[2].question_id]
    assert window.agree_page.panel is not None
    assert window.agree_page.panel.question_id == agenda[2].question_id


def test_free_text_questions_are_listed_to_read_together(window: MainWindow) -> None:
    page = _compare(window)
    analysis = _analysis(window)
    rows = page.read_together_model.rows
    assert [row.question_id for row in rows] == [r.question_id for r in analysis.read_together]
    assert rows[0].detail.startswith("Northwind: ")
    _double_click_row(page.read_together_view, 0)
    assert window.current_step() == 1
    assert rows[0].question_id in window.answer_page.cards


# --- what must not be shown ----------------------------------------------------------------


def test_blind_mode_shows_nothing_of_the_answers_until_every_section_is_revealed(
    window: MainWindow,
) -> None:
    session = example_session()
    secrets = [
        answer.value
        for side in SIDES
        for answer in session.answers_of(side).values()
        if isinstance(answer.value, str) and len(answer.value) > 20
    ]
    assert secrets
    session.answering.mode = "blind"
    session.answering.revealed = [s.id for s in session.template.sections[:-1]]
    page = _compare(window, session)
    texts = "\n".join(visible_texts(page))
    assert "The answers are hidden while the parties answer blind." in texts
    for secret in secrets:
        assert secret not in texts
    for derived in ("Northwind describes", "Alignment", "key account"):
        assert derived not in texts
    assert page.table_model.rowCount() == 0 and page.agenda_model.rowCount() == 0
    assert page.read_together_model.rowCount() == 0
    assert page.radar.series == [] and page.bars.bars == []
    assert window.step_bar.buttons[COMPARE].status == "Hidden until revealed"
    click(page.to_answer_button)
    assert window.current_step() == 1

    window.editor.reveal_section(session.template.sections[-1].id)
    window.go_to_step(COMPARE)
    QApplication.processEvents()
    assert page.headline.text().startswith("Northwind describes a key account")
    assert page.table_model.rowCount() == 46

    # Going blind again hides it all again, even what was just shown.
    window.editor.set_answer_mode("side_by_side")
    window.editor.undo()
    window.editor.undo()
    assert session.answering.mode == "blind"
    texts = "\n".join(visible_texts(page))
    for secret in secrets:
        assert secret not in texts
    assert page.table_model.rowCount() == 0


def test_an_answer_pack_has_nothing_to_compare(window: MainWindow) -> None:
    session = example_session()
    session.answers.B = {}
    session.pack_for = "A"
    page = _compare(window, session)
    assert "This answer pack holds one party's answers only" in page.hidden_message.text()
    assert not page.to_answer_button.isVisible()
    assert page.table_model.rowCount() == 0 and page.headline.text() == ""


# --- keyboard and accessibility ------------------------------------------------------------


def test_every_focusable_widget_has_an_accessible_name(window: MainWindow) -> None:
    page = _compare(window)
    click(page.why_button)
    click(page.figures_button)
    for tab in range(page.tabs.count()):
        page.tabs.setCurrentIndex(tab)
        QApplication.processEvents()
        for widget in page.findChildren(QWidget):
            if widget.isVisibleTo(window) and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                interface = QAccessible.queryAccessibleInterface(widget)
                name = interface.text(QAccessible.Text.Name) if interface else ""
                assert name.strip(), f"{type(widget).__name__} {widget.objectName()} has no name"


def test_tab_reaches_the_agenda_and_enter_takes_an_item_up(window: MainWindow, qtbot: Any) -> None:
    page = _compare(window)
    page.why_button.setFocus()
    reached = []
    for _ in range(12):
        widget = QApplication.focusWidget()
        reached.append(widget)
        if widget is page.agenda_view:
            break
        QTest.keyClick(widget, Qt.Key.Key_Tab)
    assert page.figures_button in reached
    assert page.agenda_view in reached
    QTest.keyClick(page.agenda_view, Qt.Key.Key_Down)
    with qtbot.waitSignal(page.open_in_agree) as chosen:
        QTest.keyClick(page.agenda_view, Qt.Key.Key_Return)
    current = page.agenda_view.currentIndex().row()
    assert chosen.args == [page.agenda_model.rows[current].question_id]
