"""Answer sheets: one party's answers as a CSV file anyone can fill in with a spreadsheet.

A sheet has a few lines starting with "#" that say whose sheet it is and how to fill it in, a
header, and one row per question. The ``allowed`` column says what may be written in the value
column. Values are option ids (separated by ";" for a multiple choice or, in order, for a
ranking), whole numbers for a scale, and for a split the percentage carried by the party whose
sheet it is, named in the allowed column: the session stores Party A's share, so Party B's sheet
shows and takes ``100 - value``.

A sheet for one representative of a party holds that representative's own answers alone and names
them (with their id) in its first lines, so that it goes back to them and nobody else.

Written as Excel expects it: UTF-8 with a byte-order mark, CRLF line ends, and cells quoted by
the csv module when they hold commas, quotes or line breaks. Read back tolerantly, the way
spreadsheets save it again: with or without the byte-order mark, with ";" or a tab instead of
",", as UTF-16 with its byte-order mark (Excel's "Unicode Text"), with empty rows, with spaces
around values, TRUE/FALSE or 1/0 for yes/no.

Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return) as a formula. Free
text (text answers, comments, the questions) that starts with such a character, after any number
of apostrophes, is written with one more apostrophe in front, which spreadsheets show as text.
Reading takes exactly that apostrophe off again, so every text comes back unchanged.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..errors import FileProblem
from ..model.base import Side, other_side
from ..model.incoming import AnswersPlan, plan_incoming
from ..model.session import Answer, Importance, Session
from ..model.storage import (
    MAX_FILE_BYTES,
    MAX_PROBLEMS,
    decode_text,
    read_bytes,
    write_atomically,
)
from ..model.template import (
    AnswerValue,
    MultipleChoiceQuestion,
    Question,
    RankingQuestion,
    ScaleQuestion,
    SingleChoiceQuestion,
    SplitQuestion,
    TextQuestion,
    short_text,
)

COLUMNS = (
    "question_id",
    "section",
    "question",
    "kind",
    "allowed",
    "value",
    "importance",
    "comment",
    "not_sure",
)
NONE_CHOSEN = "(none)"
IMPORTANCE_ALLOWED = "low, normal or high (empty means normal)"
NOT_SURE_ALLOWED = "yes or no (empty means no)"
COMMENT_MAX_LENGTH = 100_000

_KIND_WORDS = {
    "scale": "scale",
    "single": "single choice",
    "multiple": "multiple choice",
    "split": "split",
    "ranking": "ranking",
    "text": "text",
}
_IMPORTANCE: dict[str, Importance] = {
    "": "normal",
    "low": "low",
    "normal": "normal",
    "high": "high",
}
_NOT_SURE = {
    "": False,
    "no": False,
    "false": False,
    "0": False,
    "yes": True,
    "true": True,
    "1": True,
}
_PARTY_LINE = re.compile(r"#\s*Answer sheet for Party ([AB])\b")
# Greedy: the id written after the name, whatever the name holds.
_REPRESENTATIVE_LINE = re.compile(r"#\s*Representative:.*\(id ([0-9a-f]{8,32})\)")
# The session's id ends the second line for people.
_SESSION_LINE = re.compile(r"#.*; session ([0-9a-fA-F-]{32,36})\s*$")
_FORMULA_START = re.compile(r"'*[=+\-@\t\r]")
_OPTION_SEPARATORS = re.compile(r"[;,>]")
# A sign and at most nine digits: any more is no answer on a scale or a share, and far more would
# be more digits than Python turns into a number.
_WHOLE_NUMBER = re.compile(r"[+-]?[0-9]{1,9}")
# The comma first: it is what the sheet is written with; the others are what spreadsheets in
# some languages save it with.
_DELIMITERS = (",", ";", "\t")
_SAVE_AS_UTF8 = (
    'save it again as "CSV UTF-8" (Excel) or with the character set "Unicode (UTF-8)" (LibreOffice)'
)


def protect_formula(text: str) -> str:
    """The text as a cell a spreadsheet shows as text, never runs as a formula."""
    return "'" + text if _FORMULA_START.match(text) else text


def unprotect_formula(cell: str) -> str:
    """The text :func:`protect_formula` was given."""
    return cell[1:] if cell.startswith("'") and _FORMULA_START.match(cell) else cell


def _share(value: int, side: Side) -> int:
    """Party A's share as the share of ``side``, and back again (the sum is always 100)."""
    return value if side == "A" else 100 - value


def _party_name(session: Session, side: Side) -> str:
    return session.party(side).display_name(side)


# --- writing ------------------------------------------------------------------------------------


def allowed_text(session: Session, side: Side, question: Question, *, labels: bool = True) -> str:
    """What may be written in the value column for this question, on ``side``'s sheet.

    With ``labels``, the options and scale points are named as well as numbered.
    """
    if isinstance(question, ScaleQuestion):
        text = f"a whole number from {question.minimum} to {question.maximum}"
        if labels:
            text += ": " + "; ".join(f"{point.value} = {point.label}" for point in question.points)
    elif isinstance(question, SplitQuestion):
        text = (
            f"a whole number from 0 to 100: the % of {question.topic} carried by "
            f"{_party_name(session, side)} ({_party_name(session, other_side(side))} "
            "carries the rest)"
        )
    elif isinstance(question, TextQuestion):
        text = f"any text, up to {question.max_length} characters"
    else:
        if isinstance(question, SingleChoiceQuestion):
            text = "one option id"
        elif isinstance(question, MultipleChoiceQuestion):
            limit = f"up to {question.max_choices}" if question.max_choices else "any number"
            text = f"option ids separated by ; ({limit}), or {NONE_CHOSEN} for none of them"
        else:
            text = "every option id once, separated by ;, in order from first to last"
        if labels:
            text += ": " + "; ".join(f"{option.id} ({option.label})" for option in question.options)
        else:
            text += ": " + ", ".join(question.option_ids())
    if not question.allow_not_sure:
        text += ' ("not sure" is not allowed for this question)'
    return text


def _value_cell(side: Side, question: Question, value: AnswerValue | None) -> str:
    if value is None:
        return ""
    if isinstance(question, SplitQuestion):
        assert isinstance(value, int)
        return str(_share(value, side))
    if isinstance(question, TextQuestion):
        return protect_formula(str(value))
    if isinstance(value, list):
        return "; ".join(value) if value else NONE_CHOSEN
    return str(value)


def _preamble(session: Session, side: Side, representative: str | None) -> list[str]:
    name = _party_name(session, side)
    whose = f"Party {side}" if name == f"Party {side}" else f"Party {side}: {name}"
    template = session.template
    workshop = session.workshop.title or "untitled workshop"
    return [
        f"# Answer sheet for {whose}",
        f"# {workshop}; questionnaire: {template.title} (version {template.version}); "
        f"session {session.id}",
        *_representative_lines(session, side, representative),
        "# Write each answer in the value column, as the allowed column says; "
        "leave it empty to give no answer.",
        f"# importance: {IMPORTANCE_ALLOWED}. not_sure: {NOT_SURE_ALLOWED}. "
        "Do not change the question_id column. Save the file as CSV.",
    ]


def answer_sheet_rows(
    session: Session, side: Side, representative: str | None = None
) -> list[list[str]]:
    """The sheet's rows: the lines for people, the header, one row per question.

    Given ``representative`` (an id), the rows hold that representative's individual answers.
    """
    rows: list[list[str]] = [[line] for line in _preamble(session, side, representative)]
    rows.append(list(COLUMNS))
    answers = (
        session.answers_of(side)
        if representative is None
        else session.representative_answers(side, representative)
    )
    for section in session.template.sections:
        for question in section.questions:
            answer = answers.get(question.id) or Answer()
            filled = not answer.is_empty
            rows.append(
                [
                    question.id,
                    protect_formula(section.title),
                    protect_formula(question.prompt),
                    _KIND_WORDS[question.kind],
                    allowed_text(session, side, question),
                    _value_cell(side, question, answer.value),
                    answer.importance if filled else "",
                    protect_formula(answer.comment),
                    ("yes" if answer.not_sure else "no") if filled else "",
                ]
            )
    return rows


def answer_sheet_bytes(session: Session, side: Side, representative: str | None = None) -> bytes:
    buffer = io.StringIO(newline="")
    rows = answer_sheet_rows(session, side, representative)
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def write_answer_sheet(
    session: Session, side: Side, path: Path, representative: str | None = None
) -> None:
    """Write Party ``side``'s answer sheet (or one representative's) to ``path`` atomically."""
    write_atomically(path, answer_sheet_bytes(session, side, representative))


# --- one representative's sheet -------------------------------------------------------------


def _representative_lines(session: Session, side: Side, representative: str | None) -> list[str]:
    if representative is None:
        return []
    name = session.party(side).representative(representative).name.strip() or "no name yet"
    return [
        f"# Representative: {protect_formula(short_text(name, 80))} (id {representative}); "
        "these are their own answers, for them alone"
    ]


def _sheet_representative(table: _Table) -> tuple[int, str] | None:
    """The row and the id of the representative the sheet was written for, if any."""
    assert table.header_row is not None
    for index, row in enumerate(table.rows[: table.header_row]):
        found = _REPRESENTATIVE_LINE.match(row[0].strip()) if row else None
        if found:
            return index + 1, found.group(1)
    return None


class SheetForRepresentative(FileProblem):
    """A representative's own sheet, given as the party's: ``representative`` is their id."""

    def __init__(self, path: Path, problems: list[str], representative: str) -> None:
        super().__init__(path, problems)
        self.representative = representative


def _check_representative(
    session: Session, side: Side, table: _Table, representative: str | None, path: Path
) -> None:
    """Refuse the sheet as ``representative``'s answers (None: the party's) if it was written
    for someone else; SheetForRepresentative when it is one of the party's representatives'."""
    found = _sheet_representative(table)
    if found is None:
        return
    row, written_for = found
    if written_for == representative:
        return
    party = session.party(side)
    known = {person.id: person.name for person in party.representatives}
    whom = f'"{known[written_for]}"' if known.get(written_for) else "another representative"
    if representative is None and written_for in known:
        raise SheetForRepresentative(
            path,
            [
                f"row {row}: this sheet holds the answers of one representative ({whom}), not "
                "the party's; take it in as that representative's answers"
            ],
            written_for,
        )
    if representative is None:
        problem = (
            f"row {row}: this sheet holds the answers of a representative the party does not have"
        )
    else:
        problem = f"row {row}: this sheet was written for {whom}, not for the representative given"
    raise FileProblem(path, [problem])


# --- reading ------------------------------------------------------------------------------------


class SheetFromOtherSession(FileProblem):
    """A sheet written for another session: taken in only when the user says so."""


class _Bad(ValueError):
    """One cell that does not fit; the message says why."""


@dataclass(frozen=True)
class _Table:
    rows: list[list[str]]
    header_row: int | None
    """Index of the header in ``rows``: the first row that is not empty or a line for people."""

    @property
    def header(self) -> list[str]:
        if self.header_row is None:
            return []
        names = [cell.strip().lower() for cell in self.rows[self.header_row]]
        while names and not names[-1]:
            names.pop()
        return names

    @property
    def matched(self) -> int:
        return len(set(self.header) & set(COLUMNS))

    @property
    def header_is_right(self) -> bool:
        return sorted(self.header) == sorted(COLUMNS)


def _blank(row: list[str]) -> bool:
    return all(not cell.strip() for cell in row)


# A cell can be as long as the whole file: a long comment, or the options of a long question.
csv.field_size_limit(max(csv.field_size_limit(), MAX_FILE_BYTES))
# Excel writes (and reads) a first line such as "sep=;" naming the sheet's delimiter.
_EXCEL_DELIMITER_LINE = re.compile(r"sep=(.)[ \t]*(?:\r\n|\n|\r|$)", re.IGNORECASE)


def _table(text: str, delimiter: str) -> _Table:
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    header_row = next(
        (
            index
            for index, row in enumerate(rows)
            if not _blank(row) and not row[0].strip().startswith("#")
        ),
        None,
    )
    return _Table(rows, header_row)


def read_answer_sheet(
    path: Path,
    session: Session,
    side: Side,
    *,
    representative: str | None = None,
    from_other_session: bool = False,
) -> dict[str, Answer]:
    """Party ``side``'s answers in the sheet, by question id; rows that say nothing are left out.

    Raises FileProblem listing every problem (row, question, what is wrong, what is allowed)
    when anything in the sheet is wrong, so that nothing is taken from a sheet that is only
    partly right; SheetFromOtherSession for a sheet written for another session, unless
    ``from_other_session``.
    """
    return parse_answer_sheet(
        read_bytes(path),
        session,
        side,
        path,
        representative=representative,
        from_other_session=from_other_session,
    )


def parse_answer_sheet(
    data: bytes,
    session: Session,
    side: Side,
    path: Path,
    *,
    representative: str | None = None,
    from_other_session: bool = False,
) -> dict[str, Answer]:
    text = _sheet_text(data, path)
    delimiters: tuple[str, ...] = _DELIMITERS
    excel_line = _EXCEL_DELIMITER_LINE.match(text)
    if excel_line:
        # An empty first row instead: the other rows keep the numbers a spreadsheet shows.
        delimiters = (excel_line.group(1),)
        text = "\n" + text[excel_line.end() :]
    try:
        tables = [_table(text, delimiter) for delimiter in delimiters]
    except csv.Error as error:
        raise FileProblem(path, [f"the file cannot be read as CSV ({error})"]) from None
    table = next((table for table in tables if table.header_is_right), None)
    if table is None:
        raise FileProblem(path, [_header_problem(max(tables, key=lambda t: t.matched))])
    if not from_other_session:
        _check_session(table, session, path)
    _check_representative(session, side, table, representative, path)
    return _SheetReader(session, side, table).answers(path)


def _check_session(table: _Table, session: Session, path: Path) -> None:
    """Refuse a sheet whose lines for people say it belongs to another session."""
    assert table.header_row is not None
    for index, row in enumerate(table.rows[: table.header_row]):
        found = _SESSION_LINE.match(row[0].strip()) if row else None
        if found is None:
            continue
        try:
            written_for = uuid.UUID(found.group(1))
        except ValueError:
            continue
        if written_for != session.id:
            raise SheetFromOtherSession(
                path,
                [
                    f"row {index + 1}: this sheet was written for another workshop session "
                    f"(id {written_for}), not for this one (id {session.id}), although it "
                    "may use the same questionnaire"
                ],
            )


def _sheet_text(data: bytes, path: Path) -> str:
    """The sheet's text: UTF-8, or UTF-16 when it starts with UTF-16's byte-order mark."""
    utf16 = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    # UTF-32's little-endian mark starts with UTF-16's: that text is refused as not UTF-8.
    if not utf16 or data.startswith(codecs.BOM_UTF32_LE):
        return decode_text(data, path, _SAVE_AS_UTF8)
    try:
        text = data.decode("utf-16")
    except UnicodeDecodeError as error:
        raise FileProblem(
            path,
            [
                "the file starts as UTF-16 text but is damaged "
                f"(unreadable byte at position {error.start}); {_SAVE_AS_UTF8}"
            ],
        ) from None
    if not text.strip():
        raise FileProblem(path, ["the file is empty"])
    return text


def _header_problem(table: _Table) -> str:
    expected = ", ".join(COLUMNS)
    if table.header_row is None:
        return f"the file has no header row; it must have one naming the columns {expected}"
    found = table.header
    missing = [name for name in COLUMNS if name not in found]
    unknown = [name or "(empty)" for name in found if name not in COLUMNS]
    repeated = sorted({name for name in found if name in COLUMNS and found.count(name) > 1})
    details = [
        f"{label}: {', '.join(names)}"
        for label, names in (("missing", missing), ("not known", unknown), ("twice", repeated))
        if names
    ]
    return (
        f"row {table.header_row + 1} should be the header, naming the columns {expected} "
        f"({'; '.join(details)})"
    )


class _SheetReader:
    """Reads the rows under the header, collecting every problem before giving up."""

    def __init__(self, session: Session, side: Side, table: _Table) -> None:
        self.session = session
        self.side = side
        self.table = table
        self.problems: list[str] = []
        self.columns = {name: index for index, name in enumerate(table.header)}

    def answers(self, path: Path) -> dict[str, Answer]:
        assert self.table.header_row is not None
        wrong_party = self._preamble_party()
        answers: dict[str, Answer] = {}
        first_row: dict[str, int] = {}
        for index in range(self.table.header_row + 1, len(self.table.rows)):
            row = self.table.rows[index]
            if _blank(row):
                continue
            number = index + 1
            cells = {name: row[i] if i < len(row) else "" for name, i in self.columns.items()}
            question_id = cells["question_id"].strip().lower()
            if not _blank(row[len(self.columns) :]):
                self._problem(
                    number,
                    question_id,
                    "there is something written to the right of the last column",
                    "nothing beyond the columns of the header",
                )
            if not question_id:
                self._problem(
                    number, "", "the question_id is empty", "the question ids as exported"
                )
                continue
            if not self.session.template.has_question(question_id):
                self._problem(
                    number,
                    question_id,
                    "there is no question with this id in the questionnaire "
                    f'"{self.session.template.title}"',
                    "the question ids as exported; do not change this column",
                )
                continue
            if question_id in first_row:
                self._problem(
                    number,
                    question_id,
                    f"this question has a row already (row {first_row[question_id]})",
                    "one row per question",
                )
                continue
            first_row[question_id] = number
            question = self.session.template.question(question_id)
            wrong_party = wrong_party or self._other_party_split(number, question, cells)
            answer = self._answer(number, question, cells)
            if answer is not None and not answer.is_empty:
                answers[question_id] = answer
        if wrong_party:
            self.problems.insert(0, wrong_party)
        if len(self.problems) > MAX_PROBLEMS:
            hidden = len(self.problems) - MAX_PROBLEMS
            raise FileProblem(
                path, [*self.problems[:MAX_PROBLEMS], f"and {hidden:,} more problems"]
            )
        if self.problems:
            raise FileProblem(path, self.problems)
        return answers

    def _problem(self, number: int, question_id: str, problem: str, allowed: str) -> None:
        where = f'row {number}, question "{question_id}"' if question_id else f"row {number}"
        self.problems.append(f"{where}: {problem}; allowed: {allowed}")

    def _wrong_party(self, where: str) -> str:
        other = other_side(self.side)
        return (
            f"{where}: this sheet was written for Party {other} "
            f"({_party_name(self.session, other)}), not for Party {self.side} "
            f"({_party_name(self.session, self.side)}); take it in as Party {other}'s answers"
        )

    def _preamble_party(self) -> str | None:
        assert self.table.header_row is not None
        for index, row in enumerate(self.table.rows[: self.table.header_row]):
            found = _PARTY_LINE.match(row[0].strip()) if row else None
            if found and found.group(1) != self.side:
                return self._wrong_party(f"row {index + 1}")
        return None

    def _other_party_split(
        self, number: int, question: Question, cells: Mapping[str, str]
    ) -> str | None:
        """A split row whose allowed column names the other party's share."""
        if not isinstance(question, SplitQuestion):
            return None
        allowed = cells["allowed"].strip()
        own = allowed_text(self.session, self.side, question).strip()
        other = allowed_text(self.session, other_side(self.side), question).strip()
        if allowed == other and allowed != own:
            return self._wrong_party(f"row {number}")
        return None

    def _answer(self, number: int, question: Question, cells: Mapping[str, str]) -> Answer | None:
        problems_before = len(self.problems)
        value: AnswerValue | None = None
        try:
            value = _read_value(cells["value"], question, self.side)
        except _Bad as bad:
            self._problem(
                number,
                question.id,
                str(bad),
                allowed_text(self.session, self.side, question, labels=False),
            )
        importance = _IMPORTANCE.get(cells["importance"].strip().lower())
        if importance is None:
            self._problem(
                number,
                question.id,
                f'"{short_text(cells["importance"].strip())}" is not an importance',
                IMPORTANCE_ALLOWED,
            )
        not_sure = _NOT_SURE.get(cells["not_sure"].strip().lower())
        if not_sure is None:
            self._problem(
                number,
                question.id,
                f'"{short_text(cells["not_sure"].strip())}" is not yes or no',
                NOT_SURE_ALLOWED,
            )
        elif not_sure and not question.allow_not_sure:
            self._problem(
                number,
                question.id,
                'this question does not allow "not sure"',
                "no, or leave not_sure empty",
            )
        comment = unprotect_formula(cells["comment"])
        if len(comment) > COMMENT_MAX_LENGTH:
            self._problem(
                number,
                question.id,
                f"the comment is {len(comment)} characters long",
                f"a comment of up to {COMMENT_MAX_LENGTH} characters",
            )
        if len(self.problems) > problems_before:
            return None
        assert importance is not None and not_sure is not None
        return Answer(value=value, importance=importance, comment=comment, not_sure=not_sure)


def _read_value(cell: str, question: Question, side: Side) -> AnswerValue | None:
    """The value a cell holds for the question; None when it is empty. Raises _Bad."""
    if isinstance(question, TextQuestion):
        # Text is taken exactly as written: spaces and line breaks may be part of the answer.
        if cell == "":
            return None
        text = unprotect_formula(cell)
        if len(text) > question.max_length:
            raise _Bad(f"the text is {len(text)} characters long")
        return text
    written = cell.strip()
    if not written:
        return None
    if isinstance(question, ScaleQuestion):
        number = _whole_number(written)
        if not question.minimum <= number <= question.maximum:
            raise _Bad(f"{number} is not on the scale")
        return number
    if isinstance(question, SplitQuestion):
        number = _whole_number(written.removesuffix("%").strip())
        if not 0 <= number <= 100:
            raise _Bad(f"{number}% is not a share from 0 to 100")
        return _share(number, side)
    if isinstance(question, MultipleChoiceQuestion) and written.lower() == NONE_CHOSEN:
        return []
    chosen = _option_ids(written, question)
    if isinstance(question, SingleChoiceQuestion):
        if len(chosen) != 1:
            raise _Bad(f"{len(chosen)} options are given; choose exactly one")
        return chosen[0]
    if isinstance(question, MultipleChoiceQuestion):
        if question.max_choices is not None and len(chosen) > question.max_choices:
            raise _Bad(f"{len(chosen)} options are chosen; at most {question.max_choices} may be")
        return question.check_value(chosen)  # in the questionnaire's order
    assert isinstance(question, RankingQuestion)
    missing = [option_id for option_id in question.option_ids() if option_id not in chosen]
    if missing:
        raise _Bad(f"a ranking must list every option once; missing: {', '.join(missing)}")
    return chosen


def _whole_number(written: str) -> int:
    if not _WHOLE_NUMBER.fullmatch(written):
        raise _Bad(f'"{short_text(written)}" is not a whole number')
    return int(written)


def _option_ids(
    written: str, question: SingleChoiceQuestion | MultipleChoiceQuestion | RankingQuestion
) -> list[str]:
    chosen = [part.strip().lower() for part in _OPTION_SEPARATORS.split(written) if part.strip()]
    unknown = [option_id for option_id in chosen if option_id not in question.option_ids()]
    if unknown:
        names = ", ".join(f'"{short_text(option_id)}"' for option_id in unknown)
        raise _Bad(
            f"there is no option {names}" if len(unknown) == 1 else f"there are no options {names}"
        )
    repeated = sorted({option_id for option_id in chosen if chosen.count(option_id) > 1})
    if repeated:
        raise _Bad(f"listed more than once: {', '.join(repeated)}")
    return chosen


def plan_import(
    session: Session,
    side: Side,
    answers: Mapping[str, Answer],
    representative: str | None = None,
) -> AnswersPlan:
    """What taking a sheet's answers (from :func:`read_answer_sheet`) into the session changes."""
    return plan_incoming(session, side, answers, representative)
