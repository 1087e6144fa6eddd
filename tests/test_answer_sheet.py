"""Answer sheets: written as spreadsheets expect, read back exactly, bad ones refused whole."""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path

import pytest
from factories import make_small_template
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import any_text, sessions

from partnerworkshop.errors import FileProblem
from partnerworkshop.export.answer_sheet import (
    COLUMNS,
    answer_sheet_bytes,
    answer_sheet_rows,
    parse_answer_sheet,
    plan_import,
    protect_formula,
    unprotect_formula,
)
from partnerworkshop.model.base import SIDES, Side
from partnerworkshop.model.catalog import builtin_template
from partnerworkshop.model.edits import SessionEditor
from partnerworkshop.model.incoming import AnswersRefused
from partnerworkshop.model.session import Answer, Representative, Session

SHEET = Path("sheet.csv")
# The small questionnaire's rows, as a spreadsheet numbers them: four lines for people and the
# header come first.
ROW = {"trust": 6, "name": 7, "brings": 8, "costs": 9, "priorities": 10, "success": 11}


def expected_answers(session: Session, side: Side) -> dict[str, Answer]:
    """What a sheet can carry: an empty text is no answer, and an empty answer is no answer."""
    expected = {}
    for question_id, answer in session.answers_of(side).items():
        if answer.value == "":
            answer = answer.model_copy(update={"value": None})
        if not answer.is_empty:
            expected[question_id] = answer
    return expected


def read(data: bytes, session: Session, side: Side = "A") -> dict[str, Answer]:
    return parse_answer_sheet(data, session, side, SHEET)


def problems(data: bytes, session: Session, side: Side = "A") -> list[str]:
    with pytest.raises(FileProblem) as raised:
        read(data, session, side)
    return raised.value.problems


def to_csv(rows: list[list[str]], delimiter: str = ",") -> bytes:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def edited_sheet(session: Session, side: Side, question_id: str, **cells: str) -> bytes:
    """The party's sheet with some cells of one question's row replaced."""
    rows = answer_sheet_rows(session, side)
    for row in rows:
        if row[0] == question_id:
            for name, value in cells.items():
                row[COLUMNS.index(name)] = value
    return to_csv(rows)


def fill(session: Session, side: Side, answers: dict[str, Answer]) -> None:
    session.answers_of(side).update(answers)


# --- the file as written ------------------------------------------------------------------------


def test_the_sheet_is_utf8_with_bom_and_crlf_lines(small_session: Session) -> None:
    data = answer_sheet_bytes(small_session, "A")
    assert data.startswith(b"\xef\xbb\xbf# Answer sheet for Party A: Northwind\r\n")
    assert data.count(b"\n") == data.count(b"\r\n")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[ROW["trust"] - 2] == list(COLUMNS)
    assert [row[0] for row in rows[ROW["trust"] - 1 :]] == list(ROW)


def test_the_allowed_column_says_what_may_be_written(small_session: Session) -> None:
    rows = {row[0]: row for row in answer_sheet_rows(small_session, "B")}
    allowed = {question_id: rows[question_id][COLUMNS.index("allowed")] for question_id in ROW}
    assert allowed["trust"].startswith("a whole number from 1 to 5: 1 = Point 1; 2 = Point 2")
    assert (
        allowed["name"]
        == "one option id: supplier (Supplier); account (Account); partner (Partner)"
    )
    assert allowed["brings"].startswith("option ids separated by ; (any number), or (none)")
    assert allowed["priorities"].startswith("every option id once, separated by ;, in order")
    assert allowed["costs"] == (
        "a whole number from 0 to 100: the % of the costs carried by Contoso "
        "(Northwind carries the rest)"
    )
    assert allowed["success"] == "any text, up to 10000 characters"
    assert rows["trust"][COLUMNS.index("kind")] == "scale"
    assert rows["brings"][COLUMNS.index("kind")] == "multiple choice"


def test_answers_are_written_as_people_read_them(small_session: Session) -> None:
    fill(
        small_session,
        "B",
        {
            "trust": Answer(value=4, importance="high", not_sure=True),
            "brings": Answer(value=[]),
            "costs": Answer(value=70, comment="Northwind pays more"),
            "priorities": Answer(value=["joint", "price", "service"]),
        },
    )
    rows = {row[0]: row for row in answer_sheet_rows(small_session, "B")}
    cells = {
        question_id: [rows[question_id][COLUMNS.index(name)] for name in COLUMNS[5:]]
        for question_id in ROW
    }
    assert cells["trust"] == ["4", "high", "", "yes"]
    assert cells["brings"] == ["(none)", "normal", "", "no"]
    # The session keeps Party A's share (70%); Contoso's own sheet shows Contoso's 30%.
    assert cells["costs"] == ["30", "normal", "Northwind pays more", "no"]
    assert cells["priorities"] == ["joint; price; service", "normal", "", "no"]
    assert cells["name"] == ["", "", "", ""]


@given(any_text)
def test_protecting_formulas_is_undone_exactly(text: str) -> None:
    protected = protect_formula(text)
    assert unprotect_formula(protected) == text
    assert not protected.startswith(("=", "+", "-", "@", "\t", "\r"))


@pytest.mark.parametrize(
    "text",
    ['=HYPERLINK("http://x")', "+1", "-2+3", "@SUM(A1)", "'=1+1", "''-x", "'plain", "a=b"],
)
def test_formula_like_text_round_trips(small_session: Session, text: str) -> None:
    fill(small_session, "A", {"success": Answer(value=text, comment=text)})
    data = answer_sheet_bytes(small_session, "A")
    assert b",=" not in data and b",+" not in data and b",@" not in data
    assert read(data, small_session)["success"] == Answer(value=text, comment=text)


# --- round trips --------------------------------------------------------------------------------


@settings(max_examples=60)
@given(sessions(make_small_template()), st.sampled_from(SIDES))
def test_session_to_sheet_to_session_is_exact(session: Session, side: Side) -> None:
    data = answer_sheet_bytes(session, side)
    expected = expected_answers(session, side)
    incoming = read(data, session, side)
    assert incoming == expected

    # Taken into the same session without that party's answers, the sheet restores them all.
    empty = session.model_copy(deep=True)
    empty.answers_of(side).clear()
    plan = plan_import(empty, side, incoming)
    assert not plan.conflicts
    SessionEditor(empty).apply(plan.edit(replace=False))
    assert empty.answers_of(side) == expected
    assert empty.answers_of("B" if side == "A" else "A") == session.answers_of(
        "B" if side == "A" else "A"
    )


@settings(max_examples=25)
@given(sessions(builtin_template("partnership-meaning-short")), st.sampled_from(SIDES))
def test_the_short_questionnaire_round_trips_through_a_resaved_sheet(
    session: Session, side: Side
) -> None:
    """As LibreOffice saves it in many languages: ';' between cells, text quoted, no BOM, LF."""
    rows = answer_sheet_rows(session, side)
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=";", lineterminator="\n", quoting=csv.QUOTE_ALL).writerows(rows)
    resaved = buffer.getvalue().encode("utf-8")
    assert read(resaved, session, side) == expected_answers(session, side)


NAMES = [
    "Zoë Łukasiewicz",
    "Ελένη Παπαδοπούλου",
    "Дмитрий Иванов",
    "中文 合作伙伴",
    "شراكة استراتيجية مع الشركة",
    "Partners 🤝 together 🚀",
]


@pytest.mark.parametrize("text", NAMES)
def test_non_latin_text_commas_quotes_and_line_breaks_round_trip(
    small_session: Session, text: str
) -> None:
    tricky = f'{text}, said "{text}";\r\nthen\n\tmore, and a tab'
    small_session.parties.A.organisation = text
    answers = {
        "success": Answer(value=tricky, comment=text, importance="high"),
        "trust": Answer(value=2, comment=tricky),
        "costs": Answer(value=35, comment=f"= {text}"),
    }
    fill(small_session, "A", answers)
    assert read(answer_sheet_bytes(small_session, "A"), small_session) == answers


# --- what spreadsheets do to a sheet ------------------------------------------------------------

LIBREOFFICE_SHEET = (
    "# Answer sheet for Party A: Northwind;;;;;;;;\n"
    "# untitled workshop;;;;;;;;\n"
    "question_id;section;question;kind;allowed;value;importance;comment;not_sure\n"
    "trust;Basics;How much do you trust them?;scale;a whole number;  4 ;High;;FALSE\n"
    'name;Basics;What do you call it?;single choice;one option id; Account ;LOW;"a; b, ""c""";1\n'
    'brings;Basics;What does each side bring?;multiple choice;ids;" brand;data ";;;0\n'
    "costs;Sharing;Who carries the costs?;split;"
    "a whole number from 0 to 100: the % of the costs carried by Northwind (Contoso carries the"
    " rest);60%;;;TRUE\n"
    "priorities;Sharing;Rank what matters.;ranking;all;service > joint > price;normal;;no\n"
    'success;Sharing;What is success?;text;any text;Zoë\'s "shared" data;;;\n'
    ";;;;;;;;\n"
    ";;;;;;;;\n"
)


def test_a_sheet_saved_by_libreoffice_with_semicolons_and_no_bom(small_session: Session) -> None:
    answers = read(LIBREOFFICE_SHEET.encode("utf-8"), small_session)
    assert answers == {
        "trust": Answer(value=4, importance="high"),
        "name": Answer(value="account", importance="low", comment='a; b, "c"', not_sure=True),
        "brings": Answer(value=["data", "brand"]),
        "costs": Answer(value=60, not_sure=True),
        "priorities": Answer(value=["service", "joint", "price"]),
        "success": Answer(value='Zoë\'s "shared" data'),
    }


def test_a_tab_separated_sheet_without_lines_for_people(small_session: Session) -> None:
    sheet = "\t".join(COLUMNS) + "\r\n" + "trust\t\t\t\t\t3\t\t\t\r\n"
    assert read(sheet.encode("utf-8"), small_session) == {"trust": Answer(value=3)}


@pytest.mark.parametrize(
    ("mark", "encoding"),
    [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")],
    ids=["little-endian", "big-endian"],
)
def test_a_sheet_saved_as_unicode_text_by_excel(
    small_session: Session, mark: bytes, encoding: str
) -> None:
    """Excel's "Unicode Text" is UTF-16 with a byte-order mark and tabs between cells."""
    rows = list(csv.reader(io.StringIO(LIBREOFFICE_SHEET, newline=""), delimiter=";"))
    buffer = io.StringIO()
    csv.writer(buffer, delimiter="\t", lineterminator="\r\n").writerows(rows)
    data = mark + buffer.getvalue().encode(encoding)
    assert read(data, small_session) == read(LIBREOFFICE_SHEET.encode("utf-8"), small_session)


def test_party_b_sheet_converts_the_split_back(small_session: Session) -> None:
    data = edited_sheet(small_session, "B", "costs", value="30")
    assert read(data, small_session, "B")["costs"] == Answer(value=70)


def test_a_row_that_says_nothing_leaves_the_answer_alone(small_session: Session) -> None:
    fill(small_session, "A", {"trust": Answer(value=5)})
    data = edited_sheet(
        small_session, "A", "trust", value="", importance="normal", comment="", not_sure="no"
    )
    plan = plan_import(small_session, "A", read(data, small_session))
    assert (plan.new, plan.conflicts, plan.unchanged) == ([], [], [])


# --- bad sheets ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question_id", "cells", "expected"),
    [
        ("trust", {"value": "6"}, "6 is not on the scale; allowed: a whole number from 1 to 5"),
        ("trust", {"value": "3.5"}, '"3.5" is not a whole number'),
        ("trust", {"value": "three"}, '"three" is not a whole number'),
        ("name", {"value": "friend"}, 'there is no option "friend"; allowed: one option id: '),
        ("name", {"value": "supplier; partner"}, "2 options are given; choose exactly one"),
        ("brings", {"value": "money; gold; silver"}, 'there are no options "gold", "silver"'),
        ("brings", {"value": "money; money"}, "listed more than once: money"),
        ("priorities", {"value": "price; joint"}, "every option once; missing: service"),
        ("priorities", {"value": "price; joint; joint"}, "listed more than once: joint"),
        ("costs", {"value": "101"}, "101% is not a share from 0 to 100"),
        ("costs", {"value": "-5"}, "-5% is not a share from 0 to 100"),
        ("costs", {"value": "half"}, '"half" is not a whole number'),
        ("success", {"value": "x" * 10_001}, "the text is 10001 characters long"),
        ("trust", {"importance": "urgent"}, '"urgent" is not an importance; allowed: low, normal'),
        ("trust", {"not_sure": "maybe"}, '"maybe" is not yes or no; allowed: yes or no'),
    ],
)
def test_a_bad_cell_names_its_row_question_problem_and_what_is_allowed(
    small_session: Session, question_id: str, cells: dict[str, str], expected: str
) -> None:
    data = edited_sheet(small_session, "A", question_id, **cells)
    found = problems(data, small_session)
    assert len(found) == 1
    assert found[0].startswith(f'row {ROW[question_id]}, question "{question_id}": ')
    assert expected in found[0]


def test_not_sure_where_the_question_does_not_allow_it(small_session: Session) -> None:
    question = small_session.template.question("success")
    question.allow_not_sure = False
    data = edited_sheet(small_session, "A", "success", not_sure="yes")
    assert problems(data, small_session) == [
        f'row {ROW["success"]}, question "success": this question does not allow "not sure"; '
        "allowed: no, or leave not_sure empty"
    ]


def test_every_bad_row_is_reported(small_session: Session) -> None:
    rows = answer_sheet_rows(small_session, "A")
    rows[ROW["trust"] - 1][COLUMNS.index("value")] = "9"
    rows[ROW["trust"] - 1][COLUMNS.index("importance")] = "top"
    rows[ROW["costs"] - 1][COLUMNS.index("value")] = "200"
    rows.append(["trust", "", "", "", "", "3", "", "", ""])
    rows.append(["no.such.question", "", "", "", "", "3", "", "", ""])
    rows.append(["", "", "", "", "", "3", "", "", ""])
    rows.append(["name", "", "", "", "", "partner", "", "", "", "", "stray"])
    found = problems(to_csv(rows), small_session)
    assert [line.split(":")[0] for line in found] == [
        'row 6, question "trust"',
        'row 6, question "trust"',
        'row 9, question "costs"',
        'row 12, question "trust"',
        'row 13, question "no.such.question"',
        "row 14",
        'row 15, question "name"',
        'row 15, question "name"',
    ]
    assert "this question has a row already (row 6)" in found[3]
    assert "there is no question with this id" in found[4]
    assert "the question_id is empty" in found[5]
    assert "something written to the right of the last column" in found[6]
    assert "this question has a row already (row 7)" in found[7]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "the file is empty"),
        (b"\r\n  \r\n", "the file is empty"),
        ("\r\n \r\n".encode("utf-16"), "the file is empty"),
        ("question_id,value\r\n".encode("utf-16")[:-1], "the file starts as UTF-16 text but"),
        ("question_id,value\r\n".encode("utf-32"), "the file is not UTF-8 text"),
        ("question_id,valeur\r\ntrust,3\r\n".encode("latin-1") + b"\xe9", "not UTF-8 text"),
        (b"# only a line for people\r\n", "the file has no header row"),
        (
            b"trust,Basics,How much?,scale,,3,,,\r\n",
            "row 1 should be the header, naming the columns question_id, section",
        ),
        (
            b"question_id,section,question,kind,allowed,answer,importance,comment,not_sure\r\n",
            "(missing: value; not known: answer)",
        ),
        (
            b"question_id,section,question,kind,allowed,value,value,importance,comment,not_sure\r\n",
            "(twice: value)",
        ),
    ],
)
def test_a_sheet_without_a_readable_header_is_refused(
    small_session: Session, data: bytes, expected: str
) -> None:
    found = problems(data, small_session)
    assert len(found) == 1
    assert expected in found[0]


def test_the_other_party_s_sheet_is_recognised(small_session: Session) -> None:
    found = problems(answer_sheet_bytes(small_session, "B"), small_session, "A")
    assert found == [
        "row 1: this sheet was written for Party B (Contoso), not for Party A (Northwind); "
        "take it in as Party B's answers"
    ]


def test_the_other_party_s_sheet_is_recognised_by_its_split_rows(small_session: Session) -> None:
    rows = answer_sheet_rows(small_session, "B")[4:]  # without the lines for people
    found = problems(to_csv(rows), small_session, "A")
    assert found == [
        "row 5: this sheet was written for Party B (Contoso), not for Party A (Northwind); "
        "take it in as Party B's answers"
    ]


def test_an_answer_pack_takes_only_its_own_party_s_answers(small_session: Session) -> None:
    small_session.pack_for = "A"
    incoming = read(edited_sheet(small_session, "B", "trust", value="3"), small_session, "B")
    with pytest.raises(AnswersRefused, match="answer pack for Party A"):
        plan_import(small_session, "B", incoming)


# --- one representative's sheet -------------------------------------------------------------


def _sheetable(answers: dict[str, Answer]) -> dict[str, Answer]:
    expected = {}
    for question_id, answer in answers.items():
        if answer.value == "":
            answer = answer.model_copy(update={"value": None})
        if not answer.is_empty:
            expected[question_id] = answer
    return expected


@settings(max_examples=60)
@given(sessions(make_small_template()), st.sampled_from(SIDES), st.data())
def test_a_representative_s_sheet_round_trips_and_holds_nobody_else_s_answers(
    session: Session, side: Side, data: st.DataObject
) -> None:
    people = session.party(side).representatives
    if not people:
        return
    person = data.draw(st.sampled_from(people))
    sheet = answer_sheet_bytes(session, side, person.id)
    own = _sheetable(session.representative_answers(side, person.id))
    assert parse_answer_sheet(sheet, session, side, SHEET, representative=person.id) == own
    # Every comment and text answer in the sheet is this representative's own.
    rows = list(csv.reader(io.StringIO(sheet.decode("utf-8-sig"), newline="")))
    header = rows.index(list(COLUMNS))
    for row in rows[header + 1 :]:
        answer = own.get(row[0], Answer())
        assert unprotect_formula(row[COLUMNS.index("comment")]) == answer.comment
    # Taken back in, it changes that representative's answers alone.
    emptied = session.model_copy(deep=True)
    emptied.individual_of(side).by_representative.pop(person.id, None)
    plan = plan_import(emptied, side, own, person.id)
    SessionEditor(emptied).apply(plan.edit(replace=False))
    assert _sheetable(emptied.representative_answers(side, person.id)) == own
    assert emptied.answers == session.answers
    others = {
        key: value
        for key, value in session.individual_of(side).by_representative.items()
        if key != person.id
    }
    assert {
        key: value
        for key, value in emptied.individual_of(side).by_representative.items()
        if key != person.id
    } == others


def test_a_representative_s_sheet_is_not_taken_as_the_party_s(small_session: Session) -> None:
    small_session.parties.A.representatives = [Representative(name="Ann; (id 0000000000)")]
    ann = small_session.parties.A.representatives[0].id
    sheet = answer_sheet_bytes(small_session, "A", ann)
    assert parse_answer_sheet(sheet, small_session, "A", SHEET, representative=ann) == {}
    assert "take it in as that representative's answers" in problems(sheet, small_session)[0]
