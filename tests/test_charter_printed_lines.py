"""A party's text is printed line by line, but runs of empty lines print as one empty line: a
comment of thousands of line breaks does not fill hundreds of pages with nothing."""

from __future__ import annotations

import io

import docx
from factories import agree_on_example
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from partnerworkshop.export.charter import CharterOptions, charter_pdf, charter_word
from partnerworkshop.export.charter.content import printed_lines
from partnerworkshop.model.catalog import example_session
from partnerworkshop.model.session import Session

lines = st.lists(st.sampled_from(["", " ", "\t", "a", "Both parties", "  indented", "x y"]))


@given(lines, st.sampled_from(["\n", "\r\n", "\r"]))
def test_every_line_with_words_is_kept_in_order_and_no_empty_lines_pile_up(
    parts: list[str], newline: str
) -> None:
    text = newline.join(parts)
    printed = printed_lines(text)
    assert [line for line in printed.split("\n") if line.strip()] == [
        line for line in parts if line.strip()
    ]
    assert "\n\n\n" not in printed
    assert not printed.startswith("\n") and not printed.endswith("\n")
    assert printed_lines(printed) == printed


def _with_comment(comment: str) -> Session:
    session = example_session()
    agree_on_example(session)
    question = next(iter(session.template.questions())).id
    session.answers.A[question] = session.answer("A", question).model_copy(
        update={"comment": comment}
    )
    return session


OPTIONS = CharterOptions(include_comments=True)


def test_a_comment_of_16000_line_breaks_prints_as_its_words() -> None:
    flooded, _, flooded_pages = charter_pdf(
        _with_comment("Our view.\n" + "\n" * 16_000 + "Done."), OPTIONS
    )
    _, _, plain_pages = charter_pdf(_with_comment("Our view.\n\nDone."), OPTIONS)
    assert flooded_pages == plain_pages
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(flooded)).pages)
    assert "Our view." in text and "Done." in text


def test_the_word_version_prints_the_same_lines() -> None:
    data, _ = charter_word(_with_comment("Our view.\n" + "\n" * 500 + "Done."), OPTIONS)
    document = docx.Document(io.BytesIO(data))
    cells = [
        cell
        for table in document.tables
        for row in table.rows
        for cell in row.cells
        if "Our view." in cell.text
    ]
    assert cells
    assert all("Done." in cell.text and "\n\n\n" not in cell.text for cell in cells)
