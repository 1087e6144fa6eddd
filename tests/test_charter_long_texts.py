"""Texts of many lines are set in pieces of a few lines, so that laying them out across pages
takes time in proportion to their length; nothing of the text is lost or changed on the way."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from hypothesis import given
from hypothesis import strategies as st

from partnerworkshop.export.charter.layout import (
    LINES_PER_PIECE,
    _line_pieces,
)

_TAG = re.compile(r"<(/?)([a-zA-Z]+)[^>]*?(/?)>")


def _balanced(markup: str) -> bool:
    depth = 0
    for closing, name, self_closing in _TAG.findall(markup):
        if name == "br" or self_closing:
            continue
        depth += -1 if closing else 1
        if depth < 0:
            return False
    return depth == 0


def test_sixteen_thousand_line_breaks_are_set_in_pieces() -> None:
    markup = "<br/>".join(["x"] * 16_001)
    pieces = _line_pieces(markup)
    assert len(pieces) == 16_001 // LINES_PER_PIECE + 1
    assert "<br/>".join(pieces) == markup
    assert all(piece.count("<br/>") < LINES_PER_PIECE for piece in pieces)


@given(
    st.lists(st.text(st.characters(codec="utf-8"), max_size=300), min_size=1, max_size=200),
    st.sampled_from(["{}", "<i>{}</i>", "Comment: {}", "<b>{}</b> <i>(not sure)</i>"]),
)
def test_pieces_keep_the_text_and_its_markup_whole(lines: list[str], frame: str) -> None:
    markup = frame.format(escape("\n".join(lines)).replace("\n", "<br/>"))
    pieces = _line_pieces(markup)
    assert "<br/>".join(pieces) == markup
    assert all(_balanced(piece) for piece in pieces)
    if not frame.startswith("<"):  # line breaks inside a pair of tags are never cut at
        assert all(piece.count("<br/>") < LINES_PER_PIECE for piece in pieces)
